"""The parsed gazetteer kept between builds, so that a big one is read once.

Parsing a GeoNames dump of millions of rows takes minutes; the entries and the name index it
gives depend only on the file's bytes, its path (messages name it) and the code. They are kept
in a folder beside the output folder (``maps`` -> ``.maps.gazetteer.cache``), one file under a
key of those (``cache_key``), in the plain format of ``store`` (no pickle: a damaged file is a
miss and the gazetteer is parsed again, giving the same entries; tests/test_gazetteer_cache.py).

Read back, nothing is built until it is used: ``StoredEntries`` makes an ``Entry`` when it is
first asked for (a rebuild whose reports are all in the per-report cache asks for the few that
are drawn), or all of them at once when they are iterated; the index is built on first use, and
a name looked up before that is found through the keys' hashes (``key_hashes``, ``keys.hashes``).

The entries are stored in columns: ids (sorted, as both readers sort them: looked up by
bisection), one record per entry of its string fields (``FIELD``-separated, lists
``ITEM``-separated) with the record ends, numbers as arrays, kinds and countries as codes into
tables. A gazetteer whose strings hold one of those separators (control characters, which
names never keep) is simply not cached.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections.abc import Iterable, Iterator
from operator import attrgetter
from pathlib import Path

import numpy as np

from ..model import Entry
from . import store
from .index import Gazetteer
from .keys import hashes as key_hashes
from .keys import key_bounds
from .stored import FIELD, ITEM, RECORD_FIELDS, Columns, StoredEntries

FORMAT = 1
SUFFIX = ".gazetteer"
CHUNK = 200_000                   # entries or keys encoded at a time


class Unstorable(ValueError):
    """The gazetteer holds a string the format cannot keep apart (a separator character)."""


def folder_for(out_dir: Path) -> Path:
    """The cache folder of an output folder: ``.NAME.gazetteer.cache`` beside it."""
    out_dir = Path(out_dir)
    return out_dir.parent / f".{out_dir.name or 'out'}.gazetteer.cache"


def cache_key(sha256: str, path: Path) -> str:
    """The key of a gazetteer file: its bytes' sha256, its path (messages name it), the code."""
    h = hashlib.sha256()
    for part in (f"gazetteer {FORMAT}", sha256, str(path), store.code_fingerprint()):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


class GazetteerCache:
    """The gazetteer kept in ``folder``; every IO problem is a miss (or nothing kept), never a
    failed build; ``problems`` says what went wrong, once."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.problems: list[str] = []

    def _problem(self, what: str) -> None:
        if not self.problems:
            self.problems.append(f"{self.folder}: {what}; the gazetteer is read from its file")

    def get(self, path: Path, sha256: str) -> Gazetteer | None:
        key = cache_key(sha256, path)
        try:
            found = store.read(self.folder / f"{key}{SUFFIX}", key)
        except OSError as e:
            self._problem(f"cannot be read ({e.strerror})")
            return None
        if found is None:
            return None
        meta, sections = found
        try:
            columns = Columns(meta, sections)
        except (ValueError, KeyError, TypeError):
            return None        # another layout: parse the file again
        return columns.gazetteer(path, sha256)

    def put(self, gaz: Gazetteer) -> bool:
        """Keep ``gaz``; whether it was kept."""
        key = cache_key(gaz.sha256, gaz.path)
        name = f"{key}{SUFFIX}"
        kept = gaz.entries.kept() if isinstance(gaz.entries, StoredEntries) else None
        try:
            with store.no_gc():
                if kept is not None:           # already in columns (a GeoNames dump): written as they are
                    meta, sections = kept
                    store.write(self.folder / name, key, dict(meta, warnings=list(gaz.warnings)), sections.items())
                    store.prune(self.folder, SUFFIX, name)
                    return True
                entries = list(gaz.entries.values())
                codes: dict[str, np.ndarray] = {}
                meta = _meta(gaz, entries, codes)
                store.write(self.folder / name, key, meta, _sections(gaz, entries, codes))
        except Unstorable:
            return False
        except OSError as e:
            self._problem(f"cannot be written ({e.strerror})")
            return False
        store.prune(self.folder, SUFFIX, name)
        return True


# -- writing ----------------------------------------------------------------------------------

def _codes(values: Iterable[str]) -> tuple[list[str], np.ndarray]:
    """(table of the distinct values in order, each value's index in it)."""
    table: dict[str, int] = {}
    codes = np.array([table.setdefault(v, len(table)) for v in values], dtype=np.int32)
    return list(table), codes


def _column(entries: list[Entry], field: str, dtype) -> np.ndarray:
    return np.array(list(map(attrgetter(field), entries)), dtype=dtype)


def _meta(gaz: Gazetteer, entries: list[Entry], codes: dict[str, np.ndarray]) -> dict:
    """The header's part: counts, format, warnings, and the tables of kinds and countries (their
    codes in ``codes``)."""
    meta = {"count": len(entries), "keys": len(gaz.index), "format": gaz.format, "warnings": list(gaz.warnings)}
    for name, field in (("kinds", "kind"), ("countries", "country")):
        meta[name], codes[name] = _codes(map(attrgetter(field), entries))
    return meta


def _record(e: Entry) -> str:
    if "" in e.aliases or "" in e.alternatives:
        raise Unstorable("an empty list item")
    return FIELD.join((e.name, ITEM.join(e.aliases), e.parent, e.geometry, "" if e.source == e.id else e.source,
                       ITEM.join(e.alternatives)))


def _records(entries: list[Entry], ends: list[np.ndarray]) -> Iterator[bytes]:
    """The records, NUL-separated, a chunk at a time; the end of each in ``ends``."""
    at = 0
    for a in range(0, len(entries), CHUNK):
        chunk = entries[a:a + CHUNK]
        text = "\0".join(map(_record, chunk))
        items = sum(max(len(e.aliases) - 1, 0) + max(len(e.alternatives) - 1, 0) for e in chunk)
        if (text.count("\0") != len(chunk) - 1 or text.count(FIELD) != (RECORD_FIELDS - 1) * len(chunk)
                or text.count(ITEM) != items):
            raise Unstorable("a separator in a string")
        blob = text.encode("utf-8") + (b"\0" if a + CHUNK < len(entries) else b"")
        sep = np.flatnonzero(np.frombuffer(blob, np.uint8) == 0) + at
        ends.append(sep if a + CHUNK < len(entries) else np.append(sep, at + len(blob)))
        at += len(blob)
        yield blob


def _joined_chunks(strings: list[str]) -> Iterator[bytes]:
    for a in range(0, len(strings), CHUNK):
        blob = store.joined(strings[a:a + CHUNK])
        if blob is None:
            raise Unstorable("a NUL in a string")
        yield blob + (b"\0" if a + CHUNK < len(strings) else b"")


def _sections(gaz: Gazetteer, entries: list[Entry], codes: dict[str, np.ndarray]
              ) -> Iterator[tuple[str, store.Section | Iterator[bytes]]]:
    """The sections of ``gaz``, each made when the writer asks for it."""
    ids = list(map(attrgetter("id"), entries))
    if any(itertools.starmap(str.__ge__, zip(ids, ids[1:]))):
        raise Unstorable("ids not in order")
    yield "ids", _joined_chunks(ids)
    ends: list[np.ndarray] = []
    yield "records", _records(entries, ends)
    yield "record_ends", np.concatenate(ends).astype(np.int64) if ends else np.zeros(0, np.int64)
    yield from codes.items()
    yield "lat", _column(entries, "lat", np.float64)
    yield "lon", _column(entries, "lon", np.float64)
    precision = list(map(attrgetter("precision_km"), entries))
    yield "precision", np.array([math.nan if p is None else p for p in precision], dtype=np.float64)
    yield "precision_is_int", np.array([type(p) is int for p in precision], dtype=np.int8)   # GeoNames' kinds: 3, not 3.0
    yield "lines", _column(entries, "line", np.int64)
    yield "source_is_id", np.array(list(map(str.__eq__, map(attrgetter("source"), entries), ids)), dtype=np.int8)
    parents = [s for e in entries if e.parent for s in (e.id, e.parent)]
    yield "parents", _joined_chunks(parents)
    row = dict(zip(ids, range(len(ids))))
    index = gaz.index
    keys = list(index)
    blob = b"".join(_joined_chunks(keys))   # (each chunk ends with a NUL but the last)
    yield "keys", blob
    yield "key_rows", np.fromiter(map(row.__getitem__, index.values()), np.int32, len(keys))
    yield "key_hashes", key_hashes(blob, *key_bounds(blob, len(keys)))

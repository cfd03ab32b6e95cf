"""The per-report results of earlier builds, so that a rebuild reads only reports that changed.

A result is stored under a key of everything that shapes it: the report (its id, text, title,
date, outlet and link) and the engine (the gazetteer's sha256, every vocabulary file, the
package's code and the versions of Python and the matcher library). Any change to one of them
is another key, so a cached result is exactly what processing the report again would give; the
outputs of a warm build are byte-identical to a cold one (tests/test_cache.py).

The cache is a folder beside the output folder (``maps`` -> ``.maps.cache``) holding one SQLite
file (``geo.result_store``), one row per report: its key and its result as zlib-compressed JSON
of plain fields, never pickle, so a row changed by someone else can at worst be a miss (the
report is then read again), never code; a damaged or foreign file is made anew. The results a
build needs are read in one pass and decoded together (``decode_many``). After a build, the rows
no report of that build used are removed: the cache holds one build's worth.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import os
import platform
import sys
import tempfile
import typing
import zlib
from pathlib import Path

from . import result_store
from .fingerprint import add_files, package_digest
from .gazetteer.store import no_gc
from .model import Claim, Mention, Report
from .report_step import ReportResult
from .unresolved import Unresolved

FORMAT = 4
SUFFIX = ".json.z"                     # the files of earlier versions (one per report), removed by ``prune``
MAX_BLOB_BYTES = 256 * 1024 * 1024     # a kept result larger than this is a miss, not read
WRITE_BATCH = 1000                     # results kept per transaction (a killed build keeps the batches done)
MAX_RECORDS = 50_000_000               # nor is one that claims more records of a kind than this
MAX_REPEATED = 10_000                  # ... or, with no column written out, more than this


def folder_for(out_dir: Path) -> Path:
    """The cache folder of an output folder: ``.NAME.cache`` beside it."""
    out_dir = Path(out_dir)
    return out_dir.parent / f".{out_dir.name or 'out'}.cache"


def code_fingerprint() -> str:
    """sha256 over the package's Python files and shipped data files (path and bytes)."""
    return package_digest().hex()


def engine_key(gazetteer_sha256: str, vocab_files: list[Path]) -> str:
    """The part of every key that the reports share: gazetteer, vocabulary, code, versions."""
    from importlib import metadata
    try:
        matcher_version = metadata.version("ahocorasick-rs")
    except metadata.PackageNotFoundError:
        matcher_version = ""
    h = hashlib.sha256()
    for part in (f"format {FORMAT}", platform.python_version(), sys.implementation.name, matcher_version,
                 gazetteer_sha256, code_fingerprint()):
        h.update(part.encode() + b"\0")
    add_files(h, vocab_files)
    return h.hexdigest()


def report_key(engine: str, report: Report) -> str:
    fields = [report.id, report.title, report.text, report.date, report.outlet, report.outlet_basis, report.url]
    return hashlib.sha256((engine + json.dumps(fields, ensure_ascii=False)).encode("utf-8", "surrogatepass")).hexdigest()


# -- records as plain JSON and back, every field's type checked -------------------------------

_RECORDS = {"mentions": Mention, "claims": Claim, "unresolved": Unresolved}


def _fields(cls) -> list[tuple[str, object]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, hints[f.name]) for f in dataclasses.fields(cls)]


_FIELDS = {key: _fields(cls) for key, cls in _RECORDS.items()}


SHARED_FROM = 24      # a string at least this long is written once per file and referred to by index


def encode(result: ReportResult) -> bytes:
    """The result as compressed JSON, one list per field (columns); long strings (the sentence
    every mention in it repeats) are kept once in ``strings`` and referred to by index, so reading
    the file back shares them again as processing the report did."""
    strings: dict[str, int] = {}

    def plain(v):
        if isinstance(v, str) and len(v) >= SHARED_FROM:
            return strings.setdefault(v, len(strings))
        return v

    data: dict = {"format": FORMAT}
    for key in _RECORDS:
        records = getattr(result, key)
        data[key] = {n: _packed([plain(getattr(r, n)) for r in records]) for n, _ in _FIELDS[key]}
    data["strings"] = list(strings)
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"), 6)


def _packed(values: list):
    """A column as written: ``{"same": v, "n": n}`` when its ``n`` > 1 values are all ``v`` (the
    report id every record repeats), else the list itself."""
    if len(values) > 1 and values.count(values[0]) == len(values):
        return {"same": values[0], "n": len(values)}
    return values


def _unpacked(values) -> list:
    if isinstance(values, dict):
        same, n = values.get("same"), values.get("n")
        if set(values) != {"same", "n"} or type(n) is not int or not 1 < n <= MAX_RECORDS:
            raise ValueError("a bad repeated column")
        return [same] * n
    if not isinstance(values, list):
        raise ValueError("a column is not a list")
    return values


def _resolved(values, hint, strings: list[str]) -> list:
    """A str field's column with string indexes resolved into ``strings`` (types checked later)."""
    values = _unpacked(values)
    if hint is str and int in set(map(type, values)):
        try:
            return [strings[v] if type(v) is int and v >= 0 else v for v in values]
        except IndexError:
            raise ValueError("a string index out of range") from None
    return values


def _typed(values: list, hint) -> list:
    """A field's values, of many results at once, checked against its type (lists of strings
    made tuples for tuple fields); ValueError for a value of another type."""
    if typing.get_origin(hint) is tuple:
        if not all(type(v) is list and set(map(type, v)) <= {str} for v in values):
            raise ValueError("a tuple field is not a list of strings")
        return [tuple(v) for v in values]
    if not set(map(type, values)) <= {hint}:
        raise ValueError(f"a value that is not {hint}")
    return values


def _check_lengths(key: str, columns: list) -> None:
    """Every column of a kind as long as the others before any repeated one is expanded; with no
    column written out, at most ``MAX_REPEATED`` records (a 200-byte file is no 50-million-record one)."""
    lengths = {len(c) if isinstance(c, list) else c.get("n") if isinstance(c, dict) else None for c in columns}
    if len(lengths) > 1:
        raise ValueError(f"{key}: columns of different lengths")
    if not any(isinstance(c, list) for c in columns) and lengths and next(iter(lengths)) not in range(MAX_REPEATED + 1):
        raise ValueError(f"{key}: too many repeated records")


Parsed = dict[str, list[list]]     # kind -> its columns, in ``_FIELDS`` order, string indexes resolved


def _parsed(blob: bytes) -> Parsed:
    """The columns ``encode`` wrote into ``blob``, every structure checked but not yet the types
    of the values (``_typed``); ValueError for anything else."""
    try:
        data = json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass"))
    except (zlib.error, UnicodeDecodeError) as e:
        raise ValueError(str(e)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a cache file of this format")
    strings = data.get("strings")
    if not isinstance(strings, list) or not set(map(type, strings)) <= {str}:
        raise ValueError("bad strings")
    parts = {}
    for key in _RECORDS:
        columns = data.get(key)
        if not isinstance(columns, dict) or set(columns) != {n for n, _ in _FIELDS[key]}:
            raise ValueError(f"bad {key}")
        _check_lengths(key, list(columns.values()))
        cols = [_resolved(columns[n], h, strings) for n, h in _FIELDS[key]]
        if len({len(c) for c in cols}) > 1:
            raise ValueError(f"{key}: columns of different lengths")
        parts[key] = cols
    return parts


def _results(parsed: list[Parsed]) -> list[ReportResult]:
    """The results of many parsed blobs: each field's values checked for all of them at once and
    the records made at once (the checks' cost is per column, not per value); ValueError."""
    records = {}
    for key, cls in _RECORDS.items():
        cols = [_typed(list(itertools.chain.from_iterable(p[key][j] for p in parsed)), hint)
                for j, (_, hint) in enumerate(_FIELDS[key])]
        made = iter(list(map(cls, *cols)))
        records[key] = [list(itertools.islice(made, len(p[key][0]))) for p in parsed]
    return [ReportResult(m, c, u) for m, c, u in zip(records["mentions"], records["claims"], records["unresolved"])]


def decode(blob: bytes) -> ReportResult:
    """The result ``encode`` wrote; ValueError for anything else."""
    return _results([_parsed(blob)])[0]


def _decoded_or_none(blob: bytes) -> ReportResult | None:
    try:
        return decode(blob)
    except ValueError:
        return None


def decode_many(blobs: list[bytes | None]) -> list[ReportResult | None]:
    """``decode`` of each blob, None for a None or one ``decode`` refuses; done together (and
    without the cyclic garbage collector: the records make no cycles), so that reading the
    results of thousands of reports costs about what their JSON does."""
    with no_gc():
        parsed: list[Parsed | None] = []
        for blob in blobs:
            try:
                parsed.append(None if blob is None else _parsed(blob))
            except ValueError:
                parsed.append(None)
        try:
            made = iter(_results([p for p in parsed if p is not None]))
        except ValueError:       # a value of a wrong type somewhere: find the blobs it is in
            return [None if p is None or b is None else _decoded_or_none(b) for p, b in zip(parsed, blobs)]
        return [None if p is None else next(made) for p in parsed]


def write_atomic(path: Path, data: bytes) -> None:
    """``data`` into ``path`` all at once (a temporary file in its folder, then renamed: a reader
    sees the old file or the new one, never a part); OSError when it cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ResultCache:
    """Per-report results in ``folder`` (``geo.result_store``); every IO problem makes a miss
    (or a result not kept), never a failed build; ``problems`` says what went wrong, once."""

    def __init__(self, folder: Path, engine: str):
        self.folder = Path(folder)
        self.path = self.folder / result_store.NAME
        self.engine = engine
        self.used: set[str] = set()
        self.problems: list[str] = []
        self.hits = 0
        self._pending: list[tuple[str, bytes]] = []

    def _problem(self, what: str) -> None:
        if not self.problems:
            self.problems.append(f"{self.folder}: {what}; reports are read again")

    def _failed(self, e: result_store.StoreError) -> None:
        """A warning for ``e``; a damaged store is removed (the next write makes a new one)."""
        if e.damaged:
            result_store.remove(self.path)
            self._problem(f"{result_store.NAME} {e.what}, made anew")
        else:
            self._problem(f"{result_store.NAME} {e.what}")

    def fetch(self, reports: list[Report]) -> list[bytes | None]:
        """The kept result of each report as stored, None where there is none (``decoded``
        makes them results: a build decodes them while its new reports are read)."""
        keys = [report_key(self.engine, r) for r in reports]
        self.used.update(keys)
        try:
            blobs = result_store.read(self.path, keys, MAX_BLOB_BYTES)
        except result_store.StoreError as e:
            self._failed(e)
            blobs = {}
        return [blobs.get(k) for k in keys]

    def decoded(self, blobs: list[bytes | None]) -> list[ReportResult | None]:
        """``fetch``'s blobs as results, None where there is none or it is damaged (a miss)."""
        results = decode_many(blobs)
        self.hits += sum(r is not None for r in results)
        return results

    def get_all(self, reports: list[Report]) -> list[ReportResult | None]:
        """The kept result of each report, None where there is none (or it is damaged)."""
        return self.decoded(self.fetch(reports))

    def get(self, report: Report) -> ReportResult | None:
        return self.get_all([report])[0]

    def put(self, report: Report, result: ReportResult) -> None:
        """Keep ``result`` (written with the next ``WRITE_BATCH``, or by ``flush``/``prune``)."""
        key = report_key(self.engine, report)
        self.used.add(key)
        self._pending.append((key, encode(result)))
        if len(self._pending) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        rows, self._pending = self._pending, []
        if not rows:
            return
        for attempt in range(2):
            try:
                result_store.write(self.path, rows)
                return
            except result_store.StoreError as e:
                self._failed(e)
                if not e.damaged or attempt:
                    return

    def prune(self) -> int:
        """Keep what is pending, then remove the rows no report of this build used, and the files
        of earlier versions (one per report) and stale temporary files; how many."""
        self.flush()
        removed = 0
        try:
            items = list(self.folder.iterdir()) if self.folder.is_dir() and not self.folder.is_symlink() else []
        except OSError:
            items = []
        for p in items:
            if p.name.endswith(SUFFIX) or p.name.startswith(".tmp-"):
                try:
                    p.unlink()
                    removed += 1
                except OSError:
                    pass
        try:
            removed += result_store.keep_only(self.path, self.used)
        except result_store.StoreError as e:
            self._failed(e)
        return removed

"""A gazetteer read back from the cache (``cache``): its columns checked, its entries built when
they are asked for.

``Columns`` checks everything that later code would index by (counts, record ends, codes, rows,
the order of the ids) before anything is used, so that a file that passed ``store.read`` but
was not written by ``cache`` is refused as a whole (ValueError: a miss) rather than failing in
the middle of a build. ``StoredEntries`` is the ``entries`` mapping: one entry is built when it
is looked up (a bisection in the sorted ids, a slice of the records), all of them when the
mapping is iterated for its values (the recognisers scan every entry), and then kept.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left
from collections.abc import ItemsView, Iterator, Mapping, ValuesView
from pathlib import Path

import numpy as np

from ..errors import GazetteerError
from ..model import Entry
from . import store
from .checks import LAT, LON, MAX_PRECISION_KM
from .index import Gazetteer, new_entry
from .keys import KeyIndex, hash_of, key_bounds
from .store import no_gc

FIELD, ITEM = "\x01", "\x02"     # between an entry's string fields; between the items of a list
RECORD_FIELDS = 6                 # name, aliases, parent, geometry, source, alternatives
CHUNK = 200_000                   # entries decoded at a time when all are built
BIG_INDEX = 1_000_000             # name keys from which the index is a KeyIndex, not a dict
NUMERIC = {"kinds": np.int32, "countries": np.int32, "lat": np.float64, "lon": np.float64,
           "precision": np.float64, "precision_is_int": np.int8, "lines": np.int64, "source_is_id": np.int8,
           "record_ends": np.int64}


def _bytes(sections: dict, name: str) -> bytes | bytearray:
    """A byte section (bytes as read back; a bytearray as a GeoNames dump is read into)."""
    value = sections[name]
    if not isinstance(value, (bytes, bytearray)):
        raise ValueError(f"{name}: not bytes")
    return value


def _strings(value, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what}: not a list of strings")
    return value


def _check_numbers(sections: dict, n: int) -> None:
    """ValueError unless the numeric columns have ``n`` values of their dtype, coordinates and
    precisions within what the parsers accept."""
    for name, dtype in NUMERIC.items():
        col = sections[name]
        if not isinstance(col, np.ndarray) or col.dtype != dtype or len(col) != n:
            raise ValueError(f"{name}: not {n} values")
    precision = sections["precision"]
    with np.errstate(invalid="ignore"):
        if not (np.all(np.abs(sections["lat"]) <= LAT.limit) and np.all(np.abs(sections["lon"]) <= LON.limit)
                and np.all(np.isnan(precision) | ((precision >= 0) & (precision <= MAX_PRECISION_KM)))):
            raise ValueError("a number out of range")


class Columns:
    """The sections of one cache file, checked (ValueError when they do not fit together)."""

    def __init__(self, meta: dict, sections: dict):
        n, self.key_count = meta["count"], meta["keys"]
        if type(n) is not int or type(self.key_count) is not int or n < 1 or self.key_count < 0:
            raise ValueError("counts")
        if meta["format"] not in ("csv", "geonames"):
            raise ValueError("format")
        self.format = meta["format"]
        self.meta = meta
        self.warnings = _strings(meta["warnings"], "warnings")
        self.kinds = _strings(meta["kinds"], "kinds")
        self.countries = _strings(meta["countries"], "countries")
        _check_numbers(sections, n)
        self.col = sections
        ids = store.split(_bytes(sections, "ids"), n)
        if ids is None or any(itertools.starmap(str.__ge__, zip(ids, ids[1:]))):
            raise ValueError("ids")
        self.ids = ids
        self.records = _bytes(sections, "records")
        ends = sections["record_ends"]
        if (np.any(np.diff(ends) < 1) or ends[0] < 0 or int(ends[-1]) != len(self.records)
                or np.any(np.frombuffer(self.records, np.uint8)[ends[:-1]] != 0)):
            raise ValueError("record ends")
        # every record has its RECORD_FIELDS fields (else a forged file would fail mid-build)
        marks = np.flatnonzero(np.frombuffer(self.records, np.uint8) == ord(FIELD))
        if len(marks) != (RECORD_FIELDS - 1) * n or np.any(
                np.bincount(np.searchsorted(ends, marks), minlength=n) != RECORD_FIELDS - 1):
            raise ValueError("record fields")
        self.ends = ends
        for name, table in (("kinds", self.kinds), ("countries", self.countries)):
            codes = sections[name]
            if codes.min() < 0 or codes.max() >= len(table):
                raise ValueError(f"{name}: a code out of range")
        rows = sections["key_rows"]
        if not isinstance(rows, np.ndarray) or rows.dtype != np.int32 or len(rows) != self.key_count \
                or (len(rows) and (rows.min() < 0 or rows.max() >= n)):
            raise ValueError("key rows")
        if _bytes(sections, "keys").count(b"\0") != max(self.key_count - 1, 0):
            raise ValueError("keys")
        hashes = sections["key_hashes"]
        if not isinstance(hashes, np.ndarray) or hashes.dtype != np.int64 or len(hashes) != self.key_count:
            raise ValueError("key hashes")
        self._key_bounds: tuple[np.ndarray, np.ndarray] | None = None
        blob = _bytes(sections, "parents")
        parents = store.split(blob, blob.count(b"\0") + 1 if blob else 0)
        if parents is None or len(parents) % 2:
            raise ValueError("parents")
        self.parents = dict(zip(parents[::2], parents[1::2]))

    def kept(self) -> tuple[dict, dict] | None:
        """(meta, sections) as given, while nothing has been let go of (the index not built, the
        entries not all made): what the cache writes."""
        if not self.col["keys"] and self.key_count or not self.records:
            return None
        return self.meta, self.col

    def gazetteer(self, path: Path, sha256: str) -> Gazetteer:
        return Gazetteer(path=path, sha256=sha256, entries=StoredEntries(self, path), index_loader=self.index,
                         warnings=list(self.warnings), format=self.format, parents=self.parents, finder=self.find)

    def index(self) -> Mapping[str, str]:
        """name key -> entry id, in the order the parser made it: a dict, or for a gazetteer of
        ``BIG_INDEX`` keys or more a ``KeyIndex`` over the columns (a dict of millions of keys
        takes about 100 bytes a key)."""
        if self.key_count >= BIG_INDEX:
            return KeyIndex(self.col["keys"], self.col["key_rows"], self.col["key_hashes"], self.ids)
        keys = store.split(self.col["keys"], self.key_count)
        assert keys is not None                  # the count was checked
        ids, rows = self.ids, self.col["key_rows"]
        out: dict[str, str] = {}
        with no_gc():
            for a in range(0, len(keys), CHUNK):
                out.update(zip(keys[a:a + CHUNK], map(ids.__getitem__, rows[a:a + CHUNK].tolist())))
        self.col["keys"] = self.col["key_rows"] = self.col["key_hashes"] = b""
        self._key_bounds = None
        return out

    def find(self, key: str) -> str | None:
        """The entry id the index gives ``key``, without building the index: the keys with its
        hash (``keys.hash_of``), compared byte for byte."""
        blob = self.col["keys"]
        if self._key_bounds is None:
            self._key_bounds = key_bounds(blob, self.key_count)
        starts, ends = self._key_bounds
        wanted = key.encode("utf-8", "surrogatepass")
        for k in np.flatnonzero(self.col["key_hashes"] == hash_of(wanted)).tolist():
            if blob[starts[k]:ends[k]] == wanted:
                return self.ids[self.col["key_rows"][k]]
        return None

    def row(self, eid: object) -> int:
        """The row of entry id ``eid``, or -1."""
        if not isinstance(eid, str):
            return -1
        i = bisect_left(self.ids, eid)
        return i if i < len(self.ids) and self.ids[i] == eid else -1

    def entry(self, i: int, record: str, path: Path) -> Entry:
        """The entry of row ``i`` from its record."""
        fields = record.split(FIELD)
        if len(fields) != RECORD_FIELDS:
            raise _damaged(path)
        name, aliases, parent, geometry, source, alternatives = fields
        col, eid = self.col, self.ids[i]
        precision = _precision(float(col["precision"][i]), col["precision_is_int"][i])
        return new_entry(eid, name, tuple(aliases.split(ITEM)) if aliases else (), self.kinds[col["kinds"][i]],
                     float(col["lat"][i]), float(col["lon"][i]), self.countries[col["countries"][i]], parent,
                     geometry, precision,
                     eid if col["source_is_id"][i] else source, int(col["lines"][i]),
                     tuple(alternatives.split(ITEM)) if alternatives else ())

    def record(self, i: int) -> str:
        start = int(self.ends[i - 1]) + 1 if i else 0
        return self.records[start:int(self.ends[i])].decode("utf-8", "replace")

    def all(self, path: Path, made: dict[str, Entry]) -> Iterator[Entry]:
        """Every entry in order (those in ``made`` as they are), built a chunk at a time."""
        col, kinds, countries = self.col, self.kinds, self.countries
        for a in range(0, len(self.ids), CHUNK):
            b = min(a + CHUNK, len(self.ids))
            start = int(self.ends[a - 1]) + 1 if a else 0
            records = self.records[start:int(self.ends[b - 1])].decode("utf-8", "replace").split("\0")
            precisions = list(map(_precision, col["precision"][a:b].tolist(), col["precision_is_int"][a:b].tolist()))
            columns = zip(self.ids[a:b], records, col["kinds"][a:b].tolist(), col["lat"][a:b].tolist(),
                          col["lon"][a:b].tolist(), col["countries"][a:b].tolist(), precisions,
                          col["source_is_id"][a:b].tolist(), col["lines"][a:b].tolist())
            for eid, record, kind, lat, lon, country, precision, source_is_id, line in columns:
                e = made.get(eid)
                if e is not None:
                    yield e
                    continue
                fields = record.split(FIELD)
                if len(fields) != RECORD_FIELDS:
                    raise _damaged(path)
                name, aliases, parent, geometry, source, alternatives = fields
                yield new_entry(eid, name, tuple(aliases.split(ITEM)) if aliases else (), kinds[kind], lat, lon,
                            countries[country], parent, geometry, precision,
                            eid if source_is_id else source, line,
                            tuple(alternatives.split(ITEM)) if alternatives else ())


def _precision(value: float, is_int) -> float | None:
    """A stored ``precision_km``: NaN for None; an int where the parser gave one."""
    if math.isnan(value):
        return None
    return int(value) if is_int else value


def _damaged(path: Path) -> GazetteerError:
    return GazetteerError(f"{path}: the gazetteer cache holds a damaged entry; delete the folder it is in "
                          "(.NAME.gazetteer.cache beside the output folder) and build again")


class StoredEntries(Mapping[str, Entry]):
    """Entry id -> entry, built from ``Columns`` when asked for (see above)."""

    def __init__(self, columns: Columns, path: Path):
        self._columns: Columns | None = columns
        self._path = path
        self._ids = columns.ids
        self._made: dict[str, Entry] = {}
        self._all: dict[str, Entry] | None = None

    def __len__(self) -> int:
        return len(self._ids)

    def kept(self) -> tuple[dict, dict] | None:
        """The columns as the cache keeps them (``Columns.kept``), or None once let go of."""
        return self._columns.kept() if self._columns is not None and self._all is None else None

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __contains__(self, eid: object) -> bool:
        if self._all is not None:
            return eid in self._all
        assert self._columns is not None
        return self._columns.row(eid) >= 0

    def __getitem__(self, eid: str) -> Entry:
        if self._all is not None:
            return self._all[eid]
        e = self._made.get(eid)
        if e is None:
            cols = self._columns
            assert cols is not None
            i = cols.row(eid)
            if i < 0:
                raise KeyError(eid)
            e = self._made[eid] = cols.entry(i, cols.record(i), self._path)
        return e

    def whole(self) -> dict[str, Entry]:
        """Every entry, built once (then the columns are let go)."""
        if self._all is None:
            assert self._columns is not None
            with no_gc():
                self._all = {e.id: e for e in self._columns.all(self._path, self._made)}
            self._columns.records = b""          # the index (if not built yet) needs only the ids
            self._columns = None
            self._made = {}
        return self._all

    def of_kind(self, kind: str) -> list[Entry]:
        """The entries of ``kind``, in order, built from the kinds column."""
        if self._all is not None or self._columns is None:
            return [e for e in self.whole().values() if e.kind == kind]
        cols = self._columns
        if kind not in cols.kinds:
            return []
        rows = np.flatnonzero(cols.col["kinds"] == cols.kinds.index(kind)).tolist()
        return [self[self._ids[i]] for i in rows]

    def name_lists(self, size: int) -> Iterator[tuple[list[str], list[tuple[str, ...]]]]:
        """(ids, names of each: name, then aliases) of every entry in order, ``size`` at a time,
        read from the records (no entry built)."""
        cols = self._columns
        if self._all is not None or cols is None:
            entries = list(self.whole().values())
            for a in range(0, len(entries), size):
                yield [e.id for e in entries[a:a + size]], [e.names for e in entries[a:a + size]]
            return
        for a in range(0, len(self._ids), size):
            b = min(a + size, len(self._ids))
            start = int(cols.ends[a - 1]) + 1 if a else 0
            records = cols.records[start:int(cols.ends[b - 1])].decode("utf-8", "replace").split("\0")
            names = []
            for record in records:
                fields = record.split(FIELD, 2)
                if len(fields) != 3:
                    raise _damaged(self._path)
                names.append((fields[0], *fields[1].split(ITEM)) if fields[1] else (fields[0],))
            yield self._ids[a:b], names

    def values(self) -> ValuesView[Entry]:
        return self.whole().values()

    def items(self) -> ItemsView[str, Entry]:
        return self.whole().items()

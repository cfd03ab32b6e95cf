"""A GeoNames dump read into columns, and the gazetteer made from them without an object per row.

``Table`` takes the rows as ``rows.Reader`` checks them: numbers in arrays, each row's name and
kept aliases as one UTF-8 record, each name key as UTF-8 in one blob with its row and how it
names the row (own name, ascii name, alternate name). ``Table.gazetteer`` then

1. groups equal keys: sorted by a 64-bit hash of their bytes (``keys.hashes``, with numpy over
   the blob), equal hashes confirmed byte for byte (a run of equal hashes whose keys differ is
   split by its bytes);
2. applies the collision rule (``collisions``) to every key shared by several rows at once, as a
   ``numpy.lexsort`` of the rule's fields;
3. writes the columns of ``stored.Columns`` (the gazetteer cache's layout): ids in the order of
   their strings, records, codes and numbers, and the index keys in the order the rows first gave
   them, with the winning row of each.

The result is the gazetteer a cache read gives (``Columns.gazetteer``): entries built when asked
for, the index built on first use. A dump of 3 million rows parsed into ``Entry`` objects and a
dict of 13 million keys took 5.7 GB; in columns it takes a fraction of that.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from itertools import repeat
from pathlib import Path

import numpy as np

from ..checks import capped
from ..index import Gazetteer
from ..keys import by_hash, terminated
from ..stored import FIELD, ITEM, Columns
from .collisions import MAX_ALTERNATIVES

OWN, ASCII, ALTERNATE = 0, 1, 2           # how a key names its row: own name, ascii name, alternate name
CHUNK = 1_000_000                          # keys or records gathered at a time
_NO_PARENT_GEOMETRY_SOURCE = (FIELD * 4).encode()   # parent, geometry, source ("": the id) empty; alternatives follow


class Table:
    """The accepted rows of a dump, in file order (row numbers from 0), and their name keys."""

    def __init__(self) -> None:
        self.gids = array("q")
        self.lines = array("q")
        self.lat = array("d")
        self.lon = array("d")
        self.kinds = array("i")
        self.kind_codes: dict[str, int] = {}
        self.precision = array("d")
        self.precision_is_int = array("b")
        self.countries = array("i")
        self.country_codes: dict[str, int] = {}
        self.ranks = array("b")
        self.populations = array("q")
        self.is_country = array("b")
        self.in_focus = array("b")
        self.records = bytearray()           # name FIELD aliases (ITEM-joined), row after row
        self.record_ends = array("q")
        self.keys = bytearray()              # each key's UTF-8 then NUL
        self.key_rows = array("i")
        self.key_flags = bytearray()         # OWN, ASCII or ALTERNATE

    def __len__(self) -> int:
        return len(self.gids)

    def extend(self, other: Table) -> None:
        """``other``'s rows after these (a later part of the same dump)."""
        rows, records = len(self.gids), len(self.records)
        for name in ("gids", "lines", "lat", "lon", "precision", "precision_is_int", "ranks", "populations",
                     "is_country", "in_focus"):
            getattr(self, name).extend(getattr(other, name))
        for mine, codes, theirs, their_codes in ((self.kinds, self.kind_codes, other.kinds, other.kind_codes),
                                                 (self.countries, self.country_codes, other.countries,
                                                  other.country_codes)):
            mapped = np.array([codes.setdefault(c, len(codes)) for c in their_codes] or [0], np.int32)
            mine.frombytes(mapped[np.asarray(theirs, np.int32)].tobytes())
        self.records += other.records
        self.record_ends.frombytes((np.asarray(other.record_ends, np.int64) + records).tobytes())
        self.keys += other.keys
        self.key_rows.frombytes((np.asarray(other.key_rows, np.int32) + np.int32(rows)).tobytes())
        self.key_flags += other.key_flags

    def add(self, gid: int, line: int, lat: float, lon: float, kind: tuple[str, float], country: str,
            rank: int, population: int, focused: bool, name: str, aliases: list[str], keys: list[str],
            flags: bytearray) -> None:
        """One row: its values, its own name and kept aliases, its name keys and their flags."""
        row = len(self.gids)
        self.gids.append(gid)
        self.lines.append(line)
        self.lat.append(lat)
        self.lon.append(lon)
        self.kinds.append(self.kind_codes.setdefault(kind[0], len(self.kind_codes)))
        self.precision.append(kind[1])
        self.precision_is_int.append(type(kind[1]) is int)
        self.countries.append(self.country_codes.setdefault(country, len(self.country_codes)))
        self.ranks.append(rank)
        self.populations.append(population)
        self.is_country.append(kind[0] == "country")
        self.in_focus.append(focused)
        self.records += (name + FIELD + ITEM.join(aliases)).encode("utf-8", "surrogatepass")
        self.record_ends.append(len(self.records))
        if keys:
            self.keys += ("\0".join(keys) + "\0").encode("utf-8", "surrogatepass")
            self.key_rows.extend(repeat(row, len(keys)))
            self.key_flags += flags

    def gazetteer(self, path: Path, warning: str, prefix: str = "") -> Gazetteer:
        """The gazetteer of these rows; ``prefix``, the count of shared keys and ``warning`` are
        its warning when keys are shared."""
        groups = _Groups(self)
        order = np.argsort(np.asarray(self.gids, np.int64).astype("S20"), kind="stable")  # as the ids' strings
        place = np.empty(len(order), np.int64)
        place[order] = np.arange(len(order))
        alternatives = self._alternatives(groups)
        meta = {"count": len(order), "keys": groups.count, "format": "geonames",
                "warnings": [f"{prefix}{groups.shared} {warning}"] if groups.shared else [],
                "kinds": list(self.kind_codes), "countries": list(self.country_codes)}
        sections = self._sections(order, place, alternatives, groups)
        return Columns(meta, sections).gazetteer(path, "")

    def _alternatives(self, groups: _Groups) -> dict[int, str]:
        """Row -> its ``alternatives`` record field: the losers for the key that is its own name."""
        out: dict[int, str] = {}
        records, ends = self.records, self.record_ends
        countries = list(self.country_codes)
        for members in groups.contested():
            winner = members[0]
            if self.key_flags[winner] != OWN:
                continue
            losers = [self.key_rows[k] for k in members[1:]]
            shown = []
            for r in losers[:MAX_ALTERNATIVES]:
                start = ends[r - 1] if r else 0
                name = records[start:ends[r]].split(FIELD.encode(), 1)[0].decode("utf-8", "surrogatepass")
                country = countries[self.countries[r]]
                shown.append(f"geonames:{self.gids[r]} {name}, {country or '??'} (pop {self.populations[r]})")
            out[self.key_rows[winner]] = ITEM.join(capped(shown, "", MAX_ALTERNATIVES, total=len(losers)))
        return out

    def _sections(self, order: np.ndarray, place: np.ndarray, alternatives: dict[int, str],
                  groups: _Groups) -> dict:
        gids = np.asarray(self.gids, np.int64)[order]
        ids = b"\0".join(b"geonames:%d" % g for g in gids.tolist())
        records, record_ends = self._records(order, alternatives)
        self.records = bytearray()               # used up: let go of before the keys are copied
        winners, hashes = groups.winners()
        keys = groups.blob(winners)
        self.keys = bytearray()
        return {
            "ids": ids, "records": records, "record_ends": record_ends,
            "kinds": np.asarray(self.kinds, np.int32)[order], "countries": np.asarray(self.countries, np.int32)[order],
            "lat": np.asarray(self.lat, np.float64)[order], "lon": np.asarray(self.lon, np.float64)[order],
            "precision": np.asarray(self.precision, np.float64)[order],
            "precision_is_int": np.asarray(self.precision_is_int, np.int8)[order],
            "lines": np.asarray(self.lines, np.int64)[order], "source_is_id": np.ones(len(order), np.int8),
            "parents": b"", "keys": keys,
            "key_rows": place[np.asarray(self.key_rows, np.int32)[winners]].astype(np.int32),
            "key_hashes": hashes,
        }

    def _records(self, order: np.ndarray, alternatives: dict[int, str]) -> tuple[bytearray, np.ndarray]:
        """The records in ``order``, NUL-separated (``stored.Columns``), and the end of each."""
        ends = np.asarray(self.record_ends, np.int64)
        starts = np.concatenate(([0], ends[:-1]))
        records, tail = self.records, _NO_PARENT_GEOMETRY_SOURCE
        out = bytearray()
        lengths = np.empty(len(order), np.int64)
        for a in range(0, len(order), CHUNK):
            rows = order[a:a + CHUNK].tolist()
            pieces = [records[s:e] + tail for s, e in zip(starts[rows].tolist(), ends[rows].tolist())]
            for i, r in enumerate(rows):
                extra = alternatives.get(r)
                if extra:
                    pieces[i] += extra.encode("utf-8", "surrogatepass")
            lengths[a:a + len(rows)] = list(map(len, pieces))
            out += b"\0" if a else b""
            out += b"\0".join(pieces)
        return out, np.cumsum(lengths) + np.arange(len(order))


class _Groups:
    """The table's keys grouped by their bytes, the collision rule applied to each group."""

    def __init__(self, t: Table):
        self.t = t
        grouped = by_hash(t.keys, *terminated(t.keys))
        self.starts, self.ends, self.hashes = grouped.starts, grouped.ends, grouped.hashes
        starts = np.flatnonzero(grouped.new)
        self.sizes = np.diff(np.append(starts, len(grouped.order)))
        self.order, self.group_starts = grouped.order, starts
        self.count = len(starts)
        self.shared = int(np.count_nonzero(self.sizes > 1))
        self._ranked: np.ndarray | None = None

    def _ranking(self) -> np.ndarray:
        """``order`` with each shared group sorted by the collision rule (the winner first)."""
        if self._ranked is None:
            t, order = self.t, self.order.copy()
            group = np.repeat(np.arange(self.count, dtype=np.int32), self.sizes)
            contested = self.sizes[group] > 1
            keys = order[contested]
            rows = np.asarray(t.key_rows, np.int64)[keys]
            fields = (np.asarray(t.gids, np.int64)[rows], -np.asarray(t.populations, np.int64)[rows],
                      np.asarray(t.ranks, np.int64)[rows], 1 - np.asarray(t.in_focus, np.int64)[rows],
                      1 - np.asarray(t.is_country, np.int64)[rows],
                      np.frombuffer(t.key_flags, np.uint8)[keys] == ALTERNATE, group[contested])
            order[contested] = keys[np.lexsort(fields)]
            self._ranked = order
        return self._ranked

    def contested(self) -> Iterator[list[int]]:
        """The keys of each group shared by several rows, the winner first, losers in order."""
        ranked = self._ranking()
        for s in np.flatnonzero(self.sizes > 1).tolist():
            a = int(self.group_starts[s])
            yield ranked[a:a + int(self.sizes[s])].tolist()

    def winners(self) -> tuple[np.ndarray, np.ndarray]:
        """The winning key of each group and its hash (``keys.hashes``), groups in the order
        their key first came."""
        ranked = self._ranking()
        first = self.order[self.group_starts]          # each group's first key (stable: in row order)
        by_first = np.argsort(first, kind="stable")
        return ranked[self.group_starts][by_first], self.hashes[self.group_starts][by_first]

    def blob(self, winners: np.ndarray) -> bytearray:
        """The keys of ``winners`` NUL-separated."""
        keys, out = self.t.keys, bytearray()
        for a in range(0, len(winners), CHUNK):
            ks = winners[a:a + CHUNK]
            out += b"\0" if a else b""
            out += b"\0".join([keys[s:e] for s, e in zip(self.starts[ks].tolist(), self.ends[ks].tolist())])
        return out

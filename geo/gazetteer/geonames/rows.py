"""The rows of a GeoNames dump read one line at a time into entries and name keys.

What a row gives and which of its names are kept is described in the package's docstring; this
module is the loop, written for dumps of millions of rows: alternate names in other scripts
dropped before they are folded, one ``normalize`` per row for all the names left (the fold is
per character, so each name is sliced out of one folded string), the noise rule's common case
decided inline (``_indexed``), and every row's values, names and keys appended to the columns
of a ``table.Table``: nothing is kept per row as an object.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

from ...text import normalize
from ..checks import LAT, LON, Problems, coordinate
from ..names import MIN_ALTERNATE_NAME_CHARS, clean_name, noise
from .features import kind_of, rank_of
from .table import ALTERNATE, ASCII, OWN, Table

COLUMNS = 19
POPULATION_COLUMN = 14
MAX_ID_DIGITS = 18           # geonameid and population: ASCII digits, fits in 64 bits
MAX_NAME_CHARS = 200        # GeoNames' own width of a name (varchar(200)): a longer one is no name
MAX_CODE_LETTERS = 3         # an all-caps alternate name of at most this many letters is a code
SHOWN_ROW_CHARS = 40         # of a row with the wrong column count, in a message
# Script test (latin_only): after normalize, every character must be below U+0370 (Basic Latin,
# Latin-1, Latin Extended A/B, IPA such as "ə" in Dəməşq, spacing modifiers such as "ʿ").
_NON_LATIN = "\u0370"
_LATIN_ADDITIONAL = "\u1e00"
_PUNCTUATION_END = "\u206f"


class _Row(NamedTuple):
    """The values of a row that passed the checks, names cleaned."""
    gid: int
    name: str
    asciiname: str
    alternatenames: str
    lat: float
    lon: float
    fclass: str
    fcode: str
    country: str            # upper case
    population: int


def _whole(s: str) -> bool:
    """A geonameid or population: ASCII digits only ("²" is a digit to isdigit, not to int)."""
    return s.isascii() and s.isdigit() and len(s) <= MAX_ID_DIGITS


def _key(normalized: str) -> str:
    # normalize() maps every whitespace character to " ", so str.split() == runs of spaces
    return " ".join(normalized.split())


def _indexed(key: str, stop: frozenset[str]) -> bool:
    """``not noise(key, stop)``, the common case (a word of letters and digits, long enough, with
    a cased letter, not listed) decided without the call; never a key longer than any GeoNames
    name (``MAX_NAME_CHARS``)."""
    if len(key) > MAX_NAME_CHARS:
        return False
    if len(key) >= MIN_ALTERNATE_NAME_CHARS and key != key.upper() and key not in stop \
            and key.replace(" ", "").isalnum():
        return True
    return not noise(key, stop)


class Reader:
    """The rows of one dump, read in order into a ``Table`` (no object kept per row or name)."""

    def __init__(self, path: Path, focused: frozenset[str], stop: frozenset[str], latin_only: bool):
        self.problems = Problems(path)
        self.table = Table()
        self.focused = focused
        self.stop = stop
        self.latin_only = latin_only
        self._gids: dict[int, int] = {}          # geonameid -> its line (a duplicate's message)

    def forget_ids(self) -> None:
        """Let go of the set of ids seen (read to the end: the table holds them)."""
        self._gids = {}

    def read(self, lines: Iterable[str], first: int = 1) -> None:
        """Read ``lines``, the first of them line ``first`` of the file."""
        for n, line in enumerate(lines, first):
            if line.endswith("\n"):
                line = line[:-1]
            if line.endswith("\r"):
                line = line[:-1]
            if not line or line.isspace():
                continue
            row = self.checked(n, line)
            if row is not None:
                self.add(n, row)

    def add(self, n: int, row: _Row) -> None:
        keys: list[str] = []
        flags = bytearray()
        aliases = self.names(row, keys, flags)
        self.table.add(row.gid, n, row.lat, row.lon, kind_of(row.fclass, row.fcode, row.population), row.country,
                       rank_of(row.fclass, row.fcode), row.population, row.country in self.focused,
                       row.name.strip(), aliases, keys, flags)
        self._gids[row.gid] = n

    def checked(self, n: int, line: str) -> _Row | None:
        """Line ``n``'s values, or None when one is refused (each one a problem)."""
        c = line.split("\t")
        if len(c) != COLUMNS:
            self.problems.bad(n, "row", line[:SHOWN_ROW_CHARS],
                              f"has {len(c)} tab-separated fields, expected {COLUMNS} GeoNames columns")
            return None
        gid_s, name, asciiname, alts, lat_s, lon_s, fclass, fcode, cc = c[:9]
        if not name.isprintable():
            name = clean_name(name)[0]
        if not asciiname.isprintable():
            asciiname = clean_name(asciiname)[0]
        if not alts.isprintable():
            alts = clean_name(alts)[0]
        pop_s = c[POPULATION_COLUMN]
        try:
            lat, lon = float(lat_s), float(lon_s)
        except ValueError:
            lat = lon = float("nan")
        if not (_whole(gid_s) and name.strip() and -90 <= lat <= 90 and -180 <= lon <= 180
                and (not pop_s or _whole(pop_s))):
            self.refuse(n, gid_s, name, lat_s, lon_s, pop_s)
            return None
        gid = int(gid_s)
        if gid in self._gids:
            self.problems.bad(n, "geonameid", gid_s, f"is a duplicate of line {self._gids[gid]}; ids must be unique")
            return None
        return _Row(gid, name, asciiname, alts, lat, lon, fclass, fcode, cc.upper(), int(pop_s) if pop_s else 0)

    def refuse(self, n: int, gid_s: str, name: str, lat_s: str, lon_s: str, pop_s: str) -> None:
        """One problem per refused value of line ``n``."""
        if not _whole(gid_s):
            self.problems.bad(n, "geonameid", gid_s, "is not a whole number; expected the GeoNames id like 170654")
        if not name.strip():
            self.problems.bad(n, "name", name, "is empty; every row needs one")
        for column, value, axis in (("latitude", lat_s, LAT), ("longitude", lon_s, LON)):
            checked = coordinate(value, axis)
            if checked.problem:
                self.problems.bad(n, column, value, checked.problem)
        if pop_s and not _whole(pop_s):
            self.problems.bad(n, "population", pop_s, "is not a whole number")

    def names(self, row: _Row, keys: list[str], flags: bytearray) -> list[str]:
        """The row's name keys that are not noise (into ``keys``, how each names the row into
        ``flags``: ``table.OWN``, ``ASCII``, ``ALTERNATE``); its aliases (the alternate names kept)."""
        name, asciiname = row.name, row.asciiname
        shaped = self.shaped(row.alternatenames) if row.alternatenames else []
        folded = normalize(name + asciiname + "".join(shaped))    # per character: sliced below
        stop = self.stop
        k1 = _key(folded[:len(name)])
        if _indexed(k1, stop):
            keys.append(k1)
            flags.append(OWN)
        seen = {k1}
        at = len(name) + len(asciiname)
        if asciiname and asciiname != name:
            k2 = _key(folded[len(name):at])
            if k2 not in seen:
                seen.add(k2)
                if _indexed(k2, stop):
                    keys.append(k2)
                    flags.append(ASCII)
        aliases: list[str] = []
        if not shaped:
            return aliases
        latin_only = self.latin_only
        for raw in shaped:
            nk = folded[at:at + len(raw)]
            at += len(raw)
            if latin_only and not raw.isascii() and max(nk) >= _NON_LATIN:
                continue
            key = " ".join(nk.split())           # == name_key(raw): see _key
            if key in seen:
                continue
            seen.add(key)
            if len(key) <= MAX_NAME_CHARS and ((len(key) >= MIN_ALTERNATE_NAME_CHARS and key != key.upper()
                                                and key not in stop and key.replace(" ", "").isalnum())
                                               or not noise(key, stop)):    # _indexed, inline
                aliases.append(raw.strip())
                keys.append(key)
        flags.extend(repeat(ALTERNATE, len(keys) - len(flags)))
        return aliases

    def shaped(self, alts: str) -> list[str]:
        """The alternate names shaped like a place name, as written: not too short, not all
        lowercase, not an all-caps code, in the Latin script (``latin_only``; the last test, on
        the folded name, is made by ``names``). Decided before folding: most of a dump's
        alternate names are in other scripts, and folding them is the slowest part."""
        out = []
        latin_only = self.latin_only
        for raw in alts.split(","):   # one loop, no call per name: a dump has millions
            if len(raw) < MIN_ALTERNATE_NAME_CHARS or raw.islower():
                continue
            if latin_only and not raw.isascii():
                # max() is the highest code point: past Greek means not Latin, unless it is
                # Latin Extended Additional ("Ḩ") or punctuation ("‘"), which normalize folds
                m = max(raw)
                if m >= _NON_LATIN and not _LATIN_ADDITIONAL <= m <= _PUNCTUATION_END:
                    continue
            if raw.isupper() and sum(map(str.isalpha, raw)) <= MAX_CODE_LETTERS:   # a code: "HTS", "DAM"
                continue
            out.append(raw)
        return out

"""GeoNames dumps (the standard 19 tab-separated columns) read as a ``Gazetteer``.

Works for a country file (``SY.txt``), ``cities15000.txt`` (shipped in the geotext wheel) and
``allCountries.txt``. Columns: geonameid, name, asciiname, alternatenames (comma-separated),
latitude, longitude, feature class, feature code, country code, cc2, admin1..admin4,
population, elevation, dem, timezone, modification date.

Each row becomes ``Entry(id="geonames:<geonameid>", source="geonames:<geonameid>")``, its kind
and precision_km from its feature class and code (``features``).

Names and their noise
---------------------
Every value of a dump is untrusted (GeoNames is edited by anyone). Invisible and control
characters (``names.clean_name``: U+200B, U+200D, U+FEFF, bidi marks, C0/C1 controls) are
removed from names and alternate names before anything else, silently: a dump holds hundreds
(cities15000.txt: about 400, most of them U+200C zero-width non-joiners) and nothing in them is
the user's to fix.

The own ``name`` and ``asciiname`` are always names of the entry; the alternate names become
``aliases`` after removing noise. An alternate name is dropped when it is

- noise by ``names.noise``, the rule gazetteer CSVs share: its word key (what the matcher
  compares: "The." is "the") shorter than 3 characters, without a letter, or listed in
  ``geo/data/geonames_stopwords.txt`` (common English words, personal names seen in the news,
  fragments of web addresses such as "com");
- entirely lowercase ("part" -> Perth, "d mshq" transliterations);
- an all-caps code of at most 3 letters ("HTS" -> Huntington, "DAM" -> Damascus);
- not in the Latin script (Cyrillic, Arabic, CJK, ...), unless ``latin_only=False``. Reports
  are English: these names can never match the text, yet in cities15000.txt they are half of
  the kept aliases (60k Latin, 120k with other scripts) and cost 137k index keys instead of 80k,
  an automaton of 25 MB instead of 15 MB and 1.6x the collisions.

``noise`` also applies to a place's own name ("Surprise", Arizona; "Of", Turkey): the entry stays
in ``entries`` but is not found under that name.
Aliases are deduplicated by ``name_key`` (the first spelling is kept).

A key that fits several entries goes to one of them by the collision rule (``collisions``). One
summary warning counts the names that fit several places (thousands in a big dump).
Bad rows (column count, geonameid, name, coordinates, population) are all reported together,
one line each naming file, line and value (``checks.Problems``: the first ``MAX_PROBLEMS``,
then "... and K more problem(s)"). A geonameid or population must be ASCII digits ("²" is a
digit to ``str.isdigit`` but not a number), at most 18 of them.

``python -m geo.gazetteer.geonames DUMP OUT.csv`` writes a dump as a gazetteer CSV (``convert``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from ...model import Entry
from ...text import name_key, normalize
from ..checks import LAT, LON, Problems, coordinate
from ..index import Gazetteer
from ..names import MIN_ALTERNATE_NAME_CHARS, clean_name, load_stopwords, noise
from .collisions import MAX_ALTERNATIVES, Candidate, Keys
from .features import KINDS, PRECISION_KM, kind_of, rank_of

__all__ = ["COLUMNS", "KINDS", "MAX_ALTERNATIVES", "PRECISION_KM", "load_stopwords", "looks_like_geonames",
           "noise", "parse"]

COLUMNS = 19
POPULATION_COLUMN = 14
DETECTION_LINES = 5          # looks_like_geonames reads this many non-empty lines at most
MAX_ID_DIGITS = 18           # geonameid and population: ASCII digits, fits in 64 bits
MAX_CODE_LETTERS = 3         # an all-caps alternate name of at most this many letters is a code
SHOWN_ROW_CHARS = 40         # of a row with the wrong column count, in a message
# Script test (latin_only): after normalize, every character must be below U+0370 (Basic Latin,
# Latin-1, Latin Extended A/B, IPA such as "ə" in Dəməşq, spacing modifiers such as "ʿ").
_NON_LATIN = "\u0370"
_LATIN_ADDITIONAL = "\u1e00"
_PUNCTUATION_END = "\u206f"


def looks_like_geonames(text: str) -> bool:
    """True when most of the first (up to 5) non-empty lines have 19 tab-separated columns and a
    numeric geonameid. A majority rather than all, so that a dump with one broken row among its
    first lines is still read as GeoNames and the broken row reported by line. Gazetteer CSVs,
    countryInfo.txt and other tab-separated layouts fail."""
    checked = good = 0
    start, n = 0, len(text)
    while checked < DETECTION_LINES and start < n:
        end = text.find("\n", start)
        if end < 0:
            end = n
        line = text[start:end]
        start = end + 1
        if not line.strip():
            continue
        checked += 1
        cols = line.split("\t")
        if len(cols) == COLUMNS and cols[0].strip().isdigit():
            good += 1
    return good > 0 and 2 * good > checked


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


def parse(path: str | Path, text: str, focus: str | Iterable[str] = ("SY",), *, latin_only: bool = True,
          stopwords: frozenset[str] | None = None) -> Gazetteer:
    """Read a GeoNames dump; raises GazetteerError listing the bad rows (the first ``MAX_PROBLEMS``)."""
    path = Path(path)
    focused = frozenset(c.upper() for c in ((focus,) if isinstance(focus, str) else focus))
    stop = load_stopwords() if stopwords is None else frozenset(name_key(w) for w in stopwords)
    problems = Problems(path)
    rows: dict[int, Entry] = {}          # geonameid -> its entry (alternatives come last)
    keys = Keys()
    for n, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            line = line[:-1]
        if not line or line.isspace():
            continue
        row = _checked(n, line, problems, rows)
        if row is None:
            continue
        kind = kind_of(row.fclass, row.fcode, row.population)
        eid = f"geonames:{row.gid}"
        own = Candidate(False, kind.kind != "country", row.country not in focused, rank_of(row.fclass, row.fcode),
                        -row.population, row.gid, eid)
        rows[row.gid] = Entry(
            id=eid, name=row.name.strip(), aliases=_add_names(row, own, keys, stop, latin_only), kind=kind.kind,
            lat=row.lat, lon=row.lon, country=row.country, parent="", geometry="",
            precision_km=kind.precision_km, source=eid, line=n,
        )
    if not rows and not problems:
        problems.whole_file("no GeoNames rows found")
    problems.raise_if_any()

    resolved = keys.resolve(rows)
    entries: dict[str, Entry] = {}
    for gid in sorted(rows, key=str):     # the order of the "geonames:<id>" strings
        e = rows[gid]
        alternatives = resolved.alternatives.get(gid)
        entries[e.id] = replace(e, alternatives=alternatives) if alternatives else e
    gaz = Gazetteer(path=path, sha256="", entries=entries, index=resolved.name_index, format="geonames")
    if keys.shared:
        gaz.warnings.append(
            f"{path.name}: {keys.shared} names fit several places; chose by rule (own name, country, "
            f"focus {', '.join(sorted(focused)) or 'none'}, rank, population); alternatives recorded"
        )
    return gaz


def _whole(s: str) -> bool:
    """A geonameid or population: ASCII digits only ("²" is a digit to isdigit, not to int)."""
    return s.isascii() and s.isdigit() and len(s) <= MAX_ID_DIGITS


def _checked(n: int, line: str, problems: Problems, rows: dict[int, Entry]) -> _Row | None:
    """Line ``n``'s values, or None when one is refused (each one a problem)."""
    c = line.split("\t")
    if len(c) != COLUMNS:
        problems.bad(n, "row", line[:SHOWN_ROW_CHARS],
                     f"has {len(c)} tab-separated fields, expected {COLUMNS} GeoNames columns")
        return None
    gid_s, name, asciiname, alts, lat_s, lon_s, fclass, fcode, cc = c[:9]
    if not name.isprintable():
        name = clean_name(name)[0]
    if not asciiname.isprintable():
        asciiname = clean_name(asciiname)[0]
    if not alts.isprintable():
        alts = clean_name(alts)[0]
    before = len(problems.lines)
    if not _whole(gid_s):
        problems.bad(n, "geonameid", gid_s, "is not a whole number; expected the GeoNames id like 170654")
    if not name.strip():
        problems.bad(n, "name", name, "is empty; every row needs one")
    lat, lon = coordinate(lat_s, LAT), coordinate(lon_s, LON)
    if lat.problem:
        problems.bad(n, "latitude", lat_s, lat.problem)
    if lon.problem:
        problems.bad(n, "longitude", lon_s, lon.problem)
    pop_s = c[POPULATION_COLUMN]
    if pop_s and not _whole(pop_s):
        problems.bad(n, "population", pop_s, "is not a whole number")
    if len(problems.lines) > before or lat.value is None or lon.value is None:
        return None
    gid = int(gid_s)
    if gid in rows:
        problems.bad(n, "geonameid", gid_s, f"is a duplicate of line {rows[gid].line}; ids must be unique")
        return None
    return _Row(gid, name, asciiname, alts, lat.value, lon.value, fclass, fcode, cc.upper(),
                int(pop_s) if pop_s else 0)


def _key(normalized: str) -> str:
    # normalize() maps every whitespace character to " ", so str.split() == runs of spaces
    return " ".join(normalized.split())


def _add_names(row: _Row, own: Candidate, keys: Keys, stop: frozenset[str], latin_only: bool) -> tuple[str, ...]:
    """Add the row's names that are not noise to ``keys``; its aliases (the alternate names kept)."""
    seen: set[str] = set()
    k1 = _key(normalize(row.name))
    if not noise(k1, stop):
        keys.add(k1, own)
        keys.own_key[row.gid] = k1
    seen.add(k1)
    if row.asciiname and row.asciiname != row.name:
        k2 = _key(normalize(row.asciiname))
        if k2 not in seen:
            seen.add(k2)
            if not noise(k2, stop):
                keys.add(k2, own)
    aliases: list[str] = []
    if row.alternatenames:
        alt = Candidate(True, *own[1:])          # (a): the same entry, by an alternate name
        for raw, key in _alternate_names(row.alternatenames, latin_only):
            if key in seen:
                continue
            seen.add(key)
            if noise(key, stop):
                continue
            aliases.append(raw.strip())
            keys.add(key, alt)
    return tuple(aliases)


def _alternate_names(alts: str, latin_only: bool) -> list[tuple[str, str]]:
    """(name as written, its key) for each alternate name shaped like a place name: not too
    short, not all lowercase, not an all-caps code, in the Latin script (``latin_only``)."""
    raws = alts.split(",")
    # one fold for the whole field (it is per character); per name if a character
    # folded into a comma ("，") would misalign the split
    folded = normalize(alts).split(",")
    if len(folded) != len(raws):
        folded = [normalize(r) for r in raws]
    out = []
    for raw, nk in zip(raws, folded):   # one loop, no call per name: a dump has millions
        if len(raw) < MIN_ALTERNATE_NAME_CHARS or raw.islower():
            continue
        if not raw.isascii() and latin_only:
            # max() is the highest code point: past Greek means not Latin, unless it is
            # Latin Extended Additional ("Ḩ") or punctuation ("‘"), which normalize folds
            m = max(raw)
            if m >= _NON_LATIN and not _LATIN_ADDITIONAL <= m <= _PUNCTUATION_END:
                continue
            if max(nk) >= _NON_LATIN:
                continue
        if raw.isupper() and sum(map(str.isalpha, raw)) <= MAX_CODE_LETTERS:   # a code: "HTS", "DAM"
            continue
        out.append((raw, " ".join(nk.split())))   # the key == name_key(raw): see _key
    return out

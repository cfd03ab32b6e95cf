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

import functools
from collections.abc import Callable, Iterable
from pathlib import Path

from ...text import name_key
from ..index import Gazetteer
from ..names import load_stopwords, noise
from ..reading import Lines
from .collisions import MAX_ALTERNATIVES
from .features import KINDS, PRECISION_KM
from .halves import can_halve, read_in_halves
from .rows import COLUMNS, Reader

__all__ = ["COLUMNS", "KINDS", "MAX_ALTERNATIVES", "PRECISION_KM", "load_stopwords", "looks_like_geonames",
           "noise", "parse", "parse_file"]

DETECTION_LINES = 5          # looks_like_geonames reads this many non-empty lines at most


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


def parse(path: str | Path, text: str | Iterable[str], focus: str | Iterable[str] = ("SY",), *,
          latin_only: bool = True, stopwords: frozenset[str] | None = None) -> Gazetteer:
    """Read a GeoNames dump, its whole text or its lines (``reading.Lines``: the file is never
    held whole); raises GazetteerError listing the bad rows (the first ``MAX_PROBLEMS``)."""
    path = Path(path)
    reader = _reader(path, focus, latin_only, stopwords)()
    reader.read(text.split("\n") if isinstance(text, str) else text)
    return _gazetteer(path, reader)


def parse_file(path: str | Path, focus: str | Iterable[str] = ("SY",), *, latin_only: bool = True,
               stopwords: frozenset[str] | None = None) -> Gazetteer:
    """``parse`` of the file at ``path``, read in two processes at once when it is big
    (``halves``)."""
    path = Path(path)
    make = _reader(path, focus, latin_only, stopwords)
    reader = read_in_halves(path, make) if can_halve(path) else None
    if reader is None:
        reader = make()
        reader.read(Lines(path))
    return _gazetteer(path, reader)


def _reader(path: Path, focus: str | Iterable[str], latin_only: bool,
            stopwords: frozenset[str] | None) -> Callable[[], Reader]:
    focused = frozenset(c.upper() for c in ((focus,) if isinstance(focus, str) else focus))
    stop = load_stopwords() if stopwords is None else frozenset(name_key(w) for w in stopwords)
    return functools.partial(Reader, path, focused, stop, latin_only)


def _gazetteer(path: Path, reader: Reader) -> Gazetteer:
    problems = reader.problems
    if not len(reader.table) and not problems:
        problems.whole_file("no GeoNames rows found")
    problems.raise_if_any()
    reader.forget_ids()
    return reader.table.gazetteer(path, f"names fit several places; chose by rule (own name, country, "
                                        f"focus {', '.join(sorted(reader.focused)) or 'none'}, rank, population); "
                                        "alternatives recorded", prefix=f"{path.name}: ")

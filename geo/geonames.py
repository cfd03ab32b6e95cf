"""GeoNames dumps (the standard 19 tab-separated columns) read as a ``Gazetteer``.

Works for a country file (``SY.txt``), ``cities15000.txt`` (shipped in the geotext wheel) and
``allCountries.txt``. Columns: geonameid, name, asciiname, alternatenames (comma-separated),
latitude, longitude, feature class, feature code, country code, cc2, admin1..admin4,
population, elevation, dem, timezone, modification date.

Each row becomes ``Entry(id="geonames:<geonameid>", source="geonames:<geonameid>")``.

Kinds (feature class.code -> kind, precision_km)
-------------------------------------------------
======================================  ==================  =========
GeoNames feature                        kind                precision
======================================  ==================  =========
P.PPLC (capital)                        capital             8
P.* other, population >= 100,000        city                5
P.* other, population < 100,000 or 0    town                3
P.PPLX (section of a populated place)   area                2
A.PCLI PCLD PCLF PCLS PCL TERR          country             300
A.ADM1                                  governorate         50
A.ADM2                                  region              20
A.ADM3 ADM4 ADM5 ADMD                   region              10
L.RGN                                   region              50
L.AREA                                  area                10
S.AIRB S.AIRF (air base, airfield)      airbase             2
S.AIRP S.AIRH (airport, heliport)       airport             2
S.NVB (naval base)                      naval_base          1
S.PRT (port)                            port                1
S.PSTB (border post)                    border_crossing     1
S.DAM                                   dam                 1
S.CSTL FT MNMT HSTS RUIN ANS TMPL PAL   landmark            0.5
  BDG (castle, fort, monument, ...)
R.RD R.ST (road, street)                road                5
anything else (H.*, T.*, V.*, U.*, ...) other               5
======================================  ==================  =========

Names and their noise
---------------------
The own ``name`` and ``asciiname`` are always names of the entry; the alternate names become
``aliases`` after removing noise. An alternate name is dropped when it is

- shorter than 3 characters, or has no letter;
- entirely lowercase ("part" -> Perth, "d mshq" transliterations);
- an all-caps code of at most 3 letters ("HTS" -> Huntington, "DAM" -> Damascus);
- not in the Latin script (Cyrillic, Arabic, CJK, ...), unless ``latin_only=False``. Reports
  are English: these names can never match the text, yet in cities15000.txt they are half of
  the kept aliases (60k Latin, 120k with other scripts) and cost 137k index keys instead of 80k,
  an automaton of 25 MB instead of 15 MB and 1.6x the collisions;
- listed in ``geo/data/geonames_stopwords.txt`` (common English words, personal names seen in
  the news, fragments of web addresses such as "com").

The stop list and the length/no-letter rules also apply to a place's own name ("Surprise",
Arizona; "Of", Turkey): the entry stays in ``entries`` but is not found under that name.
Aliases are deduplicated by ``name_key`` (the first spelling is kept).

Collisions
----------
When one key (``name_key``) fits several entries, the winner is the first by, in order:
(a) the key is the entry's own name/asciiname, rather than an alternate name;
(b) the entry is a country;
(c) the entry is in a ``focus`` country (default ``("SY",)``);
(d) higher feature rank: PPLC, PPLA, ADM1, PPLA2, PPLA3-5, ADM2, other P, anything else;
(e) larger population; (f) smaller geonameid.
The losing candidates for the key that is the winner's own name are recorded in its
``alternatives`` in the same order (at most ``MAX_ALTERNATIVES``, then "... and N more"), e.g.
"geonames:4352728 Damascus, US (pop 15257)". Entries that win no key stay in ``entries``. One
summary warning counts the names that fit several places (thousands in a big dump).
Bad rows (column count, geonameid, name, coordinates, population) are all reported together.
"""

from __future__ import annotations

from pathlib import Path

from . import vocab
from .errors import GazetteerError
from .gazetteer import MAX_PROBLEMS, Entry, Gazetteer
from .text import name_key, normalize

COLUMNS = 19
STOPWORDS_FILE = "geonames_stopwords.txt"
CITY_POPULATION = 100_000
MAX_ALTERNATIVES = 10
# Script test (latin_only): after normalize, every character must be below U+0370 (Basic Latin,
# Latin-1, Latin Extended A/B, IPA such as "ə" in Dəməşq, spacing modifiers such as "ʿ").
_NON_LATIN = "\u0370"
_LATIN_ADDITIONAL = "\u1e00"
_PUNCTUATION_END = "\u206f"

# (feature class, feature code) -> kind; then feature class -> kind
KINDS: dict[tuple[str, str], str] = {
    ("P", "PPLC"): "capital",
    ("P", "PPLX"): "area",
    **{("A", c): "country" for c in ("PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR")},
    ("A", "ADM1"): "governorate",
    **{("A", c): "region" for c in ("ADM2", "ADM3", "ADM4", "ADM5", "ADMD")},
    ("L", "RGN"): "region",
    ("L", "AREA"): "area",
    ("S", "AIRB"): "airbase",
    ("S", "AIRF"): "airbase",
    ("S", "AIRP"): "airport",
    ("S", "AIRH"): "airport",
    ("S", "NVB"): "naval_base",
    ("S", "PRT"): "port",
    ("S", "PSTB"): "border_crossing",
    ("S", "DAM"): "dam",
    **{("S", c): "landmark" for c in ("CSTL", "FT", "MNMT", "HSTS", "RUIN", "ANS", "TMPL", "PAL", "BDG")},
    ("R", "RD"): "road",
    ("R", "ST"): "road",
}
PRECISION_KM: dict[str, float] = {
    "capital": 8, "city": 5, "town": 3, "area": 2, "country": 300, "governorate": 50,
    "airbase": 2, "airport": 2, "naval_base": 1, "port": 1, "border_crossing": 1, "dam": 1,
    "landmark": 0.5, "road": 5, "other": 5,
}
REGION_PRECISION_KM = {"ADM2": 20, "RGN": 50}   # other regions (ADM3-5, ADMD): 10
# (d) feature rank: lower wins
FEATURE_RANK = {"PPLC": 0, "PPLA": 1, "ADM1": 2, "PPLA2": 3, "PPLA3": 4, "PPLA4": 4, "PPLA5": 4, "ADM2": 5}
P_RANK, OTHER_RANK = 6, 7


def looks_like_geonames(text: str) -> bool:
    """True when most of the first (up to 5) non-empty lines have 19 tab-separated columns and a
    numeric geonameid. A majority rather than all, so that a dump with one broken row among its
    first lines is still read as GeoNames and the broken row reported by line. Gazetteer CSVs,
    countryInfo.txt and other tab-separated layouts fail."""
    checked = good = 0
    start, n = 0, len(text)
    while checked < 5 and start < n:
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


def load_stopwords(folder: Path | None = None) -> frozenset[str]:
    """The stop list's keys (name_key of each line of geonames_stopwords.txt)."""
    return frozenset(name_key(w) for w in vocab.lines(STOPWORDS_FILE, folder))


def _kind(fclass: str, fcode: str, population: int) -> tuple[str, float]:
    kind = KINDS.get((fclass, fcode))
    if kind is None:
        if fclass == "P":
            kind = "city" if population >= CITY_POPULATION else "town"
        else:
            kind = "other"
    if kind == "region":
        return kind, REGION_PRECISION_KM.get(fcode, 10)
    return kind, PRECISION_KM[kind]


def _rank(fclass: str, fcode: str) -> int:
    r = FEATURE_RANK.get(fcode)
    if r is not None:
        return r
    return P_RANK if fclass == "P" else OTHER_RANK


def _key(normalized: str) -> str:
    # normalize() maps every whitespace character to " ", so str.split() == runs of spaces
    return " ".join(normalized.split())


def _has_letter(key: str) -> bool:
    return key != key.upper() or any(map(str.isalpha, key))


def parse(path, text: str, focus=("SY",), *, latin_only: bool = True,
          stopwords: frozenset[str] | None = None) -> Gazetteer:
    """Read a GeoNames dump; raises GazetteerError listing the bad rows (first 20)."""
    path = Path(path)
    focus = frozenset(c.upper() for c in ((focus,) if isinstance(focus, str) else focus))
    stop = load_stopwords() if stopwords is None else frozenset(name_key(w) for w in stopwords)
    problems: list[str] = []
    rows: dict[int, tuple] = {}          # geonameid -> (line, name, aliases, kind, lat, lon, cc, precision)
    # A candidate is (a, b, c, d, e, f, entry id): the rule's sort key, then the id to index.
    first: dict[str, tuple] = {}         # key -> its first candidate
    multi: dict[str, list] = {}          # key -> every candidate, for keys with several
    own_key: dict[int, str] = {}         # geonameid -> key of its own name (if indexed)

    def bad(line: int, column: str, value: str, expected: str) -> None:
        problems.append(f"{path} line {line}: {column} {value!r} {expected}")

    def add(key: str, cand: tuple) -> None:
        c = first.setdefault(key, cand)
        if c is not cand:
            lst = multi.get(key)
            if lst is None:
                multi[key] = [c, cand]
            else:
                lst.append(cand)

    for n, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            line = line[:-1]
        if not line or line.isspace():
            continue
        c = line.split("\t")
        if len(c) != COLUMNS:
            bad(n, "row", line[:40], f"has {len(c)} tab-separated fields, expected {COLUMNS} GeoNames columns")
            continue
        gid_s, name, asciiname, alts, lat_s, lon_s, fclass, fcode, cc = c[:9]
        ok = True
        if not gid_s.isdigit():
            bad(n, "geonameid", gid_s, "is not a whole number; expected the GeoNames id like 170654")
            ok = False
        if not name.strip():
            bad(n, "name", name, "is empty; every row needs one")
            ok = False
        try:
            lat = float(lat_s)
            if not -90 <= lat <= 90:    # also rejects nan
                bad(n, "latitude", lat_s, "is outside -90..90")
                ok = False
        except ValueError:
            bad(n, "latitude", lat_s, "is not a number; expected decimal degrees like 36.20124")
            ok = False
        try:
            lon = float(lon_s)
            if not -180 <= lon <= 180:
                bad(n, "longitude", lon_s, "is outside -180..180")
                ok = False
        except ValueError:
            bad(n, "longitude", lon_s, "is not a number; expected decimal degrees like 37.16117")
            ok = False
        pop_s = c[14]
        if not pop_s:
            pop = 0
        elif pop_s.isdigit():
            pop = int(pop_s)
        else:
            bad(n, "population", pop_s, "is not a whole number")
            ok = False
        if not ok:
            continue
        gid = int(gid_s)
        if gid in rows:
            bad(n, "geonameid", gid_s, f"is a duplicate of line {rows[gid][0]}; ids must be unique")
            continue
        kind, precision = _kind(fclass, fcode, pop)
        cc = cc.upper()
        eid = f"geonames:{gid}"
        # candidate tail: (b) country, (c) focus, (d) rank, (e) population, (f) id; entry id
        tail = (kind != "country", cc not in focus, _rank(fclass, fcode), -pop, gid, eid)
        own = (0, *tail)
        seen: set[str] = set()
        k1 = _key(normalize(name))
        if k1 not in stop and len(k1) >= 3 and _has_letter(k1):
            add(k1, own)
            own_key[gid] = k1
        seen.add(k1)
        if asciiname and asciiname != name:
            k2 = _key(normalize(asciiname))
            if k2 not in seen:
                seen.add(k2)
                if k2 not in stop and len(k2) >= 3 and _has_letter(k2):
                    add(k2, own)
        aliases: list[str] = []
        if alts:
            alt = (1, *tail)
            raws = alts.split(",")
            # one fold for the whole field (it is per character); per name if a character
            # folded into a comma ("，") would misalign the split
            folded = normalize(alts).split(",")
            if len(folded) != len(raws):
                folded = [normalize(r) for r in raws]
            for raw, nk in zip(raws, folded):
                if len(raw) <= 2 or raw.islower():
                    continue
                if raw.isascii():
                    if raw.isupper() and sum(map(str.isalpha, raw)) <= 3:
                        continue
                else:
                    # max() is the highest code point: past Greek means not Latin, unless it is
                    # Latin Extended Additional ("Ḩ") or punctuation ("‘"), which normalize folds
                    if latin_only:
                        m = max(raw)
                        if m >= _NON_LATIN and not _LATIN_ADDITIONAL <= m <= _PUNCTUATION_END:
                            continue
                    if latin_only and max(nk) >= _NON_LATIN:
                        continue
                    if raw.isupper() and sum(map(str.isalpha, raw)) <= 3:
                        continue
                key = " ".join(nk.split())   # == name_key(raw): see _key
                if key in seen:
                    continue
                seen.add(key)
                if len(key) < 3 or key in stop or (key == key.upper() and not _has_letter(key)):
                    continue
                aliases.append(raw.strip())
                add(key, alt)
        rows[gid] = (n, name.strip(), tuple(aliases), kind, lat, lon, cc, precision, eid)

    if not rows and not problems:
        problems.append(f"{path}: no GeoNames rows found")
    if problems:
        more = len(problems) - MAX_PROBLEMS
        shown = problems[:MAX_PROBLEMS] + ([f"... and {more} more problem(s)"] if more > 0 else [])
        raise GazetteerError(shown)

    # Resolve collisions: min() over the candidate tuples applies rules (a)-(f) in order.
    index: dict[str, str] = {}
    alternatives: dict[int, tuple[str, ...]] = {}
    for key, cand in first.items():
        lst = multi.get(key)
        if lst is None:
            index[key] = cand[-1]
            continue
        lst.sort()
        index[key] = lst[0][-1]
        win = lst[0][-2]
        if own_key.get(win) == key:
            alternatives[win] = _describe(lst[1:], rows)

    entries: dict[str, Entry] = {}
    for gid in sorted(rows, key=str):     # the order of the "geonames:<id>" strings
        line, name, aliases, kind, lat, lon, cc, precision, eid = rows[gid]
        entries[eid] = Entry(
            id=eid, name=name, aliases=aliases, kind=kind, lat=lat, lon=lon, country=cc,
            parent="", geometry="", precision_km=precision, source=eid, line=line,
            alternatives=alternatives.get(gid, ()),
        )
    gaz = Gazetteer(path=path, sha256="", entries=entries, index=index)
    if multi:
        gaz.warnings.append(
            f"{path.name}: {len(multi)} names fit several places; chose by rule (own name, country, "
            f"focus {', '.join(sorted(focus)) or 'none'}, rank, population); alternatives recorded"
        )
    return gaz


def _describe(cands: list[tuple], rows: dict) -> tuple[str, ...]:
    out = []
    for cand in cands[:MAX_ALTERNATIVES]:
        r = rows[cand[-2]]
        out.append(f"{cand[-1]} {r[1]}, {r[6] or '??'} (pop {-cand[-3]})")
    if len(cands) > MAX_ALTERNATIVES:
        out.append(f"... and {len(cands) - MAX_ALTERNATIVES} more")
    return tuple(out)

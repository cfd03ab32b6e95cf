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
Every value of a dump is untrusted (GeoNames is edited by anyone). Invisible and control
characters (``gazetteer.clean_name``: U+200B, U+200D, U+FEFF, bidi marks, C0/C1 controls) are
removed from names and alternate names before anything else, silently: a dump holds hundreds
(cities15000.txt: about 400, most of them U+200C zero-width non-joiners) and nothing in them is
the user's to fix.

The own ``name`` and ``asciiname`` are always names of the entry; the alternate names become
``aliases`` after removing noise. An alternate name is dropped when it is

- noise by ``noise``, the rule gazetteer CSVs share: its word key (what the matcher compares:
  "The." is "the") shorter than 3 characters, without a letter, or listed in
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
Bad rows (column count, geonameid, name, coordinates, population) are all reported together,
one line each naming file, line and value (the first ``gazetteer.MAX_PROBLEMS``, then "... and K
more"). A geonameid or population must be ASCII digits ("²" is a digit to ``str.isdigit`` but
not a number), at most 18 of them.

Converting to a gazetteer CSV
-----------------------------
``python -m geo.geonames DUMP OUT.csv`` writes the dump as a gazetteer CSV (``to_csv``), e.g. to
use ``--fill-gazetteer``, which appends only to CSVs. Each entry keeps the names the dump's index
gives it (alternate names that lost their key to another place are left out, as names that
differ only in punctuation from an earlier row's); entries not found under their own name are
left out, since a CSV may not give one name to two rows.
"""

from __future__ import annotations

from pathlib import Path

from . import vocab
from .errors import GazetteerError
from .gazetteer import Gazetteer, capped, clean_name
from .model import Entry
from .text import name_key, normalize, word_form

COLUMNS = 19
STOPWORDS_FILE = "geonames_stopwords.txt"
CITY_POPULATION = 100_000
MAX_ALTERNATIVES = 10
MAX_ID_DIGITS = 18           # geonameid and population: ASCII digits, fits in 64 bits
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


def noise(key: str, stop: frozenset[str], min_chars: int = 3) -> str:
    """Why a name in ``name_key`` form is not indexed, or "" when it is: the one rule for the
    names of GeoNames dumps and gazetteer CSVs (where ``min_chars`` is 2: "M5", "UK"). Judged on
    the word key the matcher compares, so "A." is "a" and "The." is "the"."""
    wk = key if key.replace(" ", "").isalnum() else word_form(key).strip(" ")
    if len(wk) < min_chars:
        return f"has fewer than {min_chars} characters besides punctuation"
    if not _has_letter(wk):
        return "has no letter"
    if wk in stop or key in stop:
        return f"is a common word (listed in geo/data/{STOPWORDS_FILE})"
    return ""


def _whole(s: str) -> bool:
    """A geonameid or population: ASCII digits only ("²" is a digit to isdigit, not to int)."""
    return s.isascii() and s.isdigit() and len(s) <= MAX_ID_DIGITS


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
        if not name.isprintable():
            name = clean_name(name)[0]
        if not asciiname.isprintable():
            asciiname = clean_name(asciiname)[0]
        if not alts.isprintable():
            alts = clean_name(alts)[0]
        ok = True
        if not _whole(gid_s):
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
        elif _whole(pop_s):
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
        if not noise(k1, stop):
            add(k1, own)
            own_key[gid] = k1
        seen.add(k1)
        if asciiname and asciiname != name:
            k2 = _key(normalize(asciiname))
            if k2 not in seen:
                seen.add(k2)
                if not noise(k2, stop):
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
                if noise(key, stop):
                    continue
                aliases.append(raw.strip())
                add(key, alt)
        rows[gid] = (n, name.strip(), tuple(aliases), kind, lat, lon, cc, precision, eid)

    if not rows and not problems:
        problems.append(f"{path}: no GeoNames rows found")
    if problems:
        raise GazetteerError(capped(problems))

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
    gaz = Gazetteer(path=path, sha256="", entries=entries, index=index, format="geonames")
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


CSV_COLUMNS = ("id", "name", "aliases", "kind", "lat", "lon", "country", "parent", "geometry",
               "precision_km", "source")


def to_csv(gaz: Gazetteer, out: Path) -> tuple[int, int]:
    """Write a gazetteer read from a dump as a gazetteer CSV (see "Converting to a gazetteer
    CSV" above); returns (rows written, entries left out)."""
    import csv

    from .text import word_key

    keys_of: dict[str, list[str]] = {}
    for key, eid in gaz.index.items():
        keys_of.setdefault(eid, []).append(key)
    owner: dict[str, str] = {}           # word key -> id of the row that has it
    written = left_out = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for eid, e in gaz.entries.items():
            keys = keys_of.get(eid, [])
            own = name_key(e.name)
            wk = word_key(e.name)
            if own not in keys or owner.get(wk, eid) != eid:
                left_out += 1
                continue
            owner[wk] = eid
            names = {own}
            aliases = []
            # alternate names as written, then keys of other own names (asciiname) in key form
            for a in (*e.aliases, *keys):
                k = name_key(a)
                if k in names or gaz.index.get(k) != eid or "|" in a:
                    continue
                wk = word_key(a)
                if owner.setdefault(wk, eid) != eid:
                    continue
                names.add(k)
                aliases.append(a)
            w.writerow([eid, e.name, "|".join(aliases), e.kind, repr(e.lat), repr(e.lon), e.country, "", "",
                        f"{e.precision_km:g}", e.source])
            written += 1
    return written, left_out


def main(argv=None) -> int:
    """``python -m geo.geonames DUMP OUT.csv``: a GeoNames dump as a gazetteer CSV."""
    import sys

    from .errors import GeoError
    from .gazetteer import load

    args = sys.argv[1:] if argv is None else list(argv)
    if len(args) != 2 or args[0].startswith("-"):
        print("usage: python -m geo.geonames DUMP OUT.csv  (write a GeoNames dump as a gazetteer CSV)",
              file=sys.stderr)
        return 2
    src, out = Path(args[0]), Path(args[1])
    if out.exists():
        print(f"error: {out} exists; give a new file name (it is never overwritten)", file=sys.stderr)
        return 1
    try:
        gaz = load(src)
    except GeoError as e:
        for line in getattr(e, "problems", [str(e)]):
            print(f"error: {line}", file=sys.stderr)
        return 1
    if gaz.format != "geonames":
        print(f"error: {src} is not a GeoNames dump (19 tab-separated columns)", file=sys.stderr)
        return 1
    try:
        written, left_out = to_csv(gaz, out)
    except OSError as e:
        print(f"error: {out}: cannot be written ({e.strerror})", file=sys.stderr)
        return 1
    print(f"wrote {out}: {written} rows; {left_out} entries left out (not found under their own name)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

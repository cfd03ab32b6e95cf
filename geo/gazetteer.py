"""Loading and validating the pinned gazetteer into a ``Gazetteer`` with a name/alias index.

CSV columns: ``id,name,aliases,kind,lat,lon`` (required) and
``country,parent,geometry,precision_km,source`` (optional). ``aliases`` is ``|``-separated;
``geometry`` is WKT in WGS84 (lon lat order) for lines and areas. Every row is checked and all
problems are raised together, one line each, naming file, line, column, value and what was
expected; at most ``MAX_PROBLEMS`` lines are shown, then "... and K more" (``capped``, the one
implementation, also used for GeoNames dumps and for warnings). A row whose ``parent`` is a row
refused for another problem is not reported on its own: one line per refused parent counts them.
A GeoNames dump is recognised from its content and read by ``geo.geonames``.

A gazetteer is input like any other, and careless or hostile values are refused or cleaned:

- ``geometry``: POINT, LINESTRING, MULTILINESTRING, POLYGON or MULTIPOLYGON only (no
  GEOMETRYCOLLECTION, MULTIPOINT), not empty nor with an empty part, finite, within WGS84
  ranges, valid (GEOS). Z and M values are dropped with a warning (the WKT is rewritten in 2D).
  A field may hold up to ``MAX_FIELD_CHARS`` (10 MB) characters, beyond Python's csv default of
  131,072; a longer one is refused with one line and reading stops there.
- ``precision_km``: a finite number from 0 to ``MAX_PRECISION_KM`` (5000 km, more than half
  the width of any country; the pinned gazetteer's largest is 1000).
- names and aliases: invisible characters (Unicode format characters such as U+200B, U+200D,
  U+2060, U+FEFF, bidi controls, soft hyphen) and control characters are removed with a warning
  (``clean_name``; whitespace controls become a space), so "Ha\u200bma" is indexed as "Hama". An
  alias that is noise by the one rule shared with GeoNames dumps (``geo.geonames.noise``: its
  word key shorter than ``MIN_NAME_CHARS`` characters, without a letter, or a common word listed in
  ``geo/data/geonames_stopwords.txt``, e.g. "The", "A", "said", "2024") is ignored with a warning and
  the row kept; a row's own name that is noise stays its name but is not indexed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GazetteerError
from .model import Entry
from .text import name_key, word_key

REQUIRED = ("id", "name", "aliases", "kind", "lat", "lon")
OPTIONAL = ("country", "parent", "geometry", "precision_km", "source")
MAX_PROBLEMS = 20                 # problem (or warning) lines shown; then "... and K more"
MAX_FIELD_CHARS = 10 * 1024 * 1024  # csv field limit while reading (a long WKT); default 131,072
MAX_PRECISION_KM = 5000.0
MIN_NAME_CHARS = 2                # in a CSV, "M5", "UK" are names; GeoNames alternate names need 3
GEOMETRY_TYPES = ("Point", "LineString", "MultiLineString", "Polygon", "MultiPolygon")


@dataclass
class Gazetteer:
    path: Path
    sha256: str
    entries: dict[str, Entry]
    index: dict[str, str] | None = None   # name_key -> entry id; None: every name of every entry
    warnings: list[str] = field(default_factory=list)
    format: str = "csv"                   # "csv" or "geonames" (a dump: never appended to)

    def __post_init__(self) -> None:
        if self.index is None:
            self.index = build_index(self.entries.values())

    def lookup(self, name: str) -> Entry | None:
        """The entry a name or alias denotes (case, diacritics, dashes and invisible characters
        ignored)."""
        eid = self.index.get(name_key(clean_name(name)[0]))
        return self.entries[eid] if eid else None

    def children(self, parent_id: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.parent == parent_id]


def build_index(entries, unindexed=frozenset()) -> dict[str, str]:
    """name_key -> entry id over every name; the own names of the ids in ``unindexed`` are left out."""
    index: dict[str, str] = {}
    for e in entries:
        for n in (e.aliases if e.id in unindexed else e.names):
            index.setdefault(name_key(n), e.id)
    return index


def clean_name(s: str) -> tuple[str, str]:
    """``s`` without invisible characters (Unicode categories Cf and Cc: zero-width spaces and
    joiners, U+FEFF, U+2060, bidi controls, soft hyphen, C0/C1 controls), whitespace controls
    (tab, newline) as a space; and the removed characters. ``text.normalize`` keeps them (it must
    keep offsets), so a name holding one would never match the report text."""
    if s.isprintable():
        return s, ""
    out, removed = [], []
    for ch in s:
        if ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) in ("Cf", "Cc"):
            removed.append(ch)
        else:
            out.append(ch)
    return "".join(out), "".join(removed)


def describe_removed(removed: str) -> str:
    """'U+200B, U+FEFF' for the characters ``clean_name`` removed (each once, in order)."""
    return ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(removed))


def capped(lines: list[str], what: str = "problem(s)") -> list[str]:
    """The first ``MAX_PROBLEMS`` lines, then "... and K more <what>" if there are more."""
    more = len(lines) - MAX_PROBLEMS
    return lines[:MAX_PROBLEMS] + ([f"... and {more} more {what}"] if more > 0 else [])


def sha256_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load(path: str | Path) -> Gazetteer:
    """Load a gazetteer CSV or GeoNames dump; raises GazetteerError listing every problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise GazetteerError(f"{path}: is a folder; expected a gazetteer CSV or GeoNames file") from None
    except OSError as e:
        raise GazetteerError(f"{path}: cannot be read ({e.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise GazetteerError(
            f"{path} line {line}: invalid UTF-8 byte 0x{raw[e.start]:02x}; save the file as UTF-8"
        ) from None
    if not text.strip():
        raise GazetteerError(f"{path}: empty file; expected a header line {','.join(REQUIRED)}")
    from . import geonames

    if geonames.looks_like_geonames(text):
        gaz = geonames.parse(path, text)
    else:
        gaz = parse_csv(path, text)
    gaz.sha256 = hashlib.sha256(raw).hexdigest()
    return gaz


def _float(v: str) -> float | None:
    try:
        x = float(v)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def parse_csv(path: Path, text: str) -> Gazetteer:
    from .geonames import load_stopwords, noise

    header_line = text.split("\n", 1)[0]
    old_limit = csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        return _parse_csv(path, text, header_line, load_stopwords(), noise)
    finally:
        csv.field_size_limit(old_limit)


def _rows(reader, path: Path, problems: list[str]):
    """The reader's rows; a csv error (a field over MAX_FIELD_CHARS) is one problem and ends it."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            if "field limit" in str(e):
                problems.append(
                    f"{path} line {reader.line_num}: a field is longer than {MAX_FIELD_CHARS:,} characters"
                    " (the limit for one value, e.g. a geometry's WKT: simplify the shape); reading stopped here")
            else:
                problems.append(f"{path} line {reader.line_num}: not readable as CSV ({e}); reading stopped here")
            return
        yield row


def _parse_csv(path: Path, text: str, header_line: str, stop: frozenset[str], noise) -> Gazetteer:
    reader = csv.reader(io.StringIO(text))
    problems: list[str] = []
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error:
        header = []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        hint = ""
        for delim in (";", "\t", "|"):
            if delim in header_line and all(c in header_line for c in REQUIRED):
                hint = f"; the header looks {'tab' if delim == chr(9) else repr(delim)}-separated, expected commas"
        raise GazetteerError(
            f"{path} line 1: missing required column(s) {', '.join(missing)}"
            f" (found {', '.join(repr(h) for h in header) or 'nothing'}){hint}"
        )
    col = {name: header.index(name) for name in header if name}
    warnings: list[str] = []
    entries: dict[str, Entry] = {}
    lines_of: dict[str, int] = {}
    refused: dict[str, int] = {}         # id -> line of a row refused for a problem
    unindexed: set[str] = set()          # ids whose own name is noise: not indexed

    def bad(line: int, column: str, value: str, expected: str) -> None:
        problems.append(f"{path} line {line}: {column} {value!r} {expected}")

    def cleaned(line: int, column: str, value: str) -> str:
        clean, removed = clean_name(value)
        if removed:
            warnings.append(f"{path} line {line}: {column} {value!r} holds invisible or control character(s) "
                            f"{describe_removed(removed)}; removed (read as {clean.strip()!r})")
        return clean.strip()

    for row in _rows(reader, path, problems):
        line = reader.line_num
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            problems.append(
                f"{path} line {line}: {len(row)} fields, expected {len(header)} as in the header"
                " (an unquoted comma in a name?)"
            )
            if len(row) > col["id"] and row[col["id"]].strip():
                refused.setdefault(row[col["id"]].strip(), line)
            continue
        get = lambda c, row=row: row[col[c]].strip() if c in col else ""  # noqa: E731
        eid, kind = get("id"), get("kind")
        name = cleaned(line, "name", get("name"))
        ok = True
        for c, v, empty in (("id", eid, not eid), ("name", get("name"), not name), ("kind", kind, not kind)):
            if empty:
                bad(line, c, v, "is empty; every row needs one")
                ok = False
        lat, lon = _float(get("lat")), _float(get("lon"))
        if lat is None:
            bad(line, "lat", get("lat"), "is not a number; expected decimal degrees like 36.2021")
            ok = False
        elif not -90 <= lat <= 90:
            bad(line, "lat", get("lat"), "is outside -90..90 (lat and lon swapped?)")
            ok = False
        if lon is None:
            bad(line, "lon", get("lon"), "is not a number; expected decimal degrees like 37.1343")
            ok = False
        elif not -180 <= lon <= 180:
            bad(line, "lon", get("lon"), "is outside -180..180")
            ok = False
        geometry = get("geometry")
        if geometry:
            geometry, problem, warning = check_geometry(geometry)
            if problem:
                bad(line, "geometry", get("geometry")[:60], problem)
                ok = False
            elif warning:
                warnings.append(f"{path} line {line}: geometry {get('geometry')[:60]!r} {warning}")
        precision = get("precision_km")
        prec = None
        if precision:
            prec = _float(precision)
            if prec is None or not 0 <= prec <= MAX_PRECISION_KM:
                bad(line, "precision_km", precision,
                    f"is not a number of km from 0 to {MAX_PRECISION_KM:g}; expected e.g. 5 for a town")
                ok = False
        if eid in lines_of:
            bad(line, "id", eid, f"is a duplicate of line {lines_of[eid]}; ids must be unique")
            ok = False
        if not ok:
            if eid and eid not in lines_of:
                refused.setdefault(eid, line)
            continue
        aliases = []
        for raw in get("aliases").split("|"):
            a = cleaned(line, "alias", raw)
            if not a:
                continue
            why = noise(name_key(a), stop, MIN_NAME_CHARS)
            if why:
                warnings.append(f"{path} line {line}: alias {a!r} of {eid!r} {why}; ignored")
            else:
                aliases.append(a)
        why = noise(name_key(name), stop, MIN_NAME_CHARS)
        if why:
            unindexed.add(eid)
            warnings.append(f"{path} line {line}: name {name!r} of {eid!r} {why}; not indexed "
                            "(the row is found only by its aliases)")
        lines_of[eid] = line
        entries[eid] = Entry(
            id=eid, name=name, aliases=tuple(aliases), kind=kind, lat=lat, lon=lon,
            country=get("country").upper(), parent=get("parent"), geometry=geometry,
            precision_km=prec, source=get("source"), line=line,
        )
    if not entries and not problems:
        problems.append(f"{path}: no entries after the header; expected one place per line")
    orphans: dict[str, list[int]] = {}   # refused parent id -> lines of the rows naming it
    for e in entries.values():
        if e.parent and e.parent not in entries:
            if e.parent in refused:
                orphans.setdefault(e.parent, []).append(e.line)
            else:
                bad(e.line, "parent", e.parent, "names no entry; expected an id from this file or empty")
    for pid, lines in orphans.items():
        more = f", and {len(lines) - 1} more row(s) whose parent is that row" if len(lines) > 1 else ""
        problems.append(f"{path} line {lines[0]}: parent {pid!r} is the row refused at line {refused[pid]}{more}")
    problems.extend(_alias_clashes(path, entries.values(), unindexed))
    if problems:
        raise GazetteerError(capped(problems))
    entries = dict(sorted(entries.items()))
    gaz = Gazetteer(path=path, sha256="", entries=entries, index=build_index(entries.values(), unindexed))
    gaz.warnings.extend(capped(warnings + swapped_warnings(path, gaz), "warning(s)"))
    return gaz


def check_geometry(wkt: str) -> tuple[str, str, str]:
    """(WKT to keep, problem, warning) for a geometry cell; problem "" when it is accepted.

    Accepted: POINT, LINESTRING, MULTILINESTRING, POLYGON, MULTIPOLYGON, without empty parts,
    with finite coordinates in WGS84 ranges, valid. Z and M values are dropped (a warning) and
    the WKT rewritten in 2D; otherwise the WKT is kept as written."""
    import numpy as np
    import shapely
    from shapely.errors import ShapelyError

    try:
        with np.errstate(all="ignore"):
            geom = shapely.from_wkt(wkt)
    except (ShapelyError, ValueError, TypeError):
        return wkt, "is not WKT; expected e.g. 'LINESTRING (37.1 36.2, 36.3 33.5)'", ""
    if geom is None or geom.geom_type not in GEOMETRY_TYPES:
        kind = geom.geom_type if geom is not None else "nothing"
        return wkt, (f"is a {kind}; expected POINT, LINESTRING, MULTILINESTRING, POLYGON or MULTIPOLYGON"
                     " (a point needs no geometry: leave it empty)"), ""
    if geom.is_empty or any(p.is_empty for p in shapely.get_parts(geom)):
        return wkt, "is empty or has an empty part; expected coordinates, or an empty cell for a point", ""
    warning = ""
    if shapely.has_z(geom) or shapely.has_m(geom):
        dims = "Z and M" if shapely.has_z(geom) and shapely.has_m(geom) else "Z" if shapely.has_z(geom) else "M"
        geom = shapely.force_2d(geom)
        wkt = shapely.to_wkt(geom, rounding_precision=-1)
        warning = f"has {dims} values; dropped (the map is 2D, lon lat)"
    xy = shapely.get_coordinates(geom)
    if not np.isfinite(xy).all():
        return wkt, "has a coordinate that is not a finite number", ""
    if not ((np.abs(xy[:, 0]) <= 180).all() and (np.abs(xy[:, 1]) <= 90).all()):
        return wkt, "has coordinates outside WGS84; expected 'lon lat' order", ""
    if not geom.is_valid:
        return wkt, f"is not a valid shape ({shapely.is_valid_reason(geom)})", ""
    return wkt, "", warning


def _alias_clashes(path: Path, entries, unindexed=frozenset()) -> list[str]:
    """One problem per name that two entries claim. The rule: a name denotes exactly one entry,
    and names that differ only in punctuation ("Sana'a", "Sana a") are the same name. Own names
    that are not indexed (``unindexed``) claim nothing."""
    owner: dict[str, tuple[str, int, str]] = {}
    out = []
    for e in sorted(entries, key=lambda e: e.line):
        for n in (e.aliases if e.id in unindexed else e.names):
            key = word_key(n)   # what the matcher compares: "Sana'a" and "Sana a" are one name
            if not key:
                continue
            if key in owner and owner[key][0] != e.id:
                oid, oline, oname = owner[key]
                out.append(
                    f"{path} line {e.line}: aliases {n!r} of {e.id!r} is already a name of {oid!r} "
                    f"(line {oline}); a name must denote one entry: remove it from one row"
                )
            else:
                owner.setdefault(key, (e.id, e.line, n))
    return out


def swapped_warnings(path: Path, gaz: Gazetteer) -> list[str]:
    """Warnings for points that fall outside their country's area but inside it when swapped."""
    from shapely import wkt as shapely_wkt
    from shapely.geometry import Point

    areas = {}
    for e in gaz.entries.values():
        if e.kind == "country" and e.country and e.geometry:
            areas[e.country] = shapely_wkt.loads(e.geometry).buffer(0.1)
    out = []
    for e in gaz.entries.values():
        area = areas.get(e.country)
        if area is None or e.kind == "country":
            continue
        if not area.contains(Point(e.lon, e.lat)) and area.contains(Point(e.lat, e.lon)):
            out.append(
                f"{path} line {e.line}: lat/lon {e.lat}, {e.lon} of {e.id!r} fall outside {e.country} "
                f"but {e.lon}, {e.lat} fall inside: lat and lon swapped?"
            )
    return out

"""Loading and validating the pinned gazetteer into a ``Gazetteer`` with a name/alias index.

CSV columns: ``id,name,aliases,kind,lat,lon`` (required) and
``country,parent,geometry,precision_km,source`` (optional). ``aliases`` is ``|``-separated;
``geometry`` is WKT in WGS84 (lon lat order) for lines and areas. Every row is checked and all
problems are raised together, one line each, naming file, line, column, value and what was
expected. A GeoNames dump is recognised from its content and read by ``geo.geonames``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GazetteerError
from .text import name_key, word_key

REQUIRED = ("id", "name", "aliases", "kind", "lat", "lon")
OPTIONAL = ("country", "parent", "geometry", "precision_km", "source")
MAX_PROBLEMS = 20


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    lat: float
    lon: float
    country: str = ""
    parent: str = ""
    geometry: str = ""         # WKT (lon lat) for lines and areas, "" for points
    precision_km: float | None = None
    source: str = ""
    line: int = 0              # line in the gazetteer file, for messages
    alternatives: tuple[str, ...] = ()  # other candidates a GeoNames name could have meant

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class Gazetteer:
    path: Path
    sha256: str
    entries: dict[str, Entry]
    index: dict[str, str] = field(default_factory=dict)   # name_key -> entry id
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.index:
            self.index = build_index(self.entries.values())

    def lookup(self, name: str) -> Entry | None:
        """The entry a name or alias denotes (case, diacritics and dashes ignored)."""
        eid = self.index.get(name_key(name))
        return self.entries[eid] if eid else None

    def children(self, parent_id: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.parent == parent_id]


def build_index(entries) -> dict[str, str]:
    index: dict[str, str] = {}
    for e in entries:
        for n in e.names:
            index.setdefault(name_key(n), e.id)
    return index


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
    from shapely import wkt as shapely_wkt
    from shapely.errors import ShapelyError

    lines = text.splitlines()
    header_line = lines[0]
    reader = csv.reader(io.StringIO(text))
    header = [h.strip() for h in next(reader)]
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
    problems: list[str] = []
    entries: dict[str, Entry] = {}
    lines_of: dict[str, int] = {}

    def bad(line: int, column: str, value: str, expected: str) -> None:
        problems.append(f"{path} line {line}: {column} {value!r} {expected}")

    for row in reader:
        line = reader.line_num
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            problems.append(
                f"{path} line {line}: {len(row)} fields, expected {len(header)} as in the header"
                " (an unquoted comma in a name?)"
            )
            continue
        get = lambda c: row[col[c]].strip() if c in col else ""  # noqa: E731
        eid, name, kind = get("id"), get("name"), get("kind")
        ok = True
        for c, v in (("id", eid), ("name", name), ("kind", kind)):
            if not v:
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
            try:
                geom = shapely_wkt.loads(geometry)
                if not geom.is_valid:
                    bad(line, "geometry", geometry[:60], "is not a valid shape (self-intersecting?)")
                    ok = False
                elif not all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in _coords(geom)):
                    bad(line, "geometry", geometry[:60], "has coordinates outside WGS84; expected 'lon lat' order")
                    ok = False
            except (ShapelyError, ValueError, TypeError):
                bad(line, "geometry", geometry[:60], "is not WKT; expected e.g. 'LINESTRING (37.1 36.2, 36.3 33.5)'")
                ok = False
        precision = get("precision_km")
        prec = None
        if precision:
            prec = _float(precision)
            if prec is None or prec < 0:
                bad(line, "precision_km", precision, "is not a non-negative number of km")
                ok = False
        if eid in lines_of:
            bad(line, "id", eid, f"is a duplicate of line {lines_of[eid]}; ids must be unique")
            ok = False
        if not ok:
            continue
        aliases = tuple(a.strip() for a in get("aliases").split("|") if a.strip())
        lines_of[eid] = line
        entries[eid] = Entry(
            id=eid, name=name, aliases=aliases, kind=kind, lat=lat, lon=lon,
            country=get("country").upper(), parent=get("parent"), geometry=geometry,
            precision_km=prec, source=get("source"), line=line,
        )
    if not entries and not problems:
        problems.append(f"{path}: no entries after the header; expected one place per line")
    for e in entries.values():
        if e.parent and e.parent not in entries:
            bad(e.line, "parent", e.parent, "names no entry; expected an id from this file or empty")
    problems.extend(_alias_clashes(path, entries.values()))
    if problems:
        more = len(problems) - MAX_PROBLEMS
        shown = problems[:MAX_PROBLEMS] + ([f"... and {more} more problem(s)"] if more > 0 else [])
        raise GazetteerError(shown)
    gaz = Gazetteer(path=path, sha256="", entries=dict(sorted(entries.items())))
    gaz.warnings.extend(swapped_warnings(path, gaz))
    return gaz


def _coords(geom):
    import shapely

    return shapely.get_coordinates(geom).tolist()


def _alias_clashes(path: Path, entries) -> list[str]:
    """One problem per name that two entries claim. The rule: a name denotes exactly one entry,
    and names that differ only in punctuation ("Sana'a", "Sana a") are the same name."""
    owner: dict[str, tuple[str, int, str]] = {}
    out = []
    for e in sorted(entries, key=lambda e: e.line):
        for n in e.names:
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

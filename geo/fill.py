"""Filling gazetteer gaps with an online geocoder, for a person to review.

The only code that may touch the network, and only when asked (``--fill-gazetteer``). Names
the reports use but the gazetteer lacks (the build's unresolved list) are looked up through any
geopy geocoder, behind geopy's ``RateLimiter`` and an on-disk JSON cache, and appended to the
gazetteer CSV with ``source=<service>:<date>:<id>``. Nothing is drawn from the network at
build time: the appended rows are pinned in the file like any other.

Only a gazetteer CSV is ever appended to: a GeoNames dump (tab-separated) is refused with one
line saying how to convert it (``python -m geo.gazetteer.geonames DUMP OUT.csv``), before any lookup.
While looking up, the warnings and tracebacks that geopy's ``RateLimiter`` and urllib3 log on
each retry are silenced (unless logging is at INFO or below, ``-v``), and a failed lookup (no
network, refused, timed out) becomes one ``GeocodingError`` line; lookups made before it stay in
the cache and nothing is appended.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter

from .errors import GazetteerError, GeocodingError, OutputError
from .gazetteer import Gazetteer, looks_like_geonames
from .gazetteer.checks import LAT, LON
from .text import name_key

QUIET_LOGGERS = ("geopy", "urllib3", "requests")
UNREVIEWED_PRECISION_KM = "5"       # of an appended row, until a person reviews it
HEAD_LINES = 5                      # lines read to tell a GeoNames dump (see looks_like_geonames)
MAX_MESSAGE_CHARS = 300             # of a geocoder's error, in the one line reporting it
COORDINATE_DIGITS = 6               # decimals kept of a found position (about 0.1 m)


@dataclass(frozen=True)
class Filled:
    name: str
    id: str
    lat: float
    lon: float
    address: str
    source: str


class Hit(NamedTuple):
    """A found place as the cache keeps it: the JSON list [lat, lon, address, raw id]."""
    lat: float
    lon: float
    address: str
    raw_id: str


class Cache:
    """{service|query: [lat, lon, address, raw id] or None}, kept in a JSON file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.data = {}
        if not isinstance(self.data, dict):
            self.data = {}

    def save(self) -> None:
        tmp = self.path.with_suffix(self.path.suffix + ".tmp")
        tmp.write_text(json.dumps(self.data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        tmp.replace(self.path)


def _raw_id(raw) -> str:
    if isinstance(raw, dict):
        if raw.get("osm_type") and raw.get("osm_id"):
            return f"{raw['osm_type']}/{raw['osm_id']}"
        for k in ("place_id", "id", "geonameId"):
            if raw.get(k):
                return str(raw[k])
    return ""


def _slug(name: str, taken) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name_key(name)).strip("_") or "place"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}_{n}", n + 1
    return slug


def refuse_geonames(path: Path) -> GazetteerError:
    return GazetteerError(
        f"{path}: is a GeoNames dump; --fill-gazetteer appends rows only to a gazetteer CSV and would "
        f"corrupt it: convert it first with `python -m geo.gazetteer.geonames {path} gazetteer.csv`, then pass "
        "--gazetteer gazetteer.csv")


def check_writable(gazetteer_path: Path) -> None:
    """Raise GazetteerError (one line) unless the file is a gazetteer CSV that rows may be
    appended to. Cheap: reads the first lines only."""
    try:
        with open(gazetteer_path, encoding="utf-8-sig", errors="replace") as f:
            head = "".join(f.readline() for _ in range(HEAD_LINES))
    except OSError as e:
        raise GazetteerError(f"{gazetteer_path}: cannot be read ({e.strerror})") from None
    if looks_like_geonames(head):
        raise refuse_geonames(gazetteer_path)


@contextmanager
def _quiet_libraries():
    """Silence geopy's and urllib3's retry warnings (each with a traceback) unless logging is
    verbose; the failure, if any, is reported once by ``fill``."""
    if logging.getLogger().isEnabledFor(logging.INFO):
        yield
        return
    saved = [(lg, lg.level) for lg in map(logging.getLogger, QUIET_LOGGERS)]
    for lg, _ in saved:
        lg.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for lg, level in saved:
            lg.setLevel(level)


def _valid_hit(hit) -> bool:
    """A cache value as ``fill`` writes it: None, or [lat, lon, address, raw id]."""
    return hit is None or (
        isinstance(hit, list) and len(hit) == len(Hit._fields) and all(isinstance(v, (int, float)) for v in hit[:2])
        and LAT.contains(hit[0]) and LON.contains(hit[1]) and isinstance(hit[2], str) and isinstance(hit[3], str))


def _one_line(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit] + "..."


def fill(names: list[str], gazetteer: Gazetteer, geocoder, service: str, cache_path: Path,
         today: str, min_delay_seconds: float = 1.0, country_codes: str | None = "sy") -> list[Filled]:
    """Look ``names`` up with ``geocoder`` (geopy's interface) and return what was found.

    Raises GazetteerError for a GeoNames gazetteer (nothing looked up), GeocodingError (one
    line) when the geocoder fails, OutputError when the cache cannot be written."""
    if gazetteer.format != "csv":
        raise refuse_geonames(gazetteer.path)
    cache = Cache(cache_path)
    kwargs = {"country_codes": country_codes} if country_codes and service == "nominatim" else {}
    lookup = RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=2,
                         swallow_exceptions=False)
    taken = set(gazetteer.entries)
    out = []
    for name in names:
        key = f"{service}|{name_key(name)}"
        if not _valid_hit(cache.data.get(key, None)):
            del cache.data[key]
        if key not in cache.data:
            try:
                with _quiet_libraries():
                    loc = lookup(name, exactly_one=True, **kwargs)
            except GeopyError as e:
                raise GeocodingError(
                    f"{service}: looking up {name!r} failed ({type(e).__name__}: {_one_line(e)}); check the "
                    f"network connection and try again; nothing was appended (the lookups made so far are "
                    f"kept in {cache.path})") from None
            cache.data[key] = None if loc is None else [loc.latitude, loc.longitude, loc.address, _raw_id(loc.raw)]
            try:
                cache.save()
            except OSError as e:
                raise OutputError(f"{cache.path}: cannot be written ({e.strerror})") from None
        cached = cache.data[key]
        if cached is None or gazetteer.lookup(name) is not None:
            continue
        hit = Hit(*cached)
        eid = _slug(name, taken)
        taken.add(eid)
        out.append(Filled(name, eid, round(hit.lat, COORDINATE_DIGITS), round(hit.lon, COORDINATE_DIGITS), hit.address or "",
                          f"{service}:{today}:{hit.raw_id}" if hit.raw_id else f"{service}:{today}"))
    return out


def append_rows(gazetteer_path: Path, rows: list[Filled]) -> None:
    """Append ``rows`` to the gazetteer CSV, in its own column order, kind "unreviewed".
    Raises GazetteerError, appending nothing, if the file is a GeoNames dump."""
    check_writable(gazetteer_path)
    text = Path(gazetteer_path).read_text(encoding="utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for r in rows:
        values = {"id": r.id, "name": r.name, "aliases": "", "kind": "unreviewed", "lat": r.lat,
                  "lon": r.lon, "precision_km": UNREVIEWED_PRECISION_KM, "source": r.source}
        w.writerow([values.get(h.strip(), "") for h in header])
    sep = "" if text.endswith("\n") else "\n"
    with open(gazetteer_path, "a", encoding="utf-8", newline="") as f:
        f.write(sep + buf.getvalue())


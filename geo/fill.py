"""Filling gazetteer gaps with an online geocoder, for a person to review.

The only code that may touch the network, and only when asked (``--fill-gazetteer``). Names
the reports use but the gazetteer lacks (the build's unresolved list) are looked up through any
geopy geocoder, behind geopy's ``RateLimiter`` and an on-disk JSON cache, and appended to the
gazetteer CSV with ``source=<service>:<date>:<id>``. Nothing is drawn from the network at
build time: the appended rows are pinned in the file like any other.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from geopy.extra.rate_limiter import RateLimiter

from .gazetteer import Gazetteer
from .text import name_key


@dataclass(frozen=True)
class Filled:
    name: str
    id: str
    lat: float
    lon: float
    address: str
    source: str


class Cache:
    """{service|query: [lat, lon, address, raw id] or None}, kept in a JSON file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
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


def fill(names: list[str], gazetteer: Gazetteer, geocoder, service: str, cache_path: Path,
         today: str, min_delay_seconds: float = 1.0, country_codes: str | None = "sy") -> list[Filled]:
    """Look ``names`` up with ``geocoder`` (geopy's interface) and return what was found."""
    cache = Cache(cache_path)
    kwargs = {"country_codes": country_codes} if country_codes and service == "nominatim" else {}
    lookup = RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=2,
                         swallow_exceptions=False)
    taken = set(gazetteer.entries)
    out = []
    for name in names:
        key = f"{service}|{name_key(name)}"
        if key not in cache.data:
            loc = lookup(name, exactly_one=True, **kwargs)
            cache.data[key] = None if loc is None else [loc.latitude, loc.longitude, loc.address, _raw_id(loc.raw)]
            cache.save()
        hit = cache.data[key]
        if hit is None or gazetteer.lookup(name) is not None:
            continue
        eid = _slug(name, taken)
        taken.add(eid)
        out.append(Filled(name, eid, round(hit[0], 6), round(hit[1], 6), hit[2] or "",
                          f"{service}:{today}:{hit[3]}" if hit[3] else f"{service}:{today}"))
    return out


def append_rows(gazetteer_path: Path, rows: list[Filled]) -> None:
    """Append ``rows`` to the gazetteer CSV, in its own column order, kind "unreviewed"."""
    text = Path(gazetteer_path).read_text(encoding="utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for r in rows:
        values = {"id": r.id, "name": r.name, "aliases": "", "kind": "unreviewed", "lat": r.lat,
                  "lon": r.lon, "precision_km": "5", "source": r.source}
        w.writerow([values.get(h.strip(), "") for h in header])
    sep = "" if text.endswith("\n") else "\n"
    with open(gazetteer_path, "a", encoding="utf-8", newline="") as f:
        f.write(sep + buf.getvalue())


"""Mentions -> places: each mentioned entry geocoded once through a geopy-style geocoder."""

from __future__ import annotations

from dataclasses import dataclass

from .mentions import Mention
from .reports import Report


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: str
    lat: float
    lon: float
    geometry: str             # WKT for lines and areas, "" for points
    precision_km: float | None
    country: str
    source: str
    mentions: tuple[Mention, ...]   # role "place" only, in (article, offset) order

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({m.article for m in self.mentions}))


@dataclass(frozen=True)
class Resolved:
    places: tuple[Place, ...]                     # drawn on the map, sorted by id
    metonyms: tuple[Mention, ...]                 # actors, listed in the summary
    datelines: tuple[Mention, ...]
    not_geocoded: tuple[str, ...]                 # entry ids the geocoder could not place


def resolve(mentions: list[Mention], gazetteer, geocoder) -> Resolved:
    """Group ``mentions`` by entry and geocode each entry's name once.

    ``geocoder`` is any object with geopy's ``geocode(query, exactly_one=True)``; the default
    build passes ``GazetteerGeocoder``. Entries are geocoded by their primary name.
    """
    by_id: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.role == "place":
            by_id.setdefault(m.place_id, []).append(m)
    places, missing = [], []
    for pid in sorted(by_id):
        entry = gazetteer.entries[pid]
        loc = geocoder.geocode(entry.name, exactly_one=True)
        if loc is None:
            missing.append(pid)
            continue
        raw = loc.raw if isinstance(loc.raw, dict) else {}
        if raw.get("id", pid) != pid:   # the name denotes another entry: keep this entry's own data
            raw, lat, lon = {}, entry.lat, entry.lon
        else:
            lat, lon = loc.latitude, loc.longitude
        ms = tuple(sorted(by_id[pid], key=lambda m: (m.article, m.start)))
        places.append(Place(
            id=pid, name=entry.name, kind=entry.kind, lat=lat, lon=lon,
            geometry=raw.get("geometry", entry.geometry), precision_km=entry.precision_km,
            country=entry.country, source=entry.source, mentions=ms,
        ))
    key = lambda m: (m.article, m.start)  # noqa: E731
    return Resolved(
        places=tuple(places),
        metonyms=tuple(sorted((m for m in mentions if m.role == "metonym"), key=key)),
        datelines=tuple(sorted((m for m in mentions if m.role == "dateline"), key=key)),
        not_geocoded=tuple(missing),
    )


def mention_record(m: Mention, report: Report) -> dict:
    """A mention as exported: article, outlet, date, surface, sentence, offsets, role."""
    return {
        "article": m.article,
        "outlet": report.outlet,
        "date": report.date,
        "surface": m.surface,
        "sentence": m.sentence,
        "sentence_start": m.sentence_start,
        "start": m.start,
        "end": m.end,
        "role": m.role,
        "via": m.via,
    }

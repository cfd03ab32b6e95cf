"""Mentions -> places: each mentioned entry geocoded once through a geopy-style geocoder."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Mention, Report
from .text import WHOLE, window


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


def not_geocoded_warnings(resolved: Resolved, entries) -> list[str]:
    """One warning line per mentioned entry the geocoder could not place: it is not drawn."""
    return [f"{entries[pid].name}: the geocoder found no position; not drawn" for pid in resolved.not_geocoded]


def mention_record(m: Mention, report: Report, windows: dict | None = None) -> dict:
    """A mention as exported: article, outlet, date, surface, sentence, offsets, role.

    ``sentence`` is the mention's sentence, or for one longer than ``text.WHOLE`` characters
    (a page with no full stop) the ``text.WINDOW`` characters around the name (``text.window``);
    ``sentence_start`` is where that text starts in the report, so that
    ``sentence[start - sentence_start:end - sentence_start]`` is the surface. ``windows``: a dict
    shared by the records of a build, so that the mentions of one long sentence share strings."""
    sentence, start = sentence_window(m, report.text, windows)
    return {
        "article": m.article,
        "outlet": report.outlet,
        "date": report.date,
        "surface": m.surface,
        "sentence": sentence,
        "sentence_start": start,
        "start": m.start,
        "end": m.end,
        "role": m.role,
        "via": m.via,
    }


def sentence_window(m: Mention, text: str, windows: dict | None = None) -> tuple[str, int]:
    """The text exported as ``m``'s sentence, and where it starts in the report ``text``."""
    s0, sentence = m.sentence_start, m.sentence
    s1 = s0 + len(sentence)
    if len(sentence) <= WHOLE and s0 <= m.start and m.end <= s1:
        return sentence, s0
    if not (s0 <= m.start and m.end <= s1):     # a name across the cut of a long sentence
        s0, s1 = min(s0, m.start), max(s1, m.end)
        sentence = text[s0:s1]
    x, y = window(sentence, s0, m.start, m.end)
    key = (m.article, x, y)
    out = windows.get(key) if windows is not None else None
    if out is None:
        out = sentence[x - s0:y - s0]
        if windows is not None:
            windows[key] = out
    return out, x

"""The pinned gazetteer behind geopy's geocoder interface.

``GazetteerGeocoder(gazetteer).geocode("Khmeimim")`` answers like any geopy geocoder, with a
``geopy.location.Location`` whose ``raw`` holds the gazetteer entry. The build resolves names
through this interface, so an online geocoder (geopy's Nominatim, behind ``RateLimiter`` and a
cache) can stand in for gap filling without changing the pipeline. A default build never
touches the network.
"""

from __future__ import annotations

from dataclasses import asdict

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from .gazetteer import Gazetteer
from .model import Entry

USER_AGENT = "geo-situation-map"
TIMEOUT_S = 1        # geopy's Geocoder wants one; this geocoder never goes online


def entry_location(entry: Entry) -> Location:
    raw = asdict(entry)
    return Location(entry.name, (entry.lat, entry.lon), raw)


class GazetteerGeocoder(Geocoder):
    """Offline geocoder over a ``Gazetteer``: exact name/alias lookup (case, diacritics, dashes ignored)."""

    def __init__(self, gazetteer: Gazetteer):
        super().__init__(scheme="https", timeout=TIMEOUT_S, proxies={}, user_agent=USER_AGENT)
        self.gazetteer = gazetteer

    def geocode(self, query, *, exactly_one=True, **kwargs):
        entry = self.gazetteer.lookup(str(query))
        if entry is None:
            return None
        loc = entry_location(entry)
        return loc if exactly_one else [loc]

    def reverse(self, query, *, exactly_one=True, **kwargs):
        raise NotImplementedError("the gazetteer geocoder does not reverse-geocode")

"""Road phrases: "a key highway that links Aleppo to the capital Damascus", "the road to
Damascus" is the one road in the gazetteer that passes within ``road_km`` of both places
(geo/data/context.toml)."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Set

from geopy.distance import geodesic
from shapely import wkt as shapely_wkt
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from .. import vocab
from ..gazetteer import Gazetteer
from ..model import Entry, Mention
from ..text import normalize
from .vocabulary import alternation, alternation_keys, starting_literals

ROAD_KM = 10.0        # a road passes this near both places it links (when the file does not say)
AFTER_WINDOW = 60     # characters after a road word in which the places it links start
ORIGIN_KINDS = frozenset({"city", "town"})   # "the road to Damascus" leads from the last of these

_COMPOUND_JOIN = re.compile(r"\s*[-\u2013/]\s*")   # "Homs-Hama", "Homs\u2013Hama", "Homs/Hama"
_ROAD_GAP = re.compile(r"\s+(?:to|and|with)\s+(?:the\s+)?(?:capital\s+|city\s+of\s+)?")

LastPlace = Callable[[int, Set[str]], Entry | None]   # the last place of some kinds before a position

# WGS-84, the ellipsoid of geopy's geodesic: its semi-major axis (km) and first eccentricity squared
_A_KM = 6378.137
_F = 1 / 298.257223563
_E2 = _F * (2 - _F)
_MARGIN_KM = 0.001    # far more than the rounding error of a chord


def _km(geometry: BaseGeometry, e: Entry, within: float = math.inf) -> float:
    """The distance in km from ``e`` to the point of ``geometry`` nearest it, or ``math.inf``
    when it is surely more than ``within`` km. The straight line between the two points, through
    the earth, is never longer than the geodesic on its surface: when it is longer than
    ``within``, the geodesic (far slower to compute) is not needed."""
    near = nearest_points(geometry, Point(e.xy))[0]
    if _chord_km(e.lat, e.lon, near.y, near.x) > within + _MARGIN_KM:
        return math.inf
    return geodesic((e.lat, e.lon), (near.y, near.x)).km


def _chord_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The length in km of the straight line between two points (latitude, longitude in
    degrees) on the WGS-84 ellipsoid."""
    x1, y1, z1 = _cartesian(lat1, lon1)
    x2, y2, z2 = _cartesian(lat2, lon2)
    return math.sqrt((x1 - x2) ** 2 + (y1 - y2) ** 2 + (z1 - z2) ** 2)


def _cartesian(lat: float, lon: float) -> tuple[float, float, float]:
    """Earth-centred coordinates in km of a point on the WGS-84 ellipsoid."""
    phi, lam = math.radians(lat), math.radians(lon)
    n = _A_KM / math.sqrt(1 - _E2 * math.sin(phi) ** 2)
    return n * math.cos(phi) * math.cos(lam), n * math.cos(phi) * math.sin(lam), n * (1 - _E2) * math.sin(phi)


class RoadRules:
    """The road words of context.toml (``c``, the file read, named ``src``), and the roads of
    ``gaz``."""

    def __init__(self, gaz: Gazetteer, c: dict, src: str, road_words: list[str]):
        self.gaz = gaz
        self.rx_road = re.compile(rf"\b(?:{alternation(road_words)})\b")
        self.literals = starting_literals(alternation_keys(road_words))   # a match starts with one
        self.rx_conn = re.compile(
            rf"^\s+(?:that\s+|which\s+)?(?P<c>{alternation(vocab.require(c, 'road_connectives', list, src))})"
            r"\s+(?:the\s+)?$"
        )
        self.road_km = float(c.get("road_km", ROAD_KM))
        self._geoms: list[tuple[Entry, BaseGeometry]] | None = None
        self._distance_memo: dict[tuple[float, float], list[float]] = {}

    def road(self, a: int, b: int, found: list[Mention], starts: list[int], text: str, norm: str,
             last_place: LastPlace) -> Entry | None:
        """The road the road word at [a, b) names, or None. ``found``: the mentions in order of
        their start, and ``starts`` their starts."""
        entries = self.gaz.entries
        k, n = bisect.bisect_left(starts, b), len(starts)
        if k >= 2 and found[k - 1].end <= a and not text[found[k - 1].end:a].strip() \
                and _COMPOUND_JOIN.fullmatch(text, found[k - 2].end, found[k - 1].start):
            return self.between(entries[found[k - 2].place_id], entries[found[k - 1].place_id])   # "the Homs-Hama road"
        after = []
        while k < n and starts[k] - b < AFTER_WINDOW:
            if found[k].sentence_start <= a:
                after.append(found[k])
            k += 1
        if not after:
            return None
        conn = self.rx_conn.match(norm[b:after[0].start])
        if not conn:
            return None
        first = entries[after[0].place_id]
        ends = None
        if len(after) > 1:
            gap = normalize(text[after[0].end:after[1].start])
            if _ROAD_GAP.fullmatch(gap):
                ends = (first, entries[after[1].place_id])
        if ends is None and conn.group("c") == "to":
            origin = last_place(a, ORIGIN_KINDS)
            if origin is not None and origin.id != first.id:
                ends = (origin, first)
        if ends is None:
            return None
        return self.between(*ends)

    def between(self, x: Entry, y: Entry) -> Entry | None:
        """The road that passes within ``road_km`` of both ``x`` and ``y``, the nearest if several."""
        best = None
        for (e, _g), dx, dy in zip(self._roads(), self._distances(x), self._distances(y)):
            if dx <= self.road_km and dy <= self.road_km and (best is None or dx + dy < best[0]):
                best = (dx + dy, e)
        return best[1] if best else None

    def prepare(self) -> None:
        """Read the gazetteer's roads now (``Rules.prepare``)."""
        self._roads()

    def _roads(self) -> list[tuple[Entry, BaseGeometry]]:
        """The gazetteer's roads with their geometry, read once."""
        if self._geoms is None:
            self._geoms = [(e, shapely_wkt.loads(e.geometry)) for e in self.gaz.of_kind("road") if e.geometry]
        return self._geoms

    def _distances(self, e: Entry) -> list[float]:
        """The distance in km from each of the roads to ``e`` (``math.inf`` for one surely
        further than ``road_km``, which ``between`` does not need), memoised on its coordinates."""
        key = e.xy
        if key not in self._distance_memo:
            self._distance_memo[key] = [_km(g, e, self.road_km) for _, g in self._roads()]
        return self._distance_memo[key]

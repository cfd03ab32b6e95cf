"""Road phrases: "a key highway that links Aleppo to the capital Damascus", "the road to
Damascus" is the one road in the gazetteer that passes within ``road_km`` of both places
(geo/data/context.toml)."""

from __future__ import annotations

import bisect
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

_ROAD_GAP = re.compile(r"\s+(?:to|and|with)\s+(?:the\s+)?(?:capital\s+|city\s+of\s+)?")

LastPlace = Callable[[int, Set[str]], Entry | None]   # the last place of some kinds before a position


def _km(geometry: BaseGeometry, e: Entry) -> float:
    """The distance in km from ``e`` to the point of ``geometry`` nearest it."""
    near = nearest_points(geometry, Point(e.xy))[0]
    return geodesic((e.lat, e.lon), (near.y, near.x)).km


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

    def _roads(self) -> list[tuple[Entry, BaseGeometry]]:
        """The gazetteer's roads with their geometry, read once."""
        if self._geoms is None:
            self._geoms = [
                (e, shapely_wkt.loads(e.geometry)) for e in self.gaz.entries.values()
                if e.kind == "road" and e.geometry
            ]
        return self._geoms

    def _distances(self, e: Entry) -> list[float]:
        """The distance in km from each of the roads to ``e``, memoised on its coordinates."""
        key = e.xy
        if key not in self._distance_memo:
            self._distance_memo[key] = [_km(g, e) for _, g in self._roads()]
        return self._distance_memo[key]

"""Estimated areas of control and front lines, day by day, from the places' claimed states.

An estimate, never a fact: each place whose state as of a day is held (or contested) gets the
part of the land nearer to it than to any other such place (its Voronoi cell, computed with
shapely in an azimuthal equidistant projection centred on the places), cut to the country it lies
in (its gazetteer country's Natural Earth outline, the map's basemap) and to a distance from the place that depends on
its kind (``RADIUS_KM``; a place's ``precision_km`` widens it). Cells are dissolved by controller;
contested places give "contested" cells. Front lines are the stretches where the areas of two
different controllers meet. Places without claims, and areas, roads and countries as a whole,
give nothing.

An estimate stays valid from its day until the day before the next one that differs, so a
corpus of many days with few changes costs few computations.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import MultiPoint, Point, shape

from .state import as_of

# How far a place's control is assumed to reach, by gazetteer kind (km). A city's suburbs, a
# village's fields; an airbase's perimeter.
RADIUS_KM = {
    "capital": 40.0, "city": 30.0, "town": 15.0, "village": 8.0, "airbase": 8.0, "airport": 8.0,
    "naval_base": 6.0, "military_base": 6.0, "port": 6.0, "landmark": 4.0, "dam": 6.0, "border_crossing": 5.0, "other": 8.0,
}
# Kinds that are not a point of control: an area, a road or a country as a whole.
NO_CELL_KINDS = frozenset({"country", "governorate", "region", "area", "road"})
CONTESTED = "contested"
OPACITY = {"high": 0.45, "medium": 0.32, "low": 0.18, "": 0.3}
GRID_DEG = 1e-5          # output coordinates snapped to this grid (about 1 m)
FRONT_TOLERANCE_M = 50.0 # two areas closer than this along a boundary share a front line
SIMPLIFY_M = 100.0       # areas are drawn simplified to this tolerance (fronts from the exact cells)
PARALLEL_FROM = 8        # runs of days from which ``estimate`` computes them on ``jobs`` processes


@dataclass(frozen=True)
class Area:
    date: str                  # first day the estimate holds
    until: str                 # last day it holds
    controller: str            # actor id, or "contested"
    geometry: object           # shapely (Multi)Polygon, lon/lat
    places: tuple[str, ...]    # the place ids it rests on
    confidence: dict           # {"high": n, "medium": n, "low": n}
    opacity: float             # from the confidence of its places
    area_km2: float


@dataclass(frozen=True)
class Front:
    date: str
    until: str
    sides: tuple[str, str]     # the two controllers it separates
    geometry: object           # shapely (Multi)LineString, lon/lat
    length_km: float


@dataclass
class Estimate:
    areas: list[Area] = field(default_factory=list)
    fronts: list[Front] = field(default_factory=list)
    method: dict = field(default_factory=dict)


def estimate(lines: dict, entries: dict, outlines: list, days: list[str], jobs: int = 1) -> Estimate:
    """Areas and fronts for each day of ``days`` (sorted ISO dates) from the per-place
    timelines (``geo.state.timelines``). ``outlines``: shapely polygons (lon/lat) of the
    countries cells are cut to. ``jobs`` other than 1: the runs of days are computed on that
    many processes (0: one per core) when there are ``PARALLEL_FROM`` or more (the same results)."""
    candidates = sorted(pid for pid in lines if entries[pid].kind not in NO_CELL_KINDS)
    method = {
        "method": "Voronoi cells of the places held (or contested) as of each day, in an azimuthal "
                  "equidistant projection, cut to the country each place lies in and to a radius by "
                  "kind (widened to the place's precision_km), dissolved by controller",
        "radius_km": RADIUS_KM, "no_cells_for_kinds": sorted(NO_CELL_KINDS),
        "outlines": "Natural Earth 1:50m (npm world-atlas), the map's basemap",
        "opacity_by_confidence": OPACITY, "front_tolerance_m": FRONT_TOLERANCE_M,
        "simplified_m": SIMPLIFY_M,
    }
    out = Estimate(method=method)
    if not candidates or not days:
        return out
    lat0 = round(float(np.mean([entries[p].lat for p in candidates])), 1)
    lon0 = round(float(np.mean([entries[p].lon for p in candidates])), 1)
    projection = f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m"
    method["projection"] = projection
    geo = _Projection(projection)
    countries = _Countries(outlines, geo, [entries[p] for p in candidates])

    runs: list[tuple[tuple, str, str]] = []    # (signature, first day, last day)
    for day in days:
        held = []
        for pid in candidates:
            st = as_of(lines[pid], day)
            if st is None or st.state not in ("held", "contested"):
                continue
            held.append((pid, st.controller if st.state == "held" else CONTESTED, st.confidence))
        sig = tuple(held)
        if runs and runs[-1][0] == sig:
            runs[-1] = (sig, runs[-1][1], day)
        else:
            runs.append((sig, day, day))
    for areas, fronts in _all_runs([r for r in runs if r[0]], entries, geo, countries, jobs):
        out.areas.extend(areas)
        out.fronts.extend(fronts)
    return out


_RUNS: tuple | None = None    # what the processes forked by ``_all_runs`` read: (runs, entries, geo, countries)


def _run(i: int):
    assert _RUNS is not None
    runs, entries, geo, countries = _RUNS
    sig, first, last = runs[i]
    return _one_day(sig, entries, geo, countries, first, last)


def _all_runs(runs: list, entries: dict, geo, countries, jobs: int) -> list:
    """``_one_day`` of each run, in order: here, or on ``jobs`` processes forked from this one,
    each computing whole runs from the same inputs (their results, pickled back, are the same
    geometries: WKB keeps every coordinate's bits)."""
    global _RUNS
    jobs = (multiprocessing.cpu_count() if jobs == 0 else jobs)
    if jobs <= 1 or len(runs) < PARALLEL_FROM or multiprocessing.get_start_method() != "fork":
        return [_one_day(sig, entries, geo, countries, first, last) for sig, first, last in runs]
    _RUNS = (runs, entries, geo, countries)
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(runs)), mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_run, range(len(runs))))
    finally:
        _RUNS = None


class _Projection:
    def __init__(self, proj: str):
        self.fwd = Transformer.from_crs("EPSG:4326", proj, always_xy=True)
        self.inv = Transformer.from_crs(proj, "EPSG:4326", always_xy=True)

    def to_m(self, geom):
        return shapely.transform(geom, lambda c: np.column_stack(self.fwd.transform(c[:, 0], c[:, 1])))

    def to_deg(self, geom):
        """Back to lon/lat, snapped to the output grid, valid, only parts of the input's dimension."""
        dim = shapely.get_dimensions(geom)
        g = _valid(shapely.transform(geom, lambda c: np.column_stack(self.inv.transform(c[:, 0], c[:, 1]))))
        g = _valid(shapely.set_precision(g, GRID_DEG))
        parts = [p for p in shapely.get_parts(g) if shapely.get_dimensions(p) == dim and not p.is_empty]
        if dim == 2 and g.geom_type in ("Polygon", "MultiPolygon"):
            return shapely.normalize(g)   # valid: its parts neither overlap nor share an edge, nothing to dissolve
        return shapely.normalize(shapely.union_all(parts) if dim == 2 else shapely.line_merge(shapely.union_all(parts)))


def _valid(g):
    """``g`` made valid, checked first: most are, and the check costs less than the repair."""
    return g if shapely.is_valid(g) else shapely.make_valid(g)


class _Countries:
    """The country outline of each place, projected once. A place's gazetteer ``country`` code
    names the outline that holds most places with that code, so a place in a disputed strip
    (the Golan, drawn de facto by Natural Earth) is cut to its own country's outline; a place
    without a code takes the outline its point lies in."""

    def __init__(self, outlines: list, geo: _Projection, entries: list):
        self.outlines = outlines
        self.tree = shapely.STRtree(outlines) if outlines else None
        self.geo = geo
        self.projected: dict[int, object] = {}
        votes: dict[str, dict[int, int]] = {}
        for e in entries:
            i = self._containing(*e.xy)
            if e.country and i is not None:
                v = votes.setdefault(e.country, {})
                v[i] = v.get(i, 0) + 1
        self.by_code = {code: min(v, key=lambda i: (-v[i], i)) for code, v in votes.items()}

    def _containing(self, lon: float, lat: float) -> int | None:
        if self.tree is None:
            return None
        hits = self.tree.query(Point(lon, lat), predicate="intersects")
        return int(min(hits)) if len(hits) else None

    def of(self, entry):
        i = self.by_code.get(entry.country) if entry.country else None
        if i is None:
            i = self._containing(entry.lon, entry.lat)
        if i is None:
            return None
        if i not in self.projected:
            self.projected[i] = shapely.make_valid(self.geo.to_m(self.outlines[i]))
        return self.projected[i]


def _radius_m(entry) -> float:
    r = RADIUS_KM.get(entry.kind, RADIUS_KM["other"])
    if entry.precision_km and entry.precision_km == entry.precision_km:   # not NaN
        r = max(r, min(float(entry.precision_km), 50.0))
    return r * 1000.0


def _one_day(sig, entries, geo: _Projection, countries: _Countries, first: str, last: str):
    # one point per position: places at the same spot with different controllers are contested
    by_pos: dict[tuple[float, float], list] = {}
    for pid, label, conf in sig:
        e = entries[pid]
        by_pos.setdefault((round(e.lon, 4), round(e.lat, 4)), []).append((pid, label, conf))
    points, owners = [], []
    for (lon, lat), items in sorted(by_pos.items()):
        country = countries.of(entries[items[0][0]])
        if country is None:
            continue
        labels = {label for _, label, _ in items}
        label = labels.pop() if len(labels) == 1 else CONTESTED
        radius = max(_radius_m(entries[pid]) for pid, _, _ in items)
        points.append(geo.to_m(Point(lon, lat)))
        owners.append((label, items, radius, country))
    if not points:
        return [], []
    pts = MultiPoint(points)
    reach = max(o[2] for o in owners)
    frame = shapely.box(*pts.bounds).buffer(reach * 2)
    cells = (list(shapely.voronoi_polygons(pts, extend_to=frame, ordered=True).geoms)
             if len(points) > 1 else [frame])
    pieces: dict[str, list] = {}
    places: dict[str, list] = {}
    confs: dict[str, dict] = {}
    for cell, point, (label, items, radius, country) in zip(cells, points, owners):
        piece = shapely.intersection(shapely.intersection(cell, point.buffer(radius, quad_segs=8)), country)
        if piece.is_empty:
            continue
        pieces.setdefault(label, []).append(piece)
        places.setdefault(label, []).extend(pid for pid, _, _ in items)
        c = confs.setdefault(label, {"high": 0, "medium": 0, "low": 0})
        for _, _, conf in items:
            if conf in c:
                c[conf] += 1
    merged = {label: shapely.union_all(ps) for label, ps in sorted(pieces.items())}
    areas = []
    for label, geom in merged.items():
        c = confs[label]
        n = sum(c.values())
        opacity = OPACITY[""] if label == CONTESTED or not n else round(
            sum(OPACITY[k] * v for k, v in c.items()) / n, 2)
        drawn = shapely.simplify(geom, SIMPLIFY_M, preserve_topology=True)
        areas.append(Area(first, last, label, geo.to_deg(drawn), tuple(sorted(places[label])), c, opacity,
                          round(geom.area / 1e6, 1)))
    fronts = []
    controllers = [lab for lab in merged if lab != CONTESTED]
    for i, a in enumerate(controllers):
        for b in controllers[i + 1:]:
            line = shapely.intersection(merged[a].boundary, merged[b].buffer(FRONT_TOLERANCE_M))
            parts = [g for g in shapely.get_parts(line) if g.geom_type == "LineString" and g.length > 0]
            if not parts:
                continue
            joined = shapely.line_merge(shapely.MultiLineString(parts))
            fronts.append(Front(first, last, (a, b), geo.to_deg(joined), round(joined.length / 1000, 1)))
    return areas, fronts


def outlines_from_geojson(fc: dict | None) -> list:
    """The country polygons of a GeoJSON FeatureCollection (the basemap), valid, lon/lat."""
    if not fc:
        return []
    return [shapely.make_valid(shape(f["geometry"])) for f in fc["features"] if f.get("geometry")]

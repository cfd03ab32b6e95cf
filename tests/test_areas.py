"""Estimated areas of control (geo/areas.py) on made-up places in a made-up square country."""

from __future__ import annotations

import math

import pytest
import shapely
from geopy.distance import geodesic
from shapely.geometry import Point, box

from geo.areas import CONTESTED, RADIUS_KM, estimate
from geo.model import Entry
from geo.state import timelines
from tests.test_state import claim

COUNTRY = box(36.0, 34.0, 38.0, 36.0)        # lon 36-38, lat 34-36
NEIGHBOUR = box(38.0, 34.0, 40.0, 36.0)


def entry(pid, lon, lat, kind="city", precision=None):
    return Entry(id=pid, name=pid.title(), aliases=(), kind=kind, lat=lat, lon=lon, precision_km=precision)


def build(claims, entries, days, outlines=(COUNTRY, NEIGHBOUR)):
    return estimate(timelines(claims), {e.id: e for e in entries}, list(outlines), days)


def km2(geom, lat):
    """Area of a lon/lat geometry in km2 (equirectangular at ``lat``; fine at this size)."""
    kx = 111.32 * math.cos(math.radians(lat))
    return shapely.transform(geom, lambda c: c * [kx, 110.57]).area


def test_two_controllers_two_areas_and_a_front_between_them():
    es = [entry("a", 36.9, 35.0), entry("b", 37.2, 35.0)]     # about 27 km apart
    est = build([claim("2024-12-01", "government", "controls", place="a"),
                 claim("2024-12-01", "opposition", "controls", place="b")], es, ["2024-12-01"])
    by = {a.controller: a for a in est.areas}
    assert set(by) == {"government", "opposition"}
    assert by["government"].geometry.contains(Point(36.9, 35.0)) and by["government"].places == ("a",)
    assert by["opposition"].geometry.contains(Point(37.2, 35.0))
    assert not by["government"].geometry.intersection(by["opposition"].geometry).area > 1e-9
    (front,) = est.fronts
    assert front.sides == ("government", "opposition")
    # the front runs along the perpendicular bisector, lon 37.05
    xs = [x for x, _ in shapely.get_coordinates(front.geometry)]
    assert all(abs(x - 37.05) < 0.01 for x in xs) and front.length_km > 20


def test_a_contested_place_gives_a_contested_cell():
    es = [entry("a", 36.9, 35.0), entry("b", 37.5, 35.0)]
    est = build([claim("2024-12-01", "government", "controls", place="a", side="government"),
                 claim("2024-12-01", "opposition", "captured", place="a", side="opposition"),
                 claim("2024-12-01", "opposition", "controls", place="b")], es, ["2024-12-01"])
    by = {a.controller: a for a in est.areas}
    assert set(by) == {CONTESTED, "opposition"} and by[CONTESTED].places == ("a",)
    assert est.fronts == []      # a contested area is not one side of a front


def test_a_place_near_the_border_stays_inside_its_country():
    es = [entry("edge", 37.98, 35.0)]
    (area,) = build([claim("2024-12-01", "opposition", "controls", place="edge")], es, ["2024-12-01"]).areas
    assert COUNTRY.buffer(1e-4).contains(area.geometry)
    assert area.geometry.bounds[2] <= 38.0 + 1e-5


def test_a_lone_place_reaches_only_its_radius():
    es = [entry("v", 37.0, 35.0, kind="village")]
    (area,) = build([claim("2024-12-01", "opposition", "controls", place="v")], es, ["2024-12-01"]).areas
    r = RADIUS_KM["village"]
    assert km2(area.geometry, 35.0) == pytest.approx(math.pi * r * r, rel=0.03)
    far = max(geodesic((35.0, 37.0), (lat, lon)).km for lon, lat in shapely.get_coordinates(area.geometry))
    assert far == pytest.approx(r, rel=0.01)
    # a coarse place (precision 15 km) reaches further
    es = [entry("v", 37.0, 35.0, kind="village", precision=15)]
    (area,) = build([claim("2024-12-01", "opposition", "controls", place="v")], es, ["2024-12-01"]).areas
    assert km2(area.geometry, 35.0) == pytest.approx(math.pi * 15 * 15, rel=0.03)


def test_places_without_control_areas_and_outside_any_country_give_nothing():
    es = [entry("p", 37.0, 35.0), entry("gov", 37.0, 35.5, kind="governorate"), entry("sea", 30.0, 33.0)]
    est = build([claim("2024-12-01", "opposition", "entered", place="p"),
                 claim("2024-12-01", "opposition", "controls", place="gov"),
                 claim("2024-12-01", "opposition", "controls", place="sea")], es, ["2024-12-01"])
    assert est.areas == [] and est.fronts == []


def test_an_estimate_holds_until_the_states_change():
    es = [entry("a", 36.9, 35.0), entry("b", 37.2, 35.0)]
    days = ["2024-12-01", "2024-12-02", "2024-12-03", "2024-12-04"]
    est = build([claim("2024-12-01", "government", "controls", place="a"),
                 claim("2024-12-01", "government", "controls", place="b"),
                 claim("2024-12-03", "opposition", "captured", place="b")], es, days)
    got = sorted((a.date, a.until, a.controller, a.places) for a in est.areas)
    assert got == [("2024-12-01", "2024-12-02", "government", ("a", "b")),
                   ("2024-12-03", "2024-12-04", "government", ("a",)),
                   ("2024-12-03", "2024-12-04", "opposition", ("b",))]
    assert [(f.date, f.until) for f in est.fronts] == [("2024-12-03", "2024-12-04")]


def test_confidence_sets_the_opacity():
    es = [entry("a", 36.9, 35.0), entry("b", 37.5, 35.0)]
    weak = claim("2024-12-01", "government", "controls", place="a")
    strong = [claim("2024-12-01", "opposition", "captured", place="b", side="opposition"),
              claim("2024-12-01", "opposition", "controls", place="b", side="outlet")]
    by = {a.controller: a for a in build([weak, *strong], es, ["2024-12-01"]).areas}
    assert by["government"].confidence == {"high": 0, "medium": 0, "low": 1}
    assert by["opposition"].opacity > by["government"].opacity


def test_same_input_same_geometry():
    es = [entry("a", 36.9, 35.0), entry("b", 37.2, 35.1), entry("c", 37.0, 35.4, kind="town")]
    claims = [claim("2024-12-01", "government", "controls", place="a"),
              claim("2024-12-01", "opposition", "controls", place="b"),
              claim("2024-12-01", "sdf", "controls", place="c")]
    one = build(claims, es, ["2024-12-01"])
    two = build(list(reversed(claims)), list(reversed(es)), ["2024-12-01"])
    assert [a.geometry.wkb for a in one.areas] == [a.geometry.wkb for a in two.areas]
    assert [f.geometry.wkb for f in one.fronts] == [f.geometry.wkb for f in two.fronts]


def test_a_place_drawn_across_a_de_facto_line_is_cut_to_its_own_countrys_outline():
    # "d" is coded AA but its point lies just inside the neighbour's outline (a disputed strip)
    es = [Entry(id=pid, name=pid, aliases=(), kind="city", lat=35.0, lon=lon, country="AA")
          for pid, lon in (("a", 36.5), ("b", 37.0), ("d", 38.05))]
    est = build([claim("2024-12-01", "opposition", "controls", place=p) for p in ("a", "b", "d")], es, ["2024-12-01"])
    (area,) = est.areas
    assert COUNTRY.buffer(1e-4).contains(area.geometry) and "d" in area.places


def test_runs_of_days_on_two_processes_give_the_same_estimate():
    from geo import areas
    es = [entry(f"p{k}", 36.2 + 0.15 * k, 35.0 + 0.05 * (k % 3)) for k in range(10)]
    days = [f"2024-12-{d:02d}" for d in range(1, 13)]
    sides = ["government", "opposition", "sdf"]
    claims = [claim(days[k], sides[(k + j) % 3], "captured", place=f"p{j}") for k in range(12) for j in range(10)
              if (k + j) % 4 == 0]
    lines = timelines(claims)
    entries = {e.id: e for e in es}
    one = estimate(lines, entries, [COUNTRY, NEIGHBOUR], days, jobs=1)
    two = estimate(lines, entries, [COUNTRY, NEIGHBOUR], days, jobs=2)
    assert len({a.date for a in one.areas}) >= areas.PARALLEL_FROM      # enough runs to use the processes
    assert [(a.date, a.until, a.controller, a.places, a.confidence, a.opacity, a.area_km2, a.geometry.wkb)
            for a in one.areas] == [(a.date, a.until, a.controller, a.places, a.confidence, a.opacity, a.area_km2,
                                     a.geometry.wkb) for a in two.areas]
    assert [(f.date, f.sides, f.length_km, f.geometry.wkb) for f in one.fronts] == [
        (f.date, f.sides, f.length_km, f.geometry.wkb) for f in two.fronts]

"""The development set built as a user would build it: the derived states and the estimated
areas on the days the offensive changed hands (skipped where ../shared/devset is absent)."""

import json
import os
from pathlib import Path

import pytest
import shapely
from helpers import ROOT
from shapely.geometry import Point, shape

import build_map

DEVSET = Path(os.environ.get("DEVSET", ROOT.parent / "shared" / "devset"))


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    if not (DEVSET / "reports").is_dir():
        pytest.skip(f"no development set at {DEVSET}")
    o = tmp_path_factory.mktemp("devset") / "maps"
    assert build_map.main(["--reports", str(DEVSET / "reports"), "--out-dir", str(o), "--cdn"]) == 0
    return o


def features(out, name):
    return json.loads((out / name).read_text(encoding="utf-8"))["features"]


def state_on(out, pid, day):
    rows = [f["properties"] for f in features(out, "control.geojson") if f["properties"]["place_id"] == pid]
    rows = [r for r in rows if r["date"] <= day]
    return rows[-1] if rows else None


@pytest.mark.parametrize("pid, day, controller", [
    ("hama", "2024-12-03", "government"),
    ("hama", "2024-12-08", "opposition"),
    ("aleppo", "2024-11-30", "opposition"),
    ("homs", "2024-12-08", "opposition"),
])
def test_state_on_the_days_the_offensive_changed_hands(out, pid, day, controller):
    st = state_on(out, pid, day)
    assert st["state"] == "held" and st["controller"] == controller, st


@pytest.mark.parametrize("pid, day", [("aleppo", "2024-11-30"), ("hama", "2024-12-05"), ("homs", "2024-12-08")])
def test_the_area_holding_a_city_is_its_controllers(out, pid, day):
    place = next(f for f in features(out, "places.geojson") if f["properties"]["id"] == pid)
    point = Point(place["geometry"]["coordinates"])
    holding = [f["properties"] for f in features(out, "areas.geojson")
               if f["properties"]["date"] <= day <= f["properties"]["until"] and shape(f["geometry"]).covers(point)]
    assert len(holding) == 1, holding
    assert holding[0]["controller"] == state_on(out, pid, day)["controller"]
    assert pid in holding[0]["places"]


def test_every_area_lies_inside_syria(out):
    from geo.offline import countries_geojson

    syria = next(shape(f["geometry"]) for f in countries_geojson(ROOT / "node_modules", simplify_deg=0.01)["features"]
                 if f["properties"]["name"] == "Syria")
    areas = features(out, "areas.geojson")
    assert areas
    for f in areas:
        g = shape(f["geometry"])
        assert syria.buffer(1e-4).contains(g), (f["properties"]["controller"], f["properties"]["date"],
                                               shapely.area(shapely.difference(g, syria)))


def test_fronts_separate_two_controllers(out):
    fronts = features(out, "fronts.geojson")
    assert fronts and all(len(f["properties"]["sides"]) == 2 and f["properties"]["length_km"] > 0 for f in fronts)
    assert all(f["geometry"]["type"] in ("LineString", "MultiLineString") for f in fronts)

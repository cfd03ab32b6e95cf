"""--fill-gazetteer with a fake geocoder that implements geopy's interface: no network."""

import csv

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from helpers import ROOT

import build_map
from geo.gazetteer import load


class FakeGeocoder(Geocoder):
    def __init__(self, places):
        super().__init__(user_agent="test")
        self.places, self.calls = places, []

    def geocode(self, query, exactly_one=True, **kwargs):
        self.calls.append(query)
        hit = self.places.get(query)
        if hit is None:
            return None
        loc = Location(f"{query}, Syria", hit, {"osm_type": "node", "osm_id": 42})
        return loc if exactly_one else [loc]


def setup(tmp_path):
    rows = [r for r in csv.DictReader((ROOT / "gazetteer.csv").open(encoding="utf-8")) if r["id"] != "hama"]
    gaz = tmp_path / "g.csv"
    with gaz.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return gaz


def test_fill_appends_unresolved_names_and_caches(tmp_path, capsys):
    gaz = setup(tmp_path)
    fake = FakeGeocoder({"Hama": (35.1318, 36.7578)})
    args = build_map.parse_args(["--gazetteer", str(gaz), "--fill-gazetteer", "nominatim",
                                 "--fill-cache", str(tmp_path / "cache.json")])
    cfg = build_map.Config(reports=ROOT / "seeds", gazetteer=gaz, out_dir=tmp_path / "o")
    assert build_map.fill_gazetteer(args, cfg, geocoder=fake) == 0
    assert fake.calls == ["Hama"]
    entry = load(gaz).lookup("Hama")
    assert (entry.lat, entry.lon, entry.kind) == (35.1318, 36.7578, "unreviewed")
    assert entry.source.startswith("nominatim:") and entry.source.endswith(":node/42")
    assert "appended hama: Hama" in capsys.readouterr().out
    # a second run finds nothing missing and asks the geocoder nothing
    assert build_map.fill_gazetteer(args, cfg, geocoder=fake) == 0
    assert fake.calls == ["Hama"]
    # the filled gazetteer builds and draws Hama
    assert build_map.main(["--gazetteer", str(gaz), "--out-dir", str(tmp_path / "o"), "--cdn"]) == 0


def test_cache_answers_without_the_geocoder(tmp_path):
    gaz = setup(tmp_path)
    cache = tmp_path / "cache.json"
    cache.write_text('{"nominatim|hama": [35.13, 36.75, "Hama, Syria", "node/7"]}', encoding="utf-8")
    fake = FakeGeocoder({})
    args = build_map.parse_args(["--gazetteer", str(gaz), "--fill-gazetteer", "nominatim", "--fill-cache", str(cache)])
    cfg = build_map.Config(reports=ROOT / "seeds", gazetteer=gaz, out_dir=tmp_path / "o")
    assert build_map.fill_gazetteer(args, cfg, geocoder=fake) == 0
    assert fake.calls == [] and load(gaz).lookup("Hama").lat == 35.13


def test_fill_needs_a_user_agent(tmp_path, capsys):
    assert build_map.main(["--fill-gazetteer", "nominatim"]) == 2
    assert "--user-agent" in capsys.readouterr().err


def test_default_build_never_uses_the_network(tmp_path, monkeypatch):
    import socket

    def refuse(*a, **k):
        raise AssertionError("network used during a default build")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert build_map.main(["--out-dir", str(tmp_path / "o")]) == 0

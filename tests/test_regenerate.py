"""Regenerating after editing the gazetteer: validation, gaps, changes, strictness."""

import csv
import io
import json
from pathlib import Path

import pytest
from helpers import HEADER, ROOT

import build_map
from geo.errors import GazetteerError
from geo.gazetteer import load

GAZ = (ROOT / "gazetteer.csv").read_text(encoding="utf-8")


def rows():
    return list(csv.DictReader(io.StringIO(GAZ)))


def write_rows(path: Path, rs) -> Path:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rs[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rs)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def build(tmp_path, gaz, *extra):
    out = tmp_path / "maps"
    code = build_map.main(["--gazetteer", str(gaz), "--out-dir", str(out), "--cdn", *extra])
    return code, out


def feature(out, pid):
    fc = json.loads((out / "places.geojson").read_text(encoding="utf-8"))
    return next((f for f in fc["features"] if f["properties"]["id"] == pid), None)


def test_moving_aleppo_moves_it_everywhere(tmp_path, capsys):
    code, out = build(tmp_path, ROOT / "gazetteer.csv")
    assert code == 0
    rs = rows()
    for r in rs:
        if r["id"] == "aleppo":
            r["lat"], r["lon"] = "36.3", "37.3"
    code, out = build(tmp_path, write_rows(tmp_path / "g.csv", rs))
    assert code == 0
    assert feature(out, "aleppo")["geometry"]["coordinates"] == [37.3, 36.3]
    claims = json.loads((out / "claims.geojson").read_text(encoding="utf-8"))["features"]
    assert {tuple(f["geometry"]["coordinates"]) for f in claims if f["properties"]["place_id"] == "aleppo"} == {(37.3, 36.3)}
    assert "37.3" in (out / "situation_map.html").read_text(encoding="utf-8")
    assert "moved Aleppo (" in capsys.readouterr().out


def test_removing_hama_lists_it_as_unresolved(tmp_path, capsys):
    build(tmp_path, ROOT / "gazetteer.csv")
    rs = [r for r in rows() if r["id"] != "hama" and r["parent"] != "hama"]
    code, out = build(tmp_path, write_rows(tmp_path / "g.csv", rs))
    assert code == 0
    unresolved = list(csv.DictReader((out / "unresolved.csv").open(encoding="utf-8")))
    assert [u["name"] for u in unresolved] == ["Hama"]
    assert "northwestern city of Hama" in unresolved[0]["example_sentence"]
    printed = capsys.readouterr().out
    assert "not in the gazetteer: Hama (1)" in printed and "dropped Hama" in printed
    assert build(tmp_path, write_rows(tmp_path / "g.csv", rs), "--strict")[0] == 3


def test_adding_an_alias_resolves_that_spelling(tmp_path):
    reports = tmp_path / "r"
    reports.mkdir()
    (reports / "a.txt").write_text("Russian jets flew from the Khmeimim base near Jableh.", encoding="utf-8")
    rs = rows()
    for r in rs:
        if r["id"] == "hmeimim_airbase":
            r["aliases"] = "|".join(a for a in r["aliases"].split("|") if not a.lower().startswith("khmeimim"))
    gaz = write_rows(tmp_path / "g.csv", rs)
    out = tmp_path / "o"
    assert build_map.main(["--reports", str(reports), "--gazetteer", str(gaz), "--out-dir", str(out), "--cdn"]) == 0
    assert feature(out, "hmeimim_airbase") is None
    for r in rs:
        if r["id"] == "hmeimim_airbase":
            r["aliases"] += "|Khmeimim"
    write_rows(gaz, rs)
    assert build_map.main(["--reports", str(reports), "--gazetteer", str(gaz), "--out-dir", str(out), "--cdn"]) == 0
    assert feature(out, "hmeimim_airbase")["properties"]["mentions"][0]["surface"] == "Khmeimim"


BAD = [
    ("missing-column", "id,name,kind,lat,lon\nx,X,city,1,2\n",
     r"line 1: missing required column\(s\) aliases"),
    ("non-numeric", HEADER + "x,X,,city,abc,37,SY,,,,manual\n",
     r"line 2: lat 'abc' is not a number"),
    ("out-of-range", HEADER + "x,X,,city,36,237,SY,,,,manual\n", r"line 2: lon '237' is outside -180\.\.180"),
    ("duplicate-id", HEADER + "x,X,,city,36,37,SY,,,,manual\nx,Y,,city,35,36,SY,,,,manual\n",
     r"line 3: id 'x' is a duplicate of line 2"),
    ("alias-clash", HEADER + "x,X,Zed,city,36,37,SY,,,,manual\ny,Y,zed,city,35,36,SY,,,,manual\n",
     r"line 3: aliases 'zed' of 'y' is already a name of 'x' \(line 2\)"),
    ("punctuation-clash", HEADER + "x,Sana'a,,city,15,44,YE,,,,manual\ny,Y,Sana a,city,35,36,SY,,,,manual\n",
     r"line 3: aliases 'Sana a' of 'y' is already a name of 'x' \(line 2\)"),
    ("bad-wkt", HEADER + "x,X,,road,36,37,SY,,LINESTRING (37 36,,,manual\n",
     r"line 2: (geometry|\d+ fields)"),
    ("bad-wkt-quoted", HEADER + 'x,X,,road,36,37,SY,,"LINESTRING (37 36, oops)",,manual\n',
     r"line 2: geometry 'LINESTRING \(37 36, oops\)' is not WKT"),
    ("unknown-parent", HEADER + "x,X,,city,36,37,SY,nowhere,,,manual\n",
     r"line 2: parent 'nowhere' names no entry"),
    ("empty", "", r"empty file"),
    ("header-only", HEADER, r"no entries after the header"),
    ("semicolons", HEADER.replace(",", ";") + "x;X;;city;36;37;SY;;;;manual\n",
     r"the header looks ';'-separated, expected commas"),
]


@pytest.mark.parametrize("name, text, message", BAD, ids=[b[0] for b in BAD])
def test_bad_gazetteer_fails_cleanly_and_keeps_old_map(tmp_path, capsys, name, text, message):
    code, out = build(tmp_path, ROOT / "gazetteer.csv")
    assert code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    capsys.readouterr()
    bad = tmp_path / f"{name}.csv"
    bad.write_text(text, encoding="utf-8")
    code, _ = build(tmp_path, bad)
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    import re
    assert re.search(message, err), err
    assert f"{name}.csv" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_non_utf8_gazetteer(tmp_path):
    bad = tmp_path / "latin.csv"
    bad.write_bytes((HEADER + "x,Caf\xe9,,city,36,37,SY,,,,manual\n").encode("latin-1"))
    with pytest.raises(GazetteerError, match=r"latin\.csv line 2: invalid UTF-8 byte 0xe9"):
        load(bad)


def test_swapped_coordinates_warned(tmp_path):
    rs = rows()
    for r in rs:
        if r["id"] == "saraqib":
            r["lat"], r["lon"] = r["lon"], r["lat"]
    gaz = load(write_rows(tmp_path / "g.csv", rs))
    assert any("'saraqib'" in w and "swapped" in w for w in gaz.warnings)


def test_geonames_extract_as_gazetteer(tmp_path, capsys):
    """`--gazetteer cities15000.txt` (the GeoNames extract in the geotext wheel): the cities
    resolve, the airbases it lacks are listed as unresolved."""
    geotext = pytest.importorskip("geotext")
    dump = Path(geotext.__file__).parent / "data" / "cities15000.txt"
    out = tmp_path / "maps"
    assert build_map.main(["--gazetteer", str(dump), "--out-dir", str(out), "--cdn"]) == 0
    fc = json.loads((out / "places.geojson").read_text(encoding="utf-8"))
    names = {f["properties"]["name"]: f for f in fc["features"]}
    for name, (lat, lon) in {"Aleppo": (36.20, 37.16), "Idlib": (35.93, 36.63), "Damascus": (33.51, 36.29),
                             "Ḩamāh": (35.13, 36.76), "Tartouss": (34.89, 35.89)}.items():
        f = names[name]
        assert f["properties"]["country"] == "SY"
        x, y = f["geometry"]["coordinates"]
        assert abs(y - lat) < 0.05 and abs(x - lon) < 0.05, name
    unresolved = {u["name"] for u in csv.DictReader((out / "unresolved.csv").open(encoding="utf-8"))}
    assert {"Abu al-Duhur", "Hmeimim"} <= unresolved


def test_claims_slider_only_when_claims_span_days(tmp_path):
    reports = tmp_path / "r"
    reports.mkdir()
    (reports / "a.txt").write_text(" date 2024-11-29\nRebels captured Saraqib, the rebels said.", encoding="utf-8")
    (reports / "b.txt").write_text(" date 2024-12-01\nThe army said it retook Saraqib.", encoding="utf-8")
    out = tmp_path / "o"
    assert build_map.main(["--reports", str(reports), "--out-dir", str(out), "--cdn"]) == 0
    html = (out / "situation_map.html").read_text(encoding="utf-8")
    # a slider over the calendar days, the day without a report included
    assert 'id="sm-claim-date"' in html and '"days":["2024-11-29","2024-11-30","2024-12-01"]' in html
    (reports / "b.txt").unlink()
    assert build_map.main(["--reports", str(reports), "--out-dir", str(out), "--cdn"]) == 0
    assert 'id="sm-claim-date"' not in (out / "situation_map.html").read_text(encoding="utf-8")


def test_changes_are_read_from_a_previous_build_in_any_json_layout(tmp_path, capsys):
    """The previous build is read feature by feature; a file reformatted by hand (one JSON
    value over many lines) is read whole and gives the same comparison."""
    rs = rows()
    for r in rs:
        if r["id"] == "aleppo":
            r["lat"], r["lon"] = "36.3", "37.3"
    moved = write_rows(tmp_path / "g.csv", rs)
    said = []
    for reformat in (False, True):
        folder = tmp_path / str(reformat)
        folder.mkdir()
        code, out = build(folder, ROOT / "gazetteer.csv")
        assert code == 0
        if reformat:
            for name in ("places.geojson", "claims.geojson"):
                data = json.loads((out / name).read_text(encoding="utf-8"))
                (out / name).write_text(json.dumps(data, indent=2), encoding="utf-8")
        capsys.readouterr()
        code, out = build(folder, moved)
        assert code == 0
        said.append(capsys.readouterr().out.splitlines()[-1].split("since the last build: ")[1])
    assert "moved Aleppo (" in said[0]
    assert said[1] == said[0]


def test_the_previous_build_is_compared_through_its_kept_digest(tmp_path, capsys, monkeypatch):
    """A build keeps a digest of what it drew beside its outputs (in the cache folder); the next
    build compares with it instead of reading the previous GeoJSON, and says the same as when
    it reads them (no digest, or a digest for other outputs than those now there)."""
    from geo import cache, changes, pipeline
    rs = rows()
    for r in rs:
        if r["id"] == "aleppo":
            r["lat"], r["lon"] = "36.3", "37.3"
    moved = write_rows(tmp_path / "g.csv", rs)
    said = {}
    for how in ("digest", "no digest", "stale digest"):
        folder = tmp_path / how.replace(" ", "_")
        folder.mkdir()
        code, out = build(folder, ROOT / "gazetteer.csv")
        kept = cache.folder_for(out) / pipeline.DIGEST_NAME
        assert code == 0 and kept.is_file()
        if how == "no digest":
            kept.unlink()
        elif how == "stale digest":   # outputs replaced by hand after the build
            (out / "claims.geojson").write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
        capsys.readouterr()
        with monkeypatch.context() as m:
            if how == "digest":
                m.setattr(changes, "_load", lambda *a: pytest.fail("the previous outputs were read"))
            code, out = build(folder, moved)
        assert code == 0
        said[how] = capsys.readouterr().out.splitlines()[-1].split("since the last build: ")[1]
    assert "moved Aleppo (" in said["digest"]
    assert said["no digest"] == said["digest"]
    assert "claims +" in said["stale digest"] and said["stale digest"] != said["digest"]


@pytest.mark.parametrize("damage", ["lat", "nested", "types"])
def test_a_damaged_digest_is_read_as_missing(tmp_path, capsys, damage):
    """A kept digest edited by hand (a latitude that is no number, JSON nested past the recursion
    limit, values of other types) never fails a build: the previous outputs are read instead."""
    from geo import cache, pipeline
    code, out = build(tmp_path, ROOT / "gazetteer.csv")
    kept = cache.folder_for(out) / pipeline.DIGEST_NAME
    data = json.loads(kept.read_text(encoding="utf-8"))
    if damage == "lat":
        next(iter(data["places"].values()))[1] = "n/a"
        kept.write_text(json.dumps(data), encoding="utf-8")
    elif damage == "nested":
        kept.write_text("[" * 200_000, encoding="utf-8")
    else:
        data["claims"], data["states"] = "abcd", {"p1": "xy"}
        kept.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    code, out = build(tmp_path, ROOT / "gazetteer.csv")
    assert code == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("since the last build: no change.")


@pytest.mark.parametrize("values", [["r1", "aleppo", "opposition", "captured", "outlet"], [],
                                    ["quote \" back\\slash", "tab\tnew\nline \x00 \x1f", "\u00e9t\u00e9 \u202e \ud800",
                                     "\u2028\u2029 \U0001f600", ""],
                                    ["r1", None, "x"], ["r1", 3, 1.5, True]])
def test_a_claims_key_is_hashed_from_the_same_json_as_before(values):
    from geo import changes
    assert changes.key_json(values) == json.dumps(values, ensure_ascii=False)

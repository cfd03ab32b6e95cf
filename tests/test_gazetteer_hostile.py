"""Hostile or careless gazetteers (issue 13, items 7, 8, 11): every bad value ends with the row
refused and one line naming file, line and value (build exit 1), or with the value ignored or
cleaned and a one-line warning; never a traceback, never silent acceptance."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import HEADER, ROOT

import build_map
from geo import fill as fill_mod
from geo import gazetteer
from geo.errors import GazetteerError, GeocodingError, GeoError
from geo.gazetteer import geonames
from geo.gazetteer.geonames import convert

ALEPPO = "aleppo,Aleppo,Halab,city,36.2021,37.1343,SY,,,5,manual"
SQUARE = "((37 36, 37.5 36, 37.5 36.5, 37 36.5, 37 36))"


def gaz_csv(tmp_path: Path, *rows: str, name: str = "g.csv") -> Path:
    p = tmp_path / name
    p.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return p


def geo_row(gid, name, alts="", *, lat="36.2", lon="37.1", pop="0", fcode="PPL") -> str:
    cols = [str(gid), name, name, alts, str(lat), str(lon), "P", fcode, "SY", "", "01", "", "", "",
            str(pop), "", "100", "Asia/Damascus", "2020-01-01"]
    return "\t".join(cols)


def geo_dump(tmp_path: Path, *rows: str, name: str = "dump.txt") -> Path:
    p = tmp_path / name
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return p


def problems_of(path: Path) -> list[str]:
    with pytest.raises(GazetteerError) as ei:
        gazetteer.load(path)
    assert all("\n" not in p for p in ei.value.problems)
    return ei.value.problems


def build(tmp_path: Path, gaz: Path, text: str = "Rebels entered Aleppo on Monday.\n", *extra) -> int:
    reports = tmp_path / "r"
    reports.mkdir(exist_ok=True)
    (reports / "a.txt").write_text(text, encoding="utf-8")
    return build_map.main(["--reports", str(reports), "--gazetteer", str(gaz),
                           "--out-dir", str(tmp_path / "o"), "--cdn", *map(str, extra)])


def error_lines(capsys) -> list[str]:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return [ln for ln in err.splitlines() if ln.startswith("error:") and "nothing was written" not in ln]


def warning_lines(capsys) -> list[str]:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return [ln for ln in err.splitlines() if ln.startswith("warning:")]


def feature(out: Path, pid: str, layer: str = "places.geojson"):
    fc = json.loads((out / layer).read_text(encoding="utf-8"))
    return next((f for f in fc["features"] if f["properties"]["id"] == pid), None)


# 1. geometry ---------------------------------------------------------------------------------

@pytest.mark.parametrize("wkt, message", [
    ("GEOMETRYCOLLECTION (POINT (37 36))", "is a GeometryCollection; expected POINT, LINESTRING"),
    ("MULTIPOINT ((37 36), (38 36))", "is a MultiPoint; expected POINT"),
    ("POLYGON EMPTY", "is empty or has an empty part"),
    ("GEOMETRYCOLLECTION EMPTY", "is a GeometryCollection"),
    (f"MULTIPOLYGON (EMPTY, {SQUARE})", "is empty or has an empty part"),
    ("LINESTRING (37 nan, 38 36)", "has a coordinate that is not a finite number"),
    ("LINESTRING (37 inf, 38 36)", "has a coordinate that is not a finite number"),
    ("LINESTRING (37 1e400, 38 36)", "has a coordinate that is not a finite number"),
    ("LINESTRING (37 36, 380 36)", "has coordinates outside WGS84"),
    ("POLYGON ((37 36, 37.5 95, 38 36, 37 36))", "has coordinates outside WGS84"),
    ("POLYGON ((37 36, 38 37, 38 36, 37 37, 37 36))", "is not a valid shape (Self-intersection"),
    ("LINESTRING (37 36, oops)", "is not WKT"),
])
def test_bad_geometry_is_refused_with_one_line(tmp_path, wkt, message):
    p = gaz_csv(tmp_path, ALEPPO, f'zone,Zoneland,,area,36.2,37.2,SY,,"{wkt}",20,manual')
    probs = problems_of(p)
    assert len(probs) == 1
    assert probs[0].startswith(f"{p} line 3: geometry {wkt[:60]!r} ") and message in probs[0]


def test_geometry_collection_fails_the_build_without_traceback(tmp_path, capsys):
    p = gaz_csv(tmp_path, ALEPPO, 'zone,Zoneland,,area,36.2,37.2,SY,,"GEOMETRYCOLLECTION (POINT (37 36))",20,manual')
    assert build(tmp_path, p, "Rebels entered Aleppo and Zoneland.\n") == 1
    errors = error_lines(capsys)
    assert len(errors) == 1 and "g.csv line 3: geometry 'GEOMETRYCOLLECTION" in errors[0]


@pytest.mark.parametrize("wkt, dims", [
    ("POLYGON M ((37 36 1, 37.5 36 1, 37.5 36.5 1, 37 36.5 1, 37 36 1))", "M"),
    ("POLYGON Z ((37 36 1, 37.5 36 1, 37.5 36.5 1, 37 36.5 1, 37 36 1))", "Z"),
    ("POLYGON ZM ((37 36 1 2, 37.5 36 1 2, 37.5 36.5 1 2, 37 36.5 1 2, 37 36 1 2))", "Z and M"),
])
def test_z_and_m_values_are_dropped_with_a_warning(tmp_path, capsys, wkt, dims):
    p = gaz_csv(tmp_path, ALEPPO, f'zone,Zoneland,,area,36.2,37.2,SY,,"{wkt}",20,manual')
    gaz = gazetteer.load(p)
    assert gaz.entries["zone"].geometry == "POLYGON ((37 36, 37.5 36, 37.5 36.5, 37 36.5, 37 36))"
    assert [w for w in gaz.warnings if "line 3" in w] == [
        f"{p} line 3: geometry {wkt[:60]!r} has {dims} values; dropped (the map is 2D, lon lat)"]
    # the build draws it with 2D coordinates only (no null third value in the GeoJSON)
    assert build(tmp_path, p, "Fighting spread across Zoneland on Monday.\n") == 0
    f = feature(tmp_path / "o", "zone")
    assert f is not None and all(len(pt) == 2 and None not in pt for pt in f["geometry"]["coordinates"][0])
    assert any(f"has {dims} values; dropped" in w for w in warning_lines(capsys))


def test_wkt_longer_than_the_csv_default_limit_loads(tmp_path):
    n = 9000      # about 200,000 characters: over Python's csv default of 131,072
    line = ", ".join(f"{37 + i / n:.7f} {36 + (i % 2) / 1000:.7f}" for i in range(n))
    assert len(line) > 131_072
    p = gaz_csv(tmp_path, ALEPPO, f'road,Long Road,,road,36.2,37.2,SY,,"LINESTRING ({line})",5,manual')
    assert gazetteer.load(p).entries["road"].geometry.startswith("LINESTRING (37.0000000 36")
    import csv
    assert csv.field_size_limit() == 131_072    # restored after reading


def test_field_over_the_limit_is_one_line(tmp_path, capsys):
    big = "LINESTRING (" + ", ".join(["37 36, 38 36"] * (gazetteer.MAX_FIELD_CHARS // 12 + 10)) + ")"
    assert len(big) > gazetteer.MAX_FIELD_CHARS
    p = gaz_csv(tmp_path, ALEPPO, f'road,Long Road,,road,36.2,37.2,SY,,"{big}",5,manual')
    probs = problems_of(p)
    assert probs == [f"{p} line 3: a field is longer than 10,485,760 characters (the limit for one value, "
                     "e.g. a geometry's WKT: simplify the shape); reading stopped here"]
    assert build(tmp_path, p) == 1
    assert len(error_lines(capsys)) == 1


# 2. precision_km -----------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["1e300", "nan", "inf", "-inf", "-1", "5000.5", "lots"])
def test_bad_precision_is_refused(tmp_path, value):
    p = gaz_csv(tmp_path, f"aleppo,Aleppo,,city,36.2,37.1,SY,,,{value},manual")
    assert problems_of(p) == [
        f"{p} line 2: precision_km {value!r} is not a number of km from 0 to 5000; expected e.g. 5 for a town"]


@pytest.mark.parametrize("value", ["0", "0.5", "5000"])
def test_precision_bounds_accepted(tmp_path, value):
    p = gaz_csv(tmp_path, f"aleppo,Aleppo,,city,36.2,37.1,SY,,,{value},manual")
    assert gazetteer.load(p).entries["aleppo"].precision_km == float(value)


def test_huge_precision_fails_the_build(tmp_path, capsys):
    p = gaz_csv(tmp_path, "aleppo,Aleppo,,city,36.2,37.1,SY,,,1e300,manual")
    assert build(tmp_path, p) == 1
    assert error_lines(capsys) == [f"error: {p} line 2: precision_km '1e300' is not a number of km from 0 "
                                   "to 5000; expected e.g. 5 for a town"]


# 3. noise aliases and names ------------------------------------------------------------------

def test_noise_aliases_are_ignored_with_a_warning(tmp_path):
    p = gaz_csv(tmp_path, "aleppo,Aleppo,The|A|said|2024|x|7|The.|A.|Halab|M5,city,36.2,37.1,SY,,,5,manual")
    gaz = gazetteer.load(p)
    assert gaz.entries["aleppo"].aliases == ("Halab", "M5")
    assert set(gaz.index) == {"aleppo", "halab", "m5"}
    common = "is a common word (listed in geo/data/geonames_stopwords.txt); ignored"
    short = "has fewer than 2 characters besides punctuation; ignored"
    assert gaz.warnings == [
        f"{p} line 2: alias 'The' of 'aleppo' {common}",
        f"{p} line 2: alias 'A' of 'aleppo' {short}",
        f"{p} line 2: alias 'said' of 'aleppo' {common}",
        f"{p} line 2: alias '2024' of 'aleppo' has no letter; ignored",
        f"{p} line 2: alias 'x' of 'aleppo' {short}",
        f"{p} line 2: alias '7' of 'aleppo' {short}",
        f"{p} line 2: alias 'The.' of 'aleppo' {common}",
        f"{p} line 2: alias 'A.' of 'aleppo' {short}",
    ]


def test_noise_name_is_kept_but_not_indexed(tmp_path):
    p = gaz_csv(tmp_path, "said,Said,Said Town,town,36.2,37.1,SY,,,5,manual")
    gaz = gazetteer.load(p)
    assert gaz.entries["said"].name == "Said" and gaz.lookup("Said") is None
    assert gaz.lookup("Said Town").id == "said"
    assert gaz.warnings == [f"{p} line 2: name 'Said' of 'said' is a common word (listed in "
                            "geo/data/geonames_stopwords.txt); not indexed (the row is found only by its aliases)"]


def test_noise_alias_gives_no_mentions(tmp_path, capsys):
    p = gaz_csv(tmp_path, "aleppo,Aleppo,The|said|2024,city,36.2,37.1,SY,,,5,manual")
    text = "The army said on Monday that in 2024 the rebels entered Aleppo. The town was quiet, they said.\n"
    assert build(tmp_path, p, text) == 0
    f = feature(tmp_path / "o", "aleppo")
    assert [m["surface"] for m in f["properties"]["mentions"]] == ["Aleppo"]
    assert len([w for w in warning_lines(capsys) if "; ignored" in w]) == 3


def test_one_noise_rule_for_both_formats(tmp_path):
    """The rule geonames applies to alternate names is the one the CSV loader applies
    (judged on the word key: "The." is "the")."""
    stop = geonames.load_stopwords()
    for key, min_chars in (("the.", 3), ("the.", 2), ("a.", 2), ("2024", 2), ("said", 2)):
        assert geonames.noise(key, stop, min_chars), key
    for key in ("aleppo", "ash sham", "u.s."):
        assert not geonames.noise(key, stop), key
    gaz = gazetteer.load(geo_dump(tmp_path, geo_row(1, "Aleppo", "The.,Said.,Halab")))
    assert gaz.entries["geonames:1"].aliases == ("Halab",)


# 4. invisible and control characters ---------------------------------------------------------

def test_invisible_characters_are_removed_with_a_warning(tmp_path):
    p = gaz_csv(tmp_path, 'hama,Ha\u200bma,"Ha\u200dmah|\ufeffHamat\u2060h|Ham\u202eath|Hom\x00a|Ha\u00adma",'
                          'city,35.13,36.75,SY,,,5,manual')
    gaz = gazetteer.load(p)
    e = gaz.entries["hama"]
    assert e.name == "Hama" and e.aliases == ("Hamah", "Hamath", "Hamath", "Homa", "Hama")
    for spelling in ("Hama", "Hamah", "Hamath", "Homa", "Ha\u200bma"):
        assert gaz.lookup(spelling).id == "hama", spelling
    assert len(gaz.warnings) == 6 and all("\n" not in w for w in gaz.warnings)
    assert gaz.warnings[0] == (f"{p} line 2: name 'Ha\\u200bma' holds invisible or control character(s) "
                               "U+200B; removed (read as 'Hama')")
    assert "U+FEFF, U+2060" in gaz.warnings[2] and "U+202E" in gaz.warnings[3] and "U+0000" in gaz.warnings[4]


def test_zero_width_name_matches_report_text(tmp_path, capsys):
    p = gaz_csv(tmp_path, "hama,Ha\u200bma,,city,35.13,36.75,SY,,,5,manual")
    assert build(tmp_path, p, "Rebels entered Hama on Monday.\n") == 0
    assert feature(tmp_path / "o", "hama") is not None
    assert any("U+200B; removed" in w for w in warning_lines(capsys))


def test_invisible_characters_in_a_geonames_dump(tmp_path):
    gaz = gazetteer.load(geo_dump(tmp_path, geo_row(1, "Ha\u200bma", "Ha\u200fmah,Ham\u2060ath")))
    assert gaz.entries["geonames:1"].name == "Hama"
    for spelling in ("Hama", "Hamah", "Hamath"):
        assert gaz.lookup(spelling).id == "geonames:1", spelling


# 5. no cascade from a refused parent ---------------------------------------------------------

def test_refused_parent_is_one_line(tmp_path):
    rows = ["gov,Govland,,governorate,36.2,37.1,SY,,,1e300,manual"]
    rows += [f"t{i:02d},Town{chr(97 + i)}x,,town,36.2,37.1,SY,gov,,5,manual" for i in range(17)]
    rows += ["lost,Lostville,,town,36.2,37.1,SY,nowhere,,5,manual"]
    p = gaz_csv(tmp_path, *rows)
    assert problems_of(p) == [
        f"{p} line 2: precision_km '1e300' is not a number of km from 0 to 5000; expected e.g. 5 for a town",
        f"{p} line 20: parent 'nowhere' names no entry; expected an id from this file or empty",
        f"{p} line 3: parent 'gov' is the row refused at line 2, and 16 more row(s) whose parent is that row",
    ]


def test_parent_refused_for_its_field_count(tmp_path):
    p = gaz_csv(tmp_path, "gov,Gov,land,,governorate,36.2,37.1,SY,,,50,manual",
                "t1,Townone,,town,36.2,37.1,SY,gov,,5,manual")
    probs = problems_of(p)
    assert len(probs) == 2 and "12 fields, expected 11" in probs[0]
    assert probs[1] == f"{p} line 3: parent 'gov' is the row refused at line 2"


# 6. GeoNames values --------------------------------------------------------------------------

def test_geonames_bad_values_one_line_each(tmp_path, capsys):
    p = geo_dump(
        tmp_path,
        geo_row(1, "Aleppo"),
        geo_row("²", "Superscript"),
        geo_row("1" * 40, "Huge"),
        geo_row(4, "Pop", pop="²"),
        "5\tShort\tShort\t\t36\t37",
        geo_row(6, "BadLat", lat="north"),
        geo_row(7, "BadLon", lon="1e999"),
        geo_row(8, "Good"),
    )
    assert problems_of(p) == [
        f"{p} line 2: geonameid '²' is not a whole number; expected the GeoNames id like 170654",
        f"{p} line 3: geonameid '{'1' * 40}' is not a whole number; expected the GeoNames id like 170654",
        f"{p} line 4: population '²' is not a whole number",
        f"{p} line 5: row '5\\tShort\\tShort\\t\\t36\\t37' has 6 tab-separated fields, expected 19 GeoNames columns",
        f"{p} line 6: latitude 'north' is not a number; expected decimal degrees like 36.20124",
        f"{p} line 7: longitude '1e999' is outside -180..180",
    ]
    assert build(tmp_path, p) == 1
    assert len(error_lines(capsys)) == 6


# 7. --fill-gazetteer -------------------------------------------------------------------------

class _Geocoder:
    """geopy's interface; records calls, or fails like a machine without a network."""

    def __init__(self, fail=False):
        self.calls, self.fail = [], fail

    def geocode(self, query, exactly_one=True, **kwargs):
        from geopy.exc import GeocoderUnavailable

        self.calls.append(query)
        if self.fail:
            try:
                raise OSError("[Errno -2] Name or service not known")
            except OSError:
                logging.getLogger("urllib3.connectionpool").warning("Retrying ... connection broken", exc_info=True)
            raise GeocoderUnavailable("HTTPSConnectionPool(host='x'): Max retries exceeded\n(Caused by ...)")
        return None


def _fill_args(tmp_path, gaz):
    args = build_map.parse_args(["--gazetteer", str(gaz), "--fill-gazetteer", "nominatim", "--user-agent", "t",
                                 "--fill-cache", str(tmp_path / "cache.json")])
    reports = tmp_path / "r"
    reports.mkdir(exist_ok=True)
    (reports / "a.txt").write_text("Rebels entered the town of Qarqur on Monday.\n", encoding="utf-8")
    cfg = build_map.Config(reports=reports, gazetteer=gaz, out_dir=tmp_path / "o")
    return args, cfg


def test_fill_refuses_a_geonames_dump(tmp_path, capsys, monkeypatch):
    import socket

    def refuse(*a, **k):
        raise AssertionError("network used")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    p = geo_dump(tmp_path, geo_row(1, "Aleppo"), geo_row(2, "Idlib"))
    before = p.read_bytes()
    args, cfg = _fill_args(tmp_path, p)
    fake = _Geocoder()
    assert build_map.fill_gazetteer(args, cfg, geocoder=fake) == 1
    assert fake.calls == [] and p.read_bytes() == before
    assert error_lines(capsys) == [
        f"error: {p}: is a GeoNames dump; --fill-gazetteer appends rows only to a gazetteer CSV and would "
        f"corrupt it: convert it first with `python -m geo.gazetteer.geonames {p} gazetteer.csv`, then pass "
        "--gazetteer gazetteer.csv"]
    # the same through the command line, and append_rows on its own
    assert build_map.main(["--reports", str(tmp_path / "r"), "--gazetteer", str(p), "--fill-gazetteer",
                           "nominatim", "--user-agent", "t", "--fill-cache", str(tmp_path / "c.json")]) == 1
    assert len(error_lines(capsys)) == 1
    with pytest.raises(GazetteerError):
        fill_mod.append_rows(p, [fill_mod.Filled("Qarqur", "qarqur", 35.8, 36.3, "", "x")])
    assert p.read_bytes() == before


def test_geonames_dump_converts_to_a_csv_that_fill_accepts(tmp_path, capsys):
    p = geo_dump(tmp_path, geo_row(1, "Ḩamāh", "Hama,Hamath,The"), geo_row(2, "Aleppo", "Halab", pop=2_000_000),
                 geo_row(3, "Aleppo", lat="10", lon="10"), geo_row(4, "Sana'a", "Sana a,Sanaa"))
    out = tmp_path / "converted.csv"
    assert convert.main([str(p), str(out)]) == 0
    assert "3 rows; 1 entries left out" in capsys.readouterr().out
    assert convert.main([str(p), str(out)]) == 1          # never overwrites
    gaz, src = gazetteer.load(out), gazetteer.load(p)
    assert gaz.format == "csv" and src.format == "geonames" and gaz.warnings == []
    assert "geonames:3" not in gaz.entries                   # its own name belongs to geonames:2
    assert src.index == gaz.index
    assert gaz.lookup("Sana a").id == "geonames:4"
    fill_mod.check_writable(out)


def test_fill_without_network_is_one_line(tmp_path, capsys, caplog, monkeypatch):
    monkeypatch.setattr("geopy.extra.rate_limiter.sleep", lambda s: None)
    p = gaz_csv(tmp_path, ALEPPO)
    before = p.read_bytes()
    args, cfg = _fill_args(tmp_path, p)
    fake = _Geocoder(fail=True)
    with caplog.at_level(logging.WARNING):
        assert build_map.fill_gazetteer(args, cfg, geocoder=fake) == 1
    assert fake.calls == ["Qarqur"] * 3                      # the RateLimiter's retries
    assert not [r for r in caplog.records if r.name.startswith(("geopy", "urllib3"))]
    errors = error_lines(capsys)
    assert len(errors) == 1
    assert errors[0].startswith("error: nominatim: looking up 'Qarqur' failed (GeocoderUnavailable")
    assert "check the network connection" in errors[0]
    assert p.read_bytes() == before
    assert logging.getLogger("urllib3").level == logging.NOTSET     # restored


def test_fill_raises_one_geocoding_error(tmp_path, monkeypatch):
    monkeypatch.setattr("geopy.extra.rate_limiter.sleep", lambda s: None)
    gaz = gazetteer.load(gaz_csv(tmp_path, ALEPPO))
    with pytest.raises(GeocodingError) as ei:
        fill_mod.fill(["Qarqur"], gaz, _Geocoder(fail=True), "nominatim", tmp_path / "c.json", "2024-01-01",
                      min_delay_seconds=0)
    assert "\n" not in str(ei.value) and isinstance(ei.value, GeoError)


def test_corrupt_cache_is_looked_up_again(tmp_path):
    cache = tmp_path / "c.json"
    cache.write_text('{"nominatim|qarqur": "junk", "nominatim|x": [1, 2]}', encoding="utf-8")
    gaz = gazetteer.load(gaz_csv(tmp_path, ALEPPO))
    fake = _Geocoder()
    assert fill_mod.fill(["Qarqur"], gaz, fake, "nominatim", cache, "2024-01-01", min_delay_seconds=0) == []
    assert fake.calls == ["Qarqur"]
    cache.write_text("[1, 2, 3]", encoding="utf-8")
    assert fill_mod.fill(["Qarqur"], gaz, fake, "nominatim", cache, "2024-01-01", min_delay_seconds=0) == []


NO_NETWORK = """
import socket, sys, runpy
def down(*a, **k):
    raise socket.gaierror(-2, "Name or service not known")
socket.getaddrinfo = down
import geopy.extra.rate_limiter as rl
rl.sleep = lambda s: None
sys.argv = [{script!r}] + sys.argv[1:]
runpy.run_path({script!r}, run_name="__main__")
"""


def test_fill_without_network_command_line(tmp_path):
    """The real command, the real geocoder and urllib3, name resolution failing: exit 1 and
    one line on stderr (it was 191 lines and 10 tracebacks of library logging)."""
    p = gaz_csv(tmp_path, ALEPPO)
    before = p.read_bytes()
    reports = tmp_path / "r"
    reports.mkdir()
    (reports / "a.txt").write_text("Rebels entered the town of Qarqur on Monday.\n", encoding="utf-8")
    code = NO_NETWORK.format(script=str(ROOT / "build_map.py"))
    r = subprocess.run([sys.executable, "-c", code, "--reports", str(reports), "--gazetteer", str(p),
                        "--fill-gazetteer", "nominatim", "--user-agent", "test",
                        "--fill-cache", str(tmp_path / "c.json")],
                       capture_output=True, text=True, cwd=tmp_path, timeout=300,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 1, r.stderr
    assert len(r.stderr.splitlines()) == 1, r.stderr
    assert r.stderr.startswith("error: nominatim: looking up 'Qarqur' failed (GeocoderUnavailable")
    assert p.read_bytes() == before


# 8. truncation -------------------------------------------------------------------------------

def test_thousands_of_bad_rows_are_capped(tmp_path, capsys):
    rows = [ALEPPO] + [f"x{i},Place{i},,city,north,37,SY,,,5,manual" for i in range(3000)]
    p = gaz_csv(tmp_path, *rows)
    probs = problems_of(p)
    assert len(probs) == gazetteer.MAX_PROBLEMS + 1 and probs[-1] == "... and 2980 more problem(s)"
    assert build(tmp_path, p) == 1
    assert len(error_lines(capsys)) == gazetteer.MAX_PROBLEMS + 1


def test_thousands_of_warnings_are_capped(tmp_path):
    rows = [ALEPPO] + [f"x{i},Place{i:04d}x,The,city,36,37,SY,,,5,manual" for i in range(3000)]
    gaz = gazetteer.load(gaz_csv(tmp_path, *rows))
    assert len(gaz.warnings) == gazetteer.MAX_PROBLEMS + 1
    assert gaz.warnings[-1] == "... and 2980 more warning(s)"


def test_geonames_problems_use_the_same_cap(tmp_path):
    p = geo_dump(tmp_path, geo_row(1, "Aleppo"), *[geo_row(i, "Bad", lon="x") for i in range(2, 1002)])
    probs = problems_of(p)
    assert probs[-1] == "... and 980 more problem(s)" and len(probs) == gazetteer.MAX_PROBLEMS + 1

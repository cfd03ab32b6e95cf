"""GeoNames dumps as a gazetteer: detection, noise filtering, collision rule, bad rows.

Real-data tests use the GeoNames extract shipped in the geotext wheel (cities15000.txt) and are
skipped when geotext is not installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT, cities15000, km

from geo import gazetteer
from geo.errors import GazetteerError
from geo.gazetteer import geonames
from geo.text import name_key

CITIES = cities15000()
needs_cities = pytest.mark.skipif(CITIES is None, reason="geotext (with cities15000.txt) not installed")


def row(gid, name, alts="", *, lat="10.0", lon="20.0", fclass="P", fcode="PPL", cc="SY",
        pop="0", ascii=None) -> str:
    cols = [str(gid), name, name if ascii is None else ascii, alts, str(lat), str(lon), fclass, fcode,
            cc, "", "01", "", "", "", str(pop), "", "100", "Asia/Damascus", "2020-01-01"]
    assert len(cols) == 19
    return "\t".join(cols)


def dump(tmp_path: Path, *rows: str, name="tiny.txt") -> Path:
    p = tmp_path / name
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return p


# Real data -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cities():
    if CITIES is None:
        pytest.skip("geotext (with cities15000.txt) not installed")
    return gazetteer.load(CITIES)


TRUE_POSITIONS = {  # name as reports write it -> (lat, lon)
    "Aleppo": (36.20, 37.16),
    "Damascus": (33.51, 36.29),
    "Hama": (35.13, 36.76),
    "Idlib": (35.93, 36.63),
    "Tartus": (34.89, 35.89),
}


@needs_cities
def test_detects_real_dump():
    text = CITIES.read_text(encoding="utf-8")
    assert geonames.looks_like_geonames(text)


@needs_cities
def test_real_dump_loads(cities):
    assert len(cities.entries) == 23355
    assert all(eid.startswith("geonames:") for eid in cities.entries)
    assert list(cities.entries) == sorted(cities.entries)
    assert len(cities.sha256) == 64
    e = cities.entries["geonames:170063"]
    assert (e.name, e.country, e.kind, e.source) == ("Aleppo", "SY", "city", "geonames:170063")
    assert e.line > 0 and e.precision_km == 5


@needs_cities
@pytest.mark.parametrize("name", sorted(TRUE_POSITIONS))
def test_syrian_cities_resolve(cities, name):
    e = cities.lookup(name)
    assert e is not None, name
    assert e.country == "SY"
    assert km((e.lat, e.lon), TRUE_POSITIONS[name]) < 5


@needs_cities
@pytest.mark.parametrize("spelling, gid", [
    # GeoNames' own name is "Ḩamāh" (ascii "Hamah"); "Hama" is an alternate name
    ("Hama", 170017), ("Hamah", 170017), ("Ḩamāh", 170017), ("HAMAH", 170017),
    # GeoNames spells it "Tartouss"; "Tartus" and "Tartous" are alternate names
    ("Tartus", 163345), ("Tartous", 163345), ("Tartouss", 163345),
    ("Idleb", 169389), ("Deir ez-Zor", 170794), ("Raqqa", 172955), ("Palmyra", 163808),
])
def test_spelling_variants(cities, spelling, gid):
    assert cities.index.get(name_key(spelling)) == f"geonames:{gid}"


@needs_cities
@pytest.mark.parametrize("noise", ["HTS", "part", "Of", "Surprise", "Abbas", "DAM", "the city", "Sam"])
def test_noise_names_are_not_keys(cities, noise):
    assert name_key(noise) not in cities.index
    assert cities.lookup(noise) is None


@needs_cities
def test_dropped_own_names_keep_their_entries(cities):
    surprise = [e for e in cities.entries.values() if e.name == "Surprise"]
    assert surprise and surprise[0].country == "US"


@needs_cities
def test_moscow_is_russia(cities):
    e = cities.lookup("Moscow")
    assert e.country == "RU" and e.kind == "capital"
    assert any(", US " in a for a in e.alternatives)


@needs_cities
def test_damascus_alternatives(cities):
    others = []
    for line in CITIES.read_text(encoding="utf-8").splitlines():
        c = line.split("\t")
        if c[1] == "Damascus" and c[8] != "SY":
            others.append(f"geonames:{c[0]} Damascus, {c[8]} (pop {c[14]})")
    e = cities.lookup("Damascus")
    assert e.id == "geonames:170654" and e.kind == "capital"
    assert sorted(e.alternatives) == sorted(others)
    if others:
        assert "geonames:4352728 Damascus, US (pop 15257)" in e.alternatives


@needs_cities
def test_one_summary_warning(cities):
    assert len(cities.warnings) == 1
    w = cities.warnings[0]
    assert w.startswith("cities15000.txt: ") and "names fit several places" in w and "focus SY" in w


@needs_cities
def test_alias_keys_equal_name_key(cities):
    """The parser computes keys without name_key's regex; every kept name must be indexed
    under exactly name_key(name), whether it won its key or lost it."""
    for e in cities.entries.values():
        for a in e.aliases:
            assert name_key(a) in cities.index, (e.id, a)


@needs_cities
def test_aliases_are_clean(cities):
    for e in cities.entries.values():
        for a in e.aliases:
            assert len(a) >= 3 and not a.islower(), (e.id, a)
            assert not (a.isupper() and sum(c.isalpha() for c in a) <= 3), (e.id, a)
            assert max(name_key(a)) < "\u0370", (e.id, a)


@needs_cities
def test_latin_only_false_keeps_other_scripts():
    text = CITIES.read_text(encoding="utf-8")
    gaz = geonames.parse(CITIES, text, latin_only=False)
    assert gaz.index[name_key("Дамаск")] == "geonames:170654"
    assert gaz.index[name_key("حلب")] == "geonames:170063"


# Hand-made dump: the collision rule ---------------------------------------------------------

COLLISIONS = [
    # (a) own name beats an alternate name, even of a bigger, focus-country capital
    row(1, "Alpha", "Zalfa", cc="SY", fcode="PPLC", pop=5_000_000),
    row(2, "Zalfa", cc="XX", pop=10),
    # (b) a country beats a populated place, even a focus-country capital
    row(3, "Lebanon", cc="LB", fclass="A", fcode="PCLI", pop=4_000_000),
    row(4, "Lebanon", cc="SY", fcode="PPLC", pop=9_000_000),
    # (c) the focus country beats a bigger capital elsewhere
    row(5, "Damascus", cc="US", fcode="PPLC", pop=1_000_000),
    row(6, "Damascus", cc="SY", fcode="PPL", pop=100),
    # (d) a capital beats a bigger ADM1 seat
    row(7, "Moscow", cc="US", fcode="PPLA", pop=50_000_000),
    row(8, "Moscow", cc="RU", fcode="PPLC", pop=10),
    # (e) the larger population
    row(9, "Springfield", cc="US", pop=100),
    row(10, "Springfield", cc="US", pop=200),
    # (f) the smaller geonameid
    row(12, "Twinville", cc="US", pop=300),
    row(11, "Twinville", cc="US", pop=300),
]


@pytest.fixture()
def collisions(tmp_path):
    return gazetteer.load(dump(tmp_path, *COLLISIONS))


@pytest.mark.parametrize("name, winner, rule", [
    ("Zalfa", 2, "a"), ("Lebanon", 3, "b"), ("Damascus", 6, "c"), ("Moscow", 8, "d"),
    ("Springfield", 10, "e"), ("Twinville", 11, "f"), ("Alpha", 1, "no collision"),
])
def test_collision_rule(collisions, name, winner, rule):
    assert collisions.lookup(name).id == f"geonames:{winner}", rule


def test_alternatives_recorded_for_own_name_only(collisions):
    e = collisions.entries
    assert e["geonames:6"].alternatives == ("geonames:5 Damascus, US (pop 1000000)",)
    assert e["geonames:3"].alternatives == ("geonames:4 Lebanon, SY (pop 9000000)",)
    assert e["geonames:2"].alternatives == ("geonames:1 Alpha, SY (pop 5000000)",)
    assert e["geonames:11"].alternatives == ("geonames:12 Twinville, US (pop 300)",)
    assert e["geonames:1"].alternatives == ()    # won "Alpha" alone; lost "Zalfa"
    assert e["geonames:5"].alternatives == ()    # lost
    assert len(collisions.warnings) == 1
    assert collisions.warnings[0] == (
        "tiny.txt: 6 names fit several places; chose by rule (own name, country, focus SY, "
        "rank, population); alternatives recorded"
    )


def test_losers_stay_in_entries(collisions):
    assert len(collisions.entries) == len(COLLISIONS)
    assert "geonames:5" not in collisions.index.values()
    assert list(collisions.entries) == sorted(collisions.entries)


def test_focus_parameter(tmp_path):
    p = dump(tmp_path, *COLLISIONS)
    text = p.read_text(encoding="utf-8")
    us = geonames.parse(p, text, focus=("US",))
    assert us.lookup("Damascus").id == "geonames:5"
    assert geonames.parse(p, text, focus="US").lookup("Damascus").id == "geonames:5"
    none = geonames.parse(p, text, focus=())
    assert none.lookup("Damascus").id == "geonames:5"   # rank: PPLC beats PPL
    assert "focus none" in none.warnings[0]


def test_alternatives_are_capped(tmp_path):
    rows = [row(100 + i, "Springfield", cc="US", pop=1000 - i) for i in range(15)]
    gaz = gazetteer.load(dump(tmp_path, *rows))
    alts = gaz.lookup("Springfield").alternatives
    assert len(alts) == geonames.MAX_ALTERNATIVES + 1
    assert alts[0] == "geonames:101 Springfield, US (pop 999)"
    assert alts[-1] == "... and 4 more"


def test_deterministic(tmp_path):
    p = dump(tmp_path, *COLLISIONS)
    a, b = gazetteer.load(p), gazetteer.load(p)
    assert a.entries == b.entries and list(a.index.items()) == list(b.index.items())


# Hand-made dump: names, kinds ----------------------------------------------------------------

def test_alias_noise_filter(tmp_path):
    alts = ",".join([
        "part", "HTS", "DAM", "Of", "12", "123", "Surprise", "Abbas", "Dimashq", "Ash-Sham",
        "Дамаск", "دمشق", "Dəməşq", "Ḑimashq", "Damasco", "DAMASCO", "Damascus", "damascus",
        "Independence", "March", "The City",
    ])
    gaz = gazetteer.load(dump(tmp_path, row(1, "Damascus", alts, fcode="PPLC", pop=2_000_000)))
    e = gaz.entries["geonames:1"]
    # kept: Latin-script alternate names that are not noise, one per key, in file order
    assert e.aliases == ("Dimashq", "Ash-Sham", "Dəməşq", "Damasco")
    assert "dimashq" in gaz.index and "ash sham" in gaz.index and "damasco" in gaz.index
    for gone in ("part", "HTS", "dam", "of", "123", "surprise", "abbas", "Дамаск", "independence",
                 "march", "the city"):
        assert name_key(gone) not in gaz.index, gone
    # "Ḑimashq" folds to the same key as "Dimashq": kept once
    assert gaz.lookup("Ḑimashq").id == "geonames:1"


def test_stop_list_applies_to_own_names(tmp_path):
    gaz = gazetteer.load(dump(
        tmp_path, row(1, "Surprise", "Sur Prise", cc="US", pop=117_517), row(2, "Of", cc="TR"),
        row(3, "Hope", cc="CA"),
    ))
    assert set(gaz.entries) == {"geonames:1", "geonames:2", "geonames:3"}
    assert gaz.lookup("Surprise") is None and gaz.lookup("Of") is None and gaz.lookup("Hope") is None
    assert gaz.lookup("Sur Prise").id == "geonames:1"


def test_asciiname_is_an_own_name(tmp_path):
    gaz = gazetteer.load(dump(
        tmp_path, row(1, "Ḩamāh", "Hama", ascii="Hamah", pop=460_602, fcode="PPLA"),
        row(2, "Other", "Hamah", cc="SY", fcode="PPLC", pop=9_000_000),
    ))
    assert gaz.lookup("Hamah").id == "geonames:1"  # own asciiname beats an alternate name


def test_stop_list_file():
    words = geonames.load_stopwords()
    for w in ("part", "of", "surprise", "independence", "victory", "liberty", "hope", "union",
              "central", "capital", "mission", "progress", "friendship", "enterprise", "commerce",
              "january", "sunday", "abbas", "bashar", "assad", "ahmed", "mohammed"):
        assert w in words, w
    for place in ("lebanon", "dallas", "damascus", "aleppo", "moscow", "syria"):
        assert place not in words, place
    text = (ROOT / "geo" / "data" / gazetteer.STOPWORDS_FILE).read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(lines) == len(set(lines)), "duplicate stop words"
    assert all(ln == name_key(ln) for ln in lines), "stop words are written in their key form"


@pytest.mark.parametrize("fclass, fcode, pop, kind, precision", [
    ("P", "PPLC", 1_000_000, "capital", 8),
    ("P", "PPLA", 100_000, "city", 5),
    ("P", "PPLA2", 99_999, "town", 3),
    ("P", "PPL", 0, "town", 3),
    ("P", "PPLX", 200_000, "area", 2),
    ("A", "PCLI", 20_000_000, "country", 300),
    ("A", "ADM1", 0, "governorate", 50),
    ("A", "ADM2", 0, "region", 20),
    ("A", "ADM3", 0, "region", 10),
    ("S", "AIRB", 0, "airbase", 2),
    ("S", "AIRF", 0, "airbase", 2),
    ("S", "AIRP", 0, "airport", 2),
    ("S", "CSTL", 0, "landmark", 0.5),
    ("S", "NVB", 0, "naval_base", 1),
    ("R", "RD", 0, "road", 5),
    ("H", "STM", 0, "other", 5),
    ("T", "MT", 0, "other", 5),
])
def test_kinds(tmp_path, fclass, fcode, pop, kind, precision):
    gaz = gazetteer.load(dump(tmp_path, row(1, "Placename", fclass=fclass, fcode=fcode, pop=pop)))
    e = gaz.entries["geonames:1"]
    assert (e.kind, e.precision_km) == (kind, precision)
    assert (e.parent, e.geometry, e.source) == ("", "", "geonames:1")


def test_kinds_have_map_styles():
    mapping = pytest.importorskip("geo.mapping")
    kinds = set(geonames.KINDS.values()) | set(geonames.PRECISION_KM) | {"city", "town", "region"}
    assert kinds <= set(mapping.KIND_STYLE)


# Detection ----------------------------------------------------------------------------------

def test_detection_rejects_project_csv():
    text = (ROOT / "gazetteer.csv").read_text(encoding="utf-8-sig")
    assert not geonames.looks_like_geonames(text)


def test_detection_cases():
    good = row(1, "Aleppo")
    assert geonames.looks_like_geonames(good + "\n")
    assert geonames.looks_like_geonames("\n\n" + good + "\r\n" + row(2, "Idlib") + "\r\n")
    assert not geonames.looks_like_geonames("")
    assert not geonames.looks_like_geonames("id,name,aliases,kind,lat,lon\n")
    assert not geonames.looks_like_geonames("#ISO\tISO3\tname\n" + good)       # countryInfo-like
    assert not geonames.looks_like_geonames(good.replace("1", "x", 1))        # non-numeric id
    assert not geonames.looks_like_geonames(good + "\n" + "a\tb\tc\n")        # half the lines wrong
    assert not geonames.looks_like_geonames("a\tb\n" * 3 + good + "\n" + good)  # 3 of 5 wrong
    # most of the first lines right: read as GeoNames, so the broken row is reported by line
    assert geonames.looks_like_geonames("\n".join([good, "1\tshort", good, good, "x\ty"]))
    assert not geonames.looks_like_geonames("\t".join(["1"] * 18))


def test_load_falls_back_to_csv(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("id,name,aliases,kind,lat,lon\nx,Aleppo,,city,36.2,37.16\n", encoding="utf-8")
    assert gazetteer.load(p).lookup("Aleppo").id == "x"


# Bad rows -----------------------------------------------------------------------------------

def test_bad_rows_each_message(tmp_path):
    p = dump(
        tmp_path,
        row(1, "Good"),
        "2\tShort\tShort",
        row(3, "BadLat", lat="north"),
        row(4, "FarLat", lat="91.5"),
        row(5, "BadLon", lon="east"),
        row(6, "FarLon", lon="-181"),
        row("x7", "BadId"),
        row(1, "Duplicate"),
        row(9, "BadPop", pop="many"),
        row(10, ""),
        row(11, "NanLat", lat="nan"),
    )
    with pytest.raises(GazetteerError) as ei:
        geonames.parse(p, p.read_text(encoding="utf-8"))
    assert ei.value.problems == [
        f"{p} line 2: row '2\\tShort\\tShort' has 3 tab-separated fields, expected 19 GeoNames columns",
        f"{p} line 3: latitude 'north' is not a number; expected decimal degrees like 36.20124",
        f"{p} line 4: latitude '91.5' is outside -90..90",
        f"{p} line 5: longitude 'east' is not a number; expected decimal degrees like 37.16117",
        f"{p} line 6: longitude '-181' is outside -180..180",
        f"{p} line 7: geonameid 'x7' is not a whole number; expected the GeoNames id like 170654",
        f"{p} line 8: geonameid '1' is a duplicate of line 1; ids must be unique",
        f"{p} line 9: population 'many' is not a whole number",
        f"{p} line 10: name '' is empty; every row needs one",
        f"{p} line 11: latitude 'nan' is outside -90..90",
    ]


def test_many_bad_rows_are_summarised(tmp_path):
    p = dump(tmp_path, row(1, "Good"), *[row(i, "Bad", lon="x") for i in range(2, 32)])
    with pytest.raises(GazetteerError) as ei:
        gazetteer.load(p)
    probs = ei.value.problems
    assert len(probs) == 21
    assert probs[0] == f"{p} line 2: longitude 'x' is not a number; expected decimal degrees like 37.16117"
    assert probs[-1] == "... and 10 more problem(s)"


def test_load_reports_a_broken_row_among_good_ones(tmp_path):
    p = dump(tmp_path, row(1, "Aleppo"), row(2, "Idlib"), "3\tHama\tHama\t", row(4, "Homs"))
    with pytest.raises(GazetteerError) as ei:
        gazetteer.load(p)
    assert ei.value.problems == [
        f"{p} line 3: row '3\\tHama\\tHama\\t' has 4 tab-separated fields, expected 19 GeoNames columns"
    ]


def test_a_name_longer_than_any_geonames_name_is_not_indexed(tmp_path):
    """GeoNames' names are at most 200 characters: a longer alternate name is dropped, and a
    longer own name stays the entry's name without being found by it."""
    long_name = "Qa" + "a" * 300
    row = "\t".join(["1", long_name, long_name, "Short Name," + "Al " + "b" * 250, "35.0", "36.0", "P", "PPL", "SY",
                     "", "", "", "", "", "10", "", "", "", "2023-01-01"])
    path = tmp_path / "SY.txt"
    path.write_text(row + "\n", encoding="utf-8")
    gaz = geonames.parse(path, path.read_text(encoding="utf-8"))
    e = gaz.entries["geonames:1"]
    assert e.name == long_name and e.aliases == ("Short Name",)
    assert list(gaz.index) == ["short name"]

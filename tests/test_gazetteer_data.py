"""Data checks for the pinned gazetteer (gazetteer.csv at the repository root).

Reads the CSV with the csv module only; no project code is imported.
"""

import csv
import math
import re
import unicodedata
from urllib.parse import urlsplit

import pytest

shapely_wkt = pytest.importorskip("shapely.wkt")
import shapely  # noqa: E402  (after importorskip)
from helpers import ROOT, cities15000, km  # noqa: E402
from shapely.geometry import Point  # noqa: E402

GAZETTEER = ROOT / "gazetteer.csv"

HEADER = [
    "id", "name", "aliases", "kind", "lat", "lon", "country", "parent",
    "geometry", "precision_km", "source",
]
KINDS = {
    "city", "town", "village", "governorate", "region", "country", "airbase",
    "airport", "naval_base", "military_base", "landmark", "road", "border_crossing", "dam", "area",
}
LINE_KINDS = {"road"}
AREA_KINDS = {"country", "region", "area", "governorate"}

REQUIRED = {
    "aleppo": "city", "aleppo_governorate": "governorate",
    "idlib": "city", "idlib_governorate": "governorate",
    "hama": "city", "hama_governorate": "governorate",
    "homs": "city", "homs_governorate": "governorate",
    "damascus": "city", "damascus_governorate": "governorate",
    "rif_dimashq_governorate": "governorate",
    "latakia": "city", "latakia_governorate": "governorate",
    "tartus": "city", "tartus_governorate": "governorate",
    "daraa_governorate": "governorate", "as_suwayda_governorate": "governorate",
    "quneitra_governorate": "governorate", "deir_ez_zor_governorate": "governorate",
    "raqqa_governorate": "governorate", "al_hasakah_governorate": "governorate",
    "tartus_naval_base": "naval_base",
    "hmeimim_airbase": "airbase",
    "abu_al_duhur_airbase": "airbase",
    "aleppo_citadel": "landmark",
    "aleppo_airport": "airport",
    "nayrab_airbase": "airbase",
    "kuweires_airbase": "airbase",
    "shayrat_airbase": "airbase",
    "t4_airbase": "airbase",
    "mezzeh_airbase": "airbase",
    "m5_highway": "road",
    "m4_highway": "road",
    "syria": "country",
    "northwestern_syria": "region",
    "russia": "country", "iran": "country", "turkey": "country",
    "united_states": "country", "lebanon": "country", "israel": "country",
    "iraq": "country", "jordan": "country", "united_kingdom": "country",
    "moscow": "city", "kremlin": "landmark", "ankara": "city", "tehran": "city",
    "beirut": "city", "washington": "city", "baghdad": "city", "amman": "city",
}
# gaza: the strip, not Gaza City
REQUIRED_ANY_KIND = {"gaza": {"region", "area"}}

# Each of these spellings must resolve to exactly this entry.
OWNED = {
    "Aleppo": "aleppo", "Idlib": "idlib", "Idleb": "idlib", "Hama": "hama",
    "Hamah": "hama", "Tartus": "tartus", "Tartous": "tartus",
    "Idlib province": "idlib_governorate", "Aleppo province": "aleppo_governorate",
    "Hmeimim": "hmeimim_airbase", "Khmeimim": "hmeimim_airbase",
    "Abu al-Duhur": "abu_al_duhur_airbase", "Aleppo airport": "aleppo_airport",
    "Citadel of Aleppo": "aleppo_citadel", "Aleppo Citadel": "aleppo_citadel",
    "Aleppo-Damascus highway": "m5_highway", "M5": "m5_highway", "M4": "m4_highway",
    "northwestern Syria": "northwestern_syria", "Turkiye": "turkey",
    "United States": "united_states", "U.S.": "united_states", "Britain": "united_kingdom",
    "Kremlin": "kremlin", "Moscow": "moscow", "Damascus": "damascus", "Syria": "syria",
    "Gaza": "gaza", "Lebanon": "lebanon", "Iran": "iran", "Russia": "russia",
    "Tal Rifaat": "tal_rifaat", "Tel Rifaat": "tal_rifaat",
    "Kuweires": "kuweires_airbase", "Kweyris": "kuweires_airbase",
    "Khan Shaykhun": "khan_shaykhun", "Khan Sheikhoun": "khan_shaykhun",
    "Maarat al-Numan": "maarat_al_numan", "Ma'arrat al-Nu'man": "maarat_al_numan",
    "Deir ez-Zor": "deir_ez_zor", "Deir al-Zour": "deir_ez_zor",
    "Nubl": "nubl", "Zahraa": "zahraa",
}
# Common words, organisation fragments and known false friends.
FORBIDDEN = {
    "sham", "nusra", "front", "bab", "al", "al-", "the", "us", "tartu", "hamas",
    "hts", "isis", "isil", "army", "city", "citadel", "province", "north", "south",
    "east", "west", "part", "of", "surprise", "abbas", "duma",
}


def norm(text):
    """Case- and diacritic-insensitive key, as the matcher compares names."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def load():
    with GAZETTEER.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, r)) for r in reader]
    return header, rows


HEADER_READ, ROWS = load()
BY_ID = {r["id"]: r for r in ROWS}


def names_of(row):
    out = [row["name"]]
    if row["aliases"]:
        out += row["aliases"].split("|")
    return out


def km_geom_to_point(geom, lat, lon):
    """Distance in km from a geometry to a point, in a local equirectangular frame."""
    kx = 111.32 * math.cos(math.radians(lat))
    ky = 110.57

    def proj(coords):
        out = coords.copy()
        out[:, 0] = (coords[:, 0] - lon) * kx
        out[:, 1] = (coords[:, 1] - lat) * ky
        return out

    return shapely.transform(geom, proj).distance(Point(0, 0))


# A source is a GeoNames id, the Natural Earth world atlas, `manual`, or the https URL of the
# page the coordinates were taken from.
_SOURCE_TOKENS = re.compile(r"geonames:\d+|naturalearth:world-atlas|manual")
# DNS host name: dot-separated labels of letters, digits and inner hyphens, alphabetic TLD.
_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")
# Characters RFC 3986 allows in a URL (non-ASCII must be percent-encoded).
_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def is_https_url(text):
    """A well-formed https URL with a DNS host name (optional port), ASCII only."""
    if not _URL_CHARS.fullmatch(text) or re.search(r"%(?![0-9A-Fa-f]{2})", text):
        return False
    try:
        parts = urlsplit(text)
        port = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return False
    return (
        parts.scheme == "https"
        and text.startswith("https://")
        and parts.username is None
        and parts.password is None
        and parts.hostname is not None
        and _HOST.fullmatch(parts.hostname) is not None
        and parts.netloc == parts.hostname + ("" if port is None else f":{port}")
    )


def source_ok(text):
    return bool(_SOURCE_TOKENS.fullmatch(text)) or is_https_url(text)


@pytest.mark.parametrize("text", [
    "geonames:170654", "naturalearth:world-atlas", "manual",
    "https://en.wikipedia.org/wiki/Arima,_Syria",
    "https://profilbaru.com/ar/%D9%85%D8%B9%D8%B1%D8%AF%D8%B3",
    "https://review.clateway.com/wiki/view_html.php?q=Mount_Hermon",
    "https://example.org:8443/a_(b).html#c",
])
def test_source_form_accepted(text):
    assert source_ok(text)


@pytest.mark.parametrize("text", [
    "", "guess", "Manual", "manual ", "geonames:", "geonames:abc", "naturalearth:other",
    "http://", "https://", "https:///wiki/X", "http://en.wikipedia.org/wiki/X",
    "ftp://example.org/x", "https:/en.wikipedia.org/wiki/X", "//en.wikipedia.org/wiki/X",
    "https://localhost/x", "https://-bad-.org/x", "https://exa mple.org/x",
    "https://en.wikipedia.org/wiki/X y", "https://user:pw@example.org/x",
    "https://example.org:port/x", "https://example.org/%zz", "https://ja.wikipedia.org/wiki/シリア",
    "https://example.org/x\n", "see https://example.org/x",
])
def test_source_form_rejected(text):
    assert not source_ok(text)


def test_header_exact():
    assert HEADER_READ == HEADER


def test_every_row_has_all_columns():
    with GAZETTEER.open(encoding="utf-8", newline="") as f:
        for n, rec in enumerate(csv.reader(f), start=1):
            assert len(rec) == len(HEADER), f"line {n}: {len(rec)} fields"


def test_ids_unique_snake_case_and_sorted():
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for i in ids:
        assert re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", i), i
    assert ids == sorted(ids), "rows must be sorted by id"


def test_names_and_aliases_unique_across_entries():
    owner = {}
    clashes = []
    for r in ROWS:
        for n in names_of(r):
            assert n == n.strip() and n, f"{r['id']}: empty or padded alias {n!r}"
            key = norm(n)
            if key in owner and owner[key] != r["id"]:
                clashes.append((n, owner[key], r["id"]))
            owner.setdefault(key, r["id"])
    assert not clashes, clashes


def test_spellings_resolve_to_expected_entry():
    owner = {}
    for r in ROWS:
        for n in names_of(r):
            owner[norm(n)] = r["id"]
    for spelling, expected in OWNED.items():
        assert owner.get(norm(spelling)) == expected, spelling


def test_no_forbidden_or_noisy_aliases():
    for r in ROWS:
        for n in names_of(r):
            key = norm(n)
            assert key not in FORBIDDEN, f"{r['id']}: forbidden alias {n!r}"
            assert "hamas" not in key.split(), f"{r['id']}: {n!r}"
            assert len(key) >= 2, f"{r['id']}: too short {n!r}"


def test_kinds_countries_sources_precision():
    for r in ROWS:
        assert r["kind"] in KINDS, r["id"]
        assert re.fullmatch(r"[A-Z]{2}", r["country"]), r["id"]
        assert source_ok(r["source"]), f"{r['id']}: unknown source form {r['source']!r}"
        p = float(r["precision_km"])
        assert 0 < p <= 5000, r["id"]


def test_parents_exist_and_are_not_cyclic():
    for r in ROWS:
        seen = {r["id"]}
        parent = r["parent"]
        while parent:
            assert parent in BY_ID, f"{r['id']}: unknown parent {parent}"
            assert parent not in seen, f"{r['id']}: parent cycle"
            seen.add(parent)
            parent = BY_ID[parent]["parent"]


def test_governorates_belong_to_syria():
    govs = [r for r in ROWS if r["kind"] == "governorate"]
    assert len(govs) == 14
    for g in govs:
        assert g["parent"] == "syria" and g["country"] == "SY", g["id"]


def test_coordinates_in_range_and_at_most_six_decimals():
    for r in ROWS:
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90, r["id"]
        assert -180 <= lon <= 180, r["id"]
        for v in (r["lat"], r["lon"]):
            assert re.fullmatch(r"-?\d+(\.\d{1,6})?", v), f"{r['id']}: {v!r}"


def test_geometries_parse_and_are_valid():
    for r in ROWS:
        wkt = r["geometry"]
        if r["kind"] in LINE_KINDS:
            assert wkt, f"{r['id']}: a road needs a LINESTRING"
        if not wkt:
            continue
        assert r["kind"] in LINE_KINDS | AREA_KINDS, f"{r['id']}: points carry no geometry"
        g = shapely_wkt.loads(wkt)
        assert g.is_valid and not g.is_empty, r["id"]
        if r["kind"] in LINE_KINDS:
            assert g.geom_type in ("LineString", "MultiLineString"), r["id"]
        else:
            assert g.geom_type in ("Polygon", "MultiPolygon"), r["id"]
        assert len(wkt) < 4000, f"{r['id']}: WKT too large ({len(wkt)} chars)"
        # lon/lat order: every vertex must be a plausible (lon, lat) pair
        minx, miny, maxx, maxy = g.bounds
        assert -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90, r["id"]
        # representative point lies on or near its geometry
        d = km_geom_to_point(g, float(r["lat"]), float(r["lon"]))
        assert d < 5, f"{r['id']}: lat/lon {d:.1f} km from its geometry"


def test_syrian_rows_lie_within_syria():
    syria = shapely_wkt.loads(BY_ID["syria"]["geometry"])
    assert syria.geom_type in ("Polygon", "MultiPolygon")
    buffered = syria.buffer(0.1)  # ~10 km: simplification and border crossings
    for r in ROWS:
        if r["country"] != "SY":
            continue
        pt = Point(float(r["lon"]), float(r["lat"]))
        assert buffered.contains(pt), f"{r['id']} lies outside Syria"
        if r["geometry"] and r["id"] != "syria":
            g = shapely_wkt.loads(r["geometry"])
            assert buffered.contains(g), f"{r['id']} geometry leaves Syria"


def test_foreign_rows_lie_outside_syria():
    syria = shapely_wkt.loads(BY_ID["syria"]["geometry"])
    for r in ROWS:
        if r["country"] != "SY":
            pt = Point(float(r["lon"]), float(r["lat"]))
            assert not syria.contains(pt), r["id"]


def _cities15000():
    path = cities15000()
    if path is None:
        pytest.skip("geotext's cities15000.txt not found")
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) >= 9:
                out[c[0]] = (float(c[4]), float(c[5]), c[8])
    return out


def test_geonames_rows_match_geotext_extract():
    rows = [r for r in ROWS if r["source"].startswith("geonames:")]
    assert rows, "expected GeoNames-sourced rows"
    gn = _cities15000()
    for r in rows:
        gid = r["source"].split(":", 1)[1]
        assert gid in gn, f"{r['id']}: geonameid {gid} not in cities15000"
        lat, lon, cc = gn[gid]
        assert cc == r["country"], f"{r['id']}: country {r['country']} != {cc}"
        d = km((float(r["lat"]), float(r["lon"])), (lat, lon))
        assert d <= 1.0, f"{r['id']}: {d:.2f} km from geonames:{gid}"


def test_required_ids_present_with_kinds():
    for i, kind in REQUIRED.items():
        assert i in BY_ID, f"missing {i}"
        assert BY_ID[i]["kind"] == kind, f"{i}: kind {BY_ID[i]['kind']} != {kind}"
    for i, kinds in REQUIRED_ANY_KIND.items():
        assert i in BY_ID and BY_ID[i]["kind"] in kinds, i


def test_every_governorate_capital_present():
    capitals = {
        "aleppo": "aleppo_governorate", "idlib": "idlib_governorate",
        "hama": "hama_governorate", "homs": "homs_governorate",
        "latakia": "latakia_governorate", "tartus": "tartus_governorate",
        "damascus": "damascus_governorate", "douma": "rif_dimashq_governorate",
        "daraa": "daraa_governorate", "as_suwayda": "as_suwayda_governorate",
        "quneitra": "quneitra_governorate", "deir_ez_zor": "deir_ez_zor_governorate",
        "raqqa": "raqqa_governorate", "al_hasakah": "al_hasakah_governorate",
    }
    for city, gov in capitals.items():
        assert city in BY_ID, city
        assert BY_ID[city]["parent"] == gov, city


def test_m5_passes_through_the_big_cities():
    m5 = shapely_wkt.loads(BY_ID["m5_highway"]["geometry"])
    assert m5.geom_type == "LineString"
    for city in ("aleppo", "hama", "homs", "damascus"):
        r = BY_ID[city]
        d = km_geom_to_point(m5, float(r["lat"]), float(r["lon"]))
        assert d <= 5, f"M5 is {d:.1f} km from {city}"


def test_m4_links_latakia_and_aleppo():
    m4 = shapely_wkt.loads(BY_ID["m4_highway"]["geometry"])
    for city in ("latakia", "jisr_al_shughur", "saraqib", "aleppo"):
        r = BY_ID[city]
        d = km_geom_to_point(m4, float(r["lat"]), float(r["lon"]))
        assert d <= 5, f"M4 is {d:.1f} km from {city}"


def test_northwestern_syria_covers_idlib():
    nw = shapely_wkt.loads(BY_ID["northwestern_syria"]["geometry"])
    for i in ("idlib", "saraqib", "jisr_al_shughur", "bab_al_hawa_crossing", "atarib"):
        r = BY_ID[i]
        assert nw.buffer(0.05).contains(Point(float(r["lon"]), float(r["lat"]))), i
    damascus = BY_ID["damascus"]
    assert not nw.contains(Point(float(damascus["lon"]), float(damascus["lat"])))

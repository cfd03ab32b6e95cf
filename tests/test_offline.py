"""geo.offline: folium's CDN assets inlined from node_modules (installed with `npm ci`)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

folium = pytest.importorskip("folium")
from folium import plugins  # noqa: E402
from helpers import ROOT  # noqa: E402

from geo.offline import (  # noqa: E402
    AssetError,
    countries_geojson,
    inline_assets,
    missing_assets,
    remote_asset_urls,
)
from geo.offline import scan as asset_scan  # noqa: E402
from geo.offline import table as asset_table  # noqa: E402

NODE_MODULES = ROOT / "node_modules"

needs_node_modules = pytest.mark.skipif(
    not (NODE_MODULES / "leaflet" / "package.json").is_file(),
    reason=f"{NODE_MODULES} is not installed: run `npm ci` in {ROOT}",
)

REMOTE_TAG_RE = re.compile(r"""<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)
CSS_REMOTE_URL_RE = re.compile(r"""url\(\s*["']?(?:https?:)?//""", re.I)


class _Scripts(HTMLParser):
    """What a browser sees: each <script> element and its text."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[tuple[dict, str]] = []
        self._cur = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._cur = (dict(attrs), [])

    def handle_data(self, data):
        if self._cur is not None:
            self._cur[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._cur is not None:
            self.scripts.append((self._cur[0], "".join(self._cur[1])))
            self._cur = None


def _scripts(html: str) -> list[tuple[dict, str]]:
    p = _Scripts()
    p.feed(html)
    p.close()
    return p.scripts


def _styles(html: str) -> list[str]:
    return re.findall(r"<style\b[^>]*>(.*?)</style>", html, flags=re.S | re.I)


def _build_map() -> str:
    """Map with every plugin the project uses; rendered once (folium duplicates lines on re-render)."""
    m = folium.Map(location=[35.0, 38.0], zoom_start=6, tiles=None, max_zoom=18)
    folium.TileLayer("OpenStreetMap").add_to(m)  # tile URLs are not assets: left alone
    folium.Marker(
        [33.51, 36.29], popup="Damascus", icon=folium.Icon(icon="star", prefix="fa", color="red")
    ).add_to(m)
    folium.Marker([35.13, 36.75], popup="Hama").add_to(m)  # L.Icon.Default
    cluster = plugins.MarkerCluster(name="reports").add_to(m)
    for i in range(5):
        folium.Marker([36.2 + i * 0.01, 37.15]).add_to(cluster)
    places = folium.GeoJson(
        {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"name": n}, "geometry": {"type": "Point", "coordinates": c}}
                for n, c in [("Idlib", [36.63, 35.93]), ("Tartus", [35.89, 34.89])]
            ],
        },
        name="places",
    ).add_to(m)
    plugins.Search(layer=places, search_label="name").add_to(m)
    plugins.Fullscreen().add_to(m)
    folium.LayerControl().add_to(m)
    return m.get_root().render()


@pytest.fixture(scope="module")
def page() -> str:
    return _build_map()


@pytest.fixture(scope="module")
def inlined(page) -> str:
    return inline_assets(page, NODE_MODULES)


# --------------------------------------------------------------------------- inlining
@needs_node_modules
def test_cdn_page_has_remote_assets_and_all_are_known(page):
    urls = remote_asset_urls(page)
    assert len(urls) >= 15
    assert any("leaflet-search" in u for u in urls)
    assert missing_assets(page, NODE_MODULES) == []


@needs_node_modules
def test_no_remote_script_or_stylesheet_remains(inlined):
    assert REMOTE_TAG_RE.search(inlined) is None
    assert remote_asset_urls(inlined) == []
    assert asset_table._load_table(str(asset_table.ASSETS_JSON))  # table loads
    assert not any(tag.kind in ("css", "link") for tag in asset_scan.scan(inlined))
    # the tile layer still points at OpenStreetMap, for when the viewer is online
    assert "tile.openstreetmap.org" in inlined


@needs_node_modules
def test_inlined_css_has_only_data_uris(inlined):
    styles = _styles(inlined)
    assert len(styles) > 8
    for css in styles:
        assert CSS_REMOTE_URL_RE.search(css) is None
        for ref in re.findall(r"""url\(\s*["']?([^"')]*)""", css):
            assert ref.startswith(("data:", "#")), ref
    fonts = "".join(styles)
    assert "data:font/woff2;base64," in fonts  # Font Awesome
    assert ".ttf" not in fonts and "truetype" not in fonts  # only woff2 kept
    assert "data:image/png;base64," in fonts  # awesome-markers sprites, leaflet layers icon
    assert ".fa-rotate-90{" in fonts  # generated leaflet.awesome.rotate css


@needs_node_modules
def test_leaflet_default_icon_gets_data_uris(inlined):
    leaflet = [body for attrs, body in _scripts(inlined) if attrs.get("data-asset", "").startswith("leaflet@")]
    assert len(leaflet) == 1
    tail = leaflet[0][-20000:]
    assert "L.Icon.Default.imagePath=''" in tail
    for key in ("iconUrl", "iconRetinaUrl", "shadowUrl"):
        assert f'"{key}": "data:image/png;base64,' in tail


@needs_node_modules
def test_expected_libraries_are_inlined_once(inlined):
    labels = [attrs["data-asset"] for attrs, _ in _scripts(inlined) if "data-asset" in attrs]
    labels += re.findall(r'<style data-asset="([^"]+)"', inlined)
    assert len(labels) == len(set(labels))
    for needle in (
        "leaflet@1.9.3/dist/leaflet.js",
        "jquery@3.7.1/",
        "bootstrap@5.2.2/dist/js/",
        "leaflet.awesome-markers@",
        "@fortawesome/fontawesome-free@6.2.0/",
        "leaflet.markercluster@1.1.0/dist/leaflet.markercluster.js",
        "leaflet-search@2.9.7/dist/leaflet-search.min.js",
        "leaflet.fullscreen@3.0.0/",
        "generated:awesome_rotate",
    ):
        assert any(needle in lab for lab in labels), needle


def test_glyphicons_css_dropped_when_unused_and_kept_when_used():
    if not (NODE_MODULES / "bootstrap3" / "package.json").is_file():
        pytest.skip(f"{NODE_MODULES} is not installed: run `npm ci` in {ROOT}")
    plain = folium.Map(tiles=None)
    folium.Marker([0, 0]).add_to(plain)
    out = inline_assets(plain.get_root().render(), NODE_MODULES)
    assert "generated:glyphicons: unused on this page, dropped" in out
    assert "Glyphicons Halflings" not in out

    glyph = folium.Map(tiles=None)
    folium.Marker([0, 0], icon=folium.Icon(icon="info-sign")).add_to(glyph)  # prefix glyphicon
    out = inline_assets(glyph.get_root().render(), NODE_MODULES)
    assert '<style data-asset="generated:glyphicons">' in out
    assert ".glyphicon-info-sign:before" in out


@needs_node_modules
def test_output_is_deterministic(page, inlined):
    asset_table._load_table.cache_clear()
    asset_table._npm_version.cache_clear()
    assert inline_assets(page, NODE_MODULES) == inlined


@needs_node_modules
def test_unknown_cdn_script_raises_naming_the_url(page):
    url = "https://cdn.example.invalid/npm/mystery@1.0.0/mystery.min.js"
    bad = page.replace("</head>", f'<script src="{url}"></script>\n</head>', 1)
    with pytest.raises(AssetError) as exc:
        inline_assets(bad, NODE_MODULES)
    msg = str(exc.value)
    assert url in msg and "npm ci" in msg and "\n" not in msg
    assert missing_assets(bad, NODE_MODULES) == [url]


@needs_node_modules
def test_unknown_remote_stylesheet_and_css_url_raise(page):
    css = page.replace("</head>", '<link rel="stylesheet" href="//cdn.example.invalid/x.css"/></head>', 1)
    with pytest.raises(AssetError, match="cdn.example.invalid/x.css"):
        inline_assets(css, NODE_MODULES)
    style = page.replace("</head>", "<style>.x{background:url(https://img.example.invalid/a.png)}</style></head>", 1)
    with pytest.raises(AssetError, match="img.example.invalid/a.png"):
        inline_assets(style, NODE_MODULES)


def test_missing_node_modules_raises_with_npm_ci_hint(tmp_path):
    html = folium.Map(tiles=None).get_root().render()
    with pytest.raises(AssetError) as exc:
        inline_assets(html, tmp_path / "node_modules")
    assert "https://" in str(exc.value) and "npm ci" in str(exc.value)


def test_script_end_tag_inside_inlined_js_cannot_close_the_element(tmp_path):
    """Uses a fake package so it runs without node_modules."""
    nm = tmp_path / "node_modules"
    pkg = nm / "evil-lib"
    pkg.mkdir(parents=True)
    (pkg / "package.json").write_text(json.dumps({"name": "evil-lib", "version": "1.0.0"}))
    (pkg / "evil.js").write_text(
        'var a = "</script><script>window.pwned=1</script>";\n'
        "var b = /<\\/SCRIPT>/i; // </Script >\n"
    )
    (pkg / "evil.css").write_text('.x::after{content:"</style><script>window.pwned=2</script>"}')
    table = tmp_path / "assets.json"
    table.write_text(
        json.dumps(
            {
                "assets": {
                    "https://cdn.example.org/evil.js": {"npm": "evil-lib", "version": "1.0.0", "path": "evil.js"},
                    "https://cdn.example.org/evil.css": {"npm": "evil-lib", "version": "1.0.0", "path": "evil.css"},
                }
            }
        )
    )
    html = (
        '<html><head><script src="https://cdn.example.org/evil.js"></script>'
        '<link rel="stylesheet" href="https://cdn.example.org/evil.css"/></head>'
        "<body><script>var ok = 1;</script></body></html>"
    )
    out = inline_assets(html, nm, assets_json=table)
    scripts = _scripts(out)
    assert len(scripts) == 2  # the inlined one and the page's own: nothing injected
    body = scripts[0][1]
    assert "window.pwned=1" in body and "<\\/script>" in body
    assert re.search(r"</script", body, re.I) is None
    assert re.search(r"</style", "".join(_styles(out)), re.I) is None
    assert "window.pwned=2" in _styles(out)[0]


# --------------------------------------------------------------------------- basemap
@pytest.fixture(scope="module")
def countries():
    if not (NODE_MODULES / "world-atlas" / "countries-50m.json").is_file():
        pytest.skip(f"{NODE_MODULES}/world-atlas is not installed: run `npm ci` in {ROOT}")
    pytest.importorskip("geopandas")
    return countries_geojson(NODE_MODULES)


def test_countries_geojson(countries):
    feats = countries["features"]
    assert countries["type"] == "FeatureCollection"
    assert len(feats) > 150
    names = [f["properties"]["name"] for f in feats]
    assert names == sorted(names)
    assert "Syria" in names and "Lebanon" in names
    assert all(set(f["properties"]) == {"name"} for f in feats)
    syria = feats[names.index("Syria")]["geometry"]
    assert syria["type"] in ("Polygon", "MultiPolygon")
    coords = re.findall(r"-?\d+\.\d+", json.dumps(syria))
    assert coords and all(len(c.split(".")[1]) <= 5 for c in coords)
    lon, lat = syria["coordinates"][0][0] if syria["type"] == "Polygon" else syria["coordinates"][0][0][0]
    assert 35 < lon < 43 and 32 < lat < 38


def test_countries_geojson_simplify_shrinks(countries):
    small = countries_geojson(NODE_MODULES, simplify_deg=0.05)
    assert [f["properties"]["name"] for f in small["features"]] == [
        f["properties"]["name"] for f in countries["features"]
    ]
    assert len(json.dumps(small)) < len(json.dumps(countries))

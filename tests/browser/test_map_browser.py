"""The sample map (seeds/ + the repository gazetteer) in a real, offline Chromium.

Each test opens the page with every outside request blocked; the ``page`` fixture then fails the
test on any blocked request, page error, console error or dialog (see conftest.py).
"""

from __future__ import annotations

import json
import math
import os

import pytest
from helpers import ROOT

SCREENSHOT = ROOT / "docs" / "screenshot.png"
SAMPLE_DATE = "2024-11-30"
SAMPLE_OUTLETS = {"Reuters", "Al Jazeera", "RT", "The Epoch Times", "unattributed (Reuters-based)"}
HAMA = (35.13, 36.75)


@pytest.fixture(scope="module")
def places(sample_map) -> list[dict]:
    data = json.loads((sample_map.parent / "places.geojson").read_text(encoding="utf-8"))
    return data["features"]


@pytest.fixture
def smap(open_map, sample_map):
    return open_map(sample_map)


def test_page_loads_offline_with_every_asset(smap):
    page = smap.page
    # Leaflet, jQuery-dependent plugins and our layers all ran.
    assert page.evaluate("() => typeof L !== 'undefined' && typeof jQuery !== 'undefined'")
    assert page.locator(".leaflet-control-search").count() == 1
    assert page.locator(".leaflet-control-layers").count() == 1

    broken_imgs = page.evaluate(
        "() => Array.from(document.images)"
        "        .filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 120))"
    )
    assert broken_imgs == [], f"images that did not load: {broken_imgs}"

    # CSS images (control icons, sprites): every url() in a computed background must decode.
    broken_css = page.evaluate(
        """async () => {
             const urls = new Set();
             for (const el of document.querySelectorAll('*')) {
               for (const pseudo of [null, '::before', '::after']) {
                 const bg = getComputedStyle(el, pseudo).backgroundImage;
                 for (const m of bg.matchAll(/url\\("?(.*?)"?\\)/g)) urls.add(m[1]);
               }
             }
             const bad = [];
             for (const u of urls) {
               const ok = await new Promise(res => {
                 const im = new Image(); im.onload = () => res(im.naturalWidth > 0);
                 im.onerror = () => res(false); im.src = u;
               });
               if (!ok) bad.push(u.slice(0, 120));
             }
             return bad;
           }"""
    )
    assert broken_css == [], f"CSS background images that did not load: {broken_css}"

    # Icon fonts: none of the declared faces failed, and the marker glyph font is available.
    failed_fonts = page.evaluate(
        "async () => { await document.fonts.ready;"
        " return Array.from(document.fonts).filter(f => f.status === 'error').map(f => f.family); }"
    )
    assert failed_fonts == [], f"fonts that failed to load: {failed_fonts}"
    glyph_font = page.evaluate(
        "() => getComputedStyle(document.querySelector('.gp i'), '::before').fontFamily"
    )
    assert "Font Awesome" in glyph_font
    assert page.evaluate(f"() => document.fonts.check('900 12px {glyph_font.split(',')[0]}')")


def test_one_gp_marker_per_place_feature(smap, places):
    page = smap.page
    assert len(places) > 0
    # every place has one marker; where markers overlap at this zoom they are clustered, so the
    # page shows fewer icons, each marker or cluster clickable
    layers = smap.place_layers()
    assert sorted(l["name"] for l in layers) == sorted(
        f["properties"]["name"] for f in places
    ), "marker names differ from places.geojson"
    assert all(l["popup"] and l["tooltip"] for l in layers), "every marker needs a popup and a tooltip"
    shown = page.locator(".leaflet-marker-icon .gp").count()
    clustered = smap.js("(map) => { let n = 0; map.smPlaces.eachLayer(m => { if (!m._icon) n++; }); return n; }")
    clusters = page.locator(".leaflet-marker-icon .sm-cl").count()
    assert shown + clustered == len(places) and (clustered == 0) == (clusters == 0)

    # The badge on each icon is the number of articles, and its popup lists that many articles.
    counts = smap.js_places(
        """(map, markers) => markers.map(l => {
             const pop = l.getPopup()._content(l);
             const icon = document.createElement('div');
             icon.innerHTML = l.feature.properties.icon;
             return {name: l.feature.properties.name, badge: icon.querySelector('.gp b').textContent,
                     arts: pop.querySelectorAll('.art').length, prop: l.feature.properties.articles};
           })"""
    )
    expected = {f["properties"]["name"]: f["properties"]["article_count"] for f in places}
    for c in counts:
        assert int(c["badge"]) == c["arts"] == c["prop"] == expected[c["name"]], c


def test_layer_control_lists_the_layers(smap):
    text = smap.page.locator(".leaflet-control-layers").inner_text()
    assert "Places named in reports" in text
    assert "Roads and areas" in text


def test_aleppo_tooltip_and_popup_with_a_real_mouse(smap):
    """Zoom in on Aleppo so its icon is not covered, hover it, then click it."""
    page = smap.page
    smap.js("(map) => { map.setView([36.20124, 37.16117], 16, {animate: false}); }")
    page.wait_for_timeout(200)
    box = smap.js_places(
        """(map, markers) => {
             const hit = markers.find(l => l.feature.properties.name === 'Aleppo');
             const r = hit._icon.getBoundingClientRect();
             return {x: r.x + r.width / 2, y: r.y + r.height / 2};
           }"""
    )
    page.mouse.move(box["x"], box["y"])
    tooltip = page.locator(".leaflet-tooltip")
    tooltip.first.wait_for(state="visible", timeout=5000)
    assert "Aleppo" in tooltip.first.inner_text()
    assert "5 articles" in tooltip.first.inner_text()

    page.mouse.click(box["x"], box["y"])
    popup = page.locator(".leaflet-popup-content .pp")
    popup.wait_for(state="visible", timeout=5000)
    assert popup.locator("h4").inner_text() == "Aleppo"


def test_aleppo_popup_lists_the_five_sample_articles(smap):
    page = smap.page
    smap.click_place("Aleppo")
    page.wait_for_timeout(800)  # popup fade-in
    pp = page.locator(".leaflet-popup-content .pp")
    assert pp.count() == 1 and pp.is_visible()
    arts = pp.locator(".art")
    assert arts.count() == 5
    seen = {}
    for i in range(arts.count()):
        art = arts.nth(i)
        outlet = art.locator(".src b").first.inner_text()
        seen[outlet] = art
        assert SAMPLE_DATE in art.locator(".src").inner_text(), outlet
        marks = art.locator("mark.hl")
        assert marks.count() >= 1, f"no highlighted name in the {outlet} article"
        assert any("Aleppo" in marks.nth(k).inner_text() or "city" in marks.nth(k).inner_text()
                   for k in range(marks.count())), f"{outlet}: highlights do not name Aleppo"
    assert set(seen) == SAMPLE_OUTLETS


def test_search_hama_typed_key_by_key_pans_to_hama(smap):
    page = smap.page
    box = page.locator(".leaflet-control-search input.search-input")
    assert box.get_attribute("placeholder") == "Search places"
    box.click()
    page.keyboard.type("Hama", delay=120)  # page.fill does not fire leaflet-search's key handlers
    tips = page.locator(".leaflet-control-search .search-tooltip .search-tip")
    tips.first.wait_for(state="visible", timeout=5000)
    texts = [t.strip() for t in tips.all_inner_texts()]
    assert "Hama" in texts, texts
    tips.nth(texts.index("Hama")).click()
    page.wait_for_function(
        """([name, lat, lon]) => {
              const c = window[name].getCenter();
              return Math.abs(c.lat - lat) < 0.5 && Math.abs(c.lng - lon) < 0.5;
           }""",
        arg=[smap.map_name, *HAMA],
        timeout=5000,
    )
    page.wait_for_timeout(800)  # let the pan/zoom animation and popup autopan finish
    lat, lon = smap.center()
    assert math.hypot(lat - HAMA[0], lon - HAMA[1]) < 0.5, (lat, lon)
    popup = page.locator(".leaflet-popup-content h4")
    assert popup.count() == 1 and popup.inner_text() == "Hama"


def test_title_panel_and_legend(smap):
    page = smap.page
    title = page.locator("#sm-title")
    assert title.is_visible()
    assert SAMPLE_DATE in title.inner_text()
    legend = page.locator("#sm-legend")
    assert legend.is_visible()
    assert "Legend" in legend.inner_text()
    vw = page.viewport_size
    b = legend.bounding_box()
    assert b and b["x"] >= 0 and b["y"] >= 0 and b["x"] + b["width"] <= vw["width"] + 1 \
        and b["y"] + b["height"] <= vw["height"] + 1, f"legend not inside the viewport: {b}"


def _popup_header_cover(smap) -> dict:
    """Which element is on top at the centre of the open popup's heading and close button."""
    return smap.js(
        """(map) => {
             const root = map._popup.getElement();
             const out = {};
             for (const [key, el] of [['heading', root.querySelector('h4')],
                                      ['close', root.querySelector('.leaflet-popup-close-button')]]) {
               const r = el.getBoundingClientRect();
               const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
               out[key] = {inside: !!top && root.contains(top), y: r.y,
                           top: top ? (top.id || top.className || top.tagName) : null};
             }
             return out;
           }"""
    )


def test_opened_popup_is_not_hidden_behind_the_title_panel(smap):
    """Leaflet auto-pans a popup into view, but only clear of the map edge: the title panel
    (z-index above the popup pane) can still cover the popup's heading."""
    smap.click_place("Aleppo")
    smap.open_popup_text(fade_ms=800)
    cover = _popup_header_cover(smap)
    assert cover["heading"]["inside"] and cover["close"]["inside"], (
        f"the Aleppo popup opened from the initial view is partly covered: {cover}"
    )


def test_screenshot_with_aleppo_popup(smap, tmp_path):
    """Saved to docs/screenshot.png (the README's picture) only with UPDATE_SCREENSHOT=1, so a
    test run never dirties the work tree; otherwise to a temporary file."""
    shot = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") == "1" else tmp_path / "screenshot.png"
    page = smap.page
    assert page.viewport_size == {"width": 1280, "height": 800}
    smap.click_place("Aleppo")
    page.locator(".leaflet-popup-content .pp").wait_for(state="visible", timeout=5000)
    # For the picture: no tooltip (a click opens one too), and the popup clear of the title panel.
    smap.js("(map) => { map.eachLayer(l => l.closeTooltip && l.closeTooltip()); }")
    page.wait_for_timeout(300)
    overlap = smap.js(
        """(map) => {
             const t = document.getElementById('sm-title').getBoundingClientRect();
             const p = map._popup.getElement().getBoundingClientRect();
             return Math.max(0, Math.ceil(t.bottom + 10 - p.top));
           }"""
    )
    if overlap:
        smap.js("(map, d) => { map.panBy([0, -d], {animate: false}); }", overlap)
    page.wait_for_timeout(800)  # popup fade-in
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 800)

"""Hostile report and gazetteer text, built into a map and opened in a real Chromium.

Every string that reaches the page from a report, the manifest (sources.csv), the gazetteer or
the command line carries payloads (FIELD_NOTES: "Folium does not protect you from article text").
The build must succeed without evaluating any Jinja, and in the browser no payload may run
(``window.__xss`` stays undefined, no dialog), none may break the page (no page error), and each
must read back as literal text where the map shows it.
"""

from __future__ import annotations

import csv
import os
import re

import pytest

# Payload -> a marker number in window.__xss where it runs script.
PAYLOADS = [
    "<img src=x onerror=window.__xss=1>",
    "<script>window.__xss=2</script>",
    "a</script><script>window.__xss=3</script>",
    "${window.__xss=4}",
    "\\`;window.__xss=21;`",          # backslash-backtick: leaves a JS template literal
    "`",                              # bare backtick
    "C:\\users\\u00zz",                # an invalid JS escape: blanks a template literal
    "{{7*7}}",
    "{% if 1 %}X{% endif %}",
    "{{ cycler.__init__.__globals__.os.getpid() }}",
    '"><svg onload=window.__xss=6>',
    "</textarea><img src=x onerror=window.__xss=7>",
    "'><img src=x onerror=window.__xss=22>",
    "<!--<script>window.__xss=23//",
    "]]></x><iframe srcdoc='<script>parent.__xss=24</script>'></iframe>",
    "line\u2028sep\u2029para",             # JS line terminators inside a string
    "&lt;b&gt;entity&amp;amp;",          # must show as written, not decoded once more
    "\u202eRTL override",
]
JINJA_ARITHMETIC = "{{7*7}}"

# URLs in the manifest: none of these may become an href.
BAD_URLS = [
    "javascript:window.__xss=5",
    "JaVaScRiPt:window.__xss=25",
    " javascript:window.__xss=26",
    "java\tscript:window.__xss=27",
    "data:text/html,<script>window.__xss=28</script>",
    "vbscript:msgbox(1)",
]
# An http(s) URL that is allowed as a link but carries markup; it must stay an inert href.
TRICKY_HTTP_URL = 'https://example.org/a?b=1&c="><img src=x onerror=window.__xss=13>`${window.__xss=29}`'

TITLE = "Situation <img src=x onerror=window.__xss=19> {{7*7}} ${window.__xss=30}"
GAZ_FILE_NAME = "gaz <img src=x onerror=window.__xss=20>.csv"
REPORT_FILE_STEM = "r9 <img src=x onerror=window.__xss=9> ${window.__xss=10} '\"` {{7*7}}"

# Gazetteer: payload names, plain aliases that occur in the reports.
ZORK_NAME = "Zork <img src=x onerror=window.__xss=8>"
QUX_NAME = "Qux ${window.__xss=17} {{7*7}} {% if 1 %}X{% endif %} ` \\u00zz"
BLORP_NAME = "Blorp </textarea><script>window.__xss=31</script>"
SOURCE_PAYLOAD = "manual {{7*7}} <script>window.__xss=16</script> `"
GAZETTEER_ROWS = [
    # id, name, aliases, kind, lat, lon, country, parent, geometry, precision_km, source
    ["zork", ZORK_NAME, "Zork", "town", "35.5", "38.5", "SY", "", "", "3", SOURCE_PAYLOAD],
    ["qux", QUX_NAME, "Quxville", "<img src=x onerror=window.__xss=18>", "34.9", "37.9", "SY", "",
     "", "", "geonames:1 <b>bold</b>"],
    ["blorp", BLORP_NAME, "Blorp", "area", "35.2", "39.0", "SY", "",
     "POLYGON ((38.8 35.0, 39.2 35.0, 39.2 35.4, 38.8 35.4, 38.8 35.0))", "20", "manual"],
]
NAMES = [ZORK_NAME, QUX_NAME, BLORP_NAME]


def _sentences(place_word: str) -> list[str]:
    return [f"In {place_word}, residents wrote {p} on a wall." for p in PAYLOADS]


def _report_text(i: int) -> str:
    lines = [f"Report {i} on the fighting", ""]
    lines += _sentences("Zork")
    lines.append("Shelling was reported near Quxville and across Blorp overnight.")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, build_map_file):
    """Build the hostile map; return (html path, build pid)."""
    base = tmp_path_factory.mktemp("xss")
    reports = base / "reports"
    reports.mkdir()
    rows = []
    urls = BAD_URLS + [TRICKY_HTTP_URL]
    for i, url in enumerate(urls):
        name = f"r{i}.txt"
        (reports / name).write_text(_report_text(i), encoding="utf-8")
        outlet = f"Outlet{i} {PAYLOADS[i % len(PAYLOADS)]}"
        basis = f"basis{i} {PAYLOADS[(i + 7) % len(PAYLOADS)]}"
        rows.append([name, outlet, f"2024-12-{i + 1:02d}", url, basis])
    odd = f"{REPORT_FILE_STEM}.txt"
    (reports / odd).write_text(_report_text(99), encoding="utf-8")
    rows.append([odd, "Outlet \u2028 ${window.__xss=32}", "2024-12-20", "", ""])
    with (reports / "sources.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file", "outlet", "date", "url", "outlet_basis"])
        w.writerows(rows)

    gaz = base / GAZ_FILE_NAME
    with gaz.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "aliases", "kind", "lat", "lon", "country", "parent", "geometry",
                    "precision_km", "source"])
        w.writerows(GAZETTEER_ROWS)

    html = build_map_file(base / "out", reports, gaz, "--title", TITLE)
    return html, os.getpid()


@pytest.fixture
def hmap(open_map, hostile):
    return open_map(hostile[0])


def _xss(smap):
    return smap.page.evaluate("() => window.__xss")


# JS: open every popup and tooltip of every layer (markers and shapes, all layers), read what
# each shows, and report whether anything ran.
JS_OPEN_EVERYTHING = """
(map) => {
  const out = [];
  const layers = [];
  map.eachLayer(l => layers.push(l));
  for (const l of layers) {
    const popup = l.getPopup ? l.getPopup() : null;
    const tooltip = l.getTooltip ? l.getTooltip() : null;
    if (!popup && !tooltip) continue;
    const at = l.getLatLng ? l.getLatLng() : (l.getCenter ? l.getCenter() : l.getBounds().getCenter());
    const rec = {name: l.feature && l.feature.properties ? l.feature.properties.name : null};
    if (popup) {
      l.fire('click', {latlng: at});
      if (!popup.isOpen()) l.openPopup(at);
      const el = popup.getElement();
      rec.popupText = popup._contentNode ? popup._contentNode.textContent : null;
      rec.hrefs = Array.from(el.querySelectorAll('[href]')).map(a => a.getAttribute('href'));
      rec.injected = el.querySelectorAll('img,script,svg,iframe,textarea,object,embed').length;
    }
    if (tooltip) {
      l.openTooltip(at);
      const el = tooltip.getElement();
      rec.tooltipText = el ? el.textContent : null;
      rec.tooltipInjected = el ? el.querySelectorAll('img,script,svg,iframe,textarea').length : -1;
      l.closeTooltip();
    }
    rec.xss = window.__xss;
    out.push(rec);
  }
  map.closePopup();
  return out;
}
"""


def test_build_succeeds_and_does_not_evaluate_jinja(hostile):
    html_path, pid = hostile
    assert html_path.is_file()
    text = html_path.read_text(encoding="utf-8")
    assert "window.__xss" in text  # the payloads are in the page (as data), not dropped
    # "{{7*7}}" was never rendered as 49 next to its sentence, in any encoding the page uses.
    assert "wrote 49 on a wall" not in text
    assert not re.search(r"wrote\s*X\s*on a wall", text), "{% if %} was evaluated"
    # The pid of the building process is not in any exported text.
    geojson = (html_path.parent / "places.geojson").read_text(encoding="utf-8")
    assert "wrote 49 on a wall" not in geojson
    assert not re.search(rf"wrote {pid} on a wall", text + geojson)


def test_nothing_runs_on_load(hmap, page_log):
    assert _xss(hmap) is None
    assert hmap.page.locator(".gp").count() == len(NAMES)
    # No element made from text: nothing carries an event-handler attribute or points at "x".
    assert hmap.page.evaluate(
        "() => document.querySelectorAll('[onerror],[onload],img[src=x],iframe[srcdoc]').length"
    ) == 0
    assert page_log.dialogs == []


def test_every_popup_and_tooltip_is_inert_and_literal(hmap, hostile):
    _, pid = hostile
    recs = hmap.js(JS_OPEN_EVERYTHING)
    names_seen = {r["name"] for r in recs}
    # All three hostile places have a marker with a popup and tooltip (an area's shape has none:
    # its popup is its marker's).
    assert len([r for r in recs if r.get("popupText") is not None]) >= len(NAMES), recs
    for r in recs:
        assert r["xss"] is None, f"a payload ran while opening {r['name']!r}: window.__xss={r['xss']}"
        assert r.get("injected", 0) == 0, f"markup from text became elements in the popup of {r['name']!r}"
        assert r.get("tooltipInjected", 0) == 0, f"markup became elements in the tooltip of {r['name']!r}"
        for href in r.get("hrefs", []):
            assert not re.match(r"\s*(javascript|data|vbscript):", href, re.I), href
            assert href.startswith(("https://", "http://")) or ":" not in href.split("/")[0], href
    assert _xss(hmap) is None

    popup_of = {}
    tooltip_of = {}
    for r in recs:
        if r.get("popupText") is not None:
            popup_of.setdefault(r["name"], r["popupText"])
        if r.get("tooltipText") is not None:
            tooltip_of.setdefault(r["name"], r["tooltipText"])
    # Feature names are stored as escaped HTML; find each place by its popup heading instead.
    zork = next((t for t in popup_of.values() if t.startswith(ZORK_NAME)), None)
    assert zork is not None, f"no popup starts with the literal name {ZORK_NAME!r}: {list(popup_of.values())[:3]}"
    for p in PAYLOADS:
        assert f"wrote {p} on a wall" in zork, f"payload not shown literally in the popup: {p!r}"
    assert "wrote 49 on a wall" not in zork
    assert not re.search(rf"(?<![\d.]){pid}(?![\d.])", zork), "the build process id leaked into a popup"
    for i in range(len(BAD_URLS) + 1):
        assert f"Outlet{i} {PAYLOADS[i % len(PAYLOADS)]}" in zork, f"outlet {i} not literal"
        assert f"basis{i} {PAYLOADS[(i + 7) % len(PAYLOADS)]}" in zork, f"outlet_basis {i} not literal"
    assert REPORT_FILE_STEM in zork, "the report file name is not shown literally"
    assert SOURCE_PAYLOAD in zork, "the gazetteer source is not shown literally"

    for name in NAMES:
        assert any(t.startswith(name) for t in popup_of.values()), f"no popup headed {name!r}"
        assert any(t.startswith(name) for t in tooltip_of.values()), f"no tooltip reading {name!r}"
    assert "Blorp" in " ".join(map(str, names_seen))


def test_manifest_fields_keep_unicode_line_separators(hmap):
    """U+2028 inside a quoted sources.csv field is part of the outlet name, not a line break."""
    hmap.click_place(ZORK_NAME.replace("<", "&lt;").replace(">", "&gt;"))
    text = hmap.open_popup_text()
    assert "Outlet \u2028 ${window.__xss=32}" in text, (
        "outlet read from sources.csv lost its U+2028: "
        + repr(re.findall(r"Outlet [^0-9][^·]{0,30}", text))
    )
    assert _xss(hmap) is None


def test_javascript_url_never_becomes_a_link(hmap):
    recs = hmap.js(JS_OPEN_EVERYTHING)
    all_hrefs = [h for r in recs for h in r.get("hrefs", [])]
    page_hrefs = hmap.page.evaluate("() => Array.from(document.querySelectorAll('[href]'), a => a.getAttribute('href'))")
    for h in all_hrefs + page_hrefs:
        assert not re.match(r"\s*(javascript|data|vbscript)\s*:", h.replace("\t", ""), re.I), h
    assert hmap.page.locator('a[href^="javascript" i]').count() == 0
    # The one http URL is a link whose href is exactly the URL (escaped, not broken out of).
    assert TRICKY_HTTP_URL in all_hrefs, f"http(s) URL missing or altered: {[h for h in all_hrefs if 'example' in h]}"


def test_title_legend_and_controls_show_text_literally(hmap):
    page = hmap.page
    assert page.locator("#sm-title h1").text_content() == TITLE
    legend = page.locator("#sm-legend").text_content()
    assert GAZ_FILE_NAME in legend
    assert _xss(hmap) is None


def test_searching_runs_nothing(hmap, page_log):
    page = hmap.page
    box = page.locator(".leaflet-control-search input.search-input")
    for query in ("Zork", "Qux", "Blorp", "<img", "${", "{{"):
        box.click()
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.keyboard.type(query, delay=60)
        page.wait_for_timeout(400)
        tips = page.locator(".leaflet-control-search .search-tooltip .search-tip")
        assert page.evaluate(
            "() => document.querySelectorAll('.search-tooltip img, .search-tooltip script,"
            " .search-tooltip svg, .search-tooltip iframe').length"
        ) == 0
        if tips.count():
            tips.first.click()
            page.wait_for_timeout(400)
        assert _xss(hmap) is None, f"a payload ran while searching {query!r}"
    assert page_log.dialogs == []


def test_search_shows_and_matches_names_literally(hmap):
    """The result list and the search box show the place's real name, and typing the real name
    finds it (not its HTML-escaped form, e.g. 'Zork &lt;img ...')."""
    page = hmap.page
    box = page.locator(".leaflet-control-search input.search-input")
    box.click()
    page.keyboard.type("Zork", delay=80)
    tips = page.locator(".leaflet-control-search .search-tooltip .search-tip")
    tips.first.wait_for(state="visible", timeout=5000)
    assert tips.first.text_content() == ZORK_NAME
    tips.first.click()
    page.wait_for_timeout(500)
    assert box.input_value() == ZORK_NAME, "the search box shows the name HTML-escaped"
    assert _xss(hmap) is None

    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type("Zork <im", delay=80)
    page.wait_for_timeout(500)
    texts = tips.all_text_contents()
    assert ZORK_NAME in texts, f"typing the literal name finds nothing: {texts}"

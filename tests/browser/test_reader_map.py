"""The map as a reader uses it: who holds a place as of the day shown, since when, who says so;
what changed; the first view; phone, print and search. Real Chromium, offline.

Two maps: a small made-up history (always), and the development set of 36 reports of the
offensive (``../shared/devset``; skipped where it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT, build_map_into, default_gazetteer

DEVSET = ROOT.parent / "shared" / "devset" / "reports"
SYRIA = (32.3, 35.7, 37.3, 42.4)   # south, west, north, east (Natural Earth outline, rounded)
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 900}

HISTORY = {
    "r1.txt": " date 2024-12-01\nThe army said its forces repelled a rebel attack on Hama. "
              "Rebels captured Saraqib, the rebels said.\n",
    "r2.txt": " date 2024-12-03\nRebels entered Hama on Tuesday and clashed with government troops in the "
              "streets, a monitor said. The army said it still controls Hama.\n",
    "r3.txt": " date 2024-12-05\nHama fell to the rebels on Thursday. The army said its units withdrew from the city.\n",
    "r4.txt": " date 2024-12-06\nThe rebels said they control all of Hama.\n",
}


@pytest.fixture(scope="module")
def history_map(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("history")
    reports = base / "r"
    reports.mkdir()
    for name, text in HISTORY.items():
        (reports / name).write_text(text, encoding="utf-8")
    return build_map_into(base / "o", reports, default_gazetteer())


@pytest.fixture(scope="module")
def devset_map(tmp_path_factory) -> Path:
    if not DEVSET.is_dir():
        pytest.skip(f"no development set at {DEVSET}")
    return build_map_into(tmp_path_factory.mktemp("devset") / "o", DEVSET, default_gazetteer())


def marker_state(m, name: str) -> dict:
    """The class and inline style of a place's circle, and its popup's state line, now."""
    return m.js_places(
        """(map, markers, name) => {
             const l = markers.find(x => x.feature.properties.name === name);
             const div = document.createElement('div');
             div.innerHTML = l.feature.properties.icon;
             const gp = div.querySelector('.gp');
             const pop = l.getPopup()._content(l);
             return {cls: gp.className, style: gp.getAttribute('style'), badge: +gp.querySelector('b').textContent,
                     head: pop.querySelector('.st').textContent,
                     claims: Array.from(pop.querySelectorAll('.c[data-date]')).map(c => c.dataset.date),
                     arts: Array.from(pop.querySelectorAll('.art[data-date]')).map(c => c.dataset.date)};
           }""", name)


def colour_of(m, actor_label: str) -> str:
    return m.page.evaluate(
        """(label) => { const rows = Array.from(document.querySelectorAll('#sm-legend .lg-row'));
             const r = rows.find(x => x.textContent.trim() === label);
             return r ? r.querySelector('.sw').getAttribute('style').replace('background:', '') : null; }""",
        actor_label)


# A made-up history ---------------------------------------------------------------------------

def test_state_follows_the_slider_held_contested_then_held_by_the_other_side(open_map, history_map):
    m = open_map(history_map)
    gov, opp = colour_of(m, "Syrian government"), colour_of(m, "Opposition / HTS-led rebels")
    assert gov and opp and gov != opp
    m.set_day("2024-12-01")
    st = marker_state(m, "Hama")
    assert "held" in st["cls"] and gov in st["style"]
    assert st["head"].startswith("Syrian government since 2024-12-01")
    assert st["claims"] == ["2024-12-01"] and st["arts"] == ["2024-12-01"]   # nothing later shown
    assert st["badge"] == 1                                                   # articles up to the day
    m.set_day("2024-12-02")            # a day without reports: the state of the day before
    assert gov in marker_state(m, "Hama")["style"]
    m.set_day("2024-12-03")
    st = marker_state(m, "Hama")
    assert "contested" in st["cls"] and gov in st["style"] and opp in st["style"]
    assert st["head"].startswith("Contested")
    m.set_day("2024-12-06")
    st = marker_state(m, "Hama")
    assert "held" in st["cls"] and opp in st["style"]
    assert "since 2024-12-05" in st["head"] and "before: contested" in st["head"]
    assert st["claims"][0] == "2024-12-06" and st["badge"] == 4
    # the slider runs over calendar days, and days without reports are marked as gaps
    ticks = m.page.evaluate("() => Array.from(document.querySelectorAll('#sm-ticks span')).map(t => t.className)")
    assert ticks == ["r", "gap", "r", "gap", "r", "r"]
    # title, legend and slider say the same day
    assert m.page.locator("#sm-asof").inner_text() == "2024-12-06"
    assert m.page.locator("#sm-claim-date-label").inner_text() == "2024-12-06"
    assert "2024-12-06" in m.page.locator("#sm-legend summary").inner_text()


def test_changed_list_follows_the_slider_and_opens_the_place(open_map, history_map):
    m = open_map(history_map)
    m.set_day("2024-12-05")
    panel = m.page.locator("#sm-changes")
    text = panel.inner_text()
    assert "Hama" in text and "contested" in text and "held by Opposition" in text
    m.set_day("2024-12-02")
    assert "no change" in panel.inner_text()
    m.set_day("2024-12-05")
    panel.locator("button", has_text="Hama").click()
    assert "Hama" in m.open_popup_text(fade_ms=400)


def test_places_first_named_later_are_hidden_until_their_day(open_map, tmp_path):
    reports = tmp_path / "r"
    reports.mkdir()
    (reports / "a.txt").write_text(" date 2024-12-01\nFighting was reported near Saraqib.\n", encoding="utf-8")
    (reports / "b.txt").write_text(" date 2024-12-04\nShelling hit Hama overnight.\n", encoding="utf-8")
    m = open_map(build_map_into(tmp_path / "o", reports, default_gazetteer()))
    count = "(map) => { let n = 0; map.smPlaces.eachLayer(() => n++); return n; }"
    assert m.js(count) == 2
    m.set_day("2024-12-02")
    assert m.js(count) == 1


def test_a_base_nobody_claims_is_drawn_in_the_legends_neutral_colour_not_a_forces(open_map, tmp_path):
    """Colour on the map means a force: a military base or airbase named with no claim is drawn like any
    unclaimed place (the legend's "named in reports, no control claim"), not in a red a reader takes for
    the government's."""
    reports = tmp_path / "r"
    reports.mkdir()
    (reports / "a.txt").write_text(" date 2024-12-01\nA convoy passed near al-Tanf and Kuweires on Sunday.\n",
                                   encoding="utf-8")
    m = open_map(build_map_into(tmp_path / "o", reports, default_gazetteer()))
    got = m.js_places(
        """(map, markers) => markers.map(l => {
             const div = document.createElement('div');
             div.innerHTML = l.feature.properties.icon;
             document.body.appendChild(div);
             const gp = div.querySelector('.gp'), cs = getComputedStyle(gp);
             const out = [l.feature.properties.name, gp.className, cs.borderTopColor, cs.color];
             div.remove();
             return out; })""")
    legend = m.page.evaluate("() => getComputedStyle(document.querySelector('#sm-legend .sw.none')).borderTopColor")
    forces = m.page.evaluate(
        "() => Array.from(document.querySelectorAll('#sm-legend .lg-row .sw'))"
        "        .filter(s => !s.classList.contains('none')).map(s => getComputedStyle(s).backgroundColor)")
    assert {name for name, *_ in got} == {"al-Tanf", "Kuweires Military Airbase"}
    for name, cls, border, colour in got:
        assert cls == "gp none" and border == legend == colour, (name, border, colour, legend)
        assert border not in forces, name


def test_search_finds_other_spellings_and_opens_the_popup(open_map, history_map):
    m = open_map(history_map)
    page = m.page
    box = page.locator(".sm-search input.search-input")
    box.click()
    page.keyboard.type("Hamah", delay=60)
    tips = page.locator(".sm-search .search-tip")
    tips.first.wait_for(state="visible", timeout=5000)
    assert tips.first.inner_text() == "Hama (Hamah)"
    tips.first.click()
    assert m.open_popup_text(fade_ms=400).startswith("Hama")


def test_markers_have_accessible_names_and_take_the_keyboard(open_map, history_map):
    m = open_map(history_map)
    names = m.page.evaluate(
        "() => Array.from(document.querySelectorAll('.leaflet-marker-icon.gp-wrap'))"
        ".map(e => [e.getAttribute('aria-label'), e.tabIndex])")
    assert names and all(n and n.startswith(("Hama", "Saraqib")) and t == 0 for n, t in names), names
    assert any("held by Opposition" in n for n, _ in names)


# The development set --------------------------------------------------------------------------

@pytest.fixture
def wide(page):
    page.set_viewport_size(DESKTOP)
    return page


def test_first_view_is_syria_with_labels(open_map, devset_map, wide):
    m = open_map(devset_map)
    b = m.js("(map) => { const b = map.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }")
    s, w, n, e = SYRIA
    # Syria's outline fills the view: all of it inside, and it spans most of the view's height or width
    assert b[0] <= s + 0.6 and b[1] <= w + 0.6 and b[2] >= n - 0.6 and b[3] >= e - 0.6, b
    assert (n - s) / (b[2] - b[0]) > 0.5 or (e - w) / (b[3] - b[1]) > 0.5, b
    labels = m.page.evaluate("() => Array.from(document.querySelectorAll('.leaflet-marker-icon .lbl'))"
                             ".map(l => l.textContent)")
    joined = " ".join(labels)
    for name in ("Aleppo", "Hama", "Homs", "Damascus"):
        assert name in joined, labels


@pytest.mark.parametrize("name", ["Aleppo", "Hama", "Homs"])
def test_main_cities_open_one_popup_with_the_state_first(open_map, devset_map, wide, name):
    m = open_map(devset_map)
    m.click_place(name)
    m.open_popup_text(fade_ms=600)
    pops = m.page.locator(".leaflet-popup-content .pp")
    assert pops.count() == 1 and pops.locator("h4").inner_text() == name
    head = pops.locator(".st").inner_text()
    assert " since 2024-12-" in head or " since 2024-11-" in head, head
    assert "outlet" in head and "side" in head, head


def test_hama_changes_from_government_to_opposition(open_map, devset_map, wide):
    m = open_map(devset_map)
    gov, opp = colour_of(m, "Syrian government"), colour_of(m, "Opposition / HTS-led rebels")
    m.set_day("2024-12-03")
    assert gov in marker_state(m, "Hama")["style"]
    m.set_day("2024-12-08")
    st = marker_state(m, "Hama")
    assert opp in st["style"] and "held" in st["cls"]
    m.set_day("2024-12-05")
    assert "Hama" in m.page.locator("#sm-changes").inner_text()


def test_phone_layout_panels_fold_and_popups_fit(open_map, devset_map, page):
    page.set_viewport_size(PHONE)
    m = open_map(devset_map)
    area = page.evaluate(
        """() => {
             let sum = 0;
             document.querySelectorAll('.sm-panel, .leaflet-control').forEach(el => {
               const r = el.getBoundingClientRect();
               if (getComputedStyle(el).display === 'none' || !r.width) return;
               const w = Math.min(r.right, innerWidth) - Math.max(r.left, 0);
               const h = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
               if (w > 0 && h > 0) sum += w * h;
             });
             return sum / (innerWidth * innerHeight);
           }""")
    assert area <= 0.25, f"panels cover {area:.0%} of a 390x844 screen"
    for name in ("Aleppo", "Hama"):
        m.click_place(name)
        m.open_popup_text(fade_ms=700)
        r = page.evaluate("() => { const r = document.querySelector('.leaflet-popup').getBoundingClientRect();"
                          " return [r.left, r.top, r.right, r.bottom]; }")
        assert r[0] >= 0 and r[1] >= 0 and r[2] <= PHONE["width"] and r[3] <= PHONE["height"], (name, r)
        m.js("(map) => { map.closePopup(); }")


def test_a4_landscape_print_shows_syria_and_the_claims(open_map, devset_map, page):
    page.set_viewport_size({"width": 1123, "height": 794})   # A4 landscape at 96 dpi
    m = open_map(devset_map)
    page.emulate_media(media="print")
    page.wait_for_timeout(500)
    b = m.js("(map) => { const b = map.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }")
    s, w, n, e = SYRIA
    assert b[0] <= s + 1 and b[1] <= w + 1 and b[2] >= n - 1 and b[3] >= e - 1, b
    listing = page.locator("#sm-print")
    assert listing.is_visible()
    text = listing.inner_text()
    assert "Hama" in text and "held by Opposition" in text
    assert not page.locator(".sm-search").is_visible() and not page.locator(".leaflet-control-zoom").is_visible()
    pdf = page.pdf(format="A4", landscape=True)
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000


def test_a_crowded_place_is_reachable_with_real_clicks(open_map, devset_map, wide):
    """At the first view Aleppo shares a cluster with its airport, citadel and districts: a real
    click on the cluster zooms in, and within a few clicks Aleppo's own marker opens its popup."""
    m = open_map(devset_map)
    page = m.page
    for _ in range(6):
        target = m.js_places(
            """(map, markers) => {
                 const a = markers.find(l => l.feature.properties.name === 'Aleppo');
                 const el = a._icon || map.smPlaces.getVisibleParent(a)._icon;
                 const r = el.getBoundingClientRect();
                 return {own: !!a._icon, x: r.x + r.width / 2, y: r.y + r.height / 2};
               }""")
        page.mouse.click(target["x"], target["y"])
        page.wait_for_timeout(500)
        if target["own"]:
            break
    assert target["own"], "Aleppo's marker never came out of its cluster"
    assert m.open_popup_text(fade_ms=300).startswith("Aleppo")


def test_report_text_is_readable_in_the_page_without_the_files(open_map, tmp_path):
    """The map sent on alone (no report files beside it) still shows each report's text,
    as text: markup in a report stays literal."""
    reports = tmp_path / "r"
    reports.mkdir()
    body = "Rebels captured Saraqib, the rebels said. <img src=x onerror=window.__xss=1> {{7*7}}"
    (reports / "a.txt").write_text(f" date 2024-12-01\n{body}\n", encoding="utf-8")
    html = build_map_into(tmp_path / "o", reports, default_gazetteer())
    alone = tmp_path / "sent" / "map.html"
    alone.parent.mkdir()
    alone.write_bytes(html.read_bytes())
    m = open_map(alone)
    m.click_place("Saraqib")
    m.open_popup_text(fade_ms=400)
    m.page.locator(".leaflet-popup a.sm-read").first.click()
    reader = m.page.locator("#sm-reader")
    reader.wait_for(state="visible", timeout=3000)
    assert m.page.locator("#sm-reader-text").inner_text().strip() == body
    assert m.page.locator("#sm-reader-text img").count() == 0
    assert m.page.evaluate("() => window.__xss") is None
    m.page.keyboard.press("Escape")
    assert not reader.is_visible()


def test_estimated_areas_layer_turns_on_follows_the_slider_and_lists_its_places(open_map, history_map):
    m = open_map(history_map)
    page = m.page
    assert m.js("(map) => map.hasLayer(map.smAreas)") is False          # off at first
    page.locator(".leaflet-control-layers label", has_text="Estimated control").locator("input").check()
    assert m.js("(map) => map.hasLayer(map.smAreas)") is True
    gov, opp = colour_of(m, "Syrian government"), colour_of(m, "Opposition / HTS-led rebels")

    def hama_area():
        return m.js("""(map) => { const hit = [];
            map.smAreas.eachLayer(l => { if (l.getBounds().contains([35.13, 36.757])) hit.push(l.options.fillColor); });
            return hit; }""")

    m.set_day("2024-12-01")
    assert hama_area() == [gov]
    m.set_day("2024-12-06")
    assert hama_area() == [opp]
    # a real click on the area, south of Hama's marker, opens the list of places it rests on
    m.js("(map) => { map.setView([35.13, 36.757], 10, {animate: false}); }")
    page.wait_for_timeout(300)
    pt = m.js("(map) => map.latLngToContainerPoint([35.0, 36.757])")
    box = page.locator(".leaflet-container").first.bounding_box()
    page.mouse.click(box["x"] + pt["x"], box["y"] + pt["y"])
    text = m.open_popup_text(fade_ms=400)
    assert text.startswith("Estimated area: Opposition") and "Hama" in text and "estimate" in text


def test_past_the_page_budget_older_areas_are_left_out_and_the_legend_says_so(open_map, tmp_path, monkeypatch):
    from geo.mapping import page as page_data

    reports = tmp_path / "r"
    reports.mkdir()
    for name, text in HISTORY.items():
        (reports / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(page_data, "AREA_COORDINATES", 1)   # only the newest day's estimate fits
    m = open_map(build_map_into(tmp_path / "o", reports, default_gazetteer()))
    newest = m.js("(map) => JSON.parse(document.getElementById('sm-data').textContent).areasFrom")
    assert newest and newest > "2024-12-01"
    m.page.locator(".leaflet-control-layers label", has_text="Estimated control").locator("input").check()
    note = m.page.locator("#sm-areas-note")
    m.set_day("2024-12-01")
    assert m.js("(map) => map.smAreas.getLayers().length") == 0
    assert note.is_visible() and f"drawn from {newest} on" in note.inner_text() and "areas.geojson" in note.inner_text()
    m.set_day(newest)
    assert m.js("(map) => map.smAreas.getLayers().length") > 0
    assert not note.is_visible()


def test_past_the_page_budget_a_place_left_out_says_where_its_articles_and_claims_are(open_map, tmp_path,
                                                                                      monkeypatch):
    from geo.mapping import page as page_data

    reports = tmp_path / "r"
    reports.mkdir()
    for name, text in HISTORY.items():
        (reports / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(page_data, "PLACE_POPUPS_CHARS", 1)
    monkeypatch.setattr(page_data, "CLAIM_POPUPS_CHARS", 1)
    m = open_map(build_map_into(tmp_path / "o", reports, default_gazetteer()))
    m.click_place("Hama")
    text = m.open_popup_text(fade_ms=400)
    assert text.startswith("Hama")
    assert "left out of this page (too many places): claims.geojson has every one" in text
    assert "left out of this page (too many places): places.geojson has every mention" in text


@pytest.fixture(scope="module")
def samples_map(tmp_path_factory) -> Path:
    return build_map_into(tmp_path_factory.mktemp("samples"), ROOT / "seeds", default_gazetteer())


@pytest.mark.parametrize("which,place_id,name", [("samples", "aleppo", "Aleppo"), ("samples", "hama", "Hama"),
                                                 ("devset", "anjara", "Anjara"), ("devset", "aleppo", "Aleppo")])
def test_a_place_chosen_as_the_page_opens_shows_its_popup(samples_map, devset_map, wide, which, place_id, name):
    """A place chosen in the search box the moment the map opens still gets its popup: the page
    does not wait for the end of a cluster zoom that may never be announced."""
    page = wide
    page.goto(Path(samples_map if which == "samples" else devset_map).resolve().as_uri(), wait_until="load")
    page.wait_for_function("() => document.querySelectorAll('.leaflet-marker-icon').length > 0", polling=10)
    page.evaluate(f"() => Object.values(window).find(v => v && v.smOpen).smOpen('{place_id}')")
    head = page.locator(".leaflet-popup-content .pp h4")
    head.wait_for(timeout=3000)
    assert head.inner_text() == name

"""The day slider in Chromium: a place's marker and popup follow the chosen day."""

from .conftest import build_map_into, default_gazetteer


def test_slider_shows_claims_as_of_the_chosen_day(tmp_path, open_map):
    reports = tmp_path / "r"
    reports.mkdir()
    (reports / "a.txt").write_text(" date 2024-11-29\nRebels captured Saraqib, the rebels said.", encoding="utf-8")
    (reports / "b.txt").write_text(" date 2024-12-01\nThe army said it retook Saraqib.", encoding="utf-8")
    html = build_map_into(tmp_path / "o", reports, default_gazetteer())
    m = open_map(html)
    page = m.page

    def state():
        return m.js_places("(map, markers) => markers.map(l => { const d = document.createElement('div');"
                           " d.innerHTML = l.feature.properties.icon; return d.querySelector('.gp').className; })")

    def head():
        return m.js_places("(map, markers) => markers[0].getPopup()._content(markers[0]).querySelector('.st').textContent")

    # as of 2024-12-01 the army's retake is the newest claim: it changed hands, not contested
    # (faded: the army's word alone)
    assert state() == ["gp held low"]
    assert head().startswith("Syrian government since 2024-12-01")
    page.evaluate("() => { const s = document.getElementById('sm-claim-date'); s.value = 0;"
                  " s.dispatchEvent(new Event('input')); }")
    assert page.locator("#sm-claim-date-label").text_content() == "2024-11-29"
    assert state() == ["gp held low"]            # only the rebels' own claim so far: one source
    assert head().startswith("Opposition / HTS-led rebels since 2024-11-29")
    m.click_place("Saraqib")
    page.wait_for_timeout(500)
    visible = page.evaluate("() => Array.from(document.querySelectorAll('.leaflet-popup .c'))"
                            ".map(e => e.dataset.date)")
    assert visible == ["2024-11-29"]

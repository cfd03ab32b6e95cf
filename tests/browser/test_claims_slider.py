"""The control-claims date slider in Chromium: the marker and the popup follow the chosen day."""

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
        return page.evaluate("() => Array.from(document.querySelectorAll('.cm')).map(e => e.className)")

    assert state() == ["cm contested"]           # as of 2024-12-01 both claims: contested
    page.evaluate("() => { const s = document.getElementById('sm-claim-date'); s.value = 0;"
                  " s.dispatchEvent(new Event('input')); }")
    assert page.locator("#sm-claim-date-label").text_content() == "2024-11-29"
    assert state() == ["cm hold"]                # only the rebels' claim so far
    page.locator(".cm").click()
    page.wait_for_timeout(500)
    visible = page.evaluate("() => Array.from(document.querySelectorAll('.leaflet-popup .c'))"
                            ".filter(e => e.style.display !== 'none').map(e => e.dataset.date)")
    assert visible == ["2024-11-29"]

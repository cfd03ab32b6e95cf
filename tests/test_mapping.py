"""Popup HTML: newest first, capped for readability, escaped."""


from geo.mapping import POPUP_ARTICLES, popup_html
from geo.model import Report


def test_popup_newest_first_and_capped(tmp_path):
    n = POPUP_ARTICLES + 5
    reports = {f"r{i:02d}": Report(f"r{i:02d}", tmp_path / f"r{i:02d}.txt", "", "x", f"2024-12-{i % 28 + 1:02d}",
                                  f"Outlet {i}", "", "") for i in range(n)}
    mentions = [{"article": a, "sentence": "Rebels entered Hama <b>.", "sentence_start": 0, "start": 15,
                 "end": 19} for a in reports]
    html = popup_html({"name": "Hama", "kind": "city", "articles": list(reports), "mentions": mentions,
                       "precision_km": 4, "source": "manual"}, reports, tmp_path)
    assert html.count('<div class="art') == POPUP_ARTICLES + 1
    assert 'data-date="2024-12-28"' in html   # the page hides articles after the day shown
    assert "and 5 older article(s)" in html
    first = html.index("2024-12-28")
    assert first < html.index("2024-12-10")
    assert "2024-12-01" not in html  # the oldest were cut
    assert '<mark class="hl">Hama</mark>' in html and "&lt;b&gt;" in html and "<b>." not in html


def test_days_are_calendar_days_with_gaps():
    from geo.state import calendar_days as _days

    assert _days(["2024-12-01", "", "2024-12-04", "2024-12-01"]) == [
        "2024-12-01", "2024-12-02", "2024-12-03", "2024-12-04"]
    assert _days([""]) == [] and _days(["2024-13-45"]) == []


def test_actor_colours_from_the_vocabulary_cannot_carry_css():
    from geo.mapping import safe_colour

    assert safe_colour("#2ca02c") == "#2ca02c" and safe_colour("teal") == "teal"
    assert safe_colour("red;background:url(//x)") == "#888888"
    assert safe_colour('"><script>') == "#888888"


def test_first_view_frames_the_main_country_not_far_capitals():
    from geo.mapping.page import _bounds

    places = [
        {"id": "aleppo", "lat": 36.2, "lon": 37.16, "n": 9, "country": "SY", "claimed": 1},
        {"id": "daraa", "lat": 32.62, "lon": 36.1, "n": 2, "country": "SY", "claimed": 0},
        {"id": "moscow", "lat": 55.75, "lon": 37.6, "n": 1, "country": "RU", "claimed": 0},
        {"id": "ankara", "lat": 39.9, "lon": 32.85, "n": 3, "country": "TR", "claimed": 0},
    ]
    assert _bounds(places, []) == [[32.62, 36.1], [36.2, 37.16]]
    # a place with claims abroad is part of the war
    places[3]["claimed"] = 1
    assert _bounds(places, []) == [[32.62, 32.85], [39.9, 37.16]]


def test_page_data_cannot_end_its_script_element():
    import json

    from geo.mapping import script_json

    data = {"a": "x</script><script>alert(1)</script>", "b": ["<!--<script>", "</SCRIPT >", "\u2028"],
            "c": "<\\/ and \\u003c stay as written"}
    data["d"] = {"{{7*7}}": "{% if 1 %}x{% endif %}", "e": [{"f": "}"}]}
    text = script_json(data)
    assert "</" not in text and "<!--" not in text and "{{" not in text and "{%" not in text
    assert json.loads(text) == data


def test_popup_lists_a_bounded_number_of_sentences_per_article(tmp_path):
    from geo.mapping import POPUP_SENTENCES

    rep = Report("r1", tmp_path / "r1.txt", "", "x", "2024-12-01", "Outlet", "", "")
    mentions = [{"article": "r1", "sentence": f"Hama was shelled again ({i}).", "sentence_start": 100 * i,
                 "start": 100 * i, "end": 100 * i + 4} for i in range(POPUP_SENTENCES + 6)]
    html = popup_html({"name": "Hama", "kind": "city", "articles": ["r1"], "mentions": mentions}, {"r1": rep}, tmp_path)
    assert html.count('<mark class="hl">Hama</mark>') == POPUP_SENTENCES
    assert "and 6 more sentence(s) in this article" in html


def test_state_wording_of_python_and_the_page_script_agree():
    """Python writes states into the area popups and the "changed on" list; map.js writes them
    everywhere else. Both must use the same phrases (geo.mapping.wording)."""
    import re

    from geo.mapping import wording
    from geo.mapping.static import asset_text

    js = asset_text("map.js")
    short = re.search(r"function stateShort\(st\) \{(.*?)\n\}", js, re.S).group(1)
    describe = re.search(r"function describe\(key\) \{(.*?)\n\}", js, re.S).group(1)
    for phrase in (wording.HELD_BY, wording.SINCE, wording.PRESENT_SINCE, wording.ACTORS_JOINED_BY):
        assert f"'{phrase}'" in short, phrase
    assert f"'{wording.HELD_BY}'" in describe and f"'{wording.NO_CLAIMS}'" in describe


def test_the_changed_on_list_counts_reports_of_no_named_outlet():
    """A report whose outlet neither the manifest nor its text names is counted, not shown as an
    outlet called "unknown"."""
    from geo.claims.vocabulary import Actor
    from geo.mapping.popups import change_html
    from geo.model import Claim
    from geo.state import Change, PlaceState

    def claim(article, outlet):
        return Claim(article, outlet, "2024-12-05", "hama", "Hama", "opposition", "captured", outlet, "outlet",
                     "Rebels took Hama.", False, False, "took", 0, "gain")
    basis = (claim("a1", "Reuters"), claim("a2", "unknown"), claim("a3", "unknown"))
    st = PlaceState("hama", "2024-12-05", "held", "opposition", ("opposition",), "2024-12-05", False, "medium",
                    2, 1, 0, basis, 3)
    html = change_html(Change("2024-12-05", "hama", "", "held:opposition", st), "Hama",
                       {"opposition": Actor("opposition", "Rebels", "#2ca02c")})
    assert "unknown" not in html
    assert html.endswith("Reuters, 2 reports of no named outlet")

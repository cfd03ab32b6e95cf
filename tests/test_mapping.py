"""Popup HTML: newest first, capped for readability, escaped."""

from pathlib import Path

from geo.mapping import POPUP_ARTICLES, popup_html
from geo.reports import Report


def test_popup_newest_first_and_capped(tmp_path):
    n = POPUP_ARTICLES + 5
    reports = {f"r{i:02d}": Report(f"r{i:02d}", tmp_path / f"r{i:02d}.txt", "", "x", f"2024-12-{i % 28 + 1:02d}",
                                  f"Outlet {i}", "", "") for i in range(n)}
    mentions = [{"article": a, "sentence": "Rebels entered Hama <b>.", "sentence_start": 0, "start": 15,
                 "end": 19} for a in reports]
    html = popup_html({"name": "Hama", "kind": "city", "articles": list(reports), "mentions": mentions,
                       "precision_km": 4, "source": "manual"}, reports, tmp_path)
    assert html.count('<div class="art">') == POPUP_ARTICLES + 1
    assert "and 5 older article(s)" in html
    first = html.index("2024-12-28")
    assert first < html.index("2024-12-10")
    assert "2024-12-01" not in html  # the oldest were cut
    assert '<mark class="hl">Hama</mark>' in html and "&lt;b&gt;" in html and "<b>." not in html

"""A map of many places stays small enough to open: popups and areas share a page budget, the
largest cut first and all to the same size; under the budget nothing changes."""

import json
import re

from helpers import ROOT

import build_map
from geo.mapping import page, popup_html
from geo.mapping.budget import MIN_POPUP_CHARS, fair_cap, fit
from geo.mapping.popups import NOTES_CHARS
from geo.model import Report


def test_fair_cap_cuts_only_the_largest_and_keeps_the_sum():
    assert fair_cap([100, 200, 300], 600) is None            # fits whole: nothing cut
    cap = fair_cap([1000, 1000, 5000, 9000], 9000)
    assert cap == 3500                                      # 1000 + 1000 + 3500 + 3500
    assert sum(min(s, cap) for s in [1000, 1000, 5000, 9000]) <= 9000
    # many items: never under the floor, even when the sum then passes the budget
    assert fair_cap([5000] * 100, 1000) == MIN_POPUP_CHARS


def test_fit_rebuilds_only_items_over_the_cap():
    items = ["a" * 700, "b" * 5000, "c" * 9000]
    out = fit(items, 7000, lambda i, cap: items[i][:cap], [2, 1, 0])
    assert out[0] == items[0]
    assert len(out[1]) == len(out[2]) == (7000 - 700) // 2
    assert fit(items, 10**6, lambda i, cap: "", [0, 1, 2]) is items


def test_past_the_floor_the_first_ranked_keep_the_floor_and_the_rest_are_left_out():
    items = ["x" * 5000 for _ in range(10)] + ["y" * 100]
    rank = [10] + list(range(9, -1, -1))          # the small one first, then the last ones
    out = fit(items, 3 * MIN_POPUP_CHARS + 100, lambda i, cap: items[i][:cap], rank)
    assert out[10] == items[10]                   # small and first: whole
    assert [len(x) for x in out[:10]] == [0] * 7 + [MIN_POPUP_CHARS] * 3
    assert sum(map(len, out)) <= 3 * MIN_POPUP_CHARS + 100


def _many_articles(tmp_path, n):
    reports = {f"r{i:02d}": Report(f"r{i:02d}", tmp_path / f"r{i:02d}.txt", "", "x", f"2024-12-{i % 28 + 1:02d}",
                                  f"Outlet {i}", "", "") for i in range(n)}
    mentions = [{"article": a, "sentence": f"Rebels entered Hama from the north ({a}).", "sentence_start": 0,
                 "start": 15, "end": 19} for a in reports]
    row = {"name": "Hama", "kind": "city", "articles": list(reports), "mentions": mentions}
    return row, reports


def test_a_popup_within_a_budget_keeps_the_newest_and_says_where_the_rest_is(tmp_path):
    row, reports = _many_articles(tmp_path, 20)
    whole = popup_html(row, reports, tmp_path)
    cut = popup_html(row, reports, tmp_path, budget=len(whole) // 4)
    shown = cut.count('<div class="art" ')
    assert 1 <= shown < 20 and len(cut) < len(whole) // 3
    assert f"and {20 - shown} older article(s): every mention is in places.geojson" in cut
    assert cut.startswith(whole[:len(whole) // 8])   # the same newest articles, in the same order
    # a budget smaller than one article still shows the newest article's first sentence
    tiny = popup_html(row, reports, tmp_path, budget=10)
    assert tiny.count('<mark class="hl">Hama</mark>') == 1 and "2024-12-20" in tiny
    assert popup_html(row, reports, tmp_path, budget=len(whole) + NOTES_CHARS) == whole


def test_the_page_draws_the_newest_days_of_areas_that_fit_and_says_from_when(monkeypatch):
    spans = [("2024-12-01", "2024-12-01", 40), ("2024-12-01", "2024-12-01", 30), ("2024-12-02", "2024-12-03", 50),
             ("2024-12-04", "2024-12-04", 60)]
    assert page.drawn_since(spans) == ""            # all fit: every day is drawn
    monkeypatch.setattr(page, "AREA_COORDINATES", 120)
    assert page.drawn_since(spans) == "2024-12-02"  # 60 + 50 fit; the 70 points of Dec 1 do not
    monkeypatch.setattr(page, "AREA_COORDINATES", 10)
    assert page.drawn_since(spans) == "2024-12-04"  # the newest day is always drawn


def _build_samples(out):
    """The sample reports built into ``out``: (page data, places.geojson bytes, claims.geojson bytes)."""
    assert build_map.main(["--reports", str(ROOT / "seeds"), "--out-dir", str(out), "--no-cache", "--cdn"]) == 0
    html = (out / "situation_map.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="sm-data">(.*?)</script>', html, re.S).group(1))
    return data, (out / "places.geojson").read_bytes(), (out / "claims.geojson").read_bytes()


def test_a_build_past_its_page_budget_cuts_the_page_not_the_exports(tmp_path, monkeypatch):
    build = _build_samples

    whole, places_whole, claims_whole = build(tmp_path / "whole")
    popups = sum(len(p.get("popup", "")) for p in whole["places"])
    claims = sum(len(c) for c in whole["claims"].values())
    monkeypatch.setattr(page, "PLACE_POPUPS_CHARS", popups // 2)
    monkeypatch.setattr(page, "CLAIM_POPUPS_CHARS", claims // 2)
    cut, places_cut, claims_cut = build(tmp_path / "cut")
    assert sum(len(p.get("popup", "")) for p in cut["places"]) <= popups // 2
    assert sum(len(c) for c in cut["claims"].values()) <= claims // 2
    assert "every mention is in places.geojson" in "".join(p.get("popup", "") for p in cut["places"])
    assert "all are in claims.geojson" in "".join(cut["claims"].values())
    # the small places are whole, every place keeps a popup, and the exports keep everything
    assert [bool(p.get("popup")) for p in cut["places"]] == [bool(p.get("popup")) for p in whole["places"]]
    smallest = min(whole["places"], key=lambda p: len(p.get("popup", "")) or 10**9)
    assert next(p for p in cut["places"] if p["id"] == smallest["id"])["popup"] == smallest["popup"]
    assert places_cut == places_whole and claims_cut == claims_whole


def test_a_day_of_many_changes_lists_the_most_claimed_and_counts_the_rest(monkeypatch):
    from geo.state import Change, PlaceState

    def change(day, pid, claims):
        st = PlaceState(place_id=pid, date=day, state="held", controller="opposition", actors=("opposition",),
                        since=day, disputed=False, confidence="medium", outlets=1, sides=1, admissions=0, basis=(),
                        claim_count=claims)
        return Change(day, pid, "", st.key, st)

    monkeypatch.setattr(page, "CHANGES_PER_DAY", 2)
    changes = [change("2024-12-01", "a", 1), change("2024-12-01", "b", 5), change("2024-12-01", "c", 3),
               change("2024-12-02", "d", 1)]
    out = page._change_lists(changes, {}, {})
    assert [(c[0], c[1]) for c in out["changes"]] == [("2024-12-01", "b"), ("2024-12-01", "c"), ("2024-12-02", "d")]
    assert out["changesMore"] == {"2024-12-01": 1}


def test_the_popups_get_what_the_rest_of_the_page_leaves(tmp_path, monkeypatch):
    def popups(out):
        return sum(len(p.get("popup", "")) for p in _build_samples(out)[0]["places"])

    whole = popups(tmp_path / "whole")
    monkeypatch.setattr(page, "PAGE_DATA_CHARS", 0)              # the rest already fills the page
    monkeypatch.setattr(page, "MIN_PLACE_POPUPS_CHARS", whole // 2)
    assert popups(tmp_path / "cut") <= whole // 2

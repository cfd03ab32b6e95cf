"""The page data: everything the page script (geo/data/map.js) needs, computed once here and
embedded in the page as JSON.

Strings in it are escaped HTML (``geo.safe.esc``), or plain text that the page only ever sets
as text. ``script_json`` writes it so that it cannot end its ``<script>`` element nor read as
a template.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import shapely

from ..model import Claim, Entry, Report
from ..safe import esc
from ..state import Change, PlaceState, calendar_days
from .budget import (
    AREA_COORDINATES,
    CHANGES_PER_DAY,
    CLAIM_POPUPS_CHARS,
    JSON_GROWTH,
    MIN_PLACE_POPUPS_CHARS,
    PAGE_DATA_CHARS,
    PLACE_POPUPS_CHARS,
    fit,
)
from .inputs import Actors, ClaimsInput, MapInfo
from .popups import area_popup_html, change_html, claims_html, place_meta, popup_html
from .style import NO_LABEL_KINDS, kind_style, safe_colour
from .wording import actor_name

if TYPE_CHECKING:
    from ..areas import Estimate

MAIN_LABELS = 12          # places labelled on the map without hovering
MAX_ALIASES = 20          # aliases per place offered by the search box
PLACE_DIGITS = 6          # decimals of a place's latitude and longitude (about 0.1 m)
AREA_DIGITS = 4           # decimals of an estimated area's coordinates (about 10 m)
FRONT_DIGITS = 5          # decimals of an estimated front's coordinates (about 1 m)
REPORT_TEXT_CAP = 20_000      # characters of one report kept in the page, to read it offline
REPORT_TEXTS_CAP = 1_000_000  # characters of all reports kept in the page (newest reports first)


def page_data(rows: list[dict], reports: Mapping[str, Report], out_dir: Path, info: MapInfo,
              claims: ClaimsInput | None) -> dict:
    """Everything the page script needs, computed here once: places, their states over time,
    claims, changes, the days of the slider and the first view."""
    lines = claims.lines if claims else {}
    actors = claims.actors if claims else {}
    labels = claims.labels if claims else {}
    by_place_claims: dict[str, list[Claim]] = {}
    for c in (claims.claims if claims else []):
        by_place_claims.setdefault(c.place_id, []).append(c)
    places = _places(rows, reports, out_dir, claims)
    days = calendar_days([r.date for r in reports.values()] + [c.date for cs in by_place_claims.values() for c in cs])
    report_days = sorted({r.date for r in reports.values() if r.date})
    names = {p["id"]: p["name"] for p in places}   # escaped id -> escaped name
    bounds = _bounds(places, rows)
    popups = [p.pop("popup") for p in places[:len(rows)]]   # the mentioned places' popups, fitted last
    data = {
        "actors": {esc(a): [esc(x.label), safe_colour(x.colour)] for a, x in sorted(actors.items())},
        "places": [_compact(p) for p in places],
        "states": {esc(pid): [_state_row(st) for st in tl] for pid, tl in lines.items()},
        "claims": _claim_lists(by_place_claims, actors, labels),
        **_change_lists(claims.changes if claims else [], names, actors),
        "days": days,
        "reportDays": report_days,
        "last": days[-1] if days else (info.latest_date or ""),
        "bounds": bounds,
        "texts": report_texts(reports),
        **_estimate_data(claims.areas if claims else None, lines, names, actors),
    }
    _fit_popups(data["places"], popups, rows, reports, out_dir, len(json.dumps(data, ensure_ascii=False)))
    return data


def _fit_popups(places: list[dict], popups: list[str], rows: list[dict], reports: Mapping[str, Report], out_dir: Path,
                rest: int) -> None:
    """The mentioned places' article popups (``popups``, for ``places[:len(rows)]``), within what
    the page has left after ``rest`` characters of everything else (at most PLACE_POPUPS_CHARS)."""
    budget = min(PLACE_POPUPS_CHARS, max(MIN_PLACE_POPUPS_CHARS, int((PAGE_DATA_CHARS - rest) / JSON_GROWTH)))
    rank = sorted(range(len(rows)), key=lambda i: (-len(rows[i]["articles"]), rows[i]["id"]))   # most named first
    fitted = fit(popups, budget, lambda i, cap: popup_html(rows[i], reports, out_dir, cap), rank)
    for p, popup in zip(places, fitted):
        if popup:
            p["popup"] = popup


def _change_lists(changes: list[Change], names: dict, actors: Actors) -> dict:
    """The "changed on" lists: per day the CHANGES_PER_DAY changes of the most claimed places
    (by date, then place), and per day the number left out (control.geojson has them all)."""
    by_day: dict[str, list[Change]] = {}
    for ch in changes:
        by_day.setdefault(ch.date, []).append(ch)
    kept, more = [], {}
    for day, todays in by_day.items():
        top = sorted(todays, key=lambda ch: (-ch.state.claim_count, ch.place_id))[:CHANGES_PER_DAY]
        kept.extend(sorted(top, key=lambda ch: ch.place_id))
        if len(todays) > len(top):
            more[day] = len(todays) - len(top)
    return {"changes": [[ch.date, esc(ch.place_id), change_html(ch, names.get(esc(ch.place_id), esc(ch.place_id)), actors)]
                        for ch in kept],
            "changesMore": more}


def _claim_lists(by_place: dict[str, list[Claim]], actors: Actors, labels: Mapping[str, str]) -> dict:
    """Each place's claims as popup HTML, newest first, within the page's budget for them."""
    pids = sorted(by_place)
    newest = [sorted(by_place[pid], key=_newest, reverse=True) for pid in pids]
    rank = sorted(range(len(pids)), key=lambda i: (-len(newest[i]), pids[i]))   # most claimed first
    lists = fit([claims_html(cs, actors, labels) for cs in newest], CLAIM_POPUPS_CHARS,
                lambda i, cap: claims_html(newest[i], actors, labels, cap), rank)
    return {esc(pid): html for pid, html in zip(pids, lists) if html}


def _places(rows: list[dict], reports: Mapping[str, Report], out_dir: Path, claims: ClaimsInput | None) -> list[dict]:
    """The places of the page: those the mentions drew, then the claimed places the mentions
    did not draw; ranked (most named and claimed first), the first few labelled."""
    lines = claims.lines if claims else {}
    entries: Mapping[str, Entry] = claims.entries if claims else {}
    places = [_mentioned_place(row, reports, out_dir) for row in rows]
    pids = [row["id"] for row in rows]
    for pid in sorted(set(lines) - set(pids)):   # claimed places the mentions did not draw
        e = entries[pid]
        places.append(_place(pid, e.name, e.kind, e.lat, e.lon, 0, lines[pid][0].date, "",
                             esc(kind_style(e.kind).label), e.country))
        pids.append(pid)
    claim_count = {pid: tl[-1].claim_count for pid, tl in lines.items() if tl}
    for pid, p in zip(pids, places):
        p["claimed"] = int(pid in lines)
        p["rank"] = p["n"] + claim_count.get(pid, 0)
        if pid in entries:
            p["aliases"] = [esc(a) for a in entries[pid].aliases if esc(a) != p["text"]][:MAX_ALIASES]
    order = sorted(places, key=lambda p: (-p["rank"], p["text"]))
    for i, p in enumerate(order):
        p["rank"] = i
    labelled = [p for p in order if p["kind"] not in NO_LABEL_KINDS][:MAIN_LABELS]
    for p in labelled:
        p["main"] = 1
    for p in places:
        p["area"] = int(p.pop("kind") in NO_LABEL_KINDS)   # countries, regions, roads: smaller, unlabelled
    return places


def _mentioned_place(row: dict, reports: Mapping[str, Report], out_dir: Path) -> dict:
    dates = sorted(reports[a].date for a in row["articles"] if reports[a].date)
    place = _place(row["id"], row["name"], row["kind"], row["lat"], row["lon"], len(row["articles"]),
                   dates[0] if dates else "",
                   popup_html(row, reports, out_dir), place_meta(row), row.get("country", ""))
    # articles naming it per day, so the badge counts those up to the day shown
    place["undated"] = len(row["articles"]) - len(dates)
    place["dates"] = [[d, sum(1 for _ in g)] for d, g in itertools.groupby(dates)]
    return place


def _place(pid, name, kind, lat, lon, n, first, popup, meta, country) -> dict:
    style = kind_style(kind)
    return {"id": esc(pid), "name": esc(name), "text": esc(name), "aliases": [],
            "kind": kind, "icon": style.icon,
            "lat": round(lat, PLACE_DIGITS), "lon": round(lon, PLACE_DIGITS), "n": n,
            "first": first, "undated": n, "dates": [], "main": 0, "popup": popup, "meta": meta,
            "country": country}


# Place fields the page fills in when left out (geo/data/map.js): a map of many places carries
# only what differs. The country serves the first view (``_bounds``) and is not sent.
PLACE_DEFAULTS = {"aliases": [], "undated": 0, "dates": [], "main": 0, "claimed": 0, "area": 0, "first": "",
                  "popup": ""}


def _compact(p: dict) -> dict:
    out = {k: v for k, v in p.items() if k != "country" and PLACE_DEFAULTS.get(k, ()) != v}
    if out.get("text") == out["name"]:
        del out["text"]
    return out


def _newest(c: Claim) -> tuple:
    return (c.date, c.article, c.start)


def _state_row(st: PlaceState) -> list:
    """A PlaceState as page data: [date, state, actors, confidence, since, outlets, sides,
    admissions, disputed, previous, previous date]; the page writes the words (map.js)."""
    return [st.date, st.state, [esc(a) for a in st.actors], st.confidence, esc(st.since), st.outlets, st.sides,
            st.admissions, int(st.disputed), esc(st.previous), esc(st.previous_date)]


def _estimate_data(est: Estimate | None, lines: Mapping[str, list[PlaceState]], names: dict, actors: Actors) -> dict:
    """The estimated areas and fronts (geo.areas) as page data: [from, until, controller,
    opacity, GeoJSON geometry, popup HTML] and [from, until, GeoJSON geometry, label]; and
    "areasFrom": the first day whose estimate the page draws ("" = every day)."""
    if est is None:
        return {"areas": [], "fronts": [], "areasFrom": ""}
    since = drawn_since([(a.date, a.until, int(shapely.get_num_coordinates(a.geometry))) for a in est.areas])
    areas = [[a.date, a.until, esc(a.controller), a.opacity, _geojson(a.geometry, AREA_DIGITS),
              area_popup_html(a, lines, names, actors)]
             for a in est.areas if a.date >= since]
    fronts = [[f.date, f.until, _geojson(f.geometry, FRONT_DIGITS),
               f"estimated front: {actor_name(f.sides[0], actors)} / {actor_name(f.sides[1], actors)}"]
              for f in est.fronts if f.date >= since]
    return {"areas": areas, "fronts": fronts, "areasFrom": since}


def drawn_since(spans: list[tuple[str, str, int]]) -> str:
    """The first day from which the page draws the estimated areas, given each area's (first
    day, last day, points): the newest estimates while their points fit AREA_COORDINATES (the
    newest always), whole days only; "" when all fit. areas.geojson keeps every day."""
    by_first: dict[str, int] = {}
    for first, _, points in spans:
        by_first[first] = by_first.get(first, 0) + points
    if sum(by_first.values()) <= AREA_COORDINATES:
        return ""
    total, since = 0, ""
    for first in sorted(by_first, reverse=True):
        total += by_first[first]
        if total > AREA_COORDINATES and since:
            break
        since = first
    return since


def _geojson(geom, digits: int) -> dict:
    g = geom.__geo_interface__
    return {"type": g["type"], "coordinates": _round_coords(g["coordinates"], digits)}


def _round_coords(c, digits: int):
    if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
        return [round(float(x), digits) for x in c]
    return [_round_coords(x, digits) for x in c]


def report_texts(reports: Mapping[str, Report]) -> dict:
    """Each report's own text (escaped, capped), so the map still shows it when the HTML is
    sent on without the report files; the newest reports first, up to a total cap."""
    out, total = {}, 0
    for rid in sorted(reports, key=lambda r: (reports[r].date, r), reverse=True):
        rep = reports[rid]
        text = rep.text if len(rep.text) <= REPORT_TEXT_CAP else rep.text[:REPORT_TEXT_CAP] + "\n[\u2026 cut here]"
        if total + len(text) > REPORT_TEXTS_CAP:
            break
        out[esc(rid)] = [esc(rep.outlet), esc(rep.date), esc(text)]
        total += len(text)
    return dict(sorted(out.items()))


def _bounds(places: list[dict], rows: list[dict]) -> list[list[float]] | None:
    """The first view: the places where things happen. Places with claims, and the places of
    the country the reports name most (weighted by articles); never a country as a whole, nor
    a far capital named in passing."""
    weight: dict[str, int] = {}
    for p in places:
        if p["country"]:
            weight[p["country"]] = weight.get(p["country"], 0) + p["n"]
    main = max(sorted(weight), key=lambda c: weight[c]) if weight else ""
    core = [p for p in places if (main and p["country"] == main) or p.get("claimed")]
    countries = {esc(r["id"]) for r in rows if r["kind"] == "country"}
    pts = [(p["lat"], p["lon"]) for p in (core or places) if p["id"] not in countries]
    if not pts:
        pts = [(p["lat"], p["lon"]) for p in places]
    if not pts:
        return None
    lats, lons = [a for a, _ in pts], [b for _, b in pts]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def script_json(data) -> str:
    """``data`` as JSON that can sit inside ``<script type="application/json">``: no "</" (which
    could close the element), no "<!--" (which changes how the element's end is found), and no
    brace inside a string (written ``\\u007b``, ``\\u007d``: nothing in the page reads as a
    template). JSON.parse reads it back unchanged."""
    text = _JSON_STRING.sub(_braces, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return text.replace("</", "<\\/").replace("<!--", "\\u003c!--")


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _braces(m: re.Match) -> str:
    return m.group().replace("{", "\\u007b").replace("}", "\\u007d")

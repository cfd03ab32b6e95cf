"""The folium map: places, their shapes, legend, title block, search, basemaps.

Every string from a report or the gazetteer reaches the page only through ``geo.safe.esc``
(directly or via ``mark``); popup and tooltip HTML travels as GeoJSON properties, which folium
embeds with Jinja's ``tojson`` (so it is never template source, nor a JS template literal),
and Leaflet inserts it as the HTML we built. Element ids are numbered, not random, so the same
inputs give the same bytes.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import branca.element
import folium
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import MarkerCluster
from jinja2 import Template

from .safe import esc, file_link, mark, web_url
from .state import as_of, calendar_days

# Icon (Font Awesome 6 solid) and colour per gazetteer kind; anything else is "other".
KIND_STYLE = {
    "capital": ("star", "#7b3294", "capital"),
    "city": ("city", "#2c7bb6", "city"),
    "town": ("house", "#4a90c2", "town"),
    "village": ("house", "#74add1", "village"),
    "airbase": ("jet-fighter", "#d7191c", "airbase"),
    "airport": ("plane", "#e66101", "airport"),
    "naval_base": ("anchor", "#1a3d6d", "naval base"),
    "port": ("ship", "#1a3d6d", "port"),
    "landmark": ("landmark", "#8c510a", "landmark"),
    "road": ("road", "#555555", "road"),
    "border_crossing": ("road-barrier", "#b35806", "border crossing"),
    "dam": ("water", "#0571b0", "dam"),
    "governorate": ("draw-polygon", "#5e3c99", "governorate"),
    "region": ("draw-polygon", "#5e3c99", "region"),
    "area": ("draw-polygon", "#5e3c99", "area"),
    "country": ("flag", "#4d4d4d", "country"),
    "other": ("location-dot", "#666666", "other place"),
}
# Popups stay readable and the page small with thousands of reports: the newest N are shown.
POPUP_ARTICLES = 30
POPUP_CLAIMS = 40
POPUP_SENTENCES = 24   # sentences of one article naming the place
AREA_KINDS = {"governorate", "region", "area"}


def kind_style(kind: str) -> tuple[str, str, str]:
    return KIND_STYLE.get(kind, KIND_STYLE["other"])


@contextlib.contextmanager
def numbered_ids():
    """Give folium/branca elements counter-based ids instead of random ones, for this block."""
    counter = itertools.count(1)
    original = branca.element.Element.__dict__["_generate_id"]
    branca.element.Element._generate_id = classmethod(lambda cls: f"{next(counter):08x}")
    try:
        yield
    finally:
        branca.element.Element._generate_id = original


class Html(MacroElement):
    """Static HTML and CSS of our own making; ``content`` is inserted as a value, never parsed
    as a template."""

    _template = Template(
        "{% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}"
        "{% macro html(this, kwargs) %}{{ this.content }}{% endmacro %}"
    )

    def __init__(self, content: str, css: str = ""):
        super().__init__()
        self._name = "Html"
        self.content = content
        self.css = css


@dataclass
class MapInfo:
    """What the title block and legend say."""
    title: str
    latest_date: str
    report_count: int
    place_count: int
    metonym_count: int
    claim_count: int
    gazetteer_name: str
    gazetteer_sha256: str
    extra_lines: list[str] = field(default_factory=list)  # already-escaped HTML lines


def popup_html(row: dict, reports: dict, out_dir: Path) -> str:
    """The mentions part of a place's popup: per article, newest first, its outlet, date, links
    and each sentence naming the place. Each article carries its date, so the page can hide
    those after the day the slider shows."""
    order = sorted({m["article"] for m in row["mentions"]}, key=lambda a: (reports[a].date, a), reverse=True)
    by_article: dict[str, list[dict]] = {}
    for m in row["mentions"]:
        by_article.setdefault(m["article"], []).append(m)
    parts = []
    for art in order[:POPUP_ARTICLES]:
        rep = reports[art]
        url = web_url(rep.url)
        links = [f'<a href="{url}" target="_blank" rel="noopener noreferrer">{esc(art)}</a>' if url else
                 f'<a href="{file_link(rep.path, out_dir)}" target="_blank" rel="noopener noreferrer">{esc(art)}</a>']
        if url:
            links.append(f'<a href="{file_link(rep.path, out_dir)}" target="_blank" rel="noopener noreferrer">file</a>')
        links.append(f'<a href="#" class="sm-read" data-report="{esc(art)}">read here</a>')
        parts.append(
            f'<div class="art" data-date="{esc(rep.date)}"><div class="src"><b>{esc(rep.outlet)}</b> &#183; '
            f'{esc(rep.date or "undated")} &#183; {" &#183; ".join(links)}</div>'
        )
        if rep.outlet_basis:
            parts.append(f'<div class="basis">{esc(rep.outlet_basis)}</div>')
        parts.append("<ul>")
        sentences = _sentences(by_article[art])
        for sentence, spans in sentences[:POPUP_SENTENCES]:
            parts.append(f"<li>{mark(_cap(sentence, spans), spans)}</li>")
        if len(sentences) > POPUP_SENTENCES:
            parts.append(f"<li>&#8230; and {len(sentences) - POPUP_SENTENCES} more sentence(s) in this article: "
                         f"every mention is in places.geojson</li>")
        parts.append("</ul></div>")
    if len(order) > POPUP_ARTICLES:
        parts.append(f'<div class="art more">&#8230; and {len(order) - POPUP_ARTICLES} older article(s): '
                     f'every mention is in places.geojson</div>')
    return "".join(parts)


def place_meta(row: dict) -> str:
    meta = [esc(kind_style(row["kind"])[2]),
            f"{len(row['mentions'])} mention(s) in {len(row['articles'])} article(s)"]
    if row.get("precision_km") and not _nan(row["precision_km"]):
        meta.append(f"&#177;{esc(_num(row['precision_km']))} km")
    if row.get("source"):
        meta.append(f"source {esc(row['source'])}")
    return " &#183; ".join(meta)


SENTENCE_CAP = 600   # characters of a sentence shown in a popup


def _cap(sentence: str, spans) -> str:
    if len(sentence) <= SENTENCE_CAP:
        return sentence
    end = max([SENTENCE_CAP] + [b for _, b in spans if b <= 4 * SENTENCE_CAP])
    return sentence[:end] + " \u2026"


def _num(x) -> str:
    return f"{x:g}" if isinstance(x, (int, float)) else str(x)


def _sentences(mentions: list[dict]):
    """Distinct sentences in text order, each with the spans (relative) that name the place."""
    out: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for m in mentions:
        start = m["sentence_start"]
        out.setdefault((start, m["sentence"]), []).append((m["start"] - start, m["end"] - start))
    return [(s, sorted(spans)) for (_, s), spans in sorted(out.items())]


def _nan(x) -> bool:
    return isinstance(x, float) and math.isnan(x)


_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}")


def safe_colour(value: str) -> str:
    """An actor's colour from actors.toml if it is a hex or named CSS colour, else grey."""
    return value if isinstance(value, str) and _COLOUR.fullmatch(value) else "#888888"


_ON_SHAPE = folium.JsCode("""
function(feature, layer) {
  if (feature.properties.kind !== 'road') return;   // an area's popup is its marker's
  layer.bindPopup(feature.properties.popup, {maxWidth: Math.min(440, window.innerWidth - 70),
                                             autoPanPaddingTopLeft: [60, 90]});
  layer.bindTooltip(feature.properties.label, {sticky: true});
}
""")


def _shape_style(feature):
    """Roads as lines; areas faint and dotted: an area named in a report, not an area of control."""
    p = feature["properties"]
    colour = kind_style(p["kind"])[1]
    if p["kind"] == "road":
        return {"color": colour, "weight": 5, "opacity": 0.7}
    return {"color": colour, "weight": 1, "dashArray": "2 4", "fillColor": colour,
            "fillOpacity": 0.03, "opacity": 0.45}


@dataclass
class ClaimsInput:
    lines: dict            # place_id -> [PlaceState], geo.state.timelines
    claims: list           # every Claim
    changes: list          # geo.state.Change, by date
    entries: dict          # gazetteer entries by id
    actors: dict           # actor id -> Actor
    labels: dict = field(default_factory=dict)   # status -> how popups write it (claims.toml)
    areas: object = None   # geo.areas.Estimate


def build_map(places, reports: dict, out_dir: Path, info: MapInfo, basemap: dict | None = None,
              claims: ClaimsInput | None = None) -> str:
    """The map page as HTML text. ``places`` is the GeoDataFrame from ``frames.places_frame``."""
    with numbered_ids():
        m = _build(places, reports, Path(out_dir), info, basemap, claims)
        with rendered_output_is_text():
            return m.get_root().render()


class _Verbatim:
    """Stands in for a Jinja template built from text that is already rendered: gives it back
    unchanged."""

    def __init__(self, source: str, *args, **kwargs):
        self.source = source

    def render(self, *args, **kwargs) -> str:
        return self.source


@contextlib.contextmanager
def rendered_output_is_text():
    """branca turns each rendered block (every ``header``/``html``/``script`` macro's output) into
    a new ``Element(output)``, which compiles that output as a Jinja template and renders it a
    second time. Data inside it (a gazetteer name, a kind, a search label) would then run as
    template code on the building machine. While the page is rendered, text given to
    ``branca.element.Element`` is kept as text. Class-level templates (folium's own and ours)
    were compiled at import and are not affected."""
    original = branca.element.Template
    branca.element.Template = _Verbatim
    try:
        yield
    finally:
        branca.element.Template = original


def _build(places, reports, out_dir, info, basemap, claims) -> folium.Map:
    m = folium.Map(location=[35.0, 38.0], zoom_start=7, tiles=None, max_zoom=18,
                   control_scale=True, prefer_canvas=False)
    if basemap is not None:
        outlines = folium.FeatureGroup(name="Country outlines (offline)", overlay=True, show=True)
        folium.GeoJson(
            basemap, name="Country outlines",
            style_function=lambda f: {"color": "#9a9a9a", "weight": 0.8, "fillColor": "#f2efe9",
                                      "fillOpacity": 1.0},
            interactive=False,
        ).add_to(outlines)
        outlines.add_to(m)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", overlay=True, show=basemap is None,
                     attr="&copy; OpenStreetMap contributors", max_zoom=18).add_to(m)

    rows = places.to_dict("records")
    shape_features = []
    for row in rows:
        geom = row["geometry"]
        if geom.geom_type != "Point" and not geom.is_empty and row["kind"] != "country":
            props = {"kind": row["kind"], "label": esc(row["name"]),
                     "popup": f'<div class="pp"><h4>{esc(row["name"])}</h4><div class="meta">{place_meta(row)}</div></div>'}
            shape_features.append({"type": "Feature", "properties": props, "geometry": geom.__geo_interface__})
    if shape_features:
        extents = folium.FeatureGroup(name="Roads and areas", show=True)
        folium.GeoJson({"type": "FeatureCollection", "features": shape_features}, name="Roads and areas",
                       style_function=_shape_style, on_each_feature=_ON_SHAPE).add_to(extents)
        extents.add_to(m)

    estimated = folium.FeatureGroup(name="Estimated control (from claims; an estimate)", show=False)
    estimated.add_to(m)
    group = folium.FeatureGroup(name="Places named in reports, coloured by claimed control", show=True)
    group.add_to(m)
    data = page_data(rows, reports, out_dir, info, claims)
    m.add_child(SituationLayer(group.get_name(), estimated.get_name(), data))

    if data["bounds"]:
        m.fit_bounds(data["bounds"], padding=(20, 20), max_zoom=9)
    present = sorted({a for pid in data["states"] for st in data["states"][pid] for a in st[2]})
    m.get_root().add_child(Html(_title_html(info, data["last"]) + _legend_html(rows, info, data["last"], claims, present)
                                + _panels_html(data), _asset("map.css")))
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    return m


def _asset(name: str) -> str:
    return (Path(__file__).resolve().parent / "data" / name).read_text(encoding="utf-8")


class SituationLayer(JSCSSMixin):
    """The places layer: one marker per place coloured by its claimed controller as of the day
    the slider shows, clustered where markers overlap; the slider, "changed" panel, search and
    print list. Its data is embedded as JSON (Jinja's ``tojson``); strings in it are escaped
    HTML, or plain text that the page only ever sets as text."""

    default_js = list(MarkerCluster.default_js)
    default_css = list(MarkerCluster.default_css)
    _template = Template("""
{% macro html(this, kwargs) %}<script type="application/json" id="sm-data">{{ this.data_json }}</script>{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
var SM = JSON.parse(document.getElementById('sm-data').textContent);
var map = {{ this._parent.get_name() }};
var group = {{ this.group }};
var estimated = {{ this.estimated }};
{{ this.js }}
})();
{% endmacro %}
""")

    def __init__(self, group: str, estimated: str, data: dict):
        super().__init__()
        self._name = "SituationLayer"
        self.group = group
        self.estimated = estimated
        self.data_json = script_json(data)
        self.js = _asset("map.js")


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


MAIN_LABELS = 12          # places labelled on the map without hovering
MAX_ALIASES = 20          # aliases per place offered by the search box
NO_LABEL_KINDS = AREA_KINDS | {"country", "road"}


def page_data(rows: list[dict], reports: dict, out_dir: Path, info: MapInfo, claims: ClaimsInput | None) -> dict:
    """Everything the page script needs, computed here once: places, their states over time,
    claims, changes, the days of the slider and the first view."""
    lines = claims.lines if claims else {}
    actors = claims.actors if claims else {}
    labels = claims.labels if claims else {}
    claim_count = {pid: tl[-1].claim_count for pid, tl in lines.items() if tl}
    by_place_claims: dict[str, list] = {}
    for c in (claims.claims if claims else []):
        by_place_claims.setdefault(c.place_id, []).append(c)

    places = []
    seen = set()
    for row in rows:
        dates = sorted(reports[a].date for a in row["articles"] if reports[a].date)
        places.append(_place(row["id"], row["name"], row["kind"], row["lat"], row["lon"], len(row["articles"]),
                             dates[0] if dates else "",
                             popup_html(row, reports, out_dir), place_meta(row), row.get("country", "")))
        # articles naming it per day, so the badge counts those up to the day shown
        places[-1]["undated"] = len(row["articles"]) - len(dates)
        places[-1]["dates"] = [[d, sum(1 for _ in g)] for d, g in itertools.groupby(dates)]
        places[-1]["_pid"] = row["id"]
        seen.add(row["id"])
    for pid in sorted(set(lines) - seen):   # claimed places the mentions did not draw
        e = claims.entries[pid]
        places.append(_place(pid, e.name, e.kind, e.lat, e.lon, 0, lines[pid][0].date, "",
                             esc(kind_style(e.kind)[2]), e.country))
        places[-1]["_pid"] = pid
    for p in places:
        pid = p.pop("_pid")
        p["claimed"] = int(pid in lines)
        p["rank"] = p["n"] + claim_count.get(pid, 0)
        if claims and pid in claims.entries:
            p["aliases"] = [esc(a) for a in claims.entries[pid].aliases if esc(a) != p["text"]][:MAX_ALIASES]
    order = sorted(places, key=lambda p: (-p["rank"], p["text"]))
    for i, p in enumerate(order):
        p["rank"] = i
    labelled = [p for p in order if p["kind"] not in NO_LABEL_KINDS][:MAIN_LABELS]
    for p in labelled:
        p["main"] = 1
    for p in places:
        p["area"] = int(p.pop("kind") in NO_LABEL_KINDS)   # countries, regions, roads: smaller, unlabelled

    days = calendar_days([r.date for r in reports.values()] + [c.date for cs in by_place_claims.values() for c in cs])
    report_days = sorted({r.date for r in reports.values() if r.date})
    names = {p["id"]: p["name"] for p in places}   # escaped id -> escaped name
    return {
        "actors": {esc(a): [esc(x.label), safe_colour(x.colour)] for a, x in sorted(actors.items())},
        "places": places,
        "states": {esc(pid): [_state_row(st, actors) for st in tl] for pid, tl in lines.items()},
        "claims": {esc(pid): _claims_html(sorted(cs, key=_newest, reverse=True), actors, labels)
                   for pid, cs in sorted(by_place_claims.items())},
        "changes": [[ch.date, esc(ch.place_id), _change_html(ch, names.get(esc(ch.place_id), esc(ch.place_id)), actors)]
                    for ch in (claims.changes if claims else [])],
        "days": days,
        "reportDays": report_days,
        "last": days[-1] if days else (info.latest_date or ""),
        "bounds": _bounds(places, rows),
        "texts": report_texts(reports),
        **_estimate_data(claims, names, actors),
    }


AREA_PLACES_SHOWN = 40   # places listed in an estimated area's popup


def _estimate_data(claims: ClaimsInput | None, names: dict, actors) -> dict:
    """The estimated areas and fronts (geo.areas) as page data: [from, until, controller,
    opacity, GeoJSON geometry, popup HTML] and [from, until, GeoJSON geometry, label]."""
    est = claims.areas if claims else None
    if est is None:
        return {"areas": [], "fronts": []}
    lines = claims.lines
    areas = []
    for a in est.areas:
        who = "Contested" if a.controller == "contested" else _actor(a.controller, actors)
        items = []
        for pid in sorted(a.places, key=lambda p: (-lines[p][-1].claim_count, p))[:AREA_PLACES_SHOWN]:
            st = as_of(lines[pid], a.until)
            items.append(f'<li><button type="button" data-id="{esc(pid)}">{names.get(esc(pid), esc(pid))}</button>'
                         f'{": " + _short(st, actors) if st else ""}</li>')
        more = len(a.places) - AREA_PLACES_SHOWN
        popup = (f'<div class="pp"><h4>Estimated area: {who}</h4><div class="meta">an estimate from the claims, '
                 f'not an assessment &#183; {esc(a.date)} to {esc(a.until)} &#183; about {a.area_km2:,.0f} km&#178; '
                 f'&#183; rests on {len(a.places)} place(s)</div><ul class="sm-area-places">{"".join(items)}</ul>'
                 f'{f"<div>&#8230; and {more} more: all are in areas.geojson</div>" if more > 0 else ""}</div>')
        areas.append([a.date, a.until, esc(a.controller), a.opacity, _geojson(a.geometry, 4), popup])
    fronts = [[f.date, f.until, _geojson(f.geometry),
               f"estimated front: {_actor(f.sides[0], actors)} / {_actor(f.sides[1], actors)}"]
              for f in est.fronts]
    return {"areas": areas, "fronts": fronts}


def _geojson(geom, digits: int = 5) -> dict:
    g = geom.__geo_interface__
    return {"type": g["type"], "coordinates": _round_coords(g["coordinates"], digits)}


def _round_coords(c, digits: int):
    if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
        return [round(float(x), digits) for x in c]
    return [_round_coords(x, digits) for x in c]


REPORT_TEXT_CAP = 20_000      # characters of one report kept in the page, to read it offline
REPORT_TEXTS_CAP = 1_000_000  # characters of all reports kept in the page (newest reports first)


def report_texts(reports: dict) -> dict:
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


def _place(pid, name, kind, lat, lon, n, first, popup, meta, country) -> dict:
    icon, colour, _ = kind_style(kind)
    return {"id": esc(pid), "name": esc(name), "text": esc(name), "aliases": [],
            "kind": kind, "icon": icon, "colour": colour, "lat": round(lat, 6), "lon": round(lon, 6), "n": n,
            "first": first, "undated": n, "dates": [], "main": 0, "popup": popup, "meta": meta,
            "country": country}


def _newest(c):
    return (c.date, c.article, c.start)


def _actor(aid: str, actors) -> str:
    return esc(actors[aid].label) if aid in actors else esc(aid)


def _actor_b(aid: str, actors) -> str:
    colour = safe_colour(actors[aid].colour) if aid in actors else "#333"
    return f'<b style="color:{colour}">{_actor(aid, actors)}</b>'


def _describe(key: str, actors) -> str:
    if key.startswith("held:"):
        return f"held by {_actor(key[5:], actors)}"
    return esc(key) if key else "no claims"


def _state_row(st, actors) -> list:
    """A PlaceState as page data: [date, state, actors, confidence, since, outlets, sides,
    admissions, disputed, previous, previous date]; the page writes the words (map.js)."""
    return [st.date, st.state, [esc(a) for a in st.actors], st.confidence, esc(st.since), st.outlets, st.sides,
            st.admissions, int(st.disputed), esc(st.previous), esc(st.previous_date)]


def _short(st, actors) -> str:
    """One line for a state, as the page's stateShort (map.js) writes it."""
    if st.state == "held":
        return f"held by {_actor(st.controller, actors)} since {esc(st.since)}"
    if st.state == "presence":
        return f"{' / '.join(_actor(a, actors) for a in st.actors)} present since {esc(st.since)}"
    return f"{esc(st.state)} since {esc(st.since)}"


def _claims_html(cs: list, actors, labels) -> str:
    items = []
    for c in cs[:POPUP_CLAIMS]:
        badges = ('<span class="adm" title="the claimant concedes this against its own side">admission</span>'
                  if c.admission else "")
        badges += '<span class="hedge">hedged</span>' if c.hedged else ""
        side = _actor(c.claimant_side, actors) if c.claimant_side in actors else esc(
            {"outlet": "the outlet", "other": "other source"}.get(c.claimant_side, c.claimant_side))
        items.append(
            f'<div class="c" data-date="{esc(c.date)}"><b>{esc(c.claimant)}</b> ({side}) &#8594; '
            f'{_actor_b(c.actor, actors)} {esc(labels.get(c.status, c.status.replace("_", " ")))}{badges}<br>'
            f'{esc(c.outlet)} &#183; {esc(c.date or "undated")} &#183; {esc(c.article)}'
            f'<q>{esc(_cap(c.quote, []))}</q></div>'
        )
    if len(cs) > POPUP_CLAIMS:
        items.append(f'<div class="c more">&#8230; and {len(cs) - POPUP_CLAIMS} older claim(s): '
                     f'all are in claims.geojson</div>')
    return "".join(items)


def _change_html(ch, name: str, actors) -> str:
    outlets = sorted({c.outlet for c in ch.state.basis})
    who = ", ".join(esc(o) for o in outlets[:3]) + (f" +{len(outlets) - 3}" if len(outlets) > 3 else "")
    return (f'<button type="button" data-id="{esc(ch.place_id)}">{name}</button>: '
            f'{_describe(ch.before, actors)} &#8594; <b>{_describe(ch.after, actors)}</b>'
            f'{" &#183; " + who if who else ""}')


def _bounds(places: list[dict], rows: list[dict]):
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


def _title_html(info: MapInfo, day: str) -> str:
    lines = [
        f"<h1>{esc(info.title)}</h1>",
        f'<div class="sm-asof">as of <b id="sm-asof">{esc(day or "undated")}</b></div>'
        f'<div class="sm-counts">{info.report_count} report(s) &#183; '
        f"{info.place_count} place(s) &#183; {info.claim_count} control claim(s) &#183; "
        f"{info.metonym_count} actor mention(s) not mapped</div>",
        *info.extra_lines,
    ]
    return f'<div class="sm-panel sm-title" id="sm-title">{"".join(lines)}</div>'


def _legend_html(rows, info: MapInfo, day: str, claims: ClaimsInput | None, present: list[str]) -> str:
    items = ['<div class="lg-h">Colour: who is claimed to hold the place, as of the day shown</div>']
    actors = claims.actors if claims else {}
    for aid in present:
        if aid in actors:
            items.append(f'<div class="lg-row"><span class="sw" style="background:{safe_colour(actors[aid].colour)}">'
                         f'</span><span>{esc(actors[aid].label)}</span></div>')
    items += [
        '<div class="lg-row"><span class="sw contested" style="background:conic-gradient(#2ca02c 0 50%,#d62728 50% 100%)">'
        '</span><span>contested: recent claims disagree</span></div>',
        '<div class="lg-row"><span class="sw presence"></span><span>a force said to be there, no control claimed</span></div>',
        '<div class="lg-row"><span class="sw low" style="background:#666"></span>'
        '<span>faded: low confidence (one source, hedged or disputed)</span></div>',
        '<div class="lg-row"><span class="sw none"></span><span>named in reports, no control claim</span></div>',
        '<div class="lg-row"><span class="sw cluster">3</span><span>several places close together: click to zoom</span></div>',
        '<div class="lg-row">icon = kind of place; number = articles naming it</div>',
        '<div class="lg-row">claims are what sources say, not verified facts</div>',
    ]
    if claims is not None and claims.areas is not None and claims.areas.areas:
        items.append('<div class="lg-h">Estimated control (layer, off at first): each place held as of the day '
                     'gets the land nearer to it than to other such places, up to a distance by its kind, cut '
                     'to its country; fainter = less sure; hatched = contested; dashed black line = estimated '
                     'front. An estimate from the claims, not an assessment.</div>')
    return (
        f'<details class="sm-panel sm-legend" id="sm-legend" open><summary><h2>Legend &#183; as of '
        f'<span class="sm-day">{esc(day or "undated")}</span></h2></summary>{"".join(items)}'
        f'<div class="sm-hash" title="sha256 {esc(info.gazetteer_sha256)}">gazetteer {esc(info.gazetteer_name)}'
        f' &#183; sha256 {esc(info.gazetteer_sha256[:16])}&#8230;</div></details>'
    )


def _panels_html(data: dict) -> str:
    out = []
    if len(data["days"]) > 1:
        out.append(
            '<div class="sm-panel sm-slider" id="sm-claims-date"><label for="sm-claim-date">As of '
            f'<b id="sm-claim-date-label">{esc(data["last"])}</b></label>'
            f'<input type="range" id="sm-claim-date" min="0" max="{len(data["days"]) - 1}" '
            f'value="{len(data["days"]) - 1}" step="1" aria-label="Day shown">'
            '<div class="sm-ticks" id="sm-ticks" aria-hidden="true"></div></div>')
    if data["changes"]:
        out.append('<details class="sm-panel sm-changes" id="sm-changes" open><summary>Changed on '
                   '<b class="sm-day"></b> <span id="sm-changes-n"></span></summary><ul id="sm-changes-list"></ul>'
                   '</details>')
    out.append('<div class="sm-panel sm-reader" id="sm-reader" role="dialog" aria-label="Report text" hidden>'
               '<button type="button" id="sm-reader-close" aria-label="Close">&#215;</button>'
               '<div class="sm-reader-head" id="sm-reader-head"></div><div class="sm-reader-text" id="sm-reader-text">'
               '</div></div>')
    out.append('<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
               '<pattern id="sm-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
               '<rect width="8" height="8" fill="#ffffff" fill-opacity="0.3"/>'
               '<line x1="0" y1="0" x2="0" y2="8" stroke="#222" stroke-width="3" stroke-opacity="0.55"/>'
               '</pattern></defs></svg>')
    out.append('<div class="sm-print" id="sm-print"><h2>Claimed control as of <span class="sm-day"></span></h2>'
               '<ol id="sm-print-list"></ol></div>')
    return "".join(out)

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
import math
from dataclasses import dataclass, field
from pathlib import Path

import branca.element
import folium
from branca.element import MacroElement
from folium.plugins import Search
from jinja2 import Template

from .safe import esc, file_link, mark, web_url

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
AREA_KINDS = {"governorate", "region", "area"}  # drawn with an uncertainty circle when no WKT


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


CSS = """
.gp{display:flex;align-items:center;justify-content:center;border-radius:50%;color:#fff;
 border:2px solid #fff;box-shadow:0 1px 4px rgba(0,0,0,.45);position:relative;font-size:12px}
.gp b{position:absolute;right:-7px;top:-7px;background:#222;color:#fff;border-radius:8px;
 font:bold 10px/14px sans-serif;padding:0 4px;min-width:8px;text-align:center}
.pp{font:13px/1.35 sans-serif;max-width:420px}
.pp h4{margin:0 0 2px;font-size:15px}
.pp .meta{color:#555;font-size:11px;margin-bottom:6px}
.pp .list{max-height:280px;overflow-y:auto;padding-right:4px}
.pp .art{border-top:1px solid #ddd;padding:4px 0}
.pp .src{font-size:12px}
.pp .basis{color:#777;font-size:10px;font-style:italic}
.pp ul{margin:3px 0 0 16px;padding:0}
.pp mark.hl{background:#ffe066;padding:0 1px}
.sm-panel{position:absolute;z-index:1000;background:rgba(255,255,255,.94);border-radius:6px;
 box-shadow:0 1px 5px rgba(0,0,0,.4);font:12px/1.4 sans-serif;padding:8px 10px}
.sm-title{top:10px;left:50%;transform:translateX(-50%);max-width:60%;text-align:center}
.sm-title h1{font-size:15px;margin:0}
.sm-legend{bottom:28px;right:10px;max-height:55vh;max-width:260px;overflow-y:auto}
.sm-legend h2{font-size:12px;margin:0 0 4px}
.sm-legend .lg-row{display:flex;align-items:center;gap:6px;margin:2px 0}
.sm-legend .sw{flex-shrink:0;width:16px;height:16px;border-radius:50%;display:inline-flex;align-items:center;
 justify-content:center;color:#fff;font-size:9px}
.sm-hash{font-family:monospace;font-size:10px;color:#666;word-break:break-all}
@media print{.leaflet-control-zoom,.leaflet-control-layers,.leaflet-control-search{display:none}
 .sm-panel{box-shadow:none;border:1px solid #999}}
"""


def popup_html(row: dict, reports: dict, out_dir: Path) -> str:
    """Per article, newest first: outlet, date, link, and each sentence naming the place."""
    kind = kind_style(row["kind"])[2]
    n_art = len(row["articles"])
    meta = [esc(kind), f"{len(row['mentions'])} mention(s) in {n_art} article(s)"]
    if row.get("precision_km"):
        meta.append(f"&#177;{esc(_num(row['precision_km']))} km")
    if row.get("source"):
        meta.append(f"source {esc(row['source'])}")
    by_article: dict[str, list[dict]] = {}
    for m in row["mentions"]:
        by_article.setdefault(m["article"], []).append(m)
    order = sorted(by_article, key=lambda a: (reports[a].date, a), reverse=True)
    parts = [f'<div class="pp"><h4>{esc(row["name"])}</h4><div class="meta">{" &#183; ".join(meta)}</div><div class="list">']
    for art in order[:POPUP_ARTICLES]:
        rep = reports[art]
        links = [f'<a href="{file_link(rep.path, out_dir)}" target="_blank" rel="noopener noreferrer">{esc(art)}</a>']
        url = web_url(rep.url)
        if url:
            links.append(f'<a href="{url}" target="_blank" rel="noopener noreferrer">original</a>')
        parts.append(
            f'<div class="art"><div class="src"><b>{esc(rep.outlet)}</b> &#183; {esc(rep.date or "undated")}'
            f' &#183; {" &#183; ".join(links)}</div>'
        )
        if rep.outlet_basis:
            parts.append(f'<div class="basis">{esc(rep.outlet_basis)}</div>')
        parts.append("<ul>")
        for sentence, spans in _sentences(by_article[art]):
            parts.append(f"<li>{mark(sentence, spans)}</li>")
        parts.append("</ul></div>")
    if len(order) > POPUP_ARTICLES:
        parts.append(f'<div class="art">&#8230; and {len(order) - POPUP_ARTICLES} older article(s): '
                     f'every mention is in places.geojson</div>')
    parts.append("</div></div>")
    return "".join(parts)


def _num(x) -> str:
    return f"{x:g}" if isinstance(x, (int, float)) else str(x)


def _sentences(mentions: list[dict]):
    """Distinct sentences in text order, each with the spans (relative) that name the place."""
    out: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for m in mentions:
        start = m["sentence_start"]
        out.setdefault((start, m["sentence"]), []).append((m["start"] - start, m["end"] - start))
    return [(s, sorted(spans)) for (_, s), spans in sorted(out.items())]


def icon_html(kind: str, articles: int) -> tuple[str, int]:
    icon, colour, _ = kind_style(kind)
    size = min(22 + 5 * (articles - 1), 46)
    return (
        f'<div class="gp" style="width:{size}px;height:{size}px;background:{colour}">'
        f'<i class="fa fa-solid fa-{icon}"></i><b>{articles}</b></div>',
        size,
    )


_ON_POINT = folium.JsCode("""
function(feature, layer) {
  var p = feature.properties;
  if (layer.setIcon) {
    layer.setIcon(L.divIcon({html: p.icon, className: 'gp-wrap', iconSize: [p.size, p.size],
                             iconAnchor: [p.size / 2, p.size / 2], popupAnchor: [0, -p.size / 2]}));
  }
  layer.bindPopup(p.popup, {maxWidth: 440, minWidth: 260, autoPanPaddingTopLeft: [60, 90],
                             autoPanPaddingBottomRight: [30, 30]});
  layer.bindTooltip(p.label);
}
""")

_ON_SHAPE = folium.JsCode("""
function(feature, layer) {
  layer.bindPopup(feature.properties.popup, {maxWidth: 440, minWidth: 260, autoPanPaddingTopLeft: [60, 90]});
  layer.bindTooltip(feature.properties.label, {sticky: true});
}
""")


def _shape_style(feature):
    p = feature["properties"]
    colour = kind_style(p["kind"])[1]
    if p["kind"] == "road":
        return {"color": colour, "weight": 5, "opacity": 0.8}
    return {"color": colour, "weight": 1.5, "dashArray": "6 4", "fillColor": colour,
            "fillOpacity": 0.06, "opacity": 0.7}


@dataclass
class ClaimsInput:
    states_by_date: dict   # cut-off date -> {place_id: PlaceState}
    entries: dict          # gazetteer entries by id
    actors: dict           # actor id -> Actor
    labels: dict = field(default_factory=dict)   # status -> how popups write it (claims.toml)


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


def build_map(places, reports: dict, out_dir: Path, info: MapInfo, basemap: dict | None = None,
              claims: ClaimsInput | None = None) -> str:
    """The map page as HTML text. ``places`` is the GeoDataFrame from ``frames.places_frame``."""
    with numbered_ids():
        m = _build(places, reports, Path(out_dir), info, basemap, claims)
        with rendered_output_is_text():
            return m.get_root().render()


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
    point_features, shape_features = [], []
    for row in rows:
        popup = popup_html(row, reports, out_dir)
        n_art = len(row["articles"])
        label = f"{esc(row['name'])} &#183; {n_art} article{'s' if n_art != 1 else ''}"
        icon, size = icon_html(row["kind"], n_art)
        # "search" is plain text: leaflet-search shows it through SafeSearch's buildTip (textContent)
        # and copies it into the input's value; everything else here is escaped HTML.
        props = {"id": esc(row["id"]), "label": label, "name": esc(row["name"]), "search": row["name"],
                 "kind": esc(row["kind"]),
                 "articles": n_art, "popup": popup, "icon": icon, "size": size}
        point_features.append({"type": "Feature", "properties": props,
                               "geometry": {"type": "Point", "coordinates": [round(row["lon"], 6), round(row["lat"], 6)]}})
        geom = row["geometry"]
        if geom.geom_type != "Point":
            shape_features.append({"type": "Feature", "properties": {**props, "kind": row["kind"]},
                                   "geometry": geom.__geo_interface__})
        elif row["kind"] in AREA_KINDS and row.get("precision_km") and not _nan(row["precision_km"]):
            circle = geom.buffer(row["precision_km"] / 111.0 / max(math.cos(math.radians(row["lat"])), 0.2), 32)
            shape_features.append({"type": "Feature", "properties": {**props, "kind": row["kind"]},
                                   "geometry": circle.__geo_interface__})

    if shape_features:
        extents = folium.FeatureGroup(name="Roads and areas", show=True)
        folium.GeoJson({"type": "FeatureCollection", "features": shape_features}, name="Roads and areas",
                       style_function=_shape_style, on_each_feature=_ON_SHAPE).add_to(extents)
        extents.add_to(m)
    places_group = folium.FeatureGroup(name="Places named in reports", show=True)
    points = folium.GeoJson({"type": "FeatureCollection", "features": point_features},
                            name="Places", marker=folium.Marker(), on_each_feature=_ON_POINT)
    points.add_to(places_group)
    places_group.add_to(m)
    SafeSearch(layer=points, search_label="search", geom_type="Point", placeholder="Search places",
               collapsed=False, search_zoom=10, position="topleft").add_to(m)

    claims_legend_html = ""
    if claims is not None and claims.states_by_date:
        add_claims_layer(m, claims.states_by_date, claims.entries, claims.actors, claims.labels)
        latest = claims.states_by_date[max(claims.states_by_date)]
        present = sorted({a for st in latest.values() for a in st.actors if a in claims.actors})
        claims_legend_html = claims_legend(claims.actors, present)

    bounds = _bounds(rows)
    if bounds:
        m.fit_bounds(bounds, padding=(30, 30), max_zoom=10)
    m.get_root().add_child(Html(_title_html(info) + _legend_html(rows, info, claims_legend_html), CSS + CLAIMS_CSS))
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    return m


class SafeSearch(Search):
    """folium's Search (leaflet-search) with result tips built as text nodes, never as HTML,
    so the plain-text names it searches cannot inject markup."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{this.layer.get_name()}}searchControl = new L.Control.Search({
                layer: {{this.layer.get_name()}},
                propertyName: {{ this.search_label|tojson }},
                collapsed: {{ this.collapsed|tojson }},
                textPlaceholder: {{ this.placeholder|tojson }},
                position: {{ this.position|tojson }},
                initial: false,
                zoom: {{ this.search_zoom|tojson }},
                hideMarkerOnCollapse: true,
                buildTip: function(text, val) {
                    var a = document.createElement('a');
                    a.textContent = text;
                    return a;
                }
            });
            {{this.layer.get_name()}}searchControl.on('search:locationfound', function(e) {
                if (e.layer._popup) e.layer.openPopup();
            });
            {{this._parent.get_name()}}.addControl({{this.layer.get_name()}}searchControl);
        {% endmacro %}
    """)


def _nan(x) -> bool:
    return isinstance(x, float) and math.isnan(x)


def _bounds(rows):
    pts = [(r["lat"], r["lon"]) for r in rows if r["kind"] != "country"] or [(r["lat"], r["lon"]) for r in rows]
    if not pts:
        return None
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _title_html(info: MapInfo) -> str:
    lines = [
        f"<h1>{esc(info.title)}</h1>",
        f"<div>as of <b>{esc(info.latest_date or 'undated')}</b> &#183; {info.report_count} report(s) &#183; "
        f"{info.place_count} place(s) &#183; {info.claim_count} control claim(s) &#183; "
        f"{info.metonym_count} actor mention(s) not mapped</div>",
        *info.extra_lines,
    ]
    return f'<div class="sm-panel sm-title" id="sm-title">{"".join(lines)}</div>'


def _legend_html(rows, info: MapInfo, extra: str = "") -> str:
    kinds = sorted({r["kind"] if r["kind"] in KIND_STYLE else "other" for r in rows})
    items = []
    for k in kinds:
        icon, colour, label = kind_style(k)
        items.append(f'<div class="lg-row"><span class="sw" style="background:{colour}">'
                     f'<i class="fa fa-solid fa-{icon}"></i></span><span>{esc(label)}</span></div>')
    items.append('<div class="lg-row">number = articles naming the place; bigger = more articles</div>')
    items.append('<div class="lg-row">dashed shape = area or uncertainty (&#177;precision_km)</div>')
    return (
        f'<div class="sm-panel sm-legend" id="sm-legend"><h2>Legend &#183; as of {esc(info.latest_date or "undated")}</h2>'
        f'{"".join(items)}{extra}'
        f'<div class="sm-hash" title="sha256 {esc(info.gazetteer_sha256)}">gazetteer {esc(info.gazetteer_name)}'
        f' &#183; sha256 {esc(info.gazetteer_sha256[:16])}&#8230;</div></div>'
    )


# Control claims ---------------------------------------------------------------------------

SIDE_LABEL = {"outlet": "the outlet", "other": "other source"}

CLAIMS_CSS = """
.cm{border-radius:50%;box-sizing:border-box;box-shadow:0 1px 4px rgba(0,0,0,.5)}
.cm.hold{border:2px solid #fff}
.cm.contested{border:3px solid #111}
.cm.presence{background:transparent !important;border:3px dashed}
.cl{font:12px/1.35 sans-serif;max-width:440px}
.cl h4{margin:0 0 2px;font-size:14px}
.cl .list{max-height:300px;overflow-y:auto}
.cl .c{border-top:1px solid #ddd;padding:4px 0}
.cl .adm{background:#111;color:#fff;border-radius:3px;padding:0 4px;font-size:10px;margin-left:4px}
.cl .hedge{color:#a15c00;font-size:10px;margin-left:4px}
.cl q{display:block;color:#333;margin-top:2px;font-style:italic}
.sw.presence{background:transparent !important;border:2px dashed #555}
.sw.contested{border:3px solid #111;box-sizing:border-box}
#sm-claim-date{width:100%}
"""


def _side(side: str, actors) -> str:
    if side in actors:
        return actors[side].label
    return SIDE_LABEL.get(side, side)


def claims_popup(state, name: str, actors, labels=None) -> str:
    labels = labels or {}
    n = len(state.claims)
    head = (f'<div class="cl"><h4>{esc(name)}</h4><div class="meta">{esc(state.state)}'
            f'{" &#183; claimed controller " + esc(actors[state.controller].label) if state.controller else ""}'
            f' &#183; {n} claim(s) &#183; latest {esc(state.latest_date or "undated")}</div><div class="list">')
    items = []
    for c in state.claims[:POPUP_CLAIMS]:
        actor = actors[c.actor].label if c.actor in actors else c.actor
        badges = ('<span class="adm" title="the claimant concedes this against its own side">admission</span>'
                  if c.admission else "")
        badges += '<span class="hedge">hedged</span>' if c.hedged else ""
        items.append(
            f'<div class="c" data-date="{esc(c.date)}"><b>{esc(c.claimant)}</b> ({esc(_side(c.claimant_side, actors))}) &#8594; '
            f'<b style="color:{esc(actors[c.actor].colour) if c.actor in actors else "#333"}">{esc(actor)}</b> '
            f'{esc(labels.get(c.status, c.status.replace("_", " ")))}{badges}<br>'
            f'{esc(c.outlet)} &#183; {esc(c.date or "undated")} &#183; {esc(c.article)}'
            f'<q>{esc(c.quote)}</q></div>'
        )
    if n > POPUP_CLAIMS:
        items.append(f'<div class="c">&#8230; and {n - POPUP_CLAIMS} older claim(s): all are in claims.geojson</div>')
    return head + "".join(items) + "</div></div>"


def claim_marker(state, actors) -> tuple[str, int]:
    """Filled = one force said to hold it; split and ringed = claims conflict;
    dashed ring = presence only (entered, advancing)."""
    colours = [actors[a].colour if a in actors else "#888" for a in state.actors] or ["#888"]
    size = 30 if state.state == "contested" else 24
    if state.state == "contested":
        a, b = colours[0], colours[1] if len(colours) > 1 else "#ffffff"
        style, cls = f"background:conic-gradient({a} 0 50%, {b} 50% 100%)", "contested"
    elif state.presence_only:
        style, cls = f"border-color:{colours[0]}", "presence"
    else:
        style, cls = f"background:{colours[0]}", "hold"
    return f'<div class="cm {cls}" style="width:{size}px;height:{size}px;{style}"></div>', size


_ON_CLAIM = folium.JsCode("""
function(feature, layer) {
  var p = feature.properties;
  if (layer.setIcon) {
    // drawn just left of the place's own marker, so both stay clickable
    layer.setIcon(L.divIcon({html: p.icon, className: 'cm-wrap', iconSize: [p.size, p.size],
                             iconAnchor: [p.size + 10, p.size / 2], popupAnchor: [-p.size / 2 - 10, -p.size / 2]}));
  }
  layer.bindPopup(p.popup, {maxWidth: 460, minWidth: 280, autoPanPaddingTopLeft: [60, 90]});
  layer.bindTooltip(p.label);
}
""")


def claim_features(states, entries, actors, labels=None) -> list[dict]:
    feats = []
    for pid, st in sorted(states.items()):
        e = entries[pid]
        icon, size = claim_marker(st, actors)
        label = f"{esc(e.name)} &#183; {esc(st.state)} &#183; {len(st.claims)} claim(s)"
        feats.append({"type": "Feature",
                      "geometry": {"type": "Point", "coordinates": [round(e.lon, 6), round(e.lat, 6)]},
                      "properties": {"id": esc(pid), "name": esc(e.name), "state": st.state,
                                     "label": label, "popup": claims_popup(st, e.name, actors, labels),
                                     "icon": icon, "size": size}})
    return feats


def add_claims_layer(m, states_by_date: dict, entries, actors, labels=None) -> None:
    """The "Control claims" layer. ``states_by_date`` maps each cut-off date (claims up to and
    including it) to the per-place states; with more than one date a slider picks the cut-off."""
    dates = sorted(states_by_date)
    if not dates:
        return
    group = folium.FeatureGroup(name="Control claims", show=True)
    latest = claim_features(states_by_date[dates[-1]], entries, actors, labels)
    gj = folium.GeoJson({"type": "FeatureCollection", "features": latest}, name="Control claims",
                        marker=folium.Marker(), on_each_feature=_ON_CLAIM)
    gj.add_to(group)
    group.add_to(m)
    if len(dates) > 1:
        # Per day only the marker changes (state computed here, in Python); popups are the
        # latest ones, and the page hides claims dated after the chosen day.
        by_date = {d: {esc(pid): list(claim_marker(st, actors)) + [
                       f"{esc(entries[pid].name)} &#183; {esc(st.state)} &#183; {len(st.claims)} claim(s)"]
                       for pid, st in sorted(states_by_date[d].items())} for d in dates}
        m.get_root().add_child(ClaimsSlider(gj.get_name(), dates, by_date, latest))


class ClaimsSlider(MacroElement):
    """A date slider that redraws the claims layer as of the chosen day."""

    _template = Template("""
{% macro html(this, kwargs) %}<div class="sm-panel" id="sm-claims-date" style="bottom:28px;left:50%;transform:translateX(-50%);min-width:260px">
<label for="sm-claim-date">Control claims as of <b id="sm-claim-date-label">{{ this.last }}</b></label>
<input type="range" id="sm-claim-date" min="0" max="{{ this.max }}" value="{{ this.max }}" step="1"></div>{% endmacro %}
{% macro script(this, kwargs) %}
(function() {
  var dates = {{ this.dates|tojson }};
  var states = {{ this.data|tojson }};
  var latest = {{ this.latest|tojson }};
  var current = dates[dates.length - 1];
  var slider = document.getElementById('sm-claim-date');
  function hideLater(root) {
    root.querySelectorAll('.c[data-date]').forEach(function(el) {
      el.style.display = el.getAttribute('data-date') > current ? 'none' : '';
    });
  }
  {{ this.layer }}.on('popupopen', function(e) { hideLater(e.popup.getElement()); });
  slider.addEventListener('input', function() {
    current = dates[+slider.value];
    document.getElementById('sm-claim-date-label').textContent = current;
    var day = states[current];
    var feats = latest.filter(function(f) { return day[f.properties.id]; }).map(function(f) {
      var s = day[f.properties.id];
      var p = Object.assign({}, f.properties, {icon: s[0], size: s[1], label: s[2]});
      return {type: 'Feature', geometry: f.geometry, properties: p};
    });
    {{ this.layer }}.clearLayers();
    {{ this.layer }}.addData({type: 'FeatureCollection', features: feats});
  });
})();
{% endmacro %}
""")

    def __init__(self, layer_name: str, dates, by_date, latest):
        super().__init__()
        self._name = "ClaimsSlider"
        self.layer = layer_name
        self.dates = list(dates)
        self.data = by_date
        self.latest = latest
        self.max = len(dates) - 1
        self.last = dates[-1]


def claims_legend(actors, present: list[str]) -> str:
    rows = ['<h2>Control claims</h2>']
    for aid in present:
        a = actors[aid]
        rows.append(f'<div class="lg-row"><span class="sw" style="background:{esc(a.colour)}"></span>'
                    f'<span>{esc(a.label)} (claimed)</span></div>')
    rows.append('<div class="lg-row"><span class="sw contested" style="background:conic-gradient(#2ca02c 0 50%,#d62728 50% 100%)"></span><span>contested: claims disagree</span></div>')
    rows.append('<div class="lg-row"><span class="sw presence"></span><span>presence only (entered, advancing)</span></div>')
    rows.append('<div class="lg-row">claims are what sources say, not verified facts</div>')
    return "".join(rows)

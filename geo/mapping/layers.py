"""The folium elements of the map: country outlines and tiles, roads and areas named in
reports, the situation layer (places, slider, search, print list) and our static HTML.

Popup and tooltip HTML travels as GeoJSON properties or page data, which folium embeds with
Jinja's ``tojson`` (so it is never template source, nor a JS template literal), and Leaflet
inserts it as the HTML we built.
"""

from __future__ import annotations

import folium
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import MarkerCluster
from jinja2 import Template

from ..safe import esc
from .page import script_json
from .popups import shape_popup_html
from .static import asset_text
from .style import kind_style

MAX_ZOOM = 18
# The offline basemap: Natural Earth country outlines on a paper-coloured land.
OUTLINE_STYLE = {"color": "#9a9a9a", "weight": 0.8, "fillColor": "#f2efe9", "fillOpacity": 1.0}


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
        self.js = asset_text("map.js")


def add_basemaps(m: folium.Map, basemap: dict | None) -> None:
    """The offline country outlines (when given; shown) and OpenStreetMap tiles (shown only
    without outlines: they need the network)."""
    if basemap is not None:
        outlines = folium.FeatureGroup(name="Country outlines (offline)", overlay=True, show=True)
        folium.GeoJson(
            basemap, name="Country outlines",
            style_function=lambda f: dict(OUTLINE_STYLE),
            interactive=False,
        ).add_to(outlines)
        outlines.add_to(m)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", overlay=True, show=basemap is None,
                     attr="&copy; OpenStreetMap contributors", max_zoom=MAX_ZOOM).add_to(m)


_ON_SHAPE = folium.JsCode("""
function(feature, layer) {
  if (feature.properties.kind !== 'road') return;   // an area's popup is its marker's
  layer.bindPopup(feature.properties.popup, {maxWidth: Math.min(440, window.innerWidth - 70),
                                             autoPanPaddingTopLeft: [60, 90]});
  layer.bindTooltip(feature.properties.label, {sticky: true});
}
""")


def _shape_style(feature: dict) -> dict:
    """Roads as lines; areas faint and dotted: an area named in a report, not an area of control."""
    p = feature["properties"]
    colour = kind_style(p["kind"]).colour
    if p["kind"] == "road":
        return {"color": colour, "weight": 5, "opacity": 0.7}
    return {"color": colour, "weight": 1, "dashArray": "2 4", "fillColor": colour,
            "fillOpacity": 0.03, "opacity": 0.45}


def add_shapes(m: folium.Map, rows: list[dict]) -> None:
    """The lines and outlines of the roads and areas the reports name (not countries)."""
    shape_features = []
    for row in rows:
        geom = row["geometry"]
        if geom.geom_type != "Point" and not geom.is_empty and row["kind"] != "country":
            props = {"kind": row["kind"], "label": esc(row["name"]), "popup": shape_popup_html(row)}
            shape_features.append({"type": "Feature", "properties": props, "geometry": geom.__geo_interface__})
    if shape_features:
        extents = folium.FeatureGroup(name="Roads and areas", show=True)
        folium.GeoJson({"type": "FeatureCollection", "features": shape_features}, name="Roads and areas",
                       style_function=_shape_style, on_each_feature=_ON_SHAPE).add_to(extents)
        extents.add_to(m)

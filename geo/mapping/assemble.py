"""The map page as HTML text: the folium map with its basemaps, shapes, situation layer,
panels and layer control, rendered with numbered ids and without re-reading text as templates."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import folium

from ..model import Report
from ..safe import esc
from .inputs import ClaimsInput, MapInfo
from .layers import MAX_ZOOM, Html, SituationLayer, add_basemaps, add_shapes
from .page import page_data
from .panels import legend_html, panels_html, title_html
from .render import numbered_ids, rendered_output_is_text
from .static import asset_text

START_CENTRE = [35.0, 38.0]   # the view before it is fitted to the places
START_ZOOM = 7
FIRST_VIEW_MAX_ZOOM = 9       # a few places close together are not shown at street level
FIRST_VIEW_PADDING = (20, 20)


def build_map(places, reports: Mapping[str, Report], out_dir: Path, info: MapInfo, basemap: dict | None = None,
              claims: ClaimsInput | None = None) -> str:
    """The map page as HTML text. ``places`` is the GeoDataFrame from ``frames.places_frame``."""
    with numbered_ids():
        m = _build(places, reports, Path(out_dir), info, basemap, claims)
        with rendered_output_is_text():
            return m.get_root().render()


def _build(places, reports: Mapping[str, Report], out_dir: Path, info: MapInfo, basemap: dict | None,
           claims: ClaimsInput | None) -> folium.Map:
    m = folium.Map(location=START_CENTRE, zoom_start=START_ZOOM, tiles=None, max_zoom=MAX_ZOOM,
                   control_scale=True, prefer_canvas=False)
    add_basemaps(m, basemap)
    rows = places.to_dict("records")
    add_shapes(m, rows)

    estimated = folium.FeatureGroup(name="Estimated control (from claims; an estimate)", show=False)
    estimated.add_to(m)
    group = folium.FeatureGroup(name="Places named in reports, coloured by claimed control", show=True)
    group.add_to(m)
    data = page_data(rows, reports, out_dir, info, claims)
    m.add_child(SituationLayer(group.get_name(), estimated.get_name(), data))

    if data["bounds"]:
        m.fit_bounds(data["bounds"], padding=FIRST_VIEW_PADDING, max_zoom=FIRST_VIEW_MAX_ZOOM)
    lines = claims.lines if claims else {}
    present = sorted({esc(a) for tl in lines.values() for st in tl for a in st.actors})
    panels = (title_html(info, data["last"]) + legend_html(info, data["last"], claims, present)
              + panels_html(data["days"], data["last"], bool(data["changes"])))
    m.get_root().add_child(Html(panels, asset_text("map.css")))
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    return m

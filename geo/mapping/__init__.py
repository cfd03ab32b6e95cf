"""The folium map: places, their shapes, legend, title block, search, basemaps.

Every string from a report or the gazetteer reaches the page only through ``geo.safe.esc``
(directly or via ``mark``); popup and tooltip HTML travels as GeoJSON properties or page data,
which folium embeds with Jinja's ``tojson`` (so it is never template source, nor a JS template
literal), and Leaflet inserts it as the HTML we built. Element ids are numbered, not random, so
the same inputs give the same bytes.

``assemble`` builds the page from ``layers`` (folium elements), ``page`` (the page data JSON),
``popups`` (popup HTML), ``panels`` (title, legend, slider, reader), ``wording`` (how states are
written), ``style`` (icons and colours) and ``static`` (map.js, map.css, map_panels.html).
"""

from .assemble import build_map
from .inputs import ClaimsInput, MapInfo
from .page import page_data, report_texts, script_json
from .popups import POPUP_ARTICLES, POPUP_CLAIMS, POPUP_SENTENCES, place_meta, popup_html
from .style import KIND_STYLE, kind_style, safe_colour

__all__ = [
    "KIND_STYLE",
    "POPUP_ARTICLES",
    "POPUP_CLAIMS",
    "POPUP_SENTENCES",
    "ClaimsInput",
    "MapInfo",
    "build_map",
    "kind_style",
    "page_data",
    "place_meta",
    "popup_html",
    "report_texts",
    "safe_colour",
    "script_json",
]

"""Make folium's rendered HTML self-contained: no request leaves the page.

folium 0.20.0 links about 10 JS/CSS files from four CDN hosts (26 with common plugins);
opened without network such a page is blank. ``inline_assets`` replaces each of those
``<script src>`` / ``<link rel="stylesheet">`` tags by an inline ``<script>`` / ``<style>``
block read from ``node_modules`` (installed with ``npm ci`` from the pinned package-lock.json),
and turns every ``url(...)`` in that CSS (fonts, marker sprites, control icons) into a
``data:`` URI. Which file serves which URL is data: ``geo/data/assets.json``.

``countries_geojson`` gives Natural Earth country shapes (npm ``world-atlas``) as GeoJSON, to
draw as an offline basemap under the data when no tile server is reachable.

Tile URLs inside the map's JavaScript (``https://{s}.tile.openstreetmap.org/...``) are not
assets: they are only fetched when the viewer is online, and are left alone.

``assets`` inlines (finding tags with ``scan``, stylesheets through ``css``), ``table`` knows
which local file serves which URL, ``basemap`` makes the country outlines.
"""

from ..errors import AssetError
from .assets import inline_assets, missing_assets, remote_asset_urls
from .basemap import countries_geojson
from .css import awesome_rotate_css
from .table import ASSETS_JSON, DEFAULT_NODE_MODULES, load_asset_table

__all__ = [
    "AssetError",
    "ASSETS_JSON",
    "DEFAULT_NODE_MODULES",
    "inline_assets",
    "missing_assets",
    "remote_asset_urls",
    "load_asset_table",
    "awesome_rotate_css",
    "countries_geojson",
]

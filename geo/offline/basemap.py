"""The offline basemap: Natural Earth country outlines (npm ``world-atlas``) as GeoJSON, drawn
under the data when no tile server is reachable."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import AssetError
from .table import DEFAULT_NODE_MODULES, NPM_CI_HINT

COORD_DIGITS = 5   # decimals kept of each coordinate (about 1 m)


def countries_geojson(
    node_modules: Path | str = DEFAULT_NODE_MODULES,
    simplify_deg: float = 0.0,
    *,
    resolution: str = "50m",
) -> dict:
    """Natural Earth countries (npm world-atlas) as GeoJSON: ``name`` only, 5 decimals, sorted by name.

    1:50m by default: 241 countries, about 2.1 MB of compact GeoJSON at 5 decimals (1.5 MB with
    ``simplify_deg=0.01``, 1.1 MB with 0.02). The 1:110m file (177 countries, 0.23 MB) drops
    small states and its Syria/Lebanon/Israel borders are visibly crude at the zoom of a regional
    situation map; 1:10m (3.7 MB of TopoJSON) is more than a basemap needs.
    ``resolution`` may be "110m", "50m" or "10m". ``simplify_deg`` simplifies each country on its
    own (shared borders may then show hairline gaps). Raises AssetError if world-atlas is missing.
    """
    import geopandas as gpd  # heavy; only needed here
    import numpy as np
    import shapely

    path = Path(node_modules) / "world-atlas" / f"countries-{resolution}.json"
    if not path.is_file():
        raise AssetError(f"no local copy of world-atlas/{path.name} in {node_modules}; {NPM_CI_HINT}")
    gdf = gpd.read_file(path, layer="countries")
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    geoms = gdf.geometry.values
    if simplify_deg > 0:
        geoms = shapely.simplify(geoms, simplify_deg, preserve_topology=True)
    geoms = shapely.transform(geoms, lambda c: np.round(c, COORD_DIGITS))
    features = []
    for name, geom in zip(gdf["name"].astype(str), geoms):
        if geom is None or geom.is_empty:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name},
                "geometry": json.loads(json.dumps(shapely.geometry.mapping(geom))),
            }
        )
    features.sort(key=lambda f: f["properties"]["name"])  # stable: file order breaks ties
    return {"type": "FeatureCollection", "features": features}

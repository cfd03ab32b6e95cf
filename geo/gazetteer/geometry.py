"""The ``geometry`` cell of a gazetteer CSV: WKT in WGS84 (lon lat order) for lines and areas.

Accepted: POINT, LINESTRING, MULTILINESTRING, POLYGON or MULTIPOLYGON only (no
GEOMETRYCOLLECTION, MULTIPOINT), not empty nor with an empty part, finite, within WGS84 ranges,
valid (GEOS). Z and M values are dropped with a warning (the WKT is rewritten in 2D).
"""

from __future__ import annotations

from typing import NamedTuple

from .checks import LAT, LON

GEOMETRY_TYPES = ("Point", "LineString", "MultiLineString", "Polygon", "MultiPolygon")


class CheckedGeometry(NamedTuple):
    wkt: str        # the WKT to keep
    problem: str    # what was expected; "" when accepted
    warning: str    # what was changed; "" when nothing


def check_geometry(wkt: str) -> CheckedGeometry:
    """The WKT to keep, the problem ("" when it is accepted) and a warning for a geometry cell.

    Accepted: POINT, LINESTRING, MULTILINESTRING, POLYGON, MULTIPOLYGON, without empty parts,
    with finite coordinates in WGS84 ranges, valid. Z and M values are dropped (a warning) and
    the WKT rewritten in 2D; otherwise the WKT is kept as written."""
    import numpy as np
    import shapely
    from shapely.errors import ShapelyError

    try:
        with np.errstate(all="ignore"):
            geom = shapely.from_wkt(wkt)
    except (ShapelyError, ValueError, TypeError):
        return CheckedGeometry(wkt, "is not WKT; expected e.g. 'LINESTRING (37.1 36.2, 36.3 33.5)'", "")
    if geom is None or geom.geom_type not in GEOMETRY_TYPES:
        kind = geom.geom_type if geom is not None else "nothing"
        return CheckedGeometry(wkt, (f"is a {kind}; expected POINT, LINESTRING, MULTILINESTRING, POLYGON or"
                                     " MULTIPOLYGON (a point needs no geometry: leave it empty)"), "")
    if geom.is_empty or any(p.is_empty for p in shapely.get_parts(geom)):
        return CheckedGeometry(wkt, "is empty or has an empty part; expected coordinates, or an empty cell for a point", "")
    warning = ""
    if shapely.has_z(geom) or shapely.has_m(geom):
        dims = "Z and M" if shapely.has_z(geom) and shapely.has_m(geom) else "Z" if shapely.has_z(geom) else "M"
        geom = shapely.force_2d(geom)
        wkt = shapely.to_wkt(geom, rounding_precision=-1)
        warning = f"has {dims} values; dropped (the map is 2D, lon lat)"
    xy = shapely.get_coordinates(geom)
    if not np.isfinite(xy).all():
        return CheckedGeometry(wkt, "has a coordinate that is not a finite number", "")
    if not ((np.abs(xy[:, 0]) <= LON.limit).all() and (np.abs(xy[:, 1]) <= LAT.limit).all()):
        return CheckedGeometry(wkt, "has coordinates outside WGS84; expected 'lon lat' order", "")
    if not geom.is_valid:
        return CheckedGeometry(wkt, f"is not a valid shape ({shapely.is_valid_reason(geom)})", "")
    return CheckedGeometry(wkt, "", warning)

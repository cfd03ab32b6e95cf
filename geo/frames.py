"""The only module that builds GeoDataFrames (EPSG:4326).

Gazetteer rows carry ``lat`` and ``lon``; shapely points are ``Point(x=lon, y=lat)``. The swap
happens here, once.
"""

from __future__ import annotations

import geopandas as gpd
import shapely
from shapely import wkt as shapely_wkt
from shapely.geometry import Point

from .model import Report
from .places import mention_record

CRS = "EPSG:4326"
PRECISION = 1e-6  # coordinates are rounded to 6 decimals (~0.1 m)


def place_geometry(place) -> shapely.Geometry:
    """The shape of a Place or gazetteer Entry: its WKT line or area, else its point."""
    if place.geometry:
        geom = shapely_wkt.loads(place.geometry)
    else:
        geom = Point(place.lon, place.lat)  # x = lon, y = lat
    return shapely.set_precision(geom, PRECISION)


PLACE_PROPERTIES = ["id", "name", "kind", "lat", "lon", "mention_count", "article_count", "articles",
                    "latest_date", "precision_km", "country", "source", "mentions"]   # exported, in this order


def places_frame(places, reports: dict[str, Report]) -> gpd.GeoDataFrame:
    rows = []
    windows: dict = {}   # the exported part of a long sentence, one string for all its mentions
    for p in places:
        rows.append({
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "lat": round(p.lat, 6),
            "lon": round(p.lon, 6),
            "precision_km": p.precision_km,
            "country": p.country,
            "source": p.source,
            "mention_count": len(p.mentions),
            "article_count": len(p.articles),
            "articles": list(p.articles),
            "latest_date": max((reports[a].date for a in p.articles), default=""),
            "mentions": [mention_record(m, reports[m.article], windows) for m in p.mentions],
            "geometry": place_geometry(p),
        })
    columns = ["id", "name", "kind", "lat", "lon", "precision_km", "country", "source",
               "mention_count", "article_count", "articles", "latest_date", "mentions", "geometry"]
    return gpd.GeoDataFrame(rows, columns=columns, geometry="geometry", crs=CRS)


CLAIM_COLUMNS = ["place_id", "place", "actor", "status", "effect", "claimant", "claimant_side", "admission",
                 "hedged", "article", "outlet", "date", "quote", "trigger", "place_state", "place_controller"]


def claims_frame(claims, gazetteer, states) -> gpd.GeoDataFrame:
    """One row per claim; geometry is the place's own (point, line or area)."""
    rows = []
    shapes: dict[str, object] = {}   # one geometry per place, shared by its claims
    for c in claims:
        if c.place_id not in shapes:
            shapes[c.place_id] = place_geometry(gazetteer.entries[c.place_id])
        rows.append({
            "place_id": c.place_id, "place": c.place, "actor": c.actor, "status": c.status,
            "effect": c.effect, "claimant": c.claimant, "claimant_side": c.claimant_side, "admission": c.admission,
            "hedged": c.hedged, "article": c.article, "outlet": c.outlet, "date": c.date,
            "quote": c.quote, "trigger": c.trigger, "place_state": states[c.place_id].state,
            "place_controller": states[c.place_id].controller,
            "geometry": shapes[c.place_id],
        })
    return gpd.GeoDataFrame(rows, columns=CLAIM_COLUMNS + ["geometry"], geometry="geometry", crs=CRS)


CONTROL_COLUMNS = ["place_id", "place", "date", "state", "controller", "actors", "since", "disputed", "confidence",
                   "outlets", "sides", "admissions", "claims", "basis", "previous", "previous_date"]


def control_frame(lines, gazetteer) -> gpd.GeoDataFrame:
    """The derived state of each place on each day it has claims (``geo.state``): one row per
    place and day, the state holding until the place's next row. ``basis`` lists the claims the
    state rests on as "article:offset"."""
    rows = []
    for pid, timeline in lines.items():
        entry = gazetteer.entries[pid]
        geom = place_geometry(entry)
        for st in timeline:
            rows.append({
                "place_id": pid, "place": entry.name, "date": st.date, "state": st.state,
                "controller": st.controller, "actors": list(st.actors), "since": st.since,
                "disputed": st.disputed, "confidence": st.confidence, "outlets": st.outlets, "sides": st.sides,
                "admissions": st.admissions, "claims": st.claim_count,
                "basis": [f"{c.article}:{c.start}" for c in st.basis],
                "previous": st.previous, "previous_date": st.previous_date, "geometry": geom,
            })
    return gpd.GeoDataFrame(rows, columns=CONTROL_COLUMNS + ["geometry"], geometry="geometry", crs=CRS)


AREA_COLUMNS = ["date", "until", "controller", "estimate", "places", "confidence", "opacity", "area_km2"]
FRONT_COLUMNS = ["date", "until", "sides", "estimate", "length_km"]
ESTIMATE = "estimated from claims, not an assessment"


def areas_frame(est) -> gpd.GeoDataFrame:
    """``geo.areas`` estimate: one row per controller and run of days with the same estimate."""
    rows = [{"date": a.date, "until": a.until, "controller": a.controller, "estimate": ESTIMATE,
             "places": list(a.places), "confidence": a.confidence, "opacity": a.opacity,
             "area_km2": a.area_km2, "geometry": a.geometry} for a in est.areas]
    return gpd.GeoDataFrame(rows, columns=AREA_COLUMNS + ["geometry"], geometry="geometry", crs=CRS)


def fronts_frame(est) -> gpd.GeoDataFrame:
    rows = [{"date": f.date, "until": f.until, "sides": list(f.sides), "estimate": ESTIMATE,
             "length_km": f.length_km, "geometry": f.geometry} for f in est.fronts]
    return gpd.GeoDataFrame(rows, columns=FRONT_COLUMNS + ["geometry"], geometry="geometry", crs=CRS)

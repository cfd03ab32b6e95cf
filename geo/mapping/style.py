"""How places and actors look on the map: icon and colour per gazetteer kind, actors' colours."""

from __future__ import annotations

import re
from typing import NamedTuple


class KindStyle(NamedTuple):
    icon: str     # Font Awesome 6 solid icon name
    colour: str   # the marker's and shape's colour
    label: str    # how popups and the legend name the kind


# Icon (Font Awesome 6 solid) and colour per gazetteer kind; anything else is "other".
KIND_STYLE = {
    "capital": KindStyle("star", "#7b3294", "capital"),
    "city": KindStyle("city", "#2c7bb6", "city"),
    "town": KindStyle("house", "#4a90c2", "town"),
    "village": KindStyle("house", "#74add1", "village"),
    "airbase": KindStyle("jet-fighter", "#d7191c", "airbase"),
    "airport": KindStyle("plane", "#e66101", "airport"),
    "naval_base": KindStyle("anchor", "#1a3d6d", "naval base"),
    "military_base": KindStyle("shield-halved", "#d7191c", "military base"),
    "port": KindStyle("ship", "#1a3d6d", "port"),
    "landmark": KindStyle("landmark", "#8c510a", "landmark"),
    "road": KindStyle("road", "#555555", "road"),
    "border_crossing": KindStyle("road-barrier", "#b35806", "border crossing"),
    "dam": KindStyle("water", "#0571b0", "dam"),
    "governorate": KindStyle("draw-polygon", "#5e3c99", "governorate"),
    "region": KindStyle("draw-polygon", "#5e3c99", "region"),
    "area": KindStyle("draw-polygon", "#5e3c99", "area"),
    "country": KindStyle("flag", "#4d4d4d", "country"),
    "other": KindStyle("location-dot", "#666666", "other place"),
}
AREA_KINDS = {"governorate", "region", "area"}
# Kinds drawn smaller and never labelled without hovering: countries, regions, roads.
NO_LABEL_KINDS = AREA_KINDS | {"country", "road"}

FALLBACK_COLOUR = "#888888"   # an actor whose colour is missing or unsafe
_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}")


def kind_style(kind: str) -> KindStyle:
    return KIND_STYLE.get(kind, KIND_STYLE["other"])


def safe_colour(value: str) -> str:
    """An actor's colour from actors.toml if it is a hex or named CSS colour, else grey."""
    return value if isinstance(value, str) and _COLOUR.fullmatch(value) else FALLBACK_COLOUR

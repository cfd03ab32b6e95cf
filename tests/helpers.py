"""What tests share: the repository root, the gazetteer CSV header, a file writer.

Import with ``from helpers import ROOT`` (pytest puts ``tests/`` on ``sys.path``)."""

import importlib.util
from pathlib import Path

from geopy.distance import geodesic

from geo.gazetteer import OPTIONAL, REQUIRED

ROOT = Path(__file__).resolve().parent.parent
# every column of a gazetteer CSV, in the order the project's own file uses
HEADER = ",".join(REQUIRED + OPTIONAL) + "\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance between two (lat, lon) points on the WGS84 ellipsoid (geopy), in km."""
    return geodesic(a, b).km


def cities15000() -> Path | None:
    """The GeoNames extract shipped in the geotext wheel (cities15000.txt), or None without it."""
    spec = importlib.util.find_spec("geotext")
    if spec is None or not spec.submodule_search_locations:
        return None
    p = Path(list(spec.submodule_search_locations)[0]) / "data" / "cities15000.txt"
    return p if p.is_file() else None

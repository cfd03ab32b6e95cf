"""Written files: GeoJSON exports and the atomic, all-or-nothing output folder.

Outputs are staged in a temporary folder inside the output folder and moved into place only
when every file has been written, so a failed build leaves the previous map untouched.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from pathlib import Path

from shapely.geometry import mapping

from .errors import OutputError


def _round(obj):
    if isinstance(obj, float):
        return round(obj, 6) if math.isfinite(obj) else None
    if isinstance(obj, (list, tuple)):
        return [_round(x) for x in obj]
    return obj


def _plain(value):
    """numpy/pandas scalars and containers -> JSON-ready Python values."""
    if value is None:
        return None
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def feature_collection(gdf, properties: list[str]) -> dict:
    """A GeoJSON FeatureCollection of ``gdf`` rows, in row order, coordinates at 6 decimals."""
    features = []
    shapes: dict[int, dict] = {}   # rows sharing one geometry object (a place's claims) share its JSON
    for row in gdf.itertuples(index=False):
        geom = shapes.get(id(row.geometry))
        if geom is None:
            g = mapping(row.geometry)
            geom = shapes[id(row.geometry)] = {"type": g["type"], "coordinates": _round(g["coordinates"])}
        props = {k: _plain(getattr(row, k)) for k in properties}
        features.append({"type": "Feature", "geometry": geom, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def geojson_bytes(fc: dict) -> bytes:
    """Deterministic GeoJSON: one feature per line, UTF-8, no trailing spaces."""
    head = '{"type": "FeatureCollection", "features": ['
    lines = [json.dumps(f, ensure_ascii=False, separators=(", ", ": ")) for f in fc["features"]]
    return (head + "\n" + ",\n".join(lines) + "\n]}\n").encode("utf-8")


def json_bytes(obj) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


class Outputs:
    """Stage files, then move them all into ``out_dir`` together.

    with Outputs(out_dir) as out:
        out.write("places.geojson", data)
    # files appear in out_dir only if the block completes without an exception
    """

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.names: list[str] = []
        self._tmp: Path | None = None

    def __enter__(self) -> "Outputs":
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            self._tmp = Path(tempfile.mkdtemp(prefix=".tmp-build-", dir=self.out_dir))
        except OSError as e:
            raise OutputError(f"{self.out_dir}: cannot write here ({e.strerror})") from None
        return self

    def path(self, name: str) -> Path:
        assert self._tmp is not None
        return self._tmp / name

    def write(self, name: str, data: bytes) -> Path:
        try:
            self.path(name).write_bytes(data)
        except OSError as e:
            raise OutputError(f"{self.out_dir / name}: cannot be written ({e.strerror})") from None
        self.names.append(name)
        return self.out_dir / name

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self._tmp is not None
        try:
            if exc_type is None:
                for name in self.names:
                    os.replace(self._tmp / name, self.out_dir / name)
        finally:
            shutil.rmtree(self._tmp, ignore_errors=True)

"""Small builders shared by tests."""

from pathlib import Path

HEADER = "id,name,aliases,kind,lat,lon,country,parent,geometry,precision_km,source\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path

"""The page's static text, kept as files in geo/data: its script (map.js), its styles (map.css)
and the fixed HTML of its panels (map_panels.html)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
PANELS_FILE = "map_panels.html"
_FRAGMENT = re.compile(r"<!-- fragment: ([a-z-]+) -->")


def asset_text(name: str) -> str:
    """A file of geo/data as text, unchanged."""
    return (DATA / name).read_text(encoding="utf-8")


@cache
def fragments() -> dict[str, str]:
    """The named HTML fragments of map_panels.html. Each starts at a line
    ``<!-- fragment: name -->``; its lines are stripped and joined with nothing between them, so
    line breaks and indentation in the file are layout only (a space the HTML needs stays inside
    a line). Lines before the first fragment are the file's own comment."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in asset_text(PANELS_FILE).splitlines():
        start = _FRAGMENT.fullmatch(line.strip())
        if start:
            current = out.setdefault(start.group(1), [])
        elif current is not None:
            current.append(line.strip())
    return {name: "".join(lines) for name, lines in out.items()}

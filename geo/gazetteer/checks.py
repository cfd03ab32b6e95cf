"""The checks both gazetteer formats share, and the one way their problems are listed.

Every problem is one line naming file, line, column, value and what was expected
(``Problems.bad``); all problems of a file are raised together as one ``GazetteerError``, at
most ``MAX_PROBLEMS`` lines of them, then "... and K more problem(s)" (``capped``, the one
truncation, also used for warnings and for the alternatives of a GeoNames name).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ..errors import GazetteerError

MAX_PROBLEMS = 20                 # problem (or warning) lines shown; then "... and K more"
MAX_PRECISION_KM = 5000.0         # more than half the width of any country; the pinned gazetteer's largest is 1000


def capped(lines: list[str], what: str = "problem(s)", limit: int = MAX_PROBLEMS,
           total: int | None = None) -> list[str]:
    """The first ``limit`` lines, then "... and K more <what>" if there are more; ``total`` is
    how many there are when ``lines`` holds only the first ones."""
    more = (len(lines) if total is None else total) - limit
    if more <= 0:
        return lines[:limit]
    return lines[:limit] + [f"... and {more} more {what}".rstrip()]


class Problems:
    """The problems found in one file, one line each, raised together by ``raise_if_any``."""

    def __init__(self, path: Path):
        self.path = path
        self.lines: list[str] = []

    def __len__(self) -> int:
        return len(self.lines)

    def at(self, line: int, text: str) -> None:
        self.lines.append(f"{self.path} line {line}: {text}")

    def bad(self, line: int, column: str, value: str, expected: str) -> None:
        self.at(line, f"{column} {value!r} {expected}")

    def whole_file(self, text: str) -> None:
        self.lines.append(f"{self.path}: {text}")

    def raise_if_any(self) -> None:
        if self.lines:
            raise GazetteerError(capped(self.lines))


class Checked(NamedTuple):
    value: float | None   # None when refused
    problem: str          # what was expected, for ``Problems.bad``; "" when accepted


@dataclass(frozen=True)
class Axis:
    """A WGS84 coordinate: how far from 0 it may go, and the example that messages give."""
    limit: int
    example: str

    def contains(self, degrees: float) -> bool:
        return -self.limit <= degrees <= self.limit     # False for nan


LAT = Axis(90, "36.20124")
LON = Axis(180, "37.16117")


def coordinate(value: str, axis: Axis) -> Checked:
    """A latitude or longitude cell: decimal degrees within the axis' range (not nan nor inf)."""
    try:
        degrees = float(value)
    except ValueError:
        return Checked(None, f"is not a number; expected decimal degrees like {axis.example}")
    if not axis.contains(degrees):
        return Checked(None, f"is outside -{axis.limit}..{axis.limit}")
    return Checked(degrees, "")


def precision(value: str) -> Checked:
    """A ``precision_km`` cell: a number of km from 0 to ``MAX_PRECISION_KM`` (not nan nor inf)."""
    try:
        km = float(value)
    except ValueError:
        km = math.nan                                   # refused below
    if not 0 <= km <= MAX_PRECISION_KM:
        return Checked(None, f"is not a number of km from 0 to {MAX_PRECISION_KM:g}; expected e.g. 5 for a town")
    return Checked(km, "")

"""What the map is drawn from besides the places frame: the title block's figures and the claims."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ..model import Claim, Entry
from ..state import Change, PlaceState

if TYPE_CHECKING:
    from ..areas import Estimate


class ActorStyle(Protocol):
    """How the map writes and colours an actor (geo.claims.Actor from actors.toml)."""

    @property
    def label(self) -> str: ...

    @property
    def colour(self) -> str: ...


Actors = Mapping[str, ActorStyle]   # actor id -> how it is written


@dataclass
class MapInfo:
    """What the title block and legend say."""
    title: str
    latest_date: str
    report_count: int
    place_count: int
    metonym_count: int
    claim_count: int
    gazetteer_name: str
    gazetteer_sha256: str
    extra_lines: list[str] = field(default_factory=list)  # already-escaped HTML lines


@dataclass
class ClaimsInput:
    lines: dict[str, list[PlaceState]]   # place_id -> its states over time, geo.state.timelines
    claims: list[Claim]                  # every Claim
    changes: list[Change]                # geo.state.changes, by date
    entries: Mapping[str, Entry]         # gazetteer entries by id
    actors: Actors                       # actor id -> Actor (actors.toml)
    labels: Mapping[str, str] = field(default_factory=dict)   # status -> how popups write it (claims.toml)
    areas: Estimate | None = None        # geo.areas.estimate

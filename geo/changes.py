"""What moved since the previous build in the same output folder."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from geopy.distance import geodesic


@dataclass
class Changes:
    first_build: bool
    added: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    moved: list[tuple[str, float]] = field(default_factory=list)   # (name, km)
    claims_gained: int = 0
    claims_lost: int = 0
    states: list[tuple[str, str, str]] = field(default_factory=list)   # (place, before, after)

    def summary(self) -> str:
        if self.first_build:
            return "first build in this folder"
        parts = []
        if self.added:
            parts.append("added " + ", ".join(self.added))
        if self.dropped:
            parts.append("dropped " + ", ".join(self.dropped))
        if self.moved:
            parts.append("moved " + ", ".join(f"{n} ({km:.1f} km)" for n, km in self.moved))
        if self.states:
            parts.append("changed state " + ", ".join(f"{n} ({a or 'no claims'} -> {b or 'no claims'})"
                                                      for n, a, b in self.states))
        if self.claims_gained or self.claims_lost:
            parts.append(f"claims +{self.claims_gained} -{self.claims_lost}")
        return "since the last build: " + ("; ".join(parts) if parts else "no change")


def _load(path: Path, keep: tuple[str, ...]) -> list[dict] | None:
    """The features of a GeoJSON file written by this tool, each with only the properties in
    ``keep``. The file is read line by line (one feature per line, ``export.geojson_chunks``),
    so that comparing with a large previous build costs little memory; a file in another layout
    is parsed whole. None when there is no readable file."""
    try:
        with open(path, encoding="utf-8") as f:
            first = f.readline()
            if first.strip() != '{"type": "FeatureCollection", "features": [':
                return _slim(json.loads(first + f.read())["features"], keep)
            out = []
            for line in f:
                line = line.strip().rstrip(",")
                if line.startswith("{"):
                    out.append(_slim([json.loads(line)], keep)[0])
            return out
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _slim(features, keep: tuple[str, ...]) -> list[dict]:
    return [{"properties": {k: f["properties"].get(k) for k in keep}} for f in features]


def _point(f: dict):
    p = f["properties"]
    return (p.get("lat"), p.get("lon"))


CLAIM_KEY = ("article", "place_id", "actor", "status", "claimant_side")
CLAIM_STATE = ("place", "place_state", "place_controller")
PLACE_KEEP = ("id", "name", "lat", "lon")


def read_previous(out_dir: Path) -> tuple[list[dict] | None, list[dict] | None]:
    """The previous build's places and claims features, or None when there is none."""
    return (_load(Path(out_dir) / "places.geojson", PLACE_KEEP),
            _load(Path(out_dir) / "claims.geojson", CLAIM_KEY + CLAIM_STATE))


def compare(previous: tuple[list[dict] | None, list[dict] | None], places: list[dict], claims: list[dict]) -> Changes:
    old_places, old_claims = previous
    if old_places is None:
        return Changes(first_build=True)
    old = {f["properties"]["id"]: f for f in old_places}
    new = {f["properties"]["id"]: f for f in places}
    ch = Changes(first_build=False)
    ch.added = sorted(new[i]["properties"]["name"] for i in new.keys() - old.keys())
    ch.dropped = sorted(old[i]["properties"]["name"] for i in old.keys() - new.keys())
    for i in sorted(new.keys() & old.keys()):
        a, b = _point(old[i]), _point(new[i])
        if None not in a and None not in b and a != b:
            ch.moved.append((new[i]["properties"]["name"], geodesic(a, b).km))
    key = lambda f: tuple(f["properties"].get(k) for k in CLAIM_KEY)  # noqa: E731
    before = {key(f) for f in (old_claims or [])}
    after = {key(f) for f in claims}
    ch.claims_gained, ch.claims_lost = len(after - before), len(before - after)
    old_state, new_state = _states(old_claims or []), _states(claims)
    ch.states = sorted(((new_state.get(pid) or old_state[pid])[0], old_state.get(pid, ("", ""))[1],
                        new_state.get(pid, ("", ""))[1])
                       for pid in old_state.keys() | new_state.keys()
                       if old_state.get(pid, ("", ""))[1] != new_state.get(pid, ("", ""))[1])
    return ch


def _states(claims: list[dict]) -> dict[str, tuple[str, str]]:
    """place id -> (name, "held by X" / "contested" ...) from a claims.geojson's features."""
    out = {}
    for f in claims:
        p = f["properties"]
        state, controller = p.get("place_state") or "", p.get("place_controller") or ""
        out[p.get("place_id")] = (p.get("place") or "", f"held by {controller}" if state == "held" and controller
                                  else state)
    return out

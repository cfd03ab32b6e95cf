"""What moved since the previous build in the same output folder."""

from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from pathlib import Path

from geopy.distance import geodesic

from .cache import write_atomic


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
DIGEST_FORMAT = 1
MAX_DIGEST_BYTES = 256 * 1024 * 1024   # a larger kept digest is not read (the outputs are)
COMPARED = ("places.geojson", "claims.geojson")   # the outputs a digest stands for


@dataclass(frozen=True)
class Digest:
    """What a build drew, as small as a comparison needs: each place's name and point, a hash
    of each claim's key, each place's state."""
    places: dict[str, tuple[str, float | None, float | None]]
    claims: frozenset[str]
    states: dict[str, tuple[str, str]]


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def key_json(values: list) -> str:
    """``json.dumps(values, ensure_ascii=False)``, written directly when every value is a string
    (a claim's key: the same text, without making an encoder per claim)."""
    if all(type(v) is str for v in values):
        return "[" + ", ".join(map(encode_basestring, values)) + "]"
    return _ENCODE(values)


def digest(places: list[dict], claims: list[dict]) -> Digest:
    """The digest of a build's places and claims features (only the properties compared)."""
    return Digest(
        {f["properties"]["id"]: (f["properties"].get("name"), *_point(f)) for f in places},
        frozenset(hashlib.blake2b(key_json([f["properties"].get(k) for k in CLAIM_KEY])
                                  .encode("utf-8", "surrogatepass"), digest_size=8).hexdigest() for f in claims),
        _states(claims))


def _stamp(out_dir: Path) -> list[list[int]] | None:
    """Size and modification time of the compared outputs: a digest kept for them holds while
    these are the same (an output edited or replaced by hand is read again)."""
    try:
        return [[st.st_size, st.st_mtime_ns] for st in (os.stat(Path(out_dir) / n) for n in COMPARED)]
    except OSError:
        return None


def keep(path: Path, out_dir: Path, d: Digest) -> None:
    """Keep ``d`` in ``path`` for the next build, stamped with the outputs just written; a file
    that cannot be written costs the next build a reading of the outputs, nothing else."""
    data = {"format": DIGEST_FORMAT, "stamp": _stamp(out_dir), "places": d.places, "claims": sorted(d.claims),
            "states": d.states}
    try:
        write_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    except OSError:
        pass


def _coordinate(v, limit: float) -> float | None:
    """A kept latitude or longitude, or None; ValueError for anything else."""
    if v is None:
        return None
    if type(v) not in (int, float) or not math.isfinite(v) or abs(v) > limit:
        raise ValueError("not a coordinate")
    return float(v)


def _kept(path: Path | None, out_dir: Path) -> Digest | None:
    """The digest kept beside the previous build, when it stands for the outputs now there and
    every value in it is what ``keep`` writes; else None (the outputs are read instead)."""
    if path is None:
        return None
    try:
        if path.stat().st_size > MAX_DIGEST_BYTES:
            return None
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        stamp = _stamp(out_dir)
        if not isinstance(data, dict) or data.get("format") != DIGEST_FORMAT or stamp is None or data.get("stamp") != stamp:
            return None
        places = {}
        for k, v in data["places"].items():
            if not (type(v) is list and len(v) == 3 and type(v[0]) is str):
                raise ValueError("a place")
            places[k] = (v[0], _coordinate(v[1], 90), _coordinate(v[2], 180))
        if not all(type(c) is str for c in data["claims"]):
            raise ValueError("a claim")
        states = {}
        for k, v in data["states"].items():
            if not (type(v) is list and len(v) == 2 and all(type(x) is str for x in v)):
                raise ValueError("a state")
            states[k] = (v[0], v[1])
        return Digest(places, frozenset(data["claims"]), states)
    except Exception:   # a damaged or hand-made file of any shape (even nested past the recursion limit)
        return None


def read_previous(out_dir: Path, kept: Path | None = None) -> Digest | None:
    """The previous build's digest: the one kept at ``kept`` when it stands for the outputs in
    ``out_dir``, else made from those outputs; None when there is none."""
    d = _kept(kept, out_dir)
    if d is not None:
        return d
    places = _load(Path(out_dir) / "places.geojson", PLACE_KEEP)
    if places is None:
        return None
    return digest(places, _load(Path(out_dir) / "claims.geojson", CLAIM_KEY + CLAIM_STATE) or [])


def compare(old: Digest | None, new: Digest) -> Changes:
    if old is None:
        return Changes(first_build=True)
    ch = Changes(first_build=False)
    ch.added = sorted(new.places[i][0] for i in new.places.keys() - old.places.keys())
    ch.dropped = sorted(old.places[i][0] for i in old.places.keys() - new.places.keys())
    for i in sorted(new.places.keys() & old.places.keys()):
        a, b = old.places[i][1:], new.places[i][1:]
        if None not in a and None not in b and a != b:
            try:
                ch.moved.append((new.places[i][0], geodesic(a, b).km))
            except ValueError:   # a point no build writes (read from an output edited by hand)
                continue
    ch.claims_gained, ch.claims_lost = len(new.claims - old.claims), len(old.claims - new.claims)
    old_state, new_state = old.states, new.states
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

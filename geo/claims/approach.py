"""A status phrase whose object is a place's outskirts, edge or gates: a gain or entry there nears the
place; a defence of them, or fighting on them, is the place's."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from .clauses import PlaceRef, Words
from .clauses.words import APPROACH_NOUNS, possessed_approach
from .triggers import Trigger
from .vocabulary import ClaimVocabulary

_AT_THE_EDGE = ("defence", "fighting")   # effects whose outskirts are the place's own ("fighting on Hama's outskirts")
# "the city's edge": the city or town named before (not a village: "Hirbil, east of the town, ... the town's edges")
_CITY_PARTS = {"city's": ("city", "town"), "town's": ("town", "city")}


def approach(t: Trigger, targets: list[PlaceRef], toks: Words, places: list[PlaceRef],
             vocab: ClaimVocabulary) -> tuple[Trigger, list[PlaceRef]]:
    """A gain or entry whose object is a place's outskirts nears the place ("reached Hama's northern
    outskirts", "Rebels reach Damascus outskirts", "reached the city's edge"): an approach to it. A
    defence of a place's outskirts, or fighting on them, is the place's ("repelled an attack on Hama's
    outskirts", "were fighting on the city's northern outskirts")."""
    k, effect = toks.at(t.end), t.pattern.effect
    if not targets and effect in _AT_THE_EDGE:
        on = next((toks[j].end for j in range(k, min(len(toks), k + 4)) if toks[j].word in ("on", "against")), t.end)
        own = possessed_approach(toks, on, places) or (
            _city_part(toks, toks.at(on), t, places, vocab.reader.entries) if effect == "fighting" else None)
        return t, [own] if own is not None else []
    near = (possessed_approach(toks, t.end, places) if len(targets) < 2 and effect in ("gain", "presence")
            else None) or vocab.reader.approached(toks, targets, effect)   # ("took the outskirts of X")
    if near is None and not targets and effect in ("gain", "presence"):
        near = _city_part(toks, k, t, places, vocab.reader.entries)
    if near is None or targets not in ([], [near]) or vocab.effect("advancing") != "approach":
        return t, targets
    return replace(t, pattern=replace(t.pattern, status="advancing", effect="approach")), [near]


def _city_part(toks: Words, k: int, t: Trigger, places: list[PlaceRef], entries: Mapping) -> PlaceRef | None:
    """The place named before the phrase when its object at token ``k`` is "the city's" outskirts or edge."""
    kinds = _CITY_PARTS.get(toks[k + 1].word, ()) if k + 1 < len(toks) and toks[k].word == "the" else ()
    if not kinds or not any(x.word in APPROACH_NOUNS for x in toks[k + 2:k + 4]):
        return None
    p = next((p for p in reversed(places) if p.end <= t.start and p.key is not None
              and not p.key.surface[:1].islower()), None)   # (a name, not an anaphor: "east of the town")
    e = entries.get(p.key.place_id) if p is not None and p.key is not None else None
    return p if e is not None and e.kind in kinds else None

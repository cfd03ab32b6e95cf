"""A sponsor's adjective before a force ("US-backed", "Turkish-supported"): it names who backs the
force, not the force itself."""

from __future__ import annotations

from .words import ActorHit, Words

SPONSOR_PARTICIPLES = frozenset({"backed", "led", "aligned", "allied", "affiliated", "supported", "sponsored"})
BACKING = frozenset({"backed", "supported", "sponsored", "funded", "armed", "trained"})   # (not "led": "HTS-led rebels")
SPONSORED_REACH = 40   # characters from a sponsor's name to the force it describes ("US-backed, Kurdish-led SDF")


def past_a_name(gap: list) -> bool:
    """A name that is no force, or a comma, stands in ``gap`` ("residents reached by N24 said they"),
    not a sponsor's ("US-backed fighters", "the US-backed, Kurdish-led SDF")."""
    return any((x.word in (",", ";") and not (n and gap[n - 1].word in SPONSOR_PARTICIPLES))
               or (x.cap and n + 1 < len(gap) and gap[n + 1].word not in SPONSOR_PARTICIPLES
                   and gap[n + 1].word not in ("and", "or") and not gap[n + 1].cap)
               for n, x in enumerate(gap))   # (a capital right before the force is its adjective: "Syrian army soldiers")


def sponsor_of_next(toks: Words, a: ActorHit, actors: list[ActorHit]) -> bool:
    """``a`` is a sponsor's name before the force it backs ("held by the [US]-backed, Kurdish-led SDF")."""
    k = toks.at(a.end)
    return k < len(toks) and toks[k].word in BACKING and any(
        b.start >= a.end and b.start - a.end <= SPONSORED_REACH and b.actor != a.actor for b in actors)

"""A sponsor's adjective before a force ("US-backed", "Turkish-supported"): it names who backs the
force, not the force itself."""

from __future__ import annotations

from collections.abc import Mapping

from .words import ActorHit, Words

SPONSOR_PARTICIPLES = frozenset({"backed", "led", "aligned", "allied", "affiliated", "supported", "sponsored"})
BACKING = frozenset({"backed", "supported", "sponsored", "funded", "armed", "trained"})   # (not "led": "HTS-led rebels")
# nouns of a relation to a force: "allies of the US" are not the US's own men
RELATION_HEADS = frozenset({"allies", "ally", "proxies", "proxy", "partners", "partner", "backers", "enemies", "opponents",
                            "rivals", "foes"})
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


def fused(toks: Words, hits: list[ActorHit], proxies: Mapping[str, str]) -> list[ActorHit]:
    """A sponsor's name joined to the named force it backs, as one phrase of that force ("fighters of
    the [US-backed SDF]": the SDF's, not the US's). A sponsor with a proxy (actors.toml ``proxy``) is
    left to the phrase reader, which names the proxy ("Turkish-backed armed opposition groups": the SNA)."""
    out: list[ActorHit] = []
    for h in hits:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "name" and h.kind == "name" and prev.actor not in proxies \
                and sponsor_of_next(toks, prev, [h]) and _backing_only(toks.between(prev.end, h.start)):
            out[-1] = ActorHit(prev.start, h.end, h.actor, "name", h.plural, h.number, h.head)
            continue
        out.append(h)
    return out


def _backing_only(gap: list) -> bool:
    """``gap`` is a sponsor's participle ("-backed", "-backed,"), nothing else."""
    return any(t.word in BACKING for t in gap) and all(t.word in BACKING or t.word in ("-", ",") for t in gap)


"""Whose words a force phrase is in: a side's name for its enemy ("the terrorists" in Turkish
sources), its plain word for its own men, a proxy named by its sponsor, the speaker a pronoun stands for."""

from __future__ import annotations

from .clauses import ActorHit
from .clauses.sponsors import BACKING
from .discourse import NO_ACTOR
from .query import OWN_NOUNS, AgentQuery, has_side

RECENT_FORCES = 3      # forces named last: another among them makes a side's "the mercenaries" unsure
UNSAID = NO_ACTOR      # enemy_in_voice: a hostile phrase whose enemy the side's words do not say (or a body of no actor)

# nouns no side calls its own men by ("the gunmen had entered Hama", says the army); a side's own such
# nouns are actors.toml's ``stranger_nouns`` (the army's "the groups")
STRANGER_NOUNS = frozenset({"gunmen", "militants", "elements", "attackers", "assailants", "mercenaries"})

# words that name no force in "the armed terrorist groups", "the remnants of the militias"
_PLAIN_WORDS = frozenset({"the", "these", "those", "armed", "remaining", "other", "remnants", "of"})


def sponsored(q: AgentQuery, a: ActorHit) -> bool:
    """A noun after a sponsor's participle ("the US-backed force"): someone's proxy, not the speaker's own men."""
    k = q.toks.at(a.start)
    return 0 < k <= len(q.toks) and q.toks[k - 1].word in BACKING


def bare_own_noun(q: AgentQuery, a: ActorHit) -> bool:
    """A side's plain word for its own men ("fighters had repelled attacks"), not "gunmen" or
    "local fighters"."""
    words = [t.word for t in q.toks.between(a.start, a.end) if t.word not in ("the", "our", "its", "their")]
    return words in ([w] for w in OWN_NOUNS)


def enemy_in_voice(q: AgentQuery, a: ActorHit) -> str | None:
    """"The terrorists" in the voice of a side that names its enemy so (Turkish sources: the SDF):
    a phrase of hostile words and general nouns only ("terrorist elements"), no name in it."""
    voice = q.side if has_side(q.side) else q.home_side   # (a neutral source in its press: the press's words)
    enemy = q.reader.enemy_of.get(voice)
    words = [t.word for t in q.toks.between(a.start, a.end)]
    plain = all(w in q.reader.hostile_words or w in q.reader.generic or w in _PLAIN_WORDS for w in words)
    if not (enemy and plain and q.reader.hostile(q.toks, a)):
        return None
    only = q.reader.enemy_words_of.get(voice)   # (the SDF's "mercenaries" are the SNA; its "terrorists" may be ISIS)
    if only is None:
        return enemy
    others = {f.actor for f in q.talk.forces[-RECENT_FORCES:]} - {enemy, voice} - q.reader.allies_of.get(enemy, frozenset())
    if not any(w in only for w in words) or others:
        return UNSAID   # "ISIS cells attacked ... The mercenaries withdrew": not surely the SNA
    return enemy


def speaker_side(q: AgentQuery) -> str | None:
    """What a pronoun with nothing before it to stand for refers to: the force that says it
    ("Homs is in their hands, opposition factions announce")."""
    return q.side if has_side(q.side) else None


def stranger_noun(q: AgentQuery, a: ActorHit) -> bool:
    """``a``'s noun is one the speaking side never calls its own men by."""
    return a.head in STRANGER_NOUNS or a.head in q.reader.stranger_nouns_of.get(q.side, frozenset())

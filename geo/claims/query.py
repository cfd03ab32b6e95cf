"""The query a status phrase's force is sought with (``AgentQuery``), and what it reads of the
sentence before the search: the forces outside status phrases and attributions, those named
before a position (anaphors resolved), whose army "the army" is."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .clauses import ActorHit, PlaceRef, Reader, Words, token_at
from .clauses.grammar import MEDIA_SPEAKERS
from .clauses.words import aside, backer, in_closed_relative, in_time_clause, phrase_of
from .discourse import NO_ACTOR, THE_ARMY, Discourse, ForceRef, named_as_army
from .speakers import BOUNDARY, NO_SIDE
from .triggers import Trigger
from .vocabulary import ClaimVocabulary


def outside(actors: list[ActorHit], triggers: list[Trigger], norm: str, vocab: ClaimVocabulary) -> list[ActorHit]:
    """Actor names that are neither part of a status phrase ("government-held") nor of an
    attribution ("according to a statement by the Defense Ministry")."""
    spans = [(t.start, t.end) for t in triggers]
    for m in vocab.rx_before_claimant.finditer(norm):
        end = BOUNDARY.search(norm, m.end())
        spans.append((m.start(), end.start() if end else len(norm)))
    return [a for a in actors if all(a.end <= s or a.start >= e for s, e in spans)
            and not (a.head in vocab.media_heads or vocab.rx_media_after.match(norm, a.end))]   # ("state TV": no force)


RECENT_SENTENCES = 3   # an agentless phrase ("Hirbil was also liberated") takes the agent of a
                       # claim at most this many sentences back
NOUN_RECENT_SENTENCES = 2   # "the capture of X" takes the agent of a claim this many sentences back


@dataclass(frozen=True)
class AgentQuery:
    """A status phrase whose force is sought, and what the sentence and the report tell about it."""
    trigger: Trigger
    ti: int                 # the phrase's first token
    lo: int                 # the first token of its clause
    toks: Words
    actors: list[ActorHit]  # the forces named outside status phrases and attributions
    named: list[ActorHit]   # every force named in the sentence, for what "they" refers to
    talk: Discourse
    previous: str | None    # the agent of the sentence's claim before
    n_sent: int
    reader: Reader
    side: str = ""          # the claimant's side
    home_army: str = ""     # whose army "the army" is when the outlet speaks (its home press: Israel's)
    home_side: str = ""     # the force the outlet's own name names ("SANA": the government's), for "our forces"
    previous_effect: str = ""   # what the sentence's claim before meant for its agent (gain, loss ...)
    places: tuple[str, ...] = ()   # the ids of the places the phrase is about


def has_side(side: str) -> bool:
    return side not in NO_SIDE and side != ""


def own_army(q: AgentQuery) -> str:
    """Whose army "the army" is here: the speaker's when it has one of its own, in the outlet's
    voice its home press's or dateline's ("" when neither)."""
    return q.side if q.side in q.reader.own_army_sides else (q.home_army if q.side == "outlet" else "")


LABEL_TOKENS = 6   # tokens of a speaker's label before its colon ("SDF COMMANDER (by phone):")


def _in_label(q: AgentQuery, x: ActorHit) -> bool:
    """``x`` is in the speaker's label the sentence opens with ("SDF COMMANDER: ...")."""
    k = next((j for j, t in enumerate(q.toks[:LABEL_TOKENS + 1]) if t.word == ":"), None)
    return k is not None and x.end <= q.toks[k].start


def resolved_before(q: AgentQuery, pos: int) -> list[ForceRef]:
    """The forces named in the sentence before ``pos``, anaphors resolved in order."""
    out: list[ForceRef] = []
    subordinate: list[bool] = []
    army = own_army(q)
    # a force that only modifies a noun ("attacked government positions") or is fought with ("after
    # clashes with regime forces") comes first, so last of all for "it" and "they"
    for x in sorted(q.named, key=lambda x: not (q.reader.modifier(q.toks, x) or _opposed(q.toks, x))):
        if x.end > pos:
            continue
        if aside(q.toks, x.start, x.end, pos, tuple(q.named)) or backer(q.toks, x) or _in_label(q, x):
            continue   # "HTS (a group banned in Russia) announced it had": not Russia; "(SNA)" is the SNA; nor a
            # backer; nor the speaker of "SDF COMMANDER: They attacked Manbij"
        aid = name_actor(q, x, out, army) if x.kind != "anaphor" else (
            q.talk.resolve(x.number, out, x.head if x.head in q.reader.generic else "") or x.actor)
        if aid:
            out.append(ForceRef(aid, x.plural, x.head, _they(q, x, pos), named_as_army(phrase_of(q.toks, x))))
            subordinate.append(in_time_clause(q.toks, x.start, q.reader.shared_place_subordinators))
    k = token_at(q.toks, pos)
    if k is None or k == 0 or q.toks[k - 1].word != "and":
        return out
    main = [f for f, sub in zip(out, subordinate) if not sub]
    # "X seized A after Y pulled out of it, and they are now attacking B": they are X
    return main if main and len(main) < len(out) else out


def name_actor(q: AgentQuery, x: ActorHit, before: list[ForceRef], army: str) -> str | None:
    """The force a name stands for: "the army" said by a side with an army of its own is that army;
    else what ``Discourse.army`` makes of it (in a force's press, the last army named when it is the
    press's own or its ally's: the SNA in a Turkish daily), else the name's own force."""
    phrase = phrase_of(q.toks, x)
    if army and phrase in q.reader.army_words:
        return army
    if phrase == THE_ARMY:
        return q.talk.army(before, x.actor)
    return x.actor


_OPPOSING = frozenset({"with", "against"})
_CONCEDING = frozenset({"acknowledged", "acknowledges", "admitted", "admits", "conceded", "concedes"})   # "X admits they": not X


def _they(q: AgentQuery, x: ActorHit, pos: int) -> bool:
    """The force named by ``x`` may be what "they" at ``pos`` stands for: a name, not a medium ("state
    television"), not in a relative clause closed before ``pos``, not the subject of a verb of conceding, and
    with no people between ("journalists told us they")."""
    between = q.toks.between(x.end, pos)
    return x.kind == "name" and x.head not in MEDIA_SPEAKERS and not in_closed_relative(q.toks, x.start, pos) \
        and not any(t.word in _CONCEDING for t in between) and not any(t.word in q.reader.people for t in between)


def _opposed(toks, a: ActorHit) -> bool:
    """Force ``a`` follows "with"/"against" ("clashes with regime forces"): fought, not fighting."""
    k = token_at(toks, a.start)
    while k is not None and k > 0 and toks[k - 1].word in ("the", "a", "an"):
        k -= 1
    return k is not None and k > 0 and toks[k - 1].word in _OPPOSING


def named_before(q: AgentQuery, a: ActorHit) -> bool:
    """A capitalised word right before the phrase says whose it is ("Syrian troops")."""
    k = q.toks.at(a.start) - 1
    return k >= 0 and q.toks[k].cap and q.toks[k].word != "the"


def last_force_before(q: AgentQuery, at: int) -> ActorHit | None:
    """The last force phrase of the sentence before ``at`` that is no anaphor, past one set off in
    apposition to a force before it ("the Syrian Free Army, a US-backed group, says it ...")."""
    before = [x for x in q.named if x.end <= at and x.kind != "anaphor"]
    while len(before) > 1 and apposed([t.word for t in q.toks.between(before[-2].end, before[-1].start)]):
        before.pop()
    return before[-1] if before else None


def indefinite(q: AgentQuery, a: ActorHit) -> bool:
    """The phrase ``a`` opens with "a", "an" or "another" (within it or just before it, with one word between)."""
    k = q.toks.at(a.start)
    words = [t.word for t in q.toks[max(0, k - 2):k]] + [t.word for t in q.toks.between(a.start, a.end)][:2]
    return any(w in ("a", "an", "another") for w in words)


def apposed(gap: list[str]) -> bool:
    """The words between two force phrases set the second off as what the first is (", a US-backed")."""
    return len(gap) >= 2 and gap[0] == "," and gap[1] in ("a", "an", "the") and "," not in gap[2:] and len(gap) <= 6


_UNLIKE_AGENT = {"gain": ("defence", "loss"), "presence": ("defence", "loss"), "loss": ("gain", "presence", "approach")}


def recent_agent(q: AgentQuery, sentences: int) -> str | None:
    """The agent of a claim at most ``sentences`` sentences back, unless that claim makes it
    unlike this one's ("the army repelled an attack on Homs. ... Homs had fallen": the army
    lost it; "Rebels took Saraqib. ... the loss of Qusayr": not theirs). A hold may be a taker's."""
    agent = q.talk.agent
    if agent and q.n_sent - agent.sentence <= sentences \
            and agent.effect not in _UNLIKE_AGENT.get(q.trigger.pattern.effect, ()):
        return agent.actor
    return None


def recent_attacker(q: AgentQuery) -> str | None:
    """"Fighting continues around X" with no force named: the force that just gained, advanced or fought
    in this sentence or the one before (the attacker a report is following), else none."""
    agent = q.talk.agent
    if agent and q.n_sent - agent.sentence <= 1 and agent.effect in ("gain", "approach", "fighting", "presence"):
        return agent.actor
    return None


def recent_gain(q: AgentQuery) -> str | None:
    """The force a claim just before, or the report's attacker near the place, says took places; a hold
    further back than the sentence before yields to the attacker ("The SDF holds X. / Idlib / Saraqib fell")."""
    agent = q.talk.agent
    if agent and agent.effect == "hold" and q.n_sent - agent.sentence > 1:
        return report_attacker(q) or recent_agent(q, RECENT_SENTENCES)
    return recent_agent(q, RECENT_SENTENCES) or report_attacker(q)


def report_attacker(q: AgentQuery) -> str | None:
    """"Homs fell Saturday night" with no claim just before: a gain nobody is named for is the
    attacker the report follows near the place (``Discourse.attacker``)."""
    return q.talk.attacker(q.places, q.reader.entries) if q.trigger.pattern.effect == "gain" else None


def foe_of(vocab: ClaimVocabulary, named: Sequence[str | None], actor: str | None) -> str | None:
    """The force that faced ``actor`` ("the rebels failed to take X": the army): its foe (actors.toml) when
    ``named`` (the forces the report named, in order) has it, else the last named that is neither ``actor``
    nor its ally, else its foe."""
    if actor is None or actor not in vocab.actors:
        return None
    foe, friends = vocab.foe_of.get(actor), vocab.allies_of(actor) | {actor}
    if foe in named:
        return foe
    return next((a for a in reversed(named) if a in vocab.actors and a not in friends), foe)


_THE_ATTACK = re.compile(r"\b(?:the|that|this) (?:attack|assault|offensive|advance|push|attempt)\b")


def attacked_before(talk: Discourse, n_sent: int, reader: Reader, norm: str, t: Trigger) -> list[PlaceRef]:
    """"The SDF attacked A and B. The army beat the attack back": a defence of "the attack" with no place of
    its own is of the places the sentence before attacked."""
    last = talk.agent
    if (t.pattern.effect != "defence" or last is None or last.sentence != n_sent - 1
            or last.effect not in ("fighting", "approach") or not _THE_ATTACK.search(norm, max(0, t.start - 20), t.end + 20)):
        return []
    return [PlaceRef(0, 0, m) for m in reader.discourse_places]


_FOR_NOUN = frozenset({"for", "on", "over"})
_PARTY_WORDS = 4   # words from the party to the noun ("with government forces [for an orderly] withdrawal")


def party_to(q: AgentQuery) -> ActorHit | None:
    """The force an agreement is made with for the noun at the phrase ("after reaching an agreement
    with government forces for an orderly withdrawal": theirs, not the speaker's)."""
    pos = q.toks[q.ti].start
    for a in reversed([a for a in q.actors if a.end <= pos]):
        k, gap = token_at(q.toks, a.start), q.toks.between(a.end, pos)
        return a if k and q.toks[k - 1].word == "with" and 0 < len(gap) <= _PARTY_WORDS \
            and gap[0].word in _FOR_NOUN and all(t.word.isalpha() for t in gap) else None
    return None


OWN_NOUNS = frozenset({"fighters", "units", "forces", "troops", "soldiers"})   # a side's plain words for its own men


def demonstrated(q: AgentQuery, a: ActorHit, got: str | None, before: list[ForceRef]) -> str | None:
    """"these groups" in a side's own words are not that side ("the army said these groups had entered
    Hama": the rebels): a demonstrative anaphor that would stand for the speaker's side stands for the
    last force named that is neither it nor its ally (NO_ACTOR when none was)."""
    if got != q.side or a.number != "any" or not has_side(q.side) or a.head in OWN_NOUNS:
        return got
    return stranger(q, before) or NO_ACTOR


def stranger(q: AgentQuery, before: list[ForceRef]) -> str | None:
    """What a side's word for men not its own stands for: the last force named that is neither the
    side nor its ally, else none."""
    friends = q.reader.allies_of.get(q.side, frozenset()) | {q.side, NO_ACTOR}
    return next((f.actor for f in reversed(q.talk.forces + before) if f.actor not in friends), None)


def adjective_agent(q: AgentQuery) -> str | None:
    """The force a one-word adjective right before the noun of the phrase names ("the Israeli seizure
    of the buffer zone": Israel's), or None."""
    k = q.ti - 1
    return q.reader.noun_adjectives.get(q.toks[k].word) if k >= 0 and q.toks[k].cap else None


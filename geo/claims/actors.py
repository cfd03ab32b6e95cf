"""Which force a status phrase is about: its agent phrase, an anaphor resolved ("its units",
"they"), the force named in the phrase ("rebel-held"), or one carried from the sentence before."""

from __future__ import annotations

from .arguments import ATTACK_NOUNS
from .clauses import ActorHit, token_at
from .clauses.grammar import CONTINUED, MEDIUM
from .clauses.words import SUBJECT_LOCATIVES, by_no_force, heading, in_closed_relative, in_time_clause, is_claimant, phrase_of
from .discourse import NO_ACTOR, THE_ARMY
from .query import (
    NOUN_RECENT_SENTENCES,
    RECENT_SENTENCES,
    AgentQuery,
    adjective_agent,
    demonstrated,
    has_side,
    indefinite,
    last_force_before,
    name_actor,
    named_before,
    own_army,
    party_to,
    recent_agent,
    recent_attacker,
    recent_gain,
    report_attacker,
    resolved_before,
    stranger,
)
from .triggers import OURS
from .voice import UNSAID, bare_own_noun, enemy_in_voice, speaker_side, sponsored, stranger_noun

BETWEEN_REACH = 25     # tokens after a phrase of fighting searched for "between A and B"
PLACE_DESCRIPTION_GAP = 1   # characters between a place and the comma of a phrase describing it
_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})   # an anaphor with no noun of its own
# nouns of an operation a relative clause may tell the gains of ("an offensive that captured X"), and
# verbs that start one ("rebels launched an offensive that ..."): the force that launched it gains
OPERATION_NOUNS = ATTACK_NOUNS | {"operation", "counteroffensive", "campaign", "onslaught", "blitz", "drive"}
LAUNCH_VERBS = frozenset({"launched", "launches", "launching", "led", "leads", "leading", "began", "begun", "begins",
                          "started", "starts", "mounted", "mounts", "staged", "stages", "opened", "opens", "spearheaded",
                          "unleashed", "waged"})
OPERATION_MODIFIERS = frozenset({"'s", "'", "lightning", "surprise", "new", "major", "latest", "own", "large", "scale",
                                 "fresh", "sweeping", "rapid", "swift", "ground", "military", "counter"})
OPERATION_GAP = 6   # words between a force and its operation noun ("launched a lightning counter offensive")
PLACING_WORDS = 5      # words saying where a force is, between it and its relative clause ("rebels from the south, who")


def force(q: AgentQuery, a: ActorHit) -> str | None:
    """The force a phrase stands for: "our forces" the speaker's, an anaphor the one it refers to
    (none for a body of no actor: "Hezbollah ... its fighters")."""
    got = _force(q, a)
    return None if got == NO_ACTOR else got


def _force(q: AgentQuery, a: ActorHit) -> str | None:
    if a.number == "own":   # "our forces": the speaker's (in the outlet's own voice, the force its name names)
        return q.side if has_side(q.side) else (q.home_side if q.side == "outlet" and q.home_side else None)
    army = own_army(q)
    headed = a.kind == "generic" and a.actor is None and a.head in q.reader.army_words   # "troops of the 210th Division"
    if army and (headed or phrase_of(q.toks, a) in q.reader.army_words) and not named_before(q, a):
        return army   # "the army has seized X", says Israel's defence minister (or an Israeli paper): Israel's army
    if a.kind == "name" and phrase_of(q.toks, a) == THE_ARMY:
        return name_actor(q, a, resolved_before(q, a.start), army)
    if a.kind == "anaphor" and a.number in ("latter", "former"):
        return _in_order(q, a)
    if a.kind == "anaphor":
        head = a.head if a.head in q.reader.generic else ""
        last = last_force_before(q, a.start)
        if last is not None and last.kind == "generic" and last.actor is None and a.number == "sg" and not last.plural \
                and indefinite(q, last):
            return _force(q, last)   # "a second column pushed north, and by evening it stood ...": the column's
        before = resolved_before(q, a.start)
        if a.number == "pl" and before and not any(f.plural for f in before) \
                and before[-1].head not in q.reader.common_heads:
            return before[-1].actor   # "the SDF said their fighters ...": an organisation is "they" too
        own = q.reader.right_after_its_verb(q.toks, a.start)
        if own == MEDIUM:   # "rebel channels claimed their fighters ...": a side's medium, its side's men
            own = not {t.word for t in q.toks.between(a.start, a.end)} <= _PRONOUNS
        if own and (own == CONTINUED or a.number == "pl" or (a.number == "sg" and not any(not f.plural for f in before))):
            got = speaker_side(q)   # "The rebels' operations command says its fighters ...": the speaker's
            if got:
                return got
        got = demonstrated(q, a, q.talk.resolve(a.number, before, head) or enemy_in_voice(q, a), before)
        if got == UNSAID:
            return None
        if got is None and q.reader.after_media(q.toks, a.start):
            got = a.actor   # "Turkish state media reported they had taken X": not Turkey
        elif got is None:   # "an SDF official said the group's fighters ...": the speaker's group
            got = (speaker_side(q) or a.actor) if a.number == "sg" else (a.actor or speaker_side(q))
            if got == q.side and stranger_noun(q, a) and not _possessed(q, a) and not _speaks(q, a):
                got = stranger(q, before)   # "the groups had entered Hama", says the army: not its own men
        if a.head in ("allies", "proxies", "mercenaries") and got in q.reader.proxy_of:
            got = q.reader.proxy_of[got]   # "Ankara said its allies had taken X": the SNA
        return None if got == q.side and q.reader.hostile(q.toks, a) else got   # a side's "mercenaries" are not its own
    if (a.actor is None or (q.trigger.pattern.effect == "defence" and bare_own_noun(q, a))) and a.kind == "generic" \
            and has_side(q.side) and not q.reader.hostile(q.toks, a) and not sponsored(q, a):
        if stranger_noun(q, a) and not _speaks(q, a):   # "the groups had entered Hama", says the army: not its men
            return stranger(q, resolved_before(q, a.start))
        return q.side   # "units" in a side's own statement are its units (not "the mercenary factions"),
                        # and so are the "fighters" who repelled an attack
    enemy = enemy_in_voice(q, a)
    if enemy == UNSAID or (a.kind == "generic" and q.talk.forces and q.talk.forces[-1].actor == NO_ACTOR
                            and not resolved_before(q, a.start)):
        return None   # "the terrorists" in the SDF's voice: the Islamic State or the SNA, unsaid; "Hezbollah
        # withdrew from Qusayr. Vehicles carrying fighters left the town": Hezbollah's, not the rebels'
    return enemy or a.actor


def _possessed(q: AgentQuery, a: ActorHit) -> bool:
    """``a`` opens with a possessive ("its groups", "their militias"): the owner's men."""
    return any(t.word in ("its", "their", "our") for t in q.toks.between(a.start, a.end))


def _speaks(q: AgentQuery, a: ActorHit) -> bool:
    """``a`` is the speaker of a reporting verb after it ("the militants also claimed")."""
    k = q.toks.at(a.end)
    while k < len(q.toks) and q.toks[k].word in q.reader.soft:
        k += 1
    return k < len(q.toks) and q.toks[k].word in q.reader.verbs


def _in_order(q: AgentQuery, a: ActorHit) -> str | None:
    """"the latter": the last of the forces named before it (this sentence, then earlier), "the
    former" the one before that; none when fewer than two were named."""
    named = [f.actor for f in q.talk.forces] + [x.actor for x in q.named if x.end <= a.start and x.actor]
    distinct = [x for k, x in enumerate(named) if x and x not in named[k + 1:]]
    return None if len(distinct) < 2 else distinct[-1] if a.number == "latter" else distinct[-2]


# who just defended or lost is not who takes a place next; who just gained is not who loses one
def _soft_before(q: AgentQuery) -> int:
    """The token before the phrase, past auxiliaries, adverbs and time words (-1: none)."""
    j = q.ti - 1
    while j >= 0 and q.toks[j].word in q.reader.soft:
        j -= 1
    return j


def _unblocked(q: AgentQuery, a: ActorHit) -> bool:
    """``a`` may be the phrase's agent: not after a blocking preposition, not in a relative clause closed before it."""
    ai = token_at(q.toks, a.start)
    return ai is not None and not q.reader.blocked(q.toks, ai) and not in_closed_relative(q.toks, a.start, q.trigger.start)


def _noun_agent(q: AgentQuery) -> str | None:
    """"its withdrawal from X"; "the army announced a withdrawal"; "Russia ..., with bases in X"."""
    own = q.reader.possessor(q.toks, q.ti, q.actors)
    if own is not None or (own := party_to(q)) is not None:
        return force(q, own)
    if (named := adjective_agent(q)) is not None:
        return named   # "the Israeli seizure of X"
    if q.trigger.pattern.effect == "loss" and has_side(q.side):
        # "the army said ... prompting a redeployment": a side's own withdrawal; a backer's, its ally's
        return q.reader.principal_of.get(q.side, q.side)   # ("a Russian channel said the loss of Rastan")
    for a in reversed(q.actors):
        if a.end <= q.toks[q.ti].start and _unblocked(q, a):
            return force(q, a)
    announcer = _announcer(q)
    if announcer is not None:
        return force(q, announcer)   # "a statement by rebels announcing the liberation of X": the rebels
    if not q.trigger.pattern.borrows:
        return report_attacker(q)   # ("the fall of X": whose gain, unsaid but for the attacker the report follows)
    return recent_agent(q, NOUN_RECENT_SENTENCES)   # "the capture of X" right after a sentence saying who captured


_ANNOUNCING = frozenset({"announcing", "declaring", "proclaiming", "claiming"})


def _announcer(q: AgentQuery) -> ActorHit | None:
    """The force right before "announcing the <noun>" ("rebels announcing the liberation of X")."""
    k = q.ti - 1 - (q.ti > 0 and q.toks[q.ti - 1].word == "the")
    if k < 1 or q.toks[k].word not in _ANNOUNCING:
        return None
    return next((a for a in q.named if a.end == q.toks[k - 1].end), None)


def _agentless(q: AgentQuery) -> str | None:
    """"Hirbil was also liberated": the agent of a claim just before, or the side that
    announces its own gain."""
    if any(t.word in q.reader.people for t in q.toks[q.lo:q.ti]):
        return None   # "thousands of residents of Hama fled": people, no force
    if not q.trigger.pattern.borrows:
        return report_attacker(q)   # "X changed hands": whose, unsaid but for the attacker the report follows
    if has_side(q.side) and q.trigger.pattern.effect in ("gain", "hold", "defence") \
            and not in_time_clause(q.toks, q.trigger.start, q.reader.shared_place_subordinators):   # ("before it was taken")
        # "X was captured", "the attack was repelled", says a side: that side, or the force it backs
        return q.reader.principal_of.get(q.side, q.side)   # ("militants were driven out", says Russia: the army)
    j = _soft_before(q)
    if q.trigger.pattern.effect == "defence" and j >= 0 and q.toks[j].word in ("and", "but", ",", "before", "after", "until"):
        return None   # "Rebels attacked Qamhana but were repelled", "entered Morek before being pushed back": repelled
    if q.previous and q.previous_effect == "loss" and q.trigger.pattern.effect in ("gain", "presence"):
        return None   # "Control of the coast slips from Assad's grip as Latakia falls": not Assad's gain
    if q.previous or heading(q.toks):
        return q.previous   # a heading, a timeline's line ("7 December: Homs surrounded"): borrows from no line before
    return recent_gain(q)


def _unknown_agent(q: AgentQuery) -> bool:
    """The phrase names its agent, but as no known force ("deserted by customs staff", "fell to
    local notables"): no force is guessed from elsewhere."""
    toks, k = q.toks, q.toks.at(q.trigger.end)
    if k < len(toks) and toks[k].word == "by":
        return True
    return q.trigger.pattern.agent == "after" and 0 < k <= len(toks) and toks[k - 1].word in ("to", "by", "of")


def _first_between(q: AgentQuery) -> ActorHit | None:
    """"clashes on the X front between A and B": the first named (the side that brings the
    fight, in the usual order of such phrases)."""
    toks = q.toks
    k = next((k for k in range(q.ti, min(len(toks), q.ti + BETWEEN_REACH)) if toks[k].word == "between"), None)
    if k is None or (any(t.word in (",", ";") for t in toks[q.ti:k]) and toks[k - 1].word != ","):
        return None   # (not "fighting erupted in X, on the day a ceasefire between A and B took effect")
    after = [a for a in q.named if a.start > toks[k].start]
    j = k + 1 + (k + 1 < len(toks) and toks[k + 1].word == "the")
    if (j < len(toks) and (toks[j].word in q.reader.people or toks[j].word in ("rival", "competing", "various"))) \
            or (len(after) > 1 and force(q, after[0]) == force(q, after[1])):
        return None   # "between protesters and security forces", "between rival rebel factions": no one's front
    return after[0] if after else None


def _relative_owner(q: AgentQuery) -> ActorHit | None:
    """"factions of the SNA, which seized X": the force the relative clause describes."""
    toks, lo = q.toks, q.lo
    k = lo - 2
    while k >= 0 and toks[k].word in (",", ")"):
        k -= 1
    owner = next((a for a in q.actors if k >= 0 and a.start <= toks[k].start < a.end), None)
    before = [a for a in q.actors if k >= 0 and a.end <= toks[k].start]
    if owner is None and before and toks[k].word in OPERATION_NOUNS:
        owner = _operation_owner(q, before[-1], k)   # "rebels launched an offensive that captured X": the rebels
    if owner is None and before and _placing(q, before[-1], toks[k].end):
        owner = before[-1]   # "rebels from the south, who took X": the rebels
    # only time words and adverbs between: "troops who on Tuesday abandoned X"
    between_soft = all(t.word in q.reader.soft for t in toks[lo:q.ti])
    if owner is not None and q.reader.subject(toks, q.ti, q.actors, lo) is None and between_soft:
        return owner
    return None


def _operation_owner(q: AgentQuery, a: ActorHit, k: int) -> ActorHit | None:
    """Force ``a`` when the operation noun at token ``k`` is its own: named right before it ("an
    insurgent offensive", "HTS's counterattack") or the subject of the verb that launched it."""
    gap = [t.word for t in q.toks.between(a.end, q.toks[k].start)]
    if len(gap) <= OPERATION_GAP and not any(w in (",", ";", ":", "(", ")") or w in q.reader.relatives for w in gap) \
            and (set(gap) <= OPERATION_MODIFIERS or any(w in LAUNCH_VERBS for w in gap)):
        return a
    return None


def _placing(q: AgentQuery, a: ActorHit, end: int) -> bool:
    """The words after force ``a`` up to ``end`` only say where it is or comes from ("from the
    south", "in Daraa province"): a preposition, then at most a few words, no clause mark."""
    gap = q.toks.between(a.end, end)
    return 1 < len(gap) <= PLACING_WORDS and gap[0].word in SUBJECT_LOCATIVES and all(
        t.word not in (",", ";", "who", "which", "that") and t.word not in q.reader.verbs for t in gap)


def _describes_place(q: AgentQuery, j: int) -> bool:
    """"Khan al-Asal, less than 7 miles from the city": a phrase after a place and a comma
    describes the place; it is no claim of a force."""
    toks = q.toks
    return (j > 0 and toks[j].word == "," and q.trigger.pattern.effect in ("presence", "approach")
            and not toks[q.ti].word.endswith(("ed", "ing"))
            and any(p.end <= toks[j].start and toks[j].start - p.end <= PLACE_DESCRIPTION_GAP
                    for p in q.reader.sentence_places))


def _main_clause_subject(q: AgentQuery) -> ActorHit | None:
    """"Before pushing into the city, the groups fought ...", "As government lines collapsed, SDF
    units entered X but withdrew": the main clause's subject (after the opening clause's comma)."""
    toks = q.toks
    first = next((k for k, x in enumerate(toks) if x.word == ","), None)
    comma = first if first is not None and first < q.ti else next(
        (k for k, x in enumerate(toks) if x.word == "," and k > q.ti), None)
    if comma is None:
        return None
    main = [a for a in q.actors if a.start > toks[comma].start and (comma > q.ti or a.end <= toks[q.ti].start)]
    if main and not q.reader.blocked(toks, toks.at(main[0].start)):
        return main[0]
    return None


def _subjectless_agent(q: AgentQuery) -> str | None:
    """The force of a phrase with no subject of its own ("..., capturing X", "and took X")."""
    toks, ti = q.toks, q.ti
    j = _soft_before(q)
    if _describes_place(q, j):
        return None
    infinitive = j >= 0 and toks[j].word == "to"
    before = [a for a in q.actors if a.end <= toks[ti].start]
    if before and q.reader.people_subject(toks[:ti]):
        return None   # "..., which armed groups took, 100,000 people, most of them Kurds, have fled": the people
    if infinitive:
        # an infinitive belongs to the nearest force ("leaving the regime no choice but to give it up")
        for a in reversed(before):
            if _unblocked(q, a):
                return force(q, a)
    sub = _subordinate_subject(q, j)
    if sub is not None and (q.trigger.pattern.effect == "loss"
                            or any(x.word == "to" for x in toks[sub:j])):
        # "X took A after the enemy collapsed and fled": the enemy fled, not X; "after the groups
        # managed to breach its lines and enter the city": the groups (a gain after a past tense,
        # "swept in when the army collapsed and took the city", stays with the main subject)
        inside = [a for a in before if a.start >= toks[sub].start and _unblocked(q, a)]
        return force(q, inside[0]) if inside else None
    if q.previous:
        return q.previous
    # the subject of the sentence: its first force not after a preposition and not a
    # speaker, unless the phrase is the speaker's own infinitive ("rebels claim to be advancing");
    # an infinitive belongs to the nearest force ("the forces have been able to enter");
    # a phrase after a comma or "and" to the sentence's first force
    opened = toks[0].word in q.reader.subordinators or toks[0].word in q.reader.shared_place_subordinators \
        or (ti == 0 and toks[0].word.endswith("ing"))   # "Seizing X on Sunday, the SNA cut ...": the SNA
    main = _main_clause_subject(q) if opened and not infinitive else None
    if main is not None:   # "As government lines collapsed, SDF units entered X but withdrew": the SDF
        return force(q, main)
    for a in (reversed(before) if infinitive else before):
        if _unblocked(q, a) and (infinitive or not is_claimant(a, toks, q.reader)):
            return force(q, a)
    if toks[0].start >= toks[ti].start - 1:
        return recent_agent(q, RECENT_SENTENCES)   # only for a sentence that opens with the phrase ("Took X, too.")
    return None


def _subordinate_subject(q: AgentQuery, j: int) -> int | None:
    """Where the subject of a subordinate clause starts when the phrase is coordinated inside
    it ("after [the regime militias] collapsed and fled"): token ``j`` is the "and", a clause
    opener stands before it with no comma between and a subject and a verb after it; else None."""
    toks = q.toks
    if not (0 < j < len(toks) and toks[j].word == "and"):
        return None
    for k in range(j - 1, -1, -1):
        if toks[k].word in (",", ";"):
            return None
        if toks[k].word in q.reader.shared_place_subordinators:
            return k + 1 if k + 2 < j else None
    return None


def resolve(agent: ActorHit | str | None, q: AgentQuery) -> str | None:
    """The force a status phrase is about. ``agent``: its agent phrase, "passive" for a passive
    without one, or None. ``q.side`` (the claimant's side) decides "our forces" and a side
    announcing an agentless gain ("X has been captured", says the opposition)."""
    got = _resolve(agent, q)
    return None if got == NO_ACTOR else got


def _resolve(agent: ActorHit | str | None, q: AgentQuery) -> str | None:
    t, toks, ti = q.trigger, q.toks, q.ti
    if t.inner_actor == OURS:   # "under our control": the speaker's side
        return speaker_side(q)
    if t.inner_actor == "them" and any(x.word == "theirs" for x in toks.between(t.start, t.end)) and speaker_side(q):
        return speaker_side(q)   # "the army said the city was still theirs": the army's
    if t.inner_actor in ("them", "it"):
        number = "pl" if t.inner_actor == "them" else "sg"
        return q.previous or q.talk.resolve(number, resolved_before(q, toks[ti].start)) or speaker_side(q)
    if t.inner_actor:
        return t.inner_actor
    if agent == "unknown" or (agent is None and t.pattern.agent != "inside" and by_no_force(toks, q.actors, t.end)):
        return None   # "residents of Qatana reached by N24": a participle whose agent is no force
    if isinstance(agent, ActorHit):
        return force(q, agent)
    if t.pattern.noun:
        return _noun_agent(q)
    if agent == "passive" or t.pattern.agent == "after":
        return None if _unknown_agent(q) else _agentless(q)
    if ti > 1 and toks[ti - 1].word == "," and toks[ti].word.endswith("ing") and q.reader.subjectless(toks, ti):
        return _subjectless_agent(q)   # "X continued to confront the terrorists, repelling ...": X repels
    if q.reader.people_subject(toks.between(toks[q.lo].start, toks[ti].start)):
        return None   # "Some families from X, which remains under SDF control, left": the families
    subj = q.reader.subject(toks, ti, q.actors, q.lo)
    if subj is not None:
        return force(q, subj)
    if t.pattern.effect == "fighting":
        # "much of the fighting centred on X": who fights is not said
        first = _first_between(q)
        if first is not None:
            return force(q, first)
        if any(x.word == "between" for x in toks[ti:ti + BETWEEN_REACH]):
            return None   # (a "between" that names no two forces: whose fight, unsaid)
        if not q.reader.subjectless(toks, ti):
            return q.previous or recent_attacker(q)
    if 0 < q.lo < len(toks) and toks[q.lo - 1].word in q.reader.relatives:
        j = _soft_before(q)
        inner = next((a for a in q.actors if toks[q.lo].start <= a.start and a.end <= toks[ti].start), None) \
            if j >= 0 and toks[j].word in ("and", "or") else None
        if inner is not None:
            return force(q, inner)   # "Hama, which the army had held for years and lost on Thursday": the army
        owner = _relative_owner(q)
        if owner is not None:
            return force(q, owner)
    if q.reader.subjectless(toks, ti):
        return _subjectless_agent(q)
    return None

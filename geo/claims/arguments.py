"""The arguments of a status phrase in its clause: its places and agent phrase; where a negation of it may start."""

from __future__ import annotations

from .clauses import ActorHit, PlaceRef, Reader, Words, token_at
from .clauses.before import HEDGED_COPULA, LABEL_MARKS
from .clauses.grammar import GUARDED
from .clauses.sponsors import past_a_name, sponsor_of_next
from .clauses.words import GUARDING, LOCATIVE_HEADS, SUBJECT_LOCATIVES, listed_ending_at
from .triggers import Trigger, objectless

HELD_PLACE_GAP = 3       # words between "rebel-held" and its place
AGENT_AFTER_REACH = 40   # characters from "fell to", "by" to the force named after it
LIST_REACH = 30        # tokens back across a list of names ("A, B and C") to its first
MANNER_TOKENS = 7   # "without a shot being fired" between a passive and its "by"
AGENT_TIME_TOKENS = 6   # time words between a passive participle and its "by"
FROM_REACH = 7           # tokens of "taken from <the loser> by" read for the "by"
PARTICIPLE_GAP = 2       # characters between a place and a participle describing it ("Tel Rifaat liberated")
NEGATION_REACH = 5       # words before a phrase that may negate it
NEGATION_INSERTION_REACH = 8   # words of an insertion between a negation and its verb ("had not, as of now, entered")
_PARTICIPLE_ENDINGS = ("ed", "en", "wn", "un", "ne")   # "captured", "taken", "overrun", "gone"
_PARTICLES = ("over", "back", "out")
ATTACK_NOUNS = frozenset({"attack", "attacks", "assault", "assaults", "offensive", "counter-attack",
                          "counterattack", "incursion", "advance", "push"})   # of a phrasal verb: "taken over", "driven back"
_NEGATION_STOPS = (",", ";", ":", "\u2014", "(", ")")


def negation_start(toks: Words, ti: int, reader: Reader) -> int:
    """Where a negation of the phrase at token ``ti`` may start: up to five words back, across
    a reporting verb ("the SDF has not confirmed the withdrawal") but not across punctuation or
    a clause word ("met no resistance as they moved into X")."""
    k = ti
    if k > 1 and toks[k - 1].word == ",":   # "the SDF had not, as of the time of writing, entered X"
        opening = next((j for j in range(k - 2, max(0, k - 2 - NEGATION_INSERTION_REACH), -1) if toks[j].word == ","), None)
        if opening is not None and opening > 0 and toks[opening - 1].word in reader.negation_words:
            return opening - 1
    while (k > 0 and ti - k < NEGATION_REACH and toks[k - 1].word not in _NEGATION_STOPS
           and toks[k - 1].word not in reader.clause_starts
           and not (toks[k - 1].word in ("to", "for") and toks[k].word in _DETERMINERS)):   # "no threat to its bases"
        k -= 1
    return k


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})


def _scene_object(lo: int, te: int, toks: Words, reader: Reader) -> bool:
    """A gain or entry ending at token ``te`` whose place may be the sentence's opening one: its
    object names no place ("seized the police headquarters"), or it has none, a time at most before
    the clause ends ("In al-Baath city, Israeli troops entered on Monday and ..."), and the clause
    starting at token ``lo`` is no relative one whose pronoun is the object ("the capital, which they entered")."""
    if te < len(toks) and toks[te].word in ("the", "a", "an"):
        return True
    if any(t.word in reader.relatives for t in toks[max(0, lo - 1):te]) or any(t.word in reader.verbs for t in toks[:lo]):
        return False
    j = te
    while j < len(toks) and (toks[j].word in reader.time_words or toks[j].word.isdigit()):
        j += 1
    return j >= len(toks) or toks[j].word in (",", ".", ";", "and", "\u2014")


_HEADLINE_AFTER = frozenset({"in", "at", "near", "on", "around", "outside", "from", "by"})


def _passive(t: Trigger, ti: int, te: int, toks: Words, reader: Reader) -> bool:
    """"X was captured": an auxiliary (and adverbs) before a participle."""
    aux = ti - 1
    while aux >= 0 and toks[aux].word in reader.adverbs:
        aux -= 1
    last = te - 1
    if last > ti and toks[last].word in _PARTICLES:   # "was taken over by"
        last -= 1
    if t.pattern.effect == "defence" and ti + 1 < len(toks) and toks[ti + 1].word in _HEADLINE_AFTER \
            and toks[ti].word.endswith("ed") and ti > 0 and toks[ti - 1].start in reader.forces_at:
        return True   # a headline's participle with no object: "US-backed militants repelled in Deir Ezzor"
    return (aux >= 0 and toks[aux].word in reader.passive_aux and t.pattern.place == "after"
            and (toks[last].word.endswith(_PARTICIPLE_ENDINGS)   # "were driven out of X by"
                 or toks[ti].word.endswith(_PARTICIPLE_ENDINGS) and not toks[ti].word.endswith("teen")))   # (not "fifteen km")


def _speaks(toks: Words, a: ActorHit, reader: Reader) -> bool:
    """A reporting verb follows the force phrase ``a`` after a comma: it is a trailing speaker ("..., Anadolu
    said"; not "fell to rebels said to be from Idlib")."""
    k, j = toks.at(a.end), toks.at(a.start)
    k += k < len(toks) and toks[k].word in _SOURCE_NOUNS   # ("..., a Syrian military source said")
    while 0 < j and toks[j - 1].word in _SPEAKER_OPENERS:
        j -= 1
    return 0 < j and toks[j - 1].word == "," and k < len(toks) and toks[k].word in reader.verbs and not (
        k + 1 < len(toks) and toks[k + 1].word == "to")


_SOURCE_NOUNS = frozenset({"source", "sources", "official", "officials", "spokesman", "spokesperson", "officer", "officers"})
_SPEAKER_OPENERS = frozenset({"a", "an", "the", "one", "two", "three", "several", "senior", "local", "unnamed"})


def _agent_after(te: int, passive: bool, toks: Words, actors: list[ActorHit], reader: Reader,
                 loss: bool = False) -> ActorHit | None:
    """"fell to X", "under the control of X", "was captured by X" (a time or an adverb between: "taken
    on Friday and Saturday by X", "captured earlier by X"): the force after."""
    if passive:
        j = te
        while j < len(toks) and j - te < AGENT_TIME_TOKENS and (toks[j].word in reader.time_words or toks[j].word == "and"
                                                                 or toks[j].word.isdigit() or toks[j].word in reader.adverbs):
            j += 1
        if j < len(toks) and toks[j].word == "without":   # "taken without a fight by rebels"
            j = next((m for m in range(j + 1, min(len(toks), j + MANNER_TOKENS)) if toks[m].word == "by"
                      or toks[m].word in (",", ";")), j)
        if j > te and j < len(toks) and toks[j].word == "by":
            te = j
    if (passive and te + 2 < len(toks) and toks[te].word in ("and", "or") and toks[te + 2].word == "by"
            and toks[te + 1].word.endswith(_PARTICIPLE_ENDINGS)):
        te += 2   # "occupied and annexed by Israel": the agent of both participles
    if passive and te < len(toks) and toks[te].word == "from":   # "was taken from the SDF by the SNA"
        te = next((j for j in range(te + 1, min(len(toks), te + FROM_REACH)) if toks[j].word in ("by", ",", ";")), te)
    k: int | None = te + 1 if passive and te < len(toks) and toks[te].word == "by" else te
    if passive and not (te < len(toks) and toks[te].word == "by"):
        k = None
    if k is None or k >= len(toks):
        return None
    by = k > 0 and toks[k - 1].word == "by"
    return next((a for a in actors if toks[k].start <= a.start and a.start - toks[k].start <= AGENT_AFTER_REACH
                 and not (by and past_a_name(toks.between(toks[k].start, a.start))) and not sponsor_of_next(toks, a, actors)
                 and not (not by and not loss and _speaks(toks, a, reader))   # ("X fell on Thursday, Anadolu said":
                 # no agent; "X was lost, the army said": the loser)
                 and not any(t.word in _NEW_CLAUSE or (t.word == "," and not by and (toks[0].word in _OPENERS
                                                                                    or not _to_before(toks, a, reader.verbs)))
                             for t in toks.between(toks[k].start, a.start))), None)   # ("After X fell, the army ...")


def _to_before(toks: Words, a: ActorHit, verbs: frozenset[str]) -> bool:
    """"to" (and "the") right before the force ``a``, or a reporting verb right after it: "fell, after a
    week of fighting, to the rebels", "changed hands, a rebel commander said"; not "Aleppo falls, Idlib
    rebel-held, SNA opens a front": a list's next item."""
    j = toks.at(a.start) - 1
    j -= j > 0 and toks[j].word == "the"
    k = toks.at(a.end)
    said = next((t.word in verbs for t in toks[k:k + SPEAKER_NOUN_WORDS + 1] if t.word in verbs or not t.word.isalpha()), False)
    return (j >= 0 and toks[j].word in ("to", "into")) or said   # ("a rebel commander said")


SPEAKER_NOUN_WORDS = 2   # words of a speaker's noun between its force and its verb ("rebel [field commander] said")


_OPENERS = frozenset({"after", "when", "once", "as", "since", "before", "although", "though", "while", "until", "if"})
# words that open another clause between a phrase and a force after it ("Hama fell as Damascus scrambled")
_NEW_CLAUSE = frozenset({"as", "while", "when", "after", "before", "since", "but", "because", "until", ";", "amid",
                         "leaving", "whereas"})


def _object_or_relative(ti: int, lo: int, toks: Words, places: list[PlaceRef], actors: list[ActorHit],
                        reader: Reader, loss: bool = False, defence: bool = False) -> tuple[list[PlaceRef], bool]:
    """The places of an active phrase with no object: (places, read as a passive)."""
    # "Tel Rifaat liberated from PKK/YPG": a participle right after a place, no object ("Eastern Ghouta reached the
    # capital": an object follows, so a subject and its verb; but "the approaches to Hama repelled the attack": Hama)
    objected = (not defence and ti + 1 < len(toks)
                and (toks[ti + 1].word in ("the", "a", "an") or toks[ti + 1].cap))
    both = ti >= 2 and toks[ti - 1].word in ("both", "all") and toks[ti - 2].word == ","   # "Hama and Homs, both taken"
    at = toks[ti - 2 + (not both) * 2].start if ti >= 2 else toks[ti].start
    near = [p for p in places if p.end <= at and at - p.end <= PARTICIPLE_GAP and p.key is not None]
    j = toks.at(near[-1].start) if near else 0
    if j >= 2 and toks[j - 1].word == "of" and toks[j - 2].word in reader.directions:
        head = [p for p in places if p.end <= near[-1].start and p.key is not None]
        near = head[-1:]   # "Kuweires air base east of Aleppo, taken by X": the base
    # (the word before the list "A, B and C" that ends there, and before "in the towns of" it)
    listed = listed_ending_at(toks, toks.at(near[-1].end) - 1, places, LIST_REACH) if near else []
    before = toks.at(listed[0].start) - 1 if near else -1
    # "Rastan and Talbiseh taken by noon", "..., Hama and Homs, (both) taken by": the list
    opens = before < lo or both or (ti >= 1 and toks[ti - 1].word == ",")
    while before > 0 and (toks[before].word == "the" or toks[before].word in LOCATIVE_HEADS):
        before -= 1
    # (not "forces in Hama pulled out", "soldiers defending Hama pulled back": the place is a preposition's object)
    if ti > 0 and not objected and near and toks[ti].word.endswith(("ed", "en")) and not (   # (nor "troops who manned X left")
            before >= 0 and (toks[before].word in SUBJECT_LOCATIVES or toks[before].word in GUARDING | GUARDED)):
        return (listed if opens else near[-1:]), True
    listed = reader.listed_before(toks, ti, places)
    if listed:
        return listed, True   # "A, B and C among the villages taken"
    # a relative clause: "Tal Rifaat, which it seized", "Aleppo, the city his fighters seized",
    # "Hama, which the rebels say they captured" (its speaker between)
    if 0 < lo < len(toks) and toks[lo - 1].word in reader.verbs:
        lo = next((w + 1 for w in range(lo - 2, max(0, lo - 2 - RELATIVE_SPEAKER_WORDS), -1)
                   if toks[w].word in ("which", "that") and w > 0 and toks[w - 1].word == ","), lo)
    rel = reader.antecedent(toks, lo, places, where=not loss)
    if not rel:
        subj = reader.subject(toks, ti, actors, lo)
        if subj is not None:
            si = token_at(toks, subj.start)
            rel = reader.antecedent(toks, si, places, where=not loss, described=True) if si else []
    return rel, False


RELATIVE_SPEAKER_WORDS = 8   # words between "which" and the reporting verb ("which the rebels said on Wednesday night")


def _listed_after(ti: int, toks: Words, places: list[PlaceRef], reader: Reader) -> list[PlaceRef]:
    """"Among the positions overrun was X", "among the villages taken were A and B": the places
    after the verb "to be" that follows the participle at token ``ti``."""
    if not (ti >= 3 and toks[ti - 3].word == "among" and toks[ti - 2].word in ("the", "those")):
        return []
    be = next((k for k in range(ti + 1, min(len(toks), ti + 8)) if toks[k].word in ("was", "were", "is", "are")), None)
    if be is None or any(t.word in (",", ";") for t in toks[ti + 1:be]):   # past "by the rebels"
        return []
    return reader.objects(toks, be + 1, places)


def _attacked(toks: Words, lo: int, ti: int, places: list[PlaceRef], reader: Reader) -> list[PlaceRef]:
    """The place of "an attack on (the village of) X" in the subject between tokens ``lo`` and ``ti``."""
    for k in range(lo, ti - 2):
        on = k + 1
        if toks[k].word in ATTACK_NOUNS and toks[on].word == "by":   # "attacks by terrorist groups on X"
            on = next((j for j in range(k + 2, min(ti, k + 2 + ATTACKER_WORDS)) if toks[j].word in ("on", "against")), on)
        if toks[k].word in ATTACK_NOUNS and toks[on].word in ("on", "against", "towards", "toward"):
            return reader.subject_places(toks, on + 1, ti, places) or [  # (a list before the verb: all of it)
                p for p in reader.objects(toks, on + 1, places, max_gap=3) if p.end <= toks[ti].start]
    return []


ATTACKER_WORDS = 8   # words of "by <the attacker>" between an attack noun and its "on"


FORCE_MODIFIERS = 2   # words that may stand before a force's name after "of"/"by" ("Syrian regime forces")
_NOT_MODIFIERS = frozenset({"and", "or", "from", "to", "by", "in", "of", "on", "at", "with", "after", "before", "as"})
UNKNOWN = "unknown"   # an agent stated but not a known force: no force is guessed


_COPULA = frozenset({"is", "are", "was", "were", "stay", "stays", "stayed", "now", "both", "all", "firmly", "entirely",
                     "completely", "fully", "largely", "seem", "appear"}) | HEDGED_COPULA   # ("are said to be")


def people_object(toks: Words, te: int, reader: Reader) -> bool:
    """The phrase's object is people ("freed thousands of detainees"), in its own clause."""
    for t in toks[te:te + LABEL_OBJECT_WORDS]:
        if t.word in (",", ";"):
            return False
        if t.word in reader.people:
            return True
    return False


def _force_at(k: int, toks: Words, actors: list[ActorHit]) -> ActorHit | None:
    """The force phrase that starts at token ``k``, past an article and up to
    ``FORCE_MODIFIERS`` words before a name ("of Syrian regime forces")."""
    starts = set()
    for j in range(k, min(len(toks), k + 2 + FORCE_MODIFIERS)):
        starts.add(toks[j].start)
        if not toks[j].word.isalpha() or toks[j].word in _NOT_MODIFIERS:
            break
    return next((a for a in actors if a.start in starts), None)


LABEL_OBJECT_WORDS = 4   # words after a phrase that say its object is people ("freed thousands of detainees")


def _noun_arguments(te: int, toks: Words, places: list[PlaceRef], actors: list[ActorHit], reader: Reader,
                    where: bool) -> tuple[list[PlaceRef], ActorHit | str | None]:
    """A status noun's place and the force inside its phrase: "the capture of X by Y", "the
    fall of X to Y", "the withdrawal of Y from X"."""
    if te < len(toks) and toks[te].word == "of":
        force = _force_at(te + 1, toks, actors)
        if force is not None:   # "the withdrawal of SDF fighters from X"
            k = toks.at(force.end)
            return reader.objects(toks, k, places, noun=True, where=where), force
    targets = reader.objects(toks, te, places, noun=True, where=where)
    if targets and te > 0 and any(x.start in reader.trigger_starts for x in toks.between(toks[te - 1].end, targets[0].start)):
        targets = []   # "the withdrawal almost certainly leaves X to ...": X is the verb's, not the noun's
    if te < len(toks) and toks[te].word == "of" and not targets:
        return targets, UNKNOWN   # "the evacuation of the security branches": a stated agent, no known force
    if targets and targets[-1].end is not None:
        k = toks.at(targets[-1].end)
        if k < len(toks) and toks[k].word in ("by", "to"):   # "the capture of X by Y"
            return targets, _force_at(k + 1, toks, actors)
    return targets, None


def _moved_passive(effect: str, ti: int, te: int, lo: int, toks: Words, places: list[PlaceRef],
                   actors: list[ActorHit], reader: Reader) -> tuple[list[PlaceRef], ActorHit | str | None] | None:
    """A passive loss or defence with no agent named: (places, agent) when it is settled here."""
    moved_out = reader.objects(toks, te, places)
    if moved_out and effect == "loss":   # "troops were redeployed out of X": the subject left X
        return moved_out, None
    if moved_out:   # "rebels were driven back from X": the subject attacked X; who held it is not said here
        return moved_out, "passive"
    if effect != "loss":
        return None
    posts = _posts_left(ti, lo, toks, places, actors, reader)
    if posts is not None:
        return posts
    subject = reader.subject(toks, ti, actors, lo)
    if subject is not None and subject.kind != "anaphor":
        return [], None   # "troops in Aleppo were redeployed": the force moved, from where it was
    return [], UNKNOWN   # "the security branches were evacuated": who left is not said


POSTS = frozenset({"positions", "posts", "checkpoints", "barracks", "bases", "outposts", "lines"})   # a force's, somewhere


def _posts_left(ti: int, lo: int, toks: Words, places: list[PlaceRef], actors: list[ActorHit],
                reader: Reader) -> tuple[list[PlaceRef], ActorHit] | None:
    """"Syrian army positions around Tal Kalakh had been abandoned": the force whose posts they were
    left the place they are around, in or at; None when the subject is no force's posts so placed."""
    for a in actors:
        k = toks.at(a.end)
        if toks[lo].start <= a.start and k + 1 < ti and toks[k].word in POSTS \
                and toks[k + 1].word in ("around", "in", "at", "outside", "near", "on"):
            got = [p for p in reader.objects(toks, k + 2, places) if p.key is not None and p.end <= toks[ti].start]
            return (got, a) if got else None
    return None


def _held_places(ti: int, te: int, toks: Words, places: list[PlaceRef], reader: Reader) -> list[PlaceRef]:
    """The places an adjective such as "rebel-held" describes: the place after it, or with none a label's
    ("Hama: Rebel-held since Thursday.")."""
    after = reader.objects(toks, te, places, max_gap=HELD_PLACE_GAP)
    return after or (reader.label(toks, places) if ti > 0 and toks[ti - 1].word in LABEL_MARKS else [])


def _moved_out(toks: Words, ti: int) -> bool:
    """The verb at token ``ti`` that could drive a force out has no object: its subject moved ("the factions
    have pushed out of Idlib", "pushed from Idlib towards Aleppo"); no one was driven out."""
    return ti + 1 < len(toks) and (toks[ti + 1].word == "from" or [x.word for x in toks[ti + 1:ti + 3]] == ["out", "of"])


def _where(t: Trigger, toks: Words) -> bool:
    """The phrase says where something happens, so a sentence's opening place may be its place: a
    fight, a defence, or a hold with no object ("In Tal Tamr, the SDF is in control")."""
    return t.pattern.effect in ("defence", "fighting") or (t.pattern.effect == "hold" and objectless(toks, t.end))


def arguments(t: Trigger, ti: int, te: int | None, lo: int, toks: Words, places: list[PlaceRef],
              actors: list[ActorHit], reader: Reader) -> tuple[list[PlaceRef], ActorHit | str | None]:
    """(places, agent phrase, "passive" or None) of the status phrase ``t`` spanning tokens ti..te."""
    te, sp = len(toks) if te is None else te, t.pattern
    if t.held:
        return _held_places(ti, te, toks, places, reader), None
    passive, where = _passive(t, ti, te, toks, reader), _where(t, toks)
    agent: ActorHit | str | None = (_agent_after(te, passive, toks, actors, reader, sp.effect == "loss")
                                    if sp.agent == "after" or passive else None)
    if sp.expels and not passive and _moved_out(toks, ti):
        return [], None
    if passive and sp.expels:   # "SDF fighters were driven out of X by the SNA": X, by the SNA
        driven_from = reader.objects(toks, te, places)
        if driven_from:
            k = toks.at(driven_from[-1].end)
            by = _force_at(k + 1, toks, actors) if k < len(toks) and toks[k].word == "by" else None
            return driven_from, by or "passive"
    if passive and sp.effect in ("loss", "defence") and agent is None:
        moved = _moved_passive(sp.effect, ti, te, lo, toks, places, actors, reader)
        if moved is not None:
            return moved
    if passive and sp.effect == "defence":   # "an attack on X was repelled"
        targets = _attacked(toks, lo, ti, places, reader) or reader.subject_places(toks, lo, ti, places)
    elif passive or sp.place == "before":
        targets = reader.apposed(toks, ti, places) if sp.apposition else (   # (an apposition: what is right before it)
            reader.subject_places(toks, lo, ti, places) or reader.antecedent(toks, lo, places)
            or reader.pronoun_subject(toks, lo, ti, they=agent is not None))
        targets += reader.gapped(toks, te, places) if targets and not sp.apposition else []
    elif sp.place == "either":
        # "A and B are now under the control of X": the subject's list before the nearest place
        subject = reader.subject_places(toks, lo, ti, places)
        subject_list = len(subject) > 1 and all(x.word in _COPULA or x.word in reader.soft
                                                for x in toks.between(subject[-1].end, toks[ti].start))
        near = reader.near_before(toks, ti, places)
        near = [] if reader.only_locates(near, subject, toks, places) else near
        targets = (reader.objects(toks, te, places) or (subject if subject_list else []) or near or subject
                   or reader.antecedent(toks, lo, places) or reader.pronoun_subject(toks, lo, ti, sp.agent != "subject"))
    elif sp.noun:
        targets, agent = _noun_arguments(te, toks, places, actors, reader, where)
    elif (listed := _listed_after(ti, toks, places, reader)):
        targets, passive = listed, True   # "among the villages taken (by X) were A and B"
        agent = _agent_after(te, True, toks, actors, reader)
    else:
        targets = reader.objects(toks, te, places, noun=sp.noun, where=where)
        mark = ti - 1 - (ti > 1 and (toks[ti - 1].word in reader.adverbs or toks[ti - 1].word.endswith("ly")))
        labelled = reader.label(toks, places) if not targets and mark >= 0 and toks[mark].word in LABEL_MARKS else []
        if labelled and toks[ti].word.endswith(_PARTICIPLE_ENDINGS):   # "Hama and Homs: captured by the rebels"
            targets, passive, agent = labelled, True, _agent_after(te, True, toks, actors, reader)
        if not targets:
            targets, as_passive = _object_or_relative(ti, lo, toks, places, actors, reader, sp.effect == "loss",
                                                      sp.effect == "defence")
            if as_passive and not passive:   # "X, captured by Y on Friday,": the agent follows "by"
                passive, agent = True, _agent_after(te, True, toks, actors, reader)
    if not targets and (where or (sp.agent == "inside" and sp.effect == "loss") or (
            sp.effect in ("gain", "presence") and not passive and not sp.noun and _scene_object(lo, te, toks, reader))):
        targets = reader.scene(toks, places, ti, sp.effect not in ("gain", "presence"))   # "On the Saraqib front, ..."
    if not targets and not people_object(toks, te, reader):
        targets = reader.included(toks, lo, ti, te, places) or reader.label(toks, places)   # ("That pocket is ..., including A")
    cut_at = reader.road_cut_at(toks, targets, places) if sp.effect == "fighting" else []   # ("cut the M5 near X")
    return targets + cut_at, ("passive" if passive and agent is None else agent)


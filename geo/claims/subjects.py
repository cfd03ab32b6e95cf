"""The force of a phrase past a restrictive relative clause, and the places that force is said to be in
("The troops who manned the posts on X left": the troops, from X)."""

from __future__ import annotations

import re
from typing import NamedTuple

from .arguments import LIST_REACH, POSTS
from .clauses import ActorHit, PlaceRef, Reader, Words
from .clauses.grammar import GUARDED
from .clauses.words import GUARDING, SUBJECT_PARTICIPLES, listed_ending_at
from .triggers import Trigger

RESTRICTIVE = frozenset({"who", "that", "which"})   # relative words opening a clause with no comma before it
_MODALS = frozenset({"may", "might", "will", "would", "could", "can", "should", "must", "not", "never"})


class Subjects(NamedTuple):
    """What the two readers below look at in one sentence."""
    toks: Words
    actors: list[ActorHit]
    phrases: list[Trigger]
    places: list[PlaceRef]
    reader: Reader
    rx_verb: re.Pattern[str]


def past_restrictive_relative(s: Subjects, lo: int, ti: int) -> tuple[int, ActorHit | None]:
    """(clause start, subject) for the phrase at ``ti`` when ``lo`` opens a restrictive relative
    clause (no comma before the relative word) that follows a force and ends before the phrase, with
    no "and" between: the main clause's start and that force ("The fighters who took Aleppo entered
    Hama", "The troops that guarded the road pulled out of X": the fighters, the troops); else (``lo``, None)."""
    toks, reader = s.toks, s.reader
    if not (lo > 1 and toks[lo - 1].word in RESTRICTIVE and toks[lo - 2].word != ","):
        return lo, None
    owner = next((a for a in s.actors if a.end == toks[lo - 2].end), None)
    k = toks.at(owner.start) - 1 if owner is not None else -1
    if k >= 0 and s.rx_verb.fullmatch(toks[k].word):
        return lo, None   # "a source told SANA that fighting was under way in X": no relative clause
    own = [u for u in s.phrases if toks[lo].start <= u.start and u.end <= toks[ti].start]
    # with no phrase of its own, the clause's verb is any word before the phrase ("The forces that
    # guarded the road pulled out of X", "Fighters who had massed north of the city entered X"),
    # unless a force of its own stands in it ("the army that the rebels fought": the rebels')
    since = own[-1].end if own else toks[lo].start
    if not own and all(x.word in reader.soft or x.word in _MODALS or x.word.endswith("ly")
                       for x in toks.between(since, toks[ti].start)):
        return lo, None   # "factions that have already taken X": the phrase is the relative clause's own verb
    if (owner is None or not (own or lo < ti) or any(x.word in ("and", "or", "but", ",", ";", ":")
                                                       for x in toks.between(since, toks[ti].start))
            or (not own and any(toks[lo].start <= a.start < toks[ti].start for a in s.actors))):
        return lo, None
    start = reader.clause_start(toks, lo - 1)
    return start, reader.subject(toks, lo - 1, s.actors, start)


def where_the_subject_was(s: Subjects, ti: int, noun: bool = False) -> list[PlaceRef]:
    """The places "in" which the subject of the phrase at ``ti`` is said to be ("troops in X")."""
    reader, toks = s.reader, s.toks
    lo, owner = past_restrictive_relative(s, reader.clause_start(toks, ti), ti)   # ("the troops who manned X left")
    subj = owner or reader.subject(toks, ti, s.actors, lo) or next((a for a in s.actors if noun and toks[lo].start <= a.start
                                                              and a.end <= toks[ti].start), None)   # (a noun: its verb's)
    # "troops in A and B withdrew", "advisers deployed at X pulled out", "units stationed in A
    # and B have carried out a redeployment"
    for k in range(toks.at(subj.end) if subj is not None else lo + 1, ti):
        if subj is not None and k == toks.at(subj.end) and toks[k].word == "there":   # "regime troops there left"
            return [p for p in reader.objects(toks, k, s.places) if p.key is not None]
        v = k + 1 + (toks[k + 1].word in ("had", "has", "have"))   # "the troops who had manned X left"
        if subj is not None and k == toks.at(subj.end) and toks[k].word in RESTRICTIVE and v < ti and toks[v].word in GUARDED:
            return [p for p in reader.objects(toks, v + 1, s.places) if p.key is not None and p.end <= toks[ti].start]
        if ((toks[k].word in ("in", "inside", "at") or (toks[k].word in ("around", "outside") and subj is not None and (
                k == toks.at(subj.end) or toks[k - 1].word in SUBJECT_PARTICIPLES or toks[k - 1].word in POSTS)))
                # ("units (stationed) around Hama", "army positions around Tal Kalakh had been abandoned")
                and (subj is not None or toks[k - 1].word in SUBJECT_PARTICIPLES)) \
                or toks[k].word in GUARDING:   # "the troops guarding the base withdrew"
            got = [p for p in reader.objects(toks, k + 1, s.places) if p.key is not None and p.end <= toks[ti].start]
            listed = listed_ending_at(toks, ti - 1, s.places, LIST_REACH)   # "stationed in A, B and C thwarted": C too,
            return listed if got and got[0] in listed else got     # though a verb follows it
    return []


def takes_nothing(s: Subjects, named: list[ActorHit], t: Trigger, ti: int) -> bool:
    """A gain whose subject takes no place: a force that falls is beaten ("The regime has fallen"; a place falls,
    "Hama fell"); "measures have been taken", "steps were taken" take none."""
    k = ti - 1
    while k >= 0 and s.toks[k].word in s.reader.soft:
        k -= 1
    return t.pattern.effect == "gain" and k >= 0 and (s.toks[k].word in _TAKEN_NOUNS or (
        t.pattern.place == "before" and any(a.end == s.toks[k].end and a.kind == "name" for a in named)))


_TAKEN_NOUNS = frozenset({"measures", "steps", "decisions", "decision", "precautions", "action", "actions", "note", "notice",
                          "care", "part", "place", "hostage", "hostages", "prisoner", "prisoners", "captive", "captives"})

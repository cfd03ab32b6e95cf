"""Statements that are not current claims: intentions ("preparing to recapture X") and
background ("won control of the city in 2016")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .clauses import ActorHit
from .triggers import Trigger
from .vocabulary import ClaimVocabulary

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_IN_YEAR = re.compile(r"\bin (?:\w+ )?(1[89]\d\d|20\d\d)\b")   # "in 2016", "in March 2016"
_CLAUSE_MARK = re.compile(r"[,;]")
_CLAUSE_BREAK = re.compile(r";|,(?!\d)")   # not the comma of "2,000"
_PLUPERFECT = re.compile(r"\bhad(?: \w+)?\s*$")
_SINCE_YEAR = re.compile(r"\bsince (?:\w+ )?(?:1[89]\d\d|20\d\d)\b")
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)(?: \w+)?\s*$")   # "has held", "have long controlled"
INTENTION_REACH = 45   # characters before a phrase searched for an intention ("preparing to")
CONDITION_REACH = 90   # characters before a phrase searched for a condition ("whether HTS-led factions ...")
PERFECT_REACH = 30     # characters before a phrase searched for a perfect ("had been")


def intended(norm: str, t: Trigger, vocab: ClaimVocabulary, actors: Sequence[ActorHit] = ()) -> bool:
    """An intention governs the phrase ("preparing to recapture X"), unless a force stands
    between them as the phrase's own subject ("in a bid to halt insurgents advancing")."""
    lo = max(0, t.start - INTENTION_REACH)
    marks = [m.end() for m in _CLAUSE_BREAK.finditer(norm, lo, t.start)]
    lo = marks[-1] if marks else lo
    cues = list(vocab.rx_intention.finditer(norm, lo, t.start))
    if cues and not any(cues[-1].end() <= a.start and a.end <= t.start for a in actors):
        return True
    return _conditional(norm, t, vocab)


def _conditional(norm: str, t: Trigger, vocab: ClaimVocabulary) -> bool:
    """A condition or open question before the phrase in its clause ("unclear whether HTS
    entered X", "if rebels take X")."""
    lo = max(0, t.start - CONDITION_REACH)
    before = norm[lo:t.start]
    lo += max(before.rfind(","), before.rfind(";")) + 1
    return vocab.rx_condition.search(norm, lo, t.start) is not None


def _earlier_year(text: str, year: int | None, rx: re.Pattern = YEAR) -> bool:
    return year is not None and any(int(y) < year for y in rx.findall(text))


@lru_cache(maxsize=8)
def _background(norm: str, year: int | None, rx_history: re.Pattern) -> bool:
    """The sentence names an earlier year or a history cue ("in 2016", "a decade ago"): the
    same for every phrase of a sentence, so found once per sentence."""
    return _earlier_year(norm, year) or bool(rx_history.search(norm))


def historic(norm: str, t: Trigger, vocab: ClaimVocabulary, year: int | None) -> bool:
    """Background, not a current claim: "won control of the city in 2016", "... a decade after
    government forces drove rebels from the city", "had been under state control since ..."."""
    clause_after = _CLAUSE_MARK.split(norm[t.end:])[0]
    if vocab.rx_history_after.search(clause_after) and not _PRESENT_PERFECT.search(norm[max(0, t.start - 12):t.start]):
        return True   # "besieged the city for two years", "took it a decade ago" (not "has held it for years")
    if _PLUPERFECT.search(norm[max(0, t.start - 12):t.start]) and vocab.rx_history_after.search(norm[:t.start]):
        return True   # "For more than four decades the city had stayed under Assad family rule"
    if not _background(norm, year, vocab.rx_history):
        return False
    perfect = bool(_PRESENT_PERFECT.search(norm[max(0, t.start - 12):t.start])) or norm.startswith(("has ", "have "), t.start)
    if _earlier_year(clause_after, year) and not (perfect and _SINCE_YEAR.search(clause_after)):
        return True   # (but "which the rebels have run since 2015" still holds)
    head = norm[:t.start]
    conj = list(vocab.rx_time_clause.finditer(head))
    if conj:
        if not _CLAUSE_MARK.search(head[conj[-1].end():]) or vocab.rx_history.search(head):
            return True
    if _earlier_year(head, year, _IN_YEAR):
        return True
    if vocab.rx_perfect.search(head[-PERFECT_REACH:]) or vocab.rx_history_before.search(head):
        return True
    return False

"""Statements that are not current claims: intentions ("preparing to recapture X") and
background ("won control of the city in 2016")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from .clauses import ActorHit
from .triggers import Trigger
from .vocabulary import ClaimVocabulary

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_IN_YEAR = re.compile(r"\bin (?:\w+ )?(1[89]\d\d|20\d\d)\b")   # "in 2016", "in March 2016"
_CLAUSE_MARK = re.compile(r"[,;]")
_CLAUSE_BREAK = re.compile(r";|,(?!\d)")   # not the comma of "2,000"
_ESTIMATE_BREAK = re.compile(r";|,(?!\d)|\b(?:that|which|who)\b")   # "likely to face factions that have taken X": taken
_PLUPERFECT = re.compile(r"\bhad(?: \w+)?\s*$")

_MODAL = re.compile(r"\b(?:will|would|could|might|may|shall)\b")
_SINCE_YEAR = re.compile(r"\bsince (?:[\w'-]+ ){0,6}?(?:1[89]\d\d|20\d\d)\b")   # ("since Turkish operations in 2016")
# ... or since a day: "have occupied Aleppo since the weekend", "since Saturday", "since 30 November"
_SINCE_WHEN = re.compile(_SINCE_YEAR.pattern.replace(r"\bsince ", r"\bsince (?:", 1) + r"|(?:the |last )?(?:weekend|week|"
                         r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2} (?:nov|dec)|(?:nov|dec)[a-z]*\.? \d))")
_UNTIL = re.compile(r"\buntil\s*$")
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)(?: \w+)?\s*$")   # "has held", "have long controlled"
_PERFECT_PHRASE = re.compile(r"(?:has|have) ")   # a phrase that opens with its auxiliary ("has run X for years")
_TO_BEFORE = re.compile(r" to [\"\u201c\u201d']?$")   # "to take", 'to "repel"'
INTENTION_REACH = 45   # characters before a phrase searched for an intention ("preparing to")
# a forecast right after a phrase: "An SNA move on Manbij looks likely" (not past "and", "which")
_FORECAST = re.compile(r"(?:\s+(?!(?:and|but|while|as|after|before|which|that)\b)[\w'-]+){1,3}?"
                       r"\s+(?:looks|seems|appears|is|was|remains)(?: \w+)? "
                       r"(?:likely|unlikely|imminent|expected|possible|probable)\b")
ESTIMATE_REACH = 150   # ... for an estimate ("may have"), within the phrase's clause
CONDITION_REACH = 90   # characters before a phrase searched for a condition ("whether HTS-led factions ...")
PERFECT_REACH = 30     # characters before a phrase searched for a perfect ("had been")
HISTORY_BEFORE_REACH = 120   # characters before a phrase searched for a history word right before it ("previously")


def intended(norm: str, t: Trigger, vocab: ClaimVocabulary, actors: Sequence[ActorHit] = ()) -> bool:
    """An intention governs the phrase ("preparing to recapture X"), unless a force stands
    between them as the phrase's own subject ("in a bid to halt insurgents advancing")."""
    wide = max(0, t.start - ESTIMATE_REACH)
    marks = [m.end() for m in _ESTIMATE_BREAK.finditer(norm, wide, t.start)]
    wide = marks[-1] if marks else wide
    if vocab.rx_estimate.search(norm, wide, t.start):
        return True   # an analyst's estimate covers its clause ("which likely enabled the opposition to advance")
    if _FORECAST.match(norm, t.end):
        return True   # a forecast right after it: "An SNA move on Manbij looks likely"
    lo = max(wide, t.start - INTENTION_REACH)
    verb = norm[t.start:t.end].split(" ", 1)[0]
    if _TO_BEFORE.search(norm, max(0, t.start - 6), t.start) and verb not in vocab.infinitive_not \
            and not vocab.rx_infinitive_fact.search(
            norm, max(lo, _clause_start(norm, t.start - 3)), t.start - 3):
        return True   # a purpose: "moved south to take Hama" (but "managed to take Hama")
    cues = list(vocab.rx_intention.finditer(norm, lo, t.start))
    between = [a for a in actors if cues and cues[-1].end() <= a.start and a.end <= t.start
               and " and " not in norm[a.end:t.start]]   # (not an object: "to topple Assad's government and capture X")
    if cues and (not between or _UNTIL.search(norm, cues[-1].end(), between[0].start)):
        return True   # (but "would not stop until they reached X": the intention governs the "until" clause)
    return _conditional(norm, t, vocab)


def _clause_start(norm: str, pos: int) -> int:
    """Just after the last clause mark (",", ";") before ``pos`` within the intention reach."""
    lo = max(0, pos - INTENTION_REACH)
    marks = [m.end() for m in _CLAUSE_BREAK.finditer(norm, lo, pos)]
    return marks[-1] if marks else lo


def _conditional(norm: str, t: Trigger, vocab: ClaimVocabulary) -> bool:
    """A condition or open question before the phrase in its clause ("unclear whether HTS
    entered X", "if rebels take X")."""
    lo = max(0, t.start - CONDITION_REACH)
    before = norm[lo:t.start]
    lo += max(before.rfind(","), before.rfind(";")) + 1
    if vocab.rx_condition.search(norm, lo, t.start) is not None:
        return True
    first = norm[t.start:t.end].split(" ", 1)[0]
    if first.endswith("ed") or first in vocab.irregular_past:
        return False   # a time clause in the past tells what happened
    return bool(vocab.rx_future_time.search(norm, lo, t.start)
                or (vocab.rx_future_time_modal.search(norm, lo, t.start) and _MODAL.search(norm)))


# A sentence's phrases are many (a page with no full stop has thousands): what ``historic`` looks
# for before a phrase is found once per sentence and pattern, then read up to each phrase.
@lru_cache(maxsize=32)
def _spans(norm: str, rx: re.Pattern) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in rx.finditer(norm))


# "captured Aleppo for the first time since 2016", "the biggest advance since 2020": the year
# measures how new the event is; it does not date it
_MEASURED_SINCE = re.compile(r"\b(?:first|only|biggest|largest|worst|heaviest|deepest|furthest|farthest|greatest|most(?! of\b))"
                             r"(?: [\w'-]+){0,5}? since (?:(?:early|late|mid) )?(?:[a-z]+ )?$")
MEASURED_REACH = 60   # characters before a year where that phrase is looked for
# "... since 2016, when the army retook it": what follows is that year's event
_YEAR_WHEN = re.compile(r"\b(1[89]\d\d|20\d\d),? when\b")


@lru_cache(maxsize=8)
def _years(norm: str, rx: re.Pattern) -> tuple[tuple[int, int, int], ...]:
    return tuple((m.start(), m.end(), int(m.group(1))) for m in rx.finditer(norm)
                 if not _MEASURED_SINCE.search(norm[max(0, m.start() - MEASURED_REACH):m.start()])
                 and not _NAMED_BY_YEAR.match(norm, m.end(1)))


# a year that names a line or an accord, not a time: "along the 1974 line", "under the 1974 disengagement agreement"
_NAMED_BY_YEAR = re.compile(r" (?:ceasefire |cease-fire |armistice |disengagement |separation |de-escalation )?"
                            r"(?:line|lines|agreement|agreements|accord|accords|border|boundary)\b")


def _found_before(norm: str, rx: re.Pattern, pos: int) -> bool:
    spans = _spans(norm, rx)
    return bool(spans) and spans[0][1] <= pos


def _last_end_before(norm: str, rx: re.Pattern, pos: int) -> int:
    """The end of the last match of ``rx`` that ends by ``pos`` (-1: none)."""
    spans = _spans(norm, rx)
    k = bisect_right(spans, pos, key=lambda s: s[1])
    return spans[k - 1][1] if k else -1


def _earlier_year_between(norm: str, year: int | None, lo: int, hi: int, rx: re.Pattern = YEAR) -> bool:
    return year is not None and any(lo <= a and b <= hi and y < year for a, b, y in _years(norm, rx))


@lru_cache(maxsize=8)
def _background(norm: str, year: int | None, rx_history: re.Pattern) -> bool:
    """The sentence names an earlier year or a history cue ("in 2016", "a decade ago"): the
    same for every phrase of a sentence, so found once per sentence."""
    return _earlier_year_between(norm, year, 0, len(norm)) or bool(_spans(norm, rx_history))


def _clause_end(norm: str, t: Trigger) -> int:
    """Where the clause of status phrase ``t`` ends after it (its next comma or semicolon)."""
    mark = _CLAUSE_MARK.search(norm, t.end)
    return mark.start() if mark else len(norm)


def _present_perfect(norm: str, t: Trigger) -> bool:
    """``t`` is in the present perfect ("has held", "have long controlled", "has seized")."""
    return bool(_PRESENT_PERFECT.search(norm[max(0, t.start - 12):t.start])) or norm.startswith(("has ", "have "), t.start)


def _dated_for_time_clause(norm: str, year: int | None, vocab: ClaimVocabulary, conj_end: int) -> bool:
    """The earlier time that makes a time clause ("after X did Y", ending at ``conj_end``)
    background is the sentence's own: a history cue, an earlier year before the clause, or any
    earlier year when the clause opens the sentence. An earlier year after a time clause that
    follows its main clause belongs to a later phrase ("have occupied X, after the SDF
    evacuated it, forcing people displaced from Afrin in 2018 to flee")."""
    if _spans(norm, vocab.rx_history):
        return True
    start = next(a for a, b in _spans(norm, vocab.rx_time_clause) if b == conj_end)
    if not norm[:start].strip(" ,;"):
        return True
    return _earlier_year_before(norm, year, start, YEAR)


# a relative word, or a participle right after the comma (", taken by the army in 2020,")
_RELATIVE_WORD = re.compile(r"\b(?:who|whose|whom|which)\b")
_RELATIVE = re.compile(r"\b(?:who|whose|whom|which|where)\b|, (?:[a-z]+ly )?[a-z]+(?:ed|en|wn)\b")


def _earlier_year_before(norm: str, year: int | None, end: int, rx: re.Pattern) -> bool:
    """An earlier year (matched by ``rx``) before ``end``, outside an insertion that only dates itself."""
    return year is not None and any(b <= end and y < year and not _in_relative_insertion(norm, a, b, end)
                                    for a, b, y in _years(norm, rx))


def _earlier_year_after(norm: str, year: int | None, lo: int, hi: int) -> bool:
    """An earlier year between ``lo`` and ``hi`` (the phrase's end and its clause's, past an insertion), not in a
    relative clause opened after the phrase ("took Tal Rifaat from Kurdish forces who had held it since 2016")."""
    return year is not None and any(lo <= a and b <= hi and y < year and not _in_relative_after(norm, lo, a)
                                    for a, b, y in _years(norm, YEAR))


def _in_relative_after(norm: str, lo: int, a: int) -> bool:
    """Position ``a`` stands in a relative clause opened after ``lo`` and not yet closed by a comma."""
    found = list(_RELATIVE_AFTER.finditer(norm, lo, a))
    return bool(found) and "," not in norm[found[-1].end():a]


_RELATIVE_AFTER = re.compile(r"\b(?:who|whose|whom|which|where)\b")   # ("held the city where the uprising began in 2011")


def _clause_end_past_insertion(norm: str, t: Trigger) -> int:
    """``_clause_end``, or past a relative insertion that starts there ("retook X, which rebels had held
    since 2012, in December 2016": the clause goes on after it)."""
    end = _clause_end(norm, t)
    if end < len(norm) and norm[end] == "," and _RELATIVE_WORD.match(norm, end + 2):
        close = norm.find(",", end + 1)
        if close > 0:
            mark = _CLAUSE_MARK.search(norm, close + 1)
            return mark.start() if mark else len(norm)
    return end


def _in_relative_insertion(norm: str, a: int, b: int, limit: int) -> bool:
    """The year at ``a:b`` stands in an insertion between commas that a relative word opens,
    closed before ``limit`` ("Nubl and al-Zahraa, two towns whose people lived under siege until
    2016, also fled after ..."): it dates that insertion, not the sentence."""
    opened = norm.rfind(",", 0, a)
    closed = norm.find(",", b)
    return 0 <= opened and b <= closed < limit and _RELATIVE.search(norm, opened, a) is not None


def historic(norm: str, t: Trigger, vocab: ClaimVocabulary, year: int | None) -> bool:
    """Background, not a current claim: "won control of the city in 2016", "... a decade after
    government forces drove rebels from the city", "had been under state control since ..."."""
    clause_end = _clause_end(norm, t)
    clause_after = norm[t.end:clause_end]
    just_before = norm[max(0, t.start - 12):t.start]
    if vocab.rx_history_after.search(clause_after) and not _PRESENT_PERFECT.search(just_before) \
            and not _PERFECT_PHRASE.match(norm, t.start):
        return True   # "besieged the city for two years", "took it a decade ago" (not "has held it for years")
    if vocab.rx_lapsed.search(norm, max(0, t.start - PERFECT_REACH), t.start):
        return True   # "the SDF had long held X": held until some time before
    if vocab.rx_background.search(norm, norm.rfind(";", 0, t.start) + 1, t.start):
        return True   # "Before the offensive, the army held Saraqib", "A year ago, Homs was ..."
    if _PLUPERFECT.search(just_before) and _found_before(norm, vocab.rx_history_after, t.start):
        return True   # "For more than four decades the city had stayed under Assad family rule"
    if year is not None and any(int(m.group(1)) < year and ";" not in norm[m.end():t.start]
                                for m in _YEAR_WHEN.finditer(norm, 0, t.start)):
        return True   # "entered Aleppo for the first time since 2016, when the army retook it": "retook"
    if not _background(norm, year, vocab.rx_history):
        return False
    if RELATIVE_HAD.search(norm, max(0, t.start - RELATIVE_HAD_REACH), t.start) \
            and _earlier_year_between(norm, year, 0, t.start):
        return True   # "frozen since March 2020, when a ceasefire ended an offensive that had retaken X"
    if _earlier_year_after(norm, year, t.end, _clause_end_past_insertion(norm, t)) and not (
            (_present_perfect(norm, t) or (norm.startswith("under ", t.start) and norm[:t.start].rstrip().endswith(",")))
            and _SINCE_YEAR.search(clause_after)):
        return True   # (but "which the rebels have run since 2015", "Afrin, under SNA rule since 2018," still hold)
    conj = _last_end_before(norm, vocab.rx_time_clause, t.start)
    if conj >= 0 and _dated_for_time_clause(norm, year, vocab, conj):
        if _last_end_before(norm, _CLAUSE_MARK, t.start) < conj + 1 or _found_before(norm, vocab.rx_history, t.start):
            return True
    if _earlier_year_before(norm, year, t.start, _IN_YEAR) or _dated_subject(norm, t, year, vocab):
        return True
    head_reach = max(0, t.start - HISTORY_BEFORE_REACH)
    if vocab.rx_perfect.search(norm[max(0, t.start - PERFECT_REACH):t.start]) \
            or vocab.rx_history_before.search(norm[head_reach:t.start]):
        return True
    return False


_DATED_OPENING = re.compile(r"\W*(?:the|a|an|that) (?:[a-z]+ )?(1[89]\d\d|20\d\d) ([a-z]+)")   # "The March 2020 ceasefire"
_NEW_CLAUSE = re.compile(r";|, and | but | as | while ")
_INSERTION = re.compile(r",[^,]*,")
_AND_WORD = re.compile(r" and (?:the )?([a-z]+)")
# a relative clause's pluperfect, an insertion or its subject between ("an offensive that, backed by X,
# had recaptured", "Kafraa, which the rebels had captured")
RELATIVE_HAD = re.compile(r"\b(?:which|that|who)\b(?:\s*,[^,]*,)?(?:\s+(?!had\b)[\w'-]+){0,3}?\s+had(?: \w+)?\s*$")
RELATIVE_HAD_REACH = 80


def _dated_subject(norm: str, t: Trigger, year: int | None, vocab: ClaimVocabulary) -> bool:
    """The sentence's subject is an event of an earlier year and the phrase is its own verb
    ("The March 2020 ceasefire, brokered by A and B, left X under regime control"); not past a
    new clause ("The 2020 truce collapsed as rebels took X")."""
    m = _DATED_OPENING.match(norm)
    if m is None or year is None or int(m.group(1)) >= year or m.end() > t.start or m.group(2) in vocab.reader.generic:
        return False   # (not "The 2000 fighters who stormed X")
    rest = _INSERTION.sub(" ", norm[m.end():t.start])   # (past ", brokered by Russia and Turkey,")
    return not (_NEW_CLAUSE.search(rest) or vocab.rx_time_clause.search(rest) or any(
        vocab.force_named(w.group(1)) for w in _AND_WORD.finditer(rest)))   # ("collapsed and rebels took X")


def held_since(norm: str, t: Trigger) -> bool:
    """A gain in the present perfect with "since" a year after it, in its clause: a hold since
    then ("have occupied Afrin since 2018", "has controlled the town since 2016"); an occupation
    since a day too ("have occupied Aleppo since the weekend"; not "have taken 32 villages since Wednesday")."""
    since = (_SINCE_WHEN if norm.startswith("occup", t.start) else _SINCE_YEAR).search(norm, t.end, _clause_end(norm, t))
    return _present_perfect(norm, t) and since is not None and not _MEASURED_SINCE.search(
        norm, max(0, since.start() - MEASURED_REACH), since.start() + len("since "))   # ("for the first time since 1974")

"""A report's words that can make up names, as ``Token``s: capitalised words, ordinals
("46th") and lower-case particles ("al", "al-Harir"), each with what its text says (``Word``)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..text import APOSTROPHES
from .forms import fold

_APOS = re.escape(APOSTROPHES)
HYPHENS = "-\u2010\u2011"
_HYPHEN_SPLIT = re.compile(f"[{re.escape(HYPHENS)}]")
_H = re.escape(HYPHENS)
PARTICLES = frozenset("al el ad ed as es ash ar er an at az ez ag ud ul un bin ibn bint abu".split())
# the words that can be part of a name: capitalised, ordinals, particles ("al", "al-Harir")
TOKEN = re.compile(
    rf"\d+(?:st|nd|rd|th)\b|(?<![\w{_APOS}{_H}])"
    rf"(?:[^\W\d_a-z]|(?:{'|'.join(sorted(PARTICLES, key=len, reverse=True))})(?=[{_H}]|\b))"
    rf"(?:[\w{_APOS}{_H}]*\w)?")
# TOKEN's matches that begin with a capital or a digit (all but the particles), found fast: a
# pattern that opens with a character class lets the regex engine skip to the next capital or
# digit (or non-ASCII character), so a character is consumed first and lookbehinds check it
# ([^\W_a-z]: a digit or [^\W\d_a-z]) and the character before it
_CAPITAL_TOKEN = re.compile(
    rf"[A-Z0-9\x80-\U0010FFFF](?:(?<=\d)\d*(?:st|nd|rd|th)\b"
    rf"|(?<=[^\W\d_a-z])(?<![\w{_APOS}{_H}].)(?:[\w{_APOS}{_H}]*\w)?)")
# runs of _CAPITAL_TOKEN's matches joined by single spaces ("Qalaat Madiq", "Hama T-72"): the same
# matches, one after another, as _CAPITAL_TOKEN.finditer (a match is followed by a space and the
# next match, or it ends its run: its last character is a word character, never a space)
RUN = re.compile(rf"{_CAPITAL_TOKEN.pattern}(?: {_CAPITAL_TOKEN.pattern})*")
_WORD_MARKS = frozenset("_" + APOSTROPHES + HYPHENS)     # with letters and digits: [\w'’-]
_JOINERS = frozenset("al el ad ed ash ar az ez bin ibn bint".split())   # lower case, between words
_JOINER_ENDS = frozenset(j[-2:] for j in _JOINERS)
JOINER_LAST = frozenset(j[-1] for j in _JOINERS)
_JOINER_LENGTHS = (2, 3, 4)
_POSSESSIVE = re.compile(rf"[{_APOS}]s$")
_POSSESSIVE_LENGTH = 2                                   # "'s"
_TITLE_CASE_SMALL = frozenset("a an the of in on at to for and or but from by with as vs".split())
_MEMO_SIZE = 65536                                       # words kinded, memoised
_MAX_WORDS = 100_000                                     # words read, memoised (emptied when full)


class Word(NamedTuple):
    """What a token's text says."""
    text: str            # without a possessive "'s" (the name ends ``cut`` characters before the token's end)
    kind: str | None     # NAME | PART | ORD | ACRO | ADJ (see _kind), None for LOW (a word that only separates names)
    possessive: bool
    cut: int
    folded: str          # fold(text)
    capital: bool        # for the Title Case test: a capitalised word,
    small_capital: bool  # a capitalised small word


class Token(NamedTuple):
    """A TOKEN match: its offsets in the report and what its text says."""
    start: int
    end: int
    word: Word

    @property
    def name_end(self) -> int:
        """Where a name ending with this token ends (before a possessive "'s")."""
        return self.end - self.word.cut


@lru_cache(maxsize=_MEMO_SIZE)
def _kind(word: str) -> str:
    """NAME (a word of a name: "Hama", "al-Harir", "ez-Zor"), PART (a particle between words of
    a name: "al"), ORD ("46th"), ACRO ("SDF"), ADJ ("Kurdish-led"), or LOW (anything else)."""
    first = word[0]
    if first.isdigit():
        return "ORD"
    if first.islower() and "-" not in word and "\u2010" not in word and "\u2011" not in word:
        return "PART" if word in _JOINERS else "LOW"
    if word.isalpha():                           # (most words: no digit, no hyphen, the same answers)
        if not first.isupper():
            return "LOW"
        return "ACRO" if len(word) >= 2 and all(c.isupper() for c in word) else "NAME"
    if any(c.isdigit() for c in word):
        return "LOW"                             # "T-72", "Kurdistan24", "M5"
    parts = [p for p in _HYPHEN_SPLIT.split(word) if p]
    if first.isupper():
        letters = [c for c in word if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return "ACRO"
        if len(parts) > 1 and parts[-1][0].islower() and fold(parts[-1]) not in PARTICLES:
            return "ADJ"                         # "Kurdish-led", "Iran-backed"
        return "NAME"
    if len(parts) > 1 and fold(parts[0]) in PARTICLES and parts[-1][0].isupper():
        return "NAME"                            # "al-Harir", "ez-Zor"
    return "LOW"


_WORDS: dict[str, Word] = {}


def word(w: str) -> Word:
    """A token's ``Word``, memoised."""
    info = _WORDS.get(w)
    if info is None:
        cap = w[0].isupper()
        small = cap and w.lower() in _TITLE_CASE_SMALL
        kind = _kind(w)
        if kind == "LOW":
            info = Word(w, None, False, 0, "", cap, small)
        elif len(w) > _POSSESSIVE_LENGTH and _POSSESSIVE.search(w) is not None:
            stem = w[:-_POSSESSIVE_LENGTH]
            info = Word(stem, _kind(stem), True, _POSSESSIVE_LENGTH, fold(stem), cap, small)
        else:
            info = Word(w, kind, False, 0, fold(w), cap, small)
        if len(_WORDS) >= _MAX_WORDS:
            _WORDS.clear()
        _WORDS[w] = info
    return info


def in_word(ch: str) -> bool:
    """Is ``ch`` in [\\w'’-] (a character TOKEN's words are made of)?"""
    return ch.isalnum() or ch in _WORD_MARKS


def _particle_token(text: str, i: int, r: int | None = None) -> re.Match[str] | None:
    """The TOKEN match that begins with a particle where the run of word characters around
    ``i`` begins ("al-Harir", "al'5th"), or None. ``r``: where that run begins, if known."""
    if r is None:
        r = _run_start(text, i)
    if text[r] not in "abeiu":
        return None
    return TOKEN.match(text, r)


def _run_start(text: str, i: int) -> int:
    """Where the run of word characters that ``i`` ends or is in begins."""
    r = i
    while r > 0 and in_word(text[r - 1]):
        r -= 1
    return r


def ordinal(text: str, a: int) -> bool:
    """Is the ordinal found at ``a`` a token of its own, not inside a particle's ("al-5th")?"""
    if a == 0 or not in_word(text[a - 1]) or not text[a].isdecimal():
        return True
    p = _particle_token(text, a)
    return p is None or p.end() <= a


def particle_words(text: str) -> list[Token]:
    """The name words that begin with a particle ("al-Harir"), found at their hyphens."""
    extra: list[Token] = []
    seen = set()
    particles: dict[int, re.Match[str] | None] = {}   # run start -> _particle_token there
    for hyphen in HYPHENS:
        h = text.find(hyphen)
        prev = run = -1
        while h >= 0:
            # a name word after a hyphen ("Harir"): [^\W\d_a-z]
            c = text[h + 1:h + 2]
            if c.isalnum() and not c.isdecimal() and not ("a" <= c <= "z"):
                # a run of words joined by hyphens ("a-B-C-...") is walked once, not once a hyphen
                if prev < 0 or not all(map(in_word, text[prev:h])):
                    run = _run_start(text, h)
                prev = h
                if run not in particles:
                    particles[run] = _particle_token(text, h, run)
                p = particles[run]
                if p is not None and p.start() not in seen and p.end() > h:
                    seen.add(p.start())
                    info = word(p[0])
                    if info.kind is not None:
                        extra.append(Token(p.start(), p.end(), info))
            h = text.find(hyphen, h + 1)
    return extra


def joiner_before(text: str, q: int) -> Token | None:
    """The lower-case particle right before a name word at ``q`` ("al" in "Qalaat al Madiq"),
    or None (``q``: where a token of kind NAME begins)."""
    if q >= 3 and text[q - 2] in JOINER_LAST and text[q - 3:q - 1] in _JOINER_ENDS and text[q - 1] == " ":
        for n in _JOINER_LENGTHS:
            p = q - 1 - n
            if p >= 0 and text[p:q - 1] in _JOINERS and (p == 0 or not in_word(text[p - 1])):
                return Token(p, q - 1, word(text[p:q - 1]))
    return None

"""The gazetteer's names compiled once into one Aho-Corasick automaton (cost linear in the text,
independent of gazetteer size), and the whole-word, longest-first matches of a report's text."""

from __future__ import annotations

import bisect
from pathlib import Path

import ahocorasick_rs

from ..gazetteer import Gazetteer
from ..text import normalize, padded_word_form_utf8
from .big_names import names_of
from .grams import BIG_NAMES, NameGrams
from .names import ORG, MatcherNames
from .rules import Rules

__all__ = ["ORG", "Matcher", "MatcherNames", "RawMatch"]

_NFA = ahocorasick_rs.Implementation.ContiguousNFA  # compact; the fastest here (bench/RESULTS.md)

RawMatch = tuple[int, int, str]   # start, end (in the text), entry id or ORG


class Matcher:
    """The gazetteer's names compiled once into an automaton, plus the rules that use them.

    The automaton holds every name as its word form wrapped in spaces (" al bab "), and runs
    over the report's word form padded with a space at each end, reporting overlapping hits: so
    every hit is a whole-word occurrence and nothing else. Longest-first selection then runs
    only where hits overlap."""

    def __init__(self, gazetteer: Gazetteer, vocab_dir: Path | None = None, *, names: MatcherNames | None = None,
                 rules: Rules | None = None, big_names: int = BIG_NAMES):
        """``names``: ``big_names.names_of(gazetteer, vocab_dir)`` if already made (a cache keeps
        them); ``rules``: ``Rules(gazetteer, vocab_dir)`` if already made; from ``big_names``
        names on, names are looked up by hash (``grams.NameGrams``), not by an automaton."""
        self.gazetteer = gazetteer
        if names is None:
            names = names_of(gazetteer, vocab_dir)
        self._values = names.values
        self._edges = names.edges
        # over UTF-8 bytes: faster than over str, and news text in word form is mostly ASCII;
        # a gazetteer of millions of names is looked up by hash instead (``grams``)
        self._automaton = self._grams = None
        if len(self._values) >= big_names:
            self._grams = NameGrams(names.words, len(self._values))
        else:
            self._automaton = ahocorasick_rs.BytesAhoCorasick(names.patterns(), implementation=_NFA)
        self.rules = Rules(gazetteer, vocab_dir) if rules is None else rules

    def raw_matches(self, text: str) -> list[RawMatch]:
        """Whole-word, longest-first, non-overlapping (start, end, entry id or ORG) in ``text``."""
        padded = padded_word_form_utf8(text)
        if self._automaton is not None:
            hits = self._automaton.find_matches_as_indexes(padded, overlapping=True)
        else:
            assert self._grams is not None
            hits = self._grams.hits(padded)
        if not hits:
            return []
        if len(padded) != len(text) + 2:
            hits = _char_offsets(padded, hits)
        # the key " k " at [a, b) of ``padded`` is the word at [a, b - 2) of ``text``. Hits come
        # in order of their end: they are disjoint unless one starts before the previous ends.
        values, edges = self._values, self._edges
        if not edges:
            return _outermost([(a, b - 2, values[i]) for i, a, b in hits])
        spans: list[RawMatch] = []
        for i, a, b in hits:
            if i in edges:
                spans.extend(self._edged(text, a, b - 2, i))
            else:
                spans.append((a, b - 2, values[i]))
        return _outermost(spans)

    def _edged(self, text: str, a: int, b: int, i: int) -> list[RawMatch]:
        """The name without marks, if the gazetteer has it, then the span widened over the marks
        at the name's edges when the text has them (and the entry so named): both, in order of
        their end, so that where the widened one overlaps another name the plain one may still
        be kept ("Usman'Afrin": "Usman'" and "Afrin")."""
        edged = self._edges[i]
        out = [(a, b, edged.plain)] if edged.plain is not None else []
        for lead, tail, eid in edged.variants:
            if (a >= len(lead) and normalize(text[a - len(lead):a]) == lead
                    and normalize(text[b:b + len(tail)]) == tail):
                out.append((a - len(lead), b + len(tail), eid))
                break
        return out


def _char_offsets(data: bytes, hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """(pattern, start, end) with UTF-8 byte offsets into ``data`` -> character offsets."""
    cuts = sorted({x for _, a, b in hits for x in (a, b)})
    char_at, chars, prev = {}, 0, 0
    for cut in cuts:   # hits start and end on character boundaries (they are spaces)
        chars += len(data[prev:cut].decode("utf-8", "surrogatepass"))
        char_at[cut], prev = chars, cut
    return [(i, char_at[a], char_at[b]) for i, a, b in hits]


def _outermost(spans: list[RawMatch]) -> list[RawMatch]:
    """Longest-first selection for hits in order of their end. When every two hits are disjoint
    or one inside the other (a name inside a longer one: "Aleppo" in "Aleppo Citadel"), that is
    the outermost hits, found in one pass; when two cross, the general selection."""
    out: list[RawMatch] = []
    for h in spans:
        if out and h[0] < out[-1][1]:   # overlaps the last kept
            if h[1] < out[-1][1]:
                return _select(spans)    # out of end order: not the automaton's order
            if h[0] > out[-1][0]:
                if h[1] == out[-1][1]:
                    continue             # inside the last kept, at its end
                return _select(spans)    # crossing
            while out and h[0] <= out[-1][0]:
                out.pop()                # inside h
            if out and h[0] < out[-1][1]:
                return _select(spans)    # crossing an earlier one
        out.append(h)
    return out


def _select(spans: list[RawMatch]) -> list[RawMatch]:
    """Non-overlapping spans in text order: within each run of overlapping ones, longest first."""
    spans = sorted(spans)
    out: list[RawMatch] = []
    i, n = 0, len(spans)
    while i < n:
        j, reach = i + 1, spans[i][1]
        while j < n and spans[j][0] < reach:
            reach = max(reach, spans[j][1])
            j += 1
        out.extend(spans[i:j] if j == i + 1 else _longest_first(spans[i:j]))
        i = j
    return out


def _longest_first(cands: list[RawMatch]) -> list[RawMatch]:
    """Overlapping candidates -> the longest, then the leftmost, then whatever is still free."""
    cands = sorted(cands, key=lambda c: (c[0] - c[1], c[0]))
    starts: list[int] = []
    ends: list[int] = []
    chosen = []
    for start, end, eid in cands:
        k = bisect.bisect_right(starts, start)
        if k and ends[k - 1] > start:
            continue
        if k < len(starts) and starts[k] < end:
            continue
        starts.insert(k, start)
        ends.insert(k, end)
        chosen.append((start, end, eid))
    chosen.sort()
    return chosen


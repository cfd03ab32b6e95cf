"""The gazetteer's names compiled once into one Aho-Corasick automaton (cost linear in the text,
independent of gazetteer size), and the whole-word, longest-first matches of a report's text."""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import NamedTuple

import ahocorasick_rs

from .. import vocab
from ..gazetteer import Gazetteer
from ..text import name_key, normalize, padded_word_form_utf8, word_keys
from .rules import Rules

ORG = "\x00org"  # automaton value for organisation names, which block place matches
_NFA = ahocorasick_rs.Implementation.ContiguousNFA  # compact; the fastest here (bench/RESULTS.md)

RawMatch = tuple[int, int, str]   # start, end (in the text), entry id or ORG


class _Edged(NamedTuple):
    """The entries behind a word key whose names have marks at their edges ("'Afrin"): each
    (lead, tail, entry id), most marks first, and the entry named without marks, if any."""
    variants: list[tuple[str, str, str]]
    plain: str | None


class _Keys(NamedTuple):
    """The names by word key: the entry (or ORG) each names, those with marks at their edges,
    and the entry named by the word key itself, without marks."""
    values: dict[str, str]                           # word key -> entry id or ORG
    edge_sets: dict[str, dict[tuple[str, str], str]]  # word key -> marks at its edges -> id
    plain: dict[str, str]                            # word key -> id of the name without marks


def _name_keys(gazetteer: Gazetteer, vocab_dir: Path | None) -> list[tuple[str, str]]:
    """(name key, entry id) of every name the gazetteer indexes, then (key, ORG) of every
    organisation name it does not."""
    index = gazetteer.index or {}
    keys = list(index.items())
    keys += [(name_key(o), ORG) for o in vocab.lines("organisations.txt", vocab_dir)
             if name_key(o) not in index]
    return keys


def _by_word_key(keys: list[tuple[str, str]]) -> _Keys:
    """``keys`` by their word key."""
    out = _Keys({}, {}, {})
    # Names that differ only in punctuation are one word key. A CSV gazetteer may not have
    # two entries behind one (gazetteer.py refuses it); in a GeoNames dump the name spelled
    # exactly as the words ("Pekin" over "Pe'kin") wins, then the index's order.
    wks = word_keys([k for k, _ in keys])
    order = sorted(range(len(keys)), key=lambda n: wks[n] != keys[n][0])
    for n in order:
        (key, eid), wk = keys[n], wks[n]
        if wk and wk == key:
            out.values.setdefault(wk, eid)
            out.plain.setdefault(wk, eid)
        elif wk:
            # Marks at a name's edges ("'Afrin", "Washington, D.C.") must be in the text,
            # as written, for the name to match ("`Iraq", an alias of Arak, is not "Iraq"),
            # unless the name is also known without them.
            i, j = key.index(wk[0]), key.rindex(wk[-1]) + 1
            out.values.setdefault(wk, eid)
            if key[:i] or key[j:]:
                out.edge_sets.setdefault(wk, {}).setdefault((key[:i], key[j:]), eid)
            else:
                out.plain.setdefault(wk, eid)
    return out


class Matcher:
    """The gazetteer's names compiled once into an automaton, plus the rules that use them.

    The automaton holds every name as its word form wrapped in spaces (" al bab "), and runs
    over the report's word form padded with a space at each end, reporting overlapping hits: so
    every hit is a whole-word occurrence and nothing else. Longest-first selection then runs
    only where hits overlap."""

    def __init__(self, gazetteer: Gazetteer, vocab_dir: Path | None = None):
        self.gazetteer = gazetteer
        keys = _by_word_key(_name_keys(gazetteer, vocab_dir))
        values, edge_sets, plain = keys.values, keys.edge_sets, keys.plain
        patterns = [f" {k} " for k in values]
        self._values = list(values.values())
        self._edges = {
            n: _Edged(sorted(((lead, tail, eid) for (lead, tail), eid in edge_sets[k].items()),
                             key=lambda e: (-len(e[0]) - len(e[1]), e)), plain.get(k))
            for n, k in enumerate(values) if k in edge_sets}
        # over UTF-8 bytes: faster than over str, and news text in word form is mostly ASCII
        self._automaton = ahocorasick_rs.BytesAhoCorasick(
            [p.encode("utf-8", "surrogatepass") for p in patterns], implementation=_NFA)
        self.rules = Rules(gazetteer, vocab_dir)

    def raw_matches(self, text: str) -> list[RawMatch]:
        """Whole-word, longest-first, non-overlapping (start, end, entry id or ORG) in ``text``."""
        padded = padded_word_form_utf8(text)
        hits = self._automaton.find_matches_as_indexes(padded, overlapping=True)
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


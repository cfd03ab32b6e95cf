"""The names a ``Matcher`` is built over: every name key of the gazetteer as its word key, in
the automaton's order, with the entry (or organisation) each stands for and the names that have
marks at their edges.

``MatcherNames.of(gaz, vocab_dir)`` computes them; ``Matcher(gaz, vocab_dir, names=...)`` builds
the automaton from them. Keeping them apart lets a build keep the names between builds
(``matcher_cache``) and rebuild only the automaton, which cannot be pickled (nor should a cache
hold code). For a gazetteer of millions of names they are made a chunk at a time, and a word key
equal to its name key (most of them) is the index's own string, not a copy.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from .. import vocab
from ..gazetteer import Gazetteer
from ..text import name_key, word_keys

ORG = "\x00org"  # automaton value for organisation names, which block place matches
CHUNK = 200_000              # name keys folded at a time
PATTERN_WINDOW = 1 << 24     # bytes of word keys split into patterns at a time


def organisations(index: Mapping[str, str], vocab_dir: Path | None) -> list[tuple[str, str]]:
    """(name key, ``ORG``) of each organisation name (``organisations.txt``) the index lacks."""
    return [(name_key(o), ORG) for o in vocab.lines("organisations.txt", vocab_dir) if name_key(o) not in index]


class Edged(NamedTuple):
    """The entries behind a word key whose names have marks at their edges ("'Afrin"): each
    (lead, tail, entry id), most marks first, and the entry named without marks, if any."""
    variants: list[tuple[str, str, str]]
    plain: str | None


class MatcherNames(NamedTuple):
    """What a matcher's automaton holds, in order: the word keys (UTF-8, NUL-separated: a word
    key holds letters, digits and spaces only), the entry id (or ``ORG``) of each, and the
    ``Edged`` names by position."""
    words: bytes
    values: Sequence[str]
    edges: dict[int, Edged]

    @classmethod
    def of(cls, gazetteer: Gazetteer, vocab_dir: Path | None = None) -> MatcherNames:
        """The names of every name key the gazetteer indexes, then of every organisation name
        it does not (``organisations.txt``)."""
        index = gazetteer.index or {}
        return by_word_key(itertools.chain(index.items(), organisations(index, vocab_dir)))

    def patterns(self) -> Iterator[bytes]:
        """Each word key as the automaton holds it, wrapped in spaces (" al bab "), in order;
        made a window at a time (no list of millions)."""
        if not self.values:
            return
        words, at = self.words, 0
        while at <= len(words):
            end = words.find(b"\0", min(at + PATTERN_WINDOW, len(words)))
            end = len(words) if end < 0 else end
            for w in words[at:end].split(b"\0"):
                yield b" " + w + b" "
            at = end + 1


def by_word_key(keys: Iterable[tuple[str, str]]) -> MatcherNames:
    """``keys`` (name key, entry id or ORG) by their word key.

    Names that differ only in punctuation are one word key. A CSV gazetteer may not have two
    entries behind one (the gazetteer refuses it); in a GeoNames dump the name spelled exactly
    as the words ("Pekin" over "Pe'kin") wins, then the order of ``keys``. Marks at a name's edges
    ("'Afrin", "Washington, D.C.") must be in the text, as written, for the name to match
    ("`Iraq", an alias of Arak, is not "Iraq"), unless the name is also known without them."""
    values: dict[str, str] = {}           # word key -> entry id or ORG
    marked: list[tuple[str, str, str]] = []   # (key, id, word key) of keys with marks, in order
    it = iter(keys)
    while chunk := list(itertools.islice(it, CHUNK)):
        for (key, eid), wk in zip(chunk, word_keys([k for k, _ in chunk])):
            if wk == key:
                if wk:
                    values.setdefault(key, eid)   # the index's own string
            elif wk:
                marked.append((key, eid, wk))
    plain_first = len(values)             # word keys named as such: their own plain entry
    edge_sets: dict[str, dict[tuple[str, str], str]] = {}
    plain: dict[str, str] = {}            # word key -> id of the name without marks (not above)
    for key, eid, wk in marked:
        i, j = key.index(wk[0]), key.rindex(wk[-1]) + 1
        values.setdefault(wk, eid)
        if key[:i] or key[j:]:
            edge_sets.setdefault(wk, {}).setdefault((key[:i], key[j:]), eid)
        else:
            plain.setdefault(wk, eid)
    edges: dict[int, Edged] = {}
    if edge_sets:
        for n, (k, eid) in enumerate(values.items()):
            if k in edge_sets:
                edges[n] = edged(((lead, tail, e) for (lead, tail), e in edge_sets[k].items()),
                                 eid if n < plain_first else plain.get(k))
    words = "\0".join(values).encode("utf-8", "surrogatepass")
    return MatcherNames(words, list(values.values()), edges)


def edged(variants: Iterable[tuple[str, str, str]], plain: str | None) -> Edged:
    """The ``Edged`` of a word key: its (lead, tail, entry id) variants, most marks first."""
    return Edged(sorted(variants, key=lambda v: (-len(v[0]) - len(v[1]), v)), plain)

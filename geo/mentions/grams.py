"""The matcher's names looked up by hash, for a gazetteer too big for an automaton.

An Aho-Corasick automaton of the 13 million names of a 3-million-row GeoNames dump takes about
1.1 GB and half a minute to build. ``NameGrams`` finds the same hits from about 20 bytes a name:
the CRC-32 of every word key (sorted, with the key's position), and the CRC-32 of every proper
prefix of a key that ends at a word's end (sorted). A report's word form is cut into its words
(runs of non-spaces); from each word, runs of 1, 2, 3 ... words are taken while the run so far is
a known prefix, and a run is a hit when its bytes equal a word key with its hash. Runs are exact
slices of the text, spaces included, so a hit is exactly where the automaton finds the key
wrapped in spaces (" al bab ") in the padded word form: the same whole-word matches
(tests/test_name_grams.py compares the two on random text).

Matching costs a hash per run tried, in Python: several times slower than the automaton on the
same text, which is why only a gazetteer of ``BIG_NAMES`` names or more is matched this way.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

import numpy as np

from ..gazetteer.keys import key_bounds

BIG_NAMES = 2_000_000        # word keys from which a matcher looks names up by hash
CHUNK = 1_000_000            # word keys hashed at a time
_WORD = re.compile(rb"[^ ]+")


def _prefix_hashes(keys: list[bytes]) -> Iterator[int]:
    """The CRC-32 of each prefix of each key that ends where a word ends, the key excepted."""
    crc32 = zlib.crc32
    for k in keys:
        if b" " not in k:
            continue
        crc, at = 0, 0
        for m in _WORD.finditer(k):
            end = m.end()
            if end == len(k):
                break
            crc = crc32(k[at:end], crc)       # the CRC-32 of k[:end], carried on
            at = end
            yield crc


class NameGrams:
    """Every word key of ``words`` (NUL-separated UTF-8, as ``MatcherNames.words``), by hash."""

    def __init__(self, words: bytes, count: int):
        self._words = words
        self._starts, self._ends = key_bounds(words, count)
        full = np.empty(count, np.uint32)
        prefixes: list[np.ndarray] = []
        for a in range(0, count, CHUNK):
            b = min(a + CHUNK, count) - 1
            keys = words[self._starts[a]:self._ends[b]].split(b"\0")
            full[a:b + 1] = np.fromiter(map(zlib.crc32, keys), np.uint32, len(keys))
            prefixes.append(np.unique(np.fromiter(_prefix_hashes(keys), np.uint32)))
        self._order = np.argsort(full, kind="stable").astype(np.int32)
        self._full = full[self._order]
        self._prefixes = np.unique(np.concatenate(prefixes)) if prefixes else np.zeros(0, np.uint32)

    def hits(self, padded: bytes) -> list[tuple[int, int, int]]:
        """(key position, start, end) of every whole-word occurrence of a key in ``padded`` (a
        word form with a space at each end), the span including a space on each side, in order
        of their end, longest first: what the automaton over " key " patterns reports."""
        starts, ends = [], []
        for m in _WORD.finditer(padded):
            starts.append(m.start())
            ends.append(m.end())
        out: list[tuple[int, int, int]] = []
        active, span, n = list(range(len(starts))), 0, len(starts)
        while active:
            runs = [padded[starts[i]:ends[i + span]] for i in active]
            hashes = np.fromiter(map(zlib.crc32, runs), np.uint32, len(runs))
            self._found(runs, hashes, [(starts[i] - 1, ends[i + span] + 1) for i in active], out)
            if not len(self._prefixes):
                break
            at = np.minimum(np.searchsorted(self._prefixes, hashes), len(self._prefixes) - 1)
            known = self._prefixes[at] == hashes
            span += 1
            active = [active[k] for k in np.flatnonzero(known).tolist() if active[k] + span < n]
        out.sort(key=lambda h: (h[2], h[1]))
        return out

    def _found(self, runs: list[bytes], hashes: np.ndarray, spans: list[tuple[int, int]],
               out: list[tuple[int, int, int]]) -> None:
        """The runs that are word keys, into ``out``."""
        full = self._full
        if not len(full):
            return
        at = np.searchsorted(full, hashes)
        for k in np.flatnonzero(full[np.minimum(at, len(full) - 1)] == hashes).tolist():
            i, h, run = int(at[k]), hashes[k], runs[k]
            while i < len(full) and full[i] == h:
                key = int(self._order[i])
                if self._words[self._starts[key]:self._ends[key]] == run:
                    out.append((key, *spans[k]))
                    break
                i += 1

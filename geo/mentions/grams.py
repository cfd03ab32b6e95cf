"""The matcher's names looked up by hash, for a gazetteer too big for an automaton.

An Aho-Corasick automaton of the 13 million names of a 3-million-row GeoNames dump takes about
1.1 GB and half a minute to build. ``NameGrams`` finds the same hits from about 20 bytes a name:
a 64-bit polynomial hash of every word key (sorted, with the key's position), and of every
proper prefix of a key that ends where a word ends (sorted). A report's word form is cut into
its words (runs of non-spaces); from each word, runs of 1, 2, 3 ... words are taken while the run
so far is a known prefix (and no longer than the longest key), and a run is a hit when its bytes
equal a word key with its hash. Runs are exact slices of the text, spaces included, so a hit is
exactly where the automaton finds the key wrapped in spaces (" al bab ") in the padded word form:
the same whole-word matches (tests/test_name_grams.py compares the two on random text).

The hashes are computed with numpy over whole byte strings (prefix sums of ``byte * B**i``
modulo 2**64), never one call per name or per run: the hash of ``data[s:e]`` is
``(sums[e] - sums[s]) * B**-s``. Equal hashes of different bytes are possible (and can be made
on purpose): a hit is always confirmed byte for byte, a false prefix only costs a longer look.
Only a gazetteer of ``BIG_NAMES`` names or more is matched this way; below, the automaton is
faster.
"""

from __future__ import annotations

import numpy as np

from ..gazetteer.keys import Sums, chunks, key_bounds

BIG_NAMES = 2_000_000        # word keys from which a matcher looks names up by hash
KEYS_AT_ONCE = 250_000       # word keys hashed at a time ...
KEY_BYTES_AT_ONCE = 4 * 1024 * 1024   # ... and bytes of them (``Sums`` takes about 30 bytes a byte)
WORDS_AT_ONCE = 200_000      # words of a report from which runs are hashed at a time
SPACE = ord(" ")


def _words(data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(start, end) of each run of non-space bytes of ``data``, which starts and ends with a
    space or NUL."""
    blank = (data == SPACE) | (data == 0)
    return np.flatnonzero(blank[:-1] & ~blank[1:]) + 1, np.flatnonzero(~blank[:-1] & blank[1:]) + 1


class NameGrams:
    """Every word key of ``words`` (NUL-separated UTF-8, as ``MatcherNames.words``), by hash."""

    def __init__(self, words: bytes, count: int):
        self._words = words
        self._starts, self._ends = key_bounds(words, count)
        full = np.empty(count, np.uint64)
        prefixes: list[np.ndarray] = []
        self._most_words = 0
        for a, b in chunks(self._starts, self._ends, KEYS_AT_ONCE, KEY_BYTES_AT_ONCE):
            at = int(self._starts[a])
            nul = np.zeros(1, np.uint8)                      # around the keys, as between them
            data = np.concatenate((nul, np.frombuffer(words, np.uint8, count=int(self._ends[b - 1]) - at, offset=at), nul))
            starts, ends = self._starts[a:b] - at + 1, self._ends[a:b] - at + 1
            sums = Sums(data)
            full[a:b] = sums.of(starts, ends)
            word_starts, word_ends = _words(data)
            key_of = np.searchsorted(starts, word_ends, side="right") - 1
            inner = word_ends < ends[key_of]                 # a word that ends before its key does
            prefixes.append(np.unique(sums.of(starts[key_of[inner]], word_ends[inner])))
            per_key = np.bincount(np.searchsorted(starts, word_starts, side="right") - 1, minlength=b - a)
            self._most_words = max(self._most_words, int(per_key.max()) if len(per_key) else 0)
        self._order = np.argsort(full, kind="stable").astype(np.int32)
        self._full = full[self._order]
        self._prefixes = np.unique(np.concatenate(prefixes)) if prefixes else np.zeros(0, np.uint64)

    def hits(self, padded: bytes) -> list[tuple[int, int, int]]:
        """(key position, start, end) of every whole-word occurrence of a key in ``padded`` (a
        word form with a space at each end), the span including a space on each side, in order
        of their end, longest first: what the automaton over " key " patterns reports."""
        data = np.frombuffer(padded, np.uint8)
        starts, ends = _words(data)
        out: list[tuple[int, int, int]] = []
        for a in range(0, len(starts), WORDS_AT_ONCE):
            b = min(a + WORDS_AT_ONCE, len(starts))
            reach = min(b + self._most_words, len(starts))      # runs from [a, b) end before this word
            lo, hi = int(starts[a]), int(ends[reach - 1])
            self._window(padded, Sums(data[lo:hi]), starts[a:reach] - lo, ends[a:reach] - lo, b - a, lo, out)
        out.sort(key=lambda h: (h[2], h[1]))
        return out

    def _window(self, padded: bytes, sums: Sums, starts: np.ndarray, ends: np.ndarray, first: int, lo: int,
                out: list[tuple[int, int, int]]) -> None:
        """The hits of the runs that start at the ``first`` words of a window of the text (its
        bytes from ``lo``; ``starts`` and ``ends`` of its words within it)."""
        active, span, n = np.arange(first), 0, len(starts)
        while len(active) and span < self._most_words:
            run_starts, run_ends = starts[active], ends[active + span]
            hashes = sums.of(run_starts, run_ends)
            self._found(padded, hashes, run_starts + lo, run_ends + lo, out)
            if not len(self._prefixes):
                break
            at = np.minimum(np.searchsorted(self._prefixes, hashes), len(self._prefixes) - 1)
            span += 1
            active = active[(self._prefixes[at] == hashes) & (active + span < n)]

    def _found(self, padded: bytes, hashes: np.ndarray, run_starts: np.ndarray, run_ends: np.ndarray,
               out: list[tuple[int, int, int]]) -> None:
        """The runs that are word keys, into ``out``."""
        full = self._full
        if not len(full):
            return
        at = np.searchsorted(full, hashes)
        for k in np.flatnonzero(full[np.minimum(at, len(full) - 1)] == hashes).tolist():
            i, h = int(at[k]), hashes[k]
            s, e = int(run_starts[k]), int(run_ends[k])
            while i < len(full) and full[i] == h:
                key = int(self._order[i])
                if self._words[self._starts[key]:self._ends[key]] == padded[s:e]:
                    out.append((key, s - 1, e + 1))
                    break
                i += 1

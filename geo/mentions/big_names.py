"""The matcher's names of a gazetteer of millions of keys, made without a dict of them.

``names.by_word_key`` keeps a dict from every word key to its entry: for the 15 million keys of
a 3-million-row GeoNames dump, about 2 GB of strings and table. ``by_word_key_rows`` gives the
same ``MatcherNames`` (tests/test_matcher_names.py checks it against the one-pass rule) from
keys given with the row of their entry (``keys.KeyIndex.row_chunks``):

1. each chunk's keys are folded to word keys; those equal to their key ("plain", most of them)
   go as UTF-8 into one blob with their rows, the others ("marked", with punctuation) into a list;
2. the plain word keys are made unique, the first of each kept, by sorting their 64-bit hashes
   (``keys.hashes``) and comparing bytes where hashes are equal;
3. the marked keys follow the rule one by one, the plain word keys looked up by hash.

The values are ``RowValues``: each word key's entry as a row of the gazetteer's ids (``ORG_ROW``
for an organisation), not a list of millions of references.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from ..gazetteer import Gazetteer
from ..gazetteer.keys import ByHash, KeyIndex, by_hash, hashes, terminated
from ..text import word_form, word_keys
from .names import CHUNK, ORG, Edged, MatcherNames, edged, organisations

ORG_ROW = -1


def names_of(gazetteer: Gazetteer, vocab_dir: Path | None = None) -> MatcherNames:
    """``MatcherNames.of``; for a gazetteer whose index is a ``KeyIndex`` (millions of keys),
    made from its rows without a dict of them."""
    index = gazetteer.index
    if not isinstance(index, KeyIndex):
        return MatcherNames.of(gazetteer, vocab_dir)
    orgs = [k for k, _ in organisations(index, vocab_dir)]
    return by_word_key_rows(itertools.chain(index.row_chunks(), [(orgs, np.full(len(orgs), ORG_ROW, np.int32))]),
                            index.ids)


class RowValues(Sequence[str]):
    """The entry id (or ``ORG``) of each word key, from rows into the gazetteer's ids."""

    def __init__(self, rows: np.ndarray, ids: Sequence[str]):
        self.rows, self._ids = rows, ids

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return _id(int(self.rows[i]), self._ids)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and len(other) == len(self) and all(a == b for a, b in zip(self, other))

    __hash__ = None     # type: ignore[assignment]


def _id(row: int, ids: Sequence[str]) -> str:
    return ORG if row == ORG_ROW else ids[row]


def _unique_first(blob: bytes | bytearray, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, ByHash]:
    """The positions, in order, of the first of each distinct key of ``blob``; and the keys
    grouped by hash (for ``_positions``, when every key is kept)."""
    grouped = by_hash(blob, starts, ends)
    return np.sort(grouped.order[grouped.new]), grouped


def _positions(words: bytearray, wanted: list[str], grouped: ByHash | None) -> list[int]:
    """The position of each of ``wanted`` among the NUL-terminated ``words`` (``grouped``: them
    grouped by hash, if already), or -1."""
    if not wanted or not words:
        return [-1] * len(wanted)
    if grouped is None:
        grouped = by_hash(words, *terminated(words))
    order, h, starts, ends = grouped.order, grouped.hashes, grouped.starts, grouped.ends
    probe = ("\0".join(wanted) + "\0").encode("utf-8", "surrogatepass")
    p_starts, p_ends = terminated(probe)
    ph = hashes(probe, p_starts, p_ends)
    out = []
    for k, i in enumerate(np.searchsorted(h, ph).tolist()):
        found, want = -1, probe[p_starts[k]:p_ends[k]]
        while i < len(h) and h[i] == ph[k]:
            j = int(order[i])
            if words[starts[j]:ends[j]] == want:
                found = j
                break
            i += 1
        out.append(found)
    return out


def _plain(keys: list[str]) -> np.ndarray:
    """Whether each key is its own word key (not empty, only letters, digits and spaces), from
    one fold of them all: the keys that differ from their word form are found where the two
    joined texts differ (compared as UTF-32, a character per number)."""
    joined = "\n".join(keys)
    a = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), np.uint32)
    b = np.frombuffer(word_form(joined).encode("utf-32-le", "surrogatepass"), np.uint32)
    lengths = np.fromiter(map(len, keys), np.int64, len(keys))
    ends = np.cumsum(lengths + 1) - 1                       # the separator after each key
    differ = np.flatnonzero(a != b)
    differ = differ[~np.isin(differ, ends)]
    plain = lengths > 0
    plain[np.searchsorted(ends, differ)] = False
    return plain


def by_word_key_rows(chunks: Iterable[tuple[list[str], np.ndarray]], ids: Sequence[str]) -> MatcherNames:
    """``names.by_word_key`` of keys given a chunk at a time with their rows in ``ids``
    (``ORG_ROW`` for an organisation)."""
    blob, rows = bytearray(), []
    marked: list[tuple[str, int, str]] = []         # (key, row, word key) of keys with marks, in order
    for keys, key_rows in chunks:
        for a in range(0, len(keys), CHUNK):
            part, part_rows = keys[a:a + CHUNK], key_rows[a:a + CHUNK]
            is_plain = _plain(part)
            plain = [k for k, p in zip(part, is_plain.tolist()) if p]
            if plain:
                blob += ("\0".join(plain) + "\0").encode("utf-8", "surrogatepass")
                rows.append(part_rows[is_plain])
            others = np.flatnonzero(~is_plain).tolist()
            wks = word_keys([part[i] for i in others])
            marked.extend((part[i], int(part_rows[i]), wk) for i, wk in zip(others, wks) if wk)
    starts, ends = terminated(blob)
    keep, grouped = _unique_first(blob, starts, ends)
    plain_rows = np.concatenate(rows)[keep].astype(np.int32) if rows else np.zeros(0, np.int32)
    if len(keep) == len(starts):   # (an index's keys are distinct: the usual case, nothing to copy)
        return _with_marked(blob, plain_rows, marked, ids, grouped)
    words = bytearray()
    for a in range(0, len(keep), CHUNK):
        ks = keep[a:a + CHUNK]
        words += b"".join(blob[s:e + 1] for s, e in zip(starts[ks].tolist(), ends[ks].tolist()))   # with its NUL
    del blob, starts, ends, grouped
    return _with_marked(words, plain_rows, marked, ids, None)


def _with_marked(words: bytearray, plain_rows: np.ndarray, marked: list[tuple[str, int, str]],
                 ids: Sequence[str], grouped: ByHash | None) -> MatcherNames:
    """The plain word keys (``words``, NUL-terminated, and their rows; ``grouped``: them grouped
    by hash, if already), then the marked keys by the rule of ``names.by_word_key``."""
    known = _positions(words, [wk for _, _, wk in marked], grouped)
    new: dict[str, int] = {}                        # a marked word key that is no plain one -> its row
    edge_sets: dict[str, dict[tuple[str, str], int]] = {}
    plain: dict[str, int] = {}                      # word key -> row of the name without marks
    position: dict[str, int] = {}
    for (key, row, wk), at in zip(marked, known):
        i, j = key.index(wk[0]), key.rindex(wk[-1]) + 1
        if at < 0:
            new.setdefault(wk, row)
        else:
            position[wk] = at
        if key[:i] or key[j:]:
            edge_sets.setdefault(wk, {}).setdefault((key[:i], key[j:]), row)
        else:
            plain.setdefault(wk, row)
    position.update((wk, len(plain_rows) + n) for n, wk in enumerate(new))
    values = RowValues(np.concatenate((plain_rows, np.fromiter(new.values(), np.int32, len(new)))), ids)
    edges: dict[int, Edged] = {}
    for wk, sets in edge_sets.items():
        n = position[wk]
        own = values[n] if n < len(plain_rows) else (None if wk not in plain else _id(plain[wk], ids))
        edges[n] = edged(((lead, tail, _id(r, ids)) for (lead, tail), r in sets.items()), own)
    words += "".join(wk + "\0" for wk in new).encode("utf-8", "surrogatepass")
    del words[-1:]                                  # the last NUL: keys are NUL-separated
    return MatcherNames(bytes(words), values, dict(sorted(edges.items())))

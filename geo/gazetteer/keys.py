"""The name index of a big gazetteer as a compact mapping instead of a dict.

A dict of the 13 million name keys of a 3-million-row GeoNames dump holds 13 million key
strings and its table: about 1.2 GB. ``KeyIndex`` answers the same questions (``get``, ``in``,
``[]``, iteration in the index's order) from the columns the gazetteer cache keeps: the keys as
UTF-8 in one blob, the row of each and each key's 64-bit hash (``hashes``), plus the hashes sorted once. A lookup
is a bisection among the hashes and a byte comparison with the keys of the same hash; about 100
bytes per key in all.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import NamedTuple

import numpy as np

CHUNK = 1_000_000            # keys decoded at a time when iterated
WINDOW = 64 * 1024 * 1024    # bytes of keys scanned at a time for their separators
HASHED_AT_ONCE = 250_000     # keys hashed at a time (``hashes``) ...
HASHED_BYTES = 8 * 1024 * 1024   # ... and bytes of them


def terminated(blob: bytes | bytearray) -> tuple[np.ndarray, np.ndarray]:
    """(start, end) of each key in ``blob``, each key followed by a NUL; int32 where they fit."""
    nul = np.flatnonzero(np.frombuffer(blob, np.uint8) == 0)
    offset = np.int32 if len(blob) < 2 ** 31 else np.int64     # (half the memory of millions of keys)
    return np.concatenate(([0], nul[:-1] + 1))[:len(nul)].astype(offset), nul.astype(offset)


def key_bounds(blob: bytes | bytearray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """(start, end) of each of the ``count`` NUL-separated keys in ``blob``."""
    if not count:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    cuts = [np.flatnonzero(np.frombuffer(blob, np.uint8, count=min(WINDOW, len(blob) - a), offset=a) == 0) + a
            for a in range(0, len(blob), WINDOW)]
    sep = np.concatenate(cuts) if cuts else np.zeros(0, np.int64)
    return np.concatenate(([0], sep + 1)), np.append(sep, len(blob))


B = 0x9E3779B97F4A7C15       # odd: invertible modulo 2**64
B_INVERSE = pow(B, -1, 1 << 64)
_MASK = (1 << 64) - 1


class Sums:
    """Polynomial hashes of the slices of one byte string (prefix sums of ``byte * B**i`` modulo
    2**64; the hash of ``data[s:e]`` is ``(sums[e] - sums[s]) * B**-s``): equal bytes anywhere
    have equal hashes, and equal hashes are confirmed byte for byte by every user."""

    def __init__(self, data: np.ndarray):
        n = len(data)
        powers = np.full(n, B, np.uint64)
        inverse = np.full(n + 1, B_INVERSE, np.uint64)
        if n:
            powers[0] = 1
        inverse[0] = 1
        self.sums = np.zeros(n + 1, np.uint64)
        np.cumsum(data.astype(np.uint64) * np.cumprod(powers), out=self.sums[1:])
        self.inverse = np.cumprod(inverse)

    def of(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """The hash of ``data[s:e]`` for each pair (the same for the same bytes anywhere)."""
        return (self.sums[ends] - self.sums[starts]) * self.inverse[starts]


def chunks(starts: np.ndarray, ends: np.ndarray, keys: int, size: int) -> list[tuple[int, int]]:
    """[a, b) ranges of keys, at most ``keys`` keys and (past the first key) ``size`` bytes each:
    the temporary arrays of ``Sums`` are about 30 bytes per byte hashed."""
    out, a, n = [], 0, len(starts)
    while a < n:
        b = min(n, a + keys)
        if int(ends[b - 1]) - int(starts[a]) > size:
            b = max(a + 1, int(np.searchsorted(ends[a:b], int(starts[a]) + size, side="right")) + a)
        out.append((a, b))
        a = b
    return out


def hashes(blob: bytes | bytearray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The ``Sums`` hash of each key ``blob[s:e]`` (keys in order, a chunk at a time), as int64."""
    out = np.empty(len(starts), np.uint64)
    for a, b in chunks(starts, ends, HASHED_AT_ONCE, HASHED_BYTES):
        at, end = int(starts[a]), int(ends[b - 1])
        out[a:b] = Sums(np.frombuffer(blob, np.uint8, count=end - at, offset=at)).of(starts[a:b] - at, ends[a:b] - at)
    return out.view(np.int64)


def hash_of(data: bytes) -> int:
    """``hashes`` of one key, without numpy (a lookup): the same number, as a signed 64-bit int."""
    h, power = 0, 1
    for c in data:
        h = (h + c * power) & _MASK
        power = (power * B) & _MASK
    return h - (1 << 64) if h >> 63 else h


class ByHash(NamedTuple):
    """Keys sorted by hash with equal keys together: their positions in that order (stable, and
    in blob order within each group), the hashes in that order, where each group of equal keys
    starts, and the keys' bounds in the blob."""
    order: np.ndarray
    hashes: np.ndarray
    new: np.ndarray      # True at the first key of each group of equal keys
    starts: np.ndarray
    ends: np.ndarray


def by_hash(blob: bytes | bytearray, starts: np.ndarray, ends: np.ndarray) -> ByHash:
    """The keys ``blob[s:e]`` grouped by their bytes: sorted by ``hashes``, equal hashes confirmed
    byte for byte; a run of equal hashes whose keys differ is sorted by bytes (then position) and
    cut where the bytes change (a hostile dump can make hashes collide; results never depend on it)."""
    h = hashes(blob, starts, ends)
    order = np.argsort(h, kind="stable")
    order = order.astype(np.int32) if len(order) < 2 ** 31 else order
    h = h[order]
    new = np.ones(len(order), bool)
    new[1:] = h[1:] != h[:-1]
    _split_unequal(blob, starts, ends, order, new)
    return ByHash(order, h, new, starts, ends)


def _split_unequal(blob, starts: np.ndarray, ends: np.ndarray, order: np.ndarray, new: np.ndarray) -> None:
    same = np.flatnonzero(~new)
    if not len(same):
        return

    def key(k: int) -> bytes:
        return bytes(blob[starts[k]:ends[k]])

    lengths = ends - starts
    run_first = np.maximum.accumulate(np.where(new, np.arange(len(order)), 0))
    suspects = set(same[lengths[order[same]] != lengths[order[run_first[same]]]].tolist())
    for i in same.tolist():
        if i not in suspects and key(order[i]) != key(order[run_first[i]]):
            suspects.add(i)
    for first in sorted({int(run_first[i]) for i in suspects}):
        end = first + 1
        while end < len(order) and not new[end]:
            end += 1
        run = sorted(order[first:end].tolist(), key=lambda k: (key(k), k))
        order[first:end] = run
        for i in range(first + 1, end):
            new[i] = key(run[i - first]) != key(run[i - first - 1])


class KeyIndex(Mapping[str, str]):
    """name key -> entry id, over ``keys`` (NUL-separated UTF-8, in index order), ``rows`` (each
    key's row in ``ids``) and ``hashes`` (each key's ``hashes``, int64)."""

    def __init__(self, keys: bytes, rows: np.ndarray, hashes: np.ndarray, ids: list[str]):
        self._keys, self._rows, self._ids = keys, rows, ids
        self._starts, self._ends = key_bounds(keys, len(rows))
        self._order = np.argsort(hashes, kind="stable").astype(np.int32)
        self._sorted = hashes[self._order]

    def _find(self, key: object) -> int:
        """The position of ``key`` among the keys, or -1."""
        if not isinstance(key, str):
            return -1
        wanted = key.encode("utf-8", "surrogatepass")
        h = hash_of(wanted)
        i = int(np.searchsorted(self._sorted, h))
        while i < len(self._sorted) and self._sorted[i] == h:
            k = int(self._order[i])
            if self._keys[self._starts[k]:self._ends[k]] == wanted:
                return k
            i += 1
        return -1

    def __getitem__(self, key: str) -> str:
        k = self._find(key)
        if k < 0:
            raise KeyError(key)
        return self._ids[self._rows[k]]

    def __contains__(self, key: object) -> bool:
        return self._find(key) >= 0

    def get(self, key: str, default=None):
        k = self._find(key)
        return self._ids[self._rows[k]] if k >= 0 else default

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[str]:
        for keys, _ in self._chunks():
            yield from keys

    def items(self):
        return _Items(self)

    @property
    def ids(self) -> list[str]:
        """The gazetteer's entry ids, which ``row_chunks`` gives rows of."""
        return self._ids

    def row_chunks(self) -> Iterator[tuple[list[str], np.ndarray]]:
        """(keys, the row of each one's entry in ``ids``) in index order, ``CHUNK`` at a time."""
        for a in range(0, len(self._rows), CHUNK):
            b = min(a + CHUNK, len(self._rows)) - 1
            blob = self._keys[self._starts[a]:self._ends[b]]
            yield blob.decode("utf-8", "surrogatepass").split("\0"), self._rows[a:b + 1]

    def _chunks(self) -> Iterator[tuple[list[str], list[str]]]:
        """(keys, their entry ids) in index order, ``CHUNK`` at a time."""
        ids = self._ids
        for a in range(0, len(self._rows), CHUNK):
            b = min(a + CHUNK, len(self._rows)) - 1
            blob = self._keys[self._starts[a]:self._ends[b]]
            yield blob.decode("utf-8", "surrogatepass").split("\0"), [ids[r] for r in self._rows[a:b + 1].tolist()]


class _Items:
    """``KeyIndex.items()``: iterated in index order, a chunk decoded at a time."""

    def __init__(self, index: KeyIndex):
        self._index = index

    def __len__(self) -> int:
        return len(self._index)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        for keys, ids in self._index._chunks():
            yield from zip(keys, ids)

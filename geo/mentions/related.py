"""The gazetteer entry that belongs to another: the base at a town, the governorate of a city,
the citadel of a city.

An entry belongs to ``e`` when its parent is ``e``, it is ``e``'s parent, or one of its names
contains ``e``'s name as whole words. The first two come from the gazetteer's parents; the
last from ``NameIndex``: every name key of every entry, NUL-separated in a few long strings,
searched with ``str.find`` and the whole-word test made only where the key occurs. A world
gazetteer has millions of names: one pass over them all at the first question, not one per
question.
"""

from __future__ import annotations

import re
from collections.abc import Set

import numpy as np

from ..gazetteer import Gazetteer
from ..model import Entry
from ..text import name_key, normalize

CHUNK = 100_000          # entries whose names are folded and searched as one string
_SEP = "\x00"            # between names in a chunk (names never keep a control character)
_SPACES = re.compile(r" {2,}")
_EDGE_SPACES = re.compile(" ?\x00 ?")


class NameIndex:
    """Every name key of every entry (``name_key``), for finding the entries with a name that
    holds a key as whole words. ``usable`` is False when a name holds the separator (then the
    caller reads every entry instead)."""

    def __init__(self, gaz: Gazetteer):
        self.ids: list[str] = []
        self.chunks: list[tuple[str, np.ndarray, np.ndarray]] = []   # (names, name starts, entry rows)
        self.usable = True
        for ids, names in gaz.name_lists(CHUNK):
            if not self._add(ids, names):
                self.usable, self.chunks = False, []
                return

    def _add(self, ids: list[str], names_of: list[tuple[str, ...]]) -> bool:
        row0 = len(self.ids)
        self.ids.extend(ids)
        names = [n for ns in names_of for n in ns]
        counts = [len(ns) for ns in names_of]
        text = _SEP.join(names)
        if text.count(_SEP) != len(names) - 1:
            return False
        # name_key of each name at once: normalize keeps each character's place, then runs of
        # spaces are one and each name is trimmed
        text = _EDGE_SPACES.sub(_SEP, _SPACES.sub(" ", normalize(text))).strip(" ")
        keys = text.split(_SEP)
        if len(keys) != len(names):
            return False
        lengths = np.fromiter(map(len, keys), np.int64, len(keys))
        del keys
        starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
        rows = np.repeat(np.arange(row0, row0 + len(ids), dtype=np.int32), counts)
        self.chunks.append((text, starts, rows))
        return True

    def naming(self, key: str, pattern: re.Pattern[str]) -> set[str]:
        """The ids of the entries with a name in which ``pattern`` (``key`` between word
        boundaries) is found."""
        out: set[str] = set()
        for text, starts, rows in self.chunks:
            found, at = [], text.find(key)
            while at >= 0:
                if pattern.match(text, at):
                    found.append(at)
                at = text.find(key, at + 1)
            if found:
                out.update(self.ids[r] for r in rows[np.searchsorted(starts, found, side="right") - 1].tolist())
        return out


class Related:
    """Looks up, and remembers, the entry related to another in ``gaz``."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self._memo: dict[tuple[str, frozenset[str], str], Entry | None] = {}
        self._index: NameIndex | None = None
        self._children: dict[str, list[str]] | None = None

    def of(self, e: Entry, kinds: Set[str], word: str = "") -> Entry | None:
        """The one entry (of ``kinds`` if given, named with ``word`` if given) that belongs to
        ``e``: its parent is ``e``, it is ``e``'s parent, or its name contains ``e``'s name.
        Memoised: the answer depends only on the gazetteer."""
        if kinds and e.kind in kinds:
            return e
        key = (e.id, frozenset(kinds), word)
        if key not in self._memo:
            self._memo[key] = self._find(e, kinds, word)
        return self._memo[key]

    def prepare(self) -> None:
        """Make the name index now (before worker processes fork, so that they share it)."""
        self._names()

    def _names(self) -> NameIndex:
        if self._index is None:
            self._index = NameIndex(self.gaz)
            self._children = {}
            for child, parent in self.gaz.parents.items():
                self._children.setdefault(parent, []).append(child)
        return self._index

    def _find(self, e: Entry, kinds: Set[str], word: str) -> Entry | None:
        own_key = name_key(e.name)
        own = re.compile(rf"\b{re.escape(own_key)}\b")
        word_key = name_key(word) if word else ""
        named = re.compile(rf"\b{re.escape(word_key)}\b") if word else None
        index = self._names()
        if not index.usable or not own_key or _SEP in own_key or (word and (not word_key or _SEP in word_key)):
            return _scan(self.gaz, e, kinds, (own_key, own), (word_key, named))
        assert self._children is not None
        ids = index.naming(own_key, own)
        ids.update(self._children.get(e.id, ()))
        if e.parent in self.gaz.entries:
            ids.add(e.parent)
        if named is not None:
            ids &= index.naming(word_key, named)
        ids.discard(e.id)
        cands = [c for c in map(self.gaz.entries.__getitem__, ids) if not kinds or c.kind in kinds]
        return cands[0] if len(cands) == 1 else None


def _scan(gaz: Gazetteer, e: Entry, kinds: Set[str], own: tuple[str, re.Pattern[str]],
          named: tuple[str, re.Pattern[str] | None]) -> Entry | None:
    """``Related._find`` by reading every entry (a key the index cannot search for)."""
    own_key, own_pattern = own
    word_key, word_pattern = named
    cands = []
    for c in gaz.entries.values():
        if c.id == e.id or (kinds and c.kind not in kinds):
            continue
        keys = [name_key(n) for n in c.names]
        if word_pattern is not None and not any(word_key in k and word_pattern.search(k) for k in keys):
            continue
        if c.parent == e.id or e.parent == c.id or any(own_key in k and own_pattern.search(k) for k in keys):
            cands.append(c)
    return cands[0] if len(cands) == 1 else None

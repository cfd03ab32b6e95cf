"""The gazetteer entry that belongs to another: the base at a town, the governorate of a city,
the citadel of a city."""

from __future__ import annotations

import re
from collections.abc import Set

from ..gazetteer import Gazetteer
from ..model import Entry
from ..text import name_key

_MAX_KEYED = 100_000    # entries whose name keys are remembered (emptied when full: a world gazetteer)


class Related:
    """Looks up, and remembers, the entry related to another in ``gaz``."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self._memo: dict[tuple[str, frozenset[str], str], Entry | None] = {}
        self._keys: dict[str, tuple[str, ...]] = {}     # entry id -> the name_key of each of its names

    def of(self, e: Entry, kinds: Set[str], word: str = "") -> Entry | None:
        """The one entry (of ``kinds`` if given, named with ``word`` if given) that belongs to
        ``e``: its parent is ``e``, it is ``e``'s parent, or its name contains ``e``'s name.
        Memoised: the answer depends only on the gazetteer, and it scans every entry."""
        if kinds and e.kind in kinds:
            return e
        key = (e.id, frozenset(kinds), word)
        if key not in self._memo:
            self._memo[key] = self._scan(e, kinds, word)
        return self._memo[key]

    def _scan(self, e: Entry, kinds: Set[str], word: str) -> Entry | None:
        own_key = name_key(e.name)
        own = re.compile(rf"\b{re.escape(own_key)}\b")
        word_key = name_key(word) if word else ""
        named = re.compile(rf"\b{re.escape(word_key)}\b") if word else None
        cands = []
        for c in self.gaz.entries.values():
            if c.id == e.id or (kinds and c.kind not in kinds):
                continue
            # (a name the pattern finds holds its key: the cheap test first)
            if named is not None and not any(word_key in k and named.search(k) for k in self._names(c)):
                continue
            if (c.parent == e.id or e.parent == c.id
                    or any(own_key in k and own.search(k) for k in self._names(c))):
                cands.append(c)
        return cands[0] if len(cands) == 1 else None

    def _names(self, c: Entry) -> tuple[str, ...]:
        """The name_key of each of ``c``'s names, memoised (a scan reads every entry's)."""
        keys = self._keys.get(c.id)
        if keys is None:
            if len(self._keys) >= _MAX_KEYED:
                self._keys.clear()
            keys = self._keys[c.id] = tuple(name_key(n) for n in c.names)
        return keys

"""The gazetteer entry that belongs to another: the base at a town, the governorate of a city,
the citadel of a city."""

from __future__ import annotations

import re
from collections.abc import Set

from ..gazetteer import Gazetteer
from ..model import Entry
from ..text import name_key


class Related:
    """Looks up, and remembers, the entry related to another in ``gaz``."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self._memo: dict[tuple[str, frozenset[str], str], Entry | None] = {}

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
        own = re.compile(rf"\b{re.escape(name_key(e.name))}\b")
        named = re.compile(rf"\b{re.escape(name_key(word))}\b") if word else None
        cands = [
            c for c in self.gaz.entries.values()
            if c.id != e.id
            and (not kinds or c.kind in kinds)
            and (named is None or any(named.search(name_key(n)) for n in c.names))
            and (c.parent == e.id or e.parent == c.id or any(own.search(name_key(n)) for n in c.names))
        ]
        return cands[0] if len(cands) == 1 else None

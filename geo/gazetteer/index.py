"""The ``Gazetteer``: the entries read from a file and the index from names to them."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Set
from dataclasses import dataclass
from pathlib import Path

from ..model import Entry
from ..text import name_key
from .names import clean_name


def build_index(entries: Iterable[Entry], unindexed: Set[str] = frozenset()) -> dict[str, str]:
    """name_key -> entry id over every name; the own names of the ids in ``unindexed`` are left out."""
    index: dict[str, str] = {}
    for e in entries:
        for n in (e.aliases if e.id in unindexed else e.names):
            index.setdefault(name_key(n), e.id)
    return index


@dataclass(init=False)
class Gazetteer:
    path: Path
    sha256: str
    entries: dict[str, Entry]
    index: dict[str, str]                 # name_key -> entry id
    warnings: list[str]
    format: str                           # "csv" or "geonames" (a dump: never appended to)

    def __init__(self, path: Path, sha256: str, entries: dict[str, Entry], index: dict[str, str] | None = None,
                 warnings: list[str] | None = None, format: str = "csv") -> None:
        """``index`` None: every name of every entry (``build_index``)."""
        self.path = path
        self.sha256 = sha256
        self.entries = entries
        self.index = build_index(entries.values()) if index is None else index
        self.warnings = [] if warnings is None else warnings
        self.format = format

    def lookup(self, name: str) -> Entry | None:
        """The entry a name or alias denotes (case, diacritics, dashes and invisible characters
        ignored)."""
        eid = self.index.get(name_key(clean_name(name)[0]))
        return self.entries[eid] if eid else None

    @functools.cached_property
    def parents(self) -> dict[str, str]:
        """Entry id -> its parent's id, for entries that name one."""
        return {e.id: e.parent for e in self.entries.values() if e.parent}

    def children(self, parent_id: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.parent == parent_id]

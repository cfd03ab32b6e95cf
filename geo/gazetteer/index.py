"""The ``Gazetteer``: the entries read from a file and the index from names to them."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, fields
from pathlib import Path

from ..model import Entry
from ..text import name_key
from .names import clean_name

_FIELDS = tuple(f.name for f in fields(Entry))
# Entry is a plain frozen dataclass: its instances can be made by filling their __dict__, three
# times faster than its __init__ (which sets each field through object.__setattr__); a reader
# of millions of rows makes them so, unless Entry grows a __post_init__ or __slots__
_FILLED = not hasattr(Entry, "__post_init__") and not hasattr(Entry, "__slots__")


def new_entry(*values) -> Entry:
    """``Entry(*values)``: every field, in order, given."""
    if not _FILLED or len(values) != len(_FIELDS):
        return Entry(*values)
    e = object.__new__(Entry)
    e.__dict__.update(zip(_FIELDS, values))
    return e


def build_index(entries: Iterable[Entry], unindexed: Set[str] = frozenset()) -> dict[str, str]:
    """name_key -> entry id over every name; the own names of the ids in ``unindexed`` are left out."""
    index: dict[str, str] = {}
    for e in entries:
        for n in (e.aliases if e.id in unindexed else e.names):
            index.setdefault(name_key(n), e.id)
    return index


@dataclass(init=False)
class Gazetteer:
    """The entries of a gazetteer file and the index from names to them.

    Read from the file, ``entries`` and ``index`` are dicts. Read from the gazetteer cache
    (``cache``), ``entries`` is a mapping that builds an entry when it is first asked for, and
    the index is built on first use (``index_loader``; ``lookup`` before that goes through
    ``finder``): a rebuild that reads no report touches a few entries of millions and no index."""
    path: Path
    sha256: str
    entries: Mapping[str, Entry]
    warnings: list[str]
    format: str                           # "csv" or "geonames" (a dump: never appended to)

    def __init__(self, path: Path, sha256: str, entries: Mapping[str, Entry], index: Mapping[str, str] | None = None,
                 warnings: list[str] | None = None, format: str = "csv", *,
                 index_loader: Callable[[], Mapping[str, str]] | None = None,
                 parents: dict[str, str] | None = None, finder: Callable[[str], str | None] | None = None) -> None:
        """``index`` None (and no ``index_loader``): every name of every entry (``build_index``)."""
        self.path = path
        self.sha256 = sha256
        self.entries = entries
        self._index = index if index is not None or index_loader is not None else build_index(entries.values())
        self._index_loader = index_loader
        self.warnings = [] if warnings is None else warnings
        self.format = format
        self._parents = parents
        self._finder = finder                 # name key -> entry id before the index is built

    @property
    def index(self) -> Mapping[str, str]:
        """name_key -> entry id (a dict, or a ``keys.KeyIndex`` for a big gazetteer read back
        from its columns)."""
        if self._index is None:
            assert self._index_loader is not None
            self._index, self._index_loader, self._finder = self._index_loader(), None, None
        return self._index

    @index.setter
    def index(self, value: Mapping[str, str]) -> None:
        self._index, self._index_loader, self._finder = value, None, None

    def lookup(self, name: str) -> Entry | None:
        """The entry a name or alias denotes (case, diacritics, dashes and invisible characters
        ignored)."""
        key = name_key(clean_name(name)[0])
        if self._index is None and self._finder is not None:
            eid = self._finder(key)           # a few lookups need no index of millions of names
        else:
            eid = self.index.get(key)
        return self.entries[eid] if eid else None

    @property
    def parents(self) -> dict[str, str]:
        """Entry id -> its parent's id, for entries that name one."""
        if self._parents is None:
            self._parents = {e.id: e.parent for e in self.entries.values() if e.parent}
        return self._parents

    def children(self, parent_id: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.parent == parent_id]

    def of_kind(self, kind: str) -> list[Entry]:
        """The entries of ``kind``, in order (read back from the cache: from its kinds column,
        without building the others)."""
        pick = getattr(self.entries, "of_kind", None)
        return pick(kind) if pick is not None else [e for e in self.entries.values() if e.kind == kind]

    def name_lists(self, size: int) -> Iterator[tuple[list[str], list[tuple[str, ...]]]]:
        """(ids, names of each) of every entry in order, ``size`` entries at a time (read back
        from the cache: from its records, without building entries)."""
        lists = getattr(self.entries, "name_lists", None)
        if lists is not None:
            yield from lists(size)
            return
        entries = iter(self.entries.values())
        while chunk := list(itertools.islice(entries, size)):
            yield [e.id for e in chunk], [e.names for e in chunk]

"""The clause reader: the forces and the places of each status phrase of a sentence."""

from __future__ import annotations

from .denials import DenialReader
from .forces import ForceReader
from .relatives import RelativeReader


class Reader(ForceReader, DenialReader, RelativeReader):
    """The grammar word lists, compiled once, and the rules that read a clause with them."""
    # side -> nouns it names others by, never its own men (the army's "the groups"; actors.toml ``stranger_nouns``)
    stranger_nouns_of: dict[str, frozenset[str]]

"""The names a sentence is read as: a gazetteer name (``Span`` in the report, ``Known`` in the
sentence) or a run of capitalised words that may be listed (``Unit``) with its cues."""

from __future__ import annotations

from typing import NamedTuple

from .records import CUE_ORDER, WEAK


class Span(NamedTuple):
    """A gazetteer name found in the report (a mention): its offsets and role."""
    start: int
    end: int
    role: str


class Known(NamedTuple):
    """A gazetteer name in a sentence, until a list needs it as a ``Unit``: offsets into the
    sentence, and its role."""
    a: int
    b: int
    role: str


class Unit:
    """A run of capitalised words in a sentence: a gazetteer name (``known`` is its role) or a
    candidate name. Offsets are into the sentence."""
    __slots__ = ("a", "b", "ext_a", "ext_b", "known", "own", "before", "after", "shared", "vetoed",
                 "person_shaped", "possessive", "checked", "cue_before", "plural")

    def __init__(self, a: int, b: int, ext_a: int, ext_b: int, known: str = "", own: set[str] | None = None,
                 possessive: bool = False):
        self.a = a
        self.b = b
        self.ext_a = ext_a            # with a leading "the" / "(3)"
        self.ext_b = ext_b            # with a trailing singular feature word ("the X base")
        self.known = known            # "place", "metonym", "dateline" for a gazetteer name
        self.own = own if own is not None else set()   # feature / prefix of the name itself
        self.before: set[str] = set()   # cues before it (verb, noun, spatial, ...)
        self.after: set[str] = set()    # cues after it (passive, apposition, ...)
        self.shared: set[str] = set()   # cues from the list it is in
        self.vetoed = False           # a person, an organisation, a common word, ...
        self.person_shaped = False    # two or three plain words ("Walid Hasso"): weak cues do not do
        self.possessive = possessive
        self.checked = False          # before / after computed (only where they matter)
        self.cue_before: str | None = None   # what _before found, once computed
        self.plural: bool | None = None      # cues.plural_after matched at ext_b, once looked at

    def best(self) -> str:
        """The strongest usable cue, or ""."""
        if self.known or self.vetoed:
            return ""
        usable = self.own | self.before | self.after | self.shared
        if self.person_shaped:
            usable -= WEAK
        return min(usable, key=CUE_ORDER.__getitem__) if usable else ""

"""The settlements a report points at, in text order, for "the city" to point back to: by name,
through a part of it ("Aleppo International Airport"), or without a gazetteer name ("the town of
Khanaser" when the gazetteer lacks Khanaser, "the capital"); each marked when named in passing
("towards Homs") or as where a move starts ("advancing from Deir Jamal")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ..gazetteer import Gazetteer
from ..model import Entry, Mention
from ..text import Sentence, name_key
from .context_vocab import ContextVocab
from .coordination import coordinated
from .metonymy import PLACE
from .scanning import literal_finditer, may_end_with

PASSING_WINDOW = 80      # characters before a name read for "towards", "south-east of"
KIND_BEFORE_WINDOW = 40  # characters before a name read for the text's word for it ("the town of")
KIND_AFTER_WINDOW = 60   # characters after a name read for it (", Syria's fourth-largest city")
COMMAS_WINDOW = 4        # characters of commas and spaces between "the capital" and a name beside it
SEAT_NAME_WORDS = 4      # words of a settlement's name looked up inside a part's names

_UNKNOWN_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:al-|el-|as-|ad-)?[A-Z][\w'’-]*)*")
_COMMAS = re.compile(r"[\s,]*")

SentenceAt = Callable[[int], Sentence]


class Passing(NamedTuple):
    """Whether a name is named in passing, and whether as where a move starts."""
    passing: bool
    origin: bool


NOT_PASSING = Passing(False, False)


@dataclass(frozen=True)
class Evocation:
    """A settlement the text points at: by name, through a part of it ("Aleppo International
    Airport"), by a phrase resolved before, or without a gazetteer name (``eid`` None: "the town
    of Khanaser" when the gazetteer lacks Khanaser, "the capital", a phrase left unresolved)."""
    start: int
    end: int
    eid: str | None
    kind: str
    named_kind: bool    # the text itself calls it so ("the town of X", "X, a town")
    passing: bool       # named in passing, as a reference point ("towards Homs", "north of Hama")
    origin: bool        # where a move starts ("advancing from Deir Jamal")
    part: bool          # through a part of it
    sent_start: int


class Evoked:
    """The evocations of a report in order of (start, end): those found before any phrase is
    resolved, and those the phrases add as they are read (in text order: each goes near the end
    of its list, so adding one costs little however many there are)."""

    def __init__(self, found: list[Evocation]):
        self.found = found
        self.found_starts = [e.start for e in found]
        self.added: list[Evocation] = []
        self.added_starts: list[int] = []

    def add(self, ev: Evocation) -> None:
        k = bisect.bisect_right(self.added, (ev.start, ev.end), key=lambda e: (e.start, e.end))
        self.added.insert(k, ev)
        self.added_starts.insert(k, ev.start)

    def before(self, a: int) -> Iterator[Evocation]:
        """The evocations that end at or before ``a``, the last first (where one of each list has
        the same start and end, the one added here counts as the later)."""
        xs, ys = self.found, self.added
        i = bisect.bisect_left(self.found_starts, a) - 1    # those starting at or after a end after it
        j = bisect.bisect_left(self.added_starts, a) - 1
        while i >= 0 or j >= 0:
            if j < 0 or (i >= 0 and (xs[i].start, xs[i].end) > (ys[j].start, ys[j].end)):
                e, i = xs[i], i - 1
            else:
                e, j = ys[j], j - 1
            if e.end <= a:
                yield e


class Evocations:
    """Finds the evocations of a report (``vocab``: context.toml)."""

    def __init__(self, gaz: Gazetteer, vocab: ContextVocab):
        self.gaz = gaz
        self.vocab = vocab
        self._seats: dict[str, str | None] = {}

    def evocations(self, found: list[Mention], text: str, norm: str, sentence_at: SentenceAt) -> list[Evocation]:
        """The settlements the report points at before any phrase is resolved, in text order."""
        out = self._named(found, text, norm) + self._unnamed(found, text, norm, sentence_at)
        return sorted(out, key=lambda e: (e.start, e.end))

    def _named(self, found: list[Mention], text: str, norm: str) -> list[Evocation]:
        """The settlements the report names, or names a part of."""
        v, entries = self.vocab, self.gaz.entries
        places = [m for m in found if m.role == PLACE]
        out: list[Evocation] = []
        passing = [NOT_PASSING] * len(places)
        # joined[i]: places[i] is coordinated with places[i - 1]. A mention's sentence_start
        # is sentence_at(start).start (find_mentions made it so)
        joined = [False] + [coordinated(a, b, text, norm) for a, b in zip(places, places[1:])]
        for i, m in enumerate(places):
            passing[i] = self.passing(norm, max(m.sentence_start, m.start - PASSING_WINDOW), m.start)
            if not passing[i].passing and joined[i]:
                passing[i] = passing[i - 1]     # "between Aleppo and Damascus"
        named = self._named_kinds(places, joined, norm)
        for i, m in enumerate(places):
            e = entries[m.place_id]
            s = m.sentence_start
            p = passing[i]
            if e.kind in v.settlement_kinds:
                out.append(Evocation(m.start, m.end, e.id, named[i] or e.kind, named[i] is not None,
                                     p.passing, p.origin, False, s))
            elif e.kind in v.part_kinds:
                seat = self.seat(e)
                if seat is not None:
                    out.append(Evocation(m.start, m.end, seat, entries[seat].kind, False,
                                         p.passing, p.origin, True, s))
        return out

    def _named_kinds(self, places: list[Mention], joined: list[bool], norm: str) -> list[str | None]:
        """The kind the text itself gives each of ``places`` ("the town of X", "X, a town"), or
        None; names coordinated with one share its kind ("the towns of A, B and C")."""
        v = self.vocab
        named: list[str | None] = [None] * len(places)
        for i, m in enumerate(places):
            lo = max(m.sentence_start, m.start - KIND_BEFORE_WINDOW)
            k = (v.rx_kind_before.search(norm, lo, m.start)
                 if may_end_with(norm, lo, m.start, ("of",), False) else None)
            if k is None:
                k = v.rx_kind_after.match(norm, m.end, min(len(norm), m.end + KIND_AFTER_WINDOW))
            named[i] = v.kind_of_word[k.group("k")] if k else None
        for i in range(len(places) - 1, 0, -1):   # "the towns of A, B and C", "A and B, two towns"
            if joined[i]:
                named[i - 1] = named[i - 1] or named[i]
        for i in range(1, len(places)):
            if joined[i]:
                named[i] = named[i] or named[i - 1]
        return named

    def _unnamed(self, found: list[Mention], text: str, norm: str, sentence_at: SentenceAt) -> list[Evocation]:
        """The settlements the report points at without a gazetteer name."""
        v = self.vocab
        out: list[Evocation] = []
        starts = {m.start for m in found}
        ends = {m.end for m in found}
        # "the town of Khanaser", Khanaser unknown
        for k in literal_finditer(v.rx_named_unknown, v.kind_literals, norm):
            name = _UNKNOWN_NAME.match(text, k.end())
            if name is None or k.end() in starts:
                continue
            s = sentence_at(k.start()).start
            p = self.passing(norm, s, k.start())
            out.append(Evocation(k.end(), name.end(), None, v.kind_of_word[k.group("k")], True,
                                 p.passing, p.origin, False, s))
        # "the capital", unless named beside it
        for u in literal_finditer(v.rx_unnamed_city, v.unnamed_literals, norm):
            after = u.end()
            commas = _COMMAS.match(norm, u.end(), u.end() + COMMAS_WINDOW)
            if commas is not None:       # (it matches the empty string: always)
                after = commas.end()
            before = u.start()      # len(norm[:u.start()].rstrip(" ,"))
            while before and norm[before - 1] in " ,":
                before -= 1
            if after in starts or before in ends:
                continue
            s = sentence_at(u.start()).start
            p = self.passing(norm, s, u.start())
            out.append(Evocation(u.start(), u.end(), None, "city", True, p.passing, p.origin, False, s))
        return out

    def passing(self, norm: str, lo: int, pos: int) -> Passing:
        """Whether the name at ``pos`` is named in passing, and whether as where a move starts."""
        if not may_end_with(norm, lo, pos, self.vocab.passing_ends, True):
            return NOT_PASSING
        p = self.vocab.rx_passing.search(norm, lo, pos)
        return Passing(p is not None, p is not None and p.group("origin") is not None)

    def seat(self, e: Entry) -> str | None:
        """The settlement a part belongs to: its parent, or the one settlement named inside its
        names ("Aleppo International Airport", "Citadel of Aleppo")."""
        if e.id not in self._seats:
            gaz, kinds = self.gaz, self.vocab.settlement_kinds
            index = gaz.index or {}
            parent = gaz.entries.get(e.parent) if e.parent else None
            if parent is not None and parent.kind in kinds:
                self._seats[e.id] = parent.id
            else:
                found = set()
                for n in e.names:
                    w = name_key(n).split()
                    for i in range(len(w)):
                        for j in range(i + 1, min(len(w), i + SEAT_NAME_WORDS) + 1):
                            c = gaz.entries.get(index.get(" ".join(w[i:j]), ""))
                            if c is not None and c.kind in kinds and c.id != e.id:
                                found.add(c.id)
                self._seats[e.id] = found.pop() if len(found) == 1 else None
        return self._seats[e.id]

    def topic(self, found: list[Mention]) -> str | None:
        """The settlement the report names most often, if one is named more often than any other."""
        counts: dict[str, int] = {}
        for m in found:
            if m.role == PLACE and self.gaz.entries[m.place_id].kind in self.vocab.settlement_kinds:
                counts[m.place_id] = counts.get(m.place_id, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return None
        return max(counts, key=lambda eid: counts[eid])

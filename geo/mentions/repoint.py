"""Names that stand for a place that belongs to them: "bases in Hmeimim and Tartus" are the
bases, "the governorates of Aleppo and Idlib" the governorates (geo/data/context.toml)."""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass, replace

from .. import vocab
from ..model import Mention
from .coordination import coordinated
from .metonymy import PLACE
from .related import Related
from .scanning import may_end_with, preceded_by
from .vocabulary import alternation, alternation_keys, starting_literals

WINDOW = 40   # characters: a phrase such as "bases in" starts at most this far before the name

_BASE_ENDS = ("in", "at", "near")
_REGION_ENDS = ("of",)      # and "the" may follow


@dataclass(frozen=True)
class Repointer:
    """A phrase before a name that re-points it to the entry of ``kinds`` that belongs to it.
    A hit of ``rx`` starts with one of ``literals`` (see ``preceded_by``) and ends with one of
    ``ends`` and whitespace, then "the" when ``the`` (see ``may_end_with``)."""
    rx: re.Pattern
    kinds: frozenset[str]
    literals: list[str]
    ends: tuple[str, ...]
    the: bool


def _base(c: dict, src: str) -> Repointer:
    """"bases in Hmeimim": the base."""
    words = vocab.require(c, "base_words", list, src)
    rx = re.compile(rf"\b(?:{alternation(words)})\s+(?:{'|'.join(_BASE_ENDS)})\s+$")
    kinds = frozenset(vocab.require(c, "base_kinds", list, src))
    return Repointer(rx, kinds, starting_literals(alternation_keys(words)), _BASE_ENDS, False)


def _region(c: dict, src: str) -> Repointer:
    """"the governorates of Aleppo": the governorate."""
    words = vocab.require(c, "region_words", list, src)
    rx = re.compile(rf"\b(?:{alternation(words)})\s+of\s+(?:the\s+)?$")
    kinds = frozenset(vocab.require(c, "region_kinds", list, src))
    return Repointer(rx, kinds, starting_literals(alternation_keys(words)), _REGION_ENDS, True)


REGION_BEFORE_CHARS = 12   # characters before a name searched for a region word ("rural ")


class Repointing:
    """The repointers of context.toml (``c``, the file read, named ``src``), in order: bases, then
    regions."""

    def __init__(self, c: dict, src: str, related: Related):
        self.related = related
        self.repointers = (_base(c, src), _region(c, src))
        words = vocab.require(c, "region_words", list, src)
        self.rx_region_after = re.compile(rf"\s+(?:{alternation(words)})\b")   # "Raqqa and Hasakah provinces"
        before = vocab.require(c, "region_before", list, src)
        self.rx_region_before = re.compile(rf"\b(?:{alternation(before)})\s+$") if before else None   # "rural Hama"
        self.region_kinds = frozenset(vocab.require(c, "region_kinds", list, src))

    def repoint(self, found: list[Mention], text: str, norm: str) -> list[Mention]:
        """"bases in Hmeimim and Tartus" -> the bases; "governorates of Aleppo and Idlib" -> the governorates."""
        out = list(found)
        starts = [m.start for m in out]
        # in text order and disjoint (raw_matches): the one mention that may hold a position is
        # the last that starts at or before it
        disjoint = all(map(operator.le, [m.end for m in out[:-1]], starts[1:]))
        for rp in self.repointers:
            # a hit starts with one of the words, at most WINDOW characters before the name
            for i in preceded_by(norm, rp.literals, starts, WINDOW):
                m = out[i]
                if m.role != PLACE:
                    continue
                lo = max(m.sentence_start, m.start - WINDOW)
                if not may_end_with(norm, lo, m.start, rp.ends, rp.the):
                    continue
                hit = rp.rx.search(norm, lo, m.start)
                if not hit:
                    continue
                if _named(out, starts, hit.start(), disjoint):
                    continue    # "the Khmeimim air base near Latakia": the base is named, not Latakia
                self._repoint_run(out, i, rp.kinds, text, norm)
        self._regions_after(out, text, norm)
        return out

    def _regions_after(self, out: list[Mention], text: str, norm: str) -> None:
        """"Raqqa and Hasakah provinces", "Idlib province": the names before the word are the
        regions, in place."""
        for j, m in enumerate(out):
            word = self.rx_region_after.match(norm, m.end) if m.role == PLACE else None
            if word is None:
                if m.role == PLACE and self.rx_region_before is not None and self.rx_region_before.search(
                        norm, max(m.sentence_start, m.start - REGION_BEFORE_CHARS), m.start):
                    target = self.related.of(self.related.gaz.entries[m.place_id], self.region_kinds)
                    if target is not None:
                        out[j] = replace(m, place_id=target.id, via="context")
                continue
            k = j
            while word.group().endswith("s") and k > 0 and coordinated(out[k - 1], out[k], text, norm):
                k -= 1   # "Raqqa and Hasakah provinces"; but "Homs and the Daraa countryside": Daraa only
            if k == j and k > 0 and _shared_region(out[k - 1], out[k], norm):
                k -= 1   # "the Aleppo and Idlib countryside": both
            for x in range(k, j + 1):
                target = self.related.of(self.related.gaz.entries[out[x].place_id], self.region_kinds)
                if target is not None:
                    out[x] = replace(out[x], place_id=target.id, via="context")

    def _repoint_run(self, out: list[Mention], i: int, kinds: frozenset[str], text: str, norm: str) -> None:
        """Re-point ``out[i]`` and the mentions coordinated with it after it, in place."""
        chain = [i]
        j = i
        while j + 1 < len(out) and coordinated(out[j], out[j + 1], text, norm):
            j += 1
            chain.append(j)
        for k in chain:
            target = self.related.of(self.related.gaz.entries[out[k].place_id], kinds)
            if target is not None:
                out[k] = replace(out[k], place_id=target.id, via="context")


def _shared_region(a: Mention, b: Mention, norm: str) -> bool:
    """"the A and B countryside": one determiner before both names, only "and" between them."""
    return a.role == PLACE and norm[a.end:b.start] == " and " and norm.endswith("the ", 0, a.start)


def _named(out: list[Mention], starts: list[int], h: int, disjoint: bool) -> bool:
    """Whether a place mention of ``out`` holds the position ``h``."""
    if disjoint:
        k = bisect.bisect_right(starts, h) - 1
        return k >= 0 and h < out[k].end and out[k].role == PLACE
    return any(x.start <= h < x.end and x.role == PLACE for x in out)

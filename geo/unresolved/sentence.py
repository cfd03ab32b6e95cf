"""One sentence read for names the gazetteer lacks: its runs of capitalised words as ``Unit``s
(gazetteer names and candidates), a dateline, each with the cues around it and its list's."""

from __future__ import annotations

import operator
import re
from bisect import bisect_left

from ..text import APOSTROPHES, DASHES, Sentence
from .candidate import candidate, name_in
from .chunks import Chunk
from .context import Context
from .forms import MIN_KEY, key, lower
from .headline import title_case
from .lists import leading, share_list_cues
from .surroundings import read_around
from .tokens import Token
from .units import Known, Span, Unit
from .vocabulary import Cues

_APOS = re.escape(APOSTROPHES)
_DASH = re.escape(DASHES)
# "QAMISHLO – ...", "NAWA, Dec 6 (Reuters) - ..."
_DATELINE = re.compile(rf"^(?P<n>[A-Z][A-Z{_APOS}{_DASH} ]*[A-Z])"
                       rf"(?=\s*(?:,\s*[A-Z][a-z]{{2,}}\.?\s+\d|\(|[{_DASH}]\s))")
_DATELINE_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")              # a dateline's first character
_DATELINE_SECOND = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ " + APOSTROPHES + DASHES)   # and its second


def may_open_with_dateline(text: str) -> bool:
    """Can the sentence ``text`` open with a dateline (its first two characters)?"""
    return text[0] in _DATELINE_FIRST and text[1:2] in _DATELINE_SECOND


class _Reading:
    """A sentence being read: where it is in the report, the report's tokens, and the sentence
    in lower case once a candidate needs it (unless it is a headline)."""
    __slots__ = ("text", "s0", "s1", "toks", "starts", "ctx", "low")

    def __init__(self, s: Sentence, toks: list[Token], starts: list[int], ctx: Context):
        self.text, self.s0, self.s1 = s.text, s.start, s.end
        self.toks, self.starts, self.ctx = toks, starts, ctx
        self.low: str | None = None

    def lowered(self) -> bool:
        """Lower-case the sentence (``low``), unless it is a headline in Title Case: False."""
        if self.low is None:
            if title_case(self.text, self.s0, self.s1, self.toks, self.starts):
                return False
            self.low = lower(self.text)
        return True


def read_sentence(s: Sentence, chunks: list[Chunk], spans: list[Span], dateline: bool,
                  toks: list[Token], starts: list[int], ctx: Context) -> list[Unit]:
    """Every run of capitalised words of one sentence (``s``), with its cues; none when none
    can be listed. ``chunks`` and ``spans`` (gazetteer names) are the sentence's, ``toks`` the
    report's (``starts``: where each begins), all with report offsets; ``dateline``: the
    sentence may open with one."""
    r = _Reading(s, toks, starts, ctx)
    read = _units(r, chunks, spans)
    if read is None:
        return []
    units, live = read
    if dateline:
        d = _DATELINE.match(r.text)
        if d is not None and (chunks or any(
                t.word.kind is not None for t in toks[bisect_left(starts, r.s0):bisect_left(starts, r.s1)])):
            if not r.lowered():
                return []
            unit = _dateline(d, r.s0, spans, ctx)
            if unit is not None:
                units.insert(0, unit)
                live = True
    if not live:
        return []
    low = r.low
    assert low is not None              # a candidate or a dateline lowered it
    return _with_cues(low, units, ctx.cues)


def _units(r: _Reading, chunks: list[Chunk], spans: list[Span]) -> tuple[list[Unit | Known], bool] | None:
    """The sentence's chunks as gazetteer names (``Known``) and candidates, and whether a
    candidate is not vetoed; None in a headline (known once a candidate needs the sentence in
    lower case: a sentence whose candidates are all vetoed by their words, as one with none,
    yields no name either way)."""
    units: list[Unit | Known] = []
    live = False
    names = _Names(spans) if spans else None
    for ch in chunks:
        if names is not None:
            known = _known(ch, r.s0, names, r.ctx.cues)
            if known is not None:
                units.append(known)
                continue
        name = name_in(r.text, ch, r.s0, r.ctx)
        if name is None:
            continue
        if not name.vetoed and not r.lowered():
            return None
        u = candidate(r.text, r.low, name, r.ctx)
        units.append(u)
        live = live or not u.vetoed
    return units, live


class _Names:
    """The gazetteer names of a sentence (``Span``s in text order), asked in text order which
    ones a chunk overlaps. When they are disjoint (as find_mentions gives them), and so in order
    of both start and end, those a chunk overlaps are a run of them from the first that ends
    after the chunk starts, and that first one only moves on from chunk to chunk: the chunks of
    a sentence are matched with its names in one pass."""
    __slots__ = ("spans", "ends", "disjoint", "first")

    def __init__(self, spans: list[Span]):
        self.spans = spans
        self.ends = [sp.end for sp in spans]
        self.disjoint = all(map(operator.le, self.ends[:-1], [sp.start for sp in spans[1:]]))
        self.first = 0          # the first name that ends after the last chunk asked about starts

    def overlapping(self, a: int, b: int) -> list[Span]:
        """The names that overlap [a, b), in order (``a``: no less than the last time)."""
        spans = self.spans
        if not self.disjoint:
            return [sp for sp in spans if sp.start < b and sp.end > a]
        ends, n, k = self.ends, len(spans), self.first
        while k < n and ends[k] <= a:
            k += 1
        self.first = j = k
        while j < n and spans[j].start < b:
            j += 1
        return spans[k:j]


def _known(ch: Chunk, s0: int, names: _Names, cues: Cues) -> Known | None:
    """The chunk as a gazetteer name it overlaps (a place's role first), or None."""
    ca, cb = ch[0].start, ch[-1].name_end
    role = None
    for sp in names.overlapping(ca, cb):
        if sp.role == "place":
            role = sp.role
            break
        if role is None:
            role = sp.role
    if role is None:
        return None
    first = ch[0]
    # "Kafr Halab" is not Aleppo ("Halab") even when the gazetteer knows only the latter
    if len(ch) >= 2 and first.word.folded in cues.prefixes and not names.overlapping(ca, first.name_end):
        return None
    return Known(ca - s0, cb - s0, role)


def _with_cues(low: str, found: list[Unit | Known], cues: Cues) -> list[Unit]:
    """The units with the cues around them and their lists'."""
    units = [u if isinstance(u, Unit) else Unit(u.a, u.b, -1, -1, known=u.role) for u in found]
    if len(units) > 1:
        # the extents _groups reads: with a leading "the"/"(3)" (not the first's) and a feature word
        for k, u in enumerate(units):
            if u.ext_a < 0 and k > 0:
                u.ext_a = leading(low, u.a)
            if u.ext_b < 0:
                f = cues.feature_after.match(low, u.b) if low[u.b:u.b + 1].isspace() else None
                u.ext_b = f.end() if f else u.b
    for u in units:
        if not u.known and not u.vetoed:
            read_around(u, low, cues)
    if len(units) > 1:
        share_list_cues(low, units, cues)
    return units


def _dateline(m: re.Match[str], s0: int, spans: list[Span], ctx: Context) -> Unit | None:
    """An upper-case place name opening a paragraph (``m``, a _DATELINE match): "QAMISHLI –",
    "NAWA, Dec 6 (Reuters) -"."""
    if any(sp.start - s0 < m.end() for sp in spans):
        return None
    k = key(m.group("n"))
    cues = ctx.cues
    if k in cues.skip or k in ctx.index or len(k) < MIN_KEY or k in cues.stopwords:
        return None
    return Unit(0, m.end("n"), 0, m.end("n"), own={"dateline"})

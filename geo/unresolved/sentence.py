"""One sentence read for names the gazetteer lacks: its runs of capitalised words as ``Unit``s
(gazetteer names and candidates), a dateline, each with the cues around it and its list's."""

from __future__ import annotations

import operator
import re

from ..text import APOSTROPHES, DASHES, Sentence
from .candidate import Name, candidate, name_in, names_of
from .chunks import Chunks
from .context import Context
from .forms import MIN_KEY, key, lower
from .headline import Tokens, title_case
from .lists import leading, share_list_cues
from .surroundings import read_around
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


class Page:
    """A report being read: its context, its tokens (runs.groups), the gazetteer names found in
    it (``Span``s in text order) and its chunks (where each starts, its form)."""
    __slots__ = ("ctx", "toks", "spans", "names", "starts", "forms")

    def __init__(self, ctx: Context, toks: Tokens, spans: list[Span], chunks: Chunks):
        self.ctx, self.toks, self.spans = ctx, toks, spans
        self.starts, self.forms = chunks
        names = SpanIndex(spans)
        # names that overlap are asked sentence by sentence (SpanIndex reads them all at each ask)
        self.names = names if names.disjoint else None

    def local(self, i: int, s1: int) -> list[Span]:
        """The gazetteer names from the ``i``-th that begin before ``s1``."""
        spans, j = self.spans, i
        while j < len(spans) and spans[j].start < s1:
            j += 1
        return spans[i:j]


class _Reading:
    """A sentence being read, and in lower case once a candidate needs it (unless it is a
    headline)."""
    __slots__ = ("text", "s0", "s1", "low")

    def __init__(self, s: Sentence):
        self.text, self.s0, self.s1 = s.text, s.start, s.end
        self.low: str | None = None

    def lowered(self, toks: Tokens) -> bool:
        """Lower-case the sentence (``low``), unless it is a headline in Title Case: False."""
        if self.low is None:
            if title_case(self.text, self.s0, self.s1, toks):
                return False
            self.low = lower(self.text)
        return True


def read_sentence(page: Page, s: Sentence, c0: int, c1: int, i: int, dateline: bool) -> list[Unit]:
    """Every run of capitalised words of one sentence (``s``), with its cues; none when none
    can be listed. Its chunks are the ``c0``-th to the ``c1``-th of the page, its gazetteer
    names from the ``i``-th on; ``dateline``: the sentence may open with one."""
    ctx, r = page.ctx, _Reading(s)
    names = page.names
    if names is None and page.spans:
        local = page.local(i, r.s1)
        names = SpanIndex(local) if local else None
    read, live = _names(page, r, c0, c1, names)
    d = None
    if dateline:
        d = _DATELINE.match(r.text)
        if d is not None and c0 == c1 and not page.toks.within(r.s0, r.s1)[3]:
            d = None
    if not live and d is None:
        return []           # (a sentence whose candidates are all vetoed by their words: no name)
    if not r.lowered(page.toks):
        return []           # a headline
    low = r.low
    assert low is not None
    units: list[Unit | Known] = []
    live = False
    for found in read:
        if isinstance(found, Name):
            u = candidate(r.text, low, found, ctx)
            live = live or not u.vetoed
            units.append(u)
        else:
            units.append(found)
    if d is not None:
        unit = _dateline(d, r.s0, page.local(i, r.s1), ctx)
        if unit is not None:
            units.insert(0, unit)
            live = True
    if not live:
        return []
    return _with_cues(low, units, ctx.cues)


def _names(page: Page, r: _Reading, c0: int, c1: int, names: SpanIndex | None) -> tuple[list[Name | Known], bool]:
    """The sentence's chunks as gazetteer names (``Known``) and names that are none (``Name``),
    and whether one of the latter is not vetoed by its words."""
    out: list[Name | Known] = []
    live = False
    s0, text, ctx = r.s0, r.text, page.ctx
    cues = ctx.cues
    prefixes = cues.prefixes
    starts, forms = page.starts, page.forms
    for k in range(c0, c1):
        q, f = starts[k], forms[k]
        if names is not None:
            cb = q + f.name_end
            role = names.role(q, cb)
            # "Kafr Halab" is not Aleppo ("Halab") even when the gazetteer knows only the latter
            if role is not None and not (f.n >= 2 and f.first.folded in prefixes
                                         and names.role(q, q + f.first_name_end) is None):
                out.append(Known(q - s0, cb - s0, role))
                continue
        table = f.names if f.cues is cues else names_of(f, cues)
        if table.kept is None and not table.asks:
            continue                    # ("The", "Syrian" opening a sentence)
        name = name_in(text, q, f, s0, ctx)
        if name is not None:
            out.append(name)
            live = live or not name.vetoed
    return out, live


class SpanIndex:
    """Gazetteer names (``Span``s in text order), asked in text order which ones a chunk
    overlaps. When they are disjoint (as find_mentions gives them), and so in order of both
    start and end, those a chunk overlaps are a run of them from the first that ends after the
    chunk starts, and that first one only moves on from chunk to chunk: the chunks are matched
    with the names in one pass."""
    __slots__ = ("spans", "ends", "disjoint", "first")

    def __init__(self, spans: list[Span]):
        self.spans = spans
        self.ends = [sp.end for sp in spans]
        self.disjoint = all(map(operator.le, self.ends[:-1], [sp.start for sp in spans[1:]]))
        self.first = 0          # the first name that ends after the last chunk asked about starts

    def role(self, a: int, b: int) -> str | None:
        """The role of the names that overlap [a, b): a place's if one is, else the first's;
        None when none does (``a``: no less than the last time)."""
        spans = self.spans
        if not self.disjoint:
            return _role([sp for sp in spans if sp.start < b and sp.end > a])
        ends, n, k = self.ends, len(spans), self.first
        while k < n and ends[k] <= a:
            k += 1
        self.first = k
        if k == n or spans[k].start >= b:
            return None
        j = k + 1
        while j < n and spans[j].start < b:
            j += 1
        return _role(spans[k:j])


def _role(spans: list[Span]) -> str | None:
    role = None
    for sp in spans:
        if sp.role == "place":
            return sp.role
        if role is None:
            role = sp.role
    return role


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

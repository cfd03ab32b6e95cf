"""The names of one report that look like places and that the gazetteer lacks
(``find_unresolved``)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..mentions import Matcher
from ..model import Mention, Report
from ..text import sentences
from .chunks import chunks, within
from .context import Context
from .forms import key
from .headline import Tokens
from .records import Unresolved
from .runs import groups
from .sentence import Page, may_open_with_dateline, read_sentence
from .units import Span
from .vocabulary import cues


class _Idle(NamedTuple):
    """A candidate without a cue where it is: listed if the name is listed elsewhere (a repeat)."""
    name: str
    sentence: str
    start: int
    end: int
    sentence_start: int


def find_unresolved(report: Report, mentions: list[Mention], matcher: Matcher,
                    vocab_dir: Path | None = None) -> list[Unresolved]:
    """The names in ``report`` that look like places and that the gazetteer lacks, in text order.

    A name listed once in the report is listed at its other occurrences too (cue "repeat")."""
    text = report.text
    ctx = Context(cues(vocab_dir), matcher, text)
    make = tuple.__new__   # a NamedTuple without its Python-level __new__: this runs per mention
    spans = sorted([make(Span, (m.start, m.end, m.role)) for m in mentions])
    toks = Tokens(*groups(text))
    sents = sentences(text)
    page = Page(ctx, toks, spans, within(chunks(text, toks.starts, toks.groups, ctx.common), text, sents))
    cstarts = page.starts
    found: list[Unresolved] = []
    idle: list[_Idle] = []          # names without a cue here, for the repeat pass
    n_spans, n_chunks = len(spans), len(cstarts)
    i = c = 0
    for s in sents:
        s0, s1, st = s.start, s.end, s.text
        while i < n_spans and spans[i].end <= s0:
            i += 1
        c0 = c
        while c < n_chunks and cstarts[c] < s1:
            c += 1
        dateline = may_open_with_dateline(st)
        if c == c0 and not dateline:
            continue
        for u in read_sentence(page, s, c0, c, i, dateline):
            if u.known or u.vetoed:
                continue
            cue = u.best()
            if cue:
                found.append(Unresolved(st[u.a:u.b], report.id, st, s0 + u.a, s0 + u.b, cue, (), s0))
            elif not u.person_shaped:
                idle.append(_Idle(st[u.a:u.b], st, s0 + u.a, s0 + u.b, s0))
    if idle and found:
        keys = {key(u.name) for u in found}
        found += [Unresolved(n.name, report.id, n.sentence, n.start, n.end, "repeat", (), n.sentence_start)
                  for n in idle if key(n.name) in keys]
    return sorted(found, key=lambda u: u.start)

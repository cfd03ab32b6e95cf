"""The mentions of gazetteer places in one report: its names matched, then each given its role,
re-pointed, and the phrases that name a place from context added."""

from __future__ import annotations

import bisect
import operator
import re

from ..model import Mention, Report
from ..text import Sentence, normalize, sentences
from .matcher import ORG, Matcher
from .metonymy import PLACE
from .namesakes import drop_namesakes

# An Arabic article written on a name the gazetteer spells without it or with another one
# ("As-Sweida" for "Sweida", "Ar-Rastan"): part of the mention, not a word of the sentence.
_ARTICLE = re.compile(r"(?<![\w'\u2019-])(?:[AaEe][lnrstdz]|[Aa](?:sh|th|dh))[-\u2010\u2011]\Z")
_HAS_ARTICLE = re.compile(r"(?:[AaEe][lnrstdz]|[Aa](?:sh|th|dh))[-\u2010\u2011 ]")


def find_mentions(report: Report, matcher: Matcher) -> list[Mention]:
    """Every mention of a gazetteer place in ``report``, in text order."""
    text = report.text
    norm = normalize(text)
    sents = sentences(text)
    sent_starts = [s.start for s in sents]
    rules = matcher.rules
    whole = Sentence(0, len(text), text)

    def sentence_at(pos: int) -> Sentence:
        i = max(bisect.bisect_right(sent_starts, pos) - 1, 0)
        return sents[i] if sents else whole

    found: list[Mention] = []
    bisect_right = bisect.bisect_right
    for start, end, eid in matcher.raw_matches(text):
        if eid == ORG:
            continue
        article = _ARTICLE.search(text, max(0, start - 4), start)
        if article and not _HAS_ARTICLE.match(text, start):
            start = article.start()
        s = sents[max(bisect_right(sent_starts, start) - 1, 0)] if sents else whole   # sentence_at(start)
        found.append(Mention(report.id, eid, text[start:end], start, end, s.text, s.start, PLACE))

    roles = rules.roles.roles(found, text, norm)
    found = [m if r == PLACE else
             Mention(m.article, m.place_id, m.surface, m.start, m.end, m.sentence, m.sentence_start, r, m.via)
             for m, r in zip(found, roles)]
    found = rules.repointing.repoint(found, text, norm)
    found = rules.context.resolve(found, report, norm, sentence_at)
    found = sorted(found, key=operator.attrgetter("start", "end"))
    return drop_namesakes(found, text, matcher.gazetteer)

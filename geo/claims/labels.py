"""Speakers named by a line's label: an interview's or transcript's "Name: ..." line, and a label
before a colon that opens a sentence ("Military source: ...", "SOHR: ...")."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .triggers import Trigger
from .vocabulary import ClaimVocabulary

_LABEL_COLON = re.compile(r"(?<!\d):|:(?!\d)")
LABEL_WORDS = 10   # words of a label before a colon that may name the speaker ("Military source:")
_NAME_LABEL = re.compile(r"\s*([A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2}):\s")   # "Ciwan Derik: We took over X"
_LINE_LABEL = re.compile(r"(?m)^([A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2}):\s")
INTRO_CHARS = 120   # characters of the phrase that introduces a person ("X, a commander of the SDF's ...")


@lru_cache(maxsize=4)
def _has_name_labels(report_text: str) -> bool:
    """Some line of the report opens with a person's name and a colon (found once per report)."""
    return re.search(r"(?m)^[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2}:\s", report_text) is not None


@lru_cache(maxsize=4)
def _line_labels(report_text: str) -> tuple[list[int], list[re.Match]]:
    """Where each line opened by a speaker's label starts, and its label (found once per report)."""
    found = list(_LINE_LABEL.finditer(report_text))
    return [m.start() for m in found], found


def interviewee(text: str, report_text: str) -> str | None:
    """A line opened by a person's name and a colon (a transcript's, an interview's), whose name
    the report introduced with an appositive ("Ciwan Derik, a commander of the SDF's Deir ez-Zor
    Military Council"): that name and appositive (its side is the appositive's)."""
    if not _has_name_labels(report_text):
        return None
    at = report_text.find(text)
    line_start = report_text.rfind("\n", 0, at) + 1
    line = report_text[line_start:at + 1] if at >= 0 else text   # (the line's label)
    m = _NAME_LABEL.match(line) or _NAME_LABEL.match(text)
    if m is None and at >= 0:   # a paragraph of a transcript with no label: the last label above it speaks on
        starts, labels = _line_labels(report_text)
        k = bisect_right(starts, line_start - 1)
        m = labels[k - 1] if k else None
    if m is None:
        return None
    intro = re.search(rf"\b{re.escape(m.group(1))}, (?:a|an|the) ([^.;:]{{1,{INTRO_CHARS}}})", report_text)
    if intro is None and m.group(1).isupper():   # "THE COMMANDER:", introduced as "a field commander of the ..."
        role = m.group(1).split()[-1].lower()
        intro = re.search(rf"(?i)\b({re.escape(role)} (?:of|for|in) [^.;:,]{{1,{INTRO_CHARS}}})", report_text)
    return f"{m.group(1)}, {intro.group(1).split(',')[0]}" if intro else None


_TIME_STAMP = re.compile(r"\s*\d{1,2}[:.]\d{2}\s*(?:gmt|utc|et|local time)?\s*[-\u2013\u2014|]?\s*(?=\D)")
_BULLET = re.compile(r"[-*\u2022\u2013\u2014]|\d+[.)]")   # a list item's mark before its label


def label_speaker(t: Trigger, text: str, norm: str, vocab: ClaimVocabulary) -> str | None:
    """"Military source: the army is ...", "URGENT | Homs governor to Syrian TV: ...", "COMMANDER:
    we ...": a label before a colon that opens the sentence names who speaks, when it is a force
    or holds a role word."""
    m = _LABEL_COLON.search(norm, 0, t.start)   # not the colon of a time ("[18:05]")
    if m is None:
        return None
    colon = m.start()
    start = max(norm.rfind("|", 0, colon), norm.rfind("]", 0, colon)) + 1
    stamp = _TIME_STAMP.match(norm, start)   # "01:10 - Factions: ..." (a ticker's time before the label)
    start = stamp.end() if stamp else start
    label = norm[start:colon].strip()
    if not label or len(label.split()) > LABEL_WORDS or any(c.isdigit() for c in label):
        return None
    words = label.split()
    if words[-1] in vocab.reader.item_heads:
        return None   # "Damascus city: ...": a place the line is about, not a speaker
    written = text[start:colon].strip(" |")
    role = vocab.rx_role.search(label + " for") or set(words) & vocab.speaker_roles
    source = label in vocab.label_sources   # "SOHR: ...", not "TOM: ..." (a host) or "UPDATE: ..."
    if not (role or source or (not _BULLET.match(written) and any(n.actor for n in vocab.actor_names(" " + label + " ")))):
        return None   # (a list item's "- Damascus:" is the place it is about)
    return written

"""Datelines: where a report was filed ("DAMASCUS (Reuters) -", "MOSCOW, December 9.", "Hama,
Syria —", or one stuck to the end of a heading line); see [dateline] in metonymy.toml."""

from __future__ import annotations

import re

from ..model import Mention
from ..text import normalize
from .metonymy import SOURCE, MetonymVocab
from .scanning import TOKEN
from .vocabulary import optional, words

HEADING_CHARS = 400   # characters: the heading a dateline may be stuck to (when the file does not say)
TAIL_WINDOW = 80      # characters after a name read for a dateline's tail
_SLASH_PREFIX = 200   # characters: the longest "LATAKIA/MOSCOW/..." before a dateline's name
_COMMA_GAP = re.compile(r",\s*")


def _line_lead(text: str, pos: int) -> int:
    """The last character before ``pos`` that is a line break or no whitespace (-1: none)."""
    j = pos - 1
    while j >= 0 and text[j] != "\n" and text[j].isspace():
        j -= 1
    return j


def _starts_line(text: str, pos: int) -> bool:
    """Whether only whitespace, or a "/" and whitespace ("LATAKIA/MOSCOW"), comes before ``pos``
    on its line: where ``is_dateline`` finds one past the heading."""
    j = _line_lead(text, pos)
    return j < 0 or text[j] == "\n" or text[j] == "/"


class Datelines:
    """The dateline patterns of metonymy.toml (``m``, the file read), and the test of a mention."""

    def __init__(self, m: dict, words_of: MetonymVocab):
        src = SOURCE
        self.vocab = words_of
        d = optional(m, "dateline", src, dict)
        months = "|".join(re.escape(x) for x in sorted(optional(d, "months", src), key=len, reverse=True)) or "(?!)"
        days = "|".join(re.escape(x) for x in sorted(optional(d, "weekdays", src), key=len, reverse=True)) or "(?!)"
        self.heading_chars = int(d.get("heading_chars", HEADING_CHARS))
        self.heading_not_last = words(optional(d, "heading_not_last", src))
        date = (rf"(?:(?:{days}),?\s+)?(?:(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
                rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{months})\.?(?:,?\s+\d{{4}})?|(?:{days}))")
        # what follows a dateline's name: ", Region" parts, ", date", "(Agency)", then a dash,
        # a colon, or (after a date) a full stop
        self.rx_tail = re.compile(
            r"(?:\s*/\s*[A-Z][A-Z'’. ]*[A-Z])*"     # "LATAKIA/MOSCOW, Dec 9 (Reuters) -"
            rf"(?P<region>(?:\s*,\s*(?!(?:{months}|{days})\b)[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){{0,2}}){{0,2}}?)"
            rf"(?P<date>\s*,?\s*{date})?"
            r"\s*(?P<agency>\([A-Z][^()\n]{0,40}\)|/[A-Z][^/\n]{0,20}/)?"
            r"\s*(?P<end>-{1,2}|[\u2013\u2014]|:|\.)(?=\s)"
        )
        self.rx_after_dash = re.compile(rf"\s*[\"“‘']?(?!(?:{months}|{days})\b)[A-Z]")
        self.rx_slash_prefix = re.compile(r"\s*(?:[A-Z][A-Z'’. ]*[A-Z]\s*/\s*)+")   # "LATAKIA/" before "MOSCOW"
        self.rx_sentence_end = re.compile(r"[.!?][\"'”’)]*\s")

    def found_at(self, m: Mention, text: str, norm: str) -> bool:
        """``is_dateline``, with its first test first: past the heading, only at a line's start."""
        return (m.start <= self.heading_chars or _starts_line(text, m.start)) and self.is_dateline(m, text, norm)

    def continues(self, prev: Mention, m: Mention, text: str) -> bool:
        """Whether ``m`` is the region of the dateline ``prev``: "HAMA, Syria, Dec 5 -"."""
        return bool(_COMMA_GAP.fullmatch(text[prev.end:m.start])
                    and self.rx_tail.match(text[m.end:m.end + TAIL_WINDOW]))

    def is_dateline(self, m: Mention, text: str, norm: str | None = None) -> bool:
        """Where the report was filed: the name at the start of a line, or stuck to a heading
        early in the report, followed by a dateline's tail (see [dateline] in metonymy.toml)."""
        if m.start > self.heading_chars:
            # past the heading only a line's start will do (what follows would return False
            # too; this is quicker): spaces before the name, or a slash prefix ("LATAKIA/") of
            # at most _SLASH_PREFIX characters (a line is not read back further: linear)
            if not self._after_line_lead(m, text):
                return False
            at_start = True
        else:
            line_start = text.rfind("\n", 0, m.start) + 1
            prefix = text[line_start:m.start]
            at_start = not prefix.strip() or bool(self.rx_slash_prefix.fullmatch(prefix))
            # a heading stuck to the first sentence
            if not at_start and not self._ends_heading(m, prefix, norm, line_start):
                return False
        t = self.rx_tail.match(text, m.end, min(len(text), m.end + TAIL_WINDOW))
        if not t:
            return False
        caps = m.surface.isupper() and len(m.surface) > 2
        if t.group("end") == "." and not t.group("date") and not (caps and at_start):
            return False                                 # "MOSCOW. The Kremlin ..." is one
        if t.group("date") or t.group("agency"):
            return True
        if caps and (t.group("end") != ":" or m.start <= self.heading_chars):
            return True                                  # "BEIRUT:", "QAMISHLO —" (further on, "ALEPPO:" heads an item)
        if t.group("end") == ":":
            return False                                 # "Damascus: rebels ..." is a heading
        if at_start and t.group("region"):
            return True                                  # "Hama, Syria —"
        return m.start <= self.heading_chars and bool(self.rx_after_dash.match(text, t.end()))

    def _after_line_lead(self, m: Mention, text: str) -> bool:
        """Whether only spaces, or a slash prefix ("LATAKIA/"), stand before ``m`` on its line."""
        j = _line_lead(text, m.start)
        if j >= 0 and text[j] != "\n":
            lo = max(0, m.start - _SLASH_PREFIX)
            line_start = text.rfind("\n", lo, m.start) + 1
            if text[j] != "/" or (line_start == 0 and lo > 0) \
                    or not self.rx_slash_prefix.fullmatch(text, line_start, m.start):
                return False
        return True

    def _ends_heading(self, m: Mention, prefix: str, norm: str | None, line_start: int) -> bool:
        """Whether ``m`` may end a heading line (``prefix`` before it): early, no sentence ended
        before it on the line, and not the object of a preposition ("LIVE: Battle for Hama –
        Wednesday")."""
        v = self.vocab
        if (m.start > self.heading_chars or not prefix[-1:].isspace()
                or self.rx_sentence_end.search(prefix)):
            return False
        ws = TOKEN.findall(normalize(prefix) if norm is None else norm[line_start:m.start])
        if not any(w[:1].isalnum() for w in ws):
            return False                                 # a bullet: "- Damascus – rebels ..."
        if ((ws[-1],) in v.before or ws[-1] in v.determiners
                or ws[-1] in self.heading_not_last
                or ws[-1] in v.affected_forms
                or not (ws[-1][:1].isalnum() or ws[-1] in "\"”’)]")):
            return False
        return True

"""What the rules consult besides the sentence (``Context``): the vocabulary, the gazetteer's
index, and which words the report writes in lower case (common words, not names)."""

from __future__ import annotations

import re

from ..mentions import Matcher
from .vocabulary import Cues

_LOOKUPS = 16                   # words looked for one by one in a long report before all are listed
_LONG_REPORT = 200_000          # characters: a report this long lists its lower-case words at once
_CHUNK = 1_000_000              # characters read at a time when listing them
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_SPACE = re.compile(r"\s")


class Context:
    """What the rules consult besides the sentence: vocabulary, gazetteer, the report's words."""
    __slots__ = ("cues", "index", "text", "_lower", "_lower_words")

    def __init__(self, cues: Cues, matcher: Matcher, text: str):
        self.cues = cues
        self.index = matcher.gazetteer.index or {}
        self.text = text
        self._lower: dict[str, bool] = {}
        self._lower_words: frozenset[str] | None = None

    def common(self, w: str) -> bool:
        """A common word: in the vocabulary, or written in lower case somewhere in the report
        ("after")."""
        if w in self.cues.common:
            return True
        found = self._lower.get(w)
        if found is None:
            # each word is looked for in the report; in a long report, once many were, all of
            # its lower-case words are listed in one pass instead
            if (self._lower_words is None and len(self._lower) >= _LOOKUPS
                    and len(self.text) >= _LONG_REPORT):
                self._lower_words = _lower_words(self.text)
            if self._lower_words is not None:
                found = w in self._lower_words
            else:
                found = _lower_word(self.text, w)
            self._lower[w] = found
        return found


def _lower_words(text: str) -> frozenset[str]:
    """``set(re.findall(r"\\b[a-z]+\\b", text))``, a megabyte at a time (cut at a space, which
    no word holds and which is no word character)."""
    out: set[str] = set()
    a, n = 0, len(text)
    while a < n:
        s = _SPACE.search(text, min(n, a + _CHUNK))
        b = s.start() if s else n
        out.update(_LOWER_WORD.findall(text, a, b))
        a = b
    return frozenset(out)


def _lower_word(text: str, w: str) -> bool:
    """Is ``w`` one of ``re.findall(r"\\b[a-z]+\\b", text)``?"""
    if not (w.isascii() and w.isalpha() and w.islower()):
        return False
    n = len(w)
    i = text.find(w)
    while i >= 0:
        j = i + n
        if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")) and (
                j == len(text) or not (text[j].isalnum() or text[j] == "_")):
            return True
        i = text.find(w, i + 1)
    return False

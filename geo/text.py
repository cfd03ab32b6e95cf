"""Text primitives shared by the matching steps: a length-preserving normal form and sentences.

``normalize(s)`` has exactly ``len(s)`` characters, so an offset found in the normal form is an
offset in the original text. It folds case, strips diacritics ("Ḩamāh" -> "hamah"), maps every
apostrophe-like mark ("’", "ʼ", "`") to "'" and every dash, hyphen and whitespace to a space
(so "Tahrir-al-Sham" and "Tahrir al-Sham" compare equal).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

APOSTROPHES = "'\u2018\u2019\u02bc\u02bb\u02b9\u0060\u00b4\u2032\u02be\u02bf"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


class _FoldTable(dict):
    """A str.translate table that computes each character's fold once, on first sight."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in APOSTROPHES:
            out = "'"
        elif ch in DASHES or ch.isspace():
            out = " "
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            low = base.lower() if base else ch.lower()
            out = low[0] if low else ch
            if unicodedata.category(ch) == "Lm" and ch not in APOSTROPHES:
                out = ch
        self[code] = out
        return out


_TABLE = _FoldTable()
_SPACES = re.compile(r" {2,}")


def normalize(s: str) -> str:
    """Case-, diacritic-, apostrophe- and dash-folded copy of ``s`` with the same length."""
    return s.translate(_TABLE)


def name_key(name: str) -> str:
    """The index key of a gazetteer name: normalised, spaces collapsed, trimmed."""
    return _SPACES.sub(" ", normalize(name)).strip(" ")


def is_word_char(ch: str) -> bool:
    return ch.isalnum()


# Sentences ---------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st gen lt col maj sgt capt "
    "gov sen rep prof no vs etc inc ltd co corp jr sr mt ft".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@lru_cache(maxsize=16)
def sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences; offsets index ``text``. Newlines always end a sentence.

    Memoised: mentions, claims and unresolved names all split the same report."""
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith(("\n",)):
            cut = m.start()
        else:
            before = text[start:m.start()].rsplit(None, 1)
            word = before[-1].lower().strip("\"'“‘(") if before else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                continue
            cut = m.end()
        _emit(text, start, cut, out)
        start = m.end()
    _emit(text, start, len(text), out)
    return tuple(out)


def _emit(text: str, a: int, b: int, out: list[Sentence]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(a, b, text[a:b]))

"""Which names a gazetteer indexes: invisible characters removed, noise left out.

- ``clean_name``: invisible characters (Unicode format characters such as U+200B, U+200D,
  U+2060, U+FEFF, bidi controls, soft hyphen) and control characters are removed (whitespace
  controls become a space), so "Ha\u200bma" is indexed as "Hama".
- ``noise``: the one rule for the names of GeoNames dumps and gazetteer CSVs. A name is noise
  when its word key (what the matcher compares: "The." is "the") is shorter than a minimum
  (``MIN_NAME_CHARS`` in a CSV, ``MIN_ALTERNATE_NAME_CHARS`` for GeoNames alternate names),
  has no letter, or is a common word listed in ``geo/data/geonames_stopwords.txt`` (common
  English words, personal names seen in the news, fragments of web addresses such as "com").
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from .. import vocab
from ..text import name_key, word_form

STOPWORDS_FILE = "geonames_stopwords.txt"
MIN_NAME_CHARS = 2                # in a CSV, "M5", "UK" are names
MIN_ALTERNATE_NAME_CHARS = 3      # GeoNames alternate names need 3
INVISIBLE_CATEGORIES = ("Cf", "Cc")   # Unicode format and control characters


def clean_name(s: str) -> tuple[str, str]:
    """``s`` without invisible characters (Unicode categories Cf and Cc: zero-width spaces and
    joiners, U+FEFF, U+2060, bidi controls, soft hyphen, C0/C1 controls), whitespace controls
    (tab, newline) as a space; and the removed characters. ``text.normalize`` keeps them (it must
    keep offsets), so a name holding one would never match the report text."""
    if s.isprintable():
        return s, ""
    out, removed = [], []
    for ch in s:
        if ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) in INVISIBLE_CATEGORIES:
            removed.append(ch)
        else:
            out.append(ch)
    return "".join(out), "".join(removed)


def describe_removed(removed: str) -> str:
    """'U+200B, U+FEFF' for the characters ``clean_name`` removed (each once, in order)."""
    return ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(removed))


def load_stopwords(folder: Path | None = None) -> frozenset[str]:
    """The stop list's keys (name_key of each line of geonames_stopwords.txt)."""
    return frozenset(name_key(w) for w in vocab.lines(STOPWORDS_FILE, folder))


def _has_letter(key: str) -> bool:
    return key != key.upper() or any(map(str.isalpha, key))


def noise(key: str, stop: frozenset[str], min_chars: int = MIN_ALTERNATE_NAME_CHARS) -> str:
    """Why a name in ``name_key`` form is not indexed, or "" when it is: the one rule for the
    names of GeoNames dumps and gazetteer CSVs (where ``min_chars`` is 2: "M5", "UK"). Judged on
    the word key the matcher compares, so "A." is "a" and "The." is "the"."""
    wk = key if key.replace(" ", "").isalnum() else word_form(key).strip(" ")
    if len(wk) < min_chars:
        return f"has fewer than {min_chars} characters besides punctuation"
    if not _has_letter(wk):
        return "has no letter"
    if wk in stop or key in stop:
        return f"is a common word (listed in geo/data/{STOPWORDS_FILE})"
    return ""

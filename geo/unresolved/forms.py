"""The forms words and names are compared in: folded as the vocabulary writes them, keyed as
the gazetteer indexes them, lower-cased with the offsets kept."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..text import APOSTROPHES, DASHES, name_key

_FOLD_DROP = {ord(c): None for c in APOSTROPHES}
_FOLD_SPACE = {ord(c): " " for c in DASHES}
_MEMO_SIZE = 65536          # words folded, memoised
_MAX_KEYS = 100_000         # names keyed, memoised (the memo is emptied when full)
MIN_KEY = 3                 # a name whose key is shorter is no place name


@lru_cache(maxsize=_MEMO_SIZE)
def fold(s: str) -> str:
    """Lower case, no diacritics, no apostrophes, dashes as spaces: "Ma'arat" -> "maarat"."""
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s.translate(_FOLD_DROP).translate(_FOLD_SPACE).lower()


_KEYS: dict[str, str] = {}


def key(name: str) -> str:
    """``name_key``, memoised."""
    k = _KEYS.get(name)
    if k is None:
        if len(_KEYS) >= _MAX_KEYS:
            _KEYS.clear()
        k = _KEYS[name] = name_key(name)
    return k


def lower(text: str) -> str:
    """``text`` in lower case, with the same offsets."""
    low = text.lower()
    if len(low) != len(text):              # a letter whose lower case is longer ("İ"): keep it
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low

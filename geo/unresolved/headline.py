"""Is a sentence a headline in Title Case? Its capitalised words are no names."""

from __future__ import annotations

from bisect import bisect_left

from .tokens import Token

_MIN_WORDS = 4              # a headline has at least this many words, this many capitalised
_CAPITALISED_SHARE = 0.7    # and most of its words are tokens, most capitalised


def title_case(text: str, s0: int, s1: int, toks: list[Token], starts: list[int]) -> bool:
    """A headline in Title Case: most words, small words too, capitalised (``text``: the
    sentence at s0:s1 in the report; ``toks``: the report's tokens, ``starts``: where they
    begin; no other word is capitalised)."""
    i, j = bisect_left(starts, s0), bisect_left(starts, s1)
    if j - i < _MIN_WORDS:
        return False
    words = len(text.split())
    if j - i < _CAPITALISED_SHARE * words:
        return False
    toks = toks[i:j]
    caps = sum(t.word.capital for t in toks)
    small_caps = sum(t.word.small_capital for t in toks)
    words = words if caps >= _MIN_WORDS else 0
    return words >= _MIN_WORDS and caps >= _CAPITALISED_SHARE * words and (small_caps > 0 or caps == words)

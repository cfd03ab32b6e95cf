"""Is a sentence a headline in Title Case? Its capitalised words are no names."""

from __future__ import annotations

from bisect import bisect_left

from .runs import Group

_MIN_WORDS = 4              # a headline has at least this many words, this many capitalised
_CAPITALISED_SHARE = 0.7    # and most of its words are tokens, most capitalised


class Tokens:
    """A report's tokens, in runs joined by single spaces (runs.groups): ``starts``, where each
    run begins, and its ``Group``. ``within`` counts those of a stretch of the report."""
    __slots__ = ("starts", "groups")

    def __init__(self, starts: list[int], groups: list[Group]):
        self.starts = starts
        self.groups = groups

    def within(self, s0: int, s1: int) -> tuple[int, int, int, bool]:
        """The tokens that begin in s0:s1: how many, how many capitalised, how many
        capitalised small words, and whether one is of a kind (not LOW)."""
        starts, groups = self.starts, self.groups
        i, j = bisect_left(starts, s0), bisect_left(starts, s1)
        n = caps = small = 0
        kinded = False
        for k in range(max(0, i - 1), j):
            g, q = groups[k], starts[k]
            if q >= s0 and q + g.end <= s1:
                n += g.n
                caps += g.caps
                small += g.small_caps
                kinded = kinded or g.kinded
                continue
            for t in g.toks:                   # a run across an end of the stretch
                if s0 <= q + t.start < s1:
                    n += 1
                    caps += t.word.capital
                    small += t.word.small_capital
                    kinded = kinded or t.word.kind is not None
        return n, caps, small, kinded


def title_case(text: str, s0: int, s1: int, toks: Tokens) -> bool:
    """A headline in Title Case: most words, small words too, capitalised (``text``: the
    sentence at s0:s1 in the report; ``toks``: the report's tokens; no other word is
    capitalised)."""
    n, caps, small_caps, _ = toks.within(s0, s1)
    if n < _MIN_WORDS:
        return False
    words = len(text.split())
    if n < _CAPITALISED_SHARE * words:
        return False
    words = words if caps >= _MIN_WORDS else 0
    return words >= _MIN_WORDS and caps >= _CAPITALISED_SHARE * words and (small_caps > 0 or caps == words)

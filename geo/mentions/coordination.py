"""Names joined into a list ("Russia and Iran", "Syria, the US and Russia", "Hmeimim and Tartus"),
and the runs of such names around a mention."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ..model import Mention
from ..text import normalize

MAX_GAP = 30   # characters: two names further apart than this are not coordinated

_GAP = re.compile(r"^(?:\s|,|and\b|or\b|the\b|as well as\b)*$")
_GAP_ABBREV = re.compile(r"^(?:[\s,]|and\b|or\b|the\b|[A-Z][A-Za-z.]{0,4}\b)*$")
_AND = re.compile(r"\b(?:and|or|as well as)\b")
_POSSESSIVE_START = re.compile(r"^['’]s?")
_LIST_GOES_ON = re.compile(r",?\s+(?:and|or)\s+(?:several |many |some |a few |a number of )?(?:other|others|[A-Z])")


def coordinated(a: Mention, b: Mention, text: str, norm: str | None = None) -> bool:
    """Whether ``b`` is coordinated with ``a``, the mention before it. ``norm``, if given, is
    ``normalize(text)`` (its slices are the slices' folds)."""
    gap = text[a.end:b.start]
    if len(gap) > MAX_GAP or "\n" in gap:
        return False
    if gap.startswith(("'", "’")):
        gap = _POSSESSIVE_START.sub("", gap)
    folded = normalize(gap) if norm is None else norm[b.start - len(gap):b.start]
    return bool(_GAP.match(folded) or _GAP_ABBREV.match(gap)) and bool(gap.strip() or gap)


class _Run(NamedTuple):
    """A run of coordinated mentions: the indices of its first and last, and whether "and" (or
    "or", "as well as") joins them somewhere (else commas alone do)."""
    first: int
    last: int
    joined: bool


class Around:
    """A report's mentions (in text order) indexed for what the role rules ask about the ones
    around a mention: does one start or end at a position, does one start inside a span, which
    run of coordinated mentions it is in. Each run is found once, so a list as long as the
    report ("A, B and C and ...") costs its length, not its square."""

    def __init__(self, found: list[Mention], text: str, norm: str | None):
        self.found = found
        self.starts = sorted(m.start for m in found)
        self.starts_set = frozenset(self.starts)
        self.ends = frozenset(m.end for m in found)
        self._text, self._norm = text, norm
        self._runs: dict[int, _Run] = {}   # index of a mention -> its run

    def starts_inside(self, a: int, b: int) -> bool:
        """Does a mention start strictly between ``a`` and ``b``?"""
        k = bisect.bisect_right(self.starts, a)
        return k < len(self.starts) and self.starts[k] < b

    def first_inside(self, a: int, b: int) -> Mention | None:
        """The mention that starts first strictly between ``a`` and ``b``, if any."""
        k = bisect.bisect_right(self.starts, a)
        if k >= len(self.starts) or self.starts[k] >= b:
            return None
        return next(x for x in self.found if x.start == self.starts[k])

    def group(self, m: Mention, index: int | None = None) -> tuple[Mention, Mention]:
        """The first and last of ``m`` and the mentions coordinated with it ("Russia and Iran",
        "Syria, the US and Russia"); ``m`` alone when there are none, or when the run is joined
        by commas alone ("Hama, Syria" is not a list)."""
        found = self.found
        i = index if index is not None else next(k for k, x in enumerate(found) if x is m)
        run = self._runs.get(i)
        if run is None:
            text, norm = self._text, self._norm
            lo = hi = i
            while lo > 0 and coordinated(found[lo - 1], found[lo], text, norm):
                lo -= 1
            while hi + 1 < len(found) and coordinated(found[hi], found[hi + 1], text, norm):
                hi += 1
            joined = any(_AND.search(norm[a.end:b.start] if norm is not None
                                     else normalize(text[a.end:b.start]))
                         for a, b in zip(found[lo:hi], found[lo + 1:hi + 1])) or (
                hi > lo and bool(_LIST_GOES_ON.match(text, found[hi].end)))   # "by Syria, Russia, the US and others"
            run = _Run(lo, hi, joined)
            for k in range(lo, hi + 1):
                self._runs[k] = run
        if run.last > run.first and not run.joined:
            return m, m
        return found[run.first], found[run.last]

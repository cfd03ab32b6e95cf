"""Fast searches of a report's normal form for the rules' patterns: a pattern is tried only where
its first word occurs, or where a cheap test says it may match."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence

TOKEN = re.compile(r"[^\W_]+(?:'t\b)?|'s\b|[^\w\s]")   # on the normal form: words, "'s", marks

Token = tuple[str, int]   # a token of the normal form and where it starts


def tokens(norm: str, a: int, b: int) -> list[Token]:
    """The tokens of ``norm[a:b]``, each with its offset in ``norm``."""
    return [(t.group(), t.start()) for t in TOKEN.finditer(norm, a, b)] if b > a else []


def relaxed(rx: re.Pattern) -> re.Pattern:
    """``rx`` without its leading ``\\b``: it matches wherever ``rx`` does (and more), but Python's
    re scans for it much faster (a literal prefix, or a set of first characters)."""
    assert rx.pattern.startswith(r"\b"), rx.pattern
    return re.compile(rx.pattern[2:], rx.flags)


def finditer(rx: re.Pattern, relaxed: re.Pattern, s: str) -> Iterator[re.Match]:
    """``rx.finditer(s)`` (for a pattern that never matches the empty string), with the start of
    each match found by ``relaxed`` (``relaxed(rx)``), then checked by ``rx`` itself."""
    pos, n = 0, len(s)
    while pos <= n:
        c = relaxed.search(s, pos)
        if c is None:
            return
        p = c.start()
        m = rx.match(s, p)
        if m is None:
            pos = p + 1
        else:
            yield m
            pos = m.end()


def literal_finditer(rx: re.Pattern, literals: Sequence[str], s: str) -> Iterator[re.Match]:
    """``rx.finditer(s)`` for a pattern every match of which starts with one of ``literals`` (and
    never matches the empty string): ``rx`` is tried only where one of them occurs."""
    if not literals:
        yield from rx.finditer(s)
        return
    pos = 0
    for p in occurrences(s, literals):
        if p < pos:
            continue
        m = rx.match(s, p)
        if m is not None:
            yield m
            pos = m.end()


def occurrences(s: str, literals: Iterable[str]) -> list[int]:
    """Where any of ``literals`` starts in ``s``, in order."""
    starts = set()
    for lit in literals:
        i = s.find(lit)
        while i >= 0:
            starts.add(i)
            i = s.find(lit, i + 1)
    return sorted(starts)


def preceded_by(s: str, literals: Sequence[str], starts: list[int], width: int) -> Sequence[int]:
    """The indices i of ``starts`` such that one of ``literals`` starts in ``s`` within
    [starts[i] - width, starts[i]), in order (every index when there are no literals, or when
    ``starts`` is not in order)."""
    if not literals or starts != sorted(starts):
        return range(len(starts))
    out: set[int] = set()
    for p in occurrences(s, literals):
        out.update(range(bisect.bisect_right(starts, p), bisect.bisect_right(starts, p + width)))
    return sorted(out)


def may_end_with(norm: str, lo: int, pos: int, ends: tuple[str, ...], the: bool) -> bool:
    """False when no pattern of the form ``...(?:ends)\\s+(?:the\\s+)?$`` (``the``: with that
    optional part) can match in ``norm[lo:pos]``: ``norm[lo:pos]`` must end with whitespace after
    one of ``ends`` (or after one of them, whitespace and "the"). A cheap test run before the search,
    which tries every start in the window."""
    w = norm[lo:pos]
    t = w.rstrip()
    if len(t) == len(w):
        return False
    if t.endswith(ends):
        return True
    if the and t.endswith("the"):
        u = t[:-3]
        v = u.rstrip()
        return len(v) < len(u) and v.endswith(ends)
    return False

"""Word lists of the vocabulary made into what the rules match: plurals, regex alternations,
sets of phrases that the words before a name can end with."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text import APOSTROPHES, DASHES


def plurals(words: Iterable[str]) -> list[str]:
    """Each word followed by its plural ("village", "villages")."""
    out = []
    for w in words:
        out.append(w)
        if w.endswith("y") and not w.endswith(("ay", "ey", "oy")):
            out.append(w[:-1] + "ies")
        elif w.endswith(("s", "x", "ch", "sh")):
            out.append(w + "es")
        else:
            out.append(w + "s")
    return out


def alt(phrases: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first, spaces matching any run of spaces."""
    ps = sorted({p.strip().lower() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ps)


def loose(name: str) -> str:
    """A regex for an organisation name that ignores apostrophes, dashes and spacing."""
    parts = [re.escape(w) for w in re.split(rf"[\s{re.escape(DASHES)}]+", name.strip()) if w]
    parts = [re.sub(rf"[{re.escape(APOSTROPHES)}]", f"[{re.escape(APOSTROPHES)}]?", p) for p in parts]
    return rf"[\s{re.escape(DASHES)}]*".join(parts)


class Phrases:
    """Phrases of lower-case words; ``ends(words)``: do the words end with one of them?"""

    def __init__(self, phrases: Iterable[str]):
        self.set = frozenset(tuple(p.lower().split()) for p in phrases if p.strip())
        self.longest = max((len(p) for p in self.set), default=0)
        lengths: dict[str, set[int]] = {}           # last word -> lengths of the phrases ending with it
        for p in self.set:
            lengths.setdefault(p[-1], set()).add(len(p))
        self._lengths = {w: tuple(sorted(ns)) for w, ns in lengths.items()}

    def ends(self, words: list[str]) -> bool:
        ns = self._lengths.get(words[-1]) if words else None
        if ns is None:
            return False
        for n in ns:
            if n > len(words):
                return False
            if n == 1 or tuple(words[-n:]) in self.set:
                return True
        return False

"""Names in one list ("A, B and the C base", "(1) A, (2) B") share the list's cues: those
before its first name and after its last, a name of it with a feature or prefix, a known place
in it."""

from __future__ import annotations

import re

from .surroundings import read_around
from .units import Unit
from .vocabulary import Cues

_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?P<c>and|or)\s+)?|\s(?P<a>and|or|as\s+well\s+as)\s+)\s*")
_AND_NEXT = re.compile(r"\s*,?\s+(?:and|or)\b")
_LEADING = re.compile(r"(?:\(\d+\)\s*)?(?:the\s+)?$")               # "(3) the " before a list item
_LEADING_REACH = 12        # characters _LEADING can match


def leading(low: str, a: int) -> int:
    """Where a name at ``a`` begins with a leading "the"/"(3)" (``_LEADING`` within 12
    characters before it)."""
    lo = max(0, a - _LEADING_REACH)
    if a - lo >= 2:
        c = low[a - 1]
        if (c == " " and low[a - 2] not in "e)" and not low[a - 2].isspace()) or not (c.isspace() or c == ")"):
            return a                        # no "the " nor ")" right before: _LEADING matches ""
    m = _LEADING.search(low, lo, a)
    return a - len(m.group()) if m else a


def share_list_cues(low: str, units: list[Unit], cues: Cues) -> None:
    """Names in one list ("A, B and the C base") share the list's cues: those before its first
    name and after its last, a name of it with a feature or prefix, a known place in it."""
    for g in _groups(low, units):
        if all(u.known or u.vetoed for u in g):
            continue
        first, last = g[0], g[-1]
        for u in (first, last):
            if not u.checked:
                read_around(u, low, cues)
        spread = {k if k in ("feature", "weak") else "list"
                  for k in (first.before - {"weak"}) | last.after}
        if "weak" in first.before:
            spread.add("weak")
        if any(u.own - {"dateline"} and not u.vetoed and not u.known for u in g):
            spread.add("list")
        elif any(u.known == "place" for u in g):
            spread.add("list-known")
        for u in g:
            u.shared |= spread


def _groups(low: str, units: list[Unit]) -> list[list[Unit]]:
    """Runs of units separated by ", ", " and ", ", or " ...: "A, B and C", "A, B, C",
    "(1) A, (2) B and (3) the C base"; two names need an "and" ("Aleppo, Walid Hasso" is an
    apposition)."""
    out: list[list[Unit]] = []
    cur: list[Unit] = []
    coordinated = False
    for u in [*units, None]:
        m = (_LIST_GAP.fullmatch(low, cur[-1].ext_b, u.ext_a)
             if u is not None and cur and not cur[-1].possessive else None)
        if m and u is not None:
            cur.append(u)
            coordinated = coordinated or bool(m.group("c") or m.group("a"))
            continue
        if len(cur) > 2 or (len(cur) == 2 and (
                coordinated or _AND_NEXT.match(low, cur[-1].ext_b) is not None)):
            out.append(cur)
        cur, coordinated = ([u] if u is not None else []), False
    return out

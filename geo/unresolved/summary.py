"""The rows of unresolved.csv: one per name, from its occurrences (``summarise``)."""

from __future__ import annotations

from typing import NamedTuple

from ..text import WHOLE, WINDOW, name_key, window
from .records import RANK, Unresolved


class Row(NamedTuple):
    """One line of unresolved.csv (``COLUMNS`` is its header). To add a column, add a field here
    and fill it in ``summarise`` from the name's occurrences (``group``: each with its article
    and offsets, e.g. to find the claims made about it)."""
    name: str
    mentions: int
    articles: int
    example_article: str
    example_sentence: str
    claims: str          # the control claims made about the name, "; "-separated: add the row, see them on the map


COLUMNS = Row._fields


def group(items: list[Unresolved]) -> dict[str, list[Unresolved]]:
    """Occurrences by name key, each group strongest cue first, then by article and position."""
    by: dict[str, list[Unresolved]] = {}
    for u in items:
        by.setdefault(name_key(u.name), []).append(u)
    return {k: sorted(us, key=lambda u: (RANK.get(u.cue, len(RANK)), u.article, u.start, u.sentence))
            for k, us in by.items()}


def summarise(items: list[Unresolved]) -> list[Row]:
    """One row per name, most frequent first: its spelling and example from its clearest
    occurrence (the strongest cue), and how many mentions and articles name it."""
    rows = []
    for us in group(items).values():
        ex = us[0]
        said = sorted({c for u in us for c in u.claims})
        rows.append(Row(ex.name, len(us), len({u.article for u in us}), ex.article, _example(ex), "; ".join(said)))
    return sorted(rows, key=lambda r: (-r.mentions, r.name))


def _example(u: Unresolved) -> str:
    """The sentence shown for ``u``: whole, or of a long one the part around the name
    (text.window), as in places.geojson."""
    s, s0 = u.sentence, u.sentence_start
    if len(s) <= WHOLE:
        return s
    if not (0 <= s0 <= u.start and u.end <= s0 + len(s)):    # where it starts not known: find the name
        k = s.find(u.name)
        if k < 0:
            return s[:WINDOW]
        s0 = u.start - k
    x, y = window(s, s0, u.start, u.end)
    return s[x - s0:y - s0]

"""The collision rule: which GeoNames entry a name key shared by several places denotes.

When one key (``name_key``) fits several entries, the winner is the first by, in order:
(a) the key is the entry's own name/asciiname, rather than an alternate name;
(b) the entry is a country;
(c) the entry is in a ``focus`` country (default ``("SY",)``);
(d) higher feature rank: PPLC, PPLA, ADM1, PPLA2, PPLA3-5, ADM2, other P, anything else;
(e) larger population; (f) smaller geonameid.
The losing candidates for the key that is the winner's own name are recorded in its
``alternatives`` in the same order (at most ``MAX_ALTERNATIVES``, then "... and N more"), e.g.
"geonames:4352728 Damascus, US (pop 15257)". Entries that win no key stay in ``entries``.
"""

from __future__ import annotations

from typing import NamedTuple, cast

from ...model import Entry
from ...text import normalize
from ..checks import capped

MAX_ALTERNATIVES = 10


class Candidate(NamedTuple):
    """An entry a key may denote. Candidates compare field by field, so the smallest one is the
    winner by rules (a)-(f) in order (the entry id never decides: geonameids are unique)."""
    alternate: bool          # (a) the key is one of the entry's alternate names, not its own name
    not_country: bool        # (b)
    outside_focus: bool      # (c)
    rank: int                # (d) ``features.rank_of``: lower wins
    minus_population: int    # (e) the larger population first
    gid: int                 # (f) the smaller geonameid first
    eid: str                 # the entry id to index


class Resolved(NamedTuple):
    name_index: dict[str, str]                  # name key -> id of the winning entry
    alternatives: dict[int, tuple[str, ...]]    # geonameid -> the losers for its own name


class Keys:
    """Every name key of a dump with its candidates, in the order the rows gave them."""

    def __init__(self) -> None:
        self.first: dict[str, Candidate] = {}          # key -> its first candidate
        self.multi: dict[str, list[Candidate]] = {}    # key -> every candidate, for keys with several

    @property
    def shared(self) -> int:
        """How many keys fit several places."""
        return len(self.multi)

    def add(self, key: str, cand: Candidate) -> None:
        c = self.first.setdefault(key, cand)
        if c is not cand:
            lst = self.multi.get(key)
            if lst is None:
                self.multi[key] = [c, cand]
            else:
                lst.append(cand)

    def resolve(self, entries: dict[int, Entry]) -> Resolved:
        """Apply the rule to every shared key; ``entries`` (by geonameid) describe the losers.
        The index is made in place of ``first`` (a dump has millions of keys: one dict of them,
        not two), which is then no longer a map to candidates."""
        index = cast(dict[str, str], self.first)
        alternatives: dict[int, tuple[str, ...]] = {}
        for key, cand in self.first.items():
            lst = self.multi.get(key)
            if lst is None:
                index[key] = cand.eid
                continue
            lst.sort()
            winner = lst[0]
            index[key] = winner.eid
            if not winner.alternate and own_key(entries[winner.gid].name) == key:
                alternatives[winner.gid] = _describe(lst[1:], entries)
        self.first = {}
        return Resolved(index, alternatives)


def own_key(name: str) -> str:
    """The key of an entry's own name (``name_key``: folded, runs of spaces as one, trimmed)."""
    return " ".join(normalize(name).split())


def _describe(losers: list[Candidate], entries: dict[int, Entry]) -> tuple[str, ...]:
    shown = []
    for cand in losers[:MAX_ALTERNATIVES]:
        e = entries[cand.gid]
        shown.append(f"{cand.eid} {e.name}, {e.country or '??'} (pop {-cand.minus_population})")
    return tuple(capped(shown, "", MAX_ALTERNATIVES, total=len(losers)))

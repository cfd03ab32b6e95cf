"""Reading relative clauses: the place a "which" or "where" clause describes."""

from __future__ import annotations

from .before import BeforeReader
from .words import PlaceRef, Words, listed_ending_at

DISTANCE_UNITS = frozenset({"km", "kilometres", "kilometers", "kms", "miles", "mi"})


class RelativeReader(BeforeReader):
    """The antecedent of a relative clause."""

    def antecedent(self, toks: Words, lo: int, places: list[PlaceRef], where: bool = True,
                   described: bool = False) -> list[PlaceRef]:
        """The place a relative clause starting at token ``lo`` describes ("Tal Rifaat, which
        it seized"; "Aleppo, the city his fighters seized"): the place just before it; ``described``:
        only with a noun for it between ("Having captured Aleppo, the rebels ..." is no relative)."""
        if lo <= 0:
            return []
        # "which" opens a relative clause; "that" is as often a complement ("told X that ..."), so not here
        # "where" too, unless the phrase moves its force away ("Hama, where troops had fallen back": to Hama)
        if not where and "where" in (toks[lo - 1].word, toks[lo].word):
            return []
        pos = toks[lo - 1].start if toks[lo - 1].word in ("which", "where") else toks[lo].start
        before = [p for p in places if p.end <= pos and p.key is not None]
        if not before:
            return []
        p = before[-1]
        last_end = p.end
        k = toks.at(p.start)
        located = self._located(toks, k, places)
        if located is not None:   # "al-Safira south-east of Aleppo, which": al-Safira
            p, k = located, toks.at(located.start)
        if k >= 2 and toks[k - 1].word == "of" and toks[k - 2].word in self.directions:
            # "the north of the city, which": the city is not what "which" is; what is in the north is
            # ("the Sheikh Maqsoud and Ashrafiyeh neighbourhoods in the north of the city, which")
            j = k - 5
            if j < 0 or toks[k - 3].word != "the" or toks[k - 4].word not in ("in", "on", "at"):
                return []
            if toks[j].word in self.part_nouns:
                j -= 1
            return listed_ending_at(toks, j, places)
        gap, nouns = toks.between(last_end, pos), ("city", "town", "village", "base", "airport", "area")
        if described and not any(t.word in nouns or t.word in self.part_nouns for t in gap):
            return []
        links = (",", "the", "which", "where", "that", "from", "into")   # ("Hama, from which the army withdrew")
        if len(gap) <= 4 and all(t.word in links + nouns or t.word in self.part_nouns for t in gap):
            part = self._part_named_before(toks, k, places, p)
            listed = self._list_ending(toks, p.end, places) if part is p else []
            return listed if len(listed) > 1 else [part]   # "the districts of A and B, which remain ...": both
        if [t.word for t in gap] in ([",", "both", "of"], [",", "all", "of"]) and self.previous_places:
            return list(self.previous_places)   # "entered A and B, both of which they now control"
        return []

    def _located(self, toks: Words, k: int, places: list[PlaceRef]) -> PlaceRef | None:
        """The place located by the phrase ending in the place at token ``k``: "[al-Safira]
        south-east of Aleppo", "[Qamhana] 10 km north of Hama"; None without such a phrase."""
        if k < 2 or toks[k - 1].word != "of" or toks[k - 2].word not in self.directions:
            return None
        j = k - 2
        while j > 0 and toks[j - 1].word in self.directions:
            j -= 1
        if j >= 2 and toks[j - 1].word in DISTANCE_UNITS and toks[j - 2].word.replace(".", "").isdigit():
            j -= 2
        if j < 1 or toks[j - 1].word == "the":
            return None   # "the north of the city": handled as a part
        return next((q for q in places if q.key is not None and q.end == toks[j - 1].end), None)

"""Reading relative clauses: the place a "which" or "where" clause describes."""

from __future__ import annotations

import re

from .before import BeforeReader, locating_insertion
from .words import PlaceRef, Words, listed_ending_at

DISTANCE_UNITS = frozenset({"km", "kilometres", "kilometers", "kms", "miles", "mi"})
DISTANCE_HEDGES = frozenset({"some", "about", "around", "roughly", "nearly", "almost", "just"})
NOUN_LOCATORS = frozenset({"on", "along", "near", "off", "by", "astride", "beside", "outside"})
PLACE_NOUNS = frozenset({"town", "towns", "village", "villages", "city", "cities", "base", "bases", "crossing",
                         "crossings", "hill", "hills", "district", "districts", "suburb", "suburbs", "airport", "airports"})
APPOSITION_WORDS = 3   # words of "two small towns" between the comma and the place noun
SUBORDINATORS = frozenset({"once", "if", "unless", "until", "when", "whenever", "after", "before", "because", "as", "though"})
STAYING = frozenset({"remain", "remains", "remained", "stay", "stays", "stayed"})   # "they remain under ..."
_OPENS = re.compile(r"\W*(?:\d+\W+)?")   # a sentence that opens with the place (after a list number)
SURROUNDING = ("villages", "towns", "areas", "countryside", "hills")   # "X and the surrounding villages, which"
LOCATING_VERBS = frozenset({"lies", "lie", "lay", "sits", "sit", "located", "situated", "is", "are", "was", "were"})


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
        apposed = self._noun_located(toks, k, places)
        if apposed is not None:   # "A and B, two towns on the M5 that": A and B, not the M5
            return apposed
        located = self._located(toks, k, places)
        if located is not None:   # "al-Safira south-east of Aleppo, which": al-Safira
            p, k = located, toks.at(located.start)
        if k >= 2 and toks[k - 1].word == "of" and toks[k - 2].word in self.directions:
            # "the north of the city, which": the city is not what "which" is; what is in the north is
            # ("the Sheikh Maqsoud and Ashrafiyeh neighbourhoods in the north of the city, which")
            if self._locates_subject(toks, k):
                return [p]   # "Qusayr lies 35 km south-west of Homs, which fell": Homs
            j = k - 5
            if j < 0 or toks[k - 3].word != "the" or toks[k - 4].word not in ("in", "on", "at"):
                return []
            if toks[j].word in self.part_nouns:
                j -= 1
            return listed_ending_at(toks, j, places)
        comma = toks.at(pos) - (toks[lo - 1].word in ("which", "where")) - 1   # (", on the coast, which": past it)
        opening = locating_insertion(toks, comma) if comma > 0 else None
        gap = toks.between(last_end, toks[opening].end if opening is not None else pos)
        nouns = ("city", "town", "village", "base", "airport", "area")
        if described and not any(t.word in nouns or t.word in self.part_nouns for t in gap):
            return []
        links = (",", "the", "a", "an", "which", "where", "that", "from", "into", "itself")   # ("Hama, from which they fled")
        surrounding = [t.word for t in gap[:4]] in (["and", "the", "surrounding", w] for w in SURROUNDING)
        gap = gap[4:] if surrounding else gap   # "Tal Rifaat and the surrounding villages, which it seized"
        if len(gap) <= 4 and all(t.word in links + nouns or t.word in self.part_nouns for t in gap):
            part = self._part_named_before(toks, k, places, p)
            listed = self._list_ending(toks, p.end, places) if part is p else []
            return listed if len(listed) > 1 else [part]   # "the districts of A and B, which remain ...": both
        if [t.word for t in gap] in ([",", "both", "of"], [",", "all", "of"]) and self.previous_places:
            return list(self.previous_places)   # "entered A and B, both of which they now control"
        return []

    def pronoun_subject(self, toks: Words, lo: int, i: int, they: bool = False) -> list[PlaceRef]:
        """"It" opening the clause of the phrase at token ``i`` ("It fell on Sunday", "it was taken by the
        SNA"): the one place of the claim before, else the last place named before it in the sentence, else
        the one place the sentence before named. ``they``: the phrase names its force after it ("they remain
        under the control of Kurdish forces"), so "they" are the places of the claim before."""
        k = i - 1
        while k >= lo and (toks[k].word in self.soft or toks[k].word in STAYING):
            k -= 1
        word = toks[k].word if k >= lo else ""
        if word not in ("it", "they") or not all(self.time_word(t.word) for t in toks[lo:k]) or (
                lo > 0 and toks[lo - 1].word in SUBORDINATORS):
            return []   # ("it said its forces took ...": another clause; "since last weekend it has been ..."; not
            # "would leave the city once it was cleared of ISIL")
        if word == "they":
            return [PlaceRef(0, 0, m) for m in self.discourse_places] if they and len(self.discourse_places) > 1 else []
        if len(self.discourse_places) == 1:
            return [PlaceRef(0, 0, self.discourse_places[0])]
        here = [p for p in self.sentence_places if p.end <= toks[lo].start and p.key is not None
                and not self.modifies(toks, toks.at(p.start), self.sentence_places)]
        before = {m.place_id: m for m in self.previous_sentence_places}
        if here or len(before) == 1:
            return here[-1:] or [PlaceRef(0, 0, m) for m in before.values()]
        first = self.previous_sentence_places[0] if before else None   # "Tal Rifaat, a town north of Aleppo. ... it"
        opens = first is not None and _OPENS.fullmatch(first.sentence[:first.start - first.sentence_start])
        return [PlaceRef(0, 0, first)] if first is not None and opens else []

    def _noun_located(self, toks: Words, k: int, places: list[PlaceRef]) -> list[PlaceRef] | None:
        """When the place at token ``k`` only locates a place noun before it ("two towns [on] the
        M5", "a village near Hama"), what a relative clause after it describes: the places that
        noun stands in apposition to ("A and B, two towns on the M5"), or none; else None."""
        j = k - 1 if k >= 1 and toks[k - 1].word == "the" else k
        if j >= 3 and toks[j - 1].word == "of" and toks[j - 2].word in self.directions:
            j -= 1   # "two towns [north of] Homs that": located like "near Homs"
        elif j < 2 or toks[j - 1].word not in NOUN_LOCATORS:
            return None
        if toks[j - 2].word not in PLACE_NOUNS:
            return None
        n = j - 3
        while n >= 0 and not toks[n].cap and toks[n].word not in (",", "(") and j - 3 - n < APPOSITION_WORDS:
            n -= 1   # back to the comma before "two towns", "a small town"
        if n < 1 or toks[n].word != ",":
            return []
        return listed_ending_at(toks, n - 1, places)

    def _locates_subject(self, toks: Words, k: int) -> bool:
        """The place at token ``k`` ends a phrase that only says where the clause's subject lies
        ("lies some 35 km south-west of [Homs]", "is located north of [Hama]"): a relative clause
        after it is about that place."""
        j = self._locator_start(toks, k, hedged=True)
        return j >= 1 and toks[j - 1].word in LOCATING_VERBS

    def _locator_start(self, toks: Words, k: int, hedged: bool = False) -> int:
        """The first token of the phrase "[some] 10 km south-east of" that ends before the place at
        token ``k`` (directions, a distance and, ``hedged``, a word like "some" before it)."""
        j = k - 2
        while j > 0 and toks[j - 1].word in self.directions:
            j -= 1
        if j >= 2 and toks[j - 1].word in DISTANCE_UNITS and toks[j - 2].word.replace(".", "").isdigit():
            j -= 2
            if hedged and j >= 1 and toks[j - 1].word in DISTANCE_HEDGES:
                j -= 1
        return j

    def _located(self, toks: Words, k: int, places: list[PlaceRef]) -> PlaceRef | None:
        """The place located by the phrase ending in the place at token ``k``: "[al-Safira]
        south-east of Aleppo", "[Qamhana] 10 km north of Hama"; None without such a phrase."""
        if k < 2 or toks[k - 1].word != "of" or toks[k - 2].word not in self.directions:
            return None
        j = self._locator_start(toks, k, hedged=True)
        if j < 1 or toks[j - 1].word == "the":
            return None   # "the north of the city": handled as a part
        end = j - 1 - (j >= 2 and toks[j - 1].word == ",")   # ("Tal Rifaat, north of Aleppo, which")
        return next((q for q in places if q.key is not None and q.end == toks[end].end), None)

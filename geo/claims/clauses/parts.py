"""Reading what part of a place a phrase names: a district named after "of", a river's bank, what a place owns."""

from __future__ import annotations

from collections.abc import Mapping

from .grammar import KIND_NOUNS, LOCATING_WORDS, Grammar
from .words import APPROACH_NOUNS, COUNTS, NAME_PARTICLES, PlaceRef, Words, listed_ending_at

SETTLEMENT_NOUNS = frozenset({"village", "town", "city"})
RIVER_SIDES = frozenset({"bank", "banks", "shore", "shores"})   # "the east bank of the [Euphrates]": a river
HELD_PARTICIPLES = frozenset({"held", "controlled", "run"})   # "[PKK/YPG-held] Tel Rifaat"
ROAD_CUT_REACH = 8   # words from a road's name to the "near X" where it was cut
HELD_NAME_WORDS = 3   # tokens of a force's name before "-held" ("PKK/YPG")
POSSESSED_PART_WORDS = 3   # words of a part phrase after "X's" ("western districts", "two eastern neighbourhoods")
_FACILITY_ADJECTIVES = frozenset({"central", "main", "old", "new", "military", "civil", "national", "local", "grand",
                                  "great", "general", "municipal", "power", "oil", "gas", "water"})
_FACILITIES = frozenset({"bridge", "bridges", "refinery", "prison", "stadium", "hospital", "university", "silos",
                         "power", "plant", "station", "factory", "mill"})
_OWN_PARTS = frozenset({"centre", "center", "heart", "streets", "street", "squares", "square", "edge", "edges"})
_OWN_PART_ADJECTIVES = frozenset({"central", "main", "old"})   # "Damascus's central squares", "Hama's old quarters"
_RANKING_WORDS = frozenset({"biggest", "largest", "main", "major", "next", "last", "remaining", "other", "principal",
                            "most", "important", "strategic", "key", "second", "third", "fourth", "fifth",
                            "stronghold", "strongholds", "bastion", "bastions"})


APPOSED_WORDS = 10   # words of an apposition locating a place ("X, a suburb on the western edge of Y")
_APPOSED_NOUNS = frozenset({"town", "village", "city", "suburb", "hill", "district", "neighbourhood", "neighborhood",
                            "base", "airbase", "airport", "crossing", "height", "heights", "mountain", "junction"})


class PartReader(Grammar):
    """The parts of places a phrase names."""

    def apposed_head(self, toks: Words, p: PlaceRef, places: list[PlaceRef]) -> PlaceRef | None:
        """The place an apposition ending in place ``p`` describes ("[Khan al-Asal], a suburb on the western
        edge of Aleppo"; "[X], the hill overlooking Hama"): what "it" after them stands for; else None."""
        k = toks.at(p.start)
        n = k - 1
        while n > 0 and k - n <= APPOSED_WORDS and toks[n].word != "," and not toks[n].cap:
            n -= 1
        if n < 1 or toks[n].word != "," or toks[n + 1].word not in ("a", "an", "the") \
                or not any(t.word in _APPOSED_NOUNS for t in toks[n + 2:min(k, n + 5)]):
            return None
        return next((q for q in places if q.key is not None and q.end == toks[n - 1].end), None)

    def approached(self, toks: Words, targets: list[PlaceRef], effect: str) -> PlaceRef | None:
        """The one place of ``targets`` when a gain (``effect``) follows its outskirts, edge, gates or approaches
        ("captured checkpoints on the outskirts of Homs", "seized the southern gates of Hama"): the gain nears it;
        else None (an entry there is one: "gained a foothold on the outskirts of X", "opened the gates of X")."""
        if len(targets) != 1 or effect != "gain":
            return None
        k = toks.at(targets[0].start) - 1
        k -= 3 if k > 2 and toks[k].word == "of" and toks[k - 1].word in KIND_NOUNS and toks[k - 2].word == "the" else 0
        if k < 1 or toks[k].word not in ("of", "to"):
            return None
        k -= 1
        while k > 0 and toks[k].word in self.directions:
            k -= 1   # ("the southern outskirts of")
        return targets[0] if toks[k].word in APPROACH_NOUNS else None

    def _part_before(self, toks: Words, k: int, places: list[PlaceRef]) -> PlaceRef | None:
        """The place named before "<part noun> of" and token ``k`` ("[Sheikh Maqsoud] and
        Ashrafiyah neighbourhoods of ..."): back across the names listed with it."""
        if k < 3 or toks[k - 1].word != "of" or toks[k - 2].word not in self.part_nouns:
            return None
        listed = listed_ending_at(toks, k - 3, places)
        return listed[0] if listed else None

    @staticmethod
    def held_compound(toks: Words, k: int) -> int | None:
        """Past a force's name and its "-held" at token ``k`` ("closes in on [PKK/YPG-held] Tel Rifaat"), else None."""
        held = next((n for n in range(k + 1, min(len(toks), k + 1 + HELD_NAME_WORDS)) if toks[n].word in HELD_PARTICIPLES), None)
        if held is None or not toks[k].cap or not all(x.cap or x.word == "/" for x in toks[k:held]):
            return None
        return held + 1

    @staticmethod
    def river(toks: Words, k: int) -> bool:
        """Token ``k`` names a river: "the east bank of the [Euphrates]"."""
        return k > 2 and toks[k].cap and toks[k - 3].word in RIVER_SIDES and (toks[k - 2].word, toks[k - 1].word) == ("of", "the")

    def river_seat(self, toks: Words, k: int, by_start: Mapping[int, PlaceRef]) -> int | None:
        """Where the place starts that follows a river named at token ``k`` ("... of the Euphrates [in] Khasham"), else None."""
        if not self.river(toks, k):
            return None
        n = k + 1
        while n < len(toks) and toks[n].cap:
            n += 1
        return n + 1 if n + 1 < len(toks) and toks[n].word in ("in", "at") and toks[n + 1].start in by_start else None

    def named_parts(self, toks: Words, j: int) -> int | None:
        """Where the places start that a possessed part phrase from token ``j`` names ("Aleppo's [western
        districts of] New Aleppo and Hamdaniya"), else None."""
        k = j
        while k < len(toks) and k - j < POSSESSED_PART_WORDS and toks[k].word != "of" and (
                toks[k].word in self.directions or toks[k].word in self.part_nouns or toks[k].word in self.item_heads):
            k += 1
        named = k > j and k + 1 < len(toks) and toks[k].word == "of" and toks[k - 1].word in self.part_nouns
        return k + 1 if named and toks[k + 1].start in self.place_starts else None

    def thing_after(self, toks: Words, j: int, owned: bool) -> int | None:
        """Past the thing a place owns or names, starting at token ``j`` right after "X's" (``owned``) or "the X"
        ("Hama's [water station]", "Idlib's [last villages]", "the Homs [oil refinery]", "the Hama [central
        prison]"): no verb, status phrase, preposition or time word; after "the X" also no kind of place, part,
        front or road ("the Hama countryside" is the province); else None."""
        if j + 1 < len(toks) and not owned and toks[j].word in _FACILITY_ADJECTIVES:
            j += 1   # ("the Hama central prison"; but "the Aleppo northern countryside": the province)
        if j >= len(toks) or not toks[j].word.isalpha() or toks[j].start in self.trigger_starts:
            return None
        w = toks[j].word
        if owned and (w in self.directions or w in self.part_nouns or w in _OWN_PARTS or w in _OWN_PART_ADJECTIVES and (
                j + 1 < len(toks) and (toks[j + 1].word in _OWN_PARTS or toks[j + 1].word in self.part_nouns))):
            return None   # "Aleppo's western districts", "the capital's centre": parts of it (entering them enters it)
        if owned and (w in self.item_heads or (w in self.time_words and w not in self.passive_aux | self.adverbs)):
            return j + 1   # "Idlib's last villages" (not "Aleppo's now ...": "is")
        if w in self.soft or w in self.verbs or w in LOCATING_WORDS or w in self.joins_by_first or (
                not toks[j].cap and w.endswith(("ed", "en")) and w not in self.item_heads):   # ("Hama's fallen")
            return None
        if w in _FACILITIES:
            return j + 1   # "the Rastan bridge", "the Homs refinery": the facility, not the town
        if not owned and (w in self.item_heads or w in self.part_nouns or w in self.front_nouns or w in self.road_nouns
                          or w in self.possessed_parts or w in KIND_NOUNS or w in self.object_stops):
            return None
        return j + 1

    def _name(self, toks, k: int) -> int:
        """End index of a capitalised name starting at token ``k`` ("Urum al-Sughra", "al-Harir"), or ``k`` if none."""
        j = k
        if k < len(toks) and (toks[k].start in self.forces_at or self.river(toks, k) or self.held_compound(toks, k)):
            return k   # (a force's name, also in "PKK/YPG-held"; a river, "the east bank of the [Euphrates]")
        if j < len(toks) and toks[j].word in NAME_PARTICLES and j + 1 < len(toks) and toks[j + 1].cap:
            if toks[j + 1].start in self.place_starts:
                return k   # "al-Nayrab" where "Nayrab" is a known place: the place, not a new name
            j += 1
        if not (j < len(toks) and toks[j].cap and toks[j].word.isalpha() and toks[j].word not in self.item_heads):
            return k
        if toks[j].word in self.locative or toks[j].word in self.object_stops or toks[j].word in self.clause_starts \
                or toks[j].word in self.adverbs or toks[j].word in self.time_words:
            return k   # a function word capitalised at the start of a sentence: "Inside Aleppo, ...", "Then Hama fell"
        if j + 1 < len(toks) and toks[j + 1].word in self.compound_adjectives:   # (hyphens are spaces in the fold)
            return k   # "the Ismaili-majority town of Salamiyah": an adjective, no name
        j += 1
        while j < len(toks):
            if toks[j].start in self.forces_at and toks[j].cap:
                return k   # "the Internal Security Forces": the first words of a force's name
            if toks[j].start in self.forces_at or toks[j].start in self.place_starts:
                break
            step = 1 if toks[j].cap and toks[j].word.isalpha() else 2 if (
                toks[j].word in NAME_PARTICLES and j + 1 < len(toks) and toks[j + 1].cap) else 0
            if not step:
                break
            j += step
        return j

    def describing(self, word: str) -> bool:
        """A word of a noun phrase that describes the places listed after it ("the country's three
        biggest cities, A, B and C")."""
        return word in self.item_heads or word in COUNTS or word in _RANKING_WORDS or word.endswith("'s")

    def describes_list(self, toks: Words, k: int) -> bool:
        """From token ``k`` only describing words up to a comma that a place follows."""
        m = k
        while m < len(toks) and self.describing(toks[m].word):
            m += 1
        return k < m and m + 1 < len(toks) and toks[m].word == "," and toks[m + 1].cap

    def past_described(self, toks: Words, item: int, m: int, by_start: Mapping[int, PlaceRef]) -> int:
        """Past a list item's describing words and the comma before its place ("and the provincial capital,
        [Quneitra]"), when the place follows that comma; else ``m``."""
        n = m
        while n < len(toks) and self.describing(toks[n].word) and toks[n].start not in by_start:
            n += 1
        return n + 1 if n > item and n + 1 < len(toks) and toks[n].word == "," and toks[n + 1].start in by_start else m

    def single_place_before(self) -> list[PlaceRef]:
        """The one settlement the sentence before named, if it named exactly one; else none."""
        towns = {m.place_id: PlaceRef(0, 0, m) for m in self.previous_sentence_places if self.settlement(PlaceRef(0, 0, m))}
        return list(towns.values()) if len(towns) == 1 else []

    def road_cut_at(self, toks: Words, targets: list[PlaceRef], places: list[PlaceRef]) -> list[PlaceRef]:
        """The place a road is said to be cut at: "cut the M5 highway near (the town of) [al-Zirbah]", where
        the fight is for that place too; none when the road is not the one target or no place follows near it."""
        e = self.entries.get(targets[0].key.place_id) if len(targets) == 1 and targets[0].key is not None else None
        if e is None or e.kind != "road":
            return []
        k = toks.at(targets[0].end)
        end = min(len(toks), k + ROAD_CUT_REACH)
        at = next((n for n in range(k, end) if toks[n].word in ("near", "at", "outside") or toks[n].word in (",", ";")), None)
        if at is None or toks[at].word in (",", ";"):
            return []
        n = at + 1 + (at + 3 < len(toks) and toks[at + 1].word == "the" and toks[at + 2].word in SETTLEMENT_NOUNS
                      and toks[at + 3].word == "of") * 3
        n += n < len(toks) and toks[n].word == "the"
        return [p for p in places if n < len(toks) and p.start == toks[n].start and p.key is not None][:1]


def in_description(toks: Words, start: int) -> bool:
    """The word at ``start`` stands in a clause that describes a place named before it, opened by a
    comma and "which" or "where" ("Saraqib, which stands where the M5 links Aleppo"), not closed
    by a clause mark before it ("rebels who had entered Hama": no such clause)."""
    k = toks.at(start) - 1
    while k > 0 and toks[k].word not in (",", ";", "(", ")"):
        if toks[k].word in ("which", "where") and toks[k - 1].word == ",":
            return True
        k -= 1
    return False

"""Reading the places before a status phrase: the subject place ("Hama fell"), a place right
before the phrase ("Idlib province under their control") and the scene a sentence opens with."""

from __future__ import annotations

from .places import PlaceReader
from .words import PlaceRef, Words

_LAND = frozenset({"area", "areas", "territory", "region", "villages", "towns", "district", "districts", "sector", "belt"})
RESULT_VERBS = frozenset({"left", "leaves", "leaving", "leave", "kept", "keeps", "keeping", "keep", "put", "puts",
                          "placed", "places", "placing", "brought", "brings", "bringing", "returned", "returning"})
LABEL_BULLETS = frozenset({".", ")", "-", "*", "\u2022", "#"})   # before a list item's label: "1.", "2)", "*"
LABEL_MARKS = frozenset({":", "\u2014", "\u2013", "-", "|"})      # after it
LABEL_KINDS = frozenset({"city", "town", "village"})   # between a label's place and its mark: the same place
LABEL_NOTE_TOKENS = 6   # a label's parenthesis, "(N Hama)", is at most this long
OPENING_PREPOSITIONS = frozenset({"in", "on", "near", "around", "at", "across", "throughout", "outside", "inside"})
OPENING_WORDS = 8   # words of a sentence-opening place phrase ("In the northern Aleppo countryside,")
GAP_REACH = 8   # words from a status phrase to the date of its first place ("fell to the HTS-led rebels on Nov. 30")
BARE_DAYS = frozenset({"today", "yesterday", "tonight", "overnight"})
DATE_OPENERS = frozenset({"on", "in", "by", "early", "late", "overnight", "at", "before", "the", "that"})
_DAY_WORDS = frozenset({"of", "same", "next", "following", "dawn", "dusk", "nightfall", "daybreak", "noon", "midnight",
                        "breakfast", "lunchtime", "lunch", "sunset", "sunrise"})   # "the same night", "by nightfall"


HEDGED_COPULA = frozenset({"remains", "remain", "remained", "still", "too", "reported", "said", "believed", "thought", "to",
                            "be", "seems", "appears"})   # between a place and a hold: "X is reported to be in their hands"
_SUBJECT_JOINS = (("along", "with"), ("together", "with"), ("as", "well", "as"))   # "X fell, along with A"
AMONG_REACH = 5   # words between "among the <noun>" and its participle ("among the places their fighters had taken")
INSERTION_PREPOSITIONS = frozenset({"on", "in", "near", "along", "by", "at", "beside", "off"})
INSERTION_WORDS = 5   # words of a locating insertion that names no place (", on the coast,")


def locating_insertion(toks: Words, close: int) -> int | None:
    """The opening comma of a locating insertion that names no place and ends at the comma ``close``
    ("Latakia and Tartus[, on the coast,] which are still held"), else None."""
    j = close - 1
    while j > 0 and close - j <= INSERTION_WORDS and toks[j].word.isalpha() and not toks[j].cap \
            and toks[j].word not in INSERTION_PREPOSITIONS:
        j -= 1
    if j < 1 or j == close - 1 or toks[j].word not in INSERTION_PREPOSITIONS or toks[j - 1].word != ",":
        return None
    return j - 1


_SUBJECT_KINDS = frozenset({"town", "city", "village", "towns", "cities", "villages"})


class BeforeReader(PlaceReader):
    """The places a status phrase governs that stand before it."""

    def _part_named_before(self, toks: Words, k: int, places: list[PlaceRef], p: PlaceRef) -> PlaceRef:
        """The part ``p`` (at token ``k``) is named as containing: "the Sheikh Maqsoud
        neighbourhood of [Aleppo]" -> Sheikh Maqsoud; else ``p``."""
        part = self._part_before(toks, k, places)
        return part if part is not None and self.inside(part, p) else p

    def subject_places(self, toks: Words, lo: int, i: int, places: list[PlaceRef],
                       unknown: bool = True) -> list[PlaceRef]:
        """The place heading the subject of the clause between tokens ``lo`` and ``i`` ("The
        Kuweires air base east of Aleppo [fell]": the base), with the places listed with it."""
        by_start = {p.start: p for p in places}
        k = self._last_coordinated_clause(toks, lo, i, places)   # "X and Y fall to HTS and [Homs is encircled]"
        k = self._past_opening(toks, k, i)   # "In northern Aleppo, the Tell Refaat area came under ...": not Aleppo
        while k < i:
            t = toks[k]
            if t.start in by_start and (part := self._part_of(toks, by_start[t.start])) is not None:
                k = part   # "Hama's military airport [fell]": the airport, not Hama
                continue
            if t.start in by_start:
                p = by_start[t.start]
                first, nxt = p, self._after(toks, p.end)
            elif unknown and self._name(toks, k) > k and t.word not in self.generic:   # (not "Convoys reached X, under ...")
                end = self._name(toks, k)
                first, nxt = PlaceRef(t.start, toks[end - 1].end, None), end
            else:
                k += 1
                continue
            if self._attributive(toks, k, nxt):
                return []   # "The Idlib province town, at the junction of ..., was taken": the town, named elsewhere
            if k > lo and self.modifies(toks, k, places):
                k = nxt   # "the air base east of Aleppo", "the Citadel of Aleppo": a modifier
                continue
            out = self._list(toks, nxt, places, [first], unknown, subject=True)
            if out[-1].end > toks[i].start:
                return []
            parts = [q.key.place_id for q in out[1:] if q.key is not None]
            if first.key is not None and nxt < len(toks) and toks[nxt].word == "," and parts and all(
                    self.parents.get(pid) == first.key.place_id for pid in parts):
                return out[1:]   # "the neighbourhoods of Aleppo city, Sheikh Maqsoud and Ashrafieh, remain": the parts
            # "Sheikh Maqsoud and Ashrafiyeh, the Kurdish districts of Aleppo, are held": the parts, not the city
            # that locates them ("of" it, after them)
            return [q for n, q in enumerate(out) if not (n and q.key is not None and toks[toks.at(q.start) - 1].word == "of"
                                                         and any(self.parents.get(x.key.place_id) == q.key.place_id
                                                                 for x in out[:n] if x.key is not None))]
        # "Both towns fell", "All seven remain under the control of the army": what the anaphor stands for
        lo = self.past_time(toks, lo + (lo + 1 < i and toks[lo].word == "by" and toks[lo + 1].word in self.time_words))
        # ("By nightfall all three villages were ...")
        opening = self._referred(toks, lo) if lo < i and toks[lo].word in ("both", "all", "the") else None
        return opening if opening and all(p.end <= toks[i].start for p in opening) else []

    def _attributive(self, toks: Words, k: int, nxt: int) -> bool:
        """The place at token ``k`` only qualifies the noun after it, which heads the subject: "The
        Idlib province town, at the junction ..., was taken" (the town, not the province)."""
        return (0 < k and toks[k - 1].word in ("the", "a") and nxt + 1 < len(toks) and toks[nxt].word in _SUBJECT_KINDS
                and (toks[nxt + 1].word == "," or toks[nxt + 1].word in self.passive_aux))

    @staticmethod
    def _past_opening(toks: Words, k: int, i: int) -> int:
        """Past a phrase opening the clause at token ``k`` that only says where ("In northern Aleppo, ...") when a
        comma closes it before the phrase at token ``i``; else ``k``."""
        if k < i and toks[k].word in OPENING_PREPOSITIONS:
            comma = next((n for n in range(k + 1, min(i, k + OPENING_WORDS)) if toks[n].word == ","), None)
            if comma is not None and comma + 1 < i:
                return comma + 1
        return k

    def _last_coordinated_clause(self, toks: Words, lo: int, i: int, places: list[PlaceRef]) -> int:
        """The first token of the last clause joined by "and" before token ``i`` when what stands
        before that "and" is more than a list of places; else ``lo``."""
        j = i - 1
        while j > lo and toks[j].word != "and":
            j -= 1
        if j <= lo or j + 1 >= i:
            return lo
        inside = [any(p.start <= t.start < p.end for p in places) for t in toks[lo:j]]
        comma = next((k for k in range(lo, j) if toks[k].word == ","), j)
        opening = toks[lo].word in OPENING_PREPOSITIONS   # ("On the road to Homs, A and B are captured")
        start = comma + 1 if comma < j and (opening or not any(inside[:comma - lo])) else lo   # ("Within days, A and B")
        listed = all(flag or t.word in (",", "and", "the") or t.word in self.item_heads or t.word in self.time_words
                     for flag, t in zip(inside[start - lo:], toks[start:j]))   # "Today A, B and C are held by"
        if toks[j - 1].word == "," and toks[j + 1].word in ("the", "its", "their") and not listed:
            return j + 1   # "US troops are at the Conoco plant, and the Rmeilan fields are under SDF control"
        head = next((p for p in places if p.start == toks[j + 1].start), None)
        after = self._after(toks, head.end) if head is not None else len(toks)
        if after < len(toks) and toks[after].word == ",":   # "..., and Hama, which X had levelled, fell to HTS"
            closing = next((b for a, b in self.insertions if a == toks[after].start), None)
            after = toks.at(closing) if closing is not None else after
        if after >= len(toks) or not (toks[after].word in self.passive_aux or after == i):
            return lo   # "Tartus and Jableh, has been ...": a list, not a clause of its own
        return lo if listed else j + 1

    def included(self, toks: Words, lo: int, ti: int, te: int, places: list[PlaceRef]) -> list[PlaceRef]:
        """"That pocket is now under SDF control, including A and B": the places a list opened after the
        phrase names, when its subject is a stretch of land with no name."""
        if te + 1 >= len(toks) or toks[te].word != "," or not any(x.word in self.zone_heads or x.word in _LAND
                                                                   for x in toks[lo:ti]):
            return []
        intro = next((n for n in self.list_intros if tuple(x.word for x in toks[te + 1:te + 1 + len(n)]) == n), None)
        return self.objects(toks, te + 1 + len(intro), places) if intro is not None else []

    def gapped(self, toks: Words, te: int, places: list[PlaceRef]) -> list[PlaceRef]:
        """The places that share the status phrase ending before token ``te`` with its subject, each with a date
        of its own: "Aleppo fell to the rebels on Nov. 30, [Hama] on Dec. 5 and [Homs] early on Sunday"; else
        those joined to it after the phrase ("fell to the rebels, along with A and B")."""
        by_start = {p.start: p for p in places}
        k = next((k for k in range(te, min(len(toks), te + GAP_REACH)) if self._dated(toks, k) > k
                  or toks[k].word in (",", ";", ".") or toks[k].start in by_start), len(toks))
        k = self._dated(toks, k) if k < len(toks) else k
        if k < len(toks) and toks[k].start in by_start and k > te and toks[k - 1].word in (",", "and"):
            # "fell within days and Hama on Thursday": back to the join
            k -= 1 + (k - 2 > te and toks[k - 2].word == "," and toks[k - 1].word == "and")
        out: list[PlaceRef] = []
        while k < len(toks) and toks[k].word in (",", "and"):
            items = self._gapped_items(toks, k, by_start)   # "..., Rastan and Talbiseh on Friday"
            after = self._after(toks, items[-1].end) if items else k
            if not items or self._dated(toks, after) == after:
                break
            out += items
            k = self._dated(toks, after)
        return out or self.joined_after(toks, te, places)

    def joined_after(self, toks: Words, te: int, places: list[PlaceRef]) -> list[PlaceRef]:
        """The places a subject's phrase joins to it after the phrase and its agent: "Base 46 fell to the rebels,
        along with A and B"; not past another place or the sentence's end."""
        starts = {p.start for p in places}
        for k in range(te, min(len(toks), te + GAP_REACH)):
            if toks[k].word in (";", ".") or toks[k].start in starts:
                return []
            j = k + (toks[k].word == ",")
            join = next((n for n in _SUBJECT_JOINS if tuple(x.word for x in toks[j:j + len(n)]) == n), None)
            if join is not None:
                return self.objects(toks, j + len(join), places)
        return []

    def _gapped_items(self, toks: Words, k: int, by_start: dict[int, PlaceRef]) -> list[PlaceRef]:
        """The places listed after the join at token ``k`` ("and A", ", A and B"), up to what follows them."""
        items: list[PlaceRef] = []
        while k < len(toks) and toks[k].word in (",", "and"):
            m = k + 1 + (toks[k].word == "," and k + 1 < len(toks) and toks[k + 1].word == "and")
            m += m + 1 < len(toks) and toks[m].word == "the" and toks[m + 1].start in by_start   # ("and the X airbase")
            p = by_start.get(toks[m].start) if m < len(toks) else None
            if p is None:
                break
            items.append(p)
            k = self._after(toks, p.end)
        return items

    def _dated(self, toks: Words, k: int) -> int:
        """Past a date or time of day from token ``k`` ("on Dec. 5", "early on Sunday", "in the early hours of
        Sunday") to a list's join or the clause's end; else ``k``."""
        if k < len(toks) and toks[k].word in BARE_DAYS:   # "Saraqib fell on Friday and Maarat al-Numan [today]"
            return k + 1 if k + 1 == len(toks) or toks[k + 1].word in (",", "and", ";", ".") else k
        if k >= len(toks) or toks[k].word not in DATE_OPENERS:
            return k
        j = k + 1
        while j < len(toks) and (toks[j].word in self.time_words or toks[j].word.isdigit() or toks[j].word in _DAY_WORDS
                                 or (toks[j].word in (".", "-") and toks[j].start == toks[j - 1].end)):
            j += 1
        timed = any(x.word not in DATE_OPENERS and x.word not in ("the", "of", ".", "-") for x in toks[k + 1:j])
        return j if timed and (j == len(toks) or toks[j].word in (",", "and", ";", ".")) else k

    def listed_before(self, toks: Words, i: int, places: list[PlaceRef]) -> list[PlaceRef]:
        """"listed A, B and C among the villages taken": the list before "among the <noun>"
        that a participle at token ``i`` describes."""
        # (or a few words later: "among the places their fighters had taken")
        j = next((j for j in range(i - 3, max(-1, i - 3 - AMONG_REACH), -1) if toks[j].word == "among"), -1)
        if j < 0 or toks[j + 1].word not in ("the", "those") or toks[j + 2].word not in self.item_heads:
            return []
        if j + 3 < i and any(t.word in (",", ";") or t.start in self.place_starts for t in toks[j + 3:i]):
            return []
        return self._list_ending(toks, toks[j].start, places)

    def near_before(self, toks: Words, i: int, places: list[PlaceRef]) -> list[PlaceRef]:
        """A place, or the list of places, right before token ``i`` (only auxiliaries and adverbs
        between): "Idlib province under their control", "Aleppo was largely in the hands of"."""
        before = [p for p in places if p.end <= toks[i].start]
        if not before:
            return []
        p = before[-1]
        gap = toks.between(p.end, toks[i].start)
        if len(gap) <= 5 and all(t.word in self.soft or t.word in HEDGED_COPULA for t in gap) \
                or [t.word for t in gap] == [","]:   # ("passed al-Bab, under SNA control"; "X too is reported to be in ...")
            part = self._part_named_before(toks, toks.at(p.start), places, p)
            listed = self._list_ending(toks, p.end, places) if part is p else []
            k = toks.at(listed[0].start) - 1 if listed else -1
            k -= k > 0 and toks[k].word == "the"
            # "left A, B and C under regime control": all three (the object of a verb leaving them so)
            return listed if len(listed) > 1 and k >= 0 and toks[k].word in RESULT_VERBS else [part]
        words = [t.word for t in gap]
        if 3 <= len(words) <= 5 and words[0] == "," and words[1] in ("a", "an", "another", "the") \
                and all(w.isalpha() and w not in self.object_stops for w in words[2:]):
            return [p]   # "Manbij, another district under the group's occupation"
        return []

    def apposed(self, toks: Words, i: int, places: list[PlaceRef]) -> list[PlaceRef]:
        """The place, or the list of places, right before the comma at token ``i`` - 1 that a
        phrase in apposition describes ("..., and advancing on al-Sanamayn, the last
        government-held town": al-Sanamayn; "A and B, two opposition-held towns": both)."""
        if i < 1 or toks[i - 1].word != ",":
            return []
        opening = locating_insertion(toks, i - 1)   # "Latakia and Tartus, on the coast, which are still held by"
        listed = self._list_ending(toks, toks[i - 1 if opening is None else opening].start, places)
        k = toks.at(listed[0].start) - 1 if listed else -1
        # "hostages from X, held by ...": not X (but "In Tabqa, a city run by the SDF, ...", opening the sentence)
        return [] if k > 0 and toks[k].word in ("from", "in") or k == 0 and toks[k].word == "from" else listed

    def _list_ending(self, toks: Words, end: int, places: list[PlaceRef]) -> list[PlaceRef]:
        """The place that ends right at ``end``, with the places listed before it ("A, B and C")."""
        before = [p for p in places if p.end <= end]
        if not before or toks.between(before[-1].end, end):
            return []
        out = [before[-1]]
        for p in reversed(before[:-1]):   # back along the list while only joins stand between
            if tuple(t.word for t in toks.between(p.end, out[-1].start)) not in self.list_joins:
                break
            out.append(p)
        return out[::-1]

    def label(self, toks: Words, places: list[PlaceRef]) -> list[PlaceRef]:
        """The place a list item or ticker line is about, named as its label ("1. Damascus —
        opposition forces in control of the capital", "Hmeimim: Russian forces still inside the base", "Daraa
        and As-Suwayda: local armed groups in control", "Hims city: ...")."""
        k = 0
        while k < len(toks) and (toks[k].word.isdigit() or toks[k].word in LABEL_BULLETS):
            k += 1
        by_start = {p.start: p for p in places if p.key is not None}
        out: list[PlaceRef] = []
        while k < len(toks) and toks[k].start in by_start:   # "Daraa and As-Suwayda:"
            out.append(by_start[toks[k].start])
            k = toks.at(out[-1].end)
            while k < len(toks) and toks[k].word in LABEL_KINDS:
                k += 1   # "Hims city:" (not "Hama countryside": another place than Hama)
            if k < len(toks) and toks[k].word == "(":   # "Souran (N Hama) |": a note on where it is
                close = next((j for j in range(k + 1, min(len(toks), k + LABEL_NOTE_TOKENS)) if toks[j].word == ")"), None)
                k = close + 1 if close is not None else k
            if k + 1 < len(toks) and toks[k].word in ("and", ","):
                k += 1
        return out if out and k < len(toks) and toks[k].word in LABEL_MARKS and toks[k - 1].word not in ("and", ",") \
            else []

    def scene(self, toks: Words, places: list[PlaceRef], ti: int, regions: bool = True) -> list[PlaceRef]:
        """The place of a sentence-opening locative ("On the Saraqib axis, ...", "Near Hama, ..."):
        where the events of the sentence happen, when the phrase at token ``ti`` comes after it."""
        if not toks or toks[0].word not in ("in", "on", "near", "around", "at", "outside", "inside"):
            return []
        comma = next((k for k, t in enumerate(toks[:15]) if t.word in (",", ";")), None)
        if comma is None or comma >= ti or toks[comma].word != "," or any(t.word == ";" for t in toks[comma:ti]):
            return []
        inside = [p for p in places if p.end <= toks[comma].start and p.key is not None]
        # (gains: "In the Idlib countryside, the factions took the junction": no claim on the province)
        return [p for p in inside[:1] if regions or self.settlement(p)]

    def only_locates(self, near: list[PlaceRef], subject: list[PlaceRef], toks: Words, places: list[PlaceRef]) -> bool:
        """The place nearest before a phrase only locates its subject: "Sheikh Maqsoud and Ashrafiyeh in
        [Aleppo] remain under ...", "The road between Saraqib and [Ariha] is under ..."."""
        if not near or near[0] in subject:
            return False
        k = toks.at(near[0].start)
        return (bool(subject) and toks[max(0, k - 1)].word == "in") or (
            k > 0 and toks[k - 1].word in ("and", "between") and self.modifies(toks, k, places))

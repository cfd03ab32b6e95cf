"""Reading the places of a clause: the object of a status phrase, lists, the subject place."""

from __future__ import annotations

from .parts import RIVER_SIDES, SETTLEMENT_NOUNS, PartReader, in_description
from .words import COUNTS, PlaceRef, Words, carried, counted_list, people_between, skip_number

MAX_PARENT_DEPTH = 8  # parent links followed up from an entry (a cycle in a hostile gazetteer ends here)
POSSESSED_REACH = 4        # words from "X's" to the part it names ("Hama's northern and western countryside")
LIST_INSERTION_REACH = 6   # words of an insertion between a list's "and" and its next item
LOCATOR_WORDS = 4          # words of a phrase locating a list item ("on the Syrian-Iraqi border")
ZONE_PREPOSITIONS = frozenset({"on", "in", "at", "inside", "along", "across"})   # "the zone on X", "positions in X"
UNNAMED_ITEM_WORDS = 4   # words of a list item that names no place ("the governorate building")
APPELLATIVES = frozenset({"known", "called", "dubbed", "named", "nicknamed"})   # "the region known as X"
LIST_MARKS = frozenset({"-", "\u2013", "\u2014", ":"})   # open a list after a plural place noun
LATER_LIST_WORDS = 20   # words between a plural place noun and the list it announces
_TAKING = frozenset({"entered", "took", "seized", "captured", "stormed", "overran", "occupied"})   # "took it": the town before
COLON_REACH = 30   # words from a counted object ("seven villages") to the colon opening its list


class PlaceReader(PartReader):
    """Which places a status phrase governs: its object, the list it opens, or its subject."""

    def objects(self, toks: Words, i: int, places: list[PlaceRef], max_gap: int = 8,
                unknown: bool = True, noun: bool = False, where: bool = False) -> list[PlaceRef]:
        """Places governed by the phrase ending before token ``i``: the first place after it, across object
        words only, and the places listed with it; capitalised names the gazetteer lacks, there, as PlaceRefs
        whose key is the name. ``noun``: a preposition may open the object ("a withdrawal from X"); ``where``:
        the place may follow "in", "on", "at", "near" ("repelled attacks in X")."""
        by_start = {p.start: p for p in places}
        out: list[PlaceRef] = []
        k, gap = self._object_begins(toks, i, noun), 0
        if not noun and not where:
            k = self._past_unnamed_first(toks, k, places, by_start)
        while k < len(toks) and gap <= max_gap:
            t = toks[k]
            if t.start in by_start and (part := self._part_of(toks, by_start[t.start], fronts=not where)) is not None:
                k = part   # "the Hama suburb of Qamhana": Qamhana
                continue
            if t.start in by_start:   # (not after "," or "and", opening a clause: "... took the airport, Manbij was quiet")
                if k > i and toks[k - 1].word in (",", "and") and self.own_clause(toks, by_start[t.start]):
                    return []
                return self._list(toks, self._after(toks, by_start[t.start].end), places, [by_start[t.start]], unknown)
            if gap <= 1 and (referred := self._referred(toks, k)) is not None:   # (not "freed the prisoners held there")
                return referred
            if t.start in self.forces_at and self._past_owner(toks, k) is None:   # ("the areas it held in X, including A")
                return self._later_list(toks, i, k, places, unknown)
            if t.word in self.directions and k + 1 < len(toks) and toks[k + 1].word == "of":
                return self._later_list(toks, i, k, places, unknown)   # "villages north of X, including A"
            if t.word in RIVER_SIDES and i < k < len(toks) - 3 and self.river(toks, k + 3):   # "villages on the bank of X, A ..."
                k, gap = k + 4, gap + 1
                continue
            adjective = t.cap and k + 2 < len(toks) and toks[k + 1].word in self.item_heads and toks[k + 1].word[-1:] == "s" \
                and toks[k + 2].word == "of"   # ("the Shi'ite towns of", not "the Ashrafieh district of")
            name_end = self._name(toks, k) if unknown and not adjective else k
            if name_end > k:
                out.append(PlaceRef(toks[k].start, toks[name_end - 1].end, None))
                return self._list(toks, name_end, places, out, unknown)
            listed = self._list_opened(toks, i, k) if k > i else None
            if listed is not None:
                k, gap = listed, 0   # "several areas, chief among them A and B", "villages including A"
                continue
            if t.word == "," and k > i and all(self.describing(x.word) for x in toks[i:k]) and not (
                    k + 1 < len(toks) and toks[k + 1].word.endswith("ing")):   # (not ", taking X": a clause of its own)
                k += 1   # "took the provincial capital, Deir ez-Zor"
                join = next((j for j in self.joins_by_first.get(toks[k].word if k < len(toks) else "", ())
                             if tuple(x.word for x in toks[k:k + len(j)]) == j and j[0] not in (",", "and")), None)
                k += len(join) if join else 0   # "controls the capital, as well as Latakia and Tartus"
                continue
            co = self._coordinated_place(toks, k, by_start) if t.word == "and" and k > i else None
            if co is not None and not self.own_clause(toks, co):   # "seized several checkpoints and the town of X"
                return self._list(toks, self._after(toks, co.end), places, [co], unknown)
            if (located := self._object_start(toks, i, k, by_start, unknown, where)) is not None:
                k, gap = located, gap + 1
                continue
            if t.word in self.object_stops or not (t.word.isalnum() or "'" in t.word):
                return self._later_list(toks, i, k, places, unknown)
            compound = k + 1 < len(toks) and toks[k + 1].word in self.compound_adjectives
            if t.cap and t.word not in self.item_heads and not adjective and not compound:
                return []   # (but "the Ismaili-majority town of X" reads on)
            k += 1
            gap += 1
        return []

    def _past_unnamed_first(self, toks: Words, k: int, places: list[PlaceRef], by_start) -> int:
        """Past a first item naming no place before a list of places ("seizing government buildings, the airport and X")."""
        first = self._unnamed_item(toks, k, by_start, bare=True)
        nxt = next((p for p in places if first is not None and p.start >= toks[first].end), None)
        if first is None or toks[first].word != "," or nxt is None:
            return k
        after = toks.at(nxt.end)
        return first + 1 if after >= len(toks) or toks[after].word in (",", "and", ".", ";") else k

    def _object_begins(self, toks: Words, k: int, noun: bool) -> int:
        """Where the object of a phrase ending before token ``k`` may begin."""
        while noun and k < len(toks) and toks[k].word in ('"', "\u201d", "'", "\u2019"):
            k += 1   # 'a "redeployment" out of Hama'
        if noun and k + 1 < len(toks) and toks[k].word == "out" and toks[k + 1].word == "of":
            k += 2
        elif noun and k < len(toks) and toks[k].word in ("in", "from", "of", "at", "around", "near", "outside"):
            k += 1   # "a withdrawal in Aleppo", "its pullback from Aleppo", "a redeployment outside Hama"
        if 0 < k + 1 < len(toks) and toks[k - 1].word == "in" and toks[k].word == "and" and toks[k + 1].word == "around":
            k += 2   # "fighting continued in and around X"
        if not noun:
            k = self.past_time(toks, k)   # "seized on Friday the town of X", "took in one week A and B"
        if k < len(toks) and toks[k].word.endswith("'s") and self.describes_list(toks, k + 1):
            k += 1   # "Syria's three biggest cities, A, B and C": the cities
        ahead = [x.word for x in toks[k:k + COLON_REACH]]
        counted = bool(ahead) and (ahead[0] in COUNTS or ahead[0] in ("several", "dozens") or ahead[:2] == ["the", "following"])
        colon = next((n for n, w in enumerate(ahead) if w in (":", ";", ".")), None)
        if ("following" in ahead[:4] or counted) and colon is not None and ahead[colon] == ":" \
                and k + colon + 1 < len(toks) and (toks[k + colon + 1].cap or toks[k + colon + 1].word == "("):
            k = skip_number(toks, k + colon + 1)   # "the following areas ...: (1) A, (2) B", "seven villages on ...: A, B"
        return k

    def _past_owner(self, toks, k: int) -> int | None:
        """Past the force named from token ``k`` when it only owns the object ("the army's 46th Regiment",
        "the rebels' stronghold"); None when the force is no owner."""
        run = k
        while run + 1 < len(toks) and toks[run + 1].start in self.forces_at:
            run += 1
        if toks[run].word.endswith("'s") or (run + 1 < len(toks) and toks[run + 1].word == "'"):
            return run + 1
        if run + 1 < len(toks) and toks[run + 1].word in self.zone_heads:
            return run + 1   # "regime positions in X"
        of = next((j for j in range(k - 1, max(0, k - 4), -1) if toks[j].word == "of"), None)
        if of and toks[of - 1].word in self.zone_heads and run + 1 < len(toks) and toks[run + 1].word in ZONE_PREPOSITIONS:
            return run + 2   # "the positions of the former regime in X"
        return None

    def _object_start(self, toks, i: int, k: int, by_start: dict[int, PlaceRef], unknown: bool,
                      where: bool) -> int | None:
        """Where to read on for the object when token ``k`` only owns, locates or names what comes after it:
        "[the army's] 46th Regiment", "the buffer zone [on] the Golan Heights", "positions [in] Aleppo" (not
        "checkpoints on the road linking X"), "the region [known as] Shahba", with ``where`` any "in"...; else None."""
        t = toks[k]
        if (seat := self.river_seat(toks, k, by_start)) is not None:
            return seat   # a river's bank, then where on it: "on the east bank of the Euphrates in [Khasham]"
        if (held := self.held_compound(toks, k)) is not None:
            return held   # a force's name in a compound: "closes in on [PKK/YPG-held] Tel Rifaat"
        if t.start in self.forces_at:
            return self._past_owner(toks, k)
        if where and t.word in ("in", "on", "at", "near", "around", "outside"):
            return k + 1
        if k > i and t.word in APPELLATIVES:   # "known as X", "known locally as X"
            adverb = k + 2 < len(toks) and toks[k + 1].word.endswith("ly") and toks[k + 2].word == "as"
            return k + 3 if adverb else k + 2 if k + 1 < len(toks) and toks[k + 1].word == "as" else k + 1
        if not (k > i and t.word in ZONE_PREPOSITIONS and toks[k - 1].word in self.zone_heads):
            return None
        j = k + 3 if [x.word for x in toks[k + 1:k + 3]] == ["and", "around"] else k + 1   # "positions in and around X"
        while j < len(toks) and toks[j].start not in by_start and toks[j].word in self.item_heads:
            j += 1
        if j < len(toks) and (toks[j].start in by_start or (unknown and self._name(toks, j) > j)):
            return j
        return None

    def _referred(self, toks, k: int) -> list[PlaceRef] | None:
        """The places a place anaphor at token ``k`` stands for: "there" the place the sentence is about ("remain
        deployed there"); "both towns", "them" the last claim's places; None with no anaphor (or nothing it names)."""
        anaphor = next((a for a in self.place_anaphors if tuple(x.word for x in toks[k:k + len(a)]) == a), None)
        if anaphor is not None and k + len(anaphor) < len(toks) and toks[k + len(anaphor)].word in ("of", "at"):
            return None   # "the neighbourhood of New Aleppo" names it
        if anaphor in (("there",), ("it",)):   # "overran it": the sentence's place before it ("there": else the last claim's)
            before = [p for p in self.sentence_places if p.end <= toks[k].start and p.key is not None]
            heads = [p for p in before if not self.modifies(toks, toks.at(p.start), self.sentence_places)]
            if anaphor == ("it",):   # (no place before it: "Masyaf ... . Rebels entered it", the one town before)
                main = [p for p in before if not in_description(toks, p.start)]   # (not "X, which ... links Aleppo": X)
                last = ([p for p in heads if p in main] or main or heads or before)[-1:]   # ("X, a town near Y": X)
                return [self.apposed_head(toks, last[0], self.sentence_places) or last[0]] if last else (
                    self.single_place_before() if k and toks[k - 1].word in _TAKING else [])
            return (heads or before)[-1:] or [PlaceRef(0, 0, m) for m in self.there_places]
        count = COUNTS.get(anaphor[-1]) if anaphor is not None else None
        if anaphor is not None and self.previous_places and count in (None, len(self.previous_places)) and not (
                anaphor == ("them",) and people_between(toks, self.previous_places[-1].end, toks[k].start, self)):
            return list(self.previous_places)   # (but "displaced Kurds ... to take them east": the people)
        # "... Rastan and Talbiseh ...; took both": the list of that many places
        return (counted_list(toks, self.sentence_places, toks[k].start, count, self.list_joins)
                or carried(toks, k, len(anaphor), count, self.discourse_places) or None) if count and anaphor else None

    def _coordinated_place(self, toks, k: int, by_start: dict[int, PlaceRef]) -> PlaceRef | None:
        """The place right after the "and" at token ``k`` (past "the town of")."""
        m = k + 1
        while m < len(toks) and toks[m].start not in by_start and self._item_word(toks, m):
            m += 1
        return by_start.get(toks[m].start) if m < len(toks) else None

    def _item_word(self, toks, m: int) -> bool:
        """Token ``m`` heads a list item before its place ("and the naval facility in Tartus")."""
        return toks[m].word in self.item_heads or toks[m].word in self.zone_heads or (
            toks[m].word in ZONE_PREPOSITIONS and toks[m - 1].word in self.zone_heads) or self.item_adjective(toks, m)

    def _later_list(self, toks, i: int, k: int, places, unknown: bool) -> list[PlaceRef]:
        """"took over seven villages on the east bank, including A, B": a plural place noun's list a little further on."""
        if not any(x.word in self.item_heads for x in toks[i:k]):
            return []
        for m in range(k, min(len(toks), k + LATER_LIST_WORDS)):
            w = toks[m].word
            if w in ("that", "which") and m + 1 < len(toks) and toks[m + 1].word in ("includes", "include", "included"):
                return self.objects(toks, m + 2, places, unknown=unknown)   # "a strip of territory that includes A, B"
            if w in ("that", "which") or w == "since" and m + 1 < len(toks) and (
                    toks[m + 1].word in self.time_words or toks[m + 1].word.isdigit()):
                continue   # "seven villages that had been held by regime forces - A, B, C"; "32 villages since Wednesday, ..."
            if w in (";", ".") or w in self.clause_starts or w in self.verbs:
                return []
            if (w == "," or w in LIST_MARKS) and m + 1 < len(toks):
                intro = next((n for n in self.list_intros
                              if tuple(x.word for x in toks[m + 1:m + 1 + len(n)]) == n), None)
                if intro is not None:   # "..., including A, B", "... - including A, B -"
                    return self.objects(toks, m + 1 + len(intro), places, unknown=unknown)
                if w in LIST_MARKS:   # "held seven villages on the east bank: A, B and C"
                    return self.objects(toks, m + 1, places, unknown=unknown)
        return []

    def _skip_locator(self, toks, k: int, by_start) -> int:
        """Past a phrase locating the item just listed ("area west of Manbij", "to its north")."""
        j = k
        while j < len(toks) and toks[j].word in self.item_heads and toks[j].word not in ("the", "of"):
            j += 1
        if j + 2 < len(toks) and toks[j].word in self.directions and toks[j + 1].word == "of":
            n = j + 3 if toks[j + 2].word == "the" and j + 3 < len(toks) and toks[j + 3].cap else j + 2
            # ("west of Manbij", "east of the Euphrates": a place, or a name the gazetteer lacks)
            after = toks.at(by_start[toks[n].start].end) if toks[n].start in by_start else self._name(toks, n)
            return after if n < after < len(toks) and toks[after].word in ("and", ",") else k
        if j + 2 < len(toks) and toks[j].word == "to" and toks[j + 1].word in ("its", "the") \
                and toks[j + 2].word in self.directions:
            after = j + 3
            return after if after < len(toks) and toks[after].word in ("and", ",") else k
        if j > k and j < len(toks) and toks[j].word in ("and", ","):
            return j   # "Deir Ezzor city and Albu Kamal": the item's kind word, then the list goes on
        if j + 3 < len(toks) and toks[j].word == "between" and toks[j + 1].start in by_start:
            a = toks.at(by_start[toks[j + 1].start].end)   # "the stretch of the M5 between Hama and Homs, including ..."
            b = by_start.get(toks[a + 1].start) if a + 1 < len(toks) and toks[a].word == "and" else None
            after = toks.at(b.end) if b is not None else k
            return after if b is not None and after < len(toks) and toks[after].word == "," else k
        if j + 1 < len(toks) and toks[j].word in ("on", "near", "along") and toks[j + 1].word == "the":
            for n in range(j + 2, min(len(toks) - 1, j + 2 + LOCATOR_WORDS)):   # "on the Syrian-Iraqi border"
                if toks[n].start in by_start or toks[n].word in ("and", ","):
                    break
                if toks[n].word in self.locator_nouns and toks[n + 1].word in ("and", ","):
                    return n + 1
        return k

    def _list_opened(self, toks, i: int, k: int) -> int | None:
        """Where the list starts when token ``k`` (a comma, or the word itself) opens it with an introducer after
        object words only ("several areas, among them", "villages including")."""
        if not all(x.word in self.item_heads or x.word.isalpha() and not x.cap and x.word not in self.object_stops
                   for x in toks[i:k]):
            return None
        if toks[k].word in LIST_MARKS and any(x.word in self.item_heads and x.word.endswith("s") for x in toks[i:k]):
            return k + 1   # "entered four villages - A, B and C -", "seized several towns: A and B"
        lead = k + 1 if toks[k].word == "," else k
        intro = next((n for n in self.list_intros if tuple(x.word for x in toks[lead:lead + len(n)]) == n), None)
        return lead + len(intro) if intro is not None else None

    def _part_of(self, toks, p: PlaceRef, fronts: bool = False) -> int | None:
        """Where to read on when ``p`` only names a part of another place ("the Hama suburb of [Qamhana]"), or past a
        part of ``p`` ("Hama's airport"), a road ("the Homs-Hama [road]") or, with ``fronts``, a front ("the Hama front")."""
        j = self._after(toks, p.end)
        if fronts and j < len(toks) and toks[j].word in self.front_nouns:
            return j + 1
        nxt = next((q for q in self.sentence_places if j < len(toks) and q.start == toks[j].start), None)
        road = self._after(toks, nxt.end) if nxt is not None else j
        if j > 0 and road < len(toks) and toks[road].word in self.road_nouns and not toks[j - 1].word.endswith("'s"):
            return road   # no claim about the places a road is named after
        n = j + (j + 1 < len(toks) and toks[j].word == "countryside" and toks[j + 1].word in SETTLEMENT_NOUNS)
        if n + 2 < len(toks) and (toks[n].word in self.part_nouns or toks[n].word in SETTLEMENT_NOUNS) \
                and toks[n + 1].word == "of":
            m = n + 2 + (n + 3 < len(toks) and toks[n + 2].word in self.directions)   # ("of northern Aleppo")
            outer = next((q for q in self.sentence_places if q.start == toks[m].start), None)
            if outer is not None and self.inside(p, outer):
                return None   # "the Sheikh Maqsoud neighbourhood of Aleppo": Sheikh Maqsoud
            return n + 2   # ("the Homs countryside village of [X]")
        if (j < len(toks) and toks[j].word == "'" and j > 0 and toks[j - 1].word.endswith("s")
                and sum(1 for x in toks[:j] if x.word == "'") % 2 == 0):   # (not the close of "'captured Homs'")
            j += 1   # "Homs' northern approaches": the apostrophe alone is a token
            possessive = True
        else:
            possessive = j > 0 and toks[j - 1].word.endswith("'s")   # "Hama's airport"
        if possessive and j < len(toks) and toks[j].start in self.place_starts:
            return j   # "Aleppo's Sheikh Maqsoud district": Sheikh Maqsoud
        named = self.named_parts(toks, j) if possessive else None
        if named is not None:
            return named   # "Aleppo's western districts of New Aleppo and Hamdaniya": the districts named
        if possessive:
            part = next((k for k in range(j, min(len(toks), j + POSSESSED_REACH))
                         if toks[k].word in self.possessed_parts), None)
            if part is not None:
                return part + 1   # read on after the part: "Hama's countryside, including A and B"
        if possessive or (toks[max(0, toks.at(p.start) - 1)].word == "the" and self.settlement(p)):
            return self.thing_after(toks, j, possessive)   # "Hama's water station", "the Homs oil refinery": not Hama, Homs
        return None

    def _after(self, toks, pos: int) -> int:
        return toks.at(pos)

    def inside(self, p: PlaceRef, q: PlaceRef) -> bool:
        """``p``'s gazetteer entry lies within ``q``'s (``q`` is its parent, or the parent's ...)."""
        if p.key is None or q.key is None:
            return False
        pid, outer = p.key.place_id, q.key.place_id
        for _ in range(MAX_PARENT_DEPTH):
            pid = self.parents.get(pid, "")
            if not pid or pid == outer:
                return pid == outer
        return False

    def _list(self, toks, k: int, places, out: list[PlaceRef], unknown: bool, subject: bool = False) -> list[PlaceRef]:
        """Extend ``out`` with the items coordinated after token ``k`` (``subject``: a list before its verb)."""
        by_start = {p.start: p for p in places}
        while k < len(toks):
            k = self.past_seat(toks, self._skip_locator(toks, k, by_start), by_start, out[-1])   # ("base in Latakia province")
            k = self.past_apposition(toks, self.skip_time(toks, k), by_start)
            join = next((j for j in self.joins_by_first.get(toks[k].word, ()) if k < len(toks)
                         if tuple(t.word for t in toks[k:k + len(j)]) == j), None)
            if join is None:
                break
            m = item = self.past_repeat(toks, skip_number(toks, k + len(join)))
            if m < len(toks) and toks[m].word == ",":   # "Tal Rifaat and, after a five-day battle, Manbij"
                close = next((n for n in range(m + 1, min(len(toks), m + 2 + LIST_INSERTION_REACH))
                              if toks[n].word == ","), None)
                if close is not None and not any(toks[n].start in by_start for n in range(m + 1, close)):
                    m = close + 1
            while m < len(toks) and toks[m].start not in by_start and self._item_word(toks, m):
                m += 1
            m = self.past_described(toks, item, m, by_start)   # ("and the provincial capital, Quneitra")
            if m < len(toks) and toks[m].start in by_start and self.describes(toks, item, m, by_start[toks[m].start], join):
                k = toks.at(by_start[toks[m].start].end)   # "X, the largest town of [the Idlib countryside]": no item
                continue
            if m < len(toks) and toks[m].start in by_start:
                p = by_start[toks[m].start]
                if not subject and self.own_clause(toks, p):
                    break   # "seized Hama and Homs is next", "took X and Hama fell": a clause of its own
                a = toks.at(p.end)   # "took X, and in Quneitra, local groups ...": a scene of its own
                if join[0] == "," and join[-1] in ("in", "at", "on") and a + 1 < len(toks) and toks[a].word == "," \
                        and toks[a + 1].start not in by_start:
                    break
                part = self._part_of(toks, p)   # "and the Aleppo district of [Sheikh Maqsoud]"
                if part is not None and part < len(toks) and toks[part].start in by_start:
                    p = by_start[toks[part].start]
                elif part is not None and toks[self._after(toks, p.end) - 1].word.endswith("'s"):
                    k = part   # "and Aleppo's international airport": no claim about Aleppo
                    continue
                out.append(p)
                k = self._after(toks, p.end)
                continue
            end = self._name(toks, m) if unknown else m
            if end > m and not (end < len(toks) and toks[end].word in self.verbs):   # "..., and the Observatory said"
                out.append(PlaceRef(toks[m].start, toks[end - 1].end, None))
                k = end
                continue
            skipped = self._unnamed_item(toks, item, by_start) if join[0] == "," else None
            if skipped is not None:
                k = skipped   # "the Citadel, the governorate building and the airport": past the building
                continue
            break
        return out

    def _unnamed_item(self, toks, m: int, by_start, bare: bool = False) -> int | None:
        """The join after a list item that names no place ("the governorate building"): a few lowercase
        words, then "," or "and" before a place; else None. ``bare``: with no determiner ("government buildings")."""
        if m >= len(toks) or (toks[m].word not in ("the", "a", "an", "its", "their") and not bare):
            return None   # a noun phrase ("the governorate building"), not a verb ("met little resistance")
        n = m
        while n < len(toks) and n - m < UNNAMED_ITEM_WORDS and toks[n].word.isalpha() and not toks[n].cap \
                and toks[n].word not in self.object_stops and toks[n].word not in self.verbs:
            n += 1
        if n == m or n >= len(toks) or toks[n].word not in (",", "and"):
            return None
        after = n + 1
        while after < len(toks) and toks[after].start not in by_start and self._item_word(toks, after):
            after += 1
        return n if after < len(toks) and toks[after].start in by_start else None

    def modifies(self, toks: Words, k: int, places: list[PlaceRef]) -> bool:
        """The place at token ``k`` sits in a phrase that locates something else ("east of X",
        "in X", "the Citadel of X", "the north of X"); "parts of X", "control of X" do not."""
        j = k - 1
        while j > 0 and (toks[j].word == "the" or (toks[j].word.endswith("ern") and toks[j].word in self.directions)):
            j -= 1   # ("towns on the M5", "in southern Idlib")
        if j < 0:
            return False
        prev = toks[j]
        if prev.word == "and" and j > 0:   # "the road between Saraqib and [Ariha]"
            first = next((p for p in places if p.end == toks[j - 1].end), None)
            return first is not None and toks.at(first.start) > 0 and toks[toks.at(first.start) - 1].word == "between"
        if prev.word not in self.locative:
            return False
        if prev.word != "of":
            return True
        if j < 1:
            return False
        head = toks[j - 1]
        if head.word in self.part_nouns:   # "the Sheikh Maqsoud neighbourhood of [Aleppo]"
            part = self._part_before(toks, k, places)
            here = next((p for p in places if p.start == toks[k].start), None)
            if part is not None and here is not None and self.inside(part, here):
                return True
        return head.cap or head.word in self.directions or head.word in ("direction", "directions") or any(
            p.start <= head.start < p.end for p in places)   # ("from the direction of X")

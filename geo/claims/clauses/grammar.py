"""The grammar word lists of claims.toml [grammar] and actors.toml [anaphora], compiled once."""

from __future__ import annotations

from collections.abc import Mapping

from .words import COUNTS, TOKEN, PlaceRef, Words

DASHES = frozenset({"\u2014", "\u2013", "-"})
DASH_INSERTION_WORDS = 15   # words of an insertion between two dashes ("Hama — Syria's fourth city — fell")
_APPOSITION_OPENERS = frozenset({"the", "a", "an", "held", "controlled", "run", "home", "known", "long"})
APPOSITION_REACH = 14   # words of an apposition describing a list item (", a town at the junction of the M4 and M5 highways,")
_WHEN_WORDS = frozenset({"on", "late", "early", "in", "at", "by", "last", "this", "the"})   # around a time phrase
_DAY_ORDINALS = frozenset({"same", "next", "following", "previous", "day", "night", "morning", "evening"})   # "the same day"
TIME_TOKENS = 5                       # a time phrase between a verb and its object is at most this long
# past participles whose object is where the force stood, in a relative clause ("the troops who (had) manned X left")
GUARDED = frozenset({"guarded", "defended", "protected", "manned", "garrisoned", "held", "ran", "run", "controlled"})
_TIME_FILLERS = frozenset({"a", "one", "two", "three", "few", "days", "weeks", "hours", "single"})
MEDIA_SPEAKERS = frozenset({"media", "television", "tv", "agency", "newspaper", "newspapers", "outlets", "press",
                            "broadcaster", "channel", "channels", "radio", "daily", "website"})   # not who "they" are
CONTINUED = "continued"   # right_after_its_verb: after "and that", going on with what a speaker says
MEDIUM = "medium"         # right_after_its_verb: after a medium's verb ("rebel channels said their fighters")
# words a status phrase may open with that locate rather than start a clause ("A and B [on the edge of] the city")
LOCATING_WORDS = frozenset({"on", "at", "in", "near", "around", "inside", "outside", "within", "under", "from", "to", "into"})


TIME_PREPOSITIONS = frozenset({"since", "until", "before", "after"})   # before a date they open no clause
DATE_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                        "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "yesterday", "today", "tonight", "dawn", "midnight", "noon", "daybreak", "nightfall",
                        "morning", "afternoon", "evening", "night"})
PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "'d"})   # "have since occupied": "since" is no clause word there
# a list item that repeats its verb's preposition, after a time word ("withdrew from A, then from B, and today from C")
REPEAT_ADVERBS = frozenset({"then", "later", "today", "yesterday", "tonight", "now", "finally", "next", "again",
                            "eventually", "afterwards", "subsequently"})
REPEATED_PREPOSITIONS = frozenset({"from", "into", "onto", "to"})

class Grammar:
    """The grammar word lists, compiled once; the per-sentence facts the readers consult."""

    principal_of: dict[str, str] = {}   # backer -> the force it fights for (set by vocabulary.py)
    entries: Mapping = {}   # the gazetteer's entries, by id (set by extract.py): their kinds
    previous_sentence_places: tuple = ()   # the places the sentence before named, for "it" (set by extract.py)
    cited_sources: frozenset[str] = frozenset()   # reporting.label_sources, as tokens (set by vocabulary.py)

    def __init__(self, grammar: dict, anaphora: dict, reporting_verbs, denials, negations):
        g = {k: frozenset(v) for k, v in grammar.items() if k != "list_joins"}
        self.passive_aux = g["passive_aux"]
        self.adverbs = g["adverbs"]
        self.object_stops = g["object_stops"]
        self.zone_heads = frozenset(g["zone_heads"])
        self.not_agent_after = g["not_agent_after"]
        self.clause_starts = g["clause_starts"]
        self.item_heads, self.part_nouns = g["item_heads"], g["part_nouns"]
        self.possessed_parts = g["possessed_parts"]
        self.front_nouns, self.road_nouns = g["front_nouns"], g.get("road_nouns", frozenset())
        self.locative = g["locative"]
        self.subordinators = g["subordinators"]
        self.shared_place_subordinators = frozenset(g["shared_place_subordinators"])
        self.relatives = g["relatives"]
        self.subjectless_after = g["subjectless_after"]
        self.subject_gap = g["subject_gap"]
        self.people = frozenset(g["people"])   # no force: "residents fled"
        self.quantities, self.insertion_openers = g["quantities"], g["insertion_openers"]
        self.speakers_own, self.compound_adjectives = g["speakers_own"], g["compound_adjectives"]
        self.list_intros = [tuple(x.split()) for x in grammar["list_intros"]]
        self.place_anaphors = [tuple(x.split()) for x in grammar["place_anaphors"]]
        self.previous_places: tuple[PlaceRef, ...] = ()   # the places of the sentence's last claim, for "both towns"
        self.discourse_places: tuple = ()   # the mentions of the last sentence's main claim, for "All three ..."
        self.there_places: tuple = ()   # ... that "there" may stand for (not a place only come near)
        self.sentence_places: list[PlaceRef] = []   # the places of the sentence being read
        self.place_starts: frozenset[int] = frozenset()   # where they start
        self.parents: Mapping[str, str] = {}   # gazetteer entry id -> its parent's id, per gazetteer
        self.own_army_sides: frozenset[str] = frozenset()   # sides whose "the army" is their own
        self.enemy_of: dict[str, str] = {}   # side -> whom it means by "the terrorists" (actors.toml "enemy")
        self.proxy_of: dict[str, str] = {}   # state -> the force its "mercenary factions" are (actors.toml "proxy")
        self.noun_adjectives: dict[str, str] = {}   # one-word force adjective -> actor ("Iranian")
        self.enemy_words_of: dict[str, frozenset[str]] = {}   # side -> the hostile words that name that enemy
        self.allies_of: dict[str, frozenset[str]] = {}   # actor -> its allies (actors.toml "allies", both ways)
        self.army_words: frozenset[str] = frozenset()
        self.organisations: frozenset[tuple[str, ...]] = frozenset()   # organisations.txt, as token words
        self.organisation_words = 0   # the most words of one
        self.directions, self.locator_nouns = g["directions"], g["locator_nouns"]
        self.list_joins = [tuple(j.split()) if j not in (",", "&") else (j,) for j in grammar["list_joins"]]
        self.list_joins = [tuple(w for part in j for w in TOKEN.findall(part)) for j in self.list_joins]
        self.list_joins.sort(key=len, reverse=True)
        self.joins_by_first: dict[str, list[tuple[str, ...]]] = {}
        for j in self.list_joins:
            self.joins_by_first.setdefault(j[0], []).append(j)
        self._read_anaphora(anaphora)
        self.verbs = frozenset(w for v in reporting_verbs for w in [v] if " " not in v)
        self.denials = frozenset(d for d in denials if " " not in d)
        self.denial_phrases = [tuple(d.split()) for d in denials if " " in d]   # "no truth"
        self.denial_ends = frozenset(p[-1] for p in self.denial_phrases)
        self.report_nouns: frozenset[str] = frozenset()
        self.denied_after: list[tuple[str, ...]] = []
        self.negations = [tuple(n.split()) for n in negations]
        self.negation_words = frozenset(n[0] for n in self.negations)
        self.time_words = frozenset(anaphora["time_words"])
        self.soft = self.passive_aux | self.adverbs | self.time_words | PERFECT_AUX
        self.common_names = self.common_heads = frozenset[str]()   # common-noun actor names, their last words
        # insertions between commas in the clause clause_start last read: (start, end) in the sentence
        self.insertions: list[tuple[int, int]] = []
        # per sentence: token starts inside a force's name; where the status phrases start
        self.forces_at = self.trigger_starts = frozenset[int]()

    def _read_anaphora(self, anaphora: dict) -> None:
        """The words of actors.toml [anaphora]: general nouns, determiners, pronouns, links."""
        self.generic = frozenset(anaphora["nouns"])
        self.hostile_words = frozenset(anaphora["hostile_words"])
        self.determiners = {d: n for n, ds in (("sg", anaphora["singular_determiners"]),
                                                ("pl", anaphora["plural_determiners"]),
                                                ("any", anaphora["determiners"]),
                                                ("head", anaphora["weak_determiners"]),
                                                ("own", anaphora["own_determiners"])) for d in ds}
        self.pronouns = {p: n for n, ps in (("sg", anaphora["singular_pronouns"]),
                                             ("pl", anaphora["plural_pronouns"]),
                                             ("own", anaphora["own_pronouns"]),
                                             *((p.split()[-1], [p]) for p in anaphora.get("order_pronouns", []))) for p in ps}
        self.modifier_links = [tuple(x.split()) for x in anaphora["modifier_links"]]
        self.identity_links = frozenset(anaphora["identity_links"])
        self.owned_only = frozenset(anaphora["owned_only"])
        self.owned_heads = frozenset(w.replace("-", " ").split()[-1] for w in anaphora["owned_only"])   # (counter-attack)
        self.modified_nouns = frozenset(anaphora["modified_nouns"])
        self.sponsor_links = frozenset(tuple(x.split()) for x in anaphora.get("sponsor_links", []))

    def time_word(self, w: str) -> bool:
        """``w`` may be part of a time phrase opening a clause ("on 1 December", "since last weekend")."""
        return w in self.time_words or w in DATE_WORDS or w in TIME_PREPOSITIONS or w.isdigit() or w in _TIME_GLUE

    def clause_word(self, toks: Words, j: int, i: int) -> bool:
        """Token ``j`` opens a clause: not "since" after "have", nor before a date ("held since 2011")."""
        w, nxt = toks[j].word, toks[j + 1].word if j + 1 < i else ""
        return w in self.clause_starts and not (j > 0 and toks[j - 1].word in PERFECT_AUX) and not (
            w in TIME_PREPOSITIONS and (nxt.isdigit() or nxt in DATE_WORDS))

    def modifier(self, toks: Words, a) -> bool:
        """The force phrase ``a`` only modifies the noun after it ("government positions"), or
        sponsors the force before it ("a coalition armed by Turkey")."""
        k, i = toks.at(a.end), toks.at(a.start)
        return (k < len(toks) and toks[k].word in self.modified_nouns) or (
            i >= 2 and (toks[i - 2].word, toks[i - 1].word) in self.sponsor_links)

    @staticmethod
    def past_repeat(toks: Words, k: int) -> int:
        """Past a list item's time word and repeated preposition ("..., [then from] Hama, [and today from] Rastan")."""
        j = k
        while j < len(toks) and toks[j].word in REPEAT_ADVERBS:
            j += 1
        return j + 1 if j < len(toks) and toks[j].word in REPEATED_PREPOSITIONS else k

    def skip_time(self, toks: Words, k: int) -> int:
        """Past the date of an item when the list goes on ("Aleppo on 30 November, Hama ...")."""
        if k + 2 < len(toks) and toks[k].word in ("the", "that") and toks[k + 1].word in _DAY_ORDINALS:
            j = k + 2 + (toks[k + 2].word in ("day", "night", "morning", "evening"))   # "... A the same day and B"
            return j if j < len(toks) and toks[j].word in self.joins_by_first else k
        if not (k < len(toks) and toks[k].word in ("on", "late", "early")):
            return k
        j = k + 1
        while j < len(toks) and (toks[j].word in self.time_words or toks[j].word.isdigit()
                                 or (toks[j].word in (".", "-") and j > k + 1 and toks[j].start == toks[j - 1].end)):
            j += 1   # ("on Nov. 29-30": an abbreviation's dot, a range's dash)
        return j if j > k + 1 and j < len(toks) and toks[j].word in self.joins_by_first else k

    def sponsored(self, toks: Words, prev, h, gap: list) -> str | None:
        """The proxy of the state named by ``h`` when the force noun ``prev`` before it is that state's
        client ("factions backed by Turkey", "the factions that Ankara finances", actors.toml ``proxy``)."""
        if prev.kind != "generic" or h.kind != "name" or h.actor not in self.proxy_of:
            return None
        words, k = tuple(t.word for t in gap), toks.at(h.end)
        if words in self.sponsor_links or (words in ((), ("that",), ("which",)) and k < len(toks)
                                           and toks[k].word in _SPONSOR_VERBS):
            return self.proxy_of[h.actor]
        return None

    def ally_of(self, link: tuple[str, ...], h) -> str | None:
        """The force a phrase joined by ``link`` to the force phrase ``h`` fights for, when the link is an
        allegiance ("fighters loyal to Assad", "factions allied with Turkey": a state's proxy), else None."""
        if link in _ALLEGIANCE and h.kind == "name" and h.actor:
            return self.proxy_of.get(h.actor, h.actor)
        return None

    def past_seat(self, toks: Words, k: int, by_start: Mapping[int, PlaceRef], item: PlaceRef) -> int:
        """Past "in <place> [province]" locating the list item ``item`` when it is no settlement and the list
        goes on: "the Hmeimim air base in Latakia province and the Tartus naval base"; else ``k``."""
        if self.settlement(item) or k + 1 >= len(toks) or toks[k].word not in ("in", "near") \
                or toks[k + 1].start not in by_start:
            return k
        j = toks.at(by_start[toks[k + 1].start].end)
        j += j < len(toks) and toks[j].word in ("province", "governorate", "city", "countryside")
        return j if j < len(toks) and toks[j].word in ("and", ",") else k

    def dash_pair(self, toks: Words, j: int) -> int | None:
        """The dash opening an insertion that the spaced dash at token ``j`` closes ("Hama — Syria's fourth city —
        fell"): the same dash a few words before, with no verb, status phrase or clause mark between; else None."""
        if j == 0 or toks[j].start == toks[j - 1].end:
            return None
        for k in range(j - 1, max(0, j - DASH_INSERTION_WORDS) - 1, -1):
            t = toks[k]
            if t.word == toks[j].word:
                return k if k > 0 and t.start > toks[k - 1].end else None
            if t.word in (";", ":", "(", ")") or t.word in self.verbs or t.start in self.trigger_starts:
                return None
        return None

    def item_adjective(self, toks: Words, m: int) -> bool:
        """Token ``m`` is an adjective after an article or a force's possessive right before a list item's place ("and
        the sprawling Base 46", "and the army's 46th Regiment base"; not "the hill overlooking Hama")."""
        t = toks[m]
        if m + 1 >= len(toks) or toks[m + 1].start not in self.place_starts:
            return False
        if t.start in self.forces_at:
            return t.word.endswith("'s")
        return toks[m - 1].word in ("the", "a", "an") and t.word.isalpha() and not t.cap and t.word not in self.verbs \
            and t.word not in self.object_stops and t.word not in self.soft and t.start not in self.trigger_starts

    def settlement(self, p: PlaceRef) -> bool:
        """``p`` names a city, town, village or district: "the Homs oil refinery" is no part of its name (as
        "the Kuweires military airport" is of an airbase's)."""
        e = self.entries.get(p.key.place_id) if p.key is not None else None
        return e is not None and e.kind in _SETTLEMENTS

    def past_apposition(self, toks: Words, k: int, by_start: Mapping[int, PlaceRef]) -> int:
        """Past an apposition describing the list item before the comma at token ``k`` when the list goes on
        after it: "Daraa, the cradle of the uprising, and Sweida"; ", a town at the junction ..., as well as".
        Else ``k``: no verb or status phrase may stand in it, and after "and" a place must follow as an item."""
        if not (k + 1 < len(toks) and toks[k].word == "," and toks[k + 1].word in _APPOSITION_OPENERS):
            return k   # (", held by Kurdish forces since 2016, and X": a participle describing the item too)
        n = next((n for n in range(k + 2, min(len(toks), k + 2 + APPOSITION_REACH)) if toks[n].word in (",", ";", ".")),
                 len(toks))
        if n + 1 >= len(toks) or toks[n].word != "," or any(
                x.word in self.verbs or x.start in self.trigger_starts for x in toks[k + 2:n]):
            return k
        if toks[n + 1].word in ("as", "along", "together"):
            return n
        m = n + 2
        while m < len(toks) and toks[m].start not in by_start and toks[m].word in self.item_heads:
            m += 1
        if toks[n + 1].word != "and" or m >= len(toks) or toks[m].start not in by_start:
            return k
        a = toks.at(by_start[toks[m].start].end)   # an item, not a clause's subject ("and Hama came under shelling")
        return n if a >= len(toks) or toks[a].word in (",", ".", ";", "and", "on", "in", "as") else k

    def past_time(self, toks, k: int) -> int:
        """Past a time phrase between a verb and its object ("on Friday", "in one week", "last
        night"): at most ``TIME_TOKENS`` time words (``anaphora.time_words``), numbers and
        "a"/"one", one of them more than a preposition or an article; else ``k``."""
        j = k
        while j < len(toks) and j - k < TIME_TOKENS and (toks[j].word in self.time_words or toks[j].word.isdigit()
                                                          or toks[j].word in _TIME_FILLERS):
            j += 1
        timed = any(x.word not in _TIME_FILLERS and x.word not in ("on", "in", "the", "this", "last", "within", "late",
                                                                    "early")
                    for x in toks[k:j])
        return j if timed and j < len(toks) and toks[j].word not in ("and", ",", "of") else k

    def people_subject(self, gap: list) -> bool:
        """People head the subject of a phrase: a people word in ``gap`` (the tokens before the
        phrase) with only an insertion and soft words after it ("100,000 people, most of them
        Kurds, have")."""
        for k in (n for n, t in enumerate(gap) if t.word in self.people):
            rest = [t.word for t in gap[k + 1:]]
            if rest[:1] and rest[0] in ("from", "of", "in") and "," in rest:
                rest = rest[rest.index(","):]   # "families from Sheikh Maqsoud, which ..., left"
            if rest[:1] == [","] and "," in rest[1:]:
                rest = rest[len(rest) - rest[::-1].index(","):]
            if all(w in self.soft for w in rest):
                return True
        return False

    def right_after_its_verb(self, toks: Words, start: int) -> bool | str:
        """The anaphor at ``start`` follows the reporting verb that introduces it ("says its
        fighters", "said that its units"): it stands for the speaker, not for a force of an
        earlier sentence; ``CONTINUED`` after "..., and that its units", ``MEDIUM`` after a medium's verb."""
        k = toks.at(start)
        if k < len(toks) and toks[k].start == start and toks[k].word not in self.speakers_own:
            k -= 1
            if k < 0 or toks[k].word not in self.speakers_own:   # the hit may start at its noun ("fighters")
                return False
        k -= 1
        while k > 0 and (toks[k].word in self.time_words or toks[k].word.isdigit()) and toks[k].word != "that":
            k -= 1   # "said on Saturday their fighters"
        if k >= 0 and toks[k].word == "that":
            k -= 1
            if k >= 0 and toks[k].word == "and":   # "says the army has left X, and that its units have entered"
                return CONTINUED if any(t.word in self.verbs for t in toks[:k]) else False
            while k > 0 and (toks[k].word in self.time_words or toks[k].word.isdigit() or toks[k].word in _WHEN_WORDS):
                k -= 1   # "said late on 4 December that their fighters"
        return k >= 0 and toks[k].word in self.verbs and (MEDIUM if k >= 1 and toks[k - 1].word in MEDIA_SPEAKERS else True)

    def clause_between(self, span: list) -> bool:
        """A semicolon or a relative pronoun in ``span`` (not the "that" of "and that", a reported clause going on)."""
        return any(x.word == ";" or (x.word in self.relatives and not (x.word == "that" and n and span[n - 1].word == "and"))
                   for n, x in enumerate(span))

    def after_media(self, toks: Words, start: int) -> bool:
        """The pronoun at ``start`` follows a medium's reporting verb ("Turkish state media reported they had
        taken X"): it does not stand for the medium or the side it speaks for."""
        k = toks.at(start) - 1
        while k > 0 and (toks[k].word in self.time_words or toks[k].word == "that"):
            k -= 1
        return k >= 1 and toks[k].word in self.verbs and toks[k - 1].word in MEDIA_SPEAKERS

    def pronoun_use(self, toks: Words, end: int) -> bool:
        """"the latter" at a phrase ending at ``end`` stands alone ("the latter took X", "the latter's"), no adjective."""
        a = toks.at(end)
        return a >= len(toks) or toks[a].word in (",", ";", ".", ":", ")", "'s") or toks[a].word in self.soft \
            or toks[a].start in self.trigger_starts or toks[a].word.endswith("ed")

    @staticmethod
    def insertion_opener(toks: Words, start: int) -> str | None:
        """The word after the comma that opens the insertion the phrase at ``start`` stands in (None: no
        comma before it in its clause)."""
        k = toks.at(start) - 1
        while k >= 0 and toks[k].word not in (",", ";"):
            k -= 1
        return toks[k + 1].word if k >= 0 and toks[k].word == "," and k + 1 < len(toks) else None

    def cited_source(self, toks: Words, h) -> bool:
        """The force phrase ``h`` is a news source cited in brackets ("falls to the opposition (Anadolu)"),
        not another name of the force before it."""
        return " ".join(t.word for t in toks.between(h.start, h.end)) in self.cited_sources

    def apposed_name(self, toks: Words, a, actors) -> bool:
        """The force name ``a`` stands in apposition to the force phrase right before its comma ("a US-backed
        opposition group, the Syrian Free Army,"): it names that force."""
        k = toks.at(a.start)
        k -= k > 0 and toks[k - 1].word == "the"
        return a.kind == "name" and bool(a.actor) and k > 1 and toks[k - 1].word == "," and any(
            h.end == toks[k - 2].end for h in actors)

    def in_relative_insertion(self, toks: Words, start: int, pos: int) -> bool:
        """The phrase at ``start`` sits in ", who/whom/which ...," closed before ``pos`` ("The insurgents,
        whom state media call terrorists, seized X": state media seized nothing)."""
        return self.insertion_opener(toks, start) in ("who", "whom", "which", "whose") and any(
            t.word == "," for t in toks.between(start, pos))

    def own_clause(self, toks: Words, p: PlaceRef) -> bool:
        """A verb right after ``p`` makes it the subject of a clause of its own ("Homs is next")."""
        a = toks.at(p.end)
        return a < len(toks) and (toks[a].word in self.passive_aux or toks[a].word in self.verbs or (
            toks[a].start in self.trigger_starts and toks[a].word not in LOCATING_WORDS))

    def describes(self, toks: Words, item: int, m: int, p: PlaceRef, join: tuple[str, ...]) -> bool:
        """Tokens ``item``..``m`` (before the place ``p`` at ``m``, after ``join``) are an apposition describing
        the place before their comma, not a list item: "Maarat al-Numan, the largest town of the southern Idlib
        countryside" (a ranking word, then a place noun and "of"/"in"); "X, the Quneitra provincial centre," (the
        place an adjective of the noun after it)."""
        a = toks.at(p.end)
        if join == (",",) and toks[item].word == "the" and item + 1 == m and a < len(toks) and (
                toks[a].word in self.item_heads or toks[a].word in KIND_NOUNS or toks[a].word in _RANKING):
            return True
        words = [t.word for t in toks[item:m]]
        if join == (",",) and len(words) == 3 and words[0] in COUNTS and words[1] in self.part_nouns and words[2] in ("of", "in"):
            return True   # "al-Furqan and Jamiliyah, two neighbourhoods of Aleppo": where they lie
        if len(words) < 3 or words[0] not in ("the", "a", "an"):
            return False
        k = next((n for n, w in enumerate(words) if w in KIND_NOUNS), None)
        if k is None or k + 1 >= len(words) or words[k + 1] not in ("of", "in"):
            return False
        return k <= 2 if words[0] != "the" else (words[k] in _PART_KINDS or any(   # "X, a suburb of Y"; "X, the capital of Y"
            w in _RANKING or (w.endswith("est") and len(w) > 4) for w in words[1:k]))   # ("X, the Kurdish district of Y")


_RANKING = frozenset({"main", "only", "last", "first", "second", "third", "principal", "chief", "provincial"})
_TIME_GLUE = frozenset({"on", "in", "by", "at", "last", "this", "that", "early", "late", "the", ",", "weekend", "morning",
                        "evening", "night", "afternoon", "week", "day"})
_SPONSOR_VERBS = frozenset({"backs", "backed", "supports", "supported", "arms", "armed", "funds", "funded", "finances",
                            "financed", "sponsors", "sponsored", "pays", "paid", "trains", "trained", "equips", "equipped"})
_ALLEGIANCE = frozenset({("loyal", "to"), ("allied", "with"), ("allied", "to"), ("aligned", "with")})
_SETTLEMENTS = frozenset({"city", "town", "village", "area"})
_PART_KINDS = frozenset({"capital", "district", "neighbourhood", "neighborhood", "quarter", "suburb"})
KIND_NOUNS = frozenset({"town", "city", "village", "district", "stronghold", "hub", "capital", "base", "airport", "suburb",
                         "neighbourhood", "neighborhood", "quarter", "centre", "center"})


_RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where"})


def in_relative(toks: Words, start: int) -> bool:
    """The word at ``start`` stands in a relative clause that no clause mark closes before it
    ("Aleppo, except Sheikh Maqsoud, which remains in the hands of Kurdish forces")."""
    k = toks.at(start) - 1
    while k >= 0 and toks[k].word not in (",", ";", "(", ")"):
        if toks[k].word in _RELATIVE_WORDS:
            return True
        k -= 1
    return False


def past_insertion(toks: Words, m: int, reach: int) -> int:
    """The token after an insertion between commas that starts at token ``m`` and closes within
    ``reach`` words ("is, in its words, fake news"; "lost Nubl and al-Zahraa, two Shiite towns north
    of Aleppo, to the rebels"), else ``m``."""
    if m < len(toks) and toks[m].word == ",":
        for x in range(m + 1, min(len(toks), m + 1 + reach)):
            if toks[x].word == ",":
                return x + 1
    return m

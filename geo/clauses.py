"""Reading one sentence for control claims: its words, the forces it names, and the arguments of
each status phrase (who does it, to which places), by small rules over words.

No parser and no model: the rules read a clause the way a careful reader of wire copy does.

- The **agent** of an active phrase is the force in subject position: the force right before it
  (auxiliaries, adverbs and time words may stand between: "the SNA on Sunday took"); a phrase with
  no subject of its own ("..., capturing", "and took", "before advancing into") shares the subject
  of the phrase before it, or of the sentence. A force after "against", "from", "with", "by" ...
  is never the subject. Passive phrases ("X was captured by Y", "X fell to Y") take the force after
  "by"/"to". "Its units", "the same factions", "they" are the force last named (number agreeing).
- The **places** of a phrase are the object after it ("took control of the town of X"), up to a
  word that starts something else ("seized the airport east of Aleppo": Aleppo only locates the
  airport), with lists expanded ("the villages of A, B, C and D"); in the passive, the subject
  before it ("The air base east of Aleppo fell": the base, not Aleppo); in a relative clause, the
  place it describes ("Tal Rifaat, which it seized").
- Capitalised names in those positions that the gazetteer lacks are returned too, so a user can
  add them and see the claim.

All word lists come from the vocabulary files (claims.toml [grammar], actors.toml [anaphora]).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

_TOKEN = re.compile(r"\w+(?:'\w+)*|[^\w\s]")
_QUOTES = {'"', "\u201c", "\u201d", "\u00ab", "\u00bb"}   # read through: 'entered "large parts" of X'
_DASH = re.compile(r"(?<=\s)[\u2013\u2014\u2015-]{1,2}(?=\s)|--")
_NAME_PARTICLES = {"al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "ed", "es", "et",
                   "bin", "ibn", "um", "umm", "abu", "bani", "beni"}


class Token(NamedTuple):
    start: int
    end: int
    word: str      # folded (lower case, no diacritics)
    cap: bool      # written with a capital letter


class ActorHit(NamedTuple):
    start: int
    end: int
    actor: str | None   # actor id, or None for a force to be found from context
    kind: str           # "name" | "generic" (a noun with a default) | "anaphor" (resolve first)
    plural: bool
    number: str = ""    # "sg"/"pl" when a pronoun or determiner fixes it ("its units": sg)
    head: str = ""      # the phrase's last word ("factions"), to find what "the factions" refers to


class PlaceRef(NamedTuple):
    start: int
    end: int
    key: object         # the mention, or the unknown name as written


class Words(list):
    """A sentence's tokens, with their start offsets for finding a token by position."""

    def __init__(self, tokens):
        super().__init__(tokens)
        self.starts = [t.start for t in tokens]

    def at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos`` (``len`` when none)."""
        return bisect_left(self.starts, pos)

    def between(self, a: int, b: int) -> list[Token]:
        """The tokens starting in [a, b)."""
        return self[bisect_left(self.starts, a):bisect_left(self.starts, b)]


def tokenize(text: str, norm: str) -> Words:
    """Word and punctuation tokens of ``norm`` (offsets shared with ``text``); dashes that
    separate clauses ("Hama – the army said") are kept as the token "—"."""
    make = tuple.__new__   # a NamedTuple without its Python-level __new__: this runs per word
    out = [make(Token, (a, b, w, text[a].isupper()))
           for (a, b), w in ((m.span(), m.group()) for m in _TOKEN.finditer(norm)) if w not in _QUOTES]
    dashes = [Token(m.start(), m.end(), "\u2014", False) for m in _DASH.finditer(text)]
    if dashes:
        out = sorted(out + dashes, key=lambda t: t.start)
    return Words(out)


class Reader:
    """The grammar word lists, compiled once."""

    def __init__(self, grammar: dict, anaphora: dict, reporting_verbs, denials, negations):
        g = {k: frozenset(v) for k, v in grammar.items() if k != "list_joins"}
        self.passive_aux = g["passive_aux"]
        self.adverbs = g["adverbs"]
        self.object_stops = g["object_stops"]
        self.not_agent_after = g["not_agent_after"]
        self.clause_starts = g["clause_starts"]
        self.item_heads = g["item_heads"]
        self.locative = g["locative"]
        self.subordinators = g["subordinators"]
        self.relatives = g["relatives"]
        self.subjectless_after = g["subjectless_after"]
        self.list_intros = [tuple(x.split()) for x in grammar["list_intros"]]
        self.place_anaphors = [tuple(x.split()) for x in grammar["place_anaphors"]]
        self.previous_places: tuple = ()   # the places of the sentence's last claim, for "both towns"
        self.sentence_places: list = []    # the places of the sentence being read
        self.place_starts: frozenset[int] = frozenset()   # where they start
        self.directions = g["directions"]
        self.list_joins = [tuple(j.split()) if j not in (",", "&") else (j,) for j in grammar["list_joins"]]
        self.list_joins = [tuple(w for part in j for w in _TOKEN.findall(part)) for j in self.list_joins]
        self.list_joins.sort(key=len, reverse=True)
        self.joins_by_first: dict[str, list[tuple[str, ...]]] = {}
        for j in self.list_joins:
            self.joins_by_first.setdefault(j[0], []).append(j)
        self.generic = frozenset(anaphora["nouns"])
        self.determiners = {d: n for n, ds in (("sg", anaphora["singular_determiners"]),
                                                ("pl", anaphora["plural_determiners"]),
                                                ("any", anaphora["determiners"]),
                                                ("head", anaphora["weak_determiners"]),
                                                ("own", anaphora["own_determiners"])) for d in ds}
        self.pronouns = {p: n for n, ps in (("sg", anaphora["singular_pronouns"]),
                                             ("pl", anaphora["plural_pronouns"])) for p in ps}
        self.modifier_links = [tuple(x.split()) for x in anaphora["modifier_links"]]
        self.verbs = frozenset(w for v in reporting_verbs for w in [v] if " " not in v)
        self.denials = frozenset(denials)
        self.negations = [tuple(n.split()) for n in negations]
        self.negation_words = frozenset(n[0] for n in self.negations)
        self.time_words = frozenset(anaphora["time_words"])
        self.soft = self.passive_aux | self.adverbs | self.time_words | {"has", "have", "had"}
        self.forces_at: frozenset[int] = frozenset()   # token starts inside a force's name, per sentence

    # Forces ---------------------------------------------------------------------------------

    def actor_phrases(self, toks: list[Token], raw_hits) -> list[ActorHit]:
        """Actor names found in the sentence (``raw_hits``: (start, end, actor id, word)) read as
        noun phrases: adjacent names are one phrase whose force is the first specific one
        ("Turkish-backed mercenary factions", "PKK/YPG terrorists"); "factions of the SNA"
        and "fighters led by HTS" are that force; "its units", "the same factions", "they"
        are anaphors."""
        hits: list[ActorHit] = []
        for start, end, aid, word in raw_hits:
            last = word.split()[-1]
            j = toks.at(end) - 1   # the name's last word: a capitalised one is a proper noun ("Damascus", "SDF")
            proper = 0 <= j < len(toks) and toks[j].cap
            plural = (not proper and last.endswith("s") and len(last) > 3) or last in ("forces", "militiamen")
            if word in self.pronouns:
                hits.append(ActorHit(start, end, None, "anaphor", self.pronouns[word] == "pl", self.pronouns[word]))
                continue
            kind = "generic" if word in self.generic else "name"
            number = ""
            i = toks.at(start)
            if i < len(toks) and toks[i].start == start:
                det = self._determiner(toks, i)
                if det == "own" or (det is not None and kind == "generic"):
                    kind, number = "anaphor", det   # "its units", "the same factions", "our forces"
            hits.append(ActorHit(start, end, aid, kind, plural, number, last))
        return self._merge(toks, hits)

    def _determiner(self, toks, i) -> str | None:
        for n in (2, 1):
            if i - n >= 0:
                phrase = " ".join(t.word for t in toks[i - n:i])
                if phrase in self.determiners:
                    return self.determiners[phrase]
        return None

    def _merge(self, toks, hits: list[ActorHit]) -> list[ActorHit]:
        out: list[ActorHit] = []
        for h in hits:
            if out:
                prev = out[-1]
                gap = toks.between(prev.end, h.start)
                # one adjective at most between them ("Turkish-backed mercenary factions"); a verb
                # or an article starts another phrase ("regime forces pushed the factions")
                adjacent = (not gap or h.kind != "name") and len(gap) <= 1 and all(
                                                 t.word.isalpha() and t.word not in self.not_agent_after
                                                 and t.word not in self.clause_starts and t.word not in self.verbs
                                                 and t.word not in ("the", "a", "an")
                                                 and (t.cap or not t.word.endswith(("ed", "ing")))
                                                 for t in gap)
                bracket = [t.word for t in gap] in (["("], ["(", "the"])
                link = tuple(t.word for t in gap if t.word != "the") in self.modifier_links
                if adjacent or bracket or link:
                    out[-1] = self._join(prev, h, modifier_first=not link)
                    continue
            out.append(h)
        return out

    @staticmethod
    def _join(a: ActorHit, b: ActorHit, modifier_first: bool) -> ActorHit:
        """One phrase from two adjacent names; the specific name decides the force."""
        head = b  # the noun of the phrase gives its number
        order = (b, a) if modifier_first else (a, b)   # the head noun decides between two names
        force = next((h for h in order if h.kind == "name"), None)
        if force is None:
            force = next((h for h in order if h.kind == "generic"), order[0])
        kind = force.kind if force.kind == "name" else (a.kind if a.kind == "anaphor" else force.kind)
        return ActorHit(a.start, b.end, force.actor, kind, head.plural, a.number or b.number, head.head)

    # Positions ------------------------------------------------------------------------------

    def blocked(self, toks: list[Token], i: int) -> bool:
        """The phrase starting at token ``i`` follows a preposition that makes it not an agent
        ("against the Assad regime", "seized from the SDF"). Looks back over articles, names and
        participles ("the allied", "the Assad"), at most three words; a time phrase ("On Thursday
        the rebels") or a verb ("to halt insurgents") in between means the preposition governs
        something else."""
        k = i - 1
        while k >= 0 and i - k <= 4:
            t = toks[k]
            if t.word in self.not_agent_after:
                return True
            if not (t.word in ("the", "a", "an", "its", "their", "his", "her") or t.word.endswith("ed")
                    or (t.cap and t.word not in self.time_words)):
                return False
            k -= 1
        return False

    def clause_start(self, toks: list[Token], i: int) -> int:
        """Index of the first token of the clause holding token ``i``: after the last
        semicolon, colon, dash, bracket, clause word ("that", "which", "while") or reporting verb."""
        j = i - 1
        while j >= 0:
            w = toks[j].word
            if w == ")":   # a bracket closed before: skip over it ("the SNA (Turkish-backed) took")
                while j >= 0 and toks[j].word != "(":
                    j -= 1
            elif w in (";", ":", "\u2014", "(", '"', "\u201c", "\u201d") or w in self.clause_starts or w in self.verbs:
                return j + 1
            j -= 1
        return 0

    def negated(self, toks: list[Token], lo: int, hi: int) -> bool:
        """A negation between tokens ``lo`` and ``hi`` of one clause ("had not captured",
        "no fighters had entered")."""
        words = [t.word for t in toks[lo:hi]]
        if not self.negation_words.intersection(words):
            return False
        for neg in self.negations:
            n = len(neg)
            if any(tuple(words[k:k + n]) == neg for k in range(len(words) - n + 1)):
                return True
        return False

    def denied(self, toks: list[Token], i: int) -> bool:
        """The phrase at token ``i`` sits in what a denial governs ("denied reports that the
        rebels had taken X", "dismissed rumours of a withdrawal from X"): a denial word before
        it in the sentence with no semicolon between."""
        for k in range(i - 1, -1, -1):
            t = toks[k]
            if t.word == ";" or (t.word in self.verbs and t.word not in self.denials and k > 0
                                 and toks[k - 1].word in (",", "and")):
                return False   # a new statement (", stressing that", "and said") ends the denial
            if t.word in self.denials:
                return True
        return False

    def subjectless(self, toks: list[Token], i: int) -> bool:
        """Token ``i`` (a status phrase) has no subject of its own: it follows a comma, "and",
        "then", "before"/"after" (+ -ing), "to" (infinitive), or opens the sentence."""
        j = i - 1
        while j >= 0 and toks[j].word in self.soft:
            j -= 1
        if j < 0:
            return True
        return toks[j].word in self.subjectless_after

    def subject(self, toks: list[Token], i: int, actors: list[ActorHit], lo: int) -> ActorHit | None:
        """The force right before token ``i`` in subject position, back to token ``lo``: only
        auxiliaries, adverbs, negations, time words and a bracket may stand between."""
        pos = toks[i].start
        skip: set[int] = set()   # tokens of forces after a preposition ("insurgents led by HTS had entered")
        for a in reversed([a for a in actors if a.end <= pos and a.start >= toks[lo].start if lo < len(toks)]):
            gap = [t for t in toks.between(a.end, pos) if t.start not in skip]
            commas = [k for k, t in enumerate(gap) if t.word == ","]
            if len(commas) >= 2 and commas[0] == 0 and len(gap) <= 20:
                gap = gap[commas[-1] + 1:]   # "terrorist groups, backed by X, had entered"
            ok = all(t.word in self.soft or t.word in ("(", ")", ",", "not", "no", "never", "managed", "to",
                                                       "went", "on", "were", "they", "who", "which", "that")
                     or (t.word.isdigit()) for t in gap)
            if not ok or len(gap) > 8 or "," in [t.word for t in gap][:1] and len(gap) > 1:
                return None
            start_i = toks.at(a.start)
            if self.blocked(toks, start_i):
                # skip the phrase back to its preposition and a participle before it ("led by")
                k = start_i - 1
                while k > 0 and toks[k].word not in self.not_agent_after:
                    k -= 1
                if k > 0 and toks[k - 1].word.endswith("ed"):
                    k -= 1
                skip.update(t.start for t in toks.between(toks[k].start, a.end))
                continue
            return a
        return None

    def co_subject(self, toks: list[Token], subj: ActorHit, actors: list[ActorHit]) -> ActorHit | None:
        """The force coordinated before a subject ("Jihadists and their Turkish-backed allies
        breached X": the jihadists too); only "and", a comma, "the", "its", "their" between."""
        before = [a for a in actors if a.end <= subj.start]
        if not before:
            return None
        a = before[-1]
        gap = [t.word for t in toks.between(a.end, subj.start)]
        if "and" in gap and all(w in ("and", ",", "the", "its", "their", "his") for w in gap) \
                and not self.blocked(toks, toks.at(a.start)):
            return a
        return None

    def possessor(self, toks: list[Token], i: int, actors: list[ActorHit]) -> ActorHit | None:
        """The force a noun phrase at token ``i`` belongs to ("its withdrawal", "the army's
        pullback", "the SDF's loss of"): a force at most three words before it."""
        pos = toks[i].start
        for a in reversed([a for a in actors if a.end <= pos]):
            gap = toks.between(a.end, pos)
            if len(gap) <= 3 and all(t.word.isalpha() and t.word not in self.verbs and t.word not in self.not_agent_after
                                     and t.word not in self.clause_starts for t in gap):
                return a
            return None
        return None

    # Places ---------------------------------------------------------------------------------

    def objects(self, toks: list[Token], i: int, places: list[PlaceRef], max_gap: int = 8,
                unknown: bool = True, noun: bool = False, where: bool = False) -> list[PlaceRef]:
        """Places governed by the phrase ending before token ``i``: the first place after it,
        across object words only, and the places listed with it. Capitalised names the gazetteer
        lacks, in the same positions, are returned as PlaceRefs whose key is the name.
        ``noun``: a preposition may open the object ("a withdrawal from X"); ``where``: the
        place may follow "in", "on", "at", "near" ("repelled attacks in X")."""
        by_start = {p.start: p for p in places}
        out: list[PlaceRef] = []
        k, gap = i, 0
        if noun and k < len(toks) and toks[k].word in ("in", "from", "of", "at", "around", "near"):
            k += 1   # "a withdrawal in Aleppo", "its pullback from Aleppo"
        ahead = [x.word for x in toks[k:k + 12]]
        if "following" in ahead[:4] and ":" in ahead:
            k = self._skip_number(toks, k + ahead.index(":") + 1)   # "captured the following areas ...: (1) A, (2) B"
        while k < len(toks) and gap <= max_gap:
            t = toks[k]
            if t.start in by_start:
                p = by_start[t.start]
                out.append(p)
                return self._list(toks, self._after(toks, p.end), places, out, unknown)
            anaphor = None if gap > 1 else next(   # the object itself: "pulled out of them", not "freed the prisoners held there"
                (a for a in self.place_anaphors if tuple(x.word for x in toks[k:k + len(a)]) == a), None)
            if anaphor == ("there",):
                heads = [p for p in self.sentence_places if p.end <= t.start and p.key is not None
                         and not self.modifies(toks, toks.at(p.start), self.sentence_places)]
                return heads[-1:]   # "remain deployed there": the place the sentence is about
            if anaphor is not None and self.previous_places:
                return list(self.previous_places)   # "withdrew from both towns", "pulled out of them"
            if t.start in self.forces_at:
                return []
            if t.word in self.directions and k + 1 < len(toks) and toks[k + 1].word == "of":
                return self._later_list(toks, i, k, places, unknown)   # "villages north of X, including A"
            name_end = self._name(toks, k) if unknown else k
            if name_end > k:
                out.append(PlaceRef(toks[k].start, toks[name_end - 1].end, None))
                return self._list(toks, name_end, places, out, unknown)
            if t.word == "," and k > i and all(x.word in self.item_heads or x.word.isalpha() and not x.cap
                                                and x.word not in self.object_stops for x in toks[i:k]):
                intro = next((n for n in self.list_intros if tuple(x.word for x in toks[k + 1:k + 1 + len(n)]) == n), None)
                if intro is not None:   # "several areas, chief among them A and B"
                    k += 1 + len(intro)
                    continue
                if all(x.word in self.item_heads for x in toks[i:k]):
                    k += 1   # "took the provincial capital, Deir ez-Zor"
                    continue
            if where and t.word in ("in", "on", "at", "near", "around", "outside"):
                k += 1
                gap += 1
                continue
            if t.word in self.object_stops or not (t.word.isalnum() or "'" in t.word):
                return self._later_list(toks, i, k, places, unknown)
            if t.cap and t.word not in self.item_heads:
                return []
            k += 1
            gap += 1
        return []

    def _later_list(self, toks, i: int, k: int, places, unknown: bool) -> list[PlaceRef]:
        """"took over seven villages on the east bank, including A, B": when the object is a
        plural place noun, the list an introducer opens a little further on."""
        if not any(x.word in self.item_heads and x.word.endswith("s") for x in toks[i:k]):
            return []
        for m in range(k, min(len(toks), k + 14)):
            w = toks[m].word
            if w in (";", ".", ":") or w in self.clause_starts or w in self.verbs:
                return []
            if w == "," and m + 1 < len(toks):
                intro = next((n for n in self.list_intros
                              if tuple(x.word for x in toks[m + 1:m + 1 + len(n)]) == n), None)
                if intro is not None:
                    return self.objects(toks, m + 1 + len(intro), places, unknown=unknown)
        return []

    def _skip_locator(self, toks, k: int, by_start) -> int:
        """Past a phrase that locates the item just listed ("area west of Manbij", "to its
        north"), so that the list goes on after it ("... and the village of X")."""
        j = k
        while j < len(toks) and toks[j].word in self.item_heads and toks[j].word not in ("the", "of"):
            j += 1
        if j + 2 < len(toks) and toks[j].word in self.directions and toks[j + 1].word == "of" \
                and toks[j + 2].start in by_start:
            p = by_start[toks[j + 2].start]
            after = toks.at(p.end)
            return after if after < len(toks) and toks[after].word in ("and", ",") else k
        if j + 2 < len(toks) and toks[j].word == "to" and toks[j + 1].word in ("its", "the") \
                and toks[j + 2].word in self.directions:
            after = j + 3
            return after if after < len(toks) and toks[after].word in ("and", ",") else k
        return k

    @staticmethod
    def _skip_number(toks, k: int) -> int:
        """Past an enumeration mark ("(2)", "2)") at token ``k``."""
        if k + 2 < len(toks) and toks[k].word == "(" and toks[k + 1].word.isdigit() and toks[k + 2].word == ")":
            return k + 3
        if k + 1 < len(toks) and toks[k].word.isdigit() and toks[k + 1].word == ")":
            return k + 2
        return k

    def listed_before(self, toks: list[Token], i: int, places: list[PlaceRef]) -> list[PlaceRef]:
        """"listed A, B and C among the villages taken": the list before "among the <noun>"
        that a participle at token ``i`` describes."""
        if i < 3 or toks[i - 3].word != "among" or toks[i - 2].word not in ("the", "those") \
                or toks[i - 1].word not in self.item_heads:
            return []
        end = toks[i - 3].start
        before = [p for p in places if p.end <= end]
        if not before or toks.between(before[-1].end, end):
            return []
        out = [before[-1]]
        for p in reversed(before[:-1]):   # back along the list while only joins stand between
            gap = tuple(t.word for t in toks.between(p.end, out[-1].start))
            if gap not in self.list_joins:
                break
            out.append(p)
        return out[::-1]

    def _after(self, toks, pos: int) -> int:
        return toks.at(pos)

    def _name(self, toks, k: int) -> int:
        """End index of a capitalised name starting at token ``k`` ("Urum al-Sughra",
        "al-Harir"), or ``k`` when there is none."""
        j = k
        if k < len(toks) and toks[k].start in self.forces_at:
            return k
        if j < len(toks) and toks[j].word in _NAME_PARTICLES and j + 1 < len(toks) and toks[j + 1].cap:
            if toks[j + 1].start in self.place_starts:
                return k   # "al-Nayrab" where "Nayrab" is a known place: the place, not a new name
            j += 1
        if not (j < len(toks) and toks[j].cap and toks[j].word.isalpha() and toks[j].word not in self.item_heads):
            return k
        j += 1
        while j < len(toks):
            if toks[j].start in self.forces_at:
                break
            if toks[j].cap and toks[j].word.isalpha():
                j += 1
            elif toks[j].word in _NAME_PARTICLES and j + 1 < len(toks) and toks[j + 1].cap:
                j += 2
            else:
                break
        return j

    def _list(self, toks, k: int, places, out: list[PlaceRef], unknown: bool) -> list[PlaceRef]:
        """Extend ``out`` with the items coordinated after token ``k``."""
        by_start = {p.start: p for p in places}
        while k < len(toks):
            k = self._skip_locator(toks, k, by_start)
            join = next((j for j in self.joins_by_first.get(toks[k].word, ()) if k < len(toks)
                         if tuple(t.word for t in toks[k:k + len(j)]) == j), None)
            if join is None:
                break
            m = self._skip_number(toks, k + len(join))
            while m < len(toks) and toks[m].word in self.item_heads and toks[m].start not in by_start:
                m += 1
            if m < len(toks) and toks[m].start in by_start:
                p = by_start[toks[m].start]
                out.append(p)
                k = self._after(toks, p.end)
                continue
            end = self._name(toks, m) if unknown else m
            if end > m and not (end < len(toks) and toks[end].word in self.verbs):   # "..., and the Observatory said"
                out.append(PlaceRef(toks[m].start, toks[end - 1].end, None))
                k = end
                continue
            break
        return out

    def subject_places(self, toks: list[Token], lo: int, i: int, places: list[PlaceRef],
                       unknown: bool = True) -> list[PlaceRef]:
        """The place heading the subject of the clause between tokens ``lo`` and ``i`` ("The
        Kuweires air base east of Aleppo [fell]": the base), with the places listed with it."""
        by_start = {p.start: p for p in places}
        k = lo
        while k < i:
            t = toks[k]
            if t.start in by_start:
                p = by_start[t.start]
                first, nxt = p, self._after(toks, p.end)
            elif unknown and self._name(toks, k) > k:
                end = self._name(toks, k)
                first, nxt = PlaceRef(t.start, toks[end - 1].end, None), end
            else:
                k += 1
                continue
            if k > lo and self.modifies(toks, k, places):
                k = nxt   # "the air base east of Aleppo", "the Citadel of Aleppo": a modifier
                continue
            out = self._list(toks, nxt, places, [first], unknown)
            if out[-1].end > toks[i].start:
                return []
            return out
        return []

    def modifies(self, toks: list[Token], k: int, places: list[PlaceRef]) -> bool:
        """The place at token ``k`` sits in a phrase that locates something else ("east of X",
        "in X", "the Citadel of X", "the north of X"); "parts of X", "control of X" do not."""
        if k == 0:
            return False
        prev = toks[k - 1]
        if prev.word not in self.locative:
            return False
        if prev.word != "of":
            return True
        if k < 2:
            return False
        head = toks[k - 2]
        return head.cap or head.word in self.directions or any(p.start <= head.start < p.end for p in places)

    def near_before(self, toks: list[Token], i: int, places: list[PlaceRef]) -> list[PlaceRef]:
        """A place right before token ``i`` (only auxiliaries and adverbs between): "Idlib
        province under their control", "Aleppo was largely in the hands of"."""
        before = [p for p in places if p.end <= toks[i].start]
        if not before:
            return []
        p = before[-1]
        gap = toks.between(p.end, toks[i].start)
        if len(gap) <= 3 and all(t.word in self.soft or t.word in ("remains", "remain", "remained", "still")
                                 for t in gap):
            return [p]
        words = [t.word for t in gap]
        if 3 <= len(words) <= 5 and words[0] == "," and words[1] in ("a", "an", "another", "the") \
                and all(w.isalpha() and w not in self.object_stops for w in words[2:]):
            return [p]   # "Manbij, another district under the group's occupation"
        return []

    def scene(self, toks: list[Token], places: list[PlaceRef]) -> list[PlaceRef]:
        """The place of a sentence-opening locative ("On the Saraqib axis, ...", "Near Hama, ..."):
        where the events of the sentence happen."""
        if not toks or toks[0].word not in ("in", "on", "near", "around", "at", "outside", "inside"):
            return []
        comma = next((k for k, t in enumerate(toks[:15]) if t.word == ","), None)
        if comma is None:
            return []
        inside = [p for p in places if p.end <= toks[comma].start and p.key is not None]
        return inside[:1]

    def antecedent(self, toks: list[Token], lo: int, places: list[PlaceRef]) -> list[PlaceRef]:
        """The place a relative clause starting at token ``lo`` describes ("Tal Rifaat, which
        it seized"; "Aleppo, the city his fighters seized"): the place just before it."""
        if lo <= 0:
            return []
        # "which" opens a relative clause; "that" is as often a complement ("told X that ..."), so not here
        pos = toks[lo - 1].start if toks[lo - 1].word == "which" else toks[lo].start
        before = [p for p in places if p.end <= pos and p.key is not None]
        if not before:
            return []
        p = before[-1]
        k = toks.at(p.start)
        if k >= 2 and toks[k - 1].word == "of" and toks[k - 2].word in self.directions:
            return []   # "the north of the city, which": the city is not what "which" is
        gap = toks.between(p.end, pos)
        if len(gap) <= 4 and all(t.word in (",", "the", "which", "that", "city", "town", "village",
                                              "base", "airport", "area", "district") for t in gap):
            return [p]
        return []

"""The words of geo/data/metonymy.toml that decide whether a name is a place or stands for a
government (``MetonymVocab``), in the forms the role rules look them up in."""

from __future__ import annotations

from .. import vocab
from ..text import name_key
from .vocabulary import forms, optional, phrases, words

SOURCE = "metonymy.toml"

PLACE = "place"
METONYM = "metonym"
DATELINE = "dateline"


class MetonymVocab:
    """The word lists of metonymy.toml (``m``, the file read): which entries may stand for a
    government, and the words around a name that decide it."""

    def __init__(self, m: dict):
        src = SOURCE
        self.metonym_kinds = set(vocab.require(m, "kinds", list, src))
        self.seats = {name_key(s) for s in vocab.require(m, "seats", list, src)}
        self.institutions = {name_key(s) for s in optional(m, "institutions", src)}
        self._read_verbs(m)
        self._read_nouns(m)
        self._read_before(m)
        self._read_modifiers(m)
        self._read_grammar(m)

    def _read_verbs(self, m: dict) -> None:
        src = SOURCE
        self.verb_forms = forms(vocab.require(m, "verbs", list, src))
        self.speech_forms = forms(optional(m, "speech_verbs", src))
        self.aux = words(vocab.require(m, "auxiliaries", list, src))
        self.adverbs = words(optional(m, "adverbs", src))
        self.copulas = words(optional(m, "copulas", src))
        self.actor_adjectives = words(optional(m, "actor_adjectives", src))
        self.place_verb_forms = forms(optional(m, "place_verbs", src))
        self.affected_forms = forms(optional(m, "affected_verbs", src))
        self.object_verb_forms = forms(optional(m, "object_verbs", src))

    def _read_nouns(self, m: dict) -> None:
        src = SOURCE
        self.gov_nouns = phrases(vocab.require(m, "government_nouns", list, src))
        self.place_nouns = phrases(optional(m, "place_nouns", src))
        self.actor_nouns = words(optional(m, "actor_nouns", src))
        self.hyphen_suffixes = words(vocab.require(m, "hyphen_suffixes", list, src))
        self.hyphen_prefixes = words(optional(m, "hyphen_prefixes", src))

    def _read_before(self, m: dict) -> None:
        src = SOURCE
        # phrase before the name -> role; the longest that ends just before the name wins
        self.before: dict[tuple[str, ...], str] = {}
        for p in phrases(optional(m, "locative", src)):
            self.before[p] = PLACE
        for noun in self.gov_nouns | {(w,) for w in self.actor_nouns}:
            self.before[noun + ("of",)] = METONYM     # "the foreign ministers of Russia"
        for p in phrases(vocab.require(m, "preceding", list, src)):
            self.before[p] = METONYM
        self.before_max = max((len(p) for p in self.before), default=0)

    def _read_modifiers(self, m: dict) -> None:
        src = SOURCE
        self.loc_adjectives = phrases(optional(m, "location_adjectives", src))
        self.titles = words(optional(m, "titles", src))
        self.list_openers = phrases(optional(m, "list_openers", src))
        self.list_opener_lengths = sorted({len(o) for o in self.list_openers})
        self.determiners = words(optional(m, "determiners", src))

    def _read_grammar(self, m: dict) -> None:
        src = SOURCE
        g = optional(m, "grammar", src, dict)
        self.have = words(g.get("have", ["has", "have", "had"]))
        self.relatives = words(g.get("relatives", ["which", "who", "that"]))
        self.where = words(g.get("where", ["where"]))
        self.conjunctions = words(g.get("conjunctions", ["and", "or"]))
        self.group_possessives = words(g.get("group_possessives", ["its", "their"]))
        self.time_leaders = words(g.get("time_leaders", ["on", "in"]))
        self.articles = words(g.get("articles", ["the"]))
        self.fragment_openers = phrases(g.get("fragment_openers", []))
        self.fragment_closers = words(g.get("fragment_closers", []))
        self.fragment_ends = words(g.get("fragment_ends", []))
        self.question_words = words(g.get("question_words", []))
        d = optional(m, "dateline", src, dict)
        self.time_words = ({name_key(x) for x in optional(d, "months", src) + optional(d, "weekdays", src)}
                           | words(optional(m, "time_words", src)))

    def has_place_noun(self, ws: list[str]) -> bool:
        """Whether a place noun ("city", "air base") is among ``ws``."""
        for i in range(len(ws)):
            for n in (1, 2):
                if tuple(ws[i:i + n]) in self.place_nouns:
                    return True
        return False

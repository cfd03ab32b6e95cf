"""The words of geo/data/context.toml that phrases such as "the city", "the city's historic
citadel" and "towards Homs" are found and read with (``ContextVocab``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import vocab
from ..text import name_key
from .scanning import relaxed
from .vocabulary import alternation, alternation_keys, forms, optional, starting_literals

SOURCE = "context.toml"
NEVER = "(?!)"   # the alternation of an empty list: matches nothing


@dataclass(frozen=True)
class Anaphor:
    """A phrase such as "the city": the kinds it points at, and the kinds it passes over (always,
    or only when the text itself calls the place so)."""
    phrase: str
    kinds: frozenset[str]
    pass_over: frozenset[str]
    pass_over_named: frozenset[str]
    sentence_kinds: frozenset[str] = frozenset()   # also pointed at when named earlier in the phrase's sentence
    topic_kinds: frozenset[str] = frozenset()   # also pointed at when the report's topic, never called so


@dataclass(frozen=True)
class KindAnaphor:
    """A phrase such as "the dam" or "the crossing": the one place of its kinds (and, when given,
    with one of its words in its name) that the last sentences named."""
    rx: re.Pattern
    kinds: frozenset[str]
    name_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Standing:
    """A phrase such as "the buffer zone" that in this conflict's reports names one gazetteer entry,
    in a report that says any of its ``when`` words (the Golan's zone, where a report speaks of Israel)."""
    rx: re.Pattern
    entry: str
    rx_when: re.Pattern


@dataclass(frozen=True)
class AnaphorScan:
    """An anaphor and its pattern, with the pattern's ``relaxed`` form to scan for it fast."""
    rx: re.Pattern
    relaxed: re.Pattern
    spec: Anaphor


class ContextVocab:
    """The word lists of context.toml (``c``, the file read) for anaphors and features."""

    def __init__(self, c: dict):
        src = SOURCE
        self.anaphors: list[AnaphorScan] = []
        # "the strategic city": words that may stand inside an anaphor without naming another place
        adjectives = alternation(optional(c, "anaphor_adjectives", src) or [])
        for a in vocab.require(c, "anaphor", list, src):
            spec = Anaphor(name_key(a["phrase"]), frozenset(a["kinds"]), frozenset(a.get("pass_over", [])),
                           frozenset(a.get("pass_over_named", [])), frozenset(a.get("sentence_kinds", [])),
                          frozenset(a.get("topic_kinds", [])))
            head, _, noun = spec.phrase.partition(" ")
            inner = rf"(?:(?:{adjectives})\s+)*" if adjectives and head == "the" and noun else ""
            rx = re.compile(rf"\b{re.escape(head)}\s+{inner}{re.escape(noun)}\b(?! of\b)" if inner
                            else rf"\b{re.escape(spec.phrase)}\b(?! of\b)")
            self.anaphors.append(AnaphorScan(rx, relaxed(rx), spec))
        self.anaphor_specs = {scan.spec.phrase: scan.spec for scan in self.anaphors}
        self.kind_anaphors = [
            KindAnaphor(re.compile(rf"\b{re.escape(name_key(k['phrase']))}\b(?! of\b)(?!'s\b)"), frozenset(k["kinds"]),
                        tuple(name_key(w) for w in k.get("name_words", [])))
            for k in optional(c, "kind_anaphor", src) or []]
        self.kind_anaphors_relaxed = [relaxed(k.rx) for k in self.kind_anaphors]   # (to scan for them fast)
        self.kind_anaphor_sentences = int(c.get("kind_anaphor_sentences", 3))
        feats = alternation(vocab.require(c, "features", list, src))
        adjs = alternation(vocab.require(c, "feature_adjectives", list, src))
        self.rx_feature = re.compile(
            rf"\bthe\s+(?:(?P<own>city|town)'s\s+)?(?:(?:{adjs})\s+)*(?P<f>{feats})\b"
        )
        self.rx_feature_relaxed = relaxed(self.rx_feature)
        self.road_words = vocab.require(c, "road_words", list, src)
        # "the capital": the one city it always names in these reports (when the gazetteer has it)
        capital = optional(c, "capital", src, dict)
        self.capital_entry = str(capital.get("entry", ""))
        self.rx_capital = re.compile(rf"\b(?:{alternation(capital.get('phrases', [])) or NEVER})\b(?!\s+of\b)")
        self.standing = [_standing(d) for d in optional(c, "standing", src)]
        self._read_kinds(c)
        self._read_passing(c)
        # "the airport" alone: a feature of the last city or town
        self.feature_spec = Anaphor("", frozenset({"city", "town"}) & self.settlement_kinds,
                                    frozenset({"village"}) & self.settlement_kinds, frozenset())

    def _read_kinds(self, c: dict) -> None:
        """What "the city" / "the town" may point at (a user's older copy may lack these keys, so
        each has a default)."""
        src = SOURCE
        self.settlement_kinds = frozenset(optional(c, "settlement_kinds", src) or ["city", "town", "village"])
        self.part_kinds = frozenset(optional(c, "part_kinds", src)
                                    or ["airport", "airbase", "landmark", "area", "dam", "naval_base", "military_base"])
        kind_words = optional(c, "kind_words", src, dict) or {
            "city": ["city", "cities"], "town": ["town", "towns"], "village": ["village", "villages"]}
        self.kind_of_word = {name_key(w): k for k, ws in kind_words.items() for w in ws if name_key(w)}
        kinds = alternation(self.kind_of_word)
        # the text's own word for a place: "the (strategic) town of X", "X, Syria's fourth-largest city"
        self.rx_kind_before = re.compile(rf"\b(?P<k>{kinds})\s+of\s+$")     # ends with "of" (Evocations)
        self.rx_kind_after = re.compile(
            rf"\s*,\s*(?:(?:the|a|an|two|three|four|both|several|[\w]+'s)\s+)?"
            rf"(?:(?!(?:where|which|who|that|and|or|but|while|as|after|before|when|the|a|an)\b)[\w']+\s+){{0,3}}?"
            rf"(?P<k>{kinds})\b(?!'s)")
        self.rx_named_unknown = re.compile(rf"\b(?P<k>{kinds})\s+of\s+")
        self.kind_literals = starting_literals(alternation_keys(self.kind_of_word))   # a match starts with one
        # "the capital": a city without a gazetteer name
        unnamed = alternation(optional(c, "unnamed_cities", src)) or NEVER
        self.rx_unnamed_city = re.compile(rf"\b(?:{unnamed})\b(?!\s+of\b)")
        self.unnamed_literals = starting_literals(alternation_keys(optional(c, "unnamed_cities", src)))   # likewise

    def _read_passing(self, c: dict) -> None:
        """Places named in passing ("towards Homs", "south-east of Hama", "10 km from Aleppo"), and
        places located relative to a phrase ("X, the village directly north of the city")."""
        src = SOURCE
        dirs = alternation(optional(c, "directions", src)) or NEVER
        units = alternation(optional(c, "distance_units", src)) or NEVER
        passing = alternation(optional(c, "passing_before", src)) or NEVER
        origins = alternation(forms(optional(c, "origin_verbs", src))) or NEVER
        roads = alternation(self.road_words) or NEVER
        self.rx_passing = re.compile(
            rf"(?:\b(?:{passing})|\b(?:{dirs})(?:\s+and\s+(?:{dirs}))?\s+of"
            rf"|\b(?:{units})\s+(?:[\w']+\s+){{0,2}}?(?:from|of)"
            rf"|(?P<origin>\b(?:{origins})\s+from|\bfrom\s+the\s+direction\s+of)"
            rf"|\b(?:{roads})\s+(?:[\w']+\s+)?(?:to|from))\s+(?:the\s+)?$")
        # what every alternative of rx_passing ends with, before whitespace and "the" (see
        # Evocations.passing, may_end_with): keep this in step with the alternatives
        self.passing_ends = tuple(sorted({name_key(w) for w in optional(c, "passing_before", src) if name_key(w)}
                                         | {"of", "from", "to"}))
        # "X, the village directly north of " the phrase: X is located relative to it
        words = alternation(optional(c, "locating_words", src)) or NEVER
        ends = alternation(optional(c, "locating_ends", src)) or NEVER
        self.rx_locating = re.compile(
            rf"\s*,?\s*(?:(?:{words}|{dirs}|{units}|\d[\d.,]*),?\s+)*?"
            rf"(?:(?:{dirs})(?:\s+and\s+(?:{dirs}))?\s+of|(?:{units})\s+(?:[\w']+\s+)?(?:from|of)|{ends})\s+")


def _standing(d) -> Standing:
    """One [[standing]] table of context.toml: lists of strings ``phrases`` and ``when``, a string ``entry``."""
    ok = isinstance(d, dict) and isinstance(d.get("entry", ""), str) and all(
        isinstance(d.get(k, []), list) and all(isinstance(w, str) for w in d.get(k, [])) for k in ("phrases", "when"))
    if not ok:
        raise vocab.VocabularyError(f"{SOURCE}: [[standing]] needs 'phrases' and 'when' (lists of words) and 'entry'")
    return Standing(re.compile(rf"\b(?:{alternation(d.get('phrases', [])) or NEVER})\b(?!\s+of\b)"), d.get("entry", ""),
                    re.compile(rf"\b(?:{alternation(d.get('when', [])) or NEVER})\b"))

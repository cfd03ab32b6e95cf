"""geo/data/unresolved.toml and the skip lists (not_places.txt, organisations.txt,
geonames_stopwords.txt) loaded into ``Cues``: word sets and compiled regexes, once per
vocabulary folder (``cues``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from .. import vocab
from ..errors import VocabularyError
from ..text import name_key
from .forms import fold
from .phrases import Phrases, alt, loose, plurals

CUES_FILE = "unresolved.toml"

# the groups of Cues.after_name (matches of feature_after, plural_after, org_after)
AFTER_FEATURE, AFTER_PLURAL, AFTER_ORG = 1, 3, 5
WORDS_BEYOND_PHRASES = 5    # _before reads this many words more than its longest phrase

_DET = r"(?:(?:the|a|an|both|its|their)\s+)?"
_DIRS = r"(?:north|south|east|west)(?:[\s-]?(?:east|west))?"
_NUM = r"(?:\(\d+\)\s*)?"
# "fell on Thursday" is a date, "fell on the town" is shelling
_WHEN = (r"(?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
         r"the\s+(?:same\s+)?(?:morning|evening|night|day|afternoon|eve|\d))")
_ADVERBS = r"(?:(?:also|reportedly|now|later|then|finally|fully|already|completely|largely|" \
           r"recently|briefly|all|both|subsequently|eventually|quickly|partly|partially)\s+)*"
_BE = r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+"
_SKIP = r"(?!(?:of|in|at|from|near|on|by|for|with|who|which|said|says|told|and|or|to)\b)"

Get = Callable[[str, str], list[str]]      # (section, key) -> a list of strings of unresolved.toml


def _strings(data: dict, section: str, key: str, source: str) -> list[str]:
    table = data.get(section)
    value = table.get(key) if isinstance(table, dict) else None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabularyError(f"{source}: [{section}] {key} must be a list of strings")
    return value


def _ahead(group: str, regex: re.Pattern, inner: str = "") -> str:
    """``regex`` in a lookahead whose group ``group`` says whether it matched there (the same
    match as on its own); ``inner``: the name its group ``f`` takes."""
    pattern = regex.pattern.replace("(?P<f>", f"(?P<{inner}>") if inner else regex.pattern
    return f"(?:(?=(?P<{group}>{pattern}))|)"


def _firsts(lists: list[list[str]]) -> dict[str, tuple[str, ...]]:
    """The first words of the phrases of ``lists`` (as ``alt`` writes them), by first character."""
    out: dict[str, set[str]] = {}
    for phrases in lists:
        for p in phrases:
            if p.strip():
                w = p.strip().lower().split()[0]
                out.setdefault(w[0], set()).add(w)
    return {c: tuple(sorted(ws)) for c, ws in out.items()}


class Cues:
    """geo/data/unresolved.toml compiled into regexes, plus the skip lists."""

    def __init__(self, vocab_dir: Path | None):
        src = str(vocab.path(CUES_FILE, vocab_dir))
        d = vocab.toml(CUES_FILE, vocab_dir)

        def get(section: str, key: str) -> list[str]:
            return _strings(d, section, key, src)

        self._words(get)
        self._before_name(get)
        self._after_name(get)
        self._skip_lists(get, vocab_dir)
        # the regexes that read the text right after a candidate name, matched in one go: each
        # in a lookahead whose group says whether it matched there (the same match as on its own)
        self.after_name = re.compile(_ahead("feature", self.feature_after, inner="feature_word")
                                     + _ahead("plural", self.plural_after, inner="plural_word")
                                     + _ahead("org", self.org_after))
        assert [self.after_name.groupindex[g] for g in ("feature", "plural", "org")] == [
            AFTER_FEATURE, AFTER_PLURAL, AFTER_ORG]
        # _before reads at most this many words before a name
        self.before_words = max(p.longest for p in (self.nouns, self.verbs, self.spatial, self.weak,
                                                    self.sources, self.title_phrases)) + WORDS_BEYOND_PHRASES

    def _words(self, get: Get) -> None:
        """The word sets: features, prefixes, place nouns, people's names and titles,
        organisation words."""
        self.sites = frozenset(fold(w) for w in get("features", "sites"))
        self.areas = frozenset(fold(w) for w in get("features", "areas"))
        self.site_words = frozenset(p.split()[-1] for p in self.sites)   # "military prison" -> "prison"
        self.prefixes = frozenset(fold(w) for w in get("features", "prefixes"))
        self.places = get("nouns", "places")        # place nouns as written ("village")
        self.given = frozenset(fold(w) for w in get("people", "given_names"))
        self.kunyas = frozenset(fold(w) for w in get("people", "kunyas"))
        self.titles = frozenset(fold(w) for w in get("people", "titles"))
        self.org_words = frozenset(fold(w) for w in get("organisations", "words"))

    def _before_name(self, get: Get) -> None:
        """Before a name: phrases the words before it end with (see _before), introducers."""
        places = self.places
        self.nouns = Phrases(plurals(places) + get("nouns", "relations"))
        self.verbs = Phrases(get("cues", "verbs"))
        self.spatial = Phrases(get("cues", "spatial"))
        self.weak = Phrases(get("cues", "weak"))
        self.sources = Phrases(get("cues", "sources"))
        self.speech_words = frozenset(w.lower() for w in get("cues", "speech") if " " not in w)
        self.title_phrases = Phrases(get("people", "titles"))
        plural_places = alt(p for p in plurals(places) if p not in places)
        self.introducer = re.compile(rf"(?:\b(?:{alt(get('cues', 'introducers'))})\s*:?|:)\s+{_NUM}{_DET}$")
        # the introducer's last word (or a colon) is among the last four words before a name it
        # introduces (see _context); with no introducers the regex is always run
        introducers = [p.strip().lower() for p in get("cues", "introducers") if p.strip()]
        self.introducer_ends = tuple({p.split()[-1] for p in introducers}) if introducers else None
        self.plural_place = re.compile(rf"\b(?:{plural_places})\b")
        self.among = re.compile(rf"\s*,?\s+(?:(?:were|are|was|is)\s+)?(?:also\s+)?among\s+(?:the\s+)?"
                                rf"(?:[\w'’-]+\s+){{0,2}}?(?:{plural_places})\b")

    def _after_name(self, get: Get) -> None:
        """After a name: regexes matched on the text after it."""
        features = get("features", "sites") + get("features", "areas")
        places, titles = self.places, get("people", "titles")
        # a feature word, but not a verb ("after crossing the river") nor a possessive
        self.feature_after = re.compile(rf"\s+(?P<f>{alt(features)})\b(?!['’]s\b)"
                                        rf"(?!\s+(?:the|a|an|his|her|their|its)\b)")
        plural_features = alt(p for p in plurals(features) if p not in features)
        self.plural_after = re.compile(rf"\s+(?P<f>{plural_features})\b")
        org_words = [w for w in get("organisations", "words") if fold(w) not in self.areas]
        org_nouns = alt(org_words)
        self.org_after = re.compile(rf"\s+(?:{org_nouns})\b")              # "the Nujabaa movement"
        # the words after_name's phrases begin with, by first character: where the text after a
        # name's spaces begins with none, after_name matches nothing (None: it is always run)
        lists = [features, [p for p in plurals(features) if p not in features], org_words]
        self.after_firsts = _firsts(lists) if all(alt(p) for p in lists) else None
        fell = rf"(?:{alt(get('cues', 'fell'))})\b(?!\s+(?:{alt(get('cues', 'not_fell'))})\b(?!\s+{_WHEN}))"
        self.passive = re.compile(rf"\s*,?\s+(?:{_BE}{_ADVERBS}(?:{alt(get('cues', 'passive'))})"
                                  rf"|(?:(?:has|have|had)\s+)?{_ADVERBS}{fell})\b")
        self.apposition = re.compile(rf"\s*,\s+(?:(?:a|an|the|two|three|four|five|six|seven|several|both|"
                                     rf"one\s+of\s+the|another|its|their)\s+)?(?:{_SKIP}[\w'’-]+\s+){{0,3}}?"
                                     rf"(?:{alt(plurals(places))})\b(?!['’]s\b)")
        self.direction = re.compile(rf"\s*,?\s+(?:(?:some|about|around|roughly|nearly|just|only|less\s+than|"
                                    rf"more\s+than|almost)\s+)?(?:\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|"
                                    rf"miles?|-kilometre|-kilometer)\s+(?:\(\d+\s*miles?\)\s+)?)?(?:{_DIRS})\s+of\b")
        self.speech = re.compile(rf"\s*,?\s+(?:(?:has|had|have|also|later|earlier|then)\s+)*"
                                 rf"(?:{alt(get('cues', 'speech'))})\b")
        self.title_after = re.compile(rf"\s*,\s+(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\w'’-]+\s+){{0,3}}?"
                                      rf"(?:{alt(titles)})\b")
        self.title_inside = re.compile(rf"^(?:.*\s)?(?:{alt(self.titles)})\s+\S")   # on folded words

    def _skip_lists(self, get: Get, vocab_dir: Path | None) -> None:
        """Names and words that are no places: not_places.txt, organisations.txt, stopwords."""
        not_places = vocab.lines("not_places.txt", vocab_dir)
        orgs = vocab.lines("organisations.txt", vocab_dir)
        self.skip = frozenset(name_key(w) for w in (*not_places, *orgs))
        self.skip_words = frozenset(plurals(fold(w) for w in not_places if " " not in w.strip()))
        self.stopwords = frozenset(name_key(w) for w in vocab.lines("geonames_stopwords.txt", vocab_dir))
        self.org_length = max((len(o) for o in orgs), default=0)
        self.org_vocab = frozenset(w for o in orgs for w in fold(o).split())
        self.orgs = re.compile(r"(?<!\w)(?:" + "|".join(
            sorted((loose(o) for o in orgs), key=len, reverse=True)) + r")(?!\w)", re.I) if orgs else None
        self.openers = frozenset(fold(w) for w in get("words", "openers"))
        self.generic = frozenset(fold(w) for w in get("words", "generic"))
        self.common = (self.skip_words | self.stopwords | self.openers | self.sites | self.areas
                       | self.titles | self.org_words)
        self.plain = self.skip_words | self.openers | self.generic | self.titles | self.org_words


@cache
def cues(vocab_dir: Path | None) -> Cues:
    """The cues of a vocabulary folder (None: geo/data), loaded once."""
    return Cues(vocab_dir)

"""Names the gazetteer lacks (maps/unresolved.csv), so a user knows what to add.

Every run of capitalised words that matched no gazetteer name is a candidate ("Qalaat
al-Madiq", "al-Harir", "Tal Bijou", "46th Regiment"). It is listed when its context says it is a
place (cues, strongest first; the vocabulary is in geo/data/unresolved.toml):

- a feature word after it ("the Mahrada dam", "the al-Harir base", "the Shehba region", "the A
  and B districts": the name is listed without the word) or capitalised in it ("Umayyad
  Square"); a word that begins place names ("Jabal Kafra", "Mount Hermon", "Kafr Basin"); a
  place noun or relation before it ("the villages of A, B and C", "the outskirts of X", "the
  capture of X") or an apposition after it ("Qomhana, the village north of the city");
- a verb of movement or control before it ("entered X", "pulled out of X", "raids on X") or a
  passive after it ("A, B and C were seized", "X fell"); a direction ("near X", "west of X",
  "X, 5 km north of ..."); an introducer after a plural place noun ("ten districts, among them
  X and Y"; "the following areas: (1) A, (2) B");
- a list ("A, B, C and D", "(1) A, (2) B") shares the cues before its first name and after its
  last ("listed A, B and C among the villages taken"), and a name of it with a feature or a
  prefix makes the others places too ("Qalaat al-Madiq and Maardis");
- weak: "in X", "at X", or a list with a gazetteer place ("Hama and Qomhana"); not enough for a
  name shaped like a person's ("in Walid Hasso's home"); nothing before a possessive counts.

A candidate is never listed when it is a person's (a title before it or in it, a given name
first, "X said", "X, the group's spokesman"), an organisation's (organisations.txt, a word such
as Forces, Council, Agency or Liwa in it or after it), in not_places.txt (months, weekdays,
peoples, outlets), a common word opening a sentence ("After", "Both"), or in a Title Case
headline. Upper-case datelines of unknown places ("QAMISHLO –") are listed too.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from . import vocab
from .errors import VocabularyError
from .mentions import Matcher
from .model import Mention, Report
from .text import APOSTROPHES, DASHES, WHOLE, WINDOW, name_key, sentences, window

CUES_FILE = "unresolved.toml"

# Why a name looks like a place, strongest first; a name's example sentence shows its strongest.
RANK = {"feature": 0, "prefix": 0, "noun": 0, "apposition": 0, "claim": 1, "verb": 1, "passive": 1,
        "direction": 1, "introducer": 1, "spatial": 1, "list": 2, "weak": 3, "list-known": 3,
        "dateline": 4, "repeat": 5}
WEAK = frozenset({"weak", "list-known", "dateline", "repeat"})
_CUE_ORDER = {k: (r, k) for k, r in RANK.items()}    # strongest first, then by name


@dataclass(frozen=True, slots=True)   # slots: a huge report has many
class Unresolved:
    name: str
    article: str
    sentence: str
    start: int = 0      # the name's offsets in report.text
    end: int = 0
    cue: str = ""       # why it looks like a place: a key of RANK
    claims: tuple[str, ...] = ()   # control claims made about the name here ("opposition captured (outlet)")
    sentence_start: int = -1       # where ``sentence`` starts in report.text (-1: not known)


class Row(NamedTuple):
    """One line of unresolved.csv (``COLUMNS`` is its header). To add a column, add a field here
    and fill it in ``summarise`` from the name's occurrences (``group``: each with its article
    and offsets, e.g. to find the claims made about it)."""
    name: str
    mentions: int
    articles: int
    example_article: str
    example_sentence: str
    claims: str          # the control claims made about the name, "; "-separated: add the row, see them on the map


COLUMNS = Row._fields


# Vocabulary ---------------------------------------------------------------------------------

_FOLD_DROP = {ord(c): None for c in APOSTROPHES}
_FOLD_SPACE = {ord(c): " " for c in DASHES}


@lru_cache(maxsize=65536)
def _fold(s: str) -> str:
    """Lower case, no diacritics, no apostrophes, dashes as spaces: "Ma'arat" -> "maarat"."""
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s.translate(_FOLD_DROP).translate(_FOLD_SPACE).lower()


def _plurals(words) -> list[str]:
    out = []
    for w in words:
        out.append(w)
        if w.endswith("y") and not w.endswith(("ay", "ey", "oy")):
            out.append(w[:-1] + "ies")
        elif w.endswith(("s", "x", "ch", "sh")):
            out.append(w + "es")
        else:
            out.append(w + "s")
    return out


def _alt(phrases) -> str:
    """Regex alternation of phrases, longest first, spaces matching any run of spaces."""
    ps = sorted({p.strip().lower() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ps)


class _Phrases:
    """Phrases of lower-case words; ``ends(words)``: do the words end with one of them?"""

    def __init__(self, phrases):
        self.set = frozenset(tuple(p.lower().split()) for p in phrases if p.strip())
        self.longest = max((len(p) for p in self.set), default=0)
        lengths: dict[str, set[int]] = {}           # last word -> lengths of the phrases ending with it
        for p in self.set:
            lengths.setdefault(p[-1], set()).add(len(p))
        self._lengths = {w: tuple(sorted(ns)) for w, ns in lengths.items()}

    def ends(self, words: list[str]) -> bool:
        ns = self._lengths.get(words[-1]) if words else None
        if ns is None:
            return False
        for n in ns:
            if n > len(words):
                return False
            if n == 1 or tuple(words[-n:]) in self.set:
                return True
        return False


def _strings(data: dict, section: str, key: str, source: str) -> list[str]:
    table = data.get(section)
    value = table.get(key) if isinstance(table, dict) else None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabularyError(f"{source}: [{section}] {key} must be a list of strings")
    return value


# the groups of _Cues.after_name (matches of feature_after, plural_after, org_after)
_FEATURE, _PLURAL, _ORG = 1, 3, 5


class _Cues:
    """geo/data/unresolved.toml compiled into regexes, plus the skip lists."""

    def __init__(self, vocab_dir: Path | None):
        src = str(vocab.path(CUES_FILE, vocab_dir))
        d = vocab.toml(CUES_FILE, vocab_dir)
        get = lambda section, key: _strings(d, section, key, src)  # noqa: E731
        sites, areas = get("features", "sites"), get("features", "areas")
        self.sites = frozenset(_fold(w) for w in sites)
        self.areas = frozenset(_fold(w) for w in areas)
        self.site_words = frozenset(p.split()[-1] for p in self.sites)   # "military prison" -> "prison"
        self.prefixes = frozenset(_fold(w) for w in get("features", "prefixes"))
        places = get("nouns", "places")
        self.given = frozenset(_fold(w) for w in get("people", "given_names"))
        self.kunyas = frozenset(_fold(w) for w in get("people", "kunyas"))
        titles = get("people", "titles")
        self.titles = frozenset(_fold(w) for w in titles)
        self.org_words = frozenset(_fold(w) for w in get("organisations", "words"))

        det = r"(?:(?:the|a|an|both|its|their)\s+)?"
        dirs = r"(?:north|south|east|west)(?:[\s-]?(?:east|west))?"
        num = r"(?:\(\d+\)\s*)?"
        # before a name: phrases the words before it end with (see _before)
        self.nouns = _Phrases(_plurals(places) + get("nouns", "relations"))
        self.verbs = _Phrases(get("cues", "verbs"))
        self.spatial = _Phrases(get("cues", "spatial"))
        self.weak = _Phrases(get("cues", "weak"))
        self.sources = _Phrases(get("cues", "sources"))
        self.speech_words = frozenset(w.lower() for w in get("cues", "speech") if " " not in w)
        self.title_phrases = _Phrases(titles)
        plural_places = _alt(p for p in _plurals(places) if p not in places)
        self.introducer = re.compile(rf"(?:\b(?:{_alt(get('cues', 'introducers'))})\s*:?|:)\s+{num}{det}$")
        # the introducer's last word (or a colon) is among the last four words before a name it
        # introduces (see _context); with no introducers the regex is always run
        introducers = [p.strip().lower() for p in get("cues", "introducers") if p.strip()]
        self.introducer_ends = tuple({p.split()[-1] for p in introducers}) if introducers else None
        self.plural_place = re.compile(rf"\b(?:{plural_places})\b")
        # after a name: the text after it
        features = sites + areas
        # a feature word, but not a verb ("after crossing the river") nor a possessive
        self.feature_after = re.compile(rf"\s+(?P<f>{_alt(features)})\b(?!['’]s\b)"
                                        rf"(?!\s+(?:the|a|an|his|her|their|its)\b)")
        plural_features = _alt(p for p in _plurals(features) if p not in features)
        self.plural_after = re.compile(rf"\s+(?P<f>{plural_features})\b")
        org_nouns = _alt(w for w in get("organisations", "words") if _fold(w) not in self.areas)
        self.org_after = re.compile(rf"\s+(?:{org_nouns})\b")              # "the Nujabaa movement"
        # "fell on Thursday" is a date, "fell on the town" is shelling
        when = (r"(?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
                r"the\s+(?:same\s+)?(?:morning|evening|night|day|afternoon|eve|\d))")
        adverbs = r"(?:(?:also|reportedly|now|later|then|finally|fully|already|completely|largely|" \
                  r"recently|briefly|all|both|subsequently|eventually|quickly|partly|partially)\s+)*"
        fell = rf"(?:{_alt(get('cues', 'fell'))})\b(?!\s+(?:{_alt(get('cues', 'not_fell'))})\b(?!\s+{when}))"
        be = r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+"
        self.passive = re.compile(rf"\s*,?\s+(?:{be}{adverbs}(?:{_alt(get('cues', 'passive'))})"
                                  rf"|(?:(?:has|have|had)\s+)?{adverbs}{fell})\b")
        self.among = re.compile(rf"\s*,?\s+(?:(?:were|are|was|is)\s+)?(?:also\s+)?among\s+(?:the\s+)?"
                                rf"(?:[\w'’-]+\s+){{0,2}}?(?:{plural_places})\b")
        skip = r"(?!(?:of|in|at|from|near|on|by|for|with|who|which|said|says|told|and|or|to)\b)"
        self.apposition = re.compile(rf"\s*,\s+(?:(?:a|an|the|two|three|four|five|six|seven|several|both|"
                                     rf"one\s+of\s+the|another|its|their)\s+)?(?:{skip}[\w'’-]+\s+){{0,3}}?"
                                     rf"(?:{_alt(_plurals(places))})\b(?!['’]s\b)")
        self.direction = re.compile(rf"\s*,?\s+(?:(?:some|about|around|roughly|nearly|just|only|less\s+than|"
                                    rf"more\s+than|almost)\s+)?(?:\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|"
                                    rf"miles?|-kilometre|-kilometer)\s+(?:\(\d+\s*miles?\)\s+)?)?(?:{dirs})\s+of\b")
        self.speech = re.compile(rf"\s*,?\s+(?:(?:has|had|have|also|later|earlier|then)\s+)*"
                                 rf"(?:{_alt(get('cues', 'speech'))})\b")
        self.title_after = re.compile(rf"\s*,\s+(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\w'’-]+\s+){{0,3}}?"
                                      rf"(?:{_alt(titles)})\b")
        self.title_inside = re.compile(rf"^(?:.*\s)?(?:{_alt(self.titles)})\s+\S")   # on folded words

        not_places = vocab.lines("not_places.txt", vocab_dir)
        orgs = vocab.lines("organisations.txt", vocab_dir)
        self.skip = frozenset(name_key(w) for w in (*not_places, *orgs))
        self.skip_words = frozenset(_plurals(_fold(w) for w in not_places if " " not in w.strip()))
        self.stopwords = frozenset(name_key(w) for w in vocab.lines("geonames_stopwords.txt", vocab_dir))
        self.org_length = max((len(o) for o in orgs), default=0)
        self.org_vocab = frozenset(w for o in orgs for w in _fold(o).split())
        self.orgs = re.compile(r"(?<!\w)(?:" + "|".join(
            sorted((_loose(o) for o in orgs), key=len, reverse=True)) + r")(?!\w)", re.I) if orgs else None
        self.openers = frozenset(_fold(w) for w in get("words", "openers"))
        self.generic = frozenset(_fold(w) for w in get("words", "generic"))
        self.common = (self.skip_words | self.stopwords | self.openers | self.sites | self.areas
                       | self.titles | self.org_words)
        self.plain = self.skip_words | self.openers | self.generic | self.titles | self.org_words
        # a candidate's words -> what follows from them alone (_shape), by whether the last is
        # possessive and the text they span
        self.shapes: tuple[dict, dict] = ({}, {})
        # the regexes that read the text right after a candidate name, matched in one go: each
        # in a lookahead whose group says whether it matched there (the same match as on its own)
        def ahead(group: str, regex: re.Pattern, inner: str = "") -> str:
            pattern = regex.pattern.replace("(?P<f>", f"(?P<{inner}>") if inner else regex.pattern
            return f"(?:(?=(?P<{group}>{pattern}))|)"
        self.after_name = re.compile(ahead("feature", self.feature_after, inner="feature_word")
                                     + ahead("plural", self.plural_after, inner="plural_word")
                                     + ahead("org", self.org_after))
        assert [self.after_name.groupindex[g] for g in ("feature", "plural", "org")] == [_FEATURE, _PLURAL, _ORG]
        # _before reads at most this many words before a name
        self.before_words = max(p.longest for p in (self.nouns, self.verbs, self.spatial, self.weak,
                                                    self.sources, self.title_phrases)) + 5


def _loose(name: str) -> str:
    """A regex for an organisation name that ignores apostrophes, dashes and spacing."""
    parts = [re.escape(w) for w in re.split(rf"[\s{re.escape(DASHES)}]+", name.strip()) if w]
    parts = [re.sub(rf"[{re.escape(APOSTROPHES)}]", f"[{re.escape(APOSTROPHES)}]?", p) for p in parts]
    return rf"[\s{re.escape(DASHES)}]*".join(parts)


@cache
def _cues(vocab_dir: Path | None) -> _Cues:
    return _Cues(vocab_dir)


# Tokens and name chunks ---------------------------------------------------------------------

_APOS = re.escape(APOSTROPHES)
_DASH = re.escape(DASHES)
_HYPHENS = "-\u2010\u2011"
_HYPHEN_SPLIT = re.compile(f"[{re.escape(_HYPHENS)}]")
_H = re.escape(_HYPHENS)
_PARTICLES = frozenset("al el ad ed as es ash ar er an at az ez ag ud ul un bin ibn bint abu".split())
# the words that can be part of a name: capitalised, ordinals, particles ("al", "al-Harir")
_TOKEN = re.compile(
    rf"\d+(?:st|nd|rd|th)\b|(?<![\w{_APOS}{_H}])"
    rf"(?:[^\W\d_a-z]|(?:{'|'.join(sorted(_PARTICLES, key=len, reverse=True))})(?=[{_H}]|\b))"
    rf"(?:[\w{_APOS}{_H}]*\w)?")
# _TOKEN's matches that begin with a capital or a digit (all but the particles), found fast: a
# pattern that opens with a character class lets the regex engine skip to the next capital or
# digit (or non-ASCII character), so a character is consumed first and lookbehinds check it
# ([^\W_a-z]: a digit or [^\W\d_a-z]) and the character before it
_CAPITAL_TOKEN = re.compile(
    rf"[A-Z0-9\x80-\U0010FFFF](?:(?<=\d)\d*(?:st|nd|rd|th)\b"
    rf"|(?<=[^\W\d_a-z])(?<![\w{_APOS}{_H}].)(?:[\w{_APOS}{_H}]*\w)?)")
_WORD_MARKS = frozenset("_" + APOSTROPHES + _HYPHENS)     # with letters and digits: [\w'’-]
_JOINERS = frozenset("al el ad ed ash ar az ez bin ibn bint".split())   # lower case, between words
_JOINER_ENDS = frozenset(j[-2:] for j in _JOINERS)
_JOINER_LAST = frozenset(j[-1] for j in _JOINERS)
_POSSESSIVE = re.compile(rf"[{_APOS}]s$")
_TITLE_CASE_SMALL = frozenset("a an the of in on at to for and or but from by with as vs".split())
# "QAMISHLO – ...", "NAWA, Dec 6 (Reuters) - ..."
_DATELINE = re.compile(rf"^(?P<n>[A-Z][A-Z{_APOS}{_DASH} ]*[A-Z])"
                       rf"(?=\s*(?:,\s*[A-Z][a-z]{{2,}}\.?\s+\d|\(|[{_DASH}]\s))")
_DATELINE_START = (frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),            # its first two characters
                   frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ " + APOSTROPHES + DASHES))


@lru_cache(maxsize=65536)
def _kind(word: str) -> str:
    """NAME (a word of a name: "Hama", "al-Harir", "ez-Zor"), PART (a particle between words of
    a name: "al"), ORD ("46th"), ACRO ("SDF"), ADJ ("Kurdish-led"), or LOW (anything else)."""
    first = word[0]
    if first.isdigit():
        return "ORD"
    if first.islower() and "-" not in word and "\u2010" not in word and "\u2011" not in word:
        return "PART" if word in _JOINERS else "LOW"
    if any(c.isdigit() for c in word):
        return "LOW"                             # "T-72", "Kurdistan24", "M5"
    parts = [p for p in _HYPHEN_SPLIT.split(word) if p]
    if first.isupper():
        letters = [c for c in word if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return "ACRO"
        if len(parts) > 1 and parts[-1][0].islower() and _fold(parts[-1]) not in _PARTICLES:
            return "ADJ"                         # "Kurdish-led", "Iran-backed"
        return "NAME"
    if len(parts) > 1 and _fold(parts[0]) in _PARTICLES and parts[-1][0].isupper():
        return "NAME"                            # "al-Harir", "ez-Zor"
    return "LOW"


# A token is a tuple (a, e, info): the offsets of a _TOKEN match in the report and what its
# text says (_word), indexed by these:
_TEXT, _KIND, _POSS, _CUT, _FOLD, _CAP, _SMALL = range(7)
# text: without a possessive "'s" (the name ends ``cut`` characters before e); kind: NAME | PART
# | ORD | ACRO | ADJ, None for LOW (a word that only separates names); fold: _fold(text); cap,
# small: counts for the Title Case test (a capitalised word, a capitalised small word)
_WORDS: dict[str, tuple] = {}


def _word(w: str) -> tuple:
    """A token's info (above), memoised."""
    info = _WORDS.get(w)
    if info is None:
        cap = w[0].isupper()
        small = cap and w.lower() in _TITLE_CASE_SMALL
        kind = _kind(w)
        if kind == "LOW":
            info = (w, None, False, 0, "", cap, small)
        elif len(w) > 2 and _POSSESSIVE.search(w) is not None:
            info = (w[:-2], _kind(w[:-2]), True, 2, _fold(w[:-2]), cap, small)
        else:
            info = (w, kind, False, 0, _fold(w), cap, small)
        if len(_WORDS) >= 100_000:
            _WORDS.clear()
        _WORDS[w] = info
    return info


def _in_word(ch: str) -> bool:
    """Is ``ch`` in [\\w'’-] (a character _TOKEN's words are made of)?"""
    return ch.isalnum() or ch in _WORD_MARKS


def _particle_token(text: str, i: int, r: int | None = None) -> tuple[int, int] | None:
    """The _TOKEN match that begins with a particle where the run of word characters around
    ``i`` begins ("al-Harir", "al'5th"), as (start, end), or None. ``r``: where that run begins,
    if known."""
    if r is None:
        r = _run_start(text, i)
    if text[r] not in "abeiu":
        return None
    m = _TOKEN.match(text, r)
    return (r, m.end()) if m is not None else None


def _run_start(text: str, i: int) -> int:
    """Where the run of word characters that ``i`` ends or is in begins."""
    r = i
    while r > 0 and _in_word(text[r - 1]):
        r -= 1
    return r


def _ordinal(text: str, a: int) -> bool:
    """Is the ordinal found at ``a`` a token of its own, not inside a particle's ("al-5th")?"""
    if a == 0 or not _in_word(text[a - 1]) or not text[a].isdecimal():
        return True
    p = _particle_token(text, a)
    return p is None or p[1] <= a


def _tokens(text: str) -> list[tuple]:
    """The _TOKEN matches of a report as tokens, in text order: the same as ``_TOKEN.finditer``
    over each sentence, since tokens hold no space and sentences are separated by spaces.

    Capitalised words and ordinals come from _CAPITAL_TOKEN (an ordinal inside a particle's token
    too: see _ordinal). Lower-case particles are taken only where they can matter: in a name
    word ("al-Harir") and as a joiner right before one ("Qalaat al Madiq"); anywhere else a
    particle is LOW ("as") or ends a run of names as a LOW word does, and so does its absence."""
    get = _WORDS.get
    toks = [(m.start(), m.end(), get(m[0]) or _word(m[0])) for m in _CAPITAL_TOKEN.finditer(text)]
    extra: list[tuple] = []
    seen = set()
    particles: dict[int, tuple[int, int] | None] = {}   # run start -> _particle_token there
    for hyphen in _HYPHENS:
        h = text.find(hyphen)
        prev = run = -1
        while h >= 0:
            # a name word after a hyphen ("Harir"): [^\W\d_a-z]
            c = text[h + 1:h + 2]
            if c.isalnum() and not c.isdecimal() and not ("a" <= c <= "z"):
                # a run of words joined by hyphens ("a-B-C-...") is walked once, not once a hyphen
                if prev < 0 or not all(map(_in_word, text[prev:h])):
                    run = _run_start(text, h)
                prev = h
                p = particles.get(run, ())
                if p == ():
                    p = particles[run] = _particle_token(text, h, run)
                if p is not None and p[0] not in seen and p[1] > h:
                    seen.add(p[0])
                    info = _word(text[p[0]:p[1]])
                    if info[_KIND] is not None:
                        extra.append((p[0], p[1], info))
            h = text.find(hyphen, h + 1)
    if extra:
        toks = sorted(toks + extra)
    joiners: list[tuple] = []
    for q, _, info in toks:
        if (q >= 3 and text[q - 2] in _JOINER_LAST and text[q - 3:q - 1] in _JOINER_ENDS and text[q - 1] == " "
                and info[_KIND] == "NAME"):
            for n in (2, 3, 4):
                p = q - 1 - n
                if p >= 0 and text[p:q - 1] in _JOINERS and (p == 0 or not _in_word(text[p - 1])):
                    joiners.append((p, q - 1, _word(text[p:q - 1])))
                    break
    if joiners:
        toks = sorted(toks + joiners)
    return toks


def _title_case(text: str, s0: int, s1: int, toks: list[tuple], starts: list[int]) -> bool:
    """A headline in Title Case: most words, small words too, capitalised (``text``: the
    sentence at s0:s1 in the report; ``toks``: the report's tokens, ``starts``: where they
    begin; no other word is capitalised)."""
    i, j = bisect_left(starts, s0), bisect_left(starts, s1)
    if j - i < 4:
        return False
    words = len(text.split())
    if j - i < 0.7 * words:
        return False
    toks = toks[i:j]
    caps = sum(info[_CAP] for _, _, info in toks)
    small_caps = sum(info[_SMALL] for _, _, info in toks)
    words = words if caps >= 4 else 0
    return words >= 4 and caps >= 0.7 * words and (small_caps > 0 or caps == words)


def _chunks(text: str, toks: list[tuple], common) -> list[list[tuple]]:
    """Runs of capitalised words joined by single spaces and lower-case particles
    ("Qalaat al Madiq", "al-Harir", "46th Regiment", "Shahba People's Council")."""
    out: list[list[tuple]] = []
    cur: list[tuple] = []
    last = len(toks) - 1
    for i, t in enumerate(toks):
        info = t[2]
        kind = info[_KIND]
        if kind is None:
            continue                    # LOW: the run before it is closed (not joined to it)
        nk = None
        joined = False
        if i < last:
            nxt = toks[i + 1]
            nk = nxt[2][_KIND]
            e = t[1]
            if nk is not None and nxt[0] - e == 1 and text[e] == " ":
                # "People's Council" is one name; "Türkiye's Operation Peace Spring" is two
                joined = not info[_POSS] or (text[e - 2] in "'’" and nk == "NAME" and common(info[_FOLD]))
        if kind == "NAME":
            cur.append(t)
        elif kind == "PART" and joined and nk == "NAME" and (cur or info[_TEXT].lower() in ("al", "el")):
            cur.append(t)
        elif kind == "ORD" and not cur and joined and nk == "NAME" and _ordinal(text, t[0]):
            cur.append(t)
        elif not cur:
            continue
        else:
            joined = False
        if not joined or (info[_POSS] and nk != "NAME"):
            while cur and cur[-1][2][_KIND] in ("PART", "ORD"):
                cur.pop()
            if cur:
                out.append(cur)
                cur = []
    return out


# Finding names ------------------------------------------------------------------------------

_WINDOW = 120          # characters of context looked at before a name (cues are short phrases)
_LEADING = re.compile(r"(?:\(\d+\)\s*)?(?:the\s+)?$")               # "(3) the " before a list item
_NO_WORDS = re.compile(r"[\W\d_]*")                                 # "15:25 – " before a sentence's words
_OPENERS = frozenset(":;\"“([" + DASHES)                            # a quote or a clause opens
_AND_NEXT = re.compile(r"\s*,?\s+(?:and|or)\b")
_UNKNOWN = object()   # _Unit.plural not looked at yet


class _Unit:
    """A run of capitalised words in a sentence: a gazetteer name (``known`` is its role) or a
    candidate name. Offsets are into the sentence."""
    __slots__ = ("a", "b", "ext_a", "ext_b", "known", "own", "before", "after", "shared", "vetoed",
                 "person_shaped", "possessive", "checked", "cue_before", "plural")

    def __init__(self, a: int, b: int, ext_a: int, ext_b: int, known: str = "", own: set | None = None,
                 possessive: bool = False):
        self.a = a
        self.b = b
        self.ext_a = ext_a            # with a leading "the" / "(3)"
        self.ext_b = ext_b            # with a trailing singular feature word ("the X base")
        self.known = known            # "place", "metonym", "dateline" for a gazetteer name
        self.own = own if own is not None else set()   # feature / prefix of the name itself
        self.before: set = set()      # cues before it (verb, noun, spatial, ...)
        self.after: set = set()       # cues after it (passive, apposition, ...)
        self.shared: set = set()      # cues from the list it is in
        self.vetoed = False           # a person, an organisation, a common word, ...
        self.person_shaped = False    # two or three plain words ("Walid Hasso"): weak cues do not do
        self.possessive = possessive
        self.checked = False          # before / after computed (only where they matter)
        self.cue_before: str | None = None   # what _before found, once computed
        self.plural = _UNKNOWN        # cues.plural_after matched at ext_b, once looked at

    def best(self) -> str:
        """The strongest usable cue, or ""."""
        if self.known or self.vetoed:
            return ""
        usable = self.own | self.before | self.after | self.shared
        if self.person_shaped:
            usable -= WEAK
        return min(usable, key=_CUE_ORDER.__getitem__) if usable else ""


class _Context:
    """What the rules consult besides the sentence: vocabulary, gazetteer, the report's words."""
    __slots__ = ("cues", "index", "text", "_lower", "_lower_words")

    def __init__(self, cues: _Cues, matcher: Matcher, text: str):
        self.cues = cues
        self.index = matcher.gazetteer.index
        self.text = text
        self._lower: dict[str, bool] = {}
        self._lower_words: frozenset[str] | None = None

    def common(self, w: str) -> bool:
        """A common word: in the vocabulary, or written in lower case somewhere in the report
        ("after")."""
        if w in self.cues.common:
            return True
        found = self._lower.get(w)
        if found is None:
            # each word is looked for in the report; in a long report, once many were, all of
            # its lower-case words are listed in one pass instead
            if (self._lower_words is None and len(self._lower) >= _LOOKUPS
                    and len(self.text) >= _LONG_REPORT):
                self._lower_words = _lower_words(self.text)
            if self._lower_words is not None:
                found = w in self._lower_words
            else:
                found = _lower_word(self.text, w)
            self._lower[w] = found
        return found


_LOOKUPS, _LONG_REPORT = 16, 200_000
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_SPACE = re.compile(r"\s")


def _lower_words(text: str) -> frozenset[str]:
    """``set(re.findall(r"\\b[a-z]+\\b", text))``, a megabyte at a time (cut at a space, which
    no word holds and which is no word character)."""
    out: set[str] = set()
    a, n = 0, len(text)
    while a < n:
        s = _SPACE.search(text, min(n, a + 1_000_000))
        b = s.start() if s else n
        out.update(_LOWER_WORD.findall(text, a, b))
        a = b
    return frozenset(out)


def _lower_word(text: str, w: str) -> bool:
    """Is ``w`` one of ``re.findall(r"\\b[a-z]+\\b", text)``?"""
    if not (w.isascii() and w.isalpha() and w.islower()):
        return False
    n = len(w)
    i = text.find(w)
    while i >= 0:
        j = i + n
        if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")) and (
                j == len(text) or not (text[j].isalnum() or text[j] == "_")):
            return True
        i = text.find(w, i + 1)
    return False


_KEYS: dict[str, str] = {}


def _key(name: str) -> str:
    """``name_key``, memoised."""
    k = _KEYS.get(name)
    if k is None:
        if len(_KEYS) >= 100_000:
            _KEYS.clear()
        k = _KEYS[name] = name_key(name)
    return k


def find_unresolved(report: Report, mentions: list[Mention], matcher: Matcher,
                    vocab_dir: Path | None = None) -> list[Unresolved]:
    """The names in ``report`` that look like places and that the gazetteer lacks, in text order.

    A name listed once in the report is listed at its other occurrences too (cue "repeat")."""
    text = report.text
    ctx = _Context(_cues(vocab_dir), matcher, text)
    spans = sorted((m.start, m.end, m.role) for m in mentions)
    toks = _tokens(text)
    sents = sentences(text)
    chunks = _within(_chunks(text, toks, ctx.common), sents)
    starts = [t[0] for t in toks]
    found: list[Unresolved] = []
    idle: list[tuple] = []          # names without a cue here, for the repeat pass
    n_spans, n_chunks = len(spans), len(chunks)
    i = c = 0
    first, second = _DATELINE_START
    for s in sents:
        s0, s1, st = s.start, s.end, s.text
        while i < n_spans and spans[i][1] <= s0:
            i += 1
        c0 = c
        while c < n_chunks and chunks[c][0][0] < s1:
            c += 1
        dateline = st[0] in first and st[1:2] in second        # may open with a dateline
        if c == c0 and not dateline:
            continue
        local, j = [], i
        while j < n_spans and spans[j][0] < s1:
            local.append(spans[j])
            j += 1
        for u in _sentence(st, s0, s1, chunks[c0:c], local, dateline, toks, starts, ctx):
            if u.known or u.vetoed:
                continue
            cue = u.best()
            if cue:
                found.append(Unresolved(st[u.a:u.b], report.id, st, s0 + u.a, s0 + u.b, cue, (), s0))
            elif not u.person_shaped:
                idle.append((st[u.a:u.b], st, s0 + u.a, s0 + u.b, s0))
    if idle and found:
        keys = {_key(u.name) for u in found}
        found += [Unresolved(name, report.id, sentence, a, b, "repeat", (), s0)
                  for name, sentence, a, b, s0 in idle if _key(name) in keys]
    return sorted(found, key=lambda u: u.start)


def _within(chunks: list[list[tuple]], sents) -> list[list[tuple]]:
    """``chunks`` cut where a sentence ends. Only a cut long sentence (text.sentences) can end
    inside one, between two of its words; a word across the cut (one too long for a space to
    be found) is in neither part, and each part ends with a name word, as every chunk does."""
    ends = [s.end for s in sents]
    out: list[list[tuple]] = []
    for ch in chunks:
        k = bisect_right(ends, ch[0][0])          # the sentence the chunk starts in
        if k >= len(ends) or ch[-1][1] <= ends[k]:
            out.append(ch)
            continue
        part: list[tuple] = []
        for t in ch:
            while k < len(ends) and t[0] >= ends[k]:
                _close(part, out)
                part = []
                k += 1
            if k >= len(ends) or t[1] <= ends[k]:
                part.append(t)
        _close(part, out)
    return out


def _close(part: list[tuple], out: list[list[tuple]]) -> None:
    while part and part[-1][2][_KIND] in ("PART", "ORD"):
        part.pop()
    if part:
        out.append(part)


def _sentence(text: str, s0: int, s1: int, chunks: list[list[tuple]], spans: list[tuple[int, int, str]],
              dateline: bool, toks: list[tuple], starts: list[int], ctx: _Context) -> list[_Unit]:
    """Every run of capitalised words of one sentence (``text``, at s0:s1 in the report), with
    its cues; none when none can be listed. ``chunks`` and ``spans`` (gazetteer names) are the
    sentence's, ``toks`` the report's (``starts``: where each begins), all with report offsets;
    ``dateline``: the sentence may open with one."""
    cues = ctx.cues
    low = None                      # the sentence in lower case, once there is a candidate
    units: list = []                # _Unit, or (a, b, role) for a gazetteer name until needed
    live = False
    # the names are in text order and disjoint (find_mentions): those overlapping a chunk are
    # a run of them, from the first that ends after it starts
    span_ends = [b for _, b, _ in spans]
    disjoint = all(map(operator.le, span_ends[:-1], [a for a, _, _ in spans[1:]]))
    for ch in chunks:
        ca = ch[0][0]
        if spans:
            end = ch[-1]
            cb = end[1] - end[2][_CUT]
            role = None
            for _a, _b, r in _overlapping(spans, span_ends, disjoint, ca, cb):
                if r == "place":
                    role = r
                    break
                if role is None:
                    role = r
            if role is not None:
                first = ch[0]
                fb = first[1] - first[2][_CUT]
                # "Kafr Halab" is not Aleppo ("Halab") even when the gazetteer knows only the latter
                if not (len(ch) >= 2 and first[2][_FOLD] in cues.prefixes
                        and next(_overlapping(spans, span_ends, disjoint, ca, fb), None) is None):
                    units.append((ca - s0, cb - s0, role))
                    continue
        if low is None:
            if _title_case(text, s0, s1, toks, starts):
                return []
            low = _lower(text)
        u = _candidate(text, low, ch, s0, ctx)
        if u is not None:
            units.append(u)
            live = live or not u.vetoed
    if dateline:
        d = _DATELINE.match(text)
        if d is not None and (chunks or any(
                info[_KIND] is not None for _, _, info in toks[bisect_left(starts, s0):bisect_left(starts, s1)])):
            if low is None:
                if _title_case(text, s0, s1, toks, starts):
                    return []
                low = _lower(text)
            d = _dateline(d, s0, spans, ctx)
            if d is not None:
                units.insert(0, d)
                live = True
    if not live:
        return []
    if len(units) > 1:
        # the extents _groups reads: with a leading "the"/"(3)" (not the first's) and a feature word
        for k, u in enumerate(units):
            if type(u) is tuple:
                u = units[k] = _Unit(u[0], u[1], -1, -1, known=u[2])
            if u.ext_a < 0 and k > 0:
                u.ext_a = _leading(low, u.a)
            if u.ext_b < 0:
                f = cues.feature_after.match(low, u.b) if low[u.b:u.b + 1].isspace() else None
                u.ext_b = f.end() if f else u.b
    for u in units:
        if not u.known and not u.vetoed:
            _context(u, low, cues)
    if len(units) > 1:
        _lists(low, units, cues)
    return units


def _overlapping(spans: list[tuple[int, int, str]], ends: list[int], disjoint: bool, a: int, b: int):
    """The spans that overlap [a, b), in order; ``ends``: theirs. When they are disjoint (and so
    in order of both start and end), only those are looked at."""
    if not disjoint:
        yield from (s for s in spans if s[0] < b and s[1] > a)
        return
    for k in range(bisect_right(ends, a), len(spans)):
        s = spans[k]
        if s[0] >= b:
            return
        yield s


def _lower(text: str) -> str:
    """``text`` in lower case, with the same offsets."""
    low = text.lower()
    if len(low) != len(text):              # a letter whose lower case is longer ("İ"): keep it
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def _leading(low: str, a: int) -> int:
    """Where a name at ``a`` begins with a leading "the"/"(3)" (``_LEADING`` within 12
    characters before it)."""
    lo = max(0, a - 12)
    if a - lo >= 2:
        c = low[a - 1]
        if (c == " " and low[a - 2] not in "e)" and not low[a - 2].isspace()) or not (c.isspace() or c == ")"):
            return a                        # no "the " nor ")" right before: _LEADING matches ""
    m = _LEADING.search(low, lo, a)
    return a - len(m.group()) if m else a


def _at_start(text: str, a: int) -> bool:
    """Only non-words before ``a`` ("15:25 – "), or a quote or a clause opening right before."""
    if _NO_WORDS.fullmatch(text, 0, a) is not None:
        return True
    while a > 0 and text[a - 1].isspace():
        a -= 1
    return a > 0 and text[a - 1] in _OPENERS


def _shape(cues: _Cues, toks: list[tuple], name: str) -> tuple:
    """What a candidate's words say whatever surrounds them (memoised in ``cues.shapes`` by
    whether the last is possessive and ``name``, the text they span, which determine them):
    the name without trailing area words, its key, its vetoes and cues of its own."""
    toks = list(toks)
    words = [info[_FOLD] for _, _, info in toks]
    area = False
    # a capitalised area word ending the name is dropped from it ("Idlib Province", "Shehba Region")
    while (len(toks) > 1 and toks[-1][2][_KIND] == "NAME" and words[-1] in cues.areas
           and words[-1] not in cues.org_words                             # "al-Nusra Front"
           and any(w not in cues.prefixes and w not in cues.common for w in words[:-1])):
        toks.pop(), words.pop()
        area = True
    length = toks[-1][1] - toks[-1][2][_CUT] - toks[0][0]
    key = name_key(name[:length])
    name_words = [w for w, (_, _, info) in zip(words, toks) if info[_KIND] != "PART"]
    site_inside = any(w in cues.site_words for w in name_words[1:])      # "Umayyad Square"
    prefix = len(name_words) >= 2 and name_words[0] in cues.prefixes
    # a name needs a word of its own; before a site word a common one will do ("Freedom Square")
    own_words = [w for w in name_words if w not in cues.site_words and w not in cues.areas]
    content_plain = any(w not in cues.plain for w in own_words)
    content_common = any(w not in cues.common for w in own_words)
    org_word = any(w in cues.org_words for w, (_, _, info) in zip(words, toks) if info[_TEXT][0].isupper())
    given = len(name_words) >= 2 and name_words[0] in cues.given                 # "Hassan Abdulghani"
    kunya = len(name_words) >= 2 and name_words[0] in cues.kunyas and name_words[1] in cues.given
    vetoed = (len(key) < 3 or key in cues.skip
              or cues.title_inside.match(" ".join(words)) is not None)       # "Foreign Minister Sergei Lavrov"
    stopword = len(name_words) == 1 and key in cues.stopwords
    orgs = cues.orgs is not None and not cues.org_vocab.isdisjoint(p for w in words for p in w.split())
    person = (2 <= len(toks) <= 3 and all(info[_KIND] == "NAME" for _, _, info in toks)
              and not any(c in DASHES for _, _, info in toks for c in info[_TEXT]))
    return (length, key, toks[-1][2][_POSS], area, site_inside, prefix, content_plain, content_common,
            org_word, given, kunya, vetoed, stopword, orgs, person)


def _candidate(text: str, low: str, ch: list[tuple], s0: int, ctx: _Context) -> _Unit | None:
    """A run of capitalised words that is no gazetteer name: trimmed to the name, its own cues
    (feature, prefix) and its vetoes."""
    cues = ctx.cues
    n = len(ch)
    i = 0
    # leading words that are not part of the name: "The", "Syrian", "After" opening a sentence;
    # but a place-name prefix stays ("Mount Hermon")
    while i < n:
        info = ch[i][2]
        if info[_KIND] != "NAME":
            break
        w = info[_FOLD]
        if w in cues.prefixes and sum(t[2][_KIND] == "NAME" for t in ch[i:]) >= 2:
            break
        if w in cues.skip_words:
            pass
        elif i > 0:
            break
        else:
            a = ch[0][0] - s0            # a word right before it: not at the start (_at_start)
            if (a >= 2 and text[a - 1] == " " and text[a - 2].isalpha()) or not (
                    _at_start(text, a) and ctx.common(w)):
                break
        i += 1
        while i < n and ch[i][2][_KIND] == "PART":
            i += 1
    if i == n or (i > 0 and all(t[2][_KIND] != "NAME" for t in ch[i:])):
        return None
    a = ch[i][0] - s0
    end = ch[-1]
    name = text[a:end[1] - end[2][_CUT] - s0]
    shapes = cues.shapes[end[2][_POSS]]
    shape = shapes.get(name)
    if shape is None:
        if len(shapes) >= 50_000:
            shapes.clear()
        shape = shapes[name] = _shape(cues, ch[i:], name)
    (length, key, poss, area, site_inside, prefix, content_plain, content_common,
     org_word, given, kunya, vetoed, stopword, orgs, person) = shape
    b = a + length
    if vetoed or key in ctx.index or not (content_plain or content_common):
        # vetoed whatever follows it: its extent is found if _groups needs it
        u = _Unit(a, b, -1, -1, possessive=poss)
        u.vetoed = True
        return u
    own: set = {"feature"} if area else set()
    f = None                       # feature_after, plural_after and org_after all begin with \s+
    plural = org_after = False
    if not poss and low[b:b + 1].isspace():
        m = cues.after_name.match(low, b)
        regs = m.regs
        if regs[_FEATURE][0] >= 0:
            f = m
        plural = regs[_PLURAL][0] >= 0
        org_after = regs[_ORG][0] >= 0
    site_after = f is not None and _fold(f.group("feature_word")) in cues.sites     # "the al-Harir base"
    if site_inside or f or plural:
        own.add("feature")
    if prefix:
        own.add("prefix")
    u = _Unit(a, b, -1, f.end("feature") if f else b, own=own, possessive=poss)
    if f is None:
        u.plural = plural
    site = site_inside or site_after
    vetoed = (not (content_plain if site else content_common)
              or (stopword and not site)
              or (org_word and not site_after)                               # but "the 46th Regiment base"
              or (given and not own)                                         # "Hassan Abdulghani"
              or (kunya and not site)                                        # "Abu Mohammed", "Umm Khaled"
              or (f is None and org_after))                                  # "the Nujabaa movement"
    if not vetoed:
        u.cue_before = _before(low[max(0, a - _WINDOW):a], cues)
        vetoed = u.cue_before in ("title", "source")                   # "commander Mazloum Abdi",
    if not vetoed and orgs:
        # in a name of organisations.txt (which shares a word with it)
        lo, hi = max(0, a - cues.org_length), min(len(text), b + cues.org_length)
        vetoed = any(m.start() < b and m.end() > a for m in cues.orgs.finditer(text, lo, hi))
    u.vetoed = vetoed
    u.person_shaped = not own and person
    return u


_NUMBERED = re.compile(r"\(\d+\)")                               # "(3)" in a numbered list
_DETERMINERS = frozenset("the a an both its their".split())
_DIRECTIONS = frozenset(f"{a}{sep}{b}{ern}" for a in ("north", "south") for b in ("", "east", "west")
                        for sep in (("",) if not b else ("", "-")) for ern in ("", "ern")) | \
    frozenset(f"{a}{ern}" for a in ("east", "west") for ern in ("", "ern"))


def _before(before: str, cues: _Cues) -> str:
    """The cue that the lower-cased text before a name ends with: "noun" ("the villages of",
    "west of"), "verb" ("pulled out of", "captured the"), "spatial" ("near"), "weak" ("in"),
    "source" ("according to"), "title" ("commander"), or ""."""
    if not before[-1:].isspace():
        return ""                                   # '"Hama', "(Hama": no cue
    words = before[-_WINDOW:].rsplit(None, cues.before_words)      # the last words are enough
    if len(words) > cues.before_words:
        del words[0]
    if cues.title_phrases.ends(words):
        return "title"
    num = det = direction = False
    if words and _NUMBERED.fullmatch(words[-1]):
        words, num = words[:-1], True               # "(3) "
    if words and words[-1] in _DIRECTIONS:
        words, direction = words[:-1], True         # "northern "
    if words and words[-1] in _DETERMINERS:
        words, det = words[:-1], True               # "the "
    if words and words[-1] == "of" and cues.nouns.ends(words[:-1]):
        return "noun"
    if cues.verbs.ends(words):
        return "verb"
    if not num and cues.spatial.ends(words):
        return "spatial"
    if not num and not direction and (cues.sources.ends(words) or (
            len(words) >= 2 and words[-1] in cues.speech_words and words[-2][-1] in ",\"”’'")):
        return "source"                             # 'according to X', '"...," said X'
    if not num and not det and cues.weak.ends(words):
        return "weak"
    return ""


def _context(u: _Unit, low: str, cues: _Cues) -> None:
    """The cues before and after a unit. A name in the possessive is a modifier ("Hama's
    outskirts"): what comes before it is not about it."""
    u.checked = True
    if not u.possessive:
        before = low[max(0, u.a - _WINDOW):u.a]
        kind = _before(before, cues) if u.cue_before is None else u.cue_before
        if kind in RANK:
            u.before.add(kind)
        ends = cues.introducer_ends
        if ends is None or ":" in before or _ends_with(before.rsplit(None, 4)[-4:], ends):
            m = cues.introducer.search(before)
            if m and cues.plural_place.search(low[:u.a - len(before) + m.start()]):
                u.before.add("introducer")  # "ten districts, among them X"; "the following areas: (1) X"
    after = low[u.ext_b:u.ext_b + _WINDOW]
    c = after[:1]
    if c.isspace() or c == ",":             # each cue after a name begins with a space or a comma
        if cues.passive.match(after) or cues.among.match(after):
            u.after.add("passive")
        if cues.apposition.match(after):
            u.after.add("apposition")
        if cues.direction.match(after):
            u.after.add("direction")
        plural = (cues.plural_after.match(low, u.ext_b) is not None) if u.plural is _UNKNOWN else u.plural
        if plural:
            u.after.add("feature")          # "the Hamdaniya and New Aleppo districts"
        # "X said", "X, the group's spokesman": a person or an organisation speaking; but in
        # "residents of X said" the speakers are the residents
        if not u.known and not u.own and "noun" not in u.before and (
                cues.speech.match(after) or cues.title_after.match(after)):
            u.vetoed = True


def _ends_with(words: list[str], ends: tuple[str, ...]) -> bool:
    """Does one of ``words`` end with one of ``ends``?"""
    for w in words:
        if w.endswith(ends):
            return True
    return False


def _dateline(m: re.Match, s0: int, spans, ctx: _Context) -> _Unit | None:
    """An upper-case place name opening a paragraph (``m``, a _DATELINE match): "QAMISHLI –",
    "NAWA, Dec 6 (Reuters) -"."""
    if any(a - s0 < m.end() for a, _, _ in spans):
        return None
    key = _key(m.group("n"))
    cues = ctx.cues
    if key in cues.skip or key in ctx.index or len(key) < 3 or key in cues.stopwords:
        return None
    return _Unit(0, m.end("n"), 0, m.end("n"), own={"dateline"})


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?P<c>and|or)\s+)?|\s(?P<a>and|or|as\s+well\s+as)\s+)\s*")


def _lists(low: str, units: list[_Unit], cues: _Cues) -> None:
    """Names in one list ("A, B and the C base") share the list's cues: those before its first
    name and after its last, a name of it with a feature or prefix, a known place in it."""
    for g in _groups(low, units):
        if all(u.known or u.vetoed for u in g):
            continue
        first, last = g[0], g[-1]
        for u in (first, last):
            if not u.checked:
                _context(u, low, cues)
        spread = {k if k in ("feature", "weak") else "list"
                  for k in (first.before - {"weak"}) | last.after}
        if "weak" in first.before:
            spread.add("weak")
        if any(u.own - {"dateline"} and not u.vetoed and not u.known for u in g):
            spread.add("list")
        elif any(u.known == "place" for u in g):
            spread.add("list-known")
        for u in g:
            u.shared |= spread


def _groups(low: str, units: list[_Unit]) -> list[list[_Unit]]:
    """Runs of units separated by ", ", " and ", ", or " ...: "A, B and C", "A, B, C",
    "(1) A, (2) B and (3) the C base"; two names need an "and" ("Aleppo, Walid Hasso" is an
    apposition)."""
    out: list[list[_Unit]] = []
    cur: list[_Unit] = []
    coordinated = False
    for u in units + [None]:
        m = (_LIST_GAP.fullmatch(low, cur[-1].ext_b, u.ext_a)
             if u is not None and cur and not cur[-1].possessive else None)
        if m:
            cur.append(u)
            coordinated = coordinated or bool(m.group("c") or m.group("a"))
            continue
        if len(cur) > 2 or (len(cur) == 2 and (
                coordinated or _AND_NEXT.match(low, cur[-1].ext_b) is not None)):
            out.append(cur)
        cur, coordinated = [u], False
    return out


# Summary ------------------------------------------------------------------------------------

def group(items: list[Unresolved]) -> dict[str, list[Unresolved]]:
    """Occurrences by name key, each group strongest cue first, then by article and position."""
    by: dict[str, list[Unresolved]] = {}
    for u in items:
        by.setdefault(name_key(u.name), []).append(u)
    return {k: sorted(us, key=lambda u: (RANK.get(u.cue, len(RANK)), u.article, u.start, u.sentence))
            for k, us in by.items()}


def summarise(items: list[Unresolved]) -> list[Row]:
    """One row per name, most frequent first: its spelling and example from its clearest
    occurrence (the strongest cue), and how many mentions and articles name it."""
    rows = []
    for us in group(items).values():
        ex = us[0]
        said = sorted({c for u in us for c in u.claims})
        rows.append(Row(ex.name, len(us), len({u.article for u in us}), ex.article, _example(ex), "; ".join(said)))
    return sorted(rows, key=lambda r: (-r.mentions, r.name))


def _example(u: Unresolved) -> str:
    """The sentence shown for ``u``: whole, or of a long one the part around the name
    (text.window), as in places.geojson."""
    s, s0 = u.sentence, u.sentence_start
    if len(s) <= WHOLE:
        return s
    if not (0 <= s0 <= u.start and u.end <= s0 + len(s)):    # where it starts not known: find the name
        k = s.find(u.name)
        if k < 0:
            return s[:WINDOW]
        s0 = u.start - k
    x, y = window(s, s0, u.start, u.end)
    return s[x - s0:y - s0]


def with_claims(report: Report, found: list[Unresolved], pending, matcher: Matcher,
                not_forces: frozenset[str] = frozenset(), vocab_dir: Path | None = None) -> list[Unresolved]:
    """``found`` with the control claims made about names the gazetteer lacks (``pending``:
    geo.claims.PendingClaim, with the name's offsets). A name a claim is about that the finder did
    not list is listed too (cue "claim"), unless it is a skip word, a force or too short."""
    cues = _cues(vocab_dir)
    said: dict[tuple[int, int], list[str]] = {}
    for p in pending:
        said.setdefault((p.start, p.end), []).append(f"{p.actor} {p.status} ({p.claimant_side})")
    sents = starts = None

    def starts_of(p) -> int:
        """Where the sentence of ``p`` (one of text.sentences) starts, or -1."""
        nonlocal sents, starts
        if len(p.sentence) <= WHOLE:
            return -1                 # (shown whole: not needed)
        if sents is None:
            sents = sentences(report.text)
            starts = [s.start for s in sents]
        k = bisect_right(starts, p.start) - 1
        return sents[k].start if k >= 0 and sents[k].text == p.sentence else -1

    out, covered = [], set()
    keys = sorted(said)                      # (start, end) of the names claims are about
    key_starts = [a for a, _ in keys]
    longest = max((b - a for a, b in keys), default=0)
    for u in found:
        # those overlapping the name start after u.start - longest and before u.end
        lo, hi = bisect_right(key_starts, u.start - longest), bisect_left(key_starts, u.end)
        over = [(a, b) for a, b in keys[lo:hi] if u.start < b]
        if over:
            covered.update(over)
            u = replace(u, claims=tuple(sorted({c for k in over for c in said[k]})))
        out.append(u)
    for p in pending:
        if (p.start, p.end) in covered:
            continue
        key = name_key(p.name)
        words = key.split()
        if (len(key) < 3 or key in cues.skip or key in not_forces or key in matcher.gazetteer.index
                or words[0] in cues.skip_words or words[0] in cues.openers or key in cues.stopwords
                or any(w in cues.org_words or w in cues.titles for w in words)):
            continue
        covered.add((p.start, p.end))
        out.append(Unresolved(p.name, report.id, p.sentence, p.start, p.end, "claim",
                              tuple(sorted(set(said[(p.start, p.end)]))), starts_of(p)))
    return sorted(out, key=lambda u: u.start)

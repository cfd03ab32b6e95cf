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

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from . import vocab
from .errors import VocabularyError
from .mentions import Matcher, Mention
from .reports import Report
from .text import APOSTROPHES, DASHES, name_key, sentences

CUES_FILE = "unresolved.toml"

# Why a name looks like a place, strongest first; a name's example sentence shows its strongest.
RANK = {"feature": 0, "prefix": 0, "noun": 0, "apposition": 0, "claim": 1, "verb": 1, "passive": 1,
        "direction": 1, "introducer": 1, "spatial": 1, "list": 2, "weak": 3, "list-known": 3,
        "dateline": 4, "repeat": 5}
WEAK = frozenset({"weak", "list-known", "dateline", "repeat"})


@dataclass(frozen=True)
class Unresolved:
    name: str
    article: str
    sentence: str
    start: int = 0      # the name's offsets in report.text
    end: int = 0
    cue: str = ""       # why it looks like a place: a key of RANK
    claims: tuple[str, ...] = ()   # control claims made about the name here ("opposition captured (outlet)")


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

    def ends(self, words: list[str]) -> bool:
        return any(tuple(words[-n:]) in self.set for n in range(1, min(self.longest, len(words)) + 1))


def _strings(data: dict, section: str, key: str, source: str) -> list[str]:
    table = data.get(section)
    value = table.get(key) if isinstance(table, dict) else None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabularyError(f"{source}: [{section}] {key} must be a list of strings")
    return value


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


def _loose(name: str) -> str:
    """A regex for an organisation name that ignores apostrophes, dashes and spacing."""
    parts = [re.escape(w) for w in re.split(rf"[\s{re.escape(DASHES)}]+", name.strip()) if w]
    parts = [re.sub(rf"[{re.escape(APOSTROPHES)}]", f"[{re.escape(APOSTROPHES)}]?", p) for p in parts]
    return rf"[\s{re.escape(DASHES)}]*".join(parts)


@lru_cache(maxsize=None)
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
_JOINERS = frozenset("al el ad ed ash ar az ez bin ibn bint".split())   # lower case, between words
_POSSESSIVE = re.compile(rf"[{_APOS}]s$")
_TITLE_CASE_SMALL = frozenset("a an the of in on at to for and or but from by with as vs".split())
# "QAMISHLO – ...", "NAWA, Dec 6 (Reuters) - ..."
_DATELINE = re.compile(rf"^(?P<n>[A-Z][A-Z{_APOS}{_DASH} ]*[A-Z])"
                       rf"(?=\s*(?:,\s*[A-Z][a-z]{{2,}}\.?\s+\d|\(|[{_DASH}]\s))")


@dataclass(slots=True)
class _Tok:
    a: int
    b: int
    text: str
    kind: str            # NAME | PART | ORD | ACRO | ADJ | LOW
    possessive: bool = False


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


def _tokens(text: str) -> tuple[list[_Tok], bool]:
    """The tokens that can be part of a name (other words only separate them), and whether the
    sentence is a headline in Title Case (most words, small words too, capitalised)."""
    out = []
    caps = small_caps = 0
    for m in _TOKEN.finditer(text):
        w, b = m.group(), m.end()
        if w[0].isupper():
            caps += 1
            small_caps += w.lower() in _TITLE_CASE_SMALL
        kind = _kind(w)
        if kind == "LOW":
            continue
        poss = len(w) > 2 and _POSSESSIVE.search(w) is not None
        if poss:
            w, b = w[:-2], b - 2
            kind = _kind(w)
        out.append(_Tok(m.start(), b, w, kind, poss))
    words = len(text.split()) if caps >= 4 else 0
    title_case = words >= 4 and caps >= 0.7 * words and (small_caps > 0 or caps == words)
    return out, title_case


def _chunks(text: str, toks: list[_Tok], common) -> list[list[_Tok]]:
    """Runs of capitalised words joined by single spaces and lower-case particles
    ("Qalaat al Madiq", "al-Harir", "46th Regiment", "Shahba People's Council")."""
    out: list[list[_Tok]] = []
    cur: list[_Tok] = []

    def close():
        while cur and cur[-1].kind in ("PART", "ORD"):
            cur.pop()
        if cur:
            out.append(list(cur))
        cur.clear()

    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        gap = text[t.b:nxt.a] if nxt is not None else ""
        # "People's Council" is one name; "Türkiye's Operation Peace Spring" is two
        joined = gap == " " or (gap in ("'s ", "’s ") and nxt.kind == "NAME" and common(_fold(t.text)))
        if t.kind == "NAME":
            cur.append(t)
        elif t.kind == "PART" and joined and nxt.kind == "NAME" and (cur or t.text.lower() in ("al", "el")):
            cur.append(t)
        elif t.kind == "ORD" and not cur and joined and nxt.kind == "NAME":
            cur.append(t)
        else:
            close()
            continue
        if not joined or (t.possessive and nxt.kind != "NAME"):
            close()
    close()
    return out


# Finding names ------------------------------------------------------------------------------

_WINDOW = 120          # characters of context looked at before a name (cues are short phrases)
_LEADING = re.compile(r"(?:\(\d+\)\s*)?(?:the\s+)?$")               # "(3) the " before a list item
_NO_WORDS = re.compile(r"[\W\d_]*")                                 # "15:25 – " before a sentence's words
_OPENING = re.compile(rf"[:;\"“(\[{_DASH}]\s*$")                     # a quote or a clause opens
_AND_NEXT = re.compile(r"\s*,?\s+(?:and|or)\b")


@dataclass(slots=True)
class _Unit:
    """A run of capitalised words in a sentence: a gazetteer name (``known`` is its role) or a
    candidate name. Offsets are into the sentence."""
    a: int
    b: int
    ext_a: int                    # with a leading "the" / "(3)"
    ext_b: int                    # with a trailing singular feature word ("the X base")
    known: str = ""               # "place", "metonym", "dateline" for a gazetteer name
    own: set = field(default_factory=set)      # feature / prefix of the name itself
    before: set = field(default_factory=set)   # cues before it (verb, noun, spatial, ...)
    after: set = field(default_factory=set)    # cues after it (passive, apposition, ...)
    shared: set = field(default_factory=set)   # cues from the list it is in
    vetoed: bool = False          # a person, an organisation, a common word, ...
    person_shaped: bool = False   # two or three plain words ("Walid Hasso"): weak cues do not do
    possessive: bool = False
    checked: bool = False         # before / after computed (only where they matter)
    cue_before: str | None = None  # what _before found, once computed

    def best(self) -> str:
        """The strongest usable cue, or ""."""
        if self.known or self.vetoed:
            return ""
        usable = [k for k in self.own | self.before | self.after | self.shared
                  if not (self.person_shaped and k in WEAK)]
        return min(usable, key=lambda k: (RANK[k], k)) if usable else ""


@dataclass
class _Context:
    """What the rules consult besides the sentence: vocabulary, gazetteer, the report's words."""
    cues: _Cues
    matcher: Matcher
    lower_words: frozenset        # words the report writes in lower case somewhere ("after")

    def common(self, w: str) -> bool:
        return w in self.cues.common or w in self.lower_words


def find_unresolved(report: Report, mentions: list[Mention], matcher: Matcher,
                    vocab_dir: Path | None = None) -> list[Unresolved]:
    """The names in ``report`` that look like places and that the gazetteer lacks, in text order.

    A name listed once in the report is listed at its other occurrences too (cue "repeat")."""
    ctx = _Context(_cues(vocab_dir), matcher,
                   frozenset(re.findall(r"\b[a-z]+\b", report.text)))
    spans = sorted((m.start, m.end, m.role) for m in mentions)
    found: list[Unresolved] = []
    idle: list[Unresolved] = []     # names without a cue here, for the repeat pass
    i = 0
    for s in sentences(report.text):
        while i < len(spans) and spans[i][1] <= s.start:
            i += 1
        local, j = [], i
        while j < len(spans) and spans[j][0] < s.end:
            a, b, role = spans[j]
            local.append((a - s.start, b - s.start, role))
            j += 1
        for u in _sentence(s.text, local, ctx):
            if u.known:
                continue
            item = Unresolved(s.text[u.a:u.b], report.id, s.text, s.start + u.a, s.start + u.b, u.best())
            if item.cue:
                found.append(item)
            elif not u.vetoed and not u.person_shaped:
                idle.append(item)
    keys = {name_key(u.name) for u in found}
    found += [replace(u, cue="repeat") for u in idle if name_key(u.name) in keys]
    return sorted(found, key=lambda u: u.start)


def _sentence(text: str, spans: list[tuple[int, int, str]], ctx: _Context) -> list[_Unit]:
    """Every run of capitalised words of one sentence, with its cues."""
    toks, title_case = _tokens(text)
    if not toks or title_case:
        return []
    cues = ctx.cues
    low = text.lower()
    if len(low) != len(text):              # a letter whose lower case is longer ("İ"): keep it
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    units: list[_Unit] = []
    for ch in _chunks(text, toks, ctx.common):
        hit = [role for a, b, role in spans if a < ch[-1].b and b > ch[0].a]
        first = ch[0]
        # "Kafr Halab" is not Aleppo ("Halab") even when the gazetteer knows only the latter
        other_place = (_fold(first.text) in cues.prefixes and len(ch) >= 2
                       and not any(a < first.b and b > first.a for a, b, _ in spans))
        if hit and not other_place:
            u = _Unit(ch[0].a, ch[-1].b, *_extent(low, ch[0].a, ch[-1].b, cues),
                      known="place" if "place" in hit else hit[0])
        else:
            u = _candidate(text, low, ch, ctx)
        if u is not None:
            units.append(u)
    d = _dateline(text, spans, ctx)
    if d is not None:
        units.insert(0, d)
    live = [u for u in units if not u.known and not u.vetoed]
    if not live:
        return []
    for u in live:
        _context(u, low, cues)
    _lists(low, units, cues)
    return units


def _extent(low: str, a: int, b: int, cues: _Cues) -> tuple[int, int]:
    """A name's span with a leading "the"/"(3)" and a trailing singular feature word."""
    m = _LEADING.search(low, max(0, a - 12), a)
    ea = a - len(m.group()) if m else a
    f = cues.feature_after.match(low, b)
    return ea, (f.end() if f else b)


def _candidate(text: str, low: str, ch: list[_Tok], ctx: _Context) -> _Unit | None:
    """A run of capitalised words that is no gazetteer name: trimmed to the name, its own cues
    (feature, prefix) and its vetoes."""
    cues = ctx.cues
    toks = list(ch)
    at_start = (_NO_WORDS.fullmatch(text, 0, toks[0].a) is not None
                or _OPENING.search(text, 0, toks[0].a) is not None)
    # leading words that are not part of the name: "The", "Syrian", "After" opening a sentence;
    # but a place-name prefix stays ("Mount Hermon")
    while toks and toks[0].kind == "NAME":
        w = _fold(toks[0].text)
        if w in cues.prefixes and sum(t.kind == "NAME" for t in toks) >= 2:
            break
        if not (w in cues.skip_words or (at_start and toks[0] is ch[0] and ctx.common(w))):
            break
        toks.pop(0)
        while toks and toks[0].kind == "PART":
            toks.pop(0)
    if not toks or all(t.kind != "NAME" for t in toks):
        return None
    own: set = set()
    words = [_fold(t.text) for t in toks]
    # a capitalised area word ending the name is dropped from it ("Idlib Province", "Shehba Region")
    while (len(toks) > 1 and toks[-1].kind == "NAME" and words[-1] in cues.areas
           and words[-1] not in cues.org_words                             # "al-Nusra Front"
           and any(w not in cues.prefixes and w not in cues.common for w in words[:-1])):
        toks.pop(), words.pop()
        own.add("feature")
    a, b = toks[0].a, toks[-1].b
    name_words = [w for w, t in zip(words, toks) if t.kind != "PART"]
    poss = toks[-1].possessive
    f = None if poss else cues.feature_after.match(low, b)
    plural = None if poss else cues.plural_after.match(low, b)
    site_inside = any(w in cues.site_words for w in name_words[1:])      # "Umayyad Square"
    site_after = f is not None and _fold(f.group("f")) in cues.sites     # "the al-Harir base"
    if site_inside or f or plural:
        own.add("feature")
    if len(name_words) >= 2 and name_words[0] in cues.prefixes:
        own.add("prefix")
    u = _Unit(a, b, *_extent(low, a, b, cues), own=own, possessive=poss)

    key = name_key(text[a:b])
    u.cue_before = _before(low[max(0, a - _WINDOW):a], cues)
    # a name needs a word of its own; before a site word a common one will do ("Freedom Square")
    plain = cues.plain if site_inside or site_after else cues.common
    content = [w for w in name_words if w not in cues.site_words and w not in cues.areas and w not in plain]
    org_word = any(w in cues.org_words for w, t in zip(words, toks) if t.text[0].isupper())
    given = len(name_words) >= 2 and name_words[0] in cues.given                 # "Hassan Abdulghani"
    kunya = len(name_words) >= 2 and name_words[0] in cues.kunyas and name_words[1] in cues.given
    u.vetoed = (
        not content or len(key) < 3 or key in cues.skip or key in ctx.matcher.gazetteer.index
        or (len(name_words) == 1 and key in cues.stopwords and not (site_inside or site_after))
        or (org_word and not site_after)                               # but "the 46th Regiment base"
        or (f is None and cues.org_after.match(low, b) is not None)    # "the Nujabaa movement"
        or cues.title_inside.match(" ".join(words)) is not None        # "Foreign Minister Sergei Lavrov"
        or u.cue_before in ("title", "source")                         # "commander Mazloum Abdi",
        or (given and not own)                                         # "Hassan Abdulghani"
        or (kunya and not (site_inside or site_after))                 # "Abu Mohammed", "Umm Khaled"
    )
    if not u.vetoed and cues.orgs is not None and not cues.org_vocab.isdisjoint(
            p for w in words for p in w.split()):
        # in a name of organisations.txt (which shares a word with it)
        lo, hi = max(0, a - cues.org_length), min(len(text), b + cues.org_length)
        u.vetoed = any(m.start() < b and m.end() > a for m in cues.orgs.finditer(text, lo, hi))
    u.person_shaped = (not own and 2 <= len(toks) <= 3 and all(t.kind == "NAME" for t in toks)
                       and not any(c in DASHES for t in toks for c in t.text))
    return u


_NUMBERED = re.compile(r"\(\d+\)")                               # "(3)" in a numbered list
_DETERMINERS = frozenset("the a an both its their".split())
_DIRECTIONS = frozenset(f"{a}{sep}{b}{ern}" for a in ("north", "south") for b in ("", "east", "west")
                        for sep in (("",) if not b else ("", "-")) for ern in ("", "ern")) | \
    frozenset(f"{a}{ern}" for a in ("east", "west") for ern in ("", "ern"))


def _before(before: str, cues: "_Cues") -> str:
    """The cue that the lower-cased text before a name ends with: "noun" ("the villages of",
    "west of"), "verb" ("pulled out of", "captured the"), "spatial" ("near"), "weak" ("in"),
    "source" ("according to"), "title" ("commander"), or ""."""
    if not before[-1:].isspace():
        return ""                                   # '"Hama', "(Hama": no cue
    words = before[-_WINDOW:].split()
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
        m = cues.introducer.search(before)
        if m and cues.plural_place.search(low[:u.a - len(before) + m.start()]):
            u.before.add("introducer")      # "ten districts, among them X"; "the following areas: (1) X"
    after = low[u.ext_b:u.ext_b + _WINDOW]
    if cues.passive.match(after) or cues.among.match(after):
        u.after.add("passive")
    if cues.apposition.match(after):
        u.after.add("apposition")
    if cues.direction.match(after):
        u.after.add("direction")
    if cues.plural_after.match(low, u.ext_b):
        u.after.add("feature")              # "the Hamdaniya and New Aleppo districts"
    # "X said", "X, the group's spokesman": a person or an organisation speaking; but in
    # "residents of X said" the speakers are the residents
    if not u.known and not u.own and "noun" not in u.before and (
            cues.speech.match(after) or cues.title_after.match(after)):
        u.vetoed = True


def _dateline(text: str, spans, ctx: _Context) -> _Unit | None:
    """An upper-case place name opening a paragraph: "QAMISHLI –", "NAWA, Dec 6 (Reuters) -"."""
    m = _DATELINE.match(text)
    if not m or any(a < m.end() for a, _, _ in spans):
        return None
    key = name_key(m.group("n"))
    cues = ctx.cues
    if key in cues.skip or key in ctx.matcher.gazetteer.index or len(key) < 3 or key in cues.stopwords:
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
    out, cur, coordinated = [], [], False

    def close():
        if len(cur) > 2 or (len(cur) == 2 and (
                coordinated or _AND_NEXT.match(low, cur[-1].ext_b) is not None)):
            out.append(list(cur))

    for u in units:
        m = _LIST_GAP.fullmatch(low, cur[-1].ext_b, u.ext_a) if cur and not cur[-1].possessive else None
        if m:
            cur.append(u)
            coordinated = coordinated or bool(m.group("c") or m.group("a"))
        else:
            close()
            cur, coordinated = [u], False
    close()
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
        rows.append(Row(ex.name, len(us), len({u.article for u in us}), ex.article, ex.sentence, "; ".join(said)))
    return sorted(rows, key=lambda r: (-r.mentions, r.name))


def with_claims(report: Report, found: list[Unresolved], pending, matcher: Matcher,
                not_forces: frozenset[str] = frozenset(), vocab_dir: Path | None = None) -> list[Unresolved]:
    """``found`` with the control claims made about names the gazetteer lacks (``pending``:
    geo.claims.PendingClaim, with the name's offsets). A name a claim is about that the finder did
    not list is listed too (cue "claim"), unless it is a skip word, a force or too short."""
    cues = _cues(vocab_dir)
    said: dict[tuple[int, int], list[str]] = {}
    for p in pending:
        said.setdefault((p.start, p.end), []).append(f"{p.actor} {p.status} ({p.claimant_side})")
    out, covered = [], set()
    for u in found:
        here = [c for (a, b), cs in said.items() if a < u.end and u.start < b for c in cs]
        if here:
            covered.update((a, b) for (a, b) in said if a < u.end and u.start < b)
            u = replace(u, claims=tuple(sorted(set(here))))
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
                              tuple(sorted(set(said[(p.start, p.end)])))))
    return sorted(out, key=lambda u: u.start)

"""Finding place names in report text and deciding what each mention is.

``find_mentions(report, matcher)`` is pure: it returns ``Mention``s with character offsets into
``report.text`` and the sentence around each. A mention's ``role`` is

- ``place``: somewhere something happened or is described;
- ``metonym``: a capital, seat of power or country standing for its government
  ("Moscow regarded", "Damascus acknowledged", "Kremlin spokesman", "Ankara-backed");
- ``dateline``: where the report was filed ("DAMASCUS (Reuters) -", "MOSCOW, December 9.",
  "Hama, Syria —", or one stuck to the end of a heading line).

Only countries, capitals and seats of government can be metonyms. Their role comes from the
words around them, in the order of geo/data/metonymy.toml: a hyphen compound ("Ankara-backed",
"Britain-based"), a possessive ("Russia's air force", "Syria's second city"), the words just
before (an agentive or a locative preposition, the verb whose object it is) and just after (a
government noun, an appositive, the verb it is the subject of). Each list of words is data.

Names are found with one Aho-Corasick automaton over every name and alias (built once; cost
linear in the text, independent of gazetteer size), in a case-, diacritic- and dash-folded copy
of the text of the same length. Whole words only; longest match first; names inside organisation
names ("Hayat Tahrir al-Sham") are not places. Phrases such as "the city", "the city's historic
citadel" and "a highway that links Aleppo to Damascus" are resolved from context (geo/data/context.toml):
"the city" points at the settlement the report named last in the foreground (not "towards Homs",
"south-east of Hama"), and is left unresolved when that place is of another kind, unknown to the
gazetteer, or one of several the report's topic does not decide between."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from dataclasses import dataclass, replace
from pathlib import Path

import ahocorasick_rs

from . import vocab
from .errors import VocabularyError
from .gazetteer import Gazetteer
from .model import Entry, Mention, Report
from .text import DASHES, Sentence, name_key, normalize, padded_word_form_utf8, sentences, word_keys

ORG = "\x00org"  # automaton value for organisation names, which block place matches
_NFA = ahocorasick_rs.Implementation.ContiguousNFA  # compact; the fastest here (bench/RESULTS.md)


class Matcher:
    """The gazetteer's names compiled once into an automaton, plus the rules that use them.

    The automaton holds every name as its word form wrapped in spaces (" al bab "), and runs
    over the report's word form padded with a space at each end, reporting overlapping hits: so
    every hit is a whole-word occurrence and nothing else. Longest-first selection then runs
    only where hits overlap."""

    def __init__(self, gazetteer: Gazetteer, vocab_dir: Path | None = None):
        self.gazetteer = gazetteer
        values: dict[str, str] = {}                      # word key -> entry id or ORG
        edge_sets: dict[str, dict[tuple[str, str], str]] = {}  # word key -> marks at its edges -> id
        plain: dict[str, str] = {}                             # word key -> id of the name without marks
        keys = [(k, eid) for k, eid in gazetteer.index.items()]
        keys += [(name_key(o), ORG) for o in vocab.lines("organisations.txt", vocab_dir)
                 if name_key(o) not in gazetteer.index]
        # Names that differ only in punctuation are one word key. A CSV gazetteer may not have
        # two entries behind one (gazetteer.py refuses it); in a GeoNames dump the name spelled
        # exactly as the words ("Pekin" over "Pe'kin") wins, then the index's order.
        wks = word_keys([k for k, _ in keys])
        order = sorted(range(len(keys)), key=lambda n: wks[n] != keys[n][0])
        for n in order:
            (key, eid), wk = keys[n], wks[n]
            if wk and wk == key:
                values.setdefault(wk, eid)
                plain.setdefault(wk, eid)
            elif wk:
                # Marks at a name's edges ("'Afrin", "Washington, D.C.") must be in the text,
                # as written, for the name to match ("`Iraq", an alias of Arak, is not "Iraq"),
                # unless the name is also known without them.
                i, j = key.index(wk[0]), key.rindex(wk[-1]) + 1
                values.setdefault(wk, eid)
                if key[:i] or key[j:]:
                    edge_sets.setdefault(wk, {}).setdefault((key[:i], key[j:]), eid)
                else:
                    plain.setdefault(wk, eid)
        patterns = [f" {k} " for k in values]
        self._values = list(values.values())
        self._edges = {
            n: (sorted(((lead, tail, eid) for (lead, tail), eid in edge_sets[k].items()),
                       key=lambda e: (-len(e[0]) - len(e[1]), e)), plain.get(k))
            for n, k in enumerate(values) if k in edge_sets}
        # over UTF-8 bytes: faster than over str, and news text in word form is mostly ASCII
        self._automaton = ahocorasick_rs.BytesAhoCorasick(
            [p.encode("utf-8", "surrogatepass") for p in patterns], implementation=_NFA)
        self.rules = _Rules(gazetteer, vocab_dir)

    def raw_matches(self, text: str) -> list[tuple[int, int, str]]:
        """Whole-word, longest-first, non-overlapping (start, end, entry id or ORG) in ``text``."""
        padded = padded_word_form_utf8(text)
        hits = self._automaton.find_matches_as_indexes(padded, overlapping=True)
        if not hits:
            return []
        if len(padded) != len(text) + 2:
            hits = _char_offsets(padded, hits)
        # the key " k " at [a, b) of ``padded`` is the word at [a, b - 2) of ``text``. Hits come
        # in order of their end: they are disjoint unless one starts before the previous ends.
        values, edges = self._values, self._edges
        if not edges:
            return _outermost([(a, b - 2, values[i]) for i, a, b in hits])
        spans = []
        for i, a, b in hits:
            if i in edges:
                spans.extend(self._edged(text, a, b - 2, i))
            else:
                spans.append((a, b - 2, values[i]))
        return _outermost(spans)

    def _edged(self, text: str, a: int, b: int, i: int) -> list[tuple[int, int, str]]:
        """The name without marks, if the gazetteer has it, then the span widened over the marks
        at the name's edges when the text has them (and the entry so named): both, in order of
        their end, so that where the widened one overlaps another name the plain one may still
        be kept ("Usman'Afrin": "Usman'" and "Afrin")."""
        variants, plain = self._edges[i]
        out = [(a, b, plain)] if plain is not None else []
        for lead, tail, eid in variants:
            if (a >= len(lead) and normalize(text[a - len(lead):a]) == lead
                    and normalize(text[b:b + len(tail)]) == tail):
                out.append((a - len(lead), b + len(tail), eid))
                break
        return out


def _char_offsets(data: bytes, hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """(pattern, start, end) with UTF-8 byte offsets into ``data`` -> character offsets."""
    cuts = sorted({x for _, a, b in hits for x in (a, b)})
    char_at, chars, prev = {}, 0, 0
    for cut in cuts:   # hits start and end on character boundaries (they are spaces)
        chars += len(data[prev:cut].decode("utf-8", "surrogatepass"))
        char_at[cut], prev = chars, cut
    return [(i, char_at[a], char_at[b]) for i, a, b in hits]


def _outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Longest-first selection for hits in order of their end. When every two hits are disjoint
    or one inside the other (a name inside a longer one: "Aleppo" in "Aleppo Citadel"), that is
    the outermost hits, found in one pass; when two cross, the general selection."""
    out: list[tuple[int, int, str]] = []
    for h in spans:
        if out and h[0] < out[-1][1]:   # overlaps the last kept
            if h[1] < out[-1][1]:
                return _select(spans)    # out of end order: not the automaton's order
            if h[0] > out[-1][0]:
                if h[1] == out[-1][1]:
                    continue             # inside the last kept, at its end
                return _select(spans)    # crossing
            while out and h[0] <= out[-1][0]:
                out.pop()                # inside h
            if out and h[0] < out[-1][1]:
                return _select(spans)    # crossing an earlier one
        out.append(h)
    return out


def _select(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans in text order: within each run of overlapping ones, longest first."""
    spans = sorted(spans)
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(spans)
    while i < n:
        j, reach = i + 1, spans[i][1]
        while j < n and spans[j][0] < reach:
            reach = max(reach, spans[j][1])
            j += 1
        out.extend(spans[i:j] if j == i + 1 else _longest_first(spans[i:j]))
        i = j
    return out


def _longest_first(cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping candidates -> the longest, then the leftmost, then whatever is still free."""
    cands = sorted(cands, key=lambda c: (c[0] - c[1], c[0]))
    starts: list[int] = []
    ends: list[int] = []
    chosen = []
    for start, end, eid in cands:
        k = bisect.bisect_right(starts, start)
        if k and ends[k - 1] > start:
            continue
        if k < len(starts) and starts[k] < end:
            continue
        starts.insert(k, start)
        ends.insert(k, end)
        chosen.append((start, end, eid))
    chosen.sort()
    return chosen


def find_mentions(report: Report, matcher: Matcher) -> list[Mention]:
    """Every mention of a gazetteer place in ``report``, in text order."""
    text = report.text
    norm = normalize(text)
    sents = sentences(text)
    sent_starts = [s.start for s in sents]
    gaz = matcher.gazetteer
    rules = matcher.rules

    def sentence_at(pos: int) -> Sentence:
        i = max(bisect.bisect_right(sent_starts, pos) - 1, 0)
        return sents[i] if sents else Sentence(0, len(text), text)

    found: list[Mention] = []
    bisect_right, whole = bisect.bisect_right, Sentence(0, len(text), text)
    for start, end, eid in matcher.raw_matches(text):
        if eid == ORG:
            continue
        s = sents[max(bisect_right(sent_starts, start) - 1, 0)] if sents else whole   # sentence_at(start)
        found.append(Mention(report.id, eid, text[start:end], start, end, s.text, s.start, "place"))

    roles = rules.roles(found, text, norm, gaz)
    found = [m if r == "place" else
             Mention(m.article, m.place_id, m.surface, m.start, m.end, m.sentence, m.sentence_start, r, m.via)
             for m, r in zip(found, roles)]
    found = rules.repoint(found, text, norm, gaz)
    found = rules.context(found, report, norm, gaz, sentence_at)
    return sorted(found, key=operator.attrgetter("start", "end"))


# Rules -------------------------------------------------------------------------------------


def _alternation_keys(words) -> list[str]:
    """The literals of ``_alternation(words)``, longest first."""
    return sorted({name_key(w) for w in words if name_key(w)}, key=len, reverse=True)


def _alternation(words) -> str:
    return "|".join(re.escape(k) for k in _alternation_keys(words))


_TOKEN = re.compile(r"[^\W_]+(?:'t\b)?|'s\b|[^\w\s]")   # on the normal form: words, "'s", marks
_UPPER_WORD = re.compile(r"\s*[\"“‘']?[A-Z]")
_POSSESSIVE_START = re.compile(r"^['’]s?")
_COMMA_GAP = re.compile(r",\s*")
_APPOSITION_GAP = re.compile(r"\s*,\s*")
_ROAD_GAP = re.compile(r"\s+(?:to|and|with)\s+(?:the\s+)?(?:capital\s+|city\s+of\s+)?")
_UNKNOWN_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:al-|el-|as-|ad-)?[A-Z][\w'’-]*)*")
_COMMAS = re.compile(r"[\s,]*")
_WORD = re.compile(r"[^\W_]+")
_LAST_WORD = re.compile(r"[^\W_]+$")


def _relaxed(rx: re.Pattern) -> re.Pattern:
    """``rx`` without its leading ``\\b``: it matches wherever ``rx`` does (and more), but Python's
    re scans for it much faster (a literal prefix, or a set of first characters)."""
    assert rx.pattern.startswith(r"\b"), rx.pattern
    return re.compile(rx.pattern[2:], rx.flags)


def _finditer(rx: re.Pattern, relaxed: re.Pattern, s: str):
    """``rx.finditer(s)`` (for a pattern that never matches the empty string), with the start of
    each match found by ``relaxed`` (``_relaxed(rx)``), then checked by ``rx`` itself."""
    pos, n = 0, len(s)
    while pos <= n:
        c = relaxed.search(s, pos)
        if c is None:
            return
        p = c.start()
        m = rx.match(s, p)
        if m is None:
            pos = p + 1
        else:
            yield m
            pos = m.end()


def _literal_finditer(rx: re.Pattern, literals, s: str):
    """``rx.finditer(s)`` for a pattern every match of which starts with one of ``literals`` (and
    never matches the empty string): ``rx`` is tried only where one of them occurs."""
    if not literals:
        yield from rx.finditer(s)
        return
    pos = 0
    for p in _occurrences(s, literals):
        if p < pos:
            continue
        m = rx.match(s, p)
        if m is not None:
            yield m
            pos = m.end()


def _starting_literals(literals) -> list[str]:
    """``literals`` without those that begin with another of them ("bases" with "base"): where
    any of them starts, one of the rest starts."""
    return [w for w in literals if not any(v != w and w.startswith(v) for v in literals)]


def _occurrences(s: str, literals) -> list[int]:
    """Where any of ``literals`` starts in ``s``, in order."""
    starts = set()
    for lit in literals:
        i = s.find(lit)
        while i >= 0:
            starts.add(i)
            i = s.find(lit, i + 1)
    return sorted(starts)


def _preceded_by(s: str, literals, starts: list[int], width: int):
    """The indices i of ``starts`` such that one of ``literals`` starts in ``s`` within
    [starts[i] - width, starts[i]), in order (every index when there are no literals, or when
    ``starts`` is not in order)."""
    if not literals or starts != sorted(starts):
        return range(len(starts))
    out: set[int] = set()
    for p in _occurrences(s, literals):
        out.update(range(bisect.bisect_right(starts, p), bisect.bisect_right(starts, p + width)))
    return sorted(out)


def _starts_line(text: str, pos: int) -> bool:
    """Whether only whitespace, or a "/" and whitespace ("LATAKIA/MOSCOW"), comes before ``pos``
    on its line: where ``is_dateline`` finds one past the heading."""
    j = _line_lead(text, pos)
    return j < 0 or text[j] == "\n" or text[j] == "/"


def _line_lead(text: str, pos: int) -> int:
    """The last character before ``pos`` that is a line break or no whitespace (-1: none)."""
    j = pos - 1
    while j >= 0 and text[j] != "\n" and text[j].isspace():
        j -= 1
    return j


_SLASH_PREFIX = 200   # characters: the longest "LATAKIA/MOSCOW/..." before a dateline's name


def _may_end_with(norm: str, lo: int, pos: int, ends: tuple[str, ...], the: bool) -> bool:
    """False when no pattern of the form ``...(?:ends)\\s+(?:the\\s+)?$`` (``the``: with that
    optional part) can match in ``norm[lo:pos]``: ``norm[lo:pos]`` must end with whitespace after
    one of ``ends`` (or after one of them, whitespace and "the"). A cheap test run before the search,
    which tries every start in the window."""
    w = norm[lo:pos]
    t = w.rstrip()
    if len(t) == len(w):
        return False
    if t.endswith(ends):
        return True
    if the and t.endswith("the"):
        u = t[:-3]
        v = u.rstrip()
        return len(v) < len(u) and v.endswith(ends)
    return False


def _forms(entries) -> set[str]:
    """Every form of the verbs written as "base" or "base/irregular/forms" (normal form):
    the base, its -s, -ed and -ing forms made by the regular rules (both with and without a
    doubled last consonant, and "-y" -> "-ies"/"-ied"), and the irregular forms as written."""
    out: set[str] = set()
    for entry in entries:
        parts = [name_key(p) for p in str(entry).split("/") if name_key(p)]
        if not parts:
            continue
        base = parts[0]
        out.update(parts)
        if " " in base:
            continue
        stems = {base}
        if base.endswith("e"):
            stems.add(base[:-1])
        if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou":
            stems.add(base + base[-1])               # signal -> signalled, ship -> shipped
        for st in stems:
            out.update({st + "ed", st + "ing"})
        out.add(base + "d" if base.endswith("e") else base + "ed")
        if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
            out.update({base[:-1] + "ies", base[:-1] + "ied"})
        elif base.endswith(("s", "sh", "ch", "x", "z", "o")):
            out.add(base + "es")
        else:
            out.add(base + "s")
    return out


def _phrases(entries) -> set[tuple[str, ...]]:
    """Vocabulary entries as tuples of words in normal form ("air force" -> ("air", "force"))."""
    return {tuple(name_key(e).replace("-", " ").split()) for e in entries if name_key(e)}


def _words(entries) -> set[str]:
    return {w for p in _phrases(entries) for w in p}


def _opt(data: dict, key: str, src: str, kind: type = list):
    """An optional key of a vocabulary file (a user's older copy may not have it)."""
    value = data.get(key, kind())
    if not isinstance(value, kind):
        raise VocabularyError(f"{src}: '{key}' is not a {kind.__name__}")
    return value


@dataclass(frozen=True)
class _Anaphor:
    """A phrase such as "the city": the kinds it points at, and the kinds it passes over (always,
    or only when the text itself calls the place so)."""
    phrase: str
    kinds: frozenset
    pass_over: frozenset
    pass_over_named: frozenset


@dataclass(frozen=True)
class _Evocation:
    """A settlement the text points at: by name, through a part of it ("Aleppo International
    Airport"), by a phrase resolved before, or without a gazetteer name (``eid`` None: "the town
    of Khanaser" when the gazetteer lacks Khanaser, "the capital", a phrase left unresolved)."""
    start: int
    end: int
    eid: str | None
    kind: str
    named_kind: bool    # the text itself calls it so ("the town of X", "X, a town")
    passing: bool       # named in passing, as a reference point ("towards Homs", "north of Hama")
    origin: bool        # where a move starts ("advancing from Deir Jamal")
    part: bool          # through a part of it
    sent_start: int


class _Evoked:
    """The evocations of a report in order of (start, end): those found before any phrase is
    resolved, and those the phrases add as they are read (in text order: each goes near the end
    of its list, so adding one costs little however many there are)."""

    def __init__(self, found: list[_Evocation]):
        self.found = found
        self.found_starts = [e.start for e in found]
        self.added: list[_Evocation] = []
        self.added_starts: list[int] = []

    def add(self, ev: _Evocation) -> None:
        k = bisect.bisect_right(self.added, (ev.start, ev.end), key=lambda e: (e.start, e.end))
        self.added.insert(k, ev)
        self.added_starts.insert(k, ev.start)

    def before(self, a: int):
        """The evocations that end at or before ``a``, the last first (where one of each list has
        the same start and end, the one added here counts as the later)."""
        xs, ys = self.found, self.added
        i = bisect.bisect_left(self.found_starts, a) - 1    # those starting at or after a end after it
        j = bisect.bisect_left(self.added_starts, a) - 1
        while i >= 0 or j >= 0:
            if j < 0 or (i >= 0 and (xs[i].start, xs[i].end) > (ys[j].start, ys[j].end)):
                e, i = xs[i], i - 1
            else:
                e, j = ys[j], j - 1
            if e.end <= a:
                yield e


class _LastPlace:
    """The last mention before a position that is a place of some kinds, for mentions in order
    of their start: a running answer per list and kinds, extended as the list grows."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self._best: dict[tuple[int, frozenset], list[int]] = {}

    def before(self, ms: list[Mention], starts: list[int], pos: int, kinds) -> Mention | None:
        best = self._best.setdefault((id(ms), frozenset(kinds)), [])
        entries = self.gaz.entries
        for i in range(len(best), len(ms)):      # best[i]: index of the last such among ms[:i + 1]
            m = ms[i]
            ok = m.role == "place" and entries[m.place_id].kind in kinds
            best.append(i if ok else (best[i - 1] if i else -1))
        k = bisect.bisect_left(starts, pos)
        return ms[best[k - 1]] if k and best[k - 1] >= 0 else None


class _Around:
    """A report's mentions (in text order) indexed for what the role rules ask about the ones
    around a mention: does one start or end at a position, does one start inside a span, which
    run of coordinated mentions it is in. Each run is found once, so a list as long as the
    report ("A, B and C and ...") costs its length, not its square."""

    def __init__(self, found: list[Mention], rules: _Rules, text: str, norm: str | None):
        self.found = found
        self.starts = sorted(m.start for m in found)
        self.starts_set = frozenset(self.starts)
        self.ends = frozenset(m.end for m in found)
        self._rules, self._text, self._norm = rules, text, norm
        self._runs: dict[int, tuple[int, int, bool]] = {}   # index -> its run's first, last, joined by "and"

    def starts_inside(self, a: int, b: int) -> bool:
        """Does a mention start strictly between ``a`` and ``b``?"""
        k = bisect.bisect_right(self.starts, a)
        return k < len(self.starts) and self.starts[k] < b

    def group(self, m: Mention, index: int | None = None) -> tuple[Mention, Mention]:
        """The first and last of ``m`` and the mentions coordinated with it ("Russia and Iran",
        "Syria, the US and Russia"); ``m`` alone when there are none, or when the run is joined
        by commas alone ("Hama, Syria" is not a list)."""
        found = self.found
        i = index if index is not None else next(k for k, x in enumerate(found) if x is m)
        run = self._runs.get(i)
        if run is None:
            rules, text, norm = self._rules, self._text, self._norm
            lo = hi = i
            while lo > 0 and rules._coordinated(found[lo - 1], found[lo], text, norm):
                lo -= 1
            while hi + 1 < len(found) and rules._coordinated(found[hi], found[hi + 1], text, norm):
                hi += 1
            joined = any(rules.rx_and.search(norm[a.end:b.start] if norm is not None
                                             else normalize(text[a.end:b.start]))
                         for a, b in zip(found[lo:hi], found[lo + 1:hi + 1]))
            run = (lo, hi, joined)
            for k in range(lo, hi + 1):
                self._runs[k] = run
        lo, hi, joined = run
        if hi > lo and not joined:
            return m, m
        return found[lo], found[hi]


class _Rules:
    def __init__(self, gaz: Gazetteer, vocab_dir: Path | None):
        src = "metonymy.toml"
        m = vocab.toml(src, vocab_dir)
        self.metonym_kinds = set(vocab.require(m, "kinds", list, src))
        self.seats = {name_key(s) for s in vocab.require(m, "seats", list, src)}
        self.institutions = {name_key(s) for s in _opt(m, "institutions", src)}
        self.verb_forms = _forms(vocab.require(m, "verbs", list, src))
        self.speech_forms = _forms(_opt(m, "speech_verbs", src))
        self.aux = _words(vocab.require(m, "auxiliaries", list, src))
        self.adverbs = _words(_opt(m, "adverbs", src))
        self.copulas = _words(_opt(m, "copulas", src))
        self.actor_adjectives = _words(_opt(m, "actor_adjectives", src))
        self.place_verb_forms = _forms(_opt(m, "place_verbs", src))
        self.affected_forms = _forms(_opt(m, "affected_verbs", src))
        self.object_verb_forms = _forms(_opt(m, "object_verbs", src))
        self.gov_nouns = _phrases(vocab.require(m, "government_nouns", list, src))
        self.place_nouns = _phrases(_opt(m, "place_nouns", src))
        self.actor_nouns = _words(_opt(m, "actor_nouns", src))
        self.hyphen_suffixes = _words(vocab.require(m, "hyphen_suffixes", list, src))
        self.hyphen_prefixes = _words(_opt(m, "hyphen_prefixes", src))
        # phrase before the name -> role; the longest that ends just before the name wins
        self.before: dict[tuple[str, ...], str] = {}
        for p in _phrases(_opt(m, "locative", src)):
            self.before[p] = "place"
        for noun in self.gov_nouns | {(w,) for w in self.actor_nouns}:
            self.before[noun + ("of",)] = "metonym"     # "the foreign ministers of Russia"
        for p in _phrases(vocab.require(m, "preceding", list, src)):
            self.before[p] = "metonym"
        self.before_max = max((len(p) for p in self.before), default=0)
        self.loc_adjectives = _phrases(_opt(m, "location_adjectives", src))
        self.titles = _words(_opt(m, "titles", src))
        self.list_openers = _phrases(_opt(m, "list_openers", src))
        self._list_opener_lengths = sorted({len(o) for o in self.list_openers})
        self.determiners = _words(_opt(m, "determiners", src))
        g = _opt(m, "grammar", src, dict)
        self.have = _words(g.get("have", ["has", "have", "had"]))
        self.relatives = _words(g.get("relatives", ["which", "who", "that"]))
        self.where = _words(g.get("where", ["where"]))
        self.conjunctions = _words(g.get("conjunctions", ["and", "or"]))
        self.group_possessives = _words(g.get("group_possessives", ["its", "their"]))
        self.time_leaders = _words(g.get("time_leaders", ["on", "in"]))
        self.articles = _words(g.get("articles", ["the"]))
        self.rx_gap = re.compile(r"^(?:\s|,|and\b|or\b|the\b|as well as\b)*$")
        self.rx_gap_abbrev = re.compile(r"^(?:[\s,]|and\b|or\b|the\b|[A-Z][A-Za-z.]{0,4}\b)*$")
        self.rx_and = re.compile(r"\b(?:and|or|as well as)\b")

        d = _opt(m, "dateline", src, dict)
        months = "|".join(re.escape(x) for x in sorted(_opt(d, "months", src), key=len, reverse=True)) or "(?!)"
        days = "|".join(re.escape(x) for x in sorted(_opt(d, "weekdays", src), key=len, reverse=True)) or "(?!)"
        self.heading_chars = int(d.get("heading_chars", 400))
        self.heading_not_last = _words(_opt(d, "heading_not_last", src))
        self.time_words = ({name_key(x) for x in _opt(d, "months", src) + _opt(d, "weekdays", src)}
                           | _words(_opt(m, "time_words", src)))
        date = (rf"(?:(?:{days}),?\s+)?(?:(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
                rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{months})\.?(?:,?\s+\d{{4}})?|(?:{days}))")
        # what follows a dateline's name: ", Region" parts, ", date", "(Agency)", then a dash,
        # a colon, or (after a date) a full stop
        self.rx_dateline_tail = re.compile(
            r"(?:\s*/\s*[A-Z][A-Z'’. ]*[A-Z])*"     # "LATAKIA/MOSCOW, Dec 9 (Reuters) -"
            rf"(?P<region>(?:\s*,\s*(?!(?:{months}|{days})\b)[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){{0,2}}){{0,2}}?)"
            rf"(?P<date>\s*,?\s*{date})?"
            r"\s*(?P<agency>\([A-Z][^()\n]{0,40}\)|/[A-Z][^/\n]{0,20}/)?"
            r"\s*(?P<end>-{1,2}|[\u2013\u2014]|:|\.)(?=\s)"
        )
        self.rx_after_dash = re.compile(rf"\s*[\"“‘']?(?!(?:{months}|{days})\b)[A-Z]")
        self.rx_slash_prefix = re.compile(r"\s*(?:[A-Z][A-Z'’. ]*[A-Z]\s*/\s*)+")   # "LATAKIA/" before "MOSCOW"
        self.rx_sentence_end = re.compile(r"[.!?][\"'”’)]*\s")

        src = "context.toml"
        c = vocab.toml(src, vocab_dir)
        self.anaphors = []
        self._anaphor_scans = []
        for a in vocab.require(c, "anaphor", list, src):
            spec = _Anaphor(name_key(a["phrase"]), frozenset(a["kinds"]), frozenset(a.get("pass_over", [])),
                            frozenset(a.get("pass_over_named", [])))
            rx = re.compile(rf"\b{re.escape(spec.phrase)}\b(?! of\b)")
            self.anaphors.append((rx, spec))
            self._anaphor_scans.append((rx, _relaxed(rx), spec))
        self.anaphor_specs = {spec.phrase: spec for _, spec in self.anaphors}
        feats = _alternation(vocab.require(c, "features", list, src))
        adjs = _alternation(vocab.require(c, "feature_adjectives", list, src))
        self.rx_feature = re.compile(
            rf"\bthe\s+(?:(?P<own>city|town)'s\s+)?(?:(?:{adjs})\s+)*(?P<f>{feats})\b"
        )
        self._rx_feature_relaxed = _relaxed(self.rx_feature)
        road_words = vocab.require(c, 'road_words', list, src)
        self.rx_road = re.compile(rf"\b(?:{_alternation(road_words)})\b")
        self._road_literals = _starting_literals(_alternation_keys(road_words))   # a match starts with one
        self._context_vocab(c, src, road_words)
        self.rx_road_conn = re.compile(
            rf"^\s+(?:that\s+|which\s+)?(?P<c>{_alternation(vocab.require(c, 'road_connectives', list, src))})\s+(?:the\s+)?$"
        )
        self.road_km = float(c.get("road_km", 10))
        # a hit of rx_base or rx_region starts with one of its words (``_*_literals``, see
        # _preceded_by) and ends with one of ``_*_ends`` and whitespace (see _may_end_with)
        base_words = vocab.require(c, 'base_words', list, src)
        self._base_ends = ("in", "at", "near")
        self.rx_base = re.compile(rf"\b(?:{_alternation(base_words)})\s+(?:{'|'.join(self._base_ends)})\s+$")
        self._base_literals = _starting_literals(_alternation_keys(base_words))
        self.base_kinds = set(vocab.require(c, "base_kinds", list, src))
        region_words = vocab.require(c, 'region_words', list, src)
        self.rx_region = re.compile(rf"\b(?:{_alternation(region_words)})\s+of\s+(?:the\s+)?$")
        self._region_ends = ("of",)      # and "the" may follow
        self._region_literals = _starting_literals(_alternation_keys(region_words))
        self.region_kinds = set(vocab.require(c, "region_kinds", list, src))
        self._road_geoms = None
        self._road_distance_memo: dict[tuple, list[float]] = {}
        self._related_memo: dict[tuple, Entry | None] = {}
        self._eligible: dict[str, bool] = {}
        self._eligible_ids: dict[str, bool] = {}     # place_id -> eligible(gaz.entries[place_id])
        self._institutions: dict[str, bool] = {}
        self._institution_surfaces: dict[str, bool] = {}

    def _context_vocab(self, c: dict, src: str, road_words: list) -> None:
        """What "the city" / "the town" may point at (context.toml; a user's older copy may lack
        these keys, so each has a default)."""
        self.settlement_kinds = frozenset(_opt(c, "settlement_kinds", src) or ["city", "town", "village"])
        self.part_kinds = frozenset(_opt(c, "part_kinds", src)
                                    or ["airport", "airbase", "landmark", "area", "dam", "naval_base"])
        kind_words = _opt(c, "kind_words", src, dict) or {
            "city": ["city", "cities"], "town": ["town", "towns"], "village": ["village", "villages"]}
        self.kind_of_word = {name_key(w): k for k, ws in kind_words.items() for w in ws if name_key(w)}
        kinds = _alternation(self.kind_of_word)
        # the text's own word for a place: "the (strategic) town of X", "X, Syria's fourth-largest city"
        self.rx_kind_before = re.compile(rf"\b(?P<k>{kinds})\s+of\s+$")     # ends with "of" (_evocations)
        self.rx_kind_after = re.compile(
            rf"\s*,\s*(?:(?:the|a|an|two|three|four|both|several|[\w]+'s)\s+)?"
            rf"(?:(?!(?:where|which|who|that|and|or|but|while|as|after|before|when|the|a|an)\b)[\w']+\s+){{0,3}}?"
            rf"(?P<k>{kinds})\b(?!'s)")
        self.rx_named_unknown = re.compile(rf"\b(?P<k>{kinds})\s+of\s+")
        self._kind_literals = _starting_literals(_alternation_keys(self.kind_of_word))   # a match starts with one
        # "the capital": a city without a gazetteer name
        unnamed = _alternation(_opt(c, "unnamed_cities", src)) or "(?!)"
        self.rx_unnamed_city = re.compile(rf"\b(?:{unnamed})\b(?!\s+of\b)")
        self._unnamed_literals = _starting_literals(_alternation_keys(_opt(c, "unnamed_cities", src)))   # likewise
        # named in passing: "towards Homs", "south-east of Hama", "10 km from Aleppo"
        dirs = _alternation(_opt(c, "directions", src)) or "(?!)"
        units = _alternation(_opt(c, "distance_units", src)) or "(?!)"
        passing = _alternation(_opt(c, "passing_before", src)) or "(?!)"
        origins = _alternation(_forms(_opt(c, "origin_verbs", src))) or "(?!)"
        roads = _alternation(road_words) or "(?!)"
        self.rx_passing = re.compile(
            rf"(?:\b(?:{passing})|\b(?:{dirs})(?:\s+and\s+(?:{dirs}))?\s+of"
            rf"|\b(?:{units})\s+(?:[\w']+\s+){{0,2}}?(?:from|of)"
            rf"|(?P<origin>\b(?:{origins})\s+from|\bfrom\s+the\s+direction\s+of)"
            rf"|\b(?:{roads})\s+(?:[\w']+\s+)?(?:to|from))\s+(?:the\s+)?$")
        # what every alternative of rx_passing ends with, before whitespace and "the" (see _passing,
        # _may_end_with): keep this in step with the alternatives
        self._passing_ends = tuple(sorted({name_key(w) for w in _opt(c, "passing_before", src) if name_key(w)}
                                          | {"of", "from", "to"}))
        # "X, the village directly north of " the phrase: X is located relative to it
        words = _alternation(_opt(c, "locating_words", src)) or "(?!)"
        ends = _alternation(_opt(c, "locating_ends", src)) or "(?!)"
        self.rx_locating = re.compile(
            rf"\s*,?\s*(?:(?:{words}|{dirs}|{units}|\d[\d.,]*)\s+)*?"
            rf"(?:(?:{dirs})(?:\s+and\s+(?:{dirs}))?\s+of|(?:{units})\s+(?:[\w']+\s+)?(?:from|of)|{ends})\s+")
        # "the airport" alone: a feature of the last city or town
        self.feature_spec = _Anaphor("", frozenset({"city", "town"}) & self.settlement_kinds,
                                     frozenset({"village"}) & self.settlement_kinds, frozenset())
        self._seats: dict[str, str | None] = {}

    # roles ---------------------------------------------------------------------------------

    def _institution(self, e: Entry) -> bool:
        if e.id not in self._institutions:
            self._institutions[e.id] = name_key(e.name) in self.institutions
        return self._institutions[e.id]

    def _institution_surface(self, surface: str) -> bool:
        if surface not in self._institution_surfaces:
            self._institution_surfaces[surface] = name_key(surface) in self.institutions
        return self._institution_surfaces[surface]

    def eligible(self, e: Entry) -> bool:
        if e.id not in self._eligible:
            self._eligible[e.id] = e.kind in self.metonym_kinds or name_key(e.name) in self.seats
        return self._eligible[e.id]

    def roles(self, found: list[Mention], text: str, norm: str, gaz: Gazetteer) -> list[str]:
        """The role of each of ``found`` (in text order). ``norm`` is ``normalize(text)``: the
        fold is per character, so its slices are the slices' folds."""
        out: list[str] = []
        around = _Around(found, self, text, norm)
        for i, m in enumerate(found):
            prev = found[i - 1] if i else None
            # is_dateline's first test, here too: past the heading, only at a line's start
            dateline = ((m.start <= self.heading_chars or _starts_line(text, m.start))
                        and self.is_dateline(m, text, norm))
            if dateline or (
                    prev is not None and out[-1] == "dateline" and _COMMA_GAP.fullmatch(text[prev.end:m.start])
                    and self.rx_dateline_tail.match(text[m.end:m.end + 80])):
                out.append("dateline")   # "HAMA, Syria, Dec 5 -": the region is part of it
            else:
                eligible = self._eligible_ids.get(m.place_id)
                if eligible is None:
                    eligible = self._eligible_ids[m.place_id] = self.eligible(gaz.entries[m.place_id])
                # role() is "place" for a name that cannot be a metonym
                out.append(self.role(m, found, text, norm, gaz, i, around) if eligible else "place")
        return out

    def role(self, m: Mention, all_: list[Mention], text: str, norm: str, gaz: Gazetteer,
             index: int | None = None, around: _Around | None = None) -> str:
        """Place or metonym (datelines are found by ``roles``); see geo/data/metonymy.toml.
        ``all_``: the report's mentions in text order, ``m`` the ``index``-th of them;
        ``around``: ``_Around(all_, ...)``, made once for all of them (else here)."""
        entry = gaz.entries[m.place_id]
        if not self.eligible(entry):
            return "place"
        if self._institution(entry) or (m.surface[:1].isupper() and self._institution_surface(m.surface)):
            return "metonym"
        if around is None:
            around = _Around(all_, self, text, norm)
        hyphen = self._hyphen(m, around, text, norm)
        if hyphen:
            return hyphen
        first, last = around.group(m, index)
        sent_end = first.sentence_start + len(first.sentence)
        left = self._tokens(norm, max(first.sentence_start, first.start - 80), first.start)
        right = self._tokens(norm, last.end, min(sent_end, last.end + 200))
        if left and left[-1][0] in self.titles and right and right[0][0].isalpha() \
                and _UPPER_WORD.match(text, m.end) and (right[0][0],) not in self.gov_nouns:
            return "metonym"         # "Defence Minister Israel Katz": a person, not the place
        if right and right[0][0] == "'s":     # before "in": "of Russia's fleet", "in Syria's north"
            span = self._possessed_span([w for w, _ in right[1:]])
            end = right[1 + len(span)][1] if 1 + len(span) < len(right) else sent_end
            if around.starts_inside(last.end, end):
                return "place"                # "Syria's Latakia province": a place in it
            return "place" if self._has_place_noun(span) else "metonym"
        if len(left) > 1 and left[-1][0] == "with" and left[-1][1] - 1 in around.ends:
            return "place"            # "the road linking Aleppo with Damascus": two places
        r = self._left(left)
        if r == "metonym" and left[-1][0] in self.object_verb_forms and len(right) > 1 and right[0][0] == "to":
            r = None      # "expect Damascus to fall": the verb after "to" decides (in _right)
        if r:
            return r
        # after a verb other than one of saying, the name is its object, not a subject
        prev = left[-1][0] if left else ""
        subject = not (prev in self.verb_forms and prev not in self.speech_forms)
        words = [w for w, _ in left if w not in self.articles]
        # in a list inside its clause, or an appositive ("Syria's neighbours, Jordan and
        # Lebanon, closed ..."): the verb after the closing comma is the clause's
        listed = any(tuple(words[-n:]) in self.list_openers for n in self._list_opener_lengths) \
            or words[-1:] == [","]
        country = entry.kind in self.metonym_kinds
        return self._right(right, text, subject, listed, country) or "place"

    def _tokens(self, norm: str, a: int, b: int) -> list[tuple[str, int]]:
        return [(t.group(), t.start()) for t in _TOKEN.finditer(norm, a, b)] if b > a else []

    def _hyphen(self, m: Mention, around: _Around, text: str, norm: str) -> str | None:
        """"Ankara-backed", "pro-Turkey" -> metonym; "Britain-based", "Aleppo-Damascus highway",
        "Syria-Turkey border" -> place; None when the name is not joined by a hyphen."""
        after = text[m.end:m.end + 1]
        before = text[m.start - 1:m.start] if m.start else ""
        if after and after in DASHES and text[m.end + 1:m.end + 2].isalpha():
            word = _WORD.match(norm[m.end + 1:m.end + 40])
            if word and word.group() in self.hyphen_suffixes:
                return "metonym"
            return self._compound(m, around, norm, m.end + 1)
        if before and before in DASHES and m.start > 1 and text[m.start - 2].isalpha():
            word = _LAST_WORD.search(norm[max(0, m.start - 40):m.start - 1])
            if word and word.group() in self.hyphen_prefixes:
                return "metonym"
            return self._compound(m, around, norm, m.end)
        return None

    def _compound(self, m: Mention, around: _Around, norm: str, pos: int) -> str:
        """A hyphen compound of the name: a place, unless it joins two names and what follows
        is not a place noun ("Russia-Turkey talks")."""
        # (``m`` itself neither starts at ``pos``, which is past its end, nor ends before it starts)
        other = pos in around.starts_set or m.start - 1 in around.ends
        words = [w for w, _ in self._tokens(norm, pos, min(len(norm), pos + 60))][:5]
        if other and not self._has_place_noun(words[1:] if words and pos in around.starts_set else words):
            return "metonym"
        return "place"

    def _has_place_noun(self, words: list[str]) -> bool:
        for i in range(len(words)):
            for n in (1, 2):
                if tuple(words[i:i + n]) in self.place_nouns:
                    return True
        return False

    def _left(self, toks: list[tuple[str, int]]) -> str | None:
        """The role what comes just before the name gives it, or None."""
        words = [w for w, _ in toks]
        i, adjective = len(words), False
        while i:
            if words[i - 1] in self.articles:
                i -= 1
                continue
            for n in (3, 2, 1):
                if i >= n and tuple(words[i - n:i]) in self.loc_adjectives:
                    i -= n
                    adjective = True
                    break
            else:
                break
        core = words[:i]
        for n in range(min(self.before_max, len(core)), 0, -1):
            role = self.before.get(tuple(core[-n:]))
            if role:
                if role == "metonym" and core[-1] == "with" and n == 1 and len(core) > 1 \
                        and (core[-2],) in self.place_nouns:
                    return "place"      # "its border crossings with Syria"
                return role
        if adjective:
            return "place"          # "northern Syria", "neighbouring Turkey"
        if not core:
            return None
        prev = core[-1]
        if prev in self.object_verb_forms:
            return "metonym"        # "assured Ankara", "promised Damascus"
        if prev in self.affected_forms:
            return "place"          # "entered Syria", "seized Damascus"
        if (prev,) in self.place_nouns:
            return "place"          # "the capital Damascus"
        for opener in self.list_openers:    # "harm neighbours such as Iraq"
            n = len(opener)
            if tuple(core[-n:]) == opener:
                for w in reversed(core[max(0, len(core) - n - 3):len(core) - n]):
                    if w in self.object_verb_forms:
                        return "metonym"
                    if w in self.affected_forms:
                        return "place"
        j = len(core) - 1
        if core[j] == "," and j:
            j -= 1
        if core[j] in self.actor_nouns:
            return "metonym"        # "his main backers, Russia and Iran"
        return None

    def _right(self, toks: list[tuple[str, int]], text: str, subject: bool = True,
               listed: bool = False, country: bool = True) -> str | None:
        """The role what comes just after the name gives it, or None. ``subject``: whether
        the name may be the subject of a verb after it; ``listed``: whether it is in a list
        inside its clause ("governments, including the US and France, urged"); ``country``: see
        ``_predicate``."""
        words = [w for w, _ in toks]
        if not words:
            return None
        if words[0] in self.conjunctions and len(toks) > 2 and text[toks[1][1]].isupper():
            k = 1     # "the United States and France, urged": past a name not in the gazetteer
            while k < len(toks) and text[toks[k][1]].isupper():
                k += 1
            if k > 1 and k < len(toks) and k <= 4:
                return self._right(toks[k:], text, subject, listed, country)
        if words[0] == "'s" or (words[0] == "'" and len(words) > 1):
            return self._possessed(words[1:])
        if words[0] in self.conjunctions and len(words) > 2 and words[1] in self.group_possessives:
            return self._possessed(words[2:])     # "Turkey and its allied factions"
        for n in (3, 2, 1):
            if tuple(words[:n]) in self.gov_nouns:
                return "metonym"                  # "Kremlin spokesman", "Israel Defense Forces"
        if words[0] == "," and listed and subject:
            r = self._predicate(words[1:], toks[1:], text, strict=True, country=country)
            if r:
                return r
        if words[0] == ",":
            return self._after_comma(words[1:], toks[1:], text, country) if subject else None
        if words[0] == "to" and len(words) > 1 and words[1].isalpha() and words[1] not in self.determiners \
                and text[toks[1][1]].islower():
            # "Russia wants Damascus to restore order"; but "expect Damascus to fall"
            return "place" if self._predicate(words[1:], toks[1:], text, strict=True) == "place" else "metonym"
        return self._predicate(words, toks, text, country=country) if subject else None

    def _possessed(self, words: list[str]) -> str:
        """"Syria's second city" -> place; "Russia's air force", "Ankara's priority" -> metonym."""
        return "place" if self._has_place_noun(self._possessed_span(words)) else "metonym"

    def _possessed_span(self, words: list[str]) -> list[str]:
        """The first words of the noun phrase after a possessive: "second city", "Mediterranean
        fleet" (up to four words, to a mark, preposition or verb)."""
        span = []
        for w in words[:4]:     # the possessed noun phrase: "second city", "Mediterranean fleet"
            if (not w[:1].isalnum() or (w,) in self.before or w in self.copulas or w in self.aux
                    or (span and (w in self.verb_forms or w in self.affected_forms) and (w,) not in self.place_nouns)):
                break
            span.append(w)
        return span

    def _after_comma(self, words: list[str], toks: list[tuple[str, int]], text: str,
                     country: bool = True) -> str | None:
        """", where ..." (place); ", which/who <verb>"; an appositive with an actor or place noun
        ("Moscow, Assad's main military backer,"); a parenthesis then the verb ("Russia, at the
        request of the Syrian authorities, is doing everything")."""
        if not words:
            return None
        if words[0] in self.where:
            return "place"
        relative = None
        if words[0] in self.relatives:
            # the main clause's verb after the relative clause speaks first: "Jordan, which
            # borders Syria, closed the crossing"; else the relative clause's: "Damascus,
            # which fell on Sunday"
            relative = self._predicate(words[1:], toks[1:], text, country=country) or "none"
        seg = None if relative else []     # an appositive: "Moscow, Assad's main backer,"
        for w in words if seg is not None else ():
            if w in (",", ";", ":", "(", ")") or not (w[:1].isalnum() or w in ("'s", "'")):
                break
            seg.append(w)
        if seg is not None and len(seg) <= 8 and any(w in self.actor_nouns for w in seg):
            return "metonym"
        # a parenthesis of up to three comma-separated parts, then the verb
        k, parts = 0, 0
        while k < len(words) and parts < 3 and k < 40:
            while k < len(words) and words[k] != ",":
                k += 1
            k += 1
            parts += 1
            if k < len(words):
                r = self._predicate(words[k:], toks[k:], text, strict=True, country=country)
                if r:
                    return r
        return relative if relative != "none" else None

    def _time_phrase(self, words: list[str], i: int) -> int:
        """The index after a time adverbial starting at ``words[i]`` ("on Monday", "late on
        Sunday evening", "on December 9", "in 2015", "last week", "overnight"), or ``i``."""
        j = i
        while j < len(words) and words[j] in self.time_leaders:
            j += 1
        if j < len(words) and (words[j] in self.time_words or (j > i and words[j].isdigit())):
            j += 1
            while j < len(words) and (words[j] in self.time_words or words[j].isdigit() or words[j] == ","):
                j += 1
            return j
        return i

    def _predicate(self, words: list[str], toks: list[tuple[str, int]], text: str, strict: bool = False,
                   country: bool = True) -> str | None:
        """The name as the subject of the verb phrase ``words`` begins with: an actor when the
        verb is an action or speech ("said", "has been passing", "will firmly support"), a place
        when it is a place's verb ("fell"), a passive of a verb done to places ("was captured")
        or a copula ("is quiet"); None when ``words`` does not begin with a verb phrase.
        ``country``: whether "has" and any noun makes it a possessor ("Russia has bases"; for a
        city, "Damascus has a population of ..." says what the place is)."""
        i, copula, aux, have = 0, False, False, False
        quotes = {'"', "“", "”", "'", "‘"}
        words = [w for w in words[:12] if w not in quotes]     # 'Russia would "of course" keep'
        toks = [t for t in toks[:12] if t[0] not in quotes]
        while i < len(words) and i < 10:
            w = words[i]
            t = self._time_phrase(words, i)
            if t > i:                     # "Israel on Monday said", "Russia late on Sunday"
                i = t
                continue
            if w in self.copulas:
                copula = True
            elif w in self.have:
                have = aux = True
            elif w in self.aux or w in self.adverbs or (w.endswith("ly") and len(w) > 4 and w not in self.verb_forms):
                aux = aux or w in self.aux
            else:
                break
            i += 1
        if i >= len(words) or not words[i][:1].isalnum():
            return "place" if copula and not strict else None
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if copula:
            if w.endswith("ing") and w not in self.place_verb_forms and w not in self.affected_forms:
                return "metonym"          # "Russia is giving", "Turkey has been passing"
            if w in self.place_verb_forms or w in self.affected_forms:
                return "place"            # "Damascus was captured"
            if w in self.actor_adjectives or w in self.object_verb_forms or w in self.verb_forms:
                return "metonym"          # "Türkiye was not involved", "Syria was urged"
            for x in words[i:i + 5]:
                if not (x[:1].isalnum() or x == "'s") or (x,) in self.before:
                    break
                if x in self.actor_nouns:
                    return "metonym"      # "Turkey is the SNA's main backer"
            return None if strict else "place"   # "the capital is Damascus", "Damascus is quiet"
        if w in self.place_verb_forms:
            return "place"                # "Damascus fell"
        verb = (w in self.verb_forms or w in self.object_verb_forms or w in self.affected_forms) \
            and (aux or not w.endswith("ing"))  # "Syria fighting rages": a noun's modifier
        if verb and w.endswith("s") and not i and (nxt in self.copulas or nxt in self.aux or nxt in self.verb_forms
                                                    or nxt.endswith("ed")):
            verb = False                  # "Syria talks were held", "Ankara talks ended": a noun
        if verb:
            return "metonym"
        if w.endswith("ed") and len(w) > 4 and nxt != "by":
            return "metonym"              # "Russia redeployed", "Moscow granted"
        if have and (country or w in self.determiners or w.isdigit()):
            return "metonym"              # "Washington has 900 troops", "Russia has bases"
        if aux and not have and w.isalpha() and text[toks[i][1]].islower():
            return "metonym"              # "Tehran will ... support", "Russia did not take"
        return None

    def _coordinated(self, a: Mention, b: Mention, text: str, norm: str | None = None) -> bool:
        """``norm``, if given, is ``normalize(text)`` (its slices are the slices' folds)."""
        gap = text[a.end:b.start]
        if len(gap) > 30 or "\n" in gap:
            return False
        gap = _POSSESSIVE_START.sub("", gap)
        folded = normalize(gap) if norm is None else norm[b.start - len(gap):b.start]
        return bool(self.rx_gap.match(folded) or self.rx_gap_abbrev.match(gap)) and bool(gap.strip() or gap)

    def is_dateline(self, m: Mention, text: str, norm: str | None = None) -> bool:
        """Where the report was filed: the name at the start of a line, or stuck to a heading
        early in the report, followed by a dateline's tail (see [dateline] in metonymy.toml)."""
        if m.start > self.heading_chars:
            # past the heading only a line's start will do (what follows would return False
            # too; this is quicker): spaces before the name, or a slash prefix ("LATAKIA/") of
            # at most _SLASH_PREFIX characters (a line is not read back further: linear)
            j = _line_lead(text, m.start)
            if j >= 0 and text[j] != "\n":
                lo = max(0, m.start - _SLASH_PREFIX)
                line_start = text.rfind("\n", lo, m.start) + 1
                if text[j] != "/" or (line_start == 0 and lo > 0) \
                        or not self.rx_slash_prefix.fullmatch(text, line_start, m.start):
                    return False
            at_start = True
            prefix = ""
        else:
            line_start = text.rfind("\n", 0, m.start) + 1
            prefix = text[line_start:m.start]
            at_start = not prefix.strip() or bool(self.rx_slash_prefix.fullmatch(prefix))
        if not at_start:
            # a heading stuck to the first sentence: early, no sentence ended before it on the
            # line, and not the object of a preposition ("LIVE: Battle for Hama – Wednesday")
            if (m.start > self.heading_chars or not prefix[-1:].isspace()
                    or self.rx_sentence_end.search(prefix)):
                return False
            words = _TOKEN.findall(normalize(prefix) if norm is None else norm[line_start:m.start])
            if not any(w[:1].isalnum() for w in words):
                return False                             # a bullet: "- Damascus – rebels ..."
            if ((words[-1],) in self.before or words[-1] in self.determiners
                          or words[-1] in self.heading_not_last
                          or words[-1] in self.affected_forms
                          or not (words[-1][:1].isalnum() or words[-1] in "\"”’)]")):
                return False
        t = self.rx_dateline_tail.match(text, m.end, min(len(text), m.end + 80))
        if not t:
            return False
        caps = m.surface.isupper() and len(m.surface) > 2
        if t.group("end") == "." and not t.group("date") and not (caps and at_start):
            return False                                 # "MOSCOW. The Kremlin ..." is one
        if t.group("date") or t.group("agency"):
            return True
        if caps:
            return True                                  # "BEIRUT:", "QAMISHLO —"
        if t.group("end") == ":":
            return False                                 # "Damascus: rebels ..." is a heading
        if at_start and t.group("region"):
            return True                                  # "Hama, Syria —"
        return m.start <= self.heading_chars and bool(self.rx_after_dash.match(text, t.end()))

    # re-pointing ---------------------------------------------------------------------------

    def repoint(self, found: list[Mention], text: str, norm: str, gaz: Gazetteer) -> list[Mention]:
        """"bases in Hmeimim and Tartus" -> the bases; "governorates of Aleppo and Idlib" -> the governorates."""
        out = list(found)
        starts = [m.start for m in out]
        # in text order and disjoint (raw_matches): the one mention that may hold a position is
        # the last that starts at or before it
        disjoint = all(map(operator.le, [m.end for m in out[:-1]], starts[1:]))
        for rx, kinds, literals, ends, the in (
                (self.rx_base, self.base_kinds, self._base_literals, self._base_ends, False),
                (self.rx_region, self.region_kinds, self._region_literals, self._region_ends, True)):
            # a hit starts with one of the words, at most 40 characters before the name
            for i in _preceded_by(norm, literals, starts, 40):
                m = out[i]
                if m.role != "place":
                    continue
                lo = max(m.sentence_start, m.start - 40)
                if not _may_end_with(norm, lo, m.start, ends, the):
                    continue
                hit = rx.search(norm, lo, m.start)
                if not hit:
                    continue
                h = hit.start()
                if disjoint:
                    k = bisect.bisect_right(starts, h) - 1
                    named = k >= 0 and h < out[k].end and out[k].role == "place"
                else:
                    named = any(x.start <= h < x.end and x.role == "place" for x in out)
                if named:
                    continue    # "the Khmeimim air base near Latakia": the base is named, not Latakia
                chain = [i]
                j = i
                while j + 1 < len(out) and self._coordinated(out[j], out[j + 1], text, norm):
                    j += 1
                    chain.append(j)
                for k in chain:
                    target = self._related(gaz.entries[out[k].place_id], kinds, gaz)
                    if target is not None:
                        out[k] = replace(out[k], place_id=target.id, via="context")
        return out

    def _related(self, e: Entry, kinds: set[str], gaz: Gazetteer, word: str = "") -> Entry | None:
        """The one entry (of ``kinds`` if given, named with ``word`` if given) that belongs to
        ``e``: its parent is ``e``, it is ``e``'s parent, or its name contains ``e``'s name.
        Memoised: the answer depends only on the gazetteer, and it scans every entry."""
        if kinds and e.kind in kinds:
            return e
        key = (e.id, frozenset(kinds), word)
        if key not in self._related_memo:
            self._related_memo[key] = self._scan_related(e, kinds, gaz, word)
        return self._related_memo[key]

    @staticmethod
    def _scan_related(e: Entry, kinds: set[str], gaz: Gazetteer, word: str) -> Entry | None:
        own = re.compile(rf"\b{re.escape(name_key(e.name))}\b")
        named = re.compile(rf"\b{re.escape(name_key(word))}\b") if word else None
        cands = [
            c for c in gaz.entries.values()
            if c.id != e.id
            and (not kinds or c.kind in kinds)
            and (named is None or any(named.search(name_key(n)) for n in c.names))
            and (c.parent == e.id or e.parent == c.id or any(own.search(name_key(n)) for n in c.names))
        ]
        return cands[0] if len(cands) == 1 else None

    # context phrases -------------------------------------------------------------------------

    def context(self, found, report: Report, norm: str, gaz: Gazetteer, sentence_at) -> list[Mention]:
        text = report.text
        spans = [(m.start, m.end) for m in found]
        extra: list[Mention] = []
        evs = _Evoked([])                # computed at the first feature or anaphor (most reports have none)
        topic: str | None = None
        evoked = False

        # the found spans are in text order and disjoint (raw_matches): the one that may overlap
        # [a, b) is the first that ends after a. So are the ones added here (each is free when
        # added, and the phrases come in text order): likewise
        starts, ends = [s for s, _ in spans], [e for _, e in spans]
        ordered = all(map(operator.le, ends[:-1], starts[1:])) and all(map(operator.lt, starts, ends))
        n_found = len(spans)
        extra_starts: list[int] = []
        extra_ends: list[int] = []
        by_start = found if ordered else sorted(found, key=lambda m: m.start)
        found_starts = [m.start for m in by_start]
        latest = _LastPlace(gaz)

        def free(a: int, b: int) -> bool:
            if not ordered:
                return all(b <= s or a >= e for s, e in spans)
            k = bisect.bisect_right(ends, a)
            if k < n_found and starts[k] < b:
                return False
            k = bisect.bisect_right(extra_ends, a)
            return not (k < len(extra_starts) and extra_starts[k] < b)

        def last_place(pos: int, kinds: set[str]) -> Entry | None:
            """The last place of one of ``kinds`` named before ``pos`` (found or added here)."""
            best = latest.before(by_start, found_starts, pos, kinds)
            other = latest.before(extra, extra_starts, pos, kinds)
            if best is None or (other is not None and other.start > best.start):
                best = other
            return gaz.entries[best.place_id] if best is not None else None

        def add(a: int, b: int, eid: str) -> None:
            s = sentence_at(a)
            extra.append(Mention(report.id, eid, text[a:b], a, b, s.text, s.start, "place", "context"))
            spans.append((a, b))
            extra_starts.append(a)
            extra_ends.append(b)

        def evoke(a: int, b: int, eid: str | None, kind: str, part: bool = False) -> None:
            evs.add(_Evocation(a, b, eid, kind, True, *self._passing(norm, sentence_at(a).start, a),
                               part, sentence_at(a).start))

        events = []
        for m in _finditer(self.rx_feature, self._rx_feature_relaxed, norm):
            events.append((m.start(), m.end(), "feature", (m.group("f"), m.group("own"))))
        for rx, relaxed, spec in self._anaphor_scans:
            for m in _finditer(rx, relaxed, norm):
                events.append((m.start(), m.end(), "anaphor", spec))
        for m in _literal_finditer(self.rx_road, self._road_literals, norm):
            events.append((m.start(), m.end(), "road", None))
        for a, b, what, arg in sorted(events, key=lambda e: (e[0], -e[1])):
            if not free(a, b):
                continue
            if what != "road" and not evoked:
                evs = _Evoked(self._evocations(found, text, norm, gaz, sentence_at))
                topic = self._topic(found, gaz)
                evoked = True
            if what == "feature":
                word, own = arg
                spec = self.anaphor_specs.get(f"the {own}", self.feature_spec) if own else self.feature_spec
                eid = self._antecedent(a, b, spec, evs, norm, topic, sentence_at(a).start)
                city = gaz.entries[eid] if eid else None
                target = city and self._related(city, set(), gaz, word)
                if target is not None and target.kind not in ("city", "town"):
                    add(a, b, target.id)
                    evoke(a, b, city.id, city.kind, part=True)
            elif what == "anaphor":
                eid = self._antecedent(a, b, arg, evs, norm, topic, sentence_at(a).start)
                if eid is not None:
                    add(a, b, eid)
                # an anaphor left unresolved stands in the way of the next one too
                evoke(a, b, eid, self.kind_of_word.get(arg.phrase.split()[-1], min(arg.kinds)))
            elif what == "road":
                road = self._road(a, b, (by_start, found_starts), text, norm, gaz, last_place)
                if road is not None:
                    add(a, b, road.id)
        return found + extra

    def _evocations(self, found, text: str, norm: str, gaz: Gazetteer, sentence_at) -> list[_Evocation]:
        """The settlements the report points at before any phrase is resolved, in text order."""
        places = [m for m in found if m.role == "place"]
        out: list[_Evocation] = []
        passing = [(False, False)] * len(places)
        named: list[str | None] = [None] * len(places)
        # coordinated[i]: places[i] is coordinated with places[i - 1]. A mention's sentence_start
        # is sentence_at(start).start (find_mentions made it so)
        coordinated = [False] + [self._coordinated(a, b, text, norm) for a, b in zip(places, places[1:])]
        for i, m in enumerate(places):
            s = m.sentence_start
            passing[i] = self._passing(norm, max(s, m.start - 80), m.start)
            if not passing[i][0] and coordinated[i]:
                passing[i] = passing[i - 1]     # "between Aleppo and Damascus"
            lo = max(s, m.start - 40)
            k = (self.rx_kind_before.search(norm, lo, m.start)
                 if _may_end_with(norm, lo, m.start, ("of",), False) else None)
            if k is None:
                k = self.rx_kind_after.match(norm, m.end, min(len(norm), m.end + 60))
            named[i] = self.kind_of_word[k.group("k")] if k else None
        for i in range(len(places) - 1, 0, -1):   # "the towns of A, B and C", "A and B, two towns"
            if coordinated[i]:
                named[i - 1] = named[i - 1] or named[i]
        for i in range(1, len(places)):
            if coordinated[i]:
                named[i] = named[i] or named[i - 1]
        for i, m in enumerate(places):
            e = gaz.entries[m.place_id]
            s = m.sentence_start
            if e.kind in self.settlement_kinds:
                out.append(_Evocation(m.start, m.end, e.id, named[i] or e.kind, named[i] is not None,
                                      *passing[i], False, s))
            elif e.kind in self.part_kinds:
                seat = self._seat(e, gaz)
                if seat is not None:
                    out.append(_Evocation(m.start, m.end, seat, gaz.entries[seat].kind, False,
                                          *passing[i], True, s))
        starts = {m.start for m in found}
        ends = {m.end for m in found}
        # "the town of Khanaser", Khanaser unknown
        for k in _literal_finditer(self.rx_named_unknown, self._kind_literals, norm):
            name = _UNKNOWN_NAME.match(text, k.end())
            if name is None or k.end() in starts:
                continue
            s = sentence_at(k.start()).start
            out.append(_Evocation(k.end(), name.end(), None, self.kind_of_word[k.group("k")], True,
                                  *self._passing(norm, s, k.start()), False, s))
        # "the capital", unless named beside it
        for u in _literal_finditer(self.rx_unnamed_city, self._unnamed_literals, norm):
            after = _COMMAS.match(norm, u.end(), u.end() + 4).end()
            before = u.start()      # len(norm[:u.start()].rstrip(" ,"))
            while before and norm[before - 1] in " ,":
                before -= 1
            if after in starts or before in ends:
                continue
            s = sentence_at(u.start()).start
            out.append(_Evocation(u.start(), u.end(), None, "city", True,
                                  *self._passing(norm, s, u.start()), False, s))
        return sorted(out, key=lambda e: (e.start, e.end))

    def _passing(self, norm: str, lo: int, pos: int) -> tuple[bool, bool]:
        """Whether the name at ``pos`` is named in passing, and whether as where a move starts."""
        if not _may_end_with(norm, lo, pos, self._passing_ends, True):
            return (False, False)
        p = self.rx_passing.search(norm, lo, pos)
        return (p is not None, p is not None and p.group("origin") is not None)

    def _seat(self, e: Entry, gaz: Gazetteer) -> str | None:
        """The settlement a part belongs to: its parent, or the one settlement named inside its
        names ("Aleppo International Airport", "Citadel of Aleppo")."""
        if e.id not in self._seats:
            parent = gaz.entries.get(e.parent) if e.parent else None
            if parent is not None and parent.kind in self.settlement_kinds:
                self._seats[e.id] = parent.id
            else:
                found = set()
                for n in e.names:
                    w = name_key(n).split()
                    for i in range(len(w)):
                        for j in range(i + 1, min(len(w), i + 4) + 1):
                            c = gaz.entries.get(gaz.index.get(" ".join(w[i:j]), ""))
                            if c is not None and c.kind in self.settlement_kinds and c.id != e.id:
                                found.add(c.id)
                self._seats[e.id] = found.pop() if len(found) == 1 else None
        return self._seats[e.id]

    def _topic(self, found, gaz: Gazetteer) -> str | None:
        """The settlement the report names most often, if one is named more often than any other."""
        counts: dict[str, int] = {}
        for m in found:
            if m.role == "place" and gaz.entries[m.place_id].kind in self.settlement_kinds:
                counts[m.place_id] = counts.get(m.place_id, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return None
        return max(counts, key=counts.get)

    def _antecedent(self, a: int, b: int, spec: _Anaphor, evs: _Evoked, norm: str,
                    topic: str | None, sent_start: int) -> str | None:
        """The settlement the phrase at [a, b) points at, or None when that is not clear.

        Reads the evocations ending before ``a`` from the last back: to the focus (the last in
        the foreground), then through the focus's sentence; only when there is no focus, all."""
        prior = evs.before(a)                    # the last first
        last = next(prior, None)
        if last is None:
            return None

        def role(e: _Evocation) -> str:
            if e.kind in spec.kinds:
                return "accept"
            if e.kind in spec.pass_over or (e.named_kind and e.kind in spec.pass_over_named):
                return "pass"
            return "block"

        if _APPOSITION_GAP.fullmatch(norm, last.end, a) and norm[b:b + 2] != "'s":
            # "Aleppo, the city his fighters seized"; "After rebels took Saraqib, the city ..." is
            # no apposition, and not clear
            return last.eid if role(last) == "accept" else None
        if not (last.sent_start == sent_start and not last.part and self.rx_locating.fullmatch(norm, last.end, a)):
            prior = itertools.chain((last,), prior)
        # else skipped: "Qomhana, the village directly north of the city"

        # candidates: not passed over, and not where a move starts ("Advancing from Deir Jamal,
        # the fighters reached the town's main square"); the focus is the last in the foreground
        focus = None
        later: list[_Evocation] = []             # candidates named in passing and accepted, after the focus
        for e in prior:
            r = role(e)
            if r == "pass" or e.origin:
                continue
            if not e.passing:
                focus = e
                break
            if r == "accept":
                later.append(e)
        if focus is None:
            ids = {e.eid for e in later}
        else:
            if role(focus) == "block" or focus.eid is None:
                return None                      # "the city" just after a town, or an unknown place
            later = [e for e in later if e.start > focus.start]
            if any(e.sent_start != focus.sent_start and e.eid != focus.eid for e in later):
                return None                      # "... took Aleppo. They moved towards Hama. The city"
            ids = {e.eid for e in later if e.sent_start == focus.sent_start}
            ids.add(focus.eid)
            # and the foreground candidates before the focus in its sentence (an evocation never
            # starts before its sentence, so none further back is in it)
            for e in prior:
                if e.start < focus.sent_start:
                    break
                if (e.sent_start == focus.sent_start and not e.passing and not e.origin
                        and role(e) == "accept"):
                    ids.add(e.eid)
        if len(ids) == 1:
            return ids.pop()
        return topic if topic in ids else None   # "Hama fell, opening the road towards Homs"

    def _road(self, a, b, found, text, norm, gaz, last_place) -> Entry | None:
        """``found``: the mentions in order of their start, and their starts."""
        found, starts = found
        k, n = bisect.bisect_left(starts, b), len(starts)
        after = []
        while k < n and starts[k] - b < 60:
            if found[k].sentence_start <= a:
                after.append(found[k])
            k += 1
        if not after:
            return None
        conn = self.rx_road_conn.match(norm[b:after[0].start])
        if not conn:
            return None
        first = gaz.entries[after[0].place_id]
        ends = None
        if len(after) > 1:
            gap = normalize(text[after[0].end:after[1].start])
            if _ROAD_GAP.fullmatch(gap):
                ends = (first, gaz.entries[after[1].place_id])
        if ends is None and conn.group("c") == "to":
            origin = last_place(a, {"city", "town"})
            if origin is not None and origin.id != first.id:
                ends = (origin, first)
        if ends is None:
            return None
        return self._road_between(*ends, gaz)

    def _road_between(self, x: Entry, y: Entry, gaz: Gazetteer) -> Entry | None:
        if self._road_geoms is None:
            from shapely import wkt as shapely_wkt

            self._road_geoms = [
                (e, shapely_wkt.loads(e.geometry)) for e in gaz.entries.values()
                if e.kind == "road" and e.geometry
            ]
        limit = self.road_km / 111.0  # degrees; adequate at these latitudes for a 10 km test
        best = None
        for (e, _g), dx, dy in zip(self._road_geoms, self._road_distances(x), self._road_distances(y)):
            if dx <= limit and dy <= limit and (best is None or dx + dy < best[0]):
                best = (dx + dy, e)
        return best[1] if best else None

    def _road_distances(self, e: Entry) -> list[float]:
        """The distance from each of ``_road_geoms`` to ``e``, memoised on its coordinates."""
        key = (e.lon, e.lat)
        if key not in self._road_distance_memo:
            from shapely.geometry import Point

            p = Point(e.lon, e.lat)
            self._road_distance_memo[key] = [g.distance(p) for _, g in self._road_geoms]
        return self._road_distance_memo[key]

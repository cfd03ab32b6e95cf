"""Finding place names in report text and deciding what each mention is.

``find_mentions(report, matcher)`` is pure: it returns ``Mention``s with character offsets into
``report.text`` and the sentence around each. A mention's ``role`` is

- ``place``: somewhere something happened or is described;
- ``metonym``: a capital, seat of power or country standing for its government
  ("Moscow regarded", "Damascus acknowledged", "Kremlin spokesman", "Ankara-backed");
- ``dateline``: where the report was filed ("DAMASCUS (Reuters) -").

Names are found with one Aho-Corasick automaton over every name and alias (built once; cost
linear in the text, independent of gazetteer size), in a case-, diacritic- and dash-folded copy
of the text of the same length. Whole words only; longest match first; names inside organisation
names ("Hayat Tahrir al-Sham") are not places. Phrases such as "the city", "the city's historic
citadel" and "a highway that links Aleppo to Damascus" are resolved from context (geo/data/context.toml).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from pathlib import Path

import ahocorasick_rs

from . import vocab
from .gazetteer import Entry, Gazetteer
from .reports import Report
from .text import Sentence, name_key, normalize, padded_word_form_utf8, sentences, word_keys

ORG = "\x00org"  # automaton value for organisation names, which block place matches
_NFA = ahocorasick_rs.Implementation.ContiguousNFA  # compact; the fastest here (bench/RESULTS.md)


@dataclass(frozen=True)
class Mention:
    article: str      # report id
    place_id: str     # gazetteer entry id
    surface: str      # the text as written, report.text[start:end]
    start: int
    end: int
    sentence: str     # the sentence around the mention
    sentence_start: int
    role: str         # "place" | "metonym" | "dateline"
    via: str = "name"  # "name" | "context" (resolved from an anaphor, feature or road phrase)


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
        spans = [(a, b - 2, values[i]) if i not in edges else self._edged(text, a, b - 2, i)
                 for i, a, b in hits]
        if edges:
            spans = [s for s in spans if s is not None]
        return _outermost(spans)

    def _edged(self, text: str, a: int, b: int, i: int) -> tuple[int, int, str] | None:
        """The span widened over the marks at the name's edges when the text has them (and the
        entry so named); else the name without marks, if the gazetteer has it; else None."""
        variants, plain = self._edges[i]
        for lead, tail, eid in variants:
            if (a >= len(lead) and normalize(text[a - len(lead):a]) == lead
                    and normalize(text[b:b + len(tail)]) == tail):
                return a - len(lead), b + len(tail), eid
        return (a, b, plain) if plain is not None else None


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
    for start, end, eid in matcher.raw_matches(text):
        if eid == ORG:
            continue
        s = sentence_at(start)
        found.append(Mention(report.id, eid, text[start:end], start, end, s.text, s.start, "place"))

    roles = [rules.role(m, found, text, norm, gaz) for m in found]
    found = [m if r == "place" else replace(m, role=r) for m, r in zip(found, roles)]
    found = rules.repoint(found, text, norm, gaz)
    found = rules.context(found, report, norm, gaz, sentence_at)
    return sorted(found, key=lambda m: (m.start, m.end))


# Rules -------------------------------------------------------------------------------------


def _alternation(words) -> str:
    keys = sorted({name_key(w) for w in words if name_key(w)}, key=len, reverse=True)
    return "|".join(re.escape(k) for k in keys)


class _Rules:
    def __init__(self, gaz: Gazetteer, vocab_dir: Path | None):
        src = "metonymy.toml"
        m = vocab.toml(src, vocab_dir)
        self.metonym_kinds = set(vocab.require(m, "kinds", list, src))
        self.seats = {name_key(s) for s in vocab.require(m, "seats", list, src)}
        verbs = _alternation(vocab.require(m, "verbs", list, src))
        aux = _alternation(vocab.require(m, "auxiliaries", list, src))
        nouns = _alternation(vocab.require(m, "government_nouns", list, src))
        hyph = _alternation(vocab.require(m, "hyphen_suffixes", list, src))
        pre = _alternation(vocab.require(m, "preceding", list, src))
        # All patterns run on the normalised text (lowercase, dashes as spaces, one apostrophe).
        self.rx_verb = re.compile(rf"^(?:'s?)?\s*(?:(?:{aux})\s+)*(?:{verbs})\b")
        self.rx_noun = re.compile(rf"^(?:'s?)?\s+(?:{nouns})\b")
        self.rx_which = re.compile(r"^\s*,\s*(?:which|who)\b")
        self.rx_hyphen = re.compile(rf"^ (?:{hyph})\b")
        self.rx_pre = re.compile(rf"\b(?:{pre})\s+(?:the\s+)?$")
        self.rx_gap = re.compile(r"^(?:\s|,|and\b|or\b|the\b|as well as\b)*$")
        self.rx_gap_abbrev = re.compile(r"^(?:[\s,]|and\b|or\b|the\b|[A-Z][A-Za-z.]{0,4}\b)*$")
        self.rx_dateline_tail = re.compile(
            r"^(?:\s*,[^\n()]{1,40}?)?\s*\([A-Z][^()\n]{0,40}\)\s*[-\u2013\u2014:]"
        )
        self.rx_caps_tail = re.compile(r"^(?:\s*,[^\n]{1,30}?)?\s*[-\u2013\u2014]\s")

        src = "context.toml"
        c = vocab.toml(src, vocab_dir)
        self.anaphors = []
        for a in vocab.require(c, "anaphor", list, src):
            self.anaphors.append((re.compile(rf"\b{re.escape(name_key(a['phrase']))}\b(?! of\b)"), set(a["kinds"])))
        feats = _alternation(vocab.require(c, "features", list, src))
        adjs = _alternation(vocab.require(c, "feature_adjectives", list, src))
        self.rx_feature = re.compile(
            rf"\bthe\s+(?:(?:city|town)'s\s+)?(?:(?:{adjs})\s+)*(?P<f>{feats})\b"
        )
        self.rx_road = re.compile(rf"\b(?:{_alternation(vocab.require(c, 'road_words', list, src))})\b")
        self.rx_road_conn = re.compile(
            rf"^\s+(?:that\s+|which\s+)?(?P<c>{_alternation(vocab.require(c, 'road_connectives', list, src))})\s+(?:the\s+)?$"
        )
        self.road_km = float(c.get("road_km", 10))
        self.rx_base = re.compile(rf"\b(?:{_alternation(vocab.require(c, 'base_words', list, src))})\s+(?:in|at|near)\s+$")
        self.base_kinds = set(vocab.require(c, "base_kinds", list, src))
        self.rx_region = re.compile(rf"\b(?:{_alternation(vocab.require(c, 'region_words', list, src))})\s+of\s+(?:the\s+)?$")
        self.region_kinds = set(vocab.require(c, "region_kinds", list, src))
        self._road_geoms = None
        self._related_memo: dict[tuple, Entry | None] = {}
        self._eligible: dict[str, bool] = {}

    # roles ---------------------------------------------------------------------------------

    def eligible(self, e: Entry) -> bool:
        if e.id not in self._eligible:
            self._eligible[e.id] = e.kind in self.metonym_kinds or name_key(e.name) in self.seats
        return self._eligible[e.id]

    def role(self, m: Mention, all_: list[Mention], text: str, norm: str, gaz: Gazetteer) -> str:
        """``norm`` is ``normalize(text)``: the fold is per character, so its slices are the
        slices' folds."""
        if self.is_dateline(m, text):
            return "dateline"
        entry = gaz.entries[m.place_id]
        if not self.eligible(entry):
            return "place"
        group = self._group(m, all_, text)
        first, last = group[0], group[-1]
        right_own = norm[m.end:m.end + 40]
        if self.rx_hyphen.match(right_own):
            return "metonym"
        right = norm[last.end:last.end + 80]
        left = norm[max(first.sentence_start, first.start - 40):first.start]
        if (self.rx_noun.match(right) or self.rx_verb.match(right) or self.rx_which.match(right)
                or self.rx_pre.search(left)):
            return "metonym"
        return "place"

    def _group(self, m: Mention, all_: list[Mention], text: str) -> list[Mention]:
        """``m`` with the mentions coordinated with it ("Russia and Iran", "Syria, the US and Russia")."""
        i = next(k for k, x in enumerate(all_) if x is m)
        lo = hi = i
        while lo > 0 and self._coordinated(all_[lo - 1], all_[lo], text):
            lo -= 1
        while hi + 1 < len(all_) and self._coordinated(all_[hi], all_[hi + 1], text):
            hi += 1
        return all_[lo:hi + 1]

    def _coordinated(self, a: Mention, b: Mention, text: str) -> bool:
        gap = text[a.end:b.start]
        if len(gap) > 30 or "\n" in gap:
            return False
        gap = re.sub(r"^['’]s?", "", gap)
        return bool(self.rx_gap.match(normalize(gap)) or self.rx_gap_abbrev.match(gap)) and bool(gap.strip() or gap)

    def is_dateline(self, m: Mention, text: str) -> bool:
        line_start = text.rfind("\n", 0, m.start) + 1
        if text[line_start:m.start].strip():
            return False
        tail = text[m.end:m.end + 60]
        if self.rx_dateline_tail.match(tail):
            return True
        return m.surface.isupper() and len(m.surface) > 2 and bool(self.rx_caps_tail.match(tail))

    # re-pointing ---------------------------------------------------------------------------

    def repoint(self, found: list[Mention], text: str, norm: str, gaz: Gazetteer) -> list[Mention]:
        """"bases in Hmeimim and Tartus" -> the bases; "governorates of Aleppo and Idlib" -> the governorates."""
        out = list(found)
        for rx, kinds in ((self.rx_base, self.base_kinds), (self.rx_region, self.region_kinds)):
            for i, m in enumerate(out):
                if m.role != "place":
                    continue
                left = norm[max(m.sentence_start, m.start - 40):m.start]
                if not rx.search(left):
                    continue
                chain = [i]
                j = i
                while j + 1 < len(out) and self._coordinated(out[j], out[j + 1], text):
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

        def free(a: int, b: int) -> bool:
            return all(b <= s or a >= e for s, e in spans)

        def last_place(pos: int, kinds: set[str]) -> Entry | None:
            best = None
            for m in sorted(found + extra, key=lambda m: m.start):
                if m.start >= pos:
                    break
                e = gaz.entries[m.place_id]
                if m.role == "place" and e.kind in kinds:
                    best = e
            return best

        def add(a: int, b: int, eid: str) -> None:
            s = sentence_at(a)
            extra.append(Mention(report.id, eid, text[a:b], a, b, s.text, s.start, "place", "context"))
            spans.append((a, b))

        events = []
        for m in self.rx_feature.finditer(norm):
            events.append((m.start(), m.end(), "feature", m.group("f")))
        for rx, kinds in self.anaphors:
            for m in rx.finditer(norm):
                events.append((m.start(), m.end(), "anaphor", kinds))
        for m in self.rx_road.finditer(norm):
            events.append((m.start(), m.end(), "road", None))
        for a, b, what, arg in sorted(events, key=lambda e: (e[0], -e[1])):
            if not free(a, b):
                continue
            if what == "feature":
                city = last_place(a, {"city", "town"})
                target = city and self._related(city, set(), gaz, arg)
                if target is not None and target.kind not in ("city", "town"):
                    add(a, b, target.id)
            elif what == "anaphor":
                target = last_place(a, arg)
                if target is not None:
                    add(a, b, target.id)
            elif what == "road":
                road = self._road(a, b, found, text, norm, gaz, last_place)
                if road is not None:
                    add(a, b, road.id)
        return found + extra

    def _road(self, a, b, found, text, norm, gaz, last_place) -> Entry | None:
        after = [m for m in found if m.start >= b and m.start - b < 60 and m.sentence_start <= a]
        after.sort(key=lambda m: m.start)
        if not after:
            return None
        conn = self.rx_road_conn.match(norm[b:after[0].start])
        if not conn:
            return None
        first = gaz.entries[after[0].place_id]
        ends = None
        if len(after) > 1:
            gap = normalize(text[after[0].end:after[1].start])
            if re.fullmatch(r"\s+(?:to|and|with)\s+(?:the\s+)?(?:capital\s+|city\s+of\s+)?", gap):
                ends = (first, gaz.entries[after[1].place_id])
        if ends is None and conn.group("c") == "to":
            origin = last_place(a, {"city", "town"})
            if origin is not None and origin.id != first.id:
                ends = (origin, first)
        if ends is None:
            return None
        return self._road_between(*ends, gaz)

    def _road_between(self, x: Entry, y: Entry, gaz: Gazetteer) -> Entry | None:
        from shapely import wkt as shapely_wkt
        from shapely.geometry import Point

        if self._road_geoms is None:
            self._road_geoms = [
                (e, shapely_wkt.loads(e.geometry)) for e in gaz.entries.values()
                if e.kind == "road" and e.geometry
            ]
        limit = self.road_km / 111.0  # degrees; adequate at these latitudes for a 10 km test
        best = None
        for e, g in self._road_geoms:
            dx, dy = g.distance(Point(x.lon, x.lat)), g.distance(Point(y.lon, y.lat))
            if dx <= limit and dy <= limit and (best is None or dx + dy < best[0]):
                best = (dx + dy, e)
        return best[1] if best else None

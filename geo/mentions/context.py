"""Phrases resolved from context (geo/data/context.toml): "the city" and "the town" point at the
settlement the report named last in the foreground (not "towards Homs", "south-east of Hama"),
and are left unresolved when that place is of another kind, unknown to the gazetteer, or one of
several the report's topic does not decide between; "the city's historic citadel" is the
citadel of that city; "a highway that links Aleppo to Damascus" is the road between them."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Callable, Iterator, Set
from enum import Enum
from functools import partial
from typing import NamedTuple

from ..gazetteer import Gazetteer
from ..model import Entry, Mention, Report
from ..text import name_key
from .context_vocab import Anaphor, ContextVocab, KindAnaphor, Standing
from .evocations import Evocation, Evocations, Evoked, SentenceAt
from .metonymy import PLACE
from .related import Related
from .roads import RoadRules
from .scanning import finditer, literal_finditer

_APPOSITION_GAP = re.compile(r"\s*,\s*")
_FEATURE_NOT = ("city", "town")            # a feature is a part of a settlement, not one


class _Fit(Enum):
    """How an evocation fits a phrase: what it points at, passed over, or in the way."""
    ACCEPT = "accept"
    PASS = "pass"
    BLOCK = "block"


def _fit(e: Evocation, spec: Anaphor, here: int = -1, topic: str | None = None) -> _Fit:
    """``here``: the start of the phrase's sentence ("Manbij ... took over the city": a town named in
    the same sentence, ``spec.sentence_kinds``); ``topic``: the report's topic when the report never
    calls it by a kind of ``spec.topic_kinds`` (a report on Manbij calls it "the city")."""
    if (e.kind in spec.kinds or (e.sent_start == here and e.kind in spec.sentence_kinds)
            or (e.eid is not None and e.eid == topic and e.kind in spec.topic_kinds and not e.named_kind)):
        return _Fit.ACCEPT
    if e.kind in spec.pass_over or (e.named_kind and e.kind in spec.pass_over_named):
        return _Fit.PASS
    return _Fit.BLOCK


class _LastPlace:
    """The last mention before a position that is a place of some kinds, for mentions in order
    of their start: a running answer per list and kinds, extended as the list grows."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self._best: dict[tuple[int, frozenset[str]], list[int]] = {}

    def before(self, ms: list[Mention], starts: list[int], pos: int, kinds: Set[str]) -> Mention | None:
        best = self._best.setdefault((id(ms), frozenset(kinds)), [])
        entries = self.gaz.entries
        for i in range(len(best), len(ms)):      # best[i]: index of the last such among ms[:i + 1]
            m = ms[i]
            ok = m.role == PLACE and entries[m.place_id].kind in kinds
            best.append(i if ok else (best[i - 1] if i else -1))
        k = bisect.bisect_left(starts, pos)
        return ms[best[k - 1]] if k and best[k - 1] >= 0 else None


class _Reading:
    """One report as its phrases are read: the mentions found, those the phrases add, and the
    settlements evoked (found at the first feature or anaphor: most reports have none)."""

    def __init__(self, rules: ContextRules, found: list[Mention], report: Report, norm: str,
                 sentence_at: SentenceAt):
        self.rules, self.found, self.report, self.norm = rules, found, report, norm
        self.sentence_at = sentence_at
        self.extra: list[Mention] = []
        self._evoked: Evoked | None = None
        self.topic: str | None = None
        # the found spans are in text order and disjoint (raw_matches): the one that may overlap
        # [a, b) is the first that ends after a. So are the ones added here (each is free when
        # added, and the phrases come in text order): likewise
        self.spans = [(m.start, m.end) for m in found]
        self.starts, self.ends = [s for s, _ in self.spans], [e for _, e in self.spans]
        self.ordered = (all(map(operator.le, self.ends[:-1], self.starts[1:]))
                        and all(map(operator.lt, self.starts, self.ends)))
        self.n_found = len(self.spans)
        self.extra_starts: list[int] = []
        self.extra_ends: list[int] = []
        self.by_start = found if self.ordered else sorted(found, key=lambda m: m.start)
        self.found_starts = [m.start for m in self.by_start]
        self.latest = _LastPlace(rules.gaz)
        self._breaks: list[int] | None = None
        self._plain: dict[frozenset[str], str | None] = {}

    @property
    def evoked(self) -> Evoked:
        if self._evoked is None:
            ev = self.rules.evocations
            self._evoked = Evoked(ev.evocations(self.found, self.report.text, self.norm, self.sentence_at))
            self.topic = ev.topic(self.found)
        return self._evoked

    def plain_topic(self, spec: Anaphor) -> str | None:
        """The report's topic, unless the report itself calls it by a kind of ``spec.topic_kinds``
        ("the town of Manbij"): a town "the city" may point at anywhere (context.toml)."""
        if spec.topic_kinds not in self._plain:   # (once per report and kinds: not once per phrase)
            evoked = self.evoked   # (reading it sets the topic)
            topic = self.topic if spec.topic_kinds else None
            self._plain[spec.topic_kinds] = None if topic is None or any(
                e.eid == topic and e.named_kind and e.kind in spec.topic_kinds for e in evoked.found) else topic
        return self._plain[spec.topic_kinds]

    def paragraph_start(self, pos: int) -> int:
        """Where the line holding ``pos`` starts (a report's paragraphs are its lines)."""
        if self._breaks is None:
            self._breaks = [m.start() for m in re.finditer("\n", self.report.text)]
        k = bisect.bisect_left(self._breaks, pos)
        return self._breaks[k - 1] + 1 if k else 0

    def free(self, a: int, b: int) -> bool:
        """Whether no mention, found or added, overlaps [a, b)."""
        if not self.ordered:
            return all(b <= s or a >= e for s, e in self.spans)
        k = bisect.bisect_right(self.ends, a)
        if k < self.n_found and self.starts[k] < b:
            return False
        k = bisect.bisect_right(self.extra_ends, a)
        return not (k < len(self.extra_starts) and self.extra_starts[k] < b)

    def last_place(self, pos: int, kinds: Set[str]) -> Entry | None:
        """The last place of one of ``kinds`` named before ``pos`` (found or added here)."""
        best = self.latest.before(self.by_start, self.found_starts, pos, kinds)
        other = self.latest.before(self.extra, self.extra_starts, pos, kinds)
        if best is None or (other is not None and other.start > best.start):
            best = other
        return self.rules.gaz.entries[best.place_id] if best is not None else None

    def add(self, a: int, b: int, eid: str) -> None:
        """A mention of ``eid`` at [a, b), resolved from context."""
        s = self.sentence_at(a)
        text = self.report.text
        self.extra.append(Mention(self.report.id, eid, text[a:b], a, b, s.text, s.start, PLACE, "context"))
        self.spans.append((a, b))
        self.extra_starts.append(a)
        self.extra_ends.append(b)

    def evoke(self, a: int, b: int, eid: str | None, kind: str, part: bool = False) -> None:
        """The phrase at [a, b) points at ``eid`` (None: unresolved), a settlement of ``kind``."""
        s = self.sentence_at(a).start
        p = self.rules.evocations.passing(self.norm, s, a)
        self.evoked.add(Evocation(a, b, eid, kind, True, p.passing, p.origin, part, s))


class _Phrase(NamedTuple):
    """A phrase found in the text, and the rule that resolves it."""
    start: int
    end: int
    resolve: Callable[[_Reading, int, int], None]


NAME_GAP = 4   # characters of spaces and commas between "the capital" and a name beside it
_NAMED_PART = re.compile(r"['\u2019]s\s+[A-Z]")   # "the capital's Mezzeh air base": a named part of it


class ContextRules:
    """Resolves a report's context phrases (``vocab``: context.toml)."""

    def __init__(self, gaz: Gazetteer, vocab: ContextVocab, roads: RoadRules, related: Related):
        self.gaz = gaz
        self.vocab = vocab
        self.roads = roads
        self.related = related
        self.evocations = Evocations(gaz, vocab)

    def resolve(self, found: list[Mention], report: Report, norm: str, sentence_at: SentenceAt) -> list[Mention]:
        """``found`` and the mentions the report's phrases add (in text order after them)."""
        reading = _Reading(self, found, report, norm, sentence_at)
        for phrase in sorted(self._phrases(norm), key=lambda p: (p.start, -p.end)):
            if reading.free(phrase.start, phrase.end):
                phrase.resolve(reading, phrase.start, phrase.end)
        return found + reading.extra

    def _phrases(self, norm: str) -> list[_Phrase]:
        """The features, anaphors and road words of ``norm``, in that order."""
        v = self.vocab
        out = [_Phrase(m.start(), m.end(), partial(self._of_kind, spec=k))
               for k, fast in zip(v.kind_anaphors, v.kind_anaphors_relaxed)
               for m in finditer(k.rx, fast, norm)]   # (before the features: "the dam" just named, not the city's)
        out += [_Phrase(m.start(), m.end(), partial(self._feature, word=m.group("f"), own=m.group("own")))
                for m in finditer(v.rx_feature, v.rx_feature_relaxed, norm)]
        for scan in v.anaphors:
            resolve = partial(self._anaphor, spec=scan.spec)
            out.extend(_Phrase(m.start(), m.end(), resolve) for m in finditer(scan.rx, scan.relaxed, norm))
        out.extend(_Phrase(m.start(), m.end(), self._road)
                   for m in literal_finditer(self.roads.rx_road, self.roads.literals, norm))
        out.extend(_Phrase(m.start(), m.end(), self._capital) for m in v.rx_capital.finditer(norm))
        out.extend(_Phrase(m.start(), m.end(), partial(self._standing, spec=st)) for st in v.standing
                   for m in st.rx.finditer(norm))
        return out

    def _standing(self, reading: _Reading, a: int, b: int, spec: Standing) -> None:
        """"the buffer zone": the entry context.toml names, in a report that says one of its words."""
        if spec.entry in self.gaz.entries and spec.rx_when.search(reading.norm):
            reading.add(a, b, spec.entry)

    def _capital(self, reading: _Reading, a: int, b: int) -> None:
        """"the capital": the city context.toml names, unless a name stands right before it
        ("Beirut, the capital"); without that entry in the gazetteer, a city left unresolved."""
        eid = self.vocab.capital_entry if self.vocab.capital_entry in self.gaz.entries else None
        after = b + len(reading.norm[b:b + NAME_GAP]) - len(reading.norm[b:b + NAME_GAP].lstrip(" ,"))   # "the capital, Damascus"
        k = bisect.bisect_left(reading.found_starts, after)
        named_after = k < len(reading.found_starts) and reading.found_starts[k] == after
        if eid is not None and (named_after or reading.norm.endswith(", ", 0, a) or _NAMED_PART.match(reading.report.text, b)):
            return   # (the name beside it is the place; "the capital's Mezzeh district": Mezzeh)
        if eid is not None:
            reading.add(a, b, eid)
        reading.evoke(a, b, eid, self.gaz.entries[eid].kind if eid else "city")

    def _feature(self, reading: _Reading, a: int, b: int, word: str, own: str | None) -> None:
        """"the city's historic citadel", "the airport": of the city the phrase points at."""
        v = self.vocab
        spec = v.anaphor_specs.get(f"the {own}", v.feature_spec) if own else v.feature_spec
        eid = self._antecedent(a, b, spec, reading)
        city = self.gaz.entries[eid] if eid else None
        target = self.related.of(city, set(), word) if city is not None else None
        if city is not None and target is not None and target.kind not in _FEATURE_NOT:
            reading.add(a, b, target.id)
            reading.evoke(a, b, city.id, city.kind, part=True)

    def _of_kind(self, reading: _Reading, a: int, b: int, spec: KindAnaphor) -> None:
        """"the dam", "the crossing": the one place of the phrase's kinds the last sentences named
        (``kind_anaphor_sentences``, this one included); none when they named several or none."""
        s = reading.sentence_at(a)
        for _ in range(self.vocab.kind_anaphor_sentences - 1):
            if s.start <= 0:
                break
            s = reading.sentence_at(s.start - 1)
        entries = self.gaz.entries
        ids = {m.place_id for ms, starts in ((reading.by_start, reading.found_starts), (reading.extra, reading.extra_starts))
               for m in ms[bisect.bisect_left(starts, s.start):bisect.bisect_left(starts, a)]
               if m.role == PLACE and entries[m.place_id].kind in spec.kinds
               and (not spec.name_words or any(w in name_key(n).split() for n in entries[m.place_id].names
                                               for w in spec.name_words))}
        if len(ids) == 1:
            reading.add(a, b, ids.pop())

    def _anaphor(self, reading: _Reading, a: int, b: int, spec: Anaphor) -> None:
        """"the city", "the town"."""
        eid = self._antecedent(a, b, spec, reading)
        if eid is not None:
            reading.add(a, b, eid)
        # an anaphor left unresolved stands in the way of the next one too
        reading.evoke(a, b, eid, self.vocab.kind_of_word.get(spec.phrase.split()[-1], min(spec.kinds)))

    def _road(self, reading: _Reading, a: int, b: int) -> None:
        """"the highway that links Aleppo to Damascus", "the road to Damascus"."""
        road = self.roads.road(a, b, reading.by_start, reading.found_starts, reading.report.text,
                               reading.norm, reading.last_place)
        if road is not None:
            reading.add(a, b, road.id)

    def _antecedent(self, a: int, b: int, spec: Anaphor, reading: _Reading) -> str | None:
        """The settlement the phrase at [a, b) points at, or None when that is not clear.

        Reads the evocations ending before ``a`` from the last back: to the focus (the last in
        the foreground), then through the focus's sentence; only when there is no focus, all."""
        norm = reading.norm
        k = bisect.bisect_left(reading.found_starts, b + 2)
        if norm.startswith(", ", b) and k < len(reading.found_starts) and reading.found_starts[k] == b + 2:
            return None   # "took the provincial capital, Deir ez-Zor, and ...": the name after it is the place
        prior = reading.evoked.before(a)         # the last first
        last = next(prior, None)
        if last is None:
            return None
        sent_start = reading.sentence_at(a).start
        if _APPOSITION_GAP.fullmatch(norm, last.end, a) and norm[b:b + 2] != "'s":
            # "Aleppo, the city his fighters seized"; "After rebels took Saraqib, the city ..." is
            # no apposition, and not clear
            return last.eid if _fit(last, spec, sent_start, reading.plain_topic(spec)) is _Fit.ACCEPT else None
        if not (last.sent_start == sent_start and not last.part
                and self.vocab.rx_locating.fullmatch(norm, last.end, a)):
            prior = itertools.chain((last,), prior)
        # else skipped: "Qomhana, the village directly north of the city"
        return _choose(prior, spec, reading.topic, sent_start, reading.paragraph_start(a), reading.plain_topic(spec))


def _choose(prior: Iterator[Evocation], spec: Anaphor, topic: str | None, here: int = -1,
            paragraph: int = 0, plain: str | None = None) -> str | None:
    """The settlement among the evocations ``prior`` (the last first) that ``spec`` points at;
    ``paragraph``: where the phrase's paragraph starts; ``plain``: the topic, when the report never
    calls it by a kind of ``spec.topic_kinds`` (``_fit``)."""
    # candidates: not passed over, and not where a move starts ("Advancing from Deir Jamal,
    # the fighters reached the town's main square"); the focus is the last in the foreground
    focus = None
    later: list[Evocation] = []              # candidates named in passing and accepted, after the focus
    considered: list[Evocation] = []         # every candidate looked at
    for e in prior:
        considered.append(e)
        r = _fit(e, spec, here, plain)
        if r is _Fit.PASS or e.origin:
            continue
        if not e.passing:
            focus = e
            break
        if r is _Fit.ACCEPT:
            later.append(e)
    ids: set[str | None]
    if focus is None:
        ids = {e.eid for e in later}
    else:
        if _fit(focus, spec, here, plain) is _Fit.BLOCK or focus.eid is None:
            return None                      # "the city" just after a town, or an unknown place
        later = [e for e in later if e.start > focus.start]
        if any(e.sent_start != focus.sent_start and e.eid != focus.eid for e in later):
            return None                      # "... took Aleppo. They moved towards Hama. The city"
        ids = {e.eid for e in later if e.sent_start == focus.sent_start}
        ids.add(focus.eid)
        # and the foreground candidates before the focus in its sentence (an evocation never
        # starts before its sentence, so none further back is in it)
        for e in prior:
            considered.append(e)
            if e.start < focus.sent_start:
                prior = itertools.chain((e,), prior)
                break
            if (e.sent_start == focus.sent_start and not e.passing and not e.origin
                    and _fit(e, spec, here, plain) is _Fit.ACCEPT):
                ids.add(e.eid)
        if focus.kind not in spec.kinds:
            # a town taken for "the city" only for being in its sentence, after a city the
            # paragraph named ("Hama is where ... taking Souran, ... overlooks the city"): not clear
            city = next((e for e in itertools.takewhile(lambda e: e.start >= paragraph, prior)
                         if e.kind in spec.kinds and not e.passing and not e.origin), None)
            if city is not None:
                considered.append(city)
                ids.add(city.eid)
    if len(ids) == 1:
        return ids.pop()
    if any(e.kind not in spec.kinds for e in considered if e.eid in ids):
        return None   # a town of the sentence beside another candidate: not clear
    return topic if topic in ids else None   # "Hama fell, opening the road towards Homs"

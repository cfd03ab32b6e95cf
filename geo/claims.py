"""Control claims: who says which force holds, entered, captured or left which place.

``extract_claims(report, mentions, vocab, gazetteer)`` is pure. For each sentence it finds
status phrases ("captured", "under the control of", "failed to establish"), the place each is
about (a mention in the same sentence, "the city" included), the force the claim is about
(actor, normalised through actors.toml), and who asserts it (the claimant: the speaker of the
nearest reporting verb, "according to X", a trailing "..., X said", or else the outlet).
Negated, intended ("preparing to regain"), questioned and historic ("in 2016") statements are
not current claims. All phrases live in geo/data/claims.toml and geo/data/actors.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import ahocorasick_rs

from . import vocab as vocab_mod
from .errors import VocabularyError
from .gazetteer import Gazetteer
from .mentions import Mention
from .reports import Report
from .text import name_key, normalize, sentences

STATUSES = ("captured", "controls", "entered", "advancing", "withdrew", "failed_to_hold",
            "repelled", "contested")
GAINS = {"captured", "controls", "entered", "advancing"}
LOSSES = {"withdrew", "failed_to_hold"}
HOLDS = {"captured", "controls", "repelled"}
PRESENCE = {"entered", "advancing", "contested"}
PRONOUNS = {"they", "them", "their"}


@dataclass(frozen=True)
class Claim:
    article: str
    outlet: str
    date: str
    place_id: str
    place: str
    actor: str           # actor id from actors.toml
    status: str          # one of STATUSES
    claimant: str        # as the text names them, or the outlet for unattributed claims
    claimant_side: str   # an actor id, "outlet" or "other"
    quote: str           # the sentence
    admission: bool      # the claimant concedes something against its own side
    hedged: bool         # "reportedly", "claim to", "unverified", "appear to"
    trigger: str         # the phrase that made it a claim, as written
    start: int           # offset of the sentence in the report text


@dataclass(frozen=True)
class Actor:
    id: str
    label: str
    colour: str


def _rx_words(words) -> str:
    keys = sorted({name_key(w) for w in words if name_key(w)}, key=len, reverse=True)
    return "|".join(re.escape(k) for k in keys)


def _wb(pattern: str) -> re.Pattern:
    return re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])")


def literal_prefix(rx: re.Pattern) -> str:
    """The literal text every match of ``rx`` starts with ("" when there is none).

    Lets a sentence skip a pattern whose prefix it does not contain: exact, and much cheaper
    than running ~100 status patterns over every sentence."""
    import re._constants as sre_c
    import re._parser as sre_p

    if rx.flags & re.IGNORECASE:
        return ""
    out: list[str] = []

    def walk(items) -> bool:
        for op, av in items:
            if op is sre_c.LITERAL:
                out.append(chr(av))
            elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT):
                continue  # zero-width
            elif op is sre_c.SUBPATTERN and not av[1] and not av[2]:
                if not walk(av[3]):
                    return False
            else:
                return False
        return True

    walk(sre_p.parse(rx.pattern))
    return "".join(out)


class ClaimVocabulary:
    """actors.toml + claims.toml, compiled."""

    def __init__(self, folder: Path | None = None):
        a = vocab_mod.toml("actors.toml", folder)
        c = vocab_mod.toml("claims.toml", folder)
        actors = vocab_mod.require(a, "actors", dict, "actors.toml")
        self.actors: dict[str, Actor] = {}
        self.actor_of: dict[str, str] = {}
        for aid, spec in actors.items():
            names = vocab_mod.require(spec, "names", list, f"actors.toml [actors.{aid}]")
            self.actors[aid] = Actor(aid, spec.get("label", aid), spec.get("colour", "#888888"))
            for n in names:
                self.actor_of.setdefault(name_key(n), aid)
        self.actor_alt = _rx_words(self.actor_of)
        self.rx_actor = _wb(self.actor_alt + "|they|them|their")
        self.statuses: list[tuple[str, re.Pattern, str, str]] = []  # status, rx, actor side, prefix
        for spec in vocab_mod.require(c, "status", list, "claims.toml"):
            status = spec.get("status")
            if not status:
                raise VocabularyError("claims.toml: a [[status]] table has no 'status'")
            after_for = [re.compile(p) for p in spec.get("after_for", [])]
            for pat in spec.get("patterns", []):
                src = pat.replace("\\{actor\\}", f"(?:{self.actor_alt})")
                try:
                    rx = _wb(src)
                except re.error as e:
                    raise VocabularyError(f"claims.toml: status {status!r} pattern {pat!r}: {e}") from None
                actor_side = "after" if any(p.pattern == pat for p in after_for) else "before"
                self.statuses.append((status, rx, actor_side, literal_prefix(rx)))
        # Which status patterns can match a sentence: one automaton pass over its literal
        # prefixes; the patterns without one always run.
        by_prefix: dict[str, list[int]] = {}
        self.always: list[int] = []
        for i, (_, _, _, prefix) in enumerate(self.statuses):
            if prefix:
                by_prefix.setdefault(prefix, []).append(i)
            else:
                self.always.append(i)
        self.prefix_patterns = list(by_prefix.values())
        self.prefixes = ahocorasick_rs.AhoCorasick(list(by_prefix)) if by_prefix else None
        self.exclude_kinds = set(c.get("exclude_kinds", []))
        rep = vocab_mod.require(c, "reporting", dict, "claims.toml")
        self.rx_verb = _wb(_rx_words(rep.get("verbs", [])))
        self.rx_before_claimant = _wb(_rx_words(rep.get("before_claimant", [])))
        self.carry_over = {name_key(w) for w in rep.get("carry_over", [])}
        self.other_words = [normalize(w) for w in rep.get("other", [])]
        self.outlet_words = [normalize(w) for w in rep.get("outlet_words", [])]
        hedges = vocab_mod.require(c, "hedges", dict, "claims.toml")
        self.rx_intention = _wb("|".join(hedges.get("intention", [])))
        self.rx_history = _wb(_rx_words(hedges.get("history", [])))

    def side_of(self, claimant: str, outlet: str) -> str:
        """An actor id, "outlet" or "other" for a claimant phrase."""
        n = " " + normalize(claimant) + " "
        for m in _wb(self.actor_alt).finditer(n):
            return self.actor_of[m.group()]
        if outlet and outlet != "unknown" and name_key(outlet) in n:
            return "outlet"
        if any(w in n for w in self.outlet_words):
            return "outlet"
        return "other"


# Extraction --------------------------------------------------------------------------------

_BOUNDARY = re.compile(r"[,;:“”\"(]|\bthat\b|\band\b|\bbut\b|\bwhile\b|\bas\b")
_STRIP = re.compile(r"^(?:the country's\s+)?|(?:\s+(?:has|have|had|also|now|reportedly|earlier|later|previously|on \w+day))+$")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass
class _Trigger:
    start: int
    end: int
    status: str
    actor_side: str
    inner_actor: str | None
    held: bool = False   # "rebel-held X": the place follows at once


def extract_claims(report: Report, mentions: list[Mention], vocab: ClaimVocabulary,
                   gazetteer: Gazetteer) -> list[Claim]:
    """Every control claim in ``report``, once per (place, actor, status, claimant side)."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.role == "place" and gazetteer.entries[m.place_id].kind not in vocab.exclude_kinds:
            by_sentence.setdefault(m.sentence_start, []).append(m)
    year = int(report.date[:4]) if report.date[:4].isdigit() else None
    claims: list[Claim] = []
    seen: set[tuple] = set()
    state = {"claimant": None, "plural_actor": None}
    report_norm = normalize(report.text)   # per character: a slice's fold is the fold's slice
    for sent in sentences(report.text):
        text = sent.text
        norm = report_norm[sent.start:sent.end]
        actors = _actors(norm, vocab)
        claimant_here = _first_claimant(text, norm, vocab)
        places = sorted(by_sentence.get(sent.start, []), key=lambda m: m.start)
        if places and not text.rstrip().rstrip("”\"'’").endswith("?"):
            triggers = _triggers(norm, vocab)
            actors = _outside(actors, triggers, norm, vocab)
            found = []
            for t in triggers:
                if _negated(norm, t) or _intended(norm, t, vocab) or _historic(norm, t, vocab, year):
                    continue
                targets = _places_for(t, places, sent.start, text)
                if targets:
                    found.append((t, targets))
            # "insurgents entered the government-held city of Aleppo": the adjective describes
            # the state before the event the sentence reports; the event is the claim.
            events = {m.place_id for t, ms in found if not t.held for m in ms}
            found = [(t, [m for m in ms if not (t.held and m.place_id in events)]) for t, ms in found]
            previous = None
            for t, targets in found:
                if not targets:
                    continue
                actor = _actor_for(t, actors, state, previous)
                if actor is None:
                    continue
                if not t.held:
                    previous = actor
                claimant, side = _claimant_for(t, text, norm, vocab, report, state)
                for m in targets:
                    key = (m.place_id, actor, t.status, side)
                    if key in seen:
                        continue
                    seen.add(key)
                    claims.append(Claim(
                        article=report.id, outlet=report.outlet, date=report.date,
                        place_id=m.place_id, place=gazetteer.entries[m.place_id].name,
                        actor=actor, status=t.status, claimant=claimant, claimant_side=side,
                        quote=text, admission=_admission(actor, t.status, side),
                        hedged=bool(re.search(r"\b(?:reportedly|claims?|claimed|unverified|appears?|allegedly|purportedly)\b", norm)),
                        trigger=text[t.start:t.end], start=sent.start,
                    ))
        # carry state to the next sentence: the last speaker and the last plural force named
        if claimant_here:
            state["claimant"] = claimant_here
        for a in actors:
            if a[2] and a[3]:
                state["plural_actor"] = a[2]
    return claims


def _actors(norm: str, vocab: ClaimVocabulary):
    """(start, end, actor id or None for a pronoun, plural) in the sentence."""
    out = []
    for m in vocab.rx_actor.finditer(norm):
        word = m.group()
        if word in PRONOUNS:
            out.append((m.start(), m.end(), None, True))
        else:
            last = word.split()[-1]
            out.append((m.start(), m.end(), vocab.actor_of[word], last.endswith("s") and len(last) > 3))
    return out


def _candidate_patterns(norm: str, vocab: ClaimVocabulary) -> list[int]:
    """Indexes of the status patterns that can match ``norm``, in vocabulary order."""
    found = set(vocab.always)
    if vocab.prefixes is not None:
        for k, _, _ in vocab.prefixes.find_matches_as_indexes(norm, overlapping=True):
            found.update(vocab.prefix_patterns[k])
    return sorted(found)


def _triggers(norm: str, vocab: ClaimVocabulary) -> list[_Trigger]:
    cands = []
    for i in _candidate_patterns(norm, vocab):
        status, rx, actor_side, _ = vocab.statuses[i]
        for m in rx.finditer(norm):
            inner = None
            if "held" in m.groupdict() and m.group("held") is not None:
                prefix = m.group("held")
                inner = vocab.actor_of.get(prefix) or vocab.actor_of.get(prefix.replace(" led", ""))
                if inner is None:
                    continue
            cands.append(_Trigger(m.start(), m.end(), status, actor_side, inner, held=inner is not None))
    cands.sort(key=lambda t: (t.start - t.end, t.start))
    chosen: list[_Trigger] = []
    for t in cands:
        if all(t.end <= c.start or t.start >= c.end for c in chosen):
            chosen.append(t)
    for t in chosen:
        if t.inner_actor is None:
            inside = [vocab.actor_of[m.group()] for m in _wb(vocab.actor_alt).finditer(norm[t.start:t.end])]
            t.inner_actor = inside[0] if inside else None
            if t.inner_actor is None and re.search(r"\bthem\b", norm[t.start:t.end]):
                t.inner_actor = "them"
    return sorted(chosen, key=lambda t: t.start)


def _outside(actors, triggers, norm: str, vocab: ClaimVocabulary):
    """Actor names that are neither part of a status phrase ("government-held") nor of an
    attribution ("according to a statement by the Defense Ministry")."""
    spans = [(t.start, t.end) for t in triggers]
    for m in vocab.rx_before_claimant.finditer(norm):
        end = _BOUNDARY.search(norm, m.end())
        spans.append((m.start(), end.start() if end else len(norm)))
    return [a for a in actors if all(a[1] <= s or a[0] >= e for s, e in spans)]


def _negated(norm: str, t: _Trigger) -> bool:
    if t.status in ("failed_to_hold", "repelled"):
        return False
    before = norm[max(0, t.start - 25):t.start]
    return bool(re.search(r"\b(?:not|never|no longer|failed to|unable to|did not|didn't|denied)\b[^,;]*$", before))


def _intended(norm: str, t: _Trigger, vocab: ClaimVocabulary) -> bool:
    before = norm[max(0, t.start - 45):t.start]
    before = re.split(r"[,;]", before)[-1]
    return bool(vocab.rx_intention.search(before))


def _historic(norm: str, t: _Trigger, vocab: ClaimVocabulary, year: int | None) -> bool:
    """Background, not a current claim: "won control of the city in 2016", "... a decade after
    government forces drove rebels from the city", "had been under state control since ..."."""
    old_year = year is not None and any(int(y) < year for y in _YEAR.findall(norm))
    cue = old_year or bool(vocab.rx_history.search(norm))
    if not cue:
        return False
    clause_after = re.split(r"[,;]", norm[t.end:])[0]
    if year is not None and any(int(y) < year for y in _YEAR.findall(clause_after)):
        return True
    head = norm[:t.start]
    if re.search(r"\b(?:after|since|when|before|until)\b", head):
        last_conj = max(m.end() for m in re.finditer(r"\b(?:after|since|when|before|until)\b", head))
        if not re.search(r"[,;]", head[last_conj:]) or re.search(r"\b(?:ago|decade|since)\b", head):
            return True
    if re.search(r"\bhad been\b", head[-30:]) or re.search(r"\b(?:previously|formerly|once)\s*$", head):
        return True
    return False


def _places_for(t: _Trigger, places: list[Mention], offset: int, text: str) -> list[Mention]:
    """The place the status phrase is about (nearest, preferring after), plus places coordinated
    with it ("bases in Hmeimim and Tartus")."""
    best = None
    for m in places:
        a, b = m.start - offset, m.end - offset
        if a >= t.end:
            d = a - t.end
            if t.held and d > 12:
                continue
        elif b <= t.start and not t.held:
            d = t.start - b + 25
        else:
            continue
        if d > 90:
            continue
        if best is None or d < best[0]:
            best = (d, m)
    if best is None:
        return []
    chosen = [best[1]]
    i = places.index(best[1])
    while i + 1 < len(places):
        gap = text[places[i].end - offset:places[i + 1].start - offset]
        if not re.fullmatch(r"\s*(?:,|and|,\s*and|or)\s*(?:the\s+)?", gap):
            break
        chosen.append(places[i + 1])
        i += 1
    return chosen


def _actor_for(t: _Trigger, actors, state, previous: str | None = None) -> str | None:
    """The force a status phrase is about: named inside it ("prevented the terrorists from"),
    else the nearest name on its usual side, else the subject shared with the previous status
    phrase of the sentence ("they captured X and have taken control of Y"), else the
    sentence's first force named before it, else a name right after it."""
    if t.inner_actor == "them":
        return _plural_before(t.start, actors, state)
    if t.inner_actor:
        return t.inner_actor

    def resolve(a):
        return _plural_before(a[0], actors, state) if a[2] is None else a[2]

    near_before = [a for a in actors if a[1] <= t.start and t.start - a[1] <= (30 if a[2] is None else 60)]
    after = [a for a in actors if a[0] >= t.end and a[0] - t.end <= 60]
    if t.actor_side == "after" and after:
        return resolve(after[0])
    if near_before:
        return resolve(near_before[-1])
    if previous:
        return previous
    first = [a for a in actors if a[1] <= t.start and a[2] is not None]
    if first:
        return first[0][2]
    close_after = [a for a in after if a[0] - t.end <= 25]
    return resolve(close_after[0]) if close_after else None


def _plural_before(pos: int, actors, state) -> str | None:
    for a in reversed([a for a in actors if a[1] <= pos]):
        if a[2] and a[3]:
            return a[2]
    return state["plural_actor"]


def _phrase_before(text: str, norm: str, end: int) -> str:
    """The speaker before a reporting verb: back to the previous clause boundary, skipping an
    appositive ("The Syrian Civil Defence, a rescue service ..., said")."""
    head = norm[:end]
    cuts = [m for m in _BOUNDARY.finditer(head)]
    cut = cuts[-1].end() if cuts else 0
    if not text[cut:end].strip() and cuts and cuts[-1].group() == ",":
        earlier = [m for m in cuts[:-1] if m.group() == ","]
        if earlier:
            prev = [m for m in cuts if m.end() <= earlier[-1].start()]
            a = prev[-1].end() if prev else 0
            return _clean(text[a:earlier[-1].start()])
    return _clean(text[cut:end])


def _clean(phrase: str) -> str:
    phrase = _STRIP.sub("", phrase.strip(" ,“”\"'’")).strip()
    return " ".join(phrase.split()[-12:])


def _phrase_after(text: str, norm: str, start: int) -> str:
    m = _BOUNDARY.search(norm, start)
    end = m.start() if m else len(text)
    phrase = text[start:end].strip(" ,.“”\"'’")
    return " ".join(phrase.split()[:12])


def _first_claimant(text: str, norm: str, vocab: ClaimVocabulary) -> str | None:
    for m in vocab.rx_verb.finditer(norm):
        p = _phrase_before(text, norm, m.start())
        if p and name_key(p) not in vocab.carry_over:
            return p
    return None


def _claimant_for(t: _Trigger, text: str, norm: str, vocab: ClaimVocabulary, report: Report, state):
    claimant = None
    verbs_before = [m for m in vocab.rx_verb.finditer(norm) if m.end() <= t.start]
    for m in reversed(verbs_before):
        p = _phrase_before(text, norm, m.start())
        if p:
            claimant = p
            break
    if claimant is None:
        m = vocab.rx_before_claimant.search(norm)
        if m:
            claimant = _phrase_after(text, norm, m.end()) or None
    if claimant is None:
        for m in vocab.rx_verb.finditer(norm, t.end):
            comma = norm.rfind(",", t.end, m.start())
            if comma >= 0 and not re.search(r"[.;]", norm[m.end():].strip(" .”\"'")):
                p = _STRIP.sub("", text[comma + 1:m.start()].strip(" “”\"")).strip()
                if p and len(p.split()) <= 8:
                    claimant = p
                    break
    if claimant is not None and name_key(claimant) in vocab.carry_over:
        claimant = state["claimant"]
    if claimant is None:
        return report.outlet, "outlet"
    return claimant, vocab.side_of(claimant, report.outlet)


def _admission(actor: str, status: str, side: str) -> bool:
    """A side conceding: the army saying the rebels entered, or that it withdrew."""
    if side in ("outlet", "other"):
        return False
    return (actor != side and status in GAINS) or (actor == side and status in LOSSES)


# Per-place state ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceState:
    place_id: str
    state: str                 # "uncontested" | "contested"
    controller: str            # the actor all holding claims name, or "" when none or disputed
    actors: tuple[str, ...]    # every actor the claims name, by number of claims
    presence_only: bool        # only entered/advancing/contested claims
    latest_date: str
    claims: tuple[Claim, ...]  # newest first


def place_states(claims: list[Claim]) -> dict[str, PlaceState]:
    """Derive each place's state from its claims; nothing here is stored as fact.

    A place is contested when its claims disagree: two forces are said to hold it, or a force is
    said to hold it while another entered, advanced on or was pushed out of it, or a force is
    both said to hold it and to have withdrawn or failed to hold."""
    by_place: dict[str, list[Claim]] = {}
    for c in claims:
        by_place.setdefault(c.place_id, []).append(c)
    return {pid: _state(pid, sorted(cs, key=_newest_first_key, reverse=True))
            for pid, cs in sorted(by_place.items())}


def states_by_date(claims: list[Claim]) -> dict[str, dict[str, PlaceState]]:
    """For each date claims carry, ``place_states`` of the claims made up to that date.

    Incremental: each place's claims are sorted once and added day by day, and its state is
    derived again only on the days it has new claims."""
    dates = sorted({c.date for c in claims})
    by_place: dict[str, list[Claim]] = {}
    for c in claims:
        by_place.setdefault(c.place_id, []).append(c)
    out: dict[str, dict[str, PlaceState]] = {d: {} for d in dates}
    for pid, cs in sorted(by_place.items()):
        cs = sorted(cs, key=_newest_first_key, reverse=True)
        tally = _Tally()
        k, state = len(cs), None
        for d in dates:
            k0 = k
            while k > 0 and cs[k - 1].date <= d:   # claims up to d: the tail of the newest-first list
                k -= 1
                tally.add(cs[k])
            if k != k0:
                state = tally.state(pid, cs[k:])
            if state is not None:
                out[d][pid] = state
    return out


def _newest_first_key(c: Claim):
    return (c.date, c.article, c.start)


def _state(pid: str, cs: list[Claim]) -> PlaceState:
    """The state of one place from its claims, given newest first."""
    tally = _Tally()
    for c in cs:
        tally.add(c)
    return tally.state(pid, cs)


class _Tally:
    """Who is said to hold, be present at or have lost a place, and how often each is named."""

    def __init__(self):
        self.holders: set[str] = set()
        self.present: set[str] = set()
        self.losers: set[str] = set()
        self.counts: dict[str, int] = {}

    def add(self, c: Claim) -> None:
        if c.status in HOLDS:
            self.holders.add(c.actor)
        if c.status in PRESENCE:
            self.present.add(c.actor)
        if c.status in LOSSES:
            self.losers.add(c.actor)
        self.counts[c.actor] = self.counts.get(c.actor, 0) + 1

    def state(self, pid: str, newest_first: list[Claim]) -> PlaceState:
        holders, present, losers, counts = self.holders, self.present, self.losers, self.counts
        contested = (len(holders) > 1 or bool(holders and (present - holders))
                     or bool(holders & losers) or bool(losers and (present | holders) - losers)
                     or len(present) > 1)
        controller = next(iter(holders)) if len(holders) == 1 and not contested else ""
        return PlaceState(
            place_id=pid,
            state="contested" if contested else "uncontested",
            controller=controller,
            actors=tuple(sorted(counts, key=lambda a: (-counts[a], a))),
            presence_only=not holders and not losers,
            latest_date=newest_first[0].date,
            claims=tuple(newest_first),
        )

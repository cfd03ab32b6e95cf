"""Reading one sentence for claims: each status phrase in its clause, kept or set aside (intended,
historic, hypothetical, denied, negated), with its places, force and claimant."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import NamedTuple

from ..model import Report
from ..text import name_key
from .actors import force, resolve
from .approach import approach
from .arguments import arguments, negation_start
from .clauses import ActorHit, PlaceRef, Words, token_at
from .clauses.grammar import APPOSITION_REACH, past_insertion
from .clauses.words import GUARDING, bracket_spans, relative_spans
from .discourse import Discourse
from .hedges import held_since, historic, intended
from .query import OWN_NOUNS, AgentQuery, attacked_before, foe_of
from .speakers import NO_SIDE, Speaker, claimant_for, side_of
from .subjects import Subjects, past_restrictive_relative, takes_nothing, where_the_subject_was
from .triggers import OURS, Trigger, objectless, past_agent
from .vocabulary import ClaimVocabulary

# Effects a negation cue may belong to rather than negate, when the phrase names its force
# ("failed to establish positions", "prevented them from holding").
_NEGATABLE_INSIDE = ("loss", "defence")
_LOCATIVE_OPENERS = frozenset({"on", "at", "in", "near", "inside", "outside", "within"})


PREVENTION_REACH = 60   # characters before a status phrase searched for "to stop", "to prevent"
_CLAUSE_END = re.compile(r"[,;:]")


class Found(NamedTuple):
    """A status phrase read: what a claim will say of each of its places."""
    trigger: Trigger
    places: list[PlaceRef]
    actor: str
    speaker: Speaker
    subordinate: bool = False   # in a time clause ("after the army withdrew"): not the sentence's main agent


_ADVERSARY_WORDS = frozenset({"regime"})   # a name only the government's opponents give it


@dataclass
class SentenceReading:
    """One sentence with status phrases, read phrase by phrase (``read``) into ``found``."""
    report: Report
    vocab: ClaimVocabulary
    talk: Discourse
    n_sent: int
    year: int | None
    text: str
    norm: str
    toks: Words
    places: list[PlaceRef]
    actors: list[ActorHit]   # forces outside status phrases and attributions
    named: list[ActorHit]    # every force named
    blocked: list[tuple[int, int]]   # spans that are no place of a claim (metonyms, datelines, countries)
    verbs: list[re.Match] = field(default_factory=list)
    phrases: list[Trigger] = field(default_factory=list)   # every status phrase of the sentence
    section: list[PlaceRef] = field(default_factory=list)   # a factbox heading's places, for its bullet lines
    found: list[Found] = field(default_factory=list)
    previous_agent: str | None = None
    previous_effect: str = ""   # what the phrase that gave ``previous_agent`` meant for it
    said: dict[tuple[int, int, int], Speaker] = field(default_factory=dict)   # per pair of reporting verbs around
    home_army: str = ""   # whose army "the army" is when the outlet speaks (ClaimVocabulary.home_army_of)
    home_side: str = ""   # the force the outlet's name names ("SANA"), whose are "our forces" in its own voice
    voice: Speaker | None = None   # the force a signed statement speaks for (speakers.document_voice)
    party: Speaker | None = None   # the party speaking of "our forces" in this sentence
    main_agent: str | None = None        # the agent before an "after ..." clause began
    main_effect: str = ""                # ... and what its phrase meant for it
    subordinate_end: int | None = None   # where the last phrase of that clause ended
    labelled: str = ""   # the speaker's label its line opens with ("THE COMMANDER:"), or ""
    asked: bool = False      # its line is a journalist's question: in the outlet's voice, a reporter's words

    def _no_claim_here(self, t: Trigger, ti: int, te: int | None) -> bool:
        """The phrase at token ``ti`` describes, it does not claim: "tanks in the abandoned town of
        X" (who abandoned it is not the sentence's subject), "On the northern outskirts of Homs, I
        counted ..." (where the sentence is), "troops defending X withdrew" (the hold before)."""
        toks = self.toks
        return (ti > 0 and toks[ti - 1].word in ("the", "an") and te == ti + 1 and t.pattern.effect == "loss"
                and not t.pattern.noun) or (ti == 0 and toks[0].word in _LOCATIVE_OPENERS) or (
                toks[ti].word in GUARDING and self._reduced_relative(t, ti)) or (
                t.pattern.effect == "approach" and self._describing(ti)) or takes_nothing(self._subjects, self.named, t, ti)

    def _describing(self, ti: int) -> bool:
        """The phrase at ``ti`` is in an apposition describing a place ("reached Qatana, a town
        about 25 km from Damascus"): where the place lies, no one's approach."""
        toks = self.toks
        k = next((k for k in range(ti - 1, max(-1, ti - 1 - _APPOSITION_REACH), -1) if toks[k].word == ","), -1)
        return k > 0 and k + 2 < len(toks) and toks[k + 1].word in ("a", "an") and toks[k + 2].word in _PLACE_NOUNS \
            and any(p.end == toks[k - 1].end for p in self.places)

    def _not_current(self, t: Trigger, ti: int) -> bool:
        """Intended, historic, hypothetical, denied or negated. What an insertion or a bracket says
        ("which it had held since 2016", "(formerly Jabhat al-Nusra)") is not this clause's time."""
        norm, toks, vocab = self.norm, self.toks, self.vocab
        for a, b in [*vocab.reader.insertions, *bracket_spans(toks, 0, ti), *relative_spans(toks, 0, ti)]:
            norm = norm[:a] + " " * (b - a) + norm[b:]
        return intended(self.norm, t, vocab, self.actors) or historic(norm, t, vocab, self.year) or self._set_aside(t, ti)

    def _set_aside(self, t: Trigger, ti: int) -> bool:
        """The phrase states no current claim: hypothetical, denied or negated."""
        reader, toks = self.vocab.reader, self.toks
        if (t.pattern.noun and self.vocab.rx_modal_after.match(self.norm, t.end)) or (
                t.pattern.nominal and _SUPPOSED.match(self.norm, t.end)):
            return True   # "the fall of Homs would cut Damascus off": hypothetical
        if reader.negated(toks, negation_start(toks, ti, reader), ti):
            return True   # (also "Hama has not slipped from the army's grip")
        if (t.pattern.effect not in _NEGATABLE_INSIDE or t.inner_actor is None) and reader.denied(toks, ti):
            return True
        if t.pattern.effect in ("gain", "presence"):
            before = _CLAUSE_END.split(self.norm[max(0, t.start - PREVENTION_REACH):t.start])[-1]
            return bool(self.vocab.rx_prevention.search(before))   # "to stop reinforcements reaching X"
        return False

    def _targets(self, t: Trigger, ti: int, targets: list[PlaceRef]) -> list[PlaceRef]:
        """The places of a claim: a loss with no place of its own takes the last claim's
        ("entered X but failed to establish positions"); blocked names are none."""
        found, reader = self.found, self.vocab.reader
        if (not targets and t.pattern.effect in _NEGATABLE_INSIDE and found
                and (t.pattern.agent == "inside" or t.pattern.noun or reader.subjectless(self.toks, ti))
                and (t.pattern.noun or not self.vocab.rx_verb.search(self.norm, found[-1].trigger.end, t.start))):
            targets = found[-1].places
        elif not targets and t.pattern.effect == "loss" and found and self._subordinate_to(found[-1], ti, t.end) \
                and found[-1].trigger.pattern.effect in ("gain", "presence", "hold") and not self._object_named(t):
            targets = found[-1].places   # "Rebels entered Hama after government forces withdrew"
        elif not targets and (self._moved_in(t, ti) or self._moved_in(t, ti, out=True)):
            targets = found[-1].places   # "Troops pulled out of X, and the SDF moved in"; "took X, and the SDF pulled out"
        elif not targets and not found and self._moved_in_next(t, ti):
            targets = [PlaceRef(0, 0, m) for m in reader.discourse_places]   # "The army left X. The SDF moved in."
        elif not targets and t.pattern.effect in ("loss", "defence"):
            # "Government forces in Hama withdrew"; "In Suwayda, ... government forces left their posts";
            # "army units stationed in A and B thwarted attempts to infiltrate"
            targets = (where_the_subject_was(self._subjects, ti, t.pattern.noun) or reader.scene(self.toks, self.places, ti)
                       or attacked_before(self.talk, self.n_sent, reader, self.norm, t))   # ("beat the attack back")
        fixed = [next((q for q in self.places if q.start == m.end()), None) if (m := _CORRECTED.match(self.text, p.end))
                 else p for p in targets]
        return [p for p in fixed if p is not None and not any(a < p.end and p.start < b for a, b in self.blocked)]

    def _in_section(self, te: int | None) -> list[PlaceRef]:
        """A factbox heading's places for a phrase in a bullet under it that takes no object of its
        own ("* The town was taken on Nov. 30"; not "cutting a corridor", "freed hundreds of prisoners")."""
        toks, time_words = self.toks, self.vocab.reader.time_words
        k = past_agent(toks, len(toks) if te is None else te, time_words)   # ("* The town was taken by rebels on Friday")
        if not self.section or not (objectless(toks, k) or toks[k].word in time_words):
            return []   # ("took heavy losses", "captured 12 tanks", "lost its commander": no place)
        return self.section

    def _object_named(self, t: Trigger) -> bool:
        """The phrase names what it is about, no place ("pulled out of checkpoints")."""
        k = self.toks.at(t.end)
        return self.norm[t.start:t.end].endswith((" of", " from")) and k < len(self.toks) and self.toks[k].word.isalpha()

    def _moved_in(self, t: Trigger, ti: int, out: bool = False) -> bool:
        """A gain or entry with no object right after a withdrawal in the same clause, into the place
        left ("the army pulled out of X, and the SDF moved in"); not "after moving in", not one with
        a place after it ("moved in to secure Hama"), not past a semicolon or relative pronoun.
        ``out``: a withdrawal with no object right after a gain, from the place taken ("the SNA took X,
        and the Kurdish-led forces pulled out")."""
        found, toks = self.found, self.toks
        moved, before = (("loss",), ("gain", "presence")) if out else (("gain", "presence"), ("loss",))
        return (t.pattern.effect in moved and bool(found) and found[-1].trigger.pattern.effect in before
                and objectless(toks, t.end) and not (ti > 0 and toks[ti - 1].word in ("after", "since"))
                and not any(p.start >= t.end for p in self.places)
                and not self.vocab.reader.clause_between(toks.between(found[-1].trigger.end, t.start)))

    def _moved_in_next(self, t: Trigger, ti: int) -> bool:
        """``_moved_in`` across a sentence: a gain or entry with no object, in a sentence naming no place, right
        after one whose last claim is a withdrawal, an attack or an approach (a withdrawal after a gain)."""
        last, toks, k = self.talk.agent, self.toks, self.toks.at(t.end)
        if last is None or last.sentence != self.n_sent - 1 or self.places or not self.vocab.reader.discourse_places:
            return False
        into = t.pattern.effect in ("gain", "presence") and last.effect in ("loss", "approach", "fighting")
        out = t.pattern.effect == "loss" and last.effect in ("gain", "presence") and (   # (not "withdrawn to their
            k >= len(toks) or toks[k].word not in _NOT_GONE_NEXT)   # positions", "left behind tunnels")
        return (into or out) and objectless(toks, t.end) and not (ti > 0 and toks[ti - 1].word in ("after", "since"))

    def _reduced_relative(self, t: Trigger, ti: int) -> bool:
        """The participle at ``ti`` follows a force and another phrase follows in its clause: it
        describes the force ("the soldiers defending Deir ez-Zor pulled out")."""
        after = self.toks[ti - 1].end if ti > 0 else -1
        return any(a.end == after for a in self.named) and any(
            u.start > t.end and u.pattern.effect != t.pattern.effect and not _CLAUSE_END.search(self.norm, t.end, u.start)
            for u in self.phrases)

    def _expelled(self, t: Trigger, ti: int, lo: int, agent, actor: str | None, targets: list[PlaceRef],
                  speaker: Speaker) -> None:
        """"SDF fighters were pushed out of X": the subject's own claim (``t.pattern.expels``). In the
        active voice ("the SNA drove the SDF out of X") the force named as driven out failed to hold X; not
        one only described ("drove the terrorists/militants out of X": the taker's capture says it)."""
        reader, toks = self.vocab.reader, self.toks
        q = AgentQuery(t, ti, lo, toks, self.actors, self.named, self.talk, None, self.n_sent, reader, speaker.side,
                       self.home_army, self.home_side)
        status = t.pattern.expels
        if agent == "passive" or (isinstance(agent, ActorHit) and agent.start >= t.end):
            hit = reader.subject(toks, ti, self.actors, lo)
        else:
            hit = next((a for a in self.named if t.start < a.start and a.end <= t.end), None)
            hit = hit if hit is not None and hit.kind == "name" and not reader.hostile(toks, hit) else None
            status = "failed_to_hold"
        out = force(q, hit) if hit is not None else None
        if out is not None and out != actor:
            pattern = replace(t.pattern, status=status, effect=self.vocab.effect(status), expels="")
            self.found.append(Found(replace(t, pattern=pattern), targets, out, speaker))

    def _other_party(self, t: Trigger, targets: list[PlaceRef], actor: str | None, speaker: Speaker,
                     prep: str, status: str) -> None:
        """"lost X to the rebels": the force named just after the places and ``prep`` gets a claim
        of ``status`` too (``t.pattern.cedes``)."""
        toks = self.toks
        k = toks.at(max(p.end for p in targets))
        if k < len(toks) and toks[k].start < t.start:
            k = toks.at(t.end)   # "Manbij, which the SDF lost to the SNA": the places before the phrase
        k = past_insertion(toks, k + (k < len(toks) and toks[k].word == "over"), APPOSITION_REACH)   # "A, a town, to"
        if k >= len(toks) or toks[k].word != prep:
            return
        k += 1 + (k + 1 < len(toks) and toks[k + 1].word == "the")
        nxt = toks[k].start if k < len(toks) else -1
        hit = next((a for a in self.named if a.start == nxt), None)
        q = AgentQuery(t, k, k, toks, self.actors, self.named, self.talk, None, self.n_sent, self.vocab.reader,
                       speaker.side, self.home_army, self.home_side)
        out = force(q, hit) if hit is not None else None
        if out is not None and out != actor:
            pattern = replace(t.pattern, status=status, effect=self.vocab.effect(status), cedes="")
            self.found.append(Found(replace(t, pattern=pattern), targets, out, speaker))

    def _subordinate_to(self, before: Found, ti: int, end: int) -> bool:
        """The phrase at token ``ti`` is in a clause ("after the army withdrew") subordinate to the
        claim ``before``: a subordinating word between them, no reporting verb, no semicolon."""
        reader, toks = self.vocab.reader, self.toks
        between = toks.between(before.trigger.end, toks[ti].start)
        words = [x.word for x in between]
        # "... had entered X and said its forces had been redeployed": the same speaker goes on about X
        said = words[:1] == ["and"] and len(words) > 1 and self.vocab.rx_verb.fullmatch(words[1]) is not None
        coordinated = ((said or any(words[n:n + 2] == [",", "and"] for n in range(len(words)))) and objectless(toks, end)
                       and not _WITHIN.match(self.norm, end))   # (not "withdrew to the city centre")
        return ((coordinated or any(w in reader.shared_place_subordinators for w in words))   # (", and the army withdrew")
                and not any(x.word in (";", ":") for x in between)
                and (said or not self.vocab.rx_verb.search(self.norm, before.trigger.end, toks[ti].start)))

    def _foe_held(self, t: Trigger, targets: list[PlaceRef], actor: str | None, speaker: Speaker, subordinate: bool) -> None:
        """The claim of a phrase whose force failed (``t.pattern.foiled``), for the force that faced ``actor``."""
        foe = foe_of(self.vocab, [f.actor for f in self.talk.forces] + [a.actor for a in self.named], actor)
        if foe is not None:
            self.found.append(Found(t, targets, foe, speaker, subordinate))

    @cached_property
    def _subjects(self) -> Subjects:   # (once per sentence)
        return Subjects(self.toks, self.actors, self.phrases, self.places, self.vocab.reader, self.vocab.rx_verb)

    def _speaker(self, t: Trigger) -> Speaker:
        """Who says it: phrases between the same reporting verbs (and semicolons) share a speaker."""
        key = (sum(1 for m in self.verbs if m.end() <= t.start), sum(1 for m in self.verbs if m.start() < t.end),
               self.norm.count(";", 0, t.start))   # ("the army announces a withdrawal; X falls": not the army's word)
        if key not in self.said:
            said = claimant_for(t, self.text, self.norm, self.vocab, self.report, self.talk, self.verbs)
            if said.side == "outlet" and self.voice is not None:
                said = self.voice   # a signed statement's own words
            elif said.side == "outlet" and self.asked:
                said = Speaker("a reporter", "other")   # "QUESTION: ... took all of Aleppo. Were you surprised?"
            elif said.side == "outlet" and side_of(self.vocab, self.labelled, self.report.outlet) not in NO_SIDE:
                said = Speaker(self.labelled, side_of(self.vocab, self.labelled, self.report.outlet))   # ("SDF SPOKESMAN: ...")
            elif said.side == "other" and self.home_side and _ANONYMOUS_SOURCE.fullmatch(said.name):
                said = Speaker(said.name, self.home_side)   # "a field source" in a state agency's copy: its side's
            self.said[key] = self._own_army_speaking(said)
        return self.said[key]

    def _own_army_speaking(self, speaker: Speaker) -> Speaker:
        """"IDF troops took X, the military said": "the military" is the army of the force with
        an army of its own that the sentence names, not the government's."""
        reader = self.vocab.reader
        if name_key(speaker.name) not in reader.army_words:
            return speaker
        own = next((a.actor for a in self.named if a.actor in reader.own_army_sides), None) or self.home_army
        if not own and not self.named:
            # none named here: the army named last ("IDF troops took X. Troops also took Y, the army said")
            last = next((f.actor for f in reversed(self.talk.forces) if f.actor in reader.own_army_sides
                         or f.head in reader.army_words), None)
            own = last if last in reader.own_army_sides else ""
        return Speaker(speaker.name, own) if own else speaker

    def _reported(self, toks, lo: int) -> bool:
        """The clause at token ``lo`` is what a reporting verb reports ("sources told TASS that
        army units had abandoned Homs ... and pulled back"): its subject carries on."""
        return toks[lo - 1].word == "that" and any(self.vocab.rx_verb.fullmatch(x.word) for x in toks[max(0, lo - 4):lo - 1])

    def _party_speaking(self, speaker: Speaker) -> Speaker:
        """"Our forces" with no speaker named in the sentence: the last speaker the report named
        that is on a force's side (a party's own statement). A speaker named but on no side
        ("COMMANDER:", "a resident") keeps the sentence."""
        if speaker.side != "outlet" or self.labelled:
            return speaker   # (a transcript's "THE COMMANDER:" line speaks for all its sentences: no earlier party)
        hostile = self.vocab.reader.hostile_words | _ADVERSARY_WORDS
        # (a speaker named in its enemies' words, "Regime media", "the occupation's media", is quoted, not speaking)
        last = self.talk.last_speaker(lambda c: side_of(self.vocab, c, self.report.outlet) not in NO_SIDE
                                      and not hostile & set(name_key(c).split()))
        return self._own_army_speaking(Speaker(last, side_of(self.vocab, last, self.report.outlet))) if last else speaker

    def read(self, t: Trigger) -> None:
        """Read status phrase ``t``; what it claims goes to ``found``."""
        vocab, reader, toks = self.vocab, self.vocab.reader, self.toks
        reader.previous_places = tuple(self.found[-1].places) if self.found else ()
        ti = token_at(toks, t.start)
        te = token_at(toks, t.end)
        if ti is None or self._no_claim_here(t, ti, te):
            return
        lo, before_relative = past_restrictive_relative(self._subjects, reader.clause_start(toks, ti), ti)   # (and insertions)
        if self._not_current(t, ti):
            return
        targets, agent = arguments(t, ti, te, lo, toks, self.places, self.actors, reader)
        if agent is None and before_relative is not None and not t.inner_actor:
            agent = before_relative   # "The fighters who took Aleppo entered Hama": the fighters
        targets = self._targets(t, ti, targets) or self._in_section(te)   # ("SARAQIB / * The town was taken")
        t, targets = approach(t, targets, self.toks, self.places, self.vocab)
        speaker = self._speaker(t)
        subj = reader.subject(toks, ti, self.actors, lo) if agent is None and not t.inner_actor else None
        own = agent if isinstance(agent, ActorHit) else subj
        if own is not None and (own.head in vocab.transient or (t.pattern.effect == "approach" and own.head in vocab.reinforcing
                                                                and _SENT.search(self.norm, t.start, t.end))):
            return   # "reinforcements were rushed to Hama": to hold it; "Russian ships left Tartus": no ground held
        if t.inner_actor == OURS or (own is not None and own.number == "own"):
            speaker = self.party = self._party_speaking(speaker)   # "Our forces have liberated X", in a party's communique
        if self.subordinate_end is not None and _SUBORDINATE_ENDS.search(self.norm, self.subordinate_end, t.start):
            self.previous_agent, self.previous_effect, self.subordinate_end = self.main_agent, self.main_effect, None
        q = AgentQuery(t, ti, lo, toks, self.actors, self.named, self.talk, self.previous_agent, self.n_sent, reader,
                       speaker.side, self.home_army, self.home_side, self.previous_effect,
                       tuple(p.key.place_id for p in targets if p.key is not None))
        actor = resolve(agent, q)
        described = t.pattern.apposition or (lo > 0 and toks[lo - 1].word in reader.relatives and (
            lo != ti or (isinstance(agent, ActorHit) and agent.start >= t.end)))   # "which was held by X"
        subordinate = lo > 0 and toks[lo - 1].word in reader.shared_place_subordinators and lo != ti
        if actor is not None and not t.held and not (described and not self._reported(toks, lo)):
            if subordinate:
                # "X took A after Y withdrew, and reached B": past the comma, X again
                if self.main_agent is None:
                    self.main_agent, self.main_effect = self.previous_agent, self.previous_effect
                self.subordinate_end = t.end
            else:
                self.main_agent, self.subordinate_end = None, None
            self.previous_agent, self.previous_effect = actor, t.pattern.effect   # (a relative clause's or an
            # apposition's own agent does not carry on)
        if t.pattern.expels and targets:
            self._expelled(t, ti, lo, agent, actor, targets, speaker)
        if t.pattern.cedes and targets:
            self._other_party(t, targets, actor, speaker, "to", t.pattern.cedes)
        if actor is None or not targets:
            return
        if speaker.side == "outlet" and self.party is not None and actor == self.party.side:
            speaker = self.party   # "Our forces have entered X and have taken control of Y": the party says both
        if t.pattern.effect in ("gain", "presence") and held_since(self.norm, t):   # "have occupied Afrin since 2018"
            t = replace(t, pattern=replace(t.pattern, status="controls", effect=vocab.effect("controls") or "hold"))
        if t.pattern.foiled:   # "the rebels failed to take X": the army held it (the rebels go on as the subject)
            return self._foe_held(t, targets, actor, speaker, subordinate)
        self.found.append(Found(t, targets, actor, speaker, subordinate))
        self._co_subject(t, targets, actor, speaker, subj or before_relative)   # ("A and the groups that guarded ...")

    def _co_subject(self, t: Trigger, targets: list[PlaceRef], actor: str, speaker: Speaker, subj: ActorHit | None) -> None:
        """The force coordinated before the subject: both of "A and B took X"; "the army and allied militias": the army's."""
        co = self.vocab.reader.co_subject(self.toks, subj, self.actors) if subj is not None else None
        if subj is None or co is None or co.kind == "anaphor" or not co.actor or co.actor == actor:
            return
        if "allied" in (x.word for x in self.toks.between(co.end, subj.start)) or self._plain_noun(subj):
            self.found[-1] = self.found[-1]._replace(actor=co.actor)   # ("the army and local fighters": its allies)
        else:
            self.found.append(Found(t, targets, co.actor, speaker))

    def _plain_noun(self, a: ActorHit) -> bool:
        """A force named by general words only ("local fighters", "tribal fighters"): whose, the force beside it says."""
        words = [x.word for x in self.toks.between(a.start, a.end) if x.word not in ("the", "a", "an")]
        return bool(words) and all(w in self.vocab.reader.generic or w in _PLAIN_ADJECTIVES for w in words) \
            and words[-1] in OWN_NOUNS   # (not "its allies", "its mercenaries": a sponsor's proxies)


_PLAIN_ADJECTIVES = frozenset({"local", "tribal", "arab", "allied", "armed", "fellow", "volunteer", "popular", "defence",
                               "defense", "auxiliary", "reserve", "other"})

# a speaker's correction after a place: "took Tal Abyad - sorry, Tal Rifaat" (the place corrected to)
_CORRECTED = re.compile(r"\s*[-\u2013\u2014,]\s*(?:sorry|I mean|or rather|correction)\b[,:]?\s*", re.IGNORECASE)
_APPOSITION_REACH = 16   # words from an apposition's comma to a phrase inside it
_PLACE_NOUNS = frozenset({"town", "city", "village", "district", "suburb", "hamlet", "base", "crossing", "hill", "dam"})
_SENT = re.compile(r"\b(?:sent|dispatched|rushed|deployed|moved|sending|dispatching|rushing|deploying)\b")
_SUPPOSED = re.compile(r"(?:\s*\S+){0,4}?\s+(?:would|could|might)\b")   # "the entry of X into Y would ..."
_SUBORDINATE_ENDS = re.compile(r",| but | yet ")   # "X took A after Y withdrew[,| but] (X) pulled out"
_WITHIN = re.compile(r"\s*(?:to|into|towards?) the (?:city |town )?(?:centre|center|heart|inner|middle|old)")
# an unnamed official source ("a field source", "security sources", not "local sources"): whose, the outlet's side says
_ANONYMOUS_SOURCE = re.compile(r"(?:(?:a|an|the|one|two|three|several|same) )*"
                               r"(?:field|security|military(?:[- ]diplomatic)?) sources?", re.IGNORECASE)
_NOT_GONE_NEXT = frozenset({"to", "behind", "along", "under", "as", "when"})   # a withdrawal's next word that leads elsewhere

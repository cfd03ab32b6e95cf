"""The claims of one report: its sentences read in order, what one sentence says carried to the
next, each claim kept once per (place, actor, status, claimant side)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import partial

from ..gazetteer import Gazetteer
from ..model import Claim, Mention, PendingClaim, Report
from ..text import Sentence, normalize, sentences
from .clauses import ActorHit, ActorName, PlaceRef, tokenize
from .clauses.grammar import DATE_WORDS, in_relative
from .clauses.words import in_time_clause, phrase_of, plural_name
from .discourse import ATTACKING, NO_ACTOR, THE_ARMY, Discourse, ForceRef, LastAgent, Said, named_as_army
from .headed import bullet, holdings, place_heading
from .hedges import RELATIVE_HAD, RELATIVE_HAD_REACH
from .outlets import home_army, outlet_side
from .query import apposed, outside
from .sentence import Found, SentenceReading
from .speakers import Speaker, admission, document_voice, first_claimant
from .triggers import find_triggers
from .vocabulary import ClaimVocabulary
from .when import event_date

MAX_SENTENCE = 4000     # characters: a longer "sentence" (no full stop for a page) is not read for
                        # claims; its places are still drawn. Keeps the cost linear in the text.
_QUESTION_END = "”\"'’"   # closing quotes after a question mark
_LINE_LABEL = re.compile(r"\s*((?:[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}|[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2})"
                         r"(?: \([^)]{0,60}\))?):\s")   # a transcript's speaker label


@dataclass
class _Mentions:
    """A report's mentions by the offset of their sentence."""
    places: dict[int, list[Mention]] = field(default_factory=dict)    # what a claim can be about
    blocked: dict[int, list[Mention]] = field(default_factory=dict)   # metonyms, datelines, countries
    every: dict[int, list[Mention]] = field(default_factory=dict)

    @classmethod
    def of(cls, mentions: list[Mention], vocab: ClaimVocabulary, gazetteer: Gazetteer) -> _Mentions:
        out = cls()
        for m in mentions:
            out.every.setdefault(m.sentence_start, []).append(m)
            if m.role == "place" and gazetteer.entries[m.place_id].kind not in vocab.exclude_kinds:
                out.places.setdefault(m.sentence_start, []).append(m)
            else:   # metonyms, datelines, countries: not places of a claim, and not unknown names
                out.blocked.setdefault(m.sentence_start, []).append(m)
        return out


@dataclass
class _Report:
    """What extraction needs of the whole report, found once."""
    report: Report
    vocab: ClaimVocabulary
    gazetteer: Gazetteer
    mentions: _Mentions
    pending: list[PendingClaim] | None
    year: int | None
    norm: str                  # the folded text: a slice's fold is the fold's slice
    names: list[ActorName]     # every actor name in it, one pass over the report
    name_starts: list[int]
    talk: Discourse
    home_side: str = ""   # the force the outlet's own name names ("SANA-style state agency": government)
    home_army: str = ""   # whose army "the army" is in the outlet's voice: its home press's or its dateline's
    voice: Speaker | None = None   # the force a signed statement speaks for
    section: tuple[Mention, ...] = ()   # the places of the factbox heading the lines read are under
    before: tuple[Mention, ...] = ()    # the places the sentence read last named
    claims: list[Claim] = field(default_factory=list)
    breaks: list[int] | None = None   # where the report's lines end (found when first needed)

    def labelled(self, pos: int) -> str:
        """The speaker's label the line holding ``pos`` opens with ("THE COMMANDER:", "Ciwan Derik (SDF):"), or ""."""
        return m.group(1) if (m := _LINE_LABEL.match(self.report.text, self._line_start(pos))) else ""

    def asked(self, pos: int) -> bool:
        """The line holding ``pos`` is a journalist's question ("QUESTION: Syrian activists say ... Can you
        confirm?"): what it asserts with no speaker named, a reporter asserts."""
        return self.vocab.rx_question_label.match(self.report.text, self._line_start(pos)) is not None

    def _line_start(self, pos: int) -> int:
        if self.breaks is None:
            self.breaks = [m.start() for m in re.finditer("\n", self.report.text)]
        k = bisect_left(self.breaks, pos)
        return self.breaks[k - 1] + 1 if k else 0
    seen: set[tuple[str, str, str, str, str]] = field(default_factory=set)

    def add(self, place_id: str, actor: str, status: str, effect: str, speaker: Speaker, quote: str, hedged: bool,
            trigger: str, start: int, date: str | None = None) -> None:
        """One claim, unless the report made it already (same place, actor, status, side and date:
        a timeline's "DEC 2 - The army takes Hama" and "DEC 7 - The army takes Hama" are two)."""
        date = self.report.date if date is None else date
        side = speaker.claimant_side
        key = (place_id, actor, status, side, date)
        if key in self.seen:
            return
        self.seen.add(key)
        report = self.report
        self.claims.append(Claim(
            article=report.id, outlet=report.outlet, date=date,
            place_id=place_id, place=self.gazetteer.entries[place_id].name, actor=actor, status=status,
            claimant=speaker.name, claimant_side=side, quote=quote,
            admission=admission(actor, effect, side, self.vocab.not_conceded_by(side)),
            hedged=hedged, trigger=trigger, start=start, effect=effect))

    def names_in(self, sent: Sentence) -> list[ActorName]:
        """The actor names of a sentence, offsets in it. A name the mentions step read as a
        place or a dateline is no force ("seized Damascus", "DAMASCUS –"); only metonyms
        ("Damascus said") are, and names that hold a place ("Deir ez-Zor Military Council")."""
        lo, hi = bisect_left(self.name_starts, sent.start), bisect_left(self.name_starts, sent.end)
        not_force = [(m.start, m.end) for m in self.mentions.every.get(sent.start, ()) if m.role != "metonym"]
        return [ActorName(n.start - sent.start, n.end - sent.start, n.actor, n.name) for n in self.names[lo:hi]
                if n.end <= sent.end and not any(x <= n.start and n.end <= y for x, y in not_force)]


_NEXT_WORD = re.compile(r"\W*(\w*)")   # the word after a name


def _next_word(norm: str, end: int) -> str:
    m = _NEXT_WORD.match(norm, end)
    return m.group(1) if m else ""

def extract_claims(report: Report, mentions: list[Mention], vocab: ClaimVocabulary,
                   gazetteer: Gazetteer, pending: list[PendingClaim] | None = None) -> list[Claim]:
    """Every control claim in ``report``, once per (place, actor, status, claimant side).

    Claims about names the gazetteer lacks are appended to ``pending`` when it is given."""
    vocab = vocab.for_date(report.date)   # names whose force changed on a date ([[eras]] of actors.toml)
    norm = normalize(report.text)
    names = vocab.actor_names(norm, report.text)
    side = outlet_side(report.outlet, vocab)
    vocab.reader.parents = gazetteer.parents
    vocab.reader.entries = gazetteer.entries
    doc = _Report(report, vocab, gazetteer, _Mentions.of(mentions, vocab, gazetteer), pending,
                  int(report.date[:4]) if report.date[:4].isdigit() else None, norm, names, [n.start for n in names],
                  Discourse(partial(first_claimant, vocab=vocab), vocab.last_speaker_nouns,
                            armies=vocab.allies_of(side) | {side} if side else frozenset()),
                  side, voice=document_voice(report, vocab),
                  home_army=home_army(report, mentions, vocab, names))
    for n_sent, sent in enumerate(sentences(report.text)):
        if len(sent.text) <= MAX_SENTENCE:
            found = len(doc.claims)
            _read_sentence(doc, n_sent, sent)
            if len(doc.claims) == found and _section_heading(report.text, sent):
                doc.talk.agent = None   # "North of the city": what follows borrows no force from before it
        doc.before = tuple(doc.mentions.places.get(sent.start, ()))
    _listed_holdings(doc, mentions)
    return doc.claims


SECTION_HEADING_WORDS = 6   # a line of at most this many words, without a full stop, heads a section


def _section_heading(text: str, sent: Sentence) -> bool:
    """Whether ``sent`` is a line of its own, short and without final punctuation, and no date or
    time ("The center", not "Thursday, November 28" in a diary: the story goes on under that)."""
    line = sent.text.strip()
    words = re.findall(r"[\w']+", line.lower())
    return (bool(line) and line[-1].isalnum() and len(words) <= SECTION_HEADING_WORDS
            and not any(w in DATE_WORDS or any(c.isdigit() for c in w) for w in words)
            and text.startswith("\n", sent.end) and (sent.start == 0 or text[sent.start - 1] == "\n"))


def _listed_holdings(doc: _Report, mentions: list[Mention]) -> None:
    """"SDF holds:" over bullet lines: the force's hold on each line's place (``headed``)."""
    report, vocab = doc.report, doc.vocab
    speaker = doc.voice or Speaker(report.outlet, "outlet")
    effect = vocab.effect("controls")
    for h in holdings(report.text, mentions, vocab):
        doc.add(h.mention.place_id, h.actor, "controls", effect, speaker, h.line,
                bool(vocab.rx_hedged.search(normalize(h.line))), h.verb, h.start)


def _read_sentence(doc: _Report, n_sent: int, sent: Sentence) -> None:
    vocab, text, talk = doc.vocab, sent.text, doc.talk
    norm = doc.norm[sent.start:sent.end]
    raw = doc.names_in(sent)
    claimant_here = (Said(text, norm) if vocab.rx_verb.search(norm) or vocab.rx_before_claimant.search(norm)
                     else None)   # read when needed
    known = sorted(doc.mentions.places.get(sent.start, []), key=lambda m: m.start)
    places = [PlaceRef(m.start - sent.start, m.end - sent.start, m) for m in known]
    item = _section(doc, sent, places)
    if item is None or (vocab.rx_claim_label.match(doc.report.text, sent.start)
                        and vocab.rx_false_verdict.match(doc.report.text, sent.end)):
        return   # a heading naming only places (the section the bullet lines after it are about); a claim rated false
    triggers = []
    if (places or doc.pending is not None or talk.places or item or (doc.before and _PLACE_PRONOUN.search(norm))) \
            and not text.rstrip().rstrip(_QUESTION_END).endswith("?"):
        triggers = find_triggers(norm, vocab, text)
    if not triggers:
        # nothing to read: only remember the forces named, for "they" and "its units" later
        talk.said(claimant_here)
        talk.named([ForceRef(_linked(raw, k, norm, vocab, talk), _plural(text, n, vocab), n.name.split(" ")[-1],
                             army=named_as_army(n.name))
                    for k, n in sorted(enumerate(raw), key=lambda kn: (_next_word(norm, kn[1].end)
                                       not in vocab.reader.modified_nouns, not _RELATIVE_BEFORE.search(norm, 0, kn[1].start)))
                    if n.actor and n.name not in vocab.pronouns])   # ("government positions": the last choice)
        return
    toks = tokenize(text, norm)
    reader = vocab.reader
    reader.trigger_starts = frozenset(t.start for t in triggers)   # (a phrase's verb joins no two forces)
    named = [_definite(a, toks, talk, vocab) for a in reader.actor_phrases(toks, raw)   # for what "they" refers to
             if not vocab.rx_media_after.match(norm, a.end)]   # ("pro-government television ... what it called": no force)
    actors = outside(named, triggers, norm, vocab)
    reader.forces_at = frozenset(t.start for a in actors for t in toks.between(a.start, a.end))
    reader.sentence_places = places
    last = talk.agent
    reader.discourse_places = doc.section if item else (
        talk.places if last is not None and last.sentence == n_sent - 1 else ())
    # "there": where the last claim was, unless it only came near ("five km from Homs. Troops there ...")
    reader.there_places = () if item or last is None or last.effect == "approach" else reader.discourse_places
    reader.previous_sentence_places = doc.before
    reader.place_starts = frozenset(p.start for p in places)
    blocked = [(m.start - sent.start, m.end - sent.start) for m in doc.mentions.blocked.get(sent.start, [])]
    reading = SentenceReading(doc.report, vocab, talk, n_sent, doc.year, text, norm, toks, places, actors, named,
                              blocked, list(vocab.rx_verb.finditer(norm)),
                              home_army=doc.home_army,
                              home_side=doc.home_side, voice=doc.voice, phrases=triggers,
                              section=[PlaceRef(0, 0, m) for m in doc.section] if item else [],
                              labelled=doc.labelled(sent.start), asked=doc.asked(sent.start))
    for t in triggers:
        reading.read(t)
    _keep(doc, reading.found, n_sent, sent)
    # carry to the next sentence: the last speaker and the forces named
    talk.said(claimant_here)
    _remember(talk, named, norm, toks, vocab)


_HAD_BEEN = re.compile(r"\bhad (?:long |previously |once |until then )?been\s+$")   # a prior state ("that had been in X's hands")
_PLACE_PRONOUN = re.compile(r"\bit (?:was|is|has|had|fell|falls|remains|remained|stays|stayed|now|also|finally|then)\b"
                            r"|\b(?:entered|took|seized|captured|stormed|overran|occupied) it\b")   # ("It fell", "entered it")
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|whom)\s+(?:the\s+)?$")   # "the corridor that [the PKK/YPG] wanted"


def _remember(talk: Discourse, named: list[ActorHit], norm: str, toks, vocab: ClaimVocabulary) -> None:
    """Remember the forces a sentence read for claims named, for "they" and "its units" later."""
    reader = vocab.reader
    named_here: list[ForceRef] = []
    rank: list[tuple[bool, bool, bool]] = []
    before: ActorHit | None = None
    for a in outside(named, [], norm, vocab):   # (with those inside a phrase: "attacks by Turkish-backed factions")
        the_army = a.kind == "name" and phrase_of(toks, a) == THE_ARMY   # (the last army named)
        aid = (talk.army(named_here, a.actor) if the_army else a.actor) if a.kind != "anaphor" else talk.resolve(
            a.number, [f for f, r in zip(named_here, rank) if r[0]] or named_here, a.head)   # (not a sponsor's "it")
        if a.kind == "generic" and before is not None and named_here \
                and apposed([t.word for t in toks.between(before.end, a.start)]):
            aid = named_here[-1].actor   # "the SNA, a coalition of factions": the SNA
        before = a
        if a.number == "own":
            aid = None   # "our fighters": the speaker's, whom this reading does not know; not the last force named
        if aid is None and a.kind == "name" and phrase_of(toks, a) in vocab.unaligned:
            aid = NO_ACTOR   # "Hezbollah ... its fighters": a body of none of the actors, remembered as such
        if aid:
            named_here.append(ForceRef(aid, a.plural, a.head, army=named_as_army(phrase_of(toks, a))))
            rank.append((not reader.modifier(toks, a), not in_time_clause(toks, a.start, reader.shared_place_subordinators),
                         not _RELATIVE_BEFORE.search(norm, 0, a.start) and not in_relative(toks, a.start)))
    # a force that only modifies a noun ("attacked government positions") is the last choice for "it" later,
    # one in a time clause the next ("they took Hama, after the army said it had pulled its units out"), then
    # one in a relative clause ("the corridor that the PKK/YPG wanted to open")
    talk.named([f for _, f in sorted(zip(rank, named_here), key=lambda x: x[0])])


_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")


def _linked(raw: list[ActorName], k: int, norm: str, vocab: ClaimVocabulary, talk: Discourse) -> str:
    """The force of name ``k`` as a sentence read for nothing else remembers it: a general noun
    linked by "of" to a name or right after it is that name's ("factions of the Turkish-backed SNA",
    "SDF fighters");
    "the army" the last army named."""
    n, after = raw[k], raw[k + 1] if k + 1 < len(raw) else None
    if n.name in vocab.reader.generic and after is not None and after.actor \
            and _OF_THE.fullmatch(norm, n.end, after.start):
        return after.actor
    if n.name in vocab.reader.generic and k and raw[k - 1].actor and raw[k - 1].end <= n.start \
            and not norm[raw[k - 1].end:n.start].strip(" -"):
        return raw[k - 1].actor or ""   # "SDF fighters": the SDF's
    if n.name == THE_ARMY:
        return talk.army([], n.actor) or ""
    return n.actor or ""


def _section(doc: _Report, sent: Sentence, places: list[PlaceRef]) -> bool | None:
    """None for a factbox heading naming only places (they become ``doc.section``); True for a
    bullet line under one; False otherwise (a line of prose ends the section)."""
    if place_heading(sent.text, [(p.start, p.end) for p in places]):
        doc.section = tuple(p.key for p in places if p.key is not None)
        return None
    if bullet(sent.text):
        return bool(doc.section)
    if sent.start == 0 or doc.report.text[sent.start - 1] == "\n":
        doc.section = ()
    return False


def _definite(a: ActorHit, toks, talk: Discourse, vocab: ClaimVocabulary) -> ActorHit:
    """"the command", "the ministry": the body named last with that noun (the Military Operations
    Command), else the force the words name by themselves (the army's General Command)."""
    if a.kind != "name" or a.head not in vocab.issuer_heads or [t.word for t in toks.between(a.start, a.end)] != ["the", a.head]:
        return a
    return a._replace(actor=talk.resolve("head", [], a.head) or a.actor)


def _plural(text: str, n: ActorName, vocab: ClaimVocabulary) -> bool:
    """``plural_name`` of a force named in a sentence read for nothing else: proper when its last
    word is written with a capital and it is no common noun ("Damascus", not "Rebels")."""
    at = max(n.start, text.rfind(" ", 0, n.end) + 1)
    common = n.name in vocab.reader.common_names or n.name in vocab.reader.generic
    return plural_name(n.name.split(" ")[-1], text[at:at + 1].isupper() and not common)


def _keep(doc: _Report, found: list[Found], n_sent: int, sent: Sentence) -> None:
    """The claims of a sentence's phrases, each once per (place, actor, status, side, event date);
    names the gazetteer lacks to ``doc.pending``."""
    # "insurgents entered the government-held city of Aleppo": the adjective describes
    # the state before the event the sentence reports; the event is the claim.
    events = {p.key.place_id for f in found if not f.trigger.held for p in f.places if p.key is not None}
    report, text = doc.report, sent.text
    hedged = bool(doc.vocab.rx_hedged.search(doc.norm[sent.start:sent.end]))
    # (not what describes a place: "rebel-held X", "X, the last SDF-held town"; nor "the rebels failed to take X"'s defender)
    said = [f for f in found if not (f.trigger.held or f.trigger.pattern.apposition or f.trigger.pattern.foiled)]
    main = [f for f in said if not f.subordinate] or said
    if main:   # "Rebels took Hama after the army withdrew. Homs was captured too": the rebels
        doc.talk.agent = LastAgent(main[-1].actor, n_sent, main[-1].trigger.pattern.effect)
        doc.talk.places = tuple(p.key for p in main[-1].places if p.key is not None)   # for "All three ..." next
        doc.talk.attacked([(f.actor, p.key.place_id) for f in main if f.trigger.pattern.effect in ATTACKING
                           for p in f.places if p.key is not None])
    norm = doc.norm[sent.start:sent.end]
    undone = _undone(found, norm) + _retreats(found)
    lost = {(p.key.place_id, f.actor) for f in found if f.trigger.pattern.effect in ("loss", "defence") and f not in undone
            for p in f.places if p.key is not None}
    # a hold the sentence says another force ended ("Tel Rifaat, which the YPG has held since 2016, is now liberated")
    # (not by another voice set against it: "held X, state media said, although rebels claimed to have stormed it")
    taken = [(p.key.place_id, f.actor, f) for f in found if f.trigger.pattern.effect == "gain" and f not in undone
             for p in f.places if p.key is not None]
    lost |= {(pid, g.actor) for g in found if g.trigger.pattern.effect == "hold" for p in g.places if p.key is not None
             for pid, taker, f in taken if pid == p.key.place_id and taker != g.actor and not _disputed(g, f, norm)}
    # (a hold told after the event is a claim of its own: "repelled attacks on the dam, and the dam remained theirs")
    later = {(p.key.place_id, f.actor) for f in found if f.trigger.pattern.effect == "hold"
             and any(e.trigger.start < f.trigger.start and e.trigger.pattern.effect in ("loss", "defence", "gain")
                     for e in found) for p in f.places if p.key is not None}
    # ... but not one in the past perfect: "entered Tadef, a town that had been in government hands"
    later -= {(p.key.place_id, f.actor) for f in found if _HAD_BEEN.search(norm, max(0, f.trigger.start - 30), f.trigger.start)
              for p in f.places if p.key is not None}
    lost |= {(p.key.place_id, f.actor) for f in found if f.trigger.pattern.effect == "hold" and any(
        e.actor != f.actor and e.trigger.pattern.effect in ("gain", "presence") for e in found)
        and _HAD_BEEN.search(norm, max(0, f.trigger.start - 30), f.trigger.start) for p in f.places if p.key is not None}
    for f in found:
        if f in undone:
            continue
        t, side = f.trigger, f.speaker.side
        date = event_date(report.text, sent.start, text, t.start, t.end, report.date) if f.places else report.date
        for p in f.places:
            if p.key is None:
                if doc.pending is not None:
                    doc.pending.append(PendingClaim(text[p.start:p.end], report.id, f.actor, t.pattern.status, side,
                                                    text, sent.start + p.start, sent.start + p.end))
                continue
            m = p.key
            if (t.held and m.place_id in events) or (t.pattern.effect == "hold" and (m.place_id, f.actor) in lost - later):
                continue   # ("units stationed in X withdrew", "... repelled an attack": the event says it)
            doc.add(m.place_id, f.actor, t.pattern.status, t.pattern.effect, f.speaker, text, hedged,
                    text[t.start:t.end], sent.start, date)


def _undone(found: list[Found], norm: str) -> list[Found]:
    """Gains told in a relative clause's pluperfect that a gain of another force in the same
    sentence undid ("army units restored security to Kafraa after eliminating the terrorists
    who had infiltrated it"): what came before, not a claim of the report's."""
    def earlier(f: Found) -> bool:
        return bool(RELATIVE_HAD.search(norm, max(0, f.trigger.start - RELATIVE_HAD_REACH), f.trigger.start))
    gains = [g for g in found if g.trigger.pattern.effect == "gain"]
    return [f for f in found if f.trigger.pattern.effect in ("gain", "presence") and earlier(f) and any(
        g.actor != f.actor and g.trigger.start < f.trigger.start and {p.key.place_id for p in g.places if p.key is not None}
        & {p.key.place_id for p in f.places if p.key is not None} for g in gains)]   # (the undoing told first)


def _retreats(found: list[Found]) -> list[Found]:
    """Approaches of a force that withdrew earlier in the sentence: the direction of its retreat
    ("withdrew from A, heading towards B"), no advance on B."""
    losses = [g for g in found if g.trigger.pattern.effect == "loss"]
    return [f for f in found if f.trigger.pattern.effect == "approach" and any(
        g.actor == f.actor and g.trigger.start < f.trigger.start for g in losses)]


_CONTRAST = re.compile(r"\b(?:although|though|but|whereas|while)\b")


def _disputed(hold: Found, gain: Found, norm: str) -> bool:
    """A gain another voice sets against a hold, after a contrast ("..., state media said, although rebels
    claimed to have stormed it"): two claims, not the hold's end."""
    return hold.speaker.side != gain.speaker.side and hold.trigger.end < gain.trigger.start \
        and bool(_CONTRAST.search(norm, hold.trigger.end, gain.trigger.start))


"""Who asserts a claim (the claimant: the speaker of the nearest reporting verb, "according to
X", a trailing "..., X said", else the outlet) and which side that speaker is on."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Report
from ..text import name_key, normalize
from .clauses.sponsors import BACKING
from .clauses.words import venue
from .discourse import NO_ACTOR, Discourse
from .labels import interviewee, label_speaker
from .triggers import Trigger, find_triggers
from .vocabulary import ClaimVocabulary

BOUNDARY = re.compile(r"[,;:“”\"(]|\b(?:that|and|but|while|as|after|before|when|since|because|until|once|although|though)\b"
                      r"|\b(?:announc|say|claim|declar|stat|confirm|report|assert|insist|add|boast|show)ing\b")
_AFTER_PREPOSITION = re.compile(r"\s(?:to|with|from|by|among)\s", re.IGNORECASE)
_RESTRICTIVE_WHO = re.compile(r"\bwho\s+\w[^,;:.\"“”()]*$")   # a relative clause between a speaker and its verb
_RELATIVE_SPEAKERS = frozenset({"who", "which"})   # ", who insist": the phrase before the comma speaks
_SPACED_DASH = re.compile(r"\s[-\u2013\u2014]\s")   # read in the text: the folded text has no dashes
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:(?:also|now|widely|still|reportedly)\s+)?$")
_STRIP = re.compile(r"^(?:the country's\s+)?"
                    r"|(?:\s+(?:has|have|had|is|are|was|were|also|now|long|repeatedly|reportedly|earlier|later|previously"
                    r"|on \w+day))+$")
_CLAUSE_MARK = re.compile(r"[,;]")
_LEADING_DAY = re.compile(r"^(?:(?:(?:late |early )?on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
                          r"(?: (?:morning|afternoon|evening|night))?|(?:this|that) (?:morning|afternoon|evening)"
                          r"|today|tonight|yesterday|later|earlier),?\s+(?=\S)", re.I)
_SENTENCE_GOES_ON, _THAT = re.compile(r"[.;]"), re.compile(r"\bthat\b")
SPEAKER_REACH = 400        # characters before a reporting verb searched for its speaker: a speaker's phrase is short
SPEAKER_WORDS, PASSIVE_REACH = 12, 24   # words of a speaker's phrase kept; characters searched for "were" before a verb
TRAILING_TAIL_WORDS = 8    # words after the verb of a sentence-ending "..., X said" ("said in a statement posted on ...")
TRAILING_SPEAKER_WORDS = 10  # a trailing speaker's phrase has at most this many words
_ORG_NOUNS = frozenset({"group", "organisation", "organization", "movement", "alliance", "coalition", "faction"})
_AGAINST_CLAIMS = re.compile(r"(?:contrary to|despite|unlike|in contrast to|amid|dismissing|rejecting|denying)\b", re.I)
_RELATIVE_OPENER = re.compile(r", (?:which|who|whose)\b(?!.*,\s*(?:which|who|whose)\b)")   # the last one
_OPENS_CLAUSE = re.compile(r"\b(?:where|which|who|whose|while|whereas)\W*$")   # the cue opens that clause
_CONJUNCTIONS = frozenset({"and", "but", "while", "whereas", "as", "after", "before", "when", "because", "since", "until",
                           "though", "although", "even"})
_PRONOUNS = frozenset({"we", "they", "he", "she", "it", "i"})   # the speaker when a phrase ends with one
_SURNAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Gen|General|Colonel|Col|Admiral|Minister)\.? )?[A-Z][\w'-]+")
SIDE_CACHE_SIZE, NO_SIDE = 4096, ("outlet", "other")   # claimant phrases whose side is remembered; sides of no actor
SIGNATURE_WORDS = 10       # a report's last line that names a force and is at most this long signs it
_NAME_JOINS = frozenset({"of", "the", "and", "for", "in", "on", "al", "el", "de", "&", "-", "|", "/"})   # in a name, lower case
_TITLE_PARTS = re.compile(r"\s+[\u2013\u2014-]\s+|\s*[|:]\s*")   # "SNA - Ministry of Defence | Statement"
_STATEMENT = re.compile(r"\b(?:statements?|communiqu[eé]s?|announcements?|declarations?|press releases?)\b", re.I)
DEFINITE = ("the ", "these ", "those ")   # "the groups announced": a force named before


class Speaker(NamedTuple):
    name: str   # as the text names them, or the outlet
    side: str   # an actor id, "outlet" or "other": whose forces "the army", "our units" are
    press: bool = False   # a country's press ("Israeli media"): it speaks from that side, for none

    @property
    def claimant_side(self) -> str:
        """The side recorded for the claim: none for a country's press."""
        return "other" if self.press else self.side


def phrase_before(text: str, norm: str, end: int) -> str:
    """The speaker before a reporting verb: back to the previous clause boundary, skipping an
    appositive ("The Syrian Civil Defence, a rescue service ..., said")."""
    base = max(0, end - SPEAKER_REACH)
    who = _RESTRICTIVE_WHO.search(text, base, end)
    if who and text[base:who.start()].strip():
        end = who.start()   # "Rebels who took Rastan and Talbiseh on Friday say": the rebels
    before = text[base:end].rstrip()
    if before.endswith(")") and "(" in before:   # "HTS (a group banned in Russia) announced": HTS
        inner = before[before.rfind("(") + 1:-1].strip()
        phrase = _phrase_before(text, norm, base, base + before.rfind("("))
        # "the Internal Security Forces (Asayish) said": another name of the speaker, kept with it
        return f"{phrase} ({inner})" if phrase and _short_name(inner) else phrase
    return _phrase_before(text, norm, base, end)


def _phrase_before(text: str, norm: str, base: int, end: int) -> str:
    """``phrase_before`` between ``base`` and ``end``, where no bracket closes."""
    cuts = sorted([*BOUNDARY.finditer(norm, base, end), *_SPACED_DASH.finditer(text, base, end)], key=lambda m: m.end())
    cut = cuts[-1].end() if cuts else base
    if not _clean(text[cut:end]) and cuts and cuts[-1].group() == ",":
        earlier = [m for m in cuts[:-1] if m.group() == ","]
        if earlier:
            prev = [m for m in cuts if m.end() <= earlier[-1].start()]
            a = prev[-1].end() if prev else base
            name = _clean(text[a:earlier[-1].start()])
            name = name[:-1].strip() if name.endswith(")") and "(" not in name else name   # "... (SDF), backed by X,"
            appositive = text[earlier[-1].end():cuts[-1].start()].strip()
            return f"{name}, {appositive}" if name and appositive else name
    phrase = _clean(text[cut:end])
    if phrase.lower() in _RELATIVE_SPEAKERS and cuts and cuts[-1].group() == ",":
        # "(spoke to) opposition sources, who insist": the noun phrase before the comma
        before_comma = _AFTER_PREPOSITION.split(phrase_before(text, norm, cuts[-1].start()))[-1]
        return before_comma or phrase
    return phrase


def _clean(phrase: str) -> str:
    phrase = _STRIP.sub("", " " + phrase.strip(" ,“”\"'’").lstrip("-–—•*· ")).strip()   # (a bullet: "- The SNA ...")
    phrase = _LEADING_DAY.sub("", phrase)   # "On Wednesday the army said": the army
    words = phrase.split()[-SPEAKER_WORDS:]
    if len(words) > 1 and words[-1].lower() in _PRONOUNS:
        return words[-1]   # "To our Kurdish people in Sheikh Maqsoud we say": "we"
    return " ".join(words)


def phrase_after(text: str, norm: str, start: int) -> str:
    m = BOUNDARY.search(norm, start)
    end = m.start() if m else len(text)
    phrase = text[start:end].strip(" ,.“”\"'’")
    return " ".join(phrase.split()[:SPEAKER_WORDS])


def first_claimant(text: str, norm: str, vocab: ClaimVocabulary) -> str | None:
    """The first speaker a sentence names ("X said", "according to X")."""
    for m in vocab.rx_verb.finditer(norm):
        if m.group().endswith("ing") and norm[:m.start()].rstrip().endswith(","):
            continue   # "..., the source said, adding that": the same speaker as the verb before
        p = phrase_before(text, norm, m.start())
        if p and name_key(p) not in vocab.carry_over:
            return p
    cue = vocab.rx_before_claimant.search(norm)
    if cue:
        p = phrase_after(text, norm, cue.end())
        if p and name_key(p) not in vocab.carry_over:
            return p
    return None


_RELATIVES = frozenset({"who", "whom", "whose", "which"})


def _trailing_speaker(t: Trigger, text: str, norm: str, verbs: list[re.Match]) -> str | None:
    """"..., the Observatory said": the phrase after the last comma before a reporting verb that
    ends the sentence (or, when that is an appositive "X, a monitor, said", after the one before)."""
    for m in (m for m in verbs if m.start() >= t.end):
        tail = _CLAUSE_MARK.split(norm[m.end():])[0]
        if not _SENTENCE_GOES_ON.search(norm[m.end():].strip(" .”\"'")) \
                and len(tail.split()) <= TRAILING_TAIL_WORDS and not _THAT.search(tail):
            commas = [k for k in range(t.end, m.start()) if norm[k] == ","]
            end = m.start()
            for n, comma in enumerate(reversed(commas[-3:])):
                p = _STRIP.sub("", " " + text[comma + 1:end].strip(" “”\"")).strip().rstrip(" ,")
                closed = text[comma + 1:end].strip(" \"”’'")   # "...,’ said X": only a closing quote between
                if n == 0 and not closed and any(q in text[comma + 1:end] for q in "\"”’"):
                    # '"We left Hims ...," said Umm Hassan': after a closing quote, the speaker follows the verb
                    return _speaker_after(text, norm, m.end())
                first = p.split()[0].lower() if p else ""
                if first in _RELATIVES and n < 2:
                    end = comma   # "the commander, who asked not to be named, said": the commander
                    continue
                if n == 2 and end == m.start():
                    break         # (a third comma back only past a relative clause)
                if p and len(p.split()) <= TRAILING_SPEAKER_WORDS and first not in _CONJUNCTIONS:
                    return p   # (", and the White Helmets report deaths": another clause, not a speaker)
    return None


def _speaker_after(text: str, norm: str, start: int) -> str | None:
    """The speaker after an inverted verb ('..., said Umm Hassan'), with an appositive that ends
    the sentence ('said Abu Mohammed, a commander of the Military Operations Command')."""
    name = phrase_after(text, norm, start)
    if not name or len(name.split()) > TRAILING_SPEAKER_WORDS:
        return None
    rest = text[start:].split(",", 1)[1].strip() if "," in text[start:] else ""
    rest = rest.rstrip(" .\"”'’")
    words = rest.split()
    if words and words[0].lower() in ("a", "an", "the") and len(words) <= TRAILING_SPEAKER_WORDS \
            and not _SENTENCE_GOES_ON.search(rest):
        return f"{name}, {rest}"
    return name


def _speaker_phrase(t: Trigger, text: str, norm: str, vocab: ClaimVocabulary, verbs: list[re.Match]) -> str | None:
    """The phrase naming who asserts status phrase ``t``, as written (None: nobody is named)."""
    verbs = [m for m in verbs if m.group().endswith("ing")   # ("are reporting that": no passive)
             or not _PASSIVE_BEFORE.search(norm, max(0, m.start() - PASSIVE_REACH), m.start())]
    semi = norm.rfind(";", 0, t.start)   # "The army announces X; the coalition enters Y": Y is no one's word
    # ("were reported to be" has no speaker; "the SDF claimed control of X", "rebels claim X": the phrase opens with the verb)
    verbs_before = [m for m in verbs if semi < m.start() and (m.end() <= t.start or m.start() == t.start < m.end() < t.end
                                                             or (m.span() == (t.start, t.end) and m.group().startswith("claim")))]
    for m in reversed(verbs_before):
        if m.group().endswith("ing") and norm[:m.start()].rstrip().endswith(","):
            continue   # "..., stressing that": the same speaker as the verb before
        if _in_relative(norm, m, t):
            continue   # "HTS fighters, who the government says are terrorists, entered X": no speaker of X
        p = phrase_before(text, norm, m.start())
        if p and _AGAINST_CLAIMS.match(p):
            continue   # "Contrary to rebel claims, X remains ...": a noun, no one asserting X
        if p:
            return p
    cue = next((c for c in vocab.rx_before_claimant.finditer(norm)
                if (c.start() < t.start and not _in_relative(norm, c, t))
                or (c.start() >= t.start and not _OPENS_CLAUSE.search(norm[t.end:c.start()]))), None)
    if cue:   # (not "X, where, according to Y, ...": Y speaks for the clause "where" opens)
        if any(t.end <= m.start() < cue.start() for m in verbs):
            # "X, the army said in a statement, citing Y": the army says it (Y is its reason)
            trailing = _trailing_speaker(t, text, norm, verbs)
            if trailing:
                return trailing
        p = phrase_after(text, norm, cue.end())
        if p:
            return p
    return _trailing_speaker(t, text, norm, verbs) or label_speaker(t, text, norm, vocab)


def _in_relative(norm: str, cue: re.Match, t: Trigger) -> bool:
    """The cue sits in a relative clause closed by a comma before ``t`` ("the groups, which are
    backed by Turkey according to Syrian officials, overran X": the officials speak for the backing)."""
    opener = _RELATIVE_OPENER.search(norm, 0, cue.start())
    return opener is not None and "," in norm[cue.end():t.start]


def claimant_for(t: Trigger, text: str, norm: str, vocab: ClaimVocabulary, report: Report, talk: Discourse,
                 verbs: list[re.Match] | None = None) -> Speaker:
    """Who asserts the claim of status phrase ``t``, and their side. ``verbs``: the sentence's
    reporting verbs (found once per sentence)."""
    if verbs is None:
        verbs = list(vocab.rx_verb.finditer(norm))
    claimant = _speaker_phrase(t, text, norm, vocab, verbs)
    if claimant is not None and name_key(claimant) in vocab.carry_over:
        claimant = talk.earlier(claimant)
    if claimant is None or claimant.isupper():   # ("THE COMMANDER:": as the report introduced him)
        claimant = interviewee(text, report.text) or claimant
    if claimant is None:
        return Speaker(report.outlet, "outlet")
    side = side_of(vocab, claimant, report.outlet)
    if side == "other" and _SURNAME.fullmatch(claimant):
        # "Ignasyuk emphasised ...": the person named in full before ("Oleg Ignasyuk, deputy head of ...")
        earlier = talk.named_before(claimant)
        side = side_of(vocab, earlier, report.outlet) if earlier else side
    key = name_key(claimant)
    head = key.split(" ")[-1]
    rest = key.partition(" ")[2]
    if head in vocab.generic and key.startswith(DEFINITE) and (rest == head or rest not in vocab.actor_of):
        # "The groups, led by HTS, announced": the force those words stand for (not "The Syrian
        # Democratic Forces say": a name)
        side = talk.resolve("head", [], head) or (   # ("HTS released a video. The group said": the body named last)
            talk.resolve("sg", [], head) if head in _ORG_NOUNS else None) or side
    elif head in vocab.issuer_heads and key.split(" ")[-2:-1] == ["the"]:
        # "a spokesman for the command": the body named last with that noun (the Military Operations Command)
        side = talk.resolve("head", [], head) or side
    side = "other" if side == NO_ACTOR else side
    return Speaker(claimant.partition(", ")[0], side, _national_press(vocab, claimant))   # (without its appositive)


def _national_press(vocab: ClaimVocabulary, claimant: str) -> bool:
    """The claimant is a country's press ("Israeli media", "Turkish newspapers"), not its state
    ("Turkish state media" is a name of the state's, actors.toml)."""
    n = " " + normalize(claimant) + " "
    return any(m.group() in vocab.national_press and vocab.rx_media_after.match(n, m.end())
               for m in vocab.rx_adjective.finditer(n))


def side_of(vocab: ClaimVocabulary, claimant: str, outlet: str) -> str:
    """An actor id, "outlet" or "other" for a claimant phrase: its first force named (the
    longest name where names overlap: "the Military Operations Command" is not "the military")."""
    key = (claimant, outlet)
    cache = vocab.side_cache
    if key not in cache:
        if len(cache) > SIDE_CACHE_SIZE:
            cache.clear()
        cache[key] = _side_of(vocab, claimant, outlet)
    return cache[key]


def _side_of(vocab: ClaimVocabulary, claimant: str, outlet: str) -> str:
    name, _, appositive = claimant.partition(", ")
    side = _side_of_phrase(vocab, name, outlet)
    if side == "other" and appositive:
        # "X, a military spokesman for the opposition": the side the role is for
        m = vocab.rx_role.search(normalize(appositive))
        if m:
            got = _side_of_phrase(vocab, appositive[m.end():], outlet)
            if got not in NO_SIDE:
                return got
    return side


def _side_of_phrase(vocab: ClaimVocabulary, claimant: str, outlet: str) -> str:
    n = " " + normalize(claimant) + " "
    names = vocab.actor_names(n, f" {claimant} " if len(n) == len(claimant) + 2 else None)
    named = [(x, x.actor) for x in names if x.actor and not venue(n, x.start, vocab.media_heads)
             and not n.startswith(" based ", x.end)   # ("Damascus-based journalists": where they work)
             and not vocab.rx_title_after.match(n, x.end)]   # ("The Washington Post": a newspaper)
    if not named and any(x.name in vocab.unaligned for x in names):
        return "other"   # "the Lebanese army said": a body of none of the actors
    if named and claimant.endswith(")") and n[named[-1][0].end:].strip() == ")":
        return named[-1][1]   # "the Internal Security Forces (Asayish)": the name in brackets says whose
    while len(named) > 1 and n[named[0][0].end:named[1][0].start].strip() in BACKING:   # "US-backed X": X speaks
        named = named[1:]   # "the US-backed Syrian Free Army": the army, not its sponsor
    if named:
        owner = next((b for a, b in zip(named, named[1:]) if n[a[0].end:b[0].start].strip() in ("of", "of the")), None)
        return (owner or named[0])[1]   # "the General Command of the SDF": the SDF's
    if (person := vocab.rx_person.search(n)) is not None:
        return vocab.person_of[person.group()]   # "Netanyahu said": whose side a figure speaks for (actors.toml people)
    for m in vocab.rx_adjective.finditer(n):   # "an army source", "rebel sources"
        if not venue(n, m.start(), vocab.media_heads):
            return vocab.adjective_of[m.group()]
    if (outlet and outlet != "unknown" and f" {name_key(outlet)} " in f" {name_key(claimant)} ") or any(
            w in n for w in vocab.outlet_words):
        return "outlet"
    return "other"


# Effects by which a side concedes: another force's gain, hold, presence or approach, or its own loss.
_CONCEDED_TO_OTHERS = ("gain", "hold", "presence", "approach")
_CONCEDED_OWN = ("loss",)


def admission(actor: str, effect: str, side: str, allies: frozenset[str] = frozenset()) -> bool:
    """A side conceding: the army saying the rebels entered, or that it withdrew. ``allies``:
    the side's allies (actors.toml): Turkey announcing an SNA gain concedes nothing, Russia
    announcing the army's withdrawal concedes a loss of its camp."""
    if side in NO_SIDE:
        return False
    own = actor == side or actor in allies
    return (not own and effect in _CONCEDED_TO_OTHERS) or (own and effect in _CONCEDED_OWN)


def document_voice(report: Report, vocab: ClaimVocabulary) -> Speaker | None:
    """The force a report speaks for as a whole: its signature (a last line that only names a
    force: "General Command of the Syrian Democratic Forces") or a statement's title ("Statement
    ... from the General Command of the SDF", "Military Operations Command: statements of ...",
    "Syrian National Army - Ministry of Defence | Official statement").
    Its claims with no speaker of their own are that force's, and so are "our forces"."""
    body = report.text.rstrip()
    last = body[max(body.rfind("\n"), body.rfind("\r")) + 1:].strip().strip("()[]\u2014\u2013- ")   # ("(SDF Media Center)")
    if last and last != body and len(last.split()) <= SIGNATURE_WORDS and last[:1].isalpha() and _name_like(last) and all(
            w[:1].isupper() or w in _NAME_JOINS for w in last.rstrip(".").split()) and not find_triggers(normalize(last), vocab):
        side = side_of(vocab, last, report.outlet)   # a name in title case, not a footnote
        if side not in NO_SIDE:
            return Speaker(last, side)
    title = report.title
    if title and _STATEMENT.search(title):
        # who issues it: after "from", or one of the title's parts between dashes, bars and colons
        for phrase in (title.rpartition(" from ")[2], *_TITLE_PARTS.split(title)):
            phrase = phrase.strip(" .")
            if phrase != title and 0 < len(phrase.split()) <= SIGNATURE_WORDS:
                side = side_of(vocab, phrase, report.outlet)
                if side not in NO_SIDE:
                    return Speaker(phrase, side)
    return _letterhead(report, vocab) if title else None


def _short_name(phrase: str) -> bool:
    """"(Asayish)", "(SDF)": another name of what comes before, kept with it."""
    return 0 < len(phrase.split()) <= 3 and phrase[:1].isupper() and _name_like(phrase)


def _name_like(phrase: str) -> bool:
    return all(w[:1].isupper() for w in phrase.split() if len(w) > 3)


def _letterhead(report: Report, vocab: ClaimVocabulary) -> Speaker | None:
    """A title that is a body's letterhead ("MINISTRY OF DEFENCE OF THE RUSSIAN FEDERATION",
    "ISRAEL DEFENSE FORCES | IDF Spokesperson's Unit"): one of its parts is a name that ends in
    an issuing body's noun (``[reporting] issuers``), or in that noun and "of ..."; the force it
    names (the whole title first, then each part) is the report's voice. A headline about a
    body ("DEFENCE MINISTRY BRIEFING ANGERS ANKARA") has words after the noun."""
    title = report.title.strip(" .")
    parts = [p.strip(" .") for p in _TITLE_PARTS.split(title)]
    if len(title.split()) > 2 * SIGNATURE_WORDS or not all(_name_like(p) for p in parts) or not any(
            0 < len(p.split()) <= SIGNATURE_WORDS and vocab.rx_issuer.fullmatch(normalize(p)) for p in parts):
        return None   # (every part a name: "PKK/YPG terrorists flee X - Defence Ministry" is a headline)
    for phrase in (title, *parts):
        side = side_of(vocab, phrase, report.outlet)
        if side not in NO_SIDE:
            return Speaker(phrase, side)
    return None

"""A sentence as tokens, and the records the clause reader passes: tokens, force phrases, places."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from ...model import Mention

TOKEN = re.compile(r"\w+(?='(?:re|ve|ll|d)\b)|'(?:re|ve|ll|d)\b|\w+(?:'\w+)*|[^\w\s]")   # ("they're": "they", "'re")
_QUOTES = {'"', "\u201c", "\u201d", "\u00ab", "\u00bb"}   # read through: 'entered "large parts" of X'
_DASH = re.compile(r"(?<=\s)[\u2013\u2014\u2015-]{1,2}(?=\s)|--")
BACKING_PARTICIPLES = frozenset({"backed", "supported", "aided", "assisted", "helped", "covered", "escorted"})
SUBJECT_PARTICIPLES = frozenset({"stationed", "based", "deployed", "positioned", "garrisoned"})
SUBJECT_LOCATIVES = frozenset({"in", "near", "around", "inside", "outside", "across", "from", "at"})
LOCATIVE_HEADS = frozenset({"province", "governorate", "city", "town", "countryside", "region", "area", "towns", "villages",
                            "village", "cities", "areas", "of", "district", "neighbourhood", "neighborhood", "quarter", "suburb"})
# participles whose object is where the force stands ("the troops guarding it")
GUARDING = frozenset({"guarding", "defending", "protecting", "manning", "securing", "garrisoning"})
NAME_PARTICLES = {"al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "ed", "es", "et",
                  "bin", "ibn", "um", "umm", "abu", "bani", "beni"}


class Token(NamedTuple):
    start: int
    end: int
    word: str      # folded (lower case, no diacritics)
    cap: bool      # written with a capital letter


class ActorName(NamedTuple):
    """An actor name found in a text: whole words, the longest where names overlap."""
    start: int
    end: int
    actor: str | None   # actor id, or None for a pronoun or a general noun ("they", "factions")
    name: str           # the name's key as the vocabulary lists it


class ActorHit(NamedTuple):
    start: int
    end: int
    actor: str | None   # actor id, or None for a force to be found from context
    kind: str           # "name" | "generic" (a noun with a default) | "anaphor" (resolve first)
    plural: bool
    number: str = ""    # "sg"/"pl" when a pronoun or determiner fixes it ("its units": sg)
    head: str = ""      # the phrase's last word ("factions"), to find what "the factions" refers to


class PlaceRef(NamedTuple):
    start: int
    end: int
    key: Mention | None   # the mention; None for a name the gazetteer lacks


class Words(list[Token]):
    """A sentence's tokens, with their start offsets for finding a token by position."""

    def __init__(self, tokens):
        super().__init__(tokens)
        self.starts = [t.start for t in tokens]

    def at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos`` (``len`` when none)."""
        return bisect_left(self.starts, pos)

    def between(self, a: int, b: int) -> list[Token]:
        """The tokens starting in [a, b)."""
        return self[bisect_left(self.starts, a):bisect_left(self.starts, b)]


def token_at(toks: Words, pos: int) -> int | None:
    """Index of the first token starting at or after ``pos``; None when there is none."""
    k = toks.at(pos)
    return k if k < len(toks) else None


def bracket_closes(toks: Words, start: int, end: int) -> bool:
    """A bracket open at ``start`` closes before ``end``."""
    depth = 0
    for t in toks.between(start, end):
        depth += (t.word == "(") - (t.word == ")")
        if depth < 0:
            return True
    return False


def in_closed_relative(toks: Words, start: int, end: int) -> bool:
    """``start`` is inside a relative clause set off by commas (", which/who ... ,") that
    closes before ``end``: "Hezbollah, which fought alongside the army, pulled its advisers out"."""
    return any(a <= start < b for a, b in relative_spans(toks, 0, toks.at(end), RELATIVE_OPENERS))


def alias(toks: Words, start: int, end: int) -> bool:
    """The words from ``start`` to ``end`` are all a bracket holds: "the Syrian National Army (SNA)"."""
    k, j = toks.at(start), toks.at(end)
    return 0 < k and j < len(toks) and toks[k - 1].word == "(" and toks[j].word == ")"


def aside(toks: Words, start: int, end: int, pos: int, named: tuple = ()) -> bool:
    """The phrase ``start``..``end`` is said aside from what follows at ``pos``: in a bracket
    closed before it, not one that only names it again ("(SNA)"), or in an apposition to a force
    of ``named`` ("The SFA, a U.S.-trained unit, said it": the SFA)."""
    return (bracket_closes(toks, start, pos) and not alias(toks, start, end)) or _in_apposition(toks, start, pos, named)


APPOSITION_WORDS = 20   # words of an apposition ("X, a U.S.-trained unit of several hundred fighters, said")


def _in_apposition(toks: Words, start: int, pos: int, named: tuple) -> bool:
    """The phrase at ``start`` is inside an apposition opened by ", a"/", an" right after a force
    of ``named`` and closed by a comma before ``pos``."""
    i = toks.at(start)
    k = i - 1
    while k > 0 and i - k <= APPOSITION_WORDS and toks[k].word != ",":
        k -= 1
    if not (k > 0 and toks[k].word == "," and k + 1 < len(toks) and toks[k + 1].word in ("a", "an")
            and any(n.end == toks[k - 1].end for n in named)):
        return False
    return any(t.word == "," for t in toks[i:toks.at(pos)][:APPOSITION_WORDS])


def backer(toks: Words, a: ActorHit) -> bool:
    """The force ``a`` is named inside "backed by ..." ("troops backed by Russian jets"): the
    backer, not the subject."""
    k = toks.at(a.start) - 1
    while k >= 0 and toks[k].word in ("the", "a", "an"):
        k -= 1
    return k >= 1 and toks[k].word == "by" and toks[k - 1].word in BACKING_PARTICIPLES


def not_subject(toks: Words, a: ActorHit, pos: int) -> bool:
    """The force ``a`` is no subject of a verb at ``pos``: it is a backer or in a relative clause
    closed before ("Hezbollah, which fought beside the army, has pulled out": not the army), or
    the object of a participle ("the troops guarding it withdrew": not "it")."""
    k = toks.at(a.start)
    return backer(toks, a) or in_closed_relative(toks, a.start, pos) or (k > 0 and toks[k - 1].word in GUARDING)


_SENTENCE_ENDS = frozenset({".", "!", "?", '"', "\u201d", "'", "\u2019", ")"})
HEADING_TOKENS = 5   # a line without a full stop and at most this long, or with a label, is a heading


def heading(toks: Words) -> bool:
    """A heading or a timeline's line: no final punctuation, and short, labelled or numbered."""
    return bool(toks) and toks[-1].word not in _SENTENCE_ENDS and (
        len(toks) <= HEADING_TOKENS or ":" in [t.word for t in toks] or toks[0].word.isdigit())


def by_no_force(toks: Words, actors: list[ActorHit], end: int) -> bool:
    """"by" follows a phrase ending at ``end`` and names no force ("reached by N24")."""
    k = toks.at(end)
    return k < len(toks) and toks[k].word == "by" and not any(
        a.start >= toks[k].end and toks.at(a.start) <= k + 3 for a in actors)


def skip_number(toks: Words, k: int) -> int:
    """Past an enumeration mark ("(2)", "2)") at token ``k``."""
    if k + 2 < len(toks) and toks[k].word == "(" and toks[k + 1].word.isdigit() and toks[k + 2].word == ")":
        return k + 3
    if k + 1 < len(toks) and toks[k].word.isdigit() and toks[k + 1].word == ")":
        return k + 2
    return k


# the number of places an anaphor stands for ("both", "the two", "all seven")
COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def carried(toks: Words, k: int, n: int, count: int | None, earlier: tuple) -> list[PlaceRef]:
    """The places of the last sentence's claim, ``earlier`` (mentions), that a counted anaphor
    at tokens ``k``..``k + n`` stands for when there are that many ("... took A, B and C. All three
    ..."), placed at the anaphor; else []."""
    if not count or len(earlier) != count:
        return []
    return [PlaceRef(toks[k].start, toks[k + n - 1].end, m) for m in earlier]


def counted_list(toks: Words, places: list[PlaceRef], end: int, count: int, joins: list) -> list[PlaceRef]:
    """The last list of exactly ``count`` places joined by ``joins`` before ``end`` ("Rastan and
    Talbiseh, two towns that ...; fighters had taken both"), not one after "from" or "between"
    ("envoys from Damascus and Amman"); else []."""
    before = [p for p in places if p.end <= end and p.key is not None]
    out = before[-1:]
    for p in reversed(before[:-1]):
        if tuple(t.word for t in toks.between(p.end, out[-1].start)) not in joins:
            break
        out.append(p)
    k = toks.at(out[-1].start) - 1 if out else -1
    return out[::-1] if len(out) == count and not (k >= 0 and toks[k].word in ("from", "between")) else []


def people_between(toks: Words, start: int, end: int, words) -> bool:
    """People are named between ``start`` and ``end``, not as a speaker ("displaced Kurds", not
    "residents said"); ``words``: the reader, for its people nouns and reporting verbs."""
    return any(t.word in words.people and (toks.at(t.end) >= len(toks) or toks[toks.at(t.end)].word not in words.verbs)
               for t in toks.between(start, end))


PART_LIST_REACH = 6        # words back from "neighbourhoods of" to the first place listed before it


def listed_ending_at(toks: Words, j: int, places: list[PlaceRef], reach: int = PART_LIST_REACH) -> list[PlaceRef]:
    """The known places of a list of names whose last word is token ``j`` ("Sheikh Maqsoud and
    Ashrafiyeh"), back across names, "and" and commas; [] unless a place is among them."""
    found: list[PlaceRef] = []
    for n in range(j, max(-1, j - reach), -1):
        part = next((q for q in places if q.end == toks[n].end and q.key is not None), None)
        if part is not None:
            found.insert(0, part)
        elif not (toks[n].cap or toks[n].word in ("and", ",") or toks[n].word in NAME_PARTICLES
                  or any(q.start <= toks[n].start < q.end for q in places)):   # (inside a name: "Deir ez-Zor")
            break
    return found


APPROACH_NOUNS = frozenset("outskirts edge edges gates approaches entrance entrances doorstep perimeter".split())
_SIDES = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeastern",
                    "northwestern", "southeastern", "southwestern"})


def possessed_approach(toks: Words, end: int, places: list[PlaceRef]) -> PlaceRef | None:
    """The place whose outskirts are the object right after ``end`` ("reached [Hama]'s northern
    outskirts", "Homs' approaches", "Damascus outskirts"): what the phrase nears, not a part it is in; else None."""
    k = toks.at(end)
    k += k < len(toks) and toks[k].word == "the"
    p = next((p for p in places if k < len(toks) and p.start == toks[k].start and p.key is not None), None)
    j = toks.at(p.end) if p is not None else len(toks)
    owned = 0 < j <= len(toks) and toks[j - 1].end > p.end if p is not None else False   # "hama's": one token
    if j < len(toks) and toks[j].word in ("'", "'s"):
        j, owned = j + 1, True
    while owned and j < len(toks) and toks[j].word in _SIDES:
        j += 1
    return p if j < len(toks) and toks[j].word in APPROACH_NOUNS else None   # (also "reach Damascus outskirts")


def tokenize(text: str, norm: str) -> Words:
    """Word and punctuation tokens of ``norm`` (offsets shared with ``text``); dashes that
    separate clauses ("Hama – the army said") are kept as the token "—"."""
    make = tuple.__new__   # a NamedTuple without its Python-level __new__: this runs per word
    out = [make(Token, (a, b, w, text[a].isupper()))
           for (a, b), w in ((m.span(), m.group()) for m in TOKEN.finditer(norm)) if w not in _QUOTES]
    dashes = [Token(m.start(), m.end(), "\u2014", False) for m in _DASH.finditer(text)]
    if dashes:
        out = sorted(out + dashes, key=lambda t: t.start)
    return Words(out)


def bracket_spans(toks: Words, lo: int, i: int) -> list[tuple[int, int]]:
    """(start, end) of the brackets opened and closed between tokens ``lo`` and ``i``."""
    spans, opened = [], None
    for t in toks[lo:i]:
        if t.word == "(":
            opened = t.start
        elif t.word == ")" and opened is not None:
            spans.append((opened, t.end))
            opened = None
    return spans


RELATIVE_OPENERS = frozenset({"which", "who", "whose"})
INSERTION_OPENERS = RELATIVE_OPENERS | {"a", "an", "the"}   # and appositions: ", a coalition that ...,"


def relative_spans(toks: Words, lo: int, i: int, openers: frozenset[str] = INSERTION_OPENERS) -> list[tuple[int, int]]:
    """(start, end) of the relative clauses and appositions set off by commas (", who had fought
    for years,", ", a coalition that signed deals in 2018,") opened and closed between tokens
    ``lo`` and ``i``; ``openers``: the words that open one after its comma."""
    spans, opened = [], None
    for k in range(max(lo, 1), i):
        w = toks[k].word
        if w in openers and toks[k - 1].word == ",":
            opened = toks[k].start
        elif w in (",", ";", "\u2014") and opened is not None:
            spans.append((opened, toks[k].start))
            opened = None
    return spans


def unbracketed(gap: list) -> list:
    """``gap`` without a closed bracket ("HTS (banned in Russia) had taken X": the bracket is no gap)."""
    out, depth = [], 0
    for t in gap:
        if t.word == "(":
            depth += 1
        elif t.word == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(t)
    return out if not depth else gap


_OPENERS = frozenset({"-", "\u2013", "\u2014", ":", "(", "\"", "\u201c", "\u2018", "'"})


def plural_name(last: str, proper: bool) -> bool:
    """A force's name in the plural ("rebels", "government forces"), by its last word; a proper
    name never is ("Syrian Democratic Forces" is one organisation, "Damascus" one city)."""
    return not proper and ((last.endswith("s") and len(last) > 3) or last in ("forces", "militiamen"))


def initial(toks: Words, j: int) -> bool:
    """Whether token ``j`` starts the sentence or a quote, heading or dash-led part of it, where
    any word is written with a capital."""
    return j == 0 or toks[j - 1].word in _OPENERS


def ends_with(toks: Words, k: int, phrase: tuple[str, ...]) -> bool:
    """The tokens ending at ``k`` are ``phrase``."""
    return k - len(phrase) + 1 >= 0 and tuple(t.word for t in toks[k - len(phrase) + 1:k + 1]) == phrase


def starts_with(toks: Words, j: int, phrase: tuple[str, ...]) -> bool:
    """The tokens from ``j`` are ``phrase``."""
    return j + len(phrase) <= len(toks) and tuple(t.word for t in toks[j:j + len(phrase)]) == phrase


COORDINATED_WORDS = 4   # "and" and the modifiers of the general noun coordinated with a named force


def coordinated_lead(toks: Words, a: ActorHit, actors: list[ActorHit], brackets: list[tuple[int, int]]) -> ActorHit | None:
    """The named force that a general noun with no force of its own is coordinated with ("HTS
    (banned in Russia) and allied groups took X": HTS), or None."""
    before = [b for b in actors if b.end <= a.start and not any(x <= b.start and b.end <= y for x, y in brackets)]
    if not before or before[-1].actor is None:
        return None
    words = [t.word for t in unbracketed(toks.between(before[-1].end, a.start))]
    return before[-1] if words[:1] == ["and"] and len(words) <= COORDINATED_WORDS and all(w.isalpha() for w in words) \
        else None   # "army units and popular defence groups"


BACKING_WORDS = 4   # words of the backer after "backed by" ("Russian air strikes", "allied air power")


def past_backing(gap: list) -> list:
    """``gap`` without a leading "backed by <a few words>" ("forces [backed by Russian air
    strikes] recaptured X"), or as it is."""
    if len(gap) > 2 and gap[0].word in BACKING_PARTICIPLES and gap[1].word == "by":
        k = 2
        while k < len(gap) and k < 2 + BACKING_WORDS and gap[k].word not in (",", ";") and gap[k].word.isalpha():
            k += 1
        return gap[k:] if k > 2 else gap
    return gap


def is_claimant(a: ActorHit, toks: Words, reader) -> bool:
    """The force is the speaker of a reporting verb ("the army said")."""
    k = toks.at(a.end)
    return k < len(toks) and toks[k].word in reader.verbs


def in_time_clause(toks: Words, start: int, subordinators) -> bool:
    """The phrase at ``start`` is in a clause opened by one of ``subordinators`` ("after", "as",
    "when" ...), back to a comma or a semicolon."""
    k = toks.at(start)
    while 0 < k <= len(toks) and toks[k - 1].word not in (",", ";"):
        k -= 1
        if toks[k].word in subordinators:
            return True
    return False


def verb_s(word: str) -> bool:
    """A lower-case word in -s that is rather a verb or a plural than an adjective ("battles", not "various")."""
    return word.endswith("s") and not word.endswith(("ss", "ous", "'s"))


def adverb(t) -> bool:
    """A lower-case word in -ly between a subject and its verb ("units had [temporarily] redeployed")."""
    return not t.cap and len(t.word) > 4 and t.word.endswith("ly") and t.word.isalpha() and t.word not in NOT_ADVERBS


NOT_ADVERBS = frozenset({"family", "likely", "unlikely", "early", "only", "daily", "weekly", "italy", "assembly"})


def phrase_of(toks: Words, a: ActorHit) -> str:
    """The words of the phrase ``a``, as tokens ("the army")."""
    return " ".join(t.word for t in toks.between(a.start, a.end))


_VENUE = re.compile(r" (?:on|via) (?:[\w'-]+ ){0,3}$")   # "appeared on Syrian state television": where, not who
VENUE_WORDS = 4   # words of a medium's name after "on"


def venue(n: str, start: int, media_heads: frozenset[str]) -> bool:
    """The name at ``start`` of claimant phrase ``n`` is in a medium spoken on ("appeared on state TV"): no side."""
    return _VENUE.search(n, 0, start) is not None and any(w in media_heads for w in n[start:].split()[:VENUE_WORDS])


def whose(toks: Words, i: int, hits: list[ActorHit]) -> str | None:
    """The force a "whose" before token ``i`` refers to: the one named right before it, or the
    one before that when it is fought ("the coalition against ISIS, whose troops": the coalition)."""
    if not (0 < i < len(toks) and toks[i - 1].word == "whose"):
        return None
    before = [h for h in hits if h.actor and h.kind == "name" and h.end <= toks[i - 1].start]
    if not before or not all(t.word in (",", ")") for t in toks.between(before[-1].end, toks[i - 1].start)):
        return None
    k = toks.at(before[-1].start) - 1
    fought = len(before) > 1 and k > 0 and toks[k].word in ("against", "with") and before[-2].end == toks[k - 1].end
    return before[-2 if fought else -1].actor

"""Status phrases in a sentence: which patterns match where, the longest where they overlap."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .patterns import WORD_CHARS
from .vocabulary import ClaimVocabulary, StatusPattern

POSSESSIVE = re.compile(r"\b(?:them|their|theirs|its|the group's|our|ours|us)\b")   # "under their control"
PLURAL_POSSESSIVES = ("them", "their", "theirs")
_HELD_SUFFIX = re.compile(r" (?:led|backed)$")   # "hts led held": the force is "hts"
_FORCES = " forces"   # "government held": the actor "government forces"
_JOINERS = frozenset("-\u2010\u2011\u2012\u2013")   # hyphens (and a dash typed for one)
QUOTES = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')   # read through around a word of a phrase
# words after a phrase that show it takes no object ("the SDF moved in to protect residents", "withdrew north")
OBJECTLESS_NEXT = frozenset({",", ".", ";", "and", "to", "on", "after", "as", "when", "behind", "hours", "shortly", "\u2014",
                             "from", "along", "without", "overnight", "before", "during", "under", "at", "late", "early",
                             "north", "south", "east", "west", "northwards", "southwards", "eastwards", "westwards",
                             "nov", "dec", "november", "december", "jan", "january"})   # (a date after it: "pulled out Dec. 6")
OURS = "<ours>"   # a phrase's own "our" ("under our control"): the speaker's side (no actor's id, not "us")


def objectless(toks, end: int) -> bool:
    """The phrase ending at ``end`` takes no object ("the SDF moved in to protect residents")."""
    k = toks.at(end)
    return k >= len(toks) or toks[k].word in OBJECTLESS_NEXT


def past_agent(toks, k: int, time_words: frozenset[str], reach: int = 5) -> int:
    """The token past a passive's "by <force>" at token ``k`` (to a time word or where an
    object could stand), or ``k`` when none is there."""
    if k >= len(toks) or toks[k].word != "by":
        return k
    return next((m for m in range(k + 1, min(len(toks), k + 1 + reach))
                 if toks[m].word in time_words or toks[m].word in OBJECTLESS_NEXT), k)


@dataclass
class Trigger:
    """A status phrase found in a sentence (offsets in its folded text)."""
    start: int
    end: int
    pattern: StatusPattern
    inner_actor: str | None   # the force named within the phrase; "them"/"it" for a possessive
    held: bool = False   # "rebel-held X": the place follows at once


class PatternMatch(NamedTuple):
    status_index: int   # of the status pattern in ``vocab.statuses``
    match: re.Match


def pattern_matches(norm: str, vocab: ClaimVocabulary) -> list[PatternMatch]:
    """Every match of a status pattern in ``norm``: a pattern with literal prefixes is tried
    only where one of them occurs (anchored there; not inside a word, nor in a sentence without
    one of its required literals), the rest everywhere (``finditer``), or as ``always_index``
    finds their matches."""
    out = []
    statuses, by_prefix = vocab.statuses, vocab.prefix_patterns
    if vocab.prefixes is not None:
        tried: set[tuple[int, int]] = set()
        whole_words = vocab.prefix_whole_words
        ruled_out = vocab.prefix_needs.ruled_out(norm)   # (patterns that need a literal the sentence lacks)
        for k, a, _ in vocab.prefixes.find_matches_as_indexes(norm, overlapping=True):
            if a and whole_words[k] and norm[a - 1] in WORD_CHARS:
                continue   # inside a word, where none of the prefix's patterns can start
            for i in by_prefix[k]:
                if (i, a) not in tried and i not in ruled_out:
                    tried.add((i, a))
                    m = statuses[i].rx.match(norm, a)
                    if m:
                        out.append(PatternMatch(i, m))
    indexed = None   # the matches of the patterns of ``vocab.always_index`` (found when first needed)
    for i in vocab.always:
        if i in vocab.always_index.patterns:
            indexed = vocab.always_index.matches(norm) if indexed is None else indexed
            out.extend(PatternMatch(i, m) for m in indexed.get(i, ()))
        else:
            out.extend(PatternMatch(i, m) for m in statuses[i].rx.finditer(norm))
    return out


def _held_force(prefix: str, vocab: ClaimVocabulary) -> str | None:
    """The force of "<prefix> held": "rebel", "hts led", "government" (forces)."""
    return (vocab.force_named(prefix) or vocab.force_named(_HELD_SUFFIX.sub("", prefix))
            or vocab.force_named(prefix + _FORCES))


def _compound(text: str, k: int) -> bool:
    """Whether the character at ``k`` (a space in the fold) joins two words in ``text`` ("rebel-held")."""
    return k < len(text) and text[k] in _JOINERS


def _matches(norm: str, vocab: ClaimVocabulary):
    """(status index, start, end, ("<force>" of "<force> held", its end) or None) of every
    pattern match in ``norm``, read through quotation marks around words ('had been "redeployed"
    out of X'): offsets are ``norm``'s."""
    if not any(q in norm for q in QUOTES):
        for i, m in pattern_matches(norm, vocab):
            held = (m.group("held"), m.end("held")) if m.groupdict().get("held") is not None else None
            yield i, m.start(), m.end(), held
        return
    keep = [k for k, c in enumerate(norm) if c not in QUOTES]
    bare = "".join(norm[k] for k in keep)
    for i, m in pattern_matches(bare, vocab):
        if m.end() == m.start():
            continue
        held = ((m.group("held"), keep[m.end("held") - 1] + 1)
                if m.groupdict().get("held") is not None and m.end("held") > 0 else None)
        yield i, keep[m.start()], keep[m.end() - 1] + 1, held


CONTESTED = "contested"
REPELLED_OBJECT_WORDS = 3   # words between "repelled" and the attack it turned back ("a large-scale")


def find_triggers(norm: str, vocab: ClaimVocabulary, text: str | None = None) -> list[Trigger]:
    """The status phrases of the folded sentence ``norm``, in order, none overlapping. With the
    sentence's ``text``, "<force> held" counts only written as one word ("rebel-held X"), not
    as a subject and its verb ("the factions held X")."""
    cands = []
    for i, start, end, held in _matches(norm, vocab):
        inner = None
        if held is not None:
            if text is not None and not _compound(text, held[1]):
                continue
            inner = _held_force(held[0], vocab)
            if inner is None:
                continue
        cands.append(Trigger(start, end, vocab.statuses[i], inner, held=inner is not None))
    cands.sort(key=lambda t: (t.start - t.end, t.start))
    chosen: list[Trigger] = []
    for t in cands:
        if all(t.end <= c.start or t.start >= c.end for c in chosen):
            chosen.append(t)
    chosen = _without_repelled_attacks(sorted(chosen, key=lambda t: t.start), norm)
    for t in chosen:
        if t.inner_actor is None and t.pattern.agent == "inside":
            inside = [vocab.force_named(m.group()) for m in vocab.rx_actor_or_adjective.finditer(norm, t.start, t.end)
                      if text is None or m.group() not in vocab.acronyms or text[m.start():m.end()].isupper()]   # ("with us")
            t.inner_actor = inside[0] if inside else None
            pronoun = POSSESSIVE.search(norm, t.start, t.end)
            if t.inner_actor is None and pronoun:
                # the force named before ("under their control", "under the group's occupation")
                t.inner_actor = (OURS if pronoun.group() in ("our", "ours", "us") else
                                 "them" if pronoun.group() in PLURAL_POSSESSIVES else "it")
    return sorted(chosen, key=lambda t: t.start)


def _without_repelled_attacks(chosen: list[Trigger], norm: str) -> list[Trigger]:
    """"repelled an attack on its positions near X": the attack is what a defence phrase just
    before it turned back, not a fight the attacker is claimed to wage (no claim of its own)."""
    out: list[Trigger] = []
    for t in chosen:
        if (out and out[-1].pattern.effect == "defence" and t.pattern.status == CONTESTED
                and len(norm[out[-1].end:t.start].split()) <= REPELLED_OBJECT_WORDS):
            continue
        out.append(t)
    return out

"""Runs of a report's tokens that may be names ("Qalaat al Madiq", "al-Harir", "46th Regiment"),
each within one sentence: where each starts in the report, and its ``Form`` (what its text
says, one per distinct text)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any

from ..text import Sentence
from .runs import Group
from .tokens import Token, ordinal, word

_ENDLESS = ("PART", "ORD")         # kinds a chunk does not end with
_MAX_FORMS = 50_000                # chunk forms memoised (the memo is emptied when full)
_COMMON: list[tuple[int, Form]] = []   # (as a group's chunks) they depend on the report's common words
Common = Callable[[str], bool]


class Form:
    """A run of name words as its text says: its tokens with offsets into it, where its name
    ends (before a possessive "'s"), its first word. ``cues``, ``names``: what the name in it
    is for those cues, once found (candidate.name_in)."""
    __slots__ = ("text", "toks", "end", "name_end", "first", "first_name_end", "n", "cues", "names")

    def __init__(self, text: str, toks: Sequence[Token]):
        self.text = text
        a = toks[0].start
        self.toks = tuple(Token(t.start - a, t.end - a, t.word) for t in toks)
        last = self.toks[-1]
        self.end = last.end
        self.name_end = last.end - last.word.cut
        self.first = self.toks[0].word
        self.first_name_end = self.toks[0].end - self.first.cut
        self.n = len(self.toks)
        self.cues: object = None
        self.names: Any = None


_FORMS: dict[str, Form] = {}


def form(text: str, toks: Sequence[Token] | None = None) -> Form:
    """The ``Form`` of a chunk's text (``toks``: its tokens, if known), memoised."""
    f = _FORMS.get(text)
    if f is None:
        if toks is None:
            toks = []
            a = 0
            for w in text.split(" "):
                toks.append(Token(a, a + len(w), word(w)))
                a += len(w) + 1
        if len(_FORMS) >= _MAX_FORMS:
            _FORMS.clear()
        f = _FORMS[text] = Form(text, toks)
    return f


Chunks = tuple[list[int], list[Form]]      # where each chunk starts in the report, and its form


def chunks(text: str, starts: list[int], groups: list[Group], common: Common) -> Chunks:
    """The runs of capitalised words joined by single spaces and lower-case particles
    ("Qalaat al Madiq", "al-Harir", "46th Regiment", "Shahba People's Council") of a report's
    token groups (runs.groups, ``starts``: where they begin), in text order."""
    out_starts: list[int] = []
    out_forms: list[Form] = []
    add_start, add_form = out_starts.append, out_forms.append
    for q, g in zip(starts, groups):
        found = g.chunks
        if found is None or found is _COMMON or g.toks[0].word.kind == "ORD":
            found = _found(text, q, g, common)
        for a, f in found:
            add_start(q + a)
            add_form(f)
    return out_starts, out_forms


def _found(text: str, q: int, g: Group, common: Common) -> list[tuple[int, Form]]:
    """The chunks of group ``g`` at ``q``, memoised in it unless they depend on the report's
    common words or (for a group opening with an ordinal) on the text before it."""
    first_ordinal = g.toks[0].word.kind != "ORD" or ordinal(text, q)
    memo = g.chunks if first_ordinal else g.chunks_not_ordinal
    if memo is not None and memo is not _COMMON:
        return memo
    found, asked = _chunks_of(g, first_ordinal, common)
    if memo is None:
        if first_ordinal:
            g.chunks = _COMMON if asked else found
        else:
            g.chunks_not_ordinal = _COMMON if asked else found
    return found


def _chunks_of(g: Group, first_ordinal: bool, common: Common) -> tuple[list[tuple[int, Form]], bool]:
    """The chunks of a group (offsets into it, forms), and whether the report's common words
    were asked. ``first_ordinal``: an ordinal opening the group is a token of its own (every
    other token follows a space, see tokens.ordinal)."""
    toks, text = g.toks, g.text
    out: list[list[Token]] = []
    cur: list[Token] = []
    last = len(toks) - 1
    asked = False
    for i, t in enumerate(toks):
        info = t.word
        kind = info.kind
        if kind is None:
            continue                    # LOW: the run before it is closed (not joined to it)
        nk = toks[i + 1].word.kind if i < last else None
        joined = nk is not None
        if joined and info.possessive:
            # "People's Council" is one name; "Türkiye's Operation Peace Spring" is two
            joined = text[t.end - 2] in "'’" and nk == "NAME"
            if joined:
                asked = True
                joined = common(info.folded)
        if kind == "NAME":
            cur.append(t)
        elif kind == "PART" and joined and nk == "NAME" and (cur or info.text.lower() in ("al", "el")):
            cur.append(t)
        elif kind == "ORD" and not cur and joined and nk == "NAME" and (i > 0 or first_ordinal):
            cur.append(t)
        elif not cur:
            continue
        else:
            joined = False
        if not joined or (info.possessive and nk != "NAME"):
            while cur and cur[-1].word.kind in _ENDLESS:
                cur.pop()
            if cur:
                out.append(cur)
                cur = []
    return [(c[0].start, form(text[c[0].start:c[-1].end], c)) for c in out], asked


def within(found: Chunks, text: str, sents: Sequence[Sentence]) -> Chunks:
    """``found`` chunks cut where a sentence ends. Only a cut long sentence (text.sentences) can
    end inside one, between two of its words; a word across the cut (one too long for a space
    to be found) is in neither part, and each part ends with a name word, as every chunk does."""
    starts, forms = found
    ends = [s.end for s in sents]
    n = len(ends)
    k = 0
    out_starts: list[int] = []
    out_forms: list[Form] = []
    for q, f in zip(starts, forms):
        while k < n and ends[k] <= q:
            k += 1
        if k >= n or q + f.end <= ends[k]:
            out_starts.append(q)
            out_forms.append(f)
        else:
            for part in _cut(q, f, ends, bisect_right(ends, q)):
                out_starts.append(part[0].start)
                out_forms.append(form(text[part[0].start:part[-1].end], part))
    return out_starts, out_forms


def _cut(q: int, f: Form, ends: list[int], k: int) -> list[list[Token]]:
    """The parts of the chunk at ``q`` (``f``) within the sentences from the ``k``-th on."""
    out: list[list[Token]] = []
    part: list[Token] = []
    for r in f.toks:
        t = Token(q + r.start, q + r.end, r.word)
        while k < len(ends) and t.start >= ends[k]:
            _close(part, out)
            part = []
            k += 1
        if k >= len(ends) or t.end <= ends[k]:
            part.append(t)
    _close(part, out)
    return out


def _close(part: list[Token], out: list[list[Token]]) -> None:
    while part and part[-1].word.kind in _ENDLESS:
        part.pop()
    if part:
        out.append(part)

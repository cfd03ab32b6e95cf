"""Runs of a report's tokens that may be names ("Qalaat al Madiq", "al-Harir", "46th Regiment"),
each within one sentence."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from ..text import Sentence
from .tokens import Token, ordinal

Chunk = list[Token]
_ENDLESS = ("PART", "ORD")         # kinds a chunk does not end with


def chunks(text: str, toks: list[Token], common: Callable[[str], bool]) -> list[Chunk]:
    """Runs of capitalised words joined by single spaces and lower-case particles
    ("Qalaat al Madiq", "al-Harir", "46th Regiment", "Shahba People's Council")."""
    out: list[Chunk] = []
    cur: Chunk = []
    last = len(toks) - 1
    for i, t in enumerate(toks):
        info = t.word
        kind = info.kind
        if kind is None:
            continue                    # LOW: the run before it is closed (not joined to it)
        nk = None
        joined = False
        if i < last:
            nxt = toks[i + 1]
            nk = nxt.word.kind
            e = t.end
            if nk is not None and nxt.start - e == 1 and text[e] == " ":
                # "People's Council" is one name; "Türkiye's Operation Peace Spring" is two
                joined = not info.possessive or (text[e - 2] in "'’" and nk == "NAME" and common(info.folded))
        if kind == "NAME":
            cur.append(t)
        elif kind == "PART" and joined and nk == "NAME" and (cur or info.text.lower() in ("al", "el")):
            cur.append(t)
        elif kind == "ORD" and not cur and joined and nk == "NAME" and ordinal(text, t.start):
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
    return out


def within(found: list[Chunk], sents: Sequence[Sentence]) -> list[Chunk]:
    """``found`` chunks cut where a sentence ends. Only a cut long sentence (text.sentences) can
    end inside one, between two of its words; a word across the cut (one too long for a space
    to be found) is in neither part, and each part ends with a name word, as every chunk does."""
    ends = [s.end for s in sents]
    out: list[Chunk] = []
    for ch in found:
        k = bisect_right(ends, ch[0].start)          # the sentence the chunk starts in
        if k >= len(ends) or ch[-1].end <= ends[k]:
            out.append(ch)
            continue
        part: Chunk = []
        for t in ch:
            while k < len(ends) and t.start >= ends[k]:
                _close(part, out)
                part = []
                k += 1
            if k >= len(ends) or t.end <= ends[k]:
                part.append(t)
        _close(part, out)
    return out


def _close(part: Chunk, out: list[Chunk]) -> None:
    while part and part[-1].word.kind in _ENDLESS:
        part.pop()
    if part:
        out.append(part)

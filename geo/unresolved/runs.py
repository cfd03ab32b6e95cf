"""A report's tokens in runs joined by single spaces (``groups``): a name never spans two runs,
and a run's tokens and what they say follow from its text alone (``Group``, one per distinct
text), so a report's words are read once per distinct run, not once per occurrence."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from .tokens import JOINER_LAST, RUN, Token, joiner_before, particle_words, word

_MAX_GROUPS = 50_000            # runs memoised (the memo is emptied when full)


class Group:
    """A run of tokens joined by single spaces, as its text says: the tokens with offsets into
    the run, and their counts for the Title Case test (``headline``). ``chunks``: its runs of
    name words, once found (``geo.unresolved.chunks``)."""
    __slots__ = ("text", "toks", "end", "n", "caps", "small_caps", "kinded", "chunks", "chunks_not_ordinal")

    def __init__(self, text: str):
        self.text = text
        toks: list[Token] = []
        a = 0
        for w in text.split(" "):
            b = a + len(w)
            toks.append(Token(a, b, word(w)))
            a = b + 1
        self.toks = tuple(toks)
        self.end = len(text)
        self.n = len(toks)
        self.caps = sum(t.word.capital for t in toks)
        self.small_caps = sum(t.word.small_capital for t in toks)
        self.kinded = any(t.word.kind is not None for t in toks)
        self.chunks: Any = None                 # its chunks, once found (chunks._found)
        self.chunks_not_ordinal: Any = None     # the same after an ordinal that is no token


_GROUPS: dict[str, Group] = {}


def group(text: str) -> Group:
    """The ``Group`` of a run's text, memoised."""
    g = _GROUPS.get(text)
    if g is None:
        if len(_GROUPS) >= _MAX_GROUPS:
            _GROUPS.clear()
        g = _GROUPS[text] = Group(text)
    return g


def groups(text: str) -> tuple[list[int], list[Group]]:
    """The runs of a report's tokens joined by single spaces, in text order: where each starts,
    and its ``Group``. The tokens are the capitalised words and ordinals (``tokens.RUN`` finds
    their runs), the name words that begin with a particle ("al-Harir") and the particles right
    before a name word ("Qalaat al Madiq")."""
    starts: list[int] = []
    texts: list[str] = []
    add_start, add_text = starts.append, texts.append
    extra = particle_words(text)
    joined: list[int] = []          # runs a particle may be joined to
    for m in RUN.finditer(text):
        q = m.start()
        if q >= 3 and text[q - 2] in JOINER_LAST and text[q - 1] == " ":
            joined.append(len(starts))
        add_start(q)
        add_text(m[0])
    for k in joined:
        j = joiner_before(text, starts[k])
        if j is not None and word(texts[k].split(" ", 1)[0]).kind == "NAME":
            extra.append(j)
    for t in list(extra):
        if t.word.kind == "NAME" and t.start >= 3:
            j = joiner_before(text, t.start)
            if j is not None:
                extra.append(j)
    if extra:
        starts, texts = _merged(text, starts, texts, extra)
    get = _GROUPS.get
    return starts, [get(s) or group(s) for s in texts]


def _merged(text: str, starts: list[int], texts: list[str], extra: list[Token]) -> tuple[list[int], list[str]]:
    """The runs with the other tokens (``extra``) among them, runs and tokens joined by a single
    space made one."""
    extra.sort()
    out_starts: list[int] = []
    out_texts: list[str] = []
    k, x, n, n_extra = 0, 0, len(starts), len(extra)
    while x < n_extra:
        e = extra[x]
        m = bisect_left(starts, e.start, k)
        a = e.start
        if m > k and starts[m - 1] + len(texts[m - 1]) + 1 == a and text[a - 1] == " ":
            m -= 1                              # the run before it joins it
            a = starts[m]
        out_starts += starts[k:m]
        out_texts += texts[k:m]
        k = m + 1 if a < e.start else m
        b = e.end
        x += 1
        while True:                             # and the runs and tokens after it
            if k < n and starts[k] == b + 1 and text[b] == " ":
                b = starts[k] + len(texts[k])
                k += 1
            elif x < n_extra and extra[x].start == b + 1 and text[b] == " ":
                b = extra[x].end
                x += 1
            else:
                break
        out_starts.append(a)
        out_texts.append(text[a:b])
    out_starts += starts[k:]
    out_texts += texts[k:]
    return out_starts, out_texts

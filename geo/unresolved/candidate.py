"""A run of capitalised words that is no gazetteer name made into a ``Unit``: trimmed to the
name (``name_in``, from its words alone), with its own cues (a feature word, a prefix) and its
vetoes (a person, an organisation, a common word, a skip name: ``candidate``)."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..text import DASHES
from .chunks import Chunk
from .context import Context
from .forms import fold
from .shape import Shape, shape_of
from .surroundings import WINDOW, before
from .units import Unit
from .vocabulary import AFTER_FEATURE, AFTER_ORG, AFTER_PLURAL, Cues

_NO_WORDS = re.compile(r"[\W\d_]*")                                 # "15:25 – " before a sentence's words
_OPENERS = frozenset(":;\"“([" + DASHES)                            # a quote or a clause opens


class _After(NamedTuple):
    """What the text right after a candidate says (Cues.after_name)."""
    feature: re.Match[str] | None   # a singular feature word ("the al-Harir base"), as matched
    plural: bool                    # a plural one ("the A and B districts")
    org: bool                       # an organisation word ("the Nujabaa movement")


_NOTHING_AFTER = _After(None, False, False)


class Name(NamedTuple):
    """The name a run of capitalised words holds, read from its words alone (``name_in``).
    ``vetoed``: it is no place whatever surrounds it (too short, a skip name, a gazetteer name,
    no word of its own), so its surroundings need not be read."""
    a: int            # where it starts in the sentence
    shape: Shape
    vetoed: bool


def name_in(text: str, ch: Chunk, s0: int, ctx: Context) -> Name | None:
    """The name in a run of capitalised words that is no gazetteer name (``text``: its sentence,
    at ``s0`` in the report), trimmed and shaped; None when no name is left in it ("The",
    "Syrian" opening a sentence). It reads no lower-case text: a sentence with no name is not
    lowered."""
    i = _name_start(text, ch, s0, ctx)
    if i is None:
        return None
    a = ch[i].start - s0
    shape = shape_of(ctx.cues, ch[i:], text[a:ch[-1].name_end - s0])
    vetoed = shape.vetoed or shape.key in ctx.index or not (shape.content_plain or shape.content_common)
    return Name(a, shape, vetoed)


def candidate(text: str, low: str | None, name: Name, ctx: Context) -> Unit:
    """A name that is no gazetteer name as a ``Unit``: its own cues (feature, prefix) and its
    vetoes (``low``: the sentence ``text`` in lower case, not read when the name is vetoed)."""
    cues = ctx.cues
    a, shape, _ = name
    b = a + shape.length
    if name.vetoed:
        # vetoed whatever follows it: its extent is found if _groups needs it
        u = Unit(a, b, -1, -1, possessive=shape.possessive)
        u.vetoed = True
        return u
    assert low is not None
    own: set[str] = {"feature"} if shape.area else set()
    # feature_after, plural_after and org_after all begin with \s+
    after = _after(low, b, cues) if not shape.possessive and low[b:b + 1].isspace() else _NOTHING_AFTER
    f = after.feature
    site_after = f is not None and fold(f.group("feature_word")) in cues.sites     # "the al-Harir base"
    if shape.site_inside or f or after.plural:
        own.add("feature")
    if shape.prefix:
        own.add("prefix")
    u = Unit(a, b, -1, f.end("feature") if f else b, own=own, possessive=shape.possessive)
    if f is None:
        u.plural = after.plural
    u.vetoed = _vetoed(text, low, u, shape, after, site_after, cues)
    u.person_shaped = not own and shape.person
    return u


def _name_start(text: str, ch: Chunk, s0: int, ctx: Context) -> int | None:
    """Where the name begins in the chunk, past leading words that are not part of it: "The",
    "Syrian", "After" opening a sentence; but a place-name prefix stays ("Mount Hermon"). None:
    no name is left."""
    cues = ctx.cues
    n = len(ch)
    i = 0
    while i < n:
        info = ch[i].word
        if info.kind != "NAME":
            break
        w = info.folded
        if w in cues.prefixes and sum(t.word.kind == "NAME" for t in ch[i:]) >= 2:
            break
        if w in cues.skip_words:
            pass
        elif i > 0:
            break
        else:
            a = ch[0].start - s0            # a word right before it: not at the start (_at_start)
            if (a >= 2 and text[a - 1] == " " and text[a - 2].isalpha()) or not (
                    _at_start(text, a) and ctx.common(w)):
                break
        i += 1
        while i < n and ch[i].word.kind == "PART":
            i += 1
    if i == n or (i > 0 and all(t.word.kind != "NAME" for t in ch[i:])):
        return None
    return i


def _after(low: str, b: int, cues: Cues) -> _After:
    """The feature, plural feature and organisation words right after a name ending at ``b``."""
    m = cues.after_name.match(low, b)
    assert m is not None                    # (each of its lookaheads may match nothing)
    regs = m.regs
    return _After(m if regs[AFTER_FEATURE][0] >= 0 else None, regs[AFTER_PLURAL][0] >= 0, regs[AFTER_ORG][0] >= 0)


def _vetoed(text: str, low: str, u: Unit, shape: Shape, after: _After, site_after: bool, cues: Cues) -> bool:
    """Is the candidate ``u`` no place: a common word, a person, an organisation?"""
    site = shape.site_inside or site_after
    if (not (shape.content_plain if site else shape.content_common)
            or (shape.stopword and not site)
            or (shape.org_word and not site_after)                          # but "the 46th Regiment base"
            or (shape.given and not u.own)                                  # "Hassan Abdulghani"
            or (shape.kunya and not site)                                   # "Abu Mohammed", "Umm Khaled"
            or (after.feature is None and after.org)):                      # "the Nujabaa movement"
        return True
    u.cue_before = before(low[max(0, u.a - WINDOW):u.a], cues)
    if u.cue_before in ("title", "source"):                                 # "commander Mazloum Abdi",
        return True
    if shape.orgs and cues.orgs is not None:
        # in a name of organisations.txt (which shares a word with it)
        lo, hi = max(0, u.a - cues.org_length), min(len(text), u.b + cues.org_length)
        return any(m.start() < u.b and m.end() > u.a for m in cues.orgs.finditer(text, lo, hi))
    return False


def _at_start(text: str, a: int) -> bool:
    """Only non-words before ``a`` ("15:25 – "), or a quote or a clause opening right before."""
    if _NO_WORDS.fullmatch(text, 0, a) is not None:
        return True
    while a > 0 and text[a - 1].isspace():
        a -= 1
    return a > 0 and text[a - 1] in _OPENERS

"""A run of capitalised words that is no gazetteer name made into a ``Unit``: trimmed to the
name (``name_in``, from its words alone), with its own cues (a feature word, a prefix) and its
vetoes (a person, an organisation, a common word, a skip name: ``candidate``)."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..text import DASHES
from .chunks import Form
from .context import Context
from .forms import fold
from .shape import Shape, shape_of
from .surroundings import WINDOW, before
from .units import Unit
from .vocabulary import AFTER_FEATURE, AFTER_ORG, AFTER_PLURAL, Cues

_NO_WORDS = re.compile(r"[\W\d_]*")                                 # "15:25 – " before a sentence's words
_SPACES = re.compile(r"\s+")
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


_Found = tuple[int, Shape, bool] | None     # a name in a form: its offset, shape, veto (not by the gazetteer)


class Names(NamedTuple):
    """The name in a chunk's ``Form``, for a set of cues: ``when_dropped`` if its first word is
    dropped where it stands (``asks``: that depends on where the chunk stands), else ``kept``."""
    asks: bool
    kept: _Found
    when_dropped: _Found


def name_in(text: str, q: int, f: Form, s0: int, ctx: Context) -> Name | None:
    """The name in a run of capitalised words that is no gazetteer name (``f`` at ``q`` in the
    report; ``text``: its sentence, at ``s0``), trimmed and shaped; None when no name is left in
    it ("The", "Syrian" opening a sentence). It reads no lower-case text: a sentence with no
    name is not lowered."""
    names = f.names if f.cues is ctx.cues else names_of(f, ctx.cues)
    found = names.kept
    if names.asks:
        # a word opening a sentence is dropped when the report writes it in lower case ("After")
        a = q - s0
        if not (a >= 2 and text[a - 1] == " " and text[a - 2].isalpha()) and _at_start(text, a) and ctx.common(
                f.first.folded):
            found = names.when_dropped
    if found is None:
        return None
    at, shape, vetoed = found
    return Name(q - s0 + at, shape, vetoed or shape.key in ctx.index)


def names_of(f: Form, cues: Cues) -> Names:
    """The name in a form with either answer to whether its first word may be dropped, kept
    in the form (``f.names``, for ``f.cues``)."""
    kept, asks = _name_start(f, cues, False)
    dropped = _name_start(f, cues, True)[0] if asks else kept
    f.names = Names(asks, _found(f, kept, cues), _found(f, dropped, cues))
    f.cues = cues
    return f.names


def _found(f: Form, i: int | None, cues: Cues) -> _Found:
    if i is None:
        return None
    toks = f.toks
    a = toks[i].start
    shape = shape_of(cues, list(toks[i:]), f.text[a:f.name_end])
    return a, shape, shape.vetoed or not (shape.content_plain or shape.content_common)


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


def _name_start(f: Form, cues: Cues, drop: bool) -> tuple[int | None, bool]:
    """Where the name begins in the chunk, past leading words that are not part of it: "The",
    "Syrian", "After" opening a sentence; but a place-name prefix stays ("Mount Hermon"). None:
    no name is left. ``drop``: a first word that is no skip word is dropped (a common word
    opening a sentence); and whether that was asked."""
    toks = f.toks
    n = len(toks)
    i = 0
    asks = False
    while i < n:
        info = toks[i].word
        if info.kind != "NAME":
            break
        w = info.folded
        if w in cues.prefixes and sum(t.word.kind == "NAME" for t in toks[i:]) >= 2:
            break
        if w in cues.skip_words:
            pass
        elif i > 0:
            break
        else:
            asks = True
            if not drop:
                break
        i += 1
        while i < n and toks[i].word.kind == "PART":
            i += 1
    if i == n or (i > 0 and all(t.word.kind != "NAME" for t in toks[i:])):
        return None, asks
    return i, asks


def _after(low: str, b: int, cues: Cues) -> _After:
    """The feature, plural feature and organisation words right after a name ending at ``b``."""
    firsts = cues.after_firsts
    if firsts is not None:
        sp = _SPACES.match(low, b)
        j = sp.end() if sp is not None else b
        words = firsts.get(low[j:j + 1])
        if words is None or not low.startswith(words, j):
            return _NOTHING_AFTER       # (each of after_name's phrases begins with one of them)
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
    if a == 0 or _NO_WORDS.fullmatch(text, 0, a) is not None:
        return True
    while a > 0 and text[a - 1].isspace():
        a -= 1
    return a > 0 and text[a - 1] in _OPENERS

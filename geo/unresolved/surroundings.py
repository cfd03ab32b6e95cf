"""The cues in the text around a name: the words before it ("the villages of", "entered",
"near", "according to", "commander") and the text after it (a passive, an apposition, a
direction, a plural feature word, speech)."""

from __future__ import annotations

import re

from .records import RANK
from .units import Unit
from .vocabulary import Cues

WINDOW = 120          # characters of context looked at around a name (cues are short phrases)
_INTRODUCER_WORDS = 4  # an introducer's last word is among this many words before a name
_NUMBERED = re.compile(r"\(\d+\)")                               # "(3)" in a numbered list
_DETERMINERS = frozenset("the a an both its their".split())
_DIRECTIONS = frozenset(f"{a}{sep}{b}{ern}" for a in ("north", "south") for b in ("", "east", "west")
                        for sep in (("",) if not b else ("", "-")) for ern in ("", "ern")) | \
    frozenset(f"{a}{ern}" for a in ("east", "west") for ern in ("", "ern"))


def before(text: str, cues: Cues) -> str:
    """The cue that the lower-cased text before a name ends with: "noun" ("the villages of",
    "west of"), "verb" ("pulled out of", "captured the"), "spatial" ("near"), "weak" ("in"),
    "source" ("according to"), "title" ("commander"), or ""."""
    if not text[-1:].isspace():
        return ""                                   # '"Hama', "(Hama": no cue
    words = text[-WINDOW:].rsplit(None, cues.before_words)      # the last words are enough
    if len(words) > cues.before_words:
        del words[0]
    if cues.title_phrases.ends(words):
        return "title"
    num = det = direction = False
    if words and _NUMBERED.fullmatch(words[-1]):
        words, num = words[:-1], True               # "(3) "
    if words and words[-1] in _DIRECTIONS:
        words, direction = words[:-1], True         # "northern "
    if words and words[-1] in _DETERMINERS:
        words, det = words[:-1], True               # "the "
    if words and words[-1] == "of" and cues.nouns.ends(words[:-1]):
        return "noun"
    if cues.verbs.ends(words):
        return "verb"
    if not num and cues.spatial.ends(words):
        return "spatial"
    if not num and not direction and (cues.sources.ends(words) or (
            len(words) >= 2 and words[-1] in cues.speech_words and words[-2][-1] in ",\"”’'")):
        return "source"                             # 'according to X', '"...," said X'
    if not num and not det and cues.weak.ends(words):
        return "weak"
    return ""


def read_around(u: Unit, low: str, cues: Cues) -> None:
    """The cues before and after a unit. A name in the possessive is a modifier ("Hama's
    outskirts"): what comes before it is not about it."""
    u.checked = True
    if not u.possessive:
        _read_before(u, low, cues)
    after = low[u.ext_b:u.ext_b + WINDOW]
    c = after[:1]
    if c.isspace() or c == ",":             # each cue after a name begins with a space or a comma
        # (cues.among, slow to fail, holds the word "among": the cheap test first)
        if cues.passive.match(after) or ("among" in after and cues.among.match(after)):
            u.after.add("passive")
        if cues.apposition.match(after):
            u.after.add("apposition")
        if cues.direction.match(after):
            u.after.add("direction")
        plural = (cues.plural_after.match(low, u.ext_b) is not None) if u.plural is None else u.plural
        if plural:
            u.after.add("feature")          # "the Hamdaniya and New Aleppo districts"
        # "X said", "X, the group's spokesman": a person or an organisation speaking; but in
        # "residents of X said" the speakers are the residents
        if not u.known and not u.own and "noun" not in u.before and (
                cues.speech.match(after) or cues.title_after.match(after)):
            u.vetoed = True


def _read_before(u: Unit, low: str, cues: Cues) -> None:
    """The cues before a unit: a phrase it ends with, an introducer after a plural place noun."""
    text = low[max(0, u.a - WINDOW):u.a]
    kind = before(text, cues) if u.cue_before is None else u.cue_before
    if kind in RANK:
        u.before.add(kind)
    ends = cues.introducer_ends
    if ends is None or ":" in text or _ends_with(text.rsplit(None, _INTRODUCER_WORDS)[-_INTRODUCER_WORDS:], ends):
        m = cues.introducer.search(text)
        if m and cues.plural_place.search(low[:u.a - len(text) + m.start()]):
            u.before.add("introducer")  # "ten districts, among them X"; "the following areas: (1) X"


def _ends_with(words: list[str], ends: tuple[str, ...]) -> bool:
    """Does one of ``words`` end with one of ``ends``?"""
    for w in words:
        if w.endswith(ends):
            return True
    return False

"""What a candidate name's own words say, whatever surrounds them (``Shape``): the name without
trailing area words, its key, its vetoes and cues of its own."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from ..text import DASHES, name_key
from .forms import MIN_KEY
from .tokens import Token
from .vocabulary import Cues

_MAX_SHAPES = 50_000            # shapes memoised per vocabulary and possessive (emptied when full)
_PERSON_MIN, _PERSON_MAX = 2, 3   # words of a name shaped like a person's ("Walid Hasso")


class Shape(NamedTuple):
    length: int            # the name's length, without trailing area words and a possessive
    key: str               # its name_key
    possessive: bool       # its last word ends with "'s"
    area: bool             # an area word was dropped from its end ("Idlib Province")
    site_inside: bool      # a site word is in it ("Umayyad Square")
    prefix: bool           # it opens with a place-name prefix ("Jabal Kafra")
    content_plain: bool    # a word of its own is not plain (not a skip word, opener, generic, title, ...)
    content_common: bool   # a word of its own is not common
    org_word: bool         # a capitalised organisation word is in it ("Forces", "Liwa")
    given: bool            # it opens with a given name ("Hassan Abdulghani")
    kunya: bool            # it opens with a kunya and a given name ("Abu Mohammed")
    vetoed: bool           # too short, a skip name, or with a title in it
    stopword: bool         # one word, a GeoNames stopword
    orgs: bool             # it shares a word with a name of organisations.txt
    person: bool           # two or three name words without dashes


@cache
def _memo(cues: Cues) -> tuple[dict[str, Shape], dict[str, Shape]]:
    """The shapes found with ``cues``: of names not ending, and ending, with a possessive."""
    return {}, {}


def shape_of(cues: Cues, toks: list[Token], name: str) -> Shape:
    """The shape of the candidate made of ``toks`` (``name``: the text they span), memoised by
    whether its last word is possessive and ``name``, which determine it."""
    shapes = _memo(cues)[toks[-1].word.possessive]
    found = shapes.get(name)
    if found is None:
        if len(shapes) >= _MAX_SHAPES:
            shapes.clear()
        found = shapes[name] = _shape(cues, toks, name)
    return found


def _shape(cues: Cues, toks: list[Token], name: str) -> Shape:
    """What a candidate's words say whatever surrounds them."""
    toks = list(toks)
    words = [t.word.folded for t in toks]
    area = False
    # a capitalised area word ending the name is dropped from it ("Idlib Province", "Shehba Region")
    while (len(toks) > 1 and toks[-1].word.kind == "NAME" and words[-1] in cues.areas
           and words[-1] not in cues.org_words                             # "al-Nusra Front"
           and any(w not in cues.prefixes and w not in cues.common for w in words[:-1])):
        toks.pop(), words.pop()
        area = True
    length = toks[-1].name_end - toks[0].start
    key = name_key(name[:length])
    name_words = [w for w, t in zip(words, toks) if t.word.kind != "PART"]
    site_inside = not cues.site_words.isdisjoint(name_words[1:])          # "Umayyad Square"
    prefix = len(name_words) >= 2 and name_words[0] in cues.prefixes
    # a name needs a word of its own; before a site word a common one will do ("Freedom Square")
    own_words = [w for w in name_words if w not in cues.site_words and w not in cues.areas]
    content_plain = not cues.plain.issuperset(own_words)
    content_common = not cues.common.issuperset(own_words)
    org_word = any(w in cues.org_words for w, t in zip(words, toks) if t.word.text[0].isupper())
    given = len(name_words) >= 2 and name_words[0] in cues.given                 # "Hassan Abdulghani"
    kunya = len(name_words) >= 2 and name_words[0] in cues.kunyas and name_words[1] in cues.given
    vetoed = (len(key) < MIN_KEY or key in cues.skip
              or cues.title_inside.match(" ".join(words)) is not None)       # "Foreign Minister Sergei Lavrov"
    stopword = len(name_words) == 1 and key in cues.stopwords
    orgs = cues.orgs is not None and not cues.org_vocab.isdisjoint(p for w in words for p in w.split())
    person = (_PERSON_MIN <= len(toks) <= _PERSON_MAX and all(t.word.kind == "NAME" for t in toks)
              and not any(c in DASHES for t in toks for c in t.word.text))
    return Shape(length, key, toks[-1].word.possessive, area, site_inside, prefix, content_plain, content_common,
                 org_word, given, kunya, vetoed, stopword, orgs, person)

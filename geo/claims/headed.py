"""Holdings listed under a heading that names a force and says it holds what follows:

    SDF holds:
    - Sheikh Maqsoud district of Aleppo.
    - Manbij.

(a map desk's note, a factbox). Each item line is that force's hold on the first place it names.
The heading's verbs are claims.toml's ``grammar.heading_verbs``; an item is a line opened by a
bullet, and the list ends at the first line that is not one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

from ..model import Mention
from ..text import normalize
from .vocabulary import ClaimVocabulary

_BULLET = re.compile(r"[ \t]*(?:[-*\u2022\u2013]|\d{1,2}[.)])[ \t]+\S")
HEADING_CHARS = 100   # a heading longer than this is a sentence, not a heading


class Holding(NamedTuple):
    """One item under a heading: the force, the place, the heading's verb, the item's line and where it starts."""
    actor: str
    mention: Mention
    verb: str
    line: str
    start: int


def holdings(text: str, mentions: list[Mention], vocab: ClaimVocabulary) -> Iterator[Holding]:
    """The items of every heading "<force> <verb>:" in ``text``, each with the first place
    (a mention read as a place) of its line."""
    places = sorted((m for m in mentions if m.role == "place"), key=lambda m: m.start)
    starts = [m.start for m in places]
    heading = vocab.rx_heading
    actor: str | None = None
    verb = ""
    at = 0
    for line in text.splitlines(keepends=True):
        start, at = at, at + len(line)
        body = line.strip()
        if not body:
            continue
        m = heading.fullmatch(normalize(body)) if len(body) <= HEADING_CHARS and body.endswith(":") else None
        if m is not None:
            named = next((n.actor for n in vocab.actor_names(" " + m.group("force") + " ") if n.actor), None)
            actor, verb = named, body[m.start("verb"):m.end("verb")]
            continue
        if actor is None or not _BULLET.match(line):
            actor = None   # the list ends at the first line that is no item
            continue
        k = bisect.bisect_left(starts, start)
        if k < len(places) and places[k].end <= at:
            yield Holding(actor, places[k], verb, body, start)


_SEPARATORS = re.compile(r"[\s,;&/|]+|\band\b", re.I)


def place_heading(text: str, spans: list[tuple[int, int]]) -> bool:
    """A line that is nothing but the places at ``spans`` (and commas, "and"): a factbox's section
    heading ("MAARAT AL-NUMAN, KHAN SHEIKHOUN") for the bullet lines under it."""
    if not spans or len(text) > HEADING_CHARS or _BULLET.match(text):
        return False
    rest, last = [], 0
    for a, b in sorted(spans):
        rest.append(text[last:a])
        last = b
    rest.append(text[last:])
    return not _SEPARATORS.sub("", "".join(rest)).strip(" .:-\u2013\u2014")


def bullet(text: str) -> bool:
    """The line is a list item opened by a bullet ("* Rebels entered ...")."""
    return _BULLET.match(text) is not None

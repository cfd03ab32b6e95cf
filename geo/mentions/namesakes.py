"""A name placed in another country is another place of that name: "Ashrafieh in Beirut" and
"Beirut's Ashrafieh" are not Aleppo's al-Ashrafiyah.

Only what the sentence itself says counts: the name right before "in <place>", or right after
"<place>'s", where both entries name their country and the two differ. (Not "X, <country>": in a
list of names, "Moscow, Syria and Iraq", that places nothing.)"""

from __future__ import annotations

import re

from ..gazetteer import Gazetteer
from ..model import Mention
from .metonymy import PLACE

SETTLEMENT_KINDS = frozenset({"city", "town", "village", "area"})   # what a namesake may be
LOCATING_KINDS = frozenset({"city", "town", "country"})             # what may place it
_IN = re.compile(r"\s+in\s+(?:the\s+)?\Z")
_OWNER = re.compile(r"['\u2019]s?\s+\Z")


def drop_namesakes(found: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """``found`` (in text order) without the mentions that the text places in another country."""
    entries = gaz.entries
    places = [m for m in found if m.role == PLACE]
    other: set[int] = set()
    for a, b in zip(places, places[1:]):
        ea, eb = entries[a.place_id], entries[b.place_id]
        if not (ea.country and eb.country and ea.country != eb.country) or a.end > b.start:
            continue
        gap = text[a.end:b.start]
        if ea.kind in SETTLEMENT_KINDS and eb.kind in LOCATING_KINDS and _IN.fullmatch(gap):
            other.add(id(a))   # "Ashrafieh in Beirut"
        elif eb.kind in SETTLEMENT_KINDS and ea.kind in LOCATING_KINDS and _OWNER.fullmatch(gap):
            other.add(id(b))   # "Beirut's Ashrafieh"
    return [m for m in found if id(m) not in other] if other else found

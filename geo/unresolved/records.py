"""An occurrence of a name the gazetteer lacks (``Unresolved``), and the cues that list one,
ranked."""

from __future__ import annotations

from dataclasses import dataclass

# Why a name looks like a place, strongest first; a name's example sentence shows its strongest.
RANK = {"feature": 0, "prefix": 0, "noun": 0, "apposition": 0, "claim": 1, "verb": 1, "passive": 1,
        "direction": 1, "introducer": 1, "spatial": 1, "list": 2, "weak": 3, "list-known": 3,
        "dateline": 4, "repeat": 5}
WEAK = frozenset({"weak", "list-known", "dateline", "repeat"})
CUE_ORDER = {k: (r, k) for k, r in RANK.items()}    # strongest first, then by name


@dataclass(frozen=True, slots=True)   # slots: a huge report has many
class Unresolved:
    name: str
    article: str
    sentence: str
    start: int = 0      # the name's offsets in report.text
    end: int = 0
    cue: str = ""       # why it looks like a place: a key of RANK
    claims: tuple[str, ...] = ()   # control claims made about the name here ("opposition captured (outlet)")
    sentence_start: int = -1       # where ``sentence`` starts in report.text (-1: not known)

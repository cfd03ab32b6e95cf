"""What carries from one sentence of a report to the next: the speakers, the forces named (for
"its units", "the same factions", "they") and the agent of the last claim."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from ..text import name_key

REMEMBERED_SPEAKERS = 20   # sentences with a speaker kept for "the ministry", "it"
REMEMBERED_FORCES = 12     # forces kept for "they", "its units"
REMEMBERED_ATTACKS = 200   # claims of gain or hold kept, for a taker a report leaves unsaid ("Hama fell")
ATTACKER_KM = 100.0   # ... who must have acted this close to the place
ATTACKING = frozenset({"gain", "presence", "approach", "fighting", "hold"})   # the effects of those claims
THE_ARMY = "the army"   # (as a name's key)
NO_ACTOR = "?"   # a force remembered that is none of the actors (Hezbollah, the Lebanese army): "its fighters" claim nothing


def named_as_army(phrase: str) -> bool:
    """A force phrase with the word "army" in it ("Syrian National Army units"), for "the army" later."""
    return "army" in phrase.split(" ")


class ForceRef(NamedTuple):
    """A force named, as an anaphor may refer back to it."""
    actor: str    # actor id
    plural: bool  # named in the plural ("rebels")
    head: str     # the name's last word ("factions"), for "the factions"
    they: bool = False   # a name in the sentence that "they" after it may stand for ("the SDF say they")
    army: bool = False   # named as an army ("Syrian National Army units"), for "the army" later


class LastAgent(NamedTuple):
    actor: str     # actor id of the last claim's agent
    sentence: int  # the sentence it was in
    effect: str = ""   # what that claim meant for control (claims.toml): gain, hold, loss ...


class Said(NamedTuple):
    """A sentence with a speaker, not yet read for who it is."""
    text: str
    norm: str


@dataclass
class Discourse:
    """The state of reading one report, carried from sentence to sentence."""
    read_speaker: Callable[[str, str], str | None]   # the first speaker a sentence names (text, norm)
    last_speaker_nouns: frozenset[str]   # "the statement": the last speaker, whoever it was
    claimants: list[Said | str | None] = field(default_factory=list)   # each sentence with a speaker, read or not
    forces: list[ForceRef] = field(default_factory=list)   # in order of mention
    agent: LastAgent | None = None
    places: tuple = ()   # the mentions of that claim's places ("... took A, B and C. All three ...")
    attacks: list[tuple[str, str]] = field(default_factory=list)   # (force, place id) of the last claims of gain or hold
    armies: frozenset[str] = frozenset()   # the outlet's press's own and allied forces (a Turkish daily: Turkey, the SNA)

    def attacked(self, attacks: list[tuple[str, str]]) -> None:
        """Remember claims (force, place id) of a force taking, entering, nearing, fighting for or holding a place."""
        self.attacks += attacks
        if len(self.attacks) > 2 * REMEMBERED_ATTACKS:
            del self.attacks[:-REMEMBERED_ATTACKS]

    def attacker(self, places: tuple[str, ...], entries: Mapping) -> str | None:
        """The force the report follows near ``places``: the one it has most often said took,
        entered, neared, fought for or held a place (of equals, the one said last), when one of
        those places is within ``ATTACKER_KM`` of one of ``places``; else None (the report
        follows that force on another front)."""
        count: dict[str, int] = {}
        for actor, _ in self.attacks:
            count[actor] = count.pop(actor, 0) + 1
        if not count:
            return None
        main = max(reversed(list(count)), key=count.__getitem__)
        here = [entries[p] for p in places if p in entries]
        return main if any(actor == main and place_id in entries and any(km(entries[place_id], h) <= ATTACKER_KM
                                                                          for h in here)
                           for actor, place_id in self.attacks) else None

    def said(self, sentence: Said | None) -> None:
        if sentence is not None:
            self.claimants = (self.claimants + [sentence])[-REMEMBERED_SPEAKERS:]

    def named(self, forces: list[ForceRef]) -> None:
        """Remember the forces a sentence named."""
        self.forces = (self.forces + forces)[-REMEMBERED_FORCES:]

    def speaker(self, k: int) -> str | None:
        """The speaker of the k-th remembered sentence (read from its text the first time)."""
        c = self.claimants[k]
        if isinstance(c, Said):
            c = self.claimants[k] = self.read_speaker(c.text, c.norm)
        return c

    def last_speaker(self, keep: Callable[[str], bool]) -> str | None:
        """The last speaker named for whom ``keep`` holds (one on a force's side, say)."""
        for k in range(len(self.claimants) - 1, -1, -1):
            c = self.speaker(k)
            if c and keep(c):
                return c
        return None

    @property
    def claimant(self) -> str | None:
        """The last speaker named."""
        for k in range(len(self.claimants) - 1, -1, -1):
            c = self.speaker(k)
            if c:
                return c
        return None

    def earlier(self, phrase: str) -> str | None:
        """The speaker a phrase such as "the ministry" or "it" refers to: the last speaker whose
        name ends with the same noun, else the last speaker."""
        words = name_key(phrase).split(" ")
        head = words[-1]
        for k in range(len(self.claimants) - 1, -1, -1):
            c = self.speaker(k)
            if c and head in name_key(c).split(" ") and name_key(c) != name_key(phrase):
                return c
        if len(words) == 1 or head in self.last_speaker_nouns:
            return self.claimant   # "it", "the statement": the last speaker
        return phrase              # "the monitor" with no monitor named before: as written

    def named_before(self, surname: str) -> str | None:
        """The last speaker whose name (before any appositive) ends with ``surname``'s last word."""
        last = name_key(surname).split(" ")[-1]
        for k in range(len(self.claimants) - 1, -1, -1):
            c = self.speaker(k)
            if c and name_key(c.partition(", ")[0]).split(" ")[-1] == last and name_key(c) != name_key(surname):
                return c
        return None

    def army(self, before: list[ForceRef], actor: str | None) -> str | None:
        """What "the army" (``actor``'s name) stands for: in the press of a force, the last force
        named as an army when it is that force or its ally ("the Syrian National Army ... The army
        also took X": the SNA in the Turkish press, which calls Assad's army "regime forces");
        elsewhere ``actor``'s army."""
        last = next((f.actor for f in reversed(self.forces + before) if f.army), actor)
        return last if last in self.armies else actor

    def resolve(self, number: str, before: list[ForceRef], head: str = "") -> str | None:
        """The force an anaphor stands for: the last one named with the same noun ("armed
        groups" ... "the groups"), else the last one named agreeing in number when the anaphor
        fixes it; in this sentence before it, then earlier."""
        named = self.forces + before
        if head and number in ("head", "any"):
            for f in reversed(named):
                if f.head == head:
                    return f.actor
        if number == "head":   # "the fighters": only the same noun, else the noun's default
            return None
        if number == "any" and head.endswith("s"):   # "these groups": a force named in the plural first (not "the army")
            got = next((f.actor for f in reversed(named) if f.plural), None)
            if got is not None:
                return got
        if number == "pl" and before and before[-1].they and not any(f.plural for f in before):
            return before[-1].actor   # "the Syrian Democratic Forces have kept X, which they have held": a name before it
        for f in reversed(named):
            if number == "any" or (number == "pl") == f.plural:
                return f.actor
        return None


def km(a, b) -> float:
    """The distance between two gazetteer entries (equirectangular: exact enough at this scale)."""
    dy = math.radians(a.lat - b.lat)
    dx = math.radians(a.lon - b.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dx, dy)

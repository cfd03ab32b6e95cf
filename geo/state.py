"""Who holds each place, as of each day, derived from the claims made up to that day.

Nothing here is stored as fact: every state is recomputed from the claims, and each names the
claims it rests on. The rules (documented in the README, settings in ``[state]`` of
``claims.toml``):

1. **Recent claims decide.** As of a day, a place's state comes from its *recent* claims: those
   dated within ``recent_days`` of its newest claim up to that day (2: that day and the one
   before). Older claims no longer count, except that a controller nobody has contradicted since
   stays the controller.
2. **Later news supersedes earlier news.** Within the recent claims, a force said to have taken a
   place (gain) cancels earlier claims that another force held, defended, took or was present
   there; a force said to have withdrawn (loss) cancels its own earlier claims of holding; a force
   said to hold or take it again cancels its own earlier loss. Claims of the same day stand side
   by side.
3. **Weights.** Each remaining claim that a force holds, took or defended the place counts 1 for
   that force; a loss counts 1 against it. An admission (a side conceding against itself) counts
   ``admission_weight`` (3); a hedged claim ("reportedly") counts ``hedged_weight`` (0.5) times.
4. **Held, contested, presence.** One force with support holds the place. Several: the first holds
   it (marked disputed) when its support is at least ``dominance`` (3) times the others' together;
   otherwise the place is contested. Another force said, without a hedge, to be inside or fighting
   there (entered, clashes) makes a held place contested too; one advancing on it does not, and
   neither does a force only its own side places there when the hold has high confidence (below):
   the place stays held, marked disputed. With
   no support at all, a controller from before stays unless it is said to have lost the place;
   otherwise forces said to be there or close give "presence" (two forces inside: contested), and
   a loss with no one named gives "unclear".
5. **Since** is the first day of the current state; **confidence** (of a held place) comes from
   the claims that agree with it: high with two or more outlets and either two claimant sides or
   an admission; medium with two outlets, two sides or an admission; low otherwise (one source,
   only hedged claims, or disputed). A hold disputed only by the other force's own word is at
   most medium.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from . import vocab as vocab_mod
from .errors import VocabularyError

POSITIVE = ("gain", "hold", "defence")
PRESENT = ("presence", "fighting")
NEAR = PRESENT + ("approach",)   # said to be there or close: a state of "presence" when no one holds it


@dataclass(frozen=True)
class StateRules:
    recent_days: int = 2
    admission_weight: float = 3.0
    hedged_weight: float = 0.5
    dominance: float = 3.0

    @classmethod
    def from_table(cls, table: dict, path: Path) -> StateRules:
        """The ``[state]`` table of claims.toml, checked (unknown key, wrong type or range: the
        file, line and value in one line)."""
        out = {}
        for key, value in table.items():
            default = cls.__dataclass_fields__.get(key)
            if default is None:
                raise VocabularyError(f"{vocab_mod.where(path, key)}: unknown key {key!r} in [state] "
                                      f"(expected one of: {', '.join(cls.__dataclass_fields__)})")
            ok = (isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 366
                  if key == "recent_days" else
                  isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value <= 100)
            if not ok:
                want = "a whole number of days from 1 to 366" if key == "recent_days" else "a number above 0 and up to 100"
                raise VocabularyError(f"{vocab_mod.where(path, key)}: [state] {key} = {value!r}; expected {want}")
            out[key] = value
        return cls(**out)


@dataclass(frozen=True)
class PlaceState:
    place_id: str
    date: str                   # the day of the newest claim this state is derived from
    state: str                  # "held" | "contested" | "presence" | "unclear"
    controller: str             # the force said to hold it ("" unless held)
    actors: tuple[str, ...]     # the forces in the current state, strongest first
    since: str                  # first day of the current state
    disputed: bool              # held, but another force is also said to hold it
    confidence: str             # "high" | "medium" | "low" for a held place, else ""
    outlets: int                # distinct outlets among the claims that agree with the state
    sides: int                  # distinct claimant sides among them
    admissions: int             # admissions among them
    basis: tuple                # the recent claims the state rests on (Claim), newest first
    claim_count: int            # claims about the place up to ``date``
    previous: str = ""          # the state before, as "held:army", "contested", ... ("" if none)
    previous_date: str = ""     # the last day of claims that gave the state before

    @property
    def latest_date(self) -> str:
        return self.date

    @property
    def presence_only(self) -> bool:
        return self.state == "presence"

    @property
    def key(self) -> str:
        return f"held:{self.controller}" if self.state == "held" else self.state


@dataclass(frozen=True)
class Change:
    date: str
    place_id: str
    before: str      # PlaceState.key before ("" when the place had no claims)
    after: str       # PlaceState.key after
    state: PlaceState


def _day(iso: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return None


def _order(c) -> tuple:
    return (c.date, c.article, c.start, c.actor, c.status)


def timelines(claims, rules: StateRules = StateRules()) -> dict[str, list[PlaceState]]:
    """For each place, its state on each day it has claims, in date order. Between those days the
    state is the one of the last day before (``as_of``)."""
    by_place: dict[str, list] = {}
    for c in claims:
        by_place.setdefault(c.place_id, []).append(c)
    return {pid: _timeline(pid, sorted(cs, key=_order), rules) for pid, cs in sorted(by_place.items())}


def as_of(timeline: list[PlaceState], day: str) -> PlaceState | None:
    """The state a place's timeline gives as of ``day`` (None before its first claim)."""
    lo, hi = 0, len(timeline)
    while lo < hi:
        mid = (lo + hi) // 2
        if timeline[mid].date <= day:
            lo = mid + 1
        else:
            hi = mid
    return timeline[lo - 1] if lo else None


def states_on(lines: dict[str, list[PlaceState]], day: str | None = None) -> dict[str, PlaceState]:
    """Every place's state as of ``day`` (the latest when None)."""
    out = {}
    for pid, tl in lines.items():
        st = tl[-1] if day is None else as_of(tl, day)
        if st is not None:
            out[pid] = st
    return out


def calendar_days(dates) -> list[str]:
    """Every calendar day from the first valid ISO date of ``dates`` to the last; over ten years
    apart, the dates themselves (the map's day slider steps over these)."""
    known = sorted({d for d in dates if _day(d) is not None})
    if not known:
        return []
    first, last = _day(known[0]), _day(known[-1])
    assert first is not None and last is not None   # known holds valid dates only
    if (last - first).days > 3660:
        return known
    return [(first + _dt.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]


def changes(lines: dict[str, list[PlaceState]]) -> list[Change]:
    """Every change of state, by date then place: what a "changed hands" list shows."""
    out = []
    for pid, tl in lines.items():
        before = ""
        for st in tl:
            if st.key != before:
                out.append(Change(st.date, pid, before, st.key, st))
                before = st.key
    return sorted(out, key=lambda ch: (ch.date, ch.place_id))


def place_states(claims, rules: StateRules = StateRules()) -> dict[str, PlaceState]:
    """Each place's state from all the claims given (as of their newest day)."""
    return states_on(timelines(claims, rules))


def _timeline(pid: str, cs: list, rules: StateRules) -> list[PlaceState]:
    days = sorted({c.date for c in cs})
    out: list[PlaceState] = []
    lo = 0        # first claim of the recent window
    hi = 0        # one past the last claim dated <= day
    prev: PlaceState | None = None
    for day in days:
        while hi < len(cs) and cs[hi].date <= day:
            hi += 1
        d = _day(day)
        if d is None:        # undated claims stand alone: they cannot be placed in time
            lo = 0
        else:
            first = (d - _dt.timedelta(days=rules.recent_days - 1)).isoformat()
            lo = next((i for i in range(lo, hi) if cs[i].date >= first), hi)
        st = _derive(pid, day, cs[lo:hi], cs[:hi], prev, rules)
        out.append(st)
        prev = st
    return out


def _supersede(window: list) -> list:
    """Drop claims that later claims of the window overtake (rule 2); ``window`` in date order."""
    kept = []
    later_gain: set[str] = set()      # forces said to take the place on a later day
    later_loss: set[str] = set()
    later_positive: set[str] = set()
    i = len(window)
    while i > 0:
        j = i
        day = window[i - 1].date
        while j > 0 and window[j - 1].date == day:
            j -= 1
        same_day = window[j:i]
        for c in same_day:
            positive = c.effect in POSITIVE or c.effect in NEAR
            if positive and (later_gain - {c.actor} or c.actor in later_loss):
                continue
            if c.effect == "loss" and c.actor in later_positive:
                continue
            kept.append(c)
        for c in same_day:
            if c.effect == "gain":
                later_gain.add(c.actor)
            if c.effect in POSITIVE:
                later_positive.add(c.actor)
            if c.effect == "loss":
                later_loss.add(c.actor)
        i = j
    kept.reverse()
    return kept


def _weight(c, rules: StateRules) -> float:
    w = rules.admission_weight if c.admission else 1.0
    return w * (rules.hedged_weight if c.hedged else 1.0)


@dataclass
class _Tally:
    """What the recent claims of a place say, force by force."""
    support: dict[str, float]   # weighted gains and holds minus losses
    lost: set[str]              # forces said to have lost or left it
    present: list[str]          # said to be inside or fighting there (not hedged): contests a hold
    near: list[str]             # said to be there or close, hedged or not
    present_sides: dict[str, set[str]]   # for each force in ``present``, the sides that say so


def _tally(recent: list, rules: StateRules) -> _Tally:
    t = _Tally({}, set(), [], [], {})
    for c in recent:
        if c.effect in POSITIVE:
            t.support[c.actor] = t.support.get(c.actor, 0.0) + _weight(c, rules)
        elif c.effect == "loss":
            t.support[c.actor] = t.support.get(c.actor, 0.0) - _weight(c, rules)
            t.lost.add(c.actor)
        elif c.effect in NEAR:
            if c.actor not in t.near:
                t.near.append(c.actor)
            if c.effect in PRESENT and not c.hedged:
                if c.actor not in t.present:
                    t.present.append(c.actor)
                t.present_sides.setdefault(c.actor, set()).add(c.claimant_side)
    return t


def _own_word_only(t: _Tally, forces) -> bool:
    """Every force in ``forces`` is placed inside or fighting only by its own side's claims."""
    return all(t.present_sides.get(a, set()) == {a} for a in forces)


def _status(t: _Tally, holders: list[str], prev: PlaceState | None,
            rules: StateRules) -> tuple[str, str, tuple[str, ...], bool, str]:
    """(state, controller, actors, disputed, holder) from the tally; ``holders`` by support,
    strongest first. ``holder`` names the force that would hold a place contested only by
    another force's presence ("" otherwise)."""
    others_present = [a for a in t.present if a not in holders[:1]]
    if holders:
        top, rest = holders[0], sum(t.support[a] for a in holders[1:])
        if len(holders) == 1 or t.support[top] >= rules.dominance * rest:
            actors = tuple([top] + holders[1:] + [a for a in others_present if a not in holders])
            if others_present:
                return "contested", "", actors, len(holders) > 1, top
            return "held", top, actors, len(holders) > 1, ""
        return "contested", "", tuple(holders + [a for a in t.present if a not in holders]), False, ""
    if prev is not None and prev.state == "held" and prev.controller not in t.lost:
        carried = [a for a in t.present if a != prev.controller]
        if carried:
            return "contested", "", (prev.controller, *carried), False, prev.controller
        return "held", prev.controller, (prev.controller,), False, ""
    if t.near:
        return ("contested" if len(t.present) > 1 else "presence"), "", tuple(t.near), False, ""
    return "unclear", "", tuple(sorted(t.lost)), False, ""


def _confidence(state: str, disputed: bool, agree: list, outlets: int, sides: int, admissions: int,
                own_word_dispute: bool = False) -> str:
    if state != "held":
        return ""
    if disputed and not own_word_dispute or all(c.hedged for c in agree) or outlets < 2 and not admissions and sides < 2:
        return "low"
    if outlets >= 2 and (sides >= 2 or admissions) and not own_word_dispute:
        return "high"
    return "medium"


def _agreeing(recent: list, controller: str, holders: list[str], prev: PlaceState | None) -> list:
    """The recent claims that agree with ``controller`` holding the place (with what made it held
    before when the hold is carried over from an earlier day)."""
    agree = [c for c in recent if (c.actor == controller and c.effect in POSITIVE + NEAR)
             or (c.actor != controller and c.effect == "loss")]
    if not holders and prev is not None and prev.controller == controller:
        agree = list(prev.basis) + agree
    return agree


def _counts(agree: list) -> tuple[int, int, int]:
    return (len({c.outlet for c in agree}), len({c.claimant_side for c in agree}),
            sum(c.admission for c in agree))


def _derive(pid: str, day: str, window: list, upto: list, prev: PlaceState | None,
            rules: StateRules) -> PlaceState:
    recent = _supersede(window)
    t = _tally(recent, rules)
    holders = sorted((a for a, s in t.support.items() if s > 0), key=lambda a: (-t.support[a], a))
    state, controller, actors, disputed, holder = _status(t, holders, prev, rules)
    own_word_dispute = False
    if holder and _own_word_only(t, [a for a in t.present if a != holder]):
        # contested only by forces their own side places there: a well-attested hold stands
        agree = _agreeing(recent, holder, holders, prev)
        if _confidence("held", False, agree, *_counts(agree)) == "high":
            state, controller, disputed, own_word_dispute = "held", holder, True, True
    if state == "held":
        agree = _agreeing(recent, controller, holders, prev)
    else:
        agree = list(recent)
    outlets, sides, admissions = _counts(agree)
    key = f"held:{controller}" if state == "held" else state
    if prev is not None and prev.key == key:
        since, previous, previous_date = prev.since, prev.previous, prev.previous_date
    else:
        since = day
        previous, previous_date = (prev.key, prev.date) if prev is not None else ("", "")
    return PlaceState(
        place_id=pid, date=day, state=state, controller=controller, actors=actors, since=since,
        disputed=disputed,
        confidence=_confidence(state, disputed, agree, outlets, sides, admissions, own_word_dispute),
        outlets=outlets, sides=sides, admissions=admissions,
        basis=tuple(reversed(agree)), claim_count=len(upto), previous=previous, previous_date=previous_date,
    )

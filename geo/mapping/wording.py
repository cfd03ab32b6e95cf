"""How the map writes actors and states of control: "held by X since D", "contested since D".

The page writes the same words itself (``describe`` and ``stateShort`` in geo/data/map.js) for
everything that follows the day slider: tooltips, accessible names, the print list, popups. Python
writes them only into HTML made once at build time: an estimated area's list of places (as of the
area's last day) and the "changed on" list. The phrases are the constants below; a test checks
that map.js uses the same ones.
"""

from __future__ import annotations

from ..safe import esc
from ..state import PlaceState
from .inputs import Actors
from .style import safe_colour

HELD_BY = "held by "
SINCE = " since "
PRESENT_SINCE = " present since "
NO_CLAIMS = "no claims"
ACTORS_JOINED_BY = " / "
UNKNOWN_ACTOR_COLOUR = "#333"   # an actor that actors.toml does not list


def actor_name(aid: str, actors: Actors) -> str:
    return esc(actors[aid].label) if aid in actors else esc(aid)


def actor_bold(aid: str, actors: Actors) -> str:
    colour = safe_colour(actors[aid].colour) if aid in actors else UNKNOWN_ACTOR_COLOUR
    return f'<b style="color:{colour}">{actor_name(aid, actors)}</b>'


def describe(key: str, actors: Actors) -> str:
    """A ``PlaceState.key`` ("held:army", "contested", "" ...) as words (map.js ``describe``)."""
    if key.startswith("held:"):
        return HELD_BY + actor_name(key[len("held:"):], actors)
    return esc(key) if key else NO_CLAIMS


def state_short(st: PlaceState, actors: Actors) -> str:
    """One line for a state, as the page's stateShort (map.js) writes it."""
    if st.state == "held":
        return HELD_BY + actor_name(st.controller, actors) + SINCE + esc(st.since)
    if st.state == "presence":
        return ACTORS_JOINED_BY.join(actor_name(a, actors) for a in st.actors) + PRESENT_SINCE + esc(st.since)
    return esc(st.state) + SINCE + esc(st.since)

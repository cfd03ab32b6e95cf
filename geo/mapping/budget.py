"""How much of the page the popups and estimated areas may take, so a map of many places still
opens in a browser in a few seconds.

The exports (places.geojson, claims.geojson, control.geojson, areas.geojson) always keep
everything; the page shows the newest part of each place's articles and claims, the most claimed
changes of each day, and the estimated areas of the newest days, when the whole would pass its
budget. Places whose popups fit a fair share keep them whole; only the
largest are cut, all to the same size (``fair_cap``). Under the budgets the page is exactly as
it would be without them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

PLACE_POPUPS_CHARS = 8_000_000   # all places' article popups together
CLAIM_POPUPS_CHARS = 3_000_000   # all places' claim lists together
MIN_POPUP_CHARS = 600            # a place's share never falls below this (one short sentence)
CHANGES_PER_DAY = 150            # lines of the "changed on" list of one day (the most claimed places)
AREA_COORDINATES = 300_000       # points of the estimated areas drawn in the page (the newest days)


def fair_cap(sizes: Sequence[int], total: int, floor: int = MIN_POPUP_CHARS) -> int | None:
    """The largest size c such that cutting every item to c keeps the sum within ``total``
    (water filling), or None when the items fit whole. Never below ``floor``: with more items
    than ``total / floor`` the sum passes the budget, each item at the floor."""
    if sum(sizes) <= total:
        return None
    left = total
    ordered = sorted(sizes)
    for i, size in enumerate(ordered):
        count = len(ordered) - i
        if size * count > left:
            return max(floor, left // count)
        left -= size
    return None   # not reached: the sizes fit


def fit(items: list[str], total: int, rebuild: Callable[[int, int], str]) -> list[str]:
    """``items`` with those over the fair cap rebuilt by ``rebuild(index, cap)``."""
    cap = fair_cap([len(x) for x in items], total)
    if cap is None:
        return items
    return [rebuild(i, cap) if len(x) > cap else x for i, x in enumerate(items)]

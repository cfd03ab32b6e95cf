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

PAGE_DATA_CHARS = 20_000_000     # the page's data in all; the article popups get what the rest leaves
PLACE_POPUPS_CHARS = 5_000_000   # all places' article popups together, at most
MIN_PLACE_POPUPS_CHARS = 1_000_000   # ... and at least
JSON_GROWTH = 1.15               # popup HTML grows by about this much written as JSON (escaped quotes)
CLAIM_POPUPS_CHARS = 2_000_000   # all places' claim lists together
MIN_POPUP_CHARS = 600            # a place's share never falls below this (one short sentence)
CHANGES_PER_DAY = 150            # lines of the "changed on" list of one day (the most claimed places)
AREA_COORDINATES = 200_000       # points of the estimated areas drawn in the page (the newest days)


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


def fit(items: list[str], total: int, rebuild: Callable[[int, int], str], rank: Sequence[int]) -> list[str]:
    """``items`` with those over the fair cap rebuilt by ``rebuild(index, cap)``. When even
    MIN_POPUP_CHARS each does not fit, the items first in ``rank`` (indexes, most important
    first) keep that much and the others are left out ("": the page says where they are)."""
    sizes = [len(x) for x in items]
    if sum(min(s, MIN_POPUP_CHARS) for s in sizes) <= total:
        cap = fair_cap(sizes, total)
        return items if cap is None else [rebuild(i, cap) if len(x) > cap else x for i, x in enumerate(items)]
    out = [""] * len(items)
    left = total
    for i in rank:
        need = min(sizes[i], MIN_POPUP_CHARS)
        if need <= left:
            out[i] = items[i] if sizes[i] <= MIN_POPUP_CHARS else rebuild(i, MIN_POPUP_CHARS)
            left -= need
    return out

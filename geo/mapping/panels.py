"""The HTML of the panels over the map: title block, legend, day slider, "changed on" list,
report reader and print list. The fixed parts are fragments of geo/data/map_panels.html; the
page script (map.js) fills the lists as the day changes."""

from __future__ import annotations

from ..safe import esc
from .inputs import Actors, ClaimsInput, MapInfo
from .static import fragments
from .style import safe_colour

HASH_SHOWN = 16   # hex digits of the gazetteer's sha256 shown (the whole is its tooltip)


def title_html(info: MapInfo, day: str) -> str:
    lines = [
        f"<h1>{esc(info.title)}</h1>",
        f'<div class="sm-asof">as of <b id="sm-asof">{esc(day or "undated")}</b></div>'
        f'<div class="sm-counts">{info.report_count} report(s) &#183; '
        f"{info.place_count} place(s) &#183; {info.claim_count} control claim(s) &#183; "
        f"{info.metonym_count} actor mention(s) not mapped</div>",
        *info.extra_lines,
    ]
    return f'<div class="sm-panel sm-title" id="sm-title">{"".join(lines)}</div>'


def legend_html(info: MapInfo, day: str, claims: ClaimsInput | None, present: list[str]) -> str:
    """The legend: the colours of the actors ``present`` on the map, the other marks, the
    estimated-control layer when there is one, and which gazetteer the map used."""
    fixed = fragments()
    actors: Actors = claims.actors if claims else {}
    items = [fixed["legend-colour"]]
    for aid in present:
        if aid in actors:
            items.append(f'<div class="lg-row"><span class="sw" style="background:{safe_colour(actors[aid].colour)}">'
                         f'</span><span>{esc(actors[aid].label)}</span></div>')
    items.append(fixed["legend-keys"])
    if claims is not None and claims.areas is not None and claims.areas.areas:
        items.append(fixed["legend-estimate"])
    return (
        f'<details class="sm-panel sm-legend" id="sm-legend" open><summary><h2>Legend &#183; as of '
        f'<span class="sm-day">{esc(day or "undated")}</span></h2></summary>{"".join(items)}'
        f'<div class="sm-hash" title="sha256 {esc(info.gazetteer_sha256)}">gazetteer {esc(info.gazetteer_name)}'
        f' &#183; sha256 {esc(info.gazetteer_sha256[:HASH_SHOWN])}&#8230;</div></details>'
    )


def panels_html(days: list[str], last: str, has_changes: bool) -> str:
    """The day slider (when there is more than one day), the "changed on" list (when anything
    changed), the report reader, the hatch pattern of contested areas and the print list."""
    fixed = fragments()
    out = []
    if len(days) > 1:
        out.append(
            '<div class="sm-panel sm-slider" id="sm-claims-date"><label for="sm-claim-date">As of '
            f'<b id="sm-claim-date-label">{esc(last)}</b></label>'
            f'<input type="range" id="sm-claim-date" min="0" max="{len(days) - 1}" '
            f'value="{len(days) - 1}" step="1" aria-label="Day shown">'
            '<div class="sm-ticks" id="sm-ticks" aria-hidden="true"></div></div>')
    if has_changes:
        out.append(fixed["changes"])
    out += [fixed["reader"], fixed["hatch"], fixed["print"]]
    return "".join(out)

"""The HTML of popups and lists made at build time: a place's articles and claims, a road's or
area's popup, an estimated area's popup, one line of the "changed on" list.

Every string from a report or the gazetteer goes through ``geo.safe.esc`` (directly or via
``mark``). Each article and claim carries its date (``data-date``), so the page can hide those
after the day the slider shows.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Claim, Report
from ..reports.inference import UNKNOWN as UNKNOWN_OUTLET
from ..safe import esc, file_link, mark, web_url
from ..state import Change, PlaceState, as_of
from .inputs import Actors
from .style import kind_style
from .wording import actor_bold, actor_name, describe, state_short

if TYPE_CHECKING:
    from ..areas import Area

# Popups stay readable and the page small with thousands of reports: the newest N are shown.
POPUP_ARTICLES = 30
POPUP_CLAIMS = 40
POPUP_SENTENCES = 24   # sentences of one article naming the place
SENTENCE_CAP = 600     # characters of a sentence shown in a popup
MARKED_SPAN_REACH = 4 * SENTENCE_CAP   # a name marked before this offset is shown whole, past the cap
AREA_PLACES_SHOWN = 40   # places listed in an estimated area's popup
CHANGE_OUTLETS_SHOWN = 3   # outlets named in a line of the "changed on" list
NOTES_CHARS = 250      # of a popup's budget, kept for its notes on what was left out
CLAIMANT_SIDE_WORDS = {"outlet": "the outlet", "other": "other source"}

Span = tuple[int, int]   # (start, end) of a name in its sentence


def popup_html(row: dict, reports: Mapping[str, Report], out_dir: Path, budget: int | None = None) -> str:
    """The mentions part of a place's popup: per article, newest first, its outlet, date, links
    and each sentence naming the place. Each article carries its date, so the page can hide
    those after the day the slider shows. ``budget``: at most about this many characters (at
    least one sentence of the newest article is always shown); the rest is pointed to
    places.geojson."""
    order = sorted({m["article"] for m in row["mentions"]}, key=lambda a: (reports[a].date, a), reverse=True)
    by_article: dict[str, list[dict]] = {}
    for m in row["mentions"]:
        by_article.setdefault(m["article"], []).append(m)
    parts = _within([partial(_article_html, art, reports[art], by_article[art], out_dir) for art in order[:POPUP_ARTICLES]],
                    None if budget is None else budget - NOTES_CHARS)
    if len(order) > len(parts):
        parts.append(f'<div class="art more">&#8230; and {len(order) - len(parts)} older article(s): '
                     f'every mention is in places.geojson</div>')
    return "".join(parts)


def _within(pieces: list[Callable[[int | None], str]], left: int | None) -> list[str]:
    """The pieces, in order, while they fit ``left`` characters (None: no limit); the first is
    always kept. Each piece is made with the characters still left (an article fits its sentences)."""
    out: list[str] = []
    for make in pieces:
        piece = make(left)
        if left is not None and out and len(piece) > left:
            break
        out.append(piece)
        left = None if left is None else left - len(piece)
    return out


def _fixed(text: str) -> Callable[[int | None], str]:
    return lambda _left: text


def _link(href: str, text: str) -> str:
    return f'<a href="{href}" target="_blank" rel="noopener noreferrer">{text}</a>'


def _article_html(art: str, rep: Report, mentions: list[dict], out_dir: Path, budget: int | None = None) -> str:
    """One article in a place's popup: where it came from, links to it, the sentences naming
    the place (the name marked), as many as ``budget`` characters allow (at least one)."""
    url = web_url(rep.url)
    links = [_link(url, esc(art)), _link(file_link(rep.path, out_dir), "file")] if url else \
        [_link(file_link(rep.path, out_dir), esc(art))]
    links.append(f'<a href="#" class="sm-read" data-report="{esc(art)}">read here</a>')
    parts = [f'<div class="art" data-date="{esc(rep.date)}"><div class="src"><b>{esc(rep.outlet)}</b> &#183; '
             f'{esc(rep.date or "undated")} &#183; {" &#183; ".join(links)}</div>']
    if rep.outlet_basis:
        parts.append(f'<div class="basis">{esc(rep.outlet_basis)}</div>')
    parts.append("<ul>")
    sentences = _sentences(mentions)
    items = _within([_fixed(f"<li>{mark(_cap(sentence, spans), spans)}</li>") for sentence, spans in sentences[:POPUP_SENTENCES]],
                    None if budget is None else budget - sum(map(len, parts)))
    parts.extend(items)
    shown = len(items)
    if len(sentences) > shown:
        parts.append(f"<li>&#8230; and {len(sentences) - shown} more sentence(s) in this article: "
                     f"every mention is in places.geojson</li>")
    parts.append("</ul></div>")
    return "".join(parts)


def place_meta(row: dict) -> str:
    meta = [esc(kind_style(row["kind"]).label),
            f"{len(row['mentions'])} mention(s) in {len(row['articles'])} article(s)"]
    if row.get("precision_km") and not _nan(row["precision_km"]):
        meta.append(f"&#177;{esc(_num(row['precision_km']))} km")
    if row.get("source"):
        meta.append(f"source {esc(row['source'])}")
    return " &#183; ".join(meta)


def shape_popup_html(row: dict) -> str:
    """A road's popup (drawn on its line; an area's popup is its marker's)."""
    return f'<div class="pp"><h4>{esc(row["name"])}</h4><div class="meta">{place_meta(row)}</div></div>'


def _cap(sentence: str, spans: list[Span]) -> str:
    if len(sentence) <= SENTENCE_CAP:
        return sentence
    end = max([SENTENCE_CAP] + [b for _, b in spans if b <= MARKED_SPAN_REACH])
    return sentence[:end] + " \u2026"


def _num(x) -> str:
    return f"{x:g}" if isinstance(x, (int, float)) else str(x)


def _sentences(mentions: list[dict]) -> list[tuple[str, list[Span]]]:
    """Distinct sentences in text order, each with the spans (relative) that name the place."""
    out: dict[tuple[int, str], list[Span]] = {}
    for m in mentions:
        start = m["sentence_start"]
        out.setdefault((start, m["sentence"]), []).append((m["start"] - start, m["end"] - start))
    return [(s, sorted(spans)) for (_, s), spans in sorted(out.items())]


def _nan(x) -> bool:
    return isinstance(x, float) and math.isnan(x)


def claims_html(cs: list[Claim], actors: Actors, labels: Mapping[str, str], budget: int | None = None) -> str:
    """A place's claims, newest first (``cs`` in that order), capped by count and by ``budget``
    characters (at least one claim is shown)."""
    items = _within([_fixed(_claim_html(c, actors, labels)) for c in cs[:POPUP_CLAIMS]],
                    None if budget is None else budget - NOTES_CHARS)
    if len(cs) > len(items):
        items.append(f'<div class="c more">&#8230; and {len(cs) - len(items)} older claim(s): '
                     f'all are in claims.geojson</div>')
    return "".join(items)


def _claim_html(c: Claim, actors: Actors, labels: Mapping[str, str]) -> str:
    badges = ('<span class="adm" title="the claimant concedes this against its own side">admission</span>'
              if c.admission else "")
    badges += '<span class="hedge">hedged</span>' if c.hedged else ""
    side = actor_name(c.claimant_side, actors) if c.claimant_side in actors else esc(
        CLAIMANT_SIDE_WORDS.get(c.claimant_side, c.claimant_side))
    return (
        f'<div class="c" data-date="{esc(c.date)}"><b>{esc(c.claimant)}</b> ({side}) &#8594; '
        f'{actor_bold(c.actor, actors)} {esc(labels.get(c.status, c.status.replace("_", " ")))}{badges}<br>'
        f'{esc(c.outlet)} &#183; {esc(c.date or "undated")} &#183; {esc(c.article)}'
        f'<q>{esc(_cap(c.quote, []))}</q></div>'
    )


def change_html(ch: Change, name: str, actors: Actors) -> str:
    """One line of the "changed on" list: the place (``name``, escaped), before and after, and
    the outlets the new state rests on."""
    outlets = sorted({c.outlet for c in ch.state.basis} - {UNKNOWN_OUTLET})
    more = len(outlets) - CHANGE_OUTLETS_SHOWN
    who = ", ".join(esc(o) for o in outlets[:CHANGE_OUTLETS_SHOWN]) + (f" +{more}" if more > 0 else "")
    unnamed = len({c.article for c in ch.state.basis if c.outlet == UNKNOWN_OUTLET})
    if unnamed:   # reports whose outlet neither the manifest nor the text names
        who += f'{", " if who else ""}{unnamed} report{"s" if unnamed > 1 else ""} of no named outlet'

    return (f'<button type="button" data-id="{esc(ch.place_id)}">{name}</button>: '
            f'{describe(ch.before, actors)} &#8594; <b>{describe(ch.after, actors)}</b>'
            f'{" &#183; " + who if who else ""}')


def area_popup_html(a: Area, lines: Mapping[str, list[PlaceState]], names: Mapping[str, str], actors: Actors) -> str:
    """An estimated area's popup: who, when, how large, and the places it rests on (most
    claimed first, each with its state on the area's last day). ``names``: escaped id ->
    escaped name."""
    who = "Contested" if a.controller == "contested" else actor_name(a.controller, actors)
    items = []
    for pid in sorted(a.places, key=lambda p: (-lines[p][-1].claim_count, p))[:AREA_PLACES_SHOWN]:
        st = as_of(lines[pid], a.until)
        items.append(f'<li><button type="button" data-id="{esc(pid)}">{names.get(esc(pid), esc(pid))}</button>'
                     f'{": " + state_short(st, actors) if st else ""}</li>')
    more = len(a.places) - AREA_PLACES_SHOWN
    return (f'<div class="pp"><h4>Estimated area: {who}</h4><div class="meta">an estimate from the claims, '
            f'not an assessment &#183; {esc(a.date)} to {esc(a.until)} &#183; about {a.area_km2:,.0f} km&#178; '
            f'&#183; rests on {len(a.places)} place(s)</div><ul class="sm-area-places">{"".join(items)}</ul>'
            f'{f"<div>&#8230; and {more} more: all are in areas.geojson</div>" if more > 0 else ""}</div>')

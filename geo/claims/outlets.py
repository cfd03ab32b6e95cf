"""What a report's outlet says about its voice: the force its name names, the army "the army" is in
its copy, and a country's press that speaks in its state's words ("Turkish-press-style rewrite")."""

from __future__ import annotations

import re

from ..model import Mention, Report
from ..text import name_key, normalize
from .clauses import ActorName
from .vocabulary import ClaimVocabulary


def home_army(report: Report, mentions: list[Mention], vocab: ClaimVocabulary, names: list[ActorName]) -> str:
    """Whose army "the army" is in the outlet's own voice: its home press's (``home_outlets``),
    else that of the country its dateline names (``home_datelines``) when the report names that
    country's force, else none."""
    datelines = [m.surface for m in mentions if m.role == "dateline"] + _DATELINE.findall(report.text[:DATELINE_CHARS])
    army = next((vocab.army_of_dateline[name_key(d)] for d in datelines if name_key(d) in vocab.army_of_dateline), "")
    if army and not any(n.actor == army for n in names):
        army = ""   # datelined in Israel but about no Israeli force: "the army" is the one the story is about
    return _home_of(vocab.home_army_of, report.outlet) or army


def outlet_side(outlet: str, vocab: ClaimVocabulary) -> str:
    """The force an outlet's own name names ("SANA-style state agency"), not one it is "pro-" (a
    "Turkish pro-government daily" is no Syrian government paper); else its home outlets' side; else
    the state of a national press it is described as (``national_press``), when that state names an
    enemy in its own words (actors.toml ``enemy``): "Turkish-press-style rewrite" speaks in Turkey's."""
    n = " " + _QUOTED.sub(" ", normalize(outlet)) + " "
    return next((x.actor for x in vocab.actor_names(n) if x.actor and not n.endswith(" pro ", 0, x.start)), "") \
        or _home_of(vocab.home_side_of, outlet) or next(
            (a for m in _NATIONAL_PRESS.finditer(n) if m.group(1) in vocab.national_press
             and (a := vocab.adjective_of.get(m.group(1), "")) in vocab.reader.enemy_of), "")


# quoted words in an outlet's description are samples of its wording ("'PKK/YPG terrorists'"), not its name
_QUOTED = re.compile(r"(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"|“[^”]*”")
# "Turkish-press-style rewrite", "a Turkish pro-government daily": a country's press speaks in its state's words
_NATIONAL_PRESS = re.compile(r" ([a-z.]+)(?: [\w-]+){0,2} (?:press|daily|newspaper|paper|media|wire|news agency|broadcaster|"
                             r"television|tv|channel|outlet|website)\b")


def _home_of(table: dict[str, str], outlet: str) -> str:
    """The actor of the longest home outlet (``table``: name key -> actor) the outlet's name contains in
    whole words ("Army Radio" in "Israeli Army Radio morning brief"), or ""."""
    key = f" {name_key(outlet)} "
    return next((table[o] for o in sorted(table, key=len, reverse=True) if f" {o} " in key), "")


DATELINE_CHARS = 400   # a dateline stands in the first characters of a report
_DATELINE = re.compile(r"(?m)^\s*([A-Z][A-Z'. -]{2,30}[A-Z])(?=,| \(|\s+[-\u2013\u2014])")   # "JERUSALEM, Dec 9 -"

"""The outlets a report's text may name: ``geo/data/outlets.toml`` (or a user's ``--vocab DIR``
copy), read, checked and compiled into the regexes ``inference.infer_outlet`` runs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from .. import vocab
from ..errors import VocabularyError
from .header import MONTHS

OUTLETS_FILE = "outlets.toml"
OUTLET_FORMS = ("dateline", "lead", "byline", "signoff")
_OUTLET_KEYS = {"name": str, "tags": list, "forms": list, "credits": list}
_DASH = r"(?:--|[-‐‑‒–—―−])"
_GAP = r"[ \t\u00a0]"
_JOIN = re.compile(r"[\s\-‐‑]+")                   # a space or hyphen inside a tag
_NEVER = r"(?!)"


def tag_key(tag: str) -> str:
    return _JOIN.sub(" ", tag.strip())


def _tag_pattern(tags) -> str:
    """One alternation of ``tags`` (longest first), spaces and hyphens matching either."""
    alts = sorted({tag_key(t) for t in tags}, key=lambda t: (-len(t), t))
    joiner = rf"(?:{_GAP}*[-‐‑]{_GAP}*|{_GAP}+)"
    return "|".join(joiner.join(re.escape(p) for p in t.split(" ")) for t in alts) or _NEVER


@dataclass(frozen=True)
class Outlet:
    id: str                      # the table's id in outlets.toml ("reuters")
    name: str                    # shown as the report's outlet
    tags: tuple[str, ...]        # as written in outlets.toml
    forms: frozenset[str]        # which of OUTLET_FORMS count for it
    credits: tuple[str, ...]     # phrases its closing "( ... )" credit line holds, or ()


class Outlets:
    """outlets.toml, checked and compiled into the regexes ``infer_outlet`` runs."""

    def __init__(self, outlets: list[Outlet], captions=(), source: str = OUTLETS_FILE):
        self.source = source
        self.outlets = tuple(outlets)
        words = "|".join(re.escape(c.strip()) for c in sorted(captions, key=len, reverse=True))
        self.caption = re.compile(rf"[ \t]*(?:{words or _NEVER})(?!\w)", re.I)   # "Photo: X/AFP"
        self._by_key: dict[str, Outlet] = {}
        for o in self.outlets:                     # tags as written first: they win over capitals
            for t in o.tags:
                self._by_key.setdefault(tag_key(t), o)
        for o in self.outlets:
            for t in o.tags:
                self._by_key.setdefault(tag_key(t).upper(), o)
        self._compile_head()
        self._compile_tail()
        self._credited = [o for o in self.outlets if o.credits]

    def _tags(self, form: str) -> str:
        keys = [k for k, o in self._by_key.items() if form in o.forms]
        return f"(?P<tag>{_tag_pattern(keys)})"

    def _compile_head(self) -> None:
        """The tag forms a report opens with: datelines, a lead, a byline."""
        d, g = _DASH, _GAP
        t = self._tags("dateline")
        # A dateline's place and date: words in capitals, numbers and month names ("BEIRUT, Dec 1",
        # "HAMA, Syria", "BEIRUT/AMMAN", "MOSCOW, November 29."), at a line's start or after a
        # place in capitals that a title line runs into ("... seize Hama BEIRUT (Reuters) -").
        months = "|".join(sorted(MONTHS, key=len, reverse=True))
        word = rf"(?:[A-ZÀ-Þ][^\s,()/]*|\d[^\s,()/]*|(?i:(?:{months})\b)\.?)"
        place = rf"{word}(?:[ \t,/]+{word}){{0,7}}?"
        at = rf"(?:^{g}*(?:{place}[ \t,.]*)?|\b[A-Z][A-Z'’.-]{{2,}}\b(?:[ \t,/]+{word}){{0,6}}?[ \t,.]*)"
        self.datelines = [re.compile(p, re.M) for p in (
            rf"{at}(?P<form>\({t}\)){g}*\.?{g}*(?:{d}|:)",                              # BEIRUT (Reuters) -
            rf"{at}(?P<form>/{t}/)",                                                    # MOSCOW, Nov 29. /TASS/.
            rf"^{g}*{place},{g}*(?P<form>{t}{g}*{d})",                                  # Damascus, SANA –
            rf"^{g}*{place}{g}+(?P<form>{d}{g}*{t}{g}*\.)(?=\s|$)",                     # MOSCOW, Nov 29 - RIA Novosti.
        )]
        # "The Syrian Arab News Agency (SANA) - ..." introduces an acronym; it is not a dateline
        every = _tag_pattern(self._by_key)
        self.spelt_out = re.compile(rf"(?:^|\W)(?:{every})[ \t,.]*\Z")
        self.lead = re.compile(rf"\A\s*(?P<form>{self._tags('lead')}{g}*(?:/|{d}|:))(?={g}|$)", re.M)
        self.byline = re.compile(rf"^{g}*(?P<form>(?:By{g}+)?{self._tags('byline')}){g}*(?=\n\s*\S)", re.M)

    def _compile_tail(self) -> None:
        """The tag forms a report closes with: sign-offs, a copyright line, a credit line."""
        d, g = _DASH, _GAP
        t = self._tags("signoff")
        after = r"(?:(?<=[\s.,;:!?\"”’')\]])|^)"       # not inside a word or a name ("Kadour/AFP")
        self.signoffs = [re.compile(p, re.M) for p in (
            rf"{after}(?P<form>{d}{g}*{t}){g}*\.?\Z",                                   # ... said. – Reuters
            rf"{after}(?P<form>/{g}?{t})/?{g}*\.?\Z",                                   # ... /AFP
            rf"^{g}*(?P<form>(?P<open>\()?{t}(?(open)\))){g}*\.?\Z",                    # (AFP) / AFP alone
        )]
        self.copyright = re.compile(
            rf"^(?P<form>(?:©|\([cC]\)|(?i:copyright)){g}*(?:©{g}*)?(?:\d{{4}}{g}*,?{g}*)?"
            rf"(?:The{g}+)?{t})(?!\w)")
        self.credit = re.compile(r"^\((?P<body>[^()\n]{3,400})\)\.?$")

    def outlet(self, tag: str) -> Outlet:
        key = tag_key(tag)
        return self._by_key.get(key) or self._by_key[key.upper()]

    def credited(self, body: str) -> Outlet | None:
        """The outlet whose house style a closing credit line is; None when the line names the
        staff of another ("(Reporting by Meridian Wire staff; Editing by ...)")."""
        low = body.casefold()
        o = next((o for o in self._credited if all(c.casefold() in low for c in o.credits)), None)
        staff = _STAFF.search(body)
        if o is not None and staff and not any(tag_key(staff["name"]).startswith(tag_key(t)) for t in o.tags):
            return None   # (but "Reuters TV staff" is Reuters')
        return o


# "Meridian Wire staff", "AFP correspondents": a credit that names whose staff reported
_STAFF = re.compile(r"\b(?P<name>[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,4}) (?:staff|correspondents)\b")


def _where(path: Path, table: str, key: str = "") -> str:
    """``file line N`` of ``[table]`` (or of ``key =`` inside it), for error messages."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return str(path)
    header = re.compile(rf"^\[\s*{re.escape(table)}\s*\]")
    found = None
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if found is None:
            if header.match(s):
                found = n
                if not key:
                    break
        elif s.startswith("["):
            break
        elif re.match(rf"{re.escape(key)}\s*=", s):
            return f"{path} line {n}"
    return f"{path} line {found}" if found else str(path)


def _fail(path: Path, message: str, table: str = "", key: str = "") -> NoReturn:
    raise VocabularyError(f"{_where(path, table, key) if table else path}: {message}")


def _check_keys(path: Path, table: str, entry: dict) -> None:
    """Each key of ``[table]`` known and of its type, ``name`` and ``tags`` present."""
    for key, value in entry.items():
        kind = _OUTLET_KEYS.get(key)
        if kind is None:
            _fail(path, f"unknown key {key!r} in [{table}] (expected one of: {', '.join(_OUTLET_KEYS)})",
                  table, key)
        if kind is list and not (isinstance(value, list) and value
                                 and all(isinstance(v, str) and v.strip() for v in value)):
            _fail(path, f"{table}.{key} must be a non-empty list of non-empty strings", table, key)
        if kind is str and not (isinstance(value, str) and value.strip()):
            _fail(path, f"{table}.{key} must be a non-empty string", table, key)
    for key in ("name", "tags"):
        if key not in entry:
            _fail(path, f"[{table}] has no {key!r}", table)


def _outlet(path: Path, oid: str, entry, owner: dict[str, str]) -> Outlet:
    """The table ``[outlets.<oid>]`` checked; ``owner`` maps each tag seen so far to its outlet."""
    table = f"outlets.{oid}"
    if not isinstance(entry, dict):
        _fail(path, f"{table} must be a table ([{table}] with name and tags)", table)
    _check_keys(path, table, entry)
    for tag in entry["tags"]:
        if not re.search(r"\w", tag):
            _fail(path, f"{table}.tags: {tag!r} has no letter or digit", table, "tags")
        other = owner.setdefault(tag_key(tag), oid)
        if other != oid:
            _fail(path, f"{table}.tags: {tag!r} is also a tag of outlets.{other}", table, "tags")
    forms = entry.get("forms", list(OUTLET_FORMS))
    bad = [f for f in forms if f not in OUTLET_FORMS]
    if bad:
        _fail(path, f"{table}.forms: {bad[0]!r} is not one of {', '.join(OUTLET_FORMS)}", table, "forms")
    return Outlet(
        id=oid, name=entry["name"].strip(), tags=tuple(t.strip() for t in entry["tags"]),
        forms=frozenset(forms), credits=tuple(c.strip() for c in entry.get("credits", ())),
    )


def _outlets_from(data: dict, path: Path) -> Outlets:
    extra = sorted(set(data) - {"outlets", "captions"})
    if extra:
        _fail(path, f"unknown key {extra[0]!r} (expected captions and [outlets.<id>] tables)")
    captions = data.get("captions", [])
    if not (isinstance(captions, list) and all(isinstance(c, str) and c.strip() for c in captions)):
        raise VocabularyError(f"{vocab.where(path, 'captions')}: captions must be a list of non-empty strings")
    tables = data.get("outlets")
    if not isinstance(tables, dict) or not tables:
        _fail(path, "no [outlets.<id>] tables; see the comment at the top of geo/data/outlets.toml")
    owner: dict[str, str] = {}
    outlets = [_outlet(path, oid, entry, owner) for oid, entry in tables.items()]
    return Outlets(outlets, captions, str(path))


_COMPILED: dict[Path, Outlets] = {}     # like vocab.toml: each file read once per process


def load_outlets(folder: Path | None = None) -> Outlets:
    """``outlets.toml`` from ``folder`` (a user's ``--vocab DIR``) when it has one, else from
    geo/data; raises VocabularyError with a one-line message naming the file and the key."""
    path = vocab.path(OUTLETS_FILE, folder)
    if path not in _COMPILED:
        _COMPILED[path] = _outlets_from(vocab.toml(OUTLETS_FILE, folder), path)
    return _COMPILED[path]

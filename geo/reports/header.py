"""What a report's first lines and text say about it: the ``date YYYY-MM-DD`` header line, the
title line, and the first full calendar date written in the text."""

from __future__ import annotations

import datetime
import re

HEADER = re.compile(r"\A[ \t]*date[ \t]+([0-9]{4}-[0-9]{2}-[0-9]{2})[ \t]*(?:\n)?")
ISO = re.compile(r"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b")
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")]
    )
    for m in names
}
_MONTH = r"(?P<m>[A-Za-z]{3,9})\.?"
_MDY = re.compile(_MONTH + r"\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})\b")
_DMY = re.compile(r"\b(?P<d>\d{1,2})\s+" + _MONTH + r",?\s+(?P<y>\d{4})\b")
# "30/11/2024", "09.12.2024", "10-12-2024": two numbers and a four-digit year, one separator
_NUMERIC = re.compile(r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})(?![\d/\-]|\.\d)")
# month names that say which reading of an ambiguous numeric date is meant ("May" is also a verb)
_MONTH_NAMED = re.compile(r"\b(January|February|March|April|June|July|August|September|October|November|"
                          r"December)\b")

MONTH_NEAR = 400                # characters either side of a numeric date searched for its month's name
MAX_TITLE_CHARS = 150            # a longer first line is the text's first sentence, not a title
TITLE_NOT_ENDING = ".!?\"”’:"     # a first line ending so is a sentence or a lead-in, not a title


def valid_date(y: int, m: int, d: int) -> bool:
    try:
        datetime.date(y, m, d)
    except ValueError:
        return False
    return True


def is_iso_date(value: str) -> bool:
    """``value`` is ``YYYY-MM-DD`` and a calendar date."""
    return bool(ISO.fullmatch(value)) and valid_date(*map(int, value.split("-")))


def _numeric(m: re.Match, text: str) -> str:
    """A numeric date read day first, as most of the world writes it, or month first when day
    first is no calendar date ("12/13/2024"). When both readings are dates, the one whose month
    ``text`` names ("08/12/2024" beside "December 8") is taken; with neither or both, day first."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    readings = [(d, mo) for d, mo in ((a, b), (b, a)) if valid_date(y, mo, d)]
    if len(readings) == 2 and a != b:
        near = text[max(0, m.start() - MONTH_NEAR):m.end() + MONTH_NEAR]   # (not "Aleppo fell in December 2016" far below)
        named = {MONTHS[n.lower()] for n in _MONTH_NAMED.findall(near)}
        if (readings[1][1] in named) and (readings[0][1] not in named):
            readings.reverse()
    return f"{y:04d}-{readings[0][1]:02d}-{readings[0][0]:02d}" if readings else ""


def _date_of(rx: re.Pattern, m: re.Match) -> str:
    """The date ``m`` (a match of ``rx``) writes as ISO, or "" when it is not a calendar date."""
    if rx is ISO:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        month = MONTHS.get(m["m"].lower())
        if month is None:
            return ""
        y, mo, d = int(m["y"]), month, int(m["d"])
    return f"{y:04d}-{mo:02d}-{d:02d}" if valid_date(y, mo, d) else ""


def find_date(text: str) -> str:
    """The first full calendar date written in ``text`` as ISO ``YYYY-MM-DD``, or ""."""
    found = []
    for rx in (ISO, _MDY, _DMY):
        for m in rx.finditer(text):
            date = _date_of(rx, m)
            if date:
                found.append((m.start(), date))
                break
    for m in _NUMERIC.finditer(text):
        date = _numeric(m, text)
        if date:
            found.append((m.start(), date))
            break
    return min(found)[1] if found else ""


def title(text: str) -> str:
    """The first line when it is a title: short, without final punctuation, and followed by text."""
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if sep and rest.strip() and 0 < len(first) <= MAX_TITLE_CHARS and first[-1] not in TITLE_NOT_ENDING:
        return first
    return ""

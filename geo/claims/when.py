"""When a claimed event happened, where the text says so: a timeline line's date label
("NOV 29 - Rebels push into ..."), a date opening the sentence ("On 5 December, ..."), or a
date or weekday in the phrase's clause ("entered Hama on Thursday"); else the report's date.

A day and month take the report's year (the year before when that would be after the report);
a weekday is the last such day on or before the report's date. A date after the report's, or
more than ``MAX_DAYS_BEFORE`` days before it, is not taken.
"""

from __future__ import annotations

import datetime
import re

from ..reports.header import MONTHS

MAX_DAYS_BEFORE = 90   # an event date this far before the report is taken; older ones are history
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_RANGE = r"(?:\s*[-\u2013]\s*\d{1,2})"   # "3-4": a range of days
_DAY_MONTH = (rf"(?:(?P<d>\d{{1,2}}){_RANGE}?\s+(?P<m>{_MONTH})\.?"
              rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:\s*[-\u2013]\s*(?P<d3>\d{{1,2}}))?)(?:,?\s+(?P<y>\d{{4}}))?")
# "NOV 29 -", "DEC 3-4 -", "29 November:", "- Dec. 2, 2024 --": a line that opens with a date label
_LABEL = re.compile(rf"(?i)[ \t]*(?:[-*\u2022][ \t]*)?{_DAY_MONTH}[ \t]*(?:[-\u2013\u2014:|])")
# "On 5 December, ...", "By Dec. 6, ..."
_OPENING = re.compile(rf"(?i)\W*(?:on|by|early on|late on)\s+(?:\w+day,?\s+)?{_DAY_MONTH}\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_IN_CLAUSE = re.compile(rf"(?i)\b(?:on|early on|late on|since|by)\s+"
                        rf"(?:(?P<w>{'|'.join(_WEEKDAYS)})\b|(?:\w+day,?\s+)?{_DAY_MONTH}\b)")
_CLAUSE_END = re.compile(r"[,;:.!?]")


def _report_day(report_date: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(report_date)
    except ValueError:
        return None


def _from_day_month(m: re.Match, report: datetime.date) -> datetime.date | None:
    month = MONTHS.get((m["m"] or m["m2"] or "").lower().rstrip("."))
    day = m["d"] or m["d3"] or m["d2"]   # a range "DEC 3-4": its last day
    if month is None or day is None:
        return None
    year = int(m["y"]) if m["y"] else report.year
    try:
        d = datetime.date(year, month, int(day))
        if not m["y"] and d > report:
            d = datetime.date(year - 1, month, int(day))
    except ValueError:
        return None
    return d


def _weekday(name: str, report: datetime.date) -> datetime.date:
    back = (report.weekday() - _WEEKDAYS.index(name.lower())) % 7
    return report - datetime.timedelta(days=back)


def _taken(d: datetime.date | None, report: datetime.date) -> str:
    if d is None or d > report or (report - d).days > MAX_DAYS_BEFORE:
        return ""
    return d.isoformat()


def event_date(text: str, sentence_start: int, sentence: str, phrase_start: int, phrase_end: int,
               report_date: str) -> str:
    """The date of the event a status phrase (``phrase_start:phrase_end`` in ``sentence``, which
    starts at ``sentence_start`` in ``text``) reports, as ISO, or ``report_date``."""
    report = _report_day(report_date)
    if report is None:
        return report_date
    line_start = text.rfind("\n", 0, sentence_start) + 1
    label = _LABEL.match(text, line_start, sentence_start + len(sentence))
    if label:
        return _taken(_from_day_month(label, report), report) or report_date
    opening = _OPENING.match(sentence)
    if opening:
        return _taken(_from_day_month(opening, report), report) or report_date
    clause_end = _CLAUSE_END.search(sentence, phrase_end)
    m = _IN_CLAUSE.search(sentence, phrase_end, clause_end.start() if clause_end else len(sentence))
    if m:
        d = _weekday(m["w"], report) if m["w"] else _from_day_month(m, report)
        return _taken(d, report) or report_date
    return report_date

"""When a claimed event happened, where the text says so: a timeline line's date label
("NOV 29 - Rebels push into ..."), a date opening the sentence ("On 5 December, ..."), a date
or weekday in the phrase's clause ("entered Hama on Thursday"), or a heading line that is only a
date ("Saturday, November 30", "Sunday, December 1 - Wednesday, December 4": its last day) above
the paragraph; else the report's date.

A day and month take the report's year (the year before when that would be months after the report);
a weekday is the last such day on or before the report's date, "yesterday" the day before it.
A date after the report's is not taken (a plan, not an event). "since 30 November" is not read:
a hold said in a report holds as of the report.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from functools import lru_cache

from ..reports.header import MONTHS

ROLLOVER_DAYS = 180   # a day and month this far after the report's date are of the year before
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = rf"(?P<w>{'|'.join(_WEEKDAYS)})"
# "5 December", "3-4 December", "Dec. 5", "Dec 3-4", with a year or not: a range is its last day
# (a day is one or two digits of their own: "November 2024" names no day)
_DAY_MONTH = (rf"(?:(?<!\d)(?P<d>\d{{1,2}})(?:\s*[-\u2013]\s*(?P<d4>\d{{1,2}}))?\s+(?P<m>{_MONTH})\.?"
              rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?!\d)(?:\s*[-\u2013]\s*(?P<d3>\d{{1,2}})(?!\d))?)(?:,?\s+(?P<y>\d{{4}}))?"
              # "01.12.2024", "02-04.12.2024" (a range: its last day), ISO "2024-12-01"
              r"|(?<![\d.])(?:\d{1,2}\s*[-\u2013]\s*)?(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})\.(?P<ny>\d{4})(?!\d)"
              r"|(?<![\d-])(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?![\d-])")
# "NOV 29 -", "DEC 3-4 -", "29 November:", "- Dec. 2, 2024 --", "B.6 02-04.12.2024.": a line that opens with a date label
# (a few blanks before it at most: the label is read once per claim)
_LABEL = re.compile(rf"(?i)[ \t]{{0,8}}(?:[-*\u2022][ \t]{{0,4}}|[a-z]\.\d{{1,2}}\.?[ \t]+)?"   # ("B.6 02.12.2024. ...")
                    rf"(?:{_DAY_MONTH})[ \t]*(?:[-\u2013\u2014:|]|\.(?=[ \t]))")
# "On 5 December, ...", "On Thursday, ...", "Late on Saturday ...", "Yesterday ..."
_OPENING = re.compile(rf"(?i)\W{{0,4}}(?:(?:(?:early |late )?on|by)\s+(?:(?:\w+day,?\s+)?{_DAY_MONTH}\b|{_WEEKDAY}\b)"
                      rf"|(?P<yd>yesterday)\b)")
# "... on Thursday", "... on Sunday 1 December", "... by 6 December", "... yesterday", in the phrase's clause
_IN_CLAUSE = re.compile(rf"(?i)\b(?:(?:(?:early |late )?on|by)\s+(?:(?:\w+day,?\s+)?{_DAY_MONTH}\b|{_WEEKDAY}\b)"
                        rf"|(?P<yd>yesterday)\b)")
# where a phrase's clause ends: a mark (not an abbreviation's full stop, "Dec. 5") or a relative
# clause about something else ("in an offensive that began on 27 November")
_CLAUSE_MARK = re.compile(r"[,;:]")
_CLAUSE_END = re.compile(r"[,;:!?]|\.(?!\s*\d)|\b(?:that|which|who|whose|where)\b"
                         r"|\band (?=\w+ed\b|(?:took|fell|left|held|won|lost|fled|overran|withdrew|drew|began|came|went|ran)\b)")
# (and a verb after "and" starts another phrase: "holds Homs and withdrew from Hama on Thursday")


def _report_day(report_date: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(report_date)
    except ValueError:
        return None


def _from_day_month(m: re.Match, report: datetime.date) -> datetime.date | None:
    numeric = (m["ny"], m["nm"], m["nd"]) if m["ny"] else (m["iy"], m["im"], m["id"]) if m["iy"] else None
    if numeric is not None:
        try:
            return datetime.date(*(int(x) for x in numeric))
        except ValueError:
            return None
    month = MONTHS.get((m["m"] or m["m2"] or "").lower().rstrip("."))
    day = m["d4"] or m["d"] or m["d3"] or m["d2"]   # a range "DEC 3-4", "3-4 December": its last day
    if month is None or day is None:
        return None
    year = int(m["y"]) if m["y"] else report.year
    try:
        d = datetime.date(year, month, int(day))
        if not m["y"] and (d - report).days > ROLLOVER_DAYS:   # "8 December" in a January report
            d = datetime.date(year - 1, month, int(day))
    except ValueError:
        return None
    return d


def _date_of(m: re.Match, report: datetime.date) -> datetime.date | None:
    if m["yd"]:
        return report - datetime.timedelta(days=1)
    if m["w"]:
        return _weekday(m["w"], report)
    return _from_day_month(m, report)


def _weekday(name: str, report: datetime.date) -> datetime.date:
    back = (report.weekday() - _WEEKDAYS.index(name.lower())) % 7
    return report - datetime.timedelta(days=back)


def _taken(d: datetime.date | None, report: datetime.date) -> str:
    """``d`` as ISO, or "" when there is none or it is after the report (a plan, not an event)."""
    return "" if d is None or d > report else d.isoformat()


# a line that is only a date or a range of dates: weekdays, months, numbers, commas and dashes
_DATE_LINE = re.compile(rf"(?im)^[ \t]*(?:[#*\u2022][ \t]*)?(?:(?:{'|'.join(_WEEKDAYS)}|{_MONTH}|\d{{1,4}}(?:st|nd|rd|th)?"
                        rf"|to|and)\.?,?[ \t]*(?:[-\u2013\u2014][ \t]*)?){{2,12}}:?[ \t]*$")
_DAY_MONTH_ANY = re.compile(_DAY_MONTH, re.I)


@lru_cache(maxsize=4)
def _date_headings(text: str) -> tuple[tuple[int, ...], tuple[re.Match, ...]]:
    """The heading lines of ``text`` that are only a date: (where each line ends, its last date)."""
    ends, dates = [], []
    for line in _DATE_LINE.finditer(text):
        found = list(_DAY_MONTH_ANY.finditer(line.group()))
        if found:
            ends.append(line.end())
            dates.append(found[-1])
    return tuple(ends), tuple(dates)


def _heading_date(text: str, sentence_start: int, report: datetime.date) -> str:
    """The date of the last date-only heading line above ``sentence_start`` ("" when none)."""
    ends, dates = _date_headings(text)
    k = bisect_right(ends, sentence_start)
    return _taken(_from_day_month(dates[k - 1], report), report) if k else ""


def event_date(text: str, sentence_start: int, sentence: str, phrase_start: int, phrase_end: int,
               report_date: str) -> str:
    """The date of the event a status phrase (``phrase_start:phrase_end`` in ``sentence``, which
    starts at ``sentence_start`` in ``text``) reports, as ISO, or ``report_date``."""
    report = _report_day(report_date)
    if report is None:
        return report_date
    clause_end = _CLAUSE_END.search(sentence, phrase_end)
    m = _IN_CLAUSE.search(sentence, phrase_end, clause_end.start() if clause_end else len(sentence))
    if m is None:   # "..., and on Saturday they captured Homs": before the phrase, in its clause
        marks = list(_CLAUSE_MARK.finditer(sentence, 0, phrase_start))
        m = _IN_CLAUSE.search(sentence, marks[-1].end() if marks else 0, phrase_start)
    if m:   # the phrase's own clause says when: it outranks a date at the line's or sentence's head
        return _taken(_date_of(m, report), report) or report_date
    line_start = text.rfind("\n", 0, sentence_start) + 1
    label = _LABEL.match(text, line_start, sentence_start + len(sentence))
    if label:
        return _taken(_from_day_month(label, report), report) or report_date
    opening = _OPENING.match(sentence)
    if opening and opening.end() <= phrase_start:
        return _taken(_date_of(opening, report), report) or report_date
    return _heading_date(text, sentence_start, report) or report_date

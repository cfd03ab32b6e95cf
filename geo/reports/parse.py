"""One report's bytes -> a ``Report``: decoded, cleaned, its header, title, date and outlet read.

A report is a UTF-8 text file (BOM and CRLF tolerated). An optional header line
`` date YYYY-MM-DD`` may start the file (its text may continue on the same line); it is
stripped from the text shown. A short first line without final punctuation is the title.
Outlet, date and URL come from the manifest (``sources.csv``) when it lists the file. A date it
does not give comes from the header or the first full date in the text. An outlet it does not
give is inferred from the text's own tags (``infer_outlet``). A header date that is not a
calendar date (``date 2024-13-45``) is refused, as the manifest refuses the same value.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..errors import ReportError
from ..model import Report
from .header import HEADER, find_date, is_iso_date, title
from .inference import UNKNOWN, infer_outlet
from .manifest import Source
from .outlets import Outlets, load_outlets

# Characters that change nothing a reader sees but would split a name ("Ha\u200bma"): zero-width
# space, word joiner, a BOM inside the text, soft hyphen. Removed when a report is read (offsets
# index the text without them). Bidi controls are kept: they are shown as written.
INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")


def _decoded(path: Path, raw: bytes) -> str:
    """The text of ``raw``: UTF-8, LF line ends, invisible characters removed."""
    if not raw.strip():
        raise ReportError(f"{path}: empty file; a report needs text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ReportError(
            f"{path}: not UTF-8 (invalid byte 0x{raw[e.start]:02x} at offset {e.start}); save it as UTF-8"
        ) from None
    if "\x00" in text:
        raise ReportError(f"{path}: contains NUL bytes; not a text file")
    return INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _without_header(path: Path, text: str) -> tuple[str, str]:
    """(header date or "", the text after the header line)."""
    header_date = ""
    m = HEADER.match(text)
    if m:
        header_date = m[1]
        if not is_iso_date(header_date):
            raise ReportError(f"{path} line 1: header date {header_date!r} is not a calendar date YYYY-MM-DD")
        text = text[m.end():]
    text = text.strip("\n")
    if not text.strip():
        raise ReportError(f"{path}: no text after the date header")
    return header_date, text


def _outlet(text: str, source: Source | None, outlets: Outlets | None) -> tuple[str, str]:
    """(outlet, basis): the manifest's when it gives one, else the one the text names."""
    if source and source.outlet != UNKNOWN:
        return source.outlet, source.outlet_basis
    outlet, basis = infer_outlet(text, outlets if outlets is not None else load_outlets())
    if outlet == UNKNOWN and source:
        basis = source.outlet_basis
    return outlet, basis


def parse_report(path: Path, raw: bytes, source: Source | None = None,
                 outlets: Outlets | None = None) -> Report:
    """Decode and parse one report's bytes; raises ReportError with a one-line message.

    The outlet is the manifest's (``source``) when it gives one, else the one the text names
    (``infer_outlet`` with ``outlets``; the shipped outlets.toml when None)."""
    header_date, text = _without_header(path, _decoded(path, raw))
    outlet, basis = _outlet(text, source, outlets)
    return Report(
        id=path.stem,
        path=path,
        title=title(text),
        text=text,
        date=(source.date if source else "") or header_date or find_date(text),
        outlet=outlet,
        outlet_basis=basis,
        url=source.url if source else "",
        sha256=hashlib.sha256(raw).hexdigest(),
    )

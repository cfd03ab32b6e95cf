"""Reading report files: the only module that opens article files.

A report is a UTF-8 text file (BOM and CRLF tolerated). An optional header line
`` date YYYY-MM-DD`` may start the file (its text may continue on the same line); it is
stripped from the text shown. A short first line without final punctuation is the title.
Outlet, date and URL come from ``sources.csv`` in the reports folder when it lists the file;
otherwise the date comes from the header or the first full date in the text, and the outlet
is "unknown".
"""

from __future__ import annotations

import csv
import io
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import ManifestError, ReportError

MANIFEST = "sources.csv"
MANIFEST_COLUMNS = ("file", "outlet", "date", "url", "outlet_basis")
REPORT_SUFFIXES = (".txt",)

_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*(?:\n)?")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTHS = {
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


@dataclass(frozen=True)
class Report:
    id: str            # file stem, e.g. "001_43686b2d192f5961"
    path: Path         # where the file was read from
    title: str         # "" when the report has no title line
    text: str          # the text, header stripped, LF line ends; mention offsets index this
    date: str          # ISO date or "" when none is known
    outlet: str        # "unknown" when the manifest does not list the file
    outlet_basis: str  # why the outlet is believed (manifest), or ""
    url: str           # the article's URL from the manifest, or ""


@dataclass(frozen=True)
class Source:
    outlet: str
    date: str
    url: str
    outlet_basis: str


def _valid_date(y: int, m: int, d: int) -> bool:
    import datetime

    try:
        datetime.date(y, m, d)
    except ValueError:
        return False
    return True


def find_date(text: str) -> str:
    """The first full calendar date written in ``text`` as ISO ``YYYY-MM-DD``, or ""."""
    found = []
    for rx in (_ISO, _MDY, _DMY):
        for m in rx.finditer(text):
            if rx is _ISO:
                y, mo, d = int(m[1]), int(m[2]), int(m[3])
            else:
                mo = _MONTHS.get(m["m"].lower())
                if mo is None:
                    continue
                y, d = int(m["y"]), int(m["d"])
            if _valid_date(y, mo, d):
                found.append((m.start(), f"{y:04d}-{mo:02d}-{d:02d}"))
                break
    return min(found)[1] if found else ""


def read_manifest(folder: Path) -> dict[str, Source]:
    """``sources.csv`` as {file name: Source}; {} when the folder has none."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise ManifestError(f"{path}: not UTF-8 (byte {e.start}); save it as UTF-8") from None
    rows = csv.DictReader(io.StringIO(text, newline=""))  # not splitlines(): U+2028 is not a row end
    missing = [c for c in ("file", "outlet", "date") if c not in (rows.fieldnames or [])]
    if missing:
        raise ManifestError(
            f"{path} line 1: missing column(s) {', '.join(missing)}; expected {','.join(MANIFEST_COLUMNS)}"
        )
    out: dict[str, Source] = {}
    for line, row in enumerate(rows, start=2):
        name = (row.get("file") or "").strip()
        date = (row.get("date") or "").strip()
        if not name:
            raise ManifestError(f"{path} line {line}: empty 'file'")
        if date and not (_ISO.fullmatch(date) and _valid_date(*map(int, date.split("-")))):
            raise ManifestError(f"{path} line {line}: date {date!r} is not YYYY-MM-DD")
        out[name] = Source(
            outlet=(row.get("outlet") or "").strip() or "unknown",
            date=date,
            url=(row.get("url") or "").strip(),
            outlet_basis=(row.get("outlet_basis") or "").strip(),
        )
    return out


def _title(text: str) -> str:
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if sep and rest.strip() and 0 < len(first) <= 150 and first[-1] not in ".!?\"”’:":
        return first
    return ""


def parse_report(path: Path, raw: bytes, source: Source | None = None) -> Report:
    """Decode and parse one report's bytes; raises ReportError with a one-line message."""
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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header_date = ""
    m = _HEADER.match(text)
    if m:
        header_date = m[1]
        text = text[m.end():]
    text = text.strip("\n")
    if not text.strip():
        raise ReportError(f"{path}: no text after the date header")
    date = (source.date if source else "") or header_date or find_date(text)
    return Report(
        id=path.stem,
        path=path,
        title=_title(text),
        text=text,
        date=date,
        outlet=source.outlet if source else "unknown",
        outlet_basis=source.outlet_basis if source else "",
        url=source.url if source else "",
    )


def read_report(path: Path, source: Source | None = None) -> Report:
    try:
        st = path.lstat()
    except OSError as e:
        raise ReportError(f"{path}: cannot be read ({e.strerror})") from None
    if stat.S_ISLNK(st.st_mode):
        try:
            st = path.stat()
        except OSError:
            raise ReportError(f"{path}: broken symbolic link") from None
    if not stat.S_ISREG(st.st_mode):
        raise ReportError(f"{path}: not a regular file")
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ReportError(f"{path}: cannot be read ({e.strerror})") from None
    return parse_report(path, raw, source)


def report_paths(folder: Path) -> list[Path]:
    """Candidate report files in ``folder`` (not recursive), sorted by name."""
    if not folder.is_dir():
        raise ReportError(f"{folder}: not a folder of reports")
    return sorted(
        (p for p in folder.iterdir() if p.suffix.lower() in REPORT_SUFFIXES and not p.name.startswith(".")),
        key=lambda p: p.name,
    )


def read_reports(folder: Path) -> tuple[list[Report], list[str]]:
    """All readable reports in ``folder`` sorted by id, and one line per file that was skipped."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    reports: list[Report] = []
    problems: list[str] = []
    for path in report_paths(folder):
        try:
            reports.append(read_report(path, manifest.get(path.name)))
        except ReportError as e:
            problems.append(str(e))
    return sorted(reports, key=lambda r: r.id), problems

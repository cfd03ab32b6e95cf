"""``sources.csv``, the reports folder's optional manifest: outlet, date and URL per file.

When present it gets the same checks as a report (``files.read_inside``) and a failed one stops
the build (``ManifestError``), as does a manifest over ``MAX_MANIFEST_BYTES`` (20 MiB) or a date
that is not a calendar date: a build without the outlets and dates it gives would label reports
wrongly.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ManifestError, ReportError
from .files import read_inside, shown
from .header import is_iso_date

MANIFEST = "sources.csv"
MANIFEST_COLUMNS = ("file", "outlet", "date", "url", "outlet_basis")
REQUIRED_COLUMNS = ("file", "outlet", "date")
MAX_MANIFEST_BYTES = 20 * 2**20    # a larger sources.csv stops the build


@dataclass(frozen=True)
class Source:
    outlet: str
    date: str
    url: str
    outlet_basis: str


def _manifest_text(folder: Path, root: str | None) -> str | None:
    """The text of ``folder``'s sources.csv, None when there is none; ManifestError when refused."""
    path = Path(folder) / MANIFEST
    try:
        os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise ManifestError(f"{shown(path)}: cannot be read ({e.strerror})") from None
    try:
        raw = read_inside(path, root or os.path.realpath(folder), MAX_MANIFEST_BYTES, MANIFEST)
    except ReportError as e:
        raise ManifestError(str(e)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ManifestError(f"{path}: not UTF-8 (byte {e.start}); save it as UTF-8") from None


def _source(row: dict, path: Path, line: int) -> tuple[str, Source]:
    """One row of the manifest as (file name, Source); ``line`` is its last line, for messages."""
    name = (row.get("file") or "").strip()
    date = (row.get("date") or "").strip()
    if not name:
        raise ManifestError(f"{path} line {line}: empty 'file'")
    if date and not is_iso_date(date):
        raise ManifestError(f"{path} line {line}: date {date!r} is not YYYY-MM-DD")
    return name, Source(
        outlet=(row.get("outlet") or "").strip() or "unknown",
        date=date,
        url=(row.get("url") or "").strip(),
        outlet_basis=(row.get("outlet_basis") or "").strip(),
    )


def read_manifest(folder: Path, root: str | None = None) -> dict[str, Source]:
    """``sources.csv`` as {file name: Source}; {} when the folder has none.

    Raises ManifestError (one line) when it is there but is not a regular file inside the folder
    (``root``: the folder's real path), is over MAX_MANIFEST_BYTES, cannot be read or is malformed."""
    text = _manifest_text(folder, root)
    if text is None:
        return {}
    path = Path(folder) / MANIFEST
    rows = csv.DictReader(io.StringIO(text, newline=""))  # not splitlines(): U+2028 is not a row end
    out: dict[str, Source] = {}
    try:
        missing = [c for c in REQUIRED_COLUMNS if c not in (rows.fieldnames or [])]
        if missing:
            raise ManifestError(
                f"{path} line 1: missing column(s) {', '.join(missing)}; expected {','.join(MANIFEST_COLUMNS)}"
            )
        for row in rows:
            name, source = _source(row, path, rows.reader.line_num)   # the row's last line
            out[name] = source
    except csv.Error as e:                        # a field over the csv module's limit, a stray quote
        raise ManifestError(f"{path} line {rows.reader.line_num}: {e}") from None
    return out

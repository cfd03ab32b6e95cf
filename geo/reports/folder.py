"""The reports folder as a whole: every report read, the unreadable ones skipped with a warning.

A report is skipped with a one-line warning (``ReportError``; the build goes on) when
``files.read_report_bytes`` refuses it or ``parse_report`` cannot parse it. The build stops
(``ReportFolderError``, one line per problem, after the warnings of the files skipped) when the
folder is missing or cannot be listed, holds no readable report, or holds two files with one id
(the id is the file name without ``.txt``: ``dup.txt`` and ``dup.TXT``). ``sources.csv`` is
optional, but a refused one stops the build (``ManifestError``).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ReportError, ReportFolderError
from ..model import Report
from .files import read_report_bytes, report_paths, shown
from .manifest import Source, read_manifest
from .outlets import Outlets, load_outlets
from .parse import parse_report


def read_report(path: Path, source: Source | None = None, outlets: Outlets | None = None,
                root: str | None = None) -> Report:
    """Read and parse one report file; raises ReportError with a one-line message.

    ``root`` is the real path of the reports folder (default: the file's own folder): the file
    must be a regular file inside it, or a link to one, of at most MAX_REPORT_BYTES."""
    path = Path(path)
    return parse_report(path, read_report_bytes(path, root), source, outlets)


def _folder_errors(folder: Path, reports: list[Report], problems: list[str]) -> list[str]:
    """One line per reason the folder cannot be used: two files with one id, no readable report."""
    by_id: dict[str, list[Report]] = {}
    for r in reports:
        by_id.setdefault(r.id, []).append(r)
    errors = [f"{', '.join(str(r.path) for r in same[:-1])} and {same[-1].path}: one id {rid!r} for "
              f"{len(same)} reports (the id is the file name without .txt); rename all but one"
              for rid, same in by_id.items() if len(same) > 1]
    if not reports:
        name = shown(folder)
        errors.append(f"{name}: no readable report (.txt) files; {len(problems)} skipped" if problems else
                      f"{name}: no report (.txt) files in the folder")
    return errors


def read_reports(folder: Path, vocab_folder: Path | None = None) -> tuple[list[Report], list[str]]:
    """All readable reports in ``folder`` sorted by id, and one line per file that was skipped.

    ``vocab_folder`` (``--vocab DIR``) may hold an outlets.toml replacing the shipped one.
    Raises ReportFolderError (carrying the skip lines) when no report can be read or two files
    have one id, ManifestError when sources.csv is refused."""
    folder = Path(folder)
    paths = report_paths(folder)
    root = os.path.realpath(folder)
    manifest = read_manifest(folder, root)
    outlets = load_outlets(vocab_folder)
    reports: list[Report] = []
    problems: list[str] = []
    for path in paths:
        try:
            reports.append(read_report(path, manifest.get(path.name), outlets, root))
        except ReportError as e:
            problems.append(str(e))
    errors = _folder_errors(folder, reports, problems)
    if errors:
        raise ReportFolderError(errors, skipped=problems)
    return sorted(reports, key=lambda r: r.id), problems

"""Reading report files: the only package that opens article files.

``read_reports(folder)`` gives every readable report of a folder and one warning line per file
skipped. Its steps, one module each: ``files`` reads regular files inside the folder safely and
within size limits, ``manifest`` reads ``sources.csv`` (outlet, date, URL per file), ``header``
the date header, title line and dates in the text, ``outlets`` the outlet vocabulary
(``geo/data/outlets.toml``), ``inference`` the outlet a text names through its own tags,
``parse`` turns one report's bytes into a ``Report``, ``folder`` reads the folder as a whole.
"""

from .files import MAX_REPORT_BYTES, REPORT_SUFFIXES, report_paths
from .folder import read_report, read_reports
from .header import find_date
from .inference import OUTLET_WINDOW, infer_outlet
from .manifest import MANIFEST, MANIFEST_COLUMNS, MAX_MANIFEST_BYTES, Source, read_manifest
from .outlets import OUTLET_FORMS, OUTLETS_FILE, Outlet, Outlets, load_outlets
from .parse import INVISIBLE, parse_report

__all__ = [
    "INVISIBLE", "MANIFEST", "MANIFEST_COLUMNS", "MAX_MANIFEST_BYTES", "MAX_REPORT_BYTES", "OUTLETS_FILE",
    "OUTLET_FORMS", "OUTLET_WINDOW", "REPORT_SUFFIXES", "Outlet", "Outlets", "Source", "find_date",
    "infer_outlet", "load_outlets", "parse_report", "read_manifest", "read_report", "read_reports",
    "report_paths",
]

"""Reading files of the reports folder safely: the only code that opens them.

Only regular files inside the reports folder are read, and each is checked with ``lstat`` and
``stat`` before it is opened (a FIFO is never opened, so nothing can block the build). A file is
refused with a one-line ``ReportError`` when it is a symbolic link whose target lies outside the
folder, a file under ``/proc`` or ``/sys``, a folder, FIFO, socket or device, a broken link, or
larger than its limit (``MAX_REPORT_BYTES``, 64 MiB, for a report; checked on the size before
reading; no more than that is ever read). The folder itself must exist, be listable and have a
UTF-8 path (``ReportFolderError``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import ReportError, ReportFolderError

REPORT_SUFFIXES = (".txt",)
MAX_REPORT_BYTES = 64 * 2**20      # a larger report is skipped unread, with a warning naming its size
PSEUDO_FILE_SYSTEMS = ("/proc", "/sys")   # kernel files: size 0 or 4096 whatever they hold, may block
READ_CHUNK_BYTES = 2**20           # one os.read at a time
MIB, GIB = 2**20, 2**30
MAX_SHOWN_PATH = 300               # a longer path is shown with its middle cut
SHOWN_PATH_END = 120               # characters kept at each end of a cut path


def size_text(n: int) -> str:
    """``n`` bytes for a message: "60.0 MiB (62914560 bytes)"."""
    if n < MIB:
        return f"{n} bytes"
    if n >= GIB:
        return f"{n / GIB:.1f} GiB ({n} bytes)"
    return f"{n / MIB:.1f} MiB ({n} bytes)"


def shown(path) -> str:
    """A path for a message, its middle cut when it is very long (ENAMETOOLONG)."""
    s = str(path)
    end = SHOWN_PATH_END
    return s if len(s) <= MAX_SHOWN_PATH else f"{s[:end]}…{s[-end:]} ({len(s)} characters)"


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _checked_stat(path: Path, root: str, limit: int, what: str) -> tuple[os.stat_result, str]:
    """The ``stat`` and real path of ``path`` when it may be opened (see ``read_inside``);
    else ReportError with a one-line message. Nothing is opened here."""
    link = False
    try:
        st = os.lstat(path)
        link = stat.S_ISLNK(st.st_mode)
        if link:
            st = os.stat(path)
    except FileNotFoundError:
        raise ReportError(f"{path}: broken symbolic link" if link else f"{path}: no such file") from None
    except OSError as e:
        raise ReportError(f"{path}: cannot be read ({e.strerror})") from None
    real = os.path.realpath(path)
    if link and not _inside(real, root):
        raise ReportError(f"{path}: symbolic link to {real}, outside the reports folder; not read")
    for top in PSEUDO_FILE_SYSTEMS:
        if _inside(real, top):
            raise ReportError(f"{path}: {real} is a kernel file under {top}; not read")
    if not stat.S_ISREG(st.st_mode):          # a folder, FIFO, socket or device: never opened
        raise ReportError(f"{path}: not a regular file")
    if st.st_size > limit:
        raise ReportError(f"{path}: {size_text(st.st_size)} is over the {size_text(limit)} limit for {what}; not read")
    return st, real


def _read_open(fd: int, path: Path, st: os.stat_result, limit: int) -> list[bytes]:
    """The chunks read from ``fd`` (the file ``st`` described), ``limit`` + 1 bytes at most."""
    now = os.fstat(fd)
    if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
        raise ReportError(f"{path}: changed while being read; not read")
    chunks, total = [], 0
    while total <= limit:
        chunk = os.read(fd, min(limit + 1 - total, READ_CHUNK_BYTES))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return chunks


def read_inside(path: Path, root: str, limit: int, what: str) -> bytes:
    """The bytes of ``path`` when it is a regular file (or a link to one) inside the folder whose
    real path is ``root``, of at most ``limit`` bytes; else ReportError with a one-line message.

    Everything is decided from ``lstat``/``stat`` before the file is opened; the file is then
    opened without following a link and without blocking, checked to be the same regular file,
    and read up to ``limit`` bytes, so a file that changes meanwhile is refused, never waited on."""
    st, real = _checked_stat(path, root, limit, what)
    if st.st_size == 0:
        return b""                      # nothing to read; kernel files that say 0 are never opened
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(real, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise ReportError(f"{path}: cannot be read ({e.strerror})") from None
    try:
        chunks = _read_open(fd, path, st, limit)
    except OSError as e:
        raise ReportError(f"{path}: cannot be read ({e.strerror})") from None
    finally:
        os.close(fd)
    if sum(map(len, chunks)) > limit:
        raise ReportError(f"{path}: grew over the {size_text(limit)} limit for {what} while being read; not read")
    return b"".join(chunks)


def read_report_bytes(path: Path, root: str | None = None) -> bytes:
    """The bytes of one report file, checked as ``read_inside`` does with ``MAX_REPORT_BYTES``.

    ``root`` is the real path of the reports folder (default: the file's own folder). Raises
    ReportError when the file name is not UTF-8."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        raise ReportError(f"{path}: the file name is not UTF-8; rename the file") from None
    return read_inside(path, root or os.path.realpath(path.parent), MAX_REPORT_BYTES, "a report")


def report_paths(folder: Path) -> list[Path]:
    """Candidate report files in ``folder`` (not recursive), sorted by name.

    Raises ReportFolderError when the folder is missing, not a folder or cannot be listed."""
    folder = Path(folder)
    name = shown(folder)
    try:
        st = os.stat(folder)
    except FileNotFoundError:
        raise ReportFolderError(f"{name}: no such folder; --reports names a folder of report .txt files") from None
    except OSError as e:
        raise ReportFolderError(f"{name}: cannot be used as the reports folder ({e.strerror})") from None
    if not stat.S_ISDIR(st.st_mode):
        raise ReportFolderError(f"{name}: not a folder of reports")
    try:
        str(folder).encode("utf-8")
    except UnicodeEncodeError:
        raise ReportFolderError(f"{name}: the folder's path is not UTF-8; rename it") from None
    try:
        names = os.listdir(folder)
    except OSError as e:
        raise ReportFolderError(f"{name}: the folder cannot be listed ({e.strerror})") from None
    return [folder / n for n in sorted(names)
            if os.path.splitext(n)[1].lower() in REPORT_SUFFIXES and not n.startswith(".")]

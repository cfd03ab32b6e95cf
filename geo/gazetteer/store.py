"""Files of named sections (byte strings and numeric arrays) with a checked header: the one
format of the caches that keep a parsed gazetteer (``cache``) and a matcher's names
(``report_step``) between builds.

A file is the sections one after another, then a JSON header (what the sections are, their
lengths, the sha256 of them all, the caller's ``meta``), then a footer: magic, header length,
header sha256. Nothing in it is code: no pickle, no eval; numbers are read with
``numpy.frombuffer`` in the few fixed dtypes of ``DTYPES``. ``read`` returns None for anything
that is not exactly what ``write`` wrote under the same key (a missing, truncated, damaged or
foreign file, another format or key), so a damaged cache is a miss and the build reads the
gazetteer again. Files are written to a temporary name and renamed, so a killed build leaves
the old file or none. A file of someone else's making that passes every check can give wrong
data, never run code: the folder sits beside the output folder, and whoever can write there can
write the outputs themselves.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import os
import platform
import struct
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from ..fingerprint import package_digest

FORMAT = 1
MAGIC = b"GEOSTORE"
FOOTER = struct.Struct("<8sQ32s")       # magic, header length, sha256 of the header
MAX_HEADER_BYTES = 16 * 1024 * 1024
DTYPES = {"i1": "<i1", "i4": "<i4", "u4": "<u4", "i8": "<i8", "f8": "<f8"}
TMP_PREFIX = ".tmp-"
STALE_TMP_S = 3600                     # a temporary file this old is a killed build's

Section = bytes | np.ndarray     # as read; written, a byte section may also be an iterable of chunks


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """The cyclic garbage collector off for a block that makes millions of objects and no cycle
    (parsing or rebuilding a gazetteer): its passes over them took a third of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@functools.cache
def code_fingerprint() -> str:
    """sha256 over the package's Python files and shipped data files (path and bytes), and the
    versions of Python and of its Unicode tables (the name folding depends on them)."""
    h = hashlib.sha256()
    for part in (f"store {FORMAT}", platform.python_version(), sys.implementation.name, unicodedata.unidata_version,
                 np.__version__):
        h.update(part.encode() + b"\0")
    h.update(package_digest())
    return h.hexdigest()


def joined(strings: Iterable[str]) -> bytes | None:
    """The strings as UTF-8 separated by NUL, or None when one holds a NUL (it could not be
    told apart: the caller keeps nothing)."""
    items = strings if isinstance(strings, list) else list(strings)
    text = "\0".join(items)
    if text.count("\0") != max(len(items) - 1, 0):
        return None
    return text.encode("utf-8")


def split(blob: bytes | bytearray, count: int) -> list[str] | None:
    """The ``count`` strings ``joined`` made, or None when the blob does not hold that many."""
    if count == 0:
        return [] if not blob else None
    if blob.count(b"\0") != count - 1:
        return None
    return blob.decode("utf-8", "replace").split("\0")


def write(path: Path, key: str, meta: dict, sections: Iterable[tuple[str, Section | Iterable[bytes]]]) -> None:
    """Write the sections (taken one at a time, a byte section possibly in chunks, so the caller
    can make each just in time) and the header; OSError when the file cannot be written, and
    whatever the sections raise (nothing is left behind either way)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            digest, table = hashlib.sha256(), []
            for name, data in sections:
                kind, length = "bytes", 0
                if isinstance(data, np.ndarray):
                    kind = next(k for k, dt in DTYPES.items() if np.dtype(dt) == data.dtype)
                    chunks: Iterable[bytes] = [np.ascontiguousarray(data).tobytes()]
                else:
                    chunks = [data] if isinstance(data, (bytes, bytearray)) else data
                for buf in chunks:
                    f.write(buf)
                    digest.update(buf)
                    length += len(buf)
                table.append([name, kind, length])
            header = json.dumps({"format": FORMAT, "key": key, "sections": table, "sha256": digest.hexdigest(),
                                 "meta": meta}, ensure_ascii=False).encode("utf-8")
            f.write(header)
            f.write(FOOTER.pack(MAGIC, len(header), hashlib.sha256(header).digest()))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read(path: Path, key: str) -> tuple[dict, dict[str, Section]] | None:
    """(meta, sections by name) of a file ``write`` wrote under ``key``, or None (see above).
    OSError when the file exists but cannot be read."""
    if path.is_symlink() or not path.is_file():
        return None
    with open(path, "rb") as f:
        size = f.seek(0, os.SEEK_END)
        header = _header(f, size, key)
        if header is None:
            return None
        f.seek(0)
        digest, sections = hashlib.sha256(), {}
        for name, kind, length in header["sections"]:
            data = f.read(length)
            if len(data) != length:
                return None
            digest.update(data)
            sections[name] = data if kind == "bytes" else np.frombuffer(data, DTYPES[kind])
    if digest.hexdigest() != header["sha256"]:
        return None
    return header["meta"], sections


def _header(f, size: int, key: str) -> dict | None:
    """The header of the open file of ``size`` bytes, checked; None when it is not one."""
    if size < FOOTER.size:
        return None
    f.seek(size - FOOTER.size)
    magic, length, header_sha = FOOTER.unpack(f.read(FOOTER.size))
    if magic != MAGIC or length > min(MAX_HEADER_BYTES, size - FOOTER.size):
        return None
    f.seek(size - FOOTER.size - length)
    raw = f.read(length)
    if hashlib.sha256(raw).digest() != header_sha:
        return None
    try:
        header = json.loads(raw.decode("utf-8"))
    except ValueError:
        return None
    if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("key") != key:
        return None
    table = header.get("sections")
    if not isinstance(table, list) or not isinstance(header.get("meta"), dict):
        return None
    total = 0
    for item in table:
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)
                and (item[1] == "bytes" or item[1] in DTYPES) and type(item[2]) is int and item[2] >= 0):
            return None
        if item[1] != "bytes" and item[2] % np.dtype(DTYPES[item[1]]).itemsize:
            return None
        total += item[2]
    if total != size - FOOTER.size - length or len({item[0] for item in table}) != len(table):
        return None
    return header


def prune(folder: Path, suffix: str, keep: str) -> None:
    """Remove the files of ``folder`` ending in ``suffix`` but ``keep``, and temporary files
    left by killed builds (those older than ``STALE_TMP_S``: another build may be writing one)."""
    import time

    try:
        items = list(folder.iterdir()) if folder.is_dir() and not folder.is_symlink() else []
    except OSError:
        return
    for p in items:
        try:
            stale_tmp = p.name.startswith(TMP_PREFIX) and time.time() - p.lstat().st_mtime > STALE_TMP_S
            if (p.name.endswith(suffix) and p.name != keep) or stale_tmp:
                p.unlink()
        except OSError:
            pass

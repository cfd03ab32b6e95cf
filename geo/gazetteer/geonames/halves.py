"""A big GeoNames dump read by two processes at once, each one half of its lines.

Reading a row is pure Python (checks, names folded, keys made): a 3-million-row dump is over a
minute of one core. From ``PARALLEL_BYTES`` on, and with two cores or more, the file is cut at
the first line start after its middle; a forked child reads the second half into its own
``Table`` and sends it back through a pipe while the parent reads the first half; the parent
then appends the child's table to its own (row numbers, record and key offsets shifted, kind
and country codes mapped). Rows keep their file order, so the gazetteer is the one a single
reader makes: the same entries, aliases, alternatives and index order (tests/test_geonames.py).

The problems of both halves are reported together, in line order, as one reader would; an
invalid UTF-8 byte in the first half is reported before one in the second. A geonameid repeated
across the halves cannot be reported by either half alone, and a child that dies sends nothing:
``read_in_halves`` then returns None and the caller reads the file with one reader. A process
that may not start one (a daemonic Dask worker) reads with one reader too.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import numpy as np

from ...errors import GazetteerError
from ..reading import CHUNK_BYTES, Lines
from .rows import Reader

PARALLEL_BYTES = 64 * 1024 * 1024     # a dump file this big is read in two halves at once


def can_halve(path: Path) -> bool:
    """Whether ``read_in_halves`` would read ``path`` in two processes."""
    try:
        big = path.stat().st_size >= PARALLEL_BYTES
    except OSError:
        return False
    return (big and (os.cpu_count() or 1) >= 2 and "fork" in multiprocessing.get_all_start_methods()
            and not multiprocessing.current_process().daemon)   # (a Dask worker may start no process)


def _cut(path: Path) -> tuple[int, int] | None:
    """(byte offset of the first line start after the middle, lines before it), or None."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        f.seek(size // 2)
        at = size // 2
        while chunk := f.read(CHUNK_BYTES):
            i = chunk.find(b"\n")
            if i >= 0:
                cut = at + i + 1
                break
            at += len(chunk)
        else:
            return None
        if cut >= size:
            return None
        f.seek(0)
        lines, left = 0, cut
        while left:
            chunk = f.read(min(CHUNK_BYTES, left))
            if not chunk:
                return None
            lines += chunk.count(b"\n")
            left -= len(chunk)
    return cut, lines


def _second_half(conn, reader: Reader, lines: Lines) -> None:
    """The child: read the second half, send (table, problem lines) or the error's message."""
    try:
        reader.read(lines, lines.line + 1)
        conn.send((reader.table, reader.problems.lines))
    except GazetteerError as e:
        conn.send(str(e))
    except BaseException as e:       # anything else: the parent raises it as the child's failure
        conn.send(f"{lines.path}: reading its second half failed ({type(e).__name__}: {e})")
    finally:
        conn.close()


def read_in_halves(path: Path, make_reader) -> Reader | None:
    """The dump's rows read by ``make_reader()`` readers, the second half in a forked child; the
    first reader, holding every row, or None when the file is read better by one reader (no
    line start past the middle, a geonameid in both halves)."""
    found = _cut(path)
    if found is None:
        return None
    cut, before = found
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_second_half, args=(send, make_reader(), Lines(path, cut, None, before)), daemon=True)
    child.start()
    send.close()
    try:
        reader = make_reader()
        reader.read(Lines(path, 0, cut))
        got = receive.recv()
    except (EOFError, OSError):
        return None          # the child died (killed, out of memory): the file is read by one reader
    except BaseException:
        child.kill()
        raise
    finally:
        child.join()
        receive.close()
    if isinstance(got, str):
        raise GazetteerError(got)
    table, problems = got
    if len(np.intersect1d(np.asarray(reader.table.gids, np.int64), np.asarray(table.gids, np.int64))):
        return None
    reader.table.extend(table)
    reader.problems.lines.extend(problems)
    return reader

"""The per-report results of the last build in one SQLite file, instead of one file per report.

``results.sqlite3`` in the cache folder (``geo.cache``) holds one table, ``results(key, blob)``:
a report's key and its result as ``cache.encode`` wrote it. The file is untrusted input: before
any row is read, its header (application id, version) and its whole schema (one table, exactly
as ``SCHEMA`` creates it: no trigger, view or index of anyone else's) must be this module's, and
the connection does not trust the schema (``trusted_schema`` off) nor load extensions; every blob
read still goes through ``cache.decode``'s checks. A damaged or foreign file is removed and made
anew (with a warning): it costs the reports it held a reading, never the build.

Writes are SQLite transactions (rollback journal, synchronous): a build killed while writing
leaves the rows of the last committed batch, never a damaged file. A second build writing at
the same time waits up to ``BUSY_S`` for the lock, then keeps nothing (a warning); one that
prunes rows the other wants costs that one a reading. Connections are opened and closed around
each read or write, so none is open while worker processes are forked.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

NAME = "results.sqlite3"
APPLICATION_ID = 0x67656F72              # "geor"
VERSION = 1
SCHEMA = "CREATE TABLE results (key TEXT PRIMARY KEY NOT NULL, blob BLOB NOT NULL) WITHOUT ROWID"
BUSY_S = 5.0                             # how long a build waits for another's write lock
QUERY_KEYS = 500                         # keys per SELECT ... IN (...)
SIDE_FILES = ("-journal", "-wal", "-shm")
_DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_FORMAT", "SQLITE_SCHEMA", "SQLITE_MISMATCH"}


class StoreError(Exception):
    """The store cannot be used now (``damaged``: it is not a store this module wrote, or not
    whole; else an IO problem or another build's lock). ``what`` says which, for a warning."""

    def __init__(self, what: str, damaged: bool = False):
        super().__init__(what)
        self.what = what
        self.damaged = damaged


def _error(e: sqlite3.Error) -> StoreError:
    name = getattr(e, "sqlite_errorname", "") or ""
    if name in _DAMAGED or name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return StoreError(f"is damaged or not a result store ({e})", damaged=True)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreError(f"is in use by another build ({e})")
    return StoreError(f"cannot be used ({e})")


def _checked(con: sqlite3.Connection, create: bool) -> bool:
    """True when ``con``'s file is a store of this version (made so when empty and ``create``);
    StoreError(damaged) when it is anything else."""
    def header() -> tuple[int, int, list]:
        app = con.execute("PRAGMA application_id").fetchone()[0]
        version = con.execute("PRAGMA user_version").fetchone()[0]
        schema = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        return app, version, schema

    app, version, schema = header()
    if (app, version, schema) == (APPLICATION_ID, VERSION, [("table", "results", "results", SCHEMA)]):
        return True
    if (app, version, schema) != (0, 0, []):
        raise StoreError("is not a result store of this version", damaged=True)
    if not create:
        return False
    con.execute("PRAGMA auto_vacuum = INCREMENTAL")     # set before the first table: pruned pages freed
    with _transaction(con):
        if header() == (0, 0, []):                     # not made meanwhile by another build
            con.execute(SCHEMA)
            con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            con.execute(f"PRAGMA user_version = {VERSION}")
    return _checked(con, create=False)


@contextlib.contextmanager
def _transaction(con: sqlite3.Connection) -> Iterator[None]:
    """One write transaction (taking the write lock at once), committed after the block or rolled back."""
    con.execute("BEGIN IMMEDIATE")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise


@contextlib.contextmanager
def _open(path: Path, create: bool) -> Iterator[sqlite3.Connection | None]:
    """A checked connection to the store at ``path`` (None when there is none and not
    ``create``), closed after the block; StoreError for any problem."""
    try:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise StoreError("is not a regular file", damaged=True)
        if not create and not path.exists():
            yield None
            return
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path, timeout=BUSY_S, isolation_level=None)
    except OSError as e:
        raise StoreError(f"cannot be written ({e.strerror})") from None
    except sqlite3.Error as e:
        raise _error(e) from None
    try:
        con.execute("PRAGMA trusted_schema = OFF")
        con.execute("PRAGMA cell_size_check = ON")
        yield con if _checked(con, create) else None
    except sqlite3.Error as e:
        raise _error(e) from None
    finally:
        con.close()


def remove(path: Path) -> None:
    """Remove the store at ``path`` and its journal (a damaged one, to be made anew)."""
    for p in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        with contextlib.suppress(OSError):
            p.unlink()


def read(path: Path, keys: Iterable[str], max_blob: int) -> dict[str, bytes]:
    """The blobs kept under ``keys`` (those present, none over ``max_blob`` bytes); StoreError."""
    wanted = list(dict.fromkeys(keys))
    out: dict[str, bytes] = {}
    with _open(path, create=False) as con:
        if con is None:
            return out
        for k in range(0, len(wanted), QUERY_KEYS):
            part = wanted[k:k + QUERY_KEYS]
            rows = con.execute(f"SELECT key, blob FROM results WHERE length(blob) <= ? AND key IN "
                               f"({','.join('?' * len(part))})", [max_blob, *part])
            for key, blob in rows:
                if type(key) is str and type(blob) is bytes:
                    out[key] = blob
    return out


def write(path: Path, rows: list[tuple[str, bytes]]) -> None:
    """Keep ``rows`` (key, blob), replacing rows of the same keys, in one transaction; StoreError."""
    with _open(path, create=True) as con:
        assert con is not None
        with _transaction(con):
            con.executemany("INSERT OR REPLACE INTO results (key, blob) VALUES (?, ?)", rows)


def keep_only(path: Path, keys: set[str]) -> int:
    """Remove every row whose key is not in ``keys`` (and free their pages); how many; StoreError."""
    with _open(path, create=False) as con:
        if con is None:
            return 0
        with _transaction(con):
            stale = [(k,) for (k,) in con.execute("SELECT key FROM results") if k not in keys]
            con.executemany("DELETE FROM results WHERE key = ?", stale)
        if stale:
            con.execute("PRAGMA incremental_vacuum").fetchall()
        return len(stale)

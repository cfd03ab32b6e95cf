"""Running the per-report step over many reports: in one process, over N processes, or on Dask.

``report_step.process_report`` is the one function all three run: report -> (mentions, claims,
unresolved). Results come back in report order, so ``--jobs N`` gives the same outputs as one
process. Where processes start by fork (Linux's default), the workers inherit the engine the
build already loaded: the gazetteer, its index and entries and the matcher are made once, in
the parent, before the pool starts, and frozen out of the garbage collector's reach
(``gc.freeze``) so that the workers share their memory pages instead of copying them. Where
they start otherwise (spawn, forkserver), each worker loads the gazetteer once (an
initializer), from the build's gazetteer cache when there is one.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .errors import DaskError
from .gazetteer import load
from .model import Report
from .report_step import PIECE_CHARS, Engine, ReportResult, merged, pieces, process_piece, process_report
from .reports import load_outlets, read_manifest, read_report

Progress = Callable[[int], None]    # called with the number of reports just done

AUTO_JOBS_FROM = 200
CHUNKS_PER_JOB = 8                # reports go to the pool in chunks: this many per process, for balance
DASK_PARTITIONS_PER_CORE = 2      # process_on_dask: partitions of the bag of files per local core
DASK_PARTITIONS_PER_WORKER = 4    # process_with_dask: partitions of the bag of reports per worker
DASK_CONNECT_TIMEOUT = "10s"      # a scheduler address that does not answer in this time is an error
WORKER_GC_THRESHOLD = 20_000   # allocations between a worker's young collections
_ENGINE: Engine | None = None


def _init(gazetteer_path: str, vocab_dir: str | None, cache: str | None) -> None:
    global _ENGINE
    folder = Path(cache) if cache else None
    _ENGINE = Engine.create(load(gazetteer_path, cache=folder), Path(vocab_dir) if vocab_dir else None, cache=folder)


def _work(task: tuple[int, Report]) -> ReportResult:
    assert _ENGINE is not None
    offset, piece = task
    return process_piece(piece, _ENGINE, offset)


def process_all(reports: list[Report], engine: Engine, gazetteer_path: Path, jobs: int = 1,
                progress: Progress | None = None, meanwhile: Callable[[], None] | None = None) -> list[ReportResult]:
    """Results for ``reports`` in their order; ``jobs`` > 1 uses that many processes, 0 one per
    core when there are at least ``AUTO_JOBS_FROM`` reports or a report is huge (read in pieces,
    ``report_step.pieces``; below that, starting processes costs more than it saves). The
    pieces of a huge report go to the processes like reports do. ``meanwhile`` is called once:
    while the processes work (once they have their tasks), or first when there are none."""
    tasks = [(i, off, piece) for i, r in enumerate(reports) for off, piece in pieces(r)]
    if jobs == 0:
        jobs = (os.cpu_count() or 1) if len(reports) >= AUTO_JOBS_FROM or len(tasks) > len(reports) else 1
    if jobs <= 1 or len(tasks) < 2:
        if meanwhile:
            meanwhile()
        out = []
        for r in reports:
            out.append(process_report(r, engine))
            if progress:
                progress(1)
        return out
    # chunks of reports for balance, none over about one piece of text (huge reports: one piece each)
    per_task = max(1, sum(len(piece.text) for _, _, piece in tasks) // len(tasks))
    chunk = max(1, min(len(tasks) // (jobs * CHUNKS_PER_JOB), PIECE_CHARS // per_task))
    results: list[ReportResult] = []
    parts: list[ReportResult] = []
    with _pool(engine, gazetteer_path, jobs) as pool:
        done = pool.map(_work, [(off, piece) for _, off, piece in tasks], chunksize=chunk)
        if meanwhile:
            meanwhile()
        for k, ((i, _, _), res) in enumerate(zip(tasks, done)):
            parts.append(res)
            if k + 1 == len(tasks) or tasks[k + 1][0] != i:   # the report's last piece
                results.append(merged(parts))
                parts = []
                if progress:
                    progress(1)
    return results


@contextlib.contextmanager
def _pool(engine: Engine, gazetteer_path: Path, jobs: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``jobs`` processes whose ``_ENGINE`` is ``engine``: inherited by fork, else
    loaded by each worker. The matcher is made first either way (a bad vocabulary file is then
    reported once, by this process)."""
    global _ENGINE
    _ = engine.matcher
    if multiprocessing.get_start_method() != "fork":
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init,
                                 initargs=(str(gazetteer_path), str(engine.vocab_dir) if engine.vocab_dir else None,
                                           str(engine.cache) if engine.cache else None)) as pool:
            yield pool
        return
    engine.prepare()        # what each worker would otherwise make for itself
    previous, _ENGINE = _ENGINE, engine
    gc.collect()
    gc.freeze()
    collecting = gc.isenabled()
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_collect_seldom) as pool:
            # results arriving here make no cycles: collecting while they do would take the workers'
            # cores (the workers, forked from here, collect as usual)
            gc.disable()
            yield pool
    finally:
        _ENGINE = previous
        if collecting:
            gc.enable()
        gc.unfreeze()


def _collect_seldom() -> None:
    """A forked worker collects garbage, less often than Python's default: the records it
    makes per report hold no cycles (the default, 700 allocations, costs ~5% of the step)."""
    gc.enable()
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])


def process_on_dask(paths: list[Path], gazetteer_path: Path, vocab_dir: Path | None = None,
                    client=None) -> tuple[list[Report], list[ReportResult]]:
    """The same per-report function over a ``dask.bag`` of report files (optional dependency).

    Returns (reports, results) in file-name order. Files are read on the workers."""
    import dask.bag as db

    manifests = {p.parent: read_manifest(p.parent) for p in paths}
    outlets = load_outlets(vocab_dir)

    def one(path: Path) -> tuple[Report, ReportResult]:
        report = read_report(path, manifests[path.parent].get(path.name), outlets)
        engine = _dask_engine(str(gazetteer_path), str(vocab_dir) if vocab_dir else None)
        return report, process_report(report, engine)

    partitions = max(1, min(len(paths), (os.cpu_count() or 2) * DASK_PARTITIONS_PER_CORE))
    bag = db.from_sequence(sorted(paths, key=lambda p: p.name), npartitions=partitions)
    pairs = bag.map(one).compute(**({"scheduler": client.get} if client is not None else {}))
    pairs = sorted(pairs, key=lambda pr: pr[0].id)
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _dask_client(address: str):
    """(cluster or None, client) for ``address``; DaskError when it cannot be started or reached."""
    from distributed import Client, LocalCluster

    try:
        if address == "local":
            cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            return cluster, Client(cluster)
        return None, Client(address, timeout=DASK_CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError, RuntimeError) as e:
        raise DaskError(f"--dask {address}: cannot start or reach the Dask cluster ({e})") from None


def process_with_dask(reports: list[Report], gazetteer_path: Path, vocab_dir: Path | None, address: str,
                      progress: Progress | None = None) -> list[ReportResult]:
    """``process_report`` for ``reports`` on a Dask cluster, results in report order (the same
    outputs as one process). ``address``: a scheduler address (``tcp://host:8786``) or
    ``local`` for a LocalCluster of one worker process per core. Workers load the gazetteer from
    ``gazetteer_path`` themselves, once each: on a remote cluster that path (and ``vocab_dir``)
    must be readable by the workers (a shared file system)."""
    try:
        import dask.bag as db
        import distributed  # noqa: F401  (checked here: _dask_client needs it)
    except ImportError:
        raise DaskError("--dask needs the optional packages dask[bag] and distributed "
                        "(pip install \"dask[bag]\" distributed)") from None
    cluster, client = _dask_client(address)
    try:
        gaz, vocab = str(Path(gazetteer_path).resolve()), str(Path(vocab_dir).resolve()) if vocab_dir else None
        workers = len(client.scheduler_info()["workers"])
        bag = db.from_sequence(list(enumerate(reports)),
                               npartitions=max(1, min(len(reports), workers * DASK_PARTITIONS_PER_WORKER)))
        pairs = bag.map(lambda ir: (ir[0], process_report(ir[1], _dask_engine(gaz, vocab)))).compute(
            scheduler=client.get)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    out = [res for _, res in sorted(pairs, key=lambda p: p[0])]   # (position, result): report order
    if progress:
        progress(len(out))
    return out


_DASK_ENGINES: dict[tuple, Engine] = {}


def _dask_engine(gazetteer_path: str, vocab_dir: str | None) -> Engine:
    key = (gazetteer_path, vocab_dir)
    if key not in _DASK_ENGINES:
        _DASK_ENGINES[key] = Engine.create(load(gazetteer_path), Path(vocab_dir) if vocab_dir else None)
    return _DASK_ENGINES[key]

"""Per-report processing, in one process, over N processes, or on Dask.

``process_report`` is the one function all three run: report -> (mentions, claims, unresolved).
Workers build their own matcher from the gazetteer file once (an initializer), and results come
back in report order, so ``--jobs N`` gives the same outputs as one process.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .claims import ClaimVocabulary, extract_claims
from .errors import GeoError
from .gazetteer import Gazetteer, load
from .mentions import Matcher, find_mentions
from .model import Report
from .unresolved import find_unresolved, with_claims


class DaskError(GeoError):
    """--dask cannot run: the packages are missing or the scheduler cannot be reached."""


@dataclass
class Engine:
    gazetteer: Gazetteer
    matcher: Matcher
    claims: ClaimVocabulary
    vocab_dir: Path | None

    @classmethod
    def create(cls, gazetteer: Gazetteer, vocab_dir: Path | None = None) -> Engine:
        return cls(gazetteer, Matcher(gazetteer, vocab_dir), ClaimVocabulary(vocab_dir), vocab_dir)

    @property
    def not_forces(self) -> frozenset[str]:
        return self.claims.not_forces()


def process_report(report: Report, engine: Engine):
    found = find_mentions(report, engine.matcher)
    pending: list = []   # claims about names the gazetteer lacks, kept for unresolved.csv
    claims = extract_claims(report, found, engine.claims, engine.gazetteer, pending)
    unresolved = with_claims(report, find_unresolved(report, found, engine.matcher, engine.vocab_dir),
                             pending, engine.matcher, engine.not_forces, engine.vocab_dir)
    return found, claims, unresolved


AUTO_JOBS_FROM = 200
_ENGINE: Engine | None = None


def _init(gazetteer_path: str, vocab_dir: str | None) -> None:
    global _ENGINE
    _ENGINE = Engine.create(load(gazetteer_path), Path(vocab_dir) if vocab_dir else None)


def _work(report: Report):
    assert _ENGINE is not None
    return process_report(report, _ENGINE)


def process_all(reports: list[Report], engine: Engine, gazetteer_path: Path, jobs: int = 1,
                progress=None) -> list[tuple]:
    """Results for ``reports`` in their order; ``jobs`` > 1 uses that many processes, 0 one per
    core when there are at least ``AUTO_JOBS_FROM`` reports (below that, starting processes
    costs more than it saves)."""
    if jobs == 0:
        jobs = (os.cpu_count() or 1) if len(reports) >= AUTO_JOBS_FROM else 1
    if jobs <= 1 or len(reports) < 2:
        out = []
        for r in reports:
            out.append(process_report(r, engine))
            if progress:
                progress(1)
        return out
    chunk = max(1, len(reports) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init,
                             initargs=(str(gazetteer_path), str(engine.vocab_dir) if engine.vocab_dir else None)) as pool:
        out = []
        for res in pool.map(_work, reports, chunksize=chunk):
            out.append(res)
            if progress:
                progress(1)
        return out


def process_on_dask(paths: list[Path], gazetteer_path: Path, vocab_dir: Path | None = None, client=None):
    """The same per-report function over a ``dask.bag`` of report files (optional dependency).

    Returns (reports, results) in file-name order. Files are read on the workers."""
    import dask.bag as db

    from .reports import load_outlets, read_manifest, read_report

    manifests = {p.parent: read_manifest(p.parent) for p in paths}
    outlets = load_outlets(vocab_dir)

    def one(path: Path):
        report = read_report(path, manifests[path.parent].get(path.name), outlets)
        engine = _dask_engine(str(gazetteer_path), str(vocab_dir) if vocab_dir else None)
        return report, process_report(report, engine)

    bag = db.from_sequence(sorted(paths, key=lambda p: p.name), npartitions=max(1, min(len(paths), (os.cpu_count() or 2) * 2)))
    pairs = bag.map(one).compute(**({"scheduler": client.get} if client is not None else {}))
    pairs = sorted(pairs, key=lambda pr: pr[0].id)
    return [p[0] for p in pairs], [p[1] for p in pairs]


def process_with_dask(reports: list[Report], gazetteer_path: Path, vocab_dir: Path | None, address: str,
                      progress=None) -> list[tuple]:
    """``process_report`` for ``reports`` on a Dask cluster, results in report order (the same
    outputs as one process). ``address``: a scheduler address (``tcp://host:8786``) or
    ``local`` for a LocalCluster of one worker process per core. Workers load the gazetteer from
    ``gazetteer_path`` themselves, once each: on a remote cluster that path (and ``vocab_dir``)
    must be readable by the workers (a shared file system)."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskError("--dask needs the optional packages dask[bag] and distributed "
                        "(pip install \"dask[bag]\" distributed)") from None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        else:
            cluster, client = None, Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError, RuntimeError) as e:
        raise DaskError(f"--dask {address}: cannot start or reach the Dask cluster ({e})") from None
    try:
        gaz, vocab = str(Path(gazetteer_path).resolve()), str(Path(vocab_dir).resolve()) if vocab_dir else None
        bag = db.from_sequence(list(enumerate(reports)),
                               npartitions=max(1, min(len(reports), len(client.scheduler_info()["workers"]) * 4)))
        pairs = bag.map(lambda ir: (ir[0], process_report(ir[1], _dask_engine(gaz, vocab)))).compute(
            scheduler=client.get)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    out = [res for _, res in sorted(pairs, key=lambda p: p[0])]
    if progress:
        progress(len(out))
    return out


_DASK_ENGINES: dict[tuple, Engine] = {}


def _dask_engine(gazetteer_path: str, vocab_dir: str | None) -> Engine:
    key = (gazetteer_path, vocab_dir)
    if key not in _DASK_ENGINES:
        _DASK_ENGINES[key] = Engine.create(load(gazetteer_path), Path(vocab_dir) if vocab_dir else None)
    return _DASK_ENGINES[key]

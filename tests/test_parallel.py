"""--jobs N gives byte-identical outputs; the Dask path gives the same places and claims."""

import hashlib
from pathlib import Path

import pytest
from helpers import ROOT

import build_map
from geo.gazetteer import load
from geo.parallel import process_all, process_on_dask
from geo.report_step import Engine
from geo.reports import read_reports


def digests(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_jobs_2_is_byte_identical_to_jobs_1(tmp_path):
    reports = tmp_path / "r"
    reports.mkdir()
    for p in sorted((ROOT / "seeds").iterdir()):
        (reports / p.name).write_bytes(p.read_bytes())
    # more reports than workers x chunks, so ordering across processes is exercised
    for i, p in enumerate(sorted((ROOT / "seeds").glob("*.txt")) * 4):
        (reports / f"copy{i:02d}_{p.name}").write_bytes(p.read_bytes())
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"o{jobs}"
        assert build_map.main(["--reports", str(reports), "--out-dir", str(out), "--jobs", jobs]) == 0
        outs.append(digests(out))
    assert outs[0] == outs[1]


def test_dask_local_cluster_same_places_and_claims():
    distributed = pytest.importorskip("distributed")
    gaz_path = ROOT / "gazetteer.csv"
    reports, _ = read_reports(ROOT / "seeds")
    local = process_all(reports, Engine.create(load(gaz_path)), gaz_path, jobs=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        dreports, remote = process_on_dask(sorted((ROOT / "seeds").glob("*.txt")), gaz_path, client=client)
    assert [r.id for r in dreports] == [r.id for r in reports]
    assert remote == local


def test_default_jobs_uses_the_cores_for_large_inputs_only(monkeypatch):
    """--jobs 0 (the default) picks one process per core from AUTO_JOBS_FROM reports on: the same
    results as one process; below it, no pool is started at all."""
    import geo.parallel as par

    gaz_path = ROOT / "gazetteer.csv"
    reports, _ = read_reports(ROOT / "seeds")
    engine = Engine.create(load(gaz_path))
    one = process_all(reports, engine, gaz_path, jobs=1)

    started = []
    real_pool = par.ProcessPoolExecutor
    monkeypatch.setattr(par, "ProcessPoolExecutor", lambda *a, **k: started.append(k) or real_pool(*a, **k))
    assert process_all(reports, engine, gaz_path, jobs=0) == one
    assert started == []                               # 5 reports: below the threshold
    monkeypatch.setattr(par, "AUTO_JOBS_FROM", 3)
    monkeypatch.setattr(par.os, "cpu_count", lambda: 2)
    assert process_all(reports, engine, gaz_path, jobs=0) == one
    assert [k["max_workers"] for k in started] == [2]


def test_dask_from_the_command_is_byte_identical(tmp_path, capsys):
    """`--dask local` runs the per-report step on a Dask LocalCluster: the same files, byte for byte."""
    pytest.importorskip("distributed")
    outs = []
    for extra in ([], ["--dask", "local"]):
        out = tmp_path / ("dask" if extra else "plain")
        assert build_map.main(["--reports", str(ROOT / "seeds"), "--out-dir", str(out), "--cdn", *extra]) == 0
        outs.append(digests(out))
    assert outs[0] == outs[1]


def test_dask_scheduler_that_cannot_be_reached_is_one_line(tmp_path, capsys):
    pytest.importorskip("distributed")
    code = build_map.main(["--reports", str(ROOT / "seeds"), "--out-dir", str(tmp_path / "o"), "--cdn",
                           "--dask", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == 1 and "cannot start or reach the Dask cluster" in err.splitlines()[0]
    assert "Traceback" not in err and not (tmp_path / "o").exists()

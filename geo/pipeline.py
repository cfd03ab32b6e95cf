"""Wiring the steps: read -> recognise -> claims -> places -> states -> areas -> map -> exports.

``build(config)`` does the work and returns a ``BuildResult``; it raises ``GeoError`` on bad
input before anything is written. ``build_map.py`` turns results and errors into output and
exit codes. Each step logs one line at INFO on the ``geo.pipeline`` logger (what it made and
how long it took); ``build_map.py -v`` shows them.
"""

from __future__ import annotations

import gc
import logging
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import areas as areas_mod
from . import cache as cache_mod
from . import export, frames, mapping, provenance
from . import gazetteer as gazetteer_mod
from .changes import Changes, Digest, compare, digest, keep, read_previous
from .geocode import GazetteerGeocoder
from .model import Claim, Mention, Report
from .offline import countries_geojson, inline_assets
from .parallel import Progress, process_all, process_with_dask
from .places import Resolved, not_geocoded_warnings, resolve
from .report_step import Engine, ReportResult
from .reports import read_reports
from .state import calendar_days, states_on, timelines
from .state import changes as state_changes
from .unresolved import Row, Unresolved, summarise

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
BASEMAP_SIMPLIFY_DEG = 0.01       # country outlines simplified to about 1 km
DIGEST_NAME = "previous-build.json"   # the last build's digest, in the cache folder (geo.changes)


@dataclass
class Config:
    reports: Path = ROOT / "seeds"
    gazetteer: Path = ROOT / "gazetteer.csv"
    out_dir: Path = ROOT / "maps"
    node_modules: Path = ROOT / "node_modules"
    vocab: Path | None = None
    title: str = "Situation map"
    self_contained: bool = True   # inline every script, style sheet and font (no network needed)
    jobs: int = 1                 # processes for per-report work; 0: one per core for large inputs
    progress: Callable[[int], Progress | None] | None = None   # called with the report count
    dask: str | None = None       # a Dask scheduler address, or "local": the per-report step runs there
    cache: bool = True            # keep per-report results beside out_dir; read only changed reports


@dataclass
class BuildResult:
    written: list[Path]
    report_count: int
    skipped: list[str]                 # one line per report file that could not be read
    place_count: int
    claim_count: int
    contested: list[str]               # names of places whose claims disagree
    metonyms: dict[str, int]           # entry name -> times used as an actor
    datelines: dict[str, int]
    unresolved: list[Row]              # one row of unresolved.csv per name the gazetteer lacks
    changes: Changes
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Found:
    """What the per-report step found in all reports, in report order."""
    mentions: list[Mention]
    claims: list[Claim]
    unresolved: list[Unresolved]


def _logged(start: float, message: str) -> None:
    """One INFO line: what a step made, the seconds since ``start`` and the build's peak memory
    so far (this process)."""
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # kB on Linux
    log.info("%s (%.2f s, peak %.0f MB)", message, time.perf_counter() - start, peak_mb)


def _gazetteer_cache(cfg: Config) -> Path | None:
    """The gazetteer cache beside the output folder (``maps`` -> ``.maps.gazetteer.cache``: the
    parsed entries and index, and the matcher's names, kept while the file, its path, the
    vocabulary and the code are unchanged; deleting it is always safe), or None with
    ``--no-cache``, which reads the gazetteer from its file as it reads every report."""
    return gazetteer_mod.cache_folder(cfg.out_dir) if cfg.cache else None


def _gazetteer(cfg: Config):
    start = time.perf_counter()
    gaz = gazetteer_mod.load(cfg.gazetteer, cache=_gazetteer_cache(cfg))
    _logged(start, f"loaded the gazetteer: {len(gaz.entries):,} entries")
    return gaz


def _engine(gaz, cfg: Config) -> Engine:
    """The claim vocabulary and the matcher's rules now; with the gazetteer cache, the matcher's
    names and automaton when a report is read (a rebuild of unchanged reports needs none), its
    names kept in that cache."""
    start = time.perf_counter()
    cache = _gazetteer_cache(cfg)
    engine = Engine.create(gaz, cfg.vocab, cache=cache)
    _logged(start, "built the matcher and the claim vocabulary" if cache is None
            else "built the matcher's rules and the claim vocabulary (its automaton when a report needs it)")
    return engine


def _read(cfg: Config) -> tuple[list[Report], list[str]]:
    start = time.perf_counter()
    reports, skipped = read_reports(cfg.reports, cfg.vocab)
    _logged(start, f"read {len(reports):,} reports, {len(skipped):,} skipped")
    return reports, skipped


def _gathered(results: list[ReportResult]) -> Found:
    found = Found([], [], [])
    for res in results:
        found.mentions.extend(res.mentions)
        found.claims.extend(res.claims)
        found.unresolved.extend(res.unresolved)
    return found


def _recognise(reports: list[Report], engine: Engine, cfg: Config, warnings: list[str]) -> Found:
    """The per-report step (mentions, claims, names the gazetteer lacks) over every report, in
    this process, a process pool or on Dask; a report whose result an earlier build kept
    (``geo.cache``) is not read again: the kept results are decoded while the pool reads the
    others (one kept but damaged is read after them)."""
    start = time.perf_counter()
    cache = (cache_mod.ResultCache(cache_mod.folder_for(cfg.out_dir), cache_mod.engine_key(
                 engine.gazetteer.sha256, provenance.vocab_paths(cfg.vocab))) if cfg.cache else None)
    blobs: list[bytes | None] = cache.fetch(reports) if cache else [None] * len(reports)
    todo = [r for r, blob in zip(reports, blobs) if blob is None]
    kept: list[ReportResult | None] = []

    def decode() -> None:
        kept.extend(cache.decoded(blobs) if cache else [None] * len(blobs))
        gc.freeze()     # the records, made with the collector off, live to the end: not aged through its passes

    tick = cfg.progress(len(todo)) if cfg.progress else None
    if cfg.dask and todo:
        decode()
    fresh = iter(process_with_dask(todo, cfg.gazetteer, cfg.vocab, cfg.dask, tick) if cfg.dask and todo
                 else process_all(todo, engine, cfg.gazetteer, cfg.jobs, tick, meanwhile=decode))
    damaged = [r for r, blob, res in zip(reports, blobs, kept) if blob is not None and res is None]
    again = iter(process_all(damaged, engine, cfg.gazetteer, cfg.jobs))
    results: list[ReportResult] = []
    for r, blob, res in zip(reports, blobs, kept):
        if res is None:
            res = next(fresh) if blob is None else next(again)
            if cache:
                cache.put(r, res)
        results.append(res)
    gc.unfreeze()       # all of them now in the oldest generation, as after the collections they skipped
    found = _gathered(results)
    if cache:
        cache.prune()
        warnings.extend(cache.problems)
    _logged(start, f"recognised {len(found.mentions):,} mentions and read {len(found.claims):,} claims "
                   f"in {len(reports):,} reports ({len(reports) - len(todo) - len(damaged):,} unchanged since the "
                   f"last build); {len(found.unresolved):,} names not in the gazetteer")
    return found


def _places(found: Found, gaz) -> Resolved:
    start = time.perf_counter()
    resolved = resolve(found.mentions, gaz, GazetteerGeocoder(gaz))
    _logged(start, f"placed {len(resolved.places):,} places, {len(resolved.metonyms):,} metonyms, "
                   f"{len(resolved.datelines):,} datelines")
    return resolved


def _states(claims: list[Claim], engine: Engine) -> tuple[dict, dict]:
    """(each place's timeline of states, each place's state as of its newest claim)."""
    start = time.perf_counter()
    lines = timelines(claims, engine.claims.state_rules)
    states = states_on(lines)
    _logged(start, f"derived the states of {len(lines):,} places")
    return lines, states


def basemap(node_modules: Path, warnings: list[str]):
    """The offline country outlines (world-atlas), or None with a warning when not installed."""
    try:
        return countries_geojson(node_modules, simplify_deg=BASEMAP_SIMPLIFY_DEG)
    except (OSError, ValueError) as e:
        warnings.append(f"no offline basemap ({e}); run `npm ci` to install world-atlas")
        return None


def _areas(lines: dict, gaz, outlines, reports: list[Report], claims: list[Claim], jobs: int) -> areas_mod.Estimate:
    """The areas each side is estimated to hold on each day a report or claim is dated (on
    ``jobs`` processes, as the per-report step)."""
    start = time.perf_counter()
    days = calendar_days([r.date for r in reports] + [c.date for c in claims])
    estimate = areas_mod.estimate(lines, gaz.entries, areas_mod.outlines_from_geojson(outlines), days, jobs)
    _logged(start, f"estimated {len(estimate.areas):,} areas and {len(estimate.fronts):,} fronts")
    return estimate


def _map(cfg: Config, gaz, reports: list[Report], resolved: Resolved, control: mapping.ClaimsInput,
         places, outlines) -> str:
    """The map page's HTML, its scripts and styles inlined unless ``--cdn``."""
    start = time.perf_counter()
    info = mapping.MapInfo(
        title=cfg.title,
        latest_date=max((r.date for r in reports if r.date), default=""),
        report_count=len(reports),
        place_count=len(resolved.places),
        metonym_count=len(resolved.metonyms),
        claim_count=len(control.claims),
        gazetteer_name=Path(cfg.gazetteer).name,
        gazetteer_sha256=gaz.sha256,
    )
    html = mapping.build_map(places, {r.id: r for r in reports}, cfg.out_dir, info, outlines, control)
    if cfg.self_contained:
        html = inline_assets(html, cfg.node_modules)
    _logged(start, f"drew the map: {len(html):,} characters")
    return html


def _collections(places, claims: list[Claim], lines: dict, states: dict, estimate: areas_mod.Estimate,
                 gaz) -> dict[str, dict]:
    """The GeoJSON exports, by file name, in the order they are written."""
    return {
        "places.geojson": export.feature_collection(places, frames.PLACE_PROPERTIES),
        "claims.geojson": export.feature_collection(frames.claims_frame(claims, gaz, states), frames.CLAIM_COLUMNS),
        "control.geojson": export.feature_collection(frames.control_frame(lines, gaz), frames.CONTROL_COLUMNS),
        "areas.geojson": export.feature_collection(frames.areas_frame(estimate), frames.AREA_COLUMNS),
        "fronts.geojson": export.feature_collection(frames.fronts_frame(estimate), frames.FRONT_COLUMNS),
    }


def _digest_file(cfg: Config) -> Path | None:
    """Where the digest of the last build is kept (in the per-report cache folder), or None with
    ``--no-cache``: the previous outputs are then read to compare with them."""
    return cache_mod.folder_for(cfg.out_dir) / DIGEST_NAME if cfg.cache else None


def _changes(cfg: Config, collections: dict[str, dict]) -> tuple[Changes, Digest]:
    """What moved since the build already in ``cfg.out_dir`` (compared before it is replaced),
    and this build's digest."""
    now = digest(collections["places.geojson"]["features"], collections["claims.geojson"]["features"])
    return compare(read_previous(cfg.out_dir, _digest_file(cfg)), now), now


def _counts(reports: list[Report], skipped: list[str], resolved: Resolved, found: Found,
            unresolved: list[Row]) -> dict[str, int]:
    """The counts build.json records."""
    return {"reports": len(reports), "skipped": len(skipped), "places": len(resolved.places),
            "mentions": sum(len(p.mentions) for p in resolved.places), "metonyms": len(resolved.metonyms),
            "claims": len(found.claims), "unresolved": len(unresolved)}


def _build_info(cfg: Config, gaz, reports: list[Report], counts: dict, estimate: areas_mod.Estimate) -> dict:
    """build.json: the inputs, software and counts of this build (``geo.provenance``)."""
    info = provenance.record(reports, cfg.gazetteer, gaz.sha256, provenance.vocab_paths(cfg.vocab),
                             cfg.node_modules, counts, cfg.self_contained)
    info["estimated_areas"] = estimate.method
    return info


def _exports(cfg: Config, html: str, collections: dict[str, dict], unresolved: list[Row],
             build_info: dict) -> list[Path]:
    """Every output written into ``cfg.out_dir`` at once (``export.Outputs``)."""
    start = time.perf_counter()
    with export.Outputs(cfg.out_dir) as out:
        written = [out.write("situation_map.html", html.encode("utf-8"))]
        written += [out.write(name, export.geojson_chunks(fc)) for name, fc in collections.items()]
        written += [out.write("unresolved.csv", export.unresolved_csv(unresolved)),
                    out.write("build.json", export.json_bytes(build_info))]
    _logged(start, f"wrote {len(written)} files")
    return written


def build(cfg: Config) -> BuildResult:
    """The map and its exports from ``cfg``'s reports and gazetteer, written all at once."""
    gaz = _gazetteer(cfg)
    reports, skipped = _read(cfg)
    engine = _engine(gaz, cfg)
    cache_warnings: list[str] = []
    found = _recognise(reports, engine, cfg, cache_warnings)
    resolved = _places(found, gaz)
    lines, states = _states(found.claims, engine)
    warnings = [*gaz.warnings, *not_geocoded_warnings(resolved, gaz.entries), *cache_warnings]
    outlines = basemap(cfg.node_modules, warnings)
    estimate = _areas(lines, gaz, outlines, reports, found.claims, cfg.jobs)
    control = mapping.ClaimsInput(lines, found.claims, state_changes(lines), gaz.entries,
                                  engine.claims.actors, engine.claims.labels, estimate)
    places = frames.places_frame(resolved.places, {r.id: r for r in reports})
    html = _map(cfg, gaz, reports, resolved, control, places, outlines)
    collections = _collections(places, found.claims, lines, states, estimate, gaz)
    changes, now = _changes(cfg, collections)
    unresolved = summarise(found.unresolved)
    counts = _counts(reports, skipped, resolved, found, unresolved)
    written = _exports(cfg, html, collections, unresolved, _build_info(cfg, gaz, reports, counts, estimate))
    kept = _digest_file(cfg)
    if kept is not None:
        keep(kept, cfg.out_dir, now)
    return BuildResult(
        written=written, report_count=len(reports), skipped=skipped, place_count=len(resolved.places),
        claim_count=len(found.claims),
        contested=sorted(gaz.entries[p].name for p, st in states.items() if st.state == "contested"),
        metonyms=_by_name(resolved.metonyms, gaz), datelines=_by_name(resolved.datelines, gaz),
        unresolved=unresolved, changes=changes, warnings=warnings,
    )


def unresolved_names(cfg: Config):
    """The gazetteer and the names the reports use that it lacks (no files written)."""
    gaz = _gazetteer(cfg)
    reports, _ = _read(cfg)
    engine = _engine(gaz, cfg)
    missing = [u for res in process_all(reports, engine, cfg.gazetteer) for u in res.unresolved]
    return gaz, [row.name for row in summarise(missing)]


def _by_name(mentions, gaz) -> dict[str, int]:
    """How many of ``mentions`` name each entry, by the entry's name."""
    out: dict[str, int] = {}
    for m in mentions:
        name = gaz.entries[m.place_id].name
        out[name] = out.get(name, 0) + 1
    return dict(sorted(out.items()))

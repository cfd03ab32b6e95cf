"""Wiring the steps: reports -> mentions -> places -> claims -> frames -> map and exports.

``build(config)`` does the work and returns a ``BuildResult``; it raises ``GeoError`` on bad
input before anything is written. ``build_map.py`` turns results and errors into output and
exit codes.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from . import areas as areas_mod
from . import export, frames, mapping, provenance, vocab
from . import gazetteer as gazetteer_mod
from . import reports as reports_mod
from . import unresolved as unresolved_mod
from .changes import Changes, compare, read_previous
from .geocode import GazetteerGeocoder
from .parallel import Engine, process_all, process_with_dask
from .places import resolve
from .state import calendar_days, states_on, timelines
from .state import changes as state_changes
from .unresolved import summarise

ROOT = Path(__file__).resolve().parent.parent
PLACE_PROPERTIES = ["id", "name", "kind", "lat", "lon", "mention_count", "article_count", "articles",
                    "latest_date", "precision_km", "country", "source", "mentions"]
VOCAB_FILES = ("actors.toml", "claims.toml", "metonymy.toml", "context.toml", "outlets.toml", "organisations.txt",
               "not_places.txt", "unresolved.toml", "geonames_stopwords.txt")


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
    progress: object = None       # callable(total) -> callable(n) | None
    dask: str | None = None       # a Dask scheduler address, or "local": the per-report step runs there


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
    unresolved: list[tuple]            # unresolved.Row: name, mentions, articles, article, sentence, claims
    changes: Changes
    warnings: list[str] = field(default_factory=list)


def build(cfg: Config) -> BuildResult:
    gaz = gazetteer_mod.load(cfg.gazetteer)
    reports, skipped = reports_mod.read_reports(cfg.reports, cfg.vocab)
    engine = Engine.create(gaz, cfg.vocab)
    claim_vocab = engine.claims
    tick = cfg.progress(len(reports)) if cfg.progress else None
    mentions, claims, missing = [], [], []
    results = (process_with_dask(reports, cfg.gazetteer, cfg.vocab, cfg.dask, tick) if cfg.dask
               else process_all(reports, engine, cfg.gazetteer, cfg.jobs, tick))
    for found, cs, un in results:
        mentions.extend(found)
        claims.extend(cs)
        missing.extend(un)
    resolved = resolve(mentions, gaz, GazetteerGeocoder(gaz))
    by_id = {r.id: r for r in reports}
    places = frames.places_frame(resolved.places, by_id)
    lines = timelines(claims, claim_vocab.state_rules)
    states = states_on(lines)          # as of the newest claim of each place
    claims_gdf = frames.claims_frame(claims, gaz, states)
    control_gdf = frames.control_frame(lines, gaz)
    unresolved = summarise(missing)

    warnings = list(gaz.warnings)
    warnings.extend(f"{gaz.entries[pid].name}: the geocoder found no position; not drawn"
                    for pid in resolved.not_geocoded)
    basemap = _basemap(cfg.node_modules, warnings)
    days = calendar_days([r.date for r in reports] + [c.date for c in claims])
    estimate = areas_mod.estimate(lines, gaz.entries, areas_mod.outlines_from_geojson(basemap), days)
    info = mapping.MapInfo(
        title=cfg.title,
        latest_date=max((r.date for r in reports if r.date), default=""),
        report_count=len(reports),
        place_count=len(resolved.places),
        metonym_count=len(resolved.metonyms),
        claim_count=len(claims),
        gazetteer_name=Path(cfg.gazetteer).name,
        gazetteer_sha256=gaz.sha256,
    )
    html = mapping.build_map(places, by_id, cfg.out_dir, info, basemap,
                             mapping.ClaimsInput(lines, claims, state_changes(lines), gaz.entries,
                                                 claim_vocab.actors, claim_vocab.labels, estimate))
    if cfg.self_contained:
        from .offline import inline_assets

        html = inline_assets(html, cfg.node_modules)

    places_fc = export.feature_collection(places, PLACE_PROPERTIES)
    claims_fc = export.feature_collection(claims_gdf, frames.CLAIM_COLUMNS)
    control_fc = export.feature_collection(control_gdf, frames.CONTROL_COLUMNS)
    areas_fc = export.feature_collection(frames.areas_frame(estimate), frames.AREA_COLUMNS)
    fronts_fc = export.feature_collection(frames.fronts_frame(estimate), frames.FRONT_COLUMNS)
    changes = compare(read_previous(cfg.out_dir), places_fc["features"], claims_fc["features"])
    counts = {"reports": len(reports), "skipped": len(skipped), "places": len(resolved.places),
              "mentions": sum(len(p.mentions) for p in resolved.places), "metonyms": len(resolved.metonyms),
              "claims": len(claims), "unresolved": len(unresolved)}
    build_info = provenance.record(reports, cfg.gazetteer, gaz.sha256, _vocab_paths(cfg.vocab),
                                   cfg.node_modules, counts, cfg.self_contained)
    build_info["estimated_areas"] = estimate.method
    with export.Outputs(cfg.out_dir) as out:
        written = [
            out.write("situation_map.html", html.encode("utf-8")),
            out.write("places.geojson", export.geojson_bytes(places_fc)),
            out.write("claims.geojson", export.geojson_bytes(claims_fc)),
            out.write("control.geojson", export.geojson_bytes(control_fc)),
            out.write("areas.geojson", export.geojson_bytes(areas_fc)),
            out.write("fronts.geojson", export.geojson_bytes(fronts_fc)),
            out.write("unresolved.csv", _unresolved_csv(unresolved)),
            out.write("build.json", export.json_bytes(build_info)),
        ]
    return BuildResult(
        written=written,
        report_count=len(reports),
        skipped=skipped,
        place_count=len(resolved.places),
        claim_count=len(claims),
        contested=sorted(gaz.entries[p].name for p, st in states.items() if st.state == "contested"),
        metonyms=_count(resolved.metonyms, gaz),
        datelines=_count(resolved.datelines, gaz),
        unresolved=unresolved,
        changes=changes,
        warnings=warnings,
    )


def unresolved_names(cfg: Config):
    """The gazetteer and the names the reports use that it lacks (no files written)."""
    gaz = gazetteer_mod.load(cfg.gazetteer)
    reports, _ = reports_mod.read_reports(cfg.reports, cfg.vocab)
    engine = Engine.create(gaz, cfg.vocab)
    missing = [u for _, _, un in process_all(reports, engine, cfg.gazetteer) for u in un]
    return gaz, [row[0] for row in summarise(missing)]


def _vocab_paths(folder: Path | None) -> list[Path]:
    return [vocab.path(name, folder) for name in VOCAB_FILES]


def _unresolved_csv(rows) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(unresolved_mod.COLUMNS)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _count(mentions, gaz) -> dict[str, int]:
    out: dict[str, int] = {}
    for m in mentions:
        name = gaz.entries[m.place_id].name
        out[name] = out.get(name, 0) + 1
    return dict(sorted(out.items()))


def _basemap(node_modules: Path, warnings: list[str]):
    from .offline import countries_geojson

    try:
        return countries_geojson(node_modules, simplify_deg=0.01)
    except (OSError, ValueError) as e:
        warnings.append(f"no offline basemap ({e}); run `npm ci` to install world-atlas")
        return None

"""Wiring the steps: reports -> mentions -> places -> frames -> map and exports.

``build(config)`` does the work and returns a ``BuildResult``; it raises ``GeoError`` on bad
input before anything is written. ``build_map.py`` turns results and errors into output and
exit codes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from . import export, frames, gazetteer as gazetteer_mod, mapping, reports as reports_mod
from .claims import ClaimVocabulary, extract_claims, place_states
from .geocode import GazetteerGeocoder
from .mentions import Matcher, find_mentions
from .places import resolve

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
PLACE_PROPERTIES = ["id", "name", "kind", "mention_count", "article_count", "articles",
                    "latest_date", "precision_km", "country", "source", "mentions"]


@dataclass
class Config:
    reports: Path = ROOT / "seeds"
    gazetteer: Path = ROOT / "gazetteer.csv"
    out_dir: Path = ROOT / "maps"
    node_modules: Path = ROOT / "node_modules"
    vocab: Path | None = None
    title: str = "Situation map"
    self_contained: bool = True   # inline every script, style sheet and font (no network needed)


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
    warnings: list[str] = field(default_factory=list)


def build(cfg: Config) -> BuildResult:
    gaz = gazetteer_mod.load(cfg.gazetteer)
    reports, skipped = reports_mod.read_reports(cfg.reports)
    matcher = Matcher(gaz, cfg.vocab)
    claim_vocab = ClaimVocabulary(cfg.vocab)
    mentions, claims = [], []
    for r in reports:
        found = find_mentions(r, matcher)
        mentions.extend(found)
        claims.extend(extract_claims(r, found, claim_vocab, gaz))
    resolved = resolve(mentions, gaz, GazetteerGeocoder(gaz))
    by_id = {r.id: r for r in reports}
    places = frames.places_frame(resolved.places, by_id)
    states = place_states(claims)
    claims_gdf = frames.claims_frame(claims, gaz, states)
    dates = sorted({c.date for c in claims})
    states_by_date = {d: place_states([c for c in claims if c.date <= d]) for d in dates}

    warnings = list(gaz.warnings)
    basemap = _basemap(cfg.node_modules, warnings)
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
                             mapping.ClaimsInput(states_by_date, gaz.entries, claim_vocab.actors))
    if cfg.self_contained:
        from .offline import inline_assets

        html = inline_assets(html, cfg.node_modules)
    with export.Outputs(cfg.out_dir) as out:
        written = [
            out.write("situation_map.html", html.encode("utf-8")),
            out.write("places.geojson", export.geojson_bytes(export.feature_collection(places, PLACE_PROPERTIES))),
            out.write("claims.geojson", export.geojson_bytes(export.feature_collection(claims_gdf, frames.CLAIM_COLUMNS))),
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
        warnings=warnings,
    )


def _count(mentions, gaz) -> dict[str, int]:
    out: dict[str, int] = {}
    for m in mentions:
        name = gaz.entries[m.place_id].name
        out[name] = out.get(name, 0) + 1
    return dict(sorted(out.items()))


def _basemap(node_modules: Path, warnings: list[str]):
    try:
        from .offline import countries_geojson
    except ImportError:  # pragma: no cover - offline module always ships
        return None
    try:
        return countries_geojson(node_modules, simplify_deg=0.01)
    except (OSError, ValueError) as e:
        warnings.append(f"no offline basemap ({e}); run `npm ci` to install world-atlas")
        return None

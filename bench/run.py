#!/usr/bin/env python3
"""Performance at newsroom scale: one run, every stage side by side, peers on the same text.

    python bench/run.py [--reports N] [--seed S] [--gazetteer csv|geonames] [--out DIR]
                        [--profile] [--no-browser] [--results FILE]

1. Generates a reproducible corpus of N reports (bench/corpus.py) with a sources.csv manifest.
2. Runs the pipeline's stages in this process, as geo/pipeline.py wires them, timing each one
   (wall time, MB/s of report text, RSS after the stage, time spent in Python's GC).
3. Runs geotext and flashgeotext over the same reports, and our matching core alone on the
   project gazetteer and on geotext's own GeoNames gazetteer (the ratio to geotext uses the latter);
   times loading and matcher building for a synthetic ~300,000-name GeoNames dump.
4. Runs the end-to-end ``build_map.py`` as a subprocess under ``/usr/bin/time -v`` (wall time,
   peak RSS); with ``--profile`` once more under cProfile.
5. Opens the built map in Chromium (Playwright, every non-file request aborted) and times it
   until the load event has fired and every marker is in the page.
6. Prints the tables and writes RESULTS.md (machine, parameters, tables, targets pass/fail).

A benchmark script, not a test: it never fails on a missed target, it reports it.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import json
import os
import platform
import pstats
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TARGETS = {  # name -> (limit, unit, higher_is_better)
    "end-to-end build": (60.0, "s", False),
    "peak memory": (1500.0, "MB", False),
    "matching vs geotext": (1.5, "x", True),
    "map open": (2.0, "s", False),
    "map size": (15.0, "MB", False),
}
BROWSER_TIMEOUT_S = 120
CORE_STAGE = "matching core (Matcher.raw_matches), {}"


# Measuring ----------------------------------------------------------------------------------

def rss_mb() -> float:
    try:
        import psutil

        return psutil.Process().memory_info().rss / 1e6
    except ImportError:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024 / 1e6
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # Linux: kB


class GcClock:
    """Wall time spent inside Python's cyclic garbage collector (gc.callbacks)."""

    def __init__(self):
        self.total = 0.0
        self.collections = 0
        self._t = 0.0
        gc.callbacks.append(self._cb)

    def _cb(self, phase, info):
        if phase == "start":
            self._t = time.perf_counter()
        else:
            self.total += time.perf_counter() - self._t
            self.collections += 1


class Stages:
    def __init__(self):
        self.rows: list[dict] = []
        self.gc = GcClock()

    def run(self, name: str, fn, mb: float | None = None, note: str = ""):
        gc0 = self.gc.total
        t = time.perf_counter()
        result = fn()
        dt = time.perf_counter() - t
        row = {"stage": name, "s": dt, "mbps": (mb / dt if mb and dt > 0 else None),
               "rss": rss_mb(), "gc": self.gc.total - gc0, "note": note}
        self.rows.append(row)
        mbps = f"{row['mbps']:.1f} MB/s" if row["mbps"] else ""
        print(f"  {name:<46} {dt:8.2f} s  {mbps:>11}  rss {row['rss']:7.0f} MB  gc {row['gc']:.2f} s",
              flush=True)
        return result

    def get(self, name: str) -> dict:
        return next(r for r in self.rows if r["stage"] == name)


def git_state() -> str:
    """The commit and whether geo/ or build_map.py differ from it (others edit them)."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h %s"], capture_output=True,
                              text=True, timeout=30).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "geo", "build_map.py"],
                               capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + (f" (+ uncommitted changes: {', '.join(l[3:] for l in dirty.splitlines())})" if dirty else "")


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    versions = {}
    for pkg in ("folium", "branca", "geopandas", "shapely", "ahocorasick-rs", "geotext", "flashgeotext",
                "flashtext", "playwright"):
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = "not installed"
    chromium = ""
    try:
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        chromium = "not found"
    return {"cpu": cpu, "cores": os.cpu_count(), "ram": mem, "python": platform.python_version(),
            "platform": platform.platform(), "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "versions": versions, "chromium": chromium}


# Ground truth and recognition comparison ------------------------------------------------------

def load_truth(path: Path) -> dict[str, list[tuple[str, str]]]:
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            out[Path(rec["file"]).stem] = [tuple(t) for t in rec["truth"]]
    return out


class Recognition:
    """Per-tool surface-level comparison with the truth: exact surfaces (name_key folded)."""

    def __init__(self, name: str):
        self.name = name
        self.place_truth = self.place_found = 0
        self.met_truth = self.met_as_place = 0
        self.found_total = self.found_unexpected = 0
        self.distinct: set[str] = set()
        self.check_inserted: dict[str, int] = {k: 0 for k in corpus.CHECKLIST}
        self.check_found: dict[str, int] = {k: 0 for k in corpus.CHECKLIST}
        self.unexpected_examples: dict[str, int] = {}

    def add(self, truth, found: set[str], found_as_place: set[str], distinct_ids):
        from geo.text import name_key

        place = {name_key(s) for k, s in truth if k in ("place", "dateline")}
        met = {name_key(s) for k, s in truth if k == "metonym"} - place
        allowed = place | met
        self.place_truth += len(place)
        self.place_found += len(place & found)
        self.met_truth += len(met)
        self.met_as_place += len(met & found_as_place)
        self.found_total += len(found)
        unexpected = found - allowed
        self.found_unexpected += len(unexpected)
        for u in unexpected:
            self.unexpected_examples[u] = self.unexpected_examples.get(u, 0) + 1
        self.distinct.update(distinct_ids)
        for item, variants in corpus.CHECKLIST.items():
            keys = {name_key(v) for v in variants}
            if keys & allowed:
                self.check_inserted[item] += 1
                # found under a listed spelling, alone or inside a longer found name
                # ("Khmeimim airbase" finds Hmeimim)
                if keys & found or any(f" {k} " in f" {f} " for k in keys for f in found):
                    self.check_found[item] += 1


# Stages -------------------------------------------------------------------------------------

def synthetic_geonames(path: Path, copies: int = 3) -> Path:
    """cities15000.txt three times over (new ids, every name with a suffix word): a GeoNames-format
    dump with ~300,000 indexed names, to time loading and matcher building at that size."""
    suffixes = ["", " Nova", " Mala", " Vieja", " Yeni"][:copies]
    src = corpus.geonames_path().read_text(encoding="utf-8").splitlines()
    out = []
    for k, suffix in enumerate(suffixes):
        for line in src:
            c = line.split("\t")
            c[0] = str(int(c[0]) + k * 100_000_000)
            c[1], c[2] = c[1] + suffix, c[2] + suffix
            c[3] = ",".join(a + suffix for a in c[3].split(",") if a) if c[3] else ""
            out.append("\t".join(c))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _geonames_core(st: Stages, texts: list[str], mb: float) -> None:
    """The matching core on geotext's own gazetteer, for the ratio with the same names."""
    from geo import gazetteer as gazetteer_mod
    from geo.mentions import Matcher

    geonames = st.run("load gazetteer (GeoNames cities15000, geotext's)",
                      lambda: gazetteer_mod.load(corpus.geonames_path()))
    gm = st.run("build matcher (GeoNames cities15000)", lambda: Matcher(geonames),
                note=f"{len(geonames.index)} names")
    st.run(CORE_STAGE.format(corpus.geonames_path().name), lambda: [gm.raw_matches(t) for t in texts], mb,
           note="the gazetteer geotext uses")


def _large_gazetteer(st: Stages, path: Path) -> None:
    """Loading and matcher building for a ~300,000-name GeoNames dump."""
    from geo import gazetteer as gazetteer_mod
    from geo.mentions import Matcher

    synthetic_geonames(path)
    big = st.run("load gazetteer (GeoNames x3, synthetic)", lambda: gazetteer_mod.load(path),
                 note=f"{path.stat().st_size / 1e6:.0f} MB file")
    st.get("load gazetteer (GeoNames x3, synthetic)")["note"] += f"; {len(big.entries)} entries, {len(big.index)} names"
    st.run("build matcher (GeoNames x3, synthetic)", lambda: Matcher(big), note=f"{len(big.index)} names")


def pipeline_in_process(reports_dir: Path, gaz_path: Path, out_dir: Path, st: Stages, truth) -> dict:
    from geo import export, frames, mapping, offline
    from geo import gazetteer as gazetteer_mod
    from geo import reports as reports_mod
    from geo.claims import ClaimVocabulary, extract_claims
    from geo.frames import PLACE_PROPERTIES
    from geo.geocode import GazetteerGeocoder
    from geo.mentions import Matcher, find_mentions
    from geo.pipeline import basemap as _basemap
    from geo.places import resolve
    from geo.state import changes as state_changes
    from geo.state import states_on, timelines
    from geo.text import name_key, normalize, word_form
    from geo.unresolved import find_unresolved, summarise

    node_modules = ROOT / "node_modules"
    gaz = st.run("load gazetteer", lambda: gazetteer_mod.load(gaz_path), note=gaz_path.name)
    reports, skipped = st.run("read reports (read_reports)", lambda: reports_mod.read_reports(reports_dir))
    mb = sum(len(r.text.encode("utf-8")) for r in reports) / 1e6
    st.get("read reports (read_reports)")["mbps"] = mb / st.get("read reports (read_reports)")["s"]
    matcher = st.run("build matcher (automaton + rules)", lambda: Matcher(gaz),
                     note=f"{len(gaz.index)} names")
    claim_vocab = st.run("build claim vocabulary", lambda: ClaimVocabulary())

    texts = [r.text for r in reports]
    st.run("fold: normalize", lambda: [normalize(t) for t in texts], mb)
    st.run("fold: word_form", lambda: [word_form(t) for t in texts], mb)
    st.run(CORE_STAGE.format(gaz_path.name), lambda: [matcher.raw_matches(t) for t in texts], mb,
           note="every whole-word name, longest first")
    if gaz_path != corpus.geonames_path():
        _geonames_core(st, texts, mb)
    _large_gazetteer(st, out_dir.parent / "geonames-x3.txt")
    all_found = st.run("matching (find_mentions)", lambda: [find_mentions(r, matcher) for r in reports], mb)
    mentions = [m for found in all_found for m in found]

    def each_report(fn):
        return lambda: [x for r, found in zip(reports, all_found) for x in fn(r, found)]

    claims = st.run("claims (extract_claims)",
                    each_report(lambda r, found: extract_claims(r, found, claim_vocab, gaz)), mb)
    missing = st.run("unresolved names (find_unresolved)",
                     each_report(lambda r, found: find_unresolved(r, found, matcher, None)), mb)
    resolved = st.run("places (resolve + geocode)", lambda: resolve(mentions, gaz, GazetteerGeocoder(gaz)))
    by_id = {r.id: r for r in reports}
    places = st.run("frames: places_frame", lambda: frames.places_frame(resolved.places, by_id))
    lines = st.run("claims: state timelines (geo.state)", lambda: timelines(claims, claim_vocab.state_rules))
    states = states_on(lines)
    claims_gdf = st.run("frames: claims_frame", lambda: frames.claims_frame(claims, gaz, states))
    unresolved = summarise(missing)
    warnings: list[str] = []
    basemap = st.run("basemap (countries_geojson)", lambda: _basemap(node_modules, warnings))
    from geo import areas as areas_mod
    from geo.state import calendar_days

    days = calendar_days([r.date for r in reports] + [c.date for c in claims])
    estimate = st.run("areas: estimate (Voronoi per change of state)", lambda: areas_mod.estimate(
        lines, gaz.entries, areas_mod.outlines_from_geojson(basemap), days))
    info = mapping.MapInfo(title="Benchmark", latest_date=max((r.date for r in reports if r.date), default=""),
                           report_count=len(reports), place_count=len(resolved.places),
                           metonym_count=len(resolved.metonyms), claim_count=len(claims),
                           gazetteer_name=gaz_path.name, gazetteer_sha256=gaz.sha256)
    html = st.run("map: mapping.build_map (folium render)", lambda: mapping.build_map(
        places, by_id, out_dir, info, basemap, mapping.ClaimsInput(lines, claims, state_changes(lines), gaz.entries,
                                                             claim_vocab.actors, claim_vocab.labels, estimate)))
    html_before = len(html.encode("utf-8"))
    html = st.run("map: offline.inline_assets", lambda: offline.inline_assets(html, node_modules))
    html_bytes = html.encode("utf-8")

    def exports():
        a = export.geojson_bytes(export.feature_collection(places, PLACE_PROPERTIES))
        b = export.geojson_bytes(export.feature_collection(claims_gdf, frames.CLAIM_COLUMNS))
        return a, b

    places_b, claims_b = st.run("exports (feature_collection + geojson_bytes)", exports)

    # What the HTML is made of: the biggest single lines are the data layers.
    big_lines = []
    for line in html.split("\n"):
        if len(line) > 100_000:
            head = re.sub(r"\s+", " ", line.strip())[:70]
            big_lines.append((len(line.encode("utf-8")), head))
    big_lines.sort(reverse=True)

    # Our recognition compared with the truth
    ours = Recognition("ours (find_mentions)")
    for r, found in zip(reports, all_found):
        # mentions written as a gazetteer name (repointed ones included: "bases in Hmeimim"),
        # not phrases resolved from context ("the city", "the highway")
        named = [m for m in found if name_key(m.surface) in gaz.index]
        surfaces = {name_key(m.surface) for m in named}
        as_place = {name_key(m.surface) for m in named if m.role == "place"}
        ours.add(truth.get(r.id, []), surfaces, as_place, {m.place_id for m in found if m.role == "place"})
    ours.extra = {"distinct entries (any role)": len({m.place_id for m in mentions}),
                  "mentions": len(mentions)}
    return {
        "reports": reports, "mb": mb, "report_count": len(reports), "skipped": len(skipped),
        "mentions": len(mentions), "places": len(resolved.places), "claims": len(claims),
        "claim_places": len(states), "dates": len({c.date for c in claims}), "unresolved": len(unresolved),
        "metonyms": len(resolved.metonyms), "datelines": len(resolved.datelines),
        "html_bytes": len(html_bytes), "html_before_inline": html_before,
        "basemap_bytes": len(json.dumps(basemap, separators=(",", ":"))) if basemap else 0,
        "places_geojson_bytes": len(places_b), "claims_geojson_bytes": len(claims_b),
        "big_lines": big_lines[:6], "ours": ours, "gazetteer_names": len(gaz.index),
        "gazetteer_entries": len(gaz.entries),
    }


def peers(reports, mb: float, st: Stages, truth) -> list[Recognition]:
    from geo.text import name_key

    out = []
    try:
        from geotext import GeoText as GeoTextOld
    except ImportError:
        GeoTextOld = None
    if GeoTextOld is not None:
        GeoTextOld("warm up the index in Aleppo.")
        results = st.run("geotext: GeoText(text)", lambda: [GeoTextOld(r.text) for r in reports], mb)
        rec = Recognition("geotext 0.4")
        for r, g in zip(reports, results):
            found = {name_key(s) for s in list(g.cities) + list(g.countries)}
            rec.add(truth.get(r.id, []), found, found, set(g.cities) | set(g.countries))
        out.append(rec)
        del results
    try:
        from flashgeotext.geotext import GeoText as FlashGeoText
    except ImportError:
        FlashGeoText = None
    if FlashGeoText is not None:
        import logging

        logging.getLogger("flashgeotext").setLevel(logging.WARNING)
        fg = st.run("flashgeotext: GeoText() (load default lookup)", lambda: FlashGeoText())
        results = st.run("flashgeotext: GeoText().extract(text)", lambda: [fg.extract(r.text) for r in reports], mb)
        rec = Recognition("flashgeotext 0.5")
        for r, res in zip(reports, results):
            found, names = set(), set()
            for kind in ("cities", "countries"):
                for canonical, info in res.get(kind, {}).items():
                    names.add(f"{kind}:{canonical}")
                    found.update(name_key(s) for s in info.get("found_as", []))
            rec.add(truth.get(r.id, []), found, found, names)
        out.append(rec)
        del results
    return out


def end_to_end(reports_dir: Path, gaz_path: Path, out_dir: Path, profile: bool, jobs: int = 0) -> dict:
    py = sys.executable
    maps = out_dir / ("maps" if not jobs else f"maps-jobs{jobs}")
    shutil.rmtree(maps, ignore_errors=True)
    cmd = [py, str(ROOT / "build_map.py"), "--reports", str(reports_dir), "--gazetteer", str(gaz_path),
           "--out-dir", str(maps), "--no-cache"] + (["--jobs", str(jobs)] if jobs else [])
    res = {"cmd": " ".join(cmd)}
    timer = ["/usr/bin/time", "-v"] if Path("/usr/bin/time").exists() else []
    t = time.perf_counter()
    p = subprocess.run(timer + cmd, capture_output=True, text=True, cwd=ROOT)
    res["wall"] = time.perf_counter() - t
    res["rc"] = p.returncode
    res["stdout_tail"] = p.stdout.strip().splitlines()[-1][:600] if p.stdout.strip() else ""
    res["stderr_tail"] = "\n".join(l for l in p.stderr.splitlines() if not l.startswith("\t"))[-1500:]
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    res["peak_rss_mb"] = int(m.group(1)) * 1024 / 1e6 if m else None
    if res["peak_rss_mb"] is None:
        res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 / 1e6
    m = re.search(r"User time \(seconds\): ([\d.]+)", p.stderr)
    res["user_s"] = float(m.group(1)) if m else None
    res["sizes"] = {f.name: f.stat().st_size for f in sorted(maps.glob("*")) if f.is_file()} if maps.is_dir() else {}
    print(f"  end-to-end build_map.py: rc {p.returncode}, {res['wall']:.1f} s, peak RSS {res['peak_rss_mb']:.0f} MB",
          flush=True)
    if p.returncode != 0:
        print(p.stderr[-3000:], file=sys.stderr)
    if profile:
        prof = out_dir / "build_map.prof"
        shutil.rmtree(out_dir / "maps-prof", ignore_errors=True)
        pcmd = [py, "-m", "cProfile", "-o", str(prof), str(ROOT / "build_map.py"), "--reports", str(reports_dir),
                "--gazetteer", str(gaz_path), "--out-dir", str(out_dir / "maps-prof")]
        t = time.perf_counter()
        subprocess.run(pcmd, capture_output=True, text=True, cwd=ROOT)
        res["profile_wall"] = time.perf_counter() - t
        res["profile"] = profile_summary(prof)
        print(f"  profiled build: {res['profile_wall']:.1f} s (with cProfile overhead)", flush=True)
    return res


def profile_summary(prof: Path, n: int = 22) -> dict:
    stats = pstats.Stats(str(prof))
    total = stats.total_tt
    rows = []
    for (file, line, func), (_cc, nc, tt, ct, _callers) in stats.stats.items():
        short = file.replace(str(ROOT) + "/", "")
        short = re.sub(r".*/site-packages/", "", short)
        rows.append({"func": f"{short}:{line}({func})", "calls": nc, "tottime": tt, "cumtime": ct})
    by_tot = sorted(rows, key=lambda r: -r["tottime"])[:n]
    by_cum = sorted((r for r in rows if "geo/" in r["func"] or "folium" in r["func"] or "branca" in r["func"]
                     or "jinja2" in r["func"]), key=lambda r: -r["cumtime"])[:n]
    return {"total": total, "by_tottime": by_tot, "by_cumtime": by_cum}


def chromium_context(pw, profile_dir: str):
    """A headless Debian Chromium context (never a downloaded browser) with a fresh profile."""
    return pw.chromium.launch_persistent_context(profile_dir, executable_path=CHROMIUM, headless=True,
                                                 args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 800})


class OfflinePage(NamedTuple):
    """A page of ``offline_page``: what it loaded but was refused, and its script errors."""
    context: object
    page: object
    blocked: list[str]
    errors: list[str]


@contextlib.contextmanager
def offline_page(prefix: str) -> Iterator[OfflinePage]:
    """A page in a fresh Debian Chromium profile that loads only file:, data: and blob: URLs
    (every other request is refused and recorded) and records its script errors; the profile
    is removed afterwards."""
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    errors: list[str] = []

    def route(r):
        url = r.request.url
        if url.startswith(("file:", "data:", "blob:")):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    profile_dir = tempfile.mkdtemp(prefix=prefix)
    try:
        with sync_playwright() as pw:
            ctx = chromium_context(pw, profile_dir)
            try:
                page = ctx.new_page()
                page.on("pageerror", lambda e: errors.append(str(e)[:200]))
                page.route("**/*", route)
                yield OfflinePage(ctx, page, blocked, errors)
            finally:
                ctx.close()
    finally:
        shutil.rmtree(profile_dir, ignore_errors=True)


def browser_open(html_path: Path, expected_markers: int) -> dict:
    res = {"expected_markers": expected_markers}
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as e:
        return {**res, "error": f"playwright not importable: {e}"}
    if not Path(CHROMIUM).exists():
        return {**res, "error": f"no Chromium at {CHROMIUM}"}
    blocked: list[str] = []
    errors: list[str] = []
    try:
        with offline_page("bench-chromium-") as opened:
            page, blocked, errors = opened.page, opened.blocked, opened.errors
            url = html_path.resolve().as_uri()
            t = time.perf_counter()
            page.goto(url, wait_until="load", timeout=BROWSER_TIMEOUT_S * 1000)
            res["load_event_s"] = time.perf_counter() - t
            # one marker per place, clustered where they overlap: wait until the page holds
            # them all and has drawn its markers and clusters
            page.wait_for_function(
                "n => document.readyState === 'complete' && "
                "Object.values(window).some(v => v && v.smPlaceMarkers && v.smPlaceMarkers.length >= n) && "
                "document.querySelectorAll('.leaflet-marker-icon').length > 0",
                arg=expected_markers, timeout=BROWSER_TIMEOUT_S * 1000, polling=50)
            res["open_s"] = time.perf_counter() - t
            res["markers"] = page.evaluate("document.querySelectorAll('.leaflet-marker-icon').length")
            nav = page.evaluate("JSON.stringify(performance.getEntriesByType('navigation')[0])")
            nav = json.loads(nav) if nav else {}
            res["in_page_load_event_ms"] = nav.get("loadEventEnd")
            res["js_heap_mb"] = page.evaluate(
                "performance.memory ? performance.memory.usedJSHeapSize / 1e6 : null")
    except Exception as e:  # a timeout is a result, not a crash of the benchmark
        res["error"] = f"{type(e).__name__}: {str(e).splitlines()[0][:300]}"
    res["blocked_requests"] = len(blocked)
    res["page_errors"] = errors[:5]
    return res


# Report ---------------------------------------------------------------------------------------

def fmt_s(x):
    return "n/a" if x is None else f"{x:.2f}"


def write_results(path: Path, args, mach: dict, corpus_info: dict, gaz_note: str, st: Stages, pi: dict,
                  recs: list[Recognition], e2e: dict, br: dict, targets: list[tuple], append: bool = False) -> str:
    L = []
    L.append("# Benchmark: performance at newsroom scale\n")
    L.append(f"Generated by `python bench/run.py {' '.join(sys.argv[1:])}` on {mach['date']}.\n")
    L.append("## Machine\n")
    L.append(f"- CPU: {mach['cpu']}, {mach['cores']} logical cores; RAM {mach['ram']}")
    L.append(f"- Python {mach['python']} on {mach['platform']}")
    L.append(f"- {mach['chromium']}")
    L.append("- " + ", ".join(f"{k} {v}" for k, v in mach["versions"].items()))
    L.append("")
    L.append("## Parameters\n")
    L.append(f"- code: {args.git_start}" + ("" if args.git_start == args.git_end else
             f"; WARNING: the code changed during the run, now {args.git_end}"))
    L.append(f"- reports: {corpus_info['count']} (seed {args.seed}), {corpus_info['bytes'] / 1e6:.1f} MB of text "
             f"({corpus_info['bytes'] / max(corpus_info['count'], 1) / 1e3:.1f} kB per report), dates over "
             f"{corpus_info['dates']} days from {corpus_info['start_date']}; corpus generated in "
             f"{corpus_info['gen_s']:.1f} s")
    L.append(f"- gazetteer: {gaz_note} ({pi['gazetteer_entries']} entries, {pi['gazetteer_names']} names)")
    L.append(f"- pipeline result: {pi['report_count']} reports, {pi['mentions']} mentions, {pi['places']} places "
             f"drawn, {pi['claims']} claims on {pi['claim_places']} places over {pi['dates']} dates, "
             f"{pi['metonyms']} metonyms, {pi['datelines']} datelines, {pi['unresolved']} unresolved names")
    L.append("")
    L.append("## Targets\n")
    L.append("| target | limit | measured | result |")
    L.append("|---|---|---|---|")
    for name, limit, measured, ok in targets:
        L.append(f"| {name} | {limit} | {measured} | {'PASS' if ok else ('FAIL' if ok is False else 'n/a')} |")
    L.append("")
    L.append("## Stages (in one process, in the order geo/pipeline.py runs them)\n")
    L.append("Throughput is MB of report text (UTF-8) per second. RSS is this process's resident memory after "
             "the stage (it also holds the corpus and earlier results). GC is wall time inside Python's "
             "cyclic garbage collector during the stage.\n")
    L.append("| stage | wall s | MB/s | RSS after MB | GC s | note |")
    L.append("|---|---:|---:|---:|---:|---|")
    for r in st.rows:
        mbps = f"{r['mbps']:.1f}" if r["mbps"] else ""
        L.append(f"| {r['stage']} | {r['s']:.2f} | {mbps} | {r['rss']:.0f} | {r['gc']:.2f} | {r['note']} |")
    L.append(f"\nPeak RSS of the benchmark process: {peak_mb():.0f} MB (corpus, all stages and both peers).\n")
    L.append("## End to end (`build_map.py` as a subprocess)\n")
    L.append(f"- command: `{e2e['cmd']}`")
    L.append(f"- exit status {e2e['rc']}; wall {e2e['wall']:.1f} s; user CPU {fmt_s(e2e.get('user_s'))} s; "
             f"peak RSS {e2e['peak_rss_mb']:.0f} MB (`/usr/bin/time -v`)")
    if e2e.get("profile_wall"):
        L.append(f"- under cProfile: {e2e['profile_wall']:.1f} s")
    if e2e.get("jobs_run"):
        j = e2e["jobs_run"]
        L.append(f"- with `--jobs {args.jobs}` (per-report work in {args.jobs} processes, on {mach['cores']} cores): "
                 f"exit status {j['rc']}; wall {j['wall']:.1f} s; peak RSS {j['peak_rss_mb']:.0f} MB "
                 "(of the main process; /usr/bin/time reports the largest single process)")
    L.append("- outputs: " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in e2e["sizes"].items()))
    if e2e["rc"] != 0:
        L.append(f"- stderr: ```{e2e['stderr_tail']}```")
    L.append("")
    L.append("What the map HTML is made of (in-process build): "
             f"{pi['html_bytes'] / 1e6:.2f} MB in all, of which {(pi['html_bytes'] - pi['html_before_inline']) / 1e6:.2f} MB "
             f"inlined scripts/styles/fonts, {pi['basemap_bytes'] / 1e6:.2f} MB country outlines; its largest lines:\n")
    L.append("| bytes | line starts with |")
    L.append("|---:|---|")
    for n, head in pi["big_lines"]:
        L.append(f"| {n / 1e6:.2f} MB | `{head.replace('|', '/')}` |")
    L.append("")
    L.append("## Opening the map in Chromium\n")
    if br.get("error"):
        L.append(f"- error: {br['error']}")
    L.append(f"- place markers expected {br.get('expected_markers')}, icons drawn (markers and clusters) "
             f"{br.get('markers', 'n/a')}; "
             f"load event after {fmt_s(br.get('load_event_s'))} s; all markers present after "
             f"{fmt_s(br.get('open_s'))} s (from goto(file://...)); in-page loadEventEnd "
             f"{br.get('in_page_load_event_ms') or 'n/a'} ms; JS heap {br.get('js_heap_mb') or 'n/a'} MB; "
             f"blocked non-file requests {br.get('blocked_requests', 'n/a')}; page errors {br.get('page_errors') or 'none'}")
    L.append("")
    L.append("## Peers on the same corpus (same process, per report)\n")
    L.append("Recognition is compared with the generator's truth at the level of distinct surfaces per report "
             "(case/diacritic/dash-folded, exact): *place recall* = place and dateline surfaces found; "
             "(ours: mentions written as a gazetteer name, not phrases resolved from context such as \"the city\"); "
             "*metonyms as places* = surfaces written only as metonyms (\"Moscow said\") that the tool "
             "reports as places (ours: role `place`; peers cannot tell, so any find); *unexpected* = found "
             "surfaces that the report never wrote as a place or metonym (e.g. a name inside an organisation).\n")
    tp = {r["stage"]: r for r in st.rows}
    ours_mbps = tp["matching (find_mentions)"]["mbps"]
    raw_mbps = tp[CORE_STAGE.format(corpus.geonames_path().name)]["mbps"]
    L.append("| tool | MB/s | our core (GeoNames) / tool | ours with roles (find_mentions) / tool | distinct places "
             "| place recall | metonyms as places | unexpected finds |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    speeds = {"ours (find_mentions)": ours_mbps, "geotext 0.4": tp.get("geotext: GeoText(text)", {}).get("mbps"),
              "flashgeotext 0.5": tp.get("flashgeotext: GeoText().extract(text)", {}).get("mbps")}
    for rec in recs:
        sp = speeds.get(rec.name)
        peer = sp and not rec.name.startswith("ours")
        ratio = f"{ours_mbps / sp:.2f}x" if peer else "-"
        rratio = f"{raw_mbps / sp:.2f}x" if peer else "-"
        L.append(f"| {rec.name} | {sp:.1f} | {rratio} | {ratio} | {len(rec.distinct)} | "
                 f"{rec.place_found / max(rec.place_truth, 1):.1%} | {rec.met_as_place / max(rec.met_truth, 1):.1%} | "
                 f"{rec.found_unexpected} of {rec.found_total} |")
    L.append(f"\nOur matching core (every whole-word gazetteer name in the text, longest first: what geotext and "
             f"flashgeotext return) on geotext's own GeoNames gazetteer: {raw_mbps:.1f} MB/s. Full recognition "
             f"(find_mentions: the core plus roles, metonyms, datelines, context phrases such as \"the city\") on "
             f"the benchmark's gazetteer: {ours_mbps:.1f} MB/s; the peers have no such step.\n")
    L.append("Reports where a tool found each checklist place, of the reports that name it (any listed spelling):\n")
    L.append("| place | reports naming it | " + " | ".join(r.name for r in recs) + " |")
    L.append("|---|---:|" + "---:|" * len(recs))
    for item in corpus.CHECKLIST:
        n = recs[0].check_inserted[item]
        L.append(f"| {item} | {n} | " + " | ".join(
            f"{r.check_found[item]} ({r.check_found[item] / n:.0%})" if n else "-" for r in recs) + " |")
    L.append("")
    for rec in recs:
        top = sorted(rec.unexpected_examples.items(), key=lambda kv: -kv[1])[:8]
        L.append(f"- {rec.name} most frequent unexpected finds: " + (", ".join(f"`{k}` ({v})" for k, v in top) or "none"))
    L.append("")
    if e2e.get("profile"):
        p = e2e["profile"]
        L.append("## cProfile of the end-to-end build\n")
        L.append(f"Total profiled time {p['total']:.1f} s. Top functions by own time (tottime):\n")
        L.append("| function | calls | tottime s | cumtime s |")
        L.append("|---|---:|---:|---:|")
        for r in p["by_tottime"]:
            L.append(f"| `{r['func']}` | {r['calls']} | {r['tottime']:.2f} | {r['cumtime']:.2f} |")
        L.append("\nProject, folium, branca and jinja2 functions by cumulative time:\n")
        L.append("| function | calls | tottime s | cumtime s |")
        L.append("|---|---:|---:|---:|")
        for r in p["by_cumtime"]:
            L.append(f"| `{r['func']}` | {r['calls']} | {r['tottime']:.2f} | {r['cumtime']:.2f} |")
        L.append("")
    text = "\n".join(L) + "\n"
    if append and path.exists():
        body = text.replace("# Benchmark: performance at newsroom scale\n", "", 1)
        body = re.sub(r"^## ", "### ", body, flags=re.M)
        text = (f"\n---\n\n## Additional run: {corpus_info['count']} reports, {gaz_note}\n" + body)
        with open(path, "a", encoding="utf-8") as f:
            f.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return text


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--reports", type=int, default=10000, help="number of reports (default 10000, ~30 MB)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--gazetteer", choices=("csv", "geonames"), default="csv",
                   help="csv: the project's gazetteer.csv; geonames: cities15000.txt from the geotext wheel")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="corpus and outputs (default bench/out)")
    p.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    p.add_argument("--profile", action="store_true", help="also run the end-to-end build under cProfile")
    p.add_argument("--no-browser", action="store_true", help="skip the Chromium open-time measurement")
    p.add_argument("--jobs", type=int, default=0,
                   help="also run the end-to-end build with build_map.py --jobs N (reported beside the default)")
    p.add_argument("--append", action="store_true",
                   help="append this run as an additional section to the results file instead of replacing it")
    args = p.parse_args(argv)

    mach = machine()
    args.git_start = git_state()
    print(f"machine: {mach['cpu']}, {mach['cores']} cores, {mach['ram']}, Python {mach['python']}")
    args.out.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    info = corpus.generate(args.out, args.reports, args.seed)
    info["gen_s"] = time.perf_counter() - t
    print(f"corpus: {info['count']} reports, {info['bytes'] / 1e6:.1f} MB in {info['gen_s']:.1f} s -> {info['reports']}")
    truth = load_truth(info["truth"])

    gaz_path = ROOT / "gazetteer.csv"
    gaz_note = "gazetteer.csv (project)"
    if args.gazetteer == "geonames":
        gaz_path = corpus.geonames_path()
        gaz_note = f"GeoNames {gaz_path.name} from the geotext wheel"
        try:
            from geo import gazetteer as gazetteer_mod

            gazetteer_mod.load(gaz_path)
        except Exception as e:  # the GeoNames reader is being finished elsewhere
            print(f"GeoNames gazetteer failed to load ({type(e).__name__}: {e}); falling back to gazetteer.csv")
            gaz_note = f"gazetteer.csv (fallback: GeoNames reader failed: {type(e).__name__}: {str(e)[:120]})"
            gaz_path = ROOT / "gazetteer.csv"

    st = Stages()
    print("in-process stages:")
    pi = pipeline_in_process(info["reports"], gaz_path, args.out / "maps-inproc", st, truth)
    recs = [pi["ours"]] + peers(pi["reports"], pi["mb"], st, truth)
    pi["reports"] = None
    gc.collect()

    print("end to end:")
    e2e = end_to_end(info["reports"], gaz_path, args.out, args.profile)
    if args.jobs > 1:
        e2e["jobs_run"] = end_to_end(info["reports"], gaz_path, args.out, False, args.jobs)

    br = {"error": "skipped (--no-browser)"}
    html_path = args.out / "maps" / "situation_map.html"
    if not args.no_browser and html_path.exists():
        expected = pi["places"]
        print(f"browser: opening {html_path} ({html_path.stat().st_size / 1e6:.1f} MB), expecting {expected} markers")
        br = browser_open(html_path, expected)
        print(f"  load event {fmt_s(br.get('load_event_s'))} s, all markers {fmt_s(br.get('open_s'))} s"
              + (f", error: {br['error']}" if br.get("error") else ""))

    args.git_end = git_state()
    tp = {r["stage"]: r for r in st.rows}
    geotext_mbps = tp.get("geotext: GeoText(text)", {}).get("mbps")
    core = tp[CORE_STAGE.format(corpus.geonames_path().name)]
    ratio = core["mbps"] / geotext_mbps if geotext_mbps else None
    html_mb = e2e["sizes"].get("situation_map.html", 0) / 1e6
    peak = e2e["peak_rss_mb"]
    targets = [
        (f"end-to-end build ({info['count']} reports)", "< 60 s", f"{e2e['wall']:.1f} s"
         + ("" if e2e["rc"] == 0 else f" (exit {e2e['rc']})"),
         e2e["wall"] < 60 and e2e["rc"] == 0),
        ("peak memory (end-to-end build)", "< 1.5 GB", f"{peak / 1e3:.2f} GB" if peak else "n/a",
         (peak < 1500) if peak else None),
        ("matching core vs geotext (same corpus, geotext's gazetteer)", ">= 1.5x",
         f"{ratio:.2f}x ({core['mbps']:.1f} vs {geotext_mbps:.1f} MB/s)" if ratio else "n/a",
         (ratio >= 1.5) if ratio else None),
        ("map opens in Chromium", "< 2 s", f"{br['open_s']:.2f} s" if br.get("open_s") else
         f"not opened ({br.get('error', '')[:80]})", (br["open_s"] < 2) if br.get("open_s") else (
             None if args.no_browser else False)),
        ("map size, self-contained", "< 15 MB", f"{html_mb:.1f} MB", html_mb < 15 if html_mb else None),
    ]
    text = write_results(args.results, args, mach, info, gaz_note, st, pi, recs, e2e, br, targets, args.append)
    print()
    print(text)
    print(f"wrote {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

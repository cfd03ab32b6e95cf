#!/usr/bin/env python3
"""How fast a built map opens, and how fast its popups open, in Debian's Chromium.

    .venv/bin/python bench/map_open.py maps/situation_map.html
    .venv/bin/python bench/map_open.py /tmp/out/situation_map.html --runs 3 --popups 20 --profile

Each run starts a fresh headless Chromium (``/usr/bin/chromium`` or ``$CHROMIUM``, driven by
Playwright; every request that is not a file is aborted), opens the map and times it until the
load event and until the page holds one marker per place and has drawn its first markers or
clusters (``open_s``). Then it opens the popups of ``--popups`` places (the most named first,
then a seeded sample of the rest) through the page's own ``map.smOpen`` and times each in the
page (``performance.now``) from the call to the popup's content being in the document: what a
reader waits after choosing a place in the search box. ``--profile`` adds the JavaScript
functions with the most self time during the first opening (Chromium's CPU profiler).

A measurement, not a test: run it on an idle machine and read the figures as that machine's.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from run import BROWSER_TIMEOUT_S, CHROMIUM, offline_page  # noqa: E402

SETTLE_MS = 1000
# In the page: open one place's popup and resolve with the milliseconds until its content shows.
_POPUP_MS = """id => new Promise((done, fail) => {
  const map = Object.values(window).find(v => v && v.smOpen);
  if (!map) { fail('no map.smOpen in the page'); return; }
  map.closePopup();
  const t0 = performance.now();
  map.smOpen(id);
  (function wait() {
    if (document.querySelector('.leaflet-popup-content .pp')) { done(performance.now() - t0); return; }
    if (performance.now() - t0 > 10000) { fail('no popup after 10 s for ' + id); return; }
    setTimeout(wait, 2);
  })();
})"""

_PLACE_IDS = """() => {
  const map = Object.values(window).find(v => v && v.smPlaceMarkers);
  return map.smPlaceMarkers.map(m => [m.smPlace.id, m.smPlace.n || 0]);
}"""

_READY = ("() => document.readyState === 'complete' && "
          "Object.values(window).some(v => v && v.smPlaceMarkers && v.smPlaceMarkers.length > 0) && "
          "document.querySelectorAll('.leaflet-marker-icon').length > 0")


def one_run(html: Path, popups: int, seed: int, profile: bool) -> dict:
    out: dict = {}
    with offline_page("map-open-") as opened:
        ctx, page = opened.context, opened.page
        cdp = None
        if profile:
            cdp = ctx.new_cdp_session(page)
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 200})
            cdp.send("Profiler.start")
        t = time.perf_counter()
        page.goto(html.resolve().as_uri(), wait_until="load", timeout=BROWSER_TIMEOUT_S * 1000)
        out["load_event_s"] = time.perf_counter() - t
        page.wait_for_function(_READY, timeout=BROWSER_TIMEOUT_S * 1000, polling=50)
        out["open_s"] = time.perf_counter() - t
        if cdp is not None:
            out["profile"] = _top_functions(cdp.send("Profiler.stop")["profile"])
        page.wait_for_timeout(SETTLE_MS)   # the first view's own moves end before a place is opened
        ids = page.evaluate(_PLACE_IDS)
        out["places"] = len(ids)
        ranked = [i for i, _ in sorted(ids, key=lambda x: -x[1])]
        head = ranked[:popups // 2]
        rest = ranked[popups // 2:]
        chosen = head + random.Random(seed).sample(rest, min(len(rest), popups - len(head)))
        out["popup_ms"] = [page.evaluate(_POPUP_MS, pid) for pid in chosen]
        out["page_errors"] = opened.errors[:5]
    return out


def _top_functions(profile: dict, n: int = 15) -> list[tuple[str, float]]:
    """(function at url:line, self milliseconds) of the ``n`` functions with the most samples."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    dt = profile.get("timeDeltas", [])
    self_us: dict[str, float] = {}
    for sample, delta in zip(profile.get("samples", []), dt):
        f = nodes[sample]["callFrame"]
        key = f"{f['functionName'] or '(anonymous)'} {Path(f['url']).name if f['url'] else ''}:{f['lineNumber'] + 1}"
        self_us[key] = self_us.get(key, 0.0) + delta
    return [(k, v / 1000) for k, v in sorted(self_us.items(), key=lambda kv: -kv[1])[:n]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("html", type=Path, help="a built situation_map.html")
    ap.add_argument("--runs", type=int, default=3, help="fresh browser openings (default 3)")
    ap.add_argument("--popups", type=int, default=20, help="popups opened per run (default 20)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--profile", action="store_true", help="top JavaScript functions of the first opening")
    a = ap.parse_args(argv)
    if not a.html.is_file():
        print(f"error: {a.html}: no such file", file=sys.stderr)
        return 1
    if not Path(CHROMIUM).exists():
        print(f"error: no Chromium at {CHROMIUM} (apt-get install chromium)", file=sys.stderr)
        return 1
    runs = [one_run(a.html, a.popups, a.seed, a.profile and k == 0) for k in range(a.runs)]
    opens = [r["open_s"] for r in runs]
    pops = [ms for r in runs for ms in r["popup_ms"]]
    print(f"map: {a.html} ({a.html.stat().st_size / 1e6:.1f} MB, {runs[0]['places']} places)")
    print(f"open (load event and markers drawn): median {statistics.median(opens):.2f} s "
          f"(runs: {', '.join(f'{x:.2f}' for x in opens)}); load event median "
          f"{statistics.median(r['load_event_s'] for r in runs):.2f} s")
    print(f"popup open: median {statistics.median(pops):.0f} ms, 90th percentile "
          f"{sorted(pops)[int(0.9 * (len(pops) - 1))]:.0f} ms, max {max(pops):.0f} ms ({len(pops)} popups)")
    errors = [e for r in runs for e in r["page_errors"]]
    if errors:
        print(f"page errors: {json.dumps(errors[:3])}")
    for name, ms in runs[0].get("profile", []):
        print(f"  {ms:8.0f} ms  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

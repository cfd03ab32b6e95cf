"""Real-browser tests: the built map opened from file:// in Debian's Chromium, driven by Playwright.

Setup (see requirements-browser.txt): ``pip install -r requirements-browser.txt`` and the Debian
``chromium`` package (``/usr/bin/chromium``, or set ``CHROMIUM=/path/to/chromium``). Never run
``playwright install``: it downloads a browser, and these machines have no internet.

Without Playwright or Chromium the whole suite is skipped with the reason, except when
``CI=true``: there a missing browser is a failure, so the suite cannot silently stop running.

Every page is opened with all network access cut off: a request to anything but ``file:``,
``data:``, ``blob:`` or loopback is aborted and recorded, and each test then fails if any was
made, so a passing test proves the map needs nothing from outside. Uncaught page errors, console
errors and JavaScript dialogs (``alert``...) fail the test too.
"""

from __future__ import annotations

import ipaddress
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from helpers import ROOT

if str(ROOT) not in sys.path:  # build_map.py and geo/ live at the project root
    sys.path.insert(0, str(ROOT))

HERE = Path(__file__).resolve().parent
IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 1280, "height": 800}
SEEDS = ROOT / "seeds"
NODE_MODULES = ROOT / "node_modules"
SETUP_HINT = (
    "pip install -r requirements-browser.txt; apt-get install chromium (or set CHROMIUM=/path); "
    "never `playwright install`"
)


def _chromium_path() -> str | None:
    found = shutil.which(CHROMIUM)
    if found:
        return found
    return CHROMIUM if os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK) else None


def _missing_browser() -> str | None:
    """Why the browser suite cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as e:
        return f"playwright is not importable ({e}); {SETUP_HINT}"
    if _chromium_path() is None:
        return f"no Chromium at {CHROMIUM!r}; {SETUP_HINT}"
    return None


MISSING = _missing_browser()


def pytest_collection_modifyitems(config, items):
    """Skip (locally) every test of this folder when the browser is missing; in CI let them fail."""
    if MISSING is None or IN_CI:
        return
    skip = pytest.mark.skip(reason=f"browser suite skipped: {MISSING}")
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(skip)


# --------------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    """One headless Chromium (fresh persistent profile) for the whole session."""
    if MISSING is not None:
        # Only reached in CI (elsewhere the tests were marked skip at collection).
        pytest.fail(f"CI=true but the browser suite cannot run: {MISSING}", pytrace=False)
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=_chromium_path(),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=VIEWPORT,
            service_workers="block",
            accept_downloads=False,
        )
        try:
            yield ctx
        finally:
            ctx.close()


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("file", "data", "blob", "about"):
        return True
    if scheme in ("http", "https", "ws", "wss"):
        host = (parts.hostname or "").lower()
        if host == "localhost" or host.endswith(".localhost"):
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False
    return False


@dataclass
class PageLog:
    """What a page did that a test may not allow: outside requests, errors, dialogs."""

    blocked: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        out = [f"blocked request to {u}" for u in self.blocked]
        out += [f"page error: {e}" for e in self.page_errors]
        out += [f"console error: {e}" for e in self.console_errors]
        out += [f"dialog opened: {d}" for d in self.dialogs]
        return out


@pytest.fixture
def page_log():
    return PageLog()


@pytest.fixture
def page(browser_context, page_log):
    """A fresh tab, offline: every non-local request is aborted and recorded.

    After the test: no blocked request, no uncaught page error, no console error and no dialog.
    """
    pg = browser_context.new_page()
    log = page_log

    def on_route(route):
        url = route.request.url
        if _is_local(url):
            route.continue_()
        else:
            if url not in log.blocked:
                log.blocked.append(url)
            route.abort()

    def on_request(request):  # also catches requests that never reach the router
        url = request.url
        if not _is_local(url) and url not in log.blocked:
            log.blocked.append(url)

    def on_console(msg):
        if msg.type == "error":
            loc = msg.location or {}
            log.console_errors.append(f"{msg.text} ({loc.get('url', '')[:80]}:{loc.get('lineNumber', '')})")

    def on_dialog(dialog):
        log.dialogs.append(f"{dialog.type}: {dialog.message!r}")
        dialog.dismiss()

    pg.route("**/*", on_route)
    pg.on("request", on_request)
    pg.on("pageerror", lambda err: log.page_errors.append(str(err)))
    pg.on("console", on_console)
    pg.on("dialog", on_dialog)
    pg.on("popup", lambda p: log.dialogs.append(f"window.open: {p.url}"))
    try:
        yield pg
    finally:
        # Let anything the test triggered last (a popup's content, a fading image) settle.
        try:
            pg.wait_for_timeout(100)
        except Exception:
            pass
        pg.close()
    problems = log.problems()
    assert not problems, "the page did something it must not:\n  " + "\n  ".join(problems)


# --------------------------------------------------------------------------------- the map page

# The folium map object: a global ``map_<id>`` holding an ``L.Map``.
JS_FIND_MAP = """
() => {
  if (typeof L === 'undefined') return null;
  for (const k of Object.keys(window)) {
    let v; try { v = window[k]; } catch (e) { continue; }
    if (v instanceof L.Map) return k;
  }
  return null;
}
"""

# The place markers: one Leaflet marker per place, whose divIcon is a <div class="gp">. The page
# keeps them all in ``map.smPlaceMarkers`` (clustered ones are not on the map until zoomed in).
JS_PLACE_MARKERS = """
(map) => {
  if (map.smPlaceMarkers) return map.smPlaceMarkers.slice();
  const out = [];
  map.eachLayer(l => {
    if (l instanceof L.Marker && l.feature && l.feature.properties
        && /class="gp[ "]/.test(String(l.feature.properties.icon || ''))) out.push(l);
  });
  return out;
}
"""


class MapPage:
    """Helpers over an opened situation map."""

    def __init__(self, page, log: PageLog | None = None):
        self.page = page
        self.log = log
        self.map_name: str | None = None

    def open(self, path: Path | str, *, timeout_ms: int = 15000) -> MapPage:
        """Load file://path and wait until Leaflet has drawn the map and its markers settled."""
        uri = Path(path).resolve().as_uri()
        self.page.goto(uri, wait_until="load")
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            handle = self.page.wait_for_function(JS_FIND_MAP, timeout=timeout_ms)
        except PlaywrightTimeout:
            why = "; ".join(self.log.problems()[:5]) if self.log else ""
            raise AssertionError(f"no Leaflet map appeared in {path} within {timeout_ms} ms. {why}") from None
        self.map_name = handle.json_value()
        self.page.wait_for_function(f"() => window[{json.dumps(self.map_name)}]._loaded === true",
                                    timeout=timeout_ms)
        # Marker icons are added synchronously by the GeoJson layer; wait until their count is
        # stable for a few frames anyway, in case a later script (or a plugin) adds more.
        deadline = time.monotonic() + timeout_ms / 1000
        last, stable = -1, 0
        while stable < 3:
            n = self.page.locator(".leaflet-marker-icon").count()
            stable = stable + 1 if n == last else 0
            last = n
            if time.monotonic() > deadline:
                raise AssertionError("marker count never settled")
            self.page.wait_for_timeout(60)
        return self

    def js(self, expression: str, arg=None):
        """Evaluate ``(map, arg) => ...`` with the folium map object.

        Never return the map or a layer: Playwright would serialise the whole object graph
        (seconds). Wrap statements in braces: ``(map) => { map.setView(...); }``."""
        return self.page.evaluate(
            f"([mapName, arg]) => ({expression})(window[mapName], arg)", [self.map_name, arg]
        )

    def center(self) -> tuple[float, float]:
        c = self.js("(map) => map.getCenter()")
        return c["lat"], c["lng"]

    def js_places(self, expression: str, arg=None):
        """Evaluate ``(map, markers, arg) => ...`` with the folium map and its place markers."""
        return self.page.evaluate(
            f"([mapName, arg]) => {{ const map = window[mapName];"
            f" return ({expression})(map, ({JS_PLACE_MARKERS})(map), arg); }}",
            [self.map_name, arg],
        )

    def place_layers(self) -> list[dict]:
        """[{name, popup: bool, tooltip: bool}] for every place marker."""
        return self.js_places(
            "(map, markers) => markers.map(l => ({name: l.feature.properties.name,"
            " popup: !!l.getPopup(), tooltip: !!l.getTooltip()}))"
        )

    def click_place(self, name: str) -> None:
        """Fire a click on the place marker whose feature property ``name`` is ``name`` (the
        property holds escaped HTML; for a plain name that is the name itself). A marker inside a
        cluster is first brought into view, as a click on the cluster would."""
        found = self.js_places(
            """(map, markers, name) => {
                 const hits = markers.filter(l => l.feature.properties.name === name);
                 if (hits.length !== 1) return hits.length;
                 const m = hits[0];
                 if (map.smPlaces && !m._icon) {
                   map.smPlaces.zoomToShowLayer(m, () => m.fire('click', {latlng: m.getLatLng()}));
                 } else {
                   m.fire('click', {latlng: m.getLatLng()});
                 }
                 return 1;
               }""",
            name,
        )
        assert found == 1, f"{found} place markers with feature name {name!r}, expected 1"

    def popup_of(self, name: str) -> str:
        """The HTML the place's popup shows now (as Leaflet builds it when opened)."""
        return self.js_places(
            """(map, markers, name) => {
                 const m = markers.find(l => l.feature.properties.name === name);
                 const c = m.getPopup()._content;
                 const el = typeof c === 'function' ? c(m) : c;
                 return typeof el === 'string' ? el : el.outerHTML;
               }""",
            name,
        )

    def set_day(self, day: str) -> None:
        """Move the day slider to ``day`` as a user would (an input event)."""
        ok = self.page.evaluate(
            """(day) => {
                 const s = document.getElementById('sm-claim-date');
                 const days = Array.from(document.querySelectorAll('#sm-ticks span')).map(t => t.title.slice(0, 10));
                 const i = days.indexOf(day);
                 if (i < 0) return false;
                 s.value = i; s.dispatchEvent(new Event('input'));
                 return true;
               }""", day)
        assert ok, f"no day {day} on the slider"

    def open_popup_text(self, *, fade_ms: int = 0) -> str:
        """textContent of the open popup (waits for it; a closed one may still be fading out)."""
        self.page.wait_for_function(
            "(n) => { const p = window[n]._popup; return !!(p && p.isOpen() && p._contentNode); }",
            arg=self.map_name, timeout=5000,
        )
        if fade_ms:
            self.page.wait_for_timeout(fade_ms)
        return self.js("(map) => map._popup._contentNode.textContent")


@pytest.fixture
def open_map(page, page_log):
    """``open_map(path) -> MapPage``: open a built map in the offline tab and wait for Leaflet."""

    def _open(path, **kw) -> MapPage:
        return MapPage(page, page_log).open(path, **kw)

    return _open


# --------------------------------------------------------------------------------- building maps


def default_gazetteer() -> Path:
    gaz = ROOT / "gazetteer.csv"
    return gaz if gaz.is_file() else Path("/tmp/gaz.csv")


def build_map_into(out_dir: Path, reports: Path, gazetteer: Path, *extra: str) -> Path:
    """Build with ``build_map.main`` (in this process); return the self-contained HTML path."""
    import build_map

    out_dir.mkdir(parents=True, exist_ok=True)
    code = build_map.main(
        ["--gazetteer", str(gazetteer), "--reports", str(reports), "--out-dir", str(out_dir), *extra]
    )
    assert code == 0, f"build_map exited with {code} for reports={reports} gazetteer={gazetteer}"
    html_path = out_dir / "situation_map.html"
    html = html_path.read_text(encoding="utf-8")
    # Inline CDN assets for the offline browser. This step becomes unnecessary once
    # build_map writes self-contained HTML by default (the owner is making that the default).
    if '<script src="http' in html or "<link rel=\"stylesheet\" href=\"http" in html:
        from geo.offline import inline_assets

        html = inline_assets(html, NODE_MODULES)
        html_path.write_text(html, encoding="utf-8")
    return html_path


@pytest.fixture(scope="session")
def build_map_file():
    """``build_map_file(out_dir, reports, gazetteer, *extra_args) -> Path`` of the offline HTML."""
    return build_map_into


@pytest.fixture(scope="session")
def sample_map(tmp_path_factory) -> Path:
    """The map of the five sample reports (seeds/) with the repository gazetteer."""
    out = tmp_path_factory.mktemp("sample-map")
    return build_map_into(out, SEEDS, default_gazetteer())

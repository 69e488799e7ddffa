"""Shared fixtures for every test folder (site helper owns this file).

- `built_site` (session): `mkdocs build --strict` into a temporary folder, returns its Path; one
  build for all pytest-xdist workers of a run (see "one site for the whole run" below).
  SITE_URL is set to the address `site_server` will use, so `navigation.instant` behaves as
  on a real host. The build output is in the `build_log` fixture.
- `site_pages` (session): the built HTML pages as URL paths relative to the site root
  ("" for the home page, "penyetaraan/", "kalkulator/", ...), 404.html excluded.
- `site_server` (session): base URL (ending in "/") of a static server over `built_site` on
  127.0.0.1. It serves the site's 404.html with status 404 and .wasm/.mjs with proper types.
- `site_server_factory` (session): `start(root=None, port=0) -> StaticServer` with `.url`,
  `.port`, `.root`, `.stop()`; root defaults to `built_site`; anything left running is stopped
  at the end of the session.
- `satu_build` (session): `with satu_build(): <build>`, one site build at a time across
  pytest-xdist workers (the first fills .cache/, the others reuse it).
- `browser` (session): Playwright Chromium (/usr/bin/chromium, or $CHROMIUM), headless.
  Service worker requests are reported to `context.on("request")` too
  (PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS=1); `request.service_worker` tells them apart.
- `page` (function): a fresh context and page per test, closed afterwards.
- `tab` (function): the module's one tab, cleaned after each test (storage, viewport, a blank
  document): for modules of many short page tests that need no context of their own.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from scripts import static_server

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]




def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- one site for the whole run --
# Under pytest-xdist (`bash scripts/test`) the workers share one build, served by one server in the
# controller process: the first worker that needs the site builds it (under the build lock), the
# others find it built. Without xdist (PYTEST_WORKERS=0) the process builds and serves its own.
SITUS_BERSAMA = "PANDUAN_UJI_SITUS"  # "<folder>|<port>", set by the controller for its workers


def pytest_configure(config):
    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None):
        return
    folder = Path(tempfile.mkdtemp(prefix="panduan-uji-situs-"))
    server = static_server.StaticServer(folder, "127.0.0.1", 0).start()
    os.environ[SITUS_BERSAMA] = f"{folder}|{server.port}"  # the workers start after this
    config._situs_bersama = (folder, server)


def pytest_unconfigure(config):
    bersama = getattr(config, "_situs_bersama", None)
    if bersama:
        folder, server = bersama
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        Path(f"{folder}.log").unlink(missing_ok=True)
        os.environ.pop(SITUS_BERSAMA, None)


def _situs_bersama() -> tuple[Path, int] | None:
    nilai = os.environ.get(SITUS_BERSAMA)
    if not nilai:
        return None
    folder, port = nilai.rsplit("|", 1)
    return Path(folder), int(port)


@pytest.fixture(scope="session")
def site_port() -> int:
    bersama = _situs_bersama()
    return bersama[1] if bersama else _free_port()


@contextlib.contextmanager
def _satu_build():
    """One site build at a time across pytest-xdist workers: the first fills .cache/ (the
    precompiled stdlib zip takes ~20 s on a fresh clone), the others then reuse it instead of
    making it again side by side."""
    (ROOT / ".cache").mkdir(exist_ok=True)
    with open(ROOT / ".cache" / "uji-build.lock", "w") as kunci:
        fcntl.flock(kunci, fcntl.LOCK_EX)
        yield


@pytest.fixture(scope="session")
def satu_build():
    return _satu_build


@pytest.fixture(scope="session")
def _site_build(tmp_path_factory, site_port):
    bersama = _situs_bersama()
    out = bersama[0] if bersama else tmp_path_factory.mktemp("site")
    selesai = Path(f"{out}.log")  # the build's log, written once the shared build is complete
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": f"http://127.0.0.1:{site_port}/",
    }
    with _satu_build():
        if bersama and selesai.is_file():
            return out, selesai.read_text(encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )
        log = proc.stdout + proc.stderr
        if proc.returncode != 0:
            pytest.fail(f"mkdocs build --strict gagal (kode {proc.returncode}):\n{log}", pytrace=False)
        if bersama:
            selesai.write_text(log, encoding="utf-8")
    return out, log


@pytest.fixture(scope="session")
def built_site(_site_build) -> Path:
    return _site_build[0]


@pytest.fixture(scope="session")
def build_log(_site_build) -> str:
    return _site_build[1]


@pytest.fixture(scope="session")
def site_pages(built_site) -> list[str]:
    pages = []
    for html in sorted(built_site.rglob("*.html")):
        rel = html.relative_to(built_site)
        if rel.parts[0] in {"assets", "search"} or rel.name == "404.html":
            continue
        if rel.name == "index.html":
            url = "/".join(rel.parts[:-1])
            pages.append(url + "/" if url else "")
        else:
            pages.append(rel.as_posix())
    return pages


@pytest.fixture(scope="session")
def site_server_factory(built_site):
    started = []

    def start(root=None, port: int = 0):
        server = static_server.StaticServer(root or built_site, "127.0.0.1", port).start()
        started.append(server)
        return server

    yield start
    for server in started:
        try:
            server.stop()
        except Exception:  # already stopped by the test
            pass


@pytest.fixture(scope="session")
def site_server(site_server_factory, built_site, site_port) -> str:
    if _situs_bersama():
        return f"http://127.0.0.1:{site_port}/"  # the controller's server over the shared build
    return site_server_factory(built_site, site_port).url


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium tidak ada di {CHROMIUM}; jalankan bash scripts/setup", pytrace=False)
    from playwright.sync_api import sync_playwright

    # Report service worker traffic (offline precache) to context.on("request") as well, so
    # that "no request to another host" also covers what the service worker fetches.
    os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")
    _poll_every_100_ms()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def _poll_every_100_ms():
    """`wait_for_function` polls every 100 ms unless a test asks otherwise. Playwright's default
    polls on every animation frame, which keeps the renderer painting while a test waits (measured
    here: 0,11 CPU-seconds per second of waiting, against 0,01), and the suite is CPU-bound."""
    from playwright.sync_api import Frame, Page

    for cls in (Page, Frame):
        asli = cls.wait_for_function
        if getattr(asli, "_tiap_100_ms", False):
            continue

        def wait_for_function(self, expression, *, arg=None, timeout=None, polling=None, _asli=asli):
            return _asli(self, expression, arg=arg, timeout=timeout, polling=100 if polling is None else polling)

        wait_for_function._tiap_100_ms = True
        cls.wait_for_function = wait_for_function


@pytest.fixture
def page(browser):
    context = browser.new_context()
    context.set_default_timeout(20_000)
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture(scope="module")
def _tab_modul(browser):
    context = browser.new_context()
    context.set_default_timeout(20_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def tab(_tab_modul):
    """One tab for the module's tests, each left clean for the next: its session and local storage
    emptied, the default viewport back, then a blank document. Every test still loads its page in
    full (a new document and script context); what is saved is opening a tab, a new renderer
    process (measured here: 1,7 CPU-seconds a test in a new tab, 0,55 in the same one)."""
    page = _tab_modul
    yield page
    if page.url.startswith("http"):
        page.evaluate("() => { sessionStorage.clear(); localStorage.clear(); }")
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto("about:blank")


# -- tiers (pyproject.toml registers the markers; `bash scripts/test --fast` picks the fast tier) --

FOLDER_MARKERS = {"engine", "render", "node", "site", "browser", "trainer", "massal", "repo"}
NEEDS_BUILD = {"built_site", "_site_build", "site_server", "trainer_site"}
NEEDS_BROWSER = {"browser", "page", "tab"}


# -- workers (pytest-xdist; `bash scripts/test` runs `-n auto --dist loadscope`) --
# A module's tests share module fixtures (a booted calculator tab, a sweep's visits) and some run
# in order on them, so a module runs on one worker (xdist's loadscope), with two refinements made
# by the scheduler below: the parts of a long sweep (tests parametrized `bagianN`) are groups of
# their own, so two workers sweep side by side, and modules that share an expensive session
# fixture run together (GABUNG). The workers share one site build (above; its slow parts are in
# the machine's build cache, scripts/simpanan.py). The longest groups start first (BERAT, seconds measured
# on the project machine), so that none starts last and leaves the other worker idle; the order
# of the tests inside a group stays as written. (Not xdist's loadgroup with xdist_group marks:
# xdist 3.8 names the group by rewriting item._nodeid, which pytest 9.2 no longer reads.)
GABUNG = {
    # trainer_site: the site copy with the handouts (Chromium PDF) and the offline kit
    "tests/trainer/test_pelatih_luring.py": "tests/trainer/kit",
    "tests/trainer/test_pelatih_unduhan.py": "tests/trainer/kit",
}
BERAT = {
    "tests/site/test_peramban_situs.py::bagian0": 80, "tests/site/test_peramban_situs.py::bagian1": 80,
    "tests/browser/test_kalkulator.py": 60, "tests/browser/test_deploy.py": 45,
    "tests/trainer/kit": 30,
    "tests/massal/test_massal_peramban.py": 25, "tests/node/test_wheel_pyodide.py": 15,
    "tests/site/test_panduan_situasi.py": 15, "tests/trainer/test_pelatih_kuis.py": 12,
    "tests/trainer/test_pelatih_presentasi.py": 10,
}


def kelompok(nodeid: str) -> str:
    """The group (one worker, in order) of a test by its node id."""
    modul = nodeid.split("::", 1)[0]
    bagian = re.search(r"\[(?:.*-)?(bagian\d+)(?:-.*)?\]$", nodeid)
    if bagian:
        return f"{modul}::{bagian.group(1)}"
    return GABUNG.get(modul, modul)


# optionalhook: a .venv without pytest-xdist (before `bash scripts/setup`) still runs the tests.
@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Kelompok(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return kelompok(nodeid)

    return Kelompok(config, log)


def pytest_collection_modifyitems(config, items):
    """Mark each test by its folder (tests/<folder>/...) and by what it needs: `perlu_build` for a
    built site, `perlu_peramban` for Chromium. The fast tier is everything that needs neither.
    On a pytest-xdist worker: the longest groups first (BERAT)."""
    for item in items:
        parts = Path(str(item.fspath)).relative_to(ROOT / "tests").parts
        if len(parts) > 1 and parts[0] in FOLDER_MARKERS:
            item.add_marker(getattr(pytest.mark, parts[0]))
        needs = set(getattr(item, "fixturenames", ()))
        if needs & NEEDS_BUILD:
            item.add_marker(pytest.mark.perlu_build)
        if needs & NEEDS_BROWSER:
            item.add_marker(pytest.mark.perlu_peramban)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        urutan = {id(item): i for i, item in enumerate(items)}
        items.sort(key=lambda item: (-BERAT.get(kelompok(item.nodeid), 0), urutan[id(item)]))

"""A deploy, end to end (issue 10): two builds of a temporary copy of the project, the second
with one koefisien and one sentence changed, served from the same address one after the other.

Build 1 is served the way a plain host serves files (Last-Modified weeks old, no Cache-Control:
the browser may then reuse its copies for days without asking), visited in Chromium until the
service worker holds the site; then the server switches to build 2. The next visit must show the
new number (calculator and guide page), the new sentence, and load nothing of build 1; a tab of
build 1 left open is told "Versi baru tersedia" and shows the new number after "Muat ulang".
The same again with the headers scripts/static_server.py sends (immutable / no-cache, gzip);
then, with the server stopped, an unknown address shows the site's 404 page, and another app
later served on the same address is neither answered nor stored by the worker.

Expected numbers come from the regulation's formula (PermenPANRB 1/2023 Pasal 37: AK = bulan/12 x
persentase x koefisien; Baik = 100 %), not from the engine: Ahli Pertama, 12 months Baik, AK from
the last PAK 10 -> 10 + 12,5 = 22,5 with the real koefisien 12,5 and 23,5 with the test's 13,5.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts import static_server

ROOT = Path(__file__).resolve().parents[2]
BOOT_MS = 90_000
PERMINTAAN = {"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 10,
              "penilaian": [{"tahun": 2024, "predikat": "Baik"}]}
LAMA, BARU = "22,5", "23,5"  # 10 + 12/12 x 100 % x 12,5 (or x 13,5)
KALIMAT_BARU = "Kalimat ini hanya ada di build kedua uji deploy."
COPY = ("calculator", "docs", "hooks", "overrides", "scripts", "mkdocs.yml", "pyproject.toml",
        "package.json")
WEEKS_AGO = 30 * 24 * 3600


def _project_copy(dest: Path) -> Path:
    dest.mkdir()
    for name in COPY:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, dest / name)
    # Share the checkout's Pyodide (node_modules) and its .cache (root-words); the wheels and the
    # stdlib zip come from the machine's build cache (scripts/simpanan.py) anyway. On a fresh clone
    # .cache does not exist yet, and a dangling link makes the build's mkdir fail.
    (ROOT / ".cache").mkdir(exist_ok=True)
    for name in ("node_modules", ".cache"):
        (dest / name).symlink_to(ROOT / name)
    return dest


def _build(project: Path, out: Path, url: str, satu_build) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
    with satu_build():  # the copy shares .cache/ with the other workers' builds
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                               "--site-dir", str(out)], cwd=project, env=env,
                              capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.fail(f"build gagal:\n{proc.stdout}\n{proc.stderr}", pytrace=False)


def _age(site: Path, seconds: int) -> None:
    when = time.time() - seconds
    for path in site.rglob("*"):
        os.utime(path, (when, when))


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory, satu_build):
    tmp = tmp_path_factory.mktemp("deploy")
    # The address is fixed before the builds (SITE_URL), the server starts later on it.
    probe = static_server.StaticServer(tmp, "127.0.0.1", 0)
    port = probe.port
    probe.stop()
    url = f"http://127.0.0.1:{port}/"
    project = _project_copy(tmp / "proyek")
    b1, b2 = tmp / "build1", tmp / "build2"
    _build(project, b1, url, satu_build)
    toml = project / "calculator" / "data" / "konversi.toml"
    text = toml.read_text(encoding="utf-8")
    old = "[[koefisien.ahli_pertama]]\nnilai = 12.5\n"
    assert old in text
    toml.write_text(text.replace(old, "[[koefisien.ahli_pertama]]\nnilai = 13.5\n"), encoding="utf-8")
    page = project / "docs" / "angka-kredit.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{KALIMAT_BARU}\n", encoding="utf-8")
    _build(project, b2, url, satu_build)
    _age(b1, WEEKS_AGO)
    _age(b2, WEEKS_AGO - 24 * 3600)
    return port, url, b1, b2


def _share_link(base: str, request: dict) -> str:
    raw = json.dumps(request, ensure_ascii=False).encode("utf-8")
    return base + "kalkulator/#s=" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _wait_answer(page) -> None:
    page.wait_for_function(
        "Number((document.getElementById('kalkulator')||{dataset:{}}).dataset.jawaban || 0) > 0",
        timeout=BOOT_MS)


def _shows(page, text: str) -> None:
    page.wait_for_function("(t) => document.getElementById('kalkulator').innerText.includes(t)",
                           arg=text, timeout=BOOT_MS)


def _old_only(b1: Path, b2: Path) -> dict[str, bytes | None]:
    """Build-1 files a build-2 visitor must never get: rel -> build 2's bytes (None: gone)."""
    out = {}
    for path in b1.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(b1).as_posix()
        other = b2 / rel
        if not other.is_file():
            out[rel] = None
        elif other.read_bytes() != path.read_bytes():
            out[rel] = other.read_bytes()
    return out


def _record(page, base: str) -> list:
    # The new visit's page and its workers (the tab of build 1 still open may fetch build 1).
    seen = []
    page.on("response", lambda r: seen.append(r) if r.url.startswith(base) else None)
    return seen


def _check_only_build2(responses, base: str, old_only: dict, b1_prefix: str) -> None:
    checked = 0
    for res in responses:
        rel = res.url[len(base):].split("#", 1)[0].split("?", 1)[0]
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        assert not rel.startswith(b1_prefix), f"aset build 1 dimuat: {res.url}"
        if rel not in old_only:
            continue
        assert old_only[rel] is not None, f"berkas build 1 dimuat: {res.url}"
        try:
            body = res.body()
        except Exception:  # a worker's response Playwright cannot read back
            continue
        assert body == old_only[rel], f"isi build 1 untuk {res.url}"
        checked += 1
    assert checked >= 2, "tidak ada respons yang diperiksa isinya"


def _deploy_round(browser, two_builds, *, plain: bool, old_tab: bool = True):
    port, url, b1, b2 = two_builds
    v1, v2 = (json.loads((b / "versi.json").read_text()) for b in (b1, b2))
    # Same scripts in both builds (same asset folder), another engine: another code version.
    assert v1["kode"] != v2["kode"]
    b1_prefix = v1["aset"] if v1["aset"] != v2["aset"] else "\0"
    old_only = _old_only(b1, b2)
    server = static_server.StaticServer(b1, "127.0.0.1", port, cache_control=not plain,
                                        compress=not plain).start()
    context = browser.new_context()
    # Generous: build 2's precache downloads in the background while these pages load, and CI's
    # machine may be busy; a real hang still fails (pytest-timeout, the waits below).
    context.set_default_timeout(90_000)
    try:
        # Visits of build 1: the calculator (registers the worker after its first answer) and a
        # guide page; wait until the worker holds the site and the runtime.
        page1 = context.new_page()
        page1.goto(_share_link(url, PERMINTAAN))
        _wait_answer(page1)
        _shows(page1, LAMA)
        page1.wait_for_function("document.documentElement.dataset.jfLuring === 'siap'", timeout=BOOT_MS)
        guide = context.new_page()
        guide.goto(url + "angka-kredit/")
        assert KALIMAT_BARU not in guide.inner_text("article")
        if old_tab:
            guide.goto(url + "kenaikan-pangkat/")
            guide.evaluate("window.__jfPenanda = 1")  # gone after a full load
        else:
            guide.close()

        # The deploy.
        server.set_root(b2)
        page2 = context.new_page()
        responses = _record(page2, url)
        page2.goto(_share_link(url, PERMINTAAN))
        _wait_answer(page2)
        _shows(page2, BARU)
        assert LAMA not in page2.inner_text("#kalkulator")
        page2.goto(url + "angka-kredit/")
        text = page2.inner_text("article")
        assert KALIMAT_BARU in text and "13,5" in text
        _check_only_build2(responses, url, old_only, b1_prefix)

        if not old_tab:
            page1.close()
            return server, context, page2
        # A guide tab of build 1: instant navigation brings content of build 2, whose code version
        # differs from the scripts running there, so the page is loaded fully instead of mixed.
        guide.evaluate("document.querySelector('a[href$=\"angka-kredit/\"]').click()")
        guide.wait_for_function(
            "(t) => !window.__jfPenanda && document.querySelector('article')"
            " && document.querySelector('article').innerText.includes(t)",
            arg=KALIMAT_BARU, timeout=BOOT_MS)
        assert guide.evaluate("document.querySelector('.jf-versi').dataset.versi") == v2["kode"]
        # The tab of build 1 left open learns of the new version once the new worker runs, and
        # after "Muat ulang" shows the new number. The tab of build 2 is not bothered.
        page1.wait_for_selector(".jf-versi-baru", timeout=BOOT_MS)
        assert "Versi baru tersedia" in page1.inner_text(".jf-versi-baru")
        assert page2.locator(".jf-versi-baru").count() == 0
        page1.click(".jf-versi-baru button")
        page1.wait_for_load_state("load")
        _wait_answer(page1)
        _shows(page1, BARU)
        assert LAMA not in page1.inner_text("#kalkulator")
        return server, context, page2
    except BaseException:
        context.close()
        server.stop()
        raise


def test_plain_host_next_visit_shows_only_the_new_build(browser, two_builds):
    server, context, _ = _deploy_round(browser, two_builds, plain=True)
    context.close()
    server.stop()


def test_caching_host_then_offline_404_and_another_app(browser, two_builds, tmp_path):
    port, url, b1, b2 = two_builds
    server, context, page = _deploy_round(browser, two_builds, plain=False, old_tab=False)
    # the new worker in charge before the server stops (it precaches build 2 in the background)
    page.wait_for_function(
        "(k) => navigator.serviceWorker.controller && new Promise((ok) => {"
        " navigator.serviceWorker.addEventListener('message',"
        " (e) => e.data && e.data.jenis === 'versi' && ok(e.data.kode === k));"
        " navigator.serviceWorker.controller.postMessage({jenis: 'versi'}); })",
        arg=json.loads((b2 / "versi.json").read_text())["kode"], timeout=BOOT_MS)
    try:
        # The worker fills and prunes its caches in the background: take the list once it holds
        # still (two reads 2 s apart agree), so that the comparison below sees only what the other
        # app could add.
        baca = ("caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.keys())"
                ".then(rs => rs.map(r => r.url))))).then(a => a.flat().sort())")
        caches_before, batas = page.evaluate(baca), time.monotonic() + 120
        while time.monotonic() < batas:
            page.wait_for_timeout(2000)
            sekarang = page.evaluate(baca)
            if sekarang == caches_before:
                break
            caches_before = sekarang
        server.stop()
        # Offline as a phone is offline (requests fail at once, not a port that still accepts):
        # a page of the site from the precache, an unknown address -> the site's 404.
        context.set_offline(True)
        page.goto(url + "penyetaraan/")
        assert page.locator("h1").count() == 1
        res = page.goto(url + "tidak-ada-di-situs/")
        assert res.status == 404
        assert "Halaman tidak ditemukan" in page.inner_text("h1")
        context.set_offline(False)
        # Another app on the same address later: the worker neither answers for it nor stores it.
        lain = tmp_path / "lain"
        (lain / "search").mkdir(parents=True)
        (lain / "index.html").write_text("<!doctype html><title>lain</title><p>Aplikasi lain</p>")
        (lain / "search" / "search_index.json").write_text('{"lain": true}')
        (lain / "api.json").write_text('{"data": 1}')
        other = static_server.StaticServer(lain, "127.0.0.1", port).start()
        try:
            page.goto(url)
            assert "Aplikasi lain" in page.inner_text("body")
            got = page.evaluate("Promise.all([fetch('search/search_index.json').then(r => r.text()),"
                                " fetch('api.json').then(r => r.text())])")
            assert got == ['{"lain": true}', '{"data": 1}']
            caches_after = page.evaluate(
                "caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.keys())"
                ".then(rs => rs.map(r => r.url))))).then(a => a.flat().sort())")
            # Nothing new is stored (the worker may still be deleting build 1's entries, so the
            # caches can only shrink), and nothing of the other app.
            assert set(caches_after) <= set(caches_before)
            assert not any("api.json" in u or "lain" in u for u in caches_after)
        finally:
            other.stop()
    finally:
        context.close()
        try:
            server.stop()
        except Exception:
            pass

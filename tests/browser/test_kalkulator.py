"""The calculator in headless Chromium: a person's use of it, share links, offline, privacy, a11y.

Pyodide boots take seconds, so the main page boots once per module and its tests share it, in
order; the offline test needs its own server (it stops it) and boots twice. No timing asserts:
speed is measured by benchmarks/browser.py.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

import calculator

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BOOT_MS = 90_000  # generous: the machines are shared; speed belongs to the benchmark


def id_format(x: float) -> str:
    """Indonesian number format as the page shows it (max 2 decimals, comma, dot thousands)."""
    s = f"{x:,.2f}".rstrip("0").rstrip(".")
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def share_link(base: str, request: dict) -> str:
    raw = json.dumps(request, ensure_ascii=False).encode("utf-8")
    return base + "kalkulator/#s=" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def answers(page) -> int:
    return page.evaluate("Number(document.getElementById('kalkulator').dataset.jawaban || 0)")


def wait_answer(page, before: int) -> None:
    page.wait_for_function(
        f"Number((document.getElementById('kalkulator')||{{dataset:{{}}}}).dataset.jawaban || 0) > {before}",
        timeout=BOOT_MS)


def request_log(context, base: str) -> list[str]:
    urls: list[str] = []
    context.on("request", lambda r: urls.append(r.url))
    return urls


def foreign(urls: list[str], base: str) -> list[str]:
    return [u for u in urls if not (u.startswith(base) or u.startswith(("data:", "blob:")))]


@pytest.fixture(scope="module")
def kalk(browser, site_server):
    """One calculator tab (360 px wide, like a phone), booted once for the tests below."""
    context = browser.new_context(viewport={"width": 360, "height": 780})
    context.set_default_timeout(20_000)
    urls = request_log(context, site_server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_server + "kalkulator/")
    wait_answer(page, 0)
    yield page, urls, errors
    context.close()


def test_form_is_filled_from_the_build_time_rules(kalk):
    page, _, _ = kalk
    a = calculator.aturan()
    opts = page.eval_on_selector_all("#f-jenjang option", "els => els.map(e => e.value)")
    assert opts == [j["kode"] for j in a["jenjang"]]
    page.select_option("#f-jenjang", "ahli_muda")
    gol = page.eval_on_selector_all("#f-golongan option", "els => els.map(e => e.value)")
    assert gol == next(j["golongan"] for j in a["jenjang"] if j["kode"] == "ahli_muda")
    pred = page.eval_on_selector_all(".jf-periode select[data-bidang=predikat] option",
                                     "els => els.map(e => e.value)")
    assert pred == [p["nama"] for p in a["predikat"]]
    assert "siap" in page.inner_text("#kalk-status").lower()


def test_fill_the_form_by_hand_and_read_the_result(kalk):
    page, _, errors = kalk
    page.select_option("#f-jenjang", "ahli_pertama")
    page.select_option("#f-golongan", "III/a")
    page.fill("#f-ak_awal", "10,5")
    row = page.locator(".jf-periode").first
    row.locator("input[data-bidang=tahun]").fill("2023")
    row.locator("select[data-bidang=predikat]").select_option("Sangat Baik")
    before = answers(page)
    page.click("#kalk-tambah")
    row2 = page.locator(".jf-periode").nth(1)
    row2.locator("select").first.select_option("bulan")
    row2.locator("input[data-bidang=mulai]").fill("2024-01")
    row2.locator("input[data-bidang=selesai]").fill("2024-06")
    row2.locator("select[data-bidang=predikat]").select_option("Baik")
    wait_answer(page, before)
    page.wait_for_function("document.querySelectorAll('.jf-rincian tbody tr').length === 2")
    expected = calculator.hitung({
        "jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 10.5,
        "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"},
                      {"mulai": "2024-01", "selesai": "2024-06", "predikat": "Baik"}]})
    assert page.inner_text("#kalk-ak-kumulatif") == id_format(expected["ak_kumulatif"]) == "35,5"
    text = page.inner_text("#kalk-hasil")
    kp = expected["kenaikan_pangkat"]
    assert f"Kekurangan {id_format(kp['kekurangan'])} AK" in text
    assert expected["rincian"][1]["rumus"] in text and expected["rincian"][0]["dasar_hukum"] in text
    assert expected["catatan"] in text and expected["aturan_versi"] in text
    # the checklist shows each condition with its state
    assert page.locator(".jf-syarat li").count() == len(kp["syarat"]) + len(expected["kenaikan_jenjang"]["syarat"])
    assert not errors


def test_invalid_input_shows_the_message_by_the_field(kalk):
    page, _, _ = kalk
    before = answers(page)
    page.fill("#f-ak_awal", "sepuluh")
    wait_answer(page, before)
    field = page.locator("#f-ak_awal")
    assert field.get_attribute("aria-invalid") == "true"
    msg = page.locator("#g-ak_awal")
    assert msg.is_visible() and "angka" in msg.inner_text()
    assert "g-ak_awal" in field.get_attribute("aria-describedby")
    summary = page.locator("#kalk-ringkasan-galat")
    assert summary.get_attribute("role") == "alert" and "angka" in summary.inner_text()
    # an error inside the period table lands on that row's field
    before = answers(page)
    page.fill("#f-ak_awal", "10,5")
    row2 = page.locator(".jf-periode").nth(1)
    row2.locator("input[data-bidang=selesai]").fill("2023-12")
    wait_answer(page, before)
    page.wait_for_function("document.querySelector('.jf-periode:nth-child(2) [aria-invalid=true]') !== null")
    assert row2.locator("input[data-bidang=selesai]").get_attribute("aria-invalid") == "true"
    assert "tidak boleh sebelum" in row2.locator(".jf-galat").inner_text()
    assert page.locator("#f-ak_awal").get_attribute("aria-invalid") is None
    before = answers(page)
    row2.locator("input[data-bidang=selesai]").fill("2024-06")
    wait_answer(page, before)
    assert page.inner_text("#kalk-ak-kumulatif") == "35,5"
    assert page.locator("#kalk-ringkasan-galat").is_hidden()


def test_keyboard_only(kalk):
    page, _, _ = kalk
    page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    page.keyboard.press("Tab")
    for _ in range(80):
        if page.evaluate("document.activeElement.id") == "f-jenjang":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-jenjang", "jenjang not reachable by Tab"
    rows = page.locator(".jf-periode").count()
    # Tab on to "Tambah periode" and press Enter: a row is added and focus goes into it.
    for _ in range(40):
        if page.evaluate("document.activeElement.id") == "kalk-tambah":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "kalk-tambah"
    before = answers(page)
    page.keyboard.press("Enter")
    assert page.locator(".jf-periode").count() == rows + 1
    focused_row = page.evaluate("document.activeElement.closest('.jf-periode').dataset.indeks")
    assert focused_row == str(rows)
    wait_answer(page, before)
    assert page.locator(".jf-rincian tbody tr").count() == rows + 1
    # Remove it again with the keyboard.
    for _ in range(10):
        if (page.evaluate("document.activeElement.className") or "").find("jf-hapus") >= 0:
            break
        page.keyboard.press("Tab")
    before = answers(page)
    page.keyboard.press("Enter")
    assert page.locator(".jf-periode").count() == rows
    wait_answer(page, before)
    assert page.inner_text("#kalk-ak-kumulatif") == "35,5"


def test_share_link_field_encodes_the_request(kalk, site_server):
    page, _, _ = kalk
    link = page.input_value("#kalk-tautan")
    assert link.startswith(site_server + "kalkulator/#s=")
    payload = link.split("#s=", 1)[1]
    assert "=" not in payload and "+" not in payload and "/" not in payload
    req = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode("utf-8"))
    assert req["ak_awal"] == 10.5 and req["golongan"] == "III/a" and len(req["penilaian"]) == 2


def test_360px_screenshot_without_horizontal_overflow(kalk, tmp_path):
    page, _, _ = kalk
    shot = tmp_path / "kalkulator-360.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    width = page.evaluate("window.innerWidth")
    assert width == 360
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    wide = page.evaluate("""Array.from(document.querySelectorAll('#kalkulator *'))
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                     && !e.closest('.jf-tabel')).map(e => e.tagName + '#' + e.id + '.' + e.className)""")
    assert not wide


def test_axe_no_serious_or_critical_violations_with_results_shown(kalk):
    page, _, _ = kalk
    assert page.locator(".jf-kartu").count() == 2
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0,3).map(n => n.target.join(' '))}));
    }""")
    bad = [v for v in result if v["impact"] in ("serious", "critical")]
    assert not bad, bad


def test_chart_and_save_export_import(kalk, tmp_path):
    page, _, _ = kalk
    chart = page.locator("svg.jf-grafik")
    assert chart.count() == 1 and "35,5" in chart.get_attribute("aria-label")
    # opt-in save on this device, then erase
    assert page.evaluate("localStorage.getItem('panduan-jf:kalkulator:isian')") is None
    page.check("#kalk-simpan-lokal")
    saved = json.loads(page.evaluate("localStorage.getItem('panduan-jf:kalkulator:isian')"))
    assert saved["ak_awal"] == 10.5
    page.click("#kalk-hapus-lokal")
    assert page.evaluate("localStorage.getItem('panduan-jf:kalkulator:isian')") is None
    assert not page.is_checked("#kalk-simpan-lokal")
    # export the request as JSON, import another one
    with page.expect_download() as dl:
        page.click("#kalk-ekspor")
    exported = json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))
    assert exported == json.loads(page.evaluate("JSON.stringify(window.__jfKalkulator.aktif.baca())"))
    other = tmp_path / "isian.json"
    other.write_text(json.dumps({**exported, "ak_awal": 20}), encoding="utf-8")
    before = answers(page)
    page.set_input_files("#kalk-impor", str(other))
    wait_answer(page, before)
    assert page.inner_text("#kalk-ak-kumulatif") == "45"
    before = answers(page)
    page.fill("#f-ak_awal", "10,5")
    wait_answer(page, before)
    assert page.inner_text("#kalk-ak-kumulatif") == "35,5"


def test_print_sheet_fits_one_a4_page(kalk, tmp_path):
    from pypdf import PdfReader

    page, _, _ = kalk
    page.emulate_media(media="print")
    try:
        assert page.locator(".jf-cetak-judul").is_visible()
        assert "Lembar simulasi angka kredit" in page.inner_text(".jf-cetak-judul")
        assert page.locator("#kalk-form").is_hidden()
        assert page.locator(".jf-isian-cetak").is_visible()
        pdf = tmp_path / "lembar.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
    finally:
        page.emulate_media(media="screen")
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    expected = calculator.hitung({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 10.5,
                                  "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"}]})
    for needle in ("Lembar simulasi angka kredit", "35,5", expected["aturan_versi"], "Simulasi, bukan PAK",
                   "Ahli Pertama"):
        assert needle in text, needle


def to_guide_page(page) -> None:
    """From the calculator to a guide page by instant navigation, marking the running worker."""
    page.evaluate("window.__jfPenanda = window.__jfMesin.worker")
    page.evaluate("document.querySelector('a[href$=\"kenaikan-pangkat/\"]').click()")
    page.wait_for_url("**/kenaikan-pangkat/")
    page.wait_for_selector("#kalkulator", state="detached")


def test_instant_navigation_keeps_the_worker(kalk, site_server):
    page, _, _ = kalk
    to_guide_page(page)
    assert "Kenaikan Pangkat" in page.inner_text("h1")
    page.go_back()
    page.wait_for_url("**/kalkulator/")
    page.wait_for_selector("#kalk-ak-kumulatif")
    # same JS context and worker (no reload, no new Pyodide boot), form restored
    assert page.evaluate("window.__jfPenanda === window.__jfMesin.worker")
    assert page.inner_text("#kalk-ak-kumulatif") == "35,5"


def test_share_link_on_a_guide_page_opens_by_instant_navigation(kalk, site_server):
    # A worked example's "Buka di kalkulator" reached by instant navigation (no reload): Material
    # would land on kalkulator/#<an anchor of the guide page>; the link's request must still fill
    # the form, the address must be the share link, and the running worker must be reused.
    page, _, _ = kalk
    to_guide_page(page)
    link = page.locator("a.ak-buka").first
    payload = link.get_attribute("href").split("#s=", 1)[1]
    req = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode("utf-8"))
    expected = calculator.hitung(req)
    assert "galat" not in expected
    before = page.evaluate("window.__jfMesin.jumlahJawaban || 0")  # counts across pages
    link.click()
    page.wait_for_url("**/kalkulator/#s=*")
    assert page.url.split("#s=", 1)[1] == payload
    wait_answer(page, before)
    page.wait_for_function("([j, g]) => document.querySelector('#f-jenjang').value === j"
                           " && document.querySelector('#f-golongan').value === g", arg=[req["jenjang"], req["golongan"]])
    page.wait_for_function("(t) => document.querySelector('#kalk-ak-kumulatif').innerText === t",
                           arg=id_format(expected["ak_kumulatif"]))
    assert page.evaluate("window.__jfPenanda === window.__jfMesin.worker")


def test_no_request_leaves_the_site(kalk, site_server):
    _, urls, _ = kalk
    assert any("/pyodide/" in u and u.endswith(".wasm") for u in urls)
    assert not foreign(urls, site_server), foreign(urls, site_server)


def test_guide_pages_download_no_pyodide(browser, site_server):
    context = browser.new_context()
    urls = request_log(context, site_server)
    from_pages: list[str] = []
    context.on("request", lambda r: None if r.service_worker else from_pages.append(r.url))
    page = context.new_page()
    for path in ("", "angka-kredit/", "kenaikan-pangkat/", "tanya-jawab/"):
        page.goto(site_server + path)
        page.wait_for_load_state("load")
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")  # registered after load
    page.wait_for_timeout(1500)  # let the service worker precache in the background
    workers = [w.url for w in page.context.service_workers]
    context.close()
    assert urls
    # Nothing of Pyodide nor the engine, not even by the service worker's background precache.
    bad = [u for u in urls if "/pyodide/" in u or u.endswith(".whl")]
    assert not bad, bad
    # The pages themselves do not even load the calculator's scripts (only the SW may precache them).
    assert from_pages and not [u for u in from_pages if "worker.js" in u or "kalkulator.js" in u]
    assert not foreign(urls, site_server)
    assert workers and all(w.endswith("/sw.js") for w in workers)


def test_guide_page_with_save_data_downloads_no_offline_copy(browser, site_server):
    # Save-Data on: reading a guide page must not start the service worker's background download
    # of the whole site (without it, the test above sees the worker installed).
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
    precache: list[str] = []
    context.on("request", lambda r: precache.append(r.url) if r.service_worker else None)
    page = context.new_page()
    page.goto(site_server + "angka-kredit/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)
    assert page.evaluate("navigator.connection.saveData") is True
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => !r)")
    assert not page.context.service_workers and not precache
    context.close()


def test_share_link_then_offline_second_visit(browser, site_server_factory):
    server = site_server_factory()
    base = server.url
    request = {"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 40,
               "penilaian": [{"tahun": 2024, "predikat": "Baik"}],
               "uji_kompetensi": True, "proyeksi": {"predikat": "Sangat Baik"}}
    expected = calculator.hitung(request)
    context = browser.new_context()
    context.set_default_timeout(20_000)
    urls = request_log(context, base)
    page = context.new_page()
    page.goto(share_link(base, request))
    wait_answer(page, 0)
    # the link filled the form and its result is shown
    assert page.input_value("#f-jenjang") == "ahli_muda"
    assert page.input_value("#f-golongan") == "III/c"
    assert page.input_value("#f-ak_awal") == "40"
    assert page.input_value("#f-uji_kompetensi") == "ya"
    assert page.inner_text("#kalk-ak-kumulatif") == id_format(expected["ak_kumulatif"])
    # the service worker keeps the runtime once the first answer is shown
    page.wait_for_function("document.documentElement.dataset.jfLuring === 'siap'", timeout=BOOT_MS)
    caches = page.evaluate("caches.keys()")
    assert any(c.startswith("panduan-jf-runtime-") for c in caches)
    assert any(c.startswith("panduan-jf-situs-") for c in caches)
    assert not foreign(urls, base)
    # the worker left a memory snapshot of the warm engine for the next visit
    page.wait_for_function("window.__jfMesin.snapshot", timeout=BOOT_MS)
    snap = page.evaluate("window.__jfMesin.snapshot")
    assert snap.get("bytes", 0) > 1_000_000, snap
    assert not page.evaluate("window.__jfMesin.versi.snapshot")
    server.stop()
    # Second visit with the server stopped: pages, runtime and engine come from the cache.
    page2 = context.new_page()
    page2.goto(share_link(base, {**request, "ak_awal": 41}))
    wait_answer(page2, 0)
    assert page2.inner_text("#kalk-ak-kumulatif") == id_format(expected["ak_kumulatif"] + 1)
    assert page2.evaluate("window.__jfMesin.versi.snapshot") is True
    assert "cuplikan memori" in page2.inner_text("#kalk-status")
    page2.goto(base + "kenaikan-jenjang/")
    assert page2.locator("h1").count() == 1
    context.close()


def test_load_failure_shows_message_and_retry_works(browser, site_server):
    context = browser.new_context()
    context.set_default_timeout(20_000)
    blocked = {"on": True}

    def route(r):
        if blocked["on"]:
            r.abort()
        else:
            r.continue_()

    context.route("**/pyodide/**/pyodide.mjs", route)
    page = context.new_page()
    page.goto(site_server + "kalkulator/")
    # the form is usable before (and without) Python
    assert page.locator("#f-jenjang option").count() > 0
    page.wait_for_selector("#kalk-ulang", state="visible", timeout=BOOT_MS)
    assert "gagal" in page.inner_text("#kalk-status").lower()
    assert page.get_attribute("#kalk-status", "aria-live") == "polite"
    blocked["on"] = False
    page.click("#kalk-ulang")
    wait_answer(page, 0)
    assert page.locator("#kalk-ulang").is_hidden()
    assert page.locator("#kalk-ak-kumulatif").is_visible()
    context.close()

"""Every built page in headless Chromium, one visit each: nothing loaded from another host, no
serious or critical axe-core violation (light and dark palette, and with the search dialog open),
and every slide of every guide and trainer page fits a projector (issue 14, "Slides that fit").

One visit per page does all three (a page load costs about 1,6 CPU-seconds of Chromium, and the
suite is CPU-bound): the checks that read the page as a reader gets it run first, then the
presentation mode is entered on the same page the way a trainer does (key "p").
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-extension"}
RUN_AXE = """async (rules) => {
  const options = {resultTypes: ["violations"]};
  if (rules) options.runOnly = {type: "rule", values: rules};
  const result = await axe.run(document, options);
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))
  }));
}"""


# Explicit ready signals instead of waiting for the network to go quiet (which cost up to 6 s a
# page): a guide page is ready at `load` (page.goto waits for it); the calculator page once the
# engine is ready (#kalk-status[data-tahap=siap]; it shows no result before the person enters
# something) or has answered a link (#kalkulator[data-jawaban], also used by tests/browser).
CALCULATOR_READY = ("() => Number((document.getElementById('kalkulator') || {dataset: {}})"
                    ".dataset.jawaban || 0) > 0 || !!document.querySelector('#kalk-status[data-tahap=siap]')")
BOOT_MS = 60_000


def _wait_ready(page):
    if page.locator("#kalkulator").count():
        page.wait_for_function(CALCULATOR_READY, timeout=BOOT_MS)


def _scheme(page) -> str:
    return page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")


def _switch_palette(page, to: str):
    # The header's palette toggle is a radio input per palette: selecting one is what the toggle
    # does. Not a mouse click: the pointer would rest on the button and show its tooltip, which
    # axe then reads mid-transition.
    page.evaluate("(to) => document.querySelector(`input[name=__palette][data-md-color-scheme=${to}]`)"
                  ".click()", to)
    page.wait_for_function("(to) => document.body.getAttribute('data-md-color-scheme') === to", arg=to)
    # Colours change with CSS transitions: let the finite ones end before axe reads contrast.
    page.evaluate("() => Promise.all(document.getAnimations()"
                  ".filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)"
                  ".map(a => a.finished.catch(() => null)))")


def _axe(page, rules=None) -> list[dict]:
    assert AXE.is_file(), "axe-core belum terpasang: jalankan bash scripts/setup"
    if not page.evaluate("() => typeof axe === 'object'"):  # once per loaded page
        page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, rules)


# The palette changes colours only: in the dark palette the colour rules are the ones to run.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def _serious(violations):
    return [v for v in violations if v["impact"] in ("serious", "critical")]


# The sweep in parts, each in its own context; under `bash scripts/test` (pytest-xdist) each part
# is a group of its own (tests/conftest.py), so two workers sweep side by side. Every page is in
# exactly one part (tested).
PARTS = 2


def _part(site_pages, i: int) -> list[str]:
    return site_pages[i::PARTS]


@pytest.fixture(scope="module", params=[
    pytest.param(i, id=f"bagian{i}") for i in range(PARTS)])
def part(request, site_pages) -> list[str]:
    return _part(site_pages, request.param)


def test_the_parts_hold_every_page_once(site_pages):
    parts = [_part(site_pages, i) for i in range(PARTS)]
    assert all(parts)
    assert sorted(u for p in parts for u in p) == sorted(site_pages)
    assert "kalkulator/" in site_pages and "pelatih/" in site_pages  # the slides' own cases


@pytest.fixture(scope="module")
def visits(browser, site_server, part):
    """Each page of the part visited once: loaded in the light palette until its ready signal,
    every axe rule run, then switched to the dark palette with the header toggle and the colour
    rules run again (the palette changes colours only), then switched back so the next page starts
    light; then its slides are measured (every page is one a trainer may put on the screen). Requests are recorded for the whole sweep (service worker fetches included) per page.
    One tab for the sweep, each page a full load in it (a new document and script context; a new
    tab per page cost a renderer process each, about a quarter of the sweep's CPU)."""
    context = browser.new_context(color_scheme="light")
    context.set_default_timeout(30_000)
    # axe-core in every document of the sweep from its start: a third of the CPU of adding it to
    # each loaded page with a script tag (measured: 0,37 of 2,4 CPU-seconds a page). It only
    # defines `window.axe`; it runs when _axe calls it, after the page's ready signal.
    assert AXE.is_file(), "axe-core belum terpasang: jalankan bash scripts/setup"
    context.add_init_script(path=str(AXE))
    visits = {}
    current = {"requests": None}
    context.on("request", lambda request: current["requests"] is not None
               and current["requests"].append(request.url))
    try:
        page = context.new_page()
        for url in part:
            requests: list[str] = []
            current["requests"] = requests
            response = page.goto(site_server + url)
            _wait_ready(page)
            status = response.status if response else None
            light = _scheme(page)
            violations = _axe(page)
            _switch_palette(page, "slate")
            dark = _axe(page, COLOUR_RULES)
            _switch_palette(page, "default")
            visits[url] = {"status": status, "requests": requests, "axe": violations,
                           "scheme": light, "axe_dark": dark,
                           "slide": _slides(page, url)}
    finally:
        current["requests"] = None
        context.close()
    return visits


# -- slides (issue 14): measured in the real layout, in the page, after the reader's checks --

# Runs in the page: enter the mode, walk every slide, return what does not fit:
# - the document is no taller than the screen (nothing to scroll to),
# - no visible element of the article reaches into the control bar's band,
# - every slide shows something besides headings (no empty quiz title slide),
# - the smallest text size, to check it can be read from the back of a room.
UKUR_SLIDE = """async () => {
  await (window.pelatihPresentasiMuat || Promise.resolve());
  const mode = window.pelatihPresentasi;
  if (!mode.status().aktif) mode.masuk(0);
  mode.tataUlang();  // content that arrived after entering (the calculator's answer) is laid out
  const bar = document.getElementById('pelatih-kontrol');
  const art = document.querySelector('article.md-content__inner');
  const n = mode.status().jumlah;
  const skala = mode.skala();
  const masalah = [];
  let hurufMin = 1e9;
  for (let i = 0; i < n; i++) {
    mode.ke(i);
    const batas = bar.getBoundingClientRect();
    const tinggiDok = document.documentElement.scrollHeight;
    if (tinggiDok > window.innerHeight + 1) masalah.push({slide: i + 1, jenis: 'lebih tinggi dari layar', tinggi: tinggiDok});
    let isi = 0, bawah = 0;
    for (const el of art.querySelectorAll('.pelatih-tampil:not(.pelatih-pecah), .pelatih-tampil:not(.pelatih-pecah) *')) {
      if (el.closest('.jf-aset, .jf-versi')) continue;
      const tertutup = el.parentElement.closest('details:not([open])');
      if (tertutup && !el.closest('summary')) continue;  // a closed box's content is not drawn
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const gaya = getComputedStyle(el);
      if (gaya.visibility === 'hidden') continue;
      bawah = Math.max(bawah, r.bottom);
      if (r.bottom > batas.top + 0.5 && r.top < batas.bottom && r.right > batas.left && r.left < batas.right)
        masalah.push({slide: i + 1, jenis: 'tertutup kendali', el: el.tagName + '.' + el.className, bawah: r.bottom, batas: batas.top});
      if (!/^H[1-6]$/.test(el.tagName) && !el.closest('h1,h2,h3,h4,h5,h6') && el.children.length === 0 && (el.textContent.trim() || /^(INPUT|SELECT|IMG|SVG|TEXTAREA|BUTTON)$/.test(el.tagName))) {
        isi++;
        if (el.textContent.trim() && el.tagName !== 'SUP' && !el.closest('svg')) hurufMin = Math.min(hurufMin, parseFloat(gaya.fontSize) * (skala[i] || 1));
      }
    }
    if (!isi) masalah.push({slide: i + 1, jenis: 'kosong'});
  }
  mode.ke(0);
  return {jumlah: n, masalah: masalah.slice(0, 8), diperkecil: skala.filter(s => s < 1).length, hurufMin};
}"""

# The projector sizes; the first is the sweep's own viewport (Playwright's default).
UKURAN = [(1280, 720), (1920, 1080)]
# The calculator is measured with a computed case on it (form, answer and breakdown), as a trainer
# shows it: the trainer's first case study, given by a share link.
KASUS_SLIDE = {"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 0,
               "penilaian": [{"tahun": 2023, "predikat": "Baik"}, {"tahun": 2024, "predikat": "Sangat Baik"}]}
KALKULATOR_MENJAWAB = (
    "() => !!document.querySelector('#kalk-hasil-isi') && "
    "document.querySelector('#kalk-hasil').getAttribute('aria-busy') === 'false' && "
    "!/setelah mesin hitung siap/.test(document.querySelector('#kalk-hasil-isi').textContent) && "
    "window.__jfKalkulator.tenang()")


def _slides(page, url: str) -> dict:
    """The presentation mode entered on the loaded page with the key "p", every slide measured at
    both projector sizes on the same load (the mode lays the page out again on resize), then left
    with Escape's action and the viewport set back for the next page."""
    if url == "kalkulator/":
        tautan = "#s=" + base64.urlsafe_b64encode(json.dumps(KASUS_SLIDE).encode()).decode().rstrip("=")
        page.evaluate("(h) => { location.hash = h; }", tautan)
        page.wait_for_function(KALKULATOR_MENJAWAB, timeout=BOOT_MS)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")  # keys to the page
    page.keyboard.press("p")
    hasil = {}
    for lebar, tinggi in UKURAN:
        page.set_viewport_size({"width": lebar, "height": tinggi})
        hasil[(lebar, tinggi)] = page.evaluate(UKUR_SLIDE)
    page.evaluate("() => window.pelatihPresentasi.keluar()")
    page.set_viewport_size({"width": UKURAN[0][0], "height": UKURAN[0][1]})
    return hasil


def test_pages_load(visits, part):
    assert set(visits) == set(part)
    bad = {url: v["status"] for url, v in visits.items() if v["status"] != 200}
    assert not bad, bad


def test_no_request_to_another_host(visits, site_server):
    local = urlparse(site_server).netloc
    outside = {}
    for url, visit in visits.items():
        # The page itself, its stylesheet and bundle at least: the recording works.
        assert len(visit["requests"]) >= 3, f"{url}: permintaan tidak tercatat"
        foreign = [
            r for r in visit["requests"]
            if urlparse(r).scheme not in LOCAL_SCHEMES and urlparse(r).netloc != local
        ]
        if foreign:
            outside[url] = foreign
    assert not outside, f"permintaan ke host lain: {outside}"


def test_request_recording_sees_foreign_hosts(page, site_server):
    # Guard for the test above: a request to another host is recorded (and fails offline).
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(site_server)
    page.evaluate("() => { const i = new Image(); i.src = 'https://contoh.invalid/x.png'; }")
    page.wait_for_timeout(300)
    assert any(urlparse(u).netloc == "contoh.invalid" for u in seen)


def test_axe_light_palette_every_page(visits):
    assert {v["scheme"] for v in visits.values()} == {"default"}, "palet terang tidak aktif"
    found = {url: _serious(v["axe"]) for url, v in visits.items()}
    found = {url: v for url, v in found.items() if v}
    assert not found, f"pelanggaran axe serius/kritis: {found}"


def test_axe_dark_palette_every_page(visits):
    # _switch_palette waited for data-md-color-scheme="slate" before these rules ran.
    found = {url: _serious(v["axe_dark"]) for url, v in visits.items()}
    found = {url: v for url, v in found.items() if v}
    assert not found, f"pelanggaran axe serius/kritis (palet gelap): {found}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_search_dialog_open(browser, site_server, scheme):
    context = browser.new_context(color_scheme=scheme)
    context.set_default_timeout(30_000)
    try:
        page = context.new_page()
        page.goto(site_server)
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("naik", delay=40)
        page.wait_for_selector(".md-search-result__item")
        dialog = page.locator(".md-search[role=dialog]")
        assert dialog.get_attribute("aria-label"), "dialog pencarian tanpa nama"
        violations = _serious(_axe(page))
        assert not violations, violations
    finally:
        context.close()


def test_axe_finds_a_known_violation(page, site_server):
    # Guard: axe runs for real here and reports a serious violation when there is one.
    page.goto(site_server)
    page.evaluate(
        "() => { const d = document.createElement('div'); d.setAttribute('role', 'dialog');"
        " document.body.appendChild(d); }"
    )
    ids = {v["id"] for v in _serious(_axe(page))}
    assert "aria-dialog-name" in ids


def test_every_slide_fits_the_screen(visits, part):
    gagal = {}
    jumlah = {u: 0 for u in UKURAN}
    diperkecil = {u: 0 for u in UKURAN}
    for url in part:
        for ukuran, hasil in visits[url]["slide"].items():
            jumlah[ukuran] += hasil["jumlah"]
            diperkecil[ukuran] += hasil["diperkecil"]
            kunci = f"{url} {ukuran[0]}x{ukuran[1]}"
            if hasil["masalah"]:
                gagal[kunci] = hasil["masalah"]
            # Readable from the back of a room: body text is about 28 px at 1280x720; nothing
            # (a table cell, a note) below 14 px at that size.
            if hasil["hurufMin"] < 14 * ukuran[0] / 1280:
                gagal.setdefault(kunci, []).append({"jenis": "huruf terlalu kecil", "px": hasil["hurufMin"]})
    print(f"slide: {jumlah}, diperkecil: {diperkecil}, halaman: {len(part)}")
    assert jumlah[UKURAN[0]] > 100
    assert not gagal, gagal

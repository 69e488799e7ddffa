"""Every built page in headless Chromium, one visit each: nothing loaded from another host, and no
serious or critical axe-core violation (light and dark palette, and with the search dialog open)."""

from __future__ import annotations

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


@pytest.fixture(scope="module")
def visits(browser, site_server, part):
    """Each page of the part visited once: loaded in the light palette until its ready signal,
    every axe rule run, then switched to the dark palette with the header toggle and the colour
    rules run again (the palette changes colours only), then switched back so the next page starts
    light. Requests are recorded for the whole sweep (service worker fetches included) per page.
    One tab for the sweep, each page a full load in it (a new document and script context; a new
    tab per page cost a renderer process each, about a quarter of the sweep's CPU)."""
    context = browser.new_context(color_scheme="light")
    context.set_default_timeout(30_000)
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
                           "scheme": light, "axe_dark": dark}
    finally:
        current["requests"] = None
        context.close()
    return visits


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

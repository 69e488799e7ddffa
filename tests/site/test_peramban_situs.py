"""Every built page in headless Chromium: nothing loaded from another host, and no serious or
critical axe-core violation (light and dark palette, and with the search dialog open)."""

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


def _settle(page):
    # Pages that start work after `load` (the calculator boots Pyodide) get time to finish
    # their requests, so that those requests are seen too.
    try:
        page.wait_for_load_state("networkidle", timeout=6_000)
    except Exception:  # noqa: BLE001 - a page still busy is checked as it is
        pass


def _axe(page, rules=None) -> list[dict]:
    assert AXE.is_file(), "axe-core belum terpasang: jalankan bash scripts/setup"
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, rules)


# The palette changes colours only: in the dark palette the colour rules are the ones to run.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def _serious(violations):
    return [v for v in violations if v["impact"] in ("serious", "critical")]


@pytest.fixture(scope="module")
def light_visits(browser, site_server, site_pages):
    """Each page loaded once (light palette): requests made and axe violations."""
    context = browser.new_context(color_scheme="light")
    context.set_default_timeout(30_000)
    visits = {}
    try:
        for url in site_pages:
            requests: list[str] = []
            handler = lambda request, sink=requests: sink.append(request.url)  # noqa: E731
            context.on("request", handler)
            page = context.new_page()
            response = page.goto(site_server + url)
            _settle(page)
            status = response.status if response else None
            violations = _axe(page)
            page.close()
            context.remove_listener("request", handler)
            visits[url] = {"status": status, "requests": requests, "axe": violations}
    finally:
        context.close()
    return visits


def test_pages_load(light_visits, site_pages):
    assert set(light_visits) == set(site_pages)
    bad = {url: v["status"] for url, v in light_visits.items() if v["status"] != 200}
    assert not bad, bad


def test_no_request_to_another_host(light_visits, site_server):
    local = urlparse(site_server).netloc
    outside = {}
    for url, visit in light_visits.items():
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


def test_axe_light_palette_every_page(light_visits):
    found = {url: _serious(v["axe"]) for url, v in light_visits.items()}
    found = {url: v for url, v in found.items() if v}
    assert not found, f"pelanggaran axe serius/kritis: {found}"


def test_axe_dark_palette_every_page(browser, site_server, site_pages):
    context = browser.new_context(color_scheme="dark")
    context.set_default_timeout(30_000)
    found = {}
    try:
        for url in site_pages:
            page = context.new_page()
            page.goto(site_server + url)
            _settle(page)
            scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
            assert scheme == "slate", f"{url}: palet gelap tidak aktif ({scheme})"
            violations = _serious(_axe(page, COLOUR_RULES))
            if violations:
                found[url] = violations
            page.close()
    finally:
        context.close()
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

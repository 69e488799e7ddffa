"""Presentation mode (docs/assets/pelatih/presentasi.js): projector view of any guide page.

The switch (presentasi-tombol.js) is on every page; the mode itself loads on first use, so the
checks below first wait for `window.pelatihPresentasiMuat` (loaded, pending keys replayed)."""

from __future__ import annotations

import re

import pytest

KASUS_1 = "pelatih/kasus/sari-ahli-muda/"

SIAP = "await (window.pelatihPresentasiMuat || Promise.resolve());"
STATUS = f"async () => {{ {SIAP} return window.pelatihPresentasi.status(); }}"
H2_TAMPAK = f"""async () => {{ {SIAP} return [...document.querySelectorAll('article.md-content__inner > h2')]
  .filter(h => h.offsetParent !== null).map(h => h.textContent.replace('¶', '').trim()); }}"""
H2_SEMUA = """() => [...document.querySelectorAll('article.md-content__inner > h2')]
  .map(h => h.textContent.replace('¶', '').trim())"""


def _tampak(page, selector: str) -> bool:
    return page.evaluate(f"() => {{ const e = document.querySelector({selector!r});"
                         " return !!e && e.offsetParent !== null && getComputedStyle(e).display !== 'none'; }")


@pytest.fixture
def proyektor(page, site_server):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(site_server + KASUS_1)
    page.wait_for_function("() => !!document.querySelector('.pelatih-tombol-presentasi')")
    # Guide pages do not download the mode until it is used.
    assert page.evaluate("() => !window.pelatihPresentasi && ![...document.scripts].some(s => s.src.endsWith('/presentasi.js'))")
    return page


def test_p_enters_one_section_per_screen_and_escape_leaves(proyektor):
    page = proyektor
    semua_h2 = page.evaluate(H2_SEMUA)
    assert len(semua_h2) >= 4
    url_awal = page.url
    assert _tampak(page, ".md-header")

    page.keyboard.press("p")
    status = page.evaluate(STATUS)
    assert status == {"aktif": True, "indeks": 0, "jumlah": len(semua_h2) + 1}
    # Material binds "p" to "previous page"; in this mode it must not navigate away.
    assert page.url == url_awal
    assert page.evaluate("() => document.documentElement.classList.contains('pelatih-presentasi')")
    assert not _tampak(page, ".md-header")
    assert not _tampak(page, ".md-sidebar--primary")
    assert page.evaluate(H2_TAMPAK) == []          # first screen: the title and the intro only
    assert _tampak(page, "article h1")

    page.keyboard.press("ArrowRight")
    assert page.evaluate(H2_TAMPAK) == [semua_h2[0]]
    assert not _tampak(page, "article h1")
    page.keyboard.press("ArrowRight")
    assert page.evaluate(H2_TAMPAK) == [semua_h2[1]]
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(H2_TAMPAK) == [semua_h2[0]]
    page.keyboard.press("End")
    assert page.evaluate(H2_TAMPAK) == [semua_h2[-1]]
    page.keyboard.press("ArrowRight")              # past the end: stays on the last screen
    assert page.evaluate(H2_TAMPAK) == [semua_h2[-1]]
    page.keyboard.press("Home")
    assert page.evaluate(STATUS)["indeks"] == 0
    assert page.url == url_awal                    # still the same page after all those keys

    page.keyboard.press("Escape")
    assert page.evaluate(STATUS)["aktif"] is False
    assert not page.evaluate("() => document.documentElement.classList.contains('pelatih-presentasi')")
    assert _tampak(page, ".md-header")
    assert page.evaluate("() => document.querySelectorAll('.pelatih-tampil').length") == 0
    assert len(page.evaluate(H2_TAMPAK)) == len(semua_h2)
    assert page.query_selector("#pelatih-kontrol") is None


def test_clicker_keys_pagedown_pageup_and_header_button(proyektor):
    page = proyektor
    semua_h2 = page.evaluate(H2_SEMUA)
    page.click(".pelatih-tombol-presentasi")
    assert page.evaluate(STATUS)["aktif"] is True
    page.keyboard.press("PageDown")                # the title screen fits: next section
    assert page.evaluate(H2_TAMPAK) == [semua_h2[0]]
    page.keyboard.press("PageDown")
    assert page.evaluate(H2_TAMPAK) == [semua_h2[1]]
    # The worked example does not fit in 720 px: a clicker first scrolls through it.
    tinggi = page.evaluate("() => document.documentElement.scrollHeight")
    assert tinggi > 720
    page.keyboard.press("PageDown")
    assert page.evaluate(H2_TAMPAK) == [semua_h2[1]]
    assert page.evaluate("() => window.scrollY") > 0
    for _ in range(20):
        if page.evaluate(H2_TAMPAK) != [semua_h2[1]]:
            break
        page.keyboard.press("PageDown")
    assert page.evaluate(H2_TAMPAK) == [semua_h2[2]]
    assert page.evaluate("() => window.scrollY") == 0
    page.keyboard.press("PageUp")
    assert page.evaluate(H2_TAMPAK) == [semua_h2[1]]
    page.keyboard.press("Space")
    page.click("#pelatih-kontrol [data-aksi=keluar]")
    assert page.evaluate(STATUS)["aktif"] is False


def test_projector_screenshot_has_large_text(proyektor, tmp_path):
    page = proyektor
    page.keyboard.press("p")
    page.keyboard.press("ArrowRight")              # "Cerita": a text section
    gambar = tmp_path / "presentasi-1280x720.png"
    page.screenshot(path=str(gambar))
    data = gambar.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    lebar, tinggi = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (lebar, tinggi) == (1280, 720)
    ukuran = page.evaluate("""() => {
      const p = [...document.querySelectorAll('article.md-content__inner > p')].find(e => e.offsetParent !== null);
      const h = [...document.querySelectorAll('article.md-content__inner > h2')].find(e => e.offsetParent !== null);
      return {p: parseFloat(getComputedStyle(p).fontSize), h2: parseFloat(getComputedStyle(h).fontSize),
              h2Atas: h.getBoundingClientRect().top, kiri: p.getBoundingClientRect().left,
              lebarP: p.getBoundingClientRect().width};
    }""")
    # Normal body text is 16 px; on a projector at 1280x720 it must be at least 24 px.
    assert ukuran["p"] >= 24, ukuran
    assert ukuran["h2"] > ukuran["p"], ukuran
    assert 0 <= ukuran["h2Atas"] < 200, ukuran     # the section starts at the top of the screen
    assert ukuran["lebarP"] > 900, ukuran          # no sidebars: the text uses the width
    page.keyboard.press("Escape")
    normal = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('article.md-content__inner > p')).fontSize)")
    assert normal < ukuran["p"]


def test_mode_survives_instant_navigation(page, site_server):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(site_server + "pelatih/kasus/")
    page.wait_for_function("() => !!document.querySelector('.pelatih-tombol-presentasi')")
    page.evaluate("() => { window.__pelatihPenanda = 42; }")
    page.keyboard.press("p")
    assert page.evaluate(STATUS)["aktif"] is True
    page.click("article a[href$='sari-ahli-muda/']")
    page.wait_for_url(re.compile(r".*/pelatih/kasus/sari-ahli-muda/$"))
    page.wait_for_function("() => document.querySelector('article h1').textContent.includes('Bu Sari')")
    # Same JS context (navigation.instant), and the new page is in projector view from its start.
    assert page.evaluate("() => window.__pelatihPenanda") == 42
    status = page.evaluate(STATUS)
    assert status["aktif"] is True and status["indeks"] == 0
    assert status["jumlah"] == len(page.evaluate(H2_SEMUA)) + 1
    assert page.evaluate(H2_TAMPAK) == []
    page.keyboard.press("ArrowRight")
    assert len(page.evaluate(H2_TAMPAK)) == 1
    page.keyboard.press("Escape")
    assert page.evaluate(STATUS)["aktif"] is False


def test_query_parameter_and_hash_start_at_a_section(page, site_server):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(site_server + "angka-kredit/?presentasi#berapa-koefisien-jenjang-saya")
    page.wait_for_function("() => !!window.pelatihPresentasi && window.pelatihPresentasi.status().aktif")
    assert page.evaluate(H2_TAMPAK) == ["Berapa koefisien jenjang saya?"]

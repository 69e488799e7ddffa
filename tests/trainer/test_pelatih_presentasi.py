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
def page(tab):
    """The module's pages open in one shared tab, cleaned after each test (tests/conftest.py)."""
    return tab


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
    # One slide for the title, at least one per section (a long section is cut into several).
    assert status["aktif"] is True and status["indeks"] == 0
    assert status["jumlah"] >= len(semua_h2) + 1
    # Material binds "p" to "previous page"; in this mode it must not navigate away.
    assert page.url == url_awal
    assert page.evaluate("() => document.documentElement.classList.contains('pelatih-presentasi')")
    assert not _tampak(page, ".md-header")
    assert not _tampak(page, ".md-sidebar--primary")
    # First screen: the title with its intro; a page without an intro (this one) shows its first
    # section with the title rather than a title alone on an empty screen.
    pertama = page.evaluate(H2_TAMPAK)
    assert pertama == [semua_h2[0]]
    assert _tampak(page, "article h1")

    # Walking forward shows each section in order, one heading at a time, none skipped.
    dilihat = list(pertama)
    for _ in range(status["jumlah"] - 1):
        page.keyboard.press("ArrowRight")
        h2 = page.evaluate(H2_TAMPAK)
        assert len(h2) == 1, h2
        if not dilihat or dilihat[-1] != h2[0]:
            dilihat.append(h2[0])
    assert dilihat == semua_h2
    assert not _tampak(page, "article h1")
    page.keyboard.press("ArrowRight")              # past the end: stays on the last screen
    assert page.evaluate(H2_TAMPAK) == [semua_h2[-1]]
    page.keyboard.press("Home")
    assert page.evaluate(STATUS)["indeks"] == 0
    page.keyboard.press("End")
    assert page.evaluate(STATUS)["indeks"] == status["jumlah"] - 1
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(STATUS)["indeks"] == status["jumlah"] - 2
    assert page.url == url_awal                    # still the same page after all those keys

    page.keyboard.press("Escape")
    assert page.evaluate(STATUS)["aktif"] is False
    assert not page.evaluate("() => document.documentElement.classList.contains('pelatih-presentasi')")
    assert _tampak(page, ".md-header")
    assert page.evaluate("() => document.querySelectorAll('.pelatih-tampil, .pelatih-pecah').length") == 0
    assert len(page.evaluate(H2_TAMPAK)) == len(semua_h2)
    assert page.query_selector("#pelatih-kontrol") is None


def test_clicker_keys_pagedown_pageup_and_header_button(proyektor):
    page = proyektor
    semua_h2 = page.evaluate(H2_SEMUA)
    page.click(".pelatih-tombol-presentasi")
    assert page.evaluate(STATUS)["aktif"] is True
    assert page.evaluate(H2_TAMPAK) == [semua_h2[0]]   # the title with the first section
    page.keyboard.press("PageDown")
    assert page.evaluate(H2_TAMPAK) == [semua_h2[1]]
    # The worked example is taller than 720 px: it is cut into slides that fit, each with its
    # heading, so the clicker steps through it with nothing to scroll.
    awal = page.evaluate(STATUS)["indeks"]
    langkah = 0
    while page.evaluate(H2_TAMPAK) == [semua_h2[1]]:
        assert page.evaluate("() => document.documentElement.scrollHeight <= window.innerHeight")
        page.keyboard.press("PageDown")
        langkah += 1
        assert langkah < 20
    assert langkah >= 2
    assert page.evaluate(H2_TAMPAK) == [semua_h2[2]]
    assert page.evaluate(STATUS)["indeks"] == awal + langkah
    assert page.evaluate("() => window.scrollY") == 0
    page.keyboard.press("PageUp")
    assert page.evaluate(H2_TAMPAK) == [semua_h2[1]]
    page.keyboard.press("Space")
    page.click("#pelatih-kontrol [data-aksi=keluar]")
    assert page.evaluate(STATUS)["aktif"] is False


def test_jump_to_a_slide_by_number(proyektor):
    page = proyektor
    page.keyboard.press("p")
    jumlah = page.evaluate(STATUS)["jumlah"]
    assert jumlah >= 5
    page.keyboard.type("4")
    page.keyboard.press("Enter")
    assert page.evaluate(STATUS)["indeks"] == 3
    # The number box in the control bar does the same.
    page.fill("#pelatih-kontrol .pelatih-kontrol__nomor", str(jumlah))
    page.press("#pelatih-kontrol .pelatih-kontrol__nomor", "Enter")
    assert page.evaluate(STATUS)["indeks"] == jumlah - 1
    assert page.input_value("#pelatih-kontrol .pelatih-kontrol__nomor") == str(jumlah)
    page.keyboard.type("1")
    page.keyboard.press("Enter")
    assert page.evaluate(STATUS)["indeks"] == 0


def test_long_table_is_cut_into_rows_with_its_header(page, site_server):
    """The official worked example (a long table) is cut between rows; every piece repeats the
    table header and the section heading, and the pieces together hold every row once."""
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(site_server + "angka-kredit/?presentasi#contoh-perhitungan-resmi")
    page.wait_for_function("() => !!window.pelatihPresentasi && window.pelatihPresentasi.status().aktif")
    potongan = page.evaluate("""() => {
      const h = document.getElementById('contoh-perhitungan-resmi');
      const hasil = [];
      for (let i = window.pelatihPresentasi.status().indeks; i < window.pelatihPresentasi.status().jumlah; i++) {
        window.pelatihPresentasi.ke(i);
        if (h.offsetParent === null) break;
        const baris = [...document.querySelectorAll('article tbody tr')].filter(r => r.offsetParent !== null)
          .map(r => r.textContent.trim());
        const kepala = [...document.querySelectorAll('article thead')].filter(r => r.offsetParent !== null).length;
        hasil.push({baris, kepala});
      }
      return hasil;
    }""")
    assert len(potongan) >= 2
    semua = page.evaluate("""() => { window.pelatihPresentasi.keluar();
      const h = document.getElementById('contoh-perhitungan-resmi');
      const rows = []; let el = h.nextElementSibling;
      while (el && el.tagName !== 'H2') { el.querySelectorAll('tbody tr').forEach(r => rows.push(r.textContent.trim())); el = el.nextElementSibling; }
      return rows; }""")
    dilihat = [b for p in potongan for b in p["baris"]]
    assert dilihat == semua
    assert all(p["kepala"] >= 1 for p in potongan if p["baris"])


def test_projector_screenshot_has_large_text(proyektor, tmp_path):
    page = proyektor
    page.keyboard.press("p")                       # the title with "Cerita", a text section
    # The mode and its stylesheet load on first use: measure once they are in (a busy machine
    # took longer than the screenshot below).
    assert page.evaluate(STATUS)["aktif"] is True
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
    assert 0 <= ukuran["h2Atas"] < 250, ukuran     # the section starts at the top of the screen
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
    # The list of cases may be on a later slide of the index page.
    for _ in range(page.evaluate(STATUS)["jumlah"]):
        if page.locator("article a[href$='sari-ahli-muda/']").first.is_visible():
            break
        page.keyboard.press("ArrowRight")
    page.locator("article a[href$='sari-ahli-muda/']").first.click()
    page.wait_for_url(re.compile(r".*/pelatih/kasus/sari-ahli-muda/$"))
    page.wait_for_function("() => document.querySelector('article h1').textContent.includes('Bu Sari')")
    # Same JS context (navigation.instant), and the new page is in projector view from its start.
    assert page.evaluate("() => window.__pelatihPenanda") == 42
    status = page.evaluate(STATUS)
    assert status["aktif"] is True and status["indeks"] == 0
    assert status["jumlah"] >= len(page.evaluate(H2_SEMUA))
    assert page.evaluate(H2_TAMPAK) == page.evaluate(H2_SEMUA)[:1]
    page.keyboard.press("ArrowRight")
    assert len(page.evaluate(H2_TAMPAK)) == 1
    assert page.evaluate(STATUS)["indeks"] == 1
    page.keyboard.press("Escape")
    assert page.evaluate(STATUS)["aktif"] is False


def test_query_parameter_and_hash_start_at_a_section(page, site_server):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(site_server + "angka-kredit/?presentasi#berapa-koefisien-jenjang-saya")
    page.wait_for_function("() => !!window.pelatihPresentasi && window.pelatihPresentasi.status().aktif")
    assert page.evaluate(H2_TAMPAK) == ["Berapa koefisien jenjang saya?"]

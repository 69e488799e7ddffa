"""Every slide of every guide and trainer page fits a projector (issue 14, "Slides that fit").

One browser, one context, one page: each page is opened once per screen size, the presentation
mode is entered, and a single script walks all its slides and measures them in the real layout:

- the document is no taller than the screen (nothing to scroll to),
- no visible element of the article reaches into the control bar's band,
- every slide shows something besides headings (no empty quiz title slide),
- the text is large enough to read from the back of a room.

The calculator page is measured with a computed case on it (form, answer and breakdown), as a
trainer shows it.
"""

from __future__ import annotations

import pytest

SIAP = "await (window.pelatihPresentasiMuat || Promise.resolve());"

# Runs in the page: enter the mode, walk every slide, return what does not fit.
UKUR = f"""async () => {{
  {SIAP}
  const mode = window.pelatihPresentasi;
  if (!mode.status().aktif) mode.masuk(0);
  mode.tataUlang();  // content that arrived after entering (the calculator's answer) is laid out
  const bar = document.getElementById('pelatih-kontrol');
  const art = document.querySelector('article.md-content__inner');
  const n = mode.status().jumlah;
  const skala = mode.skala();
  const masalah = [];
  let hurufMin = 1e9;
  for (let i = 0; i < n; i++) {{
    mode.ke(i);
    const batas = bar.getBoundingClientRect();
    const tinggiDok = document.documentElement.scrollHeight;
    if (tinggiDok > window.innerHeight + 1) masalah.push({{slide: i + 1, jenis: 'lebih tinggi dari layar', tinggi: tinggiDok}});
    let isi = 0, bawah = 0;
    for (const el of art.querySelectorAll('.pelatih-tampil:not(.pelatih-pecah), .pelatih-tampil:not(.pelatih-pecah) *')) {{
      if (el.closest('.jf-aset, .jf-versi')) continue;
      const tertutup = el.parentElement.closest('details:not([open])');
      if (tertutup && !el.closest('summary')) continue;  // a closed box's content is not drawn
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const gaya = getComputedStyle(el);
      if (gaya.visibility === 'hidden') continue;
      bawah = Math.max(bawah, r.bottom);
      if (r.bottom > batas.top + 0.5 && r.top < batas.bottom && r.right > batas.left && r.left < batas.right)
        masalah.push({{slide: i + 1, jenis: 'tertutup kendali', el: el.tagName + '.' + el.className, bawah: r.bottom, batas: batas.top}});
      if (!/^H[1-6]$/.test(el.tagName) && !el.closest('h1,h2,h3,h4,h5,h6') && el.children.length === 0 && (el.textContent.trim() || /^(INPUT|SELECT|IMG|SVG|TEXTAREA|BUTTON)$/.test(el.tagName))) {{
        isi++;
        if (el.textContent.trim() && el.tagName !== 'SUP' && !el.closest('svg')) hurufMin = Math.min(hurufMin, parseFloat(gaya.fontSize) * (skala[i] || 1));
      }}
    }}
    if (!isi) masalah.push({{slide: i + 1, jenis: 'kosong'}});
  }}
  mode.ke(0);
  return {{jumlah: n, masalah: masalah.slice(0, 8), diperkecil: skala.filter(s => s < 1).length, hurufMin}};
}}"""


@pytest.fixture(scope="module")
def layar(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, service_workers="block")
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()


def _halaman_panduan(site_pages):
    # Guide and trainer pages: everything a trainer may put on the screen.
    return [p for p in site_pages if not p.startswith("pelatih/unduh")]


def _kalkulator_dengan_kasus(page, site_server, tautan):
    page.goto(site_server + "kalkulator/?presentasi" + tautan)
    page.wait_for_function(
        "() => !!document.querySelector('#kalk-hasil-isi') && "
        "document.querySelector('#kalk-hasil').getAttribute('aria-busy') === 'false' && "
        "!/setelah mesin hitung siap/.test(document.querySelector('#kalk-hasil-isi').textContent)",
        timeout=60_000)


UKURAN = [(1280, 720), (1920, 1080)]
# The pages in parts, each its own test; under `bash scripts/test` (pytest-xdist) each part is a
# group of its own (tests/conftest.py), so two workers measure side by side. Every page is in
# exactly one part (tested).
BAGIAN = 2


def _bagian(site_pages, i: int) -> list[str]:
    return _halaman_panduan(site_pages)[i::BAGIAN]


def test_the_parts_hold_every_page_once(site_pages):
    bagian = [_bagian(site_pages, i) for i in range(BAGIAN)]
    assert all(bagian)
    assert sorted(u for b in bagian for u in b) == sorted(_halaman_panduan(site_pages))
    assert "kalkulator/" in _halaman_panduan(site_pages)


@pytest.mark.parametrize("bagian", [pytest.param(i, id=f"bagian{i}") for i in range(BAGIAN)])
def test_every_slide_fits_the_screen(layar, site_server, site_pages, bagian):
    import base64
    import json
    page = layar
    # A computed case on the calculator: the one of the trainer's first case study.
    kasus = {"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 0,
             "penilaian": [{"tahun": 2023, "predikat": "Baik"}, {"tahun": 2024, "predikat": "Sangat Baik"}]}
    tautan = "#s=" + base64.urlsafe_b64encode(json.dumps(kasus).encode()).decode().rstrip("=")
    gagal = {}
    jumlah = {u: 0 for u in UKURAN}
    diperkecil = {u: 0 for u in UKURAN}
    halaman = _bagian(site_pages, bagian)
    for path in halaman:
        page.set_viewport_size({"width": UKURAN[0][0], "height": UKURAN[0][1]})
        if path == "kalkulator/":
            _kalkulator_dengan_kasus(page, site_server, tautan)
        else:
            page.goto(site_server + path + "?presentasi", wait_until="domcontentloaded")
        page.wait_for_function("() => !!window.pelatihPresentasi || !!window.pelatihPresentasiMuat")
        # Both screen sizes on the same load: the mode lays the page out again on resize.
        for ukuran in UKURAN:
            page.set_viewport_size({"width": ukuran[0], "height": ukuran[1]})
            hasil = page.evaluate(UKUR)
            jumlah[ukuran] += hasil["jumlah"]
            diperkecil[ukuran] += hasil["diperkecil"]
            kunci = f"{path} {ukuran[0]}x{ukuran[1]}"
            if hasil["masalah"]:
                gagal[kunci] = hasil["masalah"]
            # Readable from the back of a room: body text is about 28 px at 1280x720; nothing
            # (a table cell, a note) below 14 px at that size.
            if hasil["hurufMin"] < 14 * ukuran[0] / 1280:
                gagal.setdefault(kunci, []).append({"jenis": "huruf terlalu kecil", "px": hasil["hurufMin"]})
        page.evaluate("() => window.pelatihPresentasi.keluar()")
    print(f"slide: {jumlah}, diperkecil: {diperkecil}, halaman: {len(halaman)}")
    assert jumlah[UKURAN[0]] > 100
    assert not gagal, gagal

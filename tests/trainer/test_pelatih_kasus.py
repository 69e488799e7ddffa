"""Case studies: each page's numbers are the engine's, and its share link carries its request."""

from __future__ import annotations

import re

import pytest

from calculator import hitung
from pelatih_bantu import (KASUS, ambil, dekode_bagi, engine_render, html_halaman, permintaan_hitung,
                           rujukan_hasil, tautan_bagi, teks_artikel, url_halaman)

ER = engine_render()


def _f(x, desimal=2):
    return ER.teks_angka(x, desimal)


def test_at_least_eight_cases_with_a_fixed_date():
    assert len(KASUS) >= 8, [p.name for p in KASUS]
    for md in KASUS:
        blok = permintaan_hitung(md)
        assert len(blok) == 1, f"{md.name}: harus tepat satu blok hitung"
        # A fixed "today" keeps the printed results stable whatever day the site is built.
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", blok[0].get("tanggal_hitung", "")), md.name
        assert "galat" not in hitung(blok[0]), md.name


def test_case_prose_refers_only_to_its_own_request():
    for md in KASUS:
        (permintaan,) = permintaan_hitung(md)
        rujukan = rujukan_hasil(md)
        assert len(rujukan) >= 4, f"{md.name}: penjelasan langkah harus memakai [[hasil ...]]"
        for req, jalur in rujukan:
            assert req == permintaan, f"{md.name}: [[hasil ... {jalur}]] memakai permintaan lain"


@pytest.mark.parametrize("md", KASUS, ids=lambda p: p.stem)
def test_case_page_numbers_equal_the_engine(built_site, md):
    (permintaan,) = permintaan_hitung(md)
    hasil = hitung(ER.dengan_tanggal(permintaan))  # as the page computes it
    d = hasil["desimal"]
    page_html = html_halaman(built_site, md)
    teks = teks_artikel(page_html)
    assert "[[" not in teks and "```" not in teks, f"{md.name}: ada penanda yang tidak dirender"

    # The worked example block: every period's AK and formula, and the totals.
    for baris in hasil["rincian"]:
        assert baris["rumus"].rsplit(" = ", 1)[0] in teks, (md.name, baris["rumus"])
        assert _f(baris["ak"], d) in teks, (md.name, baris["ak"])
    total = f"= {_f(hasil['ak_kumulatif'], d)}"
    assert total in teks, (md.name, total)
    for kunci in ("kenaikan_pangkat", "kenaikan_jenjang"):
        blok = hasil[kunci]
        if blok:
            assert blok["judul"] in teks and blok["ringkas"] in teks, (md.name, kunci)

    # Every value quoted in the step-by-step prose.
    for req, jalur in rujukan_hasil(md):
        nilai = _f(ambil(hasil, jalur), d)
        assert nilai in teks, f"{md.name}: {jalur} = {nilai} tidak ada di halaman"


@pytest.mark.parametrize("md", KASUS, ids=lambda p: p.stem)
def test_case_share_link_decodes_to_its_request(built_site, md):
    (permintaan,) = permintaan_hitung(md)
    links = tautan_bagi(html_halaman(built_site, md))
    assert len(links) == 1, md.name
    href = links[0]
    # Relative to the case page: pelatih/kasus/<nama>/ -> ../../../kalkulator/
    assert href.startswith("../../../kalkulator/#s="), href
    assert "=" not in href.split("#s=", 1)[1], "base64url tanpa padding"
    assert dekode_bagi(href) == permintaan


def _tunggu_hasil(page, permintaan: dict, teks: str) -> str:
    # The form shows this case's jenjang and golongan and the result its cumulative AK (so a
    # previous case's result on the same page cannot pass for this one).
    page.wait_for_function(
        "([j, g, t]) => { const e = document.querySelector('#kalk-hasil-isi');"
        " const fj = document.querySelector('#f-jenjang'), fg = document.querySelector('#f-golongan');"
        " return e && fj && fg && fj.value === j && fg.value === g && e.innerText.includes(t); }",
        arg=[permintaan["jenjang"], permintaan["golongan"], teks])
    return page.inner_text("#kalk-hasil-isi")


def test_case_share_links_open_in_the_calculator(site_server, built_site, page):
    """Browser check against the calculator page (browser helper's): a click on "Buka di
    kalkulator" in a case opens the calculator with that case and shows its cumulative AK and each
    period's AK, computed by the same engine in Pyodide. The first case is opened by a click as a
    trainer would; the others by their links on the already running calculator (one Pyodide boot)."""
    page.set_default_timeout(120_000)
    for nomor, md in enumerate(KASUS):
        (permintaan,) = permintaan_hitung(md)
        hasil = hitung(ER.dengan_tanggal(permintaan))
        d = hasil["desimal"]
        if nomor == 0:
            page.goto(site_server + url_halaman(md))
            page.click("a.ak-buka")
            page.wait_for_url(re.compile(r".*/kalkulator/#s=.*"))
        else:
            (href,) = tautan_bagi(html_halaman(built_site, md))
            page.goto(site_server + url_halaman(md) + href)
        isi = _tunggu_hasil(page, permintaan, _f(hasil["ak_kumulatif"], d))
        assert "#s=" in page.url, (md.name, page.url[:200])
        assert dekode_bagi(page.url) == permintaan, md.name   # the link survived the navigation
        for baris in hasil["rincian"]:
            assert _f(baris["ak"], d) in isi, (md.name, baris)

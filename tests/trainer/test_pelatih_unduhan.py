"""Handouts (PDF) and the offline bundle, made by scripts/bundel_pdf.py and scripts/bundel.py."""

from __future__ import annotations

import html
import os
import re
import signal
import socket
import subprocess
import urllib.request
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from calculator import hitung
from pelatih_bantu import KASUS, engine_render, permintaan_hitung, tautan_bagi, html_halaman, url_halaman

UNDUH = Path("pelatih") / "unduh"
MODUL_H1 = {
    "penyetaraan/": None, "jabatan-fungsional/": None, "angka-kredit/": None, "kinerja-skp/": None,
    "kenaikan-pangkat/": None, "kenaikan-jenjang/": None, "integrasi/": None, "tantangan-solusi/": None,
    "pelatih/ringkasan/": None,
}


def _h1(site: Path, url: str) -> str:
    teks = (site / url / "index.html").read_text(encoding="utf-8")
    m = re.search(r"<h1[^>]*>(.*?)</h1>", teks, re.DOTALL)
    isi = re.sub(r'<a class="headerlink".*?</a>', "", m.group(1), flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", isi)).split())


def test_module_pdf_has_cover_contents_page_numbers_and_every_module(trainer_site, skrip_pdf):
    pdf = trainer_site / UNDUH / "panduan-jf-modul.pdf"
    assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-"
    reader = PdfReader(str(pdf))
    n = len(reader.pages)
    assert n >= 10
    sampul = reader.pages[0].extract_text()
    assert "Panduan Jabatan Fungsional" in sampul and "bukan Penetapan Angka Kredit" in " ".join(sampul.split())
    daftar = reader.pages[1].extract_text()
    assert "Daftar Isi" in daftar

    judul = [_h1(trainer_site, url) for url in MODUL_H1]
    assert [j for _, j in skrip_pdf.MODUL] and len(judul) == len(skrip_pdf.MODUL)
    halaman = skrip_pdf.cari_halaman(pdf.read_bytes(), judul)
    assert all(halaman) and halaman == sorted(halaman), halaman
    for (path, nama), h1, hal in zip(skrip_pdf.MODUL, judul, halaman):
        teks = " ".join(reader.pages[hal - 1].extract_text().split())
        assert h1 in teks, (h1, hal)                         # the module's heading starts that page
        assert f"halaman {hal} dari {n}" in teks             # footer page number
        # The table of contents names the module with the page it starts on.
        assert re.search(rf"\d+\. {re.escape(nama)}\s+{hal}\b", daftar), (nama, hal)


def test_module_pdf_carries_the_engine_numbers(trainer_site):
    reader = PdfReader(str(trainer_site / UNDUH / "panduan-jf-modul.pdf"))
    teks = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    er = engine_render()
    # The official example printed in the Angka Kredit module (BKN: 18,75).
    hasil = hitung({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0,
                    "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"}]})
    assert f"= {er.teks_angka(hasil['ak_kumulatif'], 2)}" in teks
    assert "Buka di kalkulator" not in teks          # a button is useless on paper


def test_ringkasan_pdf_is_one_a4_page_with_the_tables(trainer_site):
    reader = PdfReader(str(trainer_site / UNDUH / "ringkasan.pdf"))
    assert len(reader.pages) == 1
    halaman = reader.pages[0]
    lebar, tinggi = float(halaman.mediabox.width), float(halaman.mediabox.height)
    assert abs(lebar - 595) < 2 and abs(tinggi - 842) < 2          # A4 in points
    teks = " ".join(halaman.extract_text().split())
    for kata in ("Koefisien", "Persentase", "Sangat Baik", "Butuh Perbaikan", "AK kumulatif", "Syarat"):
        assert kata in teks, kata
    er = engine_render()
    assert er.render_nilai("koefisien.ahli_madya", "uji") in teks


def test_ringkasan_page_tables_come_from_the_rules_data(built_site):
    halaman = (built_site / "pelatih" / "ringkasan" / "index.html").read_text(encoding="utf-8")
    for nama in ("koefisien", "persentase", "akk", "syarat"):
        assert f'data-tabel="{nama}"' in halaman, nama
    assert 'href="../unduh/ringkasan.pdf"' in halaman


def test_trainer_page_offers_the_downloads(trainer_server):
    with urllib.request.urlopen(trainer_server + "pelatih/") as r:
        halaman = r.read().decode("utf-8")
    for nama, jenis in (("panduan-jf-modul.pdf", "application/pdf"), ("ringkasan.pdf", "application/pdf"),
                        ("panduan-jf-offline.zip", "application/zip")):
        assert f'href="unduh/{nama}"' in halaman
        with urllib.request.urlopen(trainer_server + f"pelatih/unduh/{nama}") as r:
            assert r.status == 200
            assert r.headers["Content-Type"].startswith(jenis)


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def paket_terbuka(trainer_site, tmp_path):
    arsip = trainer_site / UNDUH / "panduan-jf-offline.zip"
    with zipfile.ZipFile(arsip) as zf:
        nama = zf.namelist()
        assert not any("panduan-jf-offline.zip" in n for n in nama), "ZIP tidak boleh memuat dirinya"
        mode = {i.filename: (i.external_attr >> 16) & 0o777 for i in zf.infolist()}
        zf.extractall(tmp_path)
    akar = tmp_path / "panduan-jf"
    # zipfile does not restore permissions; a desktop unzip does, from these attributes.
    assert mode["panduan-jf/jalankan-linux.sh"] & 0o111 and mode["panduan-jf/jalankan-macos.command"] & 0o111
    return akar


def test_bundle_holds_the_site_and_the_starters(paket_terbuka, trainer_site):
    akar = paket_terbuka
    for nama in ("jalankan-windows.bat", "jalankan-linux.sh", "jalankan-macos.command", "sajikan.py",
                 "BACA-SAYA.txt", "situs/index.html", "situs/kalkulator/index.html",
                 "situs/pelatih/unduh/panduan-jf-modul.pdf", "situs/pelatih/unduh/ringkasan.pdf"):
        assert (akar / nama).is_file(), nama
    asli = sorted(p.relative_to(trainer_site).as_posix() for p in trainer_site.rglob("*") if p.is_file())
    asli.remove("pelatih/unduh/panduan-jf-offline.zip")
    salin = sorted(p.relative_to(akar / "situs").as_posix() for p in (akar / "situs").rglob("*") if p.is_file())
    assert salin == asli
    bat = (akar / "jalankan-windows.bat").read_bytes()
    assert b"\r\n" in bat and b"sajikan.py" in bat          # Windows line endings


def test_bundle_serves_and_computes_a_case_in_chromium(paket_terbuka, browser):
    akar = paket_terbuka
    port = _port_bebas()
    proses = subprocess.Popen(
        ["sh", str(akar / "jalankan-linux.sh"), "--port", str(port), "--tanpa-peramban"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        dibaca = ""
        m = None
        for _ in range(10):
            baris = proses.stdout.readline()
            dibaca += baris
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", baris)
            if m or not baris:
                break
        assert m, dibaca
        url = m.group(0)
        assert int(m.group(1)) == port
        with urllib.request.urlopen(url) as r:
            assert r.status == 200
        wasm = next((akar / "situs").rglob("*.wasm"), None)
        if wasm is not None:
            rel = wasm.relative_to(akar / "situs").as_posix()
            with urllib.request.urlopen(url + rel) as r:
                assert r.headers["Content-Type"] == "application/wasm"

        md = next(p for p in KASUS if p.stem == "sari-ahli-muda")
        (permintaan,) = permintaan_hitung(md)
        hasil = hitung(permintaan)
        er = engine_render()
        ak = er.teks_angka(hasil["ak_kumulatif"], hasil["desimal"])
        href = tautan_bagi(html_halaman(akar / "situs", md))[0]
        context = browser.new_context()
        try:
            page = context.new_page()
            page.set_default_timeout(90_000)
            page.goto(url + url_halaman(md))
            assert f"= {ak}" in page.inner_text("article")
            page.goto(url + "kalkulator/" + href.split("kalkulator/", 1)[1])
            page.wait_for_function(
                "(t) => { const e = document.querySelector('#kalk-hasil-isi');"
                " return e && e.innerText.includes(t); }", arg=ak)
        finally:
            context.close()
    finally:
        os.killpg(proses.pid, signal.SIGTERM)
        proses.wait(timeout=10)

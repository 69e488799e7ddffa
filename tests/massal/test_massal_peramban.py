"""Cek massal in headless Chromium: the same file gives the same results as the command line; a
generated file of 5,000 rows; bad files; filters, downloads, printed sheets; nothing leaves the
browser. Expected AK come from the rules (massal_bantu), not from calculator.hitung."""
from __future__ import annotations

import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse

import pytest

from calculator import massal
from massal_bantu import TANGGAL_HITUNG, angka_sel, baca_csv, buat_baris, bulat, ke_csv

ROOT = Path(__file__).resolve().parents[2]
openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def halaman(browser, site_server):
    """The Cek massal page with its engine ready, one for the module's tests in order, as an officer
    checks one file after another (the engine boots once: about 4 CPU-seconds each time). Each test
    starts by choosing its own file, so what it reads is that file's result; every request of the
    module is recorded."""
    context = browser.new_context()
    context.set_default_timeout(20_000)
    permintaan = []
    context.on("request", lambda r: permintaan.append(r.url))
    page = context.new_page()
    page.goto(site_server + "massal/")
    page.wait_for_selector("#massal-status[data-tahap=siap]", timeout=120_000)
    page.fill("#massal-tanggal", TANGGAL_HITUNG)
    page.permintaan = permintaan
    yield page
    context.close()


def proses(page, berkas: Path, timeout: int = 120_000):
    page.evaluate("window.__jfSelesai = null; window.addEventListener('jf-massal-selesai', "
                  "function (e) { window.__jfSelesai = e.detail; }, { once: true })")
    page.set_input_files("#massal-berkas", str(berkas))
    page.wait_for_function("window.__jfSelesai !== null", timeout=timeout)
    return page.evaluate("window.__jfSelesai")


def unduh(page, tombol: str, tujuan: Path) -> bytes:
    with page.expect_download(timeout=120_000) as d:
        page.click(tombol)
    d.value.save_as(tujuan)
    return tujuan.read_bytes()


def cli(berkas: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calculator", "massal", str(berkas), "--tanggal-hitung",
                           TANGGAL_HITUNG, *args], capture_output=True, cwd=ROOT, timeout=300)


def test_same_results_as_the_command_line_csv_and_xlsx(halaman, tmp_path, site_server):
    rows, expected = buat_baris(120, seed=5)
    rows.append(["197001012000019999", "Salah Predikat", "Ahli Muda", "III/c", "10", "", "", "Bagus", "", "", "X"])
    rows.append(list(rows[1][:1]) + ["Ganda"] + rows[1][2:])  # duplicated NIP
    berkas = tmp_path / "unit.csv"
    berkas.write_bytes(ke_csv(rows))
    ring = proses(halaman, berkas)
    assert "122 pegawai diperiksa" in ring["judul"]

    out_web = unduh(halaman, "#massal-unduh-csv", tmp_path / "web.csv")
    p = cli(berkas)
    assert p.returncode == 2, p.stderr.decode()
    judul_web, web = baca_csv(out_web)
    judul_cli, dari_cli = baca_csv(p.stdout)
    assert judul_web == judul_cli
    assert web == dari_cli  # every cell, every row, same order
    for r, e in zip(web[1:120], expected[1:120]):
        assert angka_sel(r["ak_kumulatif"]) == bulat(e)
    assert web[120]["galat"].startswith("Baris 122, kolom predikat_2023")
    assert "kolom nip" in web[0]["galat"] and "kolom nip" in web[121]["galat"]

    # XLSX out of the browser = XLSX out of the command line, cell by cell.
    xlsx_web = unduh(halaman, "#massal-unduh-xlsx", tmp_path / "web.xlsx")
    assert cli(berkas, "-o", str(tmp_path / "cli.xlsx")).returncode == 2
    a = list(openpyxl.load_workbook(io.BytesIO(xlsx_web)).active.iter_rows(values_only=True))
    b = list(openpyxl.load_workbook(tmp_path / "cli.xlsx").active.iter_rows(values_only=True))
    assert a == b and len(a) == 123

    # An .xlsx input (the template) in the browser.
    templat = tmp_path / "templat.xlsx"
    templat.write_bytes(massal.templat_xlsx())
    ring = proses(halaman, templat)
    assert "3 pegawai diperiksa: 3 dihitung" in ring["judul"]
    web = baca_csv(unduh(halaman, "#massal-unduh-csv", tmp_path / "t.csv"))[1]
    p = cli(templat)
    assert p.returncode == 0
    assert web == baca_csv(p.stdout)[1]
    hosts = {urlparse(u).netloc for u in halaman.permintaan if u.startswith("http")}
    assert hosts == {urlparse(site_server).netloc}, hosts  # nothing leaves the browser


def test_5000_rows_in_the_browser(halaman, tmp_path):
    rows, expected = buat_baris(5000, seed=7)
    berkas = tmp_path / "besar.csv"
    berkas.write_bytes(ke_csv(rows))
    ring = proses(halaman, berkas, timeout=300_000)
    assert ring["judul"].startswith("5.000 pegawai diperiksa: 5.000 dihitung")
    # the table shows a first page, then more on request
    assert halaman.locator("#massal-tabel tbody tr").count() == 100
    halaman.click("#massal-lebih")
    assert halaman.locator("#massal-tabel tbody tr").count() == 200
    web = baca_csv(unduh(halaman, "#massal-unduh-csv", tmp_path / "besar-hasil.csv"))[1]
    assert len(web) == 5000
    assert [r["nip"] for r in web] == [r[0] for r in rows[1:]]
    for r, e in zip(web, expected):
        assert angka_sel(r["ak_kumulatif"]) == bulat(e), r


def test_bad_files_get_a_clear_message(halaman, tmp_path):
    cases = {
        "pemisah.csv": (ke_csv([["nip", "nama", "jenjang", "golongan"], ["1", "a", "b", "c"]], "|"), "pemisah"),
        "kosong.csv": (b"", "kosong"),
        "foto.xlsx": (b"\x89PNG\r\n\x1a\n" + bytes(64), "bukan lembar kerja"),
        "kolom.csv": (ke_csv([["nip", "nama", "jenjang", "golngan", "ak_awal", "tmt_golongan", "tmt_jenjang",
                               "predikat_2023"], ["1"] * 8]), "Mungkin maksudnya"),
    }
    for nama, (data, pesan) in cases.items():
        berkas = tmp_path / nama
        berkas.write_bytes(data)
        halaman.set_input_files("#massal-berkas", str(berkas))
        halaman.wait_for_selector("#massal-galat:not([hidden])")
        assert pesan in halaman.text_content("#massal-galat"), nama
        assert halaman.locator("#massal-hasil").is_hidden()


def test_filters_sorting_and_printed_sheets(halaman, tmp_path):
    rows = [["nip", "nama", "jenjang", "golongan", "ak_awal", "tmt_golongan", "tmt_jenjang", "predikat_2023",
             "predikat_2024", "predikat_2025", "hukuman_disiplin"],
            # Ahli Muda III/c, 12,5 + 3 x 25 (Baik) = 87,5 < 100: AK short; with Baik from 2026 it is met
            ["198501012010012001", "Ani", "Ahli Muda", "III/c", "12,5", "2022-04-01", "2022-04-01", "Baik", "Baik", "Baik", "tidak"],
            # 30 + 3 x 25 = 105 >= 100: AK for KP to III/d met now
            ["198501012010012002", "Budi", "Ahli Muda", "III/c", "30", "2022-04-01", "2022-04-01", "Baik", "Baik", "Baik", "tidak"],
            ["198501012010012003", "Citra", "Ahli Muda", "III/c", "abc", "2022-04-01", "2022-04-01", "Baik", "Baik", "Baik", "tidak"]]
    berkas = tmp_path / "kecil.csv"
    berkas.write_bytes(ke_csv(rows))
    proses(halaman, berkas)

    def nama_tampil():
        return halaman.locator("#massal-tabel tbody .jf-massal__nama").all_text_contents()

    assert nama_tampil() == ["Ani", "Budi", "Citra"]
    halaman.select_option("#massal-saring", "kp_sekarang")
    assert nama_tampil() == ["Budi"]
    halaman.select_option("#massal-saring", "galat")
    assert nama_tampil() == ["Citra"]
    assert "kolom ak_awal" in halaman.text_content("#massal-tabel tbody")
    halaman.select_option("#massal-saring", "semua")
    halaman.click("#massal-tabel th[data-urut=ak_kumulatif] button")
    assert nama_tampil() == ["Ani", "Budi", "Citra"]  # 87,5 < 105, the row without AK last
    halaman.click("#massal-tabel th[data-urut=ak_kumulatif] button")
    assert nama_tampil()[:2] == ["Budi", "Ani"]
    halaman.fill("#massal-cari", "citra")
    assert nama_tampil() == ["Citra"]
    halaman.fill("#massal-cari", "")

    halaman.evaluate("window.__jfMassalTanpaDialog = true")
    halaman.check("#massal-pilih-semua")
    halaman.click("#massal-cetak")
    halaman.wait_for_selector("#massal-lembar .jf-massal__sheet", state="attached")
    lembar = halaman.locator("#massal-lembar .jf-massal__sheet")
    assert lembar.count() == 2  # the row with galat has no sheet
    teks = lembar.nth(1).text_content()
    assert "Budi" in teks and "NIP 198501012010012002" in teks and "105" in teks
    halaman.emulate_media(media="print")
    assert halaman.locator("#massal-lembar").is_visible()
    assert halaman.locator(".md-header").is_hidden()

"""Cek massal (calculator/massal.py): template round trips, Indonesian spreadsheets, bad rows and
bad files, and the command line. Expected AK come from the regulation's tables (massal_bantu)."""
from __future__ import annotations

import datetime as _dt
import io
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction as F
from pathlib import Path

import pytest

from calculator import massal
from massal_bantu import (TANGGAL_HITUNG, ak_periode, angka_sel, baca_csv, buat_baris, bulat, ke_csv,
                          NILAI_DASAR)

ROOT = Path(__file__).resolve().parents[2]
HARI = _dt.date(2026, 1, 15)  # template built in 2026: predikat_2023 .. predikat_2025
openpyxl = pytest.importorskip("openpyxl")


def jalankan(data: bytes, nama: str = "data.csv"):
    judul, baris, info, ringkasan = massal.jalankan(data, nama, TANGGAL_HITUNG)
    return [dict(zip(judul, b)) for b in baris], info, ringkasan


def cli(*args, masukan: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "calculator", "massal", *args], input=masukan,
                          capture_output=True, cwd=ROOT, timeout=120)


def galat_berkas(data: bytes, nama: str = "data.csv") -> str:
    with pytest.raises(massal.GalatBerkas) as exc:
        massal.jalankan(data, nama, TANGGAL_HITUNG)
    return str(exc.value)


def contoh_diharapkan() -> list[Decimal]:
    """The template's three example rows, worked out from the rules."""
    sari = F("12.5") + ak_periode("ahli_muda", 12, "Baik") * 2 + ak_periode("ahli_muda", 12, "Sangat Baik")
    # Dedi's PAK is dated 1 January 2024: his 2023 rating is already inside its AK (maintainers/desain.md)
    dedi = F(10) + ak_periode("terampil", 12, "Baik") * 2
    rina = (F("550.63") - NILAI_DASAR["ahli_madya"] + ak_periode("ahli_madya", 6, "Baik")
            + ak_periode("ahli_madya", 6, "Sangat Baik"))
    return [bulat(sari), bulat(dedi), bulat(rina)]


# -- the template ------------------------------------------------------------------------------

def test_template_columns_come_from_one_definition():
    teks = massal.templat_csv(HARI).decode("utf-8-sig")
    judul, _ = baca_csv("\n".join(l for l in teks.splitlines() if not l.lstrip('"').startswith("#")).encode())
    for k in massal.KOLOM:
        if k.nama == "predikat_TTTT":
            assert ["predikat_2023", "predikat_2024", "predikat_2025"] == [j for j in judul if j.startswith("predikat_")]
        else:
            assert k.nama in judul
            assert f"# {k.nama}: " in teks  # explained in the CSV's explanation section
    # the minimum columns, in its spelling
    for nama in ("nip", "nama", "jenjang", "golongan", "ak_awal", "tanggal_pak", "tmt_golongan", "tmt_jenjang"):
        assert nama in judul


def test_template_csv_round_trip():
    data = massal.templat_csv(HARI)
    assert data.startswith(b"\xef\xbb\xbf")
    rows, info, ringkasan = jalankan(data, "templat.csv")
    assert [r["galat"] for r in rows] == ["", "", ""]
    assert [Decimal(str(r["ak_kumulatif"])) for r in rows] == contoh_diharapkan()
    assert [r["nip"] for r in rows] == ["198501012010012001", "199203152015031002", "197805202003122003"]
    assert ringkasan["jumlah"] == 3 and ringkasan["galat"] == 0
    # Ahli Muda III/c with 100 AK: the KP to III/d needs 100 (Lampiran), met now.
    assert rows[0]["kp_ak_minimal"] == 100 and rows[0]["kp_ak_terpenuhi"] == "ya"
    assert rows[0]["kp_waktu"] == "sekarang"


def test_template_xlsx_round_trip(tmp_path):
    data = massal.templat_xlsx(HARI)
    buku = openpyxl.load_workbook(io.BytesIO(data))
    assert buku.sheetnames[:2] == ["Data", "Petunjuk"]
    petunjuk = [r[0] for r in buku["Petunjuk"].iter_rows(values_only=True)]
    for k in massal.KOLOM:
        assert k.nama in petunjuk
    assert buku["Data"]["A2"].value == "198501012010012001"  # NIP is text
    rows, _, _ = jalankan(data, "templat.xlsx")
    assert [Decimal(str(r["ak_kumulatif"])) for r in rows] == contoh_diharapkan()

    # Fill the template as an officer would: replace the examples, save, read back.
    data_ws = buku["Data"]
    data_ws.delete_rows(2, 3)
    judul = [c.value for c in data_ws[1]]
    isi = {"nip": "196905121994031004", "nama": "Budi Santoso", "jenjang": "Ahli Pertama", "golongan": "III/b",
           "ak_awal": 7.25, "tmt_golongan": _dt.datetime(2021, 4, 1), "tmt_jenjang": _dt.datetime(2021, 4, 1),
           "predikat_2023": "Sangat Baik", "predikat_2024": "Baik"}
    data_ws.append([isi.get(j) for j in judul])
    berkas = tmp_path / "isi.xlsx"
    buku.save(berkas)
    rows, _, _ = jalankan(berkas.read_bytes(), "isi.xlsx")
    diharapkan = F("7.25") + ak_periode("ahli_pertama", 12, "Sangat Baik") + ak_periode("ahli_pertama", 12, "Baik")
    assert rows[0]["galat"] == ""
    assert Decimal(str(rows[0]["ak_kumulatif"])) == bulat(diharapkan)

    # XLSX out: every column, NIP still text.
    judul_k, baris, _, _ = massal.jalankan(berkas.read_bytes(), "isi.xlsx", TANGGAL_HITUNG)
    keluar = openpyxl.load_workbook(io.BytesIO(massal.keluaran(judul_k, baris, "xlsx")))
    nilai = list(keluar.active.iter_rows(values_only=True))
    assert list(nilai[0]) == judul_k
    assert nilai[1][0] == "196905121994031004"


# -- Indonesian spreadsheets ------------------------------------------------------------------

def test_indonesian_csv_semicolon_decimal_comma_bom_quotes():
    rows = [["NIP", "Nama", "Jenjang", "Golongan", "AK Awal", "TMT Golongan", "TMT Jenjang", "Predikat 2023",
             "Predikat 2024", "Unit Kerja"],
            ["198501012010012001", "Siti; S.Kom", "Ahli Muda", "III/c", "12,5", "01/04/2022", "1 April 2022",
             "Sangat  Baik", "baik", 'Dinas "Pendidikan"'],
            ["198501012010012002", "Andi", "ahli pertama", "III/a", "1.050,5", "2022-04-01", "", "Baik", "", ""]]
    data = ke_csv(rows, ";")
    keluar, info, _ = jalankan(data)
    assert keluar[0]["Nama"] == "Siti; S.Kom" and keluar[0]["Unit Kerja"] == 'Dinas "Pendidikan"'
    assert keluar[0]["galat"] == ""
    assert Decimal(str(keluar[0]["ak_kumulatif"])) == bulat(
        F("12.5") + ak_periode("ahli_muda", 12, "Sangat Baik") + ak_periode("ahli_muda", 12, "Baik"))
    # "1.050,5" is 1050,5: above any AKK, so a kalkulator reads it (or warns) but never as 1,05
    assert keluar[1]["galat"] == "" or "ak_awal" in keluar[1]["galat"]
    if keluar[1]["galat"] == "":
        assert Decimal(str(keluar[1]["ak_kumulatif"])) == bulat(F("1050.5") + ak_periode("ahli_pertama", 12, "Baik"))


def test_comma_csv_without_bom_and_cp1252():
    rows = [["nip", "nama", "jenjang", "golongan", "ak_awal", "tmt_golongan", "tmt_jenjang", "predikat_2023"],
            ["198501012010012001", "Ren\u00e9 Mart\u00ednez", "Terampil", "II/b", "3.5", "", "", "Baik"]]
    buf = io.StringIO(newline="")
    import csv
    csv.writer(buf).writerows(rows)
    keluar, _, _ = jalankan(buf.getvalue().encode("cp1252"))
    assert keluar[0]["nama"] == "Ren\u00e9 Mart\u00ednez"
    assert Decimal(str(keluar[0]["ak_kumulatif"])) == bulat(F("3.5") + ak_periode("terampil", 12, "Baik"))


def test_generated_rows_match_the_rules():
    rows, expected = buat_baris(300)
    keluar, info, ringkasan = jalankan(ke_csv(rows))
    assert len(keluar) == 300 and ringkasan["galat"] == 0
    for r, e in zip(keluar, expected):
        assert r["galat"] == "", r
        assert Decimal(str(r["ak_kumulatif"])) == bulat(e), r
    assert [r["nip"] for r in keluar] == [r[0] for r in rows[1:]]  # same order


def test_periods_within_a_year_and_their_column():
    rows = [["nip", "nama", "jenjang", "golongan", "ak_awal", "tmt_golongan", "tmt_jenjang", "predikat_2023", "periode_lain"],
            ["198501012010012001", "A", "Ahli Pertama", "III/a", "0", "", "", "",
             "2024-01 s.d. 2024-02 Baik; 2024-03 sd 2024-12: Sangat Baik"],
            ["198501012010012002", "B", "Ahli Pertama", "III/a", "0", "", "", "Baik", "2023-06 s.d. 2023-07 Baik"],
            ["198501012010012003", "C", "Ahli Pertama", "III/a", "0", "", "", "", "Januari 2024 Baik"]]
    keluar, _, _ = jalankan(ke_csv(rows))
    # BKN's example: Ahli Pertama, Baik, January-February = 2/12 x 100% x 12,5 = 2,08
    assert Decimal(str(keluar[0]["ak_kumulatif"])) == bulat(ak_periode("ahli_pertama", 2, "Baik")
                                                            + ak_periode("ahli_pertama", 10, "Sangat Baik"))
    assert "kolom periode_lain" in keluar[1]["galat"] and "predikat_2023" in keluar[1]["galat"]
    assert "Baris 4, kolom periode_lain" in keluar[2]["galat"]


# -- bad rows -------------------------------------------------------------------------------------

JUDUL = ["nip", "nama", "jenjang", "golongan", "ak_awal", "tmt_golongan", "tmt_jenjang", "predikat_2023",
         "predikat_2024", "uji_kompetensi"]


def baris(**ubah):
    dasar = {"nip": "198501012010012001", "nama": "Sari", "jenjang": "Ahli Muda", "golongan": "III/c",
             "ak_awal": "10", "tmt_golongan": "2022-04-01", "tmt_jenjang": "2022-04-01", "predikat_2023": "Baik",
             "predikat_2024": "Baik", "uji_kompetensi": ""}
    dasar.update(ubah)
    return [dasar[k] for k in JUDUL]


def test_bad_rows_get_row_number_and_template_column_and_others_are_computed():
    rows = [JUDUL,
            baris(nip="198501012010012001"),
            baris(nip="198501012010012002", predikat_2024="Bagus"),
            baris(nip="198501012010012003", jenjang="Ahli Tengah"),
            baris(nip="198501012010012004", tmt_golongan="31/02/2022"),
            baris(nip="198501012010012005", ak_awal="-5"),
            baris(nip="198501012010012006", uji_kompetensi="mungkin"),
            baris(nip="1,98501E+17"),
            baris(nip="12345"),
            baris(nip="198501012010012009", nama=""),
            baris(nip="198501012010012010", golongan="V/a"),
            baris(nip="198501012010012011")]
    keluar, info, ringkasan = jalankan(ke_csv(rows))
    assert len(keluar) == 11  # one output row per input row
    g = [r["galat"] for r in keluar]
    assert g[0] == "" and g[10] == ""
    assert g[1].startswith("Baris 3, kolom predikat_2024: ") and "Bagus" in g[1]
    assert g[2].startswith("Baris 4, kolom jenjang: ")
    assert g[3].startswith("Baris 5, kolom tmt_golongan: ")
    assert g[4].startswith("Baris 6, kolom ak_awal: ")
    assert g[5].startswith("Baris 7, kolom uji_kompetensi: ")
    assert g[6].startswith("Baris 8, kolom nip: ") and "Teks" in g[6]
    assert g[7].startswith("Baris 9, kolom nip: ") and "18 angka" in g[7]
    assert g[8].startswith("Baris 10, kolom nama: ")
    assert g[9].startswith("Baris 11, kolom golongan: ")
    assert ringkasan["galat"] == 9 and ringkasan["dihitung"] == 2
    assert all(r["ak_kumulatif"] in ("", None) for r in keluar[1:10])
    assert info[1]["galat"][0]["kolom"] == "predikat_2024"


def test_duplicated_nip_is_reported_on_every_row_that_shares_it():
    rows = [JUDUL, baris(nip="198501012010012001"), baris(nip="198501012010012002"),
            baris(nip="19850101 201001 2 001")]
    keluar, _, _ = jalankan(ke_csv(rows))
    assert "kolom nip" in keluar[0]["galat"] and "baris 4" in keluar[0]["galat"]
    assert "baris 2" in keluar[2]["galat"]
    assert keluar[1]["galat"] == ""


def test_row_with_more_cells_than_the_header_and_blank_rows():
    rows = [JUDUL, baris(), [""] * len(JUDUL), baris(nip="198501012010012002") + ["x", "y"]]
    keluar, _, ringkasan = jalankan(ke_csv(rows))
    assert len(keluar) == 2 and ringkasan["jumlah"] == 2
    assert keluar[1]["galat"].startswith("Baris 4: ") and "pemisah" in keluar[1]["galat"]


# -- bad files --------------------------------------------------------------------------------------

def test_empty_file():
    for data in (b"", b"\xef\xbb\xbf", b"\r\n\r\n", b"# hanya penjelasan\n"):
        assert "kosong" in galat_berkas(data)


def test_header_only():
    assert "tidak ada baris data" in galat_berkas(ke_csv([JUDUL]))


def test_missing_and_misspelled_columns_suggest_the_nearest_name():
    rows = [["nip", "nama", "jenjang", "golngan", "ak_awal", "tmt_golongan", "tmt_jenjang", "predikat_2023"], baris()[:8]]
    pesan = galat_berkas(ke_csv(rows))
    assert "golongan" in pesan and '"golngan"' in pesan and "Mungkin maksudnya" in pesan or "mungkin kolom" in pesan
    rows = [["nip", "nama", "jenjang", "golongan_ruang", "ak_awal", "tmt_golongan", "tmt_jenjang", "predikat_2023"], baris()[:8]]
    pesan = galat_berkas(ke_csv(rows))
    assert "Kolom wajib tidak ada: golongan" in pesan and "golongan_ruang" in pesan
    rows = [["nip", "nama", "jenjang", "golongan", "ak_awal", "tmt_golongan", "tmt_jenjang", "predikat_2023", "tmt_jenjnag"],
            baris()[:8] + [""]]
    assert 'Mungkin maksudnya "tmt_jenjang"' in galat_berkas(ke_csv(rows))
    rows = [["nip", "nama", "jenjang", "golongan", "ak_awal", "tmt_golongan", "tmt_jenjang"], baris()[:7]]
    assert "predikat_TTTT" in galat_berkas(ke_csv(rows))
    rows = [JUDUL + ["nip"], baris() + ["1"]]
    assert "dua kali" in galat_berkas(ke_csv(rows))


def test_wrong_separator():
    data = ke_csv([JUDUL, baris()], "|")
    pesan = galat_berkas(data)
    assert "pemisah" in pesan and "satu kolom" in pesan


def test_rows_with_another_separator_than_the_header():
    data = ke_csv([JUDUL], ";") + ke_csv([baris()], ",", bom=False) + ke_csv([baris(nip="198501012010012002")], ";", bom=False)
    keluar, _, ringkasan = jalankan(data)
    assert len(keluar) == 2
    assert keluar[0]["galat"].startswith("Baris 2: Baris ini terbaca sebagai satu kolom") and "pemisah" in keluar[0]["galat"]
    assert keluar[1]["galat"] == ""


def test_not_a_spreadsheet():
    assert "PDF" in galat_berkas(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "data.pdf")
    assert "gambar PNG" in galat_berkas(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "foto.csv")
    assert ".xls" in galat_berkas(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "lama.xls")
    assert "bukan lembar kerja" in galat_berkas(bytes(range(256)) * 4, "acak.bin")
    buf = io.BytesIO()
    import zipfile
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "bukan excel")
    assert "bukan .xlsx" in galat_berkas(buf.getvalue(), "data.xlsx")
    assert "bukan .xlsx" in galat_berkas(b"nip;nama\n1;2\n", "data.xlsx")


# -- the command line -----------------------------------------------------------------------------

def test_cli_csv_to_stdout_exit_0(tmp_path):
    berkas = tmp_path / "templat.csv"
    berkas.write_bytes(massal.templat_csv(HARI))
    p = cli(str(berkas), "--tanggal-hitung", TANGGAL_HITUNG)
    assert p.returncode == 0, p.stderr.decode()
    judul, rows = baca_csv(p.stdout)
    assert judul[-1] == "galat" and len(rows) == 3
    assert [angka_sel(r["ak_kumulatif"]) for r in rows] == contoh_diharapkan()
    err = p.stderr.decode()
    assert "3 baris pegawai, 3 dihitung, 0 dengan galat" in err and "Per jenjang" in err


def test_cli_exit_2_writes_all_rows_and_xlsx(tmp_path):
    rows = [JUDUL, baris(), baris(nip="198501012010012002", predikat_2023="Bagus"), baris(nip="198501012010012003")]
    berkas = tmp_path / "unit.csv"
    berkas.write_bytes(ke_csv(rows, ","))
    out = tmp_path / "hasil.xlsx"
    p = cli(str(berkas), "-o", str(out), "--tanggal-hitung", TANGGAL_HITUNG)
    assert p.returncode == 2, p.stderr.decode()
    nilai = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert len(nilai) == 4 and [v[0] for v in nilai[1:]] == [r[0] for r in rows[1:]]
    assert nilai[2][-1].startswith("Baris 3, kolom predikat_2023")
    assert "1 dengan galat" in p.stderr.decode()
    out_csv = tmp_path / "hasil.csv"
    p = cli(str(berkas), "-o", str(out_csv), "--tanggal-hitung", TANGGAL_HITUNG)
    assert p.returncode == 2 and out_csv.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(baca_csv(out_csv.read_bytes())[1]) == 3


def test_cli_exit_1_for_unreadable_files(tmp_path):
    p = cli(str(tmp_path / "tidak-ada.csv"))
    assert p.returncode == 1 and "tidak dapat dibaca" in p.stderr.decode()
    kosong = tmp_path / "kosong.csv"
    kosong.write_bytes(b"")
    p = cli(str(kosong))
    assert p.returncode == 1 and "kosong" in p.stderr.decode() and p.stdout == b""
    p = cli(str(kosong), "--tanggal-hitung", "31-12-2026")
    assert p.returncode == 1 and "TTTT-BB-HH" in p.stderr.decode()
    p = cli(str(kosong), "-o", "hasil.json")
    assert p.returncode == 1 and ".csv atau .xlsx" in p.stderr.decode()
    p = cli()
    assert p.returncode == 1
    p = subprocess.run([sys.executable, "-m", "calculator", "--help"], capture_output=True, cwd=ROOT)
    assert b"massal" in p.stdout

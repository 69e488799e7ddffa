"""Command line: `python -m calculator hitung FILE|-`, `tabel`, `--help` (run as a real process)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTOH = {"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0, "tanggal_hitung": "2025-01-15",
          "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"},
                        {"mulai": "2024-01", "selesai": "2024-02", "predikat": "Baik"}]}


def jalankan(*args, masukan: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "calculator", *args], input=masukan, capture_output=True,
                          cwd=ROOT, timeout=60)


def test_hitung_file(tmp_path):
    berkas = tmp_path / "permintaan.json"
    berkas.write_text(json.dumps(CONTOH), "utf-8")
    p = jalankan("hitung", str(berkas))
    assert p.returncode == 0, p.stderr
    hasil = json.loads(p.stdout)
    assert hasil["ak_kumulatif"] == 20.83
    assert hasil["rincian"][1]["rumus"] == "2/12 x 100% x 12,5 = 2,08"


def test_hitung_stdin():
    p = jalankan("hitung", "-", masukan=json.dumps(CONTOH).encode())
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["ak_konversi"] == 20.83


def test_hitung_stdin_with_bom_and_non_ascii():
    req = {**CONTOH, "catatan": "Pak Budi — Banyuasin"}
    p = jalankan("hitung", "-", masukan=b"\xef\xbb\xbf" + json.dumps(req, ensure_ascii=False).encode("utf-8"))
    assert p.returncode == 0
    hasil = json.loads(p.stdout)
    assert any("catatan" in w for w in hasil["peringatan"])


def test_output_is_utf8_json_with_indonesian_text():
    p = jalankan("hitung", "-", masukan=json.dumps(CONTOH).encode())
    teks = p.stdout.decode("utf-8")
    assert "bukan Penetapan Angka Kredit" in teks or "bukan PAK" in teks


def test_invalid_request_exit_2_with_galat():
    req = {**CONTOH, "penilaian": [{"tahun": 2023, "predikat": "Luar Biasa"}]}
    p = jalankan("hitung", "-", masukan=json.dumps(req).encode())
    assert p.returncode == 2
    hasil = json.loads(p.stdout)
    assert set(hasil) == {"galat"}
    assert hasil["galat"][0]["kolom"] == "penilaian[0].predikat"


@pytest.mark.parametrize("isi", [b"{bukan json", b"", b"\xff\xfe\x00", b"[1, 2", b"NaN-ish"])
def test_non_json_exit_2_with_galat(isi):
    p = jalankan("hitung", "-", masukan=isi)
    assert p.returncode == 2, (p.returncode, p.stdout, p.stderr)
    hasil = json.loads(p.stdout)
    assert set(hasil) == {"galat"}
    assert hasil["galat"][0]["kolom"] == "permintaan"
    assert "JSON" in hasil["galat"][0]["pesan"]


def test_json_that_is_not_an_object_exit_2():
    p = jalankan("hitung", "-", masukan=b"[1, 2, 3]")
    assert p.returncode == 2
    assert json.loads(p.stdout)["galat"][0]["kolom"] == "permintaan"


def test_missing_file_is_reported_in_indonesian(tmp_path):
    p = jalankan("hitung", str(tmp_path / "tidak-ada.json"))
    assert p.returncode == 1
    assert "tidak dapat dibaca: berkas atau foldernya tidak ada." in p.stderr.decode("utf-8")
    assert b"Traceback" not in p.stderr and b"No such file" not in p.stderr
    p = jalankan("hitung", str(tmp_path))                  # a folder: the reason in Indonesian too
    assert p.returncode == 1
    assert "itu folder, bukan berkas" in p.stderr.decode("utf-8")


def test_tabel_prints_the_tables():
    p = jalankan("tabel")
    assert p.returncode == 0
    teks = p.stdout.decode("utf-8")
    for kata in ("Koefisien", "Ahli Pertama", "12,5", "3,75", "37,5", "150%", "Sangat Kurang", "25%",
                 "450", "Penata Tingkat I", "III/d", "Pembina Utama"):
        assert kata in teks, kata
    assert "20*" in teks  # unconfirmed values are marked (Terampil II/c AK Dasar)


@pytest.mark.parametrize("opsi", ["--help", "-h"])
def test_help_in_indonesian(opsi):
    p = jalankan(opsi)
    assert p.returncode == 0
    teks = p.stdout.decode("utf-8")
    for kata in ("Penggunaan", "hitung", "tabel", "masukan standar", "bukan PAK", "Status keluar"):
        assert kata in teks, kata
    assert "usage" not in teks.lower()


def test_unknown_command_is_misuse():
    p = jalankan("hapus")
    assert p.returncode == 1
    assert "tidak dikenal" in p.stderr.decode("utf-8")


@pytest.mark.parametrize("isi,status", [
    # JSON allows \ud800 escapes (a lone surrogate); Python's json.loads accepts them.
    # Not a predikat: refused (2). An unknown field: ignored with a warning, the result stands (0).
    (b'{"jenjang": "ahli_pertama", "golongan": "III/a", "tanggal_hitung": "2025-01-15", '
     b'"penilaian": [{"tahun": 2023, "predikat": "\\ud800"}]}', 2),
    (b'{"jenjang": "ahli_pertama", "golongan": "III/a", "tanggal_hitung": "2025-01-15", "\\udc80": 1}', 0),
])
def test_lone_surrogate_in_json_never_gives_a_traceback(isi, status):
    # BUG B5 (see maintainers/engine-bugs.md): the result echoes the text back and printing it as UTF-8
    # raised UnicodeEncodeError (traceback, exit 1).
    p = jalankan("hitung", "-", masukan=isi)
    assert b"Traceback" not in p.stderr, p.stderr.decode("utf-8", "replace")
    assert p.returncode == status
    assert ("galat" in json.loads(p.stdout)) == (status == 2)


def test_main_in_process_any_json(tmp_path):
    # Arbitrary JSON through the command line's own main(): exit 0 or 2, JSON out, never a traceback.
    import io
    from contextlib import redirect_stdout

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from calculator.__main__ import main
    from strategi import json_value, permintaan_mirip

    berkas = tmp_path / "p.json"

    @given(st.one_of(json_value, permintaan_mirip))
    @settings(max_examples=150, deadline=None)
    def cek(v):
        berkas.write_text(json.dumps(v), "utf-8")
        mentah = io.BytesIO()
        keluar = io.TextIOWrapper(mentah, encoding="utf-8")  # main() may write bytes to .buffer
        with redirect_stdout(keluar):
            kode = main(["hitung", str(berkas)])
        keluar.flush()
        hasil = json.loads(mentah.getvalue().decode("utf-8"))
        assert kode == (2 if "galat" in hasil else 0)

    cek()


@pytest.mark.parametrize("isi,kolom_galat", [
    (b"[" * 100_000 + b"]" * 100_000, "permintaan"),  # deeper than Python's recursion limit
    (b'{"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": ' + b"9" * 5000 + b"}", "ak_awal"),
    (b'{"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 0.' + b"9" * 5000 + b"}", "ak_awal"),
])
def test_hostile_json_exits_2_with_galat_never_a_traceback(isi, kolom_galat):
    p = jalankan("hitung", "-", masukan=isi)
    assert p.returncode == 2, p.stderr
    assert b"Traceback" not in p.stderr
    hasil = json.loads(p.stdout)
    assert [g["kolom"] for g in hasil["galat"]] == [kolom_galat]

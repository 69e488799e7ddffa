"""The guide's numbers come from the engine: the build hook, and the built pages against it."""
from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest

from calculator import hitung
from calculator.angka import teks
from calculator.tabel import TANDA_BELUM_DIKONFIRMASI, daftar_tabel
from hooks import engine_render as render
from fractions import Fraction

ROOT = Path(__file__).resolve().parents[2]

CONTOH = {"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0,
          "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"},
                        {"mulai": "2024-01", "selesai": "2024-02", "predikat": "Baik"}]}


def test_nilai_dari_data_aturan():
    assert render.render_nilai("koefisien.ahli_pertama", "x") == "12,5"
    assert render.render_nilai("koefisien.pemula", "x") == "3,75"
    assert render.render_nilai("persentase.cukup", "x") == "75%"
    assert render.render_nilai("akk_jenjang.ahli_madya", "x") == "450"
    assert render.render_nilai("ak_dasar.III/d", "x") == "100"
    assert render.render_nilai("pangkat.III/d", "x") == "Penata Tingkat I"


def test_nilai_belum_dikonfirmasi_diberi_tanda():
    assert "belum-dikonfirmasi" in render.render_nilai("ak_dasar.terampil.II/c", "x")
    assert "belum-dikonfirmasi" not in render.render_nilai("ak_dasar.ahli_muda.III/d", "x")


def test_nilai_tak_dikenal_menghentikan_build():
    from mkdocs.exceptions import PluginError
    with pytest.raises(PluginError, match="tidak dikenal"):
        render.render_nilai("koefisien.camat", "halaman.md")


def test_blok_hitung_tidak_sah_menghentikan_build():
    from mkdocs.exceptions import PluginError
    with pytest.raises(PluginError, match="Penilaian ke-1, predikat"):
        render.render_contoh({**CONTOH, "penilaian": [{"tahun": 2023, "predikat": "Luar Biasa"}]}, "angka-kredit/", "a.md")


def test_contoh_menampilkan_rumus_dan_tautan_berbagi():
    md = render.render_contoh(CONTOH, "angka-kredit/", "a.md")
    assert "2/12 x 100% x 12,5 = **2,08** |" in md
    assert "= 20,83**" in md
    kode = re.search(r'href="\.\./kalkulator/#s=([A-Za-z0-9_-]+)"', md).group(1)
    assert "=" not in kode
    # The link carries the example's calculation date, so the calculator shows the same numbers.
    assert json.loads(base64.urlsafe_b64decode(kode + "=" * (-len(kode) % 4))) == {**CONTOH, "tanggal_hitung": "2026-12-01"}


def test_contoh_tanpa_tanggal_dihitung_pada_tanggal_contoh():
    # Issue 8: a worked example sets its calculation date (tanggal_contoh in the rules data when it
    # has none), so a build next year prints the same numbers.
    from calculator.rules import muat
    md = render.render_contoh(CONTOH, "angka-kredit/", "a.md")
    assert muat().tanggal_contoh.isoformat() == "2026-12-01"
    assert "dihitung pada 1 Desember 2026" in md
    md = render.render_contoh({**CONTOH, "tanggal_hitung": "2025-03-03"}, "angka-kredit/", "a.md")
    assert "dihitung pada 3 Maret 2025" in md


def test_hasil_inline():
    data = json.dumps(CONTOH)
    assert render.render_hasil(data, "ak_kumulatif", "x") == "20,83"
    assert render.render_hasil(data, "rincian.1.rumus", "x") == "2/12 x 100% x 12,5 = 2,08"
    assert render.render_hasil(data, "kenaikan_pangkat.kekurangan", "x") == "29,17"


def test_tabel_markdown_sama_dengan_data():
    for nama, tabel in daftar_tabel().items():
        md = render.render_tabel(nama, "x")
        for baris in tabel.baris:
            assert baris[0].replace("|", "\\|") in md


def _sel(teks_html: str) -> str:
    return re.sub(r"<[^>]+>", "", teks_html).replace("&amp;", "&").strip()


def test_tabel_di_halaman_sama_dengan_data_aturan(built_site):
    """Every rules table on every built page equals the rules data, cell by cell."""
    tabel_data = daftar_tabel()
    ditemukan = 0
    for html in built_site.rglob("*.html"):
        isi = html.read_text("utf-8")
        for m in re.finditer(r'<div class="tabel-aturan" data-tabel="([a-z_]+)">(.*?)</table>', isi, re.S):
            ditemukan += 1
            tabel = tabel_data[m.group(1)]
            baris_html = re.findall(r"<tr>(.*?)</tr>", m.group(2), re.S)[1:]
            sel = [[_sel(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", b, re.S)] for b in baris_html]
            assert sel == tabel.baris, f"{html}: tabel {m.group(1)} berbeda dari data aturan"
    assert ditemukan >= 3, "halaman panduan seharusnya memuat tabel aturan dari data"


def test_contoh_di_halaman_sama_dengan_mesin(built_site):
    """Every worked example on the built site shows the engine's total for its own share link."""
    jumlah = 0
    for html in built_site.rglob("*.html"):
        isi = html.read_text("utf-8")
        for blok in re.findall(r'<div class="ak-contoh">(.*?)Buka di kalkulator', isi, re.S):
            kode = re.search(r"#s=([A-Za-z0-9_-]+)", blok).group(1)
            permintaan = json.loads(base64.urlsafe_b64decode(kode + "=" * (-len(kode) % 4)))
            hasil = hitung(permintaan)
            assert "galat" not in hasil
            total = teks(Fraction(str(hasil["ak_kumulatif"])), hasil["desimal"])
            assert f"= {total}</strong>" in blok, f"{html}: total {total} tidak tampil"
            for r in hasil["rincian"]:
                assert teks(Fraction(str(r["ak"])), hasil["desimal"]) in blok
            jumlah += 1
    assert jumlah >= 5


ANGKA_TANGAN = re.compile(r"(?<![\w/.\-\[])\d+,\d+(?![\w/])|(?<![\w\[])\d+ ?%")


def test_tidak_ada_angka_aturan_diketik_tangan():
    """A decimal AK figure or a percentage typed in a page is a bug: use the hook's syntax."""
    temuan = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        if "includes" in md.parts:
            continue
        teks_md = md.read_text("utf-8")
        teks_md = re.sub(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1", "", teks_md, flags=re.S | re.M)  # fenced blocks
        teks_md = re.sub(r"\[\[[^\]]*\]\]", "", teks_md)
        teks_md = re.sub(r'placeholder="[^"]*"', "", teks_md)  # an input's example, not a rule
        teks_md = re.sub(r"`[^`\n]*`", "", teks_md)  # how to type a number, shown as code, not a figure
        for n, baris in enumerate(teks_md.splitlines(), 1):
            for m in ANGKA_TANGAN.finditer(baris):
                temuan.append(f"{md.relative_to(ROOT)}:{n}: {m.group(0)!r} in {baris.strip()[:90]!r}")
    assert not temuan, "Angka diketik tangan (pakai [[nilai]], [[hasil]] atau ```hitung):\n" + "\n".join(temuan)

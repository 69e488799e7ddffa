"""Helpers for the Cek massal tests: generated spreadsheets and the AK they must give, worked out
from the regulation's tables (PermenPANRB 1/2023 Lampiran; maintainers/aturan-angka-kredit.md
section 3), never from calculator.hitung."""
from __future__ import annotations

import csv
import io
import random
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction as F

TANGGAL_HITUNG = "2026-12-01"

# Koefisien AK tahunan per jenjang (Lampiran PermenPANRB 1/2023).
KOEFISIEN = {"pemula": F("3.75"), "terampil": F(5), "mahir": F("12.5"), "penyelia": F(25),
             "ahli_pertama": F("12.5"), "ahli_muda": F(25), "ahli_madya": F("37.5"), "ahli_utama": F(50)}
# Persentase per predikat (Pasal 37 ayat (1)).
PERSEN = {"sangat baik": F(3, 2), "baik": F(1), "cukup": F(3, 4), "butuh perbaikan": F(3, 4),
          "kurang": F(1, 2), "sangat kurang": F(1, 4)}
# Golongan ruang per jenjang (Lampiran).
GOLONGAN = {"pemula": ["II/a"], "terampil": ["II/b", "II/c", "II/d"], "mahir": ["III/a", "III/b"],
            "penyelia": ["III/c", "III/d"], "ahli_pertama": ["III/a", "III/b"], "ahli_muda": ["III/c", "III/d"],
            "ahli_madya": ["IV/a", "IV/b", "IV/c"], "ahli_utama": ["IV/d", "IV/e"]}
NAMA_JENJANG = {"pemula": "Pemula", "terampil": "Terampil", "mahir": "Mahir", "penyelia": "Penyelia",
                "ahli_pertama": "Ahli Pertama", "ahli_muda": "Ahli Muda", "ahli_madya": "Ahli Madya",
                "ahli_utama": "Ahli Utama"}
# Nilai dasar for AK integrasi (BKN; rujukan section 5): AK integrasi = AK konvensional - nilai dasar.
NILAI_DASAR = {"ahli_pertama": F(100), "ahli_muda": F(200), "ahli_madya": F(400), "ahli_utama": F(850)}


def ak_periode(jenjang: str, bulan: int, predikat: str) -> F:
    """AK = bulan/12 x persentase x koefisien (Pasal 37 ayat (1) and (4))."""
    return F(bulan, 12) * PERSEN[" ".join(predikat.split()).casefold()] * KOEFISIEN[jenjang]


def bulat(nilai: F, desimal: int = 2) -> Decimal:
    """Half-up, as the site states its rounding."""
    d = Decimal(nilai.numerator) / Decimal(nilai.denominator)
    return d.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def angka_sel(teks: str) -> Decimal:
    """A number cell of a semicolon CSV (decimal comma) or a comma CSV."""
    return Decimal(teks.replace(",", "."))


def baca_csv(data: bytes) -> tuple[list[str], list[dict]]:
    teks = data.decode("utf-8-sig")
    pemisah = ";" if teks.split("\n", 1)[0].count(";") > teks.split("\n", 1)[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def buat_baris(n: int, seed: int = 12) -> tuple[list[list[str]], list[F]]:
    """n officials with random jenjang, golongan, AK (with decimal commas) and predikat for
    2023-2025 as people write them; returns (rows incl. header, expected exact ak_kumulatif)."""
    rnd = random.Random(seed)
    judul = ["nip", "nama", "jenjang", "golongan", "ak_awal", "tmt_golongan", "tmt_jenjang",
             "predikat_2023", "predikat_2024", "predikat_2025", "unit_kerja"]
    rows, expected = [judul], []
    label = ["Sangat Baik", "Baik", "baik", "Cukup", "Butuh Perbaikan", "Kurang", "Sangat Kurang", "BAIK", "sangat  baik", ""]
    for i in range(n):
        jenjang = rnd.choice(list(KOEFISIEN))
        gol = rnd.choice(GOLONGAN[jenjang])
        awal = F(rnd.randint(0, 40000), 100)  # 0..400 with two decimals
        awal_teks = f"{awal.numerator // awal.denominator}" if awal.denominator == 1 else str(bulat(awal)).replace(".", ",")
        pred = [rnd.choice(label) for _ in range(3)]
        total = awal + sum((ak_periode(jenjang, 12, p) for p in pred if p), F(0))
        nip_i = str(197001012000010000 + i)
        rows.append([nip_i, f"Pegawai {i}", NAMA_JENJANG[jenjang], gol, awal_teks,
                     f"{2019 + i % 5}-{(i % 12) + 1:02d}-01", f"0{1 + i % 9}/0{1 + i % 9}/2020",
                     *pred, f"Unit {i % 7}"])
        expected.append(total)
    return rows, expected


def ke_csv(rows: list[list[str]], pemisah: str = ";", bom: bool = True) -> bytes:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=pemisah, lineterminator="\r\n").writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8")

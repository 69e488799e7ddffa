"""Hypothesis strategies for engine requests (tests/engine only)."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import strategies as st

JENJANG = {
    "pemula": ["II/a"], "terampil": ["II/b", "II/c", "II/d"], "mahir": ["III/a", "III/b"],
    "penyelia": ["III/c", "III/d"], "ahli_pertama": ["III/a", "III/b"], "ahli_muda": ["III/c", "III/d"],
    "ahli_madya": ["IV/a", "IV/b", "IV/c"], "ahli_utama": ["IV/d", "IV/e"],
}
KOEFISIEN = {"pemula": Fraction(15, 4), "terampil": Fraction(5), "mahir": Fraction(25, 2), "penyelia": Fraction(25),
             "ahli_pertama": Fraction(25, 2), "ahli_muda": Fraction(25), "ahli_madya": Fraction(75, 2),
             "ahli_utama": Fraction(50)}
PERSEN = {"Sangat Baik": 150, "Baik": 100, "Cukup": 75, "Butuh Perbaikan": 75, "Kurang": 50, "Sangat Kurang": 25}
PREDIKAT = ["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]  # best first
AWAL = 2023 * 12  # month index of 2023-01
TANGGAL_HITUNG = "2031-01-15"
AKHIR = 2030 * 12 + 11  # 2030-12, last month a period may use


def bulan(i: int) -> str:
    return f"{i // 12:04d}-{i % 12 + 1:02d}"


jenjang_golongan = st.sampled_from(sorted(JENJANG)).flatmap(
    lambda j: st.tuples(st.just(j), st.sampled_from(JENJANG[j])))

# AK as a decimal with at most 3 places (how PAK figures are written).
ak = st.integers(min_value=0, max_value=600_000).map(lambda n: n / 1000)


@st.composite
def penilaian(draw, max_periode: int = 6):
    """Non-overlapping rated periods (YYYY-MM ranges) from 2023-01 onwards, in random order."""
    n = draw(st.integers(0, max_periode))
    hasil, awal = [], AWAL + draw(st.integers(0, 6))
    for _ in range(n):
        panjang = draw(st.integers(1, 14))
        if awal + panjang - 1 > AKHIR:
            break
        hasil.append({"mulai": bulan(awal), "selesai": bulan(awal + panjang - 1),
                      "predikat": draw(st.sampled_from(list(PERSEN)))})
        awal += panjang + draw(st.integers(0, 3))
    return draw(st.permutations(hasil))


tanggal = st.dates(min_value=dt.date(2015, 1, 1),
                   max_value=dt.date(2031, 1, 15)).map(lambda d: d.isoformat())


@st.composite
def permintaan_sah(draw):
    jenjang, golongan = draw(jenjang_golongan)
    req = {"jenjang": jenjang, "golongan": golongan, "penilaian": draw(penilaian()),
           "tanggal_hitung": TANGGAL_HITUNG}
    if draw(st.booleans()):
        req["ak_awal"] = draw(ak)
    if draw(st.booleans()):
        req["proyeksi"] = {"predikat": draw(st.sampled_from(PREDIKAT))}
    if draw(st.booleans()):
        req["desimal"] = draw(st.integers(0, 4))
    for kolom in ("tmt_golongan", "tmt_jenjang"):
        if draw(st.booleans()):
            req[kolom] = draw(tanggal)
    for kolom in ("uji_kompetensi", "formasi_tersedia", "pengembangan_profesi", "hukuman_disiplin"):
        if draw(st.booleans()):
            req[kolom] = draw(st.booleans())
    return req


json_scalar = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) \
    | st.text(max_size=20)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)

# Values that look almost right: real codes, dates and months, with typos and wrong types.
nilai_mirip = st.one_of(
    json_value,
    st.sampled_from(sorted(JENJANG) + ["II/a", "III/b", "IV/e", "V/a", "iii/B", " IV / c ", ""]),
    st.sampled_from(PREDIKAT + ["baik ", "BUTUH  perbaikan", "Istimewa", "sangat-baik"]),
    st.sampled_from(["2023-01", "2023-13", "2022-12", "2024-00", "2023-02-30", "2024-02-29", "2023-1",
                     "2100-12", "9999-01", "2024-06-01", "0000-00-00", "2031-02-01"]),
    st.integers(-10, 3000), st.floats(), st.sampled_from([1e308, -0.0, 10001, 10000, 2 ** 70]),
)
KOLOM = ["jenjang", "golongan", "ak_awal", "ak_konvensional", "tanggal_pak", "penilaian", "tmt_golongan",
         "tmt_jenjang", "proyeksi", "desimal", "pendidikan", "uji_kompetensi", "formasi_tersedia",
         "pengembangan_profesi", "hukuman_disiplin", "tanggal_hitung"]
periode_mirip = st.dictionaries(st.sampled_from(["tahun", "mulai", "selesai", "predikat", "x"]), nilai_mirip, max_size=4)
permintaan_mirip = st.fixed_dictionaries(
    {},
    optional={k: (st.lists(st.one_of(periode_mirip, json_value), max_size=4) if k == "penilaian"
                  else st.one_of(nilai_mirip, st.dictionaries(st.sampled_from(["predikat", "mulai", "tanggal"]), nilai_mirip, max_size=2)))
              for k in KOLOM},
)

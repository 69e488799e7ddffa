"""Invalid input of every kind returns galat with the field path and an Indonesian message that
says what is allowed; unknown fields only warn; predikat labels ignore case and spacing."""
from __future__ import annotations

import pytest

from calculator import hitung

from bantu import galat, kolom, sukses

DASAR = {"jenjang": "ahli_pertama", "golongan": "III/a"}
BAIK = {"tahun": 2023, "predikat": "Baik"}
SEMUA_PREDIKAT = ["Sangat Baik", "Baik", "Cukup", "Butuh Perbaikan", "Kurang", "Sangat Kurang"]

# (label, request overrides, expected kolom, words the message must contain)
KASUS = [
    # wrong types
    ("jenjang angka", {"jenjang": 5}, "jenjang", ["ahli_pertama", "pemula"]),
    ("golongan angka", {"golongan": 3}, "golongan", ["III/a"]),
    ("ak_awal teks", {"ak_awal": "dua belas"}, "ak_awal", ["angka", "1.050,5"]),
    ("ak_awal dua koma", {"ak_awal": "12,5,5"}, "ak_awal", ["1.050,5"]),
    ("ak_awal teks panjang", {"ak_awal": "1" * 70}, "ak_awal", ["terlalu panjang"]),
    ("ak_awal bool", {"ak_awal": True}, "ak_awal", ["angka"]),
    ("ak_awal list", {"ak_awal": [1]}, "ak_awal", ["angka"]),
    ("ak_konvensional teks", {"ak_konvensional": "lima ratus"}, "ak_konvensional", ["angka"]),
    ("penilaian objek", {"penilaian": {"tahun": 2023}}, "penilaian", ["daftar"]),
    ("periode bukan objek", {"penilaian": ["2023"]}, "penilaian[0]", ["tahun", "predikat"]),
    ("tahun teks", {"penilaian": [{"tahun": "dua ribu", "predikat": "Baik"}]}, "penilaian[0].tahun", ["empat angka", "2023"]),
    ("mulai angka", {"penilaian": [{"mulai": 202301, "selesai": "2023-02", "predikat": "Baik"}]},
     "penilaian[0].mulai", ["TTTT-BB"]),
    ("predikat angka", {"penilaian": [{"tahun": 2023, "predikat": 100}]}, "penilaian[0].predikat", SEMUA_PREDIKAT),
    ("desimal float", {"desimal": 2.5}, "desimal", ["0 sampai 4"]),
    ("desimal teks", {"desimal": "dua"}, "desimal", ["0 sampai 4"]),
    ("tmt angka", {"tmt_golongan": 20230401}, "tmt_golongan", ["TTTT-BB-HH"]),
    ("fakta teks", {"uji_kompetensi": "ya"}, "uji_kompetensi", ["true", "false"]),
    ("formasi angka", {"formasi_tersedia": 1}, "formasi_tersedia", ["true", "false"]),
    ("proyeksi teks", {"proyeksi": "Baik"}, "proyeksi", ["predikat"]),
    ("pendidikan teks", {"pendidikan": "2024-07-01"}, "pendidikan", ["tanggal"]),
    # unknown values
    ("jenjang asing", {"jenjang": "ahli_super"}, "jenjang", ["ahli_pertama", "ahli_utama", "pemula", "penyelia"]),
    ("golongan asing", {"golongan": "V/a"}, "golongan", ["III/a", "IV/e"]),
    ("predikat asing", {"penilaian": [{"tahun": 2023, "predikat": "Luar Biasa"}]}, "penilaian[0].predikat", SEMUA_PREDIKAT),
    ("predikat kosong", {"penilaian": [{"tahun": 2023, "predikat": "  "}]}, "penilaian[0].predikat", SEMUA_PREDIKAT),
    ("predikat hilang", {"penilaian": [{"tahun": 2023}]}, "penilaian[0].predikat", SEMUA_PREDIKAT),
    ("proyeksi predikat asing", {"proyeksi": {"predikat": "Istimewa"}}, "proyeksi.predikat", SEMUA_PREDIKAT),
    # impossible dates and months
    ("tanggal 30 Februari", {"tmt_golongan": "2023-02-30"}, "tmt_golongan", ["TTTT-BB-HH"]),
    ("tanggal 29 Feb bukan kabisat", {"tmt_jenjang": "2023-02-29"}, "tmt_jenjang", ["TTTT-BB-HH"]),
    ("tanggal format salah", {"tmt_golongan": "01-04-2023"}, "tmt_golongan", ["TTTT-BB-HH"]),
    ("tanggal_pak mustahil", {"ak_awal": 10, "tanggal_pak": "2024-04-31"}, "tanggal_pak", ["TTTT-BB-HH"]),
    ("pendidikan tanggal mustahil", {"pendidikan": {"tanggal": "2024-13-01"}}, "pendidikan.tanggal", ["TTTT-BB-HH"]),
    ("tanggal_hitung mustahil", {"tanggal_hitung": "2025-02-30"}, "tanggal_hitung", ["TTTT-BB-HH"]),
    ("bulan 13", {"penilaian": [{"mulai": "2023-13", "selesai": "2024-01", "predikat": "Baik"}]},
     "penilaian[0].mulai", ["01 sampai 12"]),
    ("bulan 00", {"penilaian": [{"mulai": "2023-01", "selesai": "2023-00", "predikat": "Baik"}]},
     "penilaian[0].selesai", ["01 sampai 12"]),
    ("bulan satu digit", {"penilaian": [{"mulai": "2023-1", "selesai": "2023-02", "predikat": "Baik"}]},
     "penilaian[0].mulai", ["TTTT-BB"]),
    ("proyeksi mulai 13", {"proyeksi": {"predikat": "Baik", "mulai": "2025-13"}}, "proyeksi.mulai", ["01 sampai 12"]),
    ("selesai hilang", {"penilaian": [{"mulai": "2023-01", "predikat": "Baik"}]}, "penilaian[0].selesai", ["TTTT-BB"]),
    ("periode tanpa waktu", {"penilaian": [{"predikat": "Baik"}]}, "penilaian[0]", ["tahun", "mulai", "selesai"]),
    # reversed and overlapping periods
    ("periode terbalik", {"penilaian": [{"mulai": "2023-05", "selesai": "2023-03", "predikat": "Baik"}]},
     "penilaian[0].selesai", ["sebelum", "Mei 2023"]),
    ("tumpang tindih", {"penilaian": [BAIK, {"mulai": "2023-12", "selesai": "2024-03", "predikat": "Baik"}]},
     "penilaian[1]", ["tumpang tindih", "Desember 2023", "sekali"]),
    ("tahun ganda", {"penilaian": [BAIK, {"tahun": 2023, "predikat": "Sangat Baik"}]}, "penilaian[1]", ["tumpang tindih"]),
    # text bounded before any pattern runs (a 60 KB golongan once took 44 s)
    ("golongan sangat panjang", {"golongan": "III/a" + " " * 60_000}, "golongan", ["terlalu panjang"]),
    ("jenjang sangat panjang", {"jenjang": " " * 150_000}, "jenjang", ["jenjang"]),
    ("nip bukan 18 angka", {"nip": "1985"}, "nip", ["18 angka"]),
    # negative and huge values
    ("ak_awal negatif", {"ak_awal": -0.5}, "ak_awal", ["negatif"]),
    ("ak_konvensional negatif", {"ak_konvensional": -1}, "ak_konvensional", ["negatif"]),
    ("ak_awal raksasa", {"ak_awal": 10 ** 30}, "ak_awal", ["terlalu besar", "10.000"]),
    ("ak_awal 1e308", {"ak_awal": 1e308}, "ak_awal", ["terlalu besar"]),
    ("ak_awal tak hingga", {"ak_awal": float("inf")}, "ak_awal", ["angka"]),
    ("ak_awal NaN", {"ak_awal": float("nan")}, "ak_awal", ["angka"]),
    ("tahun raksasa", {"penilaian": [{"tahun": 10 ** 30, "predikat": "Baik"}]}, "penilaian[0].tahun", ["2100"]),
    ("bulan raksasa", {"penilaian": [{"mulai": "9999-01", "selesai": "9999-02", "predikat": "Baik"}]},
     "penilaian[0].mulai", ["2100"]),
    ("ak_awal 5 desimal", {"ak_awal": 12.34567}, "ak_awal", ["4 angka di belakang koma"]),
    ("ak_konvensional 6 desimal", {"ak_konvensional": 550.123456}, "ak_konvensional", ["4 angka di belakang koma"]),
    ("desimal besar", {"desimal": 100}, "desimal", ["0 sampai 4"]),
    ("desimal negatif", {"desimal": -1}, "desimal", ["0 sampai 4"]),
    ("terlalu banyak periode", {"penilaian": [BAIK] * 1000}, "penilaian", ["paling banyak"]),
    # periods before 2023 (PermenPANRB 1/2023: konversi from 1 January 2023)
    ("tahun 2022", {"penilaian": [{"tahun": 2022, "predikat": "Baik"}]}, "penilaian[0]", ["Januari 2023", "AK dari PAK terakhir", "AK konvensional"]),
    ("rentang mulai 2022", {"penilaian": [{"mulai": "2022-12", "selesai": "2023-02", "predikat": "Baik"}]},
     "penilaian[0]", ["Januari 2023"]),
    ("proyeksi sebelum 2023", {"proyeksi": {"predikat": "Baik", "mulai": "2022-06"}}, "proyeksi.mulai", ["Januari 2023"]),
    # both tahun and mulai
    ("tahun dan mulai", {"penilaian": [{"tahun": 2023, "mulai": "2023-01", "selesai": "2023-12", "predikat": "Baik"}]},
     "penilaian[0]", ["tahun", "mulai", "jangan keduanya"]),
    ("tahun dan selesai", {"penilaian": [{"tahun": 2023, "selesai": "2023-12", "predikat": "Baik"}]},
     "penilaian[0]", ["jangan keduanya"]),
    # two sources of the starting AK
    ("ak_awal dan ak_konvensional", {"ak_awal": 10, "ak_konvensional": 300}, "ak_konvensional", ["AK dari PAK terakhir", "salah satu saja"]),
    # dates after the day of the calculation
    ("tmt di masa depan", {"tmt_golongan": "2026-01-01"}, "tmt_golongan", ["tidak boleh sesudah"]),
]


@pytest.mark.parametrize("label,ubah,kolom_galat,kata", KASUS, ids=[k[0] for k in KASUS])
def test_invalid_input_galat(label, ubah, kolom_galat, kata):
    daftar = galat({**DASAR, **ubah})
    cocok = [g for g in daftar if g["kolom"] == kolom_galat]
    assert cocok, f"{label}: galat for {kolom(daftar)}, expected {kolom_galat}"
    pesan = " ".join(g["pesan"] for g in cocok)
    for k in kata:
        assert k in pesan, f"{label}: {k!r} not in {pesan!r}"


@pytest.mark.parametrize("v", [None, [], "teks", 12, True, [DASAR]])
def test_request_not_an_object(v):
    daftar = galat(v, tanggal=None)
    assert kolom(daftar) == ["permintaan"]
    assert "objek" in daftar[0]["pesan"]


def test_missing_jenjang_and_golongan_both_reported():
    daftar = galat({})
    assert {"jenjang", "golongan"} <= set(kolom(daftar))


def test_all_errors_reported_at_once():
    daftar = galat({"jenjang": "ahli_pertama", "golongan": "V/a", "ak_awal": -1,
                    "penilaian": [{"tahun": 2023, "predikat": "Hebat"}, {"mulai": "2024-13", "selesai": "2024-12", "predikat": "Baik"}]})
    assert {"golongan", "ak_awal", "penilaian[0].predikat", "penilaian[1].mulai"} <= set(kolom(daftar))


def test_galat_names_the_field_as_the_form_labels_it():
    daftar = galat({**DASAR, "ak_awal": "abc", "penilaian": [{"tahun": 2023, "predikat": "Hebat"}]})
    label = {g["kolom"]: g["label"] for g in daftar}
    assert label == {"ak_awal": "AK dari PAK terakhir", "penilaian[0].predikat": "Penilaian ke-1, predikat"}
    assert all(g["pesan"].startswith(g["label"] + ": ") for g in daftar)
    assert not any("ak_awal" in g["pesan"] or "penilaian[0]" in g["pesan"] for g in daftar)


@pytest.mark.parametrize("teks,harap", [
    ("1.050,5", "1050.5"), ("1050,5", "1050.5"), ("1050.5", "1050.5"), ("25,75", "25.75"), ("1.050", "1050"),
    (" 212,5 ", "212.5"), ("0", "0"), ("1,050.5", "1050.5"),
])
def test_numbers_as_people_type_them(teks, harap):
    # One place reads typed numbers: the Indonesian thousands dot is not a decimal point.
    from fractions import Fraction
    r = sukses({**DASAR, "ak_konvensional": teks} if Fraction(harap) >= 100 else {**DASAR, "ak_awal": teks})
    if Fraction(harap) >= 100:
        assert Fraction(str(r["integrasi"]["ak_konvensional"])) == Fraction(harap)
    else:
        assert Fraction(str(r["ak_awal"])) == Fraction(harap)


def test_the_spellings_of_a_quiz_answer():
    # The trainer quiz compares typed text with these; each must read back as the same number.
    from fractions import Fraction
    from calculator.angka import ejaan
    e = ejaan(Fraction("18.75"))
    assert {"18,75", "18.75", "18,750", "18,7500"} <= set(e)
    assert "18.750" not in e and "1875" not in e and "18,8" not in e  # 18.750 is eighteen thousand
    e = ejaan(Fraction("1050.5"))
    assert {"1.050,5", "1050,5", "1050.5", "1,050.5", "1.050,50"} <= set(e)
    assert "1.050.5" not in e and "1,050" not in e
    e = ejaan(Fraction(12))
    assert {"12", "12,0", "12.00"} <= set(e) and "12.000" not in e


@pytest.mark.parametrize("jenjang,golongan,situasi", [
    ("ahli_muda", "III/b", "golongan_di_bawah"), ("ahli_madya", "III/d", "golongan_di_bawah"),
    ("ahli_pertama", "IV/a", "golongan_di_atas"), ("pemula", "II/b", "golongan_di_atas"),
    ("terampil", "III/a", "golongan_di_atas"),
])
def test_golongan_outside_the_jenjang_is_valid(jenjang, golongan, situasi):
    # PermenPANRB 17/2021: penyetaraan "tanpa memperhatikan jenjang pangkat". Ranges: Lampiran
    # PermenPANRB 1/2023 (Ahli Muda III/c-III/d, Ahli Madya IV/a-IV/c, Ahli Pertama III/a-III/b,
    # Pemula II/a, Terampil II/b-II/d).
    r = sukses({"jenjang": jenjang, "golongan": golongan, "ak_awal": 0})
    assert r["profil"]["golongan"] == golongan and r["profil"]["golongan_dalam_rentang"] is False
    assert r["ringkasan"]["situasi"]["kode"] == situasi


@pytest.mark.parametrize("label,ubah,kolom_galat,kata", KASUS, ids=[k[0] for k in KASUS])
def test_messages_are_indonesian(label, ubah, kolom_galat, kata):
    # No English machinery words leak into the message a reader sees.
    for g in galat({**DASAR, **ubah}):
        teks = g["pesan"].lower()
        for kata_inggris in ("error", "invalid", "must", "traceback", "exception", "none", "null value", "expected"):
            assert kata_inggris not in teks, g


# -- not errors --------------------------------------------------------------------------------

@pytest.mark.parametrize("ubah,nama", [
    ({"foo": 1}, "foo"),
    ({"versi_tautan": "2"}, "versi_tautan"),
    ({"penilaian": [{"tahun": 2023, "predikat": "Baik", "catatan": "SKP"}]}, "penilaian[0].catatan"),
    ({"proyeksi": {"predikat": "Baik", "sampai": "2030-01"}}, "proyeksi.sampai"),
])
def test_unknown_field_is_a_warning_not_an_error(ubah, nama):
    r = sukses({**DASAR, "ak_awal": 0, **ubah})
    assert any(nama in p for p in r["peringatan"]), r["peringatan"]


@pytest.mark.parametrize("label,persen", [
    ("  sangat   BAIK", 150), ("sangat baik", 150), ("SANGAT BAIK", 150), ("Baik ", 100), ("\tbaik\n", 100),
    ("butuh perbaikan", 75), ("Butuh  Perbaikan", 75), ("CUKUP", 75), ("kurang", 50), ("Sangat kurang", 25),
])
def test_predikat_labels_ignore_case_and_spacing(label, persen):
    r = sukses({**DASAR, "ak_awal": 0, "penilaian": [{"tahun": 2023, "predikat": label}]})
    assert r["rincian"][0]["persentase"] == persen


@pytest.mark.parametrize("nilai,kode", [("iii/a", "III/a"), (" III/a ", "III/a"), ("III / b", "III/b")])
def test_golongan_spelling_is_forgiven(nilai, kode):
    r = sukses({"jenjang": "ahli_pertama", "golongan": nilai, "ak_awal": 0})
    assert r["profil"]["golongan"] == kode


def test_jenjang_spelling_is_forgiven():
    r = sukses({"jenjang": "Ahli Pertama", "golongan": "III/a", "ak_awal": 0})
    assert r["profil"]["jenjang"] == "ahli_pertama"


def test_null_optional_fields_are_absent_fields():
    r = sukses({**DASAR, "ak_awal": None, "tmt_golongan": None, "proyeksi": None, "desimal": None,
                "uji_kompetensi": None, "penilaian": None})
    assert r["ak_awal"] == 0 and r["ak_awal_sumber"] == "ak_dasar"
    assert r["desimal"] == 2


def test_boundary_values_accepted():
    r = sukses({**DASAR, "ak_awal": 10000, "desimal": 4})
    assert r["ak_kumulatif"] == 10000
    r = sukses({**DASAR, "ak_awal": 0.0001, "desimal": 4})
    assert r["ak_awal"] == 0.0001
    r = sukses({**DASAR, "ak_awal": 0, "penilaian": [{"mulai": "2023-01", "selesai": "2023-01", "predikat": "Baik"}]})
    assert r["rincian"][0]["bulan"] == 1


def test_leap_day_accepted():
    r = sukses({**DASAR, "ak_awal": 0, "tmt_golongan": "2024-02-29"})
    assert "galat" not in r


def test_hitung_does_not_mutate_the_request():
    req = {**DASAR, "ak_awal": 1, "penilaian": [{"tahun": 2023, "predikat": " baik "}], "tanggal_hitung": "2025-01-15"}
    salinan = {**req, "penilaian": [dict(req["penilaian"][0])]}
    hitung(req)
    assert req == salinan


def test_tanggal_hitung_is_used_and_echoed():
    r = sukses({**DASAR, "ak_awal": 0}, tanggal="2024-06-30")
    assert r["profil"]["tanggal_hitung"] == "2024-06-30"


def test_tanggal_hitung_defaults_to_today():
    import datetime as dt

    sebelum = dt.date.today().isoformat()
    r = hitung({**DASAR, "ak_awal": 0})
    assert r["profil"]["tanggal_hitung"] in (sebelum, dt.date.today().isoformat())


@pytest.mark.parametrize("nilai", [True, False])
def test_desimal_bool_is_not_a_number(nilai):
    assert "desimal" in kolom(galat({**DASAR, "desimal": nilai}))


def test_months_before_the_pak_add_no_ak():
    # Rules reference section 6: months before the PAK's month are inside its AK. PAK of
    # 31 January 2024 with 20: 2023 adds nothing, 2024 (Baik, Ahli Pertama 12,5) adds 12,5.
    r = sukses({**DASAR, "ak_awal": 20, "tanggal_pak": "2024-01-31",
                "penilaian": [{"tahun": 2023, "predikat": "Baik"}, {"tahun": 2024, "predikat": "Baik"}]})
    assert r["ak_kumulatif"] == 32.5
    assert [b["dihitung"] for b in r["rincian"]] == [False, True]
    assert r["rincian"][0]["ak"] == 0 and "PAK" in r["rincian"][0]["keterangan"]


def test_unfinished_period_warns_estimate():
    r = sukses({**DASAR, "ak_awal": 0, "penilaian": [{"tahun": 2025, "predikat": "Baik"}]}, tanggal="2025-06-15")
    assert any("belum selesai" in p for p in r["peringatan"])
    r = sukses({**DASAR, "ak_awal": 0, "penilaian": [{"tahun": 2024, "predikat": "Baik"}]}, tanggal="2025-06-15")
    assert not any("belum selesai" in p for p in r["peringatan"])


def test_the_result_says_when_and_with_which_rules_in_words():
    # The printed sheet carries this line: a date a reader can read, never 2026-07-01.
    import tomllib
    from pathlib import Path
    sumber = tomllib.loads((Path(__file__).resolve().parents[2] / "calculator" / "data" / "sumber.toml")
                           .read_text(encoding="utf-8"))
    bulan = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
    versi = sumber["versi"].split("-")
    diperiksa = sumber["diperiksa_sampai"]
    r = sukses({**DASAR, "tanggal_hitung": "2026-07-01"})
    assert r["dihitung_teks"] == (
        f"Dihitung pada 1 Juli 2026 dengan data aturan versi {int(versi[2])} {bulan[int(versi[1]) - 1]} "
        f"{versi[0]}; sumber diperiksa sampai {diperiksa.day} {bulan[diperiksa.month - 1]} {diperiksa.year}.")

"""Issue 8: right answers for the officers placed by the 2021-2022 penyetaraan.

Every expected value is worked out here from the rules (rules reference sections 3-6), not taken
from `hitung`: koefisien Ahli Muda 25, Ahli Madya 37,5, Ahli Pertama 12,5 a year at Baik (100%);
AKK KP per step Ahli Muda 100, Ahli Madya 150; AKK KJ Ahli Pertama 100, Ahli Muda 200, Ahli
Madya 450; nilai dasar integrasi Ahli Muda 200.
"""
from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from calculator.rules import BelumBerlaku, muat

from bantu import belum_dikonfirmasi_disebut, pecahan, sukses, syarat

HARI = "2026-02-15"
BAIK = "Baik"


def _tahun(*tahun, predikat=BAIK):
    return [{"tahun": t, "predikat": predikat} for t in tahun]


# -- 1. golongan outside the jenjang's range ---------------------------------------------------

def test_pengawas_in_ahli_muda_at_iii_b():
    # Golongan below the range (III/c-III/d): KP continues towards it; the next golongan is the
    # target. AK for it: one Ahli Muda step (100), the stated and flagged reading.
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/b", "ak_awal": 12.5, "tanggal_pak": "2023-01-31",
                "penilaian": _tahun(2023, 2024, 2025)}, HARI)
    # PAK of January 2023: the months of 2023 from January on add AK (none is before the PAK's month).
    assert pecahan(r["ak_kumulatif"]) == Fraction(25, 2) + 3 * 25
    kp = r["kenaikan_pangkat"]
    assert kp["golongan_tujuan"] == "III/c" and kp["ak_minimal"] == 100
    assert pecahan(kp["kekurangan"]) == 100 - Fraction(175, 2)
    assert r["ringkasan"]["situasi"]["kode"] == "golongan_di_bawah"
    assert belum_dikonfirmasi_disebut(r, "kp_di_bawah_rentang_kali")
    kj = r["kenaikan_jenjang"]
    assert kj["jenjang_tujuan"] == "ahli_madya" and kj["ak_minimal"] == 200 and kj["golongan_tujuan"] is None


def test_administrator_in_ahli_madya_at_iii_d():
    r = sukses({"jenjang": "ahli_madya", "golongan": "III/d", "ak_awal": 20, "penilaian": _tahun(2024, 2025)}, HARI)
    assert pecahan(r["ak_kumulatif"]) == 20 + 2 * Fraction(75, 2)
    kp = r["kenaikan_pangkat"]
    assert kp["golongan_tujuan"] == "IV/a" and kp["pangkat_tujuan"] == "Pembina" and kp["ak_minimal"] == 150
    assert r["kenaikan_jenjang"]["ak_minimal"] == 450
    assert "III/d" in r["ringkasan"]["situasi"]["judul"]


def test_pelaksana_in_ahli_pertama_at_iv_a():
    # Golongan above the range (III/a-III/b): no KP by AK in the jenjang; the KJ is the way up.
    r = sukses({"jenjang": "ahli_pertama", "golongan": "IV/a", "ak_awal": 30, "tmt_jenjang": "2022-06-01",
                "penilaian": _tahun(2023, 2024, 2025)}, HARI)
    assert r["kenaikan_pangkat"] is None
    assert r["ringkasan"]["situasi"]["kode"] == "golongan_di_atas"
    kj = r["kenaikan_jenjang"]
    assert kj["jenjang_tujuan"] == "ahli_muda" and kj["ak_minimal"] == 100
    assert pecahan(kj["kekurangan"]) == 100 - (30 + 3 * Fraction(25, 2))
    assert "Ahli Muda" in r["ringkasan"]["jawaban"]


def test_default_ak_dasar_outside_the_range_is_flagged():
    r = sukses({"jenjang": "ahli_pertama", "golongan": "IV/a"}, HARI)
    assert r["ak_awal"] == 0 and r["ak_awal_sumber"] == "ak_dasar"
    assert belum_dikonfirmasi_disebut(r, "ak_dasar_luar_rentang")


# -- 2. PAK date semantics ---------------------------------------------------------------------

def test_pak_only_gives_the_pak_and_a_kj_date_from_july():
    # Ahli Muda III/d, PAK January 2026 with 187,5: 12,5 short of 200. Baik from January 2026 adds
    # 25/12 a month: 6 months (January-June 2026), counted from 1 July 2026.
    req = {"jenjang": "ahli_muda", "golongan": "III/d", "ak_awal": 187.5, "tanggal_pak": "2026-01-10"}
    r = sukses(req, HARI)
    assert r["ak_kumulatif"] == 187.5
    kj = r["kenaikan_jenjang"]
    assert kj["proyeksi_bulan"] == "2026-06" and kj["proyeksi_tanggal"] == "2026-07-01"
    # No rating history was entered: the date rests on an assumption, and says so.
    assert "dianggap minimal Baik" in kj["proyeksi_keterangan"]
    assert "1 Juli 2026" in r["ringkasan"]["jawaban"] and "Ahli Madya, IV/a Pembina" in r["ringkasan"]["jawaban"]


def test_ratings_before_the_pak_count_for_conditions_never_for_ak():
    req = {"jenjang": "ahli_muda", "golongan": "III/d", "ak_awal": 187.5, "tanggal_pak": "2026-01-10",
           "tmt_jenjang": "2022-01-01", "penilaian": _tahun(2024, 2025)}
    r = sukses(req, HARI)
    assert r["ak_kumulatif"] == 187.5  # not 237,5: 2024 and 2025 are inside the PAK
    assert r["ak_konversi"] == 0
    assert [b["dihitung"] for b in r["rincian"]] == [False, False]
    kj = r["kenaikan_jenjang"]
    assert syarat(kj, "predikat")["status"] == "terpenuhi"  # Baik in 2025 counts for the condition
    assert kj["proyeksi_tanggal"] == "2026-07-01"
    assert "dianggap" not in kj["proyeksi_keterangan"]


def test_a_period_across_the_pak_month_is_split():
    # PAK 15 July 2025: January-June 2025 are inside it; July-December add 6/12 x 25 = 12,5.
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 40, "tanggal_pak": "2025-07-15",
                "penilaian": _tahun(2025)}, HARI)
    assert pecahan(r["ak_kumulatif"]) == 40 + Fraction(25, 2)
    assert [(b["mulai"], b["selesai"], b["dihitung"]) for b in r["rincian"]] == [
        ("2025-01", "2025-06", False), ("2025-07", "2025-12", True)]


# -- 3. old-system numbers ---------------------------------------------------------------------

def test_a_2022_penyetaraan_pak_is_caught():
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 212.5, "tanggal_pak": "2022-06-01"}, HARI)
    assert any("integrasi" in p and "sebelum 2023" in p for p in r["peringatan"])
    assert r["ringkasan"]["jawaban"].startswith("Periksa dulu")
    assert any("AK konvensional" in x["teks"] for x in r["ringkasan"]["langkah"])


def test_an_implausible_pak_value_is_caught_without_a_date():
    # III/c in Ahli Muda: the integrated range is 0-100 (rules reference section 6).
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 212.5}, HARI)
    assert any("212,5" in p and "integrasi" in p for p in r["peringatan"])
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 100}, HARI)
    assert not any("integrasi" in p for p in r["peringatan"])


def test_the_same_figure_entered_for_integrasi():
    # 212,5 - nilai dasar Ahli Muda 200 = 12,5 (SE MenPANRB 8/2023; BKN deck S1).
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_konvensional": "212,5"}, HARI)
    assert r["ak_integrasi"] == 12.5 and r["ak_kumulatif"] == 12.5


# -- 4. missing months and years ---------------------------------------------------------------

def test_a_missing_year_is_named():
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 0, "penilaian": _tahun(2023, 2025)}, HARI)
    assert any(p.startswith("2024 belum dimasukkan") for p in r["peringatan"])
    assert pecahan(r["ak_kumulatif"]) == 50


def test_missing_months_inside_a_year_are_named():
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 0,
                "penilaian": [{"mulai": "2024-01", "selesai": "2024-03", "predikat": BAIK},
                              {"mulai": "2024-07", "selesai": "2024-12", "predikat": BAIK}, *_tahun(2025)]}, HARI)
    assert any(p.startswith("April s.d. Juni 2024 belum dimasukkan") for p in r["peringatan"])


def test_the_current_year_is_not_yet_missing():
    # On 15 February 2026 the 2026 rating does not exist yet: only years before it are checked.
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 0, "penilaian": _tahun(2024, 2025)}, HARI)
    assert not any("belum dimasukkan" in p for p in r["peringatan"])


def test_years_inside_the_pak_are_not_missing():
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 50, "tanggal_pak": "2025-01-05"}, HARI)
    assert not any("2024 belum dimasukkan" in p for p in r["peringatan"])
    assert any(p.startswith("2025 belum dimasukkan") for p in r["peringatan"])


# -- 5. only sourced conditions block ------------------------------------------------------------

def test_uji_kompetensi_is_flagged_not_universal():
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/d", "ak_awal": 150}, HARI)
    uji = syarat(r["kenaikan_jenjang"], "uji_kompetensi")
    assert uji["status"] == "tidak_diketahui" and "instansi pembina" in uji["alasan"]
    assert belum_dikonfirmasi_disebut(r, "uji_kompetensi_jenjang")


def test_periodic_ratings_covering_a_year_are_flagged():
    per = [{"mulai": "2024-01", "selesai": "2024-06", "predikat": BAIK},
           {"mulai": "2024-07", "selesai": "2024-12", "predikat": "Sangat Baik"}]
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 0, "penilaian": per}, HARI)
    assert belum_dikonfirmasi_disebut(r, "konversi_periodik_setahun")
    assert pecahan(r["ak_kumulatif"]) == Fraction(25, 2) + Fraction(75, 4)  # summed by months
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 0, "penilaian": _tahun(2024)}, HARI)
    assert not belum_dikonfirmasi_disebut(r, "konversi_periodik_setahun")


# -- 6. perpindahan ------------------------------------------------------------------------------

@pytest.mark.parametrize("tmt,bulan,ak", [
    # S5 example: Ahli Muda III/d, Baik, 3 years = 75, plus AK Dasar 100 = 175; longer is capped.
    ("2019-04-01", 36, 175), ("2021-01-01", 36, 175), ("2022-01-01", 24, 150), ("2021-02-01", 35, Fraction(100) + Fraction(35 * 25, 12)),
])
def test_perpindahan_counts_at_most_three_years(tmt, bulan, ak):
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/d",
                "perpindahan": {"tanggal": "2024-01-01", "tmt_golongan": tmt, "predikat": BAIK}}, HARI)
    assert r["ak_awal_sumber"] == "perpindahan"
    assert r["perpindahan"]["bulan"] == bulan
    assert pecahan(r["ak_kumulatif"]) == Fraction(round(Fraction(ak) * 100), 100)


# -- 9. boundaries (mutants of < / <= / > / >=) ----------------------------------------------------

def test_integrasi_equal_to_nilai_dasar_is_zero_without_warning():
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_konvensional": 200}, HARI)
    assert r["ak_integrasi"] == 0 and not any("lebih kecil dari nilai dasar" in p for p in r["peringatan"])
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_konvensional": 199.99}, HARI)
    assert r["ak_integrasi"] == 0 and any("lebih kecil dari nilai dasar" in p for p in r["peringatan"])


def test_kj_excess_exactly_zero():
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/d", "ak_awal": 200}, HARI)
    kj = r["kenaikan_jenjang"]
    assert kj["ak_terpenuhi"] is True and kj["kelebihan"] == 0 and kj["kekurangan"] == 0
    assert not any("tidak terbawa" in p for p in r["peringatan"])
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/d", "ak_awal": 200.01}, HARI)
    assert any("tidak terbawa" in p for p in r["peringatan"])
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/d", "ak_awal": 199.99}, HARI)
    assert r["kenaikan_jenjang"]["ak_terpenuhi"] is False


def test_a_period_ending_this_month_is_unfinished():
    base = {"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 0}
    r = sukses({**base, "penilaian": [{"mulai": "2025-09", "selesai": "2026-02", "predikat": BAIK}]}, HARI)
    assert any("belum selesai" in p for p in r["peringatan"])
    r = sukses({**base, "penilaian": [{"mulai": "2025-08", "selesai": "2026-01", "predikat": BAIK}]}, HARI)
    assert not any("belum selesai" in p for p in r["peringatan"])


@pytest.mark.parametrize("selesai,status", [
    # On 15 February 2026 (month index m), a last rating ending 13 or 14 months earlier is still
    # current (the annual predikat comes early in the next year); 15 months is stale.
    ("2025-01", "terpenuhi"), ("2024-12", "terpenuhi"), ("2024-11", "tidak_diketahui"),
])
def test_stale_rating_window(selesai, status):
    per = [{"mulai": "2023-01", "selesai": selesai, "predikat": BAIK}]
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/d", "ak_awal": 150, "penilaian": per}, HARI)
    assert syarat(r["kenaikan_jenjang"], "predikat")["status"] == status


def test_a_rule_value_is_never_used_before_it_takes_effect():
    a = muat()
    with pytest.raises(BelumBerlaku):
        a.nilai_pada("koefisien.ahli_muda", dt.date(2022, 12, 31))
    assert a.nilai_pada("koefisien.ahli_muda", dt.date(2023, 1, 1)).nilai == 25
    # A value dated after the date asked for is not used: six KP periods only from 2024.
    assert list(a.nilai_pada("periode_kp", dt.date(2023, 12, 31)).nilai) == [4, 10]
    assert list(a.nilai_pada("periode_kp", dt.date(2024, 1, 1)).nilai) == [2, 4, 6, 8, 10, 12]


def test_a_calculation_before_the_rules_is_a_clear_galat():
    from bantu import galat

    daftar = galat({"jenjang": "ahli_muda", "golongan": "III/c"}, tanggal="2023-02-01")
    assert [g["kolom"] for g in daftar] == ["tanggal_hitung"] and "1 Maret 2023" in daftar[0]["pesan"]

"""Worked examples of the rules reference (section 7) and the known mistakes of public
calculators listed there. Figures are typed from maintainers/aturan-angka-kredit.md."""
from __future__ import annotations

import pytest

from bantu import pecahan, sukses

AHLI_PERTAMA = {"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0}


# -- section 7: official and institution worked examples ---------------------------------------

def test_ahli_pertama_2023_sangat_baik_18_75():
    # S4: 150% x 12,5 = 18,75
    r = sukses({**AHLI_PERTAMA, "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"}]})
    assert r["rincian"][0]["ak"] == 18.75
    assert r["rincian"][0]["bulan"] == 12
    assert r["rincian"][0]["persentase"] == 150
    assert r["rincian"][0]["koefisien"] == 12.5
    assert r["ak_konversi"] == 18.75
    assert r["ak_kumulatif"] == 18.75


def test_ahli_pertama_jan_feb_2024_baik_2_08():
    # S4: 2/12 x 12,5 = 2,08 (exact 25/12 = 2,0833...)
    r = sukses({**AHLI_PERTAMA, "penilaian": [{"mulai": "2024-01", "selesai": "2024-02", "predikat": "Baik"}]})
    baris = r["rincian"][0]
    assert baris["mulai"] == "2024-01" and baris["selesai"] == "2024-02"
    assert baris["bulan"] == 2
    assert baris["ak"] == 2.08
    assert r["ak_kumulatif"] == 2.08


def test_ahli_pertama_jan_feb_2024_exact_at_four_decimals():
    r = sukses({**AHLI_PERTAMA, "desimal": 4,
                "penilaian": [{"mulai": "2024-01", "selesai": "2024-02", "predikat": "Baik"}]})
    assert r["rincian"][0]["ak"] == 2.0833  # 25/12 = 2,08333...


def test_both_periods_added_20_83():
    # S4: 18,75 + 2,0833... = 20,8333... -> 20,83
    r = sukses({**AHLI_PERTAMA, "penilaian": [
        {"tahun": 2023, "predikat": "Sangat Baik"},
        {"mulai": "2024-01", "selesai": "2024-02", "predikat": "Baik"}]})
    assert [b["ak"] for b in r["rincian"]] == [18.75, 2.08]
    assert r["ak_konversi"] == 20.83
    assert r["ak_kumulatif"] == 20.83


def test_ahli_madya_iv_b_2023_baik_37_5():
    # S2: Guru Ahli Madya IV/b, 2023, Baik -> 37,5
    r = sukses({"jenjang": "ahli_madya", "golongan": "IV/b", "ak_awal": 0,
                "penilaian": [{"tahun": 2023, "predikat": "Baik"}]})
    assert r["rincian"][0]["ak"] == 37.5
    assert r["ak_konversi"] == 37.5


def test_ahli_muda_quarter_baik_6_25():
    # formula: 3/12 x 25 = 6,25
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 0,
                "penilaian": [{"mulai": "2024-04", "selesai": "2024-06", "predikat": "Baik"}]})
    assert r["rincian"][0]["bulan"] == 3
    assert r["rincian"][0]["ak"] == 6.25
    assert r["rincian"][0]["rumus"] == "3/12 x 100% x 25 = 6,25"


def test_integrasi_iv_b_550_63_gives_150_63():
    # S1 formula: AK integrasi = AK konvensional - nilai dasar (Ahli Madya 400)
    r = sukses({"jenjang": "ahli_madya", "golongan": "IV/b", "ak_konvensional": 550.63})
    assert r["ak_integrasi"] == 150.63
    assert r["ak_awal"] == 150.63
    assert r["ak_kumulatif"] == 150.63
    assert r["integrasi"]["nilai_dasar"] == 400
    assert r["integrasi"]["rumus"] == "550,63 - 400 = 150,63"
    # 150,63 lies inside the expected IV/b range 150-300: no implausibility warning
    assert not any("rentang" in p for p in r["peringatan"])


def test_integrasi_ahli_muda_287_5_gives_87_5():
    # 287,5 - 200 = 87,5 (a blog got this wrong); III/c expects 0-100
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_konvensional": 287.5})
    assert r["ak_integrasi"] == 87.5
    assert r["integrasi"]["nilai_dasar"] == 200
    assert not any("rentang" in p for p in r["peringatan"])


def test_ahli_madya_iv_a_reaching_160():
    # S34, S35: KP to IV/b allowed by AK, 10 carries over.
    r = sukses({"jenjang": "ahli_madya", "golongan": "IV/a", "ak_awal": 160})
    kp = r["kenaikan_pangkat"]
    assert kp["golongan_tujuan"] == "IV/b"
    assert kp["ak_minimal"] == 150
    assert kp["ak_terpenuhi"] is True
    assert kp["kelebihan"] == 10
    assert kp["kekurangan"] == 0


def test_ahli_madya_iv_b_needs_cumulative_300_for_iv_c():
    # After the KP to IV/b the 160 stays in the jenjang; IV/c needs cumulative 300.
    r = sukses({"jenjang": "ahli_madya", "golongan": "IV/b", "ak_awal": 160})
    kp = r["kenaikan_pangkat"]
    assert kp["golongan_tujuan"] == "IV/c"
    assert kp["ak_minimal"] == 300
    assert kp["kekurangan"] == 140
    assert kp["kelebihan"] == 0
    assert kp["ak_terpenuhi"] is False
    assert r["kenaikan_jenjang"]["ak_minimal"] == 450


def test_ahli_pertama_entering_at_iii_b():
    # S11, S5: AK Dasar 50; KJ needs 100 cumulative, so 50 more.
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/b"})
    assert r["ak_awal"] == 50
    assert r["ak_awal_sumber"] == "ak_dasar"
    assert r["kenaikan_pangkat"] is None  # III/b is the top golongan of Ahli Pertama
    kj = r["kenaikan_jenjang"]
    assert kj["jenjang_tujuan"] == "ahli_muda"
    assert kj["ak_minimal"] == 100
    assert kj["kekurangan"] == 50
    assert kj["ak_terpenuhi"] is False


# -- rincian explains itself -------------------------------------------------------------------

def test_rumus_text_bkn_example():
    r = sukses({**AHLI_PERTAMA, "penilaian": [{"mulai": "2024-01", "selesai": "2024-02", "predikat": "Baik"}]})
    assert r["rincian"][0]["rumus"] == "2/12 x 100% x 12,5 = 2,08"


def test_rumus_text_full_year():
    r = sukses({**AHLI_PERTAMA, "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"}]})
    assert r["rincian"][0]["rumus"] == "12/12 x 150% x 12,5 = 18,75"


def test_rincian_names_its_legal_basis():
    r = sukses({**AHLI_PERTAMA, "penilaian": [{"mulai": "2024-01", "selesai": "2024-02", "predikat": "Baik"}]})
    dasar = r["rincian"][0]["dasar_hukum"]
    assert "PermenPANRB 1/2023" in dasar
    assert "Pasal 37" in dasar


def test_result_carries_disclaimer_not_a_pak():
    r = sukses(AHLI_PERTAMA)
    assert "bukan Penetapan Angka Kredit" in r["catatan"] or "bukan PAK" in r["catatan"]


# -- known mistakes of public calculators ------------------------------------------------------

def test_mistake_missing_sangat_kurang():
    # Sangat Kurang exists and counts 25% (Pasal 37 ayat (1)).
    r = sukses({**AHLI_PERTAMA, "penilaian": [{"tahun": 2023, "predikat": "Sangat Kurang"}]})
    assert r["rincian"][0]["persentase"] == 25
    assert r["rincian"][0]["ak"] == 3.13  # 25% x 12,5 = 3,125 -> 3,13 (half-up)


@pytest.mark.parametrize("label", ["Butuh Perbaikan", "Cukup", "cukup/butuh perbaikan", "BUTUH PERBAIKAN"])
def test_mistake_butuh_perbaikan_is_cukup_75(label):
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 0,
                "penilaian": [{"tahun": 2023, "predikat": label}]})
    assert r["rincian"][0]["persentase"] == 75  # never 100 or 25
    assert r["rincian"][0]["ak"] == 18.75  # 75% x 25


def test_mistake_pemula_koefisien_3_75():
    r = sukses({"jenjang": "pemula", "golongan": "II/a", "ak_awal": 0,
                "penilaian": [{"tahun": 2023, "predikat": "Baik"}]})
    assert r["rincian"][0]["koefisien"] == 3.75  # not 5
    assert r["rincian"][0]["ak"] == 3.75


def test_mistake_pemula_kj_is_15():
    r = sukses({"jenjang": "pemula", "golongan": "II/a", "ak_awal": 0})
    assert r["kenaikan_pangkat"] is None  # II/a is the only golongan of Pemula
    kj = r["kenaikan_jenjang"]
    assert kj is not None
    assert kj["jenjang_tujuan"] == "terampil"
    assert kj["golongan_tujuan"] == "II/b"
    assert kj["ak_minimal"] == 15
    assert kj["kekurangan"] == 15


def test_mistake_ak_dasar_iii_d_is_100():
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/d"})
    assert r["ak_awal"] == 100  # not 50
    assert r["kenaikan_jenjang"]["kekurangan"] == 100  # 200 - 100


def test_mistake_python_round_half_even_pemula_sangat_baik():
    # 150% x 3,75 = 5,625 exactly; Python round(5.625, 2) gives 5.62, half-up gives 5,63.
    r = sukses({"jenjang": "pemula", "golongan": "II/a", "ak_awal": 0,
                "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"}]})
    assert r["rincian"][0]["ak"] == 5.63
    assert r["rincian"][0]["rumus"] == "12/12 x 150% x 3,75 = 5,63"
    assert r["ak_kumulatif"] == 5.63


def test_half_up_ahli_madya_quarter_sangat_baik():
    # 3/12 x 150% x 37,5 = 14,0625 -> 14,06 at 2 decimals and 14,063 at 3 (round() gives 14.062).
    req = {"jenjang": "ahli_madya", "golongan": "IV/a", "ak_awal": 0,
           "penilaian": [{"mulai": "2024-01", "selesai": "2024-03", "predikat": "Sangat Baik"}]}
    assert sukses(req)["rincian"][0]["ak"] == 14.06
    r3 = sukses({**req, "desimal": 3})
    assert r3["rincian"][0]["ak"] == 14.063
    assert r3["rincian"][0]["rumus"] == "3/12 x 150% x 37,5 = 14,063"


def test_desimal_3_shows_three_places():
    # Pemula, one month, Baik: 3,75/12 = 0,3125 -> 0,313 (round() gives 0.312)
    r = sukses({"jenjang": "pemula", "golongan": "II/a", "ak_awal": 0, "desimal": 3,
                "penilaian": [{"mulai": "2024-01", "selesai": "2024-01", "predikat": "Baik"}]})
    assert r["rincian"][0]["ak"] == 0.313
    assert r["rincian"][0]["rumus"].endswith("= 0,313")
    r = sukses({**AHLI_PERTAMA, "desimal": 3,
                "penilaian": [{"mulai": "2024-01", "selesai": "2024-02", "predikat": "Baik"}]})
    assert r["rincian"][0]["ak"] == 2.083
    assert r["rincian"][0]["rumus"] == "2/12 x 100% x 12,5 = 2,083"


def test_desimal_0():
    r = sukses({**AHLI_PERTAMA, "desimal": 0, "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"}]})
    assert r["rincian"][0]["ak"] == 19  # 18,75 half-up


def test_total_is_sum_of_exact_values_rounded_once():
    # Twelve one-month Pemula Baik periods: each 0,3125 (shown 0,31); the total is exactly 3,75,
    # not 12 x 0,31 = 3,72.
    periods = [{"mulai": f"2024-{m:02d}", "selesai": f"2024-{m:02d}", "predikat": "Baik"} for m in range(1, 13)]
    r = sukses({"jenjang": "pemula", "golongan": "II/a", "ak_awal": 0, "penilaian": periods})
    assert all(b["ak"] == 0.31 for b in r["rincian"])
    assert r["ak_konversi"] == 3.75
    assert r["ak_kumulatif"] == 3.75


def test_thresholds_compare_exact_values_not_rounded_ones():
    # 49,996 shows as 50 at 2 decimals but is below the AKK of 50.
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 49.996})
    assert r["ak_kumulatif"] == 50
    assert r["kenaikan_pangkat"]["ak_terpenuhi"] is False
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 49.996, "desimal": 3})
    assert pecahan(r["kenaikan_pangkat"]["kekurangan"]) == pecahan("0.004")


@pytest.mark.parametrize("desimal", [0, 1, 2, 3, 4])
def test_desimal_rounds_results_never_rule_figures_or_inputs(desimal):
    # BUG B4 (see maintainers/engine-bugs.md): `desimal` is the display rounding of computed AK; the
    # koefisien (a rule figure, 12,5 / 3,75) and the AK the reader typed must stay as they are,
    # or the formula shown is false ("12/12 x 150% x 13 = 19").
    r = sukses({**AHLI_PERTAMA, "desimal": desimal, "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"}]})
    assert r["rincian"][0]["koefisien"] == 12.5
    assert "x 12,5 =" in r["rincian"][0]["rumus"]
    r = sukses({"jenjang": "pemula", "golongan": "II/a", "ak_awal": 0, "desimal": desimal,
                "penilaian": [{"tahun": 2023, "predikat": "Baik"}]})
    assert r["rincian"][0]["koefisien"] == 3.75
    assert "x 3,75 =" in r["rincian"][0]["rumus"]
    r = sukses({"jenjang": "ahli_madya", "golongan": "IV/b", "ak_konvensional": 550.63, "desimal": desimal})
    assert r["integrasi"]["ak_konvensional"] == 550.63
    assert r["integrasi"]["rumus"].startswith("550,63 - 400 = ")


def test_perpindahan_example_ahli_muda_iii_d():
    # Section 6 (PerBKN 3/2023, S12, S5 example): Ahli Muda at III/d, Baik for 3 years = 75, plus
    # AK Dasar 100. The arithmetic through hitung() with three rated years and the default AK Dasar.
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/d",
                "penilaian": [{"tahun": t, "predikat": "Baik"} for t in (2023, 2024, 2025)]}, tanggal="2026-01-15")
    assert r["ak_awal"] == 100
    assert r["ak_konversi"] == 75
    assert r["ak_kumulatif"] == 175

"""The conditions of each kenaikan: one list (calculator.kenaikan.SYARAT_KP / SYARAT_KJ) that the
results follow and the guide's table shows (rules reference section 5)."""
from __future__ import annotations

import datetime as dt

import pytest

import calculator
from calculator.kenaikan import SYARAT_KJ, SYARAT_KP
from calculator.tabel import TANDA_BELUM_DIKONFIRMASI, daftar_tabel

from bantu import sukses

HARI = dt.date(2025, 1, 15)
KASUS = [(j["kode"], g) for j in calculator.aturan()["jenjang"] for g in j["golongan"]]


def _urut_dalam(kode: list[str], daftar: tuple[str, ...]) -> bool:
    posisi = [daftar.index(k) for k in kode if k in daftar]
    return len(posisi) == len(kode) and posisi == sorted(posisi)


@pytest.mark.parametrize("jenjang,golongan", KASUS)
def test_results_list_the_declared_conditions_in_order(jenjang, golongan):
    r = sukses({"jenjang": jenjang, "golongan": golongan, "ak_awal": 0})
    for kunci, daftar in (("kenaikan_pangkat", SYARAT_KP), ("kenaikan_jenjang", SYARAT_KJ)):
        if r[kunci] is not None:
            kode = [s["kode"] for s in r[kunci]["syarat"]]
            assert _urut_dalam(kode, daftar), (kunci, kode)


def test_every_declared_condition_is_checked_somewhere():
    dilihat = {"kp": set(), "kj": set()}
    for jenjang, golongan in KASUS:
        r = sukses({"jenjang": jenjang, "golongan": golongan, "ak_awal": 0})
        for kunci, jenis in (("kenaikan_pangkat", "kp"), ("kenaikan_jenjang", "kj")):
            if r[kunci] is not None:
                dilihat[jenis] |= {s["kode"] for s in r[kunci]["syarat"]}
    assert dilihat["kp"] == set(SYARAT_KP)
    assert dilihat["kj"] == set(SYARAT_KJ)


def test_table_shows_the_engines_conditions_and_no_other():
    tabel = daftar_tabel(tanggal=HARI)["syarat"]
    baris = {b[0]: b[1:] for b in tabel.baris}
    assert set(baris) == {"Masa", "Predikat kinerja", "Hukuman disiplin", "Uji kompetensi",
                          "Kebutuhan (formasi)", "Pengembangan profesi"}
    # "Menduduki golongan tertinggi jenjang" has no source and the Lampiran of Peraturan BKN 3/2023
    # contradicts it (rules reference section 5): not a condition, so not in the table.
    assert not any("tertinggi" in sel for b in tabel.baris for sel in b)
    assert baris["Hukuman disiplin"][1] == "-" and baris["Uji kompetensi"][0] == "-"
    # Uji kompetensi for KJ is an unconfirmed value in the data: the table marks it.
    assert baris["Uji kompetensi"][1].endswith(TANDA_BELUM_DIKONFIRMASI)
    assert tabel.belum_dikonfirmasi

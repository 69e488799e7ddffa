"""Konversi predikat kinerja: the AK of each rated period, and the rincian rows a person reads.

PermenPANRB 1/2023 Pasal 37 ayat (1) and (4): AK = bulan/12 x persentase x koefisien, prorated
by the months of the rated period. Months before the month of the latest PAK are already inside
the PAK's AK: they still count for the predikat and masa conditions, never for AK again.
"""
from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from . import dates
from .angka import NOL, ke_json, persen, teks, tepat, tepat_json
from .konteks import Kasus
from .validation import Periode


class Ruas(NamedTuple):
    """A stretch of months that adds AK evenly: a rated period, or its part after the PAK."""

    mulai: int
    selesai: int
    ak: Fraction
    per_bulan: Fraction


def koefisien(kasus: Kasus, bulan: int):
    return kasus.nilai(f"koefisien.{kasus.jenjang.kode}", dates.awal_bulan(bulan))


def persentase(kasus: Kasus, predikat: str, bulan: int):
    return kasus.nilai(f"persentase.{predikat}", dates.awal_bulan(bulan))


def ak_per_bulan(kasus: Kasus, predikat: str, bulan: int) -> Fraction:
    """AK of one month under `predikat` (Pasal 37 ayat (1) and (4)); memoised per rules."""
    def buat():
        nilai = (kasus.nilai("bulan_setahun", dates.awal_bulan(bulan)), persentase(kasus, predikat, bulan),
                 koefisien(kasus, bulan))
        setahun, pct, koef = (n.nilai for n in nilai)
        return pct * koef / setahun, tuple(n for n in nilai if not n.dikonfirmasi)

    hasil, belum = kasus.aturan.ingat(("ak_per_bulan", kasus.jenjang.kode, predikat, bulan), buat)
    for n in belum:  # a memo hit must flag the same unconfirmed values as the first computation
        kasus.belum_dikonfirmasi[n.nama] = n
    return hasil


def _baris(kasus: Kasus, mulai: int, selesai: int, predikat: str) -> tuple[Fraction, dict, tuple]:
    """Exact AK of months `mulai`..`selesai` under `predikat`, and its rincian row."""
    bulan = selesai - mulai + 1
    koef = koefisien(kasus, mulai)
    pct = persentase(kasus, predikat, mulai)
    setahun = kasus.nilai("bulan_setahun", dates.awal_bulan(mulai))
    p, k, s = pct.nilai, koef.nilai, setahun.nilai
    # One exact fraction: bulan x persentase (satuan /1) x koefisien / setahun.
    ak = Fraction(bulan * p.numerator * k.numerator * s.denominator,
                  s.numerator * p.denominator * k.denominator)
    d = kasus.p.desimal
    dasar = [kasus.dasar(pct)]
    if bulan != setahun.nilai:
        dasar.append(kasus.dasar(setahun))
    dasar.append(kasus.dasar(koef))
    baris = {
        "mulai": dates.teks_bulan(mulai),
        "selesai": dates.teks_bulan(selesai),
        "periode_teks": dates.teks_rentang(mulai, selesai),
        "bulan": bulan,
        "predikat": kasus.nama_predikat(predikat),
        "persentase": tepat_json(pct.nilai * 100),  # shown as a percentage (150)
        "koefisien": tepat_json(koef.nilai),
        "ak": ke_json(ak, d),
        "ak_teks": teks(ak, d),
        "rumus": f"{bulan}/{teks(setahun.nilai)} x {persen(pct.nilai)} x {tepat(koef.nilai)} = {teks(ak, d)}",
        "dasar_hukum": "; ".join(dasar),
        "dihitung": True,
        "keterangan": "",
    }
    return ak, baris, tuple(n for n in (koef, pct, setahun) if not n.dikonfirmasi)


def _baris_ingat(kasus: Kasus, mulai: int, selesai: int, predikat: str) -> tuple[Fraction, Fraction, dict]:
    """`_baris` and the AK per month, memoised per rules: the same periods recur across requests."""
    kunci = ("baris", kasus.jenjang.kode, mulai, selesai, predikat, kasus.p.desimal)

    def buat():
        ak, baris, belum = _baris(kasus, mulai, selesai, predikat)
        return ak, ak / (selesai - mulai + 1), baris, belum

    ak, per_bulan, baris, belum = kasus.aturan.ingat(kunci, buat)
    for n in belum:
        kasus.belum_dikonfirmasi[n.nama] = n
    return ak, per_bulan, dict(baris)


def _baris_dalam_pak(kasus: Kasus, mulai: int, selesai: int, predikat: str) -> dict:
    """A row for months already inside the PAK's AK: shown, counted for conditions only."""
    d = kasus.p.desimal
    return {
        "mulai": dates.teks_bulan(mulai),
        "selesai": dates.teks_bulan(selesai),
        "periode_teks": dates.teks_rentang(mulai, selesai),
        "bulan": selesai - mulai + 1,
        "predikat": kasus.nama_predikat(predikat),
        "persentase": None,
        "koefisien": None,
        "ak": ke_json(NOL, d),
        "ak_teks": teks(NOL, d),
        "rumus": "",
        "dasar_hukum": "",
        "dihitung": False,
        "keterangan": (f"Sudah termasuk dalam AK pada PAK {dates.teks_tanggal(kasus.p.tanggal_pak)}; "
                       "dipakai hanya untuk syarat predikat kinerja."),
    }


def rincian(kasus: Kasus) -> tuple[list[dict], list[Ruas], Fraction]:
    """(rincian rows, the stretches that add AK, total AK konversi)."""
    rows: list[dict] = []
    ruas: list[Ruas] = []
    jumlah = NOL
    batas = kasus.bulan_pak
    for periode in kasus.p.penilaian:
        mulai = periode.mulai
        if batas is not None and periode.mulai < batas:
            akhir_pak = min(periode.selesai, batas - 1)
            rows.append(_baris_dalam_pak(kasus, periode.mulai, akhir_pak, periode.predikat))
            mulai = akhir_pak + 1
        if mulai > periode.selesai:
            continue
        ak, per_bulan, baris = _baris_ingat(kasus, mulai, periode.selesai, periode.predikat)
        if periode.selesai >= kasus.bulan_hitung:
            baris["keterangan"] = "Periode belum selesai pada tanggal perhitungan; angkanya perkiraan."
            kasus.peringatkan(
                f"Periode {baris['periode_teks']} belum selesai pada tanggal perhitungan; "
                "angkanya perkiraan sampai predikat ditetapkan.")
        rows.append(baris)
        ruas.append(Ruas(mulai, periode.selesai, ak, per_bulan))
        jumlah += ak
    return rows, ruas, jumlah


def cek_setahun_periodik(kasus: Kasus) -> None:
    """Periodic ratings that cover a whole calendar year (rules reference, section 5a).

    Whether a completed year is converted from its periodic ratings or from its annual predikat
    is not settled by a source: compute from the periods as entered and say so.
    """
    per_tahun: dict[int, int] = {}
    setahun = 12  # calendar months (YYYY-MM arithmetic)
    for p in kasus.p.penilaian:
        if p.tahunan:
            continue
        for tahun in range(p.mulai // setahun, p.selesai // setahun + 1):
            awal, akhir = max(p.mulai, tahun * setahun), min(p.selesai, tahun * setahun + setahun - 1)
            per_tahun[tahun] = per_tahun.get(tahun, 0) + akhir - awal + 1
    for tahun, jumlah in sorted(per_tahun.items()):
        if jumlah == setahun:
            n = kasus.nilai("konversi_periodik_setahun")
            kasus.peringatkan(
                f"Penilaian {tahun} dimasukkan per periode dan mencakup setahun penuh; kalkulator menjumlahkan "
                f"periode-periode itu. {n.catatan}")


def bulan_kosong(kasus: Kasus) -> None:
    """Name the months without a rating that cost AK (rules reference, section 5b).

    Checked from the PAK's month (or the first rating when there is no PAK date) to the end of
    the last calendar year before the calculation: a year's rating is set after it ends.
    """
    p = kasus.p
    if p.tanggal_pak is not None:
        awal = max(kasus.bulan_pak, kasus.mulai_konversi)
    elif p.penilaian:
        awal = min(x.mulai for x in p.penilaian)
    else:
        return
    akhir_tahun_lalu = dates.indeks(kasus.tanggal.year - 1, 12)
    akhir = max([akhir_tahun_lalu, *(x.selesai for x in p.penilaian)])
    if akhir < awal:
        return
    # Gaps between the sorted periods, clipped to [awal, akhir] (periods never overlap).
    kosong, berikut = [], awal
    for x in p.penilaian:
        if x.mulai > berikut and berikut <= akhir:
            kosong.append((berikut, min(x.mulai - 1, akhir)))
        berikut = max(berikut, x.selesai + 1)
    if berikut <= akhir:
        kosong.append((berikut, akhir))
    for mulai, selesai in kosong:
        tahun_m, bulan_m = dates.dari_indeks(mulai)
        tahun_s, bulan_s = dates.dari_indeks(selesai)
        if bulan_m == 1 and bulan_s == 12:
            nama = f"{tahun_m}" if tahun_m == tahun_s else f"{tahun_m} s.d. {tahun_s}"
        else:
            nama = dates.teks_rentang(mulai, selesai)
        kasus.peringatkan(
            f"{nama} belum dimasukkan: tanpa predikat kinerja, bulan-bulan itu tidak menghasilkan angka kredit. "
            "Masukkan predikatnya, atau tanyakan ke atasan dan BKPSDM bila penilaiannya belum ada.")


"""Projection: when each AK requirement is met, and the earliest date of a kenaikan.

Closed form, no month-by-month loop: the rated stretches add AK evenly over their months, a
one-time addition (pendidikan) adds at the start of its month, and the assumed predikat adds a
constant AK each month from the projection's start. Months before the PAK's month add nothing:
they are inside the PAK's AK.
"""
from __future__ import annotations

import datetime as _dt
from fractions import Fraction

from . import dates
from .angka import DESIMAL_TEPAT, ke_json, persen, teks, tepat
from .konteks import Kasus
from .konversi import Ruas, ak_per_bulan, koefisien, persentase
from .syarat import bulan_predikat, selang_predikat


def _ceil(x: Fraction) -> int:
    return -((-x.numerator) // x.denominator)


def mulai_proyeksi(kasus: Kasus) -> int | None:
    """First month of the assumed predikat: the request's, else the month after the last rating
    (and not before the PAK's month), else the month of the calculation."""
    p = kasus.p
    if p.proyeksi_predikat is None:
        return None
    if p.proyeksi_mulai is not None:
        return p.proyeksi_mulai
    calon = [x.selesai + 1 for x in p.penilaian]
    if kasus.bulan_pak is not None:
        # Never before 2023: konversi predikat gives AK from January 2023 on (an old PAK).
        calon += [kasus.bulan_pak, kasus.mulai_konversi]
    return max(calon) if calon else kasus.bulan_hitung


class Proyeksi:
    """Cumulative AK over time for one request, shared by the KP and KJ projections."""

    def __init__(self, kasus: Kasus, ak_awal: Fraction, ruas: list[Ruas], langkah: list[tuple[int, Fraction]]):
        self.kasus = kasus
        self.ak_awal = ak_awal
        self.mulai = mulai_proyeksi(kasus)
        self.predikat = kasus.p.proyeksi_predikat
        # AK of the assumed predikat counts from the PAK's month at the earliest.
        self.mulai_ak = None if self.mulai is None else max(self.mulai, kasus.bulan_pak or self.mulai)
        self.per_bulan = None if self.mulai is None else ak_per_bulan(kasus, self.predikat, self.mulai_ak)
        # (first month, last month, AK before, AK after, AK per month or None for a one-time addition).
        potong = sorted({b for b, _ in langkah})
        kejadian = [(b, 0, b, ak, None) for b, ak in langkah]
        for r in ruas:
            batas = [r.mulai, *(b for b in potong if r.mulai < b <= r.selesai), r.selesai + 1]
            per_bulan = r.per_bulan
            for awal, akhir in zip(batas, batas[1:]):
                kejadian.append((awal, 1, akhir - 1, per_bulan * (akhir - awal), per_bulan))
        jumlah, self.tangga = ak_awal, []
        for bulan, _, terakhir, tambah, per_bulan in sorted(kejadian, key=lambda e: (e[0], e[1])):
            sesudah = jumlah + tambah
            self.tangga.append((bulan, terakhir, jumlah, sesudah, per_bulan))
            jumlah = sesudah
        self.akhir = jumlah
        self._selang: dict[int, tuple] = {}
        self._tercapai: dict[Fraction, int | None] = {}

    def bulan_tercapai(self, target: Fraction) -> int | None:
        """Month in which the cumulative AK first reaches `target` (None: never, or no projection)."""
        if target not in self._tercapai:
            self._tercapai[target] = self._bulan_tercapai(target)
        return self._tercapai[target]

    def _bulan_tercapai(self, target: Fraction) -> int | None:
        if self.ak_awal >= target:
            # Met by the PAK: in its month, or at the latest in the month of the calculation.
            return self.kasus.bulan_pak if self.kasus.bulan_pak is not None else self.kasus.bulan_hitung
        for mulai, _, sebelum, sesudah, per_bulan in self.tangga:
            if sesudah >= target:
                if per_bulan is None:  # a one-time addition
                    return mulai
                return mulai + _ceil((target - sebelum) / per_bulan) - 1
        if self.mulai is None:
            return None
        return self.mulai_ak + _ceil((target - self.akhir) / self.per_bulan) - 1

    def titik(self, sampai: int | None, lain: tuple[int, ...] = ()) -> list[tuple[int, Fraction, bool]]:
        """(month, cumulative AK at its end, projected?) at each step's end, then under the
        projection at its start, at the months in `lain` and at `sampai`: the chart's points."""
        if self.tangga:
            hasil = [(self.tangga[0][0] - 1, self.ak_awal, False)]
            hasil += [(terakhir, sesudah, False) for _, terakhir, _, sesudah, _ in self.tangga]
        else:
            hasil = [((self.kasus.bulan_pak or self.kasus.bulan_hitung) - 1, self.ak_awal, False)]
        if self.mulai is None or sampai is None:
            return hasil
        # The projection is a straight line: its start, the months a target is met and the end
        # are enough points (callers pass the target months in `lain`).
        bulan = sorted({self.mulai_ak - 1, sampai, *lain})
        for b in bulan:
            if b > hasil[-1][0]:
                hasil.append((b, self.akhir + self.per_bulan * (b - self.mulai_ak + 1), True))
        return hasil

    def selang(self, tahun: int) -> tuple:
        if tahun not in self._selang:
            self._selang[tahun] = selang_predikat(self.kasus, tahun, self.mulai, self.predikat)
        return self._selang[tahun]

    def _tanggal_kp(self, sejak: _dt.date):
        """First KP period (TMT on the 1st) on or after `sejak`; at most 12 months ahead."""
        bulan = dates.bulan_dari(sejak) + (0 if sejak.day == 1 else 1)
        for i in range(bulan, bulan + 13):
            tanggal = dates.awal_bulan(i)
            periode = self.kasus.nilai("periode_kp", tanggal)
            if tanggal.month in periode.nilai:
                return tanggal, periode
        raise AssertionError("periode_kp has no month")  # the data test guarantees a month exists

    def tanggal(self, target: Fraction, batas_masa: _dt.date | None, label_masa: str, tahun_predikat: int,
                hambatan: list[str], periode_kp: bool) -> dict:
        """The projection of one kenaikan: month the AK is met, earliest date, and why."""
        kasus = self.kasus
        kosong = {"proyeksi_bulan": None, "proyeksi_bulan_teks": None, "proyeksi_tanggal": None,
                  "proyeksi_tanggal_teks": None, "proyeksi_keterangan": ""}
        if self.mulai is None:
            return kosong
        bulan_ak = self.bulan_tercapai(target)
        if bulan_ak is None:
            return kosong
        hasil = dict(kosong, proyeksi_bulan=dates.teks_bulan(bulan_ak), proyeksi_bulan_teks=dates.nama_bulan(bulan_ak))
        if hambatan:
            hasil["proyeksi_keterangan"] = " ".join(hambatan)
            return hasil
        anggapan = []
        # AK met by the PAK holds today; AK from ratings counts from the month after it is reached.
        ak_dari_pak = self.ak_awal >= target
        ak_sejak = kasus.tanggal if ak_dari_pak else dates.awal_bulan(bulan_ak + 1)
        calon = max(ak_sejak, kasus.tanggal)
        if batas_masa is None:
            anggapan.append(f"{label_masa} belum diisi, jadi syarat masa dianggap sudah terpenuhi")
        else:
            calon = max(calon, batas_masa)
        selang, dikenal = self.selang(tahun_predikat)
        # AK and masa only grow, so they hold from `calon` on; the predikat condition can hold,
        # lapse at a gap and hold again: take the first interval that reaches `calon`, then, for a
        # kenaikan pangkat, the first KP period in which it still holds. Each pass moves past one
        # interval, so the loop ends within len(selang) + 1 passes.
        periode = None
        for _ in range(len(selang) + 1):
            # The condition on a date looks at the months before the date's month, so a date in
            # the middle of a month still counts for that month (a KJ can fall on any day).
            bulan = bulan_predikat(selang, dates.bulan_dari(calon))
            if bulan is None:
                nama = kasus.nama_predikat(self.predikat)
                hasil["proyeksi_keterangan"] = (f"Dengan predikat {nama} mulai {dates.nama_bulan(self.mulai)}, "
                                                "syarat predikat kinerja tidak akan terpenuhi.")
                return hasil
            calon = max(calon, dates.awal_bulan(bulan))
            if not periode_kp:
                break
            calon, periode = self._tanggal_kp(calon)
            if bulan_predikat(selang, dates.bulan_dari(calon)) == dates.bulan_dari(calon):
                break
        if dates.bulan_dari(calon) - tahun_predikat * 12 < dikenal:
            minimal = kasus.nama_predikat(kasus.nilai("predikat_minimal").nilai)
            anggapan.append(f"predikat sebelum {dates.nama_bulan(int(dikenal))} dianggap minimal {minimal}")
        keterangan = "Tanggal paling awal bila angka kredit, masa, dan predikat kinerja terpenuhi"
        if periode is not None:
            keterangan += f", pada periode kenaikan pangkat ({kasus.dasar(periode)})"
        keterangan += "."
        if anggapan:
            keterangan += " Dengan anggapan: " + "; ".join(anggapan) + "."
        hasil.update(proyeksi_tanggal=calon.isoformat(), proyeksi_tanggal_teks=dates.teks_tanggal(calon),
                     proyeksi_keterangan=keterangan + " Syarat lain tetap harus dipenuhi.")
        return hasil


def info(kasus: Kasus, proyeksi: Proyeksi) -> dict | None:
    """The `proyeksi` block of the result: the assumption, and its AK per month and year."""
    if proyeksi.mulai is None:
        return None
    d = kasus.p.desimal
    m = proyeksi.mulai_ak
    pct = persentase(kasus, proyeksi.predikat, m)
    koef = koefisien(kasus, m)
    setahun = kasus.nilai("bulan_setahun", dates.awal_bulan(m)).nilai
    per_bulan = proyeksi.per_bulan
    dp = max(d, DESIMAL_TEPAT)
    return {
        "predikat": kasus.nama_predikat(proyeksi.predikat),
        "mulai": dates.teks_bulan(proyeksi.mulai),
        "mulai_teks": dates.nama_bulan(proyeksi.mulai),
        "ak_per_bulan": ke_json(per_bulan, dp),
        "ak_per_tahun": ke_json(per_bulan * setahun, d),
        "ak_per_tahun_teks": teks(per_bulan * setahun, d),
        "rumus": f"1/{teks(setahun)} x {persen(pct.nilai)} x {tepat(koef.nilai)} = {teks(per_bulan, dp)} per bulan",
        "bawaan": kasus.p.proyeksi_bawaan,
    }


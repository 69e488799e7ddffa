"""Conditions besides AK: masa, predikat kinerja, and facts the person states.

Each condition is a dict: kode, nama, status (terpenuhi / belum / tidak_diketahui), status_teks,
alasan (a plain sentence), dasar (the legal citation, shown one tap away) and langkah (what to do
when the condition is not met or not known). Only conditions with a source block a kenaikan
(rules reference, section 5); the others are flagged where they are used.
"""
from __future__ import annotations

import datetime as _dt
import math

from . import dates
from .konteks import BELUM, TERPENUHI, TIDAK_DIKETAHUI, Kasus

STATUS_TEKS = {TERPENUHI: "Terpenuhi", BELUM: "Belum terpenuhi", TIDAK_DIKETAHUI: "Perlu dipastikan"}


def syarat(kode: str, nama: str, status: str, alasan: str, dasar: str = "", langkah: str | None = None) -> dict:
    return {"kode": kode, "nama": nama, "status": status, "status_teks": STATUS_TEKS[status],
            "alasan": alasan, "dasar": dasar, "langkah": None if status == TERPENUHI else langkah}


def fakta(kode: str, nama: str, nilai: bool | None, ya: str, tidak: str, kosong: str,
          dasar: str = "", langkah: str | None = None) -> dict:
    """A condition the person states (uji kompetensi, formasi, ...): true, false or not known."""
    if nilai is None:
        return syarat(kode, nama, TIDAK_DIKETAHUI, kosong, dasar, langkah)
    return syarat(kode, nama, TERPENUHI if nilai else BELUM, ya if nilai else tidak, dasar, langkah)


def cek_masa(kasus: Kasus, kode: str, nama: str, tmt: _dt.date | None, tahun: int, label: str,
             dasar: str) -> tuple[dict, _dt.date | None]:
    """'At least N years in the current pangkat/jenjang', judged on the day of the calculation."""
    if tmt is None:
        return syarat(kode, nama, TIDAK_DIKETAHUI, f"{label} belum diisi.", dasar,
                      f"Isi {label} (lihat SK terakhir Anda) agar syarat ini dapat diperiksa."), None
    batas = dates.tambah_tahun(tmt, tahun)
    if batas <= kasus.tanggal:
        return syarat(kode, nama, TERPENUHI,
                      f"Sejak {dates.teks_tanggal(tmt)}; terpenuhi sejak {dates.teks_tanggal(batas)}.", dasar), batas
    return syarat(kode, nama, BELUM,
                  f"Sejak {dates.teks_tanggal(tmt)}; baru terpenuhi pada {dates.teks_tanggal(batas)}.", dasar,
                  f"Tunggu sampai {dates.teks_tanggal(batas)}."), batas


def terakhir_sebelum(penilaian, bulan: int) -> int | None:
    """Last rated month before `bulan`."""
    return max((min(p.selesai, bulan - 1) for p in penilaian if p.mulai < bulan), default=None)


def awal_berurutan(penilaian, akhir: int) -> int:
    """First month of the unbroken run of rated months that ends at `akhir`."""
    awal = akhir + 1
    for p in sorted(penilaian, key=lambda p: p.selesai, reverse=True):
        if p.selesai >= awal - 1 and p.mulai < awal:
            awal = p.mulai
    return awal


def cek_predikat(kasus: Kasus, tahun: int, dasar: str) -> dict:
    """'Predikat at least Baik in each of the last N years', judged on the last N x 12 rated
    months before the month of the calculation (months from it on are estimates)."""
    minimal = kasus.nilai("predikat_minimal").nilai
    nama_min = kasus.nama_predikat(minimal)
    nama = f"Predikat kinerja minimal {nama_min} dalam {tahun} tahun terakhir"
    penilaian = kasus.p.penilaian
    langkah_isi = (f"Masukkan predikat kinerja {tahun * 12} bulan terakhir, termasuk yang sudah tercakup "
                   "dalam PAK, agar syarat ini dapat diperiksa.")
    akhir = terakhir_sebelum(penilaian, kasus.bulan_hitung)
    if akhir is None:
        return syarat("predikat", nama, TIDAK_DIKETAHUI,
                      "Belum ada penilaian sebelum bulan ini yang dimasukkan.", dasar, langkah_isi)
    # An annual predikat is set early in the next year, so a gap of a few months is normal.
    tenggang = int(kasus.nilai("predikat_tenggang_bulan").nilai)
    if akhir < kasus.bulan_hitung - tenggang:
        return syarat("predikat", nama, TIDAK_DIKETAHUI,
                      f"Penilaian terakhir yang dimasukkan berakhir {dates.nama_bulan(akhir)}.", dasar,
                      "Masukkan penilaian terbaru Anda.")
    jendela = tahun * 12
    awal = akhir - jendela + 1
    buruk = [p for p in penilaian if kasus.di_bawah(p.predikat, minimal) and p.selesai >= awal and p.mulai <= akhir]
    if buruk:
        p = buruk[-1]
        sampai = min(p.selesai, akhir)
        return syarat("predikat", nama, BELUM,
                      f"Ada predikat di bawah {nama_min} pada {dates.teks_rentang(max(p.mulai, awal), sampai)}.", dasar,
                      f"Syarat ini terpenuhi lagi setelah {tahun * 12} bulan berturut-turut dengan predikat minimal {nama_min}.")
    tercakup = awal_berurutan(penilaian, akhir)
    if tercakup > awal:
        if tercakup == kasus.mulai_konversi:
            # Ratings before 2023 give no AK and cannot be entered; the reader must check them.
            return syarat("predikat", nama, TIDAK_DIKETAHUI,
                          f"Penilaian {dates.teks_rentang(tercakup, akhir)} minimal {nama_min}; predikat sebelum "
                          f"{dates.nama_bulan(tercakup)} tidak dimasukkan ke kalkulator.", dasar,
                          f"Pastikan predikat sebelum {dates.nama_bulan(tercakup)} juga minimal {nama_min}.")
        return syarat("predikat", nama, TIDAK_DIKETAHUI,
                      f"Penilaian yang dimasukkan belum mencakup seluruh {jendela} bulan sampai {dates.nama_bulan(akhir)}.",
                      dasar, langkah_isi)
    return syarat("predikat", nama, TERPENUHI,
                  f"Semua penilaian {dates.teks_rentang(awal, akhir)} minimal {nama_min}.", dasar)


def selang_predikat(kasus: Kasus, tahun: int, mulai_proyeksi: int, predikat_proyeksi: str) -> tuple[list, float]:
    """Months m at which the predikat condition holds in the projection, and the first known
    month (a date whose window reaches before it rests on an assumption; -inf when none).

    The condition at m is judged on the rated months m - N x 12 ... m - 1: all rated, none below
    the minimum. Rated months are the request's periods plus every month from the projection's
    start under the assumed predikat. Each unbroken stretch of good months [g1, g2] gives the
    interval [g1 + N x 12, g2 + 1] (closed form). The first stretch, when nothing is known before
    it (ratings before 2023 cannot be entered; older ones may simply not be typed in), is assumed
    to reach back far enough, and the result says so: an unknown past never blocks an answer.
    """
    minimal = kasus.nilai("predikat_minimal").nilai
    jendela = tahun * 12
    rentang = [(p.mulai, p.selesai, not kasus.di_bawah(p.predikat, minimal)) for p in kasus.p.penilaian]
    rentang.append((mulai_proyeksi, math.inf, not kasus.di_bawah(predikat_proyeksi, minimal)))
    rentang.sort(key=lambda r: r[0])
    pertama = rentang[0][0]
    selang, awal, akhir = [], None, None
    for mulai, selesai, baik in rentang:
        if awal is not None and (not baik or mulai != akhir + 1):
            selang.append((awal, akhir))
            awal = None
        if baik:
            awal = mulai if awal is None else awal
            akhir = selesai
    if awal is not None:
        selang.append((awal, akhir))
    hasil, dikenal = [], -math.inf
    for g1, g2 in selang:
        if g1 == pertama:
            g1, dikenal = -math.inf, pertama
        if g1 + jendela <= g2 + 1:
            hasil.append((g1 + jendela, g2 + 1))
    return hasil, dikenal


def bulan_predikat(selang: list, sejak: int) -> int | None:
    """First month at or after `sejak` inside one of the intervals."""
    for bawah, atas in selang:
        if atas >= sejak:
            return int(max(bawah, sejak))
    return None

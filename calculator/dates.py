"""Calendar helpers: months as integer indexes, dates from strings, adding whole years."""
from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

_BULAN = re.compile(r"^(\d{4})-(\d{2})$")
_TANGGAL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
NAMA_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember")


def indeks(tahun: int, bulan: int) -> int:
    """Months since year 0: consecutive months differ by 1."""
    return tahun * 12 + (bulan - 1)


def dari_indeks(i: int) -> tuple[int, int]:
    tahun, bulan = divmod(i, 12)
    return tahun, bulan + 1


@lru_cache(maxsize=4096)  # pure; the same months recur across requests
def teks_bulan(i: int) -> str:
    """'2024-02' for the JSON result."""
    tahun, bulan = dari_indeks(i)
    return f"{tahun:04d}-{bulan:02d}"


@lru_cache(maxsize=4096)  # pure; the same months recur across requests
def nama_bulan(i: int) -> str:
    """'Februari 2024' for sentences."""
    tahun, bulan = dari_indeks(i)
    return f"{NAMA_BULAN[bulan - 1]} {tahun}"


def baca_bulan(teks: str) -> int | None:
    m = _BULAN.match(teks)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return indeks(int(m.group(1)), int(m.group(2)))


def baca_tanggal(teks: str) -> _dt.date | None:
    m = _TANGGAL.match(teks)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def tambah_tahun(tanggal: _dt.date, tahun: int) -> _dt.date:
    """Same day `tahun` years later; 29 February falls back to 28 February."""
    try:
        return tanggal.replace(year=tanggal.year + tahun)
    except ValueError:
        return tanggal.replace(year=tanggal.year + tahun, day=28)


def bulan_dari(tanggal: _dt.date) -> int:
    return indeks(tanggal.year, tanggal.month)


@lru_cache(maxsize=4096)  # pure; the same months recur across requests
def awal_bulan(i: int) -> _dt.date:
    tahun, bulan = dari_indeks(i)
    return _dt.date(tahun, bulan, 1)


@lru_cache(maxsize=4096)  # pure; the same months recur across requests
def teks_tanggal(tanggal: _dt.date) -> str:
    """'1 April 2026' for sentences."""
    return f"{tanggal.day} {NAMA_BULAN[tanggal.month - 1]} {tanggal.year}"


@lru_cache(maxsize=4096)  # pure; the same months recur across requests
def teks_rentang(mulai: int, selesai: int) -> str:
    """'Januari s.d. Desember 2024', 'Juli 2024 s.d. Juni 2025', 'Maret 2024' for sentences."""
    if mulai == selesai:
        return nama_bulan(mulai)
    tahun_m, bulan_m = dari_indeks(mulai)
    tahun_s, _ = dari_indeks(selesai)
    if tahun_m == tahun_s:
        return f"{NAMA_BULAN[bulan_m - 1]} s.d. {nama_bulan(selesai)}"
    return f"{nama_bulan(mulai)} s.d. {nama_bulan(selesai)}"

"""Numbers for people: the one place where exact AK values are rounded and formatted.

No regulation fixes the rounding of AK. BKN's examples show 2 decimals (2,08; 20,83) and PAK
documents printed by instansi often show 3, so the number of decimals is a request setting
(`desimal`, default 2). Rounding is half-up, applied once, for output only: the engine adds
and compares exact fractions (Python's round() would round half to even: 5,625 -> 5,62).
"""
from __future__ import annotations

import re as _re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache


def _ingat(fungsi):
    """Memoise a pure function of (Fraction, int) on the fraction's integers: hashing a Fraction
    costs a modular inverse, hashing two ints does not. Bounded like an lru_cache."""
    memo: dict = {}

    def bungkus(nilai: Fraction, desimal: int = 2):
        kunci = (nilai.numerator, nilai.denominator, desimal)
        hasil = memo.get(kunci)
        if hasil is None:
            hasil = fungsi(nilai, desimal)
            if len(memo) < 4096:
                memo[kunci] = hasil
        return hasil

    bungkus.__doc__ = fungsi.__doc__
    bungkus.__wrapped__ = fungsi
    return bungkus


@_ingat  # pure; the same AK values recur across requests
def bulatkan(nilai: Fraction, desimal: int) -> Decimal:
    """Round an exact value half-up to `desimal` places."""
    kuantum = Decimal(1).scaleb(-desimal)
    hasil = (Decimal(nilai.numerator) / Decimal(nilai.denominator)) if nilai.denominator != 1 else Decimal(nilai.numerator)
    # Decimal division carries 28 significant digits, far beyond any AK; quantize rounds once.
    return hasil.quantize(kuantum, rounding=ROUND_HALF_UP)


@_ingat  # pure; the same AK values recur across requests
def ke_json(nilai: Fraction, desimal: int):
    """A JSON number rounded half-up: int when whole, else the shortest float of that decimal."""
    d = bulatkan(nilai, desimal)
    if d == d.to_integral_value():
        return int(d)
    # The decimal is already rounded; float() only carries it into JSON, its repr prints it back.
    return float(d)


@_ingat  # pure; the same AK values recur across requests
def teks(nilai: Fraction, desimal: int = 2) -> str:
    """Indonesian format: decimal comma, thousands dot, no trailing zeros ("2,08", "37,5", "1.250")."""
    d = bulatkan(nilai, desimal)
    tanda = "-" if d < 0 else ""
    d = abs(d)
    bulat, _, pecahan = f"{d:f}".partition(".")
    pecahan = pecahan.rstrip("0")
    kelompok = []
    while len(bulat) > 3:
        kelompok.insert(0, bulat[-3:])
        bulat = bulat[:-3]
    kelompok.insert(0, bulat)
    hasil = ".".join(kelompok)
    return f"{tanda}{hasil},{pecahan}" if pecahan else f"{tanda}{hasil}"


# Rule figures (koefisien 3,75) and inputs (AK 550,63) are shown as they are, never rounded to
# the request's `desimal`: only computed AK is rounded. They have at most this many decimals
# (inputs are checked in validation).
DESIMAL_TEPAT = 4


def tepat(nilai: Fraction) -> str:
    """A rule figure or an input, shown exactly ("12,5", "550,63")."""
    return teks(nilai, DESIMAL_TEPAT)


def tepat_json(nilai: Fraction):
    return ke_json(nilai, DESIMAL_TEPAT)


@lru_cache(maxsize=4096)  # pure; the same AK values recur across requests
def persen(nilai: Fraction) -> str:
    """A rate of satuan /1 as a percentage: 1,5 -> "150%"."""
    return f"{tepat(nilai * 100)}%"


# What a person types: "1.050,5" (Indonesian), "1050,5", "25,75", "1050.5", "1.050" (= 1050).
# The one place where typed numbers are read; front ends send the text as typed.

TEKS_ANGKA_MAKSIMUM = 32  # characters; longer text is refused before any pattern runs
_BULAT = _re.compile(r"\d+")
_RIBUAN_ID = _re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 1.050 / 1.050,5
_KOMA = _re.compile(r"\d+,\d+")  # 1050,5 / 25,75
_TITIK = _re.compile(r"\d+\.\d+")  # 1050.5 (a dot not followed by groups of three digits)
_RIBUAN_EN = _re.compile(r"\d{1,3}(?:,\d{3})+\.\d+")  # 1,050.5 (both separators: the last is decimal)


def baca(teks_angka: str) -> Fraction | str:
    """An exact number from typed text, or a message (Bahasa Indonesia) saying what is wrong."""
    t = teks_angka.strip().replace(" ", "")
    if not t:
        return "isi dengan angka"
    if len(t) > TEKS_ANGKA_MAKSIMUM:
        return "terlalu panjang untuk sebuah angka"
    if t.startswith("-"):
        return "tidak boleh negatif; isi 0 atau lebih"
    if t.startswith("+"):
        t = t[1:]
    if _BULAT.fullmatch(t):
        return Fraction(int(t))
    if _RIBUAN_ID.fullmatch(t):
        return Fraction(t.replace(".", "").replace(",", "."))
    if _KOMA.fullmatch(t):
        return Fraction(t.replace(",", "."))
    if _TITIK.fullmatch(t):
        return Fraction(t)
    if _RIBUAN_EN.fullmatch(t):
        return Fraction(t.replace(",", ""))
    return f'"{teks_angka.strip()[:TEKS_ANGKA_MAKSIMUM]}" bukan angka yang dapat dibaca; tulis seperti 1.050,5 atau 1050,5'
def ejaan(nilai: Fraction) -> tuple[str, ...]:
    """Every way a person may type this number that `baca` reads back as exactly it: decimal comma
    or point, with or without thousands separators, with trailing zeros up to DESIMAL_TEPAT
    decimals ("18,75", "18.75", "18,750"; never "18.750", which reads as 18.750 = 18750). The
    trainer quiz compares typed text with this list, so the browser never parses a number."""
    bulat, _, pecahan = f"{abs(bulatkan(nilai, DESIMAL_TEPAT)):f}".partition(".")
    pecahan = pecahan.rstrip("0")
    tanda = "-" if nilai < 0 else ""

    def kelompok(pemisah: str) -> str:
        bagian = [bulat[max(0, i - 3):i] for i in range(len(bulat), 0, -3)]
        return pemisah.join(reversed(bagian))

    hasil = []
    for nol in range(DESIMAL_TEPAT - len(pecahan) + 1):
        desimal = pecahan + "0" * nol
        for depan in dict.fromkeys((bulat, kelompok("."), kelompok(","))):
            for koma in (",", ".") if desimal else ("",):
                calon = f"{tanda}{depan}{koma}{desimal}"
                if calon not in hasil and baca(calon) == nilai:
                    hasil.append(calon)
    return tuple(hasil)


NOL = Fraction(0)  # zero AK, made once

"""Helpers shared by the engine tests (tests/engine only)."""
from __future__ import annotations

from fractions import Fraction

from calculator import hitung

# A fixed "today" so that no test depends on the date it runs on.
TANGGAL_HITUNG = "2025-01-15"


def hitung_pada(permintaan: dict, tanggal: str = TANGGAL_HITUNG) -> dict:
    """hitung() with tanggal_hitung fixed (unless the request sets its own)."""
    return hitung({"tanggal_hitung": tanggal, **permintaan})


def sukses(permintaan: dict, tanggal: str = TANGGAL_HITUNG) -> dict:
    """hitung_pada() that must not fail validation."""
    hasil = hitung_pada(permintaan, tanggal)
    assert "galat" not in hasil, hasil.get("galat")
    return hasil


def galat(permintaan, tanggal: str | None = TANGGAL_HITUNG) -> list[dict]:
    """hitung() that must fail validation; returns the galat list."""
    if isinstance(permintaan, dict) and tanggal is not None:
        permintaan = {"tanggal_hitung": tanggal, **permintaan}
    hasil = hitung(permintaan)
    assert "galat" in hasil, f"expected galat, got keys {sorted(hasil)}"
    assert set(hasil) == {"galat"}, sorted(hasil)
    return hasil["galat"]


def kolom(daftar: list[dict]) -> list[str]:
    return [g["kolom"] for g in daftar]


def syarat(blok: dict, kode: str) -> dict:
    cocok = [s for s in blok["syarat"] if s["kode"] == kode]
    assert len(cocok) == 1, [s["kode"] for s in blok["syarat"]]
    return cocok[0]


def belum_dikonfirmasi_disebut(hasil: dict, nama: str) -> bool:
    """True when a warning names the unconfirmed parameter `nama`."""
    if not any(nama in x["nama"] for x in hasil["belum_dipastikan"]):
        return False
    # ... and the reader is told, in words, without the internal name.
    assert sum(p.startswith("Belum dipastikan (") for p in hasil["peringatan"]) == len(hasil["belum_dipastikan"])
    assert not any(x["nama"] in p for x in hasil["belum_dipastikan"] for p in hasil["peringatan"])
    return True


def pecahan(x) -> Fraction:
    """A JSON number from a result as an exact fraction of its decimal text."""
    return Fraction(str(x))

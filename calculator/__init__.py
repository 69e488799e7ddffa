"""Kalkulator angka kredit jabatan fungsional (PermenPANRB 1/2023, Peraturan BKN 3/2023).

One entry point for every front end (browser, command line, the guide's worked examples, tests):

    >>> from calculator import hitung
    >>> hitung({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0,
    ...         "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"}]})["ak_kumulatif"]
    18.75

Data flows one way: request -> validation -> engine -> result dict. `hitung` never raises.
"""
from __future__ import annotations

import datetime as _dt

from .rules import muat

__all__ = ["hitung", "aturan"]


def hitung(permintaan) -> dict:
    """Compute the AK position for a request (see maintainers/desain.md for the contract)."""
    from .engine import susun
    from .rules import BelumBerlaku
    from .validation import validasi

    try:
        data = muat()
        hasil = validasi(permintaan, data, _dt.date.today())
        if isinstance(hasil, list):
            return {"galat": hasil}
        return susun(data, hasil)
    except RecursionError:
        return _galat("Permintaan: terlalu bersarang untuk diproses.")
    except BelumBerlaku as exc:  # a rule asked for before it took effect: say which, never guess
        return _galat(f"Permintaan: aturan yang diperlukan ({exc.param.nama}) belum berlaku pada "
                      f"{exc.tanggal.day}-{exc.tanggal.month}-{exc.tanggal.year}; periksa tanggal yang diisi.")
    except Exception as exc:  # the contract: never a traceback; report it as a galat
        return _galat(f"Permintaan: terjadi kesalahan internal kalkulator ({type(exc).__name__}). "
                      "Mohon laporkan permintaan ini kepada pengelola situs.")


def _galat(pesan: str) -> dict:
    return {"galat": [{"kolom": "permintaan", "label": "Permintaan", "pesan": pesan}]}


def aturan() -> dict:
    """A JSON-able snapshot of the rules for forms and tables."""
    from .publik import snapshot

    return snapshot(muat())

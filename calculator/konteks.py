"""One request being computed: the validated request, the rules looked up for it, its warnings.

Every engine module receives a `Kasus`. It records each unconfirmed rule value it hands out, so
that the result can flag it (rules reference: an UNCONFIRMED value is used, never hidden).
"""
from __future__ import annotations

import datetime as _dt

from . import dates
from .rules import Aturan, Nilai
from .validation import Permintaan

TERPENUHI, BELUM, TIDAK_DIKETAHUI = "terpenuhi", "belum", "tidak_diketahui"


class Kasus:
    def __init__(self, aturan: Aturan, p: Permintaan):
        self.aturan = aturan
        self.p = p
        self.tanggal = p.tanggal_hitung
        self.bulan_hitung = dates.bulan_dari(p.tanggal_hitung)
        self.jenjang = aturan.jenjang[p.jenjang]
        self.urutan = {kode: d["urutan"] for kode, d in aturan.predikat.items()}
        # AK from konversi predikat counts from this month (PermenPANRB 1/2023; rules ref. s. 1).
        self.mulai_konversi = dates.bulan_dari(aturan.param("mulai_konversi").terbaru.nilai)
        # Months before the PAK's month are inside the PAK's AK (rules reference, section 6).
        self.bulan_pak = dates.bulan_dari(p.tanggal_pak) if p.tanggal_pak is not None else None
        self.belum_dikonfirmasi: dict[str, Nilai] = {}
        self.peringatan: list[str] = list(p.peringatan)
        self.curiga_konvensional = False  # an old-system figure typed as the AK of a PAK

    def nilai(self, nama: str, pada: _dt.date | None = None) -> Nilai:
        n = self.aturan.nilai_pada(nama, pada or self.tanggal)
        if not n.dikonfirmasi:
            self.belum_dikonfirmasi[n.nama] = n
        return n

    def ada(self, nama: str) -> bool:
        return nama in self.aturan.parameter

    def dasar(self, n: Nilai) -> str:
        return self.aturan.dasar_hukum(n)

    def nama_predikat(self, kode: str) -> str:
        return self.aturan.predikat[kode]["nama"]

    def di_bawah(self, predikat: str, minimal: str) -> bool:
        """True when `predikat` is worse than `minimal` (rank 1 is the best)."""
        return self.urutan[predikat] > self.urutan[minimal]

    def peringatkan(self, teks: str) -> None:
        self.peringatan.append(teks)

    def pangkat(self, golongan: str) -> str:
        return f"{golongan} {self.aturan.pangkat[golongan]}"

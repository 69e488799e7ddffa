"""The rules as plain JSON-able data, for forms, tables and the command line.

Values keep their legal basis (`dasar_hukum`) and an `dikonfirmasi` flag so that every page or
form built from them can cite and flag them.
"""
from __future__ import annotations

import datetime as _dt
from fractions import Fraction

from .rules import Aturan, Nilai


def _angka(x):
    if isinstance(x, Fraction):
        return int(x) if x.denominator == 1 else x.numerator / x.denominator
    if isinstance(x, list):
        return [_angka(v) for v in x]
    if isinstance(x, _dt.date):
        return x.isoformat()
    return x


def nilai_publik(aturan: Aturan, n: Nilai) -> dict:
    param = aturan.parameter.get(n.nama)
    return {
        "nilai": _angka(n.nilai),
        "satuan": param.satuan if param else "",
        "deskripsi": param.deskripsi if param else "",
        "berlaku": n.berlaku.isoformat(),
        "dasar_hukum": aturan.dasar_hukum(n),
        "dikonfirmasi": n.dikonfirmasi,
        "catatan": n.catatan,
    }


def snapshot(aturan: Aturan, tanggal: _dt.date | None = None) -> dict:
    """The rules in force on `tanggal` (default today)."""
    tanggal = tanggal or _dt.date.today()

    def v(nama):
        # The one strict lookup: a value not yet in force on `tanggal` is absent, never the first one.
        p = aturan.parameter.get(nama)
        n = p.pada(tanggal) if p else None
        return nilai_publik(aturan, n) if n else None

    jenjang = []
    for kode, j in aturan.jenjang.items():
        jenjang.append({
            "kode": kode,
            "nama": j.nama,
            "kategori": j.kategori,
            "golongan": list(j.golongan),
            "koefisien": v(f"koefisien.{kode}")["nilai"],
            "akk_pangkat": v(f"akk_pangkat.{kode}")["nilai"],
            "akk_jenjang": (v(f"akk_jenjang.{kode}") or {}).get("nilai"),
            "jenjang_tujuan": j.tujuan,
            "ak_dasar": {g: v(f"ak_dasar.{kode}.{g}") for g in j.golongan},
            "nilai_dasar": v(f"nilai_dasar.{kode}"),
            "rincian": {
                "koefisien": v(f"koefisien.{kode}"),
                "akk_pangkat": v(f"akk_pangkat.{kode}"),
                "akk_jenjang": v(f"akk_jenjang.{kode}"),
            },
        })
    from .validation import LABEL_KOLOM, PENILAIAN_MAKSIMUM

    return {
        "versi": aturan.versi,
        # Field labels as the engine's messages name them; forms use the same words.
        "label_kolom": dict(LABEL_KOLOM),
        "penilaian_maksimum": PENILAIAN_MAKSIMUM,
        "diperiksa_sampai": aturan.diperiksa_sampai.isoformat(),
        "kategori": {k: {"nama": d["nama"], "jenjang": list(d["jenjang"])} for k, d in aturan.kategori.items()},
        "jenjang": jenjang,
        "golongan": [{"kode": g, "pangkat": nama} for g, nama in aturan.pangkat.items()],
        "predikat": [
            {"kode": kode, "nama": d["nama"], "label": d["label"],
             "persentase": _angka(aturan.nilai_pada(f"persentase.{kode}", tanggal).nilai * 100),
             "rincian": v(f"persentase.{kode}")}
            for kode, d in aturan.predikat.items()
        ],
        "predikat_minimal": v("predikat_minimal")["nilai"],
        "pendidikan_persen": v("pendidikan_persen"),
        "masa_pangkat_tahun": v("masa_pangkat_tahun"),
        "masa_jenjang_tahun": v("masa_jenjang_tahun"),
        "predikat_pangkat_tahun": v("predikat_pangkat_tahun"),
        "predikat_jenjang_tahun": v("predikat_jenjang_tahun"),
        "pengembangan_profesi_untuk": v("pengembangan_profesi_untuk"),
        "kelebihan_jenjang_hangus": v("kelebihan_jenjang_hangus"),
        "kp_tanpa_formasi": v("kp_tanpa_formasi"),
        "rentang_integrasi": {g: v(f"rentang.{g}") for g in aturan.pangkat if f"rentang.{g}" in aturan.parameter},
        "periode_kp": [nilai_publik(aturan, n) for n in aturan.param("periode_kp").riwayat],
        "mulai_konversi": v("mulai_konversi"),
        "instrumen": {k: {kk: _angka(vv) for kk, vv in d.items()} for k, d in aturan.instrumen.items()},
    }

"""The rule tables as rows, for trainers (command line) and the guide (MkDocs hook).

Each table is a title, a header and rows of display strings, built from the rules data only;
`*` marks a value the sources leave unconfirmed.
"""
from __future__ import annotations

import datetime as _dt
from typing import NamedTuple

from . import dates
from .angka import persen, teks
from .kenaikan import SYARAT_KJ, SYARAT_KP
from .rules import Aturan, Nilai, muat

TANDA_BELUM_DIKONFIRMASI = "*"


class Tabel(NamedTuple):
    kode: str
    judul: str
    kepala: list[str]
    baris: list[list[str]]
    dasar: list[str]
    belum_dikonfirmasi: bool = False


def _sel(n: Nilai | None, bentuk=teks) -> tuple[str, bool]:
    if n is None:
        return "-", False
    return bentuk(n.nilai) + ("" if n.dikonfirmasi else TANDA_BELUM_DIKONFIRMASI), not n.dikonfirmasi


def daftar_tabel(aturan: Aturan | None = None, tanggal: _dt.date | None = None) -> dict[str, Tabel]:
    a = aturan or muat()
    t = tanggal or _dt.date.today()

    def v(nama):
        # Strict: a value not yet in force on `t` is shown as absent ("-"), never the first one.
        p = a.parameter.get(nama)
        return p.pada(t) if p else None

    hasil: dict[str, Tabel] = {}

    def tambah(kode, judul, kepala, baris, dasar_nilai):
        dasar = list(dict.fromkeys(a.dasar_hukum(n) for n in dasar_nilai if n))
        flag = any(not n.dikonfirmasi for n in dasar_nilai if n)
        hasil[kode] = Tabel(kode, judul, kepala, baris, dasar, flag)

    semua = list(a.jenjang.values())
    tambah("kategori", "Kategori, jenjang, dan golongan ruang", ["Kategori", "Jenjang", "Golongan ruang"],
           [[a.kategori[j.kategori]["nama"], j.nama, ", ".join(j.golongan)] for j in semua], [j.sumber for j in semua])
    tambah("pangkat", "Golongan ruang dan pangkat", ["Golongan", "Pangkat"],
           [[g, nama] for g, nama in a.pangkat.items()], [a.pangkat_sumber])
    rows, src = [], []
    for j in semua:
        n = v(f"koefisien.{j.kode}")
        rows.append([j.nama, _sel(n)[0]])
        src.append(n)
    tambah("koefisien", "Koefisien angka kredit tahunan per jenjang", ["Jenjang", "Koefisien per tahun"], rows, src)
    rows, src = [], []
    for kode, d in a.predikat.items():
        n = v(f"persentase.{kode}")
        rows.append([d["nama"], _sel(n, persen)[0]])
        src.append(n)
    tambah("persentase", "Persentase angka kredit per predikat kinerja", ["Predikat kinerja", "Persentase"], rows, src)
    rows, src = [], []
    for j in semua:
        step = v(f"akk_pangkat.{j.kode}")
        kj = v(f"akk_jenjang.{j.kode}")
        naik = [f"{g}: {teks(j.ak_kumulatif_kp(step.nilai, g))}" for g in j.golongan[1:]]
        tujuan = a.jenjang[j.tujuan].nama if j.tujuan else None
        rows.append([j.nama, _sel(step)[0], "; ".join(naik) or "-",
                     f"{_sel(kj)[0]} (ke {tujuan})" if kj else "- (jenjang tertinggi)"])
        src += [step, kj]
    tambah("akk", "Angka kredit kumulatif (AKK) kenaikan pangkat dan jenjang",
           ["Jenjang", "AKK per kenaikan pangkat", "Kumulatif dalam jenjang", "AKK kenaikan jenjang"], rows, src)
    rows, src = [], []
    for j in semua:
        for g in j.golongan:
            n = v(f"ak_dasar.{j.kode}.{g}")
            rows.append([j.nama, g, _sel(n)[0]])
            src.append(n)
    tambah("ak_dasar", "AK Dasar menurut jenjang dan golongan", ["Jenjang", "Golongan", "AK Dasar"], rows, src)
    rows, src = [], []
    for j in semua:
        n = v(f"nilai_dasar.{j.kode}")
        rentang = []
        for g in j.golongan:
            r = v(f"rentang.{g}")
            if r and j.kategori == "keahlian":
                rentang.append(f"{g}: {teks(r.nilai[0])} s.d. {teks(r.nilai[1])}")
                src.append(r)
        rows.append([j.nama, _sel(n)[0], "; ".join(rentang) or "-"])
        src.append(n)
    tambah("nilai_dasar", "Nilai dasar integrasi dan rentang AK integrasi yang lazim",
           ["Jenjang", "Nilai dasar", "Rentang AK integrasi per golongan"], rows, src)
    periode = a.param("periode_kp").riwayat
    tambah("periode_kp", "Periode kenaikan pangkat (TMT tanggal 1)", ["Berlaku sejak", "Bulan", "Dasar"],
           [[dates.teks_tanggal(n.berlaku), _bulan(n.nilai) + ("" if n.dikonfirmasi else TANDA_BELUM_DIKONFIRMASI),
             a.dasar_hukum(n)] for n in periode],
           list(periode))
    masa_p, masa_j = v("masa_pangkat_tahun"), v("masa_jenjang_tahun")
    pred_p, pred_j = v("predikat_pangkat_tahun"), v("predikat_jenjang_tahun")
    minimal = a.predikat[v("predikat_minimal").nilai]["nama"]
    profesi = v("pengembangan_profesi_untuk")
    uji, kebutuhan = v("uji_kompetensi_jenjang"), v("kebutuhan_jenjang")
    ke = ", ".join(a.jenjang[k].nama for k in profesi.nilai)

    def wajib(n: Nilai | None, teks_wajib: str) -> str:
        if n is None or not n.nilai:
            return "-"
        return teks_wajib + ("" if n.dikonfirmasi else TANDA_BELUM_DIKONFIRMASI)

    # One row per condition the engine checks (kenaikan.SYARAT_KP / SYARAT_KJ), AK aside; "-" where
    # that kenaikan does not check it.
    baris = {
        "masa_pangkat": ("Masa", f"paling singkat {teks(masa_p.nilai)} tahun dalam pangkat terakhir", None),
        "masa_jenjang": ("Masa", None, f"paling singkat {teks(masa_j.nilai)} tahun dalam jenjang terakhir"),
        "predikat": ("Predikat kinerja", f"minimal {minimal} dalam {teks(pred_p.nilai)} tahun terakhir",
                     f"minimal {minimal} dalam {teks(pred_j.nilai)} tahun terakhir"),
        "hukuman_disiplin": ("Hukuman disiplin", "tidak sedang menjalani", None),
        # Not universal: the instansi pembina decides (flagged, as in the engine).
        "uji_kompetensi": ("Uji kompetensi", None, wajib(uji, "menurut ketentuan instansi pembina")),
        "formasi": ("Kebutuhan (formasi)", None, wajib(kebutuhan, "harus tersedia di jenjang tujuan")),
        "pengembangan_profesi": ("Pengembangan profesi", None, f"diperlukan untuk kenaikan ke {ke}"),
    }
    rows: dict[str, list[str]] = {}
    for kode in dict.fromkeys(k for k in SYARAT_KP + SYARAT_KJ if k != "angka_kredit"):
        judul, kp, kj = baris[kode]
        row = rows.setdefault(judul, [judul, "-", "-"])
        if kode in SYARAT_KP and kp:
            row[1] = kp
        if kode in SYARAT_KJ and kj:
            row[2] = kj
    tambah("syarat", "Syarat selain angka kredit", ["Syarat", "Kenaikan pangkat", "Kenaikan jenjang"],
           list(rows.values()), [masa_p, masa_j, pred_p, pred_j, profesi, uji, kebutuhan])
    return hasil


_NAMA_BULAN = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def _bulan(bulan: list[int]) -> str:
    if len(bulan) == 12:
        return "setiap bulan"
    return ", ".join(_NAMA_BULAN[b - 1] for b in bulan)


def teks_tabel() -> str:
    """All tables in plain text, for printing or projecting."""
    a = muat()
    keluar = [f"Aturan angka kredit jabatan fungsional (data versi {a.versi})", ""]
    for tabel in daftar_tabel(a).values():
        lebar = [max(len(r[i]) for r in [tabel.kepala, *tabel.baris]) for i in range(len(tabel.kepala))]
        keluar.append(tabel.judul)
        keluar.append("-" * len(tabel.judul))
        for r in [tabel.kepala, *tabel.baris]:
            keluar.append("  ".join(sel.ljust(lebar[i]) for i, sel in enumerate(r)).rstrip())
        keluar.append("Dasar: " + "; ".join(tabel.dasar))
        if tabel.belum_dikonfirmasi:
            keluar.append(f"{TANDA_BELUM_DIKONFIRMASI} belum dikonfirmasi dari teks peraturan; "
                          "pastikan ke pengelola kepegawaian atau BKPSDM.")
        keluar.append("")
    return "\n".join(keluar)

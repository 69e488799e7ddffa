"""Request validation: a JSON-like value becomes a typed `Permintaan`, or a list of galat.

Every message names the field (`kolom`, a path such as "penilaian[1].predikat") and says what is
allowed, in Bahasa Indonesia. Unknown fields are warnings, not errors, so that share links made
by an older or newer version of the site still open.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from typing import NamedTuple
from fractions import Fraction

from . import dates
from .angka import bulatkan, teks
from .rules import Aturan

AK_MAKSIMUM = Fraction(10000)  # far above any AKK (the largest is 450): larger input is a typo
from .angka import DESIMAL_TEPAT as DESIMAL_MAKSIMUM  # inputs are shown exactly, so bounded
PENILAIAN_MAKSIMUM = 240  # twenty years of monthly ratings
TAHUN_MAKSIMUM = 2100
TANGGAL_MINIMUM = _dt.date(1960, 1, 1)

KOLOM_DIKENAL = {
    "jenjang", "golongan", "ak_awal", "ak_konvensional", "tanggal_pak", "penilaian",
    "tmt_golongan", "tmt_jenjang", "proyeksi", "desimal", "pendidikan", "uji_kompetensi",
    "formasi_tersedia", "pengembangan_profesi", "hukuman_disiplin", "tanggal_hitung",
}
KOLOM_PENILAIAN = {"tahun", "mulai", "selesai", "predikat"}
KOLOM_PROYEKSI = {"predikat", "mulai"}
KOLOM_PENDIDIKAN = {"tanggal"}


class Periode(NamedTuple):  # NamedTuple, not a dataclass: see rules.Nilai
    mulai: int  # month index (dates.indeks)
    selesai: int
    predikat: str  # predikat code
    kolom: str  # where it came from, for messages

    @property
    def bulan(self) -> int:
        return self.selesai - self.mulai + 1


class Permintaan(NamedTuple):
    jenjang: str
    golongan: str
    ak_awal: Fraction | None
    ak_konvensional: Fraction | None
    tanggal_pak: _dt.date | None
    penilaian: list[Periode]
    tmt_golongan: _dt.date | None
    tmt_jenjang: _dt.date | None
    proyeksi_predikat: str | None
    proyeksi_mulai: int | None
    desimal: int
    pendidikan_tanggal: _dt.date | None
    uji_kompetensi: bool | None
    formasi_tersedia: bool | None
    pengembangan_profesi: bool | None
    hukuman_disiplin: bool | None
    tanggal_hitung: _dt.date
    peringatan: list[str]


class _Galat:
    def __init__(self):
        self.daftar: list[dict] = []

    def tambah(self, kolom: str, pesan: str) -> None:
        self.daftar.append({"kolom": kolom, "pesan": pesan})


_PEMISAH = re.compile(r"[\s_\-]+")


def normalkan_label(teks_label: str) -> str:
    """'  butuh   PERBAIKAN ' -> 'butuhperbaikan': case and spacing do not matter."""
    return _PEMISAH.sub("", teks_label).casefold()


_PETA: dict[int, dict[str, str]] = {}


def _peta_predikat(aturan: Aturan) -> dict[str, str]:
    """Normalised label -> predikat code, built once per loaded rules."""
    peta = _PETA.get(id(aturan))
    if peta is None:
        peta = {normalkan_label(label): kode
                for kode, p in aturan.predikat.items() for label in [*p["label"], kode]}
        _PETA[id(aturan)] = peta
    return peta


def _daftar_predikat(aturan: Aturan) -> str:
    nama = [l for p in aturan.predikat.values() for l in p["label"] if "/" not in l]
    return ", ".join(f'"{n}"' for n in nama)


def _daftar_jenjang(aturan: Aturan) -> str:
    return ", ".join(f'"{k}" ({j.nama})' for k, j in aturan.jenjang.items())


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _angka(nilai, kolom: str, galat: _Galat, maksimum: Fraction = AK_MAKSIMUM) -> Fraction | None:
    if not _is_number(nilai):
        galat.tambah(kolom, f"Isi {kolom} dengan angka (contoh: 12,5), bukan {_jenis(nilai)}.")
        return None
    if isinstance(nilai, float) and not math.isfinite(nilai):
        galat.tambah(kolom, f"{kolom} harus berupa angka yang sah.")
        return None
    # str() of a float is its shortest decimal form: 550.63 stays 550.63, exactly.
    exact = Fraction(str(nilai)) if isinstance(nilai, float) else Fraction(nilai)
    if exact < 0:
        galat.tambah(kolom, f"{kolom} tidak boleh negatif; isi 0 atau lebih.")
        return None
    if exact > maksimum:
        galat.tambah(kolom, f"{kolom} terlalu besar; nilai yang diterima paling banyak {teks(maksimum)}.")
        return None
    if bulatkan(exact, DESIMAL_MAKSIMUM) != exact:
        galat.tambah(kolom, f"{kolom} paling banyak {DESIMAL_MAKSIMUM} angka di belakang koma.")
        return None
    return exact


def _jenis(nilai) -> str:
    if nilai is None:
        return "kosong (null)"
    if isinstance(nilai, bool):
        return "benar/salah"
    if isinstance(nilai, str):
        return "teks"
    if isinstance(nilai, list):
        return "daftar"
    if isinstance(nilai, dict):
        return "objek"
    return "angka"


def _tanggal(nilai, kolom: str, galat: _Galat, hari_ini: _dt.date | None = None) -> _dt.date | None:
    if not isinstance(nilai, str):
        galat.tambah(kolom, f"Isi {kolom} dengan tanggal berformat TTTT-BB-HH (contoh: 2023-04-01), bukan {_jenis(nilai)}.")
        return None
    t = dates.baca_tanggal(nilai.strip())
    if t is None:
        galat.tambah(kolom, f'"{nilai}" bukan tanggal yang sah; gunakan format TTTT-BB-HH (contoh: 2023-04-01).')
        return None
    if t < TANGGAL_MINIMUM or t.year > TAHUN_MAKSIMUM:
        galat.tambah(kolom, f"{kolom} harus antara tahun {TANGGAL_MINIMUM.year} dan {TAHUN_MAKSIMUM}.")
        return None
    if hari_ini is not None and t > hari_ini:
        galat.tambah(kolom, f"{kolom} ({dates.teks_tanggal(t)}) tidak boleh sesudah tanggal perhitungan ({dates.teks_tanggal(hari_ini)}).")
        return None
    return t


def _bulan(nilai, kolom: str, galat: _Galat) -> int | None:
    if not isinstance(nilai, str):
        galat.tambah(kolom, f"Isi {kolom} dengan bulan berformat TTTT-BB (contoh: 2024-01), bukan {_jenis(nilai)}.")
        return None
    i = dates.baca_bulan(nilai.strip())
    if i is None:
        galat.tambah(kolom, f'"{nilai}" bukan bulan yang sah; gunakan format TTTT-BB dengan bulan 01 sampai 12 (contoh: 2024-01).')
        return None
    if not dates.indeks(TANGGAL_MINIMUM.year, 1) <= i <= dates.indeks(TAHUN_MAKSIMUM, 12):
        galat.tambah(kolom, f"{kolom} harus antara tahun {TANGGAL_MINIMUM.year} dan {TAHUN_MAKSIMUM}.")
        return None
    return i


def _bool(nilai, kolom: str, galat: _Galat) -> bool | None:
    if nilai is None or isinstance(nilai, bool):
        return nilai
    galat.tambah(kolom, f"{kolom} harus bernilai true (ya), false (tidak), atau dikosongkan (belum diketahui).")
    return None


def _predikat(nilai, kolom: str, galat: _Galat, aturan: Aturan) -> str | None:
    if not isinstance(nilai, str) or not nilai.strip():
        galat.tambah(kolom, f"Pilih predikat kinerja: {_daftar_predikat(aturan)}.")
        return None
    kode = _peta_predikat(aturan).get(normalkan_label(nilai))
    if kode is None:
        galat.tambah(kolom, f'Predikat "{nilai}" tidak dikenal. Pilih salah satu: {_daftar_predikat(aturan)}.')
    return kode


def _kolom_asing(obj: dict, dikenal: set[str], awalan: str, peringatan: list[str]) -> None:
    for kunci in obj:
        if kunci not in dikenal:
            nama = f"{awalan}{kunci}"
            peringatan.append(f'Kolom "{nama}" tidak dikenal oleh kalkulator versi ini dan diabaikan.')


def _penilaian(daftar, galat: _Galat, aturan: Aturan, peringatan: list[str], mulai_konversi: int) -> list[Periode]:
    if daftar is None:
        return []
    if not isinstance(daftar, list):
        galat.tambah("penilaian", f"penilaian harus berupa daftar periode, bukan {_jenis(daftar)}.")
        return []
    if len(daftar) > PENILAIAN_MAKSIMUM:
        galat.tambah("penilaian", f"Terlalu banyak periode penilaian; paling banyak {PENILAIAN_MAKSIMUM}.")
        return []
    hasil = []
    for n, item in enumerate(daftar):
        kolom = f"penilaian[{n}]"
        if not isinstance(item, dict):
            galat.tambah(kolom, 'Setiap periode harus berupa objek, misalnya {"tahun": 2023, "predikat": "Baik"} atau {"mulai": "2024-01", "selesai": "2024-06", "predikat": "Baik"}.')
            continue
        _kolom_asing(item, KOLOM_PENILAIAN, f"{kolom}.", peringatan)
        predikat = _predikat(item.get("predikat"), f"{kolom}.predikat", galat, aturan)
        if "tahun" in item and ("mulai" in item or "selesai" in item):
            galat.tambah(kolom, "Isi tahun saja (setahun penuh) atau mulai dan selesai (rentang bulan), jangan keduanya.")
            continue
        if "tahun" in item:
            tahun = item["tahun"]
            if not isinstance(tahun, int) or isinstance(tahun, bool) or not TANGGAL_MINIMUM.year <= tahun <= TAHUN_MAKSIMUM:
                galat.tambah(f"{kolom}.tahun", f"tahun harus bilangan bulat antara {TANGGAL_MINIMUM.year} dan {TAHUN_MAKSIMUM} (contoh: 2023).")
                continue
            mulai, selesai = dates.indeks(tahun, 1), dates.indeks(tahun, 12)
        elif "mulai" in item or "selesai" in item:
            if "mulai" not in item or "selesai" not in item:
                hilang = "mulai" if "mulai" not in item else "selesai"
                galat.tambah(f"{kolom}.{hilang}", f"Isi {hilang} (bulan berformat TTTT-BB) untuk periode ini.")
                continue
            mulai = _bulan(item["mulai"], f"{kolom}.mulai", galat)
            selesai = _bulan(item["selesai"], f"{kolom}.selesai", galat)
            if mulai is None or selesai is None:
                continue
            if selesai < mulai:
                galat.tambah(f"{kolom}.selesai", f"Bulan selesai ({dates.nama_bulan(selesai)}) tidak boleh sebelum bulan mulai ({dates.nama_bulan(mulai)}).")
                continue
        else:
            galat.tambah(kolom, "Isi tahun (setahun penuh) atau mulai dan selesai (rentang bulan) untuk periode ini.")
            continue
        if mulai < mulai_konversi:
            # PermenPANRB 1/2023: AK from konversi predikat counts only from 1 January 2023;
            # earlier AK belongs in the PAK (ak_awal) or in ak_konvensional (integrasi).
            galat.tambah(kolom, f"Periode sebelum {dates.nama_bulan(mulai_konversi)} tidak dikonversi menjadi angka kredit. AK sebelum itu dimasukkan lewat ak_awal (dari PAK) atau ak_konvensional (integrasi).")
            continue
        if predikat is None:
            continue
        hasil.append(Periode(mulai, selesai, predikat, kolom))
    # A month is counted once (Pasal 37 ayat (4) prorates by period; overlaps would count twice).
    urut = sorted(hasil, key=lambda p: p.mulai)
    for sebelum, sesudah in zip(urut, urut[1:]):
        if sesudah.mulai <= sebelum.selesai:
            galat.tambah(sesudah.kolom, f"Periode ini tumpang tindih dengan {sebelum.kolom} pada {dates.nama_bulan(sesudah.mulai)}; setiap bulan hanya boleh dinilai sekali.")
    return urut


def validasi(permintaan, aturan: Aturan, hari_ini: _dt.date) -> Permintaan | list[dict]:
    """Return a Permintaan, or the list of galat when the request is invalid."""
    galat = _Galat()
    if not isinstance(permintaan, dict):
        galat.tambah("permintaan", f"Permintaan harus berupa objek JSON dengan kolom jenjang, golongan, dan penilaian, bukan {_jenis(permintaan)}.")
        return galat.daftar
    peringatan: list[str] = []
    _kolom_asing(permintaan, KOLOM_DIKENAL, "", peringatan)

    tanggal_hitung = hari_ini
    if permintaan.get("tanggal_hitung") is not None:
        tanggal_hitung = _tanggal(permintaan["tanggal_hitung"], "tanggal_hitung", galat) or hari_ini

    jenjang = permintaan.get("jenjang")
    kode_jenjang = None
    if not isinstance(jenjang, str) or not jenjang.strip():
        galat.tambah("jenjang", f"Pilih jenjang jabatan: {_daftar_jenjang(aturan)}.")
    else:
        kunci = re.sub(r"[\s\-]+", "_", jenjang.strip()).casefold()
        if kunci in aturan.jenjang:
            kode_jenjang = kunci
        else:
            galat.tambah("jenjang", f'Jenjang "{jenjang}" tidak dikenal. Pilih salah satu: {_daftar_jenjang(aturan)}.')

    golongan = permintaan.get("golongan")
    kode_golongan = None
    if not isinstance(golongan, str) or not golongan.strip():
        galat.tambah("golongan", "Pilih golongan ruang, misalnya \"III/a\".")
    else:
        m = re.fullmatch(r"\s*(IV|III|II)\s*/?\s*([a-e])\s*", golongan, flags=re.IGNORECASE)
        calon = f"{m.group(1).upper()}/{m.group(2).lower()}" if m else None
        if calon not in aturan.pangkat:
            galat.tambah("golongan", f'Golongan "{golongan}" tidak dikenal. Tulis seperti "III/a"; yang ada: {", ".join(aturan.pangkat)}.')
        elif kode_jenjang is not None and calon not in aturan.jenjang[kode_jenjang].golongan:
            j = aturan.jenjang[kode_jenjang]
            galat.tambah("golongan", f"Golongan {calon} tidak termasuk jenjang {j.nama}; golongan untuk jenjang ini: {', '.join(j.golongan)}.")
        else:
            kode_golongan = calon

    ak_awal = ak_konv = None
    if permintaan.get("ak_awal") is not None and permintaan.get("ak_konvensional") is not None:
        galat.tambah("ak_konvensional", "Isi ak_awal (AK dari PAK terakhir) atau ak_konvensional (AK lama untuk integrasi), tidak keduanya.")
    elif permintaan.get("ak_awal") is not None:
        ak_awal = _angka(permintaan["ak_awal"], "ak_awal", galat)
    elif permintaan.get("ak_konvensional") is not None:
        ak_konv = _angka(permintaan["ak_konvensional"], "ak_konvensional", galat)

    tanggal_pak = None
    if permintaan.get("tanggal_pak") is not None:
        tanggal_pak = _tanggal(permintaan["tanggal_pak"], "tanggal_pak", galat, tanggal_hitung)

    mulai_konversi = dates.bulan_dari(aturan.param("mulai_konversi").terbaru.nilai)
    penilaian = _penilaian(permintaan.get("penilaian"), galat, aturan, peringatan, mulai_konversi)

    tmt = {}
    for nama in ("tmt_golongan", "tmt_jenjang"):
        tmt[nama] = None
        if permintaan.get(nama) is not None:
            tmt[nama] = _tanggal(permintaan[nama], nama, galat, tanggal_hitung)

    proyeksi_predikat = proyeksi_mulai = None
    proyeksi = permintaan.get("proyeksi")
    if proyeksi is not None:
        if not isinstance(proyeksi, dict):
            galat.tambah("proyeksi", 'proyeksi harus berupa objek, misalnya {"predikat": "Baik"}.')
        else:
            _kolom_asing(proyeksi, KOLOM_PROYEKSI, "proyeksi.", peringatan)
            proyeksi_predikat = _predikat(proyeksi.get("predikat"), "proyeksi.predikat", galat, aturan)
            if proyeksi.get("mulai") is not None:
                proyeksi_mulai = _bulan(proyeksi["mulai"], "proyeksi.mulai", galat)
                if proyeksi_mulai is not None and proyeksi_mulai < mulai_konversi:
                    galat.tambah("proyeksi.mulai", f"Proyeksi harus dimulai paling awal {dates.nama_bulan(mulai_konversi)}.")
                    proyeksi_mulai = None

    if proyeksi_mulai is not None and penilaian and proyeksi_mulai <= max(p.selesai for p in penilaian):
        # The projection assumes a predikat for months not yet rated; a rated month counts once.
        terakhir = max(p.selesai for p in penilaian)
        galat.tambah("proyeksi.mulai", f"Proyeksi harus dimulai sesudah periode penilaian terakhir ({dates.nama_bulan(terakhir)}); "
                     f"isi {dates.teks_bulan(terakhir + 1)} atau sesudahnya, atau kosongkan.")

    desimal = permintaan.get("desimal", 2)
    if desimal is None:
        desimal = 2
    if not isinstance(desimal, int) or isinstance(desimal, bool) or not 0 <= desimal <= DESIMAL_MAKSIMUM:
        galat.tambah("desimal", f"desimal harus bilangan bulat 0 sampai {DESIMAL_MAKSIMUM} (bawaan 2, seperti contoh BKN).")
        desimal = 2

    pendidikan_tanggal = None
    pendidikan = permintaan.get("pendidikan")
    if pendidikan is not None:
        if not isinstance(pendidikan, dict):
            galat.tambah("pendidikan", 'pendidikan harus berupa objek, misalnya {"tanggal": "2024-07-01"} (tanggal ijazah baru).')
        else:
            _kolom_asing(pendidikan, KOLOM_PENDIDIKAN, "pendidikan.", peringatan)
            pendidikan_tanggal = _tanggal(pendidikan.get("tanggal"), "pendidikan.tanggal", galat, tanggal_hitung)
            if pendidikan_tanggal is not None and dates.bulan_dari(pendidikan_tanggal) < mulai_konversi:
                galat.tambah("pendidikan.tanggal", f"Tambahan AK pendidikan dalam sistem ini berlaku untuk ijazah sejak {dates.nama_bulan(mulai_konversi)}.")
                pendidikan_tanggal = None

    fakta = {nama: _bool(permintaan.get(nama), nama, galat)
             for nama in ("uji_kompetensi", "formasi_tersedia", "pengembangan_profesi", "hukuman_disiplin")}

    if galat.daftar:
        return galat.daftar
    return Permintaan(
        jenjang=kode_jenjang, golongan=kode_golongan, ak_awal=ak_awal, ak_konvensional=ak_konv,
        tanggal_pak=tanggal_pak, penilaian=penilaian, tmt_golongan=tmt["tmt_golongan"],
        tmt_jenjang=tmt["tmt_jenjang"], proyeksi_predikat=proyeksi_predikat,
        proyeksi_mulai=proyeksi_mulai, desimal=desimal, pendidikan_tanggal=pendidikan_tanggal,
        tanggal_hitung=tanggal_hitung, peringatan=peringatan, **fakta,
    )

"""Request validation: a JSON-like value becomes a typed `Permintaan`, or a list of galat.

Every message names the field (`kolom`, a path such as "penilaian[1].predikat") and says what is
allowed, in Bahasa Indonesia. Unknown fields are warnings, not errors, so that share links made
by an older or newer version of the site still open.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from functools import lru_cache
from typing import NamedTuple
from fractions import Fraction

from . import dates
from .angka import baca, bulatkan, teks
from .rules import Aturan

AK_MAKSIMUM = Fraction(10000)  # far above any AKK (the largest is 450): larger input is a typo
from .angka import DESIMAL_TEPAT as DESIMAL_MAKSIMUM  # inputs are shown exactly, so bounded
PENILAIAN_MAKSIMUM = 240  # twenty years of monthly ratings
TAHUN_MAKSIMUM = 2100
TANGGAL_MINIMUM = _dt.date(1960, 1, 1)
TEKS_MAKSIMUM = 64  # characters of a code, label or date; longer text is refused before parsing
NAMA_MAKSIMUM = 120
NIP_DIGIT = 18  # NIP PNS: 18 digits (PP 11/2017 lampiran identitas), kept as text

KOLOM_DIKENAL = {
    "jenjang", "golongan", "ak_awal", "ak_konvensional", "tanggal_pak", "penilaian",
    "tmt_golongan", "tmt_jenjang", "proyeksi", "desimal", "pendidikan", "uji_kompetensi",
    "formasi_tersedia", "pengembangan_profesi", "hukuman_disiplin", "tanggal_hitung",
    "nama", "nip", "perpindahan",
}
KOLOM_PENILAIAN = {"tahun", "mulai", "selesai", "predikat"}
KOLOM_PROYEKSI = {"predikat", "mulai"}
KOLOM_PENDIDIKAN = {"tanggal"}
KOLOM_PERPINDAHAN = {"tanggal", "tmt_golongan", "predikat"}

# Every field as the form labels it: messages name fields this way, and forms use the same words
# (calculator.aturan()["label_kolom"]).
LABEL_KOLOM = {
    "permintaan": "Permintaan",
    "jenjang": "Jenjang jabatan",
    "golongan": "Golongan ruang",
    "ak_awal": "AK dari PAK terakhir",
    "ak_konvensional": "AK konvensional (PAK sebelum 2023)",
    "tanggal_pak": "Tanggal PAK",
    "penilaian": "Penilaian kinerja",
    "tmt_golongan": "TMT golongan",
    "tmt_jenjang": "TMT jenjang",
    "proyeksi": "Proyeksi",
    "proyeksi.predikat": "Predikat yang diasumsikan",
    "proyeksi.mulai": "Proyeksi mulai bulan",
    "desimal": "Jumlah angka di belakang koma",
    "pendidikan": "Ijazah baru",
    "pendidikan.tanggal": "Tanggal ijazah baru",
    "uji_kompetensi": "Uji kompetensi",
    "formasi_tersedia": "Kebutuhan (formasi) jenjang tujuan",
    "pengembangan_profesi": "Pengembangan profesi",
    "hukuman_disiplin": "Hukuman disiplin",
    "tanggal_hitung": "Tanggal perhitungan",
    "nama": "Nama",
    "nip": "NIP",
    "perpindahan": "Perpindahan dari jabatan lain",
    "perpindahan.tanggal": "Tanggal perpindahan",
    "perpindahan.tmt_golongan": "TMT golongan terakhir sebelum perpindahan",
    "perpindahan.predikat": "Predikat kinerja sebelum perpindahan",
    "penilaian[n]": "Penilaian ke-{n}",
    "penilaian[n].tahun": "Penilaian ke-{n}, tahun",
    "penilaian[n].mulai": "Penilaian ke-{n}, bulan mulai",
    "penilaian[n].selesai": "Penilaian ke-{n}, bulan selesai",
    "penilaian[n].predikat": "Penilaian ke-{n}, predikat",
}
_KOLOM_PENILAIAN = re.compile(r"penilaian\[(\d+)\](\.\w+)?")


def label_kolom(kolom: str) -> str:
    """'penilaian[0].predikat' -> 'Penilaian ke-1, predikat'."""
    m = _KOLOM_PENILAIAN.fullmatch(kolom)
    if m:
        pola = LABEL_KOLOM.get(f"penilaian[n]{m.group(2) or ''}", LABEL_KOLOM["penilaian[n]"])
        return pola.replace("{n}", str(int(m.group(1)) + 1))
    return LABEL_KOLOM.get(kolom, kolom)


class Periode(NamedTuple):  # NamedTuple, not a dataclass: see rules.Nilai
    mulai: int  # month index (dates.indeks)
    selesai: int
    predikat: str  # predikat code
    kolom: str  # where it came from, for messages
    tahunan: bool = False  # entered as a whole year ({"tahun": ...})

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
    proyeksi_bawaan: bool = False  # the projection is the default assumption, not the person's
    nama: str | None = None
    nip: str | None = None
    perpindahan_tanggal: _dt.date | None = None
    perpindahan_tmt: _dt.date | None = None
    perpindahan_predikat: str | None = None


class _Galat:
    def __init__(self):
        self.daftar: list[dict] = []

    def tambah(self, kolom: str, pesan: str) -> None:
        """`pesan` says what is wrong and what is allowed; it is prefixed with the field's label."""
        label = label_kolom(kolom)
        self.daftar.append({"kolom": kolom, "label": label, "pesan": f"{label}: {pesan}"})


_PEMISAH = re.compile(r"[\s_\-]+")


@lru_cache(maxsize=4096)  # pure; the same labels recur across requests
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


def _teks(nilai, kolom: str, galat: _Galat, maksimum: int = TEKS_MAKSIMUM) -> str | None:
    """A string, bounded in length before any pattern runs on it (a 60 KB golongan once took 44 s)."""
    if not isinstance(nilai, str):
        return None
    if len(nilai) > maksimum:
        galat.tambah(kolom, f"teks terlalu panjang (paling banyak {maksimum} karakter).")
        return None
    return nilai


def _angka(nilai, kolom: str, galat: _Galat, maksimum: Fraction = AK_MAKSIMUM) -> Fraction | None:
    if isinstance(nilai, str):
        if len(nilai) > TEKS_MAKSIMUM:
            galat.tambah(kolom, "terlalu panjang untuk sebuah angka.")
            return None
        exact = baca(nilai)
        if isinstance(exact, str):
            galat.tambah(kolom, f"{exact}.")
            return None
    elif not _is_number(nilai):
        galat.tambah(kolom, f"isi dengan angka (contoh: 12,5), bukan {_jenis(nilai)}.")
        return None
    elif isinstance(nilai, float) and not math.isfinite(nilai):
        galat.tambah(kolom, "isi dengan angka yang sah (contoh: 12,5).")
        return None
    else:
        # str() of a float is its shortest decimal form: 550.63 stays 550.63, exactly.
        exact = Fraction(str(nilai)) if isinstance(nilai, float) else Fraction(nilai)
    if exact < 0:
        galat.tambah(kolom, "tidak boleh negatif; isi 0 atau lebih.")
        return None
    if exact > maksimum:
        galat.tambah(kolom, f"terlalu besar; paling banyak {teks(maksimum)}.")
        return None
    if bulatkan(exact, DESIMAL_MAKSIMUM) != exact:
        galat.tambah(kolom, f"paling banyak {DESIMAL_MAKSIMUM} angka di belakang koma.")
        return None
    return exact


def _jenis(nilai) -> str:
    if nilai is None:
        return "kosong"
    if isinstance(nilai, bool):
        return "ya/tidak"
    if isinstance(nilai, str):
        return "teks"
    if isinstance(nilai, list):
        return "daftar"
    if isinstance(nilai, dict):
        return "objek"
    return "angka"


def _tanggal(nilai, kolom: str, galat: _Galat, hari_ini: _dt.date | None = None) -> _dt.date | None:
    if _teks(nilai, kolom, galat) is None:
        if not isinstance(nilai, str):
            galat.tambah(kolom, f"isi dengan tanggal berformat TTTT-BB-HH (contoh: 2023-04-01), bukan {_jenis(nilai)}.")
        return None
    t = dates.baca_tanggal(nilai.strip())
    if t is None:
        galat.tambah(kolom, f'"{nilai.strip()}" bukan tanggal yang sah; gunakan format TTTT-BB-HH (contoh: 2023-04-01).')
        return None
    if t < TANGGAL_MINIMUM or t.year > TAHUN_MAKSIMUM:
        galat.tambah(kolom, f"harus antara tahun {TANGGAL_MINIMUM.year} dan {TAHUN_MAKSIMUM}.")
        return None
    if hari_ini is not None and t > hari_ini:
        galat.tambah(kolom, f"{dates.teks_tanggal(t)} tidak boleh sesudah tanggal perhitungan ({dates.teks_tanggal(hari_ini)}).")
        return None
    return t


def _bulan(nilai, kolom: str, galat: _Galat) -> int | None:
    if _teks(nilai, kolom, galat) is None:
        if not isinstance(nilai, str):
            galat.tambah(kolom, f"isi dengan bulan berformat TTTT-BB (contoh: 2024-01), bukan {_jenis(nilai)}.")
        return None
    i = dates.baca_bulan(nilai.strip())
    if i is None:
        galat.tambah(kolom, f'"{nilai.strip()}" bukan bulan yang sah; gunakan format TTTT-BB dengan bulan 01 sampai 12 (contoh: 2024-01).')
        return None
    if not dates.indeks(TANGGAL_MINIMUM.year, 1) <= i <= dates.indeks(TAHUN_MAKSIMUM, 12):
        galat.tambah(kolom, f"harus antara tahun {TANGGAL_MINIMUM.year} dan {TAHUN_MAKSIMUM}.")
        return None
    return i


def _bool(nilai, kolom: str, galat: _Galat) -> bool | None:
    if nilai is None or isinstance(nilai, bool):
        return nilai
    galat.tambah(kolom, "pilih ya (true), tidak (false), atau kosongkan bila belum diketahui.")
    return None


def _predikat(nilai, kolom: str, galat: _Galat, aturan: Aturan) -> str | None:
    if not isinstance(nilai, str) or not nilai.strip():
        galat.tambah(kolom, f"pilih predikat kinerja: {_daftar_predikat(aturan)}.")
        return None
    if _teks(nilai, kolom, galat) is None:
        return None
    kode = _peta_predikat(aturan).get(normalkan_label(nilai))
    if kode is None:
        galat.tambah(kolom, f'predikat "{nilai.strip()}" tidak dikenal. Pilih salah satu: {_daftar_predikat(aturan)}.')
    return kode


def _kolom_asing(obj: dict, dikenal: set[str], awalan: str, peringatan: list[str]) -> None:
    for kunci in obj:
        if kunci not in dikenal:
            nama = f"{awalan}{kunci}"[:TEKS_MAKSIMUM]
            peringatan.append(f'Kolom "{nama}" tidak dikenal oleh kalkulator versi ini dan diabaikan.')


def _penilaian(daftar, galat: _Galat, aturan: Aturan, peringatan: list[str], mulai_konversi: int) -> list[Periode]:
    if daftar is None:
        return []
    if not isinstance(daftar, list):
        galat.tambah("penilaian", f"harus berupa daftar periode, bukan {_jenis(daftar)}.")
        return []
    if len(daftar) > PENILAIAN_MAKSIMUM:
        galat.tambah("penilaian", f"terlalu banyak periode penilaian; paling banyak {PENILAIAN_MAKSIMUM}.")
        return []
    hasil = []
    for n, item in enumerate(daftar):
        kolom = f"penilaian[{n}]"
        if not isinstance(item, dict):
            galat.tambah(kolom, 'setiap periode berisi tahun dan predikat, atau bulan mulai, bulan selesai dan predikat.')
            continue
        _kolom_asing(item, KOLOM_PENILAIAN, f"{kolom}.", peringatan)
        predikat = _predikat(item.get("predikat"), f"{kolom}.predikat", galat, aturan)
        if "tahun" in item and ("mulai" in item or "selesai" in item):
            galat.tambah(kolom, "isi tahun saja (setahun penuh) atau bulan mulai dan selesai (sebagian tahun), jangan keduanya.")
            continue
        if "tahun" in item:
            tahun = item["tahun"]
            if isinstance(tahun, str) and tahun.strip().isdigit() and len(tahun.strip()) == 4:
                tahun = int(tahun.strip())
            if not isinstance(tahun, int) or isinstance(tahun, bool) or not TANGGAL_MINIMUM.year <= tahun <= TAHUN_MAKSIMUM:
                galat.tambah(f"{kolom}.tahun", f"isi tahun empat angka antara {TANGGAL_MINIMUM.year} dan {TAHUN_MAKSIMUM} (contoh: 2023).")
                continue
            mulai, selesai = dates.indeks(tahun, 1), dates.indeks(tahun, 12)
        elif "mulai" in item or "selesai" in item:
            if "mulai" not in item or "selesai" not in item:
                hilang = "mulai" if "mulai" not in item else "selesai"
                galat.tambah(f"{kolom}.{hilang}", "isi bulan berformat TTTT-BB (contoh: 2024-01).")
                continue
            mulai = _bulan(item["mulai"], f"{kolom}.mulai", galat)
            selesai = _bulan(item["selesai"], f"{kolom}.selesai", galat)
            if mulai is None or selesai is None:
                continue
            if selesai < mulai:
                galat.tambah(f"{kolom}.selesai",
                             f"{dates.nama_bulan(selesai)} tidak boleh sebelum bulan mulai ({dates.nama_bulan(mulai)}).")
                continue
        else:
            galat.tambah(kolom, "isi tahun (setahun penuh) atau bulan mulai dan selesai (sebagian tahun).")
            continue
        if mulai < mulai_konversi:
            # PermenPANRB 1/2023: AK from konversi predikat counts only from 1 January 2023;
            # earlier AK belongs in the PAK (ak_awal) or in ak_konvensional (integrasi).
            galat.tambah(kolom, f"periode sebelum {dates.nama_bulan(mulai_konversi)} tidak dikonversi menjadi angka kredit. "
                         f"Angka kredit sebelum itu dimasukkan lewat {LABEL_KOLOM['ak_awal']} atau {LABEL_KOLOM['ak_konvensional']}.")
            continue
        if predikat is None:
            continue
        hasil.append(Periode(mulai, selesai, predikat, kolom, "tahun" in item))
    # A month is counted once (Pasal 37 ayat (4) prorates by period; overlaps would count twice).
    urut = sorted(hasil, key=lambda p: p.mulai)
    for sebelum, sesudah in zip(urut, urut[1:]):
        if sesudah.mulai <= sebelum.selesai:
            galat.tambah(sesudah.kolom, f"tumpang tindih dengan {label_kolom(sebelum.kolom)} pada "
                         f"{dates.nama_bulan(sesudah.mulai)}; setiap bulan hanya boleh dinilai sekali.")
    return urut


_GOLONGAN = re.compile(r"\s*(IV|III|II)\s*/?\s*([a-e])\s*", flags=re.IGNORECASE)


@lru_cache(maxsize=4096)  # pure; bounded text (TEKS_MAKSIMUM) and few spellings recur
def _baca_golongan(teks_golongan: str) -> str | None:
    m = _GOLONGAN.fullmatch(teks_golongan)
    return f"{m.group(1).upper()}/{m.group(2).lower()}" if m else None


def _golongan(golongan, galat: _Galat, aturan: Aturan) -> str | None:
    """'III/b', 'iii b', 'III / B' -> 'III/b'. Any golongan is valid for any jenjang: penyetaraan
    placed people "tanpa memperhatikan jenjang pangkat" (PermenPANRB 17/2021)."""
    if not isinstance(golongan, str) or not golongan.strip():
        galat.tambah("golongan", 'pilih golongan ruang, misalnya "III/a".')
        return None
    if _teks(golongan, "golongan", galat) is None:
        return None
    calon = _baca_golongan(golongan)
    if calon not in aturan.pangkat:
        galat.tambah("golongan", f'"{golongan.strip()}" tidak dikenal. Tulis seperti "III/a"; yang ada: {", ".join(aturan.pangkat)}.')
        return None
    return calon


def _jenjang(jenjang, galat: _Galat, aturan: Aturan) -> str | None:
    """'ahli_muda', 'Ahli Muda', 'ahli-muda' -> 'ahli_muda'."""
    if not isinstance(jenjang, str) or not jenjang.strip():
        galat.tambah("jenjang", f"pilih jenjang jabatan: {_daftar_jenjang(aturan)}.")
        return None
    if _teks(jenjang, "jenjang", galat) is None:
        return None
    kunci = re.sub(r"[\s\-]+", "_", jenjang.strip()).casefold()
    if kunci in aturan.jenjang:
        return kunci
    galat.tambah("jenjang", f'"{jenjang.strip()}" tidak dikenal. Pilih salah satu: {_daftar_jenjang(aturan)}.')
    return None


def _identitas(permintaan: dict, galat: _Galat) -> tuple[str | None, str | None]:
    """Optional name and NIP: they label the printed sheet and files, never the computation."""
    nama = permintaan.get("nama")
    if nama is not None:
        if not isinstance(nama, str):
            galat.tambah("nama", f"isi dengan teks, bukan {_jenis(nama)}.")
            nama = None
        elif _teks(nama, "nama", galat, NAMA_MAKSIMUM) is None:
            nama = None
        else:
            nama = nama.strip() or None
    nip = permintaan.get("nip")
    if nip is not None:
        if isinstance(nip, str):
            if _teks(nip, "nip", galat) is None:
                return nama, None
            bersih = re.sub(r"[\s.]", "", nip)
            if not bersih:
                return nama, None
            if not (bersih.isascii() and bersih.isdigit() and len(bersih) == NIP_DIGIT):
                galat.tambah("nip", f"NIP terdiri atas {NIP_DIGIT} angka (boleh dengan spasi), misalnya 198501012010011001.")
                return nama, None
            return nama, bersih
        galat.tambah("nip", f"isi sebagai teks {NIP_DIGIT} angka, bukan {_jenis(nip)}.")
    return nama, None


def validasi(permintaan, aturan: Aturan, hari_ini: _dt.date) -> Permintaan | list[dict]:
    """Return a Permintaan, or the list of galat when the request is invalid."""
    galat = _Galat()
    if not isinstance(permintaan, dict):
        galat.tambah("permintaan", f"harus berupa objek JSON dengan kolom jenjang, golongan, dan penilaian, bukan {_jenis(permintaan)}.")
        return galat.daftar
    peringatan: list[str] = []
    _kolom_asing(permintaan, KOLOM_DIKENAL, "", peringatan)

    mulai_konversi = dates.bulan_dari(aturan.param("mulai_konversi").terbaru.nilai)
    tanggal_hitung = hari_ini
    if permintaan.get("tanggal_hitung") is not None:
        tanggal_hitung = _tanggal(permintaan["tanggal_hitung"], "tanggal_hitung", galat) or hari_ini
        if tanggal_hitung < aturan.berlaku_lengkap:
            # Every rule is asked for on the day of the calculation; before the last of them took
            # effect (Peraturan BKN 3/2023) there is no complete rule set to compute with.
            galat.tambah("tanggal_hitung", f"kalkulator ini menghitung menurut aturan yang lengkap berlaku sejak "
                         f"{dates.teks_tanggal(aturan.berlaku_lengkap)}; isi tanggal sesudahnya.")
            tanggal_hitung = hari_ini

    kode_jenjang = _jenjang(permintaan.get("jenjang"), galat, aturan)
    kode_golongan = _golongan(permintaan.get("golongan"), galat, aturan)
    nama, nip = _identitas(permintaan, galat)

    sumber_awal = [k for k in ("ak_awal", "ak_konvensional", "perpindahan") if permintaan.get(k) not in (None, "")]
    ak_awal = ak_konv = None
    if len(sumber_awal) > 1:
        daftar = " atau ".join(LABEL_KOLOM[k] for k in sumber_awal)
        galat.tambah(sumber_awal[-1], f"isi salah satu saja: {daftar}.")
    elif sumber_awal == ["ak_awal"]:
        ak_awal = _angka(permintaan["ak_awal"], "ak_awal", galat)
    elif sumber_awal == ["ak_konvensional"]:
        ak_konv = _angka(permintaan["ak_konvensional"], "ak_konvensional", galat)

    tanggal_pak = None
    if permintaan.get("tanggal_pak") not in (None, ""):
        tanggal_pak = _tanggal(permintaan["tanggal_pak"], "tanggal_pak", galat, tanggal_hitung)

    penilaian = _penilaian(permintaan.get("penilaian"), galat, aturan, peringatan, mulai_konversi)

    tmt = {}
    for kolom in ("tmt_golongan", "tmt_jenjang"):
        tmt[kolom] = None
        if permintaan.get(kolom) not in (None, ""):
            tmt[kolom] = _tanggal(permintaan[kolom], kolom, galat, tanggal_hitung)

    # No projection asked for: assume the minimum predikat for kenaikan (Baik) from the next
    # month on, and say so in the answer. `"proyeksi": null` turns the projection off.
    proyeksi_bawaan = "proyeksi" not in permintaan
    proyeksi_predikat = proyeksi_mulai = None
    proyeksi = permintaan.get("proyeksi")
    if proyeksi_bawaan:
        proyeksi_predikat = aturan.nilai_pada("predikat_minimal", tanggal_hitung).nilai
    elif proyeksi is not None:
        if not isinstance(proyeksi, dict):
            galat.tambah("proyeksi", 'isi dengan predikat yang diasumsikan, misalnya {"predikat": "Baik"}.')
        else:
            _kolom_asing(proyeksi, KOLOM_PROYEKSI, "proyeksi.", peringatan)
            proyeksi_predikat = _predikat(proyeksi.get("predikat"), "proyeksi.predikat", galat, aturan)
            if proyeksi.get("mulai") not in (None, ""):
                proyeksi_mulai = _bulan(proyeksi["mulai"], "proyeksi.mulai", galat)
                if proyeksi_mulai is not None and proyeksi_mulai < mulai_konversi:
                    galat.tambah("proyeksi.mulai", f"paling awal {dates.nama_bulan(mulai_konversi)}.")
                    proyeksi_mulai = None

    if proyeksi_mulai is not None and penilaian and proyeksi_mulai <= max(p.selesai for p in penilaian):
        # The projection assumes a predikat for months not yet rated; a rated month counts once.
        terakhir = max(p.selesai for p in penilaian)
        galat.tambah("proyeksi.mulai", f"harus sesudah periode penilaian terakhir ({dates.nama_bulan(terakhir)}); "
                     f"isi {dates.teks_bulan(terakhir + 1)} atau sesudahnya, atau kosongkan.")

    desimal = permintaan.get("desimal", 2)
    if desimal is None:
        desimal = 2
    if isinstance(desimal, str) and desimal.strip().isdigit() and len(desimal.strip()) == 1:
        desimal = int(desimal.strip())
    if not isinstance(desimal, int) or isinstance(desimal, bool) or not 0 <= desimal <= DESIMAL_MAKSIMUM:
        galat.tambah("desimal", f"isi bilangan bulat 0 sampai {DESIMAL_MAKSIMUM} (bawaan 2, seperti contoh BKN).")
        desimal = 2

    pendidikan_tanggal = None
    pendidikan = permintaan.get("pendidikan")
    if pendidikan is not None:
        if not isinstance(pendidikan, dict):
            galat.tambah("pendidikan", 'isi dengan tanggal ijazah baru, misalnya {"tanggal": "2024-07-01"}.')
        else:
            _kolom_asing(pendidikan, KOLOM_PENDIDIKAN, "pendidikan.", peringatan)
            pendidikan_tanggal = _tanggal(pendidikan.get("tanggal"), "pendidikan.tanggal", galat, tanggal_hitung)
            if pendidikan_tanggal is not None and dates.bulan_dari(pendidikan_tanggal) < mulai_konversi:
                galat.tambah("pendidikan.tanggal", f"tambahan angka kredit pendidikan dalam sistem ini berlaku untuk ijazah "
                             f"sejak {dates.nama_bulan(mulai_konversi)}.")
                pendidikan_tanggal = None

    pindah = {"tanggal": None, "tmt": None, "predikat": None}
    perpindahan = permintaan.get("perpindahan")
    if perpindahan not in (None, "") and sumber_awal == ["perpindahan"]:
        if not isinstance(perpindahan, dict):
            galat.tambah("perpindahan", 'isi tanggal perpindahan, TMT golongan terakhir dan predikat, misalnya '
                         '{"tanggal": "2024-01-01", "tmt_golongan": "2019-04-01", "predikat": "Baik"}.')
        else:
            _kolom_asing(perpindahan, KOLOM_PERPINDAHAN, "perpindahan.", peringatan)
            pindah["tanggal"] = _tanggal(perpindahan.get("tanggal"), "perpindahan.tanggal", galat, tanggal_hitung)
            pindah["tmt"] = _tanggal(perpindahan.get("tmt_golongan"), "perpindahan.tmt_golongan", galat, tanggal_hitung)
            pindah["predikat"] = _predikat(perpindahan.get("predikat"), "perpindahan.predikat", galat, aturan)
            if pindah["tanggal"] is not None and dates.bulan_dari(pindah["tanggal"]) < mulai_konversi:
                galat.tambah("perpindahan.tanggal", f"perpindahan dengan konversi predikat berlaku sejak "
                             f"{dates.nama_bulan(mulai_konversi)}.")
            elif pindah["tanggal"] is not None and pindah["tmt"] is not None and pindah["tmt"] > pindah["tanggal"]:
                galat.tambah("perpindahan.tmt_golongan", "tidak boleh sesudah tanggal perpindahan.")

    fakta = {kolom: _bool(permintaan.get(kolom), kolom, galat)
             for kolom in ("uji_kompetensi", "formasi_tersedia", "pengembangan_profesi", "hukuman_disiplin")}

    if galat.daftar:
        return galat.daftar
    return Permintaan(
        jenjang=kode_jenjang, golongan=kode_golongan, ak_awal=ak_awal, ak_konvensional=ak_konv,
        tanggal_pak=tanggal_pak, penilaian=penilaian, tmt_golongan=tmt["tmt_golongan"],
        tmt_jenjang=tmt["tmt_jenjang"], proyeksi_predikat=proyeksi_predikat,
        proyeksi_mulai=proyeksi_mulai, desimal=desimal, pendidikan_tanggal=pendidikan_tanggal,
        tanggal_hitung=tanggal_hitung, peringatan=peringatan, proyeksi_bawaan=proyeksi_bawaan,
        nama=nama, nip=nip, perpindahan_tanggal=pindah["tanggal"], perpindahan_tmt=pindah["tmt"],
        perpindahan_predikat=pindah["predikat"], **fakta,
    )

"""Cek massal: a spreadsheet of officials in, one `calculator.hitung` request per row, a spreadsheet out.

Used by the command line (`python -m calculator massal BERKAS`) and, unchanged, by the "Cek massal"
page, where Pyodide runs this module in a Web Worker. Nothing here computes angka kredit: every
number in a result row comes from `hitung` (maintainers/desain.md: one entry point). This module only reads
cells into requests, maps the engine's galat back to the template's columns, and lays the results
out as cells.

Standard library only. XLSX is optional: openpyxl is imported lazily, only when an .xlsx file is
read or written (`pip install 'panduan-jf-kalkulator[xlsx]'`; the browser page loads its wheel).

The template's columns are defined once, in `KOLOM`; the template files (XLSX and CSV), the
explanation of every column, the header check and the guide's column table all come from it.
"""
from __future__ import annotations

import csv
import datetime as _dt
import difflib
import io
import json
import re
from fractions import Fraction
from typing import Iterator, NamedTuple

from . import berkas as berkas_cli, dates, hitung
from .angka import teks as teks_angka


class Kolom(NamedTuple):
    nama: str  # the column name as the template writes it
    judul: str  # what it holds, in a few words
    wajib: bool  # the column must exist (a value may still be optional, see `isi`)
    isi: str  # "wajib" | "pilihan": whether a row may leave it blank
    contoh: tuple[str, str, str]  # the template's example rows
    penjelasan: str


# Years a predikat_TTTT column may name: konversi predikat starts on 1 January 2023 (PermenPANRB
# 1/2023 Pasal 37); earlier years are refused per row by the engine, with its own message.
POLA_PREDIKAT = re.compile(r"^predikat_(\d{4})$")

KOLOM: tuple[Kolom, ...] = (
    Kolom("nip", "NIP", True, "wajib", ("198501012010012001", "199203152015031002", "197805202003122003"),
          "Nomor Induk Pegawai, 18 angka. Format kolom ini sebagai Teks (di Excel: Format Cells > Text) "
          "supaya tidak berubah menjadi angka dan kehilangan digit terakhir. Spasi di antara angka boleh. "
          "Satu pegawai satu baris: NIP yang sama di dua baris dilaporkan sebagai galat."),
    Kolom("nama", "Nama pegawai", True, "wajib", ("Contoh: Sari Wulandari", "Contoh: Dedi Kurniawan", "Contoh: Rina Marlina"),
          "Nama pegawai, untuk tabel hasil dan lembar cetak. Tidak dipakai dalam perhitungan."),
    Kolom("jenjang", "Jenjang jabatan", True, "wajib", ("Ahli Muda", "Terampil", "Ahli Madya"),
          "Jenjang jabatan fungsional saat ini, ditulis seperti biasa: Pemula, Terampil, Mahir, Penyelia, "
          "Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama (huruf besar atau kecil sama saja)."),
    Kolom("golongan", "Golongan ruang", True, "wajib", ("III/c", "II/c", "IV/b"),
          "Golongan ruang saat ini, misalnya III/c atau IV/a."),
    Kolom("ak_awal", "AK dari PAK terakhir", True, "pilihan", ("12,5", "10", ""),
          "Angka kredit kumulatif di jenjang ini menurut PAK terakhir. Koma atau titik sebagai pemisah "
          "desimal boleh (12,5 atau 12.5). Kosongkan bila belum ada PAK di jenjang ini: kalkulator "
          "memakai AK Dasar golongan. Jangan diisi bersama ak_konvensional."),
    Kolom("tanggal_pak", "Tanggal PAK terakhir", False, "pilihan", ("", "2024-01-01", ""),
          "Tanggal PAK terakhir (TTTT-BB-HH atau HH/BB/TTTT). Predikat untuk bulan sebelum tanggal ini "
          "sudah termasuk dalam ak_awal dan tidak dihitung lagi."),
    Kolom("tmt_golongan", "TMT golongan", True, "pilihan", ("2022-04-01", "2021-10-01", "2020-10-01"),
          "Terhitung mulai tanggal golongan ruang saat ini (TTTT-BB-HH atau HH/BB/TTTT), untuk syarat masa "
          "pangkat dan tanggal kenaikan paling awal."),
    Kolom("tmt_jenjang", "TMT jenjang", True, "pilihan", ("2022-04-01", "2021-10-01", "2020-10-01"),
          "Terhitung mulai tanggal jenjang jabatan saat ini, untuk syarat masa jenjang."),
    Kolom("predikat_TTTT", "Predikat tahun TTTT", True, "pilihan", ("", "", ""),  # see _contoh_templat
          "Satu kolom per tahun, misalnya predikat_2023, predikat_2024: predikat kinerja setahun penuh "
          "(Sangat Baik, Baik, Cukup atau Butuh Perbaikan, Kurang, Sangat Kurang). Kosongkan tahun yang "
          "belum dinilai. Tambahkan kolom untuk tahun berikutnya bila perlu. Konversi predikat dimulai "
          "tahun 2023."),
    Kolom("periode_lain", "Penilaian sebagian tahun", False, "pilihan",
          ("", "", "2023-01 s.d. 2023-06 Baik; 2023-07 s.d. 2023-12 Sangat Baik"),
          "Hanya bila penilaian tidak setahun penuh (per bulan, triwulan, semester, atau pindah jabatan): "
          "tulis setiap periode sebagai 'TTTT-BB s.d. TTTT-BB Predikat', dipisah titik koma. Jangan mengisi "
          "tahun yang sama di sini dan di kolom predikat_TTTT."),
    Kolom("ak_konvensional", "AK lama untuk integrasi", False, "pilihan", ("", "", "550,63"),
          "Hanya untuk integrasi: AK kumulatif konvensional dari PAK lama (sampai 31 Desember 2022). "
          "Kalkulator menghitung AK integrasi darinya. Isi ak_awal atau ak_konvensional, tidak keduanya."),
    Kolom("tanggal_ijazah", "Tanggal ijazah baru", False, "pilihan", ("", "", ""),
          "Bila pegawai memperoleh ijazah yang lebih tinggi sejak 2023: tanggal ijazah, untuk tambahan AK "
          "pendidikan."),
    Kolom("uji_kompetensi", "Lulus uji kompetensi", False, "pilihan", ("", "", "ya"),
          "Untuk kenaikan jenjang: ya (lulus), tidak, atau kosong (belum diketahui)."),
    Kolom("formasi_tersedia", "Formasi jenjang tujuan tersedia", False, "pilihan", ("", "", "tidak"),
          "Untuk kenaikan jenjang: ya, tidak, atau kosong (belum diketahui)."),
    Kolom("pengembangan_profesi", "Pengembangan profesi", False, "pilihan", ("", "", ""),
          "Untuk kenaikan ke jenjang yang mewajibkannya (misalnya Ahli Madya): ya, tidak, atau kosong."),
    Kolom("hukuman_disiplin", "Sedang menjalani hukuman disiplin", False, "pilihan", ("tidak", "tidak", "tidak"),
          "ya bila sedang menjalani hukuman disiplin, tidak bila tidak, kosong bila belum diperiksa."),
    Kolom("proyeksi_predikat", "Predikat anggapan ke depan", False, "pilihan", ("", "", ""),
          "Predikat yang dianggap untuk bulan yang belum dinilai, untuk memperkirakan kapan AK cukup. "
          "Kosong berarti Baik."),
)

KOLOM_PER_NAMA = {k.nama: k for k in KOLOM}
WAJIB = tuple(k.nama for k in KOLOM if k.wajib and k.nama != "predikat_TTTT")
DIKENAL = tuple(k.nama for k in KOLOM if k.nama != "predikat_TTTT")

# Result columns appended to every input row (HASIL[i] = (name, explanation)).
HASIL: tuple[tuple[str, str], ...] = (
    ("ak_kumulatif", "AK kumulatif di jenjang saat ini menurut kalkulator (AK dari PAK atau AK integrasi "
                     "atau AK Dasar, ditambah AK konversi predikat)."),
    ("kp_tujuan", "Kenaikan pangkat berikutnya: golongan dan pangkat tujuan (kosong di golongan tertinggi jenjang)."),
    ("kp_ak_minimal", "AK kumulatif minimal untuk kenaikan pangkat itu."),
    ("kp_kekurangan", "AK yang masih kurang untuk kenaikan pangkat (0 bila sudah cukup)."),
    ("kp_ak_terpenuhi", "ya bila AK untuk kenaikan pangkat sudah cukup sekarang."),
    ("kp_bulan_ak_cukup", "Bulan (TTTT-BB) AK cukup untuk kenaikan pangkat, dengan predikat anggapan untuk bulan yang belum dinilai."),
    ("kp_tanggal_paling_awal", "Tanggal paling awal kenaikan pangkat bila AK, masa dan predikat terpenuhi "
                               "(kosong bila belum dapat dihitung)."),
    ("kp_waktu", "Kapan AK kenaikan pangkat cukup: sekarang, dalam 6 bulan, dalam 12 bulan, lebih dari "
                 "12 bulan, atau tidak ada kenaikan pangkat."),
    ("kp_syarat_belum", "Syarat kenaikan pangkat yang belum terpenuhi."),
    ("kp_syarat_perlu_dipastikan", "Syarat kenaikan pangkat yang belum diketahui: perlu dipastikan."),
    ("kp_syarat", "Status setiap syarat kenaikan pangkat."),
    ("kj_tujuan", "Kenaikan jenjang berikutnya: jenjang dan golongan tujuan (kosong di jenjang tertinggi)."),
    ("kj_ak_minimal", "AK kumulatif minimal untuk kenaikan jenjang."),
    ("kj_kekurangan", "AK yang masih kurang untuk kenaikan jenjang (0 bila sudah cukup)."),
    ("kj_ak_terpenuhi", "ya bila AK untuk kenaikan jenjang sudah cukup sekarang."),
    ("kj_bulan_ak_cukup", "Bulan (TTTT-BB) AK cukup untuk kenaikan jenjang, dengan predikat anggapan."),
    ("kj_tanggal_paling_awal", "Tanggal paling awal kenaikan jenjang bila AK, masa dan predikat terpenuhi."),
    ("kj_waktu", "Kapan AK kenaikan jenjang cukup (seperti kp_waktu)."),
    ("kj_syarat_belum", "Syarat kenaikan jenjang yang belum terpenuhi."),
    ("kj_syarat_perlu_dipastikan", "Syarat kenaikan jenjang yang belum diketahui: perlu dipastikan."),
    ("kj_syarat", "Status setiap syarat kenaikan jenjang."),
    ("peringatan", "Peringatan kalkulator untuk baris ini (dipisah |)."),
    ("galat", "Kosong bila baris ini dihitung. Bila tidak: nomor baris, kolom, dan apa yang perlu diperbaiki (dipisah |)."),
)
NAMA_HASIL = tuple(n for n, _ in HASIL)

# kp_waktu / kj_waktu values and how a person reads them (the browser's filters use the codes).
WAKTU = {
    "sekarang": "AK cukup sekarang",
    "6_bulan": "AK cukup dalam 6 bulan",
    "12_bulan": "AK cukup dalam 12 bulan",
    "lebih_12_bulan": "AK cukup lebih dari 12 bulan lagi",
    "tidak_terproyeksi": "Belum dapat diperkirakan",
    "tidak_ada": "Tidak ada (tertinggi)",
}
STATUS_SYARAT = {"terpenuhi": "Terpenuhi", "belum": "Belum terpenuhi", "tidak_diketahui": "Perlu dipastikan"}

BARIS_MAKSIMUM = 200_000
TERLALU_BESAR = (f"Berkas terlalu besar: lebih dari {teks_angka(Fraction(BARIS_MAKSIMUM), 0)} baris. "
                 "Bagi menjadi beberapa berkas.")
UKURAN_MAKSIMUM = 100 * 1024 * 1024


class GalatBerkas(Exception):
    """The file as a whole cannot be used; the message says why, in Bahasa Indonesia."""


class Lembar(NamedTuple):
    judul: list[str]  # header cells as written
    baris: list[tuple[int, list]]  # (row number in the file, cells)
    format: str  # "csv" | "xlsx"
    pemisah: str  # CSV delimiter ("" for xlsx)
    kosong: int  # blank rows skipped


# -- reading -------------------------------------------------------------------------------------

def _normal(teks) -> str:
    """'  AK Awal ' -> 'ak_awal', 'Predikat 2024' -> 'predikat_2024', 'TMT-Golongan' -> 'tmt_golongan'."""
    return re.sub(r"[\s\-.]+", "_", str(teks or "").strip()).strip("_").casefold()


def _dekode(data: bytes) -> str:
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")  # Excel's "Unicode Text" (tab separated)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # Excel's "CSV UTF-8" starts with a byte order mark
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Excel's plain "CSV" on Windows is cp1252: latin-1 with 0x80-0x9F remapped (done here so
    # that the browser, whose trimmed stdlib has no cp1252 codec, reads it the same way).
    return data.decode("latin-1").translate(_CP1252)


_CP1252 = {0x80 + i: c for i, c in enumerate("€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ")}


def _bukan_lembar(data: bytes) -> str | None:
    """A message when the bytes are clearly not a spreadsheet this module reads, else None."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return ("Berkas ini berformat Excel lama (.xls). Buka di Excel atau LibreOffice lalu simpan "
                "sebagai .xlsx atau CSV, kemudian coba lagi.")
    tanda = {b"%PDF": "PDF", b"\x89PNG": "gambar PNG", b"\xff\xd8\xff": "gambar JPEG", b"GIF8": "gambar GIF",
             b"\x1f\x8b": "arsip gzip", b"Rar!": "arsip RAR", b"7z\xbc\xaf": "arsip 7z"}
    for awal, jenis in tanda.items():
        if data.startswith(awal):
            return f"Berkas ini {jenis}, bukan lembar kerja. Pilih berkas .xlsx atau .csv dari templat Cek massal."
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04")):
        return "Berkas ini bukan lembar kerja (isinya bukan teks CSV maupun .xlsx). Pilih berkas .xlsx atau .csv."
    return None


def _pemisah(baris_judul: str) -> str:
    hitungan = {p: baris_judul.count(p) for p in (";", ",", "\t")}
    terbanyak = max(hitungan, key=lambda p: hitungan[p])
    return terbanyak if hitungan[terbanyak] else ","


def _baca_csv(teks: str) -> Lembar:
    baris_teks = teks.splitlines()
    # Skip the explanation lines ("# ...") and blank lines above the header.
    awal = 0
    while awal < len(baris_teks) and (not baris_teks[awal].strip(" \t;,\"")
                                     or baris_teks[awal].lstrip("\"").startswith("#")):
        awal += 1
    if awal == len(baris_teks):
        raise GalatBerkas("Berkas kosong: tidak ada baris judul kolom maupun data pegawai. "
                          "Gunakan templat Cek massal dan isi satu baris per pegawai.")
    pemisah = _pemisah(baris_teks[awal])
    pembaca = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah, quotechar='"')
    judul = None
    hasil, kosong, tertunda = [], 0, 0
    try:
        while True:
            nomor = pembaca.line_num + 1
            try:
                sel = next(pembaca)
            except StopIteration:
                break
            if judul is None:
                if nomor <= awal:
                    continue
                judul = sel
                continue
            if not any(s.strip() for s in sel):
                tertunda += 1
                continue
            kosong, tertunda = kosong + tertunda, 0
            hasil.append((nomor, sel))
            if len(hasil) > BARIS_MAKSIMUM:
                raise GalatBerkas(TERLALU_BESAR)
    except csv.Error as exc:
        raise GalatBerkas(f"Berkas CSV tidak dapat dibaca di sekitar baris {pembaca.line_num}: {exc}. "
                          "Periksa tanda kutip (\") yang tidak ditutup.") from exc
    return Lembar(judul or [], hasil, "csv", pemisah, kosong)


def _sel_xlsx(nilai):
    if isinstance(nilai, _dt.datetime):
        return nilai.date() if nilai.time() == _dt.time(0) else nilai
    return nilai


def _baca_xlsx(data: bytes) -> Lembar:
    try:
        import openpyxl  # noqa: PLC0415 - optional extra, only for .xlsx
    except ImportError as exc:
        raise GalatBerkas("Membaca .xlsx memerlukan paket openpyxl (pip install openpyxl, atau "
                          "pip install 'panduan-jf-kalkulator[xlsx]'). Atau simpan berkas sebagai CSV.") from exc
    import zipfile  # noqa: PLC0415

    try:
        buku = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise GalatBerkas("Berkas ini bukan .xlsx yang dapat dibaca (mungkin rusak, atau arsip ZIP "
                          "biasa). Buka di Excel atau LibreOffice dan simpan ulang sebagai .xlsx.") from exc
    try:
        lembar = buku["Data"] if "Data" in buku.sheetnames else buku.worksheets[0]
        judul, hasil, kosong, tertunda = None, [], 0, 0
        for nomor, sel in enumerate(lembar.iter_rows(values_only=True), start=1):
            sel = [_sel_xlsx(s) for s in sel]
            isi = [s for s in sel if s is not None and str(s).strip()]
            if judul is None:
                if not isi or str(isi[0]).lstrip().startswith("#"):
                    continue
                while sel and (sel[-1] is None or not str(sel[-1]).strip()):
                    sel.pop()
                judul = ["" if s is None else str(s) for s in sel]
                continue
            if not isi:
                tertunda += 1  # formatted but empty rows below the data are not "skipped rows"
                continue
            kosong, tertunda = kosong + tertunda, 0
            hasil.append((nomor, sel))
            if len(hasil) > BARIS_MAKSIMUM:
                raise GalatBerkas(TERLALU_BESAR)
    finally:
        buku.close()
    if judul is None:
        raise GalatBerkas("Berkas kosong: lembar pertama tidak berisi judul kolom maupun data pegawai. "
                          "Gunakan templat Cek massal dan isi satu baris per pegawai.")
    return Lembar(judul, hasil, "xlsx", "", kosong)


def baca(data: bytes, nama_berkas: str = "") -> Lembar:
    """Read a .csv or .xlsx file's bytes (the format is told by the content, not the name)."""
    if len(data) > UKURAN_MAKSIMUM:
        raise GalatBerkas("Berkas terlalu besar (lebih dari 100 MB). Bagi menjadi beberapa berkas.")
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise GalatBerkas("Berkas kosong: tidak ada baris judul kolom maupun data pegawai. "
                          "Gunakan templat Cek massal dan isi satu baris per pegawai.")
    pesan = _bukan_lembar(data)
    if pesan:
        raise GalatBerkas(pesan)
    if data.startswith(b"PK\x03\x04"):
        lembar = _baca_xlsx(data)
    else:
        if nama_berkas.lower().endswith((".xlsx", ".xlsm")):
            raise GalatBerkas("Berkas bernama .xlsx tetapi isinya bukan .xlsx. Simpan ulang dari Excel atau LibreOffice.")
        lembar = _baca_csv(_dekode(data))
    return lembar


# -- the header ----------------------------------------------------------------------------------

class Peta(NamedTuple):
    indeks: dict[str, int]  # known column -> position
    predikat: list[tuple[int, int]]  # (year, position), by year
    tambahan: list[str]  # columns this module does not use (kept in the output)


def _saran(nama: str, calon: list[str]) -> str:
    mirip = difflib.get_close_matches(nama, calon, n=1, cutoff=0.75)
    return f' Mungkin maksudnya "{mirip[0]}"?' if mirip else ""


def petakan(lembar: Lembar) -> Peta:
    """Match the header to KOLOM; a missing, doubled or misspelled column stops the whole file."""
    judul = [_normal(j) for j in lembar.judul]
    indeks: dict[str, int] = {}
    predikat: list[tuple[int, int]] = []
    tambahan, salah = [], []
    calon = list(DIKENAL) + [f"predikat_{t}" for t in range(_tahun_pertama(), _dt.date.today().year + 2)]
    for i, nama in enumerate(judul):
        if not nama:
            continue
        m = POLA_PREDIKAT.match(nama)
        if nama in KOLOM_PER_NAMA or m:
            if nama in indeks or (m and any(t == int(m.group(1)) for t, _ in predikat)):
                raise GalatBerkas(f'Kolom "{nama}" ada dua kali di baris judul. Hapus salah satunya.')
            if m:
                predikat.append((int(m.group(1)), i))
            else:
                indeks[nama] = i
            continue
        saran = _saran(nama, calon)
        if saran:
            salah.append(f'Kolom "{lembar.judul[i].strip()}" tidak dikenal.{saran}')
        else:
            tambahan.append(lembar.judul[i].strip())
    hilang = [n for n in WAJIB if n not in indeks]
    if not predikat and "predikat_TTTT" in KOLOM_PER_NAMA:
        hilang.append("predikat_TTTT (misalnya predikat_2024)")
    if len(judul) == 1 and hilang:
        contoh = lembar.judul[0][:60]
        raise GalatBerkas(
            f'Baris judul terbaca sebagai satu kolom ("{contoh}"): pemisah kolomnya tidak dikenali. '
            "Simpan berkas sebagai CSV dengan pemisah koma (,) atau titik koma (;), atau sebagai .xlsx.")
    pesan = []
    if hilang:
        daftar = []
        for n in hilang:
            mirip = difflib.get_close_matches(n, [_normal(t) for t in tambahan], n=1, cutoff=0.6)
            daftar.append(f'{n} (mungkin kolom "{mirip[0]}"? ganti namanya menjadi "{n}")' if mirip else n)
        pesan.append("Kolom wajib tidak ada: " + ", ".join(daftar) + ".")
    pesan += salah
    if pesan:
        raise GalatBerkas(" ".join(pesan) + " Nama kolom harus seperti di templat Cek massal (baris pertama).")
    return Peta(indeks, sorted(predikat), tambahan)


# -- a row into a request ------------------------------------------------------------------------

_BULAN_ID = {n: i for i, n in enumerate(("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
                                         "september", "oktober", "november", "desember"), start=1)}
_BULAN_ID.update({n[:3]: i for n, i in list(_BULAN_ID.items())})
_BULAN_ID.update({"agu": 8, "ags": 8, "okt": 10, "nop": 11, "des": 12, "peb": 2})
_YA = {"ya", "y", "iya", "sudah", "lulus", "ada", "tersedia", "benar", "true", "1", "v", "✓"}
_TIDAK = {"tidak", "t", "tdk", "belum", "tidak lulus", "tidak ada", "tidak tersedia", "salah", "false", "0", "-", "n", "no"}


def _teks(nilai) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    return str(nilai).strip()


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}$")


def _tanggal(nilai) -> str | None:
    """A date cell as TTTT-BB-HH; None when blank. Unreadable text is passed on for the engine's message."""
    if isinstance(nilai, _dt.datetime):
        return nilai.date().isoformat()
    if isinstance(nilai, _dt.date):
        return nilai.isoformat()
    teks = _teks(nilai)
    if not teks:
        return None
    if _ISO.match(teks):
        return teks
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", teks)
    if m:  # Indonesian order: day, month, year
        hari, bulan, tahun = (int(g) for g in m.groups())
        try:
            return _dt.date(tahun, bulan, hari).isoformat()
        except ValueError:
            return teks
    m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", teks)
    if m and m.group(2).casefold() in _BULAN_ID:
        try:
            return _dt.date(int(m.group(3)), _BULAN_ID[m.group(2).casefold()], int(m.group(1))).isoformat()
        except ValueError:
            return teks
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?", teks)
    if m:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return teks


def _ya_tidak(nilai):
    """(value, ok): True / False / None (blank = not known)."""
    if nilai is None or isinstance(nilai, bool):
        return nilai, True
    teks = _teks(nilai).casefold()
    if not teks:
        return None, True
    if teks in _YA:
        return True, True
    if teks in _TIDAK:
        return False, True
    return None, False


_PERIODE = re.compile(r"^\s*(\d{4})[-/](\d{1,2})\s*(?:s\.?\s*d\.?|sd|sampai|hingga|-|–)\s*(\d{4})[-/](\d{1,2})\s*[:=]?\s*(.+?)\s*$",
                      re.IGNORECASE)
_NIP_ANGKA = re.compile(r"^\d[\d ]*$")


def _angka(nilai):
    """A number cell for the engine: numbers as they are, text as typed (the engine reads '12,5')."""
    if isinstance(nilai, (int, float)) and not isinstance(nilai, bool):
        return nilai
    return _teks(nilai) or None


class Baris(NamedTuple):
    permintaan: dict | None  # None when the row cannot become a request
    asal: dict[str, str]  # request path prefix -> template column
    galat: list[tuple[str, str]]  # (template column, message) found before the engine
    nip: str
    nama: str


def ke_permintaan(sel: list, peta: Peta, tanggal_hitung: str | None) -> Baris:
    def ambil(nama):
        i = peta.indeks.get(nama)
        return sel[i] if i is not None and i < len(sel) else None

    galat: list[tuple[str, str]] = []
    asal: dict[str, str] = {}
    q: dict = {}
    if tanggal_hitung:
        q["tanggal_hitung"] = tanggal_hitung

    nip_sel = ambil("nip")
    nip = _teks(nip_sel).lstrip("'")
    if isinstance(nip_sel, (int, float)) and not isinstance(nip_sel, bool):
        galat.append(("nip", "NIP tersimpan sebagai angka sehingga digit terakhirnya bisa hilang. "
                             "Format kolom nip sebagai Teks lalu ketik ulang NIP."))
    elif not nip:
        galat.append(("nip", "NIP kosong. Isi NIP 18 angka."))
    elif re.fullmatch(r"\d(?:[.,]\d+)?[eE]\+?\d+", nip):
        galat.append(("nip", f'NIP "{nip}" telah diubah menjadi angka oleh aplikasi lembar kerja (digitnya '
                             'hilang). Format kolom nip sebagai Teks lalu ketik ulang NIP.'))
    elif not _NIP_ANGKA.match(nip) or len(nip.replace(" ", "")) != 18:
        galat.append(("nip", f'NIP "{nip}" tidak sah: NIP terdiri atas 18 angka.'))
    nip_bersih = nip.replace(" ", "")
    nama = _teks(ambil("nama"))
    if not nama:
        galat.append(("nama", "Nama kosong. Isi nama pegawai."))

    for kolom in ("jenjang", "golongan"):
        v = _teks(ambil(kolom))
        if v:
            q[kolom] = v
    for kolom in ("ak_awal", "ak_konvensional"):
        v = _angka(ambil(kolom))
        if v is not None:
            q[kolom] = v
    for kolom in ("tanggal_pak", "tmt_golongan", "tmt_jenjang"):
        v = _tanggal(ambil(kolom))
        if v is not None:
            q[kolom] = v
    ijazah = _tanggal(ambil("tanggal_ijazah"))
    if ijazah is not None:
        q["pendidikan"] = {"tanggal": ijazah}
        asal["pendidikan"] = "tanggal_ijazah"

    penilaian = []
    for tahun, i in peta.predikat:
        v = _teks(sel[i]) if i < len(sel) else ""
        if v:
            asal[f"penilaian[{len(penilaian)}]"] = f"predikat_{tahun}"
            penilaian.append({"tahun": tahun, "predikat": v})
    lain = _teks(ambil("periode_lain"))
    if lain:
        for bagian in (b for b in re.split(r"[;\n]", lain) if b.strip()):
            m = _PERIODE.match(bagian)
            if not m:
                galat.append(("periode_lain", f'"{bagian.strip()}" tidak terbaca. Tulis setiap periode seperti '
                                              '"2024-01 s.d. 2024-06 Baik", dipisah titik koma.'))
                continue
            asal[f"penilaian[{len(penilaian)}]"] = "periode_lain"
            penilaian.append({"mulai": f"{m.group(1)}-{int(m.group(2)):02d}",
                              "selesai": f"{m.group(3)}-{int(m.group(4)):02d}", "predikat": m.group(5)})
    if penilaian:
        q["penilaian"] = penilaian

    for kolom in ("uji_kompetensi", "formasi_tersedia", "pengembangan_profesi", "hukuman_disiplin"):
        v, ok = _ya_tidak(ambil(kolom))
        if not ok:
            galat.append((kolom, f'"{_teks(ambil(kolom))}" tidak dikenal. Isi ya, tidak, atau kosongkan bila belum diketahui.'))
        elif v is not None:
            q[kolom] = v
    # Projection: the months not yet rated are assumed Baik unless the row says otherwise.
    q["proyeksi"] = {"predikat": _teks(ambil("proyeksi_predikat")) or "Baik"}
    asal["proyeksi"] = "proyeksi_predikat"
    return Baris(q, asal, galat, nip_bersih, nama)


def _kolom_templat(kolom: str, asal: dict[str, str]) -> str:
    """The engine's field path ('penilaian[1].predikat') as the template names it ('predikat_2024')."""
    m = re.match(r"^(penilaian\[\d+\]|pendidikan|proyeksi)", kolom)
    if m and m.group(1) in asal:
        return asal[m.group(1)]
    if kolom in ("permintaan", "penilaian", "tanggal_hitung"):
        return ""
    return kolom


def _pesan_mesin(g: dict, asal: dict[str, str]) -> str:
    """The engine's message for a template column. A rating's message starts with the label the
    calculator's form gives it ("Penilaian ke-2, predikat"), which means nothing in a spreadsheet:
    the column name is given instead."""
    pesan, label = g.get("pesan", ""), g.get("label") or ""
    if label and g.get("kolom", "").startswith("penilaian[") and pesan.startswith(label):
        sisa = pesan[len(label):].lstrip(" :,")
        pesan = sisa[:1].upper() + sisa[1:] if sisa else pesan
    return _ganti_jalur(pesan, asal)


def _ganti_jalur(pesan: str, asal: dict[str, str]) -> str:
    """Another rating named in a message ("penilaian[0]", or "Penilaian ke-1" as the form labels
    it) becomes the template column it came from."""
    pesan = re.sub(r"penilaian\[\d+\]", lambda m: asal.get(m.group(0), m.group(0)), pesan)
    return re.sub(r"[Pp]enilaian ke-(\d+)", lambda m: asal.get(f"penilaian[{int(m.group(1)) - 1}]", m.group(0)), pesan)


# -- a result into cells -------------------------------------------------------------------------

def _tambah_bulan(tanggal: _dt.date, n: int) -> int:
    return tanggal.year * 12 + tanggal.month - 1 + n


def _waktu(blok: dict | None, tanggal_hitung: _dt.date) -> str:
    if blok is None:
        return "tidak_ada"
    if blok.get("ak_terpenuhi"):
        return "sekarang"
    bulan = blok.get("proyeksi_bulan")
    if not bulan:
        return "tidak_terproyeksi"
    tahun, bln = (int(x) for x in bulan.split("-"))
    indeks = tahun * 12 + bln - 1
    if indeks <= _tambah_bulan(tanggal_hitung, 6):
        return "6_bulan"
    if indeks <= _tambah_bulan(tanggal_hitung, 12):
        return "12_bulan"
    return "lebih_12_bulan"


def _status_teks(s: dict) -> str:
    return s.get("status_teks") or STATUS_SYARAT.get(s.get("status"), s.get("status", ""))


def _ya(b) -> str:
    return "ya" if b else "tidak"


def _sel_blok(blok: dict | None, tujuan: str, tanggal_hitung: _dt.date) -> list:
    if blok is None:
        return ["", "", "", "", "", "", "tidak_ada", "", "", ""]
    syarat = blok.get("syarat") or []
    return [
        tujuan,
        blok.get("ak_minimal"),
        blok.get("kekurangan"),
        _ya(blok.get("ak_terpenuhi")),
        blok.get("proyeksi_bulan") or "",
        blok.get("proyeksi_tanggal") or "",
        _waktu(blok, tanggal_hitung),
        "; ".join(s["nama"] for s in syarat if s.get("status") == "belum"),
        "; ".join(s["nama"] for s in syarat if s.get("status") == "tidak_diketahui"),
        "; ".join(f"{s['nama']}: {_status_teks(s)}" for s in syarat),
    ]


class Proses:
    """Turns a read file into output rows, a chunk at a time (the browser reports progress)."""

    def __init__(self, lembar: Lembar, tanggal_hitung: str | None = None):
        self.lembar = lembar
        self.peta = petakan(lembar)
        if not lembar.baris:
            raise GalatBerkas("Berkas hanya berisi baris judul; tidak ada baris data pegawai. Isi satu baris per pegawai di bawah judul.")
        self.tanggal_hitung = tanggal_hitung
        self.hari = _dt.date.fromisoformat(tanggal_hitung) if tanggal_hitung else _dt.date.today()
        lebar = len(lembar.judul)
        self.judul = [j if j is not None else "" for j in lembar.judul] + list(NAMA_HASIL)
        self.lebar_masukan = lebar
        self.posisi = 0
        self.jumlah = len(lembar.baris)
        self.ringkasan = _Ringkasan()
        # Duplicated NIPs: every row that shares one is reported, none is computed twice.
        i_nip = self.peta.indeks["nip"]
        per_nip: dict[str, list[int]] = {}
        for nomor, sel in lembar.baris:
            nip = _teks(sel[i_nip] if i_nip < len(sel) else None).lstrip("'").replace(" ", "")
            if nip:
                per_nip.setdefault(nip, []).append(nomor)
        self.ganda = {nip: nomor for nip, nomor in per_nip.items() if len(nomor) > 1}

    @property
    def selesai(self) -> bool:
        return self.posisi >= self.jumlah

    def langkah(self, n: int) -> list[tuple[list, dict]]:
        """Compute the next `n` rows: [(output cells, info for the table), ...]."""
        hasil = []
        akhir = min(self.jumlah, self.posisi + n)
        while self.posisi < akhir:
            nomor, sel = self.lembar.baris[self.posisi]
            self.posisi += 1
            hasil.append(self._satu(nomor, sel))
        return hasil

    def semua(self) -> Iterator[tuple[list, dict]]:
        while not self.selesai:
            yield from self.langkah(500)

    def _hitung(self, q: dict) -> dict:
        return hitung(q)

    def _satu(self, nomor: int, sel: list) -> tuple[list, dict]:
        masukan = list(sel[:self.lebar_masukan]) + [None] * (self.lebar_masukan - len(sel))
        b = ke_permintaan(sel, self.peta, self.tanggal_hitung)
        galat = list(b.galat)
        lebih = [s for s in sel[self.lebar_masukan:] if s is not None and str(s).strip()]
        if len(sel) == 1 and self.lebar_masukan > 2:
            # The header was split, this row was not: it uses another separator.
            galat = [("", f"Baris ini terbaca sebagai satu kolom, padahal judulnya {self.lebar_masukan} kolom. "
                          f"Pemisah kolom baris ini berbeda dari baris judul (\"{self.lembar.pemisah}\"); "
                          "samakan pemisahnya.")]
        elif lebih:
            galat.append(("", f"Baris ini berisi {len(self.lembar.judul) + len(lebih)} kolom, lebih banyak dari "
                              f"judulnya ({len(self.lembar.judul)}). Periksa pemisah kolom dan tanda kutip."))
        if b.nip in self.ganda:
            lain = [str(n) for n in self.ganda[b.nip] if n != nomor]
            galat.append(("nip", f"NIP {b.nip} juga ada di baris {', '.join(lain)}. Satu pegawai satu baris."))
        r = None
        if not galat:
            r = self._hitung(b.permintaan)
            for g in r.get("galat", ()):
                galat.append((_kolom_templat(g.get("kolom", ""), b.asal), _pesan_mesin(g, b.asal)))
        info = {"baris": nomor, "nip": b.nip, "nama": b.nama}
        if galat:
            teks = " | ".join(f"Baris {nomor}" + (f", kolom {k}" if k else "") + f": {p}" for k, p in galat)
            sel_hasil = [""] * (len(NAMA_HASIL) - 1) + [teks]
            info["galat"] = [{"kolom": k, "pesan": p} for k, p in galat]
            info["jenjang"] = _teks(masukan[self.peta.indeks["jenjang"]])
            info["golongan"] = _teks(masukan[self.peta.indeks["golongan"]])
            self.ringkasan.tambah(None, info)
            return masukan + sel_hasil, info
        kp, kj = r.get("kenaikan_pangkat"), r.get("kenaikan_jenjang")
        kp_tujuan = f"{kp['golongan_tujuan']} {kp.get('pangkat_tujuan') or ''}".strip() if kp else ""
        kj_tujuan = ""
        if kj:
            kj_tujuan = kj.get("jenjang_tujuan_nama") or kj.get("jenjang_tujuan") or ""
            if kj.get("golongan_tujuan"):
                kj_tujuan += f" ({kj['golongan_tujuan']})"
        sel_hasil = [r.get("ak_kumulatif"), *_sel_blok(kp, kp_tujuan, self.hari), *_sel_blok(kj, kj_tujuan, self.hari),
                     " | ".join(r.get("peringatan") or ()), ""]
        h = dict(zip(NAMA_HASIL, sel_hasil))
        profil = r.get("profil") or {}
        info.update({
            "jenjang": profil.get("jenjang_nama", ""), "golongan": profil.get("golongan", ""),
            "kp_waktu": h["kp_waktu"], "kj_waktu": h["kj_waktu"],
            "tidak_diketahui": bool(h["kp_syarat_perlu_dipastikan"] or h["kj_syarat_perlu_dipastikan"]),
            "peringatan": len(r.get("peringatan") or ()),
        })
        self.ringkasan.tambah(r, info)
        return masukan + sel_hasil, info


class _Ringkasan:
    def __init__(self):
        self.jumlah = 0
        self.galat = 0
        self.kp = dict.fromkeys(WAKTU, 0)
        self.kj = dict.fromkeys(WAKTU, 0)
        self.tidak_diketahui = 0
        self.per_jenjang: dict[str, dict] = {}

    def tambah(self, r: dict | None, info: dict) -> None:
        self.jumlah += 1
        nama = info.get("jenjang") or "(tidak terbaca)"
        j = self.per_jenjang.setdefault(nama, {"jumlah": 0, "galat": 0, "kp_sekarang": 0, "kj_sekarang": 0,
                                               "kp_12_bulan": 0, "kj_12_bulan": 0})
        j["jumlah"] += 1
        if r is None:
            self.galat += 1
            j["galat"] += 1
            return
        self.kp[info["kp_waktu"]] += 1
        self.kj[info["kj_waktu"]] += 1
        self.tidak_diketahui += info["tidak_diketahui"]
        for jenis in ("kp", "kj"):
            w = info[f"{jenis}_waktu"]
            if w == "sekarang":
                j[f"{jenis}_sekarang"] += 1
            elif w in ("6_bulan", "12_bulan"):
                j[f"{jenis}_12_bulan"] += 1

    def data(self) -> dict:
        return {"jumlah": self.jumlah, "dihitung": self.jumlah - self.galat, "galat": self.galat,
                "kp": self.kp, "kj": self.kj, "tidak_diketahui": self.tidak_diketahui,
                "per_jenjang": self.per_jenjang, "waktu_label": WAKTU}

    def teks(self, lembar: Lembar, peta: Peta) -> str:
        r = [f"Cek massal: {self.jumlah} baris pegawai, {self.jumlah - self.galat} dihitung, {self.galat} dengan galat."]
        if lembar.kosong:
            r.append(f"{lembar.kosong} baris kosong dilewati.")
        if peta.tambahan:
            r.append("Kolom tambahan (tidak dipakai dalam perhitungan, tetap disalin): " + ", ".join(peta.tambahan) + ".")
        for jenis, judul, data in (("kp", "Kenaikan pangkat", self.kp), ("kj", "Kenaikan jenjang", self.kj)):
            bagian = [f"{WAKTU[k]}: {v}" for k, v in data.items() if v]
            r.append(f"{judul}: " + ("; ".join(bagian) if bagian else "-") + ".")
        r.append(f"Baris dengan syarat yang perlu dipastikan: {self.tidak_diketahui}.")
        r.append("Per jenjang:")
        for nama, j in sorted(self.per_jenjang.items()):
            r.append(f"  {nama}: {j['jumlah']} pegawai, AK kenaikan pangkat cukup sekarang {j['kp_sekarang']}, "
                     f"dalam 12 bulan {j['kp_12_bulan']}; AK kenaikan jenjang cukup sekarang {j['kj_sekarang']}, "
                     f"dalam 12 bulan {j['kj_12_bulan']}; galat {j['galat']}.")
        return "\n".join(r) + "\n"


# -- writing -------------------------------------------------------------------------------------

def _sel_csv(nilai, koma: bool) -> str:
    if type(nilai) is str:  # most cells: the fast path (a file has tens of cells per row)
        return nilai
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return _ya(nilai)
    if isinstance(nilai, float):
        teks = repr(nilai)
        return teks.replace(".", ",") if koma else teks
    if isinstance(nilai, (_dt.date, _dt.datetime)):
        return nilai.isoformat()
    return str(nilai)


class PenulisCsv:
    """CSV out in the input's dialect: a semicolon file gets decimal commas (Excel in Indonesian)."""

    def __init__(self, keluar, pemisah: str = ","):
        self.koma = pemisah == ";"
        self.w = csv.writer(keluar, delimiter=pemisah if pemisah in ",;\t" else ",", lineterminator="\r\n")

    def tulis(self, sel: list) -> None:
        koma = self.koma
        self.w.writerow([s if type(s) is str else _sel_csv(s, koma) for s in sel])


class PenulisXlsx:
    """XLSX out (openpyxl, write-only: rows stream to the file). NIP and other text stay text."""

    def __init__(self, judul_lembar: str = "Hasil"):
        import openpyxl  # noqa: PLC0415 - optional extra

        self.buku = openpyxl.Workbook(write_only=True)
        self.lembar = self.buku.create_sheet(judul_lembar)

    def tulis(self, sel: list) -> None:
        keluar = []
        for s in sel:
            if isinstance(s, str) and s[:1] in "=+-@" and len(s) > 1:
                s = "'" + s  # never a formula from a cell's text
            keluar.append(s)
        self.lembar.append(keluar)

    def simpan(self, keluar) -> None:
        self.buku.save(keluar)


# -- one call for the browser and the tests -------------------------------------------------------

def jalankan(data: bytes, nama_berkas: str = "", tanggal_hitung: str | None = None) -> tuple[list[str], list[list], list[dict], dict]:
    """Whole file at once: (header, output rows, table info, summary). Raises GalatBerkas."""
    p = Proses(baca(data, nama_berkas), tanggal_hitung)
    baris, info = [], []
    for sel, i in p.semua():
        baris.append(sel)
        info.append(i)
    return p.judul, baris, info, p.ringkasan.data()


def keluaran(judul: list[str], baris: list[list], format_keluar: str, pemisah: str = ",") -> bytes:
    """The output file's bytes (CSV as UTF-8 with a byte order mark, so that Excel reads it)."""
    if format_keluar == "xlsx":
        w = PenulisXlsx()
        w.tulis(judul)
        for sel in baris:
            w.tulis(sel)
        buf = io.BytesIO()
        w.simpan(buf)
        return buf.getvalue()
    buf = io.StringIO(newline="")
    w = PenulisCsv(buf, pemisah)
    w.tulis(judul)
    for sel in baris:
        w.tulis(sel)
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


# -- the template --------------------------------------------------------------------------------

def _tahun_pertama() -> int:
    """The first year a predikat gives AK (PermenPANRB 1/2023: konversi from January 2023)."""
    from .rules import muat

    return muat().param("mulai_konversi").terbaru.nilai.year


def tahun_templat(hari_ini: _dt.date | None = None) -> list[int]:
    """predikat_TTTT columns in the template: the first konversi year up to last year (at least two)."""
    pertama = _tahun_pertama()
    akhir = max(pertama + 1, (hari_ini or _dt.date.today()).year - 1)
    return list(range(pertama, akhir + 1))


def _kolom_templat_urut(tahun: list[int]) -> list[str]:
    nama = []
    for k in KOLOM:
        if k.nama == "predikat_TTTT":
            nama += [f"predikat_{t}" for t in tahun]
        else:
            nama.append(k.nama)
    return nama


def _contoh_templat(tahun: list[int]) -> list[list[str]]:
    """The example rows. The yearly predikat columns: the first example is Baik every year but
    Sangat Baik in 2024, the second Baik every year, the third (periods inside a year, in
    periode_lain) leaves them blank."""
    def predikat(n: int, t: int) -> str:
        return ("Sangat Baik" if t == 2024 else "Baik", "Baik", "")[n]

    baris = []
    for n in range(3):
        sel = []
        for k in KOLOM:
            if k.nama == "predikat_TTTT":
                sel += [predikat(n, t) for t in tahun]
            else:
                sel.append(k.contoh[n])
        baris.append(sel)
    return baris


PETUNJUK_UMUM = (
    "Templat Cek massal - Panduan Jabatan Fungsional. Satu baris per pegawai; baris judul (nama kolom) jangan diubah.",
    "Ganti baris contoh (nama diawali 'Contoh:') dengan data pegawai Anda. Kolom tambahan (misalnya "
    "unit_kerja) boleh ditambahkan: disalin ke hasil tanpa dipakai menghitung.",
    "Hasilnya simulasi untuk membantu pengelola kepegawaian, bukan Penetapan Angka Kredit (PAK).",
    "Berkas diolah di peramban atau komputer Anda sendiri; tidak ada data yang dikirim ke mana pun.",
)


def petunjuk() -> list[tuple[str, str, str, str]]:
    """(column, what it holds, blank allowed?, explanation) for every column: the template's
    explanation sheet and the guide's table."""
    baris = []
    for k in KOLOM:
        isi = "wajib diisi" if k.isi == "wajib" else "boleh kosong"
        kolom_wajib = "" if k.wajib else " (kolom boleh tidak ada)"
        baris.append((k.nama, k.judul, isi + kolom_wajib, k.penjelasan))
    return baris


def templat_csv(hari_ini: _dt.date | None = None) -> bytes:
    """The CSV template: explanation lines starting with '#', the header, the example rows.
    Semicolon-separated UTF-8 with a byte order mark: Excel set to Indonesian opens it as columns."""
    tahun = tahun_templat(hari_ini)
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    for teks in PETUNJUK_UMUM:
        w.writerow([f"# {teks}"])
    for nama, judul, isi, penjelasan in petunjuk():
        w.writerow([f"# {nama}: {judul}; {isi}. {penjelasan}"])
    w.writerow(_kolom_templat_urut(tahun))
    for sel in _contoh_templat(tahun):
        w.writerow(sel)
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def templat_xlsx(hari_ini: _dt.date | None = None) -> bytes:
    """The XLSX template: sheet 'Data' (header, example rows; every cell formatted as text, so a
    NIP stays 18 digits), sheet 'Petunjuk' (every column explained), sheet 'Hasil' (the result
    columns explained)."""
    import openpyxl  # noqa: PLC0415 - build time and tests only
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415

    tahun = tahun_templat(hari_ini)
    buku = openpyxl.Workbook()
    data = buku.active
    data.title = "Data"
    kolom = _kolom_templat_urut(tahun)
    data.append(kolom)
    for sel in _contoh_templat(tahun):
        data.append(sel)
    tebal = Font(bold=True)
    isi = PatternFill("solid", fgColor="DDE3F5")
    for i, nama in enumerate(kolom, start=1):
        huruf = openpyxl.utils.get_column_letter(i)
        data.column_dimensions[huruf].width = max(12, min(40, len(nama) + 4))
        data.cell(row=1, column=i).font = tebal
        data.cell(row=1, column=i).fill = isi
        for r in range(2, 300):
            data.cell(row=r, column=i).number_format = "@"
    data.column_dimensions["B"].width = 28
    data.freeze_panes = "C2"

    pet = buku.create_sheet("Petunjuk")
    for teks in PETUNJUK_UMUM:
        pet.append([teks])
    pet.append([])
    pet.append(["Kolom", "Isi", "Boleh kosong?", "Penjelasan"])
    for c in pet[pet.max_row]:
        c.font = tebal
    for baris in petunjuk():
        pet.append(list(baris))
    for huruf, lebar in zip("ABCD", (22, 30, 30, 100)):
        pet.column_dimensions[huruf].width = lebar
    for row in pet.iter_rows(min_row=1):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")

    hasil = buku.create_sheet("Kolom hasil")
    hasil.append(["Kolom hasil", "Penjelasan"])
    for c in hasil[1]:
        c.font = tebal
    for nama, teks in HASIL:
        hasil.append([nama, teks])
    hasil.column_dimensions["A"].width = 28
    hasil.column_dimensions["B"].width = 110
    buf = io.BytesIO()
    buku.save(buf)
    return _tetap(buf.getvalue())


def _tetap(xlsx: bytes) -> bytes:
    """The same template bytes on every build: openpyxl stamps the time of saving into the zip
    entries and docProps/core.xml; fix both (the offline cache is versioned by file hashes)."""
    import zipfile  # noqa: PLC0415

    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as zin, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2023-01-01T00:00:00Z", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2023, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)
    return keluar.getvalue()


# -- the browser's entry points (strings in, strings out; see docs/assets/massal/worker.js) -------
# The page places these texts; it computes and formats nothing (maintainers/desain.md). Files cross through
# Pyodide's file system, so no JS object is ever held by Python.

_SESI: dict = {}


def _bilangan(n: int) -> str:
    """A count the Indonesian way: 1.234."""
    return f"{n:,}".replace(",", ".")


def web_mulai(jalur: str, nama_berkas: str, tanggal_hitung: str = "") -> str:
    """Read the file at `jalur`; JSON {"jumlah": n, ...} or {"galat": message}."""
    _SESI.clear()
    try:
        with open(jalur, "rb") as f:
            data = f.read()
        lembar = baca(data, nama_berkas)
        del data
        p = Proses(lembar, tanggal_hitung or None)
    except GalatBerkas as exc:
        return json.dumps({"galat": str(exc)}, ensure_ascii=False)
    _SESI.update(proses=p, baris=[], nama=nama_berkas)
    catatan = []
    if p.peta.tambahan:
        catatan.append("Kolom tambahan disalin ke hasil tanpa dipakai menghitung: " + ", ".join(p.peta.tambahan) + ".")
    if lembar.kosong:
        catatan.append(f"{_bilangan(lembar.kosong)} baris kosong di antara data dilewati.")
    return json.dumps({"jumlah": p.jumlah, "catatan": catatan,
                       "kemajuan_teks": f"Membaca {_bilangan(p.jumlah)} baris pegawai…"}, ensure_ascii=False)


def _info_tabel(sel: list, info: dict, p: Proses, urutan: int) -> dict:
    """What the page's table shows for a row: text to place; numbers only as sort keys."""
    h = dict(zip(NAMA_HASIL, sel[p.lebar_masukan:]))
    d = {"i": urutan, "baris": info["baris"], "baris_teks": _bilangan(info["baris"]), "nip": info["nip"],
         "nama": info["nama"], "jenjang": info.get("jenjang", ""), "golongan": info.get("golongan", "")}
    if "galat" in info:
        d["galat"] = h["galat"]
        d["tanda"] = ["galat"]
        return d
    tanda = []
    for jenis in ("kp", "kj"):
        w = info[f"{jenis}_waktu"]
        if w == "sekarang":
            tanda.append(f"{jenis}_sekarang")
        if w == "6_bulan":
            tanda += [f"{jenis}_6_bulan", f"{jenis}_12_bulan"]
        if w == "12_bulan":
            tanda.append(f"{jenis}_12_bulan")
    if info["tidak_diketahui"]:
        tanda.append("tidak_diketahui")
    if info["peringatan"]:
        tanda.append("peringatan")
    d["tanda"] = tanda
    for k in ("ak_kumulatif", "kp_kekurangan", "kj_kekurangan"):
        d[k] = h[k] if isinstance(h[k], (int, float)) else None  # sort key
        d[k + "_teks"] = _sel_csv(h[k], True)
    for jenis in ("kp", "kj"):
        d[f"{jenis}_tujuan"] = h[f"{jenis}_tujuan"]
        d[f"{jenis}_waktu"] = info[f"{jenis}_waktu"]
        d[f"{jenis}_waktu_teks"] = WAKTU[info[f"{jenis}_waktu"]]
        rinci = []
        if h[f"{jenis}_tujuan"]:
            rinci.append(f"kurang {_sel_csv(h[f'{jenis}_kekurangan'], True)} AK")
            if h[f"{jenis}_tanggal_paling_awal"]:
                rinci.append("paling awal " + _teks_tanggal(h[f"{jenis}_tanggal_paling_awal"]))
            elif h[f"{jenis}_bulan_ak_cukup"] and info[f"{jenis}_waktu"] != "sekarang":
                rinci.append("AK cukup " + _teks_bulan(h[f"{jenis}_bulan_ak_cukup"]))
        d[f"{jenis}_rinci"] = "; ".join(rinci)
        d[f"{jenis}_belum"] = h[f"{jenis}_syarat_belum"]
        d[f"{jenis}_pastikan"] = h[f"{jenis}_syarat_perlu_dipastikan"]
    # The warnings' full text is in the output file and the printed sheet; the table only says
    # how many there are (repeating long texts in every row would slow the page down).
    if info["peringatan"]:
        d["peringatan_teks"] = f"{_bilangan(info['peringatan'])} peringatan (lihat berkas hasil atau lembar cetak)"
    return d


def _ringkasan_halaman(p: Proses) -> dict:
    """The summary tables, as text."""
    r = p.ringkasan
    status = [{"label": label, "kp": _bilangan(r.kp[k]), "kj": _bilangan(r.kj[k])} for k, label in WAKTU.items()]
    jenjang = [{"nama": nama, "jumlah": _bilangan(j["jumlah"]), "kp_sekarang": _bilangan(j["kp_sekarang"]),
                "kp_12_bulan": _bilangan(j["kp_12_bulan"]), "kj_sekarang": _bilangan(j["kj_sekarang"]),
                "kj_12_bulan": _bilangan(j["kj_12_bulan"]), "galat": _bilangan(j["galat"])}
               for nama, j in sorted(r.per_jenjang.items())]
    hitung_tanda = {
        "semua": r.jumlah,
        "kp_sekarang": r.kp["sekarang"], "kj_sekarang": r.kj["sekarang"],
        "kp_6_bulan": r.kp["6_bulan"], "kj_6_bulan": r.kj["6_bulan"],
        "kp_12_bulan": r.kp["6_bulan"] + r.kp["12_bulan"], "kj_12_bulan": r.kj["6_bulan"] + r.kj["12_bulan"],
        "tidak_diketahui": r.tidak_diketahui, "galat": r.galat,
    }
    return {
        "judul": (f"{_bilangan(r.jumlah)} pegawai diperiksa: {_bilangan(r.jumlah - r.galat)} dihitung, "
                  f"{_bilangan(r.galat)} dengan galat."),
        "status": status, "jenjang": jenjang,
        "jumlah_tanda": {k: _bilangan(v) for k, v in hitung_tanda.items()},
    }


def web_lanjut(n: int) -> str:
    """Compute the next n rows; JSON {"selesai", "kemajuan_teks", "baris": [table rows], ...}."""
    p: Proses = _SESI["proses"]
    baru = []
    for sel, info in p.langkah(int(n)):
        _SESI["baris"].append(sel)
        baru.append(_info_tabel(sel, info, p, len(_SESI["baris"]) - 1))
    hasil = {"selesai": p.selesai, "posisi": p.posisi, "jumlah": p.jumlah, "baris": baru,
             "kemajuan_teks": f"{_bilangan(p.posisi)} dari {_bilangan(p.jumlah)} baris dihitung"}
    if p.selesai:
        hasil["ringkasan"] = _ringkasan_halaman(p)
    return json.dumps(hasil, ensure_ascii=False)


def web_unduh(format_keluar: str, jalur: str) -> str:
    """Write the output file to `jalur` for the page's download button; returns its file name."""
    p: Proses = _SESI["proses"]
    with open(jalur, "wb") as f:
        f.write(keluaran(p.judul, _SESI["baris"], format_keluar, p.lembar.pemisah or ","))
    dasar = re.sub(r"\.(csv|xlsx|xlsm|txt)$", "", _SESI.get("nama") or "cek-massal", flags=re.IGNORECASE)
    return f"{dasar}-hasil.{format_keluar}"


def _teks_tanggal(iso: str | None) -> str:
    """'2026-12-01' -> '1 Desember 2026' (the engine's own calendar words)."""
    return dates.teks_tanggal(_dt.date.fromisoformat(iso)) if iso else ""


def _teks_bulan(bulan: str | None) -> str:
    i = dates.baca_bulan(bulan) if bulan else None
    return dates.nama_bulan(i) if i is not None else ""


def _lembar_cetak(nomor: int, b: Baris, r: dict) -> dict:
    """One printed sheet: label/value texts from the result (the engine's own texts where it has them)."""
    def t(x):
        return _sel_csv(x, True) if isinstance(x, (int, float)) and not isinstance(x, bool) else (x or "")

    profil = r.get("profil") or {}
    ringkasan = r.get("ringkasan") or {}
    total = ringkasan.get("total") or {}
    jabatan = f"{profil.get('jenjang_nama', '')}, {profil.get('golongan', '')} {profil.get('pangkat', '')}"
    isian = [["Jenjang dan golongan", jabatan.strip()],
             [total.get("label") or "AK kumulatif", total.get("nilai") or t(r.get("ak_kumulatif"))],
             ["Tanggal perhitungan", _teks_tanggal(profil.get("tanggal_hitung"))], ["Baris di berkas", _bilangan(nomor)]]
    kenaikan = []
    for kunci, judul in (("kenaikan_pangkat", "Kenaikan pangkat"), ("kenaikan_jenjang", "Kenaikan jenjang")):
        blok = r.get(kunci)
        if not blok:
            continue
        tujuan = (f"{blok.get('golongan_tujuan', '')} {blok.get('pangkat_tujuan') or ''}" if kunci == "kenaikan_pangkat"
                  else blok.get("jenjang_tujuan_nama", "")).strip()
        kenaikan.append({
            "judul": blok.get("judul") or f"{judul} ke {tujuan}",
            "ringkas": blok.get("ringkas") or "",
            "isian": [["AK minimal", blok.get("ak_minimal_teks") or t(blok.get("ak_minimal"))],
                      ["Kekurangan AK", blok.get("kekurangan_teks") or t(blok.get("kekurangan"))],
                      ["AK cukup pada bulan", blok.get("proyeksi_bulan_teks") or _teks_bulan(blok.get("proyeksi_bulan")) or "-"],
                      ["Tanggal paling awal", blok.get("proyeksi_tanggal_teks") or _teks_tanggal(blok.get("proyeksi_tanggal")) or "-"],
                      ["Keterangan", blok.get("proyeksi_keterangan") or ""]],
            "syarat": [{"nama": s.get("nama", ""), "status": s.get("status", ""), "status_teks": _status_teks(s),
                        "alasan": s.get("alasan", ""), "dasar": s.get("dasar") or "", "langkah": s.get("langkah") or ""}
                       for s in blok.get("syarat") or ()],
        })
    return {"nama": b.nama, "nip": b.nip, "jawaban": ringkasan.get("jawaban") or "", "asumsi": ringkasan.get("asumsi") or "",
            "langkah": [x.get("teks", "") for x in ringkasan.get("langkah") or () if x.get("teks")],
            "isian": isian, "kenaikan": kenaikan, "peringatan": list(r.get("peringatan") or ()),
            "catatan": r.get("catatan", "")}


def web_lembar(indeks_json: str) -> str:
    """Printed sheets for the selected rows (positions in the file's order); rows with galat are left out."""
    p: Proses = _SESI["proses"]
    keluar = []
    for i in json.loads(indeks_json):
        nomor, sel = p.lembar.baris[int(i)]
        b = ke_permintaan(sel, p.peta, p.tanggal_hitung)
        if b.galat or b.nip in p.ganda:
            continue
        r = p._hitung(b.permintaan)
        if "galat" not in r:
            keluar.append(_lembar_cetak(nomor, b, r))
    return json.dumps(keluar, ensure_ascii=False)


# -- the command line: python -m calculator massal BERKAS [-o KELUARAN] [--tanggal-hitung TTTT-BB-HH]

BANTUAN = """Cek massal: hitung banyak pegawai sekaligus dari satu lembar kerja (simulasi, bukan PAK).

Penggunaan:
  python -m calculator massal BERKAS [-o KELUARAN] [--tanggal-hitung TTTT-BB-HH]

BERKAS     .csv (pemisah koma atau titik koma) atau .xlsx, satu baris per pegawai, kolom seperti
           templat Cek massal (nip, nama, jenjang, golongan, ak_awal, tmt_golongan, tmt_jenjang,
           predikat_2023, predikat_2024, ...). .xlsx memerlukan paket openpyxl.
-o KELUARAN  .csv atau .xlsx: semua kolom dan baris masukan, berurutan, ditambah kolom hasil.
           Tanpa -o: CSV ke keluaran standar.
--tanggal-hitung  tanggal perhitungan (bawaan: hari ini).

Ringkasan dicetak ke galat standar. Status keluar: 0 semua baris dihitung, 2 ada baris dengan
galat (semua baris tetap ditulis, kolom galat menjelaskan), 1 berkas tidak dapat dibaca atau
perintah salah.
"""


def main(argv: list[str]) -> int:
    import sys  # noqa: PLC0415

    berkas = keluar = tanggal = None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a in ("-h", "--help"):
            sys.stdout.write(BANTUAN)
            return 0
        if a in ("-o", "--keluaran") and args:
            keluar = args.pop(0)
        elif a.startswith("--tanggal-hitung"):
            if "=" in a:
                tanggal = a.split("=", 1)[1]
            elif args:
                tanggal = args.pop(0)
            else:
                berkas = None
                break
        elif berkas is None and (not a.startswith("-") or a == "-"):
            berkas = a
        else:
            sys.stderr.write(f"Argumen tidak dikenal: {a}\n\n{BANTUAN}")
            return 1
    if berkas is None:
        sys.stderr.write(f"Sebutkan berkas yang akan diperiksa.\n\n{BANTUAN}")
        return 1
    if tanggal is not None:
        try:
            _dt.date.fromisoformat(tanggal)
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", tanggal):
                raise ValueError
        except ValueError:
            sys.stderr.write(f'--tanggal-hitung "{tanggal}" bukan tanggal TTTT-BB-HH (contoh: 2026-01-31).\n')
            return 1
    format_keluar = "csv"
    if keluar is not None:
        akhiran = keluar.lower().rsplit(".", 1)[-1] if "." in keluar else ""
        if akhiran not in ("csv", "xlsx"):
            sys.stderr.write(f"Berkas keluaran {keluar} harus berakhiran .csv atau .xlsx.\n")
            return 1
        format_keluar = akhiran
    data = berkas_cli.baca(berkas)
    if data is None:
        return 1
    try:
        lembar = baca(data, berkas)
        p = Proses(lembar, tanggal)
        if format_keluar == "xlsx":
            import openpyxl  # noqa: F401, PLC0415 - checked before any work
    except GalatBerkas as exc:
        sys.stderr.write(f"Berkas {berkas} tidak dapat dipakai: {exc}\n")
        return 1
    except ImportError:
        sys.stderr.write("Menulis .xlsx memerlukan paket openpyxl (pip install openpyxl); atau pakai -o HASIL.csv.\n")
        return 1

    pemisah = lembar.pemisah or ","
    try:
        if format_keluar == "xlsx":
            w = PenulisXlsx()
            w.tulis(p.judul)
            for sel, _ in p.semua():
                w.tulis(sel)
            w.simpan(keluar)
        elif keluar is not None:
            with open(keluar, "w", encoding="utf-8-sig", newline="") as f:
                w = PenulisCsv(f, pemisah)
                w.tulis(p.judul)
                for sel, _ in p.semua():
                    w.tulis(sel)
        else:
            out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", errors="backslashreplace",
                                   newline="", write_through=False)
            w = PenulisCsv(out, pemisah)
            w.tulis(p.judul)
            for sel, _ in p.semua():
                w.tulis(sel)
            out.flush()
            out.detach()
    except OSError as exc:
        sys.stderr.write(f"Hasil tidak dapat ditulis ke {keluar or 'keluaran standar'}: {berkas_cli.sebab(exc)}.\n")
        return 1
    sys.stderr.write(p.ringkasan.teks(lembar, p.peta))
    if keluar is not None:
        sys.stderr.write(f"Hasil ditulis ke {keluar}.\n")
    return 2 if p.ringkasan.galat else 0

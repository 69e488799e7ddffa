"""Command line: `python -m calculator hitung FILE.json`, `python -m calculator tabel`.

Exit status: 0 success, 2 invalid input (the JSON result then holds `galat`), 1 misuse.
"""
from __future__ import annotations

import json
import sys

from . import berkas, hitung
from .angka import TEKS_ANGKA_MAKSIMUM
from .tabel import teks_tabel

BANTUAN = """Kalkulator angka kredit jabatan fungsional (simulasi, bukan PAK).

Penggunaan:
  python -m calculator hitung BERKAS.json   hitung dari permintaan JSON dalam BERKAS.json
  python -m calculator hitung -             baca permintaan JSON dari masukan standar
  python -m calculator tabel                cetak tabel aturan (koefisien, persentase, AKK, ...)
  python -m calculator massal BERKAS [-o KELUARAN] [--tanggal-hitung TTTT-BB-HH]
                                            cek massal: satu baris per pegawai (.csv/.xlsx);
                                            lihat python -m calculator massal --help
  python -m calculator --help               tampilkan bantuan ini

Contoh permintaan:
  {"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0,
   "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"},
                 {"mulai": "2024-01", "selesai": "2024-02", "predikat": "Baik"}],
   "proyeksi": {"predikat": "Baik"}}

Hasil dicetak sebagai JSON. Status keluar: 0 berhasil, 2 masukan tidak sah (hasil berisi
"galat" dengan nama kolom dan penjelasannya), 1 perintah tidak dikenal atau berkas tidak terbaca.
"""


def _cetak(obj) -> None:
    teks = json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
    # A lone surrogate ("\ud800") echoed from the input cannot be UTF-8: write it as the JSON
    # escape it came in as, so the output stays valid JSON and never a traceback.
    sys.stdout.buffer.write(teks.encode("utf-8", "backslashreplace"))
    sys.stdout.flush()


# A number written with more characters than this is kept as text, so validation refuses it with
# a message instead of Python's int() raising on 5,000 digits.
_ANGKA_PANJANG = TEKS_ANGKA_MAKSIMUM


def _angka_json(teks: str, jenis):
    return jenis(teks) if len(teks) <= _ANGKA_PANJANG else teks


def baca_json(isi: bytes):
    """The request from bytes; ValueError with an Indonesian message when it is not usable JSON."""
    try:
        teks = isi.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("isi berkas bukan JSON yang sah: bukan teks UTF-8.") from None
    try:
        return json.loads(teks, parse_int=lambda t: _angka_json(t, int), parse_float=lambda t: _angka_json(t, float))
    except RecursionError:
        raise ValueError("isi berkas terlalu bersarang untuk diproses.") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"isi berkas bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno}): {exc.msg}.") from None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help", "bantuan"):
        sys.stdout.write(BANTUAN)
        return 0 if args else 1
    perintah = args[0]
    if perintah == "massal":
        from .massal import main as massal  # noqa: PLC0415

        return massal(args[1:])
    if perintah == "tabel" and len(args) == 1:
        sys.stdout.write(teks_tabel())
        return 0
    if perintah == "hitung" and len(args) == 2:
        sumber = args[1]
        isi = berkas.baca(sumber)
        if isi is None:
            return 1
        try:
            permintaan = baca_json(isi)
        except ValueError as exc:
            _cetak({"galat": [{"kolom": "permintaan", "label": "Permintaan", "pesan": f"Permintaan: {exc}"}]})
            return 2
        hasil = hitung(permintaan)
        _cetak(hasil)
        return 2 if "galat" in hasil else 0
    sys.stderr.write(f"Perintah tidak dikenal: {' '.join(args)}\n\n{BANTUAN}")
    return 1


if __name__ == "__main__":
    sys.exit(main())

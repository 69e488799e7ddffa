"""The engine: a validated Permintaan becomes the result dict, exactly.

It only assembles the parts, each in its own module, in the order of the regulation:
AK awal (awal), konversi predikat (konversi), kenaikan pangkat and jenjang with their conditions
(kenaikan, syarat) and dates (proyeksi), then the words a person reads (narasi). Everything is
exact (fractions); numbers are rounded once, half-up, when the result is written (angka).
"""
from __future__ import annotations

import datetime as _dt

from . import awal as awal_
from . import dates, kenaikan, konversi, narasi, proyeksi as proyeksi_
from .angka import ke_json, tepat_json
from .konteks import Kasus
from .rules import Aturan
from .validation import Permintaan

CATATAN = (
    "Hasil ini simulasi untuk memeriksa diri sendiri, bukan Penetapan Angka Kredit (PAK). "
    "Angka kredit yang sah hanya yang ditetapkan dalam PAK oleh pejabat yang berwenang; "
    "pastikan ke pengelola kepegawaian atau BKPSDM instansi Anda."
)


def susun(aturan: Aturan, p: Permintaan) -> dict:
    kasus = Kasus(aturan, p)
    d = p.desimal
    awal = awal_.tentukan(kasus)
    rincian, ruas, ak_konversi = konversi.rincian(kasus)
    jumlah_peringatan = len(kasus.peringatan)
    konversi.bulan_kosong(kasus)
    ada_bulan_kosong = len(kasus.peringatan) > jumlah_peringatan
    konversi.cek_setahun_periodik(kasus)
    bonus, pendidikan = awal_.pendidikan(kasus)
    # A one-time addition counts from the start of its month.
    langkah = [(dates.bulan_dari(p.pendidikan_tanggal), bonus)] if bonus else []
    kumulatif = awal.ak + ak_konversi + bonus
    proyeksi = proyeksi_.Proyeksi(kasus, awal.ak, ruas, langkah)

    blok = {
        "kenaikan_pangkat": kenaikan.kenaikan_pangkat(kasus, kumulatif, proyeksi),
        "kenaikan_jenjang": kenaikan.kenaikan_jenjang(kasus, kumulatif, proyeksi),
        "kenaikan_pangkat_tanpa_formasi": kenaikan.kenaikan_pangkat_tanpa_formasi(kasus, kumulatif, proyeksi),
    }
    for b in blok.values():
        if b:
            b["ringkas"] = kenaikan.ringkas(b)
    situasi = kenaikan.situasi(kasus)
    if situasi and situasi["kode"] == "golongan_di_bawah" and blok["kenaikan_pangkat"]:
        n = kasus.nilai("kp_di_bawah_rentang_kali")
        kasus.peringatkan(f"{situasi['judul']}: {n.catatan}")
    info_proyeksi = proyeksi_.info(kasus, proyeksi)

    hasil: dict = {
        "profil": {
            "jenjang": kasus.jenjang.kode,
            "jenjang_nama": kasus.jenjang.nama,
            "kategori": kasus.jenjang.kategori,
            "golongan": p.golongan,
            "pangkat": aturan.pangkat[p.golongan],
            "golongan_dalam_rentang": awal_.dalam_rentang(kasus),
            "tanggal_hitung": p.tanggal_hitung.isoformat(),
            "tanggal_hitung_teks": dates.teks_tanggal(p.tanggal_hitung),
            "nama": p.nama,
            "nip": p.nip,
        },
        "ringkasan": narasi.ringkasan(kasus, awal, ak_konversi, bonus, kumulatif, blok, situasi, info_proyeksi,
                                      kasus.curiga_konvensional, ada_bulan_kosong),
        "rincian": rincian,
        # An input or a rule figure is shown as it is; computed AK is rounded.
        "ak_awal": ke_json(awal.ak, d) if awal.sumber in ("integrasi", "perpindahan") else tepat_json(awal.ak),
        "ak_awal_sumber": awal.sumber,
        "ak_awal_keterangan": awal.keterangan,
        "ak_integrasi": awal.integrasi["ak_integrasi"] if awal.integrasi else None,
        "integrasi": awal.integrasi,
        "perpindahan": awal.perpindahan,
        "ak_pendidikan": pendidikan,
        "ak_konversi": ke_json(ak_konversi, d),
        "ak_kumulatif": ke_json(kumulatif, d),
        **blok,
        "proyeksi": info_proyeksi,
        "grafik": narasi.grafik(kasus, proyeksi, blok),
    }
    # Every unconfirmed rule value used is named to the reader in plain words, and listed for
    # front ends and tests by its parameter name.
    belum = sorted(kasus.belum_dikonfirmasi.values(), key=lambda n: n.nama)
    for n in belum:
        kasus.peringatkan(f"Belum dipastikan ({aturan.parameter[n.nama].deskripsi}). {n.catatan} "
                          "Tanyakan ke pengelola kepegawaian atau BKPSDM.")
    hasil["belum_dipastikan"] = [{"nama": n.nama, "deskripsi": aturan.parameter[n.nama].deskripsi,
                                  "catatan": n.catatan, "dasar_hukum": aturan.dasar_hukum(n)} for n in belum]
    hasil["peringatan"] = list(dict.fromkeys(kasus.peringatan))
    hasil["aturan_versi"] = aturan.versi
    # For the printed sheet and a saved result: when, and with which rules, in words (no ISO dates).
    hasil["dihitung_teks"] = (f"Dihitung pada {dates.teks_tanggal(p.tanggal_hitung)} dengan data aturan versi "
                              f"{dates.teks_tanggal(_dt.date.fromisoformat(aturan.versi))}; sumber diperiksa "
                              f"sampai {dates.teks_tanggal(aturan.diperiksa_sampai)}.")
    hasil["desimal"] = d
    hasil["catatan"] = CATATAN
    return hasil


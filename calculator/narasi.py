"""What a person reads first: the answer in one or two sentences, the next steps, the terms of
the total, and the chart's points. Front ends place these strings; they never compose them."""
from __future__ import annotations

from fractions import Fraction

from . import dates
from .angka import ke_json, teks, tepat
from .awal import Awal
from .konteks import Kasus
from .proyeksi import Proyeksi

GRAFIK_TAHUN_MAKSIMUM = 12  # chart span, machinery (not a rule)


def _sasaran(blok: dict, jenis: str) -> str:
    if jenis == "kj":
        return blok["judul"].replace("Kenaikan jenjang ke", "naik jenjang ke")
    if jenis == "kp_tanpa_formasi":
        return blok["judul"].replace("Kenaikan pangkat ke", "naik pangkat ke")
    return blok["judul"].replace("Kenaikan pangkat ke", "naik pangkat ke")


def _pilih(calon: list[tuple[dict, str]]) -> tuple[dict, str] | None:
    """The next step: the earliest projected date; at a tie the kenaikan jenjang (it names both
    the jenjang and the golongan); without dates, the first kenaikan listed."""
    bertanggal = [(b, j) for b, j in calon if b.get("proyeksi_tanggal")]
    if bertanggal:
        return min(bertanggal, key=lambda bj: (bj[0]["proyeksi_tanggal"], bj[1] != "kj"))
    return calon[0] if calon else None


def ringkasan(kasus: Kasus, awal: Awal, konversi: Fraction, bonus: Fraction, kumulatif: Fraction,
              blok: dict, situasi: dict | None, proyeksi_info: dict | None, curiga_konvensional: bool,
              ada_bulan_kosong: bool) -> dict:
    p, d, j = kasus.p, kasus.p.desimal, kasus.jenjang
    kp, kj, tf = blok["kenaikan_pangkat"], blok["kenaikan_jenjang"], blok["kenaikan_pangkat_tanpa_formasi"]
    calon = [(b, jenis) for b, jenis in ((kp, "kp"), (kj, "kj"), (tf, "kp_tanpa_formasi")) if b]
    kalimat = []
    if curiga_konvensional:
        kalimat.append("Periksa dulu angka PAK Anda: tampaknya angka kredit sistem lama yang harus diintegrasikan "
                       "(lihat langkah berikutnya).")
    kalimat.append(f"Angka kredit kumulatif Anda {teks(kumulatif, d)} sebagai {j.nama}, golongan {kasus.pangkat(p.golongan)}.")
    pilihan = _pilih(calon)
    asumsi = None
    if proyeksi_info is not None and any(b.get("proyeksi_bulan") for b, _ in calon):
        asumsi = f"Dengan anggapan predikat {proyeksi_info['predikat']} setiap bulan mulai {proyeksi_info['mulai_teks']}."
    if pilihan is None:
        kalimat.append(f"Jenjang {j.nama} dengan golongan ini adalah puncak kategorinya: tidak ada kenaikan pangkat "
                       "atau jenjang berikutnya berdasarkan angka kredit.")
    else:
        b, jenis = pilihan
        sasaran = _sasaran(b, jenis)
        if b.get("proyeksi_tanggal"):
            syarat_lain = "bila syarat lain terpenuhi"
            if b["proyeksi_tanggal"] == kasus.tanggal.isoformat():
                kalimat.append(f"Anda sudah dapat {sasaran} sekarang, {syarat_lain}.")
            elif b["ak_terpenuhi"] or proyeksi_info is None:
                kalimat.append(f"Paling cepat {b['proyeksi_tanggal_teks']} Anda dapat {sasaran}, {syarat_lain}.")
            else:
                kalimat.append(f"Dengan predikat {proyeksi_info['predikat']} setiap tahun, paling cepat "
                               f"{b['proyeksi_tanggal_teks']} Anda dapat {sasaran}, {syarat_lain}.")
        elif b["ak_terpenuhi"]:
            kalimat.append(f"Angka kredit Anda sudah cukup untuk {sasaran}.")
            if b.get("proyeksi_keterangan"):
                kalimat.append(b["proyeksi_keterangan"])
        else:
            kalimat.append(f"Untuk {sasaran}, Anda masih memerlukan {b['kekurangan_teks']} angka kredit.")
            if b.get("proyeksi_keterangan"):
                kalimat.append(b["proyeksi_keterangan"])

    if p.hukuman_disiplin and kp and pilihan and pilihan[0] is not kp:
        kalimat.append(f"{kp['judul']} tertahan selama hukuman disiplin.")
    langkah: list[dict] = []

    def tambah(teks_langkah: str | None, dasar: str = "") -> None:
        if teks_langkah and all(x["teks"] != teks_langkah for x in langkah):
            langkah.append({"teks": teks_langkah, "dasar": dasar})

    if curiga_konvensional:
        se = kasus.nilai("integrasi_wajib")
        tambah("Bila angka PAK Anda dari sebelum 2023 (termasuk PAK penyetaraan 2021-2022), masukkan angka itu di "
               "kolom AK konvensional (integrasi), atau pakai angka dari PAK integrasi atau PAK konversi terbaru.",
               kasus.dasar(se))
    if ada_bulan_kosong:
        tambah("Lengkapi predikat kinerja untuk bulan atau tahun yang belum dimasukkan (lihat peringatan); bila "
               "penilaiannya belum ada, tanyakan ke atasan dan BKPSDM.")
    # The next step's conditions only: the other kenaikan keep theirs in their own block.
    if pilihan:
        for s in pilihan[0]["syarat"]:
            tambah(s.get("langkah"), s.get("dasar", ""))
    if pilihan and pilihan[0]["ak_terpenuhi"]:
        tambah("Bila angka kredit sudah cukup, minta pejabat penilai kinerja menetapkan PAK, lalu ajukan usul "
               "kenaikan melalui pengelola kepegawaian (BKPSDM).")

    komponen = [{"label": awal.label, "nilai": teks(awal.ak, d) if awal.sumber in ("integrasi", "perpindahan") else tepat(awal.ak),
                 "keterangan": awal.keterangan}]
    dihitung = sum(1 for x in p.penilaian if kasus.bulan_pak is None or x.selesai >= kasus.bulan_pak)
    komponen.append({"label": "AK konversi predikat kinerja", "nilai": teks(konversi, d),
                     "keterangan": (f"Dari {dihitung} periode penilaian." if dihitung else
                                    "Belum ada penilaian yang menambah angka kredit.")})
    if bonus:
        komponen.append({"label": "Tambahan AK pendidikan", "nilai": teks(bonus, d),
                         "keterangan": "Tambahan satu kali untuk ijazah baru."})
    return {
        "jawaban": " ".join(kalimat),
        "asumsi": asumsi,
        "komponen": komponen,
        "total": {"label": "Angka kredit kumulatif", "nilai": teks(kumulatif, d)},
        "langkah": langkah,
        "situasi": situasi,
    }


def grafik(kasus: Kasus, proyeksi: Proyeksi, blok: dict) -> dict | None:
    """Points of the cumulative AK over time (actual, then projected) and the thresholds."""
    d = kasus.p.desimal
    batas = []
    for b in (blok["kenaikan_pangkat"], blok["kenaikan_jenjang"]):
        if b:
            batas.append({"label": b["judul"], "ak": b["ak_minimal"], "ak_teks": b["ak_minimal_teks"]})
    sampai, tercapai = None, []
    if proyeksi.mulai is not None:
        tercapai = [proyeksi.bulan_tercapai(Fraction(str(b["ak"]))) for b in batas]
        sampai = max([x for x in tercapai if x is not None], default=proyeksi.mulai_ak + 12 - 1)
        sampai = min(max(sampai, proyeksi.mulai_ak), proyeksi.mulai_ak + GRAFIK_TAHUN_MAKSIMUM * 12 - 1)
    hasil = [{"bulan": dates.teks_bulan(b), "label": dates.nama_bulan(b), "ak": ke_json(ak, d),
              "ak_teks": teks(ak, d), "proyeksi": diproyeksi}
             for b, ak, diproyeksi in proyeksi.titik(sampai, tuple(x for x in tercapai if x is not None))]
    keterangan = "Angka kredit kumulatif pada akhir setiap bulan yang ditandai."
    if proyeksi.mulai is not None:
        keterangan += (f" Garis putus-putus: proyeksi dengan predikat {kasus.nama_predikat(proyeksi.predikat)} "
                       "sampai batas tercapai.")
    return {"titik": hasil, "batas": batas, "sumbu_x": [hasil[0]["label"], hasil[-1]["label"]],
            "keterangan": keterangan}

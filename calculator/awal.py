"""AK awal: where the count in the current jenjang starts, and one-time additions.

Sources, in the order a request can give them: AK integrasi from an old-system PAK (BKN deck
S1: AK konvensional - nilai dasar), the AK of the latest PAK, AK perpindahan (Peraturan BKN
3/2023: konversi for the time in the last golongan, at most 3 years, plus AK Dasar), or the AK
Dasar of the golongan. The tambahan for a new ijazah is PermenPANRB 1/2023 Pasal 37 ayat (2)-(3).
"""
from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from . import dates
from .angka import NOL, ke_json, persen, teks, tepat, tepat_json
from .konteks import Kasus
from .konversi import koefisien, persentase


class Awal(NamedTuple):
    ak: Fraction
    sumber: str  # integrasi / pak / perpindahan / ak_dasar
    label: str  # as the result shows it
    keterangan: str
    integrasi: dict | None
    perpindahan: dict | None


def dalam_rentang(kasus: Kasus) -> bool:
    return kasus.p.golongan in kasus.jenjang.golongan


def ak_dasar(kasus: Kasus):
    """AK Dasar of the golongan in the jenjang (rules reference, section 4). Outside the
    jenjang's range no source sets one: a stated, flagged reading."""
    if dalam_rentang(kasus):
        return kasus.nilai(f"ak_dasar.{kasus.jenjang.kode}.{kasus.p.golongan}")
    return kasus.nilai("ak_dasar_luar_rentang")


def _integrasi(kasus: Kasus) -> tuple[Fraction, dict]:
    # AK integrasi = AK konvensional kumulatif - nilai dasar of the jenjang (BKN, S1).
    p = kasus.p
    nd = kasus.nilai(f"nilai_dasar.{kasus.jenjang.kode}")
    hasil = p.ak_konvensional - nd.nilai
    d = p.desimal
    info = {
        "ak_konvensional": tepat_json(p.ak_konvensional),
        "nilai_dasar": tepat_json(nd.nilai),
        "ak_integrasi": ke_json(max(hasil, NOL), d),
        "ak_integrasi_teks": teks(max(hasil, NOL), d),
        "rumus": f"{tepat(p.ak_konvensional)} - {tepat(nd.nilai)} = {teks(hasil, d)}",
        "dasar_hukum": kasus.dasar(nd),
    }
    if hasil < 0:
        kasus.peringatkan(
            f"AK konvensional ({tepat(p.ak_konvensional)}) lebih kecil dari nilai dasar jenjang {kasus.jenjang.nama} "
            f"({tepat(nd.nilai)}); AK integrasi dihitung 0. Periksa kembali PAK lama Anda.")
        hasil = NOL
    nama = f"rentang.{p.golongan}"
    if dalam_rentang(kasus) and kasus.ada(nama):
        bawah, atas = (Fraction(x) for x in kasus.nilai(nama).nilai)
        if not bawah <= hasil <= atas:
            kasus.peringatkan(
                f"AK integrasi {teks(hasil, d)} berada di luar rentang yang lazim untuk golongan {p.golongan} "
                f"({tepat(bawah)} sampai {tepat(atas)}). Periksa kembali AK konvensional dan jenjang Anda, atau "
                "tanyakan ke pengelola kepegawaian.")
    return hasil, info


def _perpindahan(kasus: Kasus) -> tuple[Fraction, dict]:
    """Perpindahan from jabatan administrasi: konversi of the time in the last golongan, at most
    `perpindahan_batas_tahun` years, plus AK Dasar (Peraturan BKN 3/2023; S12, S5)."""
    p = kasus.p
    d = p.desimal
    batas = kasus.nilai("perpindahan_batas_tahun", p.perpindahan_tanggal)
    setahun = kasus.nilai("bulan_setahun", p.perpindahan_tanggal)
    bulan_penuh = dates.bulan_dari(p.perpindahan_tanggal) - dates.bulan_dari(p.perpindahan_tmt)
    bulan = min(bulan_penuh, int(batas.nilai * setahun.nilai))
    m = dates.bulan_dari(p.perpindahan_tanggal)
    pct = persentase(kasus, p.perpindahan_predikat, m)
    koef = koefisien(kasus, m)
    konversi = Fraction(bulan) / setahun.nilai * pct.nilai * koef.nilai
    dasar = ak_dasar(kasus)
    ak = konversi + dasar.nilai
    rumus = (f"{bulan}/{teks(setahun.nilai)} x {persen(pct.nilai)} x {tepat(koef.nilai)} + AK Dasar "
             f"{tepat(dasar.nilai)} = {teks(ak, d)}")
    info = {
        "bulan": bulan,
        "bulan_dalam_golongan": bulan_penuh,
        "dibatasi": bulan < bulan_penuh,
        "ak_konversi": ke_json(konversi, d),
        "ak_dasar": tepat_json(dasar.nilai),
        "ak": ke_json(ak, d),
        "rumus": rumus,
        "dasar_hukum": kasus.dasar(batas),
    }
    if bulan < bulan_penuh:
        kasus.peringatkan(
            f"Masa dalam golongan terakhir sebelum perpindahan {bulan_penuh} bulan; yang dikonversi hanya "
            f"{teks(batas.nilai)} tahun terakhir ({bulan} bulan) ({kasus.dasar(batas)}).")
    return ak, info


def _periksa_pak(kasus: Kasus) -> None:
    """Catch an old-system (konvensional) number typed as 'AK dari PAK' (rules reference, s. 6)."""
    p = kasus.p

    def saran() -> str:
        se = kasus.nilai("integrasi_wajib")
        return (f"Angka itu harus diintegrasikan lebih dahulu ({kasus.dasar(se)}): masukkan di kolom AK konvensional "
                "(integrasi), atau pakai angka dari PAK integrasi atau PAK konversi yang lebih baru.")

    if p.tanggal_pak is not None and kasus.bulan_pak < kasus.mulai_konversi:
        kasus.curiga_konvensional = True
        kasus.peringatkan(
            f"PAK Anda bertanggal {dates.teks_tanggal(p.tanggal_pak)}, sebelum sistem konversi predikat berlaku. "
            "Angka kredit dalam PAK sebelum 2023, termasuk PAK hasil penyetaraan 2021-2022, adalah AK konvensional "
            f"(sistem lama). {saran()}")
        return
    nama = f"rentang.{p.golongan}"
    if dalam_rentang(kasus) and kasus.ada(nama):
        atas = Fraction(kasus.nilai(nama).nilai[1])
        if p.ak_awal <= atas:
            return
        asal = f"rentang yang lazim untuk golongan {p.golongan} (paling banyak {tepat(atas)})"
    elif kasus.ada(f"akk_jenjang.{kasus.jenjang.kode}"):
        atas = kasus.nilai(f"akk_jenjang.{kasus.jenjang.kode}").nilai
        if p.ak_awal <= atas:
            return
        asal = f"angka kredit kenaikan jenjang {kasus.jenjang.nama} ({tepat(atas)})"
    else:
        return
    if p.ak_awal > atas:
        kasus.curiga_konvensional = True
        kasus.peringatkan(
            f"AK dari PAK {tepat(p.ak_awal)} melebihi {asal}. Bila angka ini dari PAK sebelum 2023 (termasuk PAK "
            f"hasil penyetaraan 2021-2022), itu AK konvensional. {saran()}")


def tentukan(kasus: Kasus) -> Awal:
    p = kasus.p
    if p.ak_konvensional is not None:
        ak, info = _integrasi(kasus)
        return Awal(ak, "integrasi", "AK integrasi",
                    f"AK konvensional dikurangi nilai dasar jenjang {kasus.jenjang.nama}: {info['rumus']}.", info, None)
    if p.perpindahan_tanggal is not None:
        ak, info = _perpindahan(kasus)
        return Awal(ak, "perpindahan", "AK perpindahan",
                    f"Konversi predikat {info['bulan']} bulan dalam golongan terakhir ditambah AK Dasar.", None, info)
    if p.ak_awal is not None:
        _periksa_pak(kasus)
        if p.tanggal_pak is not None:
            ket = f"AK dari PAK {dates.teks_tanggal(p.tanggal_pak)}."
        else:
            ket = "AK dari PAK terakhir yang Anda masukkan."
        return Awal(p.ak_awal, "pak", "AK dari PAK terakhir", ket, None, None)
    n = ak_dasar(kasus)
    return Awal(n.nilai, "ak_dasar", "AK Dasar",
                f"AK Dasar golongan {p.golongan} pada jenjang {kasus.jenjang.nama} ({kasus.dasar(n)}).", None, None)


def pendidikan(kasus: Kasus) -> tuple[Fraction, dict | None]:
    # Pasal 37 ayat (2)-(3): a one-time 25 % of the AKK kenaikan pangkat, only with a predikat of
    # at least Baik in the period of the new ijazah.
    p = kasus.p
    t = p.pendidikan_tanggal
    if t is None:
        return NOL, None
    bulan = dates.bulan_dari(t)
    minimal = kasus.nilai("predikat_minimal", t).nilai
    nama_min = kasus.nama_predikat(minimal)
    d = p.desimal
    info = {"tanggal": t.isoformat(), "tanggal_teks": dates.teks_tanggal(t), "ak": 0, "ak_teks": teks(NOL, d),
            "rumus": "", "dasar_hukum": "", "dihitung": False, "keterangan": ""}
    if kasus.bulan_pak is not None and bulan < kasus.bulan_pak:
        info["keterangan"] = "Ijazah sebelum tanggal PAK: tambahannya sudah termasuk dalam AK pada PAK."
        return NOL, info
    periode = next((x for x in p.penilaian if x.mulai <= bulan <= x.selesai), None)
    if periode is None:
        info["keterangan"] = (f"Belum dihitung: predikat kinerja pada {dates.nama_bulan(bulan)} tidak diketahui; "
                              f"tambahan hanya diberikan bila predikat minimal {nama_min}.")
        kasus.peringatkan(f"Tambahan AK pendidikan belum dihitung: predikat kinerja pada {dates.nama_bulan(bulan)} "
                          f"tidak diketahui. Masukkan penilaian periode itu; tambahan hanya diberikan bila predikat "
                          f"minimal {nama_min}.")
        return NOL, info
    if kasus.di_bawah(periode.predikat, minimal):
        info["keterangan"] = f"Tidak diberikan: predikat pada {dates.nama_bulan(bulan)} di bawah {nama_min}."
        kasus.peringatkan(f"Tambahan AK pendidikan tidak diberikan: predikat pada {dates.nama_bulan(bulan)} di bawah {nama_min}.")
        return NOL, info
    pct = kasus.nilai("pendidikan_persen", t)
    akk = kasus.nilai(f"akk_pangkat.{kasus.jenjang.kode}")
    ak = pct.nilai * akk.nilai  # satuan /1
    info.update(ak=ke_json(ak, d), ak_teks=teks(ak, d), dihitung=True, dasar_hukum=kasus.dasar(pct),
                rumus=f"{persen(pct.nilai)} x {tepat(akk.nilai)} = {teks(ak, d)}",
                keterangan=f"Tambahan satu kali untuk ijazah baru ({dates.teks_tanggal(t)}).")
    return ak, info

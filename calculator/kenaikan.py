"""Kenaikan pangkat (KP) and kenaikan jenjang (KJ): the AK needed, the conditions, the dates.

AK accumulates inside a jenjang: reaching the n-th golongan above the lowest one of the jenjang
needs n x the AKK kenaikan pangkat, and kelebihan carries over (S34, S35); leaving the jenjang
needs the AKK kenaikan jenjang. Penyetaraan placed people "tanpa memperhatikan jenjang pangkat"
(PermenPANRB 17/2021), so a golongan below or above the jenjang's range is valid: below it,
kenaikan pangkat continues towards the range; above it, kenaikan jenjang is the way up.
"""
from __future__ import annotations

from fractions import Fraction

from .angka import NOL, ke_json, teks, tepat, tepat_json
from .awal import dalam_rentang
from .konteks import BELUM, TERPENUHI, TIDAK_DIKETAHUI, Kasus
from .proyeksi import Proyeksi
from .syarat import cek_masa, cek_predikat, fakta, syarat


def posisi(kasus: Kasus) -> str:
    """'dalam', 'di_bawah' or 'di_atas': the golongan against the jenjang's range."""
    if dalam_rentang(kasus):
        return "dalam"
    urutan = list(kasus.aturan.pangkat)
    if urutan.index(kasus.p.golongan) < urutan.index(kasus.jenjang.golongan[0]):
        return "di_bawah"
    return "di_atas"


def situasi(kasus: Kasus) -> dict | None:
    """The situation after penyetaraan or integrasi (rules reference, section 6: B and C)."""
    j, g = kasus.jenjang, kasus.p.golongan
    rentang = ", ".join(j.golongan)
    letak = posisi(kasus)
    if letak == "di_bawah":
        return {"kode": "golongan_di_bawah",
                "judul": f"Golongan {g} di bawah rentang jenjang {j.nama}",
                "teks": (f"Golongan jenjang {j.nama} adalah {rentang}. Ini lazim bagi pejabat hasil penyetaraan, "
                         "yang diangkat tanpa memperhatikan jenjang pangkat. Kenaikan pangkat berlanjut sampai golongan "
                         f"Anda masuk rentang jenjang; kenaikan jenjang tetap dapat ditempuh bila syaratnya terpenuhi.")}
    if letak == "di_atas":
        return {"kode": "golongan_di_atas",
                "judul": f"Golongan {g} di atas rentang jenjang {j.nama}",
                "teks": (f"Golongan jenjang {j.nama} adalah {rentang}. Ini lazim bagi pejabat hasil penyetaraan, "
                         "yang diangkat tanpa memperhatikan jenjang pangkat. Dalam jenjang ini tidak ada kenaikan pangkat "
                         "berdasarkan angka kredit; jalan untuk naik adalah kenaikan jenjang.")}
    return None


def _blok_ak(kasus: Kasus, kumulatif: Fraction, minimal: Fraction) -> dict:
    d = kasus.p.desimal
    kurang = max(minimal - kumulatif, NOL)
    lebih = max(kumulatif - minimal, NOL)
    return {
        "ak_minimal": tepat_json(minimal), "ak_minimal_teks": tepat(minimal),
        "kekurangan": ke_json(kurang, d), "kekurangan_teks": teks(kurang, d),
        "kelebihan": ke_json(lebih, d), "kelebihan_teks": teks(lebih, d),
        "ak_terpenuhi": kumulatif >= minimal,
    }


def _syarat_ak(kasus: Kasus, kumulatif: Fraction, minimal: Fraction, n) -> dict:
    d = kasus.p.desimal
    kurang = minimal - kumulatif
    return syarat("angka_kredit", "Angka kredit kumulatif", TERPENUHI if kurang <= 0 else BELUM,
                  f"{teks(kumulatif, d)} dari {tepat(minimal)} yang dibutuhkan.", kasus.dasar(n),
                  f"Kumpulkan {teks(kurang, d)} angka kredit lagi melalui predikat kinerja." if kurang > 0 else None)


def _syarat_predikat_disiplin(kasus: Kasus, tahun: int, dasar: str) -> list[dict]:
    return [
        cek_predikat(kasus, tahun, dasar),
        fakta("hukuman_disiplin", "Tidak sedang menjalani hukuman disiplin",
              None if kasus.p.hukuman_disiplin is None else not kasus.p.hukuman_disiplin,
              "Tidak sedang menjalani hukuman disiplin.", "Sedang menjalani hukuman disiplin.",
              "Belum diisi.", "",
              "Kenaikan pangkat baru dapat diusulkan setelah hukuman disiplin selesai; tanyakan ke BKPSDM "
              "pengaruhnya pada angka kredit Anda." if kasus.p.hukuman_disiplin
              else "Pastikan Anda tidak sedang menjalani hukuman disiplin."),
    ]


def _judul_golongan(kasus: Kasus, golongan: str) -> str:
    return kasus.pangkat(golongan)


# The conditions each kenaikan checks, in the order its `syarat` lists them (rules reference
# section 5). calculator.tabel shows the same lists; tests/engine/test_tabel_syarat.py holds the
# results to them. pengembangan_profesi only for the jenjang in `pengembangan_profesi_untuk`.
SYARAT_KP = ("angka_kredit", "masa_pangkat", "predikat", "hukuman_disiplin")
SYARAT_KJ = ("angka_kredit", "masa_jenjang", "predikat", "uji_kompetensi", "formasi", "pengembangan_profesi")


def kenaikan_pangkat(kasus: Kasus, kumulatif: Fraction, proyeksi: Proyeksi) -> dict | None:
    """KP to the next golongan. None at the top of the jenjang's range and above it."""
    j, p = kasus.jenjang, kasus.p
    letak = posisi(kasus)
    if letak == "di_atas" or p.golongan == j.golongan[-1]:
        return None
    urutan = list(kasus.aturan.pangkat)
    tujuan = urutan[urutan.index(p.golongan) + 1]
    akk = kasus.nilai(f"akk_pangkat.{j.kode}")
    if letak == "dalam":
        minimal = j.ak_kumulatif_kp(akk.nilai, tujuan)
    else:
        # Below the range no source sets the AK of a KP: one stated, flagged reading.
        kali = kasus.nilai("kp_di_bawah_rentang_kali")
        minimal = akk.nilai * kali.nilai
    masa = kasus.nilai("masa_pangkat_tahun")
    tahun_predikat = int(kasus.nilai("predikat_pangkat_tahun").nilai)
    syarat_masa, batas = cek_masa(kasus, "masa_pangkat", f"Paling singkat {teks(masa.nilai)} tahun dalam pangkat terakhir",
                                  p.tmt_golongan, int(masa.nilai), "TMT golongan", kasus.dasar(masa))
    daftar = [_syarat_ak(kasus, kumulatif, minimal, akk), syarat_masa,
              *_syarat_predikat_disiplin(kasus, tahun_predikat, kasus.dasar(kasus.nilai("predikat_pangkat_tahun")))]
    hambatan = ["Sedang menjalani hukuman disiplin."] if p.hukuman_disiplin else []
    blok = {
        "golongan_tujuan": tujuan,
        "pangkat_tujuan": kasus.aturan.pangkat[tujuan],
        "judul": f"Kenaikan pangkat ke {_judul_golongan(kasus, tujuan)}",
        **_blok_ak(kasus, kumulatif, minimal),
        "syarat": daftar,
        **proyeksi.tanggal(minimal, batas, "TMT golongan", tahun_predikat, hambatan, periode_kp=True),
    }
    return blok


def kenaikan_jenjang(kasus: Kasus, kumulatif: Fraction, proyeksi: Proyeksi) -> dict | None:
    """KJ to the next jenjang of the category. None at the top (Penyelia, Ahli Utama)."""
    j, p = kasus.jenjang, kasus.p
    if j.tujuan is None:
        return None
    tujuan = kasus.aturan.jenjang[j.tujuan]
    akk = kasus.nilai(f"akk_jenjang.{j.kode}")
    minimal = akk.nilai
    masa = kasus.nilai("masa_jenjang_tahun")
    tahun_n = kasus.nilai("predikat_jenjang_tahun")
    tahun_predikat = int(tahun_n.nilai)
    syarat_masa, batas = cek_masa(kasus, "masa_jenjang", f"Paling singkat {teks(masa.nilai)} tahun dalam jenjang terakhir",
                                  p.tmt_jenjang, int(masa.nilai), "TMT jenjang", kasus.dasar(masa))
    uji = kasus.nilai("uji_kompetensi_jenjang")
    formasi = kasus.nilai("kebutuhan_jenjang")
    daftar = [
        _syarat_ak(kasus, kumulatif, minimal, akk),
        syarat_masa,
        cek_predikat(kasus, tahun_predikat, kasus.dasar(tahun_n)),
        fakta("uji_kompetensi", "Lulus uji kompetensi", p.uji_kompetensi,
              "Sudah lulus uji kompetensi.", "Belum lulus uji kompetensi.",
              "Belum diisi. Tidak setiap jabatan fungsional mewajibkan uji kompetensi untuk kenaikan jenjang; "
              "ketentuannya dari instansi pembina jabatan Anda.", kasus.dasar(uji),
              "Tanyakan ke BKPSDM atau instansi pembina apakah jabatan Anda mewajibkan uji kompetensi, dan "
              "kapan jadwalnya."),
        fakta("formasi", f"Tersedia kebutuhan (formasi) jenjang {tujuan.nama}", p.formasi_tersedia,
              "Kebutuhan jenjang tujuan tersedia.", "Kebutuhan jenjang tujuan belum tersedia.",
              "Belum diisi.", kasus.dasar(formasi),
              f"Tanyakan ke BKPSDM apakah ada kebutuhan (formasi) jenjang {tujuan.nama} di instansi Anda."),
    ]
    profesi = kasus.nilai("pengembangan_profesi_untuk")
    if tujuan.kode in profesi.nilai:
        daftar.append(fakta("pengembangan_profesi", "Pengembangan profesi", p.pengembangan_profesi,
                            "Sudah memenuhi pengembangan profesi.", "Belum memenuhi pengembangan profesi.",
                            f"Belum diisi; diperlukan untuk kenaikan ke jenjang {tujuan.nama}.", kasus.dasar(profesi),
                            "Tanyakan ke atasan atau instansi pembina bentuk pengembangan profesi yang diakui, "
                            "misalnya karya tulis atau pelatihan."))
    d = p.desimal
    if kumulatif > minimal:
        hangus = kasus.nilai("kelebihan_jenjang_hangus")
        if hangus.nilai:
            kasus.peringatkan(
                f"Setelah kenaikan jenjang, angka kredit dihitung mulai dari 0; kelebihan {teks(kumulatif - minimal, d)} "
                f"di atas {tepat(minimal)} tidak terbawa ke jenjang {tujuan.nama}.")
    # The KJ's golongan: at the top of the range the KJ AK equals the AK of the next golongan
    # (e.g. Ahli Muda III/d with 200 -> Ahli Madya IV/a); elsewhere the golongan does not follow.
    golongan_tujuan = tujuan.golongan[0] if p.golongan == j.golongan[-1] else None
    judul = f"Kenaikan jenjang ke {tujuan.nama}"
    if golongan_tujuan:
        judul += f", {_judul_golongan(kasus, golongan_tujuan)}"
    return {
        "jenjang_tujuan": tujuan.kode,
        "jenjang_tujuan_nama": tujuan.nama,
        "golongan_tujuan": golongan_tujuan,
        "judul": judul,
        **_blok_ak(kasus, kumulatif, minimal),
        "syarat": daftar,
        **proyeksi.tanggal(minimal, batas, "TMT jenjang", tahun_predikat, [], periode_kp=False),
    }


def kenaikan_pangkat_tanpa_formasi(kasus: Kasus, kumulatif: Fraction, proyeksi: Proyeksi) -> dict | None:
    """With the KJ AK met but no vacancy above, one KP a step higher while staying in the jenjang.

    Rules reference section 5: UNCONFIRMED in the current text; the predecessor Peraturan BKN
    11/2022 Pasal 39 ayat (5)-(7) allowed it one time, with the usual KP conditions.
    """
    j, p = kasus.jenjang, kasus.p
    if p.formasi_tersedia is not False or j.tujuan is None or posisi(kasus) == "di_atas":
        return None
    urutan = list(kasus.aturan.pangkat)
    if p.golongan == urutan[-1]:
        return None
    if p.golongan != j.golongan[-1]:
        return None  # below the top of the range an ordinary KP comes first
    aturan_n = kasus.nilai("kp_tanpa_formasi")
    if not aturan_n.nilai:
        return None
    tujuan = urutan[urutan.index(p.golongan) + 1]
    akk = kasus.nilai(f"akk_jenjang.{j.kode}")
    minimal = akk.nilai
    masa = kasus.nilai("masa_pangkat_tahun")
    tahun_n = kasus.nilai("predikat_pangkat_tahun")
    syarat_masa, batas = cek_masa(kasus, "masa_pangkat", f"Paling singkat {teks(masa.nilai)} tahun dalam pangkat terakhir",
                                  p.tmt_golongan, int(masa.nilai), "TMT golongan", kasus.dasar(masa))
    daftar = [
        _syarat_ak(kasus, kumulatif, minimal, akk),
        syarat_masa,
        *_syarat_predikat_disiplin(kasus, int(tahun_n.nilai), kasus.dasar(tahun_n)),
        syarat("satu_kali", "Hanya satu kali dalam jenjang", TIDAK_DIKETAHUI,
               "Kenaikan pangkat tanpa kebutuhan jenjang di atasnya hanya dapat diberikan satu kali.",
               kasus.dasar(aturan_n), "Pastikan Anda belum pernah memperoleh kenaikan pangkat seperti ini."),
    ]
    hambatan = ["Sedang menjalani hukuman disiplin."] if p.hukuman_disiplin else []
    return {
        "golongan_tujuan": tujuan,
        "pangkat_tujuan": kasus.aturan.pangkat[tujuan],
        "judul": f"Kenaikan pangkat ke {_judul_golongan(kasus, tujuan)} tanpa kenaikan jenjang",
        **_blok_ak(kasus, kumulatif, minimal),
        "syarat": daftar,
        **proyeksi.tanggal(minimal, batas, "TMT golongan", int(tahun_n.nilai), hambatan, periode_kp=True),
    }


def ringkas(blok: dict) -> str:
    """One sentence on one kenaikan, for its heading."""
    if blok["ak_terpenuhi"]:
        kalimat = f"Angka kredit sudah cukup ({blok['ak_minimal_teks']} dibutuhkan)"
    else:
        kalimat = f"Masih kurang {blok['kekurangan_teks']} dari {blok['ak_minimal_teks']} angka kredit"
    if blok.get("proyeksi_tanggal_teks"):
        kalimat += f"; paling cepat {blok['proyeksi_tanggal_teks']}"
    elif blok.get("proyeksi_bulan_teks") and not blok["ak_terpenuhi"]:
        kalimat += f"; angka kredit tercapai pada {blok['proyeksi_bulan_teks']}"
    return kalimat + "."

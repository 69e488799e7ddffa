"""The engine: a validated Permintaan becomes the AK position, exactly.

Everything here is exact (fractions); numbers are rounded once, half-up, when the result is
written (angka.ke_json / angka.teks). Rule figures come from the rules data (rules.muat()).
"""
from __future__ import annotations

import datetime as _dt
import math
from fractions import Fraction

from . import dates
from .angka import DESIMAL_TEPAT, ke_json, persen, teks, tepat, tepat_json
from .rules import Aturan, Nilai
from .validation import Periode, Permintaan

CATATAN = (
    "Hasil ini simulasi untuk memeriksa diri sendiri, bukan Penetapan Angka Kredit (PAK). "
    "Angka kredit yang sah hanya yang ditetapkan dalam PAK oleh pejabat yang berwenang; "
    "pastikan ke pengelola kepegawaian atau BKPSDM instansi Anda."
)
TERPENUHI, BELUM, TIDAK_DIKETAHUI = "terpenuhi", "belum", "tidak_diketahui"


class _Konteks:
    """Rules looked up for one request; records every unconfirmed value it hands out."""

    def __init__(self, aturan: Aturan, tanggal: _dt.date):
        self.aturan = aturan
        self.tanggal = tanggal
        self.belum_dikonfirmasi: dict[str, Nilai] = {}

    def nilai(self, nama: str, pada: _dt.date | None = None) -> Nilai:
        n = self.aturan.nilai_pada(nama, pada or self.tanggal)
        if not n.dikonfirmasi:
            self.belum_dikonfirmasi[n.nama] = n
        return n

    def dasar(self, n: Nilai) -> str:
        return self.aturan.dasar_hukum(n)


def _syarat(kode: str, nama: str, status: str, alasan: str) -> dict:
    return {"kode": kode, "nama": nama, "status": status, "alasan": alasan}


def _fakta(kode: str, nama: str, nilai: bool | None, ya: str, tidak: str, kosong: str) -> dict:
    if nilai is None:
        return _syarat(kode, nama, TIDAK_DIKETAHUI, kosong)
    return _syarat(kode, nama, TERPENUHI if nilai else BELUM, ya if nilai else tidak)


class _Riwayat:
    """Rated months known to the engine: the request's periods plus, when asked, the projection."""

    def __init__(self, penilaian: list[Periode], urutan: dict[str, int], mulai_konversi: int):
        self.penilaian = penilaian
        self.urutan = urutan  # predikat code -> rank (1 best)
        self.mulai_konversi = mulai_konversi  # months before it cannot be entered (they give no AK)

    @property
    def terakhir(self) -> int | None:
        return max((p.selesai for p in self.penilaian), default=None)

    def terakhir_sebelum(self, bulan: int) -> int | None:
        """Last rated month before `bulan`."""
        return max((min(p.selesai, bulan - 1) for p in self.penilaian if p.mulai < bulan), default=None)

    def di_bawah(self, minimal: str) -> list[Periode]:
        return [p for p in self.penilaian if self.urutan[p.predikat] > self.urutan[minimal]]

    def awal_berurutan(self, akhir: int) -> int:
        """First month of the unbroken run of rated months that ends at `akhir`."""
        awal = akhir + 1
        for p in sorted(self.penilaian, key=lambda p: p.selesai, reverse=True):
            if p.selesai >= awal - 1 and p.mulai < awal:
                awal = p.mulai
        return awal


def _cek_predikat(kode: str, riwayat: _Riwayat, tahun: int, minimal: str, nama_minimal: str,
                  hari_ini: _dt.date, dasar: str) -> dict:
    """'Predikat minimal Baik in each of the last N years', judged on the last N x 12 rated months."""
    nama = f"Predikat kinerja minimal {nama_minimal} dalam {tahun} tahun terakhir"
    # Judged on the day of the calculation: months from the current one on (estimates) do not count.
    akhir = riwayat.terakhir_sebelum(dates.bulan_dari(hari_ini))
    if akhir is None:
        return _syarat(kode, nama, TIDAK_DIKETAHUI, f"Belum ada penilaian sebelum bulan ini yang dimasukkan. ({dasar})")
    # An annual predikat is set early in the next year, so a gap of up to 14 months is normal.
    if akhir < dates.bulan_dari(hari_ini) - 14:
        return _syarat(kode, nama, TIDAK_DIKETAHUI,
                       f"Penilaian terakhir yang dimasukkan berakhir {dates.nama_bulan(akhir)}; masukkan penilaian terbaru. ({dasar})")
    jendela = tahun * 12
    awal = akhir - jendela + 1
    buruk = [p for p in riwayat.di_bawah(minimal) if p.selesai >= awal and p.mulai <= akhir]
    if buruk:
        p = buruk[-1]
        return _syarat(kode, nama, BELUM,
                       f"Ada predikat di bawah {nama_minimal} pada {dates.nama_bulan(max(p.mulai, awal))} s.d. {dates.nama_bulan(min(p.selesai, akhir))}. ({dasar})")
    tercakup = riwayat.awal_berurutan(akhir)
    if tercakup > awal:
        if tercakup == riwayat.mulai_konversi:
            # Ratings before 2023 give no AK and cannot be entered; the reader must check them.
            return _syarat(kode, nama, TIDAK_DIKETAHUI,
                           f"Penilaian {dates.nama_bulan(tercakup)} s.d. {dates.nama_bulan(akhir)} minimal {nama_minimal}; "
                           f"predikat sebelum {dates.nama_bulan(tercakup)} tidak dimasukkan ke kalkulator, pastikan juga minimal {nama_minimal}. ({dasar})")
        return _syarat(kode, nama, TIDAK_DIKETAHUI,
                       f"Penilaian yang dimasukkan belum mencakup seluruh {jendela} bulan sampai {dates.nama_bulan(akhir)}. ({dasar})")
    return _syarat(kode, nama, TERPENUHI,
                   f"Semua penilaian {dates.nama_bulan(awal)} s.d. {dates.nama_bulan(akhir)} minimal {nama_minimal}. ({dasar})")


def _cek_masa(kode: str, nama: str, tmt: _dt.date | None, tahun: int, hari_ini: _dt.date,
              kolom: str, dasar: str) -> tuple[dict, _dt.date | None]:
    if tmt is None:
        return _syarat(kode, nama, TIDAK_DIKETAHUI, f"Isi {kolom} untuk memeriksa syarat ini. ({dasar})"), None
    batas = dates.tambah_tahun(tmt, tahun)
    if batas <= hari_ini:
        return _syarat(kode, nama, TERPENUHI, f"Sejak {dates.teks_tanggal(tmt)}; terpenuhi sejak {dates.teks_tanggal(batas)}. ({dasar})"), batas
    return _syarat(kode, nama, BELUM, f"Sejak {dates.teks_tanggal(tmt)}; baru terpenuhi pada {dates.teks_tanggal(batas)}. ({dasar})"), batas


def _ceil(x: Fraction) -> int:
    return -((-x.numerator) // x.denominator)


class Mesin:
    def __init__(self, aturan: Aturan, p: Permintaan):
        self.aturan = aturan
        self.p = p
        self.k = _Konteks(aturan, p.tanggal_hitung)
        self.jenjang = aturan.jenjang[p.jenjang]
        self.peringatan = list(p.peringatan)
        self.urutan = {kode: d["urutan"] for kode, d in aturan.predikat.items()}
        self.riwayat = _Riwayat(p.penilaian, self.urutan,
                                dates.bulan_dari(aturan.param("mulai_konversi").terbaru.nilai))
        self._ak: dict[Periode, Fraction] = {}
        self._tangga_cache: dict = {}

    # -- AK per period -------------------------------------------------------------------------
    def koefisien(self, bulan: int) -> Nilai:
        return self.k.nilai(f"koefisien.{self.jenjang.kode}", dates.awal_bulan(bulan))

    def persentase(self, predikat: str, bulan: int) -> Nilai:
        return self.k.nilai(f"persentase.{predikat}", dates.awal_bulan(bulan))

    def ak(self, periode: Periode) -> Fraction:
        """Exact AK of one rated period (memoised: the projection asks for it again)."""
        if periode not in self._ak:
            self._ak[periode] = self.ak_periode(periode)[0]
        return self._ak[periode]

    def ak_periode(self, periode: Periode) -> tuple[Fraction, dict]:
        """Exact AK of a rated period and its rincian row. The row depends only on the rules, the
        jenjang, the period and `desimal`, and the same periods recur across requests: memoised."""
        kunci = ("ak_periode", self.jenjang.kode, periode.mulai, periode.selesai, periode.predikat, self.p.desimal)
        ak, baris, belum = self.aturan.ingat(kunci, lambda: self._ak_periode(periode))
        for n in belum:
            self.k.belum_dikonfirmasi[n.nama] = n
        return ak, dict(baris)

    def _ak_periode(self, periode: Periode) -> tuple[Fraction, dict, tuple[Nilai, ...]]:
        # PermenPANRB 1/2023 Pasal 37 ayat (1) and (4): AK = bulan/12 x persentase x koefisien,
        # prorated by the months of the rated period.
        koef = self.koefisien(periode.mulai)
        pct = self.persentase(periode.predikat, periode.mulai)
        setahun = self.k.nilai("bulan_setahun", dates.awal_bulan(periode.mulai))
        p, k, s = pct.nilai, koef.nilai, setahun.nilai
        # One exact fraction: bulan x persentase x koefisien / (setahun x 100).
        ak = Fraction(periode.bulan * p.numerator * k.numerator * s.denominator,
                      s.numerator * 100 * p.denominator * k.denominator)
        d = self.p.desimal
        dasar = [self.k.dasar(pct)]
        if periode.bulan != setahun.nilai:
            dasar.append(self.k.dasar(setahun))
        dasar.append(self.k.dasar(koef))
        baris = {
            "mulai": dates.teks_bulan(periode.mulai),
            "selesai": dates.teks_bulan(periode.selesai),
            "bulan": periode.bulan,
            "predikat": self.aturan.predikat[periode.predikat]["nama"],
            "persentase": tepat_json(pct.nilai),
            "koefisien": tepat_json(koef.nilai),
            "ak": ke_json(ak, d),
            "rumus": f"{periode.bulan}/{teks(setahun.nilai)} x {persen(pct.nilai)} x {tepat(koef.nilai)} = {teks(ak, d)}",
            "dasar_hukum": "; ".join(dasar),
        }
        return ak, baris, tuple(n for n in (koef, pct, setahun) if not n.dikonfirmasi)

    # -- starting AK ---------------------------------------------------------------------------
    def ak_dasar(self) -> Nilai:
        return self.k.nilai(f"ak_dasar.{self.jenjang.kode}.{self.p.golongan}")

    def integrasi(self) -> tuple[Fraction, dict]:
        # AK integrasi = AK konvensional kumulatif - nilai dasar of the jenjang (BKN, S1).
        nd = self.k.nilai(f"nilai_dasar.{self.jenjang.kode}")
        hasil = self.p.ak_konvensional - nd.nilai
        d = self.p.desimal
        info = {
            "ak_konvensional": tepat_json(self.p.ak_konvensional),
            "nilai_dasar": tepat_json(nd.nilai),
            "ak_integrasi": ke_json(max(hasil, Fraction(0)), d),
            "rumus": f"{tepat(self.p.ak_konvensional)} - {tepat(nd.nilai)} = {teks(hasil, d)}",
            "dasar_hukum": self.k.dasar(nd),
        }
        if hasil < 0:
            self.peringatan.append(
                f"AK konvensional ({tepat(self.p.ak_konvensional)}) lebih kecil dari nilai dasar jenjang "
                f"{self.jenjang.nama} ({tepat(nd.nilai)}); AK integrasi dihitung 0. Periksa kembali PAK lama Anda.")
            hasil = Fraction(0)
        rentang = self.aturan.parameter.get(f"rentang.{self.p.golongan}")
        if rentang is not None:
            r = self.k.nilai(rentang.nama)
            bawah, atas = (Fraction(x) for x in r.nilai)
            if not bawah <= hasil <= atas:
                self.peringatan.append(
                    f"AK integrasi {teks(hasil, d)} berada di luar rentang yang lazim untuk golongan "
                    f"{self.p.golongan} ({tepat(bawah)} sampai {tepat(atas)}). Periksa kembali AK konvensional "
                    f"dan jenjang Anda, atau tanyakan ke pengelola kepegawaian.")
        return hasil, info

    def pendidikan(self) -> tuple[Fraction, dict | None]:
        # Pasal 37 ayat (2)-(3): a one-time 25 % of the AKK kenaikan pangkat, only with a
        # predikat of at least Baik.
        t = self.p.pendidikan_tanggal
        if t is None:
            return Fraction(0), None
        bulan = dates.bulan_dari(t)
        minimal = self.k.nilai("predikat_minimal", t).nilai
        d = self.p.desimal
        periode = next((p for p in self.p.penilaian if p.mulai <= bulan <= p.selesai), None)
        info = {"tanggal": t.isoformat(), "ak": 0, "rumus": "", "dasar_hukum": "", "dihitung": False}
        nama_min = self.aturan.predikat[minimal]["nama"]
        if periode is None:
            self.peringatan.append(
                f"Tambahan AK pendidikan belum dihitung: predikat kinerja pada {dates.nama_bulan(bulan)} tidak diketahui. "
                f"Masukkan penilaian periode itu; tambahan hanya diberikan bila predikat minimal {nama_min}.")
            return Fraction(0), info
        if self.urutan[periode.predikat] > self.urutan[minimal]:
            self.peringatan.append(
                f"Tambahan AK pendidikan tidak diberikan: predikat pada {dates.nama_bulan(bulan)} di bawah {nama_min}.")
            return Fraction(0), info
        pct = self.k.nilai("pendidikan_persen", t)
        akk = self.k.nilai(f"akk_pangkat.{self.jenjang.kode}", t)
        ak = pct.nilai / 100 * akk.nilai
        info.update(ak=ke_json(ak, d), dihitung=True, dasar_hukum=self.k.dasar(pct),
                    rumus=f"{persen(pct.nilai)} x {tepat(akk.nilai)} = {teks(ak, d)}")
        return ak, info

    # -- projection ----------------------------------------------------------------------------
    def _mulai_proyeksi(self) -> int:
        if self.p.proyeksi_mulai is not None:
            return self.p.proyeksi_mulai
        if self.riwayat.terakhir is not None:
            return self.riwayat.terakhir + 1
        return dates.bulan_dari(self.p.tanggal_hitung)

    def bulan_tercapai(self, ak_awal: Fraction, langkah: list[tuple[int, Fraction]], target: Fraction) -> int | None:
        """Month in which the cumulative AK first reaches `target`, computed in closed form.

        `langkah` holds (month, AK) one-time additions; the rated periods add AK evenly over their
        months, and the projection adds a constant AK each month from its start, for ever.
        """
        if ak_awal >= target:
            # Met by the PAK: in its month, or at the latest in the month of the calculation.
            return dates.bulan_dari(self.p.tanggal_pak or self.p.tanggal_hitung)
        tangga = self._tangga(ak_awal, tuple(langkah))
        for mulai, sebelum, sesudah, per_bulan in tangga:
            if sesudah >= target:
                if per_bulan is None:  # a one-time addition
                    return mulai
                return mulai + _ceil((target - sebelum) / per_bulan) - 1
        jumlah = tangga[-1][2] if tangga else ak_awal
        if self.p.proyeksi_predikat is None:
            return None
        mulai = self._mulai_proyeksi()
        return mulai + _ceil((target - jumlah) / self.ak_per_bulan(mulai)) - 1

    def _tangga(self, ak_awal: Fraction, langkah: tuple) -> list[tuple]:
        """Cumulative AK step by step: (first month, AK before, AK after, AK per month or None).

        Built once per request and shared by the kenaikan pangkat and jenjang projections.
        """
        kunci = (ak_awal, langkah)
        if self._tangga_cache.get("kunci") != kunci:
            # A one-time addition (pendidikan) counts from the start of its month, so it splits a
            # rated period that spans that month; each segment adds AK evenly over its months.
            potong = sorted({b for b, _ in langkah})
            kejadian = [(b, 0, ak, None) for b, ak in langkah]
            for p in self.p.penilaian:
                per_bulan = self.ak(p) / p.bulan
                batas = [p.mulai, *(b for b in potong if p.mulai < b <= p.selesai), p.selesai + 1]
                for awal, akhir in zip(batas, batas[1:]):
                    kejadian.append((awal, 1, per_bulan * (akhir - awal), per_bulan))
            jumlah, hasil = ak_awal, []
            for bulan, _, tambah, per_bulan in sorted(kejadian, key=lambda e: (e[0], e[1])):
                hasil.append((bulan, jumlah, jumlah + tambah, per_bulan))
                jumlah += tambah
            self._tangga_cache = {"kunci": kunci, "hasil": hasil}
        return self._tangga_cache["hasil"]

    def ak_per_bulan(self, mulai: int) -> Fraction:
        """AK a month under the assumed predikat of the projection (Pasal 37 ayat (1) and (4))."""
        pct = self.persentase(self.p.proyeksi_predikat, mulai)
        setahun = self.k.nilai("bulan_setahun", dates.awal_bulan(mulai))
        return pct.nilai / 100 * self.koefisien(mulai).nilai / setahun.nilai

    def _selang_predikat(self, tahun: int) -> list[tuple[float, float]]:
        """Months m (of a date) at which the predikat condition holds in the projection.

        The condition at m is judged on the rated months m - N x 12 ... m - 1: all rated, none
        below Baik. Rated months are the request's periods plus every month from the projection's
        start under the assumed predikat. Each unbroken stretch of good months [g1, g2] gives the
        interval [g1 + N x 12, g2 + 1]; the result is their list, in order (closed form).
        """
        minimal = self.k.nilai("predikat_minimal").nilai
        jendela = tahun * 12
        tak_hingga = math.inf
        baik_proyeksi = self.urutan[self.p.proyeksi_predikat] <= self.urutan[minimal]
        rentang = [(p.mulai, p.selesai, self.urutan[p.predikat] <= self.urutan[minimal]) for p in self.p.penilaian]
        rentang.append((self._mulai_proyeksi(), tak_hingga, baik_proyeksi))
        selang, awal, akhir = [], None, None
        for mulai, selesai, baik in sorted(rentang, key=lambda r: r[0]):
            if awal is not None and (not baik or mulai != akhir + 1):
                selang.append((awal, akhir))
                awal = None
            if baik:
                awal = mulai if awal is None else awal
                akhir = selesai
        if awal is not None:
            selang.append((awal, akhir))
        hasil = []
        for g1, g2 in selang:
            # Ratings before January 2023 give no AK and cannot be entered: a good stretch that
            # starts there is assumed to reach back far enough (and the result says so).
            if g1 == self.riwayat.mulai_konversi:
                g1 = -tak_hingga
            if g1 + jendela <= g2 + 1:
                hasil.append((g1 + jendela, g2 + 1))
        return hasil

    def _bulan_predikat(self, selang: list[tuple[float, float]], sejak: int) -> int | None:
        """First month at or after `sejak` inside one of the intervals."""
        for bawah, atas in selang:
            if atas >= sejak:
                return int(max(bawah, sejak))
        return None

    def _tanggal_kp(self, sejak: _dt.date) -> tuple[_dt.date, Nilai]:
        """First KP period (TMT on the 1st) on or after `sejak`; at most 12 months ahead."""
        bulan = dates.bulan_dari(sejak) + (0 if sejak.day == 1 else 1)
        for i in range(bulan, bulan + 13):
            tanggal = dates.awal_bulan(i)
            periode = self.k.nilai("periode_kp", tanggal)
            if tanggal.month in periode.nilai:
                return tanggal, periode
        raise AssertionError("periode_kp has no month")  # data test guarantees a month exists

    def proyeksi(self, bulan_ak: int | None, ak_dari_pak: bool, batas_masa: _dt.date | None,
                 tahun_predikat: int, hambatan: list[str], periode_kp: bool) -> tuple[str | None, str | None, str]:
        """(proyeksi_bulan, proyeksi_tanggal, keterangan) for one kind of kenaikan."""
        if self.p.proyeksi_predikat is None:
            return None, None, ""
        teks_bulan = dates.teks_bulan(bulan_ak) if bulan_ak is not None else None
        if bulan_ak is None:
            return None, None, "AK sudah memenuhi syarat, tetapi bulan tercapainya tidak diketahui (isi tanggal_pak)."
        if hambatan:
            return teks_bulan, None, " ".join(hambatan)
        if batas_masa is None:
            return teks_bulan, None, "Tanggal paling awal belum dapat dihitung karena TMT belum diisi."
        selang = self._selang_predikat(tahun_predikat)
        # AK met by the PAK holds today; AK from ratings counts from the month after it is reached.
        ak_sejak = self.p.tanggal_hitung if ak_dari_pak else dates.awal_bulan(bulan_ak + 1)
        calon = max(ak_sejak, batas_masa, self.p.tanggal_hitung)
        keterangan = "Tanggal paling awal bila AK, masa, dan predikat terpenuhi"
        # AK and masa only grow, so the other conditions hold from `calon` on; the predikat
        # condition can hold, lapse at a gap and hold again: take the first interval that reaches
        # `calon`, then, for a kenaikan pangkat, the first KP period in which it still holds.
        # Each pass moves past one interval, so the loop ends within len(selang) + 1 passes.
        periode = None
        for _ in range(len(selang) + 1):
            # The condition on a date looks at the months before the date's month, so a date
            # in the middle of a month still counts for that month (a KJ can fall on any day).
            bulan = self._bulan_predikat(selang, dates.bulan_dari(calon))
            if bulan is None:
                nama = self.aturan.predikat[self.p.proyeksi_predikat]["nama"]
                return teks_bulan, None, f"Dengan predikat {nama} mulai {dates.nama_bulan(self._mulai_proyeksi())}, syarat predikat kinerja tidak akan terpenuhi."
            calon = max(calon, dates.awal_bulan(bulan))
            if not periode_kp:
                break
            calon, periode = self._tanggal_kp(calon)
            if self._bulan_predikat(selang, dates.bulan_dari(calon)) == dates.bulan_dari(calon):
                break
        bulan_calon = dates.bulan_dari(calon)
        if bulan_calon - tahun_predikat * 12 < self.riwayat.mulai_konversi:  # window reaches before 2023
            keterangan = (f"Dengan anggapan predikat sebelum {dates.nama_bulan(self.riwayat.mulai_konversi)} juga minimal Baik. "
                          + keterangan)
        if periode is not None:
            keterangan += f", pada periode kenaikan pangkat ({self.k.dasar(periode)})"
        return teks_bulan, calon.isoformat(), keterangan + "; syarat lain tetap harus dipenuhi."

    # -- kenaikan ------------------------------------------------------------------------------
    def blok_ak(self, kumulatif: Fraction, minimal: Fraction) -> dict:
        d = self.p.desimal
        return {
            "ak_minimal": tepat_json(minimal),
            "kekurangan": ke_json(max(minimal - kumulatif, Fraction(0)), d),
            "kelebihan": ke_json(max(kumulatif - minimal, Fraction(0)), d),
            "ak_terpenuhi": kumulatif >= minimal,
        }

    def syarat_ak(self, kumulatif: Fraction, minimal: Fraction, n: Nilai) -> dict:
        d = self.p.desimal
        status = TERPENUHI if kumulatif >= minimal else BELUM
        return _syarat("angka_kredit", "Angka kredit kumulatif", status,
                       f"{teks(kumulatif, d)} dari {tepat(minimal)} yang dibutuhkan. ({self.k.dasar(n)})")

    def kenaikan_pangkat(self, kumulatif: Fraction, awal: Fraction, langkah) -> dict | None:
        golongan = self.jenjang.golongan
        posisi = golongan.index(self.p.golongan)
        if posisi == len(golongan) - 1:
            return None  # top golongan of the jenjang: the next step is a kenaikan jenjang
        tujuan = golongan[posisi + 1]
        akk = self.k.nilai(f"akk_pangkat.{self.jenjang.kode}")
        # Cumulative in the jenjang: the n-th golongan above the lowest needs n x AKK per step;
        # kelebihan carries over inside the jenjang (S34, S35).
        minimal = akk.nilai * (posisi + 1)
        masa = self.k.nilai("masa_pangkat_tahun")
        tahun_predikat = self.k.nilai("predikat_pangkat_tahun")
        minimal_predikat = self.k.nilai("predikat_minimal").nilai
        syarat_masa, batas = _cek_masa("masa_pangkat", f"Paling singkat {teks(masa.nilai)} tahun dalam pangkat terakhir",
                                       self.p.tmt_golongan, int(masa.nilai), self.p.tanggal_hitung, "TMT golongan", self.k.dasar(masa))
        syarat = [
            self.syarat_ak(kumulatif, minimal, akk),
            syarat_masa,
            _cek_predikat("predikat", self.riwayat, int(tahun_predikat.nilai), minimal_predikat,
                          self.aturan.predikat[minimal_predikat]["nama"], self.p.tanggal_hitung, self.k.dasar(tahun_predikat)),
            _fakta("hukuman_disiplin", "Tidak sedang menjalani hukuman disiplin", None if self.p.hukuman_disiplin is None else not self.p.hukuman_disiplin,
                   "Tidak sedang menjalani hukuman disiplin.", "Sedang menjalani hukuman disiplin.",
                   "Belum dinyatakan; pastikan tidak sedang menjalani hukuman disiplin."),
        ]
        hambatan = ["Sedang menjalani hukuman disiplin."] if self.p.hukuman_disiplin else []
        bulan_ak = self.bulan_tercapai(awal, langkah, minimal) if self.p.proyeksi_predikat else None
        pb, pt, ket = self.proyeksi(bulan_ak, awal >= minimal, batas, int(tahun_predikat.nilai), hambatan, periode_kp=True)
        return {
            "golongan_tujuan": tujuan,
            "pangkat_tujuan": self.aturan.pangkat[tujuan],
            **self.blok_ak(kumulatif, minimal),
            "syarat": syarat,
            "proyeksi_bulan": pb,
            "proyeksi_tanggal": pt,
            "proyeksi_keterangan": ket,
        }

    def kenaikan_jenjang(self, kumulatif: Fraction, awal: Fraction, langkah) -> dict | None:
        j = self.jenjang
        if j.tujuan is None:
            return None  # top jenjang of the category (Penyelia, Ahli Utama)
        tujuan = self.aturan.jenjang[j.tujuan]
        akk = self.k.nilai(f"akk_jenjang.{j.kode}")
        minimal = akk.nilai
        masa = self.k.nilai("masa_jenjang_tahun")
        tahun_predikat = self.k.nilai("predikat_jenjang_tahun")
        minimal_predikat = self.k.nilai("predikat_minimal").nilai
        puncak = j.golongan[-1]
        di_puncak = self.p.golongan == puncak
        syarat_masa, batas = _cek_masa("masa_jenjang", f"Paling singkat {teks(masa.nilai)} tahun dalam jenjang terakhir",
                                       self.p.tmt_jenjang, int(masa.nilai), self.p.tanggal_hitung, "TMT jenjang", self.k.dasar(masa))
        syarat = [
            self.syarat_ak(kumulatif, minimal, akk),
            _syarat("golongan_puncak", f"Menduduki golongan tertinggi jenjang {j.nama} ({puncak})",
                    TERPENUHI if di_puncak else BELUM,
                    f"Golongan saat ini {self.p.golongan}." + ("" if di_puncak else f" Perlu naik pangkat ke {puncak} lebih dahulu.")),
            syarat_masa,
            _cek_predikat("predikat", self.riwayat, int(tahun_predikat.nilai), minimal_predikat,
                          self.aturan.predikat[minimal_predikat]["nama"], self.p.tanggal_hitung, self.k.dasar(tahun_predikat)),
            _fakta("uji_kompetensi", "Lulus uji kompetensi", self.p.uji_kompetensi,
                   "Sudah lulus uji kompetensi.", "Belum lulus uji kompetensi.", "Belum dinyatakan; uji kompetensi wajib untuk kenaikan jenjang."),
            _fakta("formasi", f"Tersedia kebutuhan (formasi) jenjang {tujuan.nama}", self.p.formasi_tersedia,
                   "Kebutuhan jenjang tujuan tersedia.", "Kebutuhan jenjang tujuan belum tersedia.",
                   "Belum dinyatakan; tanyakan ketersediaan kebutuhan ke BKPSDM."),
        ]
        profesi = self.k.nilai("pengembangan_profesi_untuk")
        if tujuan.kode in profesi.nilai:
            syarat.append(_fakta("pengembangan_profesi", "Pengembangan profesi", self.p.pengembangan_profesi,
                                 "Sudah memenuhi pengembangan profesi.", "Belum memenuhi pengembangan profesi.",
                                 f"Belum dinyatakan; wajib untuk kenaikan ke jenjang {tujuan.nama}. ({self.k.dasar(profesi)})"))
        d = self.p.desimal
        if kumulatif > minimal:
            hangus = self.k.nilai("kelebihan_jenjang_hangus")
            if hangus.nilai:
                self.peringatan.append(
                    f"Setelah kenaikan jenjang, angka kredit dihitung mulai dari 0; kelebihan {teks(kumulatif - minimal, d)} "
                    f"di atas {tepat(minimal)} tidak terbawa ke jenjang {tujuan.nama}.")
        if kumulatif >= minimal and di_puncak and self.p.formasi_tersedia is False:
            n = self.k.nilai("kp_tanpa_formasi")
            self.peringatan.append(
                f"AK kenaikan jenjang sudah terpenuhi tetapi kebutuhan jenjang {tujuan.nama} belum tersedia: "
                f"Anda dapat diberikan kenaikan pangkat satu tingkat lebih tinggi dalam jenjang {j.nama} ({self.k.dasar(n)}).")
        hambatan = [] if di_puncak else [f"Perlu naik pangkat ke {puncak} lebih dahulu."]
        bulan_ak = self.bulan_tercapai(awal, langkah, minimal) if self.p.proyeksi_predikat else None
        pb, pt, ket = self.proyeksi(bulan_ak, awal >= minimal, batas, int(tahun_predikat.nilai), hambatan, periode_kp=False)
        return {
            "jenjang_tujuan": tujuan.kode,
            "jenjang_tujuan_nama": tujuan.nama,
            "golongan_tujuan": tujuan.golongan[0],
            **self.blok_ak(kumulatif, minimal),
            "syarat": syarat,
            "proyeksi_bulan": pb,
            "proyeksi_tanggal": pt,
            "proyeksi_keterangan": ket,
        }

    # -- the whole result ----------------------------------------------------------------------
    def jalankan(self) -> dict:
        p, d = self.p, self.p.desimal
        hasil: dict = {}
        integrasi = None
        if p.ak_konvensional is not None:
            awal, integrasi = self.integrasi()
            sumber_awal = "integrasi"
        elif p.ak_awal is not None:
            awal, sumber_awal = p.ak_awal, "pak"
        else:
            awal, sumber_awal = self.ak_dasar().nilai, "ak_dasar"
        rincian, konversi = [], Fraction(0)
        bulan_hitung = dates.bulan_dari(p.tanggal_hitung)
        for periode in p.penilaian:
            ak, baris = self.ak_periode(periode)
            self._ak[periode] = ak
            konversi += ak
            rincian.append(baris)
            if periode.selesai >= bulan_hitung:
                self.peringatan.append(
                    f"Periode {baris['mulai']} s.d. {baris['selesai']} belum selesai pada tanggal perhitungan; "
                    "angkanya perkiraan sampai predikat ditetapkan.")
            if p.tanggal_pak is not None and periode.mulai <= dates.bulan_dari(p.tanggal_pak) - 1:
                self.peringatan.append(
                    f"Periode {baris['mulai']} s.d. {baris['selesai']} dimulai sebelum tanggal PAK; pastikan AK periode itu "
                    "belum termasuk dalam AK pada PAK agar tidak terhitung dua kali.")
        bonus, pendidikan = self.pendidikan()
        langkah = [(dates.bulan_dari(p.pendidikan_tanggal), bonus)] if bonus else []
        kumulatif = awal + konversi + bonus
        hasil["profil"] = {
            "jenjang": self.jenjang.kode,
            "jenjang_nama": self.jenjang.nama,
            "kategori": self.jenjang.kategori,
            "golongan": p.golongan,
            "pangkat": self.aturan.pangkat[p.golongan],
            "tanggal_hitung": p.tanggal_hitung.isoformat(),
        }
        hasil["rincian"] = rincian
        # An input or a rule figure is shown as it is; AK integrasi is computed, so rounded.
        hasil["ak_awal"] = ke_json(awal, d) if sumber_awal == "integrasi" else tepat_json(awal)
        hasil["ak_awal_sumber"] = sumber_awal
        if sumber_awal == "ak_dasar":
            n = self.ak_dasar()
            hasil["ak_awal_keterangan"] = f"AK Dasar golongan {p.golongan} pada jenjang {self.jenjang.nama} ({self.k.dasar(n)})."
        elif sumber_awal == "pak":
            hasil["ak_awal_keterangan"] = "AK dari PAK terakhir yang Anda masukkan."
        else:
            hasil["ak_awal_keterangan"] = "AK integrasi dari AK konvensional (sampai 31 Desember 2022)."
        hasil["ak_integrasi"] = integrasi["ak_integrasi"] if integrasi else None
        hasil["integrasi"] = integrasi
        hasil["ak_pendidikan"] = pendidikan
        hasil["ak_konversi"] = ke_json(konversi, d)
        hasil["ak_kumulatif"] = ke_json(kumulatif, d)
        hasil["kenaikan_pangkat"] = self.kenaikan_pangkat(kumulatif, awal, langkah)
        hasil["kenaikan_jenjang"] = self.kenaikan_jenjang(kumulatif, awal, langkah)
        if p.proyeksi_predikat is not None:
            mulai = self._mulai_proyeksi()
            pct = self.persentase(p.proyeksi_predikat, mulai)
            koef = self.koefisien(mulai)
            per_bulan = self.ak_per_bulan(mulai)
            setahun = self.k.nilai("bulan_setahun", dates.awal_bulan(mulai)).nilai
            hasil["proyeksi"] = {
                "predikat": self.aturan.predikat[p.proyeksi_predikat]["nama"],
                "mulai": dates.teks_bulan(mulai),
                "ak_per_bulan": ke_json(per_bulan, max(d, DESIMAL_TEPAT)),
                "ak_per_tahun": ke_json(per_bulan * setahun, d),
                "rumus": f"1/{teks(setahun)} x {persen(pct.nilai)} x {tepat(koef.nilai)} = {teks(per_bulan, max(d, DESIMAL_TEPAT))} per bulan",
            }
        else:
            hasil["proyeksi"] = None
        for n in sorted(self.k.belum_dikonfirmasi.values(), key=lambda n: n.nama):
            self.peringatan.append(
                f"Nilai yang dipakai ({n.nama}) belum dikonfirmasi dari teks peraturan: {n.catatan} "
                "Perlu dikonfirmasi ke pengelola kepegawaian atau BKPSDM.")
        hasil["peringatan"] = list(dict.fromkeys(self.peringatan))
        hasil["aturan_versi"] = self.aturan.versi
        hasil["desimal"] = d
        hasil["catatan"] = CATATAN
        return hasil

"""Kenaikan pangkat and kenaikan jenjang: null at the top, the other conditions and their states,
the projection (closed form checked against a month-by-month simulation), peningkatan pendidikan
and integrasi warnings. Every request passes tanggal_hitung."""
from __future__ import annotations

import datetime as dt
import json
import math
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator import hitung
from calculator.konteks import Kasus
from calculator.proyeksi import Proyeksi
from calculator.rules import muat
from calculator.validation import validasi

from bantu import belum_dikonfirmasi_disebut, galat, kolom, sukses, syarat
from strategi import AWAL, JENJANG, KOEFISIEN, PERSEN, PREDIKAT, bulan, penilaian

RESMI = json.loads((Path(__file__).parent / "fixtures" / "tabel_resmi.json").read_text("utf-8"))
TOP = {kode: gol[-1] for kode, gol in JENJANG.items()}
BAIK_2023_2024 = [{"tahun": 2023, "predikat": "Baik"}, {"tahun": 2024, "predikat": "Baik"}]


# -- null at the top ---------------------------------------------------------------------------

@pytest.mark.parametrize("jenjang", sorted(JENJANG))
def test_kenaikan_pangkat_null_at_top_golongan(jenjang):
    r = sukses({"jenjang": jenjang, "golongan": TOP[jenjang], "ak_awal": 0})
    assert r["kenaikan_pangkat"] is None


@pytest.mark.parametrize("jenjang", [j for j in sorted(JENJANG) if len(JENJANG[j]) > 1])
def test_kenaikan_pangkat_present_below_top(jenjang):
    for i, gol in enumerate(JENJANG[jenjang][:-1]):
        kp = sukses({"jenjang": jenjang, "golongan": gol, "ak_awal": 0})["kenaikan_pangkat"]
        assert kp is not None and kp["golongan_tujuan"] == JENJANG[jenjang][i + 1]
        assert kp["pangkat_tujuan"] == RESMI["pangkat"][kp["golongan_tujuan"]]


@pytest.mark.parametrize("jenjang", sorted(JENJANG))
def test_kenaikan_jenjang_null_only_at_top_of_category(jenjang):
    r = sukses({"jenjang": jenjang, "golongan": TOP[jenjang], "ak_awal": 0})
    if jenjang in ("penyelia", "ahli_utama"):
        assert r["kenaikan_jenjang"] is None
    else:
        kj = r["kenaikan_jenjang"]
        assert kj["jenjang_tujuan"] == RESMI["jenjang"][jenjang]["jenjang_tujuan"]
        assert kj["ak_minimal"] == RESMI["jenjang"][jenjang]["akk_jenjang"]


# -- the other conditions ----------------------------------------------------------------------

AP = {"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 10}
AP_TOP = {"jenjang": "ahli_pertama", "golongan": "III/b", "ak_awal": 60}


@pytest.mark.parametrize("tmt,status", [
    (None, "tidak_diketahui"), ("2023-01-15", "terpenuhi"), ("2023-01-16", "belum"), ("2020-01-01", "terpenuhi"),
    ("2024-06-01", "belum"),
])
def test_masa_pangkat_two_years(tmt, status):
    req = {**AP, **({"tmt_golongan": tmt} if tmt else {})}
    kp = sukses(req, tanggal="2025-01-15")["kenaikan_pangkat"]
    s = syarat(kp, "masa_pangkat")
    assert s["status"] == status, s
    assert s["alasan"]


@pytest.mark.parametrize("tmt,status", [
    (None, "tidak_diketahui"), ("2024-01-15", "terpenuhi"), ("2024-01-16", "belum"), ("2021-03-01", "terpenuhi"),
])
def test_masa_jenjang_one_year(tmt, status):
    req = {**AP_TOP, **({"tmt_jenjang": tmt} if tmt else {})}
    kj = sukses(req, tanggal="2025-01-15")["kenaikan_jenjang"]
    assert syarat(kj, "masa_jenjang")["status"] == status


@pytest.mark.parametrize("periode,status", [
    ([], "tidak_diketahui"),  # nothing rated
    (BAIK_2023_2024, "terpenuhi"),
    ([{"tahun": 2023, "predikat": "Sangat Baik"}, {"tahun": 2024, "predikat": "Baik"}], "terpenuhi"),
    ([{"tahun": 2023, "predikat": "Cukup"}, {"tahun": 2024, "predikat": "Baik"}], "belum"),
    ([{"tahun": 2023, "predikat": "Baik"}, {"mulai": "2024-01", "selesai": "2024-06", "predikat": "Baik"},
      {"mulai": "2024-07", "selesai": "2024-12", "predikat": "Butuh Perbaikan"}], "belum"),
    ([{"tahun": 2024, "predikat": "Baik"}], "tidak_diketahui"),  # only 12 of 24 months known
    ([{"tahun": 2023, "predikat": "Baik"}, {"mulai": "2024-01", "selesai": "2024-05", "predikat": "Baik"},
      {"mulai": "2024-07", "selesai": "2024-12", "predikat": "Baik"}], "tidak_diketahui"),  # a gap
])
def test_predikat_last_two_years_for_kp(periode, status):
    kp = sukses({**AP, "penilaian": periode}, tanggal="2025-01-15")["kenaikan_pangkat"]
    s = syarat(kp, "predikat")
    assert s["status"] == status, s


def test_predikat_old_bad_rating_outside_window_does_not_count():
    periode = [{"tahun": 2023, "predikat": "Kurang"}, {"tahun": 2024, "predikat": "Baik"}, {"tahun": 2025, "predikat": "Baik"}]
    kp = sukses({**AP, "penilaian": periode}, tanggal="2026-01-15")["kenaikan_pangkat"]
    assert syarat(kp, "predikat")["status"] == "terpenuhi"


def test_predikat_stale_ratings_are_unknown():
    # The last rated period ended long before the day of the calculation: current ratings unknown.
    kp = sukses({**AP, "penilaian": BAIK_2023_2024}, tanggal="2027-06-01")["kenaikan_pangkat"]
    assert syarat(kp, "predikat")["status"] == "tidak_diketahui"


@pytest.mark.parametrize("periode,status", [
    ([{"tahun": 2024, "predikat": "Baik"}], "terpenuhi"),
    ([{"tahun": 2023, "predikat": "Kurang"}, {"tahun": 2024, "predikat": "Baik"}], "terpenuhi"),
    ([{"tahun": 2024, "predikat": "Cukup"}], "belum"),
    ([{"mulai": "2024-07", "selesai": "2024-12", "predikat": "Baik"}], "tidak_diketahui"),
    ([], "tidak_diketahui"),
])
def test_predikat_last_year_for_kj(periode, status):
    kj = sukses({**AP_TOP, "penilaian": periode}, tanggal="2025-01-15")["kenaikan_jenjang"]
    assert syarat(kj, "predikat")["status"] == status


@pytest.mark.parametrize("kolom,kode", [("uji_kompetensi", "uji_kompetensi"), ("formasi_tersedia", "formasi")])
@pytest.mark.parametrize("nilai,status", [(None, "tidak_diketahui"), (True, "terpenuhi"), (False, "belum")])
def test_kj_facts(kolom, kode, nilai, status):
    req = {**AP_TOP, **({} if nilai is None else {kolom: nilai})}
    assert syarat(sukses(req)["kenaikan_jenjang"], kode)["status"] == status


@pytest.mark.parametrize("jenjang,perlu", [
    ("pemula", False), ("terampil", False), ("mahir", True), ("ahli_pertama", False), ("ahli_muda", True),
    ("ahli_madya", True),
])
@pytest.mark.parametrize("nilai,status", [(None, "tidak_diketahui"), (True, "terpenuhi"), (False, "belum")])
def test_pengembangan_profesi_only_into_penyelia_madya_utama(jenjang, perlu, nilai, status):
    req = {"jenjang": jenjang, "golongan": TOP[jenjang], "ak_awal": 0,
           **({} if nilai is None else {"pengembangan_profesi": nilai})}
    kj = sukses(req)["kenaikan_jenjang"]
    kode = [s["kode"] for s in kj["syarat"]]
    if perlu:
        assert syarat(kj, "pengembangan_profesi")["status"] == status
    else:
        assert "pengembangan_profesi" not in kode


@pytest.mark.parametrize("nilai,status", [(None, "tidak_diketahui"), (False, "terpenuhi"), (True, "belum")])
def test_hukuman_disiplin(nilai, status):
    req = {**AP, **({} if nilai is None else {"hukuman_disiplin": nilai})}
    assert syarat(sukses(req)["kenaikan_pangkat"], "hukuman_disiplin")["status"] == status


def test_kj_has_no_top_golongan_condition():
    # Rules reference section 5: "must hold the top golongan of the jenjang" has no source; the
    # KJ of an Ahli Madya IV/b with 460 AK (450 needed) is not held back by the golongan.
    kj = sukses({"jenjang": "ahli_madya", "golongan": "IV/b", "ak_awal": 460, "tmt_jenjang": "2020-01-01",
                 "penilaian": [{"tahun": 2024, "predikat": "Baik"}]})["kenaikan_jenjang"]
    assert kj["ak_terpenuhi"] is True
    assert [s["kode"] for s in kj["syarat"]][:3] == ["angka_kredit", "masa_jenjang", "predikat"]
    assert "golongan_puncak" not in {s["kode"] for s in kj["syarat"]}
    assert kj["proyeksi_tanggal"] == "2025-01-15"  # all blocking conditions met on the day


def test_ak_condition_matches_ak_terpenuhi():
    for ak, status in ((49.99, "belum"), (50, "terpenuhi"), (75, "terpenuhi")):
        kp = sukses({**AP, "ak_awal": ak})["kenaikan_pangkat"]
        assert syarat(kp, "angka_kredit")["status"] == status
        assert kp["ak_terpenuhi"] is (status == "terpenuhi")


def test_kj_met_without_formasi_gives_one_kp_one_step_higher():
    # Rules reference section 5 (S34; Peraturan BKN 11/2022 Pasal 39 ayat (5)-(7)): KJ AK met but no
    # vacancy -> one KP one step higher inside the jenjang, one time, with masa and predikat;
    # unconfirmed in the current text, so flagged.
    r = sukses({**AP_TOP, "ak_awal": 100, "formasi_tersedia": False})
    tf = r["kenaikan_pangkat_tanpa_formasi"]
    assert tf["golongan_tujuan"] == "III/c" and tf["ak_minimal"] == 100 and tf["ak_terpenuhi"] is True
    assert [s["kode"] for s in tf["syarat"]] == ["angka_kredit", "masa_pangkat", "predikat", "hukuman_disiplin", "satu_kali"]
    assert syarat(tf, "satu_kali")["status"] == "tidak_diketahui"
    assert belum_dikonfirmasi_disebut(r, "kp_tanpa_formasi")
    # With a vacancy (or not stated) there is no such block.
    assert sukses({**AP_TOP, "ak_awal": 100})["kenaikan_pangkat_tanpa_formasi"] is None
    assert sukses({**AP_TOP, "ak_awal": 100, "formasi_tersedia": True})["kenaikan_pangkat_tanpa_formasi"] is None


@given(st.sampled_from(sorted(JENJANG)).flatmap(lambda j: st.tuples(st.just(j), st.sampled_from(JENJANG[j]))),
       st.integers(0, 500), penilaian(max_periode=4))
@settings(max_examples=60, deadline=None)
def test_unstated_facts_never_terpenuhi(jg, ak, periode):
    jenjang, golongan = jg
    r = sukses({"jenjang": jenjang, "golongan": golongan, "ak_awal": ak, "penilaian": periode}, tanggal="2031-01-15")
    for blok in (r["kenaikan_pangkat"], r["kenaikan_jenjang"]):
        for s in (blok or {"syarat": []})["syarat"]:
            if s["kode"] in ("uji_kompetensi", "formasi", "pengembangan_profesi", "hukuman_disiplin",
                             "masa_pangkat", "masa_jenjang"):
                assert s["status"] == "tidak_diketahui", s


# -- projection: closed form against a month-by-month simulation -------------------------------

def _idx(teks: str) -> int:
    y, m = map(int, teks.split("-")[:2])
    return y * 12 + m - 1


def _tambah_tahun(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def _periode_kp(d: dt.date) -> list[int]:
    bulan_kp = None
    for p in RESMI["periode_kp"]:
        if d >= dt.date.fromisoformat(p["sejak"]):
            bulan_kp = p["bulan"]
    return bulan_kp


def _predikat_kode(label: str) -> str:
    return {"sangat baik": "sangat_baik", "baik": "baik", "cukup": "cukup", "butuh perbaikan": "cukup",
            "kurang": "kurang", "sangat kurang": "sangat_kurang"}[label.lower()]


def _bulan_dinilai(req: dict) -> dict[int, str]:
    """Month index -> predikat label of every rated month of the request."""
    rated = {}
    for p in req["penilaian"]:
        if "tahun" in p:
            p = {"mulai": f"{p['tahun']}-01", "selesai": f"{p['tahun']}-12", "predikat": p["predikat"]}
        for m in range(_idx(p["mulai"]), _idx(p["selesai"]) + 1):
            rated[m] = p["predikat"]
    return rated


def simulasi(req: dict, jenis: str):
    """(proyeksi_bulan, proyeksi_tanggal) by brute force, month by month."""
    jenjang, golongan = req["jenjang"], req["golongan"]
    gol = JENJANG[jenjang]
    koef = KOEFISIEN[jenjang]
    hari = dt.date.fromisoformat(req["tanggal_hitung"])
    if jenis == "kp":
        # Below the jenjang's range: one KP step of the jenjang (the stated, flagged reading).
        langkah = gol.index(golongan) + 1 if golongan in gol else 1
        target = RESMI["jenjang"][jenjang]["akk_pangkat"] * langkah
        tmt, tahun_masa, jendela = req.get("tmt_golongan"), 2, 24
    else:
        target = RESMI["jenjang"][jenjang]["akk_jenjang"]
        tmt, tahun_masa, jendela = req.get("tmt_jenjang"), 1, 12
    rated = _bulan_dinilai(req)
    proj = req["proyeksi"]["predikat"]
    # Months before the PAK's month are inside the PAK's AK: conditions only, no AK.
    bulan_pak = _idx(req["tanggal_pak"][:7]) if "tanggal_pak" in req else None
    if "mulai" in req["proyeksi"]:
        mulai = _idx(req["proyeksi"]["mulai"])
    else:
        calon = ([max(rated) + 1] if rated else []) + ([bulan_pak, AWAL] if bulan_pak is not None else [])
        mulai = max(calon) if calon else hari.year * 12 + hari.month - 1
    pertama = min(list(rated) + [mulai])

    def predikat_bulan(m):
        if m in rated:
            return rated[m]
        if m < pertama:
            # Nothing known before the first rated (or projected) month: ratings before 2023 cannot
            # be entered, older ones may not be typed in. A good first month is taken to reach back
            # (the result says it is an assumption); an unknown past never blocks an answer.
            p = predikat_bulan(pertama)
            return p if p and PERSEN[p] >= 100 else None
        return proj if m >= mulai else None

    def ak_bulan(m):
        if bulan_pak is not None and m < bulan_pak:
            return Fraction(0)
        p = predikat_bulan(m) if m >= pertama else None
        tambah = Fraction(PERSEN[p], 100) * koef / 12 if p else Fraction(0)
        # Peningkatan pendidikan: once, in the month of the ijazah, when that month is rated at
        # least Baik (Pasal 37 ayat (2)-(3)); 25% of the AKK per KP step = the koefisien.
        if m == bulan_pendidikan and m in rated and PERSEN[rated[m]] >= 100:
            tambah += koef
        return tambah

    bulan_pendidikan = _idx(req["pendidikan"]["tanggal"]) if "pendidikan" in req else None
    awal = Fraction(str(req["ak_awal"]))
    sejak_pak = None
    if awal >= target:
        # Met by the PAK: in the month of tanggal_pak, or at the latest in the month of the calculation.
        sejak_pak = dt.date.fromisoformat(req.get("tanggal_pak", req["tanggal_hitung"]))
        bulan_ak = sejak_pak.year * 12 + sejak_pak.month - 1
    else:
        m = min(list(rated) + [mulai])
        jumlah = awal
        while True:
            jumlah += ak_bulan(m)
            if jumlah >= target:
                bulan_ak = m
                break
            m += 1
    tanggal = None
    if True:  # a missing TMT is assumed met (and said so); the KJ no longer waits for the top golongan
        batas = _tambah_tahun(dt.date.fromisoformat(tmt), tahun_masa) if tmt else dt.date.min
        # After this month nothing changes any more (only projected months, KP periods repeat
        # within 12 months): no date by then means none at all.
        horizon = max([bulan_ak, mulai, hari.year * 12 + hari.month, batas.year * 12 + batas.month, *rated]) \
            + jendela + 13
        # KP takes effect on the 1st of a KP period month; a KJ on any day (the earliest day of the
        # month t on which masa and the day of the calculation allow it).
        t = hari.year * 12 + hari.month - 1
        while tanggal is None and t <= horizon:
            d = dt.date(t // 12, t % 12 + 1, 1)
            if jenis == "kj":
                d = max(d, batas, hari)
            # AK reached inside a month counts from the next month; AK already met by the PAK counts
            # from the PAK date (or the day of the calculation when it has no date) - see B7.
            ak_ok = d >= sejak_pak if sejak_pak is not None else bulan_ak < t
            ok = (d.year * 12 + d.month - 1) == t and d >= batas and d >= hari and ak_ok
            ok = ok and all(predikat_bulan(w) is not None and PERSEN[predikat_bulan(w)] >= 100
                            for w in range(t - jendela, t))
            if jenis == "kp":
                ok = ok and d.month in _periode_kp(d)
            if ok:
                tanggal = d.isoformat()
            t += 1
    return bulan(bulan_ak), tanggal


@st.composite
def permintaan_proyeksi(draw):
    jenjang = draw(st.sampled_from(sorted(JENJANG)))
    # Penyetaraan placed people "tanpa memperhatikan jenjang pangkat": any golongan, now and then.
    semua = sorted({g for gg in JENJANG.values() for g in gg})
    golongan = draw(st.sampled_from(JENJANG[jenjang]) | st.sampled_from(semua))
    hari = draw(st.dates(dt.date(2023, 3, 1), dt.date(2028, 12, 31)))  # rules complete from 1 March 2023
    req = {"jenjang": jenjang, "golongan": golongan, "tanggal_hitung": hari.isoformat(),
           "ak_awal": draw(st.integers(0, 40_000)) / 100,
           "penilaian": draw(penilaian(max_periode=5)),
           "proyeksi": {"predikat": draw(st.sampled_from(PREDIKAT))}}
    for kolom in ("tmt_golongan", "tmt_jenjang"):
        if draw(st.integers(0, 4)):
            req[kolom] = (hari - dt.timedelta(days=draw(st.integers(0, 1500)))).isoformat()
    if draw(st.integers(0, 3)) == 0:
        req["tanggal_pak"] = (hari - dt.timedelta(days=draw(st.integers(0, 700)))).isoformat()
    dinilai = [m for p in req["penilaian"] for m in range(_idx(p["mulai"]), _idx(p["selesai"]) + 1)
               if m <= hari.year * 12 + hari.month - 1]
    if dinilai and draw(st.integers(0, 2)) == 0:
        m = draw(st.sampled_from(dinilai))
        hari_ke = draw(st.integers(1, 28))
        tanggal = dt.date(m // 12, m % 12 + 1, hari_ke)
        req["pendidikan"] = {"tanggal": min(tanggal, hari).isoformat()}
    if req["penilaian"] and draw(st.booleans()):
        akhir = max(_idx(p["selesai"]) for p in req["penilaian"])
        req["proyeksi"]["mulai"] = bulan(akhir + 1 + draw(st.integers(0, 5)))
    return req


def _cek_proyeksi(req):
    r = hitung(req)
    assert "galat" not in r, (req, r.get("galat"))
    # ak_kumulatif = ak_awal + the rated months + the pendidikan bonus (when given), rounded once.
    koef = KOEFISIEN[req["jenjang"]]
    rated = _bulan_dinilai(req)
    bulan_pak = _idx(req["tanggal_pak"][:7]) if "tanggal_pak" in req else -1
    exact = Fraction(str(req["ak_awal"])) + sum((Fraction(PERSEN[p], 100) * koef / 12 for m, p in rated.items()
                                                 if m >= bulan_pak), Fraction(0))
    if "pendidikan" in req:
        b = _idx(req["pendidikan"]["tanggal"])
        if b in rated and PERSEN[rated[b]] >= 100 and b >= bulan_pak:
            exact += koef
    assert Fraction(str(r["ak_kumulatif"])) == Fraction(math.floor(exact * 100 + Fraction(1, 2)), 100)  # half-up
    for jenis, kunci in (("kp", "kenaikan_pangkat"), ("kj", "kenaikan_jenjang")):
        blok = r[kunci]
        if blok is None:
            continue
        harap = simulasi(req, jenis)
        assert (blok["proyeksi_bulan"], blok["proyeksi_tanggal"]) == harap, (jenis, req, blok["proyeksi_keterangan"])


@given(permintaan_proyeksi())
@settings(max_examples=int(__import__("os").environ.get("PROYEKSI_CONTOH", "300")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
def test_projection_matches_month_by_month_simulation(req):
    _cek_proyeksi(req)


@pytest.mark.parametrize("req", [
    # Ahli Pertama, BKN example figures, projection Baik from March 2024.
    {"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0, "tanggal_hitung": "2024-03-01",
     "tmt_golongan": "2022-04-01", "tmt_jenjang": "2022-04-01",
     "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"}, {"mulai": "2024-01", "selesai": "2024-02", "predikat": "Baik"}],
     "proyeksi": {"predikat": "Baik"}},
    # Ahli Madya IV/b at 160, Sangat Baik: IV/c at 300.
    {"jenjang": "ahli_madya", "golongan": "IV/b", "ak_awal": 160, "tanggal_hitung": "2025-01-15",
     "tmt_golongan": "2023-04-01", "penilaian": BAIK_2023_2024, "proyeksi": {"predikat": "Sangat Baik"}},
])
def test_projection_examples(req):
    _cek_proyeksi(req)


def test_projection_example_figures():
    # 20,83 after Feb 2024; 29,17 more at 12,5/12 a month = 28 months from March 2024 -> June 2026.
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0, "tmt_golongan": "2022-04-01",
                "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"},
                              {"mulai": "2024-01", "selesai": "2024-02", "predikat": "Baik"}],
                "proyeksi": {"predikat": "Baik"}}, tanggal="2024-03-01")
    kp = r["kenaikan_pangkat"]
    assert kp["proyeksi_bulan"] == "2026-06"
    assert kp["proyeksi_tanggal"] == "2026-07-01"  # monthly KP periods from October 2025
    assert r["proyeksi"]["mulai"] == "2024-03"
    assert r["proyeksi"]["ak_per_tahun"] == 12.5


def test_projection_with_bad_predikat_has_no_date():
    r = sukses({**AP, "tmt_golongan": "2020-01-01", "penilaian": BAIK_2023_2024,
                "proyeksi": {"predikat": "Cukup"}}, tanggal="2025-01-15")
    kp = r["kenaikan_pangkat"]
    assert kp["proyeksi_bulan"] is not None
    assert kp["proyeksi_tanggal"] is None
    assert kp["proyeksi_keterangan"]


def test_projection_respects_tmt_plus_two_years():
    # AK met in 2024 from the rated periods; tmt_golongan 2024-05-10 -> not before 2026-05-10,
    # and June 2026 is the next KP period (monthly from Oct 2025) on or after it.
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 40, "tmt_golongan": "2024-05-10",
                "penilaian": BAIK_2023_2024, "proyeksi": {"predikat": "Baik"}}, tanggal="2025-01-15")
    kp = r["kenaikan_pangkat"]
    assert kp["proyeksi_bulan"] == "2023-10"  # 40 + 10 x 12,5/12 > 50
    assert kp["proyeksi_tanggal"] == "2026-06-01"


def test_projection_six_periods_2024_2025():
    # Everything met by 15 January 2025: the next of the six periods is 1 February 2025.
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 40, "tmt_golongan": "2020-01-01",
                "penilaian": BAIK_2023_2024, "proyeksi": {"predikat": "Baik"}}, tanggal="2025-01-15")
    assert r["kenaikan_pangkat"]["proyeksi_tanggal"] == "2025-02-01"
    # On 2 February 2025 the next period is 1 April 2025 (no March period before October 2025).
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 40, "tmt_golongan": "2020-01-01",
                "penilaian": BAIK_2023_2024, "proyeksi": {"predikat": "Baik"}}, tanggal="2025-02-02")
    assert r["kenaikan_pangkat"]["proyeksi_tanggal"] == "2025-04-01"
    # On 2 August 2025 the next period is 1 October 2025 (monthly from then; September is not one).
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 40, "tmt_golongan": "2020-01-01",
                "penilaian": BAIK_2023_2024 + [{"mulai": "2025-01", "selesai": "2025-06", "predikat": "Baik"}],
                "proyeksi": {"predikat": "Baik"}}, tanggal="2025-08-02")
    assert r["kenaikan_pangkat"]["proyeksi_tanggal"] == "2025-10-01"
    # From October 2025 every month is a period.
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 40, "tmt_golongan": "2020-01-01",
                "penilaian": BAIK_2023_2024 + [{"mulai": "2025-01", "selesai": "2025-10", "predikat": "Baik"}],
                "proyeksi": {"predikat": "Baik"}}, tanggal="2025-11-02")
    assert r["kenaikan_pangkat"]["proyeksi_tanggal"] == "2025-12-01"


def _proyeksi(tanggal: str) -> Proyeksi:
    p = validasi({"jenjang": "ahli_pertama", "golongan": "III/a", "tanggal_hitung": tanggal}, muat(), dt.date(2025, 1, 1))
    kasus = Kasus(muat(), p)
    return Proyeksi(kasus, Fraction(0), [], [])


@pytest.mark.parametrize("sejak,harap", [
    ("2023-04-01", "2023-04-01"), ("2023-04-02", "2023-10-01"), ("2023-05-15", "2023-10-01"),
    ("2023-10-02", "2024-02-01"),  # April/October until 2023, then six periods from January 2024
    ("2024-02-01", "2024-02-01"), ("2024-03-01", "2024-04-01"), ("2024-12-02", "2025-02-01"),
    ("2025-09-02", "2025-10-01"), ("2025-10-02", "2025-11-01"), ("2026-01-01", "2026-01-01"),
])
def test_kp_periods_by_date(sejak, harap):
    # The KP period search (Proyeksi._tanggal_kp): the periods in force at each date (rules reference section 5).
    tanggal, _ = _proyeksi("2025-01-15")._tanggal_kp(dt.date.fromisoformat(sejak))
    assert tanggal.isoformat() == harap


def test_kj_projection_does_not_wait_for_the_top_golongan():
    # "Menduduki golongan tertinggi jenjang" has no source and the Peraturan BKN 3/2023 Lampiran
    # example (Ahli Pertama at IV/a moving up) contradicts it: it must not block a KJ (issue 8).
    # Ahli Pertama III/a, 0 AK, Baik 2023-2024 (12,5 a year) -> 25 at the end of 2024; Baik from
    # January 2025 -> 100 is reached after 8 x 12 - 24 = 72 more months: December 2030.
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0, "tmt_jenjang": "2020-01-01",
                "penilaian": BAIK_2023_2024, "proyeksi": {"predikat": "Baik"}})
    kj = r["kenaikan_jenjang"]
    assert all(s["kode"] != "golongan_puncak" for s in kj["syarat"])
    assert kj["proyeksi_bulan"] == "2030-12"
    assert kj["proyeksi_tanggal"] == "2031-01-01"
    assert kj["golongan_tujuan"] is None  # the KJ does not name a golongan below the top


def test_projection_is_direct_for_far_targets():
    # Sangat Kurang Pemula from 0 to 15: 15 / (25% x 3,75 / 12) = 192 months; no endless loop.
    r = sukses({"jenjang": "pemula", "golongan": "II/a", "ak_awal": 0, "proyeksi": {"predikat": "Sangat Kurang"}})
    assert r["kenaikan_jenjang"]["proyeksi_bulan"] == bulan(2025 * 12 + 0 + 191)


def test_projection_never_counts_a_rated_month_twice():
    # BUG (see maintainers/engine-bugs.md): proyeksi.mulai inside the rated periods. A month is counted once
    # (rules reference section 3). The engine's answer is a galat on proyeksi.mulai, which names
    # the first month it accepts (the month after the last rated period).
    req = {"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0, "tanggal_hitung": "2025-01-15",
           "penilaian": [{"mulai": "2024-01", "selesai": "2024-12", "predikat": "Baik"}],
           "proyeksi": {"predikat": "Baik", "mulai": "2024-06"}}
    g = galat(req)
    assert kolom(g) == ["proyeksi.mulai"], g
    assert "2025-01" in g[0]["pesan"], g


def test_ak_met_by_pak_without_date_still_projects_the_date():
    # GAP (see maintainers/engine-bugs.md): ak_awal already meets the KP AKK; the AK condition holds on the day
    # of the calculation, so the earliest date follows from masa, predikat and the KP periods.
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 55, "tmt_golongan": "2020-01-01",
                "penilaian": BAIK_2023_2024, "proyeksi": {"predikat": "Baik"}}, tanggal="2025-01-15")
    kp = r["kenaikan_pangkat"]
    assert kp["ak_terpenuhi"] is True
    assert kp["proyeksi_tanggal"] == "2025-02-01"


def test_predikat_before_2023_cannot_be_entered_so_projection_must_not_claim_2025():
    # GAP (see maintainers/engine-bugs.md): a KP in October 2024 needs Baik in 2022 and 2023; ratings before
    # 2023 cannot be entered (they are rejected), so the engine cannot know 2022. It must not state
    # 1 February 2025 as the earliest date. Masa (2 years from 1 April 2022) and AK (55 of 50) are met
    # by September 2024 and the next KP period is 1 October 2024 (even months in 2024): that is the
    # earliest date, with the predikat condition stated as unknown.
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 55, "tanggal_pak": "2024-03-01",
                "tmt_golongan": "2022-04-01",
                "penilaian": [{"tahun": 2023, "predikat": "Baik"}, {"mulai": "2024-01", "selesai": "2024-08", "predikat": "Baik"}],
                "proyeksi": {"predikat": "Baik"}}, tanggal="2024-09-15")
    kp = r["kenaikan_pangkat"]
    assert kp["proyeksi_tanggal"] == "2024-10-01", kp["proyeksi_tanggal"]
    assert syarat(kp, "predikat")["status"] == "tidak_diketahui"


# -- peningkatan pendidikan --------------------------------------------------------------------

@pytest.mark.parametrize("jenjang", sorted(JENJANG))
def test_pendidikan_bonus_is_25_percent_of_akk_step(jenjang):
    r = sukses({"jenjang": jenjang, "golongan": JENJANG[jenjang][0], "ak_awal": 0,
                "penilaian": [{"tahun": 2024, "predikat": "Baik"}], "pendidikan": {"tanggal": "2024-07-01"}})
    bonus = Fraction(RESMI["pendidikan_persen"], 100) * RESMI["jenjang"][jenjang]["akk_pangkat"]
    assert bonus == KOEFISIEN[jenjang]
    assert Fraction(str(r["ak_pendidikan"]["ak"])) == bonus
    assert r["ak_pendidikan"]["dihitung"] is True
    assert Fraction(str(r["ak_kumulatif"])) == bonus + KOEFISIEN[jenjang]  # bonus + one Baik year
    assert Fraction(str(r["ak_konversi"])) == KOEFISIEN[jenjang]  # the bonus is not konversi


@pytest.mark.parametrize("predikat,diberikan", [("Sangat Baik", True), ("Baik", True), ("Cukup", False),
                                                 ("Butuh Perbaikan", False), ("Kurang", False), ("Sangat Kurang", False)])
def test_pendidikan_only_with_predikat_at_least_baik_in_that_month(predikat, diberikan):
    r = sukses({**AP, "ak_awal": 0, "pendidikan": {"tanggal": "2024-07-20"},
                "penilaian": [{"mulai": "2024-01", "selesai": "2024-06", "predikat": "Kurang"},
                              {"mulai": "2024-07", "selesai": "2024-12", "predikat": predikat}]})
    assert r["ak_pendidikan"]["dihitung"] is diberikan
    tambah = Fraction(str(r["ak_kumulatif"])) - Fraction(str(r["ak_konversi"]))
    assert tambah == (Fraction(25, 2) if diberikan else 0)
    if not diberikan:
        assert any("pendidikan" in p.lower() for p in r["peringatan"])


def test_pendidikan_without_rating_of_that_month_is_not_given():
    r = sukses({**AP, "ak_awal": 0, "pendidikan": {"tanggal": "2024-07-01"},
                "penilaian": [{"tahun": 2023, "predikat": "Baik"}]})
    assert r["ak_pendidikan"]["dihitung"] is False
    assert r["ak_kumulatif"] == 12.5
    assert any("pendidikan" in p.lower() for p in r["peringatan"])


def test_pendidikan_bonus_mid_period_projection_month():
    # BUG (see maintainers/engine-bugs.md): the bonus counted in March 2024, but the AK of the rated
    # period is spread over its months. 30 + 12,5 (bonus, March) + 12,5/12 a month reaches 50 in
    # August 2024 (30 + 8 x 1,0417 + 12,5 = 50,83), not in March.
    r = sukses({**AP, "ak_awal": 30, "penilaian": [{"mulai": "2024-01", "selesai": "2024-12", "predikat": "Baik"}],
                "pendidikan": {"tanggal": "2024-03-01"}, "proyeksi": {"predikat": "Baik"}})
    assert r["ak_kumulatif"] == 55
    assert r["kenaikan_pangkat"]["proyeksi_bulan"] == "2024-08"


# -- integrasi ---------------------------------------------------------------------------------

KEAHLIAN_GOL = {"III/a": "ahli_pertama", "III/b": "ahli_pertama", "III/c": "ahli_muda", "III/d": "ahli_muda",
                "IV/a": "ahli_madya", "IV/b": "ahli_madya", "IV/c": "ahli_madya", "IV/d": "ahli_utama",
                "IV/e": "ahli_utama"}


def _integrasi(gol, hasil):
    jenjang = KEAHLIAN_GOL[gol]
    return sukses({"jenjang": jenjang, "golongan": gol, "ak_konvensional": RESMI["nilai_dasar"][jenjang] + hasil})


def _warns_range(r):
    return any("di luar rentang" in p for p in r["peringatan"])


@pytest.mark.parametrize("gol", sorted(RESMI["rentang_integrasi"]))
def test_integrasi_inside_expected_range_no_warning(gol):
    bawah, atas = RESMI["rentang_integrasi"][gol]
    for hasil in (bawah, (bawah + atas) / 2, atas):
        r = _integrasi(gol, hasil)
        assert r["ak_integrasi"] == hasil
        assert not _warns_range(r), (gol, hasil)


@pytest.mark.parametrize("gol", sorted(RESMI["rentang_integrasi"]))
def test_integrasi_outside_expected_range_warns(gol):
    bawah, atas = RESMI["rentang_integrasi"][gol]
    r = _integrasi(gol, atas + 0.01)
    assert _warns_range(r) and gol in " ".join(r["peringatan"])
    if bawah > 0:
        assert _warns_range(_integrasi(gol, bawah - 0.01))


def test_integrasi_below_nilai_dasar_gives_zero_and_warns():
    r = sukses({"jenjang": "ahli_madya", "golongan": "IV/a", "ak_konvensional": 350})
    assert r["ak_integrasi"] == 0
    assert r["ak_kumulatif"] == 0
    assert any("lebih kecil dari nilai dasar" in p for p in r["peringatan"])


def test_integrasi_plus_konversi():
    r = sukses({"jenjang": "ahli_madya", "golongan": "IV/b", "ak_konvensional": 550.63,
                "penilaian": [{"tahun": 2023, "predikat": "Baik"}]})
    assert r["ak_kumulatif"] == 188.13  # 150,63 + 37,5
    assert r["kenaikan_pangkat"]["kekurangan"] == 111.87  # 300 - 188,13


def test_projection_start_after_a_gap_keeps_the_rated_history():
    # BUG (see maintainers/engine-bugs.md, found by the simulation test): with proyeksi.mulai after a gap,
    # the projection's predikat check ignores the rated months before the gap. Here every KJ
    # condition the engine checks is already "terpenuhi" on 15 January 2025, yet the date was 2026-03-01.
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/b", "ak_awal": 90, "tmt_jenjang": "2020-01-01",
                "penilaian": [{"tahun": 2024, "predikat": "Baik"}], "proyeksi": {"predikat": "Baik", "mulai": "2025-03"}},
               tanggal="2025-01-15")
    kj = r["kenaikan_jenjang"]
    assert [s["status"] for s in kj["syarat"] if s["kode"] in ("angka_kredit", "masa_jenjang", "predikat")] == ["terpenuhi"] * 3
    assert kj["proyeksi_tanggal"] == "2025-01-15"


def test_predikat_status_is_judged_at_tanggal_hitung_not_on_future_periods():
    # BUG B6 (see maintainers/engine-bugs.md): on 15 June 2025 the last two years (June 2023 - May 2025)
    # hold Kurang (June 2023 - June 2024), so the KP predikat condition is "belum". The engine judged
    # it on the last 24 *entered* months (January 2025 - December 2026, mostly after the day of the
    # calculation) and said "terpenuhi".
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 60, "tmt_golongan": "2020-01-01",
                "penilaian": [{"mulai": "2023-01", "selesai": "2024-06", "predikat": "Kurang"},
                              {"mulai": "2024-07", "selesai": "2026-12", "predikat": "Baik"}]},
               tanggal="2025-06-15")
    assert syarat(r["kenaikan_pangkat"], "predikat")["status"] == "belum"


@st.composite
def permintaan_baik(draw, masa_depan: bool = False):
    """Good, unbroken ratings from after January 2023 to shortly before the day of the calculation
    (with `masa_depan`, sometimes one more period, of any predikat, after that day)."""
    jenjang = draw(st.sampled_from(sorted(JENJANG)))
    hari = draw(st.dates(dt.date(2025, 3, 2), dt.date(2029, 12, 31)).filter(lambda d: d.day != 1))
    akhir = hari.year * 12 + hari.month - 1 - 1 - draw(st.integers(0, 10))
    awal = draw(st.integers(AWAL + 1, max(AWAL + 1, akhir - 24)))
    periode, m = [], awal
    while m <= akhir:
        n = min(draw(st.integers(1, 18)), akhir - m + 1)
        periode.append({"mulai": bulan(m), "selesai": bulan(m + n - 1), "predikat": draw(st.sampled_from(["Baik", "Sangat Baik"]))})
        m += n
    if masa_depan and draw(st.booleans()):
        m = hari.year * 12 + hari.month + draw(st.integers(0, 6))
        periode.append({"mulai": bulan(m), "selesai": bulan(m + draw(st.integers(0, 13))),
                        "predikat": draw(st.sampled_from(PREDIKAT))})
    return {"jenjang": jenjang, "golongan": draw(st.sampled_from(JENJANG[jenjang])), "tanggal_hitung": hari.isoformat(),
            "ak_awal": draw(st.integers(0, 50_000)) / 100, "penilaian": periode, "proyeksi": {"predikat": "Baik"},
            "tmt_golongan": (hari - dt.timedelta(days=draw(st.integers(0, 1500)))).isoformat(),
            "tmt_jenjang": (hari - dt.timedelta(days=draw(st.integers(0, 1500)))).isoformat()}


@given(permintaan_baik())
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_all_conditions_met_today_means_the_next_period(req):
    # Cross-check of the two halves of the result: when the engine says AK, masa and predikat are
    # all "terpenuhi" today, the earliest date is today (KJ) or the next KP period (KP).
    hari = dt.date.fromisoformat(req["tanggal_hitung"])
    bulan_ini = hari.year * 12 + hari.month - 1
    r = hitung(req)
    assert "galat" not in r
    for kunci, masa in (("kenaikan_pangkat", "masa_pangkat"), ("kenaikan_jenjang", "masa_jenjang")):
        blok = r[kunci]
        if blok is None:
            continue
        status = {s["kode"]: s["status"] for s in blok["syarat"]}
        if not all(status.get(k) == "terpenuhi" for k in ("angka_kredit", masa, "predikat")
                   if k in status):
            continue
        if kunci == "kenaikan_jenjang":
            assert blok["proyeksi_tanggal"] == hari.isoformat(), (req, blok)
        else:
            t = bulan_ini + 1
            while dt.date(t // 12, t % 12 + 1, 1).month not in _periode_kp(dt.date(t // 12, t % 12 + 1, 1)):
                t += 1
            assert blok["proyeksi_tanggal"] == dt.date(t // 12, t % 12 + 1, 1).isoformat(), (req, blok)


def test_kj_date_is_today_when_pak_already_meets_the_ak():
    # BUG B7 (see maintainers/engine-bugs.md): every KJ condition the engine checks is "terpenuhi" on
    # 2 March 2025 (AK 60 of 60 from the PAK, 1 year in the jenjang, 12 months Baik), so the earliest
    # date is 2 March 2025, not 1 April 2025.
    r = sukses({"jenjang": "terampil", "golongan": "II/d", "ak_awal": 60, "tmt_jenjang": "2024-03-02",
                "penilaian": [{"mulai": "2023-02", "selesai": "2024-07", "predikat": "Baik"},
                              {"mulai": "2024-08", "selesai": "2025-02", "predikat": "Baik"}],
                "proyeksi": {"predikat": "Baik"}}, tanggal="2025-03-02")
    kj = r["kenaikan_jenjang"]
    assert all(syarat(kj, k)["status"] == "terpenuhi" for k in ("angka_kredit", "masa_jenjang", "predikat"))
    assert kj["proyeksi_tanggal"] == "2025-03-02"


def test_projection_date_never_before_the_ak_month():
    # Regression R1 (see maintainers/engine-bugs.md): the cumulative AK (60,04 of 60) includes periods up to
    # March 2027, entered ahead of the day of the calculation; the AK is first met in March 2027, so
    # no date may come before April 2027.
    r = sukses({"jenjang": "terampil", "golongan": "II/d", "ak_awal": 40.25, "tmt_jenjang": "2022-12-07",
                "penilaian": [{"mulai": "2023-07", "selesai": "2024-08", "predikat": "Kurang"},
                              {"mulai": "2024-12", "selesai": "2026-01", "predikat": "Sangat Baik"},
                              {"mulai": "2026-03", "selesai": "2027-03", "predikat": "Sangat Baik"}],
                "proyeksi": {"predikat": "Baik"}}, tanggal="2023-03-01")
    kj = r["kenaikan_jenjang"]
    assert kj["proyeksi_bulan"] == "2027-03"
    assert kj["proyeksi_tanggal"] is not None and kj["proyeksi_tanggal"] >= "2027-04-01", kj["proyeksi_tanggal"]


@pytest.mark.parametrize("masa_depan", [
    [{"mulai": "2025-08", "selesai": "2025-12", "predikat": "Baik"}],
    [{"mulai": "2025-07", "selesai": "2025-07", "predikat": "Sangat Kurang"}],
    [{"tahun": 2026, "predikat": "Kurang"}],
])
def test_periods_after_tanggal_hitung_do_not_change_todays_predikat_status(masa_depan):
    # BUG B8 (see maintainers/engine-bugs.md): on 15 June 2025 with 2023 and 2024 rated Baik the KP predikat
    # condition is "terpenuhi" (annual ratings for 2025 are not set yet: normal). Adding an estimate
    # for a period that starts after the day of the calculation must not change that; it turned
    # the status into "tidak_diketahui" ("belum mencakup seluruh 24 bulan sampai Mei 2025").
    dasar = {"jenjang": "ahli_pertama", "golongan": "III/b", "ak_awal": 0, "penilaian": BAIK_2023_2024}
    for kunci in ("kenaikan_jenjang",):
        tanpa = syarat(sukses(dasar, tanggal="2025-06-15")[kunci], "predikat")["status"]
        dengan = syarat(sukses({**dasar, "penilaian": BAIK_2023_2024 + masa_depan}, tanggal="2025-06-15")[kunci],
                        "predikat")["status"]
        assert tanpa == "terpenuhi"
        assert dengan == tanpa
    dasar = {**dasar, "golongan": "III/a"}
    tanpa = syarat(sukses(dasar, tanggal="2025-06-15")["kenaikan_pangkat"], "predikat")["status"]
    dengan = syarat(sukses({**dasar, "penilaian": BAIK_2023_2024 + masa_depan}, tanggal="2025-06-15")["kenaikan_pangkat"],
                    "predikat")["status"]
    assert tanpa == "terpenuhi"
    assert dengan == tanpa


@given(st.one_of(permintaan_baik(masa_depan=True), permintaan_proyeksi()), st.integers(0, 6), st.integers(1, 14),
       st.sampled_from(PREDIKAT))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_future_period_never_changes_todays_predikat_status(req, jeda, panjang, predikat):
    # Property form of B8: the predikat conditions are judged on the day of the calculation.
    req = {k: v for k, v in req.items() if k not in ("proyeksi", "pendidikan")}
    hari = dt.date.fromisoformat(req["tanggal_hitung"])
    mulai = max([hari.year * 12 + hari.month - 1] + [_idx(p["selesai"]) for p in req["penilaian"]]) + 1 + jeda
    tambah = {**req, "penilaian": req["penilaian"] + [{"mulai": bulan(mulai), "selesai": bulan(mulai + panjang - 1),
                                                        "predikat": predikat}]}
    a, b = hitung(req), hitung(tambah)
    for kunci in ("kenaikan_pangkat", "kenaikan_jenjang"):
        if a[kunci] is not None:
            assert syarat(a[kunci], "predikat")["status"] == syarat(b[kunci], "predikat")["status"], (kunci, tambah)


def status_predikat(req: dict, tahun: int) -> str:
    """Today's predikat condition by brute force: the N x 12 months up to the last rated month before
    the day of the calculation (an annual rating may lag up to 14 months); none below Baik."""
    hari = dt.date.fromisoformat(req["tanggal_hitung"])
    kini = hari.year * 12 + hari.month - 1
    rated = {m: p for m, p in _bulan_dinilai(req).items() if m < kini}
    if not rated:
        return "tidak_diketahui"
    akhir = max(rated)
    if akhir < kini - 14:
        return "tidak_diketahui"
    jendela = range(akhir - tahun * 12 + 1, akhir + 1)
    if any(m in rated and PERSEN[rated[m]] < 100 for m in jendela):
        return "belum"
    if any(m not in rated for m in jendela):
        return "tidak_diketahui"
    return "terpenuhi"


@given(st.one_of(permintaan_baik(masa_depan=True), permintaan_proyeksi()))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_todays_predikat_status_matches_brute_force(req):
    r = hitung(req)
    assert "galat" not in r
    for kunci, tahun in (("kenaikan_pangkat", 2), ("kenaikan_jenjang", 1)):
        if r[kunci] is not None:
            assert syarat(r[kunci], "predikat")["status"] == status_predikat(req, tahun), (kunci, req)

"""Properties of the engine (hypothesis)."""
from __future__ import annotations

import json
import os
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator import hitung

from strategi import (AKHIR, AWAL, JENJANG, KOEFISIEN, PERSEN, PREDIKAT, TANGGAL_HITUNG, bulan, jenjang_golongan,
                      json_value, permintaan_mirip, permintaan_sah)

FIELDS_HASIL = {"rincian", "ak_awal", "ak_konversi", "ak_kumulatif", "kenaikan_pangkat", "kenaikan_jenjang",
                "peringatan", "aturan_versi", "dihitung_teks", "catatan"}
settings.register_profile("mesin", max_examples=int(os.environ.get("SIFAT_CONTOH", "150")), deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("mesin")


def half_up(x: Fraction, desimal: int) -> Decimal:
    return (Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal(1).scaleb(-desimal), ROUND_HALF_UP)


def satu_periode(jenjang, golongan, mulai, panjang, predikat, desimal=4):
    r = hitung({"jenjang": jenjang, "golongan": golongan, "ak_awal": 0, "desimal": desimal,
                "tanggal_hitung": TANGGAL_HITUNG,
                "penilaian": [{"mulai": bulan(mulai), "selesai": bulan(mulai + panjang - 1), "predikat": predikat}]})
    assert "galat" not in r, r
    return r


bulan_mulai = st.integers(AWAL, AKHIR - 24)


@given(jenjang_golongan, bulan_mulai, st.integers(1, 24), st.integers(0, len(PREDIKAT) - 2))
def test_better_predikat_gives_more_ak(jg, mulai, panjang, i):
    jenjang, golongan = jg
    lebih = satu_periode(jenjang, golongan, mulai, panjang, PREDIKAT[i])["ak_konversi"]
    kurang = satu_periode(jenjang, golongan, mulai, panjang, PREDIKAT[i + 1])["ak_konversi"]
    assert lebih > kurang


@given(jenjang_golongan, bulan_mulai, st.integers(1, 24), st.sampled_from(list(PERSEN)), st.integers(0, 4))
def test_ak_is_exact_formula_rounded_half_up_once(jg, mulai, panjang, predikat, desimal):
    # AK = bulan/12 x persentase x koefisien (Pasal 37 ayat (1), (4)): linear in months, exactly.
    jenjang, golongan = jg
    r = satu_periode(jenjang, golongan, mulai, panjang, predikat, desimal)
    exact = Fraction(panjang, 12) * Fraction(PERSEN[predikat], 100) * KOEFISIEN[jenjang]
    assert Decimal(str(r["rincian"][0]["ak"])) == half_up(exact, desimal)
    assert Decimal(str(r["ak_konversi"])) == half_up(exact, desimal)
    assert r["rincian"][0]["bulan"] == panjang


@given(jenjang_golongan, bulan_mulai, st.integers(1, 24), st.sampled_from(list(PERSEN)))
def test_n_months_is_n_times_one_month(jg, mulai, panjang, predikat):
    jenjang, golongan = jg
    n = Decimal(str(satu_periode(jenjang, golongan, mulai, panjang, predikat)["ak_konversi"]))
    satu = Fraction(str(satu_periode(jenjang, golongan, mulai, 1, predikat)["ak_konversi"]))
    # One month is shown to 4 decimals (rounded); n of them stay within n x 0,00005 of the n-month AK.
    assert abs(Fraction(n) - panjang * satu) <= Fraction(panjang, 2 * 10 ** 4) + Fraction(1, 2 * 10 ** 4)


@given(jenjang_golongan, bulan_mulai, st.integers(2, 24), st.data(), st.sampled_from(list(PERSEN)))
def test_additive_over_adjacent_periods(jg, mulai, panjang, data, predikat):
    jenjang, golongan = jg
    potong = data.draw(st.integers(1, panjang - 1))
    satu = satu_periode(jenjang, golongan, mulai, panjang, predikat)
    dua = hitung({"jenjang": jenjang, "golongan": golongan, "ak_awal": 0, "desimal": 4,
                  "tanggal_hitung": TANGGAL_HITUNG,
                  "penilaian": [
                      {"mulai": bulan(mulai), "selesai": bulan(mulai + potong - 1), "predikat": predikat},
                      {"mulai": bulan(mulai + potong), "selesai": bulan(mulai + panjang - 1), "predikat": predikat}]})
    # Totals are rounded sums of exact values: the split gives the very same total.
    assert dua["ak_konversi"] == satu["ak_konversi"]
    assert dua["ak_kumulatif"] == satu["ak_kumulatif"]
    assert len(dua["rincian"]) == 2


@given(permintaan_sah())
def test_valid_requests_give_consistent_results(req):
    r = hitung(req)
    assert "galat" not in r, (req, r)
    assert FIELDS_HASIL <= set(r)
    d = req.get("desimal", 2)
    assert Decimal(str(r["ak_kumulatif"])) == Decimal(str(r["ak_kumulatif"])).quantize(Decimal(1).scaleb(-d))
    for blok in (r["kenaikan_pangkat"], r["kenaikan_jenjang"]):
        if blok is None:
            continue
        assert blok["kekurangan"] >= 0 and blok["kelebihan"] >= 0
        assert not (blok["kekurangan"] > 0 and blok["kelebihan"] > 0)
        if blok["kelebihan"] > 0:
            assert blok["ak_terpenuhi"] is True
        if blok["kekurangan"] > 0:
            assert blok["ak_terpenuhi"] is False
        # kumulatif = minimal - kekurangan + kelebihan (within display rounding)
        selisih = Fraction(str(r["ak_kumulatif"])) - (Fraction(str(blok["ak_minimal"])) - Fraction(str(blok["kekurangan"]))
                                                       + Fraction(str(blok["kelebihan"])))
        assert abs(selisih) <= Fraction(1, 10 ** d)
        for s in blok["syarat"]:
            assert s["status"] in ("terpenuhi", "belum", "tidak_diketahui")
            assert s["kode"] and s["nama"] and isinstance(s["alasan"], str)
    # rincian rows sorted, one per period
    assert len(r["rincian"]) == len(req["penilaian"])
    assert [b["mulai"] for b in r["rincian"]] == sorted(b["mulai"] for b in r["rincian"])
    json.dumps(r)  # JSON-able


@given(permintaan_sah())
def test_ak_kumulatif_is_awal_plus_konversi(req):
    req = {**req, "desimal": 4}
    r = hitung(req)
    exact = Fraction(0)
    for p in req["penilaian"]:
        y1, m1 = map(int, p["mulai"].split("-"))
        y2, m2 = map(int, p["selesai"].split("-"))
        n = (y2 * 12 + m2) - (y1 * 12 + m1) + 1
        exact += Fraction(n, 12) * Fraction(PERSEN[p["predikat"]], 100) * KOEFISIEN[req["jenjang"]]
    assert Decimal(str(r["ak_konversi"])) == half_up(exact, 4)
    if "ak_awal" in req:
        awal = Fraction(str(req["ak_awal"]))
        assert Decimal(str(r["ak_kumulatif"])) == half_up(awal + exact, 4)


def _bentuk_sah(r, permintaan):
    assert isinstance(r, dict)
    if "galat" in r:
        assert set(r) == {"galat"}, sorted(r)  # galat and nothing else
        assert isinstance(r["galat"], list) and r["galat"]
        for g in r["galat"]:
            assert set(g) == {"kolom", "label", "pesan"} and g["pesan"].startswith(g["label"] + ": ")
            assert isinstance(g["kolom"], str) and g["kolom"]
            assert isinstance(g["pesan"], str) and g["pesan"]
            # hitung() turns an internal error into a galat: that must never happen.
            assert "kesalahan internal" not in g["pesan"], (permintaan, g)
    else:
        assert "ak_kumulatif" in r and FIELDS_HASIL <= set(r), sorted(r)
        json.dumps(r)


@given(json_value)
def test_arbitrary_json_never_raises(v):
    _bentuk_sah(hitung(v), v)


@given(permintaan_mirip)
def test_real_keys_with_random_values_never_raise(req):
    _bentuk_sah(hitung(req), req)


@given(permintaan_mirip, st.sampled_from(sorted(JENJANG)))
def test_almost_valid_requests_never_raise(req, jenjang):
    req = {"jenjang": jenjang, "golongan": JENJANG[jenjang][-1], "tanggal_hitung": TANGGAL_HITUNG, **req}
    _bentuk_sah(hitung(req), req)


@given(permintaan_sah(), permintaan_mirip)
def test_valid_request_with_random_overrides_never_raises(req, ganti):
    campur = {**req, **ganti}
    _bentuk_sah(hitung(campur), campur)


def test_deeply_nested_json_does_not_raise():
    v = []
    for _ in range(5000):
        v = [v]
    for req in (v, {"jenjang": "ahli_pertama", "golongan": "III/a", "penilaian": v},
                {"jenjang": "ahli_pertama", "golongan": "III/a", "proyeksi": {"predikat": v}}):
        r = hitung(req)
        assert "galat" in r and set(r) == {"galat"}


@given(jenjang_golongan, bulan_mulai, st.integers(1, 24), st.sampled_from(list(PERSEN)), st.integers(0, 4))
def test_rumus_text_is_true_arithmetic(jg, mulai, panjang, predikat, desimal):
    # The formula shown ("b/12 x p% x k = hasil") must hold for the figures it shows.
    jenjang, golongan = jg
    baris = satu_periode(jenjang, golongan, mulai, panjang, predikat, desimal)["rincian"][0]
    kiri, hasil = baris["rumus"].split(" = ")
    bagian, persen, koef = kiri.split(" x ")
    b, dua_belas = bagian.split("/")
    angka = lambda t: Fraction(t.replace(".", "").replace(",", "."))  # noqa: E731 (Indonesian format)
    assert int(b) == panjang and int(dua_belas) == 12
    assert angka(persen.rstrip("%")) == PERSEN[predikat]
    assert angka(koef) == KOEFISIEN[jenjang]
    assert angka(hasil) == Fraction(half_up(Fraction(panjang, 12) * Fraction(PERSEN[predikat], 100) * angka(koef), desimal))


def _angka_hasil(obj, jalur=""):
    """Every computed JSON number of a result with its path. Excepted: ak_per_bulan (shown to >= 4
    places), counts, and the figures the reader typed or the rules fix (shown as they are)."""
    if isinstance(obj, bool) or obj is None:
        return
    if isinstance(obj, (int, float)):
        yield jalur, obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            if k not in ("ak_per_bulan", "desimal", "bulan", "ak_awal", "ak_konvensional", "koefisien",
                         "persentase", "nilai_dasar", "ak_minimal"):
                yield from _angka_hasil(v, f"{jalur}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _angka_hasil(v, f"{jalur}[{i}]")


@given(permintaan_sah())
def test_numbers_in_results_have_at_most_desimal_places(req):
    # JSON numbers are rounded once to `desimal` places: no 20.830000000000002 and no extra digits.
    r = hitung(req)
    d = req.get("desimal", 2)
    for jalur, x in _angka_hasil({k: v for k, v in r.items() if k != "profil"}):
        teks = repr(x)
        assert "e" not in teks.lower(), (jalur, x)
        pecahan_desimal = teks.partition(".")[2]
        assert len(pecahan_desimal.rstrip("0")) <= d, (jalur, x, d)


@given(permintaan_sah(), permintaan_sah())
def test_memoised_rules_give_the_same_result_as_fresh_rules(req, lain):
    # The rules object memoises per-period rows across requests (speed); a result must not depend
    # on what was asked before it. `lain` warms the memo, then `req` is compared with fresh rules,
    # and mutating a returned row must not leak into the next result.
    import datetime as dt

    from calculator.engine import susun
    from calculator.rules import muat
    from calculator.validation import validasi

    def dengan(aturan, r):
        p = validasi(r, aturan, dt.date.today())
        return {"galat": p} if isinstance(p, list) else susun(aturan, p)

    bersama = muat()
    dengan(bersama, lain)
    hangat = dengan(bersama, req)
    for baris in hangat.get("rincian", []):
        baris["ak"] = "diubah"
    assert dengan(bersama, req) == dengan(muat.__wrapped__(), req)

"""The rules data against the official tables (PolicyEngine pattern).

`fixtures/tabel_resmi.json` is typed by hand from the rules reference
(maintainers/aturan-angka-kredit.md), independently of calculator/data/*.toml.
"""
from __future__ import annotations

import ast
import datetime as dt
import json
from fractions import Fraction
from pathlib import Path

import pytest

import calculator
from calculator.rules import UNCONFIRMED, muat

from bantu import belum_dikonfirmasi_disebut, sukses

RESMI = json.loads((Path(__file__).parent / "fixtures" / "tabel_resmi.json").read_text("utf-8"))
PAKET = Path(calculator.__file__).parent
HARI = dt.date(2025, 1, 15)


def nilai(nama: str, tanggal: dt.date = HARI):
    return muat().nilai_pada(nama, tanggal).nilai  # the engine's one strict lookup


@pytest.fixture(scope="module")
def snapshot():
    return calculator.aturan()


# -- calculator.aturan() against the fixture ---------------------------------------------------

def test_aturan_is_json_serialisable(snapshot):
    assert json.loads(json.dumps(snapshot)) == snapshot


def test_jenjang_list_and_order(snapshot):
    assert [j["kode"] for j in snapshot["jenjang"]] == list(RESMI["jenjang"])


@pytest.mark.parametrize("kode", list(RESMI["jenjang"]))
def test_jenjang_against_fixture(snapshot, kode):
    resmi = RESMI["jenjang"][kode]
    j = next(j for j in snapshot["jenjang"] if j["kode"] == kode)
    for kunci in ("nama", "kategori", "golongan", "koefisien", "akk_pangkat", "akk_jenjang", "jenjang_tujuan"):
        assert j[kunci] == resmi[kunci], (kode, kunci)


@pytest.mark.parametrize("kode", list(RESMI["jenjang"]))
def test_rules_params_against_fixture(kode):
    resmi = RESMI["jenjang"][kode]
    assert nilai(f"koefisien.{kode}") == Fraction(str(resmi["koefisien"]))
    assert nilai(f"akk_pangkat.{kode}") == resmi["akk_pangkat"]
    a = muat()
    if resmi["akk_jenjang"] is None:
        assert f"akk_jenjang.{kode}" not in a.parameter
        assert a.jenjang[kode].tujuan is None
    else:
        assert nilai(f"akk_jenjang.{kode}") == resmi["akk_jenjang"]
        assert a.jenjang[kode].tujuan == resmi["jenjang_tujuan"]
    assert list(a.jenjang[kode].golongan) == resmi["golongan"]


def test_rule_numbers_are_exact_fractions():
    # parse_float=Fraction: 12.5 must never be a binary float.
    for kode in RESMI["jenjang"]:
        assert isinstance(nilai(f"koefisien.{kode}"), Fraction)
    for kode in RESMI["predikat"]:
        assert isinstance(nilai(f"persentase.{kode}"), Fraction)


def test_akk_jenjang_is_step_times_golongan_count():
    # Section 4: leaving the jenjang needs the step times the number of golongan in it.
    for kode, j in RESMI["jenjang"].items():
        if j["akk_jenjang"] is not None:
            assert nilai(f"akk_jenjang.{kode}") == j["akk_pangkat"] * len(j["golongan"]), kode


def test_kategori_against_fixture(snapshot):
    assert {k: v["jenjang"] for k, v in snapshot["kategori"].items()} == RESMI["kategori"]


def test_pangkat_names_and_order(snapshot):
    assert [(g["kode"], g["pangkat"]) for g in snapshot["golongan"]] == list(RESMI["pangkat"].items())


def test_predikat_persentase_and_labels(snapshot):
    assert [p["kode"] for p in snapshot["predikat"]] == RESMI["urutan_predikat"]
    for p in snapshot["predikat"]:
        resmi = RESMI["predikat"][p["kode"]]
        assert p["persentase"] == resmi["persentase"]
        # The data holds rates in satuan /1 (1,5); the official table prints percentages (150%).
        assert muat().param(f"persentase.{p['kode']}").satuan == "/1"
        assert nilai(f"persentase.{p['kode']}") * 100 == resmi["persentase"]
        for label in resmi["label"]:
            assert label in p["label"], (p["kode"], label)


@pytest.mark.parametrize("kode", list(RESMI["ak_dasar"]))
def test_ak_dasar_against_fixture(snapshot, kode):
    j = next(j for j in snapshot["jenjang"] if j["kode"] == kode)
    for gol, angka in RESMI["ak_dasar"][kode].items():
        assert j["ak_dasar"][gol]["nilai"] == angka, (kode, gol)
        assert nilai(f"ak_dasar.{kode}.{gol}") == angka


@pytest.mark.parametrize("kode", list(RESMI["kumulatif_kp"]))
def test_kumulatif_kp_per_golongan(kode):
    # The cumulative AK each next golongan needs inside the jenjang, seen through hitung().
    golongan = RESMI["jenjang"][kode]["golongan"]
    for asal, tujuan in zip(golongan, golongan[1:]):
        r = sukses({"jenjang": kode, "golongan": asal, "ak_awal": 0})
        assert r["kenaikan_pangkat"]["golongan_tujuan"] == tujuan
        assert r["kenaikan_pangkat"]["ak_minimal"] == RESMI["kumulatif_kp"][kode][tujuan], (kode, tujuan)
    r = sukses({"jenjang": kode, "golongan": golongan[-1], "ak_awal": 0})
    assert r["kenaikan_pangkat"] is None


def test_ak_dasar_equals_cumulative_of_the_golongan():
    # Section 4: entering at a golongan above the lowest starts with that golongan's cumulative figure.
    for kode, per_gol in RESMI["kumulatif_kp"].items():
        for gol, angka in per_gol.items():
            assert nilai(f"ak_dasar.{kode}.{gol}") == angka, (kode, gol)


def test_nilai_dasar_against_fixture(snapshot):
    semua = {**RESMI["nilai_dasar"], **RESMI["nilai_dasar_keterampilan_belum_dikonfirmasi"]}
    for j in snapshot["jenjang"]:
        assert j["nilai_dasar"]["nilai"] == semua[j["kode"]], j["kode"]
        assert nilai(f"nilai_dasar.{j['kode']}") == semua[j["kode"]]


def test_rentang_integrasi_against_fixture(snapshot):
    assert {g: v["nilai"] for g, v in snapshot["rentang_integrasi"].items()} == RESMI["rentang_integrasi"]


def test_pendidikan_persen_and_mulai_konversi(snapshot):
    assert snapshot["pendidikan_persen"]["satuan"] == "/1"
    assert Fraction(str(snapshot["pendidikan_persen"]["nilai"])) * 100 == RESMI["pendidikan_persen"]
    assert snapshot["mulai_konversi"]["nilai"] == RESMI["mulai_konversi"]


def test_pendidikan_bonus_equals_koefisien_for_every_jenjang():
    # Section 6: 25% of the AKK per KP step equals the koefisien tahunan of the jenjang.
    for kode, j in RESMI["jenjang"].items():
        bonus = nilai("pendidikan_persen") * nilai(f"akk_pangkat.{kode}")
        assert bonus == Fraction(str(j["koefisien"])), kode


def test_other_conditions_against_fixture(snapshot):
    for kunci, angka in RESMI["syarat"].items():
        nyata = snapshot[kunci] if kunci == "predikat_minimal" else snapshot[kunci]["nilai"]
        assert nyata == angka, kunci


@pytest.mark.parametrize("tanggal,bulan", [
    (dt.date(2023, 6, 1), [4, 10]),
    (dt.date(2023, 12, 31), [4, 10]),
    (dt.date(2024, 1, 1), [2, 4, 6, 8, 10, 12]),
    (dt.date(2025, 9, 30), [2, 4, 6, 8, 10, 12]),
    (dt.date(2025, 10, 1), list(range(1, 13))),
    (dt.date(2026, 6, 1), list(range(1, 13))),
])
def test_periode_kp_by_date(tanggal, bulan):
    assert list(muat().param("periode_kp").pada(tanggal).nilai) == bulan


# -- every value has a date and a reference ----------------------------------------------------

def test_every_value_has_date_dasar_and_pasal():
    a = muat()
    semua = list(a.semua_nilai())
    assert len(semua) > 60
    for n in semua:
        assert isinstance(n.berlaku, dt.date), n.nama
        assert n.dasar in a.instrumen, (n.nama, n.dasar)
        assert n.pasal.strip(), n.nama
        assert n.status in ("berlaku", UNCONFIRMED), (n.nama, n.status)
        if n.status == UNCONFIRMED:
            assert n.catatan.strip(), f"{n.nama}: an unconfirmed value must say why"


def test_every_instrument_is_described():
    for kunci, ins in muat().instrumen.items():
        for k in ("nama", "singkat", "tautan"):
            assert str(ins.get(k, "")).strip(), (kunci, k)
        assert ins["tautan"].startswith("https://"), kunci


def test_every_parameter_of_the_snapshot_cites_its_basis(snapshot):
    for j in snapshot["jenjang"]:
        for bagian in j["rincian"].values():
            if bagian is not None:
                assert bagian["dasar_hukum"] and bagian["berlaku"]
    for p in snapshot["predikat"]:
        assert "Pasal 37" in p["rincian"]["dasar_hukum"]


# -- UNCONFIRMED values ------------------------------------------------------------------------

BELUM = [
    "ak_dasar.terampil.II/c", "ak_dasar.terampil.II/d",
    "nilai_dasar.pemula", "nilai_dasar.terampil", "nilai_dasar.mahir", "nilai_dasar.penyelia",
    "pendidikan_persen", "kelebihan_jenjang_hangus",
    # Rules reference sections 5, 5a and 6 (corrected December 2026): no source settles these.
    "kp_tanpa_formasi", "uji_kompetensi_jenjang", "konversi_periodik_setahun", "ak_dasar_luar_rentang",
    "kp_di_bawah_rentang_kali",
]


@pytest.mark.parametrize("nama", BELUM)
def test_unconfirmed_values_are_marked(nama):
    assert not muat().param(nama).terbaru.dikonfirmasi, nama


def test_kp_periods_are_confirmed_and_cited():
    # Rules reference section 5 (corrected December 2026): PP 99/2000 Pasal 3 as amended by
    # PP 12/2002 (April, October); Peraturan BKN 4/2023 (six periods from 2024); Peraturan BKN
    # 4/2025 "Periodisasi Kenaikan Pangkat PNS" (every month from 1 October 2025), confirmed.
    a = muat()
    riwayat = a.param("periode_kp").riwayat
    assert [(n.berlaku.isoformat(), list(n.nilai)) for n in riwayat] == [
        ("2000-11-06", [4, 10]), ("2024-01-01", [2, 4, 6, 8, 10, 12]), ("2025-10-01", list(range(1, 13)))]
    assert all(n.dikonfirmasi for n in riwayat)
    assert [n.dasar for n in riwayat] == ["pp-99-2000", "perbkn-4-2023", "perbkn-4-2025"]
    assert "Pasal 3" in riwayat[0].pasal and "PP 12/2002" in riwayat[0].pasal
    assert "Periodisasi Kenaikan Pangkat" in a.instrumen["perbkn-4-2025"]["nama"]


def test_core_tables_are_confirmed():
    a = muat()
    for kode in RESMI["jenjang"]:
        for nama in (f"koefisien.{kode}", f"akk_pangkat.{kode}"):
            assert a.param(nama).terbaru.dikonfirmasi, nama
        for gol in RESMI["ak_dasar"][kode]:
            if [kode, gol] not in RESMI["ak_dasar_belum_dikonfirmasi"]:
                assert a.param(f"ak_dasar.{kode}.{gol}").terbaru.dikonfirmasi, (kode, gol)
    for kode in RESMI["nilai_dasar"]:
        assert a.param(f"nilai_dasar.{kode}").terbaru.dikonfirmasi, kode
    for kode in RESMI["predikat"]:
        assert a.param(f"persentase.{kode}").terbaru.dikonfirmasi, kode


@pytest.mark.parametrize("gol", ["II/c", "II/d"])
def test_using_unconfirmed_ak_dasar_warns(gol):
    r = sukses({"jenjang": "terampil", "golongan": gol})
    assert r["ak_awal"] == RESMI["ak_dasar"]["terampil"][gol]
    assert belum_dikonfirmasi_disebut(r, f"ak_dasar.terampil.{gol}")


def test_not_using_unconfirmed_ak_dasar_does_not_warn():
    # With ak_awal from a PAK the derived AK Dasar is not used.
    r = sukses({"jenjang": "terampil", "golongan": "II/c", "ak_awal": 25})
    assert not belum_dikonfirmasi_disebut(r, "ak_dasar")
    r = sukses({"jenjang": "ahli_muda", "golongan": "III/d"})  # confirmed AK Dasar
    assert not belum_dikonfirmasi_disebut(r, "ak_dasar")
    r = sukses({"jenjang": "terampil", "golongan": "II/c"})  # derived AK Dasar: flagged
    assert belum_dikonfirmasi_disebut(r, "ak_dasar.terampil.II/c")


@pytest.mark.parametrize("kode", list(RESMI["nilai_dasar_keterampilan_belum_dikonfirmasi"]))
def test_using_keterampilan_nilai_dasar_warns(kode):
    gol = RESMI["jenjang"][kode]["golongan"][0]
    nd = RESMI["nilai_dasar_keterampilan_belum_dikonfirmasi"][kode]
    r = sukses({"jenjang": kode, "golongan": gol, "ak_konvensional": nd + 10})
    assert r["ak_integrasi"] == 10
    assert belum_dikonfirmasi_disebut(r, f"nilai_dasar.{kode}")


def test_keahlian_nilai_dasar_does_not_warn():
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_konvensional": 120})
    assert r["ak_integrasi"] == 20
    assert not belum_dikonfirmasi_disebut(r, "nilai_dasar")


def test_using_pendidikan_warns():
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0,
                "penilaian": [{"tahun": 2024, "predikat": "Baik"}],
                "pendidikan": {"tanggal": "2024-07-01"}})
    assert belum_dikonfirmasi_disebut(r, "pendidikan_persen")


def test_kelebihan_kj_lost_warns_only_with_excess():
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/b", "ak_awal": 110})
    assert r["kenaikan_jenjang"]["kelebihan"] == 10
    assert belum_dikonfirmasi_disebut(r, "kelebihan_jenjang_hangus")
    assert any("tidak terbawa" in p for p in r["peringatan"])
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/b", "ak_awal": 90})
    assert not belum_dikonfirmasi_disebut(r, "kelebihan_jenjang_hangus")


def test_monthly_kp_periods_are_used_without_a_warning():
    # Ahli Pertama III/a, 0 AK, Baik 2023-2024 (12,5 a year) -> 25; KP to III/b needs 50, so 24 more
    # months of Baik from January 2025: met in December 2026, counted from January 2027. Monthly
    # periods (Peraturan BKN 4/2025, confirmed) give 1 January 2027; six periods would give 1 February.
    r = sukses({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0, "tmt_golongan": "2022-01-01",
                "penilaian": [{"tahun": 2023, "predikat": "Baik"}, {"tahun": 2024, "predikat": "Baik"}],
                "proyeksi": {"predikat": "Baik"}}, tanggal="2025-01-15")
    assert r["kenaikan_pangkat"]["proyeksi_bulan"] == "2026-12"
    assert r["kenaikan_pangkat"]["proyeksi_tanggal"] == "2027-01-01"
    assert not belum_dikonfirmasi_disebut(r, "periode_kp")


# -- no rule figure as a literal in the code ---------------------------------------------------

# Numbers the code may hold, each for a reason that is not a rule of the regulations.
ALLOWED = {
    0: "zero, first index",
    1: "one, next month/index, unit",
    2: "command-line argument count and exit status 2; default display decimals (a setting)",
    3: "thousands grouping of Indonesian number format",
    4: "largest `desimal` accepted / precision of the per-month projection figure",
    12: "months of the calendar year (YYYY-MM arithmetic)",
    13: "search horizon of the next KP period: 12 months + 1",
    18: "digits of a NIP (identity format, not an AK rule)",
    32: "input sanity limit: characters of a typed number",
    64: "input sanity limit: characters of a code, label or date",
    120: "input sanity limit: characters of a name",
    28: "29 February falls back to 28 February when adding years",
    100: "percent to fraction",
    240: "input sanity limit: number of rated periods",
    1960: "input sanity limit: earliest year",
    2100: "input sanity limit: latest year",
    4096: "cache size",
    100_000: "bound of a memo cache",
    10000: "input sanity limit: largest AK accepted",
}


# massal.py is the spreadsheet adapter: column widths, row limits, similarity cut-offs and example
# rows; it asks `hitung` for every figure and reads the first konversi year from the rules data
# (tests/massal check that), so its layout numbers are not scanned here.
ADAPTER = {"massal.py"}


def _numeric_literals():
    for berkas in sorted(p for p in PAKET.glob("*.py") if p.name not in ADAPTER):
        for node in ast.walk(ast.parse(berkas.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, complex)) \
                    and not isinstance(node.value, bool):
                yield berkas.name, node.lineno, node.value


def _rule_figures() -> set:
    angka = set()

    def walk(x):
        if isinstance(x, bool) or x is None:
            return
        if isinstance(x, (int, float)):
            angka.add(Fraction(str(x)))
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for kunci in ("jenjang", "ak_dasar", "predikat", "nilai_dasar", "nilai_dasar_keterampilan_belum_dikonfirmasi",
                  "rentang_integrasi", "pendidikan_persen"):
        walk(RESMI[kunci])
    return angka


def test_no_rule_figure_literal_in_code():
    # 0, 1 and 100 are also rule figures (AK Dasar 0, percent) but their uses are machinery.
    terlarang = _rule_figures() - {0, 1, 100}
    temuan = [(f, n, v) for f, n, v in _numeric_literals() if Fraction(str(v)) in terlarang]
    assert not temuan, f"rule figures written in code: {temuan}"


def test_numeric_literals_are_in_the_small_allow_list():
    temuan = [(f, n, v) for f, n, v in _numeric_literals() if v not in ALLOWED]
    assert not temuan, f"numbers in calculator/*.py outside the justified allow-list: {temuan}"


def test_scan_sees_the_code():
    # The scan must actually read the package (guards the two tests above from passing vacuously).
    assert {f for f, _, _ in _numeric_literals()} >= {"proyeksi.py", "validation.py"}


# -- rule tables for the guide and the trainers (calculator.tabel) ------------------------------

def test_tables_named_in_the_brief_exist_and_cite():
    from calculator.tabel import daftar_tabel

    t = daftar_tabel(tanggal=HARI)
    assert {"kategori", "pangkat", "koefisien", "persentase", "akk", "ak_dasar", "nilai_dasar", "periode_kp",
            "syarat"} <= set(t)
    for kode, tabel in t.items():
        assert tabel.baris and tabel.dasar, kode
        assert all(len(b) == len(tabel.kepala) for b in tabel.baris), kode
    # Tables holding an UNCONFIRMED value say so; the core ones are confirmed.
    assert t["ak_dasar"].belum_dikonfirmasi and t["nilai_dasar"].belum_dikonfirmasi
    assert not t["periode_kp"].belum_dikonfirmasi  # Peraturan BKN 4/2025 confirmed (rules reference s. 5)
    assert not (t["koefisien"].belum_dikonfirmasi or t["persentase"].belum_dikonfirmasi or t["akk"].belum_dikonfirmasi)


def test_akk_table_matches_fixture():
    from calculator.tabel import daftar_tabel

    baris = {b[0]: b for b in daftar_tabel(tanggal=HARI)["akk"].baris}
    for kode, j in RESMI["jenjang"].items():
        b = baris[j["nama"]]
        assert b[1] == str(j["akk_pangkat"])
        for gol, angka in RESMI["kumulatif_kp"].get(kode, {}).items():
            assert f"{gol}: {angka}" in b[2]
        if j["akk_jenjang"] is not None:
            assert b[3].startswith(str(j["akk_jenjang"]))


def test_periode_kp_table_dates_in_indonesian():
    from calculator.tabel import daftar_tabel

    kolom_tanggal = [b[0] for b in daftar_tabel(tanggal=HARI)["periode_kp"].baris]
    assert "1 Januari 2024" in kolom_tanggal and "1 Oktober 2025" in kolom_tanggal


def test_perpindahan_batas_tahun_against_fixture():
    # Section 6: with the top pangkat of jabatan administrasi held for more than 3 years, only the
    # last 3 years count.
    assert nilai("perpindahan_batas_tahun") == RESMI["perpindahan_batas_tahun"]


def test_every_parameter_explains_itself():
    # Issue 11: a description and a unit per parameter (OpenFisca's `description` and `unit`),
    # references stated once per group where they are shared.
    a = muat()
    for nama, p in a.parameter.items():
        assert p.deskripsi and p.satuan, nama
        if p.satuan == "/1":
            assert all(0 < n.nilai <= 2 for n in p.riwayat), (nama, "a rate, not a bare percentage")
    teks = (PAKET / "data" / "kenaikan.toml").read_text("utf-8")
    assert teks.count('pasal = "Lampiran (angka kredit kumulatif kenaikan pangkat)"') == 1

"""Rules data: loads the dated, cited parameters from data/*.toml.

Every rule figure the engine uses comes from here; the code holds none as a literal. A parameter
is a list of dated values, and the value in force at a date is the last one whose `berlaku` is
not after it (the OpenFisca pattern). Numbers are read as exact fractions, never binary floats.
"""
from __future__ import annotations

import datetime as _dt
import tomllib
from typing import NamedTuple
from fractions import Fraction
from functools import lru_cache
from importlib import resources

UNCONFIRMED = "belum_dikonfirmasi"
_BATAS_MEMO = 100_000  # entries kept by each Aturan memo (machinery, not a rule)
DATA_FILES = ("sumber", "jabatan", "konversi", "kenaikan", "integrasi")


# Plain NamedTuples, not dataclasses: in the browser every stdlib module is compiled from source on
# import, and `dataclasses` alone costs ~70 ms of the calculator's first answer (typing is loaded
# by Pyodide anyway).
class Nilai(NamedTuple):
    """One value of a parameter with its legal basis."""

    nama: str  # dotted parameter name, e.g. "koefisien.ahli_pertama"
    nilai: object
    berlaku: _dt.date
    dasar: str  # key of the instrument in sumber.toml
    pasal: str
    status: str = "berlaku"
    catatan: str = ""

    @property
    def dikonfirmasi(self) -> bool:
        return self.status != UNCONFIRMED


class Parameter(NamedTuple):
    nama: str
    riwayat: tuple[Nilai, ...]  # sorted by `berlaku`
    deskripsi: str = ""  # what the value means, in Bahasa Indonesia (tables use it as a title)
    satuan: str = ""  # "AK", "tahun", "bulan", "/1" (a rate: 1,5 is 150 %), "kode", "tanggal", ...

    def pada(self, tanggal: _dt.date) -> Nilai | None:
        """The value in force on `tanggal`, or None before the first one took effect."""
        terpilih = None
        for nilai in self.riwayat:
            if nilai.berlaku <= tanggal:
                terpilih = nilai
        return terpilih

    @property
    def terbaru(self) -> Nilai:
        return self.riwayat[-1]


class BelumBerlaku(LookupError):
    """A rule value was asked for a date before its first `berlaku`."""

    def __init__(self, param: Parameter, tanggal: _dt.date):
        super().__init__(f"{param.nama} belum berlaku pada {tanggal.isoformat()}")
        self.param = param
        self.tanggal = tanggal


class Jenjang(NamedTuple):
    kode: str
    nama: str
    kategori: str
    golongan: tuple[str, ...]
    tujuan: str | None
    sumber: Nilai

    def ak_kumulatif_kp(self, akk_per_kenaikan, golongan_tujuan: str):
        """AK counted in the jenjang that a KP to `golongan_tujuan` (in the jenjang) needs: the n-th
        golongan above the lowest needs n x the AKK per kenaikan pangkat, so kelebihan carries over
        inside the jenjang (rules reference section 4; S34, S35). The engine and the tables both
        use this one statement of the rule."""
        return akk_per_kenaikan * self.golongan.index(golongan_tujuan)


class Aturan:
    """The rules, indexed for the engine, with memos of what is computed from them alone."""

    def __init__(self, *, versi: str, diperiksa_sampai: _dt.date, tanggal_contoh: _dt.date, instrumen: dict[str, dict],
                 jenjang: dict[str, Jenjang], kategori: dict[str, dict], pangkat: dict[str, str],
                 pangkat_sumber: Nilai, predikat: dict[str, dict], parameter: dict[str, Parameter]):
        self.versi = versi
        self.diperiksa_sampai = diperiksa_sampai
        self.tanggal_contoh = tanggal_contoh  # the calculation date of the guide's worked examples
        self.instrumen = instrumen
        self.jenjang = jenjang
        self.kategori = kategori
        self.pangkat = pangkat  # golongan -> pangkat name, ordered lowest first
        self.pangkat_sumber = pangkat_sumber
        self.predikat = predikat  # kode -> {nama, label, urutan}
        self.parameter = parameter
        self._pada: dict = {}
        self._memo: dict = {}

    @property
    def berlaku_lengkap(self) -> _dt.date:
        """The first day on which every parameter has a value: the earliest day of a calculation."""
        if "_lengkap" not in self._memo:
            self._memo["_lengkap"] = max(p.riwayat[0].berlaku for p in self.parameter.values())
        return self._memo["_lengkap"]

    def param(self, nama: str) -> Parameter:
        return self.parameter[nama]

    def nilai_pada(self, nama: str, tanggal: _dt.date) -> Nilai:
        """The value of `nama` in force on `tanggal`; memoised.

        Strict, as OpenFisca: asking before the first `berlaku` is an error, never a silent
        fallback to the first value.
        """
        kunci = (nama, tanggal)
        n = self._pada.get(kunci)
        if n is None:
            param = self.parameter[nama]
            n = param.pada(tanggal)
            if n is None:
                raise BelumBerlaku(param, tanggal)
            if len(self._pada) < _BATAS_MEMO:  # bounded: dates in requests are few in practice
                self._pada[kunci] = n
        return n

    def ingat(self, kunci: tuple, buat):
        """`buat()` computed once per `kunci` for these rules (pure results only), memoised."""
        hasil = self._memo.get(kunci)
        if hasil is None:
            hasil = buat()
            if len(self._memo) < _BATAS_MEMO:
                self._memo[kunci] = hasil
        return hasil

    def dasar_hukum(self, nilai: Nilai) -> str:
        """'PermenPANRB 1/2023 Pasal 37 ayat (1)': the citation shown to readers."""
        singkat = self.instrumen[nilai.dasar]["singkat"]
        return f"{singkat} {nilai.pasal}".strip()

    def semua_nilai(self):
        """Every dated value (for the tests that check each has a date and a reference)."""
        for param in self.parameter.values():
            yield from param.riwayat
        for jenjang in self.jenjang.values():
            yield jenjang.sumber
        yield self.pangkat_sumber


def _read(nama: str) -> dict:
    teks = resources.files(__package__).joinpath("data", f"{nama}.toml").read_text("utf-8")
    # parse_float keeps 12.5 as Fraction(25, 2): exact from the file on.
    return tomllib.loads(teks, parse_float=Fraction)


def _number(value):
    return Fraction(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _nilai(nama: str, entry: dict, warisan: dict | None = None) -> Nilai:
    # Scalars become exact fractions; lists (months, ranges, jenjang codes) stay as written.
    # `dasar` and `pasal` may be stated once on the group (warisan) and overridden per value.
    e = {**(warisan or {}), **entry}
    return Nilai(
        nama=nama,
        nilai=_number(e["nilai"]),
        berlaku=e["berlaku"],
        dasar=e["dasar"],
        pasal=e.get("pasal", ""),
        status=e.get("status", "berlaku"),
        catatan=e.get("catatan", ""),
    )


# Keys a group table states once for every value below it (OpenFisca's index.yaml).
WARISAN = ("deskripsi", "satuan", "dasar", "pasal")


def _collect(prefix: str, node, out: dict[str, Parameter], warisan: dict | None = None) -> None:
    """Walk a TOML tree; every array of tables holding `nilai` is a dated parameter. A table's
    `deskripsi`, `satuan`, `dasar` and `pasal` are inherited by every parameter below it."""
    warisan = warisan or {}
    if isinstance(node, list) and node and all(isinstance(e, dict) and "nilai" in e for e in node):
        riwayat = tuple(sorted((_nilai(prefix, e, warisan) for e in node), key=lambda n: n.berlaku))
        # A single parameter states its description and unit on its first value.
        meta = {**warisan, **{k: node[0][k] for k in ("deskripsi", "satuan") if k in node[0]}}
        out[prefix] = Parameter(prefix, riwayat, meta.get("deskripsi", ""), meta.get("satuan", ""))
    elif isinstance(node, dict):
        turun = {**warisan, **{k: node[k] for k in WARISAN if k in node and not isinstance(node[k], (dict, list))}}
        for key, child in node.items():
            if key not in WARISAN:
                _collect(f"{prefix}.{key}" if prefix else key, child, out, turun)


@lru_cache(maxsize=1)
def muat() -> Aturan:
    """Load and index the rules data once per process."""
    data = {nama: _read(nama) for nama in DATA_FILES}
    jab = data["jabatan"]
    jenjang = {
        kode: Jenjang(
            kode=kode,
            nama=j["nama"],
            kategori=j["kategori"],
            golongan=tuple(j["golongan"]),
            tujuan=j.get("tujuan"),
            sumber=_nilai(f"jenjang.{kode}", {**j, "nilai": list(j["golongan"])}),
        )
        for kode, j in jab["jenjang"].items()
    }
    pangkat_entry = jab["pangkat"]
    predikat = {}
    parameter: dict[str, Parameter] = {}
    for kode, p in data["konversi"]["predikat"].items():
        predikat[kode] = {"nama": p["nama"], "label": list(p["label"]), "urutan": p["urutan"]}
        _collect(f"persentase.{kode}", p["persentase"], parameter)
    konversi = {k: v for k, v in data["konversi"].items() if k != "predikat"}
    for bagian in (konversi, data["kenaikan"], data["integrasi"]):
        _collect("", bagian, parameter)
    return Aturan(
        versi=data["sumber"]["versi"],
        diperiksa_sampai=data["sumber"]["diperiksa_sampai"],
        tanggal_contoh=data["sumber"]["tanggal_contoh"],
        instrumen=data["sumber"]["instrumen"],
        jenjang=jenjang,
        kategori=jab["kategori"],
        pangkat=dict(pangkat_entry["nama"]),
        pangkat_sumber=_nilai("pangkat", {**pangkat_entry, "nilai": [g for g, _ in pangkat_entry["nama"]]}),
        predikat=dict(sorted(predikat.items(), key=lambda kv: kv[1]["urutan"])),
        parameter=parameter,
    )

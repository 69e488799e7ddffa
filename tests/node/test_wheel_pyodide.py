"""The engine wheel the site serves loads and computes in real Pyodide (Node, node_modules).

Every contract case must give byte-identical JSON under CPython (this interpreter, the working
tree's calculator) and under Pyodide with the BUILT wheel: the browser shows exactly what the
command line and the guide's worked examples show.

Two builds of the one engine are served (hooks/pyodide_runtime.py, issue 15): the calculator page's
wheel (the modules `import calculator` reaches, and the data) and the whole package for the Cek
massal page (hooks/massal_aset.py). Each is booted here from the site's trimmed stdlib zip with
exactly the files its page loads, and every import of every engine module it holds must resolve.
"""

from __future__ import annotations

import gzip
import html
import io
import re
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import calculator

HERE = Path(__file__).resolve().parent
TANGGAL = "2025-01-15"
ABSENT = "email.message"  # a standard module the calculator never needs


def built_wheel(site: Path) -> Path:
    wheels = sorted(site.glob("assets/kalkulator/mesin/*/*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def massal_konfigurasi(site: Path) -> dict:
    """What the built Cek massal page hands its worker (hooks/massal_aset.py)."""
    teks = (site / "massal/index.html").read_text(encoding="utf-8")
    found = re.search(r'id="massal-konfigurasi" hidden data-konfigurasi="([^"]*)"', teks)
    assert found, "massal/index.html: no #massal-konfigurasi"
    return json.loads(html.unescape(found.group(1)))


def wheel_names(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as zf:
        return {n for n in zf.namelist() if ".dist-info/" not in n}


def kontrak(built_site, tmp_path_factory, wheel: Path, data: list, imports: list, extras=()) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node tidak ada: jalankan bash scripts/setup", pytrace=False)
    folder = tmp_path_factory.mktemp("kontrak")
    (folder / "kasus.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "impor.json").write_text(json.dumps(imports), encoding="utf-8")
    manifest = json.loads((built_site / "assets/kalkulator/runtime.json").read_text())
    proc = subprocess.run([node, str(HERE / "kontrak.mjs"), str(wheel), str(folder / "kasus.json"),
                           str(built_site / manifest["stdlib"]), str(folder / "impor.json"),
                           *map(str, extras)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def cases() -> list:
    a = calculator.aturan()
    out = []
    predikat = [p["nama"] for p in a["predikat"]]
    for j in a["jenjang"]:
        for g in j["golongan"]:
            for i, p in enumerate(predikat):
                out.append({
                    "tanggal_hitung": TANGGAL, "jenjang": j["kode"], "golongan": g,
                    "ak_awal": [0, 7.5, 12.345, 100][i % 4],
                    "tmt_golongan": "2021-04-01", "tmt_jenjang": "2020-10-01",
                    "penilaian": [{"tahun": 2023, "predikat": p},
                                  {"mulai": "2024-01", "selesai": "2024-05", "predikat": predikat[(i + 1) % len(predikat)]}],
                    "proyeksi": {"predikat": "Baik"},
                })
    out += [
        {"tanggal_hitung": TANGGAL, "jenjang": "ahli_pertama", "golongan": "III/a", "penilaian": []},
        {"tanggal_hitung": TANGGAL, "jenjang": "ahli_madya", "golongan": "IV/b", "ak_awal": 120,
         "penilaian": [{"tahun": 2024, "predikat": "sangat  baik"}], "desimal": 3,
         "proyeksi": {"predikat": "Sangat Baik", "mulai": "2025-01"}},
        {"tanggal_hitung": TANGGAL, "jenjang": "ahli_muda", "golongan": "III/c", "ak_konvensional": 250,
         "penilaian": [{"tahun": 2023, "predikat": "Butuh Perbaikan"}]},
        {"tanggal_hitung": TANGGAL, "jenjang": "terampil", "golongan": "II/c", "ak_awal": 10,
         "pendidikan": {"tanggal": "2024-03-01"}, "uji_kompetensi": True, "formasi_tersedia": False,
         "pengembangan_profesi": True, "tanggal_pak": "2023-12-31",
         "penilaian": [{"mulai": "2024-01", "selesai": "2024-12", "predikat": "Cukup"}]},
        # penyetaraan placements outside the jenjang's range, an Indonesian number as typed, perpindahan
        {"tanggal_hitung": TANGGAL, "jenjang": "ahli_pertama", "golongan": "IV/a", "ak_awal": "1.050,5"},
        {"tanggal_hitung": TANGGAL, "jenjang": "ahli_muda", "golongan": "III/b", "ak_awal": "12,5",
         "tanggal_pak": "2022-06-01", "penilaian": [{"tahun": 2024, "predikat": "Baik"}]},
        {"tanggal_hitung": TANGGAL, "jenjang": "ahli_muda", "golongan": "III/d",
         "perpindahan": {"tanggal": "2024-01-01", "tmt_golongan": "2019-04-01", "predikat": "Baik"}},
        # invalid input: only `galat`, with the field it concerns
        {"tanggal_hitung": TANGGAL, "jenjang": "ahli_pertama", "golongan": "V/a",
         "penilaian": [{"tahun": 2023, "predikat": "Luar Biasa"}]},
        {"tanggal_hitung": TANGGAL, "jenjang": "bukan", "golongan": "III/a", "ak_awal": "dua puluh"},
        {"tanggal_hitung": TANGGAL, "jenjang": "mahir", "golongan": "III/a",
         "penilaian": [{"mulai": "2024-07", "selesai": "2024-02", "predikat": "Baik"}]},
        [],
    ]
    return out


@pytest.fixture(scope="module")
def pyodide_run(built_site, tmp_path_factory):
    # kontrak.mjs checks the imports of every engine module in the wheel, and one module the
    # trimmed zip surely lacks, to show the check can fail.
    data = cases()
    return data, kontrak(built_site, tmp_path_factory, built_wheel(built_site), data, [ABSENT])


@pytest.fixture(scope="module")
def massal_run(built_site, tmp_path_factory):
    # The Cek massal page: the whole engine wheel, the same stdlib zip, openpyxl, et-xmlfile and
    # the stdlib bits they need, as its worker unpacks them; calculator.massal imported first.
    konf = massal_konfigurasi(built_site)
    extras = [built_site / p["url"] for p in konf["pustaka"]]
    return kontrak(built_site, tmp_path_factory, built_site / konf["runtime"]["wheel"],
                   cases()[:3], ["calculator.massal", "openpyxl", ABSENT], extras)


def test_wheel_is_pure_and_holds_only_the_engine(built_site):
    wheel = built_wheel(built_site)
    assert wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        wheel_meta = zf.read(next(n for n in names if n.endswith(".dist-info/WHEEL"))).decode()
    assert "Root-Is-Purelib: true" in wheel_meta and "Tag: py3-none-any" in wheel_meta
    tops = {n.split("/")[0] for n in names}
    assert tops == {"calculator", next(t for t in tops if t.endswith(".dist-info"))}
    assert "calculator/__init__.py" in names
    assert any(n.startswith("calculator/data/") for n in names)
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    # Its directory is the first 16 hex digits of its sha256, as runtime.json says.
    manifest = json.loads((built_site / "assets/kalkulator/runtime.json").read_text())
    import hashlib
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == manifest["wheel_sha256"]
    assert wheel.parent.name == manifest["wheel_sha256"][:16]


def test_pyodide_runs_the_built_wheel_not_the_working_tree(pyodide_run):
    _, out = pyodide_run
    assert out["calculator"].startswith("/lib/panduan-jf/calculator/")
    assert out["pyodide"] == json.loads((HERE.parent.parent / "package.json").read_text())["dependencies"]["pyodide"]


def test_every_contract_case_is_identical_to_cpython(pyodide_run):
    data, out = pyodide_run
    assert len(out["hasil"]) == len(data) > 80
    berbeda = []
    for req, teks in zip(data, out["hasil"]):
        cpython = json.dumps(calculator.hitung(req), ensure_ascii=False)
        if teks != cpython:
            berbeda.append((req, teks[:300], cpython[:300]))
    assert not berbeda, berbeda[:3]


def test_cases_cover_results_and_errors(pyodide_run):
    _, out = pyodide_run
    hasil = [json.loads(t) for t in out["hasil"]]
    galat = [h for h in hasil if "galat" in h]
    assert len(galat) >= 4 and all(set(h) == {"galat"} for h in galat)
    kolom = {g["kolom"] for h in galat for g in h["galat"]}
    assert "penilaian[0].predikat" in kolom and "golongan" in kolom
    ok = [h for h in hasil if "galat" not in h]
    assert all(isinstance(h["ak_kumulatif"], (int, float)) for h in ok)
    assert any(h["kenaikan_pangkat"] and h["kenaikan_pangkat"]["proyeksi_bulan"] for h in ok)


def test_engine_runs_on_the_precompiled_stdlib(pyodide_run, built_site):
    # The site's stdlib zip (hooks/pyodide_runtime.py): every module Pyodide and the engine ran came
    # from it already compiled, and it holds nothing else: no source, no unused package.
    _, out = pyodide_run
    assert out["stdlib"], "no module from the stdlib zip"
    bron = [n for n in out["stdlib"] if not n.endswith(".pyc")]
    assert not bron, bron
    assert {"fractions.pyc", "decimal.pyc", "tomllib/_parser.pyc", "json/__init__.pyc"} <= set(out["stdlib"])
    manifest = json.loads((built_site / "assets/kalkulator/runtime.json").read_text())
    served = (built_site / manifest["stdlib"]).read_bytes()
    assert manifest["stdlib"].endswith(".zip.gz") and served[:2] == b"\x1f\x8b"  # gzipped as one file
    with zipfile.ZipFile(io.BytesIO(gzip.decompress(served))) as zf:
        names = set(zf.namelist())
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_STORED}
    assert names and all(n.endswith(".pyc") for n in names), sorted(n for n in names if not n.endswith(".pyc"))
    assert "csv.pyc" in names                                     # CSV text, cheap to have
    assert not [n for n in names if n.startswith(("email/", "xml/", "http/", "unittest/", "statistics"))]
    # Pyodide's stock zip is 2.4 MB (2.38 MB gzip); this one holds ~130 compiled modules.
    assert len(served) < 700_000


def test_every_engine_import_is_in_the_trimmed_stdlib(pyodide_run):
    # Fails when the engine starts importing a standard module the trimmed zip leaves out (and the
    # zip was not remade): rebuild, or delete .cache/pyodide-stdlib. ABSENT shows the check works.
    _, out = pyodide_run
    assert set(out["impor"]) == {ABSENT}, out["impor"]
    assert out["impor"][ABSENT].startswith("ModuleNotFoundError")


def test_calculator_page_wheel_leaves_out_what_the_page_never_imports(built_site):
    # Issue 15: the command line, the guide's tables and Cek massal are not in the calculator
    # page's download; the Cek massal page gets the same package whole.
    page = wheel_names(built_wheel(built_site))
    konf = massal_konfigurasi(built_site)
    lengkap = wheel_names(built_site / konf["runtime"]["wheel"])
    weg = {"calculator/massal.py", "calculator/tabel.py", "calculator/__main__.py"}
    assert not page & weg, sorted(page & weg)
    assert weg <= lengkap and page < lengkap
    assert {n for n in lengkap if n.startswith("calculator/data/")} <= page
    # The same sources: a module in both is the same bytes.
    with zipfile.ZipFile(built_wheel(built_site)) as a, zipfile.ZipFile(built_site / konf["runtime"]["wheel"]) as b:
        assert [n for n in page if a.read(n) != b.read(n)] == []
    manifest = json.loads((built_site / "assets/kalkulator/runtime.json").read_text())
    assert konf["runtime"]["wheel"] != manifest["wheel"]
    assert konf["runtime"]["stdlib"] == manifest["stdlib"]
    import hashlib
    assert hashlib.sha256((built_site / konf["runtime"]["wheel"]).read_bytes()).hexdigest() == konf["runtime"]["wheel_sha256"]


def test_every_engine_import_is_on_the_massal_page(massal_run):
    # Fails when calculator/massal.py (or another module of the whole wheel) imports a standard
    # module that neither the trimmed zip nor stdlib-massal.zip holds (hooks/massal_aset.py
    # STDLIB_TAMBAHAN), or an engine module the wheel lacks. ABSENT shows the check works.
    assert set(massal_run["impor"]) == {ABSENT}, massal_run["impor"]
    assert massal_run["calculator"].startswith("/lib/panduan-jf/calculator/")
    assert len(massal_run["hasil"]) == 3 and all('"ak_kumulatif"' in h for h in massal_run["hasil"])

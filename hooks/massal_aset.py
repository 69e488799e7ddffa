"""MkDocs hook: what the "Cek massal" page needs, built from the same sources as everything else.

- The templates ``assets/massal/templat-cek-massal.xlsx`` and ``.csv``, made at build time by
  ``calculator.massal.templat_xlsx`` / ``templat_csv`` from the one column definition
  (``calculator.massal.KOLOM``); no column list is written anywhere else.
- The pure-Python wheels of openpyxl and et-xmlfile, pinned by version and sha256, downloaded from
  PyPI with ``pip download`` into ``.cache/massal-pustaka/`` on the first build and served from
  the site: the page's worker installs them next to the engine wheel so that the same
  ``calculator/massal.py`` reads and writes .xlsx in the browser. Nothing is fetched from another
  host at run time.
- ``stdlib-massal.zip``: the standard-library modules openpyxl imports that the calculator's
  trimmed stdlib zip leaves out (``xml``, ``urllib``, ``hashlib``, ...; see
  scripts/stdlib_pyodide.mjs), taken from
  the pinned Pyodide's own ``python_stdlib.zip``.

- The engine wheel whole (``hooks.pyodide_runtime.engine_wheel(lengkap=True)``: the same package
  and build as the calculator page's wheel, with ``massal.py``, ``tabel.py`` and ``__main__.py``,
  which the calculator page's wheel leaves out, issue 15) under ``assets/kalkulator/mesin/lengkap/``.

The wheels and the zip sit under ``assets/kalkulator/mesin/pustaka/`` and ``mesin/lengkap/`` beside
the engine wheel, folders the offline service worker does not precache (hooks/offline.py): a reader
of the guide never downloads them; only the Cek massal page does, when it starts.

On the page, ``<!-- massal:konfigurasi -->`` becomes a hidden element with the runtime manifest
(hooks/pyodide_runtime.py), these files' URLs and hashes; ``<!-- massal:kolom -->`` on any page
becomes the table of columns (``calculator.massal.petunjuk``).
"""
from __future__ import annotations

import hashlib
import html
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from hooks import pyodide_runtime
from scripts import simpanan

ROOT = Path(__file__).resolve().parent.parent
CACHE = simpanan.folder("massal-pustaka")  # the machine's build cache (scripts/simpanan.py)
PYODIDE_STDLIB = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
HALAMAN = "massal/index.md"
PENANDA = "<!-- massal:konfigurasi -->"
PENANDA_KOLOM = "<!-- massal:kolom -->"
RUNTIME = "assets/kalkulator/runtime.json"
# (PyPI requirement, wheel file, sha256 of the wheel as published on PyPI)
PUSTAKA = (
    ("openpyxl==3.1.5", "openpyxl-3.1.5-py2.py3-none-any.whl",
     "5282c12b107bffeef825f4617dc029afaf41d0ea60823bbb665ef3079dc79de2"),
    ("et-xmlfile==2.0.0", "et_xmlfile-2.0.0-py3-none-any.whl",
     "7a91720bc756843502c3b7504c77b8fe44217c85c537d85037f0f536151b2caa"),
)
# The calculator's stdlib zip holds only what Pyodide and the calculator page import (see
# scripts/stdlib_pyodide.mjs); what calculator.massal and openpyxl need on top, found by running
# massal's read and write of the .xlsx and .csv templates in Pyodide (issue 15):
STDLIB_TAMBAHAN = ("xml/", "urllib/", "difflib.py", "hashlib.py", "ipaddress.py", "mimetypes.py")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
TEMPLAT = "assets/massal/templat-cek-massal"

_state: dict = {}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pustaka() -> list[tuple[str, bytes]]:
    """The pinned wheels, from the cache or downloaded now (pip, from PyPI), checked by sha256."""
    hasil = []
    for syarat, nama, sha in PUSTAKA:
        berkas = CACHE / nama
        if not berkas.is_file() or _sha(berkas.read_bytes()) != sha:
            with tempfile.TemporaryDirectory() as tmp:  # then renamed in: builds run side by side
                try:
                    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                                    "--only-binary=:all:", "--dest", tmp, syarat],
                                   check=True, capture_output=True, text=True, timeout=300)
                except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
                    raise PluginError(f"massal_aset: pip download {syarat} gagal:\n{getattr(exc, 'stderr', '')[-1500:]}") from exc
                unduhan = Path(tmp) / nama
                if unduhan.is_file():
                    simpanan.simpan(berkas, unduhan.read_bytes())
        data = berkas.read_bytes() if berkas.is_file() else b""
        if _sha(data) != sha:
            raise PluginError(f"massal_aset: {nama} tidak cocok dengan sha256 yang dipatok ({sha}).")
        hasil.append((nama, data))
    return hasil


def stdlib_tambahan() -> bytes:
    """STDLIB_TAMBAHAN from Pyodide's own stdlib zip, as a reproducible zip."""
    if not PYODIDE_STDLIB.is_file():
        raise PluginError("node_modules/pyodide tidak ada: jalankan `bash scripts/setup`.")
    buf = io.BytesIO()
    with zipfile.ZipFile(PYODIDE_STDLIB) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for nama in sorted(zin.namelist()):
            if nama.startswith(STDLIB_TAMBAHAN) and not nama.endswith("/"):
                zi = zipfile.ZipInfo(nama, date_time=ZIP_DATE)
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o644 << 16
                zout.writestr(zi, zin.read(nama))
    return buf.getvalue()


def _massal():
    from calculator import massal  # noqa: PLC0415 - the engine (installed editable), at build time

    return massal


def on_files(files, config):
    massal = _massal()
    try:
        xlsx = massal.templat_xlsx()
    except ImportError as exc:
        raise PluginError("massal_aset: templat .xlsx memerlukan openpyxl: jalankan `bash scripts/setup`.") from exc
    files.append(File.generated(config, TEMPLAT + ".xlsx", content=xlsx))
    files.append(File.generated(config, TEMPLAT + ".csv", content=massal.templat_csv()))

    daftar = []
    for nama, data in pustaka():
        uri = f"assets/kalkulator/mesin/pustaka/{_sha(data)[:16]}/{nama}"
        files.append(File.generated(config, uri, content=data))
        daftar.append({"url": uri, "sha256": _sha(data), "jenis": "wheel"})
    tambahan = stdlib_tambahan()
    uri = f"assets/kalkulator/mesin/pustaka/{_sha(tambahan)[:16]}/stdlib-massal.zip"
    files.append(File.generated(config, uri, content=tambahan))
    daftar.insert(0, {"url": uri, "sha256": _sha(tambahan), "jenis": "zip"})
    _state["pustaka"] = daftar
    nama, data = pyodide_runtime.engine_wheel(lengkap=True)
    uri = f"assets/kalkulator/mesin/lengkap/{_sha(data)[:16]}/{nama}"
    files.append(File.generated(config, uri, content=data))
    _state["mesin"] = {"wheel": uri, "wheel_sha256": _sha(data)}
    return files


def tabel_kolom() -> str:
    """The columns as a Markdown table for the guide (from calculator.massal.petunjuk)."""
    baris = ["| Kolom | Isi | Boleh kosong? | Penjelasan |", "|---|---|---|---|"]
    for nama, judul, isi, penjelasan in _massal().petunjuk():
        sel = [f"`{nama}`", judul, isi, penjelasan]
        baris.append("| " + " | ".join(s.replace("|", "\\|") for s in sel) + " |")
    return "\n".join(baris)


def on_page_markdown(markdown, page, config, files):
    if PENANDA_KOLOM in markdown:
        markdown = markdown.replace(PENANDA_KOLOM, tabel_kolom())
    if page.file.src_uri != HALAMAN:
        return markdown
    if PENANDA not in markdown:
        raise PluginError(f"{HALAMAN}: penanda {PENANDA} tidak ada.")
    berkas = files.get_file_from_path(RUNTIME)
    if berkas is None:
        raise PluginError(f"massal_aset: {RUNTIME} tidak ada (hooks/pyodide_runtime.py harus sebelum hook ini).")
    runtime = json.loads(berkas.content_string)
    akar = (get_relative_url(".", page.url) or ".").rstrip("/") + "/"
    konfigurasi = {
        "root": akar,
        # Pyodide and the stdlib zip of the calculator page; the engine whole (massal.py in it).
        "runtime": {**{k: runtime[k] for k in ("pyodide_dir", "stdlib")}, **_state["mesin"]},
        "pustaka": _state["pustaka"],
        "worker": config["extra"].get("versi_aset", "assets/") + "massal/worker.js",  # hooks/versi_aset.py
    }
    payload = html.escape(json.dumps(konfigurasi, ensure_ascii=False, separators=(",", ":")))
    return markdown.replace(PENANDA, f'<div id="massal-konfigurasi" hidden data-konfigurasi="{payload}"></div>')

"""Make the offline bundle of the built site (run after `mkdocs build` and scripts/bundel_pdf.py).

Writes SITE/pelatih/unduh/panduan-jf-offline.zip, which unpacks to:

    panduan-jf/
      jalankan-windows.bat  jalankan-linux.sh  jalankan-macos.command   one-step starters
      program/panduan-jf-windows.exe ...         the kit server, one file per system (Go, built
                                                 here from scripts/bundel_luring/server/main.go)
      sajikan.py  static_server.py               fallback server (Python 3, stdlib only; the
                                                 project's one static server, scripts/)
      BACA-SAYA.txt                              instructions
      situs/                                     the built site (without this zip)

The calculator runs Pyodide, which browsers refuse to load from file://, hence the local http
server (docs/pelatih/offline.md explains it to trainers). Most office Windows laptops have no
Python, so the starters run a small Go program first (cross-compiled for Windows, macOS and
Linux by Debian's golang-go, installed by scripts/setup); the binaries are kept in the machine's
build cache (scripts/simpanan.py, `luring-go/`) by the hash of their source and of the Go version,
so a build compiles them only when main.go changes.

Usage: python scripts/bundel.py [SITE] [--keluar FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

from scripts import simpanan

ROOT = Path(__file__).resolve().parent.parent
BERKAS_LURING = Path(__file__).resolve().parent / "bundel_luring"
NAMA_ZIP = Path("pelatih") / "unduh" / "panduan-jf-offline.zip"
AKAR = "panduan-jf"
PEMULA = ["jalankan-windows.bat", "jalankan-linux.sh", "jalankan-macos.command", "sajikan.py",
          "BACA-SAYA.txt"]
BISA_DIJALANKAN = {"jalankan-linux.sh", "jalankan-macos.command"}
# The project's static server, used by sajikan.py (one server module for the whole project).
SERVER = Path(__file__).resolve().parent / "static_server.py"
# The kit server (Go), per system: (GOOS, GOARCH, file name in program/).
SUMBER_GO = BERKAS_LURING / "server"
PROGRAM = [
    ("windows", "amd64", "panduan-jf-windows.exe"),
    ("darwin", "arm64", "panduan-jf-macos-arm64"),
    ("darwin", "amd64", "panduan-jf-macos-intel"),
    ("linux", "amd64", "panduan-jf-linux"),
]
SIMPANAN_GO = simpanan.folder("luring-go")  # the machine's build cache (scripts/simpanan.py)


def _go() -> str:
    go = shutil.which("go") or ("/usr/lib/go/bin/go" if os.path.exists("/usr/lib/go/bin/go") else None)
    if not go:
        raise SystemExit("Go tidak ditemukan: paket luring memerlukan golang-go untuk membuat "
                         "server tanpa Python. Jalankan: bash scripts/setup")
    return go


def program_server() -> dict[str, Path]:
    """The kit server for every system, compiled once per version of its source."""
    go = _go()
    versi = subprocess.run([go, "version"], capture_output=True, text=True, check=True).stdout
    h = hashlib.sha256(versi.encode())
    for f in sorted(SUMBER_GO.iterdir()):
        if f.is_file():
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    folder = SIMPANAN_GO / h.hexdigest()[:16]
    hasil = {}
    for goos, goarch, nama in PROGRAM:
        keluar = folder / nama
        if not keluar.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            env = {**os.environ, "GOOS": goos, "GOARCH": goarch, "CGO_ENABLED": "0",
                   "GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local"}
            sementara = keluar.with_name(f"{nama}.{os.getpid()}.tmp")
            proses = subprocess.run([go, "build", "-trimpath", "-ldflags", "-s -w", "-o", str(sementara), "."],
                                    cwd=SUMBER_GO, env=env, capture_output=True, text=True)
            if proses.returncode != 0:
                raise SystemExit(f"go build {goos}/{goarch} gagal:\n{proses.stdout}{proses.stderr}")
            os.replace(sementara, keluar)
        hasil[nama] = keluar
    return hasil


def _tambah(zf: zipfile.ZipFile, sumber: Path, nama: str, mode: int) -> None:
    info = zipfile.ZipInfo.from_file(sumber, nama)
    info.external_attr = (0o100000 | mode) << 16  # regular file + permissions, read by unzip/macOS
    info.compress_type = zipfile.ZIP_DEFLATED
    with open(sumber, "rb") as f:
        zf.writestr(info, f.read(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)


def buat(site: Path, keluar: Path | None = None) -> Path:
    site = site.resolve()
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site} bukan hasil build (index.html tidak ada); jalankan mkdocs build dulu")
    keluar = (keluar or site / NAMA_ZIP).resolve()
    keluar.parent.mkdir(parents=True, exist_ok=True)
    sementara = keluar.with_suffix(".zip.tmp")
    with zipfile.ZipFile(sementara, "w", zipfile.ZIP_DEFLATED) as zf:
        for nama in PEMULA:
            mode = 0o755 if nama in BISA_DIJALANKAN else 0o644
            _tambah(zf, BERKAS_LURING / nama, f"{AKAR}/{nama}", mode)
        _tambah(zf, SERVER, f"{AKAR}/{SERVER.name}", 0o644)
        for nama, berkas in program_server().items():
            _tambah(zf, berkas, f"{AKAR}/program/{nama}", 0o755)
        for path in sorted(site.rglob("*")):
            if not path.is_file():
                continue
            if path.resolve() in (keluar, sementara.resolve()):
                continue
            rel = path.relative_to(site).as_posix()
            _tambah(zf, path, f"{AKAR}/situs/{rel}", 0o644)
    os.replace(sementara, keluar)
    return keluar


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Buat paket luring (ZIP) dari situs hasil build.")
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--keluar", help="berkas ZIP tujuan (bawaan: SITE/pelatih/unduh/panduan-jf-offline.zip)")
    args = parser.parse_args(argv)
    hasil = buat(Path(args.site), Path(args.keluar) if args.keluar else None)
    print(f"[bundel] {hasil} ({hasil.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

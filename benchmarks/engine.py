"""Speed of the engine: requests per second of `calculator.hitung` for a typical request.

Typical request (issue 2): an ak_awal from a PAK, five rated periods, a projection. CPython, one
process (one core), best-of-N timing so that noise from other work on the machine counts least.
Run: `.venv/bin/python -m benchmarks.engine` (or `python benchmarks/engine.py`).
"""
from __future__ import annotations

import argparse
import os
import sys
import time

from calculator import hitung

TARGET = 2000

PERMINTAAN = {
    "jenjang": "ahli_muda",
    "golongan": "III/c",
    "ak_awal": 37.125,
    "tanggal_pak": "2023-01-31",
    "tmt_golongan": "2021-10-01",
    "tmt_jenjang": "2021-10-01",
    "penilaian": [
        {"tahun": 2023, "predikat": "Baik"},
        {"mulai": "2024-01", "selesai": "2024-06", "predikat": "Sangat Baik"},
        {"mulai": "2024-07", "selesai": "2024-12", "predikat": "Baik"},
        {"mulai": "2025-01", "selesai": "2025-03", "predikat": "Butuh Perbaikan"},
        {"mulai": "2025-04", "selesai": "2025-12", "predikat": "Baik"},
    ],
    "proyeksi": {"predikat": "Baik"},
    "tanggal_hitung": "2026-01-20",
}


def ukur(permintaan: dict, jumlah: int, ulang: int) -> tuple[float, float]:
    """Best requests per second over `ulang` rounds of `jumlah` calls each: (wall clock, CPU time).

    The CPU-time figure is what one core delivers when the machine is busy with other work
    (the wall-clock one then also counts time the process waited for a core).
    """
    hasil = hitung(permintaan)  # warm-up: loads the rules data once per process
    if "galat" in hasil:
        raise SystemExit(f"Permintaan contoh tidak sah: {hasil['galat']}")
    dinding = cpu = float("inf")
    for _ in range(ulang):
        mulai, mulai_cpu = time.perf_counter(), time.process_time()
        for _ in range(jumlah):
            hitung(permintaan)
        dinding = min(dinding, time.perf_counter() - mulai)
        cpu = min(cpu, time.process_time() - mulai_cpu)
    return jumlah / dinding, jumlah / cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Ukur kecepatan calculator.hitung (permintaan per detik).")
    parser.add_argument("--jumlah", type=int, default=2000, help="panggilan per putaran (bawaan 2000)")
    parser.add_argument("--ulang", type=int, default=5, help="jumlah putaran; yang tercepat dipakai (bawaan 5)")
    args = parser.parse_args(argv)
    laju, laju_cpu = ukur(PERMINTAAN, args.jumlah, args.ulang)
    print(f"hitung: {laju:.0f} permintaan/detik (target >= {TARGET})")
    print(f"hitung: {laju_cpu:.0f} permintaan per detik CPU (satu inti)")
    beban = f", beban mesin {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"Python {sys.version.split()[0]} ({sys.implementation.name}), satu proses, terbaik dari "
          f"{args.ulang} x {args.jumlah}{beban}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

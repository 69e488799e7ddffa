"""Run the benchmarks: every benchmarks/*.py module that has a main().

`python -m benchmarks` runs them all; `python -m benchmarks site browser` runs those named.
Arguments after `--` go to each main(). Results are printed; a benchmark is not a test.
"""

from __future__ import annotations

import importlib
import sys
import time
import traceback
from pathlib import Path


def main(argv: list[str]) -> int:
    if "--" in argv:
        split = argv.index("--")
        names, rest = argv[:split], argv[split + 1:]
    else:
        names, rest = argv, []
    here = Path(__file__).resolve().parent
    available = sorted(p.stem for p in here.glob("*.py") if not p.stem.startswith("_"))
    unknown = [n for n in names if n not in available]
    if unknown:
        print(f"Tolok ukur tidak dikenal: {', '.join(unknown)}; tersedia: {', '.join(available)}")
        return 2
    failed = []
    for name in names or available:
        module = importlib.import_module(f"benchmarks.{name}")
        if not callable(getattr(module, "main", None)):
            continue
        print(f"\n##### benchmarks/{name}.py #####", flush=True)
        start = time.perf_counter()
        try:
            status = module.main(list(rest))
        except SystemExit as exit_:
            status = exit_.code
        except Exception:  # noqa: BLE001 - one broken benchmark must not hide the others
            traceback.print_exc()
            status = 1
        print(f"##### {name}: selesai dalam {time.perf_counter() - start:.1f} s "
              f"(status {status or 0}) #####", flush=True)
        if status:
            failed.append(name)
    if failed:
        print(f"Tolok ukur yang gagal berjalan: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

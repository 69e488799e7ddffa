"""Speed of the browser calculator, against a baseline measured in the same run.

Run: `.venv/bin/python -m benchmarks.browser [--runs 5]` (or `bash scripts/bench browser`).

What it does, in one go:
1. Builds the site (mkdocs --strict) into a temporary folder with SITE_URL set to the address it
   will be served at (so Material's instant navigation works as on a real host), and adds a bare
   page (`bench-bare/`, benchmark only) that boots the same Pyodide version in a Web Worker and runs
   `1+1`, from the stock files of node_modules/pyodide (with Pyodide's own python_stdlib.zip; the
   site serves a precompiled one instead, see hooks/pyodide_runtime.py).
2. Serves it on 127.0.0.1 with gzip, as static hosts do (figures without compression are printed
   too, from the files' sizes).
3. Cold visits, interleaved (bare, calculator, bare, calculator, ...), each in a fresh browser
   context (empty cache, no service worker): time from navigation start to the bare page's answer
   vs. to the first rendered result of a share link; bytes received in each visit.
4. On one booted calculator page: recompute after an input change (input event -> result
   rendered), the answer after navigating to a guide page and back (instant navigation), and a
   reload once the service worker and the memory snapshot are in place (second visit).

Targets (issue 4): cold ratio <= 1.15; bytes <= bare + 200 KB; recompute p95 < 50 ms;
back-navigation answer < 150 ms. Timings depend on the machine's load: read the ratios.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import http.server
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]

SHARE_REQUEST = {
    "jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 37.125, "tanggal_pak": "2023-01-31",
    "tmt_golongan": "2021-10-01", "tmt_jenjang": "2021-10-01",
    "penilaian": [{"tahun": 2023, "predikat": "Baik"},
                  {"mulai": "2024-01", "selesai": "2024-06", "predikat": "Sangat Baik"},
                  {"mulai": "2024-07", "selesai": "2024-12", "predikat": "Baik"}],
    "proyeksi": {"predikat": "Baik"},
}

BARE_HTML = """<!doctype html><html lang="en"><meta charset="utf-8"><title>bare</title>
<script>
const w = new Worker("worker.js", {type: "module"});
w.onmessage = (e) => { window.__jawab = {t: performance.now(), r: e.data}; };
w.postMessage({pyodide: new URL("../PYODIDE_DIR", location.href).href});
</script></html>
"""
BARE_WORKER = """self.onmessage = async (e) => {
  const { loadPyodide } = await import(e.data.pyodide + "pyodide.mjs");
  const py = await loadPyodide({ indexURL: e.data.pyodide });
  self.postMessage(py.runPython("1+1"));
};
"""

COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".xml", ".txt", ".zip"}
TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm",
         ".json": "application/json", ".whl": "application/zip", ".zip": "application/zip",
         ".css": "text/css", ".html": "text/html; charset=utf-8", ".svg": "image/svg+xml",
         ".png": "image/png", ".xml": "application/xml"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def GzipServer(root: Path, port: int):
    """The project's static server (scripts/static_server.py: gzip once per file, level 6, kept
    in memory; Cache-Control as README advises), started on `port`; `.url`, `.stop()`."""
    from scripts.static_server import StaticServer  # noqa: PLC0415

    return StaticServer(root, "127.0.0.1", port).start()


def build(site: Path, url: str) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir",
                    str(site)], cwd=ROOT, env=env, check=True)
    manifest = json.loads((site / "assets/kalkulator/runtime.json").read_text())
    bare = site / "bench-bare"
    bare.mkdir()
    stock = bare / "pyodide"
    stock.mkdir()
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip"):
        if (ROOT / "node_modules/pyodide" / name).is_file():
            shutil.copy(ROOT / "node_modules/pyodide" / name, stock / name)
    shutil.copy(site / manifest["pyodide_dir"] / "pyodide-lock.json", stock / "pyodide-lock.json")
    (bare / "index.html").write_text(BARE_HTML.replace("PYODIDE_DIR", "bench-bare/pyodide/"))
    (bare / "worker.js").write_text(BARE_WORKER)
    return manifest


def share_link(base: str) -> str:
    raw = json.dumps(SHARE_REQUEST).encode()
    return base + "kalkulator/#s=" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def visit(browser, url: str, done_js: str, site: Path, base: str) -> dict:
    """A cold visit in a fresh context: ms from navigation start to `done_js`, bytes received."""
    context = browser.new_context()
    finished = []
    context.on("requestfinished", lambda r: finished.append(r))
    page = context.new_page()
    page.add_init_script("window.__jfT = null; addEventListener('jf-hasil', () => {"
                         " if (window.__jfT === null) window.__jfT = performance.now(); });")
    page.goto(url)
    ms = page.wait_for_function(done_js, timeout=120_000, polling=20).json_value()
    wire = raw = 0
    urls = []
    for r in list(finished):
        if r.service_worker or r.url.endswith("/sw.js"):
            continue  # registered after the first answer, on purpose; not part of the visit
        sizes = r.sizes()
        wire += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        path = r.url[len(base):].split("#")[0].split("?")[0]
        f = site / path
        f = f / "index.html" if f.is_dir() else f
        raw += f.stat().st_size if f.is_file() else 0
        urls.append(path)
    context.close()
    return {"ms": ms, "wire": wire, "raw": raw, "urls": urls}


def pct(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="cold visits of each kind (interleaved)")
    ap.add_argument("--edits", type=int, default=40, help="input changes for the recompute p95")
    ap.add_argument("--backs", type=int, default=10, help="guide -> calculator round trips")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        manifest = build(site, f"http://127.0.0.1:{port}/")
        server = GzipServer(site, port)
        base = server.url
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
                bare, calc = [], []
                # one warm-up of each (disk cache of the OS, gzip cache of the server)
                visit(browser, base + "bench-bare/", "window.__jawab && window.__jawab.t", site, base)
                visit(browser, share_link(base), "window.__jfT", site, base)
                for _ in range(args.runs):
                    bare.append(visit(browser, base + "bench-bare/",
                                      "window.__jawab && window.__jawab.t", site, base))
                    calc.append(visit(browser, share_link(base), "window.__jfT", site, base))
                edits, backs, again = warm_figures(browser, base, args.edits, args.backs)
                browser.close()
        finally:
            server.stop()

    b_ms = statistics.median(v["ms"] for v in bare)
    c_ms = statistics.median(v["ms"] for v in calc)
    b_wire = statistics.median(v["wire"] for v in bare)
    c_wire = statistics.median(v["wire"] for v in calc)
    b_raw = statistics.median(v["raw"] for v in bare)
    c_raw = statistics.median(v["raw"] for v in calc)
    print(f"Pyodide {manifest['pyodide']}, wheel {manifest['wheel_bytes']} B, {args.runs} cold "
          "visits each (interleaved, fresh context, gzip server on 127.0.0.1)")
    print(f"  bare page boot + 1+1      : median {b_ms:7.0f} ms  runs {[round(v['ms']) for v in bare]}")
    print(f"  share link -> first result: median {c_ms:7.0f} ms  runs {[round(v['ms']) for v in calc]}")
    print(f"  ratio                     : {c_ms / b_ms:.3f}  (target <= 1.15)")
    print(f"  bytes over the wire       : bare {b_wire / 1e6:.3f} MB, calculator {c_wire / 1e6:.3f} MB, "
          f"difference {(c_wire - b_wire) / 1000:.0f} KB  (target <= 200 KB)")
    print(f"  bytes uncompressed        : bare {b_raw / 1e6:.3f} MB, calculator {c_raw / 1e6:.3f} MB, "
          f"difference {(c_raw - b_raw) / 1000:.0f} KB")
    print(f"  recompute after an input  : median {statistics.median(edits):.1f} ms, "
          f"p95 {pct(edits, 0.95):.1f} ms over {len(edits)}  (target p95 < 50 ms)")
    print(f"  back on calculator (instant nav): median {statistics.median(backs):.0f} ms, "
          f"max {max(backs):.0f} ms over {len(backs)}  (target < 150 ms)")
    print(f"  second visit (service worker cache + memory snapshot) -> first result: median "
          f"{statistics.median(again):.0f} ms, runs {[round(x) for x in again]} "
          f"({statistics.median(again) / b_ms:.2f} of the bare cold boot)")
    extra = sorted(set(calc[0]["urls"]) - set(bare[0]["urls"]))
    print(f"  requested by the calculator visit beyond the bare boot: {len(extra)} files")
    return 0


def warm_figures(browser, base: str, n_edits: int, n_backs: int):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("window.__jfT = null; addEventListener('jf-hasil', () => {"
                         " if (window.__jfT === null) window.__jfT = performance.now(); });")
    page.goto(share_link(base))
    page.wait_for_function("window.__jfT", timeout=120_000)
    edits = []
    for i in range(n_edits):
        edits.append(page.evaluate("""async (v) => {
            const input = document.getElementById('f-ak_awal');
            const done = new Promise(r => addEventListener('jf-hasil', r, {once: true}));
            const t0 = performance.now();
            input.value = v;
            input.dispatchEvent(new Event('input', {bubbles: true}));
            await done;
            return performance.now() - t0;
        }""", f"{30 + i},{i % 10}"))
    backs = []
    for _ in range(n_backs):
        page.evaluate("document.querySelector('a[href$=\"kenaikan-pangkat/\"]').click()")
        page.wait_for_selector("#kalkulator", state="detached")
        page.wait_for_selector("h1")
        backs.append(page.evaluate("""async () => {
            const done = new Promise(r => addEventListener('jf-hasil', r, {once: true}));
            const t0 = performance.now();
            history.back();
            await done;
            return performance.now() - t0;
        }"""))
        if page.evaluate("!window.__jfMesin"):
            raise SystemExit("navigation reloaded the page: instant navigation is not active")
    # Second visit: the service worker's cache and the memory snapshot left by the first boot.
    page.wait_for_function("window.__jfMesin.snapshot && document.documentElement.dataset.jfLuring",
                           timeout=120_000)
    again = []
    for _ in range(3):
        page.reload()
        again.append(page.wait_for_function("window.__jfT", timeout=120_000, polling=20).json_value())
        assert page.evaluate("window.__jfMesin.versi.snapshot"), "second visit did not use the snapshot"
    context.close()
    return edits, backs, again


if __name__ == "__main__":
    raise SystemExit(main())

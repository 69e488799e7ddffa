"""Speed and weight of the browser calculator, against a bare Pyodide boot in the same run.

Run: `.venv/bin/python -m benchmarks.browser [--runs 5] [--throttled-runs 2]` (or
`bash scripts/bench browser`).

What it does, in one go:
1. Builds the site (mkdocs --strict) into a temporary folder with SITE_URL set to the address it
   will be served at (so Material's instant navigation works as on a real host), and adds a bare
   page (`bench-bare/`, benchmark only) that boots the same Pyodide version in a Web Worker and runs
   `1+1`, from the stock files of node_modules/pyodide (Pyodide's own python_stdlib.zip and
   pyodide-lock.json; the site serves a trimmed, precompiled stdlib instead, see
   hooks/pyodide_runtime.py).
2. Serves it on 127.0.0.1 with gzip, as static hosts do.
3. Bytes (issue 15): what a cold share-link visit fetches until its first answer (the page and its
   workers: requests started before the answer; what starts after it, such as the search worker
   and index the calculator page holds back, and the service worker's offline precache, reported
   apart),
   each file gzip-compressed at level 9 on its own, against stock Pyodide's boot set measured the
   same way (pyodide.mjs, pyodide.asm.js, pyodide.asm.wasm, python_stdlib.zip, pyodide-lock.json).
   Target: ratio <= 0.70.
4. Cold visits, interleaved (bare, calculator, bare, calculator, ...), each in a fresh browser
   context (empty cache, no service worker): time from navigation start to the bare page's answer
   vs. to the first rendered result of a share link.
5. The same under emulated throttling (Chrome DevTools Protocol: 4 Mbps down, 150 ms latency, CPU
   4x slower), bare and calculator interleaved. Chromium applies CPU throttling to the page's main
   thread only: it refuses it for dedicated workers ("only supported for pages"), so Pyodide's boot
   in the worker runs at full speed; the network throttling does apply to the workers' downloads.
   Aim: ratio <= 0.5.
6. On one booted calculator page: recompute after an input change (input event -> result
   rendered), the answer after navigating to a guide page and back (instant navigation), and a
   reload once the service worker and the memory snapshot are in place (second visit); the
   service worker's precache bytes.

Earlier targets (issue 4): recompute p95 < 50 ms; back-navigation answer < 150 ms. Timings depend
on the machine's load (shared, 2 cores): read the ratios, not the milliseconds.
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

THROTTLE = {"latency_ms": 150, "down_bps": 4_000_000, "up_bps": 1_000_000, "cpu": 4}
STOCK_BOOT_SET = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.js", "pyodide.asm.wasm",
                  "python_stdlib.zip", "pyodide-lock.json")

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
    for name in STOCK_BOOT_SET:
        if (ROOT / "node_modules/pyodide" / name).is_file():
            shutil.copy(ROOT / "node_modules/pyodide" / name, stock / name)
    (bare / "index.html").write_text(BARE_HTML.replace("PYODIDE_DIR", "bench-bare/pyodide/"))
    (bare / "worker.js").write_text(BARE_WORKER)
    return manifest


def share_link(base: str) -> str:
    raw = json.dumps(SHARE_REQUEST).encode()
    return base + "kalkulator/#s=" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


_GZ9: dict[Path, int] = {}


def gz9(f: Path | None) -> int:
    """Size of one file gzip-compressed at level 9 (0 if it is not a file of the site)."""
    if f is None or not f.is_file():
        return 0
    if f not in _GZ9:
        _GZ9[f] = len(gzip.compress(f.read_bytes(), 9))
    return _GZ9[f]


def stock_boot_set() -> tuple[int, int]:
    files = [ROOT / "node_modules/pyodide" / n for n in STOCK_BOOT_SET]
    files = [f for f in files if f.is_file()]
    return sum(gz9(f) for f in files), sum(f.stat().st_size for f in files)


def site_file(site: Path, base: str, url: str) -> Path | None:
    if not url.startswith(base):
        return None  # data:, blob: (nothing is fetched from another host: tests/browser)
    f = site / url[len(base):].split("#")[0].split("?")[0]
    return f / "index.html" if f.is_dir() else f


def throttle(context, page) -> list[str]:
    """Emulated slow phone on `page` (and its workers' network). Returns (filled later) what each
    worker answered to the CPU throttling request."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": THROTTLE["latency_ms"],
        "downloadThroughput": THROTTLE["down_bps"] / 8, "uploadThroughput": THROTTLE["up_bps"] / 8})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE["cpu"]})
    # Ask for the same CPU throttling in each worker as it starts (reported if refused).
    notes = []

    def attached(ev):
        sid = ev["sessionId"]
        for i, (method, params) in enumerate([("Emulation.setCPUThrottlingRate", {"rate": THROTTLE["cpu"]}),
                                              ("Runtime.runIfWaitingForDebugger", {})]):
            cdp.send("Target.sendMessageToTarget", {"sessionId": sid, "message": json.dumps(
                {"id": 900 + i, "method": method, "params": params})})

    def received(ev):
        msg = json.loads(ev["message"])
        if msg.get("id") == 900:
            notes.append(msg.get("error", {}).get("message", "ok"))

    cdp.on("Target.attachedToTarget", attached)
    cdp.on("Target.receivedMessageFromTarget", received)
    cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True,
                                      "flatten": False})
    return notes


def visit(browser, url: str, done_js: str, site: Path, base: str, throttled: bool = False) -> dict:
    """A cold visit in a fresh context: ms from navigation start to `done_js`, and what was fetched
    until then (the page's and its workers' requests; the service worker's counted apart)."""
    context = browser.new_context()
    finished = []
    context.on("requestfinished", lambda r: finished.append(r))
    page = context.new_page()
    notes = throttle(context, page) if throttled else []
    page.add_init_script("window.__jfT = null; addEventListener('jf-hasil', () => {"
                         " if (window.__jfT === null) window.__jfT = performance.now(); });")
    page.goto(url, timeout=180_000)
    ms = page.wait_for_function(done_js, timeout=300_000, polling=20).json_value()
    # The answer's moment on the clock of the requests' start times (ms since the epoch).
    answered = page.evaluate("performance.timeOrigin") + ms
    out = {"ms": ms, "wire": 0, "raw": 0, "gz9": 0, "urls": [], "sw_gz9": 0, "sw_files": 0,
           "after_gz9": 0, "after_urls": [], "worker_cpu": sorted(set(notes))}
    for r in list(finished):
        f = site_file(site, base, r.url)
        if f is None:
            continue  # blob: (the stdlib unpacked in the worker) or data:, not a download
        if r.service_worker or r.url.endswith("/sw.js"):
            out["sw_gz9"] += gz9(f)
            out["sw_files"] += 1
            continue
        if r.timing["startTime"] > answered:
            # Asked for after the answer (the search worker and index, held back until then): not
            # part of "until the first answer". Whether such a request has finished when the page
            # is polled is a race, so it is reported apart.
            out["after_gz9"] += gz9(f)
            out["after_urls"].append(r.url[len(base):].split("#")[0].split("?")[0])
            continue
        sizes = r.sizes()
        out["wire"] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        out["raw"] += f.stat().st_size if f is not None and f.is_file() else 0
        out["gz9"] += gz9(f)
        out["urls"].append(r.url[len(base):].split("#")[0].split("?")[0])
    context.close()
    return out


def pct(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="cold visits of each kind (interleaved)")
    ap.add_argument("--throttled-runs", type=int, default=2,
                    help="throttled cold visits of each kind (interleaved; 0 to skip)")
    ap.add_argument("--edits", type=int, default=40, help="input changes for the recompute p95")
    ap.add_argument("--backs", type=int, default=10, help="guide -> calculator round trips")
    args = ap.parse_args(argv)
    # Report the service worker's own fetches (offline precache) too, told apart by
    # request.service_worker.
    os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")
    from playwright.sync_api import sync_playwright

    port = free_port()
    bare_done = "window.__jawab && window.__jawab.t"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        manifest = build(site, f"http://127.0.0.1:{port}/")
        server = GzipServer(site, port)
        base = server.url
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
                bare, calc, t_bare, t_calc = [], [], [], []
                # one warm-up of each (disk cache of the OS, gzip cache of the server)
                visit(browser, base + "bench-bare/", bare_done, site, base)
                visit(browser, share_link(base), "window.__jfT", site, base)
                for _ in range(args.runs):
                    bare.append(visit(browser, base + "bench-bare/", bare_done, site, base))
                    calc.append(visit(browser, share_link(base), "window.__jfT", site, base))
                for _ in range(args.throttled_runs):
                    t_bare.append(visit(browser, base + "bench-bare/", bare_done, site, base, True))
                    t_calc.append(visit(browser, share_link(base), "window.__jfT", site, base, True))
                edits, backs, again, precache = warm_figures(browser, base, site, args.edits,
                                                             args.backs)
                browser.close()
        finally:
            server.stop()
        # gzip -9 sizes while the built site still exists
        runtime_gz9 = sum(gz9(site / u) for u in manifest["runtime"])
        stdlib_gz9 = gz9(site / manifest["stdlib"])
        per_file = sorted(((gz9(site_file(site, base, base + u)), u) for u in calc[0]["urls"]),
                          reverse=True)
        after = [(gz9(site_file(site, base, base + u)), u) for u in calc[0]["after_urls"]]

    med = statistics.median
    b_ms, c_ms = med(v["ms"] for v in bare), med(v["ms"] for v in calc)
    b_wire, c_wire = med(v["wire"] for v in bare), med(v["wire"] for v in calc)
    b_raw, c_raw = med(v["raw"] for v in bare), med(v["raw"] for v in calc)
    c_gz9 = med(v["gz9"] for v in calc)
    stock_gz9, stock_raw = stock_boot_set()
    print(f"Pyodide {manifest['pyodide']}, wheel {manifest['wheel_bytes']} B, {args.runs} cold "
          "visits each (interleaved, fresh context, gzip server on 127.0.0.1)")
    print("  BYTES (each file gzip -9 on its own; issue 15)")
    print(f"    stock Pyodide boot set     : {stock_gz9 / 1e6:.3f} MB  ({stock_raw / 1e6:.3f} MB uncompressed)")
    print(f"    share-link visit, cold     : {c_gz9 / 1e6:.3f} MB  ({c_raw / 1e6:.3f} MB uncompressed, "
          f"{len(calc[0]['urls'])} files: page, its workers, runtime {runtime_gz9 / 1e6:.3f} MB)")
    print(f"    ratio                      : {c_gz9 / stock_gz9:.3f}  (target <= 0.70)")
    print(f"    stdlib zip                 : {stdlib_gz9 / 1e6:.3f} MB "
          f"(stock python_stdlib.zip {gz9(ROOT / 'node_modules/pyodide/python_stdlib.zip') / 1e6:.3f} MB)")
    print("    files of the visit (KB)    : " + ", ".join(f"{u.rsplit('/', 1)[-1] or u} {b / 1000:.1f}"
                                                      for b, u in per_file))
    print(f"    asked for after the answer (apart; what had finished when polled): "
          f"{med(v['after_gz9'] for v in calc) / 1e6:.3f} MB, e.g. " + (", ".join(
              f"{u.rsplit('/', 1)[-1] or u} {b / 1000:.1f}" for b, u in after) or "none"))
    print(f"    offline precache (service worker, after the answer, apart): {precache['gz9'] / 1e6:.3f} MB "
          f"in {precache['files']} files")
    print(f"    over the wire (gzip -6 server): bare {b_wire / 1e6:.3f} MB, calculator {c_wire / 1e6:.3f} MB")
    print(f"    uncompressed              : bare {b_raw / 1e6:.3f} MB, calculator {c_raw / 1e6:.3f} MB")
    print("  TIME, cold, no throttling")
    print(f"    bare page boot + 1+1      : median {b_ms:7.0f} ms  runs {[round(v['ms']) for v in bare]}")
    print(f"    share link -> first result: median {c_ms:7.0f} ms  runs {[round(v['ms']) for v in calc]}")
    print(f"    ratio                     : {c_ms / b_ms:.3f}")
    if t_bare:
        tb, tc = med(v["ms"] for v in t_bare), med(v["ms"] for v in t_calc)
        cpu_note = sorted({n for v in t_bare + t_calc for n in v["worker_cpu"]})
        print(f"  TIME, cold, throttled ({THROTTLE['down_bps'] / 1e6:g} Mbps, {THROTTLE['latency_ms']} ms, "
              f"CPU {THROTTLE['cpu']}x on the page; in the workers: {'; '.join(cpu_note) or 'n/a'})")
        print(f"    bare page boot + 1+1      : median {tb:7.0f} ms  runs {[round(v['ms']) for v in t_bare]}")
        print(f"    share link -> first result: median {tc:7.0f} ms  runs {[round(v['ms']) for v in t_calc]}")
        print(f"    ratio                     : {tc / tb:.3f}  (aim <= 0.5)")
    print("  TIME, warm")
    print(f"    recompute after an input  : median {med(edits):.1f} ms, "
          f"p95 {pct(edits, 0.95):.1f} ms over {len(edits)}  (target p95 < 50 ms)")
    print(f"    back on calculator (instant nav): median {med(backs):.0f} ms, "
          f"max {max(backs):.0f} ms over {len(backs)}  (target < 150 ms)")
    print(f"    second visit (service worker cache + memory snapshot) -> first result: median "
          f"{med(again):.0f} ms, runs {[round(x) for x in again]} "
          f"({med(again) / b_ms:.2f} of the bare cold boot)")
    extra = sorted(set(calc[0]["urls"]) - set(bare[0]["urls"]))
    print(f"  requested by the calculator visit beyond the bare boot: {len(extra)} files")
    return 0


def warm_figures(browser, base: str, site: Path, n_edits: int, n_backs: int):
    context = browser.new_context()
    precache = {"gz9": 0, "files": 0}

    def sw_request(r):
        if r.service_worker:
            precache["gz9"] += gz9(site_file(site, base, r.url))
            precache["files"] += 1

    context.on("requestfinished", sw_request)
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
    return edits, backs, again, precache


if __name__ == "__main__":
    raise SystemExit(main())

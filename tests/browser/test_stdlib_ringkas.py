"""The trimmed standard library (scripts/stdlib_pyodide.mjs) in the browser: an engine that imports
a module the site's zip leaves out gets a clear Indonesian message from the worker, not a
Python traceback.

The site's own worker.js boots the site's own Pyodide and stdlib zip, with a stand-in engine wheel
(a data: URL) whose `calculator` imports `email.message` (in Pyodide's stock zip, not in ours).
"""

from __future__ import annotations

import base64
import io
import json
import zipfile

import pytest


def _wheel(init_py: str) -> str:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("calculator/__init__.py", init_py)
        zf.writestr("uji-0.0.0.dist-info/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        zf.writestr("uji-0.0.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: uji\nVersion: 0.0.0\n")
        zf.writestr("uji-0.0.0.dist-info/RECORD", "")
    return "data:application/zip;base64," + base64.b64encode(buf.getvalue()).decode()


RUN_WORKER = """async ([url, cfg, permintaan]) => {
  const w = new Worker(url, {type: "module"});
  const pesan = [];
  const selesai = new Promise((resolve) => {
    // A worker that cannot load (404, syntax error) must end the test, not hang it.
    w.onerror = (e) => { pesan.push({jenis: "galat-worker", pesan: String(e.message || e.type)}); resolve(); };
    w.onmessage = (e) => {
      pesan.push(e.data);
      if (e.data.jenis === "siap") w.postMessage({jenis: "hitung", id: 1, permintaan});
      if (e.data.jenis === "gagal" || e.data.jenis === "hasil") resolve();
    };
  });
  w.onerror = (e) => { pesan.push({jenis: "onerror", pesan: String(e.message || e)}); };
  w.postMessage(cfg);
  await Promise.race([selesai, new Promise((r) => setTimeout(r, 90000))]);
  w.terminate();
  return pesan;
}"""


@pytest.fixture
def cfg(built_site, site_server):
    manifest = json.loads((built_site / "assets/kalkulator/runtime.json").read_text())
    return {"jenis": "mulai", "pyodide": site_server + manifest["pyodide_dir"],
            "stdlib": site_server + manifest["stdlib"], "_worker": site_server + manifest["worker"]}


@pytest.mark.parametrize("where", ["boot", "hitung"])
def test_missing_stdlib_module_gives_an_indonesian_message(page, site_server, cfg, where):
    if where == "boot":   # imported with the engine: the worker cannot start
        init = "import email.message\ndef hitung(p):\n    return {}\n"
    else:                 # imported on the first request
        init = "def hitung(p):\n    import email.message\n    return {}\n"
    page.goto(site_server)
    pesan = page.evaluate(RUN_WORKER, [cfg["_worker"], {**cfg, "wheel": _wheel(init)}, "{}"])
    akhir = pesan[-1]
    teks = akhir.get("pesan") if where == "boot" else akhir.get("galat")
    assert akhir["jenis"] == ("gagal" if where == "boot" else "hasil"), pesan
    assert teks.startswith('Mesin hitung memerlukan modul Python "email'), teks
    assert "pengelola situs" in teks and "Traceback" not in teks



def test_search_index_waits_for_the_first_answer_then_search_works(page, site_server):
    # hooks/pyodide_runtime.py (issue 15): on a cold calculator visit, Material's search index
    # (~56 KB gzip) and its search worker's script (~12 KB) are requested only after the first
    # answer, not alongside Pyodide.
    diminta = []
    page.context.on("request", lambda r: diminta.append(r))
    page.add_init_script("window.__jfT = null; addEventListener('jf-hasil', () => {"
                         " if (window.__jfT === null) window.__jfT = performance.now(); });")
    raw = json.dumps({"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0,
                      "penilaian": [{"tahun": 2023, "predikat": "Baik"}]}).encode()
    page.goto(site_server + "kalkulator/#s=" + base64.urlsafe_b64encode(raw).decode().rstrip("="))
    page.wait_for_function("window.__jfT", timeout=120_000)
    mulai = page.wait_for_function(
        "(performance.getEntriesByType('resource').find(e => e.name.includes('search/search_index.json'))"
        " || {}).startTime", timeout=20_000).json_value()
    assert mulai >= page.evaluate("window.__jfT"), "search index requested before the first answer"
    # and the search still works
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("kenaikan", delay=40)  # key by key: Material listens to input events
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    # The search worker's script: requested by the page once, after the answer (the service
    # worker's offline precache fetches it too, apart; request start times are ms
    # since the epoch, as performance.timeOrigin).
    dijawab = page.evaluate("performance.timeOrigin + window.__jfT")
    skrip = [r for r in diminta if "/workers/search." in r.url and not r.service_worker]
    assert len(skrip) == 1, [r.url for r in skrip]
    assert skrip[0].timing["startTime"] >= dijawab, "search worker started before the first answer"
    # The calculator's own worker was made as before, at once (not held back with the search's).
    mesin = [r for r in diminta if r.url.endswith("/kalkulator/worker.js") and not r.service_worker]
    assert mesin and mesin[0].timing["startTime"] < dijawab

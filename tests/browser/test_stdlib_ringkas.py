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
    w.onmessage = (e) => {
      pesan.push(e.data);
      if (e.data.jenis === "siap") w.postMessage({jenis: "hitung", id: 1, permintaan});
      if (e.data.jenis === "gagal" || e.data.jenis === "hasil") resolve();
    };
  });
  w.postMessage(cfg);
  await selesai;
  w.terminate();
  return pesan;
}"""


@pytest.fixture
def cfg(built_site, site_server):
    manifest = json.loads((built_site / "assets/kalkulator/runtime.json").read_text())
    return {"jenis": "mulai", "pyodide": site_server + manifest["pyodide_dir"],
            "stdlib": site_server + manifest["stdlib"]}


@pytest.mark.parametrize("where", ["boot", "hitung"])
def test_missing_stdlib_module_gives_an_indonesian_message(page, site_server, cfg, where):
    if where == "boot":   # imported with the engine: the worker cannot start
        init = "import email.message\ndef hitung(p):\n    return {}\n"
    else:                 # imported on the first request
        init = "def hitung(p):\n    import email.message\n    return {}\n"
    page.goto(site_server)
    pesan = page.evaluate(RUN_WORKER, [site_server + "assets/kalkulator/worker.js",
                                       {**cfg, "wheel": _wheel(init)}, "{}"])
    akhir = pesan[-1]
    teks = akhir.get("pesan") if where == "boot" else akhir.get("galat")
    assert akhir["jenis"] == ("gagal" if where == "boot" else "hasil"), pesan
    assert teks.startswith('Mesin hitung memerlukan modul Python "email'), teks
    assert "pengelola situs" in teks and "Traceback" not in teks

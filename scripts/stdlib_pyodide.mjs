// The standard library zip the calculator's Pyodide boots from, made by Pyodide itself (Node).
//
//   node scripts/stdlib_pyodide.mjs PYODIDE_DIR ENGINE.whl OUT.zip
//
// Why: Pyodide's python_stdlib.zip holds sources, so every boot compiles the ~130 modules Python,
// Pyodide and the engine import; that is most of a plain boot (measured in Node: 3.8 s -> 1.3 s).
// This zip holds those modules already compiled (.pyc, compiled by the same Pyodide, so the
// bytecode matches its CPython), keeps every other module as source so that any import still
// works, and leaves out packages a calculator never needs (e-mail, HTTP, XML, asyncio's unused
// parts, extra text encodings, ...): it is smaller than the stock zip. The modules are found by
// doing what the browser does: unpack the wheel, import the engine, answer requests, and (in a
// second boot) make a memory snapshot. hooks/pyodide_runtime.py runs this and caches the result.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, wheelPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error("Penggunaan: node scripts/stdlib_pyodide.mjs PYODIDE_DIR ENGINE.whl OUT.zip");
  process.exit(2);
}
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const wheel = new Uint8Array(fs.readFileSync(wheelPath));

// What worker.js does, with requests that reach the engine's paths (valid, invalid, odd).
const EXERCISE = `
import sys, json
sys.path.insert(0, "/lib/panduan-jf")
import calculator
def _jf_hitung(teks):
    return json.dumps(calculator.hitung(json.loads(teks)), ensure_ascii=False)
for req in [
    {"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 37.125, "tanggal_pak": "2023-01-31",
     "tmt_golongan": "2021-10-01", "tmt_jenjang": "2021-10-01", "pendidikan": {"tanggal": "2024-03-01"},
     "penilaian": [{"tahun": 2023, "predikat": "Baik"}, {"mulai": "2024-01", "selesai": "2024-06", "predikat": "Sangat Baik"}],
     "proyeksi": {"predikat": "Baik"}, "uji_kompetensi": True, "desimal": 3},
    {"jenjang": "ahli_madya", "golongan": "IV/b", "ak_konvensional": 550.63},
    {"jenjang": "x", "penilaian": [{"tahun": "2023"}], "asing": 1}, [], "\\ud800", None, 1e308,
]:
    _jf_hitung(json.dumps(req))
calculator.aturan()
sys.version.split()[0]
`;
const USED = `
src = next(p for p in sys.path if p.endswith(".zip"))
sorted({m.__file__[len(src) + 1:] for m in list(sys.modules.values())
        if (getattr(m, "__file__", None) or "").startswith(src + "/")})
`;
const used = new Set();
for (const forSnapshot of [false, true]) {
  const py = await loadPyodide({ indexURL: pyodideDir + "/", _makeSnapshot: forSnapshot });
  py.unpackArchive(wheel, "wheel", { extractDir: "/lib/panduan-jf" });
  py.runPython(EXERCISE);
  if (forSnapshot) py.makeMemorySnapshot();
  else { const f = py.globals.get("_jf_hitung"); f("{}"); f.destroy(); }
  py.runPython(USED).toJs().forEach((n) => used.add(n));
  if (forSnapshot) continue;
  // Write the zip with this (plain) Pyodide, once both boots are known: see below.
  globalThis.__py = py;
}
const py = globalThis.__py;
py.FS.writeFile("/tmp/used.json", JSON.stringify([...used].sort()));
py.runPython(`
import importlib.util, io, json, marshal, zipfile
src = next(p for p in sys.path if p.endswith(".zip"))
used = set(json.load(open("/tmp/used.json")))
# Never needed by a calculator; anything of them that was imported above is kept anyway.
DROP = ("asyncio/", "concurrent/", "curses/", "dbm/", "email/", "encodings/", "ensurepip/", "html/",
        "http/", "idlelib/", "lib2to3/", "multiprocessing/", "pydoc_data/", "_pyrepl/", "sqlite3/",
        "tkinter/", "turtledemo/", "unittest/", "urllib/", "venv/", "wsgiref/", "xml/", "xmlrpc/")
out = io.BytesIO()
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
    for info in zin.infolist():
        name = info.filename
        if name in used:
            code = compile(zin.read(info), name, "exec", dont_inherit=True)
            # A sourceless .pyc: magic, flags 0, no source mtime/size to check against.
            name, data = name[:-3] + ".pyc", importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code)
        elif name.startswith(DROP) or name.endswith("/"):
            continue
        else:
            data = zin.read(info)
        entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        entry.compress_type = zipfile.ZIP_DEFLATED
        zout.writestr(entry, data)
open("/tmp/stdlib.zip", "wb").write(out.getvalue())
`);
fs.writeFileSync(outPath, py.FS.readFile("/tmp/stdlib.zip"));
console.log(`stdlib: ${used.size} modul terkompilasi, ${fs.statSync(outPath).size} B -> ${outPath}`);

// The standard library zip the calculator's Pyodide boots from, made by Pyodide itself (Node).
//
//   node scripts/stdlib_pyodide.mjs PYODIDE_DIR ENGINE.whl OUT.zip
//
// Why: Pyodide's python_stdlib.zip (2.4 MB, ~2.38 MB gzip) holds the sources of the whole standard
// library, and every boot compiles the ~130 modules Python, Pyodide and the engine import. This zip
// holds ONLY those modules, already compiled (.pyc, by the same Pyodide, so the bytecode matches
// its CPython), and nothing else: ~0.58 MB gzip, and a boot that compiles nothing.
//
// Which modules: found by doing what the calculator's worker does, in real Pyodide: unpack the
// wheel, import the engine, answer a broad set of requests built from calculator.aturan() (every
// jenjang x golongan x predikat, and odd or invalid input); then import every module that the
// engine modules so loaded name in an import statement (anywhere, also inside functions on paths
// no request reached: found with `ast`) and EXTRA below; and (in a second boot) make a memory
// snapshot as the worker does. Every module then loaded from the stock zip goes in. ENGINE.whl is
// the calculator page's wheel (hooks/pyodide_runtime.py), without the modules that page never
// loads (calculator/massal.py: the Cek massal page adds its own extras, hooks/massal_aset.py).
// The result is checked before it is written: two fresh boots from the new zip (plain and
// snapshot-making) run the same exercise; a ModuleNotFoundError fails the build. tests/node
// checks the built site's zip against the engine again.
//
// The .pyc files are made smaller than CPython's own, at no cost to what runs:
// - optimize=2 (as `python -OO`): no docstrings, no assert statements in the standard library (the
//   engine is not compiled here: it is in the wheel, as source, with its asserts and docstrings);
// - no location table (co_linetable empty): CPython 3.13's line and column tables are ~40% of a
//   .pyc and only tracebacks and debuggers read them. A traceback through the standard library then
//   shows "line None" (the engine's own frames keep their lines: it is not compiled here).
// hooks/pyodide_runtime.py runs this and caches the result in .cache/.
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
const ENGINE_DIR = "/lib/panduan-jf";

// Cheap to include for CSV text in the calculator's worker (io is built in; csv.pyc ~5 KB gzip).
// The bulk check (massal) has a worker of its own and adds what it needs beyond this zip
// (hooks/massal_aset.py).
const EXTRA = ["csv", "io"];

// What worker.js does (same wrapper), then everything the engine can reach.
const EXERCISE = `
import ast, importlib, json, sys
sys.path.insert(0, "${ENGINE_DIR}")
import calculator
def _jf_hitung(teks):
    return json.dumps(calculator.hitung(json.loads(teks)), ensure_ascii=False)

def _jf_imports():
    # What the engine modules loaded so far name in their import statements, anywhere (also
    # inside functions, on paths no request reached), as absolute names; "from a import b" as
    # "a" and "a.b" (b may be a submodule). Relative imports load more engine modules: followed.
    names, seen = set(), set()
    while True:
        loaded = [m for m in list(sys.modules.values())
                  if (getattr(m, "__file__", None) or "").startswith("${ENGINE_DIR}/calculator/")
                  and m.__name__ not in seen]
        if not loaded:
            return names
        for mod in loaded:
            seen.add(mod.__name__)
            package = mod.__name__ if mod.__file__.endswith("__init__.py") else mod.__name__.rpartition(".")[0]
            for node in ast.walk(ast.parse(open(mod.__file__, encoding="utf-8").read())):
                if isinstance(node, ast.Import):
                    names.update(a.name for a in node.names)
                elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                    names.add(node.module)
                    names.update(node.module + "." + a.name for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 1:
                    base = package + ("." + node.module if node.module else "")
                    for target in [base] + [base + "." + a.name for a in node.names]:
                        try:
                            importlib.import_module(target)
                        except ImportError:
                            pass  # an attribute, not a module

def _jf_trace():
    # A broad set of requests: every jenjang x every golongan x predikat, then odd input.
    a = calculator.aturan()
    predikat = [p["nama"] for p in a["predikat"]] + [p["kode"] for p in a["predikat"]]
    golongan = [g["kode"] for g in a["golongan"]]
    reqs = []
    i = 0
    for j in a["jenjang"]:
        for g in golongan:
            for p in predikat:
                i += 1
                q = predikat[(i + 1) % len(predikat)]
                reqs.append({
                    "jenjang": j["kode"], "golongan": g,
                    "ak_awal": [0, 7.5, 12.345, 100, "1.050,5", "25,75", 550.63][i % 7],
                    "tanggal_pak": ["2023-01-31", None, "2023-12-31"][i % 3],
                    "tmt_golongan": "2021-04-01", "tmt_jenjang": "2020-10-01",
                    "penilaian": [{"tahun": 2023, "predikat": p},
                                  {"mulai": "2024-01", "selesai": "2024-06", "predikat": q},
                                  {"mulai": "2024-07", "selesai": "2024-12", "predikat": p}],
                    "proyeksi": [{"predikat": "Baik"}, None, {"predikat": q, "mulai": "2025-01"}][i % 3],
                    "desimal": [2, 3, 0][i % 3],
                })
    reqs += [
        {"jenjang": "ahli_madya", "golongan": "IV/b", "ak_konvensional": 550.63},
        {"jenjang": "terampil", "golongan": "II/c", "ak_awal": 10, "pendidikan": {"tanggal": "2024-03-01"},
         "uji_kompetensi": True, "formasi_tersedia": False, "pengembangan_profesi": True,
         "tanggal_pak": "2023-12-31", "nama": "Contoh", "nip": "199001012020121001",
         "penilaian": [{"mulai": "2024-01", "selesai": "2024-12", "predikat": "Cukup"}]},
        {"jenjang": "x", "penilaian": [{"tahun": "2023"}], "asing": 1, "ak_awal": "dua puluh"},
        {"jenjang": "ahli_muda", "golongan": "III/c", "penilaian": [{"mulai": "2024-07", "selesai": "2024-02"}]},
        {"jenjang": "ahli_muda", "golongan": "III/c", "tanggal_hitung": "2031-02-29"},
        {"jenjang": "ahli_muda", "golongan": "III/c", "ak_awal": 1e308, "desimal": 99},
        {}, [], "\\ud800", None, 1e308, "x" * 1000, [[[[[]]]]],
    ]
    for r in reqs:
        _jf_hitung(json.dumps(r))
    sys.version.split()[0]
    for name in sorted(_jf_imports() | set(${JSON.stringify(EXTRA)})):
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # not a module, or not in Pyodide's stdlib either: the same without the trim

_jf_trace()
`;
// Modules loaded from the stock zip (not frozen, not built in), as paths inside the zip.
const USED = `
src = next(p for p in sys.path if p.endswith(".zip"))
sorted({m.__spec__.origin[len(src) + 1:] for m in list(sys.modules.values())
        if getattr(m, "__spec__", None) and (m.__spec__.origin or "").startswith(src + "/")})
`;

async function exercise(options, forSnapshot) {
  const py = await loadPyodide({ indexURL: pyodideDir + "/", stdout: () => {}, ...options,
                                 _makeSnapshot: forSnapshot });
  py.unpackArchive(wheel, "wheel", { extractDir: ENGINE_DIR });
  py.runPython(EXERCISE);
  if (forSnapshot) py.makeMemorySnapshot();
  else {
    const f = py.globals.get("_jf_hitung");
    f("{}");
    f.destroy();
  }
  return py;
}

const used = new Set();
for (const forSnapshot of [false, true]) {
  const py = await exercise({}, forSnapshot);
  py.runPython(USED).toJs().forEach((n) => used.add(n));
}
// A fresh Pyodide writes the zip: the same input gives the same bytes (marshal's output depends
// on the interpreter's state), so the file's hashed name changes only when its content must.
const writer = await loadPyodide({ indexURL: pyodideDir + "/", stdout: () => {} });
writer.FS.writeFile("/tmp/used.json", JSON.stringify([...used].sort()));
writer.runPython(`
import importlib.util, io, json, marshal, sys, zipfile
src = next(p for p in sys.path if p.endswith(".zip"))
used = json.load(open("/tmp/used.json"))

def no_locations(code):
    # PEP 626: an empty location table is valid; every instruction then has line None.
    consts = tuple(no_locations(c) if isinstance(c, type(code)) else c for c in code.co_consts)
    return code.replace(co_linetable=b"", co_consts=consts)

out = io.BytesIO()
# Entries stored, not deflated: hooks/pyodide_runtime.py gzips the whole file, which compresses
# across modules (~45 KB smaller than a zip of deflated entries), and imports need no inflating.
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zout:
    for name in used:
        if not name.endswith(".py"):
            raise SystemExit(f"bukan modul sumber: {name}")
        code = compile(zin.read(name), name, "exec", dont_inherit=True, optimize=2)
        # A sourceless .pyc: magic, flags 0, no source mtime/size to check against.
        data = importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(no_locations(code))
        entry = zipfile.ZipInfo(name + "c", date_time=(1980, 1, 1, 0, 0, 0))
        entry.compress_type = zipfile.ZIP_STORED
        entry.external_attr = 0o644 << 16
        zout.writestr(entry, data)
open("/tmp/stdlib.zip", "wb").write(out.getvalue())
`);
const bytes = writer.FS.readFile("/tmp/stdlib.zip");
const tmpOut = outPath + ".uji.zip";
fs.writeFileSync(tmpOut, bytes);

// Check: the same exercise on fresh boots from the new zip alone (plain, then snapshot-making).
for (const forSnapshot of [false, true]) {
  try {
    await exercise({ stdLibURL: tmpOut }, forSnapshot);
  } catch (err) {
    fs.rmSync(tmpOut, { force: true });
    console.error(`Pustaka standar ringkas tidak cukup untuk mesin hitung: ${String(err.message || err).slice(-1500)}`);
    process.exit(1);
  }
}
fs.renameSync(tmpOut, outPath);
console.log(`stdlib: ${used.size} modul terkompilasi, ${bytes.length} B -> ${outPath}`);

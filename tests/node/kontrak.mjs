// Loads Pyodide from node_modules, installs the BUILT engine wheel (the very file the site serves)
// and answers each request of a JSON list with calculator.hitung() as JSON text, exactly as the
// browser's worker does, booted from the site's precompiled stdlib zip like the worker.
// Usage: node kontrak.mjs WHEEL.whl CASES.json STDLIB.zip [IMPORTS.json]  -> JSON on stdout.
// After the cases, every module the loaded engine modules name in an import statement (anywhere,
// also inside functions; found with ast), plus the names in IMPORTS.json, is imported from
// STDLIB.zip; `impor` in the output lists those that fail there but import from Pyodide's stock
// zip, i.e. left out of the site's trimmed zip.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const pyodideDir = path.resolve(here, "..", "..", "node_modules", "pyodide");
const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));

const [wheelPath, casesPath, stdlibGiven, importsPath] = process.argv.slice(2);
// The site serves the stdlib zip gzipped as one file (.zip.gz); the browser's worker unpacks it.
let stdlibPath = stdlibGiven;
if (stdlibGiven.endsWith(".gz")) {
  stdlibPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kontrak-")), "python_stdlib.zip");
  fs.writeFileSync(stdlibPath, zlib.gunzipSync(fs.readFileSync(stdlibGiven)));
}
const info = JSON.parse(fs.readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8")).info;
// The same trimmed lock the site serves: no package, so nothing can be fetched from a CDN.
const py = await loadPyodide({
  indexURL: pyodideDir + path.sep,
  lockFileContents: JSON.stringify({ info, packages: {} }),
  stdLibURL: stdlibPath,
  stdout: () => {},
  stderr: (m) => process.stderr.write(m + "\n"),
});
py.unpackArchive(new Uint8Array(fs.readFileSync(wheelPath)), "wheel", { extractDir: "/lib/panduan-jf" });
py.runPython(`
import sys, json
sys.path.insert(0, "/lib/panduan-jf")
import calculator
def _jf_hitung(teks):
    return json.dumps(calculator.hitung(json.loads(teks)), ensure_ascii=False)
`);
const hitung = py.globals.get("_jf_hitung");
const cases = JSON.parse(fs.readFileSync(casesPath, "utf8"));
const out = cases.map((c) => hitung(JSON.stringify(c)));
const where = py.runPython("calculator.__file__");
const version = py.runPython("import sys; sys.version.split()[0]");
// Which standard library files the engine and Pyodide ran, from the zip: .pyc or .py source.
const stdlib = py.runPython(`
src = next(p for p in sys.path if p.endswith(".zip"))
json.dumps(sorted({m.__file__[len(src) + 1:] for m in list(sys.modules.values())
                   if (getattr(m, "__file__", None) or "").startswith(src + "/")}))
`);
// "from a import b" is passed as "a.b" too: fine when b is an attribute of a.
const CEK_IMPOR = `
import importlib, json
def _cek(name):
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as exc:
        parent, _, attr = name.rpartition(".")
        if parent and exc.name == name:
            try:
                if hasattr(importlib.import_module(parent), attr):
                    return None
            except ImportError:
                pass
        return f"{type(exc).__name__}: {exc}"
    return None
def _cek_semua(names):
    return json.dumps({n: e for n in names if (e := _cek(n))})
def _impor_mesin():
    import ast
    names = set()
    for m in list(sys.modules.values()):
        f = getattr(m, "__file__", None) or ""
        if f.startswith("/lib/panduan-jf/calculator/"):
            for node in ast.walk(ast.parse(open(f, encoding="utf-8").read())):
                if isinstance(node, ast.Import):
                    names.update(a.name for a in node.names)
                elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                    names.add(node.module)
                    names.update(node.module + "." + a.name for a in node.names)
    return sorted(names)
`;
let impor = {};
if (importsPath) {
  py.runPython(CEK_IMPOR);
  const names = JSON.stringify([...py.runPython("_impor_mesin()").toJs(),
                                ...JSON.parse(fs.readFileSync(importsPath, "utf8"))]);
  impor = JSON.parse(py.runPython(`_cek_semua(json.loads(${JSON.stringify(names)}))`));
  if (Object.keys(impor).length) {
    // Only what Pyodide's own stdlib has counts as left out (an optional import may fail anyway).
    const stock = await loadPyodide({ indexURL: pyodideDir + path.sep, stdout: () => {} });
    stock.runPython(CEK_IMPOR);
    const failing = JSON.stringify(JSON.stringify(Object.keys(impor)));
    const alsoStock = JSON.parse(stock.runPython(`_cek_semua(json.loads(${failing}))`));
    for (const n of Object.keys(alsoStock)) delete impor[n];
  }
}
process.stdout.write(JSON.stringify({ pyodide: py.version, python: version, calculator: where, hasil: out,
                                      stdlib: JSON.parse(stdlib), impor }));

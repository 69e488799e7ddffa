// Loads Pyodide from node_modules, installs the BUILT engine wheel (the very file the site serves)
// and answers each request of a JSON list with calculator.hitung() as JSON text, exactly as the
// browser's worker does, booted from the site's precompiled stdlib zip like the worker.
// Usage: node kontrak.mjs WHEEL.whl CASES.json STDLIB.zip [IMPORTS.json [EXTRA.whl|EXTRA.zip ...]]
//   -> JSON on stdout.
// EXTRA archives are unpacked beside the engine, as the Cek massal page's worker does (openpyxl,
// et-xmlfile, its stdlib bits). After the cases, the names in IMPORTS.json are imported, then every
// module that an engine module IN THE WHEEL (every one, loaded or not) names in an import statement
// (anywhere, also inside functions; found with ast; relative imports as calculator.x): those that
// fail to import from STDLIB.zip (and the extras) but import from Pyodide's stock zip, i.e. left
// out of the site's trimmed zip, and any engine module the wheel lacks, are listed in `impor`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const pyodideDir = path.resolve(here, "..", "..", "node_modules", "pyodide");
const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));

const [wheelPath, casesPath, stdlibGiven, importsPath, ...extras] = process.argv.slice(2);
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
const archives = [wheelPath, ...extras];
function unpackAll(p) {
  for (const a of archives) {
    p.unpackArchive(new Uint8Array(fs.readFileSync(a)), a.endsWith(".zip") ? "zip" : "wheel",
                    { extractDir: "/lib/panduan-jf" });
  }
}
unpackAll(py);
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
    import ast, pathlib
    names = set()
    for f in sorted(pathlib.Path("/lib/panduan-jf/calculator").rglob("*.py")):
        package = ".".join(f.parent.relative_to("/lib/panduan-jf").parts)
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and (node.module or node.level):
                module = node.module or ""
                if node.level:
                    up = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    module = up + ("." + module if module else "")
                names.add(module)
                names.update(module + "." + a.name for a in node.names)
    return sorted(names)
`;
let impor = {};
if (importsPath) {
  py.runPython(CEK_IMPOR);
  // The given names first (one may be an engine module the cases do not load, e.g.
  // calculator.massal), then what every engine module in the wheel imports.
  const given = JSON.stringify(JSON.stringify(JSON.parse(fs.readFileSync(importsPath, "utf8"))));
  impor = JSON.parse(py.runPython(`_cek_semua(json.loads(${given}))`));
  const names = JSON.stringify(JSON.stringify(py.runPython("_impor_mesin()").toJs()));
  Object.assign(impor, JSON.parse(py.runPython(`_cek_semua(json.loads(${names}))`)));
  if (Object.keys(impor).length) {
    // Only what Pyodide's own stdlib has counts as left out of the trimmed zip (an optional import
    // may fail anyway): checked again on a stock boot with the same wheel and extras. A module of
    // the engine itself that the wheel lacks fails there too, and stays listed.
    const stock = await loadPyodide({ indexURL: pyodideDir + path.sep, stdout: () => {} });
    unpackAll(stock);
    stock.runPython(`import sys; sys.path.insert(0, "/lib/panduan-jf")`);
    stock.runPython(CEK_IMPOR);
    const failing = JSON.stringify(JSON.stringify(Object.keys(impor)));
    const alsoStock = JSON.parse(stock.runPython(`_cek_semua(json.loads(${failing}))`));
    for (const n of Object.keys(alsoStock)) {
      if (n.split(".")[0] !== "calculator") delete impor[n];
    }
  }
}
process.stdout.write(JSON.stringify({ pyodide: py.version, python: version, calculator: where, hasil: out,
                                      stdlib: JSON.parse(stdlib), impor }));

// Loads Pyodide from node_modules, installs the BUILT engine wheel (the very file the site serves)
// and answers each request of a JSON list with calculator.hitung() as JSON text, exactly as the
// browser's worker does, booted from the site's precompiled stdlib zip like the worker.
// Usage: node kontrak.mjs WHEEL.whl CASES.json STDLIB.zip  -> JSON on stdout.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const pyodideDir = path.resolve(here, "..", "..", "node_modules", "pyodide");
const { loadPyodide } = await import(path.join(pyodideDir, "pyodide.mjs"));

const [wheelPath, casesPath, stdlibPath] = process.argv.slice(2);
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
process.stdout.write(JSON.stringify({ pyodide: py.version, python: version, calculator: where, hasil: out,
                                      stdlib: JSON.parse(stdlib) }));

"""MkDocs hook: the browser calculator's runtime, served from the site itself.

What it adds to the build (nothing is fetched from another host, ever):

- ``pyodide/<version>/``: only the files Pyodide needs to boot, copied from ``node_modules/pyodide``
  (pinned in package.json / package-lock.json), plus a trimmed ``pyodide-lock.json``: the engine is
  stdlib-only, so the lock lists no package (the full one is 120 KB of packages the site does not
  ship, and asking for one of them would make Pyodide try a CDN).
- ``assets/kalkulator/mesin/<sha256[:16]>/<name>-<version>-py3-none-any.whl``: the engine
  (``calculator/`` and its rules data, nothing else) as a pure wheel, made by the project's own
  build backend (``python -m build --wheel``, setuptools) from a copy of the sources in a temporary
  folder, with ``SOURCE_DATE_EPOCH`` fixed: byte-for-byte reproducible, so the same sources give the
  same hash and browsers keep their cached copy until the engine really changes. tests/node proves
  it loads and computes in real Pyodide; tests/repo that two builds are identical.
  The calculator page's wheel holds only the modules ``import calculator`` can reach
  (``page_modules()``: the package's relative imports followed from ``__init__.py``, also those
  inside functions) and the data: not ``massal.py``, ``tabel.py`` nor ``__main__.py`` (~23 KB of a
  ~71 KB wheel, issue 15). The same package built whole (``engine_wheel(lengkap=True)``) is what
  the Cek massal page loads (hooks/massal_aset.py). One engine, the same sources: fewer files.
- ``pyodide/<version>/python_stdlib-<sha256[:12]>.zip.gz`` instead of Pyodide's own stdlib zip:
  only the modules Python, Pyodide and the calculator page import, already compiled (no
  docstrings, no line tables), made and checked by Pyodide itself (scripts/stdlib_pyodide.mjs,
  cached in ``.cache/``), a zip of stored entries gzipped as one file: 0.58 MB against 2.38 MB
  (gzip), on every host, compressing or not, and a boot that compiles nothing (Node: ~3.8 s ->
  ~1.3 s). The workers unpack it with the browser's DecompressionStream and pass it to Pyodide as
  ``stdLibURL`` (a blob: URL). A module it lacks raises ModuleNotFoundError, which the worker
  reports in Indonesian; tests/node checks every import of the engine against the built zip.
- ``assets/kalkulator/runtime.json``: a manifest (Pyodide version, runtime files, wheel URL and
  sha256) read by hooks/offline.py to version the service worker's cache.
- On the calculator page, ``<!-- kalkulator:konfigurasi -->`` becomes a hidden element whose
  data attribute holds ``calculator.aturan()`` (jenjang, golongan per jenjang, predikat) rendered at build time, so the
  form is filled before Python is ready and no rule is written twice, plus a tiny inline script that
  starts the Web Worker while the rest of the page is still loading.
"""

from __future__ import annotations

import ast
import gzip
import hashlib
import html
import importlib.metadata
import json
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from scripts import simpanan

log = logging.getLogger("mkdocs.hooks.pyodide_runtime")

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
ENGINE_DIR = ROOT / "calculator"
CALCULATOR_PAGE = "kalkulator/index.md"
MARKER = "<!-- kalkulator:konfigurasi -->"
# pyodide.asm.js before 314, pyodide.asm.mjs from 314 on: whichever the pinned version has.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.js", "pyodide.asm.wasm")
STDLIB_SCRIPT = ROOT / "scripts" / "stdlib_pyodide.mjs"
# The machine's build cache (scripts/simpanan.py): entries named by a hash of their sources.
CACHE_DIR = simpanan.folder("pyodide-stdlib")
WHEEL_CACHE_DIR = simpanan.folder("engine-wheel")
# Timestamps inside the wheel: 1980-01-01, the earliest a zip file can hold.
SOURCE_DATE_EPOCH = "315532800"

_state: dict = {}


def pyodide_version() -> str:
    pkg = PYODIDE_DIR / "package.json"
    if not pkg.is_file():
        raise PluginError("node_modules/pyodide tidak ada: jalankan `bash scripts/setup` (npm ci).")
    return json.loads(pkg.read_text(encoding="utf-8"))["version"]


def _module_file(name: str) -> Path | None:
    """The file of engine module `name` ("calculator.x.y" or "x.y" inside the package), if any."""
    parts = name.split(".")
    if parts[0] == "calculator":
        parts = parts[1:]
    if not parts:
        return ENGINE_DIR / "__init__.py"
    base = ENGINE_DIR.joinpath(*parts)
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def page_modules() -> set[Path]:
    """The engine modules `import calculator` can reach: its imports of its own modules (relative,
    or absolute as ``calculator.x``), followed from ``__init__.py``, anywhere in a module (also
    inside functions, on paths no request may take). The calculator page's wheel holds these; the
    command line (``__main__.py``), the guide's tables (``tabel.py``) and Cek massal (``massal.py``)
    are not reached from there and stay out (issue 15)."""
    seen: set[Path] = set()
    todo = [ENGINE_DIR / "__init__.py"]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        package = ".".join(path.parent.relative_to(ENGINE_DIR.parent).parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.split(".")[0] == "calculator"]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    up = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    module = up + ("." + node.module if node.module else "")
                elif node.module and node.module.split(".")[0] == "calculator":
                    module = node.module
                else:
                    continue
                targets = [module] + [f"{module}.{a.name}" for a in node.names]
            for name in targets:  # "from . import x": x may be a module or an attribute
                found = _module_file(name)
                if found is not None:
                    todo.append(found)
                    # a submodule's packages are imported too
                    parent = found.parent
                    while parent != ENGINE_DIR and (parent / "__init__.py").is_file():
                        todo.append(parent / "__init__.py")
                        parent = parent.parent
    return seen


def engine_sources(lengkap: bool = True) -> list[Path]:
    """The files that go into the wheel: the package's Python modules and its data, no caches;
    with ``lengkap=False`` only the modules of the calculator page (page_modules()) and the data."""
    files = []
    page = None if lengkap else page_modules()
    for path in sorted(ENGINE_DIR.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix in {".pyc", ".pyo"}:
            continue
        rel = path.relative_to(ENGINE_DIR)
        if rel.parts[0] == "data" or (path.suffix == ".py" and (page is None or path in page)):
            files.append(path)
    return files


def build_wheel(lengkap: bool = True) -> tuple[str, bytes]:
    """Return (file name, bytes) of the engine's py3-none-any wheel, reproducibly: the whole
    package, or (``lengkap=False``) the calculator page's part of it (engine_sources()).

    The sources are copied to a temporary folder first: setuptools leaves ``build/`` and
    ``*.egg-info`` beside them, and a stale ``build/lib`` would put deleted modules in the wheel.
    """
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "dist"
        for path in [ROOT / "pyproject.toml", *engine_sources(lengkap)]:
            dest = src / path.relative_to(ROOT)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(path.read_bytes())
            dest.chmod(0o644)  # the wheel records file modes: not the umask of the machine
        env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        try:
            subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation",
                            "--outdir", str(out), str(src)],
                           check=True, capture_output=True, text=True, env=env, timeout=300,
                           umask=0o022)  # RECORD is written with the process's umask
        except subprocess.CalledProcessError as exc:
            raise PluginError(f"python -m build --wheel gagal:\n{(exc.stdout + exc.stderr)[-2000:]}") from exc
        wheels = list(out.glob("*-py3-none-any.whl"))
        if len(wheels) != 1:
            raise PluginError(f"python -m build --wheel: satu wheel py3-none-any diharapkan, ada {wheels}")
        return wheels[0].name, wheels[0].read_bytes()


def engine_wheel(lengkap: bool = False) -> tuple[str, bytes]:
    """build_wheel(lengkap), cached: the calculator page's wheel, or the whole package's."""
    # Cache by a hash of the sources: `mkdocs serve` rebuilds on every save.
    key = hashlib.sha256()
    for path in engine_sources(lengkap):
        key.update(path.relative_to(ENGINE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    key.update((ROOT / "pyproject.toml").read_bytes())
    key.update(importlib.metadata.version("setuptools").encode())  # the backend writes its version
    digest = key.hexdigest()
    slot = "wheel_lengkap" if lengkap else "wheel"
    if _state.get(slot + "_key") != digest:
        # And on disk (~4 s to build): every `mkdocs build` would otherwise pay for it.
        cached = WHEEL_CACHE_DIR / digest[:16]
        found = sorted(cached.glob("*.whl")) if cached.is_dir() else []
        if found:
            _state[slot] = found[0].name, found[0].read_bytes()
        else:
            _state[slot] = build_wheel(lengkap)
            simpanan.simpan(cached / _state[slot][0], _state[slot][1])  # builds may run side by side
        _state[slot + "_key"] = digest
    return _state[slot]


def engine_imports() -> list[str]:
    """Modules the engine's sources name in an import statement, anywhere (also inside functions),
    with "from a import b" as both "a" and "a.b": a new one changes which stdlib modules the zip
    must hold (the zip's cache key; tests/node checks each against the built zip)."""
    names = set()
    for path in engine_sources():
        if path.suffix != ".py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{a.name}" for a in node.names if a.name != "*")
    return sorted(names)


def _stdlib(version: str, wheel_bytes: bytes) -> bytes:
    """The trimmed, precompiled stdlib zip, from the cache or made now (~20 s, Node + Pyodide)."""
    key = hashlib.sha256(version.encode() + b"\0" + STDLIB_SCRIPT.read_bytes() + b"\0"
                         + " ".join(engine_imports()).encode()).hexdigest()[:16]
    cached = CACHE_DIR / f"python_stdlib-{version}-{key}.zip"
    if not cached.is_file():
        with tempfile.TemporaryDirectory() as tmp:
            wheel = Path(tmp) / "mesin.whl"
            wheel.write_bytes(wheel_bytes)
            out = Path(tmp) / "stdlib.zip"
            try:
                subprocess.run(["node", str(STDLIB_SCRIPT), str(PYODIDE_DIR), str(wheel), str(out)],
                               check=True, capture_output=True, text=True, timeout=300)
            except FileNotFoundError as exc:
                raise PluginError("Node.js tidak ada: jalankan `bash scripts/setup`.") from exc
            except subprocess.CalledProcessError as exc:
                raise PluginError(f"scripts/stdlib_pyodide.mjs gagal:\n{exc.stderr[-2000:]}") from exc
            log.info("pyodide_runtime: stdlib terkompilasi dibuat (%d B)", out.stat().st_size)
            simpanan.simpan(cached, out.read_bytes())
    return cached.read_bytes()


def _glue_sha(docs_dir: Path) -> str:
    """sha256 of the calculator's worker script(s): the Python they run at boot (sys.path, the
    `_jf_hitung` wrapper) ends up inside the memory snapshot, so a change there needs a new one."""
    key = hashlib.sha256()
    for path in sorted((docs_dir / "assets" / "kalkulator").glob("worker*")):
        key.update(path.name.encode() + b"\0" + path.read_bytes())
    return key.hexdigest()


def _trimmed_lock() -> bytes:
    lock = json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text(encoding="utf-8"))
    return json.dumps({"info": lock["info"], "packages": {}}, separators=(",", ":")).encode()


def _aturan() -> dict:
    import calculator  # noqa: PLC0415 - the engine (installed editable), at build time

    try:
        data = calculator.aturan()
    except Exception as exc:  # the engine must give the form its options
        raise PluginError(f"calculator.aturan() gagal: {exc!r}") from exc
    from calculator import validation  # noqa: PLC0415 - the engine's row limit, for the form

    # Only what the form needs (options, their names, the engine's labels for its fields, the
    # row limit); the full snapshot is ~20 KB.
    return {
        "versi": data["versi"],
        "kategori": {k: {"nama": v["nama"]} for k, v in data.get("kategori", {}).items()},
        "label_kolom": data.get("label_kolom"),
        "penilaian_maksimum": data.get("penilaian_maksimum", validation.PENILAIAN_MAKSIMUM),
        "jenjang": [{k: j[k] for k in ("kode", "nama", "kategori", "golongan")}
                    for j in data["jenjang"]],
        "golongan": [{"kode": g["kode"], "pangkat": g["pangkat"]} for g in data["golongan"]],
        "predikat": [{k: p[k] for k in ("kode", "nama", "label", "persentase")}
                     for p in data["predikat"]],
    }


def on_files(files, config):
    version = pyodide_version()
    base = f"pyodide/{version}/"
    runtime = []
    for name in RUNTIME_FILES:
        src = PYODIDE_DIR / name
        if src.is_file():
            files.append(File.generated(config, base + name, abs_src_path=str(src)))
            runtime.append(base + name)
    files.append(File.generated(config, base + "pyodide-lock.json", content=_trimmed_lock()))
    runtime.append(base + "pyodide-lock.json")

    wheel_name, wheel_bytes = engine_wheel()
    sha = hashlib.sha256(wheel_bytes).hexdigest()
    wheel_uri = f"assets/kalkulator/mesin/{sha[:16]}/{wheel_name}"
    files.append(File.generated(config, wheel_uri, content=wheel_bytes))
    # gzip as one file (reproducible: no name, mtime 0); a host's own compression finds nothing
    # more to take, and the workers check the gzip magic in case a host already decoded it.
    stdlib = gzip.compress(_stdlib(version, wheel_bytes), compresslevel=9, mtime=0)
    stdlib_sha = hashlib.sha256(stdlib).hexdigest()
    stdlib_uri = f"{base}python_stdlib-{stdlib_sha[:12]}.zip.gz"
    files.append(File.generated(config, stdlib_uri, content=stdlib))
    runtime.append(stdlib_uri)
    # Bytes of each file a boot fetches, so the page can show the download in percent.
    ukuran = {rel: (PYODIDE_DIR / rel.rsplit("/", 1)[1]).stat().st_size
              for rel in runtime if rel.endswith(".wasm")}
    ukuran.update({stdlib_uri: len(stdlib), wheel_uri: len(wheel_bytes)})
    glue = _glue_sha(Path(config["docs_dir"]))
    manifest = {
        "pyodide": version,
        "pyodide_dir": base,
        "runtime": runtime,
        "stdlib": stdlib_uri,
        "stdlib_sha256": stdlib_sha,
        "wheel": wheel_uri,
        "wheel_sha256": sha,
        "wheel_bytes": len(wheel_bytes),
        # A memory snapshot holds Pyodide, the engine, the stdlib's import state and whatever the
        # worker's Python glue defined: bound to all four.
        "snapshot_cache": f"panduan-jf-snapshot-{version}-{sha[:16]}-{stdlib_sha[:8]}-{glue[:8]}",
        # Under the folder named by the assets' content (hooks/versi_aset.py).
        "worker": config["extra"].get("versi_aset", "assets/") + "kalkulator/worker.js",
        "ukuran": ukuran,
    }
    _state["manifest"] = manifest
    files.append(File.generated(config, "assets/kalkulator/runtime.json",
                                content=json.dumps(manifest, indent=1)))
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != CALCULATOR_PAGE:
        return markdown
    if MARKER not in markdown:
        raise PluginError(f"{CALCULATOR_PAGE}: penanda {MARKER} tidak ada.")
    manifest = _state["manifest"]
    root = get_relative_url(".", page.url) or "."
    root = root.rstrip("/") + "/"
    konfigurasi = {"aturan": _aturan(), "runtime": manifest, "root": root}
    # In an attribute, not a JSON <script>: Material's instant navigation re-creates the scripts
    # of a new page as JavaScript, and a JSON one then throws and stops the page swap.
    payload = html.escape(json.dumps(konfigurasi, ensure_ascii=False, separators=(",", ":")))
    block = (f'<div id="kalkulator-konfigurasi" hidden data-konfigurasi="{payload}"></div>\n'
             f"{_start_script(root, manifest)}\n")
    return markdown.replace(MARKER, block)


def _start_script(root: str, manifest: dict) -> str:
    """A tiny inline script that starts the engine's Web Worker at once: Pyodide's boot is most of
    the wait. kalkulator.js adopts this worker (window.__jfMesin) later. The URLs are literals
    relative to the calculator page, so it needs nothing else from the page."""
    def js(value: str) -> str:
        return json.dumps(value).replace("<", "\\u003c")
    return (
        "<script>(function(){if(window.__jfMesin||!window.Worker)return;"
        f"var r=new URL({js(root)},location.href),m={{pesan:[]}};"
        f"var s={{jenis:'mulai',pyodide:new URL({js(manifest['pyodide_dir'])},r).href,"
        f"stdlib:new URL({js(manifest['stdlib'])},r).href,snapshot:{js(manifest['snapshot_cache'])},"
        f"wheel:new URL({js(manifest['wheel'])},r).href,sha256:{js(manifest['wheel_sha256'])}}};"
        # The start message as the worker's name too: it boots at once (see worker.js).
        f"m.worker=new Worker(new URL({js(manifest['worker'])},r),{{type:'module',name:JSON.stringify(s)}});"
        "m.worker.onmessage=function(e){m.pesan.push(e.data)};m.worker.postMessage(s);"
        "window.__jfMesin=m})();</script>"
    )


def on_post_page(output, page, config):
    # On a full load of the calculator page, start the worker from the top of <head>, before the
    # stylesheets (an inline script waits for the stylesheets above it). The copy in the content
    # serves Material's instant navigation, which swaps the content but not the head; whichever
    # runs first starts the worker, the other sees window.__jfMesin and does nothing.
    if page.file.src_uri != CALCULATOR_PAGE:
        return output
    root = (get_relative_url(".", page.url) or ".").rstrip("/") + "/"
    charset = '<meta charset="utf-8">'
    if charset not in output:
        raise PluginError(f"{CALCULATOR_PAGE}: {charset} tidak ditemukan di <head>.")
    return output.replace(charset, charset + _start_script(root, _state["manifest"])
                          + SEARCH_AFTER_ANSWER, 1)


# On a full load of the calculator page, Material's search starts its Web Worker (the script,
# ~12 KB gzip) and fetches its index (search_index.json, ~60 KB gzip) at once, sharing a slow link
# with Pyodide. This holds those two back until the first answer is on screen (jf-hasil) or the
# reader does anything on the page (focus, a click, a key: also when the calculator failed); the
# search then works as before. Nothing else is held (issue 15).
SEARCH_AFTER_ANSWER = (
    "<script>(function(){var X=window.XMLHttpRequest&&XMLHttpRequest.prototype;"
    "if(!X||window.__jfCariTunda)return;"
    "var buka,tunda=new Promise(function(r){buka=r});window.__jfCariTunda=tunda;"
    "function lepas(){buka()}"
    "addEventListener('jf-hasil',lepas,{once:true});"
    "['focusin','keydown','pointerdown'].forEach(function(t){addEventListener(t,lepas,{once:true,capture:true})});"
    # Material fetches the index with XMLHttpRequest: hold back send() for that URL only.
    "var o=X.open,k=X.send;X.open=function(m,u){this.__jfCari=/search\\/search_index\\.json(\\?|$)/.test(String(u));"
    "return o.apply(this,arguments)};X.send=function(){var x=this,a=arguments;"
    "if(x.__jfCari){tunda.then(function(){k.apply(x,a)});return}return k.apply(x,a)};"
    # Material makes its search worker with `new Worker(url)` and then only posts to it and listens
    # to "message": for that URL only, a stand-in that keeps the posts and starts the real worker
    # when the index is let go; every other worker (the calculator's) is made as before.
    "var W=window.Worker;if(!W||typeof EventTarget!=='function')return;"
    "var C=function(u,p){if(!/\\/workers\\/search\\.[^\\/]*\\.js(\\?|$)/.test(String(u)))return new W(u,p);"
    "var t=new EventTarget(),q=[],w=null;"
    "t.postMessage=function(m){w?w.postMessage(m):q&&q.push(m)};"
    "t.terminate=function(){q=null;if(w)w.terminate()};"
    "tunda.then(function(){if(!q)return;w=new W(u,p);"
    "w.onmessage=function(e){t.dispatchEvent(new MessageEvent('message',{data:e.data}))};"
    "w.onerror=function(){t.dispatchEvent(new Event('error'))};"
    "q.forEach(function(m){w.postMessage(m)});q=[]});return t};"
    "C.prototype=W.prototype;window.Worker=C})();</script>"
)

"""The service worker and runtime files the build produces (no browser needed)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def sw_constants(site):
    text = (site / "sw.js").read_text(encoding="utf-8")
    consts = dict(re.findall(r'^const (\w+) = (.+?);(?: //.*)?$', text, re.M))
    out = {k: json.loads(v) for k, v in consts.items()
           if k in {"VERSI", "KODE", "CACHE_RUNTIME", "CACHE_SNAPSHOT", "MANIFEST", "RUNTIME"}}
    out["PRECACHE"] = [e["url"] for e in out["MANIFEST"]]
    return out


def test_cache_names_are_bound_to_pyodide_wheel_stdlib_and_glue(built_site):
    manifest = json.loads((built_site / "assets/kalkulator/runtime.json").read_text())
    c = sw_constants(built_site)
    pyodide, wheel = manifest["pyodide"], manifest["wheel_sha256"][:16]
    assert re.fullmatch(r"[0-9a-f]{12}", c["VERSI"])
    assert c["CACHE_RUNTIME"] == f"panduan-jf-runtime-{pyodide}-{wheel}"
    stdlib = manifest["stdlib_sha256"][:8]
    glue = hashlib.sha256()
    for path in sorted((ROOT / "docs/assets/kalkulator").glob("worker*")):
        glue.update(path.name.encode() + b"\0" + path.read_bytes())
    assert c["CACHE_SNAPSHOT"] == manifest["snapshot_cache"] == (
        f"panduan-jf-snapshot-{pyodide}-{wheel}-{stdlib}-{glue.hexdigest()[:8]}")
    # the code version the worker reports is the one every page carries
    versi = json.loads((built_site / "versi.json").read_text())
    assert c["KODE"] == versi["kode"] and re.fullmatch(r"[0-9a-f]{12}", c["KODE"])
    html = (built_site / "angka-kredit/index.html").read_text(encoding="utf-8")
    assert f'class="jf-versi" hidden data-versi="{c["KODE"]}"' in html


def test_manifest_revisions_are_the_files_content(built_site):
    # Workbox precaches by (url, revision): a revision is the md5 of the file (as workbox-build
    # writes it); an address that names its content has none. Recomputed here from the files.
    c = sw_constants(built_site)
    for entry in c["MANIFEST"]:
        data = (built_site / entry["url"]).read_bytes()
        if entry["revision"] is None:
            assert re.search(r"[./-][0-9a-f]{8,}[./-]", "/" + entry["url"]), entry
        else:
            assert entry["revision"] == hashlib.md5(data).hexdigest(), entry
    # the site's own scripts and styles are all under the folder named by their content
    ours = [u for u in c["PRECACHE"] if u.endswith((".js", ".css")) and not u.startswith("assets/javascripts/")
            and not u.startswith("assets/stylesheets/")]
    prefix = json.loads((built_site / "versi.json").read_text())["aset"]
    assert ours and all(u.startswith(prefix) for u in ours), ours
    assert not (built_site / "assets/kalkulator/kalkulator.js").exists()
    assert not (built_site / "assets/js").exists()


def test_precache_holds_every_page_and_the_404_page_but_no_pyodide(built_site, site_pages):
    c = sw_constants(built_site)
    pre = set(c["PRECACHE"])
    for page in site_pages:
        rel = page + "index.html" if page.endswith("/") or page == "" else page
        assert rel in pre, page
    assert "404.html" in pre
    assert "sitemap.xml" in pre and "search/search_index.json" in pre
    assert not [u for u in pre if u.startswith("pyodide/") or u.endswith(".whl")]
    assert not [u for u in pre if u.endswith((".gz", ".br", ".zip")) or u in ("sw.js", "versi.json")]
    assert set(c["RUNTIME"]) >= {manifest_url for manifest_url in
                                 json.loads((built_site / "assets/kalkulator/runtime.json").read_text())["runtime"]}
    for url in c["RUNTIME"]:
        assert (built_site / url).is_file(), url
    # Workbox's runtime, served from the site itself
    text = (built_site / "sw.js").read_text(encoding="utf-8")
    (wb,) = re.findall(r'importScripts\("([^"]+)"\)', text)
    assert wb.startswith("workbox/") and (built_site / wb).is_file()
    assert "workbox.precaching" in (built_site / wb).read_text(encoding="utf-8")


def test_pdfs_enter_the_manifest_and_the_build_id(built_site, tmp_path):
    # scripts/build runs hooks/offline.py again after the PDFs are made (they are built late).
    import shutil
    import subprocess
    import sys
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    before = sw_constants(site)["VERSI"]
    unduh = site / "pelatih" / "unduh"
    unduh.mkdir(parents=True, exist_ok=True)
    (unduh / "panduan-jf-modul.pdf").write_bytes(b"%PDF-1.4 modul")
    (unduh / "ringkasan.pdf").write_bytes(b"%PDF-1.4 ringkasan")
    subprocess.run([sys.executable, str(ROOT / "hooks" / "offline.py"), str(site)], check=True,
                   capture_output=True)
    c = sw_constants(site)
    assert {"pelatih/unduh/panduan-jf-modul.pdf", "pelatih/unduh/ringkasan.pdf"} <= set(c["PRECACHE"])
    assert c["VERSI"] != before
    (unduh / "ringkasan.pdf").write_bytes(b"%PDF-1.4 ringkasan v2")
    subprocess.run([sys.executable, str(ROOT / "hooks" / "offline.py"), str(site)], check=True,
                   capture_output=True)
    assert sw_constants(site)["VERSI"] != c["VERSI"]


def test_runtime_holds_only_what_pyodide_boots_with(built_site):
    manifest = json.loads((built_site / "assets/kalkulator/runtime.json").read_text())
    files = sorted(p.name for p in (built_site / manifest["pyodide_dir"]).iterdir())
    # Pyodide's own python_stdlib.zip is replaced by the precompiled one, named by its content.
    stdlib = manifest["stdlib"].rsplit("/", 1)[1]
    assert stdlib == f"python_stdlib-{manifest['stdlib_sha256'][:12]}.zip.gz"  # gzipped as one file
    assert hashlib.sha256((built_site / manifest["stdlib"]).read_bytes()).hexdigest() == manifest["stdlib_sha256"]
    assert files == sorted(["pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm",
                            stdlib, "pyodide-lock.json"]) or files == sorted(
        ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", stdlib, "pyodide-lock.json"])
    lock = json.loads((built_site / manifest["pyodide_dir"] / "pyodide-lock.json").read_text())
    assert lock["packages"] == {} and lock["info"]["python"].startswith("3.")


def test_calculator_page_starts_the_worker_before_the_stylesheets(built_site):
    # An inline script waits for the stylesheets above it: the worker must start first (speed of
    # the cold visit), with the start message also as the worker's name (it boots without waiting
    # for the page's main thread), and the same start script in the content for instant navigation.
    html = (built_site / "kalkulator/index.html").read_text(encoding="utf-8")
    manifest = json.loads((built_site / "assets/kalkulator/runtime.json").read_text())
    head = html[:html.index("</head>")]
    start = head.index("new Worker(")
    assert start < head.index('rel="stylesheet"')
    assert html.count("new Worker(") == 2
    script = head[head.rindex("<script", 0, start):head.index("</script>", start)]
    assert "name:JSON.stringify(s)" in script and manifest["wheel_sha256"] in script
    assert html[html.index("</head>"):].count(script) == 1


def test_precache_leaves_out_lunr_languages_search_does_not_load(built_site):
    # Search runs as English (lunr has no Indonesian; root words come from hooks/search_stem.py), so
    # lunr's stemmers and word splitters (680 KB) are never loaded and are not precached either.
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]
    pre = sw_constants(built_site)["PRECACHE"]
    assert (built_site / "assets/javascripts/lunr").is_dir()
    assert not [u for u in pre if u.startswith("assets/javascripts/lunr/")]
    assert "assets/javascripts/bundle." in " ".join(pre) and "search/search_index.json" in pre

"""MkDocs hook: the site's own scripts and stylesheets are served under a folder named by their
content, so that a page never runs with the assets of another build (issue 10).

- Every file built from docs/assets/{css,js,kalkulator,massal,pelatih}/ (and the bundles
  hooks/bundel_aset.py makes there) goes to ``assets-<hash>/...`` instead of ``assets/...``, with
  <hash> a sha256 of all of them. The folders keep their layout and depth, so the URLs scripts
  compute from their own address (``../kalkulator/kalkulator.js``, ``../../`` for the site root)
  stay right. A host may cache these for a year (``immutable``): a new build has new addresses.
  Material's own assets carry hashes already; the engine wheel and the stdlib zip too
  (hooks/pyodide_runtime.py).
- ``config.extra["versi_aset"]`` holds the prefix ("assets-<hash>/") for the other hooks
  (aset_halaman, pyodide_runtime) and ``config.extra["versi_kode"]`` the code version: a hash of
  those assets, the runtime manifest (Pyodide, wheel, stdlib, snapshot key) and Material's version.
- Every page carries the code version in ``<div class="jf-versi" hidden data-versi="...">`` at the
  top of its article: Material's instant navigation swaps the content, not the scripts, so
  situs.js reloads the page fully when the version of the new content differs from the one of
  the scripts it runs with (a page open across a deploy never mixes builds).
- ``versi.json`` at the site root: {"kode", "aset"} for hooks/offline.py (the service worker) and
  for anyone asking which build a host serves.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from hooks import bundel_aset

DIRS = ("css", "js", "kalkulator", "massal", "pelatih")
# Generated files that keep their address: hashed already (mesin/), read by the build only
# (runtime.json), or linked from pages as downloads (the Cek massal templates).
GENERATED_KEEP = ("assets/kalkulator/mesin/", "assets/kalkulator/runtime.json",
                  "assets/massal/templat-")
ARTIKEL = '<article class="md-content__inner md-typeset">'
RUNTIME_MANIFEST = "assets/kalkulator/runtime.json"


def _is_versioned(src_uri: str) -> bool:
    if src_uri.startswith(GENERATED_KEEP):
        return False
    return any(src_uri.startswith(f"assets/{d}/") for d in DIRS)


def assets_hash(docs_dir: Path, order: list[str]) -> str:
    h = hashlib.sha256("\n".join(order).encode())
    h.update(bundel_aset.sidik())  # the bundles are transformed (minified), not only copied
    for d in DIRS:
        for path in sorted((docs_dir / "assets" / d).rglob("*")):
            if path.is_file():
                h.update(path.relative_to(docs_dir).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


def versioned(path: str, config) -> str:
    """"assets/kalkulator/x.css" -> "assets-<hash>/kalkulator/x.css" (other paths unchanged)."""
    prefix = config["extra"].get("versi_aset")
    if prefix and _is_versioned(path):
        return prefix + path[len("assets/"):]
    return path


def on_config(config):
    # Runs after hooks/bundel_aset.py replaced the lists by its bundles (mkdocs.yml order).
    order = [str(x) for x in config["extra_css"]] + [str(x) for x in config["extra_javascript"]]
    prefix = f"assets-{assets_hash(Path(config['docs_dir']), order)}/"
    config["extra"]["versi_aset"] = prefix
    for key in ("extra_css", "extra_javascript"):
        items = []
        for item in config[key]:
            path = str(item)
            new = versioned(path, config)
            if new != path:
                if hasattr(item, "path"):
                    item.path = new
                else:
                    item = new
            items.append(item)
        config[key] = items
    return config


def on_files(files, config):
    for f in files:
        if _is_versioned(f.src_uri):
            f.dest_uri = versioned(f.src_uri, config)
            for cached in ("url", "abs_dest_path", "dest_path"):
                f.__dict__.pop(cached, None)
    # The code version: these assets, the calculator's runtime and Material's own assets.
    h = hashlib.sha256(config["extra"]["versi_aset"].encode())
    manifest = files.get_file_from_path(RUNTIME_MANIFEST)
    if manifest is not None:
        h.update(manifest.content_bytes)
    try:
        from material import __version__ as material_version  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the theme is always installed
        material_version = ""
    h.update(material_version.encode())
    config["extra"]["versi_kode"] = h.hexdigest()[:12]
    from mkdocs.structure.files import File  # noqa: PLC0415

    files.append(File.generated(config, "versi.json", content=json.dumps(
        {"kode": config["extra"]["versi_kode"], "aset": config["extra"]["versi_aset"]})))
    return files


def on_post_page(output, page, config):
    kode = config["extra"].get("versi_kode")
    if not kode or ARTIKEL not in output:
        return output
    return output.replace(ARTIKEL, ARTIKEL + f'<div class="jf-versi" hidden data-versi="{kode}"></div>', 1)

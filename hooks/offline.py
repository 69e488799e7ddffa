"""MkDocs hook (and script): the service worker `sw.js` at the site root, for offline use and
for updates that reach every returning reader, never mixed (issue 10).

Precache: Workbox (workbox-precaching 7.4.1 from node_modules, served from the site itself as
``workbox/<version>/workbox.js``). The manifest lists every page and asset of the site with a
revision (md5 of the content, as workbox-build writes it; none for addresses that name their
content: hashed names, ``assets-<hash>/``), the two PDFs under pelatih/unduh/ included; not the
Pyodide runtime, the engine wheel (the calculator page asks for those, message
``simpan-runtime``), the offline ZIP (it is the whole site again) nor lunr's language files.
Workbox fetches revisioned files with ``cache: 'reload'`` (never from the browser's HTTP cache,
which a host without Cache-Control lets go stale), installs all or nothing, downloads only what
changed, and drops old revisions on activate.

Why the manifest is written here and not by workbox-build's generateSW: generateSW bundles the
worker with Rollup and Babel at every build: 7.0 s measured on this site, more than the whole
MkDocs build, and 323 npm packages. The manifest is a list of {url, revision}; the runtime is
Workbox's own prebuilt code.

What the worker answers (only for its own scope, and there only for the addresses it owns):
- an address in the manifest that names its content: from the precache (cache first);
- any other address in the manifest (pages, search index, sitemap, PDFs): from the network with
  ``cache: 'no-cache'`` (the host confirms or sends the new file), the precache only when the
  network fails. Nothing fetched is stored: the precache holds one build, whole;
- the runtime (Pyodide, stdlib zip, wheel of this build): cache first in its own cache;
- a page address it does not know, when the network fails: the site's 404 page, status 404;
- anything else is not its business: the browser fetches it as if there were no worker.

Versions: ``VERSI`` (build id: hash of the manifest and the runtime) and ``KODE`` (the code
version of hooks/versi_aset.py, also in every page). The new worker takes over at once
(skipWaiting + clients.claim); situs.js then shows "Versi baru tersedia" on a page whose code
version differs from the new worker's, and reloads on request. Caches: the Workbox precache
(``panduan-jf-situs-<scope>``), ``panduan-jf-runtime-<Pyodide>-<wheel>`` and the memory
snapshot the calculator's worker keeps (runtime.json ``snapshot_cache``); every other
``panduan-jf-*`` cache (older releases) is deleted on activate.

Build order: MkDocs writes sw.js at the end of its build; scripts/build runs this file again
(``python hooks/offline.py site``) after scripts/bundel_pdf.py made the PDFs, so that they are
in the manifest and in the build id.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.offline")

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_MANIFEST = "assets/kalkulator/runtime.json"
VERSION_FILE = "versi.json"
MAX_PRECACHE_BYTES = 3 * 1024 * 1024  # a single big download (the offline ZIP) is not precached
SKIP_SUFFIXES = {".map", ".gz", ".br", ".tmp"}
SKIP_FILES = {"sw.js", VERSION_FILE}
WORKBOX_PARTS = ("workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching")
NODE_MODULES = ROOT / "node_modules"
# Addresses that name their content (same rule as scripts/static_server.py's immutable files).
HASHED = re.compile(r"[./-][0-9a-f]{8,}[./-]")

# Material ships lunr's language support (stemmers, Thai and Japanese word splitters: 680 KB);
# its search worker loads them only for a search language other than English. Lunr has no
# Indonesian, so search runs as "en" (hooks/search_stem.py adds Indonesian root words instead).
LUNR_DIR = "assets/javascripts/lunr/"


def workbox_version() -> str:
    pkg = NODE_MODULES / "workbox-precaching" / "package.json"
    if not pkg.is_file():
        raise RuntimeError("node_modules/workbox-precaching tidak ada: jalankan `bash scripts/setup`.")
    return json.loads(pkg.read_text(encoding="utf-8"))["version"]


def workbox_runtime() -> tuple[str, bytes]:
    """(site path, bytes) of Workbox's prebuilt precaching runtime, one classic script."""
    version = workbox_version()
    parts = []
    for name in WORKBOX_PARTS:
        src = NODE_MODULES / name / "build" / f"{name}.prod.js"
        text = src.read_text(encoding="utf-8")
        text = re.sub(r"\n//# sourceMappingURL=.*\s*$", "\n", text)
        parts.append(f"/* {name} {version} (MIT) */\n{text}")
    return f"workbox/{version}/workbox.js", "".join(parts).encode("utf-8")


def _search_languages(site_dir: Path) -> list[str]:
    index = site_dir / "search" / "search_index.json"
    try:
        lang = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang")
    except (OSError, ValueError):
        lang = None
    return list(lang or ["en"])


def precache_list(site_dir: Path, runtime: dict) -> list[tuple[str, Path]]:
    """(site-relative file path, path) of everything the worker keeps for offline use."""
    skip_dirs = (runtime["pyodide_dir"], runtime["wheel"].rsplit("/", 2)[0] + "/", "workbox/")
    if _search_languages(site_dir) == ["en"]:
        skip_dirs += (LUNR_DIR,)
    out = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site_dir).as_posix()
        if rel in SKIP_FILES or rel.startswith(skip_dirs) or path.suffix in SKIP_SUFFIXES:
            continue
        if path.stat().st_size > MAX_PRECACHE_BYTES:
            continue
        out.append((rel, path))
    return out


def manifest_entries(files: list[tuple[str, Path]]) -> list[dict]:
    entries = []
    for rel, path in files:
        revision = None if HASHED.search("/" + rel) else hashlib.md5(path.read_bytes()).hexdigest()
        entries.append({"url": rel, "revision": revision})
    return entries


SW_TEMPLATE = r"""/* Service worker of Panduan JF, generated by hooks/offline.py: do not edit. */
"use strict";
importScripts(__WORKBOX__);
const VERSI = __VERSI__;
const KODE = __KODE__;
const CACHE_RUNTIME = __CACHE_RUNTIME__;
const CACHE_SNAPSHOT = __CACHE_SNAPSHOT__; // written by the calculator's worker (worker.js)
const RUNTIME = __RUNTIME__;
const MANIFEST = __MANIFEST__;
const PREFIX = "panduan-jf-";
const scope = self.registration.scope; // ends with "/"
const abs = (u) => new URL(u, scope).href;

// Precache "panduan-jf-situs-<scope>": Workbox ends the name with the scope, so that two sites on
// one origin keep their own; the older releases' "panduan-jf-situs-<build id>" are deleted below.
workbox.core.setCacheNameDetails({ prefix: "panduan-jf", precache: "situs" });
workbox.precaching.precache(MANIFEST);
const PRECACHE = workbox.core.cacheNames.precache;

// Absolute URL (no query, no hash) -> true when the address names its content.
const owned = new Map(MANIFEST.map((e) => [abs(e.url), !e.revision]));
const runtimeSet = new Set(RUNTIME.map(abs));
const page404 = abs("404.html");

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((k) => k.startsWith(PREFIX) && !k.includes("://") &&
          ![PRECACHE, CACHE_RUNTIME, CACHE_SNAPSHOT].includes(k))
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

async function simpanRuntime() {
  const cache = await caches.open(CACHE_RUNTIME);
  for (const url of runtimeSet) {
    // The runtime's addresses name their content (Pyodide's version, hashes): the copy the
    // calculator just downloaded is the right one.
    if (!(await cache.match(url))) await cache.add(url);
  }
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.jenis === "simpan-runtime") {
    event.waitUntil(simpanRuntime().then(
      () => event.source && event.source.postMessage({ jenis: "runtime-tersimpan", versi: VERSI }),
      (err) => event.source && event.source.postMessage({ jenis: "runtime-gagal", pesan: String(err) })
    ));
  } else if (data.jenis === "versi" && event.source) {
    event.source.postMessage({ jenis: "versi", versi: VERSI, kode: KODE });
  }
});

function fromPrecache(key) {
  return workbox.precaching.matchPrecache(key);
}

async function cacheFirst(key, request) {
  return (await fromPrecache(key)) || fetch(request);
}

async function networkFirst(key, request) {
  try {
    // Never the browser's HTTP cache unconfirmed: the host says whether its file changed.
    const fresh = request.mode === "navigate"
      ? new Request(request.url, { cache: "no-cache", redirect: "manual", credentials: "same-origin" })
      : new Request(request, { cache: "no-cache" });
    return await fetch(fresh);
  } catch (err) {
    const hit = await fromPrecache(key);
    if (hit) return hit;
    throw err;
  }
}

async function notFound(request) {
  try {
    return await fetch(request);
  } catch (err) {
    const page = await fromPrecache(page404);
    if (!page) throw err;
    return new Response(page.body, { status: 404, statusText: "Not Found", headers: page.headers });
  }
}

async function runtimeFirst(request) {
  const cache = await caches.open(CACHE_RUNTIME);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok && res.type === "basic") cache.put(request, res.clone()).catch(() => {});
  return res;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (!url.href.startsWith(scope)) return; // another app on this origin: not ours
  const clean = url.origin + url.pathname;
  if (runtimeSet.has(clean)) {
    event.respondWith(runtimeFirst(request));
    return;
  }
  const key = owned.has(clean) ? clean
    : (clean.endsWith("/") && owned.has(clean + "index.html")) ? clean + "index.html" : null;
  if (key) {
    event.respondWith(owned.get(key) ? cacheFirst(key, request) : networkFirst(key, request));
  } else if (request.mode === "navigate") {
    event.respondWith(notFound(request));
  }
});
"""


def write_sw(site_dir: Path) -> str | None:
    """Write site_dir/sw.js (and Workbox's runtime); return the build id, None without runtime."""
    manifest_path = site_dir / RUNTIME_MANIFEST
    if not manifest_path.is_file():
        log.warning("offline: %s tidak ada; sw.js tidak dibuat (hooks/pyodide_runtime.py?)",
                    RUNTIME_MANIFEST)
        return None
    runtime = json.loads(manifest_path.read_text(encoding="utf-8"))
    try:
        kode = json.loads((site_dir / VERSION_FILE).read_text(encoding="utf-8"))["kode"]
    except (OSError, ValueError, KeyError):
        kode = ""
    wb_path, wb_bytes = workbox_runtime()
    target = site_dir / wb_path
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_file() or target.read_bytes() != wb_bytes:
        target.write_bytes(wb_bytes)
    entries = manifest_entries(precache_list(site_dir, runtime))
    runtime_urls = list(runtime["runtime"]) + [runtime["wheel"]]
    build = hashlib.sha256(json.dumps([entries, runtime_urls, runtime["snapshot_cache"], kode,
                                       wb_path], sort_keys=True).encode())
    build_id = build.hexdigest()[:12]
    wheel_id = runtime["wheel_sha256"][:16]
    text = SW_TEMPLATE
    for key, value in {
        "__WORKBOX__": wb_path,
        "__VERSI__": build_id,
        "__KODE__": kode,
        "__CACHE_RUNTIME__": f"panduan-jf-runtime-{runtime['pyodide']}-{wheel_id}",
        "__CACHE_SNAPSHOT__": runtime["snapshot_cache"],
        "__RUNTIME__": runtime_urls,
        "__MANIFEST__": entries,
    }.items():
        text = text.replace(key, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    (site_dir / "sw.js").write_text(text, encoding="utf-8")
    log.info("offline: sw.js versi %s, %d berkas di-precache", build_id, len(entries))
    return build_id


def on_post_build(config):
    write_sw(Path(config["site_dir"]))


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    site = Path(args[0] if args else ROOT / "site")
    if not (site / "index.html").is_file():
        print(f"{site} bukan hasil build (index.html tidak ada); jalankan mkdocs build dulu")
        return 1
    build_id = write_sw(site)
    if build_id is None:
        return 1
    print(f"[offline] sw.js versi {build_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

// Web Worker of the calculator: boots Pyodide (served from this site), installs the engine wheel
// and answers {jenis: "hitung", id, permintaan: "<JSON>"} with calculator.hitung() as JSON text.
// Strings cross the boundary, never proxies: nothing leaks, the result is exactly the engine's,
// and Python never holds a reference to a JS object (which also keeps memory snapshots possible).
// The browser computes nothing itself (maintainers/desain.md: each front end only renders the result).
//
// Memory snapshot (maintainers/pyodide.md: the biggest lever on start-up): later visits boot from a
// snapshot of Python's memory (engine imported, warm) kept in Cache Storage, keyed by the Pyodide
// version, the wheel, the stdlib zip and this file (cfg.snapshot). It is made in this browser, so no visit
// downloads it. A boot
// able to make a snapshot (`_makeSnapshot`) is measurably slower, so the first visit boots plainly
// and answers first; once the form has been quiet for a while, this worker starts a second one
// (this same file, named {jenis: "buat-snapshot"}) that boots for the snapshot, stores it and
// ends. A snapshot that fails to load is deleted and the worker boots plainly. The service worker
// deletes it with the rest when a release changes Pyodide or the engine.

let ready = false;
let booting = null;
let snapshot = null; // {cfg, place} while a snapshot is still to be made for this release
let snapshotTimer = null;
const queue = [];
const ENGINE_DIR = "/lib/panduan-jf";
const SNAPSHOT_AFTER_QUIET_MS = 10000; // only the next visit gains: stay out of the way of this one

function say(msg) { self.postMessage(msg); }

// The site's stdlib zip holds only the modules Pyodide and the engine import
// (scripts/stdlib_pyodide.mjs): if one is ever missing, say so plainly instead of a traceback.
function pesanGalat(err) {
  const teks = String(err && err.message || err);
  const m = /ModuleNotFoundError: No module named '([^']+)'/.exec(teks);
  if (!m) return teks;
  return `Mesin hitung memerlukan modul Python "${m[1]}" yang tidak disertakan dalam berkas Python ` +
    "situs ini. Ini kesalahan situs, bukan kesalahan isian Anda; mohon laporkan kepada pengelola situs.";
}

// Download progress (issue 9: loading tells the truth): bytes received per file, as Pyodide and
// this worker fetch the wasm, the stdlib zip and the wheel. At most one message per 150 ms.
const fetchAsli = self.fetch.bind(self);
let lastProgress = 0;
self.fetch = async (input, init) => {
  const res = await fetchAsli(input, init);
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url, self.location.href).href;
  if (!res.ok || !res.body || typeof TransformStream === "undefined" || url.startsWith("blob:")) return res;
  let bytes = 0;
  const count = new TransformStream({
    transform(chunk, ctl) {
      bytes += chunk.byteLength;
      const now = performance.now();
      if (now - lastProgress > 150) { lastProgress = now; say({ jenis: "unduh", url, bytes }); }
      ctl.enqueue(chunk);
    },
    flush() { say({ jenis: "unduh", url, bytes }); },
  });
  return new Response(res.body.pipeThrough(count), { status: res.status, statusText: res.statusText, headers: res.headers });
};

async function sha256Hex(bytes) {
  if (!self.crypto || !self.crypto.subtle) return null; // not a secure context: cannot check
  const d = await self.crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, "0")).join("");
}

function snapshotPlace(cfg) {
  // The cache name (runtime.json's snapshot_cache) binds Pyodide, the engine and the stdlib zip;
  // the service worker deletes snapshots of other releases by the same name.
  if (!self.caches || !cfg.snapshot) return null;
  return { cache: cfg.snapshot, key: new URL("panduan-jf-snapshot.bin", cfg.pyodide).href };
}

async function readSnapshot(place) {
  if (!place) return null;
  try {
    const res = await (await caches.open(place.cache)).match(place.key);
    return res ? new Uint8Array(await res.arrayBuffer()) : null;
  } catch (err) {
    return null;
  }
}

// The stdlib zip comes gzipped as one file (hooks/pyodide_runtime.py: smaller on every host):
// fetched at once, in parallel with pyodide.mjs, unpacked by the browser, and handed to Pyodide
// as a blob: URL. A host that already decoded it (Content-Encoding) sends the zip itself.
async function stdlibURL(url) {
  if (!/\.gz$/.test(url)) return url;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`pustaka Python tidak dapat diunduh (HTTP ${res.status})`);
  let data = new Uint8Array(await res.arrayBuffer());
  if (data[0] === 0x1f && data[1] === 0x8b) {
    if (typeof DecompressionStream === "undefined") {
      throw new Error("peramban ini terlalu lama untuk kalkulator (tanpa DecompressionStream); mohon perbarui peramban.");
    }
    data = await new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  }
  return URL.createObjectURL(new Blob([data], { type: "application/zip" }));
}

let pyodide = null;
let hitungFn = null; // a PyProxy of _jf_hitung (never in a snapshot-making boot: no proxies there)

function python(code) { return pyodide.runPython(code); }

async function boot(cfg) {
  const t0 = performance.now();
  const forSnapshot = cfg.jenis === "buat-snapshot";
  say({ jenis: "kemajuan", tahap: "unduh", teks: "Mengunduh Python (Pyodide) dari situs ini…" });
  const place = snapshotPlace(cfg);
  // Fetch the wheel and look for a snapshot while Pyodide downloads and compiles.
  const wheelP = fetch(cfg.wheel).then((r) => {
    if (!r.ok) throw new Error(`mesin hitung tidak dapat diunduh (HTTP ${r.status})`);
    return r.arrayBuffer();
  });
  const snapP = forSnapshot ? Promise.resolve(null) : readSnapshot(place);
  const stdlibP = stdlibURL(cfg.stdlib);
  stdlibP.catch(() => {}); // awaited below; a failure is reported from there
  const { loadPyodide } = await import(cfg.pyodide + "pyodide.mjs");
  say({ jenis: "kemajuan", tahap: "mulai", teks: "Menyiapkan Python…" });
  const snap = await snapP;
  const stdLibURL = await stdlibP;
  let fromSnapshot = false;
  if (snap) {
    try {
      pyodide = await loadPyodide({ indexURL: cfg.pyodide, stdLibURL, _loadSnapshot: snap });
      fromSnapshot = python("'_jf_hitung' in globals()") === true;
    } catch (err) {
      pyodide = null;
    }
    if (!fromSnapshot) {
      pyodide = null;
      caches.delete(place.cache).catch(() => {});
    }
  }
  // The precompiled stdlib (hooks/pyodide_runtime.py): most of a plain boot is compiling it.
  if (!pyodide) pyodide = await loadPyodide({ indexURL: cfg.pyodide, stdLibURL, _makeSnapshot: forSnapshot });
  if (stdLibURL.startsWith("blob:")) URL.revokeObjectURL(stdLibURL);
  say({ jenis: "kemajuan", tahap: "mesin", teks: "Memuat mesin hitung…" });
  const wheel = new Uint8Array(await wheelP);
  if (cfg.sha256) {
    const got = await sha256Hex(wheel);
    if (got && got !== cfg.sha256) throw new Error("mesin hitung rusak (sha256 tidak cocok)");
  }
  // unpackArchive into a private directory: ~14 ms against ~150 ms for loadPackage. After a
  // snapshot too: the files live outside the wasm memory, and the engine reads its rules data.
  pyodide.unpackArchive(wheel, "wheel", { extractDir: ENGINE_DIR });
  if (!fromSnapshot) {
    python(`
import sys, json
sys.path.insert(0, "${ENGINE_DIR}")
import calculator
def _jf_hitung(teks):
    return json.dumps(calculator.hitung(json.loads(teks)), ensure_ascii=False)
`);
    if (place && !forSnapshot) snapshot = { cfg, place };
  }
  if (!forSnapshot) hitungFn = pyodide.globals.get("_jf_hitung");
  const versi = python("import sys; sys.version.split()[0]");
  ready = true;
  say({ jenis: "siap", pyodide: pyodide.version, python: versi, snapshot: fromSnapshot,
        ms: Math.round(performance.now() - t0) });
}

function answer(msg) {
  const t0 = performance.now();
  let hasil;
  try {
    hasil = hitungFn(msg.permintaan);
  } catch (err) {
    // hitung() never raises by contract; if it does, say so instead of hanging the form.
    say({ jenis: "hasil", id: msg.id, galat: pesanGalat(err) });
    return;
  }
  say({ jenis: "hasil", id: msg.id, hasil, ms: performance.now() - t0 });
  if (snapshot) {
    snapshot.contoh = msg.permintaan; // the snapshot is warmed with a real request
    clearTimeout(snapshotTimer);
    snapshotTimer = setTimeout(snapshotInBackground, SNAPSHOT_AFTER_QUIET_MS);
  }
}

function snapshotInBackground() {
  const job = snapshot;
  snapshot = null;
  if (!job || typeof Worker === "undefined") return; // no nested workers: plain boots only
  const name = JSON.stringify({ ...job.cfg, jenis: "buat-snapshot", contoh: job.contoh });
  let helper;
  try {
    helper = new Worker(self.location.href, { type: "module", name });
  } catch (err) {
    say({ jenis: "snapshot", gagal: String(err && err.message || err) });
    return;
  }
  helper.onmessage = (e) => {
    const d = e.data || {};
    if (d.jenis === "snapshot") say(d);
    else if (d.jenis === "gagal") say({ jenis: "snapshot", gagal: d.pesan });
    else return; // its progress messages are not the page's business
    helper.terminate();
  };
  helper.onerror = (e) => {
    say({ jenis: "snapshot", gagal: String(e && e.message || "worker") });
    helper.terminate();
  };
}

// In the snapshot-making worker: one real request through the engine (warm code paths), then the
// snapshot. The request goes in as a Python string literal (JSON's string escapes are valid
// Python), so that no proxy exists when the memory is saved.
async function makeSnapshot(cfg) {
  python(`_jf_hitung(${JSON.stringify(cfg.contoh || "{}")})`);
  const place = snapshotPlace(cfg);
  const bytes = pyodide.makeMemorySnapshot();
  const cache = await caches.open(place.cache);
  await cache.put(place.key, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
  say({ jenis: "snapshot", bytes: bytes.length });
}

function start(cfg) {
  if (booting) return;
  booting = boot(cfg).then(() => {
    if (cfg.jenis === "buat-snapshot") return makeSnapshot(cfg);
    while (queue.length) answer(queue.shift());
  }).catch((err) => {
    say({ jenis: "gagal", pesan: pesanGalat(err) });
  });
}

self.onmessage = (e) => {
  const msg = e.data || {};
  if (msg.jenis === "mulai") {
    start(msg);
  } else if (msg.jenis === "hitung") {
    if (ready) answer(msg);
    else {
      // Latest wins: only the newest pending request is worth computing once ready.
      queue.length = 0;
      queue.push(msg);
    }
  }
};

// The page also passes the start message as the worker's name: boot from it at once. A message
// posted before the worker runs is delivered only when the page's main thread is free again,
// which on a page still loading Material's scripts costs a few hundred milliseconds.
try {
  const cfg = self.name ? JSON.parse(self.name) : null;
  if (cfg && (cfg.jenis === "mulai" || cfg.jenis === "buat-snapshot")) start(cfg);
} catch (err) { /* not a start message: wait for it */ }

// Web Worker of the calculator: boots Pyodide (served from this site), installs the engine wheel
// and answers {jenis: "hitung", id, permintaan: "<JSON>"} with calculator.hitung() as JSON text.
// Strings cross the boundary, never proxies: nothing leaks and the result is exactly the engine's.
// The browser computes nothing itself (desain.md: each front end only renders the result).

let py = null;
let booting = null;
const queue = [];

function say(msg) { self.postMessage(msg); }

async function sha256Hex(bytes) {
  if (!self.crypto || !self.crypto.subtle) return null; // not a secure context: cannot check
  const d = await self.crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function boot(cfg) {
  const t0 = performance.now();
  say({ jenis: "kemajuan", tahap: "unduh", teks: "Mengunduh Python (Pyodide) dari situs ini…" });
  // Fetch the wheel while Pyodide downloads and compiles.
  const wheelP = fetch(cfg.wheel).then((r) => {
    if (!r.ok) throw new Error(`mesin hitung tidak dapat diunduh (HTTP ${r.status})`);
    return r.arrayBuffer();
  });
  const { loadPyodide } = await import(cfg.pyodide + "pyodide.mjs");
  say({ jenis: "kemajuan", tahap: "mulai", teks: "Menyiapkan Python…" });
  const pyodide = await loadPyodide({ indexURL: cfg.pyodide });
  say({ jenis: "kemajuan", tahap: "mesin", teks: "Memuat mesin hitung…" });
  const wheel = new Uint8Array(await wheelP);
  if (cfg.sha256) {
    const got = await sha256Hex(wheel);
    if (got && got !== cfg.sha256) throw new Error("mesin hitung rusak (sha256 tidak cocok)");
  }
  // unpackArchive into a private directory: ~14 ms against ~150 ms for loadPackage.
  pyodide.unpackArchive(wheel, "wheel", { extractDir: "/lib/panduan-jf" });
  pyodide.runPython(`
import sys, json
sys.path.insert(0, "/lib/panduan-jf")
import calculator
def _jf_hitung(teks):
    return json.dumps(calculator.hitung(json.loads(teks)), ensure_ascii=False)
`);
  py = { pyodide, hitung: pyodide.globals.get("_jf_hitung") };
  const python = pyodide.runPython("import sys; sys.version.split()[0]");
  say({ jenis: "siap", pyodide: pyodide.version, python, ms: Math.round(performance.now() - t0) });
}

function answer(msg) {
  const t0 = performance.now();
  let hasil;
  try {
    hasil = py.hitung(msg.permintaan);
  } catch (err) {
    // hitung() never raises by contract; if it does, say so instead of hanging the form.
    say({ jenis: "hasil", id: msg.id, galat: String(err && err.message || err) });
    return;
  }
  say({ jenis: "hasil", id: msg.id, hasil, ms: performance.now() - t0 });
}

self.onmessage = (e) => {
  const msg = e.data || {};
  if (msg.jenis === "mulai") {
    if (!booting) {
      booting = boot(msg).then(() => {
        while (queue.length) answer(queue.shift());
      }).catch((err) => {
        say({ jenis: "gagal", pesan: String(err && err.message || err) });
      });
    }
  } else if (msg.jenis === "hitung") {
    if (py) answer(msg);
    else {
      // Latest wins: only the newest pending request is worth computing once ready.
      queue.length = 0;
      queue.push(msg);
    }
  }
};

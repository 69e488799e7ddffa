// Web Worker of the "Cek massal" page: boots the calculator's Pyodide (served from this site, the
// same files as the calculator page), installs the engine wheel plus openpyxl, et-xmlfile and the
// few stdlib packages they need (hooks/massal_aset.py), and runs calculator/massal.py: the very
// module the command line runs. The page's file goes into Pyodide's file system and the results
// come back as JSON text; this file computes and formats nothing itself (maintainers/desain.md).
//
// Messages in:  {jenis: "mulai", ...cfg} | {jenis: "proses", id, data: ArrayBuffer, nama, tanggal}
//               {jenis: "batal"} | {jenis: "unduh", id, format} | {jenis: "lembar", id, indeks: [...]}
// Messages out: {jenis: "kemajuan", teks} | {jenis: "siap"} | {jenis: "gagal", pesan}
//               {jenis: "berkas", id, hasil: JSON} | {jenis: "potongan", id, hasil: JSON}
//               {jenis: "unduhan", id, nama, data: Uint8Array} | {jenis: "lembar", id, hasil: JSON}

const DIR = "/lib/panduan-jf";
const POTONGAN = 200; // rows per chunk: progress every ~0.1 s, and the worker stays responsive
let pyodide = null;
let booting = null;
let fn = {};
let aktif = 0; // id of the file being processed; a new file or "batal" stops the old loop
const antre = [];

function say(msg, transfer) { self.postMessage(msg, transfer || []); }

async function sha256Hex(bytes) {
  if (!self.crypto || !self.crypto.subtle) return null;
  const d = await self.crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function ambil(url, sha) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url.split("/").pop()} tidak dapat diunduh (HTTP ${r.status})`);
  const bytes = new Uint8Array(await r.arrayBuffer());
  const got = sha ? await sha256Hex(bytes) : null;
  if (got && got !== sha) throw new Error(`${url.split("/").pop()} rusak (sha256 tidak cocok)`);
  return bytes;
}

// The stdlib zip comes gzipped as one file (hooks/pyodide_runtime.py; the calculator's worker does
// the same): unpacked by the browser and handed to Pyodide as a blob: URL.
async function stdlibURL(url) {
  if (!/\.gz$/.test(url)) return url;
  let data = await ambil(url);
  if (data[0] === 0x1f && data[1] === 0x8b) {
    if (typeof DecompressionStream === "undefined") {
      throw new Error("peramban ini terlalu lama (tanpa DecompressionStream); mohon perbarui peramban.");
    }
    data = await new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  }
  return URL.createObjectURL(new Blob([data], { type: "application/zip" }));
}

async function boot(cfg) {
  say({ jenis: "kemajuan", teks: "Mengunduh Python (Pyodide) dari situs ini…" });
  const berkas = [{ url: cfg.wheel, sha256: cfg.sha256, jenis: "wheel" }, ...cfg.pustaka]
    .map((p) => ambil(p.url, p.sha256).then((b) => ({ ...p, b })));
  const stdlibP = stdlibURL(cfg.stdlib);
  stdlibP.catch(() => {}); // awaited below
  const { loadPyodide } = await import(cfg.pyodide + "pyodide.mjs");
  say({ jenis: "kemajuan", teks: "Menyiapkan Python…" });
  pyodide = await loadPyodide({ indexURL: cfg.pyodide, stdLibURL: await stdlibP });
  say({ jenis: "kemajuan", teks: "Memuat mesin hitung dan pembaca .xlsx…" });
  for (const p of await Promise.all(berkas)) {
    pyodide.unpackArchive(p.b, p.jenis === "zip" ? "zip" : "wheel", { extractDir: DIR });
  }
  pyodide.runPython(`
import sys
sys.path.insert(0, "${DIR}")
from calculator import massal as _jf_massal
`);
  for (const nama of ["web_mulai", "web_lanjut", "web_unduh", "web_lembar"]) {
    fn[nama] = pyodide.globals.get("_jf_massal")[nama];
  }
  say({ jenis: "siap", pyodide: pyodide.version });
}

const jeda = () => new Promise((r) => setTimeout(r, 0));

async function proses(msg) {
  aktif = msg.id;
  const jalur = "/tmp/masukan";
  pyodide.FS.writeFile(jalur, new Uint8Array(msg.data));
  const awal = fn.web_mulai(jalur, msg.nama || "", msg.tanggal || "");
  pyodide.FS.unlink(jalur);
  say({ jenis: "berkas", id: msg.id, hasil: awal });
  if (JSON.parse(awal).galat) return;
  for (;;) {
    await jeda(); // let a "batal" or a newer file in between chunks
    if (aktif !== msg.id) return;
    const r = fn.web_lanjut(POTONGAN);
    say({ jenis: "potongan", id: msg.id, hasil: r });
    if (r.indexOf('"selesai": true') >= 0) return;
  }
}

function unduh(msg) {
  const jalur = "/tmp/keluaran";
  const nama = fn.web_unduh(msg.format, jalur);
  const data = pyodide.FS.readFile(jalur);
  pyodide.FS.unlink(jalur);
  say({ jenis: "unduhan", id: msg.id, nama, format: msg.format, data }, [data.buffer]);
}

async function jalankan(msg) {
  try {
    if (msg.jenis === "proses") await proses(msg);
    else if (msg.jenis === "unduh") unduh(msg);
    else if (msg.jenis === "lembar") say({ jenis: "lembar", id: msg.id, hasil: fn.web_lembar(JSON.stringify(msg.indeks)) });
  } catch (err) {
    say({ jenis: "galat", id: msg.id, pesan: String(err && err.message || err) });
  }
}

let rantai = Promise.resolve();
self.onmessage = (e) => {
  const msg = e.data || {};
  if (msg.jenis === "mulai") {
    if (!booting) {
      booting = boot(msg).then(() => { while (antre.length) { const m = antre.shift(); rantai = rantai.then(() => jalankan(m)); } })
        .catch((err) => say({ jenis: "gagal", pesan: String(err && err.message || err) }));
    }
  } else if (msg.jenis === "batal") {
    aktif = 0;
  } else if (pyodide && fn.web_mulai) {
    if (msg.jenis === "proses") aktif = msg.id; // stops an older file's loop at its next chunk
    rantai = rantai.then(() => jalankan(msg));
  } else {
    antre.push(msg);
  }
};

// Worker client: the one engine of the tab (calculator.hitung in Pyodide, worker.js).
//
// The worker is started by the inline script at the top of the calculator page (hooks/
// pyodide_runtime.py) and kept on `window.__jfMesin`, so Material's instant navigation does not
// reboot Python. This module adopts it and gives it an API: hitung(), status, download progress,
// and a watchdog: a worker that stops reporting while it boots, or does not answer a request in
// a few seconds (terminated, stuck), is restarted with the reason shown and a way to retry.

const DIAM_BOOT_MS = 30_000; // no progress at all while booting for this long: stalled
const BATAS_JAWAB_MS = 15_000; // the engine answers in milliseconds; this is a dead worker

function awalMulai(konfigurasi) {
  const root = new URL(konfigurasi.root, location.href);
  const rt = konfigurasi.runtime;
  return {
    jenis: "mulai",
    pyodide: new URL(rt.pyodide_dir, root).href,
    stdlib: new URL(rt.stdlib, root).href,
    snapshot: rt.snapshot_cache,
    wheel: new URL(rt.wheel, root).href,
    sha256: rt.wheel_sha256,
  };
}

function workerBaru(konfigurasi) {
  const root = new URL(konfigurasi.root, location.href);
  const mulai = awalMulai(konfigurasi);
  // The start message goes as the worker's name too: the worker boots at once (worker.js).
  const w = new Worker(new URL(konfigurasi.runtime.worker, root), { type: "module", name: JSON.stringify(mulai) });
  w.postMessage(mulai);
  return w;
}

// Sizes of the files a boot fetches (runtime.json "ukuran"), by absolute URL, for the percent.
function ukuranUnduhan(konfigurasi) {
  const root = new URL(konfigurasi.root, location.href);
  const peta = new Map();
  for (const [rel, n] of Object.entries(konfigurasi.runtime.ukuran || {})) {
    peta.set(new URL(rel, root).href, n);
  }
  return peta;
}

export function mesin(konfigurasi) {
  let m = window.__jfMesin;
  if (m && m.siapPakai) {
    m.konfigurasi = konfigurasi;
    return m;
  }
  if (!m) m = window.__jfMesin = { pesan: [], worker: workerBaru(konfigurasi) };
  Object.assign(m, {
    konfigurasi,
    status: "muat", // muat | siap | gagal
    tahap: "unduh",
    alasan: "",
    persen: null,
    tunggu: new Map(), // id -> {resolve, timer}
    nomor: 0,
    pendengar: new Set(),
    siapPakai: true,
    batasJawabMs: BATAS_JAWAB_MS,
    diamBootMs: DIAM_BOOT_MS,
    mulaiUlangOtomatis: 0,
  });
  let ukuran = ukuranUnduhan(konfigurasi);
  let diterima = new Map();
  let jagaBoot = null;

  function kabari() {
    for (const f of m.pendengar) {
      try { f(m); } catch (err) { console.error(err); }
    }
  }

  function gagal(alasan) {
    clearTimeout(jagaBoot);
    m.status = "gagal";
    m.alasan = alasan;
    batalkanSemua();
    kabari();
  }

  function awasiBoot() {
    clearTimeout(jagaBoot);
    if (m.status !== "muat") return;
    jagaBoot = setTimeout(() => {
      if (m.status === "muat") gagal("unduhan kalkulator terhenti lebih dari " + Math.round(m.diamBootMs / 1000) + " detik");
    }, m.diamBootMs);
  }

  function terima(data) {
    if (!data || typeof data !== "object") return;
    if (data.jenis === "hasil") {
      const t = m.tunggu.get(data.id);
      if (!t) return;
      m.tunggu.delete(data.id);
      m.sudahMenjawab = true;
      clearTimeout(t.timer);
      t.resolve(data);
      return;
    }
    if (data.jenis === "unduh") {
      diterima.set(data.url, data.bytes);
      let total = 0, dapat = 0;
      for (const [url, n] of ukuran) {
        total += n;
        dapat += Math.min(n, diterima.get(url) || 0);
      }
      m.persen = total ? Math.min(100, Math.floor((100 * dapat) / total)) : null;
    } else if (data.jenis === "kemajuan") {
      m.tahap = data.tahap;
    } else if (data.jenis === "siap") {
      m.status = "siap";
      m.versi = data;
      m.alasan = m.alasanUlang || "";
      m.alasanUlang = "";
      clearTimeout(jagaBoot);
      window.dispatchEvent(new CustomEvent("jf-mesin-siap", { detail: data }));
    } else if (data.jenis === "gagal") {
      gagal(String(data.pesan || "kesalahan tidak dikenal"));
      return;
    } else if (data.jenis === "snapshot") {
      m.snapshot = data;
      window.dispatchEvent(new CustomEvent("jf-snapshot", { detail: data }));
    }
    if (m.status === "muat") awasiBoot();
    kabari();
  }

  function pasang(worker) {
    worker.onmessage = (e) => terima(e.data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      gagal("berkas kalkulator tidak dapat dimuat" + (e && e.message ? ` (${e.message})` : ""));
    };
    worker.onmessageerror = () => gagal("jawaban kalkulator tidak terbaca");
  }

  // Answers still awaited from a worker that is gone: settle them as cancelled.
  function batalkanSemua() {
    for (const [, t] of m.tunggu) {
      clearTimeout(t.timer);
      t.resolve({ jenis: "hasil", batal: true });
    }
    m.tunggu.clear();
  }

  pasang(m.worker);
  const lama = m.pesan || [];
  m.pesan = [];
  lama.forEach(terima);
  awasiBoot();

  m.hitung = function (permintaan) {
    return new Promise((resolve) => {
      const id = ++m.nomor;
      const timer = setTimeout(() => {
        if (!m.tunggu.has(id)) return;
        // Terminated or stuck: restart it, and say why. The request that got no answer is not
        // sent again by itself (it may be what stuck the worker); the person can retry.
        m.tunggu.delete(id);
        resolve({ jenis: "hasil", batal: true, macet: true });
        m.ulang("kalkulator tidak menjawab dalam " + Math.round(m.batasJawabMs / 1000) + " detik");
      }, (m.status === "siap" ? 0 : m.diamBootMs) + m.batasJawabMs * (m.sudahMenjawab ? 1 : 3)); // the first answer imports the engine's modules

      m.tunggu.set(id, { resolve, timer });
      try {
        m.worker.postMessage({ jenis: "hitung", id, permintaan: JSON.stringify(permintaan) });
      } catch (err) {
        m.tunggu.delete(id);
        clearTimeout(timer);
        resolve({ jenis: "hasil", galat: String(err && err.message || err) });
      }
    });
  };

  m.ulang = function (alasan) {
    try { m.worker.terminate(); } catch { /* already gone */ }
    batalkanSemua();
    ukuran = ukuranUnduhan(m.konfigurasi);
    diterima = new Map();
    m.worker = workerBaru(m.konfigurasi);
    m.status = "muat";
    m.tahap = "unduh";
    m.persen = null;
    m.sudahMenjawab = false;
    m.alasanUlang = alasan || "";
    m.alasan = alasan || "";
    pasang(m.worker);
    awasiBoot();
    kabari();
  };

  return m;
}

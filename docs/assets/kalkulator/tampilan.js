// Presentation hooks: the status line (in words about the calculator, with download progress),
// the printed sheet's label (optional name and NIP), messages about loaded input, and the event
// other scripts listen to (jf-hasil: situs.js keeps the site offline after the first answer,
// benchmarks/browser.py times it).

const $ = (id) => document.getElementById(id);

const TAHAP = {
  unduh: "Mengunduh kalkulator",
  mulai: "Menyiapkan kalkulator…",
  mesin: "Memuat aturan angka kredit…",
};

// m: the worker client (mesin.js); macet: the last request got no answer (watchdog).
export function status(m, macet) {
  const kotak = $("kalk-status");
  if (!kotak) return;
  const kemajuan = $("kalk-kemajuan");
  let teks;
  let tahap = m.status;
  if (m.status === "siap") {
    teks = m.versi && m.versi.snapshot
      ? "Kalkulator siap (dimuat dari salinan di perangkat ini)."
      : "Kalkulator siap.";
    if (m.alasan) teks += ` Sempat dimulai ulang karena ${m.alasan}.`;
    if (macet) {
      tahap = "gagal";
      teks = "Kalkulator tidak menjawab untuk isian ini dan sudah dimulai ulang. Periksa isian yang sangat panjang atau tidak biasa, lalu coba lagi.";
    }
  } else if (m.status === "gagal") {
    teks = `Kalkulator belum dapat dipakai: ${m.alasan || "kesalahan tidak dikenal"}. Periksa sambungan internet, lalu coba lagi.`;
  } else if (m.tahap === "unduh" || !TAHAP[m.tahap]) {
    // The percent of the runtime's bytes received: a progress figure, not a result.
    teks = TAHAP.unduh + (m.persen !== null && m.persen !== undefined ? ` (sekali saja): ${m.persen}%` : "…");
    if (m.alasan) teks = `Memulai ulang karena ${m.alasan}. ` + teks;
  } else {
    teks = TAHAP[m.tahap];
  }
  kotak.dataset.tahap = tahap;
  $("kalk-status-teks").textContent = teks;
  const unduh = m.status === "muat" && m.persen !== null && m.persen !== undefined && m.tahap === "unduh";
  kemajuan.hidden = !unduh;
  if (unduh) kemajuan.value = m.persen;
  $("kalk-ulang").hidden = tahap !== "gagal";
}

// A short message under the status line (loaded input, saved, copied...).
export function kabar(pesan) {
  const k = $("kalk-kabar");
  if (!k) return;
  const daftar = Array.isArray(pesan) ? pesan.filter(Boolean) : [pesan].filter(Boolean);
  k.replaceChildren(...daftar.map((p) => Object.assign(document.createElement("p"), { textContent: p })));
  k.hidden = !daftar.length;
}

export function info(pesan) {
  const i = $("kalk-salin-info");
  if (i) i.textContent = pesan;
}

// The printed sheet names the person when they gave a name or NIP (kept on this device only).
export function identitas(nama, nip) {
  const t = $("kalk-cetak-identitas");
  if (!t) return;
  const bagian = [nama && "Nama: " + nama, nip && "NIP: " + nip].filter(Boolean);
  t.textContent = bagian.join(" · ");
  t.hidden = !bagian.length;
}

export function umumkanHasil(detail) {
  window.dispatchEvent(new CustomEvent("jf-hasil", { detail }));
}

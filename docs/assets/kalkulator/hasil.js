// The result view. It PLACES what the engine wrote (calculator.hitung: ringkasan, kenaikan
// blocks, rincian, grafik, peringatan): every sentence, number and date on screen is a string of
// the result. Nothing here computes, formats a number or a date, or composes a sentence from
// numbers (maintainers/desain.md). A field the engine does not give is simply not shown.
//
// Order (issue 9): the answer first (at the top of the calculator, above the form), then the
// next steps, each kenaikan with its conditions (legal basis one tap away), the AK terms and
// their total, the chart, the per-period breakdown, warnings, and the note that this is not a PAK.

import { el } from "./formulir.js";

const $ = (id) => document.getElementById(id);
const TANDA = { terpenuhi: "✓", belum: "✗", tidak_diketahui: "?" };

const teks = (x) => (typeof x === "string" && x ? x : null);
const daftar = (x) => (Array.isArray(x) ? x : []);

function dasar(isi, judul = "Dasar hukum") {
  if (!teks(isi)) return null;
  return el("details", { class: "jf-dasar" }, [el("summary", { text: judul }), el("p", { text: isi })]);
}

// ---------------------------------------------------------------- the answer card (top)
export function jawabanKosong(belum) {
  const isi = $("kalk-jawaban-isi");
  const p = [el("p", { class: "jf-kosong", text: "Isi data dari PAK terakhir Anda di bawah ini. Jawabannya muncul di sini: posisi angka kredit Anda dan kapan paling cepat Anda dapat naik pangkat atau jenjang." })];
  if (belum && belum.length) {
    p.push(el("p", { class: "jf-lengkapi", text: "Untuk melihat hasil, lengkapi: " + [...new Set(belum)].join("; ") + "." }));
  }
  isi.replaceChildren(...p);
  $("kalk-jawaban").dataset.keadaan = "kosong";
  $("kalk-hasil").hidden = true;
  $("kalk-hasil-ringkas").textContent = "";
}

// A whole new request (a link, a file): the previous result must not stand for it meanwhile.
export function menghitung() {
  $("kalk-jawaban-isi").replaceChildren(el("p", { class: "jf-kosong", text: "Menghitung…" }));
  $("kalk-jawaban").dataset.keadaan = "kosong";
  $("kalk-hasil").hidden = true;
  $("kalk-hasil-isi").replaceChildren();
}

export function jawabanGalat() {
  $("kalk-jawaban-isi").replaceChildren(el("p", { class: "jf-kosong", text: "Hasil belum dapat dihitung: perbaiki isian yang ditandai di bawah." }));
  $("kalk-jawaban").dataset.keadaan = "galat";
  $("kalk-hasil").hidden = true;
  $("kalk-hasil-ringkas").textContent = "";
}

export function jawabanMacet(pesan) {
  $("kalk-jawaban-isi").replaceChildren(el("p", { class: "jf-kosong", text: pesan }));
  $("kalk-jawaban").dataset.keadaan = "galat";
}

function kartuJawaban(h) {
  const r = h.ringkasan || {};
  const isi = [];
  if (teks(r.jawaban)) isi.push(el("p", { class: "jf-jawaban__teks", id: "kalk-jawaban-teks", text: r.jawaban }));
  if (teks(r.asumsi)) {
    isi.push(el("p", { class: "jf-jawaban__asumsi" }, [
      r.asumsi + " ",
      el("a", { href: "#f-proyeksi", class: "jf-ubah", "data-fokus": "f-proyeksi", text: "Ubah anggapan" }),
    ]));
  }
  const s = r.situasi;
  if (s && (teks(s.judul) || teks(s.teks))) {
    isi.push(el("div", { class: "admonition info jf-situasi" }, [
      teks(s.judul) ? el("p", { class: "admonition-title", text: s.judul }) : null,
      teks(s.teks) ? el("p", { text: s.teks }) : null,
    ]));
  }
  if (teks(r.total && r.total.nilai)) {
    isi.push(el("p", { class: "jf-jawaban__total" }, [
      el("span", { text: (r.total.label || "") + " " }), el("strong", { id: "kalk-ak-kumulatif", text: r.total.nilai }),
    ]));
  }
  isi.push(el("p", { class: "jf-jawaban__lanjut" }, [el("a", { href: "#kalk-hasil-judul", text: "Langkah berikutnya dan rincian" })]));
  return isi;
}

// ---------------------------------------------------------------- the details (below the form)
function langkah(h) {
  const l = daftar(h.ringkasan && h.ringkasan.langkah).filter((x) => x && teks(x.teks));
  if (!l.length) return null;
  const ol = el("ol", { class: "jf-langkah" });
  for (const x of l) ol.append(el("li", null, [el("span", { text: x.teks }), dasar(x.dasar)]));
  return el("section", { class: "jf-bagian", "aria-labelledby": "kalk-langkah-judul" }, [
    el("h3", { id: "kalk-langkah-judul", text: "Langkah berikutnya" }), ol]);
}

function kenaikan(k, id) {
  if (!k || typeof k !== "object") return null;
  const kartu = el("section", { class: "jf-kartu", "aria-labelledby": id, "data-kenaikan": id });
  kartu.append(el("h3", { id, text: teks(k.judul) || "" }));
  if (teks(k.ringkas)) kartu.append(el("p", { class: "jf-kartu__ringkas", text: k.ringkas }));
  const angka = el("dl", { class: "jf-angka" });
  const baris = (label, nilai, kelas) => {
    if (teks(nilai)) angka.append(el("div", { class: kelas || null }, [el("dt", { text: label }), el("dd", { text: nilai })]));
  };
  baris("AK minimal", k.ak_minimal_teks);
  if (k.ak_terpenuhi) baris("Kelebihan", k.kelebihan_teks, "jf-angka--cukup");
  else baris("Kekurangan", k.kekurangan_teks, "jf-angka--kurang");
  baris("Perkiraan paling cepat", k.proyeksi_tanggal_teks);
  if (angka.childElementCount) kartu.append(angka);
  const syarat = daftar(k.syarat);
  if (syarat.length) {
    const ul = el("ul", { class: "jf-syarat" });
    for (const s of syarat) {
      const status = String(s.status || "");
      ul.append(el("li", { class: "jf-syarat--" + status, "data-status": status }, [
        el("span", { class: "jf-syarat__tanda", "aria-hidden": "true", text: TANDA[status] || "?" }),
        el("div", { class: "jf-syarat__isi" }, [
          el("p", { class: "jf-syarat__judul" }, [
            el("strong", { text: teks(s.nama) || "" }),
            teks(s.status_teks) ? el("span", { class: "jf-syarat__status", text: s.status_teks }) : null,
          ]),
          teks(s.alasan) ? el("p", { class: "jf-syarat__alasan", text: s.alasan }) : null,
          teks(s.langkah) ? el("p", { class: "jf-syarat__langkah", text: s.langkah }) : null,
          dasar(s.dasar),
        ]),
      ]));
    }
    kartu.append(ul);
  }
  if (teks(k.proyeksi_keterangan)) kartu.append(el("p", { class: "jf-kartu__catatan", text: k.proyeksi_keterangan }));
  return kartu;
}

function komponen(h) {
  const r = h.ringkasan || {};
  const k = daftar(r.komponen).filter((x) => x && teks(x.label));
  if (!k.length && !(r.total && teks(r.total.nilai))) return null;
  const dl = el("dl", { class: "jf-komponen" });
  for (const x of k) {
    dl.append(el("div", { class: "jf-komponen__baris" }, [
      el("dt", { text: x.label }), el("dd", { class: "jf-komponen__nilai", text: teks(x.nilai) || "" }),
      teks(x.keterangan) ? el("dd", { class: "jf-komponen__ket", text: x.keterangan }) : null,
    ]));
  }
  if (r.total && teks(r.total.nilai)) {
    dl.append(el("div", { class: "jf-komponen__baris jf-komponen__total" }, [
      el("dt", { text: r.total.label || "" }), el("dd", { class: "jf-komponen__nilai", text: r.total.nilai }),
    ]));
  }
  return el("section", { class: "jf-bagian", "aria-labelledby": "kalk-komponen-judul" }, [
    el("h3", { id: "kalk-komponen-judul", text: "Angka kredit Anda" }), dl]);
}

// AK over time against the thresholds, drawn from the engine's points (grafik.titik, .batas):
// the page only maps them to positions; every label is the engine's text.
function grafik(g) {
  const titik = daftar(g && g.titik).filter((t) => t && typeof t.ak === "number" && /^\d{4}-\d{2}$/.test(t.bulan));
  if (titik.length < 2) return null;
  const batas = daftar(g.batas).filter((b) => b && typeof b.ak === "number");
  const bulan = (ym) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7));
  const xs = titik.map((t) => bulan(t.bulan));
  const x0 = Math.min(...xs), x1 = Math.max(...xs) === x0 ? x0 + 1 : Math.max(...xs);
  const y1 = Math.max(1, ...titik.map((t) => t.ak), ...batas.map((b) => b.ak)) * 1.12;
  const W = 320, H = 210, L = 6, R = 6, T = 8, B = 26;
  const px = (x) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const py = (y) => T + (1 - y / y1) * (H - T - B);
  const NS = "http://www.w3.org/2000/svg";
  const sv = (tag, attrs, isi) => {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    if (isi) n.textContent = isi;
    return n;
  };
  const svg = sv("svg", { viewBox: `0 0 ${W} ${H}`, class: "jf-grafik", role: "img",
    "aria-label": teks(g.keterangan) || "Grafik angka kredit terhadap waktu" });
  svg.append(sv("line", { x1: L, y1: py(0), x2: W - R, y2: py(0), class: "jf-grafik__sumbu" }));
  for (const b of batas) {
    svg.append(sv("line", { x1: L, y1: py(b.ak), x2: W - R, y2: py(b.ak), class: "jf-grafik__batas" }));
    svg.append(sv("text", { x: L + 2, y: py(b.ak) - 4, class: "jf-grafik__teks" },
      [b.label, b.ak_teks].filter(teks).join(": ")));
  }
  const garis = (daftarTitik, kelas) => {
    if (daftarTitik.length > 1) {
      svg.append(sv("polyline", { class: kelas,
        points: daftarTitik.map((t) => `${px(bulan(t.bulan)).toFixed(1)},${py(t.ak).toFixed(1)}`).join(" ") }));
    }
  };
  const nyata = titik.filter((t) => !t.proyeksi);
  const depan = titik.filter((t) => t.proyeksi);
  garis(nyata, "jf-grafik__garis");
  garis((nyata.length ? [nyata[nyata.length - 1]] : []).concat(depan), "jf-grafik__proyeksi");
  for (const t of titik) {
    svg.append(sv("circle", { cx: px(bulan(t.bulan)).toFixed(1), cy: py(t.ak).toFixed(1), r: 3.5,
      class: t.proyeksi ? "jf-grafik__titik jf-grafik__titik--proyeksi" : "jf-grafik__titik" }));
  }
  const akhir = nyata[nyata.length - 1];
  if (akhir && teks(akhir.ak_teks)) {
    const x = px(bulan(akhir.bulan));
    svg.append(sv("text", { x: x > W / 2 ? x - 6 : x + 6, y: py(akhir.ak) + 16, class: "jf-grafik__teks jf-grafik__teks--kuat",
      "text-anchor": x > W / 2 ? "end" : "start" }, akhir.ak_teks));
  }
  const sumbu = daftar(g.sumbu_x);
  if (teks(sumbu[0])) svg.append(sv("text", { x: L, y: H - 6, class: "jf-grafik__teks" }, sumbu[0]));
  if (teks(sumbu[1])) svg.append(sv("text", { x: W - R, y: H - 6, class: "jf-grafik__teks", "text-anchor": "end" }, sumbu[1]));
  return el("figure", { class: "jf-grafik-wadah" }, [
    svg,
    el("figcaption", { text: teks(g.keterangan) || "" }),
  ]);
}

function rincian(h) {
  const rows = daftar(h.rincian);
  if (!rows.length) return null;
  const tabel = el("table", { class: "jf-rincian" });
  tabel.append(el("caption", { text: "Angka kredit dari predikat kinerja, per periode penilaian" }));
  tabel.append(el("thead", null, [el("tr", null, ["Periode", "Predikat", "AK", "Rumus", "Keterangan"]
    .map((t) => el("th", { scope: "col", text: t })))]));
  const tb = el("tbody");
  for (const r of rows) {
    tb.append(el("tr", { class: r.dihitung === false ? "jf-rincian--lewat" : null }, [
      el("td", { "data-label": "Periode", text: teks(r.periode_teks) || "" }),
      el("td", { "data-label": "Predikat", text: teks(r.predikat) || "" }),
      el("td", { "data-label": "AK", text: teks(r.ak_teks) || "" }),
      el("td", { "data-label": "Rumus", text: teks(r.rumus) || "" }),
      el("td", { "data-label": "Keterangan" }, [teks(r.keterangan) || "", dasar(r.dasar_hukum)]),
    ]));
  }
  tabel.append(tb);
  return el("section", { class: "jf-bagian", "aria-labelledby": "kalk-rincian-judul" }, [
    el("h3", { id: "kalk-rincian-judul", text: "Rincian per periode" }),
    el("div", { class: "jf-tabel", tabindex: "0", role: "region", "aria-labelledby": "kalk-rincian-judul" }, [tabel]),
  ]);
}

function peringatan(h) {
  const p = daftar(h.peringatan).filter(teks);
  if (!p.length) return null;
  return el("div", { class: "admonition warning jf-peringatan" }, [
    el("p", { class: "admonition-title", text: "Perhatikan" }),
    el("ul", null, p.map((x) => el("li", { text: x }))),
  ]);
}

// Show a result without galat.
export function tampilkan(h) {
  $("kalk-jawaban-isi").replaceChildren(...kartuJawaban(h));
  $("kalk-jawaban").dataset.keadaan = "hasil";
  const bagian = [
    langkah(h),
    kenaikan(h.kenaikan_pangkat, "kalk-kp-judul"),
    kenaikan(h.kenaikan_jenjang, "kalk-kj-judul"),
    kenaikan(h.kenaikan_pangkat_tanpa_formasi, "kalk-kptf-judul"),
    komponen(h),
    grafik(h.grafik),
    rincian(h),
    peringatan(h),
    el("div", { class: "admonition note jf-catatan" }, [
      el("p", { class: "admonition-title", text: "Simulasi, bukan PAK" }),
      teks(h.catatan) ? el("p", { text: h.catatan }) : null,
      teks(h.dihitung_teks) ? el("p", { class: "jf-versi", text: h.dihitung_teks }) : null,
    ]),
  ];
  $("kalk-hasil-isi").replaceChildren(...bagian.filter(Boolean));
  $("kalk-hasil").hidden = false;
  // One sentence for screen readers, not the whole result on every keystroke.
  $("kalk-hasil-ringkas").textContent = teks(h.ringkasan && h.ringkasan.jawaban) || "";
}

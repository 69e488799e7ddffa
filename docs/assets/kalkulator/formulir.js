// The form: its options (from calculator.aturan(), rendered into the page at build time), the
// request it stands for, filling it from a request (link, file, this device), and placing the
// engine's error messages by the field they name.
//
// What a person types goes to the engine as typed ("1.050,5" stays a string): the engine parses
// numbers in one place (maintainers/desain.md, the contract). Every field of the contract has a place in the form, and
// fields the form does not know are kept and sent along, so the engine reports them and a link or
// file round-trips whole. A crafted value that no field can hold is reported and left out.

const PANJANG_TEKS = 200; // longest text a field takes from a link or file (a typo is far shorter)

const YA_TIDAK = ["uji_kompetensi", "formasi_tersedia", "pengembangan_profesi", "hukuman_disiplin"];
const TANGGAL = ["tanggal_pak", "tmt_golongan", "tmt_jenjang", "tanggal_hitung"];
const TEKS = ["nama", "nip"];
// Top-level fields with a place in this form; anything else is kept in `lain` and sent along.
const DIKENAL = new Set(["jenjang", "golongan", "ak_awal", "ak_konvensional", "penilaian", "proyeksi",
  "pendidikan", "perpindahan", "desimal", ...YA_TIDAK, ...TANGGAL, ...TEKS]);
const PERPINDAHAN = ["tanggal", "tmt_golongan", "predikat"];
const PROYEKSI_BAWAAN = "";
const PROYEKSI_TANPA = "tanpa";

const $ = (id) => document.getElementById(id);

export function el(tag, attrs, children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "text") n.textContent = v;
    else if (k === "class") n.className = v;
    else if (v !== null && v !== undefined && v !== false) n.setAttribute(k, v);
  }
  for (const c of children || []) {
    if (c !== null && c !== undefined) n.append(c);
  }
  return n;
}

function objek(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

function sisa(obj, kunci) {
  const lain = {};
  for (const [k, v] of Object.entries(obj)) if (!kunci.has(k)) lain[k] = v;
  return lain;
}

// The label text of a form control, as the person reads it.
export function labelDari(input) {
  if (!input) return "";
  const lab = input.id ? document.querySelector(`label[for="${input.id}"]`) : null;
  const teks = lab ? (lab.querySelector(".jf-label") || lab).textContent : input.getAttribute("aria-label");
  return String(teks || "").trim();
}

export class Formulir {
  constructor(akar, aturan) {
    this.akar = akar;
    this.aturan = aturan;
    this.maks = aturan.penilaian_maksimum || 240;
    this.barisKe = 0;
    this.lain = {}; // top-level fields this form has no place for
    this.lainProyeksi = {};
    this.lainPendidikan = {};
    this.lainPerpindahan = {};
    this.disentuh = new Set(); // fields the person changed (root names: "jenjang", "penilaian")
    this.semua = false; // every field counts as entered (a link, a file, "Lihat hasil")
    this.peta = [];
  }

  get diisi() {
    return this.semua || this.disentuh.size > 0;
  }

  // ---------------------------------------------------------------- options and labels
  siapkan() {
    const a = this.aturan;
    const sel = $("f-jenjang");
    sel.replaceChildren(el("option", { value: "", text: "Pilih jenjang" }));
    const grup = new Map();
    for (const j of a.jenjang) {
      const kat = j.kategori || "";
      if (!grup.has(kat)) {
        const nama = (a.kategori && a.kategori[kat] && a.kategori[kat].nama) || kat;
        grup.set(kat, el("optgroup", { label: "Kategori " + nama.replace(/^kategori\s+/i, "") }));
        sel.append(grup.get(kat));
      }
      grup.get(kat).append(el("option", { value: j.kode, text: j.nama }));
    }
    const pro = $("f-proyeksi");
    pro.replaceChildren(el("option", { value: PROYEKSI_BAWAAN, text: "Bawaan kalkulator" }));
    for (const p of a.predikat) pro.append(el("option", { value: p.nama, text: "Predikat " + p.nama }));
    pro.append(el("option", { value: PROYEKSI_TANPA, text: "Tanpa perkiraan" }));
    const pindah = $("f-perpindahan_predikat");
    pindah.replaceChildren(el("option", { value: "", text: "Pilih predikat" }));
    for (const p of a.predikat) pindah.append(el("option", { value: p.nama, text: p.nama }));
    // Perpindahan (moving into this jabatan) is offered when the engine knows it.
    const opsiPindah = this.akar.querySelector("input[name=kalk-awal][value=pindah]");
    if (opsiPindah) opsiPindah.closest("label").hidden = !(a.label_kolom && a.label_kolom.perpindahan);
    this.isiGolongan();
    // The engine's own labels for its fields (calculator.aturan() "label_kolom"), so an error
    // message and the field it names read the same.
    for (const [kolom, label] of Object.entries(a.label_kolom || {})) {
      const input = this.akar.querySelector(`[data-kolom="${CSS.escape(kolom)}"]`);
      const teks = input && input.id ? this.akar.querySelector(`label[for="${input.id}"] .jf-label`) : null;
      if (teks && typeof label === "string") teks.textContent = label;
    }
    $("kalk-maks").textContent = String(this.maks);
    this.aturMode();
  }

  jenjangIni() {
    const kode = $("f-jenjang").value;
    return this.aturan.jenjang.find((j) => j.kode === kode);
  }

  // Golongan of the chosen jenjang first; the others after them, since penyetaraan placed people
  // in a jenjang "tanpa memperhatikan jenjang pangkat" (the engine explains the situation).
  isiGolongan(pilih) {
    const sel = $("f-golongan");
    const lama = pilih !== undefined ? pilih : sel.value;
    const j = this.jenjangIni();
    const pangkat = new Map(this.aturan.golongan.map((g) => [g.kode, g.pangkat]));
    const teks = (g) => g + (pangkat.get(g) ? " – " + pangkat.get(g) : "");
    sel.replaceChildren(el("option", { value: "", text: "Pilih golongan" }));
    const dalam = j ? j.golongan : [];
    if (j) {
      const grup = el("optgroup", { label: "Golongan jenjang " + j.nama });
      for (const g of dalam) grup.append(el("option", { value: g, text: teks(g) }));
      sel.append(grup);
    }
    const lainnya = this.aturan.golongan.map((g) => g.kode).filter((g) => !dalam.includes(g));
    const grup = j ? el("optgroup", { label: "Golongan lain" }) : sel;
    for (const g of lainnya) grup.append(el("option", { value: g, text: teks(g) }));
    if (j) sel.append(grup);
    this.pilihNilai(sel, lama);
  }

  // Select `nilai`; a value the options lack is added as it is, so the engine can say why.
  pilihNilai(sel, nilai) {
    if (nilai === undefined || nilai === null || nilai === "") {
      sel.value = "";
      return;
    }
    sel.value = nilai;
    if (sel.value !== nilai) {
      sel.append(el("option", { value: nilai, text: nilai }));
      sel.value = nilai;
    }
  }

  // ---------------------------------------------------------------- start: PAK, integrasi, none
  mode() {
    const r = this.akar.querySelector("input[name=kalk-awal]:checked");
    return r ? r.value : "pak";
  }

  aturMode(mode) {
    if (mode) this.akar.querySelector(`input[name=kalk-awal][value="${mode}"]`).checked = true;
    const m = this.mode();
    for (const k of this.akar.querySelectorAll("[data-awal]")) {
      const aktif = k.dataset.awal.split(" ").includes(m) || k.dataset.paksa === "1";
      k.hidden = !aktif;
    }
  }

  // ---------------------------------------------------------------- rated periods
  jumlahBaris() {
    return this.akar.querySelectorAll(".jf-periode").length;
  }

  tambahBaris(data, lain) {
    if (this.jumlahBaris() >= this.maks) {
      this.aturTambah();
      return null;
    }
    const n = ++this.barisKe;
    const d = data || {};
    const modus = d.mulai !== undefined || d.selesai !== undefined ? "bulan" : "tahun";
    const baris = el("div", { class: "jf-periode", role: "listitem", "data-baris": String(n) });
    if (lain && Object.keys(lain).length) baris.dataset.lain = JSON.stringify(lain);
    const jenis = el("select", { id: `p${n}-jenis`, "data-bidang": "jenis" }, [
      el("option", { value: "tahun", text: "Satu tahun penuh" }),
      el("option", { value: "bulan", text: "Rentang bulan" }),
    ]);
    jenis.value = modus;
    const tahun = el("input", { type: "text", id: `p${n}-tahun`, inputmode: "numeric", maxlength: "12",
      autocomplete: "off", placeholder: "contoh: 2024", "data-bidang": "tahun" });
    tahun.value = d.tahun ?? "";
    const mulai = el("input", { type: "month", id: `p${n}-mulai`, "data-bidang": "mulai" });
    const selesai = el("input", { type: "month", id: `p${n}-selesai`, "data-bidang": "selesai" });
    isiTanggal(mulai, d.mulai);
    isiTanggal(selesai, d.selesai);
    const predikat = el("select", { id: `p${n}-predikat`, "data-bidang": "predikat" });
    for (const p of this.aturan.predikat) predikat.append(el("option", { value: p.nama, text: p.nama }));
    // A predikat as the link or file wrote it ("Butuh Perbaikan", "baik") stays as written: the
    // engine matches labels (maintainers/desain.md), and the link round-trips unchanged.
    this.pilihNilai(predikat, d.predikat !== undefined ? d.predikat : "Baik");
    const galat = el("p", { class: "jf-galat", id: `p${n}-galat`, hidden: "" });
    const kolom = (label, input, kelas) => {
      input.setAttribute("aria-describedby", `p${n}-galat`);
      return el("div", { class: "jf-kolom " + (kelas || "") }, [
        el("label", { for: input.id }, [el("span", { class: "jf-label", text: label })]), input]);
    };
    const kTahun = kolom("Tahun", tahun, "jf-mode-tahun");
    const kMulai = kolom("Bulan mulai", mulai, "jf-mode-bulan");
    const kSelesai = kolom("Bulan selesai", selesai, "jf-mode-bulan");
    const hapus = el("button", { type: "button", class: "md-button jf-hapus", id: `p${n}-hapus` }, ["Hapus baris ini"]);
    baris.append(el("p", { class: "jf-periode__judul", id: `p${n}-judul` }, ["Periode"]),
      kolom("Jenis periode", jenis), kTahun, kMulai, kSelesai, kolom("Predikat", predikat), galat, hapus);
    const atur = () => {
      const b = jenis.value === "bulan";
      kTahun.hidden = b;
      kMulai.hidden = !b;
      kSelesai.hidden = !b;
    };
    atur();
    jenis.addEventListener("change", atur);
    hapus.addEventListener("click", () => {
      const berikut = baris.nextElementSibling || baris.previousElementSibling;
      baris.remove();
      this.nomoriBaris();
      this.disentuh.add("penilaian");
      this.akar.dispatchEvent(new CustomEvent("jf-isian-berubah"));
      (berikut ? berikut.querySelector("select") : $("kalk-tambah")).focus();
    });
    $("kalk-penilaian").append(baris);
    this.nomoriBaris();
    return baris;
  }

  // "Penilaian ke-2": the engine names a row so in its messages ("Penilaian ke-2, predikat"),
  // and each field's accessible name is the engine's full label for it.
  nomoriBaris() {
    const pola = this.aturan.label_kolom || {};
    this.akar.querySelectorAll(".jf-periode").forEach((r, i) => {
      const n = String(i + 1);
      r.dataset.indeks = String(i);
      r.querySelector(".jf-periode__judul").textContent = (pola["penilaian[n]"] || "Penilaian ke-{n}").replace("{n}", n);
      r.querySelector(".jf-hapus").textContent = "Hapus penilaian ke-" + n;
      for (const input of r.querySelectorAll("[data-bidang]")) {
        const label = pola["penilaian[n]." + input.dataset.bidang];
        if (label) input.setAttribute("aria-label", label.replace("{n}", n));
      }
    });
    this.aturTambah();
  }

  aturTambah() {
    const penuh = this.jumlahBaris() >= this.maks;
    $("kalk-tambah").disabled = penuh;
    $("kalk-batas-baris").hidden = !penuh;
  }

  // ---------------------------------------------------------------- form -> request
  baca() {
    const r = { ...this.lain };
    const nilai = (id) => $(id).value;
    if (nilai("f-jenjang")) r.jenjang = nilai("f-jenjang");
    if (nilai("f-golongan")) r.golongan = nilai("f-golongan");
    for (const k of ["ak_awal", "ak_konvensional"]) {
      const input = $("f-" + k);
      if (input.closest(".jf-kolom").hidden || input.value.trim() === "") continue;
      // A number from a link stays that number while its text is unchanged.
      r[k] = input.dataset.asli !== undefined && input.value === input.dataset.asli ? Number(input.dataset.asli) : input.value;
    }
    for (const k of TANGGAL) {
      const input = $("f-" + k);
      if (input.value && !input.closest(".jf-kolom").hidden) r[k] = input.value;
    }
    if (!$("f-perpindahan_tanggal").closest(".jf-kolom").hidden) {
      const p = { ...this.lainPerpindahan };
      for (const k of PERPINDAHAN) if ($("f-perpindahan_" + k).value) p[k] = $("f-perpindahan_" + k).value;
      if (Object.keys(p).length) r.perpindahan = p;
    }
    r.penilaian = [];
    this.peta = [];
    for (const b of this.akar.querySelectorAll(".jf-periode")) {
      const n = b.dataset.baris;
      const p = b.dataset.lain ? JSON.parse(b.dataset.lain) : {};
      if ($(`p${n}-jenis`).value === "bulan") {
        const mulai = $(`p${n}-mulai`).value, selesai = $(`p${n}-selesai`).value;
        if (!mulai && !selesai) continue; // a row not filled in yet is not a period
        if (mulai) p.mulai = mulai;
        if (selesai) p.selesai = selesai;
      } else {
        const t = $(`p${n}-tahun`).value.trim();
        if (!t) continue;
        p.tahun = /^\d{1,6}$/.test(t) ? Number(t) : t;
      }
      p.predikat = $(`p${n}-predikat`).value;
      r.penilaian.push(p);
      this.peta.push(b); // penilaian[i] in the engine's galat is the i-th period sent
    }
    for (const k of YA_TIDAK) {
      const v = $("f-" + k).value;
      if (v === "ya") r[k] = true;
      else if (v === "tidak") r[k] = false;
    }
    if ($("f-pendidikan").value || Object.keys(this.lainPendidikan).length) {
      r.pendidikan = { ...this.lainPendidikan };
      if ($("f-pendidikan").value) r.pendidikan.tanggal = $("f-pendidikan").value;
    }
    const pro = $("f-proyeksi").value;
    if (pro === PROYEKSI_TANPA) r.proyeksi = null;
    else if (pro !== PROYEKSI_BAWAAN || $("f-proyeksi_mulai").value || Object.keys(this.lainProyeksi).length) {
      r.proyeksi = { ...this.lainProyeksi };
      if (pro !== PROYEKSI_BAWAAN) r.proyeksi.predikat = pro;
      if ($("f-proyeksi_mulai").value) r.proyeksi.mulai = $("f-proyeksi_mulai").value;
    }
    const desimal = $("f-desimal").value.trim();
    if (desimal !== "") r.desimal = /^\d{1,3}$/.test(desimal) ? Number(desimal) : desimal;
    for (const k of TEKS) {
      const v = $("f-" + k).value.trim();
      if (v) r[k] = v;
    }
    return r;
  }

  // ---------------------------------------------------------------- request -> form
  // Fill the form from a request. Returns the list of notices for values no field can hold.
  isi(r) {
    const catatan = [];
    const tolak = (input, label) => catatan.push(`${label || labelDari(input)}: isian dari sumber ini tidak dapat dibaca dan dikosongkan.`);
    const teks = (v) => typeof v === "string" && v.length <= PANJANG_TEKS;
    const angkaAtauTeks = (v) => teks(v) || (typeof v === "number" && Number.isFinite(v));
    this.lain = sisa(r, DIKENAL);
    this.lainProyeksi = {};
    this.lainPendidikan = {};
    for (const k of this.akar.querySelectorAll("[data-paksa]")) delete k.dataset.paksa;

    const jenjang = $("f-jenjang");
    if (r.jenjang === undefined || r.jenjang === null || teks(r.jenjang)) this.pilihNilai(jenjang, r.jenjang);
    else { this.pilihNilai(jenjang, ""); tolak(jenjang); }
    this.isiGolongan("");
    if (r.golongan === undefined || r.golongan === null || teks(r.golongan)) this.pilihNilai($("f-golongan"), r.golongan);
    else tolak($("f-golongan"));

    // Where the AK starts: the mode follows the fields given; a field given outside its mode
    // (both AK at once) is shown anyway, so the engine's message has a field to point at.
    const ada = (k) => r[k] !== undefined && r[k] !== null;
    this.aturMode(ada("ak_awal") || ada("tanggal_pak") ? "pak" : ada("ak_konvensional") ? "integrasi"
      : ada("perpindahan") ? "pindah" : "dasar");
    for (const k of ["ak_awal", "ak_konvensional"]) {
      const input = $("f-" + k);
      delete input.dataset.asli;
      input.value = "";
      if (!ada(k)) continue;
      if (!angkaAtauTeks(r[k])) { tolak(input); continue; }
      input.value = String(r[k]);
      if (typeof r[k] === "number") input.dataset.asli = String(r[k]);
      input.closest(".jf-kolom").dataset.paksa = "1";
    }
    for (const k of TANGGAL) {
      const input = $("f-" + k);
      const v = r[k];
      if (v === undefined || v === null) isiTanggal(input, "");
      else if (teks(v)) {
        isiTanggal(input, v);
        input.closest(".jf-kolom").dataset.paksa = "1";
      } else { isiTanggal(input, ""); tolak(input); }
    }
    this.lainPerpindahan = {};
    for (const k of PERPINDAHAN) isiTanggal($("f-perpindahan_" + k), "");
    if (objek(r.perpindahan)) {
      this.lainPerpindahan = sisa(r.perpindahan, new Set(PERPINDAHAN));
      for (const k of PERPINDAHAN) $("f-perpindahan_" + k).closest(".jf-kolom").dataset.paksa = "1";
      for (const k of PERPINDAHAN) {
        const v = r.perpindahan[k], input = $("f-perpindahan_" + k);
        if (v === undefined || v === null) continue;
        if (!teks(v)) tolak(input);
        else if (k === "predikat") this.pilihNilai(input, v);
        else isiTanggal(input, v);
      }
    } else if (ada("perpindahan")) tolak($("f-perpindahan_tanggal"), "Perpindahan dari jabatan lain");
    this.aturMode();

    $("kalk-penilaian").replaceChildren();
    const daftar = r.penilaian;
    if (Array.isArray(daftar)) {
      if (daftar.length > this.maks) {
        catatan.push(`Penilaian kinerja: isian ini berisi lebih dari ${this.maks} baris, batas kalkulator ini; hanya ${this.maks} baris pertama yang dimuat.`);
      }
      daftar.slice(0, this.maks).forEach((p, i) => {
        if (!objek(p)) { catatan.push(`Penilaian ke-${i + 1}: isian tidak dapat dibaca dan dilewati.`); return; }
        const d = {};
        for (const k of ["tahun", "mulai", "selesai", "predikat"]) {
          if (p[k] === undefined || p[k] === null) continue;
          if (k === "tahun" ? angkaAtauTeks(p[k]) : teks(p[k])) d[k] = p[k];
          else catatan.push(`Penilaian ke-${i + 1}, ${k}: isian tidak dapat dibaca dan dikosongkan.`);
        }
        this.tambahBaris(d, sisa(p, new Set(["tahun", "mulai", "selesai", "predikat"])));
      });
    } else if (daftar !== undefined && daftar !== null) {
      catatan.push("Penilaian kinerja: isian tidak dapat dibaca dan dikosongkan.");
    }
    if (!this.jumlahBaris()) this.tambahBaris(null);

    for (const k of YA_TIDAK) {
      const v = r[k];
      $("f-" + k).value = v === true ? "ya" : v === false ? "tidak" : "";
      if (v !== undefined && v !== null && typeof v !== "boolean") tolak($("f-" + k));
    }
    isiTanggal($("f-pendidikan"), "");
    if (objek(r.pendidikan)) {
      this.lainPendidikan = sisa(r.pendidikan, new Set(["tanggal"]));
      const t = r.pendidikan.tanggal;
      if (teks(t)) isiTanggal($("f-pendidikan"), t);
      else if (t !== undefined && t !== null) tolak($("f-pendidikan"));
    } else if (r.pendidikan !== undefined && r.pendidikan !== null) tolak($("f-pendidikan"));

    const pro = $("f-proyeksi");
    isiTanggal($("f-proyeksi_mulai"), "");
    if (r.proyeksi === null) pro.value = PROYEKSI_TANPA;
    else if (objek(r.proyeksi)) {
      this.lainProyeksi = sisa(r.proyeksi, new Set(["predikat", "mulai"]));
      const p = r.proyeksi.predikat;
      if (teks(p)) this.pilihNilai(pro, p);
      else {
        pro.value = PROYEKSI_BAWAAN;
        if (p !== undefined && p !== null) tolak(pro);
      }
      if (teks(r.proyeksi.mulai)) isiTanggal($("f-proyeksi_mulai"), r.proyeksi.mulai);
      else if (r.proyeksi.mulai !== undefined && r.proyeksi.mulai !== null) tolak($("f-proyeksi_mulai"));
    } else {
      pro.value = PROYEKSI_BAWAAN;
      if (r.proyeksi !== undefined) tolak(pro);
    }
    const desimal = r.desimal;
    $("f-desimal").value = angkaAtauTeks(desimal) ? String(desimal) : "";
    if (desimal !== undefined && desimal !== null && !angkaAtauTeks(desimal)) tolak($("f-desimal"));
    for (const k of TEKS) {
      const v = r[k];
      $("f-" + k).value = teks(v) ? v : "";
      if (v !== undefined && v !== null && !teks(v)) tolak($("f-" + k));
    }
    // Open the folded parts that hold something, so nothing loaded is out of sight.
    for (const d of this.akar.querySelectorAll("details.jf-tambahan")) {
      if ([...d.querySelectorAll("input, select")].some((i) => i.value && i.type !== "checkbox")) d.open = true;
    }
    this.semua = true;
    return catatan;
  }

  kosongkan() {
    this.isi({});
    this.aturMode("pak");
    for (const k of this.akar.querySelectorAll("[data-paksa]")) delete k.dataset.paksa;
    this.aturMode();
    this.semua = false;
    this.disentuh.clear();
  }

  // ---------------------------------------------------------------- the engine's errors
  bersihkanGalat() {
    for (const n of this.akar.querySelectorAll("[aria-invalid]")) n.removeAttribute("aria-invalid");
    for (const n of this.akar.querySelectorAll(".jf-galat")) { n.hidden = true; n.textContent = ""; }
    const r = $("kalk-ringkasan-galat");
    r.hidden = true;
    r.replaceChildren();
  }

  // The input and the message slot for a `kolom` such as "penilaian[1].predikat".
  cariKolom(kolom) {
    kolom = String(kolom || "");
    const m = /^penilaian\[(\d+)\](?:\.(\w+))?/.exec(kolom);
    if (m) {
      const baris = this.peta[Number(m[1])];
      if (!baris) return { input: null, galat: $("g-penilaian") };
      const n = baris.dataset.baris;
      let input = m[2] ? $(`p${n}-${m[2]}`) : null;
      if (input && input.closest(".jf-kolom").hidden) input = null;
      return { input: input || $(`p${n}-jenis`), galat: $(`p${n}-galat`) };
    }
    if (kolom.startsWith("penilaian")) return { input: null, galat: $("g-penilaian") };
    const akar = kolom.split(".")[0];
    const input = this.akar.querySelector(`[data-kolom="${CSS.escape(kolom)}"]`)
      || this.akar.querySelector(`[data-kolom="${CSS.escape(akar)}"]`)
      || this.akar.querySelector(`[data-kolom^="${CSS.escape(akar)}."]`);
    if (!input) return { input: null, galat: null };
    const gid = (input.getAttribute("aria-describedby") || "").split(" ").find((x) => x.startsWith("g-"));
    return { input, galat: gid ? $(gid) : null };
  }

  // Is this error about a field the person has entered (or a loaded request)?
  soalDiisi(g) {
    if (this.semua) return true;
    const akar = String(g.kolom || "").split(/[.[]/)[0];
    return this.disentuh.has(akar) || akar === "permintaan" || akar === "";
  }

  // Place the errors; returns the labels of the fields still to fill (errors not yet shown).
  tampilkanGalat(galat) {
    const tampil = galat.filter((g) => this.soalDiisi(g));
    const belum = galat.filter((g) => !this.soalDiisi(g)).map((g) => g.label || labelDari(this.cariKolom(g.kolom).input) || g.kolom);
    if (!tampil.length) return belum;
    const daftar = el("ul");
    for (const g of tampil) {
      const t = this.cariKolom(g.kolom);
      if (t.input) {
        t.input.setAttribute("aria-invalid", "true");
        const d = t.input.closest("details");
        if (d) d.open = true;
        const k = t.input.closest("[data-awal]");
        if (k && k.hidden) { k.dataset.paksa = "1"; k.hidden = false; }
      }
      if (t.galat) {
        t.galat.hidden = false;
        t.galat.textContent = (t.galat.textContent ? t.galat.textContent + " " : "") + g.pesan;
      }
      const isi = t.input ? el("a", { href: "#" + t.input.id, text: g.pesan }) : g.pesan;
      if (t.input) {
        isi.addEventListener("click", (e) => {
          e.preventDefault();
          t.input.dispatchEvent(new Event("jf-tunjukkan", { bubbles: true })); // guided mode
          t.input.focus();
        });
      }
      daftar.append(el("li", null, [isi]));
    }
    const ringkas = $("kalk-ringkasan-galat");
    ringkas.replaceChildren(el("p", { class: "jf-ringkasan-galat__judul", text: `Isian perlu diperbaiki (${tampil.length}):` }), daftar);
    ringkas.hidden = false;
    return belum;
  }
}

// Put a value into a date or month input. The browser empties such an input when the value is
// not a valid date; the field then turns into a text field holding the value as given, so the
// engine can name what is wrong instead of the value silently disappearing.
function isiTanggal(input, nilai) {
  const jenis = input.dataset.jenisAsli || input.type;
  input.dataset.jenisAsli = jenis;
  if (input.type !== jenis) input.type = jenis;
  input.value = nilai ?? "";
  if ((nilai ?? "") !== "" && input.value !== nilai) {
    input.type = "text";
    input.value = nilai;
  }
}

// Kalkulator angka kredit: the page's entry module (loaded by situs.js with import()).
//
// The page computes nothing: it turns the form into a request, sends it to the engine
// (calculator.hitung in a Web Worker) and places the engine's text. The parts, one job each:
//   formulir.js  the form: options, request <-> form, the engine's errors by their field
//   hasil.js     the result view: places ringkasan, kenaikan, rincian, grafik, peringatan
//   simpan.js    share link, this device's copy, exported and imported files
//   mesin.js     the worker client, with a watchdog
//   tampilan.js  status line, messages, printed sheet, the jf-hasil event
//   terpandu.js  guided mode: the same form one part at a time
// This file wires them for one calculator on the page; Material's instant navigation mounts it
// again on every visit to the page (the worker lives on across pages).

import { mesin } from "./mesin.js";
import { Formulir } from "./formulir.js";
import * as hasil from "./hasil.js";
import * as simpan from "./simpan.js";
import * as tampilan from "./tampilan.js";
import { pasangTerpandu } from "./terpandu.js";

const $ = (id) => document.getElementById(id);

class Kalkulator {
  constructor(akar, konfigurasi) {
    this.akar = akar;
    this.k = konfigurasi;
    this.form = new Formulir(akar, konfigurasi.aturan);
    this.sibuk = false;
    this.kotor = false;
    this.kunciMacet = null;
  }

  pasang() {
    // Erasing stored data must work whatever else fails below.
    $("kalk-hapus-lokal").addEventListener("click", () => {
      simpan.hapusTersimpan();
      $("kalk-simpan-lokal").checked = false;
      if (window.__jfMesin) window.__jfMesin.terakhirDiisi = null;
      tampilan.info("Data tersimpan di perangkat ini sudah dihapus.");
    });
    const m = this.m = mesin(this.k);
    const dengar = (mm) => {
      if (!this.akar.isConnected) { mm.pendengar.delete(dengar); return; }
      tampilan.status(mm, this.kunciMacet !== null);
      if (mm.status === "siap") this.kirim();
    };
    m.pendengar.add(dengar);
    this.form.siapkan();
    this.muatAwal();
    this.pasangAcara();
    tampilan.status(m, false);
    this.berubah();
  }

  // Link first, then what this tab had (instant navigation back), then this device's copy.
  muatAwal() {
    const alamat = simpan.dariAlamat();
    const tab = window.__jfMesin && window.__jfMesin.terakhirDiisi;
    const tersimpan = simpan.bacaTersimpan();
    $("kalk-simpan-lokal").checked = simpan.adaTersimpan();
    const pesan = [];
    if (alamat && alamat.galat) pesan.push(alamat.galat);
    if (tersimpan && tersimpan.galat) pesan.push(tersimpan.galat + " Tekan \"Hapus data tersimpan\" untuk menghapusnya.");
    if (alamat && alamat.permintaan) {
      this.dariTautan = true;
      pesan.push(...this.muat(alamat.permintaan, "Tautan simulasi"));
      this.ingatTautan();
    }
    else if (tab) {
      this.muat(tab.permintaan, "Isian sebelumnya");
      this.form.semua = tab.semua;
      for (const d of tab.disentuh || []) this.form.disentuh.add(d);
    } else if (tersimpan && tersimpan.permintaan) pesan.push(...this.muat(tersimpan.permintaan, "Isian tersimpan"));
    else this.form.kosongkan();
    tampilan.kabar(pesan);
  }

  // Fill the form from a request; a request the form cannot take leaves an empty, usable form.
  muat(r, asal) {
    hasil.menghitung();
    try {
      const catatan = this.form.isi(r);
      return catatan.length ? [`${asal}: sebagian isian tidak dapat dipakai.`, ...catatan] : [];
    } catch (err) {
      console.error(err);
      try { this.form.kosongkan(); } catch (e) { console.error(e); }
      return [`${asal} tidak dapat dimuat; formulir dikosongkan.`];
    }
  }

  pasangAcara() {
    const form = $("kalk-form");
    const ubah = (e) => {
      const t = e.target;
      if (t.id === "f-jenjang") this.form.isiGolongan();
      if (t.name === "kalk-awal") {
        for (const k of this.akar.querySelectorAll("[data-paksa]")) delete k.dataset.paksa;
        this.form.aturMode();
      }
      if (t.id === "f-proyeksi") $("k-proyeksi_mulai").hidden = !t.value || t.value === "tanpa";
      const kolom = t.closest(".jf-periode") ? "penilaian" : (t.dataset.kolom || t.name || "").split(/[.[]/)[0];
      if (kolom) this.form.disentuh.add(kolom === "kalk-awal" ? "ak_awal" : kolom);
      this.berubah();
    };
    form.addEventListener("input", ubah);
    form.addEventListener("change", ubah);
    this.akar.addEventListener("jf-isian-berubah", () => this.berubah());
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.form.semua = true;
      this.berubah();
      $("kalk-jawaban").scrollIntoView({ block: "start" });
      $("kalk-jawaban").focus({ preventScroll: true });
    });
    $("kalk-tambah").addEventListener("click", () => {
      let tahun = "";
      for (const i of this.akar.querySelectorAll(".jf-periode input[data-bidang=tahun]")) {
        if (/^\d{4}$/.test(i.value) && (tahun === "" || Number(i.value) >= tahun)) tahun = Number(i.value) + 1;
      }
      const b = this.form.tambahBaris({ tahun, predikat: "Baik" });
      if (!b) return;
      b.querySelector("select").focus();
      this.form.disentuh.add("penilaian");
      this.berubah();
    });
    $("kalk-ulang").addEventListener("click", () => {
      if (this.kunciMacet !== null) {
        this.kunciMacet = null;
        this.kotor = true;
      }
      if (this.m.status === "gagal") this.m.ulang("");
      else { tampilan.status(this.m, false); this.kirim(); }
    });
    $("kalk-mulai-ulang").addEventListener("click", () => {
      this.dariTautan = false;
      this.form.kosongkan();
      tampilan.kabar([]);
      history.replaceState(history.state, "", location.pathname + location.search);
      this.berubah();
      $("f-jenjang").focus();
    });
    this.akar.addEventListener("click", (e) => {
      const a = e.target.closest && e.target.closest("a[data-fokus]");
      if (!a) return;
      e.preventDefault();
      const t = $(a.dataset.fokus);
      const d = t && t.closest("details");
      if (d) d.open = true;
      if (t) {
        t.dispatchEvent(new Event("jf-tunjukkan", { bubbles: true }));
        t.scrollIntoView({ block: "center" });
        t.focus();
      }
    });
    $("kalk-salin").addEventListener("click", () => {
      const t = $("kalk-tautan");
      const manual = () => {
        t.select();
        tampilan.info(document.execCommand("copy") ? "Tautan disalin." : "Salin tautan yang sudah dipilih secara manual.");
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(t.value).then(() => tampilan.info("Tautan disalin."), manual);
      } else manual();
    });
    $("kalk-tautan-identitas").addEventListener("change", () => this.perbaruiTautan(this.form.baca()));
    $("kalk-simpan-lokal").addEventListener("change", (e) => {
      if (e.target.checked) {
        if (simpan.simpan(this.form.baca())) tampilan.info("Isian disimpan di perangkat ini.");
        else { e.target.checked = false; tampilan.info("Peramban tidak mengizinkan penyimpanan."); }
      } else {
        simpan.hapusTersimpan();
        tampilan.info("Isian tidak lagi disimpan.");
      }
    });
    $("kalk-ekspor").addEventListener("click", () => {
      const r = this.form.baca();
      simpan.unduh(r, simpan.namaBerkas(r.nama, r.nip));
    });
    $("kalk-buka").addEventListener("click", () => $("kalk-impor").click());
    $("kalk-impor").addEventListener("change", async (e) => {
      const f = e.target.files && e.target.files[0];
      e.target.value = "";
      if (!f) return;
      const r = await simpan.bacaBerkas(f);
      if (r.galat) { tampilan.kabar([r.galat]); return; }
      const pesan = this.muat(r.permintaan, `Berkas ${f.name}`);
      tampilan.kabar(pesan.length ? pesan : [`Isian dari berkas ${f.name} dimuat.`]);
      this.berubah();
    });
    $("kalk-cetak").addEventListener("click", () => window.print());
    pasangTerpandu(form, $("kalk-terpandu"));
  }

  perbaruiTautan(r) {
    const t = $("kalk-tautan");
    if (!this.form.diisi) { t.value = ""; return; }
    const dalamTautan = { ...r };
    // Name and NIP stay on this device unless the person asks for them in the link.
    if (!$("kalk-tautan-identitas").checked) { delete dalamTautan.nama; delete dalamTautan.nip; }
    t.value = simpan.tautan(dalamTautan);
    // An address that is a share link follows the form, so going back to it later (instant
    // navigation, history) shows the latest input, not the link's first one. Once typing pauses:
    // browsers throttle frequent history updates.
    clearTimeout(this.alamatNanti);
    this.alamatNanti = setTimeout(() => this.perbaruiAlamat(), 500);
  }

  // The form as loaded from a share link: until the person changes something, the address keeps
  // the link exactly as it was shared (the form's own reading may spell the same request otherwise).
  ingatTautan() {
    this.kunciTautan = JSON.stringify(this.form.baca());
    this.alamatTautan = location.href;
  }

  perbaruiAlamat() {
    if (!this.akar.isConnected) return; // left the page by instant navigation
    let t = $("kalk-tautan").value;
    if (this.kunciTautan === JSON.stringify(this.req || this.form.baca())) t = this.alamatTautan;
    else this.kunciTautan = null;
    // Material's navigation.tracking empties the hash when the page scrolls back to its top:
    // a page opened from a link keeps the link in its address.
    const hash = location.hash;
    if (t && (hash.startsWith("#s=") || (this.dariTautan && !hash)) && location.href !== t) {
      history.replaceState(history.state, "", t);
    }
  }

  berubah() {
    const r = this.req = this.form.baca();
    if (window.__jfMesin) {
      window.__jfMesin.terakhirDiisi = { permintaan: r, semua: this.form.semua, disentuh: [...this.form.disentuh] };
    }
    this.perbaruiTautan(r);
    tampilan.identitas(r.nama, r.nip);
    if ($("kalk-simpan-lokal").checked) simpan.simpan(r);
    if (!this.form.diisi) {
      this.form.bersihkanGalat();
      hasil.jawabanKosong([]);
      return;
    }
    this.kotor = true;
    this.kirim();
  }

  kirim() {
    const m = this.m;
    if (!m || m.status !== "siap" || this.sibuk || !this.kotor || !this.akar.isConnected || !this.form.diisi) return;
    const req = this.req || this.form.baca(); // the form as of the last change (berubah)
    const kunci = JSON.stringify(req);
    if (kunci === this.kunciMacet) return; // this request stuck the worker: wait for a change or a retry
    this.kotor = false;
    this.kunciMacet = null;
    const t0 = performance.now();
    if (m.jawabanTerakhir && m.jawabanTerakhir.kunci === kunci) {
      // The same request as the last answer (back on this page by instant navigation).
      this.selesai(m.jawabanTerakhir.hasil, t0, 0);
      return;
    }
    this.sibuk = true;
    $("kalk-hasil").setAttribute("aria-busy", "true");
    m.hitung(req).then((jawab) => {
      this.sibuk = false;
      $("kalk-hasil").setAttribute("aria-busy", "false");
      if (!this.akar.isConnected) return;
      if (jawab.batal) {
        if (jawab.macet && this.kunciMacetSekali === kunci) {
          // The same request got no answer twice: it may be what stops the worker.
          this.kunciMacet = kunci;
          hasil.jawabanMacet("Kalkulator tidak menjawab untuk isian ini. Periksa isian yang sangat panjang atau tidak biasa, lalu tekan \"Coba lagi\".");
        } else {
          if (jawab.macet) this.kunciMacetSekali = kunci;
          this.kotor = true; // the worker restarted: send again once it is ready
        }
        tampilan.status(m, this.kunciMacet !== null);
        return;
      }
      if (this.kotor) { this.kirim(); return; } // a newer input is waiting: render that instead
      let h;
      try {
        h = jawab.hasil ? JSON.parse(jawab.hasil) : { galat: [{ kolom: "", pesan: "Kalkulator gagal menghitung: " + jawab.galat }] };
      } catch {
        h = { galat: [{ kolom: "", pesan: "Jawaban kalkulator tidak terbaca." }] };
      }
      if (jawab.hasil) m.jawabanTerakhir = { kunci, hasil: h };
      this.selesai(h, t0, jawab.ms);
    });
  }

  selesai(h, t0, msMesin) {
    this.kunciTampil = JSON.stringify(this.req || this.form.baca());
    this.form.bersihkanGalat();
    if (Array.isArray(h.galat)) {
      const belum = this.form.tampilkanGalat(h.galat);
      if ($("kalk-ringkasan-galat").hidden) hasil.jawabanKosong(belum);
      else hasil.jawabanGalat();
    } else {
      hasil.tampilkan(h);
    }
    this.m.jumlahJawaban = (this.m.jumlahJawaban || 0) + 1;
    this.akar.dataset.jawaban = String(this.m.jumlahJawaban);
    if (this.dariTautan && !location.hash) this.perbaruiAlamat();
    tampilan.umumkanHasil({ ms: performance.now() - t0, msMesin, hasil: h });
  }
}

export function mount() {
  const akar = document.getElementById("kalkulator");
  const data = document.getElementById("kalkulator-konfigurasi");
  if (!akar || !data || akar.dataset.terpasang) return;
  akar.dataset.terpasang = "1";
  const k = new Kalkulator(akar, JSON.parse(data.dataset.konfigurasi));
  window.__jfKalkulator.aktif = k;
  k.pasang();
}

window.__jfKalkulator = {
  mount,
  aktif: null,
  keBase64url: simpan.keBase64url,
  dariBase64url: simpan.dariBase64url,
  baca: () => window.__jfKalkulator.aktif && window.__jfKalkulator.aktif.form.baca(),
  // True once what is shown answers the form as it is now (tests, benchmarks).
  tenang: () => {
    const k = window.__jfKalkulator.aktif;
    return !!k && !k.sibuk && !k.kotor && k.kunciTampil === JSON.stringify(k.form.baca());
  },
};

window.addEventListener("hashchange", () => {
  const k = window.__jfKalkulator.aktif;
  if (!k || !k.akar.isConnected || !location.hash.startsWith("#s=")) return;
  const r = simpan.dariAlamat();
  if (r && r.galat) tampilan.kabar([r.galat]);
  else if (r) {
    k.dariTautan = true;
    tampilan.kabar(k.muat(r.permintaan, "Tautan simulasi"));
    k.ingatTautan();
    k.berubah();
  }
});

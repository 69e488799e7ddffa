/* Kalkulator angka kredit: the form and the rendering of the engine's result.
 *
 * The engine (calculator.hitung, Python) runs in a Web Worker (worker.js) started once per tab
 * and kept on `window.__jfMesin`, so Material's instant navigation does not reboot Python. This
 * file only turns the form into a request, sends it and renders the answer: it never computes an
 * AK itself (maintainers/desain.md). Options (jenjang, golongan, predikat) come from calculator.aturan(),
 * rendered into the page at build time by hooks/pyodide_runtime.py.
 */
(function () {
  "use strict";
  if (window.__jfKalkulator) return;

  var SIMPAN = "panduan-jf:kalkulator:isian";
  var BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember"];

  // ---------------------------------------------------------------- engine (one per tab)
  function mesinBaru(konfigurasi) {
    var root = new URL(konfigurasi.root, location.href);
    var m = { pesan: [], konfigurasi: konfigurasi };
    var mulai = {
      jenis: "mulai",
      pyodide: new URL(konfigurasi.runtime.pyodide_dir, root).href,
      stdlib: new URL(konfigurasi.runtime.stdlib, root).href,
      snapshot: konfigurasi.runtime.snapshot_cache,
      wheel: new URL(konfigurasi.runtime.wheel, root).href,
      sha256: konfigurasi.runtime.wheel_sha256,
    };
    // The start message goes as the worker's name too: the worker boots at once (worker.js).
    m.worker = new Worker(new URL(konfigurasi.runtime.worker, root), { type: "module", name: JSON.stringify(mulai) });
    m.worker.onmessage = function (e) { m.pesan.push(e.data); };
    m.worker.postMessage(mulai);
    return m;
  }

  // Adopt the worker the page's inline script started (or start one), and give it an API.
  function mesin(konfigurasi) {
    var m = window.__jfMesin;
    if (m && m.siapPakai) return m;
    if (!m) m = window.__jfMesin = mesinBaru(konfigurasi);
    m.konfigurasi = konfigurasi; // for a restart (the inline start script knows only its URLs)
    m.status = "muat";
    m.teks = "Mengunduh Python (Pyodide) dari situs ini…";
    m.tunggu = {};
    m.nomor = 0;
    m.pendengar = null;
    m.siapPakai = true;
    function terima(data) {
      if (data.jenis === "kemajuan") { m.teks = data.teks; m.tahap = data.tahap; }
      else if (data.jenis === "siap") {
        m.status = "siap"; m.versi = data; m.teks = "Mesin hitung siap.";
        window.dispatchEvent(new CustomEvent("jf-mesin-siap", { detail: data }));
      } else if (data.jenis === "gagal") { m.status = "gagal"; m.teks = data.pesan; }
      else if (data.jenis === "snapshot") {
        m.snapshot = data;
        window.dispatchEvent(new CustomEvent("jf-snapshot", { detail: data }));
      }
      else if (data.jenis === "hasil") {
        var cb = m.tunggu[data.id];
        delete m.tunggu[data.id];
        if (cb) cb(data);
        return;
      }
      if (m.pendengar) m.pendengar(m);
    }
    function pasang(worker) {
      worker.onmessage = function (e) { terima(e.data); };
      worker.onerror = function (e) {
        m.status = "gagal";
        m.teks = "Worker tidak dapat dimuat" + (e && e.message ? ": " + e.message : ".");
        if (m.pendengar) m.pendengar(m);
      };
    }
    pasang(m.worker);
    var lama = m.pesan; m.pesan = [];
    lama.forEach(terima);
    m.hitung = function (permintaan) {
      return new Promise(function (resolve) {
        var id = ++m.nomor;
        m.tunggu[id] = resolve;
        m.worker.postMessage({ jenis: "hitung", id: id, permintaan: JSON.stringify(permintaan) });
      });
    };
    m.ulang = function () {
      try { m.worker.terminate(); } catch (e) { /* already gone */ }
      var baru = mesinBaru(m.konfigurasi);
      m.worker = baru.worker;
      m.status = "muat"; m.teks = "Mencoba lagi: mengunduh Python (Pyodide)…";
      m.tunggu = {};
      pasang(m.worker);
      if (m.pendengar) m.pendengar(m);
    };
    return m;
  }

  // ---------------------------------------------------------------- small helpers
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var n = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "text") n.textContent = attrs[k];
      else if (k === "class") n.className = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) n.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      n.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return n;
  }
  function angka(x, desimal) {
    if (typeof x !== "number") return x === null || x === undefined ? "–" : String(x);
    return new Intl.NumberFormat("id-ID", { maximumFractionDigits: desimal === undefined ? 2 : desimal }).format(x);
  }
  function bulanTeks(ym) {
    if (!ym) return "–";
    var p = String(ym).split("-");
    return BULAN[Number(p[1]) - 1] + " " + p[0];
  }
  function tanggalTeks(ymd) {
    if (!ymd) return "–";
    var p = String(ymd).split("-");
    return Number(p[2]) + " " + BULAN[Number(p[1]) - 1] + " " + p[0];
  }
  function norm(s) { return String(s || "").toLowerCase().replace(/[\s_]+/g, ""); }

  // base64url (RFC 4648 section 5) without padding, of the UTF-8 JSON: the public share format.
  function keBase64url(obj) {
    var bytes = new TextEncoder().encode(JSON.stringify(obj));
    var bin = "";
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function dariBase64url(teks) {
    var b64 = teks.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  }

  // ---------------------------------------------------------------- the form
  function Kalkulator(akar, konfigurasi) {
    this.akar = akar;
    this.k = konfigurasi;
    this.aturan = konfigurasi.aturan;
    this.barisKe = 0;
    this.sibuk = false;
    this.kotor = false;
    this.terakhir = null;
  }

  Kalkulator.prototype.isiPilihan = function () {
    var a = this.aturan;
    var sel = $("f-jenjang");
    sel.innerHTML = "";
    var grup = {};
    a.jenjang.forEach(function (j) {
      var kat = j.kategori || "";
      if (!grup[kat]) {
        grup[kat] = el("optgroup", { label: kat === "keahlian" ? "Kategori keahlian" : kat === "keterampilan" ? "Kategori keterampilan" : kat });
        sel.appendChild(grup[kat]);
      }
      grup[kat].appendChild(el("option", { value: j.kode, text: j.nama }));
    });
    var pro = $("f-proyeksi");
    if (a.jenjang.some(function (j) { return j.kode === "ahli_pertama"; })) sel.value = "ahli_pertama";
    pro.innerHTML = "";
    pro.appendChild(el("option", { value: "", text: "Tanpa proyeksi" }));
    a.predikat.forEach(function (p) {
      pro.appendChild(el("option", { value: p.nama, text: p.nama + " (" + angka(p.persentase) + "%)" }));
    });
    this.isiGolongan();
  };

  Kalkulator.prototype.jenjangIni = function () {
    var kode = $("f-jenjang").value;
    return this.aturan.jenjang.filter(function (j) { return j.kode === kode; })[0];
  };

  Kalkulator.prototype.isiGolongan = function (pilih) {
    var sel = $("f-golongan");
    var lama = pilih || sel.value;
    var j = this.jenjangIni();
    var pangkat = {};
    this.aturan.golongan.forEach(function (g) { pangkat[g.kode] = g.pangkat; });
    sel.innerHTML = "";
    (j ? j.golongan : []).forEach(function (g) {
      sel.appendChild(el("option", { value: g, text: g + (pangkat[g] ? " – " + pangkat[g] : "") }));
    });
    if (lama && j && j.golongan.indexOf(lama) < 0 && pilih) {
      // A request naming a golongan outside the jenjang: keep it so the engine can say why.
      sel.appendChild(el("option", { value: lama, text: lama }));
    }
    if (lama) sel.value = lama;
    if (!sel.value && sel.options.length) sel.value = sel.options[0].value;
  };

  Kalkulator.prototype.pilihanPredikat = function (sel, nilai) {
    this.aturan.predikat.forEach(function (p) {
      sel.appendChild(el("option", { value: p.nama, text: p.nama }));
    });
    if (nilai !== undefined && nilai !== null && nilai !== "") {
      var cocok = this.aturan.predikat.filter(function (p) {
        return norm(p.nama) === norm(nilai) || norm(p.kode) === norm(nilai) ||
          (p.label || []).some(function (l) { return norm(l) === norm(nilai); });
      })[0];
      if (cocok) sel.value = cocok.nama;
      else { sel.appendChild(el("option", { value: nilai, text: nilai })); sel.value = nilai; }
    }
  };

  Kalkulator.prototype.tambahBaris = function (data) {
    var self = this;
    var n = ++this.barisKe;
    var d = data || {};
    var modus = d.mulai || d.selesai ? "bulan" : "tahun";
    var wadah = $("kalk-penilaian");
    var baris = el("div", { class: "jf-periode", role: "listitem", "data-baris": String(n) });
    var judul = el("p", { class: "jf-periode__judul", id: "p" + n + "-judul" }, ["Periode"]);
    var jenis = el("select", { id: "p" + n + "-jenis", "aria-label": "Jenis periode" }, [
      el("option", { value: "tahun", text: "Satu tahun penuh" }),
      el("option", { value: "bulan", text: "Rentang bulan" }),
    ]);
    jenis.value = modus;
    var tahun = el("input", { type: "number", id: "p" + n + "-tahun", inputmode: "numeric", min: "2000", max: "2100", "data-bidang": "tahun" });
    tahun.value = d.tahun !== undefined ? d.tahun : (modus === "tahun" && !data ? new Date().getFullYear() - 1 : "");
    var mulai = el("input", { type: "month", id: "p" + n + "-mulai", "data-bidang": "mulai", placeholder: "2024-01" });
    mulai.value = d.mulai || "";
    var selesai = el("input", { type: "month", id: "p" + n + "-selesai", "data-bidang": "selesai", placeholder: "2024-12" });
    selesai.value = d.selesai || "";
    var predikat = el("select", { id: "p" + n + "-predikat", "data-bidang": "predikat" });
    this.pilihanPredikat(predikat, d.predikat !== undefined ? d.predikat : "Baik");
    var galat = el("p", { class: "jf-galat", id: "p" + n + "-galat", hidden: "" });
    function kolom(label, input, kelas) {
      input.setAttribute("aria-describedby", "p" + n + "-galat");
      return el("div", { class: "jf-kolom " + (kelas || "") }, [el("label", { for: input.id, text: label }), input]);
    }
    var kTahun = kolom("Tahun", tahun, "jf-mode-tahun");
    var kMulai = kolom("Dari bulan", mulai, "jf-mode-bulan");
    var kSelesai = kolom("Sampai bulan", selesai, "jf-mode-bulan");
    var hapus = el("button", { type: "button", class: "md-button jf-hapus", id: "p" + n + "-hapus" }, ["Hapus periode"]);
    jenis.setAttribute("aria-describedby", "p" + n + "-galat");
    baris.appendChild(judul);
    baris.appendChild(el("div", { class: "jf-kolom" }, [el("label", { for: jenis.id, text: "Jenis" }), jenis]));
    baris.appendChild(kTahun);
    baris.appendChild(kMulai);
    baris.appendChild(kSelesai);
    baris.appendChild(kolom("Predikat", predikat));
    baris.appendChild(galat);
    baris.appendChild(hapus);
    function atur() {
      var b = jenis.value === "bulan";
      kTahun.hidden = b;
      kMulai.hidden = !b;
      kSelesai.hidden = !b;
    }
    atur();
    jenis.addEventListener("change", atur);
    hapus.addEventListener("click", function () {
      var berikut = baris.nextElementSibling || baris.previousElementSibling;
      baris.remove();
      self.nomoriBaris();
      self.berubah();
      var fokus = berikut ? berikut.querySelector("select") : $("kalk-tambah");
      fokus.focus();
    });
    wadah.appendChild(baris);
    this.nomoriBaris();
    return baris;
  };

  Kalkulator.prototype.nomoriBaris = function () {
    var rows = this.akar.querySelectorAll(".jf-periode");
    rows.forEach(function (r, i) {
      r.dataset.indeks = String(i);
      r.querySelector(".jf-periode__judul").textContent = "Periode " + (i + 1);
      r.querySelector(".jf-hapus").setAttribute("aria-label", "Hapus periode " + (i + 1));
    });
  };

  function teksAngka(v) {
    var s = String(v).trim().replace(/\s/g, "");
    if (s === "") return undefined;
    // Indonesian decimal comma or a dot; anything else goes as text so the engine can explain.
    if (/^-?\d+([.,]\d+)?$/.test(s)) return Number(s.replace(",", "."));
    return v;
  }
  function yaTidak(v) { return v === "ya" ? true : v === "tidak" ? false : undefined; }

  Kalkulator.prototype.baca = function () {
    var r = { jenjang: $("f-jenjang").value, golongan: $("f-golongan").value };
    var ak = teksAngka($("f-ak_awal").value);
    if (ak !== undefined) r.ak_awal = ak;
    ["tanggal_pak", "tmt_golongan", "tmt_jenjang"].forEach(function (k) {
      var v = $("f-" + k).value; if (v) r[k] = v;
    });
    r.penilaian = [];
    var peta = [];
    this.akar.querySelectorAll(".jf-periode").forEach(function (b) {
      var n = b.dataset.baris;
      var p = {};
      if ($("p" + n + "-jenis").value === "bulan") {
        p.mulai = $("p" + n + "-mulai").value;
        p.selesai = $("p" + n + "-selesai").value;
        if (!p.mulai && !p.selesai) return; // a row not filled in yet is not a period
      } else {
        var t = $("p" + n + "-tahun").value.trim();
        if (!t) return;
        p.tahun = /^\d+$/.test(t) ? Number(t) : t;
      }
      p.predikat = $("p" + n + "-predikat").value;
      r.penilaian.push(p);
      peta.push(b);
    });
    // penilaian[i] in the engine's galat is the i-th period sent, not the i-th row on screen.
    this.peta = peta;
    var akk = teksAngka($("f-ak_konvensional").value);
    if (akk !== undefined) r.ak_konvensional = akk;
    if ($("f-pendidikan").value) r.pendidikan = { tanggal: $("f-pendidikan").value };
    ["uji_kompetensi", "formasi_tersedia", "pengembangan_profesi"].forEach(function (k) {
      var v = yaTidak($("f-" + k).value); if (v !== undefined) r[k] = v;
    });
    if ($("f-proyeksi").value) r.proyeksi = { predikat: $("f-proyeksi").value };
    return r;
  };

  function pilih(sel, v) {
    if (v === true) sel.value = "ya"; else if (v === false) sel.value = "tidak"; else sel.value = "";
  }

  Kalkulator.prototype.isi = function (r) {
    r = r || {};
    var self = this;
    if (r.jenjang) {
      var js = $("f-jenjang");
      js.value = r.jenjang;
      if (js.value !== r.jenjang) { js.appendChild(el("option", { value: r.jenjang, text: r.jenjang })); js.value = r.jenjang; }
    }
    this.isiGolongan(r.golongan);
    $("f-ak_awal").value = r.ak_awal === undefined || r.ak_awal === null ? "" : String(r.ak_awal).replace(".", ",");
    ["tanggal_pak", "tmt_golongan", "tmt_jenjang"].forEach(function (k) { $("f-" + k).value = r[k] || ""; });
    $("kalk-penilaian").innerHTML = "";
    (Array.isArray(r.penilaian) ? r.penilaian : []).forEach(function (p) { self.tambahBaris(p || {}); });
    $("f-ak_konvensional").value = r.ak_konvensional === undefined || r.ak_konvensional === null ? "" : String(r.ak_konvensional).replace(".", ",");
    $("f-pendidikan").value = (r.pendidikan && r.pendidikan.tanggal) || "";
    pilih($("f-uji_kompetensi"), r.uji_kompetensi);
    pilih($("f-formasi_tersedia"), r.formasi_tersedia);
    pilih($("f-pengembangan_profesi"), r.pengembangan_profesi);
    var pro = $("f-proyeksi");
    pro.value = "";
    if (r.proyeksi && r.proyeksi.predikat) {
      var cocok = this.aturan.predikat.filter(function (p) {
        return norm(p.nama) === norm(r.proyeksi.predikat) || norm(p.kode) === norm(r.proyeksi.predikat);
      })[0];
      pro.value = cocok ? cocok.nama : "";
    }
    if (r.ak_konvensional !== undefined || r.pendidikan || r.uji_kompetensi !== undefined ||
        r.formasi_tersedia !== undefined || r.pengembangan_profesi !== undefined || r.proyeksi) {
      $("kalk-tambahan").open = true;
    }
  };

  // ---------------------------------------------------------------- status, errors
  Kalkulator.prototype.status = function (m) {
    var kotak = $("kalk-status");
    if (!kotak) return;
    kotak.dataset.tahap = m.status;
    var teks = m.teks;
    if (m.status === "siap" && m.versi) {
      teks = "Mesin hitung siap (Python " + m.versi.python + ", Pyodide " + m.versi.pyodide +
        (m.versi.snapshot ? ", dimuat dari cuplikan memori" : "") + ").";
    }
    if (m.status === "gagal") teks = "Kalkulator gagal dimuat: " + m.teks + " Periksa sambungan lalu coba lagi.";
    $("kalk-status-teks").textContent = teks;
    $("kalk-ulang").hidden = m.status !== "gagal";
    if (m.status !== "siap") {
      // A failed or restarted worker will not answer what was in flight: send again when ready.
      if (this.sibuk) { this.sibuk = false; this.kotor = true; }
    } else this.kirim();
  };

  Kalkulator.prototype.bersihkanGalat = function () {
    this.akar.querySelectorAll("[aria-invalid]").forEach(function (n) { n.removeAttribute("aria-invalid"); });
    this.akar.querySelectorAll(".jf-galat").forEach(function (n) { n.hidden = true; n.textContent = ""; });
    var r = $("kalk-ringkasan-galat");
    r.hidden = true; r.innerHTML = "";
  };

  // Find the input a `kolom` such as "penilaian[1].predikat" or "pendidikan.tanggal" names.
  Kalkulator.prototype.cariKolom = function (kolom, peta) {
    var m = /^penilaian\[(\d+)\](?:\.(\w+))?/.exec(kolom || "");
    if (m) {
      var baris = (peta || [])[Number(m[1])];
      if (!baris) return { input: null, galat: $("g-penilaian") };
      var n = baris.dataset.baris;
      var bidang = m[2];
      var input = bidang ? $("p" + n + "-" + bidang) : null;
      if (input && input.closest(".jf-kolom").hidden) input = null;
      if (!input) input = $("p" + n + "-jenis");
      return { input: input, galat: $("p" + n + "-galat") };
    }
    if (/^penilaian/.test(kolom || "")) return { input: null, galat: $("g-penilaian") };
    var input = this.akar.querySelector('[data-kolom="' + (kolom || "").replace(/"/g, "") + '"]');
    if (!input && kolom) input = this.akar.querySelector('[data-kolom="' + kolom.split(".")[0] + '"]') ||
      this.akar.querySelector('[data-kolom^="' + kolom.split(".")[0] + '."]');
    if (!input) return { input: null, galat: null };
    var gid = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x.indexOf("g-") === 0; })[0];
    return { input: input, galat: gid ? $(gid) : null };
  };

  Kalkulator.prototype.tampilkanGalat = function (galat, peta) {
    var self = this;
    var ringkas = $("kalk-ringkasan-galat");
    var daftar = el("ul");
    galat.forEach(function (g) {
      var t = self.cariKolom(g.kolom, peta);
      if (t.input) {
        t.input.setAttribute("aria-invalid", "true");
        if (t.input.closest("details")) t.input.closest("details").open = true;
      }
      if (t.galat) {
        t.galat.hidden = false;
        t.galat.textContent = (t.galat.textContent ? t.galat.textContent + " " : "") + g.pesan;
      }
      var isi = t.input ? el("a", { href: "#" + t.input.id, text: g.pesan }) : document.createTextNode(g.pesan);
      if (t.input) isi.addEventListener("click", function (e) { e.preventDefault(); t.input.focus(); });
      daftar.appendChild(el("li", null, [isi]));
    });
    ringkas.innerHTML = "";
    ringkas.appendChild(el("p", { class: "jf-ringkasan-galat__judul", text: "Isian perlu diperbaiki (" + galat.length + "):" }));
    ringkas.appendChild(daftar);
    ringkas.hidden = false;
    $("kalk-hasil-ringkas").textContent = "";
    $("kalk-hasil-isi").innerHTML = "";
    $("kalk-hasil-isi").appendChild(el("p", { text: "Hasil belum dapat dihitung: perbaiki isian yang ditandai." }));
  };

  // ---------------------------------------------------------------- computing (latest wins)
  Kalkulator.prototype.berubah = function () {
    var req = this.baca();
    this.kotor = true;
    window.__jfMesin.terakhirDiisi = req;
    this.perbaruiTautan(req);
    if ($("kalk-simpan-lokal").checked) {
      try { localStorage.setItem(SIMPAN, JSON.stringify(req)); } catch (e) { /* storage full or blocked */ }
    }
    this.kirim();
  };

  Kalkulator.prototype.kirim = function () {
    var self = this;
    var m = window.__jfMesin;
    if (!m || m.status !== "siap" || this.sibuk || !this.kotor || !this.akar.isConnected) return;
    this.kotor = false;
    this.sibuk = true;
    var req = this.baca();
    var peta = this.peta;
    var kunci = JSON.stringify(req);
    var t0 = performance.now();
    if (m.jawabanTerakhir && m.jawabanTerakhir.kunci === kunci) {
      // The same request as the last answer (e.g. back on this page after instant navigation):
      // show that answer at once instead of a round trip to the worker.
      this.sibuk = false;
      this.selesai(req, m.jawabanTerakhir.hasil, peta, t0, 0);
      return;
    }
    $("kalk-hasil").setAttribute("aria-busy", "true");
    m.hitung(req).then(function (jawab) {
      self.sibuk = false;
      if (self.kotor) { self.kirim(); return; } // a newer input is waiting: render that instead
      $("kalk-hasil").setAttribute("aria-busy", "false");
      if (!self.akar.isConnected) return;
      var hasil;
      try { hasil = jawab.hasil ? JSON.parse(jawab.hasil) : { galat: [{ kolom: "", pesan: "Mesin hitung gagal: " + jawab.galat }] }; }
      catch (e) { hasil = { galat: [{ kolom: "", pesan: "Jawaban mesin hitung tidak terbaca." }] }; }
      if (jawab.hasil) m.jawabanTerakhir = { kunci: kunci, hasil: hasil };
      self.selesai(req, hasil, peta, t0, jawab.ms);
    });
  };

  Kalkulator.prototype.selesai = function (req, hasil, peta, t0, msMesin) {
    var m = window.__jfMesin;
    this.terakhir = { permintaan: req, hasil: hasil };
    this.render(req, hasil, peta);
    m.jumlahJawaban = (m.jumlahJawaban || 0) + 1;
    this.akar.dataset.jawaban = String(m.jumlahJawaban);
    window.dispatchEvent(new CustomEvent("jf-hasil", {
      detail: { ms: performance.now() - t0, msMesin: msMesin, hasil: hasil } }));
  };

  // ---------------------------------------------------------------- rendering the result
  var STATUS = {
    terpenuhi: { tanda: "✓", teks: "terpenuhi" },
    belum: { tanda: "✗", teks: "belum terpenuhi" },
    tidak_diketahui: { tanda: "?", teks: "belum diketahui" },
  };

  Kalkulator.prototype.kartuKenaikan = function (judul, data, tujuanTeks, akKumulatif, desimal) {
    var kartu = el("div", { class: "jf-kartu" });
    kartu.appendChild(el("h3", { text: judul }));
    if (!data) {
      kartu.appendChild(el("p", { text: tujuanTeks }));
      return kartu;
    }
    var batas = data.ak_minimal;
    var persen = typeof batas === "number" && batas > 0 ? Math.max(0, Math.min(100, 100 * akKumulatif / batas)) : 100;
    kartu.appendChild(el("p", { class: "jf-tujuan" }, [tujuanTeks]));
    var bar = el("div", {
      class: "jf-bar", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": String(batas),
      "aria-valuenow": String(Math.min(akKumulatif, batas)),
      "aria-valuetext": angka(akKumulatif, desimal) + " dari " + angka(batas, desimal) + " AK",
      "aria-label": judul,
    }, [el("span", { class: "jf-bar__isi" + (data.ak_terpenuhi ? " jf-bar__isi--penuh" : ""), style: "width:" + persen.toFixed(1) + "%" })]);
    kartu.appendChild(bar);
    kartu.appendChild(el("p", { class: "jf-bar__teks" }, [
      "AK kumulatif " + angka(akKumulatif, desimal) + " dari AK minimal " + angka(batas, desimal) + ". ",
      data.ak_terpenuhi
        ? el("strong", { text: "AK sudah cukup, kelebihan " + angka(data.kelebihan, desimal) + "." })
        : el("strong", { text: "Kekurangan " + angka(data.kekurangan, desimal) + " AK." }),
    ]));
    if (data.syarat && data.syarat.length) {
      var ul = el("ul", { class: "jf-syarat" });
      data.syarat.forEach(function (s) {
        var st = STATUS[s.status] || { tanda: "?", teks: s.status };
        ul.appendChild(el("li", { class: "jf-syarat--" + s.status }, [
          el("span", { class: "jf-syarat__tanda", "aria-hidden": "true", text: st.tanda }),
          el("span", null, [el("strong", { text: s.nama }), " – " + st.teks + (s.alasan ? ": " + s.alasan : "")]),
        ]));
      });
      kartu.appendChild(ul);
    }
    var proyeksi = [];
    if (data.proyeksi_bulan) proyeksi.push("AK minimal diperkirakan tercapai pada " + bulanTeks(data.proyeksi_bulan) + ".");
    if (data.proyeksi_tanggal) proyeksi.push("Paling cepat dapat diusulkan mulai " + tanggalTeks(data.proyeksi_tanggal) + " bila syarat waktu juga terpenuhi.");
    if (data.proyeksi_keterangan) proyeksi.push(data.proyeksi_keterangan);
    if (proyeksi.length) kartu.appendChild(el("p", { class: "jf-proyeksi", text: proyeksi.join(" ") }));
    return kartu;
  };

  Kalkulator.prototype.render = function (req, h, peta) {
    this.bersihkanGalat();
    if (h.galat) { this.tampilkanGalat(h.galat, peta); return; }
    var isi = $("kalk-hasil-isi");
    var d = typeof req.desimal === "number" ? req.desimal : 2;
    var a = this.aturan;
    var namaJenjang = {};
    a.jenjang.forEach(function (j) { namaJenjang[j.kode] = j.nama; });
    var pangkat = {};
    a.golongan.forEach(function (g) { pangkat[g.kode] = g.pangkat; });
    var frag = document.createDocumentFragment();
    frag.appendChild(this.ringkasanIsian(req)); // shown only on the printed sheet

    frag.appendChild(el("div", { class: "jf-angka-utama" }, [
      el("p", { class: "jf-angka-utama__label", text: "AK kumulatif" }),
      el("p", { class: "jf-angka-utama__nilai", id: "kalk-ak-kumulatif", text: angka(h.ak_kumulatif, d) }),
      el("p", { class: "jf-angka-utama__rinci", text: [
        (h.ak_awal_sumber === "pak" ? "AK dari PAK " : "AK awal ") + angka(h.ak_awal, d),
        typeof h.ak_integrasi === "number" ? "AK integrasi " + angka(h.ak_integrasi, d) : null,
        typeof h.ak_pendidikan === "number" ? "AK pendidikan " + angka(h.ak_pendidikan, d) : null,
        "AK konversi predikat " + angka(h.ak_konversi, d),
      ].filter(Boolean).join(" + ") }),
      h.ak_awal_keterangan ? el("p", { class: "jf-angka-utama__rinci", text: h.ak_awal_keterangan }) : null,
    ]));

    var kp = h.kenaikan_pangkat;
    frag.appendChild(this.kartuKenaikan("Kenaikan pangkat", kp,
      kp ? "Ke golongan " + kp.golongan_tujuan + (kp.pangkat_tujuan || pangkat[kp.golongan_tujuan] ? " (" + (kp.pangkat_tujuan || pangkat[kp.golongan_tujuan]) + ")" : "")
        : "Golongan Anda sudah tertinggi untuk jenjang ini; kenaikan pangkat berikutnya melalui kenaikan jenjang.",
      h.ak_kumulatif, d));
    var kj = h.kenaikan_jenjang;
    frag.appendChild(this.kartuKenaikan("Kenaikan jenjang", kj,
      kj ? "Ke jenjang " + (kj.jenjang_tujuan_nama || namaJenjang[kj.jenjang_tujuan] || kj.jenjang_tujuan)
        : "Jenjang Anda sudah tertinggi dalam kategorinya.",
      h.ak_kumulatif, d));

    var grafik = this.grafik(h, d);
    if (grafik) frag.appendChild(grafik);

    if (h.peringatan && h.peringatan.length) {
      var adm = el("div", { class: "admonition warning jf-peringatan" }, [el("p", { class: "admonition-title", text: "Perhatikan" })]);
      var ul = el("ul");
      h.peringatan.forEach(function (p) { ul.appendChild(el("li", { text: p })); });
      adm.appendChild(ul);
      frag.appendChild(adm);
    }

    if (h.rincian && h.rincian.length) {
      frag.appendChild(el("h3", { text: "Rincian per periode" }));
      var tabel = el("table", { class: "jf-rincian" });
      tabel.appendChild(el("caption", { text: "AK konversi per periode penilaian, dengan rumus dan dasar hukumnya" }));
      var thead = el("thead", null, [el("tr", null, ["Periode", "Bulan", "Predikat", "AK", "Rumus", "Dasar hukum"].map(function (t) {
        return el("th", { scope: "col", text: t });
      }))]);
      tabel.appendChild(thead);
      var tb = el("tbody");
      h.rincian.forEach(function (r) {
        var periode = r.mulai === r.selesai ? bulanTeks(r.mulai) : bulanTeks(r.mulai) + " – " + bulanTeks(r.selesai);
        tb.appendChild(el("tr", null, [
          el("td", { "data-label": "Periode", text: periode }),
          el("td", { "data-label": "Bulan", text: angka(r.bulan, 0) }),
          el("td", { "data-label": "Predikat", text: r.predikat + " (" + angka(r.persentase) + "%)" }),
          el("td", { "data-label": "AK", text: angka(r.ak, d) }),
          el("td", { "data-label": "Rumus", text: r.rumus }),
          el("td", { "data-label": "Dasar hukum", text: r.dasar_hukum }),
        ]));
      });
      tabel.appendChild(tb);
      frag.appendChild(el("div", { class: "jf-tabel", tabindex: "0", role: "region", "aria-label": "Rincian per periode" }, [tabel]));
    }

    var catatan = el("div", { class: "admonition note jf-catatan" }, [
      el("p", { class: "admonition-title", text: "Simulasi, bukan PAK" }),
      el("p", { text: h.catatan || "" }),
      el("p", { class: "jf-versi", text: "Versi aturan: " + (h.aturan_versi || "–") }),
    ]);
    frag.appendChild(catatan);
    isi.innerHTML = "";
    isi.appendChild(frag);
    // One short sentence for screen readers, not the whole result on every keystroke.
    var ringkas = ["AK kumulatif " + angka(h.ak_kumulatif, d) + "."];
    if (kp) ringkas.push(kp.ak_terpenuhi ? "AK untuk kenaikan pangkat sudah cukup." : "Kekurangan untuk kenaikan pangkat " + angka(kp.kekurangan, d) + ".");
    if (kj) ringkas.push(kj.ak_terpenuhi ? "AK untuk kenaikan jenjang sudah cukup." : "Kekurangan untuk kenaikan jenjang " + angka(kj.kekurangan, d) + ".");
    $("kalk-hasil-ringkas").textContent = ringkas.join(" ");
  };

  // AK over time against the thresholds, drawn only from values the engine returned: AK at the
  // start of the first period (ak_awal, plus integrasi/pendidikan already in ak_kumulatif), AK
  // kumulatif at the end of the last one, and the projected month each threshold is reached.
  Kalkulator.prototype.grafik = function (h, d) {
    var rin = h.rincian || [];
    if (!rin.length) return null;
    function bulanKe(ym) { var p = String(ym).split("-"); return Number(p[0]) * 12 + Number(p[1]) - 1; }
    var titik = [{ x: bulanKe(rin[0].mulai), y: h.ak_kumulatif - h.ak_konversi, label: "awal" },
      { x: bulanKe(rin[rin.length - 1].selesai) + 1, y: h.ak_kumulatif, label: "kini" }];
    var batas = [];
    [["Kenaikan pangkat", h.kenaikan_pangkat], ["Kenaikan jenjang", h.kenaikan_jenjang]].forEach(function (k) {
      if (!k[1] || typeof k[1].ak_minimal !== "number") return;
      batas.push({ nama: k[0], y: k[1].ak_minimal });
      if (k[1].proyeksi_bulan && !k[1].ak_terpenuhi) {
        titik.push({ x: bulanKe(k[1].proyeksi_bulan) + 1, y: k[1].ak_minimal, label: k[0], proyeksi: true });
      }
    });
    titik.sort(function (a, b) { return a.x - b.x; });
    var xs = titik.map(function (t) { return t.x; });
    var ys = titik.map(function (t) { return t.y; }).concat(batas.map(function (b) { return b.y; }), [0]);
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    if (x1 === x0) x1 = x0 + 1;
    var y1 = Math.max.apply(null, ys) * 1.1 || 1;
    var W = 340, H = 190, L = 40, R = 10, T = 10, B = 30;
    function px(x) { return L + (x - x0) / (x1 - x0) * (W - L - R); }
    function py(y) { return T + (1 - y / y1) * (H - T - B); }
    var NS = "http://www.w3.org/2000/svg";
    function sv(tag, attrs, teks) {
      var n = document.createElementNS(NS, tag);
      Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
      if (teks) n.textContent = teks;
      return n;
    }
    var ringkas = "AK " + angka(titik[0].y, d) + " pada " + bulanTeks(rin[0].mulai) + ", " +
      angka(h.ak_kumulatif, d) + " pada akhir " + bulanTeks(rin[rin.length - 1].selesai) +
      batas.map(function (b) { return "; batas " + b.nama.toLowerCase() + " " + angka(b.y, d); }).join("");
    var svg = sv("svg", { viewBox: "0 0 " + W + " " + H, class: "jf-grafik", role: "img", "aria-label": "Grafik AK terhadap waktu: " + ringkas });
    svg.appendChild(sv("line", { x1: L, y1: py(0), x2: W - R, y2: py(0), class: "jf-grafik__sumbu" }));
    svg.appendChild(sv("line", { x1: L, y1: T, x2: L, y2: py(0), class: "jf-grafik__sumbu" }));
    batas.forEach(function (b) {
      svg.appendChild(sv("line", { x1: L, y1: py(b.y), x2: W - R, y2: py(b.y), class: "jf-grafik__batas" }));
      svg.appendChild(sv("text", { x: L + 3, y: py(b.y) - 3, class: "jf-grafik__teks" }, b.nama + " " + angka(b.y, d)));
    });
    var nyata = titik.filter(function (t) { return !t.proyeksi; });
    svg.appendChild(sv("polyline", { points: nyata.map(function (t) { return px(t.x) + "," + py(t.y); }).join(" "), class: "jf-grafik__garis" }));
    var akhir = nyata[nyata.length - 1];
    var depan = titik.filter(function (t) { return t.proyeksi; });
    if (depan.length) {
      svg.appendChild(sv("polyline", { points: [akhir].concat(depan).map(function (t) { return px(t.x) + "," + py(t.y); }).join(" "), class: "jf-grafik__proyeksi" }));
    }
    titik.forEach(function (t) {
      svg.appendChild(sv("circle", { cx: px(t.x), cy: py(t.y), r: 3, class: t.proyeksi ? "jf-grafik__titik jf-grafik__titik--proyeksi" : "jf-grafik__titik" }));
    });
    function tahunTeks(x) { return String(Math.floor(x / 12)); }
    svg.appendChild(sv("text", { x: L, y: H - 8, class: "jf-grafik__teks" }, tahunTeks(x0)));
    svg.appendChild(sv("text", { x: W - R, y: H - 8, class: "jf-grafik__teks", "text-anchor": "end" }, tahunTeks(x1)));
    svg.appendChild(sv("text", { x: L - 4, y: py(0), class: "jf-grafik__teks", "text-anchor": "end" }, "0"));
    svg.appendChild(sv("text", { x: L - 4, y: py(h.ak_kumulatif) + 3, class: "jf-grafik__teks", "text-anchor": "end" }, angka(h.ak_kumulatif, 0)));
    return el("figure", { class: "jf-grafik-wadah" }, [svg, el("figcaption", { text: "AK terhadap waktu. Garis putus-putus: proyeksi dengan predikat yang diasumsikan sampai batas tercapai." })]);
  };

  // Inputs in words, for the printed sheet ("Lembar simulasi angka kredit").
  Kalkulator.prototype.ringkasanIsian = function (r) {
    var nama = {};
    this.aturan.jenjang.forEach(function (j) { nama[j.kode] = j.nama; });
    var baris = [
      ["Jenjang", nama[r.jenjang] || r.jenjang],
      ["Golongan", r.golongan],
      ["AK dari PAK", r.ak_awal === undefined ? "AK Dasar golongan" : angka(r.ak_awal)],
    ];
    if (r.tanggal_pak) baris.push(["Tanggal PAK", tanggalTeks(r.tanggal_pak)]);
    if (r.tmt_golongan) baris.push(["TMT golongan", tanggalTeks(r.tmt_golongan)]);
    if (r.tmt_jenjang) baris.push(["TMT jenjang", tanggalTeks(r.tmt_jenjang)]);
    (r.penilaian || []).forEach(function (p, i) {
      baris.push(["Periode " + (i + 1), (p.tahun !== undefined ? "Tahun " + p.tahun : bulanTeks(p.mulai) + " – " + bulanTeks(p.selesai)) + ": " + p.predikat]);
    });
    if (r.ak_konvensional !== undefined) baris.push(["AK konvensional", angka(r.ak_konvensional)]);
    if (r.pendidikan) baris.push(["Ijazah baru", tanggalTeks(r.pendidikan.tanggal)]);
    if (r.uji_kompetensi !== undefined) baris.push(["Uji kompetensi", r.uji_kompetensi ? "sudah lulus" : "belum lulus"]);
    if (r.formasi_tersedia !== undefined) baris.push(["Formasi", r.formasi_tersedia ? "tersedia" : "tidak tersedia"]);
    if (r.pengembangan_profesi !== undefined) baris.push(["Pengembangan profesi", r.pengembangan_profesi ? "sudah" : "belum"]);
    if (r.proyeksi) baris.push(["Proyeksi", "predikat " + r.proyeksi.predikat]);
    var dl = el("dl", { class: "jf-isian" });
    baris.forEach(function (b) { dl.appendChild(el("dt", { text: b[0] })); dl.appendChild(el("dd", { text: String(b[1]) })); });
    return el("div", { class: "jf-isian-cetak" }, [el("h3", { text: "Isian" }), dl]);
  };

  // ---------------------------------------------------------------- share, save, export
  Kalkulator.prototype.tautan = function (req) {
    var u = new URL(location.href);
    u.hash = "s=" + keBase64url(req);
    u.search = "";
    return u.href;
  };
  Kalkulator.prototype.perbaruiTautan = function (req) {
    $("kalk-tautan").value = this.tautan(req);
  };

  Kalkulator.prototype.dariHash = function () {
    var h = location.hash || "";
    var tertunda = window.__jfTautanTertunda;
    window.__jfTautanTertunda = null;
    if (h.indexOf("#s=") !== 0 && tertunda && tertunda.hash.indexOf("#s=") === 0 && Date.now() - tertunda.waktu < 30000) {
      // Reached by instant navigation from a share link (see situs.js): restore the link's address.
      h = tertunda.hash;
      history.replaceState(history.state, "", location.pathname + location.search + h);
    }
    if (h.indexOf("#s=") !== 0) return null;
    try { return dariBase64url(h.slice(3)); }
    catch (e) {
      $("kalk-salin-info").textContent = "Tautan simulasi tidak dapat dibaca; formulir diisi contoh.";
      return null;
    }
  };

  Kalkulator.prototype.pasang = function () {
    var self = this;
    var form = $("kalk-form");
    var m = mesin(this.k);
    this.isiPilihan();
    var awal = this.dariHash();
    var tersimpan = null;
    try { tersimpan = JSON.parse(localStorage.getItem(SIMPAN) || "null"); } catch (e) { tersimpan = null; }
    $("kalk-simpan-lokal").checked = !!tersimpan;
    if (!awal) awal = m.terakhirDiisi || tersimpan;
    if (awal) this.isi(awal);
    else this.tambahBaris(null);

    form.addEventListener("input", function (e) {
      if (e.target.id === "f-jenjang") self.isiGolongan();
      self.berubah();
    });
    form.addEventListener("change", function (e) {
      if (e.target.id === "f-jenjang") self.isiGolongan();
      self.berubah();
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); self.berubah(); });
    $("kalk-tambah").addEventListener("click", function () {
      var tahun = "";
      self.akar.querySelectorAll(".jf-periode input[data-bidang=tahun]").forEach(function (i) {
        if (/^\d{4}$/.test(i.value) && (tahun === "" || Number(i.value) >= tahun)) tahun = Number(i.value) + 1;
      });
      var b = self.tambahBaris({ tahun: tahun, predikat: "Baik" });
      b.querySelector("select").focus();
      self.berubah();
    });
    $("kalk-ulang").addEventListener("click", function () { window.__jfMesin.ulang(); });
    $("kalk-salin").addEventListener("click", function () {
      var t = $("kalk-tautan");
      var info = $("kalk-salin-info");
      function sudah() { info.textContent = "Tautan disalin."; }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(t.value).then(sudah, function () {
          t.select(); info.textContent = document.execCommand("copy") ? "Tautan disalin." : "Salin tautan yang sudah dipilih secara manual.";
        });
      } else { t.select(); info.textContent = document.execCommand("copy") ? "Tautan disalin." : "Salin tautan yang sudah dipilih secara manual."; }
    });
    $("kalk-simpan-lokal").addEventListener("change", function (e) {
      if (e.target.checked) {
        try { localStorage.setItem(SIMPAN, JSON.stringify(self.baca())); $("kalk-salin-info").textContent = "Isian disimpan di perangkat ini."; }
        catch (err) { $("kalk-salin-info").textContent = "Peramban tidak mengizinkan penyimpanan."; e.target.checked = false; }
      } else {
        try { localStorage.removeItem(SIMPAN); } catch (err) { /* nothing stored */ }
        $("kalk-salin-info").textContent = "Isian tidak lagi disimpan.";
      }
    });
    $("kalk-hapus-lokal").addEventListener("click", function () {
      try { localStorage.removeItem(SIMPAN); } catch (err) { /* nothing stored */ }
      $("kalk-simpan-lokal").checked = false;
      $("kalk-salin-info").textContent = "Data tersimpan di perangkat ini sudah dihapus.";
    });
    $("kalk-ekspor").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(self.baca(), null, 2) + "\n"], { type: "application/json" });
      var a = el("a", { href: URL.createObjectURL(blob), download: "simulasi-angka-kredit.json" });
      document.body.appendChild(a); a.click(); a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    });
    $("kalk-buka").addEventListener("click", function () { $("kalk-impor").click(); });
    $("kalk-impor").addEventListener("change", function (e) {
      var f = e.target.files && e.target.files[0];
      if (!f) return;
      f.text().then(function (t) {
        var r = JSON.parse(t);
        if (!r || typeof r !== "object" || Array.isArray(r)) throw new Error("bukan objek");
        self.isi(r);
        self.berubah();
        $("kalk-salin-info").textContent = "Isian dari berkas " + f.name + " dimuat.";
      }).catch(function () { $("kalk-salin-info").textContent = "Berkas itu bukan isian kalkulator (JSON) yang valid."; });
      e.target.value = "";
    });
    $("kalk-cetak").addEventListener("click", function () { window.print(); });
    $("kalk-cetak-tanggal").textContent = "– dibuat " + tanggalTeks(new Date().toISOString().slice(0, 10));

    m.pendengar = function (mm) { if (self.akar.isConnected) self.status(mm); };
    this.status(m);
    this.berubah();
  };

  function hashBerubah() {
    var k = window.__jfKalkulator.aktif;
    if (!k || !k.akar.isConnected) return;
    var r = k.dariHash();
    if (r) { k.isi(r); k.berubah(); }
  }

  function mount() {
    var akar = document.getElementById("kalkulator");
    var data = document.getElementById("kalkulator-konfigurasi");
    if (!akar || !data || akar.dataset.terpasang) return;
    akar.dataset.terpasang = "1";
    var k = new Kalkulator(akar, JSON.parse(data.dataset.konfigurasi));
    window.__jfKalkulator.aktif = k;
    k.pasang();
  }

  window.__jfKalkulator = { mount: mount, keBase64url: keBase64url, dariBase64url: dariBase64url };
  window.addEventListener("hashchange", hashBerubah);
})();

/* Cek massal: choose a spreadsheet, watch the progress, sort and filter the officials, download
 * the results, print sheets for the selected ones.
 *
 * Everything is computed by calculator/massal.py in a Web Worker (worker.js beside this file), the
 * same module as `python -m calculator massal`. This file places the texts it gets back: it never
 * computes or formats a number (maintainers/desain.md); the numbers it holds are only sort keys. The file
 * never leaves the browser: it is read here and handed to the worker.
 */
(function () {
  "use strict";
  if (window.__jfMassal) return;

  var LANGKAH_TAMPIL = 100; // rows drawn at a time: a big table is slow to lay out

  function el(id) { return document.getElementById(id); }
  function buat(tag, kelas, teks) {
    var e = document.createElement(tag);
    if (kelas) e.className = kelas;
    if (teks != null) e.textContent = teks;
    return e;
  }

  // ------------------------------------------------------------------ the worker (one per tab)
  function mesin(konfigurasi) {
    var m = window.__jfMassalMesin;
    if (m) return m;
    var root = new URL(konfigurasi.root, location.href);
    var rt = konfigurasi.runtime;
    m = window.__jfMassalMesin = { status: "muat", teks: "Menyiapkan mesin hitung…", nomor: 0, tunggu: {}, pendengar: null };
    m.worker = new Worker(new URL(konfigurasi.worker, root), { type: "module" });
    m.worker.onmessage = function (e) {
      var d = e.data || {};
      if (d.jenis === "kemajuan") { m.teks = d.teks; }
      else if (d.jenis === "siap") { m.status = "siap"; m.teks = "Mesin hitung siap. Pilih berkas."; }
      else if (d.jenis === "gagal") { m.status = "gagal"; m.teks = "Mesin hitung tidak dapat dimuat: " + d.pesan; }
      if (m.pendengar) m.pendengar(d);
    };
    m.worker.onerror = function (e) {
      m.status = "gagal";
      m.teks = "Mesin hitung tidak dapat dimuat" + (e && e.message ? ": " + e.message : ".");
      if (m.pendengar) m.pendengar({ jenis: "gagal" });
    };
    m.worker.postMessage({
      jenis: "mulai",
      pyodide: new URL(rt.pyodide_dir, root).href,
      stdlib: new URL(rt.stdlib, root).href,
      wheel: new URL(rt.wheel, root).href,
      sha256: rt.wheel_sha256,
      pustaka: konfigurasi.pustaka.map(function (p) {
        return { url: new URL(p.url, root).href, sha256: p.sha256, jenis: p.jenis };
      }),
    });
    return m;
  }

  // ------------------------------------------------------------------ the page
  var S = null; // state of the page now shown

  function status(tahap, teks) {
    var s = el("massal-status");
    if (!s) return;
    s.dataset.tahap = tahap;
    el("massal-status-teks").textContent = teks;
  }

  function tampilGalat(teks) {
    var g = el("massal-galat");
    g.textContent = teks || "";
    g.hidden = !teks;
  }

  function mount() {
    var akar = el("massal");
    var konf = el("massal-konfigurasi");
    if (!akar || !konf || akar.dataset.terpasang) return;
    akar.dataset.terpasang = "1";
    var konfigurasi = JSON.parse(konf.dataset.konfigurasi);
    var m = mesin(konfigurasi);
    S = { m: m, baris: [], id: 0, urut: "baris", naik: true, tampil: LANGKAH_TAMPIL, pilih: {}, nama: "" };
    status(m.status === "siap" ? "siap" : m.status, m.teks);
    m.pendengar = terima;

    el("massal-berkas").addEventListener("change", function (e) {
      var f = e.target.files && e.target.files[0];
      if (f) mulaiBerkas(f);
    });
    akar.addEventListener("dragover", function (e) { e.preventDefault(); });
    akar.addEventListener("drop", function (e) {
      e.preventDefault();
      var f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      if (f) mulaiBerkas(f);
    });
    el("massal-batal").addEventListener("click", function () {
      S.m.worker.postMessage({ jenis: "batal" });
      S.id = 0;
      el("massal-kemajuan").hidden = true;
      status("siap", "Dibatalkan. Pilih berkas lagi bila perlu.");
    });
    el("massal-saring").addEventListener("change", function () { S.tampil = LANGKAH_TAMPIL; gambar(); });
    el("massal-jenjang").addEventListener("change", function () { S.tampil = LANGKAH_TAMPIL; gambar(); });
    el("massal-cari").addEventListener("input", function () { S.tampil = LANGKAH_TAMPIL; gambar(); });
    el("massal-lebih").addEventListener("click", function () { S.tampil += LANGKAH_TAMPIL; gambar(); });
    el("massal-unduh-xlsx").addEventListener("click", function () { unduh("xlsx"); });
    el("massal-unduh-csv").addEventListener("click", function () { unduh("csv"); });
    el("massal-cetak").addEventListener("click", cetak);
    el("massal-pilih-semua").addEventListener("change", function (e) {
      saring().forEach(function (r) { if (!r.galat) { if (e.target.checked) S.pilih[r.i] = true; else delete S.pilih[r.i]; } });
      gambar();
    });
    Array.prototype.forEach.call(document.querySelectorAll("#massal-tabel th[data-urut] button"), function (b) {
      b.addEventListener("click", function () {
        var k = b.parentNode.dataset.urut;
        S.naik = S.urut === k ? !S.naik : true;
        S.urut = k;
        gambar();
      });
    });
    el("massal-tabel").addEventListener("change", function (e) {
      var c = e.target;
      if (!c.dataset || c.dataset.i == null) return;
      if (c.checked) S.pilih[c.dataset.i] = true; else delete S.pilih[c.dataset.i];
      el("massal-cetak").disabled = !Object.keys(S.pilih).length;
    });
  }

  function mulaiBerkas(f) {
    tampilGalat("");
    el("massal-hasil").hidden = true;
    S.baris = [];
    S.pilih = {};
    S.nama = f.name;
    S.id = ++S.m.nomor;
    var id = S.id;
    el("massal-kemajuan").hidden = false;
    el("massal-progres").removeAttribute("value"); // indeterminate while reading
    el("massal-kemajuan-teks").textContent = "Membaca " + f.name + "…";
    status("muat", S.m.status === "siap" ? "Menghitung…" : S.m.teks);
    f.arrayBuffer().then(function (buf) {
      if (id !== S.id) return;
      S.m.worker.postMessage({ jenis: "proses", id: id, data: buf, nama: f.name, tanggal: el("massal-tanggal").value || "" }, [buf]);
    }, function () {
      tampilGalat("Berkas tidak dapat dibaca oleh peramban.");
    });
  }

  function terima(d) {
    if (!S || !el("massal")) return;
    if (d.jenis === "kemajuan" || d.jenis === "gagal" || d.jenis === "siap") {
      status(S.m.status === "siap" ? (S.id ? "muat" : "siap") : S.m.status, S.m.teks);
      if (d.jenis === "siap" && !S.id) status("siap", S.m.teks);
      return;
    }
    if (d.id !== S.id && d.jenis !== "unduhan" && d.jenis !== "lembar") return;
    if (d.jenis === "berkas") {
      var a = JSON.parse(d.hasil);
      if (a.galat) {
        el("massal-kemajuan").hidden = true;
        S.id = 0;
        status("siap", "Berkas tidak dapat dipakai.");
        tampilGalat(a.galat);
        return;
      }
      S.catatan = a.catatan || [];
      el("massal-progres").max = a.jumlah;
      el("massal-progres").value = 0;
      el("massal-kemajuan-teks").textContent = a.kemajuan_teks;
    } else if (d.jenis === "potongan") {
      var r = JSON.parse(d.hasil);
      Array.prototype.push.apply(S.baris, r.baris);
      el("massal-progres").value = r.posisi;
      el("massal-kemajuan-teks").textContent = r.kemajuan_teks;
      if (r.selesai) selesai(r);
    } else if (d.jenis === "unduhan") {
      var blob = new Blob([d.data], { type: d.format === "xlsx"
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv;charset=utf-8" });
      var a2 = document.createElement("a");
      a2.href = URL.createObjectURL(blob);
      a2.download = d.nama;
      document.body.appendChild(a2);
      a2.click();
      setTimeout(function () { URL.revokeObjectURL(a2.href); a2.remove(); }, 1000);
      status("siap", "Hasil diunduh: " + d.nama);
    } else if (d.jenis === "lembar") {
      gambarLembar(JSON.parse(d.hasil));
    } else if (d.jenis === "galat") {
      status("gagal", "Terjadi kesalahan: " + d.pesan);
    }
  }

  function selesai(r) {
    el("massal-kemajuan").hidden = true;
    status("siap", r.kemajuan_teks);
    var ring = r.ringkasan;
    el("massal-ringkasan-teks").textContent = ring.judul;
    var cat = el("massal-catatan");
    cat.textContent = "";
    S.catatan.forEach(function (t) { cat.appendChild(buat("li", "", t)); });
    var tb = el("massal-ringkasan-status").tBodies[0];
    tb.textContent = "";
    ring.status.forEach(function (s) {
      var tr = buat("tr");
      tr.appendChild(buat("th", "", s.label)).scope = "row";
      tr.appendChild(buat("td", "", s.kp));
      tr.appendChild(buat("td", "", s.kj));
      tb.appendChild(tr);
    });
    var tj = el("massal-ringkasan-jenjang").tBodies[0];
    tj.textContent = "";
    var pilihJ = el("massal-jenjang");
    pilihJ.length = 1;
    ring.jenjang.forEach(function (j) {
      var tr = buat("tr");
      tr.appendChild(buat("th", "", j.nama)).scope = "row";
      ["jumlah", "kp_sekarang", "kp_12_bulan", "kj_sekarang", "kj_12_bulan", "galat"].forEach(function (k) {
        tr.appendChild(buat("td", "", j[k]));
      });
      tj.appendChild(tr);
      var o = buat("option", "", j.nama);
      o.value = j.nama;
      pilihJ.appendChild(o);
    });
    // Counts next to each filter, as Python wrote them.
    Array.prototype.forEach.call(el("massal-saring").options, function (o) {
      if (!o.dataset.label) o.dataset.label = o.textContent;
      var n = ring.jumlah_tanda[o.value];
      o.textContent = o.dataset.label + (n != null ? " (" + n + ")" : "");
    });
    S.tampil = LANGKAH_TAMPIL;
    el("massal-hasil").hidden = false;
    gambar();
    window.dispatchEvent(new CustomEvent("jf-massal-selesai", { detail: ring }));
  }

  function saring() {
    var t = el("massal-saring").value;
    var j = el("massal-jenjang").value;
    var q = el("massal-cari").value.trim().toLowerCase();
    return S.baris.filter(function (r) {
      if (t !== "semua" && r.tanda.indexOf(t) < 0) return false;
      if (j && r.jenjang !== j) return false;
      if (q && (r.nama || "").toLowerCase().indexOf(q) < 0 && (r.nip || "").indexOf(q.replace(/\s+/g, "")) < 0) return false;
      return true;
    });
  }

  function banding(a, b) {
    var k = S.urut;
    var x = a[k], y = b[k];
    if (k === "jenjang") { x = a.jenjang + " " + a.golongan; y = b.jenjang + " " + b.golongan; }
    if (x == null || x === "") return (y == null || y === "") ? 0 : 1; // blanks last
    if (y == null || y === "") return -1;
    var h = typeof x === "string" ? x.localeCompare(y, "id") : (x < y ? -1 : (x > y ? 1 : 0));
    if (!h) h = a.i < b.i ? -1 : 1;
    return S.naik ? h : -h;
  }

  function selBlok(r, jenis) {
    var td = buat("td");
    if (r.galat) return td;
    if (!r[jenis + "_tujuan"]) { td.textContent = r[jenis + "_waktu_teks"]; return td; }
    td.appendChild(buat("span", "jf-massal__tujuan", r[jenis + "_tujuan"]));
    td.appendChild(buat("span", "jf-massal__waktu jf-massal__waktu--" + r[jenis + "_waktu"], r[jenis + "_waktu_teks"]));
    if (r[jenis + "_rinci"]) td.appendChild(buat("span", "jf-massal__rinci", r[jenis + "_rinci"]));
    if (r[jenis + "_belum"]) td.appendChild(buat("span", "jf-massal__rinci", "Belum: " + r[jenis + "_belum"]));
    return td;
  }

  function gambar() {
    var data = saring().sort(banding);
    var tb = el("massal-tabel").tBodies[0];
    var frag = document.createDocumentFragment();
    data.slice(0, S.tampil).forEach(function (r) {
      var tr = buat("tr");
      if (r.galat) tr.className = "jf-massal__galat";
      var c = buat("td");
      var cb = buat("input");
      cb.type = "checkbox";
      cb.dataset.i = r.i;
      cb.checked = !!S.pilih[r.i];
      cb.disabled = !!r.galat;
      cb.setAttribute("aria-label", "Pilih " + (r.nama || r.nip));
      c.appendChild(cb);
      tr.appendChild(c);
      tr.appendChild(buat("td", "", r.baris_teks));
      var nm = buat("td");
      nm.appendChild(buat("span", "jf-massal__nama", r.nama));
      nm.appendChild(buat("span", "jf-massal__nip", r.nip));
      tr.appendChild(nm);
      tr.appendChild(buat("td", "", [r.jenjang, r.golongan].filter(Boolean).join(", ")));
      tr.appendChild(buat("td", "jf-massal__angka", r.ak_kumulatif_teks || ""));
      tr.appendChild(selBlok(r, "kp"));
      tr.appendChild(selBlok(r, "kj"));
      var cat = buat("td");
      if (r.galat) cat.appendChild(buat("span", "jf-massal__galat-teks", r.galat));
      else {
        if (r.kp_pastikan) cat.appendChild(buat("span", "jf-massal__rinci", "KP: " + r.kp_pastikan));
        if (r.kj_pastikan) cat.appendChild(buat("span", "jf-massal__rinci", "KJ: " + r.kj_pastikan));
        if (r.peringatan_teks) cat.appendChild(buat("span", "jf-massal__rinci jf-massal__peringatan", r.peringatan_teks));
      }
      tr.appendChild(cat);
      frag.appendChild(tr);
    });
    tb.textContent = "";
    tb.appendChild(frag);
    el("massal-tabel-kosong").hidden = data.length > 0;
    el("massal-lebih").hidden = data.length <= S.tampil;
    el("massal-cetak").disabled = !Object.keys(S.pilih).length;
    Array.prototype.forEach.call(document.querySelectorAll("#massal-tabel th[data-urut]"), function (th) {
      if (th.dataset.urut === S.urut) th.setAttribute("aria-sort", S.naik ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
  }

  function unduh(format) {
    status("muat", "Menyiapkan berkas hasil…");
    S.m.worker.postMessage({ jenis: "unduh", id: ++S.m.nomor, format: format });
  }

  function cetak() {
    var indeks = Object.keys(S.pilih).map(Number).sort(function (a, b) { return a < b ? -1 : 1; });
    if (!indeks.length) return;
    status("muat", "Menyiapkan lembar cetak…");
    S.m.worker.postMessage({ jenis: "lembar", id: ++S.m.nomor, indeks: indeks });
  }

  function isian(daftar) {
    var dl = buat("dl", "jf-massal__isian");
    daftar.forEach(function (p) {
      if (!p[1]) return;
      dl.appendChild(buat("dt", "", p[0]));
      dl.appendChild(buat("dd", "", p[1]));
    });
    return dl;
  }

  function gambarLembar(daftar) {
    // Printed from a container right under <body>: the rest of the page is hidden in print.
    var wadah = el("massal-lembar");
    if (!wadah) {
      wadah = buat("div", "jf-massal__lembar");
      wadah.id = "massal-lembar";
      document.body.appendChild(wadah);
    }
    wadah.textContent = "";
    daftar.forEach(function (l) {
      var s = buat("section", "jf-massal__sheet");
      s.appendChild(buat("p", "jf-massal__sheet-judul", "Lembar simulasi angka kredit (Cek massal)"));
      s.appendChild(buat("h2", "", l.nama));
      s.appendChild(buat("p", "jf-massal__nip", "NIP " + l.nip));
      s.appendChild(isian(l.isian));
      if (l.jawaban) s.appendChild(buat("p", "jf-massal__jawaban", l.jawaban));
      if (l.asumsi) s.appendChild(buat("p", "jf-bantu", l.asumsi));
      if (l.langkah && l.langkah.length) {
        s.appendChild(buat("h3", "", "Langkah berikutnya"));
        var ol = buat("ol", "jf-massal__langkah");
        l.langkah.forEach(function (t) { ol.appendChild(buat("li", "", t)); });
        s.appendChild(ol);
      }
      l.kenaikan.forEach(function (k) {
        s.appendChild(buat("h3", "", k.judul));
        if (k.ringkas) s.appendChild(buat("p", "", k.ringkas));
        s.appendChild(isian(k.isian));
        var ul = buat("ul", "jf-massal__syarat");
        k.syarat.forEach(function (x) {
          var li = buat("li", "jf-massal__syarat--" + x.status);
          li.appendChild(buat("strong", "", x.status_teks + ": "));
          li.appendChild(document.createTextNode(x.nama + ". " + x.alasan));
          if (x.langkah) li.appendChild(buat("span", "jf-massal__rinci", x.langkah));
          if (x.dasar) li.appendChild(buat("span", "jf-massal__rinci", x.dasar));
          ul.appendChild(li);
        });
        s.appendChild(ul);
      });
      if (l.peringatan.length) {
        var ul2 = buat("ul", "jf-massal__peringatan");
        l.peringatan.forEach(function (p) { ul2.appendChild(buat("li", "", p)); });
        s.appendChild(ul2);
      }
      s.appendChild(buat("p", "jf-bantu", l.catatan));
      wadah.appendChild(s);
    });
    status("siap", "Lembar cetak siap.");
    document.documentElement.classList.add("jf-massal-cetak");
    window.dispatchEvent(new CustomEvent("jf-massal-lembar", { detail: { jumlah: daftar.length } }));
    if (!window.__jfMassalTanpaDialog) window.print();
  }

  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("jf-massal-cetak");
    var w = el("massal-lembar");
    if (w) w.remove();
  });

  window.__jfMassal = { mount: mount, state: function () { return S; } };
  if (window.jfSetiapHalaman) window.jfSetiapHalaman(mount);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();

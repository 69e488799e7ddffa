/*
 * Mode presentasi untuk pelatih.
 *
 * Dimuat oleh presentasi-tombol.js (tombol di header, tombol "p") saat pertama kali dipakai.
 * Satu tombol di header (atau tombol "p") mengubah halaman panduan mana pun menjadi tampilan
 * proyektor: huruf besar, tanpa navigasi, satu bagian (h2) per layar. Tombol panah, PageDown/PageUp
 * (yang dikirim clicker), dan Spasi berpindah bagian; Escape keluar.
 *
 * Why the design is like this:
 * - Non-destructive: slides are made by marking the article's direct children with a slide number
 *   and showing only the marked ones, so leaving the mode restores the page exactly.
 * - Material's navigation.instant swaps the article without reloading this script, so the page is
 *   (re)prepared on every `document$` emission; key handling is registered once.
 * - Material binds "p" to "previous page"; the handler runs in the capture phase on window and stops
 *   the event so that "p" toggles the presentation instead.
 * - No network, no other tool: plain DOM and CSS only.
 */
(function () {
  "use strict";
  if (window.pelatihPresentasi) return;

  var KUNCI_SESI = "pelatih-presentasi";
  var KELAS_AKTIF = "pelatih-presentasi";
  var KELAS_TAMPIL = "pelatih-tampil";

  var state = { aktif: false, indeks: 0, slides: [], artikel: null };

  function simpan(aktif) {
    try {
      if (aktif) sessionStorage.setItem(KUNCI_SESI, "1");
      else sessionStorage.removeItem(KUNCI_SESI);
    } catch (e) { /* storage may be unavailable (private mode); the mode still works */ }
  }

  function tersimpan() {
    try { return sessionStorage.getItem(KUNCI_SESI) === "1"; } catch (e) { return false; }
  }

  function cariArtikel() {
    return document.querySelector("article.md-content__inner") ||
      document.querySelector(".md-content__inner") ||
      document.querySelector("article") ||
      document.querySelector("main");
  }

  function abaikan(el) {
    var tag = el.tagName;
    if (tag === "SCRIPT" || tag === "STYLE" || tag === "TEMPLATE") return true;
    if (el.classList.contains("md-content__button")) return true;
    if (el.classList.contains("md-source-file")) return true;
    return false;
  }

  // One slide: the title and what precedes the first h2; then one slide per h2 with what follows it.
  function susunSlide(artikel) {
    var slides = [];
    var kini = [];
    var anak = Array.prototype.slice.call(artikel.children);
    anak.forEach(function (el) {
      if (abaikan(el)) return;
      if (el.tagName === "H2" && kini.length) {
        slides.push(kini);
        kini = [];
      }
      kini.push(el);
    });
    if (kini.length) slides.push(kini);
    return slides;
  }

  function bersihkanTanda(artikel) {
    if (!artikel) return;
    Array.prototype.forEach.call(artikel.querySelectorAll(":scope > ." + KELAS_TAMPIL), function (el) {
      el.classList.remove(KELAS_TAMPIL);
    });
  }

  function kontrol() {
    var ada = document.getElementById("pelatih-kontrol");
    if (ada) return ada;
    var bar = document.createElement("div");
    bar.id = "pelatih-kontrol";
    bar.className = "pelatih-kontrol";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Kendali presentasi");
    bar.innerHTML =
      '<button type="button" data-aksi="sebelumnya" title="Bagian sebelumnya (panah kiri, PageUp)" aria-label="Bagian sebelumnya">&#8249;</button>' +
      '<span class="pelatih-kontrol__posisi" aria-live="polite"></span>' +
      '<button type="button" data-aksi="berikutnya" title="Bagian berikutnya (panah kanan, PageDown, Spasi)" aria-label="Bagian berikutnya">&#8250;</button>' +
      '<button type="button" data-aksi="layar-penuh" title="Layar penuh (f)">Layar penuh</button>' +
      '<button type="button" data-aksi="keluar" title="Keluar dari mode presentasi (Escape)">Keluar (Esc)</button>';
    bar.addEventListener("click", function (ev) {
      var tombol = ev.target.closest("button[data-aksi]");
      if (!tombol) return;
      var aksi = tombol.getAttribute("data-aksi");
      if (aksi === "sebelumnya") ke(state.indeks - 1);
      else if (aksi === "berikutnya") ke(state.indeks + 1);
      else if (aksi === "layar-penuh") layarPenuh();
      else if (aksi === "keluar") keluar();
    });
    document.body.appendChild(bar);
    return bar;
  }

  function perbaruiKontrol() {
    var bar = kontrol();
    bar.querySelector(".pelatih-kontrol__posisi").textContent =
      (state.indeks + 1) + " / " + state.slides.length;
    bar.querySelector('[data-aksi="sebelumnya"]').disabled = state.indeks <= 0;
    bar.querySelector('[data-aksi="berikutnya"]').disabled = state.indeks >= state.slides.length - 1;
  }

  function ke(n) {
    if (!state.aktif || !state.slides.length) return;
    n = Math.max(0, Math.min(state.slides.length - 1, n));
    bersihkanTanda(state.artikel);
    state.slides[n].forEach(function (el) { el.classList.add(KELAS_TAMPIL); });
    state.indeks = n;
    document.documentElement.setAttribute("data-pelatih-slide", String(n + 1));
    window.scrollTo(0, 0);
    perbaruiKontrol();
  }

  function indeksDariHash(slides) {
    var id = decodeURIComponent((location.hash || "").replace(/^#/, ""));
    if (!id) return 0;
    for (var i = 0; i < slides.length; i++) {
      for (var j = 0; j < slides[i].length; j++) {
        var el = slides[i][j];
        if (el.id === id || (el.querySelector && el.querySelector('[id="' + id.replace(/"/g, "") + '"]'))) return i;
      }
    }
    return 0;
  }

  function masuk(mulai) {
    var artikel = cariArtikel();
    if (!artikel) return false;
    if (state.artikel && state.artikel !== artikel) bersihkanTanda(state.artikel);
    state.artikel = artikel;
    state.slides = susunSlide(artikel);
    if (!state.slides.length) return false;
    state.aktif = true;
    document.documentElement.classList.add(KELAS_AKTIF);
    simpan(true);
    ke(typeof mulai === "number" ? mulai : indeksDariHash(state.slides));
    return true;
  }

  function keluar() {
    if (!state.aktif) return;
    state.aktif = false;
    bersihkanTanda(state.artikel);
    document.documentElement.classList.remove(KELAS_AKTIF);
    document.documentElement.removeAttribute("data-pelatih-slide");
    var bar = document.getElementById("pelatih-kontrol");
    if (bar) bar.remove();
    simpan(false);
    if (document.fullscreenElement && document.exitFullscreen) {
      document.exitFullscreen().catch(function () {});
    }
    // Bring the section that was on screen back into view in the normal page.
    var slide = state.slides[state.indeks];
    if (slide && slide[0] && slide[0].scrollIntoView) slide[0].scrollIntoView();
  }

  function layarPenuh() {
    try {
      if (document.fullscreenElement) document.exitFullscreen();
      else if (document.documentElement.requestFullscreen) {
        var p = document.documentElement.requestFullscreen();
        if (p && p.catch) p.catch(function () {});
      }
    } catch (e) { /* fullscreen is optional */ }
  }

  // A long section (a big table) may not fit on the screen: the clicker's "next" first scrolls it,
  // then moves on, so a trainer with only a clicker can still show everything.
  function masihAdaDiBawah() {
    var doc = document.documentElement;
    return window.scrollY + window.innerHeight < doc.scrollHeight - 4;
  }

  function maju(gulirDulu) {
    if (gulirDulu && masihAdaDiBawah()) {
      window.scrollBy(0, Math.round(window.innerHeight * 0.8));
      return;
    }
    ke(state.indeks + 1);
  }

  function mundur(gulirDulu) {
    if (gulirDulu && window.scrollY > 4) {
      window.scrollBy(0, -Math.round(window.innerHeight * 0.8));
      return;
    }
    ke(state.indeks - 1);
  }

  // Shared with the switch that loads this file (presentasi-tombol.js).
  var sedangMengetik = window.pelatihPresentasiTombol.sedangMengetik;

  function tanganiTombol(ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var tombol = ev.key;
    if (!state.aktif) {
      if ((tombol === "p" || tombol === "P") && !sedangMengetik(ev.target)) {
        ev.preventDefault();
        ev.stopImmediatePropagation();
        masuk();
      }
      return;
    }
    if (sedangMengetik(ev.target)) {
      // In a quiz answer box only Escape leaves the box (and then the mode on a second press).
      if (tombol === "Escape") ev.target.blur();
      return;
    }
    var ditangani = true;
    switch (tombol) {
      case "ArrowRight": ke(state.indeks + 1); break;
      case "ArrowLeft": ke(state.indeks - 1); break;
      case "PageDown": case " ": case "Spacebar": maju(true); break;
      case "PageUp": mundur(true); break;
      case "Home": ke(0); break;
      case "End": ke(state.slides.length - 1); break;
      case "Escape": case "p": case "P": keluar(); break;
      case "f": case "F": layarPenuh(); break;
      default: ditangani = false;
    }
    if (ditangani) {
      ev.preventDefault();
      ev.stopImmediatePropagation();
    }
  }

  function siapkanHalaman() {
    var minta = /(^|[?&])presentasi(=|&|$)/.test(location.search.replace(/^\?/, "&"));
    if (state.aktif || tersimpan() || minta) {
      state.aktif = false;
      masuk();
    }
  }

  window.addEventListener("keydown", tanganiTombol, true);

  window.pelatihPresentasi = {
    masuk: masuk,
    keluar: keluar,
    ke: ke,
    status: function () {
      return { aktif: state.aktif, indeks: state.indeks, jumlah: state.slides.length };
    }
  };

  window.jfSetiapHalaman(siapkanHalaman); // from situs.js
})();

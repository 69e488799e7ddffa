/*
 * Mode presentasi: the switch on every page (header button, key "p", "?presentasi" in the address,
 * and staying in the mode from page to page during a session).
 *
 * The mode itself (presentasi.js) is loaded the first time it is needed, so that a reader's guide
 * page does not download it (issue 3: a guide page stays within 110% of a bare Material page); the
 * service worker keeps it for offline use like every other file. Keys pressed while it loads are
 * replayed to it in order, so "p" followed at once by an arrow key behaves as if it had always
 * been there.
 */
(function () {
  "use strict";
  if (window.pelatihPresentasiTombol) return;

  var asal = document.currentScript.src; // assets/js/panduan.js (bundle) or assets/pelatih/
  var KUNCI_SESI = "pelatih-presentasi"; // presentasi.js keeps the mode in this sessionStorage key
  var TOMBOL_MODE = ["ArrowRight", "ArrowLeft", "PageDown", "PageUp", " ", "Spacebar", "Home", "End",
    "Escape", "p", "P", "f", "F"];
  var antrean = null; // keys pressed while presentasi.js loads
  var memuat = null;

  function muat() {
    if (!memuat) {
      antrean = [];
      // The projector stylesheet first: slides are measured in its layout.
      var gaya = new Promise(function (selesai) {
        var href = new URL("../pelatih/presentasi-mode.css", asal).href;
        var ada = Array.prototype.some.call(document.querySelectorAll("link[rel=stylesheet]"),
          function (l) { return l.href === href; });
        if (ada) { selesai(); return; }
        var l = document.createElement("link");
        l.rel = "stylesheet";
        l.href = href;
        l.onload = l.onerror = function () { selesai(); };
        // In <body>: Material's instant navigation rebuilds <head> and would drop it.
        document.body.appendChild(l);
      });
      memuat = gaya.then(function () {
        return new Promise(function (selesai, gagal) {
          var s = document.createElement("script");
          s.src = new URL("../pelatih/presentasi.js", asal).href;
          s.onload = function () { selesai(window.pelatihPresentasi); };
          s.onerror = function () { memuat = null; antrean = null; gagal(new Error(s.src)); };
          document.head.appendChild(s);
        });
      });
      // For tests and scripts: resolves once the mode is loaded and the pending keys are replayed.
      window.pelatihPresentasiMuat = memuat.then(function () { return null; }, function () { return null; });
    }
    return memuat;
  }

  // Load the mode, do `aksi` with it, then hand it the keys pressed meanwhile.
  function denganMode(aksi) {
    var p = muat().then(function (mode) {
      aksi(mode);
      var sisa = antrean || [];
      antrean = null;
      sisa.forEach(function (kunci) {
        window.dispatchEvent(new KeyboardEvent("keydown", { key: kunci, bubbles: true, cancelable: true }));
      });
    });
    window.pelatihPresentasiMuat = p.then(function () { return null; }, function () { return null; });
    return p;
  }

  // Typing in a field: keys are the field's. A chosen quiz option (radio) keeps focus, and the
  // clicker must still move on from there.
  function sedangMengetik(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName;
    if (tag === "INPUT") {
      var jenis = (target.type || "text").toLowerCase();
      return ["radio", "checkbox", "button", "submit", "reset", "range", "color"].indexOf(jenis) < 0;
    }
    return tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
  }

  window.pelatihPresentasiTombol = { sedangMengetik: sedangMengetik };

  // Capture phase on window, before Material's own keys ("p" is "previous page" there).
  window.addEventListener("keydown", function (ev) {
    if (window.pelatihPresentasi && !antrean) return; // loaded: presentasi.js handles its keys
    if (ev.ctrlKey || ev.metaKey || ev.altKey || sedangMengetik(ev.target)) return;
    if (antrean) {
      if (TOMBOL_MODE.indexOf(ev.key) >= 0) {
        antrean.push(ev.key);
        ev.preventDefault();
        ev.stopImmediatePropagation();
      }
      return;
    }
    if (ev.key === "p" || ev.key === "P") {
      ev.preventDefault();
      ev.stopImmediatePropagation();
      denganMode(function (mode) { if (!mode.status().aktif) mode.masuk(); });
    }
  }, true);

  function pasangTombolHeader() {
    if (document.querySelector(".pelatih-tombol-presentasi")) return;
    var tempat = document.querySelector(".md-header__inner");
    var tombol = document.createElement("button");
    tombol.type = "button";
    tombol.className = "md-header__button md-icon pelatih-tombol-presentasi";
    tombol.title = "Mode presentasi (tombol p)";
    tombol.setAttribute("aria-label", "Mode presentasi");
    // Simple projector-screen icon, inline so that it works offline.
    tombol.innerHTML =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">' +
      '<path d="M2 3h20v2h-1v10H3V5H2V3zm3 2v8h14V5H5zm6 11h2v2.6l3.7 2.6-1.1 1.6L12 19.9l-3.6 2.5-1.1-1.6L11 18.6V16z"/></svg>';
    tombol.addEventListener("click", function () {
      denganMode(function (mode) { if (mode.status().aktif) mode.keluar(); else mode.masuk(); });
    });
    if (tempat) {
      var cari = tempat.querySelector(".md-search") || tempat.querySelector("[for=__search]");
      if (cari) tempat.insertBefore(tombol, cari);
      else tempat.appendChild(tombol);
    } else {
      tombol.classList.add("pelatih-tombol-presentasi--mengambang");
      document.body.appendChild(tombol);
    }
  }

  function diminta() {
    var tersimpan = false;
    try { tersimpan = sessionStorage.getItem(KUNCI_SESI) === "1"; } catch (e) { /* no storage */ }
    return tersimpan || /(^|[?&])presentasi(=|&|$)/.test(location.search.replace(/^\?/, "&"));
  }

  function siapkanHalaman() {
    pasangTombolHeader();
    // presentasi.js, once loaded, prepares each page itself (it follows document$ too).
    if (!window.pelatihPresentasi && diminta()) {
      denganMode(function (mode) { if (!mode.status().aktif) mode.masuk(); });
    }
  }

  // The kit opened from its folder (file://): berkas-lokal.js explains what to do. Loaded only
  // there, so that guide pages on a host do not carry it.
  if (location.protocol === "file:") {
    var lokal = document.createElement("script");
    lokal.src = new URL("../pelatih/berkas-lokal.js", asal).href;
    document.head.appendChild(lokal);
  }

  window.jfSetiapHalaman(siapkanHalaman); // from situs.js, listed before this file
})();

/* On every page: register the offline service worker, and on the calculator page load the form
 * script. Guide pages load nothing else: Pyodide is only ever fetched by the calculator page. */
(function () {
  "use strict";
  var skrip = document.currentScript;
  var akar = new URL("../../", skrip.src); // assets/kalkulator/ here, assets/js/ in the bundle
  var asal = skrip.src;

  var sw = "serviceWorker" in navigator && location.protocol !== "file:";
  var terdaftar = null;
  function daftar() {
    if (!terdaftar) {
      terdaftar = navigator.serviceWorker.register(new URL("sw.js", akar).href, { scope: akar.pathname })
        .catch(function () { return null; }); // offline use is a bonus: the site works without it
    }
    return terdaftar;
  }
  if (sw) {
    navigator.serviceWorker.addEventListener("message", function (e) {
      if (e.data && e.data.jenis === "runtime-tersimpan") {
        document.documentElement.dataset.jfLuring = "siap";
        window.dispatchEvent(new CustomEvent("jf-luring-siap", { detail: e.data }));
      }
    });
    // Guide pages: register once the page has loaded. The calculator page: only after its first
    // answer, so the precache never competes with Pyodide's download; then keep the runtime.
    // A reader who asked the browser to save data (Save-Data, "Hemat data") does not get the
    // whole site downloaded in the background just for reading one page.
    var hematData = !!(navigator.connection && navigator.connection.saveData);
    window.addEventListener("load", function () {
      if (!document.getElementById("kalkulator") && !hematData) daftar();
    });
    window.addEventListener("jf-hasil", function () {
      if (document.documentElement.dataset.jfLuringDiminta) return;
      document.documentElement.dataset.jfLuringDiminta = "1";
      daftar().then(function (reg) {
        if (!reg) return null;
        return navigator.serviceWorker.ready.then(function (r) {
          r.active.postMessage({ jenis: "simpan-runtime" });
        });
      });
    });
  }

  // A share link followed through Material's instant navigation lands on the calculator page
  // with the hash of an anchor of the previous page, not with "#s=..." (navigation.instant and
  // navigation.tracking, seen in headless Chromium). Keep the link's hash here, before Material
  // handles the click (capture phase), so the calculator can read it; the worker stays alive.
  window.addEventListener("click", function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest("a[href*='#s=']") : null;
    if (!a || a.origin !== location.origin) return;
    window.__jfTautanTertunda = { hash: a.hash, waktu: Date.now() };
  }, true);

  // The calculator is a set of ES modules (kalkulator.js imports the others); import() caches
  // them, so later visits by instant navigation only mount it again.
  var memuat = null;
  function muatKalkulator() {
    if (!memuat) {
      memuat = import(new URL("../kalkulator/kalkulator.js", asal).href) // also right from the bundle (hooks/bundel_aset.py)
        .catch(function (err) { memuat = null; throw err; });
    }
    return memuat;
  }

  // Assets only some pages need (hooks/aset_halaman.py lists them in div.jf-aset): load the ones
  // not loaded yet. Material's instant navigation swaps the content, not <head>.
  function muatAset() {
    var daftar = document.querySelector(".jf-aset");
    if (!daftar) return;
    (daftar.dataset.css || "").split(" ").filter(Boolean).forEach(function (rel) {
      var href = new URL(rel, location.href).href;
      var ada = Array.prototype.some.call(document.querySelectorAll("link[rel=stylesheet]"), function (l) { return l.href === href; });
      if (ada) return;
      var l = document.createElement("link");
      l.rel = "stylesheet";
      l.href = href;
      document.head.appendChild(l);
    });
    (daftar.dataset.js || "").split(" ").filter(Boolean).forEach(function (rel) {
      var src = new URL(rel, location.href).href;
      var ada = Array.prototype.some.call(document.scripts, function (s) { return s.src === src; });
      if (ada) return;
      var s = document.createElement("script");
      s.src = src;
      document.head.appendChild(s);
    });
  }

  function diHalaman() {
    muatAset();
    if (!document.getElementById("kalkulator")) return;
    muatKalkulator().then(function (modul) { modul.mount(); }, function () {
      var t = document.getElementById("kalk-status-teks");
      if (t) t.textContent = "Skrip kalkulator tidak dapat dimuat. Muat ulang halaman ini.";
    });
  }

  // Run `fn` for the page now shown and for every later one. Material's instant navigation swaps
  // the page without reloading: document$ emits each time. Shared with the trainer kit's scripts.
  function setiapHalaman(fn) {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(fn);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }
  window.jfSetiapHalaman = setiapHalaman;
  setiapHalaman(diHalaman);
})();

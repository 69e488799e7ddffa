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
  // Updates (issue 10). Every page carries the code version of its build (div.jf-versi,
  // hooks/versi_aset.py); this script runs with the one of the page it was loaded with.
  function versiDari(akarDok) {
    var el = akarDok.querySelector(".jf-versi");
    return el ? el.getAttribute("data-versi") : null;
  }
  var versiSkrip = versiDari(document);
  function beritahuVersiBaru() {
    if (document.querySelector(".jf-versi-baru")) return;
    var kotak = document.createElement("div");
    kotak.className = "jf-versi-baru";
    kotak.setAttribute("role", "status");
    kotak.style.cssText = "position:fixed;left:50%;bottom:1rem;transform:translateX(-50%);z-index:10;" +
      "display:flex;gap:.8rem;align-items:center;padding:.6rem 1rem;border-radius:.3rem;" +
      "box-shadow:0 .2rem .6rem rgba(0,0,0,.3);background:var(--md-primary-fg-color,#3f51b5);" +
      "color:var(--md-primary-bg-color,#fff);font-size:.8rem;max-width:calc(100% - 2rem)";
    var teks = document.createElement("span");
    teks.textContent = "Versi baru tersedia.";
    var tombol = document.createElement("button");
    tombol.type = "button";
    tombol.textContent = "Muat ulang";
    tombol.style.cssText = "font:inherit;font-weight:700;color:inherit;background:transparent;" +
      "border:1px solid currentColor;border-radius:.2rem;padding:.2rem .6rem;cursor:pointer";
    tombol.addEventListener("click", function () { location.reload(); });
    kotak.appendChild(teks);
    kotak.appendChild(tombol);
    document.body.appendChild(kotak);
  }
  if (sw) {
    // A new service worker takes over at once (hooks/offline.py). A page of an older build is
    // told so; a page of the new build (the usual case: pages come from the network) is not.
    var adaPengendali = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      var baru = navigator.serviceWorker.controller;
      if (!adaPengendali || !baru) { adaPengendali = !!baru; return; }
      baru.postMessage({ jenis: "versi" });
    });
    var terakhirDicek = Date.now();
    document.addEventListener("visibilitychange", function () {
      // A tab left open for hours asks the host for a new release when it is looked at again.
      if (document.visibilityState !== "visible" || Date.now() - terakhirDicek < 10 * 60 * 1000) return;
      terakhirDicek = Date.now();
      navigator.serviceWorker.getRegistration(akar.href).then(function (r) { if (r) r.update(); }, function () {});
    });
    navigator.serviceWorker.addEventListener("message", function (e) {
      if (e.data && e.data.jenis === "versi" && e.data.kode && versiSkrip && e.data.kode !== versiSkrip) {
        beritahuVersiBaru();
      }
    });
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
    // Material's instant navigation brought the content of another build: its scripts are not
    // the ones running here. Load that page fully instead of mixing the two builds.
    var versiIni = versiDari(document);
    if (versiSkrip && versiIni && versiIni !== versiSkrip) {
      location.reload();
      return;
    }
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

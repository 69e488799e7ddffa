/*
 * Halaman Untuk Pelatih: "Buka di kalkulator" selalu membuka halaman kalkulator secara penuh.
 *
 * Why: with Material's navigation.instant + navigation.tracking, following a share link
 * (kalkulator/#s=...) as an instant navigation lands on kalkulator/#<an anchor of the previous
 * page> and the calculator never reads the request (seen in headless Chromium, November 2026).
 * A normal page load of the same address works, so on the trainer pages the click is turned into
 * one. Capture phase on window: runs before Material's own click handler.
 */
(function () {
  "use strict";
  if (window.pelatihTautanKalkulator) return;
  window.pelatihTautanKalkulator = true;
  window.addEventListener("click", function (ev) {
    if (ev.defaultPrevented || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
    var a = ev.target && ev.target.closest ? ev.target.closest("a.ak-buka[href*='#s=']") : null;
    if (!a) return;
    if (!/\/pelatih\//.test(location.pathname)) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    location.assign(a.href);
  }, true);
})();

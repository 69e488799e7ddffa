/*
 * The offline kit opened from its folder (file://) instead of through its starter (issue 14).
 *
 * Browsers refuse to run the calculator's engine (Pyodide: a worker and fetches) from file://, so
 * on the calculator page a notice says what to do instead of a spinner that never ends; and links
 * to folders ("../angka-kredit/"), which open a folder listing from file://, go to the folder's
 * index.html. Nothing happens over http(s). Kept apart from the calculator's own scripts.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[href]");
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
    var url;
    try { url = new URL(a.getAttribute("href"), location.href); } catch (e) { return; }
    if (url.protocol !== "file:" || !/\/$/.test(url.pathname)) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    url.pathname += "index.html";
    location.href = url.href;
  }, true);

  function pemberitahuan() {
    var kalk = document.getElementById("kalkulator");
    if (!kalk || document.querySelector(".pelatih-berkas-lokal")) return;
    var kotak = document.createElement("div");
    kotak.className = "admonition warning pelatih-berkas-lokal";
    kotak.setAttribute("role", "alert");
    kotak.innerHTML =
      '<p class="admonition-title">Kalkulator perlu dijalankan lewat berkas jalankan</p>' +
      "<p>Halaman ini dibuka langsung dari folder (alamatnya diawali <code>file://</code>). " +
      "Peramban tidak menjalankan mesin hitung kalkulator dari alamat seperti itu.</p>" +
      "<ol><li>Tutup halaman ini.</li>" +
      "<li>Di folder <code>panduan-jf</code>, klik dua kali <strong>jalankan-windows.bat</strong> " +
      "(Windows), <strong>jalankan-macos.command</strong> (macOS), atau " +
      "<strong>jalankan-linux.sh</strong> (Linux).</li>" +
      "<li>Peramban terbuka di alamat <code>http://127.0.0.1:8000/</code>. Kalkulator berjalan di " +
      "sana tanpa internet.</li></ol>";
    kalk.parentNode.insertBefore(kotak, kalk);
    kalk.style.display = "none";
  }

  // From file:// every page is a full load (Material's document$ may not emit there), so the
  // page's own load is the moment.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", pemberitahuan);
  else pemberitahuan();
})();

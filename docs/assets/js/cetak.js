// Saat mencetak, buka semua blok <details> (termasuk admonition yang dapat dilipat) supaya
// isinya ikut tercetak, lalu kembalikan keadaan semula setelah selesai.
(function () {
  var dibuka = [];
  window.addEventListener("beforeprint", function () {
    dibuka = [];
    document.querySelectorAll("details:not([open])").forEach(function (el) {
      el.setAttribute("open", "");
      dibuka.push(el);
    });
  });
  window.addEventListener("afterprint", function () {
    dibuka.forEach(function (el) { el.removeAttribute("open"); });
    dibuka = [];
  });
})();

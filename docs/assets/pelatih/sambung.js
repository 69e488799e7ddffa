/*
 * Menyambungkan ponsel peserta (pelatih/sambung/): the offline kit server opens this page with the
 * laptop's network address in the query (?alamat=http://192.168.1.5:8000/, or after "#") when the
 * trainer asks for phones to join; the page shows that address large, with a QR code drawn by qrcode-generator
 * (npm, MIT; assets/pelatih/qrcode.js). Only a plain http address of an IPv4 host is accepted.
 */
(function () {
  "use strict";

  function alamatDariHash() {
    var teks = "";
    try {
      teks = new URLSearchParams(location.search).get("alamat") ||
        decodeURIComponent((location.hash || "").replace(/^#/, ""));
    } catch (e) { return null; }
    var m = /^http:\/\/(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})\/$/.exec(teks);
    if (!m) return null;
    var oktet = m[1].split(".").map(Number);
    if (oktet.some(function (o) { return o > 255; }) || Number(m[2]) > 65535) return null;
    return teks;
  }

  var tunggu = 0;

  function tampilkan() {
    var wadah = document.querySelector(".pelatih-sambung");
    if (!wadah) return;
    // qrcode.js and this file are loaded side by side (situs.js): wait for the library.
    if (typeof window.qrcode !== "function") {
      tunggu++;
      if (tunggu < 200) setTimeout(tampilkan, 50);
      return;
    }
    tunggu = 0;
    var alamat = alamatDariHash();
    var kode = wadah.querySelector(".pelatih-sambung__kode");
    var teks = wadah.querySelector(".pelatih-sambung__alamat");
    var arahan = wadah.querySelector(".pelatih-sambung__arahan");
    if (!alamat) {
      kode.hidden = teks.hidden = arahan.hidden = true;
      return;
    }
    var qr = window.qrcode(0, "M");
    qr.addData(alamat);
    qr.make();
    kode.innerHTML = qr.createSvgTag({ cellSize: 8, margin: 4, scalable: true,
      alt: "Kode QR untuk " + alamat });
    kode.setAttribute("data-alamat", alamat);
    teks.textContent = alamat;
    kode.hidden = teks.hidden = arahan.hidden = false;
  }

  window.addEventListener("hashchange", tampilkan);
  if (window.jfSetiapHalaman) window.jfSetiapHalaman(tampilkan);
  else tampilkan();
})();

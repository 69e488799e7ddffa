/*
 * Kuis mandiri: memeriksa jawaban di peramban, tanpa server.
 * The HTML and the right answers come from hooks/trainer_quiz.py (numeric answers are computed by
 * the engine at build time). Event delegation on document, so pages swapped in by Material's
 * navigation.instant need no re-binding.
 */
(function () {
  "use strict";
  if (window.pelatihKuis) return;

  // "18,75", "18.75", "1.234,5" and " 18,750 " are all accepted.
  function bacaAngka(teks) {
    var t = String(teks || "").replace(/\s+/g, "");
    if (!t) return NaN;
    if (t.indexOf(",") >= 0) t = t.replace(/\./g, "").replace(",", ".");
    if (!/^-?\d+(\.\d+)?$/.test(t)) return NaN;
    return parseFloat(t);
  }

  function tampilkan(kuis, benar, statusTeks, umpanOpsi) {
    var umpan = kuis.querySelector(".pelatih-kuis__umpan");
    var status = kuis.querySelector(".pelatih-kuis__status");
    var opsi = kuis.querySelector(".pelatih-kuis__umpan-opsi");
    kuis.classList.remove("pelatih-kuis--benar", "pelatih-kuis--salah");
    kuis.classList.add(benar ? "pelatih-kuis--benar" : "pelatih-kuis--salah");
    kuis.setAttribute("data-hasil", benar ? "benar" : "salah");
    status.textContent = statusTeks;
    if (umpanOpsi) {
      opsi.innerHTML = umpanOpsi;
      opsi.hidden = false;
    } else {
      opsi.innerHTML = "";
      opsi.hidden = true;
    }
    umpan.hidden = false;
  }

  function periksaPilihan(kuis) {
    var dipilih = kuis.querySelector("input[type=radio]:checked");
    if (!dipilih) {
      tampilkan(kuis, false, "Pilih satu jawaban dulu.", "");
      kuis.setAttribute("data-hasil", "kosong");
      kuis.querySelector(".pelatih-kuis__alasan").hidden = true;
      return;
    }
    kuis.querySelector(".pelatih-kuis__alasan").hidden = false;
    var benar = dipilih.getAttribute("data-benar") === "1";
    tampilkan(kuis, benar, benar ? "Benar." : "Belum tepat.", benar ? "" : (dipilih.getAttribute("data-umpan") || ""));
  }

  function periksaAngka(kuis) {
    var isian = kuis.querySelector(".pelatih-kuis__isian");
    var nilai = bacaAngka(isian.value);
    var alasan = kuis.querySelector(".pelatih-kuis__alasan");
    if (isNaN(nilai)) {
      alasan.hidden = true;
      tampilkan(kuis, false, "Tulis jawaban berupa angka, misalnya 12,5.", "");
      kuis.setAttribute("data-hasil", "kosong");
      return;
    }
    alasan.hidden = false;
    var jawaban = parseFloat(isian.getAttribute("data-jawaban"));
    var toleransi = parseFloat(isian.getAttribute("data-toleransi") || "0.01");
    var benar = Math.abs(nilai - jawaban) <= toleransi + 1e-9;
    tampilkan(kuis, benar, benar ? "Benar." : "Belum tepat.", "");
  }

  function periksa(kuis) {
    if (kuis.getAttribute("data-jenis") === "angka") periksaAngka(kuis);
    else periksaPilihan(kuis);
  }

  document.addEventListener("submit", function (ev) {
    var form = ev.target.closest && ev.target.closest(".pelatih-kuis__form");
    if (!form) return;
    ev.preventDefault();
    periksa(form.closest(".pelatih-kuis"));
  });

  // Instant feedback for multiple choice: checking happens as soon as an option is picked.
  document.addEventListener("change", function (ev) {
    var t = ev.target;
    if (!t || t.type !== "radio" || !t.closest) return;
    var kuis = t.closest(".pelatih-kuis");
    if (kuis) periksa(kuis);
  });

  window.pelatihKuis = { bacaAngka: bacaAngka, periksa: periksa };
})();

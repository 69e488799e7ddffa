/*
 * Kuis mandiri: memeriksa jawaban di peramban, tanpa server.
 * The HTML and the right answers come from hooks/trainer_quiz.py (numeric answers are computed by
 * the engine at build time). Event delegation on document, so pages swapped in by Material's
 * navigation.instant need no re-binding.
 *
 * Two ways of use:
 * - Alone (a reader): picking an option checks it at once.
 * - In a room (presentation mode, html.pelatih-presentasi): picking an option checks nothing; the
 *   trainer counts raised hands per option with "+1" (kept in the page only, sent nowhere) and
 *   shows the answer with "Tampilkan jawaban" when the room is ready; "Ulangi soal" clears it.
 */
(function () {
  "use strict";
  if (window.pelatihKuis) return;

  // The hook lists every spelling the engine reads as the answer ("18,75", "18.75", "18,750"):
  // typed text is compared with that list, never parsed here. A leading "+" and spaces are noise.
  function rapikan(teks) {
    return String(teks || "").replace(/\s+/g, "").replace(/^\+/, "");
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
    var ketik = rapikan(isian.value);
    var alasan = kuis.querySelector(".pelatih-kuis__alasan");
    if (!/^-?[0-9.,]+$/.test(ketik)) {
      alasan.hidden = true;
      tampilkan(kuis, false, "Tulis jawaban berupa angka, misalnya 12,5.", "");
      kuis.setAttribute("data-hasil", "kosong");
      return;
    }
    var benar = JSON.parse(isian.getAttribute("data-terima")).indexOf(ketik) >= 0;
    // The reason names the answer: in a room it waits for the trainer unless this one is right.
    alasan.hidden = !benar && diRuangan();
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
    var kuis = form.closest(".pelatih-kuis");
    // In a room, Enter in a numeric box must not give the answer away: the trainer shows it.
    if (diRuangan() && kuis.getAttribute("data-jenis") !== "angka") return;
    periksa(kuis);
  });

  function diRuangan() {
    return document.documentElement.classList.contains("pelatih-presentasi");
  }

  // Room mode: the right option is marked and the reason shown, whatever was picked.
  function ungkap(kuis) {
    var umpan = kuis.querySelector(".pelatih-kuis__umpan");
    var status = kuis.querySelector(".pelatih-kuis__status");
    var opsi = kuis.querySelector(".pelatih-kuis__umpan-opsi");
    kuis.classList.remove("pelatih-kuis--salah");
    kuis.classList.add("pelatih-kuis--benar", "pelatih-kuis--diungkap");
    kuis.setAttribute("data-hasil", "diungkap");
    if (kuis.getAttribute("data-jenis") === "angka") {
      var isian = kuis.querySelector(".pelatih-kuis__isian");
      status.textContent = "Jawaban: " + isian.getAttribute("data-jawaban-teks");
    } else {
      var benar = kuis.querySelector("input[type=radio][data-benar='1']");
      var huruf = benar.closest(".pelatih-kuis__opsi").querySelector(".pelatih-kuis__huruf");
      benar.closest(".pelatih-kuis__baris").classList.add("pelatih-kuis__baris--benar");
      status.textContent = "Jawaban: " + huruf.textContent.replace(/\.$/, "");
    }
    opsi.innerHTML = "";
    opsi.hidden = true;
    kuis.querySelector(".pelatih-kuis__alasan").hidden = false;
    umpan.hidden = false;
  }

  function ulang(kuis) {
    kuis.classList.remove("pelatih-kuis--benar", "pelatih-kuis--salah", "pelatih-kuis--diungkap");
    kuis.removeAttribute("data-hasil");
    kuis.querySelector(".pelatih-kuis__umpan").hidden = true;
    Array.prototype.forEach.call(kuis.querySelectorAll(".pelatih-kuis__baris--benar"), function (b) {
      b.classList.remove("pelatih-kuis__baris--benar");
    });
    var form = kuis.querySelector(".pelatih-kuis__form");
    if (form) form.reset(); // before the tally: a form reset puts <output> back to its default
    Array.prototype.forEach.call(kuis.querySelectorAll(".pelatih-kuis__jumlah"), function (o) {
      o.defaultValue = "0";
      o.textContent = "0";
    });
  }

  function tambah(tombol) {
    var jumlah = tombol.parentElement.querySelector(".pelatih-kuis__jumlah");
    var n = (parseInt(jumlah.textContent, 10) || 0) + 1;
    jumlah.textContent = String(n);
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target.closest && ev.target.closest("button");
    if (!t) return;
    var kuis = t.closest(".pelatih-kuis");
    if (!kuis) return;
    if (t.classList.contains("pelatih-kuis__tambah")) tambah(t);
    else if (t.classList.contains("pelatih-kuis__ungkap")) ungkap(kuis);
    else if (t.classList.contains("pelatih-kuis__ulang")) ulang(kuis);
  });

  // Alone: checking happens as soon as an option is picked. In a room the answer waits for the
  // trainer.
  document.addEventListener("change", function (ev) {
    var t = ev.target;
    if (!t || t.type !== "radio" || !t.closest) return;
    var kuis = t.closest(".pelatih-kuis");
    if (kuis && !diRuangan()) periksa(kuis);
  });

  window.pelatihKuis = { bacaAngka: bacaAngka, periksa: periksa, ungkap: ungkap, ulang: ulang };
})();

/*
 * Mode presentasi untuk pelatih.
 *
 * Dimuat oleh presentasi-tombol.js (tombol di header, tombol "p") saat pertama kali dipakai.
 * Satu tombol di header (atau tombol "p") mengubah halaman panduan mana pun menjadi tampilan
 * proyektor: huruf besar, tanpa navigasi, dan setiap slide muat di layar. Tombol panah,
 * PageDown/PageUp (yang dikirim clicker), dan Spasi berpindah slide; angka lalu Enter melompat ke
 * slide itu; Escape keluar.
 *
 * Why the design is like this:
 * - Non-destructive: a slide is a set of elements marked with a class; only marked elements are
 *   shown. Nothing is cloned or moved, so forms (the calculator, the quiz) keep their state and
 *   their event handlers, and leaving the mode restores the page exactly (the only attribute
 *   touched, an <ol>'s `start`, is put back).
 * - Slides fit the screen (issue 14): each h2 section is measured in the real layout; a section
 *   taller than the slide area is cut at natural points (between blocks, table rows, list items,
 *   the children of a box such as an admonition, a quiz or the calculator), keeping the section's
 *   heading and a box's own title (a quiz's question) on every piece. A block that fits at 80% is
 *   shrunk rather than cut; one that cannot be cut is shrunk (CSS zoom) just enough, never below
 *   55%.
 * - The control bar lives in its own band at the bottom of the screen, outside the slide area, so
 *   it never covers content.
 * - The layout is measured again when the window size changes (projector, full screen) and when
 *   the page's content changes (the calculator's answer appears), keeping the slide on screen.
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
  var KELAS_PECAH = "pelatih-pecah";
  var SKALA_MIN = 0.55;
  var SKALA_UTUH = 0.8; // a block that fits at 80% size is shown whole rather than cut
  // Children of a box that stay on every piece of it when the box is cut.
  var TETAP = "thead, caption, legend, summary, colgroup, .admonition-title, .tabbed-labels, " +
    ".pelatih-kuis__soal";
  // Boxes that may be cut into their children when too tall.
  var WADAH = { DIV: 1, SECTION: 1, FORM: 1, FIELDSET: 1, DETAILS: 1, BLOCKQUOTE: 1, TABLE: 1,
    TBODY: 1, UL: 1, OL: 1, DL: 1, FIGURE: 1, ASIDE: 1, NAV: 1 };

  var state = {
    aktif: false, indeks: 0, slides: [], artikel: null,
    ditandai: [], pecah: [], olAwal: [], pengamat: null, menata: false, tundaTata: null
  };

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
    if (tag === "SCRIPT" || tag === "STYLE" || tag === "TEMPLATE" || tag === "NOSCRIPT") return true;
    if (el.classList.contains("md-content__button")) return true;
    if (el.classList.contains("md-source-file")) return true;
    if (el.classList.contains("jf-aset") || el.classList.contains("jf-versi")) return true;
    // Hidden markers for scripts (no text): not content.
    if (el.hidden && !el.textContent.trim()) return true;
    return false;
  }

  function anakElemen(el) {
    return Array.prototype.filter.call(el.children, function (a) { return !abaikan(a); });
  }

  // ---- Marking ------------------------------------------------------------------------------

  function hapusTanda() {
    state.ditandai.forEach(function (el) { el.classList.remove(KELAS_TAMPIL); });
    state.ditandai = [];
  }

  function tandai(daftar) {
    hapusTanda();
    daftar.forEach(function (el) {
      if (!el.classList.contains(KELAS_TAMPIL)) {
        el.classList.add(KELAS_TAMPIL);
        state.ditandai.push(el);
      }
    });
  }

  function jadikanPecah(el) {
    if (!el.classList.contains(KELAS_PECAH)) {
      el.classList.add(KELAS_PECAH);
      state.pecah.push(el);
    }
  }

  function bersihkanSemua() {
    hapusTanda();
    state.pecah.forEach(function (el) { el.classList.remove(KELAS_PECAH); });
    state.pecah = [];
    pulihkanOl();
    if (state.artikel) state.artikel.style.removeProperty("zoom");
  }

  // An <ol> cut into pieces numbers each piece from its first shown item.
  function aturOl(daftar) {
    pulihkanOl();
    daftar.forEach(function (el) {
      if (el.tagName !== "LI" || !el.parentElement || el.parentElement.tagName !== "OL") return;
      var ol = el.parentElement;
      if (!ol.classList.contains(KELAS_PECAH) || ol.__pelatihOl) return;
      var item = Array.prototype.filter.call(ol.children, function (a) { return a.tagName === "LI"; });
      var pertama = item.indexOf(el);
      if (pertama < 0) return;
      var asli = ol.getAttribute("start");
      ol.__pelatihOl = true;
      state.olAwal.push([ol, asli]);
      ol.setAttribute("start", String((asli ? parseInt(asli, 10) : 1) + pertama));
    });
  }

  function pulihkanOl() {
    state.olAwal.forEach(function (pasangan) {
      var ol = pasangan[0];
      if (pasangan[1] === null) ol.removeAttribute("start");
      else ol.setAttribute("start", pasangan[1]);
      delete ol.__pelatihOl;
    });
    state.olAwal = [];
  }

  // ---- Measuring ----------------------------------------------------------------------------

  function tinggiTersedia() {
    var bar = document.getElementById("pelatih-kontrol");
    var pita = bar ? bar.getBoundingClientRect().height : 0;
    return window.innerHeight - pita;
  }

  function muat(daftar, skala) {
    tandai(daftar);
    state.artikel.style.zoom = skala && skala < 1 ? String(skala) : "";
    // The article's bottom edge in page coordinates: everything above it (margins) counts too.
    var r = state.artikel.getBoundingClientRect();
    return r.bottom + window.scrollY <= state.tersedia + 0.5;
  }

  function skalaUntuk(daftar) {
    if (muat(daftar, 1)) return 1;
    for (var s = 0.9; s >= SKALA_MIN - 1e-9; s -= 0.05) {
      if (muat(daftar, s)) return Math.round(s * 100) / 100;
    }
    return SKALA_MIN;
  }

  // A box can be cut when it is one of WADAH and holds only elements (text directly inside, as in
  // a paragraph or a list item with words, stays whole). Single-child wrappers (Material puts
  // tables in two divs) are followed down to the box that has the pieces.
  function rincianPecah(el) {
    var rantai = [];
    var kini = el;
    for (var i = 0; i < 6; i++) {
      if (!WADAH[kini.tagName]) return null;
      for (var n = kini.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3 && n.nodeValue.trim()) return null;
      }
      var anak = anakElemen(kini);
      rantai.push(kini);
      if (anak.length === 1) { kini = anak[0]; continue; }
      if (anak.length < 2) return null;
      var tetap = [], unit = [];
      anak.forEach(function (a) {
        if (a.matches(TETAP)) tetap.push(a);
        else if (a.tagName === "INPUT" && a.closest(".tabbed-set")) tetap.push(a);
        else unit.push(a);
      });
      if (kini.tagName === "TABLE" && unit.length === 1 && unit[0].tagName === "TBODY") {
        rantai.push(unit[0]);
        tetap = tetap.slice();
        unit = anakElemen(unit[0]);
      }
      if (!unit.length) return null;
      if (unit.length < 2 && !rincianPecah(unit[0])) return null;
      return { rantai: rantai, tetap: tetap, unit: unit };
    }
    return null;
  }

  // Packing of `unit` after the elements `konteks` (shown on every resulting slide): each slide
  // takes the longest run of units that fits, found by bisection (a layout pass per try, so a
  // section that fits whole costs one). Returns {penuh: [slides], sisa: slide, kosong: bool}.
  function kemas(konteks, unit, awal) {
    var penuh = [];
    var kini = awal ? awal.slice() : [];
    var i = 0;
    while (i < unit.length) {
      var dasar = konteks.concat(kini);
      var m = 0;
      if (muat(dasar.concat(unit.slice(i)))) m = unit.length - i;
      else {
        var lo = 0, hi = unit.length - i - 1; // lo fits (or is 0), hi+1 does not
        while (lo < hi) {
          var tengah = Math.ceil((lo + hi) / 2);
          if (muat(dasar.concat(unit.slice(i, i + tengah)))) lo = tengah;
          else hi = tengah - 1;
        }
        m = lo;
      }
      if (m > 0) {
        kini = kini.concat(unit.slice(i, i + m));
        i += m;
        if (i < unit.length) {
          // A heading never ends a slide: it moves on with what it introduces.
          var pisah = pisahJudul(kini);
          if (pisah.isi.length) {
            penuh.push({ tanda: konteks.concat(pisah.isi), skala: 1 });
            kini = pisah.ekor;
          }
          // Only headings: they stay, and go on every piece of the next unit (below).
        }
        continue;
      }
      if (kini.length) {
        var pisah2 = pisahJudul(kini);
        if (pisah2.isi.length) {
          penuh.push({ tanda: konteks.concat(pisah2.isi), skala: 1 });
          kini = pisah2.ekor;
          continue;
        }
        // Only headings so far: they stay on every piece of what follows them.
      }
      // The next unit does not fit alone (with the headings before it). A box a little too tall
      // (a quiz question with its options) is kept whole and shrunk a little; a longer one is cut
      // into its own pieces; what cannot be cut is shrunk as much as needed.
      var konteksU = konteks.concat(kini);
      kini = [];
      var u = unit[i];
      i++;
      var sendiri = konteksU.concat([u]);
      var skalaSendiri = skalaUntuk(sendiri);
      var rinci = skalaSendiri >= SKALA_UTUH ? null : rincianPecah(u);
      if (rinci) {
        rinci.rantai.forEach(jadikanPecah);
        var hasil = kemas(konteksU.concat(rinci.rantai, rinci.tetap), rinci.unit, null);
        penuh = penuh.concat(hasil.penuh);
        // The last piece stays open: what follows the box may join it.
        kini = hasil.kosong ? [] : hasil.sisa.tanda.filter(function (el) { return konteks.indexOf(el) < 0; });
        continue;
      }
      penuh.push({ tanda: sendiri, skala: skalaSendiri });
    }
    return { penuh: penuh, sisa: { tanda: konteks.concat(kini), skala: 1 }, kosong: kini.length === 0 };
  }

  // Trailing headings of a slide's own elements (they belong to the next slide).
  function pisahJudul(daftar) {
    var n = daftar.length;
    while (n > 0 && /^H[3-6]$/.test(daftar[n - 1].tagName)) n--;
    return { isi: daftar.slice(0, n), ekor: daftar.slice(n) };
  }

  // Sections: the title and what precedes the first h2, then one per h2. A section with nothing
  // but headings (a quiz page's title) joins the next one, so that no slide is empty.
  function susunBagian(artikel) {
    var bagian = [];
    var kini = [];
    anakElemen(artikel).forEach(function (el) {
      if (el.tagName === "H2" && kini.length) {
        bagian.push(kini);
        kini = [];
      }
      kini.push(el);
    });
    if (kini.length) bagian.push(kini);
    var hasil = [];
    var tunda = [];
    bagian.forEach(function (b) {
      var isi = tunda.concat(b);
      if (isi.every(function (el) { return /^H[1-6]$/.test(el.tagName); })) { tunda = isi; return; }
      tunda = [];
      hasil.push(isi);
    });
    if (tunda.length) hasil.push(tunda);
    return hasil;
  }

  function susunSlide(artikel) {
    bersihkanSemua();
    state.tersedia = tinggiTersedia();
    var slides = [];
    susunBagian(artikel).forEach(function (b) {
      // The section's headings stay on each of its slides.
      var judul = [];
      var i = 0;
      while (i < b.length && /^H[1-2]$/.test(b[i].tagName)) { judul.push(b[i]); i++; }
      var unit = b.slice(i);
      if (!unit.length) { slides.push({ tanda: judul, skala: 1 }); return; }
      var hasil = kemas(judul, unit, null);
      slides = slides.concat(hasil.penuh);
      if (!hasil.kosong) slides.push(hasil.sisa);
    });
    hapusTanda();
    return slides.filter(function (s) { return s.tanda.length; });
  }

  // ---- Controls -----------------------------------------------------------------------------

  function kontrol() {
    var ada = document.getElementById("pelatih-kontrol");
    if (ada) return ada;
    var bar = document.createElement("div");
    bar.id = "pelatih-kontrol";
    bar.className = "pelatih-kontrol";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Kendali presentasi");
    bar.innerHTML =
      '<button type="button" data-aksi="sebelumnya" title="Slide sebelumnya (panah kiri, PageUp)" aria-label="Slide sebelumnya">&#8249;</button>' +
      '<span class="pelatih-kontrol__posisi"><label>Slide <input type="text" inputmode="numeric" ' +
      'class="pelatih-kontrol__nomor" aria-label="Nomor slide (ketik lalu Enter)" size="3"></label> ' +
      '<span class="pelatih-kontrol__jumlah"></span></span>' +
      '<button type="button" data-aksi="berikutnya" title="Slide berikutnya (panah kanan, PageDown, Spasi)" aria-label="Slide berikutnya">&#8250;</button>' +
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
    var nomor = bar.querySelector(".pelatih-kontrol__nomor");
    nomor.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") {
        ev.preventDefault();
        var n = parseInt(nomor.value, 10);
        nomor.blur();
        if (!isNaN(n)) ke(n - 1);
        else perbaruiKontrol();
      }
    });
    nomor.addEventListener("blur", function () { perbaruiKontrol(); });
    document.body.appendChild(bar);
    return bar;
  }

  function perbaruiKontrol() {
    var bar = kontrol();
    var nomor = bar.querySelector(".pelatih-kontrol__nomor");
    if (document.activeElement !== nomor) nomor.value = String(state.indeks + 1);
    bar.querySelector(".pelatih-kontrol__jumlah").textContent = "dari " + state.slides.length;
    bar.querySelector('[data-aksi="sebelumnya"]').disabled = state.indeks <= 0;
    bar.querySelector('[data-aksi="berikutnya"]').disabled = state.indeks >= state.slides.length - 1;
  }

  // ---- Showing ------------------------------------------------------------------------------

  function tampilkan(n) {
    var slide = state.slides[n];
    diamkanPengamat(function () {
      tandai(slide.tanda);
      aturOl(slide.tanda);
      state.artikel.style.zoom = slide.skala < 1 ? String(slide.skala) : "";
    });
  }

  function ke(n) {
    if (!state.aktif || !state.slides.length) return;
    n = Math.max(0, Math.min(state.slides.length - 1, n));
    state.indeks = n;
    tampilkan(n);
    document.documentElement.setAttribute("data-pelatih-slide", String(n + 1));
    window.scrollTo(0, 0);
    perbaruiKontrol();
  }

  function indeksDariElemen(slides, el) {
    if (!el) return -1;
    for (var i = 0; i < slides.length; i++) {
      var t = slides[i].tanda;
      for (var j = t.length - 1; j >= 0; j--) {
        if (t[j] === el || (t[j].contains(el) && !t[j].classList.contains(KELAS_PECAH))) return i;
      }
    }
    return -1;
  }

  function indeksDariHash(slides) {
    var id = decodeURIComponent((location.hash || "").replace(/^#/, ""));
    if (!id) return 0;
    return Math.max(0, indeksDariElemen(slides, document.getElementById(id)));
  }

  // Lay the page out again (new window size, new content) and stay on the same material: the
  // first element of the current slide that is not a heading.
  function tataUlang() {
    if (!state.aktif || !state.artikel) return;
    var lama = state.slides[state.indeks];
    var jangkar = null;
    if (lama) {
      for (var i = 0; i < lama.tanda.length; i++) {
        var el = lama.tanda[i];
        if (!/^H[1-6]$/.test(el.tagName) && !el.classList.contains(KELAS_PECAH)) { jangkar = el; break; }
      }
    }
    diamkanPengamat(function () { state.slides = susunSlide(state.artikel); });
    var n = indeksDariElemen(state.slides, jangkar);
    if (n < 0) n = Math.min(state.indeks, state.slides.length - 1);
    var baru = state.baru;
    state.baru = null;
    if (baru && state.artikel.contains(baru)) {
      var m = indeksDariElemen(state.slides, baru);
      if (m > n && m <= n + 2) n = m;
    }
    ke(n);
  }

  function jadwalkanTata() {
    if (state.menata) return;
    clearTimeout(state.tundaTata);
    state.tundaTata = setTimeout(tataUlang, 150);
  }

  // Our own class changes must not look like new content.
  function diamkanPengamat(fn) {
    state.menata = true;
    try { fn(); } finally {
      if (state.pengamat) state.pengamat.takeRecords();
      state.menata = false;
    }
  }

  function amati(artikel) {
    if (state.pengamat) state.pengamat.disconnect();
    if (!window.MutationObserver) return;
    state.pengamat = new MutationObserver(function (catatan) {
      if (state.menata) return;
      // Something shown on request (a quiz's answer) is followed to the slide it lands on.
      catatan.forEach(function (c) {
        if (c.type === "attributes" && c.attributeName === "hidden" && !c.target.hidden) state.baru = c.target;
      });
      jadwalkanTata();
    });
    state.pengamat.observe(artikel, { childList: true, subtree: true, attributes: true,
      attributeFilter: ["hidden", "open"] });
  }

  function masuk(mulai) {
    var artikel = cariArtikel();
    if (!artikel) return false;
    if (state.artikel && state.artikel !== artikel) bersihkanSemua();
    state.artikel = artikel;
    state.aktif = true;
    document.documentElement.classList.add(KELAS_AKTIF);
    kontrol();
    diamkanPengamat(function () { state.slides = susunSlide(artikel); });
    if (!state.slides.length) {
      keluar();
      return false;
    }
    simpan(true);
    amati(artikel);
    ke(typeof mulai === "number" ? mulai : indeksDariHash(state.slides));
    return true;
  }

  function keluar() {
    if (!state.aktif) return;
    state.aktif = false;
    if (state.pengamat) { state.pengamat.disconnect(); state.pengamat = null; }
    clearTimeout(state.tundaTata);
    var slide = state.slides[state.indeks];
    bersihkanSemua();
    document.documentElement.classList.remove(KELAS_AKTIF);
    document.documentElement.removeAttribute("data-pelatih-slide");
    var bar = document.getElementById("pelatih-kontrol");
    if (bar) bar.remove();
    simpan(false);
    if (document.fullscreenElement && document.exitFullscreen) {
      document.exitFullscreen().catch(function () {});
    }
    // Bring what was on screen back into view in the normal page.
    if (slide && slide.tanda[0] && slide.tanda[0].scrollIntoView) {
      var lihat = slide.tanda[slide.tanda.length - 1];
      (lihat || slide.tanda[0]).scrollIntoView();
    }
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

  // Every slide fits; should one still overflow (content changed in between), the clicker's
  // "next" first scrolls it, then moves on.
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

  // Digits typed then Enter jump to that slide (as in common presentation programs).
  var angkaKetik = "";
  var angkaWaktu = null;

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
    if (/^[0-9]$/.test(tombol)) {
      angkaKetik = (angkaKetik + tombol).slice(-4);
      clearTimeout(angkaWaktu);
      angkaWaktu = setTimeout(function () { angkaKetik = ""; }, 3000);
      var nomor = document.querySelector("#pelatih-kontrol .pelatih-kontrol__nomor");
      if (nomor) nomor.value = angkaKetik;
      ev.preventDefault();
      ev.stopImmediatePropagation();
      return;
    }
    if (tombol === "Enter" && angkaKetik) {
      var n = parseInt(angkaKetik, 10);
      angkaKetik = "";
      ke(n - 1);
      ev.preventDefault();
      ev.stopImmediatePropagation();
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
  var tundaUkuran = null;
  window.addEventListener("resize", function () {
    if (!state.aktif) return;
    clearTimeout(tundaUkuran);
    tundaUkuran = setTimeout(tataUlang, 200);
  });

  window.pelatihPresentasi = {
    masuk: masuk,
    keluar: keluar,
    ke: ke,
    tataUlang: function () { clearTimeout(state.tundaTata); tataUlang(); },
    status: function () {
      return { aktif: state.aktif, indeks: state.indeks, jumlah: state.slides.length };
    },
    // For tests: the zoom of each slide (1 = not shrunk).
    skala: function () { return state.slides.map(function (s) { return s.skala; }); }
  };

  window.jfSetiapHalaman(siapkanHalaman); // from situs.js
})();

// Guided mode (presentation): the same form, one part at a time, for a first visit.
// "Isi satu per satu" shows one group of questions (a fieldset or a folded part) with Kembali /
// Lanjut; the answer card above keeps updating as the person goes. Nothing else changes: the
// fields, the request and the result are the same as in the full form.

import { el } from "./formulir.js";

export function pasangTerpandu(form, tombol) {
  const langkah = [...form.querySelectorAll(":scope > fieldset, :scope > details")];
  if (!tombol || langkah.length < 2) return;
  let ke = 0;
  let aktif = false;
  const kembali = el("button", { type: "button", class: "md-button", id: "kalk-kembali" }, ["Kembali"]);
  const lanjut = el("button", { type: "button", class: "md-button md-button--primary", id: "kalk-lanjut" }, ["Lanjut"]);
  const nav = el("div", { class: "jf-tombol jf-terpandu__nav", hidden: "" }, [kembali, lanjut]);
  form.insertBefore(nav, form.querySelector(".jf-tombol"));

  function tampil() {
    form.classList.toggle("jf-terpandu", aktif);
    langkah.forEach((l, i) => l.classList.toggle("jf-terpandu--aktif", i === ke));
    if (aktif && langkah[ke].tagName === "DETAILS") langkah[ke].open = true;
    nav.hidden = !aktif;
    kembali.disabled = ke === 0;
    lanjut.hidden = ke === langkah.length - 1;
    tombol.textContent = aktif ? "Tampilkan semua pertanyaan" : "Isi satu per satu";
  }

  function pindah(i) {
    ke = Math.max(0, Math.min(langkah.length - 1, i));
    tampil();
    const pertama = langkah[ke].querySelector("input:not([type=hidden]):not([hidden]), select, summary");
    if (pertama) pertama.focus();
  }

  tombol.addEventListener("click", () => {
    aktif = !aktif;
    ke = 0;
    tampil();
    if (aktif) pindah(0);
  });
  kembali.addEventListener("click", () => pindah(ke - 1));
  lanjut.addEventListener("click", () => pindah(ke + 1));
  // A field named by an error message or a link ("Ubah anggapan"): show its part first.
  form.addEventListener("jf-tunjukkan", (e) => {
    if (!aktif) return;
    const i = langkah.findIndex((l) => l.contains(e.target));
    if (i >= 0 && i !== ke) { ke = i; tampil(); }
  });
  tampil();
}

// Storage and links: the share link (public format, maintainers/desain.md), the copy kept on this device,
// and the exported/imported file. Everything here is about moving the request around intact;
// nothing reads its meaning (the engine does). Reading never throws: a broken or crafted link,
// file or stored value gives {galat: "..."} and the page keeps a usable form.

const KUNCI = "panduan-jf:kalkulator:isian";
// The longest link, file or stored value read (~2 MB; 240 monthly rows take ~20 KB). Larger
// input is refused before parsing, so a crafted link cannot freeze the tab.
const PANJANG_MAKSIMUM = 2_000_000;

// base64url (RFC 4648 section 5) without padding, of the UTF-8 JSON: the public share format.
export function keBase64url(obj) {
  const bytes = new TextEncoder().encode(JSON.stringify(obj));
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function dariBase64url(teks) {
  let b64 = teks.replace(/-/g, "+").replace(/_/g, "/");
  while (b64.length % 4) b64 += "=";
  const bin = atob(b64);
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
}

function objek(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

// JSON text -> request object, or {galat}. `asal` names the source in the message.
export function bacaJson(teks, asal) {
  if (typeof teks !== "string" || teks.length > PANJANG_MAKSIMUM) {
    return { galat: `${asal} terlalu panjang untuk kalkulator ini dan tidak dibaca.` };
  }
  try {
    const r = JSON.parse(teks);
    if (!objek(r)) return { galat: `${asal} bukan isian kalkulator (objek JSON).` };
    return { permintaan: r };
  } catch {
    return { galat: `${asal} tidak dapat dibaca (bukan JSON yang sah).` };
  }
}

// ---------------------------------------------------------------- share link
export function tautan(permintaan) {
  const u = new URL(location.href);
  u.search = "";
  u.hash = "s=" + keBase64url(permintaan);
  return u.href;
}

// The request in the address (#s=...), or null when there is none, or {galat}.
export function dariAlamat() {
  let h = location.hash || "";
  const tertunda = window.__jfTautanTertunda;
  window.__jfTautanTertunda = null;
  if (!h.startsWith("#s=") && tertunda && String(tertunda.hash).startsWith("#s=")
      && Date.now() - tertunda.waktu < 30000) {
    // Reached by instant navigation from a share link (see situs.js): restore the link's address.
    h = tertunda.hash;
    history.replaceState(history.state, "", location.pathname + location.search + h);
  }
  if (!h.startsWith("#s=")) return null;
  if (h.length > PANJANG_MAKSIMUM) return { galat: "Tautan simulasi terlalu panjang dan tidak dibaca." };
  try {
    const r = dariBase64url(h.slice(3));
    if (!objek(r)) return { galat: "Tautan simulasi tidak berisi isian kalkulator." };
    return { permintaan: r };
  } catch {
    return { galat: "Tautan simulasi tidak dapat dibaca (mungkin terpotong saat disalin)." };
  }
}

// ---------------------------------------------------------------- this device
export function bacaTersimpan() {
  let teks = null;
  try { teks = localStorage.getItem(KUNCI); } catch { return null; }
  if (teks === null) return null;
  return bacaJson(teks, "Isian tersimpan di perangkat ini");
}

export function simpan(permintaan) {
  try {
    localStorage.setItem(KUNCI, JSON.stringify(permintaan));
    return true;
  } catch {
    return false; // storage full or blocked (private mode)
  }
}

// Erase what this page ever stored. Never throws, whatever is stored.
export function hapusTersimpan() {
  try { localStorage.removeItem(KUNCI); } catch { /* nothing stored, or storage blocked */ }
}

export function adaTersimpan() {
  try { return localStorage.getItem(KUNCI) !== null; } catch { return false; }
}

// ---------------------------------------------------------------- files
// File name from the optional name and NIP: "simulasi-angka-kredit-sari-wulandari-1987....json".
export function namaBerkas(nama, nip) {
  const bagian = [nama, nip].map((s) => String(s || "").normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "").slice(0, 40)).filter(Boolean);
  return ["simulasi-angka-kredit", ...bagian].join("-") + ".json";
}

export function unduh(permintaan, namaFile) {
  const blob = new Blob([JSON.stringify(permintaan, null, 2) + "\n"], { type: "application/json" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = namaFile;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export async function bacaBerkas(berkas) {
  if (berkas.size > PANJANG_MAKSIMUM) {
    return { galat: `Berkas ${berkas.name} terlalu besar untuk isian kalkulator.` };
  }
  try {
    return bacaJson(await berkas.text(), `Berkas ${berkas.name}`);
  } catch {
    return { galat: `Berkas ${berkas.name} tidak dapat dibaca.` };
  }
}

"""MkDocs hook: the guide's numbers are rendered at build time by the calculator engine.

A page never holds a rule figure or an AK value typed by hand. It writes:
- a fenced block ```hitung holding a request (JSON): rendered as the step-by-step calculation,
  the kenaikan summary, warnings and a "Buka di kalkulator" share link;
- `[[tabel NAMA]]`: a rules table (calculator.tabel.daftar_tabel);
- `[[nilai NAMA]]`: one rule value, e.g. `[[nilai koefisien.ahli_pertama]]`;
- `[[hasil {request} PATH]]`: one field of a result, e.g. `[[hasil {...} ak_kumulatif]]`.
Anything that does not resolve stops the build with a message naming the page.
"""
from __future__ import annotations

import base64
import html
import json
import re
from fractions import Fraction

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from calculator import hitung
from calculator.angka import persen, teks
from calculator.rules import muat
from calculator.tabel import TANDA_BELUM_DIKONFIRMASI, daftar_tabel

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})hitung[^\n]*\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
                    re.MULTILINE | re.DOTALL)
_TABEL = re.compile(r"^(?P<indent>[ \t]*)\[\[tabel (?P<nama>[a-z_]+)\]\][ \t]*$", re.MULTILINE)
_NILAI = re.compile(r"\[\[nilai (?P<nama>[A-Za-z_./]+)\]\]")
_HASIL = re.compile(r"\[\[hasil (?P<json>\{.*?\}) (?P<path>[A-Za-z_0-9.]+)\]\]")
_PERSEN = ("persentase.", "pendidikan_persen")
# Same words as the guide's "Belum dipastikan" boxes: one way of flagging what is uncertain.
TANDA_HTML = ('<span class="belum-dikonfirmasi" title="Belum dipastikan: belum terbaca dalam teks '
              'peraturan. Tanyakan kepada BKPSDM.">*</span>')
STATUS = {"terpenuhi": "✅ terpenuhi", "belum": "❌ belum", "tidak_diketahui": "❔ belum diketahui"}


def tautan_kalkulator(permintaan: dict, page_url: str) -> str:
    """Share link (maintainers/desain.md): kalkulator/#s=<base64url, no padding, of the UTF-8 JSON>."""
    data = json.dumps(permintaan, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    kode = base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")
    return f"{get_relative_url('kalkulator/', page_url)}#s={kode}"


def teks_angka(x, desimal: int) -> str:
    """A number of a result (JSON number) as the guide writes it: 1.050,5 (half-up); booleans as
    "ya"/"tidak", None as "-". Shared with the trainer hook and the trainer tests."""
    if isinstance(x, bool):
        return "ya" if x else "tidak"
    if isinstance(x, (int, float)):
        return teks(Fraction(str(x)), desimal)  # the project's one number formatter
    return "-" if x is None else str(x)


def dengan_tanggal(permintaan):
    """The request with its calculation date: a worked example without one is computed on the
    rules data's `tanggal_contoh`, so a build next year prints the same numbers."""
    if isinstance(permintaan, dict) and "tanggal_hitung" not in permintaan:
        return {**permintaan, "tanggal_hitung": muat().tanggal_contoh.isoformat()}
    return permintaan


def _hitung(permintaan, where: str) -> dict:
    hasil = hitung(dengan_tanggal(permintaan))
    if "galat" in hasil:
        pesan = "; ".join(g["pesan"] for g in hasil["galat"])
        raise PluginError(f"{where}: permintaan contoh tidak sah: {pesan}")
    return hasil


def render_contoh(permintaan: dict, page_url: str, where: str) -> str:
    """Markdown for one worked example: only the engine's own words and numbers, placed."""
    hasil = _hitung(permintaan, where)
    p, ringkasan = hasil["profil"], hasil["ringkasan"]
    out = ['<div class="ak-contoh" markdown>', "",
           f"**{p['jenjang_nama']}, golongan {p['golongan']} ({p['pangkat']})**, "
           f"dihitung pada {p['tanggal_hitung_teks']}", ""]
    if ringkasan["situasi"]:
        out += [f"*{ringkasan['situasi']['judul']}.* {ringkasan['situasi']['teks']}", ""]
    if hasil["integrasi"]:
        i = hasil["integrasi"]
        out += [f"AK integrasi = AK konvensional - nilai dasar = {i['rumus']} ({i['dasar_hukum']}).", ""]
    else:
        out += [f"{ringkasan['komponen'][0]['label']}: {ringkasan['komponen'][0]['nilai']} ({hasil['ak_awal_keterangan']})", ""]
    if hasil["rincian"]:
        # Three columns so that the AK stays visible on a phone without scrolling sideways.
        out += ["| Periode | Predikat | Perhitungan = AK |", "|---|---|---|"]
        for r in hasil["rincian"]:
            if r["dihitung"]:
                rumus, ak = r["rumus"].rsplit(" = ", 1)
                out.append(f"| {r['periode_teks']} | {r['predikat']} | {rumus} = **{ak}** |")
            else:
                out.append(f"| {r['periode_teks']} | {r['predikat']} | {r['keterangan']} |")
        dasar = next((r["dasar_hukum"] for r in hasil["rincian"] if r["dihitung"]), "")
        if dasar:
            out += ["", f"Dasar hukum: {dasar}."]
        out += [""]
    if hasil["ak_pendidikan"] and hasil["ak_pendidikan"]["dihitung"]:
        out += [f"Tambahan peningkatan pendidikan: {hasil['ak_pendidikan']['rumus']}.", ""]
    suku = " + ".join(k["nilai"] for k in ringkasan["komponen"])
    out += [f"**{ringkasan['total']['label']}: {suku} = {ringkasan['total']['nilai']}**", ""]
    daftar = [f"- **{b['judul']}**: {b['ringkas']}"
              for b in (hasil["kenaikan_pangkat"], hasil["kenaikan_jenjang"], hasil["kenaikan_pangkat_tanpa_formasi"]) if b]
    if daftar:
        out += daftar + [""]
    out += [f"{ringkasan['jawaban']}" + (f" {ringkasan['asumsi']}" if ringkasan["asumsi"] else ""), ""]
    for w in hasil["peringatan"]:
        out += ['!!! warning "Perhatikan"', f"    {w}", ""]
    link = html.escape(tautan_kalkulator(dengan_tanggal(permintaan), page_url), quote=True)
    out += [f'<a class="md-button ak-buka" href="{link}">Buka di kalkulator</a>', "", "</div>"]
    return "\n".join(out)


def render_tabel(nama: str, where: str) -> str:
    tabel = daftar_tabel().get(nama)
    if tabel is None:
        raise PluginError(f"{where}: tabel '{nama}' tidak dikenal; pilihan: {', '.join(daftar_tabel())}")
    sel = lambda s: s.replace("|", "\\|").replace(TANDA_BELUM_DIKONFIRMASI, TANDA_HTML) if s.endswith(TANDA_BELUM_DIKONFIRMASI) else s.replace("|", "\\|")
    out = [f'<div class="tabel-aturan" data-tabel="{nama}" markdown>', "",
           "| " + " | ".join(tabel.kepala) + " |", "|" + "---|" * len(tabel.kepala)]
    out += ["| " + " | ".join(sel(s) for s in r) + " |" for r in tabel.baris]
    out += ["", f"<small>Dasar hukum: {'; '.join(tabel.dasar)}.</small>"]
    if tabel.belum_dikonfirmasi:
        out += ["", f"<small>{TANDA_HTML} Belum dipastikan: nilai bertanda bintang belum terbaca dalam teks "
                "peraturan. Tanyakan kepada BKPSDM sebelum mengandalkannya.</small>"]
    return "\n".join(out + ["", "</div>"])


def render_nilai(nama: str, where: str) -> str:
    a = muat()
    if nama.startswith("pangkat."):
        gol = nama.split(".", 1)[1]
        if gol in a.pangkat:
            return a.pangkat[gol]
    if nama.startswith("ak_dasar.") and nama.count(".") == 1:
        gol = nama.split(".", 1)[1]
        kandidat = {a.param(f"ak_dasar.{j}.{gol}").terbaru.nilai for j, jj in a.jenjang.items() if gol in jj.golongan}
        if len(kandidat) != 1:
            raise PluginError(f"{where}: [[nilai {nama}]] ambigu atau tidak ada; tulis ak_dasar.<jenjang>.<golongan>")
        nama = next(f"ak_dasar.{j}.{gol}" for j, jj in a.jenjang.items() if gol in jj.golongan)
    param = a.parameter.get(nama)
    if param is None:
        raise PluginError(f"{where}: [[nilai {nama}]] tidak dikenal dalam data aturan")
    n = a.nilai_pada(nama, a.tanggal_contoh)
    if not isinstance(n.nilai, Fraction):
        raise PluginError(f"{where}: [[nilai {nama}]] bukan angka")
    bentuk = persen(n.nilai) if nama.startswith(_PERSEN) else teks(n.nilai)
    return bentuk + ("" if n.dikonfirmasi else TANDA_HTML)


def render_hasil(data: str, path: str, where: str) -> str:
    try:
        permintaan = json.loads(data)
    except ValueError as exc:
        raise PluginError(f"{where}: JSON dalam [[hasil ...]] tidak sah: {exc}") from exc
    hasil = _hitung(permintaan, where)
    nilai = hasil
    for bagian in path.split("."):
        try:
            nilai = nilai[int(bagian)] if isinstance(nilai, list) else nilai[bagian]
        except (KeyError, IndexError, ValueError, TypeError) as exc:
            raise PluginError(f"{where}: jalur '{path}' tidak ada dalam hasil") from exc
    return teks_angka(nilai, hasil["desimal"])


def _indent(teks_md: str, indent: str) -> str:
    return "\n".join((indent + baris) if baris else baris for baris in teks_md.split("\n"))


def on_page_markdown(markdown: str, page, config, files):
    where = page.file.src_uri

    def contoh(m):
        try:
            permintaan = json.loads(m.group("body"))
        except ValueError as exc:
            raise PluginError(f"{where}: JSON dalam blok hitung tidak sah: {exc}") from exc
        return _indent(render_contoh(permintaan, page.url, where), m.group("indent"))

    markdown = _FENCE.sub(contoh, markdown)
    markdown = _TABEL.sub(lambda m: _indent(render_tabel(m.group("nama"), where), m.group("indent")), markdown)
    markdown = _HASIL.sub(lambda m: render_hasil(m.group("json"), m.group("path"), where), markdown)
    markdown = _NILAI.sub(lambda m: render_nilai(m.group("nama"), where), markdown)
    return markdown

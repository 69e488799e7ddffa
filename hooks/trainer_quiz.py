"""MkDocs hook: render ```kuis fenced blocks (self-check questions) into static HTML.

A block holds YAML (JSON is YAML too):

    ```kuis
    jenis: pilihan            # multiple choice
    pertanyaan: Berapa persentase untuk predikat "Butuh Perbaikan"?
    pilihan:
      - teks: "{{nilai persentase.cukup}}"
        benar: true
      - teks: "{{nilai persentase.baik}}"
        alasan: Itu untuk predikat Baik.      # optional, shown when this option is chosen
    alasan: Cukup dan Butuh Perbaikan adalah satu predikat.
    tautan: ../../angka-kredit.md              # page to read again (relative to this file)
    ```

    ```kuis
    jenis: angka              # numeric: the answer is computed by the engine at build time
    pertanyaan: ...
    permintaan: {"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0,
                 "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"}]}
    jalur: ak_konversi        # path in the result of calculator.hitung
    alasan: ...               # "{{jawaban}}" is the computed answer, "{{rumus}}" the formulas
    tautan: ../../angka-kredit.md
    ```

`{{nilai KEY}}` (koefisien.X, persentase.X, akk_pangkat.X, akk_jenjang.X, ak_dasar.GOL,
nilai_dasar.X, pangkat.GOL) is rendered by `hooks.engine_render.render_nilai` from the rules data, so
no figure is typed by hand and it reads exactly like `[[nilai KEY]]`.
The answer goes into data attributes (its text, and every spelling the engine's number reader
accepts for it); docs/assets/pelatih/kuis.js compares typed text with them, with no server. The double-brace syntax differs from the engine's `[[...]]` on purpose: the two hooks may
run in any order without touching each other's text.
"""

from __future__ import annotations

import html
import json
import logging
import posixpath
import re
from fractions import Fraction
from typing import Any

import markdown as md_lib
import yaml
from mkdocs.exceptions import PluginError

# `{{nilai KEY}}` renders exactly like the guide's `[[nilai KEY]]`, and answers like every other
# number of the site: one renderer, in the engine's hook.
from calculator.angka import ejaan
from hooks.engine_render import render_nilai, teks_angka

log = logging.getLogger("mkdocs.hooks.trainer_quiz")

BLOK = re.compile(r"^(?P<pagar>`{3,}|~{3,})[ \t]*kuis[ \t]*\n(?P<isi>.*?)\n(?P=pagar)[ \t]*$",
                  re.MULTILINE | re.DOTALL)
TEMPAT = re.compile(r"\{\{\s*(nilai\s+(?P<kunci>[\w./]+)|jawaban|rumus)\s*\}\}")
HURUF = "ABCDEFGHIJ"


class KuisError(ValueError):
    pass


def format_angka(nilai: Any, desimal: int = 2) -> str:
    """Indonesian number format, half-up, as the engine writes it (calculator.angka.teks)."""
    if isinstance(nilai, bool) or not isinstance(nilai, (int, float)):
        return str(nilai)
    return teks_angka(nilai, desimal)


def ambil_jalur(data: Any, jalur: str) -> Any:
    kini = data
    for bagian in jalur.split("."):
        if isinstance(kini, list):
            kini = kini[int(bagian)]
        elif isinstance(kini, dict):
            if bagian not in kini:
                raise KuisError(f"jalur '{jalur}' tidak ada di hasil (berhenti di '{bagian}')")
            kini = kini[bagian]
        else:
            raise KuisError(f"jalur '{jalur}' tidak ada di hasil")
    return kini


def _inline_md(teks: str) -> str:
    """Render a short Markdown text (bold, italics, code) to HTML without a wrapping <p>."""
    out = md_lib.markdown(teks.strip())
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


class PenyusunKuis:
    def __init__(self, page, files, hitung=None):
        self.page = page
        self.files = files
        self._hitung = hitung
        self.nomor = 0

    def hitung(self, permintaan):
        if self._hitung is None:
            from calculator import hitung
            self._hitung = hitung
        return self._hitung(permintaan)

    def isi_tempat(self, teks: str, konteks: dict) -> str:
        def ganti(m):
            if m.group("kunci"):
                try:
                    return render_nilai(m.group("kunci"), self.page.file.src_uri)
                except PluginError as e:
                    raise KuisError(str(e)) from e
            nama = m.group(1)
            if nama not in konteks:
                raise KuisError(f"{{{{{nama}}}}} hanya untuk soal angka")
            return konteks[nama]
        return TEMPAT.sub(ganti, str(teks))

    def url_tautan(self, tautan: str) -> str:
        path, _, jangkar = tautan.partition("#")
        dasar = posixpath.dirname(self.page.file.src_uri)
        src = posixpath.normpath(posixpath.join(dasar, path))
        target = self.files.get_file_from_path(src) if self.files is not None else None
        if target is None:
            # --strict turns this warning into a failed build, as for any broken link.
            log.warning("Kuis di '%s' menaut ke '%s', yang tidak ada.", self.page.file.src_uri, tautan)
            return html.escape(tautan)
        url = target.url_relative_to(self.page.file)
        return html.escape(url + ("#" + jangkar if jangkar else ""))

    def judul_tautan(self, spek: dict) -> str:
        if spek.get("tautan_judul"):
            return str(spek["tautan_judul"])
        path = spek["tautan"].partition("#")[0]
        src = posixpath.normpath(posixpath.join(posixpath.dirname(self.page.file.src_uri), path))
        target = self.files.get_file_from_path(src) if self.files is not None else None
        if target is not None and getattr(target, "abs_src_path", None):
            try:
                with open(target.abs_src_path, encoding="utf-8") as f:
                    teks = f.read()
                m = re.match(r"---\s*\n(.*?)\n---", teks, re.DOTALL)
                if m:
                    meta = yaml.safe_load(m.group(1)) or {}
                    if meta.get("title"):
                        return str(meta["title"])
            except OSError:
                pass
        return "halaman terkait"

    def render(self, teks_spek: str) -> str:
        try:
            spek = yaml.safe_load(teks_spek)
        except yaml.YAMLError as e:
            raise KuisError(f"spesifikasi kuis bukan YAML yang sah: {e}") from e
        if not isinstance(spek, dict):
            raise KuisError("spesifikasi kuis harus berupa pemetaan (mapping)")
        for wajib in ("jenis", "pertanyaan", "alasan", "tautan"):
            if wajib not in spek:
                raise KuisError(f"kolom '{wajib}' wajib ada")
        self.nomor += 1
        ident = f"kuis-{self.nomor}"
        jenis = spek["jenis"]
        konteks: dict = {}
        if jenis == "angka":
            if "permintaan" not in spek or "jalur" not in spek:
                raise KuisError("soal angka butuh 'permintaan' dan 'jalur'")
            hasil = self.hitung(spek["permintaan"])
            if "galat" in hasil:
                raise KuisError(f"permintaan ditolak mesin: {hasil['galat']}")
            jawaban = ambil_jalur(hasil, str(spek["jalur"]))
            if isinstance(jawaban, bool) or not isinstance(jawaban, (int, float)):
                raise KuisError(f"jalur '{spek['jalur']}' bukan angka: {jawaban!r}")
            konteks["jawaban"] = teks_angka(jawaban, hasil.get("desimal", 2))
            konteks["rumus"] = "; ".join(r.get("rumus", "") for r in hasil.get("rincian", []))
        elif jenis == "pilihan":
            pilihan = spek.get("pilihan")
            if not isinstance(pilihan, list) or len(pilihan) < 2:
                raise KuisError("soal pilihan butuh minimal dua pilihan")
            if sum(1 for p in pilihan if p.get("benar")) != 1:
                raise KuisError("soal pilihan harus punya tepat satu jawaban benar")
        else:
            raise KuisError(f"jenis kuis tidak dikenal: {jenis}")

        pertanyaan = _inline_md(self.isi_tempat(spek["pertanyaan"], konteks))
        alasan = _inline_md(self.isi_tempat(spek["alasan"], konteks))
        # target="_self": a full load, not Material's instant navigation. Clicked right after an
        # answer changed the quiz's layout, the quiz page's section tracking (navigation.tracking)
        # could still write its own heading ("#soal-3") into the new page's address, and the reader
        # landed at the top of the guide page instead of the section (seen 2 in 15 under load).
        tautan = (f'<a class="pelatih-kuis__tautan" href="{self.url_tautan(spek["tautan"])}" target="_self">'
                  f'Baca lagi: {html.escape(self.judul_tautan(spek))}</a>')

        bagian = [f'<div class="pelatih-kuis" id="{ident}" data-jenis="{jenis}">',
                  f'<p class="pelatih-kuis__soal">{pertanyaan}</p>',
                  '<form class="pelatih-kuis__form" novalidate>']
        if jenis == "pilihan":
            bagian.append('<fieldset class="pelatih-kuis__pilihan">'
                          '<legend>Pilih satu jawaban</legend>')
            for i, p in enumerate(spek["pilihan"]):
                teks = _inline_md(self.isi_tempat(p["teks"], konteks))
                umpan = p.get("alasan")
                umpan_attr = (f' data-umpan="{html.escape(_inline_md(self.isi_tempat(umpan, konteks)))}"'
                              if umpan else "")
                # In a room (presentation mode) the trainer counts raised hands per option; the
                # tally lives in this page only, nothing is sent anywhere.
                bagian.append(
                    f'<div class="pelatih-kuis__baris">'
                    f'<label class="pelatih-kuis__opsi"><input type="radio" name="{ident}-jawaban" '
                    f'value="{i}" data-benar="{1 if p.get("benar") else 0}"{umpan_attr}> '
                    f'<span class="pelatih-kuis__huruf">{HURUF[i]}.</span> {teks}</label>'
                    f'<span class="pelatih-kuis__tally pelatih-kelas-saja">'
                    f'<button type="button" class="pelatih-kuis__tambah" data-opsi="{i}" '
                    f'aria-label="Tambah satu peserta yang memilih {HURUF[i]}">+1</button>'
                    f'<output class="pelatih-kuis__jumlah" aria-label="Peserta yang memilih {HURUF[i]}">0</output>'
                    f'</span></div>')
            bagian.append('</fieldset>')
        else:
            # The spellings the engine reads as this answer: the browser compares text only.
            terima = ejaan(Fraction(str(jawaban)))
            bagian.append(
                f'<label class="pelatih-kuis__label" for="{ident}-isian">Jawaban Anda (angka, '
                f'pakai koma untuk desimal)</label> '
                f'<input class="pelatih-kuis__isian" id="{ident}-isian" type="text" '
                f'inputmode="decimal" autocomplete="off" '
                f'data-terima="{html.escape(json.dumps(terima))}" '
                f'data-jawaban-teks="{html.escape(konteks["jawaban"])}">')
        bagian.append('<button type="submit" class="md-button pelatih-kuis__periksa">Periksa jawaban</button>')
        # Room mode: the answer stays hidden until the trainer shows it.
        bagian.append('<p class="pelatih-kuis__kelas pelatih-kelas-saja">'
                      '<button type="button" class="md-button md-button--primary pelatih-kuis__ungkap">'
                      'Tampilkan jawaban</button> '
                      '<button type="button" class="md-button pelatih-kuis__ulang">Ulangi soal</button></p>')
        bagian.append('</form>')
        bagian.append('<div class="pelatih-kuis__umpan" aria-live="polite" hidden>'
                      '<p class="pelatih-kuis__status"></p>'
                      '<p class="pelatih-kuis__umpan-opsi" hidden></p>'
                      f'<p class="pelatih-kuis__alasan">{alasan}</p>'
                      f'<p>{tautan}</p></div>')
        bagian.append('</div>')
        return "\n".join(bagian)


def render_markdown(markdown: str, page, files, hitung=None) -> str:
    penyusun = PenyusunKuis(page, files, hitung=hitung)

    def ganti(m):
        try:
            return "\n\n" + penyusun.render(m.group("isi")) + "\n\n"
        except (KuisError, KeyError, IndexError, ValueError, TypeError) as e:
            raise PluginError(f"{page.file.src_uri}: kuis ke-{penyusun.nomor}: {e}") from e

    return BLOK.sub(ganti, markdown)


def on_page_markdown(markdown, page, config, files, **kwargs):
    if "kuis" not in markdown:
        return markdown
    return render_markdown(markdown, page, files)

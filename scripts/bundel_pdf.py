"""Make the printable handouts from the built site (run after `mkdocs build`).

Writes into SITE/pelatih/unduh/:
- panduan-jf-modul.pdf: the core modules in one document with a cover (with the portal's address,
  SITE_URL, and its QR code), a table of contents with page numbers, and page numbers in the footer;
- ringkasan.pdf: the one-page cheat sheet (docs/pelatih/ringkasan.md, which carries the address and
  QR code through hooks/pelatih_alamat.py), printed with the site's own print CSS; the script fails
  if it does not fit on one A4 page.

Headless Chromium (Debian /usr/bin/chromium, or $CHROMIUM) prints through Python Playwright. The
pages are read from a local http server over SITE, so the numbers in the PDF are exactly the ones
the engine rendered into the site at build time.

Usage: python scripts/bundel_pdf.py [SITE]   (default: site)
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import os
import re
from pathlib import Path

from calculator.dates import teks_tanggal
from scripts.static_server import StaticServer

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic",
                 "--no-first-run"]

# Core modules, in teaching order (URL path in the site, title as in the nav).
MODUL = [
    ("penyetaraan/", "Penyetaraan Jabatan"),
    ("jabatan-fungsional/", "Jabatan Fungsional"),
    ("angka-kredit/", "Angka Kredit sejak 2023"),
    ("kinerja-skp/", "Kinerja dan SKP"),
    ("kenaikan-pangkat/", "Kenaikan Pangkat"),
    ("kenaikan-jenjang/", "Kenaikan Jenjang"),
    ("integrasi/", "Dari AK Lama ke Sistem Baru"),
    ("tantangan-solusi/", "Tantangan dan Solusi"),
    ("pelatih/ringkasan/", "Ringkasan Angka Kredit"),
]
NAMA_PDF = "panduan-jf-modul.pdf"
NAMA_RINGKASAN = "ringkasan.pdf"
FOLDER_UNDUH = Path("pelatih") / "unduh"

FOOTER = ('<div style="font-size:8pt;width:100%;text-align:center;color:#555;'
          'font-family:sans-serif;">Panduan Jabatan Fungsional &middot; halaman '
          '<span class="pageNumber"></span> dari <span class="totalPages"></span></div>')

CSS_CETAK = """
@page { size: A4; margin: 16mm 15mm 18mm; }
html, body { background: #fff !important; }
body { margin: 0; }
.md-typeset { font-size: 10pt; line-height: 1.5; }
.sampul { height: 245mm; display: flex; flex-direction: column; justify-content: center;
  text-align: center; break-after: page; }
.sampul h1 { font-size: 28pt; margin: 0 0 8mm; color: #283593; }
.sampul .sub { font-size: 14pt; margin-bottom: 20mm; }
.sampul .kecil { font-size: 9.5pt; color: #444; max-width: 140mm; margin: 2mm auto; }
.sampul .alamat { display: flex; align-items: center; justify-content: center; gap: 6mm;
  margin: 0 auto 12mm; font-size: 11pt; text-align: left; }
.sampul .alamat svg { width: 32mm; height: 32mm; flex: 0 0 auto; }
.daftar-isi { break-after: page; }
.daftar-isi h1 { font-size: 20pt; }
.daftar-isi ol { list-style: none; padding: 0; margin: 0; font-size: 12pt; }
.daftar-isi li { display: flex; align-items: baseline; margin: 3mm 0; }
.daftar-isi .judul { flex: 0 0 auto; }
.daftar-isi .titik { flex: 1 1 auto; border-bottom: 1px dotted #777; margin: 0 2mm; }
.daftar-isi .hal { flex: 0 0 auto; min-width: 8mm; text-align: right; }
.modul { break-before: page; }
.modul-label { font-size: 9pt; letter-spacing: 0.08em; text-transform: uppercase;
  color: #283593; margin: 0 0 1mm; font-weight: 700; }
.md-typeset h1 { margin-top: 0; }
.md-typeset .headerlink, .md-content__button, .md-source-file, .pelatih-kontrol,
.pelatih-tombol-presentasi, .pelatih-ringkasan, .pelatih-layar-saja,
.ak-buka { display: none !important; }
.md-typeset table:not([class]) { font-size: 8.5pt; }
.md-typeset pre, .md-typeset table, .md-typeset .admonition, .md-typeset details
  { break-inside: avoid; }
.md-typeset h2, .md-typeset h3 { break-after: avoid; }
a { color: inherit !important; text-decoration: none !important; }
"""

# Runs in the module's page: open collapsed blocks, drop screen-only parts, turn links to other
# pages of the site into plain text (they would point at a local server in a PDF).
JS_AMBIL = """
(asal) => {
  const art = document.querySelector('article.md-content__inner') || document.querySelector('article');
  if (!art) return null;
  const salin = art.cloneNode(true);
  salin.querySelectorAll('details').forEach(d => d.setAttribute('open', ''));
  salin.querySelectorAll('.headerlink, .md-content__button, .md-source-file, .ak-buka, .pelatih-layar-saja, script').forEach(e => e.remove());
  salin.querySelectorAll('a[href]').forEach(a => {
    const url = new URL(a.getAttribute('href'), location.href);
    if (url.origin === asal) {
      const span = document.createElement('span');
      span.innerHTML = a.innerHTML;
      a.replaceWith(span);
    } else {
      a.setAttribute('href', url.href);
    }
  });
  salin.querySelectorAll('img[src]').forEach(i => i.setAttribute('src', new URL(i.getAttribute('src'), location.href).href));
  return salin.innerHTML;
}
"""


def _versi_aturan() -> str:
    try:
        from calculator import aturan
        return str(aturan().get("versi", ""))
    except Exception:  # the handout still prints without it
        return ""


def alamat_portal(site: Path) -> str:
    """The portal's address as the build knew it (site_url, from SITE_URL): the home page's
    canonical link."""
    teks = (site / "index.html").read_text(encoding="utf-8")
    m = re.search(r'<link rel="canonical" href="([^"]+)"', teks)
    if not m:
        raise SystemExit("alamat portal (link canonical) tidak ada di index.html; atur SITE_URL saat build")
    return html.unescape(m.group(1))


def _qr_svg(alamat: str) -> str:
    from hooks.pelatih_alamat import qr_svg  # the same QR maker as the pages (segno)

    return qr_svg(alamat, skala=4)


def susun_html(base: str, stylesheets: list[str], body_attrs: dict, bagian: list[tuple[str, str]],
               halaman: list[int | None], alamat: str = "") -> str:
    tanggal = dt.date.today()
    versi = _versi_aturan()
    blok_alamat = ""
    if alamat:
        blok_alamat = (f'<div class="alamat">{_qr_svg(alamat)}<p>Portal dan kalkulator angka kredit:<br>'
                       f'<strong>{html.escape(alamat)}</strong><br>'
                       'Pindai kode QR ini atau ketik alamatnya di peramban.</p></div>')
    links = "\n".join(f'<link rel="stylesheet" href="{html.escape(h)}">' for h in stylesheets)
    attrs = " ".join(f'{k}="{html.escape(v)}"' for k, v in body_attrs.items())
    isi = []
    for i, (judul, _) in enumerate(bagian, 1):
        hal = halaman[i - 1]
        isi.append(f'<li><span class="judul">{i}. {html.escape(judul)}</span>'
                   f'<span class="titik"></span><span class="hal">{hal if hal else "&nbsp;&nbsp;"}</span></li>')
    modul = []
    for i, (judul, konten) in enumerate(bagian, 1):
        modul.append(f'<section class="modul"><p class="modul-label">Modul {i}</p>'
                     f'<div class="md-typeset">{konten}</div></section>')
    return f"""<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<title>Panduan Jabatan Fungsional - Modul Cetak</title>
{links}
<style>{CSS_CETAK}</style></head>
<body {attrs}>
<div class="md-typeset">
<section class="sampul">
<h1>Panduan Jabatan Fungsional</h1>
<p class="sub">Modul inti: penyetaraan jabatan dan angka kredit sejak 2023</p>
<p class="kecil">Bahan untuk peserta sosialisasi dan bimbingan teknis. Dicetak {teks_tanggal(tanggal)}{f"; aturan versi {html.escape(versi)}" if versi else ""}.</p>
{blok_alamat}
<p class="kecil">Semua angka dihitung oleh mesin kalkulator portal ini saat situs dibangun. Hasil
perhitungan bukan Penetapan Angka Kredit (PAK): AK baru sah setelah ditetapkan oleh pejabat yang
berwenang. Angka bertanda "perlu dikonfirmasi" harus dipastikan ke pengelola kepegawaian atau
BKPSDM.</p>
</section>
<section class="daftar-isi"><h1>Daftar Isi</h1><ol>{''.join(isi)}</ol></section>
</div>
{''.join(modul)}
</body></html>"""


def _judul_outline(reader) -> list[tuple[str, int]]:
    hasil = []

    def jalan(item):
        for x in item:
            if isinstance(x, list):
                jalan(x)
            else:
                try:
                    hasil.append((" ".join(str(x.title).split()), reader.get_destination_page_number(x) + 1))
                except Exception:
                    pass
    jalan(reader.outline)
    return hasil


def cari_halaman(pdf_bytes: bytes, judul: list[str]) -> list[int | None]:
    """Page (1-based) where each module starts.

    Chromium writes the document's headings as PDF bookmarks (outline); the module's h1 is found
    there in document order. Text extraction is the fallback (slow with pypdf: ~0.5 s a page).
    """
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(pdf_bytes))
    hasil: list[int | None] = []
    outline = _judul_outline(reader)
    mulai = 0
    for j in judul:
        kunci = " ".join(j.split())
        ketemu = None
        for k in range(mulai, len(outline)):
            if outline[k][0] == kunci and outline[k][1] > 2:
                ketemu = k
                break
        if ketemu is None:
            break
        hasil.append(outline[ketemu][1])
        mulai = ketemu + 1
    if len(hasil) == len(judul):
        return hasil
    teks = [(p.extract_text() or "") for p in reader.pages]
    hasil = []
    mulai = 2  # index 0 is the cover, index 1 starts the table of contents
    for n in range(1, len(judul) + 1):
        pola = re.compile(rf"(^|\n)\s*Modul {n}\s*(\n|$)", re.IGNORECASE)
        ketemu = None
        for i in range(mulai, len(teks)):
            if pola.search(teks[i]):
                ketemu = i
                break
        hasil.append(ketemu + 1 if ketemu is not None else None)
        if ketemu is not None:
            mulai = ketemu + 1
    return hasil


def buat(site: Path) -> tuple[Path, Path]:
    from playwright.sync_api import sync_playwright

    site = site.resolve()
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site} bukan hasil build (index.html tidak ada); jalankan mkdocs build dulu")
    if not os.path.exists(CHROMIUM):
        raise SystemExit(f"Chromium tidak ada di {CHROMIUM}; jalankan bash scripts/setup (atau atur CHROMIUM)")
    keluar = site / FOLDER_UNDUH
    keluar.mkdir(parents=True, exist_ok=True)
    server = StaticServer(site, "127.0.0.1", 0).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                # No service worker: it would precache the calculator runtime on every page load,
                # which the handout does not need.
                context = browser.new_context(service_workers="block")
                page = context.new_page()
                asal = server.url.rstrip("/")
                bagian = []
                judul_h1: list[str] = []
                stylesheets: list[str] = []
                body_attrs: dict = {}
                for path, judul in MODUL:
                    resp = page.goto(server.url + path, wait_until="domcontentloaded")
                    if resp is None or resp.status != 200:
                        raise SystemExit(f"halaman modul {path} tidak ada di {site}")
                    konten = page.evaluate(JS_AMBIL, asal)
                    if not konten:
                        raise SystemExit(f"halaman modul {path} tidak punya <article>")
                    bagian.append((judul, konten))
                    judul_h1.append(page.evaluate(
                        "() => (document.querySelector('article h1') || {}).textContent || ''").replace("¶", "").strip())
                    if not stylesheets:
                        stylesheets = page.evaluate(
                            "() => [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href)")
                        body_attrs = page.evaluate(
                            "() => Object.fromEntries([...document.body.attributes]"
                            ".filter(a => a.name.startsWith('data-md-color')).map(a => [a.name, a.value]))")
                body_attrs.setdefault("data-md-color-scheme", "default")
                body_attrs["data-md-color-scheme"] = "default"  # print light, whatever the OS says

                # Two passes: the first finds on which page each module starts, the second prints
                # those numbers in the table of contents (same layout, so the same pages).
                sementara = keluar / "_modul-cetak.html"
                pdf_opsi = dict(format="A4", print_background=True, display_header_footer=True, outline=True, tagged=True,
                                header_template="<span></span>", footer_template=FOOTER,
                                margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
                halaman: list[int | None] = [None] * len(bagian)
                pdf = b""
                for _ in range(2):
                    sementara.write_text(susun_html(server.url, stylesheets, body_attrs, bagian, halaman,
                                                    alamat_portal(site)),
                                         encoding="utf-8")
                    page.goto(server.url + sementara.relative_to(site).as_posix(), wait_until="load")
                    page.emulate_media(media="print")
                    pdf = page.pdf(**pdf_opsi)
                    halaman = cari_halaman(pdf, judul_h1)
                sementara.unlink()
                hilang = [MODUL[i][1] for i, h in enumerate(halaman) if h is None]
                if hilang:
                    raise SystemExit(f"awal modul tidak ditemukan di PDF: {hilang}")
                modul_pdf = keluar / NAMA_PDF
                modul_pdf.write_bytes(pdf)

                # The cheat sheet, printed as the reader's browser would print it.
                page.emulate_media(media="print")
                page.goto(server.url + "pelatih/ringkasan/", wait_until="load")
                ringkasan = page.pdf(format="A4", print_background=True,
                                     margin={"top": "10mm", "bottom": "10mm", "left": "10mm", "right": "10mm"})
                ringkasan_pdf = keluar / NAMA_RINGKASAN
                ringkasan_pdf.write_bytes(ringkasan)
                from pypdf import PdfReader
                n = len(PdfReader(io.BytesIO(ringkasan)).pages)
                if n != 1:
                    raise SystemExit(f"ringkasan.pdf harus satu halaman, ternyata {n} halaman")
            finally:
                browser.close()
    finally:
        server.stop()
    return modul_pdf, ringkasan_pdf


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Buat PDF modul cetak dan ringkasan dari situs hasil build.")
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    args = parser.parse_args(argv)
    modul, ringkasan = buat(Path(args.site))
    print(f"[bundel_pdf] {modul} ({modul.stat().st_size // 1024} KB)")
    print(f"[bundel_pdf] {ringkasan} ({ringkasan.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

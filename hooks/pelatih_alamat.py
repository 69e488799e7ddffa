"""MkDocs hook: the portal's address and its QR code on what is printed, and the QR library for
the offline kit's "phones join" page (issue 14).

- `<!-- alamat-portal -->` in a page (the one-page summary, the calculator's printed sheet) becomes
  a print block with the portal's address (`site_url`, set from SITE_URL at deploy) and a QR code
  of it, drawn at build time by segno (pure Python, PyPI) as inline SVG: nothing is fetched when
  the page is printed, and the QR is exactly the address.
- `assets/pelatih/qrcode.js` is the npm package qrcode-generator (MIT), copied from node_modules
  at build time: the offline kit learns the laptop's network address only when it runs, so the
  QR for phones (pelatih/sambung/) is drawn in the browser.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
PENANDA = "<!-- alamat-portal -->"
QR_JS = ROOT / "node_modules" / "qrcode-generator" / "dist" / "qrcode.js"
QR_URI = "assets/pelatih/qrcode.js"


def qr_svg(alamat: str, skala: int = 3) -> str:
    """Inline SVG of the QR code for `alamat` (error correction M, quiet zone of 4 modules)."""
    import segno

    kode = segno.make(alamat, error="m", micro=False)
    svg = kode.svg_inline(scale=skala, border=4, dark="#000", light="#fff", omitsize=False)
    return svg.replace("<svg ", '<svg role="img" aria-label="Kode QR alamat portal" ', 1)


def blok_alamat(alamat: str) -> str:
    a = html.escape(alamat)
    return (f'<div class="pelatih-alamat-portal" markdown="0">{qr_svg(alamat)}'
            f'<p><strong>Portal Panduan JF dan kalkulator:</strong><br>'
            f'<span class="pelatih-alamat-portal__url">{a}</span><br>'
            f'Pindai kode QR ini atau ketik alamatnya di peramban.</p></div>')


def on_page_markdown(markdown, page, config, files, **kwargs):
    if PENANDA not in markdown:
        return markdown
    alamat = config.get("site_url") or ""
    if not alamat:
        raise PluginError(f"{page.file.src_uri}: site_url kosong; alamat portal untuk bahan cetak "
                          "diambil dari SITE_URL.")
    return markdown.replace(PENANDA, blok_alamat(alamat))


def on_files(files, config):
    if not QR_JS.is_file():
        raise PluginError(f"{QR_JS} tidak ada; jalankan bash scripts/setup (paket npm qrcode-generator).")
    files.append(File.generated(config, QR_URI, abs_src_path=os.fspath(QR_JS)))
    return files

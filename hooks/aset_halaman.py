"""MkDocs hook: the stylesheets and scripts that only some pages need, on those pages only.

Guide pages must stay light (within 110% of a bare Material page, issue 3), so the calculator's
and the trainer kit's own assets are not in `extra_css` / `extra_javascript`. A page whose HTML
holds one of the components below gets:

- the component's stylesheets as `<link>` in `<head>`, so that a full load shows it styled at once;
- a hidden `<div class="jf-aset" data-css="..." data-js="...">` at the top of the article, read by
  docs/assets/kalkulator/situs.js on every page: Material's instant navigation swaps the content
  but not `<head>`, so situs.js loads what the new page needs and is not loaded yet (and, on a
  full load, the scripts).
"""
from __future__ import annotations

import html

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

# (marker in the page's HTML, stylesheets, scripts), paths under docs/. The calculator's script
# is loaded and mounted by situs.js itself (it must also be loaded again after a failure).
KOMPONEN = (
    ('id="kalkulator"', ("assets/kalkulator/kalkulator.css",), ()),
    ('id="massal"', ("assets/massal/massal.css",), ("assets/massal/massal.js",)),
    ('class="pelatih-kuis"', ("assets/pelatih/pelatih.css",), ("assets/pelatih/kuis.js",)),
    ('class="pelatih-unduhan"', ("assets/pelatih/pelatih.css",), ()),
    ('class="pelatih-ringkasan"', ("assets/pelatih/pelatih.css",), ()),
    ('class="pelatih-sambung"', ("assets/pelatih/pelatih.css",),
     ("assets/pelatih/qrcode.js", "assets/pelatih/sambung.js")),
)
ARTIKEL = '<article class="md-content__inner md-typeset">'


def aset(output: str) -> tuple[list[str], list[str]]:
    """The stylesheets and scripts a page's HTML needs, in order, each once."""
    css, js = [], []
    for penanda, gaya, skrip in KOMPONEN:
        if penanda in output:
            css += [c for c in gaya if c not in css]
            js += [s for s in skrip if s not in js]
    return css, js


def on_post_page(output, page, config):
    css, js = aset(output)
    if not css and not js:
        return output
    if ARTIKEL not in output or "</head>" not in output:
        raise PluginError(f"{page.file.src_uri}: tempat aset halaman tidak ditemukan ({ARTIKEL}).")

    prefix = config["extra"].get("versi_aset")  # hooks/versi_aset.py: a folder named by content

    def url(path: str) -> str:
        if prefix and path.startswith("assets/"):
            path = prefix + path[len("assets/"):]
        return html.escape(get_relative_url(path, page.url))

    links = "".join(f'<link rel="stylesheet" href="{url(c)}">' for c in css)
    daftar = (f'<div class="jf-aset" hidden data-css="{" ".join(url(c) for c in css)}" '
              f'data-js="{" ".join(url(s) for s in js)}"></div>')
    output = output.replace("</head>", links + "</head>", 1)
    return output.replace(ARTIKEL, ARTIKEL + daftar, 1)

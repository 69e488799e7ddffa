"""MkDocs hook: the site's own stylesheets and scripts reach every page as one file each.

Each source in docs/assets keeps one job (situs.css, cetak.css, presentasi.css; cetak.js,
situs.js, presentasi.js) and is listed in mkdocs.yml's `extra_css` / `extra_javascript` in load
order. A phone on a slow connection pays a round trip and the headers for every file, and a guide
page must stay within 110% of a bare Material page (issue 3), so the build serves their
concatenation instead: assets/css/panduan.css and assets/js/panduan.js. They sit two folders deep
like the sources, so URLs a script computes from `document.currentScript` stay right. The
sources themselves are left out of the built site. The bundles are minified with rjsmin and
rcssmin (comments and spaces out, names kept): the sources are commented for maintainers, and a
reader's phone downloads these two files on every page (3.2 kB of 5.4 kB gzip for the script).
"""
from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

BUNDEL = {"extra_css": "assets/css/panduan.css", "extra_javascript": "assets/js/panduan.js"}
_sumber: dict[str, list[str]] = {}


def sidik() -> bytes:
    """Besides the sources, what decides the bundles' bytes: this hook and the minifiers. Part of
    the assets' content hash (hooks/versi_aset.py), so a change here renames the assets too."""
    return Path(__file__).read_bytes() + f"rjsmin {rjsmin.__version__} rcssmin {rcssmin.__version__}".encode()


def on_config(config):
    for kunci, tujuan in BUNDEL.items():
        _sumber[kunci] = [str(item) for item in config[kunci]]
        config[kunci] = [ExtraScriptValue(tujuan) if kunci == "extra_javascript" else tujuan]
    return config


def on_files(files, config):
    docs = Path(config["docs_dir"])
    for kunci, tujuan in BUNDEL.items():
        bagian = []
        for sumber in _sumber[kunci]:
            path = docs / sumber
            if not path.is_file():
                raise PluginError(f"{kunci}: berkas {sumber} tidak ada di {docs}.")
            teks = path.read_text(encoding="utf-8").rstrip("\n")
            # A statement ends before the next file starts (a script may omit its last ";").
            bagian.append(f"/* {sumber} */\n{teks}\n" + (";\n" if tujuan.endswith(".js") else ""))
            lama = files.get_file_from_path(sumber)
            if lama is not None:
                files.remove(lama)
        kecil = rjsmin.jsmin if tujuan.endswith(".js") else rcssmin.cssmin
        files.append(File.generated(config, tujuan, content=kecil("".join(bagian))))
    return files

"""The static server used by scripts/serve and the tests serves what Pyodide needs."""

from __future__ import annotations

import importlib.util
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _module():
    spec = importlib.util.spec_from_file_location("static_server_t", ROOT / "scripts" / "static_server.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_types_and_404(tmp_path):
    (tmp_path / "index.html").write_text("<p>beranda</p>")
    (tmp_path / "404.html").write_text("<p>Halaman tidak ditemukan</p>")
    (tmp_path / "a.wasm").write_bytes(b"\0asm")
    (tmp_path / "b.mjs").write_text("export {}")
    with _module().StaticServer(tmp_path) as server:
        def get(path):
            return urllib.request.urlopen(server.url + path)

        assert get("a.wasm").headers["Content-Type"] == "application/wasm"
        assert get("b.mjs").headers["Content-Type"].startswith("text/javascript")
        assert get("").read() == b"<p>beranda</p>"
        try:
            get("tidak/ada")
        except urllib.error.HTTPError as error:
            assert error.code == 404
            assert b"Halaman tidak ditemukan" in error.read()
        else:
            raise AssertionError("tidak ada 404")


def test_main_refuses_a_folder_without_site(tmp_path, capsys):
    assert _module().main([str(tmp_path), "--port", "0"]) == 1
    assert "bash scripts/build" in capsys.readouterr().out

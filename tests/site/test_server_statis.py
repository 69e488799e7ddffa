"""The project's one static server (scripts/static_server.py): used by scripts/serve, the tests,
the benchmarks and the offline kit (sajikan.py). What a good static host does, nothing more."""

from __future__ import annotations

import gzip
import http.client
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scripts import static_server

ROOT = Path(__file__).resolve().parents[2]


def _module():
    return static_server


@pytest.fixture
def situs(tmp_path):
    (tmp_path / "index.html").write_text("<p>beranda</p>" + "x" * 3000)
    (tmp_path / "404.html").write_text("<p>Halaman tidak ditemukan</p>")
    (tmp_path / "a.wasm").write_bytes(b"\0asm" + b"\0" * 5000)
    (tmp_path / "b.mjs").write_text("export {}")
    (tmp_path / "sw.js").write_text("/* sw */" + " " * 2000)
    (tmp_path / "bab").mkdir()
    (tmp_path / "bab" / "index.html").write_text("<p>bab</p>")
    (tmp_path / "kosong").mkdir()
    (tmp_path / "kosong" / "catatan.txt").write_text("rahasia folder")
    aset = tmp_path / "assets" / "javascripts"
    aset.mkdir(parents=True)
    (aset / "bundle.2d1a3f4e.min.js").write_text("var a = 1;" * 300)
    (aset / "biasa.js").write_text("var b = 2;" * 300)
    return tmp_path


def _raw(url: str, path: str, headers=None, method="GET"):
    host, port = url.split("//")[1].strip("/").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        conn.endheaders()
        res = conn.getresponse()
        return res.status, dict(res.getheaders()), res.read()
    finally:
        conn.close()


def test_types_and_404(situs):
    with _module().StaticServer(situs) as server:
        def get(path):
            return urllib.request.urlopen(server.url + path)

        assert get("a.wasm").headers["Content-Type"] == "application/wasm"
        assert get("b.mjs").headers["Content-Type"].startswith("text/javascript")
        assert get("").read().startswith(b"<p>beranda</p>")
        with pytest.raises(urllib.error.HTTPError) as info:
            get("tidak/ada")
        assert info.value.code == 404
        assert b"Halaman tidak ditemukan" in info.value.read()


def test_no_folder_listing_redirect_to_slash_and_no_escape(situs):
    with _module().StaticServer(situs) as server:
        status, headers, body = _raw(server.url, "/kosong/")
        assert status == 404 and b"Halaman tidak ditemukan" in body and b"catatan.txt" not in body
        status, headers, _ = _raw(server.url, "/bab?x=1")
        assert status == 301 and headers["Location"] == "/bab/?x=1"
        assert _raw(server.url, "/bab/")[2] == b"<p>bab</p>"
        for jahat in ("/../index.html", "/%2e%2e/%2e%2e/etc/passwd", "/a%5c..%5cindex.html", "/C:/x"):
            status, _, body = _raw(server.url, jahat)
            assert status in (400, 404), jahat
            assert b"beranda" not in body


def test_bad_addresses_answer_in_indonesian_without_traceback(situs, capfd):
    with _module().StaticServer(situs, verbose=False) as server:
        for jahat in ("/%00", "/a%00b.html", "/%ff%fe", "/" + "a" * 70000):
            status, headers, body = _raw(server.url, jahat)
            assert status in (400, 404, 414), (jahat, status)
            assert "lang=\"id\"" in body.decode("utf-8", "replace") or b"tidak ditemukan" in body
        status, headers, body = _raw(server.url, "/", method="POST")
        assert status == 405 and headers["Allow"] == "GET, HEAD" and b"hanya melayani GET" in body
        # still serving after all that
        assert _raw(server.url, "/bab/")[0] == 200
    err = capfd.readouterr().err
    assert "Traceback" not in err


def test_gzip_negotiation_precompressed_and_vary(situs):
    mod = _module()
    with mod.StaticServer(situs) as server:
        status, headers, body = _raw(server.url, "/a.wasm", {"Accept-Encoding": "gzip, deflate, br"})
        assert headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
        assert gzip.decompress(body) == (situs / "a.wasm").read_bytes()
        status, headers, body = _raw(server.url, "/a.wasm")
        assert "Content-Encoding" not in headers and body == (situs / "a.wasm").read_bytes()
        assert headers["Vary"] == "Accept-Encoding"
        status, headers, body = _raw(server.url, "/a.wasm", {"Accept-Encoding": "gzip;q=0"})
        assert "Content-Encoding" not in headers

        # A precompressed file next to it is served as is (build time, level 9)...
        n, before, after = mod.precompress(situs)
        assert n >= 3 and after < before
        penanda = gzip.compress(b"dari berkas .gz")
        (situs / "index.html.gz").write_bytes(penanda)
        os.utime(situs / "index.html.gz", (time.time() + 5, time.time() + 5))
        status, headers, body = _raw(server.url, "/", {"Accept-Encoding": "gzip"})
        assert body == penanda and headers["Content-Encoding"] == "gzip"
        # ... unless it is older than the file it stands for (a stale .gz is never served).
        (situs / "index.html").write_text("<p>baru</p>" + "y" * 3000)
        os.utime(situs / "index.html", (time.time() + 10, time.time() + 10))
        status, headers, body = _raw(server.url, "/", {"Accept-Encoding": "gzip"})
        assert gzip.decompress(body).startswith(b"<p>baru</p>")
        # brotli when the build left one and the browser takes it
        (situs / "sw.js.br").write_bytes(b"BR")
        os.utime(situs / "sw.js.br", (time.time() + 5, time.time() + 5))
        status, headers, body = _raw(server.url, "/sw.js", {"Accept-Encoding": "gzip, br"})
        assert body == b"BR" and headers["Content-Encoding"] == "br"
        assert _raw(server.url, "/sw.js", {"Accept-Encoding": "gzip"})[1]["Content-Encoding"] == "gzip"


def test_cache_control_and_revalidation(situs):
    mod = _module()
    assert mod.cache_control("assets/javascripts/bundle.2d1a3f4e.min.js") == mod.CACHE_LONG
    assert mod.cache_control("pyodide/0.29.5/pyodide.asm.wasm") == mod.CACHE_LONG
    assert mod.cache_control("pyodide/0.29.5/python_stdlib-1a2b3c4d5e6f.zip") == mod.CACHE_LONG
    assert mod.cache_control("assets/kalkulator/mesin/0123456789abcdef/x.whl") == mod.CACHE_LONG
    for rel in ("index.html", "sw.js", "search/search_index.json", "assets/images/favicon.png",
                "pelatih/unduh/ringkasan.pdf", "assets/kalkulator/runtime.json"):
        assert mod.cache_control(rel) == "no-cache", rel
    with mod.StaticServer(situs) as server:
        status, headers, _ = _raw(server.url, "/assets/javascripts/bundle.2d1a3f4e.min.js")
        assert headers["Cache-Control"] == mod.CACHE_LONG
        status, headers, _ = _raw(server.url, "/assets/javascripts/biasa.js")
        assert headers["Cache-Control"] == "no-cache"
        status, headers, _ = _raw(server.url, "/")
        assert headers["Cache-Control"] == "no-cache"
        status, _, body = _raw(server.url, "/", {"If-None-Match": headers["ETag"]})
        assert status == 304 and body == b""
        status, _, _ = _raw(server.url, "/", {"If-Modified-Since": headers["Last-Modified"]})
        assert status == 304
    # A plain host: Last-Modified only, no Cache-Control, no compression (the deploy test).
    with mod.StaticServer(situs, cache_control=False, compress=False) as server:
        status, headers, _ = _raw(server.url, "/", {"Accept-Encoding": "gzip"})
        assert "Cache-Control" not in headers and "Content-Encoding" not in headers
        assert "Last-Modified" in headers


def test_main_refuses_a_folder_without_site(tmp_path, capsys):
    assert _module().main([str(tmp_path), "--port", "0"]) == 1
    assert "bash scripts/build" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["--port", "99999"], ["--port", "abc"], ["--port", "-1"]])
def test_bad_port_is_a_message_not_a_traceback(situs, args):
    for script in ("scripts/static_server.py", "scripts/bundel_luring/sajikan.py"):
        cmd = [sys.executable, str(ROOT / script)]
        cmd += ([str(situs)] if script.endswith("static_server.py") else ["--tanpa-peramban"]) + args
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        out = proc.stdout + proc.stderr
        assert proc.returncode != 0, (script, out)
        assert "Traceback" not in out, out
        assert "Port harus bilangan bulat 0 sampai 65535" in out or "tidak ditemukan" in out, out


def test_port_in_use_is_a_message(situs, capsys):
    mod = _module()
    with mod.StaticServer(situs) as busy:
        assert mod.main([str(situs), "--port", str(busy.port)]) == 1
    out = capsys.readouterr().out
    assert "Tidak dapat memakai" in out and "coba port lain" in out


def test_kit_server_serves_the_kit_folder(tmp_path):
    # The kit's layout: sajikan.py and static_server.py side by side, the site in situs/.
    import shutil
    kit = tmp_path / "panduan-jf"
    (kit / "situs").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "bundel_luring" / "sajikan.py", kit)
    shutil.copy(ROOT / "scripts" / "static_server.py", kit)
    (kit / "situs" / "index.html").write_text("<p>paket</p>")
    (kit / "situs" / "404.html").write_text("<p>Halaman tidak ditemukan</p>")
    proc = subprocess.Popen([sys.executable, "-S", str(kit / "sajikan.py"), "--port", "0",
                             "--tanpa-peramban"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, cwd=tmp_path)
    try:
        line = proc.stdout.readline()
        assert "http://127.0.0.1:" in line, line
        url = line.split("di ", 1)[1].strip()
        assert urllib.request.urlopen(url).read() == b"<p>paket</p>"
        status, _, body = _raw(url, "/%00")
        assert status == 400
        status, _, body = _raw(url, "/tidak-ada")
        assert status == 404 and b"Halaman tidak ditemukan" in body
    finally:
        proc.terminate()
        out = proc.communicate(timeout=10)[0]
    assert "Traceback" not in out


def test_stop_closes_kept_alive_connections(situs):
    # A stopped server must not go on serving on a connection the browser kept open.
    with _module().StaticServer(situs) as server:
        host, port = server.url.split("//")[1].strip("/").split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=5)
        conn.request("GET", "/bab/")
        assert conn.getresponse().read() == b"<p>bab</p>"
    with pytest.raises((ConnectionError, http.client.HTTPException, OSError)):
        conn.request("GET", "/bab/")
        conn.getresponse().read()
    conn.close()


def test_the_offline_kits_go_server_sends_the_same_types():
    # Two servers, two languages (the kit's Go server runs where there is no Python): their
    # type tables are kept in step by this test rather than by hand. Both answer an extension
    # they do not list with application/octet-stream (main.go func tipe; static_server).
    import re
    go = (ROOT / "scripts" / "bundel_luring" / "server" / "main.go").read_text(encoding="utf-8")
    blok = go[go.index("var jenis = map[string]string{"):]
    jenis_go = dict(re.findall(r'"(\.\w+)":\s*"([^"]+)"', blok[:blok.index("\n}")]))
    assert len(jenis_go) > 10

    def tanpa_bawaan(tabel):
        return {ext: tipe for ext, tipe in tabel.items() if tipe != "application/octet-stream"}

    assert tanpa_bawaan(jenis_go) == tanpa_bawaan(static_server.TYPES)

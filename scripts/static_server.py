"""The project's one static file server: scripts/serve, the tests, the benchmarks, the PDF step and
the offline kit (scripts/bundel_luring/sajikan.py, copied into the ZIP next to it) all use it.

Why not `mkdocs serve` or `python -m http.server`: the first rebuilds in memory and injects a
live-reload script, the second lists folders, prints tracebacks (`/%00`), answers in English, sends
no Cache-Control (browsers then reuse old files heuristically) and no compression. This serves the
built site as a good static host does:

- the MIME types Pyodide needs (.wasm, .mjs);
- gzip (or brotli): a precompressed `FILE.gz` / `FILE.br` written by the build (`--kompres`) when
  it is not older than FILE, else gzip made on the fly once and kept in memory; `Vary:
  Accept-Encoding` on every compressible file;
- `Cache-Control: public, max-age=31536000, immutable` for files whose address names their
  content or version (hashed names, `pyodide/<version>/`), `no-cache` (revalidate every time, with
  ETag / Last-Modified and 304) for everything else: pages, `sw.js`, the search index;
- the site's own 404.html for a missing address, a folder without index.html is missing too (no
  folder listings), a folder without its final "/" is redirected;
- short Indonesian messages for a bad request, a bad port or folder; never a traceback.

Python 3.7 or later, standard library only (the offline kit runs it on trainers' laptops).

Usage:
  python scripts/static_server.py [DIR] [--host 127.0.0.1] [--port 8000]
  python scripts/static_server.py --kompres DIR     write DIR/**/FILE.gz for compressible files
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import hashlib
import html
import http.server
import io
import os
import posixpath
import re
import socket
import sys
import threading
import time
import urllib.parse
from pathlib import Path

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".map": "application/json",
    ".gz": "application/gzip",
    ".tar": "application/x-tar",
    ".lock": "application/json",
    ".br": "application/octet-stream",
    ".bin": "application/octet-stream",
}
# Worth compressing (text and wasm); zip, whl, pdf, images and fonts are compressed already.
COMPRESSIBLE = {".html", ".htm", ".css", ".js", ".mjs", ".json", ".webmanifest", ".xml", ".txt",
                ".svg", ".wasm", ".map"}
MIN_COMPRESS = 1024  # smaller files gain less than the header costs

# An address that names its content or its version never changes: hashed names
# (bundle.2d1a3f4e.min.js, python_stdlib-1a2b3c4d5e6f.zip, mesin/<sha>/..., assets/v/<hash>/...)
# and folders named by a release (pyodide/0.29.5/, workbox/7.4.1/).
IMMUTABLE = re.compile(r"[./-][0-9a-f]{8,}[./-]|(^|/)(pyodide|workbox)/\d+\.\d+[^/]*/")
NO_STORE_NAMES = {"sw.js"}

CACHE_LONG = "public, max-age=31536000, immutable"
CACHE_CHECK = "no-cache"

_ERROR_TEXT = {
    400: ("Permintaan tidak sah", "Alamat yang diminta tidak dapat dibaca."),
    403: ("Tidak diizinkan", "Alamat ini tidak dapat dibuka."),
    404: ("Halaman tidak ditemukan", "Alamat yang diminta tidak ada di situs ini."),
    405: ("Metode tidak didukung", "Server ini hanya melayani GET dan HEAD."),
    414: ("Alamat terlalu panjang", "Alamat yang diminta terlalu panjang."),
    500: ("Kesalahan server", "Berkas tidak dapat dibaca."),
    501: ("Metode tidak didukung", "Server ini hanya melayani GET dan HEAD."),
}


def cache_control(rel: str) -> str:
    """The Cache-Control a host should send for the site file at `rel` ("a/b.js", "" = home)."""
    if posixpath.basename(rel) in NO_STORE_NAMES:
        return CACHE_CHECK
    return CACHE_LONG if IMMUTABLE.search("/" + rel) else CACHE_CHECK


def gzip_bytes(data: bytes, level: int) -> bytes:
    """gzip with a fixed header time (same input, same bytes); gzip.compress(mtime=) is 3.8+."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=level, mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def compressible(path) -> bool:
    return os.path.splitext(str(path))[1].lower() in COMPRESSIBLE


def precompress(root, level: int = 9, cache=None) -> tuple:
    """Write FILE.gz next to every compressible FILE of `root` that gains from it (gzip level 9,
    fixed mtime: the same input gives the same bytes). An up-to-date .gz is kept as is; `cache`
    (a folder) keeps the gzip of big files by content, so Pyodide's 8 MB wasm is compressed once,
    not at every build. Returns (files written or kept, bytes before, bytes after)."""
    root = Path(root)
    cache = Path(cache) if cache else None
    n = before = after = 0
    for path in sorted(root.rglob("*")):
        if not path.is_file() or not compressible(path) or path.stat().st_size < MIN_COMPRESS:
            continue
        target = path.with_name(path.name + ".gz")
        size = path.stat().st_size
        if target.is_file() and target.stat().st_mtime_ns >= path.stat().st_mtime_ns:
            packed = target.stat().st_size
        else:
            raw = path.read_bytes()
            kept = None
            if cache is not None and size >= 1000000:  # Pyodide's wasm and asm.js
                kept = cache / ("%s-%d.gz" % (hashlib.sha256(raw).hexdigest(), level))
            if kept is not None and kept.is_file():
                data = kept.read_bytes()
            else:
                data = gzip_bytes(raw, level)
                if kept is not None:
                    cache.mkdir(parents=True, exist_ok=True)
                    kept.write_bytes(data)
            if len(data) >= size * 0.95:
                if target.exists():
                    target.unlink()
                continue
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, target)
            packed = len(data)
        n += 1
        before += size
        after += packed
    return n, before, after


def _accepts(header: str, coding: str) -> bool:
    for part in (header or "").lower().split(","):
        name, _, params = part.strip().partition(";")
        if name.strip() in (coding, "*"):
            q = re.search(r"q\s*=\s*([0-9.]+)", params)
            try:
                return not q or float(q.group(1)) > 0
            except ValueError:
                return False
    return False


class _Gzipped:
    """On-the-fly gzip, kept in memory (bounded) by (path, size, mtime)."""

    LIMIT = 64 * 1024 * 1024

    def __init__(self):
        self.lock = threading.Lock()
        self.items = {}
        self.total = 0

    def get(self, path: str, st) -> bytes:
        key = (path, st.st_size, st.st_mtime_ns)
        with self.lock:
            hit = self.items.get(key)
        if hit is not None:
            return hit
        with open(path, "rb") as f:
            data = gzip_bytes(f.read(), 6)
        with self.lock:
            if self.total + len(data) > self.LIMIT:
                self.items.clear()
                self.total = 0
            self.items[key] = data
            self.total += len(data)
        return data


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "PanduanJF"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = 60  # an idle keep-alive connection is closed after a minute

    # ------------------------------------------------------------------ plumbing
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        if getattr(self.server, "verbose", False):
            sys.stderr.write("%s - %s\n" % (self.address_string(), format % args))

    def log_request(self, code="-", size="-"):
        if getattr(self.server, "verbose", False):
            self.log_message('"%s" %s', self.requestline, str(code))

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except (ConnectionError, TimeoutError, socket.timeout):
            self.close_connection = True  # the browser went away: normal

    def do_GET(self):
        self._serve(body=True)

    def do_HEAD(self):
        self._serve(body=False)

    def _not_allowed(self):
        self.send_error(405)

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed

    def send_error(self, code, message=None, explain=None):
        """Every error in Bahasa Indonesia; 404 is the site's own page."""
        self.close_connection = code >= 500 or code in (400, 414)
        body = None
        if code == 404:
            page = os.path.join(self.server.root, "404.html")
            try:
                with open(page, "rb") as f:
                    body = f.read()
            except OSError:
                body = None
        if body is None:
            title, text = _ERROR_TEXT.get(code, ("Kesalahan", "Permintaan tidak dapat dilayani."))
            body = ('<!doctype html><html lang="id"><meta charset="utf-8"><title>%s</title>'
                    '<h1>%s</h1><p>%s</p></html>' % (html.escape(title), html.escape(title),
                                                     html.escape(text))).encode("utf-8")
        try:
            self.send_response(code, _ERROR_TEXT.get(code, ("",))[0] or None)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", CACHE_CHECK)
            self.send_header("X-Content-Type-Options", "nosniff")
            if code == 405:
                self.send_header("Allow", "GET, HEAD")
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD" and code >= 200 and code not in (204, 304):
                self.wfile.write(body)
        except (ConnectionError, TimeoutError, socket.timeout):
            self.close_connection = True

    # ------------------------------------------------------------------ files
    def _resolve(self):
        """(OS path, site-relative path) of the request, or an HTTP status to answer with."""
        raw = urllib.parse.urlsplit(self.path).path
        try:
            path = urllib.parse.unquote(raw, errors="strict")
        except UnicodeDecodeError:
            return 400
        if "\x00" in path or "\\" in path or not path.startswith("/"):
            return 400
        parts = [p for p in path.split("/") if p]
        if any(p in ("..", ".") or ":" in p for p in parts):
            return 400
        rel = "/".join(parts)
        full = os.path.join(self.server.root, *parts) if parts else self.server.root
        return full, rel, path.endswith("/")

    def _serve(self, body: bool):
        try:
            found = self._resolve()
            if isinstance(found, int):
                self.send_error(found)
                return
            full, rel, slash = found
            if os.path.isdir(full):
                if not slash:
                    query = urllib.parse.urlsplit(self.path).query
                    target = urllib.parse.urlsplit(self.path).path + "/" + ("?" + query if query else "")
                    self.send_response(301)
                    self.send_header("Location", target)
                    self.send_header("Content-Length", "0")
                    self.send_header("Cache-Control", CACHE_CHECK)
                    self.end_headers()
                    return
                full = os.path.join(full, "index.html")
                rel = (rel + "/index.html") if rel else "index.html"
            elif slash and rel:
                self.send_error(404)  # "file.html/" is not a folder
                return
            try:
                st = os.stat(full)
            except OSError:
                self.send_error(404)
                return
            if not os.path.isfile(full):
                self.send_error(404)
                return
            self._send_file(full, rel, st, body)
        except (ConnectionError, TimeoutError, socket.timeout):
            self.close_connection = True
        except Exception as error:  # never a traceback; a short note when verbose
            if getattr(self.server, "verbose", False):
                sys.stderr.write("Kesalahan saat melayani %r: %s\n" % (self.path, error))
            try:
                self.send_error(500)
            except Exception:
                self.close_connection = True

    def _send_file(self, full: str, rel: str, st, body: bool):
        ext = os.path.splitext(full)[1].lower()
        ctype = TYPES.get(ext, "application/octet-stream")
        etag = '"%x-%x"' % (st.st_size, st.st_mtime_ns)
        encoding = None
        data = None
        variant_path = None
        if self.server.compress and ext in COMPRESSIBLE and st.st_size >= MIN_COMPRESS:
            accept = self.headers.get("Accept-Encoding", "")
            for coding, suffix in (("br", ".br"), ("gzip", ".gz")):
                if not _accepts(accept, coding):
                    continue
                try:
                    vst = os.stat(full + suffix)
                except OSError:
                    continue
                if vst.st_mtime_ns >= st.st_mtime_ns:  # a stale precompressed file is ignored
                    encoding, variant_path = coding, full + suffix
                    break
            if encoding is None and _accepts(accept, "gzip"):
                encoding = "gzip"
                data = self.server.gzipped.get(full, st)
            if encoding:
                etag = etag[:-1] + "-" + encoding + '"'

        last_modified = email.utils.formatdate(st.st_mtime, usegmt=True)
        if self._not_modified(etag, st.st_mtime):
            self.send_response(304)
            self._common_headers(rel, ext, etag, last_modified)
            self.end_headers()
            return
        if variant_path is not None:
            with open(variant_path, "rb") as f:
                data = f.read()
        elif data is None:
            with open(full, "rb") as f:
                data = f.read()
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self._common_headers(rel, ext, etag, last_modified)
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _common_headers(self, rel, ext, etag, last_modified):
        if self.server.cache_control:
            self.send_header("Cache-Control", cache_control(rel))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", last_modified)
        if self.server.compress and ext in COMPRESSIBLE:
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("X-Content-Type-Options", "nosniff")

    def _not_modified(self, etag: str, mtime: float) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            return etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                when = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError, IndexError, OverflowError):
                return False
            return int(mtime) <= when
        return False


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = sys.platform != "win32"  # Windows would let two servers share a port
    request_queue_size = 64

    def __init__(self, *args, **kwargs):
        self._open = set()
        self._open_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    # Browsers keep connections open (HTTP/1.1 keep-alive): a stopped server must close them too,
    # or it goes on serving old files on them.
    def process_request(self, request, client_address):
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self):
        with self._open_lock:
            open_now = list(self._open)
        for request in open_now:
            try:
                request.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request, client_address):
        # A browser that stops a download (navigation, a closed tab) is normal; anything else is
        # one short line when verbose, never a traceback.
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError, socket.timeout)):
            return
        if getattr(self, "verbose", False):
            sys.stderr.write("Kesalahan koneksi dari %s: %s\n" % (client_address[0], error))


class StaticServer:
    """Serves `root` on host:port (port 0 picks a free one) in a background thread.

    `cache_control=False` and `compress=False` make it behave like a plain host (Last-Modified
    only, no Cache-Control, no compression): the deploy test uses that."""

    def __init__(self, root, host: str = "127.0.0.1", port: int = 0, verbose: bool = False,
                 cache_control: bool = True, compress: bool = True):
        self.root = Path(root)
        self.httpd = Server((host, port), Handler)
        self.httpd.root = str(self.root.resolve())
        self.httpd.verbose = verbose
        self.httpd.cache_control = cache_control
        self.httpd.compress = compress
        self.httpd.gzipped = _Gzipped()
        self.host = host
        self.port = self.httpd.server_address[1]
        shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
        self.url = "http://%s:%d/" % (shown, self.port)
        self._thread = None

    def set_root(self, root) -> None:
        """Serve another folder from now on (the deploy test swaps builds this way)."""
        self.root = Path(root)
        self.httpd.root = str(self.root.resolve())

    def start(self) -> "StaticServer":
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        try:
            self.httpd.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            self.httpd.close_connections()
            self.httpd.server_close()

    def stop(self) -> None:
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self.httpd.close_connections()
        self.httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def check_port(text) -> int:
    """The port as a number 0-65535, or SystemExit with an Indonesian message."""
    try:
        port = int(str(text).strip())
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise SystemExit("Port harus bilangan bulat 0 sampai 65535 (tertulis: %s). "
                         "Contoh: --port 8000" % text)
    return port


def open_server(root, host: str, port: int, **kwargs) -> StaticServer:
    """A StaticServer, or SystemExit with an Indonesian message (port in use, bad host)."""
    try:
        return StaticServer(root, host, port, **kwargs)
    except OverflowError:
        check_port(port)
        raise
    except socket.gaierror:
        raise SystemExit("Alamat host %r tidak dikenal. Contoh: --host 127.0.0.1" % host)
    except OSError as error:
        reason = error.strerror or str(error)
        raise SystemExit("Tidak dapat memakai %s:%d (%s). Port itu mungkin sedang dipakai "
                         "program lain; coba port lain, misalnya --port %d."
                         % (host, port, reason, port + 1 if 0 < port < 65535 else 8001))


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        sys.stderr.write("Pilihan tidak dapat dipahami: %s\nLihat: --help\n" % message)
        raise SystemExit(2)


def main(argv=None) -> int:
    parser = _Parser(description="Sajikan situs hasil build secara lokal.")
    parser.add_argument("dir", nargs="?", default="site", help="folder situs (bawaan: site)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="8000")
    parser.add_argument("--kompres", action="store_true",
                        help="tulis berkas .gz di samping berkas yang dapat dikompres, lalu selesai")
    parser.add_argument("--simpanan", help="folder simpanan hasil gzip berkas besar (untuk --kompres)")
    args = parser.parse_args(argv)
    try:
        root = Path(args.dir)
        if args.kompres:
            if not root.is_dir():
                raise SystemExit("Folder %s tidak ada." % args.dir)
            t0 = time.time()
            n, before, after = precompress(root, cache=args.simpanan)
            print("[kompres] %d berkas .gz: %.1f MB -> %.1f MB (%.1f s)"
                  % (n, before / 1e6, after / 1e6, time.time() - t0))
            return 0
        port = check_port(args.port)
        if not (root / "index.html").is_file():
            raise SystemExit("Folder %s belum berisi situs (index.html tidak ada); jalankan dulu: "
                             "bash scripts/build" % args.dir)
        server = open_server(root, args.host, port, verbose=True)
    except SystemExit as stop:
        if isinstance(stop.code, str):
            print(stop.code)
            return 1
        raise
    print("Situs tersedia di %s (tekan Ctrl+C untuk berhenti)" % server.url, flush=True)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

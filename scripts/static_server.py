"""A small static file server for the built site (used by scripts/serve and the tests).

Why not `mkdocs serve`: it rebuilds in memory and injects a live-reload script, so it is not what
a host serves. This serves the files in site/ as they are, with the MIME types Pyodide needs
(.wasm, .mjs) and the site's own 404.html for missing paths, like a static host does.

Usage: python scripts/static_server.py [DIR] [--host 127.0.0.1] [--port 8000]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import threading
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
        ".whl": "application/zip",
        ".zip": "application/zip",
        ".svg": "image/svg+xml",
    }

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def send_error(self, code, message=None, explain=None):
        # Serve the site's own 404 page (Bahasa Indonesia) as a static host would.
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404, message)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class _Server(http.server.ThreadingHTTPServer):
    allow_reuse_address = True
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that stops a download (navigation, a closed tab) is normal: no traceback.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class StaticServer:
    """Serves `root` on host:port (port 0 picks a free one) in a background thread."""

    def __init__(self, root: str | os.PathLike, host: str = "127.0.0.1", port: int = 0,
                 verbose: bool = False):
        self.root = Path(root)
        handler = functools.partial(_Handler, directory=str(self.root))
        self.httpd = _Server((host, port), handler)
        self.httpd.verbose = verbose
        self.host = host
        self.port = self.httpd.server_address[1]
        self.url = f"http://{host}:{self.port}/"
        self._thread: threading.Thread | None = None

    def start(self) -> "StaticServer":
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self.httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Sajikan situs hasil build secara lokal.")
    parser.add_argument("dir", nargs="?", default="site")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if not (Path(args.dir) / "index.html").is_file():
        print(f"Folder {args.dir} belum berisi situs; jalankan dulu: bash scripts/build")
        return 1
    try:
        server = StaticServer(args.dir, args.host, args.port, verbose=True)
    except OSError as error:
        print(f"Tidak dapat memakai {args.host}:{args.port} ({error.strerror}). "
              f"Coba port lain, misalnya: PORT={args.port + 1} bash scripts/serve")
        return 1
    print(f"Situs tersedia di {server.url} (tekan Ctrl+C untuk berhenti)", flush=True)
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

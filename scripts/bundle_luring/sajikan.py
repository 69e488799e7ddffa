"""Menyajikan Panduan JF dari laptop ini, tanpa internet.

Dijalankan oleh jalankan-windows.bat, jalankan-linux.sh, atau jalankan-macos.command. Hanya
memakai pustaka bawaan Python 3 (sama dengan `python -m http.server`), ditambah jenis berkas
yang diperlukan kalkulator (.wasm, .mjs) dan pembukaan peramban otomatis.

Pilihan:
  --port N           port yang dipakai (bawaan 8000; jika terpakai, dicari port lain)
  --semua            dapat dibuka dari perangkat lain di jaringan yang sama (misalnya ponsel)
  --tanpa-peramban   jangan membuka peramban
"""

import argparse
import functools
import http.server
import os
import socket
import sys
import threading
import webbrowser

FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "situs")


class Penangan(http.server.SimpleHTTPRequestHandler):
    extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map)
    extensions_map.update({
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
        ".whl": "application/zip",
        ".zip": "application/zip",
        ".svg": "image/svg+xml",
        ".pdf": "application/pdf",
    })

    def log_message(self, format, *args):
        pass  # keep the window quiet; errors still show through send_error


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that stops a download (another page, a closed tab) is normal: no traceback
        # in the trainer's window for that.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def buat_server(host, port):
    penangan = functools.partial(Penangan, directory=FOLDER)
    calon = [port] + [p for p in range(8001, 8021) if p != port] + [0] if port else [0]
    for p in calon:
        try:
            return Server((host, p), penangan)
        except OSError:
            continue
    raise SystemExit("Tidak ada port yang dapat dipakai.")


def main(argv=None):
    if sys.version_info < (3, 7):
        print("Perlu Python 3.7 atau lebih baru.")
        return 1
    parser = argparse.ArgumentParser(description="Sajikan Panduan JF secara lokal.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--semua", action="store_true")
    parser.add_argument("--tanpa-peramban", action="store_true")
    args = parser.parse_args(argv)
    if not os.path.isfile(os.path.join(FOLDER, "index.html")):
        print("Folder 'situs' tidak ditemukan di samping berkas ini. Ekstrak seluruh isi ZIP dulu.")
        return 1
    host = "0.0.0.0" if args.semua else "127.0.0.1"
    server = buat_server(host, args.port)
    port = server.server_address[1]
    alamat = "http://127.0.0.1:%d/" % port
    print("Panduan JF berjalan di %s" % alamat, flush=True)
    if args.semua:
        try:
            ip = socket.gethostbyname(socket.gethostname())
            print("Dari perangkat lain di jaringan yang sama: http://%s:%d/" % (ip, port), flush=True)
        except OSError:
            pass
    print("Biarkan jendela ini terbuka selama dipakai. Tekan Ctrl+C atau tutup jendela untuk berhenti.",
          flush=True)
    if not args.tanpa_peramban:
        threading.Timer(0.5, lambda: webbrowser.open(alamat)).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

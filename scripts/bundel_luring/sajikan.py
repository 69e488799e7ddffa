"""Menyajikan Panduan JF dari laptop ini, tanpa internet.

Dijalankan oleh jalankan-windows.bat, jalankan-linux.sh, atau jalankan-macos.command. Hanya
memakai pustaka bawaan Python 3.7 atau lebih baru. Servernya adalah server statis proyek
(static_server.py, disalin ke samping berkas ini di dalam ZIP): berkas dikirim terkompresi (gzip)
ke ponsel peserta, halaman 404 situs sendiri, tanpa daftar isi folder.

Pilihan:
  --port N           port yang dipakai (bawaan 8000; jika terpakai, dicari port lain)
  --semua            dapat dibuka dari perangkat lain di jaringan yang sama (misalnya ponsel)
  --tanpa-peramban   jangan membuka peramban
"""

import os
import socket
import sys
import threading
import webbrowser

SINI = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(SINI, "situs")
# In the ZIP static_server.py sits next to this file; in the repository it is in scripts/.
sys.path.insert(0, SINI)
if os.path.basename(SINI) == "bundel_luring":
    sys.path.insert(1, os.path.dirname(SINI))


def _modul_server():
    try:
        import static_server
    except ImportError:
        print("Berkas static_server.py tidak ditemukan di samping sajikan.py. "
              "Ekstrak seluruh isi ZIP dulu.")
        raise SystemExit(1)
    return static_server


def buat_server(host, port, server=None):
    """The server on `port`, or on the first free one of 8001-8020, or any free port."""
    server = server or _modul_server()
    calon = ([port] + [p for p in range(8001, 8021) if p != port] + [0]) if port else [0]
    for p in calon:
        try:
            return server.StaticServer(FOLDER, host, p)
        except (OSError, OverflowError):
            continue
    raise SystemExit("Tidak ada port yang dapat dipakai.")


def main(argv=None):
    if sys.version_info < (3, 7):
        print("Perlu Python 3.7 atau lebih baru.")
        return 1
    server_mod = _modul_server()
    parser = server_mod._Parser(description="Sajikan Panduan JF secara lokal.")
    parser.add_argument("--port", default="8000")
    parser.add_argument("--semua", action="store_true")
    parser.add_argument("--tanpa-peramban", action="store_true")
    args = parser.parse_args(argv)
    try:
        port = server_mod.check_port(args.port)
        if not os.path.isfile(os.path.join(FOLDER, "index.html")):
            raise SystemExit("Folder 'situs' tidak ditemukan di samping berkas ini. "
                             "Ekstrak seluruh isi ZIP dulu.")
        host = "0.0.0.0" if args.semua else "127.0.0.1"
        server = buat_server(host, port, server_mod)
    except SystemExit as stop:
        if isinstance(stop.code, str):
            print(stop.code)
            return 1
        raise
    alamat = "http://127.0.0.1:%d/" % server.port
    print("Panduan JF berjalan di %s" % alamat, flush=True)
    if args.semua:
        try:
            ip = socket.gethostbyname(socket.gethostname())
            print("Dari perangkat lain di jaringan yang sama: http://%s:%d/" % (ip, server.port),
                  flush=True)
        except OSError:
            pass
    print("Biarkan jendela ini terbuka selama dipakai. Tekan Ctrl+C atau tutup jendela untuk "
          "berhenti.", flush=True)
    if not args.tanpa_peramban:
        threading.Timer(0.5, lambda: webbrowser.open(alamat)).start()
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())

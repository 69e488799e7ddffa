"""The offline kit in a room (issue 14): no Python on the trainer's laptop, phones on the Wi-Fi.

- The kit holds the server program for every system it promises (Windows, macOS Intel and Apple
  silicon, Linux), each a real executable of that system, and each starter runs its own.
- Room realism: the kit is started as the Windows starter does (the program it names, from the
  kit's folder, with its arguments), here with the Linux build of the same source because no
  Windows machine is at hand. It says in Indonesian what to do, listens on 127.0.0.1 only until
  the trainer types "ponsel", then on the laptop's network address; a second browser context
  with a phone's screen opens the printed address, computes a case, and receives the runtime
  gzip-compressed. The trainer's page for phones shows that address and a QR code of it.
- Opened from the folder (file://), the calculator page explains what to do and links to other
  pages open their index.html instead of a folder listing.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import queue
import re
import signal
import socket
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

import pytest

UNDUH = Path("pelatih") / "unduh"

# The official example (BKN): Ahli Pertama, a full year 2023 rated Sangat Baik:
# 12,5 (koefisien Ahli Pertama) x 150% = 18,75 (PermenPANRB 1/2023 Pasal 37, Lampiran).
KASUS = {"jenjang": "ahli_pertama", "golongan": "III/a", "ak_awal": 0,
         "penilaian": [{"tahun": 2023, "predikat": "Sangat Baik"}]}
HARAPAN = "18,75"


@pytest.fixture(scope="module")
def kit(trainer_site, tmp_path_factory) -> Path:
    tujuan = tmp_path_factory.mktemp("kit")
    with zipfile.ZipFile(trainer_site / UNDUH / "panduan-jf-offline.zip") as zf:
        for info in zf.infolist():
            zf.extract(info, tujuan)
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                os.chmod(tujuan / info.filename, mode)   # as a desktop unzip does
    return tujuan / "panduan-jf"


def _kepala(path: Path, n: int = 64) -> bytes:
    with open(path, "rb") as f:
        return f.read(n)


def test_kit_has_a_server_program_for_every_system(kit):
    program = kit / "program"
    exe = _kepala(program / "panduan-jf-windows.exe", 512)
    assert exe[:2] == b"MZ"
    pe = int.from_bytes(exe[0x3C:0x40], "little")
    with open(program / "panduan-jf-windows.exe", "rb") as f:
        f.seek(pe)
        tanda = f.read(6)
    assert tanda[:4] == b"PE\0\0" and int.from_bytes(tanda[4:6], "little") == 0x8664   # x86-64
    # Mach-O 64-bit: magic, then CPU type (arm64 = 0x0100000c, x86-64 = 0x01000007).
    for nama, cpu in (("panduan-jf-macos-arm64", 0x0100000C), ("panduan-jf-macos-intel", 0x01000007)):
        kepala = _kepala(program / nama)
        assert kepala[:4] == b"\xcf\xfa\xed\xfe", nama
        assert int.from_bytes(kepala[4:8], "little") == cpu, nama
    elf = _kepala(program / "panduan-jf-linux")
    assert elf[:4] == b"\x7fELF" and int.from_bytes(elf[18:20], "little") == 0x3E   # x86-64
    for nama in ("panduan-jf-linux", "panduan-jf-macos-arm64", "panduan-jf-macos-intel"):
        assert os.stat(program / nama).st_mode & 0o111, nama
    ukuran = {p.name: p.stat().st_size for p in program.iterdir()}
    print("ukuran program:", ukuran)
    assert all(u < 12_000_000 for u in ukuran.values()), ukuran

    bat = (kit / "jalankan-windows.bat").read_bytes()
    assert b"\r\n" in bat and b"\n" not in bat.replace(b"\r\n", b"")    # cmd.exe line endings
    assert b'"program\\panduan-jf-windows.exe" %*' in bat
    assert b"sajikan.py" in bat                                          # Python as the fallback
    mac = (kit / "jalankan-macos.command").read_text()
    assert "panduan-jf-macos-arm64" in mac and "panduan-jf-macos-intel" in mac
    assert "./program/panduan-jf-linux" in (kit / "jalankan-linux.sh").read_text()


def _alamat_lan() -> str | None:
    try:
        keluar = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for ip in keluar.split():
        if re.fullmatch(r"\d+\.\d+\.\d+\.\d+", ip) and not ip.startswith("127."):
            return ip
    return None


class _Jendela:
    """The kit's console window: lines it prints, and a keyboard."""

    def __init__(self, args, cwd):
        self.proses = subprocess.Popen(args, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, text=True, start_new_session=True)
        self.baris: queue.Queue[str] = queue.Queue()
        self.semua = ""
        threading.Thread(target=self._baca, daemon=True).start()

    def _baca(self):
        for b in self.proses.stdout:
            self.baris.put(b)

    def tunggu(self, pola: str, batas: float = 30) -> re.Match:
        while True:
            m = re.search(pola, self.semua)
            if m:
                return m
            try:
                self.semua += self.baris.get(timeout=batas)
            except queue.Empty:
                raise AssertionError(f"tidak muncul: {pola!r}\n{self.semua}") from None

    def ketik(self, teks: str):
        self.proses.stdin.write(teks + "\n")
        self.proses.stdin.flush()

    def tutup(self):
        try:
            os.killpg(self.proses.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        self.proses.wait(timeout=10)


def _tersambung(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def test_room_kit_starts_like_the_windows_starter_and_a_phone_computes(kit, browser):
    lan = _alamat_lan()
    assert lan, "mesin uji tidak punya alamat jaringan selain 127.0.0.1"
    # What jalankan-windows.bat runs: the program it names, from the kit's folder, with the
    # trainer's arguments. Same source, built for this machine's system.
    bat = (kit / "jalankan-windows.bat").read_text()
    m = re.search(r'"(program\\[^"]+\.exe)" %\*', bat)
    assert m
    program = kit / m.group(1).replace("\\", "/").replace("-windows.exe", "-linux")
    jendela = _Jendela([str(program), "--tanpa-peramban", "--port", "0"], cwd=kit)
    try:
        lokal = jendela.tunggu(r"http://127\.0\.0\.1:(\d+)/")
        port = int(lokal.group(1))
        jendela.tunggu(r"ketik\s+ponsel\s+lalu tekan Enter")
        assert "Biarkan jendela ini terbuka" in jendela.semua
        # Only the laptop itself until the trainer asks.
        assert _tersambung("127.0.0.1", port)
        assert not _tersambung(lan, port)

        jendela.ketik("ponsel")
        m = jendela.tunggu(rf"http://{re.escape(lan)}:(\d+)/")
        alamat_ponsel = m.group(0)
        assert "Wi-Fi yang sama" in jendela.semua

        # Served compressed: the Pyodide runtime (the biggest file) travels gzip'ed.
        wasm = next((kit / "situs").rglob("pyodide.asm.wasm"))
        rel = wasm.relative_to(kit / "situs").as_posix()
        req = urllib.request.Request(alamat_ponsel + rel, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(req, timeout=30) as r:
            assert r.headers["Content-Encoding"] == "gzip"
            assert r.headers["Content-Type"] == "application/wasm"
            badan = r.read()
        assert gzip.decompress(badan) == wasm.read_bytes()
        print(f"wasm: {wasm.stat().st_size} B mentah, {len(badan)} B terkompresi")
        assert len(badan) < 0.6 * wasm.stat().st_size
        # No folder listings, the site's 404 page.
        with pytest.raises(urllib.error.HTTPError) as galat:
            urllib.request.urlopen(alamat_ponsel + "tidak-ada/", timeout=10)
        assert galat.value.code == 404

        # A phone on the same Wi-Fi: its own browser, a phone's screen.
        ponsel = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                     has_touch=True, device_scale_factor=2)
        try:
            halaman = ponsel.new_page()
            halaman.set_default_timeout(120_000)
            terkompresi = []
            halaman.on("response", lambda resp: terkompresi.append(
                (resp.url, resp.headers.get("content-encoding"))))
            tautan = base64.urlsafe_b64encode(json.dumps(KASUS).encode()).decode().rstrip("=")
            halaman.goto(alamat_ponsel + "kalkulator/#s=" + tautan)
            halaman.wait_for_function(
                "(t) => { const e = document.querySelector('#kalk-hasil-isi');"
                " return e && e.innerText.includes(t); }", arg=HARAPAN)
            assert halaman.url.startswith(alamat_ponsel)
            assert any(u.endswith(".wasm") and e == "gzip" for u, e in terkompresi), terkompresi
        finally:
            ponsel.close()

        # The trainer's page for phones: the address, large, with its QR code.
        pelatih = browser.new_context(viewport={"width": 1280, "height": 720})
        try:
            halaman = pelatih.new_page()
            halaman.goto(f"http://127.0.0.1:{port}/pelatih/sambung/?alamat=" + urllib.parse.quote(alamat_ponsel, safe=""))
            halaman.wait_for_selector(".pelatih-sambung__kode svg")
            assert halaman.inner_text(".pelatih-sambung__alamat") == alamat_ponsel
            modul = halaman.evaluate("""() => {
              const q = qrcode(0, 'M'); q.addData(document.querySelector('.pelatih-sambung__alamat').textContent); q.make();
              const n = q.getModuleCount(); const m = [];
              for (let r = 0; r < n; r++) { let s = ''; for (let c = 0; c < n; c++) s += q.isDark(r, c) ? '1' : '0'; m.push(s); }
              return m; }""")
            # Checked against an independent encoder (segno, the one the handouts use): same
            # version for this address at level M, and the symbol's format bits say level M with
            # a valid mask (ISO/IEC 18004 Table C.1). Encoders may pack the data differently, so
            # the data modules themselves are not compared (no QR decoder is at hand here).
            import segno
            kode = segno.make(alamat_ponsel, error="m", micro=False, boost_error=False)
            assert len(modul) == 17 + 4 * kode.version
            format_m = {0b101010000010010, 0b101000100100101, 0b101111001111100, 0b101101101001011,
                        0b100010111111001, 0b100000011001110, 0b100111110010111, 0b100101010100000}
            baris8 = modul[8]
            bit = [baris8[c] for c in (0, 1, 2, 3, 4, 5, 7)] + [modul[r][8] for r in (8, 7, 5, 4, 3, 2, 1, 0)]
            assert int("".join(bit), 2) in format_m, bit
        finally:
            pelatih.close()
    finally:
        jendela.tutup()


def test_calculator_opened_from_the_folder_explains_what_to_do(kit, browser):
    context = browser.new_context()
    try:
        halaman = context.new_page()
        halaman.goto((kit / "situs" / "kalkulator" / "index.html").as_uri())
        kotak = halaman.locator(".pelatih-berkas-lokal")
        kotak.wait_for(timeout=20_000)
        teks = kotak.inner_text()
        assert "jalankan-windows.bat" in teks and "file://" in teks
        assert not halaman.locator("#kalkulator").is_visible()
        # A link to another page goes to its index.html, not to a folder listing.
        halaman.locator("article a[href$='/']").first.click()
        halaman.wait_for_url(re.compile(r"^file://.*/index\.html(#.*)?$"))
    finally:
        context.close()

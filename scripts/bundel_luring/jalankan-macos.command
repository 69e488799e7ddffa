#!/bin/sh
# Panduan JF tanpa internet (macOS): klik dua kali; jika ditolak, klik kanan lalu Open.
# Menjalankan program/panduan-jf-macos-arm64 (Apple M1 dan sesudahnya) atau
# program/panduan-jf-macos-intel (tidak perlu memasang apa pun); jika gagal, Python 3 (sajikan.py).
cd "$(dirname "$0")" || exit 1
case "$(uname -m)" in
  arm64) program=program/panduan-jf-macos-arm64 ;;
  *) program=program/panduan-jf-macos-intel ;;
esac
if [ -f "$program" ]; then
  # Files from a downloaded ZIP are marked "from the internet"; this kit's own program may run.
  xattr -dr com.apple.quarantine program 2>/dev/null
  chmod +x "$program" 2>/dev/null
  "$program" "$@" && exit 0
  echo "Program server tidak dapat berjalan. Mencoba Python 3..."
fi
for py in python3 python; do
  if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import sys; sys.exit(sys.version_info[0] < 3)' 2>/dev/null; then
    exec "$py" sajikan.py "$@"
  fi
done
echo "Server tidak dapat dijalankan. Pasang Python 3 dari python.org, lalu coba lagi."
echo "Tekan Enter untuk menutup."
read -r _ 2>/dev/null
exit 1

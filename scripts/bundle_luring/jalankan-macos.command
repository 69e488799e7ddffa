#!/bin/sh
# macOS: klik dua kali (atau klik kanan, Open). Menjalankan Panduan JF tanpa internet: server lokal (Python 3) lalu membuka peramban.
cd "$(dirname "$0")" || exit 1
for py in python3 python; do
  if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import sys; sys.exit(sys.version_info[0] < 3)' 2>/dev/null; then
    exec "$py" sajikan.py "$@"
  fi
done
echo "Python 3 tidak ditemukan. Pasang dulu, dari python.org (macOS)"
echo "Tekan Enter untuk menutup."
read -r _ 2>/dev/null
exit 1

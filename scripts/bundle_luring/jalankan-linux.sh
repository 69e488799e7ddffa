#!/bin/sh
# Menjalankan Panduan JF tanpa internet: server lokal (Python 3) lalu membuka peramban.
cd "$(dirname "$0")" || exit 1
for py in python3 python; do
  if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import sys; sys.exit(sys.version_info[0] < 3)' 2>/dev/null; then
    exec "$py" sajikan.py "$@"
  fi
done
echo "Python 3 tidak ditemukan. Pasang dulu, misalnya: sudo apt install python3"
echo "Tekan Enter untuk menutup."
read -r _ 2>/dev/null
exit 1

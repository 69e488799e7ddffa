#!/bin/sh
# Panduan JF tanpa internet (Linux): klik dua kali (pilih "Jalankan di Terminal"), atau di
# terminal: sh jalankan-linux.sh
# Menjalankan program/panduan-jf-linux (tidak perlu memasang apa pun); pada laptop selain x86-64
# dipakai Python 3 (sajikan.py).
cd "$(dirname "$0")" || exit 1
if [ "$(uname -m)" = "x86_64" ] && [ -f program/panduan-jf-linux ]; then
  chmod +x program/panduan-jf-linux 2>/dev/null
  exec ./program/panduan-jf-linux "$@"
fi
for py in python3 python; do
  if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import sys; sys.exit(sys.version_info[0] < 3)' 2>/dev/null; then
    exec "$py" sajikan.py "$@"
  fi
done
echo "Server tidak dapat dijalankan: pasang Python 3, misalnya: sudo apt install python3"
echo "Tekan Enter untuk menutup."
read -r _ 2>/dev/null
exit 1

@echo off
rem Menjalankan Panduan JF tanpa internet: server lokal (Python 3) lalu membuka peramban.
setlocal
cd /d "%~dp0"
where py >nul 2>nul
if %errorlevel%==0 (
  py -3 sajikan.py %*
  goto selesai
)
where python >nul 2>nul
if %errorlevel%==0 (
  python sajikan.py %*
  goto selesai
)
echo Python 3 tidak ditemukan. Pasang Python 3 dari python.org atau Microsoft Store,
echo centang "Add python.exe to PATH", lalu jalankan berkas ini lagi.
:selesai
pause

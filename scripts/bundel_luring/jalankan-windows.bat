@echo off
rem Panduan JF tanpa internet (Windows 10/11): klik dua kali berkas ini.
rem Menjalankan program\panduan-jf-windows.exe (tidak perlu memasang apa pun). Jika program itu
rem tidak dapat berjalan, dicoba Python 3 (sajikan.py) bila ada.
setlocal
cd /d "%~dp0"
if not exist "situs\index.html" (
  echo Folder "situs" tidak ditemukan. Ekstrak seluruh isi ZIP dulu: klik kanan berkas ZIP,
  echo pilih "Extract All", lalu jalankan berkas ini dari folder hasil ekstrak.
  goto selesai
)
if exist "program\panduan-jf-windows.exe" (
  "program\panduan-jf-windows.exe" %*
  if not errorlevel 1 goto selesai
  echo.
  echo Program server tidak dapat berjalan di laptop ini. Mencoba Python...
)
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
echo Server tidak dapat dijalankan. Mintalah bantuan petugas TI, atau pasang Python 3 dari
echo python.org lalu jalankan berkas ini lagi.
:selesai
pause

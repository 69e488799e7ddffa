// Panduan JF offline kit server: one file per operating system, nothing to install.
//
// Started by jalankan-windows.bat / jalankan-macos.command / jalankan-linux.sh with a double
// click. It serves the folder "situs" next to the program (or next to the starter) on
// 127.0.0.1 only, opens the browser, and tells in Bahasa Indonesia what to do. Participants'
// phones on the same Wi-Fi can join only when the trainer asks (typing "ponsel" then Enter in the
// window, or starting with --semua): it then also listens on the laptop's local network
// addresses and opens a page with the address and a QR code to put on the projector.
//
// Why Go: Windows laptops in offices rarely have Python; a Go program built from the standard
// library alone is a single executable for Windows, macOS and Linux (cross-compiled at build
// time by scripts/bundel.py) and needs no administrator rights on loopback. The Python server
// (sajikan.py) stays in the kit as a fallback. Kept to the standard library of Go 1.19 (Debian
// bookworm's golang-go).
//
// Files are sent gzip-compressed when the browser accepts it (compressed once, kept in memory),
// with the MIME types Pyodide needs (.wasm, .mjs), "Cache-Control: no-cache" so that a new kit
// is never hidden behind an old copy, the site's own 404 page, and no folder listings.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

var jenis = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".ico":         "image/x-icon",
	".webp":        "image/webp",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml",
	".pdf":         "application/pdf",
	".zip":         "application/zip",
	".whl":         "application/zip",
	".tar":         "application/x-tar",
	".gz":          "application/gzip",
	".lock":        "application/json",
}

// Types worth compressing (the others are compressed already: images, zip, pdf, fonts).
var kompres = map[string]bool{
	".html": true, ".htm": true, ".css": true, ".js": true, ".mjs": true, ".json": true,
	".map": true, ".webmanifest": true, ".wasm": true, ".svg": true, ".txt": true, ".xml": true,
	".lock": true, ".tar": true,
}

type simpanan struct {
	data   []byte
	ukuran int64
	diubah time.Time
}

type penyaji struct {
	akar  string
	mu    sync.Mutex
	gzips map[string]simpanan
}

func tipe(nama string) string {
	if t, ok := jenis[strings.ToLower(filepath.Ext(nama))]; ok {
		return t
	}
	return "application/octet-stream"
}

func terimaGzip(r *http.Request) bool {
	for _, bagian := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		b := strings.TrimSpace(bagian)
		nama := strings.TrimSpace(strings.SplitN(b, ";", 2)[0])
		if strings.EqualFold(nama, "gzip") && !strings.Contains(strings.ReplaceAll(b, " ", ""), "q=0") {
			return true
		}
	}
	return false
}

// cari maps a URL path to a file under the root: folders serve their index.html; nothing outside
// the root, no hidden files.
func (p *penyaji) cari(urlPath string) (string, os.FileInfo, bool, bool) {
	bersih := path.Clean("/" + urlPath)
	for _, bagian := range strings.Split(bersih, "/") {
		if strings.HasPrefix(bagian, ".") {
			return "", nil, false, false
		}
	}
	lengkap := filepath.Join(p.akar, filepath.FromSlash(bersih))
	info, err := os.Stat(lengkap)
	if err != nil {
		return "", nil, false, false
	}
	if info.IsDir() {
		lengkap = filepath.Join(lengkap, "index.html")
		info, err = os.Stat(lengkap)
		if err != nil || info.IsDir() {
			return "", nil, false, false
		}
		return lengkap, info, true, true
	}
	return lengkap, info, true, false
}

func (p *penyaji) terkompresi(lengkap string, info os.FileInfo) ([]byte, error) {
	p.mu.Lock()
	s, ok := p.gzips[lengkap]
	p.mu.Unlock()
	if ok && s.ukuran == info.Size() && s.diubah.Equal(info.ModTime()) {
		return s.data, nil
	}
	mentah, err := os.ReadFile(lengkap)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, 6)
	zw.Write(mentah)
	zw.Close()
	p.mu.Lock()
	p.gzips[lengkap] = simpanan{buf.Bytes(), info.Size(), info.ModTime()}
	p.mu.Unlock()
	return buf.Bytes(), nil
}

func (p *penyaji) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "Metode tidak diizinkan", http.StatusMethodNotAllowed)
		return
	}
	lengkap, info, ada, folder := p.cari(r.URL.Path)
	if ada && folder && !strings.HasSuffix(r.URL.Path, "/") {
		// A folder without its slash: relative links in the page need the slash.
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	status := http.StatusOK
	if !ada {
		halaman404 := filepath.Join(p.akar, "404.html")
		i, err := os.Stat(halaman404)
		if err != nil {
			http.Error(w, "Halaman tidak ditemukan", http.StatusNotFound)
			return
		}
		lengkap, info, status = halaman404, i, http.StatusNotFound
	}
	h := w.Header()
	h.Set("Content-Type", tipe(lengkap))
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	ext := strings.ToLower(filepath.Ext(lengkap))
	if kompres[ext] && info.Size() > 512 {
		h.Add("Vary", "Accept-Encoding")
		if terimaGzip(r) {
			data, err := p.terkompresi(lengkap, info)
			if err == nil && len(data) < int(info.Size()) {
				h.Set("Content-Encoding", "gzip")
				h.Set("Content-Length", strconv.Itoa(len(data)))
				h.Set("ETag", fmt.Sprintf("\"%x-%x-gz\"", info.ModTime().UnixNano(), info.Size()))
				if status == http.StatusOK && r.Header.Get("If-None-Match") == h.Get("ETag") {
					w.WriteHeader(http.StatusNotModified)
					return
				}
				w.WriteHeader(status)
				if r.Method != http.MethodHead {
					w.Write(data)
				}
				return
			}
		}
	}
	f, err := os.Open(lengkap)
	if err != nil {
		http.Error(w, "Berkas tidak dapat dibaca", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	if status != http.StatusOK {
		h.Set("Content-Length", strconv.FormatInt(info.Size(), 10))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			io.Copy(w, f)
		}
		return
	}
	h.Set("ETag", fmt.Sprintf("\"%x-%x\"", info.ModTime().UnixNano(), info.Size()))
	http.ServeContent(w, r, "", info.ModTime(), f)
}

// alamatJaringan lists the laptop's IPv4 addresses on local networks (Wi-Fi, hotspot, cable),
// private ranges first.
func alamatJaringan() []string {
	var pribadi, lain []string
	antarmuka, err := net.Interfaces()
	if err != nil {
		return nil
	}
	for _, a := range antarmuka {
		if a.Flags&net.FlagUp == 0 || a.Flags&net.FlagLoopback != 0 {
			continue
		}
		daftar, err := a.Addrs()
		if err != nil {
			continue
		}
		for _, ad := range daftar {
			ipnet, ok := ad.(*net.IPNet)
			if !ok {
				continue
			}
			ip := ipnet.IP.To4()
			if ip == nil || ip.IsLoopback() || ip.IsLinkLocalUnicast() {
				continue
			}
			if ip.IsPrivate() {
				pribadi = append(pribadi, ip.String())
			} else {
				lain = append(lain, ip.String())
			}
		}
	}
	sort.Strings(pribadi)
	sort.Strings(lain)
	return append(pribadi, lain...)
}

func dengar(host string, port int) (net.Listener, error) {
	calon := []int{port}
	if port != 0 {
		for p := 8001; p <= 8020; p++ {
			if p != port {
				calon = append(calon, p)
			}
		}
		calon = append(calon, 0)
	}
	var galat error
	for _, p := range calon {
		l, err := net.Listen("tcp4", net.JoinHostPort(host, strconv.Itoa(p)))
		if err == nil {
			return l, nil
		}
		galat = err
	}
	return nil, galat
}

func bukaPeramban(alamat string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", alamat)
	case "darwin":
		cmd = exec.Command("open", alamat)
	default:
		cmd = exec.Command("xdg-open", alamat)
	}
	if err := cmd.Start(); err == nil {
		go cmd.Wait()
	}
}

func cariSitus(folder string) string {
	calon := []string{}
	if folder != "" {
		calon = append(calon, folder)
	}
	if exe, err := os.Executable(); err == nil {
		dir := filepath.Dir(exe)
		calon = append(calon, filepath.Join(dir, "situs"), filepath.Join(dir, "..", "situs"))
	}
	if wd, err := os.Getwd(); err == nil {
		calon = append(calon, filepath.Join(wd, "situs"))
	}
	for _, c := range calon {
		if _, err := os.Stat(filepath.Join(c, "index.html")); err == nil {
			abs, _ := filepath.Abs(c)
			return abs
		}
	}
	return ""
}

type kit struct {
	situs    string
	port     int
	peramban bool
	handler  http.Handler
	lokal    string
	mu       sync.Mutex
	jaringan []string
}

// bukaJaringan starts listening on the laptop's local network addresses, same port as on
// 127.0.0.1 when it is free there, and returns the addresses phones can open.
func (k *kit) bukaJaringan() ([]string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.jaringan) > 0 {
		return k.jaringan, nil
	}
	ips := alamatJaringan()
	if len(ips) == 0 {
		return nil, errors.New("laptop ini belum tersambung ke jaringan (Wi-Fi, hotspot, atau kabel)")
	}
	for _, ip := range ips {
		l, err := dengar(ip, k.port)
		if err != nil {
			continue
		}
		go http.Serve(l, k.handler)
		port := l.Addr().(*net.TCPAddr).Port
		k.jaringan = append(k.jaringan, fmt.Sprintf("http://%s:%d/", ip, port))
	}
	if len(k.jaringan) == 0 {
		return nil, errors.New("tidak ada alamat jaringan yang dapat dipakai")
	}
	return k.jaringan, nil
}

func (k *kit) umumkanJaringan() {
	alamat, err := k.bukaJaringan()
	if err != nil {
		fmt.Println("Ponsel belum dapat bergabung: " + err.Error() + ".")
		return
	}
	fmt.Println()
	fmt.Println("Ponsel peserta yang tersambung ke Wi-Fi yang sama dapat membuka:")
	for _, a := range alamat {
		fmt.Println("    " + a)
	}
	fmt.Println("Halaman dengan kode QR untuk dipindai dibuka di peramban; tampilkan di proyektor.")
	fmt.Println("Jika Windows bertanya tentang firewall, pilih jaringan Pribadi (Private) lalu Izinkan.")
	fmt.Println("Lakukan hanya di jaringan yang Anda percayai. Tutup jendela ini untuk berhenti.")
	if k.peramban {
		// In the query, not after "#": Windows may drop a fragment when it hands a URL to the browser.
		bukaPeramban(k.lokal + "pelatih/sambung/?alamat=" + url.QueryEscape(alamat[0]))
	}
}

func main() {
	var (
		port   = flag.Int("port", 8000, "port yang dipakai (jika terpakai, dicari port lain)")
		semua  = flag.Bool("semua", false, "langsung izinkan ponsel di jaringan yang sama")
		tanpa  = flag.Bool("tanpa-peramban", false, "jangan membuka peramban")
		folder = flag.String("situs", "", "folder situs (bawaan: folder 'situs' di samping program)")
	)
	flag.Parse()
	situs := cariSitus(*folder)
	if situs == "" {
		fmt.Println("Folder 'situs' tidak ditemukan. Ekstrak seluruh isi ZIP ke satu folder dulu,")
		fmt.Println("lalu jalankan lagi dari folder panduan-jf.")
		os.Exit(1)
	}
	l, err := dengar("127.0.0.1", *port)
	if err != nil {
		fmt.Println("Tidak ada port yang dapat dipakai: " + err.Error())
		os.Exit(1)
	}
	k := &kit{situs: situs, port: l.Addr().(*net.TCPAddr).Port, peramban: !*tanpa,
		handler: &penyaji{akar: situs, gzips: map[string]simpanan{}}}
	k.lokal = fmt.Sprintf("http://127.0.0.1:%d/", k.port)
	go func() {
		if err := http.Serve(l, k.handler); err != nil {
			fmt.Println("Server berhenti: " + err.Error())
			os.Exit(1)
		}
	}()
	fmt.Println("PANDUAN JABATAN FUNGSIONAL - tanpa internet")
	fmt.Println()
	fmt.Println("Portal berjalan di laptop ini: " + k.lokal)
	fmt.Println("Peramban akan terbuka sendiri. Jika tidak, buka alamat di atas di Chrome, Edge, atau Firefox.")
	fmt.Println("Biarkan jendela ini terbuka selama sesi. Tutup jendela ini untuk berhenti.")
	fmt.Println()
	if *semua {
		k.umumkanJaringan()
	} else {
		fmt.Println("Agar ponsel peserta dapat membuka portal lewat Wi-Fi yang sama:")
		fmt.Println("ketik  ponsel  lalu tekan Enter di jendela ini.")
	}
	if k.peramban && !*semua {
		bukaPeramban(k.lokal)
	}
	baca := bufio.NewScanner(os.Stdin)
	for baca.Scan() {
		perintah := strings.ToLower(strings.TrimSpace(baca.Text()))
		switch perintah {
		case "ponsel", "p", "hp":
			k.umumkanJaringan()
		case "":
		default:
			fmt.Println("Perintah tidak dikenal. Ketik  ponsel  lalu Enter, atau tutup jendela ini untuk berhenti.")
		}
	}
	// No console (started without a window): keep serving until stopped.
	select {}
}

"""The guide for every situation (issue 13): currency on every page, one way of flagging what is
uncertain, corrected statements stay corrected, the home page's two tasks above the fold on a
phone, and the new pages found by the words readers use."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from situs_halaman import BULAN_ID, cari, page_file, pages_missing, tab_cari  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[2]
# Guide pages (docs/*.md); the calculator and trainer folders belong to other pages' owners.
GUIDE_MD = sorted(p for p in (ROOT / "docs").glob("*.md"))
NEW_PAGES = {
    "situasi-saya/", "pak-saya/", "golongan-tidak-sesuai/", "tahun-tanpa-predikat/",
    "uji-kompetensi-formasi/", "proses-usul/", "batas-usia-pensiun/", "keadaan-khusus/",
    "pengelola-kepegawaian/", "riwayat-perubahan/",
}


def _md_text(path: Path) -> str:
    """Page text without fenced blocks (worked-example requests are JSON, not prose)."""
    return re.sub(r"^(`{3,})[^\n]*\n.*?^\1", "", path.read_text("utf-8"), flags=re.S | re.M)


def test_new_pages_are_built(site_pages):
    missing = NEW_PAGES - set(site_pages)
    assert not missing, f"halaman baru tidak dibangun: {sorted(missing)}"


def test_every_page_says_up_to_when_its_sources_were_checked(built_site, site_pages):
    pattern = re.compile(rf'Sumber aturan diperiksa sampai:\s*<time datetime="(\d{{4}})-(\d{{2}})">{BULAN_ID} (\d{{4}})</time>')

    def check(url, m):
        assert m.group(1) == m.group(4), url

    missing = pages_missing(built_site, site_pages, pattern, check)
    assert not missing, f"tanpa 'diperiksa sampai': {missing}"


def test_no_page_claims_rules_valid_as_of_a_date():
    # Sources were checked up to a date; nothing after it was read, so no page may say the rules
    # are "berlaku per" that date (issue 13).
    found = [f"{p.name}: {m.group(0)!r}" for p in GUIDE_MD
             for m in re.finditer(r"[Bb]erlaku per [A-Z][a-z]+ \d{4}", _md_text(p))]
    assert not found, found


# Statements the rules reference (sections 4-6) found unsupported or wrong; they must not return.
SALAH = [
    r"Gunakan angka itu sebagai titik awal",
    r"AK awal pejabat hasil penyetaraan ditetapkan dengan tabel",
    r"menduduki golongan tertinggi\*\* di jenjang",
    r"[Kk]enaikan jenjang diproses \*\*lebih dulu\*\*",
    r"Anda harus berada di golongan tertinggi",
    r"Ujian kemampuan yang wajib lulus sebelum naik jenjang",
]


@pytest.mark.parametrize("pola", SALAH)
def test_unsupported_statements_stay_corrected(pola):
    files = GUIDE_MD + [ROOT / "docs" / "includes" / "glosarium.md"]
    found = [p.name for p in files if re.search(pola, _md_text(p))]
    assert not found, f"{pola!r} muncul lagi di {found}"


def test_uncertainty_is_flagged_one_way_with_what_to_ask():
    """Every uncertain point uses the one admonition type and says what to ask; the old
    "Perlu dikonfirmasi" warnings are gone from the guide pages."""
    jumlah = 0
    for p in GUIDE_MD:
        teks = _md_text(p)
        assert '"Perlu dikonfirmasi"' not in teks, p.name
        for m in re.finditer(r'^( *)!!! belum "(Belum dipastikan[^\n]*)"\n((?:\1    .*\n|\n)+)', teks, re.M):
            jumlah += 1
            isi = m.group(3)
            if p.name == "index.md":  # the home page shows what the box looks like
                continue
            assert "Tanyakan" in isi, f"{p.name}: kotak '{m.group(2)}' tidak menyebut apa yang ditanyakan"
        assert "!!! belum" not in teks.replace('!!! belum "Belum dipastikan', ""), \
            f"{p.name}: kotak belum tanpa judul 'Belum dipastikan'"
    assert jumlah >= 15


def test_worked_examples_set_their_own_calculation_date():
    """A build next year prints the same numbers: every ```hitung block and [[hasil]] request on
    a guide page sets tanggal_hitung."""
    tanpa = []
    for p in GUIDE_MD:
        teks = p.read_text("utf-8")
        blok = re.findall(r"^```hitung\n(.*?)^```", teks, re.S | re.M)
        blok += re.findall(r"\[\[hasil (\{.*?\}) [A-Za-z_0-9.]+\]\]", teks, re.S)
        tanpa += [f"{p.name}: {b[:60]}" for b in blok if "tanggal_hitung" not in json.loads(b)]
    assert not tanpa, tanpa


def test_home_leads_with_two_tasks_above_the_fold_on_a_phone(browser, site_server):
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(site_server)
        tombol = page.locator(".beranda-tugas a.md-button")
        assert tombol.count() == 2
        teks = [t.strip() for t in tombol.all_inner_texts()]
        assert teks == ["Pahami situasi saya", "Hitung angka kredit saya"]
        hrefs = [urlparse(h).path for h in tombol.evaluate_all("els => els.map(e => e.href)")]
        assert hrefs[0].endswith("/situasi-saya/") and hrefs[1].endswith("/kalkulator/")
        for i in range(2):
            kotak = tombol.nth(i).bounding_box()
            # Fully visible without scrolling, and a comfortable tap target.
            assert kotak["y"] >= 0 and kotak["y"] + kotak["height"] <= 640, kotak
            assert kotak["height"] >= 44 and kotak["width"] >= 200, kotak
        # The frequent questions are one tap away from the home page.
        assert page.locator('a[href*="tanya-jawab/#saya-ahli-muda-iiid-kapan-bisa-iva"]').count() == 1
    finally:
        context.close()


# Reader words -> the page that answers them. Each query is what an officer would type.
KATA_PEMBACA = [
    ("pensiun", "batas-usia-pensiun/"),
    ("tugas belajar", "keadaan-khusus/"),
    ("cuti", "tahun-tanpa-predikat/"),
    ("Kanreg", "proses-usul/"),
    ("pertek", "proses-usul/"),
    ("formasi", "uji-kompetensi-formasi/"),
    ("PAK penyetaraan", "pak-saya/"),
    ("golongan tidak sesuai", "golongan-tidak-sesuai/"),
    ("keberatan predikat", "keadaan-khusus/"),
    ("SIASN berbeda", "pengelola-kepegawaian/"),
    ("predikat belum ada", "tanya-jawab/"),
]


@pytest.fixture(scope="module")
def index(built_site):
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("kata, halaman", KATA_PEMBACA)
def test_reader_words_are_in_the_pages_search_entries(index, kata, halaman):
    """Every word of the query occurs in an entry of the page (as a word, a word's prefix, or a
    Sastrawi root in the `akar` field)."""
    entri = [d for d in index["docs"] if d["location"].split("#")[0] == halaman]
    assert entri, f"{halaman} tidak ada dalam indeks pencarian"
    for w in kata.lower().split():
        ada = any(
            w in d.get("akar", "").split()
            or any(x.startswith(w) for x in re.findall(r"[a-z]+", (d["title"] + " " + d["text"]).lower()))
            for d in entri
        )
        assert ada, f"kata {w!r} tidak menemukan {halaman}"


@pytest.mark.parametrize("kata, halaman", KATA_PEMBACA[:4] + [("naik pangkat tanpa formasi", "kenaikan-pangkat/")])
def test_search_box_finds_the_page_by_reader_words(tab_cari, site_server, kata, halaman):
    hasil = [urlparse(u).path.lstrip("/") for u in cari(tab_cari, site_server, kata)]
    halaman_hasil = list(dict.fromkeys(h.split("#")[0] for h in hasil))
    assert halaman in halaman_hasil[:5], f"{kata!r}: {halaman} tidak di lima teratas {halaman_hasil[:8]}"


def _contoh(built_site, url: str) -> list[str]:
    teks = page_file(built_site, url).read_text(encoding="utf-8")
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", b))
            for b in re.findall(r'<div class="ak-contoh">(.*?)Buka di kalkulator', teks, re.S)]


def test_mismatched_golongan_examples_are_on_the_page(built_site):
    """Situations B and C of the penyetaraan cohort, each a worked example from the engine."""
    contoh = _contoh(built_site, "golongan-tidak-sesuai/")
    for judul in ("Ahli Pertama, golongan IV/a", "Ahli Muda, golongan III/b", "Ahli Madya, golongan III/d"):
        assert any(judul in c for c in contoh), judul
    b = next(c for c in contoh if "Ahli Pertama, golongan IV/a" in c)
    # Golongan above the jenjang: no kenaikan pangkat inside it, only the kenaikan jenjang.
    assert "Kenaikan pangkat ke" not in b and "Kenaikan jenjang ke Ahli Muda" in b


def test_faq_ahli_muda_iiid_counts_pak_months_once(built_site):
    """Ahli Muda III/d, PAK of January 2026 with 187,5, ratings 2024-2025 entered: those months are
    inside the PAK, so the AK stays 187,5 and the KJ (200, PermenPANRB 1/2023) lacks 12,5."""
    contoh = [c for c in _contoh(built_site, "tanya-jawab/") if "Ahli Muda, golongan III/d" in c]
    assert len(contoh) == 1
    c = contoh[0]
    assert "187,5 + 0 = 187,5" in c
    assert "kurang 12,5 dari 200" in c

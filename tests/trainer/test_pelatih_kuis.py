"""Quizzes: answers computed by the engine at build time, checked in the browser with feedback."""

from __future__ import annotations

import html
import json
import re
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from calculator import hitung
from pelatih_bantu import KUIS, ROOT, ambil, html_halaman, spek_kuis, url_halaman

KUIS_AK = ROOT / "docs" / "pelatih" / "kuis" / "angka-kredit.md"


def _hook():
    from hooks import trainer_quiz
    return trainer_quiz


def test_every_guide_module_has_a_quiz_with_both_kinds():
    modul = {"penyetaraan", "jabatan-fungsional", "angka-kredit", "kinerja-skp", "kenaikan-pangkat",
             "kenaikan-jenjang", "integrasi"}
    assert modul <= {p.stem for p in KUIS}
    jenis = [s["jenis"] for p in KUIS for s in spek_kuis(p)]
    assert jenis.count("angka") >= 5 and jenis.count("pilihan") >= 10


@pytest.mark.parametrize("md", KUIS, ids=lambda p: p.stem)
def test_built_quiz_answers_equal_the_engine(built_site, md):
    page_html = html_halaman(built_site, md)
    blok = re.findall(r'<div class="pelatih-kuis" id="kuis-\d+" data-jenis="(\w+)">(.*?)</form>', page_html, re.DOTALL)
    spek = spek_kuis(md)
    assert len(blok) == len(spek) >= 3, md.name
    assert "```kuis" not in page_html and "{{" not in page_html
    for (jenis, isi), s in zip(blok, spek):
        assert jenis == s["jenis"]
        if jenis == "angka":
            hasil = hitung(s["permintaan"])
            terima = json.loads(html.unescape(re.search(r'data-terima="([^"]+)"', isi).group(1)))
            jawaban = ambil(hasil, s["jalur"])
            # Independent spellings of the engine's answer: decimal comma and decimal point.
            koma = f"{jawaban:.2f}".rstrip("0").rstrip(".").replace(".", ",")
            assert koma in terima and koma.replace(",", ".") in terima, (md.name, s["pertanyaan"])
            salah = f"{jawaban + 1:.2f}".rstrip("0").rstrip(".").replace(".", ",")
            assert salah not in terima
        else:
            benar = re.findall(r'data-benar="(\d)"', isi)
            assert benar.count("1") == 1 and len(benar) == len(s["pilihan"])
            assert benar.index("1") == [bool(p.get("benar")) for p in s["pilihan"]].index(True)


def _halaman_palsu(src_uri: str):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def test_hook_rejects_a_question_with_two_right_answers():
    hook = _hook()
    md = "```kuis\njenis: pilihan\npertanyaan: Q\npilihan:\n  - teks: a\n    benar: true\n  - teks: b\n    benar: true\nalasan: x\ntautan: ../x.md\n```\n"
    with pytest.raises(PluginError, match="tepat satu"):
        hook.render_markdown(md, _halaman_palsu("pelatih/kuis/x.md"), None)


def test_hook_rejects_a_path_missing_from_the_result():
    hook = _hook()
    md = ('```kuis\njenis: angka\npertanyaan: Q\npermintaan: {"jenjang": "ahli_pertama", "golongan": "III/a", '
          '"penilaian": [{"tahun": 2023, "predikat": "Baik"}]}\njalur: tidak_ada\nalasan: x\ntautan: ../x.md\n```\n')
    with pytest.raises(PluginError, match="tidak_ada"):
        hook.render_markdown(md, _halaman_palsu("pelatih/kuis/x.md"), None)


def test_hook_number_format_is_indonesian():
    hook = _hook()
    assert hook.format_angka(18.75) == "18,75"
    assert hook.format_angka(5.625) == "5,63"       # half-up, not Python's half-even
    assert hook.format_angka(1234.5) == "1.234,5"
    assert hook.format_angka(100) == "100"


def _soal(page, n: int):
    return page.locator(f"#kuis-{n}")


@pytest.fixture
def page(tab):
    """The module's pages open in one shared tab, cleaned after each test (tests/conftest.py)."""
    return tab


def test_multiple_choice_feedback_wrong_then_right(page, site_server):
    page.goto(site_server + url_halaman(KUIS_AK))
    soal = _soal(page, 4)                            # persentase "Butuh Perbaikan"
    salah = soal.locator("input[data-benar='0']").first
    salah.check()
    assert soal.get_attribute("data-hasil") == "salah"
    umpan = soal.locator(".pelatih-kuis__umpan")
    assert umpan.is_visible()
    assert soal.locator(".pelatih-kuis__status").inner_text().startswith("Belum tepat")
    assert soal.locator(".pelatih-kuis__umpan-opsi").is_visible()   # why this option is wrong
    alasan = soal.locator(".pelatih-kuis__alasan").inner_text()
    assert "Butuh Perbaikan" in alasan and "%" in alasan
    soal.locator("input[data-benar='1']").check()
    assert soal.get_attribute("data-hasil") == "benar"
    assert soal.locator(".pelatih-kuis__status").inner_text().startswith("Benar")
    assert not soal.locator(".pelatih-kuis__umpan-opsi").is_visible()
    # The link back to the module opens the guide page at the section, its address unchanged.
    soal.locator("a.pelatih-kuis__tautan").click()
    page.wait_for_url(re.compile(r".*/angka-kredit/#berapa-persen-untuk-predikat-saya$"))
    page.wait_for_function("() => document.querySelector('article h1').textContent.includes('Angka Kredit')")
    page.wait_for_function("() => { const h = document.getElementById('berapa-persen-untuk-predikat-saya');"
                           " const r = h && h.getBoundingClientRect(); return !!r && r.top >= 0 && r.top < innerHeight; }")
    assert page.url.endswith("#berapa-persen-untuk-predikat-saya")


def test_numeric_feedback_uses_the_engine_answer(page, site_server):
    spek = spek_kuis(KUIS_AK)[1]                      # Soal 2: Ahli Pertama, 2023, Sangat Baik
    benar = ambil(hitung(spek["permintaan"]), spek["jalur"])
    page.goto(site_server + url_halaman(KUIS_AK))
    soal = _soal(page, 2)
    isian = soal.locator("input.pelatih-kuis__isian")
    isian.fill("abc")
    soal.locator("button.pelatih-kuis__periksa").click()
    assert soal.get_attribute("data-hasil") == "kosong"
    isian.fill(str(benar + 1).replace(".", ","))
    isian.press("Enter")
    assert soal.get_attribute("data-hasil") == "salah"
    assert not soal.locator(".pelatih-kuis__umpan-opsi").is_visible()
    isian.fill(str(benar).replace(".", ","))       # Indonesian decimal comma
    isian.press("Enter")
    assert soal.get_attribute("data-hasil") == "benar"
    alasan = soal.locator(".pelatih-kuis__alasan").inner_text()
    assert hitung(spek["permintaan"])["rincian"][0]["rumus"] in alasan
    isian.fill(str(benar))                          # a decimal point is accepted too
    isian.press("Enter")
    assert soal.get_attribute("data-hasil") == "benar"


def test_quiz_works_in_presentation_mode(page, site_server):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(site_server + url_halaman(KUIS_AK))
    page.wait_for_function("() => !!document.querySelector('.pelatih-tombol-presentasi')")
    page.keyboard.press("p")
    page.evaluate("() => window.pelatihPresentasiMuat")  # the mode loads on first use
    # The first slide is not empty: the title shares it with the first question.
    soal = _soal(page, 1)
    assert page.locator("article h1").is_visible()
    assert soal.is_visible() and not _soal(page, 2).is_visible()
    indeks = page.evaluate("() => window.pelatihPresentasi.status().indeks")
    page.keyboard.press("ArrowRight")                # Soal 2: typing a number must not change slides
    soal2 = _soal(page, 2)
    isian = soal2.locator("input.pelatih-kuis__isian")
    isian.click()
    isian.press("ArrowLeft")
    isian.type("1")
    assert page.evaluate("() => window.pelatihPresentasi.status().indeks") == indeks + 1
    assert soal2.is_visible()
    page.keyboard.press("Escape")                    # first Escape leaves the answer box
    page.keyboard.press("Escape")                    # second leaves the mode
    assert page.evaluate("() => window.pelatihPresentasi.status().aktif") is False


def test_room_quiz_trainer_reveals_and_tallies(page, site_server):
    """In a room the answer waits for the trainer; hands are counted per option on the page."""
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(site_server + url_halaman(KUIS_AK))
    soal = _soal(page, 4)                            # persentase "Butuh Perbaikan"
    # Outside the mode the room controls are not shown.
    assert not soal.locator(".pelatih-kuis__ungkap").is_visible()
    assert not soal.locator(".pelatih-kuis__tambah").first.is_visible()
    page.goto(site_server + url_halaman(KUIS_AK) + "?presentasi#kuis-4")
    page.wait_for_function("() => !!window.pelatihPresentasi && window.pelatihPresentasi.status().aktif")
    assert soal.is_visible()
    status = page.evaluate("() => window.pelatihPresentasi.status()")
    spek = spek_kuis(KUIS_AK)[3]
    benar = [bool(p.get("benar")) for p in spek["pilihan"]].index(True)
    salah = 0 if benar != 0 else 1
    # A participant's wrong pick, shown on the screen: nothing is revealed.
    soal.locator(f"input[value='{salah}']").check()
    assert soal.get_attribute("data-hasil") is None
    assert not soal.locator(".pelatih-kuis__umpan").is_visible()
    # The trainer counts hands: 3 for the wrong option, 2 for the right one.
    tambah = soal.locator(".pelatih-kuis__tambah")
    for _ in range(3):
        tambah.nth(salah).click()
    for _ in range(2):
        tambah.nth(benar).click()
    jumlah = soal.locator(".pelatih-kuis__jumlah").all_inner_texts()
    assert jumlah[salah] == "3" and jumlah[benar] == "2"
    assert sum(int(j) for j in jumlah) == 5
    assert not soal.locator(".pelatih-kuis__umpan").is_visible()
    # Clicking "+1" does not move the slide nor leave the mode.
    assert page.evaluate("() => window.pelatihPresentasi.status()")["indeks"] == status["indeks"]
    soal.locator(".pelatih-kuis__ungkap").click()
    assert soal.get_attribute("data-hasil") == "diungkap"
    # The answer is on the screen (the slide follows it if it did not fit with the question).
    page.wait_for_function("() => document.querySelector('#kuis-4 .pelatih-kuis__alasan').offsetParent !== null"
                           " && document.documentElement.scrollHeight <= window.innerHeight", timeout=5000)
    assert soal.locator(".pelatih-kuis__status").inner_text() == "Jawaban: " + "ABCD"[benar]
    assert soal.locator(".pelatih-kuis__baris").nth(benar).evaluate(
        "e => e.classList.contains('pelatih-kuis__baris--benar')")
    assert page.evaluate("() => window.pelatihPresentasi.status()")["aktif"] is True
    if not soal.locator(".pelatih-kuis__ulang").is_visible():
        page.keyboard.press("ArrowLeft")             # back to the question's slide
    soal.locator(".pelatih-kuis__ulang").click()
    assert soal.locator(".pelatih-kuis__jumlah").all_inner_texts() == ["0"] * len(spek["pilihan"])
    assert not soal.locator(".pelatih-kuis__umpan").is_visible()
    assert soal.get_attribute("data-hasil") is None


def test_room_quiz_numeric_answer_waits_for_the_trainer(page, site_server):
    spek = spek_kuis(KUIS_AK)[1]                      # Soal 2: Ahli Pertama, 2023, Sangat Baik
    benar = ambil(hitung(spek["permintaan"]), spek["jalur"])
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(site_server + url_halaman(KUIS_AK) + "?presentasi#kuis-2")
    page.wait_for_function("() => !!window.pelatihPresentasi && window.pelatihPresentasi.status().aktif")
    soal = _soal(page, 2)
    isian = soal.locator("input.pelatih-kuis__isian")
    isian.fill(str(benar + 1).replace(".", ","))
    isian.press("Enter")
    assert soal.get_attribute("data-hasil") == "salah"
    assert not soal.locator(".pelatih-kuis__alasan").is_visible()   # the reason names the answer
    soal.locator(".pelatih-kuis__ungkap").click()
    teks = soal.locator(".pelatih-kuis__status").inner_text()
    # Independent formatting of the engine's answer: Indonesian decimal comma, no trailing zeros.
    harapan = f"{benar:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    assert teks == "Jawaban: " + harapan

"""The built site: strict build, page metadata, 404 page, "Terakhir diperbarui", tooltips."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path

from situs_halaman import BULAN_ID, abbr_titles, head_info, page_file, pages_missing

ROOT = Path(__file__).resolve().parents[2]
GUIDE_PAGES = [
    "", "penyetaraan/", "jabatan-fungsional/", "angka-kredit/", "kenaikan-pangkat/",
    "kenaikan-jenjang/", "integrasi/", "aturan-lama/", "kinerja-skp/", "tantangan-solusi/",
    "tanya-jawab/", "glosarium/", "dasar-hukum/", "tentang/", "kalkulator/", "pelatih/",
]


def test_strict_build_produces_every_nav_page(built_site, build_log, site_pages):
    # The fixture already failed the session if `mkdocs build --strict` exited non-zero.
    assert "WARNING" not in build_log, build_log
    for url in GUIDE_PAGES:
        assert url in site_pages, f"halaman {url!r} tidak dibangun"
    assert (built_site / "404.html").is_file()
    assert (built_site / "search" / "search_index.json").is_file()


def test_every_page_has_title_description_and_lang_id(built_site, site_pages):
    problems = []
    for url in site_pages + ["404.html"]:
        text = page_file(built_site, url).read_text(encoding="utf-8")
        info = head_info(text)
        if info.lang != "id":
            problems.append(f"{url}: lang={info.lang!r}")
        if not info.title.strip():
            problems.append(f"{url}: <title> kosong")
        if not (info.description or "").strip():
            problems.append(f"{url}: meta description kosong")
    assert not problems, "\n".join(problems)


def test_page_descriptions_are_the_pages_own(built_site, site_pages):
    # Each page sets `description:` in its front matter; the site-wide default is a fallback
    # that must not stand in for it.
    default = head_info(page_file(built_site, "").read_text(encoding="utf-8"))
    import yaml  # noqa: PLC0415 - PyYAML comes with mkdocs

    site_description = " ".join(
        yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", "''", (ROOT / "mkdocs.yml").read_text()))[
            "site_description"
        ].split()
    )
    lacking = [
        url for url in site_pages
        if " ".join((head_info(page_file(built_site, url).read_text(encoding="utf-8"))
                     .description or "").split()) == site_description
    ]
    assert default.description
    assert not lacking, f"halaman tanpa description sendiri: {lacking}"


def test_404_page_is_indonesian(built_site, site_server):
    text = (built_site / "404.html").read_text(encoding="utf-8")
    assert "Halaman tidak ditemukan" in text
    assert "Not found" not in text
    # The local server answers missing paths with that page and status 404, as a host does.
    try:
        urllib.request.urlopen(site_server + "tidak-ada-halaman-ini/")
    except urllib.error.HTTPError as error:
        assert error.code == 404
        assert "Halaman tidak ditemukan" in error.read().decode("utf-8")
    else:
        raise AssertionError("alamat yang tidak ada tidak menghasilkan 404")


def test_every_page_shows_last_updated_date(built_site, site_pages):
    pattern = re.compile(rf'Terakhir diperbarui:\s*<time datetime="(\d{{4}}-\d{{2}}-\d{{2}})">(\d{{1,2}} {BULAN_ID} \d{{4}})</time>')

    def check(url, match):
        year, month, day = match.group(1).split("-")
        assert match.group(2).startswith(f"{int(day)} ") and match.group(2).endswith(year), url

    missing = pages_missing(built_site, site_pages, pattern, check)
    assert not missing, f"tanpa 'Terakhir diperbarui': {missing}"


def test_last_updated_date_comes_from_git(tmp_path):
    # The hook reads the date of the last commit touching each file, not the build day.
    import subprocess
    from types import SimpleNamespace

    from hooks import tanggal_revisi

    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / "docs" / "a.md").write_text("# A\n")
    env = {
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_AUTHOR_DATE": "2024-03-05T10:00:00", "GIT_COMMITTER_DATE": "2024-03-05T10:00:00",
        "PATH": "/usr/bin:/bin",
    }
    for cmd in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "a"]):
        subprocess.run(cmd, cwd=repo, env=env, check=True)
    (repo / "docs" / "baru.md").write_text("# Baru\n")  # not committed: falls back to mtime

    hook = tanggal_revisi
    hook.on_config({"docs_dir": str(repo / "docs")})

    def meta_for(name):
        page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(repo / "docs" / name)), meta={})
        hook.on_page_markdown("", page=page, config={}, files=None)
        return page.meta

    assert meta_for("a.md")["tanggal_revisi"] == "5 Maret 2024"
    assert meta_for("a.md")["tanggal_revisi_iso"] == "2024-03-05"
    import datetime

    assert meta_for("baru.md")["tanggal_revisi_iso"] == datetime.date.today().isoformat()


def test_glossary_tooltips_on_pages(built_site, site_pages):
    glossary = (ROOT / "docs" / "includes" / "glosarium.md").read_text(encoding="utf-8")
    defined = dict(re.findall(r"^\*\[([^\]]+)\]:\s*(.+?)\s*$", glossary, flags=re.M))
    assert "PAK" in defined and "AK" in defined

    kp = abbr_titles(page_file(built_site, "kenaikan-pangkat/").read_text(encoding="utf-8"))
    assert kp.get("PAK") == defined["PAK"]

    # Every tooltip on every page comes from the one glossary file, with its text.
    pages_with_tooltips = 0
    for url in site_pages:
        found = abbr_titles(page_file(built_site, url).read_text(encoding="utf-8"))
        pages_with_tooltips += bool(found)
        for term, title in found.items():
            assert defined.get(term) == title, f"{url}: {term!r} -> {title!r}"
    assert pages_with_tooltips >= len(site_pages) // 2


def test_glossary_source_is_not_a_page(built_site):
    assert not (built_site / "includes").exists()

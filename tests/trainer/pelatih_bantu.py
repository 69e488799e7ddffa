"""Helpers shared by the trainer kit tests: read case pages, format numbers like the build hook."""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
KASUS = sorted(p for p in (DOCS / "pelatih" / "kasus").glob("*.md") if p.name != "index.md")
KUIS = sorted(p for p in (DOCS / "pelatih" / "kuis").glob("*.md") if p.name != "index.md")

_FENCE_HITUNG = re.compile(r"^```hitung[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_FENCE_KUIS = re.compile(r"^```kuis[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_HASIL = re.compile(r"\[\[hasil (\{.*?\}) ([A-Za-z_0-9.]+)\]\]")


def engine_render():
    from hooks import engine_render as modul
    return modul


def permintaan_hitung(md_path: Path) -> list[dict]:
    return [json.loads(m.group(1)) for m in _FENCE_HITUNG.finditer(md_path.read_text(encoding="utf-8"))]


def rujukan_hasil(md_path: Path) -> list[tuple[dict, str]]:
    return [(json.loads(m.group(1)), m.group(2)) for m in _HASIL.finditer(md_path.read_text(encoding="utf-8"))]


def spek_kuis(md_path: Path) -> list[dict]:
    import yaml
    return [yaml.safe_load(m.group(1)) for m in _FENCE_KUIS.finditer(md_path.read_text(encoding="utf-8"))]


def url_halaman(md_path: Path) -> str:
    rel = md_path.relative_to(DOCS).with_suffix("")
    if rel.name == "index":
        rel = rel.parent
    return rel.as_posix().rstrip("/") + "/"


def html_halaman(site: Path, md_path: Path) -> str:
    return (site / url_halaman(md_path) / "index.html").read_text(encoding="utf-8")


def teks_artikel(page_html: str) -> str:
    """Visible text of the article, tags removed and whitespace collapsed."""
    m = re.search(r"<article[^>]*>(.*?)</article>", page_html, re.DOTALL)
    isi = m.group(1) if m else page_html
    isi = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", isi, flags=re.DOTALL)
    isi = re.sub(r"<[^>]+>", " ", isi)
    return " ".join(html.unescape(isi).split())


def ambil(hasil: dict, jalur: str):
    kini = hasil
    for bagian in jalur.split("."):
        kini = kini[int(bagian)] if isinstance(kini, list) else kini[bagian]
    return kini


def tautan_bagi(page_html: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'<a class="md-button ak-buka" href="([^"]+)"', page_html)]


def dekode_bagi(href: str) -> dict:
    kode = href.split("#s=", 1)[1]
    kode += "=" * (-len(kode) % 4)
    return json.loads(base64.urlsafe_b64decode(kode).decode("utf-8"))

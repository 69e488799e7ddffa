"""Indonesian search: root words from Sastrawi in the built index and in Material's search box."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from hooks import search_stem
from situs_halaman import cari, tab_cari  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[2]


def _hook():
    return search_stem


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", html.unescape(re.sub(r"<[^>]+>", " ", text)).lower()))


@pytest.fixture(scope="module")
def index(built_site):
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_akar_kata_gives_roots_of_derived_words():
    roots = _hook().akar_kata("Perhitungan kenaikan pangkat, dinaikkan dan ditetapkan.")
    assert "hitung" in roots
    assert "naik" in roots
    assert "tetap" in roots
    # A word that is its own root adds nothing: the text field already holds it.
    assert "pangkat" not in roots
    # Nor does a root that search reaches by prefix already ("hitung" starts "hitungan").
    assert "hitung" not in _hook().akar_kata("Perhitungan dan hitungan")
    assert _hook().akar_kata("Perhitungan dan hitungan") == []


def test_search_config_indexes_the_root_field(index):
    assert "akar" in index["config"]["fields"]
    assert index["config"]["fields"]["akar"]["boost"] > 0


def test_every_entry_has_roots_of_its_words(index):
    docs = index["docs"]
    assert docs and all("akar" in doc for doc in docs)
    with_perhitungan = [d for d in docs if "perhitungan" in _words(d["title"] + " " + d["text"])]
    with_kenaikan = [d for d in docs if "kenaikan" in _words(d["title"] + " " + d["text"])]
    assert with_perhitungan, "tidak ada entri berisi 'perhitungan' untuk diuji"
    assert with_kenaikan, "tidak ada entri berisi 'kenaikan' untuk diuji"
    # Every such entry is reachable by the root: through the root field, or because one of its
    # words starts with the root (Material matches query terms as prefixes).
    for docs_, root in ((with_perhitungan, "hitung"), (with_kenaikan, "naik")):
        for doc in docs_:
            words = _words(doc["title"] + " " + doc["text"])
            assert root in doc["akar"].split() or any(w.startswith(root) for w in words), \
                doc["location"]
        assert any(root in doc["akar"].split() for doc in docs_)


def _page_of(url: str) -> str:
    return urlparse(url).path.strip("/")


@pytest.mark.parametrize("query, derived", [("hitung", "perhitungan"), ("naik", "kenaikan")])
def test_browser_search_finds_derived_words(tab_cari, site_server, index, query, derived):
    def text_words(doc):
        return _words(doc["title"] + " " + doc["text"])

    with_derived = {
        d["location"].split("#")[0].strip("/") for d in index["docs"] if derived in text_words(d)
    }
    # Entries reachable only through the root field: no word in them starts with the query,
    # so stock Material (exact word + prefix) cannot find them.
    only_by_root = {
        d["location"].split("#")[0].strip("/")
        for d in index["docs"]
        if query in d["akar"].split() and not any(w.startswith(query) for w in text_words(d))
    }
    assert with_derived, f"tidak ada halaman berisi {derived!r}"

    found = {_page_of(u) for u in cari(tab_cari, site_server, query)}
    assert found & with_derived, f"{query!r} tidak menemukan halaman berisi {derived!r}: {found}"
    if only_by_root:
        assert found & only_by_root, f"{query!r} tidak menemukan {only_by_root} lewat kata dasar"

"""Trainer pages are written for readers (issue 13): no build notes, no literal "[ ]" boxes, no
field names or ISO dates in the prose."""

from __future__ import annotations

import re

import pytest

from pelatih_bantu import DOCS, teks_artikel

HALAMAN = sorted((DOCS / "pelatih").rglob("*.md"))


def _url(md):
    rel = md.relative_to(DOCS).with_suffix("")
    if rel.name == "index":
        rel = rel.parent
    return rel.as_posix() + "/"


@pytest.mark.parametrize("md", HALAMAN, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_trainer_page_prose_is_for_readers(built_site, md):
    teks = teks_artikel((built_site / _url(md) / "index.html").read_text(encoding="utf-8"))
    for larangan in ("[ ]", "[x]", "tanggal_hitung", "scripts/build", "mkdocs serve", "mkdocs build"):
        assert larangan not in teks, (md.name, larangan)
    iso = re.findall(r"\b\d{4}-\d{2}(?:-\d{2})?\b", teks)
    assert not iso, (md.name, iso[:5])

"""Print stylesheet: a guide page printed to PDF in headless Chromium holds the content only,
with collapsed blocks opened and the targets of external links written out."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

GUIDE_PAGE = "kenaikan-pangkat/"
HIDDEN_TEXT = "Isi blok lipat ini harus ikut tercetak"
EXTERNAL = "https://peraturan.go.id/contoh-cetak"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def printed(browser, site_server):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(site_server + GUIDE_PAGE)
        heading = page.evaluate(
            "() => { const h = document.querySelector('.md-content h1').cloneNode(true);"
            " h.querySelectorAll('.headerlink').forEach(a => a.remove());"
            " return h.textContent.trim() }"
        )
        nav_labels = page.eval_on_selector_all(
            ".md-nav--primary .md-nav__link", "els => els.map(e => e.textContent.trim())"
        )
        content_text = _norm(page.locator(".md-content").inner_text())
        # A closed <details> block and an external link, added to the real page, to check
        # that printing opens the one and writes out the other's address.
        page.evaluate(
            """([hidden, href]) => {
                const box = document.querySelector('.md-content .md-typeset');
                const d = document.createElement('details');
                d.innerHTML = '<summary>Ringkasan lipat</summary><p>' + hidden + '</p>';
                box.appendChild(d);
                const p = document.createElement('p');
                p.innerHTML = 'Sumber: <a href="' + href + '">peraturan</a>';
                box.appendChild(p);
            }""",
            [HIDDEN_TEXT, EXTERNAL],
        )
        pdf = page.pdf(format="A4", print_background=False)
        details_open_after = page.evaluate("() => document.querySelector('details:last-of-type').open")
    finally:
        context.close()
    reader = PdfReader(io.BytesIO(pdf))
    text = _norm(" ".join(p.extract_text() or "" for p in reader.pages))
    return {
        "reader": reader, "text": text, "heading": heading, "nav": nav_labels,
        "content": content_text, "details_open_after": details_open_after,
    }


def test_pdf_is_a4_and_holds_the_heading(printed):
    box = printed["reader"].pages[0].mediabox
    # A4 is 595 x 842 points.
    assert abs(float(box.width) - 595) < 3 and abs(float(box.height) - 842) < 3
    assert printed["heading"]
    assert printed["text"].startswith(_norm(printed["heading"]))


def test_pdf_has_no_navigation_header_or_search(printed):
    text = printed["text"]
    leaked = [
        label for label in printed["nav"]
        if label and label not in printed["content"] and label in text
    ]
    assert printed["nav"], "tidak ada navigasi untuk dibandingkan"
    assert not leaked, f"teks navigasi ikut tercetak: {leaked}"
    assert "Made with" not in text


def test_pdf_opens_collapsed_blocks_and_shows_link_targets(printed):
    assert HIDDEN_TEXT in printed["text"]
    assert EXTERNAL in printed["text"].replace(" ", "")
    # After printing the block is closed again, as the reader left it.
    assert printed["details_open_after"] is False

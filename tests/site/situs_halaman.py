"""Small helpers for the site tests: read the built HTML without extra dependencies, and type into
the site's search box."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest


class HeadInfo(HTMLParser):
    """Collects <html lang>, <title> and <meta name="description"> of one page."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.title = ""
        self.description = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and attrs.get("name") == "description":
            self.description = attrs.get("content")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def head_info(text: str) -> HeadInfo:
    parser = HeadInfo()
    parser.feed(text)
    parser.close()
    return parser


def abbr_titles(text: str) -> dict[str, str]:
    """{abbreviation: title} for every <abbr title=...> in the page."""
    found = {}
    for match in re.finditer(r'<abbr title="([^"]*)">([^<]+)</abbr>', text):
        found[html.unescape(match.group(2))] = html.unescape(match.group(1))
    return found


# Month names as the site writes dates (1 Juli 2026): for patterns over built pages.
BULAN_ID = "(Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)"


def pages_missing(built_site, site_pages, pattern: re.Pattern, check) -> list[str]:
    """Pages whose HTML does not match `pattern`; `check(url, match)` asserts on each match."""
    missing = []
    for url in site_pages:
        m = pattern.search(page_file(built_site, url).read_text(encoding="utf-8"))
        if m:
            check(url, m)
        else:
            missing.append(url)
    return missing


def page_file(built_site, url_path: str):
    """File in the built site for a URL path such as "" or "kenaikan-pangkat/"."""
    if url_path == "" or url_path.endswith("/"):
        return built_site / url_path / "index.html"
    return built_site / url_path


@pytest.fixture(scope="module")
def tab_cari(browser):
    """One tab for the module's searches, as a reader searches again: the search worker builds its
    index once (a fresh tab per query loads the page and builds it again, about 2 CPU-seconds)."""
    context = browser.new_context()
    context.set_default_timeout(20_000)
    yield context.new_page()
    context.close()


def cari(page, base_url: str, query: str) -> list[str]:
    """Type `query` into Material's search box on the home page; return the result links
    (absolute URLs). In a tab that searched before, the box is emptied first and the results of
    the earlier query are gone before the new one is typed."""
    if page.url != base_url:
        page.goto(base_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return !m || !/ditemukan|Tidak ada/.test(m.textContent) }"
    )
    # Typing key by key fires the input events Material's search listens to.
    box.press_sequentially(query, delay=40)
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && /ditemukan|Tidak ada/.test(m.textContent) }"
    )
    # Material renders results in batches as the list scrolls: scroll to the end first.
    for _ in range(10):
        more = page.evaluate(
            "() => { const w = document.querySelector('.md-search__scrollwrap');"
            " const before = document.querySelectorAll('.md-search-result__item').length;"
            " w.scrollTop = w.scrollHeight; return before }"
        )
        page.wait_for_timeout(100)
        if page.locator(".md-search-result__item").count() == more:
            break
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link", "els => els.map(e => e.href)"
    )
    return [urljoin(base_url, h) for h in hrefs]

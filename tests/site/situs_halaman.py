"""Small helpers for the site tests: read the built HTML without extra dependencies."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser


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

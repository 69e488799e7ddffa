"""Indonesian root words for Material's search.

lunr has no Indonesian stemmer and Material's `id` locale turns stemming off, so "hitung"
would not find "perhitungan". After the build this hook adds a field `akar` to every entry of
search/search_index.json holding the Sastrawi root of each word that differs from the word
itself. mkdocs.yml lists `akar` under `plugins: search: fields:`; Material's search worker
(assets/javascripts/workers/search.*.js) calls `this.field(name, ...)` for every configured
field, so lunr indexes it. The field is never shown, only searched.

Stems are cached per word (in memory and in .cache/akar-kata.json) to keep the build fast.
"""

from __future__ import annotations

import bisect
import html
import json
import os
import re

FIELD = "akar"

# Split like lunr does here (separator [\s\-]+): a hyphenated compound is two words.
_KATA = re.compile(r"[a-zA-Z\u00C0-\u024F]+")
_TAG = re.compile(r"<[^>]+>")

_stemmer = None
_cache: dict[str, str] = {}
_cache_path: str | None = None
_cache_loaded_size = 0


def _stem(word: str) -> str:
    global _stemmer
    hit = _cache.get(word)
    if hit is not None:
        return hit
    if _stemmer is None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        _stemmer = StemmerFactory().create_stemmer()
    root = _stemmer.stem(word)
    _cache[word] = root
    return root


def akar_kata(text: str) -> list[str]:
    """Roots of the words in `text` that search could not reach otherwise, in first-seen order.

    Material adds a trailing wildcard to every query term, so a root that is the start of some
    word of the entry ("hitung" beside "hitungan") is found already; only the others are kept,
    which keeps the index (downloaded by every visitor) small.
    """
    words: dict[str, None] = {}
    for match in _KATA.finditer(text):
        words.setdefault(match.group(0).lower(), None)
    ordered = sorted(words)
    roots: dict[str, None] = {}
    for word in words:
        if len(word) < 4:
            continue
        root = _stem(word)
        if not root or root == word:
            continue
        for part in root.split():
            if part in roots:
                continue
            at = bisect.bisect_left(ordered, part)
            if at < len(ordered) and ordered[at].startswith(part):
                continue  # reachable by prefix already
            roots[part] = None
    return list(roots)


def _load_cache(config) -> None:
    global _cache_path, _cache_loaded_size
    root = os.path.dirname(os.path.abspath(config["config_file_path"]))
    _cache_path = os.path.join(root, ".cache", "akar-kata.json")
    if _cache:
        return
    try:
        with open(_cache_path, encoding="utf-8") as handle:
            data = json.load(handle)
        if isinstance(data, dict):
            _cache.update({str(k): str(v) for k, v in data.items()})
    except (OSError, ValueError):
        pass
    _cache_loaded_size = len(_cache)


def _save_cache() -> None:
    global _cache_loaded_size
    if not _cache_path or len(_cache) == _cache_loaded_size:
        return
    try:
        folder = os.path.dirname(_cache_path)
        os.makedirs(folder, exist_ok=True)
        ignore = os.path.join(folder, ".gitignore")
        if not os.path.exists(ignore):
            # A cache, never to be committed.
            with open(ignore, "w", encoding="utf-8") as handle:
                handle.write("*\n")
        tmp = _cache_path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(_cache, handle, ensure_ascii=False, sort_keys=True)
        os.replace(tmp, _cache_path)
        _cache_loaded_size = len(_cache)
    except OSError:
        pass  # a cache we cannot write only costs speed


def on_config(config, **kwargs):
    _load_cache(config)
    return config


def on_post_build(config, **kwargs):
    path = os.path.join(config["site_dir"], "search", "search_index.json")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as handle:
        index = json.load(handle)
    for doc in index.get("docs", []):
        plain = html.unescape(_TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}"))
        doc[FIELD] = " ".join(akar_kata(plain))
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(index, handle, ensure_ascii=False, separators=(",", ":"))
    _save_cache()

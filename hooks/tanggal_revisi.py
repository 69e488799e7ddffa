""""Terakhir diperbarui" on every page, without a plugin.

One `git log` for the whole docs/ folder at start-up (fast: one process, not one per page);
a file that git does not know (new, uncommitted, or a build from a tarball) falls back to its
modification time. The date lands in page.meta and overrides/partials/source-file.html shows it.
"""

from __future__ import annotations

import datetime as _dt
import os
import subprocess

from calculator.dates import teks_tanggal  # the project's one date formatter

_tanggal_git: dict[str, str] = {}


def _tanggal_indonesia(iso: str) -> str:
    return teks_tanggal(_dt.date.fromisoformat(iso))


def on_config(config, **kwargs):
    _tanggal_git.clear()
    docs_dir = config["docs_dir"]
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=docs_dir,
            capture_output=True, text=True, check=True, timeout=10,
        ).stdout.strip()
        log = subprocess.run(
            ["git", "log", "--format=@%cs", "--name-only", "--", "."], cwd=docs_dir,
            capture_output=True, text=True, check=True, timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return config
    tanggal = None
    # Newest commit first: the first date seen for a path is its latest change.
    for baris in log.splitlines():
        if baris.startswith("@"):
            tanggal = baris[1:]
        elif baris and tanggal:
            _tanggal_git.setdefault(os.path.normpath(os.path.join(top, baris)), tanggal)
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    path = page.file.abs_src_path
    iso = None
    if path:
        path = os.path.normpath(os.path.realpath(path))
        iso = _tanggal_git.get(path)
        if iso is None and os.path.exists(path):
            iso = _dt.date.fromtimestamp(os.path.getmtime(path)).isoformat()
    if iso:
        page.meta.setdefault("tanggal_revisi_iso", iso)
        page.meta.setdefault("tanggal_revisi", _tanggal_indonesia(iso))
    return markdown

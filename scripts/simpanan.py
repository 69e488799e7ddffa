"""The build's cache: what a build makes once and then reuses.

It holds the precompiled Pyodide stdlib (about 20 s to make), the engine wheels, the pinned wheels
of Cek massal (downloaded from PyPI) and the offline kit's Go servers. There is one folder per
machine and user, like the caches of pip, npm and Go: `$PANDUAN_JF_CACHE`, else
`$XDG_CACHE_HOME/panduan-jf`, else `~/.cache/panduan-jf`.

Every entry is named by a hash of everything it is made from (sources, versions), so every copy of
the project on the machine shares it safely: a fresh clone, a worktree, the deploy test's copy of
the project with another koefisien. A fresh clone then builds in seconds, not in half a minute.
Entries are written under a temporary name in the same folder and then renamed, so builds running
side by side never read half a file. Delete the folder to start over; nothing else is lost.

What belongs to one checkout stays in its own `.cache/` (the search's root-word cache, the
gzip copies of `scripts/build`, the tests' build lock).
"""

from __future__ import annotations

import os
from pathlib import Path


def dasar() -> Path:
    """The cache folder (not created here)."""
    tetap = os.environ.get("PANDUAN_JF_CACHE")
    if tetap:
        return Path(tetap)
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(xdg) / "panduan-jf"


def folder(nama: str) -> Path:
    """One kind of entry: `folder("pyodide-stdlib")` (not created here)."""
    return dasar() / nama


def simpan(tujuan: Path, data: bytes) -> Path:
    """Write `data` as `tujuan` atomically: a temporary name in the same folder, then a rename."""
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    sementara = tujuan.with_name(f"{tujuan.name}.{os.getpid()}.part")
    sementara.write_bytes(data)
    os.replace(sementara, tujuan)
    return tujuan

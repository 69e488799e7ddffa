"""Guard for Pyodide's private options (maintainers/pyodide.md): an upgrade of the pinned Pyodide
must be checked by a person, and the names the site relies on must still exist in its JavaScript."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTE = ROOT / "maintainers" / "pyodide.md"
PYODIDE = ROOT / "node_modules" / "pyodide"
# Where the site and the build call Pyodide.
CALLERS = [ROOT / "docs" / "assets" / "kalkulator", ROOT / "scripts"]
PRIVATE = re.compile(r"\b(_[a-zA-Z]+Snapshot[a-zA-Z]*|makeMemorySnapshot)\b")


def _note_version() -> str:
    match = re.search(r"Checked with Pyodide `([^`]+)`", NOTE.read_text(encoding="utf-8"))
    assert match, f"{NOTE.name}: the line 'Checked with Pyodide `X`' is missing"
    return match.group(1)


def _used_names() -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for folder in CALLERS:
        for path in sorted(folder.rglob("*")):
            if path.suffix in {".js", ".mjs"} and path.is_file():
                for name in PRIVATE.findall(path.read_text(encoding="utf-8")):
                    used.setdefault(name, set()).add(path.relative_to(ROOT).as_posix())
    return used


def test_pinned_pyodide_is_the_version_the_note_was_checked_with():
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/pyodide"]["version"]
    assert pinned == _note_version(), (
        f"package-lock.json pins Pyodide {pinned}; maintainers/pyodide.md was checked with "
        f"{_note_version()}: follow 'When you upgrade Pyodide' there, then update its first line")
    installed = json.loads((PYODIDE / "package.json").read_text(encoding="utf-8"))["version"]
    assert installed == pinned, "node_modules is not the locked Pyodide: run bash scripts/setup"


def test_the_code_still_uses_private_names_and_the_note_lists_each():
    used = _used_names()
    # The scan sees the worker (guards this test from passing on nothing).
    assert {"_loadSnapshot", "_makeSnapshot", "makeMemorySnapshot"} <= set(used), used
    note = NOTE.read_text(encoding="utf-8")
    missing = sorted(name for name in used if f"`{name}`" not in note)
    assert not missing, f"private Pyodide names used but not in maintainers/pyodide.md: {missing}"


def test_every_private_name_exists_in_the_pinned_pyodide():
    javascript = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(PYODIDE.glob("pyodide*.*js")) if p.is_file())
    types = (PYODIDE / "pyodide.d.ts").read_text(encoding="utf-8")
    for name in _used_names():
        assert name in javascript, f"{name} is no longer in Pyodide's JavaScript"
        assert re.search(rf"\b{name}\??\s*[:(]", types), f"{name} is no longer declared in pyodide.d.ts"
    # loadPyodide still reads the snapshot option (its glue, not only the type declarations).
    assert re.search(r"\._loadSnapshot\b", (PYODIDE / "pyodide.mjs").read_text(encoding="utf-8"))

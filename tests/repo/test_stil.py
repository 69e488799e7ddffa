"""House style that a reviewer should not have to police by eye."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BARIS_MAKSIMUM = 140  # characters; the engine is read on laptops and in review diffs


def test_engine_lines_fit_on_a_screen():
    panjang = [f"{p.relative_to(ROOT)}:{n}" for p in sorted((ROOT / "calculator").rglob("*.py"))
               for n, baris in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
               if len(baris) > BARIS_MAKSIMUM]
    assert not panjang, panjang

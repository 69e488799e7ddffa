"""The machine's build cache (scripts/simpanan.py): where it is, and that entries are whole."""

from __future__ import annotations

from pathlib import Path

from scripts import simpanan


def test_the_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("PANDUAN_JF_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert simpanan.folder("luring-go") == tmp_path / "xdg" / "panduan-jf" / "luring-go"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "rumah"))
    assert simpanan.dasar() == tmp_path / "rumah" / ".cache" / "panduan-jf"
    monkeypatch.setenv("PANDUAN_JF_CACHE", str(tmp_path / "sendiri"))
    assert simpanan.folder("engine-wheel") == tmp_path / "sendiri" / "engine-wheel"


def test_an_entry_is_written_whole_and_leaves_no_temporary_file(tmp_path):
    tujuan = tmp_path / "a" / "b" / "x.zip"
    assert simpanan.simpan(tujuan, b"isi") == tujuan
    simpanan.simpan(tujuan, b"isi baru")  # a second build replaces it
    assert tujuan.read_bytes() == b"isi baru"
    assert sorted(p.name for p in tujuan.parent.iterdir()) == ["x.zip"]


def test_the_build_keeps_its_made_once_files_there():
    # The hooks and the kit tool take their folders from simpanan, not from the checkout.
    from hooks import massal_aset, pyodide_runtime
    from scripts import bundel
    for folder in (pyodide_runtime.CACHE_DIR, pyodide_runtime.WHEEL_CACHE_DIR, massal_aset.CACHE,
                   bundel.SIMPANAN_GO):
        assert Path(folder).parent == simpanan.dasar(), folder

"""hooks/ and scripts/ are packages: code imports them (and the engine) by name, never by file path."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ["hooks", "scripts", "tests", "benchmarks", "calculator"]
# Runs on a trainer's laptop from the offline ZIP, beside its own copy of static_server.py.
STANDALONE = {"scripts/bundel_luring/sajikan.py"}
BY_PATH = re.compile(r"spec_from_file_location|SourceFileLoader|runpy\.run_path|sys\.path\.(insert|append)\(")


def test_no_module_is_loaded_by_file_path():
    this = Path(__file__).resolve()
    found = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if path.resolve() == this or rel in STANDALONE:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if BY_PATH.search(line) and not line.lstrip().startswith("#"):
                    found.append(f"{rel}:{number}: {line.strip()}")
    assert not found, "import by name instead (from hooks import x / from scripts import y):\n" + "\n".join(found)


def test_hooks_and_scripts_are_packages_importable_by_name():
    import hooks
    import scripts
    from hooks import engine_render, trainer_quiz
    from scripts import static_server

    assert Path(hooks.__file__).parent == ROOT / "hooks"
    assert Path(scripts.__file__).parent == ROOT / "scripts"
    # The trainer hook uses the engine hook's public functions, not private ones.
    assert trainer_quiz.render_nilai is engine_render.render_nilai
    assert trainer_quiz.teks_angka is engine_render.teks_angka
    assert callable(static_server.StaticServer)


def test_every_mkdocs_hook_is_in_the_hooks_package():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = re.findall(r"^\s*-\s*(hooks/\w+\.py)\s*$", config, re.M)
    assert listed, "no hooks listed in mkdocs.yml"
    for rel in listed:
        assert (ROOT / rel).is_file(), rel

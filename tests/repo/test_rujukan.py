"""Every citation of a maintainers' document in code, tests and data resolves inside the repository
(maintainers/), and the known-bug list names tests that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAINTAINERS = ROOT / "maintainers"
SCANNED = ["calculator", "hooks", "scripts", "tests", "benchmarks", "docs/assets", "overrides", ".ci"]
SUFFIXES = {".py", ".js", ".mjs", ".toml", ".json", ".md", ".html", ".css", ".yml", ""}
# Documents that used to live outside the repository, by the names code cited them with.
CITED = re.compile(r"[\w./-]*\b(desain|aturan-angka-kredit|engine-bugs|catatan-teknis)\.md\b")
OUTSIDE = re.compile(r"/work/|\.\./shared/|shared/rujukan")


def _files():
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES and "__pycache__" not in path.parts:
                yield path
    yield from sorted(ROOT.glob("*.md"))
    yield ROOT / "mkdocs.yml"
    yield ROOT / "pyproject.toml"


def test_citations_point_into_maintainers():
    this = Path(__file__).resolve()
    bad = []
    for path in _files():
        if path.resolve() == this:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            where = f"{path.relative_to(ROOT)}:{number}"
            if OUTSIDE.search(line):
                bad.append((where, "points outside the repository", line.strip()[:120]))
            for match in CITED.finditer(line):
                cited = match.group(0)
                if not (cited.startswith("maintainers/") and (ROOT / cited).is_file()):
                    bad.append((where, f"write maintainers/{match.group(1)}.md", line.strip()[:120]))
    assert not bad, "\n".join(map(str, bad))


def test_maintainers_documents_exist():
    for name in ("desain.md", "aturan-angka-kredit.md", "engine-bugs.md", "pyodide.md"):
        assert (MAINTAINERS / name).is_file(), name
    assert (ROOT / "ARCHITECTURE.md").is_file()


def test_bug_numbers_cited_by_tests_are_in_the_bug_list():
    bugs = (MAINTAINERS / "engine-bugs.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| ([BR]\d+) \|", bugs, re.M))
    assert {"B4", "B5", "B6", "B7", "B8", "R1"} <= listed
    cited = set()
    for path in (ROOT / "tests").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "engine-bugs.md" in line:
                cited |= set(re.findall(r"\b([BR]\d+)\b", line))
    assert cited and cited <= listed, sorted(cited - listed)


def test_bug_list_names_tests_that_exist():
    bugs = (MAINTAINERS / "engine-bugs.md").read_text(encoding="utf-8")
    named = re.findall(r"`(?:tests/engine/)?(test_\w+\.py)::(test_\w+)`", bugs)
    assert len(named) >= 10
    missing = [(f, t) for f, t in named
               if not re.search(rf"^def {t}\(", (ROOT / "tests" / "engine" / f).read_text("utf-8"), re.M)]
    assert not missing, missing


def test_rules_reference_keeps_the_cited_section_numbers():
    # Code and data cite "rules reference section N"; fixtures "sections 2-6".
    text = (MAINTAINERS / "aturan-angka-kredit.md").read_text(encoding="utf-8")
    sections = set(re.findall(r"^## (\d+[a-z]?)\. ", text, re.M))
    cited = set()
    for path in _files():
        for match in re.finditer(r"[Rr]ules reference[^.\n]*?sections? (\d+[a-z]?)",
                                 path.read_text(encoding="utf-8", errors="replace")):
            cited.add(match.group(1))
    assert {"2", "3", "4", "5", "6", "6a", "7", "8"} <= sections
    assert cited <= sections, sorted(cited - sections)

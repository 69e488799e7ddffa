"""Dependencies: every import is declared, the lock covers pyproject.toml and is what is installed,
and the engine wheel from the standard build backend is reproducible."""

from __future__ import annotations

import ast
import importlib.metadata
import io
import re
import sys
import tomllib
import zipfile
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = ROOT / "requirements-dev.lock"
CODE = ["calculator", "hooks", "scripts", "tests", "benchmarks"]


def _declared() -> dict[str, Requirement]:
    reqs = [Requirement(r) for r in PYPROJECT["project"]["dependencies"]]
    reqs += [Requirement(r) for r in PYPROJECT["project"]["optional-dependencies"]["dev"]]
    return {canonicalize_name(r.name): r for r in reqs}


def _locked() -> dict[str, str]:
    pins = re.findall(r"^([A-Za-z0-9._-]+)==([^\s\\]+)", LOCK.read_text(encoding="utf-8"), re.M)
    return {canonicalize_name(name): version for name, version in pins}


def test_no_unused_extra():
    # `pyodide` (pyodide-build) was never installed by anything. `xlsx` is the engine's optional
    # openpyxl (calculator/massal.py); the dev extra holds it too, so the lock covers it.
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert set(extras) == {"dev", "xlsx"}
    assert {canonicalize_name(Requirement(r).name) for r in extras["xlsx"]} <= set(_declared())


def test_every_declared_dependency_is_locked_within_its_range():
    locked = _locked()
    for name, req in _declared().items():
        assert name in locked, f"{req} is not in requirements-dev.lock: run bash scripts/lock"
        assert req.specifier.contains(locked[name], prereleases=True), (
            f"lock has {name}=={locked[name]} outside {req}: run bash scripts/lock")


def test_every_locked_package_has_a_hash():
    text = LOCK.read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9._-]+==)", text.split("\n", 1)[1])
    pinned = [b for b in blocks if re.match(r"[A-Za-z0-9._-]+==", b)]
    assert len(pinned) == len(_locked()) > 20
    assert all("--hash=sha256:" in b for b in pinned)


def test_installed_packages_are_the_locked_versions():
    wrong = {}
    for name, version in _locked().items():
        try:
            have = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            have = None
        if have != version:
            wrong[name] = (have, version)
    assert not wrong, f"installed vs locked (run bash scripts/setup): {wrong}"


def _local_modules() -> set[str]:
    names = {"calculator", "hooks", "scripts", "tests", "benchmarks"}
    for folder in CODE:
        names |= {p.stem for p in (ROOT / folder).rglob("*.py")}
    return names


def _third_party_imports() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    local = _local_modules()
    for folder in CODE:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    mods = [a.name.split(".")[0] for a in node.names]
                elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                    mods = [node.module.split(".")[0]]
                else:
                    continue
                for mod in mods:
                    if mod not in sys.stdlib_module_names and mod not in local and mod != "__future__":
                        found.setdefault(mod, set()).add(path.relative_to(ROOT).as_posix())
    # Named in mkdocs.yml, imported by MkDocs: the theme and the Markdown extensions.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if re.search(r"^\s*name:\s*material\b", config, re.M):
        found.setdefault("material", set()).add("mkdocs.yml")
    for mod in set(re.findall(r"^\s*-\s*(pymdownx)\.", config, re.M)):
        found.setdefault(mod, set()).add("mkdocs.yml")
    return found


def test_every_import_is_declared():
    imports = _third_party_imports()
    assert {"mkdocs", "yaml", "pytest"} <= set(imports)  # the scan sees the code
    dists = importlib.metadata.packages_distributions()
    declared = set(_declared())
    undeclared = {}
    for mod, files in sorted(imports.items()):
        owners = {canonicalize_name(d) for d in dists.get(mod, [])}
        if not owners & declared:
            undeclared[mod] = (sorted(owners), sorted(files)[:3])
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


def _pyodide_runtime():
    from hooks import pyodide_runtime
    return pyodide_runtime


def test_engine_wheel_is_built_by_the_backend_and_reproducible(monkeypatch):
    runtime = _pyodide_runtime()
    name, first = runtime.build_wheel()
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # another time zone must not matter
    _, second = runtime.build_wheel()
    assert first == second, "two builds of the engine wheel differ"
    assert name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        infos = zf.infolist()
        wheel_meta = zf.read(next(i.filename for i in infos if i.filename.endswith(".dist-info/WHEEL")))
    assert b"Generator: setuptools" in wheel_meta  # the standard backend, not a hand-made zip
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    # File modes come from the copied sources, not the umask (RECORD has the backend's fixed 664).
    assert {(i.external_attr >> 16) & 0o777 for i in infos if not i.filename.endswith("RECORD")} == {0o644}
    names = [i.filename for i in infos]
    assert not [n for n in names if not n.startswith(("calculator/", "panduan_jf_kalkulator-"))]


def test_calculator_page_wheel_is_reproducible_and_a_part_of_the_engine():
    # Issue 15: the calculator page's wheel is the same package built by the same backend from
    # fewer of its files (hooks/pyodide_runtime.page_modules()): reproducible too, and without the
    # modules `import calculator` never reaches.
    runtime = _pyodide_runtime()
    name, first = runtime.build_wheel(lengkap=False)
    _, second = runtime.build_wheel(lengkap=False)
    assert first == second, "two builds of the calculator page's wheel differ"
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        names = set(zf.namelist())
        assert b"Generator: setuptools" in zf.read(next(n for n in names if n.endswith(".dist-info/WHEEL")))
    assert not names & {"calculator/massal.py", "calculator/tabel.py", "calculator/__main__.py"}
    assert {"calculator/__init__.py", "calculator/engine.py", "calculator/publik.py",
            "calculator/data/kenaikan.toml"} <= names
    modules = {p.name for p in runtime.page_modules()}
    assert {"massal.py", "tabel.py", "__main__.py"}.isdisjoint(modules)
    assert {f"calculator/{m}" for m in modules} <= names

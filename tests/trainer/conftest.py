"""Fixtures for the trainer kit tests (tests/trainer).

`trainer_site` is a copy of the shared `built_site` with the handouts and the offline bundle
made by the same scripts the build runs (scripts/bundel_pdf.py, scripts/bundel.py), so these
tests never write into the shared build.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def skrip_pdf():
    from scripts import bundel_pdf
    return bundel_pdf


@pytest.fixture(scope="session")
def skrip_bundel():
    from scripts import bundel
    return bundel


@pytest.fixture(scope="session")
def trainer_site(built_site, tmp_path_factory) -> Path:
    salinan = tmp_path_factory.mktemp("situs-pelatih") / "site"
    shutil.copytree(built_site, salinan)
    # The same commands as scripts/build, in their own processes (Playwright's sync API cannot
    # nest inside the session's `browser` fixture).
    for skrip in ("bundel_pdf.py", "bundel.py"):
        proses = subprocess.run([sys.executable, str(ROOT / "scripts" / skrip), str(salinan)],
                                cwd=ROOT, capture_output=True, text=True)
        if proses.returncode != 0:
            pytest.fail(f"scripts/{skrip} gagal:\n{proses.stdout}{proses.stderr}", pytrace=False)
    return salinan


@pytest.fixture(scope="session")
def trainer_server(site_server_factory, trainer_site) -> str:
    return site_server_factory(trainer_site).url

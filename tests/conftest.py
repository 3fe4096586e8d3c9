"""Shared fixtures: the real site, built by MkDocs from a copy of the project."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from project_copy import make_project  # noqa: F401  (tests build in copies)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_NAMES = sorted(p.name for p in SEEDS.iterdir() if p.name != "metadata.yml")


def mkdocs_build(project: Path, site_dir: Path, *args: str, env: dict | None = None, check: bool = True, strict: bool = True) -> subprocess.CompletedProcess:
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000", **(env or {}))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-d", str(site_dir), *args],
        cwd=project, env=environment, capture_output=True, text=True,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="session")
def site(project) -> Path:
    """The five seeds built into a site by `mkdocs build --strict`."""
    site_dir = project / "site"
    mkdocs_build(project, site_dir)
    return site_dir


@pytest.fixture(scope="session")
def bundle(project) -> Path:
    """The offline bundle, built by scripts/bundle.py from the project copy."""
    result = subprocess.run(
        [sys.executable, str(project / "scripts" / "bundle.py"), "--dist", str(project / "dist")],
        cwd=project, capture_output=True, text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "dist" / "lecun-meta-reader-offline.zip"


# Browser fixtures (one Playwright session for the whole run).
from browser import browser, context, page, server  # noqa: E402,F401

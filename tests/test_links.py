"""Every internal link and anchor of both variants resolves, checked by LinkChecker."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from serve import serve

RC = Path(__file__).parent / "linkcheckerrc"


def linkcheck(url: str) -> subprocess.CompletedProcess:
    checker = Path(sys.executable).parent / "linkchecker"
    return subprocess.run([str(checker), "-f", str(RC), "--no-status", "-o", "text", url], capture_output=True, text=True, timeout=600)


def test_hosted_site_links_and_anchors(site):
    with serve(site) as base:
        result = linkcheck(base)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 errors found" in result.stdout
    checked = int(re.search(r"(\d+) links in", result.stdout).group(1))
    assert checked > 100  # the whole site was crawled, both variants


def test_offline_bundle_links_and_anchors(bundle, tmp_path):
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(tmp_path)
    root = next(tmp_path.iterdir())
    with serve(root) as base:
        result = linkcheck(base + "index.html")
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 errors found" in result.stdout


def test_broken_anchor_is_caught(site, tmp_path):
    """The checker really checks anchors: a page with a dead #anchor fails."""
    import shutil
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="glossary/"', 'href="glossary/#no-such-term"', 1), encoding="utf-8")
    with serve(copy) as base:
        result = linkcheck(base)
    assert result.returncode != 0

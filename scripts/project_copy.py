"""A throwaway copy of the project to build in, so tests and the benchmark
never touch the working tree's docs/ or site/. Config and docs assets are
copied; code, templates and node_modules are linked."""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_project(target: Path, seeds: Path | None = None, jieba_from: Path | None = None) -> Path:
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    for name in ("scripts", "overrides", "node_modules"):
        if (ROOT / name).exists():
            (target / name).symlink_to(ROOT / name)
    shutil.copytree(seeds or ROOT / "seeds", target / "seeds")
    if jieba_from is not None and Path(jieba_from).is_dir():  # reuse a built dictionary
        shutil.copytree(jieba_from, target / "build" / "jieba")
    return target

"""Build the offline HTML bundle: the whole site for file://, zipped.

    python scripts/bundle.py [--name NAME] [--dist DIR]

Builds with Material's offline plugin (OFFLINE=true) into a temporary folder
and writes dist/NAME-offline.zip. The zip is reproducible: entries sorted,
timestamps fixed (SOURCE_DATE_EPOCH when set), permissions normalised. It is
written aside and renamed into place, so a failed build keeps the old one."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from pipeline.files import replacing

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NAME = "lecun-meta-reader"


def zip_timestamp() -> tuple:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, the zip epoch
    return time.gmtime(max(epoch, 315532800))[:6]


def write_zip(source: Path, target: Path, folder: str) -> None:
    stamp = zip_timestamp()
    with replacing(target) as temporary:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(p for p in source.rglob("*") if p.is_file()):
                info = zipfile.ZipInfo(f"{folder}/{path.relative_to(source).as_posix()}", date_time=stamp)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes(), compresslevel=9)


def build_bundle(name: str = DEFAULT_NAME, dist: Path = ROOT / "dist", config: Path = ROOT / "mkdocs.yml") -> Path:
    target = Path(dist) / f"{name}-offline.zip"
    with tempfile.TemporaryDirectory(prefix="offline-") as workdir:
        site = Path(workdir) / "site"
        environment = dict(os.environ, OFFLINE="true", NO_MKDOCS_2_WARNING="1")
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site)]
        result = subprocess.run(command, env=environment, cwd=Path(config).parent, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"offline build failed, {target} left as it was:\n{result.stdout}{result.stderr}")
        write_zip(site, target, f"{name}-offline")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--name", default=DEFAULT_NAME)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    target = build_bundle(args.name, args.dist)
    print(f"offline bundle: {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target} ({target.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()

"""`mkdocs serve`: how long until an edited seed shows."""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from pipeline.article import HANS
from pipeline.build import seed_files, slug_for
from pipeline.script import detect_script

from . import HOST, BenchError
from .mkdocs_runs import PYTHON, environment, reset_generated

SERVE_START_TIMEOUT = 900  # seconds for `mkdocs serve` to serve the first build
SERVE_EDIT_TIMEOUT = 180  # seconds for an edited seed to show
# What `make serve` runs: a rebuild renders only the pages whose generated
# Markdown changed (MkDocs' dirty builds; the pipeline rewrites only those).
SERVE_ARGS = ("serve", "--dirty")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 10) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, socket.timeout, OSError):
        return 0, ""


def _han_number(number: int) -> str:
    return "".join("零一二三四五六七八九"[int(digit)] for digit in str(number))


def measure_serve(project: Path, corpus: Path, work: Path, args: tuple = SERVE_ARGS) -> dict:
    seeds = work / "serve-seeds"
    shutil.copytree(corpus, seeds)
    reset_generated(project)
    # A seed in Simplified, shown as written on its zh-Hans page.
    target = next(path for path in seed_files(seeds) if detect_script(path.read_text(encoding="utf-8"))[0] == HANS)
    port = free_port()
    url = f"http://{HOST}:{port}/articles/{slug_for(target)}/"
    log_path = work / "serve.log"
    with open(log_path, "wb") as log_file:
        server = subprocess.Popen(
            [PYTHON, "-m", "mkdocs", *args, "-a", f"{HOST}:{port}"],
            cwd=project, env=environment(seeds), stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            start = time.perf_counter()
            while True:
                if server.poll() is not None:
                    raise BenchError(f"mkdocs serve exited with {server.returncode}: {log_path.read_text(errors='replace')[-3000:]}")
                status, _ = fetch(url, timeout=5)
                if status == 200:
                    break
                if time.perf_counter() - start > SERVE_START_TIMEOUT:
                    raise BenchError(f"mkdocs serve did not serve {url} within {SERVE_START_TIMEOUT} s")
                time.sleep(0.5)
            first_served = time.perf_counter() - start
            time.sleep(2.0)  # let the watcher settle after the first build
            sentence = f"实时预览检验句第{_han_number(time.time_ns() % 10**9)}号已经送达。"
            wanted = sentence[:-1]
            edit_start = time.perf_counter()
            with open(target, "a", encoding="utf-8") as stream:
                stream.write("\n" + sentence + "\n")
            seconds = None
            polls = 0
            while time.perf_counter() - edit_start < SERVE_EDIT_TIMEOUT:
                if server.poll() is not None:
                    raise BenchError(f"mkdocs serve exited with {server.returncode}: {log_path.read_text(errors='replace')[-3000:]}")
                status, body = fetch(url, timeout=5)
                polls += 1
                if status == 200 and wanted in body:
                    seconds = time.perf_counter() - edit_start
                    break
                time.sleep(0.1)
        finally:
            stop(server)
    rebuilds = re.findall(r"Documentation built in ([\d.]+) seconds", log_path.read_text(errors="replace"))
    return {
        "command": " ".join(["mkdocs", *args]),
        "seeds": len(seed_files(seeds)),
        "first_build_served_seconds": first_served,
        "edit_to_visible_seconds": seconds,
        "timed_out": seconds is None,
        "edited_seed": target.name,
        "url": url,
        "mkdocs_reported_build_seconds": [float(value) for value in rebuilds],
    }


def stop(process: subprocess.Popen) -> None:
    """End the server we started, and only it (its own process group)."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)

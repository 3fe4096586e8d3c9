"""Independent jobs on every core: seeds (build.py) and share cards (cards.py)."""
from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Callable


def map_in_order(function: Callable, jobs: list, per_worker: int) -> list:
    """function(job) for every job, in order; in one process unless there
    are at least `per_worker` jobs for each of two or more processes."""
    workers = min(os.cpu_count() or 1, len(jobs) // per_worker)
    if workers < 2:
        return [function(job) for job in jobs]
    # fork, so a worker starts with the tables and dictionaries this process
    # has loaded already; forkserver when other threads run (mkdocs serve
    # builds beside its server's), as forking those is unsafe
    method = "fork" if threading.active_count() == 1 else "forkserver"
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        return list(pool.map(function, jobs, chunksize=max(1, per_worker // 4)))

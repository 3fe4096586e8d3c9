"""Independent jobs on every core: workers start from this process (with what
it has loaded) unless other threads run, and results come back in order."""
import threading

from pipeline import workers

LOADED: list[str] = []  # what this process has set up at run time


def _loaded_in_worker(job: int) -> tuple[int, list[str]]:
    return job, list(LOADED)


def test_workers_start_with_what_this_process_loaded(monkeypatch):
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    # as in a build; the test session's own servers may be running beside it
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    LOADED.append("tables")
    try:
        assert workers.map_in_order(_loaded_in_worker, list(range(8)), 2) == [(job, ["tables"]) for job in range(8)]
    finally:
        LOADED.clear()


def test_workers_start_fresh_while_other_threads_run(monkeypatch):
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    LOADED.append("tables")
    other = threading.Event()
    thread = threading.Thread(target=other.wait)
    thread.start()
    try:
        # forking a process with other threads is unsafe: the workers import afresh
        assert workers.map_in_order(_loaded_in_worker, list(range(8)), 2) == [(job, []) for job in range(8)]
    finally:
        other.set()
        thread.join()
        LOADED.clear()

"""Serving a built site on 127.0.0.1 for the duration of a test."""
from __future__ import annotations

import contextlib
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        # LinkChecker paces itself at about 3 requests a second per host
        # unless the host answers with this header; the tests' own server
        # may be checked at full speed.
        self.send_header("LinkChecker", "allowed")
        super().end_headers()


@contextlib.contextmanager
def serve(directory: Path):
    """Yield the base URL of a server for `directory` on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()

"""Reading weight: one article page in chromium, served with gzip."""
from __future__ import annotations

import contextlib
import gzip
import http.server
import json
import mimetypes
import re
import threading
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from chromium import CHROMIUM, CHROMIUM_ARGS
from pipeline.article import HANS, HANT
from pipeline.publish import FULL_INDEX, INDEX, variant_folder

from . import HOST, BenchError

_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest")


class GzipServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path):
        self.root = root
        self.sent: dict[str, int] = {}
        self.lock = threading.Lock()
        super().__init__((HOST, 0), GzipHandler)

    def count(self, path: str, size: int) -> None:
        with self.lock:
            self.sent[path] = self.sent.get(path, 0) + size

    def reset(self) -> dict:
        with self.lock:
            sent, self.sent = self.sent, {}
        return sent


class GzipHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: GzipServer

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        self._serve(body=True)

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def _serve(self, body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        file = (self.server.root / path.lstrip("/")).resolve()
        if self.server.root not in (file, *file.parents):
            return self._reply(403, b"forbidden", "text/plain", body)
        if file.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            file = file / "index.html"
        if not file.is_file():
            return self._reply(404, (self.server.root / "404.html").read_bytes() if (self.server.root / "404.html").is_file() else b"", "text/html", body)
        return self._reply(200, file.read_bytes(), mimetypes.guess_type(file.name)[0] or "application/octet-stream", body, file.suffix)

    def _reply(self, status: int, data: bytes, content_type: str, body: bool, suffix: str = ".html") -> None:
        self.send_response(status)
        if content_type.startswith("text/") or content_type in ("application/javascript", "application/json"):
            content_type += "; charset=utf-8"
        self.send_header("Content-Type", content_type)
        if suffix in _COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if body:
            self.wfile.write(data)
            self.server.count(urlsplit(self.path).path, len(data))


@contextlib.contextmanager
def gzip_server(site_dir: Path):
    server = GzipServer(site_dir.resolve())
    thread = threading.Thread(target=server.serve_forever, name="bench-gzip-server", daemon=True)
    thread.start()
    try:
        yield server, f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def config_base(site_dir: Path, page: str, root_url: str) -> tuple[str, str]:
    """A page's __config base, and the search index URL Material derives from it:
    new URL("search/search_index.json", new URL(base, location)) (the first stage)."""
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.DOTALL)
    if not match:
        raise BenchError(f"no __config in {page}")
    base = json.loads(match.group(1))["base"]
    absolute = urljoin(root_url + page, base)
    return base, urlsplit(urljoin(absolute, INDEX)).path


def is_index(path: str) -> bool:
    """A search index's two stages, in any variant's folder."""
    return path.endswith((f"/{INDEX}", f"/{FULL_INDEX}"))


def measure_page_weight(site_dir: Path) -> dict:
    from playwright.sync_api import sync_playwright

    slug = sorted(path.name for path in (site_dir / "articles").iterdir() if path.is_dir())[0]
    pages = {HANS: f"articles/{slug}/", HANT: f"{HANT}/articles/{slug}/"}
    out: dict = {"article": slug, "variants": {}}
    with gzip_server(site_dir) as (server, root), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for variant, page_path in pages.items():
                context = browser.new_context()
                page = context.new_page()
                external: list[str] = []
                headers_total = {"bytes": 0}

                def route(route_, external=external):
                    if urlsplit(route_.request.url).hostname != HOST:
                        external.append(route_.request.url)
                        return route_.abort()
                    return route_.continue_()

                def on_response(response, headers_total=headers_total):
                    length = response.headers.get("content-length")
                    if length and not is_index(urlsplit(response.url).path):
                        headers_total["bytes"] += int(length)

                context.route("**/*", route)
                page.on("response", on_response)
                server.reset()
                page.goto(root + page_path, wait_until="networkidle", timeout=60_000)
                page.wait_for_timeout(1500)  # the search worker fetches its index after load
                with contextlib.suppress(Exception):
                    page.wait_for_load_state("networkidle", timeout=10_000)
                sent = server.reset()
                context.close()
                indexes = sorted(path for path in sent if is_index(path))
                weight = sum(size for path, size in sent.items() if not is_index(path))
                out["variants"][variant] = {
                    "page": page_path,
                    "compressed_bytes_without_index": weight,
                    "content_length_sum_seen_by_page": headers_total["bytes"],
                    "requests": len(sent),
                    "largest": sorted(sent.items(), key=lambda item: -item[1])[:5],
                    "search_index_requested": indexes,
                    "search_index_compressed_bytes": {path: sent[path] for path in indexes},
                    "external_requests_blocked": external,
                }
                base, index_url = config_base(site_dir, page_path, root)
                out["variants"][variant].update(config_base=base, index_url_from_config=index_url)
        finally:
            browser.close()
    out["own_index_only"] = all(
        figure["index_url_from_config"] == f"/{variant_folder(variant)}{INDEX}"
        and set(figure["search_index_requested"]) <= {f"/{variant_folder(variant)}{name}" for name in (INDEX, FULL_INDEX)}
        for variant, figure in out["variants"].items()
    )
    return out

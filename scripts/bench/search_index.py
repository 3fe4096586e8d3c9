"""What each variant's search index is made of, and what a reader downloads
before a first result: the index's first stage (what Material fetches),
Material's search worker and the lunr language files the worker loads for
`lang: zh` (lunr.stemmer.support and lunr.zh), compressed as a server would
send them; and the whole index that follows, against what a first result
would cost had it waited for the whole index."""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

from pipeline.article import VARIANTS
from pipeline.publish import FULL_INDEX, INDEX, SEPARATOR, WIRE_SEPARATOR, variant_folder

_TAG = re.compile(r"<[^>]+>")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]")
# Material's worker for `lang: [zh]`: the worker itself, then importScripts of these (relative to assets/javascripts/)
WORKER_FILES = ("workers/search.*.min.js", "lunr/min/lunr.stemmer.support.min.js", "lunr/min/lunr.zh.min.js")
try:  # brotli is optional: gzip is what every server offers
    import brotli
except ImportError:
    brotli = None


def compressed(data: bytes) -> dict:
    sizes = {"gzip": len(gzip.compress(data, compresslevel=6, mtime=0))}
    if brotli is not None:
        sizes["brotli"] = len(brotli.compress(data, quality=11))
    return sizes


def without_separators(value: str) -> str:
    return value.replace(SEPARATOR, "").replace(WIRE_SEPARATOR, "")


def plain(value: str) -> str:
    """What a reader sees of a field: no markup, no word separators."""
    return without_separators(_TAG.sub("", value))


def kind(location: str) -> str:
    if location.startswith("articles/"):
        return "articles"
    if location.startswith("glossary/") and location.split("#")[0] != "glossary/":
        return "term pages"
    if location.startswith("glossary/"):
        return "glossary"
    return "other pages"


def _bytes(value) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def breakdown(index_path: Path) -> dict:
    """Bytes of one index by part. `text_bytes` is the variant's article text
    as a reader sees it (titles and sections of its article pages, without
    markup or separators): the yardstick of the 1.5x target."""
    raw = index_path.read_bytes()
    index = json.loads(raw)
    docs = index["docs"]
    fields: Counter = Counter()
    separators = markup = 0
    by_kind: Counter = Counter()
    text_bytes = 0
    sentences: Counter = Counter()
    for doc in docs:
        by_kind[kind(doc["location"])] += _bytes(doc) + 1
        for name, value in doc.items():
            fields[name] += _bytes(value) + len(name) + 3  # "name": and the comma
        for name in ("title", "text"):
            value = doc.get(name, "")
            separators += len(value.encode("utf-8")) - len(without_separators(value).encode("utf-8"))
            markup += len(without_separators(value).encode("utf-8")) - len(plain(value).encode("utf-8"))
        if kind(doc["location"]) == "articles":
            text_bytes += len((plain(doc.get("title", "")) + plain(doc.get("text", ""))).encode("utf-8"))
        sentences.update(_SENTENCE.findall(plain(doc.get("text", ""))))
    repeated = sum(len(s.encode("utf-8")) * (n - 1) for s, n in sentences.items() if n > 1)
    total = len(raw)
    return {
        "bytes": total,
        "compressed": compressed(raw),
        "text_bytes": text_bytes,
        "over_text": total / text_bytes if text_bytes else None,
        # the articles' own entries: what grows with the corpus (the glossary's pages do not)
        "articles_over_text": by_kind["articles"] / text_bytes if text_bytes else None,
        "entries": len(docs),
        "fields": dict(fields),
        "config": _bytes(index["config"]),
        "word_separators": separators,
        "markup": markup,
        "repeated_sentences": repeated,
        "by_page_kind": dict(by_kind),
    }


def worker_files(site_dir: Path) -> dict[str, bytes]:
    scripts = Path(site_dir) / "assets" / "javascripts"
    found = {}
    for pattern in WORKER_FILES:
        for path in sorted(scripts.glob(pattern)):
            if path.suffix == ".js":
                found[str(path.relative_to(site_dir))] = path.read_bytes()
    return found


def first_result_bytes(site_dir: Path, index_bytes: bytes, page_assets: dict[str, bytes]) -> dict:
    """Everything fetched between opening the search and a first result."""
    files = dict(worker_files(site_dir), **page_assets, index=index_bytes)
    plain_total = sum(len(data) for data in files.values())
    totals = Counter()
    for data in files.values():
        totals.update(compressed(data))
    return {"bytes": plain_total, "compressed": dict(totals), "files": {name: len(data) for name, data in files.items()}}


def measure(site_dir: Path) -> dict:
    """Per variant: the whole index's breakdown, the download before a first
    result (the first stage), the whole index fetched after it, and the
    download a first result would wait for with the whole index instead."""
    site_dir = Path(site_dir)
    out = {}
    for variant in VARIANTS:
        whole = (site_dir / variant_folder(variant) / FULL_INDEX).read_bytes()
        first = (site_dir / variant_folder(variant) / INDEX).read_bytes()
        figures = breakdown(site_dir / variant_folder(variant) / FULL_INDEX)
        figures["before_first_result"] = first_result_bytes(site_dir, first, search_assets(site_dir))
        figures["whole_index_after"] = {"bytes": len(whole), "compressed": compressed(whole)}
        figures["before_first_result_with_whole_index"] = first_result_bytes(site_dir, whole, search_assets(site_dir))
        out[variant] = figures
    return out


def search_assets(site_dir: Path) -> dict[str, bytes]:
    """The site's own script every page loads for search (the query's script
    mapping), when there is one."""
    path = Path(site_dir) / "assets" / "search-query.js"
    return {"assets/search-query.js": path.read_bytes()} if path.is_file() else {}

"""MkDocs hook: runs the pipeline before MkDocs reads docs/, so plain
`mkdocs build` and `mkdocs serve` always publish the current seeds, and
finishes the built site once every variant is in it."""
from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline import search, write  # noqa: E402
from pipeline.build import build, fingerprint  # noqa: E402
from pipeline.publish import publish  # noqa: E402

log = logging.getLogger("mkdocs.hooks.pipeline")
IFRAME_WORKER_SHIM = "assets/javascripts/iframe-worker-shim.js"
_state: dict = {}


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


@event_priority(100)  # before static-i18n and search read the config
def on_config(config):
    root = _root(config)
    seeds_dir = (root / config.extra.get("seeds_dir", "seeds")).resolve()
    _state["seeds_dir"] = seeds_dir
    # static-i18n runs the whole build again for each further variant; the
    # pages are the same, so the pipeline runs once per change of input.
    key = (str(seeds_dir), str(config.docs_dir), fingerprint(seeds_dir))
    if _state.get("key") != key:
        _state["result"] = build(seeds_dir, Path(config.docs_dir), root / "build" / "reports", root / "build" / "cache")
        _state["key"] = key
    result = _state["result"]
    config.nav = [
        "index.md",
        {"文章": [write.article_path(article) for article in sorted(result.articles, key=lambda a: a.slug)]},
        write.GLOSSARY_PAGE,
    ]
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        # The offline plugin would load its iframe-worker shim from the
        # network; it skips that when a polyfill named after it is listed.
        polyfills = config.extra.setdefault("polyfills", [])
        if IFRAME_WORKER_SHIM not in polyfills:
            polyfills.append(IFRAME_WORKER_SHIM)
    if config.plugins.get("material/search") is not None:
        # Set on jieba itself rather than as search options, which would
        # reload the large dictionary for every variant.
        search.use_dictionaries(root / "build" / "jieba")
    return config


@event_priority(-200)  # after static-i18n merged the variants and after the offline plugin
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested build of one more variant; finish once, at the end
    site_dir = Path(config.site_dir)
    if IFRAME_WORKER_SHIM in config.extra.get("polyfills", []):
        shim = _root(config) / "node_modules" / "iframe-worker" / "shim" / "index.js"
        if not shim.is_file():
            raise PluginError(f"{shim} is missing: run `npm ci` (make setup does) to install the iframe-worker package")
        (site_dir / IFRAME_WORKER_SHIM).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shim, site_dir / IFRAME_WORKER_SHIM)
    publish(site_dir, config.site_url or "")


def on_serve(server, config, builder):
    # Editing a seed rebuilds the site; generated pages are rewritten only when
    # their text changes, so this never loops.
    if "seeds_dir" in _state:
        server.watch(str(_state["seeds_dir"]))
    here = Path(__file__).resolve().parent
    server.watch(str(here / "pipeline"))
    server.watch(str(here / "data"))
    return server

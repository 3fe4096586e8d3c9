"""MkDocs hook: runs the pipeline before MkDocs reads docs/, so plain
`mkdocs build` and `mkdocs serve` always publish the current seeds."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline.article import VARIANTS  # noqa: E402
from pipeline.build import build, summary  # noqa: E402
from pipeline import write  # noqa: E402

log = logging.getLogger("mkdocs.hooks.pipeline")
_seeds_dir: Path | None = None


@event_priority(100)  # before static-i18n reads the nav and the docs folder
def on_config(config):
    global _seeds_dir
    root = Path(config.config_file_path).resolve().parent
    _seeds_dir = (root / config.extra.get("seeds_dir", "seeds")).resolve()
    result = build(_seeds_dir, Path(config.docs_dir), root / "build" / "reports")
    for article in result.articles:
        log.info(summary(article))
    config.nav = [
        "index.md",
        {"文章": [write.article_path(article) for article in sorted(result.articles, key=lambda a: a.slug)]},
        write.GLOSSARY_PAGE,
    ]
    return config


def on_serve(server, config, builder):
    # Editing a seed rebuilds the site; the generated pages are only rewritten
    # when their text changes, so this never loops.
    if _seeds_dir is not None:
        server.watch(str(_seeds_dir))
    server.watch(str(Path(__file__).resolve().parent / "pipeline"))
    server.watch(str(Path(__file__).resolve().parent / "data"))
    return server

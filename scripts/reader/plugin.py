"""The reader plugin: runs the pipeline before MkDocs reads its pages, so
plain `mkdocs build` and `mkdocs serve` always publish the current seeds, and
finishes the built site once every variant is in it.

Generated pages, reports and the cache live in a folder of their own per
seeds folder (build/<seeds folder>/), and MkDocs reads its pages from there:
building another seeds folder never rewrites the default one's pages."""
from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import time
from pathlib import Path

import jinja2
import jinja2.bccache

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from pipeline import cards, feeds, navigation, search
from pipeline.article import HANS, HANT, SeedError
from pipeline.build import BuildResult, build
from pipeline.cache import fingerprint
from pipeline.config import load_data
from pipeline.publish import publish
from pipeline.schema import DataError

from .config import ReaderConfig

log = logging.getLogger("mkdocs.plugins.reader")
IFRAME_WORKER_SHIM = "assets/javascripts/iframe-worker-shim.js"
PERMALINK_TITLE = "Permanent link"  # Python-Markdown's toc default


def site_words(variant: str) -> dict:
    return load_data("site.yml")[variant]


def output_folder(root: Path, build_dir: Path, seeds_dir: Path) -> Path:
    """build/<key>/ for a seeds folder: its path under the project (seeds,
    tests-hostile), or its name and a hash of its full path when outside."""
    try:
        relative = seeds_dir.relative_to(root).as_posix()
        key = re.sub(r"[^A-Za-z0-9_.-]+", "-", relative).strip("-.") or "root"
    except ValueError:
        digest = hashlib.sha1(str(seeds_dir).encode("utf-8")).hexdigest()[:10]
        key = f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', seeds_dir.name).strip('-.') or 'seeds'}-{digest}"
    return build_dir / key


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once per process: MkDocs makes a new
    template environment for every build, static-i18n's pass over zh-Hant
    and every `mkdocs serve` rebuild included. Jinja checks each entry
    against its template's source, so an edited template compiles again."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class ReaderPlugin(BasePlugin[ReaderConfig]):
    def __init__(self):
        self.seeds_dir: Path | None = None
        self.output: Path | None = None
        self.assets_dir: Path | None = None
        self.result: BuildResult | None = None
        self.key: tuple | None = None
        self.depth = 0  # nesting of builds: static-i18n builds each further variant inside the first
        self.templates = CompiledTemplates()
        self.started_ns = 0  # when the outermost build began: pages written before it keep their share cards

    def on_startup(self, *, command, dirty):
        # Defining this keeps one plugin instance across `mkdocs serve`
        # rebuilds, so an unchanged seeds folder is not processed again.
        pass

    @property
    def docs_dir(self) -> Path:
        return self.output / "docs"

    @property
    def reports_dir(self) -> Path:
        return self.output / "reports"

    @event_priority(100)  # before static-i18n and search read the config
    def on_config(self, config):
        root = Path(config.config_file_path).resolve().parent
        self.seeds_dir = (root / self.config.seeds_dir).resolve()
        self.assets_dir = (root / self.config.assets_dir).resolve()
        build_dir = (root / self.config.build_dir).resolve()
        self.output = output_folder(root, build_dir, self.seeds_dir)
        strict = self.config.strict or bool(config.strict)
        # static-i18n runs the whole build again for each further variant; the
        # pages are the same, so the pipeline runs once per change of input.
        key = (str(self.seeds_dir), str(self.output), strict, fingerprint(self.seeds_dir))
        if self.key != key:
            try:
                self.result = build(self.seeds_dir, self.docs_dir, self.reports_dir,
                                    self.output / "cache" if self.config.cache else None, strict=strict)
            except (SeedError, DataError) as error:  # a bad seeds/metadata.yml or data file, named, without a traceback
                raise PluginError(str(error))
            if strict and self.result.errors:
                raise PluginError("; ".join(str(error) for error in self.result.errors))
            self._link_assets()
            self.key = key
        config.docs_dir = str(self.docs_dir)
        # sections, never every article: a page's sidebar stays the same size however many there are
        config.nav = navigation.site_nav(self.docs_dir / HANS)
        i18n = config.plugins.get("i18n")
        if i18n is not None:
            for language in i18n.config.languages:
                language.nav_translations = {**(language.nav_translations or {}), **navigation.nav_translations(language.locale)}
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
            search.use_dictionaries(build_dir / "jieba")
        return config

    def on_page_content(self, html, page, config, files):
        # Python-Markdown's toc titles every heading's permalink in English
        variant = HANT if page.file.src_uri.startswith(f"{HANT}/") else HANS
        return html.replace(f'title="{PERMALINK_TITLE}"', f'title="{site_words(variant)["permalink"]}"')

    def _link_assets(self) -> None:
        """The generated docs folder shows the project's own assets through a
        link, so an edited stylesheet needs no copy step."""
        if not self.assets_dir.is_dir():
            return
        link = self.docs_dir / self.assets_dir.name
        if link.is_symlink() and Path(os.readlink(link)) == self.assets_dir:
            return
        if link.is_symlink() or link.is_file():
            link.unlink()
        elif link.is_dir():
            shutil.rmtree(link)
        self.docs_dir.mkdir(parents=True, exist_ok=True)
        link.symlink_to(self.assets_dir, target_is_directory=True)

    def on_pre_build(self, config):
        if self.depth == 0:
            self.started_ns = time.time_ns()
        self.depth += 1

    def on_env(self, env, config, files):
        env.bytecode_cache = self.templates
        return env

    def on_build_error(self, error):
        self.depth = 0

    @event_priority(-200)  # after static-i18n built the other variants and after the offline plugin
    def on_post_build(self, config):
        self.depth -= 1
        if self.depth > 0:
            return  # a nested build of one more variant; finish once, at the end
        site_dir = Path(config.site_dir)
        offline = config.plugins.get("material/offline")
        if IFRAME_WORKER_SHIM in config.extra.get("polyfills", []):
            root = Path(config.config_file_path).resolve().parent
            shim = root / "node_modules" / "iframe-worker" / "shim" / "index.js"
            if not shim.is_file():
                raise PluginError(f"{shim} is missing: run `npm ci` (make setup does) to install the iframe-worker package")
            (site_dir / IFRAME_WORKER_SHIM).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shim, site_dir / IFRAME_WORKER_SHIM)
        publish(site_dir, config.site_url or "")
        feeds.write_feeds(self.result.articles, site_dir, config.site_url or "")
        if offline is None or not offline.config.enabled:  # a bundle read from file:// is never shared
            try:
                drawn = cards.draw_cards(site_dir, config.site_url or "", self.output / "cards" if self.config.cache else None,
                                         written_since_ns=self.started_ns)
            except cards.CardError as error:
                raise PluginError(str(error))
            log.info("Share cards: %(drawn)d drawn, %(cached)d from the cache, %(kept)d kept (page not rebuilt)", drawn)

    def on_serve(self, server, config, builder):
        # MkDocs watches the docs folder it read, here the generated one; the
        # pipeline rewrites that itself, so watch its inputs instead: the
        # seeds, the project's assets, the pipeline's code and data.
        server.unwatch(str(self.docs_dir))
        server.watch(str(self.seeds_dir))
        if self.assets_dir.is_dir():
            server.watch(str(self.assets_dir))
        scripts = Path(__file__).resolve().parent.parent
        server.watch(str(scripts / "pipeline"))
        server.watch(str(scripts / "data"))
        return server

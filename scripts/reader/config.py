"""Settings of the reader plugin, as written under `plugins: - reader:` in
mkdocs.yml. Relative paths resolve against mkdocs.yml's folder."""
from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ReaderConfig(Config):
    # The seed files to publish; another folder builds with no code change.
    seeds_dir = c.Type(str, default="seeds")
    # Everything the build makes besides the site: one folder per seeds
    # folder beneath it (generated pages, reports, cache), so building one
    # folder never touches another's output.
    build_dir = c.Type(str, default="build")
    # Static pages and assets of the project's own, served beside the
    # generated pages (the generated docs folder links to it).
    assets_dir = c.Type(str, default="docs/assets")
    # Reuse processed seeds whose bytes, metadata, code and data are unchanged.
    cache = c.Type(bool, default=True)
    # A seed that cannot be built fails the build instead of being skipped
    # with a warning; `mkdocs build --strict` turns strict on as well.
    strict = c.Type(bool, default=False)

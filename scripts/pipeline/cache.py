"""The build cache, after pelican's cache.py: a finished article is kept per
seed, keyed by what it was built from, so an unchanged seed is not processed
again. It is kept with its rendered pages and what later steps derive from
it (Article.pages, Article.derived); the pages that list articles are kept
under the keys of the articles they list (build.site_pages), so a rebuild
of the same articles assembles nothing.

key    the stamp, the strict setting, the seed's name and bytes, and its
       seeds/metadata.yml entry
load   the article stored under a key, or None (missing or damaged: rebuilt)
store  an article under its key, written whole (a seed built on another core:
       by that process, write_entry)
prune  entries no build of this run asked for
named  the key of a value derived from several articles (stored with SHARED):
       the pairs of bodies compared, the site-wide pages

The stamp covers the pipeline's code and data and the stage list itself
(stages.STAGES): a change to any of them invalidates every entry.
fingerprint() is its cheap sibling over the same files plus the seeds
(sizes and times, not contents), for the plugin to tell whether to rebuild."""
from __future__ import annotations

import copy
import hashlib
import json
import pickle
from pathlib import Path

from .article import Article, SeedError
from .config import DATA_DIR
from .files import write_atomic
from .stages import STAGES

CODE_DIR = Path(__file__).resolve().parent
SUFFIX = ".pickle"
SHARED = ".shared"  # values derived from several articles, under named() keys
# Fields a rebuild from the cache seldom reads (its pages and what later
# steps derive are kept apart): stored packed, unpickled only when read,
# since most of the time of loading an entry is making their many objects.
LAZY = ("body", "blocks", "variants")


def sources() -> list[tuple[str, Path]]:
    """What every article depends on besides its seed: the pipeline's code and
    data, each named relative to its folder so the order and the stamp do not
    depend on where the checkout lives."""
    named = [("code/" + path.name, path) for path in CODE_DIR.glob("*.py")]
    named += [("data/" + path.relative_to(DATA_DIR).as_posix(), path) for path in DATA_DIR.rglob("*") if path.is_file()]
    return sorted(named)


def stamp() -> str:
    """Hash of the code, the data and the stage order."""
    digest = hashlib.sha256(" > ".join(stage.name for stage in STAGES).encode() + b"\0")
    for name, path in sources():
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def fingerprint(seeds_dir: Path) -> tuple:
    """Names, sizes and modification times of the seeds and of the pipeline's
    code and data: what a rebuild depends on."""
    if not Path(seeds_dir).is_dir():
        return ()
    paths = [path for path in Path(seeds_dir).glob("*") if path.is_file()] + [path for _, path in sources()]
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in paths))


class Cache:
    """One build's view of the cache folder: the entries it used are kept by prune()."""

    def __init__(self, folder: Path, strict: bool = False):
        self.folder = Path(folder)
        self.version = stamp() + ("strict" if strict else "")
        self.used: set[str] = set()

    def key(self, path: Path, entry: dict | None) -> str:
        try:
            raw = Path(path).read_bytes()
        except OSError as error:
            raise SeedError(path, f"cannot be read: {error.strerror}")
        return hashlib.sha256(
            self.version.encode() + Path(path).name.encode() + b"\0" + raw + json.dumps(entry, sort_keys=True, default=str).encode()
        ).hexdigest()

    def named(self, *parts: str) -> str:
        """The key of a value derived from several articles (duplicates.publish_once, build.site_pages)."""
        digest = hashlib.sha256(self.version.encode())
        for part in parts:
            digest.update(b"\0" + part.encode())
        return digest.hexdigest()

    def _file(self, key: str, suffix: str = SUFFIX) -> Path:
        self.used.add(key + suffix)
        return self.folder / (key + suffix)

    def load(self, key: str, suffix: str = SUFFIX):
        """The article stored under key (or, with SHARED, a value named() keys)."""
        cached = self._file(key, suffix)
        if not cached.is_file():
            return None
        try:
            with open(cached, "rb") as stream:
                return pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None  # a damaged entry is rebuilt

    def has(self, key: str, suffix: str = SUFFIX) -> bool:
        return self._file(key, suffix).is_file()

    def store(self, key: str, value, suffix: str = SUFFIX) -> None:
        write_entry(self.entry(key, suffix), value)

    def entry(self, key: str, suffix: str = SUFFIX) -> Path:
        """The file of an entry this build stores, or has another process store (write_entry)."""
        return self._file(key, suffix)

    def prune(self) -> list[str]:
        """Remove the entries this build did not use; returns their names."""
        if not self.folder.is_dir():
            return []
        stale = sorted(path.name for suffix in (SUFFIX, SHARED) for path in self.folder.glob("*" + suffix) if path.name not in self.used)
        for name in stale:
            (self.folder / name).unlink()
        return stale


def write_entry(path: Path, value) -> None:
    """Store a value (an article packed) in the entry file Cache.entry() named."""
    if isinstance(value, Article):
        value = packed(value)
    write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def packed(article: Article) -> Article:
    """A copy of the article whose LAZY fields are one pickle (Article.__getattr__
    unpacks it); one still packed, none of them read since, keeps its pickle."""
    copied = copy.copy(article)
    if "packed" in copied.__dict__ and not any(name in copied.__dict__ for name in LAZY):
        return copied
    fields = {name: getattr(copied, name) for name in LAZY}  # an article packed and read since unpacks first
    for name in LAZY:
        del copied.__dict__[name]
    copied.__dict__["packed"] = pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL)
    return copied

"""The data passed forward through the pipeline: a seed becomes an article."""
from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path

HANS = "zh-Hans"
HANT = "zh-Hant"
VARIANTS = (HANS, HANT)


# Inline nodes. Text is the only node whose content is article prose; every
# later stage (typography, term linking, conversion) rewrites Text only, so
# URLs, anchors and markup can never be touched by accident.
@dataclass
class Text:
    text: str


@dataclass
class Strong:
    children: list


@dataclass
class Sup:
    text: str


@dataclass
class Link:
    children: list
    url: str


@dataclass
class TermLink:
    """A mention of a glossary term; `first` marks the mention the glossary points back to."""
    text: str
    term_id: str
    first: bool = True


@dataclass
class Converted:
    """Converted text whose words (not only characters) differ from the
    original's; `original` is the wording in the original script."""
    text: str
    original: str


def inline_text(nodes: list) -> str:
    """The words of inline nodes as a reader sees them (superscripts aside)."""
    parts = []
    for node in nodes:
        if isinstance(node, (Text, TermLink, Converted)):
            parts.append(node.text)
        elif isinstance(node, (Strong, Link)):
            parts.append(inline_text(node.children))
    return "".join(parts)


@dataclass
class Block:
    kind: str  # heading | paragraph | quote | list | references | video
    inlines: list = field(default_factory=list)
    level: int = 0
    items: list = field(default_factory=list)  # list of inline lists (list, references)
    url: str = ""  # video
    anchor: str = ""  # heading id, from the original's words, the same in both variants
    line: int = 0  # the seed line the block starts at (0: none)

    @property
    def text(self) -> str:
        return inline_text(self.inlines) + "".join(inline_text(item) for item in self.items)


@dataclass
class Removal:
    """One line (or inline fragment) that cleaning took out, and the rule that did it."""
    line: int
    text: str
    rule: str
    evidence: str = ""  # why the rule fired: cues, zone, score


@dataclass
class Seed:
    path: Path
    raw: bytes  # the file as read; the read stage empties it once decoded (not kept in the cache)
    text: str = ""
    encoding: str = ""


@dataclass
class Article:
    seed: Seed
    slug: str
    script: str = HANS  # the script the seed is written in
    script_report: str = ""  # set when the text mixes both scripts
    region: str = ""  # usage of the original: "CN", "TW" or "HK" (set by the script stage)
    meta: dict = field(default_factory=dict)  # title, outlet, author, date, source_url, ...
    body: list = field(default_factory=list)  # (line number, text) pairs left after cleaning
    blocks: list = field(default_factory=list)
    removed: list = field(default_factory=list)  # Removal
    variants: dict = field(default_factory=dict)  # variant -> list[Block]
    variant_meta: dict = field(default_factory=dict)  # variant -> meta in that script
    fidelity: object = None  # fidelity.Fidelity for Traditional originals
    provenance: dict = field(default_factory=dict)  # meta field -> where its value came from
    evidence: dict = field(default_factory=dict)  # what cleaning saw: zones, headline, lines near the chrome threshold
    changes: list = field(default_factory=list)  # (line, before, after, reason): characters the script stage converted
    warnings: list = field(default_factory=list)  # lines the conservation check had to put back, and why
    derived: dict = field(default_factory=dict)  # what later steps work out from the finished article, once (derive()), kept with it in the cache
    pages: dict = field(default_factory=dict)  # variant -> (what it shows of the article, Markdown): rendered once, kept in the cache (write.keep_pages)

    @property
    def title(self) -> str:
        return self.meta.get("title", "")

    def __getattr__(self, name: str):
        # Only reached for a field not set: one the cache kept packed
        # (cache.LAZY), unpickled the first time it is read.
        packed = self.__dict__.get("packed")
        if packed is None or name not in self.__dataclass_fields__:
            raise AttributeError(name)
        del self.__dict__["packed"]
        self.__dict__.update(pickle.loads(packed))
        return getattr(self, name)

    def derive(self, name, compute):
        """compute(), worked out once per article: a rebuild from the cache reuses it."""
        if name not in self.derived:
            self.derived[name] = compute()
        return self.derived[name]


class SeedError(Exception):
    """A seed that cannot be built; the message names the file and the reason."""

    def __init__(self, path: Path, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")

    def __reduce__(self):  # raised in another process (build.py), it crosses back whole
        return (SeedError, (self.path, self.reason))

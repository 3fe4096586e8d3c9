"""Variants: the seed's own script is kept as it is; the other script is made
by OpenCC running the project's own configurations (data/conversion/*.json).

Each configuration is OpenCC's s2twp, tw2sp or hk2s chain with the project's
text dictionaries put in front: the glossary's per-variant forms, names,
ordinary words kept from OpenCC's Taiwan/IT tables, and regional vocabulary.
Conventions of those files (resolved here, then handed to OpenCC as they are):
  - a text dictionary is `source<TAB>target [other readings]`, `#` comments;
    OpenCC takes the first reading, the others feed the ambiguity report;
  - `X.targets.txt` is made from X.txt: every target mapped to itself, put in
    front of a later step so that step cannot rewrite the project's choice;
  - `X.reversed.txt` is X.txt read the other way (names in both directions);
  - `glossary.txt` is made from glossary.yml's forms for the config's direction;
  - `.ocd2` files are OpenCC's own, from the installed package.

Per-article overrides (seeds/metadata.yml `conversion`) take precedence over
every dictionary, then the context rules of data/variants.yml. Only Text
nodes are converted, so URLs and anchors never are; spans whose words (not
only characters) changed become Converted nodes carrying the original wording."""
from __future__ import annotations

import bisect
import copy
import functools
import json
import re
import tempfile
from pathlib import Path

import ahocorasick
import cydifflib  # difflib's algorithm compiled: the same opcodes, several times faster
import jieba
import opencc

from .article import HANS, HANT, Article, Block, Converted, Link, Strong, TermLink, Text
from .config import DATA_DIR, load_data
from .glossary import variant_forms
from .text import HAN, HAN_CHARACTER as _HAN

CONVERSION_DIR = DATA_DIR / "conversion"
OPENCC_DIR = Path(opencc.__file__).resolve().parent / "clib" / "share" / "opencc"
TEXT_FIELDS = ("title", "outlet", "author", "description", "place", "source_name")
# OpenCC's own configurations, named here only; other modules take them from here.
# Plain OpenCC per target variant: the baseline the evaluation compares
# against, and the Traditional words of search's dictionary.
DIRECTION = {HANT: "s2twp", HANS: "tw2sp"}
# The script alone, in Taiwan's character forms: what a "changed word" is
# measured against, and how the script stage tells the scripts apart.
SCRIPT_ONLY = {HANT: "s2tw", HANS: "tw2s"}
# OpenCC's character table alone, no regional forms.
CHARACTERS_ONLY = {HANT: "s2t", HANS: "t2s"}
# Simplified characters in the forms of an original's region.
REGION_FORMS = {"TW": "s2tw", "HK": "s2hk"}
# The project's configuration -> OpenCC's own configuration that changes the
# script alone (no regional words: what a "changed word" is measured against),
# and which side of the conversion is Simplified (jieba finds its word bounds).
CONFIGS = {
    "s2tw": (SCRIPT_ONLY[HANT], "source"),
    "tw2s": (SCRIPT_ONLY[HANS], "target"),
    "hk2s": ("hk2s", "target"),
}
_LATIN = re.compile("[A-Za-z]")


def config_for(source_script: str, region: str = "") -> str:
    """The configuration converting an original: a Simplified original's
    zh-Hant variant is Taiwan usage; a Traditional original converts with the
    tables of its region ("" until the script stage knows it: Taiwan)."""
    if source_script == HANS:
        return "s2tw"
    return "hk2s" if region == "HK" else "tw2s"


# --- dictionaries -------------------------------------------------------------------

def read_dictionary(path: Path) -> dict[str, list[str]]:
    """source -> readings (first is the one used), from a text dictionary file."""
    entries: dict[str, list[str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        source, _, readings = line.partition("\t")
        if not readings.strip() or not source.strip():
            raise ValueError(f"{path.name}:{number}: expected source<TAB>target, got {line!r}")
        entries.setdefault(source.strip(), readings.split())
    return entries


def _glossary_entries(config: str) -> dict[str, list[str]]:
    return {source: [target] for source, target in variant_forms(HANT if config == "s2tw" else HANS).items()}


def dictionary(config: str, name: str) -> dict[str, list[str]]:
    """The entries of one dictionary file a configuration names, generated ones included."""
    if name.endswith(".targets.txt"):
        base = dictionary(config, name[: -len(".targets.txt")] + ".txt")
        return {readings[0]: [readings[0]] for readings in base.values()}
    if name.endswith(".reversed.txt"):
        base = dictionary(config, name[: -len(".reversed.txt")] + ".txt")
        reversed_entries: dict[str, list[str]] = {}
        for source, readings in base.items():
            reversed_entries.setdefault(readings[0], [source])  # the first spelling listed is the usual one
        return reversed_entries
    if name == "glossary.txt":
        return _glossary_entries(config)
    return read_dictionary(CONVERSION_DIR / name)


def _dictionary_nodes(node):
    if isinstance(node, dict):
        if "file" in node:
            yield node
        for value in node.values():
            yield from _dictionary_nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _dictionary_nodes(value)


def own_dictionaries(config: str) -> list[str]:
    """The project's text dictionaries of a configuration's first step, in precedence order."""
    data = json.loads((CONVERSION_DIR / f"{config}.json").read_text(encoding="utf-8"))
    first = data["conversion_chain"][0]
    return list(dict.fromkeys(node["file"] for node in _dictionary_nodes(first) if node["type"] == "text"))


def load_opencc(config: str) -> opencc.OpenCC:
    """OpenCC running data/conversion/<config>.json, its files resolved."""
    data = json.loads((CONVERSION_DIR / f"{config}.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="conversion-") as folder:
        written: dict[str, str] = {}
        for node in _dictionary_nodes(data):
            name = node["file"]
            if node["type"] == "text":
                if name not in written:
                    entries = dictionary(config, name)
                    path = Path(folder) / name
                    lines = [f"{source}\t{' '.join(readings)}" for source, readings in sorted(entries.items())]
                    # OpenCC splits readings on spaces: a form holding one would be cut.
                    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
                    written[name] = str(path)
                node["file"] = written[name]
            else:
                node["file"] = str(OPENCC_DIR / name)
        resolved = Path(folder) / f"{config}.json"
        resolved.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return opencc.OpenCC(str(resolved))  # dictionaries are read now; the files may go


@functools.lru_cache(maxsize=None)
def engine(config: str) -> opencc.OpenCC:
    """A project configuration, or a shipped one by name (s2twp, t2s, ...)."""
    if (CONVERSION_DIR / f"{config}.json").is_file():
        return load_opencc(config)
    return opencc.OpenCC(config)


@functools.lru_cache(maxsize=None)
def readings(config: str) -> dict[str, list[str]]:
    """Every entry of the project's dictionaries (first file wins) plus the
    risky entries OpenCC's own tables hold: source -> readings."""
    out: dict[str, list[str]] = {}
    for name in own_dictionaries(config):
        for source, values in dictionary(config, name).items():
            out.setdefault(source, values)
    return out


@functools.lru_cache(maxsize=None)
def risky(config: str) -> dict[str, list[str]]:
    """Entries an editor should check: OpenCC's or the project's entries known
    to be wrong in some contexts (data/conversion/<config>-risky.txt), and the
    project's entries that offer more than one reading."""
    path = CONVERSION_DIR / f"{config}-risky.txt"
    out = read_dictionary(path) if path.is_file() else {}
    for source, values in readings(config).items():
        if len(values) > 1:
            out.setdefault(source, values)
    return out


# --- the converter ----------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def shipped(name: str) -> opencc.OpenCC:
    """One of OpenCC's own configurations, by name."""
    return opencc.OpenCC(name)


@functools.lru_cache(maxsize=None)
def characters(config: str) -> opencc.OpenCC:
    """The script alone, one character at a time (length-preserving)."""
    return engine("s2t-characters" if config.startswith("s2") else "t2s-characters")


@functools.lru_cache(maxsize=1)
def _jieba_dictionary() -> tuple[dict, int]:
    """jieba's own dictionary (frequencies, total), loaded once: reading it
    costs a third of a second, and each configuration's tokenizer starts
    from a copy of it."""
    words = jieba.Tokenizer()
    words.initialize()
    return words.FREQ, words.total


@functools.lru_cache(maxsize=None)
def tokenizer(config: str) -> jieba.Tokenizer:
    """jieba over Simplified text, knowing the project's dictionary words, so
    a changed span widens to the whole entry that changed it."""
    words = jieba.Tokenizer()
    frequencies, total = _jieba_dictionary()
    words.FREQ, words.total, words.initialized = dict(frequencies), total, True
    simplify = characters("tw2s").convert
    for source, values in readings(config).items():
        words.add_word(source if config == "s2tw" else simplify(source))
        if config == "s2tw":
            continue
        words.add_word(values[0])
    return words


@functools.lru_cache(maxsize=65536)
def word_bounds(text: str, config: str) -> tuple[int, ...]:
    """Word boundaries of Simplified text (no guessing of new words); memoised,
    as jieba costs more than the conversion and a window's words recur."""
    bounds = [0]
    for _, _, end in tokenizer(config).tokenize(text, HMM=False):
        bounds.append(end)
    return tuple(bounds)


def windowed_bounds(length: int, opcodes: list, bounds_of, margin: int = 12) -> list[int]:
    """Word boundaries near the changes only (jieba over the whole text costs
    more than the conversion); a window's edges are kept as boundaries, far
    enough from any change not to matter."""
    windows: list[list[int]] = []
    for tag, a0, a1, _, _ in opcodes:
        if tag == "equal":
            continue
        start, end = max(a0 - margin, 0), min(a1 + margin, length)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    bounds = {0, length}
    for start, end in windows:
        bounds.update(start + bound for bound in bounds_of(start, end))
    return sorted(bounds)


def changed_spans(source: str, baseline: str, converted: str, bounds, convert=None) -> list[tuple[int, int, int, int]]:
    """(source start, end, converted start, end) of each run of whole words
    where the conversion differs from the script-only baseline (aligned with
    source character by character). `bounds` lists word boundaries, or
    computes them for a piece of the Simplified side. A change is owned by
    the words it touches; text inserted between two words goes to the word
    whose own conversion begins (or else ends) with it."""
    opcodes = [op for op in cydifflib.SequenceMatcher(None, baseline, converted, autojunk=False).get_opcodes()]
    if callable(bounds):
        bounds = windowed_bounds(len(source), opcodes, bounds)
    words = list(zip(bounds, bounds[1:])) or [(0, len(source))]
    if words[-1][1] < len(source):
        words.append((words[-1][1], len(source)))
    starts = [start for start, _ in words]

    def word_at(point: int) -> int:
        return max(bisect.bisect_right(starts, point) - 1, 0)

    groups: list[list] = []  # [first word, last word, owned opcodes]
    for op in opcodes:
        tag, a0, a1, b0, b1 = op
        if tag == "equal":
            continue
        if a1 > a0:
            first, last = word_at(a0), word_at(a1 - 1)
        else:
            index = word_at(a0)
            if a0 >= len(source):
                index = len(words) - 1
            elif a0 == words[index][0] and index > 0:
                inserted = converted[b0:b1]
                right, left = words[index], words[index - 1]
                own = convert or (lambda text: text)
                if not own(source[right[0]:right[1]]).startswith(inserted) and own(source[left[0]:left[1]]).endswith(inserted):
                    index -= 1
            first = last = index
        if groups and first <= groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], last)
            groups[-1][2].append(op)
        else:
            groups.append([first, last, [op]])

    def position(point: int, owned: list, at_end: bool) -> int:
        found = []
        for tag, a0, a1, b0, b1 in opcodes:
            if tag == "equal" and (a0 < point <= a1 if at_end else a0 <= point < a1):
                found.append(b0 + point - a0)
        for tag, a0, a1, b0, b1 in owned:
            if at_end and a1 == point:
                found.append(b1)
            elif not at_end and a0 == point:
                found.append(b0)
        if not found:
            return len(converted) if at_end else 0
        return max(found) if at_end else min(found)

    spans = []
    for first, last, owned in groups:
        start, end = words[first][0], words[last][1]
        spans.append((start, end, position(start, owned, False), position(end, owned, True)))
    return spans


def convert_each(engine: opencc.OpenCC, texts: list[str]) -> list[str]:
    """engine.convert(text) for each text, in one call: a call costs more
    than converting a short text. No dictionary entry holds a line break, so
    OpenCC converts each line alone and the joined result splits back."""
    lines = engine.convert("\n".join(texts)).split("\n") if texts else []
    if len(lines) != sum(text.count("\n") + 1 for text in texts):
        return [engine.convert(text) for text in texts]
    out, position = [], 0
    for text in texts:
        count = text.count("\n") + 1
        out.append("\n".join(lines[position:position + count]))
        position += count
    return out


class Converter:
    """One direction of conversion: the project's OpenCC configuration, with
    per-article overrides taking precedence over every dictionary."""

    def __init__(self, config: str, overrides: tuple = ()):
        self.config = config
        self.opencc = engine(config)
        self.script_only = shipped(CONFIGS[config][0])
        self.simplified_side = CONFIGS[config][1]
        self.target = HANT if config == "s2tw" else HANS
        opening, closing = load_data("variants.yml")["quotes"][self.target]
        self.quotes = str.maketrans({"“": opening, "「": opening, "”": closing, "」": closing})
        self.overrides = dict(overrides)
        self.rules = [
            (rule["word"], re.compile(("(?<=" + rule["preceded_by"] + ")" if "preceded_by" in rule else "")
                                      + re.escape(rule["word"])
                                      + ("(?=" + rule["followed_by"] + ")" if "followed_by" in rule else "")),
             rule["reading"])
            for rule in (load_data("variants.yml").get("context") or {}).get(config, [])
        ]
        # targets that bring Latin letters into Chinese text (谷歌 -> Google): the
        # site's typography spaces them from Han characters, conversion must too
        self.latin = {
            values[0] for source, values in [*readings(config).items(), *((k, [v]) for k, v in self.overrides.items())]
            if _LATIN.search(values[0]) and not _LATIN.search(source)
        }
        # What prepare() found for the texts of the article being converted:
        # the spans decided before the dictionaries run, and OpenCC's output
        # for the pieces, the configuration's and the script alone's
        self.cuts: dict[str, list] = {}
        self.converted: dict[str, str] = {}
        self.scripted: dict[str, str] = {}
        self.entries: dict | None = None  # read at the first context match
        self.longest = 0
        self.automaton = None
        if self.overrides:
            self.automaton = ahocorasick.Automaton()
            for source in self.overrides:
                self.automaton.add_word(source, source)
            self.automaton.make_automaton()

    def punctuate(self, text: str) -> str:
        """The variant's quotation marks; only for text that is Chinese."""
        return text.translate(self.quotes)

    def decided(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, reading) of the spans overrides and context rules fix
        before the dictionaries run; overrides first, longest first."""
        fixed: list[tuple[int, int, str]] = []
        if self.automaton is not None:
            for end, source in self.automaton.iter_long(text):
                fixed.append((end - len(source) + 1, end + 1, self.overrides[source]))
        for word, pattern, reading in self.rules:
            if word not in text:  # a rule matches its word; most texts hold none
                continue
            for match in pattern.finditer(text):
                if not any(start < match.end() and match.start() < end for start, end, _ in fixed) \
                        and not self.in_longer_entry(text, match.start(), match.end()):
                    fixed.append((match.start(), match.end(), reading))
        return sorted(fixed)

    def in_longer_entry(self, text: str, start: int, end: int) -> bool:
        """Whether one of the project's dictionary phrases covers text[start:end]
        and more: a phrase (資料外洩, 預設設定) is more specific than a context rule."""
        if self.entries is None:
            self.entries = readings(self.config)
            self.longest = max(map(len, self.entries), default=0)
        for first in range(max(0, end - self.longest), start + 1):
            for last in range(end, min(len(text), first + self.longest) + 1):
                if last - first > end - start and text[first:last] in self.entries:
                    return True
        return False

    def pieces(self, text: str) -> list[tuple[str, str, bool]]:
        """(source, converted, is fixed): overrides and context rules cut the text first."""
        return [
            (text[start:end], self._converted(text[start:end]), False) if reading is None else (text[start:end], reading, True)
            for start, end, reading in self._cut(text)
        ]

    def _cut(self, text: str) -> list[tuple[int, int, str | None]]:
        """(start, end, fixed reading or None) of the pieces that cover the text."""
        decided = self.cuts.get(text)
        out, position = [], 0
        for start, end, reading in self.decided(text) if decided is None else decided:
            if start > position:
                out.append((position, start, None))
            out.append((start, end, reading))
            position = end
        if position < len(text):
            out.append((position, len(text), None))
        return out

    def _converted(self, piece: str) -> str:
        found = self.converted.get(piece)
        return self.opencc.convert(piece) if found is None else found

    def prepare(self, texts: list[str]) -> None:
        """Convert the pieces of every text an article is about to ask for,
        and their script-only baselines, in one OpenCC call each (what was
        prepared for the article before is forgotten)."""
        self.cuts = {text: self.decided(text) for text in texts}
        free, han = {}, {}
        for text in self.cuts:
            for start, end, reading in self._cut(text):
                piece = text[start:end]
                if reading is None:
                    free[piece] = None
                if _HAN.search(piece):
                    han[piece] = None
        self.converted = dict(zip(free, convert_each(self.opencc, list(free))))
        self.scripted = dict(zip(han, convert_each(self.script_only, list(han))))

    def convert(self, text: str) -> str:
        return self.spaced(text, "".join(converted for _, converted, _ in self.pieces(text)))

    def spaced(self, source: str, converted: str) -> str:
        """A space between a Latin word conversion brought in and Han characters
        next to it (unless the original already wrote that word)."""
        for word in self.latin:
            if word not in converted or word in source:
                continue
            if _LATIN.match(word[0]):
                converted = re.sub(f"(?<=[{HAN}])(?={re.escape(word)})", " ", converted)
            if _LATIN.match(word[-1]):
                converted = re.sub(f"(?<={re.escape(word)})(?=[{HAN}])", " ", converted)
        return converted

    def baseline(self, text: str) -> str:
        """The script alone, aligned with text character by character."""
        out = self.scripted.get(text)
        if out is None:
            out = self.script_only.convert(text)
        return out if len(out) == len(text) else characters(self.config).convert(text)

    @functools.lru_cache(maxsize=65536)
    def same_words(self, source: str, converted: str) -> bool:
        """Whether two spans differ in characters only (占據 for 佔據, 消息一出
        where a table wrote 訊息一齣): converting either one character at a
        time gives the other."""
        forward = characters(self.config).convert
        back = characters("tw2s" if self.config == "s2tw" else "s2tw").convert
        return forward(source) == converted or back(converted) == source

    def convert_marked(self, text: str) -> list:
        """Text and Converted nodes: Converted where the words differ from a
        conversion of the script alone (character-only changes are not marked)."""
        nodes: list = []
        for source, converted, override in self.pieces(text):
            if override:
                changed = converted != self.baseline(source) and not self.same_words(source, converted)
                nodes.append(Converted(converted, source) if changed else Text(converted))
                continue
            if not _HAN.search(source):
                nodes.append(Text(converted))
                continue
            baseline = self.baseline(source)
            if baseline == converted:
                nodes.append(Text(converted))
                continue
            simplified = source if self.simplified_side == "source" else baseline

            def bounds(start: int, end: int) -> list[int]:
                return word_bounds(simplified[start:end], self.config)
            position = 0
            for s0, s1, c0, c1 in changed_spans(source, baseline, converted, bounds, self.opencc.convert):
                if self.same_words(source[s0:s1], converted[c0:c1]):
                    continue
                if c0 > position:
                    nodes.append(Text(converted[position:c0]))
                nodes.append(Converted(converted[c0:c1], source[s0:s1]))
                position = c1
            if position < len(converted):
                nodes.append(Text(converted[position:]))
        for index, node in enumerate(nodes):
            if not (isinstance(node, Converted) and self.spaced(node.original, f"中{node.text}中") != f"中{node.text}中"):
                continue
            spaced = self.spaced(node.original, f"中{node.text}中")
            if spaced.startswith("中 ") and index > 0 and isinstance(nodes[index - 1], Text) and _HAN.search(nodes[index - 1].text[-1:]):
                nodes[index - 1] = Text(nodes[index - 1].text + " ")
            if spaced.endswith(" 中") and index + 1 < len(nodes) and isinstance(nodes[index + 1], Text) and _HAN.search(nodes[index + 1].text[:1]):
                nodes[index + 1] = Text(" " + nodes[index + 1].text)
        return _merge_text(_deletions_marked_on_the_next_character(nodes))


def _deletions_marked_on_the_next_character(nodes: list) -> list:
    """A word a context rule drops (較去年為多 -> 比去年多) has no text to mark;
    the character after it carries the mark, so the reader can reach it."""
    for index, node in enumerate(nodes[:-1]):
        after = nodes[index + 1]
        if isinstance(node, Converted) and not node.text and isinstance(after, Text) and after.text:
            nodes[index] = Converted(after.text[0], node.original + after.text[0])
            nodes[index + 1] = Text(after.text[1:])
    return nodes


def _merge_text(nodes: list) -> list:
    out: list = []
    for node in nodes:
        if isinstance(node, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        elif not (isinstance(node, Text) and not node.text):
            out.append(node)
    return out


@functools.lru_cache(maxsize=None)
def converter(target: str, region: str = "", overrides: tuple = ()) -> Converter:
    """The converter making the target variant (from the other script)."""
    return Converter(config_for(HANT if target == HANS else HANS, region), overrides)


def article_converter(article: Article, target: str) -> Converter:
    pairs = []
    for pair in article.meta.get("conversion") or []:
        source_side = HANT if target == HANS else HANS
        if pair.get(source_side) and pair.get(target):
            pairs.append((str(pair[source_side]), str(pair[target])))
    return converter(target, article.region, tuple(pairs))


def convert_inlines(nodes: list, convert, marked=None) -> list:
    """Inline nodes converted; with `marked`, Text becomes Text and Converted nodes."""
    out = []
    for node in nodes:
        if isinstance(node, Text):
            if marked is not None:
                out.extend(marked(node.text))
            else:
                out.append(Text(convert(node.text)))
        elif isinstance(node, Converted):
            out.append(Converted(convert(node.text), node.original))
        elif isinstance(node, TermLink):
            out.append(TermLink(convert(node.text), node.term_id, node.first))
        elif isinstance(node, Strong):
            out.append(Strong(convert_inlines(node.children, convert, marked)))
        elif isinstance(node, Link):
            out.append(Link(convert_inlines(node.children, convert, marked), node.url))
        else:
            out.append(copy.copy(node))
    return out


def convert_blocks(blocks: list, convert, punctuate=None, marked=None) -> list:
    """Blocks with every Text converted; punctuate, if given, applies to whole
    blocks that contain Chinese (a quote pair may span a term link)."""
    converted = [
        Block(
            block.kind,
            convert_inlines(block.inlines, convert, marked if block.kind != "heading" else None),
            block.level,
            [convert_inlines(item, convert, marked) for item in block.items],
            block.url,
            block.anchor,
        )
        for block in blocks
    ]
    if punctuate is not None:
        for block in converted:
            if _HAN.search(block.text):
                block.inlines = convert_inlines(block.inlines, punctuate)
                block.items = [convert_inlines(item, punctuate) for item in block.items]
    return converted


def _inline_texts(nodes: list, out: list) -> None:
    for node in nodes:
        if isinstance(node, (Text, TermLink, Converted)):
            out.append(node.text)
        elif isinstance(node, (Strong, Link)):
            _inline_texts(node.children, out)


def article_texts(article: Article) -> list[str]:
    """Every text make_variants converts: the blocks' text nodes, the text
    metadata fields and the tags."""
    texts: list[str] = []
    for block in article.blocks:
        _inline_texts(block.inlines, texts)
        for item in block.items:
            _inline_texts(item, texts)
    for key, value in article.meta.items():
        if key in TEXT_FIELDS and value:
            texts.append(str(value))
        elif key == "tags":
            texts.extend(str(tag) for tag in value)
    return texts


def make_variants(article: Article) -> None:
    """The variants stage: article.variants and article.variant_meta for both scripts."""
    for variant in (HANS, HANT):
        if variant == article.script:
            article.variants[variant] = article.blocks
            article.variant_meta[variant] = dict(article.meta)
        else:
            target = article_converter(article, variant)
            target.prepare(article_texts(article))
            article.variants[variant] = convert_blocks(article.blocks, target.convert, target.punctuate, target.convert_marked)

            def convert(text: str) -> str:
                text = target.convert(text)
                return target.punctuate(text) if _HAN.search(text) else text

            article.variant_meta[variant] = {
                key: convert(value) if key in TEXT_FIELDS else
                [convert(tag) for tag in value] if key == "tags" else value
                for key, value in article.meta.items()
            }


# --- the ambiguity report ---------------------------------------------------------

_SENTENCE = re.compile(r"[^。！？；!?;\n]*[。！？；!?;]?")


def _sentence_at(text: str, position: int) -> str:
    for match in _SENTENCE.finditer(text):
        if match.start() <= position < match.end():
            return match.group().strip()
    return text.strip()


@functools.lru_cache(maxsize=None)
def _risky_finder(config: str) -> ahocorasick.Automaton:
    """An automaton finding the risky entries of a configuration, built once."""
    machine = ahocorasick.Automaton()
    for source in risky(config):
        machine.add_word(source, source)
    machine.make_automaton()
    return machine


def ambiguous_spans(article: Article) -> list[tuple[str, list[str], str, str]]:
    """(source word, readings, original sentence, converted sentence) for each
    place in the article where a risky entry or one with several readings
    applies; words an override or a context rule decides are left out."""
    target = HANT if article.script == HANS else HANS
    convert = article_converter(article, target)
    entries = risky(convert.config)
    if not entries:
        return []
    machine = _risky_finder(convert.config)
    found = []
    texts = [article.meta.get("title", "")] + [block.text for block in article.blocks]
    for text in texts:
        covered = [False] * len(text)
        for start, end, _ in convert.decided(text):
            for index in range(start, end):
                covered[index] = True
        for end, source in machine.iter_long(text):
            start = end - len(source) + 1
            if any(covered[start:end + 1]):
                continue
            sentence = _sentence_at(text, start)
            found.append((source, entries[source], sentence, convert.punctuate(convert.convert(sentence))))
    return found


def ambiguity_report(article: Article) -> tuple[str, int]:
    """The report an editor reads to add per-article overrides, and its count."""
    return article.derive("ambiguity", lambda: _ambiguity_report(article))


def _ambiguity_report(article: Article) -> tuple[str, int]:
    spans = ambiguous_spans(article)
    target = HANT if article.script == HANS else HANS
    lines = [
        f"seed: {article.seed.path.name}",
        f"conversion: {article_converter(article, target).config} ({article.script} -> {target})",
        f"spans to check: {len(spans)}",
        "To decide one, add to the seed's entry in seeds/metadata.yml:",
        "  conversion: [{zh-Hans: ..., zh-Hant: ...}]",
        "",
    ]
    for number, (source, readings, sentence, converted) in enumerate(spans, 1):
        others = " / ".join(readings[1:])
        lines += [f"[{number}] {source} -> {readings[0]} (other readings: {others})", f"    原文：{sentence}", f"    轉換：{converted}"]
    return "\n".join(lines) + "\n", len(spans)

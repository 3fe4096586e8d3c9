"""Structure: cleaned lines become blocks (headings, paragraphs, quotations,
lists, references, video links) of inline nodes; prose gets its typography here."""
from __future__ import annotations

import functools
import re

from pymdownx.slugs import slugify

from .article import Article, Block, Link, Strong, Sup, Text, inline_text
from .config import load_data
from .text import HAN_CHARACTER as _HAN_CHAR, WEB_SCHEMES
from .typography import typeset

_slugify = slugify(case="lower")
_LATIN = re.compile(r"[A-Za-z]")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_SHORTCODE = re.compile(r"^\{\{[<%]\s*(\w+)\s+\"?([\w-]+)\"?\s*[>%]\}\}$")
SAFE_SCHEMES = WEB_SCHEMES + ("mailto:",)  # a link in an article may also write to someone

# Inline syntax a seed may carry. Anything else is text, shown as written.
_INLINE = re.compile(
    r"\*\*(?P<strong>[^*\n]+?)\*\*"
    r"|\[(?P<label>[^\]\n]*)\]\((?P<target>[^)\s]*)\)"
    r"|<(?P<auto>(?:https?://|mailto:)[^>\s]+)>"
    r"|(?P<bare>https?://[^\s<>()\[\]{}，。、；：！？“”（）「」]+)"
    r"|\^\{(?P<sup>[^}\n]{1,12})\}"
)


@functools.lru_cache(maxsize=1)
def _config():
    data = load_data("structure.yml")
    prefixes = re.compile("|".join(f"(?:{p})" for p in data["subheading_prefixes"]))
    return data, prefixes, re.compile(data["references_heading"], re.IGNORECASE)


def is_safe_url(url: str) -> bool:
    return url.lower().startswith(SAFE_SCHEMES)


def parse_inline(text: str) -> list:
    """Inline nodes for one line of seed text; Text nodes get typography."""
    nodes: list = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            nodes.append(Text(text[position:match.start()]))
        if match.group("strong"):
            nodes.append(Strong(_typeset_nodes([Text(match.group("strong"))])))
        elif match.group("target") is not None:
            label, target = match.group("label"), match.group("target")
            if is_safe_url(target):
                nodes.append(Link([Text(label or target)], target))
            else:
                nodes.append(Text(match.group(0)))  # unsafe or empty target: show it as text
        elif match.group("auto") or match.group("bare"):
            url = match.group("auto") or match.group("bare")
            nodes.append(Link([Text(url)], url))
        elif match.group("sup"):
            nodes.append(Sup(match.group("sup")))
        position = match.end()
    if position < len(text):
        nodes.append(Text(text[position:]))
    return _typeset_nodes(nodes)


def _typeset_nodes(nodes: list) -> list:
    for node in nodes:
        if isinstance(node, Text):
            node.text = typeset(node.text)
    return nodes


def _is_heading(text: str, config: dict) -> bool:
    rule = config["heading"]
    if not _HAN_CHAR.search(text) or any(mark in text for mark in rule["prose_marks"]) or any(mark in text[:-1] for mark in rule["inner_sentence_endings"]):
        return False
    if text[-1] in rule["question_endings"]:
        return len(text) <= rule["question_max_chars"]
    return len(text) <= rule["max_chars"] and text[-1] not in rule["sentence_endings"]


def _anchor_headings(blocks: list) -> None:
    """Readable, unique heading ids from the original's words, so a link to a
    section works in both variants."""
    seen: dict[str, int] = {}
    for block in blocks:
        if block.kind != "heading":
            continue
        base = _slugify(inline_text(block.inlines), "-") or "section"
        count = seen.get(base, 0)
        seen[base] = count + 1
        block.anchor = base if not count else f"{base}-{count}"


def _quote_first_person(blocks: list, rule: dict) -> None:
    """A paragraph that ends by introducing speech (…直言：) followed by
    paragraphs in the first person: those paragraphs are the speaker's words,
    a block quotation, until the text speaks of the speaker again."""
    first_person = re.compile(rule["first_person"])
    third_person = re.compile(rule["third_person"])
    for index, block in enumerate(blocks):
        if block.kind != "paragraph" or not block.text.rstrip().endswith(("：", ":")):
            continue
        following = index + 1
        while following < len(blocks):
            nxt = blocks[following]
            text = nxt.text.strip()
            if nxt.kind != "paragraph" or not first_person.search(text) or third_person.search(text) or text[:1] in rule["quoted_openings"]:
                break
            blocks[following] = Block("quote", items=[nxt.inlines], line=nxt.line)
            following += 1
            if following > index + rule["max_paragraphs"]:
                break
        # adjacent quotation paragraphs form one block quotation
        if following > index + 1:
            quote = blocks[index + 1]
            for extra in blocks[index + 2: following]:
                quote.items.extend(extra.items)
            del blocks[index + 2: following]


def _wrap_width(lines: list, rule: dict) -> int:
    """The width a hard-wrapped text was broken at, or 0 when it was not."""
    texts = [line.strip() for _, line in lines if line.strip()]
    cut = [len(text) for text in texts if len(text) >= rule["min_width"] and text[-1] not in rule["sentence_endings"]]
    if len(cut) < rule["min_lines"]:
        return 0
    width = max(set(cut), key=lambda n: sum(abs(m - n) <= rule["tolerance"] for m in cut))
    at_width = [n for n in cut if abs(n - width) <= rule["tolerance"]]
    longer = [text for text in texts if len(text) > width + rule["tolerance"]]
    if len(at_width) < rule["min_lines"] or len(longer) > rule["max_longer"] * len(texts):
        return 0
    return width - rule["tolerance"]


def unwrap(lines: list, rule: dict, keep_apart=lambda text: False) -> list:
    """(number, line) pairs with a hard-wrapped paragraph's lines joined into
    one, numbered as its first line; other text as it was. A line for which
    keep_apart is true (a chrome line, say) is never joined to another, and
    a numbered heading or item (一、总体情况) starts its own."""
    width = _wrap_width(lines, rule)
    if not width:
        return list(lines)
    numbered = _config()[1]
    out: list = []
    open_line = False
    for number, line in lines:
        text = line.strip()
        apart = bool(text) and keep_apart(text)
        if open_line and text and not apart and not text.startswith(("#", ">", "{{", "-", "*", "[", "!")) and not numbered.match(text):
            previous_number, previous = out[-1]
            joiner = " " if previous[-1:].isascii() and previous[-1:].isalnum() and text[:1].isascii() else ""
            out[-1] = (previous_number, previous + joiner + text)
        else:
            out.append((number, text or line))
        current = out[-1][1].strip() if out else ""
        open_line = bool(text) and not apart and len(text) >= width and text[-1] not in rule["sentence_endings"]
        if not current:
            open_line = False
    return out


def structure(article: Article) -> None:
    """The structure stage: article.body lines to article.blocks."""
    config, subheading, references = _config()
    markdown = any(_MD_HEADING.match(line.strip()) for _, line in article.body)
    forced = set(article.meta.get("headings", []))
    not_headings = set(article.meta.get("not_headings", []))
    blocks: list[Block] = []
    in_references = False
    stamped = 0
    previous = 0
    for number, line in unwrap(article.body, config["hard_wrap"]):
        for block in blocks[stamped:]:
            block.line = block.line or previous
        stamped = len(blocks)
        previous = number
        text = line.strip()
        if not text:
            continue
        heading = _MD_HEADING.match(text)
        shortcode = _SHORTCODE.match(text)
        item = _LIST_ITEM.match(text)
        if references.match(text):
            blocks.append(Block("heading", parse_inline(text.rstrip(":：")), level=2))
            blocks.append(Block("references"))
            in_references = True
            continue
        if in_references:
            nodes = parse_inline(text)
            if any(isinstance(node, Link) for node in nodes):
                blocks[-1].items.append(nodes)
                continue
            in_references = False
        if shortcode and shortcode.group(1).lower() in config["shortcodes"]:
            url = config["shortcodes"][shortcode.group(1).lower()].format(id=shortcode.group(2))
            blocks.append(Block("video", [Text(shortcode.group(2))], url=url))
        elif heading and markdown:
            blocks.append(Block("heading", parse_inline(heading.group(2)), level=max(2, len(heading.group(1)))))
        elif text.startswith(">"):
            quote = text.lstrip(">").strip()
            if blocks and blocks[-1].kind == "quote":
                blocks[-1].items.append(parse_inline(quote))
            else:
                blocks.append(Block("quote", items=[parse_inline(quote)]))
        elif text in forced or (not markdown and text not in not_headings and _is_heading(text, config)):
            level = 3 if subheading.match(text) else 2
            blocks.append(Block("heading", parse_inline(text), level=level))
        elif item and not (not markdown and _is_heading(item.group(1), config)):
            if blocks and blocks[-1].kind == "list":
                blocks[-1].items.append(parse_inline(item.group(1)))
            else:
                blocks.append(Block("list", items=[parse_inline(item.group(1))], level=1 if text[0].isdigit() else 0))
        elif not _HAN_CHAR.search(text) and _LATIN.search(text) and not is_safe_url(text.strip("<>")):
            # A run of lines without Chinese is a quotation from a source (an
            # English announcement, say): kept verbatim, set apart.
            if blocks and blocks[-1].kind == "quote" and blocks[-1].level == 1:
                blocks[-1].items.append(parse_inline(text))
            else:
                blocks.append(Block("quote", items=[parse_inline(text)], level=1))
        else:
            blocks.append(Block("paragraph", parse_inline(text)))
    for block in blocks[stamped:]:
        block.line = block.line or previous
    _quote_first_person(blocks, config["first_person_quote"])
    _anchor_headings(blocks)
    article.blocks = blocks
    article.meta["title"] = typeset(article.meta.get("title", ""))

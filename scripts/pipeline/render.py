"""Blocks and inline nodes as Markdown: the pieces write.py (articles, 404),
navigation.py (home, month and outlet pages) and termpages.py (glossary,
term pages) put into their pages.

Seed text is escaped so that nothing in it can become markup: a <script> in a
seed is shown as text, and only http(s) and mailto links are ever emitted."""
from __future__ import annotations

import re

from .article import Block, Converted, Link, Strong, Sup, TermLink, Text

# Characters Python-Markdown (with this site's extensions) reads as markup and
# lets a backslash escape; others, like ~ or |, are plain text here.
_ESCAPE = re.compile(r"([\\`*_\[\]{}#])")
_LINE_START = re.compile(r"^(\s*)(?:([>+\-!])|(\d+)([.)]))")


def escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _ESCAPE.sub(r"\\\1", text)


def escape_line_start(markdown: str) -> str:
    """A rendered line must not start like block syntax (a list, quote, heading)."""
    return _LINE_START.sub(
        lambda m: m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4)), markdown, count=1
    )


def attribute(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def inlines(nodes: list, glossary_link, definitions: dict) -> str:
    out = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(escape(node.text))
        elif isinstance(node, Strong):
            out.append("**" + inlines(node.children, glossary_link, definitions) + "**")
        elif isinstance(node, Sup):
            out.append("<sup>" + escape(node.text) + "</sup>")
        elif isinstance(node, Link):
            out.append("[" + inlines(node.children, glossary_link, definitions) + "](<" + node.url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">)")
        elif isinstance(node, Converted):
            # the original wording lives in an attribute: shown by docs/assets/show-original.js,
            # never part of the page's text (search index, conservation check)
            out.append(f'<span class="converted" tabindex="0" data-original="{attribute(node.original)}">{escape(node.text)}</span>')
        elif isinstance(node, TermLink):
            title = attribute(definitions.get(node.term_id, ""))
            anchor = "{#mention-" + node.term_id + "}" if node.first else ""
            out.append(f'[{escape(node.text)}]({glossary_link.format(id=node.term_id)} "{title}"){anchor}')
    return "".join(out)


def blocks(items: list[Block], strings: dict, glossary_link: str, definitions: dict) -> str:
    def line(nodes):
        return escape_line_start(inlines(nodes, glossary_link, definitions))

    out = []
    for block in items:
        if block.kind == "heading":
            anchor = f" {{#{block.anchor}}}" if block.anchor else ""
            out.append("#" * block.level + " " + inlines(block.inlines, glossary_link, definitions) + anchor)
        elif block.kind == "paragraph":
            out.append(line(block.inlines))
        elif block.kind == "quote":
            out.append("\n>\n".join("> " + line(item) for item in block.items))
        elif block.kind in ("list", "references"):
            marker = "1." if block.level == 1 or block.kind == "references" else "-"
            out.append("\n".join(f"{marker} {line(item)}" for item in block.items))
        elif block.kind == "video":
            label = escape(strings["video_label"])
            out.append(f'[▶ {label}](<{block.url}>){{ .video-link }}')
    return "\n\n".join(part for part in out if part.strip()) + "\n"


def front_matter(fields: dict) -> str:
    import yaml
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"

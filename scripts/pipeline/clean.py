"""Cleaning: remove platform chrome and promotion, line by line, by the rules in
data/boilerplate.yml; every removal is recorded with its rule's name."""
from __future__ import annotations

import functools
import re

from .article import Article, Removal
from .config import load_data
from .metadata import normalise_date


@functools.lru_cache(maxsize=1)
def rules():
    data = load_data("boilerplate.yml")
    lines = [(rule["name"], re.compile(rule["pattern"])) for rule in data["lines"]]
    inline = [(rule["name"], re.compile(rule["pattern"]), rule.get("replace", "")) for rule in data["inline"]]
    outlets = [(re.compile(rule["pattern"]), rule["outlet"]) for rule in data.get("outlet_signatures", [])]
    return lines, inline, outlets


def clean(article: Article) -> None:
    """The clean stage: article.body loses boilerplate lines and fragments."""
    line_rules, inline_rules, outlet_rules = rules()
    kept = []
    for number, line in article.body:
        text = line.strip()
        rule = _matching_rule(text, line_rules)
        if rule:
            name, match = rule
            article.removed.append(Removal(number, text, name))
            _take_metadata(article, match)
            for pattern, outlet in outlet_rules:
                if pattern.search(text):
                    article.meta.setdefault("outlet", outlet)
            continue
        for name, pattern, replace in inline_rules:
            for match in pattern.finditer(line):
                article.removed.append(Removal(number, match.group(0), name))
            line = pattern.sub(replace, line)
        kept.append((number, line))
    article.body = kept


def _matching_rule(text: str, line_rules):
    if not text:
        return None
    for name, pattern in line_rules:
        match = pattern.search(text)
        if match:
            return name, match
    return None


def _take_metadata(article: Article, match: re.Match) -> None:
    for key, value in match.groupdict().items():
        if not value or key in article.meta:
            continue
        if key == "date":
            article.meta["date"] = normalise_date(value)
        elif key in ("outlet", "author", "place", "time"):
            article.meta[key] = value

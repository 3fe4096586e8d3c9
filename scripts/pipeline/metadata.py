"""Article metadata: front matter, what the text says, and seeds/metadata.yml."""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import yaml

from .article import Article, Removal, SeedError

METADATA_FILE = "metadata.yml"
FIELDS = ("title", "outlet", "author", "date", "source_url", "source_name", "description", "tags")
_SENTENCE_END = "。！？!?；;…"


def split_front_matter(article: Article) -> None:
    """Take YAML (---) or TOML (+++) front matter off the seed text into article.meta,
    and set article.body to the remaining (line number, text) pairs. Front matter
    that does not parse stays in the body as text, so nothing is lost."""
    lines = article.seed.text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), 0)
    fence = lines[start].strip() if lines else ""
    body_from = 0
    if fence in ("---", "+++"):
        end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == fence), None)
        if end is not None:
            source = "\n".join(lines[start + 1:end])
            try:
                data = yaml.safe_load(source) if fence == "---" else tomllib.loads(source)
            except (yaml.YAMLError, tomllib.TOMLDecodeError):
                data = None
            if isinstance(data, dict):
                article.meta.update(_clean_fields(data))
                article.removed.append(Removal(start + 1, "\n".join(lines[start:end + 1]), "front-matter"))
                body_from = end + 1
            else:
                article.removed.append(Removal(start + 1, "", "front-matter-invalid (kept as text)"))
    article.body = [(number + 1, line) for number, line in enumerate(lines) if number >= body_from]


def _clean_fields(data: dict) -> dict:
    meta = {}
    for key, value in data.items():
        key = str(key)
        if key == "date" and value:
            meta["date"] = normalise_date(value)
        elif key == "tags" and isinstance(value, list):
            meta["tags"] = [str(tag) for tag in value]
        elif key in FIELDS and value not in (None, ""):
            meta[key] = str(value).strip()
    return meta


def normalise_date(value) -> str:
    """ISO date (YYYY-MM-DD) from a date, datetime or text such as 2025年11月18日."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    match = re.search(r"(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})", text)
    if match:
        year, month, day = map(int, match.groups())
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            pass
    return text.strip()


def load_metadata_file(seeds_dir: Path) -> dict:
    """Per-seed entries keyed by file name; a missing file is an empty mapping."""
    path = Path(seeds_dir) / METADATA_FILE
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise SeedError(path, f"metadata file is not valid YAML: {error}")
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise SeedError(path, "metadata file must map each seed file name to a mapping of fields")
    return data


def complete_metadata(article: Article, entry: dict | None) -> None:
    """Fill in what is still missing after cleaning: the metadata file entry wins,
    then front matter and bylines (already in meta), then the text itself."""
    entry = entry or {}
    article.meta.update(_clean_fields(entry))
    for key in ("headings", "not_headings"):
        if key in entry:
            article.meta[key] = [str(line) for line in entry[key]]
    if "conversion" in entry:
        # per-article conversion overrides: [{zh-Hans: ..., zh-Hant: ...}]
        article.meta["conversion"] = [dict(pair) for pair in entry["conversion"]]
    if not article.meta.get("outlet") and article.meta.get("source_name"):
        article.meta["outlet"] = article.meta["source_name"]
    if not article.meta.get("title"):
        article.meta["title"] = _title_from_text(article)


def _title_from_text(article: Article) -> str:
    """A short first line that is not a sentence is the title, and leaves the body;
    otherwise the title is the opening words of the first sentence."""
    for index, (number, line) in enumerate(article.body):
        text = line.strip()
        if not text:
            continue
        if len(text) <= 64 and text[-1] not in _SENTENCE_END and not text.startswith(("#", ">", "-", "*", "!", "[", "<", "{")):
            article.removed.append(Removal(number, text, "title-line (moved to the page title)"))
            del article.body[index]
            return text.lstrip("# ").strip()
        first = re.split(f"[{_SENTENCE_END}，,]", text.lstrip("#> ").strip())[0].strip()
        return first[:40] + ("…" if len(first) > 40 else "") if first else article.seed.path.stem
    return article.seed.path.stem

"""Share cards: a 1200 x 630 PNG per page with its title, its description
(a term's definition, an article's outlet and date), and the site's name, in
the page's script, laid out for Chinese. Each page's head names its card
(og:image, overrides/main.html); this module draws what the built pages ask
for, from what their heads say, and keeps drawn cards by content hash."""
from __future__ import annotations

import functools
import hashlib
import html
import re
import shutil
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .article import HANS, HANT
from .config import DATA_DIR, load_data
from .files import write_atomic
from .workers import map_in_order

_META = re.compile(r'<meta (?:property|name)="((?:og|article):[a-z:_]+)" content="([^"]*)"')
_LANG = re.compile(r'<html[^>]* lang="([^"]+)"')
_CLOCK_SLACK_NS = 2_000_000_000  # file times may lag the clock; a page written near the start is drawn again
PER_WORKER = 64  # cards below which one more process costs more than it saves
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-+'&]*|\s+|.", re.S)


class CardError(RuntimeError):
    pass


def settings() -> dict:
    return load_data("cards.yml")


@functools.lru_cache(maxsize=None)
def font(weight: str, variant: str, size: int) -> ImageFont.FreeTypeFont:
    """The collection's face for the variant's glyph forms, found by name."""
    path = Path(settings()["fonts"][weight])
    if not path.is_file():
        raise CardError(f"{path} is missing: share cards need Debian's fonts-noto-cjk (make site installs it)")
    wanted = settings()["face"][variant]
    for index in range(32):
        try:
            face = ImageFont.truetype(str(path), size, index=index)
        except OSError:
            break
        if face.getname()[0] == wanted:
            return face
    raise CardError(f"{path} has no face named {wanted!r}")


def break_lines(text: str, face: ImageFont.FreeTypeFont, width: int, lines: int) -> list[str]:
    """Greedy line breaking by character, Latin words kept whole; closing
    punctuation never starts a line and opening punctuation never ends one
    (it moves with its neighbour). The last line ends in … when cut."""
    words = settings()
    tokens = _TOKEN.findall(" ".join(text.split()))
    out, line = [], ""
    for token in tokens:
        if face.getlength(line + token) <= width or not line.strip():
            line += token
            continue
        if token in words["no_line_start"]:
            line += token  # hangs a little into the margin rather than start a line
            continue
        carried = ""
        while line and line[-1] in words["no_line_end"]:
            carried, line = line[-1] + carried, line[:-1]
        out.append(line.rstrip())
        line = carried + token.lstrip()
    if line.strip():
        out.append(line.rstrip())
    if len(out) > lines:
        kept = out[:lines]
        last = kept[-1]
        while last and face.getlength(last + "…") > width:
            last = last[:-1]
        kept[-1] = last.rstrip("，、；：,;: ") + "…"
        out = kept
    return out


def draw(title: str, subtitle: str, site_name: str, variant: str) -> bytes:
    config = settings()
    width, height = config["size"]
    margin = config["margin"]
    colours = config["colours"]
    image = Image.new("RGB", (width, height), colours["background"])
    pen = ImageDraw.Draw(image)
    pen.rectangle([0, 0, 24, height], fill=colours["band"])
    top = margin
    for key, colour in (("title", colours["title"]), ("subtitle", colours["subtitle"])):
        style = config[key]
        face = font("bold" if key == "title" else "regular", variant, style["size"])
        text = title if key == "title" else subtitle
        for line in break_lines(text, face, width - 2 * margin, style["lines"]) if text else []:
            pen.text((margin, top), line, font=face, fill=colour)
            top += int(style["size"] * style["line_height"])
        top += style["size"] // 2
    site_face = font("bold", variant, config["site"]["size"])
    pen.text((margin, height - margin - config["site"]["size"]), site_name, font=site_face, fill=colours["site"])
    buffer = BytesIO()
    # zlib's default level, not optimize=True: that tries every strategy for
    # about 3 % smaller files at three to four times the drawing time
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@functools.lru_cache(maxsize=1)
def _stamp() -> str:
    """What a drawn card depends on besides its words: this code, the card
    settings, and the font files."""
    digest = hashlib.sha256(Path(__file__).read_bytes() + (DATA_DIR / "cards.yml").read_bytes())
    for path in settings()["fonts"].values():
        if Path(path).is_file():
            digest.update(f"{path}:{Path(path).stat().st_size}".encode())
    return digest.hexdigest()


def page_card(page_html: str) -> tuple[str, dict] | None:
    """(image address, the words to draw) from a built page's head."""
    meta = {key: html.unescape(value) for key, value in _META.findall(page_html)}
    if "og:image" not in meta:
        return None
    lang = _LANG.search(page_html)
    variant = HANT if lang and lang.group(1) == HANT else HANS
    # an article is introduced by who published it and when; other pages by their description
    byline = " · ".join(meta[key] for key in ("article:author", "article:published_time") if meta.get(key))
    return meta["og:image"], {"title": meta.get("og:title", ""), "subtitle": byline or meta.get("og:description", ""),
                              "site_name": meta.get("og:site_name", ""), "variant": variant}


def draw_cards(site_dir: Path, site_url: str, cache_dir: Path | None, written_since_ns: int | None = None) -> dict:
    """Draw the card every built page asks for. Returns counts of cards
    drawn, taken from the cache, and kept. With `written_since_ns`, a page
    not written since (a dirty `mkdocs serve` rebuild left it) keeps the card
    already beside it: the words drawn come from the page itself."""
    site_dir = Path(site_dir)
    counts = {"drawn": 0, "cached": 0, "kept": 0}
    prefix = site_url if site_url.endswith("/") else site_url + "/"
    wanted = []  # (where the card goes, its cache entry, the words to draw)
    for page in sorted(site_dir.rglob("*.html")):
        unchanged = written_since_ns is not None and page.stat().st_mtime_ns < written_since_ns - _CLOCK_SLACK_NS
        found = page_card(page.read_text(encoding="utf-8"))
        if found is None:
            continue
        address, words = found
        relative = address[len(prefix):] if site_url and address.startswith(prefix) else address.lstrip("/")
        target = site_dir / relative
        if unchanged and target.is_file():
            counts["kept"] += 1
            continue
        key = hashlib.sha256((_stamp() + repr(sorted(words.items()))).encode("utf-8")).hexdigest()
        cached = Path(cache_dir) / f"{key}.png" if cache_dir else None
        target.parent.mkdir(parents=True, exist_ok=True)
        if cached is not None and cached.is_file():
            shutil.copyfile(cached, target)
            counts["cached"] += 1
            continue
        wanted.append((target, cached, words))
    for (target, cached, _), data in zip(wanted, _draw_all([words for _, _, words in wanted])):
        write_atomic(target, data)
        counts["drawn"] += 1
        if cached is not None:
            write_atomic(cached, data)
    return counts


def _draw_one(words: dict) -> bytes:
    return draw(**words)


def _draw_all(jobs: list[dict]) -> list[bytes]:
    """Every card asked for, in order; a cold build of a large site draws
    thousands, so they are drawn on every core (the same bytes either way)."""
    return map_in_order(_draw_one, jobs, PER_WORKER)

"""Article metadata: front matter, what the text says, and seeds/metadata.yml."""
from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from pathlib import Path

import yaml

from .article import Article, Removal, SeedError
from .config import load_data, parse_yaml
from .schema import DataError, check
from .text import HAN

METADATA_FILE = "metadata.yml"
FIELDS = ("title", "outlet", "author", "date", "source_url", "source_name", "description", "tags")


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
                data = parse_yaml(source) if fence == "---" else tomllib.loads(source)
            except (yaml.YAMLError, tomllib.TOMLDecodeError):
                data = None
            if isinstance(data, dict):
                article.meta.update(_clean_fields(data))
                article.removed.append(Removal(start + 1, "\n".join(lines[start:end + 1]), "front-matter"))
                body_from = end + 1
            else:
                article.removed.append(Removal(start + 1, "", "front-matter-invalid (kept as text)"))
                article.evidence["kept_as_text"] = set(range(start + 1, end + 2))
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
    text = gregorian(str(value))
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
        data = parse_yaml(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise SeedError(path, f"metadata file is not valid YAML: {error}")
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise SeedError(path, "metadata file must map each seed file name to a mapping of fields")
    try:
        check(data, METADATA_FILE, path)
    except DataError as error:
        raise SeedError(path, error.reason) from error
    return data


def complete_metadata(article: Article, entry: dict | None) -> None:
    """Fill in the metadata: seeds/metadata.yml wins, then front matter, then
    what the text says (bylines, notices, the headline), then the opening
    sentence. article.provenance records where each field came from."""
    entry = entry or {}
    for key in article.meta:
        article.provenance.setdefault(key, "front matter")
    from_entry = _clean_fields(entry)
    article.meta.update(from_entry)
    for key in from_entry:
        article.provenance[key] = "seeds/metadata.yml" + (" (editorial)" if key == "title" else "")
    for key in ("headings", "not_headings"):
        if key in entry:
            article.meta[key] = [str(line) for line in entry[key]]
    if "conversion" in entry:
        # per-article conversion overrides: [{zh-Hans: ..., zh-Hant: ...}]
        article.meta["conversion"] = [dict(pair) for pair in entry["conversion"]]
    for key, (value, source) in text_metadata(article).items():
        if not article.meta.get(key):
            article.meta[key] = value
            article.provenance[key] = source
    if article.meta.get("source_name") and not article.meta.get("outlet") and not _is_write_up(article):
        # a source named in front matter published the text, unless the text
        # says it is a write-up of that source (a podcast, a talk)
        article.meta["outlet"] = article.meta["source_name"]
        article.provenance["outlet"] = "front matter source_name"
    _take_headline(article)
    if not article.meta.get("title"):
        article.meta["title"] = _title_from_opening(article)
        article.provenance["title"] = "opening sentence (no headline in the text)"


@functools.lru_cache(maxsize=1)
def _byline_rules():
    data = load_data("bylines.yml")
    fields = sorted(
        [(rule["priority"], rule["name"], re.compile(rule["pattern"])) for rule in data["fields"]], key=lambda r: r[0]
    )
    return data, fields, re.compile(data["date"]), re.compile(data["english_date"]), re.compile(data["date_label"])


@functools.lru_cache(maxsize=1)
def _date_forms():
    data = load_data("bylines.yml")
    return (re.compile(data["roc_date"]), re.compile(data["numeral_date"]), re.compile(data["month_day_year"]),
            re.compile(data["day_month_year"]), re.compile(data["english_day_first"]))


_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}


def chinese_number(text: str) -> int | None:
    """An integer written in Arabic digits or Chinese numerals: 114, 一一四,
    二〇二五, 十, 十八, 二十三, 一百一十四. None when it is neither."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(c not in _DIGITS and c not in "十百" for c in text):
        return None
    if "十" not in text and "百" not in text:
        return int("".join(str(_DIGITS[c]) for c in text))  # read digit by digit: 二〇二五
    total, digit = 0, None
    for c in text:
        if c in _DIGITS:
            digit = _DIGITS[c]
        else:
            total += (1 if digit is None else digit) * (100 if c == "百" else 10)
            digit = None
    return total + (digit or 0)


def gregorian(text: str) -> str:
    """The text with 民國 dates, dates in Chinese numerals and dates written
    day first (05/11/2025, 5 November 2025) rewritten as Arabic Gregorian dates
    (2025年10月22日), so one date pattern reads them all.
    Text in Simplified characters (民国)."""
    roc, numeral, month_day_year, day_month_year, english_day_first = _date_forms()

    def from_roc(match: re.Match) -> str:
        groups = [g for g in match.groups() if g is not None]
        year, month, day = (chinese_number(g) for g in groups)
        if None in (year, month, day):
            return match.group(0)
        return f"{year + 1911}年{month}月{day}日"

    def from_numerals(match: re.Match) -> str:
        year, month, day = (chinese_number(g) for g in match.groups())
        if None in (year, month, day):
            return match.group(0)
        return f"{year}年{month}月{day}日"

    def from_month_day_year(match: re.Match) -> str:
        month = chinese_number(match.group(1))
        return match.group(0) if month is None else f"{match.group(3)}年{month}月{match.group(2)}日"

    def from_day_first(match: re.Match) -> str:
        day, month, year = (g for g in match.groups() if g not in ("/", "."))
        month = int(month) if month.isdigit() else _MONTHS[month[:3].lower()]
        return f"{year}年{month}月{int(day)}日"

    text = english_day_first.sub(from_day_first, day_month_year.sub(from_day_first, text))
    return month_day_year.sub(from_month_day_year, numeral.sub(from_numerals, roc.sub(from_roc, text)))


# (a print paper's box before a credit too: □本报记者 X)
_BULLET = re.compile(r"^(?:[-*+•·]\s+|[□■◆◇●○]\s*)")
_MONTHS = {name: i for i, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def _valid_date(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def text_metadata(article: Article) -> dict:
    """{field: (value, where it came from)} from the byline lines cleaning took
    out (head and tail zones, paragraph-opening credits) and from labels above
    the headline (a site's name)."""
    from .clean import simplified
    data, rules, date_re, english_re, label_re = _byline_rules()
    not_names = set(data["not_names"])
    found: dict = {}
    # a byline as written, without its bullet or Markdown emphasis (*写于 …*)
    bylines = [(number, _BULLET.sub("", text).strip("*_ "), zone) for number, text, zone in article.evidence.get("bylines", [])]
    for number, text, zone in bylines:
        plain = simplified(text)
        for priority, name, pattern in rules:
            match = pattern.search(plain)
            if not match:
                continue
            for group, value in match.groupdict().items():
                if not value:
                    continue
                value = text[match.start(group): match.end(group)].strip(" 　“”\"「」《》")
                if group == "who_place":
                    group, value = "author", value[:3] if len(value) >= 5 else value[:2]
                if simplified(value) in not_names or not value or _interface(value) or (group == "outlet" and _section_name(value)):
                    continue
                if group == "author" and re.search(data["staff_roles"], simplified(value)):
                    continue  # a role, not a name (置業新聞網記者)
                # a platform's name gives way to any publisher the page names
                demoted = PLATFORM_RANK if group == "outlet" and is_platform(value) else 0
                rank = (priority + demoted, 0 if zone in ("head", "lead", "dateline") else 1, number)
                if group not in found or rank < found[group][0]:
                    found[group] = (rank, value, f"line {number} ({name}): {text[:60]}")
    # Dates: labelled first, then the head zone, then the tail; never the story's own.
    for number, text, zone in bylines:
        if zone == "body":
            continue
        plain = gregorian(simplified(text))
        for match in date_re.finditer(plain):
            value = _valid_date(*map(int, match.groups()))
            if not value:
                continue
            if re.search(data["event_date_label"], plain[: match.start()]):
                continue  # the date of something else the page names (上映日期：…)
            labelled = bool(label_re.search(plain[: match.start()]))
            rank = (0 if labelled else 1, 0 if zone in ("head", "lead", "dateline") else 1, number)
            if "date" not in found or rank < found["date"][0]:
                found["date"] = (rank, value, f"line {number} ({'labelled date' if labelled else zone + ' zone date'}): {text[:60]}")
        for match in english_re.finditer(text):
            value = _valid_date(int(match.group(3)), _MONTHS[match.group(1)[:3].lower()], int(match.group(2)))
            rank = (1, 0 if zone == "head" else 1, number)
            if value and ("date" not in found or rank < found["date"][0]):
                found["date"] = (rank, value, f"line {number} ({zone} zone date): {text[:60]}")
    # a label is a name, never a button (查看原文); a blog's name loses its platform's (X :: 痞客邦 ::)
    labels = [(number, _site_name(_BULLET.sub("", text)), where, named, role)
              for number, text, where, named, role in article.evidence.get("labels", [])
              # a field (查核結果：錯誤) is no name
              if not _interface(text) and simplified(_site_name(text)) not in not_names and not re.search("：|(?<!:):(?!:)", text)
              and not _section_name(_site_name(text))]  # Android 手機: a category, not a name
    if "author" not in found:
        for number, text, where, _, role in labels:
            if role == "author" and simplified(text) not in not_names:
                found["author"] = ((9,), text, f"line {number} (name above a prompt to follow its author): {text}")
                break
    if "outlet" not in found or found["outlet"][0][0] >= PLATFORM_RANK:
        # an aggregator prints its own name above the headline and the
        # publisher's below it: the one below is the outlet; a platform's
        # name is the outlet only when no account or publisher is named
        ranked = sorted((label for label in labels if label[4] == "outlet"),
                        key=lambda label: (is_platform(label[1]), label[2] != "after", not label[3], label[0]))
        if ranked and ("outlet" not in found or not is_platform(ranked[0][1])):
            number, text, where, _, _ = ranked[0]
            found["outlet"] = ((9,), text, f"line {number} (label {where} the headline): {text}")
    _author_after_outlet(found, bylines)
    if "outlet" in found:
        # a credit's short name for the site whose masthead prints it in full (民視新聞 -> 民視新聞網)
        rank, outlet, source = found["outlet"]
        full = next((text for _, text, _, _, _ in labels if text in (outlet + "網", outlet + "网")), None)
        # a site's own desk (錢線新聞中心) for the masthead that begins with its stem (錢線財經)
        desk = re.search(f"(?:{data['desk_words']})$", simplified(outlet))
        stem = outlet[: desk.start()] if desk and desk.start() >= 2 else None
        full = full or next((text for _, text, _, _, _ in labels if stem and text.startswith(stem) and text != outlet), None)
        if full:
            found["outlet"] = (rank, full, source + f"; in full as the masthead prints it: {full}")
        # a paper's edition on the web names the paper
        rank, outlet, source = found["outlet"]
        edition = re.search(f"(?:{data['edition_words']})$", simplified(outlet))
        if edition and edition.start() >= 2:
            found["outlet"] = (rank, outlet[: edition.start()], source + f"; the paper of its edition {outlet}")
    return {key: (value, source) for key, (_, value, source) in found.items()}


PLATFORM_RANK = 100


@functools.lru_cache(maxsize=1)
def _platforms() -> re.Pattern:
    data = load_data("bylines.yml")
    names = sorted((str(name) for name in data["platforms"]), key=len, reverse=True)
    return re.compile(f"(?i)(?:{'|'.join(map(re.escape, names))})\\s*(?:{data['platform_words']})?")


def is_platform(value: str) -> bool:
    """A publishing platform's name (小紅書, 方格子 vocus, 搜狐首页), not a publisher's."""
    from .clean import simplified
    return any(_platforms().fullmatch(simplified(name).strip()) for name in (value, _site_name(value)))


def _site_name(label: str) -> str:
    """A page's own name without the platform's after it (小米的廚房日記 ::
    痞客邦 :: -> 小米的廚房日記) or its English name (數位時代 BusinessNext)."""
    from .clean import BILINGUAL_NAME, config
    suffix = config()["site_suffix"].search(label)
    if suffix and suffix.start() >= 2:
        label = label[: suffix.start()].strip()
    english = BILINGUAL_NAME.fullmatch(label)
    if english:
        label = english.group(1) or english.group(2)
    # 香港電台網站: the site of 香港電台
    return re.sub(r"(?<=..)(網站|网站|官網|官网|官方網站|官方网站)$", "", label)


def _section_name(value: str) -> bool:
    """A section's name (深度, 财经) credits no one: 深度報導 is a section, not an outlet's report."""
    from .clean import _section, config, simplified
    return _section(simplified(value), config()["sections"])


def _author_after_outlet(found: dict, bylines: list) -> None:
    """A credit may name the outlet before the writer (文｜财新 周舟): an
    author that is the outlet's name, or its start, gives way to the name after it."""
    if "author" not in found or "outlet" not in found:
        return
    rank, author, source = found["author"]
    outlet = found["outlet"][1]
    if not outlet.startswith(author):
        return
    for number, text, _ in bylines:
        at = text.find(author)
        if at < 0 or f"line {number} " not in source + " ":
            continue
        after = re.match(r"\s*(?:记者|記者)?\s*([\u4e00-\u9fff·]{2,4})\s*$", text[at + len(author):])
        if after:
            found["author"] = (rank, after.group(1), source)
        return


def _interface(value: str) -> bool:
    """A value made of a page's button words (【打印本页】), a list's
    heading (【延伸閱讀】), a prompt (【加入X好友】) or a button with its
    count (好问题 12) names no one."""
    from .clean import config, simplified
    return any(cue.match(value, simplified(value)) for cue in config()["cues"]
               if cue.name in ("interface", "related", "share_prompt", "paywall", "counter"))


def _is_write_up(article: Article) -> bool:
    data = _byline_rules()[0]
    pattern = re.compile(data["write_up"])
    from .clean import simplified
    return any(pattern.search(simplified(line)) for _, line in article.body[:12])


def _take_headline(article: Article) -> None:
    """The headline cleaning marked becomes the title and leaves the body;
    when the title came from elsewhere it still leaves (it is not article text)."""
    headline = article.evidence.get("headline")
    if not headline:
        return
    number, text = headline
    for index, (line_number, _) in enumerate(article.body):
        if line_number == number:
            del article.body[index]
            break
    else:
        return
    if not article.meta.get("title"):
        article.meta["title"] = text.lstrip("# ").strip()
        article.provenance["title"] = f"line {number} (headline)"
        article.removed.append(Removal(number, text, "title-line (moved to the page title)", "headline"))
    else:
        article.removed.append(Removal(number, text, "title-line (headline; the page title comes from "
                                       f"{article.provenance.get('title', 'elsewhere')})", "headline"))


_CLAUSE_END = "。！？!?；;，,：:"
_WORDS = re.compile(f"[{HAN}A-Za-z]")


HEADING_CHARS = 20  # a section's heading is short


def _title_from_opening(article: Article) -> str:
    """Without a headline, the opening sentence cut at its first clause end;
    a clause too long for a title is cut at a word boundary. A section's
    heading opening the text is no sentence: the paragraph under it opens."""
    from .clean import config, is_prose
    settings = config()["data"]["prose"]
    lines = [line.strip() for _, line in article.body]
    lines = [line for line in lines if re.sub(r"^[#>\s]+", "", line) and not re.sub(r"^[#>\s]+", "", line).startswith(("{{", "!", "[", "<"))]
    if any(is_prose(line, settings) for line in lines):
        # (a Markdown title, "# …", is the text's own title and stays first)
        lines = lines[next(i for i, line in enumerate(lines)
                           if is_prose(line, settings) or len(line) > HEADING_CHARS or line.startswith("# ")):]
    for text in (re.sub(r"^[#>\s]+", "", line) for line in lines):
        clauses = [c.strip() for c in re.split(f"([{_CLAUSE_END}])", text)]
        clause = clauses[0]
        # a clause that is only a date or a name ("2025年10月底") says too little: add the next
        position = 1
        while len(_WORDS.findall(clause)) < 6 and position + 1 < len(clauses) and clauses[position] not in "。！？!?":
            clause += clauses[position] + clauses[position + 1]
            position += 2
        if not clause:
            continue
        if len(clause) <= 40:
            return clause
        import jieba
        jieba.setLogLevel(60)
        out = ""
        for word in jieba.cut(clause):
            if len(out) + len(word) > 40:
                break
            out += word
        return out.rstrip() + "…"
    return article.seed.path.stem

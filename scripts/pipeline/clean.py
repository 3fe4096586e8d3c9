"""Cleaning: tell the article's lines from the page's chrome by general
evidence (data/chrome.yml), not by per-outlet patterns. Every removed line or
fragment is recorded with its rule and the evidence; the head zone's headline
is marked for the metadata stage, which also reads the removed bylines."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field


from .article import HANS, Article, Removal
from .config import load_data
from .structure import unwrap
from .text import HAN
from .variants import CHARACTERS_ONLY, shipped

_T2S = shipped(CHARACTERS_ONLY[HANS])
_LETTER = re.compile(f"[{HAN}A-Za-z0-9]")
_SPLIT = re.compile(r"[\s:：|｜/／、，,·•【】\[\]（）()]+")
_URL = re.compile(r"https?://|www\.")
_YEAR_CAPTION = re.compile(r"^\d{4}\s*年[^，,。]{0,8}[，,][^。！？!?；;：:]{2,30}$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = ("{{", "#", ">", "!", "[", "<", "-", "*", "|", "`")


# signs drawn like a slash or a bar that some sites print in bylines
# (記者X∕苗栗報導; 文丨X, the radical 丨 as the bar on WeChat-style credits)
_LOOKALIKES = str.maketrans({"∕": "/", "⁄": "/", "丨": "｜"})


@functools.lru_cache(maxsize=65536)
def simplified(text: str) -> str:
    """The text in Simplified characters, position for position (cues are
    written once, in Simplified), slash- and bar-like signs read as a slash or bar; the text
    itself when a conversion would change its length. Memoised: every cue
    and stage asks again for the same line."""
    converted = _T2S.convert(text)
    return (converted if len(converted) == len(text) else text).translate(_LOOKALIKES)


@dataclass
class Cue:
    name: str
    weight: float
    patterns: list
    max_chars: int = 0
    legal: bool = False
    sure: bool = False
    raw: bool = False
    words: frozenset = frozenset()
    word_patterns: list = field(default_factory=list)

    def match(self, text: str, plain: str) -> str:
        """The matched fragment, or ''. Cues read the words (a Markdown
        link's label, not its address), except those about markup itself."""
        if self.max_chars and len(text) > self.max_chars:
            return ""
        if self.raw:
            plain = simplified(text)
        else:
            plain = _delinked(plain)
        if self.words:
            tokens = _tokens(plain)
            if tokens and all(t.casefold() in self.words or any(p.fullmatch(t) for p in self.word_patterns) for t in tokens):
                return plain
            return ""
        for pattern in self.patterns:
            found = pattern.search(plain)
            if found:
                return found.group(0) or plain
        return ""


@functools.lru_cache(maxsize=65536)
def _delinked(plain: str) -> str:
    """A line's words: each Markdown link reduced to its label (asked once per line, not per cue)."""
    return _MD_LINK.sub(r"\1", plain) if "](" in plain else plain


@functools.lru_cache(maxsize=65536)
def _tokens(plain: str) -> tuple:
    return tuple(t for t in _SPLIT.split(plain) if t)


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise ValueError(f"scripts/data/{where}: pattern {pattern!r} is not a valid regular expression: {error}") from None


@functools.lru_cache(maxsize=1)
def config():
    data = load_data("chrome.yml")
    cues = []
    for name, spec in data["cues"].items():
        cues.append(Cue(
            name=name,
            weight=float(spec["weight"]),
            patterns=[_compile(p, f"chrome.yml cue {name}") for p in spec.get("patterns", [])],
            max_chars=int(spec.get("max_chars", 0)),
            legal=bool(spec.get("legal", False)),
            sure=bool(spec.get("sure", False)),
            raw=bool(spec.get("raw", False)),
            words=frozenset(str(w).casefold() for w in spec.get("words", [])),
            word_patterns=[_compile(p, f"chrome.yml cue {name}") for p in spec.get("word_patterns", [])],
        ))
    inline = [(rule["name"], _compile(rule["pattern"], f"chrome.yml inline {rule['name']}"), rule.get("replace", "")) for rule in data["inline"]]
    protected = [_compile(p, "chrome.yml protected") for p in data["protected"]]
    return {
        "data": data,
        "cues": cues,
        "inline": inline,
        "protected": protected,
        "thematic_break": re.compile(data["thematic_break"]),
        "sections": {str(w).casefold() for w in data["section_words"]},
        "masthead": re.compile(data["masthead"]),
        "channel": _compile(data["channel"], "chrome.yml channel"),
        "app_name": _compile(data["app_name"], "chrome.yml app_name"),
        "about_heading": _compile(data["about_heading"], "chrome.yml about_heading"),
        "references": _compile(data["references"], "chrome.yml references"),
        "site_suffix": _compile(data["site_suffix"], "chrome.yml site_suffix"),
        "follow_person": _compile(data["follow_person"], "chrome.yml follow_person"),
        "post_number": _compile(data["post_number"], "chrome.yml post_number"),
        "reply_floor": _compile(data["reply_floor"], "chrome.yml reply_floor"),
        "timestamp": _compile(data["timestamp"], "chrome.yml timestamp"),
        "signature": _compile(data["signature"], "chrome.yml signature"),
        "share_headline": _compile(data["share_headline"], "chrome.yml share_headline"),
        "features": {},  # line text -> _text_features, filled as lines are seen
    }


@functools.lru_cache(maxsize=1)
def datelines():
    """Credits at the start of a paragraph: 【X专讯】, （记者X／台北报导）, （X社记者Y台北23日电）."""
    return [_compile(p, "bylines.yml datelines") for p in load_data("bylines.yml")["datelines"]]


@dataclass
class Line:
    index: int  # position in article.body
    number: int
    text: str
    plain: str  # in Simplified
    letters: int
    prose: bool
    long: bool
    protected: bool
    cues: list  # (name, fragment)
    weight: float = 0.0
    legal: bool = False
    sure: bool = False
    zone: str = "body"
    score: float = 0.0
    rule: str = ""
    evidence: list = field(default_factory=list)
    titled: bool = False  # a sentence-like line read as a headline (有些告别，来不及说再见。)


_WORDS = re.compile(f"[{HAN}A-Za-z]")
# a masthead printed with its English name: 數位時代 BusinessNext, 新頭殼newtalk, The News Lens 關鍵評論網
# (a short Latin tail run into the name is part of it: 江声FM, 美食家阿Ben)
BILINGUAL_NAME = re.compile(f"([{HAN}](?:[^ ]*?[{HAN}])?)(?:\\s+[A-Za-z]|[A-Za-z]{{4}})[A-Za-z0-9 .&'-]*|[A-Za-z][A-Za-z0-9 .&'-]*?\\s+([{HAN}][^ ]*)")


def is_prose(text: str, settings: dict) -> bool:
    """A sentence of the article: enough words (digits do not count: a date
    is not a sentence) and a sentence's ending or a full stop inside. A
    headline's question or exclamation (no full stop, clauses split by
    spaces, not commas) is not."""
    if len(_WORDS.findall(text)) < settings["min_chars"]:
        return False
    stripped = text.rstrip()
    if any(mark in stripped[:-1] for mark in settings["full_stop"]):
        return True
    if stripped[-1] in settings["headline_end"] and not any(mark in stripped for mark in settings["clause_marks"]):
        return False
    if stripped[-1] in settings["closing_marks"]:
        # a quotation or bracket ends a sentence only after a sentence's own mark
        return len(stripped) > 1 and stripped[-2] in settings["sentence_end"]
    return stripped[-1] in settings["sentence_end"]


_FEATURES_KEPT = 65536


def _features(index: int, number: int, text: str, cfg: dict) -> Line:
    # a line's features depend on its text alone; unwrapping and scoring ask
    # for the same line more than once, and pages repeat their chrome lines
    known = cfg["features"].get(text)
    if known is None:
        if len(cfg["features"]) >= _FEATURES_KEPT:
            cfg["features"].clear()  # a long `mkdocs serve` session: start over rather than grow
        known = cfg["features"][text] = _text_features(text, cfg)
    plain, letters, prose, long, protected, cues, weight, legal, sure = known
    return Line(
        index=index, number=number, text=text, plain=plain, letters=letters, prose=prose, long=long,
        protected=protected, cues=list(cues), weight=weight, legal=legal, sure=sure,
    )


_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(\S(?:.*\S)?)\1")


def _text_features(text: str, cfg: dict) -> tuple:
    settings = cfg["data"]["prose"]
    plain = simplified(text)
    cues = []
    weight = 0.0
    legal = sure = False
    # a line in Markdown emphasis (*2025年11月5日*, **文／X**) is read for its words
    emphasised = _EMPHASIS.fullmatch(text)
    words = emphasised.group(2) if emphasised else text
    for cue in cfg["cues"]:
        fragment = cue.match(words, simplified(words))
        if fragment:
            cues.append((cue.name, fragment))
            if cue.weight > weight:
                weight = cue.weight
            legal = legal or cue.legal
            sure = sure or cue.sure
    return (plain, len(_LETTER.findall(text)), is_prose(text, settings), len(text) > settings["long_chars"],
            any(p.search(text) for p in cfg["protected"]), tuple(cues), weight, legal, sure)


def _anchor(line: Line) -> bool:
    """A paragraph of the article: the zones are what lies before the first and after the last."""
    return line.prose and not line.legal and line.weight < 3


def _score(line: Line, weights: dict) -> None:
    if line.protected:
        return
    if line.cues:
        line.score = line.weight + (weights["several_cues"] if len({n for n, _ in line.cues}) > 1 else 0)
        line.evidence.append("cues " + ", ".join(f"{name}({fragment[:16]})" for name, fragment in line.cues))
        in_zone = line.zone != "body"
        if not line.sure:
            line.score += weights["zone"] if in_zone else weights["body"]
        if line.prose and not (line.legal and in_zone) and not line.sure:
            line.score += weights["prose"]
            line.evidence.append("reads as a sentence")
            if line.long:
                line.score += weights["long"]
        line.rule = max(line.cues, key=lambda c: next(cue.weight for cue in config()["cues"] if cue.name == c[0]))[0]
    line.evidence.append(f"zone {line.zone}")


_BULLET = re.compile(r"^[-*+•·]\s+")
_ENTRY_NUMBER = re.compile(r"^\d{1,2}\s*[.、．)]\s*")
_SECTION_FIRST = re.compile(r"^(\S{1,8})\s*[|｜]\s*")
_SENTENCE_STOP = re.compile(r"[。]\s*[”’」』）)]*$")


def _listed_headline(line: Line, settings: dict) -> bool:
    """A headline in a list of other pages: one clause or a question, no full stop."""
    return not line.protected and not line.cues and "。" not in line.text \
        and len(_WORDS.findall(line.text)) <= settings["headline_chars"] and line.text[-1] not in "。；;"


def _short_label(line: Line) -> bool:
    """A short line that is neither a sentence nor markup: a headline, a
    site's name, a section, a menu item (a short bulleted item counts)."""
    if line.titled:
        return True
    text = line.text
    if _BULLET.match(text):
        text = _BULLET.sub("", text)
        if len(text) > 16:
            return False
    return not line.prose and not line.protected and not line.cues and bool(line.letters) and len(text) <= 40 \
        and not text.startswith(_MARKUP) and not re.match(r"^\d{1,3}[.)、]\s", text) and not _SENTENCE_STOP.search(text)


def clean(article: Article) -> None:
    """The clean stage: article.body loses chrome lines and fragments; the
    headline line (if any) is marked in article.evidence for metadata."""
    cfg = config()
    weights = cfg["data"]["weights"]
    threshold = cfg["data"]["threshold"]
    near = cfg["data"]["near"]
    body = []
    # Inline fragments first, so a line left empty by them is not article text.
    for number, raw in article.body:
        line = raw
        for name, pattern, replace in cfg["inline"]:
            matches = list(pattern.finditer(line))
            for match in matches:
                article.removed.append(Removal(number, match.group(0), name, "inline fragment"))
                if name in cfg["data"]["credit_fragments"]:
                    # a credit tacked onto the text (（记者 王川）) is a byline too
                    article.evidence.setdefault("bylines", []).append((number, match.group(0).strip(" （()）"), "tail"))
            if matches:  # most lines hold none: no substitution to run
                line = pattern.sub(replace, line)
        if raw.strip() and not line.strip():
            continue  # the whole line was a fragment, recorded above
        body.append((number, line))

    # Hard-wrapped text: a paragraph's lines are judged as one (chrome lines are never joined)
    body = unwrap(body, load_data("structure.yml")["hard_wrap"],
                  keep_apart=lambda text: bool(_features(0, 0, text.strip(), cfg).cues) or bool(cfg["thematic_break"].match(text.strip())))

    lines: list[Line] = []
    kept_breaks = []
    for index, (number, raw) in enumerate(body):
        text = raw.strip()
        if not text:
            continue
        if cfg["thematic_break"].match(text):
            article.removed.append(Removal(number, text, "thematic-break", "a rule line carries no text"))
            kept_breaks.append(index)
            continue
        lines.append(_features(index, number, text, cfg))

    # A short question with one comma just above a byline, or the first one
    # just below it, is a headline (旧车怎么办？), not the article's first sentence;
    # so is the first one standing between chrome lines (a question-and-answer
    # page's question under the site's menu, above its buttons).
    settings = cfg["data"]["prose"]
    bylines = ("byline", "date_line", "credit", "credit_line")
    first_prose = next((i for i, line in enumerate(lines) if line.prose), None)
    # (an essay's title may end with a full stop when it opens the page above its byline: 有些告别，来不及说再见。)
    for i, line in enumerate(lines):
        clauses = sum(line.text.count(mark) for mark in settings["clause_marks"])
        titled = (line.text[-1] in settings["headline_end"] and "。" not in line.text and clauses == 1) \
            or (i == 0 and line.text.endswith("。") and line.text.count("。") == 1 and clauses <= 1
                and len(lines) > 1 and any(name in bylines for name, _ in lines[1].cues))
        if line.prose and not line.cues and titled \
                and len(_WORDS.findall(line.text)) <= settings["headline_chars"] \
                and (any(name in bylines for n in lines[i + 1: i + 4] for name, _ in n.cues)
                     or (i == first_prose and any(name in bylines for n in lines[max(0, i - 3): i] for name, _ in n.cues))
                     or (i == first_prose and i > 0 and bool(lines[i - 1].cues) and i + 1 < len(lines)
                         and not lines[i + 1].prose and bool(lines[i + 1].cues))):
            line.prose = False
            line.titled = True
            line.evidence.append("a short question next to a byline: a headline")

    # A question-and-answer page: the question above the count of its answers
    # (查看全部 N 个回答) is the headline, however long its description; the
    # answerer's name and one-line profile under the count are the answer's byline.
    answerer = []
    count = next((i for i, line in enumerate(lines) if any(name == "answer_count" for name, _ in line.cues)), None)
    if count is not None:
        # (the first question: a description under it may end with one too)
        question = next((line for line in lines[:count] if not line.cues and line.text[-1] in "？?"
                         and "。" not in line.text and len(_WORDS.findall(line.text)) <= settings["long_chars"]), None)
        if question is not None:
            question.prose, question.titled = False, True
            question.evidence.append(f"the question above the count of its answers on line {lines[count].number}")
        for line in lines[count + 1: count + 3]:
            if line.cues or line.protected or line.prose or len(line.text) > settings["headline_chars"] or "。" in line.text:
                break
            answerer.append(line)

    for line in lines:
        if not line.cues and not line.protected and _menu(line.plain, cfg["sections"]):
            line.cues.append(("navigation", line.text))
            line.weight = max(line.weight, next(c.weight for c in cfg["cues"] if c.name == "navigation"))

    anchors = [i for i, line in enumerate(lines) if _anchor(line)]
    first, last = (anchors[0], anchors[-1]) if anchors else (len(lines), -1)
    for i, line in enumerate(lines):
        line.zone = "head" if i < first else "tail" if i > last else "body"
        if not anchors:
            line.zone = "head"
    kept_as_text = article.evidence.get("kept_as_text", set())
    in_references = False
    for line in lines:
        # a reference list's heading is protected; so are the links under it
        if in_references and _URL.search(line.text) and not any(name != "links" for name, _ in line.cues):
            line.protected = True
        else:
            in_references = line.protected and bool(cfg["references"].match(line.text))
        line.protected = line.protected or line.number in kept_as_text
        _score(line, weights)

    for at, line in enumerate(answerer):
        line.score, line.rule = max(line.score, threshold), "byline"
        line.evidence.append("the answerer's " + ("profile" if at else "name") + " under the count of answers")
    if answerer:
        article.evidence.setdefault("labels", []).append((answerer[0].number, answerer[0].text, "after", False, "author"))

    # A table of contents: the short lines under its heading are its entries;
    # the headings they repeat further down are the article's own and stay.
    # (entries may be numbered where the headings are not: 1. X above X)
    contents = set()
    for i, line in enumerate(lines):
        if line.rule != "contents" or line.score < threshold:
            continue
        for item in lines[i + 1:]:
            entry = _ENTRY_NUMBER.sub("", item.plain)
            numbered = entry != item.plain and not item.prose and not item.cues and len(item.text) <= 40
            if not (_short_label(item) or numbered) or item.score >= threshold or entry in contents:
                break
            item.score = threshold
            item.rule = "contents"
            item.evidence.append(f"an entry of the contents under line {line.number}")
            contents.add(entry)

    # A chapter list (本集時間軸): the timestamped lines under its heading are its entries.
    for i, line in enumerate(lines):
        if line.rule != "timeline" or line.score < threshold:
            continue
        for item in lines[i + 1:]:
            # (a chapter's name is a title: a sentence with a full stop is the article's)
            if item.protected or not cfg["timestamp"].match(item.plain) or "。" in item.text:
                break
            item.score = max(item.score, threshold)
            item.rule = "timeline"
            item.evidence.append(f"a chapter of the list under line {line.number}")

    seen: dict[str, int] = {}
    for line in lines:
        key = line.plain
        # a speaker's label in a transcript (主持人：) is printed again by nature
        speaker = line.zone == "body" and key.endswith(("：", ":"))
        heading = key in contents and line.rule != "contents"
        if len(key) >= 4 and not line.protected and key in seen and not speaker and not heading:
            line.score += weights["repeated"]
            line.rule = line.rule if line.cues else "repeated"
            line.evidence.append(f"repeats line {seen[key]}")
        seen.setdefault(key, line.number)

    # A pull quote: a line that is only a quotation printed again from the
    # paragraph above it (他說：「X」 over 「X」), set large between paragraphs.
    for above, line in zip(lines, lines[1:]):
        quoted = _QUOTED_LINE.fullmatch(line.text.strip())
        if quoted and len(quoted.group(1)) >= PULL_QUOTE_CHARS and quoted.group(1) in above.text and line.score < threshold:
            line.score += weights["repeated"]
            line.rule = "repeated"
            line.evidence.append(f"a pull quote repeating line {above.number}")

    # Captions of pictures the scraper did not keep: a dated short line between paragraphs.
    for i, line in enumerate(lines):
        if line.zone == "body" and not line.cues and not line.protected and _YEAR_CAPTION.match(line.text):
            before = lines[i - 1] if i else None
            after = lines[i + 1] if i + 1 < len(lines) else None
            if before is not None and after is not None and before.prose and after.prose:
                line.score += 3.0
                line.rule = "caption"
                line.evidence.append("dated short line, not a sentence, between paragraphs: a picture's caption")

    headline = _headline(lines, threshold, bool(anchors), cfg["site_suffix"], cfg["masthead"])
    if headline is not None and headline.zone == "head":
        # a print page's headline between its kicker (引题) and a dash-led subtitle
        # (副题): both belong to the headline, and stay
        at = lines.index(headline)
        kicker = lines[at - 1] if at else None
        subtitle = lines[at + 1] if at + 1 < len(lines) else None
        deck = [line for line in (kicker, subtitle) if line is not None and line.zone == "head" and _short_label(line)
                and line.letters >= KICKER_LETTERS and not cfg["masthead"].search(line.plain)
                and not all(_section(t, cfg["sections"]) for t in _label_tokens(line.plain))]
        if subtitle is not None and (_deck(subtitle, headline) or (_quoted_headline(headline, subtitle) and _short_label(subtitle))):
            subtitle.protected = True
            subtitle.evidence.append("the headline's deck")
        elif subtitle in deck and _DASH_LED.match(subtitle.text):
            for line in deck:
                line.protected = True
                line.evidence.append("the headline's " + ("kicker" if line is kicker else "subtitle"))
        # a one-sentence summary under the headline: the credits and the time
        # under it, up to the next paragraph, are the byline's (an app's page)
        if at + 2 < len(lines) and lines[at + 1].prose:
            for line in lines[at + 2:]:
                if _anchor(line) or not any(name in bylines for name, _ in line.cues):
                    break
                line.zone, line.score, line.evidence = "lead", 0.0, []
                _score(line, weights)
    if headline is not None and headline.zone == "body":
        # the page printed its lead first: what follows the headline up to
        # the next paragraph is its byline zone
        start = lines.index(headline)
        for line in lines[start + 1:]:
            if _anchor(line):
                break
            line.zone, line.score, line.evidence = "lead", 0.0, []
            _score(line, weights)
    if headline is not None:
        headline.evidence.append("headline")
        title = headline.text
        elsewhere = [line.plain for line in lines if line is not headline and (line.zone != "body" or line.score >= threshold)]
        # a share button printed before the headline (分享 | <headline>) is no part of it
        if (button := _BAR_PREFIX.match(title)) and cfg["share_headline"].match(simplified(button.group(1))):
            title = button.group(2)
        while suffix := cfg["site_suffix"].search(title):
            # a page's <title>: the headline plus the site's name (and its
            # section): a name that looks like an outlet's or a section's, or
            # that the page's bylines and notices name too
            name = simplified(suffix.group(1)).strip()
            section = _section(name, cfg["sections"])
            # a page saved with only its title: a short name after a spaced bar or an underscore
            page_title = headline is lines[0] and bool(_PAGE_TITLE_BAR.match(suffix.group(0))) \
                and len(name) <= PAGE_TITLE_SITE_CHARS and suffix.start() >= 2 * len(name)
            if not (section or page_title or cfg["masthead"].search(name) or any(name in plain for plain in elsewhere)):
                break
            title = title[: suffix.start()].strip()
            if not section:
                article.evidence.setdefault("labels", []).append((headline.number, suffix.group(1).strip(), "before", True, "outlet"))
        article.evidence["headline"] = (headline.number, title)
        base = simplified(title)
        for line in lines:
            # (a page's title may put the section first: 港聞 | <headline> | 晨光新聞)
            plain = _SECTION_FIRST.sub(lambda m: "" if _section(m.group(1), cfg["sections"]) else m.group(0), line.plain)
            rest = plain[len(base):] if line is not headline and plain.startswith(base) else None
            if rest and cfg["site_suffix"].fullmatch(rest) and line.score < threshold:
                line.score += weights["repeated"]
                line.rule = "repeated"
                line.evidence.append(f"the headline again, with a site's name ({rest.strip()})")
            elif line is not headline and line.plain.endswith(base) and line.score < threshold \
                    and cfg["share_headline"].match(line.plain[: -len(base)]):
                line.score = max(line.score, threshold)
                line.rule = "share_prompt"
                line.evidence.append("a share prompt quoting the headline")

    if headline is not None and headline.zone == "head":
        # The headline's English version beside it (a bilingual page) is no article text.
        at = lines.index(headline)
        for line in (lines[at - 1] if at else None, lines[at + 1] if at + 1 < len(lines) else None):
            if line is not None and line.zone == "head" and line.score < threshold and not line.cues and not line.prose \
                    and not line.protected and not re.search(f"[{HAN}]", line.text) \
                    and len(line.text.split()) >= ENGLISH_HEADLINE_WORDS:
                line.score = threshold
                line.rule = "repeated"
                line.evidence.append("the headline's English version")
        # A blogger's name alone under the headline, the name the blog's own
        # opens with (阿秀 under 阿秀的手作生活): the writer's byline.
        name = lines[at + 1] if at + 1 < len(lines) else None
        if name is not None and name.score < threshold and _short_label(name) and re.fullmatch(f"[{HAN}]{{2,4}}", name.text) \
                and any(line.plain.startswith(name.plain + "的") for line in lines[:at]):
            name.score = threshold
            name.rule = "byline"
            name.evidence.append("a name under the headline that the site's name opens with: its writer")
            article.evidence.setdefault("labels", []).append((name.number, name.text, "after", False, "author"))

    # A notice's signature: the issuer's name on a line of its own above the
    # date that closes the page (政府 notices, letters).
    for i, line in enumerate(lines[:-1]):
        after = lines[i + 1]
        if line.zone == "tail" and _short_label(line) and line.score < threshold and cfg["signature"].fullmatch(line.plain) \
                and after.score >= threshold and any(name == "date_line" for name, _ in after.cues):
            line.score = threshold
            line.rule = "signature"
            line.evidence.append(f"an issuer's name above the closing date on line {after.number}")
            article.evidence.setdefault("labels", []).append((line.number, line.text, "after", False, "outlet"))

    # A name closing the page that a byline or header above already names
    # (an e-mail's sender signing off, an outlet's name under its notice).
    if lines and lines[-1].zone == "tail" and _short_label(lines[-1]) and lines[-1].score < threshold and len(lines[-1].plain) >= 2:
        last = lines[-1]
        named = next((line for line in lines[:-1] if line.score >= threshold and line.zone != "body" and last.plain in line.plain), None)
        if named is not None:
            last.score = threshold
            last.rule = "signature"
            last.evidence.append(f"a name closing the page, named by chrome line {named.number}")

    # Short labels before the article (site name, section) other than the
    # headline; a text without a single paragraph keeps its short lines, and
    # short lines after the head's last chrome line and the headline lead
    # into the article (a subtitle, a first section heading): they stay.
    last_chrome = max((i for i, line in enumerate(lines) if line.zone == "head" and line.score >= threshold), default=-1)
    if headline is not None and headline.zone == "head":
        last_chrome = max(last_chrome, lines.index(headline))
    for i, line in enumerate(lines):
        if not (anchors and line.zone == "head" and line is not headline and _short_label(line) and line.score < threshold):
            continue
        tokens = _label_tokens(line.plain)
        named = bool(cfg["masthead"].search(line.plain)) or all(_section(t, cfg["sections"]) for t in tokens) \
            or (i == 0 and bool(cfg["channel"].match(line.plain)))
        if i < last_chrome or named:
            line.score = max(line.score, threshold)
            line.rule = "head-label"
            line.evidence.append("short label before the article")
            plain = line.plain
            # a section names no one, nor does a post's number (1楼), nor a menu's
            # item after the first (知乎 / 首页 / 会员: the site's name opens its menu)
            menu_item = i > 0 and _menu_word(lines[i - 1].plain) and _menu_word(plain) and not cfg["masthead"].search(plain)
            # (a list of names, X，Y，Z，W, is a paper's authors, never an outlet)
            if tokens and not all(_section(t, cfg["sections"]) for t in tokens) and not cfg["post_number"].fullmatch(plain) \
                    and not _NAME_LIST.fullmatch(plain):
                at = lines.index(line)
                # a name followed by "follow him" is the author's, not the outlet's; so is a
                # person's name (two or three characters) just above the date
                after = lines[at + 1] if at + 1 < len(lines) else None
                # (a menu's last item above the date is no one: 住房 / 医疗 / 最后更新…)
                person = not menu_item and after is not None and re.fullmatch(f"[{HAN}·]{{2,3}}", line.plain) is not None \
                    and any(name in ("date_line", "byline") for name, _ in after.cues)
                # under the headline, a name just above the post's time or its floor number is its
                # poster's (a forum's byline)
                person = person or (headline is not None and line.number > headline.number and after is not None
                                    and not cfg["masthead"].search(line.plain)
                                    and (any(name == "date_line" for name, _ in after.cues)
                                         or bool(cfg["post_number"].fullmatch(after.plain))))
                role = "author" if person or any(cfg["follow_person"].search(n.plain) for n in lines[at + 1: at + 3]) else "outlet"
                # a name above a bare follow button is the account that published the page,
                # as much an outlet's name as a masthead is (the platform's name stands higher)
                account = any(n.plain.lstrip("+") == "关注" for n in lines[at + 1: at + 2])
                if menu_item and role == "outlet":
                    continue
                article.evidence.setdefault("labels", []).append(
                    (line.number, line.text, "before" if headline is None or line.number < headline.number else "after",
                     bool(cfg["masthead"].search(plain)) or account, role)
                )

    # An app's name above the article (新华视点客户端) names the outlet.
    for line in lines:
        app = cfg["app_name"].fullmatch(line.plain) if line.zone == "head" and line.score >= threshold else None
        if app:
            article.evidence.setdefault("labels", []).append(
                (line.number, line.text[: len(app.group(1))], "before", True, "outlet"))

    # The items of a related-article list, wherever it stands: short lines under its heading.
    for i, line in enumerate(lines):
        if line.rule not in ("related", "read_next") or line.score < threshold:
            continue
        for item in lines[i + 1:]:
            # (an entry's excerpt, cut short with an ellipsis, belongs to the list too)
            excerpt = item.text.rstrip().endswith(("...", "…")) and not item.protected
            if not (_short_label(item) or _listed_headline(item, settings) or excerpt) or item.score >= threshold \
                    or item is headline:
                break
            item.score = max(item.score, threshold)
            item.rule = "related"
            item.evidence.append(f"an item of the list under line {line.number}")

    # A press release's boilerplate: "About X" after the article, above a
    # sentence opening with X (关于江川科技 / 江川科技成立于…): a box about the company.
    for i, line in enumerate(lines[:-1]):
        about = cfg["about_heading"].fullmatch(line.plain) if anchors and i > first and line.score < threshold else None
        if about and lines[i + 1].plain.startswith(about.group(1)):
            line.score = threshold
            line.rule = "author_box"
            line.evidence.append(f"about {about.group(1)}, whom the next line opens with")

    # After the article, the readers' comments (every line under their heading
    # to the page's end) and a box about the writer or the company (the lines
    # under its heading up to the next chrome line), however much a remark or a
    # bio reads as a sentence.
    # A thread's replies: a poster's name above a reply's floor (沙发, 2楼) and
    # its time, after the opening post, opens them as a comments heading does.
    for i, line in enumerate(lines[1:-1], start=1):
        if anchors and i > first and cfg["reply_floor"].fullmatch(line.plain) and _short_label(lines[i - 1]) \
                and any(name in ("date_line", "byline") for name, _ in lines[i + 1].cues):
            poster = lines[i - 1]
            poster.score, poster.rule = max(poster.score, threshold), "comments"
            poster.evidence.append(f"a reply's poster above its floor on line {line.number}")
            break
    # A box about the writer without a heading: the writer's name from the
    # byline printed again after the article, under its buttons, above the bio.
    named = {line.plain for line in lines if line.zone == "head" and line is not headline and _short_label(line)}
    for i, line in enumerate(lines[1:-1], start=1):
        if anchors and i > first and line.plain in named and line.score < threshold and _short_label(line) \
                and lines[i - 1].score >= threshold and lines[i + 1].score < threshold:
            line.score, line.rule = threshold, "author_box"
            line.evidence.append("the writer's name from the byline again, over the bio")
            break
    for rule, to_the_end in (("comments", True), ("author_box", False)):
        opening = next((i for i, line in enumerate(lines) if line.rule == rule and line.score >= threshold
                        and anchors and i > first), None)
        for item in lines[opening + 1:] if opening is not None else []:
            if item.score >= threshold and not to_the_end:
                break
            if item.score < threshold and not item.protected and item is not headline:
                item.score = threshold
                item.rule = rule
                item.evidence.append(f"under the {rule.replace('_', ' ')}'s heading on line {lines[opening].number}")

    # A product card between paragraphs: the short name just above its price.
    for i, line in enumerate(lines[1:], start=1):
        card = lines[i - 1]
        if line.rule == "price" and line.score >= threshold and card.score < threshold and _short_label(card) and card is not headline:
            card.score = threshold
            card.rule = "price"
            card.evidence.append(f"a product's name above its price on line {line.number}")

    # An outlet's name after the last paragraph, above more chrome (X電子報
    # above 訂閱電子報): the page's furniture, not the article's last words.
    for i, line in enumerate(lines[:-1]):
        if line.zone == "tail" and _short_label(line) and line.score < threshold and line.letters <= 16 \
                and cfg["masthead"].search(line.plain) and lines[i + 1].score >= threshold:
            line.score = threshold
            line.rule = "tail-label"
            line.evidence.append(f"an outlet's name above chrome line {lines[i + 1].number}")

    # A page's tags, one a line between its byline and the text (修复 / 胶片 /
    # 相机): three or more single words in a row after chrome in the head
    # zone. A subtitle or a first section heading is one line, and longer.
    run: list = []
    for i, line in enumerate(lines + [None]):
        if line is not None and line.zone == "head" and line is not headline and line.score < threshold \
                and _short_label(line) and line.letters <= TAG_LETTERS and not re.search(r"\s", line.plain):
            run.append(i)
            continue
        if len(run) >= 3 and run[0] > 0 and lines[run[0] - 1].score >= threshold:
            for at in run:
                lines[at].score = threshold
                lines[at].rule = "tags"
                lines[at].evidence.append(f"one of {len(run)} single words in a row after chrome line {lines[run[0] - 1].number}")
        run = []

    # Neighbours: a short line among chrome lines is chrome (list items, slogans).
    for i, line in enumerate(lines):
        if line is headline or line.score >= threshold or line.zone == "body" or not _short_label(line):
            continue
        if anchors and line.zone == "head" and i > last_chrome:
            continue  # leads into the article
        before = _previous(lines, i)
        after = _next_chrome_or_label(lines, i, threshold)
        if before is not None and before.score >= threshold and after:
            line.score += weights["neighbours"] + weights["zone"]
            line.rule = "neighbours"
            line.evidence.append(f"short line after chrome line {before.number}")

    # Chrome between paragraphs comes in blocks: an app's prompt and its two
    # buttons (不用抽 不用搶 / 點我下載APP / 按我看活動辦法), a statement above the
    # page's buttons. Lines whose cues the middle of the text weakened are
    # chrome when two stand together or one touches a chrome line.
    run = []
    for line in lines + [None]:
        if line is not None and line.zone == "body" and line.cues and near <= line.score < threshold \
                and not line.prose and line is not headline:
            run.append(line)
            continue
        if run:
            at, end = lines.index(run[0]), lines.index(run[-1])
            touching = any(0 <= j < len(lines) and lines[j].score >= threshold for j in (at - 1, end + 1))
            if len(run) >= 2 or touching:
                for item in run:
                    item.score = threshold
                    item.evidence.append("a chrome cue in a block of chrome between paragraphs")
        run = []

    # The tail's furniture, read upwards: a short line just above a chrome
    # line in the tail (分享此文： above its buttons, an unlabelled list's
    # heading) is chrome too, whatever its words; a line ending as a sentence
    # or a bracket does (a closing question, an end mark: （完）) is the article's.
    ends = tuple(cfg["data"]["prose"]["sentence_end"] + cfg["data"]["prose"]["closing_marks"])
    for i in range(len(lines) - 2, -1, -1):
        line, after = lines[i], lines[i + 1]
        if line.zone == "tail" and line is not headline and line.score < threshold and _short_label(line) \
                and not line.text.rstrip().endswith(ends) and after.score >= threshold and after.zone == "tail" and weights.get("lead_in", 0):
            line.score += weights["lead_in"]
            line.rule = "lead-in"
            line.evidence.append(f"short line just above chrome line {after.number} in the tail")

    # The page's last lines: three or more short lines in a row that close the
    # page, none ending as a sentence or a bracket, are its furniture
    # (沒有留言 / 發佈留言 / 較新的文章), whatever their words.
    closing = []
    for line in reversed(lines):
        if line.zone != "tail" or line is headline or line.text.rstrip().endswith(ends) \
                or not (line.score >= threshold or _short_label(line)):
            break
        closing.append(line)
    if sum(line.score < threshold for line in closing) and len(closing) >= 3 and weights.get("closing_run", 0):
        for line in closing:
            if line.score < threshold:
                line.score += weights["closing_run"]
                line.rule = "closing-run"
                line.evidence.append(f"one of {len(closing)} short lines closing the page")

    removed_numbers = set()
    for line in lines:
        evidence = "; ".join(line.evidence + [f"score {line.score:.1f}"])
        if line.score >= threshold and line is not headline:
            article.removed.append(Removal(line.number, line.text, line.rule or "chrome", evidence))
            removed_numbers.add(line.number)
            if line.zone != "body" or line.rule in ("byline", "credit", "credit_line", "fields"):
                article.evidence.setdefault("bylines", []).append((line.number, line.text, line.zone))
        elif line.score >= near:
            article.evidence.setdefault("near", []).append((line.number, line.text, evidence))
    article.body = [(number, raw) for index, (number, raw) in enumerate(body)
                    if number not in removed_numbers and index not in kept_breaks]
    _take_datelines(article)


TAG_LETTERS = 6  # a tag is a word or two
KICKER_LETTERS = 8  # a kicker or subtitle is a phrase, longer than a section's name
_DASH_LED = re.compile(r"^\s*(——|—|--|－－)")
MENU_CHARS = 4  # a menu's item is a word


def _label_tokens(plain: str) -> list:
    """A label's words: a section path (财经 > 产经) or a row of names (新闻 · 评论)."""
    return [t for t in re.split(r"[\s·•|｜/／>»]+", plain) if t]


def _menu_word(plain: str) -> bool:
    return 0 < len(plain) <= MENU_CHARS and not re.search(r"[\s\d]", plain)


def _section(token: str, sections: set) -> bool:
    """A section's name: 生活, Lifestyle, 社会新闻, 财经频道."""
    token = token.casefold()
    if token in sections:
        return True
    if len(token) <= 6 and token.endswith(("频道", "专区")) and _place(token[:-2]):
        return True  # a site's regional channel (江苏频道), not a channel's own name (港视频道)
    # two section words run together: 即时港闻, 社会新闻, 财经频道
    return any(token[:i] in sections and (token[i:] in sections or token[i:] in ("频道", "专区")) for i in range(1, len(token)))


@functools.lru_cache(maxsize=1024)
def _place(word: str) -> bool:
    """A place's name (江苏, 香港) as jieba's part-of-speech tagger reads it."""
    import jieba.posseg
    jieba.setLogLevel(60)
    tagged = list(jieba.posseg.cut(word))
    return len(tagged) == 1 and tagged[0].flag == "ns"


def _menu(plain: str, sections: set) -> bool:
    """A menu of sections: four or more short items, nearly all section names
    (每日新闻 要闻 港闻 经济 娱乐 副刊 体育)."""
    tokens = [t for t in re.split(r"[\s·•|｜/／]+", plain) if t]
    if len(tokens) < 4 or any(len(t) > 8 for t in tokens):
        return False
    return sum(_section(t, sections) for t in tokens) >= 0.75 * len(tokens)


def _previous(lines: list, i: int):
    return lines[i - 1] if i else None


def _next_chrome_or_label(lines: list, i: int, threshold: float) -> bool:
    """True at the end of the page, or when the next line is chrome or another short label."""
    for line in lines[i + 1:]:
        if line.score >= threshold:
            return True
        return _short_label(line) and line.zone != "body"
    return True


def _headline(lines: list, threshold: float, paragraphs: bool, site_suffix: re.Pattern, masthead: re.Pattern):
    """The headline: the longest short label before the article; without one,
    a short label next to a byline just after the lead (pages that print
    the lead first). A text without paragraphs: its first short line, if
    more text follows."""
    if not paragraphs:
        rest = [line for line in lines if line.score < threshold]
        return rest[0] if len(rest) > 1 and _short_label(rest[0]) else None
    # (a short question is a headline too: 颱風假點計？; a menu's item never asks)
    head = [line for line in lines if line.zone == "head" and line.score < threshold and _short_label(line)
            and (line.letters >= 6 or (line.letters >= 4 and line.text.rstrip()[-1] in "？?！!"))]
    # a line ending with a colon introduces what follows (居民X：, a speaker's label); a
    # list of names split by commas is a byline's (X，Y，Z，W): neither is a headline
    head = [line for line in head if not line.text.rstrip().endswith((":", "："))
            and not _NAME_LIST.fullmatch(line.plain)]
    # with nothing longer, a word or two right above a byline naming the writer is the
    # headline (穿越 over 2013-12-31 李宏文); above a bare date it is a poster's name
    head = head or [line for line in lines if line.zone == "head" and line.score < threshold and _short_label(line)
                    and line.letters >= 2 and _above_named_byline(lines, line)]
    # a short label naming an outlet (ETtoday新聞雲) is not the headline when another line can be
    named = [line for line in head if masthead.search(line.plain)
             and (line.letters <= 10 or len(re.findall(f"[{HAN}]", line.plain)) <= 6 or BILINGUAL_NAME.fullmatch(line.plain))]
    if len(named) < len(head):
        head = [line for line in head if line not in named]
    elif named and (below := _headline_below_lead(lines, threshold)) is not None:
        return below  # the head holds only the site's name: the page printed its summary first
    # a publishing platform's name (批踢踢實業坊, 小紅書) is never a headline
    from .metadata import is_platform
    # nor is a blog's name framed as the platform frames it (阿秀的手作生活 :: 痞客邦 ::)
    # the headline's English version (bilingual pages) gives way to the headline
    if any(re.search(f"[{HAN}]", line.text) for line in head):
        head = [line for line in head if re.search(f"[{HAN}]", line.text)]
    head = [line for line in head if not is_platform(line.text)
            and not ("::" in line.text and (suffix := site_suffix.search(line.text)) and is_platform(suffix.group(1)))]
    if head:
        # the headline stands just above its byline; among the rest, the longest
        def above_byline(line: Line) -> bool:
            at = lines.index(line)
            for n in lines[at + 1: at + 3]:
                if n.rule in ("byline", "credit", "date_line"):
                    return True
                if n in head:
                    return False  # another headline-like line comes first
            return False

        # "headline_site" beside "headline": the longer is the page's <title>
        for line in head:
            for other in head:
                rest = line.plain[len(other.plain):] if other is not line and line.plain.startswith(other.plain) else ""
                if rest and site_suffix.fullmatch(rest):
                    line.score += 3.0
                    line.rule = "repeated"
                    line.evidence.append(f"the headline again, with a site's name ({rest.strip(' _|｜-–—')})")
        head = [line for line in head if line.score < threshold]
        # the name above a social post's time and device is the poster's, not a headline
        posters = [line for line in head if any(name == "post_source" for n in lines[lines.index(line) + 1: lines.index(line) + 2] for name, _ in n.cues)]
        head = [line for line in head if line not in posters]
        if not head:
            return None
        # a dash-led line is a subtitle (——X), not the headline, when another can be
        if any(not _DASH_LED.match(line.text) for line in head):
            head = [line for line in head if not _DASH_LED.match(line.text)]
        # a headline is rarely under ten words' worth of characters; a name is;
        # one just above its byline beats a longer tagline further up (台積電股價再創新高)
        best = max(head, key=lambda line: (above_byline(line) and line.letters >= SHORT_HEADLINE, line.letters >= 10,
                                           above_byline(line), line.letters, -line.index))
        above = lines[lines.index(best) - 1] if lines.index(best) else None
        if above in head and (_deck(best, above) or _quoted_headline(above, best)):
            return above
        return best
    return _headline_below_lead(lines, threshold) or _opening_headline(lines, threshold)


def _above_named_byline(lines: list, line: Line) -> bool:
    """A line right above a byline that names someone besides the date."""
    at = lines.index(line)
    return at + 1 < len(lines) and lines[at + 1].rule in ("byline", "credit") and lines[at + 1].zone == "head" \
        and len(re.findall(f"[{HAN}]", re.sub("[年月日时分秒]", "", lines[at + 1].plain))) >= 2


def _quoted_headline(line: Line, below: Line) -> bool:
    """A print headline quoting someone (“俺们社区有群热心人”) over the line
    that explains it: the quote is the headline, the line under it its subtitle."""
    return bool(_QUOTED.fullmatch(line.text.strip())) and below.letters > line.letters and not below.cues


def _opening_headline(lines: list, threshold: float):
    """A page whose headline opens it without chrome to mark it: the first
    line, one clause or a question (a comma allowed), no full stop, a
    headline's length, with the text following it. A headline running past
    a short label's length (…無國界記者：突顯…) is still one."""
    rest = [line for line in lines if line.score < threshold]
    if len(rest) < 2:
        return None
    first, following = rest[0], rest[1]
    text = first.text.rstrip()
    if first.cues or first.protected or "。" in text or first.letters > OPENING_HEADLINE_CHARS \
            or text.endswith(tuple("。；;：:，,、")) or text.startswith(_MARKUP) or not following.prose:
        return None
    if (first.zone == "head" and not _short_label(first)) or (text.endswith(tuple("？?！!")) and len(re.findall("[，,；;]", text)) <= 1):
        return first
    return None


OPENING_HEADLINE_CHARS = 60  # a headline's most letters
_QUOTED = re.compile(r"[“「『\"][^“”「」『』\"]{2,30}[”」』\"]")
_NAME_LIST = re.compile(rf"[{HAN}·]{{2,4}}([，,、][{HAN}·]{{2,4}}){{3,}}")


def _headline_below_lead(lines: list, threshold: float):
    """A short label next to a byline just after the lead (pages that print the lead first)."""
    body = [line for line in lines if line.zone != "head"]
    for position, line in enumerate(body[:4]):
        # a headline may end with a question and hold a comma; never a full stop
        headline_like = _short_label(line) or (
            not line.cues and not line.protected and len(line.text) <= 32 and "。" not in line.text and line.prose)
        if line.score >= threshold or not headline_like or line.letters < 6:
            continue
        neighbours = body[max(0, position - 1): position] + body[position + 1: position + 2]
        if any(n.rule in ("byline", "credit", "date_line") for n in neighbours):
            return line
    return None


DECK_RATIO = 1.5  # a deck runs well past its headline
PAGE_TITLE_SITE_CHARS = 10  # a site's name after its page's headline is short
PULL_QUOTE_CHARS = 8  # a pull quote is a sentence, not a word in quotes
_QUOTED_LINE = re.compile(r"[「“『]([^「」“”『』]+)[」”』]")
_BAR_PREFIX = re.compile(r"^([^|｜]{1,12}?)\s+[|｜]\s+(\S.*)$")
_PAGE_TITLE_BAR = re.compile(r"\s*(_|\s[|\-–—]\s)")
SHORT_HEADLINE = 8  # a headline above its byline may be this short
ENGLISH_HEADLINE_WORDS = 3  # a headline's English version is a phrase, not a name


def _deck(line: Line, headline: Line) -> bool:
    """A deck (standfirst) under the headline: clauses split by commas, much
    longer than the headline above it, which has none (怡保老街区排水系统提升
    over 州政府拨款五百万令吉，首阶段工程明年初展开，涵盖……)."""
    return line.text.count("，") >= 2 and "，" not in headline.text and line.letters >= DECK_RATIO * headline.letters \
        and not line.cues and not line.prose


def _take_datelines(article: Article) -> None:
    """A credit at the start of the first paragraphs leaves the text for the
    byline; so does a second credit right after it (【X報訊】記者Y報道：)."""
    patterns = datelines()
    headline = article.evidence.get("headline", (None,))[0]
    for position, (number, raw) in enumerate(article.body[:12]):
        if number == headline:
            continue  # a headline's tag (【打風消息】) is part of it, not a credit
        taken = False
        for pattern in patterns:
            stripped = raw.lstrip()
            match = pattern.match(simplified(stripped))
            if match and match.end() < len(stripped):
                credit = stripped[: match.end()]
                article.removed.append(Removal(number, credit.strip(), "dateline", "credit at the start of a paragraph"))
                article.evidence.setdefault("bylines", []).append((number, credit.strip(), "dateline"))
                raw = stripped[match.end():].lstrip()
                article.body[position] = (number, raw)
                taken = True
        if taken:
            return

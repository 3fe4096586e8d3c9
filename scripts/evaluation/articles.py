"""Cleaning and metadata on the dev set of scraped articles (tests/articles/):
per field how many are right, chrome precision and recall, body sentences
kept, articles published, Simplified characters left on Traditional pages.

Seeds named a* are the tuning half (written before the rules were tuned and
used to tune them); b* were held out (written afterwards). Every later
letter, c* to s*, was written after the rules for the letter before were
in, from kinds of page the set had few of, and measured before any rule saw
it: e* (民國 and Chinese-numeral dates, hard-wrapped text, site-name
suffixes), g* (app banners, comment boxes, e-mail editions, paywalls), h*
(creator pages, blog engines, newsletters), i* (social posts, diaries,
broadcasters), j* (mobile pages, plain copies, Markdown), k* (article text
easy to mistake for chrome: numbered steps, interviews, quotations, a phone
number), l* to s* (mixing the kinds before), t* (publishing platforms:
forums, writing communities, social pages, newsletters, aggregators), u*
(recipes, transcripts, interviews, fiction chapters, Singapore and Malaysia),
v* (community posts, show notes, newsletters, forum boards, institutions' sites),
w* (filings summaries, company blogs, question-and-answer sites, Macau, translations),
x* (museums, weather warnings, scoreboards, school notices, councillors' offices),
y* (courts, travel blogs, school circulars, car sites, radio news, Macau papers, video pages, columns),
z* (message boards, fact checks, editorials, journals, picture credits, newsletters, press wires).
Past z a batch is named by two letters (za*, zb* ..): a batch is the run of
letters before the first digit of a seed's name. za* to zl* (sport, finance,
local news, gadgets, health, travel and lifestyle pages from mainland, Taiwan,
Hong Kong, Singapore and Malaysian outlets: comments sections, author boxes,
day-first dates, print kickers and subtitles, product cards, press release
boilerplate, bylines in many forms) were each written and measured before any
rule saw them. zn* to zz* stress titles and dates (page titles with the
site's name or section, kickers, decks, summaries
and English versions beside the headline, taglines, hot lists, headlines with
a question, an exclamation or a full stop; updated beside published dates,
民國, lunar and weekday forms, time zones, relative times, a site's calendar,
dates only after the text or in the page's address), written and measured the
same way. zm*, zza* and zzb* were written apart from the rules, by a hand
that neither read the rules nor ran them on the seeds, and measured once
after every rule of their time was in. The first figures of e* and of g*
onwards are kept in tests/articles/<batch>-first-measured.txt.
Figures are printed per batch and written to build/eval/articles.json."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEV_SET = ROOT / "tests" / "articles"
OUT = ROOT / "build" / "eval" / "articles.json"
FIELDS = ("title", "date", "outlet", "author", "region")
# whole-line removals that are not chrome decisions
NOT_CHROME_RULES = ("front-matter", "thematic-break", "title-line", "dateline", "pinyin-gloss")


def _pipeline():
    sys.path.insert(0, str(ROOT / "scripts"))
    from pipeline import build, conserve, script
    return build, conserve, script


def load_expected(folder: Path = DEV_SET) -> dict:
    path = folder / "expected.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise SystemExit(f"{path}: cannot be read as YAML: {error}")
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: must map seed file names to expected values")
    for name in data:
        if not (folder / "seeds" / name).is_file():
            raise SystemExit(f"{path}: {name} has no seed in {folder / 'seeds'}")
    return data


def _same(found, wanted, comparable) -> bool:
    if wanted is None:
        return not found
    return bool(found) and comparable(str(found)) == comparable(str(wanted))


def evaluate_seed(path: Path, expected: dict) -> dict:
    build, conserve, script = _pipeline()
    comparable = conserve.comparable
    try:
        article = build.conserved(build.process(path, None))
    except Exception as error:  # a seed not published is a result, not a crash
        return {"published": False, "error": str(error)}
    own = [block for block in article.variants[article.script]]
    texts = [comparable(block.text) for block in own]
    whole = "".join(texts)
    meta = article.meta
    result = {"published": True, "fields": {}, "found": {k: meta.get(k) if k != "region" else article.region for k in FIELDS}}
    title = expected.get("title")
    if isinstance(title, str) and title.startswith("opening: "):
        opening = comparable(title[len("opening: "):])
        result["fields"]["title"] = comparable(meta.get("title", "")).startswith(opening) and not meta.get("title", "").endswith(tuple("，,、"))
    else:
        result["fields"]["title"] = _same(meta.get("title"), title, comparable)
    for key in ("date", "outlet", "author"):
        wanted = expected.get(key)
        result["fields"][key] = _same(meta.get(key), str(wanted) if wanted is not None else None, comparable)
    result["fields"]["region"] = article.region == expected.get("region")
    expected_chrome = [str(line) for line in expected.get("chrome") or []]
    chrome = [comparable(line) for line in expected_chrome]
    taken = {comparable(r.text) for r in article.removed}
    left = [line for line, key in zip(expected_chrome, chrome)
            if key and key not in taken and (key in texts or (len(key) >= 8 and key in whole))]
    removed = [r for r in article.removed if not r.rule.startswith(NOT_CHROME_RULES) and r.evidence != "inline fragment"]
    # the chrome as cleaning sees it: pinyin glosses are gone by then
    wanted_chrome = set(chrome) | {comparable(script._PINYIN.sub("", line)) for line in expected_chrome} | {comparable(str(title))}
    # ... and with its stray Simplified characters converted, or without an
    # inline fragment taken out first (a caption's photographer credit)
    from pipeline.clean import simplified
    plain_chrome = {simplified(line) for line in wanted_chrome}
    wrong = [r.text for r in removed if comparable(r.text) not in wanted_chrome
             and simplified(comparable(r.text)) not in plain_chrome
             and not any(len(comparable(r.text)) >= 4 and comparable(r.text) in line for line in wanted_chrome)]
    result["chrome"] = {"expected": len(chrome), "left": left, "removed": len(removed), "wrongly_removed": wrong}
    sentences = (expected.get("body") or []) + (expected.get("page") or [])
    lost = [s for s in sentences if comparable(s) not in whole]
    result["body"] = {"expected": len(sentences), "lost": lost}
    stray = ""
    if expected.get("region") in ("TW", "HK"):
        hant = "\n".join([block.text for block in article.variants["zh-Hant"]] + [meta.get("title", "")])
        converted_page = script.has_stray(hant, article.region)
        stray = "".join(sorted({before for before, _ in script._traditional_line(hant, article.region, converted_page)[1]}))
    result["simplified_on_hant"] = stray
    return result


def summarise(results: dict) -> dict:
    total = len(results)
    published = [r for r in results.values() if r["published"]]
    figures = {"seeds": total, "published": len(published)}
    for key in FIELDS:
        figures[key] = sum(1 for r in published if r["fields"][key])
    expected_chrome = sum(r["chrome"]["expected"] for r in published)
    left = sum(len(r["chrome"]["left"]) for r in published)
    removed = sum(r["chrome"]["removed"] for r in published)
    wrong = sum(len(r["chrome"]["wrongly_removed"]) for r in published)
    figures["chrome_recall"] = round((expected_chrome - left) / expected_chrome, 4) if expected_chrome else 1.0
    figures["chrome_precision"] = round((removed - wrong) / removed, 4) if removed else 1.0
    figures["chrome_left"] = left
    figures["chrome_lines"] = expected_chrome
    sentences = sum(r["body"]["expected"] for r in published)
    figures["body_kept"] = sentences - sum(len(r["body"]["lost"]) for r in published)
    figures["body_sentences"] = sentences
    figures["hant_pages_with_simplified"] = sum(1 for r in published if r["simplified_on_hant"])
    return figures


# the first batches' labels; every later one-letter batch is labelled after the
# one before it, and a batch of two letters or more by its own name, so a batch
# added out of order (zm after zn was written) moves no other label
NAMED_BATCHES = {"a": "tuning", "b": "held_out", "c": "later", "d": "last", "e": "fresh", "g": "fresh_g"}


def batch_of(name: str) -> str:
    """A seed's batch: the letters its file name opens with, before the first
    digit (a01 -> a, z08 -> z, za01 -> za)."""
    return re.match(r"[a-z]*", name).group()


def batches(results: dict) -> dict:
    """The seeds' results per batch in the order the batches were written
    (a .. z, then za, zb ..), each under its label: a named batch's name,
    after_<the batch before> for the other one-letter batches, else its own."""
    grouped: dict[str, dict] = {}
    for name in sorted(results, key=lambda n: (len(batch_of(n)), batch_of(n), n)):
        grouped.setdefault(batch_of(name), {})[name] = results[name]
    labelled, previous = {}, None
    for batch, seeds in grouped.items():
        labelled[NAMED_BATCHES.get(batch) or (batch if len(batch) > 1 else f"after_{previous}")] = seeds
        previous = batch
    return labelled


def evaluate(folder: Path = DEV_SET) -> dict:
    expected = load_expected(folder)
    results = {name: evaluate_seed(folder / "seeds" / name, values) for name, values in sorted(expected.items())}
    halves = {**batches(results), "all": results}
    return {"figures": {half: summarise(rs) for half, rs in halves.items() if rs}, "seeds": results}


def _line(name: str, figures: dict) -> str:
    n = figures["published"]
    fields = ", ".join(f"{key} {figures[key]}/{n}" for key in FIELDS)
    return (
        f"{name:9} published {figures['published']}/{figures['seeds']}; {fields}; "
        f"chrome recall {figures['chrome_recall']:.1%} ({figures['chrome_left']} of {figures['chrome_lines']} left), "
        f"precision {figures['chrome_precision']:.1%}; body sentences kept {figures['body_kept']}/{figures['body_sentences']}; "
        f"zh-Hant pages with Simplified characters {figures['hant_pages_with_simplified']}"
    )


def main() -> int:
    report = evaluate()
    print("articles (tests/articles):")
    for half, figures in report["figures"].items():
        print("  " + _line(half, figures))
    for name, result in report["seeds"].items():
        if not result["published"]:
            print(f"  {name}: NOT PUBLISHED: {result['error']}")
            continue
        problems = [f"{key} {result['found'][key]!r}" for key, ok in result["fields"].items() if not ok]
        problems += [f"chrome left {line!r}" for line in result["chrome"]["left"]]
        problems += [f"removed {text!r}" for text in result["chrome"]["wrongly_removed"]]
        problems += [f"lost {text!r}" for text in result["body"]["lost"]]
        if result["simplified_on_hant"]:
            problems.append(f"Simplified on zh-Hant {result['simplified_on_hant']}")
        if problems:
            print(f"  {name}: " + "; ".join(problems))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

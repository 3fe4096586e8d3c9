"""Synthetic corpora: seed i made from real seed i % 5, the same bytes on every run."""
from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

import opencc
import yaml

from pipeline.article import HANS, HANT
from pipeline.build import seed_files
from pipeline.metadata import load_metadata_file
from pipeline.script import detect_script
from pipeline.stages import process
from pipeline.variants import DIRECTION

from . import SEEDS, BenchError

_SENTENCE = re.compile(r"[^。！？]*[。！？]")
_MARKUP_START = ("#", ">", "-", "*", "!", "[", "{", "<", "|")


class Base:
    """One real seed, split into what stays in place and what gets shuffled."""

    def __init__(self, path: Path, entry: dict | None):
        article = process(path, entry)
        lines = article.seed.text.split("\n")
        first_body = min(number for number, line in article.body if line.strip())  # 1-based
        self.name = path.name
        self.hash = path.stem.split("_")[-1]
        self.script = article.script
        self.title = article.title
        self.not_headings = list((entry or {}).get("not_headings", []))
        self.header = "\n".join(lines[: first_body - 1]).rstrip("\n")
        body = "\n".join(lines[first_body - 1:])
        if re.search(r"\n\s*\n", body):
            units = re.split(r"\n\s*\n", body)
        else:
            units = body.split("\n")
        self.units = [unit.strip("\n") for unit in units if unit.strip()]
        self.sentences = [
            sentence.strip() for unit in self.units if "\n" not in unit and not unit.lstrip().startswith(_MARKUP_START)
            for sentence in _SENTENCE.findall(unit) if 12 <= len(sentence.strip()) <= 90
        ]


_CONVERTERS: dict = {}


def _opencc(config: str) -> opencc.OpenCC:
    if config not in _CONVERTERS:
        _CONVERTERS[config] = opencc.OpenCC(config)
    return _CONVERTERS[config]


def to_script(text: str, source: str, target: str) -> str:
    if source == target:
        return text
    return _opencc(DIRECTION[target]).convert(text)


def load_bases() -> list[Base]:
    entries = load_metadata_file(SEEDS)
    bases = [Base(path, entries.get(path.name)) for path in seed_files(SEEDS)]
    if len(bases) != 5:
        raise BenchError(f"expected the 5 real seeds in {SEEDS}, found {len(bases)}")
    return bases


def make_seed(i: int, bases: list[Base]) -> tuple[str, str, dict]:
    """(file name, text, metadata entry) of synthetic seed i."""
    rng = random.Random(i)
    base = bases[i % len(bases)]
    units = list(base.units)
    shift = rng.randrange(len(units))
    units = units[shift:] + units[:shift]
    for _ in range(max(1, len(units) // 6)):  # a few local swaps on top of the rotation
        a = rng.randrange(len(units))
        b = min(len(units) - 1, a + rng.randint(1, 3))
        units[a], units[b] = units[b], units[a]
    # Two sentences of this seed give way to sentences of another seed.
    candidates = [k for k, unit in enumerate(units) if "\n" not in unit and not unit.lstrip().startswith(_MARKUP_START) and _SENTENCE.search(unit)]
    for _ in range(2):
        donor = bases[(i % len(bases) + rng.randint(1, len(bases) - 1)) % len(bases)]
        if not candidates or not donor.sentences:
            break
        k = rng.choice(candidates)
        sentences = _SENTENCE.findall(units[k])
        old = rng.choice(sentences)
        new = to_script(rng.choice(donor.sentences), donor.script, base.script)
        if new in "\n".join(units):
            continue  # never the same sentence twice in one seed
        units[k] = units[k].replace(old, new, 1)
    marker = to_script(f"这是基准测试语料的第 {i} 篇样本，校验码 {hashlib.sha1(str(i).encode()).hexdigest()[:8]}。", HANS, base.script)
    units.insert(rng.randint(1, len(units)), marker)
    script = base.script
    text = (base.header + "\n\n" if base.header else "") + "\n\n".join(units) + "\n"
    title = f"{base.title}（样本 {i}）" if base.script == HANS else f"{base.title}（樣本 {i}）"
    not_headings = list(base.not_headings)
    if (i // 5) % 5 == 0:  # one seed in five in the other script
        other = HANT if script == HANS else HANS
        text, title = to_script(text, script, other), to_script(title, script, other)
        not_headings = [to_script(line, script, other) for line in not_headings]
        script = other
    entry = {"title": title}
    if not_headings:
        entry["not_headings"] = not_headings
    return f"bench{i:04d}_{base.hash}.txt", text, entry


def make_corpus(folder: Path, count: int, bases: list[Base]) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    metadata = {}
    total = 0
    for i in range(count):
        name, text, entry = make_seed(i, bases)
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        metadata[name] = entry
        total += len(data)
        digest.update(name.encode() + b"\0" + data)
    meta_text = "# Synthetic benchmark corpus (python -m bench)\n" + yaml.safe_dump(metadata, allow_unicode=True, sort_keys=True, width=1000)
    (folder / "metadata.yml").write_text(meta_text, encoding="utf-8")
    digest.update(meta_text.encode())
    scripts = {HANS: 0, HANT: 0}
    for path in seed_files(folder):
        scripts[detect_script(path.read_text(encoding="utf-8"))[0]] += 1
    return {"seeds": count, "seed_bytes": total, "sha256": digest.hexdigest(), "scripts": scripts}

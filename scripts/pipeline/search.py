"""Search support: jieba dictionaries that cut both scripts well, with every
glossary surface form as one token."""
from __future__ import annotations

import hashlib
from pathlib import Path

import jieba
import opencc

from .files import write_atomic
from .article import HANT
from .glossary import load_glossary
from .terms import surfaces
from .variants import DIRECTION, shipped

_TOKEN_FREQUENCY = 50000  # high enough that jieba keeps a term whole


def main_dictionary(cache_dir: Path) -> Path:
    """jieba's own dictionary plus its Traditional (Taiwan) conversion: the
    default one is Simplified only and cuts Traditional text into single
    characters (術/語表). Built once and cached by the inputs' versions."""
    source = Path(jieba.__file__).parent / "dict.txt"
    key = hashlib.sha1(source.read_bytes() + opencc.__version__.encode()).hexdigest()[:12]
    target = Path(cache_dir) / f"dict-{key}.txt"
    if target.is_file():
        return target
    lines = source.read_text(encoding="utf-8").splitlines()
    words = [line.split(" ", 1) for line in lines if line]
    converted = shipped(DIRECTION[HANT]).convert("\n".join(word for word, _ in words)).split("\n")
    seen = {word for word, _ in words}
    extra = []
    for (word, rest), traditional in zip(words, converted):
        if traditional != word and traditional not in seen and " " not in traditional:
            seen.add(traditional)
            extra.append(f"{traditional} {rest}")
    write_atomic(target, "\n".join(lines + extra) + "\n", if_changed=True)
    return target


def user_dictionary(cache_dir: Path) -> Path:
    """Every glossary term, alias and per-variant form, in both scripts."""
    words = sorted({surface for term in load_glossary() for surface in surfaces(term) if " " not in surface})
    target = Path(cache_dir) / "user-dict.txt"
    write_atomic(target, "".join(f"{word} {_TOKEN_FREQUENCY} n\n" for word in words), if_changed=True)
    return target


_loaded: dict = {}


def use_dictionaries(cache_dir: Path) -> None:
    """Make jieba (which Material's search plugin uses) cut with both dictionaries."""
    main, user = main_dictionary(cache_dir), user_dictionary(cache_dir)
    if _loaded.get("main") != main:
        jieba.set_dictionary(str(main))
        _loaded.clear()
        _loaded["main"] = main
    user_key = (user, user.stat().st_mtime_ns)
    if _loaded.get("user") != user_key:
        jieba.load_userdict(str(user))
        _loaded["user"] = user_key

"""The glossary: data/glossary.yml, written in zh-Hans, loaded once."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .article import HANS, HANT
from .config import load_data
from .typography import typeset

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Term:
    id: str
    term: str
    english: str = ""
    aliases: list = field(default_factory=list)
    forms: list = field(default_factory=list)  # [{zh-Hans: ..., zh-Hant: ...}]
    definition: str = ""
    explanation: str = ""
    related: list = field(default_factory=list)
    references: list = field(default_factory=list)
    note: str = ""


class GlossaryError(ValueError):
    pass


# A quoted source form: how an article wrote a name or term, quoted in a note.
# It is shown in quotation marks and never converted or typeset.
QUOTED = re.compile(r"⟦(.+?)⟧")


def split_quoted(text: str) -> list[tuple[str, bool]]:
    """(part, is a quoted source form) in order."""
    parts, position = [], 0
    for match in QUOTED.finditer(text):
        if match.start() > position:
            parts.append((text[position:match.start()], False))
        parts.append((match.group(1), True))
        position = match.end()
    if position < len(text):
        parts.append((text[position:], False))
    return parts


@functools.lru_cache(maxsize=1)
def load_glossary() -> tuple[Term, ...]:
    data = load_data("glossary.yml")
    terms = []
    seen_ids, seen_aliases = set(), {}
    for entry in data["terms"]:
        term = Term(**{key: value for key, value in entry.items() if key in Term.__dataclass_fields__})
        # Folded YAML joins lines with spaces; the site's typography rules decide
        # spacing, except inside a quoted source form, which stays as written.
        for name in ("term", "definition", "explanation", "note"):
            text = " ".join(str(getattr(term, name) or "").split())
            setattr(term, name, "".join(f"⟦{part}⟧" if quoted else typeset(part) for part, quoted in split_quoted(text)))
        for form in term.forms:
            if any(char.isspace() for char in form["zh-Hans"] + form["zh-Hant"]):
                raise GlossaryError(f"glossary.yml: {term.id}: a form may not hold spaces (conversion dictionaries split on them)")
        if not _ID.match(term.id) or term.id in seen_ids:
            raise GlossaryError(f"glossary.yml: id {term.id!r} is not a unique lowercase ASCII id")
        seen_ids.add(term.id)
        for alias in term.aliases:
            if alias in seen_aliases and seen_aliases[alias] != term.id:
                raise GlossaryError(f"glossary.yml: alias {alias!r} belongs to both {seen_aliases[alias]} and {term.id}")
            seen_aliases[alias] = term.id
        terms.append(term)
    for term in terms:
        for related in term.related:
            if related not in seen_ids:
                raise GlossaryError(f"glossary.yml: {term.id} is related to unknown id {related!r}")
    return tuple(terms)


def variant_forms(target: str) -> dict:
    """Glossary forms, for the conversion dictionaries: {source form: target
    form} converting into the `target` variant."""
    source = HANS if target == HANT else HANT
    return {form[source]: form[target] for term in load_glossary() for form in term.forms}

"""What each data file must hold, checked when it is loaded.

One JSON Schema per file in scripts/data/ and one for seeds/metadata.yml, so
a missing or mistyped key fails at load naming the file, the key and what was
expected, not as a KeyError in the middle of a stage."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parent.parent.parent


class DataError(ValueError):
    """A data file whose contents do not match its schema: "<file>: <key>: expected ..."."""

    def __init__(self, path: Path, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{shown(path)}: {reason}")


# Short builders: the schemas below read as the files they describe.
STRING = {"type": "string"}
REGEX = {"type": "string", "format": "regex"}
INT = {"type": "integer"}
NUMBER = {"type": "number"}
BOOL = {"type": "boolean"}
WORD = {"type": ["string", "integer"]}  # a bare 0 in YAML is a number; the code reads str(word)
VARIANTS = ("zh-Hans", "zh-Hant")


def listof(item: dict, **extra) -> dict:
    return {"type": "array", "items": item, **extra}


def mapping(properties: dict, optional: tuple = (), closed: bool = False) -> dict:
    """A mapping whose keys are all required except those named optional."""
    schema = {"type": "object", "properties": properties,
              "required": [key for key in properties if key not in optional]}
    if closed:
        schema["additionalProperties"] = False
    return schema


def dictof(value: dict) -> dict:
    return {"type": "object", "additionalProperties": value}


def per_variant(value: dict) -> dict:
    return mapping({variant: value for variant in VARIANTS})


RULE = mapping({"name": STRING, "pattern": REGEX, "replace": STRING}, closed=True)
PAIR = listof(STRING, minItems=2, maxItems=2)

SCHEMAS = {
    "bylines.yml": mapping({
        "datelines": listof(REGEX),
        "fields": listof(mapping({"name": STRING, "priority": INT, "pattern": REGEX}, closed=True)),
        "not_names": listof(STRING),
        "platforms": listof(STRING), "platform_words": REGEX, "desk_words": REGEX, "staff_roles": REGEX,
        "date_label": REGEX, "date": REGEX, "english_date": REGEX, "write_up": REGEX,
        "roc_date": REGEX, "numeral_date": REGEX, "month_day_year": REGEX, "day_month_year": REGEX, "english_day_first": REGEX, "edition_words": REGEX, "event_date_label": REGEX,
        "update_date_label": REGEX, "office": REGEX, "government_level": REGEX, "bureau": REGEX, "link_date": REGEX, "calendar_line": REGEX, "board": REGEX, "date_only": REGEX,
    }),
    "cards.yml": mapping({
        "size": listof(INT, minItems=2, maxItems=2),
        "margin": INT,
        "fonts": mapping({"bold": STRING, "regular": STRING}),
        "face": per_variant(STRING),
        "title": mapping({"size": INT, "lines": INT, "line_height": NUMBER}),
        "subtitle": mapping({"size": INT, "lines": INT, "line_height": NUMBER}),
        "site": mapping({"size": INT}),
        "colours": mapping({key: STRING for key in ("background", "band", "title", "subtitle", "site")}),
        "no_line_start": STRING, "no_line_end": STRING,
    }),
    "chrome.yml": mapping({
        "threshold": NUMBER, "near": NUMBER,
        "prose": mapping({"min_chars": INT, "sentence_end": STRING, "closing_marks": STRING, "full_stop": STRING,
                          "headline_end": STRING, "clause_marks": STRING, "headline_chars": INT,
                          "long_chars": INT}),
        "weights": dictof(NUMBER),
        "cues": dictof(mapping({
            "weight": NUMBER, "max_chars": INT, "patterns": listof(REGEX), "words": listof(WORD),
            "word_patterns": listof(REGEX), "sure": BOOL, "legal": BOOL, "raw": BOOL,
        }, optional=("max_chars", "patterns", "words", "word_patterns", "sure", "legal", "raw"), closed=True)),
        "inline": listof(RULE), "credit_fragments": listof(STRING),
        "protected": listof(REGEX),
        "references": REGEX, "site_suffix": REGEX, "follow_person": REGEX, "post_number": REGEX, "reply_floor": REGEX, "timestamp": REGEX, "thematic_break": REGEX,
        "section_words": listof(WORD),
        "masthead": REGEX, "channel": REGEX, "app_name": REGEX, "about_heading": REGEX, "share_headline": REGEX,
    }),
    "duplicates.yml": mapping({"same_body": NUMBER}),
    "glossary.yml": mapping({
        "terms": listof(mapping({
            "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
            "term": STRING, "english": STRING, "aliases": listof(STRING),
            "definition": STRING, "explanation": STRING, "note": STRING,
            "related": listof(STRING),
            "references": listof(mapping({"title": STRING, "url": STRING}, closed=True)),
            "forms": listof(per_variant(STRING)),
        }, optional=("english", "aliases", "explanation", "note", "related", "references", "forms"), closed=True)),
    }),
    "ingest.yml": mapping({"max_bytes": INT}),
    "script.yml": mapping({
        "shared_characters": STRING,
        "region_cues": mapping({"HK": dictof(NUMBER), "TW": dictof(NUMBER)}),
        "default_traditional_region": {"enum": ["TW", "HK"]},
        "hk_min_score": NUMBER,
        "also_traditional": STRING,
        "credit_name": REGEX,
        "standard_in_region": dictof(STRING),
    }),
    "site.yml": mapping({
        **{variant: mapping({
            "script_name": per_variant(STRING),
            **{key: STRING for key in ("script_name_hk", "home_title", "home_intro", "outlet_unknown", "date_unknown",
                                       "source_link", "feed_title", "feed_subtitle", "feed_link",
                                       "reading_time", "permalink",
                                       # browsing: scripts/pipeline/navigation.py
                                       "newest", "more_by_month", "ways_in",
                                       "months_title", "months_intro", "outlets_title", "outlets_intro", "terms_intro",
                                       "year_name", "month_name", "article_count", "months_count", "outlets_count", "terms_count",
                                       "group_summary", "page_title", "page_position", "page_number", "pagination_label",
                                       "previous_page", "next_page", "filed_under", "neighbours_label",
                                       "previous_article", "next_article",
                                       "previous_article_undated", "next_article_undated")},
        }) for variant in VARIANTS},
        "reading": mapping({"units_per_minute": NUMBER}),
        "navigation": mapping({key: {"type": "integer", "minimum": 1}
                               for key in ("page_size", "mentions_page_size", "home_newest", "opening_chars")}, closed=True),
        "search": mapping({"lead_chars": {"type": "integer", "minimum": 1}, "headings_boost": NUMBER}, closed=True),
    }),
    "structure.yml": mapping({
        "heading": mapping({"max_chars": INT, "sentence_endings": STRING, "question_endings": STRING,
                            "question_max_chars": INT}),
        "subheading_prefixes": listof(REGEX),
        "references_heading": REGEX,
        "shortcodes": dictof(STRING),
        "first_person_quote": mapping({"first_person": REGEX, "third_person": REGEX, "quoted_openings": STRING,
                                       "max_paragraphs": INT}),
    }),
    "typography.yml": mapping({
        "glued_words": dictof(STRING),
        "full_width": dictof(STRING),
        "after": listof(RULE),
        "spaced_versions": listof(STRING),
    }),
    "variants.yml": mapping({
        "quotes": per_variant(PAIR),
        "context": dictof(listof(mapping({"word": STRING, "reading": STRING, "followed_by": REGEX, "preceded_by": REGEX},
                                         optional=("preceded_by", "followed_by"), closed=True))),
    }, optional=("context",)),
    # seeds/metadata.yml: seed file name -> the fields the text does not carry
    "metadata.yml": {"anyOf": [{"type": "null"}, dictof(mapping({
        **{key: {"type": ["string", "number", "null"]}
           for key in ("title", "outlet", "author", "source_url", "source_name", "description")},
        "date": {"type": ["string", "date", "null"]},
        "tags": {"type": ["array", "null"], "items": {"type": ["string", "number"]}},
        "headings": listof(STRING), "not_headings": listof(STRING),
        "conversion": listof(per_variant(STRING)),
    }, optional=("title", "outlet", "author", "source_url", "source_name", "description", "date", "tags",
                 "headings", "not_headings", "conversion"), closed=True))]},
}

# YAML gives dates as date objects; JSON Schema knows no such type.
_TYPES = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
    "date", lambda checker, value: isinstance(value, dt.date))
_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, type_checker=_TYPES)
_FORMATS = jsonschema.FormatChecker(["regex"])

_NAMES = {"string": "a string", "integer": "a whole number", "number": "a number", "boolean": "true or false",
          "array": "a list", "object": "a mapping", "null": "nothing", "date": "a date"}


def _kind(value) -> str:
    for name, kind in ((bool, "true or false"), (str, "a string"), (int, "a whole number"), (float, "a number"),
                       (list, "a list"), (dict, "a mapping"), (dt.date, "a date")):
        if isinstance(value, name):
            return kind
    return "nothing" if value is None else type(value).__name__


def _expected(schema: dict) -> str:
    if "enum" in schema:
        return "one of " + ", ".join(map(str, schema["enum"]))
    if "anyOf" in schema:
        return " or ".join(_expected(option) for option in schema["anyOf"])
    types = schema.get("type", [])
    names = [_NAMES[t] for t in ([types] if isinstance(types, str) else types)]
    if schema.get("format") == "regex":
        names = ["a regular expression"]
    if types == "array" and "items" in schema:
        names = [f"a list of {_expected(schema['items']).removeprefix('a ').removeprefix('an ')}s"
                 if "type" in schema["items"] and isinstance(schema["items"]["type"], str) else "a list"]
    return " or ".join(names) or "something else"


def _key(path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _message(error: jsonschema.ValidationError) -> str:
    path = list(error.absolute_path)
    value, schema = error.instance, error.schema
    if error.validator == "required":
        missing = next(key for key in schema["required"] if key not in value)
        return f"{_key(path + [missing])}: missing, expected {_expected(schema['properties'][missing])}"
    if error.validator == "additionalProperties" and schema.get("additionalProperties") is False:
        unknown = sorted(str(key) for key in value if key not in schema.get("properties", {}))
        return f"{_key(path + unknown[:1])}: unknown key, expected one of {', '.join(schema['properties'])}"
    if error.validator == "format":
        return f"{_key(path)}: expected a regular expression, got {value!r} (does not compile)"
    if error.validator in ("minItems", "maxItems"):
        return f"{_key(path)}: expected {schema.get('minItems')} to {schema.get('maxItems')} items, got {len(value)}"
    if error.validator == "pattern":
        return f"{_key(path)}: expected text matching {schema['pattern']}, got {value!r}"
    if error.validator in ("type", "enum", "anyOf"):
        return f"{_key(path)}: expected {_expected(schema)}, got {_kind(value)}"
    return f"{_key(path)}: {error.message}"


def shown(path: Path) -> str:
    """The file as a maintainer would name it: relative to the project when inside it."""
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def check(data, schema_name: str, path: Path) -> None:
    """Raise DataError naming the file, the key and what was expected."""
    validator = _Validator(SCHEMAS[schema_name], format_checker=_FORMATS)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        raise DataError(path, _message(error))

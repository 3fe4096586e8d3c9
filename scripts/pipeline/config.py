"""Where the pipeline's data files live, and loading them once, checked."""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

from .schema import DataError, check

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str):
    """YAML text parsed with libyaml when PyYAML has it (several times faster)."""
    return yaml.load(text, Loader=_LOADER)


def read_data(path: Path, schema: str | None = None):
    """A data file's contents, checked against the schema of its name (or the
    one named); DataError names the file, the key and what was expected."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_LOADER)
    except yaml.YAMLError as error:
        raise DataError(path, f"not valid YAML: {error}") from error
    check(data, schema or path.name, path)
    return data


@functools.lru_cache(maxsize=None)
def load_data(name: str):
    return read_data(DATA_DIR / name)

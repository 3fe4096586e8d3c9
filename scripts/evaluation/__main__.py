"""`make eval`: every evaluation in turn; figures go to stdout and build/eval/."""
from __future__ import annotations

import importlib
import sys

EVALUATIONS = ("conversion", "articles")


def main() -> int:
    for name in EVALUATIONS:
        try:
            module = importlib.import_module(f"evaluation.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"evaluation.{name}":
                raise
            continue
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())

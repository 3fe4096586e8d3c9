"""Writing a file whole: aside, then renamed into place, so `mkdocs serve`,
a browser or a second build never reads half of one. Every file the
pipeline, the plugin and the bundle write goes through here."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(target: Path):
    """A temporary path beside `target`; when the block ends without an
    error it replaces `target`, otherwise it is removed and `target` stays."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".tmp")
    os.close(handle)
    try:
        yield Path(temporary)
        os.chmod(temporary, 0o644)  # mkstemp makes files private; what we write is public
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def write_atomic(target: Path, data: bytes | str, *, if_changed: bool = False) -> bool:
    """Write `data` (text as UTF-8) to `target`. With `if_changed`, a file
    that already holds the same bytes is not touched. Returns whether it was written."""
    target = Path(target)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if if_changed and target.is_file() and target.read_bytes() == data:
        return False
    with replacing(target) as temporary:
        temporary.write_bytes(data)
    return True

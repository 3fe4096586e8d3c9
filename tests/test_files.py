"""Files are written whole: aside, then renamed into place."""
from __future__ import annotations

import pytest

from pipeline.files import replacing, write_atomic


def test_write_atomic_writes_text_as_utf8_readable_by_all(tmp_path):
    target = tmp_path / "a" / "page.md"
    assert write_atomic(target, "文章\n")
    assert target.read_bytes() == "文章\n".encode("utf-8")
    assert target.stat().st_mode & 0o777 == 0o644
    assert [path.name for path in target.parent.iterdir()] == ["page.md"]


def test_an_unchanged_file_is_not_touched(tmp_path):
    target = tmp_path / "page.md"
    write_atomic(target, b"same")
    before = target.stat().st_mtime_ns
    assert not write_atomic(target, b"same", if_changed=True)
    assert target.stat().st_mtime_ns == before
    assert write_atomic(target, b"other", if_changed=True)
    assert target.read_bytes() == b"other"


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_beside_it(tmp_path):
    target = tmp_path / "site.zip"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with replacing(target) as temporary:
            temporary.write_bytes(b"half")
            raise RuntimeError("the build failed")
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["site.zip"]

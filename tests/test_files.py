"""Files written whole or not at all (`digest/files.py`): briefs, the mail spool, the
claim weights."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from digest.files import atomic_write, commit, temp_file


def test_a_file_written_replaces_the_old_one_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "claim_weights.json"
    path.write_bytes(b"old")
    atomic_write(path, b'{"weights": {}}')
    assert path.read_bytes() == b'{"weights": {}}'
    assert [p.name for p in tmp_path.iterdir()] == ["claim_weights.json"]


def test_a_write_that_fails_midway_leaves_the_old_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "brief.md"
    path.write_bytes(b"yesterday's brief")

    def chunks() -> Iterator[bytes]:
        yield b"half of today's"
        raise RuntimeError("a renderer failed")

    with pytest.raises(RuntimeError):
        commit([(temp_file(path, chunks()), path)])
    assert path.read_bytes() == b"yesterday's brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]

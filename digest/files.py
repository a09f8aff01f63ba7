"""Files written so that a reader sees the old file or the new one, never half of one:
each goes to a temporary file beside its path, flushed to disk, then renamed into place."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path


def fsync_dir(directory: Path) -> None:
    """Make the renames in `directory` durable; not every platform lets one be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so readers see the old file or the new one, never half."""
    commit([(temp_file(path, [data]), path)])


def temp_file(path: Path, chunks: Iterable[bytes]) -> Path:
    """A new temporary file beside `path` holding `chunks`, flushed to disk.

    If a chunk cannot be made (a render error midway), the temporary file is removed.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    # os.open with 0o666 lets the umask decide permissions, as a plain open() would.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def commit(renames: Sequence[tuple[Path, Path]]) -> None:
    """Move each temporary file onto its path; on failure, the temporaries left are removed."""
    try:
        for tmp, path in renames:
            os.replace(tmp, path)
    finally:
        for tmp, _ in renames:
            tmp.unlink(missing_ok=True)
    for directory in {path.parent for _, path in renames}:
        fsync_dir(directory)

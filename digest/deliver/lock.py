"""One run at a time: an exclusive `flock` on a lock file next to the state file.

The kernel drops the lock when its holder exits, however it exits (SIGKILL and power
loss included), so a lock is never stale: there is no pid file to clean up. The file
holds the holder's pid and start time only so that the run turned away can say who
has it. POSIX only (fcntl), like the cron jobs it protects.
"""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from ..config.load import Config
from ..errors import DigestError


class LockHeld(DigestError):
    """Another digest run holds the lock; this one must not start."""


def lock_path(config: Config) -> Path:
    """The lock file: beside the state file, else in the output folder (`state: null`)."""
    state = config.state_path
    if state is not None:
        return state.with_name(state.name + ".lock")
    return config.output_dir / ".digest.lock"


class RunLock:
    """An exclusive, non-blocking lock held for the whole of a `with` block."""

    def __init__(self, path: Path, command: str = "run") -> None:
        self.path = path
        self.command = command
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise LockHeld at once, naming the holder when it can."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise DigestError(
                f"{self.path}: cannot create the lock file: {exc.strerror or exc}; "
                "Hint: point 'state:' in the config at a writable place"
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise LockHeld(
                f"another digest run holds the lock {self.path}{holder}; this one stops "
                "without doing anything; Hint: it finishes what there is to do; if runs "
                "overlap often, space the cron entries further apart"
            ) from None
        except OSError:
            os.close(fd)
            raise
        # Written for the message above only; the lock itself is the flock.
        record = f"{os.getpid()} {self.command} {datetime.now(UTC).isoformat(timespec='seconds')}\n"
        os.ftruncate(fd, 0)
        os.pwrite(fd, record.encode(), 0)
        self._fd = fd

    def release(self) -> None:
        """Let the next run in (closing the file drops the flock)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        pid, command, since = os.pread(fd, 200, 0).decode("ascii", "replace").split()[:3]
    except (OSError, ValueError):
        return ""  # the holder has not written its line yet
    return f" (pid {pid}, `digest {command}` since {since})"

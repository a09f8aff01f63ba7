"""Executors for the map step: serial, a process pool, or a Dask cluster.

Reading a file and cleaning, extracting and classifying an article are pure functions
of their input (they read no global state), so an executor only has to run
`fn(item, *args)` for each item somewhere and hand the results back in input order.
Order, not completion time, decides what comes back when, so every executor gives the
same brief, byte for byte.

- `SerialExecutor`: in this process, one item after the other. The default.
- `ProcessExecutor` (`--jobs N`): N worker processes on this machine. Items travel in
  chunks, because sending one article costs about as much as cleaning it would.
- `DaskExecutor` (`--executor dask`): the workers of a Dask distributed cluster, at a
  scheduler's address or on a `LocalCluster` started for the run.

An exception in `fn` costs one item: it comes back as a `Failure` in that item's place
and the run goes on. A worker that dies outright (a crash, the kernel's OOM killer)
takes a whole chunk down with it; its items are then tried again one by one, so that
only the item that kills a worker is lost.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeVar

from .errors import ConfigError, DigestError

log = logging.getLogger("digest")

T = TypeVar("T")
R = TypeVar("R")

EXECUTORS = ("serial", "process", "dask")
Kind = Literal["serial", "process", "dask"]

MAX_CHUNK = 64
"""Items per task at most: large enough to hide the cost of a round trip to a worker,
small enough that every worker gets several tasks and the last one is not long alone."""
CHUNKS_PER_WORKER = 4
"""Tasks queued per worker: keeps workers busy without holding the whole input in flight."""


_WORKER_GC_THRESHOLD = 50_000
"""Allocations between two runs of the cycle collector's youngest generation in a worker."""

GIVE_UP = 3
"""Items in a row whose worker failed after which the run stops: a systematic fault."""


class ExecutorError(DigestError):
    """The workers cannot run: every task fails, whatever the article."""


@dataclass(frozen=True)
class Failure:
    """What `fn` raised for one item: its message and the formatted traceback."""

    message: str
    trace: str = ""


class Executor(Protocol):
    """Runs `fn(item, *args)` for every item; yields results (or `Failure`s) in order."""

    jobs: int

    def map_each(
        self, fn: Callable[..., R], items: Sequence[Any], *args: Any
    ) -> Iterator[R | Failure]:
        """`fn(item, *args)` for each item, in input order; an exception is a `Failure`."""
        ...

    def close(self) -> None:
        """Release the workers."""
        ...

    def rest(self) -> None:
        """The map step is over for now: free what idle workers hold (the reduce step
        needs the memory); they start again if there is more work."""
        ...

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: object) -> None: ...


def apply_each(
    fn: Callable[..., R], items: Sequence[Any], args: tuple[Any, ...]
) -> list[R | Failure]:
    """`fn(item, *args)` for each item, an exception caught as that item's `Failure`."""
    out: list[R | Failure] = []
    for item in items:
        try:
            out.append(fn(item, *args))
        except Exception as exc:  # one bad item must never stop the others
            out.append(Failure(str(exc), traceback.format_exc().rstrip()))
    return out


def chunk_size(count: int, workers: int) -> int:
    """Items per task: `CHUNKS_PER_WORKER` tasks per worker at least, `MAX_CHUNK` at most."""
    return max(1, min(MAX_CHUNK, -(-count // (workers * CHUNKS_PER_WORKER))))


def chunked(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """`items` cut into consecutive runs of `size` (the last may be shorter)."""
    return [items[i : i + size] for i in range(0, len(items), size)]


class SerialExecutor:
    """Everything in this process, item after item: no start-up cost, one core."""

    jobs = 1

    def map_each(
        self, fn: Callable[..., R], items: Sequence[Any], *args: Any
    ) -> Iterator[R | Failure]:
        """`fn(item, *args)` for each item, in order, each as it is done."""
        for item in items:
            yield from apply_each(fn, (item,), args)

    def close(self) -> None:
        """Nothing to release."""

    def rest(self) -> None:
        """Nothing to free."""

    def __enter__(self) -> SerialExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Windowed:
    """Submits chunks a few at a time and yields their items in input order.

    Subclasses say how to submit one chunk (`_submit`) and how to recover when a
    chunk's task fails as a whole rather than item by item (`_recover`).
    """

    jobs: int
    _lost = 0  # items in a row lost with their worker

    def map_each(
        self, fn: Callable[..., R], items: Sequence[Any], *args: Any
    ) -> Iterator[R | Failure]:
        """`fn(item, *args)` for each item, in order, a chunk at a time."""
        if not items:
            return
        chunks = chunked(items, chunk_size(len(items), self.jobs))
        pending: deque[tuple[Sequence[Any], Future[Any]]] = deque()
        upcoming = iter(chunks)
        window = self.jobs * CHUNKS_PER_WORKER
        for chunk in upcoming:
            pending.append((chunk, self._submit(fn, chunk, args)))
            if len(pending) >= window:
                break
        while pending:
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except Exception as exc:  # the task, not an item, failed: a worker died
                results = self._recover(fn, chunk, args, exc)
            following = next(upcoming, None)
            if following is not None:
                pending.append((following, self._submit(fn, following, args)))
            yield from results

    def _submit(self, fn: Callable[..., Any], chunk: Sequence[Any], args: tuple[Any, ...]) -> Any:
        raise NotImplementedError

    def _recover(
        self, fn: Callable[..., Any], chunk: Sequence[Any], args: tuple[Any, ...], exc: Exception
    ) -> list[Any]:
        """Try the items of a failed chunk one at a time; an item that fails again is lost."""
        log.warning(
            "a worker failed (%s: %s); trying its %d items one by one",
            type(exc).__name__,
            exc,
            len(chunk),
        )
        results: list[Any] = []
        for item in chunk:
            try:
                results.extend(self._submit(fn, (item,), args).result())
                self._lost = 0
            except Exception as again:
                self._lost += 1
                if self._lost >= GIVE_UP:  # not one article's fault: workers cannot run at all
                    raise ExecutorError(
                        f"the workers keep failing ({type(again).__name__}: {again})"
                        "\nHint: run without --jobs and --executor to see the error"
                    ) from again
                results.append(Failure(f"its worker failed: {type(again).__name__}: {again}"))
        return results


class ProcessExecutor(_Windowed):
    """A pool of `jobs` worker processes on this machine (`--jobs N`)."""

    def __init__(self, jobs: int) -> None:
        if jobs < 1:
            raise ConfigError(f"--jobs: expected at least 1 worker, got {jobs}")
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=_context(),
                initializer=_init_worker,
                initargs=(logging.getLogger("digest").getEffectiveLevel(),),
            )
        return self._pool

    def _submit(self, fn: Callable[..., Any], chunk: Sequence[Any], args: tuple[Any, ...]) -> Any:
        try:
            return self._start().submit(apply_each, fn, chunk, args)
        except BrokenProcessPool:
            # A worker died and took the pool with it; tasks already queued there fail
            # and are tried again (`_recover`) in the new pool.
            self._restart()
            return self._start().submit(apply_each, fn, chunk, args)

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def rest(self) -> None:
        """Stop the worker processes; a new pool starts if there is more work."""
        self.close()

    def __enter__(self) -> ProcessExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _context() -> multiprocessing.context.BaseContext:
    """Forkserver where there is one: workers fork from a clean process, so they never
    inherit the parent's threads or locks. The server imports nothing: each worker
    imports what it runs (the workers of a pool do so side by side, in the time the
    server would have taken), and the idle server holds no copy of the libraries while
    the reduce step needs the memory."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload([])
        return ctx
    return multiprocessing.get_context("spawn")


def _init_worker(level: int) -> None:
    # A worker starts with no logging set up; say things as the parent would, no louder.
    logging.basicConfig(level=level, format="digest: %(levelname)s: %(message)s")
    # An article's work makes hundreds of thousands of short-lived objects, freed by
    # reference counting, and few cycles: the cycle collector need not look every 700
    # allocations, nor ever at the modules and topics loaded once (5% of the map step).
    gc.freeze()
    gc.set_threshold(_WORKER_GC_THRESHOLD)


class DaskExecutor(_Windowed):
    """The workers of a Dask distributed cluster (`--executor dask`).

    With `scheduler` ("tcp://host:8786") the cluster is an existing one, whose workers
    must have digest installed and, to read files, see them at the same paths. Without
    it, a `LocalCluster` of `jobs` single-threaded worker processes is started for the
    run (`processes=False`: threads in this process, for tests).
    """

    def __init__(
        self, scheduler: str | None = None, jobs: int | None = None, *, processes: bool = True
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError(
                "--executor dask: Dask is not installed"
                "\nHint: pip install 'digest[dask]' (or 'dask[distributed]')"
            ) from None
        # Dask tells every connection and worker start at INFO; a build's stderr shows
        # warnings, and shows Dask's only with -v (digest at DEBUG).
        if not log.isEnabledFor(logging.DEBUG):
            for name in ("distributed", "dask"):
                logging.getLogger(name).setLevel(logging.WARNING)
        self._cluster = None
        if scheduler:
            try:
                self._client = Client(scheduler, timeout="10s")
            except OSError as exc:
                raise ConfigError(
                    f"--scheduler: cannot reach the Dask scheduler at {scheduler}: {exc}"
                    "\nHint: start one with `dask scheduler` and workers with `dask worker ADDRESS`"
                ) from None
        else:
            self._cluster = LocalCluster(
                n_workers=jobs or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=processes,
                # TCP on loopback, also for threads (whose default, inproc, takes no host):
                # the cluster is this machine's own and listens to no one else.
                protocol="tcp://",
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self._client = Client(self._cluster)
        # Work goes to as many workers as are there when the run starts.
        self.jobs = max(1, len(self._client.scheduler_info()["workers"]))

    def _submit(self, fn: Callable[..., Any], chunk: Sequence[Any], args: tuple[Any, ...]) -> Any:
        # pure=False: the items are not hashed for a task key, which costs as much as
        # sending them, and each run's tasks are its own.
        return self._client.submit(apply_each, fn, list(chunk), args, pure=False)

    def rest(self) -> None:
        """Nothing: a cluster's workers are not this build's to stop."""

    def close(self) -> None:
        """Disconnect, and stop the local cluster if this executor started it."""
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_executor(
    kind: str | None = None, jobs: int | None = None, scheduler: str | None = None
) -> SerialExecutor | ProcessExecutor | DaskExecutor:
    """The executor a build asked for: `--executor`, `--jobs`, `--scheduler`.

    `--jobs N` alone means a process pool; `--scheduler` alone means Dask; nothing
    means serial. Close what this returns (it is a context manager).
    """
    if kind is None:
        kind = "dask" if scheduler else "process" if jobs and jobs > 1 else "serial"
    if kind not in EXECUTORS:
        raise ConfigError(
            f"--executor: unknown executor {kind!r}\nHint: use one of {', '.join(EXECUTORS)}"
        )
    if scheduler and kind != "dask":
        raise ConfigError(
            f"--scheduler: a scheduler address needs the dask executor, not {kind!r}"
            "\nHint: add --executor dask, or leave out --scheduler"
        )
    if jobs is not None and jobs < 1:
        raise ConfigError(f"--jobs: expected at least 1 worker, got {jobs}")
    if kind == "dask":
        return DaskExecutor(scheduler, jobs)
    if kind == "process":
        return ProcessExecutor(jobs or os.cpu_count() or 1)
    return SerialExecutor()

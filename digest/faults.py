"""Fault isolation for the steps that see the whole day: one odd claim never sinks the brief.

The map step isolates faults per article (`executor.Failure`). The reduce step (merging,
ranking, composing, the timeline) and rendering work on every claim at once, so a bug
that one odd sentence triggers would stop the brief of all the others. `FaultLog.isolate`
runs such a step on all its claims; if it raises, it finds the claims that make it raise
by halving (a handful more runs of the step, paid only when something breaks), records
each as a `Fault`, and runs the step without them. With `strict`, a fault is an error.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .errors import BuildFault, DigestError
from .model import Claim, Fault, Story

log = logging.getLogger("digest")

R = TypeVar("R")
Item = TypeVar("Item", Claim, Story, Claim | Story)

# A user's error (a template, a full disk) or the machine's: raised as they are, since
# leaving claims out would not help.
_NOT_A_CLAIMS_FAULT = (DigestError, OSError, MemoryError)


@dataclass
class FaultLog:
    """The faults of one build; `strict` turns the first into a `BuildFault`."""

    strict: bool = False
    faults: list[Fault] = field(default_factory=list)

    def isolate(self, claims: Sequence[Item], step: Callable[[Sequence[Item]], R]) -> R:
        """`step(claims)`, or `step` of the claims left once those it raises on are out
        (the items may be stories too: what a renderer prints of a story is its own).

        A `DigestError` (a template error), an `OSError` (a full disk) or running out of
        memory is not a claim's fault: it is raised as it is. So is an error that no claim
        causes alone or with its half.
        """
        try:
            return step(claims)
        except _NOT_A_CLAIMS_FAULT:
            raise
        except Exception as exc:  # the fault of some claims: find them
            first = exc
        culprits = _culprits(claims, step, 0, len(claims), first)
        if not culprits:
            raise first
        for index, error in culprits:
            self.record(claims[index], error)
        left_out = {index for index, _ in culprits}
        return step([c for i, c in enumerate(claims) if i not in left_out])

    def record(self, item: Claim | Story, exc: BaseException) -> None:
        """Log the fault of `item` and keep it for the brief; raise it when strict."""
        error = f"{type(exc).__name__}: {exc}"
        if isinstance(item, Story):
            fault = Fault(_stage(exc), item.lead_article, None, error, item.id)
            what = f"story {item.id}"
        else:
            fault = Fault(_stage(exc), item.article_id, item.id, error)
            what = f"claim {item.id}"
        log.error(
            "left out %s of article %s: the %s step raised %s\n%s",
            what,
            fault.article_id,
            fault.stage,
            fault.error,
            "".join(traceback.format_exception(exc)).rstrip(),
        )
        if self.strict:
            raise BuildFault(
                f"article {fault.article_id!r}, {what}: the {fault.stage} step "
                f"raised {fault.error}; Hint: without --strict the {what.split()[0]} is left "
                "out of the brief and listed under its problems"
            ) from exc
        self.faults.append(fault)


def _culprits(
    claims: Sequence[Item],
    step: Callable[[Sequence[Item]], object],
    start: int,
    end: int,
    error: Exception,
) -> list[tuple[int, Exception]]:
    """The claims of `claims[start:end]` (on which `step` raised `error`) that `step`
    raises on alone or with their half: found by halving, with what each raised."""
    if end - start == 1:
        return [(start, error)]
    middle = (start + end) // 2
    found: list[tuple[int, Exception]] = []
    for low, high in ((start, middle), (middle, end)):
        try:
            step(claims[low:high])
        except _NOT_A_CLAIMS_FAULT:
            raise
        except Exception as exc:
            found += _culprits(claims, step, low, high, exc)
    return found


def _stage(exc: BaseException) -> str:
    """The step a fault happened in: the innermost module of digest in its traceback."""
    stage = "build"
    package = Path(__file__).resolve().parent
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if path.suffix == ".py" and package in path.resolve().parents:
            stage = path.stem
    return stage

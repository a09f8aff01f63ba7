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
from .model import Claim, Fault

log = logging.getLogger("digest")

R = TypeVar("R")

# A user's error (a template, a full disk) or the machine's: raised as they are, since
# leaving claims out would not help.
_NOT_A_CLAIMS_FAULT = (DigestError, OSError, MemoryError)


@dataclass
class FaultLog:
    """The faults of one build; `strict` turns the first into a `BuildFault`."""

    strict: bool = False
    faults: list[Fault] = field(default_factory=list)

    def isolate(self, claims: Sequence[Claim], step: Callable[[Sequence[Claim]], R]) -> R:
        """`step(claims)`, or `step` of the claims left once those it raises on are out.

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

    def record(self, claim: Claim, exc: BaseException) -> None:
        """Log the fault of `claim` and keep it for the brief; raise it when strict."""
        fault = Fault(_stage(exc), claim.article_id, claim.id, f"{type(exc).__name__}: {exc}")
        log.error(
            "left out claim %s of article %s: the %s step raised %s\n%s",
            claim.id,
            claim.article_id,
            fault.stage,
            fault.error,
            "".join(traceback.format_exception(exc)).rstrip(),
        )
        if self.strict:
            raise BuildFault(
                f"article {claim.article_id!r}, claim {claim.id}: the {fault.stage} step "
                f"raised {fault.error}; Hint: without --strict the claim is left out of "
                "the brief and listed under its problems"
            ) from exc
        self.faults.append(fault)


def _culprits(
    claims: Sequence[Claim],
    step: Callable[[Sequence[Claim]], object],
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

"""The brief's files written: every format rendered before any file is replaced.

Each format goes to a temporary file beside its path, flushed to disk, and all are
renamed into place together, so a failed render leaves the previous brief whole. A
claim a renderer fails on is found and left out (`faults.FaultLog`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import jinja2
import jinja2.meta

from ..compose.brief import shown_claims, without_claims
from ..errors import RenderError, TemplateError
from ..faults import FaultLog
from ..files import commit, temp_file
from ..model import Brief, Claim, Fault, Story
from .brief_json import json_chunks
from .markdown import markdown_chunks, render_html, render_markdown, render_pdf
from .templates import (
    template_environment,
)

FORMATS = ("md", "html", "pdf", "json")
log = logging.getLogger("digest")


# --- writing -----------------------------------------------------------------------------


def _encoded(chunks: Iterable[str], size: int = 1 << 20) -> Iterator[bytes]:
    """UTF-8 bytes of `chunks`, in pieces of about `size` characters."""
    pending: list[str] = []
    length = 0
    for chunk in chunks:
        pending.append(chunk)
        length += len(chunk)
        if length >= size:
            yield "".join(pending).encode("utf-8")
            pending, length = [], 0
    if pending:
        yield "".join(pending).encode("utf-8")


def write_brief(
    brief: Brief,
    out_dir: Path,
    formats: Sequence[str] = FORMATS,
    template_dir: Path | None = None,
    faults: FaultLog | None = None,
) -> dict[str, Path]:
    """Render `formats` and write them as out_dir/brief.<format>; returns format -> path.

    Every format is rendered (JSON streamed into a temporary file) before any file is
    replaced, so a template error leaves the previous brief in place rather than a mix
    of old and new files. A claim the renderers fail on (while the templates render a
    brief without it) is left out and recorded in `faults` and the brief's problems.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise RenderError(
            f"unknown output format {', '.join(map(repr, unknown))}"
            f"; Hint: choose from {', '.join(FORMATS)}"
        )
    wanted = list(dict.fromkeys(formats))
    env = template_environment(template_dir)
    out = Path(out_dir)
    faults = faults if faults is not None else FaultLog()
    made: list[tuple[Path, Path]] = []
    items: list[Claim | Story] = [*shown_claims(brief), *brief.stories()]
    templates_render: list[bool] = []

    def render(kept: Sequence[Claim | Story]) -> list[tuple[Path, Path]]:
        shown = brief
        if len(kept) < len(items):
            shown = _without(brief, items, kept)
        if faults.faults:
            shown = replace(shown, stats=replace(shown.stats, faults=all_faults(brief, faults)))
        try:
            renames = _render_files(shown, out, wanted, env)
        except TemplateError as exc:
            # A template that renders the brief without its stories is not broken: some
            # claim's or story's content breaks it, and that is found and left out.
            if not templates_render:
                try:
                    made.extend(_render_files(_without(brief, items, ()), out, wanted, env))
                    templates_render.append(True)
                except TemplateError:
                    templates_render.append(False)
            if not templates_render[0] or exc.__cause__ is None:
                raise
            raise exc.__cause__ from None
        made.extend(renames)
        return renames

    try:
        out.mkdir(parents=True, exist_ok=True)
        renames = faults.isolate(items, render)
        commit(renames)
    except OSError as exc:
        raise RenderError(
            f"{exc.filename or out_dir}: cannot write the brief: {exc.strerror or exc}"
            "; Hint: check the output folder exists and is writable"
        ) from exc
    finally:
        for tmp, _ in made:
            tmp.unlink(missing_ok=True)
    return {fmt: out / f"brief.{fmt}" for fmt in wanted}


def _without(brief: Brief, items: Sequence[Claim | Story], kept: Sequence[Claim | Story]) -> Brief:
    """The brief without the claims and stories of `items` not in `kept`."""
    keep = {id(i) for i in kept}
    gone = [i for i in items if id(i) not in keep]
    return without_claims(
        brief,
        {i.id for i in gone if isinstance(i, Claim)},
        {i.id for i in gone if isinstance(i, Story)},
    )


def all_faults(brief: Brief, faults: FaultLog) -> tuple[Fault, ...]:
    """The brief's faults and those found since (rendering it), each once."""
    return tuple(dict.fromkeys([*brief.stats.faults, *faults.faults]))


def as_written(brief: Brief, faults: FaultLog) -> Brief:
    """The brief `write_brief` wrote: without the claims and stories rendering left out."""
    found = all_faults(brief, faults)
    if found == brief.stats.faults:
        return brief
    claims = {f.claim_id for f in found if f.claim_id is not None}
    stories = {f.story_id for f in found if f.story_id is not None}
    shown = without_claims(brief, claims, stories)
    return replace(shown, stats=replace(shown.stats, faults=found))


def _render_files(
    brief: Brief, out: Path, wanted: Sequence[str], env: jinja2.Environment
) -> list[tuple[Path, Path]]:
    """Each format of `brief` in a temporary file beside its path: (temporary, path)."""
    # HTML and PDF are made from the whole Markdown; alone, it goes straight to its file.
    markdown = ""
    if set(wanted) & {"html", "pdf"}:
        start = time.perf_counter()
        markdown = render_markdown(brief, env)
        log.debug("rendered the Markdown: %.2f s", time.perf_counter() - start)
    producers: dict[str, Callable[[], Iterable[bytes]]] = {
        "md": lambda: (
            [markdown.encode("utf-8")] if markdown else _encoded(markdown_chunks(brief, env))
        ),
        "html": lambda: [render_html(brief, env, markdown).encode("utf-8")],
        "pdf": lambda: [render_pdf(render_html(brief, env, markdown, for_pdf=True))],
        "json": lambda: _encoded(json_chunks(brief)),
    }
    renames: list[tuple[Path, Path]] = []
    try:
        for fmt in wanted:
            path = out / f"brief.{fmt}"
            start = time.perf_counter()
            renames.append((temp_file(path, producers[fmt]()), path))
            log.debug("rendered brief.%s: %.2f s", fmt, time.perf_counter() - start)
    except BaseException:
        for tmp, _ in renames:
            tmp.unlink(missing_ok=True)
        raise
    return renames


# --- digest check ------------------------------------------------------------------------

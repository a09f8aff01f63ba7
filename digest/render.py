"""Render a `Brief` to Markdown, HTML, PDF and JSON, from user-overridable templates.

Markdown is the source: `templates/brief.md.j2` writes it, markdown-it-py turns it into
the HTML body, `templates/page.html.j2` wraps that into a page with the CSS inlined, and
WeasyPrint prints the page (plus `templates/print.css`) to PDF. JSON is written from the
model directly. Template failures become `RenderError`s that name file, line and a fix.
"""

from __future__ import annotations

import dataclasses
import difflib
import inspect
import json
import logging
import os
import re
import secrets
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
from markupsafe import Markup

from digest import model
from digest.compose import shown_claims, without_claims
from digest.errors import RenderError, TemplateError
from digest.faults import FaultLog
from digest.model import Brief, Claim, Fault, Section, SourceRef, Story, TimelineEntry
from digest.render_md import FILTERS, markdown_to_html
from digest.render_text import TEXT_FILTERS

FORMATS = ("md", "html", "pdf", "json")
log = logging.getLogger("digest")

BRIEF_MD = "brief.md.j2"
PAGE_HTML = "page.html.j2"
SCREEN_CSS = "brief.css"
PRINT_CSS = "print.css"


def default_template_dir() -> Path:
    """The folder holding the default templates, in a wheel or in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_templates", here.parent / "templates"):
        if (candidate / BRIEF_MD).is_file():
            return candidate
    raise RenderError(
        f"default templates not found next to {here}"
        "; Hint: reinstall digest; the wheel ships them as digest/_templates"
    )


def _autoescape(name: str | None) -> bool:
    # select_autoescape matches only the last suffix, and ours end in `.j2`.
    return name is not None and name.endswith((".html", ".html.j2", ".htm", ".xml"))


def template_environment(user_dir: Path | None = None) -> jinja2.Environment:
    """A Jinja environment that looks in `user_dir` first, then in the default templates."""
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        if not Path(user_dir).is_dir():
            raise RenderError(
                f"{user_dir}: template folder not found"
                "; Hint: point template_dir at a folder holding e.g. brief.md.j2"
            )
        loaders.append(jinja2.FileSystemLoader(str(user_dir)))
    defaults = default_template_dir()
    loaders.append(jinja2.FileSystemLoader(str(defaults)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=_autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    env.filters.update(TEXT_FILTERS)  # for the email's text and subject templates
    if user_dir is not None:
        for warning in overriding_nothing(env, Path(user_dir), defaults):
            if warning not in _WARNED:
                _WARNED.add(warning)
                log.warning("%s", warning)
    return env


_WARNED: set[str] = set()


def overriding_nothing(env: jinja2.Environment, user_dir: Path, defaults: Path) -> list[str]:
    """A warning for each file of the user's template folder that no template uses.

    A file overrides the default of its name; any other file is used only if a template
    includes, imports or extends it. Anything else is most likely a misspelt name
    (`brief.md.jinja` for `brief.md.j2`), which would otherwise be ignored in silence.
    """
    names = sorted(p.name for p in defaults.iterdir() if p.is_file())
    theirs = sorted(
        p.relative_to(user_dir).as_posix()
        for p in user_dir.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    )
    used: set[str] = set()
    for name in [*names, *theirs]:
        if not name.endswith(".j2"):
            continue
        try:
            source, _ = _source(env, name)
            used.update(n for n in jinja2.meta.find_referenced_templates(env.parse(source)) if n)
        except (jinja2.TemplateError, OSError, UnicodeDecodeError):
            continue  # a broken template is reported where it is rendered
    warnings = []
    for name in theirs:
        if name not in names and name not in used:
            close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
            warnings.append(
                f"{user_dir / name}: overrides no template and no template uses it; "
                + (f"Hint: did you mean {close[0]!r}? " if close else "Hint: ")
                + f"the templates are {', '.join(names)}"
            )
    return warnings


# --- template errors ---------------------------------------------------------------------


def _display_path(filename: str) -> str:
    try:
        relative = os.path.relpath(filename)
    except ValueError:  # another drive on Windows
        return filename
    return filename if relative.startswith("..") else relative


def _source(env: jinja2.Environment, name: str) -> tuple[str, str | None]:
    """A template's text and file name, as the environment's loader finds them."""
    if env.loader is None:
        raise jinja2.TemplateNotFound(name)
    source, filename, _ = env.loader.get_source(env, name)
    return source, filename


def _template_file(env: jinja2.Environment, name: str) -> str:
    try:
        _, filename = _source(env, name)
    except jinja2.TemplateNotFound:
        return name
    return _display_path(filename) if filename else name


def _template_frame(exc: BaseException) -> tuple[str, int] | None:
    """The innermost template line in `exc`'s traceback (Jinja rewrites frames to it)."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.lineno and not frame.filename.endswith(".py") and "<frozen" not in frame.filename:
            found = (frame.filename, frame.lineno)
    return found


def _model_names() -> list[str]:
    names: set[str] = set()
    for _, cls in inspect.getmembers(model, dataclasses.is_dataclass):
        names.update(f.name for f in dataclasses.fields(cls))
        names.update(n for n, _ in inspect.getmembers(cls) if not n.startswith("_"))
    return sorted(names)


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f"did you mean '{close[0]}'?" if close else ""


def _hint(env: jinja2.Environment, exc: BaseException, what: str) -> str:
    if m := re.search(r"has no attribute '([^']+)'", what):
        guess = _did_you_mean(m.group(1), _model_names())
        return f"{guess} See digest/model.py for what a brief holds".lstrip()
    if m := re.search(r"'([^']+)' is undefined", what):
        guess = _did_you_mean(m.group(1), ["brief", "body", "css", "print_css", "loop"])
        return f"{guess} Templates get `brief` (page.html.j2 also body, css, print_css)".lstrip()
    if m := re.search(r"No (filter|test) named '([^']+)'", what):
        pool = list(env.filters) if m.group(1) == "filter" else list(env.tests)
        guess = _did_you_mean(m.group(2), pool)
        return f"{guess} digest adds filters: {', '.join(sorted(FILTERS))}".lstrip()
    if isinstance(exc, jinja2.TemplateNotFound):
        return "the file is in neither the template folder nor digest's defaults"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return "check that each {% if/for/macro %} has its {% end... %} and {{ }} are closed"
    return "fix the expression on that line"


def _template_error(env: jinja2.Environment, name: str, exc: BaseException) -> TemplateError:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        file = _display_path(exc.filename) if exc.filename else _template_file(env, name)
        line: int | None = exc.lineno
        what = exc.message or str(exc)
    else:
        frame = _template_frame(exc)
        file, line = (
            (_display_path(frame[0]), frame[1]) if frame else (_template_file(env, name), None)
        )
        if isinstance(exc, jinja2.TemplateNotFound):
            what = f"template '{exc.name}' not found"
        elif isinstance(exc, jinja2.TemplateError):
            what = str(exc)
        else:
            what = f"{type(exc).__name__}: {exc}"
        # "'digest.model.Brief object' has no attribute" reads better as "'Brief' has ...".
        what = re.sub(r"'(?:[\w.]+\.)?(\w+) object'", r"'\1'", what)
    return TemplateError(file, line, what, _hint(env, exc, what))


def _render(env: jinja2.Environment, name: str, **context: Any) -> str:
    try:
        return env.get_template(name).render(**context)
    except RenderError:
        raise
    except Exception as exc:  # a user template can raise anything; report where
        raise _template_error(env, name, exc) from exc


def _css(env: jinja2.Environment, name: str) -> Markup:
    try:
        source, _ = _source(env, name)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(
            name, None, "stylesheet not found", "restore it or copy digest's default"
        ) from exc
    # A stylesheet cannot close its <style> element; `<\/` is the same text to CSS.
    return Markup(source.replace("</", "<\\/"))


# --- renderers ---------------------------------------------------------------------------


def render_markdown(brief: Brief, env: jinja2.Environment) -> str:
    """The brief as Markdown, from `brief.md.j2`."""
    return "".join(markdown_chunks(brief, env))


def markdown_chunks(brief: Brief, env: jinja2.Environment) -> Iterator[str]:
    """The brief as Markdown, a line at a time as the template writes it (a long brief
    is never all in memory when it goes straight to a file).

    Trailing spaces would be hard line breaks, and loops leave extra blank lines;
    neither carries meaning in the brief, so lines lose trailing spaces, runs of blank
    lines become one, and the text has no blank line first or last.
    """
    started = blank = False
    for line in _lines(_generate(env, BRIEF_MD, brief=brief)):
        line = line.rstrip()
        if not line:
            blank = started
            continue
        yield ("\n" if blank else "") + line + "\n"
        started, blank = True, False
    if not started:
        yield "\n"


def _lines(chunks: Iterable[str], block: int = 1 << 16) -> Iterator[str]:
    """The lines of the text `chunks` make, without their line breaks: what
    `"".join(chunks).splitlines()` gives, taken a block of text at a time."""
    pending: list[str] = []
    size = 0
    for chunk in chunks:
        pending.append(chunk)
        size += len(chunk)
        if size < block:
            continue
        parts = "".join(pending).splitlines(keepends=True)
        last = parts.pop()
        # The last line may go on in the next chunk; a "\r" may be half of "\r\n".
        if last[-1] not in _LINE_BREAKS or last[-1] == "\r":
            pending, size = [last], len(last)
        else:
            parts.append(last)
            pending, size = [], 0
        for part in parts:
            yield part.rstrip(_LINE_BREAKS)  # its one break ("\r\n" counts as one)
    if pending:
        yield from "".join(pending).splitlines()


_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _generate(env: jinja2.Environment, name: str, **context: Any) -> Iterator[str]:
    """`_render` a piece at a time: the same errors, raised as the pieces are made."""
    try:
        yield from env.get_template(name).generate(**context)
    except RenderError:
        raise
    except Exception as exc:  # a user template can raise anything; report where
        raise _template_error(env, name, exc) from exc


def render_html(
    brief: Brief,
    env: jinja2.Environment,
    markdown: str | None = None,
    *,
    for_pdf: bool = False,
) -> str:
    """A standalone HTML page of the brief; `for_pdf` adds `print.css` and running heads."""
    if markdown is None:
        markdown = render_markdown(brief, env)
    return _render(
        env,
        PAGE_HTML,
        brief=brief,
        body=Markup(markdown_to_html(markdown)),
        css=_css(env, SCREEN_CSS),
        print_css=_css(env, PRINT_CSS) if for_pdf else None,
    )


def render_pdf(html: str) -> bytes:
    """The page as PDF, fetching nothing but data: URLs and digest's own template files."""
    from digest.render_pdf import html_to_pdf  # WeasyPrint is slow to import

    return html_to_pdf(html, default_template_dir())


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _zone_name(value: datetime | None) -> str | None:
    # The offset is in the ISO time; the zone's name ("KST") is kept for reading it back.
    return value.tzname() if value is not None else None


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """A claim as JSON-ready data: text, offsets, speaker, cue, dates and topics."""
    speaker = claim.speaker
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "kind": claim.kind,
        "text": claim.text,
        "start": claim.span.start,
        "end": claim.span.end,
        "speaker": None
        if speaker is None
        else {
            "name": speaker.name,
            "role": speaker.role,
            "mention": speaker.mention,
            "start": speaker.span.start,
            "end": speaker.span.end,
        },
        "cue": claim.cue,
        "cue_start": claim.cue_span.start if claim.cue_span else None,
        "cue_end": claim.cue_span.end if claim.cue_span else None,
        "when": _iso(claim.when),
        "dates": [
            {
                "date": d.date.isoformat(),
                "phrase": d.phrase,
                "start": d.span.start,
                "end": d.span.end,
                "future": d.future,
            }
            for d in claim.dates
        ],
        "topics": [
            {"topic_id": t.topic_id, "score": t.score, "matched_terms": list(t.matched_terms)}
            for t in claim.topics
        ],
    }


def _story_json(brief: Brief, story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "topic_id": story.topic_id,
        "also_topics": list(story.also_topics),
        "salience": story.salience,
        "new": story.new,
        "article_ids": list(story.article_ids),
        "sources": list(brief.cite(story.article_ids)),
        "independent_outlets": list(brief.independent(story.article_ids)),
        "syndicated_copies": list(brief.copies(story.article_ids)),
        "claims": [claim_to_dict(c) for c in story.claims],
    }


def _section_json(brief: Brief, section: Section, *, lazy: bool = False) -> dict[str, Any]:
    stories = (_story_json(brief, s) for s in section.stories)
    return {
        "topic_id": section.topic_id,
        "title": section.title,
        "stories": stories if lazy else list(stories),
        "groups": [
            {"label": g.label, "terms": list(g.terms), "story_ids": [s.id for s in g.stories]}
            for g in section.groups
        ],
    }


def _entry_json(brief: Brief, entry: TimelineEntry) -> dict[str, Any]:
    return {
        "when": entry.when.isoformat(),
        "text": entry.text,
        "story_id": entry.story_id,
        "article_ids": list(entry.article_ids),
        "sources": list(brief.cite(entry.article_ids)),
    }


def _source_json(source: SourceRef) -> dict[str, Any]:
    return {
        "number": source.number,
        "article_id": source.article_id,
        "outlet": source.outlet,
        "title": source.title,
        "url": source.url,
        "published": _iso(source.published),
        "published_zone": _zone_name(source.published),
        "path": source.path,
        "copy_of": source.copy_of,
        "new": source.new,
    }


def brief_to_dict(brief: Brief, *, lazy: bool = False) -> dict[str, Any]:
    """The brief as plain JSON-ready data; `sources` fields are the cited source numbers.

    `lazy`: the long lists (stories, timeline, sources) are generators, made as a
    writer consumes them, so the whole tree is never in memory at once.
    """
    stats = brief.stats
    return {
        "date": brief.date.isoformat(),
        "title": brief.title,
        "issued": brief.issued.isoformat(),
        "issued_zone": _zone_name(brief.issued),
        "classification": brief.classification,
        "topic_titles": dict(brief.topic_titles),
        "stats": {
            "articles": stats.articles,
            "outlets": stats.outlets,
            "claims": stats.claims,
            "stories": stats.stories,
            "skipped": [{"path": s.path, "reason": s.reason} for s in stats.skipped],
            "outside_window": stats.outside_window,
            "duplicates": [{"path": s.path, "reason": s.reason} for s in stats.duplicates],
            "faults": [
                {
                    "stage": f.stage,
                    "article_id": f.article_id,
                    "claim_id": f.claim_id,
                    "error": f.error,
                }
                for f in stats.faults
            ],
        },
        "bottom_line": _listed(
            (
                {
                    "topic_id": b.topic_id,
                    "topic_title": b.topic_title,
                    "story": _story_json(brief, b.story),
                }
                for b in brief.bottom_line
            ),
            lazy,
        ),
        "sections": [_section_json(brief, s, lazy=lazy) for s in brief.sections],
        "other": None if brief.other is None else _section_json(brief, brief.other, lazy=lazy),
        "timeline": _listed((_entry_json(brief, e) for e in brief.timeline), lazy),
        "watch_list": _listed((_entry_json(brief, e) for e in brief.watch_list), lazy),
        "sources": _listed((_source_json(s) for s in brief.sources), lazy),
    }


def _listed(items: Iterator[dict[str, Any]], lazy: bool) -> Iterator[dict[str, Any]] | list[Any]:
    return items if lazy else list(items)


def render_json(brief: Brief) -> str:
    """The whole brief as deterministic JSON (sorted keys, ISO dates, final newline)."""
    return "".join(json_chunks(brief))


_JSON_DEPTH = 4
"""The items of the long lists (a story with its claims, a timeline entry, a source), and
containers nested this deep, are written on one line each: the file reads and diffs
like indented JSON, one record per line, and is written by the json module's C
encoder, which does not indent."""
_encoder = json.JSONEncoder(
    sort_keys=True, ensure_ascii=False, allow_nan=False, separators=(", ", ": ")
)
# The C encoder that `encode` makes anew for every call, made once: the brief is written
# a record at a time, hundreds of thousands of calls. (No circular check: it is a tree.)
_c_encode = (
    c_make_encoder(None, _encoder.default, encode_basestring, None, ": ", ", ", True, False, False)
    if c_make_encoder is not None
    else None
)


def _compact(value: Any) -> str:
    """`value` as JSON on one line (as `_encoder.encode` writes it)."""
    if _c_encode is None:
        return _encoder.encode(value)
    if isinstance(value, str):
        return str(encode_basestring(value))
    return "".join(_c_encode(value, 0))


def json_chunks(brief: Brief) -> Iterator[str]:
    """brief.json in pieces, made as they are written: memory stays flat however long."""
    try:
        yield from _json_value(brief_to_dict(brief, lazy=True), 0)
    except ValueError as exc:
        raise RenderError(f"brief.json: {exc}; Hint: a score or salience is NaN or inf") from exc
    yield "\n"


def _json_value(value: Any, depth: int, record: bool = False) -> Iterator[str]:
    if record or depth >= _JSON_DEPTH or not isinstance(value, dict | list | Iterator):
        yield _compact(value)
        return
    inner = "\n" + "  " * (depth + 1)
    if isinstance(value, dict):
        if not value:
            yield "{}"
            return
        opening = "{"
        for key in sorted(value):
            yield f"{opening}{inner}{_compact(key)}: "
            yield from _json_value(value[key], depth + 1)
            opening = ","
        yield "\n" + "  " * depth + "}"
        return
    opening = "["
    records = isinstance(value, Iterator)
    for item in value:
        yield opening + inner
        yield from _json_value(item, depth + 1, records)
        opening = ","
    yield "[]" if opening == "[" else "\n" + "  " * depth + "]"


# --- writing -----------------------------------------------------------------------------


def _fsync_dir(directory: Path) -> None:
    # Makes the rename durable; not every platform lets a directory be opened.
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


def _atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so readers see the old file or the new one, never half."""
    _commit([(_temp_file(path, [data]), path)])


def _temp_file(path: Path, chunks: Iterable[bytes]) -> Path:
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


def _commit(renames: Sequence[tuple[Path, Path]]) -> None:
    """Move each temporary file onto its path; on failure, the temporaries left are removed."""
    try:
        for tmp, path in renames:
            os.replace(tmp, path)
    finally:
        for tmp, _ in renames:
            tmp.unlink(missing_ok=True)
    for directory in {path.parent for _, path in renames}:
        _fsync_dir(directory)


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
    claims = shown_claims(brief)
    templates_render: list[bool] = []

    def render(kept: Sequence[Claim]) -> list[tuple[Path, Path]]:
        shown = brief
        if len(kept) < len(claims):
            ids = {c.id for c in kept}
            shown = without_claims(brief, {c.id for c in claims if c.id not in ids})
        if faults.faults:
            shown = replace(shown, stats=replace(shown.stats, faults=all_faults(brief, faults)))
        try:
            renames = _render_files(shown, out, wanted, env)
        except TemplateError as exc:
            # A template that renders the brief without its claims is not broken: some
            # claim's content breaks it, and the claim is found and left out.
            if not templates_render:
                try:
                    made.extend(
                        _render_files(without_claims(brief, _ids(claims)), out, wanted, env)
                    )
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
        renames = faults.isolate(claims, render)
        _commit(renames)
    except OSError as exc:
        raise RenderError(
            f"{exc.filename or out_dir}: cannot write the brief: {exc.strerror or exc}"
            "; Hint: check the output folder exists and is writable"
        ) from exc
    finally:
        for tmp, _ in made:
            tmp.unlink(missing_ok=True)
    return {fmt: out / f"brief.{fmt}" for fmt in wanted}


def _ids(claims: Sequence[Claim]) -> set[str]:
    return {c.id for c in claims}


def all_faults(brief: Brief, faults: FaultLog) -> tuple[Fault, ...]:
    """The brief's faults and those found since (rendering it), each once."""
    return tuple(dict.fromkeys([*brief.stats.faults, *faults.faults]))


def as_written(brief: Brief, faults: FaultLog) -> Brief:
    """The brief `write_brief` wrote: without the claims rendering left out, if any."""
    found = all_faults(brief, faults)
    if found == brief.stats.faults:
        return brief
    left_out = {f.claim_id for f in found if f.claim_id is not None}
    shown = without_claims(brief, left_out)
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
            renames.append((_temp_file(path, producers[fmt]()), path))
            log.debug("rendered brief.%s: %.2f s", fmt, time.perf_counter() - start)
    except BaseException:
        for tmp, _ in renames:
            tmp.unlink(missing_ok=True)
        raise
    return renames


# --- digest check ------------------------------------------------------------------------


def check_templates(template_dir: Path | None) -> list[str]:
    """Compile every template and render each against sample briefs; returns the errors."""
    from digest.render_sample import sample_briefs

    try:
        env = template_environment(template_dir)
    except RenderError as exc:
        return [str(exc)]
    errors: list[str] = []
    for name in env.list_templates(filter_func=lambda n: n.endswith(".j2")):
        try:
            env.get_template(name)
        except Exception as exc:  # report every broken file, not just the first
            errors.append(str(_template_error(env, name, exc)))
    for brief in sample_briefs():
        markdown = ""
        try:
            markdown = render_markdown(brief, env)
        except RenderError as exc:
            errors.append(str(exc))
        try:
            render_html(brief, env, markdown, for_pdf=True)
        except RenderError as exc:
            errors.append(str(exc))
    return list(dict.fromkeys(errors))

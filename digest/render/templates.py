"""The template environment: the user's folder over digest's defaults, and template errors
that name the file, the line and a fix."""

from __future__ import annotations

import dataclasses
import difflib
import inspect
import logging
import os
import re
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
from markupsafe import Markup

from .. import model
from ..errors import RenderError, TemplateError
from .filters import FILTERS
from .text_filters import TEXT_FILTERS

log = logging.getLogger("digest")


BRIEF_MD = "brief.md.j2"

PAGE_HTML = "page.html.j2"

SCREEN_CSS = "brief.css"

PRINT_CSS = "print.css"


def default_template_dir() -> Path:
    """The folder holding the default templates, in a wheel or in a source checkout."""
    here = Path(__file__).resolve().parent.parent  # the package: digest/
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


def _generate(env: jinja2.Environment, name: str, **context: Any) -> Iterator[str]:
    """`_render` a piece at a time: the same errors, raised as the pieces are made."""
    try:
        yield from env.get_template(name).generate(**context)
    except RenderError:
        raise
    except Exception as exc:  # a user template can raise anything; report where
        raise _template_error(env, name, exc) from exc

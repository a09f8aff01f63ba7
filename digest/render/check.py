"""`digest check`: every template compiled and rendered against sample briefs."""

from __future__ import annotations

from pathlib import Path

from ..errors import RenderError
from .markdown import render_html, render_markdown
from .templates import (
    _template_error,
    template_environment,
)


def check_templates(template_dir: Path | None) -> list[str]:
    """Compile every template and render each against sample briefs; returns the errors."""
    from .sample import sample_briefs

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

"""Plain text and Markdown articles, with optional YAML front matter."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import InputError
from ..model import Article, Span
from .options import ReadOptions, as_datetime, decode

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_KEYS = {"title", "source", "url", "published", "id", "author"}

# libyaml's parser where PyYAML was built with it (its wheels are): ten times the speed
# of the pure-Python one, which dominated reading a large day's front matter.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text_article(path: Path, data: bytes, options: ReadOptions) -> list[Article]:
    """One article from a .txt/.md file; front matter gives title, source, url, published."""

    text = decode(path, data, options)
    meta: dict[str, object] = {}
    start = 0
    match = _FRONT.match(text)
    if match:
        try:
            loaded = yaml.load(match.group(1), Loader=_LOADER) or {}
        except RecursionError:
            raise InputError(f"{path}: front matter is nested too deeply to be metadata") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f" line {mark.line + 2}" if mark else ""
            raise InputError(
                f"{path}:{line}: front matter is not valid YAML: "
                f"{getattr(exc, 'problem', exc)}; Hint: quote titles that contain ':'"
            ) from None
        if not isinstance(loaded, dict):
            raise InputError(
                f"{path}: front matter must be a mapping of keys, got {type(loaded).__name__}"
            )
        unknown = sorted(set(map(str, loaded)) - _KEYS)
        if unknown:
            raise InputError(
                f"{path}: front matter: unknown key {unknown[0][:40]!r}; "
                f"Hint: allowed keys are {', '.join(sorted(_KEYS))}"
            )
        for key, value in loaded.items():
            # A list or mapping (possibly a YAML alias bomb) is never a title or a date.
            if isinstance(value, list | dict):
                raise InputError(
                    f"{path}: front matter: {key} must be a single value, "
                    f"got a {type(value).__name__}; "
                    "Hint: write it on one line, quoted if it contains ':'"
                )
        meta = loaded
        start = match.end()
    if not text[start:].strip():
        raise InputError(f"{path}: no article text after the front matter")
    published = as_datetime(meta.get("published"), options.timezone, str(path))
    if published is None and options.published is not None:
        published = as_datetime(options.published, options.timezone, str(path))
    return [
        Article(
            id=str(meta.get("id") or options.name or path.stem),
            source=str(meta.get("source") or options.outlet or ""),
            title=str(meta.get("title") or ""),
            url=str(meta["url"]) if meta.get("url") else None,
            published=published,
            text=text,
            path=str(path),
            body=(Span(start, len(text)),),
            author=str(meta["author"]) if meta.get("author") else None,
        )
    ]

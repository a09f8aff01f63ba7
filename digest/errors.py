"""Domain errors. Exit codes are chosen in cli.py, never here."""

from __future__ import annotations


class DigestError(Exception):
    """Base of every error `digest` reports to a user as a message, not a traceback."""


class ConfigError(DigestError):
    """The config file or a template is wrong; the message names the key and a hint."""


class QueryError(ConfigError):
    """A topic query does not parse; the message shows the column with a caret."""


class InputError(DigestError):
    """An input file cannot be read as an article."""


class RenderError(DigestError):
    """A template or renderer failed on a brief, or the brief could not be written."""


class TemplateError(RenderError):
    """A template failed to compile or render; `file`, `line` and `hint` say where and why."""

    def __init__(self, file: str, line: int | None, what: str, hint: str) -> None:
        where = f"{file} line {line}" if line else file
        super().__init__(f"{where}: {what.rstrip('.')}; Hint: {hint}")
        self.file = file
        self.line = line
        self.what = what
        self.hint = hint


class BuildFault(DigestError):
    """A step of the build raised on a claim, and the build is strict (`--strict`)."""

"""Small helpers for the words of messages and templates."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 article`, `2 articles`; `plural_form` for words that do not add an s."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"

"""Validation errors said as a user reads them: the file, the line, the key path, the value, what was expected and a hint."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .schema import ConfigFile


def key_lines(node: yaml.Node | None, prefix: str = "") -> dict[str, int]:
    """Map each key path ("topics[0].query") to its 1-based line in the file."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
            lines[key] = key_node.start_mark.line + 1
            lines.update(key_lines(value_node, key))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = f"{prefix}[{index}]"
            lines[key] = item.start_mark.line + 1
            lines.update(key_lines(item, key))
    return lines


def _key_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def line_note(lines: Mapping[str, int], key: str) -> str:
    while key:
        if key in lines:
            return f":{lines[key]}"
        key = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", key) if re.search(r"[.\[]", key) else ""
    return ""


def _allowed_keys(loc: tuple[int | str, ...]) -> list[str]:
    model: Any = ConfigFile
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return []
        annotation = field.annotation
        args = getattr(annotation, "__args__", ())
        model = next(
            (a for a in (annotation, *args) if isinstance(a, type) and issubclass(a, BaseModel)),
            None,
        )
        if model is None:
            return []
    return [field.alias or name for name, field in model.model_fields.items()]


# pydantic error type -> (what was expected, how to write it)
_EXPECTED = {
    "string_type": ("a string", "put the value in quotes"),
    "int_type": ("an integer", "write a whole number such as 5"),
    "int_parsing": ("an integer", "write a whole number such as 5"),
    "float_type": ("a number", "write a number such as 0.8"),
    "float_parsing": ("a number", "write a number such as 0.8"),
    "bool_type": ("true or false", "write true or false"),
    "bool_parsing": ("true or false", "write true or false"),
    "list_type": ("a list", "write one item per line, each starting with '- '"),
    "dict_type": ("a mapping of keys", "indent its keys under it, one 'key: value' per line"),
    "model_type": ("a mapping of keys", "indent its keys under it, one 'key: value' per line"),
}


def describe_error(exc: ValidationError, path: Path, lines: Mapping[str, int]) -> str:
    messages = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        key = _key_path(loc)
        where = f"{path}{line_note(lines, key)}: {key}"
        value = error.get("input")
        kind = error["type"]
        if kind == "extra_forbidden":
            allowed = _allowed_keys(loc)
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            messages.append(
                f"{where}: unknown key {str(loc[-1])!r}\n"
                f"Hint: {hint}allowed keys here: {', '.join(allowed)}"
            )
        elif kind == "missing":
            messages.append(f"{where}: required key is missing\nHint: add '{loc[-1]}: ...' here")
        elif kind == "value_error":
            text = str(error["ctx"]["error"]) if "ctx" in error else error["msg"]
            problem, _, hint = text.partition("; Hint: ")
            messages.append(f"{where}: {problem}" + (f"\nHint: {hint}" if hint else ""))
        else:
            expected, hint = _EXPECTED.get(kind, (error["msg"].lower(), ""))
            if kind == "literal_error":
                expected = error["msg"].replace("Input should be", "one of")
                hint = "use one of the values listed"
            elif kind in {"greater_than_equal", "less_than_equal"}:
                expected = error["msg"].replace("Input should be", "a number")
                hint = "pick a number in that range"
            messages.append(
                f"{where}: expected {expected}, got {value!r}\n"
                f"Hint: {hint or 'see the config.yaml shipped with digest'}"
            )
    return "\n".join(messages)

"""The documentation kept in step with the code.

- docs/cli.md has a heading for every `digest` command (walked from `digest.cli.main`),
  mentions every option and argument of a command in that command's section (the global
  `-q`, `-v`, `--version` under "Global options"), and lists every exit code;
- docs/config.md names every key of the config schema (walked from
  `digest.config.schema.ConfigFile`) in backticks, written as its path from the top of
  the file: `brief.title`, `delivery.unsubscribe.mailto`, `sources[].fetch_articles` for
  a key of a list's entries; and its tables name no key the schema lacks;
- every relative link in README.md and docs/*.md reaches a file, and a heading for its
  `#anchor` (GitHub's slugs);
- the README keeps its set-up commands, links every docs page and names every module
  and package of `digest/`; docs/templates.md names every default template.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from pydantic import BaseModel

from digest import cli
from digest.config.schema import ConfigFile

from .conftest import ROOT

README = ROOT / "README.md"
DOCS = ROOT / "docs"
CLI_PAGE = DOCS / "cli.md"
CONFIG_PAGE = DOCS / "config.md"
TEMPLATES_PAGE = DOCS / "templates.md"
PAGES = [README, *sorted(DOCS.glob("*.md"))]

GLOBAL_HEADING = "Global options"
EXIT_HEADING = "Exit codes"
LAYOUT_HEADING = "Where things are"
SETUP_COMMANDS = ("make brief", "make test")

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_TABLE_KEY = re.compile(r"^\|\s*`([^`]+)`\s*\|")


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


# --- Markdown --------------------------------------------------------------------------


def _prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(index, line) of every line outside fenced code blocks."""
    fenced = False
    for index, line in enumerate(text.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield index, line


def headings(text: str) -> list[tuple[int, int, str]]:
    """(line index, level, title) of each ATX heading outside code blocks."""
    found = []
    for index, line in _prose_lines(text):
        match = _HEADING.match(line)
        if match:
            found.append((index, len(match.group(1)), match.group(2)))
    return found


def plain(title: str) -> str:
    """A heading's text as read: links to their text, backticks dropped."""
    return re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", title).replace("`", "").strip()


def slug(title: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to '-'."""
    text = plain(title).lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(text: str) -> set[str]:
    """Every heading's anchor; a repeated one gets -1, -2, ... as on GitHub."""
    seen: dict[str, int] = {}
    found = set()
    for _index, _level, title in headings(text):
        base = slug(title)
        count = seen.get(base, 0)
        found.add(base if count == 0 else f"{base}-{count}")
        seen[base] = count + 1
    return found


def sections(text: str) -> dict[str, str]:
    """Each heading's plain title -> its text, up to the next heading of its level or above."""
    lines = text.splitlines()
    marks = headings(text)
    found: dict[str, str] = {}
    for position, (index, level, title) in enumerate(marks):
        end = len(lines)
        for later, later_level, _title in marks[position + 1 :]:
            if later_level <= level:
                end = later
                break
        found.setdefault(plain(title), "\n".join(lines[index:end]))
    return found


def mentions(text: str, name: str) -> bool:
    """Whether `name` (an option such as `--json` or `-j`, or a word) occurs as a whole."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def code_spans(text: str) -> set[str]:
    """The contents of every inline code span (`...`)."""
    return {span[1:-1] for span in _CODE_SPAN.findall(text)}


# --- the command line --------------------------------------------------------------------


def commands(
    command: click.Command = cli.main, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command under `digest`, with its path of names: (), ("build",), ("eval", "claims")."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            yield from commands(sub, (*path, name))


def options(command: click.Command) -> list[click.Option]:
    return [p for p in command.params if isinstance(p, click.Option) and not p.hidden]


GLOBAL_NAMES = {name for option in options(cli.main) for name in option.opts}
COMMANDS = list(commands())
SUBCOMMANDS = [(path, command) for path, command in COMMANDS if path]


def _title(path: tuple[str, ...]) -> str:
    return " ".join(("digest", *path))


def _cli_sections() -> dict[str, str]:
    return sections(CLI_PAGE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("path", "command"), SUBCOMMANDS, ids=[_title(p).replace(" ", "-") for p, _ in SUBCOMMANDS]
)
def test_every_command_has_a_heading(path: tuple[str, ...], command: click.Command) -> None:
    title = _title(path)
    level = "#" * (len(path) + 1)
    assert title in _cli_sections(), (
        f"{_rel(CLI_PAGE)} has no heading for `{title}`; add '{level} `{title}`' "
        f"(what it does, then a line per option){' under its group' if len(path) > 1 else ''}"
    )


@pytest.mark.parametrize(
    ("path", "command"), COMMANDS, ids=[_title(p).replace(" ", "-") for p, _ in COMMANDS]
)
def test_every_option_is_documented(path: tuple[str, ...], command: click.Command) -> None:
    heading = _title(path) if path else GLOBAL_HEADING
    written = f"{'#' * (len(path) + 1)} {f'`{heading}`' if path else heading}"
    section = _cli_sections().get(heading)
    assert section is not None, (
        f"{_rel(CLI_PAGE)} has no heading '{written}'; add it, with a line per option"
    )
    missing = []
    for option in options(command):
        names = [*option.opts, *option.secondary_opts]
        if path and set(names) <= GLOBAL_NAMES:
            continue  # -q and -v work after a command too; documented once, as global
        missing += [name for name in names if not mentions(section, name)]
    for argument in (p for p in command.params if isinstance(p, click.Argument)):
        name = argument.human_readable_name
        if not mentions(section, name):
            missing.append(name)
    assert not missing, (
        f"{_rel(CLI_PAGE)}: the section '{written}' does not mention {', '.join(missing)}; "
        f"add a line such as '- `{missing[0]} ...`: what it does' to that section"
    )


def test_every_exit_code_is_documented() -> None:
    section = _cli_sections().get(EXIT_HEADING, "")
    codes = {0} | {value for name, value in vars(cli).items() if name.startswith("EXIT_")}
    listed = code_spans(section)
    missing = sorted(code for code in codes if str(code) not in listed)
    assert not missing, (
        f"{_rel(CLI_PAGE)}: exit codes {missing} (digest/cli.py's EXIT_*) are not listed; "
        f"add a line '- `{missing[0]}`: when it happens' under '## {EXIT_HEADING}'"
    )


# --- the config --------------------------------------------------------------------------


def _models(annotation: object) -> tuple[list[type[BaseModel]], bool]:
    """The BaseModel subclasses an annotation holds, and whether as a list's entries."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        found: list[type[BaseModel]] = []
        listed = False
        for arg in typing.get_args(annotation):
            models, in_list = _models(arg)
            found += models
            listed = listed or in_list
        return found, listed
    if origin is list:
        (entry,) = typing.get_args(annotation)
        models, _ = _models(entry)
        return models, True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation], False
    return [], False


def config_keys(model: type[BaseModel] = ConfigFile, prefix: str = "") -> list[str]:
    """Every key of the schema as its path: `brief`, `brief.title`, `sources[].path`, ..."""
    keys = []
    for name, field in model.model_fields.items():
        key = prefix + (field.alias or name)
        keys.append(key)
        models, listed = _models(field.annotation)
        for sub in models:
            keys += config_keys(sub, key + ("[]." if listed else "."))
    return keys


def test_the_schema_walk_finds_nested_keys() -> None:
    keys = config_keys()
    for key in (
        "brief.title",
        "http.timeout",
        "delivery.from",
        "delivery.unsubscribe.mailto",
        "executor.jobs",
        "smtp.password_env",
        "sources[].fetch_articles",
        "subscribers[].formats",
    ):
        assert key in keys
    assert len(keys) == len(set(keys))


def test_every_config_key_is_documented() -> None:
    documented = code_spans(CONFIG_PAGE.read_text(encoding="utf-8"))
    missing = [key for key in config_keys() if key not in documented]
    assert not missing, (
        f"{_rel(CONFIG_PAGE)} does not document the config key(s) {', '.join(missing)}; "
        f"add a row '| `{missing[0]}` | default | meaning |' to the table of its block there"
    )


def test_config_page_names_no_unknown_key() -> None:
    keys = set(config_keys())
    rows = [
        match.group(1)
        for _index, line in _prose_lines(CONFIG_PAGE.read_text(encoding="utf-8"))
        if (match := _TABLE_KEY.match(line))
    ]
    assert rows, f"{_rel(CONFIG_PAGE)} has no table of keys"
    unknown = [key for key in rows if key not in keys]
    assert not unknown, (
        f"{_rel(CONFIG_PAGE)} documents {', '.join(unknown)}, which the schema "
        "(digest/config/schema.py, digest/config/delivery.py) does not have; "
        "fix the key's path or remove its row"
    )


# --- links -------------------------------------------------------------------------------


def links(text: str) -> list[str]:
    """The targets of inline links outside code."""
    found = []
    for _index, line in _prose_lines(text):
        found.append(_CODE_SPAN.sub("", line))
    return _LINK.findall("\n".join(found))


@pytest.mark.parametrize("page", PAGES, ids=_rel)
def test_links_resolve(page: Path) -> None:
    broken = []
    for target in links(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z][a-z0-9+.-]*:", target, re.I):
            continue  # https:, mailto:: not ours to check
        path, _, anchor = target.partition("#")
        goal = (page.parent / path).resolve() if path else page
        if not goal.exists():
            broken.append(f"{target} (no file {path})")
        elif (
            anchor
            and goal.suffix == ".md"
            and anchor not in anchors(goal.read_text(encoding="utf-8"))
        ):
            broken.append(f"{target} (no heading in {_rel(goal)} has the anchor #{anchor})")
    assert not broken, (
        f"{_rel(page)} links to what does not exist: {'; '.join(broken)}; fix the link, or "
        "the heading it points to (anchors are GitHub's: lower case, spaces to '-', "
        "punctuation dropped)"
    )


def test_slugs_follow_github() -> None:
    assert slug("The brief's window") == "the-briefs-window"
    assert slug("Feeds over HTTP, and what runs remember") == (
        "feeds-over-http-and-what-runs-remember"
    )
    assert slug("`digest eval claims`") == "digest-eval-claims"
    assert anchors("# A\n\n```sh\n# not a heading\n```\n\n## A\n") == {"a", "a-1"}


# --- the README and the pages it leads to ------------------------------------------------


def test_readme_keeps_the_setup_commands() -> None:
    text = README.read_text(encoding="utf-8")
    prose = {index for index, _line in _prose_lines(text)}
    code = [line.strip() for i, line in enumerate(text.splitlines()) if i not in prose]
    for command in SETUP_COMMANDS:
        assert any(mentions(line, command) for line in code if line.startswith(command)), (
            f"{_rel(README)} lost its set-up command `{command}`; put it back in the "
            "```sh block under '## Set up'"
        )
    assert "`make install`" in text, (
        f"{_rel(README)} no longer says what `make install` does (it installs WeasyPrint's "
        "Debian packages when missing); put the sentence back under '## Set up'"
    )


def test_readme_links_every_docs_page() -> None:
    linked = {
        (README.parent / target.partition("#")[0]).resolve()
        for target in links(README.read_text(encoding="utf-8"))
    }
    missing = [_rel(page) for page in sorted(DOCS.glob("*.md")) if page.resolve() not in linked]
    assert not missing, (
        f"{_rel(README)} does not link {', '.join(missing)}; add a line for it under "
        "'## Documentation'"
    )


def test_readme_names_every_module() -> None:
    section = sections(README.read_text(encoding="utf-8")).get(LAYOUT_HEADING, "")
    named = code_spans(section)
    package = ROOT / "digest"
    modules = [f"{p.name}" for p in sorted(package.glob("*.py")) if not p.name.startswith("__")]
    packages = [f"{p.parent.name}/" for p in sorted(package.glob("*/__init__.py"))]
    missing = [name for name in modules + packages if name not in named]
    assert not missing, (
        f"{_rel(README)}: '## {LAYOUT_HEADING}' does not name digest/"
        f"{', digest/'.join(missing)}; add a row '| `{missing[0]}` | what it holds |' there"
    )


def test_templates_page_names_every_template() -> None:
    named = code_spans(TEMPLATES_PAGE.read_text(encoding="utf-8"))
    shipped = sorted(p.name for p in (ROOT / "templates").iterdir() if p.is_file())
    missing = [name for name in shipped if name not in named]
    assert not missing, (
        f"{_rel(TEMPLATES_PAGE)} does not name the default templates {', '.join(missing)}; "
        f"add a row '| `{missing[0]}` | what it renders |' to its table"
    )

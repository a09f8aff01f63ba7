"""The config file: its declared schema, loading, and error messages a user can act on.

Every error names the file, the key path and its line, the value received, what was
expected and a hint. Unknown keys are errors: a typo must not silently do nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta, tzinfo
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..classify.parse import Topic, compile_topics
from ..errors import ConfigError, QueryError
from .messages import describe_error, key_lines, line_note
from .schema import BriefSettings, ConfigFile, HttpSettings, SourceSpec
from .values import parse_length


@dataclass(frozen=True)
class ReadingSettings:
    """The config's part that reading articles uses: its sources and their limits."""

    sources: tuple[SourceSpec, ...]
    folder: Path
    """The config's folder: relative paths of sources are relative to it."""
    timezone: tzinfo
    """For published times written without a zone, unless a source says (the brief's)."""
    max_size: int
    http: HttpSettings

    def resolve(self, value: str) -> Path:
        """A source's path, relative to the config file's folder."""
        candidate = Path(value).expanduser()
        return candidate if candidate.is_absolute() else self.folder / candidate


class Config:
    """A loaded, validated config: the file's settings plus compiled topics and resolved paths."""

    def __init__(self, settings: ConfigFile, path: Path, topics: tuple[Topic, ...]) -> None:
        self.settings = settings
        self.path = path
        self.topics = topics

    @property
    def brief(self) -> BriefSettings:
        """The `brief:` block."""
        return self.settings.brief

    def resolve(self, value: str) -> Path:
        """A path from the config, relative to the config file's folder."""
        candidate = Path(value).expanduser()
        return candidate if candidate.is_absolute() else self.path.parent / candidate

    @property
    def output_dir(self) -> Path:
        """Where built briefs go (`output:`)."""
        return self.resolve(self.settings.output)

    @property
    def template_dir(self) -> Path | None:
        """The user's template folder (`templates:`), if any."""
        value = self.settings.templates
        return None if value is None else self.resolve(value)

    @property
    def state_path(self) -> Path | None:
        """The state file (`state:`), or None when runs remember nothing."""
        value = self.settings.state
        return None if value is None else self.resolve(value)

    @property
    def window(self) -> timedelta | None:
        """How long before its issue time a brief looks (`window:`); None: no limit."""
        return parse_length(self.settings.window)

    @property
    def reading(self) -> ReadingSettings:
        """What reading articles needs of the config (`read.sources.read_sources`)."""
        return ReadingSettings(
            sources=tuple(self.settings.sources),
            folder=self.path.parent,
            timezone=self.brief.tz,
            max_size=self.settings.limits.max_size,
            http=self.settings.http,
        )

    def topic_title(self, topic_id: str) -> str:
        """The title of a topic by id."""
        return next((t.title for t in self.topics if t.id == topic_id), topic_id)


def default_config() -> Config:
    """A config with no topics, for commands run without `--config`."""
    return Config(ConfigFile(), Path.cwd() / "config.yaml", ())


def load_config(path: str | Path) -> Config:
    """Read, validate and compile a config file; raise ConfigError naming what is wrong."""
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: no such config file\nHint: pass --config with the path to your config.yaml"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file: {exc}") from None
    return parse_config(source, path)


def parse_config(source: str, path: Path) -> Config:
    """Validate config text read from `path` (used for messages and relative paths)."""
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(
            f"{path}:{where}: not valid YAML: {problem}\n"
            "Hint: check the indentation and quote values that contain ':' or '#'"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(
            f"{path}: expected a mapping of keys (brief, sources, topics, ...), "
            f"got {type(data).__name__}\nHint: see the config.yaml shipped with digest"
        )
    lines = key_lines(node)
    try:
        settings = ConfigFile.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(describe_error(exc, path, lines)) from None
    _check_unique_ids(settings, path, lines)
    try:
        topics = compile_topics(
            [(t.id, t.title, t.query) for t in settings.topics], settings.aliases
        )
    except QueryError as exc:
        index = next(
            (i for i, t in enumerate(settings.topics) if str(exc).startswith(f"topics.{t.id}.")),
            None,
        )
        where = line_note(lines, f"topics[{index}].query") if index is not None else ""
        raise QueryError(f"{path}{where}: {exc}") from None
    return Config(settings, path.resolve(), topics)


def _check_unique_ids(settings: ConfigFile, path: Path, lines: Mapping[str, int]) -> None:
    seen: set[str] = set()
    for index, topic in enumerate(settings.topics):
        if topic.id in seen:
            key = f"topics[{index}].id"
            raise ConfigError(
                f"{path}{line_note(lines, key)}: {key}: duplicate topic id {topic.id!r}\n"
                "Hint: every topic needs its own id"
            )
        seen.add(topic.id)

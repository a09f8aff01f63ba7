"""The command line: a thin shell over the library. Exit codes live here only.

0 success · 1 bad config or template · 2 bad usage · 3 nothing could be read ·
4 the brief could not be rendered or written.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from .config import Config, default_config, load_config
from .errors import ConfigError, DigestError, InputError, RenderError
from .model import Claim

EXIT_CONFIG = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_RENDER = 4


def _fail(exc: DigestError) -> None:
    code = EXIT_CONFIG
    if isinstance(exc, InputError):
        code = EXIT_INPUT
    elif isinstance(exc, RenderError):
        code = EXIT_RENDER
    elif not isinstance(exc, ConfigError):
        code = EXIT_RENDER
    click.echo(f"digest: error: {exc}", err=True)
    sys.exit(code)


def _config(path: str | None) -> Config:
    return load_config(path) if path else default_config()


def _parse_date(_ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default="config.yaml",
    show_default=True,
    help="The config file.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.option("-v", "--verbose", is_flag=True, help="Say what each stage does.")
@click.version_option(package_name="digest")
def main(quiet: bool, verbose: bool) -> None:
    """Build a daily brief of who said what, when, and where it was reported."""
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="digest: %(levelname)s: %(message)s", stream=sys.stderr)


@main.command()
@config_option
@click.option("--date", "day", callback=_parse_date, help="The brief's date, YYYY-MM-DD (default: today in the brief's time zone).")
@click.option("--input", "inputs", multiple=True, type=click.Path(), help="Read these files or folders instead of the config's sources (repeatable).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Write here (default: <output>/<date>).")
@click.option("--format", "formats", default="md,html,pdf,json", show_default=True, help="Comma-separated formats: md, html, pdf, json.")
@click.option("--published", callback=_parse_date, help="Publication date for articles that do not give one.")
def build(
    config_path: str,
    day: date | None,
    inputs: tuple[str, ...],
    out_dir: str | None,
    formats: str,
    published: date | None,
) -> None:
    """Build the brief and write it as Markdown, HTML, PDF and JSON."""
    from .pipeline import build_brief
    from .render import FORMATS, write_brief

    chosen = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(
            f"unknown format {unknown[0] if unknown else formats!r}; choose from {', '.join(FORMATS)}",
            param_hint="--format",
        )
    try:
        config = load_config(config_path)
        day = day or datetime.now(config.brief.tz).date()
        brief = build_brief(config, day, inputs=list(inputs) or None, published=published)
        if brief.stats.articles == 0:
            raise InputError(
                "no articles could be read"
                + (f" ({len(brief.stats.skipped)} skipped)" if brief.stats.skipped else "")
                + "; Hint: check the 'sources:' paths in the config or pass --input"
            )
        target = Path(out_dir) if out_dir else config.output_dir / day.isoformat()
        written = write_brief(brief, target, chosen, config.template_dir)
    except DigestError as exc:
        _fail(exc)
        return
    for path in written.values():
        click.echo(str(path))
    logging.getLogger("digest").info(
        "%d articles, %d claims, %d stories", brief.stats.articles, brief.stats.claims, brief.stats.stories
    )


def claim_record(claim: Claim, path: str) -> dict[str, Any]:
    """The JSON object `digest claims` prints for one claim."""
    speaker = claim.speaker
    return {
        "article": claim.article_id,
        "path": path,
        "id": claim.id,
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
        "when": claim.when.isoformat() if claim.when else None,
        "topics": [
            {"id": m.topic_id, "score": m.score, "matched_terms": list(m.matched_terms)}
            for m in claim.topics
        ],
    }


@main.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Classify under this config's topics.")
@click.option("--published", callback=_parse_date, help="Publication date for articles that do not give one.")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
def claims(config_path: str | None, published: date | None, paths: tuple[str, ...]) -> None:
    """Print every claim in PATHS as JSON Lines, with offsets into each file's text."""
    from .pipeline import process_all
    from .readers import ReadOptions, read_inputs

    try:
        config = _config(config_path)
        articles, skipped = read_inputs(list(paths), ReadOptions(timezone=config.brief.tz, published=published))
        if not articles:
            raise InputError("no articles could be read; Hint: check the paths")
        processed, _failed = process_all(articles, config.topics)
    except DigestError as exc:
        _fail(exc)
        return
    out = click.get_text_stream("stdout")
    for item in processed:
        for claim in item.claims:
            out.write(json.dumps(claim_record(claim, item.article.path), ensure_ascii=False) + "\n")


@main.command()
@config_option
def check(config_path: str) -> None:
    """Validate the config and the templates; say what is wrong."""
    from .render import check_templates

    try:
        config = load_config(config_path)
    except DigestError as exc:
        _fail(exc)
        return
    problems = check_templates(config.template_dir)
    if problems:
        for problem in problems:
            click.echo(f"digest: error: {problem}", err=True)
        sys.exit(EXIT_CONFIG)
    click.echo(
        f"{config_path}: OK ({len(config.topics)} topics, {len(config.settings.sources)} sources, "
        f"templates {'from ' + str(config.template_dir) if config.template_dir else 'built in'})"
    )


@main.command()
@config_option
@click.argument("text")
def explain(config_path: str, text: str) -> None:
    """Show which topics TEXT matches, and the terms that made them match."""
    from .topics import explain as explain_topics

    try:
        config = load_config(config_path)
    except DigestError as exc:
        _fail(exc)
        return
    for topic, terms in explain_topics(config.topics, {"text": text}):
        if terms is None:
            click.echo(f"  {topic.id}: no match")
        else:
            click.echo(f"✓ {topic.id}: {', '.join(terms)}")


@main.group(name="eval")
def eval_group() -> None:
    """Measure the extractor against annotated data."""


@eval_group.command(name="claims")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--errors", default=0, show_default=True, help="Print this many misses and false positives.")
@click.option("--limit", default=0, help="Only the first N documents (0: all).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_claims(gold: str, errors: int, limit: int, as_json: bool) -> None:
    """Score claim extraction on GOLD (JSONL in the PolNeAR schema)."""
    import itertools

    from .evaluate import THRESHOLDS, evaluate, format_report, read_gold

    try:
        pairs = read_gold(Path(gold))
        report = evaluate(itertools.islice(pairs, limit) if limit else pairs, errors=errors)
    except DigestError as exc:
        _fail(exc)
        return
    if as_json:
        figures = {
            str(t): dict(zip(("precision", "recall", "f1"), report.scores(t), strict=True)) for t in THRESHOLDS
        }
        click.echo(json.dumps({"documents": report.docs, "gold": report.rows["all"].gold, "predicted": report.predicted, **figures}, indent=2))
    else:
        click.echo(format_report(report))

"""The command line: a thin shell over the library. Exit codes live here only.

0 success · 1 bad config or template · 2 bad usage · 3 nothing could be read ·
4 the brief could not be rendered or written · 5 another digest run holds the lock
(nothing was done) · 6 the mail server refused a message for good (recorded, not
retried) · 75 (EX_TEMPFAIL) messages left unsent after retries: the next run sends them.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from .config.load import Config, default_config, load_config
from .errors import (
    BuildFault,
    ConfigError,
    DigestError,
    InputError,
    RenderError,
    TemplateError,
)
from .model import Claim
from .wording import plural

EXIT_CONFIG = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_RENDER = 4
EXIT_LOCKED = 5
EXIT_REFUSED = 6
EXIT_TEMPFAIL = 75  # sysexits.h EX_TEMPFAIL: "try again later", as cron wrappers expect


def _fail(exc: DigestError) -> None:
    from .deliver.lock import LockHeld

    code = EXIT_CONFIG
    if isinstance(exc, LockHeld):
        code = EXIT_LOCKED
    elif isinstance(exc, InputError):
        code = EXIT_INPUT
    elif isinstance(exc, TemplateError):
        code = EXIT_CONFIG  # a template is config: `digest check` says the same, exit 1
    elif isinstance(exc, RenderError | BuildFault) or not isinstance(exc, ConfigError):
        code = EXIT_RENDER
    click.echo(f"digest: error: {exc}", err=True)
    sys.exit(code)


def _set_level(quiet: bool, verbose: bool) -> None:
    """-q: errors only; -v: what each stage does; neither: warnings."""
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.getLogger().setLevel(level)


def _verbosity(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    if value:  # after the subcommand, as before it: `digest build -v`
        _set_level(param.name == "quiet", param.name == "verbose")
    return value


def verbosity(command: Callable[..., Any]) -> Callable[..., Any]:
    """-q and -v on a subcommand too, so they work after its name as before it."""
    for flags, name, text in (
        (("-v", "--verbose"), "verbose", "Say what each stage does."),
        (("-q", "--quiet"), "quiet", "Only errors on stderr."),
    ):
        command = click.option(
            *flags, name, is_flag=True, expose_value=False, callback=_verbosity, help=text
        )(command)
    return command


def _quiet() -> bool:
    return logging.getLogger().getEffectiveLevel() >= logging.ERROR


def _config(path: str | None) -> Config:
    return load_config(path) if path else default_config()


def _parse_date(_ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _parse_window(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from .config.values import parse_length

    if value is not None:
        try:
            parse_length(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc).replace("; Hint: ", "\nHint: ")) from None
    return value


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
    logging.basicConfig(format="digest: %(levelname)s: %(message)s", stream=sys.stderr)
    _set_level(quiet, verbose)


@main.command()
@verbosity
@config_option
@click.option(
    "--date",
    "day",
    callback=_parse_date,
    help="The brief's date, YYYY-MM-DD (default: today in the brief's time zone).",
)
@click.option(
    "--input",
    "inputs",
    multiple=True,
    type=click.Path(),
    help="Read these files or folders instead of the config's sources (repeatable).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    help="Write here (default: <output>/<date>).",
)
@click.option(
    "--format",
    "formats",
    default="md,html,pdf,json",
    show_default=True,
    help="Comma-separated formats: md, html, pdf, json.",
)
@click.option(
    "--published", callback=_parse_date, help="Publication date for articles that do not give one."
)
@click.option(
    "--window",
    callback=_parse_window,
    help="Cover articles published this long before the issue time: 36h, 2d, or all (default: the config's window:).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Read and process articles in N worker processes (a process pool; with --executor dask, N local workers).",
)
@click.option(
    "--executor",
    "executor_kind",
    type=click.Choice(["serial", "process", "dask"]),
    help="Where the per-article stages run (default: serial; these three flags replace the config's executor: block).",
)
@click.option(
    "--scheduler",
    help="With --executor dask: a Dask scheduler's address, tcp://HOST:PORT (default: start a local cluster).",
)
@click.option(
    "--strict",
    is_flag=True,
    help="An article or claim that makes a step fail stops the build (exit 4) instead of being left out and listed under the brief's problems (the config's strict: true does the same).",
)
def build(
    config_path: str,
    day: date | None,
    inputs: tuple[str, ...],
    out_dir: str | None,
    formats: str,
    published: date | None,
    window: str | None,
    jobs: int | None,
    executor_kind: str | None,
    scheduler: str | None,
    strict: bool,
) -> None:
    """Build the brief and write it as Markdown, HTML, PDF and JSON."""
    from contextlib import ExitStack

    from .faults import FaultLog
    from .pipeline import cycles_unchecked, executor_for, write_day
    from .progress import Progress
    from .render.write import FORMATS
    from .state import State

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
        with ExitStack() as run:
            # One state connection for the run, committed only once the brief is written.
            state = None
            if config.state_path is not None and not inputs:
                state = run.enter_context(State(config.state_path, day))
            executor = run.enter_context(executor_for(config, executor_kind, jobs, scheduler))
            run.enter_context(cycles_unchecked())
            built = write_day(
                config,
                day,
                Path(out_dir) if out_dir else config.output_dir / day.isoformat(),
                formats=chosen,
                inputs=list(inputs) or None,
                published=published,
                window=window,
                state=state,
                executor=executor,
                # -q: errors only, so no bar either (and none off a terminal).
                progress=Progress.for_terminal(sys.stderr, quiet=_quiet()),
                faults=FaultLog(strict=strict or config.settings.strict),
            )
            if state is not None:
                state.commit()
    except DigestError as exc:
        _fail(exc)
        return
    for path in built.written.values():
        click.echo(str(path))
    stats = built.brief.stats
    logging.getLogger("digest").info(
        "%d articles, %d claims, %d stories", stats.articles, stats.claims, stats.stories
    )


def claim_record(claim: Claim, path: str) -> dict[str, Any]:
    """The JSON object `digest claims` prints for one claim: where it is, then the claim."""
    from .render.brief_json import claim_to_dict

    return {"article": claim.article_id, "path": path, **claim_to_dict(claim)}


@main.command()
@verbosity
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Classify under this config's topics.",
)
@click.option(
    "--published", callback=_parse_date, help="Publication date for articles that do not give one."
)
@click.option(
    "--text",
    "with_text",
    is_flag=True,
    help="Before each article's claims, print the text their offsets point into.",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
def claims(
    config_path: str | None, published: date | None, with_text: bool, paths: tuple[str, ...]
) -> None:
    """Print every claim in PATHS as JSON Lines, with offsets into each file's text."""
    from .pipeline import nothing_read, process_all, read_articles

    try:
        config = _config(config_path)
        articles, skipped = read_articles(config, list(paths), published)
        if not articles:
            raise nothing_read(skipped, None, paths)
        processed, _failed = process_all(articles, config.topics)
    except DigestError as exc:
        _fail(exc)
        return
    for item in processed:
        if with_text:
            # For an HTML page or a feed item this is the extracted text, not the file.
            record = {
                "type": "article",
                "article": item.article.id,
                "path": item.article.path,
                "url": item.article.url,
                "title": item.article.title,
                "text": item.article.text,
            }
            click.echo(json.dumps(record, ensure_ascii=False))
        for claim in item.claims:
            click.echo(json.dumps(claim_record(claim, item.article.path), ensure_ascii=False))


@main.command()
@verbosity
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Read with this config's settings (time zone, limits).",
)
@click.option(
    "--published", callback=_parse_date, help="Publication date for articles that do not give one."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one story per line.")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
def stories(
    config_path: str | None, published: date | None, as_json: bool, paths: tuple[str, ...]
) -> None:
    """Group the articles in PATHS into stories (one event each) and threads, and print the stories, most salient first.

    Each line: the story's headline, how many articles and outlets report it, and its thread's label. With --json, one object a line: id, headline, articles (their ids), thread (its id) and thread_label.
    """
    from .pipeline import nothing_read, read_articles
    from .read.clean import clean_article
    from .stories.events import group_articles
    from .stories.listing import story_lines, story_records

    try:
        articles, skipped = read_articles(_config(config_path), list(paths), published)
        if not articles:
            raise nothing_read(skipped, None, paths)
    except DigestError as exc:
        _fail(exc)
        return
    cleaned = [clean_article(article) for article in articles]
    grouping = group_articles(cleaned)
    if as_json:
        for record in story_records(grouping, cleaned):
            click.echo(json.dumps(record, ensure_ascii=False))
    else:
        for line in story_lines(grouping, cleaned):
            click.echo(line)
    click.echo(
        f"digest: {plural(len(grouping.events), 'story', 'stories')} in "
        f"{plural(len(grouping.threads), 'thread')} from {plural(len(cleaned), 'article')}",
        err=True,
    )


@main.command()
@verbosity
@config_option
def check(config_path: str) -> None:
    """Validate the config and the templates; say what is wrong."""
    from .render.check import check_templates

    try:
        config = load_config(config_path)
    except DigestError as exc:
        _fail(exc)
        return
    from .deliver.message import check_email

    # The email renders the brief's Markdown too: one broken line is one error, said once.
    problems = list(dict.fromkeys(check_templates(config.template_dir) + check_email(config)))
    if problems:
        for problem in problems:
            click.echo(f"digest: error: {problem}", err=True)
        sys.exit(EXIT_CONFIG)
    click.echo(
        f"{config_path}: OK ({plural(len(config.topics), 'topic')}, {plural(len(config.settings.sources), 'source')}, "
        f"templates {'from ' + str(config.template_dir) if config.template_dir else 'built in'})"
    )


@main.command()
@verbosity
@config_option
@click.argument("text", required=False)
@click.option(
    "--claim", "claim_id", help="Explain this claim (an id from `digest claims` or brief.json)."
)
@click.option(
    "--date", "day", callback=_parse_date, help="With --claim: the brief's date, as for build."
)
@click.option(
    "--input",
    "inputs",
    multiple=True,
    type=click.Path(),
    help="With --claim: read these instead of the config's sources (repeatable).",
)
@click.option(
    "--published",
    callback=_parse_date,
    help="With --claim: publication date for articles that do not give one.",
)
def explain(
    config_path: str,
    text: str | None,
    claim_id: str | None,
    day: date | None,
    inputs: tuple[str, ...],
    published: date | None,
) -> None:
    """Show which topics TEXT (or a claim) matches, and the terms that made them match.

    With --claim, the claim is looked up in the inputs `digest build` would read (the
    same --input, --published and --date), and its story and salience are shown too.
    """
    from .classify.parse import explain as explain_topics

    if (text is None) == (claim_id is None):
        raise click.UsageError("give either TEXT or --claim ID, not both and not neither")
    try:
        config = load_config(config_path)
        if claim_id is not None:
            from .explain import explain_claim, format_explanation

            found = explain_claim(
                config,
                claim_id,
                day or datetime.now(config.brief.tz).date(),
                inputs=list(inputs) or None,
                published=published,
            )
            if found is None:
                raise click.BadParameter(
                    f"no claim (or more than one) has the id {claim_id!r} in these inputs; "
                    "ids are in `digest claims` output and brief.json, and need the same "
                    "--input and --published as the build",
                    param_hint="--claim",
                )
            click.echo(format_explanation(found))
            return
    except DigestError as exc:
        _fail(exc)
        return
    for topic, terms in explain_topics(config.topics, {"text": text or ""}):
        if terms is None:
            click.echo(f"  {topic.id}: no match")
        else:
            click.echo(f"✓ {topic.id}: {', '.join(terms)}")


def _delivery_log() -> None:
    """Say each delivery event (one line each) unless --quiet; -v says more."""
    logging.getLogger("digest.delivery").setLevel(logging.NOTSET if _quiet() else logging.INFO)


def _delivery_exit(report: Any) -> None:
    """Exit 75 if messages are left for the next run, 6 if one was refused for good."""
    delivery = report.delivery
    if delivery is not None and delivery.unsent:
        click.echo(
            f"digest: error: {plural(len(delivery.unsent), 'message')} not sent, left for the next run "
            f"({delivery.unsent[0][1]})",
            err=True,
        )
        sys.exit(EXIT_TEMPFAIL)
    if delivery is not None and delivery.failed:
        refused = ", ".join(f"{address} ({reply})" for address, reply in delivery.failed)
        click.echo(f"digest: error: refused for good: {refused}", err=True)
        sys.exit(EXIT_REFUSED)


@main.command()
@verbosity
@config_option
@click.option(
    "--date",
    "day",
    callback=_parse_date,
    help="The brief's date, YYYY-MM-DD (default: today in the brief's time zone).",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Write the messages to <output>/<date>/outbox/ instead of sending them.",
)
@click.option(
    "--to",
    "to",
    metavar="ADDRESS",
    help="Send only to this address (a subscriber gets their own topics; not in the ledger).",
)
def send(config_path: str, day: date | None, dry_run: bool, to: str | None) -> None:
    """Email the brief `digest build` made to its subscribers, each exactly once.

    Without an smtp: block in the config, the messages are written as .eml files to
    <output>/<date>/outbox/, exactly as they would be sent.
    """
    from .run import send_built

    _delivery_log()
    try:
        config = load_config(config_path)
        report = send_built(
            config, day or datetime.now(config.brief.tz).date(), dry_run=dry_run, to=to
        )
    except DigestError as exc:
        _fail(exc)
        return
    _delivery_exit(report)


@main.command()
@verbosity
@config_option
@click.option(
    "--date",
    "day",
    callback=_parse_date,
    help="Build and send the brief of this date (default: today in the brief's time zone).",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Build, then write the messages to the outbox instead of sending them.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="An article or claim that makes a step fail stops the run (exit 4) instead of being left out and listed under the brief's problems.",
)
def run(config_path: str, day: date | None, dry_run: bool, strict: bool) -> None:
    """What cron calls: read the sources, build today's brief and send it.

    One run at a time (a second one exits 5 at once); messages left unsent exit 75 and
    the next run sends them, and only them.
    """
    from .run import run_once

    _delivery_log()
    try:
        report = run_once(load_config(config_path), day, dry_run=dry_run, strict=strict)
    except DigestError as exc:
        _fail(exc)
        return
    _delivery_exit(report)


@main.command()
@verbosity
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--threshold",
    type=click.FloatRange(0.1, 1.0),
    default=0.5,
    show_default=True,
    help="Least Jaccard similarity of 5-word shingles for a pair.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one pair per line.")
@click.option(
    "--judged",
    type=click.Path(dir_okay=False, exists=True),
    help="Measure precision and recall against judged pairs (TSV, paths relative to PATH).",
)
def dupes(paths: tuple[str, ...], threshold: float, as_json: bool, judged: str | None) -> None:
    """Print pairs of duplicate and near-duplicate articles in PATHS, most similar first.

    Each line: similarity, `identical` or `near`, and the two files (a JSON or JSONL
    record as FILE#ID). Byte-identical files are found by hash, the rest by MinHash LSH.
    """
    from .pipeline import nothing_read
    from .stories.dupes import find_duplicates
    from .stories.dupes_report import format_report, load_documents, measure, read_judged

    root = None
    if judged is not None:
        if len(paths) != 1 or not Path(paths[0]).is_dir():
            raise click.BadParameter(
                "--judged needs exactly one PATH: the corpus folder", param_hint="PATHS"
            )
        root = Path(paths[0])
    try:
        docs = load_documents(list(paths), relative_to=root)
        if not docs.texts:
            raise nothing_read(docs.skipped, None, paths)
        pairs = find_duplicates(docs.texts, threshold, raw=docs.raw)
        if judged is not None:
            report = measure(pairs, docs, read_judged(Path(judged)), threshold)
            click.echo(format_report(report, docs))
            return
    except DigestError as exc:
        _fail(exc)
        return
    for pair in pairs:
        kind = "identical" if pair.identical else "near"
        if as_json:
            record = {"similarity": pair.similarity, "kind": kind, "a": pair.a, "b": pair.b}
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(f"{pair.similarity:.4f}\t{kind}\t{pair.a}\t{pair.b}")
    identical = sum(p.identical for p in pairs)
    click.echo(
        f"digest: {plural(len(pairs), 'pair')} among {plural(len(docs.texts), 'document')} "
        f"({identical} identical, {len(pairs) - identical} near)",
        err=True,
    )


@main.group(name="eval")
@verbosity
def eval_group() -> None:
    """Measure the extractor against annotated data."""


@eval_group.command(name="claims")
@verbosity
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option(
    "--errors", default=0, show_default=True, help="Print this many misses and false positives."
)
@click.option("--limit", default=0, help="Only the first N documents (0: all).")
@click.option(
    "--speech",
    is_flag=True,
    help='Score against the speech attributions only ("speech": true); a claim matching another is a false positive.',
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_claims(gold: str, errors: int, limit: int, speech: bool, as_json: bool) -> None:
    """Score claim extraction on GOLD (JSONL in the PolNeAR schema)."""
    import itertools

    from .evaluate.claims import evaluate, format_report, read_gold, report_figures

    try:
        pairs = read_gold(Path(gold), speech=speech)
        if limit:
            pairs = itertools.islice(pairs, limit)
        report = evaluate(pairs, errors=errors, speech=speech)
    except DigestError as exc:
        _fail(exc)
        return
    if as_json:
        click.echo(json.dumps(report_figures(report), indent=2))
    else:
        click.echo(format_report(report))


@eval_group.command(name="stories")
@verbosity
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option(
    "--level",
    type=click.Choice(["event", "thread"]),
    default="event",
    show_default=True,
    help="Score the stories against the gold events, or the threads against the gold threads (the thread field, else topic).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_stories(gold: str, level: str, as_json: bool) -> None:
    """Score story grouping on GOLD (JSONL: id, title, text, topic, event): B-cubed precision, recall and F1, adjusted Rand index and NMI, article by article."""
    from .evaluate.stories import evaluate, format_scores, read_gold

    try:
        scores = evaluate(read_gold(Path(gold)), level)
    except DigestError as exc:
        _fail(exc)
        return
    if as_json:
        click.echo(json.dumps({"level": level, **scores.as_dict()}, indent=2))
    else:
        click.echo(format_scores(scores, level))

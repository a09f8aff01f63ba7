"""Executors: every one gives the serial brief byte for byte, and a bad article costs itself."""

from __future__ import annotations

import io
import logging
import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.bench.corpus import write_corpus
from digest.cli import main
from digest.config.load import Config, load_config
from digest.errors import ConfigError
from digest.executor import (
    DaskExecutor,
    ExecutorError,
    Failure,
    ProcessExecutor,
    SerialExecutor,
    chunk_size,
    make_executor,
)
from digest.model import Article, Span
from digest.pipeline import build_brief
from digest.process import process_all
from digest.progress import NO_PROGRESS, Progress
from digest.render.write import write_brief

from .conftest import ROOT

DAY = date(2023, 9, 13)


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config(ROOT / "config.yaml")


@pytest.fixture(scope="module")
def corpus(config: Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample articles and 60 synthetic ones: quotes, copies, every topic."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder / "synthetic", config.topics, 60, seed=3)
    return folder


def _brief_bytes(config: Config, corpus: Path, executor: object, out: Path) -> dict[str, bytes]:
    inputs = [ROOT / "examples" / "articles", corpus]
    brief = build_brief(config, DAY, inputs=inputs, window="all", executor=executor)  # type: ignore[arg-type]
    written = write_brief(brief, out, ["md", "json"])
    return {fmt: path.read_bytes() for fmt, path in written.items()}


@pytest.fixture(scope="module")
def serial_brief(
    config: Config, corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, bytes]:
    return _brief_bytes(config, corpus, None, tmp_path_factory.mktemp("serial"))


def test_process_pool_gives_the_serial_brief_byte_for_byte(
    config: Config, corpus: Path, serial_brief: dict[str, bytes], tmp_path: Path
) -> None:
    with ProcessExecutor(2) as pool:
        assert _brief_bytes(config, corpus, pool, tmp_path) == serial_brief
        # The workers were stopped before merging, so their memory was free for it ...
        assert pool._pool is None
        # ... and a second build starts them again.
        assert _brief_bytes(config, corpus, pool, tmp_path / "again") == serial_brief
    assert b"Other reporting" in serial_brief["md"]  # the corpus reaches every section


def test_dask_local_cluster_gives_the_serial_brief(
    config: Config, corpus: Path, serial_brief: dict[str, bytes], tmp_path: Path
) -> None:
    pytest.importorskip(
        "distributed", reason="dask[distributed] is not installed (pip install 'digest[dask]')"
    )
    # Threads in this process: the cluster starts in a second, and the path is the same.
    with DaskExecutor(jobs=2, processes=False) as cluster:
        assert cluster.jobs == 2
        assert _brief_bytes(config, corpus, cluster, tmp_path) == serial_brief


def _broken(article: Article) -> Article:
    """An article that fails in cleaning: a body span past the end of its text."""
    return Article(
        id="broken",
        source="X",
        title="",
        url=None,
        published=None,
        text=None,  # type: ignore[arg-type]
        path="broken.txt",
        body=(Span(0, 10),),
    )


@pytest.mark.parametrize("kind", ["serial", "process", "dask"])
def test_a_failing_article_is_skipped_and_the_rest_go_on(
    kind: str, config: Config, caplog: pytest.LogCaptureFixture
) -> None:
    if kind == "dask":
        pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    from digest.pipeline import read_articles

    articles, _ = read_articles(config, [ROOT / "examples" / "articles"])
    mixed = [articles[0], _broken(articles[0]), *articles[1:]]
    executor = {
        "serial": lambda: SerialExecutor(),
        "process": lambda: ProcessExecutor(2),
        "dask": lambda: DaskExecutor(jobs=1, processes=False),
    }[kind]()
    with executor, caplog.at_level(logging.ERROR, logger="digest"):
        done, skipped = process_all(mixed, config.topics, executor=executor)
    assert [p.article.id for p in done] == [a.id for a in articles]
    assert len(skipped) == 1
    assert skipped[0].path == "broken.txt"
    assert skipped[0].reason.startswith("could not be processed: ")
    assert "skipped broken.txt" in caplog.text
    assert "Traceback" in caplog.text  # where it failed, as the serial path always said


def twice(item: int) -> int:
    """A task for the pool tests: dies (the whole process) on 3, fails on 5."""
    if item == 3:
        os._exit(1)
    if item == 5:
        raise ValueError("five is right out")
    return item * 2


def test_a_worker_that_dies_costs_only_its_item(caplog: pytest.LogCaptureFixture) -> None:
    with ProcessExecutor(2) as pool, caplog.at_level(logging.WARNING, logger="digest"):
        results = list(pool.map_each(twice, list(range(8))))
    assert [r for r in results if not isinstance(r, Failure)] == [0, 2, 4, 8, 12, 14]
    died, failed = results[3], results[5]
    assert isinstance(died, Failure) and "worker failed" in died.message
    assert isinstance(failed, Failure) and failed.message == "five is right out"
    assert "ValueError" in failed.trace
    assert "a worker failed" in caplog.text


def always_dies(item: int) -> int:
    """A task whose worker always dies: a fault of the setup, not of one item."""
    os._exit(1)


def test_workers_that_cannot_run_at_all_stop_the_run() -> None:
    with ProcessExecutor(2) as pool, pytest.raises(ExecutorError, match="workers keep failing"):
        list(pool.map_each(always_dies, list(range(6))))


def test_results_keep_input_order_across_many_chunks() -> None:
    items = list(range(500))
    assert chunk_size(len(items), 2) < len(items)  # several chunks, several in flight
    with ProcessExecutor(2) as pool:
        assert list(pool.map_each(abs, [-i for i in items])) == items


def test_make_executor_reads_the_flags() -> None:
    assert isinstance(make_executor(), SerialExecutor)
    assert isinstance(make_executor(jobs=1), SerialExecutor)
    pool = make_executor(jobs=3)
    assert isinstance(pool, ProcessExecutor) and pool.jobs == 3
    pool.close()
    with pytest.raises(ConfigError, match="needs the dask executor"):
        make_executor("process", 2, "tcp://127.0.0.1:8786")
    with pytest.raises(ConfigError, match="expected at least 1 worker, got 0"):
        make_executor("process", 0)
    with pytest.raises(ConfigError, match="unknown executor 'spark'"):
        make_executor("spark")


def test_build_with_jobs_on_the_command_line(tmp_path: Path) -> None:
    runner = CliRunner()
    outputs = {}
    for name, flags in {"serial": [], "jobs": ["--jobs", "2"]}.items():
        out = tmp_path / name
        result = runner.invoke(
            main,
            [
                "build",
                "--config",
                str(ROOT / "config.yaml"),
                "--date",
                "2023-09-13",
                "--format",
                "md,json",
                "--out",
                str(out),
                *flags,
            ],
        )
        assert result.exit_code == 0, result.output
        outputs[name] = [(out / f"brief.{f}").read_bytes() for f in ("md", "json")]
    assert outputs["jobs"] == outputs["serial"]


def test_a_scheduler_needs_the_dask_executor(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--config",
            str(ROOT / "config.yaml"),
            "--out",
            str(tmp_path),
            "--executor",
            "process",
            "--scheduler",
            "tcp://127.0.0.1:8786",
        ],
    )
    assert result.exit_code == 1
    assert (
        "--scheduler: a scheduler address needs the dask executor, not 'process'" in result.output
    )


def test_the_config_chooses_the_executor_when_the_flags_do_not(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    text = (
        (ROOT / "config.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "sources:\n  - path: examples/articles",
            f"sources:\n  - path: {ROOT / 'examples' / 'articles'}",
        )
    )
    config.write_text(
        text + "\nexecutor:\n  kind: process\n  jobs: 2\nstate: null\n", encoding="utf-8"
    )
    assert load_config(config).settings.executor.jobs == 2
    result = CliRunner().invoke(
        main,
        [
            "build",
            "--config",
            str(config),
            "--date",
            "2023-09-13",
            "--format",
            "md",
            "--out",
            str(tmp_path / "out"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "brief.md").read_bytes().startswith(b"# Korea Desk Daily Brief")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only(config: Config) -> None:
    from digest.pipeline import read_articles

    articles, _ = read_articles(config, [ROOT / "examples" / "articles"])
    terminal = _Terminal()
    process_all(articles, config.topics, progress=Progress.for_terminal(terminal))
    drawn = terminal.getvalue()
    assert "processing" in drawn and "claims" in drawn and "articles/s" in drawn
    assert not Progress.for_terminal(io.StringIO()).enabled  # cron: stderr is a file
    assert not Progress.for_terminal(_Terminal(), quiet=True).enabled
    assert not NO_PROGRESS.enabled

"""`digest run`, the cron entry: build and send under one lock, resume, "new", health pings."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.config.load import load_config
from digest.deliver.lock import RunLock, lock_path

from .conftest import ROOT
from .mailserver import MailServer
from .test_deliver import DATA, config_text, smtp_block

ADDRESSES = ("all@example.org", "arms@example.org", "weather@example.org")


@pytest.fixture
def server() -> Iterator[MailServer]:
    mail = MailServer().start()
    yield mail
    mail.stop()


def write_config(tmp_path: Path, **options: Any) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(config_text(**options), encoding="utf-8")
    return path


def run(config: Path, *args: str, day: str = "2023-09-13") -> tuple[int, str]:
    """`digest run` in this process: (exit code, stderr)."""
    result = CliRunner().invoke(main, [*args, "run", "--config", str(config), "--date", day])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr


def rows(tmp_path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(tmp_path / "state.sqlite") as db:
        return db.execute(sql).fetchall()


def test_run_builds_and_sends_and_a_rerun_changes_nothing(
    tmp_path: Path, server: MailServer
) -> None:
    config = write_config(tmp_path, smtp=smtp_block(server))
    code, _ = run(config)
    assert code == 0
    out = tmp_path / "out" / "2023-09-13"
    assert sorted(p.name for p in out.iterdir()) == [
        "brief.html",
        "brief.json",
        "brief.md",
        "brief.pdf",
    ]
    assert sorted(r.rcpt_tos[0] for r in server.handler.messages) == list(ADDRESSES)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    seen = rows(tmp_path, "SELECT * FROM seen_claims ORDER BY key")

    code, _ = run(config)
    assert code == 0 and len(server.handler.messages) == 3
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()} == before
    assert rows(tmp_path, "SELECT * FROM seen_claims ORDER BY key") == seen
    assert rows(tmp_path, "SELECT command, status, summary FROM runs") == [
        ("run", "ok", "brief 2023-09-13: 3 sent (built 4 files)"),
        ("run", "ok", "brief 2023-09-13: 0 sent, 3 sent earlier (resumed delivery)"),
    ]


def test_a_run_that_left_messages_finishes_the_same_edition(
    tmp_path: Path, server: MailServer, caplog: pytest.LogCaptureFixture
) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(DATA / "articles", articles)
    config = write_config(tmp_path, smtp=smtp_block(server), articles=articles)
    config.write_text(config.read_text().replace("retries: 2", "retries: 0"))
    server.handler.refuse_data[3] = "451 4.7.1 Greylisted, try again"
    code, stderr = run(config)
    assert code == 75 and "(451 4.7.1 Greylisted, try again)" in stderr
    built = (tmp_path / "out" / "2023-09-13" / "brief.json").read_bytes()

    # News arrives before the next tick: the brief being delivered is not rebuilt.
    shutil.copy(DATA / "day2" / "arms-again.txt", articles)
    code, _ = run(config)
    assert code == 0
    assert "finishing it, not rebuilding" in caplog.text
    assert (tmp_path / "out" / "2023-09-13" / "brief.json").read_bytes() == built
    for address in ADDRESSES:
        assert len(server.handler.to(address)) == 1
    subjects = {m.message["Subject"].split(" — ")[1] for m in server.handler.messages}
    assert subjects == {"13 Sep 2023"}


def test_the_next_day_marks_what_is_new_and_sends_only_news(
    tmp_path: Path, server: MailServer
) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(DATA / "articles", articles)
    config = write_config(tmp_path, smtp=smtp_block(server), articles=articles)
    assert run(config)[0] == 0
    first = (tmp_path / "out" / "2023-09-13" / "brief.md").read_text()
    # The first brief has nothing to be new against: it marks nothing.
    assert "· new" not in first and "(new)" not in first

    for path in articles.iterdir():
        path.unlink()
    shutil.copy(DATA / "day2" / "arms-again.txt", articles)
    assert run(config, day="2023-09-14")[0] == 0
    brief = (tmp_path / "out" / "2023-09-14" / "brief.md").read_text()
    # The arms story goes on: the same story, developing, what is new said first.
    assert "*1 article from 1 outlet · developing*" in brief
    arms = brief.split("## North Korea–Russia arms")[1].split("\n## ")[0]
    # Han said two things today; yesterday's brief had the first: today shows the new one.
    assert "We have asked Moscow directly" in arms
    assert "Any transfer of artillery shells" not in arms
    stories = json.loads((tmp_path / "out" / "2023-09-14" / "brief.json").read_text())
    first_day = json.loads((tmp_path / "out" / "2023-09-13" / "brief.json").read_text())
    [arms_today] = stories["sections"][0]["stories"]
    [arms_before] = first_day["sections"][0]["stories"]
    assert arms_today["status"] == "developing" and arms_today["id"] == arms_before["id"]

    day2 = [m.message for m in server.handler.messages[3:]]
    assert sorted(m["To"].addresses[0].addr_spec for m in day2) == [
        "all@example.org",
        "arms@example.org",
    ]  # weather@: nothing new under rain, so nothing sent
    assert {m["Subject"] for m in day2} == {"Test Desk Brief — 14 Sep 2023 — 1 topic, 1 story"}
    text = day2[0].get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Seoul repeats warning over arms deal [DEVELOPING]" in text
    assert "“We have asked Moscow directly" in text


def test_a_day_with_nothing_new_to_read_is_not_an_error(tmp_path: Path) -> None:
    feed = f"  - feed: {ROOT / 'tests' / 'data' / 'feeds' / 'meridian-rss10.xml'}\n"
    config = write_config(tmp_path)
    config.write_text(config.read_text().replace(f"  - path: {DATA / 'articles'}\n", feed))
    assert run(config)[0] == 0
    first = tmp_path / "out" / "2023-09-13"
    assert len(list((first / "outbox").glob("*.eml"))) >= 1
    md = (first / "brief.md").read_bytes()

    code, stderr = run(config, day="2023-09-14")  # the feed has no item not read yet
    assert code == 0, stderr
    assert not (tmp_path / "out" / "2023-09-14").exists()
    assert (first / "brief.md").read_bytes() == md
    assert rows(tmp_path, "SELECT status, summary FROM runs")[-1] == (
        "ok",
        "brief 2023-09-14: nothing new to read; nothing built or sent",
    )


def test_a_failed_build_leaves_the_brief_and_the_state_as_they_were(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    assert run(config)[0] == 0
    out = tmp_path / "out" / "2023-09-13"
    before = {p.name: p.read_bytes() for p in out.glob("brief.*")}
    briefs = rows(tmp_path, "SELECT * FROM briefs")

    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "page.html.j2").write_text("{{ brief.nothing_here }}")
    config.write_text(config.read_text() + f"templates: {broken}\n")
    code, stderr = run(config)
    assert code == 1 and "page.html.j2 line 1" in stderr  # a template is config: exit 1
    assert {p.name: p.read_bytes() for p in out.glob("brief.*")} == before
    assert rows(tmp_path, "SELECT * FROM briefs") == briefs
    assert rows(tmp_path, "SELECT status FROM runs") == [("ok",), ("failed",)]


# --- one run at a time ----------------------------------------------------------------------


LOCKED = "digest: error: another digest run holds the lock {path} (pid {pid}, `digest run` since "


def test_a_second_run_stops_at_once_when_the_lock_is_held(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    path = lock_path(load_config(config))
    assert path == tmp_path / "state.sqlite.lock"
    with RunLock(path, "run"):
        for command in ("run", "send"):
            result = CliRunner().invoke(
                main, [command, "--config", str(config), "--date", "2023-09-13"]
            )
            assert result.exit_code == 5
            assert result.stderr.startswith(LOCKED.format(path=path, pid=os.getpid()))
            assert result.stderr.endswith(
                "; this one stops without doing anything; Hint: it finishes what there is "
                "to do; if runs overlap often, space the cron entries further apart\n"
            )
    assert not (tmp_path / "out").exists()
    assert run(config)[0] == 0  # released: the next run goes


def test_two_runs_started_together_one_sends_the_other_stops(
    tmp_path: Path, server: MailServer
) -> None:
    config = write_config(tmp_path, smtp=smtp_block(server))
    server.handler.release = threading.Event()  # the sending run waits in DATA
    command = [
        sys.executable,
        "-m",
        "digest",
        "run",
        "--config",
        str(config),
        "--date",
        "2023-09-13",
    ]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    deadline = time.monotonic() + 60
    while all(p.poll() is None for p in runs) and time.monotonic() < deadline:
        time.sleep(0.02)
    server.handler.release.set()
    results = [(p.wait(timeout=60), *p.communicate(timeout=60)) for p in runs]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 5], results
    [(_, _, stopped)] = [r for r in results if r[0] == 5]
    assert "another digest run holds the lock" in stopped
    for address in ADDRESSES:
        assert len(server.handler.to(address)) == 1


# --- logs and health checks -----------------------------------------------------------------


def test_quiet_runs_say_nothing_and_others_one_line_per_event(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    command = [sys.executable, "-m", "digest"]
    quiet = subprocess.run(
        [*command, "-q", "run", "--config", str(config), "--date", "2023-09-13"],
        capture_output=True,
        text=True,
    )
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    loud = subprocess.run(
        [*command, "run", "--config", str(config), "--date", "2023-09-13"],
        capture_output=True,
        text=True,
    )
    lines = loud.stderr.splitlines()
    assert loud.returncode == 0 and all(line.startswith("digest: INFO: ") for line in lines)
    assert lines[0].startswith("digest: INFO: built ") and lines[0].endswith(
        "2023-09-13: 3 articles, 8 claims, 3 stories"
    )
    assert lines[-1] == "digest: INFO: brief 2023-09-13: 3 written to the outbox"


class _Pings(http.server.BaseHTTPRequestHandler):
    got: list[tuple[str, str]] = []

    def do_POST(self) -> None:  # noqa: N802 - the http.server name
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        self.got.append((self.path, body))
        self.send_response(500 if "broken" in self.path else 200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def pings() -> Iterator[tuple[str, list[tuple[str, str]]]]:
    got: list[tuple[str, str]] = []
    handler = type("Pings", (_Pings,), {"got": got})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", got
    httpd.shutdown()
    httpd.server_close()


def test_the_health_check_hears_start_success_and_failure(
    tmp_path: Path, server: MailServer, pings: tuple[str, list[tuple[str, str]]]
) -> None:
    url, got = pings
    config = write_config(
        tmp_path, smtp=smtp_block(server), extra=f"healthcheck: {{url: '{url}/ping/abc'}}"
    )
    config.write_text(config.read_text().replace("retries: 2", "retries: 0"))
    server.handler.refuse_data[1] = "451 4.3.0 Later"
    assert run(config)[0] == 75
    assert [path for path, _ in got] == ["/ping/abc/start", "/ping/abc/fail"]
    assert got[1][1] == ("brief 2023-09-13: 2 sent, 1 left for the next run (built 4 files)")
    assert run(config)[0] == 0
    assert [path for path, _ in got[2:]] == ["/ping/abc/start", "/ping/abc"]
    assert got[3][1] == "brief 2023-09-13: 1 sent, 2 sent earlier (resumed delivery)"


def test_a_failing_health_check_never_fails_the_run(
    tmp_path: Path, pings: tuple[str, list[tuple[str, str]]], caplog: pytest.LogCaptureFixture
) -> None:
    url, got = pings
    config = write_config(tmp_path, extra=f"healthcheck: {{url: '{url}/broken', timeout: 2}}")
    assert run(config)[0] == 0
    assert [path for path, _ in got] == ["/broken/start", "/broken"]
    host = url.removeprefix("http://")
    assert f"health check ping to {host} answered 500" in caplog.text
    (tmp_path / "closed").mkdir()
    closed = write_config(
        tmp_path / "closed", extra="healthcheck: {url: 'http://127.0.0.1:9/x', timeout: 1}"
    )
    assert run(closed)[0] == 0
    assert "health check ping to 127.0.0.1:9 failed" in caplog.text


def test_without_a_date_the_brief_is_todays_in_the_briefs_time_zone(tmp_path: Path) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    config = write_config(tmp_path)
    before = datetime.now(ZoneInfo("Asia/Seoul")).date()
    result = CliRunner().invoke(main, ["run", "--config", str(config)])
    after = datetime.now(ZoneInfo("Asia/Seoul")).date()
    assert result.exit_code == 0, result.stderr
    days = {p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")}
    assert days <= {before.isoformat(), after.isoformat()} and len(days) == 1

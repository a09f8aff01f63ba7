"""Sending the brief: MIME built and parsed back, the outbox, and a real SMTP server on
127.0.0.1 (aiosmtpd) that refuses, drops and kills, to show each subscriber gets one copy.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.config.load import load_config
from digest.deliver.message import MessageBuilder, brief_for, check_headers, message_id
from digest.deliver.subscribers import Subscriber
from digest.errors import RenderError
from digest.model import Brief
from digest.pipeline import build_brief
from digest.render.brief_json import load_brief
from digest.render.write import write_brief

from .conftest import ROOT
from .mailserver import MailServer, self_signed_cert

DATA = ROOT / "tests" / "data" / "deliver"
DAY = date(2023, 9, 13)
TOPICS = """
topics:
  - id: arms
    title: North Korea–Russia arms
    query: '("North Korea" OR Pyongyang) AND (Russia OR Moscow) AND (arms OR weapon* OR shells)'
  - id: sanctions
    title: UN sanctions
    query: '"Security Council" AND sanction*'
  - id: rain
    title: Weather
    query: 'rain OR typhoon'
"""


def config_text(*, smtp: str = "", extra: str = "", articles: Path = DATA / "articles") -> str:
    """A config for the test articles: three topics, three subscribers, fast retries."""
    return f"""
brief: {{title: Test Desk Brief, timezone: Asia/Seoul, classification: TEST ONLY}}
window: all
sources:
  - path: {articles}
output: out
state: state.sqlite
{TOPICS}
delivery:
  from: Test Desk <desk@example.org>
  retries: 2
  backoff: 0.01
  unsubscribe:
    mailto: leave@example.org
    url: https://example.org/unsubscribe?address={{address}}
subscribers_file: {DATA / "subscribers.csv"}
{smtp}
{extra}
"""


def smtp_block(server: MailServer, extra: str = "") -> str:
    """An smtp: block for the test server, without TLS (it is this machine)."""
    return (
        f"smtp:\n  host: 127.0.0.1\n  port: {server.port}\n  security: none\n  timeout: 5\n{extra}"
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test brief of 13 September, built once: <dir>/2023-09-13/brief.*."""
    root = tmp_path_factory.mktemp("built")
    config = root / "config.yaml"
    config.write_text(config_text(), encoding="utf-8")
    brief = build_brief(load_config(config), DAY)
    write_brief(brief, root / "out" / DAY.isoformat())
    return root / "out" / DAY.isoformat()


def setup(tmp_path: Path, built: Path, **config: Any) -> Path:
    """A fresh folder with the built brief in out/ and a config; returns the config path."""
    shutil.copytree(built, tmp_path / "out" / DAY.isoformat())
    path = tmp_path / "config.yaml"
    path.write_text(config_text(**config), encoding="utf-8")
    return path


@pytest.fixture
def server() -> Iterator[MailServer]:
    """A plain SMTP server on 127.0.0.1 that accepts everything unless told otherwise."""
    mail = MailServer().start()
    yield mail
    mail.stop()


def send(config: Path, *args: str) -> tuple[int, str]:
    """`digest send` in this process: (exit code, stderr)."""
    result = CliRunner().invoke(
        main, ["send", "--config", str(config), "--date", "2023-09-13", *args]
    )
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr


def ledger(tmp_path: Path) -> dict[str, tuple[str, int, str | None]]:
    """The send ledger: address -> (status, attempts, reply)."""
    with sqlite3.connect(tmp_path / "state.sqlite") as db:
        rows = db.execute("SELECT subscriber, status, attempts, reply FROM deliveries").fetchall()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def parse(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def structure(message: EmailMessage) -> list[str]:
    return [part.get_content_type() for part in message.walk()]


# --- acceptance: three subscribers, a real server -----------------------------------------


def test_three_subscribers_get_their_topics_and_formats(
    tmp_path: Path, built: Path, server: MailServer
) -> None:
    config = setup(tmp_path, built, smtp=smtp_block(server))
    code, _ = send(config)
    assert code == 0
    mail = server.handler
    assert sorted(r.rcpt_tos[0] for r in mail.messages) == [
        "all@example.org",
        "arms@example.org",
        "weather@example.org",
    ]
    assert all(len(r.rcpt_tos) == 1 and r.mail_from == "desk@example.org" for r in mail.messages)

    [whole] = mail.to("all@example.org")
    assert structure(whole) == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "application/pdf",
    ]
    [pdf] = [p for p in whole.iter_attachments()]
    assert pdf.get_filename() == "test-desk-brief-2023-09-13.pdf"
    assert pdf.get_content() == (built / "brief.pdf").read_bytes()
    assert whole["Subject"] == "Test Desk Brief — 13 Sep 2023 — 3 topics, 3 stories"
    assert whole["From"] == "Test Desk <desk@example.org>"
    assert whole["To"] == "Whole Brief <all@example.org>"
    assert re.fullmatch(r"<2023-09-13\.[0-9a-f]{20}@example\.org>", whole["Message-ID"])
    assert whole["Date"].datetime.tzinfo is not None
    assert whole["List-Unsubscribe"] == (
        "<mailto:leave@example.org?subject=unsubscribe%20all%40example.org>, "
        "<https://example.org/unsubscribe?address=all%40example.org>"
    )
    assert whole["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert whole["Auto-Submitted"] == "auto-generated"

    html = whole.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "<style" not in html  # inlined: mail clients drop <style>
    assert re.search(r'<h2 id="north-korearussia-arms" style="[^"]*color: #1f3a5f', html)
    assert "Weather" in html and "UN sanctions" in html

    [arms] = mail.to("arms@example.org")
    assert structure(arms) == ["multipart/alternative", "text/plain", "text/html"]
    assert arms["To"] == '"Arms Desk, Seoul" <arms@example.org>'
    arms_html = arms.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "North Korea–Russia arms" in arms_html and "UN sanctions" in arms_html
    assert "Weather" not in arms_html and "Yoo Ji-na" not in arms_html
    assert "Your topics: North Korea–Russia arms, UN sanctions" in arms_html
    assert arms["Subject"] == "Test Desk Brief — 13 Sep 2023 — 2 topics, 2 stories"

    [weather] = mail.to("weather@example.org")
    assert structure(weather) == ["text/plain"]
    text = weather.get_content().replace("\r\n", "\n")
    assert "WEATHER\n-------" in text and "Yoo Ji-na, a forecaster at the weather agency:" in text
    assert "Han Min-ho" not in text
    assert "\\" not in text  # plain text, not escaped Markdown
    assert all(len(line) <= 72 or "://" in line for line in text.splitlines())

    assert {k: v[:2] for k, v in ledger(tmp_path).items()} == {
        "all@example.org": ("sent", 1),
        "arms@example.org": ("sent", 1),
        "weather@example.org": ("sent", 1),
    }
    assert ledger(tmp_path)["all@example.org"][2] == "250 2.0.0 Ok: queued"

    # A rerun sends to nobody: all three are in the ledger as sent.
    code, _ = send(config)
    assert code == 0 and len(mail.messages) == 3


def test_the_server_refuses_the_second_message_then_accepts_it(
    tmp_path: Path, built: Path, server: MailServer, caplog: pytest.LogCaptureFixture
) -> None:
    config = setup(tmp_path, built, smtp=smtp_block(server), extra="")
    config.write_text(config.read_text().replace("retries: 2", "retries: 0"))
    server.handler.refuse_data[2] = "451 4.3.0 Try again later"
    code, stderr = send(config)
    assert code == 75
    assert stderr.endswith(
        "1 message not sent, left for the next run (451 4.3.0 Try again later)\n"
    )
    assert len(server.handler.messages) == 2
    refused = next(k for k, v in ledger(tmp_path).items() if v[0] == "queued")
    assert ledger(tmp_path)[refused] == ("queued", 1, "451 4.3.0 Try again later")

    code, _ = send(config)
    assert code == 0
    for address in ("all@example.org", "arms@example.org", "weather@example.org"):
        assert len(server.handler.to(address)) == 1
    assert ledger(tmp_path)[refused][:2] == ("sent", 2)


def test_a_temporary_refusal_is_retried_within_the_run(
    tmp_path: Path, built: Path, server: MailServer, caplog: pytest.LogCaptureFixture
) -> None:
    config = setup(tmp_path, built, smtp=smtp_block(server))
    server.handler.refuse_data[2] = "451 4.3.0 Try again later"
    with caplog.at_level(logging.INFO, logger="digest.delivery"):
        code, _ = send(config)
    assert code == 0 and len(server.handler.messages) == 3
    assert sorted(v[1] for v in ledger(tmp_path).values()) == [1, 1, 2]
    assert any(
        r.message.startswith("retrying ") and "in 0.01 s after: 451 4.3.0" in r.message
        for r in caplog.records
    )


def test_a_permanent_refusal_is_recorded_and_never_retried(
    tmp_path: Path, built: Path, server: MailServer
) -> None:
    config = setup(tmp_path, built, smtp=smtp_block(server))
    server.handler.refuse_rcpt["arms@example.org"] = "550 5.1.1 No such user"
    code, stderr = send(config)
    assert code == 6
    assert "refused for good: arms@example.org (550 5.1.1 No such user)" in stderr
    assert ledger(tmp_path)["arms@example.org"] == ("failed", 1, "550 5.1.1 No such user")
    assert len(server.handler.messages) == 2
    code, _ = send(config)
    assert code == 0 and len(server.handler.messages) == 2


def test_a_connection_closed_by_the_server_is_reopened(
    tmp_path: Path, built: Path, server: MailServer
) -> None:
    config = setup(tmp_path, built, smtp=smtp_block(server))
    server.handler.refuse_data[2] = "421 4.3.2 Shutting down, come back later"
    code, _ = send(config)
    assert code == 0
    for address in ("all@example.org", "arms@example.org", "weather@example.org"):
        assert len(server.handler.to(address)) == 1


def test_a_refused_sender_stops_the_send_and_leaves_everyone_queued(
    tmp_path: Path, built: Path, server: MailServer
) -> None:
    config = setup(tmp_path, built, smtp=smtp_block(server))
    server.handler.refuse_mail = "553 5.7.1 Sender address rejected: not owned by user"
    code, stderr = send(config)
    assert code == 1
    assert stderr == (
        f"digest: error: {config}: delivery.from: the server refused the sender "
        "desk@example.org: 553 5.7.1 Sender address rejected: not owned by user\n"
        "Hint: use an address the server accepts\n"
    )
    assert {v[0] for v in ledger(tmp_path).values()} == {"queued"}


def test_a_server_that_is_down_leaves_everything_for_the_next_run(
    tmp_path: Path, built: Path
) -> None:
    down = MailServer()  # not started: connections are refused
    config = setup(tmp_path, built, smtp=smtp_block(down))
    code, stderr = send(config)
    assert code == 75
    assert "3 messages not sent, left for the next run (127.0.0.1:" in stderr
    # One message tried 1 + 2 times; then the rest are left without trying.
    assert {v[0] for v in ledger(tmp_path).values()} == {"queued"}
    assert sorted(v[1] for v in ledger(tmp_path).values()) == [0, 0, 3]
    down.start()
    try:
        code, _ = send(config)
        assert code == 0 and len(down.handler.messages) == 3
    finally:
        down.stop()


# --- acceptance: the sender is killed -------------------------------------------------------


def _send_process(config: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "digest", "send", "--config", str(config), "--date", "2023-09-13"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_killed_after_one_message_a_rerun_sends_the_other_two_and_no_duplicate(
    tmp_path: Path, built: Path, server: MailServer
) -> None:
    config = setup(tmp_path, built, smtp=smtp_block(server))
    process: list[subprocess.Popen[str]] = []

    def kill_on_second(count: int) -> None:
        if count == 2:  # message 1 was accepted and recorded; the client starts message 2
            os.kill(process[0].pid, signal.SIGKILL)

    server.handler.on_mail = kill_on_second
    process.append(_send_process(config))
    process[0].communicate(timeout=30)
    assert process[0].returncode == -signal.SIGKILL
    assert len(server.handler.messages) == 1
    assert sorted(v[0] for v in ledger(tmp_path).values()) == ["queued", "queued", "sent"]

    server.handler.on_mail = None
    rerun = _send_process(config)
    _, stderr = rerun.communicate(timeout=30)
    assert rerun.returncode == 0, stderr
    assert "an earlier `digest send` (pid" in stderr and "did not finish" in stderr
    for address in ("all@example.org", "arms@example.org", "weather@example.org"):
        assert len(server.handler.to(address)) == 1, address


def test_killed_before_the_server_answered_the_message_is_sent_again_with_its_message_id(
    tmp_path: Path, built: Path, server: MailServer
) -> None:
    # The residual window: the server has the message, the client died before its
    # reply. The rerun cannot know; it resends with the same Message-ID (documented).
    config = setup(tmp_path, built, smtp=smtp_block(server))
    process: list[subprocess.Popen[str]] = []

    def kill_in_data(count: int) -> None:
        if count == 1:
            os.kill(process[0].pid, signal.SIGKILL)

    server.handler.on_data = kill_in_data
    process.append(_send_process(config))
    process[0].communicate(timeout=30)
    assert process[0].returncode == -signal.SIGKILL
    assert sorted(v[0] for v in ledger(tmp_path).values()) == ["queued", "queued", "sending"]

    server.handler.on_data = None
    rerun = _send_process(config)
    _, stderr = rerun.communicate(timeout=30)
    assert rerun.returncode == 0, stderr
    assert "the last run stopped while sending to all@example.org (attempt 1)" in stderr
    copies = server.handler.to("all@example.org")
    assert len(copies) == 2 and copies[0]["Message-ID"] == copies[1]["Message-ID"]
    assert len(server.handler.to("arms@example.org")) == 1
    assert len(server.handler.to("weather@example.org")) == 1


# --- TLS, login, secrets --------------------------------------------------------------------


@pytest.fixture(scope="module")
def cert(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    made = self_signed_cert(tmp_path_factory.mktemp("cert"))
    if made is None:
        pytest.skip("the openssl tool is not installed: no certificate for the TLS tests")
    return made


SECRET = "s3cret-Pa55word"


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_tls_and_login_with_the_password_from_the_environment(
    tmp_path: Path,
    built: Path,
    cert: tuple[Path, Path],
    security: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = MailServer(cert=cert, implicit_tls=security == "tls", login=("desk", SECRET)).start()
    try:
        block = (
            f"smtp:\n  host: localhost\n  port: {server.port}\n  security: {security}\n"
            f"  username: desk\n  password_env: TEST_SMTP_PASSWORD\n  ca_file: {cert[0]}\n"
        )
        config = setup(tmp_path, built, smtp=block)
        code, stderr = send(config)
        assert code == 1
        assert stderr == (
            f"digest: error: {config}: smtp.password_env: the environment variable "
            "TEST_SMTP_PASSWORD is not set or empty\nHint: set it in the environment of the "
            "job that sends (never in the config file)\n"
        )
        monkeypatch.setenv("TEST_SMTP_PASSWORD", "wrong")
        code, stderr = send(config)
        assert code == 1 and "refused the login of 'desk': 535 5.7.8" in stderr
        assert "Hint: check smtp.username and the password in $TEST_SMTP_PASSWORD" in stderr
        assert {v[0] for v in ledger(tmp_path).values()} == {"queued"}

        monkeypatch.setenv("TEST_SMTP_PASSWORD", SECRET)
        with caplog.at_level(logging.DEBUG):
            code, stderr = send(config)
        assert code == 0 and len(server.handler.messages) == 3
        assert server.logins[-1] == ("desk", SECRET)
        logged = stderr + "\n".join(r.getMessage() for r in caplog.records)
        assert SECRET not in logged
        assert SECRET.encode() not in (tmp_path / "state.sqlite").read_bytes()
    finally:
        server.stop()


def test_a_certificate_that_cannot_be_verified_stops_the_send(
    tmp_path: Path, built: Path, cert: tuple[Path, Path]
) -> None:
    server = MailServer(cert=cert).start()
    try:
        block = f"smtp:\n  host: localhost\n  port: {server.port}\n  security: starttls\n"
        config = setup(tmp_path, built, smtp=block)
        code, stderr = send(config)
        assert code == 1
        assert f"smtp: cannot verify the certificate of localhost:{server.port}" in stderr
        assert "Hint: set smtp.ca_file to the CA that signed it" in stderr
        assert server.handler.messages == []
    finally:
        server.stop()


# --- headers cannot be injected -------------------------------------------------------------


def test_a_name_or_title_with_line_breaks_cannot_add_a_header(
    tmp_path: Path, server: MailServer
) -> None:
    evil = tmp_path / "evil.csv"
    evil.write_text(
        'address,name\nvictim@example.org,"Eve\r\nBcc: spy@example.org\r\nX-Evil: 1"\n',
        encoding="utf-8",
    )
    text = config_text(smtp=smtp_block(server)).replace(str(DATA / "subscribers.csv"), str(evil))
    text = text.replace("title: Weather", 'title: "Weather\\r\\nX-Injected: yes"')
    text = text.replace("title: Test Desk Brief", 'title: "Desk\\nBcc: spy@example.org"')
    config = tmp_path / "config.yaml"
    config.write_text(text, encoding="utf-8")
    build = ["build", "--config", str(config), "--date", "2023-09-13", "--format", "md,json"]
    assert CliRunner().invoke(main, build).exit_code == 0
    code, _ = send(config)
    assert code == 0
    [received] = server.handler.messages
    assert received.rcpt_tos == ["victim@example.org"]
    message = received.message
    assert sorted(message.keys()) == sorted(
        [
            "From",
            "To",
            "Subject",
            "Date",
            "Message-ID",
            "List-Unsubscribe",
            "List-Unsubscribe-Post",
            "Auto-Submitted",
            "MIME-Version",
            "Content-Type",
        ]
    )
    assert message["To"].addresses[0].display_name == "Eve Bcc: spy@example.org X-Evil: 1"
    assert message["Subject"] == "Desk Bcc: spy@example.org — 13 Sep 2023 — 3 topics, 3 stories"
    head = received.data.split(b"\r\n\r\n", 1)[0]  # the top-level header block
    assert b"\nBcc:" not in head and b"\nX-Injected" not in head and b"\nX-Evil" not in head
    text_part = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "WEATHER X-INJECTED: YES" in text_part  # a title's line break is a space


def test_the_last_check_refuses_a_header_the_message_did_not_set() -> None:
    message = EmailMessage()
    message["Subject"] = "hello"
    message["Message-ID"] = "<x@example.org>"
    message.set_content("hi")
    smuggled = message.as_bytes().replace(b"Subject: hello", b"Subject: hello\nBcc: x@y.org")
    with pytest.raises(RenderError, match="differ from those set"):
        check_headers(message, smuggled)


# --- the messages themselves ----------------------------------------------------------------


def test_brief_json_reads_back_to_the_brief_it_was_built_from(built: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(config_text(), encoding="utf-8")
    assert load_brief(built / "brief.json") == build_brief(load_config(config), DAY)


def _brief(built: Path) -> Brief:
    return load_brief(built / "brief.json")


def test_a_subscribers_part_of_the_brief(built: Path) -> None:
    brief = _brief(built)
    part = brief_for(brief, ("rain",))
    assert [s.topic_id for s in part.sections] == ["rain"] and part.other is None
    assert [b.topic_id for b in part.bottom_line] == ["rain"]
    assert [(s.number, s.outlet) for s in part.sources] == [(1, "Meridian News Service")]
    assert part.cite(part.sections[0].stories[0].article_ids) == (1,)
    assert (part.stats.articles, part.stats.outlets) == (1, 1)
    assert part.stats.stories == len(part.sections[0].stories)
    assert brief_for(brief, None) is brief


def test_a_long_html_body_is_flagged_and_the_full_brief_attached(
    tmp_path: Path, built: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = load_config(setup(tmp_path, built, extra=""))
    path = setup(tmp_path / "long", built)
    path.write_text(path.read_text().replace("backoff: 0.01", "backoff: 0.01\n  html_limit: 2 kB"))
    config = load_config(path)
    builder = MessageBuilder(config, _brief(built), built, now=datetime(2023, 9, 13, 6))
    someone = Subscriber("arms@example.org", "Arms", ("arms",))
    with caplog.at_level(logging.WARNING, logger="digest.delivery"):
        out = builder.build(someone, message_id(config, DAY, someone))
    assert out.oversized and out.html_size is not None and out.html_size > 2000
    message = parse(out.data)
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert html.index("your mail program may cut it short") < html.index("Bottom line")
    assert [a.get_filename() for a in message.iter_attachments()] == [
        "test-desk-brief-2023-09-13.pdf"
    ]
    assert "the HTML for arms@example.org is" in caplog.text
    assert "over delivery.html_limit (2 kB)" in caplog.text


def test_without_smtp_the_messages_go_to_the_outbox_as_they_would_be_sent(
    tmp_path: Path, built: Path
) -> None:
    config = setup(tmp_path, built)
    outbox = tmp_path / "out" / "2023-09-13" / "outbox"
    (outbox).mkdir()
    (outbox / "gone@example.org.eml").write_text("yesterday's")
    code, _ = send(config)
    assert code == 0
    files = sorted(p.name for p in outbox.iterdir())
    assert files == ["all@example.org.eml", "arms@example.org.eml", "weather@example.org.eml"]
    data = (outbox / "arms@example.org.eml").read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")  # SMTP line endings
    assert parse(data)["To"] == '"Arms Desk, Seoul" <arms@example.org>'
    assert not (tmp_path / "state.sqlite").exists() or ledger(tmp_path) == {}


def test_a_dry_run_writes_the_outbox_and_leaves_server_and_ledger_alone(
    tmp_path: Path, built: Path, server: MailServer
) -> None:
    config = setup(tmp_path, built, smtp=smtp_block(server))
    code, _ = send(config, "--dry-run")
    assert code == 0 and server.handler.messages == [] and ledger(tmp_path) == {}
    assert len(list((tmp_path / "out" / "2023-09-13" / "outbox").glob("*.eml"))) == 3


def test_to_one_address_sends_outside_the_ledger(
    tmp_path: Path, built: Path, server: MailServer
) -> None:
    config = setup(tmp_path, built, smtp=smtp_block(server))
    assert send(config)[0] == 0
    code, _ = send(config, "--to", "Arms@example.org")
    assert code == 0
    first, again = server.handler.to("arms@example.org")
    assert first["Subject"] == again["Subject"]  # their own topics
    assert first["Message-ID"] != again["Message-ID"]  # a copy no receiver drops
    code, _ = send(config, "--to", "guest@example.org")
    [guest] = server.handler.to("guest@example.org")
    assert guest["Subject"] == "Test Desk Brief — 13 Sep 2023 — 3 topics, 3 stories"
    code, stderr = send(config, "--to", "not an address")
    assert code == 1 and "--to: not an email address: 'not an address'" in stderr


def test_a_missing_pdf_stops_the_send_before_any_message_goes(
    tmp_path: Path, built: Path, server: MailServer
) -> None:
    config = setup(tmp_path, built, smtp=smtp_block(server))
    pdf = tmp_path / "out" / "2023-09-13" / "brief.pdf"
    pdf.unlink()
    code, stderr = send(config)
    assert code == 3
    assert stderr == (
        f"digest: error: {pdf}: not built, and a subscriber asked for the PDF; Hint: build "
        "the brief with the pdf format (`digest build` makes it by default)\n"
    )
    assert server.handler.messages == [] and ledger(tmp_path) == {}


def test_sending_a_brief_that_was_not_built_says_how_to_build_it(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(config_text(), encoding="utf-8")
    code, stderr = send(config)
    assert code == 3
    brief = tmp_path / "out" / "2023-09-13" / "brief.json"
    assert stderr == (
        f"digest: error: no brief built for 2023-09-13: {brief} not found; Hint: run "
        f"`digest build --config {config} --date 2023-09-13` first (or `digest run`, which "
        "builds and sends)\n"
    )


def test_digest_check_renders_the_email_templates(tmp_path: Path) -> None:
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "email.txt.j2").write_text("{{ brief.titel }}\n")
    config = tmp_path / "config.yaml"
    config.write_text(config_text(extra=f"templates: {broken}"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(config)])
    assert result.exit_code == 1
    assert "email.txt.j2 line 1: 'Brief' has no attribute 'titel'; Hint: did you mean 'title'?" in (
        result.stderr
    )

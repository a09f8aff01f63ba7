"""Sending a built brief to its subscribers: over SMTP with the send ledger, or to the outbox.

Without an `smtp:` block (the default), and with `--dry-run`, each message is written to
`<output>/<date>/outbox/<address>.eml`, byte for byte what would be sent; the ledger is
read (a dry run shows what a real send would send now) but never written.

Over SMTP every message is recorded in the ledger (`ledger.py`): queued for everyone
first, then, for each, an attempt before the transaction and `sent` right after the
server's reply to DATA, each in its own commit. A rerun sends to whoever is not `sent`
or `failed`, and to nobody else. Temporary failures (4xx, a refused or dropped
connection) are retried with doubling backoff; what is still unsent stays queued for the
next run. Permanent refusals (5xx) are recorded and reported, never retried.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import smtplib
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..config.delivery import SmtpSettings, check_address
from ..config.load import Config
from ..errors import ConfigError, RenderError
from ..files import atomic_write
from ..model import Brief
from ..render.text_filters import one_line
from ..state import State
from .ledger import FAILED, SENDING, SENT, Ledger
from .message import MessageBuilder, Outgoing, all_stories, has_news, message_id
from .subscribers import Subscriber, load_subscribers

log = logging.getLogger("digest.delivery")


@dataclass
class DeliveryReport:
    """What one send did, address by address."""

    brief: date
    mode: str
    """`smtp`, `outbox` (no smtp: configured) or `dry-run`."""
    sent: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    failed_before: list[tuple[str, str]] = field(default_factory=list)
    unsent: list[tuple[str, str]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        """One line: how many were sent, skipped, refused and left for the next run."""
        if self.mode == "smtp":
            parts = [f"{len(self.sent)} sent"]
        else:
            parts = [f"{len(self.written)} written to the outbox"]
        for count, what in (
            (len(self.already), "sent earlier"),
            (len(self.empty), "with nothing new, not sent"),
            (len(self.failed), "refused by the server"),
            (len(self.failed_before), "refused earlier"),
            (len(self.unsent), "left for the next run"),
        ):
            if count:
                parts.append(f"{count} {what}")
        return f"brief {self.brief.isoformat()}: " + ", ".join(parts)


def deliver_brief(
    config: Config,
    brief: Brief,
    brief_dir: Path,
    *,
    state: State | None,
    dry_run: bool = False,
    to: str | None = None,
    now: datetime | None = None,
    sleep: Callable[[float], object] = time.sleep,
) -> DeliveryReport:
    """Send `brief` (built into `brief_dir`) to the subscribers, or only to `to`."""
    smtp = config.settings.smtp
    mode = "dry-run" if dry_run else "outbox" if smtp is None else "smtp"
    subscribers = recipients(config, to)
    password = _password(config) if mode == "smtp" and smtp is not None else None
    if mode == "smtp" and state is None and to is None:
        raise ConfigError(
            f"{config.path}: state: null, but sending over SMTP records each message in the "
            "state file, so that none is sent twice\nHint: remove 'state: null' from the config"
        )
    builder = MessageBuilder(config, brief, brief_dir, now=now or datetime.now(config.brief.tz))
    ledger = Ledger(state, brief.date.isoformat()) if state is not None and to is None else None
    entries = ledger.entries() if ledger is not None else {}
    report = DeliveryReport(brief.date, mode)
    todo: list[tuple[Subscriber, str]] = []
    for subscriber in subscribers:
        entry = entries.get(subscriber.key)
        if entry is not None and entry.status == SENT:
            report.already.append(subscriber.address)
        elif entry is not None and entry.status == FAILED:
            report.failed_before.append((subscriber.address, entry.reply or ""))
        elif (
            to is None
            and not config.settings.delivery.send_empty
            and not has_news(builder.view(subscriber))
        ):
            what = "nothing new" if all_stories(builder.view(subscriber)) else "nothing"
            log.info("not sending to %s: %s in their topics", subscriber.address, what)
            report.empty.append(subscriber.address)
        elif entry is not None:
            if entry.status == SENDING:
                log.warning(
                    "the last run stopped while sending to %s (attempt %d): the server may "
                    "have it; sending again with the same Message-ID %s",
                    subscriber.address,
                    entry.attempts,
                    entry.message_id,
                )
            todo.append((subscriber, entry.message_id))
        elif to is not None:
            # A one-off copy: a new Message-ID, so no receiver drops it as a duplicate.
            todo.append((subscriber, _one_off_id(brief.date, builder.sender)))
        else:
            todo.append((subscriber, message_id(config, brief.date, subscriber)))
    if any(subscriber.wants_pdf for subscriber, _ in todo):
        builder.require_pdf()
    if mode != "smtp":
        report.written = write_outbox(
            brief_dir / "outbox", (builder.build(s, mid) for s, mid in todo), prune=to is None
        )
        for path in report.written:
            log.info("wrote %s", path)
    else:
        assert smtp is not None
        if ledger is not None:
            ledger.queue([(s.key, mid) for s, mid in todo])
        sender = _Sender(smtp, password, ledger, report, config, sleep)
        sender.send_all(todo, builder.build)
    for address, reply in report.failed_before:
        log.warning("%s refused this brief in an earlier run (%s): not sent again", address, reply)
    log.info("%s", report.summary())
    return report


def recipients(config: Config, to: str | None = None) -> list[Subscriber]:
    """The subscribers, or the one for `to`; ConfigError when there is nobody to send to."""
    subscribers = load_subscribers(config)
    if to is None:
        if not subscribers:
            raise ConfigError(
                f"{config.path}: no subscribers: nobody to send the brief to\nHint: add "
                "'subscribers:' (or 'subscribers_file:') to the config, or pass --to ADDRESS"
            )
        return list(subscribers)
    try:
        address = check_address(to)
    except ValueError as exc:
        raise ConfigError(f"--to: {exc}".replace("; Hint: ", "\nHint: ")) from None
    # A subscriber's own topics and formats; anyone else gets the whole brief as HTML.
    known = {s.key: s for s in subscribers}
    return [known.get(address.lower(), Subscriber(address))]


def _password(config: Config) -> str | None:
    smtp = config.settings.smtp
    if smtp is None or smtp.password_env is None:
        return None
    password = os.environ.get(smtp.password_env)
    if not password:
        raise ConfigError(
            f"{config.path}: smtp.password_env: the environment variable {smtp.password_env} "
            "is not set or empty\nHint: set it in the environment of the job that sends "
            "(never in the config file)"
        )
    return password


def _one_off_id(day: date, sender: str) -> str:
    return f"<{day.isoformat()}.{secrets.token_hex(10)}@{sender.rpartition('@')[2].lower()}>"


def write_outbox(folder: Path, messages: Iterable[Outgoing], *, prune: bool) -> list[Path]:
    """Write each message as `<address>.eml` (atomically); `prune`: remove older ones."""
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for message in messages:
            name = re.sub(r"[^a-z0-9@._+-]", "_", message.subscriber.key) + ".eml"
            atomic_write(folder / name, message.data)
            written.append(folder / name)
        if prune:
            # A subscriber with nothing new today must not find yesterday's file here.
            for stale in set(folder.glob("*.eml")) - set(written):
                stale.unlink()
    except OSError as exc:
        raise RenderError(
            f"{exc.filename or folder}: cannot write the outbox: {exc.strerror or exc}"
            "; Hint: check the output folder is writable"
        ) from exc
    return written


# --- SMTP ---------------------------------------------------------------------------------


class SmtpFailure(Exception):
    """The server (or the network) did not take a message; `permanent` for a 5xx refusal."""

    def __init__(self, reply: str, *, permanent: bool = False, dropped: bool = False) -> None:
        super().__init__(reply)
        self.reply = reply
        self.permanent = permanent
        self.dropped = dropped


def _reply(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return one_line(f"{code} {text}")[:300]


def _check(stage: str, code: int, text: bytes | str) -> SmtpFailure:
    reply = _reply(code, text)
    if code == 421:  # the server is closing the connection
        return SmtpFailure(reply, dropped=True)
    if 400 <= code < 500:
        return SmtpFailure(reply)
    if code >= 500:
        return SmtpFailure(reply, permanent=True)
    return SmtpFailure(f"{stage}: unexpected reply {reply}", dropped=True)


class SmtpConnection:
    """One connection to the server: TLS as configured, logged in, one message at a time."""

    def __init__(self, settings: SmtpSettings, password: str | None, config: Config) -> None:
        self.settings = settings
        self.password = password
        self.config = config
        self.smtp: smtplib.SMTP | None = None

    def open(self) -> None:
        """Connect, secure and log in; SmtpFailure if that may pass, ConfigError if not."""
        s = self.settings
        where = f"{s.host}:{s.effective_port}"
        try:
            context = ssl.create_default_context(
                cafile=str(self.config.resolve(s.ca_file)) if s.ca_file else None
            )
        except (OSError, ssl.SSLError) as exc:
            raise ConfigError(f"{self.config.path}: smtp.ca_file: cannot load it: {exc}") from None
        try:
            if s.security == "tls":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host, s.effective_port, timeout=s.timeout, context=context
                )
            else:
                smtp = smtplib.SMTP(s.host, s.effective_port, timeout=s.timeout)
            self.smtp = smtp
            smtp.ehlo()
            if s.security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise ConfigError(
                        f"{self.config.path}: smtp.security: {where} does not offer STARTTLS"
                        "\nHint: use 'security: tls' (port 465) if it speaks TLS from the start"
                    )
                smtp.starttls(context=context)
                smtp.ehlo()
            if s.username is not None:
                smtp.login(s.username, self.password or "")
        except ssl.SSLCertVerificationError as exc:
            self.close()
            raise ConfigError(
                f"{self.config.path}: smtp: cannot verify the certificate of {where}: "
                f"{exc.verify_message}\nHint: set smtp.ca_file to the CA that signed it"
            ) from None
        except smtplib.SMTPAuthenticationError as exc:
            self.close()
            if 400 <= exc.smtp_code < 500:
                raise SmtpFailure(_reply(exc.smtp_code, exc.smtp_error)) from None
            raise ConfigError(
                f"{self.config.path}: smtp: {where} refused the login of {s.username!r}: "
                f"{_reply(exc.smtp_code, exc.smtp_error)}\nHint: check smtp.username and the "
                f"password in ${s.password_env}"
            ) from None
        except smtplib.SMTPNotSupportedError:
            self.close()
            raise ConfigError(
                f"{self.config.path}: smtp: {where} offers no login (AUTH) on this connection"
                "\nHint: check smtp.security (servers offer AUTH only over TLS) and "
                "smtp.username (leave it out for a relay that needs no login)"
            ) from None
        except smtplib.SMTPResponseException as exc:
            self.close()
            raise SmtpFailure(f"{where}: {_reply(exc.smtp_code, exc.smtp_error)}") from None
        except (smtplib.SMTPException, OSError) as exc:  # refused, unreachable, timed out, TLS
            self.close()
            raise SmtpFailure(
                f"{where}: {one_line(exc) or type(exc).__name__}", dropped=True
            ) from None

    def send(
        self, sender: str, recipient: str, data: bytes, before_data: Callable[[], None]
    ) -> str:
        """One SMTP transaction; the server's reply to the end of DATA, if it accepted.

        `before_data` runs once the server took the envelope, right before the message
        goes: from then on, until the reply is recorded, the outcome is in doubt.
        """
        smtp = self.smtp
        assert smtp is not None
        try:
            options = [f"SIZE={len(data)}"] if smtp.has_extn("size") else []
            code, text = smtp.mail(sender, options)
            if code != 250:
                failure = _check("MAIL", code, text)
                if failure.permanent and code != 552:  # 552 is this message's size
                    raise ConfigError(
                        f"{self.config.path}: delivery.from: the server refused the sender "
                        f"{sender}: {failure.reply}\nHint: use an address the server accepts"
                    )
                raise failure
            code, text = smtp.rcpt(recipient)
            if code not in (250, 251):
                raise _check("RCPT", code, text)
            before_data()
            code, text = smtp.data(data)
            if code != 250:
                raise _check("DATA", code, text)
        except (SmtpFailure, ConfigError):
            self._reset()
            raise
        except smtplib.SMTPDataError as exc:  # DATA itself refused
            self._reset()
            raise _check("DATA", exc.smtp_code, exc.smtp_error) from None
        except smtplib.SMTPResponseException as exc:
            self._reset()
            raise _check("SMTP", exc.smtp_code, exc.smtp_error) from None
        except (smtplib.SMTPException, OSError) as exc:
            self.close()
            raise SmtpFailure(
                f"connection lost: {one_line(exc) or type(exc).__name__}", dropped=True
            ) from None
        return _reply(code, text)

    def _reset(self) -> None:
        if self.smtp is not None and self.smtp.sock is not None:
            try:
                self.smtp.rset()
            except (smtplib.SMTPException, OSError):
                self.close()

    def close(self) -> None:
        """Say QUIT if the connection is still there; never fails."""
        smtp, self.smtp = self.smtp, None
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()

    @property
    def is_open(self) -> bool:
        """Whether a connection is up."""
        return self.smtp is not None and self.smtp.sock is not None


class _Sender:
    """The send loop: each message tried up to 1 + retries times, the ledger kept in step."""

    def __init__(
        self,
        settings: SmtpSettings,
        password: str | None,
        ledger: Ledger | None,
        report: DeliveryReport,
        config: Config,
        sleep: Callable[[float], object],
    ) -> None:
        self.connection = SmtpConnection(settings, password, config)
        self.ledger = ledger
        self.report = report
        self.retries = config.settings.delivery.retries
        self.backoff = config.settings.delivery.backoff
        self.sleep = sleep
        self.down: str | None = None

    def send_all(
        self, todo: list[tuple[Subscriber, str]], build: Callable[[Subscriber, str], Outgoing]
    ) -> None:
        """Send each message in turn; once the server cannot be reached, leave the rest."""
        try:
            for subscriber, mid in todo:
                if self.down is not None:
                    self.report.unsent.append((subscriber.address, self.down))
                    continue
                self._send_one(build(subscriber, mid))
        finally:
            self.connection.close()
        if self.down is not None and self.report.unsent:
            log.error("%d messages left for the next run: %s", len(self.report.unsent), self.down)

    def _send_one(self, message: Outgoing) -> None:
        address, key = message.subscriber.address, message.subscriber.key
        last = ""
        for attempt in range(self.retries + 1):
            if attempt:
                delay = self.backoff * 2 ** (attempt - 1)
                log.info("retrying %s in %g s after: %s", address, delay, last)
                self.sleep(delay)
            if not self.connection.is_open:
                try:
                    self.connection.open()
                except SmtpFailure as failure:
                    last = failure.reply
                    self._note(key, last, attempt=True)
                    continue
            began = False

            def begin() -> None:
                nonlocal began
                began = True
                if self.ledger is not None:
                    self.ledger.begin(key)

            try:
                reply = self.connection.send(message.sender, address, message.data, begin)
            except ConfigError:
                self._note(key, "not sent: the server refused the sender", attempt=not began)
                raise
            except SmtpFailure as failure:
                last = failure.reply
                if failure.dropped:
                    self.connection.close()
                if failure.permanent:
                    if self.ledger is not None:
                        self.ledger.failed(key, last, attempt=not began)
                    self.report.failed.append((address, last))
                    log.error("the server refused the message to %s for good: %s", address, last)
                    return
                self._note(key, last, attempt=not began)
                log.warning("temporary failure sending to %s: %s", address, last)
                continue
            # Accepted: recorded before anything else can happen to this process.
            if self.ledger is not None:
                self.ledger.sent(key, reply)
            self.report.sent.append(address)
            log.info("sent to %s: %s", address, reply)
            return
        self.report.unsent.append((address, last))
        log.warning("not sent to %s after %d tries: %s", address, self.retries + 1, last)
        if not self.connection.is_open:
            self.down = f"the server could not be reached ({last})"

    def _note(self, key: str, reply: str, *, attempt: bool = False) -> None:
        if self.ledger is not None:
            self.ledger.retry(key, reply, attempt=attempt)

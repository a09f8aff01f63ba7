"""A real SMTP server on 127.0.0.1 for the delivery tests (aiosmtpd), with fault hooks.

`MailServer` keeps every accepted message, parsed, and can refuse the Nth DATA with a
given reply once, refuse a recipient, block in DATA until released, or run a hook when
a client starts its Nth transaction (MAIL FROM) or sends its Nth message body, e.g.
to SIGKILL the sending process at exactly that point.
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import ssl
import subprocess
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Received:
    """One accepted message: envelope and the message parsed back."""

    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    message: EmailMessage


@dataclass
class Handler:
    """aiosmtpd handler: stores messages; the fields below inject faults."""

    messages: list[Received] = field(default_factory=list)
    refuse_data: dict[int, str] = field(default_factory=dict)
    refuse_rcpt: dict[str, str] = field(default_factory=dict)
    refuse_mail: str | None = None
    on_mail: Callable[[int], None] | None = None
    on_data: Callable[[int], None] | None = None
    release: threading.Event | None = None
    mails: int = 0
    datas: int = 0

    async def handle_MAIL(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        self.mails += 1
        if self.on_mail is not None:
            self.on_mail(self.mails)
        if self.refuse_mail is not None:
            return self.refuse_mail
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.refuse_rcpt:
            return self.refuse_rcpt[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.datas += 1
        if self.datas in self.refuse_data:
            return self.refuse_data.pop(self.datas)
        data = bytes(envelope.original_content or envelope.content)
        message = BytesParser(policy=policy.default).parsebytes(data)
        assert isinstance(message, EmailMessage)
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), data, message))
        if self.on_data is not None:
            self.on_data(self.datas)
        if self.release is not None:
            # Hold the reply (and so the sending run) until the test lets it go.
            await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 20)
        return "250 2.0.0 Ok: queued"

    def to(self, address: str) -> list[EmailMessage]:
        """The messages whose envelope went to `address`."""
        return [r.message for r in self.messages if address in r.rcpt_tos]


class _QuietController(Controller):
    """A Controller whose server does not warn that AUTH is allowed without STARTTLS.

    The tests' implicit-TLS server is encrypted from the first byte; aiosmtpd only
    knows about STARTTLS, and its warning would be an error under pytest's settings.
    """

    def factory(self) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            return super().factory()


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class MailServer:
    """An aiosmtpd server in a thread; `tls` makes it implicit TLS, `starttls` offers it."""

    def __init__(
        self,
        *,
        cert: tuple[Path, Path] | None = None,
        implicit_tls: bool = False,
        login: tuple[str, str] | None = None,
    ) -> None:
        self.handler = Handler()
        self.port = free_port()
        self.logins: list[tuple[str, str]] = []
        kwargs: dict[str, Any] = {}
        context = None
        if cert is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(cert[0]), str(cert[1]))
        if implicit_tls:
            kwargs["ssl_context"] = context
        elif context is not None:
            kwargs["tls_context"] = context
            kwargs["require_starttls"] = True
        if login is not None:
            kwargs["authenticator"] = self._authenticator(login)
            kwargs["auth_required"] = True
            # With implicit TLS aiosmtpd cannot tell the session is encrypted: it is.
            kwargs["auth_require_tls"] = not implicit_tls
        self.controller = _QuietController(
            self.handler,
            hostname="127.0.0.1",
            port=self.port,
            server_hostname="localhost",
            **kwargs,
        )

    def _authenticator(self, login: tuple[str, str]) -> Callable[..., AuthResult]:
        def check(
            server: Any, session: Any, envelope: Any, mechanism: str, data: Any
        ) -> AuthResult:
            if not isinstance(data, LoginPassword):
                return AuthResult(success=False, handled=False)
            user, password = data.login.decode(), data.password.decode()
            self.logins.append((user, password))
            ok = (user, password) == login
            return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd replies

        return check

    def start(self) -> MailServer:
        """Start listening."""
        self.controller.start()
        return self

    def stop(self) -> None:
        """Stop listening."""
        if self.handler.release is not None:
            self.handler.release.set()
        self.controller.stop()


def self_signed_cert(folder: Path) -> tuple[Path, Path] | None:
    """A certificate for localhost and 127.0.0.1 made by the openssl tool, or None."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,digitalSignature,keyCertSign",
        ],
        check=True,
        capture_output=True,
    )
    return cert, key

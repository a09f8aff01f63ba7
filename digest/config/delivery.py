"""The delivery part of the config schema: `smtp:`, `delivery:`, `subscribers:`, `healthcheck:`.

Declared here rather than in config.py so that the mail settings read as one piece;
config.py puts them into the file's schema, and its error messages (key path, line,
value, hint) apply to them as to every other key. Secrets are never in the file: the
SMTP password is read from the environment variable that `smtp.password_env` names.
"""

from __future__ import annotations

import ipaddress
import re
from email.utils import parseaddr
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .values import parse_size

# A pragmatic addr-spec: dot-atom local part, LDH domain labels. Quoted local parts and
# address literals are legal but never what a subscriber list means, and refusing them
# keeps every address safe to put in a header, a file name and a URL.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDRESS = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})*")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_URL_UNSAFE = re.compile(r"[\s<>\"\\^`{|}]")
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})

FORMATS = ("html", "text", "pdf")
"""What a subscriber can ask for: an HTML mail (with its text part), text only, the PDF."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def check_address(value: str) -> str:
    """`value` as an email address (local@domain, ASCII); ValueError with a hint if not one."""
    address = value.strip() if isinstance(value, str) else value
    if not isinstance(address, str) or not _ADDRESS.fullmatch(address) or len(address) > 254:
        hint = "write it as name@example.org"
        if isinstance(address, str) and not address.isascii():
            hint = "write an international domain in its xn-- form; local parts must be ASCII"
        elif isinstance(address, str) and "<" in address:
            hint = "give the bare address here; the name goes in its own key"
        raise ValueError(f"not an email address: {value!r}; Hint: {hint}")
    return address


def _check_url(value: str, placeholders: tuple[str, ...]) -> str:
    parts = urlsplit(value)
    filled = value
    for name in placeholders:
        filled = filled.replace("{" + name + "}", "x")
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(f"expected an http(s) URL, got {value!r}; Hint: write https://...")
    if _URL_UNSAFE.search(filled):
        allowed = ", ".join("{" + p + "}" for p in placeholders) or "none"
        raise ValueError(
            f"the URL {value!r} holds spaces, quotes, angle brackets or braces; "
            f"Hint: percent-encode them (placeholders allowed: {allowed})"
        )
    return value


class SmtpSettings(_Strict):
    """The `smtp:` block: the server that takes the brief's messages."""

    host: str
    port: int | None = Field(default=None, ge=1, le=65535, description="default: by security")
    security: Literal["starttls", "tls", "none"] = "starttls"
    username: str | None = None
    password_env: str | None = Field(default=None, description="the environment variable")
    timeout: float = Field(default=30.0, ge=1, le=600, description="seconds for one reply")
    ca_file: str | None = Field(default=None, description="CA certificates to trust instead")

    @field_validator("host")
    @classmethod
    def _host(cls, value: str) -> str:
        if not value.strip() or any(ch.isspace() for ch in value) or "/" in value:
            raise ValueError(
                f"expected a host name or address, got {value!r}; Hint: write e.g. smtp.example.org"
            )
        return value

    @field_validator("password_env")
    @classmethod
    def _env_name(cls, value: str | None) -> str | None:
        if value is not None and not _ENV_NAME.fullmatch(value):
            raise ValueError(
                f"expected the NAME of an environment variable, got {value!r}; Hint: write e.g. "
                "DIGEST_SMTP_PASSWORD and put the password in that variable, never in this file"
            )
        return value

    @model_validator(mode="after")
    def _login(self) -> SmtpSettings:
        if (self.username is None) != (self.password_env is None):
            raise ValueError(
                "'username' and 'password_env' go together; Hint: give both to log in, or "
                "neither for a relay that takes mail without a login"
            )
        if self.username is not None and self.security == "none" and not is_loopback(self.host):
            raise ValueError(
                f"security: none would send the password to {self.host} unencrypted; "
                "Hint: use 'starttls' (port 587) or 'tls' (port 465)"
            )
        return self

    @property
    def effective_port(self) -> int:
        """The port to connect to: the configured one, else the usual one for `security`."""
        return self.port or {"starttls": 587, "tls": 465, "none": 25}[self.security]


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine (where an unencrypted login stays local)."""
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class UnsubscribeSettings(_Strict):
    """`delivery.unsubscribe`: where a subscriber unsubscribes (List-Unsubscribe)."""

    mailto: str | None = None
    url: str | None = Field(default=None, description="https; may hold {address}")

    @field_validator("mailto")
    @classmethod
    def _mailto(cls, value: str | None) -> str | None:
        if value is not None and value.lower().startswith("mailto:"):
            value = value[len("mailto:") :]
        return None if value is None else check_address(value)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return None if value is None else _check_url(value, ("address",))

    @model_validator(mode="after")
    def _one(self) -> UnsubscribeSettings:
        if self.mailto is None and self.url is None:
            raise ValueError(
                "give 'mailto', 'url' or both; Hint: url: https://example.org/unsubscribe?a={address}"
            )
        return self


class DeliverySettings(_Strict):
    """The `delivery:` block: what the messages say about themselves, and how hard to try."""

    from_: str | None = Field(default=None, alias="from")
    reply_to: str | None = None
    send_empty: bool = Field(default=False, description="send a brief with nothing new too")
    retries: int = Field(default=3, ge=0, le=10, description="more tries after a 4xx or a drop")
    backoff: float = Field(default=5.0, ge=0, le=600, description="seconds before retry 1; doubles")
    html_limit: int = Field(default=100_000, description="HTML over this is flagged")
    brief_url: str | None = Field(default=None, description="the built brief online; {date}")
    unsubscribe: UnsubscribeSettings | None = None

    @field_validator("from_")
    @classmethod
    def _from(cls, value: str | None) -> str | None:
        if value is None:
            return None
        name, address = parseaddr(value)
        if not address or any(ch in value for ch in "\r\n"):
            raise ValueError(
                f"expected an address such as 'Korea Desk <desk@example.org>', got {value!r}; "
                "Hint: quote the value in YAML"
            )
        check_address(address)
        return value

    @field_validator("reply_to")
    @classmethod
    def _reply_to(cls, value: str | None) -> str | None:
        return None if value is None else check_address(value)

    @field_validator("html_limit", mode="before")
    @classmethod
    def _size(cls, value: object) -> int:

        return parse_size(value)

    @field_validator("brief_url")
    @classmethod
    def _brief_url(cls, value: str | None) -> str | None:
        return None if value is None else _check_url(value, ("date",))

    @property
    def sender(self) -> tuple[str, str] | None:
        """The From address as (display name, address), or None when not configured."""
        if self.from_ is None:
            return None
        name, address = parseaddr(self.from_)
        return name, address


class SubscriberSpec(_Strict):
    """One entry of `subscribers:` (or a row of the file `subscribers_file:` names)."""

    address: str
    name: str | None = None
    topics: list[str] | None = Field(default=None, description="topic ids; default: all")
    formats: list[Literal["html", "text", "pdf"]] = ["html"]

    @field_validator("address")
    @classmethod
    def _address(cls, value: str) -> str:
        return check_address(value)

    @field_validator("formats")
    @classmethod
    def _formats(cls, value: list[str]) -> list[str]:
        if "html" not in value and "text" not in value:
            raise ValueError(
                f"{value} has no body; Hint: add 'html' (an HTML mail with a text part) or "
                "'text' (plain text only); 'pdf' attaches the PDF to either"
            )
        return list(dict.fromkeys(value))


class HealthcheckSettings(_Strict):
    """The `healthcheck:` block: a URL pinged on start (/start), success and failure (/fail)."""

    url: str
    timeout: float = Field(default=10.0, ge=0.1, le=120)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return _check_url(value.rstrip("/"), ())

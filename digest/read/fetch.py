"""HTTP for feeds and the pages behind them: polite, bounded, and never surprising.

Every request names the tool in its User-Agent and has a timeout for the whole
download, not only between bytes. Only http and https are fetched, redirects are
followed by hand (each hop's scheme checked, loops named, at most `max_redirects`),
and a body over the size limit is refused as soon as it is known to be. 5xx answers,
429 and timeouts are retried with exponential backoff; other failures are final. At
most `per_host` requests are in flight to one host at a time.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.message import Message
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

import httpx

from ..errors import InputError

log = logging.getLogger("digest")

_REDIRECTS = {301, 302, 303, 307, 308}
_MAX_WORKERS = 16


def user_agent() -> str:
    """The default User-Agent: the tool's name and version."""
    try:
        release = version("digest")
    except PackageNotFoundError:  # run from a source tree that was never installed
        release = "dev"
    return f"digest/{release} (daily news brief builder; python-httpx)"


@dataclass(frozen=True)
class HttpOptions:
    """How to fetch: the `http:` block of the config, and the size limit."""

    timeout: float = 10.0
    user_agent: str = ""
    per_host: int = 2
    retries: int = 2
    backoff: float = 1.0
    max_redirects: int = 5
    max_size: int = 5_000_000


@dataclass(frozen=True)
class Page:
    """A fetched document; `status` 304 means unchanged since the validators sent."""

    url: str
    status: int
    content: bytes
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def charset(self) -> str | None:
        """The charset the server declared in Content-Type, if any."""
        if not self.content_type:
            return None
        message = Message()
        message["content-type"] = self.content_type
        return message.get_param("charset")  # type: ignore[return-value]


class FetchError(InputError):
    """A URL could not be fetched; the message names it and the cause."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class _Transient(Exception):
    """A failure worth another try: 5xx, 429, a timeout, a dropped connection."""


class Fetcher:
    """An HTTP client for one run: one connection pool, per-host limits, retries."""

    def __init__(
        self,
        options: HttpOptions = HttpOptions(),
        *,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.options = options
        self._sleep = sleep
        self._client = httpx.Client(
            headers={"User-Agent": options.user_agent or user_agent()},
            timeout=httpx.Timeout(options.timeout),
            follow_redirects=False,
            transport=transport,
        )
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Page:
        """Fetch `url`, retrying transient failures; raise FetchError naming the URL and cause."""
        check_url(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        tries = self.options.retries + 1
        for attempt in range(tries):
            try:
                return self._follow(url, headers)
            except _Transient as exc:
                if attempt + 1 == tries:
                    raise FetchError(url, f"{exc} ({tries} tries)") from None
                delay = self.options.backoff * 2**attempt
                log.info("%s: %s; trying again in %.2f s", url, exc, delay)
                self._sleep(delay)
        raise AssertionError("unreachable")  # the loop returns or raises

    def get_all(self, urls: Sequence[str]) -> list[Page | FetchError]:
        """Fetch every URL concurrently (per-host limits hold); results in the same order."""
        if not urls:
            return []

        def one(url: str) -> Page | FetchError:
            """Fetch one URL; a failure is a result, not an exception, so the others go on."""
            try:
                return self.get(url)
            except FetchError as exc:
                return exc

        workers = min(_MAX_WORKERS, len(urls))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="digest-fetch") as pool:
            return list(pool.map(one, urls))

    def _follow(self, url: str, headers: dict[str, str]) -> Page:
        visited = [url]
        current = url
        while True:
            response = self._request(current, headers)
            if isinstance(response, Page):
                return response
            try:
                target = urljoin(current, response)
            except ValueError as exc:
                raise FetchError(url, f"redirected to a bad URL {response!r}: {exc}") from None
            check_url(target, via=current)
            if target in visited:
                raise FetchError(url, f"redirect loop: {' -> '.join([*visited, target])}")
            if len(visited) > self.options.max_redirects:
                raise FetchError(url, f"more than {self.options.max_redirects} redirects")
            visited.append(target)
            current = target

    def _request(self, url: str, headers: dict[str, str]) -> Page | str:
        """One request: a Page, or the Location of a redirect."""
        with self._host_slot(url):
            started = time.monotonic()  # waiting for a slot is not the server's fault
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    status = response.status_code
                    if status in _REDIRECTS and response.headers.get("location"):
                        return response.headers["location"]
                    if status == 304:
                        return Page(
                            url,
                            304,
                            b"",
                            None,
                            response.headers.get("etag"),
                            response.headers.get("last-modified"),
                        )
                    if status >= 500 or status == 429:
                        raise _Transient(f"HTTP {status} {response.reason_phrase}")
                    if status != 200:
                        raise FetchError(url, f"HTTP {status} {response.reason_phrase}")
                    content = self._body(url, response, started)
                    return Page(
                        str(response.url),
                        status,
                        content,
                        response.headers.get("content-type"),
                        response.headers.get("etag"),
                        response.headers.get("last-modified"),
                    )
            except httpx.TimeoutException:
                raise _Transient(f"timed out after {self.options.timeout:g} s") from None
            except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                raise _Transient(f"connection failed: {exc or type(exc).__name__}") from None
            except httpx.HTTPError as exc:
                raise FetchError(url, f"request failed: {exc or type(exc).__name__}") from None
            except (httpx.InvalidURL, UnicodeError, ValueError) as exc:  # e.g. a bad host name
                raise FetchError(url, f"not a valid URL: {exc}") from None

    def _body(self, url: str, response: httpx.Response, started: float) -> bytes:
        limit = self.options.max_size
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, f"{int(declared) / 1e6:.1f} MB is {_over_limit(limit)}")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(url, f"the download is {_over_limit(limit)}")
            if time.monotonic() - started > self.options.timeout:
                # A server that trickles bytes never trips the read timeout; this does.
                raise _Transient(f"timed out after {self.options.timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        host = (urlsplit(url).netloc or "").lower()
        with self._lock:
            slot = self._hosts.get(host)
            if slot is None:
                slot = self._hosts[host] = threading.BoundedSemaphore(self.options.per_host)
        return slot


def check_url(url: str, *, via: str | None = None) -> None:
    """Raise FetchError unless `url` is an absolute http(s) URL."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:  # "http://[::1/x": Invalid IPv6 URL
        raise FetchError(url, f"not a valid URL: {exc}") from None
    if parts.scheme.lower() not in ("http", "https") or not host:
        where = f" (redirected from {via})" if via else ""
        raise FetchError(
            url,
            f"not an http(s) URL{where}; Hint: digest fetches only http:// and https:// addresses",
        )


def _over_limit(limit: int) -> str:
    return (
        f"over the size limit of {limit / 1e6:.1f} MB; "
        "Hint: raise limits.max_size in the config if it is a real article"
    )

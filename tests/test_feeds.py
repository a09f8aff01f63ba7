"""Feeds from disk and over HTTP (a real server on 127.0.0.1), the state between runs, and
XML that tries to hurt: the expected articles come through, failures are listed, nothing
else is lost."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.config.load import load_config
from digest.model import Brief
from digest.pipeline import build_brief
from digest.read.fetch import Fetcher, FetchError, HttpOptions
from digest.read.files import ReadOptions, read_inputs
from digest.state import State, StateError

from .conftest import ROOT

FEEDS = ROOT / "tests" / "data" / "feeds"
HTML = ROOT / "tests" / "data" / "html"
SEOUL = ZoneInfo("Asia/Seoul")


# --- a news site on 127.0.0.1 ---------------------------------------------------------------


class Site:
    """What the test server serves, and what it saw: hits, headers, requests in flight."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.agents: set[str] = set()
        self.conditional: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()
        self.url = ""

    def route(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.partition("?")[0]
        if path.startswith("/rss.xml"):
            self.send(
                handler, 200, (FEEDS / "harborwire-rss2.xml").read_bytes(), "application/rss+xml"
            )
        elif path == "/atom.xml":
            if handler.headers.get("If-None-Match") == '"v1"':
                self.conditional.append(path)
                self.send(handler, 304, b"")
            else:
                self.send(
                    handler,
                    200,
                    (FEEDS / "capitalledger-atom.xml").read_bytes(),
                    "application/atom+xml",
                    {"ETag": '"v1"'},
                )
        elif path.startswith("/articles/") and (HTML / path.removeprefix("/articles/")).is_file():
            time.sleep(0.05)  # long enough for requests to overlap
            self.send(
                handler, 200, (HTML / path.removeprefix("/articles/")).read_bytes(), "text/html"
            )
        elif path == "/moved/seoul-urges":
            self.send(
                handler, 301, b"", headers={"Location": "/articles/capitalledger-unsc-vote.html"}
            )
        else:
            self.route_trouble(handler, path)

    def route_trouble(self, handler: BaseHTTPRequestHandler, path: str) -> None:
        """Slow, failing, redirecting, oversized and trickling answers."""
        if path.startswith("/slow/"):
            time.sleep(1.0)
            self.send(handler, 200, b"<html><body><p>too late</p></body></html>", "text/html")
        elif path.startswith(("/error/", "/down")):
            self.send(handler, 500, b"boom", "text/plain")
        elif path == "/loop/a":
            self.send(handler, 302, b"", headers={"Location": "/loop/b"})
        elif path == "/loop/b":
            self.send(handler, 302, b"", headers={"Location": f"{self.url}/loop/a"})
        elif path.startswith("/chain/"):
            step = int(path.rsplit("/", 1)[1])
            self.send(handler, 302, b"", headers={"Location": f"/chain/{step + 1}"})
        elif path == "/to-file":
            self.send(handler, 302, b"", headers={"Location": "file:///etc/passwd"})
        elif path.startswith("/big/"):
            self.send(handler, 200, b"<p>" + b"word " * 60_000 + b"</p>", "text/html")
        elif path == "/stream-big":
            handler.send_response(200)  # no Content-Length: the size is known only by reading
            handler.send_header("Content-Type", "text/html")
            handler.end_headers()
            for _ in range(100):
                handler.wfile.write(b"x" * 10_000)
        elif path == "/trickle":
            handler.send_response(200)
            handler.send_header("Content-Length", "100")
            handler.end_headers()
            for _ in range(20):
                handler.wfile.write(b"x")
                handler.wfile.flush()
                time.sleep(0.1)
        else:
            self.send(handler, 404, b"not here", "text/plain")

    @staticmethod
    def send(
        handler: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        kind: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        handler.send_response(status)
        if kind:
            handler.send_header("Content-Type", kind)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up (the timeout tests do) is no error of the server's."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            with served.lock:
                served.hits[self.path] += 1
                served.agents.add(self.headers.get("User-Agent", ""))
                served.in_flight += 1
                served.max_in_flight = max(served.max_in_flight, served.in_flight)
            try:
                served.route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing to answer
            finally:
                with served.lock:
                    served.in_flight -= 1

        def log_message(self, *_args: object) -> None:
            pass

    server = _QuietServer(("127.0.0.1", 0), Handler)
    served.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield served
    server.shutdown()
    server.server_close()


def _config(tmp_path: Path, site: Site, extra: str = "") -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(
        f"""
brief: {{timezone: Asia/Seoul, time: "06:00"}}
window: 48h
state: state.sqlite
limits: {{max_size: 200 kB}}
http: {{timeout: 0.3, retries: 1, backoff: 0.01, per_host: 2}}
sources:
  - feed: {site.url}/rss.xml
    outlet: Harbor Wire
    fetch_articles: true
  - feed: {site.url}/atom.xml
    outlet: Capital Ledger
  - feed: {FEEDS / "meridian-rss10.xml"}
  - feed: {site.url}/down.xml
{extra}
topics:
  - id: nk-russia
    title: North Korea and Russia
    query: '("North Korea" OR Pyongyang OR Kim) AND (Russia OR Moscow OR Putin)'
"""
    )
    return path


def _run(config_path: Path, day: date, window: str | None = None) -> Brief:
    """One cron run: build with the state file, commit once the brief is made."""
    config = load_config(config_path)
    assert config.state_path is not None
    with State(config.state_path, day) as state:
        brief = build_brief(config, day, window=window, state=state)
        state.commit()
    return brief


def _titles(brief: Brief) -> list[str]:
    return sorted(source.title for source in brief.sources)


# --- acceptance: two cron runs against a live server -----------------------------------------


def test_feeds_over_http_read_what_they_can_and_list_the_rest(tmp_path: Path, site: Site) -> None:
    config = _config(tmp_path, site)
    brief = _run(config, date(2023, 9, 14))

    assert _titles(brief) == [
        "Heavy rain forecast for the weekend",  # RSS 1.0 from disk
        "Iran expects frozen funds to reach Qatar within days",
        "Kim Jong-un boards armored train for Russia summit",  # RSS 2.0 item -> page
        "Seoul urges Pyongyang to halt arms dealings with Moscow",  # via a 301
        "Treasury signs waivers for Iranian funds",  # Atom, inline XHTML
        "White House: N. Korea will pay a price for arms to Russia",  # Atom, escaped HTML
    ]
    by_title = {s.title: s for s in brief.sources}
    kim = by_title["Kim Jong-un boards armored train for Russia summit"]
    assert (
        kim.outlet == "Harbor Wire" and kim.url == f"{site.url}/articles/harborwire-kim-train.html"
    )
    assert by_title["Treasury signs waivers for Iranian funds"].outlet == "Capital Ledger"
    assert by_title["Heavy rain forecast for the weekend"].outlet == "Meridian News Service"

    reasons = {s.path: s.reason for s in brief.stats.skipped}
    assert reasons == {
        f"{site.url}/slow/typhoon.html": "timed out after 0.3 s (2 tries)",
        f"{site.url}/error/chip-exports.html": "HTTP 500 Internal Server Error (2 tries)",
        f"{site.url}/loop/a": "redirect loop: "
        + " -> ".join(f"{site.url}/loop/{step}" for step in "aba"),
        f"{site.url}/big/transcript.html": (
            "0.3 MB is over the size limit of 0.2 MB; "
            "Hint: raise limits.max_size in the config if it is a real article"
        ),
        "file:///etc/passwd": (
            "not an http(s) URL; Hint: digest fetches only http:// and https:// addresses"
        ),
        f"{site.url}/down.xml": "HTTP 500 Internal Server Error (2 tries)",
    }
    # The August item is outside the 48 hours: counted, and its page never fetched.
    assert brief.stats.outside_window == 1
    assert site.hits["/articles/never-fetched-old.html"] == 0
    assert site.hits["/error/chip-exports.html"] == 2 and site.hits["/loop/a"] == 1
    assert site.agents and all(agent.startswith("digest/") for agent in site.agents)

    # The next day: the Atom feed answers 304, items read yesterday are not read again,
    # and what failed is tried again.
    again = _run(config, date(2023, 9, 15), window="72h")
    assert site.conditional == ["/atom.xml"]
    assert again.stats.articles == 0
    assert site.hits["/articles/harborwire-kim-train.html"] == 1
    assert site.hits["/slow/typhoon.html"] == 4
    assert {s.path for s in again.stats.skipped} == set(reasons)


def test_rebuilding_the_same_days_brief_reads_the_same_items(tmp_path: Path, site: Site) -> None:
    config = _config(tmp_path, site)
    first = _run(config, date(2023, 9, 14))
    again = _run(config, date(2023, 9, 14))
    assert _titles(again) == _titles(first)
    assert site.conditional == []  # validators from this brief's own run are not used
    assert site.hits["/atom.xml"] == 2


def test_a_failed_run_remembers_nothing(tmp_path: Path, site: Site) -> None:
    config = load_config(_config(tmp_path, site))
    assert config.state_path is not None
    with State(config.state_path, date(2023, 9, 14)) as state:
        build_brief(config, date(2023, 9, 14), state=state)
        # no commit: the brief was never written
    brief = _run(_config(tmp_path, site), date(2023, 9, 15), window="72h")
    assert "Kim Jong-un boards armored train for Russia summit" in _titles(brief)
    assert site.conditional == []


def test_only_http_and_https_feeds_are_accepted(tmp_path: Path) -> None:
    from digest.errors import ConfigError

    path = tmp_path / "config.yaml"
    path.write_text("sources:\n  - feed: file:///etc/passwd\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == (
        f"{path}:2: sources[0].feed: expected an http(s) URL or a file path, got 'file:///etc/passwd'\n"
        "Hint: write a local feed as a path, without 'file://'"
    )


# --- fetching ---------------------------------------------------------------------------------


def _fetcher(**options: object) -> Fetcher:
    settings = {"timeout": 0.5, "retries": 1, "backoff": 0.01, "max_size": 200_000, **options}
    return Fetcher(HttpOptions(**settings))  # type: ignore[arg-type]


def test_redirects_are_capped_and_checked(site: Site) -> None:
    with _fetcher(max_redirects=3) as fetcher:
        with pytest.raises(FetchError) as info:
            fetcher.get(f"{site.url}/chain/0")
        assert info.value.reason == "more than 3 redirects"
        with pytest.raises(FetchError) as info:
            fetcher.get(f"{site.url}/to-file")
        assert info.value.reason.startswith(
            f"not an http(s) URL (redirected from {site.url}/to-file)"
        )
    assert site.hits["/chain/3"] == 1 and site.hits["/chain/4"] == 0


def test_a_download_without_length_is_cut_at_the_limit(site: Site) -> None:
    with _fetcher() as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(f"{site.url}/stream-big")
    assert info.value.reason.startswith("the download is over the size limit of 0.2 MB")


def test_a_server_that_trickles_bytes_times_out(site: Site) -> None:
    with _fetcher(retries=0) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(f"{site.url}/trickle")
    assert info.value.reason == "timed out after 0.5 s (1 tries)"


def test_client_errors_are_not_retried_server_errors_are_with_backoff(site: Site) -> None:
    delays: list[float] = []
    with Fetcher(HttpOptions(timeout=1, retries=2, backoff=0.01), sleep=delays.append) as fetcher:
        with pytest.raises(FetchError) as info:
            fetcher.get(f"{site.url}/missing")
        assert info.value.reason == "HTTP 404 Not Found" and site.hits["/missing"] == 1
        with pytest.raises(FetchError):
            fetcher.get(f"{site.url}/error/x")
    assert site.hits["/error/x"] == 3 and delays == [0.01, 0.02]


def test_at_most_per_host_requests_in_flight(site: Site) -> None:
    pages = [f"{site.url}/articles/harborwire-kim-train.html?{i}" for i in range(8)]
    with _fetcher(per_host=3) as fetcher:
        results = fetcher.get_all(pages)
    assert all(not isinstance(r, FetchError) for r in results)
    assert site.max_in_flight == 3


def test_conditional_get_sends_the_validators(site: Site) -> None:
    with _fetcher() as fetcher:
        first = fetcher.get(f"{site.url}/atom.xml")
        again = fetcher.get(f"{site.url}/atom.xml", etag=first.etag)
    assert (first.status, first.etag, again.status, again.content) == (200, '"v1"', 304, b"")


# --- the state file ---------------------------------------------------------------------------


def test_the_state_file_is_made_only_when_used(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "state.sqlite"
    with State(path, date(2023, 9, 14)) as state:
        state.commit()
    assert not path.exists()
    with State(path, date(2023, 9, 14)) as state:
        assert not state.already_read("x")
    assert path.exists()


def test_a_file_that_is_not_a_state_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    path.write_text("this is not a database " * 100)
    with State(path, date(2023, 9, 14)) as state, pytest.raises(StateError) as info:
        state.already_read("x")
    assert str(info.value) == (
        f"{path}: cannot use the state file: file is not a database; Hint: if it is not a "
        "digest state file, point 'state:' in the config elsewhere (a new one is made)"
    )


def test_a_state_file_from_a_newer_digest_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "state.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with (
        State(path, date(2023, 9, 14)) as state,
        pytest.raises(StateError, match="newer than this digest"),
    ):
        state.validators("http://x.example/feed")


# --- feeds from disk, and hostile XML ---------------------------------------------------------


def test_every_feed_format_from_disk() -> None:
    articles, skipped = read_inputs([FEEDS], ReadOptions(timezone=SEOUL))
    assert not skipped
    by_file = Counter(Path(a.path).name for a in articles)
    assert by_file == {
        "capitalledger-atom.xml": 2, "harborwire-rss2.xml": 8, "meridian-rss10.xml": 2,
        "pacific-rss091.xml": 2,
    }  # fmt: skip
    cafe = next(a for a in articles if a.title.startswith("Café"))
    # RSS 0.91 date without a zone: the source's zone.
    assert cafe.published is not None and cafe.published.isoformat() == "2023-09-12T09:00:00+09:00"
    urges = next(a for a in articles if a.title.startswith("Seoul urges"))
    assert urges.text.startswith("SEOUL, Sept. 12 (Harbor Wire) -- South Korea's unification")
    assert '\n\n"We urge North Korea' in urges.text  # content:encoded wins over description
    assert urges.url == "https://harborwire.example/moved/seoul-urges"  # relative to the site


def _feed_with(prolog: str, body: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n{prolog}\n<rss version="2.0"><channel><title>T</title>'
        f"<item><title>One</title><guid>1</guid><description>{body}</description></item>"
        "<item><title>Two</title><guid>2</guid><description>Second item text.</description></item>"
        "</channel></rss>"
    ).encode()


LAUGHS = (
    '<!DOCTYPE rss [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def test_billion_laughs_is_never_expanded(tmp_path: Path) -> None:
    path = tmp_path / "laughs.xml"
    path.write_bytes(_feed_with(LAUGHS, "x &lol9; y"))
    articles, [skipped] = read_inputs([path])
    assert not articles
    assert skipped.reason.startswith(
        "not a readable RSS or Atom feed: Maximum entity amplification"
    )
    # Declared but never used, the entities are harmless: the feed is read.
    path.write_bytes(_feed_with(LAUGHS, "x y"))
    articles, skipped_none = read_inputs([path])
    assert [a.text for a in articles] == ["x y", "Second item text."] and not skipped_none


def test_external_entities_and_dtds_are_never_loaded(tmp_path: Path, site: Site) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-42")
    prolog = (
        f'<!DOCTYPE rss SYSTEM "{site.url}/evil.dtd" [<!ENTITY xxe SYSTEM "file://{secret}">'
        f'<!ENTITY % remote SYSTEM "{site.url}/remote.dtd"> %remote;]>'
    )
    path = tmp_path / "xxe.xml"
    path.write_bytes(_feed_with(prolog, "before &xxe; after"))
    articles, _ = read_inputs([path])
    assert not any("SECRET-42" in a.text for a in articles)
    assert site.hits["/evil.dtd"] == 0 and site.hits["/remote.dtd"] == 0


def test_a_web_page_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "page.xml"
    path.write_text("<html><body><p>hello</p></body></html>")
    _, [skipped] = read_inputs([path])
    assert skipped.reason == (
        "not an RSS or Atom feed (its root element is <html>); "
        "Hint: web pages are read from .html files"
    )


def test_a_truncated_feed_keeps_the_items_before_the_break(tmp_path: Path) -> None:
    data = (FEEDS / "capitalledger-atom.xml").read_bytes()
    path = tmp_path / "cut.xml"
    path.write_bytes(data[: data.index(b"<entry>", data.index(b"</entry>"))] + b"<entry><title>Cut")
    articles, skipped = read_inputs([path])
    assert [a.title for a in articles] == [
        "White House: N. Korea will pay a price for arms to Russia"
    ]
    assert not skipped  # the cut entry has no text yet: logged, not an article


HUNDRED_THOUSAND = """
import resource, sys
from pathlib import Path
from digest.read.files import ReadOptions, iter_file
path = Path(sys.argv[1])
with path.open("w") as out:
    out.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>')
    for i in range(100_000):
        out.write(f"<item><guid>{i}</guid><title>Item {i}</title>")
        out.write(f"<description>Text {i}.</description></item>")
    out.write("</channel></rss>")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
count = sum(1 for _ in iter_file(path, ReadOptions(max_size=50_000_000)))
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(count, grown // 1024, path.stat().st_size // 1_000_000)
"""


def test_a_feed_of_100000_items_streams_in_little_memory(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", HUNDRED_THOUSAND, str(tmp_path / "big.xml")],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    count, grown_mb, size_mb = map(int, result.stdout.split())
    assert count == 100_000
    # The file is read into memory once (it is under the size limit); the items never are.
    assert grown_mb < size_mb + 30, f"peak memory grew {grown_mb} MB for a {size_mb} MB feed"


def test_feed_items_without_text_are_listed_when_pages_are_not_fetched(tmp_path: Path) -> None:
    path = tmp_path / "links.xml"
    path.write_bytes(_feed_with("", "").replace(b"<description></description>", b""))
    config = tmp_path / "config.yaml"
    config.write_text(f"window: all\nstate: null\nsources:\n  - feed: {path}\n")
    brief = build_brief(load_config(config), date(2023, 9, 14))
    no_text, too_short = brief.stats.skipped
    assert no_text.path == f"{path}#1"
    assert no_text.reason == (
        "the feed item has no text; Hint: set 'fetch_articles: true' on the source"
    )
    # "Second item text." alone is no article either: read, cleaned, and left out.
    assert too_short.reason.startswith("no readable text") and brief.stats.articles == 0


def test_build_window_option_counts_what_it_leaves_out(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from digest.cli import main

    out = tmp_path / "out"
    args = [
        "build",
        "--config",
        str(ROOT / "config.yaml"),
        "--date",
        "2023-09-13",
        "--format",
        "json",
    ]
    result = CliRunner().invoke(main, [*args, "--out", str(out), "--window", "24h"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "brief.json").read_text())
    assert len(data["sources"]) == 4  # 12 Sep 06:00 to 13 Sep 06:00 KST
    result = CliRunner().invoke(main, [*args, "--out", str(out), "--window", "6h"])
    assert result.exit_code == 3
    assert (
        "(examples/articles): 10 articles published outside the brief's window; "
        "Hint: --window all, or a --date after they were published"
    ) in result.output
    assert CliRunner().invoke(main, [*args, "--window", "soon"]).exit_code == 2


def test_a_feed_source_that_is_not_text_is_listed_and_the_rest_read(tmp_path: Path) -> None:
    noise = tmp_path / "noise.xml"
    noise.write_bytes(bytes(range(128, 256)) * 4)
    config = tmp_path / "config.yaml"
    config.write_text(
        f"window: all\nstate: null\nsources:\n  - feed: {noise}\n"
        f"  - feed: {FEEDS / 'meridian-rss10.xml'}\n"
    )
    brief = build_brief(load_config(config), date(2023, 9, 14))
    assert brief.stats.articles == 2
    [skipped] = brief.stats.skipped
    assert skipped.path == str(noise)
    assert skipped.reason.startswith("not text in any encoding digest can recognise")


def test_the_build_command_commits_the_state_once_the_brief_is_written(
    tmp_path: Path, site: Site
) -> None:
    import sqlite3

    from click.testing import CliRunner

    from digest.cli import main

    config = _config(tmp_path, site)
    build = ["build", "--config", str(config), "--format", "md", "--out", str(tmp_path / "out")]
    first = CliRunner().invoke(main, [*build, "--date", "2023-09-14"])
    assert first.exit_code == 0, first.output
    brief = (tmp_path / "out" / "brief.md").read_text()
    assert "Sources not read" in brief and "redirect loop" in brief
    assert "1 article published outside the brief's time window, not shown." in brief
    with sqlite3.connect(tmp_path / "state.sqlite") as db:
        assert db.execute("SELECT count(*) FROM read_items").fetchone() == (6,)
    again = CliRunner().invoke(main, [*build, "--date", "2023-09-15", "--window", "72h"])
    assert again.exit_code == 3  # nothing new to brief
    assert site.conditional == ["/atom.xml"]

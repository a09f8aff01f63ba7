"""The config's sources, read for one run: files and folders, and feeds from disk or HTTP.

This is the one stage that touches the network and the state file. Everything that
goes wrong with a source (a feed that fails, a page that times out, a file that is
not an article) becomes a `Skipped` entry with its cause; the rest is read. Articles
published outside the brief's window are counted, not kept; for a feed whose items
link to pages, an item the feed dates outside the window is not even fetched.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..config.load import ReadingSettings
from ..config.schema import SourceSpec
from ..errors import InputError
from ..executor import Executor, Failure
from ..model import Article, Skipped
from ..progress import NO_PROGRESS, Progress
from ..state import State, StateError
from .chrome import drop_learned_chrome
from .encoding import declared_charset
from .feed import FeedItem, FeedReader, item_article, item_id
from .fetch import Fetcher, FetchError, HttpOptions, Page
from .files import iter_file, named_paths
from .html import page_article
from .options import ReadOptions, decode, too_big
from .window import Window

log = logging.getLogger("digest")

ALL_TIMES = Window()
_FETCH_BATCH = 32  # pages fetched together: enough to keep every host busy, few in memory


@dataclass(frozen=True)
class Reading:
    """What reading found: the articles to process, what was not read, and what was left out."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    outside_window: int = 0
    duplicates: tuple[Skipped, ...] = ()
    """Articles read twice (the same id, or the same outlet and text): left out, counted."""


def read_sources(
    settings: ReadingSettings,
    *,
    inputs: Sequence[str | Path] | None = None,
    published: date | None = None,
    window: Window = ALL_TIMES,
    state: State | None = None,
    executor: Executor | None = None,
    progress: Progress = NO_PROGRESS,
) -> Reading:
    """Read `inputs` (files, folders, globs) or the config's sources; keep those in `window`.

    `settings` is the config's part for reading (`Config.reading`): the sources, their
    limits and HTTP settings, the time zone for times written without one.

    With an `executor` of several workers, files are read (decoded, parsed) by them;
    feeds are read here, where the connection pool and the state file are.
    """
    parallel = executor if executor is not None and executor.jobs > 1 else None
    collect = _Collector(window, executor=parallel, progress=progress)
    if inputs:
        options = ReadOptions(
            timezone=settings.timezone, published=published, max_size=settings.max_size
        )
        collect.files(inputs, options)
    else:
        _read_config_sources(settings, collect, published, state)
    if collect.outside:
        log.info(
            "%d articles published outside %s are not shown", collect.outside, window.describe()
        )
    return Reading(
        tuple(drop_learned_chrome(collect.articles)),
        tuple(collect.skipped),
        collect.outside,
        tuple(collect.duplicates),
    )


def _read_config_sources(
    settings: ReadingSettings, collect: _Collector, published: date | None, state: State | None
) -> None:
    """Each source of the config into `collect`; one that fails is listed, the rest read."""
    http = settings.http
    fetch = _LazyFetcher(
        HttpOptions(
            timeout=http.timeout,
            user_agent=http.user_agent or "",
            per_host=http.per_host,
            retries=http.retries,
            backoff=http.backoff,
            max_redirects=http.max_redirects,
            max_size=settings.max_size,
        )
    )
    try:
        for spec in settings.sources:
            options = _options(spec, settings, published)
            try:
                if spec.path is not None:
                    collect.files([settings.resolve(spec.path)], options)
                else:
                    _FeedSource(spec, settings, options, collect, state, fetch).read()
            except StateError:
                raise  # the run cannot remember what it reads: stop before it reads more
            except Exception as exc:  # a bug must cost one source, never the brief
                where = spec.path or spec.feed or "?"
                log.exception("skipped %s: could not be read", where)
                collect.skip(where, f"could not be read: {type(exc).__name__}: {exc}")
    finally:
        fetch.close()


def _options(spec: SourceSpec, settings: ReadingSettings, published: date | None) -> ReadOptions:
    return ReadOptions(
        outlet=spec.outlet,
        timezone=ZoneInfo(spec.timezone) if spec.timezone else settings.timezone,
        published=published,
        max_size=settings.max_size,
        encoding=spec.encoding,
        fields=tuple(spec.fields.items()),
    )


@dataclass
class _Collector:
    """Articles in the window, each id once; what was skipped; what was left out and why.

    An article is one of the day's once: a second article with an id already read from
    the same input root, or with the same outlet and the very same text as one already
    read, is a duplicate (counted, listed in brief.json, not built into the brief). The
    same id from another root is another article: it is qualified with its root's name.
    """

    window: Window
    executor: Executor | None = None
    progress: Progress = NO_PROGRESS
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: list[Skipped] = field(default_factory=list)
    outside: int = 0
    _roots: dict[str, str] = field(default_factory=dict)
    _texts: dict[tuple[str, bytes], str] = field(default_factory=dict)

    def add(self, article: Article, root: str = "") -> None:
        """Keep `article` if it is in the window and new; count or list it otherwise."""
        if not self.window.contains(article.published):
            self.outside += 1
            return
        if article.id in self._roots and self._roots[article.id] != root and root:
            qualified = next((q for q in _qualified(article, root) if q not in self._roots), None)
            if qualified is not None:
                article = replace(article, id=qualified)
        if article.id in self._roots:
            self._duplicate(article, f"the same id as an article already read ({article.id!r})")
            return
        text_key = (article.source, _fingerprint(article.text))
        first = self._texts.get(text_key)
        if first is not None:
            self._duplicate(article, f"the same text as {first!r}")
            return
        self._roots[article.id] = root
        self._texts[text_key] = article.id
        self.articles.append(article)

    def _duplicate(self, article: Article, reason: str) -> None:
        log.info("left out %s: a duplicate: %s", article.path, reason)
        self.duplicates.append(Skipped(article.path, f"duplicate: {reason}"))

    def skip(self, where: str, reason: str) -> None:
        """List `where` as not read, and log why."""
        log.warning("skipped %s: %s", where, reason)
        self.skipped.append(Skipped(where, reason))

    def files(self, paths: Sequence[str | Path], options: ReadOptions) -> None:
        """Read the files named by `paths` (folders and globs expanded)."""
        for raw in paths:
            if not any(ch in str(raw) for ch in "*?[") and not Path(raw).exists():
                self.skip(str(raw), "no such file or folder")
        found = [
            (path, replace(options, name=name), str(root)) for path, name, root in _named(paths)
        ]
        if self.executor is None:
            for path, named, root in found:
                self._take(iter_file(path, named), root)
            return
        read = self.executor.map_each(read_path, [(p, o) for p, o, _ in found])
        with self.progress.stage("reading", len(found), unit="file") as meter:
            for (path, _named_options, root), items in zip(found, read, strict=True):
                if isinstance(items, Failure):
                    self.skip(str(path), f"could not be read: {items.message}")
                else:
                    self._take(items, root)
                meter.update(1)

    def _take(self, items: Iterable[Article | Skipped], root: str) -> None:
        for item in items:
            if isinstance(item, Skipped):
                self.skipped.append(item)  # iter_file has logged it
            else:
                self.add(item, root)


def _qualified(article: Article, root: str) -> Iterator[str]:
    """Ids for an article whose id another input has: its id under the name of its input
    folder ("tech/001"), or, for a file named on its own, under its folder's, then more of
    its path ("politics/010", "bbc/politics/010")."""
    where = Path(root)
    folders = where.parts if where.is_dir() else where.parent.parts
    for depth in range(1, len(folders) + 1):
        yield "/".join((*folders[-depth:], article.id))
    yield f"{root}/{article.id}"


def _named(paths: Sequence[str | Path]) -> Iterator[tuple[Path, str, str]]:
    """Each file of `paths` with its name (`readers.named_paths`) and the input it came from."""
    for raw in paths:
        if any(ch in str(raw) for ch in "*?[") or Path(raw).exists():
            for path, name in named_paths([raw]):
                yield path, name, str(raw)


def _fingerprint(text: str) -> bytes:
    """A digest of an article's text, for telling the very same article read twice."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def read_path(found: tuple[Path, ReadOptions]) -> list[Article | Skipped]:
    """The articles of one file, or why it was skipped: a task for an executor's worker."""
    path, options = found
    return list(iter_file(path, options))


class _LazyFetcher:
    """A Fetcher made on first use: a run without feeds opens no connection pool."""

    def __init__(self, options: HttpOptions) -> None:
        self.options = options
        self._fetcher: Fetcher | None = None

    def __call__(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options)
        return self._fetcher

    def close(self) -> None:
        """Close the Fetcher, if one was made."""
        if self._fetcher is not None:
            self._fetcher.close()


class _FeedSource:
    """One `feed:` source: fetched (conditionally) or read from disk, then item by item."""

    def __init__(
        self,
        spec: SourceSpec,
        settings: ReadingSettings,
        options: ReadOptions,
        collect: _Collector,
        state: State | None,
        fetch: _LazyFetcher,
    ) -> None:
        assert spec.feed is not None
        self.is_url = urlsplit(spec.feed).scheme.lower() in ("http", "https")
        self.location = spec.feed if self.is_url else str(settings.resolve(spec.feed))
        self.spec = spec
        self.options = options
        self.collect = collect
        self.state = state
        self.fetch = fetch
        self.failures = 0

    def read(self) -> None:
        """Read the feed's new items into the collector; list what fails."""
        page = None
        if self.is_url:
            page = self._download()
            if page is None:
                return
            reader = FeedReader(
                page.content,
                self.location,
                base_url=page.url,
                zone=self.options.timezone,
                declared=page.charset,
            )
        else:
            data = self._read_file()
            if data is None:
                return
            reader = FeedReader(data, self.location, base_url=None, zone=self.options.timezone)
        already = 0
        pending: list[FeedItem] = []
        try:
            for item in reader.items():
                if self.state is not None and self.state.already_read(
                    item_id(self.location, item.key)
                ):
                    already += 1
                elif not self.collect.window.contains(item.published):
                    self.collect.outside += 1
                elif self.spec.fetch_articles and item.link:
                    pending.append(item)
                    if len(pending) == _FETCH_BATCH:
                        self._fetch_pages(pending, reader)
                        pending = []
                elif item.text:
                    self.collect.add(self._article(item, reader))
                else:
                    self._skip_item(
                        item,
                        "the feed item has no text; Hint: set 'fetch_articles: true' on the source",
                        retry=False,
                    )
        except InputError as exc:
            self.failures += 1
            self.collect.skip(self.location, str(exc).removeprefix(f"{self.location}: "))
        self._fetch_pages(pending, reader)
        log.info("%s: %d items, %d read in an earlier run", self.location, reader.count, already)
        if page is not None and self.state is not None and not self.failures:
            # Only a feed read in full may be skipped as unchanged next time: a failed item
            # must be tried again, and a 304 would hide it.
            self.state.remember_validators(self.location, page.etag, page.last_modified)

    def _download(self) -> Page | None:
        known = self.state.validators(self.location) if self.state is not None else None
        try:
            page = self.fetch().get(
                self.location,
                etag=known.etag if known else None,
                last_modified=known.last_modified if known else None,
            )
        except FetchError as exc:
            self.collect.skip(self.location, exc.reason)
            return None
        if page.status == 304:
            log.info("%s: not changed since the last run", self.location)
            return None
        return page

    def _read_file(self) -> bytes | None:
        path = Path(self.location)
        try:
            size = path.stat().st_size
            if size > self.options.max_size:
                raise InputError(too_big(self.location, size, self.options.max_size))
            return path.read_bytes()
        except InputError as exc:
            self.collect.skip(self.location, str(exc).removeprefix(f"{self.location}: "))
        except OSError as exc:
            self.collect.skip(self.location, f"cannot read: {exc.strerror or exc}")
        return None

    def _article(self, item: FeedItem, reader: FeedReader) -> Article:
        article = item_article(
            item,
            reader,
            location=self.location,
            path=item.link or self.location,
            options=self.options,
        )
        return replace(article, feed=self.location)

    def _fetch_pages(self, items: list[FeedItem], reader: FeedReader) -> None:
        links = [item.link or "" for item in items]
        for item, result in zip(items, self.fetch().get_all(links) if items else [], strict=True):
            if isinstance(result, FetchError):
                self._skip_item(item, result.reason)
                continue
            try:
                markup = decode(
                    result.url,
                    result.content,
                    self.options,
                    declared=result.charset or declared_charset(result.content),
                )
                page = page_article(
                    markup,
                    path=result.url,
                    ident=item_id(self.location, item.key),
                    url=result.url,
                    options=self.options,
                )
            except InputError as exc:
                self._skip_item(item, str(exc).removeprefix(f"{result.url}: "), retry=False)
                continue
            # The feed's metadata is the publisher's own; the page's fills the gaps.
            self.collect.add(
                replace(
                    page,
                    title=item.title or page.title,
                    published=item.published or page.published,
                    author=item.author or page.author,
                    source=self.options.outlet or page.source or reader.title,
                    url=item.link,
                    feed=self.location,
                )
            )

    def _skip_item(self, item: FeedItem, reason: str, *, retry: bool = True) -> None:
        """List an item as not read; `retry`: the cause may pass, so ask again next run."""
        self.failures += retry
        self.collect.skip(item.link or f"{self.location}#{item.key}", reason)

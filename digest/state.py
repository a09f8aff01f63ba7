"""The state file: what earlier runs did, in SQLite, so a cron run picks up where they left.

One run opens one connection (lazily: a run without feeds never creates the file) and
makes all of its changes in one transaction, committed by the caller once the brief is
written. A run that fails part way leaves the file as it was: a feed item is recorded
as read only together with the brief that shows it, and a feed's validators (ETag,
Last-Modified) only with the items they stand for.

"Earlier" means "for another brief": rebuilding the same day's brief reads the same
items again, with an unconditional request, so a re-run never loses what the first
run showed. The schema is versioned (`PRAGMA user_version`); each step of `_MIGRATIONS`
adds tables. Step 2 keeps the briefs built and the claims and articles they carried (so a
brief can mark what is new since the last one), the send ledger (`ledger.py`) and a row
per cron run (`run.py`); step 3 the stories each brief showed, so a story that goes on
the next day keeps its id. Those two write in transactions of their own (`write_now`),
committed at once, never mixed with a run's build transaction.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from .errors import DigestError
from .model import Article

log = logging.getLogger("digest")

# Step N brings the schema from version N to N+1. Never edit a step once released.
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        # What a server said about a feed, to ask "anything new?" next time.
        """CREATE TABLE http_validators (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            brief TEXT NOT NULL,
            checked_at TEXT NOT NULL
        )""",
        # Feed items shown in a brief, never read again for another one.
        """CREATE TABLE read_items (
            article_id TEXT PRIMARY KEY,
            feed TEXT NOT NULL,
            url TEXT,
            brief TEXT NOT NULL,
            read_at TEXT NOT NULL
        )""",
    ),
    (
        # Briefs built (the day's date; first built at), so "new" is "in no earlier brief".
        """CREATE TABLE briefs (
            brief TEXT PRIMARY KEY,
            built_at TEXT NOT NULL,
            articles INTEGER NOT NULL,
            claims INTEGER NOT NULL,
            stories INTEGER NOT NULL
        )""",
        # Claims (by a digest of their normalised wording) and articles a brief carried.
        """CREATE TABLE seen_claims (
            key TEXT PRIMARY KEY,
            first_brief TEXT NOT NULL,
            last_brief TEXT NOT NULL
        )""",
        """CREATE TABLE seen_articles (
            article_id TEXT PRIMARY KEY,
            first_brief TEXT NOT NULL,
            last_brief TEXT NOT NULL
        )""",
        # The send ledger: one row per (brief, subscriber); `sent` only after the server's
        # reply to DATA accepted the message.
        """CREATE TABLE deliveries (
            brief TEXT NOT NULL,
            subscriber TEXT NOT NULL,
            message_id TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            reply TEXT,
            queued_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            sent_at TEXT,
            PRIMARY KEY (brief, subscriber)
        )""",
        # One row per `digest run` / `digest send`: a row left 'running' is a run that died.
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            command TEXT NOT NULL,
            brief TEXT NOT NULL,
            pid INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            summary TEXT
        )""",
    ),
    (
        # Stories (events) a brief showed: their articles and the words they are about,
        # so that a story of a later day that goes on keeps its id and reads "developing".
        """CREATE TABLE stories (
            story_id TEXT NOT NULL,
            brief TEXT NOT NULL,
            headline TEXT NOT NULL,
            article_ids TEXT NOT NULL,
            words TEXT NOT NULL,
            PRIMARY KEY (story_id, brief)
        )""",
        "CREATE INDEX stories_by_brief ON stories (brief)",
    ),
)
SCHEMA_VERSION = len(_MIGRATIONS)
STORY_MEMORY_DAYS = 7
"""How far back a story is looked for when today's may go on with it."""


@dataclass(frozen=True)
class Validators:
    """What a server sent to identify a version of a document."""

    etag: str | None
    last_modified: str | None


class StateError(DigestError):
    """The state file cannot be used; the message names it and a hint."""


class State:
    """One run's view of the state file, for the brief of `brief` (a date)."""

    def __init__(self, path: Path, brief: date) -> None:
        self.path = path
        self.brief = brief.isoformat()
        self._db: sqlite3.Connection | None = None

    def __enter__(self) -> State:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def validators(self, url: str) -> Validators | None:
        """The validators a server sent for `url` in a run for another brief, if any."""
        row = self._query(
            "SELECT etag, last_modified FROM http_validators WHERE url = ? AND brief != ?",
            (url, self.brief),
        ).fetchone()
        return Validators(row[0], row[1]) if row and (row[0] or row[1]) else None

    def remember_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Keep what the server sent for `url`, for the next run's conditional request."""
        self._write(
            "INSERT OR REPLACE INTO http_validators VALUES (?, ?, ?, ?, ?)",
            (url, etag, last_modified, self.brief, _now()),
        )

    def already_read(self, article_id: str) -> bool:
        """Whether a feed item was shown in another brief already."""
        row = self._query(
            "SELECT 1 FROM read_items WHERE article_id = ? AND brief != ?", (article_id, self.brief)
        ).fetchone()
        return row is not None

    def mark_read(self, articles: Iterable[Article]) -> int:
        """Record the feed items among `articles` as read for this brief; how many were."""
        rows = [(a.id, a.feed, a.url, self.brief, _now()) for a in articles if a.feed]
        if rows:
            self._write_many("INSERT OR IGNORE INTO read_items VALUES (?, ?, ?, ?, ?)", rows)
        return len(rows)

    def earlier_brief(self) -> str | None:
        """The date of the latest brief built before this one, if any (ISO)."""
        row = self._query("SELECT max(brief) FROM briefs WHERE brief < ?", (self.brief,)).fetchone()
        return row[0] if row else None

    def seen_before(self, claim_keys: Iterable[str], article_ids: Iterable[str]) -> Seen:
        """Which of these claims (by `merge.claim_key`) and articles an earlier brief carried."""
        keys = {_digest(key): key for key in claim_keys}
        claims = {keys[k] for k in self._earlier("seen_claims", "key", list(keys))}
        ids = list(dict.fromkeys(article_ids))
        articles = set(self._earlier("seen_articles", "article_id", ids))
        return Seen(frozenset(claims), frozenset(articles))

    def remember_brief(
        self, claim_keys: Iterable[str], article_ids: Iterable[str], *, claims: int, stories: int
    ) -> None:
        """Record this brief and the claims and articles it carries (committed with the run)."""
        articles = list(dict.fromkeys(article_ids))
        # Rebuilding a day's brief changes no row: first and last brief stay the same.
        upsert = (
            "INSERT INTO {table} VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET "
            "first_brief = min(first_brief, excluded.first_brief), "
            "last_brief = max(last_brief, excluded.last_brief)"
        )
        self._write(
            "INSERT INTO briefs VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
            "articles = excluded.articles, claims = excluded.claims, stories = excluded.stories",
            (self.brief, _now(), len(articles), claims, stories),
        )
        keys = sorted({_digest(key) for key in claim_keys})
        self._write_many(
            upsert.format(table="seen_claims"), [(k, self.brief, self.brief) for k in keys]
        )
        self._write_many(
            upsert.format(table="seen_articles"), [(a, self.brief, self.brief) for a in articles]
        )

    def earlier_stories(self, days: int = STORY_MEMORY_DAYS) -> list[EarlierStory]:
        """The stories of the briefs of the `days` days before this one, latest first."""
        since = (date.fromisoformat(self.brief) - timedelta(days=days)).isoformat()
        rows = self._query(
            "SELECT story_id, brief, headline, article_ids, words FROM stories "
            "WHERE brief < ? AND brief >= ? ORDER BY brief DESC, story_id",
            (self.brief, since),
        )
        return [
            EarlierStory(
                row[0], row[1], row[2], frozenset(json.loads(row[3])), frozenset(json.loads(row[4]))
            )
            for row in rows
        ]

    def remember_stories(self, stories: Iterable[EarlierStory]) -> None:
        """Record the stories this brief shows (committed with the run; a rebuild replaces)."""
        self._write("DELETE FROM stories WHERE brief = ?", (self.brief,))
        rows = [
            (
                s.story_id,
                self.brief,
                s.headline,
                json.dumps(sorted(s.article_ids)),
                json.dumps(sorted(s.words)),
            )
            for s in stories
        ]
        if rows:
            self._write_many("INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?)", rows)

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only statement (for the send ledger and the runs table)."""
        return list(self._query(sql, params).fetchall())

    def write_now(self, sql: str, params: tuple[object, ...] = ()) -> int:
        """Run one write in a transaction of its own, committed before returning; rows changed.

        The send ledger needs each row durable the moment it is written, so this refuses to
        run while the run's build transaction is open: that one is committed (or rolled
        back) first, never as a side effect of recording a delivery.
        """
        db = self._connection()
        if db.in_transaction:
            raise StateError(
                f"{self.path}: a delivery record would commit the run's pending changes; "
                "Hint: this is a bug in digest: commit() or rollback() the run first"
            )
        try:
            with db:  # BEGIN ... COMMIT, or ROLLBACK on error
                db.execute("BEGIN IMMEDIATE")
                return db.execute(sql, params).rowcount
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def rollback(self) -> None:
        """Drop this run's uncommitted changes (a run that failed remembers nothing)."""
        if self._db is not None and self._db.in_transaction:
            self._db.rollback()

    def commit(self) -> None:
        """Make this run's changes permanent, all at once."""
        if self._db is not None and self._db.in_transaction:
            try:
                self._db.commit()
            except sqlite3.Error as exc:
                raise self._error(exc) from None

    def close(self) -> None:
        """Close the connection; changes not committed are rolled back."""
        if self._db is not None:
            self._db.close()
            self._db = None

    # -- the connection ------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                try:
                    _migrate(db, self.path)
                except BaseException:
                    db.close()
                    raise
            except sqlite3.Error as exc:
                raise self._error(exc) from None
            except OSError as exc:
                raise StateError(
                    f"{self.path}: cannot create the state file: {exc.strerror or exc}; "
                    "Hint: point 'state:' in the config at a writable place"
                ) from None
            self._db = db
        return self._db

    def _query(self, sql: str, params: tuple[object, ...]) -> sqlite3.Cursor:
        try:
            return self._connection().execute(sql, params)
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def _earlier(self, table: str, column: str, values: Sequence[str]) -> list[str]:
        found: list[str] = []
        for start in range(0, len(values), 500):  # SQLite caps the number of parameters
            chunk = values[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self._query(
                f"SELECT {column} FROM {table} WHERE first_brief < ? AND {column} IN ({marks})",
                (self.brief, *chunk),
            )
            found.extend(row[0] for row in rows)
        return found

    def _write(self, sql: str, params: tuple[object, ...]) -> None:
        self._write_many(sql, [params])

    def _write_many(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        db = self._connection()
        try:
            if not db.in_transaction:
                db.execute("BEGIN")
            db.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def _error(self, exc: sqlite3.Error) -> StateError:
        return StateError(
            f"{self.path}: cannot use the state file: {exc}; Hint: if it is not a digest "
            "state file, point 'state:' in the config elsewhere (a new one is made)"
        )


def _migrate(db: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to date in one transaction, or refuse a newer one."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise StateError(
            f"{path}: the state file has schema version {current}, newer than this digest "
            f"knows ({SCHEMA_VERSION}); Hint: upgrade digest, or point 'state:' elsewhere"
        )
    if current == SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        # Another run may have migrated while this one waited for the lock.
        current = db.execute("PRAGMA user_version").fetchone()[0]
        for step in _MIGRATIONS[current:]:
            for statement in step:
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    log.info("state file %s at schema version %d", path, SCHEMA_VERSION)


@dataclass(frozen=True)
class EarlierStory:
    """A story a brief showed: its id, the brief's date, its articles and its words."""

    story_id: str
    brief: str
    headline: str
    article_ids: frozenset[str]
    words: frozenset[str]


@dataclass(frozen=True)
class Seen:
    """What earlier briefs carried, of what this one does: claim keys and article ids."""

    claim_keys: frozenset[str]
    article_ids: frozenset[str]


def _digest(key: str) -> str:
    # Claims are kept as digests of their wording: fixed-size rows, and no article text.
    return hashlib.blake2b(key.encode("utf-8"), digest_size=10).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

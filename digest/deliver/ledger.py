"""The send ledger: for each (brief, subscriber), queued → sending → sent, or failed.

Rows live in the state file (`deliveries`, see state.py) and every change is its own
committed transaction, so what the file says survives a crash at any point:

- `queued`: to be sent; `attempts` and `reply` tell what happened so far.
- `sending`: the server took the envelope and the message was being handed over
  (DATA), and its outcome was never recorded: the process died between "the message
  is on its way" and "the server's answer is written down", and the server may have
  accepted it or not. The next run sends it again
  with the same Message-ID, so a duplicate is possible only in that window, and a
  receiver that drops repeated Message-IDs drops it. (Not sending again would turn that
  window into a silent loss instead.)
- `sent`: the server accepted the message: its reply to the end of DATA was 2xx. The
  row is written right after that reply, before anything else happens.
- `failed`: the server refused the message for good (5xx); never retried for this brief.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from ..state import State

QUEUED, SENDING, SENT, FAILED = "queued", "sending", "sent", "failed"


@dataclass(frozen=True)
class Entry:
    """One subscriber's row for a brief."""

    subscriber: str
    message_id: str
    status: str
    attempts: int
    reply: str | None


class Ledger:
    """The send ledger of one brief (a date), on the run's state file."""

    def __init__(self, state: State, brief: str) -> None:
        self.state = state
        self.brief = brief

    def entries(self) -> dict[str, Entry]:
        """Every row of this brief, by subscriber address (lower case)."""
        rows = self.state.query(
            "SELECT subscriber, message_id, status, attempts, reply FROM deliveries "
            "WHERE brief = ?",
            (self.brief,),
        )
        return {
            str(r[0]): Entry(str(r[0]), str(r[1]), str(r[2]), int(r[3]), _opt(r[4])) for r in rows
        }

    def started(self) -> bool:
        """Whether delivery of this brief has begun (any row at all)."""
        rows = self.state.query("SELECT 1 FROM deliveries WHERE brief = ? LIMIT 1", (self.brief,))
        return bool(rows)

    def queue(self, planned: list[tuple[str, str]]) -> None:
        """Add a `queued` row for each (subscriber, message id) that has none, in one commit."""
        now = _now()
        for start in range(0, len(planned), 100):
            chunk = planned[start : start + 100]
            values = ", ".join("(?, ?, ?, 'queued', 0, NULL, ?, ?, NULL)" for _ in chunk)
            params: list[object] = []
            for subscriber, message_id in chunk:
                params += [self.brief, subscriber, message_id, now, now]
            self.state.write_now(
                f"INSERT OR IGNORE INTO deliveries VALUES {values}",
                tuple(params),
            )

    def begin(self, subscriber: str) -> None:
        """Record that the message is being handed over now (one more attempt)."""
        self._update(subscriber, SENDING, None, attempt=True, keep_reply=True)

    def sent(self, subscriber: str, reply: str) -> None:
        """Record the server's acceptance. Called right after its reply to DATA."""
        now = _now()
        self.state.write_now(
            "UPDATE deliveries SET status = 'sent', reply = ?, updated_at = ?, sent_at = ? "
            "WHERE brief = ? AND subscriber = ?",
            (reply, now, now, self.brief, subscriber),
        )

    def retry(self, subscriber: str, reply: str, *, attempt: bool = False) -> None:
        """Back to `queued` after a temporary failure; `attempt`: count one not yet counted."""
        self._update(subscriber, QUEUED, reply, attempt=attempt)

    def failed(self, subscriber: str, reply: str, *, attempt: bool = False) -> None:
        """Record a permanent refusal: this brief is not sent to them again."""
        self._update(subscriber, FAILED, reply, attempt=attempt)

    def _update(
        self,
        subscriber: str,
        status: str,
        reply: str | None,
        *,
        attempt: bool = False,
        keep_reply: bool = False,
    ) -> None:
        self.state.write_now(
            "UPDATE deliveries SET status = ?, attempts = attempts + ?, "
            "reply = CASE WHEN ? THEN reply ELSE ? END, updated_at = ? "
            "WHERE brief = ? AND subscriber = ?",
            (status, int(attempt), keep_reply, reply, _now(), self.brief, subscriber),
        )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

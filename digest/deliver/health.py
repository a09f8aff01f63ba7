"""Health-check pings for the cron run, in the style of healthchecks.io.

`<url>/start` when a run begins, `<url>` when it succeeds and `<url>/fail` when it
fails, each a POST whose body is the run's one-line summary. A monitor that hears
nothing by the expected time raises the alarm; one that hears /fail does at once.
A ping that fails is logged and forgotten: monitoring must never fail the job it
watches. The URL usually holds a secret token, so logs name its host only.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import httpx

from ..config.delivery import HealthcheckSettings

log = logging.getLogger("digest.delivery")


class HealthCheck:
    """Pings the configured URL; does nothing without one."""

    def __init__(self, settings: HealthcheckSettings | None, user_agent: str = "digest") -> None:
        self.settings = settings
        self.user_agent = user_agent

    def start(self) -> None:
        """The run has begun."""
        self._ping("/start", "")

    def success(self, summary: str) -> None:
        """The run did all it had to."""
        self._ping("", summary)

    def failure(self, summary: str) -> None:
        """The run failed, or left work for the next one."""
        self._ping("/fail", summary)

    def _ping(self, suffix: str, body: str) -> None:
        if self.settings is None:
            return
        url = self.settings.url + suffix
        host = urlsplit(url).netloc
        try:
            response = httpx.post(
                url,
                content=body.encode("utf-8"),
                timeout=self.settings.timeout,
                headers={"User-Agent": self.user_agent},
            )
        except (httpx.HTTPError, OSError) as exc:
            log.warning("health check ping to %s failed: %s", host, str(exc) or type(exc).__name__)
            return
        if response.status_code >= 400:
            log.warning("health check ping to %s answered %d", host, response.status_code)

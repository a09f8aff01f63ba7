"""brief.html and the email's HTML in a real browser: every in-page link lands on its
target, the full reporting opens, and nothing is fetched from anywhere.

Needs Chromium (Debian's `chromium`, which `.ci/run` installs) and playwright; skipped
with the reason when either is missing.
"""

from __future__ import annotations

import email
import shutil
from collections.abc import Iterator
from email import policy
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from digest.cli import main

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# What a closed network needs: no background requests of Chromium's own.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as play:
        launched = play.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample brief's HTML and the HTML part of the analyst's email, as files."""
    root = tmp_path_factory.mktemp("browser")
    config = root / "config.yaml"
    config.write_text(
        (ROOT / "config.yaml")
        .read_text()
        .replace("path: examples/articles", f"path: {ROOT / 'examples' / 'articles'}")
        .replace("output: out", f"output: {root / 'out'}")
        + "\nstate: null\n"
    )
    runner = CliRunner()
    built = runner.invoke(main, ["build", "--config", str(config), "--date", "2023-09-13"])
    assert built.exit_code == 0, built.output
    sent = runner.invoke(main, ["send", "--config", str(config), "--date", "2023-09-13"])
    assert sent.exit_code == 0, sent.output
    out = root / "out" / "2023-09-13"
    message = email.message_from_bytes(
        (out / "outbox" / "analyst@example.org.eml").read_bytes(), policy=policy.default
    )
    html = message.get_body(("html",))
    assert html is not None
    mail = root / "email.html"
    mail.write_text(html.get_content(), encoding="utf-8")  # type: ignore[attr-defined]
    return {"brief": out / "brief.html", "email": mail}


def _open(browser: Any, path: Path) -> tuple[Any, list[str]]:
    """The page loaded from its file, and every request it made besides itself."""
    page = browser.new_page()
    asked: list[str] = []
    url = path.as_uri()

    def route(found: Any) -> None:
        if found.request.url.split("#")[0] != url:
            asked.append(found.request.url)
            found.abort()
        else:
            found.continue_()

    page.route("**/*", route)
    page.goto(url)
    return page, asked


# Clicks every in-page link; after each, its target must exist, be shown (any <details>
# around it opened) and be scrolled into view.
_FOLLOW = """() => {
  const failed = [];
  const links = [...document.querySelectorAll('a[href^="#"]')];
  for (const link of links) {
    const id = decodeURIComponent(link.getAttribute("href").slice(1));
    const target = document.getElementById(id);
    if (!target) { failed.push(`${id}: no element`); continue; }
    link.click();
    for (let d = target.closest("details"); d; d = d.parentElement.closest("details")) {
      if (!d.open) failed.push(`${id}: inside a closed <details>`);
    }
    const box = target.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) failed.push(`${id}: not in view`);
  }
  return {count: links.length, failed};
}"""


@pytest.mark.parametrize("name", ["brief", "email"])
def test_every_in_page_link_lands_on_its_target(
    browser: Any, pages: dict[str, Path], name: str, tmp_path: Path
) -> None:
    page, asked = _open(browser, pages[name])
    result = page.evaluate(_FOLLOW)
    assert result["count"] > 10 and result["failed"] == []
    assert asked == []  # nothing fetched: no image, font, stylesheet or script from anywhere
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
    page.close()


def test_the_full_reporting_opens_story_by_story(browser: Any, pages: dict[str, Path]) -> None:
    page, asked = _open(browser, pages["brief"])
    stories = page.locator("details.story")
    count = stories.count()
    assert count >= 5
    assert not any(stories.nth(i).evaluate("d => d.open") for i in range(count))
    first = stories.nth(0)
    first.locator("summary").click()
    assert first.evaluate("d => d.open")
    assert first.locator("ul.claims li").count() >= 1
    assert first.locator("ul.claims li").first.is_visible()
    assert asked == []
    page.close()

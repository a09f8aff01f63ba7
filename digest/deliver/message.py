"""One subscriber's email: their part of the brief, as readable text and inlined HTML, in MIME.

The message is multipart/alternative (text/plain written for reading, text/html with
the CSS inlined by css-inline, since mail clients drop <style>), inside
multipart/mixed with the PDF when the subscriber asked for it. Subject, text and HTML
come from templates (`email_subject.j2`, `email.txt.j2`, `email.html.j2` and
`email.css`) that a user's template folder overrides like the brief's own.

Headers can never be injected: every value that reaches a header (names, the subject,
the brief's title) is made one line first, the email package refuses CR and LF in
header values, and the serialized message is parsed back and must carry exactly the
headers that were set.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import css_inline
import jinja2
from markupsafe import Markup

from ..compose.brief import number_sources
from ..config.load import Config
from ..errors import ConfigError, InputError, RenderError
from ..model import Brief, Section, SourceRef, Story
from ..render.filters import markdown_to_html
from ..render.markdown import render_markdown
from ..render.templates import _render, template_environment
from ..render.text_filters import one_line
from .subscribers import OTHER, Subscriber

log = logging.getLogger("digest.delivery")

SUBJECT = "email_subject.j2"
TEXT = "email.txt.j2"
HTML = "email.html.j2"
EMAIL_CSS = "email.css"

# Bodies are encoded at RFC 2045's 76 columns by the email package; headers are written
# up to RFC 5322's 998 so that a long List-Unsubscribe URL stays one token instead of
# being folded into encoded words no client would follow.
_BUILD = policy.SMTP
_WIRE = policy.SMTP.clone(max_line_length=998)


@dataclass(frozen=True)
class Outgoing:
    """A message ready to go: the bytes sent (or written to the outbox) and its envelope."""

    subscriber: Subscriber
    message_id: str
    sender: str
    data: bytes
    html_size: int | None
    oversized: bool


# --- the subscriber's part of the brief -----------------------------------------------------


def brief_for(brief: Brief, topics: Iterable[str] | None) -> Brief:
    """The brief cut to `topics` (ids; `other` is Other reporting); None: the whole brief.

    Sources are the articles of the remaining stories and dates (and the originals of
    their syndicated copies), renumbered as the brief numbers them (those the shown part
    cites first); counts in `stats` are the subscriber's.
    """
    if topics is None:
        return brief
    keep = set(topics)
    sections = tuple(_only(s, keep) for s in brief.sections if s.topic_id in keep)
    other = brief.other if brief.other is not None and OTHER in keep else None
    stories = {st.id: st for s in (*sections, *([other] if other else ())) for st in s.stories}
    bottom = tuple(
        replace(b, story=stories[b.story.id]) for b in brief.bottom_line if b.story.id in stories
    )
    timeline = tuple(e for e in brief.timeline if e.story_id in stories)
    watch = tuple(e for e in brief.watch_list if e.story_id in stories)
    cited = {a for st in stories.values() for a in st.article_ids}
    cited |= {a for e in (*timeline, *watch) for a in e.article_ids}
    by_number = {s.number: s for s in brief.sources}
    cited |= {
        by_number[s.copy_of].article_id
        for s in brief.sources
        if s.article_id in cited and s.copy_of in by_number
    }
    kept = [s for s in brief.sources if s.article_id in cited]
    stats = replace(
        brief.stats,
        articles=len(kept),
        outlets=len({s.outlet for s in kept if s.outlet}),
        claims=sum(len(m.claims) for st in stories.values() for m in st.claims),
        stories=len(stories),
    )
    view = replace(
        brief,
        bottom_line=bottom,
        sections=sections,
        other=other,
        threads=brief.threads if other is not None else (),
        timeline=timeline,
        watch_list=watch,
        sources=_renumbered(kept),
        stats=stats,
    )
    return number_sources(view)


def _renumbered(kept: list[SourceRef]) -> tuple[SourceRef, ...]:
    renumber = {s.number: i for i, s in enumerate(kept, 1)}
    return tuple(
        replace(s, number=renumber[s.number], copy_of=renumber.get(s.copy_of or 0)) for s in kept
    )


def _only(section: Section, keep: set[str]) -> Section:
    """The section with "also under" marks for topics the subscriber does not get removed."""

    def trim(story: Story) -> Story:
        return replace(story, also_topics=tuple(t for t in story.also_topics if t in keep))

    stories = tuple(trim(s) for s in section.stories)
    by_id = {s.id: s for s in stories}
    items = tuple(replace(i, story=by_id[i.story.id]) for i in section.items)
    return replace(section, stories=stories, items=items)


def all_stories(brief: Brief) -> list[Story]:
    """Every story of the brief: the topics' sections, then Other reporting."""
    return list(brief.stories())


def has_news(brief: Brief) -> bool:
    """Whether the brief has something to send: a story, and a new or developing one when
    that is known (a story of only old articles is not news)."""
    stories = all_stories(brief)
    if any(story.status is not None for story in stories):
        return any(story.new for story in stories)
    return bool(stories)


def message_id(config: Config, day: date, subscriber: Subscriber) -> str:
    """A Message-ID stable for (brief, subscriber), so a receiver can drop a resent copy."""
    _, sender = config.settings.delivery.sender or ("", "digest@localhost")
    seed = "\0".join((sender.lower(), config.brief.title, day.isoformat(), subscriber.key))
    digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:20]
    return f"<{day.isoformat()}.{digest}@{sender.rpartition('@')[2].lower()}>"


# --- building messages --------------------------------------------------------------------


class MessageBuilder:
    """Builds each subscriber's message for one brief; bodies shared by equal topic choices."""

    def __init__(self, config: Config, brief: Brief, brief_dir: Path, *, now: datetime) -> None:
        self.config = config
        self.brief = brief
        self.brief_dir = brief_dir
        self.now = now
        self.settings = config.settings.delivery
        sender = self.settings.sender
        if sender is None:
            raise ConfigError(
                f"{config.path}: delivery.from: not set, and a message needs a sender\n"
                "Hint: add 'delivery: {from: \"Desk <desk@example.org>\"}' to the config"
            )
        self.sender_name, self.sender = sender
        self.env = template_environment(config.template_dir)
        self._css: Markup | None = None
        self._bodies: dict[tuple[str, ...] | None, tuple[Brief, str]] = {}
        self._html_bodies: dict[str, Markup] = {}
        self._files: dict[str, bytes] = {}

    def view(self, subscriber: Subscriber) -> Brief:
        """The subscriber's part of the brief."""
        return self._body(subscriber.topics)[0]

    def build(self, subscriber: Subscriber, message_id: str) -> Outgoing:
        """The subscriber's message, serialized exactly as it is sent."""
        view, markdown = self._body(subscriber.topics)
        counts = _counts(view)
        context = {
            "brief": view,
            "subscriber": subscriber,
            "topic_titles": None
            if subscriber.topics is None
            else [view.topic_titles.get(t, "Other reporting") for t in subscriber.topics],
            "unsubscribe": self._unsubscribe(subscriber),
            "brief_url": self._brief_url(),
            "attachment": self._required_pdf() if subscriber.wants_pdf else None,
            "oversized": False,
            **counts,
        }
        subject = one_line(_render(self.env, SUBJECT, **context))
        context["subject"] = subject
        html = None
        oversized = False
        if subscriber.wants_html:
            html = self._html(context, markdown)
            if len(html.encode("utf-8")) > self.settings.html_limit:
                # Clients clip long HTML (Gmail near 102 kB): say so at the top, where it is
                # still read, and attach the whole brief.
                oversized = True
                context["oversized"] = True
                context["attachment"] = self._pdf_name() or self._html_name()
                log.warning(
                    "the HTML for %s is %d kB, over delivery.html_limit (%d kB): mail clients "
                    "may clip it; it says so at the top, and %s is attached",
                    subscriber.address,
                    len(html.encode("utf-8")) // 1000,
                    self.settings.html_limit // 1000,
                    context["attachment"],
                )
                html = self._html(context, markdown)
        text = _tidy(_render(self.env, TEXT, **context))
        msg = self._mime(subscriber, subject, message_id, text, html)
        if subscriber.wants_pdf or oversized:
            self._attach_full_brief(msg, html)
        data = msg.as_bytes(policy=_WIRE)
        check_headers(msg, data)
        size = None if html is None else len(html.encode("utf-8"))
        return Outgoing(subscriber, message_id, self.sender, data, size, oversized)

    # -- parts ----------------------------------------------------------------------------

    def _body(self, topics: tuple[str, ...] | None) -> tuple[Brief, str]:
        if topics not in self._bodies:
            view = brief_for(self.brief, topics)
            self._bodies[topics] = (view, render_markdown(view, self.env))
        return self._bodies[topics]

    def _html(self, context: dict[str, Any], markdown: str) -> str:
        if self._css is None:
            self._css = _stylesheet(self.env)
        if markdown not in self._html_bodies:
            self._html_bodies[markdown] = Markup(markdown_to_html(markdown))
        page = _render(self.env, HTML, body=self._html_bodies[markdown], css=self._css, **context)
        try:
            # Nothing is fetched: the stylesheet is in the page, and links stay links.
            inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)
            return inliner.inline(page)
        except (css_inline.InlineError, ValueError) as exc:
            raise RenderError(f"{EMAIL_CSS}: cannot inline the stylesheet: {exc}") from exc

    def _mime(
        self, subscriber: Subscriber, subject: str, mid: str, text: str, html: str | None
    ) -> EmailMessage:
        msg = EmailMessage(policy=_BUILD)
        msg["From"] = Address(display_name=one_line(self.sender_name), addr_spec=self.sender)
        msg["To"] = Address(display_name=one_line(subscriber.name), addr_spec=subscriber.address)
        if self.settings.reply_to:
            msg["Reply-To"] = self.settings.reply_to
        msg["Subject"] = subject
        msg["Date"] = format_datetime(self.now)
        msg["Message-ID"] = mid
        unsubscribe = self._unsubscribe(subscriber)
        links = [f"<{unsubscribe[k]}>" for k in ("mailto_link", "url") if unsubscribe[k]]
        if links:
            msg["List-Unsubscribe"] = ", ".join(links)
            if (unsubscribe["url"] or "").startswith("https://"):
                # RFC 8058 one-click: a POST to the https URL unsubscribes, no page to visit.
                msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to the desk
        msg.set_content(text)
        if html is not None:
            msg.add_alternative(html, subtype="html")
        return msg

    def _attach_full_brief(self, msg: EmailMessage, html: str | None) -> None:
        name = self._pdf_name()
        if name is not None:
            msg.add_attachment(self._file("brief.pdf"), "application", "pdf", filename=name)
        elif html is not None:
            msg.add_attachment(html.encode("utf-8"), "text", "html", filename=self._html_name())

    def require_pdf(self) -> None:
        """InputError now if the PDF is not built: before a message goes, not halfway."""
        self._required_pdf()

    def _required_pdf(self) -> str:
        name = self._pdf_name()
        if name is None:
            path = self.brief_dir / "brief.pdf"
            raise InputError(
                f"{path}: not built, and a subscriber asked for the PDF; Hint: build the "
                "brief with the pdf format (`digest build` makes it by default)"
            )
        return name

    def _file(self, name: str) -> bytes:
        if name not in self._files:
            path = self.brief_dir / name
            try:
                self._files[name] = path.read_bytes()
            except OSError as exc:
                raise InputError(
                    f"{path}: cannot read it: {exc.strerror or exc}; Hint: build the brief "
                    "with the pdf format (`digest build` makes it by default)"
                ) from None
        return self._files[name]

    def _pdf_name(self) -> str | None:
        if not (self.brief_dir / "brief.pdf").is_file():
            return None
        return f"{_slug(self.brief.title)}-{self.brief.date.isoformat()}.pdf"

    def _html_name(self) -> str:
        return f"{_slug(self.brief.title)}-{self.brief.date.isoformat()}.html"

    def _unsubscribe(self, subscriber: Subscriber) -> dict[str, str | None]:
        settings = self.settings.unsubscribe
        found: dict[str, str | None] = {"mailto": None, "mailto_link": None, "url": None}
        if settings is None:
            return found
        if settings.mailto:
            found["mailto"] = settings.mailto
            found["mailto_link"] = f"mailto:{settings.mailto}?subject=" + quote(
                f"unsubscribe {subscriber.address}", safe=""
            )
        if settings.url:
            found["url"] = settings.url.replace("{address}", quote(subscriber.address, safe=""))
        return found

    def _brief_url(self) -> str | None:
        url = self.settings.brief_url
        return None if url is None else url.replace("{date}", self.brief.date.isoformat())


def _counts(view: Brief) -> dict[str, Any]:
    """What the subject counts: topics with stories, their stories, Other reporting's, new."""
    topics = [s for s in view.sections if s.stories]
    stories = [story for section in topics for story in section.stories]
    known = any(s.status is not None for s in all_stories(view))
    return {
        "topics": len(topics),
        "stories": len(stories),
        "other": len(view.other.stories) if view.other is not None else 0,
        "new": sum(1 for s in stories if s.new) if known else None,
    }


def _stylesheet(env: jinja2.Environment) -> Markup:
    try:
        source = env.loader.get_source(env, EMAIL_CSS)[0] if env.loader else None
    except jinja2.TemplateNotFound:
        source = None
    if source is None:
        raise RenderError(f"{EMAIL_CSS}: stylesheet not found; Hint: restore digest's default")
    return Markup(source.replace("</", "<\\/"))  # a stylesheet cannot close its <style>


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "brief"


def _tidy(text: str) -> str:
    # As for the Markdown: no trailing spaces (but the "-- " signature line keeps its
    # space), at most one blank line in a row, one final newline.
    lines = [line if line == "-- " else line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def check_headers(msg: EmailMessage, data: bytes) -> None:
    """Refuse a message whose serialized headers are not exactly the ones set on it.

    Values are made one line before they are set and the email package rejects CR/LF,
    so this never fires; it is the last line of defence against a header injected
    through a name, a title or a template.
    """
    expected = [name.lower() for name in msg]  # header names, in order
    parsed = BytesHeaderParser(policy=policy.default).parsebytes(data)
    found = [name.lower() for name in parsed]
    if sorted(found) != sorted(expected) or any(
        "\r" in str(value) or "\n" in str(value) for value in parsed.values()
    ):
        raise RenderError(
            f"message {msg['Message-ID']}: headers {found} differ from those set {expected}; "
            "Hint: a name or title holds a line break; this is a bug in digest, please report it"
        )


def check_email(config: Config) -> list[str]:
    """What `digest check` finds wrong with delivery: subscribers, sender, email templates."""
    from ..render.sample import sample_briefs
    from .subscribers import load_subscribers

    problems: list[str] = []
    try:
        subscribers = load_subscribers(config)
    except ConfigError as exc:
        return [str(exc)]
    settings = config.settings
    if settings.smtp is not None and config.state_path is None:
        problems.append(
            f"{config.path}: state: null, but smtp: sends record each message in the state "
            "file\nHint: remove 'state: null'"
        )
    if subscribers and settings.delivery.sender is None:
        problems.append(
            f"{config.path}: delivery.from: not set, and the subscribers' messages need a "
            "sender\nHint: add 'delivery: {from: \"Desk <desk@example.org>\"}'"
        )
    if settings.delivery.sender is None:
        return problems
    someone = Subscriber("check@example.org", "Check", formats=frozenset({"html"}))
    for sample in sample_briefs():
        try:
            builder = MessageBuilder(config, sample, Path("/nonexistent"), now=sample.issued)
            builder.build(someone, message_id(config, sample.date, someone))
        except RenderError as exc:
            problems.append(str(exc))
    return list(dict.fromkeys(problems))

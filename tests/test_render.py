"""Rendering a Brief to Markdown, HTML, PDF and JSON: content, order, escaping, determinism."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from pypdf import PdfReader

from digest.classify.parse import Topic, compile_topics
from digest.compose.brief import compose_brief, number_sources
from digest.errors import RenderError
from digest.model import (
    Article,
    Brief,
    BriefStats,
    Claim,
    ClaimKind,
    DateRef,
    MergedClaim,
    Section,
    Skipped,
    Span,
    Speaker,
    Story,
    Thread,
    TimelineEntry,
    TopicMatch,
)
from digest.render.brief_json import render_json
from digest.render.check import check_templates
from digest.render.filters import css_string, md, mdurl
from digest.render.markdown import render_html, render_markdown, render_pdf
from digest.render.templates import default_template_dir, template_environment
from digest.render.write import FORMATS, write_brief

KST = timezone(timedelta(hours=9), "KST")
EDT = timezone(timedelta(hours=-4), "EDT")

HOSTILE = (
    "<script>alert(1)</script> [x](javascript:alert(1)) "
    '<img src="file:///etc/passwd"> # Heading | a | b |'
)
MILLER_QUOTE = (
    "We will monitor what happens and will not hesitate to take action to hold those "
    "accountable if necessary."
)


# --- building a brief ---------------------------------------------------------------------


def claim(
    cid: str,
    article_id: str,
    kind: ClaimKind,
    text: str,
    speaker: tuple[str, str | None] | None = None,
    when: date | None = None,
    topic: str = "nk-russia-arms",
) -> Claim:
    who = None
    if speaker:
        who = Speaker(name=speaker[0], role=speaker[1], mention="he", span=Span(3, 5))
    return Claim(
        id=cid,
        article_id=article_id,
        kind=kind,
        text=text,
        span=Span(100, 100 + len(text)),
        speaker=who,
        cue="said" if who else None,
        cue_span=Span(6, 10) if who else None,
        when=when,
        dates=(DateRef(date(2023, 9, 13), "on Wednesday", Span(40, 52), future=True),),
        topics=(TopicMatch(topic, 3.5, ("Kim", "Putin")),),
    )


MILLER = ("Matthew Miller", "State Department spokesperson")
PUBLISHED = datetime(2023, 9, 12, 18, 0, tzinfo=EDT)


def merged(*claims: Claim, salience: float = 1.0) -> MergedClaim:
    topic = claims[0].topics[0].topic_id if claims[0].topics else None
    return MergedClaim(claims[0].id, claims, topic, salience=salience)


def story(
    sid: str,
    headline: str,
    claims: tuple[MergedClaim, ...],
    topic: str | None,
    salience: float,
    also: tuple[str, ...] = (),
    articles: tuple[str, ...] = (),
) -> Story:
    ids = articles or tuple(dict.fromkeys(a for m in claims for a in m.article_ids))
    return Story(
        id=sid,
        headline=headline,
        summary=f"{headline}, officials said.",
        article_ids=ids,
        lead_article=ids[0],
        outlets=(),
        first_published=PUBLISHED,
        last_published=PUBLISHED,
        claims=claims,
        topic_id=topic,
        also_topics=also,
        salience=salience,
    )


def _topic(topic_id: str, title: str) -> Topic:
    return compile_topics([(topic_id, title, "Kim")], {})[0]


def make_brief(**changes: Any) -> Brief:
    """Two live topics and an empty one, every kind of claim, and hostile text."""
    tue = date(2023, 9, 12)
    summit = story(
        "s1",
        "Kim heads to Russia for arms talks",
        (
            merged(
                claim("c1", "a1", "quote", MILLER_QUOTE, MILLER, tue),
                claim("c2", "a2", "quote", MILLER_QUOTE, ("Miller", None), tue),
                salience=5.0,
            ),
            merged(
                claim(
                    "c3",
                    "a1",
                    "reported",
                    "Any arms transfer from North Korea to Russia would violate multiple UNSC "
                    "resolutions.",
                    MILLER,
                    tue,
                ),
                salience=4.0,
            ),
            merged(
                claim(
                    "c4",
                    "a1",
                    "partial",
                    'The Kim–Putin meeting might be the "final step" before an arms deal.',
                    ("Jung Pak", "U.S. deputy special envoy for North Korea"),
                    date(2023, 9, 11),
                ),
                salience=3.0,
            ),
            merged(
                claim(
                    "c5", "a2", "statement", "Kim Jong-un travelled to Russia by armoured train."
                ),
                salience=2.0,
            ),
        ),
        "nk-russia-arms",
        5.0,
        also=("un-sanctions",),
    )
    hostile = story(
        "s5",
        HOSTILE,
        (
            merged(
                claim(
                    "c6",
                    "a3",
                    "quote",
                    HOSTILE,
                    ("Pat Ryder", "*Pentagon* [spokesperson](x)"),
                    tue,
                    topic="un-sanctions",
                ),
                salience=2.5,
            ),
        ),
        "un-sanctions",
        2.5,
    )
    unsc = story(
        "s6",
        "Russia cannot lift sanctions alone, US says",
        (
            merged(
                claim(
                    "c7",
                    "a1",
                    "reported",
                    "Russia cannot lift UN Security Council sanctions on North Korea unilaterally.",
                    ("State Department", None),
                    tue,
                    topic="un-sanctions",
                ),
                salience=2.0,
            ),
        ),
        "un-sanctions",
        2.0,
    )
    markets = story(
        "s7",
        "Seoul stocks close higher",
        (merged(claim("c8", "a2", "statement", "Seoul's stock market closed higher.", topic="x")),),
        None,
        0.5,
    )
    markets = dataclasses.replace(
        markets, thread_id="t1", claims=(dataclasses.replace(markets.claims[0], topic_id=None),)
    )
    articles = {
        a.id: a
        for a in (
            Article(
                "a1",
                "Yonhap",
                "US will not hesitate to take action if N. Korea provides weapons",
                "https://en.yna.co.kr/view/AEN20230913000351315",
                PUBLISHED,
                "",
                "articles/yonhap.txt",
            ),
            Article(
                "a2",
                "Reuters",
                "Kim heads to Russia (by train)",
                "https://www.reuters.com/world/asia pacific/kim_(train)",
                None,
                "",
                "articles/reuters.txt",
            ),
            Article(
                "a3",
                "Hostile [Wire](javascript:alert(1))",
                HOSTILE,
                "javascript:alert(1)",
                None,
                "",
                "articles/<img src=x>.txt",
            ),
        )
    }
    brief = compose_brief(
        day=date(2023, 9, 13),
        title="Korea Desk Daily Brief",
        issued=datetime(2023, 9, 13, 6, 0, tzinfo=KST),
        classification="UNCLASSIFIED // FOR INTERNAL USE",
        topics=[
            _topic("nk-russia-arms", "North Korea–Russia arms"),
            _topic("un-sanctions", "UN Security Council sanctions"),
            _topic("iran-funds", "Iran frozen funds waiver"),
        ],
        stories=(summit, hostile, unsc, markets),
        threads=(Thread("t1", "markets · Seoul", ("s7",)),),
        articles=articles,
        skipped=(Skipped("inbox/scan.pdf", "not a text file: PDF"),),
    )
    brief = dataclasses.replace(
        brief,
        timeline=(
            TimelineEntry(date(2023, 9, 8), "Waivers for Iranian funds signed", "s6", ("a1",)),
            TimelineEntry(date(2023, 9, 11), HOSTILE, "s5", ("a3",)),
            TimelineEntry(date(2023, 9, 12), "State Department briefing", "s1", ("a1", "a2")),
        ),
        watch_list=(
            TimelineEntry(
                date(2023, 9, 14), "Kim Jong-un expected to meet Vladimir Putin.", "s1", ("a1",)
            ),
        ),
    )
    return number_sources(dataclasses.replace(brief, **changes))


TOPIC_TITLES = (
    "North Korea–Russia arms",
    "UN Security Council sanctions",
    "Iran frozen funds waiver",
)


@pytest.fixture(scope="module")
def brief() -> Brief:
    return make_brief()


@pytest.fixture(scope="module")
def markdown(brief: Brief) -> str:
    return render_markdown(brief, template_environment())


@pytest.fixture(scope="module")
def html(brief: Brief, markdown: str) -> str:
    return render_html(brief, template_environment(), markdown)


@pytest.fixture(scope="module")
def pdf(brief: Brief, markdown: str) -> bytes:
    return render_pdf(render_html(brief, template_environment(), markdown, for_pdf=True))


def squash(text: str) -> str:
    return " ".join(text.split())


class PageParser(HTMLParser):
    """Collects tags, attributes and visible text of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, k, v or "") for k, v in attrs)
        if tag in ("style", "script", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "title"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def parse_html(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


# --- Markdown -----------------------------------------------------------------------------


def test_markdown_follows_the_sketch_order(markdown: str) -> None:
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings == [
        "# Korea Desk Daily Brief — Wednesday 13 September 2023",
        "## Bottom line",
        "## North Korea–Russia arms",
        "### Kim heads to Russia for arms talks",
        "## UN Security Council sanctions",
        f"### {md(HOSTILE)}",
        "### Russia cannot lift sanctions alone, US says",
        "## Iran frozen funds waiver",
        "## Other reporting",
        "## Timeline",
        "## Watch list",
        "## Sources",
        "### Sources not read",
    ]
    assert (
        "**UNCLASSIFIED // FOR INTERNAL USE** · 3 articles from 3 outlets · 4 stories · "
        "issued 06:00 KST"
    ) in markdown


def test_a_story_is_one_item_with_a_claim_per_speaker(markdown: str) -> None:
    arms = markdown.split("## North Korea–Russia arms")[1].split("\n## ")[0]
    assert arms.count("\n### ") == 1
    # Miller's quote and his reported claim: one heading, his most salient claim.
    assert arms.count("**Matthew Miller**") == 1
    assert "**Matthew Miller**, State Department spokesperson — Tue 12 Sep\n> We will" in arms
    assert "Any arms transfer" not in arms
    assert "[[1]](#src-1) [[2]](#src-2)" in arms
    assert (
        "*2 articles from 2 outlets · also under "
        "[UN Security Council sanctions](#un-security-council-sanctions)*"
    ) in arms
    assert "**Jung Pak**, U.S. deputy special envoy for North Korea — Mon 11 Sep\n- " in arms
    # The outlet's own words, set apart, where they say what no claim shown says.
    assert (
        "\n\n*Reported without attribution:*\n\n"
        "- Kim Jong-un travelled to Russia by armoured train. [[2]](#src-2)"
    ) in arms
    empty = markdown.split("## Iran frozen funds waiver")[1].split("\n## ")[0]
    assert empty.strip().startswith("No reporting on this topic in this brief.")


def test_markdown_bottom_line_timeline_watch_list_sources(brief: Brief, markdown: str) -> None:
    bottom = markdown.split("## Bottom line\n\n")[1].split("\n\n")[0].splitlines()
    assert len(bottom) == len(brief.bottom_line) == 2
    assert all(line.startswith("- **") for line in bottom)
    assert (
        "- **North Korea–Russia arms:** Kim heads to Russia for arms talks — Matthew Miller: "
        "“We will monitor what happens"
    ) in markdown
    assert "| Fri 8 Sep | Waivers for Iranian funds signed | [[1]](#src-1) |" in markdown
    assert (
        "- **Thu 14 Sep** — Kim Jong-un expected to meet Vladimir Putin. [[1]](#src-1)" in markdown
    )
    assert (
        "1. **Yonhap** — “US will not hesitate to take action if N. Korea provides "
        "weapons” — 12 Sep 2023 18:00 EDT — "
        "<https://en.yna.co.kr/view/AEN20230913000351315>"
    ) in markdown
    assert "<https://www.reuters.com/world/asia%20pacific/kim_(train)>" in markdown
    assert "- inbox/scan.pdf: not a text file: PDF" in markdown
    assert "- **markets · Seoul:** Seoul stocks close higher [[2]](#src-2)" in markdown
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")


def test_markdown_without_optional_parts() -> None:
    bare = make_brief(
        classification=None,
        bottom_line=(),
        sections=(),
        other=None,
        threads=(),
        timeline=(),
        watch_list=(),
        sources=(),
        stats=BriefStats(0, 0, 0, 0),
    )
    text = render_markdown(bare, template_environment())
    assert "No dated events." in text
    assert "Nothing scheduled." in text
    assert "## Other reporting" not in text
    assert "Sources not read" not in text
    assert text.splitlines()[2] == "0 articles from 0 outlets · 0 stories · issued 06:00 KST"


def test_markdown_escapes_hostile_text(markdown: str) -> None:
    escaped = md(HOSTILE)
    assert f"> {escaped} [[3]](#src-3)" in markdown
    assert not re.search(r"(?<!\\)<(script|img)", markdown)  # only escaped ones
    assert "**Pat Ryder**, \\*Pentagon\\* \\[spokesperson](x) — Tue 12 Sep" in markdown
    assert "**Hostile \\[Wire](javascript:alert(1))**" in markdown
    assert "— javascript:alert(1)\n" in markdown  # the URL, as text
    # Parsed as CommonMark, the hostile text is literal text: no link, no heading, no HTML.
    tokens = MarkdownIt("commonmark", {"html": False}).enable("table").parse(markdown)
    assert not [t for t in tokens if t.type == "heading_open" and t.tag == "h1"][1:]
    inline = [c for t in tokens if t.children for c in t.children]
    hrefs = [str(c.attrs.get("href")) for c in inline if c.type == "link_open"]
    assert hrefs and all(h.startswith(("#", "https://")) for h in hrefs)
    assert any(c.type == "text" and HOSTILE in c.content for c in inline)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "resolutions, and We've seen U.S. officials",
            "resolutions, and We've seen U.S. officials",
        ),
        ("$1.5bn (about 2%) — 30°C; ok? yes!", "$1.5bn (about 2%) — 30°C; ok? yes!"),
        ("a_b snake_case", "a_b snake_case"),
        ("_emphasis_ and *strong*", "\\_emphasis\\_ and \\*strong\\*"),
        ("[link](http://x) ![img](y)", "\\[link](http://x) !\\[img](y)"),
        ("<b> &amp; `code`", "\\<b> \\&amp; \\`code\\`"),
        ("# heading", "\\# heading"),
        ("#hashtag", "#hashtag"),
        ("> quote", "\\> quote"),
        ("- item", "\\- item"),
        ("-5 degrees", "-5 degrees"),
        ("1. first", "1\\. first"),
        ("1999 was", "1999 was"),
        ("---", "\\---"),
        ("Title ##", "Title \\##"),
        ("back\\slash\\", "back\\slash\\\\"),
        ("back\\* star", "back\\\\\\* star"),
    ],
)
def test_md_escapes_only_what_would_be_markup(text: str, expected: str) -> None:
    assert md(text) == expected
    # Whatever it is, the text reads back as itself from a CommonMark renderer.
    html = MarkdownIt("commonmark", {"html": False}).render(f"x {md(text)}")
    assert squash(_text_of(html)) == squash(f"x {text}")


def _text_of(html: str) -> str:
    page = parse_html(html)
    return "".join(page.text)


def test_md_collapses_whitespace_and_drops_controls() -> None:
    assert md("a\n\n b\t\tc\r\nd\x00e\u2028f") == "a b c de f"
    assert md(None) == ""
    assert md("Kim–Putin “summit”") == "Kim–Putin “summit”"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a_b", "<https://example.com/a_b>"),
        ("HTTP://example.com/x y<z>", "<HTTP://example.com/x%20y%3Cz%3E>"),
        ("  https://example.com/(p)  ", "<https://example.com/(p)>"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("file:///etc/passwd", "file:///etc/passwd"),
        ("data:text/html,<script>", "data:text/html,\\<script>"),
        ("https:/no-host", "https:/no-host"),
        ("//example.com/x", "//example.com/x"),
        (None, ""),
    ],
)
def test_mdurl_links_only_web_urls(url: str | None, expected: str) -> None:
    assert mdurl(url) == expected


def test_brief_md_reads_as_plain_commonmark(brief: Brief, markdown: str) -> None:
    """Rendered by a plain CommonMark renderer (tables, no plugins), brief.md shows no
    attribute syntax, no stray backslash and no markup made of article text, and holds
    every claim the brief shows word for word."""
    assert "{#" not in markdown and "{." not in markdown
    plain = MarkdownIt("commonmark", {"html": False}).enable("table")
    page = parse_html(plain.render(markdown))
    text = squash("".join(page.text))
    assert "\\" not in text.replace(HOSTILE, "")
    assert not {"script", "img", "code", "h4"} & set(page.tags)
    assert all(v.startswith(("#", "https://")) for t, k, v in page.attrs if k == "href")
    shown = [
        c.text
        for part in brief.sections
        for item in part.items
        for c in (*item.claims, *item.statements)
    ]
    assert shown and all(squash(c) in text for c in shown)


def test_css_string_cannot_close_the_string_or_style() -> None:
    value = str(css_string('A "title" \\ </style><script>x</script>'))
    assert value.startswith('"') and value.endswith('"')
    inner = value[1:-1]
    assert '"' not in inner and "<" not in inner and ">" not in inner
    assert "\\22 title\\22 " in inner


# --- HTML ---------------------------------------------------------------------------------


def test_html_is_a_full_document_with_inlined_css(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in html
    assert "<title>Korea Desk Daily Brief — Wednesday 13 September 2023</title>" in html
    assert "max-width: 46em" in html
    assert "@page" not in html  # print rules are for the PDF only
    assert '<meta name="dcterms.created" content="2023-09-13T06:00:00+09:00">' in html


def test_html_has_no_active_content_and_shows_hostile_text(html: str) -> None:
    page = parse_html(html)
    assert "script" not in page.tags
    assert "img" not in page.tags
    for tag, name, value in page.attrs:
        assert not name.startswith("on"), (tag, name)
        if name in ("href", "src"):
            assert value.startswith(("#", "https://")), (tag, value)
    visible = squash("".join(page.text))
    assert HOSTILE in visible
    assert "Hostile [Wire](javascript:alert(1))" in visible
    assert "javascript:alert(1)" in visible


def test_html_links_resolve_to_anchors(html: str) -> None:
    page = parse_html(html)
    ids = {v for _, k, v in page.attrs if k == "id"}
    internal = {v[1:] for _, k, v in page.attrs if k == "href" and v.startswith("#")}
    assert {"src-1", "src-2", "src-3", "un-security-council-sanctions"} <= internal
    assert internal <= ids
    assert {"north-korearussia-arms", "un-security-council-sanctions", "timeline"} <= ids
    assert {"watch-list", "sources", "bottom-line", "full-reporting"} <= ids


def test_html_ends_with_the_full_reporting_collapsed(brief: Brief, html: str) -> None:
    appendix = html.split('id="full-reporting"')[1]
    text = squash("".join(parse_html(appendix).text))
    for story in brief.stories():
        assert f'<details class="story" id="story-{story.id}">' in appendix
        for claim in story.claims:
            assert squash(claim.lead.text) in text
    # The Markdown's part stays short; every claim of every story is in the appendix.
    assert "Any arms transfer from North Korea to Russia" not in html.split("full-reporting")[0]
    assert "Any arms transfer from North Korea to Russia" in appendix
    pdf_page = render_html(brief, template_environment(), for_pdf=True)
    assert "full-reporting" not in pdf_page


def test_html_escapes_title_in_head_and_running_header() -> None:
    nasty = make_brief(title='Desk "</style><script>alert(1)</script>', classification="A&B")
    page = render_html(nasty, template_environment(), for_pdf=True)
    parsed = parse_html(page)
    assert "script" not in parsed.tags
    assert "@top-left" in page and "counter(pages)" in page
    assert "\\3c /style\\3e \\3c script\\3e " in page
    assert "&lt;/style&gt;&lt;script&gt;" in page  # <title> and <h1>


# --- PDF ----------------------------------------------------------------------------------


def test_pdf_has_outline_text_and_page_numbers(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1

    def titles(outline: Sequence[Any]) -> list[str]:
        out: list[str] = []
        for item in outline:
            out.extend(titles(item) if isinstance(item, list) else [str(item.title)])
        return out

    bookmarks = titles(reader.outline)
    for title in TOPIC_TITLES:
        assert title in bookmarks
    assert "Sources" in bookmarks
    text = squash(" ".join(page.extract_text() for page in reader.pages))
    for title in TOPIC_TITLES:
        assert title in text
    assert squash(MILLER_QUOTE) in text
    assert "Page 1 of" in text
    assert HOSTILE in text
    assert reader.metadata is not None
    assert reader.metadata.title == "Korea Desk Daily Brief — Wednesday 13 September 2023"


def test_pdf_citations_are_internal_links(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    internal = external = 0
    for page in reader.pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            if action is not None and action.get("/S") == "/URI":
                assert str(action["/URI"]).startswith("https://")
                external += 1
            else:
                internal += 1
    assert internal >= 5
    assert external == 2


def test_url_fetcher_refuses_files_and_network() -> None:
    from digest.render.pdf import LocalOnlyURLFetcher, URLRefused

    root = default_template_dir()
    fetcher = LocalOnlyURLFetcher(root)
    for url in (
        "file:///etc/passwd",
        "http://example.com/",
        "https://example.com/style.css",
        (root / "..").resolve().as_uri() + "/pyproject.toml",
        root.as_uri() + "/../pyproject.toml",
        "file://evil.example/" + str(root / "brief.css"),
        "ftp://example.com/x",
    ):
        with pytest.raises(URLRefused):
            fetcher.fetch(url)
    response = fetcher.fetch("data:text/plain;base64,aGVsbG8=")
    assert response.read() == b"hello"
    response.close()
    css = fetcher.fetch((root / "brief.css").as_uri())
    assert b"max-width" in css.read()
    css.close()


def test_pdf_render_does_not_read_local_files(caplog: pytest.LogCaptureFixture) -> None:
    page = (
        '<!DOCTYPE html><html><head><link rel="stylesheet" href="http://example.com/x.css">'
        '</head><body><p>ok</p><img src="file:///etc/passwd">'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        "</body></html>"
    )
    with caplog.at_level("ERROR", logger="weasyprint"):
        out = render_pdf(page)
    assert out.startswith(b"%PDF")
    refused = " ".join(r.getMessage() for r in caplog.records)
    assert "file:///etc/passwd" in refused and "http://example.com/x.css" in refused
    assert b"root:" not in out


# --- JSON ---------------------------------------------------------------------------------


def test_json_holds_the_whole_brief(brief: Brief) -> None:
    text = render_json(brief)
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data["date"] == "2023-09-13"
    assert data["issued"] == "2023-09-13T06:00:00+09:00"
    assert data["classification"] == "UNCLASSIFIED // FOR INTERNAL USE"
    assert data["stats"]["skipped"] == [
        {"path": "inbox/scan.pdf", "reason": "not a text file: PDF"}
    ]
    assert [s["topic_id"] for s in data["sections"]] == [
        "nk-russia-arms",
        "un-sanctions",
        "iran-funds",
    ]
    story = data["sections"][0]["stories"][0]
    assert story["sources"] == [1, 2] and story["headline"] == "Kim heads to Russia for arms talks"
    assert story["claims"][0]["sources"] == [1, 2]
    first = story["claims"][0]["claims"][0]
    assert set(first) == {
        "id",
        "article_id",
        "kind",
        "text",
        "start",
        "end",
        "speaker",
        "cue",
        "cue_start",
        "cue_end",
        "when",
        "dates",
        "topics",
    }
    assert first["speaker"] == {
        "name": "Matthew Miller",
        "role": "State Department spokesperson",
        "mention": "he",
        "start": 3,
        "end": 5,
    }
    assert first["when"] == "2023-09-12"
    assert first["dates"] == [
        {"date": "2023-09-13", "phrase": "on Wednesday", "start": 40, "end": 52, "future": True}
    ]
    assert first["topics"] == [
        {"topic_id": "nk-russia-arms", "score": 3.5, "matched_terms": ["Kim", "Putin"]}
    ]
    assert data["other"]["stories"][0]["claims"][0]["claims"][0]["speaker"] is None
    assert data["timeline"][1]["text"] == HOSTILE
    assert data["watch_list"][0]["when"] == "2023-09-14"
    assert data["sources"][2]["url"] == "javascript:alert(1)"
    assert data["sources"][1]["published"] is None
    assert data["bottom_line"][0]["story_id"] == "s1"
    assert data["sections"][0]["items"][0]["story_id"] == "s1"
    assert data["threads"] == [{"id": "t1", "label": "markets · Seoul", "story_ids": ["s7"]}]
    assert data["limits"]["stories_per_topic"] == 6


def test_json_refuses_nan() -> None:
    nan_story = story("s1", "x", (merged(claim("c1", "a1", "statement", "x")),), "t", float("nan"))
    bad = make_brief(sections=(Section("t", "T", (nan_story,)),))
    with pytest.raises(RenderError, match="NaN"):
        render_json(bad)


def test_a_json_error_midway_leaves_the_previous_brief_whole(tmp_path: Path) -> None:
    """brief.json is streamed into a temporary file: a failure halfway through it leaves
    the earlier files as they were and no temporary file behind."""
    written = write_brief(make_brief(), tmp_path, ["md", "json"])
    before = {fmt: path.read_bytes() for fmt, path in written.items()}
    nan_story = story("s1", "x", (merged(claim("c1", "a1", "statement", "x")),), "t", float("nan"))
    bad = make_brief(sections=(Section("t", "T", (nan_story,)),))
    with pytest.raises(RenderError, match="NaN"):
        write_brief(bad, tmp_path, ["md", "json"])
    assert {fmt: path.read_bytes() for fmt, path in written.items()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.json", "brief.md"]


# --- determinism and writing --------------------------------------------------------------


def test_two_renders_are_byte_identical(tmp_path: Path) -> None:
    first = write_brief(make_brief(), tmp_path / "one")
    second = write_brief(make_brief(), tmp_path / "two")
    assert list(first) == list(FORMATS)
    for fmt in FORMATS:
        assert first[fmt].read_bytes() == second[fmt].read_bytes(), fmt
    assert first["pdf"].read_bytes().startswith(b"%PDF")


def test_write_brief_writes_atomically_and_only_what_was_asked(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "brief.md").write_text("old brief")
    paths = write_brief(make_brief(), out, formats=("json", "md"))
    assert paths == {"json": out / "brief.json", "md": out / "brief.md"}
    assert sorted(p.name for p in out.iterdir()) == ["brief.json", "brief.md"]
    assert (out / "brief.md").read_text(encoding="utf-8").startswith("# Korea Desk")


def test_write_brief_rejects_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="docx"):
        write_brief(make_brief(), tmp_path, formats=("md", "docx"))
    assert list(tmp_path.iterdir()) == []


def test_template_error_leaves_previous_brief_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_brief(make_brief(), out, formats=("md", "json"))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    user = tmp_path / "tpl"
    user.mkdir()
    (user / "page.html.j2").write_text("{{ brief.nope }}\n")
    with pytest.raises(RenderError):
        write_brief(make_brief(title="Changed"), out, template_dir=user)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


# --- templates ----------------------------------------------------------------------------


def test_user_template_overrides_file_by_file(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text("# Custom: {{ brief.title|md }}\n")
    env = template_environment(tmp_path)
    brief = make_brief()
    assert render_markdown(brief, env) == "# Custom: Korea Desk Daily Brief\n"
    page = render_html(brief, env)  # page.html.j2 and brief.css still come from the defaults
    assert '<h1 id="custom-korea-desk-daily-brief">Custom: Korea Desk Daily Brief</h1>' in page
    assert "max-width: 46em" in page


def test_only_html_templates_are_autoescaped(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text("{{ brief.title }}\n")
    (tmp_path / "page.html.j2").write_text("{{ brief.title }}\n")
    env = template_environment(tmp_path)
    brief = make_brief(title="<b>Desk</b>")
    assert render_markdown(brief, env) == "<b>Desk</b>\n"  # the md filter's job, not Jinja's
    assert render_html(brief, env, "") == "&lt;b&gt;Desk&lt;/b&gt;\n"


def test_undefined_variable_in_user_template_raises_render_error(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text("# {{ brief.title|md }}\n\n{{ brief.titel }}\n")
    env = template_environment(tmp_path)
    with pytest.raises(RenderError) as caught:
        render_markdown(make_brief(), env)
    message = str(caught.value)
    assert str(tmp_path / "brief.md.j2") in message
    assert "line 3" in message
    assert "'Brief' has no attribute 'titel'" in message
    assert "did you mean 'title'?" in message


def test_missing_template_folder_is_a_render_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="template folder not found"):
        template_environment(tmp_path / "nowhere")


def test_check_templates_passes_the_defaults() -> None:
    assert check_templates(None) == []


def test_check_templates_reports_syntax_error_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text(
        "# {{ brief.title|md }}\n\n{% for s in brief.sections %}\n## {{ s.title|md }}\n"
    )
    (tmp_path / "page.html.j2").write_text("<p>{{ brief.title|shout }}</p>\n")
    errors = check_templates(tmp_path)
    assert any(
        str(tmp_path / "brief.md.j2") in e and "line 4" in e and "endfor" in e for e in errors
    ), errors
    assert any(
        str(tmp_path / "page.html.j2") in e and "line 1" in e and "shout" in e for e in errors
    ), errors


def test_check_templates_reports_runtime_errors(tmp_path: Path) -> None:
    # Only the sample brief's sources reach this branch: a typo behind an `if`.
    (tmp_path / "brief.md.j2").write_text(
        "# x\n{% for s in brief.sources %}\n{{ s.outlett|md }}\n{% endfor %}\n"
    )
    errors = check_templates(tmp_path)
    assert len(errors) == 1
    assert "line 3" in errors[0] and "did you mean 'outlet'?" in errors[0]


# --- streaming ----------------------------------------------------------------------------

_PIECES = ["a", "b ", "  ", "\n", "\r", "\r\n", "\n\n\n", "\u2028", "\x0c", "x\ny", "é"]


@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.integers(1, 8))
def test_lines_of_chunks_are_the_lines_of_the_joined_text(pieces: list[str], block: int) -> None:
    from digest.render.markdown import _lines

    assert list(_lines(pieces, block=block)) == "".join(pieces).splitlines()


def test_markdown_written_alone_is_the_markdown_rendered_whole(
    brief: Brief, tmp_path: Path
) -> None:
    """brief.md streamed to its file (no HTML or PDF asked for) is the same text."""
    env = template_environment()
    whole = render_markdown(brief, env)
    written = write_brief(brief, tmp_path, ["md"])
    assert written["md"].read_text(encoding="utf-8") == whole
    lines = whole.splitlines()
    assert lines[0] and lines[-1]  # no blank line first or last
    assert "\n\n\n" not in whole and not any(line != line.rstrip() for line in lines)

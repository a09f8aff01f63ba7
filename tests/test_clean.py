"""Cleaning: chrome out, captions apart, offsets into the text as read."""

from __future__ import annotations

from dataclasses import replace

from digest.model import Article, Span
from digest.read.clean import clean_article

PAGE = """Settings

ⓕ font-size

  • -2
  • +2

Harbor talks end without deal

  • Facebook share button
  • Link share button
Officials shake hands after the talks in Busan on Sept. 12 in this photo. Harbor Wire
Officials shake hands after the talks in Busan on Sept. 12 in this photo. Harbor Wire

BUSAN, Sept. 12 (Harbor Wire) -- Port talks ended on Tuesday without a deal, officials said.

"We will meet again next month," said Lee Min-ho, the chief negotiator. (Harbor Wire)

X
CLOSE

Top 10 Stories

go top
"""


def _article(text: str) -> Article:
    return Article("p", "Harbor Wire", "", None, None, text, "p.txt", body=(Span(0, len(text)),))


def _body(text: str) -> list[str]:
    """The paragraphs cleaning keeps as the body of `text`."""
    return [text[s.start : s.end] for s in clean_article(_article(text)).body]


def test_chrome_title_captions_and_body() -> None:
    cleaned = clean_article(_article(PAGE))
    body = [cleaned.text[s.start : s.end] for s in cleaned.body]
    assert body == [
        "Port talks ended on Tuesday without a deal, officials said.",
        '"We will meet again next month," said Lee Min-ho, the chief negotiator.',
    ]
    assert cleaned.title == "Harbor talks end without deal"
    assert cleaned.title_span is not None
    assert [cleaned.text[s.start : s.end] for s in cleaned.captions] == [
        "Officials shake hands after the talks in Busan on Sept. 12 in this photo. Harbor Wire"
    ]


def test_plain_article_is_all_body() -> None:
    text = "First paragraph of the story, long enough to be prose.\n\nSecond one, also prose here."
    cleaned = clean_article(_article(text))
    assert len(cleaned.body) == 2
    assert cleaned.text == text


def test_a_line_signing_the_quotation_before_it_is_body() -> None:
    text = (
        "The senator repeated a claim on Tuesday night.\n\n"
        '"Almost all new income is going to the top 1 percent."\n\n'
        "- Bernie Sanders.\n\n"
        "The senator is relying on an outdated statistic.\n\n"
        "- Share\n"
    )
    body = _body(text)
    assert "- Bernie Sanders." in body
    assert "- Share" not in body  # a menu item after prose is no signature


def test_a_line_introducing_the_quotation_after_it_is_body() -> None:
    text = (
        "The mayor spoke on Monday after the storm had passed.\n\n"
        "He added:\n\n"
        '"We will rebuild. We always have."\n\n'
        "Menu:\n\n"
        "Sports and weather today\n"
    )
    body = [text[s.start : s.end] for s in clean_article(_article(text)).body]
    assert "He added:" in body
    assert "Menu:" not in body  # no quotation follows it


def test_a_short_quoted_answer_is_body() -> None:
    text = (
        "The mayor was asked on Monday whether the port would reopen this year.\n\n"
        '"Absolutely," Smith said.\n\n'
        "The crowd cheered as the ships came in from the south.\n"
    )
    body = [text[s.start : s.end] for s in clean_article(_article(text)).body]
    assert '"Absolutely," Smith said.' in body


WIRE_PAGE = """Port of Busan reopens after strike

VIDEO SHOWS: DOCKWORKERS RETURNING TO THE CRANES AT DAWN IN BUSAN

Dockworkers returned to the cranes on Wednesday after a two-week strike, the union said.

"We have a contract we can live with," said Kim Soo-jin, the union's leader.

Get the morning headlines in your inbox: sign up for our Business Daily newsletter.

Reporting by Jo Lee in Busan; Additional reporting by Sam Park in Seoul; Editing by Ann Cole

Our Standards: The Harbor Wire Trust Principles.

Sign up here.
"""


def test_credits_standards_newsletters_and_lines_in_capitals_are_not_body() -> None:
    # The outlet's furniture would otherwise reach the brief as its own statements.
    cleaned = clean_article(_article(WIRE_PAGE))
    body = [cleaned.text[s.start : s.end] for s in cleaned.body]
    assert body == [
        "Dockworkers returned to the cranes on Wednesday after a two-week strike, the union said.",
        '"We have a contract we can live with," said Kim Soo-jin, the union\'s leader.',
    ]
    assert cleaned.title == "Port of Busan reopens after strike"
    # The same credits in parentheses, as wire copy closes a story.
    credits = "Reporting by Jo Lee in Busan; Additional reporting by Sam Park in Seoul; "
    page = WIRE_PAGE.replace(credits, "(" + credits).replace("by Ann Cole", "by Ann Cole)")
    assert [s.end - s.start for s in clean_article(_article(page)).body] == [
        s.end - s.start for s in cleaned.body
    ]


def test_a_headline_in_capitals_is_still_the_title_and_prose_stays() -> None:
    text = (
        "PORT OF BUSAN REOPENS AFTER STRIKE\n\n"
        "Dockworkers returned on Wednesday, and the reporting by local papers was right.\n\n"
        "Reporting by the union's own newsletter was read by dockworkers for two weeks, and "
        "its editors said the strike would end soon, as it did on Wednesday after talks.\n"
    )
    cleaned = clean_article(_article(text))
    assert cleaned.title == "PORT OF BUSAN REOPENS AFTER STRIKE"
    assert len(cleaned.body) == 2  # a sentence that starts "Reporting by" is not a credit


def test_the_mark_of_a_list_item_is_not_part_of_its_paragraph() -> None:
    text = (
        "The budget's main points:\n\n"
        "- Income tax falls to 20% for those earning less than 250,000 rupees a year.\n\n"
        "2. Rural roads get 80bn rupees over the next three years, the minister said.\n"
    )
    cleaned = clean_article(_article(text))
    body = [cleaned.text[s.start : s.end] for s in cleaned.body]
    assert body[-2:] == [
        "Income tax falls to 20% for those earning less than 250,000 rupees a year.",
        "Rural roads get 80bn rupees over the next three years, the minister said.",
    ]


def test_datelines_of_wire_copy_are_left_out_of_the_body() -> None:
    for dateline in (
        "ORLANDO, Fla. (Reuters) - ",
        "HALIFAX, N.S. — ",
        "LOS ANGELES, Calif. - ",
        "WASHINGTON, June 24 (UPI) — ",
        "SEOUL, Sept. 12 (Yonhap) -- ",
        "WASHINGTON ― ",
        "Washington (AFP) – ",
        "YELLOWKNIFE, N.W.T. — ",
        "Halifax, June 10 (CP) - ",
    ):
        first = dateline + "The governor met flood victims and said the state would rebuild."
        text = first + "\n\nA second paragraph of prose follows here, long enough to be a body."
        cleaned = clean_article(_article(text))
        start = cleaned.body[0].start
        assert text[start:].startswith("The governor met"), dateline
    # After the headline, kept as body, the first paragraph of the story opens with it.
    text = (
        "Clinton swipes at Trump over Brexit.\n\n"
        "Washington (AFP) – Hillary Clinton has taken a swipe at Donald Trump's stance.\n\n"
        "A second paragraph of prose follows here, long enough to be a body."
    )
    cleaned = clean_article(_article(text))
    assert [text[s.start : s.start + 7] for s in cleaned.body[:2]] == ["Clinton", "Hillary"]
    # A page that names no outlet is credited to the wire its dateline names.
    unsourced = replace(_article(text), source="")
    assert clean_article(unsourced).source == "AFP"
    # A sentence with a dash in it keeps its words; so does one that opens with a name.
    text = "Ottawa officials - and their staff - met on Monday.\n\nMore prose here."
    cleaned = clean_article(_article(text))
    assert text[cleaned.body[0].start :].startswith("Ottawa"), "not a dateline"
    # A sentence with a dash in it keeps its words.
    text = "Ottawa, Ont. officials - and their staff - met on Monday about the budget.\n\nMore."
    cleaned = clean_article(_article(text))
    assert text[cleaned.body[0].start :].startswith("Ottawa"), "not a dateline"


def test_a_quotation_signed_on_its_line_is_body() -> None:
    text = (
        "Readers wrote to us after the debate on Monday night.\n\n"
        "“We can build a wall around the stadium.” ― Steve Quinlan\n"
        '"The ferry has not run on time all winter." — Ana Ruiz, Halifax\n\n'
        "More letters will follow next week, the editors said.\n"
    )
    body = _body(text)
    assert "“We can build a wall around the stadium.” ― Steve Quinlan" in body
    assert '"The ferry has not run on time all winter." — Ana Ruiz, Halifax' in body

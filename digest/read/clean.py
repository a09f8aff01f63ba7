"""Page chrome out of scraped text; captions kept apart; offsets into `Article.text` kept.

Scraped news pages carry widgets (font size, share buttons), navigation ("Top 10
Stories", "go top"), photo captions that the page repeats, and credit lines. Cleaning
never edits the text: it chooses the spans of `Article.text` that are body, caption
and title, so every later offset still points into the document as it was read.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..model import Article, Span

# Lines that are page furniture wherever they appear. Matched against a stripped line.
_CHROME = re.compile(
    r"""^(?:
        settings | menu | search | close | x | share | print | e-?mail | letter
      | (?:go\s+)?top(?:\s+letter)? | go\s+top.* | back\s+to\s+top
      | .{0,20}\bfont[- ]?size\b.* | [-+]?\d
      | .{0,30}\bshare\s+button | share\s+on\s+\w+
      | (?:facebook|twitter|kakao(?:talk)?|linkedin|whatsapp|telegram|line|mail|link|copy\s+link|x)
      | top\s+\d+\s+stories | most\s+(?:read|viewed|popular).* | related\s+(?:articles|stories|news)
      | advertisement | sponsored | subscribe.* | sign\s+(?:in|up) | log\s*in | newsletter.*
      | (?:all\s+rights\s+reserved|copyright\b|\(c\)|©).* | read\s+more.* | more\s+stories
      | (?:previous|next)\s+(?:article|story) | comments?(?:\s*\(\d+\))?
      | our\s+standards\b.* | sign\s+up(?:\s+(?:here|now|today|for\s+free))?\W* | click\s+here\b.*
    )$""",
    re.I | re.X,
)
# A credit line: "Reporting by Jo Lee in Seoul; Additional reporting by Sam Park; Editing
# by Ann Cole": credits, each a few names (and places) after "by", and nothing else.
_NAME = r"[A-Z][\w.'’-]*"
_CREDIT_SEGMENT = rf"""(?i:(?:additional|further)\s+)?
    (?i:reporting|writing|written|editing|edited|research|compiled|produced|translat\w*
      |graphics|photography|photos?|video|fact-?check\w*)
    (?:\s+and\s+\w+)?\s+by\s+
    {_NAME}(?:(?:\s+|,\s*|\s+(?:and|&|in|from|at)\s+){_NAME})*"""
_CREDIT_LINE = re.compile(
    rf"^{_CREDIT_SEGMENT}(?:\s*(?:;|,|\band\b|\|)\s*{_CREDIT_SEGMENT})*\s*\.?$", re.X
)
_CREDIT_WORDS = 40
# A line that offers the outlet's newsletter ("Get the headlines in your inbox: subscribe").
_NEWSLETTER = re.compile(
    r"\bnewsletters?\b.*\b(?:sign\s+up|subscribe|inbox)\b|\b(?:sign\s+up|subscribe)\b.*\bnewsletters?\b",
    re.I,
)
_NEWSLETTER_WORDS = 30
# A headline has at most this many words.
_HEADLINE_WORDS = 25
# A line in capitals of this many words or more is a label or a shot list ("VIDEO SHOWS:
# ..."), not prose; the headline in capitals, the first line, is left to `_title`.
_SHOUTED_WORDS = 4
# A line that only signs the quotation before it: "- Bernie Sanders", "— Clinton."
_SIGNATURE = r"\s*[-—–―]\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})"  # " — Jo Reyes"
SIGN_OFF = re.compile(_SIGNATURE + r"\.?\s*")
# A quotation signed on its own line: '"We can build a wall." ― Steve Quinlan, Toronto'.
_SIGNED_QUOTE = re.compile(
    r"[\"“”«'].*[\"”»']" + _SIGNATURE + r"(?:,\s*[A-Z][\w.'’ -]{1,40})?\.?\s*"
)
_CLOSERS = frozenset({'"', "”", "»", "'"})
_OPENERS = frozenset({'"', "“", "«", "'"})
_BULLET = re.compile(r"^\s*(?:[•·▪◦●\-*–]|\d+[.)])\s+")
# Sentence-ending punctuation, possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
# Trailing credit such as "(Yonhap)" or "(END)" at the end of a story.
_CREDIT = re.compile(r"\s*\((?:[A-Z][\w.&' -]{1,30}|END|end)\)\s*$")
# A dateline such as "SEOUL, Sept. 12 (Yonhap) -- ", "WASHINGTON (AP) — " or "ORLANDO,
# Fla. (Reuters) - ".
# In capitals the place may stand alone; in title case only with the credit after it
# ("Washington (AFP) - "), as a sentence never opens so.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'-]{1,40}"  # SEOUL
    r"(?:,\s*[A-Z][A-Za-z]{0,5}\.(?:\s?[A-Z][a-z]{0,3}\.){0,2}(?=[\s,]))?"  # , Fla.  , N.W.T.
    r"(?:,?\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"  # , Sept. 12
    r"\s*(?:\([^)]{1,40}\))?"  # (Yonhap)
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?:,?\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"  # Washington
    r"\s*\([A-Z][^)]{1,30}\))"  # (AFP)
    r"\s*(?:--|—|–|―|-)\s+"  # --
)
# Words of a photo description, lower case: a line holding none is no caption.
_PHOTO_PHRASES = (
    "photo",
    "photos",
    "pictured",
    "captured image",
    "file image",
    "is seen",
    "are seen",
    "poses",
    "posing",
    "in this photo",
    "in this image",
    "in this picture",
    "in this file",
    "courtesy of",
    "released by",
)
_PHOTO_WORDS = re.compile(r"\b(?:" + "|".join(map(re.escape, _PHOTO_PHRASES)) + r")\b", re.I)


def clean_article(article: Article) -> Article:
    """Choose body, caption and title spans of the article's text, leaving chrome out."""
    lines = [line for span in article.body for line in _lines(article.text, span)]
    texts = [article.text[s.start : s.end].strip() for s in lines]
    kinds = _kinds(texts)
    _keep_short_lines_of_quotations(texts, kinds)
    title, title_span = _title(article, lines, texts, kinds)
    body: list[Span] = []
    captions: list[Span] = []
    seen_captions: set[str] = set()
    for span, text, kind in zip(lines, texts, kinds, strict=True):
        if kind == "body":
            # A dateline opens the first paragraph, or the one after a headline kept as
            # body ("Clinton swipes at Trump.", then "Washington (AFP) - ...").
            opens = not body or (len(body) == 1 and _headline_like(article.text, body[0]))
            body.append(_trim_body(article.text, span.stripped(article.text), is_first=opens))
        elif kind == "caption" and text not in seen_captions:
            seen_captions.add(text)
            captions.append(span.stripped(article.text))
    body_texts = [t for t, k in zip(texts, kinds, strict=True) if k == "body"]
    return replace(
        article,
        source=article.source or _credited_outlet(body_texts),
        title=title or article.title,
        title_span=title_span,
        body=tuple(s for s in body if s.end > s.start),
        captions=tuple(captions),
    )


def _kinds(texts: list[str]) -> list[str]:
    """Each line's first reading: blank, chrome, caption (or repeated), body, or short."""
    counts = Counter(t for t in texts if t)
    kinds: list[str] = []
    for text in texts:
        if not text:
            kinds.append("blank")
        elif _is_chrome(text) or (_is_shouted(text) and any(k != "blank" for k in kinds)):
            kinds.append("chrome")
        elif counts[text] > 1 or _is_caption(text):
            kinds.append("caption")
        elif _is_prose(text):
            kinds.append("body")
        else:
            kinds.append("short")
    return kinds


def _keep_short_lines_of_quotations(texts: list[str], kinds: list[str]) -> None:
    """Short lines that belong to a quotation are body: they are changed in `kinds`."""
    for i, text in enumerate(texts):
        if kinds[i] != "short":
            continue
        # '"..."' then '- Bernie Sanders': a short line that signs the quotation before it.
        if SIGN_OFF.fullmatch(text):
            before = next((j for j in range(i - 1, -1, -1) if kinds[j] != "blank"), None)
            if before is not None and kinds[before] == "body" and texts[before][-1:] in _CLOSERS:
                kinds[i] = "body"
        # '"Absolutely," Smith said.', '"No."': a short answer in quotation marks; '"..."
        # ― Steve Quinlan': a quotation signed on its line (letters, vox pops).
        elif (
            text[:1] in _OPENERS and _ends_sentence(text) and 0 < i < len(texts) - 1
        ) or _SIGNED_QUOTE.fullmatch(text):
            kinds[i] = "body"
        # 'Smith told the crowd:' then '"We will rebuild."': a line that introduces the
        # quotation after it.
        elif text.endswith(":") and len(text.split()) >= 2:
            after = next((j for j in range(i + 1, len(texts)) if kinds[j] != "blank"), None)
            if after is not None and kinds[after] == "body" and texts[after][:1] in _OPENERS:
                kinds[i] = "body"


def _title(
    article: Article, lines: list[Span], texts: list[str], kinds: list[str]
) -> tuple[str, Span | None]:
    """The title and its span: the file's, or the headline line the page carries.

    Short lines around the body become title or chrome in `kinds`; a heading the text
    repeats is not body.
    """
    body_idx = [i for i, k in enumerate(kinds) if k == "body"]
    if body_idx and not article.title and _is_headline(body_idx[0], kinds, texts):
        kinds[body_idx[0]] = "short"
        body_idx = body_idx[1:]
    title, title_span = article.title, article.title_span
    if not body_idx:
        return title, title_span
    first, last = body_idx[0], body_idx[-1]
    # Short lines before the first paragraph: the first is the headline when the file
    # gave none; lines after the last paragraph are page furniture.
    for i in range(first):
        if kinds[i] == "short" and not title and len(texts[i].split()) >= 3:
            title, title_span = texts[i], lines[i].stripped(article.text)
            kinds[i] = "title"
        elif kinds[i] == "short":
            kinds[i] = "chrome"
    for i in range(last + 1, len(kinds)):
        if kinds[i] == "short":
            kinds[i] = "chrome"
    if not title:
        title = next((texts[i] for i in range(first) if kinds[i] == "caption"), "")
    # A heading repeated in the text (scrapes often carry the headline) is not body.
    if title:
        for i in body_idx:
            if texts[i] == title.strip():
                kinds[i] = "title"
    return title, title_span


def _credited_outlet(paragraphs: list[str]) -> str:
    """The outlet a wire story credits itself to: "... he added. (Yonhap)" at the end, or
    "SEOUL, Sept. 12 (Yonhap) --" at the start; "" when it names none."""
    if paragraphs:
        credit = _CREDIT.search(paragraphs[-1])
        if credit:
            name = credit.group().strip().strip("()")
            if name.upper() != "END":
                return name
        dateline = next(filter(None, map(_DATELINE.match, paragraphs[:2])), None)
        if dateline:
            inside = re.search(r"\(([^)]{2,40})\)", dateline.group())
            if inside:
                return inside.group(1).strip()
    return ""


def _headline_like(text: str, span: Span) -> bool:
    """A paragraph short enough to be the headline the page printed above its story."""
    return len(text[span.start : span.end].split()) <= _HEADLINE_WORDS


def _lines(text: str, span: Span) -> list[Span]:
    """Spans of the lines inside `span`, without their line ends."""
    spans = []
    pos = span.start
    while pos < span.end:
        nl = text.find("\n", pos, span.end)
        end = span.end if nl < 0 else nl
        spans.append(Span(pos, end))
        pos = end + 1
    return spans


def _trim_body(text: str, span: Span, *, is_first: bool) -> Span:
    """Leave a dateline, a trailing credit such as "(Yonhap)" and the mark of a list item
    ("- ", "• ", "2. ") out of a paragraph."""
    part = text[span.start : span.end]
    start, end = span.start, span.end
    bullet = _BULLET.match(part)
    # (Not the dash of a line that signs a quotation: "- Bernie Sanders" is no prose.)
    if bullet and _is_prose(part[bullet.end() :]):
        start = span.start + bullet.end()
    # The credit ends the paragraph: the test first is a tenth of the cost of a search,
    # which tries every position of every paragraph.
    credit = _CREDIT.search(part) if part.rstrip().endswith(")") else None
    if credit and _ends_sentence(part[: credit.start()]):
        end = span.start + credit.start()
    if is_first:
        dateline = _DATELINE.match(text[start:end])
        if dateline:
            start += dateline.end()
    return Span(start, end)


def _is_headline(index: int, kinds: list[str], texts: list[str]) -> bool:
    """A first paragraph between page furniture is the scraped headline, not body."""
    if len(texts[index].split()) > _HEADLINE_WORDS:
        return False
    following = next((k for k in kinds[index + 1 :] if k != "blank"), "blank")
    return following in ("chrome", "caption") and any(k == "chrome" for k in kinds[:index])


def _is_chrome(line: str) -> bool:
    bare = _BULLET.sub("", line).strip()
    if _CHROME.match(bare):
        return True
    words = len(bare.split())
    # "(Reporting by Jo Lee; Editing by Ann Cole)": wire copy sets it in parentheses
    credit = bare[1:-1] if bare.startswith("(") and bare.endswith(")") else bare
    if words <= _CREDIT_WORDS and _CREDIT_LINE.match(credit):
        return True
    if words <= _NEWSLETTER_WORDS and "newsletter" in bare.lower() and _NEWSLETTER.search(bare):
        return True
    # Short bulleted items are menus and link lists, not sentences.
    return bool(_BULLET.match(line)) and len(bare.split()) <= 4 and not _ends_sentence(bare)


def _is_shouted(line: str) -> bool:
    """A line of `_SHOUTED_WORDS` words or more whose letters are all capitals."""
    counts = capitals(line, 0, len(line))
    if counts is None or len(line.split()) < _SHOUTED_WORDS:
        return False
    upper, lower = counts
    return upper > 0 and upper >= 0.95 * (upper + lower)


def capitals(text: str, start: int, end: int) -> tuple[int, int] | None:
    """How many capital and lower-case letters `text[start:end]` has, or None when it has
    a run of three lower-case letters, as every line of prose does: a line in capitals
    ("VIDEO SHOWS ...") is told without counting the letters of the others."""
    if _LOWER_RUN.search(text, start, end):
        return None
    segment = text[start:end]
    return sum(map(str.isupper, segment)), sum(map(str.islower, segment))


# Three lower-case letters in a row: no line in capitals has them.
_LOWER_RUN = re.compile(r"[a-z]{3}")


def _is_caption(line: str) -> bool:
    """A photo description with a credit, e.g. "... in this file photo. Yonhap"."""
    low = line.lower()
    if not any(phrase in low for phrase in _PHOTO_PHRASES) or not _PHOTO_WORDS.search(line):
        return False  # the cheaper tests first
    return bool(_PHOTO_CREDIT.search(line))


# A credit that ends a photo description: ". Yonhap", "(Reuters)".
_PHOTO_CREDIT = re.compile(r"(?:[.)]\s+|\()(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\)?$")


def _ends_sentence(line: str) -> bool:
    """The line ends as a sentence does (`_SENTENCE_END`), told from its last characters."""
    return bool(_SENTENCE_END.search(line[-8:]))


def _is_prose(line: str) -> bool:
    words = len(line.split())
    if words >= 12:
        return True
    return words >= 4 and _ends_sentence(line)

"""Classification's fast paths give exactly what matching every context afresh gives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.bench.corpus import write_corpus
from digest.classify.claims import _TIERS, _context_of, _sentence_of, classify_claims
from digest.classify.match import Document, Haystack, TextIndex, tokenise
from digest.classify.parse import Topic, compile_topics, parse_query
from digest.config.load import load_config
from digest.extract import extract_claims
from digest.model import Article, Claim, Span, Speaker, TopicMatch
from digest.pipeline import read_articles
from digest.read.clean import clean_article

from .conftest import ROOT


def reference(
    article: Article, claims: Sequence[Claim], topics: Sequence[Topic]
) -> tuple[Claim, ...]:
    """The rule as the module docstring states it: every context a new document."""
    starts = [s.start for s in article.body]
    out = []
    for claim in claims:
        speaker = claim.speaker.name + " " + (claim.speaker.role or "") if claim.speaker else ""
        base = {"title": article.title, "speaker": speaker, "source": article.source}
        context = _context_of(article, starts, claim)
        sentence = _sentence_of(article, claim)
        texts = [
            claim.text,
            sentence.of(article.text),
            context.of(article.text),
            f"{article.title}\n{context.of(article.text)}",
        ]
        matches = []
        for order, topic in enumerate(topics):
            for weight, text in zip(_TIERS, texts, strict=True):
                terms = topic.compiled.match(Document({**base, "text": text}))
                if terms is not None:
                    score = round(weight + 0.01 * min(len(terms), 9), 4)
                    matches.append((order, TopicMatch(topic.id, score, terms)))
                    break
        matches.sort(key=lambda m: (-m[1].score, m[0]))
        found = [m for _, m in matches]
        if found and found[0].score >= _TIERS[2]:
            found = [m for m in found if m.score >= _TIERS[3] + 0.1]
        out.append(replace(claim, topics=tuple(found)))
    return tuple(out)


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list[Article]:
    config = load_config(ROOT / "config.yaml")
    folder = tmp_path_factory.mktemp("synthetic")
    write_corpus(folder, config.topics, 80, seed=11)
    read, _ = read_articles(
        config, [ROOT / "examples" / "articles", folder, ROOT / "tests" / "data"]
    )
    return [clean_article(a) for a in read]


def test_same_topics_as_matching_every_context_afresh(articles: list[Article]) -> None:
    topics = load_config(ROOT / "config.yaml").topics
    filed = 0
    for article in articles:
        claims = extract_claims(article)
        fast = classify_claims(article, claims, topics)
        assert fast == reference(article, claims, topics), article.path
        filed += sum(1 for c in fast if c.topics)
    assert filed > 500  # the comparison covered real matches, not only misses


def test_queries_on_other_fields_and_case_match_as_before(articles: list[Article]) -> None:
    aliases = {"DPRK": '("North Korea" OR Pyongyang OR KCNA)'}
    specs = [
        ("speaker", "Speaker", "speaker:(Kim OR Miller OR Park) AND $DPRK"),
        ("title", "Title", "title:(talks OR summit) AND NOT Russia*"),
        ("near", "Near", '"Security Council" NEAR/4 (sanction* OR veto*)'),
        ("case", "Case", '="UN" AND NOT ="U.N." OR source:(Harbor OR Ledger)'),
        ("onear", "Onear", "Kim ONEAR/3 (Putin OR Jong*)"),
    ]
    topics = compile_topics(specs, aliases)
    for article in articles:
        claims = extract_claims(article)
        assert classify_claims(article, claims, topics) == reference(article, claims, topics)


def test_each_claims_own_speaker_is_matched() -> None:
    # Two claims of one paragraph, by two people: each is matched with its own speaker.
    text = "Kim said the talks failed. Lee said the talks failed too.\n"
    article = Article("a", "Wire", "", None, None, text, "a.txt", body=(Span(0, len(text)),))
    claims = [
        Claim(
            f"c{i}",
            "a",
            "reported",
            "the talks failed",
            Span(s, s + 16),
            speaker=Speaker(name, None, name, Span(s - 9, s - 6)),
        )
        for i, (name, s) in enumerate([("Kim", 9), ("Lee", 36)])
    ]
    topic = compile_topics([("kim", "Kim", "speaker:Kim AND talks")], {})
    filed = classify_claims(article, claims, topic)
    assert [bool(c.topics) for c in filed] == [True, False]


_TEXT = st.text(alphabet="ab .'’\n-5Ω", max_size=40)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 40), st.integers(0, 40))
def test_a_stretch_of_one_tokenisation_is_the_stretch_tokenised(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    view = TextIndex(text).span(start, end)
    if view is not None:  # refused only where a word crosses an edge
        assert view.tokens(True) == tokenise(text[start:end])
    assert view is not None or tokenise(text)  # nothing to cross in a text without words


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT)
def test_possible_never_rules_out_a_match(text: str, title: str) -> None:
    for query in ("a AND NOT b", '"a b"', "ab* OR Ω", "a NEAR/2 b", '="A" OR b.a', "title:a b"):
        compiled = parse_query(query)
        if compiled.match(Document({"text": text, "title": title})) is not None:
            assert compiled.possible(Haystack.of([text, title]))

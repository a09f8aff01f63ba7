"""Merging claims into stories, and ranking stories by salience."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from digest.model import Article, Claim, ClaimKind, MergedClaim, Span, Speaker, TopicMatch
from digest.stories import minhash
from digest.stories.merge import claim_key, merge_claims
from digest.stories.rank import rank_claims, salience

ISSUED = datetime(2023, 9, 13, 6, 0, tzinfo=UTC)


def _claim(
    article: str,
    text: str,
    *,
    kind: ClaimKind = "reported",
    speaker: str | None = "Matthew Miller",
    role: str | None = None,
    start: int = 0,
    topic: str | None = None,
) -> Claim:
    who = Speaker(speaker, role, speaker.split()[-1], Span(0, 5)) if speaker else None
    return Claim(
        id=f"{article}-{start}",
        article_id=article,
        kind=kind,
        text=text,
        span=Span(start, start + len(text)),
        speaker=who,
        topics=(TopicMatch(topic, 1.0, ("x",)),) if topic else (),
    )


def _article(article_id: str, outlet: str, hours_before: float = 12) -> Article:
    return Article(
        id=article_id,
        source=outlet,
        title="t",
        url=None,
        published=ISSUED - timedelta(hours=hours_before),
        text="",
        path=f"{article_id}.txt",
    )


# --- the exact pass: typography does not make two claims -----------------------------


@pytest.mark.parametrize(
    "variant",
    [
        "“We will not hesitate — not for a moment,” he said",
        '"We will not hesitate -- not for a moment," he said',
        "We  will not\nhesitate – not for a moment, he said",
        "And we will not hesitate — not for a moment, he said",
        "WE WILL NOT HESITATE — NOT FOR A MOMENT, HE SAID",
    ],
)
def test_claim_key_ignores_typography(variant: str) -> None:
    assert claim_key(variant) == claim_key("We will not hesitate - not for a moment, he said")


def test_claim_key_reads_dotted_abbreviations_as_words() -> None:
    assert claim_key("U.S. officials met U.N. envoys") == claim_key("US officials met UN envoys")
    assert claim_key("N. Korea") != claim_key("NK")


def test_one_quote_in_three_typographies_is_one_story_with_three_articles() -> None:
    claims = [
        _claim("a", "“We will not hesitate — not for a moment”", kind="quote"),
        _claim("b", '"We will not hesitate -- not for a moment"', kind="quote"),
        _claim("c", "And we will not  hesitate – not for a moment", kind="quote"),
    ]
    stories = merge_claims(claims)
    assert len(stories) == 1
    assert stories[0].article_ids == ("a", "b", "c")
    # The full quote leads, not the one cut from a longer sentence ("And ...").
    assert stories[0].lead.article_id == "a"


def test_a_claim_repeated_in_one_article_is_one_story() -> None:
    text = "Any arms transfer would violate multiple resolutions"
    stories = merge_claims([_claim("a", text), _claim("a", text, start=500)])
    assert len(stories) == 1
    assert stories[0].article_ids == ("a",)


# --- the near pass: reported speech worded a little differently ----------------------

PARAPHRASE = (
    "Russia could not unilaterally lift the Security Council sanctions on North Korea",
    "Russia could not unilaterally lift the UN Security Council sanctions on North Korea",
)


def test_near_identical_reported_speech_merges_above_the_threshold() -> None:
    claims = [_claim("a", PARAPHRASE[0]), _claim("b", PARAPHRASE[1])]
    assert len(merge_claims(claims, similarity=0.8)) == 1
    assert len(merge_claims(claims, similarity=1.0)) == 2


def test_dissimilar_claims_stay_apart() -> None:
    claims = [
        _claim("a", PARAPHRASE[0]),
        _claim("b", "Washington would not hesitate to impose new sanctions on the companies"),
    ]
    assert len(merge_claims(claims, similarity=0.5)) == 2


def test_two_claims_of_one_article_never_merge_however_alike() -> None:
    claims = [_claim("a", PARAPHRASE[0]), _claim("a", PARAPHRASE[1], start=300)]
    assert len(merge_claims(claims, similarity=0.5)) == 2


def test_a_near_match_never_pulls_a_second_claim_of_the_same_article_in() -> None:
    # b's claim is like both of a's claims; it may join one of them, never both.
    claims = [
        _claim("a", PARAPHRASE[0]),
        _claim("a", PARAPHRASE[0] + " this year", start=300),
        _claim("b", PARAPHRASE[1]),
    ]
    stories = merge_claims(claims, similarity=0.6)
    assert len(stories) == 2
    assert all(len(s.article_ids) == len(s.claims) for s in stories)


def test_differently_named_speakers_do_not_merge() -> None:
    claims = [
        _claim("a", PARAPHRASE[0], speaker="Matthew Miller"),
        _claim("b", PARAPHRASE[1], speaker="Pat Ryder"),
        _claim("c", PARAPHRASE[1], speaker="Miller"),
    ]
    stories = merge_claims(claims, similarity=0.8)
    assert sorted(s.article_ids for s in stories) == [("a", "c"), ("b",)]


def test_a_shortened_name_is_the_same_speaker_and_a_shared_title_is_not() -> None:
    same = [
        _claim("a", PARAPHRASE[0], speaker="Kim Jong-un"),
        _claim("b", PARAPHRASE[1], speaker="Kim"),
    ]
    assert len(merge_claims(same)) == 1
    different = [
        _claim("a", PARAPHRASE[0], speaker="Ambassador Hwang Joon-kook"),
        _claim("b", PARAPHRASE[1], speaker="Ambassador Linda Thomas-Greenfield"),
    ]
    assert len(merge_claims(different)) == 2


def test_the_same_words_from_two_named_speakers_are_two_stories() -> None:
    text = "We are monitoring the situation closely"
    claims = [
        _claim("a", text, speaker="Matthew Miller"),
        _claim("b", text, speaker="Pat Ryder"),
        _claim("c", text, speaker="the spokesman"),
    ]
    stories = merge_claims(claims)
    assert [s.article_ids for s in stories] == [("a", "c"), ("b",)]
    assert len({s.id for s in stories}) == 2


def test_merge_is_deterministic_and_ids_do_not_depend_on_input_order() -> None:
    claims = [
        _claim(f"a{i}", f"claim number {i} about the sanctions talks today") for i in range(30)
    ]
    claims += [_claim("b", PARAPHRASE[0]), _claim("c", PARAPHRASE[1])]
    first = merge_claims(claims)
    shuffled = list(claims)
    random.Random(4).shuffle(shuffled)
    again = merge_claims(shuffled)
    assert sorted((s.id, frozenset(c.id for c in s.claims)) for s in first) == sorted(
        (s.id, frozenset(c.id for c in s.claims)) for s in again
    )
    assert merge_claims(claims) == first


def test_merge_compares_few_pairs_of_distinct_claims() -> None:
    """Claims of their own words share few LSH bands: a handful of comparisons, not one
    per pair (all pairs of 4,000 claims: 8 million)."""
    rng = random.Random(7)
    vocabulary = [f"word{i}" for i in range(3000)]

    def compared(n: int) -> int:
        claims = [
            _claim(f"a{i}", " ".join(rng.choice(vocabulary) for _ in range(18)), start=i)
            for i in range(n)
        ]
        with minhash.counting() as work:
            assert len(merge_claims(claims)) == n
        assert work.sets == n
        return work.candidates

    assert compared(1000) <= 100 and compared(4000) <= 400


def _wire_claims(count: int) -> list[Claim]:
    """One wire story's claim in `count` outlets' articles, each with its own number."""
    return [
        _claim(
            f"outlet{i:04d}",
            f"North Korea fired {i + 2} short-range ballistic missiles into the East Sea on "
            "Tuesday, hours after its leader left for Russia",
            speaker="the Joint Chiefs of Staff",
        )
        for i in range(count)
    ]


@pytest.mark.parametrize("count", [200, 400])
def test_one_claim_in_hundreds_of_wordings_is_one_story_at_a_linear_cost(count: int) -> None:
    claims = _wire_claims(count)
    random.Random(count).shuffle(claims)
    with minhash.counting() as work:
        stories = merge_claims(claims)
    assert len(stories) == 1
    assert sorted(stories[0].article_ids) == sorted(c.article_id for c in claims)
    assert work.candidates <= 30 * count, work  # all pairs: count²/2


def test_merge_comparisons_grow_linearly_with_the_copies() -> None:
    def compared(count: int) -> int:
        with minhash.counting() as work:
            merge_claims(_wire_claims(count))
        return work.candidates

    small, large = compared(300), compared(600)
    assert large <= 2.3 * small, (small, large)  # all pairs would be 4x


# --- ranking -------------------------------------------------------------------------


def _story(claims: list[Claim]) -> MergedClaim:
    return merge_claims(claims)[0]


def test_independent_sources_count_a_syndicated_copy_as_its_original() -> None:
    articles = {
        a.id: a
        for a in (_article("a", "Yonhap"), _article("b", "Reuters"), _article("c", "Korea Herald"))
    }
    story = _story([_claim(x, "We will act", kind="quote") for x in "abc"])
    plain = salience(story, articles, issued=ISSUED)
    copied = salience(story, articles, issued=ISSUED, copies={"c": "a"})
    assert plain.sources == 3 and copied.sources == 2


def test_a_named_official_outranks_a_named_speaker_outranks_an_unnamed_one() -> None:
    articles = {"a": _article("a", "Yonhap")}

    def score(speaker: str | None, role: str | None = None) -> float:
        story = _story([_claim("a", "We will act", speaker=speaker, role=role)])
        return salience(story, articles, issued=ISSUED).speaker

    assert score("Matthew Miller", "State Department spokesman") > score("Matthew Miller")
    assert score("Matthew Miller") > score("a senior official") > score(None)


def test_a_quote_outranks_a_paraphrase_and_recent_reporting_outranks_old() -> None:
    articles = {"a": _article("a", "Yonhap", 2), "b": _article("b", "Yonhap", 40)}
    quote = salience(_story([_claim("a", "x y z", kind="quote")]), articles, issued=ISSUED)
    reported = salience(_story([_claim("a", "x y z")]), articles, issued=ISSUED)
    old = salience(_story([_claim("b", "x y z", kind="quote")]), articles, issued=ISSUED)
    assert quote.kind > reported.kind
    assert quote.recency > old.recency > 0


def test_stories_seen_in_an_earlier_brief_lose_novelty() -> None:
    articles = {"a": _article("a", "Yonhap")}
    story = _story([_claim("a", "We will act")])
    fresh = salience(story, articles, issued=ISSUED, seen_claim_keys=set())
    seen = salience(story, articles, issued=ISSUED, seen_claim_keys={claim_key("We will act")})
    assert fresh.total - seen.total == pytest.approx(1.0)
    assert salience(story, articles, issued=ISSUED).novelty == 0


def test_rank_orders_by_salience_more_sources_first() -> None:
    articles = {x: _article(x, x.upper()) for x in "abc"}
    one = _claim("a", "Only one outlet has this", kind="quote", role="minister")
    three = [_claim(x, "Three outlets have this one") for x in "abc"]
    ranked = rank_claims(merge_claims([one, *three]), articles, issued=ISSUED)
    assert [len(s.article_ids) for s in ranked] == [3, 1]
    assert ranked[0].salience > ranked[1].salience > 0

"""Claim extraction on sentences written for the tests: each case of the issue's list."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digest.extract import extract_claims
from digest.model import Article, Claim, Span
from digest.read.clean import clean_article


def claims_of(text: str, published: datetime | None = None) -> list[Claim]:
    article = Article("t", "Wire", "", None, published, text, "t.txt", body=(Span(0, len(text)),))
    return list(extract_claims(clean_article(article)))


def attributed(text: str) -> list[Claim]:
    return [c for c in claims_of(text) if c.kind != "statement"]


def quotes_in(text: str, cue: str | None = None) -> list[Claim]:
    """The quote claims of `text`, those with this cue if one is given."""
    return [c for c in attributed(text) if c.kind == "quote" and cue in (None, c.cue)]


def who(claim: Claim) -> str | None:
    """The name a claim is given to, or None when it is unsigned."""
    return claim.speaker.name if claim.speaker else None


def spoken(claims: list[Claim]) -> list[tuple[str | None, str]]:
    """Who said what: (speaker name, text) of each claim."""
    return [(who(c), c.text) for c in claims]


def one(text: str) -> Claim:
    found = attributed(text)
    assert len(found) == 1, [(c.kind, c.text) for c in found]
    return found[0]


# -- quotations -------------------------------------------------------------------------


def test_quote_with_speaker_after() -> None:
    claim = one('"We will not back down," said Foreign Minister Park Jin.')
    assert (claim.kind, claim.text, claim.cue) == ("quote", "We will not back down", "said")
    assert claim.speaker is not None
    assert (claim.speaker.name, claim.speaker.role) == ("Park Jin", "Foreign Minister")


def test_inverted_attribution_resolves_the_last_name() -> None:
    text = (
        "Matthew Miller said the talks would resume.\n\n"
        '"They will be available for humanitarian use only," added Miller.'
    )
    claim = [c for c in attributed(text) if c.kind == "quote"][0]
    assert claim.speaker is not None and claim.speaker.name == "Matthew Miller"
    assert claim.speaker.mention == "Miller"
    assert claim.cue == "added"


def test_speaker_before_with_colon() -> None:
    claim = one('Koo Byoung-sam said: "We are watching closely. Nothing has been agreed."')
    assert claim.kind == "quote"
    assert claim.text == "We are watching closely. Nothing has been agreed"
    assert claim.speaker is not None and claim.speaker.name == "Koo Byoung-sam"


def test_multi_sentence_quote_is_one_claim() -> None:
    claim = one(
        '"Obviously we know that a meeting is to take place. Our understanding is that it '
        'will focus on arms," Brig. Gen. Pat Ryder told reporters.'
    )
    assert claim.text.startswith("Obviously") and claim.text.endswith("focus on arms")
    assert claim.speaker is not None
    assert (claim.speaker.name, claim.speaker.role) == ("Pat Ryder", "Brig. Gen.")


def test_quote_interrupted_by_he_said_is_one_claim() -> None:
    text = (
        'Park Jin spoke on Tuesday.\n\n"Russia is a permanent member," he said, '
        '"and it bears a special duty."'
    )
    claim = [c for c in attributed(text) if c.kind == "quote"][0]
    assert claim.text == "Russia is a permanent member, and it bears a special duty"
    assert claim.speaker is not None and claim.speaker.name == "Park Jin"
    assert text[claim.span.start : claim.span.end].startswith("Russia is a permanent member")


def test_quote_over_several_paragraphs() -> None:
    text = (
        "Kirby spoke at length on Monday.\n\n"
        '"The first thing to say is that we are watching.\n\n'
        '"The second is that we will act," John Kirby said.'
    )
    quotes = [c for c in attributed(text) if c.kind == "quote"]
    assert len(quotes) == 1
    assert (
        quotes[0].text
        == "The first thing to say is that we are watching. The second is that we will act"
    )
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "John Kirby"


def test_quote_inside_quote_stays_inside() -> None:
    claim = one("\"He told me 'we are ready' and left,\" said Lee Min-ho.")
    assert claim.text == "He told me 'we are ready' and left"


@pytest.mark.parametrize(
    "text",
    [
        "“We are ready,” said Kim Yong-ho.",
        '"We are ready," said Kim Yong-ho.',
        "«We are ready», said Kim Yong-ho.",
        "''We are ready,'' said Kim Yong-ho.",
    ],
)
def test_straight_curly_guillemet_and_typewriter_marks(text: str) -> None:
    claim = one(text)
    assert (claim.kind, claim.text) == ("quote", "We are ready")


@pytest.mark.parametrize(
    "text",
    [
        'He said "no and left.',
        '"Unclosed quote, said Kim. And more text "here',
        '" " " "',
        "”backwards“ said nobody.",
        '"' * 50,
    ],
)
def test_stray_and_unbalanced_marks_never_raise(text: str) -> None:
    for claim in claims_of(text):
        assert 0 <= claim.span.start <= claim.span.end <= len(text)


def test_bare_quote_paragraph_continues_the_previous_speaker() -> None:
    text = (
        '"We are concerned," said Lim Soo-suk, a foreign ministry spokesperson.\n\n'
        '"Any transfer would breach the resolutions and we will respond."'
    )
    quotes = [c for c in attributed(text) if c.kind == "quote"]
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Lim Soo-suk", "Lim Soo-suk"]


# -- partial quotes and reported speech --------------------------------------------------


def test_partial_quote() -> None:
    claim = one('Jung Pak said Monday that the meeting might be the "final step" before a deal.')
    assert claim.kind == "partial"
    assert claim.text == 'the meeting might be the "final step" before a deal'
    assert claim.speaker is not None and claim.speaker.name == "Jung Pak"


def test_short_answer_keeps_its_sentence() -> None:
    claim = one('Miller said "no" when asked if Russia could lift the sanctions.')
    assert claim.text == 'Miller said "no" when asked if Russia could lift the sanctions'


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The minister told reporters that the plan would be delayed.", "told"),
        ("The minister added that the plan would be delayed.", "added"),
        ("The minister noted that the plan would be delayed.", "noted"),
        ("The minister argued that the plan would be delayed.", "argued"),
        ("The minister warned that the plan would be delayed.", "warned"),
        ("The minister insisted that the plan would be delayed.", "insisted"),
        ("The minister claimed that the plan would be delayed.", "claimed"),
        ("The minister acknowledged that the plan would be delayed.", "acknowledged"),
        ("The minister believes that the plan would be delayed.", "believes"),
        ("The minister wrote that the plan would be delayed.", "wrote"),
        ("The minister tweeted that the plan would be delayed.", "tweeted"),
        ("The plan would be delayed, according to the minister.", "according to"),
        ("According to the minister, the plan would be delayed.", "according to"),
        ("The minister was quoted as saying that the plan would be delayed.", "quoted as saying"),
        ("The newspaper reports that the plan would be delayed.", "reports"),
    ],
)
def test_reported_speech_cues(sentence: str, cue: str) -> None:
    claim = one(sentence)
    assert claim.kind == "reported"
    assert claim.cue == cue
    assert claim.text.lower() == "the plan would be delayed"
    assert claim.speaker is not None
    assert claim.speaker.name.lower() in {"the minister", "the newspaper"}


def test_said_in_a_statement() -> None:
    claim = one("The State Department said in a statement that the waiver was lawful.")
    assert claim.text == "the waiver was lawful"
    assert claim.speaker is not None and claim.speaker.name == "The State Department"


def test_reported_speech_with_speaker_after() -> None:
    claim = one(
        "The United States will not hesitate to act, a State Department spokesperson said Tuesday."
    )
    assert claim.text == "The United States will not hesitate to act"
    assert claim.speaker is not None and claim.speaker.name == "a State Department spokesperson"


def test_participle_adds_a_second_claim_of_the_same_speaker() -> None:
    found = attributed('"The funds are frozen," he said, noting the money will go to Qatar first.')
    assert [c.cue for c in found] == ["said", "noting"]
    assert found[1].text == "the money will go to Qatar first"


def test_appositive_name_and_role() -> None:
    claim = one("Jung Pak, U.S. deputy special envoy for North Korea, said the meeting was likely.")
    assert claim.speaker is not None
    assert (claim.speaker.name, claim.speaker.role) == (
        "Jung Pak",
        "U.S. deputy special envoy for North Korea",
    )


def test_anonymous_source_and_group_speakers() -> None:
    assert one("A senior official said the talks had stalled.").speaker.name == "A senior official"  # type: ignore[union-attr]
    assert one("Russian officials said the talks had stalled.").speaker.name == "Russian officials"  # type: ignore[union-attr]


def test_expected_to_is_not_speech() -> None:
    claims = claims_of("Kim is expected to meet Putin on Wednesday in Vladivostok.")
    assert [c.kind for c in claims] == ["statement"]


# -- speakers across sentences -----------------------------------------------------------


def test_pronoun_resolves_to_the_last_person_of_that_gender() -> None:
    text = (
        "Linda Thomas-Greenfield said the council had failed.\n\n"
        "John Bolton said the sanctions were outdated.\n\n"
        '"Holding a veto is not an exemption," she said.'
    )
    quote = [c for c in attributed(text) if c.kind == "quote"][0]
    assert quote.speaker is not None and quote.speaker.name == "Linda Thomas-Greenfield"
    assert quote.speaker.mention == "she"


def test_descriptor_resolves_to_the_person_with_that_role() -> None:
    text = (
        "A state department spokesperson said the United States would act.\n\n"
        "Matthew Miller also reiterated that a transfer would violate resolutions.\n\n"
        '"We will monitor what happens," the department spokesperson told reporters.'
    )
    names = [who(c) for c in attributed(text)]
    assert names == ["Matthew Miller", "Matthew Miller", "Matthew Miller"]


def test_pentagon_spokesperson_named_later() -> None:
    text = (
        "A Pentagon spokesperson noted that the meeting would focus on arms.\n\n"
        '"We know a meeting is to take place," Brig. Gen. Pat Ryder told a briefing.'
    )
    speakers = [c.speaker for c in attributed(text)]
    assert all(s is not None and s.name == "Pat Ryder" for s in speakers)
    assert speakers[0] is not None and speakers[0].role == "Pentagon spokesperson (Brig. Gen.)"


# -- dates ----------------------------------------------------------------------------------


def test_relative_dates_resolve_against_the_publication_date() -> None:
    tuesday = datetime(2023, 9, 12, 12, tzinfo=UTC)
    text = (
        "The envoy said Monday that the deal was close.\n\n"
        "Kim is expected to meet Putin on Wednesday.\n\n"
        "The minister said the waivers were signed on Friday and notified to Congress yesterday."
    )
    claims = claims_of(text, tuesday)
    whens = [(c.kind, c.when.isoformat() if c.when else None) for c in claims]
    assert whens == [
        ("reported", "2023-09-11"),
        ("statement", "2023-09-13"),
        ("reported", "2023-09-08"),
    ]
    dated = {d.phrase: d.date.isoformat() for d in claims[2].dates}
    assert dated == {"Friday": "2023-09-08", "yesterday": "2023-09-11"}


def test_offsets_point_into_the_text() -> None:
    text = 'SEOUL -- "We are ready," said Kim Yong-ho, a ministry spokesman, on Tuesday.'
    claim = one(text)
    assert text[claim.span.start : claim.span.end] == claim.text
    assert claim.cue_span is not None and text[claim.cue_span.start : claim.cue_span.end] == "said"
    assert claim.speaker is not None
    assert text[claim.speaker.span.start : claim.speaker.span.end] == claim.speaker.mention


def test_interrupted_quote_continued_in_the_same_paragraph_keeps_every_part() -> None:
    text = (
        'Park Jin spoke on Tuesday.\n\n"Russia is a permanent member," he said, '
        '"and it bears a special duty." "It must act now."'
    )
    quotes = [c for c in attributed(text) if c.kind == "quote"]
    assert [q.text for q in quotes] == [
        "Russia is a permanent member, and it bears a special duty. It must act now"
    ]


# -- quotation marks as web copy mixes them --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"We will act,” said Kim Yong-ho.',
        "“We will act,“ said Kim Yong-ho.",
        "''We will act,'' said Kim Yong-ho.",
    ],
)
def test_mixed_quotation_marks_close_the_quotation(text: str) -> None:
    claim = one(text)
    assert (claim.kind, claim.text) == ("quote", "We will act")
    assert claim.speaker is not None and claim.speaker.name == "Kim Yong-ho"


def test_stray_single_mark_after_a_quotation() -> None:
    claim = one("''I would call it 'old-fashioned,''' said Jo Reyes, a ferry captain.")
    assert claim.kind == "quote"
    assert claim.speaker is not None and claim.speaker.name == "Jo Reyes"


# -- where the attribution stands ---------------------------------------------------------


def test_scene_setting_opener_before_speaker_and_quotation() -> None:
    claim = one('Asked about the delay, Lim Soo-suk said, "We are still waiting for an answer."')
    assert claim.text == "We are still waiting for an answer"
    assert claim.speaker is not None and claim.speaker.name == "Lim Soo-suk"


def test_role_words_before_the_name_after_a_quotation() -> None:
    claim = one('"The harbor will reopen next week," port official Jo Reyes said.')
    assert claim.kind == "quote"
    assert claim.speaker is not None and claim.speaker.name == "Jo Reyes"


def test_age_and_long_aside_after_the_name() -> None:
    claim = one(
        "Dana Whitfield, 54, a retired teacher who has lived on the island since the ferry "
        "service began in the nineteen seventies, said the new schedule was a mistake."
    )
    assert claim.text == "the new schedule was a mistake"
    assert claim.speaker is not None and claim.speaker.name == "Dana Whitfield"


def test_name_right_after_a_quotation_with_commas_in_its_aside() -> None:
    claim = one(
        '"It was a long winter," Mr. Okafor, now 70 and retired in Lagos, Nigeria, said on Monday.'
    )
    assert claim.kind == "quote"
    assert claim.speaker is not None and claim.speaker.name == "Okafor"


def test_weak_cue_after_an_appositive() -> None:
    claim = one("Yang Shu, director of the Asian Studies Institute, calls the port a mistake.")
    assert claim.cue == "calls"
    assert claim.speaker is not None and claim.speaker.name == "Yang Shu"


def test_demonstrative_phrase_after_a_quotation() -> None:
    claim = one('"We are not giving up," this veteran organizer declared.')
    assert claim.speaker is not None and claim.speaker.mention == "this veteran organizer"


def test_quoted_document_speaks_as_it() -> None:
    text = 'The council issued a notice. "The bridge is closed until spring," it added.'
    claim = [c for c in attributed(text) if c.kind == "quote"][0]
    assert claim.speaker is not None and claim.speaker.mention == "it"


@pytest.mark.parametrize(
    "text",
    [
        '"The ferry is late again," reads the sign at the pier.',
        'At the bottom it reads, "Thank you for waiting."',
    ],
)
def test_reads_is_a_cue_next_to_a_quotation(text: str) -> None:
    claim = one(text)
    assert claim.cue == "reads" and claim.kind == "quote"


def test_reads_elsewhere_is_not_a_cue() -> None:
    assert attributed("The mayor reads the budget every morning before work.") == []


def test_said_to_an_audience_after_a_quotation() -> None:
    claim = one('"We will not close the pier," Mayor Ines Duarte said to loud cheers.')
    assert claim.speaker is not None and claim.speaker.name == "Ines Duarte"


def test_wrote_to_a_plural_audience_is_speech() -> None:
    claim = one("Ines Duarte wrote to investors that the fund would reopen.")
    assert claim.cue == "wrote"
    assert claim.text.endswith("the fund would reopen")


def test_said_in_a_place_then_a_quotation() -> None:
    claim = one('As Ines Duarte said last week in Porto, "The river is our road."')
    assert claim.text == "The river is our road"
    assert claim.speaker is not None and claim.speaker.name == "Ines Duarte"


def test_according_to_after_a_quotation() -> None:
    claim = one('"The pier will be rebuilt by June," according to the harbor authority.')
    assert claim.cue == "according to"
    assert claim.text == "The pier will be rebuilt by June"


def test_colon_after_a_parenthesis_introduces_the_quotation() -> None:
    claim = one('Rep. Ana Lima (D-Ore.): "Who told you that figure?"')
    assert claim.cue == ":"
    assert claim.speaker is not None and claim.speaker.name == "Ana Lima"


def test_as_she_put_it() -> None:
    claim = one('As Ines Duarte put it, "The river is our road."')
    assert claim.cue == "put it"
    assert claim.speaker is not None and claim.speaker.name == "Ines Duarte"


def test_inverted_speaker_phrase_keeps_its_head() -> None:
    claim = one('"It is a start," said a Democratic strategist who asked not to be named.')
    assert claim.speaker is not None and claim.speaker.name == "a Democratic strategist"


def test_a_thing_after_said_is_not_an_inverted_speaker() -> None:
    claims = attributed("Dana Whitfield, 54, a teacher, said the convention was a mistake.")
    assert [who(c) for c in claims] == ["Dana Whitfield"]


@pytest.mark.parametrize("verb", ["admitted", "referred to", "quipped"])
def test_verbs_that_double_their_last_consonant(verb: str) -> None:
    claim = one(f"Ines Duarte {verb} that the plan would be delayed.")
    assert claim.cue == verb.split()[0]


# -- what is not a cue ------------------------------------------------------------------


def test_possessive_before_a_participle_is_a_modifier() -> None:
    assert attributed("Duarte's proposed bridge would cost four million euros a year.") == []


# -- claims without a speech verb ----------------------------------------------------------


def test_quoted_words_in_the_subjects_own_clause() -> None:
    claim = one('Mayor Ines Duarte stood by her "turning point" deal with the port.')
    assert claim.kind == "partial"
    assert claim.text == 'stood by her "turning point" deal with the port'
    assert claim.speaker is not None and claim.speaker.name == "Ines Duarte"


def test_a_quoted_title_with_no_subject_before_it_stays_a_statement() -> None:
    claims = claims_of('In the film "Harbor Lights" the town looks much older than it is.')
    assert [c.kind for c in claims] == ["statement"]


def test_coordinated_cue_keeps_the_speaker() -> None:
    found = attributed('Duarte called the plan "reckless" and said it would hurt the fishermen.')
    assert [c.cue for c in found] == ["called", "said"]
    assert all(c.speaker is not None and c.speaker.name == "Duarte" for c in found)


def test_content_ends_where_another_attribution_starts() -> None:
    found = attributed('Critics said the bridge was unsafe, Ines Duarte replied: "It passed."')
    assert found[0].text == "the bridge was unsafe"
    assert found[-1].text == "It passed"


# -- speakers across sentences ----------------------------------------------------------


def test_participial_opener_is_not_the_subject() -> None:
    claim = one("Weighing in on Friday, Ines Duarte smiled, praising the fishermen.")
    assert claim.cue == "praising"
    assert claim.speaker is not None and claim.speaker.name == "Ines Duarte"


def test_time_phrase_opener_is_not_the_subject() -> None:
    claim = one("Last month, a group of pilots warned, arguing that the channel was unsafe.")
    assert claim.speaker is not None and claim.speaker.name == "a group of pilots"


def test_subject_noun_phrase_keeps_its_head() -> None:
    claim = one("The veteran captain began by saying the channel was too shallow.")
    assert claim.speaker is not None and claim.speaker.name == "The veteran captain"


def test_contracted_pronoun_is_a_speaker() -> None:
    text = "Ines Duarte runs the port.\n\nShe's said the channel must be dredged this year."
    claim = [c for c in attributed(text) if c.cue == "said"][0]
    assert claim.speaker is not None
    assert (claim.speaker.mention, claim.speaker.name) == ("She", "Ines Duarte")


def test_courtesy_title_does_not_start_a_sentence() -> None:
    text = (
        "Ines Duarte spoke first. She said that Mr. Okafor had already left the meeting.\n\n"
        '"We will try again next week," she said.'
    )
    quote = [c for c in attributed(text) if c.kind == "quote"][0]
    assert quote.speaker is not None and quote.speaker.name == "Ines Duarte"


def test_pronoun_skips_names_inside_quotations() -> None:
    text = (
        "Tom Okafor spoke at the pier.\n\n"
        '"Ines Duarte should resign. Duarte knows what she did," he said.'
    )
    quote = [c for c in attributed(text) if c.kind == "quote"][0]
    assert quote.speaker is not None and quote.speaker.name == "Tom Okafor"


def test_first_name_decides_the_gender_over_the_title() -> None:
    text = 'Ferry spokesman Hope Lindqvist confirmed the delay.\n\n"Nobody was hurt," she said.'
    quote = [c for c in attributed(text) if c.kind == "quote"][0]
    assert quote.speaker is not None and quote.speaker.name == "Hope Lindqvist"


def test_pronoun_falls_back_to_the_last_person_named() -> None:
    text = (
        "The report, written by Tom Okafor of the port authority, was published on Monday.\n\n"
        '"The channel needs work," he said.'
    )
    quote = [c for c in attributed(text) if c.kind == "quote"][0]
    assert quote.speaker is not None and quote.speaker.name == "Tom Okafor"


def test_group_pronoun_shows_the_description() -> None:
    text = (
        "Harbor officials say the pier is safe.\n\n"
        "Still, they say, the old crane must be removed this year."
    )
    claims = attributed(text)
    assert claims[-1].speaker is not None
    assert claims[-1].speaker.name == "Harbor officials"


def test_definite_description_lets_the_pronoun_find_the_person() -> None:
    text = (
        "Ines Duarte toured the harbor.\n\n"
        '"It is in better shape than I feared," the mayor said.\n\n'
        '"We will start in May," she added.'
    )
    quotes = [c for c in attributed(text) if c.kind == "quote"]
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == "Ines Duarte"


def test_an_unnamed_official_is_not_named_by_the_next_person() -> None:
    text = (
        "A port official said the crane was unsafe.\n\n"
        '"We are reviewing it," Harbor Master Tom Okafor said.'
    )
    claims = attributed(text)
    assert claims[0].speaker is not None and claims[0].speaker.name == "A port official"


def test_last_name_with_a_known_full_name_is_not_a_first_name() -> None:
    text = (
        "Tom Okafor runs the port. The Okafor Shipping Group owns three ferries.\n\n"
        '"We will not sell," Okafor said.'
    )
    quote = [c for c in attributed(text) if c.kind == "quote"][0]
    assert quote.speaker is not None and quote.speaker.name == "Tom Okafor"


def test_quoted_paragraph_two_paragraphs_on_keeps_the_speaker() -> None:
    text = (
        '"The channel is too shallow," Ines Duarte said.\n\n'
        "The port handled two million tonnes last year.\n\n"
        '"We need the dredging done before the autumn storms arrive."'
    )
    quotes = [c for c in attributed(text) if c.kind == "quote"]
    assert len(quotes) == 2
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Ines Duarte"


def test_quoted_phrase_far_from_any_speaker_is_the_writers() -> None:
    text = (
        '"The channel is too shallow," Ines Duarte said.\n\n'
        "The port handled two million tonnes last year.\n\n"
        'In the old town, a "blue corridor" of cafes now lines the whole harbor front.'
    )
    claims = claims_of(text)
    assert [c.kind for c in claims] == ["quote", "statement", "statement"]


def test_quoted_paragraph_after_another_persons_paragraph_is_theirs() -> None:
    text = (
        '"The channel is too shallow," Ines Duarte said.\n\n'
        "Tom Okafor runs the ferry company that uses it.\n\n"
        '"We lose money every week the channel stays closed."'
    )
    quotes = [c for c in attributed(text) if c.kind == "quote"]
    assert quotes[-1].speaker is not None and quotes[-1].speaker.name == "Tom Okafor"


def test_speaker_phrase_with_a_place_after_a_quotation() -> None:
    claim = one('"The fund will reopen in May," a voice-over in the ad says.')
    assert claim.kind == "quote"
    assert claim.speaker is not None and claim.speaker.name == "the ad"


def test_a_participle_aside_on_how_someone_spoke_is_not_a_cue() -> None:
    text = (
        "A senior port official, speaking to reporters on condition of anonymity, "
        "warned that the channel could close by March."
    )
    claims = attributed(text)
    assert [c.text for c in claims] == ["the channel could close by March"]
    assert claims[0].cue == "warned"
    assert claims[0].speaker is not None and claims[0].speaker.name == "A senior port official"


def test_particle_verbs_report_speech_only_with_their_particle() -> None:
    assert claims_of("The train crossed the border at the Khasan rail station shortly after dawn.")
    assert all(
        c.kind == "statement"
        for c in claims_of(
            "The train crossed the border at the Khasan rail station shortly after dawn."
        )
    )
    railed = one("Opposition leader Lee Jae-myung railed against the deal on Tuesday.")
    assert railed.cue == "railed" and railed.speaker is not None


def test_a_noun_in_ing_after_an_article_is_not_a_cue() -> None:
    claims = attributed(
        "Spokesman Jeon Ha-kyu told a regular briefing that the military was on alert."
    )
    assert [c.cue for c in claims] == ["told"]


def test_fired_back_and_shot_back_report_speech() -> None:
    claim = one('After the vote, Sen. Ada Reyes fired back: "This budget starves the parks."')
    assert (claim.kind, claim.text) == ("quote", "This budget starves the parks")
    assert claim.speaker is not None and claim.speaker.name == "Ada Reyes"
    shot = one('Mayor Tom Ruiz shot back, "Nobody here wants a tax hike."')
    assert shot.text == "Nobody here wants a tax hike" and shot.speaker is not None
    assert all(
        c.kind == "statement"
        for c in claims_of("The striker shot the ball past the keeper in the second half.")
        + claims_of("The navy, firing missiles at the coast, has little ammunition left.")
        + claims_of("Rovers hit back through Lena Ortiz, who volleyed in from the edge.")
        + claims_of("The visitors fired back moments later with a header at the near post.")
        + claims_of("He hit back at the mayor's claim that the new line would cut journeys.")
    )


def test_a_quotation_after_a_second_cue_is_its_own_claim() -> None:
    # The first cue's reported content runs on over the second cue; the quotation the
    # second one opens is still claimed, by the same speaker.
    text = (
        "Sen. Joe Park (D-Ore.), noting the length of the waiting list, said, "
        '"We need two more clinics before winter."'
    )
    quote = quotes_in(text)
    assert [c.text for c in quote] == ["We need two more clinics before winter"]
    assert quote[0].cue == "said"
    assert quote[0].speaker is not None and quote[0].speaker.name == "Joe Park"
    text = 'A county official who spoke anonymously said Friday, "Nothing has been signed yet."'
    quote = quotes_in(text)
    assert [c.text for c in quote] == ["Nothing has been signed yet"]
    assert quote[0].speaker is not None and quote[0].speaker.mention == "A county official"


def test_a_reply_after_anothers_quotation_takes_the_quotation_it_opens() -> None:
    # The first speaker's cue opens the first quotation; the second speaker's cue opens
    # the second: each speaker has their own words, the first claim still runs on.
    text = (
        'When a man in the crowd shouted, "Resign," Mayor Ada Reyes joked, raising her '
        'voice, "Not today, my friend!"'
    )
    quote = quotes_in(text, "joked")
    assert [c.text for c in quote] == ["Not today, my friend!"]
    assert quote[0].speaker is not None and quote[0].speaker.name == "Ada Reyes"
    text = (
        'Tom Ruiz answered the council with, "Why now? Why not last spring?" '
        'Ada Reyes then writes back, "Because the grant ran out."'
    )
    quote = quotes_in(text, "writes")
    assert [c.text for c in quote] == ["Because the grant ran out"]
    assert quote[0].speaker is not None and quote[0].speaker.name == "Ada Reyes"
    # A quotation the first cue does not open (the first claim's words stand between),
    # or no quotation after the second cue: as before.
    text = 'Ruiz said the deal was dead, "It is over," Reyes said, "and we all know it."'
    reyes = [c for c in attributed(text) if c.speaker is not None and c.speaker.name == "Reyes"]
    assert [c.text for c in reyes] == ["and we all know it"]
    text = 'When a man shouted, "Resign now," Ada Reyes joked that she would stay.'
    joked = [c for c in attributed(text) if c.cue == "joked"]
    assert [(c.kind, c.text) for c in joked] == [("reported", "she would stay")]


def test_went_on_to_say_has_the_subject_as_speaker() -> None:
    claim = one('The coach went on to say, "We were lucky in the last ten minutes."')
    assert (claim.kind, claim.cue) == ("quote", "say")
    assert claim.speaker is not None and claim.speaker.mention == "The coach"
    reported = one("Director Lina Ortiz goes on to explain that the museum will close in May.")
    assert reported.text == "the museum will close in May"
    assert reported.speaker is not None and reported.speaker.name == "Lina Ortiz"
    # What someone went on to do is not always to say something.
    assert all(
        c.kind == "statement"
        for c in claims_of("The actor went on to write and produce four seasons of the show.")
    )


def test_a_second_verb_of_saying_ends_the_first_claim() -> None:
    """'said A, and added that B' is two claims, and the first does not carry the second."""
    claims = attributed(
        "Reyes said the port would reopen in May, and added that the fees would fall."
    )
    assert [(c.cue, c.text) for c in claims] == [
        ("said", "the port would reopen in May"),
        ("added", "the fees would fall"),
    ]
    claims = attributed('Ortiz welcomed the plan and said: "It is long overdue."')
    assert [(c.cue, c.text) for c in claims] == [
        ("welcomed", "the plan"),
        ("said", "It is long overdue"),
    ]
    # A verb of what the speaker reports stays in it: the mayor claimed, not Reyes.
    claims = attributed("Reyes said the mayor lied and claimed the fees would fall.")
    assert claims[0].cue == "said"
    assert claims[0].text == "the mayor lied and claimed the fees would fall"


def test_how_someone_spoke_or_what_they_kept_up_is_not_what_they_said() -> None:
    # "spoke on condition of anonymity" says how; the claim is what "said" reports.
    claims = attributed(
        "A port official, who spoke on condition of anonymity, said the cranes were idle."
    )
    assert [(c.cue, c.text) for c in claims] == [("said", "the cranes were idle")]
    # "maintain" reports words only with a clause: "maintained that ...".
    assert attributed("The army was maintaining a full readiness posture.") == []
    maintained = one("Reyes maintained that the fees were fair.")
    assert maintained.text == "the fees were fair"
    assert one("The ministry maintains the fees were fair.").text == "the fees were fair"
    assert attributed("Rovers maintained their unbeaten start with a win at home.") == []
    assert one("Reyes spoke about the fees on the radio.").cue == "spoke"


def test_a_particle_left_without_its_object_reports_nothing() -> None:
    # In a relative clause the particle's object comes before the verb: nothing follows it.
    assert attributed("The plan that the council voted for in May will cut fees.") == []
    assert attributed("These are the rules Reyes argued for between 2019 and 2021.") == []
    assert one("Reyes called for more buses on Monday.").text == "more buses on Monday"


def test_a_place_or_recipient_inside_a_description_is_not_the_speaker() -> None:
    said = one("Republican lawmakers in Washington said the waiver was a mistake.")
    assert said.speaker is not None and said.speaker.name == "Republican lawmakers in Washington"
    said = one("A senior official in Seoul said the talks had stalled.")
    assert said.speaker is not None and said.speaker.name == "A senior official in Seoul"
    # The name that speaks: a person, or an organisation a statement comes from.
    said = one("Senator Ada Reyes of Oregon said the talks had stalled.")
    assert said.speaker is not None and said.speaker.name == "Ada Reyes"


def test_a_cue_word_after_a_preposition_is_a_noun() -> None:
    assert attributed("The pace of decline eased as chip prices showed signs of recovery.") == []
    assert attributed("Two days of talks on the port begin in Busan on Wednesday.") == []
    # A gerund after a preposition still reports: "by saying".
    assert one("Reyes began by saying the fees would fall.").cue == "saying"


def test_a_second_verb_after_an_object_is_a_claim_of_its_own() -> None:
    """'called him X and accused him of Y': what "called" reports ends before "and accused"."""
    claims = attributed(
        'Obama called the bankers "fat cats" and proposed raising taxes on their income.'
    )
    assert [(c.cue, c.text) for c in claims] == [
        ("called", 'the bankers "fat cats"'),
        ("proposed", "raising taxes on their income"),
    ]
    called = attributed("Sanders called him divisive and urged voters to reject him.")[0]
    assert called.text == "him divisive"
    # After a reported clause the second verb may be the clause's own: it stays inside.
    said = attributed("Reyes said the minister resigned and called for new elections.")[0]
    assert said.text == "the minister resigned and called for new elections"


def test_the_subject_before_verb_by_saying_speaks() -> None:
    claim = one('When he returned the judge began by saying, "I do not think jail is necessary."')
    assert claim.speaker is not None and claim.speaker.name == "the judge"
    assert claim.text == "I do not think jail is necessary"
    claim = attributed("The deal is done, and Miller responded by saying it was good.")[0]
    assert claim.speaker is not None and claim.speaker.name == "Miller"
    # No subject found: the claim stays, unsigned rather than given to the last speaker.
    claims = attributed(
        'Reyes spoke first. "We will reopen," she said. When the ships came in the crowd '
        'cheered, saying "This is a great day for the port."'
    )
    assert spoken(claims) == [
        ("Reyes", "We will reopen"),
        (None, "This is a great day for the port"),
    ]


def test_a_quotation_inside_the_speakers_aside_is_not_said() -> None:
    claims = attributed(
        '"We have had better conventions," Texas delegate Bill Eastland, wearing a hat and '
        '"Ted Cruz" campaign pins, said as confetti fell.'
    )
    assert spoken(claims) == [("Bill Eastland", "We have had better conventions")]


def test_a_name_after_the_cue_speaks_past_a_participle_phrase() -> None:
    claim = one(
        "That would create a summer of agony for Clinton, forcing her to fend off both "
        "rivals, said Brad Bannon, a Democratic pollster."
    )
    assert claim.speaker is not None and claim.speaker.name == "Brad Bannon"
    assert claim.text.startswith("That would create a summer of agony")
    # The name after the cue is who spoke only when nothing but a time or place follows.
    claim = one("An official, asked about the port, said Trump would visit.")
    assert claim.speaker is not None and claim.speaker.name == "An official"
    assert claim.text == "Trump would visit"
    claim = one("The port will reopen, said Reyes Tuesday.")
    assert claim.speaker is not None and claim.speaker.name == "Reyes"
    assert claim.text == "The port will reopen"


def test_a_thing_that_says_and_a_speaker_heard_saying() -> None:
    quote = quotes_in('The campaign sent a letter that said, "We will not debate him again."')
    assert spoken(quote) == [("a letter", "We will not debate him again")]
    # "can be heard asking", "is shown saying": the subject before the passive speaks.
    quote = quotes_in('"Should there be a database?" a reporter can be heard asking Trump.')
    assert [(who(c), c.cue) for c in quote] == [("a reporter", "asking")]
    claim = one("In the video, Reyes is shown saying the port will reopen.")
    assert claim.speaker is not None and claim.speaker.name == "Reyes"
    assert claim.text == "the port will reopen"


def test_an_aside_between_the_cue_and_that() -> None:
    claim = one("Reyes said, in a statement on Monday, that the port would reopen.")
    assert (claim.cue, claim.text) == ("said", "the port would reopen")
    claims = attributed(
        'Clinton called him "the best recruiter." She also said, without evidence, '
        'that "they are going to people."'
    )
    assert [(c.cue, c.text) for c in claims] == [
        ("called", 'him "the best recruiter."'),
        ("said", "they are going to people"),
    ]


def test_a_quotation_goes_on_a_partial_quote_only_when_it_opens_its_sentence() -> None:
    claims = attributed('Clinton called the plan "a disgrace." "It will cost us dearly."')
    assert [c.text for c in claims] == ['the plan "a disgrace." It will cost us dearly']
    claims = attributed(
        'Clinton called the plan "a disgrace." Then came talk of "the long campaign ahead."'
    )
    assert [c.text for c in claims] == ['the plan "a disgrace."', "the long campaign ahead"]


def test_a_quotation_set_apart_by_dashes_or_parentheses_is_the_whole_claim() -> None:
    claims = attributed(
        'Neither man liked her - "Born with a silver spoon in her mouth," Mr. Elkins '
        "said - but they could not back Mr. Trump."
    )
    assert spoken(claims) == [("Elkins", "Born with a silver spoon in her mouth")]
    claims = attributed('The night was long ("We never slept," Reyes said) and the port shut.')
    assert spoken(claims) == [("Reyes", "We never slept")]
    # "claimed to": what she claimed, without the parenthesis the sentence closes.
    claims = attributed('Kullman left the company. (She claimed to "retire.")')
    assert [(c.cue, c.text) for c in claims] == [("claimed", "retire")]


def test_a_role_then_a_name_after_an_opening_phrase() -> None:
    claim = one(
        "On Wednesday, however, the director of the agency, James B. Comey, said that "
        "the messages were private."
    )
    assert claim.speaker is not None and claim.speaker.name == "James B. Comey"
    assert claim.text == "the messages were private"


def test_an_accusation_is_a_claim_an_appeal_is_not() -> None:
    claim = one("The ministry accused Russia of meddling in the vote.")
    assert (who(claim), claim.cue, claim.text) == (
        "The ministry",
        "accused",
        "Russia of meddling in the vote",
    )
    claims = attributed('Clinton slammed the shift and accused Sanders of a "flip-flop."')
    assert [(c.cue, c.text) for c in claims][-1] == ("accused", 'Sanders of a "flip-flop."')
    assert attributed("The ministry urged Russia to stay out of the vote.") == []


def test_a_line_that_signs_the_quotation_before_it_names_its_speaker() -> None:
    claims = attributed(
        "The senator repeated a claim.\n\n"
        '"Almost all new income is going to the top 1 percent."\n\n'
        "- Bernie Sanders.\n\n"
        "The senator is relying on an outdated statistic."
    )
    quote = [c for c in claims if c.kind == "quote"]
    assert spoken(quote) == [
        ("Bernie Sanders", "Almost all new income is going to the top 1 percent")
    ]
    # A dash line after a paragraph that is not a quotation is no signature.
    claims = attributed("Reyes said the port would reopen.\n\n- Ports.\n\nMore soon.")
    assert [who(c) for c in claims] == ["Reyes"]


def test_a_quoted_fragment_claims_only_its_own_clause() -> None:
    claim = one(
        "Delegates rank their choices, and the foreign policy group is less likely to be "
        '"overrun with social conservatives," Hoover said.'
    )
    assert claim.text == (
        'the foreign policy group is less likely to be "overrun with social conservatives,"'
    )
    claim = one('Then Al Gore "made a strategic mistake," Lichtman said.')
    assert claim.text == 'Then Al Gore "made a strategic mistake,"'


def test_a_relative_clause_reports_what_its_pronoun_stands_for() -> None:
    text = 'Sanders backed the party, which he said was "the only hope" for workers.'
    said = [c for c in attributed(text) if c.cue == "said"]
    # The claim reads with what the pronoun stands for; its span is the content alone.
    assert spoken(said) == [("Sanders", 'the party was "the only hope" for workers')]
    assert text[said[0].span.start : said[0].span.end] == 'was "the only hope" for workers'
    claims = attributed('Perez faced the candidate, whom he described as "volatile," in a debate.')
    described = [c for c in claims if c.cue == "described"]
    assert [c.text for c in described] == ['the candidate as "volatile,"']
    claims = attributed(
        "- Any sign of munitions reaching Russian forces, which officials in Seoul say "
        "would be the clearest test of the sanctions."
    )
    assert [c.text for c in claims if c.cue == "say"] == [
        "Any sign of munitions reaching Russian forces would be the clearest test of the sanctions"
    ]
    # A relative clause that ends in its preposition says nothing of its own.
    assert attributed("She resigned over the system, which she claimed to be unaware of.") == []
    # Inside another phrase, the noun before the comma may not be what "which" stands for:
    # the claim is left as it was said.
    claims = attributed(
        "Officials watch for signs of munitions reaching Russian forces, which officials "
        "in Seoul say would be the clearest test of the sanctions."
    )
    assert [c.text for c in claims if c.cue == "say"] == [
        "would be the clearest test of the sanctions"
    ]


def test_a_verb_after_and_takes_the_subject_of_the_verb_it_is_joined_to() -> None:
    claim = one("The row blew up when Reyes threw Ortiz out of the crew and accused him of lying.")
    assert (who(claim), claim.text) == (
        "Reyes",
        "him of lying",
    )
    claims = attributed(
        "Yukos reacted immediately by repeating its view that the sale was illegal, and "
        "said Baikal had bought itself trouble."
    )
    assert {who(c) for c in claims} == {"Yukos"}


def test_words_after_a_participle_with_no_speaker_found_are_a_claim_only_when_said() -> None:
    # No subject for the participle: a verb of saying still reports; others do not.
    claims = attributed(
        "When the ships came in the crowd cheered, reflecting the mood of the port."
    )
    assert claims == []
    claims = attributed("When the ships came in the crowd cheered, saying the port was open.")
    assert [(c.speaker, c.cue, c.text) for c in claims] == [(None, "saying", "the port was open")]
    # "speaking to them", "spoke to reporters": to whom, not what.
    assert attributed("Fans can control their players just by speaking to them.") == []
    assert attributed("Reyes spoke to reporters on Monday.") == []


def test_a_bare_verb_after_a_plural_subject_reports() -> None:
    claim = one("Critics claim that the plan would raise fees.")
    assert (who(claim), claim.cue, claim.text) == (
        "Critics",
        "claim",
        "the plan would raise fees",
    )
    claim = one("Legal observers note the White House would not close the prison.")
    assert claim.cue == "note" and claim.text == "the White House would not close the prison"
    # The same words as nouns report nothing.
    assert attributed("The note the minister left was short.") == []
    assert attributed("The claim the company made was false.") == []


def test_a_noun_of_saying_reports_for_its_possessor() -> None:
    claims = attributed(
        'Pence blamed the media for Donald Trump\'s claim that Obama "founded ISIS," '
        "saying they were nitpicking."
    )
    assert [(who(c), c.cue, c.text) for c in claims] == [
        ("Pence", "blamed", 'the media for Donald Trump\'s claim that Obama "founded ISIS,"'),
        ("Donald Trump", "claim", 'Obama "founded ISIS,"'),
        # The possessor is not who goes on speaking: ", saying" is still Pence's.
        ("Pence", "saying", "they were nitpicking"),
    ]
    text = "Leaders doubt Trump's recent pledge to stay neutral."
    claim = [c for c in attributed(text) if c.cue == "pledge"]
    assert spoken(claim) == [("Trump", "stay neutral")]
    # After a plural noun the same word is a verb, and the possessive is its subject's.
    claim = one("His lawyers claim their client was unfamiliar with the books.")
    assert (who(claim), claim.cue) == ("His lawyers", "claim")
    assert attributed("The claim that the port would reopen was false.") == []


def test_according_to_after_an_opening_clause_sources_the_main_clause() -> None:
    claim = one(
        "While most were marked confidential, according to a State Department official, "
        "two were upgraded to the secret level."
    )
    assert (who(claim), claim.text) == (
        "a State Department official",
        "two were upgraded to the secret level",
    )


def test_speakers_past_an_adverb_aside_and_in_a_with_phrase() -> None:
    claim = one("Sanders, meanwhile, who has no such endorsements, said the count speaks volumes.")
    assert (who(claim), claim.text) == (
        "Sanders",
        "the count speaks volumes",
    )
    quote = quotes_in(
        'Her backers tied Bradley to Walker, with one of her ads asking, "Is Bradley '
        'independent enough?"'
    )
    assert [(c.cue, c.text) for c in quote] == [("asking", "Is Bradley independent enough?")]
    # Where someone spoke is not what they said; a briefing is a noun.
    assert attributed("She spoke at the weekly news briefing on Monday.") == []


def test_common_direct_quote_shapes() -> None:
    # A quotation on each side of the attribution is one claim, whatever its length.
    quote = quotes_in('"We will rebuild," Smith said, "and we will do it fast."')
    assert spoken(quote) == [("Smith", "We will rebuild, and we will do it fast")]
    # Two names that speak together.
    quote = quotes_in('"We will rebuild the port," Smith and Jones said in a joint statement.')
    assert spoken(quote) == [("Smith and Jones", "We will rebuild the port")]
    claim = one("And Richards and Yelling said the race was hard.")
    assert claim.speaker is not None and claim.speaker.name == "Richards and Yelling"
    # "put it" after an aside, and only when it introduces words.
    quote = quotes_in('Jane Doe, the mayor, put it bluntly: "We will rebuild the port."')
    assert spoken(quote) == [("Jane Doe", "We will rebuild the port")]
    assert attributed("They put it on the table, and left.") == []


def test_a_short_line_that_introduces_a_quotation_names_its_speaker_and_cue() -> None:
    claims = attributed(
        "The mayor spoke on Monday after the storm had passed.\n\n"
        "Smith told the crowd:\n\n"
        '"We will rebuild. We always have."\n\n'
        "The crowd cheered."
    )
    assert [(who(c), c.cue, c.text) for c in claims] == [
        ("Smith", "told", "We will rebuild. We always have")
    ]


def test_a_quotation_standing_alone_and_one_that_lost_its_opening_mark() -> None:
    # After a sentence about a person, a quotation on its own is that person's.
    quote = quotes_in('Smith was blunt. "We will rebuild the port."')
    assert spoken(quote) == [("Smith", "We will rebuild the port")]
    # A paragraph whose first mark closes: the quotation opened with the paragraph.
    quote = quotes_in("We will rebuild the port,” Smith said.")
    assert spoken(quote) == [("Smith", "We will rebuild the port")]


def test_a_relative_clause_between_speaker_and_verb() -> None:
    claims = attributed(
        'Reyes, who called the plan "a disaster," said the council would vote on Monday.'
    )
    assert [(who(c), c.cue, c.text) for c in claims] == [
        ("Reyes", "called", 'the plan "a disaster,"'),
        ("Reyes", "said", "the council would vote on Monday"),
    ]
    # What the relative clause reports ends where the sentence's own verb comes.
    claims = attributed("Barkley, who said he votes Democratic, named Kasich as his pick.")
    assert [(c.cue, c.text) for c in claims][0] == ("said", "he votes Democratic")
    # A role before "who" stays the speaker's role, not the speaker.
    claim = one(
        "Willie Minor, an actor in Dallas, who runs a theater, recalled that money was short."
    )
    assert claim.speaker is not None and claim.speaker.name == "Willie Minor"
    # "told reporters the plan was ...": "the" opens what was told; "the newspaper" is
    # whom.
    claim = one("Reyes told reporters the plan was a disaster.")
    assert claim.text == "the plan was a disaster"
    claim = one("Reyes told the newspaper there would be no casinos.")
    assert claim.text == "there would be no casinos"


def test_an_attribution_after_a_claim_it_reports() -> None:
    claims = attributed(
        "Iran expects $6 billion to reach accounts in Qatar within days, a government "
        "spokesman said, after Washington approved a waiver."
    )
    assert [(who(c), c.cue, c.text) for c in claims] == [
        ("Iran", "expects", "$6 billion to reach accounts in Qatar within days"),
        (
            "a government spokesman",
            "said",
            "Iran expects $6 billion to reach accounts in Qatar within days, after "
            "Washington approved a waiver",
        ),
    ]


def test_according_to_inside_a_sentence_sources_the_clause_after_it() -> None:
    claim = one(
        "Trump will go to the debate, because, according to Trump, the media would call "
        "him a chicken if he did not."
    )
    assert claim.text == "the media would call him a chicken if he did not"
    claim = one("For Trump, according to William Bennett, Monday was a turning point.")
    assert claim.text == "Monday was a turning point"
    # After a main clause the source is that clause's.
    claim = one("The plan failed, according to officials, and the port stayed shut.")
    assert claim.text == "The plan failed"
    # A paragraph that opens with a turned closing mark opens a quotation.
    quote = quotes_in("” … the train has already left the station,” wrote Time magazine.")
    assert [c.text for c in quote] == ["… the train has already left the station"]


def test_it_speaks_for_the_company_and_according_to_sources_a_claim_before_it() -> None:
    claims = attributed(
        "Samsung said profits fell in the third quarter. It said demand for chips would "
        "recover next year."
    )
    assert spoken(claims) == [
        ("Samsung", "profits fell in the third quarter"),
        ("Samsung", "demand for chips would recover next year"),
    ]
    claims = attributed(
        "The group has called for attacks using vehicles, according to the SITE "
        "Intelligence Group, which monitors extremist statements."
    )
    assert [(who(c), c.cue) for c in claims] == [
        ("The group", "called"),
        ("SITE Intelligence Group", "according to"),
    ]
    # "showed him around": a tour, not a claim.
    assert attributed("Putin greeted Kim and showed him around the site before the talks.") == []


def test_an_aside_and_a_participle_after_the_attribution() -> None:
    claims = attributed('The port will reopen, Smith said, adding: "It is a good day."')
    assert [(c.cue, c.text) for c in claims] == [
        ("said", "The port will reopen"),
        ("adding", "It is a good day"),
    ]
    # "he" after a one-word name set off by an aside is that person.
    claims = attributed(
        'Smith, speaking after the vote, said the port would reopen. "It is a good day," he added.'
    )
    assert [who(c) for c in claims] == ["Smith", "Smith"]


def test_a_quotation_resumes_after_the_speakers_role() -> None:
    quote = quotes_in(
        '"We have had offices here since April," said Jo Reyes, the state\'s spokeswoman, '
        '"and we are staying."'
    )
    assert spoken(quote) == [
        ("Jo Reyes", "We have had offices here since April, and we are staying")
    ]


def test_a_role_with_an_abbreviation_before_the_name_and_an_adverb_before_the_cue() -> None:
    quote = quotes_in(
        '"We have hardly started," the new chair of the Internet Engineering Task Force '
        "(IETF), Brian Carpenter, says."
    )
    assert spoken(quote) == [("Brian Carpenter", "We have hardly started")]
    quote = quotes_in(
        '"We will rebuild," the head of the World Health Organization (WHO), Jane Doe, said.'
    )
    assert spoken(quote) == [("Jane Doe", "We will rebuild")]
    quote = quotes_in(
        'Caprice, who left in the fourth eviction, afterwards said: "I am so glad I am out."'
    )
    assert spoken(quote) == [("Caprice", "I am so glad I am out")]


def test_she_after_a_spokeswoman_for_an_office() -> None:
    claims = attributed(
        "A party official said the calls were legal.\n\n"
        "A spokeswoman for the Information Office said it was examining one complaint. "
        '"We are investigating one of the complaints," she said.'
    )
    assert [who(c) for c in claims][-1] == "spokeswoman for the Information Office"

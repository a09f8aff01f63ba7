"""The topic query language: parsing, matching, matched terms and error messages."""

from __future__ import annotations

import pytest

from digest.classify.match import tokenise
from digest.classify.parse import Document, Topic, compile_topics, explain, parse_query
from digest.errors import ConfigError, QueryError

DPRK = '("North Korea" OR "N. Korea" OR Pyongyang OR DPRK OR "Kim Jong-un" OR Kim)'
ALIASES = {"DPRK": DPRK}
PRODUCT_TOPICS = [
    (
        "nk-russia-arms",
        "North Korea-Russia arms",
        "$DPRK AND (Russia OR Moscow OR Putin OR Kremlin)"
        " AND (arms OR weapon* OR munition* OR ammunition)",
    ),
    (
        "unsc-sanctions",
        "UN Security Council sanctions",
        '("Security Council" OR UNSC OR ="UN" OR "United Nations") AND (sanction* OR resolution*)',
    ),
    (
        "iran-funds-waiver",
        "Iran funds waiver",
        '(Iran* AND (fund* OR waiver* OR asset*)) OR (waiver* AND "South Korea")',
    ),
]


def match(query: str, text: str, **fields: str) -> tuple[str, ...] | None:
    return parse_query(query, aliases=ALIASES).match(Document({"text": text, **fields}))


def hits(query: str, text: str) -> bool:
    return match(query, text) is not None


def error(query: str, aliases: dict[str, str] | None = None, topic_id: str = "t") -> str:
    with pytest.raises(QueryError) as caught:
        parse_query(query, aliases=aliases, topic_id=topic_id)
    return str(caught.value)


# --- tokenisation -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Kim Jong-un", ["Kim", "Jong", "un"]),
        ("the U.S. said", ["the", "U.S", "said"]),
        ("N. Korea", ["N", "Korea"]),
        ("North Korea's missiles.", ["North", "Korea", "missiles"]),
        ("O\u2019Brien\u2019s \u201cview\u201d", ["O'Brien", "view"]),
        ("Russia-North Korea ties", ["Russia", "North", "Korea", "ties"]),
        ("3.5 billion, 1,000 shells", ["3.5", "billion", "1", "000", "shells"]),
        ("snake_case", ["snake", "case"]),
    ],
)
def test_tokenise(text: str, words: list[str]) -> None:
    assert tokenise(text) == words


# --- operators and precedence ------------------------------------------------------


def test_each_operator() -> None:
    assert hits("arms AND Russia", "Russia buys arms")
    assert not hits("arms AND Russia", "Russia buys food")
    assert hits("arms OR Russia", "Russia buys food")
    assert not hits("arms OR Russia", "China buys food")
    assert hits("NOT Russia", "China buys food")
    assert not hits("NOT Russia", "Russia buys food")
    assert hits("arms AND NOT Russia", "China buys arms")
    assert not hits("arms AND NOT Russia", "Russia buys arms")


def test_adjacent_terms_are_an_implicit_and() -> None:
    assert hits("Russia arms", "arms for Russia")
    assert not hits("Russia arms", "Russia only")
    assert hits("arms NOT Russia", "arms for China")
    assert not hits("arms NOT Russia", "arms for Russia")


def test_and_binds_tighter_than_or() -> None:
    # (a OR b) AND c would reject a document with only a.
    assert hits("a OR b AND c", "a")
    assert hits("b AND c OR a", "a")
    assert not hits("a OR b AND c", "b")


def test_implicit_and_binds_like_and() -> None:
    # luqum gives the implicit AND the lowest precedence: "a b OR c" = a AND (b OR c).
    assert hits("a b OR c", "c")
    assert hits("a OR b c", "a")
    assert not hits("a OR b c", "b")


def test_not_binds_tighter_than_and_and_or() -> None:
    # NOT (a AND b) would accept "a"; NOT (a OR b) would reject "a b".
    assert not hits("NOT a AND b", "a")
    assert hits("NOT a AND b", "b")
    assert not hits("NOT a AND b", "a b")
    assert hits("NOT a OR b", "a b")
    assert hits("a AND NOT b OR c", "a b c")
    assert not hits("a AND NOT b OR c", "a b")


def test_parentheses_override_precedence() -> None:
    assert not hits("(a OR b) AND c", "a")
    assert hits("(a OR b) AND c", "b c")
    assert hits("NOT (a AND b)", "a")
    assert not hits("NOT (a OR b)", "a")


def test_near_binds_tighter_than_not() -> None:
    assert hits("NOT a NEAR/1 b", "a x b")
    assert not hits("NOT a NEAR/1 b", "a b")


def test_operators_are_capitals_only_and_words_are_case_insensitive() -> None:
    assert hits("RUSSIA", "russia")
    assert hits('"and"', "this and that")
    assert "operator not in capitals: 'and' at column 3" in error("a and b")
    assert "write NEAR/3" in error("a near/3 b")


# --- phrases and wildcards ---------------------------------------------------------


def test_phrases_need_consecutive_words() -> None:
    assert hits('"North Korea"', "talks with North Korea on Monday")
    assert hits('"North Korea"', "North Korea's missiles")
    assert hits('"North Korea"', "the Russia-North Korea summit")
    assert not hits('"North Korea"', "Korea, North and South")
    assert not hits('"North Korea"', "North and South Korea")


def test_phrases_tokenise_like_the_text() -> None:
    assert hits('"N. Korea"', "arms from N. Korea")
    assert hits('"Kim Jong-un"', "leader Kim Jong-un said")
    assert hits('"Kim Jong-un"', "leader Kim Jong Un said")
    assert hits("Jong-un", "leader Kim Jong-un said")
    assert hits("U.S.", "the U.S. said")
    assert not hits("U.S.", "the US said")
    assert hits("\u201cNorth Korea\u201d", "North Korea")
    assert hits("\u201cKorea\u2019s\u201d", "Korea")


def test_trailing_wildcard() -> None:
    assert hits("sanction*", "new Sanctions on Iran")
    assert hits("sanction*", "sanctioned entities")
    assert hits("sanction*", "a sanction")
    assert not hits("sanction*", "unsanctioned trade")
    assert not hits("sanction*", "sanitation")


def test_wildcard_inside_phrase() -> None:
    assert hits('"arms deal*"', "arms dealers met")
    assert not hits('"arms deal*"', "arms were dealt")
    assert hits('"Kim Jong*"', "Kim Jong-un")


# --- proximity -----------------------------------------------------------------------


def words_apart(n: int) -> str:
    return " ".join(["Russia", *["x"] * (n - 1), "arms"])


def test_near_boundary_is_positions_differing_by_n() -> None:
    assert hits("Russia NEAR/1 arms", "Russia arms")
    assert hits("Russia NEAR/3 arms", words_apart(3))
    assert not hits("Russia NEAR/3 arms", words_apart(4))


def test_near_is_either_order_onear_is_in_order() -> None:
    assert hits("arms NEAR/3 Russia", words_apart(3))
    assert hits("Russia ONEAR/3 arms", words_apart(3))
    assert not hits("arms ONEAR/3 Russia", words_apart(3))


def test_bare_near_and_onear_mean_ten_words() -> None:
    assert hits("Russia NEAR arms", words_apart(10))
    assert not hits("Russia NEAR arms", words_apart(11))
    assert hits("Russia ONEAR arms", words_apart(10))
    assert not hits("arms ONEAR Russia", words_apart(10))


def test_near_operands_phrases_wildcards_groups_and_aliases() -> None:
    text = "North Korea sent new artillery shells to Russia"
    assert hits('"North Korea" NEAR/6 Russia', text)  # "Korea" at 1, "Russia" at 7
    assert not hits('"North Korea" NEAR/5 Russia', text)
    assert hits("shell* NEAR/2 Russia", text)
    assert hits("(Moscow OR Russia) NEAR/5 (artillery OR missiles)", text)
    assert hits("$DPRK ONEAR/6 (Russia OR Moscow)", text)
    assert not hits("(Moscow OR Russia) ONEAR/9 $DPRK", text)


def test_near_needs_two_separate_occurrences() -> None:
    assert not hits("Kim NEAR/5 Kim", "Kim met Putin")
    assert hits("Kim NEAR/5 Kim", "Kim met Kim")
    assert not hits('"North Korea" NEAR/5 Korea', "North Korea said")


def test_near_finds_the_close_pair_among_many() -> None:
    far = " ".join(["Russia"] + ["x"] * 20 + ["arms"] + ["x"] * 20 + ["Russia", "y", "arms"])
    assert hits("Russia ONEAR/2 arms", far)
    assert not hits("arms ONEAR/2 Russia", far.replace("y arms", "y"))


def test_near_in_a_field() -> None:
    doc = Document({"text": "nothing", "title": "Iran waiver for South Korea funds"})
    query = parse_query('title:(waiver* NEAR/3 "South Korea")')
    assert query.match(doc) == ("title:waiver*", 'title:"South Korea"')


# --- fields ---------------------------------------------------------------------------


def test_fields() -> None:
    fields = {"title": "Arms deal", "speaker": "Matthew Miller", "source": "Yonhap News Agency"}
    assert match("speaker:Miller", "he said", **fields) == ("speaker:Miller",)
    assert match("source:(Yonhap OR Reuters)", "he said", **fields) == ("source:Yonhap",)
    assert match('title:"arms deal" AND text:said', "he said", **fields) == (
        'title:"arms deal"',
        "said",
    )
    assert match("Miller", "he said", **fields) is None
    assert match("speaker:said", "he said", **fields) is None
    assert match("Title:arms", "he said", **fields) == ("title:arms",)


def test_missing_field_matches_nothing() -> None:
    assert match("speaker:Miller", "Miller said") is None
    assert match("NOT speaker:Miller", "Miller said") == ()


def test_document_rejects_unknown_fields() -> None:
    with pytest.raises(ValueError, match="author"):
        Document({"author": "x"})


# --- case-sensitive terms ------------------------------------------------------------


def test_equals_quote_is_case_sensitive() -> None:
    assert hits('="UN"', "the UN said")
    assert not hits('="UN"', "un accord")
    assert not hits('="UN"', "Un accord")
    assert hits("=UN", "the UN's view")
    assert not hits("=UN", "un accord")
    assert hits("UN", "un accord")
    assert match('title:="UN"', "", title="UN vote") == ('title:="UN"',)
    assert match('="UN" OR x', "the UN") == ('="UN"',)


# --- aliases -------------------------------------------------------------------------


def test_alias_expands_in_place() -> None:
    assert match("$DPRK AND Russia", "Pyongyang and Russia") == ("Pyongyang", "Russia")


def test_nested_aliases_and_dollar_keys() -> None:
    aliases = {"$NK": '("North Korea" OR Pyongyang)', "ALLIES": "($NK OR Moscow)"}
    query = parse_query("$ALLIES AND arms", aliases=aliases)
    assert query.match(Document({"text": "Pyongyang arms"})) == ("Pyongyang", "arms")
    assert query.terms() == ('"North Korea"', "Pyongyang", "Moscow", "arms")


def test_alias_takes_the_field_it_is_used_in() -> None:
    query = parse_query("speaker:$NK", aliases={"NK": "(Kim OR Choe)"})
    assert query.match(Document({"text": "Kim", "speaker": "Choe Son Hui"})) == ("speaker:Choe",)
    assert query.match(Document({"text": "Kim", "speaker": "Lavrov"})) is None


def test_unknown_alias_message() -> None:
    assert error("Russia AND $DPKR", ALIASES, "nk-russia-arms") == (
        "topics.nk-russia-arms.query: unknown alias '$DPKR' at column 12\n"
        "    Russia AND $DPKR\n"
        "               ^\n"
        "Hint: define DPKR under aliases, or use one of: $DPRK"
    )
    assert error("$X").endswith("Hint: define X under aliases (none are defined)")


def test_alias_cycle_message() -> None:
    aliases = {"A": "(a OR $B)", "B": "(b AND $A)"}
    assert error("x OR $A", aliases) == (
        "topics.t.query: alias cycle $A -> $B -> $A in '$A' at column 6\n"
        "    x OR $A\n"
        "         ^\n"
        "Hint: an alias cannot use itself, directly or through others; edit aliases.A, aliases.B"
    )


def test_error_inside_an_alias_names_the_alias() -> None:
    assert error("$BAD AND x", {"BAD": "(a OR"}) == (
        "aliases.BAD: unbalanced parenthesis: '(' at column 1 is never closed\n"
        "    (a OR\n"
        "    ^\n"
        "Hint: add ')' or remove '('"
    )


# --- matched terms -------------------------------------------------------------------


def test_matched_terms_in_query_order_once_each() -> None:
    query = '"North Korea" AND (weapon* OR arms) AND Russia AND (Russia OR Moscow)'
    text = "Russia got arms and weapons from North Korea; Russia denies it"
    assert match(query, text) == ('"North Korea"', "weapon*", "arms", "Russia")


def test_matched_terms_skip_failed_branches_and_not() -> None:
    assert match("(a AND b) OR c OR d", "a c d") == ("c", "d")
    assert match("c AND NOT b", "c") == ("c",)
    assert match("NOT b", "c") == ()


def test_matched_terms_of_near_are_the_close_alternatives() -> None:
    text = "Moscow x x x x x x x x x x x x Russia sent arms"
    assert match("(Moscow OR Russia) NEAR/3 arms", text) == ("Russia", "arms")


def test_terms_lists_positive_terms() -> None:
    query = parse_query('$DPRK AND NOT "South Korea" AND (arms NEAR/5 Russia)', aliases=ALIASES)
    assert query.terms() == (
        '"North Korea"',
        '"N. Korea"',
        "Pyongyang",
        "DPRK",
        '"Kim Jong-un"',
        "Kim",
        "arms",
        "Russia",
    )


# --- the product's topics -------------------------------------------------------------


@pytest.fixture(scope="module")
def topics() -> tuple[Topic, ...]:
    return compile_topics(PRODUCT_TOPICS, ALIASES)


def matched(topics: tuple[Topic, ...], text: str) -> dict[str, tuple[str, ...]]:
    return {t.id: m for t, m in explain(topics, {"text": text}) if m is not None}


def test_arms_transfer_sentence(topics: tuple[Topic, ...]) -> None:
    text = (
        "any arms transfer from North Korea to Russia would violate multiple United "
        "Nations Security Council (UNSC) resolutions"
    )
    assert matched(topics, text) == {
        "nk-russia-arms": ('"North Korea"', "Russia", "arms"),
        "unsc-sanctions": ('"Security Council"', "UNSC", '"United Nations"', "resolution*"),
    }


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("Kim Jong-un toured a munitions factory before meeting Putin.", {"nk-russia-arms"}),
        ("N. Korea shipped shells; the Kremlin bought ammunition.", {"nk-russia-arms"}),
        ("Pyongyang and Moscow deepened ties.", set()),
        ("The UN imposed sanctions.", {"unsc-sanctions"}),
        ("Un vote sur les sanctions.", set()),
        ("Iran's frozen funds were released under a U.S. waiver.", {"iran-funds-waiver"}),
        ("A waiver lets banks in South Korea transfer payments.", {"iran-funds-waiver"}),
        ("The waiver applies to Japan.", set()),
        ("Iranian assets sanctioned by the UN", {"iran-funds-waiver", "unsc-sanctions"}),
    ],
)
def test_product_topics(topics: tuple[Topic, ...], text: str, ids: set[str]) -> None:
    assert set(matched(topics, text)) == ids


def test_compile_topics_keeps_order_and_source(topics: tuple[Topic, ...]) -> None:
    assert [t.id for t in topics] == [s[0] for s in PRODUCT_TOPICS]
    assert topics[0].query == PRODUCT_TOPICS[0][2]
    assert topics[0].compiled == parse_query(PRODUCT_TOPICS[0][2], aliases=ALIASES)


def test_compile_topics_rejects_duplicates_and_broken_unused_aliases() -> None:
    with pytest.raises(ConfigError, match="topics.a: duplicate topic id"):
        compile_topics([("a", "A", "x"), ("a", "A2", "y")], {})
    with pytest.raises(QueryError, match="aliases.UNUSED: dangling operator"):
        compile_topics([("a", "A", "x")], {"UNUSED": "a AND"})
    with pytest.raises(QueryError, match=r"alias cycle \$SELF -> \$SELF"):
        compile_topics([("a", "A", "x")], {"SELF": "(a OR $SELF)"})
    with pytest.raises(ConfigError, match="bad alias name"):
        compile_topics([("a", "A", "x")], {"North Korea": "x"})


# --- error messages ----------------------------------------------------------------


def test_unclosed_parenthesis_message() -> None:
    assert error("Russia AND (arms OR weapons", topic_id="nk-russia-arms") == (
        "topics.nk-russia-arms.query: unbalanced parenthesis: '(' at column 12 is never closed\n"
        "    Russia AND (arms OR weapons\n"
        "               ^\n"
        "Hint: add ')' or remove '('"
    )


def test_unopened_parenthesis_message() -> None:
    assert error("Russia AND arms)") == (
        "topics.t.query: unbalanced parenthesis: ')' at column 16 has no matching '('\n"
        "    Russia AND arms)\n"
        "                   ^\n"
        "Hint: remove ')' or add '(' before it"
    )


def test_dangling_operator_messages() -> None:
    assert error("arms AND") == (
        "topics.t.query: dangling operator: 'AND' at column 6 has nothing on its right\n"
        "    arms AND\n"
        "         ^\n"
        "Hint: add a word after 'AND' or remove it"
    )
    assert error("OR arms") == (
        "topics.t.query: dangling operator: 'OR' at column 1 has nothing on its left\n"
        "    OR arms\n"
        "    ^\n"
        "Hint: add a word before 'OR' or remove it"
    )
    assert "dangling operator: 'NOT' at column 7 has nothing on its right" in error("(arms NOT)")
    assert "dangling operator: 'NEAR/5' at column 6" in error("arms NEAR/5")
    assert "misplaced operator: 'AND' at column 6 follows 'OR'" in error("a OR AND b")


def test_empty_query_message() -> None:
    assert error("  ") == (
        "topics.t.query: empty query at column 1\n"
        "      \n"
        "    ^\n"
        "Hint: write at least one word, e.g. sanction*"
    )
    assert "empty parentheses: '()' at column 3" in error("a ()")


def test_unknown_field_message() -> None:
    assert error("Russia AND author:Miller") == (
        "topics.t.query: unknown field 'author' at column 12\n"
        "    Russia AND author:Miller\n"
        "               ^\n"
        "Hint: use one of text:, title:, speaker:, source: or quote text that has ':'"
    )


@pytest.mark.parametrize("bad", ["NEAR/0", "NEAR/x", "NEAR/-2", "NEAR/1.5", "ONEAR/"])
def test_bad_proximity_message(bad: str) -> None:
    op = bad.split("/")[0]
    assert error(f"a {bad} b") == (
        f"topics.t.query: bad proximity operator: '{bad}' at column 3"
        " needs a positive whole number after '/'\n"
        f"    a {bad} b\n"
        "      ^\n"
        f"Hint: write e.g. {op}/5 (within 5 words) or a bare {op} (within 10)"
    )


def test_unterminated_quote_message() -> None:
    assert error('Russia AND "North Korea') == (
        "topics.t.query: unterminated quote: '\"' at column 12 is never closed\n"
        '    Russia AND "North Korea\n'
        "               ^\n"
        "Hint: add '\"' where the phrase ends, or remove this one"
    )


def test_multi_line_query_keeps_columns() -> None:
    assert error("Russia AND\n(arms") == (
        "topics.t.query: unbalanced parenthesis: '(' at column 12 is never closed\n"
        "    Russia AND (arms\n"
        "               ^\n"
        "Hint: add ')' or remove '('"
    )


@pytest.mark.parametrize(
    ("query", "what"),
    [
        ("a NEAR/3 b NEAR/3 c", "chained proximity: 'NEAR/3' at column 12 follows 'NEAR/3'"),
        ("(a AND b) NEAR/3 c", "bad operand for 'NEAR/3' at column 1"),
        ("a NEAR/3 NOT b", "misplaced operator: 'NOT' at column 10 follows 'NEAR/3'"),
        ("title:a NEAR b", "proximity across fields: 'NEAR' at column 9"),
        ("a -b", "unsupported syntax: '-' at column 3"),
        ("a~2", "unsupported syntax: '~2' at column 2"),
        ("[a TO b]", "unsupported syntax: '[' at column 1"),
        ("*arms", "unsupported wildcard: '*arms' at column 1"),
        ("ar?s", "unsupported wildcard: 'ar?s' at column 1"),
        ('"arms * deal"', "unsupported wildcard: '*' at column 7 does not end a word"),
        ('""', "empty phrase at column 1"),
        ("a && b", "no words in '&&' at column 3"),
        ("a / b", "unexpected character: '/' at column 3"),
        ('ab"c d"', "stray quote at column 3 in 'ab\"c'"),
        ("title:", "missing value: 'title:' at column 1 has nothing after it"),
        ("$DP RK", "unknown alias '$DP' at column 1"),
        ("$DPRK*", "bad alias reference: '$DPRK*' at column 1"),
    ],
)
def test_other_errors_point_at_the_column(query: str, what: str) -> None:
    assert error(query, ALIASES).startswith(f"topics.t.query: {what}")

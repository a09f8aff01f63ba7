"""Reading articles: front matter, JSON records, and bad files skipped with a reason."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.model import Skipped
from digest.read.clean import clean_article
from digest.read.files import ReadOptions, read_inputs
from digest.read.jsonl import stable_id


def test_front_matter_gives_metadata_and_offsets_into_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "---\ntitle: 'Talks: day two'\nsource: Harbor Wire\nurl: https://h.example/a\n"
        "published: 2023-09-12T08:30:00+09:00\n---\nSEOUL, Sept. 12 (Harbor Wire) -- "
        "Officials met on Tuesday to discuss the plan in detail.\n",
        encoding="utf-8",
    )
    [article], skipped = read_inputs([path])
    assert not skipped
    assert (article.id, article.title, article.source, article.url) == (
        "a",
        "Talks: day two",
        "Harbor Wire",
        "https://h.example/a",
    )
    assert (
        article.published is not None
        and article.published.isoformat() == "2023-09-12T08:30:00+09:00"
    )
    cleaned = clean_article(article)
    body = cleaned.text[cleaned.body[0].start : cleaned.body[0].end]
    assert body == "Officials met on Tuesday to discuss the plan in detail."
    assert article.text == path.read_text(encoding="utf-8")


def test_jsonl_records_each_become_an_article(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {
            "id": "r1",
            "title": "One",
            "source": "Wire",
            "published": "2023-09-12T01:00:00Z",
            "text": "First story text here.",
        },
        {"id": "r2", "title": "Two", "source": "Wire", "text": "Second story text here."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    articles, skipped = read_inputs([path], ReadOptions(published=date(2023, 9, 11)))
    assert [a.id for a in articles] == ["r1", "r2"]
    assert articles[0].text == "First story text here."
    assert articles[1].published is not None and articles[1].published.date() == date(2023, 9, 11)
    assert not skipped


def test_bad_files_are_skipped_with_a_reason_and_the_rest_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "good.txt").write_text("A real sentence about the talks in Seoul today.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "noise.txt").write_bytes(bytes(range(128, 256)) * 4)
    (tmp_path / "broken.json").write_text("{not json")
    with caplog.at_level(logging.WARNING, logger="digest"):
        articles, skipped = read_inputs([tmp_path])
    assert [a.id for a in articles] == ["good"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"] == "binary file, not text"
    assert reasons["noise.txt"] == (
        "not text in any encoding digest can recognise (not UTF-8: byte 0x80 at offset 0); "
        "Hint: convert it with iconv -t UTF-8, or set 'encoding:' on its source"
    )
    assert reasons["broken.json"].startswith("line 1 column 2: not JSON")
    assert "empty.txt" in caplog.text


def test_bad_jsonl_lines_are_skipped_and_counted_not_the_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"id": "ok", "text": "Fine text."}\n{oops\n{"id": "x", "text": ""}\n'
        '{"id": "", "text": "No id given."}\n'
    )
    articles, skipped = read_inputs([path])
    assert [a.id for a in articles] == ["ok", stable_id("feed", "No id given.")]
    assert skipped == [
        Skipped(f"{path}:2", "not JSON: Expecting property name enclosed in double quotes"),
        Skipped(f"{path}:3", "'text', 'body' and 'content' are missing or empty"),
    ]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    articles, skipped = read_inputs([tmp_path / "nope.txt"])
    assert not articles
    assert skipped[0].reason == "no such file"


def test_bad_front_matter_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: a: b\n---\nBody text here.\n")
    _, skipped = read_inputs([path])
    assert "front matter is not valid YAML" in skipped[0].reason


# --- encodings ------------------------------------------------------------------------------

WINDOWS_1252 = (
    "---\ntitle: Talks “productive”, envoy says\nsource: Harbor Wire\n---\n"
    "SEOUL, Sept. 12 (Harbor Wire) -- The envoy said the talks were “productive” – and that "
    "officials would meet again in Seoul. Café owners near the ministry cheered; “très bien,” "
    "one said. The delegation’s chief promised a “détente” by Christmas.\n"
)


def test_windows_1252_text_file_reads_correctly(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(WINDOWS_1252.encode("cp1252"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    [article], skipped = read_inputs([path])
    assert not skipped
    assert article.text == WINDOWS_1252
    assert article.title == "Talks “productive”, envoy says"


def test_short_latin_1_text_reads_as_western(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 talks resume in Paris".encode("latin-1"))
    [article], _ = read_inputs([tmp_path / "latin.txt"])
    assert article.text == "Café talks resume in Paris"


def test_an_encoding_named_on_the_source_wins(tmp_path: Path) -> None:
    korean = "북한 김정은 국무위원장이 러시아를 방문했다고 통신이 전했다."
    (tmp_path / "ko.txt").write_bytes(korean.encode("euc-kr"))
    [detected], _ = read_inputs([tmp_path / "ko.txt"])
    assert detected.text == korean
    _, skipped = read_inputs([tmp_path / "ko.txt"], ReadOptions(encoding="utf-8"))
    assert skipped[0].reason.startswith("not utf-8 text (byte 0xba at offset 0)")


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-09-12T18:00:00-04:00", "2023-09-12T18:00:00-04:00"),
        ("2023-09-12T22:00:00Z", "2023-09-12T22:00:00+00:00"),
        ("2023-09-12 18:00", "2023-09-12T18:00:00+09:00"),  # no zone: the source's
        ("Tue, 12 Sep 2023 22:00:00 GMT", "2023-09-12T22:00:00+00:00"),
        ("Tue, 12 Sep 2023 18:00:00 -0400", "2023-09-12T18:00:00-04:00"),
        ("Sept. 12, 2023 6:00 PM EDT", "2023-09-12T18:00:00-04:00"),
        ("September 12, 2023 at 6:00 p.m. EDT", "2023-09-12T18:00:00-04:00"),
        ("12 September 2023 08:30 KST", "2023-09-12T08:30:00+09:00"),
        ("12.09.2023 18:00", "2023-09-12T18:00:00+09:00"),  # European day first
        ("2023/09/12", "2023-09-12T00:00:00+09:00"),
        (1694556000, "2023-09-12T22:00:00+00:00"),  # Unix time, as JSON APIs send it
        ("1694556000000", "2023-09-12T22:00:00+00:00"),  # in milliseconds
    ],
)
def test_published_times_in_common_formats(value: object, expected: str) -> None:
    from digest.read.timestamps import parse_datetime

    parsed = parse_datetime(value, ZoneInfo("Asia/Seoul"))
    assert parsed is not None and parsed.isoformat() == expected


@pytest.mark.parametrize("value", ["Sept. 12", "yesterday", "x" * 200, "9999-01-01", True])
def test_what_is_not_a_date_says_so(value: object) -> None:
    from digest.read.timestamps import parse_datetime

    with pytest.raises(ValueError):
        parse_datetime(value, ZoneInfo("UTC"))


def test_a_bad_date_in_front_matter_names_file_and_hint(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\npublished: sometime soon\n---\nA sentence of the article body here.\n")
    _, [skipped] = read_inputs([path])
    assert skipped.reason == (
        "published: cannot read 'sometime soon' as a date (no year in it); "
        "Hint: write e.g. '2023-09-12T18:00:00-04:00'"
    )


# --- JSON field map -------------------------------------------------------------------------


def test_json_field_map_reads_other_names_and_nested_keys(tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    path.write_text(
        json.dumps(
            {
                "status": "ok",
                "articles": [
                    {
                        "guid": "n-1",
                        "headline": "Seoul urges restraint",
                        "body": "Seoul urged restraint, a spokesperson said.",
                        "pubDate": "Tue, 12 Sep 2023 09:00:00 +0900",
                        "publisher": {"name": "Meridian"},
                        "link": "https://m.example/1",
                        "byline": "Kim Soo-min",
                    }
                ],
            }
        )
    )
    fields = (
        ("records", "articles"), ("id", "guid"), ("title", "headline"), ("text", "body"),
        ("published", "pubDate"), ("source", "publisher.name"), ("url", "link"),
        ("author", "byline"),
    )  # fmt: skip
    [article], skipped = read_inputs([path], ReadOptions(fields=fields))
    assert not skipped
    assert (article.id, article.title, article.source, article.url, article.author) == (
        "n-1",
        "Seoul urges restraint",
        "Meridian",
        "https://m.example/1",
        "Kim Soo-min",
    )
    assert (
        article.published is not None
        and article.published.isoformat() == "2023-09-12T09:00:00+09:00"
    )
    assert article.text == "Seoul urged restraint, a spokesperson said."


def test_json_without_the_mapped_fields_says_which_keys(tmp_path: Path) -> None:
    path = tmp_path / "api.jsonl"
    path.write_text('{"guid": "1", "content": "x"}\n')
    _, [skipped] = read_inputs([path], ReadOptions(fields=(("text", "body"),)))
    assert skipped.reason == (
        "no usable article records among 1 (first: 'body' is missing or empty); "
        "Hint: each needs its text under 'body' (map other names with 'fields:' on the source)"
    )


def test_deeply_nested_json_is_refused_not_crashed(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    _, [skipped] = read_inputs([tmp_path / "deep.json"])
    assert skipped.reason.startswith(
        "no usable article records among 1 (first: JSON nested too deeply (over 100 levels));"
    )


# --- limits and hostile front matter --------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * 300_000)
    _, [skipped] = read_inputs([path], ReadOptions(max_size=1_000_000))
    assert skipped.reason == (
        "1.5 MB is over the size limit of 1.0 MB; "
        "Hint: raise limits.max_size in the config if it is a real article"
    )


def test_yaml_alias_bomb_in_front_matter_is_refused(tmp_path: Path) -> None:
    bomb = "\n".join(
        ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [
            f"{c}: &{c} [{','.join(['*' + p] * 9)}]"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        ]
        + ["title: *i", "---", "Body text of the article, long enough to read."]
    )
    path = tmp_path / "bomb.md"
    path.write_text(bomb)
    _, [skipped] = read_inputs([path])
    assert skipped.reason.startswith("front matter: unknown key 'a'")
    nested = "\n".join(
        ["---", 'id: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [
            f"{k}: &{c} [{','.join(['*' + p] * 9)}]"
            for k, p, c in (("title", "a", "b"), ("source", "b", "c"))
        ]
        + ["author: *c", "---", "Body text of the article, long enough to read."]
    )
    path.write_text(nested)
    _, [skipped] = read_inputs([path])
    assert skipped.reason == (
        "front matter: id must be a single value, got a list; "
        "Hint: write it on one line, quoted if it contains ':'"
    )


# --- learning a publisher's chrome ----------------------------------------------------------


def _scrape(i: int) -> str:
    return (
        f"Harbor Wire | Seoul edition\nStory number {i} headline here\n"
        f"SEOUL (Harbor Wire) -- Officials met on day {i} to discuss the plan in great detail, "
        "a ministry spokesperson said.\n"
        "Sign up for the Morning Brief, our daily digest of the news from the peninsula.\n"
        f"Unique closing paragraph {i} says what happens next in the long-running talks.\n"
        "Copyright Harbor Wire Agency, reproduction without permission is prohibited here.\n"
    )


def test_lines_an_outlet_repeats_across_its_articles_are_chrome(tmp_path: Path) -> None:
    from digest.read.chrome import drop_learned_chrome

    for i in range(4):
        (tmp_path / f"s{i}.txt").write_text(_scrape(i))
    articles, _ = read_inputs([tmp_path], ReadOptions(outlet="Harbor Wire"))
    learned = drop_learned_chrome(articles)
    for article in learned:
        body = [clean_article(article).text[s.start : s.end] for s in clean_article(article).body]
        assert not any("Morning Brief" in p or "reproduction without" in p for p in body)
        assert any(p.startswith("Unique closing paragraph") for p in body)
    assert [a.text for a in learned] == [a.text for a in articles]  # offsets stay true
    # Without the cross-article pass the newsletter blurb reads as news.
    plain = clean_article(articles[0])
    assert any("Morning Brief" in plain.text[s.start : s.end] for s in plain.body)


def test_chrome_needs_several_distinct_articles(tmp_path: Path) -> None:
    from digest.read.chrome import drop_learned_chrome

    for i in range(3):
        (tmp_path / f"copy{i}.txt").write_text(_scrape(7))  # one story, three copies
    (tmp_path / "other.txt").write_text(_scrape(8))
    articles, _ = read_inputs([tmp_path], ReadOptions(outlet="Harbor Wire"))
    assert [a.body for a in drop_learned_chrome(articles)] == [a.body for a in articles]


def _version(n: int) -> str:
    """One wire story as its outlet updates it: a number changes, a paragraph is added."""
    return (
        "Harbor Wire | Seoul edition\n"
        f"Floods kill {10 + n} in the south\n"
        f"SEOUL (Harbor Wire) -- Floods have killed {10 + n} people in the south, the "
        "interior ministry said on Tuesday, as rescuers searched for the missing.\n"
        '"We are doing everything we can to reach the villages cut off by the water," '
        "the minister told reporters at the ministry.\n"
        "Rivers burst their banks after three days of rain, and roads into the hills are closed.\n"
        + ("The weather service expects more rain on Thursday.\n" if n % 2 else "")
        + "Sign up for the Morning Brief, our daily digest of the news from the peninsula.\n"
    )


def test_versions_of_one_story_keep_their_paragraphs(tmp_path: Path) -> None:
    from digest.read.chrome import drop_learned_chrome

    for n in range(4):
        (tmp_path / f"update{n}.txt").write_text(_version(n))
    for i in range(3):
        (tmp_path / f"other{i}.txt").write_text(_scrape(i))
    articles, _ = read_inputs([tmp_path], ReadOptions(outlet="Harbor Wire"))
    for article in drop_learned_chrome(articles):
        cleaned = clean_article(article)
        body = " ".join(cleaned.text[s.start : s.end] for s in cleaned.body)
        assert "Morning Brief" not in body  # the outlet's furniture, on every story
        if article.id.startswith("update"):
            # The paragraphs every update repeats are the story, not furniture.
            assert "We are doing everything we can" in body
            assert "Rivers burst their banks" in body


# --- the sources: block of the config -------------------------------------------------------


def _config_error(tmp_path: Path, text: str) -> str:
    from digest.config.load import load_config
    from digest.errors import ConfigError

    path = tmp_path / "config.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return str(info.value).removeprefix(f"{path}:")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "sources:\n  - path: inbox\n    feed: https://x.example/rss\n",
            "2: sources[0]: give either 'path' or 'feed', not both\n"
            "Hint: 'path: inbox/*.html' for files, 'feed: https://example.org/rss.xml' for a feed",
        ),
        (
            "sources:\n  - path: inbox\n    fetch_articles: true\n",
            "2: sources[0]: 'fetch_articles' applies to a feed\n"
            "Hint: remove it, or use 'feed:' instead of 'path:'",
        ),
        (
            "sources:\n  - path: api.json\n    fields: {body: text}\n",
            "3: sources[0].fields: unknown field 'body'\nHint: did you mean 'text: body'? map "
            "digest's fields (id, title, source, url, published, text, author, records) to the "
            "record's keys, e.g. 'text: body'",
        ),
        (
            "sources:\n  - path: inbox\n    encoding: klingon\n",
            "3: sources[0].encoding: unknown encoding 'klingon'\nHint: use a name such as "
            "'utf-8', 'cp1252' or 'euc-kr', or leave it out to detect the encoding",
        ),
        (
            "window: 3 weeks\n",
            "1: window: expected a length such as '24h', '36h', '2d' or 'all', got '3 weeks'\n"
            "Hint: a number with h (hours), d (days) or m (minutes), or 'all' for no window",
        ),
        (
            "limits:\n  max_size: huge\n",
            "2: limits.max_size: expected a size such as '5 MB', got 'huge'\n"
            "Hint: a number with B, kB, MB or GB",
        ),
        (
            "http:\n  timeout: 0\n",
            "2: http.timeout: expected a number greater than or equal to 0.1, got 0\n"
            "Hint: pick a number in that range",
        ),
        (
            "http:\n  per_hosts: 4\n",
            "2: http.per_hosts: unknown key 'per_hosts'\nHint: did you mean 'per_host'? allowed "
            "keys here: timeout, user_agent, per_host, retries, backoff, max_redirects",
        ),
    ],
)
def test_source_window_limit_and_http_keys_are_checked(
    tmp_path: Path, text: str, message: str
) -> None:
    assert _config_error(tmp_path, text) == message


def test_sizes_and_windows_in_the_config(tmp_path: Path) -> None:
    from datetime import timedelta

    from digest.config.load import load_config

    path = tmp_path / "config.yaml"
    path.write_text("window: 1d12h\nlimits: {max_size: 2 MiB}\nstate: null\n")
    config = load_config(path)
    assert config.window == timedelta(hours=36)
    assert config.settings.limits.max_size == 2 * 1024 * 1024
    assert config.state_path is None
    path.write_text("window: all\n")
    assert load_config(path).window is None
    assert load_config(path).state_path == tmp_path.resolve() / ".digest" / "state.sqlite"

"""JSON and JSON Lines dumps: any size, a size limit per record, producers' field names."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from digest.config.load import load_config
from digest.model import Article, Skipped
from digest.read.files import ReadOptions, iter_file, read_data, read_inputs
from digest.read.jsonl import stable_id
from digest.read.sources import read_sources

from .conftest import ROOT, SHARED

MB = 1_000_000
OVER = (
    "1.2 MB is over the size limit of 1.0 MB; "
    "Hint: raise limits.max_size in the config if it is a real article"
)


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --- size: the limit is per record, and a dump streams -------------------------------------

BIG_DUMP = """
import json, resource, sys
from pathlib import Path
from digest.model import Article
from digest.read.files import ReadOptions, iter_file
path = Path(sys.argv[1])
with path.open("w", encoding="utf-8") as out:
    if path.suffix == ".json":
        out.write('{"status": "ok", "articles": [')
    count = written = 0
    while written < 12_000_000:
        record = {"doc_id": f"w-{count}", "publisher": "Wire", "date": "2023-09-12",
                  "body": f"Story {count}: officials said the talks would resume on Tuesday."}
        line = json.dumps(record)
        if path.suffix == ".json":
            written += out.write(("," if count else "") + line)
        else:
            written += out.write(line + "\\n")
        count += 1
    if path.suffix == ".json":
        out.write("]}")
options = ReadOptions(max_size=1_000_000, fields=(("records", "articles"),))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
articles = skipped = 0
last = None
for item in iter_file(path, options):
    if isinstance(item, Article):
        articles += 1
        last = item
    else:
        skipped += 1
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
size = path.stat().st_size // 1_000_000
print(count, articles, skipped, last.id, last.source, grown // 1024, size)
"""


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_a_dump_twelve_times_the_limit_is_read_whole_in_flat_memory(
    tmp_path: Path, suffix: str
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", BIG_DUMP, str(tmp_path / f"dump{suffix}")],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    count, articles, skipped, last_id, last_source, grown_mb, size_mb = result.stdout.split()
    assert int(size_mb) >= 12
    assert int(count) > 50_000
    assert (int(articles), int(skipped)) == (int(count), 0)
    assert (last_id, last_source) == (f"w-{int(count) - 1}", "Wire")
    # Held whole, the dump alone would take 12 MB and its articles several times that.
    assert int(grown_mb) < 4, f"peak memory grew {grown_mb} MB reading a {size_mb} MB dump"


def test_a_record_over_the_limit_is_skipped_with_its_line_and_the_others_read(
    tmp_path: Path,
) -> None:
    path = write_jsonl(
        tmp_path / "dump.jsonl",
        [
            {"id": "a", "text": "First story."},
            {"id": "huge", "text": "word " * 240_000},
            {"id": "b", "text": "Second story."},
        ],
    )
    articles, skipped = read_inputs([path], ReadOptions(max_size=MB))
    assert [a.id for a in articles] == ["a", "b"]
    assert skipped == [Skipped(f"{path}:2", OVER)]


def test_a_record_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    record = {"id": "edge", "text": ""}
    record["text"] = "x" * (MB - len(json.dumps(record)))
    path = write_jsonl(tmp_path / "edge.jsonl", [record])
    assert len(json.dumps(record)) == MB
    [article], skipped = read_inputs([path], ReadOptions(max_size=MB))
    assert (article.id, len(article.text), skipped) == ("edge", len(record["text"]), [])
    _, [over] = read_inputs([path], ReadOptions(max_size=MB - 1))
    assert over.reason.startswith("no usable article records among 1 (first: 1.0 MB is over")


def test_a_json_record_over_the_limit_is_skipped_by_its_index(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_text(
        json.dumps([{"id": "a", "text": "Kept."}, {"id": "b", "text": "word " * 240_000}])
    )
    articles, skipped = read_inputs([path], ReadOptions(max_size=MB))
    assert [a.id for a in articles] == ["a"]
    assert skipped == [Skipped(f"{path}[1]", OVER)]


def test_a_json_document_over_the_limit_without_records_says_to_name_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "api.json"
    records = [{"id": str(i), "text": "word " * 100} for i in range(3000)]
    path.write_text(json.dumps({"status": "ok", "articles": records}))
    _, [skipped] = read_inputs([path], ReadOptions(max_size=MB))
    assert skipped.reason == (
        f"no usable article records among 1 (first: {path.stat().st_size / MB:.1f} MB is over "
        "the size limit of 1.0 MB); Hint: if the document holds a list of records, name its "
        "key with 'records:' in the source's 'fields:'"
    )
    articles, skipped_again = read_inputs(
        [path], ReadOptions(max_size=MB, fields=(("records", "articles"),))
    )
    assert (len(articles), skipped_again) == (3000, [])


# --- skipped records are counted, each with its reason -------------------------------------


def test_each_bad_record_is_listed_after_the_good_ones_are_read(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(
        '{"id": "bad-text", "text": ""}\n'
        '{"id": "one", "text": "A story."}\n'
        "\n"
        "not json at all\n"
        '["a", "list"]\n'
        '{"id": "two", "text": "Another story.", "date": "sometime soon"}\n'
        '{"id": "three", "text": "A third story."}\n',
        encoding="utf-8",
    )
    items = list(iter_file(path, ReadOptions()))
    assert [i.id for i in items if isinstance(i, Article)] == ["one", "three"]
    skipped = {i.path: i.reason for i in items if isinstance(i, Skipped)}
    assert skipped == {
        f"{path}:1": "'text', 'body' and 'content' are missing or empty",
        f"{path}:4": "not JSON: Expecting value",
        f"{path}:5": "expected an object with the article's fields, got list",
        f"{path}:6": skipped[f"{path}:6"],
    }
    assert skipped[f"{path}:6"].startswith("published: cannot read 'sometime soon' as a date")


def test_a_dump_without_one_usable_record_is_one_entry_with_the_count(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "other.jsonl", [{"key": str(i), "story": "Some text."} for i in range(840)]
    )
    articles, [skipped] = read_inputs([path])
    assert not articles
    assert skipped == Skipped(
        str(path),
        "no usable article records among 840 (first: 'text', 'body' and 'content' are "
        "missing or empty); Hint: each needs its text under 'text', 'body' or 'content' "
        "(map other names with 'fields:' on the source)",
    )


def test_skipped_records_reach_the_reading_of_a_build(tmp_path: Path) -> None:
    write_jsonl(
        tmp_path / "wire.jsonl",
        [{"guid": "g1", "body": "Kept story."}, {"guid": "g2"}, {"guid": "g3", "body": "Also."}],
    )
    config = tmp_path / "config.yaml"
    config.write_text("window: all\nstate: null\nsources:\n  - path: wire.jsonl\n")
    reading = read_sources(load_config(config).reading)
    assert [a.id for a in reading.articles] == ["g1", "g3"]
    assert [(Path(s.path).name, s.reason) for s in reading.skipped] == [
        ("wire.jsonl:2", "'text', 'body' and 'content' are missing or empty")
    ]


# --- field names as producers write them ---------------------------------------------------


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            {"doc_id": "d-1", "publisher": "breitbart", "date": "2016-09-12", "text": "T."},
            ("d-1", "breitbart", "", None, "2016-09-12", None),
        ),
        (
            {
                "guid": "g-1",
                "headline": "Talks resume",
                "body": "B.",
                "pubDate": "Tue, 12 Sep 2023 09:00:00 +0900",
                "source": {"id": None, "name": "Reuters"},
                "link": "https://r.example/1",
                "author": {"name": "Kim Soo-min"},
            },
            ("g-1", "Reuters", "Talks resume", "https://r.example/1", "2023-09-12", "Kim Soo-min"),
        ),
        (
            {"url": "https://w.example/2", "content": "C.", "outlet": "Wire", "title": "T2"},
            ("https://w.example/2", "Wire", "T2", "https://w.example/2", None, None),
        ),
        (
            {"uuid": "u-1", "text": "U.", "author": [{"name": "A. One"}, "B. Two"]},
            ("u-1", "", "", None, None, "A. One, B. Two"),
        ),
    ],
)
def test_records_are_read_under_the_names_producers_use(
    tmp_path: Path, record: dict[str, object], expected: tuple[object, ...]
) -> None:
    path = write_jsonl(tmp_path / "wire.jsonl", [record])
    [article], skipped = read_inputs([path])
    published = article.published.date().isoformat() if article.published else None
    got = (article.id, article.source, article.title, article.url, published, article.author)
    assert (got, skipped) == (expected, [])
    assert article.text == next(record[k] for k in ("text", "body", "content") if k in record)


def test_a_usual_name_holding_something_else_is_passed_over(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "db.jsonl",
        [{"id": {"$oid": "5f1"}, "doc_id": "d-9", "source": ["x"], "publisher": "P", "text": "T."}],
    )
    [article], _ = read_inputs([path])
    assert (article.id, article.source) == ("d-9", "P")


def test_the_field_map_wins_and_is_the_only_name_tried(tmp_path: Path) -> None:
    record = {"id": "plain", "guid": "mapped", "text": "Summary.", "body": "The full story."}
    path = write_jsonl(tmp_path / "api.jsonl", [record, {"guid": "g2", "text": "Only text."}])
    fields = (("id", "guid"), ("text", "body"))
    [article], [skipped] = read_inputs([path], ReadOptions(fields=fields))
    assert (article.id, article.text) == ("mapped", "The full story.")
    assert skipped == Skipped(f"{path}:2", "'body' is missing or empty")


def test_a_mapped_key_with_the_wrong_kind_of_value_skips_the_record(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "api.jsonl", [{"id": "1", "text": "T.", "meta": {"by": {"first": "x"}}}]
    )
    _, [skipped] = read_inputs([path], ReadOptions(fields=(("author", "meta.by"),)))
    assert "(first: 'meta.by' must be a string, got dict)" in skipped.reason


def test_records_without_an_id_get_a_stable_one_from_their_text(tmp_path: Path) -> None:
    stories = [{"text": "Seoul urged restraint."}, {"text": "Talks resumed in Geneva."}]
    first = write_jsonl(tmp_path / "wire.jsonl", stories)
    ids = [a.id for a in read_inputs([first])[0]]
    assert all(re.fullmatch(r"wire#[0-9a-f]{12}", i) for i in ids)
    assert ids[0] != ids[1]
    # The same dump cut differently (the second story first, among others) keeps its ids.
    recut = write_jsonl(tmp_path / "again" / "wire.jsonl", [{"text": "New."}, *reversed(stories)])
    again = {a.text: a.id for a in read_inputs([recut])[0]}
    assert [again[s["text"]] for s in stories] == ids
    assert ids == [stable_id("wire", s["text"]) for s in stories]


def test_an_id_from_the_text_is_named_after_the_files_path_below_its_input(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "business" / "dump.jsonl", [{"body": "Markets rose."}])
    [article], _ = read_inputs([tmp_path])
    assert article.id == stable_id("business/dump", "Markets rose.")


# --- .json documents stream too ------------------------------------------------------------


def test_a_json_list_of_records_is_read(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"guid": "1", "body": "One."}, {"guid": "2", "body": "Two."}]))
    articles, skipped = read_inputs([path])
    assert ([a.id for a in articles], [a.text for a in articles], skipped) == (
        ["1", "2"],
        ["One.", "Two."],
        [],
    )


@pytest.mark.parametrize(
    ("document", "records"),
    [
        ({"status": "ok", "total": 2, "articles": "{records}"}, "articles"),
        ({"meta": {"articles": []}, "data": {"page": 1, "items": "{records}"}}, "data.items"),
    ],
)
def test_a_list_of_records_inside_an_object_is_read_from_records(
    tmp_path: Path, document: dict[str, object], records: str
) -> None:
    items = [
        {"id": "n-1", "headline": "One", "text": "First.", "score": 1.5, "rank": 10**30},
        {"id": "n-2", "headline": "Two", "text": "Second.", "tags": [{"a": [None, True]}]},
    ]
    path = tmp_path / "api.json"
    path.write_text(json.dumps(document).replace('"{records}"', json.dumps(items)))
    articles, skipped = read_inputs([path], ReadOptions(fields=(("records", records),)))
    assert ([(a.id, a.title, a.text) for a in articles], skipped) == (
        [("n-1", "One", "First."), ("n-2", "Two", "Second.")],
        [],
    )


def test_records_at_a_key_without_a_list_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    path.write_text(json.dumps({"articles": {"id": "1", "text": "T."}}))
    _, [skipped] = read_inputs([path], ReadOptions(fields=(("records", "articles"),)))
    assert skipped.reason == (
        "no list of records at 'articles'; Hint: check 'records' in the source's field map"
    )


def test_a_json_document_that_breaks_off_keeps_the_records_before_the_break(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cut.json"
    path.write_text('[{"id": "a", "text": "Whole."}, {"id": "b", "text": "Cut sh')
    articles, [skipped] = read_inputs([path])
    assert [a.id for a in articles] == ["a"]
    assert (skipped.path, skipped.reason) == (
        str(path),
        "line 1 column 53: not JSON: Unterminated string starting at",
    )


def test_a_json_dump_over_the_limit_that_breaks_off_names_the_record_it_broke_in(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cut.json"
    records = [{"id": str(i), "text": f"Story {i}, the minister said."} for i in range(2000)]
    path.write_text(json.dumps(records)[:-30])
    articles, [skipped] = read_inputs([path], ReadOptions(max_size=10_000))
    assert len(articles) == 1999
    assert skipped.reason == "record [1999]: not JSON: parse error: premature EOF"


# --- encodings, line by line ---------------------------------------------------------------


def test_each_line_is_decoded_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'\xef\xbb\xbf{"id": "bom", "text": "Caf\xc3\xa9 opens."}\n'
        + '{"id": "w", "text": "Der Bürgermeister sagte, die Straße sei gesperrt."}\n'.encode(
            "cp1252"
        )
    )
    articles, skipped = read_inputs([path])
    assert [(a.id, a.text) for a in articles] == [
        ("bom", "Café opens."),
        ("w", "Der Bürgermeister sagte, die Straße sei gesperrt."),
    ]
    assert not skipped


def test_the_sources_encoding_is_used_for_every_line_and_a_json_document(
    tmp_path: Path,
) -> None:
    record = {"id": "k", "text": "서울에서 회담이 재개됐다고 밝혔다."}
    lines = tmp_path / "ko.jsonl"
    lines.write_bytes(json.dumps(record, ensure_ascii=False).encode("euc-kr") + b"\n")
    document = tmp_path / "ko.json"
    document.write_bytes(json.dumps([record], ensure_ascii=False).encode("euc-kr"))
    for path in (lines, document):
        [article], _ = read_inputs([path], ReadOptions(encoding="euc-kr"))
        assert article.text == record["text"]


def test_bytes_in_memory_read_as_a_file_does(tmp_path: Path) -> None:
    data = b'{"doc_id": "m-1", "body": "From memory."}\n{bad\n'
    [article] = read_data(Path("memory.jsonl"), data)
    assert (article.id, article.text) == ("m-1", "From memory.")
    [listed] = read_data(Path("memory.json"), b"[" + data.splitlines()[0] + b"]")
    assert listed.id == "m-1"


# --- a real dump ---------------------------------------------------------------------------


def test_polnear_dev_reads_every_record_with_its_doc_id_and_publisher() -> None:
    path = SHARED / "data" / "polnear-dev.jsonl"
    if not path.exists():
        pytest.skip(f"PolNeAR dev not found at {path} (../shared is not beside the project)")
    articles, skipped = read_inputs([path])
    expected = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert (len(articles), skipped) == (84, [])
    assert [(a.id, a.source) for a in articles] == [(r["doc_id"], r["publisher"]) for r in expected]
    assert all(a.published is not None for a in articles)

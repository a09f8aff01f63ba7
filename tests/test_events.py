"""Stories (events) and threads of a day's articles: `digest.stories.events.group_articles`
and `digest stories`.

The articles are written for these tests: reports of two events of one kind (two
earthquakes, two rehab stays) must stay two stories, copies and updates of one report
must join it, and the ids must not depend on the order articles come in.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from digest.bench.corpus import write_copies
from digest.cli import main
from digest.config.load import default_config
from digest.model import Article, Span
from digest.read.clean import clean_article
from digest.read.sources import read_sources
from digest.stories.events import Grouping, group_articles, headline, salient_order

from .conftest import ROOT

FIXTURE = ROOT / "tests" / "data" / "stories" / "events.jsonl"


def _article(
    ident: str, title: str, text: str, *, source: str = "", published: str | None = None
) -> Article:
    body = f"{title}\n\n{text}"
    return Article(
        id=ident,
        source=source,
        title=title,
        url=None,
        published=datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None,
        text=body,
        path=f"{ident}.txt",
        body=(Span(0, len(body)),),
    )


def _stories(grouping: Grouping, articles: list[Article]) -> set[frozenset[str]]:
    """The grouping as sets of article ids."""
    return {frozenset(articles[i].id for i in event.articles) for event in grouping.events}


QUAKES = [
    _article(
        "quake-2009-a",
        "Magnitude 6.1 earthquake shakes Salta province",
        "An earthquake of magnitude 6.1 struck Salta province in northern Argentina on "
        "Tuesday, damaging adobe houses in the town of Cachi. Civil defence chief Marta "
        "Quiroga said two people were hurt by falling walls and that 40 families spent the "
        "night in a school gym.",
        published="2009-08-11",
    ),
    _article(
        "quake-2009-b",
        "Salta quake damages homes in Cachi",
        "Adobe homes in Cachi were damaged when a 6.1 magnitude quake hit Salta province on "
        "Tuesday. Marta Quiroga of civil defence said two residents were injured and about "
        "40 families were sheltering in a school gym in Cachi.",
        published="2009-08-11",
    ),
    _article(
        "quake-2009-c",
        "Two hurt as earthquake hits northern Argentina",
        "Two people were injured in Cachi, Salta province, when an earthquake measuring 6.1 "
        "shook northern Argentina on Tuesday. Falling adobe walls caused the injuries, civil "
        "defence official Marta Quiroga said, and 40 families moved into a school gym.",
        published="2009-08-12",
    ),
    _article(
        "quake-2014-a",
        "Earthquake of magnitude 5.4 rattles Arequipa",
        "A magnitude 5.4 earthquake rattled the Peruvian city of Arequipa on Saturday, "
        "cracking the bell tower of the Santa Catalina church. Mayor Alfredo Zegarra said "
        "no one was killed and that engineers would check the old town's stone facades.",
        published="2014-02-22",
    ),
    _article(
        "quake-2014-b",
        "Arequipa church tower cracked by quake",
        "The bell tower of Santa Catalina church in Arequipa cracked when a 5.4 magnitude "
        "earthquake struck southern Peru on Saturday. Mayor Alfredo Zegarra said there were "
        "no deaths and that engineers were inspecting stone facades in the old town.",
        published="2014-02-22",
    ),
    _article(
        "quake-2014-c",
        "No deaths after Peru earthquake, Arequipa mayor says",
        "Nobody died in the 5.4 magnitude earthquake that shook Arequipa on Saturday, Mayor "
        "Alfredo Zegarra said. The quake cracked the Santa Catalina bell tower and engineers "
        "began checking the stone facades of the old town.",
        published="2014-02-23",
    ),
]

REHAB = [
    _article(
        "rehab-quill-a",
        "Actress Mara Quill enters rehab clinic in Malibu",
        "Actress Mara Quill has checked into the Seabright treatment centre in Malibu, her "
        "publicist Owen Tate said on Thursday. Tate asked for privacy for the star of the "
        "Harbour Lights series and gave no details of her treatment.",
    ),
    _article(
        "rehab-quill-b",
        "Mara Quill checks into Seabright centre",
        "Mara Quill, star of Harbour Lights, is being treated at the Seabright centre in "
        "Malibu, publicist Owen Tate confirmed. Tate asked fans to respect the actress's "
        "privacy and would not say what she is being treated for.",
    ),
    _article(
        "rehab-quill-c",
        "Harbour Lights star in treatment, publicist says",
        "The star of Harbour Lights, Mara Quill, entered the Seabright treatment centre in "
        "Malibu this week, according to her publicist Owen Tate, who asked that her privacy "
        "be respected.",
    ),
    _article(
        "rehab-ashby-a",
        "Singer Devon Ashby starts 60-day court-ordered rehab stay",
        "Singer Devon Ashby began a 60-day stay at the Pinecrest rehabilitation centre in "
        "Arizona on Monday, as ordered by a judge after his drink-driving conviction. His "
        "lawyer Carla Brandt said Ashby would serve the full term before his tour resumes.",
    ),
    _article(
        "rehab-ashby-b",
        "Devon Ashby reports to Pinecrest for court-ordered treatment",
        "Devon Ashby reported to the Pinecrest centre in Arizona to begin 60 days of "
        "court-ordered rehabilitation after his drink-driving conviction, lawyer Carla "
        "Brandt said. The singer's tour is on hold until he completes the stay.",
    ),
    _article(
        "rehab-ashby-c",
        "Judge's order sends Ashby to Arizona rehab",
        "A judge's order following his drink-driving conviction has sent singer Devon Ashby "
        "to the Pinecrest rehabilitation centre in Arizona for 60 days, his lawyer Carla "
        "Brandt said. His tour will resume after the stay.",
    ),
]


def _ids(prefix: str, articles: list[Article]) -> frozenset[str]:
    return frozenset(a.id for a in articles if a.id.startswith(prefix))


def test_two_earthquakes_years_apart_are_two_stories() -> None:
    grouping = group_articles(QUAKES)
    assert _stories(grouping, QUAKES) == {
        _ids("quake-2009", QUAKES),
        _ids("quake-2014", QUAKES),
    }


def test_two_rehab_stays_are_two_stories() -> None:
    grouping = group_articles(REHAB)
    assert _stories(grouping, REHAB) == {
        _ids("rehab-quill", REHAB),
        _ids("rehab-ashby", REHAB),
    }


def test_both_kinds_together_make_four_stories() -> None:
    articles = QUAKES + REHAB
    grouping = group_articles(articles)
    assert _stories(grouping, articles) == {
        _ids("quake-2009", articles),
        _ids("quake-2014", articles),
        _ids("rehab-quill", articles),
        _ids("rehab-ashby", articles),
    }
    assert len(grouping.event_of) == len(articles)
    for index, event in enumerate(grouping.events):
        assert all(grouping.event_of[i] == index for i in event.articles)
        assert event.lead in event.articles
        assert event.headline == headline(articles[event.lead])
        assert 0 <= event.thread < len(grouping.threads)
        assert index in grouping.threads[event.thread].events


def test_copies_and_updates_join_their_story() -> None:
    original = QUAKES[3]
    copy = _article(
        "quake-2014-copy",
        original.title,
        original.text.split("\n\n", 1)[1],
        source="Andes Wire",
        published="2014-02-22",
    )
    update = _article(
        "quake-2014-update",
        "Arequipa quake: tower to be shored up, mayor says",
        original.text.split("\n\n", 1)[1]
        + " Update: the mayor said on Sunday that the tower would be shored up with steel "
        "props before the repair work starts.",
        published="2014-02-23",
    )
    articles = [original, copy, update, *QUAKES[:3]]
    grouping = group_articles(articles)
    assert _stories(grouping, articles) == {
        frozenset({"quake-2014-a", "quake-2014-copy", "quake-2014-update"}),
        _ids("quake-2009", articles),
    }


def test_reports_published_years_apart_are_never_one_story() -> None:
    first = QUAKES[0]
    again = _article(
        "quake-again",
        "Salta quake damages homes in Cachi",
        QUAKES[1].text.split("\n\n", 1)[1],
        published="2012-08-11",
    )
    assert len(group_articles([first, again]).events) == 2
    same_week = _article(
        again.id, again.title, QUAKES[1].text.split("\n\n", 1)[1], published="2009-08-12"
    )
    assert len(group_articles([first, same_week]).events) == 1


def test_ids_are_stable_across_runs_and_orders() -> None:
    articles = QUAKES + REHAB
    grouping = group_articles(articles)
    again = group_articles(articles)
    assert grouping == again
    by_story = {frozenset(articles[i].id for i in e.articles): e.id for e in grouping.events}
    threads = {t.id for t in grouping.threads}
    shuffled = list(articles)
    for seed in range(3):
        random.Random(seed).shuffle(shuffled)
        other = group_articles(shuffled)
        assert {
            frozenset(shuffled[i].id for i in e.articles): e.id for e in other.events
        } == by_story
        assert {t.id for t in other.threads} == threads
        leads = {shuffled[e.lead].id for e in other.events}
        assert leads == {articles[e.lead].id for e in grouping.events}
    assert len(set(by_story.values())) == len(by_story)
    assert all(len(ident) == 12 for ident in by_story.values())


def test_a_story_id_is_its_first_article_s() -> None:
    # The first article of a story: the earliest published. Adding a later report
    # to the story leaves its id alone.
    before = group_articles(QUAKES[3:5])
    after = group_articles(QUAKES[3:])
    assert len(before.events) == len(after.events) == 1
    assert before.events[0].id == after.events[0].id
    assert before.threads[0].id == after.threads[0].id


def test_no_articles_and_one() -> None:
    assert group_articles([]) == Grouping((), (), ())
    one = group_articles(QUAKES[:1])
    assert len(one.events) == len(one.threads) == 1
    assert one.events[0].articles == (0,) and one.event_of == (0,)
    assert one.threads[0].label


def test_an_article_without_a_title_is_headed_by_its_first_sentence() -> None:
    article = Article(
        id="x",
        source="",
        title="",
        url=None,
        published=None,
        text="The council met on Tuesday. It voted for the plan.",
        path="x.txt",
        body=(Span(0, 50),),
    )
    assert headline(article) == "The council met on Tuesday."


def test_salient_stories_first() -> None:
    articles = QUAKES[:3] + QUAKES[3:4]
    grouping = group_articles(articles)
    first = grouping.events[salient_order(grouping, articles)[0]]
    assert {articles[i].id for i in first.articles} == _ids("quake-2009", articles)


def test_a_crowd_of_copies_is_one_story(tmp_path: Path) -> None:
    write_copies(tmp_path, 1000)
    reading = read_sources(default_config().reading, inputs=[tmp_path])
    articles = [clean_article(a) for a in reading.articles]
    assert len(articles) == 1000
    grouping = group_articles(articles)
    assert len(grouping.events) == 1
    assert len(grouping.events[0].articles) == 1000


def test_stories_command_lists_the_fixture() -> None:
    result = CliRunner().invoke(main, ["stories", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if not line.startswith("digest:")]
    assert len(lines) == 4
    assert all(" — 3 articles, 3 outlets [" in line for line in lines)
    assert "digest: 4 stories in 2 threads from 12 articles" in result.output
    # The newest story first: all have as many articles and outlets.
    assert lines[0].startswith("Castell commits future to Harwick Rovers")


def test_stories_command_as_json() -> None:
    result = CliRunner().invoke(main, ["stories", "--json", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    gold: dict[str, set[str]] = {}
    threads: dict[str, set[str]] = {}
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold.setdefault(record["event"], set()).add(record["id"])
        threads.setdefault(str(record["topic"]), set()).add(record["event"])
    assert {frozenset(r["articles"]) for r in records} == {frozenset(v) for v in gold.values()}
    assert all(set(r) == {"id", "headline", "articles", "thread", "thread_label"} for r in records)
    assert len({r["thread"] for r in records}) == 2
    assert len({r["id"] for r in records}) == 4


def test_stories_command_with_nothing_to_read(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stories", str(tmp_path)])
    assert result.exit_code == 3
    assert "digest: error:" in result.output

"""Day over day: a story that goes on keeps its id and is developing; old news is seen."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from digest.model import Article, Span
from digest.state import EarlierStory, State
from digest.stories.continuity import continuity, story_words
from digest.stories.events import Event


def article(ident: str, title: str, body: str) -> Article:
    return Article(
        ident,
        "Wire",
        title,
        None,
        datetime(2023, 9, 14, 8, tzinfo=UTC),
        body,
        f"{ident}.txt",
        body=(Span(0, len(body)),),
    )


SUMMIT = article(
    "a1",
    "Kim and Putin meet at Vostochny",
    "North Korean leader Kim Jong-un met Russian President Vladimir Putin at the Vostochny "
    "Cosmodrome in the Amur region, the Kremlin said.",
)
SUMMIT_AGAIN = article(
    "a2",
    "Kim tours Vostochny with Putin after summit",
    "Kim Jong-un toured the Vostochny Cosmodrome with Vladimir Putin on Thursday, a day after "
    "their summit in the Amur region, the Kremlin said.",
)
QUAKE = article(
    "a3",
    "Earthquake shakes Taiwan",
    "A magnitude 6.1 earthquake struck off Taiwan's east coast near Hualien on Thursday, the "
    "Central Weather Administration said.",
)


def event(ident: str, *indices: int) -> Event:
    return Event(ident, indices, indices[0], "", 0)


def earlier(story_id: str, *found: Article) -> EarlierStory:
    return EarlierStory(
        story_id, "2023-09-13", found[0].title, frozenset(a.id for a in found), story_words(found)
    )


def test_a_story_that_goes_on_keeps_its_id_and_is_developing() -> None:
    articles = [SUMMIT_AGAIN, QUAKE]
    events = [event("e-summit", 0), event("e-quake", 1)]
    words = [story_words([a]) for a in articles]
    found = continuity(events, words, articles, [earlier("s-old", SUMMIT)], set(), [0, 1])
    assert found == {"e-summit": ("s-old", "developing"), "e-quake": ("e-quake", "new")}


def test_a_shared_article_is_the_same_story_and_old_articles_alone_are_seen() -> None:
    articles = [SUMMIT, SUMMIT_AGAIN]
    events = [event("e-today", 0, 1)]
    words = [story_words(articles)]
    previous = [earlier("s-old", SUMMIT)]
    assert continuity(events, words, articles, previous, {"a1"}, [0]) == {
        "e-today": ("s-old", "developing")
    }
    assert continuity(events, words, articles, previous, {"a1", "a2"}, [0]) == {
        "e-today": ("s-old", "seen")
    }
    # An event no earlier brief had, made of articles earlier briefs carried: not news.
    assert continuity(events, words, articles, [], {"a1", "a2"}, [0]) == {
        "e-today": ("e-today", "seen")
    }


def test_an_earlier_story_goes_on_in_one_story_of_today_the_most_salient() -> None:
    articles = [SUMMIT_AGAIN, SUMMIT]
    events = [event("e-first", 0), event("e-second", 1)]
    words = [story_words([a]) for a in articles]
    previous = [earlier("s-old", SUMMIT)]
    found = continuity(events, words, articles, previous, set(), [1, 0])
    assert found["e-second"] == ("s-old", "developing")
    assert found["e-first"] == ("e-first", "new")


def test_stories_are_remembered_per_brief_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with State(path, date(2023, 9, 13)) as state:
        state.remember_stories([earlier("s-old", SUMMIT)])
        state.commit()
    with State(path, date(2023, 9, 14)) as state:
        [story] = state.earlier_stories()
        assert story.story_id == "s-old" and story.article_ids == {"a1"}
        assert "vostochny" in story.words
    with State(path, date(2023, 9, 30)) as state:
        assert state.earlier_stories() == []  # a week and more ago: no longer looked for

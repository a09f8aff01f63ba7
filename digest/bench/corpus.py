"""A synthetic news corpus for the benchmark: wire stories written from a seed, any size.

The stories are made to exercise every stage the way a desk's day does, not to read
well: datelines, direct and partial quotes with attributions ("..., Kim Min-jun, the
foreign ministry spokesperson, said Tuesday."), reported speech, the outlet's own
statements, relative dates, an outlet's repeated chrome line, and:

- topic words taken from the config's own queries, arranged so that each query
  matches (one alternative of every OR, every part of an AND, NEAR terms side by
  side), so classification does real work;
- the same quotes carried by several outlets, and syndicated copies of whole stories,
  so merging and the syndication check do real work;
- stories on no topic at all, for "Other reporting".

Pools of speakers and quotes grow with the corpus, so twice the articles make about
twice the stories: the benchmark measures how cost grows, not a saturated brief.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from ..classify.match import And, Near, Node, Not, Or, Words
from ..classify.parse import Topic

_FIRST = (
    "Min-jun Ji-woo Seo-yeon Ha-eun Do-hyun Ye-jin John Maria Elena David Sarah Peter Anna "
    "Hiroshi Yuki Olga Ivan Sergei Amir Leila Omar James Laura Thomas Sofia Daniel Grace"
).split()
_LAST = (
    "Kim Lee Park Choi Jung Kang Yoon Jang Lim Han Smith Brown Tanaka Sato Petrov Ivanova "
    "Volkov Rahimi Haddad Garcia Lopez Miller Novak Weber Dubois Rossi Cho Shin Nakamura"
).split()
_ROLES = [
    "the foreign ministry spokesperson",
    "the defence minister",
    "a senior official at the presidential office",
    "the ambassador to the United Nations",
    "a researcher at the Asan Institute",
    "the unification minister",
    "a spokesperson for the State Department",
    "the deputy national security adviser",
]
_OUTLETS = [
    ("Harbor Wire", "SEOUL"),
    ("Pacific Dispatch", "TOKYO"),
    ("Capital Ledger", "WASHINGTON"),
    ("Meridian News", "LONDON"),
    ("Northern Courier", "SEOUL"),
    ("Asia Monitor", "BEIJING"),
    ("Global Post", "NEW YORK"),
    ("Seoul Courier", "SEOUL"),
    ("Eastern Herald", "MOSCOW"),
    ("Gulf Times Wire", "DOHA"),
]
_CHROME = "Subscribe to the {outlet} morning newsletter for the stories that matter."
# Sentences are short frames around the topic words and a thing of their own ("the
# renewed Belvor plan", from over a million made-up names). Unrelated claims then
# share function words and the odd topic word, little else, as real claims do: the
# merge stage meets near-duplicate candidates about as rarely as on real reporting.
_VERBS = (
    "threatens shapes complicates undermines tests strains delays funds blocks supports "
    "weakens reshapes overshadows revives stalls exposes eases worsens follows ignores "
    "outweighs hampers accelerates unsettles"
).split()
_PAST = (
    "discussed reviewed questioned defended criticised welcomed postponed approved "
    "rejected examined debated announced"
).split()
_PREPOSITIONS = "with for against over despite after before beyond amid without".split()
_SUBJECTS = (
    "Officials Diplomats Lawmakers Analysts Negotiators Envoys Regulators Ministers "
    "Economists Commanders Researchers Delegates"
).split()
_PLACES = (
    "Seoul Busan Incheon Tokyo Osaka Beijing Shanghai Moscow Vladivostok Geneva Vienna "
    "Brussels Doha Hanoi Jakarta Manila Canberra Ottawa Berlin Paris Madrid Warsaw"
).split()
_CUES = ["said", "added", "told reporters", "said in a statement", "said at a briefing"]
_ADJECTIVES = (
    "new old rising falling sharp modest broad narrow rapid gradual public private local "
    "foreign regional national urban rural early late strong weak cautious bold formal "
    "fresh renewed lengthy brief costly digital coastal seasonal annual emergency joint"
).split()
_KINDS = (
    "plan fund project bridge pipeline railway harbour reactor refinery shipyard factory "
    "hospital university festival league union tariff subsidy budget bond reservoir "
    "satellite rocket census court ballot coalition broadcaster"
).split()
_ONSETS = "b br d dr f g gr h k l m n p pr r s st t tr v".split()
_VOWELS = "a e i o u ai".split()
_CODAS = ["", "n", "r", "l", "s", "th", "m", "nd", "rk", "x"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Event:
    """Something said that several outlets carry: a speaker and the words."""

    speaker: str
    role: str
    words: str


def topic_phrases(node: Node, rng: random.Random) -> list[str]:
    """Words that make `node` match when they stand in one paragraph: a witness."""
    if isinstance(node, Words):
        return [surface(node)] if node.field == "text" else []
    if isinstance(node, And):
        return [p for part in node.parts for p in topic_phrases(part, rng)]
    if isinstance(node, Or):
        return topic_phrases(rng.choice(node.parts), rng)
    if isinstance(node, Near):
        # Adjacent, so any distance holds; left first, so ONEAR holds too.
        return [f"{surface(rng.choice(node.left))} {surface(rng.choice(node.right))}"]
    if isinstance(node, Not):
        return []
    return []


def surface(words: Words) -> str:
    """How a query term could appear in text: quotes and '=' off, a wildcard completed."""
    text = words.text.split(":", 1)[1] if ":" in words.text.split('"')[0] else words.text
    text = text.lstrip("=").strip('"')
    # "weapon*" -> "weapons"; a capitalised stem ("Iran*") is a name already.
    return re.sub(r"(\w+)\*", lambda m: m.group(1) + ("s" if m.group(1).islower() else ""), text)


def generate(
    topics: Sequence[Topic], count: int, *, seed: int = 7, day: date = date(2023, 9, 13)
) -> Iterator[tuple[str, str]]:
    """(file name, file text) for `count` articles, the same for the same arguments."""
    rng = random.Random(seed)
    people = [
        (f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", rng.choice(_ROLES))
        for _ in range(max(40, count // 15))
    ]
    # A quarter of the stories are on no topic, each about one of a few recurring things
    # (a strike, a festival): "Other reporting", and something for its groups to find.
    others = [_thing(rng) for _ in range(max(4, count // 100))]
    subjects: list[Sequence[Node] | str] = [[t.compiled.root] for t in topics]
    # About three outlets carry each quote: pools grow with the corpus.
    per_pool = max(6, count // (4 * (len(subjects) + 1)))
    pools = [[_event(rng, people, s) for _ in range(per_pool)] for s in subjects]
    pools.append([_event(rng, people, rng.choice(others)) for _ in range(per_pool)])
    start = datetime.combine(
        day - timedelta(days=1), datetime.min.time(), timezone(timedelta(hours=9))
    )
    bodies: list[tuple[str, str, str]] = []
    for i in range(count):
        outlet, city = _OUTLETS[i % len(_OUTLETS)]
        published = start + timedelta(minutes=(i * 1440) // max(1, count))
        ident = f"a{i:06d}"
        if bodies and rng.random() < 0.08:  # a syndicated copy of an earlier story
            title, body, original = bodies[rng.randrange(len(bodies))]
            body = body.replace(f"({original}) -- ", f"({outlet}) -- ", 1)
        else:
            which = rng.randrange(len(pools))
            subject = subjects[which] if which < len(subjects) else rng.choice(others)
            title, body = _story(rng, subject, pools[which], city, published, outlet)
            bodies.append((title, body, outlet))
        chrome = f"\n\n{_CHROME.format(outlet=outlet)}" if i % len(_OUTLETS) < 4 else ""
        slug = outlet.lower().replace(" ", "")
        yield (
            f"{ident}.txt",
            f"---\ntitle: {_quoted(title)}\nsource: {outlet}\nid: {ident}\n"
            f"url: https://{slug}.example/{published:%Y/%m/%d}/{ident}\n"
            f"published: {published.isoformat()}\n---\n{body}{chrome}\n",
        )


def write_corpus(
    folder: Path,
    topics: Sequence[Topic],
    count: int,
    *,
    seed: int = 7,
    day: date = date(2023, 9, 13),
) -> list[Path]:
    """Write `count` generated articles into `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(topics, count, seed=seed, day=day):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _phrases(rng: random.Random, subject: Sequence[Node] | str) -> list[str]:
    """Three or more phrases: a topic's words, or for a story on no topic its subject."""
    if isinstance(subject, str):
        return [subject, _thing(rng), _thing(rng)]
    found = [p for node in subject for p in topic_phrases(node, rng)]
    while len(found) < 3:
        found.append(rng.choice(found) if found else _thing(rng))
    return found


def _thing(rng: random.Random) -> str:
    """A noun phrase of its own: "the renewed Belvor plan"."""
    name = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(2))
    return f"the {rng.choice(_ADJECTIVES)} {name.capitalize()} {rng.choice(_KINDS)}"


def _clause(rng: random.Random, phrases: list[str]) -> str:
    """Words someone says, with every topic phrase in them."""
    a, b, c, *rest = phrases
    more = f", as do {' and '.join(rest)}" if rest else ""
    return (
        f"{a} {rng.choice(_VERBS)} {_thing(rng)}, and {b} {rng.choice(_VERBS)} "
        f"{_thing(rng)} {rng.choice(_PREPOSITIONS)} {c}{more} in {rng.choice(_PLACES)}"
    )


def _statement(rng: random.Random, phrases: list[str]) -> str:
    """The outlet's own words: who did what about the topic, and where."""
    a, b, c, *_ = phrases
    return (
        f"{rng.choice(_SUBJECTS)} in {rng.choice(_PLACES)} {rng.choice(_PAST)} "
        f"{_thing(rng)} {rng.choice(_PREPOSITIONS)} {a}, {b} and {c}."
    )


def _event(
    rng: random.Random, people: list[tuple[str, str]], subject: Sequence[Node] | str
) -> Event:
    name, role = rng.choice(people)
    return Event(name, role, _clause(rng, _phrases(rng, subject)))


def _story(
    rng: random.Random,
    subject: Sequence[Node] | str,
    pool: list[Event],
    city: str,
    published: datetime,
    outlet: str,
) -> tuple[str, str]:
    """A headline and a wire story of eight to twelve paragraphs."""
    phrases = _phrases(rng, subject)
    weekday = _WEEKDAYS[(published.weekday() - rng.randint(0, 1)) % 7]
    ahead = _WEEKDAYS[(published.weekday() + rng.randint(2, 4)) % 7]
    lead = _statement(rng, phrases).rstrip(".")
    paragraphs = [f"{city}, {published:%b}. {published.day} ({outlet}) -- {lead} on {weekday}."]
    for event in rng.sample(pool, k=min(len(pool), rng.randint(2, 4))):
        words = event.words[0].upper() + event.words[1:]
        if rng.random() < 0.25:  # an outlet that cut the quote short: a near-duplicate
            words = words.rsplit(" in ", 1)[0]
        cue = rng.choice(_CUES)
        paragraphs.append(f'"{words}," {event.speaker}, {event.role}, {cue} {weekday}.')
        reported = _clause(rng, _phrases(rng, subject))
        paragraphs.append(f"{event.speaker.split()[-1]} told reporters that {reported}.")
        paragraphs.append(f"{_statement(rng, _phrases(rng, subject))} {_statement(rng, phrases)}")
    # A date ahead, for the watch list; few fixed words, or every story would share them.
    paragraphs.append(
        f"{rng.choice(pool).speaker} is due in {rng.choice(_PLACES)} on {ahead} to discuss "
        f"{_thing(rng)} and {phrases[0]}."
    )
    title = (
        f"{phrases[0][0].upper()}{phrases[0][1:]} talks with {phrases[1]} stall over {phrases[2]}"
    )
    return title, "\n\n".join(paragraphs)


# --- a syndicated flood ---------------------------------------------------------------------

_WIRE_STORY = (
    "SEOUL, Sept. 12 (Harbor Wire) -- North Korea fired {number} short-range ballistic "
    "missiles into the East Sea on Tuesday, South Korea's Joint Chiefs of Staff said, hours "
    "after Kim Jong-un left for a summit with Vladimir Putin in Russia.\n\n"
    '"The launches are a clear violation of United Nations Security Council resolutions and '
    'a grave provocation," Kim Min-jun, the foreign ministry spokesperson, said in a '
    "statement.\n\n"
    '"We are closely monitoring the situation with our allies and remain ready to respond to '
    'any further provocation," Kim added.\n\n'
    "Japan's defence ministry said the missiles fell outside its exclusive economic zone and "
    "that no damage to ships or aircraft had been reported."
)
WIRE_TITLE = "North Korea fires missiles as Kim heads to Russia"


def generate_copies(
    count: int, *, outlets: int | None = None, day: date = date(2023, 9, 13)
) -> Iterator[tuple[str, str]]:
    """(file name, file text) for `count` copies of one short wire story.

    The copies run on `outlets` outlets ("Outlet 17"; default: half as many as copies,
    so each runs the story twice), each a little after the one before, and each says a
    number of its own (the count of missiles, as updated): near-identical, not identical.
    (An outlet that ran the story three times or more would have its lines taken for its
    page chrome, which is `chrome`'s business, not the flood's.)
    """
    outlets = outlets or max(1, count // 2)
    start = datetime.combine(
        day - timedelta(days=1), datetime.min.time(), timezone(timedelta(hours=9))
    ) + timedelta(hours=10)
    for i in range(count):
        published = start + timedelta(seconds=(i * 8 * 3600) // max(1, count))
        ident = f"c{i:06d}"
        yield (
            f"{ident}.txt",
            f"---\ntitle: {_quoted(WIRE_TITLE)}\nsource: Outlet {i % outlets + 1}\n"
            f"published: {published.isoformat()}\n---\n"
            f"{_WIRE_STORY.format(number=i + 2)}\n",
        )


def write_copies(
    folder: Path, count: int, *, outlets: int | None = None, day: date = date(2023, 9, 13)
) -> list[Path]:
    """Write `count` copies of one wire story (`generate_copies`) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate_copies(count, outlets=outlets, day=day):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths

"""Where an article names people: full names, later last names, and sentence subjects.

The resolver reads this list to give "he" or "she" the person the writer last made
the subject of a sentence, and a last name the full name it stands for.
"""

from __future__ import annotations

import bisect
import re

from ..model import Span
from .lexicon import (
    ABBREVIATIONS,
    BEFORE_NAME,
    CALENDAR,
    COMMON_VERBS,
    CUE_FORMS,
    DETERMINERS,
    FEMALE_NAMES,
    FEMALE_TITLES,
    FINITE_WORDS,
    HONORIFICS,
    JOINERS,
    KIN_WORDS,
    MALE_NAMES,
    MALE_TITLES,
    NAME_SUFFIXES,
    NOT_IN_NAMES,
    NOT_NAMES,
    NOT_PERSON_WORDS,
    NP_STOP,
    ORG_TAILS,
    PERSON_ENDINGS,
    PERSON_HEADS,
    PERSON_TITLES,
    PRE_CUE_SKIP,
    ROLE_HEADS,
    SENTENCE_OPENERS,
    TITLE_WORDS,
)
from .mentions import name_gender

# A word of a name after its capital: maybe with a capital inside ("McCain", "MacFarlane",
# "DeGeneres") or after an apostrophe ("O'Malley").
_NAME_TAIL = r"(?:[a-z]+(?:[A-Z][a-z]+)?|['’][A-Z][a-z]+)(?:-[A-Za-z]+)?"
# (`(?<!\w[A-Z])` is a word boundary before the capital): a pattern that starts with a
# letter class lets the regex engine skip ahead to the next capital instead of trying
# the whole pattern at every offset, which makes these scans several times faster.
_NAME_RUN = re.compile(rf"([A-Z](?<!\w[A-Z]){_NAME_TAIL}(?:\s+[A-Z]{_NAME_TAIL}){{1,4}})\b")
_WORD = re.compile(r"\S+")
# "the" right before a run of capitalised words: a place's or a body's name.
_THE_BEFORE = re.compile(r"\b[Tt]he $")
# The lower-case word after a run of capitalised words, before another name.
_ROLE_AFTER = re.compile(r" ([a-z]+) [A-Z]")
_SENTENCE_END = re.compile(r'[.!?\n“”"]')


def known_people(
    text: str, body: tuple[Span, ...], quoted: list[Span] | None = None
) -> list[tuple[int, str, bool]]:
    """Where the body names a person: full names, and later last names of those people.

    Each entry is (offset, full name, subject): `subject` when the name opens its
    sentence, where "he" or "she" in the sentences after most often points back. A name
    inside a quotation (`quoted`, in text order) is the speaker's word, not the writer's:
    the writer's "he said" never points to it.
    """
    found: list[tuple[int, str]] = []
    for span in body:
        for match in _NAME_RUN.finditer(text, span.start, span.end):
            if _describes_no_person(text, match):
                continue
            parts = match.group(1).split()
            if len(parts) == 2:
                # Two words, the most common run: no title to strip, no headline verb.
                first, last = parts[0].lower(), parts[1].lower()
                if (
                    first not in NOT_IN_NAMES
                    and last not in NOT_IN_NAMES
                    and last not in CUE_FORMS
                    and parts[1] not in NAME_SUFFIXES
                    and _may_be_name(first)
                    and not _past_cue(first)
                ):
                    found.append((match.start(1), f"{parts[0]} {parts[1]}"))
                    continue
            found.extend(_people_in_run(match))
    # Each last name's full names, in text order: a last name alone is the person of
    # that name named last before it ("Ahmed Sharif" after "Shehbaz Sharif").
    by_last: dict[str, list[tuple[int, str]]] = {}
    for offset, name in found:  # in text order
        by_last.setdefault(name.split()[-1], []).append((offset, name))
    for span in body:
        for match in _SINGLE_NAME.finditer(text, span.start, span.end):
            word = match.group()
            if _owner_in_role(text, match):
                continue
            full = _named_before(by_last.get(word), match.start())
            if full and not text.startswith(full, match.start() - len(full) + len(word)):
                found.append((match.start(), full))
    named = {offset for offset, _ in found}
    written = _LowerWords(text)
    for span in body:
        # "Biden rubbished Trump's claim ...": a one-word name opening a sentence, then a verb.
        for match in _SUBJECT_NAME.finditer(text, span.start, span.end):
            word = match.group(1)
            low = word.lower()
            if (
                match.start(1) in named
                or low in TITLE_WORDS
                or _plural_role(low)  # "Ministers would not rule out ...": no one's name
                or low in ORG_TAILS
                or low in NOT_NAMES
                or low in CALENDAR
                or not _may_be_name(low)
                or word.partition("-")[2][:1].islower()  # "Long-term", not "Thomas-Greenfield"
                or written.has(low)  # "Victory took Real ...", after "seal victory"
            ):
                continue
            names = by_last.get(word)
            ending = match.group("ending") or ""
            if (
                ending.endswith("s")
                and ending not in CUE_FORMS
                and ending not in _VERBS_IN_S
                and not match.group("aux")
                and not names
                and not _named_elsewhere(text, word, low)
            ):
                # "Cost estimates rose", "Low rates keep": a plural after a word the
                # article capitalises only where a sentence starts.
                continue
            full = _named_before(names, match.start(1)) or (names[0][1] if names else word)
            found.append((match.start(1), full))
    found += _titled_alone(text, body, found, by_last)
    found = _kin_after_possessor(text, found)
    found += _kin_after_pronoun(text, body, found)
    starts = [q.start for q in quoted or ()]
    return sorted(
        (offset, name, _opens_sentence(text, offset))
        for offset, name in found
        if not _inside(offset, starts, quoted or [])
    )


# A possessor, a lower-case word for whom they have, then a first name: "Edwards' sister
# Rachel", "Clinton's daughter Chelsea".
_KIN = re.compile(r"['’]s? ([a-z]+) ([A-Z][a-z]+)\b")
# A courtesy title, with or without its period, and one name that no other capital follows.
# Not a possessive ("Mr Prater's sentiments" is no one speaking).
_TITLED_NAME = re.compile(rf"\b([A-Z][a-z]{{1,4}})\.?\s([A-Z]{_NAME_TAIL})\b(?![ -][A-Z]|['’]s\b)")
# A word of kin after a possessive pronoun, then a first name alone ("his wife, Jane,").
_PRONOUN_KIN = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir) ([a-z]+),? ([A-Z][a-z]+)\b(?![ -][A-Z])")
# The capitalised words written at a name's offset.
_WRITTEN = re.compile(r"[A-Z][\w-]*(?: [A-Z][\w-]*)*")


def _kin_after_possessor(text: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`found` with the person a possessive names by a first name after a word of kin
    ("Edwards' sister Rachel", "Trump's son Eric") in place of the possessor, who is not
    whom the sentence is about."""
    out = []
    for offset, name in found:
        written = _WRITTEN.match(text, offset)
        kin = _KIN.match(text, written.end()) if written is not None else None
        if kin is not None and kin.group(1) in KIN_WORDS:
            out.append((kin.start(2), kin.group(2)))
        else:
            out.append((offset, name))
    return out


def _titled_alone(
    text: str,
    body: tuple[Span, ...],
    found: list[tuple[int, str]],
    by_last: dict[str, list[tuple[int, str]]],
) -> list[tuple[int, str]]:
    """People named by a courtesy title and one name anywhere in a sentence ("asked Msgr.
    Farmer if he knew", "told Mr. Farmer"): the full name the article gave before, else
    the one word; none already in `found`."""
    named = {offset for offset, _ in found}
    out = []
    for span in body:
        for match in _TITLED_NAME.finditer(text, span.start, span.end):
            title = match.group(1).lower()
            if title not in HONORIFICS and title not in PERSON_TITLES:
                continue
            word = match.group(2)
            if match.start(2) in named or word.lower() in NOT_IN_NAMES or name_gender(word):
                continue  # "Sir Nicholas", "Sir Ian": a first name, which the speakers resolve
            # The full name of that gender ("Mrs. Clinton" is not "Bill Clinton"), or
            # "Mr Wang" after "Wang Yan", family name first
            gender = "f" if title in FEMALE_TITLES else "m" if title in MALE_TITLES else None
            names = [(o, n) for o, n in by_last.get(word, []) if name_gender(n) in (None, gender)]
            full = _named_before(names, match.start(2)) or _full_by_first(found, word)
            out.append((match.start(2), full))
    return out


def _full_by_first(found: list[tuple[int, str]], word: str) -> str:
    """The full name `found` gives for a first name (or a family name written first,
    "Wang" of "Wang Yan"), else the word itself."""
    return next((n for _, n in found if n.startswith(word + " ")), word)


def _kin_after_pronoun(
    text: str, body: tuple[Span, ...], found: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """The people a word of kin after "his", "her" or "their" names by a first name alone
    ("his wife, Jane, offered ..."), by their full name where the article gives it ("His
    wife Sharon" after "Sharon Osbourne"); none already in `found`."""
    named = {offset for offset, _ in found}
    out = []
    for span in body:
        for match in _PRONOUN_KIN.finditer(text, span.start, span.end):
            word = match.group(2)
            if match.group(1) in KIN_WORDS and match.start(2) not in named and name_gender(word):
                out.append((match.start(2), _full_by_first(found, word)))
    return out


def _describes_no_person(text: str, match: re.Match[str]) -> bool:
    """A run of capitalised words that names no person: what a role after it is of
    ("Double Olympic champion Kelly Holmes"), or two words after "the" ("the East
    Midlands", "the Lib Dems", "The East Midlands MEP"), a place or a body."""
    role = _ROLE_AFTER.match(text, match.end(1))
    if role is not None and _role_noun(role.group(1)):
        return True
    words = match.group(1).split()
    after_the = bool(_THE_BEFORE.search(text, max(0, match.start(1) - 4), match.start(1)))
    if words[0] == "The":
        words, after_the = words[1:], True
    while len(words) > 2 and words[-1].lower().strip(".") in TITLE_WORDS:
        words = words[:-1]  # "the East Midlands MEP": the place, then a title
    return (
        len(words) == 2
        and after_the
        and words[0].lower() not in TITLE_WORDS
        and name_gender(words[0]) is None
    )


def _role_noun(word: str) -> bool:
    """A word for what someone is, between a name's modifier and the name ("Scissor
    Sisters frontwoman Ana Matronic", "Villa chairman Doug Ellis"): a role we know, or a
    noun of a doer, not a verb ("Smith told Jones", "The Lib Dems offer Clarke")."""
    if word in ROLE_HEADS or word in PERSON_HEADS:
        return True
    return (
        len(word) > 4
        and word.endswith(PERSON_ENDINGS)
        and _no_verb(word)
        and not word.endswith(("ever", "ther"))  # "however", "whether", "rather"
    )


def headline_people(text: str, span: Span | None) -> list[tuple[int, str]]:
    """The people a headline names in full, a known first name then a capitalised word
    ("Hillary Clinton Goes After Donald Trump"): where the story later says "Clinton",
    this is who. A headline's words are all capitalised, so only a first name tells
    where a name starts."""
    if span is None:
        return []
    words = [(m.start(), m.group()) for m in _HEADLINE_WORD.finditer(text, span.start, span.end)]
    found = []
    for (offset, first), (_, word) in zip(words, words[1:], strict=False):
        last = re.sub(r"['’]s$", "", word)  # "Hillary Clinton's"
        if (
            name_gender(first) is not None
            and last[:1].isupper()
            and last.lower() not in NOT_IN_NAMES
            and not headline_verb(last)
        ):
            found.append((offset, f"{first} {last}"))
    return found


# A word of a headline, without the marks around it.
_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’.-]*[A-Za-z]")


# Verbs in -s that never are plural nouns: "Smith was blunt".
_VERBS_IN_S = frozenset({"was", "has", "is", "does"})
# What stands before a word inside a sentence: a word, a comma, a title ("Mr. Putin").
_INSIDE = re.compile(r"(?:[\w,;:)]|\b(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Prof|Rev|St)\.)\s$")


# A name and the comma that opens its role, right before a possessive ("Corey
# Lewandowski, Trump's ...") or after an article before a modifier ("Chris Collins, a
# Trump supporter").
_ROLE_OPENS = re.compile(r"[A-Z][\w'’.-]*, $")
_ROLE_OPENS_ARTICLE = re.compile(r"[A-Z][\w'’.-]*, (?:a|an|the) $")
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_MODIFIED_NOUN = re.compile(r" [a-z]+[,;]? ")


def _owner_in_role(text: str, match: re.Match[str]) -> bool:
    """The last name is whom the role after another person's name is of ("Corey
    Lewandowski, Trump's campaign manager, said", "Chris Collins, a Trump supporter,
    said"): not a person the article names there, and no one "he" may stand for next."""
    start, end = match.start(), match.end()
    if _POSSESSIVE_AFTER.match(text, end):
        return bool(_ROLE_OPENS.search(text, max(0, start - 40), start))
    return bool(
        _MODIFIED_NOUN.match(text, end)
        and _ROLE_OPENS_ARTICLE.search(text, max(0, start - 40), start)
    )


_ALNUM_RUN = re.compile(r"[^\W_]+")


class _LowerWords:
    """The words an article writes in lower case, read once when first asked: a word
    that also opens a sentence there is a common word, not a name ("to seal victory ...
    Victory took Real ...")."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: set[str] | None = None

    def has(self, low: str) -> bool:
        """`low` stands in the text as a word of its own, in lower case."""
        if low.isalnum():
            if self._words is None:
                self._words = set(_ALNUM_RUN.findall(self.text))
            return low in self._words
        # "long-term", "o'malley": the word itself, with no letter or digit either side
        text = self.text
        at = text.find(low)
        while at >= 0:
            end = at + len(low)
            if not text[at - 1 : at].isalnum() and not text[end : end + 1].isalnum():
                return True
            at = text.find(low, end)
        return False


def _named_elsewhere(text: str, word: str, low: str) -> bool:
    """A word that opens a sentence is a name when it is a first name, or when the article
    also writes it with a capital inside a sentence ("... said Biden", "Mr. Putin")."""
    if low in MALE_NAMES or low in FEMALE_NAMES:
        return True
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not text[end : end + 1].isalnum() and _INSIDE.search(text, max(0, at - 5), at):
            return True
        at = text.find(word, end)
    return False


def _named_before(names: list[tuple[int, str]] | None, offset: int) -> str | None:
    """The last of `names` (offset, full name; in text order) named before `offset`."""
    if not names:
        return None
    i = bisect.bisect_left(names, (offset, ""))
    return names[i - 1][1] if i else None


def _inside(offset: int, starts: list[int], spans: list[Span]) -> bool:
    """`offset` falls in one of `spans` (sorted, not overlapping; `starts` their starts)."""
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < spans[i].end


def _people_in_run(match: re.Match[str]) -> list[tuple[int, str]]:
    """The people named in a run of capitalised words, with their offsets: a headline's
    verb between two names parts them ("Chris Christie Calls Hillary Clinton")."""
    words = [(m.start(), m.group()) for m in _WORD.finditer(match.group(1))]
    words = [(o, w) for o, w in words if w not in NAME_SUFFIXES]
    parts: list[list[tuple[int, str]]] = [[]]
    for offset, word in words:
        if headline_verb(word):
            parts.append([])
        else:
            parts[-1].append((offset, word))
    people = (_person_in_words(part) for part in parts)
    return [(match.start(1) + offset, name) for offset, name in (p for p in people if p)]


def headline_verb(word: str) -> bool:
    """A verb of saying in the present, as headlines write it ("Calls", "Slams", "Says")."""
    low = word.lower()
    return low.endswith("s") and CUE_FORMS.get(low, low) != low


def _past_cue(low: str) -> bool:
    """A verb of saying in the past ("stated", "added"), never a first name."""
    return low.endswith("ed") and low in CUE_FORMS


def _person_in_words(words: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The person's name in capitalised words, with its offset in the run: titles and
    parties before it go ("Secretary of State Hillary Clinton", "Democrat Jo Reyes"), and
    so does a headline's verb after it ("Bernie Sanders Promises")."""
    while words and (not _name_word(words[0][1].lower()) or _past_cue(words[0][1].lower())):
        words = words[1:]  # "Stated Stone:": a verb of saying opens the run
    titles = [i for i, (_, w) in enumerate(words) if not _name_word(w.lower())]
    if titles:
        words = words[titles[-1] + 1 :]  # "Pensions Secretary Alan Johnson": past the title
    while words and words[-1][1].lower() in CUE_FORMS:
        words = words[:-1]
    first = next((i for i, (_, w) in enumerate(words[:-1]) if name_gender(w)), None)
    if len(words) >= 3 and first:
        # "Elections Susan Bucher", "New Yorker Dick Morris": the first name says where
        # the name starts
        words = words[first:]
    elif len(words) >= 3 and _plural_role(words[0][1].lower()) and not name_gender(words[0][1]):
        words = words[1:]  # "Judges Simon Cowell, Louis Walsh and ...": a plural role
    lows = [w.lower() for _, w in words]
    if len(words) < 2 or not all(_name_word(w) for w in lows) or not _may_be_name(lows[0]):
        return None
    words = words[-3:]
    return words[0][0], " ".join(w for _, w in words)


def _name_word(word: str) -> bool:
    """A capitalised word that may stand in a person's name."""
    return word not in NOT_IN_NAMES


def _opens_phrase(word: str) -> bool:
    """A sentence's first word that opens a phrase before its subject ("In", "After",
    "Speaking", "Reached", "Separately")."""
    return word in SENTENCE_OPENERS or (len(word) > 4 and word.endswith(("ing", "ed", "ly")))


def _may_be_name(word: str) -> bool:
    """A capitalised word that can start a person's name: not a number, a quantifier, a
    possessive pronoun or a gerund ("Twelve", "Some", "Mine", "Seeing")."""
    if word in DETERMINERS or word in NOT_PERSON_WORDS or word in PRE_CUE_SKIP:
        return False
    return not word.endswith(("ing", "ly")) or word in MALE_NAMES or word in FEMALE_NAMES


def _opens_sentence(text: str, offset: int) -> bool:
    """True when only capitalised words (titles, a first name) precede `offset` in its sentence.

    The period of a title or an initial ("Mr. Trump", "Donald J. Trump") does not end a
    sentence, and a capitalised function word ("If Trump ...", "But Trump ...") does
    not make the name that follows it the subject.
    """
    floor = max(0, offset - 160)  # an opening phrase and a title: no need to read further
    backwards = text[floor:offset][::-1]
    end = _SENTENCE_END.search(backwards)
    while end is not None:
        at = offset - end.start() - 1  # the mark, read from the right
        if text[at] != "." or not _abbreviation_before(text, at, floor):
            break
        end = _SENTENCE_END.search(backwards, end.end())
    if end is None and floor > 0:
        return False
    start = offset - end.start() if end is not None else floor
    # "In a statement Monday, Trump campaign spokeswoman Hope Hicks ...": after an
    # opening phrase, the subject starts past its comma.
    comma = text.rfind(",", start, offset)
    opening = text[start:offset].split()[:1]
    if comma >= 0 and opening and _opens_phrase(opening[0].lower()):
        start = comma + 1
    before = text[start:offset].split()
    # "But centre Jamie Noon believes ...": a conjunction that joins sentences, then the
    # lower-case words of a role, leave the name the subject ("If Trump ..." does not)
    joined = False
    while before and before[0].lower().strip(".,") in _JOINING:
        before, joined = before[1:], True
    role = 0  # lower-case words of a role after the conjunction ("centre", "fly-half")
    while (
        joined
        and role < min(2, len(before))
        and before[role][:1].islower()
        and before[role].lower() not in JOINERS
        and before[role].lower() not in NP_STOP  # prepositions among them
        and not before[role].endswith(("ed", "ing", "ly"))
    ):
        role += 1
    # "Scissor Sisters frontwoman Ana Matronic", "Wales record cap holder Gareth
    # Llewellyn": a noun of a doer right before the name, the words before it what it is of.
    words = before[role:]
    roles = [i for i, w in enumerate(words) if w[:1].islower() and _role_noun(w)]
    return len(before) <= 6 and all(
        (w[:1].isupper() and w.lower().strip(".,") not in NOT_NAMES)
        or w.lower().strip(".,") in BEFORE_NAME
        or i in roles
        or (roles and i < roles[-1] and w[:1].islower() and _modifier(w))
        for i, w in enumerate(words)
    )


def _plural_role(low: str) -> bool:
    """A word for several people by what they are: "ministers", "officials", "lawyers"."""
    if not low.endswith("s"):
        return False
    single = low[:-1]
    return (
        low in ROLE_HEADS or single in TITLE_WORDS or single in ROLE_HEADS or single in PERSON_HEADS
    )


def _modifier(word: str) -> bool:
    """A lower-case word that may stand in a noun phrase before its head ("record cap"),
    not a verb, an adverb or a word of grammar."""
    return word.isalpha() and _no_verb(word) and not word.endswith(("ed", "ing", "ly"))


def _no_verb(word: str) -> bool:
    """A lower-case word that is no verb we know nor a word of grammar."""
    return (
        word not in NP_STOP
        and word not in FINITE_WORDS
        and word not in COMMON_VERBS
        and word not in CUE_FORMS
    )


# Words that join a sentence to the one before without making it a subordinate clause.
_JOINING = frozenset({"but", "and", "yet", "so", "meanwhile", "however"})


def _abbreviation_before(text: str, dot: int, floor: int) -> bool:
    """The period at `dot` closes a title or an initial ("Mr.", "Gen.", "J.")."""
    i = dot
    while i > floor and text[i - 1].isalpha():
        i -= 1
    word = text[i:dot].lower()
    return len(word) == 1 or word in ABBREVIATIONS


# A one-word name opening a sentence, then its verb ("Biden rubbished", "Kirby said",
# "Christie wasn't") or an aside about the person ("Small, who ...", "Ortiz, 42, ...").
# Where the name stands (a line's start, or after a sentence's end) is checked behind its
# capital, as in `_NAME_RUN`.
_SUBJECT_NAME = re.compile(
    r"([A-Z](?:(?<=^[A-Z])|(?<=[.!?]\s[A-Z])|(?<=\n[A-Z]))[a-z]+(?:[A-Z][a-z]+)*(?:-[A-Za-z]+)?)(?:\s+"
    r"(?P<aux>has |had |was |is |also |then |did |does |would |will |could |can )?"
    r"(?:[a-z]+ly )?(?!(?:his|its|this|us|as|less|yes|ours|yours)\b)"
    r"(?:(?P<ending>[a-z]+(?:ed|s))|said|told|wrote|thought|spoke|made|took|gave|went|came|knew"
    r"|felt|kept|held|met|sent|won|lost|left|ran|did|had|would|will|could|can|should"
    r"|might|must)(?:n['’]t)?\b|,\s(?:who\b|\d{1,3},))",
    re.M,
)
_SINGLE_NAME = re.compile(rf"[A-Z](?<!\w[A-Z]){_NAME_TAIL}\b")


def named_as(text: str, head: str, before: int, reach: int = 3000) -> str | None:
    """The name the article last gave, before offset `before`, to what "the <head>" stands
    for ("the bank", "the airline"): a name ending in the noun ("Barclays Bank", "the Clinton
    campaign"), or opening with it ("Bank of England"), or a name the noun describes
    ("Acme Holdings, the building firm", "the airline Qantas"). None when none is near."""
    found = named_as_at(text, head, before, reach)
    return found[1] if found else None


def named_as_at(text: str, head: str, before: int, reach: int = 3000) -> tuple[int, str] | None:
    """`named_as`, with where the noun that gave the name stands."""
    floor = max(0, before - reach)
    lowered = text[floor:before].lower()
    at = len(lowered)
    while (at := lowered.rfind(head, 0, at)) >= 0:
        start, end = floor + at, floor + at + len(head)
        if text[start - 1 : start].isalnum() or _WORD_GOES_ON.match(text, end):
            continue
        name = _name_at(text, start, end)
        if name is not None:
            return start, name
    return None


def _name_at(text: str, start: int, end: int) -> str | None:
    """The name the noun at `start`..`end` is part of or describes, by the four shapes of
    `named_as`; None when it stands in none."""
    left = text[max(0, start - 120) : start]
    right = text[end : end + 120]
    of = _OF_NAME.match(right)
    caps = _CAPS_BEFORE.search(left)
    after = _NAME_AFTER.match(right)
    if caps is not None and (
        text[start].isupper()
        or (after is None and _THE_CAPITALS.search(left[: caps.start()] + caps.group(1)))
    ):
        # "Barclays Bank", "the Clinton campaign", "Public Policy Institute of California";
        # not "US insurer Marsh" or "a Malaysian retailer", where the capital is a place's
        name = _org_name(caps.group(1) + text[start:end] + (of.group(0) if of else ""))
        if name:
            return name
    if of is not None and text[start].isupper():
        # "Bank of England", "University of Leeds"
        name = _org_name(text[start:end] + of.group(0))
        if name:
            return name
    described = _DESCRIBED_BEFORE.search(left)
    if described is not None:
        # "Acme Holdings, the building firm", "Qantas, Australia's biggest airline"
        name = _org_name(described.group(1))
        if name:
            return name
    if after is not None and (_ARTICLE_BEFORE.search(left) or text[start].islower()):
        # "the airline Qantas", "the Japanese carmaker Toyota", "UK sportswear firm Umbro"
        return _org_name(after.group(1))
    return None


# A capitalised word of a name ("Barclays", "AT&T", "Rolls-Royce"), or an acronym
# with periods ("U.S."); a run of them. A name never runs across a line's end (a
# headline's last word and the "Published:" of the line after are no name).
_CAPITAL = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w&'’-]*)"
_SPACE = r"[^\S\n]+"
_CAPITALS = rf"{_CAPITAL}(?:{_SPACE}{_CAPITAL}){{0,3}}"
# The noun goes on into a longer word ("banker", "bank's").
_WORD_GOES_ON = re.compile(r"[\w'’-]")
# What may stand around the noun in the four shapes.
_OF_NAME = re.compile(rf"{_SPACE}of{_SPACE}(?:the{_SPACE})?{_CAPITALS}")
_CAPS_BEFORE = re.compile(rf"((?:{_CAPITAL}{_SPACE}){{1,4}})$")
_DESCRIBED_BEFORE = re.compile(
    rf"({_CAPITALS}),\s+(?:the|a|an|its|{_CAPITAL}['’]s)\s+(?:[\w-]+\s+){{0,3}}$"
)
_NAME_AFTER = re.compile(rf"{_SPACE}({_CAPITALS})")
# "the" before a run of capitals ("the Clinton campaign").
_THE_CAPITALS = re.compile(rf"\b[Tt]he\s+(?:{_CAPITAL}\s+){{1,3}}$")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,2}$")
# Words that stand in a headline or a clause, never inside an organisation's name.
_NOT_IN_ORG = frozenset("a an and the to for in on at by with as or but".split())


def _org_name(words: str) -> str | None:
    """The name found by `named_as`, without a determiner or a day before it; None when
    nothing is left or it reads as a headline or a clause ("Pays A Heavy Price")."""
    parts = words.split()
    while parts and (parts[0].lower() in DETERMINERS or parts[0].lower() in CALENDAR):
        parts = parts[1:]
    lows = [p.lower() for p in parts]
    if any(p.endswith(("'s", "’s")) or (p.isupper() and len(p) > 4) for p in parts):
        return None  # "Obama's Initial Briefing", "BEFORE": a headline's words
    if not parts or any(
        (low in _NOT_IN_ORG and not (low == "the" and lows[i - 1] == "of")) or low in CALENDAR
        for i, low in enumerate(lows)
    ):
        return None
    return " ".join(parts)

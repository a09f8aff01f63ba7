"""Speaker noun phrases without a parser: chunk, split name from role, resolve mentions."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import Span
from .blocks import Token
from .lexicon import (
    ABBREVIATIONS,
    ATTACH,
    BEFORE_NAME,
    CALENDAR,
    COMMON_VERBS,
    CUE_FORMS,
    DEMONSTRATIVES,
    DETERMINERS,
    FEMALE_NAMES,
    FEMALE_TITLES,
    GROUP_PRONOUNS,
    HONORIFICS,
    JOINERS,
    MALE_NAMES,
    MALE_TITLES,
    NAME_SUFFIXES,
    NOT_IN_NAMES,
    NOT_NAMES,
    NOT_OPENING,
    NOT_PERSON_WORDS,
    NP_STOP,
    ORG_TAILS,
    PERSON_PRONOUNS,
    PERSON_TITLES,
    PLACED,
    PRE_CUE_SKIP,
    PRONOUNS,
    ROLE_HEADS,
    SENTENCE_OPENERS,
    SYNONYMS,
    TITLE_WORDS,
)

# How many speaker mentions later "a spokesperson" may still be given a name.
_PENDING_REACH = 1


@dataclass(frozen=True)
class Mention:
    """A speaker as written: its span, and what the words alone tell about it."""

    span: Span
    text: str
    name: str | None  # proper name inside the mention ("Pat Ryder")
    role: str | None  # role or title words ("Brig. Gen.", "a Pentagon spokesperson")
    pronoun: str | None = None  # "he", "she", "they", ...
    definite: bool = False  # "the spokesperson": refers back
    head: str | None = None  # head noun of a descriptor ("spokesperson")
    gender: str | None = None

    @property
    def is_person_name(self) -> bool:
        """A name that reads as a person's (two words, or a person's title before it)."""
        if not self.name:
            return False
        if any(w.lower().strip(".,") in ORG_TAILS for w in self.name.split()):
            return False  # "Wall Street Journal", "Korea Customs Service"
        if len(self.name.split()) >= 2:
            return True
        return bool(self.role and set(self.role.lower().replace(".", "").split()) & PERSON_TITLES)


def pronoun_of(tok: Token) -> str | None:
    """The pronoun a token is or starts with ("she", "he's", "they’ve"), else None."""
    low = tok.lower
    if low in PRONOUNS:
        return low
    cut = max(low.find("'"), low.find("’"))
    if cut > 0 and low[:cut] in PRONOUNS:
        return low[:cut]
    return None


def mention_from_tokens(toks: list[Token], text: str) -> Mention | None:
    """Make a Mention of a noun phrase's tokens, or None if they are not a speaker."""
    word = pronoun_of(toks[0]) if len(toks) == 1 else None
    if word is not None:
        # "He's said ...": the pronoun without its contracted verb.
        span = Span(toks[0].start, toks[0].start + len(word))
        return Mention(
            span,
            text[span.start : span.end],
            None,
            None,
            pronoun=word,
            gender=PERSON_PRONOUNS.get(word),
        )
    while toks and (toks[0].lower in NOT_OPENING or not toks[0].is_word):
        toks = toks[1:]
    while toks and not toks[-1].is_word:
        toks = toks[:-1]
    if not toks:
        return None
    span = Span(toks[0].start, toks[-1].end)
    phrase = text[span.start : span.end]
    # The name: the trailing run of capitalised words that are not titles, not after "of".
    k = len(toks)
    while (
        k > 0
        and toks[k - 1].is_capital
        and toks[k - 1].lower not in TITLE_WORDS
        and toks[k - 1].lower not in NOT_NAMES
    ):
        k -= 1
    name_toks = toks[k:]
    cut = max((i for i, t in enumerate(name_toks[:-1]) if t.lower in ORG_TAILS), default=-1)
    if cut >= 0:
        k += cut + 1
        name_toks = toks[k:]
    if name_toks and k >= 3 and toks[k - 1].lower == "of" and _two_name_words(toks, k - 1):
        # "Senator Bernie Sanders of Vermont": a person's name, then where they are from.
        end = k - 1
        j = end
        while j > 0 and toks[j - 1].is_capital and toks[j - 1].lower not in TITLE_WORDS:
            j -= 1
        person = (j > 0 and toks[j - 1].lower in PERSON_TITLES) or name_gender(
            toks[j].text
        ) is not None
        if person:  # not "Joint Chiefs of Staff" or "Bank of Korea"
            name_toks = toks[j:end]
            k = j
    elif (
        name_toks
        and k >= 2
        and toks[k - 1].lower in DETERMINERS
        and toks[k - 2].lower in JOINERS | ATTACH
    ):
        # "Robert Antonacci of the New York delegation": the name is before "of".
        j = k - 2
        end = j
        while j > 0 and toks[j - 1].is_capital and toks[j - 1].lower not in TITLE_WORDS:
            j -= 1
        name_toks = toks[j:end] if end - j >= 1 else []
        k = j if name_toks else len(toks)
    if name_toks and k > 0 and toks[k - 1].lower in JOINERS:
        name_toks = []
        k = len(toks)
    before = k - 2 if k >= 2 and toks[k - 1].lower in DETERMINERS else k - 1
    if name_toks and before > 0 and toks[before].lower in PLACED:
        # "Republican lawmakers in Washington", "a notice sent to Congress": the name is
        # where the speaker is or whom it went to; the speaker is the whole description.
        # ("a statement from Chelsea", "figures released by the BPI": the name speaks.)
        name_toks = []
        k = len(toks)
    # A lower-case head word after the name ("Kirby aides") makes a descriptor, not a name.
    role_toks = toks[:k]
    name = text[name_toks[0].start : name_toks[-1].end] if name_toks else None
    role_words = [t for t in role_toks if t.lower not in DETERMINERS]
    role = text[role_words[0].start : role_words[-1].end] if role_words else None
    head = None
    if not name:
        heads = [t.lower for t in toks if t.lower in ROLE_HEADS or t.lower in SYNONYMS]
        # "a spokeswoman for the Information Commissioner's Office": the head is before
        # what it is attached to.
        attached = next(
            (i for i, t in enumerate(toks) if i and t.lower in ATTACH | {"for", "of"}), None
        )
        if attached is not None:
            leading = [
                t.lower for t in toks[:attached] if t.lower in ROLE_HEADS or t.lower in SYNONYMS
            ]
            heads = leading or heads
        head = (
            SYNONYMS.get(heads[-1], heads[-1])
            if heads
            else (toks[-1].lower if toks[-1].is_word else None)
        )
        # A descriptor needs a head noun a speaker can have, or a capitalised organisation.
        if (
            not heads
            and not any(t.is_capital for t in toks)
            and not (toks[0].lower in DETERMINERS | DEMONSTRATIVES and len(toks) <= 4)
        ):
            return None
    words = {t.lower for t in toks}
    # A first name tells more than a title: "spokesman Hope Hicks" is a woman.
    gender = name_gender(name) if name and len(name_toks) > 1 else None
    if gender is None:
        gender = "f" if words & FEMALE_TITLES else "m" if words & MALE_TITLES else None
    return Mention(
        span,
        phrase,
        name,
        role,
        definite=toks[0].lower in {"the", "this", "that"} and not name,
        head=head,
        gender=gender,
    )


def backward_np(toks: list[Token], end: int, floor: int) -> list[Token]:
    """The noun phrase ending at token `end` (inclusive), reading back no further than `floor`."""
    out: list[Token] = []
    k = end
    has_head = False
    while k >= floor:
        tok = toks[k]
        low = tok.lower
        if not tok.is_word and tok.text not in {"-", "&", "'", "’"}:
            break
        if tok.is_word and low in NP_STOP and low not in JOINERS:
            # "a senior official at South Korea's presidential office"
            if low in ATTACH and out and k - 1 >= floor and toks[k - 1].lower in ROLE_HEADS:
                out.append(tok)
                k -= 1
                continue
            if low in DEMONSTRATIVES and out:
                out.append(tok)  # "this Trump look-alike": a determiner opens the phrase
            break
        if tok.is_capital and low in CALENDAR:
            break
        if tok.is_capital or low in DETERMINERS or low in JOINERS or not tok.is_word:
            out.append(tok)
            # A determiner opens the phrase, except inside "Ambassador to the United Nations
            # Linda Thomas-Greenfield", which goes on.
            if low in DETERMINERS and not (
                k >= 2
                and toks[k - 1].lower in ATTACH | JOINERS
                and toks[k - 2].lower in TITLE_WORDS | ROLE_HEADS
            ):
                break
        elif low in ROLE_HEADS or low in SYNONYMS:
            has_head = True
            out.append(tok)
        elif has_head or (out and out[-1].lower in JOINERS):
            out.append(tok)  # a modifier of the head: "the department spokesperson"
        elif not out:
            out.append(tok)  # an unknown lower-case head: "the company"
        else:
            # "a major climate group": modifiers of an unknown head, up to its determiner.
            reach = [toks[i] for i in range(k, max(floor - 1, k - 4), -1)]
            stop = next(
                (
                    i
                    for i, t in enumerate(reach)
                    if t.lower in DETERMINERS or t.lower in DEMONSTRATIVES
                ),
                None,
            )
            if stop is None or any(t.lower in NP_STOP or not t.is_word for t in reach[:stop]):
                break
            out.extend(reach[: stop + 1])
            break
        k -= 1
        if len(out) > 12:
            return []
    out.reverse()
    while out and out[0].lower in JOINERS:
        out = out[1:]
    return out


def forward_np(toks: list[Token], start: int, ceiling: int) -> list[Token]:
    """The noun phrase starting at token `start`, for inverted attribution ("added Miller")."""
    out: list[Token] = []
    k = start
    while k < ceiling:
        tok = toks[k]
        low = tok.lower
        if not tok.is_word and tok.text not in {"-", "&"}:
            break
        if tok.is_word and low in NP_STOP and low not in JOINERS:
            break
        if out and tok.is_capital and low in CALENDAR:
            break  # "said Reyes Tuesday": the day is when, not who
        if (
            (
                tok.is_capital
                or low in DETERMINERS
                or low in JOINERS
                or low in ROLE_HEADS
                or low in SYNONYMS
            )
            or out
            and (out[-1].lower in DETERMINERS or out[-1].lower in JOINERS)
        ):
            out.append(tok)
        elif tok.is_word and _name_soon(toks, k, ceiling):
            out.append(tok)  # "said former tech executive Carly Fiorina"
        elif (
            out
            and out[0].lower in DETERMINERS
            and not out[-1].lower.endswith(("'s", "’s"))
            and _head_word(tok)
            and k - start < 8
        ):
            out.append(tok)  # "said a Democratic strategist who ...": the phrase's head
        else:
            break
        k += 1
    while out and out[-1].lower in JOINERS:
        out.pop()
    return out


def _head_word(tok: Token) -> bool:
    """A lower-case word that may end a noun phrase: not a verb form we know, not an
    adverb, not a function word."""
    low = tok.lower
    return (
        tok.is_word
        and not tok.is_capital
        and low.replace("-", "").isalpha()
        and low not in NP_STOP
        and low not in PRE_CUE_SKIP
        and low not in CUE_FORMS
        and low not in COMMON_VERBS
        and not low.endswith(("ed", "ly", "ing"))
    )


def _two_name_words(toks: list[Token], end: int) -> bool:
    """Two capitalised words before `end` that are neither titles nor organisations."""
    words = toks[max(0, end - 2) : end]
    return len(words) == 2 and all(
        t.is_capital and t.lower not in TITLE_WORDS and t.lower not in ORG_TAILS for t in words
    )


def _name_soon(toks: list[Token], k: int, ceiling: int) -> bool:
    """A capitalised word follows within three lower-case modifiers."""
    for j in range(k, min(ceiling, k + 4)):
        tok = toks[j]
        if not tok.is_word or tok.lower in NP_STOP:
            return False
        if tok.is_capital:
            return True
    return False


@dataclass
class Entity:
    """A person or organisation the article quotes, with every way it was named."""

    name: str | None
    role: str | None
    person: bool
    gender: str | None = None
    heads: set[str] = field(default_factory=set)
    role_words: set[str] = field(default_factory=set)
    pending: bool = False  # introduced by "a spokesperson": may be named a little later
    referent: str | None = None  # "the senator": the person last named before, if any
    step: int = 0  # when it was last mentioned, in speaker mentions since the article start
    position: int = 0  # where it was last mentioned as a speaker

    def display(self, mention: Mention) -> str:
        """The name shown for this entity: its name, else what the mention says, or for a
        pronoun the description it was introduced with ("they": "Facebook officials")."""
        if self.name:
            return self.name
        if mention.pronoun and self.referent:
            return self.referent
        if mention.pronoun and self.role:
            return self.role
        return mention.text


def _same_person(entity: Entity, name: str) -> bool:
    """`name` is this entity's name, or one word of a person's name."""
    if entity.name == name:
        return True
    if " " in name or not entity.person or not entity.name:
        return False
    words = entity.name.split()
    return name in (words[0], words[-1])


def _words(role: str | None) -> set[str]:
    if not role:
        return set()
    return {w.lower().strip(".,") for w in role.split()} - DETERMINERS


# The name patterns open with the capital and check what stands before it afterwards
# (`(?<!\w[A-Z])` is a word boundary before the capital): a pattern that starts with a
# letter class lets the regex engine skip ahead to the next capital instead of trying
# the whole pattern at every offset, which makes these scans several times faster.
_NAME_RUN = re.compile(
    r"([A-Z](?<!\w[A-Z])[a-z]+(?:-[A-Za-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Za-z]+)?){1,4})\b"
)
_WORD = re.compile(r"\S+")
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
                ):
                    found.append((match.start(1), f"{parts[0]} {parts[1]}"))
                    continue
            person = _person_in_run(match)
            if person is not None:
                found.append(person)
    by_last: dict[str, str] = {}
    first_seen: dict[str, int] = {}
    for offset, name in found:
        by_last.setdefault(name.split()[-1], name)
        first_seen.setdefault(name.split()[-1], offset)
    for span in body:
        for match in _SINGLE_NAME.finditer(text, span.start, span.end):
            word = match.group()
            full = by_last.get(word)
            if (
                full
                and first_seen[word] < match.start()
                and not text.startswith(full, match.start() - len(full) + len(word))
            ):
                found.append((match.start(), full))
    named = {offset for offset, _ in found}
    for span in body:
        # "Biden rubbished Trump's claim ...": a one-word name opening a sentence, then a verb.
        for match in _SUBJECT_NAME.finditer(text, span.start, span.end):
            word = match.group(1)
            low = word.lower()
            if (
                match.start(1) in named
                or low in TITLE_WORDS
                or low in ORG_TAILS
                or low in NOT_NAMES
                or low in CALENDAR
                or not _may_be_name(low)
                or word.partition("-")[2][:1].islower()  # "Long-term", not "Thomas-Greenfield"
            ):
                continue
            found.append((match.start(1), by_last.get(word, word)))
    starts = [q.start for q in quoted or ()]
    return sorted(
        (offset, name, _opens_sentence(text, offset))
        for offset, name in found
        if not _inside(offset, starts, quoted or [])
    )


def _inside(offset: int, starts: list[int], spans: list[Span]) -> bool:
    """`offset` falls in one of `spans` (sorted, not overlapping; `starts` their starts)."""
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < spans[i].end


def _person_in_run(match: re.Match[str]) -> tuple[int, str] | None:
    """The person's name in a run of capitalised words, with its offset: titles and
    parties before it go ("Secretary of State Hillary Clinton", "Democrat Jo Reyes"), and
    so does a headline's verb after it ("Bernie Sanders Promises")."""
    words = [(m.start(), m.group()) for m in _WORD.finditer(match.group(1))]
    words = [(o, w) for o, w in words if w not in NAME_SUFFIXES]
    while words and not _name_word(words[0][1].lower()):
        words = words[1:]
    while words and words[-1][1].lower() in CUE_FORMS:
        words = words[:-1]
    if len(words) == 3 and not name_gender(words[0][1]) and name_gender(words[1][1]):
        words = words[1:]  # "Elections Susan Bucher": the first name says where it starts
    lows = [w.lower() for _, w in words]
    if len(words) < 2 or not all(_name_word(w) for w in lows) or not _may_be_name(lows[0]):
        return None
    words = words[-3:]
    return match.start(1) + words[0][0], " ".join(w for _, w in words)


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
    return len(before) <= 6 and all(
        (w[:1].isupper() and w.lower().strip(".,") not in NOT_NAMES)
        or w.lower().strip(".,") in BEFORE_NAME
        for w in before
    )


def _abbreviation_before(text: str, dot: int, floor: int) -> bool:
    """The period at `dot` closes a title or an initial ("Mr.", "Gen.", "J.")."""
    i = dot
    while i > floor and text[i - 1].isalpha():
        i -= 1
    word = text[i:dot].lower()
    return len(word) == 1 or word in ABBREVIATIONS


def name_gender(name: str) -> str | None:
    """'f' or 'm' from a common first name, else None."""
    first = name.split()[0].lower().strip(".")
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return None


# A one-word name opening a sentence, then its verb ("Biden rubbished", "Kirby said",
# "Christie wasn't") or an aside about the person ("Small, who ...", "Ortiz, 42, ...").
# Where the name stands (a line's start, or after a sentence's end) is checked behind its
# capital, as in `_NAME_RUN`.
_SUBJECT_NAME = re.compile(
    r"([A-Z](?:(?<=^[A-Z])|(?<=[.!?]\s[A-Z])|(?<=\n[A-Z]))[a-z]+(?:-[A-Za-z]+)?)(?:\s+"
    r"(?:has |had |was |is |also |then |did |does |would |will |could |can )?"
    r"(?!(?:his|its|this|us|as|less|yes|ours|yours)\b)"
    r"(?:[a-z]+(?:ed|s)|said|told|wrote|thought|spoke|made|took|gave|went|came|knew"
    r"|felt|kept|held|met|sent|won|lost|left|ran|did|had|would|will|could|can|should"
    r"|might|must)(?:n['’]t)?\b|,\s(?:who\b|\d{1,3},))",
    re.M,
)
_RECENT = 40
_SINGLE_NAME = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+(?:-[A-Za-z]+)?\b")
# How far back (characters) "he" or "she" looks for the person it stands for.
_PRONOUN_REACH = 600


class Resolver:
    """Resolve speaker mentions to entities, in reading order within one article.

    Names merge by last name ("Miller" -> "Matthew Miller"); "he"/"she" go to the last
    compatible person; "the spokesperson" to the last entity with that role; "a
    Pentagon spokesperson" waits for the next named person to be introduced.
    """

    def __init__(self, people: list[tuple[int, str, bool]] | None = None, text: str = "") -> None:
        self.text = text
        self.people = people or []  # (offset, full name, opens its sentence) of each person named
        self.people_offsets = [offset for offset, _, _ in self.people]
        self.by_word: dict[str, list[tuple[int, str]]] = {}
        for offset, full, _subject in self.people:
            parts = full.lower().split()
            for part in {parts[0], parts[-1]}:
                self.by_word.setdefault(part, []).append((offset, full))
        self.entities: list[Entity] = []
        self.recent: list[Entity] = []
        self.step = 0
        self.position = 0

    def _touch(self, entity: Entity) -> Entity:
        entity.step = self.step
        entity.position = self.position
        # Moved to the end, found by identity: no other entity equals it (only it has this
        # step), and `in` would compare the dataclasses field by field.
        recent = self.recent
        for index in range(len(recent) - 1, -1, -1):
            if recent[index] is entity:
                del recent[index]
                break
        recent.append(entity)
        # Only the latest few entities can be referred back to; keep the lookups short.
        del recent[:-_RECENT]
        return entity

    def resolve(self, mention: Mention) -> Entity | None:
        """The entity a mention refers to (new or known), or None for an unresolvable pronoun."""
        self.step += 1
        self.position = mention.span.start
        if mention.pronoun:
            return self._pronoun(mention)
        if mention.name:
            return self._named(mention)
        return self._descriptor(mention)

    def _pronoun(self, mention: Mention) -> Entity | None:
        word = mention.pronoun
        if word in PERSON_PRONOUNS:
            return self._person_pronoun(mention)
        for entity in reversed(self.recent):
            if word == "it":
                if not entity.person and not entity.heads & {"officials", "sources", "experts"}:
                    return self._touch(entity)
            elif word in GROUP_PRONOUNS and not entity.person:
                return self._touch(entity)
        if word == "it" and self.recent:
            # "Samsung Electronics said ... It said ...": a name read as a person's by its
            # form, but with no gender, title or role of a person, may be a company's.
            entity = self.recent[-1]
            if entity.name and entity.gender is None and not entity.role and not entity.heads:
                return self._touch(entity)
        return None

    def _person_pronoun(self, mention: Mention) -> Entity | None:
        """ "he"/"she": the latest fitting speaker or sentence subject before it (recency,
        with subjects preferred over names elsewhere in a sentence)."""
        here = mention.span.start
        gender = mention.gender
        candidates: list[tuple[int, Entity | str]] = [
            (e.position, e)
            for e in self.recent
            if e.person and self._fits(e.gender, e.name, gender)
        ]
        first = bisect.bisect_left(self.people_offsets, here - _PRONOUN_REACH)
        last = bisect.bisect_left(self.people_offsets, here)
        nearby = [
            (offset, name, subject)
            for offset, name, subject in self.people[first:last]
            if self._fits(None, name, gender)
        ]
        candidates += [(offset, name) for offset, name, subject in nearby if subject]
        if not candidates:
            # No speaker and no subject fits: the person last named, wherever it stood.
            candidates = [(offset, name) for offset, name, _ in nearby[-1:]]
        if not candidates:
            # "Smith, speaking after the vote, said ... he added": a one-word name that
            # spoke just before, with nothing to say it is not a person, is the person.
            candidates = [
                (e.position, e)
                for e in self.recent[-1:]
                if e.name
                and " " not in e.name
                and here - e.position < _PRONOUN_REACH
                and self._fits(e.gender, e.name, gender)
                and not e.heads
                and e.name.lower() not in ORG_TAILS
            ]
        if not candidates:
            return None
        # The latest candidate; one whose first name says another gender was left out.
        _, best = max(candidates, key=lambda c: c[0])
        if isinstance(best, str):
            # "Park" opening a sentence is the speaker "Park Jin" named before.
            entity = next((e for e in self.entities if _same_person(e, best)), None)
            if entity is None:
                entity = Entity(best, None, True, gender)
                self.entities.append(entity)
        else:
            entity = best
        entity.gender = entity.gender or gender
        return self._touch(entity)

    def subject_between(self, start: int, end: int) -> Mention | None:
        """The last person the writer made a sentence's subject between two offsets, as a
        mention of that name."""
        first = bisect.bisect_left(self.people_offsets, start)
        last = bisect.bisect_left(self.people_offsets, end)
        for offset, name, subject in reversed(self.people[first:last]):
            if subject:
                word = name.split()[-1] if not self.text.startswith(name, offset) else name
                span = Span(offset, offset + len(word))
                return Mention(span, self.text[span.start : span.end], name, None)
        return None

    def _last_person(self, here: int, gender: str | None) -> str | None:
        """The name of the person last named as a speaker or a sentence's subject."""
        speakers = [
            (e.position, e.name)
            for e in self.recent
            if e.person and e.name and self._fits(e.gender, e.name, gender)
        ]
        first = bisect.bisect_left(self.people_offsets, here - _PRONOUN_REACH)
        last = bisect.bisect_left(self.people_offsets, here)
        subjects = [
            (offset, name)
            for offset, name, subject in self.people[first:last]
            if subject and self._fits(None, name, gender)
        ]
        candidates = speakers + subjects
        return max(candidates)[1] if candidates else None

    @staticmethod
    def _fits(known: str | None, name: str | None, wanted: str | None) -> bool:
        if wanted is None:
            return True
        gender = known or (name_gender(name) if name else None)
        return gender in (None, wanted)

    def _full_name(self, word: str, before: int) -> str | None:
        """The latest full name the article gave before `before` for this one-word name
        (a last name, or a Korean family name), else the first one after it."""
        found = self.by_word.get(word.lower(), [])
        earlier = [full for offset, full in found if offset < before]
        if earlier:
            return earlier[-1]
        return found[0][1] if found else None

    def _named(self, mention: Mention) -> Entity:
        name = mention.name or ""
        last = name.split()[-1].lower()
        person = mention.is_person_name
        # The same name or last name first; then a first or family name ("Hillary",
        # "Kim"), which a courtesy title rules out: "Mr. Paulson" is a last name.
        honorific = bool(_words(mention.role) & HONORIFICS)
        match = next(
            (
                e
                for e in reversed(self.recent)
                if e.name
                and (
                    e.name.lower() == name.lower()
                    or (e.person and e.name.split()[-1].lower() == last)
                )
            ),
            None,
        )
        # "Trump" after "Donald Trump" was named is that person's last name, though no
        # speaker had it yet: not the first name of "Trump Supporter".
        full = self._full_name(name, mention.span.start) if " " not in name else None
        known_last = full is not None and " " in full and full.split()[-1].lower() == last
        if match is None and not honorific and not known_last and " " not in name:
            match = next(
                (
                    e
                    for e in reversed(self.recent)
                    if e.name and e.person and e.name.split()[0].lower() == name.lower()
                ),
                None,
            )
        if match is not None and match.name:
            if mention.role and not match.role:
                match.role = mention.role
            if len(name) > len(match.name):
                match.name = name
            match.role_words |= _words(mention.role)
            return self._touch(match)
        for entity in reversed(self.recent):
            # "A Pentagon spokesperson noted ... Brig. Gen. Pat Ryder told": the first
            # person named after an unnamed speaker is that speaker.
            if entity.pending and person and self.step - entity.step <= _PENDING_REACH:
                entity.pending = False
                entity.name = name
                if mention.role:
                    entity.role = f"{entity.role} ({mention.role})" if entity.role else mention.role
                entity.gender = entity.gender or mention.gender
                entity.role_words |= _words(mention.role)
                return self._touch(entity)
        if len(name.split()) == 1:
            # "Nebenzia" after "Russia's Ambassador Vassily Nebenzia rejected ...".
            full = self._full_name(name, mention.span.start)
            if full:
                name, person = full, True
        entity = Entity(name, mention.role, person, mention.gender, role_words=_words(mention.role))
        if mention.role:
            entity.heads |= {SYNONYMS.get(w, w) for w in _words(mention.role)}
        self.entities.append(entity)
        return self._touch(entity)

    def _descriptor(self, mention: Mention) -> Entity:
        head = mention.head
        words = _words(mention.text)
        if mention.definite:
            for entity in reversed(self.recent):
                if head and head in entity.heads and words - {head} <= entity.role_words | {head}:
                    return self._touch(entity)
                if head and head in entity.heads and mention.definite:
                    return self._touch(entity)
        person = head in {
            "spokesperson",
            "official",
            "minister",
            "secretary",
            "president",
            "envoy",
            "ambassador",
            "diplomat",
            "source",
            "analyst",
            "expert",
            "aide",
            "adviser",
            "advisor",
            "officer",
            "commander",
            "lawmaker",
            "senator",
            "leader",
            "chief",
            "director",
            "negotiator",
            "lawyer",
            "attorney",
            "economist",
            "professor",
            "candidate",
            "governor",
            "mayor",
        }
        role = mention.text
        if role.split()[0].lower() in DETERMINERS:
            role = role.split(" ", 1)[1] if " " in role else role
        referent = None
        if mention.definite and person:
            # "Rubio ... the Florida senator said ... he": "he" is Rubio.
            referent = self._last_person(mention.span.start, mention.gender)
        entity = Entity(
            None,
            role,
            person,
            mention.gender,
            heads={head} if head else set(),
            role_words=words,
            pending=head == "spokesperson" and not mention.definite,
            referent=referent,
        )
        self.entities.append(entity)
        return self._touch(entity)

"""Speaker noun phrases without a parser: chunk, split name from role, resolve mentions."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import Span
from .lexicon import (
    DETERMINERS,
    FEMALE_NAMES,
    GROUP_PRONOUNS,
    MALE_NAMES,
    NOT_NAMES,
    NP_STOP,
    PERSON_PRONOUNS,
    ROLE_HEADS,
    TITLE_WORDS,
)
from .text import Token

_JOINERS = frozenset({"of", "for", "'s", "’s", "-", "&", "de", "van", "von", "al", "bin", "la"})
_ATTACH = frozenset({"at", "in", "with", "from", "to"})
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december jan feb mar apr jun jul aug sep "
    "sept oct nov dec".split()
)
# Words that end an organisation or place inside a capitalised run: the person's name is
# what comes after ("United Nations Linda Thomas-Greenfield" -> "Linda Thomas-Greenfield").
_ORG_TAILS = frozenset(
    """nations states korea kingdom union council department ministry house party agency
    service services news institute university bank corp co inc group committee office
    assembly congress parliament government administration pentagon kremlin media times
    post journal press tv radio network foundation association center centre court
    russia china japan iran america usa qatar ukraine europe seoul washington moscow
    beijing tokyo pyongyang""".split()
)
_PRONOUNS = frozenset(PERSON_PRONOUNS) | GROUP_PRONOUNS | {"it", "i"}
_PERSON_TITLES = frozenset(
    "mr mrs ms dr prof gen brig lt col maj sgt capt adm cmdr sen rep gov president "
    "minister secretary spokesman spokeswoman spokesperson ambassador senator envoy "
    "chairman chairwoman director judge justice governor mayor chancellor king queen "
    "pope leader premier congressman congresswoman".split()
)
# How many speaker mentions later "a spokesperson" may still be given a name.
_PENDING_REACH = 2
_SYNONYMS = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokespeople": "spokesperson",
}
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "queen", "spokeswoman", "chairwoman"})
_MALE_TITLES = frozenset({"mr", "sir", "king", "spokesman", "chairman"})


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
        if any(w.lower().strip(".,") in _ORG_TAILS for w in self.name.split()):
            return False  # "Wall Street Journal", "Korea Customs Service"
        if len(self.name.split()) >= 2:
            return True
        return bool(self.role and set(self.role.lower().replace(".", "").split()) & _PERSON_TITLES)


def mention_from_tokens(toks: list[Token], text: str) -> Mention | None:
    """Make a Mention of a noun phrase's tokens, or None if they are not a speaker."""
    if len(toks) == 1 and toks[0].lower in _PRONOUNS:
        word = toks[0].lower
        span = Span(toks[0].start, toks[0].end)
        return Mention(
            span, toks[0].text, None, None, pronoun=word, gender=PERSON_PRONOUNS.get(word)
        )
    while toks and (toks[0].lower in NOT_NAMES - DETERMINERS or not toks[0].is_word):
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
    cut = max((i for i, t in enumerate(name_toks[:-1]) if t.lower in _ORG_TAILS), default=-1)
    if cut >= 0:
        k += cut + 1
        name_toks = toks[k:]
    if name_toks and k >= 3 and toks[k - 1].lower == "of" and _two_name_words(toks, k - 1):
        # "Senator Bernie Sanders of Vermont": a person's name, then where they are from.
        end = k - 1
        j = end
        while j > 0 and toks[j - 1].is_capital and toks[j - 1].lower not in TITLE_WORDS:
            j -= 1
        person = (j > 0 and toks[j - 1].lower in _PERSON_TITLES) or name_gender(
            toks[j].text
        ) is not None
        if person:  # not "Joint Chiefs of Staff" or "Bank of Korea"
            name_toks = toks[j:end]
            k = j
    elif (
        name_toks
        and k >= 2
        and toks[k - 1].lower in DETERMINERS
        and toks[k - 2].lower in _JOINERS | _ATTACH
    ):
        # "Robert Antonacci of the New York delegation": the name is before "of".
        j = k - 2
        end = j
        while j > 0 and toks[j - 1].is_capital and toks[j - 1].lower not in TITLE_WORDS:
            j -= 1
        name_toks = toks[j:end] if end - j >= 1 else []
        k = j if name_toks else len(toks)
    if name_toks and k > 0 and toks[k - 1].lower in _JOINERS:
        name_toks = []
        k = len(toks)
    # A lower-case head word after the name ("Kirby aides") makes a descriptor, not a name.
    role_toks = toks[:k]
    name = text[name_toks[0].start : name_toks[-1].end] if name_toks else None
    role_words = [t for t in role_toks if t.lower not in DETERMINERS]
    role = text[role_words[0].start : role_words[-1].end] if role_words else None
    head = None
    if not name:
        heads = [t.lower for t in toks if t.lower in ROLE_HEADS or t.lower in _SYNONYMS]
        head = (
            _SYNONYMS.get(heads[-1], heads[-1])
            if heads
            else (toks[-1].lower if toks[-1].is_word else None)
        )
        # A descriptor needs a head noun a speaker can have, or a capitalised organisation.
        if (
            not heads
            and not any(t.is_capital for t in toks)
            and not (toks[0].lower in DETERMINERS and len(toks) <= 4)
        ):
            return None
    words = {t.lower for t in toks}
    gender = "f" if words & _FEMALE_TITLES else "m" if words & _MALE_TITLES else None
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
        if tok.is_word and low in NP_STOP and low not in _JOINERS:
            # "a senior official at South Korea's presidential office"
            if low in _ATTACH and out and k - 1 >= floor and toks[k - 1].lower in ROLE_HEADS:
                out.append(tok)
                k -= 1
                continue
            break
        if tok.is_capital and low in _CALENDAR:
            break
        if tok.is_capital or low in DETERMINERS or low in _JOINERS or not tok.is_word:
            out.append(tok)
            # A determiner opens the phrase, except inside "Ambassador to the United Nations
            # Linda Thomas-Greenfield", which goes on.
            if low in DETERMINERS and not (
                k >= 2
                and toks[k - 1].lower in _ATTACH | _JOINERS
                and toks[k - 2].lower in TITLE_WORDS | ROLE_HEADS
            ):
                break
        elif low in ROLE_HEADS or low in _SYNONYMS:
            has_head = True
            out.append(tok)
        elif has_head or (out and out[-1].lower in _JOINERS):
            out.append(tok)  # a modifier of the head: "the department spokesperson"
        elif not out:
            out.append(tok)  # an unknown lower-case head: "the company"
        else:
            # "a major climate group": modifiers of an unknown head, up to its determiner.
            reach = [toks[i] for i in range(k, max(floor - 1, k - 4), -1)]
            stop = next((i for i, t in enumerate(reach) if t.lower in DETERMINERS), None)
            if stop is None or any(t.lower in NP_STOP or not t.is_word for t in reach[:stop]):
                break
            out.extend(reach[: stop + 1])
            break
        k -= 1
        if len(out) > 12:
            return []
    out.reverse()
    while out and out[0].lower in _JOINERS:
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
        if tok.is_word and low in NP_STOP and low not in _JOINERS:
            break
        if (
            (
                tok.is_capital
                or low in DETERMINERS
                or low in _JOINERS
                or low in ROLE_HEADS
                or low in _SYNONYMS
            )
            or out
            and (out[-1].lower in DETERMINERS or out[-1].lower in _JOINERS)
        ):
            out.append(tok)
        elif tok.is_word and _name_soon(toks, k, ceiling):
            out.append(tok)  # "said former tech executive Carly Fiorina"
        else:
            break
        k += 1
    while out and out[-1].lower in _JOINERS:
        out.pop()
    return out


def _two_name_words(toks: list[Token], end: int) -> bool:
    """Two capitalised words before `end` that are neither titles nor organisations."""
    words = toks[max(0, end - 2) : end]
    return len(words) == 2 and all(
        t.is_capital and t.lower not in TITLE_WORDS and t.lower not in _ORG_TAILS for t in words
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
    step: int = 0  # when it was last mentioned, in speaker mentions since the article start
    position: int = 0  # where it was last mentioned as a speaker

    def display(self, mention: Mention) -> str:
        """The name shown for this entity."""
        return self.name or mention.text


def _words(role: str | None) -> set[str]:
    return {w.lower().strip(".,") for w in (role or "").split()} - DETERMINERS


_NAME_RUN = re.compile(r"\b([A-Z][a-z]+(?:-[A-Za-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Za-z]+)?){1,2})\b")


def known_people(text: str, body: tuple[Span, ...]) -> list[tuple[int, str, bool]]:
    """Where the body names a person: full names, and later last names of those people.

    Each entry is (offset, full name, subject): `subject` when the name opens its
    sentence, where "he" or "she" in the sentences after most often points back.
    """
    found: list[tuple[int, str]] = []
    for span in body:
        for match in _NAME_RUN.finditer(text, span.start, span.end):
            words = [w for w in match.group(1).split() if w not in _SUFFIXES]
            lows = [w.lower() for w in words]
            if len(words) < 2 or any(
                w in TITLE_WORDS or w in _ORG_TAILS or w in NOT_NAMES or w in _CALENDAR
                for w in lows
            ):
                continue
            found.append((match.start(), " ".join(words)))
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
                or low in _ORG_TAILS
                or low in NOT_NAMES
                or low in _CALENDAR
            ):
                continue
            found.append((match.start(1), by_last.get(word, word)))
    return sorted((offset, name, _opens_sentence(text, offset)) for offset, name in found)


def _opens_sentence(text: str, offset: int) -> bool:
    """True when only capitalised words (titles, a first name) precede `offset` in its sentence."""
    start = offset
    floor = max(0, offset - 80)  # five words at most: no need to read further back
    while start > floor and text[start - 1] not in '.!?\n“”"':
        start -= 1
    if start == floor and floor > 0:
        return False
    before = text[start:offset].split()
    return (
        all(
            w[:1].isupper() or w.lower().strip(".,") in {"former", "the", "sen", "rep", "gov"}
            for w in before
        )
        and len(before) <= 5
    )


def name_gender(name: str) -> str | None:
    """'f' or 'm' from a common first name, else None."""
    first = name.split()[0].lower().strip(".")
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return None


_SUBJECT_NAME = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][a-z]+(?:-[A-Za-z]+)?)\s+"
    r"(?:has |had |was |is |also |then )?[a-z]+(?:ed|s)\b",
    re.M,
)
_RECENT = 40
_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
_SINGLE_NAME = re.compile(r"\b[A-Z][a-z]+(?:-[A-Za-z]+)?\b")
# How far back (characters) "he" or "she" looks for the person it stands for.
_PRONOUN_REACH = 600


class Resolver:
    """Resolve speaker mentions to entities, in reading order within one article.

    Names merge by last name ("Miller" -> "Matthew Miller"); "he"/"she" go to the last
    compatible person; "the spokesperson" to the last entity with that role; "a
    Pentagon spokesperson" waits for the next named person to be introduced.
    """

    def __init__(self, people: list[tuple[int, str, bool]] | None = None) -> None:
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
        if entity in self.recent:
            self.recent.remove(entity)
        self.recent.append(entity)
        # Only the latest few entities can be referred back to; keep the lookups short.
        del self.recent[:-_RECENT]
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
        candidates += [
            (offset, name)
            for offset, name, subject in self.people[first:last]
            if subject and self._fits(None, name, gender)
        ]
        if not candidates:
            return None
        # The latest candidate; one whose first name says another gender was left out.
        _, best = max(candidates, key=lambda c: c[0])
        if isinstance(best, str):
            entity = next((e for e in self.entities if e.name == best), None)
            if entity is None:
                entity = Entity(best, None, True, gender)
                self.entities.append(entity)
        else:
            entity = best
        entity.gender = entity.gender or gender
        return self._touch(entity)

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
        for entity in reversed(self.recent):
            if entity.name and (
                entity.name.lower() == name.lower()
                or (entity.person and entity.name.split()[-1].lower() == last)
                or (entity.person and entity.name.split()[0].lower() == name.lower())
            ):
                if mention.role and not entity.role:
                    entity.role = mention.role
                if len(name) > len(entity.name):
                    entity.name = name
                entity.role_words |= _words(mention.role)
                return self._touch(entity)
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
            entity.heads |= {_SYNONYMS.get(w, w) for w in _words(mention.role)}
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
        entity = Entity(
            None,
            role,
            person,
            mention.gender,
            heads={head} if head else set(),
            role_words=words,
            pending=person and not mention.definite,
        )
        self.entities.append(entity)
        return self._touch(entity)

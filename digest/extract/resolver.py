"""Speakers across an article: each mention resolved to the entity it names."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import Span
from .lexicon import (
    BELONGS,
    BODY_TAILS,
    COMPANY_HEADS,
    DETERMINERS,
    GROUP_HEADS,
    GROUP_PRONOUNS,
    HONORIFICS,
    ORG_TAILS,
    PERSON_ENDINGS,
    PERSON_HEADS,
    PERSON_PRONOUNS,
    POSSESSIVE_TOKENS,
    PUBLIC_MODIFIERS,
    RANKS,
    SYNONYMS,
    TITLE_WORDS,
    WHERE_PREPOSITIONS,
)
from .mentions import SENT_NOUNS, Mention, is_age, name_gender, plural_people
from .people import headline_verb, named_as, named_as_at

# How many speaker mentions later "a spokesperson" may still be given a name.
_PENDING_REACH = 1

# How many entities back a mention may refer to.
_RECENT = 40
# How far back (characters) "he" or "she" looks for the person it stands for.
_PRONOUN_REACH = 600
# How far back "the company" looks for the organisation it stands for, in characters.
_ORG_REACH = 800
# Heads of a description that most often stands for someone the article does not name.
_UNNAMED_HEADS = frozenset(
    "source official spokesperson aide adviser advisor expert analyst diplomat lawyer".split()
)
# Where a sentence ends: its mark, a closing quotation mark, then a space.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")
# A person's name right after a title: " David Blunkett" in "Home Secretary David Blunkett".
_TITLED_NAME = re.compile(r" ((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?: [A-Z][a-z'’-]+){1,2})\b")
# Words of a description that single out one person: "the former president".
_SPECIFIC = frozenset({"former", "late", "then", "ex", "new", "outgoing", "incoming"})


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
    thing: bool = False  # "it" or "they" referred to it: not a person
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


def _may_be_person(entity: Entity) -> bool:
    """A speaker named by one word that may be a person's last name ("Lim, a fisherman"):
    not an organisation's word or an acronym, never "it", with a role that ends in a word
    for a person ("fisherman", "teacher", "economist")."""
    name = entity.name
    if entity.person or entity.thing or not name or " " in name or name.isupper():
        return False
    if name.lower() in ORG_TAILS:
        return False
    if not name.isalpha() or name.endswith("s"):
        return False  # "Factcheck.org", "Trump-style", "Republicans"
    role = (entity.role or "").lower().split()
    return not role or role[-1] in PERSON_HEADS or role[-1].endswith(PERSON_ENDINGS)


# Heads of a description that is neither a person's nor a body's title.
_NOT_BODIES = frozenset("person people community document opinion".split())
# Prepositions after the head of a role, that open what the role is of.
_OF_WHAT = WHERE_PREPOSITIONS | BELONGS


def _office(role: str | None) -> str | None:
    """The word for a person a role ends in ("spokesman", "secretary"), as its synonym."""
    words = (role or "").lower().replace("(", " ").replace(")", " ").split()
    # "spokesperson for Ontario's health ministry": the head stands before what it is of
    cut = next((i for i, w in enumerate(words) if i and w in _OF_WHAT), len(words))
    words = words[:cut]
    if not words:
        return None
    last = words[-1].strip(".,")
    if last in PERSON_HEADS or last.endswith(PERSON_ENDINGS):
        return SYNONYMS.get(last, last)
    if words[-1].endswith(".") or last in HONORIFICS or last in RANKS or not last.isalpha():
        return None  # a rank or a courtesy title ("Brig. Gen.", "Mr") says no office
    if last in TITLE_WORDS:
        return last  # "Local MP", "Senator": an office of its own
    return None


def _same_office(pending: str | None, role: str | None) -> bool:
    """The person named after an unnamed speaker may be that speaker ("a spokesman
    said ... John Smith told"), unless the two hold other offices ("a Foreign Office
    spokesman" and "Home Secretary John Smith"); a rank or title alone ("Brig. Gen.")
    says no office."""
    first, second = _office(pending), _office(role)
    return first is None or second is None or first == second


def _role_heads_of(role: str) -> set[str]:
    """The word a role is headed by, as its synonym: "secretary" of "Home Secretary",
    "friend" of "a friend of the Tory leader" (not "leader"), "spokesperson" of
    "spokesman for the Home Office"."""
    words = [w.lower().strip(".,") for w in role.split()]
    cut = next((i for i, w in enumerate(words) if i and w in _ROLE_ATTACH), len(words))
    head = words[cut - 1] if cut else ""
    return {SYNONYMS.get(head, head)} if head else set()


# Words after which a role goes on to what it is attached to.
_ROLE_ATTACH = frozenset("of at for to with in from on".split())


def _words(role: str | None) -> set[str]:
    if not role:
        return set()
    return {w.lower().strip(".,") for w in role.split()} - DETERMINERS


def _by_age(mention: Mention) -> bool:
    """The mention describes someone by an age: "the 31-year-old", "the 24-year-old Swiss"."""
    return any(is_age(w) for w in _words(mention.text))


def _may_be(known: str, name: str) -> bool:
    """Two names of one last name may be one person's: one of them is the last name
    alone, or their first names agree (or one is an initial: "J. Smith")."""
    a, b = known.split(), name.split()
    if len(a) < 2 or len(b) < 2:
        return True
    first, other = a[0].lower().strip("."), b[0].lower().strip(".")
    return first == other or len(first) == 1 or len(other) == 1


def _likeliest(namesakes: list[Entity], mention: Mention) -> Entity:
    """Of people who share a last name (latest first), the one a mention means: one of
    the gender its title or first name says, then one whose role it repeats ("Gen.
    Sharif" for the general), else the latest."""
    if mention.gender is not None:
        namesakes = [e for e in namesakes if e.gender in (None, mention.gender)] or namesakes
    words = _words(mention.role) - HONORIFICS
    if words:
        return next((e for e in namesakes if e.role_words & words), namesakes[0])
    return namesakes[0]


class Resolver:
    """Resolve speaker mentions to entities, in reading order within one article.

    Names merge by last name ("Miller" -> "Matthew Miller"); "he"/"she" go to the last
    compatible person; "the spokesperson" to the last entity with that role; "a
    Pentagon spokesperson" waits for the next named person to be introduced.
    """

    def __init__(
        self,
        people: list[tuple[int, str, bool]] | None = None,
        text: str = "",
        headline: list[tuple[int, str]] | None = None,
    ) -> None:
        self.text = text
        self.people = people or []  # (offset, full name, opens its sentence) of each person named
        self.people_offsets = [offset for offset, _, _ in self.people]
        self.by_word: dict[str, list[tuple[int, str]]] = {}
        # The headline's people give a last name its first name ("Clinton said": Hillary
        # Clinton), never a referent for "he" or "she".
        named = sorted([*(headline or []), *((o, full) for o, full, _ in self.people)])
        for offset, full in named:
            parts = full.lower().split()
            for part in {parts[0], parts[-1]}:
                self.by_word.setdefault(part, []).append((offset, full))
        self.entities: list[Entity] = []
        self.recent: list[Entity] = []
        self.step = 0
        self.position = 0
        self._lowered: str | None = None  # the text in lower case, made when first asked

    @property
    def lowered(self) -> str:
        """The article's text in lower case (descriptions are looked for in it)."""
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

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

    def resolve(self, mention: Mention, said: Span | None = None) -> Entity | None:
        """The entity a mention refers to (new or known), or None for an unresolvable
        pronoun; `said`, the words the mention's speaker said, names no one it may be
        ("But Mr Blair had been hurt, he said": not Mr Blair)."""
        self.step += 1
        self.position = mention.span.start
        if mention.pronoun:
            return self._pronoun(mention, said)
        if mention.name:
            return self._named(mention)
        return self._descriptor(mention)

    def _pronoun(self, mention: Mention, said: Span | None) -> Entity | None:
        word = mention.pronoun
        if word in PERSON_PRONOUNS:
            return self._person_pronoun(mention, said)
        for entity in reversed(self.recent):
            if word == "it":
                if not entity.person and not entity.heads & GROUP_HEADS:
                    entity.thing = True
                    return self._touch(entity)
            elif word in GROUP_PRONOUNS and not entity.person:
                entity.thing = True
                return self._touch(entity)
        if word == "it" and self.recent:
            # "Samsung Electronics said ... It said ...": a name read as a person's by its
            # form, but with no gender, title or role of a person, may be a company's.
            entity = self.recent[-1]
            if entity.name and entity.gender is None and not entity.role and not entity.heads:
                return self._touch(entity)
        if word in ("it", "they") and not self.recent:
            # "The OECD cut its forecast. ..., it added.": the one organisation the
            # article made a sentence's subject before, when none has spoken yet.
            organisation = self._one_organisation(mention.span.start)
            if organisation is not None:
                organisation.thing = True
                return self._touch(organisation)
        return None

    def _person_pronoun(self, mention: Mention, said: Span | None) -> Entity | None:
        """ "he"/"she": the latest fitting speaker or sentence subject before it (recency,
        with subjects preferred over names elsewhere in a sentence)."""
        here = mention.span.start
        gender = mention.gender
        candidates: list[tuple[int, Entity | str]] = [
            (e.position, e)
            for e in self.recent
            if e.person and self._fits(e.gender, e.name, gender)
        ]
        if self.recent and here - self.recent[-1].position < _PRONOUN_REACH:
            # 'Reyes said ... Lim added. "...," he said': the last speaker, a name of one
            # word that nothing says is not a person's, is likelier than a person before.
            candidates += [(e.position, e) for e in self.recent[-1:] if _may_be_person(e)]
        first = bisect.bisect_left(self.people_offsets, here - _PRONOUN_REACH)
        last = bisect.bisect_left(self.people_offsets, here)
        nearby = [
            (offset, name, subject)
            for offset, name, subject in self.people[first:last]
            if self._fits(None, name, gender) and not (said and said.start <= offset < said.end)
        ]
        candidates += [(offset, name) for offset, name, subject in nearby if subject]
        if not candidates:
            # No speaker and no subject fits: the person last named, wherever it stood;
            # for "she", the last of that sentence with a woman's first name, if it has
            # one ("... echoed by Christine Rush, director of the Bangkok Film Market.
            # '...,' she said").
            gendered = []
            if gender and nearby:
                begins = self.text.rfind(". ", 0, nearby[-1][0])
                gendered = [n for n in nearby if n[0] > begins and name_gender(n[1]) == gender]
            candidates = [(offset, name) for offset, name, _ in (gendered or nearby)[-1:]]
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
                and not e.name.isupper()  # "CNA asked ... He explained": an acronym's body
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

    def _full_name(self, word: str, before: int, gender: str | None = None) -> str | None:
        """The latest full name the article gave before `before` for this one-word name
        (a last name, or a Korean family name), else the first one after it; of the
        `gender` the mention tells, when a first name says so ("Clinton herself")."""
        found = self.by_word.get(word.lower(), [])
        if gender is not None:
            found = [(o, f) for o, f in found if name_gender(f) == gender] or found
        earlier = [full for offset, full in found if offset < before]
        if earlier:
            return earlier[-1]
        return found[0][1] if found else None

    def _named(self, mention: Mention) -> Entity:
        name = mention.name or ""
        person = mention.is_person_name
        match = self._known(mention)
        if match is not None and match.name:
            if mention.role and not match.role:
                match.role = mention.role
            if len(name) > len(match.name):
                match.name = name
            match.role_words |= _words(mention.role)
            match.gender = match.gender or mention.gender
            match.person = match.person or person  # "Putin", then "Mr. Putin"
            return self._touch(match)
        for entity in reversed(self.recent):
            # "A Pentagon spokesperson noted ... Brig. Gen. Pat Ryder told": the first
            # person named after an unnamed speaker is that speaker.
            if (
                entity.pending
                and person
                and self.step - entity.step <= _PENDING_REACH
                and _same_office(entity.role, mention.role)
            ):
                entity.pending = False
                entity.name = name
                if mention.role:
                    entity.role = f"{entity.role} ({mention.role})" if entity.role else mention.role
                entity.gender = entity.gender or mention.gender
                entity.role_words |= _words(mention.role)
                return self._touch(entity)
        if len(name.split()) == 1:
            # "Nebenzia" after "Russia's Ambassador Vassily Nebenzia rejected ...".
            full = self._full_name(name, mention.span.start, mention.gender)
            if full and " " in full:  # a one-word name found alone says no person
                name, person = full, True
            elif _by_age(mention):
                # "the 24-year-old Swiss", no one of that name: a description of someone
                aged = self._aged(mention, name.lower())
                if aged is not None:
                    return self._touch(aged)
        entity = Entity(name, mention.role, person, mention.gender, role_words=_words(mention.role))
        if mention.role:
            entity.heads |= _role_heads_of(mention.role)
        self.entities.append(entity)
        return self._touch(entity)

    def _known(self, mention: Mention) -> Entity | None:
        """The entity a name refers back to: the same name; a person of the same last name
        whose full name does not say another person ("Ahmed Sharif" is not "Shehbaz
        Sharif"); or a first or family name ("Hillary", "Kim"), which a courtesy title
        rules out: "Mr. Paulson" is a last name."""
        name = mention.name or ""
        low = name.lower()
        same = next((e for e in reversed(self.recent) if e.name and e.name.lower() == low), None)
        if same is not None:
            return same
        last = low.split()[-1]
        namesakes = [
            e
            for e in reversed(self.recent)
            if e.person
            and e.name
            and " and " not in e.name  # "Richards and Yelling agree": not Yelling alone
            and e.name.split()[-1].lower() == last
            and _may_be(e.name, name)
        ]
        if namesakes:
            if mention.gender is not None and not any(
                (e.gender or name_gender(e.name or "")) in (None, mention.gender) for e in namesakes
            ):
                # "Clinton herself" after Bill Clinton spoke: Hillary Clinton, named before
                full = self._full_name(name, mention.span.start, mention.gender)
                if full is not None and name_gender(full) == mention.gender:
                    return None
            return _likeliest(namesakes, mention)
        # "Trump" after "Donald Trump" was named is that person's last name, though no
        # speaker had it yet: not the first name of "Trump Supporter".
        honorific = bool(_words(mention.role) & HONORIFICS)
        full = (
            self._full_name(name, mention.span.start, mention.gender) if " " not in name else None
        )
        known_last = full is not None and " " in full and full.split()[-1].lower() == last
        if honorific or known_last or " " in name:
            return None
        firsts = (e for e in reversed(self.recent) if e.name and e.person)
        return next((e for e in firsts if e.name and e.name.split()[0].lower() == low), None)

    def _descriptor(self, mention: Mention) -> Entity:
        head = mention.head
        words = _words(mention.text)
        if mention.definite and head:
            # "the foreign secretary": the last one said to be that, else the last of
            # that title that no other word rules out (not "Home Secretary Charles Clarke").
            extra = words - {head}
            same = [e for e in reversed(self.recent) if head in e.heads]
            match = next((e for e in same if extra <= e.role_words | {head}), None) or next(
                (
                    e
                    for e in same
                    if not extra or not (e.role_words - {head}) or extra & e.role_words
                ),
                None,
            )
            if match is not None:
                return self._touch(match)
            named = self._named_as(mention) or self._last_company(mention)
            if named is not None:
                return self._touch(named)
        if mention.definite and _by_age(mention):
            # "Ronaldo scored twice ... the 31-year-old said": the person last named
            named = self._aged(mention, head)
            if named is not None:
                return self._touch(named)
        person = head in PERSON_HEADS
        role = mention.text
        if role.split()[0].lower() in DETERMINERS:
            role = role.split(" ", 1)[1] if " " in role else role
        referent = None
        if mention.definite and person:
            # "Rubio ... the Florida senator said ... he": "he" is Rubio.
            referent = self._last_person(mention.span.start, mention.gender)
            if referent is not None and not self._may_hold(referent, head):
                referent = None  # "oil worker Mike Wipf ... the minister said ... he"
            written, titled = self._described_before(role, mention.span.start)
            if written:
                # "Home Secretary David Blunkett ... The home secretary said": the person the
                # title was given to; a description written of no one: no guess.
                referent = None
                known = (
                    self._described_person(titled, head, words, role, titled=True)
                    if titled
                    else None
                )
            else:
                # "World and Commonwealth 100m champion Kim Collins ... The world champion
                # says": the person titled with the head word; else the one person named
                # just before.
                _, by_head = self._described_before(head or role, mention.span.start)
                known = (
                    self._described_person(by_head, head, words, role, titled=True)
                    if by_head
                    else self._described_person(
                        self._only_person(mention.span.start, mention.gender), head, words, role
                    )
                )
            if known is not None:
                # "Jack Straw has attacked ... The foreign secretary said": Straw speaks.
                return self._touch(known)
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

    def _aged(self, mention: Mention, head: str | None) -> Entity | None:
        """The person "the 31-year-old" (or "the 24-year-old Swiss") stands for: the one
        last named as a speaker or a sentence's subject; an age is no office, so the
        description may be written again of them."""
        name = self._last_person(mention.span.start, mention.gender)
        if name is None:
            return None
        entity = self._person_named(name)
        if entity is None:
            if name_gender(name) is None and not self._surname_alone(name):
                return None  # "Double Olympic", "Northern Ireland": not known for a person's
            entity = Entity(name, None, True)
            self.entities.append(entity)
        if head:
            entity.heads.add(head)
        return entity

    def _person_named(self, name: str) -> Entity | None:
        """The latest entity of this person: the same name, or a person known by its
        last word ("Blunkett" for "David Blunkett")."""
        last = name.split()[-1]
        return next(
            (
                e
                for e in reversed(self.entities)
                if _same_person(e, name) or (e.person and e.name == last)
            ),
            None,
        )

    def _surname_alone(self, name: str) -> bool:
        """The last word of a full name stands alone elsewhere in the article, as a
        person's surname does ("Darren Campbell ... Campbell said")."""
        words = name.split()
        if len(words) < 2:
            return False
        alone = len(re.findall(rf"\b{re.escape(words[-1])}\b", self.text))
        return alone > len(re.findall(rf"\b{re.escape(name)}\b", self.text))

    def _only_person(self, here: int, gender: str | None) -> str | None:
        """The one person named as a speaker or a sentence's subject in the sentences
        before `here`; None when none is, or several are."""
        speakers = {
            e.name
            for e in self.recent
            if e.person
            and e.name
            and here - e.position < _PRONOUN_REACH
            and self._fits(e.gender, e.name, gender)
        }
        first = bisect.bisect_left(self.people_offsets, here - _PRONOUN_REACH)
        last = bisect.bisect_left(self.people_offsets, here)
        subjects = {
            name
            for _, name, subject in self.people[first:last]
            if subject and name_gender(name) and self._fits(None, name, gender)
        }
        # Any person named since, subject or not, makes it a guess: "Mr Blunkett was
        # joined by Tony Blair ... The prime minister said".
        named = {name for _, name, _ in self.people[first:last] if name_gender(name)}
        lasts = {name.split()[-1] for name in speakers | subjects | named}
        if len(lasts) != 1 or not speakers | subjects:
            return None
        # Named in the sentence before, not further back: "Jack Straw has attacked ...
        # The foreign secretary said".
        latest = max(
            [e.position for e in self.recent if e.name in speakers]
            + [at for at, name, _ in self.people[first:last] if name in subjects]
        )
        if len(_SENTENCE_END.findall(self.text, latest, here)) > 1:
            return None
        return max(speakers | subjects, key=len)

    def _described_before(self, role: str, here: int) -> tuple[bool, str | None]:
        """Whether the article wrote this description before `here`, and the name it
        gave as a title to ("Home Secretary David Blunkett"), if it did. Written of no
        name, it stood for someone of its own ("Howard has no doubt it is the prime
        minister who ..."), not for the person named last."""
        low = self.lowered
        at = low.rfind(role.lower(), 0, here)
        if at < 0:
            return False, None
        while at >= 0:
            titled = _TITLED_NAME.match(self.text, at + len(role))
            if titled is not None and not headline_verb(titled.group(1).split()[0]):
                # not a headline's verb after the title ("Greek Prime Minister Calls Bank
                # Workers' Riot Deaths 'Murder'"): no name given
                return True, titled.group(1)
            at = low.rfind(role.lower(), 0, at)
        return True, None

    def _may_hold(self, name: str, head: str | None) -> bool:
        """The person of this name may be "the <head>": the article gave them no other
        office ("oil worker Mike Wipf" is not "the minister")."""
        entity = next((e for e in reversed(self.entities) if _same_person(e, name)), None)
        office = _office(entity.role) if entity is not None else None
        return office is None or head is None or office == SYNONYMS.get(head, head)

    def _described_person(
        self,
        name: str | None,
        head: str | None,
        words: set[str],
        role: str,
        *,
        titled: bool = False,
    ) -> Entity | None:
        """The person `name` as the one "the <role>" describes: the person last named,
        unless the article gave them another office ("Home Secretary Charles Clarke" is
        not "the foreign secretary"), or, `titled`, the one the article gave that title
        ("Tory leader Michael Howard"). The role becomes theirs."""
        if name is None or not head or (head in _UNNAMED_HEADS and not titled):
            return None  # "the source", "the official": most often someone unnamed
        specific = any(w[:1].isupper() or w in _SPECIFIC for w in role.split()[:-1])
        if specific and not titled:
            return None  # "the Vermont senator", "the former president": not just anyone's
        entity = self._person_named(name)
        if not titled and not name_gender(name) and not (entity is not None and entity.role):
            return None  # "New York": a name not known for a person's
        if entity is not None:
            office = _office(entity.role)
            if office is not None and (office != SYNONYMS.get(head, head)):
                return None
            if office is not None and not words - {head} <= entity.role_words | {head}:
                return None
            if entity.name and len(name) > len(entity.name):
                entity.name = name  # "Blunkett", then "Home Secretary David Blunkett"
        else:
            entity = Entity(name, None, True)
            self.entities.append(entity)
        entity.heads.add(head)
        entity.role_words |= words
        if not entity.role or entity.role.lower().strip(".") in HONORIFICS:
            entity.role = role  # "Mr Blunkett", then "the home secretary"
        return entity

    def _last_company(self, mention: Mention) -> Entity | None:
        """ "the company", "the firm" where no name ends in or is described by the noun:
        the one organisation named as a speaker or a sentence's subject near before
        ("Apple has expanded its iPod family ... The company said"); None when several
        are."""
        words = mention.text.split()
        if (
            mention.head not in COMPANY_HEADS
            or any(w[:1].isupper() for w in words[1:])
            or any(w.lower() in PUBLIC_MODIFIERS for w in words)
        ):
            return None  # "the Australian firm", "the central bank": not just any company
        entity = self._one_organisation(mention.span.start)
        if entity is None and (
            len(words) == 2 or any(w.endswith(tuple(POSSESSIVE_TOKENS)) for w in words)
        ):
            # "the company", "the world's biggest insurer"; not "the mining group", which
            # may be of another trade than the company described last
            entity = self._described_company(mention.span.start)
        if entity is None or (entity.name or "").split()[-1].lower() in BODY_TAILS:
            return None  # none, or a body that is no company ("Air Line Pilots Association")
        entity.heads.add(mention.head)
        return entity

    def _described_company(self, here: int) -> Entity | None:
        """The organisation the article last called a company by any of the words for one
        ("media group Reuters", "UK advertising giant WPP", "Multiplex Group"): "the
        company" after those is it; None when no name is near, or it is a person's."""
        found = [named_as_at(self.text, head, here, _ORG_REACH) for head in COMPANY_HEADS]
        if not any(found):
            return None
        _, name = max(f for f in found if f)
        if name_gender(name) or any(e.person and _same_person(e, name) for e in self.entities):
            return None
        low = name.lower()
        entity = next((e for e in reversed(self.entities) if (e.name or "").lower() == low), None)
        if entity is None:
            entity = Entity(name, None, False)
            self.entities.append(entity)
        return entity

    def _one_organisation(self, here: int) -> Entity | None:
        """The one organisation named as a speaker or a sentence's subject near before
        `here`; None when none is, or several are."""
        speakers = [
            (e.position, e.name)
            for e in self.recent
            if e.name
            and not e.person
            and e.position < here
            and here - e.position < _ORG_REACH
            and not (" " not in e.name and plural_people(e.name.lower()))  # "Analysts"
        ]
        first = bisect.bisect_left(self.people_offsets, here - _ORG_REACH)
        last = bisect.bisect_left(self.people_offsets, here)
        subjects = [
            (offset, name)
            for offset, name, subject in self.people[first:last]
            if subject and " " not in name and not name_gender(name)
        ]
        # A last name of a person named in full is no company ("Ackman").
        people = {e.name.split()[-1] for e in self.entities if e.person and e.name}
        people |= {full.split()[-1] for _, full, _ in self.people if " " in full}
        speakers = [(at, name) for at, name in speakers if name not in people]
        subjects = [(at, name) for at, name in subjects if name not in people]
        # One organisation that spoke is the one meant, whatever else was a subject
        # ("Macrovision said ... RipGuard is expected ... the company said").
        names = {name for _, name in speakers} or {name for _, name in subjects}
        if len(names) != 1:
            return None  # none, or several organisations it may be
        name = names.pop()
        entity = next((e for e in reversed(self.entities) if e.name == name), None)
        if entity is None:
            entity = Entity(name, None, False)
            self.entities.append(entity)
        return entity

    def _named_as(self, mention: Mention) -> Entity | None:
        """ "the airline", "the bank": the organisation the article named before, by a
        name that ends in the noun or one the noun describes (`people.named_as`); the
        people "the senator" may stand for are left to "he" and "she"."""
        head = mention.head
        if (
            not head
            or not head.isalpha()
            or head in PERSON_HEADS
            or head in _NOT_BODIES
            or head in SENT_NOUNS  # "the letter", "the email": what was sent, not a body
            or head.endswith(PERSON_ENDINGS)  # "the columnist", "the actress"
            or (head.endswith("s") and not head.endswith("ss"))  # "the lawmakers": many
            or any(w[:1].isupper() for w in mention.text.split()[1:])  # "the State Department"
            or any(w.lower() in PUBLIC_MODIFIERS for w in mention.text.split())  # "central"
        ):
            return None
        name = named_as(self.text, head, mention.span.start)
        if (
            name is None
            or name_gender(name)
            or any(e.person and e.name == name for e in self.recent)
        ):
            return None  # none, or a person: "Susan Sarandon, the actress"
        low = name.lower()
        named = (e for e in reversed(self.entities) if e.name)
        entity = next((e for e in named if e.name and e.name.lower() == low), None)
        if entity is None:
            entity = Entity(name, None, False)
            self.entities.append(entity)
        entity.heads.add(head)
        entity.role_words |= _words(mention.text)
        return entity

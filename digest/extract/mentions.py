"""Speaker noun phrases without a parser: chunk a phrase, split its name from its role.

`backward_np` reads the phrase before a cue ("a Pentagon spokesperson said"),
`forward_np` the one after an inverted cue ("said Jo Reyes"); `mention_from_tokens`
makes a `Mention` of either, telling the name from the role and a pronoun from both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from .blocks import Token
from .lexicon import (
    AGAINST_WHOM,
    ARTICLES,
    ATTACH,
    ATTACHING_PAIRS,
    BELONGS,
    CALENDAR,
    COMMON_VERBS,
    CONNECTIVES,
    CUE_FORMS,
    DEFINITE_OPENERS,
    DEMONSTRATIVES,
    DETERMINERS,
    FEMALE_NAMES,
    FEMALE_TITLES,
    FORWARD_NP_MARKS,
    JOINERS,
    MALE_NAMES,
    MALE_TITLES,
    NAME_INSIDE_PARTICLES,
    NOT_NAMES,
    NOT_OPENING,
    NP_MARKS,
    NP_STOP,
    ORG_TAILS,
    PEERAGE,
    PEOPLE_PLURALS,
    PERSON_ENDINGS,
    PERSON_PRONOUNS,
    PERSON_TITLES,
    PLACED,
    PLACED_ON,
    PLURAL_LOOKING,
    PRE_CUE_SKIP,
    PRONOUNS,
    QUANTITY_WORDS,
    ROLE_HEADS,
    SURNAME_TITLES,
    SYNONYMS,
    TIME_WORDS,
    TITLE_WORDS,
    WHERE_PREPOSITIONS,
)

# What is sent or made to speak for its sender ("the party's letter to Greenberg said"):
# the speaker is who sent it, never whom it went to.
SENT_NOUNS = frozenset(
    """letter letters email emails e-mail message messages memo note statement tweet post
    call calls complaint petition notice release filing claim advert advertisement""".split()
)
_POSSESSIVE = ("'s", "’s")


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
        if toks[0].lower == "that" and len(toks) == 2 and not toks[1].is_capital:
            break  # "That person said": a demonstrative (`backward_np`)
        toks = toks[1:]
    while toks and not toks[-1].is_word:
        toks = toks[:-1]
    if all(t.lower in ARTICLES for t in toks):
        return None  # "the" of "the only reason": an article alone speaks for nobody
    if (
        len(toks) >= 2
        and toks[0].lower.endswith("ing")
        and not any(t.is_capital for t in toks)
        and not plural_people(toks[-1].lower)
    ):
        return None  # "..., beating analyst forecasts": a participle's object, not people
    sender = _sender(toks, text)
    if sender is not None:
        return sender
    span = Span(toks[0].start, toks[-1].end)
    phrase = text[span.start : span.end]
    k, name_toks = _name_in(toks)
    # A lower-case head word after the name ("Kirby aides") makes a descriptor, not a name.
    role_toks = toks[:k]
    name = text[name_toks[0].start : name_toks[-1].end] if name_toks else None
    role_words = [t for t in role_toks if t.lower not in DETERMINERS]
    role = text[role_words[0].start : role_words[-1].end] if role_words else None
    head = None
    if not name:
        heads = _role_heads(toks)
        placed = next((i for i, t in enumerate(toks) if i and t.lower in WHERE_PREPOSITIONS), None)
        # "A woman at the scene", "a voice-over in the ad": the head, before where it was
        head_at = (
            placed - 1 if placed is not None and _described_head(toks, placed - 1, 0) else None
        )
        # A descriptor needs a head noun a speaker can have, or a capitalised organisation.
        if (
            not heads
            and not any(t.is_capital for t in toks)
            and not (
                toks[0].lower in DETERMINERS | DEMONSTRATIVES | {"that"}
                and (len(toks) <= 4 or (head_at is not None and _opens_with_head(toks, placed)))
            )
            # "participants said", "local fishermen say": people by a plural noun
            and not (len(toks) <= 4 and plural_people(toks[-1].lower))
            and not (len(toks) == 3 and share_ends_at(toks, 2))  # "six in 10 said"
        ):
            return None
        head = (
            SYNONYMS.get(heads[-1], heads[-1])
            if heads
            else toks[head_at].lower
            if head_at is not None
            else (toks[-1].lower if toks[-1].is_word else None)
        )
    return Mention(
        span,
        phrase,
        name,
        role,
        definite=toks[0].lower in DEFINITE_OPENERS and not name,
        head=head,
        gender=_gender(name, name_toks, toks),
    )


# An age that describes a person: "the 31-year-old", "a 24-year-old Swiss".
_AGE = re.compile(r"\d+-years?-old")


def is_age(low: str) -> bool:
    """The word is an age ("31-year-old"): what it describes is a person."""
    return _AGE.fullmatch(low) is not None


def plural_people(low: str) -> bool:
    """A lower-case plural that may name people: "participants", "fishermen"; not a
    word in -ss, -us, -is, a possessive or "news"."""
    if len(low) > 4 and low.endswith("men"):
        return True  # "fishermen", "policemen"
    if low in PEOPLE_PLURALS:
        return True  # "people", "children"
    return (
        len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "'s", "’s"))
        and low not in PLURAL_LOOKING
    )


def _sender(toks: list[Token], text: str) -> Mention | None:
    """Who sent what speaks in the phrase: "the party's letter to Daniel Greenberg" is
    the party's words, "a White House statement" the White House's; None when the phrase
    names no sender."""
    head = next((i for i, t in enumerate(toks) if t.lower in SENT_NOUNS and not t.is_capital), None)
    if not head or (head + 1 < len(toks) and toks[head + 1].lower not in ATTACH):
        return None
    owner = next(
        (j for j in range(head - 1, max(-1, head - 3), -1) if toks[j].lower.endswith(_POSSESSIVE)),
        None,
    )
    if owner is not None:
        last = toks[owner]
        return mention_from_tokens([*toks[:owner], Token(last.text[:-2], last.start)], text)
    modifiers = toks[1:head]
    if (
        toks[0].lower in ARTICLES
        and modifiers
        and all(t.is_capital for t in modifiers[:-1])
        and (modifiers[-1].is_capital or modifiers[-1].lower in ROLE_HEADS)
    ):
        # "a Pentagon statement", "a US government claim"
        return mention_from_tokens(modifiers, text)
    return None


def _name_in(toks: list[Token]) -> tuple[int, list[Token]]:
    """Where the name of a phrase starts, and its tokens (none for a description).

    The name is the trailing run of capitalised words that are not titles ("Brig. Gen.
    Pat Ryder"), past an organisation before it ("United Nations Linda Thomas-Greenfield").
    """
    k = len(toks)
    if _surname_as_title(toks):
        k -= 1  # "Amy Pope", "Angus King": a surname that is also a title
    while k > 0 and (
        (
            toks[k - 1].is_capital
            and toks[k - 1].lower not in TITLE_WORDS
            and toks[k - 1].lower not in NOT_NAMES
        )
        or _particle_in_name(toks, k - 1)
    ):
        k -= 1
    name_toks = toks[k:]
    cut = max((i for i, t in enumerate(name_toks[:-1]) if t.lower in ORG_TAILS), default=-1)
    if cut >= 0 and name_toks[-1].lower.rstrip(".") not in ORG_TAILS:
        # "United Nations Linda Thomas-Greenfield": a person after the body; not "Korea
        # Airports Corp.", a body's name all through
        k += cut + 1
        name_toks = toks[k:]
    if name_toks and k >= 3 and toks[k - 1].lower == "of" and _two_name_words(toks, k - 1):
        k, name_toks = _person_of_place(toks, k) or (k, name_toks)
    elif (
        name_toks
        and k >= 2
        and toks[k - 1].lower in DETERMINERS
        and _preposition_before(toks, k - 2) is not None
    ):
        # "Robert Antonacci of the New York delegation", "Laura Brownlees of Save the
        # Children": the name is before "of".
        j = _preposition_before(toks, k - 2) or 0
        end = j
        while j > 0 and toks[j - 1].is_capital and toks[j - 1].lower not in TITLE_WORDS:
            j -= 1
        name_toks = toks[j:end] if end - j >= 1 else []
        k = j if name_toks else len(toks)
    if name_toks and _joined_or_placed(toks, k):
        return len(toks), []
    return k, name_toks


def _preposition_before(toks: list[Token], j: int) -> int | None:
    """The preposition at token `j`, or right before a capitalised word or two that open
    a body's name with "the" inside it ("of Save the Children"), or None."""
    for i in range(j, max(-1, j - 3), -1):
        if toks[i].lower in JOINERS | ATTACH:
            return i
        if not toks[i].is_capital or i == 0:
            return None
    return None


def _person_of_place(toks: list[Token], k: int) -> tuple[int, list[Token]] | None:
    """ "Senator Bernie Sanders of Vermont": a person's name, then where they are from;
    the name is before "of" (at `k - 1`) when a title or a first name says it is a
    person's, not "Joint Chiefs of Staff" or "Bank of Korea"; None when none does."""
    end = k - 1
    j = end
    while j > 0 and toks[j - 1].is_capital and toks[j - 1].lower not in TITLE_WORDS:
        j -= 1
    person = (
        (j > 0 and toks[j - 1].lower in PERSON_TITLES)
        or toks[j].lower in PEERAGE  # "Lord Nicholls of Birkenhead"
        or name_gender(toks[j].text) is not None
    )
    return (j, toks[j:end]) if person else None


def _joined_or_placed(toks: list[Token], k: int) -> bool:
    """The capitalised words from `k` are no speaker's name: the tail of a longer name
    ("Department of State"), or where the speaker is or whom it went to ("Republican
    lawmakers in Washington", "a notice sent to Congress"), so the speaker is the whole
    description. ("a statement from Chelsea", "figures released by the BPI": the name
    speaks.)"""
    if k > 0 and toks[k - 1].lower in JOINERS:
        return True
    if _body_tail(toks, k):
        return True
    if (
        k > 1
        and toks[k - 1].lower == "and"
        and toks[k - 2].is_capital
        and any(t.lower in JOINERS for t in toks[: k - 1])
    ):
        return True  # "Department for Culture, Media and Sport": the tail of the name
    before = k - 2 if k >= 2 and toks[k - 1].lower in DETERMINERS else k - 1
    if before > 0 and toks[before].lower in PLACED_ON | PLACED:
        # "Republican lawmakers in Washington", "researchers at Leeds University",
        # "Democrats on Capitol Hill"
        return True
    if (
        before > 0
        and toks[before].lower in AGAINST_WHOM
        and toks[before - 1].is_word
        and not toks[before - 1].is_capital
    ):
        return True  # "The charges against Olson", "the lawsuit against Uber": about whom
    # "a senior adviser to Governor Adams", "a spokesman for Gov. Adams": a lower-case
    # role, then the person it serves, with a title (not "Minister for Foreign Affairs
    # Penny Wong", a title all in capitals).
    j = k - 1
    while j > 0 and toks[j].is_capital and toks[j].lower in TITLE_WORDS:
        j -= 1
    return (
        0 < j < k - 1
        and toks[j].lower in PLACED | BELONGS
        and toks[j - 1].is_word
        and not toks[j - 1].is_capital
    )


def _body_tail(toks: list[Token], k: int) -> bool:
    """The one capitalised word at `k` ends a body's name after a title word and "for" or
    "of" ("the Office for National Statistics"); not a person's title ("Secretary of
    State Kerry")."""
    j = k - 1
    while j > 0 and toks[j].is_capital and toks[j].lower in TITLE_WORDS:
        j -= 1
    return (
        len(toks) - k == 1
        and 0 < j < k - 1
        and toks[j].lower in BELONGS
        and toks[j - 1].is_capital
        and toks[j - 1].lower not in PERSON_TITLES
    )


def _role_heads(toks: list[Token]) -> list[str]:
    """The role words a description is headed by; "a spokeswoman for the Information
    Commissioner's Office": the head is before what it is attached to."""
    heads = [t.lower for t in toks if t.lower in ROLE_HEADS or t.lower in SYNONYMS]
    attached = next(
        (
            i
            for i, t in enumerate(toks)
            if i
            and t.lower in ATTACH | BELONGS
            # not inside a name: "A Department for Work and Pensions spokeswoman"
            and not (toks[i - 1].is_capital and i + 1 < len(toks) and toks[i + 1].is_capital)
        ),
        None,
    )
    if attached is not None:
        leading = [t.lower for t in toks[:attached] if t.lower in ROLE_HEADS or t.lower in SYNONYMS]
        heads = leading or heads
    return heads


def _gender(name: str | None, name_toks: list[Token], toks: list[Token]) -> str | None:
    """A speaker's gender by a first name, which tells more than a title ("spokesman
    Hope Hicks" is a woman), else by a title."""
    gender = name_gender(name) if name and len(name_toks) > 1 else None
    if gender is None:
        words = {t.lower for t in toks}
        gender = "f" if words & FEMALE_TITLES else "m" if words & MALE_TITLES else None
    return gender


def _breaks_np(toks: list[Token], k: int, floor: int) -> bool:
    """Token `k` ends a phrase read back: a dash ("as his returns showed - Trump
    boasted"), not a name's hyphen; a month or a day ("Monday"), not "Theresa May"."""
    tok = toks[k]
    if tok.text == "-":
        return not _joins(toks, k)
    return (
        tok.is_capital
        and tok.lower in CALENDAR
        and not _after_first_name(toks, k, floor)
        # "The Sunday Telegraph": a day inside a title's name
        and not (
            k - 1 >= floor
            and toks[k - 1].lower == "the"
            and k + 1 < len(toks)
            and toks[k + 1].is_capital
        )
    )


def _joins(toks: list[Token], k: int) -> bool:
    """The hyphen at token `k` touches the words on both sides ("al-Qaida")."""
    return (
        0 < k < len(toks) - 1
        and toks[k - 1].end == toks[k].start
        and toks[k + 1].start == toks[k].end
    )


def backward_np(toks: list[Token], end: int, floor: int) -> list[Token]:
    """The noun phrase ending at token `end` (inclusive), reading back no further than `floor`."""
    out: list[Token] = []
    k = end
    has_head = False
    while k >= floor:
        tok = toks[k]
        low = tok.lower
        if _breaks_np(toks, k, floor):
            break
        if (not tok.is_word and tok.text not in NP_MARKS) or (
            tok.is_word
            and low in NP_STOP
            and low not in JOINERS
            and not _acronym(tok)
            and not (tok.is_capital and _after_first_name(toks, k, floor))
        ):
            taken = _attached(toks, k, floor, out)
            if taken:
                out.extend(toks[k - taken + 1 : k + 1][::-1])
                k -= taken
                continue
            if (low in DEMONSTRATIVES and out) or _demonstrative_that(toks, k, floor, out):
                out.append(tok)  # "this Trump look-alike": a determiner opens the phrase
            break
        if (
            tok.is_capital
            or low in DETERMINERS
            or low in JOINERS
            or not tok.is_word
            or _particle_in_name(toks, k)
        ):
            out.append(tok)
            if low in DETERMINERS and not _goes_on_past(toks, k, floor):
                break
        elif low in ROLE_HEADS or low in SYNONYMS:
            has_head = True
            out.append(tok)
        elif has_head or (out and out[-1].lower in JOINERS):
            out.append(tok)  # a modifier of the head: "the department spokesperson"
        elif not out:
            out.append(tok)  # an unknown lower-case head: "the company"
            if pronoun_of(tok) is not None:
                break  # "they": a pronoun is the whole phrase
        else:
            words, goes_on = _words_before_head(toks, k, floor, out)
            out.extend(words)
            if not goes_on:
                break
            k -= len(words)
            continue
        k -= 1
        if len(out) > 12:
            return []
    out.reverse()
    while out and out[0].lower in JOINERS:
        out = out[1:]
    return out


def _goes_on_past(toks: list[Token], k: int, floor: int) -> bool:
    """The determiner at token `k` does not open the phrase: it stands inside a longer
    one ("Ambassador to the United Nations Linda Thomas-Greenfield", "the vice president
    of the union", "A woman at the scene", "Laura Brownlees of Save the Children")."""
    if k < 2:
        return False
    before, prior = toks[k - 1], toks[k - 2]
    return (
        (before.lower in ATTACH | JOINERS and prior.lower in TITLE_WORDS | ROLE_HEADS)
        or (prior.lower, before.lower) in ATTACHING_PAIRS
        or (before.lower in WHERE_PREPOSITIONS and _described_head(toks, k - 2, floor))
        # "the" inside a body's name
        or (before.is_capital and prior.lower in ATTACH | BELONGS)
        # "Jane Smith of the Red Cross": a name, then the body it is of
        or (
            before.lower in BELONGS
            and prior.is_capital
            and k + 1 < len(toks)
            and toks[k + 1].is_capital
        )
    )


def _words_before_head(
    toks: list[Token], k: int, floor: int, out: list[Token]
) -> tuple[list[Token], bool]:
    """The lower-case words from token `k` back that belong to the phrase read so far
    (`out`), last first, and whether the phrase goes on before them: whom a letter went
    to ("the party's letter to ethics commissioner Daniel Greenberg": the sender is read
    on), a head's modifiers up to its determiner, or to a possessor whose name and what
    it owns are of the phrase ("Researchers at Leeds University's medical school")."""
    addressed = _addressee_role(toks, k, floor)
    if addressed:
        return toks[k - addressed + 1 : k + 1][::-1], True
    modifiers = _modifiers(toks, k, floor) or _plural_modifiers(toks, k, floor, out)
    if not modifiers:
        return modifiers, False
    opener = modifiers[-1]
    # "The vice president of the civil servants' union": the determiner that opens the
    # modifiers may stand inside a longer phrase
    inside = opener.lower in DETERMINERS and _goes_on_past(toks, k - len(modifiers) + 1, floor)
    return modifiers, inside or opener.lower.endswith(_POSSESSIVE)


def _addressee_role(toks: list[Token], k: int, floor: int) -> int:
    """How many words, ending with the lower-case word at `k`, are the role of whom a
    letter or a statement went to and the preposition before it ("to ethics
    commissioner" in "the party's letter to ethics commissioner Daniel Greenberg"); 0
    when they are not."""
    for j in range(k, max(floor, k - 3), -1):
        tok = toks[j]
        if tok.lower in ATTACH:
            return k - j + 1 if j - 1 >= floor and toks[j - 1].lower in SENT_NOUNS else 0
        if not tok.is_word or tok.is_capital or tok.lower in NP_STOP:
            return 0
    return 0


def _attached(toks: list[Token], k: int, floor: int, out: list[Token]) -> int:
    """How many words, ending with the word at `k`, attach what was read so far to the
    phrase's head: "close to", "familiar with" ("people close to Clinton", "a source
    familiar with the talks"); "and" or a comma inside a name ("the Department for
    Education and Skills", "the Ministry of Trade, Industry and Energy"); a preposition
    after a role ("a senior official at South Korea's presidential office", "the party's
    letter to Daniel Greenberg": who it went to is not who speaks); 0 when none does."""
    low = toks[k].lower
    if not out or k - 1 < floor:
        return 0
    if low == ",":
        return 1 if _list_in_name(toks, k, floor, out) else 0
    before = toks[k - 1].lower
    if (before, low) in ATTACHING_PAIRS and k - 2 >= floor:
        return 2  # "people familiar with the matter", "a source close to the talks"
    if (
        low == "and"
        and out[-1].is_capital
        and toks[k - 1].is_capital
        and before not in TITLE_WORDS
        and any(t.lower in JOINERS for t in toks[max(floor, k - 4) : k])
    ):
        return 1  # "a Department for Education and Skills source": one name
    if low in ATTACH and (before in ROLE_HEADS or before in SENT_NOUNS):
        return 1
    if (
        low in AGAINST_WHOM
        and k - 2 >= floor
        and out[-1].is_capital  # a name: not "An investigation into doping claims"
        and toks[k - 1].is_word
        and not toks[k - 1].is_capital
        and toks[k - 2].lower in ARTICLES
    ):
        return 1  # "The charges against Olson allege": whom they are against does not speak
    if low in PLACED_ON and toks[k - 1].is_capital and plural_people(before):
        return 1  # "Democrats on Capitol Hill", "Republicans in Congress": where they sit
    if (
        low in WHERE_PREPOSITIONS
        and (not out[-1].is_capital or toks[k - 1].lower.endswith(PERSON_ENDINGS))
        and _described_head(toks, k - 1, floor)
    ):
        # "A woman at the scene": where she was, then her phrase read on; "unions at the
        # Italian carmaker": a plural with no article is the whole phrase's head
        bare = plural_people(before) and not (k - 2 >= floor and toks[k - 2].lower in DETERMINERS)
        return 2 if bare else 1
    if low == "in" and out[-1].text[:1].isdigit() and share_ends_at(toks, k + 1):
        return 2  # "six in 10 said", "4 in 10 voters say": a share of people
    return 0


def share_ends_at(toks: list[Token], k: int) -> bool:
    """The number at token `k` ends a share of people ("six in 10", "4 in 10"): a
    subject, not a count before a noun."""
    return k >= 2 and toks[k - 1].lower == "in" and count_word(toks[k - 2]) and count_word(toks[k])


def _described_head(toks: list[Token], k: int, floor: int) -> bool:
    """Token `k` is a lower-case noun that heads a description of people: after an
    article ("a woman", "the man") or a plural of people ("passengers")."""
    tok = toks[k]
    if not tok.is_word or (tok.is_capital and k > floor) or tok.lower in NP_STOP:
        return False  # a capital only where the sentence starts ("Passengers on ...")
    if plural_people(tok.lower):
        return True
    # the article, maybe past a modifier ("An office worker", "a civilian witness")
    j = k - 1
    if j < floor:
        return False
    if toks[j].lower in ARTICLES:
        return True
    return (
        j - 1 >= floor
        and _plain_modifier(toks[j])
        and tok.lower.endswith(PERSON_ENDINGS)
        and toks[j - 1].lower in ARTICLES
    )


def _plain_modifier(tok: Token) -> bool:
    """A lower-case word that may modify a noun: no article, no stop word."""
    return tok.is_word and not tok.is_capital and tok.lower not in NP_STOP


def _opens_with_head(toks: list[Token], placed: int | None) -> bool:
    """The phrase is its head, right after its article, then where it was, with no "of"
    ("a voice-over in the ad", "a man in the crowd"; not "a rise in the number of
    ...")."""
    return placed == 2 and toks[0].lower in ARTICLES and not any(t.lower in JOINERS for t in toks)


def count_word(tok: Token) -> bool:
    """A number in figures or words ("six", "4", "one")."""
    return tok.text[:1].isdigit() or tok.lower in QUANTITY_WORDS


def _particle_in_name(toks: list[Token], k: int) -> bool:
    """Token `k` is a particle inside a person's name, between the capitalised words of
    the name ("Alexis von Hoensbroech", "Ursula von der Leyen", "Charles de Gaulle")."""
    if (
        toks[k].lower not in NAME_INSIDE_PARTICLES
        or toks[k].is_capital
        or k == 0
        or k + 1 >= len(toks)
    ):
        return False
    j = k - 1
    while j > 0 and toks[j].lower in NAME_INSIDE_PARTICLES and not toks[j].is_capital:
        j -= 1
    before = toks[j]
    return (
        toks[k + 1].is_capital
        and before.is_capital
        and before.lower not in TITLE_WORDS
        and before.lower not in ORG_TAILS
    )


def _surname_as_title(toks: list[Token]) -> bool:
    """The phrase ends in a title after a first name, or in a title that is a common
    surname after a capitalised word: a surname ("Amy Pope", "Angus King", "Charlie
    King"), as a title stands before the name it goes with ("Pope Francis")."""
    k = len(toks) - 1
    if not (k > 0 and toks[k].is_capital and toks[k].lower in TITLE_WORDS):
        return False
    before = toks[k - 1]
    if not before.is_capital or before.lower in TITLE_WORDS:
        return False
    return _after_first_name(toks, k, 0) or (
        toks[k].lower in SURNAME_TITLES
        and before.lower not in ORG_TAILS
        and before.lower not in NOT_NAMES
        and before.lower not in CALENDAR
    )


def _after_first_name(toks: list[Token], k: int, floor: int) -> bool:
    """Token `k` follows a first name, so it is a surname whatever else it may be: a month
    or a day ("Theresa May", "Brian May"), a title ("Amy Pope")."""
    return k > floor and toks[k - 1].is_capital and name_gender(toks[k - 1].text) is not None


def _acronym(tok: Token) -> bool:
    """A name in capitals that spells a common word ("the WHO said", "IT firms")."""
    return len(tok.text) > 1 and tok.text.isalpha() and tok.text.isupper()


def _list_in_name(toks: list[Token], k: int, floor: int, out: list[Token]) -> bool:
    """The comma at `k` separates the items of a list inside a name read back so far
    ("Trade, Industry and Energy" of "the Ministry of Trade, Industry and Energy"): a
    capitalised word on each side, "and" between capitals after it, "of" or "for" a few
    words before it."""
    if k - 1 < floor or not out or not out[-1].is_capital or not toks[k - 1].is_capital:
        return False
    if not any(t.lower == "and" for t in out):
        return False
    return any(t.lower in JOINERS for t in toks[max(floor, k - 3) : k])


def _demonstrative_that(toks: list[Token], k: int, floor: int, out: list[Token]) -> bool:
    """ "that" at `k` opens the phrase read so far as a demonstrative ("That person
    said"): before one lower-case singular noun, where a clause starts (the sentence's
    start, a comma, "and", "but"); not the "that" that opens a clause ("argued that
    officials said", "said that Reyes told")."""
    if toks[k].lower != "that" or len(out) != 1:
        return False
    head = out[0]
    if head.is_capital or not head.is_word or head.lower.endswith("s") or pronoun_of(head):
        return False  # "said that he agrees": "that" opens a clause
    return k == floor or not toks[k - 1].is_word or toks[k - 1].lower in ("and", "but")


# How many words back from an unknown head its determiner may stand ("a major Muslim
# civil rights group": four modifiers).
MODIFIER_REACH = 5


def _plural_modifiers(toks: list[Token], k: int, floor: int, out: list[Token]) -> list[Token]:
    """ "But opposition parties say", "other browser stat gatherers say": the lower-case
    words before a plural head that opens its clause, last first; none elsewhere."""
    if len(out) != 1 or not plural_people(out[0].lower):
        return []
    found: list[Token] = []
    j = k
    while j >= floor and len(found) < 3:
        tok = toks[j]
        if not tok.is_word or tok.is_capital or tok.lower in NP_STOP or tok.lower in CONNECTIVES:
            break
        found.append(tok)
        j -= 1
    opens = j < floor or not toks[j].is_word or toks[j].lower in CONNECTIVES
    return found if found and opens else []


def _modifiers(toks: list[Token], k: int, floor: int) -> list[Token]:
    """ "a major climate group": the modifiers of an unknown head read back from token
    `k` up to its determiner or a possessor ("Leeds University's medical school"), last
    first; none when no determiner or possessor is near."""
    reach = [toks[i] for i in range(k, max(floor - 1, k - MODIFIER_REACH), -1)]
    stop = next(
        (
            i
            for i, t in enumerate(reach)
            if t.lower in DETERMINERS
            or t.lower in DEMONSTRATIVES
            or (t.is_capital and t.lower.endswith(_POSSESSIVE))
        ),
        None,
    )
    if stop is None or any(t.lower in NP_STOP or not t.is_word for t in reach[:stop]):
        return []
    if stop == MODIFIER_REACH - 1 and any(
        t.lower in JOINERS or t.lower.endswith(_POSSESSIVE) or t.lower in TIME_WORDS for t in reach
    ):
        return []  # the longest reach is for plain modifiers: not "a couple of weeks ago"
    return reach[: stop + 1]


def forward_np(toks: list[Token], start: int, ceiling: int) -> list[Token]:
    """The noun phrase starting at token `start`, for inverted attribution ("added Miller")."""
    out: list[Token] = []
    k = start
    while k < ceiling:
        tok = toks[k]
        low = tok.lower
        if not tok.is_word and tok.text not in FORWARD_NP_MARKS:
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


def name_gender(name: str) -> str | None:
    """'f' or 'm' from a common first name, else None."""
    first = name.split()[0].lower().strip(".")
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    return None

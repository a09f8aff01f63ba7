"""Attach speakers: who speaks for a cue, read around it.

The speaker usually stands before the cue ("Miller said", "a Pentagon spokesperson
told reporters"), past adverbs, time phrases and asides ("Reyes, 54, a teacher,
said"); it may be the phrase a relative pronoun stands for ("Reyes, who said"), the
subject of a verb the cue is joined to ("... and said"), "it" for an organisation or a
document, or a name after an inverted cue ("said Jo Reyes"). `speaker_before` and
`speaker_after` give a `Speaker`; the shapes decide what its cue reports.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from ..model import Span
from .blocks import Token
from .grammar import (
    adverb_in_ly,
    finite,
    has_finite_verb,
    is_time_word,
    may_speak,
    noun_like,
    verb_like,
)
from .lexicon import (
    AND_BUT,
    AND_BUT_OR,
    ARTICLES,
    ASIDE_FROM,
    ASIDE_RELATIVES,
    ASPECT_VERBS,
    ATTACHING_PAIRS,
    AUXILIARIES,
    CLAUSE_MARKS,
    COMMON_VERBS,
    CONJUNCTIONS,
    CUE_FORMS,
    DETERMINERS,
    GO_FORMS,
    GOES_ON_TO,
    ISSUING_VERBS,
    NP_STOP,
    OBJECT_FIRST_CUES,
    OBJECT_OPENERS,
    OBJECT_PRONOUNS,
    PASSIVE,
    PASSIVE_ADVERBS,
    PERCEIVED,
    PERSON_ENDINGS,
    PHRASE_ENDS,
    PLACED_ON,
    PRE_CUE_SKIP,
    PREPOSITIONS,
    REFLEXIVES,
    RELATIVE_PRONOUNS,
    ROLE_HEADS,
    SAYING_VERBS,
    SETTING_NOUNS,
    SPEAKING_HEADS,
    SPOKEN_NOUNS,
    SUBORDINATORS,
    TIME_AHEAD,
    TIME_WORDS,
    TITLE_WORDS,
    WHICH_THAT,
)
from .mentions import (
    SENT_NOUNS,
    Mention,
    backward_np,
    forward_np,
    mention_from_tokens,
    name_gender,
    plural_people,
    pronoun_of,
)
from .sentence import Sentence
from .subjects import appositive, skip_aside, subject


@dataclass(slots=True)
class Speaker:
    """Who speaks for a cue, as found around it."""

    mention: Mention | None
    # The words that stand for the speaker: its noun phrase, the relative pronoun of
    # "Reyes, who said", or the cue itself after "and" ("... and said").
    toks: list[Token]
    end: int  # the token the speaker was read back from
    in_relative: bool = False  # the cue is in a relative clause after a comma ("X, who said")
    inverted: bool = False  # the speaker follows the cue ("said Miller")


def speaker_end(s: Sentence, first: int, cue_text: str) -> int:
    """The last token before the cue at `first` that may belong to its speaker: past
    adverbs, auxiliaries and time words ("Reyes also said", "Reyes on Monday said"),
    "went on to" and "can be heard" ("Trump went on to say", "a reporter can be heard
    asking")."""
    toks = s.toks
    j = first - 1
    if cue_text == ":":
        return j  # 'Cecile Richards: "..."': the name stands right before the colon
    if cue_text == "quoted as saying":
        while j >= 0 and (toks[j].lower in PRE_CUE_SKIP or toks[j].lower in PASSIVE):
            j -= 1
        return j
    if j >= 2 and toks[j].lower == "to" and goes_on(s, j, toks[first].lower):
        j -= 3  # "Trump went on to say": the speaker stands before "went on"
    if (
        j >= 2
        and toks[j].lower in PERCEIVED
        and toks[j - 1].lower in PASSIVE
        and toks[first].lower.endswith("ing")
    ):
        j -= 2  # "a reporter can be heard asking", "she was seen telling"
    if j >= 1 and toks[j].lower in ASPECT_VERBS and toks[first].lower.endswith("ing"):
        j -= 1  # "Smith kept saying": the speaker stands before "kept"
    j = _past_adverbs(s, j)
    if j >= 1 and toks[j].lower in REFLEXIVES:
        j = _past_adverbs(s, j - 1)  # "Clinton herself also signaled"
    setting = _setting_after_auxiliary(s, j)
    return j if setting is None else _past_adverbs(s, setting)


def _past_adverbs(s: Sentence, j: int) -> int:
    """Token `j` moved back over adverbs, auxiliaries and time words."""
    toks = s.toks
    while (
        j >= 0
        and s.in_quote[j] is None
        and (
            # "Reyes also said", not "Theresa May said"
            (toks[j].lower in PRE_CUE_SKIP and not (toks[j].is_capital and j > 0))
            or toks[j].lower in TIME_WORDS
            or toks[j].text in TIME_AHEAD  # "next week" (not the retailer Next)
            or adverb_in_ly(toks[j])
        )
    ):
        j -= 1
    return j


def _setting_after_auxiliary(s: Sentence, j: int) -> int | None:
    """The auxiliary before a phrase of time or place that ends at token `j`, right
    before the cue ("friends have in the past said", "she has in recent weeks said"):
    its index, or None when no such phrase stands there."""
    toks = s.toks
    for k in range(j, max(0, j - 4), -1):
        tok = toks[k]
        if (
            not tok.is_word
            or s.in_quote[k] is not None
            or tok.is_capital
            or pronoun_of(tok) is not None
            or (tok.lower in NP_STOP and tok.lower not in PREPOSITIONS)
        ):
            return None  # "the referee is in charge and he has called": a clause between
        if tok.lower in PREPOSITIONS:
            before = toks[k - 1]
            if k < j and before.lower in AUXILIARIES:
                return k - 1
            # "McConnell, who in 2010 said": a time between the relative pronoun and the cue
            timed = all(is_time_word(toks[m]) for m in range(k + 1, j + 1))
            return k - 1 if k < j and before.lower in RELATIVE_PRONOUNS and timed else None
    return None


def speaker_before(s: Sentence, first: int, last: int, j: int) -> Speaker:
    """The speaker of the cue at tokens `first`..`last`, read back from token `j`
    (`speaker_end`): its mention is None when none stands there."""
    j = _past_relative_clause(s, _past_asides(s, j), first)
    floor = past_named_quotes(s, s.floor(j))
    mention, toks, in_relative = _speaker_at(s, first, last, j, floor)
    if mention is not None and mention.name is None:
        # "The ministry issued a statement saying ...": who issued it says it
        mention = _issuer(s, mention) or mention
    if mention is not None and mention.gender is None:
        # "Clinton herself said": the reflexive tells which Clinton
        after = bisect.bisect_left(s.starts, mention.span.end)
        if after < len(s.toks) and s.toks[after].lower in REFLEXIVES:
            mention = replace(mention, gender=REFLEXIVES[s.toks[after].lower])
    return Speaker(mention, toks, j, in_relative)


def _issuer(s: Sentence, mention: Mention) -> Mention | None:
    """Who issued the thing a mention describes, when it is the object of a verb of
    issuing ("The ministry issued a statement saying ...", "Sanders made the following
    comment: ..."): that verb's subject."""
    if mention.head not in SENT_NOUNS and mention.head not in SPOKEN_NOUNS:
        return None
    k = bisect.bisect_left(s.starts, mention.span.start)
    if not _issues(s.toks[k].lower):
        k -= 1  # the verb before the phrase; or its first word ("He releases statement")
    if k < 1 or not _issues(s.toks[k].lower):
        return None
    return subject(s, k)


def _issues(low: str) -> bool:
    """A verb of issuing ("issued", "releases")."""
    base = CUE_FORMS.get(low) or (low[:-1] if low.endswith("s") else low)
    return base in ISSUING_VERBS


def speaker_after(s: Sentence, first: int, last: int, j: int) -> list[Token] | None:
    """The words of a speaker after an inverted cue: '"...," said Jo Reyes', "...,
    said a spokesman."; `j` is where `speaker_before` looked."""
    toks = s.toks
    low = toks[first].lower
    if CUE_FORMS.get(low) in OBJECT_FIRST_CUES or (low.endswith("ing") and first == last):
        # 'star of "Scandal," thanked Obama': whom the cue judges; "Lamenting their luck,
        # Mexicans say": a verb in -ing is never followed by who speaks
        return None
    ahead = forward_np(toks, last + 1, min(len(toks), last + 16))
    if ahead and (
        s.quote_before(first) is not None
        or (j >= 0 and toks[j].text == "," and may_speak(ahead) and closes_clause(s, ahead))
    ):
        return ahead
    return None


def _past_asides(s: Sentence, j: int) -> int:
    """Token `j` moved back over what stands between a speaker and the cue: a dashed
    aside or a setting (`subjects.skip_aside`), a parenthesis ("Gov. John Kasich (R-OH),
    said"), and a relative clause that ends in a quotation ('Reyes, who called it "a
    disaster," said')."""
    toks = s.toks
    j = skip_aside(s, j)
    j = _past_place_aside(s, j)
    if (
        j > 2
        and toks[j].text == ","
        and toks[j - 1].text == ")"
        and s.in_quote[j] is None
        and not _role_aside_before(s, j - 1)
    ):
        j -= 1
    if j > 1 and toks[j].text == ")" and s.in_quote[j] is None:
        opening = _opening_bracket(toks, j)
        if opening is not None:
            # "Jeff Joseph, from the Consumer Electronics Association (CEA) told": the
            # aside that a comma after a name and "from" opened ends at the parenthesis;
            # the name speaks (not "..., the Office for National Statistics (ONS) said")
            aside = _aside_opening(s, j)
            whose = aside is not None and toks[aside + 1].lower in ASIDE_FROM
            j = aside - 1 if aside is not None and whose else opening - 1
    clause_comma = relative_clause_before(s, j)
    if clause_comma is not None:
        j = clause_comma - 1
    return j


# Words that open the clause a speaker's phrase stands in.
_CLAUSE_OPENS = AND_BUT | SUBORDINATORS


def _past_place_aside(s: Sentence, j: int) -> int:
    """Token `j` moved back over the state or country after a place that a speaker is in
    ("the U.S. Geological Survey in Golden, Colo., said"): it names no one."""
    toks = s.toks
    if j < 4 or toks[j].text != "," or s.in_quote[j] is not None:
        return j
    k = j - 1
    if toks[k].text == ".":
        k -= 1  # "Colo."
    if not toks[k].is_capital or name_gender(toks[k].text) is not None:
        return j  # one word, no person's name ("in Uganda, Sarah Mukasa, told")
    k -= 1
    if toks[k].text != "," or not toks[k - 1].is_capital:
        return j
    # The subject before the place is a name and where it is ("the U.S. Geological
    # Survey in Golden"), opening its clause; not an aside's ("Mr. Daniloff, now 81 and
    # retired in Cambridge, Mass., said"; "the Club, a course in Ponte Vedra Beach,
    # Fla., charged").
    i = k - 2
    placed = False
    while i >= 0 and toks[i].text != "," and toks[i].lower not in _CLAUSE_OPENS:
        low = toks[i].lower
        if low in PLACED_ON:
            placed = True
        elif not (toks[i].is_capital or low in DETERMINERS or _person_noun(low)):
            return j
        i -= 1
    return k - 1 if placed else j


def _person_noun(low: str) -> bool:
    """A noun for a person or people: "woman", "official", "residents"."""
    return low in ROLE_HEADS or low.endswith(PERSON_ENDINGS) or plural_people(low)


def _opening_bracket(toks: list[Token], closing: int) -> int | None:
    """The "(" that the ")" at token `closing` closes, a few words back, or None."""
    return next(
        (i for i in range(closing - 1, max(-1, closing - 16), -1) if toks[i].text == "("), None
    )


def _role_aside_before(s: Sentence, closing: int) -> bool:
    """The parenthesis that closes at token `closing` ends an aside that a comma after a
    name opens ("Dr Richard Lewis, Welsh secretary of the British Medical Association
    (BMA), welcomed"): the comma after it closes that aside, for `appositive` to read."""
    return _aside_opening(s, closing) is not None


def _aside_opening(s: Sentence, closing: int) -> int | None:
    """The comma after a name that opens the aside a parenthesis closing at token
    `closing` ends ("Jeff Joseph, from the Consumer Electronics Association (CEA) told"),
    or None."""
    toks = s.toks
    opening = _opening_bracket(toks, closing)
    if opening is None:
        return None
    for k in range(opening - 1, max(0, opening - 13), -1):
        if toks[k].text == ",":
            # a name before the comma, not a sentence's first word ("Separately, the
            # International Labour Organisation (ILO) said")
            named = k > 1 and toks[k - 1].is_capital and s.in_quote[k] is None
            # a role's words after it, not a name alone ("..., and Sen. Ron Johnson
            # (R-Wis.) kept asking")
            words = toks[k + 1 : opening]
            role = bool(words) and words[0].lower not in AND_BUT_OR
            role = role and any(t.is_word and not t.is_capital for t in words)
            return k if named and role else None
        if not toks[k].is_word:
            return None
    return None


def _past_relative_clause(s: Sentence, j: int, first: int) -> int:
    """Token `j` moved back over a relative clause that no comma sets off, between the
    speaker and the cue at `first`: "Democrats in Iowa who watched the debate said",
    "Hawkins and others who want to ban abortion said". The clause is a few words, no
    mark among them, and opens with a verb; "the man who said" is `_relative_pronoun`'s."""
    toks = s.toks
    if j < 2 or not toks[j].is_word:
        return j  # "Ellis, a leader who met Adams, said": the aside's
    stop = max(0, j - 12)
    for k in range(j - 1, stop, -1):
        tok = toks[k]
        if not tok.is_word or s.in_quote[k] is not None or k in s.cue_starts:
            return j
        if tok.lower in AND_BUT_OR:
            return j  # "... see who gives most but the report says": another clause
        before, after = toks[k - 1], toks[k + 1]
        noun_before = (before.is_capital or noun_like(before)) and before.lower not in DETERMINERS
        if tok.lower == "who":
            if noun_before and (verb_like(after) or finite(after)) and k + 1 < first:
                return k - 1
            return j
        if (
            noun_before
            and (before.lower, tok.lower) not in ATTACHING_PAIRS  # "close to him"
            and _opens_modifier(tok, after)
            and _opens_clause(s, k - 1)
        ):
            # "Democrats trying to regain the Senate say", "The last man to mount a
            # third-party race says": a phrase after the subject's noun tells which ones.
            return k - 1
    return j


def _opens_clause(s: Sentence, end: int) -> bool:
    """The noun phrase that ends at token `end` opens the sentence or a clause after a
    comma: it is the subject, not an object ("asking Clinton to repudiate ...")."""
    phrase = backward_np(s.toks, end, s.floor(end))
    if not phrase:
        return False
    start = s.index_of(phrase[0])
    return start == s.floor(end) or s.toks[start - 1].text == ","


def _opens_modifier(tok: Token, after: Token) -> bool:
    """`tok` opens a phrase that modifies the noun before it: a participle in -ing
    ("trying to ..."), or "to" and a verb ("to mount ...")."""
    low = tok.lower
    if tok.is_capital or not low.isalpha():
        return False
    if low.endswith("ing") and len(low) > 5:
        # "trying to ...", "supporting Mrs. Clinton": a verb with its object; not a noun
        # in -ing before another noun ("lobbying firms", "a fundraising email").
        return after.is_capital or after.lower in OBJECT_OPENERS
    return (
        low == "to"
        and after.is_word
        and not after.is_capital
        and after.lower.isalpha()
        and after.lower not in DETERMINERS
        and after.lower not in OBJECT_PRONOUNS
        and not after.lower.endswith(("s", "ly", "ed", "ing"))
    )


def _speaker_at(
    s: Sentence, first: int, last: int, j: int, floor: int
) -> tuple[Mention | None, list[Token], bool]:
    """The speaker whose phrase ends at token `j`, its words, and whether the cue stands
    in a relative clause after a comma."""
    toks = s.toks
    if _relative_pronoun(s, j, last):
        return _antecedent_speaker(s, j)
    if (
        toks[first].text == ":"
        and j > floor
        and not (s.cue_starts and s.cue_starts[0] < first)  # "who told Congress: ...": that cue's
        and has_finite_verb(s, Span(toks[floor].start, toks[j].end))
    ):
        # 'McConnell delivered a blunt message to Trump: "..."': the clause's subject
        # speaks, not the words before the colon.
        base = subject(s, j)
        return (base, [toks[first]], False) if base is not None else (None, [], False)
    if j >= 1 and toks[j].lower in AND_BUT and s.in_quote[j] is None:
        # "The department has deemed ... and says ...": the sentence's subject speaks;
        # "The row grew when 50 Cent threw him out and accused him ...": the subject
        # of the verb this one is joined to.
        base = subject(s, j)
        if base is None or not (base.name or base.pronoun):
            base = coordinate_subject(s, j) or base
        return (base, [toks[first]], False) if base is not None else (None, [], False)
    if _it_speaks(s, j, first, last):
        # '"...," it added', 'it reads: "..."', "It said supporters were ...": an
        # organisation or a document speaks.
        if j > 0 and toks[j - 1].lower in SUBORDINATORS and s.in_quote[j - 1] is None:
            # "Electrolux saw its shares rise after it said ...": the main clause's
            # subject, when a name says who it is
            base = subject(s, j - 1)
            if base is not None and (
                (base.name and not _common_word(base.name))
                or (base.definite and base.head in SPEAKING_HEADS)
            ):
                return base, [toks[j]], False  # "The government ..., because it says"
        return mention_from_tokens([toks[j]], s.text), [toks[j]], False
    if j >= 0 and toks[j].is_word and s.in_quote[j] is None:
        phrase = backward_np(toks, j, floor)
        mention = mention_from_tokens(phrase, s.text) if phrase else None
        if mention is not None and mention.name:
            mention, phrase = joint_names(s, mention, phrase, floor)
        return mention, phrase, False
    if j >= 1 and toks[j].text == "," and s.in_quote[j] is None:
        mention, phrase = appositive(s, j, floor)
        if mention is not None and not mention.name and named_after(s, last + 1):
            # "..., forcing her to fend off both, said Brad Bannon, a pollster": the
            # phrase before the comma is the claim's; the name after the cue speaks.
            return None, [], False
        return mention, phrase, False
    return None, [], False


def _relative_pronoun(s: Sentence, j: int, last: int) -> bool:
    """Token `j` is a relative pronoun whose antecedent speaks: "Trump, who said ...",
    or a thing that says something ("the report, which notes: "..."", "bottles that
    said, "...""), with a quotation or "that" after the cue ending at `last`."""
    toks = s.toks
    if j < 1 or s.in_quote[j - 1] is not None or toks[j].text.isupper():
        return False  # "..., the WHO said": a name in capitals
    low = toks[j].lower
    if low == "who":
        return True
    return (
        low in WHICH_THAT
        and (low == "which" or toks[j - 1].lower not in CUE_FORMS)
        and (
            s.quote_after(last + 1, gap=3) is not None
            or (last + 1 < len(toks) and toks[last + 1].lower == "that")
        )
    )


def _antecedent_speaker(s: Sentence, j: int) -> tuple[Mention | None, list[Token], bool]:
    """The phrase before the relative pronoun at `j` ("Trump, who said ..."), with the
    pronoun as its word, and whether a comma sets the clause off."""
    toks = s.toks
    in_relative = toks[j - 1].text == ","
    end = j - 2 if in_relative else j - 1
    antecedent = backward_np(toks, end, s.floor(end)) if end >= 0 else []
    base = mention_from_tokens(antecedent, s.text) if antecedent else None
    if base is not None:
        return base, [toks[j]], in_relative
    return None, [], in_relative


def _it_speaks(s: Sentence, j: int, first: int, last: int) -> bool:
    """ "it" at `j` speaks for an organisation or a document: by a quotation, opening
    the sentence or a subordinate clause before a verb that reports words ("It said
    supporters were ...", "... after it said profits were down"), or after the clause it
    said ("The fire started in the kitchen, it said.")."""
    toks = s.toks
    return (
        j >= 0
        and toks[j].lower == "it"
        and (
            s.quote_before(j) is not None
            or s.quote_after(last + 1) is not None
            or (
                CUE_FORMS.get(toks[first].lower) in SAYING_VERBS
                and (
                    j == 0
                    or (toks[j - 1].text == "," and _ends_sentence(s, last + 1))
                    # "The shares fell after it said profits were down"
                    or toks[j - 1].lower in SUBORDINATORS
                )
            )
        )
    )


def _common_word(name: str) -> bool:
    """A one-word "name" that a sentence's capital made of a common word: a plural
    ("Shares", "Analysts") or a gerund ("Blogging")."""
    return " " not in name and name.lower().endswith(("s", "ing"))


def _ends_sentence(s: Sentence, k: int) -> bool:
    """From token `k` on, only a time or a setting ends the sentence: "..., it said on
    Monday.", "..., it said in a statement."."""
    return (
        all(
            not tok.is_word
            or tok.lower in TIME_WORDS
            or tok.lower in PREPOSITIONS
            or tok.lower in ARTICLES
            or tok.lower in SETTING_NOUNS
            for tok in s.toks[k : k + 6]
        )
        and len(s.toks) - k <= 6
    )


def named_after(s: Sentence, k: int) -> bool:
    """A name starts at token `k` and ends the clause ("said Brad Bannon, a pollster",
    "said Brad Bannon."), not the subject of what follows ("said Trump would ...")."""
    toks = s.toks
    ahead = forward_np(toks, k, min(len(toks), k + 8))
    if not ahead or not ahead[0].is_capital or is_time_word(ahead[0]):
        return False
    mention = mention_from_tokens(ahead, s.text)
    return mention is not None and mention.name is not None and closes_clause(s, ahead)


def closes_clause(s: Sentence, phrase: list[Token]) -> bool:
    """Nothing but punctuation follows `phrase`: it is who spoke ("..., said a
    spokesman."), not the subject of a clause ("..., said Trump would visit")."""
    end = s.index_of(phrase[-1]) + 1
    if end >= len(s.toks):
        return True
    after = s.toks[end]
    return (
        after.text in PHRASE_ENDS
        or after.lower in PREPOSITIONS  # "said Reyes on Monday", "in a statement"
        or is_time_word(after)
        or after.lower == "who"  # "said a spokeswoman who asked not to be named"
    )


def past_named_quotes(s: Sentence, floor: int) -> int:
    """The clause floor moved back over short quotations that only name something
    inside the phrase (a title, a slogan: 'Bill Eastland, wearing "Ted Cruz" campaign
    pins, said'), so that the speaker before them can be read."""
    toks = s.toks
    while 1 < floor < len(toks):
        index = s.in_quote[floor - 1]
        if index is None:
            break
        opening = bisect.bisect_left(s.starts, s.quotes[index].outer.start)
        after = toks[floor]
        if (
            opening < 1
            or not toks[opening - 1].is_word
            or s.in_quote[opening - 1] is not None
            or s.words(s.quotes[index].inner) > 4
            or not after.is_word
            or after.is_capital
            or after.lower in AND_BUT_OR
            or verb_like(after)
        ):
            break
        floor = s.floor(opening - 1)
    return floor


def coordinate_subject(s: Sentence, conj: int) -> Mention | None:
    """The named subject of the nearest verb before the "and" at `conj`, in its clause."""
    toks = s.toks
    for i in range(conj - 1, max(0, conj - 25), -1):
        tok = toks[i]
        if s.in_quote[i] is not None or tok.text in CLAUSE_MARKS:
            return None
        if not verb_like(tok) or tok.lower.endswith("ing") or tok.lower in PASSIVE:
            continue
        before = toks[i - 1]
        if not before.is_word or not (before.is_capital or pronoun_of(before) is not None):
            continue
        phrase = backward_np(toks, i - 1, s.floor(i - 1))
        if not phrase:
            return None
        opening = s.index_of(phrase[0])
        if opening > 0 and not (
            toks[opening - 1].text == "," or toks[opening - 1].lower in SUBORDINATORS
        ):
            return None  # "The Ministry of the Interior and Safety urged": part of a name
        mention = mention_from_tokens(phrase, s.text)
        if mention is not None and (mention.name or mention.pronoun):
            return mention
        return None
    return None


def joint_names(
    s: Sentence, mention: Mention, phrase: list[Token], floor: int
) -> tuple[Mention, list[Token]]:
    """'"...," Smith and Jones said': two names that speak together are one speaker."""
    toks = s.toks
    i = s.index_of(phrase[0])
    if i < floor + 2 or toks[i - 1].lower != "and":
        return mention, phrase
    if pronoun_of(toks[i - 2]) is not None and s.in_quote[i - 2] is None:
        # '"...," he and Mr. Allen said': the one named speaks for both.
        return mention, list(toks[i - 2 : i + len(phrase)])
    if not toks[i - 2].is_capital:
        return mention, phrase
    office = (mention.role or "").split()
    if (
        office
        and phrase[0].text == office[0]  # not "Gibson and his Icon Productions partner ..."
        and mention.name
        and len(office) > 1
        and office[0][:1].isupper()
        and office[0].lower() not in TITLE_WORDS
    ):
        # "Work and Pensions Secretary Alan Johnson": the words before "and" belong to
        # the office the name holds, not to a second speaker.
        return _whole_office(s, mention, phrase, i, floor)
    k = i - 2
    while (
        k > floor
        and i - k < 5
        and toks[k - 1].is_capital
        and toks[k - 1].lower not in CONJUNCTIONS
        and s.in_quote[k - 1] is None
    ):
        k -= 1
    if toks[k].lower in CONJUNCTIONS or (k > 0 and toks[k - 1].text == ","):
        return mention, phrase  # "Culture, Media and Sport": the tail of a longer name
    if s.in_quote[k] is not None or (k > 0 and toks[k - 1].lower in PREPOSITIONS):
        return mention, phrase  # "the senators from Ohio and Texas said"
    span = Span(toks[k].start, phrase[-1].end)
    text = s.text[span.start : span.end]
    return Mention(span, text, text, None), list(toks[k : i + len(phrase)])


def _whole_office(
    s: Sentence, mention: Mention, phrase: list[Token], i: int, floor: int
) -> tuple[Mention, list[Token]]:
    """The mention of a name whose office has "and" in it ("Work and Pensions Secretary
    Alan Johnson", "Culture, Media and Sport Secretary Tessa Jowell"), from the first
    capitalised word of the office; `i` is the token after the "and"."""
    toks = s.toks
    k = i - 2
    while (
        k > floor
        and s.in_quote[k - 1] is None
        and (
            toks[k - 1].is_capital
            or (toks[k - 1].text == "," and k > floor + 1 and toks[k - 2].is_capital and i - k < 6)
        )
    ):
        k -= 1
    if toks[k].text == ",":
        k += 1
    span = Span(toks[k].start, phrase[-1].end)
    role = s.text[toks[k].start : toks[i].start] + (mention.role or "")
    return replace(mention, span=span, text=s.text[span.start : span.end], role=role), list(
        toks[k : i + len(phrase)]
    )


def by_subject(s: Sentence, first: int) -> Mention | None:
    """The subject right before "VERB by" + the cue at `first`: "he began by saying",
    "Reyes responded by saying"."""
    toks = s.toks
    if first < 3 or toks[first - 1].lower != "by":
        return None
    verb = first - 2
    if verb > 1 and toks[verb].lower.endswith("ly"):
        verb -= 1  # "reacted immediately by repeating"
    if not (finite(toks[verb]) or toks[verb].lower in COMMON_VERBS):
        return None  # "control their players just by speaking to them": no verb
    j = verb - 1
    if s.in_quote[j] is not None or not toks[j].is_word:
        return None
    phrase = backward_np(toks, j, s.floor(j))
    return mention_from_tokens(phrase, s.text) if phrase else None


def passive_agent(s: Sentence, first: int) -> Mention | None:
    """Who did the deed of a passive clause that ends at the comma before the cue at
    `first`: "The bill was backed by some hi-tech firms, saying they needed ..." (the
    firms say it, not the bill)."""
    toks = s.toks
    comma = first - 1
    if comma < 4 or toks[comma].text != ",":
        return None
    by = next((i for i in range(comma - 1, max(0, comma - 8), -1) if toks[i].lower == "by"), None)
    if by is None or by < 2 or not toks[by - 1].lower.endswith("ed"):
        return None
    aux = by - 2
    if aux > 0 and toks[aux].lower in PASSIVE_ADVERBS:
        aux -= 1
    if toks[aux].lower not in PASSIVE or not all(t.is_word for t in toks[by + 1 : comma]):
        return None
    return mention_from_tokens(list(toks[by + 1 : comma]), s.text) if by + 1 < comma else None


def relative_clause_before(s: Sentence, j: int) -> int | None:
    """The comma that opens a relative clause or a saying participle's phrase ending in a
    quotation at token `j` (', who called the plan "a disaster,"', ', citing "the unique
    magic of Trump,"' before "said"), so that the speaker is read before it, not after
    the quotation."""
    toks = s.toks
    if j < 3:
        return None
    index = s.in_quote[j]
    if index is None:
        return None  # a plain aside before the cue is `_appositive`'s to read
    inner = s.quotes[index].inner
    if not s.text[inner.start : inner.end].rstrip().endswith(","):
        return None
    for k in range(j - 1, max(0, j - 30), -1):
        if s.in_quote[k] is not None or toks[k].text != ",":
            continue
        opening = toks[k + 1]
        if opening.lower in ASIDE_RELATIVES or (
            # a verb of saying in -ing quotes words of its own ("citing", "calling"); not
            # "using the tax "is a misguided approach," said ...", the claim's subject
            opening.lower.endswith("ing") and opening.lower in CUE_FORMS
        ):
            return k
        return None
    return None


def goes_on(s: Sentence, to: int, verb: str) -> bool:
    """The words before token `to` are "went on", and `verb` after it says something:
    "went on to say", "goes on to add"; not "went on to write three novels"."""
    toks = s.toks
    return (
        verb in GOES_ON_TO
        and toks[to - 1].lower == "on"
        and toks[to - 2].lower in GO_FORMS
        and s.in_quote[to - 2] is None
    )

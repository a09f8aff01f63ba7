"""What a word is by its form: a verb in a tense, a plural, a time word, a possessive.

Small predicates over tokens that the passes share; none of them reads more than a
few tokens around the one it is asked about.
"""

from __future__ import annotations

import bisect
import re

from ..model import Span
from .blocks import Token
from .lexicon import (
    AND_BUT,
    AND_BUT_OR,
    APOSTROPHES,
    AUXILIARIES,
    CLAUSE_BREAKS,
    CLAUSE_PRONOUNS,
    CLAUSE_SUBJECTS,
    COMMON_VERBS,
    CONTENT_BREAKS,
    CUE_FORMS,
    CURRENCY_SIGNS,
    DETERMINERS,
    FINITE_WORDS,
    IS_CONTRACTED,
    JOINERS,
    MONTHS,
    NATIONAL_ENDINGS,
    NOT_BEFORE_VERB,
    NOUN_AFTER,
    NOUNS_IN_LY,
    NP_STOP,
    PARTICIPLE_MODIFIERS,
    PLURAL_LOOKING,
    PRE_CUE_SKIP,
    PREPOSITIONS,
    RELATIVE_WORDS,
    ROLE_HEADS,
    SAME_PAST,
    SAME_PAST_OBJECTS,
    SAYING_VERBS,
    SUBJECT_DEMONSTRATIVES,
    TENSED,
    TIME_WORDS,
    TITLE_SMALL_WORDS,
    VERB_ADVERBS,
    VERB_CONTRACTIONS,
)
from .mentions import pronoun_of
from .sentence import Sentence

# The form of a noun: letters, or words joined by hyphens ("64-year-old", "vice-chair"),
# a possessive ending aside ("the show's producers").
_NOUN_FORM = re.compile(r"[a-z]+|[a-z0-9]+(?:-[a-z0-9]+)+")


def opens_noun(tok: Token) -> bool:
    """A determiner or a possessive: a noun follows ("the", "his", "Clinton's")."""
    low = tok.lower
    return low in DETERMINERS or low.endswith(("'s", "’s")) or tok.text in APOSTROPHES


def noun_like(tok: Token) -> bool:
    """A lower-case word that may stand in a noun phrase: not a verb form we know, not an
    adverb, not a function word."""
    low = tok.lower
    return (
        tok.is_word
        and (low.isalpha() or _NOUN_FORM.fullmatch(without_possessive(low)) is not None)
        and low not in NP_STOP
        and low not in PRE_CUE_SKIP
        and low not in CUE_FORMS
        and low not in COMMON_VERBS
        and not low.endswith(("ed", "ly"))
    )


def is_time_word(tok: Token) -> bool:
    """A word of a time phrase: "last", "Monday", "March", "2016", "this week"."""
    low = tok.lower
    return low in TIME_WORDS or low in MONTHS or low[:1].isdigit()


def adverb_in_ly(tok: Token) -> bool:
    """A lower-case adverb in -ly ("repeatedly", "publicly"), not a noun that ends so
    ("the family said", "a U.S. ally said")."""
    low = tok.lower
    return low.endswith("ly") and not tok.is_capital and len(low) > 4 and low not in NOUNS_IN_LY


def verb_like(tok: Token) -> bool:
    """A word that may be the verb after a subject: a form we know, or a past or present
    tense by its ending ("hailed", "calls")."""
    low = tok.lower
    if not tok.is_word or tok.is_capital:
        return False
    if low in CUE_FORMS or low in COMMON_VERBS or low in PRE_CUE_SKIP:
        return True
    return low.isalpha() and low.endswith(("ed", "s")) and not low.endswith(("ss", "ous", "us"))


def may_speak(phrase: list[Token]) -> bool:
    """A phrase after the verb that can be who spoke ("said Jo Reyes", "said a spokesman"),
    not what was spoken of ("said the convention ...")."""
    return any(t.is_capital for t in phrase) or any(t.lower in ROLE_HEADS for t in phrase)


def finite(tok: Token) -> bool:
    """A verb in a tense of its own ("criticized", "backed", "said"), by form; unlike
    `verb_like`, a plural noun ("forces") is not one."""
    low = tok.lower
    if not tok.is_word or tok.is_capital:
        return False
    return low in CUE_FORMS and not low.endswith("ing") or low.endswith("ed")


def plural_form(low: str) -> bool:
    """A lower-case word that ends as a plural noun does ("ads", "observers"): not "-ss",
    "-us", "-is", a possessive, or a noun that only looks plural ("news")."""
    return (
        low.endswith("s")
        and not low.endswith(("ss", "us", "is"))
        and not possessive(low)
        and low not in PLURAL_LOOKING
    )


def plural_noun(tok: Token) -> bool:
    """A word of four letters or more ending as plurals do ("investors", "cheers", and a
    possessive such as "today's"), which an infinitive never is: "wrote to investors" is
    not "said to be"."""
    low = tok.lower
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def without_possessive(words: str) -> str:
    """A name without its possessive ending: "Donald Trump's" -> "Donald Trump"."""
    return words[:-2] if possessive(words) else words


def possessive(word: str) -> bool:
    """A word with the possessive ending ("Trump's", "Clinton’s")."""
    return word.endswith(("'s", "’s"))


def clause_starts(s: Sentence, k: int) -> bool:
    """Token `k` starts a clause without "that": a subject pronoun ("maintained it
    was ..."), or a noun phrase whose verb is an auxiliary a few words on ("maintains
    the case has no place")."""
    toks = s.toks
    if pronoun_of(toks[k]) is not None or toks[k].lower in CLAUSE_PRONOUNS:
        return True
    for tok in toks[k + 1 : k + 7]:
        if not tok.is_word:
            return False
        if tok.lower in AUXILIARIES:
            return True
    return False


def _clause_follows(s: Sentence, k: int, last: int) -> bool:
    """A clause with its own verb runs from token `k` to the next comma or `last`."""
    toks = s.toks
    for j in range(k, last):
        if toks[j].text == ",":
            return False
        if j > k and s.in_quote[j] is None and _finite_at(toks, j, k, last):
            return True
    return False


def holds_clause(s: Sentence, span: Span) -> bool:
    """`span` is a clause of its own: a verb in a tense of its own (`has_finite_verb`)
    outside the subordinate clauses it holds ("a 222% rise in profit after sales were
    boosted") and past a relative clause ("a man who was arrested has been charged"),
    not only inside one ("a trial tool which is concerning users", "its report, which
    said sales were up")."""
    toks = s.toks
    first = bisect.bisect_left(s.starts, span.start)
    last = bisect.bisect_left(s.starts, span.end)
    k = first
    relative = False  # inside a relative clause whose verb is not yet read
    past_relative = -1  # where the verb of the last relative clause stood
    while k < last:
        tok = toks[k]
        low = tok.lower
        outside = s.in_quote[k] is None
        if (
            k > first
            and outside
            and low in AND_BUT
            and toks[k - 1].text == ","
            and _clause_follows(s, k + 1, last)
        ):
            # "confirmed the revelation, and the secret was finally out": a clause of the
            # writer's own follows what the cue took, which held no verb; not "the
            # bridge, and the road beside it, would close"
            break
        if (
            k > first + 1
            and outside
            and (
                # "released its console and has already raised targets": the coordinated
                # verb goes on with the sentence's subject, up to the next comma
                (low in AND_BUT_OR and k + 1 < last and _coordinated_verb(toks[k + 1]))
                or low in CLAUSE_BREAKS
                or (low in RELATIVE_WORDS and toks[k - 1].text == ",")
                # "responded to the mother by saying his refusal was ...": the gerund's
                or (low == "by" and k + 1 < last and says_in_ing(toks[k + 1]))
            )
        ):
            # The subordinate clause runs to the next comma, or to the end; so does a
            # relative clause a comma opens ("her records, which showed she was fit"),
            # and a verb right after its comma is the clause's ("the decision, which
            # struck down the law, illustrates ...").
            k = next((j for j in range(k + 1, last) if toks[j].text == ","), last)
            relative = False
            if low in RELATIVE_WORDS and k + 1 < last and verb_like(toks[k + 1]):
                return True
        elif k > first and outside and low == "who" and k + 1 < last and _bare_word(toks[k + 1]):
            relative, past_relative = False, k + 1  # "members who cast ballots": its verb
            k += 1
        elif k > first and outside and low in RELATIVE_WORDS:
            relative = True
        elif relative and tok.text == ",":
            relative = False  # "the bridge, which opened in 1990, was unsafe"
        elif (
            low.endswith("ed")
            and toks[k - 1].lower in AND_BUT_OR
            and k + 1 < last
            and toks[k + 1].lower in DETERMINERS
            and not relative
        ):
            # "added a category and divvied the show's hosting duties": a verb after "and"
            # with its object is the sentence's subject's, and so is what it takes
            break
        elif (
            _finite_at(toks, k, first, last)
            # "posted record losses and missed rent payments": the sentence's subject's
            and not (low.endswith("ed") and toks[k - 1].lower in AND_BUT_OR)
            and not (
                # "people killed by police": a participle, not the clause's verb
                k + 1 < last
                and toks[k + 1].lower == "by"
                and low.endswith("ed")
                and low not in FINITE_WORDS
            )
        ):
            if relative:
                relative, past_relative = False, k  # the relative clause's own verb
                if low in CLAUSE_SUBJECTS:
                    k += 1  # "a conference at which he was speaking": its subject, its verb
            elif past_relative < 0 or _plainly_finite(toks, k):
                return True
        k += 1
    return False


def _coordinated_verb(tok: Token) -> bool:
    """A verb right after "and", "but" or "or": an auxiliary or a verb of a tense of its
    own ("and has raised", "but is keeping", "and made"); a word in -ed may be an
    adjective there ("the heat and unsettled weather")."""
    low = tok.lower
    return tok.is_word and not tok.is_capital and low in TENSED


def breaks_content(tok: Token) -> bool:
    """A word after a comma that opens another clause, not more of the content: "while",
    "according", or a verb of saying in -ing ("..., telling reporters that ...")."""
    return tok.lower in CONTENT_BREAKS or says_in_ing(tok)


def says_in_ing(tok: Token) -> bool:
    """A verb of saying in -ing ("by saying", "by telling"), which reports for itself."""
    low = tok.lower
    return low.endswith("ing") and CUE_FORMS.get(low) in SAYING_VERBS


def _plain_word(tok: Token) -> bool:
    """A lower-case word of letters, no determiner, no adverb in -ly."""
    low = tok.lower
    return (
        tok.is_word
        and not tok.is_capital
        and low.isalpha()
        and low not in DETERMINERS
        and not low.endswith("ly")
    )


def _bare_word(tok: Token) -> bool:
    """A lower-case word that is no pronoun, article or adverb: after "who", its verb."""
    low = tok.lower
    return (
        _plain_word(tok)
        and pronoun_of(tok) is None
        and low not in VERB_ADVERBS
        and low not in TIME_WORDS
        and low != "not"
    )


def _plainly_finite(toks: list[Token], k: int) -> bool:
    """Token `k`, after a relative clause and its verb, is a verb by its
    form alone: a known tense or an auxiliary, or a word in -ed not right after an
    auxiliary ("who was arrested"); not a word that only may be a verb ("some net
    users")."""
    low = toks[k].lower
    if low in FINITE_WORDS or low in AUXILIARIES or low in IS_CONTRACTED:
        return True
    # "who voted supported the strike": right after a verb of its own, not after an
    # auxiliary ("who was arrested"), a word in -ed is the clause's verb
    return low.endswith("ed") and toks[k - 1].lower not in AUXILIARIES


def has_finite_verb(s: Sentence, span: Span) -> bool:
    """`span` holds a verb in a tense of its own: a clause ("the policy was ...", "she'd
    go", "costs rose"), not a phrase ("the offer", "late Saturday", "artillery shells and
    rockets from Pyongyang"). By form, without a parser: an auxiliary or a known tense,
    a contraction that holds a verb, a word in -ed not after a determiner ("the proposed
    plan"), or a word after a subject pronoun."""
    first = bisect.bisect_left(s.starts, span.start)
    last = bisect.bisect_left(s.starts, span.end)
    return any(_finite_at(s.toks, k, first, last) for k in range(first, last))


def finite_verbs(s: Sentence, span: Span) -> int:
    """How many verbs in a tense of their own (`has_finite_verb`) `span` holds, an
    auxiliary and its participle one ("when the votes were counted": one; "as the river
    rose the village emptied": two)."""
    toks = s.toks
    first = bisect.bisect_left(s.starts, span.start)
    last = bisect.bisect_left(s.starts, span.end)
    found = [_finite_at(toks, k, first, last) for k in range(first, last)]
    return sum(
        1
        for i, verb in enumerate(found)
        if verb and not (i > 0 and (found[i - 1] or toks[first + i - 1].lower in AUXILIARIES))
    )


def _finite_at(toks: list[Token], k: int, first: int, last: int) -> bool:
    """Token `k` of tokens `first`..`last` is a verb in a tense of its own, or a
    subject right before one (`has_finite_verb`)."""
    tok = toks[k]
    if not tok.is_word:
        return False
    low = tok.lower
    if low in FINITE_WORDS and k > first and toks[k - 1].lower in PARTICIPLE_MODIFIERS:
        # "one paid staffer", "a lost cause", "his hidden costs": a participle as an
        # adjective after an article, a possessive or a number
        return low in AUXILIARIES or low.endswith("s")
    if low in FINITE_WORDS or low in IS_CONTRACTED or low.endswith(VERB_CONTRACTIONS):
        return True
    if (
        low.endswith("ed")
        and (len(low) > 4 or low.endswith("ied"))  # "lied", "died"; not "shed", "need"
        and not tok.is_capital
        and "-" not in low  # "larger-than-expected profits": an adjective
        and not (k > first and toks[k - 1].lower in DETERMINERS)
        # "a closely guarded secret", "the newly elected mayor": an adjective
        and not (k > first + 1 and adverb_in_ly(toks[k - 1]) and toks[k - 2].lower in DETERMINERS)
    ):
        return True
    if low in CLAUSE_SUBJECTS and k + 1 < last and toks[k + 1].is_word:
        return True
    if low in SAME_PAST and k > first and k + 1 < last and _same_past_verb(toks, k):
        return True
    if low == "it" and k + 1 < last and _verb_after_it(toks[k + 1]):
        return True
    if k > first + 1 and _after_verb_adverb(toks, k):
        return True
    return k > first and _present_after_subject(toks, k, first)


def _same_past_verb(toks: list[Token], k: int) -> bool:
    """Token `k`, a verb whose past is its bare form ("cut", "put"), stands between a
    subject and what it takes: "the company cut 500 jobs", "Clinton put his name
    forward", "costs hit a record"; not a noun ("a tax cut in", "the hit single") nor an
    infinitive ("to cut costs", "will cut": the auxiliary is the verb)."""
    before, after = toks[k - 1], toks[k + 1]
    low = before.lower
    if not before.is_word or low in DETERMINERS or low in PREPOSITIONS or low in AUXILIARIES:
        return False
    if low in NOT_BEFORE_VERB or low.endswith("ly"):
        return False
    return (
        after.lower in SAME_PAST_OBJECTS
        or after.text[0].isdigit()
        or after.text in CURRENCY_SIGNS
        # "Clinton put Mr. Kim's name", but not "the top five hit Money"
        or (after.is_capital and before.is_capital)
    )


def _after_verb_adverb(toks: list[Token], k: int) -> bool:
    """Token `k` is a verb after an adverb that stands before verbs, itself after the
    subject's noun: "the location never shut its doors", "the congressman also plans",
    "candidates probably need"; not "the plan also the ..."."""
    before = toks[k - 1].lower
    if before not in VERB_ADVERBS:
        return False
    subject = toks[k - 2]
    tok = toks[k]
    low = tok.lower
    return (
        subject.is_word
        and (subject.is_capital or noun_like(subject))
        and tok.is_word
        and not tok.is_capital
        and low.isalpha()
        and low not in DETERMINERS
        and low not in NP_STOP
        and low not in VERB_ADVERBS
        and not low.endswith(("ly", "ing"))
    )


def _verb_after_it(tok: Token) -> bool:
    """The word after "it" is its verb ("it shot down", "it plans"), not what follows
    "it" as an object ("called it a mistake", "took it seriously", "put it on hold")."""
    return _plain_word(tok) and tok.lower not in NP_STOP


def _bare_after_plural(toks: list[Token], k: int, first: int) -> bool:
    """Token `k` is a verb's bare form after a plural subject: "the videos exist", "the
    talks continue" (a verb we know in its bare form, a noun after a determiner), or a
    plain word followed by its object after a plural that opens the clause or follows a
    possessor ("smugglers dig tunnels", "Sri Lanka's banks face hard times")."""
    if k < 1 or toks[k].is_capital:
        return False
    before = toks[k - 1]
    if not (
        before.is_word and not before.is_capital and plural_form(before.lower) and noun_like(before)
    ):
        return False  # the cheap test first: this runs on every word of a clause
    # the plural opens the clause, maybe after a few nouns and names that modify it
    # ("Trump campaign strategists plan to ...")
    opens = k - 1 == first or (
        k - 1 - first <= 3
        and toks[first].is_capital
        and all(t.is_word and (t.is_capital or noun_like(t)) for t in toks[first : k - 1])
    )
    owned = k >= 2 and possessive(toks[k - 2].lower)
    if not (opens or owned or toks[k - 2].lower in DETERMINERS):
        return False
    low = toks[k].lower
    if low in COMMON_VERBS or CUE_FORMS.get(low) == low:
        return True
    return (
        (opens or owned)
        and noun_like(toks[k])
        and _plain_word(toks[k])
        and low not in JOINERS  # "the victims of the war": no verb
        and not plural_form(low)
        and not low.endswith(("ing", "ed", "ly"))
        and k + 1 < len(toks)
        and (toks[k + 1].lower in DETERMINERS or noun_like(toks[k + 1]))
        and toks[k + 1].lower not in JOINERS  # "rivals ahead of the match": no verb
    )


def _present_after_subject(toks: list[Token], k: int, first: int) -> bool:
    """Token `k` is a verb in the present after its subject: a name ("Clinton leads")
    or a noun after a determiner ("the law targets"), not a noun after one ("the
    talks")."""
    tok = toks[k]
    low = tok.lower
    if _bare_after_plural(toks, k, first):
        return True
    if tok.is_capital or len(low) < 4 or not plural_form(low) or low.endswith("ous"):
        return False
    before = toks[k - 1]
    if before.lower in SUBJECT_DEMONSTRATIVES and (k < 2 or not toks[k - 2].is_word):
        return True  # "This includes a special force": the demonstrative is the subject
    if not before.is_word or before.lower in DETERMINERS or before.lower in NP_STOP:
        return False
    if possessive(before.lower):
        return False  # "Ms Villalba's claims": what the possessor has, not a verb
    if before.text[:1].isdigit():
        return False  # "in the 12 months": a number counts the noun
    if k >= 2 and toks[k - 2].lower in NOUN_AFTER:
        return False  # "the strength of Irish athletics": a noun inside a phrase
    if before.is_capital:
        # "Clinton leads"; not "Democratic strongholds", "British voters": an adjective
        return not before.lower.endswith(NATIONAL_ENDINGS)
    if k - 1 == first and noun_like(before) and not plural_form(before.lower):
        # "research suggests that ...": a bare noun opens the clause, and the verb takes
        # a clause or an object; not "job cuts", "price rises at the firm".
        after = toks[k + 1] if k + 1 < len(toks) else None
        return after is not None and (after.lower == "that" or after.lower in DETERMINERS)
    return k >= 2 and (
        toks[k - 2].lower in DETERMINERS
        or possessive(toks[k - 2].lower)
        # "The Trump job marks": a name that modifies the subject's noun
        or (toks[k - 2].is_capital and k >= 3 and toks[k - 3].lower in DETERMINERS)
    )


# A quotation whose words are this share capitalised or more is a title or a name.
TITLE_SHARE = 0.8


def is_title(words: list[str]) -> bool:
    """Words mostly capitalised: a title or a name ("Morning Joe", "The Art of the
    Deal"), not words said."""
    # The small words a title leaves in lower case ("Fox and Friends") count for nothing.
    letters = [w for w in words if w[:1].isalpha() and w not in TITLE_SMALL_WORDS]
    return bool(letters) and sum(w[0].isupper() for w in letters) >= TITLE_SHARE * len(letters)

"""What a word is by its form: a verb in a tense, a plural, a time word, a possessive.

Small predicates over tokens that the passes share; none of them reads more than a
few tokens around the one it is asked about.
"""

from __future__ import annotations

from .blocks import Token
from .lexicon import (
    APOSTROPHES,
    AUXILIARIES,
    CLAUSE_PRONOUNS,
    COMMON_VERBS,
    CUE_FORMS,
    DETERMINERS,
    MONTHS,
    NP_STOP,
    PLURAL_LOOKING,
    PRE_CUE_SKIP,
    ROLE_HEADS,
    TIME_WORDS,
)
from .mentions import pronoun_of
from .sentence import Sentence


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
        and low.isalpha()
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

"""Find cues: the words of a sentence that report speech.

A cue is a verb of saying ("said", "told", "warned"), a phrase ("according to",
"quoted as saying", "pointed out", "points out", "put it"), a noun of saying after its possessor
("Trump's claim that"), or a colon between a name and a quotation. Each is given as
(first token, last token, cue text); `shapes` then reads the claim each one reports.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Span
from .filters import is_speech
from .grammar import clause_starts, plural_noun, possessive, without_possessive
from .lexicon import (
    AFTER_QUOTE_CUES,
    CLAUSE_OPENERS,
    CUE_FORMS,
    CUE_TOKENS,
    INTRODUCING_MARKS,
    NOMINAL_CUES,
    NP_STOP,
    PASSIVE,
    PERSON_PRONOUNS,
    PHRASE_STARTS,
    PLURAL_CUES,
    PLURAL_SUBJECTS,
    POINT_FORMS,
    POSSESSIVE_PRONOUNS,
    POSSESSIVE_TOKENS,
    PREPOSITIONS,
    PUT_FORMS,
    SPOKEN_NOUNS,
    SUBJECT_PRONOUNS,
)
from .mentions import SENT_NOUNS, Mention, mention_from_tokens, pronoun_of
from .sentence import Sentence


def find_cues(s: Sentence, trace: list[str] | None = None) -> list[tuple[int, int, str]]:
    """(first token, last token, cue text) of every cue outside quotations: a verb
    of saying that `filters.is_speech` lets through, a cue of several words ("according
    to"), a noun of saying with its possessor ("Trump's claim that"), a bare form after
    a plural subject ("Critics note"), "reads" by a quotation, and a colon after a name
    before a quotation ('Cecile Richards: "..."'). With `trace`, the filter rules that
    kept a word from being a cue are named there."""
    found = []
    toks = s.toks
    n = len(toks)
    # Only a colon or a word that can start a cue can be one: look at those alone.
    candidates = [k for k, tok in enumerate(toks) if tok.lower in CUE_TOKENS]
    resume = 0  # the token after the last phrase cue found
    for k in candidates:
        if k < resume:
            continue
        if toks[k].text == ":" and 0 < k < n - 1 and _introduces_quotation(s, k):
            found.append((k, k, ":"))
            continue
        if toks[k].text == ":" and k == n - 1 and not found and _introduces_next(s, k):
            found.append((k, k, ":"))
            continue
        if s.in_quote[k] is not None or not toks[k].is_word:
            continue
        low = toks[k].lower
        if low in PHRASE_STARTS:
            phrase = phrase_cue(s, k)
            if phrase is not None:
                found.append(phrase)
                resume = _past_source(s, phrase)
                continue
        if low in CUE_FORMS and is_speech(s, k, trace):
            found.append((k, k, toks[k].text))
        elif low in NOMINAL_CUES and possessor(s, k) is not None:
            found.append((k, k, toks[k].text))  # "Trump's claim that ..."
        elif low in PLURAL_CUES and plural_says(s, k):
            # "Legal observers note the White House ...": the bare form after a
            # plural subject, with a clause after it, is the verb, not a noun.
            found.append((k, k, toks[k].text))
        elif low in AFTER_QUOTE_CUES and _next_to_quotation(s, k):
            found.append((k, k, toks[k].text))
    return found


def _past_source(s: Sentence, phrase: tuple[int, int, str]) -> int:
    """The token after a phrase cue and, after "according to", after the source it
    names: "according to people briefed on the plan" holds no cue of its own."""
    end = phrase[1] + 1
    if phrase[2] != "according to":
        return end
    toks = s.toks
    for j in range(end, min(len(toks), end + 10)):
        if not toks[j].is_word or s.in_quote[j] is not None:
            return j
    return end


def _introduces_quotation(s: Sentence, k: int) -> bool:
    """The colon at `k` stands between a name and a quotation: 'Cecile Richards: "..."',
    'Rep. Trey Gowdy (R-S.C.): "..."', 'Sanders made the following comment: "..."'."""
    toks = s.toks
    if s.in_quote[k] is not None or s.in_quote[k + 1] is None:
        return False
    before = toks[k - 1]
    if before.is_word:
        # not after a verb of saying, whose colon it is ("said:"); after its noun, yes
        # ("made the following comment:")
        if before.lower not in CUE_FORMS:
            return True
        # "was asked:": the one asked is no speaker of the quotation
        return not is_speech(s, k - 1) and not (k >= 2 and toks[k - 2].lower in PASSIVE)
    return before.text == ")" and "(" in {t.text for t in toks[max(0, k - 8) : k]}


def _introduces_next(s: Sentence, k: int) -> bool:
    """The colon at `k` ends the sentence after a noun of saying that is not a verb
    there ("Sanders made the following comment:"): it introduces what the next
    paragraph quotes, as "Smith told the crowd:" does (`find_cues` asks only when the
    sentence has no other cue: "Clinton released the following statement:" is
    "released"'s)."""
    before = s.toks[k - 1]
    return (
        s.in_quote[k] is None
        and before.is_word
        and (before.lower in SPOKEN_NOUNS or before.lower in SENT_NOUNS)
        and (before.lower not in CUE_FORMS or not is_speech(s, k - 1))
    )


def _next_to_quotation(s: Sentence, k: int) -> bool:
    """ "reads" or "states" at `k` stands by a quotation: '"...," reads the editorial',
    '"...," the ad states', 'it reads: "..."'."""
    toks = s.toks
    return (
        k > 0
        and not toks[k].is_capital
        and (
            any(q is not None for q in s.in_quote[max(0, k - 6) : k])
            or (toks[k - 1].is_word and s.quote_after(k + 1) is not None)
        )
    )


def phrase_cue(s: Sentence, k: int) -> tuple[int, int, str] | None:
    """A cue of several words starting at `k`: "according to", "quoted as saying",
    "pointed out", "put it" ("as Jo Reyes put it, "..."")."""
    toks = s.toks
    n = len(toks)
    low = toks[k].lower
    nxt = toks[k + 1].lower if k + 1 < n else ""
    if low == "according" and nxt == "to":
        return k, k + 1, "according to"
    if low == "quoted" and nxt == "as" and k + 2 < n and toks[k + 2].lower == "saying":
        return k, k + 2, "quoted as saying"
    if low in POINT_FORMS and nxt == "out":
        return k, k + 1, f"{s.toks[k].text} out"
    if (
        low in PUT_FORMS
        and nxt == "it"
        and k > 0
        and (toks[k - 1].is_word or toks[k - 1].text == ",")
        # "as Reyes put it", "put it bluntly: ...", not "put it on the table"
        and (
            any(t.lower == "as" for t in toks[max(0, k - 5) : k])
            or any(
                t.text in INTRODUCING_MARKS or s.in_quote[i] is not None
                for i, t in enumerate(toks[k + 2 : k + 5], start=k + 2)
            )
        )
    ):
        return k, k + 1, toks[k].text + " it"
    return None


def possessor(s: Sentence, k: int) -> Mention | None:
    """Who owns the noun of saying at `k` ("Trump's claim", "her assertion"), when a
    "that" clause or an infinitive follows it; None otherwise."""
    toks = s.toks
    if k + 2 >= len(toks):
        return None
    if toks[k + 1].lower == "to":
        if not toks[k + 2].is_word:
            return None
    elif toks[that_after(s, k + 1)].lower != "that":
        return None
    j = k - 1
    if plural_noun(toks[j]) and not possessive(toks[j].lower):
        return None  # "His lawyers claim that ...": a verb after its plural subject
    while (
        j > 0
        and k - j <= 3
        and toks[j].is_word
        and not toks[j].is_capital
        and (toks[j].lower not in POSSESSIVE_PRONOUNS and not possessive(toks[j].lower))
    ):
        j -= 1  # "Trump's recent evidence-free assertion"
    if j < 0 or s.in_quote[j] is not None:
        return None
    low = toks[j].lower
    if low in POSSESSIVE_PRONOUNS:
        pronoun = POSSESSIVE_PRONOUNS[low]
        return Mention(
            Span(toks[j].start, toks[j].end),
            toks[j].text,
            None,
            None,
            pronoun=pronoun,
            gender=PERSON_PRONOUNS.get(pronoun),
        )
    if low in POSSESSIVE_TOKENS and j > 0:
        end = j - 1
    elif possessive(low) and toks[j].is_capital:
        end = j
    else:
        return None
    begin = end
    while begin > 0 and toks[begin - 1].is_capital and s.in_quote[begin - 1] is None:
        begin -= 1  # the name's capitalised words: "Donald Trump's"
    if not toks[end].is_capital:
        return None
    mention = mention_from_tokens(list(toks[begin : end + 1]), s.text)
    if mention is None or not mention.name:
        return None
    text = without_possessive(mention.text)
    return replace(
        mention,
        span=Span(mention.span.start, mention.span.start + len(text)),
        text=text,
        name=without_possessive(mention.name),
    )


def that_after(s: Sentence, k: int) -> int:
    """Token `k`, or the "that" a short phrase after it leads to ("her assertion during
    the debate that ...")."""
    toks = s.toks
    if toks[k].lower in PREPOSITIONS:
        for j in range(k + 1, min(len(toks) - 1, k + 6)):
            if s.in_quote[j] is not None or not toks[j].is_word:
                break
            if toks[j].lower == "that":
                return j
    return k


def plural_says(s: Sentence, k: int) -> bool:
    """The word at `k` follows a plural subject and a clause follows it."""
    toks = s.toks
    if k == 0 or k + 1 >= len(toks) or s.in_quote[k - 1] is not None:
        return False
    before = toks[k - 1]
    plural = before.lower in PLURAL_SUBJECTS or (
        before.is_word
        and plural_noun(before)
        and not possessive(before.lower)
        and before.lower not in NP_STOP
    )
    if not plural:
        return False
    nxt = k + 1
    return (
        toks[nxt].lower == "that"
        or s.in_quote[nxt] is not None
        or pronoun_of(toks[nxt]) in SUBJECT_PRONOUNS
        or (toks[nxt].lower in CLAUSE_OPENERS and clause_starts(s, nxt))
    )

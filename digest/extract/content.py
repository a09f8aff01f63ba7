"""Cut content spans: where the words a cue reports start and end.

`content_after` reads what follows a cue, step by step: past the cue's particle
("called for"), past when and to whom ("told reporters on Monday"), to the quotation
a colon introduces or the clause "that" opens, and on to where the content ends: the
sentence's end, a clause that starts another attribution (", adding ..."), or a
second verb of the speaker ("... and added that ..."). Each step may find that the
cue reports nothing here ("urged Moscow to ...", "by speaking to them").
"""

from __future__ import annotations

import bisect
import re

from ..model import Span
from .blocks import Token
from .grammar import (
    adverb_in_ly,
    breaks_content,
    clause_starts,
    finite,
    has_finite_verb,
    holds_clause,
    is_time_word,
    is_title,
    noun_like,
    verb_like,
)
from .lexicon import (
    AND_BUT,
    AND_BUT_OR,
    APPROXIMATELY,
    ARTICLES,
    AS_PHRASES,
    ASIDE_MARKS,
    ASKING,
    AT_LEAST,
    ATTRIBUTION_LEADS,
    AUXILIARIES,
    BARE_SAY,
    CLAUSE_ONLY,
    CLAUSE_OPENERS_AFTER,
    CLAUSE_WORDS,
    CLOCK_WORDS,
    CLOSING_BRACKETS,
    COMMON_VERBS,
    CONTENT_STOPS,
    CUE_FORMS,
    CUE_TRIGGERS,
    DETERMINERS,
    EXISTENTIAL,
    FINITE_IRREGULAR,
    FINITE_WORDS,
    INFINITIVE_ONLY,
    INTRODUCING_MARKS,
    JOINERS,
    MONTHS,
    NAMING_CUES,
    NOT_CLAUSE_START,
    NOUN_AFTER,
    OBJECT_CUES,
    OBJECT_PRONOUNS,
    OBJECT_TAKING,
    OBJECT_WORDS,
    PARTICLES,
    PERSON_RELATIVES,
    PLACED_ON,
    PRE_CUE_SKIP,
    PREPOSITIONS,
    QUANTIFIERS,
    QUANTITY_WORDS,
    QUESTION_OPENERS,
    RECIPIENTS,
    RELATIVE_WORDS,
    ROLE_HEADS,
    SAID_TOO,
    SPEAKING_PRONOUNS,
    STRANDING,
    SUBJECT_PRONOUNS,
    SUBORDINATE_ENDS,
    SUBORDINATORS,
    TALK_PARTICLES,
    TALK_VERBS,
    TELL_LIKE,
    TENSED,
    THAT_NOUNS,
    TIME_WORDS,
    TOLD_ARTICLES,
)
from .mentions import pronoun_of
from .sentence import Sentence, overlap

# Reported content longer than this (characters) is cut: no claim runs that long.
MAX_CONTENT = 1200
# Reported content shorter than this is a fragment ("Still, he said"), not a claim.
MIN_CONTENT_WORDS = 3
# A quoted title is at most this many words ("Morning Joe", "Face the Nation").
TITLE_WORDS_MAX = 5
# How far (tokens) a clause's opening or its verb is looked for around a cue ("When ...
# said", ", I laughed"): a run-on line costs no more than this per cue.
CLAUSE_REACH = 30
# How far after "told" the clause told may open, past whom and where.
WHOM_WORDS = 8
# Words of where something was said, between its preposition and "that" ("on his
# Twitter feed that").
PLACE_WORDS = 4


def content_after(
    s: Sentence, k: int, *, cue: str, used: set[int], gap: bool = False, closes: bool = False
) -> Span | None:
    """Reported content after a cue that ends before token `k`, or None when the cue
    reports nothing there; the quotations it takes are added to `used`.

    With `gap`, the cue stands in a relative clause whose pronoun is the content's
    subject or object ("which he said was ...", "whom she described as ..."): the
    content starts with a verb or "as" and ends with the relative clause. With
    `closes`, the cue stands in a relative clause after its speaker ("Reyes, who called
    the plan "a disaster," said ..."): the content ends before the sentence's verb.
    """
    low = cue.lower()
    base = CUE_FORMS.get(low)
    start = _content_start(s, k, low, base)
    if start is None:
        return None
    k, clause = start
    end = _content_end(s, k, base, clause, gap, closes)
    content = s.tidy(Span(s.toks[k].start, end))
    if not _reads_as_content(s, k, content, clause, gap):
        return None
    for index in s.quotes_in(content):
        quote = s.quotes[index]
        if overlap(content, quote.inner) * 2 >= len(quote.inner):
            used.add(index)
    return content


def _content_start(s: Sentence, k: int, low: str, base: str | None) -> tuple[int, bool] | None:
    """Where the content of the cue `low` (base form `base`) starts, from token `k`, and
    whether a "that" clause opens it; None when the cue reports nothing."""
    toks = s.toks
    n = len(toks)
    told = base in TELL_LIKE
    if k < n and toks[k].lower in PARTICLES and s.in_quote[k] is None and low not in BARE_SAY:
        particle = _past_particle(s, k, base)
        if particle is None:
            return None
        k = particle
    cue_end = k
    k, comma = _past_setting(s, k, told)
    k = _to_introduced_quotation(s, k)
    if comma and k < n and s.in_quote[k] is None and toks[k].lower != "that":
        aside = _past_comma_aside(s, k)
        if aside is None:
            return None  # "..., a spokesman said, after the waiver": the content came before
        k = aside
    if _appeal_or_stance(s, k, low, base):
        return None
    # "confirmed on his Twitter feed that": "on", read as a particle or a time word's,
    # right before
    placed = k > 0 and toks[k - 1].lower in PREPOSITIONS and s.in_quote[k - 1] is None
    k, clause = _to_that(s, k, told, placed)
    if base in ASKING and not clause:
        k = _past_asked(s, k)
    if told and not clause:
        k = _past_whom(s, k, whom=any(t.is_capital for t in toks[cue_end:k]))
    elif not clause and k < n and toks[k].lower in PREPOSITIONS and s.in_quote[k] is None:
        k = _past_place(s, k)
    if k >= n or toks[k].text in CLOSING_BRACKETS:
        return None  # '("We never slept," Reyes said) and ...': the aside ends there
    if base in CLAUSE_ONLY and not clause and s.in_quote[k] is None and not clause_starts(s, k):
        return None  # "the military was maintaining a full readiness posture"
    return k, clause


def _past_particle(s: Sentence, k: int, base: str | None) -> int | None:
    """A phrasal verb's particle at `k` belongs to the cue ("called for", "talked
    about"): the token after it, or None when the particle says to whom ("by speaking
    to them") or has no object of its own ("the plan they voted for in May")."""
    toks = s.toks
    if base in TALK_VERBS and toks[k].lower in TALK_PARTICLES:
        return None
    k += 1
    if k < len(toks) and s.in_quote[k] is None and stranded(s, k):
        return None  # "resolutions that Russia voted for between 2006 and 2017"
    return k


def _this_thing(s: Sentence, k: int) -> bool:
    """Token `k` is "this" standing for a thing ("said this was a mistake"), not
    opening a time phrase ("said this week")."""
    toks = s.toks
    return toks[k].lower == "this" and not (k + 1 < len(toks) and is_time_word(toks[k + 1]))


def _past_setting(s: Sentence, k: int, told: bool) -> tuple[int, bool]:
    """The token after time words, commas and colons, and (after "told") whom the
    speaker told ("told reporters on Monday"), with whether a comma was passed."""
    toks = s.toks
    n = len(toks)
    comma = False
    start = k
    while (
        k < n
        and s.in_quote[k] is None
        and (
            (toks[k].lower in TIME_WORDS and not _this_thing(s, k))
            or _in_date(s, k)
            or toks[k].text in INTRODUCING_MARKS
            # "said recently that ...": an adverb before the clause it introduces
            or (
                toks[k].lower.endswith("ly")
                and k + 1 < n
                and toks[k + 1].lower == "that"
                and s.in_quote[k] is None
            )
            or toks[k].lower == "however"
            or (
                told
                # "told him the GOP nominee had not paid": past a pronoun, what was told
                and not (k > start and toks[k - 1].lower in OBJECT_PRONOUNS)
                and (
                    (toks[k].lower in RECIPIENTS and not opens_content(s, k))
                    or (toks[k].is_capital and not _after_whom(s, k, start))
                    or (
                        toks[k].lower in OBJECT_WORDS
                        # "told the court her client would ...": whose, after whom
                        and (k == start or toks[k].lower not in OBJECT_PRONOUNS)
                    )
                )
            )
        )
    ):
        comma = comma or toks[k].text == ","
        k += 1
    return k, comma


def _in_date(s: Sentence, k: int) -> bool:
    """Token `k` is a month, or a day or year written beside one, in a date after "on" or
    "in" and before "that" ("announced on 12 October 2011 that", "on October 12, 2011,
    that"); not a number alone ("said 50 were injured"), a date that is the subject
    ("said 12 October was the worst day") or one that may be of what was said."""
    toks = s.toks

    def month(j: int) -> bool:
        return 0 <= j < len(toks) and toks[j].lower in MONTHS

    low = toks[k].lower
    if not (
        low in MONTHS
        or (low.isdigit() and (month(k - 1) or month(k + 1)))
        or (low.isdigit() and k >= 3 and toks[k - 1].text == "," and month(k - 3))
    ):
        return False
    end = k
    while end < len(toks) and (
        toks[end].lower in MONTHS or toks[end].lower.isdigit() or toks[end].text == ","
    ):
        end += 1
    if end >= len(toks) or toks[end].lower != "that":
        return False  # "The book says on 13 March Lord Goldsmith met ...": the meeting's date
    before = toks[k - 1] if k else None
    return before is not None and (
        before.lower in PLACED_ON
        or before.lower in MONTHS
        or before.lower.isdigit()
        or (before.text == "," and toks[k - 2].lower.isdigit())  # "October 12, 2011"
    )


def _after_whom(s: Sentence, k: int, start: int) -> bool:
    """The capitalised word at `k` follows whom a speaker told, named by a common noun or a
    place, and a verb follows it: the subject of what was told ("told reporters Trump was
    wrong", "told the BBC News website Ford did not deserve ...", "told a rally in Ohio
    Clinton had lied")."""
    toks = s.toks
    if k == start or k + 1 >= len(toks):
        return False
    before, after = toks[k - 1], toks[k + 1]
    named = (before.lower in RECIPIENTS and before.lower not in ARTICLES) or (
        before.is_capital and k - 2 >= start and toks[k - 2].lower in PREPOSITIONS
    )
    return named and (after.lower in TENSED or after.lower.endswith("ed"))


def _to_introduced_quotation(s: Sentence, k: int) -> int:
    """The quotation a colon introduces a few words on ("told reporters in Washington on
    Monday: "..."", or a place or a time and a comma ("said last week in Tel Aviv,
    "...""): its first token; else `k`."""
    toks = s.toks
    n = len(toks)
    setting = k < n and toks[k].lower in PREPOSITIONS
    for j in range(k, min(n, k + 10)):
        if s.in_quote[j] is not None or toks[j].lower in CUE_FORMS:
            break
        if j + 1 < n and s.in_quote[j + 1] is not None:
            if toks[j].text == ":" or (toks[j].text == "," and setting):
                return j + 1
            break
        if toks[j].text == "," and not setting:
            break
    return k


def _past_comma_aside(s: Sentence, k: int) -> int | None:
    """ "said, without evidence, that ...", "said, if elected, she would ...": the
    "that" or the clause after an aside between commas that starts at `k`, an aside
    with no clause of its own (no "if the money does not come from there"); None when
    neither follows the aside."""
    toks = s.toks
    n = len(toks)
    aside_end = next(
        (
            i
            for i in range(k + 1, min(n - 1, k + 10))
            if toks[i].text == "," or s.in_quote[i] is not None
        ),
        None,
    )
    if (
        aside_end is not None
        and toks[aside_end].text == ","
        and s.in_quote[aside_end + 1] is None
        and all(toks[i].is_word for i in range(k, aside_end))
        and (
            toks[aside_end + 1].lower == "that"
            or (
                # "if elected", "win or lose in the primary": no clause of its own
                not any(
                    toks[i].lower in FINITE_WORDS or pronoun_of(toks[i]) is not None
                    for i in range(k, aside_end)
                )
                and toks[aside_end + 1].lower not in RELATIVE_WORDS
                and clause_starts(s, aside_end + 1)
            )
        )
    ):
        return aside_end + 1
    return None


def _appeal_or_stance(s: Sentence, k: int, low: str, base: str | None) -> bool:
    """What follows the cue at `k` is no report: a stance verb without its infinitive
    ("earnings declined sharply"), or an appeal ("warned Russia against ...", "urged
    Moscow to ...") with no "that" clause soon; "accused Russia of meddling" charges."""
    toks = s.toks
    if k >= len(toks) or s.in_quote[k] is not None:
        return False
    if base in INFINITIVE_ONLY:
        first_word = toks[k].lower
        if first_word.endswith("ly") or first_word in PREPOSITIONS or first_word[:1].isdigit():
            return True
    return (
        low in OBJECT_CUES
        and (
            toks[k].lower == "to"  # "urged Moscow to refrain from steps that would ...": an appeal
            or (
                not any(t.lower in CLAUSE_WORDS for t in toks[k : k + 6])
                and not (base == "accuse" and any(t.lower == "of" for t in toks[k : k + 6]))
            )
        )
    )


def _past_whom(s: Sentence, k: int, *, whom: bool) -> int:
    """After "told", past whom and where to the pronoun that opens what was told ("told a
    gathering in Washington she will ...", "told the BBC News website she had ..."): its
    token, or `k` when none stands a few words on. `whom`: a name of whom was passed
    before `k` ("BBC News")."""
    toks = s.toks
    for j in range(k + 1, min(len(toks) - 1, k + WHOM_WORDS)):
        tok = toks[j - 1]
        if (
            not tok.is_word
            or s.in_quote[j - 1] is not None
            or tok.lower in CUE_FORMS
            or tok.lower in SUBORDINATORS
            # "told them to leave", "told a story about the time he ...": no addressee
            or tok.lower in ("that", "to", "about")
            # "told BBC News Labour MPs would not get a vote": what was told has begun
            or tok.lower in AUXILIARIES
            or tok.lower in FINITE_WORDS
        ):
            return k
        # a word of whom or where was read ("gathering", "Washington")
        whom = whom or tok.is_capital or (tok.lower in RECIPIENTS and tok.lower not in ARTICLES)
        if whom and _clause_opens(s, j, existential=True):
            # "told a gathering in Washington she will", "told Radio 4 there was", "told
            # reporters at Queen's Park on Tuesday the province would ..."
            return j
    return k


def _past_asked(s: Sentence, k: int) -> int:
    """After "asked", past whom to the question ("asked Msgr. Farmer if he knew", "asked
    the minister whether the talks had failed"): the token of "if" or "whether", or `k`
    when a few words of whom do not lead to one."""
    toks = s.toks
    for j in range(k, min(len(toks), k + WHOM_WORDS)):
        tok = toks[j]
        if tok.lower in QUESTION_OPENERS and j > k:
            return j
        if not tok.is_word or s.in_quote[j] is not None or tok.lower in CUE_FORMS:
            return k
        if not (tok.is_capital or tok.lower in DETERMINERS or noun_like(tok)):
            return k
    return k


def _past_place(s: Sentence, k: int) -> int:
    """After a cue, past where or when it was said to the clause said, with no "that"
    ("said in a statement it would close the plant", "said in an interview on Thursday
    the policy was working"): the clause's first token, or `k` when none opens a few
    words on."""
    toks = s.toks
    if (toks[k].lower, toks[k + 1].lower) in AT_LEAST:
        return k  # "said at least 111 of the bodies had been set up": a number, not where
    for j in range(k + 1, min(len(toks) - 1, k + WHOM_WORDS + 2)):
        tok = toks[j]
        low = tok.lower
        if (
            not tok.is_word
            or s.in_quote[j] is not None
            or low in CUE_FORMS
            or low in CLAUSE_WORDS
            or (low in SUBORDINATORS and low not in PREPOSITIONS)
            or low in RELATIVE_WORDS
            or low in AND_BUT_OR
            or low in FINITE_WORDS
            or (low.endswith("ed") and not tok.is_capital)
        ):
            # "spoke in a church where they had gathered", "released in the 80s and
            # ...", "after White suffered an injury which has ...": no setting alone
            return k
        if j == k + 1 or toks[j - 1].lower in DETERMINERS or not toks[j - 1].is_word:
            continue  # "in the statement", "on Thursday": still the setting
        if _clause_opens(s, j, existential=False):
            # "said in Ottawa he would run", "said in an interview on Thursday the policy
            # was working"
            return j
    return k


def _clause_opens(s: Sentence, j: int, *, existential: bool) -> bool:
    """A clause with no "that" opens at token `j`, after whom or where something was
    said: a subject pronoun (or, `existential`, "there") and its verb, or an article
    whose noun phrase reaches its verb; not right after a preposition ("in the", "of
    the party"), where the phrase of the setting goes on."""
    toks = s.toks
    low, before, after = toks[j].lower, toks[j - 1].lower, toks[j + 1]
    if before in PREPOSITIONS or before in JOINERS:
        return False
    if low in SUBJECT_PRONOUNS or (existential and low in EXISTENTIAL):
        if after.lower == "and" and low in SUBJECT_PRONOUNS:
            # "told jurors in court he and two acquaintances went ...": a joint subject
            for tok in toks[j + 2 : j + 7]:
                if not tok.is_word:
                    return False
                if tok.lower in TENSED or verb_like(tok):
                    return True
            return False
        return after.lower in TENSED or verb_like(after)
    return low in TOLD_ARTICLES and clause_starts(s, j)


def _quoted_title(s: Sentence, index: int) -> bool:
    """Quotation `index` is a title of a few words ("Morning Joe"), not words said."""
    inner = s.quotes[index].inner
    words = s.text[inner.start : inner.end].split()
    return len(words) <= TITLE_WORDS_MAX and is_title(words)


def _infinitive_after(s: Sentence, j: int) -> bool:
    """The "to" at token `j` opens an infinitive ("to refrain"), not a phrase ("close to
    her", "to the crowd")."""
    toks = s.toks
    if j + 1 >= len(toks):
        return False
    after = toks[j + 1]
    return (
        after.is_word
        and not after.is_capital
        and after.lower not in OBJECT_PRONOUNS
        and after.lower not in DETERMINERS
        and pronoun_of(after) is None
    )


def _to_that(s: Sentence, k: int, told: bool, placed: bool = False) -> tuple[int, bool]:
    """Past who was told or where it was said to "that" ("told a daily press briefing
    that ...", "said in an interview that ..."): the token after "that" and True, or
    `k` and False. `placed`: the preposition of where it was said was passed ("confirmed
    on his Twitter feed that")."""
    toks = s.toks
    that_at = None
    for j in range(k, min(len(toks), k + 12)):
        index = s.in_quote[j]
        if index is not None and told and _quoted_title(s, index):
            continue  # "told MSNBC's "Morning Joe" that ...": whom, by a show's title
        if index is not None or toks[j].text in CONTENT_STOPS:
            break
        if told and toks[j].lower == "to" and _infinitive_after(s, j):
            break  # "warned North Korea to refrain from actions that would ...": an appeal
        if toks[j].lower == "that":
            that_at = j
            break
    if (
        that_at == k
        and k + 1 < len(toks)
        and toks[k + 1].lower in FINITE_WORDS
        and s.in_quote[k + 1] is None
    ):
        return k, False  # "say that will not happen": "that" is the subject
    if (
        placed
        and that_at is not None
        and (
            that_at - k > PLACE_WORDS  # "pointed to the dollar's inability to extend that rally"
            or toks[that_at - 1].lower in CUE_TRIGGERS
            or toks[that_at - 1].lower in THAT_NOUNS
            or (that_at + 1 < len(toks) and verb_like(toks[that_at + 1]))
            or any(t.lower in TENSED for t in toks[k:that_at])
        )
    ):
        # "declined to comment on reports that ...", "refused to comment on speculation
        # that ...": what the reports or the speculation say; "a note
        # written on a napkin that said ...": the napkin's; "jobs added to payrolls
        # was twice the figure that ...": a verb, no place, stands before "that"
        placed = False
    if that_at is not None and (
        that_at == k
        or told
        or placed
        or toks[k].lower in PREPOSITIONS
        or _when_said(toks[k:that_at])
    ):
        return that_at + 1, True  # a "that" clause: whatever it starts with, it is content
    return k, False


def _when_said(words: list[Token]) -> bool:
    """The words between a cue and "that" say when ("just after midnight Tuesday",
    "late Monday"): time words, the prepositions and adverbs around them."""
    return any(w.lower in TIME_WORDS or w.lower in CLOCK_WORDS for w in words) and all(
        w.lower in TIME_WORDS
        or w.lower in CLOCK_WORDS
        or w.lower in PREPOSITIONS
        or adverb_in_ly(w)
        for w in words
    )


def _content_end(
    s: Sentence, k: int, base: str | None, clause: bool, gap: bool, closes: bool
) -> int:
    """Where content that starts at token `k` ends: the sentence's end, a clause break,
    or a length no claim reaches (which keeps run-on text from costing quadratic time)."""
    toks = s.toks
    end = min(s.span.end, toks[k].start + MAX_CONTENT)
    last_tok = bisect.bisect_left(s.starts, end, k + 1)
    # What a cue takes as its object ("called him divisive", "cast Clinton as
    # unqualified") ends where the speaker's next verb of saying starts ("... and
    # accused him of ..."); inside a reported clause such a verb may be the clause's.
    objective = (
        base in OBJECT_TAKING
        and not clause
        and s.in_quote[k] is None
        and (toks[k].lower in OBJECT_PRONOUNS or not clause_starts(s, k))
    )
    if base in NAMING_CUES:
        end = _name_given(s, k, end)
        last_tok = bisect.bisect_left(s.starts, end, k + 1)
    # "When my mother mentioned the devil to me, I laughed": the cue's clause is a
    # subordinate one, and ends at the comma before the sentence's own clause.
    subordinate = _in_subordinate_clause(s, k)
    aside = False  # a comma inside the clause opened an aside the next comma closes
    for j in range(k + 1, last_tok):
        if subordinate and toks[j].text in SUBORDINATE_ENDS and s.in_quote[j] is None:
            if aside:
                aside = False
            elif _main_clause_after(s, j):
                return toks[j].start
            else:
                aside = True
        cut = _cut_at(s, j, gap, closes, objective)
        if cut is not None:
            return cut
    if end < s.span.end and last_tok > k + 1:
        end = toks[last_tok - 1].end
    return end


def _name_given(s: Sentence, k: int, end: int) -> int:
    """Where the content of a verb of naming that starts at token `k` ends, by `end`: at
    the name it quotes when the sentence's own verb follows the name ('the man their
    editor dubbed "Deep Throat" helped to keep them on track', 'the pair, dubbed the
    "McLibel Two", were found guilty'): the naming stood inside the subject."""
    toks = s.toks
    named = next((q for q in s.quotes if q.outer.start >= toks[k].start), None)
    if named is None or not named.closed or named.outer.end >= end:
        return end
    after = bisect.bisect_left(s.starts, named.outer.end)
    if after < len(toks) and toks[after].text == ",":
        after += 1
    if after < len(toks) and (toks[after].lower in TENSED or finite(toks[after])):
        return named.outer.end
    return end


def _in_subordinate_clause(s: Sentence, k: int) -> bool:
    """The words before token `k` (a cue's content) since the sentence's start or its
    last comma open with a subordinator: "When my mother mentioned ...", "..., as Reyes
    said ..."."""
    toks = s.toks
    j = k - 1
    floor = max(0, k - CLAUSE_REACH)
    while j >= floor and not (toks[j].text == "," and s.in_quote[j] is None):
        if s.in_quote[j] is None and toks[j].lower in SUBORDINATORS and toks[j].lower != "that":
            return j == 0 or toks[j - 1].text == ","
        j -= 1
    return False


def _main_clause_after(s: Sentence, j: int) -> bool:
    """The comma at token `j` ends a subordinate clause: the sentence's own clause
    follows (", I laughed"), not an aside (", or ISIS, has used", ", Christie, was")."""
    toks = s.toks
    return (
        j + 1 < len(toks)
        and toks[j + 1].lower not in AND_BUT_OR
        and not any(t.text in SUBORDINATE_ENDS for t in toks[j + 1 : j + 4])
        # the main clause's verb stands near its start
        and holds_clause(s, Span(toks[j + 1].start, toks[min(len(toks), j + CLAUSE_REACH) - 1].end))
    )


def _cut_at(s: Sentence, j: int, gap: bool, closes: bool, objective: bool) -> int | None:
    """Where content ends at token `j`, if it ends there."""
    toks = s.toks
    n = len(toks)
    if (
        closes
        and closes_relative(s, j)
        and j + 1 < n
        and (finite(toks[j + 1]) or toks[j + 1].lower in COMMON_VERBS)
    ) or (gap and closes_relative(s, j)):
        # 'Reyes, who called the plan "a disaster," said ...': the relative clause ends
        # before the sentence's own verb; "which he said was ...": with the clause.
        return toks[j].start if toks[j].text == "," else toks[j].end
    if (
        toks[j].text == ","
        and s.in_quote[j] is None
        and j + 1 < n
        and (breaks_content(toks[j + 1]) or attribution_follows(s, j + 1))
    ):
        return toks[j].start
    if (
        j + 1 < n
        and toks[j].text != ","
        and closes_relative(s, j)
        and (breaks_content(toks[j + 1]) or attribution_follows(s, j + 1))
    ):
        # '... "founded ISIS," saying ...', '... "an orange buffoon," Susan said': the
        # comma was quoted
        return toks[j].end
    if (
        j + 1 < n
        and _quotation_ends(s, j, ("!", "?"))
        and j + 1 not in s.cue_starts  # '"BERNIE!" chants': a noun, no one speaking
        and attribution_follows(s, j + 1)
    ):
        # 'had yelled, "Hide, she's got a gun!" Vanore said': the quotation ends in its
        # own mark, and another attribution follows
        return toks[j].end
    if toks[j].text == ";" and _clause_after_semicolon(s, j):
        # "His attorneys argued that he was ill; prosecutors argued he was feigning":
        # past a semicolon of the writer's another clause begins
        return toks[j].start
    if toks[j].text in ASIDE_MARKS and quoted_aside(s, j):
        return toks[j].start  # 'liked her - "...," Elkins said - but ...'
    if toks[j].lower in AND_BUT and (
        said_too(s, j)
        or _speaks_again(s, j)
        or (
            verb_too(s, j)
            and (
                objective
                or _reports_next(s, j + 2)
                or toks[j].lower == "but"
                # "has said there would be no change and rejected the threat": a verb
                # that takes an object is the speaker's next act, not the content's;
                # but "the minister resigned and called for": the content's verbs
                or (CUE_FORMS.get(toks[j + 1].lower) in OBJECT_TAKING and not finite(toks[j - 1]))
            )
        )
    ):
        # "Reyes said the port would reopen, and added that ...", "..., but warned
        # drivers to expect delays": what the second verb reports is a claim of its own.
        return toks[j - 1].start if toks[j - 1].text == "," else toks[j].start
    return None


_ENTITY_BEFORE = re.compile(r"&#?\w+$")


def _clause_after_semicolon(s: Sentence, j: int) -> bool:
    """Token `j` is a semicolon of the writer's with a clause after it: not quoted, not
    inside parentheses ("$58m; £30m"), not the end of a character entity ("&#233;")."""
    toks = s.toks
    if s.in_quote[j] is None and j + 1 < len(toks):
        start = toks[j].start
        if _ENTITY_BEFORE.search(s.text, max(s.span.start, start - 8), start):
            return False
        opened = sum(t.text == "(" for t in toks[:j]) - sum(t.text == ")" for t in toks[:j])
        if opened > 0:
            return False
        stop = next((i for i in range(j + 1, len(toks)) if toks[i].text in {",", ";"}), len(toks))
        return has_finite_verb(s, Span(toks[j + 1].start, toks[stop - 1].end))
    return False


def _reads_as_content(s: Sentence, k: int, content: Span, clause: bool, gap: bool) -> bool:
    """The words from token `k` are a claim's content: not a relative clause that ends
    in its preposition ("the system, which she claimed to be unaware of"), and, unless
    quoted or opened by "that", two words or more that may open a clause ("said as
    much", "say would be" are no content)."""
    if gap:
        last_word = s.text[content.start : content.end].rsplit(None, 1)[-1:]
        if last_word and (last_word[0] in PREPOSITIONS or last_word[0] in NOUN_AFTER):
            return False
    words = s.first_words(content, 2)
    if not words:
        return False
    if s.in_quote[k] is not None or clause or gap:
        return True
    if len(words) < 2 or (words[0].lower == "as" and words[1].lower in AS_PHRASES):
        return False
    if words[0].lower in OBJECT_PRONOUNS and words[0].lower != "her":
        # "argued for them in Cabinet and he supported them now", "leaking them to the
        # websites": an object is no clause's subject. What it was asked or told is
        # ("asking him to probe", "asked him how"), and what is quoted of it ('calling him a
        # "loser"').
        return _object_then_said(s, k, content)
    if words[0].lower == "so" and k + 1 < len(s.toks) and not s.toks[k + 1].is_word:
        return False  # "He did not say so, but ...": "so" is what was (not) said
    if (words[0].lower, words[1].lower) in AT_LEAST or (
        words[0].lower in APPROXIMATELY
        and (words[1].text[:1].isdigit() or words[1].lower in QUANTITY_WORDS)
    ):
        # "said about half of the rise reflected ...", "said at least 111 of the bodies
        # had been set up": a number, not a topic
        return holds_clause(s, content)
    return words[0].lower not in NOT_CLAUSE_START or opens_main_clause(s, content)


def _object_then_said(s: Sentence, k: int, content: Span) -> bool:
    """After the object pronoun at token `k`: an infinitive or a clause it was asked or
    told, or a quotation in the content."""
    toks = s.toks
    j = k + 1
    if j < len(toks) and toks[j].lower in CLAUSE_OPENERS_AFTER | {"what"}:
        return True  # "asked him how she'd mount a defense"
    if j < len(toks) and toks[j].lower == "not":
        j += 1  # "asking them not to stage protests"
    if j + 1 < len(toks) and toks[j].lower == "to":
        verb = toks[j + 1]
        if verb.is_word and not verb.is_capital and verb.lower not in DETERMINERS:
            return True
    return any(overlap(content, s.quotes[i].inner) for i in s.quotes_in(content))


def opens_main_clause(s: Sentence, content: Span) -> bool:
    """Content that opens with a subordinate clause and goes on, after a comma, to the
    main one: "He said as police entered the camp, one person chained themselves to the
    gate."; not a setting ("said after the vote", "said in Ottawa")."""
    first = s.first_words(content, 1)
    if not first or first[0].lower not in SUBORDINATORS:
        return False
    comma = s.text.find(",", first[0].end, content.end)
    if comma < 0:
        return False
    main = Span(comma + 1, content.end)
    subject = s.first_words(main, 1)
    # ", one person chained ...", not ", said the port would ...": a subject opens it.
    return bool(subject) and not verb_like(subject[0]) and has_finite_verb(s, main)


def attribution_follows(s: Sentence, k: int) -> bool:
    """After a comma at `k - 1`, another attribution starts: "..., Rubio fired back:",
    "..., recently telling one friend", "..., with Lewandowski calling ..."."""
    toks = s.toks
    for c in s.cue_starts:
        if c < k:
            continue
        if c > k + 5 or (
            c == k
            and not toks[c].lower.endswith("ing")
            and (c + 1 >= len(toks) or toks[c + 1].lower == "by" or toks[c + 1].text == ",")
        ):
            return False  # ", requested by Sanders,": a participle of the phrase before
        if c == k and not toks[c].lower.endswith("ing"):
            return True  # "The firm, reporting its results, said ...": the subject's verb
        # ", a government spokesman said, ...": someone else's attribution, whose
        # role ends right before the cue.
        described = c - k >= 2 and toks[c - 1].lower in ROLE_HEADS and toks[k].lower in ARTICLES
        # ", with one senator calling it ...": someone else's words, said alongside
        described = described or (toks[k].lower == "with" and toks[c].lower.endswith("ing"))
        if c + 1 < len(toks) and toks[c + 1].text == "," and not described:
            return False  # ", she said, ...": an aside inside the same content
        return all(
            s.in_quote[i] is None
            and toks[i].is_word
            and (
                toks[i].is_capital
                or pronoun_of(toks[i]) is not None
                or toks[i].lower in PRE_CUE_SKIP
                or toks[i].lower in ATTRIBUTION_LEADS
                or toks[i].lower.endswith("ly")
                or (c - k == 1 and toks[i].lower in ROLE_HEADS)  # "..., officials said"
                or described
            )
            for i in range(k, c)
        )
    return False


def quoted_aside(s: Sentence, j: int) -> bool:
    """Token `j` is a dash or a parenthesis that opens a quotation with an attribution
    of its own ('- "Born with a silver spoon," Mr. Elkins said -')."""
    toks = s.toks
    if toks[j].text not in ASIDE_MARKS or s.in_quote[j] is not None:
        return False
    index = s.in_quote[j + 1] if j + 1 < len(toks) else None
    if index is None:
        return False
    quote = s.quotes[index]
    after = bisect.bisect_left(s.starts, quote.outer.end)
    return any(after <= c <= after + 5 for c in s.cue_starts)


def _speaks_again(s: Sentence, j: int) -> bool:
    """Token `j` is "and" or "but" before a pronoun and a verb of saying in a tense: the
    speaker's next act ("..., and he urged North Korea to resume talks")."""
    toks = s.toks
    return (
        j + 2 < len(toks)
        and s.in_quote[j] is None
        and toks[j + 1].lower in SPEAKING_PRONOUNS
        and j + 2 in s.cue_starts
        and finite(toks[j + 2])
    )


def said_too(s: Sentence, j: int) -> bool:
    """Token `j` is "and" or "but" before a second speech verb of the same speaker ("and
    added that", "and warned:"), outside quotation marks."""
    toks = s.toks
    return (
        toks[j].lower in AND_BUT
        and s.in_quote[j] is None
        and j + 1 in s.cue_starts
        and toks[j + 1].lower in SAID_TOO
    )


def _reports_next(s: Sentence, k: int) -> bool:
    """Token `k`, after a second verb of saying, opens what it reports: "that", a colon
    or a quotation ("... and argued that ...", "and warned: ...")."""
    toks = s.toks
    return k < len(toks) and (
        toks[k].lower == "that" or toks[k].text == ":" or s.in_quote[k] is not None
    )


def verb_too(s: Sentence, j: int) -> bool:
    """Token `j` is "and" or "but" before a second verb of saying in a finite form ("and
    accused", "but warned"), outside quotation marks."""
    toks = s.toks
    if toks[j].lower not in AND_BUT or s.in_quote[j] is not None or j + 1 not in s.cue_starts:
        return False
    verb = toks[j + 1].lower
    return verb in FINITE_IRREGULAR or (
        verb in CUE_FORMS and verb != CUE_FORMS[verb] and verb.endswith(("ed", "s"))
    )


def stranded(s: Sentence, k: int) -> bool:
    """Token `k`, right after a cue's particle, shows the particle has no object of its
    own: a preposition ("the plan they voted for in May")."""
    low = s.toks[k].lower
    return low in PREPOSITIONS or low in STRANDING


def opens_content(s: Sentence, k: int) -> bool:
    """Token `k` is "the" or "a" opening what was told, not whom: "told reporters the
    plan was ...", against "told the crowd", "told a news conference"."""
    toks = s.toks
    return (
        toks[k].lower in TOLD_ARTICLES
        and k + 1 < len(toks)
        and toks[k + 1].lower not in RECIPIENTS
        and not toks[k + 1].is_capital
    )


def closes_relative(s: Sentence, j: int) -> bool:
    """Token `j` ends a relative clause set off by commas: a comma outside quotation
    marks, or a closing mark with the comma inside it ('whom he described as
    "volatile," with Clinton')."""
    toks = s.toks
    if toks[j].text == ",":
        return s.in_quote[j] is None
    return _quotation_ends(s, j, (",",))


def _quotation_ends(s: Sentence, j: int, marks: tuple[str, ...]) -> bool:
    """Token `j` is the last of a quotation whose words end in one of `marks`."""
    index = s.in_quote[j]
    if index is None or j + 1 >= len(s.toks) or s.in_quote[j + 1] == index:
        return False
    inner = s.quotes[index].inner
    return s.text[inner.start : inner.end].rstrip().endswith(marks)


# Words before a determiner that are no verb whose object the phrase could be.
_NO_VERB_BEFORE = NOUN_AFTER | AND_BUT_OR | PREPOSITIONS


def antecedent(s: Sentence, comma: int) -> Span | None:
    """The noun phrase a relative pronoun after the comma at `comma` stands for, when it
    is plain which: the object or subject of the main clause ("criticized Clinton's
    email use, which ..."), a name before "who", or a noun phrase that opens the
    sentence ("Any sign of munitions reaching Russian forces, which ..."); not a phrase
    inside another ("a sign of munitions reaching Russian forces, which ...")."""
    toks = s.toks
    k = comma - 1
    while (
        k >= 0
        and comma - k <= 8
        and s.in_quote[k] is None
        and toks[k].is_word
        and not finite(toks[k])
        and toks[k].lower not in PREPOSITIONS
    ):
        k -= 1
        if toks[k + 1].lower in DETERMINERS:
            break
    first = k + 1
    person = toks[comma + 1].lower in PERSON_RELATIVES
    before = toks[k] if k >= 0 else None
    # the object of the verb before it: a verb by its form, or any lower-case word before
    # a determiner ("chose to withhold some information, which ...")
    plain = before is not None and (
        finite(before)
        or (
            toks[first].lower in DETERMINERS
            and (
                # "a deadline that ...": an appositive after a comma
                (before.text == "," and s.in_quote[k] is None)
                or (
                    before.is_word and not before.is_capital and before.lower not in _NO_VERB_BEFORE
                )
            )
        )
    )
    if first < comma and (plain or (person and toks[comma - 1].is_capital)):
        return Span(toks[first].start, toks[comma - 1].end)
    opening = s.floor(comma - 1)
    while opening < comma and not toks[opening].is_word:
        opening += 1  # a list's dash
    phrase = toks[opening:comma]
    if (
        phrase
        and (phrase[0].lower in DETERMINERS or phrase[0].lower in QUANTIFIERS)
        and not any(finite(t) or t.lower in AUXILIARIES for t in phrase)
        and all(s.in_quote[i] is None for i in range(opening, comma))
    ):
        return Span(phrase[0].start, phrase[-1].end)
    return None

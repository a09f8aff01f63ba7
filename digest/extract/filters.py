"""Filter: when a verb of saying is not speech here.

A word of `lexicon.CUE_FORMS` is a cue unless one of the rules of `NOT_SPEECH` says it
is something else where it stands: a noun ("the report"), a passive ("it was
reported"), a proper noun ("the United States"), an infinitive ("said to be"). Each
rule takes the sentence and the token's position and answers True when the word is
not speech; the last, for a weak cue ("report", "claim", "hope"), asks for a speaker
or a quotation right before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .blocks import Token
from .grammar import (
    adverb_in_ly,
    is_time_word,
    noun_like,
    plural_form,
    plural_noun,
    possessive,
    verb_like,
)
from .lexicon import (
    ADDED_TO_WHOM,
    ADJECTIVE_ENDINGS,
    AND_BUT_OR,
    ARTICLES,
    ASIDE_PARTICIPLES,
    ASIDE_PREPOSITIONS,
    AUXILIARIES,
    AVOIDING,
    BACK_VERBS,
    CLOSING_QUOTES,
    COMMIT_CUES,
    COMMON_VERBS,
    CONDITIONALS,
    COUNT_WORDS,
    CUE_FORMS,
    CUE_OPENING_MARKS,
    CURRENCY_SIGNS,
    DEGREE_WORDS,
    DETERMINERS,
    EVIDENCE_CUES,
    EVIDENCE_NOUNS,
    FINITE_WORDS,
    FLOATING_QUANTIFIERS,
    HELP_FORMS,
    INDEFINITE_ARTICLES,
    INTRODUCING_MARKS,
    MAYBE_MODALS,
    NEGATIONS,
    NOT_SAYING,
    NOTHING_SAID,
    NOUN_AFTER,
    NOUN_MARKERS,
    NOUN_PREPOSITIONS,
    OBJECT_PRONOUNS,
    PARTICLE_CUES,
    PASSIVE,
    PASSIVE_ADVERBS,
    PHRASE_STOPS,
    PLEAS,
    PREPOSITIONS,
    RELATIVE_WORDS,
    SENT_PLURALS,
    SHARE_NOUNS,
    SINGULAR_OPENERS,
    TENSED,
    TO_WHOM,
    UNNAMED,
    UNREAL_MARKERS,
    WEAK_CUES,
)
from .mentions import SENT_NOUNS, count_word, pronoun_of, share_ends_at
from .sentence import Sentence
from .subjects import closes_appositive


def is_speech(s: Sentence, k: int, trace: list[str] | None = None) -> bool:
    """The cue word at token `k` reports speech: no rule of `NOT_SPEECH` holds. With
    `trace`, the name of the rule that holds is appended to it."""
    for rule in NOT_SPEECH:
        if rule(s, k):
            if trace is not None:
                trace.append(rule.__name__)
            return False
    return True


def negated(s: Sentence, k: int) -> bool:
    """What someone did not say is no claim: "they did not respond to queries", "have
    not cast a ballot", "he never said whether ...", "said nothing"."""
    toks = s.toks
    j = k - 1
    if j >= 0 and toks[j].lower.endswith("ly") and toks[j].lower not in NEGATIONS:
        j -= 1  # "did not immediately respond"
    if j >= 0 and (toks[j].lower in NEGATIONS or toks[j].lower.endswith("n't")):
        return True
    # "LaCalamita said nothing after officers surrounded him"; not "said nothing had
    # changed", where "nothing" is the clause's subject
    after = toks[k + 1] if k + 1 < len(toks) else None
    following = toks[k + 2] if k + 2 < len(toks) else None
    return (
        after is not None
        and after.lower in NOTHING_SAID
        and s.in_quote[k + 1] is None
        and not (following is not None and following.lower in TENSED)
    )


def comparison(s: Sentence, k: int) -> bool:
    """A measure compared with what someone says is not what they said: "Costs are
    lower than the agency says they are"."""
    toks = s.toks
    for j in range(k - 1, max(-1, k - 5), -1):
        if not toks[j].is_word:
            return False
        if toks[j].lower == "than":
            # "More than six in 10 said": a number of people, not a comparison
            return not count_word(toks[j + 1])
    return False


def hypothetical(s: Sentence, k: int) -> bool:
    """Words someone may, might, could or would say, or wants or fears to, were not
    said: "Reyes may say ...", "Canada would respond ...", "She was worried that she
    would say something", "The firm wants to tell investors ...", "He is expected to
    announce ..."."""
    toks = s.toks
    j = k - 1
    while j > 0 and toks[j].lower in NEGATIONS:
        j -= 1
    if j >= 1 and toks[j - 1].lower in CONDITIONALS and pronoun_of(toks[j]) is not None:
        return True  # "if they said no, they were not rung again": a condition
    if j < 1 or toks[j].lower not in UNREAL_MARKERS or toks[j].is_capital:
        return False  # (not "until May said")
    if toks[j].lower in MAYBE_MODALS:
        return True  # "Reyes may say ...", "critics would argue ...": not said yet
    return any(CUE_FORMS.get(toks[i].lower) in NOT_SAYING for i in range(max(0, j - 6), j))


def helps_explain(s: Sentence, k: int) -> bool:
    """A verb after "help" tells what a thing does, not what anyone says: "which helps
    explain why ...", "to help explain"."""
    return k > 0 and s.toks[k - 1].lower in HELP_FORMS and s.in_quote[k - 1] is None


def amount_added(s: Sentence, k: int) -> bool:
    """ "added" before an amount is a sum, not a remark: "The company added $300
    million in revenue"; "adding to" a thing is more of it: "adding to honours it has
    already won"."""
    toks = s.toks
    if CUE_FORMS.get(toks[k].lower) != "add" or k + 1 >= len(toks):
        return False
    after = toks[k + 1]
    if after.text[:1].isdigit() or after.text in CURRENCY_SIGNS:
        return True
    # "adding to a growing list of awards": more of something, not a remark
    return (
        after.lower == "to"
        and k + 2 < len(toks)
        and not toks[k + 2].is_capital
        and toks[k + 2].lower not in ADDED_TO_WHOM
        and s.in_quote[k + 2] is None
    )


def not_saying(s: Sentence, k: int) -> bool:
    """A verb of thinking, perceiving, wanting or showing is no speech act: "Many voters
    think the minister might lose", "She realized he wasn't breathing", "Polls show a
    tight race" (`lexicon.NOT_SAYING`)."""
    return CUE_FORMS.get(s.toks[k].lower) in NOT_SAYING


def avoided(s: Sentence, k: int) -> bool:
    """A cue in -ing after a verb of not doing was not said: "Kennedy avoided suggesting
    anyone was playing politics", "stopped short of saying"."""
    toks = s.toks
    if not toks[k].lower.endswith("ing") or k == 0:
        return False
    j = k - 1
    if toks[j].lower == "of" and j > 0:
        j -= 1  # "stopped short of saying"
        if toks[j].lower == "short" and j > 0:
            j -= 1
    return toks[j].lower in AVOIDING


def evidence(s: Sentence, k: int) -> bool:
    """What a survey, a study or figures suggest, indicate or reveal is evidence, not
    words said: "A survey suggests customers are getting impatient"."""
    toks = s.toks
    if CUE_FORMS.get(toks[k].lower) not in EVIDENCE_CUES:
        return False
    # The subject's words, back to the sentence's start or a mark ("A survey by the firm").
    for j in range(k - 1, max(-1, k - 9), -1):
        if not toks[j].is_word:
            return False
        if toks[j].lower in EVIDENCE_NOUNS:
            return True
    return False


def proper_noun(s: Sentence, k: int) -> bool:
    """A capitalised cue word inside a sentence is a name: "the United States said"."""
    toks = s.toks
    return (
        toks[k].is_capital
        and k > 0
        and toks[k - 1].text not in CUE_OPENING_MARKS
        and not s.title_case
    )


def said_to_infinitive(s: Sentence, k: int) -> bool:
    """A cue before "to" and a verb: "He is said to be ill", "She was asked to leave";
    but "said to Fox News", "said to his aides", and '"...," he said to cheers' after
    a quotation, and the verbs that report with an infinitive ("promised to")."""
    toks = s.toks
    return (
        k + 2 < len(toks)
        and toks[k + 1].lower == "to"
        and toks[k].lower not in COMMIT_CUES
        and not toks[k + 2].is_capital
        and toks[k + 2].lower not in TO_WHOM
        and not plural_noun(toks[k + 2])
        and not any(q is not None for q in s.in_quote[max(0, k - 6) : k])
    )


def particle_missing(s: Sentence, k: int) -> bool:
    """A verb that reports only with its particle, without it: "the rail station"
    (against "Reyes railed against the deal")."""
    toks = s.toks
    particles = PARTICLE_CUES.get(toks[k].lower)
    return particles is not None and (k + 1 >= len(toks) or toks[k + 1].lower not in particles)


def back_without_speech(s: Sentence, k: int) -> bool:
    """ "hit back", "fired back" with no quotation or clause after: "Rovers hit back
    moments later" (against 'Reyes fired back: "..."')."""
    return s.toks[k].lower in BACK_VERBS and not speech_follows(s, k + 2)


def spoke_on_condition(s: Sentence, k: int) -> bool:
    """How someone spoke, not what: "who spoke on condition of anonymity", "who asked
    not to be named"."""
    base = CUE_FORMS.get(s.toks[k].lower)
    if base == "speak":
        return on_condition(s, k + 1)
    words = [t.lower for t in s.toks[k + 1 : k + 5]]
    return (
        base == "ask"
        and len(words) == 4
        and words[:3] == ["not", "to", "be"]
        and words[3] in UNNAMED
    )


def noun_in_ing(s: Sentence, k: int) -> bool:
    """A noun in -ing after an article and a modifier: "told a regular briefing",
    "the weekly meeting"; but "one of her ads asking ...", a participle after its
    plural subject, and "a statement saying ..."."""
    toks = s.toks
    return (
        toks[k].lower.endswith("ing")
        and k > 1
        and toks[k - 2].lower in NOUN_MARKERS
        and toks[k - 1].is_word
        and not toks[k - 1].is_capital
        and not plural_form(toks[k - 1].lower)
        # "issued a statement saying ...": what a thing sent says, a participle
        and toks[k - 1].lower not in SENT_NOUNS
    )


def how_they_spoke(s: Sentence, k: int) -> bool:
    """An aside on how the speaker spoke, whose verb is the cue: "An official,
    speaking to reporters on condition of anonymity, warned ..."."""
    toks = s.toks
    return (
        toks[k].lower in ASIDE_PARTICIPLES
        and k > 0
        and toks[k - 1].lower == ","
        and k + 1 < len(toks)
        and toks[k + 1].lower in ASIDE_PREPOSITIONS
    )


def plea(s: Sentence, k: int) -> bool:
    """A plea in court: "pleaded guilty to fraud", "pleads not guilty", "pleaded no
    contest"; what is pleaded is no claim."""
    toks = s.toks
    return (
        CUE_FORMS.get(toks[k].lower) == "plead" and k + 1 < len(toks) and toks[k + 1].lower in PLEAS
    )


def passive(s: Sentence, k: int) -> bool:
    """A participle after "be": "Kim is expected to meet Putin", "it was reported"
    (but "was quoted as saying")."""
    toks = s.toks
    low = toks[k].lower
    before = k - 1
    if before > 0 and (adverb_in_ly(toks[before]) or toks[before].lower in PASSIVE_ADVERBS):
        before -= 1  # "it was first announced", "was widely reported"
    return (
        before >= 0
        and toks[before].lower in PASSIVE
        and low != "quoted"
        and not low.endswith("ing")
    )


# A number written in figures: "1,200", "3.5".
_NUMBER = re.compile(r"\d[\d,.]*")


def after_article(s: Sentence, k: int) -> bool:
    """A noun after an article or a possessive: "the report", "a claim"; a noun after a
    quantifier or a number ("many disputes", "1,200 Clinton emails"), a plural of a thing
    sent after a name ("Hillary Clinton emails released by ..."), an adjective after a
    word of degree ("more challenging"), a verb going on ("continues gaining")."""
    toks = s.toks
    if k == 0:
        return False
    if toks[k].lower in SENT_PLURALS and toks[k - 1].is_capital:
        return True
    if (
        _participle_only(toks[k].lower)
        and _modifies_next(s, k)
        and toks[k - 1].lower not in AUXILIARIES
        and pronoun_of(toks[k - 1]) is None  # "he's spoken out against"
    ):
        return True  # "a background check and written exam": never a verb of its own
    if (
        k >= 2
        and CUE_FORMS.get(toks[k].lower) == toks[k].lower
        and toks[k - 2].lower in ARTICLES
        and not toks[k - 1].is_capital
        and toks[k - 1].lower.endswith(ADJECTIVE_ENDINGS)
    ):
        # "the authoritative jab we are used to": after an article and an adjective, a
        # word in its bare form is a noun (a verb there would agree: "the critic says")
        return True
    if (
        k >= 2
        and CUE_FORMS.get(toks[k].lower) == toks[k].lower
        and _singular_opener(toks, k - 2, _before_noun(toks, k))
        and toks[k - 1].is_word
        and not toks[k - 1].is_capital
        and not plural_form(toks[k - 1].lower)
        and toks[k - 1].lower not in SHARE_NOUNS
    ):
        # "made her a household name", "her own daytime talk show": after "a" or a
        # possessive and a singular noun, a word in its bare form is a noun too; not "a
        # majority say"
        return True
    j = k - 1
    if j > 0 and adverb_in_ly(toks[j]):
        j -= 1  # "the hotly contested race", "a newly released email"
    elif j > 1 and toks[j].lower == "and" and _modifies_next(s, k):
        j -= 2  # "a shrewd and calculated move"
    elif j > 0 and len(toks[j].lower) > 5 and toks[j].lower.endswith("est"):
        j -= 1  # "the biggest decline", "the latest claims": a superlative before a noun
    marker = toks[j].lower
    if (
        marker in FLOATING_QUANTIFIERS
        and j > 0
        and (toks[j - 1].is_capital or plural_form(toks[j - 1].lower))
    ):
        return False  # "The Conservatives and Lib Dems both say": of the subject, no article
    if marker in NOUN_MARKERS or marker in DEGREE_WORDS:
        return True
    if (
        j > 0
        and toks[j - 1].lower in NOUN_MARKERS
        and not toks[j].is_capital
        and toks[k].lower.endswith("s")
        and k + 1 < len(toks)
        and toks[k + 1].lower == "of"
    ):
        return True  # "The physical demands of the grind": a noun and its modifier
    if (
        j > 0
        and toks[j - 1].lower in ARTICLES
        and toks[j].is_capital
        and k + 1 < len(toks)
        and toks[k + 1].lower == "of"
        and not toks[k].lower.endswith("ed")  # "The BBC reported of the match that"
        and toks[k].lower not in FINITE_WORDS  # "The Kremlin spoke of"
    ):
        return True  # "The EPIX broadcast of the match": a name's noun, then what of
    before = toks[k - 1].lower
    # "who in 2010 said", "Number 10 said", "many said they": a verb in the past; but
    # "400 pledged delegates", "all reported contributions": a participle before a noun
    verb = toks[k].lower in FINITE_WORDS or (
        toks[k].lower.endswith("ed") and not (k + 1 < len(toks) and plural_noun(toks[k + 1]))
    )
    if (before in COUNT_WORDS or _NUMBER.fullmatch(before)) and not share_ends_at(toks, k - 1):
        return not verb  # "many disputes", "1,200 emails"; not "the 43-year-old asked"
    if (
        k >= 2
        and toks[k - 2].text[:1].isdigit()
        and toks[k - 1].is_capital
        and toks[k].lower.endswith("s")
    ):
        return True  # "1,200 Clinton emails"; not "300 Democrats said"
    low = toks[k].lower
    return (
        CUE_FORMS.get(low) == "continue"
        and k + 1 < len(toks)
        and (toks[k + 1].lower.endswith("ing") or toks[k + 1].lower == "to")
    )


def _participle_only(low: str) -> bool:
    """A cue's participle that is never a tense of its own ("written", "spoken"; not
    "told" or "said")."""
    return low.endswith("en") and CUE_FORMS.get(low, low) != low


def _singular_opener(toks: list[Token], j: int, compound: bool) -> bool:
    """Token `j` opens a singular noun phrase: "a", "an", or a possessive pronoun (with
    "own": "her own"). Inside a phrase a preposition opens, a possessive's noun may end
    the subject ("sources close to her campaign say"): then only a `compound` noun
    ("the star of her own daytime talk show") tells."""
    if toks[j].lower == "own" and j > 0:
        j -= 1
    low = toks[j].lower
    if low in INDEFINITE_ARTICLES:
        return True
    return low in SINGULAR_OPENERS and (
        compound or not (j > 0 and toks[j - 1].lower in NOUN_PREPOSITIONS)
    )


# Words after a bare form that show it is no noun's modifier.
_NOT_A_NOUN = NOUN_MARKERS | DETERMINERS | OBJECT_PRONOUNS | TENSED | PREPOSITIONS


def _before_noun(toks: list[Token], k: int) -> bool:
    """The word at `k` stands before a plain noun it modifies ("talk show")."""
    if k + 1 >= len(toks):
        return False
    after = toks[k + 1]
    low = after.lower
    return (
        after.is_word
        and not after.is_capital
        and not plural_form(low)  # "say voters are ...": a verb's clause
        and low not in _NOT_A_NOUN
        and low != "that"
        and pronoun_of(after) is None
    )


def _modifies_next(s: Sentence, k: int) -> bool:
    """The word in -ed at `k` stands before the noun it modifies ("calculated political
    move"), not before its object ("accused him", "accused the firm", "accused Reyes")."""
    toks = s.toks
    if not (toks[k].lower.endswith("ed") or _participle_only(toks[k].lower)) or k + 1 >= len(toks):
        return False
    after = toks[k + 1]
    return (
        noun_like(after)
        and not after.is_capital
        and after.lower not in NOUN_MARKERS
        and after.lower not in COUNT_WORDS
        and pronoun_of(after) is None
        and after.lower not in OBJECT_PRONOUNS
    )


def reduced_relative(s: Sentence, k: int) -> bool:
    """A participle in -ed after its noun, then a time and the clause's own verb: "a
    poll released Friday found ...", "emails released this week showed ..."."""
    toks = s.toks
    if k == 0 or not toks[k].lower.endswith("ed") or not toks[k - 1].is_word:
        return False
    if pronoun_of(toks[k - 1]) is not None:
        return False
    if _object_of_preposition(toks, k - 1):
        return True  # "exploited through JavaScript code posted on malicious sites"
    j = k + 1
    while j < len(toks) and j <= k + 3 and is_time_word(toks[j]):
        j += 1
    if j > k + 1 and j < len(toks):
        verb = toks[j]
        if not verb.is_capital and (verb.lower in FINITE_WORDS or verb.lower.endswith("ed")):
            return True
    # "The plan that the council voted for in May will cut fees": a relative clause's
    # own verb, with its subject, is no participle
    if any(t.lower in RELATIVE_WORDS or t.lower == "that" for t in toks[max(0, k - 4) : k - 1]):
        return False
    return _verb_past_phrases(s, k + 1)


# What opens the phrases after a participle, what ends them, what stands before a noun
# there, and what before the participle makes it a subject's verb.
_PHRASE_OPENERS = NOUN_PREPOSITIONS | PREPOSITIONS
_PHRASE_ENDS = PHRASE_STOPS | RELATIVE_WORDS
_NOUN_OPENERS = _PHRASE_OPENERS | DETERMINERS
_SUBJECT_VERB_AFTER = TENSED | RELATIVE_WORDS | AND_BUT_OR


def _verb_past_phrases(s: Sentence, j: int) -> bool:
    """From token `j`, right after a participle, phrases that prepositions open, then
    the clause's own verb: "Video posted on YouTube from OccupyBloomberg showed ...",
    "A woman charged with killing two women was released"; not a clause of what was
    said ("posted on Facebook he was resigning", "explained at a briefing the changes
    were needed")."""
    toks = s.toks
    if j >= len(toks) or toks[j].lower not in _PHRASE_OPENERS:
        return False
    before = toks[j - 2]
    if (
        not before.is_word
        or (before.is_capital and j - 2 > 0)
        or pronoun_of(before) is not None
        or before.lower in _SUBJECT_VERB_AFTER
    ):
        # "Trevor Phillips argued at the weekend ...", "have called for", "Borges, who
        # predicted about ...", "and argued for ...": the verb of a subject
        return False
    for i in range(j + 1, min(len(toks), j + 10)):
        tok = toks[i]
        low = tok.lower
        previous = toks[i - 1].lower
        if not tok.is_word or s.in_quote[i] is not None or low in _PHRASE_ENDS:
            return False
        # a subject of a clause of its own: a determiner stands only after a preposition
        # or a gerund ("charged with killing two women")
        governed = previous in _PHRASE_OPENERS or previous.endswith("ing")
        if pronoun_of(tok) is not None or (low in DETERMINERS and not governed):
            return False
        # a verb by its form, not a noun in -ed or -s ("his Twitter feed", "on reports")
        tensed = low in TENSED or (len(low) > 5 and low.endswith("ed"))
        if not tok.is_capital and tensed and previous not in _NOUN_OPENERS:
            return True
    return False


def _object_of_preposition(toks: list[Token], k: int) -> bool:
    """The lower-case noun at `k` ends a phrase a preposition after a verb opens a few
    words before ("exploited through JavaScript code"): what follows it is no verb of its
    own."""
    if toks[k].is_capital or not noun_like(toks[k]):
        return False
    for j in range(k - 1, max(-1, k - 4), -1):
        tok = toks[j]
        if tok.lower in NOUN_PREPOSITIONS:
            # after a verb ("exploited through ..."), not a noun ("Officials in the
            # ministry warned", where the phrase is the subject's)
            return j > 0 and toks[j - 1].is_word and verb_like(toks[j - 1])
        if not tok.is_word or tok.lower in AUXILIARIES or verb_like(tok):
            return False
    return False


def after_preposition(s: Sentence, k: int) -> bool:
    """A noun after a preposition: "The pace of decline eased"; a gerund after "of"
    ("the cost of maintaining", "accused the party of claiming"): what a noun or an
    accuser names, not words said; other gerunds still report ("began by saying")."""
    toks = s.toks
    if k == 0 or toks[k - 1].lower not in NOUN_AFTER:
        return False
    return not toks[k].lower.endswith("ing") or toks[k - 1].lower == "of"


def possessive_modifier(s: Sentence, k: int) -> bool:
    """A modifier or a noun after a possessive: "Duarte's proposed bridge", "Kim's
    remarks", "Obama's highly criticized press conference", "China's booming economy"."""
    toks = s.toks
    low = toks[k].lower
    before = k - 1
    if before > 0 and toks[before].lower.endswith("ly") and not toks[before].is_capital:
        before -= 1
    return (
        before >= 0
        and possessive(toks[before].lower)
        and pronoun_of(toks[before]) is None
        and (low.endswith("ed") or low.endswith("s") or low.endswith("ing"))
    )


def weak_cue_alone(s: Sentence, k: int) -> bool:
    """A weak cue ("report", "claim", "hope", "calls") with no subject right before it
    ("Critics note"; a verb before it makes it that verb's object: "rejected claims
    that ..."), no quotation ('"...," reports the paper'), no comma before its -ing
    form (", calling it ..."), and no aside after a name ("Yang Shu, director of the
    institute, calls ..."): "Hopes of a deal faded."."""
    toks = s.toks
    if toks[k].lower not in WEAK_CUES:
        return False
    if k == 0:
        return True
    before = toks[k - 1]
    if _verb_before(before) and s.in_quote[k - 1] is None:
        return True  # "McFadden makes claims that", "Smith rejected claims that": a noun
    return not (
        before.is_word
        or s.in_quote[k - 1] is not None
        or before.text in CLOSING_QUOTES
        or (toks[k].lower.endswith("ing") and before.text == ",")
        or (before.text == "," and closes_appositive(s, k - 1))
    )


def _verb_before(tok: Token) -> bool:
    """A verb in a tense, after which a weak cue is its object, a noun: "makes", "made",
    "rejected", "denies" (not "The report", "Critics")."""
    low = tok.lower
    if not tok.is_word or tok.is_capital or low in AUXILIARIES:
        return False  # "has called", "is reporting", "will claim": the verb itself
    if low in FINITE_WORDS or low in COMMON_VERBS:
        return True
    return low.endswith("ed") or (low in CUE_FORMS and low.endswith("s"))


def object_of_verb(s: Sentence, k: int) -> bool:
    """A cue word in its bare form right after a verb in the past is that verb's object:
    "gave voice to the anger", "took note of"; and "thanks to" is a preposition ("his
    firm, thanks to its survey method, ...")."""
    toks = s.toks
    low = toks[k].lower
    if low == "thanks" and k + 1 < len(toks) and toks[k + 1].lower == "to":
        return True
    if k == 0 or low.endswith(("s", "ed", "ing")):
        return False
    before = toks[k - 1]
    return (
        before.lower in FINITE_WORDS  # a past of its own ("gave", "took"), no verb of saying
        and before.lower not in CUE_FORMS
        and _verb_before(before)
        and s.in_quote[k - 1] is None
    )


# The rules a cue word must pass, each saying when it is not speech.
NOT_SPEECH: tuple[Callable[[Sentence, int], bool], ...] = (
    proper_noun,
    said_to_infinitive,
    particle_missing,
    back_without_speech,
    spoke_on_condition,
    noun_in_ing,
    how_they_spoke,
    plea,
    passive,
    after_article,
    reduced_relative,
    after_preposition,
    possessive_modifier,
    weak_cue_alone,
    object_of_verb,
    not_saying,
    avoided,
    evidence,
    comparison,
    hypothetical,
    negated,
    amount_added,
    helps_explain,
)


def on_condition(s: Sentence, j: int) -> bool:
    """Tokens from `j` read "on condition" or "on the condition" (of anonymity)."""
    words = [t.lower for t in s.toks[j : j + 3]]
    return words[:2] == ["on", "condition"] or words == ["on", "the", "condition"]


def speech_follows(s: Sentence, j: int) -> bool:
    """Token `j` (after an adverb in -ly) opens what was said: a quotation, one after a
    comma or a colon, or a "that" clause."""
    toks, in_quote = s.toks, s.in_quote
    if j < len(toks) and toks[j].lower.endswith("ly") and in_quote[j] is None:
        j += 1
    if j >= len(toks):
        return False
    if in_quote[j] is not None or toks[j].lower == "that":
        return True
    return toks[j].text in INTRODUCING_MARKS and j + 1 < len(toks) and in_quote[j + 1] is not None

"""Who speaks in one sentence: the subject of its clause, or the name an aside follows.

Speaker attachment (`attach`) finds where the speaker of a cue stands and asks these
functions for the noun phrase that speaks: the sentence's subject past any opening phrase ("In a
statement, ..."), a name and the aside after it ("Jung Pak, U.S. deputy special
envoy, said"), or the name after an inverted cue ("said Lee Soo-jin, an economist").
"""

from __future__ import annotations

import bisect
import re

from ..model import Span
from .blocks import Token
from .grammar import holds_clause, is_time_word, noun_like, opens_noun, plural_form
from .lexicon import (
    ADVERBIAL_PREPOSITIONS,
    AFFILIATIONS,
    ARTICLES,
    ASIDE_DASHES,
    ASIDE_FOR,
    ASIDE_RELATIVES,
    CONNECTIVES,
    CUE_FORMS,
    DETERMINERS,
    EXAMPLE_OPENERS,
    FEMALE_NAMES,
    LINKING_ADVERBS,
    MALE_NAMES,
    NAME_PARTICLES,
    NP_MARKS,
    OPENING_WORDS,
    PARTITIVE_PRONOUNS,
    PEOPLE_ENDINGS,
    POST_NOMINALS,
    PRE_CUE_SKIP,
    PREPOSITIONS,
    ROLE_ENDS,
    ROLE_HEADS,
    SAYING_VERBS,
    SETTING_NOUNS,
    SUBJECT_JOINERS,
    SUBJECT_PRONOUNS,
    TITLE_WORDS,
)
from .mentions import Mention, backward_np, mention_from_tokens, name_gender, pronoun_of
from .sentence import Sentence


def _place_without_comma(toks: list[Token], k: int, limit: int) -> int | None:
    """After a preposition at `k`, a place or a day of one to three capitalised words and
    then an article, where the subject starts ("In Parliament the Communist Party ...",
    "On Tuesday the ministry said"): the article's token; None otherwise."""
    if toks[k].lower not in PREPOSITIONS:
        return None
    j = k + 1
    while j < min(limit, k + 4) and toks[j].is_capital:
        j += 1
    if j == k + 1 or j >= limit or toks[j].lower not in ARTICLES:
        return None
    return j


def subject(s: Sentence, limit: int) -> Mention | None:
    """The subject of the sentence's main clause, read before token `limit`.

    Leading connectives ("Then", "But") and an opening phrase that ends in a comma
    ("In court documents, ...") are skipped; a pronoun subject is kept as such.
    """
    toks = s.toks
    k = 0
    # A dateline ("WASHINGTON —") is where the story was filed, not who speaks.
    while k < limit and toks[k].is_word and toks[k].text.isupper() and len(toks[k].text) > 2:
        k += 1
    while k < limit and toks[k].lower in CONNECTIVES:
        k += 1
    for _ in range(3):
        # "In a statement, ...", "Weighing in on the debate, ...", "While he agreed, ...",
        # and "On Thursday, after remaining neutral, ...": each opening phrase.
        if k >= limit or not opens_with_phrase(s, k):
            break
        after = _place_without_comma(toks, k, limit)
        if after is not None:
            k = after  # "In Parliament the Communist Party has accused ...": no comma
            continue
        comma = next((i for i in range(k, min(limit, k + 20)) if toks[i].text == ","), None)
        if comma is None:
            return None
        k = comma + 1
    if k < limit and pronoun_of(toks[k]) in SUBJECT_PRONOUNS:
        return mention_from_tokens([toks[k]], s.text)
    end = k
    limit = min(limit, k + 15)
    modifiers = 0  # lower-case words after a determiner or a possessive
    while end < limit and s.in_quote[end] is None:
        tok = toks[end]
        if (
            tok.is_capital
            or tok.lower in SUBJECT_JOINERS
            or tok.lower in ROLE_HEADS
            or (end + 1 < limit and toks[end + 1].lower in ROLE_HEADS and tok.is_word)
        ):
            modifiers = 0
        elif (
            end > k
            and modifiers < 3
            and noun_like(tok)
            and (
                modifiers
                or opens_noun(toks[end - 1])
                or toks[end - 1].lower == "of"
                # "The Indian navy", "the Obama administration": a name as a modifier
                or (
                    end > k + 1
                    and toks[k].lower in ARTICLES
                    and all(t.is_capital for t in toks[k + 1 : end])
                )
            )
        ):
            # "The billionaire businessman", "Clinton's husband": the head of the phrase.
            modifiers += 1
        elif _role_before_name(toks, end, limit):
            modifiers = 0  # "Finnish security firm F-Secure": the role, then the name
        else:
            break
        end += 1
    if end == k:
        return None
    return mention_from_tokens(list(toks[k:end]), s.text)


def _role_before_name(toks: list[Token], k: int, limit: int) -> bool:
    """Token `k` starts the lower-case words of a role that a name ends ("security firm
    F-Secure", "software giant Microsoft"): nouns, then a capitalised word."""
    for m in range(k, min(limit, k + 3)):
        if toks[m].is_capital:
            return m > k
        if not (toks[m].is_word and noun_like(toks[m])):
            return False
    return False


def opens_with_phrase(s: Sentence, k: int) -> bool:
    """Token `k` opens a phrase before the subject: a preposition, a subordinating
    conjunction, a participle ("Speaking to reporters,") or an adverb ("Privately,")."""
    tok = s.toks[k]
    low = tok.lower
    if low in OPENING_WORDS:
        return True
    # "Last month, ...", "Also on Monday, ...": a time phrase and its comma.
    j = k
    while j < len(s.toks) and j < k + 5 and is_time_word(s.toks[j]):
        j += 1
    if j > k and j < len(s.toks) and s.toks[j].text == ",":
        return True
    return (
        tok.is_word
        and low.isalpha()
        and len(low) > 4
        and low.endswith(("ing", "ly", "ed"))
        and low not in FEMALE_NAMES
        and low not in MALE_NAMES
        and s.in_quote[k] is None
        and k + 1 < len(s.toks)
        and not s.toks[k + 1].is_capital
        and s.toks[k + 1].lower not in CUE_FORMS
    )


def past_subject(s: Sentence, k: int, limit: int) -> int:
    """The token after what may trail a subject: "(R-Fla.)", ", a Vermont senator,",
    "and Trump"."""
    toks = s.toks
    for _ in range(2):
        if k >= limit:
            return k
        text = toks[k].text
        if text == "(":
            close = next((i for i in range(k, min(limit, k + 8)) if toks[i].text == ")"), None)
            if close is None:
                return k
            k = close + 1
        elif text == ",":
            close = next((i for i in range(k + 1, min(limit, k + 16)) if toks[i].text == ","), None)
            if close is None:
                return k
            k = close + 1
        elif toks[k].lower == "and" and k + 1 < limit and toks[k + 1].is_capital:
            k += 2
            while k < limit and toks[k].is_capital:
                k += 1
        else:
            return k
    return k


def skip_aside(s: Sentence, j: int) -> int:
    """Step back over what may stand between a speaker and the cue: a dashed aside
    ("figures — whose party ... — both suggested") or a short time or setting phrase
    ("Trump at the time said", "Kasich in an interview said")."""
    toks = s.toks
    for _ in range(3):
        if j > 1 and toks[j].text in ASIDE_DASHES | {"-"} and s.in_quote[j] is None:
            # A spaced hyphen stands for a dash ("Reynolds - his co-host - told"), and
            # "--" is read as two of them.
            dash = toks[j].text
            while j > 1 and dash == "-" and toks[j - 1].text == "-":
                j -= 1
            opening = next(
                (i for i in range(j - 1, max(-1, j - 40), -1) if toks[i].text == dash), None
            )
            if opening is None:
                return j
            while opening > 0 and dash == "-" and toks[opening - 1].text == "-":
                opening -= 1
            j = opening - 1
            while j >= 0 and toks[j].lower in PRE_CUE_SKIP:
                j -= 1
            continue
        if j >= 2 and toks[j].lower in SETTING_NOUNS:
            k = j - 1
            while (
                k >= 0
                and k >= j - 3
                and toks[k].lower not in PREPOSITIONS
                and toks[k].is_word
                and not toks[k].is_capital
            ):
                k -= 1
            if k >= 1 and toks[k].lower in PREPOSITIONS and s.in_quote[k] is None:
                j = k - 1
                continue
        return j
    return j


def appositive(s: Sentence, comma: int, floor: int) -> tuple[Mention | None, list[Token]]:
    """The speaker before an aside that ends at `comma`, with the aside as its role."""
    mention: Mention | None = None
    toks: list[Token] = []
    if floor > 0 and s.in_quote[floor - 1] is not None:
        mention, toks = name_after_quote(s, comma, floor)
    if mention is None:
        mention, toks = named_aside(s, comma, floor)
    if (mention is None or not mention.name) and floor == 0:
        # "Sandy Phillips, who lost her daughter in Aurora, Colorado, in 2012, said",
        # "Dan Gillmor, founder of Grassroots Media, which supports ..., said": a name
        # opens the sentence, and the aside runs to the comma before the cue.
        named, named_toks = name_after_quote(s, comma, floor)
        if named is not None:
            mention, toks = named, named_toks
    return mention, toks


def named_aside(s: Sentence, comma: int, floor: int) -> tuple[Mention | None, list[Token]]:
    """`Jung Pak, U.S. deputy special envoy for North Korea, said`: name and role.

    Also `A senior official, speaking on condition of anonymity, said` and
    `Kirby, who spoke to reporters, said`: the middle tells nothing of the speaker.
    """
    toks = s.toks
    k = _aside_opening(s, comma, floor)
    if k is None:
        return None, []
    role_start = k + 1
    if k >= floor + 3 and toks[k - 1].text[:1].isdigit() and toks[k - 2].text == ",":
        k -= 2  # "Ramil Carr, 31, a photographer, said": the age goes with the name
    middle = toks[k + 1 : comma]
    if not middle or role_start >= comma:
        return None, []
    # "who spoke ...", "speaking to reporters", "asked about the port": an aside.
    aside = (
        middle[0].lower in ASIDE_RELATIVES
        or middle[0].lower.endswith(("ing", "ed"))
        or _adverbial(middle)
    )
    # "Ministers, the spokesman added, had agreed": an attribution, not a role.
    at = bisect.bisect_right(s.cue_starts, k)
    aside = aside or (at < len(s.cue_starts) and s.cue_starts[at] < comma)
    if (
        aside
        and k >= floor + 3
        and toks[k - 1].lower in LINKING_ADVERBS
        and toks[k - 2].text == ","
        and s.in_quote[k - 2] is None
    ):
        k -= 2  # "Sanders, meanwhile, who sits at zero endorsements, said"
    name_toks = backward_np(toks, _before_abbreviation(s, k - 1, floor), floor)
    if not name_toks:
        return None, []
    first = s.index_of(name_toks[0])
    speaker = _before_relative(s, first, floor)
    if speaker is not None:
        # "Ms. Arnold, who helped found EDGE, an environmental group, said": the name
        # before the aside is the relative clause's object; the aside is its role
        return speaker
    if (
        len(name_toks) == 1
        and (
            _PARTY_TAG.fullmatch(name_toks[0].text)
            or name_toks[0].text.replace(".", "") in POST_NOMINALS
        )
        and first >= floor + 2
        and toks[first - 1].text == ","
    ):
        # "Rep. Jim Jordan, R-Ohio, chairman of the committee, said": the party and
        # state tag a name, as "MD" or "QC" does ("Jeff Terry, MD, chair of ..."); the
        # name before them speaks
        name_toks = backward_np(toks, first - 2, floor) or name_toks
    base = mention_from_tokens(name_toks, s.text)
    if base is None:
        return None, []
    if not aside:
        opening = toks[floor : s.index_of(name_toks[0])]
        # past a short phrase that opens the sentence ("For now, Pantucci, at the
        # institute, said"), not a name's own aside ("Sandy Phillips, who lost ...")
        commas = [i for i, t in enumerate(opening) if t.text == ","]
        if (
            len(commas) == 1
            and floor == 0
            and commas[0] <= 4
            and not any(t.is_capital for t in opening[1 : commas[0]])
        ):
            opening = opening[commas[0] + 1 :]
        placed = toks[role_start].lower in PREPOSITIONS and all(
            t.is_word and t.lower not in CUE_FORMS for t in opening
        )
        base = _with_role(s, base, name_toks, middle, toks[role_start])
        if base is None and placed:
            # "Supporters of abortion rights, on the other hand, argued", "Pantucci, at
            # the institute, said": the phrase that opens the sentence, then a setting.
            base = _placed_speaker(s, [*opening, *name_toks], comma)
        if base is None:
            return None, []
    return base, list(toks[s.index_of(name_toks[0]) : comma])


def _before_relative(
    s: Sentence, first: int, floor: int
) -> tuple[Mention | None, list[Token]] | None:
    """The speaker before a relative clause that holds the words from its comma to token
    `first` ("Ms. Arnold, who helped found EDGE"), or None when no such clause stands
    there."""
    toks = s.toks
    k = first - 1
    while k > floor and toks[k].text != "," and s.in_quote[k] is None:
        k -= 1
    if k <= floor or toks[k].text != "," or toks[k + 1].lower not in ASIDE_RELATIVES:
        return None
    if k + 2 >= first:
        return None
    phrase = backward_np(toks, k - 1, floor)
    mention = mention_from_tokens(phrase, s.text) if phrase else None
    if mention is None or not mention.name:
        return None
    return mention, list(toks[s.index_of(phrase[0]) : k])


# A US politician's party and state after the name: "R-Ohio", "D-N.Y.", "I-Vt".
_PARTY_TAG = re.compile(r"[DRI]-[A-Z][A-Za-z.]*")


def _placed_speaker(s: Sentence, phrase: list[Token], comma: int) -> Mention | None:
    """The phrase that opens the sentence as the speaker of a verb of saying after a
    setting, when it can speak: a name, a role or people ("Supporters of abortion
    rights, on the other hand, argued"); not "A key priority, in both settings, said"
    or "The phone, with two cameras, reflects"."""
    at = bisect.bisect_right(s.cue_starts, comma)
    if at == len(s.cue_starts) or CUE_FORMS.get(s.toks[s.cue_starts[at]].lower) not in SAYING_VERBS:
        return None
    mention = mention_from_tokens(phrase, s.text)
    if mention is None:
        return None
    # The head stands before "of" ("Opponents of the dam"), else it ends the phrase.
    head = next(
        (t for t, after in zip(phrase, phrase[1:], strict=False) if after.lower == "of"),
        phrase[-1],
    )
    low = head.lower
    if mention.name or low in ROLE_HEADS or (plural_form(low) and low.endswith(PEOPLE_ENDINGS)):
        return mention
    return None


def _adverbial(middle: list[Token]) -> bool:
    """An aside that tells how the sentence goes on, not who speaks: linking adverbs
    ("The lawmakers, however, argue", "for instance") or a part of the speakers ("His
    critics, many of them Catholics, argue")."""
    words = [t.lower for t in middle if t.is_word]
    if not words:
        return False
    if all(w in LINKING_ADVERBS for w in words):
        return True
    if words[0] in EXAMPLE_OPENERS:
        return True  # "Even the biggest hawks, like Rubio and Bush, say"
    if words[0] == "for" and len(words) > 1:
        return words[1] in ASIDE_FOR  # "for instance", "for its part"
    return len(words) >= 3 and words[1] == "of" and words[2] in PARTITIVE_PRONOUNS


def _aside_opening(s: Sentence, comma: int, floor: int) -> int | None:
    """The comma that opens the aside closed at `comma`: the one before it, or an earlier
    one when the role holds commas ("Dean Johnson, a salesman from Sumter, South
    Carolina, says": the role starts with a determiner after the name)."""
    toks = s.toks
    k = comma - 1
    stop = max(floor, comma - 40)
    while k >= stop and toks[k].text != "," and s.in_quote[k] is None:
        k -= 1
    if k < floor + 1 or toks[k].text != ",":
        return None
    back = k
    for _ in range(3):
        if k + 1 < comma and toks[k + 1].lower in ARTICLES:
            break
        previous = next((i for i in range(back - 1, floor - 1, -1) if toks[i].text == ","), None)
        if (
            previous is None
            or previous < floor + 1
            or toks[previous + 1].lower not in ARTICLES
            or not toks[previous - 1].is_capital  # "On Wednesday, however, the ..."
        ):
            break
        k = back = previous
    return k


def _before_abbreviation(s: Sentence, end: int, floor: int) -> int:
    """Token `end`, or the token before an abbreviation in parentheses that ends there
    ("the head of the World Health Organization (WHO), Jane Doe, said")."""
    toks = s.toks
    if end > floor and toks[end].text == ")" and s.in_quote[end] is None:
        opening = next(
            (i for i in range(end - 1, max(floor, end - 8), -1) if toks[i].text == "("), None
        )
        if opening is not None:
            return opening - 1
    return end


def _with_role(
    s: Sentence, base: Mention, name_toks: list[Token], middle: list[Token], opening: Token
) -> Mention | None:
    """The speaker named before an aside (`middle`, its first word `opening`), with the
    aside as their role; or the name the aside gives a description ("A Twitter
    spokesman, Christopher Abboud, said"); None when the aside is no role."""
    described = not base.name or name_toks[0].lower in ARTICLES
    role: str | None = base.text
    if (
        not described
        and not base.is_person_name
        and len(middle) >= 2
        and name_gender(s.text[middle[0].start : middle[-1].end])
    ):
        # "the play's organiser in Uganda, Sarah Mukasa, told": a person's name after a
        # description that ends in a place names who speaks; the place is no role.
        described, role = True, None
    if described and len(middle) <= 8 and not all(t.is_capital for t in middle if t.is_word):
        # "The play's writer, US playwright Eve Ensler, says": a role, then the name.
        run = len(middle)
        while run > 0 and middle[run - 1].is_capital:
            run -= 1
        if len(middle) - run >= 2:
            named = mention_from_tokens(list(middle[run:]), s.text)
            if named is not None and named.name and named.is_person_name:
                lead = s.text[middle[0].start : middle[run - 1].end] if run else None
                return Mention(named.span, named.text, named.name, lead, gender=named.gender)
    if described and len(middle) <= 10:
        # "Another pollster, David Woodard of Clemson University, said": the name, then
        # where the person works.
        run = 0
        while run < len(middle) and middle[run].is_capital:
            run += 1
        if 2 <= run < len(middle) and middle[run].lower in AFFILIATIONS:
            named = mention_from_tokens(list(middle[:run]), s.text)
            if named is not None and named.name and named.is_person_name:
                return Mention(named.span, named.text, named.name, role, gender=named.gender)
    if described and all(t.is_capital for t in middle if t.is_word) and len(middle) <= 4:
        # "the head of the World Health Organization (WHO), Jane Doe, said": the name is
        # the aside.
        named = mention_from_tokens(list(middle), s.text)
        if named is not None and named.name and (not base.name or named.is_person_name):
            return Mention(named.span, named.text, named.name, role, gender=base.gender)
    if (
        not base.name
        or len(middle) > (36 if opening.lower in DETERMINERS else 16)
        or not name_toks[-1].is_capital
        # "in Aurora, Colorado, in July 2012, said": a place and a time, no role
        or opening.lower in PREPOSITIONS
    ):
        return None
    role_text = s.text[middle[0].start : middle[-1].end]
    return Mention(base.span, base.text, base.name, role_text, gender=base.gender)


def name_after_quote(s: Sentence, comma: int, floor: int) -> tuple[Mention | None, list[Token]]:
    """'"...," Mr. Daniloff, now 81 and retired in Cambridge, Mass., said': right after
    a quotation, a name and a comma open the aside, whatever commas it holds."""
    toks = s.toks
    first_comma = next(
        (i for i in range(floor, min(comma, floor + 8)) if toks[i].text == ","), None
    )
    if first_comma is None or first_comma == floor or comma - first_comma > 40:
        return None, []
    name_toks = list(toks[floor:first_comma])
    if not all(t.is_capital or not t.is_word or t.lower in NAME_PARTICLES for t in name_toks):
        # "Texas delegate Bill Eastland, wearing ..., said": role words, then the name.
        name_toks = backward_np(toks, first_comma - 1, floor)
        lead = toks[floor : first_comma - len(name_toks)]
        if (
            not name_toks
            or not name_toks[-1].is_capital
            or len(lead) > 3
            or not all(t.is_word for t in lead)
        ):
            return None, []
    base = mention_from_tokens(name_toks, s.text)
    if base is None or not base.name:
        return None, []
    opening = toks[first_comma + 1].lower
    if opening in ASIDE_RELATIVES or opening.endswith(("ing", "ed")):
        role = base.role  # "who lost her daughter ...", "speaking to reporters": no role
    else:
        # "founder of Grassroots Media, which supports ...": the role ends at the clause
        end = next(
            (
                j
                for j in range(first_comma + 2, comma)
                if toks[j].text == "," and toks[j + 1].lower in ASIDE_RELATIVES
            ),
            comma,
        )
        role = s.text[toks[first_comma + 1].start : toks[end - 1].end]
    return Mention(base.span, base.text, base.name, role, gender=base.gender), list(
        toks[floor:comma]
    )


def inverted_mention(s: Sentence, ahead: list[Token]) -> Mention | None:
    """`said Lee Soo-jin, an economist at Hanbit Securities`: the name, then its role;
    `said the chairman of the committee, Labour MP Barry Sheerman.`: the role, then the
    name that ends the sentence."""
    last = ahead[-1].lower
    if (last.endswith(("'s", "’s")) or last in ("'", "’")) and holds_clause(
        s, Span(ahead[0].start, s.span.end)
    ):
        return None  # "suggested Donald Trump's refusal ... is ...": whose, not who speaks
    mention = mention_from_tokens(ahead, s.text)
    if mention is None:
        return mention
    if not mention.name:
        return _name_closing(s, ahead, mention)
    k = s.index_of(ahead[-1]) + 1
    toks = s.toks
    if (
        k + 1 < len(toks)
        and toks[k].text == ","
        # ", an economist at ...", ", president of the federation": a role after the name
        and (toks[k + 1].lower in ARTICLES or _opens_role(toks[k + 1]))
    ):
        end = k + 2
        while end < len(toks) and toks[end].text not in ROLE_ENDS and s.in_quote[end] is None:
            end += 1
        if end - k <= 14:
            role = s.text[toks[k + 1].start : toks[end - 1].end]
            return Mention(mention.span, mention.text, mention.name, role, gender=mention.gender)
    return mention


def _opens_role(tok: Token) -> bool:
    """A lower-case word that opens a role: "president of ...", "executive director"."""
    return not tok.is_capital and (tok.lower in ROLE_HEADS or tok.lower in TITLE_WORDS)


def _name_closing(s: Sentence, ahead: list[Token], described: Mention) -> Mention:
    """The name after a description and a comma at the end of the sentence ("said the
    chairman of the committee, Labour MP Barry Sheerman."), with the description as
    its role; else the description."""
    toks = s.toks
    k = s.index_of(ahead[-1]) + 1
    rest = [t for t in toks[k + 1 :] if t.is_word or t.text in NP_MARKS]
    if (
        k >= len(toks)
        or toks[k].text != ","
        or not 1 < len(rest) <= 6
        or len(rest) != len(toks) - k - 1 - sum(1 for t in toks[k + 1 :] if t.text in ".!?")
    ):
        return described
    named = mention_from_tokens(rest, s.text)
    if named is None or not named.name or not named.is_person_name:
        return described
    words = described.text.split()
    if words and words[0].lower() in ARTICLES:
        words = words[1:]  # "the chairman of ..." is shown as "chairman of ..."
    role = ", ".join(p for p in (named.role, " ".join(words)) if p)
    return Mention(named.span, named.text, named.name, role, gender=named.gender)


def closes_appositive(s: Sentence, comma: int) -> bool:
    """The comma at `comma` ends an aside after a name: "Yang Shu, director of the
    institute, calls ..."."""
    toks = s.toks
    for i in range(comma - 2, max(0, comma - 40), -1):
        if s.in_quote[i] is not None or toks[i].text in {";", ":"}:
            return False
        if toks[i].text == ",":
            # Not an adverbial aside: "Pyongyang, for its part, wants ...".
            return (
                toks[i - 1].is_capital
                and toks[i + 1].is_word
                and toks[i + 1].lower not in OPENING_WORDS
                and toks[i + 1].lower not in CONNECTIVES
                and toks[i + 1].lower not in ADVERBIAL_PREPOSITIONS
            )
    return False

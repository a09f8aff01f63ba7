"""Find who said what in one sentence: cue, speaker mention and content span.

The rules read a sentence as tokens with the quotations marked, look for a cue
(a speech verb, "according to", "quoted as saying"), and try the shapes news copy
uses, in this order:

- quotation, then attribution: `"...," Miller said` / `"...," added Miller`;
- attribution, then quotation: `Miller said: "..."`;
- attribution, then reported content: `Miller said (that) ...`;
- reported content, then attribution: `..., a spokesperson said Tuesday`;
- a second claim of the same speaker: `..., noting (that) ...`.

A sentence with no cue that is mostly a quotation continues the previous speaker;
any other sentence is the outlet's own statement.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..model import Span
from .lexicon import CUE_FORMS, PRE_CUE_SKIP, RECIPIENTS, ROLE_HEADS, WEAK_CUES
from .sentence import SentenceView, overlap
from .speakers import Mention, backward_np, forward_np, mention_from_tokens
from .text import Quote, Token

_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    on earlier later last this week month year morning afternoon evening night
    mon tue wed thu fri sat sun again also""".split()
)
_COMMIT_CUES = frozenset(
    "promise promises promised vow vows vowed pledge pledges pledged urged urge urges "
    "told tell tells telling according seek seeks sought seeking plan plans planned "
    "planning intend intends intended want wants wanted hope hopes hoped refuse refuses "
    "refused decline declines declined threaten threatens threatened "
    "demand demands demanded decide decides decided".split()
)
# A reported clause does not start with these: "said as much", "say would be".
_NOT_CLAUSE_START = frozenset(
    "would could will should might may must can is was were are has have had be been "
    "in at by for with from of to into about after before when while as during".split()
)
# Reported content longer than this (characters) is cut: no claim runs that long.
_MAX_CONTENT = 1200
# Reported content shorter than this is a fragment ("Still, he said"), not a claim.
_MIN_CONTENT_WORDS = 3
# A quotation with no cue becomes a claim when it has at least this many words.
_BARE_QUOTE_WORDS = 3
_CONNECTIVES = frozenset(
    "then but and so yet still now later earlier meanwhile instead also however indeed , —".split()
)
_SETTING_NOUNS = frozenset(
    "time week weekend day month year morning afternoon evening night statement interview "
    "speech briefing conference rally debate letter post email".split()
)
_PROGRESSIVE = frozenset("is are was were be been am 's ’s".split())
# Stance verbs that report something only with an infinitive or a clause after them:
# "declined to comment" is a claim, "earnings declined sharply" is not.
_INFINITIVE_ONLY = frozenset(
    "decline refuse plan seek want hope attempt intend threaten decide vow pledge promise".split()
)
_INVERTING = frozenset("should would could will did does do can may might must shall had".split())
_PARTICLES = frozenset("for about on to against of with at out over up into".split())
_CLAUSE_WORDS = frozenset("that how whether why what if when who where".split())
_TELL_LIKE = frozenset(
    "tell assure reassure remind inform notify convince persuade warn promise brief".split()
)
_OBJECT_WORDS = frozenset(
    "of 's ’s me us him her them you voters supporters americans people reporters".split()
)
_PREPOSITIONS = frozenset("in on at during to with before after about from by".split())
_OBJECT_CUES = frozenset(
    "warn warns warned warning urge urges urged urging ask asks asked accuse accuses "
    "accused caution cautions cautioned press presses pressed".split()
)
_PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# Where a claim's content stops: a comma and a word that starts another clause.
_CONTENT_BREAKS = frozenset(
    "while whereas apparently according although though adding noting saying stressing "
    "warning insisting arguing claiming explaining acknowledging emphasizing underscoring "
    "reiterating suggesting asserting contending cautioning".split()
)


@dataclass(frozen=True)
class Found:
    """One claim found in a sentence, before its speaker is resolved across the article."""

    kind: str
    content: Span
    cue: Span | None
    cue_text: str | None
    mention: Mention | None
    sentence: Span
    inherits: bool = (
        False  # the speaker is the previous claim's ("..., noting ...", or a bare quote)
    )
    parts: tuple[Span, ...] = ()  # the quotations a claim joins ('"...," he said, "..."')


class SentenceReader(SentenceView):
    """Reads one sentence of an article; cheap to build, used once."""

    def cues(self) -> list[tuple[int, int, str]]:
        """(first token, last token, cue text) of every cue outside quotations."""
        found = []
        toks = self.toks
        n = len(toks)
        k = 0
        while k < n:
            if (
                toks[k].text == ":"
                and 0 < k < n - 1
                and self.in_quote[k] is None
                and self.in_quote[k + 1] is not None
                and toks[k - 1].is_word
                and toks[k - 1].lower not in CUE_FORMS
            ):
                found.append((k, k, ":"))  # 'Cecile Richards: "..."'
                k += 1
                continue
            if self.in_quote[k] is not None or not toks[k].is_word:
                k += 1
                continue
            low = toks[k].lower
            nxt = toks[k + 1].lower if k + 1 < n else ""
            if low == "according" and nxt == "to":
                found.append((k, k + 1, "according to"))
                k += 2
                continue
            if low == "quoted" and nxt == "as" and k + 2 < n and toks[k + 2].lower == "saying":
                found.append((k, k + 2, "quoted as saying"))
                k += 3
                continue
            if low == "pointed" and nxt == "out":
                found.append((k, k + 1, "pointed out"))
                k += 2
                continue
            if low in CUE_FORMS and self._is_speech(k):
                found.append((k, k, toks[k].text))
            k += 1
        return found

    def _is_speech(self, k: int) -> bool:
        toks = self.toks
        low = toks[k].lower
        prev = toks[k - 1].lower if k > 0 else ""
        if (
            toks[k].is_capital
            and k > 0
            and toks[k - 1].text not in {'"', "“", "”", ","}
            and not self._title_case
        ):
            return False  # a proper noun: "the United States"
        if (
            k + 2 < len(toks)
            and toks[k + 1].lower == "to"
            and low not in _COMMIT_CUES
            and not toks[k + 2].is_capital
            and toks[k + 2].lower
            not in {"the", "a", "an", "reporters", "journalists", "me", "us", "him", "her", "them"}
        ):
            return False  # "said to be", "asked to leave"; but "said to Fox News"
        if prev in _PASSIVE and low not in {"quoted"} and not low.endswith("ing"):
            return False  # "he is expected to", "it was reported"
        if prev in {"the", "a", "an", "his", "her", "their", "its"}:
            return False  # a noun: "the report", "a claim"
        if low in WEAK_CUES:
            # Weak cues need a subject right before them or an inversion after a quotation.
            return k > 0 and (
                toks[k - 1].is_word
                or self.in_quote[k - 1] is not None
                or toks[k - 1].text in '"”»'
                or (low.endswith("ing") and toks[k - 1].text == ",")  # ", calling it ..."
            )
        return True

    # -- reading ------------------------------------------------------------------------

    def read(self) -> list[Found]:
        """The claims of this sentence."""
        cues = self.cues()
        found: list[Found] = []
        used_quotes: set[int] = set()
        for first, last, cue_text in cues:
            claim = self._claim_at(first, last, cue_text, used_quotes, found)
            if claim is not None:
                found.append(claim)
        unused = [q for i, q in enumerate(self.quotes) if i not in used_quotes]
        if not found and unused and self._mostly_quote(unused):
            start = min(q.inner.start for q in unused)
            end = max(q.inner.end for q in unused)
            found.append(
                Found(
                    "quote",
                    self._tidy(Span(start, end)),
                    None,
                    None,
                    None,
                    self.sentence,
                    inherits=True,
                )
            )
        else:
            # A quotation of a few words or more outside every claim: still someone's words.
            covered = sorted(f.content for f in found if f.kind != "intro")
            ends = [c.end for c in covered]
            for quote in unused:
                # Claims are sorted: look only at the few that can reach the quotation.
                first = bisect.bisect_left(ends, quote.inner.start)
                near = covered[first : first + 4]
                if any(overlap(c, quote.inner) * 2 >= len(quote.inner) for c in near):
                    continue
                if len(self.text[quote.inner.start : quote.inner.end].split()) >= _BARE_QUOTE_WORDS:
                    content = self._tidy(quote.inner)
                    found.append(
                        Found("quote", content, None, None, None, self.sentence, inherits=True)
                    )
        return found

    def _mostly_quote(self, quotes: list[Quote]) -> bool:
        inside = sum(len(q.outer) for q in quotes)
        return inside >= 0.6 * len(self.sentence)

    def _claim_at(
        self, first: int, last: int, cue_text: str, used: set[int], earlier: list[Found]
    ) -> Found | None:
        toks = self.toks
        n = len(toks)
        cue_span = Span(toks[first].start, toks[last].end)
        if cue_text == ":" and earlier:
            return None  # the colon after "told reporters on Monday:" is that cue's
        if cue_text == "according to":
            # "..., Kim said, according to a transcript": the source of a claim already read.
            return None if earlier else self._according_to(first, last, cue_span)
        # Participle cue after a comma: a second claim of the sentence's speaker.
        # Any -ing cue after a comma ("..., noting that ...") adds a second claim.
        participle = toks[first].lower.endswith("ing")
        if (
            participle
            and first > 1
            and (
                toks[first - 1].text == ","
                or toks[first - 1].lower in {"before", "after", "while", "by"}
                or (self.in_quote[first - 1] is not None and toks[first - 2].text == ",")
            )
        ):
            content = self._content_after(last + 1, cue=cue_text, used=used)
            if content is None:
                return None
            kind = self._kind(content)
            if not earlier:
                # "Clinton attacked Trump, saying ...": the sentence's subject speaks.
                base = self._subject(first)
                if base is not None:
                    return Found(kind, content, cue_span, cue_text, base, self.sentence)
            return Found(kind, content, cue_span, cue_text, None, self.sentence, inherits=True)
        # The subject before the cue, skipping "also", "has", "earlier" and the like.
        j = first - 1
        if cue_text == ":":
            pass  # 'Cecile Richards: "..."': the name stands right before the colon
        elif cue_text == "quoted as saying":
            while j >= 0 and (toks[j].lower in PRE_CUE_SKIP or toks[j].lower in _PASSIVE):
                j -= 1
        else:
            while (
                j >= 0
                and self.in_quote[j] is None
                and (
                    toks[j].lower in PRE_CUE_SKIP
                    or toks[j].lower in _TIME_WORDS
                    or (
                        toks[j].lower.endswith("ly")
                        and not toks[j].is_capital
                        and len(toks[j].text) > 4
                    )
                )
            ):
                j -= 1
        j = self._skip_aside(j)
        if j > 2 and toks[j].text == "," and toks[j - 1].text == ")" and self.in_quote[j] is None:
            j -= 1  # "Gov. John Kasich (R-OH), said"
        if j > 1 and toks[j].text == ")" and self.in_quote[j] is None:
            opening = next(
                (i for i in range(j - 1, max(-1, j - 6), -1) if toks[i].text == "("), None
            )
            if opening is not None:
                j = opening - 1
        floor = self._floor(j)
        mention = None
        mention_toks: list[Token] = []
        if j >= 1 and toks[j].lower == "who" and self.in_quote[j - 1] is None:
            # "Trump, who said ...": the speaker is the phrase before the relative pronoun.
            end = j - 2 if toks[j - 1].text == "," else j - 1
            antecedent = backward_np(toks, end, self._floor(end)) if end >= 0 else []
            base = mention_from_tokens(antecedent, self.text) if antecedent else None
            if base is not None:
                mention = base
                mention_toks = [toks[j]]
        elif j >= 1 and toks[j].lower in {"and", "but"} and self.in_quote[j] is None:
            # "The department has deemed ... and says ...": the sentence's subject speaks.
            base = self._subject(j)
            if base is not None:
                mention, mention_toks = base, [toks[first]]
        elif j >= 0 and toks[j].is_word and self.in_quote[j] is None:
            mention_toks = backward_np(toks, j, floor)
            mention = mention_from_tokens(mention_toks, self.text) if mention_toks else None
        elif j >= 1 and toks[j].text == "," and self.in_quote[j] is None:
            mention, mention_toks = self._appositive(j, floor)
        inverted = False
        if mention is None and first == 0 and toks[0].is_capital:
            # "Continued Stone: "..."", "Said Dorothy Poynter, who grew up with Ali, "...""
            ahead = forward_np(toks, last + 1, min(n, last + 16))
            quote = next(
                (i for i in range(last + 1, min(n, last + 20)) if self.in_quote[i] is not None),
                None,
            )
            if ahead and quote is not None:
                mention = self._inverted_mention(ahead)
                index = self.in_quote[quote]
                if mention is not None and index is not None:
                    used.add(index)
                    content = self._tidy(self.quotes[index].inner)
                    return Found("quote", content, cue_span, cue_text, mention, self.sentence)
        if mention is None:
            ahead = forward_np(toks, last + 1, min(n, last + 16))
            if ahead and (
                self._quote_before(first) is not None or (j >= 0 and toks[j].text == ",")
            ):
                mention = self._inverted_mention(ahead)
                mention_toks = ahead
                inverted = True
        if mention is None:
            return None
        subject_start = mention_toks[0] if mention_toks else toks[first]
        start_tok = self.index_of(subject_start) if not inverted else first
        if not inverted and start_tok > 0 and toks[start_tok - 1].lower in _INVERTING:
            return None  # "should North Korea agree to ...": a condition or a question
        resume = last + 1 + (len(mention_toks) if inverted else 0)
        content_used: set[int] = set()
        after_cue = self._content_after(resume, cue=cue_text, used=content_used)
        # 1. A quotation right before the attribution: `"...," Miller said` -- unless it
        #    is a short title and a reported clause follows the cue.
        before = self._quote_before(start_tok)
        if before is not None and (
            after_cue is None or inverted or self._words(self.quotes[before].inner) >= 5
        ):
            used.add(before)
            content = self.quotes[before].inner
            lead_in = Span(self.sentence.start, self.quotes[before].outer.start)
            if (
                self._words(lead_in) >= _MIN_CONTENT_WORDS
                and not earlier
                and self._mark_free(lead_in)
            ):
                # 'Gore "made a strategic mistake," Lichtman said': the quotation is a fragment
                # of the claim, which starts with the sentence.
                content = self._tidy(Span(self.sentence.start, content.end))
                self._use_quotes_in(content, used)
                return Found("partial", content, cue_span, cue_text, mention, self.sentence)
            after = self._quote_after(resume, gap=3)
            if after is not None:  # `"...," he said, "..."`: one claim across the break
                used.add(after)
                pieces = (self._tidy(content), self._tidy(self.quotes[after].inner))
                joined = Span(pieces[0].start, pieces[1].end)
                return Found(
                    "quote", joined, cue_span, cue_text, mention, self.sentence, parts=pieces
                )
            return Found("quote", self._tidy(content), cue_span, cue_text, mention, self.sentence)
        # 2. A parenthetical attribution: `At one point, she said, she was considering ...`.
        if start_tok > 0 and toks[start_tok - 1].text == "," and not inverted:
            after_comma = self._parenthetical_end(resume)
            if after_comma is not None and not earlier:
                head = self._tidy(Span(self.sentence.start, toks[start_tok - 1].start))
                tail = self._tidy(Span(toks[after_comma].start, self.sentence.end))
                if (
                    self._words(head) + self._words(tail) >= _MIN_CONTENT_WORDS
                    and self._words(tail) >= 2
                ):
                    halves = tuple(p for p in (head, tail) if p.end > p.start)
                    joined = Span(halves[0].start, halves[-1].end)
                    self._use_quotes_in(joined, used)
                    return Found(
                        self._kind(joined),
                        joined,
                        cue_span,
                        cue_text,
                        mention,
                        self.sentence,
                        parts=halves,
                    )
        # 3. Content after the cue: a quotation or a reported clause.
        if after_cue is not None and not inverted:
            used |= content_used
            return Found(
                self._kind(after_cue), after_cue, cue_span, cue_text, mention, self.sentence
            )
        # 4. Content before the subject: `..., a spokesperson said Tuesday.`
        if start_tok > 0 and toks[start_tok - 1].text == "," and self._tail_is_short(last + 1):
            content = self._tidy(Span(self.sentence.start, toks[start_tok - 1].start))
            if self._words(content) >= _MIN_CONTENT_WORDS and not earlier:
                self._use_quotes_in(content, used)
                return Found(
                    self._kind(content), content, cue_span, cue_text, mention, self.sentence
                )
        if after_cue is not None:
            used |= content_used
            return Found(
                self._kind(after_cue), after_cue, cue_span, cue_text, mention, self.sentence
            )
        if self.text[self.sentence.start : self.sentence.end].rstrip().endswith(":"):
            # "Cruz continued:" and the quotation in the next paragraph is his.
            return Found(
                "intro",
                Span(self.sentence.end, self.sentence.end),
                cue_span,
                cue_text,
                mention,
                self.sentence,
            )
        return None

    def _skip_aside(self, j: int) -> int:
        """Step back over what may stand between a speaker and the cue: a dashed aside
        ("figures — whose party ... — both suggested") or a short time or setting phrase
        ("Trump at the time said", "Kasich in an interview said")."""
        toks = self.toks
        for _ in range(3):
            if j > 1 and toks[j].text in {"—", "–", "--"} and self.in_quote[j] is None:
                opening = next(
                    (i for i in range(j - 1, max(-1, j - 40), -1) if toks[i].text == toks[j].text),
                    None,
                )
                if opening is None:
                    return j
                j = opening - 1
                while j >= 0 and toks[j].lower in PRE_CUE_SKIP:
                    j -= 1
                continue
            if j >= 2 and toks[j].lower in _SETTING_NOUNS:
                k = j - 1
                while (
                    k >= 0
                    and k >= j - 3
                    and toks[k].lower not in _PREPOSITIONS
                    and toks[k].is_word
                    and not toks[k].is_capital
                ):
                    k -= 1
                if k >= 1 and toks[k].lower in _PREPOSITIONS and self.in_quote[k] is None:
                    j = k - 1
                    continue
            return j
        return j

    def _subject(self, limit: int) -> Mention | None:
        """The subject of the sentence's main clause, read before token `limit`.

        Leading connectives ("Then", "But") and an opening phrase that ends in a comma
        ("In court documents, ...") are skipped; a pronoun subject is kept as such.
        """
        toks = self.toks
        k = 0
        # A dateline ("WASHINGTON —") is where the story was filed, not who speaks.
        while k < limit and toks[k].is_word and toks[k].text.isupper() and len(toks[k].text) > 2:
            k += 1
        while k < limit and toks[k].lower in _CONNECTIVES:
            k += 1
        if k < limit and toks[k].lower in _PREPOSITIONS | {
            "in",
            "on",
            "at",
            "after",
            "during",
            "despite",
        }:
            comma = next((i for i in range(k, min(limit, k + 12)) if toks[i].text == ","), None)
            if comma is None:
                return None
            k = comma + 1
        if k < limit and toks[k].lower in {"he", "she", "they", "we", "i", "it"}:
            return mention_from_tokens([toks[k]], self.text)
        end = k
        limit = min(limit, k + 15)
        while (
            end < limit
            and self.in_quote[end] is None
            and (
                toks[end].is_capital
                or toks[end].lower in {"the", "a", "an", "of", "'s", "’s", "-"}
                or toks[end].lower in ROLE_HEADS
                or (end + 1 < limit and toks[end + 1].lower in ROLE_HEADS and toks[end].is_word)
            )
        ):
            end += 1
        if end == k:
            return None
        return mention_from_tokens(list(toks[k:end]), self.text)

    def _parenthetical_end(self, k: int) -> int | None:
        """After `, she said`, the token that resumes the sentence past the closing comma."""
        toks = self.toks
        limit = min(len(toks), k + 12)
        while (
            k < limit
            and self.in_quote[k] is None
            and (
                toks[k].lower in _TIME_WORDS
                or toks[k].lower in RECIPIENTS
                or toks[k].is_capital
                or toks[k].lower in {"in", "an", "interview", "statement", "with", "of"}
            )
        ):
            k += 1
        if k + 1 < len(toks) and toks[k].text == "," and self.in_quote[k] is None:
            return k + 1
        return None

    def _tail_is_short(self, k: int) -> bool:
        """After `..., X said`, only a few words or another clause after a comma may follow."""
        toks = self.toks
        tail = 0
        while k < len(toks) and toks[k].text != "," and self.in_quote[k] is None and tail <= 8:
            tail += toks[k].is_word
            k += 1
        return tail <= 8

    def _according_to(self, first: int, last: int, cue_span: Span) -> Found | None:
        toks = self.toks
        ahead = []
        for tok in toks[last + 1 : last + 11]:
            if not tok.is_word and tok.text not in {"-", "&", "'", "’"}:
                break
            ahead.append(tok)
        mention = mention_from_tokens(ahead, self.text) if ahead else None
        if mention is None:
            return None
        after_np = last + 1 + len(ahead)
        if first == 0 or (first > 0 and toks[first - 1].text not in {","}):
            # "According to X, content."
            k = after_np
            while k < len(toks) and toks[k].text != ",":
                k += 1
            if k + 1 >= len(toks):
                return None
            content = self._tidy(Span(toks[k + 1].start, self.sentence.end))
        else:
            content = self._tidy(Span(self.sentence.start, toks[first - 1].start))
        if len(content) == 0:
            return None
        return Found(self._kind(content), content, cue_span, "according to", mention, self.sentence)

    def _appositive(self, comma: int, floor: int) -> tuple[Mention | None, list[Token]]:
        """`Jung Pak, U.S. deputy special envoy for North Korea, said`: name and role.

        Also `A senior official, speaking on condition of anonymity, said` and
        `Kirby, who spoke to reporters, said`: the middle tells nothing of the speaker.
        """
        toks = self.toks
        k = comma - 1
        stop = max(floor, comma - 40)
        while k >= stop and toks[k].text != "," and self.in_quote[k] is None:
            k -= 1
        if k < floor + 1 or toks[k].text != ",":
            return None, []
        # "Dean Johnson, a salesman from Sumter, South Carolina, says": the role may
        # hold commas; it starts with a determiner after the name.
        back = k
        for _ in range(3):
            if k + 1 < comma and toks[k + 1].lower in {"a", "an", "the"}:
                break
            previous = next(
                (i for i in range(back - 1, floor - 1, -1) if toks[i].text == ","), None
            )
            if (
                previous is None
                or previous < floor + 1
                or toks[previous + 1].lower not in {"a", "an", "the"}
            ):
                break
            k = back = previous
        middle = toks[k + 1 : comma]
        if not middle:
            return None, []
        aside = middle[0].lower in {"who", "which"} or middle[0].lower.endswith("ing")
        name_toks = backward_np(toks, k - 1, floor)
        if not name_toks:
            return None, []
        base = mention_from_tokens(name_toks, self.text)
        if base is None:
            return None, []
        if aside:
            return base, list(toks[self.index_of(name_toks[0]) : comma])
        if not base.name and all(t.is_capital for t in middle if t.is_word) and len(middle) <= 4:
            # "A Twitter spokesman, Christopher Abboud, said": the name is the aside.
            named = mention_from_tokens(list(middle), self.text)
            if named is not None and named.name:
                mention = Mention(named.span, named.text, named.name, base.text, gender=base.gender)
                return mention, list(toks[self.index_of(name_toks[0]) : comma])
        if (
            not base.name
            or len(middle) > 16
            or not all(
                t.is_capital or not t.is_word or t.lower in {"of", "for", "the"} for t in name_toks
            )
        ):
            return None, []
        role_text = self.text[middle[0].start : middle[-1].end]
        mention = Mention(base.span, base.text, base.name, role_text, gender=base.gender)
        return mention, list(toks[self.index_of(name_toks[0]) : comma])

    def _inverted_mention(self, ahead: list[Token]) -> Mention | None:
        """`said Lee Soo-jin, an economist at Hanbit Securities`: the name, then its role."""
        mention = mention_from_tokens(ahead, self.text)
        if mention is None or not mention.name:
            return mention
        k = self.index_of(ahead[-1]) + 1
        toks = self.toks
        if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].lower in {"a", "an", "the"}:
            end = k + 2
            while (
                end < len(toks)
                and toks[end].text not in {",", ".", ";"}
                and self.in_quote[end] is None
            ):
                end += 1
            if end - k <= 14:
                role = self.text[toks[k + 1].start : toks[end - 1].end]
                return Mention(
                    mention.span, mention.text, mention.name, role, gender=mention.gender
                )
        return mention

    def _content_after(self, k: int, *, cue: str, used: set[int]) -> Span | None:
        """Reported content after a cue: skip time words, who was told, and "that"."""
        toks = self.toks
        n = len(toks)
        told = CUE_FORMS.get(cue.lower()) in _TELL_LIKE
        comma = False
        # A phrasal verb's particle belongs to the cue: "called for", "talked about".
        if (
            k < n
            and toks[k].lower in _PARTICLES
            and self.in_quote[k] is None
            and cue.lower() not in {"said", "says", "say"}
        ):
            k += 1
        while (
            k < n
            and self.in_quote[k] is None
            and (
                toks[k].lower in _TIME_WORDS
                or toks[k].text in {",", ":"}
                or toks[k].lower == "however"
                or (
                    told
                    and (
                        toks[k].lower in RECIPIENTS
                        or toks[k].is_capital
                        or toks[k].lower in _OBJECT_WORDS
                    )
                )
            )
        ):
            comma = comma or toks[k].text == ","
            k += 1
        # "told reporters in Washington on Monday: "..."": the quotation after the colon.
        for j in range(k, min(n, k + 10)):
            if self.in_quote[j] is not None:
                break
            if toks[j].text == ":" and j + 1 < n and self.in_quote[j + 1] is not None:
                k = j + 1
                break
        if comma and k < n and self.in_quote[k] is None and toks[k].lower != "that":
            return None  # "..., a spokesman said, after the waiver": the content came before
        if CUE_FORMS.get(cue.lower()) in _INFINITIVE_ONLY and k < n and self.in_quote[k] is None:
            first_word = toks[k].lower
            if first_word.endswith("ly") or first_word in _PREPOSITIONS:
                return None
            if first_word[:1].isdigit():
                return None
        # "warned Russia against ...", "urged Moscow to ...": an appeal, not a report,
        # unless a "that" clause follows soon.
        if (
            cue.lower() in _OBJECT_CUES
            and k < n
            and self.in_quote[k] is None
            and not any(t.lower in _CLAUSE_WORDS for t in toks[k : k + 6])
        ):
            return None
        # "told a daily press briefing that ...", "said in an interview that ...": skip to
        # "that" when what comes before it is who was told or where it was said.
        that_at = None
        for j in range(k, min(n, k + 12)):
            if self.in_quote[j] is not None or toks[j].text in {",", ";"}:
                break
            if toks[j].lower == "that":
                that_at = j
                break
        clause = False
        if that_at is not None and (that_at == k or told or toks[k].lower in _PREPOSITIONS):
            k = that_at + 1
            clause = True  # a "that" clause: whatever it starts with, it is content
        if k >= n:
            return None
        # Content runs to the sentence end, a clause break, or a length no claim reaches
        # (which keeps run-on text from costing quadratic time).
        end = min(self.sentence.end, toks[k].start + _MAX_CONTENT)
        last_tok = bisect.bisect_left(self.starts, end, k + 1)
        for j in range(k + 1, last_tok):
            if (
                toks[j].text == ","
                and self.in_quote[j] is None
                and j + 1 < n
                and toks[j + 1].lower in _CONTENT_BREAKS
            ):
                end = toks[j].start
                break
        else:
            if end < self.sentence.end and last_tok > k + 1:
                end = toks[last_tok - 1].end
        content = self._tidy(Span(toks[k].start, end))
        words = self._first_words(content, 2)
        if not words or (
            self.in_quote[k] is None
            and not clause
            and (
                len(words) < 2
                or words[0].lower in _NOT_CLAUSE_START
                or (len(words) > 1 and (words[0].lower, words[1].lower) == ("as", "much"))
            )
        ):
            return None
        for index in self._quotes_in(content):
            quote = self.quotes[index]
            if overlap(content, quote.inner) * 2 >= len(quote.inner):
                used.add(index)
        return content

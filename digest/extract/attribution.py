"""Find who said what in one sentence: cue, speaker mention and content span.

The rules read a sentence as tokens with the quotations marked, look for a cue
(a speech verb, "according to", "quoted as saying"), and try the shapes news copy
uses, in this order:

- quotation, then attribution: `"...," Miller said` / `"...," added Miller`;
- attribution, then quotation: `Miller said: "..."`;
- attribution, then reported content: `Miller said (that) ...`;
- reported content, then attribution: `..., a spokesperson said Tuesday`;
- a second claim of the same speaker: `..., noting (that) ...`, `... and said ...`.

Who speaks is found by `subjects.SubjectReader`. A sentence with no cue that quotes
words inside its own clause gives them to its subject (`Merkel hailed the deal as a
"breakthrough"`); one that is mostly a quotation continues the previous speaker; any
other sentence is the outlet's own statement.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from ..model import Span
from .blocks import Quote, Token
from .lexicon import (
    AFTER_QUOTE_CUES,
    ASIDE_MARKS,
    ASIDE_PARTICIPLES,
    AUXILIARIES,
    BACK_VERBS,
    CLAUSE_ONLY,
    CLAUSE_OPENERS,
    CLAUSE_WORDS,
    COMMIT_CUES,
    COMMON_VERBS,
    CONJUNCTIONS,
    CONTENT_BREAKS,
    CUE_FORMS,
    CUE_TOKENS,
    DETERMINERS,
    FINITE_IRREGULAR,
    GO_FORMS,
    GOES_ON_TO,
    INFINITIVE_ONLY,
    INVERTING,
    NOMINAL_CUES,
    NOT_CLAUSE_START,
    NOUN_AFTER,
    NP_STOP,
    OBJECT_CUES,
    OBJECT_PRONOUNS,
    OBJECT_TAKING,
    OBJECT_WORDS,
    OF_PLACE,
    OPENING_PREPOSITIONS,
    PARTICLE_CUES,
    PARTICLES,
    PASSIVE,
    PERSON_PRONOUNS,
    PHRASE_STARTS,
    PLURAL_CUES,
    PLURAL_LOOKING,
    POSSESSIVE_PRONOUNS,
    PRE_CUE_SKIP,
    QUANTIFIERS,
    RECIPIENTS,
    ROLE_HEADS,
    SAID_TOO,
    SAYING_VERBS,
    STRANDING,
    SUBORDINATORS,
    TELL_LIKE,
    TO_WHOM,
    TOUR_PARTICLES,
    WEAK_CUES,
)
from .sentence import overlap
from .speakers import Mention, backward_np, forward_np, mention_from_tokens, pronoun_of
from .subjects import (
    PREPOSITIONS,
    TIME_WORDS,
    SubjectReader,
    is_time_word,
    may_speak,
    verb_like,
)

# Reported content longer than this (characters) is cut: no claim runs that long.
_MAX_CONTENT = 1200
# Reported content shorter than this is a fragment ("Still, he said"), not a claim.
_MIN_CONTENT_WORDS = 3
# A quotation with no cue becomes a claim when it has at least this many words.
_BARE_QUOTE_WORDS = 2


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
    # What a relative clause's content is about: "the plan" of 'the plan, which she said
    # was "a breakthrough"', read before the content ("the plan was ...").
    topic: Span | None = None
    nominal: bool = False  # a noun of saying ("Trump's claim that ..."), not a verb


class SentenceReader(SubjectReader):
    """Reads one sentence of an article; cheap to build, used once."""

    _cue_starts: tuple[int, ...] = ()  # first token of each cue, once `read` found them

    def cues(self) -> list[tuple[int, int, str]]:
        """(first token, last token, cue text) of every cue outside quotations."""
        found = []
        toks = self.toks
        n = len(toks)
        # Only a colon or a word that can start a cue can be one: look at those alone.
        candidates = [k for k, tok in enumerate(toks) if tok.lower in CUE_TOKENS]
        resume = 0  # the token after the last phrase cue found
        for k in candidates:
            if k < resume:
                continue
            if (
                toks[k].text == ":"
                and 0 < k < n - 1
                and self.in_quote[k] is None
                and self.in_quote[k + 1] is not None
                and (
                    (toks[k - 1].is_word and toks[k - 1].lower not in CUE_FORMS)
                    or (
                        toks[k - 1].text == ")" and "(" in {t.text for t in toks[max(0, k - 8) : k]}
                    )
                )
            ):
                # 'Cecile Richards: "..."', 'Rep. Trey Gowdy (R-S.C.): "..."'
                found.append((k, k, ":"))
                continue
            if self.in_quote[k] is not None or not toks[k].is_word:
                continue
            low = toks[k].lower
            if low in PHRASE_STARTS:
                phrase = self._phrase_cue(k)
                if phrase is not None:
                    found.append(phrase)
                    resume = phrase[1] + 1
                    continue
            if low in CUE_FORMS and self._is_speech(k):
                found.append((k, k, toks[k].text))
            elif low in NOMINAL_CUES and self._possessor(k) is not None:
                found.append((k, k, toks[k].text))  # "Trump's claim that ..."
            elif low in PLURAL_CUES and self._plural_says(k):
                # "Legal observers note the White House ...": the bare form after a
                # plural subject, with a clause after it, is the verb, not a noun.
                found.append((k, k, toks[k].text))
            elif (
                low in AFTER_QUOTE_CUES
                and k > 0
                and not toks[k].is_capital
                and (
                    any(q is not None for q in self.in_quote[max(0, k - 6) : k])
                    or (toks[k - 1].is_word and self._quote_after(k + 1) is not None)
                )
            ):
                # '"...," reads the editorial', '"...," the ad states', 'it reads: "..."'
                found.append((k, k, toks[k].text))
        return found

    def _possessor(self, k: int) -> Mention | None:
        """Who owns the noun of saying at `k` ("Trump's claim", "her assertion"), when a
        "that" clause or an infinitive follows it; None otherwise."""
        toks = self.toks
        if k + 2 >= len(toks):
            return None
        if toks[k + 1].lower == "to":
            if not toks[k + 2].is_word:
                return None
        elif toks[self._that_after(k + 1)].lower != "that":
            return None
        j = k - 1
        if _plural_noun(toks[j]) and not _possessive(toks[j].lower):
            return None  # "His lawyers claim that ...": a verb after its plural subject
        while (
            j > 0
            and k - j <= 3
            and toks[j].is_word
            and not toks[j].is_capital
            and (toks[j].lower not in POSSESSIVE_PRONOUNS and not _possessive(toks[j].lower))
        ):
            j -= 1  # "Trump's recent evidence-free assertion"
        if j < 0 or self.in_quote[j] is not None:
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
        if low in {"'s", "’s"} and j > 0:
            end = j - 1
        elif _possessive(low) and toks[j].is_capital:
            end = j
        else:
            return None
        begin = end
        while begin > 0 and toks[begin - 1].is_capital and self.in_quote[begin - 1] is None:
            begin -= 1  # the name's capitalised words: "Donald Trump's"
        if not toks[end].is_capital:
            return None
        mention = mention_from_tokens(list(toks[begin : end + 1]), self.text)
        if mention is None or not mention.name:
            return None
        text = _without_possessive(mention.text)
        return replace(
            mention,
            span=Span(mention.span.start, mention.span.start + len(text)),
            text=text,
            name=_without_possessive(mention.name),
        )

    def _that_after(self, k: int) -> int:
        """Token `k`, or the "that" a short phrase after it leads to ("her assertion during
        the debate that ...")."""
        toks = self.toks
        if toks[k].lower in PREPOSITIONS:
            for j in range(k + 1, min(len(toks) - 1, k + 6)):
                if self.in_quote[j] is not None or not toks[j].is_word:
                    break
                if toks[j].lower == "that":
                    return j
        return k

    def _plural_says(self, k: int) -> bool:
        """The word at `k` follows a plural subject and a clause follows it."""
        toks = self.toks
        if k == 0 or k + 1 >= len(toks) or self.in_quote[k - 1] is not None:
            return False
        before = toks[k - 1]
        plural = before.lower in {"they", "we", "i", "you"} or (
            before.is_word
            and _plural_noun(before)
            and not _possessive(before.lower)
            and before.lower not in NP_STOP
        )
        if not plural:
            return False
        nxt = k + 1
        return (
            toks[nxt].lower == "that"
            or self.in_quote[nxt] is not None
            or pronoun_of(toks[nxt]) in {"he", "she", "they", "we", "i", "it"}
            or (toks[nxt].lower in CLAUSE_OPENERS and self._clause_starts(nxt))
        )

    def _phrase_cue(self, k: int) -> tuple[int, int, str] | None:
        """A cue of several words starting at `k`: "according to", "quoted as saying",
        "pointed out", "put it" ("as Jo Reyes put it, "..."")."""
        toks = self.toks
        n = len(toks)
        low = toks[k].lower
        nxt = toks[k + 1].lower if k + 1 < n else ""
        if low == "according" and nxt == "to":
            return k, k + 1, "according to"
        if low == "quoted" and nxt == "as" and k + 2 < n and toks[k + 2].lower == "saying":
            return k, k + 2, "quoted as saying"
        if low == "pointed" and nxt == "out":
            return k, k + 1, "pointed out"
        if (
            low in {"put", "puts"}
            and nxt == "it"
            and k > 0
            and (toks[k - 1].is_word or toks[k - 1].text == ",")
            # "as Reyes put it", "put it bluntly: ...", not "put it on the table"
            and (
                any(t.lower == "as" for t in toks[max(0, k - 5) : k])
                or any(
                    t.text in {":", ","} or self.in_quote[i] is not None
                    for i, t in enumerate(toks[k + 2 : k + 5], start=k + 2)
                )
            )
        ):
            return k, k + 1, toks[k].text + " it"
        return None

    def _is_speech(self, k: int) -> bool:
        toks = self.toks
        low = toks[k].lower
        prev = toks[k - 1].lower if k > 0 else ""
        if (
            toks[k].is_capital
            and k > 0
            and toks[k - 1].text not in {'"', "“", "”", ","}
            and not self.title_case
        ):
            return False  # a proper noun: "the United States"
        if (
            k + 2 < len(toks)
            and toks[k + 1].lower == "to"
            and low not in COMMIT_CUES
            and not toks[k + 2].is_capital
            and toks[k + 2].lower not in TO_WHOM
            and not _plural_noun(toks[k + 2])
            and not any(q is not None for q in self.in_quote[max(0, k - 6) : k])
        ):
            # "said to be", "asked to leave"; but "said to Fox News", "said to his
            # aides", and '"...," he said to cheers' after a quotation.
            return False
        particles = PARTICLE_CUES.get(low)
        if particles is not None and (k + 1 >= len(toks) or toks[k + 1].lower not in particles):
            return False  # "rail against" reports speech; "the rail station" does not
        if low in BACK_VERBS and not self._speech_follows(k + 2):
            return False  # "Rush hit back moments later"
        if CUE_FORMS.get(low) == "speak" and self._on_condition(k + 1):
            return False  # "who spoke on condition of anonymity": how, not what
        if (
            CUE_FORMS.get(low) == "show"
            and k + 2 < len(toks)
            and toks[k + 1].lower in OBJECT_PRONOUNS
            and toks[k + 2].lower in TOUR_PARTICLES
        ):
            return False  # "showed him around its facilities": a tour, not a claim
        if (
            low.endswith("ing")
            and k > 1
            and toks[k - 2].lower in {"a", "an", "the", "his", "her", "their", "its"}
            and toks[k - 1].is_word
            and not toks[k - 1].is_capital
            and not _plural_form(prev)
        ):
            # a noun: "a regular briefing", "the weekly meeting"; but "one of her ads
            # asking ...": a participle after its plural subject
            return False
        if (
            low in ASIDE_PARTICIPLES
            and prev == ","
            and k + 1 < len(toks)
            and toks[k + 1].lower in {"to", "with", "on", "at"}
        ):
            # "An official, speaking to reporters on condition of anonymity, warned ...":
            # an aside on how the speaker spoke; its verb is the cue, not this.
            return False
        if prev in PASSIVE and low not in {"quoted"} and not low.endswith("ing"):
            return False  # "he is expected to", "it was reported"
        if prev in {"the", "a", "an", "his", "her", "their", "its"}:
            return False  # a noun: "the report", "a claim"
        if prev in NOUN_AFTER and not low.endswith("ing"):
            return False  # a noun after a preposition: "the pace of decline eased"
        before = k - 1
        if before > 0 and prev.endswith("ly") and not toks[before].is_capital:
            before -= 1  # "Obama's highly criticized press conference"
        if (
            before >= 0
            and _possessive(toks[before].lower)
            and pronoun_of(toks[before]) is None
            and (low.endswith("ed") or low.endswith("s"))
        ):
            return False  # a modifier or a noun: "Trump's proposed wall", "Kim's remarks"
        if low in WEAK_CUES:
            # Weak cues need a subject right before them or an inversion after a quotation.
            return k > 0 and (
                toks[k - 1].is_word
                or self.in_quote[k - 1] is not None
                or toks[k - 1].text in '"”»'
                or (low.endswith("ing") and toks[k - 1].text == ",")  # ", calling it ..."
                or (toks[k - 1].text == "," and self._closes_appositive(k - 1))
            )
        return True

    def read(self) -> list[Found]:
        """The claims of this sentence."""
        cues = self.cues()
        if cues:
            self._cue_starts = tuple([cue[0] for cue in cues])
        found: list[Found] = []
        used_quotes: set[int] = set()
        for first, last, cue_text in cues:
            claim = self._claim_at(first, last, cue_text, used_quotes, found)
            if claim is not None:
                found.append(claim)
        unused = [q for i, q in enumerate(self.quotes) if i not in used_quotes]
        mostly_quote = bool(unused) and not found and self._mostly_quote(unused)
        if not found and unused and not mostly_quote:
            # "Merkel hailed the deal as a "breakthrough."": no speech verb, but the quoted
            # words are the subject's.
            claim = self._quoting_subject(unused)
            if claim is not None:
                return [claim]
        if mostly_quote:
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
            # An aside between who spoke and the cue ('Bill Eastland, wearing "Ted Cruz"
            # pins, said'): a quotation there names something, it is not said.
            asides = [
                Span(f.mention.span.end, f.cue.start)
                for f in found
                if f.mention is not None
                and f.cue is not None
                and f.mention.span.end < f.cue.start
                and self.text[f.mention.span.end : f.mention.span.end + 1] == ","
                and self.text[: f.cue.start].rstrip().endswith(",")
            ]
            ends = [c.end for c in covered]
            for quote in unused:
                # Claims are sorted: look only at the few that can reach the quotation.
                first = bisect.bisect_left(ends, quote.inner.start)
                near = covered[first : first + 4]
                if any(overlap(c, quote.inner) * 2 >= len(quote.inner) for c in near):
                    continue
                if any(a.start < quote.outer.start and quote.outer.end < a.end for a in asides):
                    continue
                if len(self.text[quote.inner.start : quote.inner.end].split()) >= _BARE_QUOTE_WORDS:
                    content = self._tidy(quote.inner)
                    found.append(
                        Found("quote", content, None, None, None, self.sentence, inherits=True)
                    )
        return found

    def _quoting_subject(self, quotes: list[Quote]) -> Found | None:
        """A sentence that quotes words inside its own clause, with the subject and verb
        before the quotation: the claim is what follows the subject."""
        toks = self.toks
        first_quote = bisect.bisect_left(self.starts, quotes[0].outer.start)
        subject = self._subject(first_quote)
        if (
            subject is None
            or subject.span.end > quotes[0].outer.start
            or not (
                subject.pronoun in {"he", "she", "they", "we", "i"}
                or subject.name
                or (subject.head is not None and len(subject.text.split()) > 1)
            )
        ):
            return None
        verb = self._past_subject(bisect.bisect_left(self.starts, subject.span.end), first_quote)
        if verb >= first_quote or not verb_like(toks[verb]):
            return None
        content = self._tidy(Span(toks[verb].start, self.sentence.end))
        if self._words(content) < _MIN_CONTENT_WORDS:
            return None
        cue = Span(toks[verb].start, toks[verb].end)
        return Found(self._kind(content), content, cue, toks[verb].text, subject, self.sentence)

    def _attribution_follows(self, k: int) -> bool:
        """After a comma at `k - 1`, another attribution starts: "..., Rubio fired back:",
        "..., recently telling one friend", "..., with Lewandowski calling ..."."""
        toks = self.toks
        for c in self._cue_starts:
            if c < k:
                continue
            if c > k + 5 or (c == k and not toks[c].lower.endswith("ing")):
                return False  # ", requested by Sanders,": a participle of the phrase before
            # ", a government spokesman said, ...": someone else's attribution, whose
            # role ends right before the cue.
            described = (
                c - k >= 2
                and toks[c - 1].lower in ROLE_HEADS
                and toks[k].lower
                in {
                    "a",
                    "an",
                    "the",
                }
            )
            if c + 1 < len(toks) and toks[c + 1].text == "," and not described:
                return False  # ", she said, ...": an aside inside the same content
            return all(
                self.in_quote[i] is None
                and toks[i].is_word
                and (
                    toks[i].is_capital
                    or pronoun_of(toks[i]) is not None
                    or toks[i].lower in PRE_CUE_SKIP
                    or toks[i].lower in {"with", "while", "the", "a", "an"}
                    or toks[i].lower.endswith("ly")
                    or described
                )
                for i in range(k, c)
            )
        return False

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
            # "X called for attacks, according to the SITE group": the source of it all.
            if earlier and not self._reports_earlier(earlier, first):
                return None
            return self._according_to(first, last, cue_span)
        owner = self._possessor(first) if cue_text.lower() in NOMINAL_CUES else None
        if owner is not None:
            infinitive = toks[last + 1].lower == "to"
            start = last + 2 if infinitive else self._that_after(last + 1)
            content = self._content_after(start, cue="said", used=used, gap=infinitive)
            if content is None:
                return None
            return Found(
                self._kind(content),
                content,
                cue_span,
                cue_text,
                owner,
                self.sentence,
                nominal=True,
            )
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
                # "Clinton attacked Trump, saying ...": the sentence's subject speaks;
                # "..., he began by saying": the subject of the verb before "by".
                base = self._by_subject(first) or self._subject(first)
                if base is not None:
                    return Found(kind, content, cue_span, cue_text, base, self.sentence)
            return Found(kind, content, cue_span, cue_text, None, self.sentence, inherits=True)
        # The subject before the cue, skipping "also", "has", "earlier" and the like.
        j = first - 1
        if cue_text == ":":
            pass  # 'Cecile Richards: "..."': the name stands right before the colon
        elif cue_text == "quoted as saying":
            while j >= 0 and (toks[j].lower in PRE_CUE_SKIP or toks[j].lower in PASSIVE):
                j -= 1
        else:
            if j >= 2 and toks[j].lower == "to" and self._goes_on(j, toks[first].lower):
                j -= 3  # "Trump went on to say": the speaker stands before "went on"
            if (
                j >= 2
                and toks[j].lower in {"heard", "seen", "shown"}
                and toks[j - 1].lower in PASSIVE
                and toks[first].lower.endswith("ing")
            ):
                j -= 2  # "a reporter can be heard asking", "she was seen telling"
            while (
                j >= 0
                and self.in_quote[j] is None
                and (
                    toks[j].lower in PRE_CUE_SKIP
                    or toks[j].lower in TIME_WORDS
                    or (
                        toks[j].lower.endswith("ly")
                        and not toks[j].is_capital
                        and len(toks[j].text) > 4
                    )
                )
            ):
                j -= 1
        if (
            j >= 1
            and toks[j].lower in {"and", "but"}
            and self.in_quote[j] is None
            and earlier
            and cue_text != ":"
        ):
            # "Trump called her "weak" and said ...": the speaker of the claim before.
            content = self._content_after(last + 1, cue=cue_text, used=used)
            if content is None:
                return None
            return Found(
                self._kind(content), content, cue_span, cue_text, None, self.sentence, inherits=True
            )
        j = self._skip_aside(j)
        if j > 2 and toks[j].text == "," and toks[j - 1].text == ")" and self.in_quote[j] is None:
            j -= 1  # "Gov. John Kasich (R-OH), said"
        if j > 1 and toks[j].text == ")" and self.in_quote[j] is None:
            opening = next(
                (i for i in range(j - 1, max(-1, j - 6), -1) if toks[i].text == "("), None
            )
            if opening is not None:
                j = opening - 1
        clause_comma = self._relative_clause_before(j)
        if clause_comma is not None:
            j = clause_comma - 1  # 'Reyes, who called it "a disaster," said': Reyes said
        floor = self._past_named_quotes(self._floor(j))
        mention = None
        mention_toks: list[Token] = []
        in_relative = False
        if (
            j >= 1
            and (
                toks[j].lower == "who"
                or (
                    # "the report, which notes: "..."", "bottles that said, "..."": a thing
                    # that says something
                    toks[j].lower in {"which", "that"}
                    and (toks[j].lower == "which" or toks[j - 1].lower not in CUE_FORMS)
                    and (
                        self._quote_after(last + 1, gap=3) is not None
                        or (last + 1 < n and toks[last + 1].lower == "that")
                    )
                )
            )
            and self.in_quote[j - 1] is None
        ):
            # "Trump, who said ...": the speaker is the phrase before the relative pronoun.
            in_relative = toks[j - 1].text == ","
            end = j - 2 if toks[j - 1].text == "," else j - 1
            antecedent = backward_np(toks, end, self._floor(end)) if end >= 0 else []
            base = mention_from_tokens(antecedent, self.text) if antecedent else None
            if base is not None:
                mention = base
                mention_toks = [toks[j]]
        elif j >= 1 and toks[j].lower in {"and", "but"} and self.in_quote[j] is None:
            # "The department has deemed ... and says ...": the sentence's subject speaks;
            # "The row grew when 50 Cent threw him out and accused him ...": the subject
            # of the verb this one is joined to.
            base = self._subject(j)
            if base is None or not (base.name or base.pronoun):
                base = self._coordinate_subject(j) or base
            if base is not None:
                mention, mention_toks = base, [toks[first]]
        elif (
            j >= 0
            and toks[j].lower == "it"
            and (
                self._quote_before(j) is not None
                or self._quote_after(last + 1) is not None
                or (j == 0 and CUE_FORMS.get(toks[first].lower) in SAYING_VERBS)
            )
        ):
            # '"...," it added', 'it reads: "..."', "It said supporters were ...": an
            # organisation or a document speaks.
            mention_toks = [toks[j]]
            mention = mention_from_tokens(mention_toks, self.text)
        elif j >= 0 and toks[j].is_word and self.in_quote[j] is None:
            mention_toks = backward_np(toks, j, floor)
            mention = mention_from_tokens(mention_toks, self.text) if mention_toks else None
            if mention is not None and mention.name:
                mention, mention_toks = self._joint_names(mention, mention_toks, floor)
        elif j >= 1 and toks[j].text == "," and self.in_quote[j] is None:
            mention, mention_toks = self._appositive(j, floor)
            if mention is not None and not mention.name and self._named_after(last + 1):
                # "..., forcing her to fend off both, said Brad Bannon, a pollster": the
                # phrase before the comma is the claim's; the name after the cue speaks.
                mention, mention_toks = None, []
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
                self._quote_before(first) is not None
                or (
                    j >= 0
                    and toks[j].text == ","
                    and may_speak(ahead)
                    and self._closes_clause(ahead)
                )
            ):
                mention = self._inverted_mention(ahead)
                mention_toks = ahead
                inverted = True
        if mention is None:
            if earlier:
                # 'Durbin, noting the crowd, said, "..."': the speaker of the claim before.
                index = self._opened_quote(last)
                if index is not None:
                    used.add(index)
                    content = self._tidy(self.quotes[index].inner)
                    return Found(
                        "quote", content, cue_span, cue_text, None, self.sentence, inherits=True
                    )
            return None
        subject_start = mention_toks[0] if mention_toks else toks[first]
        start_tok = self.index_of(subject_start) if not inverted else first
        if not inverted and start_tok > 0 and toks[start_tok - 1].lower in INVERTING:
            return None  # "should North Korea agree to ...": a condition or a question
        resume = last + 1 + (len(mention_toks) if inverted else 0)
        content_used: set[int] = set()
        # "the plan, which she said was "a breakthrough"": the relative pronoun stands for
        # what the content is about, and the content starts with its verb.
        relative = (
            not inverted
            and start_tok > 1
            and toks[start_tok - 1].lower in {"which", "who", "whom"}
            and toks[start_tok - 2].text == ","
        )
        after_cue = self._content_after(
            resume, cue=cue_text, used=content_used, gap=relative, closes=in_relative
        )
        # Where the attribution starts: role words may stand before the name ('"...,"
        # Republican strategist Jo Reyes said', '..., political scientist Jo Reyes said').
        lead = start_tok
        while (
            not inverted
            and lead > 0
            and start_tok - lead < 6
            and toks[lead - 1].is_word
            and self.in_quote[lead - 1] is None
            and (toks[lead - 1].lower not in NP_STOP or toks[lead - 1].lower in OF_PLACE)
            and toks[lead - 1].lower not in CUE_FORMS
        ):
            lead -= 1  # also '"...," a voice-over in the ad said': a place in the phrase
        if (
            lead < start_tok
            and not (lead > 0 and toks[lead - 1].text == ",")
            and self._quote_before(lead) is None
        ):
            lead = start_tok  # the words before the name are not a role after all
        # 1. A quotation right before the attribution: `"...," Miller said` -- unless it
        #    is a short title and a reported clause follows the cue.
        before = self._quote_before(start_tok)
        if before is None and lead < start_tok:
            before = self._quote_before(lead)
        if (
            before is not None
            and before in used
            and not inverted
            and self._answers(before, earlier)
        ):
            # 'When a man shouted, "Resign," Reyes joked, "Not today!"': the quotation
            # before is the words of the claim before, whose cue opened it; this speaker's
            # are the quotation this cue opens.
            opened = self._opened_after(resume)
            if opened is not None:
                used.add(opened)
                content = self._tidy(self.quotes[opened].inner)
                return Found("quote", content, cue_span, cue_text, mention, self.sentence)
        if before is not None and (
            after_cue is None
            or inverted
            or self._words(self.quotes[before].inner) >= 5
            # '"We will rebuild," Smith said, "and fast."': a quotation on each side
            or (
                before not in used
                and self.in_quote[bisect.bisect_left(self.starts, after_cue.start)] is not None
            )
        ):
            used.add(before)
            content = self.quotes[before].inner
            lead_in = Span(self.sentence.start, self.quotes[before].outer.start)
            if (
                self._words(lead_in) >= _MIN_CONTENT_WORDS
                and not self._set_apart(lead_in)
                and not earlier
                and self._mark_free(lead_in)
            ):
                # 'Gore "made a strategic mistake," Lichtman said': the quotation is a fragment
                # of the claim, which starts with the sentence.
                start = self._last_clause_start(lead_in)
                content = self._tidy(Span(start, self.quotes[before].outer.end))
                self._use_quotes_in(content, used)
                return Found("partial", content, cue_span, cue_text, mention, self.sentence)
            after = self._quote_after(resume, gap=3)
            if after is None and inverted:
                after = self._quote_after_role(resume)
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
            if (
                after_comma is not None
                and (not earlier or self._reports_earlier(earlier, start_tok))
                and (self.in_quote[after_comma] is None or after_cue is None)
                # "The port will reopen, Smith said, adding: ...": a claim of its own
                and not (
                    toks[after_comma].lower in CONTENT_BREAKS
                    and toks[after_comma].lower.endswith("ing")
                )
            ):
                # 'Asked about it, Ryan said, "Sure."': a quotation after the comma is
                # what was said; the words before it only set the scene.
                head = self._tidy(Span(self.sentence.start, toks[start_tok - 1].start))
                tail = self._tidy(Span(toks[after_comma].start, self.sentence.end))
                if (
                    self._words(head) + self._words(tail) >= _MIN_CONTENT_WORDS
                    and self._words(tail) >= 2
                    and not all(is_time_word(t) for t in toks[: start_tok - 1])
                ):
                    # "Last month, X warned, ...": a time phrase is not half of a claim.
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
            starts_quoted = self.in_quote[bisect.bisect_left(self.starts, after_cue.start)]
            topic = self._antecedent(start_tok - 2) if relative and starts_quoted is None else None
            return Found(
                self._kind(after_cue),
                after_cue,
                cue_span,
                cue_text,
                mention,
                self.sentence,
                topic=topic,
            )
        # 4. Content before the subject: `..., a spokesperson said Tuesday.`
        if lead > 0 and toks[lead - 1].text == "," and self._tail_is_short(last + 1):
            content = self._tidy(Span(self.sentence.start, toks[lead - 1].start))
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

    def _last_clause_start(self, lead_in: Span) -> int:
        """Where the clause that runs into a quotation starts: after the last "; " or ",
        and" of `lead_in` ('they rank their choices, and the group is less likely to be
        "overrun," Hoover said': Hoover's words start at "the group")."""
        toks = self.toks
        first = bisect.bisect_left(self.starts, lead_in.start)
        last = bisect.bisect_left(self.starts, lead_in.end)
        for j in range(last - 1, first, -1):
            if toks[j].text == ";" or (toks[j].lower in {"and", "but"} and toks[j - 1].text == ","):
                if self._words(Span(toks[j + 1].start, lead_in.end)) >= _MIN_CONTENT_WORDS:
                    return toks[j + 1].start
                break
        return lead_in.start

    def _quoted_aside(self, j: int) -> bool:
        """Token `j` is a dash or a parenthesis that opens a quotation with an attribution
        of its own ('- "Born with a silver spoon," Mr. Elkins said -')."""
        toks = self.toks
        if toks[j].text not in ASIDE_MARKS or self.in_quote[j] is not None:
            return False
        index = self.in_quote[j + 1] if j + 1 < len(toks) else None
        if index is None:
            return False
        quote = self.quotes[index]
        after = bisect.bisect_left(self.starts, quote.outer.end)
        return any(after <= c <= after + 5 for c in self._cue_starts)

    def _quote_after_role(self, k: int) -> int | None:
        """The quotation after a role set off by commas at token `k` ('"...," said Jo
        Reyes, the state's spokesperson, "and ..."')."""
        toks = self.toks
        if k >= len(toks) or toks[k].text != ",":
            return None
        for j in range(k + 1, min(len(toks) - 1, k + 14)):
            if self.in_quote[j] is not None or toks[j].lower in CUE_FORMS:
                return None
            if toks[j].text == ",":
                return self._quote_after(j, gap=2)
        return None

    def _set_apart(self, lead_in: Span) -> bool:
        """The words before a quotation end in a dash or a parenthesis: the quotation and
        its attribution are an aside ('Neither man liked her - "Born with a silver spoon,"
        Mr. Elkins said - but ...'), not the end of a claim the sentence began."""
        last = self.text[lead_in.start : lead_in.end].rstrip()
        return last[-1:] in ASIDE_MARKS

    def _named_after(self, k: int) -> bool:
        """A name starts at token `k` and ends the clause ("said Brad Bannon, a pollster",
        "said Brad Bannon."), not the subject of what follows ("said Trump would ...")."""
        toks = self.toks
        ahead = forward_np(toks, k, min(len(toks), k + 8))
        if not ahead or not ahead[0].is_capital or is_time_word(ahead[0]):
            return False
        mention = mention_from_tokens(ahead, self.text)
        return mention is not None and mention.name is not None and self._closes_clause(ahead)

    def _closes_clause(self, phrase: list[Token]) -> bool:
        """Nothing but punctuation follows `phrase`: it is who spoke ("..., said a
        spokesman."), not the subject of a clause ("..., said Trump would visit")."""
        end = self.index_of(phrase[-1]) + 1
        if end >= len(self.toks):
            return True
        after = self.toks[end]
        return (
            after.text in {",", ".", ";", "—", "–", "("}
            or after.lower in PREPOSITIONS  # "said Reyes on Monday", "in a statement"
            or is_time_word(after)
        )

    def _past_named_quotes(self, floor: int) -> int:
        """The clause floor moved back over short quotations that only name something
        inside the phrase (a title, a slogan: 'Bill Eastland, wearing "Ted Cruz" campaign
        pins, said'), so that the speaker before them can be read."""
        toks = self.toks
        while 1 < floor < len(toks):
            index = self.in_quote[floor - 1]
            if index is None:
                break
            opening = bisect.bisect_left(self.starts, self.quotes[index].outer.start)
            after = toks[floor]
            if (
                opening < 1
                or not toks[opening - 1].is_word
                or self.in_quote[opening - 1] is not None
                or self._words(self.quotes[index].inner) > 4
                or not after.is_word
                or after.is_capital
                or after.lower in {"and", "but", "or"}
                or verb_like(after)
            ):
                break
            floor = self._floor(opening - 1)
        return floor

    def _coordinate_subject(self, conj: int) -> Mention | None:
        """The named subject of the nearest verb before the "and" at `conj`, in its clause."""
        toks = self.toks
        for i in range(conj - 1, max(0, conj - 25), -1):
            tok = toks[i]
            if self.in_quote[i] is not None or tok.text in {";", ":", "—", "–"}:
                return None
            if not verb_like(tok) or tok.lower.endswith("ing") or tok.lower in PASSIVE:
                continue
            before = toks[i - 1]
            if not before.is_word or not (before.is_capital or pronoun_of(before) is not None):
                continue
            phrase = backward_np(toks, i - 1, self._floor(i - 1))
            if not phrase:
                return None
            opening = self.index_of(phrase[0])
            if opening > 0 and not (
                toks[opening - 1].text == "," or toks[opening - 1].lower in SUBORDINATORS
            ):
                return None  # "The Ministry of the Interior and Safety urged": part of a name
            mention = mention_from_tokens(phrase, self.text)
            if mention is not None and (mention.name or mention.pronoun):
                return mention
            return None
        return None

    def _joint_names(
        self, mention: Mention, phrase: list[Token], floor: int
    ) -> tuple[Mention, list[Token]]:
        """'"...," Smith and Jones said': two names that speak together are one speaker."""
        toks = self.toks
        i = self.index_of(phrase[0])
        if i < floor + 2 or toks[i - 1].lower != "and" or not toks[i - 2].is_capital:
            return mention, phrase
        k = i - 2
        while (
            k > floor
            and i - k < 5
            and toks[k - 1].is_capital
            and toks[k - 1].lower not in CONJUNCTIONS
            and self.in_quote[k - 1] is None
        ):
            k -= 1
        if toks[k].lower in CONJUNCTIONS or (k > 0 and toks[k - 1].text == ","):
            return mention, phrase  # "Culture, Media and Sport": the tail of a longer name
        if self.in_quote[k] is not None or (k > 0 and toks[k - 1].lower in PREPOSITIONS):
            return mention, phrase  # "the senators from Ohio and Texas said"
        span = Span(toks[k].start, phrase[-1].end)
        text = self.text[span.start : span.end]
        return Mention(span, text, text, None), list(toks[k : i + len(phrase)])

    def _by_subject(self, first: int) -> Mention | None:
        """The subject right before "VERB by" + the cue at `first`: "he began by saying",
        "Reyes responded by saying"."""
        toks = self.toks
        if first < 3 or toks[first - 1].lower != "by":
            return None
        verb = first - 2
        if verb > 1 and toks[verb].lower.endswith("ly"):
            verb -= 1  # "reacted immediately by repeating"
        if not (_finite(toks[verb]) or toks[verb].lower in COMMON_VERBS):
            return None  # "control their players just by speaking to them": no verb
        j = verb - 1
        if self.in_quote[j] is not None or not toks[j].is_word:
            return None
        phrase = backward_np(toks, j, self._floor(j))
        return mention_from_tokens(phrase, self.text) if phrase else None

    def _parenthetical_end(self, k: int) -> int | None:
        """After `, she said`, the token that resumes the sentence past the closing comma."""
        toks = self.toks
        limit = min(len(toks), k + 12)
        while (
            k < limit
            and self.in_quote[k] is None
            and (
                toks[k].lower in TIME_WORDS
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
        quoted = first > 0 and self._quote_before(first) is not None
        if first == 0 or (toks[first - 1].text not in {","} and not quoted):
            # "According to X, content."
            k = after_np
            while k < len(toks) and toks[k].text != ",":
                k += 1
            if k + 1 >= len(toks):
                return None
            content = self._tidy(Span(toks[k + 1].start, self.sentence.end))
        elif (
            (
                toks[0].lower in SUBORDINATORS
                or toks[0].lower in PREPOSITIONS
                or toks[0].lower in OPENING_PREPOSITIONS
                or toks[first - 2].lower in SUBORDINATORS
            )
            and after_np + 1 < len(toks)
            and toks[after_np].text == ","
            and self._words(Span(toks[after_np + 1].start, self.sentence.end)) >= _MIN_CONTENT_WORDS
        ):
            # "While most were marked confidential, according to an official, two were
            # upgraded", "because, according to Trump, the media would ...": the clause
            # after the source is what it says.
            content = self._tidy(Span(toks[after_np + 1].start, self.sentence.end))
        else:
            # '"...," according to X': the quotation with its closing mark.
            cut = toks[first - 1].end if quoted and toks[first - 1].text != "," else None
            content = self._tidy(Span(self.sentence.start, cut or toks[first - 1].start))
        if len(content) == 0:
            return None
        return Found(self._kind(content), content, cue_span, "according to", mention, self.sentence)

    def _content_after(
        self, k: int, *, cue: str, used: set[int], gap: bool = False, closes: bool = False
    ) -> Span | None:
        """Reported content after a cue: skip time words, who was told, and "that".

        With `gap`, the cue stands in a relative clause whose pronoun is the content's
        subject or object ("which he said was ...", "whom she described as ..."): the
        content starts with a verb or "as" and ends with the relative clause."""
        toks = self.toks
        n = len(toks)
        told = CUE_FORMS.get(cue.lower()) in TELL_LIKE
        comma = False
        # A phrasal verb's particle belongs to the cue: "called for", "talked about".
        if (
            k < n
            and toks[k].lower in PARTICLES
            and self.in_quote[k] is None
            and cue.lower() not in {"said", "says", "say"}
        ):
            if CUE_FORMS.get(cue.lower()) in {"speak", "talk"} and toks[k].lower in {
                "to",
                "with",
                "at",
            }:
                return None  # "by speaking to them": whom, not what
            k += 1
            if k < n and self.in_quote[k] is None and self._stranded(k):
                return None  # "resolutions that Russia voted for between 2006 and 2017"
        while (
            k < n
            and self.in_quote[k] is None
            and (
                toks[k].lower in TIME_WORDS
                or toks[k].text in {",", ":"}
                or toks[k].lower == "however"
                or (
                    told
                    and (
                        (toks[k].lower in RECIPIENTS and not self._opens_content(k))
                        or toks[k].is_capital
                        or toks[k].lower in OBJECT_WORDS
                    )
                )
            )
        ):
            comma = comma or toks[k].text == ","
            k += 1
        # "told reporters in Washington on Monday: "..."": the quotation after the colon;
        # "said last week in Tel Aviv, "..."": after a place or time and a comma.
        setting = k < n and toks[k].lower in PREPOSITIONS
        for j in range(k, min(n, k + 10)):
            if self.in_quote[j] is not None or toks[j].lower in CUE_FORMS:
                break
            if j + 1 < n and self.in_quote[j + 1] is not None:
                if toks[j].text == ":" or (toks[j].text == "," and setting):
                    k = j + 1
                break
            if toks[j].text == "," and not setting:
                break
        if comma and k < n and self.in_quote[k] is None and toks[k].lower != "that":
            # "said, without evidence, that ...": an aside between commas, then the clause.
            aside_end = next(
                (
                    i
                    for i in range(k + 1, min(n - 1, k + 8))
                    if toks[i].text == "," or self.in_quote[i] is not None
                ),
                None,
            )
            if (
                aside_end is not None
                and toks[aside_end].text == ","
                and toks[aside_end + 1].lower == "that"
                and self.in_quote[aside_end + 1] is None
                and all(toks[i].is_word for i in range(k, aside_end))
            ):
                k = aside_end + 1
            else:
                return None  # "..., a spokesman said, after the waiver": the content came before
        if CUE_FORMS.get(cue.lower()) in INFINITIVE_ONLY and k < n and self.in_quote[k] is None:
            first_word = toks[k].lower
            if first_word.endswith("ly") or first_word in PREPOSITIONS:
                return None
            if first_word[:1].isdigit():
                return None
        # "warned Russia against ...", "urged Moscow to ...": an appeal, not a report,
        # unless a "that" clause follows soon; "accused Russia of meddling" charges.
        if (
            cue.lower() in OBJECT_CUES
            and k < n
            and self.in_quote[k] is None
            and not any(t.lower in CLAUSE_WORDS for t in toks[k : k + 6])
            and not (
                CUE_FORMS.get(cue.lower()) == "accuse"
                and any(t.lower == "of" for t in toks[k : k + 6])
            )
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
        if that_at is not None and (that_at == k or told or toks[k].lower in PREPOSITIONS):
            k = that_at + 1
            clause = True  # a "that" clause: whatever it starts with, it is content
        if k >= n or toks[k].text in {")", "]"}:
            return None  # '("We never slept," Reyes said) and ...': the aside ends there
        if (
            CUE_FORMS.get(cue.lower()) in CLAUSE_ONLY
            and not clause
            and self.in_quote[k] is None
            and not self._clause_starts(k)
        ):
            return None  # "the military was maintaining a full readiness posture"
        # Content runs to the sentence end, a clause break, or a length no claim reaches
        # (which keeps run-on text from costing quadratic time).
        end = min(self.sentence.end, toks[k].start + _MAX_CONTENT)
        last_tok = bisect.bisect_left(self.starts, end, k + 1)
        # What a cue takes as its object ("called him divisive", "cast Clinton as
        # unqualified") ends where the speaker's next verb of saying starts ("... and
        # accused him of ..."); inside a reported clause such a verb may be the clause's.
        objective = (
            CUE_FORMS.get(cue.lower()) in OBJECT_TAKING
            and not clause
            and self.in_quote[k] is None
            and (toks[k].lower in OBJECT_PRONOUNS or not self._clause_starts(k))
        )
        for j in range(k + 1, last_tok):
            if (
                closes
                and self._closes_relative(j)
                and j + 1 < n
                and (_finite(toks[j + 1]) or toks[j + 1].lower in COMMON_VERBS)
            ):
                # 'Reyes, who called the plan "a disaster," said ...': the relative clause
                # ends before the sentence's own verb.
                end = toks[j].start if toks[j].text == "," else toks[j].end
                break
            if gap and self._closes_relative(j):
                end = toks[j].start if toks[j].text == "," else toks[j].end
                break
            if (
                toks[j].text == ","
                and self.in_quote[j] is None
                and j + 1 < n
                and (toks[j + 1].lower in CONTENT_BREAKS or self._attribution_follows(j + 1))
            ):
                end = toks[j].start
                break
            if (
                j + 1 < n
                and toks[j + 1].lower in CONTENT_BREAKS
                and self._closes_relative(j)
                and toks[j].text != ","
            ):
                end = toks[j].end  # '... "founded ISIS," saying ...': the comma was quoted
                break
            if toks[j].text in ASIDE_MARKS and self._quoted_aside(j):
                end = toks[j].start  # 'liked her - "...," Elkins said - but ...'
                break
            if self._said_too(j) or (objective and self._verb_too(j)):
                # "Reyes said the port would reopen, and added that ...": what the
                # second verb reports is a claim of its own.
                end = toks[j - 1].start if toks[j - 1].text == "," else toks[j].start
                break
        else:
            if end < self.sentence.end and last_tok > k + 1:
                end = toks[last_tok - 1].end
        content = self._tidy(Span(toks[k].start, end))
        last_word = self.text[content.start : content.end].rsplit(None, 1)[-1:] if gap else []
        if last_word and (last_word[0] in PREPOSITIONS or last_word[0] in NOUN_AFTER):
            return None  # "the system, which she claimed to be unaware of": no claim of hers
        words = self._first_words(content, 2)
        if not words or (
            self.in_quote[k] is None
            and not clause
            and not gap
            and (
                len(words) < 2
                or words[0].lower in NOT_CLAUSE_START
                or (len(words) > 1 and (words[0].lower, words[1].lower) == ("as", "much"))
            )
        ):
            return None
        for index in self._quotes_in(content):
            quote = self.quotes[index]
            if overlap(content, quote.inner) * 2 >= len(quote.inner):
                used.add(index)
        return content

    def _antecedent(self, comma: int) -> Span | None:
        """The noun phrase a relative pronoun after the comma at `comma` stands for, when it
        is plain which: the object or subject of the main clause ("criticized Clinton's
        email use, which ..."), a name before "who", or a noun phrase that opens the
        sentence ("Any sign of munitions reaching Russian forces, which ..."); not a phrase
        inside another ("a sign of munitions reaching Russian forces, which ...")."""
        toks = self.toks
        k = comma - 1
        while (
            k >= 0
            and comma - k <= 8
            and self.in_quote[k] is None
            and toks[k].is_word
            and not _finite(toks[k])
            and toks[k].lower not in PREPOSITIONS
        ):
            k -= 1
            if toks[k + 1].lower in DETERMINERS:
                break
        first = k + 1
        person = toks[comma + 1].lower in {"who", "whom"}
        before = toks[k] if k >= 0 else None
        plain = before is not None and _finite(before)
        if first < comma and (plain or (person and toks[comma - 1].is_capital)):
            return Span(toks[first].start, toks[comma - 1].end)
        opening = self._floor(comma - 1)
        while opening < comma and not toks[opening].is_word:
            opening += 1  # a list's dash
        phrase = toks[opening:comma]
        if (
            phrase
            and (phrase[0].lower in DETERMINERS or phrase[0].lower in QUANTIFIERS)
            and not any(_finite(t) or t.lower in AUXILIARIES for t in phrase)
            and all(self.in_quote[i] is None for i in range(opening, comma))
        ):
            return Span(phrase[0].start, phrase[-1].end)
        return None

    def _closes_relative(self, j: int) -> bool:
        """Token `j` ends a relative clause set off by commas: a comma outside quotation
        marks, or a closing mark with the comma inside it ('whom he described as
        "volatile," with Clinton')."""
        toks = self.toks
        if toks[j].text == ",":
            return self.in_quote[j] is None
        index = self.in_quote[j]
        if index is None or j + 1 >= len(toks) or self.in_quote[j + 1] == index:
            return False
        inner = self.quotes[index].inner
        return self.text[inner.start : inner.end].rstrip().endswith(",")

    def _reports_earlier(self, earlier: list[Found], start_tok: int) -> bool:
        """Every claim read before in the sentence runs up to the speaker named at
        `start_tok`: 'Iran expects $6 billion ..., a government spokesman said, after
        ...' reports what Iran expects."""
        start = self.toks[start_tok].start
        return all(
            f.cue is not None and f.cue.end <= start and f.content.end >= start - 3 for f in earlier
        )

    def _relative_clause_before(self, j: int) -> int | None:
        """The comma that opens a relative clause ending in a quotation at token `j`
        (', who called the plan "a disaster,"' before "said"), so that the speaker is read
        before it, not after the quotation."""
        toks = self.toks
        if j < 3:
            return None
        index = self.in_quote[j]
        if index is None:
            return None  # a plain aside before the cue is `_appositive`'s to read
        inner = self.quotes[index].inner
        if not self.text[inner.start : inner.end].rstrip().endswith(","):
            return None
        for k in range(j - 1, max(0, j - 30), -1):
            if self.in_quote[k] is not None or toks[k].text != ",":
                continue
            if toks[k + 1].lower in {"who", "which"}:
                return k
            return None
        return None

    def _opens_content(self, k: int) -> bool:
        """Token `k` is "the" or "a" opening what was told, not whom: "told reporters the
        plan was ...", against "told the crowd", "told a news conference"."""
        toks = self.toks
        return (
            toks[k].lower in {"the", "a"}
            and k + 1 < len(toks)
            and toks[k + 1].lower not in RECIPIENTS
            and not toks[k + 1].is_capital
        )

    def _said_too(self, j: int) -> bool:
        """Token `j` is "and" before a second speech verb of the same speaker ("and added
        that", "and warned:"), outside quotation marks."""
        toks = self.toks
        return (
            toks[j].lower == "and"
            and self.in_quote[j] is None
            and j + 1 in self._cue_starts
            and toks[j + 1].lower in SAID_TOO
        )

    def _verb_too(self, j: int) -> bool:
        """Token `j` is "and" before a second verb of saying in a finite form ("and
        accused", "and urges"), outside quotation marks."""
        toks = self.toks
        if toks[j].lower != "and" or self.in_quote[j] is not None or j + 1 not in self._cue_starts:
            return False
        verb = toks[j + 1].lower
        return verb in FINITE_IRREGULAR or (
            verb in CUE_FORMS and verb != CUE_FORMS[verb] and verb.endswith(("ed", "s"))
        )

    def _stranded(self, k: int) -> bool:
        """Token `k`, right after a cue's particle, shows the particle has no object of its
        own: a preposition ("the plan they voted for in May")."""
        low = self.toks[k].lower
        return low in PREPOSITIONS or low in STRANDING

    def _clause_starts(self, k: int) -> bool:
        """Token `k` starts a clause without "that": a subject pronoun ("maintained it
        was ..."), or a noun phrase whose verb is an auxiliary a few words on ("maintains
        the case has no place")."""
        toks = self.toks
        if pronoun_of(toks[k]) is not None or toks[k].lower in {"it", "they", "we", "i"}:
            return True
        for tok in toks[k + 1 : k + 7]:
            if not tok.is_word:
                return False
            if tok.lower in AUXILIARIES:
                return True
        return False

    def _on_condition(self, j: int) -> bool:
        """Tokens from `j` read "on condition" or "on the condition" (of anonymity)."""
        words = [t.lower for t in self.toks[j : j + 3]]
        return words[:2] == ["on", "condition"] or words == ["on", "the", "condition"]

    def _speech_follows(self, j: int) -> bool:
        """Token `j` (after an adverb in -ly) opens what was said: a quotation, one after a
        comma or a colon, or a "that" clause."""
        toks, in_quote = self.toks, self.in_quote
        if j < len(toks) and toks[j].lower.endswith("ly") and in_quote[j] is None:
            j += 1
        if j >= len(toks):
            return False
        if in_quote[j] is not None or toks[j].lower == "that":
            return True
        return toks[j].text in {",", ":"} and j + 1 < len(toks) and in_quote[j + 1] is not None

    def _goes_on(self, to: int, verb: str) -> bool:
        """The words before token `to` are "went on", and `verb` after it says something:
        "went on to say", "goes on to add"; not "went on to write three novels"."""
        toks = self.toks
        return (
            verb in GOES_ON_TO
            and toks[to - 1].lower == "on"
            and toks[to - 2].lower in GO_FORMS
            and self.in_quote[to - 2] is None
        )

    def _answers(self, quote: int, earlier: list[Found]) -> bool:
        """The quotation `quote` is what a claim read before in the sentence reports, its
        cue a few words before it: 'shouted, "..."', 'responded to Mills with, "..."'."""
        start = self.quotes[quote].outer.start
        return any(
            f.cue is not None
            and f.cue.end <= start < f.content.end
            and self._words(Span(f.cue.end, start)) <= 3
            for f in earlier
        )

    def _opened_after(self, k: int) -> int | None:
        """The quotation opened after a cue that ends before token `k`, past time words,
        a particle or an aside set off by commas: 'joked, "..."', 'writes back, "..."',
        'joked, raising his voice, "..."'; one that starts a sentence of its own."""
        toks, in_quote = self.toks, self.in_quote
        limit = min(len(toks), k + 12)
        j = k
        aside = k < limit and toks[k].text == ","
        while j < limit and in_quote[j] is None:
            if j > k and j in self._cue_starts:
                return None
            if not aside and not (
                toks[j].lower in TIME_WORDS or toks[j].lower in PARTICLES or toks[j].text == ","
            ):
                return None
            j += 1
        if j >= limit or j == k or toks[j - 1].text not in {",", ":"}:
            return None
        index = in_quote[j]
        if index is None:
            return None
        words = self._first_words(self.quotes[index].inner, 1)
        return index if words and words[0].is_capital else None

    def _opened_quote(self, c: int) -> int | None:
        """The quotation the cue ending at `c` opens: 'said Wednesday, "..."', 'shot back:
        "..."'; a comma or a colon introduces speech, a bare quotation is a phrase of the
        clause."""
        toks = self.toks
        j = c + 1
        while (
            j < len(toks)
            and j < c + 4
            and self.in_quote[j] is None
            and (toks[j].lower in TIME_WORDS or toks[j].lower in PARTICLES)
        ):
            j += 1
        if j + 1 < len(toks) and toks[j].text in {",", ":"}:
            return self.in_quote[j + 1]
        return None


def _finite(tok: Token) -> bool:
    """A verb in a tense of its own ("criticized", "backed", "said"), by form; unlike
    `verb_like`, a plural noun ("forces") is not one."""
    low = tok.lower
    if not tok.is_word or tok.is_capital:
        return False
    return low in CUE_FORMS and not low.endswith("ing") or low.endswith("ed")


def _plural_form(low: str) -> bool:
    """A lower-case word that ends as a plural noun does ("ads", "observers"): not "-ss",
    "-us", "-is", a possessive, or a noun that only looks plural ("news")."""
    return (
        low.endswith("s")
        and not low.endswith(("ss", "us", "is"))
        and not _possessive(low)
        and low not in PLURAL_LOOKING
    )


def _plural_noun(tok: Token) -> bool:
    """A word of four letters or more ending as plurals do ("investors", "cheers", and a
    possessive such as "today's"), which an infinitive never is: "wrote to investors" is
    not "said to be"."""
    low = tok.lower
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _without_possessive(words: str) -> str:
    """A name without its possessive ending: "Donald Trump's" -> "Donald Trump"."""
    return words[:-2] if _possessive(words) else words


def _possessive(word: str) -> bool:
    """A word with the possessive ending ("Trump's", "Clinton’s")."""
    return word.endswith(("'s", "’s"))

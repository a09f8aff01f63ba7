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

from dataclasses import dataclass

from ..model import Span
from .lexicon import CUE_FORMS, PARTICIPLE_CUES, PRE_CUE_SKIP, RECIPIENTS, WEAK_CUES
from .speakers import Mention, backward_np, forward_np, mention_from_tokens
from .text import Quote, Token, tokens

_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    on earlier later last this week month year morning afternoon evening night
    mon tue wed thu fri sat sun again also""".split()
)
_COMMIT_CUES = frozenset(
    "promise promises promised vow vows vowed pledge pledges pledged urged urge urges "
    "told tell tells telling according".split()
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
    inherits: bool = False  # the speaker is the previous claim's ("..., noting ...", or a bare quote)


class SentenceReader:
    """Reads one sentence of an article; cheap to build, used once."""

    def __init__(self, text: str, sentence: Span, quotes: list[Quote]) -> None:
        self.text = text
        self.sentence = sentence
        self.quotes = [q for q in quotes if q.outer.start < sentence.end and q.outer.end > sentence.start]
        self.toks = tokens(text, sentence)
        self.in_quote = [self._quote_of(t) for t in self.toks]

    def _quote_of(self, tok: Token) -> int | None:
        for index, quote in enumerate(self.quotes):
            if quote.outer.start <= tok.start < quote.outer.end:
                return index
        return None

    # -- cues ---------------------------------------------------------------------------

    def cues(self) -> list[tuple[int, int, str]]:
        """(first token, last token, cue text) of every cue outside quotations."""
        found = []
        toks = self.toks
        n = len(toks)
        k = 0
        while k < n:
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
        if toks[k].is_capital and k > 0 and toks[k - 1].text not in {'"', "“", "”", ","}:
            return False  # a proper noun: "the United States"
        if k + 1 < len(toks) and toks[k + 1].lower == "to" and low not in _COMMIT_CUES:
            return False  # "said to be", "asked to leave"
        if prev in _PASSIVE and low not in {"quoted"}:
            return False  # "he is expected to", "it was reported"
        if prev in {"the", "a", "an", "his", "her", "their", "its"}:
            return False  # a noun: "the report", "a claim"
        if low in WEAK_CUES:
            # Weak cues need a subject right before them or an inversion after a quotation.
            return k > 0 and (toks[k - 1].is_word or self.in_quote[k - 1] is not None or toks[k - 1].text in "\"”»")
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
                Found("quote", self._tidy(Span(start, end)), None, None, None, self.sentence, inherits=True)
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
        if cue_text == "according to":
            return self._according_to(first, last, cue_span)
        # Participle cue after a comma: a second claim of the sentence's speaker.
        if toks[first].lower in PARTICIPLE_CUES and first > 0 and toks[first - 1].text == ",":
            content = self._content_after(last + 1, cue=cue_text, used=used)
            if content is None:
                return None
            kind = self._kind(content)
            return Found(kind, content, cue_span, cue_text, None, self.sentence, inherits=True)
        # The subject before the cue, skipping "also", "has", "earlier" and the like.
        j = first - 1
        if cue_text == "quoted as saying":
            while j >= 0 and (toks[j].lower in PRE_CUE_SKIP or toks[j].lower in _PASSIVE):
                j -= 1
        else:
            while j >= 0 and toks[j].lower in PRE_CUE_SKIP and self.in_quote[j] is None:
                j -= 1
        floor = self._floor(j)
        mention = None
        mention_toks: list[Token] = []
        if j >= 0 and toks[j].is_word and self.in_quote[j] is None:
            mention_toks = backward_np(toks, j, floor)
            mention = mention_from_tokens(mention_toks, self.text) if mention_toks else None
        elif j >= 1 and toks[j].text == "," and self.in_quote[j] is None:
            mention, mention_toks = self._appositive(j, floor)
        inverted = False
        if mention is None:
            ahead = forward_np(toks, last + 1, n)
            if ahead and self._quote_ends_before(first):
                mention = mention_from_tokens(ahead, self.text)
                mention_toks = ahead
                inverted = True
            elif ahead and j >= 0 and toks[j].text == ",":
                mention = mention_from_tokens(ahead, self.text)
                mention_toks = ahead
                inverted = True
        if mention is None:
            return None
        subject_start = mention_toks[0] if mention_toks else toks[first]
        # 1. A quotation right before the attribution: `"...," Miller said`.
        before = self._quote_before(first if inverted else self.toks.index(subject_start))
        if before is not None:
            used.add(before)
            content = self.quotes[before].inner
            after = self._quote_after(last + 1 + (len(mention_toks) if inverted else 0), gap=3)
            if after is not None:  # `"...," he said, "..."`: one claim across the break
                used.add(after)
                content = Span(content.start, self.quotes[after].inner.end)
            return Found("quote", self._tidy(content), cue_span, cue_text, mention, self.sentence)
        # 2. Content after the cue: a quotation or a reported clause.
        resume = last + 1 + (len(mention_toks) if inverted else 0)
        content = self._content_after(resume, cue=cue_text, used=used)
        if content is not None and not inverted:
            return Found(self._kind(content), content, cue_span, cue_text, mention, self.sentence)
        # 3. Content before the subject: `..., a spokesperson said Tuesday.`
        start_tok = self.toks.index(subject_start) if not inverted else first
        if start_tok > 0 and toks[start_tok - 1].text == ",":
            content = self._tidy(Span(self.sentence.start, toks[start_tok - 1].start))
            if len(content) > 0 and not earlier:
                for index, quote in enumerate(self.quotes):
                    if quote.inner.start >= content.start and quote.inner.end <= content.end:
                        used.add(index)
                return Found(self._kind(content), content, cue_span, cue_text, mention, self.sentence)
        if content is not None:
            return Found(self._kind(content), content, cue_span, cue_text, mention, self.sentence)
        return None

    def _according_to(self, first: int, last: int, cue_span: Span) -> Found | None:
        toks = self.toks
        ahead = forward_np(toks, last + 1, len(toks))
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
        """`Jung Pak, U.S. deputy special envoy for North Korea, said`: name and role."""
        toks = self.toks
        k = comma - 1
        while k >= floor and toks[k].text != "," and self.in_quote[k] is None:
            k -= 1
        if k < floor + 1 or toks[k].text != ",":
            return None, []
        role_toks = toks[k + 1 : comma]
        if not role_toks or role_toks[0].lower in {"who", "which"} and False:
            return None, []
        name_toks = backward_np(toks, k - 1, floor)
        if not name_toks or not all(t.is_capital or not t.is_word for t in name_toks):
            return None, []
        base = mention_from_tokens(name_toks, self.text)
        if base is None or not base.name:
            return None, []
        role_text = self.text[role_toks[0].start : role_toks[-1].end]
        if role_toks[0].lower in {"who", "which"} or len(role_toks) > 14:
            role_text = base.role or ""
        mention = Mention(
            Span(name_toks[0].start, name_toks[-1].end),
            base.text,
            base.name,
            role_text or base.role,
            gender=base.gender,
        )
        return mention, list(toks[toks.index(name_toks[0]) : comma])

    def _floor(self, j: int) -> int:
        """The first token of the clause that ends at token `j`."""
        k = j
        while k >= 0:
            if self.in_quote[k] is not None or self.toks[k].text in {";", ":", "—", "–"}:
                return k + 1
            k -= 1
        return 0

    def _quote_before(self, k: int) -> int | None:
        """The quotation that ends right before token `k` (allowing a comma and dashes)."""
        j = k - 1
        while j >= 0 and self.toks[j].text in {",", "—", "–", "-"} and self.in_quote[j] is None:
            j -= 1
        if j >= 0 and self.in_quote[j] is not None:
            return self.in_quote[j]
        return None

    def _quote_after(self, k: int, gap: int = 2) -> int | None:
        """The quotation starting within `gap` tokens after token `k` (after ',' or ':')."""
        j = k
        while j < len(self.toks) and j < k + gap and self.in_quote[j] is None:
            if self.toks[j].text not in {",", ":", "—", "–", "-"}:
                return None
            j += 1
        if j < len(self.toks) and self.in_quote[j] is not None:
            return self.in_quote[j]
        return None

    def _quote_ends_before(self, k: int) -> bool:
        return self._quote_before(k) is not None

    def _content_after(self, k: int, *, cue: str, used: set[int]) -> Span | None:
        """Reported content after a cue: skip time words, who was told, and "that"."""
        toks = self.toks
        n = len(toks)
        told = cue.lower() in {"told", "tell", "tells", "telling"}
        while k < n and self.in_quote[k] is None and (
            toks[k].lower in _TIME_WORDS
            or toks[k].text in {",", ":"}
            or (told and (toks[k].lower in RECIPIENTS or toks[k].is_capital))
        ):
            k += 1
        # "told a daily press briefing that ...": skip to "that" when it comes soon.
        for j in range(k, min(n, k + 8)):
            if self.in_quote[j] is not None or toks[j].text in {",", ";"}:
                break
            if toks[j].lower == "that":
                k = j + 1
                break
        if k < n and toks[k].lower == "that" and self.in_quote[k] is None:
            k += 1
        if k >= n:
            return None
        end = self.sentence.end
        for j in range(k + 1, n):
            if toks[j].text == "," and self.in_quote[j] is None and j + 1 < n and toks[j + 1].lower in _CONTENT_BREAKS:
                end = toks[j].start
                break
        content = self._tidy(Span(toks[k].start, end))
        words = len([t for t in toks if content.start <= t.start < content.end and t.is_word])
        if words < 2:
            return None
        for index, quote in enumerate(self.quotes):
            if quote.outer.start >= content.start - 1 and quote.outer.end <= content.end + 1:
                used.add(index)
        return content

    def _kind(self, content: Span) -> str:
        inside = [q for q in self.quotes if q.outer.start >= content.start - 1 and q.outer.end <= content.end + 1]
        if not inside:
            return "reported"
        covered = sum(len(q.outer) for q in inside)
        return "quote" if covered >= len(content) - 2 else "partial"

    def _tidy(self, span: Span) -> Span:
        """Trim spaces, a closing comma and sentence punctuation from a content span."""
        start, end = span.start, span.end
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;:—–"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–"):
            end -= 1
        # Whole content in quotation marks: point inside them.
        if end - start >= 2 and text[start] in "\"“«" and text[end - 1] in "\"”»":
            inner = text[start + 1 : end - 1]
            if not any(m in inner for m in "\"“”«»"):
                start, end = start + 1, end - 1
                while end > start and text[end - 1] in ",.;:":
                    end -= 1
        return Span(start, end)

"""Topics: the boolean queries desks write to follow a subject, compiled once.

The language, as media monitors write it:

    Russia AND arms           both (operators are upper-case; see below)
    Russia arms               adjacent terms with no operator are an implicit AND
    Russia OR Moscow          either
    NOT Ukraine, a AND NOT b  without ("a NOT b" is also "a AND NOT b")
    ( ... )                   grouping; precedence NEAR > NOT > AND > OR
    "North Korea"             phrase: consecutive words; "arms deal*" may star its words
    sanction*                 trailing wildcard: any word starting with "sanction"
    a NEAR/5 b, a NEAR b      within 5 words (bare NEAR: 10), either order
    a ONEAR/5 b               within 5 words, a first (bare ONEAR: 10)
    title: speaker: source:   search another field than `text:` (the default), as in
                              speaker:Miller or source:(Yonhap OR Reuters)
    ="UN", =UN                case-sensitive; every other word is case-insensitive
    $DPRK                     an alias from the `aliases` mapping, which may use others

NEAR/ONEAR operands are words, phrases, wildcards, aliases or parenthesised OR-groups of
those, all in one field. Distance: word positions differ by at most n (for phrases,
from the nearer edges), so `a NEAR/1 b` means adjacent; `digest.query` gives the
word rule that queries and texts share.

Lower-case `and`, `or`, `not`, `near` are rejected rather than read as words, because a
desk that writes them almost always means the operator; quote them ("and") to search
for the word. Lucene syntax with no meaning here (`-x`, `+x`, `~`, `^`, ranges, regexes,
leading or inner wildcards) is an error with a hint, never silently ignored.

Why luqum's lexer but not its grammar: luqum's tokens (terms with `*`, phrases, `:`,
parentheses, upper-case AND/OR/NOT) are exactly Lucene's and carry their offsets, so
queries are lexed by a clone of `luqum.parser.lexer`. Its PLY grammar cannot be reused:
it gives the implicit AND the *lowest* precedence ("a OR b c" parses as "(a OR b) AND c",
not "a OR (b AND c)"), it has no binary slot for NEAR/ONEAR, and PLY tables cannot be
subclassed without regenerating (forking) them. Its syntax errors also say only "at the
end" for an unclosed parenthesis or a dangling operator. So the grammar is a small
recursive-descent parser over luqum's tokens; `=` before a quote is masked with a space
(same length, so columns stay true) before lexing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from luqum.exceptions import IllegalCharacterError
from luqum.parser import lexer as _luqum_lexer

from digest.classify.match import (
    DEFAULT_FIELD,
    DEFAULT_NEAR,
    FIELDS,
    And,
    Document,
    Near,
    Node,
    Not,
    Or,
    Query,
    Words,
    normalise,
    word_spans,
)
from digest.errors import ConfigError, QueryError

__all__ = [
    "Document",
    "Query",
    "Topic",
    "compile_topics",
    "explain",
    "parse_query",
]

_PROXIMITY = re.compile(r"(O?NEAR)(?:/(.*))?", re.DOTALL)
_OPERATOR_WORD = re.compile(r"and|or|not|o?near(?:/.*)?", re.IGNORECASE | re.DOTALL)
_ALIAS_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")
_ONE_LINE = str.maketrans("\n\r\t\v\f", "     ")
_KINDS = {"AND_OP": "AND", "OR_OP": "OR", "NOT": "NOT", "LPAREN": "(", "RPAREN": ")"}
_UNSUPPORTED = {
    "MINUS": "write NOT before the word instead of '-'",
    "PLUS": "remove '+': words are required unless joined by OR",
    "APPROX": "'~' is not supported; use NEAR/n for proximity",
    "BOOST": "boosts ('^') are not supported; remove it",
    "REGEX": "regular expressions are not supported; use a trailing '*' wildcard",
}
_RANGE_HINT = "ranges are not supported; quote the text to search for it"
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_STARTS = frozenset({"TERM", "PHRASE", "(", "NOT", ":"})

Fail = Callable[[int, str, str], QueryError]


@dataclass(frozen=True)
class Topic:
    """A topic a desk follows: its config text and the query compiled from it."""

    id: str
    title: str
    query: str
    compiled: Query


class _Tok(NamedTuple):
    kind: str  # TERM PHRASE AND OR NOT NEAR ( ) :
    text: str  # as written, with the '=' of a case-sensitive phrase
    pos: int  # 0-based offset in the query
    distance: int = 0
    ordered: bool = False
    exact: bool = False


class _Cycle(Exception):
    def __init__(self, chain: tuple[str, ...]) -> None:
        super().__init__(chain)
        self.chain = chain


def _at(pos: int) -> str:
    return f"at column {pos + 1}"


def _error(label: str, query: str, pos: int, what: str, hint: str) -> QueryError:
    line = query.translate(_ONE_LINE)
    return QueryError(f"{label}: {what}\n    {line}\n    {' ' * pos}^\nHint: {hint}")


def _mask_exact(query: str, fail: Fail) -> tuple[str, frozenset[int]]:
    """Blank the '=' of `="..."` and find unterminated quotes, as luqum reads escapes."""
    chars = list(query)
    exact: set[int] = set()
    opened: int | None = None
    i = 0
    while i < len(query):
        c = query[i]
        if c == "\\":
            i += 2
            continue
        if c == '"':
            if opened is not None:
                opened = None
            else:
                opened = i
                if i and query[i - 1] == "=" and (i == 1 or query[i - 2] in " \t\r\n(:"):
                    chars[i - 1] = " "
                    exact.add(i)
        i += 1
    if opened is not None:
        raise fail(
            opened,
            f"unterminated quote: '\"' {_at(opened)} is never closed",
            "add '\"' where the phrase ends, or remove this one",
        )
    return "".join(chars), frozenset(exact)


def _word_token(raw: str, pos: int, fail: Fail) -> _Tok:
    near = _PROXIMITY.fullmatch(raw)
    if near:
        op, n = near.group(1), near.group(2)
        if n is None:
            return _Tok("NEAR", raw, pos, DEFAULT_NEAR, op == "ONEAR")
        if n.isascii() and n.isdigit() and int(n) > 0:
            return _Tok("NEAR", raw, pos, int(n), op == "ONEAR")
        raise fail(
            pos,
            f"bad proximity operator: '{raw}' {_at(pos)} needs a positive whole number after '/'",
            f"write e.g. {op}/5 (within 5 words) or a bare {op} (within {DEFAULT_NEAR})",
        )
    if _OPERATOR_WORD.fullmatch(raw):
        upper = raw.upper()
        raise fail(
            pos,
            f"operator not in capitals: '{raw}' {_at(pos)}",
            f'write {upper}, or quote the word to search for it: "{raw}"',
        )
    return _Tok("TERM", raw, pos)


def _lex(query: str, fail: Fail) -> list[_Tok]:
    # Pasted queries bring curly quotes; normalising keeps every column where it was.
    query = normalise(query)
    masked, exact = _mask_exact(query, fail)
    lexer = _luqum_lexer.clone()  # PLY lexers carry state; a clone keeps parsing thread-safe
    lexer.input(masked)
    toks: list[_Tok] = []
    while True:
        try:
            t = lexer.token()
        except IllegalCharacterError:
            pos = lexer.lexpos
            shown = '"\'"' if query[pos] == "'" else f"'{query[pos]}'"
            raise fail(
                pos,
                f"unexpected character: {shown} {_at(pos)}",
                "remove it, or put the text in quotes; proximity is written NEAR/5",
            ) from None
        if t is None:
            return toks
        pos, raw = t.lexpos, masked[t.lexpos : lexer.lexpos]
        if t.type in ("TERM", "TO"):
            toks.append(_word_token(raw, pos, fail))
        elif t.type == "PHRASE":
            if pos in exact:
                toks.append(_Tok("PHRASE", query[pos - 1 : lexer.lexpos], pos - 1, exact=True))
            else:
                toks.append(_Tok("PHRASE", raw, pos))
        elif t.type == "COLUMN":
            toks.append(_Tok(":", raw, pos))
        elif t.type in _KINDS:
            toks.append(_Tok(_KINDS[t.type], raw, pos))
        else:
            hint = _UNSUPPORTED.get(t.type, _RANGE_HINT)
            raise fail(pos, f"unsupported syntax: '{raw}' {_at(pos)}", hint)


def _check_parens(toks: list[_Tok], fail: Fail) -> None:
    opened: list[int] = []
    for tok in toks:
        if tok.kind == "(":
            opened.append(tok.pos)
        elif tok.kind == ")":
            if not opened:
                raise fail(
                    tok.pos,
                    f"unbalanced parenthesis: ')' {_at(tok.pos)} has no matching '('",
                    "remove ')' or add '(' before it",
                )
            opened.pop()
    if opened:
        # The innermost unclosed '(' is the likelier slip: outer groups usually close last.
        pos = opened[-1]
        raise fail(
            pos,
            f"unbalanced parenthesis: '(' {_at(pos)} is never closed",
            "add ')' or remove '('",
        )


def _join(kind: type[And] | type[Or], parts: list[Node]) -> Node:
    if len(parts) == 1:
        return parts[0]
    flat: list[Node] = []
    for part in parts:
        flat.extend(part.parts if isinstance(part, kind) else (part,))
    return kind(tuple(flat))


class _Parser:
    """Recursive descent over luqum tokens: or > and > not > near > primary."""

    def __init__(
        self,
        query: str,
        label: str,
        aliases: Mapping[str, str],
        stack: tuple[str, ...],
        field: str,
        *,
        root: bool,
    ) -> None:
        self.query = query
        self.label = label
        self.aliases = aliases
        self.stack = stack
        self.field = field
        self.root = root
        self.toks: list[_Tok] = []
        self.i = 0
        self.prev: _Tok | None = None

    def fail(self, pos: int, what: str, hint: str) -> QueryError:
        return _error(self.label, self.query, pos, what, hint)

    def parse(self) -> Node:
        if not self.query.strip():
            raise self.fail(0, "empty query at column 1", "write at least one word, e.g. sanction*")
        self.toks = _lex(self.query, self.fail)
        _check_parens(self.toks, self.fail)
        node = self.or_expr()
        tok = self.peek()
        if tok is not None:
            raise self.fail(tok.pos, f"unexpected '{tok.text}' {_at(tok.pos)}", "remove it")
        return node

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.prev = self.toks[self.i]
        self.i += 1
        return tok

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while (tok := self.peek()) is not None and tok.kind == "OR":
            self.take()
            parts.append(self.and_expr())
        return _join(Or, parts)

    def and_expr(self) -> Node:
        parts = [self.not_expr()]
        while (tok := self.peek()) is not None:
            if tok.kind == "AND":
                self.take()
            elif tok.kind not in _STARTS:
                break
            parts.append(self.not_expr())
        return _join(And, parts)

    def not_expr(self) -> Node:
        tok = self.peek()
        if tok is not None and tok.kind == "NOT":
            self.take()
            return Not(self.not_expr())
        return self.near_expr()

    def near_expr(self) -> Node:
        first = self.i
        left = self.primary()
        op = self.peek()
        if op is None or op.kind != "NEAR":
            return left
        self.take()
        second = self.i
        right = self.primary()
        follow = self.peek()
        if follow is not None and follow.kind == "NEAR":
            raise self.fail(
                follow.pos,
                f"chained proximity: '{follow.text}' {_at(follow.pos)} follows '{op.text}'",
                f"join pairs with AND: (a {op.text} b) AND (b {follow.text} c)",
            )
        near = self.positional(left, self.toks[first], op)
        far = self.positional(right, self.toks[second], op)
        if len({w.field for w in near + far}) > 1:
            raise self.fail(
                op.pos,
                f"proximity across fields: '{op.text}' {_at(op.pos)} joins words of two fields",
                f"put one field around the whole: title:(a {op.text} b)",
            )
        return Near(near, far, op.distance, op.ordered)

    def positional(self, node: Node, start: _Tok, op: _Tok) -> tuple[Words, ...]:
        if isinstance(node, Words):
            return (node,)
        if isinstance(node, Or) and all(isinstance(p, Words) for p in node.parts):
            return tuple(p for p in node.parts if isinstance(p, Words))
        raise self.fail(
            start.pos,
            f"bad operand for '{op.text}' {_at(start.pos)}: "
            "only words, phrases and OR-groups can be near each other",
            f"move AND, NOT and NEAR outside, e.g. (a {op.text} b) AND c",
        )

    def missing(self, tok: _Tok | None) -> QueryError:
        """The error for an operand that is absent: say which operator lacks it."""
        prev = self.prev
        if tok is None or tok.kind == ")":
            if prev is not None and prev.kind in _OPERATORS:
                return self.fail(
                    prev.pos,
                    f"dangling operator: '{prev.text}' {_at(prev.pos)} has nothing on its right",
                    f"add a word after '{prev.text}' or remove it",
                )
            pos = tok.pos if tok is not None else len(self.query)
            return self.fail(pos, f"missing word {_at(pos)}", "add a word here")
        if prev is None or prev.kind == "(":
            return self.fail(
                tok.pos,
                f"dangling operator: '{tok.text}' {_at(tok.pos)} has nothing on its left",
                f"add a word before '{tok.text}' or remove it",
            )
        return self.fail(
            tok.pos,
            f"misplaced operator: '{tok.text}' {_at(tok.pos)} follows '{prev.text}'",
            "remove one of the two, or put a word between them",
        )

    def primary(self) -> Node:
        tok = self.peek()
        if tok is None or tok.kind in _OPERATORS or tok.kind == ")":
            raise self.missing(tok)
        if tok.kind == "(":
            self.take()
            inner = self.peek()
            if inner is not None and inner.kind == ")":
                raise self.fail(
                    tok.pos,
                    f"empty parentheses: '()' {_at(tok.pos)}",
                    "put words inside or remove them",
                )
            node = self.or_expr()
            close = self.peek()
            if close is None or close.kind != ")":
                raise self.missing(close)
            self.take()
            return node
        if tok.kind == ":":
            raise self.fail(
                tok.pos,
                f"unexpected ':' {_at(tok.pos)}",
                "a field name goes right before ':', as in title:Korea; quote text with ':'",
            )
        self.take()
        if tok.kind == "PHRASE":
            return self.phrase(tok)
        following = self.peek()
        if following is not None and following.kind == ":":
            return self.field_expr(tok)
        if tok.text.startswith("$"):
            return self.alias(tok)
        return self.term(tok)

    def field_expr(self, name_tok: _Tok) -> Node:
        name = name_tok.text.casefold()
        if name not in FIELDS:
            raise self.fail(
                name_tok.pos,
                f"unknown field '{name_tok.text}' {_at(name_tok.pos)}",
                f"use one of {', '.join(f + ':' for f in FIELDS)} or quote text that has ':'",
            )
        self.take()
        value = self.peek()
        if value is None or value.kind in _OPERATORS or value.kind == ")":
            if value is not None and value.kind == "NOT":
                raise self.fail(
                    value.pos,
                    f"misplaced operator: 'NOT' {_at(value.pos)} follows '{name}:'",
                    f"put NOT before the field: NOT {name}:word",
                )
            raise self.fail(
                name_tok.pos,
                f"missing value: '{name}:' {_at(name_tok.pos)} has nothing after it",
                f"write e.g. {name}:Korea or {name}:(a OR b)",
            )
        outer, self.field = self.field, name
        try:
            return self.primary()
        finally:
            self.field = outer

    def leaf(self, text: str, words: list[str], prefix: list[bool], exact: bool) -> Words:
        shown = text if self.field == DEFAULT_FIELD else f"{self.field}:{text}"
        keys = tuple(words) if exact else tuple(w.casefold() for w in words)
        return Words(shown, self.field, keys, tuple(prefix), exact)

    def term(self, tok: _Tok) -> Words:
        text = tok.text
        exact = text.startswith("=")
        body = text[1:] if exact else text
        if '"' in body:
            pos = tok.pos + text.index('"')
            raise self.fail(
                pos,
                f"stray quote {_at(pos)} in '{text}'",
                "put a space before an opening quote and after a closing one",
            )
        star = body.endswith("*")
        stem = body[:-1] if star else body
        if "*" in stem or "?" in stem:
            raise self.fail(
                tok.pos,
                f"unsupported wildcard: '{text}' {_at(tok.pos)}",
                "only a trailing '*' is supported, as in sanction*",
            )
        words = [w for w, _, _ in word_spans(stem)]
        if not words:
            hint = (
                "'=' goes right before a word or a quoted phrase: =UN or =\"UN\""
                if exact
                else "a term needs letters or digits; operators are AND, OR, NOT and NEAR"
            )
            raise self.fail(tok.pos, f"no words in '{text}' {_at(tok.pos)}", hint)
        prefix = [False] * len(words)
        prefix[-1] = star
        return self.leaf(text, words, prefix, exact)

    def phrase(self, tok: _Tok) -> Words:
        offset = 2 if tok.exact else 1
        content = tok.text[offset:-1]
        words: list[str] = []
        prefix: list[bool] = []
        for word, _, end in word_spans(content):
            words.append(word)
            prefix.append(content[end : end + 1] == "*")
        loose = content.count("*") - sum(prefix)
        if loose:
            pos = tok.pos + offset + content.index("*")
            raise self.fail(
                pos,
                f"unsupported wildcard: '*' {_at(pos)} does not end a word",
                "only a '*' right after a word is supported, as in \"arms deal*\"",
            )
        if not words:
            raise self.fail(
                tok.pos,
                f"empty phrase {_at(tok.pos)}",
                "put words between the quotes or remove them",
            )
        return self.leaf(tok.text, words, prefix, tok.exact)

    def alias(self, tok: _Tok) -> Node:
        name = tok.text[1:]
        if not _ALIAS_NAME.fullmatch(name):
            raise self.fail(
                tok.pos,
                f"bad alias reference: '{tok.text}' {_at(tok.pos)}",
                "write $NAME, with only letters, digits, '_' or '-' in NAME",
            )
        if name in self.stack:
            chain = (*self.stack[self.stack.index(name) :], name)
            if not self.root:
                raise _Cycle(chain)
            raise self.cycle(tok, chain)
        body = self.aliases.get(name)
        if body is None:
            known = ", ".join("$" + k for k in sorted(self.aliases))
            raise self.fail(
                tok.pos,
                f"unknown alias '{tok.text}' {_at(tok.pos)}",
                f"define {name} under aliases, or use one of: {known}"
                if known
                else f"define {name} under aliases (none are defined)",
            )
        sub = _Parser(
            body, f"aliases.{name}", self.aliases, (*self.stack, name), self.field, root=False
        )
        try:
            return sub.parse()
        except _Cycle as cycle:
            if not self.root:
                raise
            raise self.cycle(tok, cycle.chain) from None

    def cycle(self, tok: _Tok, chain: tuple[str, ...]) -> QueryError:
        shown = " -> ".join("$" + n for n in chain)
        edit = ", ".join(f"aliases.{n}" for n in dict.fromkeys(chain))
        return self.fail(
            tok.pos,
            f"alias cycle {shown} in '{tok.text}' {_at(tok.pos)}",
            f"an alias cannot use itself, directly or through others; edit {edit}",
        )


def _alias_table(aliases: Mapping[str, str] | None) -> dict[str, str]:
    return {k.removeprefix("$"): v for k, v in (aliases or {}).items()}


def parse_query(
    query: str, *, aliases: Mapping[str, str] | None = None, topic_id: str = "?"
) -> Query:
    """Compile a topic query; raise QueryError pointing at the column of any mistake."""
    table = _alias_table(aliases)
    label = f"topics.{topic_id}.query"
    return Query(query, _Parser(query, label, table, (), DEFAULT_FIELD, root=True).parse())


def check_alias(name: str, aliases: Mapping[str, str]) -> None:
    """Parse alias `name` on its own, so a broken alias is reported even if unused."""
    table = _alias_table(aliases)
    name = name.removeprefix("$")
    if not _ALIAS_NAME.fullmatch(name):
        raise ConfigError(
            f"aliases.{name}: bad alias name\n"
            "Hint: use only letters, digits, '_' and '-', as in DPRK or nk-leaders"
        )
    _Parser(table[name], f"aliases.{name}", table, (name,), DEFAULT_FIELD, root=True).parse()


def compile_topics(
    specs: Sequence[tuple[str, str, str]], aliases: Mapping[str, str]
) -> tuple[Topic, ...]:
    """Compile (id, title, query) triples in order, checking every alias first."""
    for name in aliases:
        check_alias(name, aliases)
    topics: list[Topic] = []
    seen: set[str] = set()
    for topic_id, title, query in specs:
        if topic_id in seen:
            raise ConfigError(
                f"topics.{topic_id}: duplicate topic id\nHint: give each topic its own id"
            )
        seen.add(topic_id)
        compiled = parse_query(query, aliases=aliases, topic_id=topic_id)
        topics.append(Topic(topic_id, title, query, compiled))
    return tuple(topics)


def explain(
    topics: Sequence[Topic], fields: Mapping[str, str]
) -> list[tuple[Topic, tuple[str, ...] | None]]:
    """For `digest explain`: each topic with the terms it matched in `fields`, or None."""
    doc = Document(fields)
    return [(topic, topic.compiled.match(doc)) for topic in topics]

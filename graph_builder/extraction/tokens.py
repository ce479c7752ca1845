"""Tokens of the working text, with abbreviations expanded from the lexicon.

A title such as `UVBTV Huyện ủy` is matched against the lexicons as the words
`ủy viên ban thường vụ huyện ủy`; every expanded word keeps the span of the token it
came from, so offsets still point into the article text.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from functools import lru_cache

from ..lexicon import load_table
from ..text import ascii_fold

# A word is letters/digits, joined by an inner dot, slash or apostrophe (UB.MTTQ, Đ/c,
# H'Hen); anything else that is not a space is a one-character punctuation token.
_TOKEN = re.compile(r"[^\W_]+(?:[./'\u2019][^\W_]+)*|[^\w\s]")


def _split_joined(word: str) -> list[int]:
    """`Đồng chíPhạm`: a lower-case letter directly followed by a capital starts a new word."""
    return [k for k in range(1, len(word)) if word[k].isupper() and word[k - 1].islower()]


class Token(NamedTuple):
    text: str       # surface form in the working text (or an expansion word)
    fold: str       # lower case
    start: int
    end: int
    index: int      # index of the source token (expansion words share it)
    expanded: bool  # True when the word comes from an abbreviation
    is_word: bool   # letters or digits (not punctuation)
    is_cap: bool    # starts with a capital or a digit


# NamedTuple's own constructor goes through a Python-level function; a sentence makes
# dozens of tokens, so they are built with the tuple constructor directly.
_new = tuple.__new__


def _token(text: str, start: int, end: int, index: int, expanded: bool, fold: str | None = None) -> Token:
    first = text[0]
    return _new(Token, (text, fold if fold is not None else text.lower(), start, end, index, expanded,
                        first.isalnum(), first.isupper() or first.isdigit()))


def _has_upper(surface: str) -> bool:
    # asked of every number and punctuation mark: a single character or digits need no loop
    if len(surface) == 1:
        return surface.isupper()
    return not surface.isdigit() and any(ch.isupper() for ch in surface)


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, tuple[str, ...]]:
    return {row["abbreviation"]: tuple(row["expansion"].split())
            for row in load_table("abbreviations", key="abbreviation")}


@lru_cache(maxsize=4096)
def tokenize(norm: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `norm[start:end]`, abbreviations expanded into several tokens. Stages
    tokenize the same sentences, so results are cached (treat them as read-only)."""
    end = len(norm) if end is None else end
    expand = abbreviations()
    lowered = norm[start:end].lower()
    tokens: list[Token] = []
    index = 0
    skip_dot = -1
    for match in _TOKEN.finditer(norm, start, end):
        at, stop = match.span()
        if at == skip_dot:
            continue
        surface = norm[at:stop]
        first = surface[0]
        if surface == "&":
            # `Phòng LĐTB&XH`: the ampersand of an abbreviated name is its `và`
            tokens.append(_token("và", at, stop, index, True))
            index += 1
            continue
        if surface.islower() or not first.isalpha() and not _has_upper(surface):
            # the common case: a lower-case word, a number or punctuation
            tokens.append(_new(Token, (surface, lowered[at - start:stop - start], at, stop, index,
                                       False, first.isalnum(), first.isdigit())))
            index += 1
            continue
        # `TP. Điện Biên Phủ`: the dot belongs to the abbreviation
        if first.isupper() and stop < end and norm[stop] == "." and surface + "." in expand:
            skip_dot = stop
        pieces = [(surface, at)]
        if "." in surface and surface not in expand:
            # `H.Tân Hưng`, `TX.Sơn Tây`: a unit's abbreviated kind word glued to its name
            head, rest = surface.split(".", 1)
            if head + "." in expand and rest[:1].isupper():
                pieces = [(head + ".", at), (rest, at + len(head) + 1)]
        cuts = [] if len(pieces) > 1 else _split_joined(surface) if "'" not in surface and "\u2019" not in surface \
            and not surface[1:].islower() else []
        if cuts:
            bounds = [0, *cuts, len(surface)]
            pieces = [(surface[a:b], at + a) for a, b in zip(bounds, bounds[1:])]
        for text, offset in pieces:
            words = (expand.get(text) or expand.get(text.rstrip("."))) if text[0].isupper() else None
            if words:
                for word in words:
                    tokens.append(_token(word, offset, offset + len(text), index, True))
            else:
                tokens.append(_token(text, offset, offset + len(text), index, False))
            index += 1
    return tokens


_END = object()    # marks, in a matcher's trie, where an entry ends
_plain = lru_cache(maxsize=8192)(ascii_fold)


class Matcher:
    """Longest match of folded word sequences (`phó bí thư thường trực`) at a position."""

    def __init__(self, entries: dict[tuple[str, ...], object]):
        # A trie of the entries' words: a match walks it once along the tokens, where
        # trying every length from the longest down built a tuple per length and most
        # tokens start no entry at all (the hot path).
        self.trie: dict = {}
        for key, value in entries.items():
            node = self.trie
            for word in key:
                node = node.setdefault(word, {})
            node[_END] = value
        self.first_words = frozenset(self.trie)
        # The same entries by their words without diacritics, for texts that mistype one
        # (`Ủy ban Mật trận Tổ quốc`): entries of two words or more, first word exact.
        self.loose: dict = {}
        for key, value in entries.items():
            if len(key) >= 2:
                node = self.loose.setdefault(key[0], {})
                for word in key[1:]:
                    node = node.setdefault(ascii_fold(word), {})
                node[_END] = (key, value)

    def match(self, tokens: list[Token], i: int) -> tuple[object, int] | None:
        node = self.trie.get(tokens[i].fold) if i < len(tokens) else None
        found = None
        while node is not None:
            i += 1
            if _END in node:
                found = (node[_END], i)
            node = node.get(tokens[i].fold) if i < len(tokens) else None
        return found

    def match_loose(self, tokens: list[Token], i: int) -> tuple[object, int] | None:
        """The longest entry at `i` whose words the tokens spell with at most one diacritic
        wrong (`mật trận` for `mặt trận`); the first word must be right."""
        node = self.loose.get(tokens[i].fold) if i < len(tokens) else None
        found, start = None, i
        i += 1
        while node is not None and i < len(tokens):
            node = node.get(_plain(tokens[i].fold))
            i += 1
            if node is not None and _END in node:
                key, value = node[_END]
                wrong = sum(word != token.fold for word, token in zip(key, tokens[start:i]))
                if wrong <= 1:
                    found = (value, i)
        return found

    def matches(self, tokens: list[Token], i: int) -> list[tuple[object, int]]:
        """Every entry that starts at `i`, the longest first."""
        node = self.trie.get(tokens[i].fold) if i < len(tokens) else None
        found = []
        while node is not None:
            i += 1
            if _END in node:
                found.append((node[_END], i))
            node = node.get(tokens[i].fold) if i < len(tokens) else None
        return found[::-1]


def surface_key(surface: str) -> tuple[str, ...]:
    """The folded words of a lexicon surface, split like the tokenizer splits text."""
    return tuple(m.group().lower() for m in _TOKEN.finditer(surface))

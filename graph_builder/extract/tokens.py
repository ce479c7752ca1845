"""Tokens of the working text, with abbreviations expanded from the lexicon.

A title such as `UVBTV Huyện ủy` is matched against the lexicons as the words
`ủy viên ban thường vụ huyện ủy`; every expanded word keeps the span of the token it
came from, so offsets still point into the article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import load_table

# A word is letters/digits, joined by an inner dot, slash or apostrophe (UB.MTTQ, Đ/c,
# H'Hen); anything else that is not a space is a one-character punctuation token.
_TOKEN = re.compile(r"[^\W_]+(?:[./'][^\W_]+)*|[^\w\s]")


def _split_joined(word: str) -> list[int]:
    """`Đồng chíPhạm`: a lower-case letter directly followed by a capital starts a new word."""
    return [k for k in range(1, len(word)) if word[k].isupper() and word[k - 1].islower()]


@dataclass(frozen=True, slots=True)
class Token:
    text: str       # surface form in the working text (or an expansion word)
    fold: str       # lower case
    start: int
    end: int
    index: int      # index of the source token (expansion words share it)
    expanded: bool  # True when the word comes from an abbreviation

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, tuple[str, ...]]:
    return {row["abbreviation"]: tuple(row["expansion"].split())
            for row in load_table("abbreviations", key="abbreviation")}


def tokenize(norm: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `norm[start:end]`, abbreviations expanded into several tokens."""
    end = len(norm) if end is None else end
    expand = abbreviations()
    tokens: list[Token] = []
    index = 0
    for match in _TOKEN.finditer(norm, start, end):
        surface = match.group()
        pieces = [(surface, match.start())]
        cuts = _split_joined(surface) if "'" not in surface else []
        if cuts:
            bounds = [0, *cuts, len(surface)]
            pieces = [(surface[a:b], match.start() + a) for a, b in zip(bounds, bounds[1:])]
        for text, offset in pieces:
            words = expand.get(text) or expand.get(text.rstrip("."))
            if words:
                for word in words:
                    tokens.append(Token(word, word.lower(), offset, offset + len(text), index, True))
            else:
                tokens.append(Token(text, text.lower(), offset, offset + len(text), index, False))
            index += 1
    return tokens


class Matcher:
    """Longest match of folded word sequences (`phó bí thư thường trực`) at a position."""

    def __init__(self, entries: dict[tuple[str, ...], object]):
        self.entries = entries
        self.longest = max((len(k) for k in entries), default=0)

    def match(self, tokens: list[Token], i: int) -> tuple[object, int] | None:
        for n in range(min(self.longest, len(tokens) - i), 0, -1):
            key = tuple(t.fold for t in tokens[i:i + n])
            if key in self.entries:
                return self.entries[key], i + n
        return None


def surface_key(surface: str) -> tuple[str, ...]:
    """The folded words of a lexicon surface, split like the tokenizer splits text."""
    return tuple(m.group().lower() for m in _TOKEN.finditer(surface))

"""Vietnamese text normalisation.

Two layers:
- `read_text` (NFC, newlines) defines the article text; every offset in the graph is a
  character offset into it.
- `normalise` maps that text to a working copy of exactly the same length, so an offset
  found in the working copy is an offset in the article text too (evidence quotes are
  always cut from the article text at those offsets).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Tone marks as combining characters (NFD).
_TONES = "\u0300\u0301\u0303\u0309\u0323"

# Characters that look like a space or a quote in scraped pages; each maps to one
# character, which keeps `normalise` length-preserving.
_CHAR_MAP = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ",
    "\u200b": " ", "\u2060": " ", "\ufeff": " ", "\t": " ", "\u3000": " ",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
})

# "Old" (traditional) tone placement puts the mark on the first vowel of an open
# syllable ending in oa, oe, uy (hòa, hòe, thủy); the "new" style puts it on the second
# (hoà, hoè, thuỷ). Officialdom and the gold files use the traditional style, so the
# new style is folded to it. `qu` is a consonant: quý keeps its mark on y.
_NEW_STYLE = re.compile(
    r"(?<![qQ])([oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])"
)


def _move_tone(match: re.Match) -> str:
    first, second = match.group(1)[0], match.group(1)[1]
    decomposed = unicodedata.normalize("NFD", second)
    tone = "".join(ch for ch in decomposed if ch in _TONES)
    base = "".join(ch for ch in decomposed if ch not in _TONES)
    return unicodedata.normalize("NFC", first + tone) + unicodedata.normalize("NFC", base)


def fold_tone_placement(text: str) -> str:
    """Rewrite new-style tone placement to the traditional one (`hoà` -> `hòa`, `uỷ` -> `ủy`)."""
    return _NEW_STYLE.sub(_move_tone, text)


def read_text(raw: str) -> str:
    """The article text as vnkg sees it: NFC, `\\n` newlines. Offsets refer to this string."""
    text = unicodedata.normalize("NFC", raw)
    return text.replace("\r\n", "\n").replace("\r", "\n")


# A right single quote inside a word is an apostrophe of the word (`Ia H’Drai`, `Ê Đê`
# names): it is kept as written, so a place or a name keeps the text's spelling; one
# that closes a quotation becomes a plain quote. `Ð` (U+00D0, Icelandic eth) stands for
# `Đ` in pages typed with the wrong key map (`HÐND`).
_QUOTE_CLOSE = re.compile("\u2019(?![^\\W\\d_])")
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110"})


def normalise(text: str) -> str:
    """A working copy of `text`, of the same length, with spaces, quotes and dashes made
    plain and tone placement folded. Idempotent."""
    text = text.translate(_CHAR_MAP)
    if "\u2019" in text:
        text = _QUOTE_CLOSE.sub("'", text)
    if "\u00d0" in text:
        text = text.translate(_LOOKALIKES)
    return fold_tone_placement(text)


# Names, titles and places are folded again and again (each article restates its
# province, its bodies, its officials' titles), so short strings are cached; an
# article's full text is not, it would only fill the cache.
_SHORT = 120


def _canonical(text: str) -> str:
    return " ".join(normalise(text).split())


_canonical_short = lru_cache(maxsize=1 << 16)(_canonical)


@lru_cache(maxsize=1 << 16)
def _fold_short(text: str) -> str:
    return _canonical_short(text).casefold()


def canonical(text: str) -> str:
    """A display form: normalised, single spaces, trimmed."""
    return _canonical_short(text) if len(text) <= _SHORT else _canonical(text)


def fold(text: str) -> str:
    """A comparison key: canonical form, case-folded (`Hoà` and `hòa` give the same key)."""
    return _fold_short(text) if len(text) <= _SHORT else _canonical(text).casefold()


_ASCII_EXTRA = str.maketrans({"đ": "d", "Đ": "D"})


def ascii_fold(text: str) -> str:
    """Strip diacritics (`Hàm Yên` -> `Ham Yen`), for slugs."""
    decomposed = unicodedata.normalize("NFD", text.translate(_ASCII_EXTRA))
    if decomposed.isascii():
        return decomposed
    if max(decomposed) <= "\uffff":
        return decomposed.translate(_combining_marks())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _combining_marks() -> dict[int, None]:
    # one translation instead of a Python test per character (a name or a body's full
    # name is slugged for every IRI made from it)
    return {code: None for code in range(0x10000) if unicodedata.combining(chr(code))}


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """A readable IRI segment: `Nguyễn Duy Hòa` -> `nguyen-duy-hoa`."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-") or "x"


def capitalise_name(name: str) -> str:
    """Names are written with a capital on every syllable (`Lê văn Thuận` -> `Lê Văn Thuận`,
    `NGUYỄN VĂN A` -> `Nguyễn Văn A`); apostrophe names keep their inner capital (`H'Hen`)."""
    words = canonical(name).split()
    # a caption may shout the name (`NGUYỄN VĂN A`): it is the same person as `Nguyễn Văn A`
    return " ".join(word[:1].upper() + (word[1:].lower() if word.isupper() else word[1:]) for word in words)

"""Person names: runs of capitalised syllables that start with a family name.

Vietnamese names are written family name first (`Nguyễn Duy Hòa`, `Mùa A Sơn`,
`Lò Văn Phương`), two to five syllables; some texts lower-case a middle syllable
(`Lê văn Thuận`). A run not starting with a known family name is a name only where
the text calls it one (`đồng chí …`).
"""

from __future__ import annotations


from ..gazetteer import load_gazetteer, name_key
from .surnames import MIDDLE_WORDS, is_surname
from .titles import grammar, parse_title
from .tokens import Token

ANCHORS = {("đồng", "chí"), ("đ/c",), ("ông",), ("bà",), ("đc",)}
# `đồng chí` marks an official; `ông`/`bà` anyone (a farmer, a voter): a name after them
# is an official's only with a title
STRONG_ANCHORS = {("đồng", "chí"), ("đ/c",), ("đc",)}
NOT_NAME_START = {"đồng", "ông", "bà", "các", "tại", "theo", "trong", "với", "và", "ngày", "năm", "đ/c", "đc", "phó",
                  "anh", "chị", "cùng", "dự", "đại", "lãnh", "sáng", "chiều", "tối", "trưa", "thượng",
                  "thiếu", "hội", "ts", "ths", "pgs", "gs", "pgs.ts", "gs.ts", "bs", "ks", "nsnd", "nsưt"}


# Academic and military ranks stand between `đồng chí` and the name (`đồng chí Đại tá
# Nguyễn Văn A`, `PGS.TS Trần B`); they are not part of the name.
HONORIFICS = {("ts",), ("ths",), ("pgs",), ("gs",), ("pgs.ts",), ("gs.ts",), ("bs",), ("bsck",), ("ks",),
              ("ls",), ("nsnd",), ("nsưt",), ("ts", "."), ("ths", "."), ("pgs", "."), ("gs", "."),
              ("thạc", "sĩ"), ("thạc", "sỹ"), ("tiến", "sĩ"), ("tiến", "sỹ"),
              *((rank, grade) for rank in ("đại", "thượng", "trung", "thiếu")
                for grade in ("tá", "úy", "tướng"))}


_HONORIFIC_ENDS = frozenset(words[-1] for words in HONORIFICS)
_ANCHOR_ENDS = frozenset(words[-1] for words in ANCHORS)


def skip_honorific(tokens: list[Token], i: int) -> int:
    """The index where a rank before `i` starts (or `i`)."""
    if i == 0 or tokens[i - 1].fold not in _HONORIFIC_ENDS:
        return i
    for words in HONORIFICS:
        n = len(words)
        if i - n >= 0 and tuple(t.fold for t in tokens[i - n:i]) == words:
            return i - n
    return i


def anchor_before(tokens: list[Token], i: int, anchors=ANCHORS) -> int | None:
    """Index where `đồng chí` / `Đ/c` / `ông` / `bà` starts when it ends right before `i`
    (a colon or a rank may stand between: `các đồng chí: …`, `đồng chí Đại tá …`).
    `anchors` is `ANCHORS` or part of it."""
    i = skip_honorific(tokens, i)
    if i >= 1 and tokens[i - 1].fold == ":":
        i -= 1
    if i < 1 or tokens[i - 1].fold not in _ANCHOR_ENDS:
        return None        # the common case: asked before every capitalised word
    for anchor in anchors:
        n = len(anchor)
        if i - n >= 0 and tuple(t.fold for t in tokens[i - n:i]) == anchor:
            return i - n
    return None


def _starts_title_or_body(tokens: list[Token], k: int) -> bool:
    roles, bodies, units, _, _ = grammar()
    if bodies.match(tokens, k):
        return True
    if roles.match(tokens, k):
        # `Nguyễn Minh Chánh`: a role word that makes no title here is a syllable of a name
        return tokens[k].expanded or not tokens[k].is_cap or k == 0 or parse_title(tokens, k) is not None
    unit = units.match(tokens, k)
    # a capitalised village word is a syllable of a name (`Lâm Văn Sóc`, `Lò Văn Bản`)
    return bool(unit) and not (unit[0]["level"] == "village" and tokens[k].is_cap)


def name_run(tokens: list[Token], i: int, limit: int) -> int:
    """End index of the capitalised run starting at `i` (== i when none)."""
    j = i
    while j < limit and j - i < 5:
        tok = tokens[j]
        if tok.expanded or not tok.is_word or tok.text[:1].isdigit():
            break
        if tok.is_cap:
            if j > i and _starts_title_or_body(tokens, j):
                break
            j += 1
            continue
        # a lower-case middle syllable, only when a capitalised one follows
        if (j > i and tok.fold in MIDDLE_WORDS and j + 1 < limit and tokens[j + 1].is_cap
                and not tokens[j + 1].expanded and tokens[j + 1].is_word):
            j += 1
            continue
        break
    return j


def is_place_name(words: list[str]) -> bool:
    """A run that is exactly a province or district name (`Hà Giang`, `Lương Sơn`)."""
    gazetteer = load_gazetteer()
    key = name_key(" ".join(words))
    return bool(gazetteer.by_name["province"].get(key) or gazetteer.by_name["district"].get(key))


def acceptable(tokens: list[Token], i: int, j: int, anchored: bool, direct: bool) -> bool:
    """Whether tokens[i:j] can be a person's name (`direct`: `đồng chí` right before it)."""
    words = [t.text for t in tokens[i:j]]
    if not words or tokens[i].fold in NOT_NAME_START or _starts_title_or_body(tokens, i):
        return False
    if len(words) == 1:
        return direct
    if anchored:
        return not is_place_name(words) or is_surname(words[0])
    return is_surname(words[0]) and not is_place_name(words)

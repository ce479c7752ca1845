"""Person mentions: names, the title chains attached to them, and titles standing alone.

Vietnamese news attaches titles either after the name (`đồng chí Lê Mạnh Cường, Phó Bí
thư Thường trực Huyện ủy, Chủ tịch HĐND huyện`) or before it (`Phó Bí thư Thường trực
Tỉnh ủy Mùa A Sơn`); lists run `các đồng chí: X, title; Y, title`. A title after
`đồng chí` with no name (`đồng chí Bí thư Huyện ủy kết luận`) is kept for coreference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..reading.article import Article, Span
from ..text import capitalise_name
from .names import NOT_NAME_START, STRONG_ANCHORS, acceptable, anchor_before, name_run, skip_honorific
from .chains import find_chains
from .titles import TitleRef
from .tokens import tokenize

_AFTER_NAME_SEPARATORS = {",", "-", "(", ":"}
_ON_BEHALF = re.compile(r"(?:thừa lệnh|thay mặt|thừa ủy quyền|theo ủy quyền của)$")
_LEAVING = re.compile(r"(?:thôi giữ chức|thôi chức|thôi giữ|miễn nhiệm(?: chức vụ| chức)?|cho thôi(?: chức)?|"
                      r"bãi nhiệm(?: chức vụ)?|nghỉ hưu|thôi tham gia)$")
_LIST_GLUE = {",", ";", "và", "cùng", "-", ":"}


@dataclass
class Mention:
    name: str | None              # canonical name; None for a title standing alone
    titles: list[TitleRef]
    start: int
    end: int
    sentence: Span
    anchored: bool = False
    person: object | None = field(default=None, repr=False)

    @property
    def is_short(self) -> bool:
        """`đồng chí Hoa`: a given name alone."""
        return self.name is not None and " " not in self.name


_PLURAL_MARKS = {"các", "những", "hai", "ba", "bốn", "năm"}
_LIST_WORDS = {",", ";", ":", "và", "gồm", "có", "là", "ông", "bà", "đồng", "chí", "đ/c", "-", "(", ")"}


def _plural_before(tokens, a: int) -> bool:
    """A plural marker right before a title: `các`, `các vị`, `2`, `hai`."""
    k = a - 1
    if k >= 0 and tokens[k].fold == "vị":
        k -= 1
    return k >= 0 and (tokens[k].fold in _PLURAL_MARKS or tokens[k].text.isdigit() and int(tokens[k].text) < 20)


def _listed_after(tokens, b: int, names, inside: set[int]) -> list:
    """The names listed right after a plural title (each with its own titles between)."""
    from .names import skip_honorific
    listed, at = [], b
    # `các vị đại biểu Quốc hội tỉnh gồm: …`: the rest of the plural noun, up to the list
    colon = next((k for k in range(b, min(b + 5, len(tokens))) if tokens[k].fold in (":", "gồm")), None)
    if colon is not None:
        at = colon
    for name in sorted(n for n in names if n[0] >= b):
        start = skip_honorific(tokens, name[0])
        # in a list of `name – titles;` the rest of an element ends at its semicolon
        semicolons = [k for k in range(at, start) if tokens[k].fold == ";"]
        if listed and semicolons:
            at = semicolons[-1]
        if not all(k in inside or tokens[k].fold in _LIST_WORDS for k in range(at, start)):
            break
        listed.append(name)
        at = name[1]
        while at < len(tokens) and at in inside:
            at += 1
    return listed if len(listed) > 1 else []


def find_mentions(article: Article) -> list[Mention]:
    """Stage: every person mention of the article, in text order (`article.mentions`)."""
    spans = ([article.title_span] if article.title_span else []) + article.sentences
    mentions: list[Mention] = []
    for span in spans:
        mentions.extend(_sentence_mentions(article, span))
    article.mentions = mentions
    return mentions


def _sentence_mentions(article: Article, span: Span) -> list[Mention]:
    tokens = tokenize(article.norm, span[0], span[1])
    chains = find_chains(tokens)
    inside = {k for a, b, _ in chains for k in range(a, b)}
    chain_starts = sorted(a for a, _, _ in chains)
    names: list[tuple[int, int, bool]] = []
    i = 0
    previous_anchored_end: int | None = None
    while i < len(tokens):
        tok = tokens[i]
        if i in inside or not tok.is_word or not tok.is_cap or tok.expanded or tok.fold in NOT_NAME_START:
            i += 1
            continue
        limit = next((a for a in chain_starts if a > i), len(tokens))
        j = name_run(tokens, i, limit)
        direct = anchor_before(tokens, i) is not None
        # a rank or a degree stands before a person's name only (`Trung tướng Trần Văn A`)
        anchored = anchor_before(tokens, i, STRONG_ANCHORS) is not None or skip_honorific(tokens, i) != i
        if not anchored and previous_anchored_end is not None:
            # `các đồng chí: X, title; Y, title và Z`: the list shares its anchor.
            anchored = all(k in inside or tokens[k].fold in _LIST_GLUE
                           for k in range(previous_anchored_end, i))
        if j > i and acceptable(tokens, i, j, anchored or direct, direct):
            names.append((i, j, anchored))
            previous_anchored_end = j if anchored else None
            i = j
            continue
        i = max(j, i + 1)
    by_end = {j: (i, j, a) for i, j, a in names}
    by_start = {i: (i, j, a) for i, j, a in names}
    linked: dict[int, list[TitleRef]] = {i: [] for i, _, _ in names}
    extent: dict[int, int] = {i: j for i, j, _ in names}
    alone: list[tuple[int, int, list[TitleRef]]] = []
    for a, b, titles in chains:
        before = " ".join(t.fold for t in tokens[max(0, a - 4):a])
        if _ON_BEHALF.search(before):
            # `thừa lệnh Chủ tịch UBND tỉnh, Chánh Văn phòng UBND tỉnh X`: the first post is
            # the one acted for, someone else's
            titles = titles[1:]
            if not titles:
                continue
        if _LEAVING.search(before):
            # `thôi giữ chức Bí thư Tỉnh ủy`, `miễn nhiệm chức vụ Phó Chủ tịch UBND tỉnh đối
            # với ông A`: a post left, now a former one
            titles = [replace(t, status="former") for t in titles]
        # a name right after the chain, with nothing between, is the one it names
        # (`…, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Nguyễn Thị Hồng Vân`)
        owner = by_start.get(b) if by_end.get(a) is None else None
        if owner is None and [t.fold for t in tokens[b:b + 2]] == ["đối", "với"]:
            owner = by_start.get(b + 2) or by_start.get(b + 3)
        if owner is None:
            owner = by_end.get(a)
        if owner is None and a >= 1 and tokens[a - 1].fold in _AFTER_NAME_SEPARATORS:
            owner = by_end.get(a - 1)
        if owner is None and a >= 2 and (tokens[a - 1].fold == "chức" or before.endswith("chức vụ") or (
                tokens[a - 1].fold == "làm" and tokens[a - 2].fold in ("bầu", "cử", "nhiệm", "công"))):
            # `đồng chí X được bầu giữ chức Chủ tịch …`, `ông X trúng cử chức vụ Chủ tịch HĐND xã,
            # ông Y …`: the post is X's, not the next name's
            earlier = [n for n in names if n[1] <= a]
            owner = earlier[-1] if earlier else None
        if owner is None:
            for k in (b, b + 1):
                # `…, Chủ tịch UBND tỉnh, Nguyễn Văn A`, `Bí thư Huyện ủy X – Trần Văn B`
                if k > b and not (b < len(tokens) and tokens[b].fold in (",", "-")):
                    break
                anchor = anchor_before(tokens, k + 2) if k + 2 <= len(tokens) else None
                owner = by_start.get(k) or (by_start.get(k + 2) if anchor == k else None)
                if owner is None and k + 1 < len(tokens) and tokens[k].fold in ("đ/c", "ông", "bà"):
                    owner = by_start.get(k + 1)
                if owner:
                    break
        if owner is None:
            alone.append((a, b, titles))
            continue
        linked[owner[0]].extend(titles)
        extent[owner[0]] = max(extent[owner[0]], b)
    for a, b, titles in chains:
        if _plural_before(tokens, a):
            # `các Phó Chủ tịch HĐND tỉnh: ông A, bà B`, `2 Phó Chủ tịch UBND tỉnh A và B`,
            # `các vị đại biểu Quốc hội tỉnh gồm: ông A – …; bà B – …`: each named holds it
            for i, _, _ in _listed_after(tokens, b, names, inside):
                linked[i].extend(t for t in titles if t not in linked[i])
    for i, j, _ in names:
        # `đồng chí A và đồng chí B - Chuyên viên Ban Dân vận Huyện ủy`: one title for both
        k = i - 1
        while k >= 0 and tokens[k].fold in ("đồng", "chí", "đ/c", "ông", "bà"):
            k -= 1
        if k >= 1 and tokens[k].fold == "và" and linked[i] and k in by_end and not linked[by_end[k][0]]:
            linked[by_end[k][0]].extend(linked[i])
    result: list[Mention] = []
    for i, j, anchored in names:
        start = min([tokens[i].start] + [t.start for t in linked[i]])
        end = max(tokens[extent[i] - 1].end, tokens[j - 1].end)
        name = capitalise_name(" ".join(t.text for t in tokens[i:j]))
        result.append(Mention(name, sorted(linked[i], key=lambda t: t.start), start, end, span, anchored))
    for a, b, titles in alone:
        anchored = anchor_before(tokens, a) is not None or a == 0
        result.append(Mention(None, titles, tokens[a].start, tokens[b - 1].end, span, anchored))
    result.sort(key=lambda m: m.start)
    return result

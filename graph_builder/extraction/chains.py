"""Chains of titles: `TUV, Bí thư Huyện ủy`, `Ủy viên BTV huyện ủy, Phó Chủ tịch HĐND
huyện Vĩnh Bảo`, `Phó Chủ tịch – Tổng Thư ký UBTƯ MTTQ Việt Nam`. A chain is read
title by title (`titles.parse_title`); what one title leaves unsaid, another says: the
committee a bare `Phó Bí thư` belongs to, the place that ends the chain, the body a role
named alone shares with the next title.
"""

from __future__ import annotations

from functools import lru_cache

from .titles import (CHAIN_SEPARATORS, STATUS_WORDS, body_type, LEVELS_OF_BINDING, LEVELS_OF_UNIT, BodyRef,
                     TitleRef, grammar, parse_body, parse_title)
from .tokens import Token


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    return grammar().roles.first_words | frozenset(STATUS_WORDS)


def find_chains(tokens: list[Token], skip: set[int] = frozenset()) -> list[tuple[int, int, list[TitleRef]]]:
    """Every chain of titles in `tokens`, left to right, as (start, end, titles): a chain
    starts at a role's first word or a status word (`nguyên`, `quyền`), never at a token
    in `skip` (one of a name's), and the next is looked for after it."""
    starters = _starters()
    chains, i = [], 0
    while i < len(tokens):
        if i not in skip and tokens[i].fold in starters:
            found = parse_chain(tokens, i)
            if found:
                chains.append((i, found[1], found[0]))
                i = found[1]
                continue
        i += 1
    return chains


def parse_chain(tokens: list[Token], i: int) -> tuple[list[TitleRef], int] | None:
    """Titles joined by `,` `-` `kiêm` (`TUV, Bí thư Huyện ủy`); the implied committee of
    `UVBTV` or a bare `Phó Bí thư Thường trực` is taken from the chain or from a body
    named right after it (`Phó Bí thư Thường trực, Thường trực Tỉnh ủy tổ chức…`)."""
    first = parse_title(tokens, i)
    if first is None:
        return None
    titles, j = [first[0]], first[1]
    while j + 1 < len(tokens) and tokens[j].fold in CHAIN_SEPARATORS:
        nxt = parse_title(tokens, j + 1)
        if nxt is None:
            break
        titles.append(nxt[0])
        j = nxt[1]
    # `Phó Bí thư Đảng ủy, Chủ tịch UBND xã Nậm Nèn`: the commune named at the end of the
    # chain is the Đảng ủy's too
    for k, title in enumerate(titles):
        body = title.body
        if body is not None and body.type.name == "Đảng ủy" and not body.unit_word and not body.places:
            for later in titles[k + 1:]:
                if later.body is not None and later.body.unit_word in ("xã", "phường", "thị trấn", "đặc khu"):
                    body.unit_word, body.places = later.body.unit_word, later.body.places
                    break
    _share_bodies(titles)
    _spread_final_place(titles)
    _share_level(titles)
    if any(t.needs_committee for t in titles):
        committees = [t.body.committee() for t in titles if t.body and t.body.committee()]
        if not committees and j + 1 < len(tokens) and tokens[j].fold in CHAIN_SEPARATORS:
            after = parse_body(tokens, j + 1)
            if after and after[0].committee():
                committees.append(after[0].committee())
        if not committees:
            committees = [c for c in (_committee_of_level(t.body) for t in titles if t.body) if c][:1]
        if committees:
            for t in titles:
                if t.needs_committee:
                    t.implied = committees[0]
    return titles, j


def _share_bodies(titles: list[TitleRef]) -> None:
    """`Phó Chủ tịch – Tổng Thư ký UBTƯ MTTQ Việt Nam`: a role named without its body holds
    it in the body of the title it is joined to (a Party role takes its committee instead)."""
    for k, title in enumerate(titles[:-1]):
        following = titles[k + 1].body
        if title.body is None and not title.needs_committee and not title.standalone \
                and following is not None:
            title.body = following
        elif following is not None and title.body is not None and title.body.dangling:
            # `Ủy viên Ban Chấp hành, Chủ tịch Công đoàn xã`: the executive committee of
            # the organisation the next title names
            while following.parent is not None:
                following = following.parent
            title.body.parent = following


def _unit_level(body: BodyRef) -> tuple[str, ...]:
    """The levels of unit a body names or leaves bare (`Huyện ủy`, `HĐND huyện`)."""
    if body.type.binding in LEVELS_OF_BINDING:
        return LEVELS_OF_BINDING[body.type.binding]
    row = grammar().units.match([_word(body.unit_word)], 0) if body.unit_word else None
    return LEVELS_OF_UNIT[row[0]["level"]] if row else ()


def _word(text: str) -> Token:
    return Token(text, text, 0, 0, 0, False, True, False)


def _spread_final_place(titles: list[TitleRef]) -> None:
    """`Ủy viên BTV huyện ủy, Phó Chủ tịch HĐND huyện Vĩnh Bảo`, `Bí thư Tỉnh ủy, Chủ
    tịch HĐND tỉnh, Trưởng đoàn ĐBQH tỉnh Phú Thọ`: the place that ends a chain is that of
    the bodies of its level the chain names bare before it."""
    final = titles[-1].body
    while final is not None and not final.places:
        final = final.parent
    if final is None or len(titles) < 2:
        return
    level = final.places[0].level
    for title in titles[:-1]:
        body = title.body
        while body is not None:
            if not body.places and not body.place_text and level in _unit_level(body):
                body.places = final.places
            body = body.parent


_WORD_OF_COMMITTEE = {"committee-province": "tỉnh", "committee-district": "huyện", "committee-town": "thị xã",
                      "committee-urban": "quận"}


def _share_level(titles: list[TitleRef]) -> None:
    """`Bí thư Tỉnh ủy, Chủ tịch HĐND, Trưởng đoàn ĐBQH tỉnh`: a council, committee or
    front named bare in a chain is of the level of the titles beside it (the next first)."""
    for k, title in enumerate(titles):
        body = title.body
        if body is None or body.type.binding != "located" or body.type.kind == "PartyCommittee" \
                or body.unit_word or body.places or body.place_text or body.parent is not None:
            continue
        for other in titles[k + 1:] + titles[:k][::-1]:
            near = other.body
            while near is not None and near.type.binding == "sub":
                near = near.parent
            if near is None:
                continue
            word = near.unit_word if near.type.binding == "located" else _WORD_OF_COMMITTEE.get(near.type.binding)
            if word:
                body.unit_word, body.places = word, near.places
                break


_COMMITTEE_OF_WORD = {"tỉnh": "Tỉnh ủy", "huyện": "Huyện ủy", "thị xã": "Thị ủy", "quận": "Quận ủy"}


def _committee_of_level(body: BodyRef) -> BodyRef | None:
    """`UVBTV, Phó Chủ tịch HĐND huyện`: the Party committee a seat on a standing board
    implies is that of the level the chain names (`huyện` → the Huyện ủy)."""
    while body is not None and body.type.binding == "sub":
        body = body.parent
    if body is None or body.type.binding != "located" or body.unit_word not in _COMMITTEE_OF_WORD:
        return None
    return BodyRef(body_type(_COMMITTEE_OF_WORD[body.unit_word]), body.start, body.end, places=body.places)

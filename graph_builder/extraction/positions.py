"""Canonical full titles and bodies, once the article's places are known.

A body carries its locality (`Hội đồng nhân dân huyện Hàm Yên`); a bare `huyện`/`tỉnh`
means the article's district/province; where the article never makes it knowable the
title ends without it (`Phó Chủ tịch Ủy ban nhân dân huyện`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..gazetteer import Unit, unresolved
from .places import Context
from .titles import BodyRef, TitleRef

_COMMITTEE_OF_KIND = {"huyện": "Huyện ủy", "quận": "Quận ủy", "thị xã": "Thị ủy",
                      "thành phố": "Thành ủy", "tỉnh": "Tỉnh ủy", "thành phố trung ương": "Thành ủy"}
CENTRAL_COMMITTEE = "Ban Chấp hành Trung ương Đảng"
_STANDING_KIND = {"PeoplesCouncil": "PeoplesCouncilStandingCommittee",
                  "FatherlandFrontCommittee": "FatherlandFrontStandingBoard"}


@dataclass(frozen=True)
class Org:
    """A body with its canonical name (locality included) and what it is part of."""
    name: str
    kind: str
    unit: Unit | None = None
    parent: "Org | None" = None


@dataclass(frozen=True)
class Post:
    """A rendered title: `Phó Bí thư Thường trực Huyện ủy Hàm Yên`."""
    title: str
    role: str
    org: Org | None
    status: str


def default_committee(context: Context) -> Org | None:
    """The party committee of the article's own level (for `UVBTV`, a bare `Bí thư`)."""
    unit = context.district or context.province
    if unit is None:
        return None
    return Org(f"{_COMMITTEE_OF_KIND[unit.kind]} {_committee_place(unit)}", "PartyCommittee", unit)


def _committee_place(unit: Unit) -> str:
    """The place a Party committee is named after: Ho Chi Minh City keeps its name whole
    (`Thành ủy Thành phố Hồ Chí Minh`), the others their name (`Thành ủy Đà Nẵng`)."""
    return f"Thành phố {unit.name}" if unit.name == "Hồ Chí Minh" and unit.level == "province" else unit.name


def _default_unit(binding: str, context: Context) -> Unit | None:
    if binding == "committee-province":
        return context.province
    if binding == "committee-city":
        return context.unit_for_word("thành phố")
    return context.district


def render_body(body: BodyRef, context: Context, implied: BodyRef | None = None) -> Org:
    btype = body.type
    binding = btype.binding
    if binding.startswith("committee"):
        unit = (context.pick(body.places) or unresolved(body.places)) if body.places \
            else _default_unit(binding, context)
        place = _committee_place(unit) if unit else None
        return Org(f"{btype.name} {place}" if place else btype.name, btype.kind, unit)
    if binding == "sub":
        if body.parent is not None:
            parent = render_body(body.parent, context)
        elif implied is not None:
            parent = render_body(implied, context)
        elif body.unit_word or body.places:
            return _located(body, btype.name, btype.kind, context)
        elif btype.kind.startswith("Party"):
            parent = default_committee(context)
        else:
            parent = None
        if body.partner is not None and parent is not None:
            partner = render_body(body.partner, context)
            joint = f"{btype.name} {body.parent.type.name} và {partner.name}"
            return Org(joint, btype.kind, partner.unit)
        kind = btype.kind
        if btype.name == "Thường trực" and parent is not None:
            kind = _STANDING_KIND.get(parent.kind, kind)
        name = f"{btype.name} {parent.name}" if parent else btype.name
        if parent is not None and parent.name == CENTRAL_COMMITTEE:
            # the Central Committee's boards are `Ban Nội chính Trung ương`, `Ban Tổ chức
            # Trung ương`, whatever words the text names the Committee with
            name = f"{btype.name} Trung ương"
        return Org(name, kind, parent.unit if parent else None, parent)
    if binding == "central":
        return Org(btype.name, btype.kind)
    if body.parent is not None:
        # `Đảng ủy Sở Tài chính tỉnh …`: a party organisation inside a body answers to the
        # party committee above it, not to the body, so the body is no parent here
        host = render_body(body.parent, context)
        return Org(f"{btype.name} {host.name}", btype.kind, host.unit)
    name = f"{btype.name} {body.detail}" if body.detail else btype.name
    if body.places or body.unit_word:
        return _located(body, name, btype.kind, context)
    if binding == "department-province" and context.province is not None:
        return Org(f"{name} {context.province.full_name}", btype.kind, context.province)
    if binding == "department-district" and context.district is not None:
        return Org(f"{name} {context.district.full_name}", btype.kind, context.district)
    return Org(name, btype.kind)


def _located(body: BodyRef, name: str, kind: str, context: Context) -> Org:
    """`Hội đồng nhân dân huyện Hàm Yên`; a bare `huyện` is the article's district."""
    word = body.unit_word
    if body.place_text:
        return Org(f"{name} {word} {body.place_text}", kind, None)
    if body.places:
        # a unit the list cannot tell apart keeps the name the text gives it
        unit = context.pick(body.places) or unresolved(body.places)
        place = (unit or body.places[0]).name
        return Org(f"{name} {word} {place}" if word else f"{name} {place}", kind, unit)
    unit = context.unit_for_word(word)
    return Org(f"{name} {word} {unit.name}" if unit else f"{name} {word}", kind, unit)


def render_title(title: TitleRef, context: Context) -> Post | None:
    """The canonical post, or None where the title names no body and none is implied."""
    if title.body is not None:
        org = render_body(title.body, context, title.implied)
    elif title.implied is not None:
        org = render_body(title.implied, context)
    elif title.needs_committee:
        org = default_committee(context)
    else:
        org = None
    if org is None:
        return Post(title.role, title.role, None, title.status) if title.standalone else None
    return Post(f"{title.role} {org.name}", title.role, org, title.status)



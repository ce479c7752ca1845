"""Joining or leaving a committee's bodies: `tham gia Ban Chấp hành, Ban Thường vụ và giữ
chức Bí thư Huyện ủy X` makes the person a member of each body named, and a bare
executive committee or standing board is that of the Party committee named next (the
executive committee of a Party organisation is the committee itself: `Ủy viên Huyện ủy
X`)."""

from __future__ import annotations

from .titles import BodyRef, TitleRef, grammar, parse_body
from .tokens import Token


def memberships(tokens: list[Token], at: int, stop: int, chains) -> list[TitleRef]:
    """`tham gia BCH, Ban Thường vụ Thành ủy`: a member of each body; a bare executive
    committee or standing board is that of the Party committee named next."""
    refs: list[BodyRef] = []
    k = at
    while k < stop:
        tok = tokens[k]
        if tok.fold in (",", "và"):
            k += 1
            continue
        parsed = parse_body(tokens, k) if grammar().bodies.match(tokens, k) else None
        if not parsed:
            break
        refs.append(parsed[0])
        k = parsed[1]
    committee = next((t.body.committee() for c in chains if c[0] >= at for t in c[2]
                      if t.body is not None and t.body.committee() is not None), None)
    if committee is None:
        committee = next((r.parent.committee() for r in refs if r.parent is not None
                          and r.parent.committee() is not None), None)
    titles = []
    for ref in refs:
        body, needs = ref, False
        if ref.type.name in ("Ban Chấp hành", "Ban Thường vụ") and ref.parent is None and not ref.places \
                and not ref.unit_word:
            if ref.type.name == "Ban Chấp hành":
                body = committee
            else:
                ref.parent = committee
            needs = committee is None
        titles.append(TitleRef("Ủy viên", body, "current", ref.start, ref.end, needs_committee=needs))
    return titles

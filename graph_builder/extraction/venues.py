"""Where a meeting is: the unit its lead names as the venue, else its organisers'.

A lead states the venue after `tại` (`tại phường Pleiku`, `tại TP. Long Xuyên`, `tại hội
trường Huyện ủy Thường Tín`, `tại Hội trường UBND huyện Ia H’Drai`); a voters' meeting
names the voters' unit (`tiếp xúc cử tri huyện Vân Đồn`). Without one, a working session
or a voters' meeting belongs to the local side (the most specific unit of its organisers:
a district delegation working with a commune is the commune's), and any other meeting to
its first organiser (a provincial board's conference with a district board is the
province's).
"""

from __future__ import annotations

from ..gazetteer import Unit, load_gazetteer
from ..reading.article import Article, Span
from .places import Context
from .positions import Org, render_body
from .titles import LEVELS_OF_UNIT, grammar, match_place, parse_body
from .tokens import Token, tokenize

# Buildings a venue is named by before its body or unit (`tại hội trường Huyện ủy …`).
_BUILDINGS = {("hội", "trường"), ("trụ", "sở"), ("phòng", "họp"), ("nhà", "văn", "hóa"),
              ("trung", "tâm", "hội", "nghị"), ("nhà", "khách"), ("trung", "tâm", "chính", "trị")}
_RANK = {"commune": 3, "district": 2, "province": 1}
_LOCAL = ("WorkingSession", "VoterMeeting")      # held where the local side is


def place_meeting(meeting, article: Article, lead: Span) -> None:
    """Set `meeting.locality` and `meeting.province`."""
    context = article.context or Context()
    unit = venue(article, lead, context)
    index = article.sentences.index(lead) if lead in article.sentences else 0
    if unit is None and index:
        # `… đến học tập kinh nghiệm tại tỉnh Y. Đồng chí X … tiếp và làm việc với đoàn.`
        unit = venue(article, article.sentences[index - 1], context)
    if unit is None:
        units = [o.unit for o in meeting.organisers if o.unit is not None]
        if units and meeting.type not in _LOCAL:
            unit = units[0]
        elif units:
            unit = max(units, key=lambda u: _RANK[u.level])
        else:
            unit = next((u for u in (context.commune, context.district, context.province) if u is not None), None)
    if unit is not None:
        meeting.locality = unit
        # a commune's name alone does not say its province (many communes share a name,
        # and the pre-2025 map places them through their district): unknowable, not inferred
        alone = unit.level == "commune" and context.province is None and context.era != "2025"
        meeting.province = None if alone else load_gazetteer().province_of(unit)


def venue(article: Article, lead: Span, context: Context) -> Unit | None:
    """The unit the lead names as the meeting's venue, or as its voters'."""
    tokens = tokenize(article.norm, lead[0], lead[1])
    for i, token in enumerate(tokens):
        if token.fold == "tại" or (token.fold == "tri" and i and tokens[i - 1].fold == "cử"):
            unit = _unit_at(tokens, _after_building(tokens, i + 1), context)
            if unit is None and token.fold == "tại":
                unit = _unit_further(tokens, i + 1, context)
            if unit is not None:
                return unit
    return None


def _unit_further(tokens: list[Token], i: int, context: Context) -> Unit | None:
    """`tại nhà sinh hoạt cộng đồng thôn Đông Hòa, xã Yang Bắc, huyện Đak Pơ`: a building named
    in free words, then its village, then the commune it stands in."""
    units = grammar().units
    for k in range(i, min(i + 14, len(tokens))):
        if tokens[k].fold in (".", ";", "tại") or parse_body(tokens, k):
            return None
        kind = units.match(tokens, k)
        if kind and kind[0]["level"] in ("commune", "district"):
            return _unit_at(tokens, k, context)
    return None


def _after_building(tokens: list[Token], i: int) -> int:
    for words in _BUILDINGS:
        if tuple(t.fold for t in tokens[i:i + len(words)]) == words:
            j = i + len(words)
            return j + 1 if j < len(tokens) and tokens[j].fold == "của" else j
    return i


def _unit_at(tokens: list[Token], i: int, context: Context) -> Unit | None:
    """A unit named at `i`: a kind word and a name (`phường Pleiku`), or a body of a unit
    (`Huyện ủy Thường Tín`, `UBND huyện`)."""
    if i >= len(tokens):
        return None
    if tokens[i].fold in ("các", "những"):
        # `cử tri các xã Yên Thuận, Bạch Xa và thị trấn Tân Yên`: the district they all lie in
        units = _listed_units(tokens, i + 1, context)
        parents = {u.parent for u in units}
        return load_gazetteer().parent_of(units[0]) if len(units) > 1 and len(parents) == 1 else None
    kind = grammar().units.match(tokens, i)
    if kind and kind[0]["level"] == "commune":
        # `cử tri xã Tân Lập và Nhơn Hòa, huyện Tân Thạnh`: communes listed together meet
        # in the district they share
        units = [u for u in _listed_units(tokens, i, context) if u.level == "commune"]
        if len(units) > 1 and len({u.parent for u in units}) == 1 and units[0].parent:
            return load_gazetteer().parent_of(units[0])
    if kind and kind[0]["level"] != "village":
        place = match_place(tokens, kind[1], LEVELS_OF_UNIT[kind[0]["level"]])
        return context.pick(place[0]) if place else None
    body = parse_body(tokens, i)
    if body and (body[0].places or body[0].unit_word):
        if body[1] < len(tokens) and tokens[body[1]].fold in ("các", "những"):
            return None
        return render_body(body[0], context).unit
    return None


def voter_units(article: Article, span: Span) -> list[Unit]:
    """The units whose voters a meeting meets, when it names several (`tiếp xúc cử tri
    huyện Vân Đồn và huyện Cô Tô`): each is a meeting of its own."""
    context = article.context or Context()
    tokens = tokenize(article.norm, span[0], span[1])
    for i in range(1, len(tokens)):
        if tokens[i].fold == "tri" and tokens[i - 1].fold == "cử":
            found = _listed_units(tokens, i + 1, context)
            # `xã Tân Lập, huyện Hướng Hóa`: a unit and the one it lies in are one place
            found = [u for u in found if u.level == found[0].level] if found else []
            return found if len(found) > 1 and found[0].level != "commune" else []
    return []


def _listed_units(tokens: list[Token], j: int, context: Context) -> list[Unit]:
    """`xã Yên Thuận, Bạch Xa và thị trấn Tân Yên`, `huyện Vân Đồn và Cô Tô`: units
    listed after a kind word, which stands for the names after it until another one."""
    units: list[Unit] = []
    levels = None
    while j < len(tokens):
        kind = grammar().units.match(tokens, j)
        if kind and kind[0]["level"] != "village":
            levels, j = LEVELS_OF_UNIT[kind[0]["level"]], kind[1]
            if j < len(tokens) and tokens[j].fold == ":":
                j += 1           # `cử tri các xã: Minh Quân, Bảo Hưng …`
        place = match_place(tokens, j, levels) if levels else None
        unit = context.pick(place[0]) if place else None
        if unit is None:
            break
        units.append(unit)
        j = place[1]
        if not (j < len(tokens) and tokens[j].fold in ("và", ",")):
            break
        j += 1
    return units


def listed_hosts(article: Article, span: Span) -> list[tuple[Unit, Org]]:
    """`Đảng bộ các phường Hà Cầu, Kiến Hưng và Phú La tổ chức Đại hội`: one body of each
    listed unit, each holding a congress of its own (in text order)."""
    context = article.context or Context()
    tokens = tokenize(article.norm, span[0], span[1])
    bodies = grammar().bodies
    for i in range(1, len(tokens) - 1):
        if tokens[i].fold != "các" or not grammar().units.match(tokens, i + 1):
            continue
        for k in range(max(0, i - 4), i):
            found = bodies.match(tokens, k)
            if found and found[1] == i:
                word = grammar().units.match(tokens, i + 1)[0]["word"]
                name = "Đảng bộ" if [t.fold for t in tokens[k:i]] == ["đảng", "bộ"] else found[0].name
                units = _listed_units(tokens, i + 1, context)
                units = [u for u in units if u.level == units[0].level] if units else []
                if len(units) > 1:
                    return [(u, Org(f"{name} {word} {u.name}", found[0].kind, u)) for u in units]
    return []

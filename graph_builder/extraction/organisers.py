"""Who holds a meeting: the bodies the lead names as its subject.

`Ban Dân vận Tỉnh ủy phối hợp với Ban Dân vận Huyện ủy X tổ chức hội nghị …`: the bodies
before the verb that governs the meeting word; in a working session, also the body after
`làm việc với`. A body cited in passing is not one (`được sự đồng ý của Ban Thường vụ
Tỉnh ủy`, `Ban Dân vận các huyện, thị, thành ủy`, a venue `tại Hội trường UBND huyện`).
Where no body is the subject: the body whose own meeting it is (`Hội nghị Ban Chấp hành
Đảng bộ tỉnh` is the Tỉnh ủy's), else the body of the presiding person's last title.

A congress is held by the organisation whose congress it is (`Đảng bộ xã Tân Lập`, not
its committee), deputies meeting voters by their delegation (`Đoàn đại biểu Quốc hội tỉnh
Khánh Hòa`, not the National Assembly).
"""

from __future__ import annotations

import re

from ..reading.article import Article, Span
from .kinds import classify, report_start
from .places import Context
from .positions import Org, render_body, render_title
from .titles import LEVELS_OF_UNIT, grammar, match_place, parse_body
from .tokens import tokenize

_VENUE_PAIRS = {("hội", "trường"), ("trụ", "sở"), ("hội", "đường"), ("phòng", "họp")}
_PLURAL = {"các", "những"}
# a body whose consent, direction or document is cited (`theo chỉ đạo của Tỉnh ủy`), not
# one whose delegation comes (`Đoàn công tác của Ban Thường vụ Huyện ủy`)
_CITED = tuple(f"{noun} của" for noun in ("đồng ý", "chỉ đạo", "lãnh đạo", "cho phép", "phê duyệt", "ủy quyền",
                                          "kế hoạch", "quyết định", "thông báo", "hướng dẫn", "kết luận",
                                          "nghị quyết", "chủ trương", "văn bản", "công văn"))
# `… tổ chức Hội nghị`, `… đã tổ chức kỳ họp thứ 3`: the verb whose object is the meeting
_HOLDS = re.compile(r"\s(?:đã\s+|sẽ\s+|vừa\s+)?(?:tổ\s+chức|khai\s+mạc|họp|tiến\s+hành)\s", re.I)
_PURPOSE = re.compile(r"(?:mục đích|để|nhằm|việc|chuẩn bị)\s*$", re.I)
# Sub-bodies that are nothing without the body they belong to.
_DEPENDENT = {"PartyStandingBoard", "PartyStandingCommittee", "FatherlandFrontStandingBoard", "Office"}


def find_organisers(article: Article, lead: Span, meeting) -> list[Org]:
    """The organising bodies of the meeting reported by the sentence `lead`."""
    context = article.context or Context()
    norm = article.norm
    text = norm[lead[0]:lead[1]]
    begin = report_start(text)
    cut = lead[0] + begin + _subject_end(text[begin:])
    tokens = tokenize(norm, lead[0], lead[1])
    if begin:
        tokens = [t for t in tokens if t.start >= lead[0] + begin]
    person_spans = [(m.start, m.end) for m in article.mentions if m.sentence == lead]
    organisers: list[Org] = []
    i = 0
    after_voi = False
    while i < len(tokens):
        tok = tokens[i]
        # `làm việc với X`: X is the other side of a working session; after other meeting
        # words `với` names who the meeting is with (`tiếp xúc cử tri với đại biểu …`)
        if tok.fold == "với" and tok.start >= cut and meeting.type == "WorkingSession":
            after_voi = True
            i += 1
            continue
        inside = any(a <= tok.start < b for a, b in person_spans)
        # `tại Hội trường UBND huyện`, `tại trụ sở Huyện ủy`: a venue, not an organiser
        before = [t.fold for t in tokens[max(0, i - 3):i]]
        venue = "tại" in before or any(pair in _VENUE_PAIRS for pair in zip(before, before[1:]))
        if not inside and not venue and (tok.start < cut or after_voi):
            found = parse_body(tokens, i)
            if found:
                body, j = found
                _distribute_unit(body, tokens, j)
                org = render_body(body, context)
                if [t.fold for t in tokens[i:i + 2]] == ["đảng", "bộ"] and org.name.startswith("Đảng ủy "):
                    # `Đảng bộ huyện X tổ chức Hội nghị`: the organisation, as the text names it
                    org = Org("Đảng bộ " + org.name.removeprefix("Đảng ủy "), org.kind, org.unit, org.parent)
                if _counts(tokens, i, j, body) and org.name not in {o.name for o in organisers}:
                    organisers.append(org)
                i = j
                if after_voi:
                    break
                continue
        if after_voi and tok.fold == "đoàn" and tokens[i - 1].fold == "với":
            # `… tiếp và làm việc với đoàn`: the delegation a sentence before named
            visiting = _delegation(article, lead, context)
            if visiting is not None and visiting.name not in {o.name for o in organisers}:
                organisers.append(visiting)
            break
        if after_voi and tok.fold in {"về", ",", ";", "để", "nhằm"}:
            break
        i += 1
    if not _body_before(tokens, cut, person_spans):
        # no body is the subject: the body whose own meeting it is, else the body of the
        # person who leads it
        own = _own_meeting(tokens, cut, context, meeting.type)
        subject = [m for m in article.mentions if m.sentence == lead and lead[0] + begin <= m.start < cut
                   and m.person]
        # `A, …; B, … đồng chủ trì Hội nghị`: each presider's body holds it
        leaders = subject[:1] if not re.search(r"đồng\s+chủ\s+trì", text[begin:], re.I) else subject
        holders = [own] if own else [_leading_body(m) for m in leaders]
        for holder in reversed(holders):
            if holder is not None and holder.name not in {o.name for o in organisers}:
                organisers.insert(0, holder)
    if not organisers and meeting.type == "VoterMeeting":
        organisers = _deputies(article, lead, cut, context)
    if not organisers and meeting.type == "CouncilSession":
        # `HĐND tỉnh X đã bầu …`: a session reported through what it decided is its council's
        councils = (parse_body(tokens, i) for i in range(len(tokens)) if tokens[i].fold == "hội")
        organisers = [org for org in (render_body(found[0], context) for found in councils if found)
                      if org.kind == "PeoplesCouncil"][:1]
    if not organisers:
        organisers = [o for o in (_announcer(tokens, context), _unit_subject(tokens, cut, context)) if o][:1]
    return [_as_holder(org, meeting.type, context) for org in organisers]


def _deputies(article: Article, lead: Span, cut: int, context: Context) -> list[Org]:
    """`Đại biểu HĐND tỉnh An Giang đơn vị số 4 đã có buổi tiếp xúc với cử tri …`: deputies
    of a council meet voters as its group (`Tổ đại biểu …`), of the National Assembly as the
    province's delegation."""
    for mention in article.mentions:
        if mention.sentence != lead or mention.start >= cut or \
                article.norm[max(0, mention.start - 14):mention.start].lower().rstrip().endswith("ứng cử viên"):
            continue          # candidates canvassing are no council's group yet
        for title in mention.titles:
            post = render_title(title, context) if title.role == "Đại biểu" else None
            if post is not None and post.org is not None and post.org.kind == "PeoplesCouncil":
                return [Org(f"Tổ đại biểu {post.org.name}", "OtherOrganisation", post.org.unit, post.org)]
            if post is not None and post.org is not None and post.org.name == "Quốc hội":
                return [post.org]
    return []


_DECISION_OF = re.compile(r"(?:công\s+bố|trao)\s+(?:các\s+|những\s+)?quyết\s+định\s+(?:[^.;]{0,40}?\s)?của$",
                          re.I)


def _announcer(tokens, context: Context) -> Org | None:
    """A conference that announces personnel decisions (`công bố các quyết định của Ban
    Thường vụ Tỉnh ủy về công tác cán bộ`) is held by the body whose decisions they are; a
    central body's are announced where the lead says (`tại trụ sở Thành ủy Hà Nội`)."""
    words = ""
    for i, tok in enumerate(tokens):
        words += " " + tok.fold
        if tok.fold == "của" and _DECISION_OF.search(words[-120:]):
            found = parse_body(tokens, i + 1)
            if found is None:
                return None
            org = render_body(found[0], context)
            if org.kind != "CentralBody":
                return org
            for k in range(1, len(tokens)):
                if (tokens[k - 1].fold, tokens[k].fold) in _VENUE_PAIRS and parse_body(tokens, k + 1):
                    return render_body(parse_body(tokens, k + 1)[0], context)
            return None
    return None


def _unit_subject(tokens, cut: int, context: Context) -> Org | None:
    """`Ngày 24-10, phường Thuận An tổ chức hội nghị đối thoại`: a unit that holds a meeting
    does so through its People's Committee."""
    units = grammar().units
    for i, tok in enumerate(tokens):
        if tok.start >= cut:
            return None
        kind = units.match(tokens, i) if tok.fold != "tại" else None
        if kind and kind[0]["level"] in ("commune", "district", "province", "city") and i and tokens[i - 1].fold == ",":
            place = match_place(tokens, kind[1], LEVELS_OF_UNIT[kind[0]["level"]])
            rest = place[1] if place else kind[1]
            if place and (rest >= len(tokens) or tokens[rest].start >= cut or tokens[rest].fold in ("(", "đã")):
                unit = context.pick(place[0])
                name = (unit or place[0][0]).name
                return Org(f"Ủy ban nhân dân {kind[0]['word']} {name}", "PeoplesCommittee", unit)
    return None


def _delegation(article: Article, lead: Span, context: Context) -> Org | None:
    """The body whose delegation (`đoàn công tác Tỉnh ủy X`, `Đoàn công tác của Ban Tổ chức
    Trung ương`) the sentence before the lead, or the lead, names."""
    index = article.sentences.index(lead) if lead in article.sentences else 0
    for span in (article.sentences[max(0, index - 1)], lead):
        tokens = tokenize(article.norm, span[0], span[1])
        for i in range(len(tokens) - 2):
            if (tokens[i].fold, tokens[i + 1].fold, tokens[i + 2].fold) == ("đoàn", "công", "tác"):
                k = i + 4 if i + 3 < len(tokens) and tokens[i + 3].fold == "của" else i + 3
                found = parse_body(tokens, k)
                if found:
                    return render_body(found[0], context)
    return None


def _leading_body(mention) -> Org | None:
    """The body a person leads the meeting for: that of the last post the mention names
    (`Bí thư Tỉnh ủy, Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh` presides the council)."""
    posts = [h.post for h in mention.person.holdings if h.mention is mention]
    return posts[-1].org if posts else None


def _subject_end(text: str) -> int:
    """Where the subject of the lead ends: at the verb that holds the meeting (`X đã tổ
    chức Hội nghị`), else at the meeting word."""
    for match in _HOLDS.finditer(text):
        if _PURPOSE.search(text, max(0, match.start() - 16), match.start()):
            continue        # `Với mục đích tổ chức buổi tọa đàm …`
        if classify(text[match.end():match.end() + 60]) and classify(text[match.end():])[2] <= 30:
            return match.start()
    trigger = classify(text)
    cut = trigger[2] if trigger else 0
    # `X tổ chức cho Tổ đại biểu HĐND tỉnh tiếp xúc cử tri`: the subject of `tổ chức` holds
    # the meeting, whoever the meeting word is attached to
    verb = text[:cut].lower().find(" tổ chức ")
    return verb if verb > 0 else cut


def _counts(tokens, i: int, j: int, body) -> bool:
    """Whether a body named at tokens[i:j] is a subject, not one cited in passing."""
    if j < len(tokens) and tokens[j].fold in _PLURAL:
        return False
    before = [t.fold for t in tokens[max(0, i - 5):i]]
    if " ".join(before[-3:]).endswith(_CITED):   # `được sự đồng ý của Ban Thường vụ Tỉnh ủy`
        return False
    if _PLURAL & set(before):                    # `Ban Dân vận các huyện, thị, thành ủy`
        return False
    # a bare `Ban Thường trực`, `Văn phòng` or `Ban Chấp hành`, whose body the text does not say
    return not (body.type.kind in _DEPENDENT and body.parent is None and not body.places and not body.unit_word
                or body.dangling)


def _own_meeting(tokens, cut: int, context: Context, meeting_type: str) -> Org | None:
    """`Hội nghị Ban Chấp hành Đảng bộ tỉnh`, `Hội nghị Ủy ban MTTQ Việt Nam thành phố lần
    thứ 11`: a conference of a body is that body's (a congress only the congress's)."""
    for i, tok in enumerate(tokens):
        pair = (tokens[i - 1].fold, tok.fold) if i else None
        if tok.start >= cut and pair in _OWN_MEETINGS and (pair != ("đại", "hội") or meeting_type == "Congress"):
            found = parse_body(tokens, _after_ordinal(tokens, i + 1))
            if not found or found[0].type.binding == "located" and not (
                    found[0].places or found[0].unit_word or found[0].parent):
                return None      # `Đại hội Đảng bộ H.Tân Hưng`: a body whose place is not read
            return render_body(found[0], context)
    return None


# the meetings a body holds as itself: `Hội nghị Ban Chấp hành …`, `Kỳ họp thứ 3 HĐND tỉnh`,
# `Đại hội đại biểu Hội Nông dân tỉnh …`, `cuộc họp Tiểu ban …`
_OWN_MEETINGS = {("hội", "nghị"), ("kỳ", "họp"), ("phiên", "họp"), ("cuộc", "họp"), ("đại", "hội")}


def _after_ordinal(tokens, i: int) -> int:
    """Past `lần thứ 11`, `thứ 3 (kỳ họp chuyên đề),` `đại biểu` after a meeting word."""
    if [t.fold for t in tokens[i:i + 2]] == ["đại", "biểu"]:
        i += 2
    if i < len(tokens) and tokens[i].fold == "lần":
        i += 1
    if i + 1 < len(tokens) and tokens[i].fold == "thứ":
        i += 2
    if i < len(tokens) and tokens[i].fold == "(":
        close = next((k for k in range(i, min(len(tokens), i + 12)) if tokens[k].fold == ")"), None)
        if close is not None:
            i = close + 1
    return i + 1 if i < len(tokens) and tokens[i].fold == "," else i


def _as_holder(org: Org, meeting_type: str, context: Context) -> Org:
    """A congress is its organisation's: the Đảng bộ whose committee the text names; the
    National Assembly meets voters through a province's delegation."""
    if meeting_type == "Congress" and org.kind == "PartyCommittee" and not org.name.startswith("Đảng bộ "):
        hosted = org.unit is not None and org.name.startswith("Đảng ủy ") \
            and org.name != f"Đảng ủy {org.unit.full_name}"
        if hosted:                                  # `Đảng bộ Sở Tài chính tỉnh …`
            return Org("Đảng bộ " + org.name.removeprefix("Đảng ủy "), org.kind, org.unit, org.parent)
        if org.unit is not None:
            return Org(f"Đảng bộ {org.unit.full_name}", org.kind, org.unit, org.parent)
        if org.name.startswith("Đảng ủy "):           # a commune the text names, not in the list
            return Org("Đảng bộ " + org.name.removeprefix("Đảng ủy "), org.kind, None, org.parent)
    if meeting_type == "VoterMeeting" and org.name == "Quốc hội":
        province = context.province
        name = f"Đoàn đại biểu Quốc hội {province.full_name}" if province else "Đoàn đại biểu Quốc hội"
        return Org(name, "OtherOrganisation", province)
    return org


def _body_before(tokens, cut: int, person_spans) -> bool:
    return any(parse_body(tokens, i) for i, t in enumerate(tokens)
               if t.start < cut and not any(a <= t.start < b for a, b in person_spans))


def _distribute_unit(body, tokens, j: int) -> None:
    """`Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội huyện Bắc Mê`: the unit at the
    end of the conjunction belongs to every body in it."""
    if body.unit_word or body.places or body.type.binding not in ("located",):
        return
    if j >= len(tokens) or tokens[j].fold not in ("và", ","):
        return
    if tokens[j].fold == "," and not parse_body(tokens, j + 1):   # `Đảng ủy, UBND phường Kỳ Long`
        return
    units = grammar().units
    for k in range(j + 1, min(j + 12, len(tokens))):
        if tokens[k].fold in {";", ".", "với", "về"} or (tokens[k].fold == "," and not parse_body(tokens, k + 1)):
            return
        unit = units.match(tokens, k)
        if unit and not (unit[1] < len(tokens) and tokens[unit[1]].fold == "hội"):
            body.unit_word = unit[0]["word"]
            place = match_place(tokens, unit[1], LEVELS_OF_UNIT[unit[0]["level"]])
            if place:
                body.places = place[0]
            return

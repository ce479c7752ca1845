"""The grammar of titles: [status] ROLE [BODY [parent BODY…] [unit kind] [place]].

`Phó Bí thư TT Huyện ủy`, `UVBTV, Trưởng Ban Dân vận HU`, `Chủ tịch UBMTTQ Việt Nam huyện`,
`quyền Chủ tịch UBND xã Tân Lập`: a title is parsed from tokens into a `TitleRef`
(structure only); `render_title` turns it into the canonical full title once the
article's places are known (a bare `huyện` means the article's district).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..gazetteer import Unit, load_gazetteer
from .grammar import BodyType, body_type, grammar
from .surnames import MIDDLE_WORDS, is_surname
from .tokens import Token

STATUS_WORDS = {"nguyên": "former", "quyền": "acting"}
CHAIN_SEPARATORS = {",", "-", "kiêm", "/"}
PARTY_ROLES = {"Bí thư", "Phó Bí thư", "Phó Bí thư Thường trực", "Phó Bí thư chuyên trách",
               "Phó Bí thư Thường trực chuyên trách"}


@dataclass
class BodyRef:
    type: BodyType
    start: int
    end: int
    parent: "BodyRef | None" = None
    unit_word: str | None = None          # "huyện", "tỉnh", "xã", … as written
    places: tuple[Unit, ...] = ()         # gazetteer candidates for the named place
    detail: str | None = None             # department name after Sở / Phòng
    place_text: str | None = None         # a village named as written (`thôn Làng Ải`)
    partner: "BodyRef | None" = None      # the second body of a joint office

    @property
    def is_committee(self) -> bool:
        return self.type.binding.startswith("committee") and self.type.kind == "PartyCommittee"

    @property
    def dangling(self) -> bool:
        """A part of a body that names no whole (`Ban Chấp hành` alone; a Party board
        alone is the article's committee's)."""
        return (self.type.binding == "sub" and self.parent is None and not self.type.kind.startswith("Party")
                and self.unit_word is None and not self.places)

    def committee(self) -> "BodyRef | None":
        """The party committee this body is (or is part of)."""
        body: BodyRef | None = self
        while body is not None:
            if body.is_committee or (body.type.name == "Đảng ủy"):
                return body
            body = body.parent
        return None


@dataclass
class TitleRef:
    role: str
    body: BodyRef | None
    status: str
    start: int
    end: int
    needs_committee: bool = False         # `UVBTV`, bare `Bí thư`: the committee is implied
    standalone: bool = False              # a full title without a body (`Chủ tịch nước`)
    implied: BodyRef | None = field(default=None)


LEVELS_OF_BINDING = {
    "committee-province": ("province",), "committee-district": ("district",),
    "committee-town": ("district",), "committee-urban": ("district",),
    "committee-city": ("district", "province"),
}
LEVELS_OF_UNIT = {"province": ("province",), "city": ("district", "province"),
                   "district": ("district",), "commune": ("commune",), "village": ()}


def match_place(tokens: list[Token], i: int, levels: tuple[str, ...]) -> tuple[tuple[Unit, ...], int] | None:
    """Gazetteer units named by the capitalised words at `i` (longest name first)."""
    gazetteer = load_gazetteer()
    words: list[Token] = []
    j = i
    ends: list[tuple[int, list[Token]]] = []
    while j < len(tokens) and len(words) < 5:
        tok = tokens[j]
        if tok.text == "-" and words:
            j += 1
            continue
        if not tok.is_word or not tok.is_cap:
            break
        # an abbreviation may stand for a place (`TP.HCM`), never for part of one
        if words and (tok.expanded or words[-1].expanded) and words[-1].index != tok.index:
            break
        words.append(tok)
        j += 1
        ends.append((j, list(words)))
    for end, run in reversed(ends):
        key = " ".join(t.fold for t in run).replace("\u2019", "'")
        for level in levels:
            units = gazetteer.find(level, key, " ".join(t.text for t in run))
            if units and key.isdigit():
                # `Quận 6`, `Phường 3`: a numbered unit is named by its own kind word only
                # (`các huyện, thành phố 6 tháng đầu năm` names no city)
                units = tuple(u for u in units if i and tokens[i - 1].fold == u.kind)
            if units:
                return None if _swallows_a_name(words, len(run)) else (units, end)
    return None


def _swallows_a_name(words: list[Token], n: int) -> bool:
    """`Chủ tịch HĐND xã Đặng Văn Bình`: a place that is the family name of the person
    named after the title (what follows it does not start a name of its own)."""
    return (n < len(words) and n <= 1 and is_surname(words[0].text) and len(words) - n <= 3
            and (words[n].fold in MIDDLE_WORDS or not is_surname(words[n].text)))


def parse_body(tokens: list[Token], i: int, depth: int = 0) -> tuple[BodyRef, int] | None:
    _, bodies, units, departments, _ = grammar()
    found = bodies.match(tokens, i) or bodies.match_loose(tokens, i)
    if found is None:
        return None
    btype, j = found
    if btype.binding == "department-central" and not tokens[i].is_cap:
        return None          # `cán bộ`, `toàn bộ`: the word, not a ministry
    skipped = _skip_abbreviation(tokens, j)
    if skipped != j:
        # `Ban Chấp hành (BCH) Trung ương Đảng`: the abbreviation a text introduces stands
        # inside a longer name
        spliced = tokens[:j] + tokens[skipped:]
        longer = bodies.match(spliced, i)
        if longer and longer[1] > j:
            inner = parse_body(spliced, i, depth)
            if inner:
                return inner[0], inner[1] + skipped - j
    body = BodyRef(btype, tokens[i].start, tokens[j - 1].end)
    j = _skip_abbreviation(tokens, j)
    binding = btype.binding
    if binding in LEVELS_OF_BINDING:
        place = match_place(tokens, j, LEVELS_OF_BINDING[binding])
        kind = units.match(tokens, j) if place is None else None
        if kind and kind[0]["level"] in ("city", "district", "province"):
            # `Thành ủy TP. Ngã Bảy`, `Thị ủy thị xã Kỳ Anh`: the unit's kind word written out
            place = match_place(tokens, kind[1], LEVELS_OF_BINDING[binding])
        if place:
            body.places, j = place
    elif binding == "sub":
        if depth < 3 and j < len(tokens):
            parent = parse_body(tokens, j, depth + 1)
            if parent:
                body.parent, j = parent
                # `Văn phòng HĐND và UBND huyện`: one office of two bodies
                if (j + 1 < len(tokens) and tokens[j].fold == "và" and not body.parent.unit_word
                        and not body.parent.places):
                    partner = parse_body(tokens, j + 1, depth + 1)
                    if partner:
                        body.partner, j = partner
            else:
                # `Ban Dân tộc tỉnh An Giang`: a board of the province itself
                j = _unit_after(tokens, j, body)
    elif binding == "central":
        pass
    else:
        if binding.startswith("department"):
            dept = departments.match(tokens, j)
            if dept:
                body.detail, j = dept[0], dept[1]
            else:
                k = _department_name_end(tokens, j)
                if k == j:
                    return None
                body.detail = " ".join(t.text for t in tokens[j:k])
                j = k
        elif binding == "named":
            k = _free_name_end(tokens, j)
            if k == j:
                return None
            body.detail, j = _spelled(tokens, j, k), k
            if [t.fold for t in tokens[j:j + 2]] == ["trung", "ương"]:
                body.detail, j = body.detail + " Trung ương", j + 2     # `Hội đồng Thi đua - Khen thưởng T.Ư`
            if [t.fold for t in tokens[j:j + 3]] == ["trên", "địa", "bàn"]:
                j += 3           # `… trên địa bàn tỉnh`: the unit the body serves
        if btype.name == "Ủy ban Mặt trận Tổ quốc Việt Nam" and [t.fold for t in tokens[j:j + 2]] == ["việt", "nam"]:
            j = _skip_abbreviation(tokens, j + 2)
        if binding != "department-central":
            j = _unit_after(tokens, j, body)
        if binding == "located" and btype.kind == "PartyCommittee" and body.unit_word is None \
                and not body.places and depth < 3 and j < len(tokens) and tokens[j].is_cap:
            # `Đảng bộ Văn phòng UBND tỉnh`, `Đảng ủy Sở Tài chính`: the party organisation
            # of a body, named after it
            parent = parse_body(tokens, j, depth + 1)
            if parent:
                body.parent, j = parent
    body.end = tokens[j - 1].end
    return body, j


def _skip_abbreviation(tokens: list[Token], j: int) -> int:
    """`Đoàn Đại biểu Quốc hội (ĐBQH) tỉnh …`, `Ủy ban Mặt trận Tổ quốc (MTTQ) Việt Nam`: the
    abbreviation a text introduces in parentheses stands between a body and its place."""
    if j < len(tokens) and tokens[j].fold == "(":
        k = j + 1
        while k < len(tokens) and k - j <= 8 and tokens[k].fold != ")" and (tokens[k].expanded or tokens[k].is_cap):
            k += 1
        if k < len(tokens) and tokens[k].fold == ")" and k > j + 1:
            return k + 1
    return j


# Where the free-form name of a steering board or a council ends (`Ban Chỉ đạo phòng
# chống dịch Covid-19`, `Hội đồng Thi đua - Khen thưởng tỉnh`): at a punctuation mark, a
# verb, a conjunction or a place.
_NAME_STOPS = {",", ";", ".", ":", ")", "họp", "đã", "vừa", "sẽ", "có", "và", "với", "cùng",
               "do", "tại", "về", "trên", "nhằm", "để", "được", "là", "đến", "dự", "cho"}
_NAME_STOP_PAIRS = {("tổ", "chức"), ("chủ", "trì"), ("chủ", "tọa"), ("phối", "hợp"), ("triển", "khai")}


def _free_name_end(tokens: list[Token], j: int) -> int:
    roles, bodies, units, _, _ = grammar()
    k = j
    while k < len(tokens) and k - j < 14:
        tok = tokens[k]
        if tok.fold == "(":
            skipped = _skip_abbreviation(tokens, k)
            if skipped == k:
                break
            k = skipped
            continue
        pair = (tok.fold, tokens[k + 1].fold) if k + 1 < len(tokens) else None
        if tok.fold in _NAME_STOPS or pair in _NAME_STOP_PAIRS or units.match(tokens, k) \
                or (k > j and (tok.is_cap or tok.expanded)
                    and (roles.match(tokens, k) or bodies.match(tokens, k))):
            break
        k += 1
    return k


def _spelled(tokens: list[Token], j: int, k: int) -> str:
    """The words of tokens[j:k] as the text spaces them, an abbreviation in parentheses left
    out (`thực hiện Quy chế dân chủ (QCDC) ở cơ sở`)."""
    words: list[str] = []
    i = j
    while i < k:
        skipped = _skip_abbreviation(tokens, i)
        if skipped != i:
            i = skipped
            continue
        tok = tokens[i]
        glued = words and i > j and tokens[i - 1].end == tok.start and tokens[i - 1].index != tok.index
        if tok.expanded and i > j and tokens[i - 1].index == tok.index:
            words[-1] = f"{words[-1]} {tok.text}"
        elif glued:
            words[-1] += tok.text
        else:
            words.append(tok.text)
        i += 1
    return " ".join(words)


def _department_name_end(tokens: list[Token], j: int) -> int:
    """A department name missing from the lexicon (`Trung tâm Chính trị`, `Chi cục Thuế`):
    a capitalised word, then words up to a unit kind word, a punctuation mark or a title."""
    if j >= len(tokens) or not (tokens[j].is_cap and tokens[j].is_word) or tokens[j].expanded:
        return j
    roles, bodies, units, _, _ = grammar()
    k = j + 1
    while k < len(tokens) and k - j < 6:
        tok = tokens[k]
        if not tok.is_word or tok.expanded or tok.fold in _NAME_STOPS or units.match(tokens, k) \
                or roles.match(tokens, k) or bodies.match(tokens, k) \
                or (tok.is_cap and k > j + 1 and not tokens[k - 1].is_cap):
            break
        k += 1
    return k


def _unit_after(tokens: list[Token], j: int, body: BodyRef) -> int:
    """A unit kind word and place after a body (`… huyện Hàm Yên`, a bare `… tỉnh`)."""
    units = grammar().units
    unit = units.match(tokens, j)
    # `xã hội` (society) is not the commune kind word
    if unit and not (unit[1] < len(tokens) and tokens[unit[1]].fold == "hội"):
        row, k = unit
        body.unit_word = row["word"]
        if row["level"] == "village":
            # villages are not in the official list: the name as written (`thôn Làng Ải`)
            end = k
            while end < len(tokens) and end - k < 4 and tokens[end].is_cap and tokens[end].is_word \
                    and not tokens[end].expanded and not grammar().bodies.match(tokens, end):
                end += 1
            if end == k:
                # `thôn` with no name after it is a plain word here, not a unit
                body.unit_word = None
                return j
            body.place_text = " ".join(t.text for t in tokens[k:end])
            return end
        place = match_place(tokens, k, LEVELS_OF_UNIT[row["level"]])
        if place:
            body.places, k = place
        return k
    # `Trưởng Đoàn đại biểu Quốc hội Hải Phòng`: a province named without its kind word
    place = match_place(tokens, j, ("province",))
    if place:
        body.places = place[0]
        body.unit_word = "thành phố" if place[0][0].kind == "thành phố trung ương" else "tỉnh"
        return place[1]
    return j


def parse_title(tokens: list[Token], i: int) -> tuple[TitleRef, int] | None:
    """A title at `i`: the longest role that makes one (`Trưởng ban Ban Dân vận` is the role
    `Trưởng ban` and a body; `Trưởng Ban Dân vận` the role `Trưởng` and the body `Ban Dân vận`)."""
    status = "current"
    start = i
    if i < len(tokens) and tokens[i].fold in STATUS_WORDS:
        status = STATUS_WORDS[tokens[i].fold]
        i += 1
    roles = grammar().roles
    found = roles.matches(tokens, i)
    if not found:
        # a role printed with one diacritic wrong (`Chủ tich`) is still the role
        loose = roles.match_loose(tokens, i)
        found = [loose] if loose else []
    for row, j in found:
        if tokens[j - 1].fold == "ban" and not (j < len(tokens) and tokens[j].fold == "ban"):
            continue     # `Trưởng ban` is the role only where `Ban` is written again after it
        found = _title_with_role(tokens, start, i, row, j, status)
        if found is not None:
            return found
    return None


def _title_with_role(tokens: list[Token], start: int, i: int, row: dict, j: int,
                     status: str) -> tuple[TitleRef, int] | None:
    body = None
    if row["body"]:
        body = BodyRef(body_type(row["body"]), tokens[i].start, tokens[j - 1].end)
        place = (match_place(tokens, j, LEVELS_OF_BINDING[body.type.binding])
                 if body.type.binding in LEVELS_OF_BINDING else None)
        if place:
            body.places, j = place
        elif body.type.binding == "located" and body.type.name != "Đảng ủy":
            j = _unit_after(tokens, j, body)     # `Bí thư Đoàn xã Tân Thành`
        elif body.type.name == "Đảng ủy":
            more = parse_body(tokens, j - 1)
            if more:
                body, j = more
    else:
        # `Phó trưởng đoàn chuyên trách phụ trách Đoàn ĐBQH tỉnh`: the duty stands between
        # the role and its body
        k = j + 2 if [t.fold for t in tokens[j:j + 2]] == ["phụ", "trách"] else j
        parsed = parse_body(tokens, k) or (parse_body(tokens, j) if k != j else None)
        if parsed:
            body, j = parsed
    if body is None and row["needs_body"] == "yes":
        return None
    # `Tỉnh ủy viên` is the role Ủy viên of the body it names.
    role = row["role"].removesuffix(" " + row["body"]) if row["body"] else row["role"]
    title = TitleRef(role, body, status, tokens[start].start, tokens[j - 1].end)
    title.standalone = row["needs_body"] == "self"   # `Tổng Bí thư`, `Chủ tịch nước`
    title.needs_committee = (body is None and row["role"] in PARTY_ROLES) or (
        body is not None and body.type.binding == "sub" and body.parent is None
        and body.type.kind in ("PartyStandingBoard", "PartyAdvisoryBoard", "PartyInspectionCommission"))
    return title, j

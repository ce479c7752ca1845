"""What a change of post settles: its date, the body that decided it, the meeting that
made it, and the person's posts afterwards.

Dates, by the gold rules: the date the change takes effect where the text states one
(`kể từ ngày 5/10/2023`), else the decision's (`Quyết định số 742-QĐ/TU ngày 18/9/2023`,
`Ngày 20/7, Ban Thường vụ Tỉnh ủy quyết định …`), else the session's that made it (a
council's `kỳ họp` that elects or relieves, a congress that elects its committee); a
ceremony that announces or hands over a decision (`công bố`, `trao quyết định`) did not
make it, so its date is none of these. Posts: a post gained is current (or acting), a
post relieved is former, and so is a post left by a transfer to other work (`điều
động`) or by moving up in the same body (Phó Giám đốc to Giám đốc of one department).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..reading.article import Article
from .dates import iso, resolve_year
from .persons import Holding
from .positions import render_body
from .titles import grammar, parse_body
from .tokens import tokenize

_D = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?(?!\d)" \
     r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s+năm\s+(?P<y2>\d{4}))?"
_EFFECTIVE = re.compile(r"(?:kể\s+)?từ\s+ngày\s*(?:" + _D + ")", re.IGNORECASE)
_DECISION = re.compile(r"(?:quyết định|nghị quyết|thông báo)(?:\s+số)?[^.;:]{0,40}?\bngày\s*(?:" + _D + ")",
                       re.IGNORECASE)
# the session that made it, named with its date (`tại kỳ họp chuyên đề ngày 20/12/2023`)
_SESSION = re.compile(r"(?:kỳ họp|phiên họp)[^.;]{0,40}?\bngày\s*(?:" + _D + ")", re.IGNORECASE)
_AT_SESSION = re.compile(r"\btại (?:kỳ|phiên) họp\b", re.IGNORECASE)
_SAME_DAY = re.compile(r"\W*cùng ngày\b", re.IGNORECASE)
_LEADING = re.compile(r"^\W*(?:(?:sáng|trưa|chiều|tối)\s+)?(?:ngày\s*)?(?:" + _D + ")", re.IGNORECASE)
# a discipline's own sentence of when it runs (`Thời gian thi hành kỷ luật tính từ ngày
# công bố Quyết định số … ngày 26/8/2022`)
_DISCIPLINE_FROM = re.compile(r"kỷ luật[^.]{0,40}?(?:tính|kể)\s+từ[^.]{0,80}?\bngày\s*(?:" + _D + ")",
                              re.IGNORECASE)
# what a sentence's own date is not the decision's date for
# a retirement's own sentence of when it runs (`thời điểm hưởng chế độ từ ngày 1-3`)
_RETIREMENT_FROM = re.compile(r"(?:hưu|hưởng chế độ)[^.]{0,80}?\btừ\s+ngày\s*(?:" + _D + ")", re.IGNORECASE)
_CEREMONY = re.compile(r"công bố|trao|cho biết|thông tin|tổ chức|\blễ\b|hội nghị|thông báo", re.IGNORECASE)
_OTHER_SESSION = re.compile(r"phiên (?:họp )?(?:đầu tiên|thứ nhất)|hội nghị lần thứ nhất", re.IGNORECASE)
_MOVE_MEMBER = ("Ủy viên",)


def _iso(match: re.Match, published: str | None, lead: str = "") -> str | None:
    d, m = match.group("d") or match.group("d2"), match.group("m") or match.group("m2")
    y = match.group("y") or match.group("y2")
    if not (1 <= int(d) <= 31 and 1 <= int(m) <= 12):
        return None
    from .dates import FoundDate
    found = FoundDate(int(d), int(m), int(y) if y else None, None, 0)
    return iso(found.day, found.month, resolve_year(found, published, lead))


def settle(article: Article, changes: list, proposed: tuple = ()) -> None:
    """Date, decider and meeting of each change; the persons' holdings brought in line,
    with the changes only proposed (person, kind, post, sentence) undone: a nominee does
    not hold the post yet, and a post proposed to end is still held."""
    for person, kind, post, sentence in proposed:
        for holding in list(person.holdings):
            if holding.post.title == post.title and holding.mention.sentence == sentence:
                if kind in ("elected", "appointed"):
                    person.holdings.remove(holding)
                elif kind == "relieved" and holding.post.status == "former":
                    holding.post = replace(holding.post, status="current")
    if not changes:
        return
    published = article.published
    norm = article.norm
    discipline_from = None
    if any(c.kind == "disciplined" for c in changes):
        match = _DISCIPLINE_FROM.search(norm)
        discipline_from = _iso(match, published) if match else None
    retirement_from = None
    if any(c.moves == "retire" for c in changes):
        match = _RETIREMENT_FROM.search(norm)
        # with no publication date, the year the text names (`… quý I năm 2025`)
        retirement_from = _iso(match, published, norm[article.body[0]:match.end()]) if match else None
    session = next((m for m in article.meetings if m.type in ("CouncilSession", "Congress")), None)
    last_date = None
    for change in changes:
        start, end = change.sentence
        text = norm[start:end]
        at = change.trigger - start
        change.decided_by = _decider(article, change)
        effective = _EFFECTIVE.search(text, at)
        decision = _DECISION.search(text) or _SESSION.search(text, 0, at)
        leading = _LEADING.search(text)
        if effective:
            change.date = _iso(effective, published)
        elif decision:
            change.date = _iso(decision, published)
        elif leading and not _CEREMONY.search(text[:at]):
            change.date = _iso(leading, published)
        elif _SAME_DAY.match(text) and last_date is not None:
            change.date = last_date     # `Cùng ngày, Ban Thường vụ … chỉ định …`
        elif _decided_on(article, change, published):
            change.date = _decided_on(article, change, published)
        elif change.kind == "disciplined" and discipline_from:
            change.date = discipline_from
        elif change.moves == "retire" and retirement_from:
            change.date = retirement_from
        last_date = change.date or last_date
        if session is not None and change.date is None and not _OTHER_SESSION.search(text) and (
                _made_at(change, session) or _AT_SESSION.search(text, 0, at)) and (
                change.decided_by is None or change.decided_by in session.organisers):
            change.meeting = session
            change.date = session.date
            if change.decided_by is None and session.organisers:
                change.decided_by = session.organisers[0]
    _settle_holdings(changes)


def _made_at(change, session) -> bool:
    """A council's session elects and relieves; a congress elects its committee (its
    secretaries are elected by the committee's first session, another meeting)."""
    if change.kind not in ("elected", "relieved"):
        return False
    if session.type == "CouncilSession":
        return True
    return change.kind == "elected" and change.post.role in _MOVE_MEMBER


def _decided_on(article: Article, change, published: str | None) -> str | None:
    """The day a sentence before says the deciding body decided (`Ngày 14/5, Ban Thường vụ
    Tỉnh ủy Cao Bằng đã xem xét, thi hành kỷ luật …`), not a ceremony's."""
    if change.decided_by is None or article.context is None:
        return None
    k = article.sentences.index(change.sentence) if change.sentence in article.sentences else 0
    for start, end in article.sentences[max(0, k - 3):k]:
        text = article.norm[start:end]
        leading = _LEADING.search(text)
        if leading is None or _CEREMONY.search(text):
            continue
        tokens = tokenize(article.norm, start, end)
        for i in range(len(tokens)):
            if grammar().bodies.match(tokens, i):
                parsed = parse_body(tokens, i)
                if parsed and render_body(parsed[0], article.context).name == change.decided_by.name:
                    return _iso(leading, published)
    return None


def _decider(article: Article, change):
    """The last body named before the verb, outside the persons' titles (`Ban Thường vụ
    Tỉnh ủy quyết định: Đồng chí A …`, `được UBND tỉnh giao …`)."""
    start, _ = change.sentence
    tokens = tokenize(article.norm, start, change.sentence[1])
    titled = set()
    for mention in article.mentions:
        if mention.sentence == change.sentence:
            for title in mention.titles:
                titled.update(range(title.start, title.end))
    found = None
    k = 0
    while k < len(tokens) and tokens[k].start < change.lead:
        # a body's abbreviation inside a document's number (`Quyết định số 1120/QĐ-UBND`)
        coded = k > 0 and tokens[k - 1].fold in ("/", "-") and tokens[k - 1].end == tokens[k].start
        if tokens[k].start not in titled and not coded and grammar().bodies.match(tokens, k):
            parsed = parse_body(tokens, k)
            if parsed and tokens[parsed[1] - 1].end <= change.lead:
                found = parsed[0]
                k = parsed[1]
                continue
        k += 1
    if found is None or found.dangling:
        return None         # `Ban Chấp hành đã bầu …`: whose, the sentence does not say
    return render_body(found, article.context) if article.context is not None else None


def _settle_holdings(changes: list) -> None:
    for change in changes:
        person, post = change.person, change.post
        if change.kind in ("elected", "appointed"):
            _set_status(person, post, post.status, change)
            for other in list(person.holdings):
                if other.post.status != "former" and other.post.title != post.title and (
                        (_moves_up(other.post, post) or _moves_over(other.post, post))
                        and change.moves not in ("interim", "acting")
                        or change.moves == "transfer" and other.post.role not in _MOVE_MEMBER
                        and _attested_with(other, change)):
                    _set_status(person, other.post, "former", change)
                    change.ends.append(other.post.title)
        elif change.kind == "relieved":
            _set_status(person, post, "former", change)


def _set_status(person, post, status: str, change) -> None:
    """The person holds `post` with `status` (one holding per post: the others of that
    title go)."""
    same = [h for h in person.holdings if h.post.title == post.title]
    keep = next((h for h in same if h.post.status == status), None) or (same[0] if same else None)
    if keep is None:
        person.holdings.append(Holding(replace(post, status=status), _evidence(change)))
        return
    keep.post = replace(keep.post, status=status)
    person.holdings[:] = [h for h in person.holdings if h is keep or h.post.title != post.title]


def _moves_up(old, new) -> bool:
    """`Phó Giám đốc Sở X` to `Giám đốc Sở X`, `Phó Bí thư Thường trực Huyện ủy X` to `Bí
    thư Huyện ủy X`: the deputy's post is left."""
    return old.org is not None and new.org is not None and old.org.name == new.org.name \
        and (old.role == f"Phó {new.role}" or old.role.startswith(f"Phó {new.role} "))


def _moves_over(old, new) -> bool:
    """`Bí thư Tỉnh ủy Phú Thọ` to `Bí thư Tỉnh ủy Ninh Bình`: one person holds a post of
    one role at one level in one body of a kind (a member may sit in many)."""
    return old.role == new.role and not new.role.startswith(_MOVE_MEMBER + ("Đại biểu",)) \
        and old.org is not None and new.org is not None and old.org.name != new.org.name \
        and old.org.kind == new.org.kind and old.org.unit is not None and new.org.unit is not None \
        and old.org.unit.level == new.org.unit.level


def _attested_with(holding, change) -> bool:
    """A post the transfer's own sentence gives the person (the work they leave)."""
    return holding.mention.sentence == change.sentence


def _evidence(change):
    from .mentions import Mention
    return Mention(change.person.name, [], change.trigger, change.trigger, change.sentence, True, change.person)

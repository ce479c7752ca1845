"""Meetings: the events an article reports, with type, date, place, chair, participants
and organising bodies.

The lead sentence (the first body sentences) names the meeting (`… tổ chức Hội nghị
giao ban …`, `… đã có buổi làm việc với …`); a later sentence that opens with its own
date (`Chiều cùng ngày, …`) and names a meeting starts another one. An article with
officials but no such sentence reports no meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..reading.article import Article, Span
from ..gazetteer import Unit, load_gazetteer
from ..text import fold
from .dates import find_date, iso, resolve_year, says_today, year_of_same_month
from .mentions import Mention
from .persons import Person
from .positions import Org
from .kinds import cites_a_plan, classify
from .organisers import find_organisers
from .venues import listed_hosts, place_meeting, voter_units

LEAD_SENTENCES = 3
ROLE_CUES = (  # (role, cue pattern); a cue at the start of a sentence points forward
    # `giao Sở Nội vụ chủ trì, phối hợp …` assigns a task; it does not chair a meeting
    ("chair", re.compile(r"chủ\s+trì(?!\s*,?\s*(?:phối\s+hợp|xây\s+dựng|thực\s+hiện|tham\s+mưu|triển\s+khai|"
                         r"rà\s+soát|hướng\s+dẫn|nghiên\s+cứu|đề\s+xuất|giải\s+quyết|theo\s+dõi))|chủ\s+tọa")),
    # `Kết luận số 01-KL/TW` is a document, not a conclusion being given
    # the closing address of a session (`phát biểu bế mạc kỳ họp`) gives its conclusions
    ("concluder", re.compile(r"kết\s+luận(?!\s+(?:số|\d)|\s*\d|\s+của\s+(?:bộ|ban|trung|tỉnh|huyện))"
                             r"|phát\s+biểu\s+(?:bế\s+mạc|kết\s+thúc)")),
    ("speaker", re.compile(r"phát\s+biểu(?!\s+(?:kết\s+luận|bế\s+mạc|kết\s+thúc))")),
    ("reporter", re.compile(r"báo\s+cáo(?=\s+kết\s+quả|\s+tình\s+hình|\s+tóm\s+tắt|\s+tham\s+luận|\s+về|\s+việc|,|\s+tại)")),
)
_FORWARD = re.compile(r"chủ\s+trì\s+(?:của|là)|chủ\s+trì\s+(?:hội\s+nghị|buổi\s+làm\s+việc|kỳ\s+họp|đại\s+hội)?\s*(?:có|gồm)")
# A later sentence that opens with its own date starts another meeting (`Chiều cùng ngày,
# …`, `Trước đó, ngày 2/7/2024, …`).
# someone whose directive, decision or letter is cited, not someone in the room
# `Hội nghị trực tuyến`, `theo hình thức trực tuyến đến 18 điểm cầu`
_ONLINE = re.compile(r"trực\s+tuyến|điểm\s+cầu")
_ABSENT = re.compile(r"(?:(?:chỉ đạo|chỉ thị|quyết định|lời dạy|thư|công điện|kết luận số \S+)\s+|"
                     r"chuyến (?:thăm|công tác)[^.;]{0,60}?\s)(?:của\s+)?(?:đồng chí\s+)?$", re.I)
_NEXT_MEETING = re.compile(r"^(?:[^,.]{0,20},\s*)?(?:cũng\s+)?(?:trong\s+)?(?:(?:sáng|chiều|tối|trưa)\s+)?"
                           r"(?:cùng ngày|ngày\s+\d|\d{1,2}[/-]\d)")
@dataclass
class Participation:
    person: Person
    role: str
    mention: Mention


@dataclass
class Meeting:
    type: str                      # concept local name, e.g. "ReviewConference"
    label: str                     # Vietnamese label, e.g. "Hội nghị tổng kết"
    sentence: Span                 # the sentence that reports it (evidence)
    date: str | None = None
    time_of_day: str | None = None
    online: bool = False
    locality: Unit | None = None
    province: Unit | None = None
    chair: Person | None = None
    participations: list[Participation] = field(default_factory=list)
    organisers: list[Org] = field(default_factory=list)
    part: int = 0                  # the second, third … meeting its sentence reports


def find_meetings(article: Article) -> list[Meeting]:
    """Stage: the article's meetings (`article.meetings`)."""
    norm = article.norm
    sentences = article.sentences
    title = norm[article.title_span[0]:article.title_span[1]] if article.title_span else ""
    captions = set(article.captions)
    triggers: list[tuple[int, tuple[str, str, int]]] = []
    for index, (start, end) in enumerate(sentences[:LEAD_SENTENCES]):
        if _reports_nothing(article, index, captions):
            continue
        found = classify(norm[start:end])
        if found:
            triggers.append((index, found))
            break
    title_type = classify(title) if title else None
    if not triggers and title_type and sentences:
        triggers.append((0, title_type))
    if not triggers:
        article.meetings = []
        return []
    for index in range(triggers[0][0] + 1, len(sentences)):
        start, end = sentences[index]
        # the opening words the pattern asks for carry no tone placement to fold: lower
        # case tells as much, and most sentences open with no date
        if not _NEXT_MEETING.match(norm[start:min(end, start + 60)].lower()):
            continue
        text = fold(norm[start:end])
        if _NEXT_MEETING.match(text) and not _reports_nothing(article, index, captions):
            found = classify(text)
            if (found and found[0] != "Conference" or (found and "tổ chức" in text)) \
                    and not _restates(triggers[-1], (index, found), article):
                triggers.append((index, found))
    meetings = []
    for n, (index, (concept, label, _)) in enumerate(triggers):
        first = 0 if n == 0 else index
        last = triggers[n + 1][0] if n + 1 < len(triggers) else len(sentences)
        lead_span = sentences[index]
        meeting = Meeting(concept, label, lead_span)
        lead = norm[lead_span[0]:lead_span[1]]
        if n == 0 and title_type and concept == "Conference" and title_type[0].endswith("Conference"):
            meeting.type, meeting.label = title_type[0], title_type[1]
        # the date may stand in the sentence before or after the one naming the meeting
        nearby = " ".join(norm[a:b] for a, b in sentences[max(first, index - 1):min(last, index + 2)]
                          if (a, b) != lead_span)
        # the year under review may be stated a sentence or two further on
        after = " ".join(norm[a:b] for a, b in sentences[index + 2:min(last, index + 8)])
        _date(meeting, article, lead, title if n == 0 else "", meetings, nearby, after)
        opening = " ".join(norm[a:b] for a, b in sentences[index:min(last, index + 4)]).lower()
        meeting.online = bool(_ONLINE.search(opening)) or (n == 0 and bool(_ONLINE.search(title.lower())))
        span = (sentences[first][0] if n else 0, sentences[last - 1][1] if last else len(norm))
        _participants(meeting, article, span)
        meeting.organisers = find_organisers(article, lead_span, meeting)
        place_meeting(meeting, article, lead_span)
        meetings.append(meeting)
        if meeting.type == "VoterMeeting":
            # `tiếp xúc cử tri huyện Vân Đồn và huyện Cô Tô`: a meeting in each place
            places = voter_units(article, lead_span) or (voter_units(article, article.title_span)
                                                         if n == 0 and article.title_span else [])
            for part, unit in enumerate(places[1:], start=1):
                meetings.append(replace(meeting, locality=unit, province=load_gazetteer().province_of(unit),
                                        part=part))
        hosts = listed_hosts(article, lead_span) if meeting.type == "Congress" else []
        if hosts:
            # `Đảng bộ các phường A, B và C tổ chức Đại hội`: a congress of each
            meetings[-1:] = [replace(meeting, locality=unit, province=load_gazetteer().province_of(unit),
                                     organisers=[org], part=part) for part, (unit, org) in enumerate(hosts)]
        # `tổ chức 02 cuộc hội nghị tiếp xúc …`, `hai buổi tiếp xúc cử tri`: that many meetings
        held = sum(1 for m in meetings if m.sentence == lead_span)
        for part in range(held, _count(lead)):
            meetings.append(replace(meeting, part=part))
    article.meetings = meetings
    return meetings


_COUNTED = re.compile(r"\b(\d{1,2}|hai|ba|bốn|năm)\s+(?:cuộc|buổi|hội\s+nghị)\s+(?:hội\s+nghị|tiếp\s+xúc|đối\s+thoại|họp)",
                      re.I)
_NUMBERS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5}


def _count(lead: str) -> int:
    """How many meetings a lead says it reports (`tổ chức 02 cuộc Hội nghị tiếp xúc`)."""
    match = _COUNTED.search(lead)
    if match is None:
        return 1
    word = match.group(1).lower()
    count = _NUMBERS[word] if word in _NUMBERS else int(word)
    return count if 1 < count <= 6 else 1


def _reports_nothing(article: Article, index: int, captions: set[Span]) -> bool:
    """A photo caption repeats the story, and a sentence citing a plan is not a report."""
    start, end = article.sentences[index]
    if any(a <= start and end <= b for a, b in captions):
        return True
    return cites_a_plan(fold(article.norm[start:end]))


def _restates(earlier: tuple[int, tuple], later: tuple[int, tuple], article: Article) -> bool:
    """A later lead that names the same kind of meeting on the same date as the one before
    is that meeting again (a summary repeated further down the page)."""
    if earlier[1][0] != later[1][0]:
        return False
    start, end = article.sentences[later[0]]
    if fold(article.norm[start:end]).startswith("cũng"):
        return False        # `Cũng trong ngày 28-9, HĐND huyện Y …`: another one of its kind
    dates = []
    for index, _ in (earlier, later):
        found = find_date(article.norm[article.sentences[index][0]:article.sentences[index][1]])
        dates.append(found and (found.day, found.month))
    return dates[0] is not None and dates[0] == dates[1]


def _date(meeting: Meeting, article: Article, lead: str, title: str, earlier: list[Meeting],
          nearby: str = "", after: str = "") -> None:
    found = find_date(lead) or (find_date(title) if title else None) or (
        find_date(nearby) if nearby and "cùng ngày" not in fold(lead) else None)
    if found is None:
        if earlier and "cùng ngày" in fold(lead):
            meeting.date = earlier[-1].date
            match = re.match(r"\s*(sáng|trưa|chiều|tối)", fold(lead))
            meeting.time_of_day = match.group(1) if match else None
            return
        today = says_today(lead)
        if today is not None and article.published and len(article.published) >= 10:
            meeting.date, meeting.time_of_day = article.published[:10], today or None
        return
    year = found.year
    if year is None and not article.published:
        # no date line: another date of the article in the same month gives the year
        year = year_of_same_month(article.norm, found.day, found.month)
    if year is None:
        year = resolve_year(found, article.published, f"{title} {lead}", f"{nearby} {after}")
    meeting.date = iso(found.day, found.month, year)
    meeting.time_of_day = found.time


def _participants(meeting: Meeting, article: Article, span: Span) -> None:
    norm = article.norm
    by_sentence: dict[Span, list[Mention]] = {}
    for mention in article.mentions:
        if mention.person is not None and span[0] <= mention.start < span[1] or (
                mention.person is not None and article.title_span and mention.sentence == article.title_span):
            by_sentence.setdefault(mention.sentence, []).append(mention)
    roles: dict[int, list[Participation]] = {}
    order: list[Person] = []
    for sentence, mentions in by_sentence.items():
        text = norm[sentence[0]:sentence[1]].lower()
        for mention in mentions:
            if mention.person not in order:
                order.append(mention.person)
        for role, cue in ROLE_CUES:
            for match in cue.finditer(text):
                cued = [_cued(mentions, sentence[0] + match.start(), text, match)]
                if role == "chair" and text[max(0, match.start() - 5):match.start()].strip() == "đồng":
                    # `A, …; B, … đồng chủ trì`: everyone named before the cue co-chairs
                    cued = [m for m in mentions if m.start < sentence[0] + match.start()] or cued
                elif role == "chair" and cued[0] is not None and cued[0].start < sentence[0] + match.start():
                    # `các đồng chí: A, …; B, … chủ trì`: a list presides together
                    cued = _presiders(mentions, cued[0], norm, sentence[0])
                for person_mention in cued:
                    if person_mention is None:
                        continue
                    found = roles.setdefault(id(person_mention.person), [])
                    if role not in {p.role for p in found}:
                        found.append(Participation(person_mention.person, role, person_mention))
    first_mention = {}
    for mention in article.mentions:
        if mention.person is not None and span[0] <= mention.start < span[1]:
            first_mention.setdefault(id(mention.person), mention)
    # `quán triệt chỉ đạo của Thủ tướng Chính phủ …`: named, but not there
    elsewhere: dict[Span, bool] = {}

    def _away(mention: Mention) -> bool:
        if mention.sentence not in elsewhere:
            elsewhere[mention.sentence] = _not_there(norm[mention.sentence[0]:mention.sentence[1]])
        return elsewhere[mention.sentence] or bool(_ABSENT.search(norm[max(0, mention.start - 40):mention.start]))

    for person in order:
        if id(person) not in roles and all(_away(m) for m in person.mentions):
            continue
        taken = roles.get(id(person))
        if taken:
            meeting.participations.extend(taken)
        elif id(person) in first_mention:
            meeting.participations.append(Participation(person, "attendee", first_mention[id(person)]))
    chairs = [p.person for p in meeting.participations if p.role == "chair"]
    concluders = [p.person for p in meeting.participations if p.role == "concluder"]
    meeting.chair = (chairs or concluders or [None])[0]


# A sentence that reports a personnel decision (`HĐND tỉnh đã bầu ông A giữ chức …`, `miễn
# nhiệm … đối với bà B`) names who it concerns, not who is in the room; one that hands the
# decision over (`trao quyết định cho …`) names people who are. Flowers or a letter sent
# (`gửi lẵng hoa chúc mừng`) and a roll of a committee's members (`Hiện tỉnh có 5 Phó Bí
# thư, gồm: …`) name people elsewhere.
_DECIDED = re.compile(r"\b(?:bầu(?!\s+cử)|bổ nhiệm|miễn nhiệm|chỉ định|điều động|luân chuyển|giữ chức|thôi giữ|"
                      r"nghỉ hưu|nghỉ chế độ|trúng cử|tái đắc cử|cách chức|kỷ luật|khiển trách|cảnh cáo)\b")
_HANDED = re.compile(r"\b(?:trao|nhận|tặng|phát biểu|chúc mừng|dự|tham dự|chủ trì|trình bày|tờ trình|báo cáo)\b")
_ELSEWHERE = re.compile(r"\bgửi\s+(?:lẵng\s+)?(?:hoa|thư|điện)|^hiện\s+[^,.;]{0,40}\bcó\s+\d+\s")


def _not_there(sentence: str) -> bool:
    """Whether a sentence names people without putting them at the meeting."""
    text = sentence.lower()
    return bool(_ELSEWHERE.search(text) or _DECIDED.search(text) and not _HANDED.search(text))


# What may stand between the names of a list: the rest of a title and a semicolon, a
# comma, a group's title before a colon (`A, các Phó Chủ tịch HĐND tỉnh: B, C`), `và`,
# and an anchor word.
_LIST_GAP = re.compile(r"(?:[^;.]{0,40};\s*|,\s*(?:các\s+)?(?:[^;.:,]{1,40}:\s*)?|\s+(?=và\s))(?:và\s+)?(?:các\s+)?"
                       r"(?:(?:đồng chí|đ/c|ông|bà)\s*)?", re.I)
_ATTENDING = re.compile(r"\b(?:dự|tham dự|có mặt)\b|\bcó\s+(?:các\s+)?(?:đồng chí|ông|bà)", re.I)


def _presiders(mentions: list[Mention], last: Mention, norm: str, sentence_start: int) -> list[Mention]:
    """The names listed up to `last`, which a presiding cue follows: `A, title; B, title
    chủ trì` (the first named is the chair). A list of those attending (`Dự có A; B`) is
    not one: then only `last`."""
    run = [last]
    for mention in reversed([m for m in mentions if m.start <= last.start and m.end < last.end]):
        # names sharing one title (`các Phó Chủ tịch: A, B`) have overlapping mentions
        if mention.end < run[0].start and not _LIST_GAP.fullmatch(norm, mention.end, run[0].start):
            break
        run.insert(0, mention)
    opening = norm[sentence_start:run[0].start]
    if len(run) > 1 and _ATTENDING.search(opening.split(";")[-1].lower()):
        return [last]
    return run


def _cued(mentions: list[Mention], cue_at: int, text: str, match: re.Match) -> Mention | None:
    """The person a role cue points at: forward after `dưới sự chủ trì của` or a cue that
    opens the sentence (`Kết luận hội nghị, đồng chí …`), else the nearest one before."""
    before = [m for m in mentions if m.start < cue_at]
    after = [m for m in mentions if m.start >= cue_at]
    forward = _FORWARD.match(text, match.start()) or not text[:match.start()].strip(" ,-")
    if forward and after:
        return after[0]
    if before:
        return before[-1]
    return after[0] if after else None

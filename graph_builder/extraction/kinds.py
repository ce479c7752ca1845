"""The kinds of meeting a sentence reports (`lexicon/meeting_types.tsv`): the nine types of
the annotation rules, the most specific one the text supports."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import load_table
from ..text import ascii_fold
from .dates import find_date


@lru_cache(maxsize=1)
def meeting_types() -> list[tuple[str, str, int, re.Pattern]]:
    # a space in a pattern matches any run of white space (offsets stay those of the text)
    return [(r["concept"], r["label"], int(r["rank"]), re.compile(r["pattern"].replace(" ", r"\s+")))
            for r in load_table("meeting_types", key="concept")]


@lru_cache(maxsize=1)
def _plain_types() -> list[tuple[str, str, int, re.Pattern]]:
    return [(concept, label, rank, re.compile(ascii_fold(pattern.pattern)))
            for concept, label, rank, pattern in meeting_types()]


def classify(text: str) -> tuple[str, str, int] | None:
    """The meeting type a sentence (of the working text) reports: at the earliest trigger,
    the most specific; the offset is the trigger's in `text`. A text that names none is
    read once more without diacritics, for a mistyped one (`hội nghi`, `buổi làm viêc`)."""
    found = _classify(text.lower(), meeting_types())
    if found is None and not text.isascii():
        # ascii_fold keeps the length of lower-case Vietnamese (one letter, one letter)
        found = _classify(ascii_fold(text.lower()), _plain_types())
    return found


# `Thực hiện Kế hoạch số 15-KH/ĐU … về tiếp xúc, đối thoại …`: a document's subject, not
# a meeting being reported
_DOCUMENT_LEAD = re.compile(r"^(?:thực hiện|căn cứ|theo|triển khai|quán triệt)\s+(?:các\s+)?(?:kế hoạch|chỉ thị|"
                            r"nghị quyết|quyết định|công văn|thông báo|hướng dẫn|chương trình|kết luận)")
_PLANNED = re.compile(r"\b(?:sẽ|dự kiến)\b")


def report_start(text: str) -> int:
    """Where a sentence's report begins: past the plan it cites, at the date of what was
    done (`Thực hiện chương trình tiếp xúc cử tri …, chiều 4/5, đồng chí A … đã có cuộc tiếp
    xúc …`), else at its start."""
    if not _DOCUMENT_LEAD.match(text.lower()):
        return 0
    found = find_date(text)
    return found.start if found is not None else len(text)


def cites_a_plan(text: str) -> bool:
    """Whether a sentence (lower case) cites a plan and reports nothing done: no date of its
    own, or one yet to come (`Theo kế hoạch, ngày 19/7, HĐND huyện sẽ tổ chức …`)."""
    return bool(_DOCUMENT_LEAD.match(text)) and (find_date(text) is None or bool(_PLANNED.search(text)))


# `Tiểu ban Văn kiện Đại hội …`, `Ban Tổ chức Đại hội`: a body preparing a congress meets
# as itself; its congress is yet to come
_PREPARING = re.compile(r"(?:(?:tiểu\s+ban|ban\s+tổ\s+chức|ban\s+chỉ\s+đạo)(?:\s+\w+){0,3}|chuẩn\s+bị(?:\s+cho)?)\s+$")
_PREPARING_PLAIN = re.compile(ascii_fold(_PREPARING.pattern))


# `hội nghị Ủy ban MTTQ huyện lần thứ hai (khóa VII), nhiệm kỳ 2019 - 2024 sơ kết công tác 6
# tháng`: a review named further on in the sentence is what the conference does
_REVIEWS = {"ReviewConference", "InterimReviewConference"}


def _classify(folded: str, types: list) -> tuple[str, str, int] | None:
    hits = []
    for concept, label, rank, pattern in types:
        match = pattern.search(folded)
        while match and concept in ("Congress", "CouncilSession") and _prepares(folded, match):
            match = pattern.search(folded, match.end())
        if match:
            hits.append((match.start(), -rank, concept, label))
    if not hits:
        return None
    hits.sort()
    start, rank, concept, label = hits[0]
    if concept == "Conference":
        # `hội nghị tiếp xúc cử tri`, `Hội nghị trực tuyến tổng kết`: a specific type named
        # with the generic word is that type
        specific = [h for h in hits if -h[1] == 3 and h[0] <= start + 30 or h[2] in _REVIEWS and h[0] <= start + 150]
        if specific:
            _, rank, concept, label = specific[0]
    return concept, label, start


def _prepares(folded: str, match: re.Match) -> bool:
    """Whether the congress word of `match` follows a body that prepares the congress."""
    word = -1
    for name in ("đại hội", "dai hoi", "kỳ họp", "ky hop"):
        word = folded.find(name, match.start(), match.end() + 1)
        if word >= 0:
            break
    before = folded[max(0, word - 40):word] if word >= 0 else ""
    return bool(_PREPARING.search(before) or _PREPARING_PLAIN.search(before))

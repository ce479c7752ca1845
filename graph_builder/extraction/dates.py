"""Meeting dates as Vietnamese news writes them, and the year rules of the gold README.

`27/12`, `20/03/2023`, `ngày 19.7`, `ngày 6/1`, `Chiều nay (29/12)`, `Sáng 15-3`,
`ngày 5 tháng 4 năm 2023`. The year comes from the date itself, else the publication
date, else the year the meeting reviews; otherwise the date is `--MM-DD`, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TIME = r"(?:(?P<time>sáng|trưa|chiều|tối)\s+(?:nay\s*|hôm nay\s*|qua\s*)?)?"
_DATE = re.compile(
    _TIME + r"(?:(?P<ngay>ngày|hôm nay|hôm qua|nay)\s*)?(?P<paren>\()?\s*"
    r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}))?(?!\d)"
    r"|" + _TIME.replace("?P<time>", "?P<time2>") +
    r"ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s+năm\s+(?P<y2>\d{4}))?",
    re.IGNORECASE)
_RANGE = re.compile(
    _TIME + r"(?:từ\s+)?ngày\s+(?P<d>\d{1,2})\s*(?:và|,|–|-|đến)\s*(?:ngày\s+)?\d{1,2}\s*(?P<sep>[/.-])\s*"
    r"(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}))?(?!\d)", re.IGNORECASE)
_TODAY = re.compile(r"\b(?P<time>sáng|trưa|chiều|tối)\s+nay\b|\bhôm nay\b", re.IGNORECASE)
# A date that belongs to a document (`Đề án số 02-ĐA/TU ngày 23/5/2021`) or a span.
_DOCUMENT = re.compile(r"(?:số\s*[^\s,;]+|/[^\s,;]+)\s+ngày\s*$|(?:từ|đến|tháng)\s*(?:ngày\s*)?$", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d-])năm\s+(\d{4})(?!\s*[-–]\s*\d{4})")
_HALF_YEAR = re.compile(r"(?:tháng (?:đầu|cuối) năm|quý\s+[iv1-4]+\s+năm|6 tháng)\s+(\d{4})|quý\s+[iv1-4]+\s*/\s*(\d{4})")
_REVIEW = re.compile(r"(?:tổng kết|kết quả|đánh giá)[^.;]{0,120}?năm\s+(\d{4})")


@dataclass
class FoundDate:
    day: int
    month: int
    year: int | None
    time: str | None
    start: int


def find_date(text: str, offset: int = 0) -> FoundDate | None:
    """The first meeting-like date in `text` (a sentence), skipping document dates. A
    meeting over days (`Ngày 10 và 11-2`, `ngày 9, 10/12`) is dated by its first day."""
    single = _find_single(text, offset)
    for match in _RANGE.finditer(text):
        if single is not None and offset + match.start() > single.start:
            break
        found = _found(match.group("d"), match.group("m"), match.group("y"), match.group("time"),
                       offset + match.start())
        if found is not None:
            return found
    return single


def _found(day: str, month: str, year: str | None, time: str | None, start: int) -> FoundDate | None:
    """The date of a match's numbers, None where they are no day and month."""
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return None
    return FoundDate(int(day), int(month), int(year) if year else None, (time or "").lower() or None, start)


def _find_single(text: str, offset: int) -> FoundDate | None:
    for match in _DATE.finditer(text):
        d = match.group("d") or match.group("d2")
        m = match.group("m") or match.group("m2")
        y = match.group("y") or match.group("y2")
        sep = match.group("sep")
        # `19.7` and `15-3` are dates only after `ngày`/a time of day or in parentheses.
        if sep in (".", "-") and not (match.group("ngay") or match.group("time") or match.group("paren")):
            continue
        if _DOCUMENT.search(text[max(0, match.start() - 30):match.start()] + (match.group("ngay") or "")):
            if not match.group("time"):
                continue
        found = _found(d, m, y, match.group("time") or match.group("time2"), offset + match.start())
        if found is not None:
            return found
    return None


# Full dates anywhere in a text, for `year_of_same_month`: `13/8/2024`, `ngày 5 tháng 4 năm
# 2023`, and the first day of `13 và 14/8/2024`.
_FULL = re.compile(r"(?<![\d/.-])(\d{1,2})\s*(?:(?:và|,|–|-|đến)\s*(?:ngày\s+)?\d{1,2}\s*)?([/.-])\s*(\d{1,2})\s*\2\s*"
                   r"(\d{4})(?!\d)|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)


@lru_cache(maxsize=64)
def _full_dates(text: str) -> tuple[tuple[int, int, int], ...]:
    found = []
    for match in _FULL.finditer(text):
        d, _, m, y, d2, m2, y2 = match.groups()
        found.append((int(d or d2), int(m or m2), int(y or y2)))
    return tuple(found)


def year_of_same_month(text: str, day: int, month: int) -> int | None:
    """The year a full date of the same month in `text` gives (one of the same day first,
    the latest otherwise): an article that dates its meeting `13/8` and states elsewhere
    `ngày 13 và 14/8/2024` or `(12/12/2014 - 12/12/2024)` is of that year."""
    dates = [(d, y) for d, m, y in _full_dates(text) if m == month]
    found = [y for d, y in dates if d == day] or [y for _, y in dates]
    return max(found) if found else None


def says_today(text: str) -> str | None:
    """`Chiều nay`, `hôm nay` with no date: the time of day (or '' for hôm nay)."""
    match = _TODAY.search(text)
    if match is None:
        return None
    return (match.group("time") or "").lower()


def resolve_year(found: FoundDate, published: str | None, lead: str, nearby: str = "") -> int | None:
    """The year rules: the date's own year, else the publication date's (a meeting is
    reported after it happens), else the year the meeting reviews (in the lead, else in the
    sentences around it: `… phương hướng nhiệm vụ 6 tháng cuối năm 2016`)."""
    if found.year is not None:
        return found.year
    if published:
        # a date line may give the year and month only (`date 2025-02`)
        year, month = int(published[:4]), int(published[5:7])
        day = int(published[8:10]) if len(published) >= 10 else 31
        return year if (found.month, found.day) <= (month, day) else year - 1
    lead = lead.lower()
    half = [int(a or b) for a, b in _HALF_YEAR.findall(lead)] or \
        [int(a or b) for a, b in _HALF_YEAR.findall(nearby.lower())]
    if half:
        return half[0]
    years = sorted({int(y) for y in _YEAR.findall(lead)})
    if not years:
        return None
    reviewed = [int(y) for y in _REVIEW.findall(lead)]
    if found.month >= 7:
        # A year-end meeting reviews the year it is held in (27/12 reviewing 2022).
        return reviewed[0] if reviewed else years[0]
    if reviewed and found.month <= 3:
        # An early-year meeting reviewing last year (tổng kết năm 2021 in January 2022).
        return reviewed[0] + 1
    return years[-1] if len(years) == 1 else None


def iso(day: int, month: int, year: int | None) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"

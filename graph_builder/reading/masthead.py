"""Where and when a page says it was published: its date line, a newspaper's dateline
code, and an outlet named in a credit line.

Portals print the date line in many shapes, anywhere in the page head: `14/03/2023 -
08:05`, `Thứ Tư, 08/11/2023 10:15`, `(07:45, 21/09/2021)`, `Cập nhật: 12/01/2022`,
`Print Thứ Tư, 15/01/2020 08:22 Gốc`, ` date 2024-10-02 (VTC News) - Sáng …`. A date line
is the publication date (it gives the year of a meeting dated `27/12`); a visit counter's
`Hôm nay: 19/09/2024` is not. The lead of a story may follow the date on the same line.

A dateline code (`ĐBP -`, `(GLO)-`) or a credit naming a provincial outlet (`Báo Sơn La`,
`Cổng TTĐT tỉnh Hà Giang`) names the province of the paper, which stands in for the
province where the text names none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import load_table

# Every part is optional but the date: a label, a time before the date, a weekday, the
# date (d/m/yyyy, or ISO after a `date` label), a time after it.
_DATE_LINE = re.compile(
    r"(?P<label>ngày đăng(?: bài| tin)?|ngày cập nhật|cập nhật lúc|cập nhật|đăng lúc|đăng ngày|ngày xuất bản|xuất bản"
    r"|thời gian đăng|\bdate)?\s*:?\s*"
    r"(?:(?P<t1>\d{1,2})[:h](?P<t2>\d{2})\s*[|,-]?\s*)?"
    r"(?P<weekday>(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|\d)|chủ\s+nhật)\s*[,|-]?\s*)?(?:ngày\s+)?"
    r"(?:(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?!\d)"
    r"|(?<=date )(?P<iy>\d{4})-(?P<im>\d{2})(?:-(?P<id>\d{2}))?(?![\d-])"
    r"|(?P<fy>\d{4})-(?P<fm>\d{2})-(?P<fd>\d{2})(?![\d-]))"
    r"(?:\s*[-,|]?\s*(?:lúc\s*)?(?P<h>\d{1,2})[:h](?P<mi>\d{2}))?", re.I)
# What may stand beside a date line: page furniture, not a story.
_FURNITURE_WORDS = {"print", "gốc", "lượt", "xem", "in", "bài", "chia", "sẻ", "cỡ", "chữ", "a", "a+", "a-",
                    "email", "facebook", "zalo", "twitter", "pv", "|", "-", "nghe", "đọc", "theo"}
_NOT_PUBLISHED = re.compile(r"(?:hôm nay|truy cập|online|đang xem)\s*:?\s*$", re.I)
# `LSO - `, `(GLO) - `, `(BBNĐT) Ngày …`: a code in parentheses needs no dash
DATELINE = re.compile(r"^(?P<open>\()?(?P<code>[A-ZĐ][A-ZĐa-z]{1,7}(?:-[A-ZĐ]{1,4})?)(?(open)\)\s*-?\s|\)?\s*-\s)")
# `Báo Sơn La`, `Báo điện tử Hà Giang`, `Cổng TTĐT tỉnh Lào Cai`, `Đài PT-TH Điện Biên`
_OUTLET = re.compile(r"^\(?(?:(?:báo|tạp chí)(?:\s+điện\s+tử)?|cổng\s+(?:ttđt|thông\s+tin\s+điện\s+tử)"
                     r"|trang\s+(?:ttđt|thông\s+tin\s+điện\s+tử)|đài\s+(?:pt-th|phát\s+thanh\s*-?\s*truyền\s+hình))"
                     r"(?:\s+(?:tỉnh|thành\s+phố|tp\.?))?\s+(?P<name>[^\W\d_][^()\n]{1,30}?)\)?\s*-?\s*$", re.I)


@dataclass(frozen=True)
class DateLine:
    published: str       # ISO date, dateTime, or year-month (`2025-02`)
    start: int           # the span of the date line within the line searched
    end: int
    labelled: bool       # a label, a weekday, a time or parentheses: a date line, not a lead


@lru_cache(maxsize=1)
def dateline_codes() -> dict[str, str]:
    """Newspaper dateline code -> province name."""
    return {r["code"]: r["province"] for r in load_table("datelines", key="code")}


def find_date_line(line: str) -> DateLine | None:
    """The publication date a line of the page head prints, if it does (`line` is lower case)."""
    for match in _DATE_LINE.finditer(line):
        if _NOT_PUBLISHED.search(line, 0, match.start("d") if match.group("d") else match.start()):
            continue
        published = _iso(match)
        if published is None:
            continue
        start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip(" :")))
        labelled = bool(match.group("label") or match.group("weekday") or match.group("t1") or match.group("h")
                        or match.group("iy") or match.group("fy") or line[max(0, start - 1):start] == "(")
        return DateLine(published, start, match.end(), labelled)
    return None


def is_date_only(line: str, found: DateLine) -> bool:
    """The line is the date line and page furniture beside it (a view counter, `Print`)."""
    rest = (line[:found.start] + " " + line[found.end:]).replace("(", " ").replace(")", " ")
    words = [w for w in re.split(r"[\s:•·,]+", rest) if w]
    return (not words or "lượt xem" in rest or len(words) <= 3
            and all(w in _FURNITURE_WORDS or w.isdigit() or len(w) <= 2 for w in words))


def _iso(match: re.Match) -> str | None:
    if match.group("iy"):
        year, month, day = match.group("iy"), match.group("im"), match.group("id")
        if not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
            return None
        return f"{year}-{month}-{day}" if day else f"{year}-{month}"
    day, month, year = (match.group("d"), match.group("m"), match.group("y")) if match.group("d") else \
        (match.group("fd"), match.group("fm"), match.group("fy"))
    day, month, year = int(day), int(month), int(year)
    if not (1 <= day <= 31 and 1 <= month <= 12 and 1900 < year < 2100):
        return None
    date = f"{year:04d}-{month:02d}-{day:02d}"
    hour, minute = match.group("h") or match.group("t1"), match.group("mi") or match.group("t2")
    if hour is not None and int(hour) < 24 and int(minute) < 60:
        return f"{date}T{int(hour):02d}:{int(minute):02d}:00"
    return date


def outlet_province(line: str) -> str | None:
    """The province named by an outlet credit (`Báo Sơn La`), as written; the caller checks
    that it is one."""
    match = _OUTLET.match(line.strip())
    return match.group("name").strip(" .") if match else None

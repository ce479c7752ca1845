"""JSON lines (`.jsonl`): one article a line, as scrapers write them.

The field names of news-please and of trafilatura's JSON output are both accepted:

| what | accepted names (the first present wins) |
|---|---|
| text | `text`, `maintext` |
| headline | `title` |
| publication date | `date`, `date_publish` (ISO 8601; `2024-03-12 08:00:00` too) |
| byline | `author`, `authors` (a list is joined with `, `) |
| page URL | `url` (else `source_url`) |
| outlet | `sitename`, `source_domain`, `hostname` |
| retrieved | `date_download` |

The article's identifier comes from its URL (see `urls.url_id`); a line with no URL is
`FILE-LINE` (the file name without extension and the line number).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

JSONL_SUFFIXES = (".jsonl",)
TEXT_FIELDS = ("text", "maintext")
DATE_FIELDS = ("date", "date_publish")
AUTHOR_FIELDS = ("author", "authors")
URL_FIELDS = ("url", "source_url")
SITE_FIELDS = ("sitename", "source_domain", "hostname")


@dataclass(frozen=True)
class Line:
    """An article line of a JSON lines file: its byte offset, number and URL."""
    offset: int
    number: int
    url: str | None


@dataclass
class Item:
    """One line's article fields, whichever names the file used."""
    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None
    site_name: str | None = None
    retrieved: str | None = None


def is_jsonl(path: str | Path) -> bool:
    return str(path).lower().endswith(JSONL_SUFFIXES)


def scan_jsonl(path: str | Path) -> tuple[list[Line], list[tuple[str, str]]]:
    """The lines of a JSON lines file that hold an article, and the lines that do not
    (`where`, reason)."""
    lines: list[Line] = []
    problems: list[tuple[str, str]] = []
    offset = 0
    try:
        with open(path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                start, offset = offset, offset + len(raw)
                if not raw.strip():
                    continue
                try:
                    item = parse_line(raw, f"{path}:{number}")
                except InputError as exc:
                    problems.append((exc.where or str(path), exc.message))
                    continue
                lines.append(Line(start, number, item.url))
    except OSError as exc:
        problems.append((str(path), f"cannot read file ({exc.strerror or type(exc).__name__})"))
    return lines, problems


def read_line(path: str | Path, line: Line) -> Item:
    with open(path, "rb") as handle:
        handle.seek(line.offset)
        return parse_line(handle.readline(), f"{path}:{line.number}")


def parse_line(raw: bytes, where: str) -> Item:
    """The article fields of one line.

    >>> parse_line(b'{"maintext": "S\\\\u00e1ng 12/3", "authors": ["A", "B"], "date_publish": "2024-03-12 08:00:00"}', "x").date
    '2024-03-12T08:00:00'
    """
    try:
        value = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"not a JSON object ({type(exc).__name__}: {exc})", where=where,
                         hint="each line must be one JSON object") from None
    if not isinstance(value, dict):
        raise InputError("not a JSON object", where=where, hint="each line must be one JSON object")
    text = _first(value, TEXT_FIELDS)
    if not text or not text.strip():
        raise InputError(f"no article text (none of the fields {', '.join(TEXT_FIELDS)})", where=where,
                         hint="name the text field `text` or `maintext`")
    author = next((value[k] for k in AUTHOR_FIELDS if value.get(k)), None)
    if isinstance(author, list):
        author = ", ".join(str(a) for a in author if a) or None
    return Item(text=text, title=_first(value, ("title",)), date=_iso(_first(value, DATE_FIELDS)),
                author=str(author).strip() or None if author else None, url=_first(value, URL_FIELDS),
                site_name=_first(value, SITE_FIELDS), retrieved=_iso(_first(value, ("date_download",))))


def _first(value: dict, names: tuple[str, ...]) -> str | None:
    for name in names:
        field = value.get(name)
        if isinstance(field, str) and field.strip():
            return field.strip()
    return None


_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?")


def _iso(value: str | None) -> str | None:
    """`2024-03-12`, `2024-03-12 08:00:00` or `2024-03-12T08:00:00+07:00` as an ISO date
    or dateTime (local time, as the page printed it)."""
    match = _DATE.match(value or "")
    if not match:
        return None
    day, time = match.groups()
    if not time or time in ("00:00", "00:00:00"):
        return day
    return f"{day}T{time if len(time) == 8 else time + ':00'}"

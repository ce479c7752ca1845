"""Reading a file into an `Article`: its text, title, byline, publication date, dateline
code and sentences. The extraction stages then fill in persons and meetings."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import InputError
from .lexicon import load_table
from .text import canonical, fold, normalise, read_text

Span = tuple[int, int]


@dataclass
class Article:
    """One news article. `text` is the article text every offset refers to; `norm` is the
    same-length working copy the stages match against."""

    id: str
    text: str
    norm: str = ""
    title: str | None = None
    title_span: Span | None = None
    author: str | None = None
    published: str | None = None        # ISO date or dateTime
    dateline: str | None = None         # province code from a newspaper dateline
    body: Span = (0, 0)
    sentences: list[Span] = field(default_factory=list)
    # filled by the stages
    mentions: list = field(default_factory=list)
    persons: list = field(default_factory=list)
    context: object | None = None
    meetings: list = field(default_factory=list)

    def __post_init__(self):
        if not self.norm:
            self.norm = normalise(self.text)
        if self.body == (0, 0):
            self.body = (0, len(self.text))

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def sentence_of(self, offset: int) -> Span:
        """The sentence holding `offset` (the evidence a fact is quoted with)."""
        for start, end in self.sentences:
            if start <= offset < end:
                return (start, end)
        if self.title_span and self.title_span[0] <= offset < self.title_span[1]:
            return self.title_span
        return (offset, offset)


def decode(data: bytes, where: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is an InputError
    naming the byte offset."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (invalid byte 0x{data[exc.start]:02x} at byte offset {exc.start})",
                         where=where, hint="save the file as UTF-8") from None


def read_article(path: str | Path) -> Article:
    """Read and parse one article file. The identifier is the file name without extension."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", where=str(path)) from None
    return parse_article(path.stem, decode(data, str(path)))


def parse_article(article_id: str, raw: str) -> Article:
    """An `Article` from its identifier and text (no file needed)."""
    article = Article(id=article_id, text=read_text(raw))
    _parse_layout(article)
    return article


# ---- layout: title, publication line, byline, trailer ------------------------------

_PUBLISHED = re.compile(
    r"^(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?(?:ngày\s+|cập nhật:?\s*|đăng(?: lúc| ngày)?:?\s*)?"
    r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s*[-,|]?\s*(?:lúc\s*)?(\d{1,2})[:h](\d{2}))?")
_DATELINE = re.compile(r"^\(?([A-ZĐ][A-ZĐa-z]{1,7})\)?\s*-\s")
_BYLINE_LABEL = re.compile(r"^(?:tác giả|tin,? ảnh|tin và ảnh|bài,? ảnh|bài và ảnh|bài|tin|ảnh|phóng viên|pv)\s*:\s*", re.I)
_ORG_BYLINE = ("trung tâm", "ban ", "phòng", "văn phòng", "đài", "báo ", "cổng", "ubnd", "ủy ban",
               "huyện ủy", "tỉnh ủy", "bbt", "ban biên tập", "hội ", "tòa soạn", "nguồn", "theo ",
               "sở ", "bộ ", "công an", "đảng ủy", "trường", "thông tấn", "ttxvn", "vov", "vtv")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_']*$")


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = load_table("boilerplate", key="prefix")
    menu = tuple(r["prefix"] for r in rows if r["kind"] == "menu")
    trailer = tuple(r["prefix"] for r in rows if r["kind"] == "trailer")
    return menu, trailer


@lru_cache(maxsize=1)
def dateline_codes() -> dict[str, str]:
    """Newspaper dateline code -> province name."""
    return {r["code"]: r["province"] for r in load_table("datelines", key="code")}


def _lines(text: str) -> list[Span]:
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped_start = start + (len(line) - len(line.lstrip()))
        stripped_end = start + len(line.rstrip())
        if stripped_end > stripped_start:
            spans.append((stripped_start, stripped_end))
        start = end + 1
    return spans


def _is_menu(line: str, menu: tuple[str, ...]) -> bool:
    folded = fold(line)
    if "lượt xem" in folded and len(folded) < 60:
        return True
    return any(folded == p or (folded.startswith(p) and len(folded) < len(p) + 25 and "|" in folded)
               or (folded.startswith(p) and p in ("a- a a+", "tăng tương phản", "cỡ chữ"))
               for p in menu)


def _parse_layout(article: Article) -> None:
    norm = article.norm
    menu, trailer = _boilerplate()
    lines = _lines(norm)
    content: list[Span] = []
    for span in lines:
        line = norm[span[0]:span[1]]
        folded = fold(line)
        if any(folded.startswith(p) and len(folded) < len(p) + 30 for p in trailer):
            break
        if article.published is None and len(line) < 80:
            match = _PUBLISHED.match(folded)
            if match:
                article.published = _iso_published(match)
                rest = folded[match.end():].strip(" -|,")
                if not rest or "lượt xem" in rest or len(rest) < 25:
                    continue
        if _is_menu(line, menu):
            continue
        content.append(span)
    if not content:
        article.body = (0, 0)
        return
    # The byline: a short closing line that names a person (or an organisation).
    last = content[-1]
    author_line = norm[last[0]:last[1]]
    if _looks_like_byline(author_line):
        article.author = _author_from(author_line)
        content = content[:-1]
    for span in content:
        line = norm[span[0]:span[1]]
        if _BYLINE_LABEL.match(line) and len(line) < 80:
            if article.author is None:
                article.author = _author_from(line)
    if not content:
        article.body = (0, 0)
        return
    first = content[0]
    first_line = norm[first[0]:first[1]]
    if len(first_line.split()) <= 40 and not _DATELINE.match(first_line) and len(content) > 1:
        article.title = canonical(article.text[first[0]:first[1]])
        article.title_span = first
        content = content[1:]
    for span in content[:3]:
        match = _DATELINE.match(norm[span[0]:span[1]])
        if match and match.group(1) in dateline_codes():
            article.dateline = match.group(1)
            break
    article.body = (content[0][0], content[-1][1])
    article.sentences = split_sentences(norm, content)


def _iso_published(match: re.Match) -> str | None:
    day, month, year, hour, minute = match.groups()
    day, month, year = int(day), int(month), int(year)
    if not (1 <= day <= 31 and 1 <= month <= 12 and 1900 < year < 2100):
        return None
    date = f"{year:04d}-{month:02d}-{day:02d}"
    if hour is not None and int(hour) < 24 and int(minute) < 60:
        return f"{date}T{int(hour):02d}:{int(minute):02d}:00"
    return date


def _looks_like_byline(line: str) -> bool:
    if _BYLINE_LABEL.match(line):
        return True
    head = line.split(":")[0].split("(")[0].strip()
    words = head.replace("-", " ").split()
    if not words or len(words) > 8 or line.rstrip().endswith((".", ";", ",")) and not line.endswith("./."):
        return False
    if any(fold(line).startswith(prefix) for prefix in _ORG_BYLINE):
        return True
    return all(_NAME_WORD.match(w) and w[0].isupper() for w in words) and len(words) <= 6


def _author_from(line: str) -> str | None:
    line = _BYLINE_LABEL.sub("", line).strip()
    if any(fold(line).startswith(prefix) for prefix in _ORG_BYLINE):
        return None
    # "Phương Thảo: Huyện Bắc Mê", "Văn Thành (TTVH)": the name comes first.
    name = re.split(r"\s*[:(]\s*", line, maxsplit=1)[0].strip(" -")
    words = name.replace(" - ", " ").split()
    if not words or not all(w[0].isupper() for w in words if w != "-"):
        return None
    return canonical(name)


# ---- sentences -----------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+(?=[\"'(\[]?[^\W\d_]*[A-ZĐÀ-Ỹ0-9])")


def split_sentences(norm: str, lines: list[Span]) -> list[Span]:
    """Sentences within each content line (a line is never crossed: paragraphs and
    captions end sentences)."""
    spans: list[Span] = []
    for start, end in lines:
        cursor = start
        for match in _SENTENCE_END.finditer(norm, start, end):
            if match.start() > cursor:
                spans.append((cursor, match.start()))
            cursor = match.end()
        if end > cursor:
            spans.append((cursor, end))
    return spans

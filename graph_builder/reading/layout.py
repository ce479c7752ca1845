"""The layout of a scraped page: which lines are page furniture (menus, breadcrumbs,
counters, related-news lists), which is the headline, the byline, the publication line
and the newspaper's dateline code, and where the sentences of the story are.

Works on the working text (normalised, same length as the article text), so every span
it returns is a span of the article text too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import load_table
from .byline import BYLINE_LABEL, author_from, looks_like_byline
from .masthead import DATELINE as _DATELINE, dateline_codes, find_date_line, is_date_only, outlet_province

Span = tuple[int, int]


@dataclass
class Layout:
    title: Span | None = None
    author: str | None = None
    published: str | None = None        # ISO date or dateTime
    dateline: str | None = None         # newspaper code, e.g. "ĐBP"
    outlet: str | None = None           # the name in an outlet credit (`Báo Sơn La`)
    body: Span = (0, 0)
    sentences: list[Span] = field(default_factory=list)
    furniture: list[Span] = field(default_factory=list)   # page head lines: menus, site names
    captions: list[Span] = field(default_factory=list)    # photo captions (with a photo credit)


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = load_table("boilerplate", key="prefix")
    menu = tuple(r["prefix"] for r in rows if r["kind"] == "menu")
    trailer = tuple(r["prefix"] for r in rows if r["kind"] == "trailer")
    return menu, trailer


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


# `»` reads as `"` in the working text
_NAV_SEPARATORS = re.compile(r"\s(?:\||»|›|>|/|\")\s|^\s*(?:\||»|›)|\[.*\]")


def _lower(line: str) -> str:
    """Lines of the working text are already normalised: folding is lower case and single
    spaces."""
    return " ".join(line.split()).lower()


def _is_menu(line: str, menu: tuple[str, ...]) -> bool:
    """Page furniture: menus, breadcrumbs (`Trang chủ > Thời sự`), site headers, counters."""
    folded = _lower(line)
    if "lượt xem" in folded and len(folded) < 60:
        return True
    if len(folded) < 40 and re.search(r"\(\d+\)\s*$", folded):  # `Ý kiến bạn đọc (0)`
        return True
    if "___" in line or (len(folded) < 60 and folded.startswith(("gửi bình luận", "gửi ý kiến", "họ và tên", "họ tên"))):
        return True                                              # a comment form
    separators = len(_NAV_SEPARATORS.findall(line))
    if separators >= 2 or (separators == 1 and len(line) < 80 and not line.rstrip().endswith((".", "?", "!"))):
        return True
    if any(site in folded for site in ("cổng thông tin", "trang thông tin", "cổng ttđt")) and len(folded) < 120:
        return True
    if folded.startswith(("trang chủ", "chia sẻ", "bình luận")) and not folded.endswith((".", "?", "!")):
        return True
    return _starts_short(folded, menu, 25)


def _starts_short(folded: str, prefixes: tuple[str, ...], slack: int) -> bool:
    """`folded` starts with one of `prefixes` and is less than `slack` characters longer
    than it (`Trang chủ` heads a menu line, not a sentence that goes on)."""
    # the tuple test runs in C and fails for nearly every line of an article
    return folded.startswith(prefixes) and any(folded.startswith(p) and len(folded) < len(p) + slack
                                               for p in prefixes)


def read_layout(norm: str, text: str | None = None) -> Layout:
    """Headline, byline, publication date, dateline and sentences of a page (`norm` is the
    working copy of `text`, which the byline is cut from as written)."""
    text = norm if text is None else text
    layout = Layout()
    menu, trailer = _boilerplate()
    content: list[Span] = []
    for span in _lines(norm):
        line = norm[span[0]:span[1]]
        folded = _lower(line)
        if _starts_short(folded, trailer, 30) or (
                len(folded) < 40 and ("liên quan" in folded or "tin khác" in folded)) or (
                folded.startswith("nguồn") and "http" in folded):      # `Nguồn Báo X: http://…`
            break
        if _MARKUP.match(line):
            continue
        if layout.published is None:
            found = find_date_line(line.lower())
            # the date line heads its line, or stands with page furniture only; a date
            # inside a headline (`… (19/8/1945 – 19/8/2025)`) is not the page's
            glued = found is not None and found.start == 0 and line[found.end:found.end + 1].isalpha()
            if found and (found.start > 2 and not _after_section(line, found)
                          or len(line) >= 120 and not found.labelled and not glued) \
                    and not is_date_only(line.lower(), found):
                found = None
            if found:
                layout.published = found.published
                if is_date_only(line.lower(), found):
                    continue
                prefix = line[:found.start].strip(" |-,")
                if found.start > 2 and layout.author is None and " " in prefix and looks_like_byline(prefix) \
                        and not _is_menu(prefix, menu) and not line[found.end:].strip(" |-,"):
                    # `Quỳnh Trang 15:23, 22/12/2022`: the reporter's name, then the date
                    layout.author = author_from(prefix, text[span[0]:span[0] + len(prefix)])
                    continue
                if found.labelled and found.start <= 1 or glued:
                    # `14/12/2021Ngày 13/12, …`: a date line glued to the lead
                    # ` date 2024-10-02 (VTC News) - Sáng …`: the story starts after the date
                    span = (span[0] + found.end + len(line[found.end:]) - len(line[found.end:].lstrip(" -|,")),
                            span[1])
                    line = norm[span[0]:span[1]]
                    folded = _lower(line)
                    if not line.strip():
                        continue
        if _is_menu(line, menu):
            layout.furniture.append(span)
            continue
        content.append(span)
    content = _join_wrapped(norm, content)
    # The last lines: an outlet's credit (`Báo Sơn La`), then the byline above it.
    if content and _outlet_of(norm[content[-1][0]:content[-1][1]]):
        layout.outlet = _outlet_of(norm[content[-1][0]:content[-1][1]])
        content = content[:-1]
    # The byline: a short closing line that names a person (or an organisation).
    if content and looks_like_byline(norm[content[-1][0]:content[-1][1]]):
        layout.author = author_from(norm[content[-1][0]:content[-1][1]], text[content[-1][0]:content[-1][1]])
        content = content[:-1]
    for span in content:
        if layout.author is not None:
            break
        # `Ngày đăng: 16/12/2019 | Tác giả: Thu Hà`: a page's metadata line, in fields
        for start, end in _fields(norm, span):
            line = norm[start:end]
            if BYLINE_LABEL.match(line) and len(line) < 80:
                layout.author = author_from(line, text[start:end])
                break
    if not content:
        return layout
    whole = content
    content = _take_headline(norm, text, content, layout)
    if not content:
        return layout
    # a dateline on a line of its own above the story is in the page's head
    head = [span for span in whole if span[1] <= content[0][0] and span != layout.title]
    for span in head[-2:] + content[:3]:
        line = norm[span[0]:span[1]]
        match = _DATELINE.match(line + " ")       # `ĐBP -` may stand alone on its line
        if match and match.group("code") in dateline_codes():
            layout.dateline = match.group("code")
            break
        if layout.outlet is None and _outlet_of(line.split(")")[0] + ")" if line.startswith("(") else ""):
            layout.outlet = _outlet_of(line.split(")")[0] + ")")
    layout.captions = [span for span in content if _CAPTION.search(norm, span[0], span[1])]
    layout.body = (content[0][0], content[-1][1])
    layout.sentences = _unrepeated(norm, split_sentences(norm, _join_broken_names(norm, content)))
    return layout


# Markdown images and links a scraper leaves (`![Ảnh](/file/…)`, `[Tin khác](…)`).
_MARKUP = re.compile(r"^\s*!?\[[^\]]*\]\([^)]*\)\s*$|^\s*!\[")
# A photo credit ends a caption: `… ngày 29-7 - Ảnh: BỒNG SƠN`, `(Ảnh: Minh Hoàng)`.
_CAPTION = re.compile(r"(?:^|[\s.(-])(?:ảnh|Ảnh|ẢNH)\s*:\s*[^\s.]")


def _after_section(line: str, found) -> bool:
    """`Chính trị 13-05-2022`, `Tin tức | 12/5/2022`: the page's section, then the date
    closing the line."""
    words = line[:found.start].strip(" |-,").split()
    return 1 <= len(words) <= 3 and all(w.isalpha() for w in words) and not line[found.end:].strip(" |-,")


def _fields(norm: str, span: Span) -> list[Span]:
    """The fields of a line that a page separates with `|`, each without its spaces."""
    bars = [i for i in range(span[0], span[1]) if norm[i] == "|"]
    fields = []
    for start, end in zip([span[0]] + [b + 1 for b in bars], bars + [span[1]]):
        piece = norm[start:end]
        first = start + len(piece) - len(piece.lstrip())
        last = start + len(piece.rstrip())
        if last > first:
            fields.append((first, last))
    return fields


def _outlet_of(line: str) -> str | None:
    """The place an outlet credit names (`Báo Sơn La`; the places stage checks that it is
    a province)."""
    if not line or len(line.split()) > 8:
        return None
    return outlet_province(line)


def _join_wrapped(norm: str, lines: list[Span]) -> list[Span]:
    """A page saved with hard line breaks inside paragraphs (lines cut at one width, most
    ending mid-sentence): a line that does not end a sentence continues on the next."""
    long = [s for s in lines if s[1] - s[0] >= 50]
    if len(long) < 4:
        return lines
    width = max(b - a for a, b in long)
    # cut at a word boundary, a wrapped line falls short of the width by a word at most
    wrapped = [s for s in long if s[1] - s[0] >= width - 15 and norm[s[1] - 1] not in _ENDS]
    if len(wrapped) < 4 or len(wrapped) * 2 < len(long):
        return lines
    joined: list[Span] = []
    for span in lines:
        if joined and norm[joined[-1][1] - 1] not in _ENDS and not _DATELINE.match(norm, span[0]):
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


_ENDS = ".!?:;…\"')"


def _unrepeated(norm: str, sentences: list[Span]) -> list[Span]:
    """Pages print a paragraph twice (the lead again under the photo, a block repeated by
    the scraper): a sentence said word for word before is not said again."""
    seen: set[str] = set()
    kept = []
    for start, end in sentences:
        key = " ".join(norm[start:end].split())
        if len(key) > 40 and key in seen:
            continue
        seen.add(key)
        kept.append((start, end))
    return kept


# A news lead opens with its date: `Ngày 6/1, …`, `Chiều nay (29/12), …`, `Sáng 15-3, …`.
_LEAD_START = re.compile(r"^(?:(?:sáng|trưa|chiều|tối)\s+(?:nay|qua|ngày)?\s*|ngày\s+|hôm\s+(?:nay|qua)\s*)?\(?\d{1,2}\s*[/.-]\s*\d{1,2}"
                         r"|^(?:sáng|trưa|chiều|tối|hôm)\s+(?:nay|qua)\b", re.I)


def _is_paragraph(line: str) -> bool:
    """A line of the story itself, not of the page's head (site name, menus, headline)."""
    words = len(line.split())
    if _DATELINE.match(line) or (words >= 8 and _LEAD_START.match(line)):
        return True
    # a headline may be long, but it has no full stop
    ends = line.rstrip().endswith((".", "…", ":", ";", "!", "?"))
    return (ends and words >= 20) or (words >= 25 and ". " in line) or words >= 60


def _is_site_header(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    folded = _lower(line)
    return (bool(letters) and all(ch.isupper() for ch in letters) and len(line.split()) > 3) or \
        folded.startswith(("báo ", "cổng ", "trang ")) and len(line.split()) <= 8


def _take_headline(norm: str, text: str, content: list[Span], layout: Layout) -> list[Span]:
    """The headline is the longest short line above the first paragraph (site names,
    categories, a byline under the headline are shorter); the lines above the story are
    dropped. A page with no paragraph-like line keeps its first line as the headline."""
    first = next((k for k, span in enumerate(content) if _is_paragraph(norm[span[0]:span[1]])), None)
    if first is None:
        if len(content) > 1 and not _masthead_only(norm[content[0][0]:content[0][1]]):
            layout.title = content[0]
            return content[1:]
        return content
    head = [span for span in content[:first] if not _is_site_header(norm[span[0]:span[1]])
            or (span != content[0] and _names_in_capitals(norm[span[0]:span[1]]))]
    if layout.author is None:
        for span in head:
            line = norm[span[0]:span[1]]
            # `Thu Hà`, `THANH HUYỀN - VĨNH THÀNH` (two reporters)
            names = [w for w in line.replace("–", "-").split() if w != "-"]
            if 2 <= len(names) <= (6 if " - " in line.replace("–", "-") else 4) and looks_like_byline(line) \
                    and not _lower(line) in _boilerplate()[0] \
                    and not any(ch.isdigit() for ch in line) and len(head) > 1 and span != head[0]:
                layout.author = author_from(line, text[span[0]:span[1]])
                head = [h for h in head if h != span]
                break
    titles = [span for span in head if not _CAPTION.search(norm, span[0], span[1])
              and not _masthead_only(norm[span[0]:span[1]])]
    if titles:
        layout.title = max(titles, key=lambda span: (len(norm[span[0]:span[1]].split()), -span[0]))
    layout.furniture.extend(span for span in content[:first] if span != layout.title)
    return content[first:]


# `(VTC News) -`, `ĐBP -`, `(Cổng TTĐT tỉnh Hà Giang)-`: a dateline standing on its own
# line, before the story; a headline never ends on the dash that leads into a story.
_DATELINE_ONLY = re.compile(r"^\(?[^\s()][^()]{0,40}\)?\s*[-–]\s*$|^\([^()]{2,40}\)\s*$")


def _masthead_only(line: str) -> bool:
    """A dateline, an outlet's credit or a date alone on the line: no headline (a page
    whose text starts with its dateline has none)."""
    stripped = line.strip()
    if _DATELINE_ONLY.match(stripped) and len(stripped.split()) <= 6 or outlet_province(stripped):
        return True
    found = find_date_line(stripped.lower())
    return found is not None and is_date_only(stripped.lower(), found)


def _names_in_capitals(line: str) -> bool:
    """`THANH HUYỀN - VĨNH THÀNH`: a byline in capitals, not a site's name."""
    parts = [p.split() for p in line.replace("–", "-").split(" - ")]
    return len(parts) > 1 and all(2 <= len(p) <= 3 for p in parts)


def _headline_like(line: str) -> bool:
    return len(line.split()) <= 30 and not line.rstrip().endswith(".")


def _is_category(line: str) -> bool:
    words = [w for w in line.replace("-", " ").replace("|", " ").split()]
    return 0 < len(words) <= 4 and not any(ch.isdigit() for ch in line) and not line.rstrip().endswith((".", ":"))


# Vietnamese capitals and small letters as explicit classes (`À-Ỹ` would mix both cases).
_UPPER = re.escape("".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper()))
_LOWER = re.escape("".join(c for c in map(chr, range(0x61, 0x1EFA)) if c.islower()))
_NAME_TAIL = re.compile(rf"(?:đồng chí|Đồng chí|Đ/c|đ/c|ông|Ông|bà|Bà)\s*(?:[{_UPPER}][^\W\d_]*\s+){{0,3}}[{_UPPER}][^\W\d_]*$")
_NAME_HEAD = re.compile(rf"^[{_UPPER}][^\W\d_]*(?:\s*[,;:)\-]|\s+[{_LOWER}])")


def _join_broken_names(norm: str, lines: list[Span]) -> list[Span]:
    """`Đồng chí Nguyễn Thị Thu` / `Hằng, Bí thư …`: a line that ends inside a name (right
    after `đồng chí`, `ông`, `bà`) continues on the next line, as does one that a line in
    lower case follows."""
    joined: list[Span] = []
    for span in lines:
        if joined:
            previous = norm[joined[-1][0]:joined[-1][1]]
            current = norm[span[0]:span[1]]
            if _NAME_TAIL.search(previous) and _NAME_HEAD.match(current) and len(previous.split()) > 3 or (
                    current[:1].islower() and previous[-1:] not in _ENDS and len(previous.split()) > 3):
                # a paragraph never opens in lower case: `… Chủ tịch Hội đồng nhân dân` / `huyện; …`
                joined[-1] = (joined[-1][0], span[1])
                continue
        joined.append(span)
    return joined


# ---- sentences -----------------------------------------------------------------------

_SENTENCE_END = re.compile(rf"(?<=[.!?…])[\"')\]]*\s+(?=[\"'(\[]?[{_UPPER}0-9])")
# `TP. Điện Biên Phủ`, `ThS. Nguyễn …`: a dot after these ends no sentence
_ABBREVIATED = re.compile(r"(?:^|[\s(])(?:TP|Tp|TX|TT|Q|P|ThS|TS|PGS|GS|BS|Th\.S|Đ/c|đ/c|St|Mr|Ms)\.$")


def split_sentences(norm: str, lines: list[Span]) -> list[Span]:
    """Sentences within each content line (a line is never crossed: paragraphs and
    captions end sentences)."""
    spans: list[Span] = []
    for start, end in lines:
        cursor = start
        for match in _SENTENCE_END.finditer(norm, start, end):
            if _ABBREVIATED.search(norm, max(start, match.start() - 8), match.start()):
                continue
            if match.start() > cursor:
                spans.append((cursor, match.start()))
            cursor = match.end()
        if end > cursor:
            spans.append((cursor, end))
    return spans

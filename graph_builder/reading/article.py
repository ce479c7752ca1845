"""Reading a file into an `Article`: its text, title, byline, publication date, dateline
code and sentences. The extraction stages then fill in persons and meetings."""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .decoding import decode_bytes
from .html import html_text
from .layout import read_layout
from ..text import canonical, normalise, read_text

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
    outlet: str | None = None           # the place an outlet credit names (`Báo Sơn La`)
    body: Span = (0, 0)
    sentences: list[Span] = field(default_factory=list)
    furniture: list[Span] = field(default_factory=list)   # page head: menus, site names, breadcrumbs
    captions: list[Span] = field(default_factory=list)    # photo captions within the body
    # where a web page came from (None for a file of text)
    url: str | None = None
    site_name: str | None = None        # the outlet's name as the page gives it
    date_source: str | None = None      # where `published` came from: text or metadata
    retrieved: str | None = None        # when the page was fetched (ISO dateTime, UTC)
    # filled by the stages
    mentions: list = field(default_factory=list)
    persons: list = field(default_factory=list)
    context: object | None = None
    meetings: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    # notes from reading the file (a guessed encoding); the build reports them
    warnings: list[str] = field(default_factory=list)

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


# ---- reading a file ---------------------------------------------------------------------

# A news article is a few kilobytes; a file this large is a dump or a mistake, and the
# whole text must sit in memory (every offset in the graph refers to it), so it is
# skipped with a message rather than read.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm")


def read_file(path: str | Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Read and parse one article file (text, or an HTML page saved from a browser, read
    by the built-in reader `html.py`); `sources.read_article`, the public one, reads a
    page as `vnkg build` does, through trafilatura. The identifier is the file name without extension. A file that cannot be an article is an
    InputError naming it; something worth knowing about one that can (a guessed encoding)
    goes in `article.warnings`.

    >>> read_file("seeds/003_3efc173e9c33baf7.txt").id
    '003_3efc173e9c33baf7'
    """
    path = Path(path)
    where = str(path)
    data = _read_bytes(path, max_bytes)
    warnings: list[str] = []
    if path.suffix.lower() in HTML_SUFFIXES:
        page = html_text(data, where)
        text, warnings = page.text, page.warnings
    else:
        decoded = decode_bytes(data, where)
        text = decoded.text
        if decoded.guessed:
            warnings.append(f"not UTF-8; read as {decoded.encoding} (check the text)")
    if not text.strip():
        raise InputError("no text (the file holds only whitespace" +
                         (" and markup)" if path.suffix.lower() in HTML_SUFFIXES else ")"),
                         where=where, hint="remove it or add the article text")
    article = parse_article(path.stem, text)
    article.warnings.extend(warnings)
    return article


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n % (1024 * 1024) == 0 else f"{n:,} bytes"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device would block or never end.
            raise InputError("not a regular file", where=str(path), hint="name article files or folders")
        if info.st_size > max_bytes:
            raise InputError(f"too large ({info.st_size:,} bytes; an article may be at most "
                             f"{_size(max_bytes)})", where=str(path),
                             hint="split it into one file per article")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(f"cannot read file ({reason})", where=str(path),
                         hint="check its permissions" if isinstance(exc, PermissionError) else None) from None
    if len(data) > max_bytes:   # grew since stat
        raise InputError(f"too large (over {max_bytes:,} bytes)", where=str(path),
                         hint="split it into one file per article")
    return data


def parse_article(article_id: str, raw: str) -> Article:
    """An `Article` from its identifier and text (no file needed).

    >>> parse_article("a1", "Hội nghị giao ban quý I\\nSáng 12/3, Tỉnh ủy tổ chức hội nghị.").title
    'Hội nghị giao ban quý I'
    """
    article = Article(id=article_id, text=read_text(raw))
    layout = read_layout(article.norm, article.text)
    article.title = canonical(article.text[layout.title[0]:layout.title[1]]) if layout.title else None
    article.title_span = layout.title
    article.author, article.published, article.dateline = layout.author, layout.published, layout.dateline
    article.outlet, article.furniture, article.captions = layout.outlet, layout.furniture, layout.captions
    article.body, article.sentences = layout.body, layout.sentences
    return article

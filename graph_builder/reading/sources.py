"""Sources: a file that holds one article (`.txt`, `.html`) or many (a WARC file, a JSON
lines file), and the entries they hold, each of which becomes an `Article`.

An entry is what the build extracts, shards and keeps a content hash for: it names its
file, its article identifier (the file name without extension, or, for a page of a WARC
or JSON lines file, one made from its URL) and where in the file the article is.
Listing the entries of a WARC or JSON lines file reads only record headers and JSON,
never the pages: the pages are read where they are extracted, in parallel.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import jsonl, warc
from .article import HTML_SUFFIXES, MAX_ARTICLE_BYTES, Article, _read_bytes, parse_article, read_file
from .urls import url_id

SOURCE_SUFFIXES = warc.WARC_SUFFIXES + jsonl.JSONL_SUFFIXES
# How a saved `.html` page is read: "trafilatura" (then the layout rules), or "builtin"
# (`html.py`, then the layout rules). See the README for the comparison that chose it.
HTML_READER = "trafilatura"


@dataclass(frozen=True)
class Entry:
    """One article of a source: `offset` is None for a file that is one article."""
    path: str
    id: str
    offset: int | None = None
    number: int = 0             # a JSON line's number
    url: str | None = None

    @property
    def where(self) -> str:
        """The article as a message names it: the file, and the page's URL or line."""
        if self.offset is None:
            return self.path
        if warc.is_warc(self.path):
            return f"{self.path} [{self.url}]"
        return f"{self.path}:{self.number}"


def is_source(path: str | Path) -> bool:
    """A file that holds many articles (a WARC or JSON lines file)."""
    return warc.is_warc(path) or jsonl.is_jsonl(path)


def list_entries(path: str | Path) -> tuple[list[Entry], list[tuple[str, str]]]:
    """The articles a file holds, and the parts of it that could not be read (`where`,
    reason): a damaged WARC record, a line that is not a JSON object.

    >>> list_entries("seeds/003_3efc173e9c33baf7.txt")[0][0].id
    '003_3efc173e9c33baf7'
    """
    name = str(path)
    if warc.is_warc(name):
        records, problems = warc.scan_warc(name)
        return [Entry(name, url_id(r.url), r.offset, url=r.url) for r in records], problems
    if jsonl.is_jsonl(name):
        lines, problems = jsonl.scan_jsonl(name)
        stem = Path(name).name[:-len(".jsonl")]
        return [Entry(name, url_id(line.url) if line.url else f"{stem}-{line.number}", line.offset,
                      line.number, line.url) for line in lines], problems
    return [Entry(name, Path(name).stem)], []


def read_article(path: str | Path) -> Article:
    """Read and parse one article file as `vnkg build` reads it (`.txt`, or an `.html`
    page through trafilatura and the layout rules); the identifier is the file name
    without extension. A file that cannot be an article is an InputError naming it.

    >>> read_article("seeds/003_3efc173e9c33baf7.txt").id
    '003_3efc173e9c33baf7'
    """
    return read_entry(Entry(str(path), Path(path).stem))


def read_entry(entry: Entry) -> Article:
    """The article of an entry (see `list_entries`)."""
    if entry.offset is None:
        if HTML_READER == "trafilatura" and entry.path.lower().endswith(HTML_SUFFIXES):
            data = _read_bytes(Path(entry.path), MAX_ARTICLE_BYTES)
            return _page_article(entry, data, None, None)
        return read_file(entry.path)
    if warc.is_warc(entry.path):
        response = warc.read_response(entry.path, entry.offset, MAX_ARTICLE_BYTES)
        return _page_article(entry, response.body, response.url, _utc(response.date))
    item = jsonl.read_line(entry.path, jsonl.Line(entry.offset, entry.number, entry.url))
    text = item.text if not item.title or item.text.lstrip().startswith(item.title) \
        else f"{item.title}\n\n{item.text}"
    article = parse_article(entry.id, text)
    return with_provenance(article, url=item.url, site_name=item.site_name, author=item.author,
                           date=item.date, retrieved=_utc(item.retrieved))


def _page_article(entry: Entry, data: bytes, url: str | None, retrieved: str | None) -> Article:
    from .web import read_page
    page = read_page(data, entry.where, url)
    article = parse_article(entry.id, page.text)
    article.warnings.extend(page.warnings)
    printed = None if article.published else _printed_date(data, entry.where)
    return with_provenance(article, url=url or page.url, site_name=page.site_name, author=page.author,
                           date=page.date, printed=printed, retrieved=retrieved)


def _printed_date(data: bytes, where: str) -> str | None:
    """The date line the page prints, as the built-in reader finds it: trafilatura leaves
    a page's date line out of the text with the rest of its header."""
    from .html import html_text
    from .layout import read_layout
    from ..text import normalise, read_text
    text = read_text(html_text(data, where).text)
    return read_layout(normalise(text), text).published


def with_provenance(article: Article, *, url: str | None, site_name: str | None, author: str | None,
                    date: str | None, retrieved: str | None, printed: str | None = None) -> Article:
    """Fill in what the page's metadata says where the text says nothing: the byline, the
    date (then `date_source` is `metadata`), and keep its URL, outlet and retrieval time.
    The retrieval time is never taken for the publication date: an archive's crawl may
    come years after the page, and a guessed year would date every meeting wrongly. A date line
    the page prints outside the text (`printed`) is taken, with its time of day, where
    the metadata gives none or the same day: a page's header may print today's date."""
    article.url, article.site_name, article.retrieved = url, site_name, retrieved
    if not article.author and author:
        article.author = author
    if not article.published and printed and (not date or printed[:10] == date):
        article.published = printed
    if article.published:
        article.date_source = "text"
    elif date:
        article.published, article.date_source = date, "metadata"
    return article


def _utc(value: str | None) -> str | None:
    """An ISO 8601 time as UTC `YYYY-MM-DDTHH:MM:SSZ` (None if it is not one)."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


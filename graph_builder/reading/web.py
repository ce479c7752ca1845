"""A web page through the field's libraries: trafilatura finds the main text, the
headline, the author and the site's name; htmldate (inside trafilatura) the date the page's
metadata gives. The text is then laid out as a plain-text article (headline, then one
paragraph a line with a blank line between them), so the layout rules read its date line,
byline and dateline as they read any article.

A page is only text here: nothing is fetched, and nothing is loaded at run time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import InputError
from .decoding import decode_bytes
from .html import _CHARSET

# lxml refuses a tree deeper than this unless asked (`huge_tree`), and trafilatura then
# returns nothing; a page nested deeper than any real layout is refused first, by a count
# of open tags, so the reason is clear.
MAX_DEPTH = 250
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>")
_VOID = {b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
         b"param", b"source", b"track", b"wbr", b"p", b"li", b"option", b"td", b"tr", b"th", b"dt", b"dd"}


@dataclass
class WebPage:
    """What a page gives: its text laid out as an article, and its metadata."""
    text: str
    title: str | None = None
    author: str | None = None
    site_name: str | None = None
    date: str | None = None                 # ISO date from the page's metadata
    url: str | None = None                  # the URL the page gives itself (canonical link)
    warnings: list[str] = field(default_factory=list)


def read_page(data: bytes, where: str, url: str | None = None) -> WebPage:
    """The article of an HTML page's bytes, through trafilatura. A page with no main text
    (a list of links, an error page), or nested too deep to be a page, is an InputError.

    >>> page = read_page(b"<html><head><title>T</title></head><body><article><h1>Giao ban</h1>"
    ...     b"<p>S\\xc3\\xa1ng 12/3/2024, Huy\\xe1\\xbb\\x87n \\xe1\\xbb\\xa7y t\\xe1\\xbb\\x95 ch\\xe1\\xbb\\xa9c h\\xe1\\xbb\\x99i ngh\\xe1\\xbb\\x8b"
    ...     b" giao ban qu\\xc3\\xbd I n\\xc4\\x83m 2024.</p></article></body></html>", "a.html")
    >>> page.text.splitlines()[0]
    'Giao ban'
    """
    _check_depth(data, where)
    match = _CHARSET.search(data[:8192])
    declared = match.group(1).decode("ascii", "replace") if match else None
    decoded = decode_bytes(data, where, declared=declared)
    import trafilatura
    document = trafilatura.bare_extraction(
        decoded.text, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, deduplicate=False,
        # metadata only: a date guessed from anywhere in the page would not be the page's
        date_extraction_params={"extensive_search": False, "original_date": True})
    if document is None or not (document.text or "").strip():
        raise InputError("no article text in the page (trafilatura found no main text)", where=where,
                         hint="check that it is an article page, not a list or an error page")
    lines = [" ".join(line.split()) for line in document.text.split("\n")]
    lines = [line for line in lines if line]
    title = " ".join((document.title or "").split()) or None
    if title and lines[0] != title:
        lines.insert(0, title)
    page = WebPage("\n\n".join(lines) + "\n", title=title, author=_clean(document.author),
                   site_name=_clean(document.sitename), date=_iso_date(document.date),
                   url=_clean(document.url) if (document.url or "").startswith(("http://", "https://")) else None)
    if decoded.guessed:
        page.warnings.append(f"not UTF-8 and no <meta charset>; read as {decoded.encoding} (check the text)")
    return page


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _iso_date(value: str | None) -> str | None:
    return value if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None


def _check_depth(data: bytes, where: str) -> None:
    """Refuse markup nested deeper than MAX_DEPTH (an HTML bomb): counted over the tags,
    without building a tree."""
    depth = 0
    for match in _TAG.finditer(data):
        closing, name, selfclosing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or selfclosing:
            continue
        depth += -1 if closing else 1
        if depth > MAX_DEPTH:
            raise InputError(f"HTML nested too deep (over {MAX_DEPTH} levels at byte offset {match.start()})",
                             where=where, hint="it is not a news page; remove it")

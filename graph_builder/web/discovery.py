"""Which pages to fetch: a file of URLs, a portal's sitemap (or sitemap index), or its
RSS or Atom feed, each page with the date its sitemap or feed gives.

Sitemaps and feeds are read with lxml (no entities resolved, nothing fetched by the
parser), not with trafilatura's `sitemaps` and `feeds` modules: those return links
without their dates, which `--since` needs, and fetch by themselves, outside the robots
rules and the delay `vnkg fetch` keeps. URLs are filtered and normalised with courlan
as trafilatura does: pages only (no images, documents, feeds, login or tag pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..errors import InputError, UsageError

MAX_SITEMAPS = 50          # a sitemap index deeper or wider than this is a crawler trap


@dataclass(frozen=True)
class Target:
    """A page to fetch, and the date its sitemap or feed gives (ISO date), if any."""
    url: str
    date: str | None = None


def is_page_url(url: str) -> bool:
    """A URL worth fetching as a news page (courlan's filters: http(s), no file extension
    of an image or document, not a login, feed or navigation page).

    >>> is_page_url("https://baodienbien.vn/tin/a-1.html"), is_page_url("https://baodienbien.vn/a.pdf")
    (True, False)
    """
    from courlan import is_not_crawlable, validate_url
    from courlan.filters import extension_filter, type_filter
    valid, parts = validate_url(url)
    if not valid or parts.scheme not in ("http", "https"):
        return False
    return extension_filter(parts.path) and type_filter(url, strict=False) and not is_not_crawlable(url)


def read_url_list(path: str | Path) -> list[Target]:
    """The URLs of a file, one a line (blank lines and `#` comments ignored)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise UsageError(f"cannot read the list of URLs ({exc.strerror or type(exc).__name__})",
                         where=str(path)) from None
    except UnicodeDecodeError:
        raise InputError("the list of URLs is not UTF-8", where=str(path)) from None
    targets = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not urlsplit(line).scheme.startswith("http"):
            raise InputError(f"not an http(s) URL: {line[:80]!r}", where=f"{path}:{number}",
                             hint="one absolute URL a line")
        targets.append(Target(line))
    return targets


def _tree(content: bytes, where: str):
    from lxml import etree
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        raise InputError("not an XML sitemap or feed", where=where, hint="check the URL")
    return root


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _children(node, name: str):
    return [child for child in node if _local(child.tag) == name]


def _text(node, name: str) -> str | None:
    found = _children(node, name)
    return (found[0].text or "").strip() or None if found else None


def parse_sitemap(content: bytes, url: str) -> tuple[list[Target], list[str]]:
    """The pages of a sitemap (`<url><loc>`, with `<lastmod>`), and the sitemaps a
    sitemap index lists (`<sitemap><loc>`)."""
    root = _tree(content, url)
    pages, sitemaps = [], []
    for node in root.iter():
        kind = _local(node.tag)
        if kind in ("url", "sitemap"):
            loc = _text(node, "loc")
            if not loc:
                continue
            loc = urljoin(url, loc)
            if kind == "sitemap":
                sitemaps.append(loc)
            else:
                pages.append(Target(loc, iso_day(_text(node, "lastmod"))))
    return pages, sitemaps


def parse_feed(content: bytes, url: str) -> list[Target]:
    """The pages of an RSS 2.0 (`<item><link>`, `<pubDate>`) or Atom feed (`<entry><link
    href>`, `<published>` or `<updated>`)."""
    root = _tree(content, url)
    pages = []
    for node in root.iter():
        kind = _local(node.tag)
        if kind == "item":
            link = _text(node, "link") or _text(node, "guid")
            date = _text(node, "pubdate") or _text(node, "date")
        elif kind == "entry":
            links = [l for l in _children(node, "link") if l.get("rel", "alternate") == "alternate"]
            link = links[0].get("href") if links else None
            date = _text(node, "published") or _text(node, "updated")
        else:
            continue
        if link:
            pages.append(Target(urljoin(url, link.strip()), iso_day(date)))
    return pages


def iso_day(value: str | None) -> str | None:
    """The day of a sitemap's W3C date or a feed's RFC 822 date, as `YYYY-MM-DD`.

    >>> iso_day("2024-03-12T08:00:00+07:00"), iso_day("Tue, 12 Mar 2024 08:00:00 +0700")
    ('2024-03-12', '2024-03-12')
    """
    if not value:
        return None
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
    if match:
        return match.group(1)
    try:
        return parsedate_to_datetime(value).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        return None


def parse_since(value: str) -> str:
    """`--since`: a day as `YYYY-MM-DD` (`YYYY-MM` and `YYYY` mean their first day)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if not match or (match.group(3) and not match.group(2)):
        raise UsageError(f"--since {value!r} is not a date", hint="write YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    return f"{year}-{month}-{day}"

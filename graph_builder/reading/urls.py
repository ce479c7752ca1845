"""A page's URL: its canonical form, the article identifier made from it, and its host
(the outlet's name when the page gives none).

The identifier is the host and a short hash of the canonical URL, so the same page has
the same identifier in every WARC file, JSON lines file and build, and a reader can tell
the outlet from it (`baodienbien.vn-1c9e04a7b2d3`).
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit


def canonical_url(url: str) -> str:
    """The URL as courlan normalises it (scheme and host in lower case, default port,
    tracking parameters and the fragment dropped), so two spellings of one page are one.

    >>> canonical_url("HTTPS://Baodienbien.vn:443/tin/a-1.html?utm_source=fb#top")
    'https://baodienbien.vn/tin/a-1.html'
    """
    import courlan
    url = url.strip()
    try:
        normal = courlan.normalize_url(url, strict=True)
    except (ValueError, AttributeError):
        return url
    return normal.split("#")[0] if normal else url


def host_of(url: str) -> str:
    """The host without `www.` (`www.baodienbien.vn` -> `baodienbien.vn`).

    >>> host_of("https://www.baodienbien.vn/tin/a-1.html")
    'baodienbien.vn'
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.port:
        host = f"{host}:{parts.port}"
    return host[4:] if host.startswith("www.") else host


def url_id(url: str) -> str:
    """The article identifier of a page: its host and a hash of its canonical URL.

    >>> url_id("https://www.baodienbien.vn/tin/a-1.html") == url_id("https://baodienbien.vn/tin/a-1.html?utm_medium=x")
    True
    >>> url_id("https://baodienbien.vn/tin/a-1.html").startswith("baodienbien.vn-")
    True
    """
    canonical = canonical_url(url)
    # `www.` or not, portals serve the same page
    key = re.sub(r"^(\w+://)www\.", r"\1", canonical)
    host = re.sub(r"[^a-z0-9.-]+", "-", host_of(canonical)) or "page"
    return f"{host}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"

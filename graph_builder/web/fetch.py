"""`vnkg fetch`: pages from a list of URLs, a sitemap or a feed, politely, into a WARC
file (a request and a response record for each answer), which `vnkg build` reads.

Every answer a server gives is archived, as web archives do (a 404 and a redirect too),
so a fetch that is run again, after an interruption or with a longer list, asks for no
URL the file already holds. What could not be had (a timeout, a refused connection, a
page over 10 MB) is not archived, and is asked for again next time. Nothing stops the run
but the user: every problem is counted in the report.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin, urlsplit

from ..errors import InputError, UsageError
from ..reading.urls import canonical_url
from .client import DEFAULT_DELAY, Answer, Client
from .discovery import MAX_SITEMAPS, Target, is_page_url, parse_feed, parse_sitemap, parse_since, read_url_list

Progress = Callable[[int, int], None]      # (URLs done, URLs in total)
# The least wait between two requests to a host. Lowering it (the environment variable
# VNKG_FETCH_MIN_DELAY) is for tests against a server of one's own.
MIN_DELAY_VARIABLE = "VNKG_FETCH_MIN_DELAY"
MAX_REDIRECTS = 5
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class FetchReport:
    """What a fetch did: pages archived, URLs passed over and why, errors by kind."""
    out: str
    discovered: int = 0                    # URLs listed by the file, sitemap or feed
    fetched: int = 0                       # HTML pages archived (status 200)
    already: int = 0                       # in the WARC file already: not asked again
    robots: int = 0                        # refused by robots.txt
    filtered: int = 0                      # not a page (an image, a PDF link, a login page)
    older: int = 0                         # dated before --since by the sitemap or feed
    redirects: int = 0                     # redirects followed
    errors: dict[str, int] = field(default_factory=dict)     # kind -> count
    problems: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    requests: int = 0

    def count(self, url: str, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1
        self.problems.append((url, kind))

    def summary(self) -> str:
        """One line: pages archived, passed over and why, errors by kind."""
        errors = sum(self.errors.values())
        why = ", ".join(f"{n} {kind}" for kind, n in sorted(self.errors.items(), key=lambda i: (-i[1], i[0])))
        return (f"{self.fetched} pages fetched of {self.discovered} URLs; {self.already} already in the file, "
                f"{self.robots} disallowed by robots.txt, {self.filtered} not pages, {self.older} older than "
                f"--since, {self.redirects} redirects followed, {errors} errors{f' ({why})' if why else ''}; "
                f"{self.requests} requests -> {self.out}")


def fetch(out: str | Path, *, urls: str | Path | None = None, sitemap: str | None = None,
          feed: str | None = None, delay: float = DEFAULT_DELAY, since: str | None = None,
          timeout: float = 30.0, retries: int = 2, progress: Progress | None = None) -> FetchReport:
    """Fetch the pages a list of URLs (`urls`, a file), a `sitemap` or a `feed` names into
    the WARC file `out` (`.warc` or `.warc.gz`), waiting `delay` seconds between two
    requests to a host and obeying robots.txt. URLs already in `out` are not fetched
    again. `since` (`YYYY-MM-DD`) keeps the pages the sitemap or feed dates on or after it.

    >>> report = fetch("crawl.warc.gz", feed="https://baodienbien.vn/rss/chinh-tri.rss")  # doctest: +SKIP
    >>> report.fetched                                                                     # doctest: +SKIP
    20
    """
    if sum(x is not None for x in (urls, sitemap, feed)) != 1:
        raise UsageError("name exactly one of --urls, --sitemap, --feed", hint="e.g. --feed URL")
    if since is not None and urls is not None:
        raise UsageError("--since needs dates, which only a sitemap or a feed gives", hint="use --sitemap or --feed")
    if not str(out).lower().endswith((".warc", ".warc.gz")):
        raise UsageError("the output must be a WARC file", where=str(out), hint="name it *.warc.gz or *.warc")
    least = float(os.environ.get(MIN_DELAY_VARIABLE) or DEFAULT_DELAY)
    if delay < least:
        raise UsageError(f"--delay {delay:g} is under {least:g} s between two requests to a host",
                         hint="a polite crawler waits at least a second; the default is 1")
    since_day = parse_since(since) if since is not None else None
    report = FetchReport(str(out))
    client = Client(delay=delay, timeout=timeout, retries=retries)
    try:
        targets = read_url_list(urls) if urls is not None else _discover(client, sitemap or feed, bool(sitemap))
        archived = _archived(Path(out))
        queue = _screen(targets, since_day, report)
        with open(out, "ab") as handle:
            if handle.tell() == 0:
                _write(handle, out, [_warcinfo(out)])
            for done, target in enumerate(queue, start=1):
                _fetch_one(client, target.url, archived, handle, out, report)
                if progress:
                    progress(done, len(queue))
    finally:
        report.requests = client.requests
    return report


def _discover(client: Client, url: str, is_sitemap: bool) -> list[Target]:
    if not is_sitemap:
        return parse_feed(_document(client, url, "feed"), url)
    pages: list[Target] = []
    queue, seen = [url], set()
    while queue and len(seen) < MAX_SITEMAPS:
        current = queue.pop(0)
        if current in seen:
            continue
        seen.add(current)
        found, children = parse_sitemap(_document(client, current, "sitemap"), current)
        pages.extend(found)
        queue.extend(children)
    return pages


def _document(client: Client, url: str, what: str) -> bytes:
    if not client.allowed(url):
        problem = client.robots_problem(url)
        raise InputError(f"cannot fetch robots.txt ({problem}), so not the {what} either" if problem
                         else f"robots.txt does not allow fetching the {what}", where=url,
                         hint="check the URL" if problem else None)
    answer = client.get(url)
    if answer.error or answer.status != 200:
        raise InputError(f"cannot fetch the {what} ({answer.error or f'HTTP {answer.status}'})", where=url,
                         hint="check the URL")
    return answer.body


def _screen(targets: list[Target], since: str | None, report: FetchReport) -> list[Target]:
    """The targets to fetch: each URL once, pages only, and not older than `since`."""
    queue, seen = [], set()
    for target in targets:
        key = canonical_url(target.url)
        if key in seen:
            continue
        seen.add(key)
        report.discovered += 1
        if not is_page_url(target.url):
            report.filtered += 1
        elif since is not None and target.date is not None and target.date < since:
            report.older += 1
        else:
            queue.append(target)
    return queue


def _fetch_one(client: Client, url: str, archived: set[str], handle, out, report: FetchReport) -> None:
    """Fetch `url`, following its redirects, archiving every answer."""
    for hop in range(MAX_REDIRECTS + 1):
        if canonical_url(url) in archived:
            report.already += 1 if hop == 0 else 0
            return
        if not client.allowed(url):
            problem = client.robots_problem(url)
            if problem:
                report.count(url, f"robots.txt unreachable ({problem})")
            else:
                report.robots += 1
            return
        answer = client.get(url)
        if answer.error is not None:
            report.count(url, answer.error)
            return
        _write(handle, out, _records(answer))
        archived.add(canonical_url(url))
        location = answer.header("Location")
        if 300 <= answer.status < 400 and location:
            report.redirects += 1
            url = urljoin(url, location)
            if not is_page_url(url):
                report.filtered += 1
                return
            continue
        kind = answer.header("Content-Type").split(";")[0].strip().lower()
        if answer.status != 200:
            report.count(url, f"HTTP {answer.status}")
        elif kind and kind not in _HTML_TYPES:
            report.count(url, f"not HTML ({kind})")
        else:
            report.fetched += 1
        return
    report.count(url, "too many redirects")


# ---- the WARC file ----------------------------------------------------------------------

def _archived(path: Path) -> set[str]:
    """The URLs answered in an existing WARC file. A record cut short by an interrupted
    fetch is cut off the file (its URL is then fetched again)."""
    if not path.exists():
        return set()
    from warcio.archiveiterator import ArchiveIterator
    urls: set[str] = set()
    end = 0
    with open(path, "rb") as handle:
        if path.name.lower().endswith(".gz"):
            end = _whole_members(handle)
            handle.seek(0)
        iterator = ArchiveIterator(handle, check_digests=False)
        try:
            for record in iterator:
                if record.rec_type == "response":
                    url = record.rec_headers.get_header("WARC-Target-URI") or ""
                iterator.read_to_end(record)
                if not path.name.lower().endswith(".gz"):
                    end = iterator.get_record_offset() + iterator.get_record_length()
                if record.rec_type == "response" and iterator.get_record_offset() < end:
                    urls.add(canonical_url(url))
        except Exception:  # noqa: BLE001 - the tail of an interrupted write
            pass
    if end < path.stat().st_size:
        with open(path, "rb+") as handle:
            handle.truncate(end)
    return urls


def _whole_members(handle) -> int:
    """Where the last complete gzip member of a file ends (each record is one member)."""
    import zlib
    end = offset = 0
    decompressor = zlib.decompressobj(31)
    while chunk := handle.read(1 << 20):
        data = chunk
        while data:
            try:
                decompressor.decompress(data)
            except zlib.error:
                return end
            if not decompressor.eof:
                offset += len(data)
                break
            offset += len(data) - len(decompressor.unused_data)
            end, data = offset, decompressor.unused_data
            decompressor = zlib.decompressobj(31)
    return end


def _warcinfo(out):
    from warcio.warcwriter import WARCWriter
    writer = WARCWriter(io.BytesIO(), gzip=False)
    return writer.create_warcinfo_record(os.path.basename(str(out)), {"software": "vnkg fetch",
                                                                      "format": "WARC File Format 1.1"})


def _records(answer: Answer) -> list:
    """A request record and a response record for one answer."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    writer = WARCWriter(io.BytesIO(), gzip=False)
    parts = urlsplit(answer.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    request = writer.create_warc_record(answer.url, "request", http_headers=StatusAndHeaders(
        f"GET {target} HTTP/1.1", answer.request_headers, is_http_request=True))
    response = writer.create_warc_record(answer.url, "response", payload=io.BytesIO(answer.body),
                                         http_headers=StatusAndHeaders(f"{answer.status} {answer.reason}".strip(),
                                                                       answer.headers, protocol="HTTP/1.1"))
    return [request, response]


def _write(handle, out, records: list) -> None:
    """Records written whole, then flushed: an interruption leaves at most the last cut."""
    from warcio.warcwriter import WARCWriter
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=str(out).lower().endswith(".gz"))
    if len(records) == 2 and records[0].rec_type == "request":
        writer.write_request_response_pair(records[0], records[1])
    else:
        for record in records:
            writer.write_record(record)
    handle.write(buffer.getvalue())
    handle.flush()

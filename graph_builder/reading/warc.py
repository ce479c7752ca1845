"""WARC files (ISO 28500, `.warc` and `.warc.gz`), through warcio: which records are
pages, and one record's page.

Each HTML response with status 200 is a page. Requests, redirects, error responses,
revisits, metadata and non-HTML responses (a PDF, an image) are not articles and are
passed over. A record that cannot be parsed is reported with its byte offset, and reading
goes on from the next record (the next gzip member, or the next `WARC/1.` line), so one
damaged record never hides the rest of the archive.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

WARC_SUFFIXES = (".warc", ".warc.gz")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/1."
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Record:
    """A page found in a WARC file: where its record starts, and its URL."""
    offset: int
    url: str


@dataclass
class Response:
    """One page record read whole."""
    url: str
    date: str | None          # WARC-Date: when it was retrieved (ISO 8601, UTC)
    body: bytes


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def _is_page(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return kind in _HTML_TYPES or kind == ""


def scan_warc(path: str | Path) -> tuple[list[Record], list[tuple[str, str]]]:
    """The pages of a WARC file, in order, and the records that could not be read
    (`where`, reason)."""
    from warcio.archiveiterator import ArchiveIterator
    path = Path(path)
    records: list[Record] = []
    problems: list[tuple[str, str]] = []
    try:
        handle = open(path, "rb")
    except OSError as exc:
        return [], [(str(path), f"cannot read file ({exc.strerror or type(exc).__name__})")]
    gzipped = path.name.lower().endswith(".gz")
    with handle:
        start: int | None = 0
        while start is not None:
            handle.seek(start)
            iterator = ArchiveIterator(handle, check_digests=False)
            last = None
            try:
                for record in iterator:
                    last = start + iterator.get_record_offset()
                    if _is_page(record):
                        url = record.rec_headers.get_header("WARC-Target-URI") or ""
                        records.append(Record(last, url.strip("<> ")))
                return records, problems
            except Exception as exc:  # noqa: BLE001 - warcio and gzip raise many kinds
                if last is None:
                    # the record at `start` itself is damaged: report it, look past it
                    problems.append((f"{path} (record at byte {start})", f"malformed WARC record ({_reason(exc)})"))
                    start = _next_record(handle, start + 1, gzipped)
                else:
                    # a record after `last` is damaged: start again there, to report it
                    start = _next_record(handle, last + 1, gzipped)
    return records, problems


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _next_record(handle, position: int, gzipped: bool) -> int | None:
    """Where the next record may start after `position`: the next gzip member, or the
    next line starting a WARC header."""
    marker = _GZIP_MAGIC if gzipped else _WARC_LINE
    handle.seek(position)
    carry = b""
    base = position
    while True:
        chunk = handle.read(1 << 20)
        if not chunk:
            return None
        data = carry + chunk
        found = data.find(marker)
        if found >= 0:
            return base - len(carry) + found + (0 if gzipped else 1)
        carry = data[-(len(marker) - 1):]
        base += len(chunk)


def read_response(path: str | Path, offset: int, max_bytes: int) -> Response:
    """The page record starting at `offset` (from `scan_warc`). A body over `max_bytes`
    is an InputError."""
    from warcio.archiveiterator import ArchiveIterator
    where = f"{path} (record at byte {offset})"
    with open(path, "rb") as handle:
        handle.seek(offset)
        try:
            record = next(iter(ArchiveIterator(handle, check_digests=False)))
            url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ")
            date = record.rec_headers.get_header("WARC-Date")
            body = record.content_stream().read(max_bytes + 1)
        except Exception as exc:  # noqa: BLE001
            raise InputError(f"malformed WARC record ({_reason(exc)})", where=where) from None
    if len(body) > max_bytes:
        raise InputError(f"page too large (over {max_bytes:,} bytes)", where=f"{path} [{url}]",
                         hint="an article page is a few hundred kilobytes; this one is left out")
    return Response(url, date, body)

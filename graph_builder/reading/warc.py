"""WARC files (ISO 28500, `.warc` and `.warc.gz`), through warcio: which records are
pages, and one record's page.

Each HTML response with status 200 is a page. Requests, redirects, error responses,
revisits, metadata and non-HTML responses (a PDF, an image) are not articles and are
passed over. A record that cannot be parsed is reported with its byte offset, and reading
goes on from the next record (the next gzip member, or the next `WARC/1.` line), so one
damaged record never hides the rest of the archive. (warcio, which reads the records,
stops quietly at such a record; the headers are therefore found here, and warcio reads
each page record from its offset.)
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


_HEAD = 1 << 16        # the WARC and HTTP headers of a record are read from its first 64 KB
_INFLATE = 1 << 20     # output per inflate step: a gzip bomb never fills memory


def scan_warc(path: str | Path) -> tuple[list[Record], list[tuple[str, str]]]:
    """The pages of a WARC file, in order, and the records that could not be read
    (`where`, reason). Only each record's headers are read: a `.warc.gz` member by member
    (one record each, as WARC writers make them), a `.warc` by its Content-Length."""
    path = Path(path)
    records: list[Record] = []
    problems: list[tuple[str, str]] = []
    try:
        handle = open(path, "rb")
    except OSError as exc:
        return [], [(str(path), f"cannot read file ({exc.strerror or type(exc).__name__})")]
    gzipped = path.name.lower().endswith(".gz")
    size = path.stat().st_size
    with handle:
        position: int | None = 0
        while position is not None and position < size:
            try:
                head, end = (_member if gzipped else _plain)(handle, position)
                url = _page_url(head) if head is not None else None
            except ValueError as exc:
                problems.append((f"{path} (record at byte {position})", f"malformed WARC record ({exc})"))
                position = _next_record(handle, position + 1, gzipped)
                continue
            if url is not None:
                records.append(Record(position, url))
            position = end
    return records, problems


def _member(handle, start: int) -> tuple[bytes | None, int]:
    """The first bytes of the gzip member at `start` inflated, and where it ends."""
    import zlib
    handle.seek(start)
    inflater = zlib.decompressobj(31)
    head = bytearray()
    consumed = 0
    while not inflater.eof:
        chunk = handle.read(1 << 16)
        if not chunk:
            raise ValueError("cut short")
        data = chunk
        try:
            while data and not inflater.eof:
                out = inflater.decompress(data, _INFLATE)
                if len(head) < _HEAD:
                    head += out[:_HEAD - len(head)]
                data = inflater.unconsumed_tail
        except zlib.error as exc:
            raise ValueError(f"not gzip data: {exc}") from None
        consumed += len(chunk) - (len(inflater.unused_data) if inflater.eof else 0)
    return (bytes(head) if head.strip() else None), start + consumed


def _plain(handle, start: int) -> tuple[bytes | None, int]:
    """The headers of the uncompressed record at `start`, and where it ends."""
    handle.seek(start)
    head = handle.read(_HEAD)
    if not head.strip():
        return None, start + len(head) if len(head) < _HEAD else start + _HEAD
    skipped = len(head) - len(head.lstrip(b"\r\n"))
    fields, block = _fields(head[skipped:])
    try:
        length = int(fields.get("content-length", ""))
    except ValueError:
        raise ValueError("no valid Content-Length") from None
    end = start + skipped + block + length
    handle.seek(end)
    if handle.read(4) != b"\r\n\r\n":
        raise ValueError("the record does not end where its Content-Length says")
    return head[skipped:], end + 4


def _fields(head: bytes) -> tuple[dict[str, str], int]:
    """The WARC header fields of a record's first bytes, and the header block's length."""
    if not head.startswith(b"WARC/1."):
        raise ValueError(f"not a WARC header: {head[:30]!r}")
    block = head.find(b"\r\n\r\n")
    if block < 0:
        raise ValueError("the WARC header does not end")
    fields = {}
    for line in head[:block].split(b"\r\n")[1:]:
        name, colon, value = line.partition(b":")
        if not colon:
            raise ValueError(f"a WARC header line without a colon: {line[:30]!r}")
        fields[name.strip().lower().decode("latin-1")] = value.strip().decode("utf-8", "replace")
    return fields, block + 4


def _page_url(head: bytes) -> str | None:
    """The URL of a record that is an HTML page answered with 200, else None."""
    fields, block = _fields(head)
    if fields.get("warc-type") != "response" or "application/http" not in fields.get("content-type", ""):
        return None
    http = head[block:]
    status_line, _, rest = http.partition(b"\r\n")
    parts = status_line.split()
    if len(parts) < 2 or parts[1] != b"200":
        return None
    kind = ""
    for line in rest.split(b"\r\n\r\n")[0].split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-type":
            kind = value.decode("latin-1").split(";")[0].strip().lower()
    if kind and kind not in _HTML_TYPES:
        return None
    return fields.get("warc-target-uri", "").strip("<> ") or None


def _next_record(handle, position: int, gzipped: bool) -> int | None:
    """Where the next record may start after `position`: the next gzip member, or the
    next line starting a WARC header."""
    marker = _GZIP_MAGIC if gzipped else _WARC_LINE
    handle.seek(position)
    carry, base = b"", position
    while chunk := handle.read(1 << 20):
        data = carry + chunk
        found = data.find(marker)
        if found >= 0:
            return base - len(carry) + found + (0 if gzipped else 1)
        carry = data[-(len(marker) - 1):]
        base += len(chunk)
    return None


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


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

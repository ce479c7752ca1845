"""A polite HTTP client: it names itself, asks each host's robots.txt first and obeys it,
waits between two requests to the same host, and retries what may pass (a timeout, a
dropped connection, a 5xx or 429 answer) with a growing wait.

Redirects are not followed here: the caller records each answer and decides.
"""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urlsplit

USER_AGENT = "vnkg (+https://w3id.org/vnkg; a knowledge graph of Vietnamese local news)"
ROBOTS_NAME = "vnkg"
DEFAULT_DELAY = 1.0          # seconds between two requests to one host
MAX_BYTES = 10 * 1024 * 1024
_PASSING = (429, 500, 502, 503, 504)      # answers worth asking again, after a wait


@dataclass
class Answer:
    """What a server answered (or `error`, a short reason, when nothing usable came)."""
    url: str
    status: int = 0
    reason: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None

    def header(self, name: str) -> str:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), "")


class Client:
    """One client per fetch; `delay` (seconds) between requests to a host, at least the
    host's robots.txt `Crawl-delay`."""

    def __init__(self, *, delay: float = DEFAULT_DELAY, timeout: float = 30.0, retries: int = 2,
                 max_bytes: int = MAX_BYTES) -> None:
        import urllib3
        self.delay, self.timeout, self.retries, self.max_bytes = delay, timeout, retries, max_bytes
        self.pool = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(connect=timeout, read=timeout))
        self.last: dict[str, float] = {}          # host -> when its last request ended
        self.robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self.unreachable: dict[str, str] = {}     # host -> why its robots.txt could not be had
        self.requests = 0

    # ---- robots.txt ------------------------------------------------------------------

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets vnkg fetch `url` (fetched once per host: a
        missing robots.txt allows everything; a host whose robots.txt cannot be had at
        all, or refuses access to it, is left alone)."""
        parts = urlsplit(url)
        host = parts.netloc.lower()
        if host not in self.robots:
            self.robots[host] = self._robots(f"{parts.scheme}://{parts.netloc}/robots.txt")
        rules = self.robots[host]
        return rules is not None and rules.can_fetch(ROBOTS_NAME, url)

    def robots_problem(self, url: str) -> str | None:
        """Why the host's robots.txt could not be had (its pages are then left alone)."""
        return self.unreachable.get(urlsplit(url).netloc.lower())

    def _robots(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        answer = self.get(url)
        rules = urllib.robotparser.RobotFileParser(url)
        if answer.error or answer.status >= 500 or answer.status in (401, 403):
            self.unreachable[urlsplit(url).netloc.lower()] = answer.error or f"HTTP {answer.status}"
            return None
        if answer.status >= 400 or not 200 <= answer.status < 300:
            rules.allow_all = True
            return rules
        rules.parse(answer.body.decode("utf-8", "replace").splitlines())
        return rules

    def host_delay(self, host: str) -> float:
        rules = self.robots.get(host)
        crawl_delay = rules.crawl_delay(ROBOTS_NAME) if rules is not None else None
        return max(self.delay, float(crawl_delay or 0))

    # ---- requests --------------------------------------------------------------------

    def get(self, url: str) -> Answer:
        """GET `url` once politely, with retries; never raises for a network problem."""
        answer = Answer(url)
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.delay * 2 ** (attempt - 1))
            answer = self._get_once(url)
            passing = answer.error == "timeout" or (answer.error or "").startswith("connection failed") \
                or (answer.error is None and answer.status in _PASSING)
            if not passing:
                return answer
        return answer

    def _wait(self, host: str) -> None:
        last = self.last.get(host)
        if last is not None:
            pause = last + self.host_delay(host) - time.monotonic()
            if pause > 0:
                time.sleep(pause)

    def _get_once(self, url: str) -> Answer:
        import urllib3
        host = urlsplit(url).netloc.lower()
        headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                   "Accept-Encoding": "gzip, deflate", "Accept-Language": "vi,en;q=0.5"}
        answer = Answer(url, request_headers=[("Host", host), *headers.items()])
        self._wait(host)
        self.requests += 1
        try:
            response = self.pool.request("GET", url, headers=headers, redirect=False, preload_content=False)
            try:
                body = response.read(self.max_bytes + 1, decode_content=True)
                if len(body) > self.max_bytes:
                    answer.error = "too large"
                    return answer
            finally:
                response.release_conn()
        except urllib3.exceptions.NewConnectionError:      # refused (a subclass of a timeout)
            answer.error = "connection failed (refused)"
            return answer
        except urllib3.exceptions.TimeoutError:
            answer.error = "timeout"
            return answer
        except urllib3.exceptions.LocationValueError as exc:
            answer.error = f"invalid URL ({exc})"
            return answer
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            answer.error = f"connection failed ({type(exc).__name__})"
            return answer
        finally:
            self.last[host] = time.monotonic()
        answer.status, answer.reason, answer.body = response.status, response.reason or "", body
        # the body is kept decoded: its length and encoding headers are made to say so
        answer.headers = [(k, v) for k, v in response.headers.items()
                          if k.lower() not in ("content-encoding", "transfer-encoding", "content-length")]
        answer.headers.append(("Content-Length", str(len(body))))
        return answer

"""A portal on 127.0.0.1 for the fetch tests: the fixture pages, robots.txt with one path
disallowed, a sitemap, an RSS feed, a 404, a redirect, a slow page and a PDF. It records
every request it is sent."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).resolve().parent.parent / "data" / "web" / "pages"
HTML = "text/html; charset=utf-8"


class Portal:
    """`routes`: path -> (status, content type, body, extra headers, seconds to wait)."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        self.agents: set[str] = set()
        self.routes: dict[str, tuple] = {}
        portal = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                portal.hits.append(self.path)
                portal.agents.add(self.headers.get("User-Agent", ""))
                route = portal.routes.get(self.path)
                if route is None:
                    route = (404, HTML, "<html><body><h1>Không tìm thấy trang</h1></body></html>".encode(), {}, 0)
                status, kind, body, headers, wait = route
                if wait:
                    time.sleep(wait)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def add(self, path: str, body: bytes | str, *, status: int = 200, kind: str = HTML,
            headers: dict | None = None, wait: float = 0) -> str:
        self.routes[path] = (status, kind, body.encode() if isinstance(body, str) else body, headers or {}, wait)
        return self.url + path

    def __enter__(self) -> "Portal":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def portal_site(portal: Portal) -> dict[str, str]:
    """The fixture portal: six article pages under /tin/ (one of them disallowed by
    robots.txt), a sitemap and a feed listing them with dates, and the hostile cases.
    Returns the URLs by name."""
    urls = {}
    pages = sorted(PAGES.glob("*.html"))
    for page in pages:
        urls[page.stem] = portal.add(f"/tin/{page.stem}.html", page.read_bytes())
    portal.add("/robots.txt", "User-agent: *\nDisallow: /tin/yen_minh_ky_hop.html\nDisallow: /noi-bo/\n",
               kind="text/plain")
    urls["redirect"] = portal.add("/bai-cu/giao-ban.html", b"", status=301,
                                  headers={"Location": "/tin/muong_ang_giao_ban.html"})
    urls["missing"] = portal.url + "/tin/khong-con.html"
    urls["slow"] = portal.add("/tin/cham.html", (PAGES / "tan_lac_hoi_nghi.html").read_bytes(), wait=3)
    urls["pdf"] = portal.add("/van-ban/ke-hoach-42", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n",
                             kind="application/pdf")
    urls["pdf_link"] = portal.url + "/van-ban/ke-hoach-43.pdf"
    dates = ["2023-11-28", "2023-08-18", "2024-03-12", "2023-09-06", "2023-07-13", "2023-12-20"]
    entries = "".join(f"<url><loc>{urls[p.stem]}</loc><lastmod>{d}</lastmod></url>" for p, d in zip(pages, dates))
    portal.add("/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
               f'"http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>', kind="application/xml")
    items = "".join(f"<item><title>Tin {i}</title><link>{urls[p.stem]}</link><pubDate>{d}</pubDate></item>"
                    for i, (p, d) in enumerate(zip(pages, ["Tue, 28 Nov 2023 09:05:00 +0700",
                                                          "Fri, 18 Aug 2023 07:30:00 +0700",
                                                          "Tue, 12 Mar 2024 15:20:00 +0700",
                                                          "Wed, 06 Sep 2023 08:00:00 +0700",
                                                          "Thu, 13 Jul 2023 16:40:00 +0700",
                                                          "Wed, 20 Dec 2023 08:00:00 +0700"])))
    portal.add("/rss/tin-tuc.rss", f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
               f"<title>Tin tức</title><link>{portal.url}/</link>{items}</channel></rss>",
               kind="application/rss+xml")
    return urls


def merged(dataset):
    """Every triple of a build's dataset in one graph."""
    from rdflib import Graph
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph

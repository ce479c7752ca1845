"""`vnkg fetch` against a portal on 127.0.0.1: robots.txt, redirects, errors, the delay,
a resumed fetch, sitemaps and feeds with --since, then `vnkg build` on the WARC file."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from graph_builder import InputError, UsageError, build_graph, fetch, validate_graph
from graph_builder.model.rdf import SCHEMA, PROV, VNKG

from .portal import Portal, merged, portal_site


@pytest.fixture
def portal(monkeypatch):
    # the tests' own server answers at once: the one-second politeness floor is lowered
    monkeypatch.setenv("VNKG_FETCH_MIN_DELAY", "0")
    with Portal() as server:
        server.urls = portal_site(server)
        yield server


def _url_list(tmp_path, portal, *names):
    path = tmp_path / "urls.txt"
    path.write_text("# trang cần tải\n" + "\n".join(portal.urls[n] for n in names) + "\n\n", encoding="utf-8")
    return path


def _warc_records(path):
    from warcio.archiveiterator import ArchiveIterator
    with open(path, "rb") as handle:
        return [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"),
                 r.http_headers.get_statuscode() if r.http_headers else None)
                for r in ArchiveIterator(handle)]


EVERY_CASE = ("muong_ang_giao_ban", "yen_minh_ky_hop", "redirect", "missing", "slow", "pdf", "pdf_link",
              "bao_lam_tiep_xuc_cu_tri")


def test_fetch_obeys_robots_redirects_and_counts_every_error(tmp_path, portal):
    out = tmp_path / "crawl.warc.gz"
    report = fetch(out, urls=_url_list(tmp_path, portal, *EVERY_CASE), delay=0, timeout=1, retries=1)
    assert (report.discovered, report.fetched, report.robots, report.filtered, report.redirects) == (8, 2, 1, 1, 1)
    assert report.errors == {"HTTP 404": 1, "timeout": 1, "not HTML (application/pdf)": 1}
    # robots.txt is asked first, once; the disallowed page and the PDF link are never asked
    assert portal.hits[0] == "/robots.txt" and portal.hits.count("/robots.txt") == 1
    assert "/tin/yen_minh_ky_hop.html" not in portal.hits and "/van-ban/ke-hoach-43.pdf" not in portal.hits
    # the slow page: asked again once (retries=1), then counted, and the run goes on
    assert portal.hits.count("/tin/cham.html") == 2
    # the redirect's target was fetched already: not asked twice
    assert portal.hits.count("/tin/muong_ang_giao_ban.html") == 1
    assert all(agent.startswith("vnkg ") for agent in portal.agents)
    records = _warc_records(out)
    assert records[0][0] == "warcinfo"
    responses = [(url.removeprefix(portal.url), status) for kind, url, status in records if kind == "response"]
    assert responses == [("/tin/muong_ang_giao_ban.html", "200"), ("/bai-cu/giao-ban.html", "301"),
                         ("/tin/khong-con.html", "404"), ("/van-ban/ke-hoach-42", "200"),
                         ("/tin/bao_lam_tiep_xuc_cu_tri.html", "200")]
    assert sum(1 for kind, *_ in records if kind == "request") == len(responses)


def test_fetch_resumes_without_fetching_again(tmp_path, portal):
    out = tmp_path / "crawl.warc.gz"
    urls = _url_list(tmp_path, portal, "muong_ang_giao_ban", "bao_lam_tiep_xuc_cu_tri", "luc_yen_dai_hoi",
                     "quynh_nhai_lam_viec", "tan_lac_hoi_nghi")

    def interrupt(done, total):
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fetch(out, urls=urls, delay=0, progress=interrupt)
    first = [hit for hit in portal.hits if hit != "/robots.txt"]
    assert len(first) == 2
    portal.hits.clear()
    report = fetch(out, urls=urls, delay=0)
    assert (report.already, report.fetched) == (2, 3)
    assert not set(first) & set(portal.hits)
    assert len(build_graph([out]).read) == 5


def test_fetch_resumes_after_a_record_cut_short(tmp_path, portal):
    out = tmp_path / "crawl.warc.gz"
    urls = _url_list(tmp_path, portal, "muong_ang_giao_ban", "bao_lam_tiep_xuc_cu_tri")
    fetch(out, urls=urls, delay=0)
    from warcio.archiveiterator import ArchiveIterator
    with open(out, "rb") as handle:
        iterator = ArchiveIterator(handle)
        last = [iterator.get_record_offset() for record in iterator if record.rec_type == "response"][-1]
    out.write_bytes(out.read_bytes()[:last + 200])     # the last page's record cut short by a crash
    portal.hits.clear()
    report = fetch(out, urls=urls, delay=0)
    assert report.fetched == 1 and portal.hits == ["/robots.txt", "/tin/bao_lam_tiep_xuc_cu_tri.html"]
    assert len(build_graph([out]).read) == 2


@pytest.mark.parametrize("source, since, fetched, older", [
    ("sitemap", "2023-09-01", 3, 2),
    ("feed", "2023-12", 1, 4),
    ("feed", None, 5, 0),
])
def test_fetch_keeps_the_pages_the_sitemap_or_feed_dates_since(tmp_path, portal, source, since, fetched, older):
    where = {"sitemap": "/sitemap.xml", "feed": "/rss/tin-tuc.rss"}[source]
    report = fetch(tmp_path / "c.warc", delay=0, since=since, **{source: portal.url + where})
    # one of the six is disallowed by robots.txt whatever its date
    assert (report.discovered, report.fetched, report.older, report.robots) == (6, fetched, older, 1)


def test_fetch_refuses_less_than_a_second_between_requests(tmp_path, monkeypatch):
    monkeypatch.delenv("VNKG_FETCH_MIN_DELAY", raising=False)
    (tmp_path / "u.txt").write_text("https://example.vn/tin/a.html\n", encoding="utf-8")
    with pytest.raises(UsageError, match="under 1 s"):
        fetch(tmp_path / "c.warc.gz", urls=tmp_path / "u.txt", delay=0.2)


def test_fetch_command_reports_and_builds_a_graph_with_urls_and_outlets(tmp_path, portal, vnkg):
    out = tmp_path / "crawl.warc.gz"
    result = vnkg("fetch", "--sitemap", portal.url + "/sitemap.xml", "--out", out, "--delay", "0")
    assert result.code == 0, result
    assert "5 pages fetched of 6 URLs" in result.err and "1 disallowed by robots.txt" in result.err
    report = build_graph([out])
    assert len(report.read) == 5 and not report.skipped
    graph = merged(report.dataset)
    urls = {str(o) for o in graph.objects(None, SCHEMA.url)}
    assert urls == {portal.urls[name] for name in ("bao_lam_tiep_xuc_cu_tri", "luc_yen_dai_hoi",
                                                   "muong_ang_giao_ban", "quynh_nhai_lam_viec",
                                                   "tan_lac_hoi_nghi")}
    outlets = set(graph.objects(None, SCHEMA.publisher))
    assert all((o, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), VNKG.Outlet) in graph for o in outlets)
    # named as each page names its site, or by the host where the page gives no name
    host = portal.url.removeprefix("http://")
    assert {str(graph.value(o, SCHEMA.name)) for o in outlets} == {
        "Báo Cao Bằng", "Báo Yên Bái", "Cổng thông tin điện tử huyện Mường Ảng", "Báo Hòa Bình", host}
    assert len(set(graph.subjects(PROV.generatedAtTime, None))) == 5
    assert {str(o) for o in graph.objects(None, VNKG.dateSource)} <= {"text", "metadata"}
    assert validate_graph(graph).conforms


def test_fetch_leaves_a_host_alone_whose_robots_txt_cannot_be_had(tmp_path, monkeypatch):
    import socket
    monkeypatch.setenv("VNKG_FETCH_MIN_DELAY", "0")
    with socket.socket() as probe:          # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (tmp_path / "u.txt").write_text(f"http://127.0.0.1:{port}/tin/a.html\n", encoding="utf-8")
    report = fetch(tmp_path / "c.warc.gz", urls=tmp_path / "u.txt", delay=0, retries=0)
    assert (report.fetched, report.robots) == (0, 0)
    assert report.errors == {"robots.txt unreachable (connection failed (refused))": 1}
    with pytest.raises(InputError, match="cannot fetch robots.txt"):
        fetch(tmp_path / "c.warc.gz", feed=f"http://127.0.0.1:{port}/rss", delay=0, retries=0)

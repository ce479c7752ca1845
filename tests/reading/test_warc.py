"""WARC files in the build: each HTML response with status 200 is an article with an
identifier from its URL; anything else is passed over; damaged records, HTML bombs and
huge pages are reported and skipped while the rest builds."""

from __future__ import annotations

import pytest

from graph_builder import build_graph, build_store
from graph_builder.reading.sources import list_entries
from graph_builder.reading.urls import url_id

from ..support import portal_page, write_warc

GIAO_BAN = portal_page("Huyện ủy Mường Chà giao ban quý I", [
    "Sáng 28/3/2024, Thường trực Huyện ủy Mường Chà tổ chức Hội nghị giao ban quý I. "
    "Đồng chí Lò Văn Chiến, Bí thư Huyện ủy chủ trì hội nghị.",
    "Dự hội nghị có đồng chí Giàng A Lử, Phó Chủ tịch UBND huyện."])
TIEP_XUC = portal_page("Tiếp xúc cử tri xã Sín Thầu", [
    "Ngày 2/4/2024, Tổ đại biểu HĐND tỉnh Điện Biên tiếp xúc cử tri huyện Mường Nhé. "
    "Tham dự có đồng chí Pờ Thị Lan, Phó Chủ tịch HĐND huyện Mường Nhé."])
BOMB = b"<html><body>" + b"<div>" * 5000 + "<p>Hội nghị</p>".encode() + b"</div>" * 5000 + b"</body></html>"
HUGE = b"<html><body>" + "<p>Hội nghị giao ban của huyện.</p>".encode() * (50 * 1024 * 1024 // 40) + b"</body></html>"
DAMAGED = b"WARC/1.0\r\nWARC-Type: response\r\nban ghi bi hong giua chung\r\n\r\n"


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_hostile_records_are_reported_and_skipped_while_the_rest_builds(tmp_path, name):
    path = write_warc(tmp_path / name, [
        ("https://muongcha.dienbien.gov.vn/tin/giao-ban.html", GIAO_BAN),
        (None, DAMAGED),
        ("https://muongcha.dienbien.gov.vn/tin/bom.html", BOMB),
        ("https://muongcha.dienbien.gov.vn/tin/lon.html", HUGE),
        ("https://muongcha.dienbien.gov.vn/van-ban/1.pdf", b"%PDF-1.4", 200, "application/pdf"),
        ("https://muongcha.dienbien.gov.vn/tin/cu.html", b"", 404, "text/html"),
        ("https://muongnhe.dienbien.gov.vn/tin/tiep-xuc.html", TIEP_XUC),
    ])
    report = build_graph([path])
    assert sorted(report.read) == [f"{path} [https://muongcha.dienbien.gov.vn/tin/giao-ban.html]",
                                   f"{path} [https://muongnhe.dienbien.gov.vn/tin/tiep-xuc.html]"]
    reasons = sorted(reason.split(" (")[0] for _, reason in report.skipped)
    assert reasons == ["HTML nested too deep", "malformed WARC record", "page too large"]
    assert report.skip_reasons() == {"HTML nested too deep": 1, "malformed WARC record": 1, "page too large": 1}


def test_warc_article_identifiers_come_from_the_url(tmp_path):
    path = write_warc(tmp_path / "c.warc.gz", [("https://www.muongcha.dienbien.gov.vn/tin/giao-ban.html?utm_source=zalo",
                                                 GIAO_BAN)])
    (entry,) = list_entries(path)[0]
    assert entry.id == url_id("https://muongcha.dienbien.gov.vn/tin/giao-ban.html")
    assert entry.id.startswith("muongcha.dienbien.gov.vn-")


def test_warc_store_build_is_incremental_per_article(tmp_path):
    pages = [("https://muongcha.dienbien.gov.vn/tin/giao-ban.html", GIAO_BAN),
             ("https://muongnhe.dienbien.gov.vn/tin/tiep-xuc.html", TIEP_XUC)]
    path = write_warc(tmp_path / "c.warc.gz", pages)
    first = build_store([path], tmp_path / "s.db")
    assert (len(first.read), first.articles) == (2, 2)
    changed = TIEP_XUC.replace("Pờ Thị Lan".encode(), "Lò Thị Lan".encode())
    write_warc(path, [pages[0], (pages[1][0], changed)])
    second = build_store([path], tmp_path / "s.db")
    assert (len(second.read), second.unchanged, second.articles) == (1, 1, 2)


def test_warc_build_with_several_processes_gives_the_same_graph(tmp_path):
    from graph_builder.storage.files import serialise
    districts = ["Mường Chà", "Mường Nhé", "Tủa Chùa", "Tuần Giáo", "Điện Biên Đông", "Mường Ảng", "Nậm Pồ"]
    pages = [(f"https://dienbien.gov.vn/tin/giao-ban-{i}.html",
              portal_page(f"Huyện ủy {d} giao ban tháng {1 + i % 12}",
                          [f"Sáng {1 + i}/{1 + i % 12}/2024, Thường trực Huyện ủy {d} tổ chức Hội nghị giao ban. "
                           f"Đồng chí Lò Văn {chr(65 + i)}, Bí thư Huyện ủy chủ trì hội nghị."]))
             for i, d in enumerate(districts * 3)]
    path = write_warc(tmp_path / "c.warc.gz", pages)
    one, two = build_graph([path], jobs=1), build_graph([path], jobs=2)
    assert len(one.read) == len(two.read) == 21
    assert serialise(one.dataset, "nquads") == serialise(two.dataset, "nquads")

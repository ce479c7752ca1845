"""Which pages a sitemap, a sitemap index, an RSS or an Atom feed lists, with their dates;
which URLs are pages; --since."""

from __future__ import annotations

import pytest

from graph_builder import InputError, UsageError
from graph_builder.web.discovery import (Target, is_page_url, iso_day, parse_feed, parse_since, parse_sitemap,
                                         read_url_list)


def test_discovery_sitemap_pages_and_child_sitemaps():
    content = b"""<?xml version="1.0" encoding="UTF-8"?>
    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://laocai.gov.vn/sitemap-2024.xml</loc></sitemap>
    </sitemapindex>"""
    assert parse_sitemap(content, "https://laocai.gov.vn/sitemap.xml") == ([], ["https://laocai.gov.vn/sitemap-2024.xml"])
    content = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://laocai.gov.vn/tin/a-1.html</loc><lastmod>2024-03-12T08:00:00+07:00</lastmod></url>
      <url><loc>/tin/a-2.html</loc></url></urlset>"""
    assert parse_sitemap(content, "https://laocai.gov.vn/sitemap-2024.xml")[0] == [
        Target("https://laocai.gov.vn/tin/a-1.html", "2024-03-12"), Target("https://laocai.gov.vn/tin/a-2.html")]


def test_discovery_atom_and_rss_feeds():
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Giao ban</title>
      <link rel="alternate" href="https://baolaocai.vn/a-1.html"/><published>2024-04-02T09:00:00Z</published>
      </entry></feed>"""
    rss = b"""<rss version="2.0"><channel><item><title>Giao ban</title><link>https://baolaocai.vn/a-2.html</link>
      <pubDate>Tue, 02 Apr 2024 09:00:00 +0700</pubDate></item></channel></rss>"""
    assert parse_feed(atom, "https://baolaocai.vn/atom") == [Target("https://baolaocai.vn/a-1.html", "2024-04-02")]
    assert parse_feed(rss, "https://baolaocai.vn/rss") == [Target("https://baolaocai.vn/a-2.html", "2024-04-02")]


def test_discovery_refuses_what_is_not_xml():
    with pytest.raises(InputError, match="not an XML sitemap or feed"):
        parse_feed(b"", "https://baolaocai.vn/rss")


@pytest.mark.parametrize("url, page", [
    ("https://baolaocai.vn/chinh-tri/giao-ban-quy-i-1234.html", True),
    ("https://baolaocai.vn/uploads/anh.jpg", False),
    ("https://baolaocai.vn/van-ban/ke-hoach.pdf", False),
    ("https://baolaocai.vn/login", False),
    ("ftp://baolaocai.vn/a.html", False),
])
def test_discovery_keeps_pages_only(url, page):
    assert is_page_url(url) is page


@pytest.mark.parametrize("value, day", [("2024-03-12", "2024-03-12"), ("2024-03", "2024-03-01"), ("2024", "2024-01-01")])
def test_discovery_since(value, day):
    assert parse_since(value) == day


def test_discovery_since_must_be_a_date():
    with pytest.raises(UsageError, match="not a date"):
        parse_since("12/03/2024")


def test_discovery_dates_of_both_formats():
    assert iso_day("Wed, 20 Dec 2023 08:00:00 +0700") == "2023-12-20" and iso_day("không rõ") is None


def test_discovery_url_list(tmp_path):
    path = tmp_path / "u.txt"
    path.write_text("# danh sách\nhttps://baolaocai.vn/a.html\n\nkhông phải URL\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an http"):
        read_url_list(path)

"""A page's identifier comes from its canonical URL: the same page under another spelling
has the same identifier, another page another one, and the host shows in it."""

from __future__ import annotations

import pytest

from graph_builder.reading.urls import canonical_url, host_of, url_id


@pytest.mark.parametrize("spelling", [
    "https://baoyenbai.com.vn/chinh-tri/dai-hoi-hoi-nong-dan.html",
    "https://www.baoyenbai.com.vn/chinh-tri/dai-hoi-hoi-nong-dan.html",
    "HTTPS://BaoYenBai.com.vn:443/chinh-tri/dai-hoi-hoi-nong-dan.html",
    "https://baoyenbai.com.vn/chinh-tri/dai-hoi-hoi-nong-dan.html?utm_source=zalo&utm_medium=social",
    "https://baoyenbai.com.vn/chinh-tri/dai-hoi-hoi-nong-dan.html#binh-luan",
])
def test_urls_one_page_under_any_spelling_has_one_identifier(spelling):
    assert url_id(spelling) == url_id("https://baoyenbai.com.vn/chinh-tri/dai-hoi-hoi-nong-dan.html")


def test_urls_another_page_has_another_identifier_with_its_host():
    one = url_id("https://baoyenbai.com.vn/chinh-tri/dai-hoi-hoi-nong-dan.html")
    other = url_id("https://baoyenbai.com.vn/chinh-tri/dai-hoi-hoi-cuu-chien-binh.html")
    assert one != other and one.startswith("baoyenbai.com.vn-") and len(one) == len("baoyenbai.com.vn-") + 12


def test_urls_canonical_form_and_host():
    assert canonical_url("https://Baoyenbai.com.vn/a.html?id=3&utm_campaign=x#top") == "https://baoyenbai.com.vn/a.html?id=3"
    assert host_of("http://127.0.0.1:8080/tin/a.html") == "127.0.0.1:8080"

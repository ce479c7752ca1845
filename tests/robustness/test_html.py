"""HTML pages saved from a browser: the article text comes from the markup; scripts,
styles, menus and other page furniture are dropped; paragraphs stay paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.reading.article import read_file
from graph_builder.errors import InputError
from graph_builder.reading.html import html_text, text_of_html
from graph_builder.extraction.pipeline import extract_file

from .conftest import cp1258

PAGE = Path(__file__).parent.parent / "data" / "robustness" / "bac_me_tong_ket.html"
LEAD = ("Ngày 6/1, Mặt trận Tổ quốc và các đoàn thể chính trị xã hội huyện Bắc Mê tổ chức Hội nghị "
        "trực tuyến tổng kết công tác Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện Bắc Mê "
        "năm 2021; phương hướng, nhiệm vụ năm 2022.")


def test_html_saved_page_gives_the_article_text():
    text = read_file(PAGE).text
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Hội nghị tổng kết MTTQ và các đoàn thể chính trị xã hội huyện"
    assert paragraphs[1] == "12/01/2022 09:20"
    assert paragraphs[2].startswith(LEAD)
    assert paragraphs[-1] == "Phương Thảo\n"
    for furniture in ("dataLayer", "font-family", "Kinh tế", "Trang chủ", "Facebook", "In bài",
                      "Tin liên quan", "Đọc nhiều", "Giấy phép", "loadAds"):
        assert furniture not in text, furniture


def test_html_saved_page_gives_the_same_facts_as_text():
    article = extract_file(PAGE)
    assert article.id == "bac_me_tong_ket"
    assert article.title == "Hội nghị tổng kết MTTQ và các đoàn thể chính trị xã hội huyện"
    assert article.published == "2022-01-12T09:20:00"
    assert article.author == "Phương Thảo"
    assert [p.name for p in article.persons] == ["Lê Mạnh Cường"]
    assert len(article.meetings) == 1


@pytest.mark.parametrize("markup, text", [
    # entities and inline markup inside a paragraph; <br> ends a line
    ("<p>Đồng chí <b>Nguyễn&nbsp;Văn&nbsp;An</b> &amp; đồng chí Lê&#32;Thị B</p><p>Dòng 1<br>Dòng 2</p>",
     "Đồng chí Nguyễn Văn An & đồng chí Lê Thị B\n\nDòng 1\n\nDòng 2\n"),
    # no <article>: the whole body; the <title> is the headline, the site name cut off
    ("<html><head><title>Tiêu đề bài | Báo X</title><script>var a = '<p>x</p>';</script></head>"
     "<body><div class='main-menu'><a>Trang chủ</a></div><p>Nội dung.</p></body></html>",
     "Tiêu đề bài\n\nNội dung.\n"),
    # unclosed tags, stray end tags, a comment, CDATA-ish junk: lenient, never an error
    ("<div><p>Một<p>Hai</span></div><!-- <p>ẩn</p> --><p>Ba", "Một\n\nHai\n\nBa\n"),
    # nested dropped elements of the same name close at the right end tag
    ("<p>Trước</p><nav><nav><a>Menu</a></nav><a>Menu 2</a></nav><p>Sau</p>", "Trước\n\nSau\n"),
    # a hidden element and an ARIA navigation are furniture too
    ("<p>Giữ</p><div hidden>Ẩn</div><div role='navigation'>Điều hướng</div><ul class='social'><li>Zalo</li></ul>",
     "Giữ\n"),
    ("", ""),
])
def test_html_markup_to_text(markup, text):
    assert text_of_html(markup).text == text


def test_html_declared_legacy_charset_is_used():
    body = "<p>Đồng chí Nguyễn Văn An chủ trì hội nghị.</p>"
    data = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">' \
           b"</head><body>" + cp1258(body) + b"</body></html>"
    page = html_text(data, "page.html")
    assert page.text == "Đồng chí Nguyễn Văn An chủ trì hội nghị.\n"
    assert page.warnings == []


def test_html_undeclared_legacy_charset_is_guessed_with_a_warning():
    page = html_text(cp1258("<p>Đồng chí Nguyễn Văn An chủ trì hội nghị.</p>"), "page.html")
    assert page.text == "Đồng chí Nguyễn Văn An chủ trì hội nghị.\n"
    assert page.warnings == ["not UTF-8 and no <meta charset>; read as Windows-1258 (check the text)"]


def test_html_page_of_only_furniture_is_skipped(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav>Trang chủ</nav><script>x()</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_file(path)
    assert caught.value.message == "no text (the file holds only whitespace and markup)"

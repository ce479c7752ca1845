"""HTML pages through trafilatura, then the layout rules: the headline, the byline and the
date where the text gives them, the page's metadata where it does not, and where the date
came from; pages that cannot be articles are refused with the reason."""

from __future__ import annotations

import pytest

from graph_builder import InputError, evaluate
from graph_builder.reading import sources
from graph_builder.reading.sources import Entry, read_entry
from graph_builder.reading.web import read_page

from ..support import ROOT, portal_page

PAGES = ROOT / "tests" / "data" / "web" / "pages"
GOLD = ROOT / "tests" / "data" / "web" / "gold"


@pytest.mark.parametrize("name, title, author, published, source", [
    # a date line trafilatura leaves out with the page's header: printed on the day the
    # page's metadata gives, so taken with its time of day
    ("muong_ang_giao_ban", "Huyện ủy Mường Ảng giao ban công tác tháng 3", "Thu Hà", "2024-03-12T15:20:00", "text"),
    # the byline in the page's metadata (`<meta name="author">`) and a last line
    ("bao_lam_tiep_xuc_cu_tri", "Đại biểu HĐND tỉnh tiếp xúc cử tri huyện Bảo Lâm", "Ngọc Lan",
     "2023-11-28T09:05:00", "text"),
    # a byline printed before the date line, the date line kept in the text
    ("luc_yen_dai_hoi", "Đại hội Hội Nông dân huyện Lục Yên lần thứ XII", "Hoàng Dương", "2023-08-18T07:30:00",
     "text"),
    # the header prints the day the page was saved (2026): the metadata's date wins
    ("tan_lac_hoi_nghi", "Tân Lạc: Hội nghị sơ kết 6 tháng công tác dân vận", "Đinh Thắng", "2023-07-13",
     "metadata"),
])
def test_web_page_reads_headline_byline_and_date(name, title, author, published, source):
    article = read_entry(Entry(str(PAGES / f"{name}.html"), name))
    assert (article.title, article.author, article.published, article.date_source) == \
        (title, author, published, source)


def test_web_page_keeps_the_url_and_site_name_it_gives_itself():
    article = read_entry(Entry(str(PAGES / "muong_ang_giao_ban.html"), "m"))
    assert article.url == "https://muongang.dienbien.gov.vn/tin-tuc/huyen-uy-muong-ang-giao-ban-cong-tac-thang-3.html"
    assert article.site_name == "Cổng thông tin điện tử huyện Mường Ảng"


def test_web_page_leaves_menus_related_news_and_counters_out():
    text = read_page((PAGES / "muong_ang_giao_ban.html").read_bytes(), "x").text
    for furniture in ("Trang chủ", "Vừ A Bằng", "Liên kết website", "Cơ quan chủ quản"):
        assert furniture not in text
    article = read_entry(Entry(str(PAGES / "muong_ang_giao_ban.html"), "m"))
    assert "Đang truy cập" not in article.text[article.body[0]:article.body[1]]


@pytest.mark.parametrize("data, message", [
    (b"<html><body>" + b"<div>" * 300 + b"<p>x</p>" + b"</div>" * 300 + b"</body></html>", "nested too deep"),
    (b"<html><head><script>var trang = 1;</script></head><body><img src='a.jpg'></body></html>",
     "no article text"),
])
def test_web_page_that_cannot_be_an_article_is_an_input_error(data, message):
    with pytest.raises(InputError, match=message):
        read_page(data, "x.html")


def test_web_page_reader_beats_the_builtin_one_on_the_portal_fixtures(monkeypatch):
    scores = {}
    for reader in ("builtin", "trafilatura"):
        monkeypatch.setattr(sources, "HTML_READER", reader)
        result = evaluate([PAGES], GOLD).summary()
        scores[reader] = (result["persons"]["f1"], result["positions"]["f1"], result["meeting.date"]["right"],
                          result["author"]["right"])
    assert scores == {"builtin": (1.0, 1.0, 5, 5), "trafilatura": (1.0, 1.0, 6, 6)}


def test_web_page_short_keeps_furniture_that_the_layout_rules_then_leave_out():
    # on a page this short trafilatura keeps the menu and the related list; the layout
    # rules that read every article then leave them out of the story
    page = portal_page("Huyện ủy Điện Biên Đông giao ban", ["Sáng 5/6/2024, Huyện ủy Điện Biên Đông tổ chức "
                                                           "hội nghị giao ban."], date="05/06/2024 10:00")
    from graph_builder.reading.article import parse_article
    article = parse_article("a", read_page(page, "x").text)
    sentences = [article.text[s:e] for s, e in article.sentences]
    assert sentences == ["Sáng 5/6/2024, Huyện ủy Điện Biên Đông tổ chức hội nghị giao ban."]
    assert (article.title, article.published) == ("Huyện ủy Điện Biên Đông giao ban", "2024-06-05T10:00:00")

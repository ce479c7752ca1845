"""masthead: the page's date line in the shapes portals print it, dateline codes in
parentheses, and outlet credits that name a province."""

import pytest

from graph_builder.reading.article import parse_article
from graph_builder.reading.masthead import find_date_line, is_date_only, outlet_province

LEAD = ("Sáng 14/3, Huyện ủy Mường Chà tổ chức hội nghị sơ kết công tác dân vận quý I. Đồng chí "
        "Lò Văn Pọng, Bí thư Huyện ủy chủ trì hội nghị.")


@pytest.mark.parametrize("line, published", [
    ("14/03/2023 - 08:05", "2023-03-14T08:05:00"),
    ("Thứ Tư, 08/11/2023 10:15", "2023-11-08T10:15:00"),
    ("(07:45, 21/09/2021)", "2021-09-21T07:45:00"),
    ("Cập nhật: 12/01/2022", "2022-01-12"),
    ("• Cập nhật: 12/01/2022", "2022-01-12"),
    ("Chủ nhật - 09/10/2022 22:584120", "2022-10-09T22:58:00"),
    ("Print Thứ Tư, 15/01/2020 08:22 Gốc", "2020-01-15T08:22:00"),
    ("date 2024-10-02", "2024-10-02"),
    ("date 2025-02", "2025-02"),
    ("20/06/2019 - 07:47", "2019-06-20T07:47:00"),
])
def test_masthead_date_line_shapes(line, published):
    article = parse_article("t", f"Sơ kết công tác dân vận quý I\n{line}\n{LEAD}\n")
    assert article.published == published
    assert article.title == "Sơ kết công tác dân vận quý I"
    assert article.text[article.sentences[0][0]:].startswith("Sáng 14/3")


def test_masthead_story_after_a_date_on_its_line():
    article = parse_article("t", f" date 2025-08-14 (GLO)- {LEAD}\n")
    assert (article.published, article.dateline) == ("2025-08-14", "GLO")
    assert article.text[article.sentences[0][0]:].startswith("(GLO)- Sáng 14/3")


@pytest.mark.parametrize("line", [
    "Hôm nay:19/09/2024",                                                    # a visit counter
    "Mít tinh kỷ niệm 80 năm Cách mạng Tháng Tám (19/8/1945 – 19/8/2025) tại tỉnh",  # a headline's dates
])
def test_masthead_dates_that_are_not_the_page_date(line):
    article = parse_article("t", f"Sơ kết công tác dân vận quý I\n{line}\n{LEAD}\n")
    assert article.published is None


def test_masthead_date_only_allows_page_furniture_beside_it():
    line = "12/01/2022 09:20 - lượt xem: 120"
    assert is_date_only(line, find_date_line(line))
    line = "ngày 12/01/2022 huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2021"
    assert not is_date_only(line, find_date_line(line))


@pytest.mark.parametrize("line, name", [
    ("Báo Sơn La", "Sơn La"),
    ("Báo điện tử Hà Giang", "Hà Giang"),
    ("Cổng TTĐT tỉnh Lào Cai", "Lào Cai"),
    ("(Cổng thông tin điện tử tỉnh Yên Bái)", "Yên Bái"),
    ("Báo Nhân Dân", "Nhân Dân"),          # named; the places stage finds it is no province
    ("Báo cáo tổng kết năm 2023 của Huyện ủy", None),
])
def test_masthead_outlet_credit(line, name):
    assert outlet_province(line) == name


def test_masthead_closing_outlet_credit_names_the_province_and_is_no_byline():
    from graph_builder import extract_text
    lead = ("Ngày 6/3, đồng chí Cầm Văn Chung, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì hội nghị "
            "tổng kết công tác thi đua năm 2023.")
    article = extract_text("t", f"{lead}\n\nBáo Sơn La\n")
    assert article.author is None
    assert article.outlet == "Sơn La"
    assert article.meetings[0].province.name == "Sơn La"
    assert [h.post.title for h in article.persons[0].holdings] == \
        ["Phó Bí thư Tỉnh ủy Sơn La", "Chủ tịch Ủy ban nhân dân tỉnh Sơn La"]

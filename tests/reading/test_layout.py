"""layout: what scraped pages wrap a story in (captions, paragraphs printed twice, hard
line breaks, markdown images, bylines in capitals, a district named only in the header)."""

import pytest

from graph_builder import extract_text, parse_article

LEAD = ("Chiều 24/10, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban quý III năm 2022. Đồng chí "
        "Hà Thị Lan, Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy chủ trì hội nghị.")


def _sentences(article):
    return [article.text[a:b] for a, b in article.sentences]


def test_layout_a_paragraph_printed_twice_is_said_once():
    article = parse_article("t", f"Giao ban công tác dân vận\n\n{LEAD}\n\n{LEAD}\n")
    assert _sentences(article) == [LEAD.split(". ")[0] + ".", LEAD.split(". ")[1]]


def test_layout_caption_with_a_photo_credit():
    caption = "Lãnh đạo tỉnh trao đổi với các đại biểu tại hội nghị ngày 24-10 - Ảnh: HÀ AN"
    article = parse_article("t", f"Giao ban công tác dân vận\n\n{caption}\n\n{LEAD}\n\n{caption}\n")
    assert article.title == "Giao ban công tác dân vận"        # a caption is never the headline
    assert [article.text[a:b] for a, b in article.captions] == [caption]
    assert article.author is None


def test_layout_hard_line_breaks_inside_paragraphs_are_joined():
    text = ("Sáng ngày 04/8, tại hội trường Huyện ủy Thanh Oai, Ban Thường trực Ủy ban\n"
            "MTTQ huyện tổ chức hội nghị sơ kết công tác Mặt trận 6 tháng đầu năm 2016.\n"
            "Về dự hội nghị có các đồng chí: Nguyễn Văn Hùng - UVTV, Chủ tịch Ủy ban MTTQ\n"
            "huyện; Trần Thị Mai - UVTV, Phó Chủ tịch Thường trực UBND huyện; đại diện các\n"
            "tổ chức thành viên, các vị Ủy viên Ủy ban MTTQ huyện; lãnh đạo các phòng, ban,\n"
            "cơ quan chuyên môn thuộc huyện và đông đảo đại biểu tham dự hội nghị hôm nay.\n"
            "Lê\nĐức Anh\n")
    article = extract_text("t", text)
    assert article.author == "Lê Đức Anh"
    assert [(p.name, [h.post.title for h in p.holdings]) for p in article.persons] == [
        ("Nguyễn Văn Hùng", ["Ủy viên Ban Thường vụ Huyện ủy Thanh Oai",
                             "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện Thanh Oai"]),
        ("Trần Thị Mai", ["Ủy viên Ban Thường vụ Huyện ủy Thanh Oai",
                          "Phó Chủ tịch Thường trực Ủy ban nhân dân huyện Thanh Oai"])]
    assert (article.meetings[0].date, article.meetings[0].locality.name) == ("2016-08-04", "Thanh Oai")


def test_layout_markdown_images_after_the_byline_are_furniture():
    text = (f"{LEAD}\nThu Hà – Minh Đức\n![[Infographic] Quảng Ninh tổ chức lễ hội](/file/a.jpg?width=400)\n\n"
            "![[Chùm ảnh] Mùa lúa chín](/file/b.jpg)\n")
    assert parse_article("t", text).author == "Thu Hà – Minh Đức"


def test_layout_byline_in_capitals_under_the_headline():
    text = f"Giao ban công tác dân vận quý III\n\nTHANH HÀ - MINH ĐỨC\n\n{LEAD}\n"
    article = parse_article("t", text)
    assert (article.title, article.author) == ("Giao ban công tác dân vận quý III", "THANH HÀ - MINH ĐỨC")


def test_layout_labelled_byline_thuc_hien():
    text = f"{LEAD}\nThực hiện: Ngọc Lan - Văn Sơn\nThông tin bạn đọc\n"
    assert parse_article("t", text).author == "Ngọc Lan - Văn Sơn"


def test_layout_photo_credit_alone_is_no_byline():
    text = f"{LEAD}\nẢnh: Minh Hoàng\n"
    assert parse_article("t", text).author is None


def test_layout_district_named_only_in_the_page_header():
    text = ("CHÀO MỪNG BẠN ĐẾN VỚI TRANG THÔNG TIN ĐIỆN TỬ HUYỆN ĐẠI LỘC\n\n"
            "Tổng kết công tác dân vận năm 2021\n\n"
            "Sáng ngày 20/12, Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2022. Dự hội nghị "
            "có đồng chí Trần Văn Hải, Bí thư Huyện ủy, Chủ tịch HĐND huyện.\n")
    article = extract_text("t", text)
    assert [h.post.title for h in article.persons[0].holdings] == \
        ["Bí thư Huyện ủy Đại Lộc", "Chủ tịch Hội đồng nhân dân huyện Đại Lộc"]
    assert (article.meetings[0].locality.name, article.meetings[0].province.name) == ("Đại Lộc", "Quảng Nam")


@pytest.mark.parametrize("closing, author", [
    ("Đ.T.H\n\nLượt xem: 156   |   Chia sẻ   |   In\n", "Đ.T.H"),                  # initials
    ("Ngọc Bích\n\n[Chia sẻ]  [Facebook]  [Zalo]\n\nÝ kiến bạn đọc\nHọ và tên: ______   Email: ______\n"
     "Nội dung: ______   [Gửi bình luận]\n", "Ngọc Bích"),                          # a comment form after
    ("Tổng hợp: Văn Duẩn\n\nLượt xem: 389   |   Bản in\n", "Văn Duẩn"),
])
def test_layout_byline_before_page_furniture(closing, author):
    assert parse_article("t", f"{LEAD}\n\n{closing}").author == author


def test_layout_byline_in_a_metadata_line_of_fields():
    head = "Hội đồng nhân dân huyện họp kỳ cuối năm\nNgày đăng bài: 18/12/2021 | Tác giả: Minh Châu\n"
    article = parse_article("t", head + LEAD)
    assert (article.author, article.published) == ("Minh Châu", "2021-12-18")


def test_layout_section_name_before_the_page_date():
    article = extract_text("t", "Giao ban công tác dân vận quý III\n\nThời sự 25-10-2022\n\n" + LEAD)
    assert article.published == "2022-10-25"
    assert article.meetings[0].date == "2022-10-24"


def test_layout_byline_of_a_reporter_and_the_body_he_writes_for():
    # a union's or a department's correspondent signs with the body's abbreviation
    article = parse_article("t", f"{LEAD}\n\nTrần Quang Vinh - LĐLĐ huyện Yên Thế\n")
    assert article.author == "Trần Quang Vinh"


def test_layout_dateline_code_in_parentheses_needs_no_dash():
    article = extract_text("t", "Đại hội Chi bộ\n\n(BBNĐT) Ngày 5 và 6-3, Đảng bộ xã Phù Chẩn tổ chức "
                                 "Đại hội đại biểu lần thứ XXV, nhiệm kỳ 2020-2025.")
    assert article.dateline == "BBNĐT"
    assert (article.meetings[0].province.name, article.meetings[0].date) == ("Bắc Ninh", "--03-05")


@pytest.mark.parametrize("first", ["(VTC News) -", "ĐBP -", "(Cổng TTĐT tỉnh Hà Giang) -", "(GMT +07:00)",
                                   "Báo Điện Biên Phủ", "Thứ Ba, 12/03/2024 08:15"])
def test_layout_a_dateline_credit_or_date_alone_is_no_headline(first):
    text = (f"{first}\nSáng 12/3/2024, đồng chí Vừ A Dính, Chủ tịch UBND huyện Điện Biên Đông chủ trì hội nghị "
            "sơ kết công tác quý I năm 2024, với sự tham dự của lãnh đạo các xã trong huyện.\n")
    article = parse_article("t", text)
    assert article.title is None
    assert _sentences(article)[0].startswith("Sáng 12/3/2024")


def test_layout_a_dateline_on_its_own_line_is_still_the_dateline():
    article = extract_text("t", "ĐBP -\nSáng 12/3/2024, đồng chí Vừ A Dính, Chủ tịch UBND huyện chủ trì hội nghị "
                                "sơ kết công tác quý I năm 2024 của huyện, với sự tham dự của lãnh đạo các xã.\n")
    assert (article.title, article.dateline, article.context.province.name) == (None, "ĐBP", "Điện Biên")


def test_layout_a_headline_above_a_dateline_line_stays():
    article = parse_article("t", "Điện Biên Đông sơ kết quý I\n(VTC News) -\nSáng 12/3/2024, đồng chí Vừ A Dính, "
                                 "Chủ tịch UBND huyện Điện Biên Đông chủ trì hội nghị sơ kết công tác quý I năm 2024.\n")
    assert article.title == "Điện Biên Đông sơ kết quý I"


def test_layout_a_line_that_opens_in_lower_case_continues_the_one_before():
    text = ("Hội Nông dân huyện tổ chức đại hội\n\nTrong 2 ngày 12, 13/6/2023, Hội Nông dân huyện Duy Tiên tổ chức "
            "Đại hội. Về phía huyện có đồng chí Trần Văn Hải – Bí thư huyện ủy, Chủ tịch Hội đồng nhân dân\n"
            "huyện; đồng chí Lê Thị Mai – Phó Chủ tịch UBND huyện.\n")
    article = extract_text("t", text)
    assert [h.post.title for h in article.persons[0].holdings] == [
        "Bí thư Huyện ủy Duy Tiên", "Chủ tịch Hội đồng nhân dân huyện Duy Tiên"]


@pytest.mark.parametrize("after", [
    "  • Từ khóa: kỳ họp, HĐND huyện",
    "Dòng sự kiện: Sắp xếp tổ chức bộ máy",
    "Nguồn Báo Điện Biên Phủ: http://baodienbienphu.info.vn/tin-tuc/chinh-tri/1/ky-hop",
])
def test_layout_the_byline_above_keywords_an_event_list_or_a_source_link(after):
    text = f"Kỳ họp HĐND huyện\n\n{LEAD}\n\nMinh Hằng\n\n{after}\n"
    assert parse_article("t", text).author == "Minh Hằng"


def test_layout_a_reporter_named_before_the_date_line_and_a_date_line_glued_to_the_lead():
    article = parse_article("t", f"Giao ban công tác dân vận\n\nMinh Hằng 15:23, 24/10/2022\n\n{LEAD}\n")
    assert (article.author, article.published[:10]) == ("Minh Hằng", "2022-10-24")
    article = parse_article("t", f"Giao ban công tác dân vận\n\n25/10/2022{LEAD}\n")
    assert (article.published[:10], _sentences(article)[0][:10]) == ("2022-10-25", "Chiều 24/1")
    assert parse_article("t", "Tin\n\nChiều 2/3, Huyện ủy họp.\n\nNguồn tin: Thu Trang\n").author == "Thu Trang"

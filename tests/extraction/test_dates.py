"""extract/dates.py: dates as Vietnamese news writes them and the year rules of the gold
README (the date's year, else the publication's, else the reviewed year; never a guess)."""

import pytest

from graph_builder import extract_text
from graph_builder.extraction.dates import find_date, iso, resolve_year, says_today


def meeting_date(lead: str, published: str | None = None) -> str | None:
    found = find_date(lead)
    if found is None:
        return None
    return iso(found.day, found.month, resolve_year(found, published, lead))


@pytest.mark.parametrize("lead, day_month_year_time", [
    ("Chiều ngày 27/12, Ban Thường trực UB.MTTQ tỉnh đã có buổi làm việc với Thường trực Huyện ủy.",
     (27, 12, None, "chiều")),
    ("Ngày 20/03/2023, Huyện ủy Như Xuân tổ chức hội nghị.", (20, 3, 2023, None)),
    # a meeting over days is dated by its first day
    ("Ngày 14 và 15-7, Đảng bộ phường tổ chức Đại hội lần thứ V.", (14, 7, None, None)),
    ("Sáng ngày 8, 9/12/2024, kỳ họp thứ 20 HĐND huyện diễn ra.", (8, 12, 2024, "sáng")),
    ("Từ ngày 3 đến ngày 5/4, Hội đồng nhân dân tỉnh họp kỳ họp thứ 7.", (3, 4, None, None)),
    ("Sáng ngày 19.7, Huyện ủy tổ chức hội nghị.", (19, 7, None, "sáng")),
    ("Ngày 19.7, Huyện ủy tổ chức hội nghị.", (19, 7, None, None)),
    ("Chiều nay (29/12), Thường trực Tỉnh ủy tổ chức hội nghị giao ban.", (29, 12, None, "chiều")),
    ("Ngày 6/1, Huyện ủy Bắc Mê tổ chức hội nghị.", (6, 1, None, None)),
    ("Sáng 15-3, Huyện ủy tổ chức hội nghị.", (15, 3, None, "sáng")),
    ("Ngày 5 tháng 4 năm 2023, Huyện ủy tổ chức hội nghị.", (5, 4, 2023, None)),
    # a document's date is skipped for the meeting's own
    ("Thực hiện Đề án số 02-ĐA/TU ngày 23/5/2021 của Tỉnh ủy, sáng 6/1 Huyện ủy tổ chức hội nghị.",
     (6, 1, None, "sáng")),
    ("Thực hiện Kế hoạch số 15-KH/HU ngày 10/2/2022 của Huyện ủy, ngày 18/3 Ban Dân vận tổ chức hội nghị.",
     (18, 3, None, None)),
    ("Ngày 18/3, Ban Dân vận tổ chức hội nghị triển khai Kế hoạch số 15-KH/HU ngày 10/2/2022.", (18, 3, None, None)),
])
def test_dates_found_in_a_lead(lead, day_month_year_time):
    found = find_date(lead)
    assert found is not None
    assert (found.day, found.month, found.year, found.time) == day_month_year_time


@pytest.mark.parametrize("lead", [
    "Thực hiện Kết luận số 15-KL/TU ngày 23/5/2021 của Tỉnh ủy.",       # only a document date
    "Từ ngày 10/3 đến ngày 15/3, đoàn kiểm tra làm việc tại các xã.",   # a span, not a meeting day
    "Tỷ lệ hộ nghèo giảm 2.5 điểm phần trăm.",                         # a decimal is not 2 May
    "Sáng nay, Huyện ủy tổ chức hội nghị.",
])
def test_dates_none_where_the_lead_has_no_meeting_date(lead):
    assert find_date(lead) is None


@pytest.mark.parametrize("lead, published, expected", [
    # the date's own year
    ("Ngày 20/03/2023, Huyện ủy tổ chức hội nghị.", None, "2023-03-20"),
    # the publication date's year (a meeting is reported after it happens)
    ("Sáng 6/1, Huyện ủy tổ chức hội nghị.", "2022-01-06T09:20:00", "2022-01-06"),
    ("Sáng 6/1, Huyện ủy tổ chức hội nghị.", "2022-01-12", "2022-01-06"),
    # published early January about a meeting of late December: the year before
    ("Sáng 27/12, Huyện ủy tổ chức hội nghị.", "2023-01-02", "2022-12-27"),
    # the year the meeting reviews
    ("Chiều ngày 27/12, Ban Thường trực làm việc về kết quả công tác MTTQ năm 2022.", None, "2022-12-27"),
    ("Chiều nay (29/12), Thường trực Tỉnh ủy tổ chức Hội nghị giao ban, đánh giá kết quả hoạt động năm 2023; "
     "triển khai nhiệm vụ trọng tâm năm 2024.", None, "2023-12-29"),
    ("Sáng 6/1, Huyện ủy tổ chức hội nghị tổng kết công tác năm 2021.", None, "2022-01-06"),
    ("Ngày 15/7, Huyện ủy tổ chức hội nghị sơ kết 6 tháng đầu năm 2023.", None, "2023-07-15"),
    # no year knowable: an XSD gMonthDay, never a guessed year
    ("Sáng 6/1, Huyện ủy tổ chức hội nghị.", None, "--01-06"),
    ("Ngày 19.7, Huyện ủy tổ chức hội nghị.", None, "--07-19"),
    ("Ngày 14/6, Ban Thường vụ Huyện ủy tổ chức Hội nghị đối thoại.", None, "--06-14"),
])
def test_dates_year_rules(lead, published, expected):
    assert meeting_date(lead, published) == expected


@pytest.mark.parametrize("lead, time", [("Chiều nay, Huyện ủy tổ chức hội nghị.", "chiều"),
                                        ("Hôm nay, Huyện ủy tổ chức hội nghị.", ""),
                                        ("Ngày 6/1, Huyện ủy tổ chức hội nghị.", None)])
def test_dates_says_today(lead, time):
    assert says_today(lead) == time


@pytest.mark.parametrize("text, date, time", [
    ("Hội nghị tổng kết công tác dân vận năm 2022\n12/01/2022 09:20\n"
     "Sáng 6/1, Ban Dân vận Huyện ủy Bắc Mê tổ chức hội nghị tổng kết công tác dân vận.\n", "2022-01-06", "sáng"),
    ("Hội nghị giao ban khối dân vận quý IV\n\nChiều nay (29/12), Ban Dân vận Huyện ủy Mường Chà tổ chức "
     "hội nghị giao ban, đánh giá kết quả hoạt động năm 2023.\n", "2023-12-29", "chiều"),
    ("Hội nghị giao ban khối dân vận quý IV\n29/12/2023 16:05\nChiều nay, Ban Dân vận Huyện ủy Mường Chà tổ chức "
     "hội nghị giao ban.\n", "2023-12-29", "chiều"),
    ("Hội nghị đối thoại với nông dân huyện Như Xuân\n\nNgày 14/6, Thường trực Huyện ủy Như Xuân tổ chức "
     "Hội nghị đối thoại với nông dân.\n", "--06-14", None),
])
def test_dates_meeting_date_in_an_article(text, date, time):
    (meeting,) = extract_text("t", text).meetings
    assert (meeting.date, meeting.time_of_day) == (date, time)


def test_dates_meeting_date_right_after_a_document_date():
    found = find_date("Thực hiện Kế hoạch 15-KH/HU ngày 10/2/2022, ngày 18/3 Ban Dân vận tổ chức hội nghị.")
    assert found is not None and (found.day, found.month, found.year) == (18, 3, None)


def test_dates_reviewed_half_year_in_the_next_sentences():
    from graph_builder import extract_text
    text = ("Sáng ngày 04/8, Ban Thường trực Ủy ban MTTQ huyện Thanh Oai tổ chức hội nghị, nhiệm kỳ 2014-2019. "
            "Dự hội nghị có đồng chí Lê Văn Minh, Chủ tịch Ủy ban MTTQ huyện. Tại hội nghị, các đại biểu nghe báo "
            "cáo kết quả 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng cuối năm 2016.")
    assert extract_text("t", text).meetings[0].date == "2016-08-04"


def test_dates_publication_year_and_month_only():
    from graph_builder import extract_text
    article = extract_text("t", " date 2025-03 Sáng 11/3, Ban Thường vụ Tỉnh ủy Nam Định tổ chức hội nghị giao ban.\n")
    assert (article.published, article.meetings[0].date) == ("2025-03", "2025-03-11")


@pytest.mark.parametrize("text, date", [
    # the same day with its year further on
    ("Sáng 13/8, đồng chí Lê Văn Hòa, Bí thư Huyện ủy gặp mặt đoàn đại biểu của huyện. Đại hội MTTQ Việt Nam "
     "tỉnh sẽ diễn ra trong ngày 13 và 14/8/2024.", "2024-08-13"),
    # a date of the same month, the latest when several (not the year in a body's name)
    ("Sáng 13/12, Hội Cựu chiến binh Trường Sơn năm 1959 tỉnh Hà Tĩnh tổ chức Đại hội đại biểu lần thứ 4 và kỷ "
     "niệm 10 năm thành lập Hội (10/12/2014 - 10/12/2024).", "2024-12-13"),
    # the half-year a later sentence reviews
    ("Ngày 8/7, HĐND tỉnh Điện Biên khai mạc Kỳ họp thứ 20. Dự kỳ họp có các đại biểu. Kỳ họp xem xét báo cáo. "
     "Các đại biểu thảo luận tình hình kinh tế - xã hội 6 tháng đầu năm 2025.", "2025-07-08"),
])
def test_dates_the_year_another_date_of_the_article_gives(text, date):
    assert extract_text("t", text).meetings[0].date == date


def test_dates_yesterday_with_its_date():
    found = find_date("(QNO) - Hôm qua 6.5, các ứng cử viên tiếp xúc cử tri.")
    assert (found.day, found.month) == (6, 5)

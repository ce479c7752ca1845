"""extract/places.py: the article's province, district and commune; a district unique
to one province gives it; dateline codes; units named in the text first; nothing guessed."""

import pytest

from ..support import article_until

HEADLINE = "Tiêu đề của bài viết về công tác dân vận\n\n"


def located(text: str) -> tuple[str | None, str | None, str | None]:
    context = article_until(text, "places").context
    return tuple(u.name if u else None for u in (context.province, context.district, context.commune))


@pytest.mark.parametrize("text, expected", [
    # a district that belongs to one province gives that province
    ("Hội nghị tại huyện Hàm Yên bàn về công tác dân vận.", ("Tuyên Quang", "Hàm Yên", None)),
    ("Huyện ủy Tủa Chùa tổ chức hội nghị.", ("Điện Biên", "Tủa Chùa", None)),
    ("Đoàn công tác làm việc tại thị xã Hương Thủy.", ("Thừa Thiên Huế", "Hương Thủy", None)),
    ("Thành ủy Điện Biên Phủ tổ chức hội nghị.", ("Điện Biên", "Điện Biên Phủ", None)),
    ("UBND huyện Mù Cang Chải tổ chức hội nghị.", ("Yên Bái", "Mù Cang Chải", None)),
    # commune and district
    ("Đoàn công tác làm việc tại xã Yên Thuận, huyện Hàm Yên.", ("Tuyên Quang", "Hàm Yên", "Yên Thuận")),
    ("Đảng ủy xã Tân Thành, huyện Hàm Yên tổ chức hội nghị.", ("Tuyên Quang", "Hàm Yên", "Tân Thành")),
    # a district name shared by several provinces: the province named in the text decides
    ("Huyện ủy Châu Thành, tỉnh Đồng Tháp tổ chức hội nghị.", ("Đồng Tháp", "Châu Thành", None)),
    ("UBND huyện Bảo Lâm, tỉnh Lâm Đồng tổ chức hội nghị sơ kết.", ("Lâm Đồng", "Bảo Lâm", None)),
])
def test_places_named_units(text, expected):
    assert located(text) == expected


@pytest.mark.parametrize("text, district", [
    ("Huyện ủy Châu Thành tổ chức hội nghị.", "Châu Thành"),           # ten provinces have a Châu Thành
    ("UBND huyện Bảo Lâm tổ chức hội nghị sơ kết.", "Bảo Lâm"),        # Cao Bằng or Lâm Đồng
])
def test_places_a_district_no_province_tells_apart_is_named_not_placed(text, district):
    # the name the text gives, with no official unit and no province
    context = article_until(text, "places").context
    assert (context.province, context.district.name, context.district.resolved) == (None, district, False)


@pytest.mark.parametrize("text", [
    "Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023.",
    "Chiến dịch Điện Biên Phủ và tư tưởng Hồ Chí Minh được nhắc lại tại hội nghị.",   # not places here
    "Phong trào Tuyên Quang chung tay xử lý rác thải được triển khai.",
])
def test_places_nothing_guessed(text):
    assert located(text) == (None, None, None)


@pytest.mark.parametrize("lead, expected", [
    ("ĐBP - Chiều nay (29/12), Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết.", ("Điện Biên", None, None)),
    ("ĐBP - Chiều nay (29/12), Huyện ủy Mường Chà tổ chức hội nghị tổng kết.", ("Điện Biên", "Mường Chà", None)),
    ("QTO - Sáng 5/1, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban.", ("Quảng Trị", None, None)),
    ("QTO - Sáng 5/1, Ban Dân vận Huyện ủy Hướng Hóa tổ chức hội nghị giao ban.", ("Quảng Trị", "Hướng Hóa", None)),
    # a unit named in the text takes precedence over the paper's dateline
    ("QTO - Sáng 5/1, UBND tỉnh Gia Lai tổ chức hội nghị.", ("Gia Lai", None, None)),
])
def test_places_dateline_code_gives_the_province(lead, expected):
    assert located(HEADLINE + lead + "\n") == expected


def test_places_dateline_disambiguates_a_shared_district_name():
    # Tân Uyên is in Lai Châu and in Bình Dương; the Bình Dương paper's code decides
    text = HEADLINE + "(BDO) - Sáng 5/1, Thị ủy Tân Uyên tổ chức hội nghị giao ban.\n"
    assert located(text) == ("Bình Dương", "Tân Uyên", None)


def test_places_tp_abbreviation():
    assert located("UBND TP Điện Biên Phủ tổ chức hội nghị.") == ("Điện Biên", "Điện Biên Phủ", None)


def test_places_tp_dot_abbreviation():
    assert located("UBND TP. Điện Biên Phủ tổ chức hội nghị.") == ("Điện Biên", "Điện Biên Phủ", None)


def test_places_district_lies_in_the_province():
    context = article_until("Đoàn công tác của tỉnh Điện Biên làm việc với huyện Hàm Yên, tỉnh Tuyên Quang.",
                            "places").context
    assert context.district is None or context.district.province == context.province.code


def test_places_a_number_is_a_unit_only_after_its_own_kind_word():
    from graph_builder import extract_text
    # `Quận 6` is a district of Hồ Chí Minh City; `thành phố 6 tháng` is a count of months
    text = ("Ngày 10/7, Thường trực HĐND tỉnh tổ chức hội nghị giao ban với Thường trực HĐND các huyện, "
            "thành phố 6 tháng đầu năm 2024.")
    assert extract_text("t", text).meetings[0].province is None
    text = "Ngày 10/7, UBND Quận 6 tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024."
    meeting = extract_text("t", text).meetings[0]
    assert (meeting.locality.name, meeting.province.name) == ("6", "Hồ Chí Minh")


def test_places_a_commune_one_unit_only_names_says_its_district_and_province():
    from graph_builder import extract_text
    # Mường Bon is one commune on the pre-2025 map: it gives its district and province
    # (the gold rule for units), as a district name unique to one province does
    text = ("Sáng ngày 12/10/2023, đồng chí Lò Văn Hùng, Bí thư Huyện ủy đã có buổi làm việc với Đảng ủy "
            "xã Mường Bon về tình hình phát triển kinh tế - xã hội.")
    article = extract_text("t", text)
    meeting = article.meetings[0]
    assert (meeting.locality.name, meeting.province.name) == ("Mường Bon", "Sơn La")
    assert article.context.district.name == "Mai Sơn"
    assert article.persons[0].posts()[0].title == "Bí thư Huyện ủy Mai Sơn"


def test_places_a_commune_name_several_units_share_says_nothing():
    from graph_builder import extract_text
    # many communes are called Tân Lập: the name alone gives no province
    text = "Sáng ngày 12/10/2023, Đảng ủy xã Tân Lập tổ chức hội nghị sơ kết công tác 9 tháng."
    meeting = extract_text("t", text).meetings[0]
    assert (meeting.locality.name, meeting.province) == ("Tân Lập", None)


def test_places_voters_of_communes_listed_together_meet_in_their_district():
    from graph_builder import extract_text
    text = ("Ngày 8/5, Ủy ban MTTQ Việt Nam tỉnh Tuyên Quang tổ chức hội nghị tiếp xúc giữa các ứng cử viên "
            "đại biểu Quốc hội khóa XV với cử tri các xã Yên Thuận, Bạch Xa, Minh Khương và thị trấn Tân Yên.")
    meeting = extract_text("t", text).meetings[0]
    assert (meeting.label, meeting.locality.name, meeting.province.name) == ("Tiếp xúc cử tri", "Hàm Yên", "Tuyên Quang")


def test_places_a_headline_that_opens_with_a_district_and_a_colon():
    assert located("Tuần Giáo: Hội nghị triển khai nhiệm vụ năm 2024\n\nSáng 3/1, Huyện ủy tổ chức hội nghị.") \
        == ("Điện Biên", "Tuần Giáo", None)

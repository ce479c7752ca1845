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

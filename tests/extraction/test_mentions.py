"""extract/mentions.py + names.py: person names and the titles attached to them, before
or after the name, in lists, with the quirks of real text."""

import pytest

from ..support import article_until


def mentions(sentence: str) -> list[tuple[str | None, int]]:
    """(name, number of titles) of every mention in a one-sentence article."""
    article = article_until(sentence, "mentions")
    return [(m.name, len(m.titles)) for m in article.mentions]


@pytest.mark.parametrize("sentence, expected", [
    # lower-case middle syllable: the person is written with capitals on every syllable
    ("Dự hội nghị có đồng chí Lê văn Thuận, Chủ tịch UBND huyện Hàm Yên.", [("Lê Văn Thuận", 1)]),
    # a missing space after `Đồng chí`
    ("Đồng chíPhạm Thị Thương, Phó Chủ tịch HĐND huyện Hàm Yên phát biểu tại hội nghị.",
     [("Phạm Thị Thương", 1)]),
    # `Đ/c` for `đồng chí`, upper or lower case
    ("Đ/c Hoàng Văn Nam, Bí thư Huyện ủy Hàm Yên chủ trì hội nghị.", [("Hoàng Văn Nam", 1)]),
    ("đ/c Lương Văn Tư, Trưởng phòng Tài nguyên và Môi trường huyện đã giải đáp các ý kiến.",
     [("Lương Văn Tư", 1)]),
    # en dash / hyphen as a separator between name and titles
    ("Đ/c Trịnh Văn Hải – TUV, Bí thư Huyện ủy chủ trì hội nghị.", [("Trịnh Văn Hải", 2)]),
    ("Đồng chí Lê Văn Minh-UVTV, Trưởng Ban Dân vận Huyện ủy Hàm Yên dự hội nghị.", [("Lê Văn Minh", 2)]),
    # ethnic-minority names
    ("Phó Bí thư Thường trực Tỉnh ủy Điện Biên Mùa A Sơn chủ trì hội nghị.", [("Mùa A Sơn", 1)]),
    ("Đồng chí Chá A Của, quyền Chủ tịch UBND huyện Tủa Chùa, tỉnh Điện Biên báo cáo.", [("Chá A Của", 1)]),
    ("Đồng chí Y Ngông Niê, Chủ tịch UBND huyện Krông Pắc phát biểu.", [("Y Ngông Niê", 1)]),
    ("Giàng A Tông, Chủ tịch UBND xã Tân Thành, huyện Hàm Yên báo cáo.", [("Giàng A Tông", 1)]),
    # titles before the name
    ("Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch HĐND tỉnh Điện Biên Lò Văn Phương phát biểu.",
     [("Lò Văn Phương", 2)]),
    # a list after `các đồng chí:` separated by `;`, the last joined by `và`
    ("Dự có các đồng chí: Lò Văn Phương, Chủ tịch HĐND tỉnh Điện Biên; Lò Văn Tiến, Phó Chủ tịch UBND tỉnh "
     "và Mùa A Sơn, Phó Bí thư Thường trực Tỉnh ủy.",
     [("Lò Văn Phương", 1), ("Lò Văn Tiến", 1), ("Mùa A Sơn", 1)]),
    ("Cùng dự có Đ/c Phan Thị Hồng Nhung – Phó Bí thư TT HU, Chủ tịch HĐND huyện; Đ/c Đinh Công Trứ – "
     "Phó Bí thư HU, Chủ tịch UBND huyện.",
     [("Phan Thị Hồng Nhung", 2), ("Đinh Công Trứ", 2)]),
    # a title standing alone after `đồng chí` (kept for coreference)
    ("Kết luận hội nghị, đồng chí Bí thư Huyện ủy yêu cầu các cơ quan thực hiện tốt.", [(None, 1)]),
    ("Đồng chí Đỗ Văn Chiến, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Tuyên Quang dự hội nghị.",
     [("Đỗ Văn Chiến", 2)]),
    ("Đồng chí Hà Thị Minh (Chủ tịch UBND huyện Hàm Yên) phát biểu.", [("Hà Thị Minh", 1)]),
    ("Phát biểu tại hội nghị, Bí thư Huyện ủy Hàm Yên, đồng chí Nguyễn Văn An đề nghị các xã thực hiện tốt.",
     [("Nguyễn Văn An", 1)]),
    ("Chủ tịch UBND huyện Hàm Yên Nguyễn Văn An cho biết, huyện đã hoàn thành các chỉ tiêu.", [("Nguyễn Văn An", 1)]),
    ("Đồng chí Nguyễn thị Hoa, Chủ tịch Hội LHPN huyện Hàm Yên dự.", [("Nguyễn Thị Hoa", 1)]),
    # a given name alone after `đồng chí`
    ("Đồng chí Hoa phát biểu tại hội nghị.", [("Hoa", 0)]),
])
def test_mentions_names_and_titles(sentence, expected):
    assert mentions(sentence) == expected


@pytest.mark.parametrize("sentence", [
    'Phong trào "Tuyên Quang chung tay xử lý rác thải và chống rác thải nhựa" được triển khai.',
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Anh hùng, chiến sĩ tham gia chiến dịch Điện Biên Phủ.",
    "Ủy ban MTTQ Việt Nam và các đoàn thể chính trị - xã hội tỉnh tham dự.",
    "Huyện Hàm Yên tổ chức hội nghị tại Hội trường UBND huyện Hàm Yên.",
])
def test_mentions_places_campaigns_and_bodies_are_not_names(sentence):
    assert [m for m in mentions(sentence) if m[0] is not None] == []


def test_mentions_keep_offsets_into_the_article_text():
    text = "Đồng chí Nguyễn Duy Hoà,\u00a0Phó Bí thư TT Huyện uỷ Hàm Yên chủ trì."
    article = article_until(text, "mentions")
    (mention,) = article.mentions
    assert mention.name == "Nguyễn Duy Hòa"
    assert article.text[mention.start:mention.end] == "Nguyễn Duy Hoà,\u00a0Phó Bí thư TT Huyện uỷ Hàm Yên"
    assert mention.sentence == (0, len(text))


def test_mentions_abbreviated_central_title_followed_by_dang():
    article = article_until("Đồng chí Đỗ Văn Chiến, UVTW Đảng, Bí thư Tỉnh ủy Tuyên Quang dự hội nghị.", "persons")
    assert [(p.name, [h.post.title for h in p.holdings]) for p in article.persons] == [
        ("Đỗ Văn Chiến", ["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy Tuyên Quang"])]


def test_mentions_a_rank_before_a_name_marks_a_person():
    from graph_builder import extract_text
    text = ("Ngày 17-11, các vị đại biểu Quốc hội gồm: ông Lê Văn Trí – Phó Trưởng đoàn chuyên trách Đoàn "
            "ĐBQH tỉnh Quảng Ninh; Thiếu tướng Trần Văn Khánh – Ủy viên một ủy ban của Quốc hội đã tiếp xúc "
            "cử tri huyện Vân Đồn.")
    assert [p.name for p in extract_text("t", text).persons] == ["Lê Văn Trí", "Trần Văn Khánh"]


@pytest.mark.parametrize("text, expected", [
    ("Lãnh đạo tỉnh tặng hoa chúc mừng 2 Phó Chủ tịch UBND tỉnh Tuyên Quang Hà Văn An và Lê Thị Bình.",
     {"Hà Văn An": ["Phó Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang"],
      "Lê Thị Bình": ["Phó Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang"]}),
    ("Ngày 17-11, các vị đại biểu Quốc hội tỉnh gồm: ông Lê Văn Trí – Chủ tịch Hội Nông dân tỉnh Quảng Ninh; "
     "bà Hà Thị Hạnh – Phó Chủ tịch UBND tỉnh đã tiếp xúc cử tri.",
     {"Lê Văn Trí": ["Đại biểu Quốc hội", "Chủ tịch Hội Nông dân tỉnh Quảng Ninh"],
      "Hà Thị Hạnh": ["Đại biểu Quốc hội", "Phó Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh"]}),
])
def test_mentions_a_plural_title_before_a_list_is_each_ones(text, expected):
    from graph_builder import extract_text
    article = extract_text("t", text)
    assert {p.name: [h.post.title for h in p.holdings] for p in article.persons} == expected

"""extract/persons.py: one person per name in an article with the posts it attests;
coreference by given name and by title alone; bylines, places and bare `ông` are not
officials."""

import pytest

from ..support import article_until

HEAD = "Huyện ủy Hàm Yên tổng kết công tác năm 2022\n\n"


def persons(text: str) -> list[tuple[str, list[str]]]:
    article = article_until(text, "persons")
    return [(p.name, [h.post.title + ("" if h.post.status == "current" else f" ({h.post.status})")
                      for h in p.holdings]) for p in article.persons]


@pytest.mark.parametrize("text, expected", [
    ("Đồng chí Nguyễn Duy Hòa, Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện Hàm Yên dự.",
     [("Nguyễn Duy Hòa", ["Phó Bí thư Thường trực Huyện ủy Hàm Yên", "Chủ tịch Hội đồng nhân dân huyện Hàm Yên"])]),
    ("Ông Trần Quốc Toản, nguyên Bí thư Huyện ủy Hàm Yên dự buổi gặp mặt.",
     [("Trần Quốc Toản", ["Bí thư Huyện ủy Hàm Yên (former)"])]),
    ("Đồng chí Chá A Của, quyền Chủ tịch UBND huyện Tủa Chùa, tỉnh Điện Biên báo cáo.",
     [("Chá A Của", ["Chủ tịch Ủy ban nhân dân huyện Tủa Chùa (acting)"])]),
    # a name with `đồng chí` and no title is an official
    ("Đồng chí Nguyễn Văn An chủ trì hội nghị tại huyện Hàm Yên.", [("Nguyễn Văn An", [])]),
    # `ông`/`bà` alone may be anyone (a voter, a farmer): an official only with a title
    ("Ông Hoàng Văn Nam, Chủ tịch UBND huyện Hàm Yên dự. Ông Lý Văn Sáng, nông dân xã Yên Thuận phát biểu.",
     [("Hoàng Văn Nam", ["Chủ tịch Ủy ban nhân dân huyện Hàm Yên"])]),
    # titles before the name: the place ends where the name begins
    ("Chủ tịch UBND huyện Hàm Yên Hà Văn Nam phát biểu.", [("Hà Văn Nam", ["Chủ tịch Ủy ban nhân dân huyện Hàm Yên"])]),
    ("Phó Bí thư Tỉnh ủy Lạng Sơn Hồ Tiến Thiệu phát biểu.", [("Hồ Tiến Thiệu", ["Phó Bí thư Tỉnh ủy Lạng Sơn"])]),
    ("Chủ tịch UBND tỉnh Hà Giang Nguyễn Văn Sơn phát biểu.",
     [("Nguyễn Văn Sơn", ["Chủ tịch Ủy ban nhân dân tỉnh Hà Giang"])]),
    ("Phó Chủ tịch UBND tỉnh Lò Văn Tiến phát biểu.", [("Lò Văn Tiến", ["Phó Chủ tịch Ủy ban nhân dân tỉnh"])]),
    # a bare name with neither anchor nor title is not taken
    ("Nguyễn Văn An dự hội nghị tại huyện Hàm Yên.", []),
])
def test_persons_in_a_sentence(text, expected):
    assert persons(text) == expected


def test_persons_one_person_with_posts_from_several_mentions():
    text = (HEAD + "Sáng 27/12/2022, đồng chí Nguyễn Duy Hòa, Bí thư Huyện ủy Hàm Yên chủ trì hội nghị. "
            "Đồng chí Nguyễn Duy Hòa, Chủ tịch HĐND huyện phát biểu.\n")
    assert persons(text) == [("Nguyễn Duy Hòa", ["Bí thư Huyện ủy Hàm Yên", "Chủ tịch Hội đồng nhân dân huyện Hàm Yên"])]


def test_persons_given_name_alone_is_the_person_with_that_given_name():
    text = (HEAD + "Đồng chí Nguyễn Duy Hòa, Phó Bí thư Thường trực Huyện ủy Hàm Yên chủ trì. "
            "Đồng chí Hòa nhấn mạnh các nhiệm vụ trọng tâm.\n")
    article = article_until(text, "persons")
    (person,) = article.persons
    assert person.name == "Nguyễn Duy Hòa"
    assert [m.name for m in person.mentions] == ["Nguyễn Duy Hòa", "Hòa"]


@pytest.mark.parametrize("later", [
    "Kết luận hội nghị, đồng chí Bí thư Huyện ủy yêu cầu các cơ quan thực hiện tốt.",
    "Phát biểu kết luận, đồng chí Bí thư Huyện ủy Hàm Yên đề nghị các xã tiếp tục cố gắng.",
])
def test_persons_title_alone_is_the_person_holding_that_title(later):
    text = (HEAD + "Đồng chí Nguyễn Duy Hòa, Bí thư Huyện ủy Hàm Yên dự hội nghị. "
            "Đồng chí Lê Thị Mai, Chủ tịch UBND huyện Hàm Yên dự hội nghị. " + later + "\n")
    article = article_until(text, "persons")
    alone = [m for m in article.mentions if m.name is None]
    assert len(alone) == 1
    assert alone[0].person is not None and alone[0].person.name == "Nguyễn Duy Hòa"
    assert [p.name for p in article.persons] == ["Nguyễn Duy Hòa", "Lê Thị Mai"]


def test_persons_title_alone_held_by_two_people_stays_unresolved():
    text = (HEAD + "Đồng chí Nguyễn Duy Hòa, Phó Bí thư Huyện ủy Hàm Yên dự. Đồng chí Lê Thị Mai, "
            "Phó Bí thư Huyện ủy Hàm Yên dự. Đồng chí Phó Bí thư Huyện ủy phát biểu.\n")
    article = article_until(text, "persons")
    assert [m.person for m in article.mentions if m.name is None] == [None]


def test_persons_name_broken_across_lines_is_one_name():
    text = (HEAD + "Sáng 27/12/2022, Huyện ủy Hàm Yên tổ chức hội nghị tổng kết công tác năm 2022. Đồng chí Nguyễn Văn\n"
            "An, Bí thư Huyện ủy chủ trì hội nghị.\n")
    assert persons(text) == [("Nguyễn Văn An", ["Bí thư Huyện ủy Hàm Yên"])]


# `Mù Cang Chải` is the official spelling; the package writes `Mù Căng Chải`.
def test_persons_district_after_unit_word_is_not_a_person():
    text = "Đồng chí Nông Văn Lịch, Chủ tịch UBND huyện Mù Cang Chải, tỉnh Yên Bái phát biểu."
    assert persons(text) == [("Nông Văn Lịch", ["Chủ tịch Ủy ban nhân dân huyện Mù Cang Chải"])]


@pytest.mark.parametrize("sentence", [
    "Tại hội nghị, đồng chí Hoàng Văn Nam, Bí thư Chi bộ thôn Làng Ải, xã Yên Thuận, huyện Hàm Yên phát biểu.",
    "Đồng chí Lý Thị Hoa, Bí thư Đoàn xã Tân Thành, huyện Hàm Yên phát biểu.",
])
def test_persons_village_or_youth_secretary_is_not_the_district_secretary(sentence):
    ((name, posts),) = persons(sentence)
    assert "Bí thư Huyện ủy Hàm Yên" not in posts


def test_persons_commune_party_secretary_written_dang_bo():
    assert persons("Đồng chí Lý Thị Hoa, Bí thư Đảng bộ xã Tân Thành, huyện Hàm Yên phát biểu.") == [
        ("Lý Thị Hoa", ["Bí thư Đảng ủy xã Tân Thành"])]


def test_persons_joint_office_of_council_and_committee():
    assert persons("Đồng chí Lý Thị Hoa, Chánh Văn phòng HĐND và UBND huyện Hàm Yên phát biểu.") == [
        ("Lý Thị Hoa", ["Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Hàm Yên"])]


def _posts(text):
    from graph_builder import extract_text
    return {p.name: [(h.post.title, h.post.status) for h in p.holdings] for p in extract_text("t", text).persons}


def test_persons_a_post_left_is_former():
    text = ("Sáng 6/3, Tỉnh ủy Ninh Bình công bố quyết định về công tác cán bộ: bà Trần Thị Hoa, Phó Bí thư "
            "chuyên trách Đảng ủy Chính phủ, thôi giữ chức Bí thư Tỉnh ủy Ninh Bình.")
    assert _posts(text)["Trần Thị Hoa"] == [("Phó Bí thư chuyên trách Đảng ủy Chính phủ", "current"),
                                            ("Bí thư Tỉnh ủy Ninh Bình", "former")]


def test_persons_a_post_acted_for_is_someone_elses():
    text = ("Sáng 23/11, thừa lệnh Chủ tịch UBND tỉnh, Chánh Văn phòng UBND tỉnh Quảng Ngãi Lê Văn Tùng "
            "đã ký thông báo phân công nhiệm vụ.")
    assert _posts(text)["Lê Văn Tùng"] == [("Chánh Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi", "current")]


def test_persons_a_commune_no_province_tells_apart_keeps_its_name():
    # Tân Hòa is a commune of many provinces; the article names none
    text = ("Chiều ngày 30/06/2020, Ủy ban MTTQ Việt Nam xã Tân Hòa tổ chức Hội nghị sơ kết công tác Mặt trận "
            "6 tháng đầu năm 2020. Chủ trì hội nghị là ông Lê Văn Dũng, Phó Bí thư Đảng ủy, Chủ tịch "
            "Ủy ban MTTQ Việt Nam xã.")
    from graph_builder import extract_text
    article = extract_text("t", text)
    assert _posts(text)["Lê Văn Dũng"] == [("Phó Bí thư Đảng ủy xã Tân Hòa", "current"),
                                           ("Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa", "current")]
    meeting = article.meetings[0]
    assert (meeting.locality.name, meeting.locality.resolved, meeting.province) == ("Tân Hòa", False, None)


def test_persons_a_post_won_is_the_winners_not_the_next_names():
    from graph_builder import extract_text
    article = extract_text("t", "Ngày 25/6, HĐND xã Tân Phú tổ chức kỳ họp thứ nhất. Kỳ họp đã bầu các chức danh; "
                                "ông Lê Văn Tài trúng cử chức vụ Chủ tịch HĐND xã, ông Trần Minh Quang trúng cử chức "
                                "vụ Chủ tịch UBND xã Tân Phú.")
    posts = {p.name: [h.post.title for h in p.holdings] for p in article.persons}
    assert [t.split(" xã")[0] for t in posts["Lê Văn Tài"]] == ["Chủ tịch Hội đồng nhân dân"]
    assert [t.split(" xã")[0] for t in posts["Trần Minh Quang"]] == ["Chủ tịch Ủy ban nhân dân"]

"""extract/meetings.py: the meetings an article reports: type, date, place, chair,
participants with roles, organisers, online flag; none where none is reported."""

import pytest

from graph_builder import extract_text
from graph_builder.extraction.kinds import classify

HEAD = "Tin hoạt động của huyện Hàm Yên trong tuần qua\n\n"


def meetings(text: str):
    return extract_text("t", text).meetings


def summary(meeting) -> dict:
    return {"type": meeting.label, "date": meeting.date,
            "locality": meeting.locality.name if meeting.locality else None,
            "province": meeting.province.name if meeting.province else None,
            "chair": meeting.chair.name if meeting.chair else None,
            "online": meeting.online,
            "participants": [(p.person.name, p.role) for p in meeting.participations],
            "organisers": [o.name for o in meeting.organisers]}


@pytest.mark.parametrize("sentence, label", [
    ("Chiều 27/12, Ban Thường trực UB.MTTQ tỉnh đã có buổi làm việc với Thường trực Huyện ủy.", "Buổi làm việc"),
    ("Sáng 6/3, Huyện ủy tổ chức hội nghị quán triệt nghị quyết của Tỉnh ủy.", "Hội nghị"),
    ("Sáng 6/1, Huyện ủy tổ chức Hội nghị tổng kết công tác xây dựng Đảng năm 2022.", "Hội nghị tổng kết"),
    ("Sáng 6/1, Huyện ủy tổ chức Hội nghị trực tuyến tổng kết công tác năm 2022.", "Hội nghị tổng kết"),
    ("Ngày 15/7, UBND huyện tổ chức hội nghị sơ kết 6 tháng đầu năm 2023.", "Hội nghị sơ kết"),
    ("Chiều nay (29/12), Thường trực Tỉnh ủy tổ chức Hội nghị giao ban Khối cơ quan MTTQ.", "Hội nghị giao ban"),
    ("Sáng 12/12, HĐND huyện khai mạc Kỳ họp thứ 15, HĐND huyện khóa XX.", "Kỳ họp"),
    ("Ngày 18/6, Hội Nông dân huyện tổ chức Đại hội đại biểu lần thứ X, nhiệm kỳ 2023-2028.", "Đại hội"),
    ("Sáng 5/12, Tổ đại biểu HĐND tỉnh tiếp xúc cử tri xã Yên Thuận trước kỳ họp.", "Tiếp xúc cử tri"),
    ("Ngày 14/6, Ban Thường vụ Huyện ủy tổ chức Hội nghị đối thoại với Nhân dân.", "Hội nghị đối thoại"),
])
def test_meetings_type_is_the_most_specific(sentence, label):
    found = classify(sentence)
    assert found is not None and found[1] == label
    (meeting,) = meetings(HEAD + sentence + "\n")
    assert meeting.label == label


def test_meetings_chair_by_chu_tri():
    text = (HEAD + "Sáng 6/1/2023, Huyện ủy Hàm Yên tổ chức Hội nghị tổng kết công tác xây dựng Đảng năm 2022. "
            "Đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì hội nghị.\n")
    (meeting,) = meetings(text)
    assert summary(meeting) == {
        "type": "Hội nghị tổng kết", "date": "2023-01-06", "locality": "Hàm Yên", "province": "Tuyên Quang",
        "chair": "Nguyễn Văn An", "online": False, "participants": [("Nguyễn Văn An", "chair")],
        "organisers": ["Huyện ủy Hàm Yên"]}


def test_meetings_chair_by_duoi_su_chu_tri_cua():
    text = ("Hội nghị giao ban công tác dân vận quý I\n\nNgày 20/03/2023, Ban Dân vận Huyện ủy Hàm Yên tổ chức "
            "Hội nghị giao ban công tác dân vận quý I. Dưới sự chủ trì của đồng chí Trần Thị Hoa, Trưởng Ban "
            "Dân vận Huyện ủy, hội nghị đã thảo luận nhiều nội dung. Dự hội nghị có đồng chí Lê Văn Bình, "
            "Phó Chủ tịch UBND huyện.\n")
    (meeting,) = meetings(text)
    assert summary(meeting) == {
        "type": "Hội nghị giao ban", "date": "2023-03-20", "locality": "Hàm Yên", "province": "Tuyên Quang",
        "chair": "Trần Thị Hoa", "online": False,
        "participants": [("Trần Thị Hoa", "chair"), ("Lê Văn Bình", "attendee")],
        "organisers": ["Ban Dân vận Huyện ủy Hàm Yên"]}


def test_meetings_chair_by_chu_toa_and_a_reporter():
    text = ("Kỳ họp thứ 15 HĐND huyện Hàm Yên\n\nSáng 12/12/2023, HĐND huyện Hàm Yên khai mạc Kỳ họp thứ 15, "
            "HĐND huyện khóa XX. Đồng chí Phạm Văn Cường, Chủ tịch HĐND huyện chủ tọa kỳ họp. Đồng chí Lê Văn "
            "Bình, Chủ tịch UBND huyện báo cáo tình hình kinh tế - xã hội năm 2023.\n")
    (meeting,) = meetings(text)
    assert (meeting.label, meeting.chair.name) == ("Kỳ họp", "Phạm Văn Cường")
    assert [(p.person.name, p.role) for p in meeting.participations] == [
        ("Phạm Văn Cường", "chair"), ("Lê Văn Bình", "reporter")]
    assert [o.name for o in meeting.organisers] == ["Hội đồng nhân dân huyện Hàm Yên"]


def test_meetings_concluder_chairs_where_no_one_is_said_to_chair():
    text = ("Hội nghị sơ kết 6 tháng đầu năm 2023\n\nSáng 15/7/2023, UBND huyện Hàm Yên tổ chức hội nghị trực "
            "tuyến sơ kết 6 tháng đầu năm 2023. Dự hội nghị có đồng chí Lê Văn Bình, Phó Chủ tịch UBND huyện. "
            "Kết luận hội nghị, đồng chí Lê Văn Bình đề nghị các xã tiếp tục thực hiện tốt nhiệm vụ.\n")
    (meeting,) = meetings(text)
    assert summary(meeting) == {
        "type": "Hội nghị sơ kết", "date": "2023-07-15", "locality": "Hàm Yên", "province": "Tuyên Quang",
        "chair": "Lê Văn Bình", "online": True, "participants": [("Lê Văn Bình", "concluder")],
        "organisers": ["Ủy ban nhân dân huyện Hàm Yên"]}


def test_meetings_concluder_named_by_title_alone():
    text = ("Hội nghị đối thoại giữa người đứng đầu cấp ủy với Nhân dân\n\nNgày 14/6, Ban Thường vụ Huyện ủy "
            "Hàm Yên tổ chức Hội nghị đối thoại với Nhân dân về công tác giải phóng mặt bằng. Dự hội nghị có "
            "đồng chí Trịnh Văn Hải, Bí thư Huyện ủy; đồng chí Đinh Công Trứ, Chủ tịch UBND huyện. Kết luận "
            "hội nghị, đồng chí Bí thư Huyện ủy ghi nhận những ý kiến thẳng thắn của Nhân dân.\n")
    (meeting,) = meetings(text)
    assert (meeting.label, meeting.date, meeting.chair.name) == ("Hội nghị đối thoại", "--06-14", "Trịnh Văn Hải")
    assert sorted((p.person.name, p.role) for p in meeting.participations) == [
        ("Trịnh Văn Hải", "concluder"), ("Đinh Công Trứ", "attendee")]


def test_meetings_no_chair_when_none_is_stated():
    text = ("Ban Thường trực UB.MTTQ tỉnh làm việc với Thường trực Huyện ủy Hàm Yên\n\nChiều ngày 27/12, Ban "
            "Thường trực UB.MTTQ tỉnh đã có buổi làm việc với Thường trực Huyện ủy Hàm Yên về kết quả công tác "
            "MTTQ năm 2022. Dự buổi làm việc về phía huyện Hàm Yên có đồng chí Nguyễn Duy Hòa, Phó Bí thư "
            "Thường trực Huyện ủy, Chủ tịch HĐND huyện.\n")
    (meeting,) = meetings(text)
    assert summary(meeting) == {
        "type": "Buổi làm việc", "date": "2022-12-27", "locality": "Hàm Yên", "province": "Tuyên Quang",
        "chair": None, "online": False, "participants": [("Nguyễn Duy Hòa", "attendee")],
        "organisers": ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tuyên Quang",
                       "Thường trực Huyện ủy Hàm Yên"]}


@pytest.mark.parametrize("text", [
    "Hàm Yên: Trao quà cho hộ nghèo\n\nNgày 10/1/2023, đồng chí Nguyễn Văn An, Bí thư Huyện ủy Hàm Yên đã "
    "đến thăm, tặng quà các hộ nghèo tại xã Yên Thuận. Đồng chí mong các gia đình đón Tết vui tươi.\n",
    "Hàm Yên: Kiểm tra công tác phòng chống thiên tai\n\nNgày 10/8/2023, đồng chí Nguyễn Văn An, Bí thư Huyện "
    "ủy Hàm Yên đã đi kiểm tra công tác phòng, chống thiên tai tại xã Yên Thuận.\n",
])
def test_meetings_none_when_no_meeting_is_reported(text):
    article = extract_text("t", text)
    assert [p.name for p in article.persons] == ["Nguyễn Văn An"]
    assert article.meetings == []


def test_meetings_several_in_one_article():
    text = ("Hai hội nghị trong một ngày ở huyện Hàm Yên\n\nSáng 6/3/2023, Huyện ủy Hàm Yên tổ chức hội nghị "
            "giao ban công tác quý I. Đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì hội nghị.\n"
            "Chiều cùng ngày, UBND huyện Hàm Yên tổ chức hội nghị sơ kết công tác quý I năm 2023. Đồng chí Lê "
            "Văn Bình, Chủ tịch UBND huyện chủ trì hội nghị.\n")
    found = meetings(text)
    assert [(m.label, m.date, m.time_of_day, m.chair.name, [o.name for o in m.organisers]) for m in found] == [
        ("Hội nghị giao ban", "2023-03-06", "sáng", "Nguyễn Văn An", ["Huyện ủy Hàm Yên"]),
        ("Hội nghị sơ kết", "2023-03-06", "chiều", "Lê Văn Bình", ["Ủy ban nhân dân huyện Hàm Yên"]),
    ]


def test_meetings_organiser_is_the_body_not_the_post():
    # "Phó Bí thư Thường trực, Thường trực Tỉnh ủy tổ chức…": one post; the Thường trực organises
    text = ("Hội nghị giao ban Khối MTTQ và các đoàn thể tỉnh năm 2023\n\nĐBP - Chiều nay (29/12), dưới sự chủ "
            "trì của đồng chí Mùa A Sơn, Phó Bí thư Thường trực, Thường trực Tỉnh ủy tổ chức Hội nghị giao ban "
            "Khối cơ quan MTTQ và các đoàn thể chính trị - xã hội tỉnh, đánh giá kết quả hoạt động năm 2023.\n")
    article = extract_text("t", text)
    (person,) = article.persons
    assert [h.post.title for h in person.holdings] == ["Phó Bí thư Thường trực Tỉnh ủy Điện Biên"]
    (meeting,) = article.meetings
    assert summary(meeting) == {
        "type": "Hội nghị giao ban", "date": "2023-12-29", "locality": "Điện Biên", "province": "Điện Biên",
        "chair": "Mùa A Sơn", "online": False, "participants": [("Mùa A Sơn", "chair")],
        "organisers": ["Thường trực Tỉnh ủy Điện Biên"]}


def test_meetings_locality_unknowable_stays_empty():
    text = ("Hội nghị đối thoại giữa người đứng đầu cấp ủy với Nhân dân\n\nNgày 14/6, Ban Thường vụ Huyện ủy "
            "tổ chức Hội nghị đối thoại với Nhân dân. Đ/c Trịnh Văn Hải – TUV, Bí thư Huyện ủy chủ trì hội nghị.\n")
    (meeting,) = meetings(text)
    assert (meeting.locality, meeting.province, meeting.chair.name) == (None, None, "Trịnh Văn Hải")
    assert [o.name for o in meeting.organisers] == ["Ban Thường vụ Huyện ủy"]


SO_KET = "Huyện ủy Hàm Yên tổ chức hội nghị sơ kết năm 2023\n\n"


@pytest.mark.parametrize("body, chair, roles", [
    ("Sáng 10/7/2023, Huyện ủy Hàm Yên tổ chức hội nghị sơ kết 6 tháng đầu năm 2023. Hội nghị do đồng chí "
     "Nguyễn Văn An, Bí thư Huyện ủy chủ trì. Đồng chí Lê Văn Bình, Chủ tịch UBND huyện phát biểu kết luận hội nghị.",
     "Nguyễn Văn An", [("Nguyễn Văn An", "chair"), ("Lê Văn Bình", "concluder")]),
    ("Sáng 10/7/2023, đồng chí Nguyễn Văn An, Bí thư Huyện ủy Hàm Yên chủ trì hội nghị sơ kết 6 tháng đầu năm "
     "2023. Cùng dự có đồng chí Lê Văn Bình, Chủ tịch UBND huyện.",
     "Nguyễn Văn An", [("Nguyễn Văn An", "chair"), ("Lê Văn Bình", "attendee")]),
    ("Sáng 10/7/2023, Huyện ủy Hàm Yên tổ chức hội nghị sơ kết 6 tháng đầu năm 2023. Đồng chí Trần Thị Hoa, "
     "Trưởng Ban Tuyên giáo Huyện ủy báo cáo kết quả 6 tháng đầu năm. Phát biểu chỉ đạo hội nghị, đồng chí "
     "Nguyễn Văn An, Bí thư Huyện ủy đề nghị các cấp ủy tiếp tục thực hiện tốt nhiệm vụ.",
     None, [("Trần Thị Hoa", "reporter"), ("Nguyễn Văn An", "speaker")]),
])
def test_meetings_roles_of_participants(body, chair, roles):
    (meeting,) = meetings(SO_KET + body + "\n")
    assert (meeting.chair.name if meeting.chair else None) == chair
    assert [(p.person.name, p.role) for p in meeting.participations] == roles


def test_meetings_co_chairs_are_all_chairs():
    (meeting,) = meetings(SO_KET + "Sáng 10/7/2023, Huyện ủy Hàm Yên tổ chức hội nghị sơ kết 6 tháng đầu năm 2023. "
                          "Các đồng chí: Nguyễn Văn An, Bí thư Huyện ủy; Lê Văn Bình, Chủ tịch UBND huyện đồng chủ "
                          "trì hội nghị.\n")
    assert [(p.person.name, p.role) for p in meeting.participations] == [
        ("Nguyễn Văn An", "chair"), ("Lê Văn Bình", "chair")]


@pytest.mark.parametrize("sentence, label, online", [
    ("Sáng 6/1/2023, Huyện ủy Hàm Yên tổ chức Hội nghị trực tuyến tổng kết công tác năm 2022.",
     "Hội nghị tổng kết", True),
    ("Sáng 6/1/2023, Huyện ủy Hàm Yên tổ chức Hội nghị trực tiếp kết hợp trực tuyến tổng kết công tác năm 2022.",
     "Hội nghị tổng kết", True),
    ("Sáng 6/1/2023, Huyện ủy Hàm Yên tổ chức Hội nghị tổng kết công tác năm 2022.", "Hội nghị tổng kết", False),
])
def test_meetings_online_flag(sentence, label, online):
    (meeting,) = meetings(HEAD + sentence + "\n")
    assert (meeting.label, meeting.online) == (label, online)


@pytest.mark.parametrize("conclusion, chair", [
    ("Kết luận hội nghị, Bí thư Huyện ủy Nguyễn Văn An yêu cầu các cơ quan thực hiện tốt nhiệm vụ.", "Nguyễn Văn An"),
    ("Phát biểu kết luận, đồng chí Chủ tịch UBND huyện yêu cầu các xã thực hiện tốt nhiệm vụ.", "Lê Văn Bình"),
    ("Kết luận hội nghị, Bí thư Huyện ủy yêu cầu các cơ quan thực hiện tốt nhiệm vụ.", "Nguyễn Văn An"),
])
def test_meetings_concluder_by_name_or_title(conclusion, chair):
    text = ("Huyện ủy Hàm Yên tổ chức hội nghị giao ban quý III\n\nSáng 20/9/2023, Huyện ủy Hàm Yên tổ chức hội nghị "
            "giao ban quý III. Dự hội nghị có đồng chí Nguyễn Văn An, Bí thư Huyện ủy; đồng chí Lê Văn Bình, Phó Bí "
            "thư, Chủ tịch UBND huyện. " + conclusion + "\n")
    (meeting,) = meetings(text)
    assert meeting.chair.name == chair
    (other,) = {"Nguyễn Văn An", "Lê Văn Bình"} - {chair}
    assert sorted((p.person.name, p.role) for p in meeting.participations) == sorted(
        [(chair, "concluder"), (other, "attendee")])


def test_meetings_online_stated_in_the_next_sentence():
    (meeting,) = meetings(HEAD + "Sáng 6/1/2023, Huyện ủy Hàm Yên tổ chức hội nghị tổng kết công tác xây dựng Đảng "
                          "năm 2022. Hội nghị được tổ chức theo hình thức trực tuyến đến 18 điểm cầu các xã, thị trấn. "
                          "Đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì hội nghị.\n")
    assert (meeting.label, meeting.online) == ("Hội nghị tổng kết", True)


@pytest.mark.parametrize("sentence, label", [
    ("Sáng 9/5, Thường trực HĐND tỉnh tổ chức cuộc họp thảo luận dự thảo báo cáo giám sát.", "Hội nghị"),
    ("Ngày 7/10, Ban Dân vận Huyện ủy tổ chức buổi tọa đàm về phong trào Dân vận khéo.", "Hội nghị"),
    ("Sáng 2/3, Thường trực HĐND huyện tổ chức phiên họp thường kỳ lần thứ 12.", "Hội nghị"),
    ("Chiều 14/11, Ủy ban nhân dân tỉnh mở hội nghị trực tuyến tiếp xúc, đối thoại của Chủ tịch tỉnh "
     "với doanh nghiệp và người dân.", "Hội nghị đối thoại"),
    ("Ngày 29-7, lãnh đạo tỉnh tổ chức buổi gặp gỡ và đối thoại với các doanh nghiệp.", "Hội nghị đối thoại"),
    ("Ngày 10/5, Ủy ban MTTQ tỉnh tổ chức hội nghị tiếp xúc giữa các ứng cử viên đại biểu Quốc hội với "
     "cử tri các xã.", "Tiếp xúc cử tri"),
])
def test_meetings_type_of_real_page_phrasings(sentence, label):
    found = classify(sentence)
    assert found is not None and found[1] == label


@pytest.mark.parametrize("lead, chair", [
    # a list presides together: the first named chairs
    ("Ngày 3/12, các đồng chí: Lò Văn Mừng, Bí thư Tỉnh ủy; Cầm Ngọc Minh, Phó Bí thư Thường trực Tỉnh ủy "
     "chủ trì hội nghị Ban Chấp hành Đảng bộ tỉnh.", "Lò Văn Mừng"),
    ("Sáng 18/12, Đoàn ĐBQH tỉnh tổ chức hội nghị tiếp xúc cử tri. Đồng chí Trần Văn Nam, Phó Bí thư "
     "Tỉnh ủy; đồng chí Lê Thị Hoa, Phó Chủ tịch HĐND tỉnh chủ trì hội nghị.", "Trần Văn Nam"),
    # several named under one title after a comma: still one list, the first chairs
    ("Sáng 6/12, kỳ họp thứ 9 HĐND tỉnh khóa XVII khai mạc. Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Hoàng Văn "
     "Khánh, các Phó Chủ tịch HĐND tỉnh: Lý Thị Mai, Đặng Quốc Hưng chủ tọa kỳ họp.", "Hoàng Văn Khánh"),
    # a list of those attending is not: the one named before the cue chairs
    ("Sáng 5/6, Huyện ủy tổ chức hội nghị sơ kết. Dự có đồng chí Trần Văn Nam, Phó Bí thư Huyện ủy; "
     "đồng chí Lê Thị Hoa, Bí thư Huyện ủy chủ trì hội nghị.", "Lê Thị Hoa"),
])
def test_meetings_co_presiders_listed_before_chu_tri(lead, chair):
    assert summary(meetings(HEAD + lead)[0])["chair"] == chair


def test_meetings_a_lead_repeated_further_down_is_one_meeting():
    lead = "Ngày 19/12/2021, HĐND xã Yên Thuận tổ chức kỳ họp thứ 3, HĐND xã khóa XXI."
    text = (HEAD + lead + " Dự kỳ họp có đồng chí Hà Văn Tâm, Bí thư Đảng ủy xã.\n\nCác đại biểu thảo luận "
            "các báo cáo.\n\n" + "Ngày 19/12/2021, HĐND xã Yên Thuận tổ chức kỳ họp thứ 3 để thông qua 4 nghị quyết.\n")
    assert len(meetings(text)) == 1


def test_meetings_a_plan_cited_is_no_meeting():
    text = (HEAD + "Thực hiện Kế hoạch số 15-KH/ĐU của Đảng ủy về đối thoại với nhân dân năm 2021. Ngày "
            "16/9/2021, Đảng ủy xã Yên Thuận tổ chức hội nghị đối thoại giữa Bí thư Đảng ủy với nhân dân.\n")
    found = meetings(text)
    assert [(m.label, m.date) for m in found] == [("Hội nghị đối thoại", "2021-09-16")]


@pytest.mark.parametrize("lead, organisers", [
    # the subject of the verb that holds the meeting, not a body whose consent is cited
    ("Sau khi được sự đồng ý của Thường trực Tỉnh ủy, sáng 24/7/2020, Đảng bộ huyện Hàm Yên tổ chức Đại hội "
     "đại biểu lần thứ XIII.", ["Đảng bộ huyện Hàm Yên"]),
    # a congress is its organisation's
    ("Ngày 14-8, Đảng ủy xã Yên Thuận tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030.",
     ["Đảng bộ xã Yên Thuận"]),
    # an abbreviation the text introduces stands between a body and its place
    ("Sáng 18/12, Đoàn Đại biểu Quốc hội (ĐBQH) tỉnh Tuyên Quang tổ chức hội nghị tiếp xúc cử tri.",
     ["Đoàn đại biểu Quốc hội tỉnh Tuyên Quang"]),
    ("Ngày 3-1, Ủy ban Mặt trận Tổ quốc (MTTQ) tỉnh Tuyên Quang tổ chức Hội nghị tổng kết công tác Mặt "
     "trận năm 2022.", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tuyên Quang"]),
    # the boards of `các huyện, thị, thành ủy` are cited, not holding the meeting
    ("Chiều 16/8/2021, Ban Dân vận Tỉnh ủy Tuyên Quang phối hợp với Ban Dân vận Huyện ủy Hàm Yên - đơn vị "
     "Trưởng cụm Ban Dân vận các huyện, thị, thành ủy tổ chức hội nghị giao ban 6 tháng đầu năm.",
     ["Ban Dân vận Tỉnh ủy Tuyên Quang", "Ban Dân vận Huyện ủy Hàm Yên"]),
    # a purpose clause names the meeting before its subject does
    ("Với mục đích tổ chức buổi tọa đàm là nơi trao đổi kinh nghiệm, ngày 7/10/2022, Ban Dân vận Huyện "
     "ủy Hàm Yên đã tổ chức buổi tọa đàm công tác dân vận.", ["Ban Dân vận Huyện ủy Hàm Yên"]),
    # a delegation's body is the one that comes
    ("Ngày 5/4, Đoàn công tác của Ban Thường vụ Huyện ủy Hàm Yên đã có buổi làm việc với Đảng ủy xã "
     "Yên Thuận.", ["Ban Thường vụ Huyện ủy Hàm Yên", "Đảng ủy xã Yên Thuận"]),
    # no body is the subject: the body whose own conference it is
    ("Ngày 1/12, các đồng chí: Lê Văn An, Bí thư Tỉnh ủy; Hà Văn Tâm, Phó Bí thư Tỉnh ủy chủ trì "
     "Hội nghị Ban Chấp hành Đảng bộ tỉnh Tuyên Quang.", ["Tỉnh ủy Tuyên Quang"]),
    # the congress of the Party organisation of a department or an office
    ("Ngày 9-6, Đảng bộ Sở Nông nghiệp và Phát triển nông thôn tỉnh Tuyên Quang tổ chức Đại hội lần thứ "
     "V, nhiệm kỳ 2020-2025.", ["Đảng bộ Sở Nông nghiệp và Phát triển nông thôn tỉnh Tuyên Quang"]),
    ("Ngày 2-7, Đảng bộ Văn phòng UBND tỉnh Tuyên Quang Đại hội lần thứ VIII, nhiệm kỳ 2020-2025.",
     ["Đảng bộ Văn phòng Ủy ban nhân dân tỉnh Tuyên Quang"]),
    # a mass organisation's executive committee is not the organisation
    ("Ngày 20-5, Ban Chấp hành Hội Nông dân huyện Hàm Yên tổ chức Đại hội Hội Nông dân huyện lần thứ X.",
     ["Ban Chấp hành Hội Nông dân huyện Hàm Yên"]),
    # a council's session, named with its number and a note in parentheses, is the council's
    ("Chiều 6/7, kỳ họp thứ 5 (kỳ họp thường lệ giữa năm) HĐND huyện Hàm Yên khóa XX khai mạc.",
     ["Hội đồng nhân dân huyện Hàm Yên"]),
])
def test_meetings_organisers_of_real_page_leads(lead, organisers):
    assert summary(meetings(HEAD + lead)[0])["organisers"] == organisers


def test_meetings_closing_address_gives_the_conclusions():
    text = (HEAD + "Sáng ngày 04/8, Ban Thường trực Ủy ban MTTQ huyện Hàm Yên tổ chức kỳ họp thứ 6. Dự kỳ họp có "
            "đồng chí Lê Văn Minh, Chủ tịch Ủy ban MTTQ huyện; đồng chí Hà Thị Thu, Phó Chủ tịch UBND huyện. "
            "Phát biểu bế mạc kỳ họp, đồng chí Lê Văn Minh đề nghị các tổ chức thành viên phối hợp chặt chẽ.")
    assert summary(meetings(text)[0])["chair"] == "Lê Văn Minh"


def test_meetings_voters_of_two_units_are_two_meetings():
    text = ("Ngày 17-11, các đại biểu Quốc hội tỉnh Quảng Ninh tiếp xúc cử tri huyện Vân Đồn và huyện Cô Tô. "
            "Dự có ông Lê Văn Trí, Phó Trưởng đoàn chuyên trách Đoàn ĐBQH tỉnh.")
    found = [summary(m) for m in meetings(text)]
    assert [(m["type"], m["date"], m["locality"], m["province"]) for m in found] == [
        ("Tiếp xúc cử tri", "--11-17", "Vân Đồn", "Quảng Ninh"), ("Tiếp xúc cử tri", "--11-17", "Cô Tô", "Quảng Ninh")]
    assert found[0]["participants"] == found[1]["participants"] == [("Lê Văn Trí", "attendee")]


@pytest.mark.parametrize("sentence, label", [
    ("Sáng 5/3, Huyện ủy tổ chức buổi làm viêc với Đảng ủy xã Yên Thuận.", "Buổi làm việc"),
    ("Sáng 5/3, UBND huyện tổ chức hội nghi sơ kết công tác 6 tháng đầu năm.", "Hội nghị sơ kết"),
])
def test_meetings_type_with_a_mistyped_word(sentence, label):
    found = classify(sentence)
    assert found is not None and found[1] == label


def test_meetings_steering_boards_named_in_free_words_organise():
    lead = ('Sáng 14/1, BCĐ thực hiện Quy chế dân chủ (QCDC) ở cơ sở tỉnh cùng Ban Chỉ đạo (BCĐ) phong trào thi '
            'đua "Dân vận khéo" tỉnh tổ chức hội nghị tổng kết năm 2021.')
    # (the headline names Hàm Yên, a district of Tuyên Quang: a bare `tỉnh` is Tuyên Quang)
    assert summary(meetings(HEAD + lead)[0])["organisers"] == [
        "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh Tuyên Quang",
        'Ban Chỉ đạo phong trào thi đua "Dân vận khéo" tỉnh Tuyên Quang']


def test_meetings_also_on_that_day_is_another_session():
    found = meetings("Hai huyện kiện toàn chức danh\n\nNgày 14-10, HĐND huyện Ba Vì tổ chức kỳ họp bất thường. "
                     "Kỳ họp đã bầu ông Đỗ Văn Lâm giữ chức Chủ tịch UBND huyện Ba Vì. "
                     "Cũng trong ngày 14-10, HĐND huyện Phúc Thọ đã tổ chức kỳ họp thứ 9.")
    assert [(m.label, m.date, m.locality.name) for m in found] == [
        ("Kỳ họp", "--10-14", "Ba Vì"), ("Kỳ họp", "--10-14", "Phúc Thọ")]


def test_meetings_a_lead_that_counts_its_meetings_reports_that_many():
    found = meetings(HEAD + "Ngày 8/5, Ủy ban MTTQ Việt Nam tỉnh Tuyên Quang tổ chức 03 cuộc hội nghị tiếp xúc "
                            "giữa các ứng cử viên với cử tri huyện Hàm Yên.")
    assert [m.label for m in found] == ["Tiếp xúc cử tri"] * 3


def test_meetings_people_a_decision_concerns_are_not_participants():
    found = meetings("Ngày 20/6, HĐND tỉnh Hà Giang tiến hành kỳ họp thứ 12. "
                     "Tại kỳ họp, HĐND tỉnh đã bầu ông Nguyễn Văn Sơn, Giám đốc Sở Tài chính, giữ chức "
                     "Phó Chủ tịch UBND tỉnh. Tổng Bí thư Tô Lâm gửi lẵng hoa chúc mừng kỳ họp. "
                     "Phát biểu tại kỳ họp, đồng chí Thào Hồng Sơn, Chủ tịch HĐND tỉnh Hà Giang đề nghị …")
    assert summary(found[0])["participants"] == [("Thào Hồng Sơn", "speaker")]


def test_meetings_people_handed_a_decision_are_participants():
    found = meetings("Sáng 3/10, Ban Thường vụ Tỉnh ủy Hải Dương tổ chức hội nghị công bố quyết định về công "
                     "tác cán bộ. Đồng chí Trần Đức Thắng, Bí thư Tỉnh ủy Hải Dương trao quyết định điều "
                     "động, bổ nhiệm cho đồng chí Lê Văn Hiệu.")
    assert [p[0] for p in summary(found[0])["participants"]] == ["Trần Đức Thắng", "Lê Văn Hiệu"]


@pytest.mark.parametrize("text, organisers", [
    # a congress named with its organisation holds it, past `đại biểu`
    ("Sáng 20-9, Đại hội đại biểu Đảng bộ tỉnh Bắc Kạn lần thứ XIII, nhiệm kỳ 2025 - 2030 khai mạc.",
     ["Đảng bộ tỉnh Bắc Kạn"]),
    ("Ngày 17 - 19.8, Đại hội Đảng bộ H.Cần Giuộc nhiệm kỳ 2020 - 2025 diễn ra.", ["Đảng bộ huyện Cần Giuộc"]),
    # a session named before its council, a comma between
    ("Trong phát biểu khai mạc Kỳ họp thứ 21, HĐND tỉnh Nghệ An khóa XVIII diễn ra sáng nay (8/7), "
     "ông Hoàng Nghĩa Hiếu chủ tọa kỳ họp.", ["Hội đồng nhân dân tỉnh Nghệ An"]),
])
def test_meetings_a_meeting_named_with_its_body_is_that_bodys(text, organisers):
    assert summary(meetings(text)[0])["organisers"] == organisers


def test_meetings_a_lead_citing_its_plan_and_dating_the_meeting_reports_it():
    text = ("Thực hiện chương trình tiếp xúc cử tri trước Kỳ họp thứ 7, chiều 3/5, đồng chí Trần Huy Tuấn, "
            "Trưởng đoàn ĐBQH tỉnh Yên Bái đã có cuộc tiếp xúc với cử tri các xã: Hưng Khánh, Hưng Thịnh "
            "(huyện Trấn Yên). Cùng dự có các Đại biểu Quốc hội.")
    found = summary(meetings(text)[0])
    assert (found["type"], found["date"], found["locality"]) == ("Tiếp xúc cử tri", "--05-03", "Trấn Yên")
    assert found["organisers"] == ["Đoàn đại biểu Quốc hội tỉnh Yên Bái"]
    # a plan that names a date yet to come reports nothing
    assert meetings("Theo kế hoạch, ngày 19/7, HĐND huyện Thuận Châu sẽ tổ chức Kỳ họp thứ Mười.") == []


@pytest.mark.parametrize("text, organisers, locality", [
    # a conference announcing decisions is held by the body whose decisions they are
    ("Thành ủy Vinh và các huyện\n\nTại hội nghị, đại diện lãnh đạo tỉnh đã công bố các quyết định của "
     "Ban Thường vụ Tỉnh ủy Nghệ An về công tác cán bộ.", ["Ban Thường vụ Tỉnh ủy Nghệ An"], "Nghệ An"),
    # a central body's decisions are announced where the lead says
    ("Sáng 21-9, tại trụ sở Tỉnh ủy Lào Cai đã diễn ra hội nghị công bố quyết định của Bộ Chính trị về công "
     "tác cán bộ của tỉnh.", ["Tỉnh ủy Lào Cai"], "Lào Cai"),
    # a unit that holds a meeting does so through its People's Committee; the province in
    # parentheses places it
    ("Ngày 14-11, phường Bình Dương (TP.HCM) tổ chức hội nghị đối thoại giữa chính quyền với nhân dân.",
     ["Ủy ban nhân dân phường Bình Dương"], "Bình Dương"),
])
def test_meetings_organisers_of_personnel_conferences_and_units(text, organisers, locality):
    found = summary(meetings(text)[0])
    assert (found["organisers"], found["locality"]) == (organisers, locality)


@pytest.mark.parametrize("text, chair", [
    # a presider, then a group under one plural title, all before the cue: the first presides
    ("Ngày 2/7, HĐND tỉnh Hậu Giang tổ chức Kỳ họp thứ Nhất. Ông Trần Văn Huyến - Phó Bí thư Tỉnh ủy, Chủ tịch "
     "HĐND tỉnh; các Phó Chủ tịch HĐND tỉnh: ông Lê Văn Nhiều, bà Đỗ Thị Hoa chủ tọa Kỳ họp.", "Trần Văn Huyến"),
    # two joined by `và` before the cue
    ("Ngày 30/7, bà Lâm Thị Hồng, Chủ tịch Ủy ban MTTQ Việt Nam huyện Ngọc Hiển và ông Trần Văn Tư, Phó Chủ tịch "
     "Ủy ban MTTQ Việt Nam huyện chủ trì hội nghị.", "Lâm Thị Hồng"),
    # the closing address gives the conclusions
    ("Tối 20-12, Thường trực Huyện ủy Kông Chro tổ chức hội nghị đối thoại với bà con làng Kdăk. Phát biểu kết thúc "
     "hội nghị, đồng chí Đinh Văn Hùng, Bí thư Huyện ủy Kông Chro nhấn mạnh …", "Đinh Văn Hùng"),
])
def test_meetings_who_presides(text, chair):
    assert summary(meetings(text)[0])["chair"] == chair


def test_meetings_a_review_named_further_on_is_what_the_conference_does():
    assert classify("Ngày 30/7, bà Lâm Thị Hồng chủ trì hội nghị Ủy ban MTTQ Việt Nam huyện Ngọc Hiển lần thứ hai "
                    "(khóa VII), nhiệm kỳ 2019 - 2024 sơ kết công tác Mặt trận 6 tháng đầu năm.")[1] == "Hội nghị sơ kết"


def test_meetings_the_delegation_a_session_is_held_with_organises_it_too():
    text = ("Sáng 12-4, đoàn công tác Tỉnh ủy Bắc Giang do đồng chí Lê Văn An, Bí thư Tỉnh ủy làm trưởng đoàn đã đến "
            "trao đổi kinh nghiệm tại tỉnh Bình Dương. Đồng chí Trần Văn Nam, Bí thư Tỉnh ủy Bình Dương tiếp và làm "
            "việc với đoàn.")
    assert summary(meetings(text)[0])["organisers"] == ["Tỉnh ủy Bình Dương", "Tỉnh ủy Bắc Giang"]


def test_meetings_a_party_organisation_holds_its_meeting_as_named():
    text = "Ngày 20-12, Đảng bộ huyện Phú Lương tổ chức Hội nghị tổng kết công tác năm 2022."
    assert summary(meetings(text)[0])["organisers"] == ["Đảng bộ huyện Phú Lương"]


def test_meetings_a_meeting_to_prepare_a_session_is_a_conference():
    assert classify("Thường trực HĐND huyện tổ chức phiên họp tháng 6 để chuẩn bị cho kỳ họp thứ nhất HĐND "
                    "huyện khóa XX.")[1] \
        == "Hội nghị"


@pytest.mark.parametrize("text, participants", [
    # canvassing voters as candidates
    ("Chiều 6/5, ông Lê Văn Dũng - Phó Bí thư Thường trực Thành ủy Tam Kỳ có buổi tiếp xúc vận động bầu cử với "
     "cử tri xã Tam Phú.", ["Lê Văn Dũng"]),
    # a leader whose visit abroad is cited is not there
    ("Ngày 4/11, Ban Tuyên giáo Huyện ủy Lộc Ninh tổ chức hội nghị báo cáo viên. Tại hội nghị, Thạc sỹ Trần Văn "
     "Hòa, Báo cáo viên Trung ương thông tin về chuyến thăm các nước của đồng chí Tổng Bí thư Nguyễn Phú Trọng.",
     ["Trần Văn Hòa"]),
])
def test_meetings_who_is_there(text, participants):
    assert [p for p, _ in summary(meetings(text)[0])["participants"]] == participants


def test_meetings_deputies_meet_voters_as_their_group_candidates_as_nobody():
    text = ("Chiều ngày 22-5, tại Hội trường UBND huyện Tri Tôn, Đại biểu HĐND tỉnh An Giang đơn vị số 6 đã có buổi "
            "tiếp xúc với hơn 150 cử tri huyện Tri Tôn.")
    assert summary(meetings(text)[0])["organisers"] == ["Tổ đại biểu Hội đồng nhân dân tỉnh An Giang"]
    text = ("Hôm qua 6.5, các ứng cử viên đại biểu HĐND tỉnh khóa X tiếp tục vận động bầu cử thông qua hoạt động "
            "tiếp xúc cử tri huyện Duy Xuyên.")
    assert summary(meetings(text)[0])["organisers"] == []


def test_meetings_several_congresses_reported_together_are_one_each():
    found = meetings("Ngày 12/6/2025, Đảng bộ các xã Mường Phăng, Nà Nhạn và Pá Khoang tổ chức Đại hội đại biểu "
                     "lần thứ nhất, nhiệm kỳ 2025-2030.")
    assert [(m.locality.name, summary(m)["organisers"]) for m in found] == [
        ("Mường Phăng", ["Đảng bộ xã Mường Phăng"]), ("Nà Nhạn", ["Đảng bộ xã Nà Nhạn"]),
        ("Pá Khoang", ["Đảng bộ xã Pá Khoang"])]


def test_meetings_a_session_reported_through_what_the_council_decided():
    found = meetings("Ngày 14-7, HĐND tỉnh Yên Bái đã bầu ông Trần Huy Tuấn giữ chức Chủ tịch UBND tỉnh.")
    assert [(m.label, summary(m)["organisers"]) for m in found] == [("Kỳ họp", ["Hội đồng nhân dân tỉnh Yên Bái"])]

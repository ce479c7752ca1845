"""venues: where a meeting is: the venue its lead names, else its organisers' unit."""

import pytest

from graph_builder import extract_text


def place(text: str) -> tuple:
    meeting = extract_text("t", text).meetings[0]
    return (meeting.locality.name if meeting.locality else None,
            meeting.province.name if meeting.province else None)


@pytest.mark.parametrize("lead, expected", [
    ("Ngày 19-6, tại TP. Long Xuyên, Ủy ban Trung ương MTTQ Việt Nam tổ chức hội nghị giao ban công tác "
     "mặt trận 6 tháng đầu năm 2019.", ("Long Xuyên", "An Giang")),
    ("Chiều 24/10, Ban Dân vận Tỉnh ủy Phú Thọ tổ chức Hội nghị giao ban quý III tại huyện Yên Lập.",
     ("Yên Lập", "Phú Thọ")),
    ("Sáng ngày 04/8/2016, tại hội trường Huyện ủy Thanh Oai, Ban Thường trực Ủy ban MTTQ huyện tổ chức "
     "hội nghị sơ kết.", ("Thanh Oai", "Hà Nội")),
    # the venue's place, not the places a report is about (`tại Ủy ban nhân dân các huyện …`)
    ("Ngày 01/7/2020, Thường trực HĐND tỉnh Trà Vinh tổ chức cuộc họp thảo luận dự thảo báo cáo giám sát "
     "tại Ủy ban nhân dân các huyện Càng Long, Trà Cú.", ("Trà Vinh", "Trà Vinh")),
    # voters of a named unit
    ("Ngày 17-11, các đại biểu Quốc hội tỉnh Quảng Ninh tiếp xúc cử tri huyện Vân Đồn.", ("Vân Đồn", "Quảng Ninh")),
])
def test_venues_stated_venue_locates_the_meeting(lead, expected):
    assert place(lead) == expected


@pytest.mark.parametrize("lead, expected", [
    # a conference is its first organiser's
    ("Sáng 8/7/2019, Ban Dân vận Tỉnh ủy Khánh Hòa phối hợp với Ban Dân vận Huyện ủy Diên Khánh tổ chức "
     "hội nghị sơ kết công tác thi đua.", ("Khánh Hòa", "Khánh Hòa")),
    # a working session belongs to the side visited
    ("Ngày 5/4, Ban Thường vụ Huyện ủy Tuy Đức đã có buổi làm việc với Đảng ủy xã Quảng Trực.",
     ("Quảng Trực", "Đắk Nông")),
])
def test_venues_without_a_venue_the_organisers(lead, expected):
    assert place(lead) == expected


def test_venues_the_venue_named_before_the_lead_and_the_host_province():
    # a delegation of one province visits another: the host's province is the article's
    text = ("Chiều 14-4, đoàn công tác của Tỉnh ủy Bắc Kạn do đồng chí Trần Văn Hải, Bí thư Tỉnh ủy Bắc Kạn "
            "dẫn đầu đã đến học tập kinh nghiệm tại tỉnh Bình Dương. Đồng chí Lê Thị Hoa, Bí thư Tỉnh ủy "
            "và lãnh đạo tỉnh Bình Dương đã tiếp và làm việc với đoàn.")
    article = extract_text("t", text)
    assert place(text) == ("Bình Dương", "Bình Dương")
    titles = {p.name: [h.post.title for h in p.holdings] for p in article.persons}
    assert titles["Lê Thị Hoa"] == ["Bí thư Tỉnh ủy Bình Dương"]


def test_venues_a_building_in_free_words_stands_in_the_commune_named_after_it():
    lead = ("Tối 20-12, tại nhà sinh hoạt cộng đồng làng Kdăk, xã Yang Trung, huyện Kông Chro, tỉnh Gia Lai, "
            "Thường trực Huyện ủy Kông Chro đã tổ chức hội nghị đối thoại với bà con.")
    assert place(lead) == ("Yang Trung", "Gia Lai")


def test_venues_voters_of_communes_listed_with_their_district_meet_in_it():
    lead = ("Ngày 22/11/2022, Tổ đại biểu HĐND tỉnh Long An có buổi tiếp xúc với cử tri xã Tân Lập và Nhơn Hòa, "
            "huyện Tân Thạnh.")
    found = extract_text("t", lead).meetings
    assert [(m.locality.name, m.province.name) for m in found] == [("Tân Thạnh", "Long An")]

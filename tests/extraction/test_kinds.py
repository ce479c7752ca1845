"""extraction/kinds.py: the kind of meeting a sentence reports."""

import pytest

from graph_builder.extraction.kinds import classify


@pytest.mark.parametrize("sentence, label", [
    # a conference that announces or hands over personnel decisions
    ("Chiều 4/3, UBND tỉnh Bến Tre công bố các quyết định về công tác cán bộ.", "Hội nghị"),
    ("Sáng 9.6, Phó Chủ tịch UBND tỉnh Trần Văn Hòa trao quyết định bổ nhiệm ông Lâm Văn Tư.", "Hội nghị"),
    ("Ngày 2/4, Thường trực Huyện ủy gặp mặt các đồng chí nguyên lãnh đạo huyện.", "Hội nghị"),
    # deputies meeting a number of voters
    ("Chiều 3/6, đại biểu HĐND tỉnh đã có buổi tiếp xúc với hơn 150 cử tri xã Phú Lộc.", "Tiếp xúc cử tri"),
])
def test_kinds_personnel_and_voters_meetings(sentence, label):
    found = classify(sentence)
    assert found is not None and found[1] == label


def test_kinds_a_body_preparing_a_congress_meets_as_itself():
    # the congress word names what the subcommittee prepares, not the meeting
    assert classify("Tiểu ban Văn kiện Đại hội Đảng bộ huyện Krông Nô lần thứ XIII họp góp ý dự thảo.") is None
    assert classify("Ngày 1/10, Bí thư Huyện ủy chủ trì cuộc họp Tiểu ban Nhân sự Đại hội Đảng bộ huyện.")[1] \
        == "Hội nghị"
    assert classify("Sáng 2/10, Đảng bộ xã Tân Lập tổ chức Đại hội đại biểu lần thứ V.")[1] == "Đại hội"

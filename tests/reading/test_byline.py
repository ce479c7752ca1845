"""reading/byline.py: which short line is a reporter's byline, and the name it gives."""

import pytest

from graph_builder.reading.byline import author_from, looks_like_byline


@pytest.mark.parametrize("line, author", [
    ("Minh Châu", "Minh Châu"),
    ("THU HÀ - VĂN KHOA", "THU HÀ - VĂN KHOA"),                     # two reporters, in capitals
    ("Tác giả: Quang Huy", "Quang Huy"),
    ("Bài, ảnh: Hồng Nhung", "Hồng Nhung"),
    ("Trần Quang Vinh - LĐLĐ huyện Yên Thế", "Trần Quang Vinh"),   # the body the reporter writes for
    ("Lê Thu Trang - Trung tâm VH-TT huyện", "Lê Thu Trang"),
    ("Đ.T.H", "Đ.T.H"),                                             # initials
])
def test_byline_names_the_reporter(line, author):
    assert looks_like_byline(line)
    assert author_from(line, line) == author


@pytest.mark.parametrize("line", [
    "Ảnh: Minh Hoàng",                                   # a photo credit
    "Hội nghị đã thành công tốt đẹp.",                   # a sentence
])
def test_byline_refuses_what_is_not_one(line):
    assert not looks_like_byline(line)


@pytest.mark.parametrize("line", ["PV", "Trung tâm Văn hóa - Thông tin huyện", "BBT"])
def test_byline_anonymous_or_an_organisation_gives_no_name(line):
    assert author_from(line, line) is None

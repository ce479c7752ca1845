"""article.py: reading a file into an Article (title, body, byline, publication date,
dateline, sentences); bylines are the author, never a person."""

import pytest

from graph_builder import extract_text
from graph_builder.reading.article import parse_article, read_file
from graph_builder.errors import InputError

BODY = "Sáng 27/12, Huyện ủy Hàm Yên tổ chức hội nghị tổng kết công tác năm 2022."


def _with_last_line(line: str) -> str:
    return f"Hội nghị tổng kết công tác năm 2022\n\n{BODY}\n\n{line}\n"


@pytest.mark.parametrize("last_line, author", [
    ("Tuấn Tú", "Tuấn Tú"),
    ("Tác giả: Trọng Nghĩa", "Trọng Nghĩa"),
    ("Phương Thảo: Huyện Bắc Mê", "Phương Thảo"),
    ("Văn Thành (TTVH)", "Văn Thành"),
    ("Tin, ảnh: Minh Anh", "Minh Anh"),
    ("Bài, ảnh: Hồng Nhung", "Hồng Nhung"),
    ("Hoàng Anh (Văn phòng Huyện ủy)", "Hoàng Anh"),
    ("Theo Báo Tuyên Quang", None),
    ("Trung tâm Văn hóa - Thông tin huyện", None),   # an organisation is no author
    ("Ban Tuyên giáo Huyện ủy", None),
    ("Văn phòng Huyện ủy", None),
])
def test_article_byline(last_line, author):
    article = parse_article("t", _with_last_line(last_line))
    assert article.author == author
    assert article.title == "Hội nghị tổng kết công tác năm 2022"
    assert article.norm[article.sentences[0][0]:article.sentences[-1][1]] == BODY


@pytest.mark.parametrize("byline", ["Tuấn Tú", "Nguyễn Văn Hùng", "Tác giả: Lê Thị Hoa"])
def test_article_byline_is_not_a_person(byline):
    text = ("Huyện ủy Hàm Yên tổng kết công tác năm 2022\n\n"
            "Sáng 27/12, Huyện ủy Hàm Yên tổ chức hội nghị tổng kết công tác năm 2022. "
            "Đồng chí Nguyễn Duy Hòa, Bí thư Huyện ủy chủ trì hội nghị.\n\n" + byline + "\n")
    article = extract_text("t", text)
    assert [p.name for p in article.persons] == ["Nguyễn Duy Hòa"]
    assert article.author == byline.removeprefix("Tác giả: ")


@pytest.mark.parametrize("line, published", [
    ("12/01/2022 09:20", "2022-01-12T09:20:00"),
    ("Thứ Tư, 12/01/2022 | 09:20", "2022-01-12T09:20:00"),
    ("Ngày 12/01/2022", "2022-01-12"),
    ("12/01/2022", "2022-01-12"),
    ("Cập nhật: 12/01/2022 09:20", "2022-01-12T09:20:00"),
    ("Đăng ngày: 12/01/2022", "2022-01-12"),
    ("12/01/2022 09:20 - Lượt xem: 120", "2022-01-12T09:20:00"),
])
def test_article_publication_line(line, published):
    article = parse_article("t", f"Hội nghị tổng kết\n{line}\n{BODY}\n")
    assert article.published == published
    assert article.title == "Hội nghị tổng kết"
    assert [article.text[a:b] for a, b in article.sentences] == [BODY]


@pytest.mark.parametrize("lead, code", [
    ("ĐBP - Chiều nay (29/12), Thường trực Tỉnh ủy tổ chức Hội nghị giao ban.", "ĐBP"),
    ("QTO - Sáng 5/1, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban.", "QTO"),
    ("(GLO) - Sáng 5/1, Huyện ủy tổ chức hội nghị.", "GLO"),
    ("XYZ - Sáng 5/1, Huyện ủy tổ chức hội nghị.", None),          # unknown code: none
    ("Sáng 5/1, Huyện ủy tổ chức hội nghị.", None),
])
def test_article_dateline_code(lead, code):
    article = parse_article("t", f"Tiêu đề bài viết\n\n{lead}\n")
    assert article.dateline == code


def test_article_menu_and_trailer_lines_are_not_body():
    text = ("A- A A+ | Tăng tương phản Giảm tương phản\n\nHội nghị tổng kết\n\n" + BODY +
            "\n\nTác giả: Thu Hiền\n\nTin liên quan\nHuyện ủy Bắc Mê tổ chức hội nghị khác.\n")
    article = parse_article("t", text)
    assert article.title == "Hội nghị tổng kết"
    assert article.author == "Thu Hiền"
    assert [article.text[a:b] for a, b in article.sentences] == [BODY]


def test_article_sentences_split_at_sentence_ends_and_lines():
    text = ("Huyện ủy Hàm Yên tổng kết công tác năm 2022\n\n"
            "Sáng 27/12, Huyện ủy tổ chức hội nghị. Đồng chí Hòa chủ trì.\n"
            "Dự hội nghị có lãnh đạo các xã.\n")
    article = parse_article("t", text)
    assert [article.text[a:b] for a, b in article.sentences] == [
        "Sáng 27/12, Huyện ủy tổ chức hội nghị.", "Đồng chí Hòa chủ trì.", "Dự hội nghị có lãnh đạo các xã."]


def test_article_norm_has_the_length_of_text_and_offsets_agree():
    article = parse_article("t", "Hội nghị\n\nĐồng chí Nguyễn Duy Hoà,\u00a0Phó Bí thư Huyện uỷ “Hàm Yên”.\n")
    assert len(article.norm) == len(article.text)
    start, end = article.sentences[0]
    assert article.text[start:end] == "Đồng chí Nguyễn Duy Hoà,\u00a0Phó Bí thư Huyện uỷ “Hàm Yên”."
    assert article.norm[start:end] == 'Đồng chí Nguyễn Duy Hòa, Phó Bí thư Huyện ủy "Hàm Yên".'


@pytest.mark.parametrize("encoded", [
    "Hội nghị\n\nSáng 27/12, Huyện ủy Hàm Yên tổ chức hội nghị.\n".encode("utf-8"),
    b"\xef\xbb\xbf" + "Hội nghị\n\nSáng 27/12, Huyện ủy Hàm Yên tổ chức hội nghị.\n".encode("utf-8"),
    "Hội nghị\n\nSáng 27/12, Huyện ủy Hàm Yên tổ chức hội nghị.\n".encode("utf-16"),
    "Hội nghị\r\n\r\nSáng 27/12, Huyện ủy Hàm Yên tổ chức hội nghị.\r\n".encode("utf-8"),
])
def test_article_read_file_in_utf8_bom_utf16_and_crlf(tmp_path, encoded):
    path = tmp_path / "001_abc.txt"
    path.write_bytes(encoded)
    article = read_file(path)
    assert article.id == "001_abc"
    assert article.title == "Hội nghị"
    assert article.text.startswith("Hội nghị\n\nSáng 27/12")


def test_article_not_utf8_is_an_input_error_naming_file_and_offset(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Ho" + b"\xea\xff rest")
    with pytest.raises(InputError) as caught:
        read_file(path)
    message = str(caught.value)
    assert str(path) in message and "byte offset 2" in message and "UTF-8" in message
    assert caught.value.exit_code == 3


def test_article_short_headline_is_the_title_not_a_category():
    text = ("Hội nghị giao ban\n\n"
            "Sáng 20/3/2023, Ban Dân vận Huyện ủy Hàm Yên tổ chức Hội nghị giao ban công tác dân vận quý I. "
            "Đồng chí Trần Thị Hoa, Trưởng Ban Dân vận Huyện ủy chủ trì hội nghị.\n\n"
            "Hội nghị đã đánh giá kết quả công tác dân vận quý I năm 2023.\n")
    article = extract_text("t", text)
    assert article.title == "Hội nghị giao ban"
    assert [o.name for o in article.meetings[0].organisers] == ["Ban Dân vận Huyện ủy Hàm Yên"]


def test_article_byline_name_dash_organisation():
    article = parse_article("t", _with_last_line("Nguyễn Hương - Trung tâm TT-VH huyện"))
    assert article.author == "Nguyễn Hương"
    assert [article.text[a:b] for a, b in article.sentences] == [BODY]

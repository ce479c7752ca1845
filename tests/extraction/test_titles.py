"""extract/titles.py + positions.py: the title grammar, abbreviations expanded, status
words, canonical bodies, a bare `huyện`/`tỉnh` resolved to the article's unit."""

import pytest

from graph_builder.extraction.places import Context
from graph_builder.extraction.positions import render_title
from graph_builder.extraction.chains import parse_chain
from graph_builder.extraction.tokens import tokenize

from ..support import context

HAM_YEN = dict(district="Hàm Yên")        # Tuyên Quang
DIEN_BIEN = dict(province="Điện Biên")


def titles(text: str, ctx: Context) -> list[tuple[str, str]]:
    """(full title, status) of the title chain that opens `text`."""
    tokens = tokenize(text)
    found = parse_chain(tokens, 0)
    assert found is not None, f"no title parsed in {text!r}"
    posts = [render_title(t, ctx) for t in found[0]]
    return [(p.title, p.status) if p else None for p in posts]


@pytest.mark.parametrize("text, expected", [
    # abbreviations of bodies
    ("Chủ tịch HĐND huyện", ["Chủ tịch Hội đồng nhân dân huyện Hàm Yên"]),
    ("Phó Chủ tịch UBND tỉnh", ["Phó Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang"]),
    ("Chủ tịch UBMTTQ huyện", ["Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện Hàm Yên"]),
    ("Chủ tịch UB.MTTQ huyện", ["Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện Hàm Yên"]),
    ("Chủ tịch Ủy ban MTTQ Việt Nam huyện", ["Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện Hàm Yên"]),
    ("Chủ tịch UBMTTQVN huyện", ["Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện Hàm Yên"]),
    ("Phó Chủ tịch Thường trực UBMTTQ tỉnh",
     ["Phó Chủ tịch Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tuyên Quang"]),
    ("Chủ tịch Hội LHPN huyện", ["Chủ tịch Hội Liên hiệp Phụ nữ huyện Hàm Yên"]),
    ("Chủ tịch LĐLĐ huyện", ["Chủ tịch Liên đoàn Lao động huyện Hàm Yên"]),
    ("Chủ tịch Hội CCB huyện", ["Chủ tịch Hội Cựu chiến binh huyện Hàm Yên"]),
    ("Chủ tịch Hội Nông dân huyện", ["Chủ tịch Hội Nông dân huyện Hàm Yên"]),
    ("Chủ tịch MTTQ huyện", ["Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện Hàm Yên"]),
    ("Phó Chủ tịch Thường trực HĐND tỉnh", ["Phó Chủ tịch Thường trực Hội đồng nhân dân tỉnh Tuyên Quang"]),
    ("Chủ tịch Hội LHPN tỉnh", ["Chủ tịch Hội Liên hiệp Phụ nữ tỉnh Tuyên Quang"]),
    # party roles and committees
    ("Bí thư TU", ["Bí thư Tỉnh ủy Tuyên Quang"]),
    ("Phó Bí thư TT HU", ["Phó Bí thư Thường trực Huyện ủy Hàm Yên"]),
    ("PBT TT Huyện ủy", ["Phó Bí thư Thường trực Huyện ủy Hàm Yên"]),
    ("Ủy viên BTV Huyện ủy", ["Ủy viên Ban Thường vụ Huyện ủy Hàm Yên"]),
    ("UVBTV Huyện ủy", ["Ủy viên Ban Thường vụ Huyện ủy Hàm Yên"]),
    ("UVBTV, Trưởng Ban Dân vận HU",
     ["Ủy viên Ban Thường vụ Huyện ủy Hàm Yên", "Trưởng Ban Dân vận Huyện ủy Hàm Yên"]),
    ("UVTV, Trưởng Ban Tuyên giáo Huyện ủy",
     ["Ủy viên Ban Thường vụ Huyện ủy Hàm Yên", "Trưởng Ban Tuyên giáo Huyện ủy Hàm Yên"]),
    ("TUV, Bí thư Huyện ủy", ["Ủy viên Tỉnh ủy Tuyên Quang", "Bí thư Huyện ủy Hàm Yên"]),
    ("HUV, Chủ tịch Hội LHPN huyện",
     ["Ủy viên Huyện ủy Hàm Yên", "Chủ tịch Hội Liên hiệp Phụ nữ huyện Hàm Yên"]),
    ("UVBTVTU, Bí thư Huyện ủy", ["Ủy viên Ban Thường vụ Tỉnh ủy Tuyên Quang", "Bí thư Huyện ủy Hàm Yên"]),
    ("Tỉnh ủy viên", ["Ủy viên Tỉnh ủy Tuyên Quang"]),
    ("Tỉnh ủy viên, Bí thư Huyện ủy", ["Ủy viên Tỉnh ủy Tuyên Quang", "Bí thư Huyện ủy Hàm Yên"]),
    ("Ủy viên Ban Chấp hành Đảng bộ tỉnh", ["Ủy viên Tỉnh ủy Tuyên Quang"]),
    ("Bí thư Ban Chấp hành Đảng bộ huyện", ["Bí thư Huyện ủy Hàm Yên"]),
    ("Chánh Văn phòng Huyện ủy", ["Chánh Văn phòng Huyện ủy Hàm Yên"]),
    ("Ủy viên BCH Đảng bộ tỉnh", ["Ủy viên Tỉnh ủy Tuyên Quang"]),
    ("Phó Trưởng Ban Tổ chức Tỉnh ủy", ["Phó Trưởng Ban Tổ chức Tỉnh ủy Tuyên Quang"]),
    ("Chủ nhiệm Ủy ban Kiểm tra Huyện ủy", ["Chủ nhiệm Ủy ban Kiểm tra Huyện ủy Hàm Yên"]),
    ("TVTU, Trưởng Ban Nội chính Tỉnh ủy",
     ["Ủy viên Ban Thường vụ Tỉnh ủy Tuyên Quang", "Trưởng Ban Nội chính Tỉnh ủy Tuyên Quang"]),
    ("Phó Bí thư Thường trực Huyện ủy kiêm Chủ tịch HĐND huyện",
     ["Phó Bí thư Thường trực Huyện ủy Hàm Yên", "Chủ tịch Hội đồng nhân dân huyện Hàm Yên"]),
    ("Trưởng Ban Dân vận - Chủ tịch UBMTTQ huyện",
     ["Trưởng Ban Dân vận Huyện ủy Hàm Yên", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện Hàm Yên"]),
    ("Chỉ huy trưởng Ban Chỉ huy Quân sự huyện", ["Chỉ huy trưởng Ban Chỉ huy Quân sự huyện Hàm Yên"]),
    ("Phó Chủ tịch UBND thị trấn Tân Yên", ["Phó Chủ tịch Ủy ban nhân dân thị trấn Tân Yên"]),
    ("Bí thư Huyện đoàn", ["Bí thư Huyện đoàn Hàm Yên"]),
    # departments
    ("Giám đốc Sở Nội vụ", ["Giám đốc Sở Nội vụ tỉnh Tuyên Quang"]),
    ("Giám đốc Sở Tài chính tỉnh", ["Giám đốc Sở Tài chính tỉnh Tuyên Quang"]),
    ("Trưởng phòng Tài nguyên và Môi trường huyện", ["Trưởng Phòng Tài nguyên và Môi trường huyện Hàm Yên"]),
    # named places
    ("Bí thư Huyện ủy Hàm Yên", ["Bí thư Huyện ủy Hàm Yên"]),
    ("Bí thư Đảng ủy xã Tân Thành", ["Bí thư Đảng ủy xã Tân Thành"]),
    ("Chủ tịch UBND xã Yên Phú", ["Chủ tịch Ủy ban nhân dân xã Yên Phú"]),
    # central level
    ("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy", ["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy Tuyên Quang"]),
    ("UVBCHTW, Bí thư Tỉnh ủy", ["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy Tuyên Quang"]),
])
def test_titles_grammar_in_a_district_article(text, expected):
    assert titles(text, context(**HAM_YEN)) == [(t, "current") for t in expected]


@pytest.mark.parametrize("text, expected", [
    ("Phó Bí thư Thường trực Tỉnh ủy", [("Phó Bí thư Thường trực Tỉnh ủy Điện Biên", "current")]),
    ("Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch HĐND tỉnh",
     [("Ủy viên Ban Thường vụ Tỉnh ủy Điện Biên", "current"), ("Chủ tịch Hội đồng nhân dân tỉnh Điện Biên", "current")]),
    # the post, not the organiser: "Thường trực Tỉnh ủy" after the comma is the body that acts
    ("Phó Bí thư Thường trực, Thường trực Tỉnh ủy", [("Phó Bí thư Thường trực Tỉnh ủy Điện Biên", "current")]),
    ("Bí thư Thành ủy Điện Biên Phủ", [("Bí thư Thành ủy Điện Biên Phủ", "current")]),
    ("Bí thư Thị ủy Mường Lay", [("Bí thư Thị ủy Mường Lay", "current")]),
    ("Chủ tịch UBND huyện Tủa Chùa", [("Chủ tịch Ủy ban nhân dân huyện Tủa Chùa", "current")]),
])
def test_titles_grammar_in_a_province_article(text, expected):
    assert titles(text, context(**DIEN_BIEN)) == expected


@pytest.mark.parametrize("text, expected", [
    ("quyền Chủ tịch UBND huyện", [("Chủ tịch Ủy ban nhân dân huyện Hàm Yên", "acting")]),
    ("nguyên Bí thư Huyện ủy", [("Bí thư Huyện ủy Hàm Yên", "former")]),
    ("nguyên Chủ tịch HĐND tỉnh", [("Chủ tịch Hội đồng nhân dân tỉnh Tuyên Quang", "former")]),
])
def test_titles_status_word_changes_the_holding_not_the_title(text, expected):
    assert titles(text, context(**HAM_YEN)) == expected


@pytest.mark.parametrize("text, expected", [
    # a bare `huyện`/`tỉnh` where the article never names its unit: no locality, nothing guessed
    ("Bí thư Huyện ủy", "Bí thư Huyện ủy"),
    ("Phó Chủ tịch UBND huyện", "Phó Chủ tịch Ủy ban nhân dân huyện"),
    ("Chủ tịch HĐND tỉnh", "Chủ tịch Hội đồng nhân dân tỉnh"),
    ("UVBTV Huyện ủy", "Ủy viên Ban Thường vụ Huyện ủy"),
    ("Giám đốc Sở Nội vụ", "Giám đốc Sở Nội vụ"),
    # a place named in the title needs no context
    ("Bí thư Huyện ủy Hàm Yên", "Bí thư Huyện ủy Hàm Yên"),
    ("Bí thư Tỉnh ủy Điện Biên", "Bí thư Tỉnh ủy Điện Biên"),
    # a district name shared by two provinces keeps its name but no unit is guessed
    ("Bí thư Huyện ủy Bảo Lâm", "Bí thư Huyện ủy Bảo Lâm"),
    ("Chủ tịch UBND huyện Châu Thành", "Chủ tịch Ủy ban nhân dân huyện Châu Thành"),
])
def test_titles_without_knowable_locality_end_without_it(text, expected):
    assert titles(text, Context()) == [(expected, "current")]


def test_titles_shared_district_name_resolves_to_the_article_province():
    ctx = context(province="Lâm Đồng")
    tokens = tokenize("Bí thư Huyện ủy Bảo Lâm")
    post = render_title(parse_chain(tokens, 0)[0][0], ctx)
    assert post.title == "Bí thư Huyện ủy Bảo Lâm"
    assert post.org.unit is not None and post.org.unit.province == ctx.province.code


@pytest.mark.parametrize("text", ["Phó Bí thư", "Chủ tịch"])
def test_titles_role_without_body_or_context_is_no_post(text):
    assert titles(text, Context()) == [None]


@pytest.mark.parametrize("text", ["Hội nghị tổng kết", "Nguyễn Duy Hòa", "Trưởng"])
def test_titles_not_a_title(text):
    assert parse_chain(tokenize(text), 0) is None


def test_titles_keep_offsets_of_abbreviations_in_the_text():
    text = "Phó Bí thư TT HU"
    tokens = tokenize(text)
    title = parse_chain(tokens, 0)[0][0]
    assert (title.start, title.end) == (0, len(text))
    assert [t.text for t in tokens if t.expanded] == ["Thường", "trực", "Huyện", "ủy"]
    assert {(t.start, t.end) for t in tokens if t.expanded} == {(11, 13), (14, 16)}


@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch UBND xã", "Chủ tịch Ủy ban nhân dân xã Yên Thuận"),
    ("Bí thư Đảng ủy xã", "Bí thư Đảng ủy xã Yên Thuận"),
    ("Chủ tịch HĐND xã", "Chủ tịch Hội đồng nhân dân xã Yên Thuận"),
    ("Phó Chủ tịch UBND huyện", "Phó Chủ tịch Ủy ban nhân dân huyện Hàm Yên"),
])
def test_titles_bare_xa_means_the_article_commune(text, expected):
    assert titles(text, context(district="Hàm Yên", commune="Yên Thuận")) == [(expected, "current")]


def test_titles_bare_xa_without_a_known_commune_ends_without_it():
    assert titles("Bí thư Đảng ủy xã", context(district="Hàm Yên")) == [("Bí thư Đảng ủy xã", "current")]


def test_titles_a_duty_between_role_and_body():
    from graph_builder import extract_text
    text = ("Sáng 18/12, Đoàn ĐBQH tỉnh Quảng Trị tổ chức hội nghị tiếp xúc cử tri. Đồng chí Hoàng Văn Thắng, "
            "Phó trưởng đoàn chuyên trách phụ trách Đoàn ĐBQH tỉnh chủ trì hội nghị.")
    person = extract_text("t", text).persons[0]
    assert [h.post.title for h in person.holdings] == \
        ["Phó Trưởng đoàn chuyên trách Đoàn đại biểu Quốc hội tỉnh Quảng Trị"]


@pytest.mark.parametrize("text, title", [
    ("Chủ tọa là ông Lê Văn Dũng, Chủ tịch Ủy ban Mật trận Tổ quốc Việt Nam xã Yên Thuận.",
     "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã Yên Thuận"),              # a diacritic mistyped
    ("Dự có ông Lê Văn Dũng, Phó chủ tịch Hội đồng nhân huyện Hàm Yên.",
     "Phó Chủ tịch Hội đồng nhân dân huyện Hàm Yên"),                         # a word dropped, lower case
])
def test_titles_mistyped_nouns(text, title):
    from graph_builder import extract_text
    assert [h.post.title for h in extract_text("t", text).persons[0].holdings] == [title]


@pytest.mark.parametrize("text, expected", [
    # the place that ends a chain is that of the bodies of its level named bare before it
    ("Dự có đồng chí Bùi Văn Hiệp, Ủy viên BTV huyện ủy, Phó Chủ tịch HĐND huyện Vĩnh Bảo.",
     ["Ủy viên Ban Thường vụ Huyện ủy Vĩnh Bảo", "Phó Chủ tịch Hội đồng nhân dân huyện Vĩnh Bảo"]),
    ("Dự có ông Bùi Văn Châu, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh, Trưởng đoàn đại biểu Quốc hội tỉnh Phú Thọ.",
     ["Bí thư Tỉnh ủy Phú Thọ", "Chủ tịch Hội đồng nhân dân tỉnh Phú Thọ",
      "Trưởng Đoàn đại biểu Quốc hội tỉnh Phú Thọ"]),
    # a role named without its body holds it in the body of the title it is joined to
    ("Dự có ông Lê Tiến Hải, Phó Chủ tịch – Tổng Thư ký UBTƯ MTTQ Việt Nam.",
     ["Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
      "Tổng Thư ký Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]),
    # the Party organisation of a department is named after it
    ("Đồng chí Lê Văn Tuấn, Bí thư Đảng ủy Sở Tài chính tỉnh Tuyên Quang dự hội nghị.",
     ["Bí thư Đảng ủy Sở Tài chính tỉnh Tuyên Quang"]),
    # an executive committee named alone is that of the organisation the next title names
    ("Bà Lò Thị Hương, Ủy viên Ban Chấp hành, Chủ tịch Hội Phụ nữ xã Yên Thuận dự hội nghị.",
     ["Ủy viên Ban Chấp hành Hội Liên hiệp Phụ nữ xã Yên Thuận", "Chủ tịch Hội Liên hiệp Phụ nữ xã Yên Thuận"]),
    # a province named without its kind word
    ("Đồng chí Nguyễn Thị Nga, Trưởng Đoàn đại biểu Quốc hội Hải Phòng chủ trì hội nghị.",
     ["Trưởng Đoàn đại biểu Quốc hội thành phố Hải Phòng"]),
])
def test_titles_chains_of_real_pages(text, expected):
    from graph_builder import extract_text
    assert [h.post.title for h in extract_text("t", text).persons[0].holdings] == expected


def test_titles_one_title_after_two_names_joined_by_va():
    from graph_builder import extract_text
    text = ("Tham dự buổi làm việc có đồng chí Phạm Minh Đức và đồng chí Hoàng Thị Yến - Chuyên viên Ban Dân vận "
            "Huyện ủy Hàm Yên.")
    assert {p.name: [h.post.title for h in p.holdings] for p in extract_text("t", text).persons} == {
        "Phạm Minh Đức": ["Chuyên viên Ban Dân vận Huyện ủy Hàm Yên"],
        "Hoàng Thị Yến": ["Chuyên viên Ban Dân vận Huyện ủy Hàm Yên"]}


def test_titles_council_named_in_free_words():
    from graph_builder import extract_text
    text = ("Ngày 6/3, đồng chí Hoàng Văn Khánh, Chủ tịch UBND tỉnh Sơn La, Chủ tịch Hội đồng Thi đua - Khen thưởng "
            "tỉnh chủ trì hội nghị tổng kết công tác thi đua năm 2022.")
    assert [h.post.title for h in extract_text("t", text).persons[0].holdings] == [
        "Chủ tịch Ủy ban nhân dân tỉnh Sơn La", "Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh Sơn La"]


@pytest.mark.parametrize("text, titles", [
    # a special zone of the 2025 map, and the chain's Đảng ủy taking its place
    ("Thứ Ba, 06/01/2026 08:00\n\nDự hội nghị có ông Đoàn Văn Tiến, Phó Bí thư Đảng ủy, Chủ tịch UBND đặc khu "
     "Phú Quốc.", ["Phó Bí thư Đảng ủy đặc khu Phú Quốc", "Chủ tịch Ủy ban nhân dân đặc khu Phú Quốc"]),
    # Ho Chi Minh City keeps its name whole in its committee's name
    ("Dự hội nghị có bà Nguyễn Thị Mai, Ủy viên Ban Thường vụ Thành ủy TP.HCM.",
     ["Ủy viên Ban Thường vụ Thành ủy Thành phố Hồ Chí Minh"]),
    ("Dự có Thượng tá Lê Văn Thìn, Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh Quảng Trị.",
     ["Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh Quảng Trị"]),
    ("Ông Trần Đăng Khoa, Chủ tich UBND phường Vỹ Dạ chủ trì hội nghị.",         # a diacritic dropped
     ["Chủ tịch Ủy ban nhân dân phường Vỹ Dạ"]),
    ("Ông Nguyễn Hoàng Phúc, Chủ tịch Hội đồng dân quận Bình Thủy dự hội nghị.",   # a word dropped
     ["Chủ tịch Hội đồng nhân dân quận Bình Thủy"]),
    # the title before the name, joined by a dash
    ("Dự đại hội có Bí thư Huyện ủy Thạch Thành – Trịnh Xuân Toàn.", ["Bí thư Huyện ủy Thạch Thành"]),
    # a role word that makes no title is a syllable of a name
    ("Chiều 17/9, đồng chí Nguyễn Minh Chánh, Phó Chủ tịch UBND tỉnh Lâm Đồng chủ trì buổi làm việc.",
     ["Phó Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng"]),
])
def test_titles_of_the_scraped_style(text, titles):
    from graph_builder import extract_text
    assert [h.post.title for h in extract_text("t", text).persons[0].holdings] == titles


def test_titles_an_old_province_in_a_new_map_article_speaks_for_its_successor():
    from graph_builder import extract_text
    text = ("Sáng nay (29/12), Ủy ban MTTQ Việt Nam xã Giao Thủy tổ chức hội nghị tổng kết công tác Mặt trận năm "
            "2025. Dự có bà Trần Thị Vân, Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh. Nhiều hộ dân (trước đây thuộc "
            "huyện Giao Thủy, tỉnh Nam Định) tham gia mô hình nuôi ngao.")
    article = extract_text("t", text)
    assert [h.post.title for h in article.persons[0].holdings] == \
        ["Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Ninh Bình"]
    assert (article.meetings[0].locality.name, article.meetings[0].province.name) == ("Giao Thủy", "Ninh Bình")


@pytest.mark.parametrize("text, expected", [
    # a ministry is a central body, named with a capital; a state auditor's post stands alone
    ("Bộ trưởng Bộ Quốc phòng", ["Bộ trưởng Bộ Quốc phòng"]),
    ("Tổng Kiểm toán Nhà nước", ["Tổng Kiểm toán Nhà nước"]),
    ("Phó Thủ tướng Thường trực Chính phủ", ["Phó Thủ tướng Thường trực Chính phủ"]),
    # boards named in free words, and abbreviated posts
    ("Trưởng Ban Quản lý các Khu công nghiệp tỉnh", ["Trưởng Ban Quản lý các Khu công nghiệp tỉnh Điện Biên"]),
    ("Bí thư Ban cán sự đảng UBND tỉnh", ["Bí thư Ban cán sự đảng Ủy ban nhân dân tỉnh Điện Biên"]),
    ("PBTTT Huyện ủy Điện Biên Đông", ["Phó Bí thư Thường trực Huyện ủy Điện Biên Đông"]),
    ("CTHĐND tỉnh", ["Chủ tịch Hội đồng nhân dân tỉnh Điện Biên"]),
])
def test_titles_central_posts_boards_and_abbreviated_posts(text, expected):
    assert [t for t, _ in titles(text, context(**DIEN_BIEN))] == expected


@pytest.mark.parametrize("text, expected", [
    # a council named bare in a chain is of its neighbours' level
    ("Bí thư Tỉnh ủy, Chủ tịch HĐND, Trưởng Đoàn ĐBQH tỉnh",
     ["Bí thư Tỉnh ủy Điện Biên", "Chủ tịch Hội đồng nhân dân tỉnh Điện Biên",
      "Trưởng Đoàn đại biểu Quốc hội tỉnh Điện Biên"]),
    # an abbreviation introduced inside a body's name
    ("Ủy viên Ban Chấp hành (BCH) Trung ương Đảng", ["Ủy viên Ban Chấp hành Trung ương Đảng"]),
])
def test_titles_a_chain_shares_its_level_and_names_carry_abbreviations(text, expected):
    assert [t for t, _ in titles(text, context(**DIEN_BIEN))] == expected


@pytest.mark.parametrize("text, expected", [
    # the Party committee of the provincial Party bodies (2025) and its full-time deputy
    ("Phó Bí thư Thường trực chuyên trách Đảng ủy các cơ quan Đảng tỉnh",
     ["Phó Bí thư Thường trực chuyên trách Đảng ủy các cơ quan Đảng tỉnh Điện Biên"]),
    # a department named in free words ends before a verb
    ("Giám đốc Trung tâm Giống cây trồng được bổ nhiệm", ["Giám đốc Trung tâm Giống cây trồng"]),
])
def test_titles_party_bodies_of_2025_and_free_department_names(text, expected):
    assert [t for t, _ in titles(text, context(**DIEN_BIEN))] == expected


def test_titles_a_standing_board_seat_belongs_to_the_committee_of_the_chains_level():
    # the article names no district: the title ends without it
    assert [t for t, _ in titles("UVBTV, Phó Chủ tịch HĐND huyện", Context())] == [
        "Ủy viên Ban Thường vụ Huyện ủy", "Phó Chủ tịch Hội đồng nhân dân huyện"]


@pytest.mark.parametrize("text, expected", [
    ("Phó Chủ tịch thứ nhất Hội đồng Thi đua - Khen thưởng T.Ư",
     ["Phó Chủ tịch thứ nhất Hội đồng Thi đua - Khen thưởng Trung ương"]),
    ("Phó Chính ủy Quân khu 3", ["Phó Chính ủy Quân khu 3"]),
])
def test_titles_central_councils_and_military_regions(text, expected):
    assert [t for t, _ in titles(text, context(**DIEN_BIEN))] == expected


def test_titles_a_committee_with_its_units_kind_written_out():
    assert [t for t, _ in titles("Bí thư Thành ủy TP.Điện Biên Phủ", context(**DIEN_BIEN))] == [
        "Bí thư Thành ủy Điện Biên Phủ"]

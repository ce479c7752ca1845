"""extraction/changes.py: each phrasing of a change of post, in sentences written for
these tests, gives exactly its (person, kind, full title) facts, and a proposal, an
approval or a change told as history gives none."""

from __future__ import annotations

import pytest

from graph_builder.extraction.pipeline import extract_text

HEAD = "Tin tức\n\nHĐND huyện Mường Nhé tổ chức kỳ họp\n\nNgày 12/10/2023, HĐND huyện Mường Nhé tỉnh Điện Biên tổ chức kỳ họp chuyên đề. "


def _changes(text: str) -> set[tuple[str, str, str]]:
    article = extract_text("t", HEAD + text)
    return {(c.person.name, c.kind, c.post.title) for c in article.changes}


UBND = "Ủy ban nhân dân huyện Mường Nhé"


@pytest.mark.parametrize("sentence, expected", [
    # a list after the verb, one post for each
    ("Kỳ họp đã bầu bà Lò Thị Mai, ông Sùng A Páo giữ chức Phó Chủ tịch UBND huyện.",
     {("Lò Thị Mai", "elected", f"Phó Chủ tịch {UBND}"), ("Sùng A Páo", "elected", f"Phó Chủ tịch {UBND}")}),
    # the person after `đối với`, two posts relieved
    ("Kỳ họp đã miễn nhiệm chức vụ Chủ tịch UBND huyện, cho thôi làm nhiệm vụ đại biểu HĐND huyện "
     "đối với ông Vàng A Lử.",
     {("Vàng A Lử", "relieved", f"Chủ tịch {UBND}"),
      ("Vàng A Lử", "relieved", "Đại biểu Hội đồng nhân dân huyện Mường Nhé")}),
    # the subject before a passive verb, and the title the name carries is no change
    ("Kết quả, ông Giàng A Dơ, Phó Bí thư Huyện ủy được bầu giữ chức Chủ tịch UBND huyện.",
     {("Giàng A Dơ", "elected", f"Chủ tịch {UBND}")}),
    ("Ông Lý Văn Chu tái đắc cử Bí thư Huyện ủy Mường Nhé.",
     {("Lý Văn Chu", "elected", "Bí thư Huyện ủy Mường Nhé")}),
    # a chain: three posts
    ("Ban Thường vụ Tỉnh ủy chỉ định đồng chí Lò Văn Thanh tham gia Ban Chấp hành, Ban Thường vụ "
     "và giữ chức Bí thư Huyện ủy Mường Nhé.",
     {("Lò Văn Thanh", "appointed", "Ủy viên Huyện ủy Mường Nhé"),
      ("Lò Văn Thanh", "appointed", "Ủy viên Ban Thường vụ Huyện ủy Mường Nhé"),
      ("Lò Văn Thanh", "appointed", "Bí thư Huyện ủy Mường Nhé")}),
    # leaving a committee and its post, then a new post, for the person of the first clause
    ("Đồng chí Quàng Văn Hải, Bí thư Huyện ủy Mường Nhé thôi tham gia Ban Chấp hành, Ban Thường vụ, "
     "thôi giữ chức Bí thư Huyện ủy Mường Nhé; phân công giữ chức Phó Trưởng Ban Tổ chức Tỉnh ủy Điện Biên.",
     {("Quàng Văn Hải", "relieved", "Ủy viên Huyện ủy Mường Nhé"),
      ("Quàng Văn Hải", "relieved", "Ủy viên Ban Thường vụ Huyện ủy Mường Nhé"),
      ("Quàng Văn Hải", "relieved", "Bí thư Huyện ủy Mường Nhé"),
      ("Quàng Văn Hải", "appointed", "Phó Trưởng Ban Tổ chức Tỉnh ủy Điện Biên")}),
    # an appointment by a superior body, the person named after the verb with their title
    ("Chủ tịch UBND tỉnh bổ nhiệm ông Cà Văn Sơn, Phó Giám đốc Sở Tài chính giữ chức Giám đốc Sở Tài chính.",
     {("Cà Văn Sơn", "appointed", "Giám đốc Sở Tài chính tỉnh Điện Biên")}),
    # an acting post is the post itself
    ("UBND tỉnh giao quyền Chủ tịch UBND huyện cho ông Thào A Sình, Phó Chủ tịch UBND huyện.",
     {("Thào A Sình", "appointed", f"Chủ tịch {UBND}")}),
    # discipline: the post held, with no former post
    ("Ủy ban Kiểm tra Tỉnh ủy thi hành kỷ luật bằng hình thức cảnh cáo đối với ông Lầu A Chứ, "
     "Chủ tịch UBND xã Chung Chải, nguyên Phó Chủ tịch UBND huyện.",
     {("Lầu A Chứ", "disciplined", "Chủ tịch Ủy ban nhân dân xã Chung Chải")}),
    ("Ông Pờ Văn Lý, Phó Chủ tịch UBND huyện bị kỷ luật bằng hình thức khiển trách.",
     {("Pờ Văn Lý", "disciplined", f"Phó Chủ tịch {UBND}")}),
    # removal from the post is a discipline and a relief
    ("Ban Thường vụ Tỉnh ủy thi hành kỷ luật bằng hình thức cách chức Chủ tịch UBND xã Chung Chải "
     "đối với ông Má A Dế.",
     {("Má A Dế", "disciplined", "Chủ tịch Ủy ban nhân dân xã Chung Chải"),
      ("Má A Dế", "relieved", "Chủ tịch Ủy ban nhân dân xã Chung Chải")}),
    # a retirement ends the posts the person holds
    ("Ông Lò Văn Dũng, Chủ tịch UBND huyện nghỉ hưu theo chế độ từ ngày 1/11/2023.",
     {("Lò Văn Dũng", "relieved", f"Chủ tịch {UBND}")}),
    # a discipline of someone with former posts only is no change of a post
    ("Ủy ban Kiểm tra Tỉnh ủy thi hành kỷ luật bằng hình thức cảnh cáo đối với ông Vừ A Tủa, "
     "nguyên Chủ tịch UBND xã Chung Chải.", set()),
    # proposals, approvals, nominations and history are no change
    ("Kỳ họp đã nghe tờ trình về việc miễn nhiệm chức vụ Phó Chủ tịch UBND huyện đối với ông Hờ A Dình.", set()),
    ("Ban Thường vụ Huyện ủy giới thiệu ông Sùng A Vàng, Trưởng phòng Nội vụ huyện để bầu giữ chức "
     "Phó Chủ tịch UBND huyện.", set()),
    ("Thủ tướng Chính phủ phê chuẩn kết quả bầu chức vụ Chủ tịch UBND tỉnh đối với ông Lê Thành Đô.", set()),
    ("Sau khi ông Mùa A Vàng, Chủ tịch UBND huyện nghỉ hưu, huyện chưa có Chủ tịch.", set()),
    ("Đồng chí Lý A Phử, Phó Bí thư Huyện ủy không trúng cử Ban Chấp hành khóa mới.", set()),
    ("Ủy ban Kiểm tra Tỉnh ủy đề nghị Ban Thường vụ Huyện ủy xem xét, thi hành kỷ luật khai trừ ra khỏi "
     "Đảng đối với ông Giàng A Chua, Chủ tịch UBND xã Chung Chải.", set()),
    # a decision told in general is no change of anyone
    ("Kỳ họp đã bầu Chủ tịch UBND huyện và quyết định một số nội dung quan trọng khác.", set()),
])
def test_changes_each_phrasing_gives_its_changes(sentence, expected):
    assert _changes(sentence) == expected


def test_changes_a_sentence_that_spells_out_the_decisions_announced_before():
    text = ("Kỳ họp đã công bố nghị quyết về việc chỉ định Chủ tịch, Phó Chủ tịch UBND xã Chung Chải. "
            "Theo đó, đồng chí Lò Văn Pọm, Bí thư Đảng ủy xã giữ chức vụ Chủ tịch UBND xã Chung Chải.")
    assert _changes(text) == {("Lò Văn Pọm", "appointed", "Chủ tịch Ủy ban nhân dân xã Chung Chải")}


def test_changes_the_lexicon_names_a_kind_for_every_verb():
    from graph_builder.lexicon import load_table
    rows = load_table("changes", key="phrase")
    kinds = {"elected", "appointed", "relieved", "disciplined", "post", "member", "not", "background", "none"}
    assert {r["kind"] for r in rows} <= kinds
    assert {r["measure"] for r in rows if r["measure"]} == {"khiển trách", "cảnh cáo", "cách chức", "khai trừ"}
    assert all(r["kind"] == "disciplined" for r in rows if r["measure"])

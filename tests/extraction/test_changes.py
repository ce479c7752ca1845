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
    # `với ông A`; a list whose titles stand in parentheses; a rank before a name
    ("Kỳ họp thông qua việc miễn nhiệm chức danh Phó Chủ tịch UBND huyện với ông Vàng A Lử.",
     {("Vàng A Lử", "relieved", f"Phó Chủ tịch {UBND}")}),
    ("Kỳ họp bầu bổ sung Ủy viên UBND huyện đối với các ông: Lò Văn Hưởng (Trưởng phòng Nội vụ), ông Cà "
     "Văn Chiến (Trưởng phòng Tài chính) và Thiếu tá Giàng A Vư.",
     {("Lò Văn Hưởng", "elected", f"Ủy viên {UBND}"), ("Cà Văn Chiến", "elected", f"Ủy viên {UBND}"),
      ("Giàng A Vư", "elected", f"Ủy viên {UBND}")}),
    # the titles after an age, each with its term
    ("Trung ương cho nghỉ hưu trước tuổi đối với ông Lò Văn Mừng, 56 tuổi, Phó Bí thư Huyện ủy nhiệm kỳ "
     "2020-2025, Chủ tịch HĐND huyện nhiệm kỳ 2021-2026 và ông Sùng A Hồ, 55 tuổi, Chủ tịch UBND huyện.",
     {("Lò Văn Mừng", "relieved", "Phó Bí thư Huyện ủy Mường Nhé"),
      ("Lò Văn Mừng", "relieved", "Chủ tịch Hội đồng nhân dân huyện Mường Nhé"),
      ("Sùng A Hồ", "relieved", f"Chủ tịch {UBND}")}),
    # a resolution passed after a proposal was heard is a decision
    ("Tại kỳ họp, các đại biểu HĐND huyện nghe tờ trình, thảo luận và biểu quyết thông qua Nghị quyết miễn "
     "nhiệm chức danh Chủ tịch UBND huyện đối với ông Pờ A Lử theo nguyện vọng cá nhân.",
     {("Pờ A Lử", "relieved", f"Chủ tịch {UBND}")}),
    # a transfer given as the reason for a relief is history: no change, the post is held
    ("Kỳ họp đã nghe tờ trình miễn nhiệm chức danh Phó Chủ tịch HĐND huyện đối với bà Lò Thị Dung do được "
     "điều động, phân công giữ chức Trưởng Ban Dân vận Huyện ủy.", set()),
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


def test_changes_a_retirement_list_spelled_out_after_the_decision():
    text = ("UBND tỉnh phê duyệt danh sách nghỉ hưu trước tuổi, thời điểm hưởng chế độ từ ngày 1-3. "
            "Trong danh sách có 2 giám đốc sở nghỉ hưu trước tuổi. Cụ thể: ông Lò Văn Hặc - Giám đốc Sở Nội vụ "
            "(59 tuổi), và bà Quàng Thị Mai - Giám đốc Sở Tài chính (55 tuổi).")
    article = extract_text("t", "Tin tức\n\nNghỉ hưu trước tuổi\n\nCập nhật: 05/03/2025\n\n" + text)
    # the province is the article's own: here none is named, so the titles end without it
    assert {(c.person.name, c.kind, c.date) for c in article.changes} == {
        ("Lò Văn Hặc", "relieved", "2025-03-01"), ("Quàng Thị Mai", "relieved", "2025-03-01")}
    held = {p.name: {(h.post.status) for h in p.holdings} for p in article.persons}
    assert held == {"Lò Văn Hặc": {"former"}, "Quàng Thị Mai": {"former"}}

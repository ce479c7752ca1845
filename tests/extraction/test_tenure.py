"""extraction/tenure.py: the date, decider and meeting of a change (effective date, else
the decision's, else the session's; never a ceremony's), and what a change does to the
person's posts (gained current, relieved former, left by a transfer or a move up former,
kept under an interim duty, a nominee's post not held)."""

from __future__ import annotations

import pytest

from graph_builder.extraction.pipeline import extract_text


def _article(text: str, published: str = "Thứ Hai, 06/11/2023 08:00"):
    return extract_text("t", f"Tin tức\n\nCông tác cán bộ\n\n{published}\n\n{text}")


def _dated(text: str, **kw) -> dict[tuple[str, str], str | None]:
    return {(c.person.name, c.post.title): c.date for c in _article(text, **kw).changes}


@pytest.mark.parametrize("text, date", [
    # the date it takes effect wins over the decision's
    ("Ban Thường vụ Tỉnh ủy Điện Biên ban hành Quyết định số 742-QĐ/TU ngày 18/9/2023 chỉ định đồng chí "
     "Lò Văn Minh giữ chức Bí thư Huyện ủy Tuần Giáo kể từ ngày 5/10/2023.", "2023-10-05"),
    # the decision's date
    ("Ban Thường vụ Tỉnh ủy Điện Biên ban hành Quyết định số 742-QĐ/TU ngày 18/9/2023 chỉ định đồng chí "
     "Lò Văn Minh giữ chức Bí thư Huyện ủy Tuần Giáo.", "2023-09-18"),
    # the sentence's own date, the year from the publication
    ("Ngày 2/11, Ban Thường vụ Tỉnh ủy Điện Biên chỉ định đồng chí Lò Văn Minh giữ chức Bí thư Huyện ủy "
     "Tuần Giáo.", "2023-11-02"),
    # a ceremony's date is not the change's
    ("Ngày 2/11, Tỉnh ủy Điện Biên tổ chức hội nghị công bố quyết định chỉ định đồng chí Lò Văn Minh "
     "giữ chức Bí thư Huyện ủy Tuần Giáo.", None),
    # the session named with its date
    ("Trước đó, tại kỳ họp chuyên đề ngày 20/10/2023, HĐND huyện Tuần Giáo đã bầu ông Lò Văn Minh "
     "giữ chức Chủ tịch UBND huyện Tuần Giáo.", "2023-10-20"),
])
def test_tenure_dates_by_the_gold_rules(text, date):
    assert list(_dated(text).values()) == [date]


def test_tenure_a_council_session_dates_its_elections_and_decides_them():
    article = _article("Ngày 3/11, HĐND huyện Tuần Giáo tổ chức kỳ họp chuyên đề. Kỳ họp đã miễn nhiệm chức vụ "
                       "Phó Chủ tịch UBND huyện đối với ông Quàng Văn Lả; bầu ông Lò Văn Minh giữ chức Phó "
                       "Chủ tịch UBND huyện Tuần Giáo.")
    assert [(c.person.name, c.kind, c.date, c.decided_by.name, c.meeting.type) for c in article.changes] == [
        ("Quàng Văn Lả", "relieved", "2023-11-03", "Hội đồng nhân dân huyện Tuần Giáo", "CouncilSession"),
        ("Lò Văn Minh", "elected", "2023-11-03", "Hội đồng nhân dân huyện Tuần Giáo", "CouncilSession")]


def test_tenure_a_committee_s_first_session_is_not_the_congress():
    article = _article("Ngày 3/11, Đảng bộ xã Quài Cang tổ chức Đại hội. Tại phiên họp thứ nhất, Ban Chấp hành "
                       "đã bầu đồng chí Lò Văn Minh giữ chức Bí thư Đảng ủy xã Quài Cang.")
    assert [(c.date, c.meeting) for c in article.changes] == [(None, None)]


def test_tenure_same_day_takes_the_date_before():
    dates = _dated("Ngày 2/11, Ban Thường vụ Tỉnh ủy Điện Biên chỉ định đồng chí Lò Văn Minh giữ chức Bí thư "
                   "Huyện ủy Tuần Giáo. Cùng ngày, Ban Thường vụ Tỉnh ủy chỉ định đồng chí Cà Thị Hương giữ "
                   "chức Phó Bí thư Huyện ủy Tuần Giáo.")
    assert set(dates.values()) == {"2023-11-02"}


def _posts(text: str) -> dict[str, set[tuple[str, str]]]:
    return {p.name: {(h.post.title, h.post.status) for h in p.holdings} for p in _article(text).persons}


def test_tenure_a_transfer_leaves_the_post_held_before_but_not_the_committee():
    posts = _posts("Ngày 2/11, Ban Thường vụ Tỉnh ủy Điện Biên điều động đồng chí Lò Văn Minh, Ủy viên Ban Chấp "
                   "hành Đảng bộ tỉnh, Bí thư Huyện ủy Tuần Giáo giữ chức Trưởng Ban Dân vận Tỉnh ủy Điện Biên.")
    assert posts["Lò Văn Minh"] == {("Ủy viên Tỉnh ủy Điện Biên", "current"),
                                    ("Bí thư Huyện ủy Tuần Giáo", "former"),
                                    ("Trưởng Ban Dân vận Tỉnh ủy Điện Biên", "current")}


def test_tenure_moving_up_leaves_the_deputy_post_and_an_interim_duty_does_not():
    posts = _posts("Chủ tịch UBND tỉnh Điện Biên bổ nhiệm ông Lò Văn Minh, Phó Giám đốc Sở Nội vụ giữ chức "
                   "Giám đốc Sở Nội vụ. UBND tỉnh giao quyền Chủ tịch UBND huyện Tuần Giáo cho ông Cà Văn "
                   "Lượng, Phó Chủ tịch UBND huyện Tuần Giáo.")
    assert posts["Lò Văn Minh"] == {("Phó Giám đốc Sở Nội vụ tỉnh Điện Biên", "former"),
                                    ("Giám đốc Sở Nội vụ tỉnh Điện Biên", "current")}
    assert posts["Cà Văn Lượng"] == {("Phó Chủ tịch Ủy ban nhân dân huyện Tuần Giáo", "current"),
                                     ("Chủ tịch Ủy ban nhân dân huyện Tuần Giáo", "acting")}


def test_tenure_a_relieved_person_missed_by_the_mentions_becomes_a_person_with_a_former_post():
    posts = _posts("HĐND huyện Tuần Giáo đã miễn nhiệm chức vụ Chủ tịch HĐND huyện đối với ông Quàng Văn Lả.")
    assert posts["Quàng Văn Lả"] == {("Chủ tịch Hội đồng nhân dân huyện Tuần Giáo", "former")}


def test_tenure_a_nominee_does_not_hold_the_post_and_a_post_proposed_to_end_is_held():
    posts = _posts("Ban Thường vụ Tỉnh ủy giới thiệu ông Lò Văn Minh, Giám đốc Sở Nội vụ tỉnh Điện Biên để "
                   "HĐND tỉnh bầu giữ chức Phó Chủ tịch UBND tỉnh Điện Biên. Ủy ban Kiểm tra đề nghị cho thôi "
                   "giữ chức Trưởng phòng Nội vụ huyện Tuần Giáo đối với ông Cà Văn Lượng, Trưởng phòng Nội "
                   "vụ huyện Tuần Giáo.")
    assert posts["Lò Văn Minh"] == {("Giám đốc Sở Nội vụ tỉnh Điện Biên", "current")}
    assert ("Trưởng Phòng Nội vụ huyện Tuần Giáo", "current") in posts["Cà Văn Lượng"]


def test_tenure_the_same_post_in_another_body_of_its_kind_is_left():
    posts = _posts("Bộ Chính trị chỉ định ông Lò Văn Minh, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Điện Biên, "
                   "giữ chức Bí thư Tỉnh ủy Lai Châu.")
    assert posts["Lò Văn Minh"] == {("Ủy viên Ban Chấp hành Trung ương Đảng", "current"),
                                    ("Bí thư Tỉnh ủy Điện Biên", "former"), ("Bí thư Tỉnh ủy Lai Châu", "current")}


def test_tenure_the_decision_s_day_in_a_sentence_before_and_no_decider_from_a_document_number():
    article = _article("Ngày 2/11, Ban Thường vụ Tỉnh ủy Điện Biên đã xem xét, thi hành kỷ luật đảng viên vi phạm. "
                       "Ban Thường vụ Tỉnh ủy quyết định thi hành kỷ luật bằng hình thức cảnh cáo đối với ông Lò "
                       "Văn Minh, Phó Chủ tịch UBND huyện Tuần Giáo. Chủ tịch UBND tỉnh trao Quyết định số "
                       "1120/QĐ-UBND về việc bổ nhiệm lại ông Cà Văn Lượng giữ chức Giám đốc Sở Y tế.")
    assert [(c.person.name, c.date, c.decided_by and c.decided_by.name) for c in article.changes] == [
        ("Lò Văn Minh", "2023-11-02", "Ban Thường vụ Tỉnh ủy Điện Biên"), ("Cà Văn Lượng", None, None)]

"""The compatibility table: each rule, on posts of namesakes written as the press names them."""

import pytest

from graph_builder.errors import LexiconError
from graph_builder.resolution import rules
from graph_builder.resolution.rules import decide, load_rules, unit_relation

from .support import mention

YB = "tỉnh Yên Bái"


@pytest.mark.parametrize("first, second, verdict, rule", [
    # one time, posts that exclude each other
    (("12/3/2024", f"Giám đốc Sở Tài chính {YB}"), ("14/3/2024", f"Giám đốc Sở Xây dựng {YB}"),
     "apart", "two-departments"),
    (("12/3/2024", f"Chủ tịch UBND huyện Văn Chấn, {YB}"), ("13/3/2024", f"Chủ tịch UBND huyện Lục Yên, {YB}"),
     "apart", "two-districts"),
    (("12/3/2024", f"Chủ tịch UBND xã Xà Hồ, huyện Trạm Tấu, {YB}"),
     ("15/3/2024", f"Chủ tịch UBND xã Bản Mù, huyện Trạm Tấu, {YB}"), "apart", "two-communes"),
    (("12/3/2024", f"Chủ tịch UBND xã Xà Hồ, huyện Trạm Tấu, {YB}"), ("14/3/2024", f"Giám đốc Sở Tài chính {YB}"),
     "apart", "commune-department"),
    (("15/3/2024", f"Bí thư Huyện ủy Văn Chấn, {YB}"), ("14/3/2024", f"Giám đốc Sở Tài chính {YB}"),
     "apart", "district-department"),
    (("15/3/2024", f"Bí thư Huyện ủy Văn Chấn, {YB}"), ("14/3/2024", f"Phó Chủ tịch UBND {YB}"),
     "apart", "district-province-government"),
    (("15/3/2024", f"Bí thư Huyện ủy Văn Chấn, {YB}"), ("20/3/2024", f"Chủ tịch UBND huyện Văn Chấn, {YB}"),
     "apart", "party-and-government-heads"),
    (("13/3/2024", f"Giám đốc Sở Tài chính {YB}"), ("14/3/2024", f"Phó Chủ tịch UBND {YB}"),
     "apart", "department-province-vice-chair"),
    # one time, posts that nest
    (("15/3/2024", f"Bí thư Huyện ủy Văn Chấn, {YB}"), ("20/3/2024", f"Ủy viên Ban Thường vụ Tỉnh ủy Yên Bái"),
     "join", "district-in-province-party"),
    (("15/3/2024", f"Chủ tịch UBND huyện Văn Chấn, {YB}"), ("20/3/2024", f"Đại biểu HĐND {YB}"),
     "join", "district-in-province-council"),
    (("12/3/2024", f"Bí thư Đảng ủy xã Xà Hồ, huyện Trạm Tấu, {YB}"), ("20/3/2024", "Huyện ủy viên Trạm Tấu"),
     "join", "commune-in-district-party"),
    (("15/3/2024", f"Bí thư Huyện ủy Văn Chấn, {YB}"), ("20/3/2024", f"Chủ tịch HĐND huyện Văn Chấn, {YB}"),
     "join", "one-locality"),
    # over time, plausible moves
    (("10/4/2023", f"Phó Chủ tịch UBND huyện Văn Chấn, {YB}"), ("12/5/2024", f"Chủ tịch UBND huyện Văn Chấn, {YB}"),
     "join", "one-locality"),
    (("10/4/2023", f"Bí thư Huyện ủy Văn Chấn, {YB}"), ("12/2/2024", f"Phó Chủ tịch UBND {YB}"),
     "join", "district-to-province"),
    (("10/4/2023", f"Giám đốc Sở Tài chính {YB}"), ("12/2/2024", f"Phó Chủ tịch UBND {YB}"), "join", "one-locality"),
    (("10/4/2023", f"Chủ tịch UBND xã Xà Hồ, huyện Trạm Tấu, {YB}"), ("12/2/2024", f"Phó Chủ tịch UBND huyện Trạm Tấu, {YB}"),
     "join", "commune-to-district"),
    # across the 2025 reform: Yên Bái became part of Lào Cai
    (("10/4/2024", f"Phó Chủ tịch UBND {YB}"), ("12/9/2025", "Phó Chủ tịch UBND tỉnh Lào Cai"), "join", "one-locality"),
    (("10/4/2024", f"Chủ tịch UBND huyện Trấn Yên, {YB}"), ("12/9/2025", "Bí thư Đảng ủy xã Trấn Yên, tỉnh Lào Cai"),
     "join", "one-locality"),
    (("10/4/2024", f"Bí thư Huyện ủy Văn Chấn, {YB}"), ("12/9/2025", "Phó Chủ tịch UBND tỉnh Lào Cai"),
     "join", "district-to-province"),
    # one post, whenever
    (("10/4/2015", f"Chủ tịch UBND huyện Văn Chấn, {YB}"), ("12/5/2024", f"Chủ tịch UBND huyện Văn Chấn, {YB}"),
     "join", "shared-post"),
    # nothing decides
    (("10/4/2020", f"Phó Chủ tịch UBND huyện Văn Chấn, {YB}"), ("12/5/2024", f"Phó Giám đốc Sở Y tế {YB}"),
     "unknown", "years-apart"),
    (("10/4/2024", f"Bí thư Huyện ủy Văn Chấn, {YB}"), ("12/4/2024", f"Chủ tịch UBND xã Xà Hồ, huyện Trạm Tấu, {YB}"),
     "unknown", "no-rule"),
])
def test_rules_decide_two_namesakes_from_their_posts(first, second, verdict, rule):
    a, b = mention("a1", *first), mention("a2", *second)
    assert a.block == b.block
    decision = decide(a, b)
    assert (decision.verdict, decision.rule) == (verdict, rule)
    assert (decision.verdict, decision.rule) == (decide(b, a).verdict, decide(b, a).rule)


def test_rules_a_name_with_no_post_never_joins():
    from graph_builder import extract_text
    from graph_builder.resolution.mentions import person_mentions
    article = extract_text("a2", "Sáng 13/3/2024, Hội Nông dân tỉnh Yên Bái tổ chức hội nghị. Tại hội nghị, "
                                 "các đồng chí Nguyễn Văn Hùng và Lò Thị Mai đã tham luận về liên kết sản xuất.")
    (bare,) = [m for m in person_mentions(article) if m.name == "Nguyễn Văn Hùng"]
    assert bare.posts == () and bare.lineage
    decision = decide(mention("a1", "12/3/2024", f"Chủ tịch Hội Nông dân {YB}"), bare)
    assert (decision.verdict, decision.rule) == ("unknown", "no-post")


@pytest.mark.parametrize("a, b, relation", [
    ("140", "15", "within"),             # huyện Văn Chấn lies in tỉnh Yên Bái
    ("15", "140", "contains"),
    ("140", "2025-15", "within"),         # and, across the reform, in the Lào Cai it became part of
    ("15", "2025-15", "same"),            # tỉnh Yên Bái became part of tỉnh Lào Cai
    ("140", "141", "other"),
    ("140", "", "unknown"),
])
def test_rules_unit_relation_follows_the_gazetteer_and_the_reform(a, b, relation):
    assert unit_relation(a, b) == relation


def test_rules_table_lines_each_have_a_source():
    table = load_rules()
    assert len(table) >= 15
    assert all(rule.source for rule in table)
    assert len({rule.name for rule in table}) == len(table)


def test_rules_malformed_table_line_names_file_and_line(monkeypatch):
    from importlib import resources
    text = resources.files("graph_builder.resolution").joinpath("compatibility.tsv").read_text(encoding="utf-8")
    broken = text + "bad-rule\tsometimes\t*/*/*\t*/*/*\tsame\t*\tjoin\ta reason\n"

    class Fake:
        def joinpath(self, name):
            return self

        def read_text(self, encoding):
            return broken
    monkeypatch.setattr(rules.resources, "files", lambda package: Fake())
    load_rules.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"compatibility.tsv:\d+.*period 'sometimes'"):
            load_rules()
    finally:
        monkeypatch.undo()
        load_rules.cache_clear()

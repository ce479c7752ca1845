"""Places across the reform of 1 July 2025: articles of both sides, written for these tests
in the style of provincial news, built and queried end to end."""

from __future__ import annotations

import pytest

from graph_builder import build_graph, build_store, extract_text, run_query, run_store_query, validate_graph
from graph_builder.model.rdf import VNKG

from .support import write_corpus

ARTICLES = {
    # before the reform: Bắc Mê is a district of Hà Giang
    "ha_giang_2024": ("Thứ Hai, 15/01/2024 09:10\n\nSáng 12/1, Huyện ủy Bắc Mê tổ chức hội nghị tổng kết công "
                      "tác xây dựng Đảng năm 2023. Đồng chí Hoàng Văn Sơn, Bí thư Huyện ủy chủ trì hội nghị."),
    # after it: Bắc Mê is a commune of the merged Tuyên Quang, and the same official leads it
    "tuyen_quang_2026": ("Thứ Hai, 12/01/2026 09:10\n\nSáng 10/1, Đảng ủy xã Bắc Mê tổ chức hội nghị tổng kết "
                         "công tác năm 2025. Đồng chí Hoàng Văn Sơn, Bí thư Đảng ủy xã chủ trì hội nghị. Dự hội "
                         "nghị có đồng chí Lê Thị Mai, Ủy viên Ban Thường vụ Tỉnh ủy Tuyên Quang."),
    # a council session of a new commune of Ho Chi Minh City (two old communes have the name)
    "long_hai_2025": ("Ngày 20/8/2025, HĐND xã Long Hải tổ chức kỳ họp thứ hai. Đồng chí Trần Văn Tâm, Chủ "
                      "tịch HĐND xã chủ trì kỳ họp."),
    # a new ward of a merged province
    "minh_xuan_2025": ("Ngày 5/9/2025, UBND phường Minh Xuân tổ chức hội nghị đối thoại với Nhân dân. Đồng chí "
                       "Nguyễn Văn Hải, Chủ tịch UBND phường chủ trì hội nghị."),
    # no date: a name on the new map only decides
    "de_gi_undated": ("Ngày 14-8, Đảng ủy xã Đề Gi tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030. "
                      "Dự đại hội có đồng chí Trần Văn Cang, Bí thư Đảng ủy xã."),
}


def _meeting(article_id: str):
    article = extract_text(article_id, ARTICLES[article_id])
    meeting = article.meetings[0]
    return article, (meeting.locality.name, meeting.locality.map, meeting.province.name)


@pytest.mark.parametrize("article_id, expected", [
    ("ha_giang_2024", ("Bắc Mê", "pre2025", "Hà Giang")),
    ("tuyen_quang_2026", ("Bắc Mê", "2025", "Tuyên Quang")),
    ("long_hai_2025", ("Long Hải", "2025", "Hồ Chí Minh")),
    ("minh_xuan_2025", ("Minh Xuân", "2025", "Tuyên Quang")),
    ("de_gi_undated", ("Đề Gi", "2025", "Gia Lai")),
])
def test_reform_units_in_force_on_the_article_date(article_id, expected):
    assert _meeting(article_id)[1] == expected


@pytest.mark.parametrize("article_id, titles", [
    ("ha_giang_2024", {"Hoàng Văn Sơn": ["Bí thư Huyện ủy Bắc Mê"]}),
    ("tuyen_quang_2026", {"Hoàng Văn Sơn": ["Bí thư Đảng ủy xã Bắc Mê"],
                          "Lê Thị Mai": ["Ủy viên Ban Thường vụ Tỉnh ủy Tuyên Quang"]}),
    ("long_hai_2025", {"Trần Văn Tâm": ["Chủ tịch Hội đồng nhân dân xã Long Hải"]}),
    ("minh_xuan_2025", {"Nguyễn Văn Hải": ["Chủ tịch Ủy ban nhân dân phường Minh Xuân"]}),
])
def test_reform_titles_at_the_new_levels(article_id, titles):
    article = extract_text(article_id, ARTICLES[article_id])
    assert {p.name: [h.post.title for h in p.holdings] for p in article.persons} == titles


@pytest.fixture(scope="module")
def reform_corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("reform"), ARTICLES)


@pytest.fixture(scope="module")
def reform_graph(reform_corpus):
    return build_graph([reform_corpus]).dataset


def test_reform_one_official_across_the_reform(reform_graph):
    rows = run_query("timeline", reform_graph, {"person": "Hoàng Văn Sơn"}).rows
    assert [(row[1], row[2], row[3]) for row in rows] == [
        ("Bí thư Huyện ủy Bắc Mê", "2024-01-12", "ha_giang_2024"),
        ("Bí thư Đảng ủy xã Bắc Mê", "2026-01-10", "tuyen_quang_2026")]
    # one node: same name, and Hà Giang's lineage is Tuyên Quang's
    from rdflib import Literal
    assert len(set(reform_graph.subjects(VNKG.name, Literal("Hoàng Văn Sơn")))) == 1


def test_reform_localities_carry_validity_and_successor(reform_graph):
    names = {str(o): s for s, o in reform_graph.subject_objects(VNKG.name)}
    ha_giang = names["Hà Giang"]
    successor = reform_graph.value(ha_giang, VNKG.mergedInto)
    assert str(reform_graph.value(successor, VNKG.name)) == "Tuyên Quang"
    assert str(reform_graph.value(ha_giang, VNKG.validUntil)) == "2025-06-30"
    assert str(reform_graph.value(successor, VNKG.validFrom)) == "2025-07-01"
    assert validate_graph(reform_graph).conforms


@pytest.mark.parametrize("query", ["meetings", "activity"])
def test_reform_lineage_includes_the_provinces_merged_in(query, reform_graph, reform_corpus, tmp_path):
    store = tmp_path / "reform.db"
    build_store([reform_corpus], store)
    for rows in (run_query(query, reform_graph, {"lineage": "Tuyên Quang"}).rows,
                 run_store_query(query, store, {"lineage": "Tuyên Quang"}).rows):
        result = run_query(query, reform_graph, {"lineage": "Tuyên Quang"})
        province = result.columns.index("province")
        assert sorted({row[province] for row in rows}) == ["Hà Giang", "Tuyên Quang"]
    plain = run_query(query, reform_graph, {"province": "Tuyên Quang"}) if query == "activity" else None
    if plain is not None:
        assert {row[0] for row in plain.rows} == {"Tuyên Quang"}

"""pipeline.py: stages declare what they require and assign; the runner names the stage
that breaks the contract."""

import pytest

from graph_builder import STAGES, extract_text
from graph_builder.reading.article import parse_article
from graph_builder.extraction.pipeline import StageError, run_stages


def test_pipeline_stage_order():
    assert [s.name for s in STAGES] == ["places", "mentions", "persons", "meetings", "changes"]


def test_pipeline_every_requirement_is_assigned_earlier():
    done = {"sentences"}
    for stage in STAGES:
        assert set(stage.requires) <= done, stage.name
        done.add(stage.assigns)


def test_pipeline_names_the_stage_missing_its_input():
    meetings_only = tuple(s for s in STAGES if s.name == "meetings")
    with pytest.raises(StageError, match="stage 'meetings' requires"):
        run_stages(parse_article("t", "Sáng 6/1, Huyện ủy tổ chức hội nghị."), meetings_only)


def test_pipeline_extract_text_fills_every_field():
    article = extract_text("t", "Huyện ủy Hàm Yên tổng kết năm 2022\n\nSáng 27/12/2022, Huyện ủy Hàm Yên tổ chức "
                                "hội nghị tổng kết. Đồng chí Nguyễn Duy Hòa, Bí thư Huyện ủy chủ trì.\n")
    assert article.context.district.name == "Hàm Yên"
    assert [m.name for m in article.mentions] == ["Nguyễn Duy Hòa"]
    assert [p.name for p in article.persons] == ["Nguyễn Duy Hòa"]
    assert [(m.label, m.date) for m in article.meetings] == [("Hội nghị tổng kết", "2022-12-27")]


@pytest.mark.parametrize("text", ["", "\n\n", "   ", "Tin tức\n"])
def test_pipeline_empty_text_gives_no_facts(text):
    article = extract_text("t", text)
    assert (article.persons, article.meetings) == ([], [])

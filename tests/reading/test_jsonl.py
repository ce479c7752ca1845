"""JSON lines in both field styles (news-please's and trafilatura's) give the same graph
as the same articles in `.txt` files, besides where each page came from."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from graph_builder import InputError, build_graph
from graph_builder.model.rdf import PROV, SCHEMA, VNKG
from graph_builder.reading.jsonl import parse_line
from graph_builder.reading.urls import url_id

ARTICLES = [
    {"url": "https://baodienbien.vn/chinh-tri/giao-ban-quy-i-1.html", "title": "Huyện ủy Tủa Chùa giao ban quý I",
     "date": "2024-03-29 10:15:00", "author": "Quỳnh Anh", "site": "Báo Điện Biên Phủ",
     "text": "Thứ Sáu, 29/03/2024 10:15\n\nSáng 28/3, Huyện ủy Tủa Chùa tổ chức Hội nghị giao ban quý I năm "
             "2024. Đồng chí Vàng A Súa, Bí thư Huyện ủy chủ trì hội nghị.\n\nDự hội nghị có đồng chí Lầu Thị "
             "Mỷ, Phó Chủ tịch UBND huyện.\n\nQuỳnh Anh"},
    {"url": "https://baodienbien.vn/chinh-tri/tiep-xuc-cu-tri-2.html", "title": "Tiếp xúc cử tri huyện Nậm Pồ",
     "date": "2024-04-03", "author": "Hà Linh", "site": "Báo Điện Biên Phủ",
     "text": "Thứ Tư, 03/04/2024\n\nNgày 2/4, Tổ đại biểu HĐND tỉnh Điện Biên tiếp xúc cử tri huyện Nậm Pồ. "
             "Tham dự có đồng chí Lò Văn Mừng, Phó Chủ tịch HĐND huyện Nậm Pồ.\n\nHà Linh"},
]


def _news_please(a):
    return {"url": a["url"], "title": a["title"], "maintext": a["text"], "date_publish": a["date"],
            "authors": [a["author"]], "source_domain": a["site"], "language": "vi"}


def _trafilatura(a):
    return {"url": a["url"], "title": a["title"], "text": a["text"], "date": a["date"][:10],
            "author": a["author"], "sitename": a["site"], "hostname": "baodienbien.vn"}


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


PROVENANCE = {SCHEMA.url, SCHEMA.publisher, VNKG.dateSource, PROV.generatedAtTime}


def _graph(report, keep_provenance=True):
    graph = Graph()
    outlets = {o for s, p, o, _ in report.dataset.quads((None, SCHEMA.publisher, None, None))}
    for s, p, o, _ in report.dataset.quads((None, None, None, None)):
        if keep_provenance or (p not in PROVENANCE and s not in outlets):
            graph.add((s, p, o))
    return graph


def test_jsonl_both_field_styles_give_the_graph_of_the_same_articles_as_text(tmp_path):
    styles = {}
    for name, style in (("news-please", _news_please), ("trafilatura", _trafilatura)):
        folder = tmp_path / name
        folder.mkdir()
        styles[name] = build_graph([_write(folder / "crawl.jsonl", [style(a) for a in ARTICLES])])
    texts = tmp_path / "txt"
    texts.mkdir()
    for a in ARTICLES:
        (texts / f"{url_id(a['url'])}.txt").write_text(f"{a['title']}\n\n{a['text']}", encoding="utf-8")
    as_text = build_graph([texts])
    assert len(as_text.read) == len(styles["news-please"].read) == len(styles["trafilatura"].read) == 2
    assert isomorphic(_graph(styles["news-please"]), _graph(styles["trafilatura"]))
    assert isomorphic(_graph(styles["news-please"], keep_provenance=False), _graph(as_text))
    urls = {str(o) for s, p, o, _ in styles["trafilatura"].dataset.quads((None, SCHEMA.url, None, None))}
    assert urls == {a["url"] for a in ARTICLES}


@pytest.mark.parametrize("line, field, value", [
    ({"maintext": "Sáng 12/3", "date_publish": "2024-03-12 08:30:00"}, "date", "2024-03-12T08:30:00"),
    ({"text": "Sáng 12/3", "date": "2024-03-12"}, "date", "2024-03-12"),
    ({"text": "Sáng 12/3", "date": "2024-03-12T00:00:00+07:00"}, "date", "2024-03-12"),
    ({"maintext": "Sáng 12/3", "authors": ["Minh Anh", "Thu Hà"]}, "author", "Minh Anh, Thu Hà"),
    ({"text": "Sáng 12/3", "author": "Minh Anh"}, "author", "Minh Anh"),
    ({"text": "Sáng 12/3", "sitename": "Báo Sơn La"}, "site_name", "Báo Sơn La"),
    ({"maintext": "Sáng 12/3", "source_domain": "baosonla.vn"}, "site_name", "baosonla.vn"),
])
def test_jsonl_accepts_the_field_names_of_both_tools(line, field, value):
    item = parse_line(json.dumps(line).encode(), "x.jsonl:1")
    assert getattr(item, field) == value


@pytest.mark.parametrize("raw, message", [
    (b'{"title": "Giao ban"}', "no article text"),
    ('["Sáng 12/3"]'.encode(), "not a JSON object"),
    ('{"text": "Sáng 12/3",'.encode(), "not a JSON object"),
])
def test_jsonl_a_line_that_is_not_an_article_is_an_input_error(raw, message):
    with pytest.raises(InputError, match=message):
        parse_line(raw, "x.jsonl:3")


def test_jsonl_a_bad_line_is_skipped_and_the_rest_builds(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(_trafilatura(ARTICLES[0]), ensure_ascii=False) + "\n{hỏng\n\n"
                    + json.dumps(_news_please(ARTICLES[1]), ensure_ascii=False) + "\n", encoding="utf-8")
    report = build_graph([path])
    assert len(report.read) == 2
    assert [(where, reason.split(" (")[0]) for where, reason in report.skipped] == [(f"{path}:2", "not a JSON object")]

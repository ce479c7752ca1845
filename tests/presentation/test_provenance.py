"""Where each page came from, wherever the graph is shown: the tables' `url` and `outlet`
columns, FollowTheMoney's `sourceUrl` and `publisher`, the site's links to the original
page and to each evidence sentence on it; every term declared, the shapes met."""

from __future__ import annotations

import json

import pytest
from rdflib import OWL, RDF, RDFS

from graph_builder import build_graph, build_site, export_ftm, export_tables, validate_graph
from graph_builder.model.vocabulary import ontology_graph

from ..support import portal_page, write_warc

STORY = ["Sáng 10/5/2024, Ban Thường vụ Huyện ủy Than Uyên tổ chức hội nghị giao ban. Đồng chí Lường Văn "
         "Chiến, Bí thư Huyện ủy chủ trì hội nghị.",
         "Dự hội nghị có đồng chí Hà Thị Nguyệt, Phó Chủ tịch UBND huyện Than Uyên."]
PROVINCE = "https://laichau.gov.vn/tin-tuc/than-uyen-giao-ban.html"
DISTRICT = "https://thanuyen.laichau.gov.vn/tin/giao-ban.html"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    title = "Huyện ủy Than Uyên giao ban"
    path = write_warc(folder / "c.warc.gz", [(PROVINCE, portal_page(title, STORY, site="Cổng TTĐT tỉnh Lai Châu")),
                                             (DISTRICT, portal_page(title, STORY, site="Cổng TTĐT huyện Than Uyên"))])
    report = build_graph([path])
    assert len(report.read) == 1 and len(report.duplicates) == 1
    return report.dataset


def test_provenance_tables_have_url_and_outlet(pages, tmp_path):
    export_tables(pages, tmp_path / "t", "csv")
    import csv
    with open(tmp_path / "t" / "articles.csv", encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    # the first URL in sorting order, and the outlet of one of them
    assert row["url"] == PROVINCE
    assert row["outlet"] in ("Cổng TTĐT tỉnh Lai Châu", "Cổng TTĐT huyện Than Uyên")


def test_provenance_ftm_article_has_source_url_and_publisher(pages, tmp_path):
    pytest.importorskip("followthemoney", reason="the ftm extra: pip install 'vnkg[ftm]'")
    export_ftm(pages, tmp_path / "a.ftm.json")
    entities = [json.loads(line) for line in (tmp_path / "a.ftm.json").read_text(encoding="utf-8").splitlines()]
    (article,) = [e for e in entities if e["schema"] == "Article"]
    assert article["properties"]["sourceUrl"] == [PROVINCE]
    assert len(article["properties"]["publisher"]) == 1


def test_provenance_site_links_the_original_page_and_each_sentence(pages, tmp_path):
    build_site(pages, tmp_path / "site")
    (page,) = (tmp_path / "site" / "article").glob("*.html")
    html = page.read_text(encoding="utf-8")
    assert f'href="{PROVINCE}"' in html and f'href="{DISTRICT}"' in html
    # every evidence sentence
    assert html.count(f'href="{PROVINCE}#:~:text=') == html.count('<div class="evidence"') > 1
    assert "Cổng TTĐT huyện Than Uyên" in html


def test_provenance_terms_are_declared_and_the_shapes_met(pages):
    ontology = ontology_graph()
    declared = {s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
                for s in ontology.subjects(RDF.type, t)}
    used = {p for _, p, _, _ in pages.quads((None, None, None, None))}
    used |= {o for _, _, o, _ in pages.quads((None, RDF.type, None, None))}
    assert {u for u in used if not str(u).startswith((str(RDF), str(RDFS), str(OWL)))} - declared == set()
    assert validate_graph(pages).conforms

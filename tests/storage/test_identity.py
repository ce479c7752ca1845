"""The resolve step of builds: judgements in file and store builds, and incremental store
builds that split a node or bridge two, resolving only the affected names again."""

from __future__ import annotations

import shutil

import pytest

from graph_builder.storage.build import build_graph, build_store
from graph_builder.storage.files import serialise
from graph_builder.storage.store import export_store, load_store
from graph_builder.querying.engines import run_store_query

from ..resolution.support import said

YB = "tỉnh Yên Bái"
HUNG = "Nguyễn Văn Hùng"


def _write(folder, articles: dict[str, tuple[str, str]]) -> None:
    folder.mkdir(exist_ok=True)
    for article_id, (date, title) in articles.items():
        (folder / f"{article_id}.txt").write_text(said(article_id, date, title), encoding="utf-8")


def _persons_of(dataset) -> list[list[str]]:
    """The articles of each person named HUNG, through the mentions each person unites."""
    from graph_builder.model.rdf import VNKG, PROV
    by_person: dict[str, set[str]] = {}
    for person, _, mention, _ in dataset.quads((None, VNKG.unites, None, None)):
        for _, _, name, _ in dataset.quads((mention, VNKG.writtenName, None, None)):
            if str(name) == HUNG:
                for _, _, article, _ in dataset.quads((mention, PROV.wasDerivedFrom, None, None)):
                    by_person.setdefault(str(person), set()).add(str(article).rsplit("/", 1)[-1])
    return sorted(sorted(articles) for articles in by_person.values())


def _nq(dataset) -> bytes:
    return serialise(dataset, "nquads")


def _same_as_file_build(store, folder, identity=None) -> None:
    assert _nq(load_store(store)) == _nq(build_graph([folder], identity=identity).dataset)


PROVINCIAL = {"p1": ("12/3/2024", "Ủy viên Ban Thường vụ Tỉnh ủy Yên Bái"),
              "d1": ("14/3/2024", f"Bí thư Huyện ủy Văn Chấn, {YB}")}


def test_identity_incremental_build_adds_an_article_that_splits_a_node(tmp_path):
    corpus, store = tmp_path / "corpus", tmp_path / "s.db"
    _write(corpus, PROVINCIAL)
    build_store([corpus], store)
    assert _persons_of(load_store(store)) == [["d1", "p1"]]      # the standing member is the secretary
    # a later article names the standing member as the finance director: not the secretary
    _write(corpus, {"s1": ("16/3/2024", f"Ủy viên Ban Thường vụ Tỉnh ủy Yên Bái, Giám đốc Sở Tài chính {YB}")})
    report = build_store([corpus], store)
    assert len(report.read) == 1 and report.unchanged == 2
    assert _persons_of(load_store(store)) == [["d1"], ["p1", "s1"]]
    rows = run_store_query("identity", store).rows
    assert [(r[0], r[1], r[3], r[7]) for r in rows] == [("apart", "district-department", "d1", "s1")]
    _same_as_file_build(store, corpus)


def test_identity_incremental_build_adds_an_article_that_bridges_two_nodes(tmp_path):
    corpus, store = tmp_path / "corpus", tmp_path / "s.db"
    _write(corpus, {"x1": ("10/1/2022", f"Chủ tịch UBND xã Xà Hồ, huyện Trạm Tấu, {YB}"),
                    "h1": ("15/1/2025", f"Chủ tịch UBND huyện Trạm Tấu, {YB}")})
    build_store([corpus], store)
    assert _persons_of(load_store(store)) == [["h1"], ["x1"]]       # three years, nothing between
    _write(corpus, {"v1": ("20/6/2023", f"Phó Chủ tịch UBND huyện Trạm Tấu, {YB}")})
    build_store([corpus], store)
    assert _persons_of(load_store(store)) == [["h1", "v1", "x1"]]
    rows = run_store_query("identity", store).rows
    assert sorted((r[0], r[1], r[3], r[7]) for r in rows) == [
        ("join", "commune-to-district", "v1", "x1"), ("join", "one-locality", "h1", "v1")]
    _same_as_file_build(store, corpus)
    # removing the bridge splits them again
    (corpus / "v1.txt").unlink()
    report = build_store([corpus], store)
    assert report.removed == ["v1"]
    assert _persons_of(load_store(store)) == [["h1"], ["x1"]]
    _same_as_file_build(store, corpus)


def test_identity_judgements_in_file_and_store_builds(tmp_path):
    corpus, store, judgements = tmp_path / "corpus", tmp_path / "s.db", tmp_path / "judgements.tsv"
    _write(corpus, PROVINCIAL)
    judgements.write_text(f"different\tp1/{HUNG}\td1/{HUNG}\ttwo men, says the province's site\tLan\t2026-12-01\n",
                          encoding="utf-8")
    graph = build_graph([corpus], identity=judgements).dataset
    assert _persons_of(graph) == [["d1"], ["p1"]]
    build_store([corpus], store)
    assert _persons_of(load_store(store)) == [["d1", "p1"]]
    report = build_store([corpus], store, identity=judgements)      # only the judgement changed
    assert report.read == [] and report.unchanged == 2
    assert _persons_of(load_store(store)) == [["d1"], ["p1"]]
    _same_as_file_build(store, corpus, judgements)
    from graph_builder.model.rdf import PROV, VNKG
    from rdflib import Literal, RDFS
    dataset = load_store(store)
    (node,) = {s for s, _, _, _ in dataset.quads((None, VNKG.verdict, Literal("different"), None))
               if any(dataset.quads((s, RDFS.comment, Literal("two men, says the province's site"), None)))}
    assert len(list(dataset.quads((None, PROV.wasInfluencedBy, node, None)))) == 2
    # the judgement withdrawn: one person again
    judgements.write_text("", encoding="utf-8")
    build_store([corpus], store, identity=judgements)
    assert _persons_of(load_store(store)) == [["d1", "p1"]]
    _same_as_file_build(store, corpus)


def test_identity_store_and_file_builds_agree_on_the_dev_set(tmp_path):
    from ..support import ROOT
    dev = ROOT / "tests" / "data" / "identity" / "dev" / "articles"
    store = tmp_path / "s.db"
    build_store([dev], store, jobs=2)
    out = tmp_path / "s.nq"
    export_store(store, out)
    assert out.read_bytes() == _nq(build_graph([dev]).dataset)

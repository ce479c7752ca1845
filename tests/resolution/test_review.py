"""`vnkg identity`: the candidate pairs of a graph or a store, as a table, CSV or JSON."""

import csv
import io
import json

from ..resolution.support import said

YB = "tỉnh Yên Bái"
HUNG = "Nguyễn Văn Hùng"
ARTICLES = {"xa": ("11/3/2024", f"Chủ tịch UBND xã Xà Hồ, huyện Trạm Tấu, {YB}"),
            "so": ("13/3/2024", f"Giám đốc Sở Tài chính {YB}"),
            "huyen": ("15/3/2024", f"Bí thư Huyện ủy Văn Chấn, {YB}")}


def _corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for article_id, (date, title) in ARTICLES.items():
        (folder / f"{article_id}.txt").write_text(said(article_id, date, title), encoding="utf-8")
    return folder


def test_review_lists_candidates_of_a_graph_and_a_store_alike(vnkg, tmp_path):
    corpus = _corpus(tmp_path)
    assert vnkg("build", corpus, "--out", tmp_path / "g.trig").code == 0
    assert vnkg("build", corpus, "--store", tmp_path / "g.db").code == 0
    from_graph = vnkg("identity", tmp_path / "g.trig", "--format", "csv")
    from_store = vnkg("identity", "--store", tmp_path / "g.db", "--format", "csv")
    assert from_graph.code == from_store.code == 0
    assert from_graph.out == from_store.out
    rows = list(csv.DictReader(io.StringIO(from_graph.out)))
    assert [(r["verdict"], r["rule"], r["first_article"], r["second_article"], r["first_posts"]) for r in rows] == [
        ("apart", "district-department", "huyen", "so", "Bí thư Huyện ủy Văn Chấn"),
        ("unknown", "no-rule", "huyen", "xa", "Bí thư Huyện ủy Văn Chấn"),
        ("apart", "commune-department", "so", "xa", "Giám đốc Sở Tài chính tỉnh Yên Bái")]
    assert rows[0]["first_date"] == "2024-03-15" and rows[0]["first_name"] == HUNG
    assert rows[0]["first_person"] != rows[0]["second_person"]
    table = vnkg("identity", tmp_path / "g.trig")
    assert "district-department" in table.out and "(3 rows)" in table.out


def test_review_judgements_file_leaves_out_the_pairs_it_judges(vnkg, tmp_path):
    corpus = _corpus(tmp_path)
    judgements = tmp_path / "j.tsv"
    judgements.write_text(f"different\tso/{HUNG}\txa/{HUNG}\tsaid so by the commune\n", encoding="utf-8")
    assert vnkg("build", corpus, "--out", tmp_path / "g.trig", "--identity", judgements).code == 0
    everything = json.loads(vnkg("identity", tmp_path / "g.trig", "--format", "json").out)
    left = json.loads(vnkg("identity", tmp_path / "g.trig", "--format", "json", "--identity", judgements).out)
    assert len(everything) == 3 and everything[0]["verdict"] == "apart"
    assert len(left) == 2 and all(row["verdict"] != "different" for row in left)


def test_review_user_errors(vnkg, tmp_path):
    bad = tmp_path / "j.tsv"
    bad.write_text("same\tonly-one-side\n", encoding="utf-8")
    result = vnkg("build", _corpus(tmp_path), "--out", tmp_path / "g.ttl", "--identity", bad)
    assert result.code == 3 and f"{bad}:1:" in result.err and "tab-separated" in result.err
    result = vnkg("identity")
    assert result.code == 2 and "give either a graph file or --store DIR" in result.err

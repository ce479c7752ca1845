"""Analysis tables (`vnkg export --format parquet|csv`): one file per kind, the columns and
types the README documents, the same rows from a store as from a graph file, exact facts
of the seeds with typed dates and evidence, and the rows of the named queries answered
from the tables (what `benchmarks/export_bench.py` times)."""

from __future__ import annotations

import re

import duckdb
import pytest

from graph_builder import (UsageError, build_graph, build_store, export_tables, load_graph, read_article,
                           run_store_query)
from graph_builder.presentation.tables import TABLES

from ..support import SEEDS
from .export_support import bench, readme_blocks, readme_section, run_block, scratch


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("tables_store") / "seeds.db"
    build_store([SEEDS], path, jobs=1)
    return path


@pytest.fixture(scope="module")
def seeds_tables(seeds_dataset, tmp_path_factory):
    return export_tables(seeds_dataset, tmp_path_factory.mktemp("tables") / "seeds", "parquet")


def _rows(report, sql: str) -> list[tuple]:
    """`sql` over the tables of `report`, each table a view of its file."""
    con = duckdb.connect()
    reader = "read_parquet" if report.format == "parquet" else "read_csv"
    for name, path in report.files.items():
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM {reader}('{path}')")
    return con.execute(sql).fetchall()


def test_tables_write_one_file_per_kind_in_parquet_and_csv(seeds_dataset, seeds_tables, tmp_path):
    csv = export_tables(seeds_dataset, tmp_path / "csv", "csv")
    assert list(seeds_tables.rows) == list(csv.rows) == list(TABLES)
    assert seeds_tables.rows == csv.rows
    assert seeds_tables.rows["articles"] == 5 and seeds_tables.rows["meetings"] == 5
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == sorted(f"{name}.csv" for name in TABLES)
    parquet_columns = [c[0] for c in _rows(seeds_tables, "DESCRIBE holdings")]
    header = (tmp_path / "csv" / "holdings.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == parquet_columns


def test_tables_columns_and_types_are_the_ones_the_readme_documents(seeds_tables):
    text = readme_section("Analysis tables")
    for name in TABLES:
        (line,) = [line for line in text.splitlines() if line.startswith(f"| `{name}` |")]
        documented = re.findall(r"`(\w+)` ([A-Z]+)", line.split("|")[3])
        actual = [(c[0], c[1]) for c in _rows(seeds_tables, f"DESCRIBE {name}")]
        assert documented == actual, name


def test_tables_store_and_graph_file_give_the_same_rows(seeds_store, seeds_ttl, tmp_path):
    from_store = export_tables(seeds_store, tmp_path / "store", "parquet")
    from_file = export_tables(load_graph(seeds_ttl), tmp_path / "file", "parquet")
    assert from_store.rows == from_file.rows
    for name in TABLES:
        assert _rows(from_store, f"SELECT * FROM {name}") == _rows(from_file, f"SELECT * FROM {name}"), name


def test_tables_holdings_and_meetings_carry_typed_dates_status_and_evidence(seeds_tables):
    import datetime
    holdings = _rows(seeds_tables, """
        SELECT title, status, attested, attested_text, article, province FROM holdings
        WHERE person = 'Mùa A Sơn'""")
    assert holdings == [("Phó Bí thư Thường trực Tỉnh ủy Điện Biên", "current", datetime.date(2023, 12, 29),
                         "2023-12-29", "003_3efc173e9c33baf7", "Điện Biên")]
    meeting = _rows(seeds_tables, """
        SELECT type, type_code, date, locality, province, chair, online FROM meetings
        WHERE article = '003_3efc173e9c33baf7'""")
    assert meeting == [("Hội nghị giao ban", "hoi-nghi-giao-ban", datetime.date(2023, 12, 29), "Điện Biên",
                        "Điện Biên", "Mùa A Sơn", False)]
    roles = _rows(seeds_tables, """
        SELECT role FROM participations WHERE person = 'Mùa A Sơn' ORDER BY role""")
    assert roles == [("chair",), ("concluder",)]
    organisers = _rows(seeds_tables, "SELECT organisation FROM organisers WHERE article = '003_3efc173e9c33baf7'")
    assert organisers == [("Thường trực Tỉnh ủy Điện Biên",)]


def test_tables_a_date_without_a_year_is_empty_with_its_text_kept(seeds_tables):
    # "Sáng 8/5": the article never makes the year knowable, and vnkg does not guess it
    assert _rows(seeds_tables, """
        SELECT date, date_text FROM meetings WHERE article = '004_3c103d710c67eb8a'""") == [(None, "--05-08")]
    assert set(_rows(seeds_tables, """
        SELECT attested, attested_text FROM holdings WHERE article = '004_3c103d710c67eb8a'""")) == {(None, "--05-08")}


def test_tables_every_quote_is_the_article_text_at_its_offsets(seeds_tables):
    texts = {path.stem: read_article(path).text for path in SEEDS.glob("*.txt")}
    for table in ("holdings", "meetings", "participations"):
        rows = _rows(seeds_tables, f"SELECT article, evidence_start, evidence_end, quote FROM {table}")
        assert rows and all(texts[article][start:end] == quote for article, start, end, quote in rows), table


@pytest.mark.parametrize("name", ["chairs", "positions", "encounters", "activity"])
def test_tables_answer_the_named_queries_over_the_whole_corpus(corpus_store, tmp_path_factory, name):
    folder = tmp_path_factory.getbasetemp() / "corpus_tables"
    if not folder.exists():
        export_tables(corpus_store, folder, "parquet")
    module = bench()
    rows = module.answer(folder, name)
    assert rows, name
    assert module.same_rows(rows, run_store_query(name, corpus_store).rows)


def test_tables_refuse_a_file_for_the_folder_and_an_unknown_format(seeds_dataset, tmp_path):
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="folder"):
        export_tables(seeds_dataset, tmp_path / "taken", "parquet")
    with pytest.raises(UsageError, match="unknown table format"):
        export_tables(seeds_dataset, tmp_path / "t", "xlsx")
    assert not (tmp_path / "t").exists()


def test_tables_cli_exports_a_store_and_leaves_nothing_else(vnkg, seeds_store, tmp_path):
    result = vnkg("export", "--store", seeds_store, "--format", "csv", "--out", tmp_path / "t")
    assert result.code == 0, result
    assert "10 csv tables (articles 5," in result.err
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == sorted(f"{name}.csv" for name in TABLES)
    result = vnkg("export", "--store", seeds_store, "--format", "parquet", "--out", tmp_path / "t",
                  "--person", "Mùa A Sơn")
    assert result.code == 2 and "filters apply to --format graphml or gexf only" in result.err


def test_tables_readme_examples_run_as_written(tmp_path):
    folder = scratch(tmp_path)
    blocks = readme_blocks("Analysis tables")
    assert [language for language, _ in blocks] == ["sh", "python"]
    outputs = [run_block(language, text, folder) for language, text in blocks]
    # who chaired most meetings in each province, from the seeds
    assert "Mùa A Sơn" in outputs[1] and "Lương Thị Hoa" in outputs[1]


def test_tables_changes_of_post_and_the_terms_they_give(tmp_path):
    import datetime
    from ..support import CHANGES
    report = export_tables(build_graph([CHANGES / "articles"]).dataset, tmp_path / "changes", "parquet")
    assert report.rows["changes"] == 31
    rows = _rows(report, """SELECT person, kind, title, date, decided_by, measure, acting, article
                            FROM changes WHERE person = 'Giàng Seo Pó' OR person = 'Đinh Văn Thắng'
                            ORDER BY person, kind""")
    assert rows == [
        ("Giàng Seo Pó", "disciplined", "Chủ tịch Ủy ban nhân dân xã Mậu Duệ", None,
         "Ban Thường vụ Tỉnh ủy Hà Giang", "cách chức", None, "c03_ha_giang_ky_luat_can_bo"),
        ("Giàng Seo Pó", "relieved", "Chủ tịch Ủy ban nhân dân xã Mậu Duệ", None,
         "Ban Thường vụ Tỉnh ủy Hà Giang", None, None, "c03_ha_giang_ky_luat_can_bo"),
        ("Đinh Văn Thắng", "appointed", "Chủ tịch Ủy ban nhân dân huyện Mộc Châu", None,
         "Ủy ban nhân dân tỉnh Sơn La", None, True, "c04_son_la_trao_quyet_dinh")]
    terms = _rows(report, """SELECT person, status, term_start, term_end FROM holdings
                             WHERE title = 'Giám đốc Sở Tài chính tỉnh Sơn La' ORDER BY person""")
    assert terms == [("Cầm Văn Chung", "former", None, datetime.date(2024, 3, 1)),
                     ("Lò Minh Hùng", "current", datetime.date(2024, 3, 1), None)]

"""queries/*.rq and queries.py: every named query parses, says what it answers, runs on
the seed graph; the CSV contract; parameters are bound by the engine, never pasted in."""

import csv
import io
import json

import pytest
from rdflib.plugins.sparql import prepareQuery

from graph_builder import QueryError, UsageError, named_queries, run_query
from graph_builder.querying.queries import declared_params, describe_query, parse_params, to_csv, to_json, to_table

from ..support import CONTRACT, QUERIES

NAMES = sorted(p.stem for p in QUERIES.glob("*.rq") if "+" not in p.stem)   # NAME+PARAM: narrowed forms


def test_queries_every_contract_query_is_shipped():
    assert set(CONTRACT) <= set(named_queries())
    assert set(named_queries()) == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_queries_file_parses_and_has_a_header(name):
    text = (QUERIES / name).with_suffix(".rq").read_text(encoding="utf-8")
    prepareQuery(text)
    header = describe_query(text)
    assert header.startswith(f"{name}: "), header
    assert "Columns:" in header and "Parameters:" in header


@pytest.mark.parametrize("name", NAMES)
def test_queries_run_on_the_seed_graph_and_return_rows(name, seeds_dataset, corpus_build):
    # the seeds report no change of post and name no namesakes: those are asked of the larger corpus
    result = run_query(name, corpus_build.dataset if name in ("identity", "changes") else seeds_dataset)
    assert result.rows, f"{name} returned no rows on the seeds"


@pytest.mark.parametrize("name, headers", sorted(CONTRACT.items()))
def test_queries_csv_has_the_contract_headers_first(name, headers, corpus_build):
    text = to_csv(run_query(name, corpus_build.dataset))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:len(headers)] == headers
    assert text.endswith("\r\n") and "\r\n" in text        # W3C SPARQL CSV: CRLF line ends


def test_queries_article_column_is_the_file_name_without_extension(seeds_dataset):
    articles = {row[0] for row in run_query("persons", seeds_dataset).rows}
    assert articles == {"000_76ec2816e9efe202", "001_e53dd4812b96e18f", "002_a62d43b72d15a40c",
                        "003_3efc173e9c33baf7", "004_3c103d710c67eb8a"}


def test_queries_chairs_says_who_chaired_what_where_and_when(seeds_dataset):
    # the order of several titles in one cell is checked separately (see below)
    rows = [(r[0], "; ".join(sorted(r[1].split("; "))), *r[2:6]) for r in run_query("chairs", seeds_dataset).rows]
    assert sorted(rows, key=lambda r: r[5]) == [
        ("Lương Thị Hoa", "Bí thư Huyện ủy Như Xuân", "Buổi làm việc", "2023-03-20", "Như Xuân",
         "001_e53dd4812b96e18f"),
        ("Mùa A Sơn", "Phó Bí thư Thường trực Tỉnh ủy Điện Biên", "Hội nghị giao ban", "2023-12-29", "Điện Biên",
         "003_3efc173e9c33baf7"),
        ("Nguyễn Thị Liên", "Bí thư Huyện ủy; Ủy viên Tỉnh ủy", "Buổi làm việc", "--05-08", None,
         "004_3c103d710c67eb8a"),
    ]


def test_queries_chairs_rows_do_not_depend_on_how_the_graph_was_loaded(seeds_dataset, seeds_ttl):
    from graph_builder import load_graph
    assert run_query("chairs", seeds_dataset).rows == run_query("chairs", load_graph(seeds_ttl)).rows


def test_queries_meetings_rows_for_the_seeds(seeds_dataset):
    rows = {row[0]: (row[2], row[3], row[4], row[5], row[6]) for row in run_query("meetings", seeds_dataset).rows}
    assert rows == {
        "000_76ec2816e9efe202": ("Buổi làm việc", "2022-12-27", "Hàm Yên", "Tuyên Quang", None),
        "001_e53dd4812b96e18f": ("Buổi làm việc", "2023-03-20", "Như Xuân", "Thanh Hóa", "Lương Thị Hoa"),
        "002_a62d43b72d15a40c": ("Hội nghị tổng kết", "2022-01-06", "Bắc Mê", "Hà Giang", None),
        "003_3efc173e9c33baf7": ("Hội nghị giao ban", "2023-12-29", "Điện Biên", "Điện Biên", "Mùa A Sơn"),
        "004_3c103d710c67eb8a": ("Buổi làm việc", "--05-08", None, None, "Nguyễn Thị Liên"),
    }


def test_queries_param_binds_a_value(seeds_dataset):
    rows = run_query("persons", seeds_dataset, {"person": "Mùa A Sơn"}).rows
    assert rows == [("003_3efc173e9c33baf7", "Mùa A Sơn")]
    rows = run_query("positions", seeds_dataset, {"article": "000_76ec2816e9efe202"}).rows
    assert {r[2] for r in rows} == {"Phó Bí thư Thường trực Huyện ủy Hàm Yên", "Chủ tịch Hội đồng nhân dân huyện Hàm Yên"}


@pytest.mark.parametrize("value", [
    'x" } UNION { ?s ?p ?o',
    'x" . ?s ?p ?o } #',
    "x' } UNION { ?a ?b ?c } {",
    "Mùa A Sơn\" || true || \"",
    "{}{}{}\"\"\"'''",
])
def test_queries_param_with_quotes_and_braces_is_bound_safely(seeds_dataset, value):
    assert run_query("persons", seeds_dataset, {"person": value}).rows == []


def test_queries_param_nfc_normalised(seeds_dataset):
    import unicodedata
    (params,) = [parse_params([unicodedata.normalize("NFD", "person=Mùa A Sơn")])]
    assert run_query("persons", seeds_dataset, params).rows == [("003_3efc173e9c33baf7", "Mùa A Sơn")]


def test_queries_param_iri_in_angle_brackets(seeds_dataset):
    text = "# q: an IRI parameter\n# Parameters: a\nSELECT ?id WHERE { ?a <https://w3id.org/vnkg/ontology#identifier> ?id }"
    import tempfile, os
    with tempfile.NamedTemporaryFile("w", suffix=".rq", delete=False, encoding="utf-8") as handle:
        handle.write(text)
    try:
        rows = run_query(handle.name, seeds_dataset,
                         {"a": "<https://w3id.org/vnkg/id/article/000_76ec2816e9efe202>"}).rows
    finally:
        os.unlink(handle.name)
    assert rows == [("000_76ec2816e9efe202",)]


def test_queries_unknown_name_is_a_usage_error(seeds_dataset):
    with pytest.raises(UsageError, match="no named query 'nosuch'"):
        run_query("nosuch", seeds_dataset)


def test_queries_unknown_param_is_a_usage_error(seeds_dataset):
    with pytest.raises(UsageError, match="takes no parameter 'colour'"):
        run_query("persons", seeds_dataset, {"colour": "red"})


@pytest.mark.parametrize("pair", ["noequals", "=value"])
def test_queries_param_not_key_value_is_a_usage_error(pair):
    with pytest.raises(UsageError):
        parse_params([pair])


def test_queries_syntax_error_names_line_and_column(tmp_path, seeds_dataset):
    path = tmp_path / "bad.rq"
    path.write_text("# bad: a broken query\nSELECT * WHERE { ?s ?p }\n", encoding="utf-8")
    with pytest.raises(QueryError) as caught:
        run_query(str(path), seeds_dataset)
    assert caught.value.exit_code == 4
    assert "bad.rq" in str(caught.value) and "line 2" in str(caught.value)


def test_queries_declared_params_of_every_named_query():
    params = {name: declared_params(text) for name, text in named_queries().items()}
    assert params["chairs"] == ["person", "article", "locality"]
    assert params["timeline"] == ["person"]


def test_queries_declared_params_go_on_over_comment_lines_inside_parentheses():
    text = "# q: x\n# Parameters: a (one, two\n# three), b\n# Columns: a, b\nSELECT * WHERE {}"
    assert declared_params(text) == ["a", "b"]


def test_queries_declared_params_ignore_commas_inside_parentheses():
    assert declared_params(named_queries()["persons"]) == ["article", "person"]


def test_queries_formats():
    from graph_builder import QueryResult
    result = QueryResult(["person", "chair"], [("Mùa A Sơn", None), ('A "B", C', "x")])
    assert to_csv(result) == 'person,chair\r\nMùa A Sơn,\r\n"A ""B"", C",x\r\n'
    assert json.loads(to_json(result)) == [{"person": "Mùa A Sơn", "chair": None}, {"person": 'A "B", C', "chair": "x"}]
    table = to_table(result)
    assert table.splitlines()[0].split() == ["person", "chair"]
    assert table.endswith("(2 rows)")


@pytest.mark.parametrize("name, param, value, column", [
    ("persons", "article", "003_3efc173e9c33baf7", "article"),
    ("persons", "person", "Mùa A Sơn", "person"),
    ("positions", "article", "001_e53dd4812b96e18f", "article"),
    ("positions", "person", "Lương Thị Hoa", "person"),
    ("positions", "title", "Bí thư Huyện ủy Như Xuân", "title"),
    ("meetings", "article", "003_3efc173e9c33baf7", "article"),
    ("participants", "article", "001_e53dd4812b96e18f", "article"),
    ("participants", "person", "Mùa A Sơn", "person"),
    ("organisers", "article", "000_76ec2816e9efe202", "article"),
    ("organisers", "organisation", "Thường trực Tỉnh ủy Điện Biên", "organisation"),
    ("authors", "article", "000_76ec2816e9efe202", "article"),
    ("chairs", "person", "Mùa A Sơn", "person"),
    ("chairs", "article", "003_3efc173e9c33baf7", "article"),
    ("timeline", "person", "Mùa A Sơn", "person"),
])
def test_queries_each_declared_parameter_filters_rows(seeds_dataset, name, param, value, column):
    result = run_query(name, seeds_dataset, {param: value})
    index = result.columns.index(column)
    assert result.rows and all(row[index] == value for row in result.rows)
    assert len(result.rows) < len(run_query(name, seeds_dataset).rows)

"""Queries: `--param` values are RDF terms, never query text; a user query with a syntax
error is reported with its line and column; `--timeout` bounds a query's time."""

from __future__ import annotations

import threading
import time

import pytest

from graph_builder.errors import QueryError, UsageError
from graph_builder.querying.queries import run_query
from graph_builder.storage.files import load_graph

HOSTILE = [
    'Nguyễn Duy Hòa" } UNION { ?p ?x ?person } #',
    "x' } UNION { ?s ?p ?o } FILTER(true) #",
    "} UNION {",
    "{ } } ?person ?article . }",
    'Lê Văn Thuận"\n} UNION { ?a ?b ?c }\n#',
    '"""; DROP ALL; #',
    "\\\" ) ) } UNION {",
    "?person",
]


@pytest.fixture(scope="module")
def seeds(seeds_graph):
    return load_graph(seeds_graph)


@pytest.mark.parametrize("value", HOSTILE)
def test_queries_hostile_param_is_a_value(seeds, value):
    # no person has such a name: a value that changed the query would return rows
    assert run_query("persons", seeds, {"person": value}).rows == []


def test_queries_param_still_filters(seeds):
    everyone = run_query("persons", seeds).rows
    assert len(everyone) > 3
    rows = run_query("persons", seeds, {"person": "Nguyễn Duy Hòa"}).rows
    assert rows == [r for r in everyone if r[1] == "Nguyễn Duy Hòa"] and rows


@pytest.mark.parametrize("value", HOSTILE[:3])
def test_queries_hostile_param_on_the_command_line(vnkg, seeds_graph, value):
    result = vnkg("query", "persons", "--graph", seeds_graph, "--param", f"person={value}", "--format", "csv")
    assert result.code == 0, result
    assert result.out == "article,person\r\n"


@pytest.mark.parametrize("value", ["<a b>", '<x"> } UNION { ?s ?p ?o } <y>', "<>", "<{}>"])
def test_queries_bad_iri_param_is_a_usage_error(seeds, value):
    with pytest.raises(UsageError) as caught:
        run_query("persons", seeds, {"article": value})
    assert caught.value.message == f"--param article: {value!r} is not a valid IRI"


def test_queries_endpoint_values_block_escapes_hostile_values():
    from graph_builder.querying.queries import bind_params
    text = bind_params("SELECT ?person WHERE { ?p <n> ?person }", {"person": HOSTILE[0]})
    assert text == ('SELECT ?person WHERE { VALUES (?person) { ("Nguyễn Duy Hòa\\" } UNION { ?p ?x ?person } #") }'
                    ' ?p <n> ?person }')


@pytest.mark.parametrize("query, where", [
    ("SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?o = )\n}\n", 'line 3, column 3 near "FILTER(?o = )"'),
    ("PREFIX x: <http://x/>\nSELECT ?s WHERE {\n  ?s ?p ?o\n  ?s x:foo\n}\n", 'line 4, column 3 near "?s x:foo"'),
    ("SELECT ?s WHERE { ?s ?p ?o ", "line 1, column 28"),
])
def test_queries_syntax_error_has_line_and_column(seeds, tmp_path, vnkg, seeds_graph, query, where):
    path = tmp_path / "mine.rq"
    path.write_text(query, encoding="utf-8")
    with pytest.raises(QueryError) as caught:
        run_query(str(path), seeds)
    assert caught.value.message.startswith(f"syntax error: {where}")
    result = vnkg("query", path, "--graph", seeds_graph)
    assert result.code == 4
    assert result.err.startswith(f"vnkg: error: {path}: syntax error: {where}")
    assert len(result.err.splitlines()) == 1


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\n"   # ~10^8 rows


def test_queries_timeout_stops_the_query(seeds, tmp_path):
    path = tmp_path / "slow.rq"
    path.write_text(SLOW, encoding="utf-8")
    began = time.monotonic()
    with pytest.raises(QueryError) as caught:
        run_query(str(path), seeds, timeout=0.5)
    assert time.monotonic() - began < 5
    assert caught.value.message == "timed out after 0.5 s"
    assert caught.value.exit_code == 4
    time.sleep(0.2)
    # the worker was stopped, not left computing in the background
    assert not [t for t in threading.enumerate() if t.name == "vnkg-query"]


def test_queries_timeout_stops_a_store_query_between_rows(corpus_store, tmp_path):
    from graph_builder.querying.engines import run_store_query
    path = tmp_path / "rows.rq"
    path.write_text("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\n", encoding="utf-8")   # ~10^13 rows
    began = time.monotonic()
    with pytest.raises(QueryError) as caught:
        run_store_query(str(path), corpus_store, timeout=0.5)
    assert time.monotonic() - began < 5
    assert caught.value.message == "timed out after 0.5 s"
    time.sleep(0.2)
    assert not [t for t in threading.enumerate() if t.name == "vnkg-query"]


def test_queries_timeout_leaves_fast_queries_alone(seeds):
    assert run_query("persons", seeds, timeout=30).rows == run_query("persons", seeds).rows


def test_queries_timeout_on_the_command_line(vnkg, seeds_graph, tmp_path):
    path = tmp_path / "slow.rq"
    path.write_text(SLOW, encoding="utf-8")
    result = vnkg("query", path, "--graph", seeds_graph, "--timeout", "0.5")
    assert result.code == 4
    assert result.err == (f"vnkg: error: {path}: timed out after 0.5 s "
                          "(bind a --param or add a LIMIT to narrow it, or raise --timeout)\n")
    bad = vnkg("query", "persons", "--graph", seeds_graph, "--timeout", "-1")
    assert bad.code == 2 and "is not a positive number of seconds" in bad.err

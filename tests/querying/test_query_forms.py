"""What a parameter means, on every engine: a bound `--param KEY=VALUE` keeps exactly the
rows whose KEY column holds VALUE, whichever form of the query answers it (the general
one, or a form narrowed by that parameter, `NAME+KEY.rq`)."""

from __future__ import annotations

import pytest
from rdflib.plugins.sparql import prepareQuery

from graph_builder.querying.engines import run_store_query
from graph_builder.querying.queries import declared_params, describe_query, load_query, named_queries, narrowed_forms, run_query

from ..support import QUERIES

FORMS = sorted(narrowed_forms())
# (query, parameter) pairs where the parameter names a column of the query's rows
BINDABLE = sorted((name, param) for name, text in named_queries().items() for param in declared_params(text))


def test_query_forms_every_narrowed_form_belongs_to_a_named_query_and_one_of_its_parameters():
    assert FORMS, "no narrowed forms shipped"
    for name, param in FORMS:
        assert param in declared_params(named_queries()[name]), (name, param)


@pytest.mark.parametrize("name, param", FORMS)
def test_query_forms_narrowed_form_has_the_general_columns_and_parameters(name, param):
    general, narrowed = named_queries()[name], narrowed_forms()[(name, param)]
    prepareQuery(narrowed)
    assert describe_query(narrowed).startswith(f"{name}, narrowed by {param}: ")
    assert sorted(declared_params(narrowed)) == sorted(declared_params(general))
    assert declared_params(narrowed)[0] == param
    columns = [line for line in describe_query(narrowed).splitlines() if line.startswith("Columns:")]
    assert columns == [line for line in describe_query(general).splitlines() if line.startswith("Columns:")]


def test_query_forms_the_bound_parameter_picks_the_form():
    assert load_query("meetings")[1] == (QUERIES / "meetings.rq").read_text(encoding="utf-8")
    assert load_query("meetings", {"article": "x"})[1] == (QUERIES / "meetings.rq").read_text(encoding="utf-8")
    assert load_query("meetings", {"article": "x", "locality": "Hàm Yên"})[1] == \
        (QUERIES / "meetings+locality.rq").read_text(encoding="utf-8")


def _values(rows, column: int, count: int = 2) -> list[str]:
    """A few values of a column: the most frequent, and one that occurs once if any."""
    from collections import Counter
    ranked = Counter(row[column] for row in rows if row[column]).most_common()
    picks = [ranked[0][0]] if ranked else []
    picks += [value for value, n in ranked[::-1][:1] if value not in picks]
    return picks[:count]


@pytest.mark.parametrize("name, param", BINDABLE)
def test_query_forms_a_parameter_keeps_the_rows_with_that_value(name, param, corpus_build, corpus_store):
    everything = run_query(name, corpus_build.dataset)
    assert param in everything.columns, f"{name}: parameter {param} is not a column"
    column = everything.columns.index(param)
    values = _values(everything.rows, column)
    assert values, f"{name}: no {param} in the test corpus"
    for value in values:
        expected = [row for row in everything.rows if row[column] == value]
        assert run_query(name, corpus_build.dataset, {param: value}).rows == expected, value
        assert run_store_query(name, corpus_store, {param: value}).rows == expected, value

"""The candidate pairs a user reviews (`vnkg identity`), read from a built graph or store."""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from .judgements import read_judgements


def identity_candidates(graph: str | Path | None = None, store: str | Path | None = None,
                        identity: str | Path | None = None):
    """The candidate pairs of a graph file or a store (the `identity` named query's rows):
    namesakes kept apart, or joined by a rule other than a shared post, with the rule,
    the two mentions that decided and the persons they are in. With `identity` (a
    judgements file), the pairs it already judges are left out: what remains to review.

    >>> result = identity_candidates(graph="corpus.trig")        # doctest: +SKIP
    >>> result.columns[:3]                                        # doctest: +SKIP
    ['verdict', 'rule', 'first_name']
    """
    from ..querying.engines import run_store_query
    from ..querying.queries import run_query
    from ..storage.files import load_graph
    if (graph is None) == (store is None):
        raise UsageError("give either a graph file or --store DIR", hint="e.g. vnkg identity corpus.trig")
    judgements = read_judgements(identity)
    result = run_store_query("identity", store) if store is not None else run_query("identity", load_graph(graph))
    if judgements:
        judged = set()
        for j in judgements:
            judged.add(frozenset((j.a.text(), j.b.text())))
        columns = result.columns
        at = {name: columns.index(name) for name in columns}

        def sides(row) -> list[frozenset]:
            mentions = (f"{row[at['first_article']]}/{row[at['first_name']]}",
                        f"{row[at['second_article']]}/{row[at['second_name']]}")
            persons = (row[at["first_person"]], row[at["second_person"]])
            return [frozenset(mentions), frozenset(persons)]
        result.rows = [row for row in result.rows if not any(pair in judged for pair in sides(row))]
    return result

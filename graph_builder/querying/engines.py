"""Named queries on the other engines: the on-disk Oxigraph store and a remote SPARQL 1.1
endpoint. Both give the same columns and rows as `queries.run_query` over rdflib, and
bind parameters the same way (`queries.bind_params`: a VALUES block of N-Triples terms at
the start of the last WHERE group).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from ..errors import QueryError, UsageError
from .queries import (QueryResult, SparqlText, bind_params, check_syntax, evaluate_within, prepare, syntax_message_of,
                      with_prefixes)


def _value(term) -> str | None:
    return None if term is None else term.value


def run_store_query(name_or_path: str | SparqlText, store_path: str | Path, params: dict[str, str] | None = None,
                    timeout: float | None = None) -> QueryResult:
    """Run a named query or a `.rq` file over the on-disk store at `store_path`.
    `timeout` (seconds) bounds the evaluation as in `queries.run_query`: Oxigraph checks
    for it between result rows, so a sort or a grouping over the whole store is stopped
    only once it has produced its first row.

    >>> run_store_query("encounters", "corpus.db", {"person": "Mùa A Sơn"}).rows[:1]   # doctest: +SKIP
    """
    from ..storage.store import open_store, prefixes
    label, text, params = prepare(name_or_path, params)
    store = open_store(store_path, read_only=True)

    def evaluate() -> QueryResult:
        try:
            solutions = store.query(bind_params(text, params, label), prefixes=prefixes())
        except SyntaxError as exc:
            check_syntax(text, label)     # rdflib points at where the construct that fails starts
            raise QueryError(f"syntax error: {syntax_message_of(str(exc))}", where=label) from None
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("only SELECT queries give rows", where=label)
        columns = [v.value for v in solutions.variables]
        return QueryResult(columns, [tuple(_value(row[i]) for i in range(len(columns))) for row in solutions])

    return evaluate_within(evaluate, timeout, label)


def run_endpoint_query(name_or_path: str | SparqlText, endpoint: str, params: dict[str, str] | None = None,
                       timeout: float = 60.0) -> QueryResult:
    """Run a named query or a `.rq` file against a SPARQL 1.1 endpoint (the Protocol's
    POST form, results as SPARQL JSON). The endpoint's default graph must be the union of
    its named graphs (`vnkg serve` starts it so).

    >>> run_endpoint_query("chairs", "http://127.0.0.1:7878/query").columns   # doctest: +SKIP
    ['person', 'title', 'type', 'date', 'locality', 'article', 'province']
    """
    label, text, params = prepare(name_or_path, params)
    check_syntax(text, label)         # where the query is wrong, said before anything is sent
    body = urllib.parse.urlencode({"query": with_prefixes(bind_params(text, params, label))}).encode("utf-8")
    request = urllib.request.Request(endpoint, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json"})
    data = _send(request, endpoint, timeout, QueryError)
    try:
        results = json.loads(data)
        columns = results["head"]["vars"]
        rows = [tuple(b[c]["value"] if c in b else None for c in columns) for b in results["results"]["bindings"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise QueryError(f"the endpoint did not answer with SPARQL JSON results ({exc})", where=endpoint,
                         hint="give the query URL, e.g. http://127.0.0.1:7878/query") from None
    return QueryResult(columns, rows)


def _send(request: urllib.request.Request, url: str, timeout: float, error) -> bytes:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise error(f"the endpoint refused the request: HTTP {exc.code} {exc.reason}"
                    + (f": {detail[0][:200]}" if detail else ""), where=url) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise UsageError(f"cannot reach the endpoint ({reason})", where=url,
                         hint="is the server running? (`vnkg serve --store DIR`)") from None

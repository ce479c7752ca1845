"""Named queries on the other engines: the on-disk Oxigraph store and a remote SPARQL 1.1
endpoint. Both give the same columns and rows as `queries.run_query` over rdflib.

Parameters stay values, never text: on the store they are bound with Oxigraph's
`substitutions` (RDF-dev SEP-0007), which requires the variable to be projected; over
HTTP, where the protocol has no way to bind, they go into a trailing `VALUES` block of
terms written by an N-Triples serialiser (so quotes and braces are escaped). A trailing
`VALUES` joins after grouping, so it too filters on projected variables: every
parameter of the named queries is a projected column.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError, UsageError
from .queries import QueryResult, prepare



def _ox_term(value: str, label: str):
    try:
        if value.startswith("<") and value.endswith(">"):
            return ox.NamedNode(value[1:-1])
        return ox.Literal(value)
    except ValueError as exc:
        raise UsageError(f"parameter value {value!r} is not a valid IRI: {exc}", where=label) from None


def _value(term) -> str | None:
    return None if term is None else term.value


def run_store_query(name_or_path: str, store_path: str | Path, params: dict[str, str] | None = None) -> QueryResult:
    """Run a named query or a `.rq` file over the on-disk store at `store_path`."""
    from .oxstore import open_store, prefixes
    label, text, params = prepare(name_or_path, params)
    store = open_store(store_path, read_only=True)
    substitutions = {ox.Variable(k): _ox_term(v, label) for k, v in params.items()}
    try:
        solutions = store.query(text, substitutions=substitutions or None,
                                prefixes=prefixes())
    except SyntaxError as exc:
        raise QueryError(f"syntax error: {exc}", where=label) from None
    except (OSError, ValueError) as exc:
        raise QueryError(f"query failed: {exc}", where=label,
                         hint="a parameter must be a variable the query selects" if params else None) from None
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError("only SELECT queries give rows", where=label)
    columns = [v.value for v in solutions.variables]
    try:
        rows = [tuple(_value(row[i]) for i in range(len(columns))) for row in solutions]
    except (OSError, ValueError) as exc:
        raise QueryError(f"query failed: {exc}", where=label) from None
    return QueryResult(columns, rows)


def with_values(text: str, params: dict[str, str], label: str = "query") -> str:
    """`text` with a trailing VALUES block binding `params` (terms serialised as
    N-Triples, so a value cannot escape its quotes)."""
    if not params:
        return text
    names = " ".join(f"?{k}" for k in params)
    if not all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", k) for k in params):
        raise UsageError("a parameter name must be a SPARQL variable name", where=label)
    terms = " ".join(str(_ox_term(v, label)) for v in params.values())
    return f"{text.rstrip()}\nVALUES ({names}) {{ ({terms}) }}\n"


def run_endpoint_query(name_or_path: str, endpoint: str, params: dict[str, str] | None = None,
                       timeout: float = 60.0) -> QueryResult:
    """Run a named query or a `.rq` file against a SPARQL 1.1 endpoint (the Protocol's
    POST form, results as SPARQL JSON). The endpoint's default graph must be the union of
    its named graphs (`vnkg serve` starts it so)."""
    label, text, params = prepare(name_or_path, params)
    body = urllib.parse.urlencode({"query": with_values(text, params, label)}).encode("utf-8")
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

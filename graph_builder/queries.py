"""Named SPARQL queries (`queries/*.rq`, shipped in the package) and user queries.

Parameters are bound as RDF terms through the engine (rdflib `initBindings`), never
formatted into the query text: a value with quotes, braces or `} UNION {` stays a value.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from .errors import QueryError, UsageError

_PARAMS = re.compile(r"^#\s*Parameters:\s*(.*)$", re.M)


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple[str | None, ...]]


def named_queries() -> dict[str, str]:
    """Name -> query text of every named query."""
    from .vocabulary import shipped_folder
    folder = shipped_folder("graph_builder.named_queries", "queries")
    return {p.name[:-3]: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name.endswith(".rq")}


def describe(text: str) -> str:
    """The header comment of a query: what it answers."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").rstrip())
    return "\n".join(lines)


def declared_params(text: str) -> list[str]:
    match = _PARAMS.search(text)
    if not match:
        return []
    # `article (an article identifier), person (a name, NFC, as in the graph)`
    names = re.sub(r"\([^)]*\)", "", match.group(1))
    return [part.split()[0] for part in names.split(",") if part.strip()]


def load_query(name_or_path: str) -> tuple[str, str]:
    """(label, text) of a named query or of a `.rq` file."""
    queries = named_queries()
    if name_or_path in queries:
        return name_or_path, queries[name_or_path]
    path = Path(name_or_path)
    if path.suffix == ".rq" or path.exists():
        if not path.is_file():
            raise UsageError("no such query file", where=str(path))
        return str(path), path.read_text(encoding="utf-8")
    raise UsageError(f"no named query {name_or_path!r}",
                     hint=f"named queries: {', '.join(sorted(queries))}; or give a .rq file")


def parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--param {pair!r} is not KEY=VALUE")
        params[key.strip()] = unicodedata.normalize("NFC", value)
    return params


_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _term(key: str, value: str):
    """A parameter value as an RDF term: `<iri>` an IRI, anything else a plain literal."""
    if value.startswith("<") and value.endswith(">"):
        iri = value[1:-1]
        if not iri or _IRI_FORBIDDEN.search(iri):
            raise UsageError(f"--param {key}: {value!r} is not a valid IRI",
                             hint="an IRI has no spaces, quotes, braces or angle brackets inside")
        return URIRef(iri)
    return Literal(value)


def prepare(name_or_path: str, params: dict[str, str] | None) -> tuple[str, str, dict[str, str]]:
    """(label, text, params) of a query, with the parameters checked against the ones its
    header declares (every engine runs this first)."""
    label, text = load_query(name_or_path)
    params = params or {}
    allowed = declared_params(text)
    if allowed:
        unknown = [k for k in params if k not in allowed]
        if unknown:
            raise UsageError(f"query {label!r} takes no parameter {unknown[0]!r}",
                             hint=f"its parameters: {', '.join(allowed)}")
    return label, text, params


def run_query(name_or_path: str, dataset: Dataset, params: dict[str, str] | None = None,
              timeout: float | None = None) -> QueryResult:
    """Run a named query or a `.rq` file over `dataset`; `params` bind query variables.
    `timeout` (seconds) bounds the evaluation: past it the query is stopped and a
    QueryError raised."""
    label, text, params = prepare(name_or_path, params)
    bindings = {k: _term(k, v) for k, v in params.items()}
    try:
        prepared = prepareQuery(text)
    except Exception as exc:
        raise QueryError(f"syntax error: {_syntax_message(exc, text)}", where=label) from None
    dataset.default_union = True

    def evaluate() -> QueryResult:
        result = dataset.query(prepared, initBindings=bindings)
        columns = [str(v) for v in result.vars]
        rows = [tuple(None if value is None else str(value) for value in row) for row in result]
        return QueryResult(columns, rows)

    try:
        return evaluate() if timeout is None else _within(evaluate, timeout)
    except _Timeout:
        raise QueryError(f"timed out after {timeout:g} s", where=label,
                         hint="bind a --param or add a LIMIT to narrow it, or raise --timeout") from None
    except Exception as exc:
        raise QueryError(f"query failed: {exc}", where=label) from None


class _Timeout(Exception):
    pass


def _within(work, seconds: float):
    """`work()` in a worker thread, stopped after `seconds`. rdflib evaluates SPARQL in
    Python, so the thread is stopped by raising an exception in it (CPython's
    PyThreadState_SetAsyncExc) rather than left running in the background."""
    import ctypes
    import threading

    box: dict = {}

    def target():
        try:
            box["value"] = work()
        except _Timeout:
            pass
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            box["error"] = exc

    thread = threading.Thread(target=target, name="vnkg-query", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(_Timeout))
        thread.join(5.0)
        raise _Timeout()
    if "error" in box:
        raise box["error"]
    return box["value"]


def _syntax_message(exc: Exception, text: str) -> str:
    loc = getattr(exc, "loc", None)
    if isinstance(loc, int):
        line = text.count("\n", 0, loc) + 1
        column = loc - (text.rfind("\n", 0, loc) + 1) + 1
        source = text.splitlines()[line - 1].strip() if text.splitlines()[line - 1:line] else ""
        near = f' near "{source[:60]}"' if source else ""
        return f"line {line}, column {column}{near}: {getattr(exc, 'msg', exc)}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


# ---- formats -------------------------------------------------------------------------

def to_csv(result: QueryResult) -> str:
    """W3C SPARQL 1.1 Query Results CSV: a header row, CRLF line ends, empty for unbound."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def to_json(result: QueryResult) -> str:
    return json.dumps([dict(zip(result.columns, row)) for row in result.rows], ensure_ascii=False, indent=2)


def to_table(result: QueryResult, max_width: int = 60) -> str:
    """An aligned text table; long cells are cut with an ellipsis."""
    def cell(value: str | None) -> str:
        text = "" if value is None else value
        return text if len(text) <= max_width else text[:max_width - 1] + "…"
    rows = [[cell(v) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(result.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(result.columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)

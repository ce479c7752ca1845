"""Named SPARQL queries (`queries/*.rq`, shipped in the package) and user queries.

Parameters are bound the same way on every engine (rdflib, the Oxigraph store, a remote
endpoint): by a `VALUES` block at the start of the query's last `WHERE` group, holding
the values as RDF terms written by an N-Triples serialiser. A value with quotes, braces
or `} UNION {` stays a value. Binding at the start (rather than filtering the rows at the
end) lets an engine start from the bound pattern: one person's posts are an index
lookup, not a scan of every post. The named queries put the patterns that bind their
parameters in their last `WHERE` group.

A named query may ship narrowed forms, `NAME+PARAM.rq`, used when PARAM is bound: the
same rows, from a query that starts at that parameter where the general form cannot
(its pattern is optional there, as a meeting's locality is). Tests check that every
parameter keeps exactly the general form's rows with that value.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset
from rdflib.plugins.sparql import prepareQuery

from ..errors import QueryError, UsageError, VnkgError
from ..spreadsheet import neutralise

_PARAMS = re.compile(r"^#\s*Parameters:\s*(.*)$", re.M)


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple[str | None, ...]]


@dataclass(frozen=True)
class SparqlText:
    """A query given as its text (`vnkg query --sparql '…'`, or `-` for standard input),
    not by name or file; every engine takes it where it takes a name. `label` names it
    in messages.

    >>> result = run_query(SparqlText("SELECT (COUNT(*) AS ?n) WHERE { ?s a vnkg:Person }"),
    ...                    build_graph(["seeds"]).dataset)
    >>> int(result.rows[0][0]) > 0
    True
    """
    text: str
    label: str = "--sparql"


@lru_cache(maxsize=1)
def _shipped_queries() -> dict[str, str]:
    """Name -> text of every `.rq` file shipped, read once (callers copy, never change it)."""
    from ..model.vocabulary import shipped_folder
    folder = shipped_folder("graph_builder.queries", "queries")
    return {p.name[:-3]: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name.endswith(".rq")}


def named_queries() -> dict[str, str]:
    """Name -> query text of every named query (its general form).

    >>> sorted(named_queries())[:4]
    ['activity', 'authors', 'chairs', 'changes']
    """
    return {name: text for name, text in _shipped_queries().items() if "+" not in name}


def narrowed_forms() -> dict[tuple[str, str], str]:
    """(query name, parameter) -> the text of the query's form narrowed by that parameter."""
    forms = {}
    for name, text in _shipped_queries().items():
        if "+" in name:
            base, _, param = name.partition("+")
            forms[(base, param)] = text
    return forms


def describe_query(text: str) -> str:
    """The header comment of a query: what it answers.

    >>> describe_query(named_queries()["chairs"]).split(":")[0]
    'chairs'
    """
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").rstrip())
    return "\n".join(lines)


def declared_params(text: str) -> list[str]:
    """The parameters a query's header declares, in order: `# Parameters: article (an
    article identifier), person (a name ...)`; a parenthesis may go on over the next
    comment lines."""
    match = _PARAMS.search(text)
    if not match:
        return []
    declared = match.group(1)
    rest = iter(text[match.end():].splitlines()[1:])
    while declared.count("(") > declared.count(")"):
        line = next(rest, "")
        if not line.startswith("#"):
            break
        declared += " " + line.lstrip("# ")
    names = re.sub(r"\([^)]*\)", "", declared)
    return [part.split()[0] for part in names.split(",") if part.strip()]


def load_query(name_or_path: str | SparqlText, params: dict[str, str] | None = None) -> tuple[str, str]:
    """(label, text) of a named query or of a `.rq` file; for a named query with a form
    narrowed by one of the bound `params`, that form (the first such parameter in the
    order the query declares them)."""
    if isinstance(name_or_path, SparqlText):
        if not name_or_path.text.strip():
            raise UsageError("the query text is empty", where=name_or_path.label,
                             hint="give a SELECT query, e.g. --sparql 'SELECT * WHERE { ?s ?p ?o } LIMIT 5'")
        return name_or_path.label, name_or_path.text
    queries = named_queries()
    if name_or_path in queries:
        text = queries[name_or_path]
        forms = narrowed_forms()
        for param in declared_params(text):
            if params and param in params and (name_or_path, param) in forms:
                return name_or_path, forms[(name_or_path, param)]
        return name_or_path, text
    path = Path(name_or_path)
    if path.suffix == ".rq" or path.exists():
        if not path.is_file():
            raise UsageError("no such query file", where=str(path))
        return str(path), path.read_text(encoding="utf-8")
    raise UsageError(f"no named query {name_or_path!r}",
                     hint=f"named queries: {', '.join(sorted(queries))}; or give a .rq file")


def parse_params(pairs: list[str]) -> dict[str, str]:
    """`KEY=VALUE` pairs (from `--param`) as a dict; a pair without `=` is a UsageError.

    >>> parse_params(["person=Mùa A Sơn"])
    {'person': 'Mùa A Sơn'}
    """
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--param {pair!r} is not KEY=VALUE")
        params[key.strip()] = unicodedata.normalize("NFC", value)
    return params


_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def term_text(key: str, value: str) -> str:
    """A parameter value as an RDF term in N-Triples syntax: `<iri>` stays an IRI (checked),
    anything else becomes a plain literal with its quotes and line breaks escaped."""
    if value.startswith("<") and value.endswith(">"):
        iri = value[1:-1]
        if not iri or _IRI_FORBIDDEN.search(iri):
            raise UsageError(f"--param {key}: {value!r} is not a valid IRI",
                             hint="an IRI has no spaces, quotes, braces or angle brackets inside")
        return f"<{iri}>"
    return '"' + "".join(_ESCAPES.get(c, c) for c in value) + '"'


_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_WHERE = re.compile(r"\bWHERE\s*\{", re.I)
_COMMENT = re.compile(r"(^|\s)#[^\n]*")


def bind_params(text: str, params: dict[str, str], label: str = "query") -> str:
    """`text` with `params` bound by a VALUES block at the start of its last WHERE group,
    on the same line (error positions in the rest of the query do not move)."""
    if not params:
        return text
    for key in params:
        if not _VARIABLE.fullmatch(key):
            raise UsageError(f"parameter name {key!r} is not a SPARQL variable name", where=label)
    masked = _COMMENT.sub(lambda m: " " * len(m.group(0)), text)
    groups = list(_WHERE.finditer(masked))
    if not groups:
        raise UsageError("a parameter needs a query with a WHERE clause", where=label,
                         hint="write `SELECT ... WHERE { ... }`")
    names = " ".join(f"?{k}" for k in params)
    values = " ".join(term_text(k, v) for k, v in params.items())
    at = groups[-1].end()
    return f"{text[:at]} VALUES ({names}) {{ ({values}) }}{text[at:]}"


def prepare(name_or_path: str | SparqlText, params: dict[str, str] | None) -> tuple[str, str, dict[str, str]]:
    """(label, text, params) of a query, with the parameters checked against the ones its
    header declares (every engine runs this first). The text is unbound: check its syntax,
    then bind the parameters with `bind_params`."""
    params = params or {}
    label, text = load_query(name_or_path, params)
    allowed = declared_params(text)
    if allowed:
        unknown = [k for k in params if k not in allowed]
        if unknown:
            raise UsageError(f"query {label!r} takes no parameter {unknown[0]!r}",
                             hint=f"its parameters: {', '.join(allowed)}")
    return label, text, params


def run_query(name_or_path: str | SparqlText, dataset: Dataset, params: dict[str, str] | None = None,
              timeout: float | None = None) -> QueryResult:
    """Run a named query or a `.rq` file over `dataset`; `params` bind query variables.
    `timeout` (seconds) bounds the evaluation: past it the query is stopped and a
    QueryError raised.

    >>> result = run_query("chairs", build_graph(["seeds"]).dataset, {"person": "Mùa A Sơn"})
    >>> [(row[0], row[3]) for row in result.rows]
    [('Mùa A Sơn', '2023-12-29')]
    """
    label, text, params = prepare(name_or_path, params)
    try:
        prepared = prepareQuery(bind_params(text, params, label), initNs=_namespaces())
    except UsageError:
        raise
    except Exception as exc:
        check_syntax(text, label)      # report the error where it is in the query as written
        raise QueryError(f"syntax error: {_syntax_message(exc, text)}", where=label) from None
    dataset.default_union = True

    def evaluate() -> QueryResult:
        result = dataset.query(prepared)
        columns = [str(v) for v in result.vars]
        rows = [tuple(None if value is None else str(value) for value in row) for row in result]
        return QueryResult(columns, rows)

    return evaluate_within(evaluate, timeout, label)


def evaluate_within(evaluate, timeout: float | None, label: str) -> QueryResult:
    """`evaluate()` bounded by `timeout` seconds (None: unbounded), on any engine; a
    timeout or an engine's failure becomes a QueryError naming the query."""
    try:
        return evaluate() if timeout is None else _within(evaluate, timeout)
    except _Timeout:
        raise QueryError(f"timed out after {timeout:g} s", where=label,
                         hint="bind a --param or add a LIMIT to narrow it, or raise --timeout") from None
    except VnkgError:          # already says what went wrong (a bad parameter, a syntax error)
        raise
    except Exception as exc:
        raise QueryError(f"query failed: {exc}", where=label) from None


class _Timeout(Exception):
    """A query ran past its time limit (raised inside the worker thread to stop it)."""


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


@lru_cache(maxsize=1)
def _namespaces() -> dict[str, str]:
    """The graph's prefixes (`vnkg:`, `prov:`, `org:` …), known to a query that does not
    declare them, as the store knows them."""
    from ..model.rdf import PREFIXES
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def check_syntax(text: str, label: str) -> None:
    """A QueryError saying where (line and column) `text` is not SPARQL, if it is not."""
    try:
        prepareQuery(text, initNs=_namespaces())
    except Exception as exc:
        raise QueryError(f"syntax error: {_syntax_message(exc, text)}", where=label) from None


_DECLARED = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*)?:", re.I | re.M)


def with_prefixes(text: str) -> str:
    """`text` with PREFIX lines for the graph's prefixes it uses without declaring (an
    endpoint knows none of them)."""
    declared = set(_DECLARED.findall(text))
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in _namespaces().items()
             if p not in declared and re.search(rf"(?<![\w<#/.-]){re.escape(p)}:", text)]
    return "\n".join([*lines, text])


_OXIGRAPH_AT = re.compile(r"^error at (\d+):(\d+):\s*")


def syntax_message_of(message: str) -> str:
    """Oxigraph's `error at 3:2: expected …` as `line 3, column 2: expected …`."""
    return _OXIGRAPH_AT.sub(lambda m: f"line {m.group(1)}, column {m.group(2)}: ", message)


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
    """W3C SPARQL 1.1 Query Results CSV: a header row, CRLF line ends, empty for unbound;
    a cell a spreadsheet would run as a formula starts with a quote (`spreadsheet`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(["" if v is None else neutralise(v) for v in row])
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


FORMATS = {"table": to_table, "csv": to_csv, "json": to_json}


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """A query result as text: `table` (aligned, for a terminal), `csv` (W3C SPARQL 1.1
    CSV) or `json` (a list of objects, one per row).

    >>> format_result(QueryResult(["person"], [("Mùa A Sơn",)]), "json")
    '[\\n  {\\n    "person": "Mùa A Sơn"\\n  }\\n]'
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown result format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    return FORMATS[fmt](result)

"""Cells a spreadsheet would run as formulas, made inert for CSV output.

An article's sentence is data, but a spreadsheet opening a CSV file runs any cell that
starts with `=`, `+`, `-` or `@` (and some run one that starts with a tab or a carriage
return) as a formula: `=HYPERLINK("http://…")` or `+cmd|…` quoted from a page would
run on the reader's machine. As OWASP's CSV-injection guidance says, such a cell is
written with a single quote before it, which spreadsheets show as text. A plain number
(`-3`, `+84`) is no formula and is written as it is. Only CSV is changed: Parquet, JSON
and the graph keep every value exactly as the article gives it.
"""

from __future__ import annotations

import re

# what a spreadsheet may take for the start of a formula
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_NUMBER_SQL = r"^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$"


def neutralise(value: str | None) -> str | None:
    """`value` as a CSV cell no spreadsheet runs as a formula.

    >>> neutralise('=HYPERLINK("http://example.test")'), neutralise("-3"), neutralise("Hàm Yên")
    ('\\'=HYPERLINK("http://example.test")', '-3', 'Hàm Yên')
    """
    if value and value.startswith(TRIGGERS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralised_sql(column: str) -> str:
    """The DuckDB expression that does what `neutralise` does to a text column (quoted
    as an identifier), for `COPY (SELECT …) TO … (FORMAT csv)`."""
    col = '"' + column.replace('"', '""') + '"'
    return (f"CASE WHEN regexp_matches({col}, '^[=+@\\t\\r-]') AND NOT regexp_matches({col}, "
            f"'{_NUMBER_SQL}') THEN '''' || {col} ELSE {col} END AS {col}")

"""spreadsheet: a CSV cell a spreadsheet would run as a formula is written as text."""

import duckdb
import pytest

from graph_builder.spreadsheet import neutralise, neutralised_sql

CELLS = [
    ('=HYPERLINK("http://example.test/x","bấm") Sáng 12/12', '\'=HYPERLINK("http://example.test/x","bấm") Sáng 12/12'),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("@SUM(1+1)", "'@SUM(1+1)"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("--05-08", "'--05-08"),            # a day with no year: Excel would compute it
    ("-3", "-3"), ("+84", "+84"), ("-1.5e3", "-1.5e3"),   # numbers are no formulas
    ("Chủ tịch Ủy ban nhân dân huyện Hàm Yên", "Chủ tịch Ủy ban nhân dân huyện Hàm Yên"),
    ("Sáng 12/3 - đồng chí", "Sáng 12/3 - đồng chí"), ("", ""),
]


@pytest.mark.parametrize("value, cell", CELLS)
def test_spreadsheet_neutralise_quotes_formula_starts_only(value, cell):
    assert neutralise(value) == cell


def test_spreadsheet_sql_does_what_neutralise_does():
    con = duckdb.connect()
    con.execute('CREATE TABLE t ("quote" VARCHAR)')
    con.executemany("INSERT INTO t VALUES (?)", [[value] for value, _ in CELLS] + [[None]])
    got = [row[0] for row in con.execute(f"SELECT {neutralised_sql('quote')} FROM t").fetchall()]
    assert got == [cell for _, cell in CELLS] + [None]

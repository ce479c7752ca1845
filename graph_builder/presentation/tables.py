"""The graph as analysis tables (`vnkg export --format parquet|csv`): one table per kind
of thing, with IRIs, names, typed dates, status and evidence, for pandas, DuckDB, R or a
spreadsheet.

Columns follow the named queries: a column named after a kind (`person`, `title`,
`organisation`, `locality`, `province`, `chair`) holds what the queries show for it (a
name, a title), and the `…_iri` beside it the node's IRI, the key to join on (two people
or two districts may share a name); `article` is the article's identifier and `meeting`
a meeting's IRI, as in the queries. A date is a DATE, empty where the article does not
make the year knowable, with the text as the graph has it (`--05-08`) in `…_text`.
Evidence is the sentence a fact is quoted from: character offsets into the article text
(`evidence_start`, `evidence_end`) and the `quote`. The README documents every column.

The tables are made by DuckDB from the relations `relations` reads, and written by
DuckDB (Parquet with zstd, or CSV with a header), all first in a temporary folder beside
their final names and then renamed into place; rows are in a fixed order, so the same
graph gives the same rows.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError, VnkgError
from ..spreadsheet import neutralised_sql

FORMATS = ("parquet", "csv")
# DuckDB's share of memory: past it, it spills to the export's temporary folder (a
# 100 000-article store's relations would otherwise take ~3 GB beside Oxigraph's caches).
MEMORY_LIMIT = "2GB"

# Helpers the tables are made from (temporary, not written).
_HELPERS = {
    "concepts": "SELECT c, min(code) AS code, min(label) AS label FROM raw_concepts GROUP BY c",
    # a locality, its level and the province it lies in (itself, its parent or grandparent)
    "places": """
        WITH l AS (SELECT r.l, min(r.name) AS name, min(k.code) AS level, min(r.parent) AS parent
                   FROM raw_localities r LEFT JOIN concepts k ON k.c = r.level GROUP BY r.l)
        SELECT l.l AS iri, l.name, l.level,
               CASE WHEN l.level = 'province' THEN l.l WHEN p.level = 'province' THEN p.l
                    WHEN g.level = 'province' THEN g.l END AS province_iri
        FROM l LEFT JOIN l AS p ON p.l = l.parent LEFT JOIN l AS g ON g.l = p.parent""",
    "people": "SELECT p, min(name) AS name FROM raw_persons GROUP BY p",
    "article_ids": "SELECT a, min(id) AS id FROM raw_articles GROUP BY a",
    # an evidence sentence: its article's identifier, offsets and quote
    "evidence": """
        SELECT e, ar.id AS article, o.start, o."end", q.quote
        FROM (SELECT e FROM raw_sources UNION SELECT e FROM raw_offsets UNION SELECT e FROM raw_quotes)
        LEFT JOIN (SELECT e, min(a) AS a FROM raw_sources GROUP BY e) AS s USING (e)
        LEFT JOIN article_ids AS ar ON ar.a = s.a
        LEFT JOIN (SELECT e, min(TRY_CAST(start AS INTEGER)) AS start, min(TRY_CAST("end" AS INTEGER)) AS "end"
                   FROM raw_offsets GROUP BY e) AS o USING (e)
        LEFT JOIN (SELECT e, min(quote) AS quote FROM raw_quotes GROUP BY e) AS q USING (e)""",
}

# A fact with two evidence sentences (the same post named twice) keeps the first; its
# article is the evidence's (see `relations`).
_FIRST_EVIDENCE = """
    SELECT DISTINCT ON (f.{key}) f.*, ev.article, ev.start AS evidence_start, ev."end" AS evidence_end, ev.quote
    FROM raw_{raw} AS f LEFT JOIN evidence AS ev ON ev.e = f.e
    ORDER BY f.{key}, ev.start NULLS LAST, ev."end" NULLS LAST"""

# The tables, in the order they are made (later ones read earlier ones) and written.
TABLES: dict[str, str] = {
    "articles": """
        SELECT a.id AS article, a.a AS article_iri, a.headline AS title, a.byline,
               TRY_CAST(left(a.published, 10) AS DATE) AS published,
               CASE WHEN a.published LIKE '%T%' THEN TRY_CAST(a.published AS TIMESTAMP) END AS published_at,
               a.hash AS content_hash, pl.name AS dateline_province, a.dateline AS dateline_province_iri,
               u.url, o.outlet
        FROM (SELECT DISTINCT ON (a) * FROM raw_articles ORDER BY a, published, dateline) AS a
        LEFT JOIN places AS pl ON pl.iri = a.dateline
        LEFT JOIN (SELECT a, min(url) AS url FROM raw_urls GROUP BY a) AS u ON u.a = a.a
        LEFT JOIN (SELECT a, min(name) AS outlet FROM raw_outlets GROUP BY a) AS o ON o.a = a.a
        ORDER BY article, article_iri""",
    "persons": """
        SELECT pe.name AS person, pe.p AS person_iri,
               COALESCE(m.n, 0)::INTEGER AS articles, COALESCE(x.n, 0)::INTEGER AS meetings
        FROM people AS pe
        LEFT JOIN (SELECT p, count(DISTINCT a) AS n FROM raw_mentions GROUP BY p) AS m USING (p)
        LEFT JOIN (SELECT p, count(DISTINCT m) AS n FROM raw_participations GROUP BY p) AS x USING (p)
        ORDER BY person, person_iri""",
    "mentions": """
        SELECT DISTINCT pe.name AS person, m.p AS person_iri, ar.id AS article
        FROM raw_mentions AS m LEFT JOIN people AS pe USING (p) LEFT JOIN article_ids AS ar USING (a)
        ORDER BY article, person, person_iri""",
    "organisations": """
        WITH o AS (SELECT DISTINCT ON (o) * FROM raw_organisations ORDER BY o, locality, parent, kind)
        SELECT o.name AS organisation, o.o AS organisation_iri, k.code AS kind, k.label AS kind_label,
               pl.name AS locality, o.locality AS locality_iri, pl.level, pr.name AS province,
               pl.province_iri, par.name AS parent, o.parent AS parent_iri
        FROM o LEFT JOIN concepts AS k ON k.c = o.kind
        LEFT JOIN places AS pl ON pl.iri = o.locality LEFT JOIN places AS pr ON pr.iri = pl.province_iri
        LEFT JOIN o AS par ON par.o = o.parent
        ORDER BY organisation, organisation_iri""",
    "positions": """
        SELECT p.title, p.pos AS position_iri, p.role, org.organisation, p.o AS organisation_iri,
               org.locality, org.locality_iri, org.province, org.province_iri
        FROM (SELECT DISTINCT ON (pos) * FROM raw_positions ORDER BY pos, o) AS p
        LEFT JOIN organisations AS org ON org.organisation_iri = p.o
        ORDER BY title, position_iri""",
    "holdings": f"""
        WITH h AS ({_FIRST_EVIDENCE.format(key="h", raw="holdings")})
        SELECT h.h AS holding_iri, pe.name AS person, h.p AS person_iri, po.title, h.pos AS position_iri,
               org.organisation, org.organisation_iri, org.locality, org.locality_iri, org.province,
               org.province_iri, h.status, TRY_CAST(h.attested AS DATE) AS attested,
               h.attested AS attested_text, h.article, h.evidence_start, h.evidence_end, h.quote,
               TRY_CAST(h.term_start AS DATE) AS term_start, TRY_CAST(h.term_end AS DATE) AS term_end
        FROM h LEFT JOIN people AS pe ON pe.p = h.p
        LEFT JOIN positions AS po ON po.position_iri = h.pos
        LEFT JOIN organisations AS org ON org.organisation_iri = po.organisation_iri
        ORDER BY article, evidence_start, person, title, holding_iri""",
    "meetings": f"""
        WITH m AS ({_FIRST_EVIDENCE.format(key="m", raw="meeting_facts")})
        SELECT m.m AS meeting, m.label, t.label AS type, t.code AS type_code,
               TRY_CAST(m.date AS DATE) AS date, m.date AS date_text, m.time,
               TRY_CAST(m.online AS BOOLEAN) AS online, l.name AS locality, m.locality AS locality_iri,
               pr.name AS province, m.province AS province_iri, pe.name AS chair, m.chair AS chair_iri,
               m.article, m.evidence_start, m.evidence_end, m.quote
        FROM m LEFT JOIN concepts AS t ON t.c = m.type
        LEFT JOIN places AS l ON l.iri = m.locality LEFT JOIN places AS pr ON pr.iri = m.province
        LEFT JOIN people AS pe ON pe.p = m.chair
        ORDER BY article, evidence_start, meeting""",
    "participations": f"""
        WITH x AS ({_FIRST_EVIDENCE.format(key="x", raw="participations")})
        SELECT x.x AS participation_iri, x.m AS meeting, pe.name AS person, x.p AS person_iri, x.role,
               x.article, x.evidence_start, x.evidence_end, x.quote
        FROM x LEFT JOIN people AS pe ON pe.p = x.p
        ORDER BY article, meeting, evidence_start, person, role, participation_iri""",
    "organisers": """
        SELECT DISTINCT o.m AS meeting, org.organisation, o.o AS organisation_iri, m.article
        FROM raw_organisers AS o LEFT JOIN organisations AS org ON org.organisation_iri = o.o
        LEFT JOIN meetings AS m ON m.meeting = o.m
        ORDER BY article, meeting, organisation, organisation_iri""",
    "changes": f"""
        WITH c AS ({_FIRST_EVIDENCE.format(key="c", raw="change_facts")})
        SELECT c.c AS change_iri, pe.name AS person, c.p AS person_iri, k.code AS kind, po.title,
               c.pos AS position_iri, po.organisation, po.organisation_iri, po.locality, po.locality_iri,
               po.province, po.province_iri, TRY_CAST(c.date AS DATE) AS date, c.date AS date_text,
               d.organisation AS decided_by, c.decided_by AS decided_by_iri, ms.label AS measure,
               c.meeting, TRY_CAST(c.acting AS BOOLEAN) AS acting, c.article, c.evidence_start,
               c.evidence_end, c.quote
        FROM c LEFT JOIN people AS pe ON pe.p = c.p LEFT JOIN concepts AS k ON k.c = c.kind
        LEFT JOIN concepts AS ms ON ms.c = c.measure LEFT JOIN positions AS po ON po.position_iri = c.pos
        LEFT JOIN organisations AS d ON d.organisation_iri = c.decided_by
        ORDER BY article, evidence_start, person, kind, title, change_iri""",
}


@dataclass
class TablesReport:
    """What `export_tables` wrote: the folder, the format, and each table's rows and
    file (in the order written)."""

    folder: Path
    format: str
    rows: dict[str, int] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def bytes(self) -> int:
        return sum(path.stat().st_size for path in self.files.values())

    def summary(self) -> str:
        counts = ", ".join(f"{name} {rows}" for name, rows in self.rows.items())
        return f"{len(self.files)} {self.format} tables ({counts})"


@contextmanager
def workspace(folder: str | Path):
    """A DuckDB connection and a temporary folder inside `folder` (for the CSV read from
    Oxigraph and DuckDB's spill files), both gone afterwards. DuckDB is imported here:
    only the exports need it."""
    try:
        import duckdb
    except ImportError:
        raise VnkgError("the export needs DuckDB", hint="pip install duckdb (vnkg's dependencies include it)") from None
    try:
        temp = tempfile.TemporaryDirectory(prefix=".vnkg-export-", dir=folder)
    except OSError as exc:
        raise VnkgError(f"cannot write a temporary folder ({exc.strerror or exc})", where=str(folder),
                        hint="check that the folder is writable") from None
    with temp:
        con = duckdb.connect(config={"temp_directory": temp.name, "memory_limit": MEMORY_LIMIT})
        try:
            yield con, Path(temp.name)
        finally:
            con.close()


def build_tables(source, con, temp: str | Path) -> None:
    """Make every table of `TABLES` in the DuckDB connection `con`, from a dataset
    (rdflib) or the path of a store (see `relations.open_source`), by way of `temp`."""
    from .relations import load_relations
    load_relations(source, con, temp)
    for name, sql in _HELPERS.items():
        con.execute(f"CREATE TEMP TABLE {name} AS {sql}")
    for name, sql in TABLES.items():
        con.execute(f"CREATE TABLE {name} AS {sql}")
    raw = [row[0] for row in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, 'raw_')").fetchall()]
    for name in [*_HELPERS, *raw]:
        con.execute(f"DROP TABLE {name}")


def export_tables(source, out_dir: str | Path, fmt: str = "parquet") -> TablesReport:
    """Write the graph as analysis tables, one file per table (`articles.parquet`,
    `persons.parquet`, …, or `.csv`) in `out_dir`, created if needed; `source` is a
    dataset (from `load_graph`) or the path of a store. The files are written in a
    temporary folder in `out_dir` and renamed into place once all are made, so an
    export that fails or is interrupted leaves the previous tables as they were.

    >>> import tempfile
    >>> report = export_tables(build_graph(["seeds"]).dataset, tempfile.mkdtemp(), "csv")
    >>> list(report.rows)[:3], report.rows["articles"]
    (['articles', 'persons', 'mentions'], 5)
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown table format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise UsageError("the tables go in a folder, and this is a file", where=str(folder),
                         hint="name a new or existing folder with --out")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise VnkgError(f"cannot create the folder ({exc.strerror or exc})", where=str(folder)) from None
    report = TablesReport(folder, fmt)
    import duckdb
    with workspace(folder) as (con, temp):
        build_tables(source, con, temp)
        options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
        parts = {}
        for name in TABLES:
            parts[name] = temp / f"{name}.{fmt}"
            try:
                con.execute(f"COPY {_csv_safe(con, name) if fmt == 'csv' else name} "
                            f"TO '{_quoted(parts[name])}' ({options})")
            except duckdb.Error as exc:
                raise VnkgError(f"cannot write the table {name} ({exc})", where=str(folder),
                                hint="check that the disk is not full") from None
            report.rows[name] = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        # every table made: only now replace the previous ones, all at once
        for name, part in parts.items():
            report.files[name] = folder / part.name
            os.replace(part, report.files[name])
    return report


def _csv_safe(con, name: str) -> str:
    """The table as a query whose text cells no spreadsheet runs as a formula (see
    `spreadsheet`); other columns, and every Parquet value, are left as they are."""
    columns = [neutralised_sql(column) if kind == "VARCHAR" else f'"{column}"'
               for column, kind, *_ in con.execute(f"DESCRIBE {name}").fetchall()]
    return f"(SELECT {', '.join(columns)} FROM {name})"


def _quoted(path: Path) -> str:
    """A path as the text of a SQL string literal (COPY takes no parameters)."""
    return str(path).replace("'", "''")

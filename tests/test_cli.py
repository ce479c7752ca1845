"""cli.py: each command shows an example in its help, succeeds on good input, and turns a
user error into one line on stderr with its documented exit code (2 usage, 3 input,
4 query, 5 validation), never a traceback."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from .support import CONTRACT, SEEDS, SEEDS_GOLD, write_corpus

VNKG_NS = "https://w3id.org/vnkg/ontology#"


def no_traceback(result) -> bool:
    return "Traceback" not in result.err and "Traceback" not in result.out


def one_error_line(result) -> str:
    lines = [line for line in result.err.splitlines() if line.startswith("vnkg: error:")]
    assert len(lines) == 1, result
    return lines[0]


# ---- help -------------------------------------------------------------------------------

def test_cli_top_level_help_lists_commands_and_examples(vnkg):
    result = vnkg("--help")
    assert result.code == 0
    for command in ("build", "query", "export", "validate", "evaluate"):
        assert command in result.out
    assert "examples:" in result.out and "vnkg build seeds --out seeds.ttl" in result.out


@pytest.mark.parametrize("command, example", [
    ("build", "vnkg build seeds --out seeds.ttl"),
    ("query", "vnkg query chairs --graph seeds.ttl"),
    ("export", "vnkg export seeds.ttl --out seeds.nq"),
    ("validate", "vnkg validate seeds.ttl"),
    ("evaluate", "vnkg evaluate seeds tests/data/seeds_gold"),
])
def test_cli_command_help_shows_an_example(vnkg, command, example):
    result = vnkg(command, "--help")
    assert result.code == 0
    assert "example" in result.out and example in result.out


def test_cli_version(vnkg):
    from graph_builder import __version__
    result = vnkg("--version")
    assert (result.code, result.out.strip()) == (0, f"vnkg {__version__}")


def test_cli_no_command_prints_help_and_exits_2(vnkg):
    result = vnkg()
    assert result.code == 2 and "usage: vnkg" in result.out


# ---- build ------------------------------------------------------------------------------

def test_cli_build_from_another_folder(vnkg, tmp_path):
    result = vnkg("build", SEEDS, "--out", "out/seeds.ttl", cwd=tmp_path)
    assert result.code == 0, result
    out = tmp_path / "out" / "seeds.ttl"
    assert len(Graph().parse(out, format="turtle")) > 500
    assert "5 articles read" in result.err and no_traceback(result)


def test_cli_build_single_files(vnkg, tmp_path):
    files = sorted(SEEDS.glob("*.txt"))[:2]
    result = vnkg("build", *files, "--out", tmp_path / "two.nq")
    assert result.code == 0, result
    assert "2 articles read" in result.err


@pytest.mark.parametrize("args, code, message", [
    (["build", "no-such-folder", "--out", "x.ttl"], 2, "no-such-folder: no such file or folder"),
    (["build", str(SEEDS), "--out", "x.xyz"], 2, "unknown graph format '.xyz'"),
    (["build", str(SEEDS)], 2, "--out"),
])
def test_cli_build_user_errors(vnkg, tmp_path, args, code, message):
    result = vnkg(*args, cwd=tmp_path)
    assert result.code == code, result
    assert message in result.err
    assert no_traceback(result)
    assert not (tmp_path / "x.ttl").exists()


def test_cli_build_skips_an_unreadable_file_and_strict_fails(vnkg, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes((SEEDS / "000_76ec2816e9efe202.txt").read_bytes())
    (corpus / "latin.txt").write_bytes(b"Ti\xeau \xf0\xe8 b\xe0i\n\nS\xe1ng 27/12\n")
    result = vnkg("build", corpus, "--out", tmp_path / "g.ttl")
    assert result.code == 0, result
    assert "skipped" in result.err and "latin.txt" in result.err and "not UTF-8" in result.err
    strict = vnkg("build", corpus, "--out", tmp_path / "strict.ttl", "--strict")
    assert strict.code == 7 and no_traceback(strict)
    assert not (tmp_path / "strict.ttl").exists()


def test_cli_build_skips_a_duplicate_article_identifier(vnkg, tmp_path):
    seed = SEEDS / "000_76ec2816e9efe202.txt"
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / seed.name).write_bytes(seed.read_bytes())
    result = vnkg("build", tmp_path / "a", tmp_path / "b", "--out", tmp_path / "g.ttl")
    assert result.code == 0, result
    assert "duplicate article identifier" in result.err and "1 articles read" in result.err


# ---- query ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_cli_query_csv_headers(vnkg, seeds_ttl, name):
    result = vnkg("query", name, "--graph", seeds_ttl, "--format", "csv")
    assert result.code == 0, result
    rows = list(csv.reader(io.StringIO(result.out)))
    assert rows[0][:len(CONTRACT[name])] == CONTRACT[name]
    assert len(rows) > 1 or name == "changes"      # the seeds report no change of post


def test_cli_query_chairs_table_reads_well(vnkg, seeds_ttl):
    result = vnkg("query", "chairs", "--graph", seeds_ttl)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split()[:2] == ["person", "title"]
    assert set(lines[1]) <= {"-", " "}
    assert any(line.startswith("Mùa A Sơn ") and "Hội nghị giao ban" in line and "2023-12-29" in line
               for line in lines)
    assert lines[-1] == "(3 rows)"


def test_cli_query_json(vnkg, seeds_ttl):
    result = vnkg("query", "persons", "--graph", seeds_ttl, "--format", "json",
                  "--param", "article=003_3efc173e9c33baf7")
    assert result.code == 0
    assert json.loads(result.out) == [
        {"article": "003_3efc173e9c33baf7", "person": "Lò Văn Phương"},
        {"article": "003_3efc173e9c33baf7", "person": "Lò Văn Tiến"},
        {"article": "003_3efc173e9c33baf7", "person": "Mùa A Sơn"}]


@pytest.mark.parametrize("value", ['person=x" } UNION { ?s ?p ?o', "person=x' } UNION { ?s ?p ?o } #"])
def test_cli_query_param_with_quotes_and_braces_is_bound_safely(vnkg, seeds_ttl, value):
    result = vnkg("query", "persons", "--graph", seeds_ttl, "--format", "csv", "--param", value)
    assert result.code == 0, result
    assert result.out == "article,person\r\n"          # the header only: zero rows, nothing injected


def test_cli_query_user_file(vnkg, seeds_ttl, tmp_path):
    query = tmp_path / "count.rq"
    query.write_text("# count: meetings\nPREFIX vnkg: <https://w3id.org/vnkg/ontology#>\n"
                     "SELECT (COUNT(?m) AS ?n) WHERE { ?m a vnkg:Meeting }\n", encoding="utf-8")
    result = vnkg("query", query, "--graph", seeds_ttl, "--format", "csv")
    assert (result.code, result.out) == (0, "n\r\n5\r\n")


@pytest.mark.parametrize("args, code, message", [
    (["query", "nosuch", "--graph", "{ttl}"], 2, "no named query 'nosuch'"),
    (["query", "persons"], 2, "--graph FILE"),
    (["query", "persons", "--graph", "missing.ttl"], 2, "missing.ttl: no such graph file"),
    (["query", "persons", "--graph", "{ttl}", "--param", "noequals"], 2, "is not KEY=VALUE"),
    (["query", "persons", "--graph", "{ttl}", "--param", "colour=red"], 2, "takes no parameter 'colour'"),
    (["query", "persons", "--graph", "{ttl}", "--format", "xml"], 2, "invalid choice"),
    (["query", "persons", "--graph", "{bad}"], 3, "cannot parse turtle"),
    (["query", "{badrq}", "--graph", "{ttl}"], 4, "syntax error"),
])
def test_cli_query_user_errors(vnkg, seeds_ttl, tmp_path, args, code, message):
    bad = tmp_path / "bad.ttl"
    bad.write_text("garbage {{{\n", encoding="utf-8")
    badrq = tmp_path / "bad.rq"
    badrq.write_text("# bad\nSELECT * WHERE { ?s ?p }\n", encoding="utf-8")
    args = [a.format(ttl=seeds_ttl, bad=bad, badrq=badrq) for a in args]
    result = vnkg(*args, cwd=tmp_path)
    assert result.code == code, result
    assert message in result.err
    assert no_traceback(result)


AD_HOC = "SELECT ?name WHERE { ?p a vnkg:Person ; vnkg:name ?name } ORDER BY ?name LIMIT 2"


@pytest.fixture(params=["graph", "store"])
def source(request, vnkg, seeds_ttl, tmp_path) -> list[str]:
    """The seeds as a graph file, then as a store: the options that name them."""
    if request.param == "graph":
        return ["--graph", str(seeds_ttl)]
    assert vnkg("build", str(SEEDS), "--store", str(tmp_path / "s.db")).code == 0
    return ["--store", str(tmp_path / "s.db")]


def test_cli_query_sparql_text_on_the_command_line_and_standard_input(vnkg, source, monkeypatch):
    given = vnkg("query", "--sparql", AD_HOC, *source, "--format", "csv")
    assert (given.code, given.out) == (0, "name\r\nLê Mạnh Cường\r\nLê Văn Thuận\r\n")
    monkeypatch.setattr(sys, "stdin", io.StringIO(AD_HOC))
    assert vnkg("query", "-", *source, "--format", "csv").out == given.out
    # parameters are bound as for a named query
    bound = vnkg("query", "--sparql", AD_HOC, *source, "--param", "name=Mùa A Sơn", "--format", "json")
    assert json.loads(bound.out) == [{"name": "Mùa A Sơn"}]


def test_cli_query_sparql_text_errors_give_line_and_column(vnkg, source, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("SELECT ?n WHERE {\n  ?p vnkg:name ?n .\n  FILTER(?n = }\n"))
    result = vnkg("query", "-", *source)
    assert result.code == 4 and no_traceback(result)
    line = one_error_line(result)
    assert line.startswith("vnkg: error: standard input: syntax error: line 3, column "), line
    for args, message in [(["persons", "--sparql", AD_HOC], "not both"), (["--sparql", " "], "query text is empty")]:
        result = vnkg("query", *args, *source)
        assert result.code == 2 and message in result.err, result


INJECTION = ("Hội nghị tổng kết công tác năm 2023\n"
             '=HYPERLINK("http://example.test/x","Xem") Sáng 12/12/2023, đồng chí Trần Văn Tâm, Chủ tịch UBND '
             "huyện Hàm Yên chủ trì hội nghị tổng kết công tác năm 2023.\n"
             "+cmd|' /C calc'!A0 Đồng chí Hà Thị Mai, Phó Chủ tịch UBND huyện Hàm Yên báo cáo kết quả.\n")


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_cli_csv_cells_a_spreadsheet_would_run_are_quoted_and_nothing_else_changes(vnkg, tmp_path):
    from graph_builder.spreadsheet import TRIGGERS
    write_corpus(tmp_path, {"inj": INJECTION})
    assert vnkg("build", str(tmp_path / "inj.txt"), "--out", str(tmp_path / "inj.ttl")).code == 0
    query = vnkg("query", "--sparql", "SELECT ?quote WHERE { ?e oa:hasSelector/oa:exact ?quote }",
                 "--graph", str(tmp_path / "inj.ttl"), "--format", "csv")
    exported = vnkg("export", str(tmp_path / "inj.ttl"), "--format", "csv", "--out", str(tmp_path / "csv"))
    assert query.code == 0 and exported.code == 0, (query, exported)
    tables = [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "csv").glob("*.csv"))]
    for text in [query.out, "\n".join(tables)]:
        cells = _cells(text)
        assert not [c for c in cells if c.startswith(TRIGGERS) and not c.lstrip("+-").isdigit()], text
        assert any(c.startswith("'=HYPERLINK(") for c in cells) and any(c.startswith("'+cmd|") for c in cells)
    # JSON and Parquet keep the article's text exactly
    raw = vnkg("query", "--sparql", "SELECT ?quote WHERE { ?e oa:hasSelector/oa:exact ?quote }",
               "--graph", str(tmp_path / "inj.ttl"), "--format", "json")
    assert any(row["quote"].startswith("=HYPERLINK(") for row in json.loads(raw.out))
    assert vnkg("export", str(tmp_path / "inj.ttl"), "--format", "parquet", "--out", str(tmp_path / "pq")).code == 0
    import duckdb
    quotes = [q for (q,) in duckdb.connect().execute(
        f"SELECT quote FROM '{tmp_path / 'pq' / 'holdings.parquet'}'").fetchall()]
    assert sorted(q[:6] for q in quotes) == ["+cmd|'", "=HYPER"]


def test_cli_query_list_alone(vnkg):
    result = vnkg("query", "--list")
    assert result.code == 0
    assert "chairs" in result.out and "persons" in result.out


# ---- export -----------------------------------------------------------------------------

def test_cli_export_round_trip(vnkg, seeds_ttl, tmp_path):
    result = vnkg("export", seeds_ttl, "--out", tmp_path / "seeds.nq")
    assert result.code == 0, result
    back = vnkg("export", tmp_path / "seeds.nq", "--out", tmp_path / "back.ttl")
    assert back.code == 0
    assert isomorphic(Graph().parse(seeds_ttl, format="turtle"), Graph().parse(tmp_path / "back.ttl", format="turtle"))


@pytest.mark.parametrize("source, out, code, message", [
    ("missing.ttl", "x.nq", 2, "no such graph file"),
    ("{ttl}", "x.doc", 2, "unknown graph format '.doc'"),
    ("{bad}", "x.nq", 3, "cannot parse turtle"),
])
def test_cli_export_user_errors(vnkg, seeds_ttl, tmp_path, source, out, code, message):
    bad = tmp_path / "bad.ttl"
    bad.write_text("garbage {{{\n", encoding="utf-8")
    result = vnkg("export", source.format(ttl=seeds_ttl, bad=bad), "--out", out, cwd=tmp_path)
    assert result.code == code, result
    assert message in result.err and no_traceback(result)


# ---- validate ---------------------------------------------------------------------------

def test_cli_validate_passes_on_the_seeds(vnkg, seeds_ttl, seeds_nq):
    for graph in (seeds_ttl, seeds_nq):
        result = vnkg("validate", graph)
        assert result.code == 0, result
        assert "conforms" in result.out


@pytest.fixture
def broken_graph(seeds_ttl, tmp_path) -> Path:
    """The seed graph with every meeting's type removed and one person's name removed."""
    graph = Graph().parse(seeds_ttl, format="turtle")
    meeting_type = URIRef(VNKG_NS + "meetingType")
    for meeting in set(graph.subjects(URIRef(VNKG_NS + "meetingType"), None)):
        graph.remove((meeting, meeting_type, None))
    path = tmp_path / "broken.ttl"
    graph.serialize(path, format="turtle")
    return path


def test_cli_validate_fails_with_a_readable_report(vnkg, broken_graph):
    result = vnkg("validate", broken_graph)
    assert result.code == 5, result
    assert "Conforms: False" in result.out
    assert "meetingType" in result.out                      # the report names what is missing
    assert "violation" in one_error_line(result) and str(broken_graph) in one_error_line(result)
    assert no_traceback(result)


def test_cli_validate_api_reports_violations(broken_graph):
    from graph_builder import load_graph, validate_graph
    report = validate_graph(load_graph(broken_graph))
    assert not report.conforms and report.violations == 5


@pytest.mark.parametrize("graph, code", [("missing.ttl", 2), ("{bad}", 3)])
def test_cli_validate_user_errors(vnkg, tmp_path, graph, code):
    bad = tmp_path / "bad.ttl"
    bad.write_text("garbage {{{\n", encoding="utf-8")
    result = vnkg("validate", graph.format(bad=bad), cwd=tmp_path)
    assert result.code == code and no_traceback(result)


# ---- evaluate ---------------------------------------------------------------------------

def test_cli_evaluate_prints_scores(vnkg):
    result = vnkg("evaluate", SEEDS, SEEDS_GOLD)
    assert result.code == 0, result
    assert "articles: 5" in result.out
    assert "persons       P 1.000  R 1.000  F1 1.000" in result.out
    assert "meeting.chair    accuracy 1.000" in result.out


def test_cli_evaluate_json_and_errors(vnkg, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    data = json.loads((SEEDS_GOLD / "000_76ec2816e9efe202.json").read_text(encoding="utf-8"))
    data["persons"].append({"name": "Hoàng Văn Vắng", "positions": []})
    (gold / "000_76ec2816e9efe202.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = vnkg("evaluate", SEEDS, gold, "--json", "--errors")
    assert result.code == 0, result
    text = result.out
    summary = json.loads(text[:text.rindex("}") + 1])
    assert summary["articles"] == 1
    assert summary["persons"]["fn"] == 1 and summary["persons"]["tp"] == 1
    assert "000_76ec2816e9efe202\tpersons\tmissed\thoàng văn vắng" in text


@pytest.mark.parametrize("gold, code, message", [
    ("no-such-gold", 2, "no such gold folder"),
    ("{badgold}", 3, "not a gold JSON file"),
])
def test_cli_evaluate_user_errors(vnkg, tmp_path, gold, code, message):
    badgold = tmp_path / "badgold"
    badgold.mkdir()
    (badgold / "x.json").write_text("{not json", encoding="utf-8")
    result = vnkg("evaluate", SEEDS, gold.format(badgold=badgold), cwd=tmp_path)
    assert result.code == code, result
    assert message in result.err and no_traceback(result)


# ---- the real console script: no traceback in a real process ------------------------------

def _console(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("vnkg")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "graph_builder"]
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=cwd,
                          env=dict(os.environ, PYTHONIOENCODING="utf-8"))


@pytest.mark.parametrize("args, code", [
    (["query", "persons", "--graph", "missing.ttl"], 2),
    (["validate", "bad.ttl"], 3),
])
def test_cli_console_script_errors_without_traceback(tmp_path, args, code):
    (tmp_path / "bad.ttl").write_text("garbage {{{\n", encoding="utf-8")
    done = _console(*args, cwd=tmp_path)
    assert done.returncode == code
    assert done.stderr.startswith("vnkg: error: ") and "Traceback" not in done.stderr


def test_cli_debug_shows_the_traceback(tmp_path):
    done = _console("--debug", "query", "persons", "--graph", "missing.ttl", cwd=tmp_path)
    assert done.returncode != 0 and "Traceback" in done.stderr

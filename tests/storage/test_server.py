"""`vnkg serve` and `vnkg push` against a real oxigraph server started on 127.0.0.1 on a
free port (and stopped) by the test."""

from __future__ import annotations

import shutil
import socket
import urllib.error
import urllib.request

import pytest

from graph_builder.querying.engines import run_endpoint_query
from graph_builder.errors import QueryError, UsageError
from graph_builder.storage.build import build_store
from graph_builder.storage.store import export_store
from graph_builder.querying.queries import SparqlText, named_queries, run_query, to_csv
from graph_builder.storage.remote import push
from graph_builder.storage.server import start_server

from ..support import SEEDS

pytestmark = pytest.mark.skipif(shutil.which("oxigraph") is None and not __import__("pathlib").Path(
    __import__("sys").executable).with_name("oxigraph").exists(), reason="the oxigraph server is not installed")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("served") / "seeds.db"
    build_store([SEEDS], path)
    return path


@pytest.fixture(scope="module")
def served(seeds_store):
    server = start_server(seeds_store, f"127.0.0.1:{free_port()}")
    yield server
    server.stop()
    assert server.process.poll() is not None


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_server_named_query_gives_the_rdflib_rows(name, served, seeds_dataset):
    expected = to_csv(run_query(name, seeds_dataset))
    got = to_csv(run_endpoint_query(name, served.query_url))
    assert got == expected


@pytest.mark.parametrize("name, params", [
    ("persons", {"person": "Lương Thị Hoa"}), ("persons", {"article": "001_e53dd4812b96e18f"}),
    ("persons", {"person": 'x" } UNION { ?s ?p ?o }'}), ("chairs", {"person": "Lương Thị Hoa"}),
    ("chairs", {"article": "004_3c103d710c67eb8a"}), ("positions", {"person": "Nguyễn Duy Hòa"}),
    ("meetings", {"article": "003_3efc173e9c33baf7"}), ("timeline", {"person": "Lương Thị Hoa"}),
    ("meetings", {"locality": "Như Xuân"}), ("chairs", {"locality": "Điện Biên"}),
    ("positions", {"locality": "Hàm Yên"}), ("encounters", {"person": "Mùa A Sơn"}),
])
def test_server_binds_params_as_values(name, params, served, seeds_dataset):
    expected = run_query(name, seeds_dataset, params)
    got = run_endpoint_query(name, served.query_url, params)
    assert (got.columns, got.rows) == (expected.columns, expected.rows)


def test_server_refuses_updates(served):
    update = urllib.request.Request(f"{served.url}/update", method="POST",
                                    data=b"update=INSERT%20DATA%20%7B%3Chttp%3A%2F%2Fx%3E%20%3Chttp%3A%2F%2Fx%3E%20%3Chttp%3A%2F%2Fx%3E%7D",
                                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(update, timeout=5)
    assert 400 <= refused.value.code < 600
    put = urllib.request.Request(f"{served.url}/store?graph=http%3A%2F%2Fx", method="PUT",
                                 data=b"<http://x> <http://x> <http://x> .",
                                 headers={"Content-Type": "application/n-triples"})
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(put, timeout=5)
    assert run_endpoint_query("persons", served.query_url, {"person": "http://x"}).rows == []


def test_server_query_errors_are_vnkg_errors(served, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x ", encoding="utf-8")
    with pytest.raises(QueryError, match="syntax error: line 1, column 19"):   # said before it is sent
        run_endpoint_query(str(bad), served.query_url)
    with pytest.raises(UsageError, match="cannot reach"):
        run_endpoint_query("persons", f"http://127.0.0.1:{free_port()}/query", timeout=2)


def test_server_answers_sparql_text_with_the_graph_prefixes_and_bound_params(served, seeds_dataset):
    text = SparqlText("SELECT ?name WHERE { ?p a vnkg:Person ; vnkg:name ?name } ORDER BY ?name")
    expected = run_query(text, seeds_dataset)
    assert run_endpoint_query(text, served.query_url).rows == expected.rows and len(expected.rows) > 3
    bound = run_endpoint_query(text, served.query_url, {"name": "Mùa A Sơn"})
    assert bound.rows == [("Mùa A Sơn",)]


def test_server_refuses_a_busy_port_and_a_missing_store(served, seeds_store, tmp_path):
    with pytest.raises(UsageError, match="already in use"):
        start_server(seeds_store, served.url.removeprefix("http://"))
    with pytest.raises(UsageError, match="no Oxigraph store"):
        start_server(tmp_path / "nothing", f"127.0.0.1:{free_port()}")


def _server_nquads(server) -> bytes:
    """What the server holds, as sorted N-Quads, with the offsets' datatype restored (an
    Oxigraph server, like the embedded store, keeps xsd:nonNegativeInteger as integer)."""
    import pyoxigraph as ox
    from graph_builder.model.oxterms import restore
    request = urllib.request.Request(f"{server.url}/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=10) as response:
        quads = [restore(q) for q in ox.parse(response.read(), format=ox.RdfFormat.N_QUADS)]
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    lines = {line for line in data.split(b"\n") if line.strip()}
    return b"\n".join(sorted(lines)) + b"\n"


def test_push_loads_and_replaces_graphs_on_a_writable_server(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    local = tmp_path / "local.db"
    build_store([folder], local)
    server = start_server(tmp_path / "remote.db", f"127.0.0.1:{free_port()}", writable=True,
                          union_default_graph=True)
    try:
        report = push(server.store_url, store=local)
        assert report.graphs == 6          # five articles and the vocabulary
        export_store(local, tmp_path / "local.nq")
        assert _server_nquads(server) == (tmp_path / "local.nq").read_bytes()

        changed = folder / "001_e53dd4812b96e18f.txt"
        changed.write_text(changed.read_text(encoding="utf-8").replace("Lương Thị Hoa", "Lương Thị Hòa"),
                           encoding="utf-8")
        build_store([folder], local)
        push(server.store_url, store=local)               # again: each graph replaced
        export_store(local, tmp_path / "local.nq")
        assert _server_nquads(server) == (tmp_path / "local.nq").read_bytes()
        people = {row[1] for row in run_endpoint_query("persons", server.query_url).rows}
        assert "Lương Thị Hòa" in people and "Lương Thị Hoa" not in people
    finally:
        server.stop()


def test_push_a_graph_file_and_cli(vnkg, seeds_nq, tmp_path):
    server = start_server(tmp_path / "remote.db", f"127.0.0.1:{free_port()}", writable=True)
    try:
        result = vnkg("push", "--graph", seeds_nq, "--endpoint", server.store_url)
        assert result.code == 0, result
        assert "6 graphs" in result.err    # five articles and the vocabulary
        assert _server_nquads(server) == seeds_nq.read_bytes()
        result = vnkg("query", "persons", "--endpoint", server.query_url, "--format", "csv")
        assert result.code == 0, result
    finally:
        server.stop()
    result = vnkg("push", "--graph", seeds_nq, "--endpoint", server.store_url)
    assert result.code == 2 and "cannot reach" in result.err

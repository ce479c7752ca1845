"""Shared fixtures: paths to the test data, the seed graph built once per session, a
helper that runs the `vnkg` command in-process, and small builders for stage tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import CORPUS, SEEDS


@pytest.fixture(scope="session")
def corpus_build():
    """Seeds, dev and the first held-out set built once (a `BuildReport`)."""
    from graph_builder import build_graph
    return build_graph(CORPUS)


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory):
    """The same articles in an on-disk Oxigraph store."""
    from graph_builder.storage.build import build_store
    path = tmp_path_factory.mktemp("store") / "corpus.db"
    build_store(CORPUS, path, jobs=2)
    return path


@pytest.fixture(scope="session")
def seeds_build():
    """The seeds built once (a `BuildReport`)."""
    from graph_builder import build_graph
    return build_graph([SEEDS])


@pytest.fixture(scope="session")
def seeds_dataset(seeds_build):
    return seeds_build.dataset


@pytest.fixture(scope="session")
def seeds_ttl(seeds_dataset, tmp_path_factory) -> Path:
    """The seed graph written once as Turtle into a session temp folder."""
    from graph_builder import write_graph
    path = tmp_path_factory.mktemp("seeds") / "seeds.ttl"
    write_graph(seeds_dataset, path)
    return path


@pytest.fixture(scope="session")
def seeds_nq(seeds_dataset, tmp_path_factory) -> Path:
    from graph_builder import write_graph
    path = tmp_path_factory.mktemp("seeds_nq") / "seeds.nq"
    write_graph(seeds_dataset, path)
    return path


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"CliResult(code={self.code}, out={self.out[:300]!r}, err={self.err[:300]!r})"


@pytest.fixture
def vnkg(capsys, monkeypatch):
    """Run `vnkg ARGS…` in-process (fast); returns code, stdout and stderr. argparse's
    own usage errors exit through SystemExit, which is caught here."""
    from graph_builder.cli import main

    def run(*args: str, cwd: Path | None = None) -> CliResult:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than a minute (still runs by default)")


@pytest.fixture(scope="session")
def seeds_graph(seeds_dataset):
    """Every triple of the seed build merged into one graph (what Turtle output holds)."""
    from rdflib import Graph
    graph = Graph()
    for s, p, o, _ in seeds_dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph

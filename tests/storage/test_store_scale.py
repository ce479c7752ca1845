"""The scale features of the build: the on-disk Oxigraph store (same answers as rdflib),
parallel extraction (same bytes as one process), incremental builds (add, change, delete)
and shards (their merge is one full build)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph_builder.querying.engines import run_store_query
from graph_builder.querying.queries import bind_params
from graph_builder.errors import UsageError
from graph_builder.storage.build import build_store
from graph_builder.storage.store import export_store
from graph_builder.storage.parallel import parse_shard, shard_of
from graph_builder.querying.queries import named_queries, run_query, to_csv
from graph_builder.storage.build import build_graph
from graph_builder.storage.files import serialise
from graph_builder.model.rdf import VNKG
from graph_builder.text import slug

from ..support import CORPUS, DEV, ROOT, SEEDS

PARAMS = {
    "chairs": [{"person": "Lương Thị Hoa"}, {"article": "004_3c103d710c67eb8a"}],
    "positions": [{"person": "Nguyễn Duy Hòa"}],
    "persons": [{"article": "001_e53dd4812b96e18f"}, {"person": 'x" } UNION { ?s ?p ?o'}],
    "meetings": [{"article": "003_3efc173e9c33baf7"}, {"locality": "Như Xuân"}],
}


def _nq(dataset) -> bytes:
    return serialise(dataset, "nquads")


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_store_named_query_gives_the_rdflib_rows(name, corpus_build, corpus_store):
    for params in [{}] + PARAMS.get(name, []):
        expected = to_csv(run_query(name, corpus_build.dataset, params))
        got = to_csv(run_store_query(name, corpus_store, params))
        assert got == expected, params


def test_store_param_with_quotes_and_braces_stays_a_value(corpus_store):
    result = run_store_query("persons", corpus_store, {"person": 'x" } UNION { ?s ?p ?o'})
    assert result.rows == []
    assert result.columns == ["article", "person"]


def test_queries_bind_params_escapes_the_value_at_the_start_of_the_last_where_group():
    text = bind_params("SELECT ?person WHERE { { SELECT ?p WHERE { ?p <http://x/name> ?person } } }",
                       {"person": 'a" } #\nb'})
    assert text == ('SELECT ?person WHERE { { SELECT ?p WHERE { VALUES (?person) { ("a\\" } #\\nb") }'
                    ' ?p <http://x/name> ?person } } }')


@pytest.mark.parametrize("suffix", [".nq", ".nt", ".ttl", ".trig", ".jsonld"])
def test_store_export_is_the_file_build(suffix, corpus_build, corpus_store, tmp_path):
    from graph_builder.storage.files import write_graph
    write_graph(corpus_build.dataset, tmp_path / f"file{suffix}")
    export_store(corpus_store, tmp_path / f"store{suffix}")
    assert (tmp_path / f"store{suffix}").read_bytes() == (tmp_path / f"file{suffix}").read_bytes()


def test_store_export_keeps_non_negative_integer_offsets(corpus_store, tmp_path):
    # Oxigraph stores xsd:nonNegativeInteger as xsd:integer; the export restores it.
    export_store(corpus_store, tmp_path / "x.nq")
    text = (tmp_path / "x.nq").read_text(encoding="utf-8")
    assert "oa#start> \"" in text and "XMLSchema#integer" not in text


def test_build_jobs_gives_the_same_bytes_as_one_process(corpus_build):
    parallel = build_graph(CORPUS, jobs=2)
    assert parallel.read == corpus_build.read
    for fmt in ("nquads", "turtle", "trig", "json-ld"):
        assert serialise(parallel.dataset, fmt) == serialise(corpus_build.dataset, fmt), fmt


def test_build_does_not_depend_on_folder_layout(tmp_path):
    flat, nested = tmp_path / "flat", tmp_path / "nested"
    flat.mkdir()
    files = sorted(SEEDS.glob("*.txt"))
    for i, path in enumerate(files):
        shutil.copy(path, flat / path.name)
        folder = nested / f"z{len(files) - i}" / "deeper"   # reversed order, other folders
        folder.mkdir(parents=True)
        shutil.copy(path, folder / path.name)
    assert _nq(build_graph([flat]).dataset) == _nq(build_graph([nested]).dataset)


def _copy_corpus(target: Path) -> Path:
    target.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, target / path.name)
    return target


def _assert_store_is_full_build(store: Path, folder: Path, tmp_path: Path, report=None) -> None:
    from graph_builder.storage.store import open_store, stored_articles
    if report is not None:      # the build counts its articles without asking the store
        assert report.articles == len(stored_articles(open_store(store, read_only=True)))
    export_store(store, tmp_path / "store.nq")
    assert (tmp_path / "store.nq").read_bytes() == _nq(build_graph([folder]).dataset)
    for name in ("meetings", "persons", "chairs"):
        expected = to_csv(run_query(name, build_graph([folder]).dataset))
        assert to_csv(run_store_query(name, store)) == expected


def test_store_incremental_add_change_delete(tmp_path):
    folder, store = _copy_corpus(tmp_path / "articles"), tmp_path / "store.db"
    first = build_store([folder], store)
    assert (len(first.read), first.unchanged, first.removed) == (5, 0, [])

    again = build_store([folder], store)
    assert (len(again.read), again.unchanged) == (0, 5)

    added = sorted((DEV / "articles").glob("*.txt"))[0]
    shutil.copy(added, folder / added.name)
    report = build_store([folder], store)
    assert (report.read, report.unchanged) == ([str(folder / added.name)], 5)
    _assert_store_is_full_build(store, folder, tmp_path, report)

    changed = folder / "001_e53dd4812b96e18f.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Lương Thị Hoa", "Lương Thị Hòa"),
                       encoding="utf-8")
    report = build_store([folder], store)
    assert (report.read, report.unchanged) == ([str(changed)], 5)
    assert "Lương Thị Hoa" not in {row[1] for row in run_store_query("persons", store).rows}
    _assert_store_is_full_build(store, folder, tmp_path, report)

    (folder / "004_3c103d710c67eb8a.txt").unlink()
    report = build_store([folder], store)
    assert (report.read, report.removed, report.articles) == ([], ["004_3c103d710c67eb8a"], 5)
    _assert_store_is_full_build(store, folder, tmp_path, report)

    for path in folder.glob("*.txt"):
        path.unlink()
    report = build_store([folder], store)
    # the vocabulary goes with the last article: an emptied store is empty
    assert (len(report.removed), report.articles, report.triples) == (5, 0, 0)


def test_store_batches_loaded_at_once_give_the_full_build(tmp_path, monkeypatch):
    # Batches of two articles, bulk-loaded: several load at once, and a batch that
    # replaces or removes articles must wait for them and load alone.
    import graph_builder.storage.store as oxstore
    monkeypatch.setattr(oxstore, "_WRITE_BATCH", 2)
    monkeypatch.setattr(oxstore, "_BULK", 1)
    folder, store = _copy_corpus(tmp_path / "articles"), tmp_path / "store.db"
    for path in sorted((DEV / "articles").glob("*.txt"))[:5]:
        shutil.copy(path, folder / path.name)
    report = build_store([folder], store, jobs=2)
    assert (len(report.read), report.articles) == (10, 10)
    _assert_store_is_full_build(store, folder, tmp_path, report)

    changed = folder / "001_e53dd4812b96e18f.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Lương Thị Hoa", "Lương Thị Hòa"),
                       encoding="utf-8")
    (folder / "004_3c103d710c67eb8a.txt").unlink()
    report = build_store([folder], store, jobs=2)
    assert (report.read, report.removed, report.articles) == ([str(changed)], ["004_3c103d710c67eb8a"], 9)
    _assert_store_is_full_build(store, folder, tmp_path, report)


def test_store_vocabulary_graph_is_restored_when_it_differs(tmp_path):
    import pyoxigraph as ox
    from graph_builder.storage.store import open_store
    from graph_builder.model.rdf import VOCABULARY_GRAPH
    folder, store_path = _copy_corpus(tmp_path / "articles"), tmp_path / "store.db"
    build_store([folder], store_path)
    store = open_store(store_path)
    graph = ox.NamedNode(str(VOCABULARY_GRAPH))
    label = next(store.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                                         None, graph))
    store.remove(label)
    store.remove(ox.Quad(label.subject, label.predicate, label.object, ox.DefaultGraph()))
    del store
    report = build_store([folder], store_path)
    assert (report.read, report.unchanged) == ([], 5)
    _assert_store_is_full_build(store_path, folder, tmp_path)


def test_store_delete_keeps_facts_another_article_states(tmp_path):
    # Two copies of an article under two names state the same person, place and body;
    # deleting one copy must leave the other's facts whole.
    folder = tmp_path / "articles"
    folder.mkdir()
    source = SEEDS / "001_e53dd4812b96e18f.txt"
    shutil.copy(source, folder / "a.txt")
    shutil.copy(source, folder / "b.txt")
    store = tmp_path / "store.db"
    build_store([folder], store)
    (folder / "b.txt").unlink()
    build_store([folder], store)
    _assert_store_is_full_build(store, folder, tmp_path)


def test_store_merge_line_restated_in_an_earlier_batch_survives_its_removal(tmp_path, monkeypatch):
    # Three copies of an article in batches of two: the third copy's merge lines were
    # loaded by the first batch and are skipped; deleting the first two copies must
    # still leave them, since the third copy's graph states them.
    import graph_builder.storage.store as oxstore
    monkeypatch.setattr(oxstore, "_WRITE_BATCH", 2)
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(SEEDS / "001_e53dd4812b96e18f.txt", folder / f"{name}.txt")
    store = tmp_path / "store.db"
    build_store([folder], store, jobs=1)
    _assert_store_is_full_build(store, folder, tmp_path)
    (folder / "a.txt").unlink()
    (folder / "b.txt").unlink()
    report = build_store([folder], store, jobs=1)
    assert report.removed == ["a", "b"]
    _assert_store_is_full_build(store, folder, tmp_path)


def test_oxstore_merge_lines_skip_what_an_earlier_batch_restated():
    from graph_builder.storage.store import _merge_lines
    restated: set[bytes] = set()
    first = _merge_lines([b"<p> <n> \"Hoa\" .\n<x> <k> <t> .\n", b"<p> <n> \"Hoa\" .\n<y> <k> <t> .\n"], restated)
    assert first == b'<p> <n> "Hoa" .\n<x> <k> <t> .\n<y> <k> <t> .\n'
    assert restated == {b'<p> <n> "Hoa" .'}               # only what several articles stated
    second = _merge_lines([b'<p> <n> "Hoa" .\n<x> <k> <t> .\n'], restated)
    assert second == b"<x> <k> <t> .\n"


@pytest.mark.parametrize("count", [2, 3])
def test_build_shards_merge_into_the_full_build(count, corpus_build, tmp_path):
    lines: list[bytes] = []
    read: list[str] = []
    for index in range(1, count + 1):
        part = build_graph(CORPUS, shard=(index, count))
        read += part.read
        lines += _nq(part.dataset).splitlines()
    assert sorted(read) == sorted(corpus_build.read)          # each article in one shard
    # Identity is resolved within a shard: namesakes a block splits into several persons
    # (and the block's identity graph) differ when their articles land in different
    # shards; everything else is the full build's.
    dataset = corpus_build.dataset
    candidates = {m for _, _, m, _ in dataset.quads((None, VNKG.firstMention, None, None))}
    split = {slug(str(name)) for m, _, name, _ in dataset.quads((None, VNKG.writtenName, None, None))
             if m in candidates}

    def kept(line: bytes) -> bool:
        text = line.decode("utf-8")
        return "/graph/identity/" not in text and "/candidate/" not in text \
            and not any(f"/person/{s}-" in text for s in split)
    assert sorted(set(filter(kept, lines))) == list(filter(kept, _nq(corpus_build.dataset).splitlines()))



def test_store_shards_built_one_after_another_are_the_full_store(corpus_build, tmp_path):
    store = tmp_path / "sharded.db"
    for index in (1, 2, 3):
        build_store(CORPUS, store, shard=(index, 3))
    export_store(store, tmp_path / "sharded.nq")
    assert (tmp_path / "sharded.nq").read_bytes() == _nq(corpus_build.dataset)


def test_shard_of_is_a_stable_hash():
    assert shard_of("001_e53dd4812b96e18f", 4) == shard_of("001_e53dd4812b96e18f", 4)
    assert {shard_of(f"article-{i}", 4) for i in range(100)} == {1, 2, 3, 4}


@pytest.mark.parametrize("text", ["0/2", "3/2", "1", "a/b", "1/0", "-1/2"])
def test_shard_parse_rejects(text):
    with pytest.raises(UsageError, match="I/N"):
        parse_shard(text)


def test_store_refuses_a_folder_that_is_not_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="not an Oxigraph store"):
        build_store([SEEDS], tmp_path)
    with pytest.raises(UsageError, match="no Oxigraph store"):
        run_store_query("persons", tmp_path / "missing")


def test_cli_build_store_query_export(vnkg, tmp_path):
    store = tmp_path / "seeds.db"
    result = vnkg("build", SEEDS, "--store", store, "--jobs", "2")
    assert result.code == 0, result
    assert "5 articles extracted" in result.err
    result = vnkg("query", "persons", "--store", store, "--format", "csv",
                  "--param", "article=001_e53dd4812b96e18f")
    assert result.code == 0 and "Lương Thị Hoa" in result.out
    assert vnkg("export", "--store", store, "--out", tmp_path / "s.nq").code == 0
    assert vnkg("build", SEEDS, "--out", tmp_path / "f.nq", "--jobs", "1").code == 0
    assert (tmp_path / "s.nq").read_bytes() == (tmp_path / "f.nq").read_bytes()


@pytest.mark.parametrize("args", [
    ("build", SEEDS),                                           # neither --out nor --store
    ("build", SEEDS, "--out", "x.nq", "--store", "x.db"),       # both
    ("build", SEEDS, "--out", "x.nq", "--shard", "5/4"),
    ("query", "persons", "--store", "missing.db"),
    ("query", "persons", "--graph", "x.ttl", "--store", "x.db"),
])
def test_cli_scale_usage_errors(vnkg, tmp_path, args):
    result = vnkg(*args, cwd=tmp_path)
    assert result.code == 2, result
    assert "Traceback" not in result.err


def test_store_benchmark_generator_is_deterministic_by_seed(tmp_path):
    import importlib.util
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    generate.generate(5, 7, tmp_path / "a")
    generate.generate(5, 7, tmp_path / "b")
    generate.generate(5, 8, tmp_path / "c")
    read = lambda folder: [p.read_bytes() for p in sorted(folder.rglob("*.txt"))]  # noqa: E731
    assert read(tmp_path / "a") == read(tmp_path / "b") != read(tmp_path / "c")
    report = build_graph([tmp_path / "a"])
    assert len(report.read) == 5 and not report.skipped
    assert len(run_query("chairs", report.dataset).rows) == 5


def test_parallel_lost_worker_is_one_clear_error(tmp_path):
    # A script that builds at import time, without a main guard: each worker re-imports
    # it as its main module, tries to start a build of its own and dies, so the pool
    # breaks. The caller gets one error saying why, and no partial output.
    import subprocess
    import sys
    script = tmp_path / "unguarded.py"
    out = tmp_path / "out.nq"
    script.write_text(
        "from graph_builder import VnkgError, build_graph, write_graph\n"
        "try:\n"
        f"    write_graph(build_graph({[str(p) for p in CORPUS]!r}, jobs=2).dataset, {str(out)!r})\n"
        "except VnkgError as exc:\n"
        "    print(exc.render())\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert "an extraction worker stopped abruptly" in done.stdout
    assert 'if __name__ == "__main__":' in done.stdout
    assert not out.exists()

"""Outputs are written atomically: a temporary file in the same folder, then a rename. A
write that fails half-way (disk full, Ctrl-C) leaves the previous output as it was and
no temporary file behind."""

from __future__ import annotations

import errno
import os

import pytest

from graph_builder.storage import files as store
from graph_builder.storage.build import build_graph
from graph_builder.storage.files import write_atomic, write_graph

from ..support import SEEDS


def test_outputs_build_writes_through_write_atomic(vnkg, tmp_path, monkeypatch):
    calls = []
    real = store.write_atomic
    monkeypatch.setattr(store, "write_atomic", lambda path, data: (calls.append(str(path)), real(path, data)))
    out = tmp_path / "seeds.nq"
    assert vnkg("build", SEEDS, "--out", out).code == 0
    assert calls == [str(out)]
    assert out.read_bytes().endswith(b" .\n")


@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_outputs_failed_write_keeps_the_previous_output(tmp_path, monkeypatch, failure):
    out = tmp_path / "graph.ttl"
    write_atomic(out, b"previous output\n")

    def fail(fd):
        raise failure

    monkeypatch.setattr(os, "fsync", fail)      # the write has begun; the data is not yet safe
    with pytest.raises(type(failure)):
        write_atomic(out, b"new output that never lands\n" * 1000)
    assert out.read_bytes() == b"previous output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]   # no temporary left


def test_outputs_failed_serialisation_keeps_the_previous_output(tmp_path, monkeypatch):
    out = tmp_path / "graph.ttl"
    dataset = build_graph([SEEDS]).dataset
    write_graph(dataset, out)
    before = out.read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("serialiser crashed")

    monkeypatch.setattr(store, "serialise", broken)
    with pytest.raises(RuntimeError):
        write_graph(dataset, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_outputs_cli_failure_is_one_line_and_keeps_the_previous_output(vnkg, tmp_path, monkeypatch):
    out = tmp_path / "seeds.ttl"
    assert vnkg("build", SEEDS, "--out", out).code == 0
    before = out.read_bytes()
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(errno.EIO, "Input/output error")))
    result = vnkg("build", SEEDS, "--out", out)
    assert result.code == 1
    assert result.err.splitlines()[-1] == (
        f"vnkg: error: {out}: cannot write the output (Input/output error) "
        "(check that its folder exists and is writable; a previous output is unchanged)")
    assert out.read_bytes() == before

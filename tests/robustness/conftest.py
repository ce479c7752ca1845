"""Fixtures for the robustness suite: a corpus folder holding one good article next to
the bad input under test, and the seed graph built by the `vnkg` command itself."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from ..support import ROOT, SEEDS

GOOD = SEEDS / "000_76ec2816e9efe202.txt"      # one chair, one meeting
VNKG = [sys.executable, "-m", "graph_builder"]
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """`text` as Windows-1258 writes Vietnamese: base letter, then the tone as a combining
    mark (Python's codec has no precomposed toned letters)."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append((base + "".join(c for c in parts if c in _TONES)).encode("cp1258"))
    return b"".join(out)


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A folder with one good article (000_76ec2816e9efe202.txt) in it."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / GOOD.name).write_bytes(GOOD.read_bytes())
    return folder


def run_vnkg(*args, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`vnkg ARGS…` in a subprocess (for locale and environment changes)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    full_env.update(env or {})
    return subprocess.run(VNKG + [str(a) for a in args], capture_output=True, text=True,
                          env=full_env, cwd=cwd or ROOT, timeout=120)


@pytest.fixture(scope="session")
def seeds_graph(tmp_path_factory) -> Path:
    """The seed graph, built with `vnkg build seeds --out …`."""
    out = tmp_path_factory.mktemp("robust_seeds") / "seeds.ttl"
    result = run_vnkg("build", SEEDS, "--out", out)
    assert result.returncode == 0, result.stderr
    return out

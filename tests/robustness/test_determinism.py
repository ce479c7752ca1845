"""The same articles give byte-identical output whatever the order the files are named
in, the folder layout, the locale, the hash seed and the number of processes."""

from __future__ import annotations

import shutil

import pytest

from ..support import SEEDS
from .conftest import run_vnkg

ARTICLES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("suffix", [".ttl", ".nq"])
def test_determinism_order_locale_and_hash_seed(tmp_path, suffix):
    # the same files elsewhere, in another layout, named in reverse order
    shuffled = tmp_path / "elsewhere"
    for index, path in enumerate(reversed(ARTICLES)):
        folder = shuffled / f"part{index % 2}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, folder / path.name)
    runs = {
        "C": (["build", SEEDS], {"LC_ALL": "C", "PYTHONHASHSEED": "1"}),
        "C.UTF-8, reversed": (["build", *reversed(ARTICLES)], {"LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "2"}),
        "POSIX, other layout, 2 jobs": (["build", shuffled, "--jobs", "2"],
                                        {"LANG": "POSIX", "PYTHONHASHSEED": "3", "TZ": "Asia/Ho_Chi_Minh"}),
    }
    outputs = {}
    for name, (args, env) in runs.items():
        out = tmp_path / f"{len(outputs)}{suffix}"
        result = run_vnkg(*args, "--out", out, env=env)
        assert result.returncode == 0, (name, result.stderr)
        outputs[name] = out.read_bytes()
    first = outputs["C"]
    assert len(first) > 10_000
    for name, data in outputs.items():
        assert data == first, f"{name}: output differs from the LC_ALL=C build"

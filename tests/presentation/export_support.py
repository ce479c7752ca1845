"""Shared by the export tests: the README's examples for an export, run as written in a
scratch folder beside the seeds, and the named-query answers of the benchmark."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

from ..support import ROOT, SEEDS

README = ROOT / "README.md"


def readme_section(heading: str) -> str:
    """The README's section under `heading` (a `####` title), up to the next heading."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"#### {heading}")
    end = text.find("\n#", start + 1)
    return text[start:end if end >= 0 else len(text)]


def readme_blocks(heading: str) -> list[tuple[str, str]]:
    """The fenced blocks (language, text) of the README section under `heading`."""
    return re.findall(r"```(\w+)\n(.*?)```", readme_section(heading), flags=re.S)


def scratch(tmp_path: Path) -> Path:
    """A folder holding `seeds` and the `seeds.ttl` the README's Quick start builds."""
    (tmp_path / "seeds").symlink_to(SEEDS)
    run_block("sh", "vnkg build seeds --out seeds.ttl", tmp_path)
    return tmp_path


def run_block(language: str, text: str, cwd: Path) -> str:
    """Run one README block (`sh` with bash, `python` with this Python) in `cwd`, with
    this environment's commands (`vnkg`, `ftm`) first on the PATH; its stdout."""
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    command = ["bash", "-eo", "pipefail", "-c", text] if language == "sh" else [sys.executable, "-c", text]
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"README {language} block failed:\n{text}\n{done.stderr[-2000:]}"
    return done.stdout


def bench():
    """benchmarks/export_bench.py as a module (its DuckDB answers to the named queries)."""
    spec = importlib.util.spec_from_file_location("export_bench", ROOT / "benchmarks" / "export_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

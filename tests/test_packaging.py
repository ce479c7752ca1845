"""A plain (non-editable) `pip install .` into a fresh virtual environment, then
`vnkg build` and `vnkg query` from another folder: the ontology, the lexicons and the
named queries ship inside the package. (About 15 s; it proves the packaging, keep it.)"""

import shutil
import subprocess
import venv

from .support import ROOT, SEEDS

SOURCES = ("pyproject.toml", "README.md", "graph_builder", "ontology", "queries")


def test_packaging_plain_install_builds_from_another_folder(tmp_path):
    # install from a copy, so the build leaves no build/ or egg-info in the repository
    source = tmp_path / "src"
    source.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif path.exists():
            shutil.copy2(path, source / name)
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(source)],
                   check=True, capture_output=True, text=True, timeout=600)
    shutil.rmtree(source)                    # nothing may be read from the source tree any more
    vnkg = env_dir / "bin" / "vnkg"
    work = tmp_path / "elsewhere"
    work.mkdir()
    build = subprocess.run([str(vnkg), "build", str(SEEDS), "--out", "seeds.ttl"], cwd=work,
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    assert (work / "seeds.ttl").stat().st_size > 10_000
    chairs = subprocess.run([str(vnkg), "query", "chairs", "--graph", "seeds.ttl", "--format", "csv"], cwd=work,
                            capture_output=True, text=True, timeout=300)
    assert chairs.returncode == 0, chairs.stderr
    assert chairs.stdout.startswith("person,title,type,date,locality,article")
    assert "Mùa A Sơn" in chairs.stdout
    validate = subprocess.run([str(vnkg), "validate", "seeds.ttl"], cwd=work, capture_output=True, text=True,
                              timeout=300)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    # the installed package is not the repository's
    where = subprocess.run([str(python), "-c", "import graph_builder; print(graph_builder.__file__)"], cwd=work,
                           capture_output=True, text=True, check=True).stdout
    assert str(env_dir) in where and str(ROOT) not in where

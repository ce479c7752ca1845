"""The package's layout keeps its promises: no import cycles, modules under 400 lines,
the CLI over the public API only, every public function documented with an example, and
every subpackage shipped by `pip install .`."""

from __future__ import annotations

import ast
import inspect
import tomllib

import networkx as nx
import pytest

import graph_builder

from .support import ROOT

PACKAGE = ROOT / "graph_builder"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _module_name(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path) -> set[str]:
    """Every graph_builder module `path` imports, at the top or inside a function."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    known = {_module_name(p) for p in MODULES}
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in known else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {module for module in found if module in known and module != name}


def test_layout_has_no_import_cycles():
    graph = nx.DiGraph()
    for path in MODULES:
        for target in _imports(path):
            graph.add_edge(_module_name(path), target)
    cycles = list(nx.simple_cycles(graph))
    assert not cycles, f"import cycles: {cycles[:5]}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layout_modules_stay_under_400_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


def test_layout_cli_imports_only_the_public_api():
    # cli.py runs the commands that commands.py, the command line's grammar, declares
    imported = _imports(PACKAGE / "cli.py") - {"graph_builder.commands"}
    assert imported == {"graph_builder"}, f"cli.py reaches past the public API: {imported - {'graph_builder'}}"
    grammar = _imports(PACKAGE / "commands.py")
    assert grammar <= {"graph_builder"}, f"commands.py reaches past the public API: {grammar - {'graph_builder'}}"


@pytest.mark.parametrize("name", sorted(graph_builder.__all__))
def test_layout_public_functions_have_a_docstring_with_an_example(name):
    value = getattr(graph_builder, name)
    assert value.__doc__, f"{name} has no docstring"
    if inspect.isfunction(value):
        assert ">>>" in value.__doc__, f"{name}'s docstring shows no example"


def test_layout_every_subpackage_is_installed():
    declared = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
                   ["tool"]["setuptools"]["packages"])
    subpackages = {_module_name(p) for p in PACKAGE.rglob("__init__.py") if "__pycache__" not in p.parts}
    assert subpackages <= declared


# public functions whose example needs an optional extra: name -> (module, extra)
EXTRAS = {"export_ftm": ("followthemoney", "ftm")}


@pytest.mark.parametrize("name", sorted(n for n in graph_builder.__all__
                                        if inspect.isfunction(getattr(graph_builder, n))))
def test_layout_public_examples_run(name, monkeypatch):
    # The examples name the repository's own files (seeds/, tests/data/), as a user in a
    # checkout would; those that need a server or files of the user's are marked +SKIP.
    import doctest
    import importlib.util
    if name in EXTRAS and importlib.util.find_spec(EXTRAS[name][0]) is None:
        pytest.skip(f"{name} needs the {EXTRAS[name][1]!r} extra (pip install '.[{EXTRAS[name][1]}]')")
    monkeypatch.chdir(ROOT)
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(getattr(graph_builder, name), name, globs=vars(graph_builder).copy()):
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_layout_public_names_are_not_shadowed_by_submodules():
    # Importing a subpackage binds its name on the package: a data package called like a
    # public function (`named_queries`) would replace the function once first used.
    import importlib
    import pkgutil
    before = {name: getattr(graph_builder, name) for name in graph_builder.__all__}
    graph_builder.named_queries()
    for info in pkgutil.walk_packages(graph_builder.__path__, "graph_builder."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    assert {name: getattr(graph_builder, name) for name in graph_builder.__all__} == before

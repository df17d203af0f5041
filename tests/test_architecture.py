"""The package's shape: small files, no import circles, imports that point only downward.

The test walks every module of ``src/clusternet`` with :mod:`ast` (module-level and
function-level imports alike) and checks the layer map of CONTRIBUTING.md:

- book layer (``clusternet`` root, ``clusternet.book``, ``glue``, ``sphinxext``,
  ``synthesis``) on top; then ``plotting``; then the topic subpackages (measures); then the
  bottom (``models``, ``_graphs``, ``data``, ``catalog``, ``dataspec``, ``_validation``,
  ``_version``);
- ``samples`` (seeded generators) import measures and the bottom, and only the book layer
  may import them;
- no module imports a module of a higher layer, and there is no import circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "src" / "clusternet"
MAX_LINES = 600
TOPICS = (
    "agglomeration",
    "clusters",
    "connections",
    "hierarchy",
    "smallworld",
    "pipelines",
    "lifecycle",
)
BOTTOM = (
    "models",
    "_graphs",
    "data",
    "catalog",
    "dataspec",
    "abs_tables",
    "_validation",
    "_version",
)
BOOK = (
    "book",
    "bibstyle",
    "cli",
    "glue",
    "sphinxext",
    "sphinx_figures",
    "sphinx_numref",
    "synthesis",
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> tuple[int, str]:
    """(rank, name) of a module's layer; a higher rank may import a lower one."""
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in BOOK:
        return 5, "book"
    head = parts[1]
    if head == "samples":
        return 4, "samples"
    if head == "plotting":
        return 3, "plotting"
    if head in TOPICS:
        return 2, "measures"
    if head in BOTTOM:
        return 1, "bottom"
    raise AssertionError(f"{module} is in no layer: add it to the map in CONTRIBUTING.md")


def imports_of(module: str) -> set[str]:
    """clusternet modules that ``module`` imports (resolved to existing modules)."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in MODULES else base)
    return {name for name in found if name in MODULES and name != module}


GRAPH = {module: imports_of(module) for module in MODULES}


def test_no_file_is_longer_than_the_limit():
    long = {
        str(p.relative_to(ROOT)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"files over {MAX_LINES} lines (split them, one concept per file): {long}"


def test_every_module_has_a_layer():
    for module in MODULES:
        layer(module)


def test_imports_point_downward():
    wrong = []
    for module, targets in GRAPH.items():
        rank, name = layer(module)
        for target in targets:
            target_rank, target_name = layer(target)
            if (
                target_name in ("samples", "book")
                and name != "book"
                and not (name == target_name == "samples")
            ):
                wrong.append(f"{module} ({name}) imports {target} ({target_name})")
            elif target_rank > rank:
                wrong.append(f"{module} ({name}) imports {target} ({target_name}), a higher layer")
    assert not wrong, "\n".join(sorted(wrong))


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return out


def test_there_is_no_import_circle():
    cycles = _cycles(GRAPH)
    assert not cycles, f"import circles: {cycles}"


@pytest.mark.parametrize(
    "graph, expected",
    [
        ({"a": {"b"}, "b": {"a"}, "c": set()}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_cycle_finder_finds_circles(graph, expected):
    assert _cycles(graph) == expected


def test_the_walk_sees_function_level_imports():
    # clusternet.data imports the catalog; the catalog's own modules import dataspec only
    assert "clusternet.catalog" in GRAPH["clusternet.data"]
    assert "clusternet.dataspec" in GRAPH["clusternet.catalog"]
    tree = ast.parse("def f():\n    from clusternet import data\n")
    assert any(isinstance(n, ast.ImportFrom) for n in ast.walk(tree))


def test_clusternet_imports_sit_at_module_level():
    """A function-level import of a clusternet module hides a circle or an upward arrow."""
    hidden = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                name = (
                    node.module
                    if isinstance(node, ast.ImportFrom)
                    else node.names[0].name
                    if isinstance(node, ast.Import)
                    else None
                )
                if name and (name.startswith("clusternet") or getattr(node, "level", 0)):
                    hidden.append(f"{module}.{function.name} imports {name}")
    assert not hidden, "\n".join(hidden)


def test_topic_subpackages_export_distinct_names():
    """``clusternet/__init__`` star-imports every topic: a shared name would shadow another."""
    import importlib

    owners: dict[str, list[str]] = {}
    for topic in TOPICS:
        for name in importlib.import_module(f"clusternet.{topic}").__all__:
            owners.setdefault(name, []).append(topic)
    clashes = {name: topics for name, topics in owners.items() if len(topics) > 1}
    assert not clashes, f"names exported by several topics: {clashes}"

"""Import contracts of `builder/`, read from the source (every import, also those inside
functions; `if TYPE_CHECKING:` blocks load nothing and are left out).

The pipeline is read → model → resolve (view) → check / compose → render → cli
(docs/architecture.md). A function-level import may delay loading a heavy module, but it
may not hide a cycle: the graph below includes them, and has no cycle.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from tests.conftest import REPO

BUILDER = REPO / "builder"

BASE = {"builder.base"}
"""Foundations (diagnostics, rule registry, atomic writes, escaping): import nothing else of ours."""
MODEL = {"builder.model"}
READING = {"builder.read"}
PROJECT = {"builder.project"}
"""The project on disk: its configuration file, where we may write, locks, the signed caches."""
CHECKS = {"builder.check", "builder.checking.pipeline"}
RULESET = {"builder.ruleset"}
"""The registry of every rule: above the checks and the importers that declare codes."""
VIEW = {"builder.view"}
RENDERERS = {
    "builder.compose",
    "builder.site",
    "builder.docx",
    "builder.opendata",
    "builder.drafting",
    "builder.report",
    "builder.diff",
}
CLI = {"builder.cli", "builder.__main__"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(BUILDER.rglob("*.py"))}


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
    return skipped


def _known(name: str) -> str | None:
    modules = _modules()
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


@cache
def graph() -> dict[str, frozenset[str]]:
    """Module → the modules of ours it imports (at any depth of its code)."""
    modules = _modules()
    edges: dict[str, frozenset[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text("utf-8"))
        skipped = _type_checking_nodes(tree)
        found: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                targets = [node.module]
                targets += [f"{node.module}.{a.name}" for a in node.names]
            for target in targets:
                if target.split(".")[0] != "builder":
                    continue
                hit = target if target in modules else _known(target)
                if hit is not None and hit != name:
                    found.add(hit)
        edges[name] = frozenset(found)
    return edges


def _inside(module: str, groups: Iterable[str]) -> bool:
    return any(module == g or (g != "builder" and module.startswith(g + ".")) for g in groups)


def _reachable(start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for target in graph()[todo.pop()]:
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _violations(sources: Iterable[str], forbidden: Iterable[str]) -> list[str]:
    forbidden = list(forbidden)
    found = []
    for module in sorted(graph()):
        if _inside(module, sources):
            bad = sorted(t for t in _reachable(module) if _inside(t, forbidden))
            if bad:
                found.append(f"{module} → {', '.join(bad)}")
    return found


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def _package(module: str) -> str:
    """`builder.check.coverage` → `builder.check`; a top-level module is its own package."""
    return ".".join(module.split(".")[:2])


def test_the_graph_sees_function_level_imports() -> None:
    assert "builder.site.run" in graph()["builder.cli.publishing"]  # imported inside a command


def test_model_imports_nothing_of_ours() -> None:
    others = {m for m in _modules() if not _inside(m, {"builder.model"})}
    assert _violations({"builder.model"}, others) == []


def test_the_foundations_import_nothing_else_of_ours() -> None:
    others = {m for m in _modules() if not _inside(m, BASE)}
    assert _violations(BASE, others) == []


def test_reading_imports_only_the_foundations_and_the_model() -> None:
    others = {m for m in _modules() if not _inside(m, BASE | MODEL | READING)}
    assert _violations(READING, others) == []


def test_the_project_sits_on_reading() -> None:
    others = {m for m in _modules() if not _inside(m, BASE | MODEL | READING | PROJECT)}
    assert _violations(PROJECT, others - {"builder"}) == []


def test_every_module_is_in_a_stage_folder() -> None:
    """The top level holds the package itself and the two registries over every stage:
    `ruleset` (every rule) and `schema` (every file format's JSON Schema)."""
    loose = {
        m for m in _modules() if m.count(".") == 1 and not (BUILDER / m.split(".")[1]).is_dir()
    }
    assert loose == {"builder.__main__", "builder.ruleset", "builder.schema"}


def test_the_view_reads_only_what_is_below_it() -> None:
    assert _violations(VIEW, CHECKS | RULESET | RENDERERS | CLI | PROJECT) == []


def test_checks_do_not_import_renderers_or_the_cli() -> None:
    assert _violations(CHECKS, RENDERERS | CLI) == []


def test_compose_and_opendata_do_not_import_checks() -> None:
    assert _violations({"builder.compose", "builder.opendata"}, {"builder.check"}) == []


def test_no_cycle_between_modules() -> None:
    assert _cycles({m: set(t) for m, t in graph().items()}) == []


def test_no_cycle_between_packages() -> None:
    edges: dict[str, set[str]] = defaultdict(set)
    for module, targets in graph().items():
        for target in targets:
            if _package(module) != _package(target):
                edges[_package(module)].add(_package(target))
    assert _cycles(edges) == []


def test_a_cycle_is_found() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]

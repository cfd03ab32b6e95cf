"""The package's layout rules: modules a reader can take in at once, no import cycle.

- no module of ``geo/`` over ``MAX_MODULE_LINES`` lines;
- no function or method over ``MAX_FUNCTION_LINES`` lines (from ``def`` to its last line);
- no cycle among the imports of ``geo/`` modules (imports inside functions count: they only
  hide a cycle).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GEO = Path(__file__).resolve().parent.parent / "geo"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
MODULES = sorted(GEO.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(GEO.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def test_modules_found():
    assert len(MODULES) > 10


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_module_length(path: Path):
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{module_name(path)}: {lines} lines"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_function_length(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [f"{node.name} (line {node.lineno}): {node.end_lineno - node.lineno + 1} lines"
            for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"{module_name(path)}: " + "; ".join(long)


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The ``geo`` modules that ``path`` imports, anywhere in it."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            # "from . import x" and "from .pkg import mod" name modules; otherwise the stem
            targets = [f"{stem}.{a.name}" if f"{stem}.{a.name}" in known else stem for a in node.names]
        else:
            continue
        for t in targets:
            while t and t not in known:
                t = t.rpartition(".")[0]
            if t and t != name:
                out.add(t)
    return out


def test_no_import_cycle():
    known = {module_name(p) for p in MODULES}
    graph = {module_name(p): imports_of(p, known) for p in MODULES}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                cycles.append(stack[stack.index(t):] + [t])
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_cycle_finder_sees_a_cycle(tmp_path):
    """The check above can fail: two modules importing each other are found."""
    known = {"geo.a", "geo.b"}
    pkg = tmp_path / "geo"
    pkg.mkdir()
    (pkg / "a.py").write_text("from . import b\n")
    (pkg / "b.py").write_text("def f():\n    from .a import x\n")
    global GEO
    saved, GEO = GEO, pkg
    try:
        assert imports_of(pkg / "a.py", known) == {"geo.b"}
        assert imports_of(pkg / "b.py", known) == {"geo.a"}
    finally:
        GEO = saved

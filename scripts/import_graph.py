"""The module-level import graph of a package, read from its `import` statements, and its loops.

    python scripts/import_graph.py generated/clicksend_sms_campaigns     one line per module: what it imports
    python scripts/import_graph.py emulator/clicksend_emulator --loops   only the loops (exit 1 if any)

Module level means every import statement that runs when the module is imported: at the top, and
inside a top-level `if` (TYPE_CHECKING included, since such an import is a loop the moment it is
needed) or `try`; not one inside a function. An import of a package is an edge to its __init__.
`from package import name` is an edge to the module `package.name` when there is one.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path


def modules_of(package_dir: Path) -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by the name of its __init__)."""
    root = package_dir.resolve()
    found = {}
    for path in sorted(root.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        parts = [root.name, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _statements(tree: ast.Module) -> Iterator[ast.stmt]:
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop(0)
        yield node
        if isinstance(node, ast.If | ast.Try):
            pending += [*node.body, *node.orelse, *getattr(node, "finalbody", [])]
            pending += [statement for handler in getattr(node, "handlers", []) for statement in handler.body]


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of `known` that the module `name` imports at module level."""
    is_package = path.name == "__init__.py"
    base = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in _statements(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            start = base[: len(base) - (node.level - 1)] if node.level else []
            module = ".".join([*start, *(node.module.split(".") if node.module else [])])
            for alias in node.names:
                found.add(f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module)
    return {target for target in found if target in known and target != name}


def graph(package_dir: Path) -> dict[str, set[str]]:
    modules = modules_of(package_dir)
    known = set(modules)
    return {name: imports_of(name, path, known) for name, path in modules.items()}


def loops(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("package", type=Path, help="the package's folder")
    parser.add_argument("--loops", action="store_true", help="print only the loops; exit 1 if there are any")
    args = parser.parse_args(argv)
    edges = graph(args.package)
    if args.loops:
        found = loops(edges)
        for group in found:
            print(" <-> ".join(group))
        return 1 if found else 0
    for name in sorted(edges):
        print(f"{name}: {', '.join(sorted(edges[name])) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The engine's own source of a few definitions, and of what they use, for an exported script.

An exported script rebuilds TF Playground's data with the very code the playground ran
(its random stream, its generators, its shuffle), copied from the engine's modules rather
than written a second time: the script cannot drift from the engine, and a student reads
the code that made the points on the screen.
"""

import ast
import inspect
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Source:
    """Definitions copied from a module: the import statements they need, and their code."""

    imports: tuple[str, ...]
    code: str


def definitions(module: ModuleType, *names: str) -> Source:
    """The source of ``names`` in ``module`` and of every top-level definition they use, in the
    module's order (docstrings and the comments inside them included)."""
    text = inspect.getsource(module)
    body = ast.parse(text).body
    top = {name: node for node in body for name in _defined(node)}
    needed: set[ast.stmt] = set()

    def need(node: ast.stmt) -> None:
        if node not in needed:
            needed.add(node)
            for used in _used(node) & top.keys():
                need(top[used])

    for name in names:
        need(top[name])
    chosen = [node for node in body if node in needed]
    imports = tuple(ast.get_source_segment(text, node) for node in chosen if isinstance(node, ast.Import | ast.ImportFrom))
    pieces = [node for node in chosen if not isinstance(node, ast.Import | ast.ImportFrom)]
    code = ast.get_source_segment(text, pieces[0])
    for before, node in zip(pieces, pieces[1:]):
        constants = isinstance(before, ast.Assign) and isinstance(node, ast.Assign)
        code += ("\n" if constants else "\n\n\n") + ast.get_source_segment(text, node)
    return Source(imports, code)


def _defined(node: ast.stmt) -> list[str]:
    """The names a top-level statement defines."""
    if isinstance(node, ast.FunctionDef | ast.ClassDef):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [target.id for target in node.targets if isinstance(target, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    if isinstance(node, ast.Import | ast.ImportFrom):
        return [(alias.asname or alias.name).split(".")[0] for alias in node.names]
    return []


def _used(node: ast.stmt) -> set[str]:
    return {name.id for name in ast.walk(node) if isinstance(name, ast.Name)}

"""The windows are made of parts that never reach back into the window holding
them (qutebrowser's shape): no module under ui/ imports the window it belongs
to, and the imports inside ui/ form no circle, ``if TYPE_CHECKING:`` imports
included (they are read from the source, not from ``sys.modules``). The editor
sees only its protocol bundle (``ui/editor/services.py``): nothing under
``ui/editor/`` imports ``chatassist.storage`` or uses ``typing.Any``."""

from __future__ import annotations

import ast
from pathlib import Path

import chatassist.ui

UI = Path(chatassist.ui.__file__).parent

#: each window, and the only modules that may import it (the ones that open it)
WINDOWS = {
    "chatassist.ui.sidebar": {"chatassist.ui.launch"},
    "chatassist.ui.editor.window": {"chatassist.ui.editor.launch"},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(UI.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _ui_modules() -> dict[str, Path]:
    return {_module_name(p): p for p in UI.rglob("*.py")}


def _imports(path: Path, known: set[str]) -> set[str]:
    """The ui modules ``path`` imports anywhere in its source (functions and
    TYPE_CHECKING blocks included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(n for n in names if n in known)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _ui_modules()
    known = set(modules)
    return {name: _imports(path, known) - {name} for name, path in modules.items()}


def test_the_import_reader_sees_type_checking_imports(tmp_path: Path) -> None:
    source = tmp_path / "part.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from chatassist.ui.sidebar import Sidebar\n"
        "def later():\n"
        "    from chatassist.ui import jobs\n"
    )
    known = {"chatassist.ui.sidebar", "chatassist.ui.jobs", "chatassist.ui"}
    assert _imports(source, known) == known


def test_no_part_imports_the_window_that_holds_it() -> None:
    graph = _graph()
    assert set(WINDOWS) <= set(graph)
    bad = sorted(
        f"{module} imports {window}"
        for module, imported in graph.items()
        for window, openers in WINDOWS.items()
        if window in imported and module not in openers
    )
    assert not bad, bad


def test_no_import_circle_in_ui() -> None:
    graph = _graph()
    circles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                circles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert not circles, [" -> ".join(c) for c in circles]


EDITOR = UI / "editor"


def _storage_imports(path: Path) -> list[str]:
    """Where ``path`` imports ``chatassist.storage`` (functions and TYPE_CHECKING
    blocks included), as "file:line module"."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if name == "chatassist.storage" or name.startswith("chatassist.storage."):
                found.append(f"{path.name}:{node.lineno} {name}")
                break
    return sorted(found, key=lambda f: int(f.split(" ")[0].split(":")[1]))


def _any_uses(path: Path) -> list[str]:
    """Where ``path`` names ``typing.Any`` (imported, ``Any``, ``typing.Any``), in
    annotations or in code, by line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module in ("typing", "typing_extensions"):
            if any(alias.name == "Any" for alias in node.names):
                found.append(f"{path.name}:{node.lineno} imports Any")
        elif isinstance(node, ast.Attribute) and node.attr == "Any":
            if isinstance(node.value, ast.Name) and node.value.id in ("typing", "t"):
                found.append(f"{path.name}:{node.lineno} typing.Any")
        elif isinstance(node, ast.Name) and node.id == "Any":
            found.append(f"{path.name}:{node.lineno} Any")
    return sorted(found, key=lambda f: int(f.split(" ")[0].split(":")[1]))


def test_the_editor_checks_see_storage_and_any(tmp_path: Path) -> None:
    source = tmp_path / "part.py"
    source.write_text(
        "from typing import TYPE_CHECKING, Any\n"
        "import typing\n"
        "if TYPE_CHECKING:\n"
        "    from chatassist.storage.library import BookChange\n"
        "def later(x: typing.Any) -> None:\n"
        "    import chatassist.storage.stats\n"
        "    y: Any = x\n"
    )
    assert [f.split(" ")[0] for f in _storage_imports(source)] == ["part.py:4", "part.py:6"]
    assert [f.split(" ")[0] for f in _any_uses(source)] == ["part.py:1", "part.py:5", "part.py:7"]


def test_the_editor_sees_no_storage() -> None:
    bad = [f for path in sorted(EDITOR.rglob("*.py")) for f in _storage_imports(path)]
    assert not bad, bad


def test_the_editor_uses_no_any() -> None:
    bad = [f for path in sorted(EDITOR.rglob("*.py")) for f in _any_uses(path)]
    assert not bad, bad

"""The layout docs/architecture.md describes, checked: one direction of imports, no cycles,
small modules."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("practice", "home", "education", "pages")
APPS = ("home", "education", "pages")
MAX_MODULE_LINES = 400
MAX_MODELS_LINES = 300


def project_modules():
    """{dotted module name: path} for the project's own code, outside migrations."""
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def imported_names(module, path):
    """Every module `module` imports, at any depth in the file (function-level too)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph():
    modules = project_modules()
    graph = {}
    for module, path in modules.items():
        targets = set()
        for name in imported_names(module, path):
            # The deepest project module the name refers to ("a.b.C" -> "a.b").
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def find_cycle(graph):
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return stack[stack.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_project_imports_form_no_cycle():
    assert find_cycle(import_graph()) is None


def test_the_foundation_imports_no_app_except_in_its_url_map():
    offenders = {
        module: sorted(t for t in targets if t.split(".")[0] in APPS)
        for module, targets in import_graph().items()
        if module.startswith("practice") and module != "practice.urls"
    }
    assert {module: apps for module, apps in offenders.items() if apps} == {}


def test_only_the_site_root_imports_every_app():
    """education knows only itself; pages may show education's clinicians and conditions."""
    allowed = {"education": set(), "pages": {"education"}}
    graph = import_graph()
    for module, targets in graph.items():
        app = module.split(".")[0]
        others = {t.split(".")[0] for t in targets} - {app, "practice"}
        if app in allowed:
            assert others <= allowed[app], (module, others)


@pytest.mark.parametrize("plug_in", ["education.comments", "education.feedback"])
def test_the_education_app_never_imports_its_plug_ins(plug_in):
    """Comments and page feedback know education; education never knows them (feedback adds
    its columns to the review report through a hook)."""
    for module, targets in import_graph().items():
        if module.startswith("education") and not module.startswith(plug_in):
            assert not any(t.startswith(plug_in) for t in targets), module


def test_modules_stay_small():
    too_long = {}
    for module, path in project_modules().items():
        limit = MAX_MODELS_LINES if path.stem == "models" or ".models" in module else None
        limit = limit or MAX_MODULE_LINES
        lines = len(path.read_text().splitlines())
        if lines > limit:
            too_long[module] = lines
    assert too_long == {}


def test_tests_and_benches_stay_small_too():
    """Every Python file the project writes, tests, benches and scripts included, outside
    migrations (the apps' modules have their own, tighter check above)."""
    skipped = {".venv", "node_modules", "var", "test-artifacts", "migrations", "__pycache__"}
    too_long = {}
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if skipped & set(relative.parts) or relative.parts[0].startswith("."):
            continue
        lines = len(path.read_text().splitlines())
        if lines > MAX_MODULE_LINES:
            too_long[str(relative)] = lines
    assert too_long == {}

"""Panels do not reach into each other (DESIGN §2). A panel is a module
gradlab/ui/panels/<name>.py or a package gradlab/ui/panels/<name>/ whose
modules may import one another; what panels share lives outside panels/
(gradlab/ui/plotting.py, gradlab/ui/script_file.py ...)."""

import ast
from pathlib import Path

import gradlab.ui.panels

PANELS = Path(gradlab.ui.panels.__file__).parent


def panel_of(module: str) -> str | None:
    """The panel a dotted module name belongs to; None outside the panels."""
    parts = module.split(".")
    if parts[:3] != ["gradlab", "ui", "panels"] or len(parts) < 4:
        return None
    return parts[3]


def imported_modules(source: str, module: str, is_package: bool) -> set[str]:
    """Every module the source imports, anywhere in it (lazy imports too), with
    relative imports resolved; `from a import b` counts a and a.b (b may be a module)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                package = package[: len(package) - (node.level - 1)]
                base = ".".join(package + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(PANELS.parents[2]).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def test_panels_do_not_import_each_other():
    crossings = []
    for path in sorted(PANELS.rglob("*.py")):
        module, is_package = module_name(path)
        own = panel_of(module)
        if own is None:
            continue
        for imported in imported_modules(path.read_text(encoding="utf-8"), module, is_package):
            other = panel_of(imported)
            if other is not None and other != own:
                crossings.append(f"{module} imports {imported}")
    assert not crossings, "panels import each other:\n" + "\n".join(sorted(crossings))


def test_the_check_sees_absolute_relative_and_lazy_imports():
    source = (
        "from gradlab.ui.panels.plots import X\n"
        "from ..landscape import Y\n"
        "from . import scene\n"
        "def later():\n"
        "    import gradlab.ui.panels.maths\n"
        "    from gradlab.ui.panels import compare\n"
    )
    found = imported_modules(source, "gradlab.ui.panels.graph.panel", False)
    panels = {panel_of(m) for m in found} - {None}
    assert panels == {"plots", "landscape", "graph", "maths", "compare"}
    assert module_name(PANELS / "graph" / "__init__.py") == ("gradlab.ui.panels.graph", True)
    assert module_name(PANELS / "graph" / "panel.py") == ("gradlab.ui.panels.graph.panel", False)

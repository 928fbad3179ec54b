"""Import rules. The core (model, loading, validation, the visitor's journey) runs without
Textual and without the UI (of Rich only its cell widths): a curator's --check, a schema
generator or another front end must not pay for, or depend on, the UI. In the UI, attributes
go down and messages go up: no screen or widget imports the app (except for type hints).
Textual's and textual-image's private modules are imported only in ui/workarounds/terminal.py,
so that an upgrade has one place to look."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "exhibit"
CORE = sorted(p for p in PACKAGE.glob("*.py") if p.name != "cli.py")
"""Every core module (cli.py starts the UI on request, importing it lazily)."""
UI = sorted((PACKAGE / "ui").rglob("*.py"))


def test_loading_and_checking_never_import_textual() -> None:
    code = (
        "import sys; from pathlib import Path\n"
        "from exhibit.loader import load_exhibit\n"
        "from exhibit import cli, model, checks, validate, yaml_reader, journey, keys, tour\n"
        "load_exhibit(Path('exhibit.yaml'))\n"
        "cli.main(['--check', 'exhibit.yaml'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual'\n"
        "             or m.startswith('exhibit.ui') or (m.startswith('rich.')\n"
        "             and m != 'rich.cells' and not m.startswith('rich._')))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr


def _imports(path: Path, *, typing_too: bool = True) -> list[str]:
    """The modules `path` imports, made absolute (`exhibit.ui.app`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    skipped: set[int] = set()
    if not typing_too:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skipped |= {id(inner) for inner in ast.walk(node)}
    found: list[str] = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            base = base[: len(base) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found += [module, *(f"{module}.{alias.name}" for alias in node.names)]
    return found


def test_the_core_never_imports_the_ui_or_textual() -> None:
    """Of Rich, only its measure of cell widths (text.cells): so that the checks measure text
    as the screen draws it."""
    for path in CORE:
        for module in _imports(path):
            assert not module.startswith(("exhibit.ui", "textual")), (path.name, module)
            if module.split(".")[0] == "rich":
                assert module in ("rich.cells", "rich.cells.cell_len"), (path.name, module)


def test_no_screen_or_widget_imports_the_app_but_for_type_hints() -> None:
    for path in UI:
        if path.name != "app.py":
            assert "exhibit.ui.app" not in _imports(path, typing_too=False), path.name


def test_private_textual_modules_only_in_the_workarounds() -> None:
    for path in [*CORE, *UI]:
        private = [m for m in _imports(path) if m.startswith(("textual._", "textual_image._"))]
        if path != PACKAGE / "ui" / "workarounds" / "terminal.py":
            assert private == [], (path.name, private)
    assert _imports(PACKAGE / "ui" / "workarounds" / "terminal.py")  # the rule sees imports


def test_the_versions_are_read_as_packaging_reads_them() -> None:
    from importlib.metadata import version

    from exhibit.ui import workarounds

    for package in workarounds.PINNED:
        assert workarounds.installed_version(package) == version(package)


def test_the_workarounds_refuse_another_version() -> None:
    from exhibit.ui import workarounds

    workarounds.check_versions()  # the pinned versions are the installed ones
    try:
        workarounds.check_versions(lambda package: "99.0")
    except RuntimeError as error:
        assert "workarounds/" in str(error) and "99.0" in str(error)
    else:
        raise AssertionError("another Textual version went unnoticed")

"""The core (model, loading, validation) must run without Textual: a curator's --check, a
schema generator or another front end must not pay for, or depend on, the UI."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_loading_and_checking_never_import_textual() -> None:
    code = (
        "import sys; from pathlib import Path\n"
        "from exhibit.loader import load_exhibit\n"
        "from exhibit import cli, model, checks, validate, yaml_reader\n"
        "load_exhibit(Path('exhibit.yaml'))\n"
        "cli.main(['--check', 'exhibit.yaml'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr

"""The real entry point, as a curator or a technician runs it: `python kiosk.py ...`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import BUNDLED, ROOT

from exhibit import __version__


def kiosk(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "kiosk.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_check_passes_on_the_bundled_exhibit_from_any_directory(tmp_path: Path) -> None:
    run = kiosk("--check", cwd=tmp_path)  # the default is the exhibit.yaml beside kiosk.py
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip() == f"{BUNDLED}: OK (0 errors, 0 warnings)"


def test_check_lists_every_problem_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "exhibit.yaml"
    bad.write_text(
        "exhibit:\n"
        "  titel: Oops\n"
        "kiosk:\n"
        "  demo_interval: 1:20\n"
        "panels:\n"
        "  - id: one\n"
        "    title: One\n"
        "    sources: [S7]\n",
        encoding="utf-8",
    )
    run = kiosk("--check", str(bad))
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert lines == [
        f"{bad}:1:1: error: exhibit: the key 'title' is missing; it is required: add a line "
        "'title: ...' with text, or one text per language (en: ..., ja: ...)",
        f"{bad}:2:3: error: exhibit.titel: unknown key 'titel'; did you mean 'title'? "
        "(known keys: title, subtitle, intro, timeline, credits, languages, default_language, "
        "site_url)",
        f"{bad}:4:3: error: kiosk.demo_interval: expected a number of seconds, at least 1, "
        "got '1:20'; write a plain number from 1 to 86400",
        f"{bad}:8:15: error: panels[0].sources[0]: source 'S7' is not in the sources list; "
        "add it under 'sources:' or correct the id",
        f"{bad}: not valid (4 errors, 0 warnings)",
    ]
    assert "Traceback" not in run.stdout + run.stderr


def test_a_broken_exhibit_does_not_start_and_says_why(tmp_path: Path) -> None:
    bad = tmp_path / "exhibit.yaml"
    bad.write_text("exhibit:\n  title: [\n", encoding="utf-8")
    run = kiosk(str(bad))
    assert run.returncode == 1
    assert f"{bad}:2:10: error: the list opened with '[' here is not closed" in run.stderr
    assert "The kiosk did not start" in run.stderr
    assert "Traceback" not in run.stderr


def test_help_and_version() -> None:
    help_run = kiosk("--help")
    assert help_run.returncode == 0
    for option in ("--check", "--demo", "--interval", "--idle", "--version"):
        assert option in help_run.stdout
    version_run = kiosk("--version")
    assert version_run.returncode == 0 and __version__ in version_run.stdout


def test_bad_interval_is_refused_plainly() -> None:
    run = kiosk("--interval", "soon", "--check")
    assert run.returncode == 2
    assert "'soon' is not a number of seconds" in run.stderr

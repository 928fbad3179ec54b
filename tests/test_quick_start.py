"""The README's Quick start: two commands a newcomer can paste, the way CI runs them.

The first must work where pip refuses the system Python (PEP 668: Debian 12, Raspberry Pi OS),
so it installs into a venv; the kiosk it starts must be one a developer can leave. The second
is exactly what .ci/run runs. Paths the README promises must be where the kiosk writes.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from exhibit.cli import DEFAULT_EXHIBIT, build_parser
from exhibit.loader import load_exhibit

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start() -> tuple[list[str], str]:
    """(the commands of the Quick start's code block, the prose under it)."""
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None
    commands = [line for line in block[1].splitlines() if line.strip()]
    return commands, section[block.end() :]


def test_still_exactly_two_commands() -> None:
    commands, _ = quick_start()
    assert len(commands) == 2, commands


def test_the_first_installs_into_a_venv_and_starts_a_kiosk_one_can_leave() -> None:
    first, _ = quick_start()[0]
    steps = [shlex.split(step) for step in first.split("&&")]
    assert steps[0][:3] == ["python3", "-m", "venv"]
    venv = steps[0][3]
    assert steps[1][:3] == [f"{venv}/bin/pip", "install", "-e"], "pip of the venv, not the system"
    assert steps[1][3].startswith(".[test]")
    program, script, *options = steps[2]
    assert program == f"{venv}/bin/python" and script == "kiosk.py"
    assert "--allow-quit" in options
    build_parser().parse_args(options)  # options the kiosk takes
    assert "python3 -m pip" not in first and "--break-system-packages" not in first


def test_the_prose_says_how_to_leave_and_how_long_the_tests_take() -> None:
    _, prose = quick_start()
    assert "`ctrl+q`" in prose and "`--allow-quit`" in prose
    assert re.search(r"\d+ minutes", prose)
    assert "python3-venv" in prose  # Debian's package for a missing ensurepip


def test_the_second_is_what_ci_runs() -> None:
    (_, second), _ = quick_start()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_commands = [line for line in ci.splitlines() if line and not line.startswith("#")]
    assert ci_commands[-1] == second
    venv = second.split("/bin/")[0]
    assert f"python3 -m venv {venv}" in ci_commands


def test_screenshot_paths_are_where_the_kiosk_writes_them() -> None:
    bundled = load_exhibit(DEFAULT_EXHIBIT).exhibit
    assert bundled is not None
    row = next(line for line in README.splitlines() if line.startswith("| `--screenshot DIR`"))
    for code in bundled.languages:  # preview.py: one folder per language
        assert f"`DIR/{code}/00-title.svg`" in row

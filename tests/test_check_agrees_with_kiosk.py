"""`--check` says OK exactly for the files the kiosk shows, at start-up and on live reload.

Staff are told that the last line of `--check` must say OK; a file it calls "not valid" must
then be one the kiosk refuses, and the other way round. The kiosk (cli start-up and
ui/reload.py) shows a file when `load_exhibit` returns an exhibit; this test compares that
with `--check`'s exit status and last line over files with every kind of problem, and checks
that a refused start-up prints the same problems as `--check`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import media_files
import pytest
from test_command_line import kiosk

from exhibit import cli
from exhibit.loader import load_exhibit

GOOD = """\
exhibit:
  title: Lighthouses
panels:
  - id: keepers
    title: The keepers
    body: Keepers lived at the light.
    images:
      - file: {file}
        alt: A brass lamp.
    sources: [S1]
sources:
  - id: S1
    text: A history of lights.
"""


def _image(folder: Path, make: Callable[[Path], object], name: str) -> str:
    make(folder / name)
    return name


FILES: dict[str, Callable[[Path], str]] = {
    "valid": lambda d: GOOD.format(file=_image(d, media_files.photo, "lamp.png")),
    "missing image": lambda d: GOOD.format(file="media/lamp.png"),
    "garbage image": lambda d: GOOD.format(
        file=_image(d, lambda p: p.write_text("not an image"), "lamp.png")
    ),
    "truncated image": lambda d: GOOD.format(file=_image(d, media_files.truncated_jpeg, "x.jpg")),
    "decompression bomb": lambda d: GOOD.format(file=_image(d, media_files.bomb_png, "b.png")),
    "a FIFO for an image": lambda d: GOOD.format(file=_image(d, os.mkfifo, "pipe.png")),
    "image outside the folder": lambda d: GOOD.format(file="../lamp.png"),
    "alt text too long": lambda d: GOOD.format(file="l.png").replace("A brass lamp.", "A " * 70),
    "control character": lambda d: GOOD.format(file="l.png").replace("keepers\n", "kee\x1bpers\n"),
    "tab in the body": lambda d: GOOD.format(file="l.png").replace("lived at", "lived\tat"),
    "unknown key": lambda d: GOOD.format(file="l.png").replace("    body:", "    bodi:"),
    "unknown source": lambda d: GOOD.format(file="l.png").replace("[S1]", "[S2]"),
    "syntax mistake": lambda d: GOOD.format(file="l.png").replace("title: The", "title The"),
    "only ---": lambda d: "---\n",
    "directive and ---": lambda d: "%YAML 1.1\n---\n",
    "a list": lambda d: "- exhibit\n",
    "empty": lambda d: "\n",
    "timeline backwards": lambda d: GOOD.replace(
        "  title: Lighthouses", "  title: L\n  timeline: {{start: 1950, end: 1850}}"
    ).format(file="l.png"),
}


@pytest.mark.parametrize("name", FILES)
def test_check_says_ok_exactly_when_the_kiosk_loads_the_file(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "exhibit.yaml"
    path.write_text(FILES[name](tmp_path), encoding="utf-8")
    kiosk_shows_it = load_exhibit(path).exhibit is not None

    status = cli.main(["--check", str(path)])
    checked = capsys.readouterr().out.splitlines()
    assert (status == 0) == kiosk_shows_it, "\n".join(checked)
    assert checked[-1].startswith(f"{path}: {'OK' if kiosk_shows_it else 'not valid'} (")
    errors = [line for line in checked if ": error: " in line]
    assert bool(errors) == (not kiosk_shows_it), "\n".join(checked)

    if not kiosk_shows_it:  # start-up, a real process, refuses it with the same list
        started = kiosk(str(path), "--log", str(tmp_path / "kiosk.log"))
        assert started.returncode == 1
        said = started.stderr.splitlines()
        assert said[: len(checked)] == checked
        assert "did not start" in said[-1]


def test_the_set_covers_both_answers(tmp_path: Path) -> None:
    verdicts = set()
    for number, make in enumerate(FILES.values()):
        folder = tmp_path / str(number)
        folder.mkdir()
        (folder / "exhibit.yaml").write_text(make(folder), encoding="utf-8")
        verdicts.add(load_exhibit(folder / "exhibit.yaml").exhibit is not None)
    assert verdicts == {True, False}


def test_a_picture_that_cannot_be_shown_is_one_warning_everywhere(tmp_path: Path) -> None:
    for name in ("missing image", "garbage image", "truncated image", "image outside the folder"):
        folder = tmp_path / name.replace(" ", "-")
        folder.mkdir()
        (folder / "exhibit.yaml").write_text(FILES[name](folder), encoding="utf-8")
        result = load_exhibit(folder / "exhibit.yaml")
        (problem,) = result.problems.items
        assert problem.severity.value == "warning" and problem.line == 8, str(problem)
        assert "the kiosk shows the description instead" in problem.message
        assert result.exhibit is not None

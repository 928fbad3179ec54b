"""Messages about an untrusted file are safe to print: one line each, no control characters,
whatever the file's keys and texts hold; files are named as the curator wrote them; sizes in the
units CURATING.md uses."""

from __future__ import annotations

import re
from pathlib import Path

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
    images:
      - file: media/lamp.png
        alt: A brass lamp.
"""
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    "key",
    [
        '"\\e]52;c;aGVsbG8=\\a"',  # OSC 52: write to the curator's clipboard
        '"\\e[2J\\e[31mtitel"',  # clear the screen, turn red
        '"tit\\nle\\nx"',  # a newline would split one problem over three lines
        '"\\x9b2Jtitle"',  # the 8-bit CSI
        '"ti\\u202etel"',  # right-to-left override
    ],
)
def test_a_key_full_of_escapes_is_cleaned_before_any_message(
    tmp_path: Path, key: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "exhibit.yaml"
    path.write_text(GOOD.replace("  title: Lighthouses", f"  {key}: Lighthouses"), "utf-8")
    assert cli.main(["--check", str(path)]) == 1
    out = capsys.readouterr().out
    assert not UNSAFE.search(out), repr(out)
    lines = out.splitlines()
    assert all(line.startswith(f"{path}") for line in lines), out
    assert any(
        ":2:3: warning: exhibit: control characters removed from the key" in x for x in lines
    )
    assert any(":2:3: error: exhibit." in line and "unknown key" in line for line in lines), out

    assert kiosk(str(path), "--log", str(tmp_path / "kiosk.log")).returncode == 1  # refused
    logged = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert not UNSAFE.search(logged.replace("\n", " ")), repr(logged)
    assert all(line.startswith(("20", " ")) or not line for line in logged.splitlines())


def test_raw_control_characters_are_reported_at_their_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "exhibit.yaml"
    pasted = "\x00\x0c\x7f\x9b\ufffe\u061c\u202e\x1b"
    path.write_text(GOOD.replace("The keepers", f"The {pasted}keepers"), encoding="utf-8")
    result = load_exhibit(path)
    assert result.ok and result.exhibit is not None
    assert result.exhibit.panels[0].title == "The keepers"
    found = [(p.line, p.column, p.message) for p in result.problems.sorted()]
    assert found[: len(pasted)] == [
        (
            5,
            16 + n,
            f"an invisible control character (U+{ord(c):04X}) was removed here; "
            "retype this line in a plain text editor",
        )
        for n, c in enumerate(pasted)
    ]
    assert "not found" in found[-1][2]  # the only other problem: GOOD's picture is not there


def test_a_damaged_file_is_named_as_the_curator_wrote_it(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "lamp.png").write_text("not an image", encoding="utf-8")
    path = tmp_path / "exhibit.yaml"
    path.write_text(GOOD, encoding="utf-8")
    (problem,) = load_exhibit(path).problems.items
    assert problem.message.startswith("'media/lamp.png' is not a JPEG, PNG, GIF or WebP image")


def test_a_file_too_large_is_measured_in_mib(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    with (tmp_path / "media" / "lamp.png").open("wb") as big:
        big.truncate(68 * 2**20)  # sparse: takes no disk space
    path = tmp_path / "exhibit.yaml"
    path.write_text(GOOD, encoding="utf-8")
    (problem,) = load_exhibit(path).problems.items
    assert "'media/lamp.png' is 68 MiB; the limit is 64 MiB" in problem.message
    assert problem.severity.value == "warning"


def test_positions_after_a_removed_character_are_those_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "exhibit.yaml"
    text = GOOD.replace("  title: Lighthouses", "  \x1b\x1btitel: Light\x00houses\tnorth")
    path.write_text(text.replace("    images:\n      - file: media/lamp.png\n", "    images:\n"))
    problems = load_exhibit(path).problems.sorted()
    found = [(p.line, p.column, p.message[:20]) for p in problems if p.line == 2]
    assert found == [
        (2, 3, "an invisible control"),
        (2, 4, "an invisible control"),
        (2, 5, "unknown key 'titel';"),
        (2, 17, "an invisible control"),
        (2, 24, "a tab inside the tex"),
    ], found

"""The terminal's answers, as real terminals give them: which protocol, and what cell size."""

from __future__ import annotations

import subprocess
import sys

import pytest

from exhibit.ui.images import choose_mode, pixels_per_cell
from exhibit.ui.terminal_answers import Answers, kitty_draws_placeholders, kitty_version, parse

KITTY_OK = "\x1b_Gi=31;OK\x1b\\"
KITTY_0_26 = "\x1bP>|kitty(0.26.5)\x1b\\\x1b[6;20;10t" + KITTY_OK + "\x1b[?62;c"
KITTY_0_32 = "\x1bP>|kitty(0.32.2)\x1b\\\x1b[6;17;8t" + KITTY_OK + "\x1b[?62;c"
XTERM_VT340 = "\x1bP>|XTerm(379)\x1b\\\x1b[6;17;7t\x1b[?63;1;2;4;6;9;15;16;22;28c"
SILENT = "\x1b[?1;2c"  # an old terminal: device attributes only


def test_an_old_kitty_is_told_apart_from_a_new_one() -> None:
    old, new = parse(KITTY_0_26), parse(KITTY_0_32)
    assert kitty_version(old) == (0, 26, 5) and not kitty_draws_placeholders(old)
    assert kitty_version(new) == (0, 32, 2) and kitty_draws_placeholders(new)
    assert not old.sixel and old.complete


def test_xterm_in_vt340_mode_has_sixel_and_says_its_cell_size() -> None:
    answers = parse(XTERM_VT340)
    assert answers == Answers(version="XTerm(379)", cell=(7, 17), sixel=True, complete=True)
    assert kitty_version(answers) is None and kitty_draws_placeholders(answers)


def test_a_terminal_that_answers_little_leaves_the_rest_unknown() -> None:
    answers = parse(SILENT)
    assert answers == Answers(complete=True)
    assert parse("") == Answers()


def chosen(monkeypatch: pytest.MonkeyPatch, answers: str) -> str:
    """The mode "auto" chooses where the terminal gave `answers`."""
    from textual_image._terminal import get_cell_size

    monkeypatch.setattr(get_cell_size, "_result", None, raising=False)
    return choose_mode("auto", {"TERM": "xterm-256color"}, tty=True, answers=parse(answers))


def test_an_old_kitty_gets_half_blocks_not_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    assert chosen(monkeypatch, KITTY_0_26) == "halfcell"
    assert chosen(monkeypatch, KITTY_0_32) == "kitty"
    sixel_too = KITTY_0_26.replace("?62;c", "?62;4c")
    assert chosen(monkeypatch, sixel_too) == "sixel"


def test_a_terminal_without_graphics_gets_half_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    assert chosen(monkeypatch, "\x1b[?62;22c") == "halfcell"  # a VT220 with colour
    assert chosen(monkeypatch, "") == "halfcell"  # silent: nothing is drawn it cannot show


def test_half_blocks_are_chosen_without_textual_image() -> None:
    """Choosing half blocks asks the terminal once (terminal_answers.py): textual-image,
    numpy and Pillow, which its import brings with two more questions, stay unloaded."""
    code = (
        "import sys\n"
        "from exhibit.ui.images import choose_mode, widget_class\n"
        "from exhibit.ui.terminal_answers import parse\n"
        "env = {'TERM': 'xterm-256color'}\n"
        "mode = choose_mode('auto', env, tty=True, answers=parse('\\x1b[?62;22c'))\n"
        "widget_class(mode)\n"
        "print(mode, sorted({'textual_image', 'numpy'} & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["halfcell", "[]"]


def test_pictures_are_scaled_to_the_cell_size_the_terminal_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert chosen(monkeypatch, XTERM_VT340) == "sixel"
    assert pixels_per_cell("sixel") == (7, 17)

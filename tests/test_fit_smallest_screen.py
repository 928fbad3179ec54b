"""--check warns where text cannot fit 80x24 in the parts of the screen that do not scroll."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from exhibit.loader import load_exhibit

Write = Callable[[str], Path]


def warnings_of(path: Path) -> list[tuple[int, str]]:
    result = load_exhibit(path)
    assert result.exhibit is not None
    return [(p.line, p.message) for p in result.problems.sorted()]


def test_a_long_theme_list_overflows_the_strip(write_yaml: Write) -> None:
    # At 80 columns the strip names only the current panel (the others are numbers, each a
    # target 3 columns wide and a gap), so a very long theme name, or very many panels,
    # overflows it.
    theme = "A theme name long enough to need most of a line"
    panels = "".join(f"  - id: p{n}\n    theme: {theme}\n    title: T\n" for n in range(4))
    (found,) = warnings_of(write_yaml(f"exhibit:\n  title: T\npanels:\n{panels}"))
    assert found[0] == 3 and "navigation strip needs 98 columns and has 76" in found[1]
    short = panels.replace(theme, "Short")
    assert warnings_of(write_yaml(f"exhibit:\n  title: T\npanels:\n{short}")) == []


def test_a_long_intro_overflows_the_title_screen(write_yaml: Write) -> None:
    intro = "\n\n".join(["Words " * 40] * 4)
    text = (
        "exhibit:\n  title: T\n  intro: |\n"
        + "".join(f"    {line}\n" for line in intro.splitlines())
        + "panels:\n  - id: a\n    title: A\n"
    )
    (found,) = warnings_of(write_yaml(text))
    assert found[0] == 3 and "the title screen needs" in found[1] and "has 24" in found[1]


def test_long_heading_period_and_fact_label(write_yaml: Write) -> None:
    title = "A title " * 25
    period = "From the very beginning of the century to the very end of the next one, or so"
    text = (
        "exhibit:\n  title: T\npanels:\n  - id: a\n"
        f"    title: {title}\n    period: {period}\n"
        "    facts:\n      - label: Between 500,000 and 800,000\n        text: held\n"
    )
    found = warnings_of(write_yaml(text))
    assert [line for line, _ in found] == [5, 6, 8]
    assert "takes more than 2 lines" in found[0][1]
    assert "more than the 76 of one line" in found[1][1]
    assert "wraps after 18" in found[2][1]


def test_the_stylesheet_takes_its_widths_from_the_layout_module() -> None:
    """fit.py computes with exhibit/layout.py; the stylesheet must use the same numbers, so
    every one of them is a variable there, and none is written out instead."""
    from conftest import ROOT

    from exhibit.layout import WINDOW_WIDTH, layout_variables

    tcss = (ROOT / "exhibit" / "ui" / "kiosk.tcss").read_text(encoding="utf-8")
    for name in layout_variables():
        assert f"${name}" in tcss, name
    assert f"width: {WINDOW_WIDTH};" not in tcss

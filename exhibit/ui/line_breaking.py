"""Japanese line breaking (kinsoku shori): no line starts with 。、」 and the like, and none ends
with 「（.

Textual wraps text without spaces character by character, so a Japanese paragraph could put a
full stop at the start of a line, which Japanese typesetting never does. Textual's Content
takes its break offsets from Rich's `divide_line`, imported into `textual.content`; this
module wraps that one function (pinned Textual version: see pyproject.toml) and hands text
with wide or kinsoku characters to the core's divider (exhibit/line_breaks.py: one pass, runs
of digits and Latin letters kept whole). Text without such characters is untouched.
"""

from __future__ import annotations

from collections.abc import Callable

import textual.content
from rich.cells import get_character_cell_size

from ..line_breaks import NO_LINE_END, NO_LINE_START, break_offsets, needs_breaking

__all__ = ["NO_LINE_END", "NO_LINE_START", "install"]

Divide = Callable[..., list[int]]


def kinsoku(divide: Divide) -> Divide:
    """`divide` for plain text; Japanese and mixed text divided by exhibit.line_breaks."""

    def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
        if not needs_breaking(text):
            return divide(text, width, fold=fold)
        return break_offsets(text, width, fold, get_character_cell_size)

    divide_line.kinsoku = True  # type: ignore[attr-defined]
    return divide_line


def install() -> None:
    """Make Textual's text wrapping follow the rules above (once; safe to call again)."""
    current: Divide = getattr(textual.content, "divide_line")  # noqa: B009 - not exported
    if not getattr(current, "kinsoku", False):
        setattr(textual.content, "divide_line", kinsoku(current))  # noqa: B010

"""Japanese line breaking: never start a line with 。、」）or a small kana, never end one
with 「（, and never break inside a run of digits or Latin letters ("1945", "M-72").

Textual wraps text without spaces character by character, so a Japanese paragraph could put a
full stop at the start of a line, which Japanese typesetting never does. `kinsoku` wraps a
break-finding function (Rich's `divide_line`, which Textual's Content uses: the wrapping is
installed by workarounds.japanese_line_breaking) and hands text with wide or kinsoku characters
to the core's divider (exhibit/line_breaks.py: one linear pass). Text without such characters
is untouched.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import get_character_cell_size

from ..line_breaks import NO_LINE_END, NO_LINE_START, break_offsets, needs_breaking

__all__ = ["NO_LINE_END", "NO_LINE_START", "kinsoku"]

Divide = Callable[..., list[int]]


def kinsoku(divide: Divide) -> Divide:
    """`divide` for plain text; Japanese and mixed text divided by exhibit.line_breaks."""

    def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
        if not needs_breaking(text):
            return divide(text, width, fold=fold)
        return break_offsets(text, width, fold, get_character_cell_size)

    divide_line.kinsoku = True  # type: ignore[attr-defined]
    return divide_line

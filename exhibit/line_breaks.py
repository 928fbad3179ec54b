"""Where to break a line of Japanese (or mixed) text, in one pass: kinsoku shori, with runs of
digits and Latin letters kept whole.

Text without spaces may break between any two characters, except that (JIS X 4051, simplified)
no line starts with 。、」 and the like, none ends with 「（, and a run such as "1945", "8月17日"'s
"17" or "M-72" is never split (it is folded only when it alone is wider than the line). Spaces
break as in English. Each character is looked at once, so a paragraph of any length divides in
time proportional to its length. Pure Python, no Textual: the UI passes the terminal's own
measure of a character's width.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

NO_LINE_START = frozenset(
    "、。，．・：；？！‐ー―〜…‥」』）］｝〕〉》】〙〗ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々"
)
"""Closing brackets, punctuation, small kana and iteration marks (JIS X 4051, simplified)."""
NO_LINE_END = frozenset("「『（［｛〔〈《【〘〖")
"""Opening brackets."""
CellWidth = Callable[[str], int]


def east_asian_cells(char: str) -> int:
    """Terminal columns of one character: two for wide (East Asian) ones, none for marks."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def needs_breaking(text: str) -> bool:
    """Whether `text` has characters that plain word wrapping treats wrongly (wide or kinsoku)."""
    return any(
        char in NO_LINE_START or char in NO_LINE_END or unicodedata.east_asian_width(char) in "WF"
        for char in text
    )


def break_offsets(
    text: str, width: int, fold: bool = True, cell_width: CellWidth = east_asian_cells
) -> list[int]:
    """Offsets at which to start new lines so that each line of `text` fits in `width` cells.

    Same contract as Rich's `divide_line`: trailing spaces may overhang; a piece that cannot
    break and is wider than the line is folded when `fold`, else left to overflow."""
    width = max(width, 1)
    breaks: list[int] = []
    line_start = 0
    line_cells = 0  # cells from line_start to the current position
    last_break = -1  # the latest place on this line where a break is allowed
    cells_at_break = 0  # cells from line_start to last_break
    previous = ""
    for index, char in enumerate(text):
        if index > line_start and _may_break(previous, char):
            last_break, cells_at_break = index, line_cells
        size = cell_width(char)
        if not char.isspace() and line_cells + size > width and index > line_start:
            if last_break > line_start:
                breaks.append(last_break)
                line_start, line_cells = last_break, line_cells - cells_at_break
            elif fold:  # one unbreakable piece wider than the line: fold it here, or a
                # character or two earlier so that the kinsoku rules still hold
                fold_at = index
                while fold_at - 1 > line_start and (
                    text[fold_at] in NO_LINE_START or text[fold_at - 1] in NO_LINE_END
                ):
                    fold_at -= 1
                breaks.append(fold_at)
                line_start = fold_at
                line_cells = sum(cell_width(c) for c in text[fold_at:index])
            last_break = -1
        line_cells += size
        previous = char
    return breaks


def _may_break(previous: str, char: str) -> bool:
    """Whether a line may start with `char`, after `previous`."""
    if char.isspace():
        return False
    if previous.isspace():
        return True
    if char in NO_LINE_START or previous in NO_LINE_END:
        return False
    return not (_is_narrow(previous) and _is_narrow(char))


def _is_narrow(char: str) -> bool:
    """Narrow characters (digits, Latin letters, their punctuation) break only at spaces, as
    English words do: "1945", "17" and "M-72" stay whole between Japanese characters."""
    return not char.isspace() and unicodedata.east_asian_width(char) not in "WF"

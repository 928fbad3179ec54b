"""Japanese line breaking (kinsoku shori): no line starts with 。、」 and the like, and none ends
with 「（.

Textual wraps text without spaces character by character, so a Japanese paragraph could put a
full stop at the start of a line, which Japanese typesetting never does. `kinsoku` wraps a
break-finding function (Rich's `divide_line`, which Textual's Content uses: the wrapping is
installed by workarounds.japanese_line_breaking) and moves such a break one character
earlier, so the line before it is one character shorter. Nothing else about wrapping changes,
and text without these characters is untouched.
"""

from __future__ import annotations

from collections.abc import Callable

NO_LINE_START = frozenset(
    "、。，．・：；？！‐ー―〜…‥」』）］｝〕〉》】〙〗ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々"
)
"""Closing brackets, punctuation, small kana and iteration marks (JIS X 4051, simplified)."""
NO_LINE_END = frozenset("「『（［｛〔〈《【〘〖")
"""Opening brackets."""

Divide = Callable[..., list[int]]


def kinsoku(divide: Divide) -> Divide:
    """`divide` with each break moved back where it would break a kinsoku rule."""

    def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
        offsets = divide(text, width, fold=fold)
        if not any(char in NO_LINE_START or char in NO_LINE_END for char in text):
            return offsets
        adjusted: list[int] = []
        start = 0
        while offsets:
            offset = start + offsets[0]
            moved = offset
            while moved - 1 > start and (
                (moved < len(text) and text[moved] in NO_LINE_START)
                or text[moved - 1] in NO_LINE_END
            ):
                moved -= 1
            if moved - 1 <= start:  # the whole line is such characters: break as before
                moved = offset
            adjusted.append(moved)
            start = moved
            # The next line now starts earlier: wrap the rest again from there.
            offsets = divide(text[start:], width, fold=fold)
        return adjusted

    divide_line.kinsoku = True  # type: ignore[attr-defined]
    return divide_line

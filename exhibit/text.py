"""Cleaning curator text before it can reach a terminal."""

from __future__ import annotations

import math
import re
import textwrap

# C0 controls except tab and newline, DEL, C1 controls (0x9b is an 8-bit CSI), the Unicode
# bidirectional controls that can reorder what a visitor reads (U+061C, U+202E and friends),
# and the noncharacters U+FFFE and U+FFFF.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)


def clean(text: str) -> str:
    """`text` without control characters; carriage returns become newlines."""
    return _UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text.replace("\r", "")) is not None


def unsafe_positions(text: str) -> list[int]:
    """Where `text` holds characters `clean` removes (carriage returns aside)."""
    return [m.start() for m in _UNSAFE.finditer(text) if m.group() != "\r"]


def one_line(text: str) -> str:
    """`text` cleaned, its line breaks and tabs made spaces: for a message or a log line."""
    return " ".join(clean(text).replace("\t", " ").split("\n"))


def word_count(text: str) -> int:
    return len(text.split())


def sentences(text: str) -> list[str]:
    """Rough sentence split of prose, good enough to flag sentences too long for a label."""
    flat = " ".join(text.split())
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(“‘])", flat) if s]


def cells(text: str) -> int:
    """Terminal columns `text` takes, exactly as the screen draws it: Rich's own measure
    (wide characters take two; combining accents, zero-width spaces and the joined parts of
    an emoji sequence take none). Only `rich.cells` is imported (~2 ms), not Rich's console."""
    from rich.cells import cell_len

    return cell_len(text)


def wrapped_lines(text: str, width: int) -> int:
    """About how many lines `text` takes wrapped at `width` columns, a blank line between
    paragraphs. Text with wide characters wraps anywhere, as Japanese does."""
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip()]
    lines = 0
    for paragraph in paragraphs:
        if cells(paragraph) != len(paragraph):
            lines += math.ceil(cells(paragraph) / width)
        else:
            lines += len(textwrap.wrap(paragraph, width))
    return lines + max(0, len(paragraphs) - 1)

"""Cleaning curator text before it can reach a terminal."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls (0x9b is an 8-bit CSI), and the Unicode
# bidirectional controls that can reorder what a visitor reads (U+202E and friends).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """`text` without control characters; carriage returns become newlines."""
    return _UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text.replace("\r", "")) is not None


def word_count(text: str) -> int:
    return len(text.split())


def sentences(text: str) -> list[str]:
    """Rough sentence split of prose, good enough to flag sentences too long for a label."""
    flat = " ".join(text.split())
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(“‘])", flat) if s]

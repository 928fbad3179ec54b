"""A text made ready for one engine: safe characters, numbers for the ear, pieces it can take.

Open JTalk reads only the first line of its input, and at most about a thousand bytes of it, so
a Japanese text goes to it sentence by sentence. espeak-ng reads a whole text, but never a
Chinese character outside Chinese: its voices say "Chinese letter" for each one.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from .engines import Engine, base_language
from .numbers import for_speech

OPEN_JTALK_MAX_BYTES: Final = 900
"""Open JTalk's line buffer is 1024 bytes; a longer sentence is cut at a comma, or anywhere."""

HAN_READERS: Final = frozenset({"zh", "cmn", "yue"})
"""Languages whose espeak-ng voices read Chinese characters."""

_HAN: Final = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006\u3007\U00020000-\U0003ffff]+"
)
_SENTENCE_END: Final = re.compile(r"(?<=[。！？!?])\s*|\n+")


def clean_text(text: str) -> str:
    """`text` without control characters: line breaks (of any kind, as newlines) and tabs are
    kept; every other control character (escape sequences' ESC, NUL, ...) is dropped."""
    kept = []
    for char in text.replace("\r\n", "\n"):
        if char in "\n\t":
            kept.append(char)
        elif char in "\r\v\f\x85\u2028\u2029":
            kept.append("\n")
        elif unicodedata.category(char) not in ("Cc", "Cs"):
            kept.append(char)
    return "".join(kept)


def has_han(text: str) -> bool:
    """True when `text` holds a Chinese character (kanji, hanzi)."""
    return _HAN.search(text) is not None


def pieces(text: str, language: str, engine: Engine, *, packed: bool = False) -> list[str]:
    """`text` as `engine` should be given it, in the pieces it can take (none when nothing
    is left to say). Open JTalk gets a sentence at a time, so that reading aloud starts soon;
    `packed`, as many sentences as it takes at once (fewer runs, for files)."""
    text = for_speech(clean_text(text), language)
    if engine.kind == "open-jtalk":
        lines = [p for line in _SENTENCE_END.split(text) for p in _short(line.strip())]
        return _packed(lines) if packed else lines
    if base_language(language) not in HAN_READERS:
        text = _HAN.sub(" ", text)
    return [text] if text.strip() else []


def _packed(lines: list[str]) -> list[str]:
    """`lines` joined into as few pieces as fit in OPEN_JTALK_MAX_BYTES each."""
    result: list[str] = []
    for line in lines:
        joined = f"{result[-1]}{line}" if result else line
        if result and len(joined.encode("utf-8")) <= OPEN_JTALK_MAX_BYTES:
            result[-1] = joined
        else:
            result.append(line)
    return result


def _short(line: str) -> list[str]:
    """`line` in pieces of at most OPEN_JTALK_MAX_BYTES, cut after a comma where possible."""
    if not line:
        return []
    if len(line.encode("utf-8")) <= OPEN_JTALK_MAX_BYTES:
        return [line]
    result: list[str] = []
    current = ""
    for part in re.split(r"(?<=[、,])", line):
        while len(part.encode("utf-8")) > OPEN_JTALK_MAX_BYTES:  # no comma for too long
            cut = len(part) // 2
            result += _short(part[:cut])
            part = part[cut:]
        if current and len((current + part).encode("utf-8")) > OPEN_JTALK_MAX_BYTES:
            result.append(current)
            current = ""
        current += part
    return [*result, current] if current else result

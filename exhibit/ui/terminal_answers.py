"""What the terminal says it can do, asked once before Textual owns the terminal.

Four questions in one write, answered in order: XTVERSION (`CSI > 0 q`: name and version,
"kitty(0.26.5)"), the cell size in pixels (`CSI 16 t`), whether Kitty graphics are drawn (a
query action, `APC G a=q`, answered "OK" by a terminal that has them) and, last, the primary
device attributes (`CSI c`, code 4: Sixel), which every terminal answers: once that answer is
in, nothing more is coming, so a terminal that ignores the first three costs no wait.

These are the questions textual-image asks when it is imported, asked as one: it asks Sixel
and Kitty graphics one after the other, each with a 0.1 s timeout, and a terminal without
Kitty graphics never answers the second, so every start waited 0.1 s (0.4-0.6 s on a
Raspberry Pi) and imported textual-image, numpy and Pillow even to draw half blocks.

- kitty before 0.28 rejects the Unicode placeholders (`U=1`) that textual-image's Kitty
  pictures use, and draws a grid of boxes instead: such a kitty gets Sixel where it answers
  that it has it, else half blocks.
- The cell size the terminal answers is what a picture must be scaled to, to fill its box
  exactly; the window size the kernel reports (textual-image's first choice) can disagree
  with it (xterm counts its border), and the picture then spills or is cut.

Parsing is pure and tested on recorded answers; only `ask` touches the terminal.
"""

from __future__ import annotations

import os
import re
import select
import sys
import termios
import time
import tty
from dataclasses import dataclass

KITTY_QUERY = "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\"
"""Kitty graphics' own test (a 1x1 picture, query only: nothing is drawn or kept)."""
QUESTIONS = "\x1b[>0q\x1b[16t" + KITTY_QUERY + "\x1b[c"
KITTY_PLACEHOLDERS = (0, 28)
"""The first kitty version that draws Unicode placeholders."""

_VERSION = re.compile(r"\x1bP>\|(?P<text>[^\x1b]*)\x1b\\")
_CELL = re.compile(r"\x1b\[6;(?P<height>\d+);(?P<width>\d+)t")
_KITTY_OK = re.compile(r"\x1b_Gi=31;OK\x1b\\")
_ATTRIBUTES = re.compile(r"\x1b\[\?(?P<codes>[\d;]*)c")


@dataclass(frozen=True)
class Answers:
    version: str | None = None
    """The terminal's name and version, e.g. "kitty(0.26.5)" or "XTerm(379)"."""
    cell: tuple[int, int] | None = None
    """One cell's width and height in pixels."""
    sixel: bool = False
    """The device attributes list 4: Sixel graphics."""
    kitty_graphics: bool = False
    """The terminal answered the Kitty graphics query with OK."""
    complete: bool = False
    """The last answer arrived (the terminal answered at all)."""


def parse(data: str) -> Answers:
    version = _VERSION.search(data)
    cell = _CELL.search(data)
    attributes = _ATTRIBUTES.search(data)
    codes = attributes.group("codes").split(";") if attributes else []
    return Answers(
        version=version.group("text") if version else None,
        cell=(int(cell.group("width")), int(cell.group("height"))) if cell else None,
        sixel="4" in codes,
        kitty_graphics=_KITTY_OK.search(data) is not None,
        complete=attributes is not None,
    )


def kitty_version(answers: Answers) -> tuple[int, ...] | None:
    """kitty's version as numbers, or None for any other terminal."""
    match = re.fullmatch(r"kitty\((\d+(?:\.\d+)*)\)", answers.version or "")
    return tuple(int(part) for part in match.group(1).split(".")) if match else None


def kitty_draws_placeholders(answers: Answers) -> bool:
    """False only for a kitty that said it is older than 0.28."""
    version = kitty_version(answers)
    return version is None or version >= KITTY_PLACEHOLDERS


def ask(timeout: float = 0.5) -> Answers:
    """Ask the terminal on stdin/stdout; empty answers where there is none, or it is silent."""
    stdin, stdout = sys.__stdin__, sys.__stdout__
    if stdin is None or stdout is None or not (stdin.isatty() and stdout.isatty()):
        return Answers()
    fd = stdin.fileno()
    saved = termios.tcgetattr(fd)
    data = ""
    try:
        tty.setraw(fd)
        stdout.write(QUESTIONS)
        stdout.flush()
        deadline = time.monotonic() + timeout
        while not _ATTRIBUTES.search(data):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                break
            data += os.read(fd, 1024).decode("latin-1")
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
    return parse(data)

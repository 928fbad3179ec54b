"""Problems found in an exhibit, written for curators: file, line, where, what to do."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from .text import one_line

KeyPath = tuple[str | int, ...]
"""Where a value sits in the exhibit, e.g. ("panels", 2, "images", 0, "alt")."""


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


def dotted(path: KeyPath) -> str:
    """`("panels", 2, "alt")` -> `panels[2].alt`: the way curators are told where a value is."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an exhibit. Lines and columns count from 1; 0 means unknown."""

    file: Path
    line: int
    column: int
    severity: Severity
    message: str
    path: KeyPath = ()

    def __str__(self) -> str:
        """One line, free of control characters whatever the file held: it goes to a terminal
        and to the log."""
        where = f"{self.file}:{self.line}:{self.column}" if self.line else f"{self.file}"
        key = f"{dotted(self.path)}: " if self.path else ""
        return one_line(f"{where}: {self.severity.value}: {key}{self.message}")


Marks = dict[KeyPath, tuple[int, int]]
"""Line and column (from 1) of every key and value read from the YAML file."""


@dataclass
class Problems:
    """Collects every problem of one file, so curators see them all at once."""

    file: Path
    marks: Marks = field(default_factory=dict)
    items: list[Problem] = field(default_factory=list)
    unreadable: set[KeyPath] = field(default_factory=set)
    """Places whose value could not be read (already reported; a stand-in took its place)."""
    quiet_on_unreadable: bool = False
    """Set once reading is over: later checks say nothing about unreadable places, whose
    stand-in values would only give confusing second messages."""

    def is_unreadable(self, path: KeyPath) -> bool:
        """Whether `path` or a place holding it could not be read."""
        return any(path[:cut] in self.unreadable for cut in range(len(path) + 1))

    def where(self, path: KeyPath) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that the file spells out."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.marks:
                return self.marks[path[:cut]]
        return (0, 0)

    def add(
        self,
        path: KeyPath,
        message: str,
        severity: Severity = Severity.ERROR,
        at: tuple[int, int] | None = None,
    ) -> None:
        if self.quiet_on_unreadable and self.is_unreadable(path):
            return
        line, column = at if at is not None else self.where(path)
        self.items.append(Problem(self.file, line, column, severity, message, path))

    def warn(self, path: KeyPath, message: str, at: tuple[int, int] | None = None) -> None:
        self.add(path, message, Severity.WARNING, at)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.line, p.column))

    def summary(self) -> str:
        def count(n: int, word: str) -> str:
            return f"{n} {word}{'' if n == 1 else 's'}"

        return f"{count(len(self.errors), 'error')}, {count(len(self.warnings), 'warning')}"

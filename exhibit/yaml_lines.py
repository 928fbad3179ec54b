"""The lines of a YAML file as a curator typed them, and the small edits that repair one.

Used by yaml_mistakes.py: each repair is shown to the curator as the line to type, and the
repaired text lets reading go on to find the file's other problems.
"""

from __future__ import annotations

import re

KEY_VALUE = re.compile(r"^(?P<lead>\s*(?:-\s+)*)(?P<key>[^\s:#-][^:]*?):(?: +(?P<value>.*))?$")
"""`  - key: value`: the indentation (with any list dashes), the key, the value."""
NO_SPACE = re.compile(r"^(?P<lead>\s*(?:-\s+)*)(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s/].*)$")
"""`title:The Surrender`: a key whose colon has no space after it (not a time or a URL)."""


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def key_column(line: str) -> int:
    """Where the key of `line` starts, after its indentation and any list dashes."""
    match = KEY_VALUE.match(line)
    return len(match["lead"]) if match else indent(line)


def quoted(value: str) -> str:
    """`value` in single quotes, which need no escapes except '' for a quote (a value wholly
    in double quotes keeps only its words: single quotes take a backslash as it is)."""
    value = value.strip()
    if len(value) > 1 and value[0] == value[-1] == '"' and '"' not in value[1:-1]:
        value = value[1:-1]
    return "'" + value.replace("'", "''") + "'"


class Lines:
    """The file's lines, and small edits of one line returning the whole text."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")

    def line(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def previous(self, index: int) -> int:
        """The nearest line above `index` with content (not blank, not a comment), or -1."""
        for above in range(index - 1, -1, -1):
            stripped = self.lines[above].strip()
            if stripped and not stripped.startswith("#"):
                return above
        return -1

    def with_line(self, index: int, new: str) -> str:
        return "\n".join([*self.lines[:index], new, *self.lines[index + 1 :]])

    def quote_from(self, index: int, column: int) -> tuple[str, str]:
        """(the fixed line, the whole text) with the rest of line `index` quoted from `column`."""
        line = self.line(index)
        fixed = line[:column] + quoted(line[column:])
        return fixed, self.with_line(index, fixed)

    def quote_value(self, index: int, fallback_column: int) -> tuple[str, str]:
        """The value of a `key: value` line put in quotes (or the rest of the line)."""
        line = self.line(index)
        match = KEY_VALUE.match(line)
        column = match.start("value") if match and match["value"] else fallback_column
        return self.quote_from(index, column)

    def reindented(self, index: int, spaces: int) -> tuple[str, str]:
        fixed = " " * spaces + self.line(index).lstrip(" \t")
        return fixed, self.with_line(index, fixed)

    def indent_after(self, index: int) -> int:
        """The indentation a line following line `index` most likely wants."""
        above = self.previous(index)
        if above < 0:
            return 0
        line = self.lines[above].rstrip()
        column = key_column(line)
        return column + 2 if line.endswith((":", "|", ">", "|-", ">-")) else column

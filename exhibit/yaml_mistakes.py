"""Plain words for YAML punctuation mistakes, and the repair that lets reading go on.

PyYAML says what its grammar expected ("mapping values are not allowed in this context"); a
curator needs the line to change and what to type there. Each mistake recognised here gets a
message that shows the corrected line and, where the intent is clear, the text with that line
repaired, so that the rest of the file is still read and every other problem is reported in
the same run. The repaired text is only ever used to find more problems: a file with any of
these mistakes is never shown to visitors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import yaml

from .yaml_lines import KEY_VALUE, NO_SPACE, Lines, indent, key_column


@dataclass(frozen=True)
class Explained:
    """One mistake: where (from 1), what to do, and the text repaired (None: stop reading)."""

    line: int
    column: int
    message: str
    repaired: str | None


_At = Callable[[int, int, str, "str | None"], Explained]
"""Makes an Explained from a line and column counted from 0."""


@dataclass(frozen=True)
class _Mark:
    """A place in the file, counted from 0, as PyYAML's marks give it."""

    line: int
    column: int
    index: int = -1


GENERIC = (
    "this line cannot be read: check that it is indented with spaces like the lines around "
    "it, that each key is followed by ': ' (a colon and a space), and that every quote and "
    "bracket is closed"
)


def explain(error: yaml.MarkedYAMLError, source: str) -> Explained:
    """The curator's version of one YAML error in `source`; never raises."""
    try:
        return _explain(error, source)
    except Exception:  # a shape not foreseen here still gets words, never a traceback
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Explained(line, column, GENERIC, None)


def _explain(error: yaml.MarkedYAMLError, source: str) -> Explained:
    text = Lines(source)
    problem, context = error.problem or "", error.context or ""
    mark = error.problem_mark or error.context_mark
    start: _Mark | yaml.Mark | None = error.context_mark or mark
    assert mark is not None and start is not None
    row, col = mark.line, mark.column
    char = source[mark.index] if mark.index < len(source) else ""
    opener = source[start.index] if start.index < len(source) else ""

    def at(line: int, column: int, message: str, repaired: str | None) -> Explained:
        return Explained(line + 1, column + 1, message, repaired)

    if char == "\t" or "tab" in problem:
        tab = text.line(row).find("\t")
        fixed, repaired = text.reindented(row, text.indent_after(row))
        return at(
            row,
            max(tab, 0),
            "a tab in the indentation; indent with spaces only (set the editor to type spaces "
            f"for Tab) and write: {fixed.strip()!r} indented by {indent(fixed)} spaces",
            repaired,
        )
    if (
        "alias" in context
        or "anchor" in context
        or "alias" in problem
        or (
            char in "@`%?!|>" and ("cannot start any token" in problem or "mapping keys" in problem)
        )
    ):
        row, col = (start.line, start.column) if "alias" in context + problem else (row, col)
        first = text.line(row)[col : col + 1] or char
        fixed, repaired = text.quote_value(row, col)
        return at(
            row,
            col,
            f"a text cannot start with {first!r} unless it is in quotes; write: {fixed.strip()}",
            repaired,
        )
    if "mapping values are not allowed" in problem:
        return _colon(text, row, col, at)
    if "could not find expected ':'" in problem and "simple key" in context:
        return _missing_colon(text, start.line, start.column, at)
    if "quoted scalar" in context:
        if "escape" in problem:
            line = text.line(row)
            slash = line.rfind("\\", 0, col + 1)
            fixed = line[:slash] + "\\" + line[slash:]
            return at(
                row,
                slash,
                "a backslash (\\) inside double quotes starts a special character such as "
                "\\n; write two backslashes for one, or use single quotes: "
                f"{text.quote_value(row, slash)[0].strip()}",
                text.with_line(row, fixed),
            )
        line = text.line(start.line).rstrip()
        fixed = line + opener
        return at(
            start.line,
            start.column,
            f"the quote {opener} opened here is never closed; add a closing {opener} at the end "
            f"of the text: {fixed.strip()}",
            text.with_line(start.line, fixed),
        )
    if "flow node" in context and "content" in problem:  # a '[' or '{' left open at the end
        above = text.previous(row + 1 if text.line(row).strip() else row)
        line = text.line(above)
        opened = max(line.rfind("["), line.rfind("{"))
        if opened >= 0:
            context = "flow sequence" if line[opened] == "[" else "flow mapping"
            start, opener = _Mark(above, opened), line[opened]
    if "flow sequence" in context or "flow mapping" in context:
        close = "]" if "sequence" in context else "}"
        what = "list" if close == "]" else "group"
        line = text.line(start.line).rstrip()
        fixed = line if line.endswith(close) else line + close
        return at(
            start.line,
            start.column,
            f"the {what} opened with {opener!r} here is not closed; end it with {close!r} on "
            f"the same line: {fixed.strip()}",
            text.with_line(start.line, fixed),
        )
    if "single document" in context:
        return at(
            row,
            col,
            "a second '---' line starts a second document, but an exhibit file holds one; "
            "delete this line ('---' may only be the very first line)",
            text.with_line(row, ""),
        )
    if "block mapping" in context or "block collection" in context:
        return _block(text, row, col, char, at)
    return at(row, col, GENERIC, None)


def _colon(text: Lines, row: int, col: int, at: _At) -> Explained:
    """': ' where YAML cannot take a new key: inside a value, or after a line it continues."""
    line = text.line(row)
    match = KEY_VALUE.match(line)
    if match and match["value"] and col >= match.start("value"):
        fixed, repaired = text.quote_value(row, col)
        return at(
            row,
            col,
            "this text contains ': ' (a colon and a space), which YAML reads as a new key; "
            f"put the whole text in quotes: {fixed.strip()}",
            repaired,
        )
    above = text.previous(row)
    previous = text.line(above)
    glued = NO_SPACE.match(previous)
    if glued and ": " not in previous:
        fixed = f"{glued['lead']}{glued['key']}: {glued['value']}"
        return at(
            above,
            len(glued["lead"]) + len(glued["key"]),
            f"put a space after the colon: {fixed.strip()}",
            text.with_line(above, fixed),
        )
    key = match["key"] if match else line.strip()
    owner = KEY_VALUE.match(previous)
    target = key_column(previous)
    fixed, repaired = text.reindented(row, target)
    name = owner["key"] if owner else "the line above"
    return at(
        row,
        indent(line),
        f"{key!r} is indented further than {name!r} on line {above + 1}, so YAML reads it as "
        f"more of that text. If it is a key of its own, line it up with {name!r} "
        f"({target} spaces); if it is more text, write '{name}: |' and indent the text under it",
        repaired,
    )


def _missing_colon(text: Lines, row: int, col: int, at: _At) -> Explained:
    line = text.line(row)
    above = text.line(text.previous(row)).rstrip()
    if above.endswith(("|", ">", "|-", ">-")) and indent(line) <= key_column(above):
        wanted = key_column(above) + 2
        return at(
            row,
            col,
            f"the text under {above.strip()!r} must be indented further than its key; indent "
            f"each of its lines by {wanted} spaces",
            None,
        )
    glued = NO_SPACE.match(line)
    if glued:
        fixed = f"{glued['lead']}{glued['key']}: {glued['value']}"
        message = f"put a space after the colon: {fixed.strip()}"
    else:
        lead = line[:col]
        word, _, rest = line[col:].strip().partition(" ")
        fixed = f"{lead}{word}: {rest}".rstrip()
        message = f"a colon is missing after {word!r}; write: {fixed.strip()}"
    return at(row, col, message, text.with_line(row, fixed))


def _block(text: Lines, row: int, col: int, char: str, at: _At) -> Explained:
    """A line that does not fit the keys or list items around it."""
    line = text.line(row)
    match = KEY_VALUE.match(line)
    value = match["value"] if match else None
    if match and value and value[0] in "[{\"'" and col > match.start("value"):
        fixed, repaired = text.quote_value(row, col)
        return at(
            row,
            match.start("value"),
            f"a text that starts with {value[0]} must be in quotes as a whole, or YAML reads "
            f"only up to the closing {_closer(value[0])}; write: {fixed.strip()}",
            repaired,
        )
    if char == "-":
        return at(
            row,
            col,
            "a list item ('- ') where the lines above are keys; put it under the key of its list "
            "(such as 'images:'), indented further than that key, or remove the '- '",
            None,
        )
    wanted = text.indent_after(row)
    fixed, repaired = text.reindented(row, wanted)
    return at(
        row,
        indent(line),
        f"this line is indented by {_spaces(indent(line))}, which lines it up with nothing "
        f"above it; indent it by {_spaces(wanted)} like the line above: {fixed.strip()!r}",
        repaired if repaired != "\n".join(text.lines) else None,
    )


def _spaces(count: int) -> str:
    return f"{count} space{'' if count == 1 else 's'}"


def _closer(opener: str) -> str:
    return {"[": "]", "{": "}"}.get(opener, opener)

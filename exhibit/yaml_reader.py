"""Reads an untrusted YAML file into plain data (str, list, dict) and the line of every value.

The file is refused or reported, never trusted: size cap, UTF-8 only, no aliases (a "billion
laughs" file loads fast and explodes later), no tags, no duplicate keys (PyYAML keeps the last one
silently). Every scalar stays a string: YAML 1.1 would turn `NO` into False, `1:20` into 80 and
`1945-08-09` into a date; the validator converts strings only where the model asks for a number.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml

from .problems import KeyPath, Marks, Problems
from .text import clean, has_unsafe, one_line, unsafe_positions
from .yaml_mistakes import explain

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 20
MAX_REPAIRS = 50
"""Syntax mistakes reported in one run; past that, fixing the first ones is the way on."""
MAX_REPORTED = 50
"""Control characters reported one by one; a file full of them gets one line for the rest."""
_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map"))

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

REJECTED: Any = object()
"""Stands for a value refused here (its problem is recorded), so the validator stays quiet."""


class _StringsOnlyLoader(_Base):  # type: ignore[misc]
    """A safe loader whose plain scalars all resolve to strings."""

    yaml_implicit_resolvers: dict[str, Any] = {}


def read_text(path: Path, problems: Problems) -> str | None:
    """The file's text, or None with a problem when it cannot or must not be read."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        problems.add((), "file not found; check the path")
        return None
    except OSError as error:
        problems.add((), f"cannot read the file ({error.strerror})")
        return None
    if not stat.S_ISREG(info.st_mode):
        problems.add((), "not a regular file; give the path of a .yaml file")
        return None
    if info.st_size > MAX_BYTES:
        problems.add((), f"the file is {info.st_size:,} bytes; the limit is {MAX_BYTES:,}")
        return None
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.add((), f"cannot read the file ({error.strerror})")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.add((), "the file is not UTF-8 text; save it as UTF-8", at=(line, 1))
        return None
    if not text.strip():
        problems.add((), "the file is empty", at=(1, 1))
        return None
    return text


def parse(text: str, problems: Problems) -> Any:
    """Plain data from YAML text; problems (with their lines) for anything refused.

    A punctuation mistake is reported in plain words and, where its repair is clear, reading
    goes on with the line repaired, so the rest of the file is checked in the same run."""
    text, removed = _without_controls(text, problems)
    repaired: set[int] = set()
    for _ in range(MAX_REPAIRS):
        loader = _StringsOnlyLoader(text)
        try:
            root = loader.get_single_node()
            break
        except yaml.MarkedYAMLError as error:
            mistake = explain(error, text)
            if mistake.line in repaired:  # the repair of this line did not help: stop there
                return None
            problems.add((), mistake.message, at=removed.original(mistake.line, mistake.column))
            if (
                mistake.repaired is None
                or mistake.repaired == text
                or len(mistake.repaired) > len(text) + 200  # a repair must stay small
            ):
                return None
            text = mistake.repaired
            repaired.add(mistake.line)
        except yaml.YAMLError:
            problems.add((), "the file cannot be read as YAML; check its punctuation", at=(1, 1))
            return None
        except RecursionError:
            problems.add((), f"nested too deeply (the limit is {MAX_DEPTH} levels)")
            return None
        finally:
            loader.dispose()
    else:
        return None
    if root is None or (isinstance(root, yaml.ScalarNode) and not root.value.strip()):
        problems.add(
            (),
            "the file holds no exhibit; it needs at least the keys 'exhibit:' and 'panels:' "
            "(see CURATING.md)",
            at=(1, 1),
        )
        return None
    return _Converter(problems, text, repaired, removed).convert(root, (), 0)


class _Removed:
    """The columns, per line, of the characters taken out before parsing, so that positions in
    the cleaned text are reported where the curator sees them in the file."""

    def __init__(self) -> None:
        self.columns: dict[int, list[int]] = {}

    def original(self, line: int, column: int) -> tuple[int, int]:
        for removed in self.columns.get(line, ()):  # in order along the line
            if removed <= column:
                column += 1
        return line, column


def _without_controls(text: str, problems: Problems) -> tuple[str, _Removed]:
    """`text` without the invisible control characters pasted into it, each one reported
    at its line and column (YAML refuses most of them, and none may reach a terminal)."""
    found = unsafe_positions(text)
    removed = _Removed()
    line, counted = 1, 0
    for number, index in enumerate(found):
        line += text.count("\n", counted, index)
        counted = index
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        removed.columns.setdefault(line, []).append(column)
        if number < MAX_REPORTED:
            problems.warn(
                (),
                f"an invisible control character (U+{ord(text[index]):04X}) was removed here; "
                "retype this line in a plain text editor",
                at=(line, column),
            )
    if len(found) > MAX_REPORTED:
        problems.warn((), f"{len(found) - MAX_REPORTED} more control characters were removed")
    if not found:
        return text, removed
    gone = set(found)
    return "".join(char for i, char in enumerate(text) if i not in gone), removed


class _Converter:
    def __init__(
        self, problems: Problems, text: str, repaired: set[int], removed: _Removed
    ) -> None:
        self.problems = problems
        self.text = text
        self.repaired = repaired
        self.removed = removed
        """Lines repaired to read on: their values are guesses, so they are not checked."""
        self.marks: Marks = problems.marks
        self.seen: set[int] = set()

    def _at(self, node: yaml.Node) -> tuple[int, int]:
        return self.removed.original(node.start_mark.line + 1, node.start_mark.column + 1)

    def _position(self, index: int) -> tuple[int, int]:
        line_start = self.text.rfind("\n", 0, index) + 1
        line = self.text.count("\n", 0, index) + 1
        return self.removed.original(line, index - line_start + 1)

    def convert(self, node: yaml.Node, path: KeyPath, depth: int) -> Any:
        self.marks.setdefault(path, self._at(node))
        if id(node) in self.seen:
            self.problems.add(
                path, "anchors and aliases (&name / *name) are not allowed; write the value out"
            )
            return REJECTED
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problems.add(path, f"nested too deeply (the limit is {MAX_DEPTH} levels)")
            return REJECTED
        if node.tag not in (_STR, _SEQ, _MAP):
            self.problems.add(
                path, f"the tag {node.tag!r} is not allowed; remove it", at=self._at(node)
            )
            return REJECTED
        if node.start_mark.line + 1 in self.repaired and (
            isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False)
        ):
            return REJECTED
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        return self._mapping(node, path, depth)

    def _scalar(self, node: yaml.ScalarNode, path: KeyPath) -> str | None:
        value: str = node.value
        if not node.style and value == "":  # the C loader says '' for plain, Python None
            return None  # `key:` with nothing after it
        if has_unsafe(value):  # written as an escape such as "\e" inside double quotes
            self.problems.warn(
                path, "control characters removed from this text; retype it in a plain editor"
            )
        raw = self.text[node.start_mark.index : node.end_mark.index]
        if "\t" in raw:
            self.problems.warn(
                path,
                "a tab inside the text; screens show it as a jump of up to 8 columns: "
                "replace it with a space",
                at=self._position(node.start_mark.index + raw.index("\t")),
            )
        if not node.style:
            rest = self.text[node.end_mark.index :].split("\n", 1)[0]
            comment = rest.lstrip()
            if comment.startswith("#") and comment[1:2] not in ("", " ") and rest[:1].isspace():
                self.problems.warn(
                    path,
                    "' #' starts a comment, so the words after it are not shown; if they are "
                    "part of the text, put the whole text in quotes",
                    at=self._position(node.end_mark.index + len(rest) - len(rest.lstrip())),
                )
        return clean(value)

    def _mapping(self, node: yaml.MappingNode, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self.problems.add(path, "a key must be a plain word", at=self._at(key_node))
                continue
            key = one_line(key_node.value)
            at = self._at(key_node)
            if key != key_node.value:
                self.problems.warn(
                    path, f"control characters removed from the key {key!r}; retype it", at=at
                )
            if key in first_line:
                self.problems.add(
                    (*path, key),
                    f"duplicate key {key!r} (first at line {first_line[key]}); keep only one",
                    at=at,
                )
                continue
            first_line[key] = at[0]
            self.marks[(*path, key)] = at
            result[key] = self.convert(value_node, (*path, key), depth + 1)
        return result

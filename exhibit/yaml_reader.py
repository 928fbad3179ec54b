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
from .text import clean, has_unsafe

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 20
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
    """Plain data from YAML text; problems (with their lines) for anything refused."""
    loader = _StringsOnlyLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        at = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        detail = " ".join(str(part) for part in (error.context, error.problem) if part)
        problems.add((), f"YAML syntax: {detail}; check indentation, colons and quotes", at=at)
        return None
    except yaml.YAMLError as error:
        problems.add((), f"YAML syntax: {error}")
        return None
    except RecursionError:
        problems.add((), f"nested too deeply (the limit is {MAX_DEPTH} levels)")
        return None
    finally:
        loader.dispose()
    if root is None:
        problems.add((), "the file holds no data", at=(1, 1))
        return None
    return _Converter(problems).convert(root, (), 0)


class _Converter:
    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.marks: Marks = problems.marks
        self.seen: set[int] = set()

    def _at(self, node: yaml.Node) -> tuple[int, int]:
        return (node.start_mark.line + 1, node.start_mark.column + 1)

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
        if has_unsafe(value):
            self.problems.warn(
                path, "control characters removed from this text; retype it in a plain editor"
            )
        return clean(value)

    def _mapping(self, node: yaml.MappingNode, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self.problems.add(path, "a key must be a plain word", at=self._at(key_node))
                continue
            key = key_node.value
            at = self._at(key_node)
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

"""exhibit.yaml -> frozen Exhibit, or the full list of what a curator must fix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .checks import check_exhibit
from .model import Exhibit
from .problems import Problems
from .validate import INVALID, convert
from .yaml_reader import parse, read_text


@dataclass(frozen=True)
class LoadResult:
    """The exhibit (None if any error was found) and every problem, errors and warnings."""

    exhibit: Exhibit | None
    problems: Problems
    folder: Path

    @property
    def ok(self) -> bool:
        """No errors at all (warnings allowed): what `--check` passes."""
        return not self.problems.errors


def load_exhibit(path: Path) -> LoadResult:
    """Read, validate and check one exhibit file. Never raises for anything in the file."""
    problems = Problems(path)
    folder = path.resolve().parent
    text = read_text(path, problems)
    data = parse(text, problems) if text is not None else None
    if data is None:
        return LoadResult(None, problems, folder)
    if not isinstance(data, dict):
        problems.add(
            (),
            "the top of the file must be keys (exhibit:, panels:, ...), not a list "
            "or a single value",
            at=(1, 1),
        )
        return LoadResult(None, problems, folder)
    exhibit = convert(data, Exhibit, (), problems)
    if exhibit is INVALID:
        return LoadResult(None, problems, folder)
    check_exhibit(exhibit, folder, problems)
    return LoadResult(None if problems.blocking else exhibit, problems, folder)

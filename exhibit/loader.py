"""exhibit.yaml -> frozen Exhibit, or the full list of what a curator must fix.

One rule decides, for `--check`, for start-up and for live reload alike: any error means the
file is not shown; warnings never stop it. Everything that could be read is checked in the
same run, so a curator sees every problem at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from .checks import check_advice, check_edition, check_exhibit
from .compiled import exhibit_folder, text_digest
from .languages import split_languages
from .model import Exhibit
from .problems import Problems
from .validate import convert
from .yaml_reader import parse, read_text


@dataclass(frozen=True)
class LoadResult:
    """The exhibit (None if any error was found) and every problem, errors and warnings."""

    exhibit: Exhibit | None
    problems: Problems
    folder: Path
    editions: Mapping[str, Exhibit] = field(default_factory=lambda: MappingProxyType({}))
    """The exhibit in each of its languages, the default first (empty for one language)."""
    digest: str = ""
    """The digest of the text read (compiled.text_digest): the compiled copy's key."""

    @property
    def ok(self) -> bool:
        """The exhibit loaded (warnings allowed): `--check` says OK exactly when the kiosk
        would show the file."""
        return self.exhibit is not None


def load_exhibit(path: Path, *, advice: bool = True) -> LoadResult:
    """Read, validate and check one exhibit file. Never raises for anything in the file.

    Without `advice` the checks that can only warn are left out (errors are all found, so
    whether the exhibit is shown is decided as with them): the kiosk's start gives them
    after its title is drawn (`advise`), the warnings going to the log."""
    problems = Problems(path)
    folder = exhibit_folder(path)
    text = read_text(path, problems)
    data = parse(text, problems) if text is not None else None
    if data is None:
        return LoadResult(None, problems, folder)
    if not isinstance(data, dict):
        problems.add(
            (),
            "the top of the file must be keys (exhibit:, panels:, ...), not a list "
            "or a single text; start the first line with 'exhibit:'",
            at=problems.where(()),
        )
        return LoadResult(None, problems, folder)
    documents = split_languages(data, problems)
    default, *others = documents
    exhibit = convert(documents[default], Exhibit, problems)
    problems.quiet_on_unreadable = True  # stand-ins are not checked again
    check_exhibit(exhibit, folder, problems, advice=advice)
    if problems.errors:
        return LoadResult(None, problems, folder)
    editions = {default: exhibit} if others else {}
    for code in others:
        # Same structure as the default edition, so no new problems; only texts differ.
        editions[code] = edition = convert(documents[code], Exhibit, Problems(path))
        if advice:
            check_edition(edition, code, problems)
    return LoadResult(
        exhibit, problems, folder, MappingProxyType(editions), text_digest(text or "")
    )


def advise(result: LoadResult) -> None:
    """Add to `result` (from `load_exhibit(..., advice=False)`) the warnings left out."""
    if result.exhibit is None:
        return
    check_advice(result.exhibit, result.folder, result.problems)
    for code, edition in list(result.editions.items())[1:]:  # the default edition is first
        check_edition(edition, code, result.problems)

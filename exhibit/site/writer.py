"""`kiosk site DIR`: the whole exhibit as a static website, every language, every panel."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..model import Exhibit
from .addresses import INDEX, SOURCES, STYLESHEET, language_folder, panel_file
from .frame import Alternate, Frame
from .pages import chooser_page, index_page, panel_page, sources_page
from .pictures import PictureShelf
from .words import site_words

UNDECLARED_LANGUAGE = "en"
"""The `lang` of pages of an exhibit that lists no languages (list one to say which)."""


@dataclass
class SiteReport:
    """The files written (relative to the site's folder) and pictures that could not be."""

    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def write_site(
    exhibit: Exhibit,
    exhibit_folder: Path,
    site_folder: Path,
    editions: Mapping[str, Exhibit] | None = None,
) -> SiteReport:
    """Write the website of `exhibit` (one edition per language) into `site_folder`.

    Files already there are replaced when the site has a file of that name; others are left.
    Raises OSError if the folder cannot be written."""
    languages = exhibit.languages or (UNDECLARED_LANGUAGE,)
    all_editions = {code: (editions or {}).get(code, exhibit) for code in languages}
    report = SiteReport()
    shelf = PictureShelf(exhibit_folder, site_folder)
    site_folder.mkdir(parents=True, exist_ok=True)

    def save(relative: str, content: str | bytes) -> None:
        target = site_folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        report.files.append(relative)

    save(STYLESHEET, resources.files(__package__).joinpath(STYLESHEET).read_bytes())
    for code, edition in all_editions.items():
        folder = language_folder(exhibit, code)
        up = "../" * folder.count("/")

        def frame(file: str, code: str = code, edition: Exhibit = edition, up: str = up) -> Frame:
            others = tuple(
                Alternate(other, f"{up}{language_folder(exhibit, other)}{file}")
                for other in all_editions
                if other != code
            )
            return Frame(code, site_words(code), edition.title, INDEX, up + STYLESHEET, others)

        save(folder + INDEX, index_page(edition, frame(INDEX)))
        for number, panel in enumerate(edition.panels):
            page_file = panel_file(panel.id)
            save(folder + page_file, panel_page(edition, number, frame(page_file), shelf, up))
        save(folder + SOURCES, sources_page(edition, frame(SOURCES)))
    if language_folder(exhibit, languages[0]):  # several languages: a page to choose one
        first = languages[0]
        top = Frame(first, site_words(first), exhibit.title, INDEX, STYLESHEET)
        save(INDEX, chooser_page(all_editions, top))
    report.files.extend(picture.path for picture in shelf.written.values() if picture)
    report.problems.extend(shelf.problems)
    return report

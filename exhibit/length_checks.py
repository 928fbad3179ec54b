"""How long a standing visitor will read, in any script; and rights kept out of visitors' sight.

Words are counted where words are separated by spaces. Japanese, Chinese and Korean without
spaces would count a whole paragraph as one "word", so text that is mostly such characters is
measured in characters instead (museum practice: a label of 50-150 words; the bundled exhibit's
Japanese runs at about 2.5 characters for each English word, which sets the limits below).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import msgspec

from .languages import is_translatable
from .model import Exhibit
from .problems import KeyPath, Problems, dotted
from .text import word_count
from .validate import type_info

MAX_LEAD_WORDS = 120
MAX_LEAD_CHARACTERS = 300
"""The lead's limit in Japanese, Chinese or Korean (no spaces between words)."""
MAX_BODY_CHARACTERS = 650
"""The body's limit in those scripts (the word limit for the others is in checks.py)."""

RIGHTS = re.compile(
    r"\brights?\b[^.;\n]{0,30}\b(clear|cleared|clearance|reserved|holder|pending|licen[cs]ed?)\b"
    r"|\b(clear|cleared|clearance|reserved|holder|pending|licen[cs]ed?)\b[^.;\n]{0,30}\brights?\b"
    r"|copyright|©|権利処理|権利者|著作権|使用許諾|許諾",
    re.IGNORECASE,
)
"""Words about image rights, which are for staff (the `rights:` field), not for visitors."""


def is_wide_script(text: str) -> bool:
    """Whether `text` is mostly written without spaces between words (CJK characters)."""
    letters = [char for char in text if not char.isspace() and char.isalnum()]
    wide = sum(1 for char in letters if unicodedata.east_asian_width(char) in "WF")
    return bool(letters) and wide * 2 > len(letters)


def characters(text: str) -> int:
    """Characters a visitor reads: everything except spaces and line breaks."""
    return sum(1 for char in text if not char.isspace())


def check_lengths(edition: Exhibit, language: str | None, problems: Problems) -> None:
    """Warn about long leads (any script), long bodies in CJK scripts, and rights in
    visitor-facing text."""
    where = f"in {language!r}, " if language else ""
    for index, panel in enumerate(edition.panels):
        lead, body = panel.lead, panel.body
        if is_wide_script(lead) and characters(lead) > MAX_LEAD_CHARACTERS:
            problems.warn(
                ("panels", index, "lead"),
                f"{where}the lead has {characters(lead)} characters; keep it to about "
                f"{MAX_LEAD_CHARACTERS} and move the rest to 'body'",
            )
        elif not is_wide_script(lead) and word_count(lead) > MAX_LEAD_WORDS:
            problems.warn(
                ("panels", index, "lead"),
                f"{where}the lead has {word_count(lead)} words; keep it to about "
                f"{MAX_LEAD_WORDS} and move the rest to 'body'",
            )
        if is_wide_script(body) and characters(body) > MAX_BODY_CHARACTERS:
            problems.warn(
                ("panels", index, "body"),
                f"{where}the body has {characters(body)} characters; museum labels keep to "
                f"about {MAX_BODY_CHARACTERS}: shorten it or split it into another panel",
            )
    for path, text in visitor_texts(edition):
        found = RIGHTS.search(text)
        if found:
            problems.warn(
                path,
                f"{where}visitors would read {found.group(0)!r}: rights are for staff; "
                "write them in the image's 'rights:' field, which the kiosk never shows",
            )


def visitor_texts(value: msgspec.Struct, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every visitor-facing text (the fields that may be given per language) with its path."""
    for field in type_info(type(value)).fields:
        name = field.name
        item = getattr(value, name)
        if isinstance(item, str):
            if is_translatable(field.type):
                yield (*path, name), item
        elif isinstance(item, tuple):
            for number, element in enumerate(item):
                if isinstance(element, msgspec.Struct):
                    yield from visitor_texts(element, (*path, name, number))
        elif isinstance(item, msgspec.Struct):
            yield from visitor_texts(item, (*path, name))


def rights_notes(exhibit: Exhibit, problems: Problems) -> list[str]:
    """One line for each image's `rights:` note, as `--check` lists them for staff."""
    notes = []
    for p_index, panel in enumerate(exhibit.panels):
        for i_index, image in enumerate(panel.images):
            if image.rights.strip():
                path = ("panels", p_index, "images", i_index, "rights")
                line, column = problems.where(path)
                notes.append(
                    f"{problems.file}:{line}:{column}: note: {dotted(path)}: {image.rights.strip()}"
                )
    return notes

"""Checks that need the whole exhibit: ids, citations, media paths and museum label practice."""

from __future__ import annotations

import difflib
from pathlib import Path

from .drawings.checks import check_drawings
from .fit import check_fit
from .hours import problems_in
from .length_checks import check_lengths
from .media_problems import missing
from .model import Exhibit
from .problems import Problems
from .text import sentences, word_count

MAX_ALT = 125
MAX_BODY_WORDS = 250
MAX_SENTENCE_WORDS = 25
MEANWHILE = "Until then the kiosk shows the description instead"
"""Said after every media problem: a picture that cannot be shown never stops the kiosk."""


def check_exhibit(
    exhibit: Exhibit, folder: Path, problems: Problems, *, advice: bool = True
) -> None:
    """Record every cross-field problem of a structurally valid exhibit; without `advice`,
    the checks that can only warn (check_advice) are left for later."""
    _languages(exhibit, problems)
    _unique_ids(exhibit, problems)
    _citations(exhibit, problems)
    _timeline(exhibit, problems)
    _labels(exhibit, problems)
    if advice:
        check_advice(exhibit, folder, problems)
    _hours(exhibit, problems)
    check_drawings(exhibit, problems)


def check_advice(exhibit: Exhibit, folder: Path, problems: Problems) -> None:
    """The checks that only ever warn (the kiosk shows the exhibit whatever they find):
    label lengths, fit on a small screen, and every picture opened. The kiosk runs them after
    its title is on screen (loader.advise); --check and live reload run them at once."""
    check_lengths(exhibit, None, problems)
    check_fit(exhibit, problems)
    _media(exhibit, folder, problems)


def _hours(exhibit: Exhibit, problems: Problems) -> None:
    if exhibit.kiosk.hours is not None:
        for field, message in problems_in(exhibit.kiosk.hours):
            problems.add(("kiosk", "hours", *_key_path(field)), message)


def _key_path(field: str) -> tuple[str | int, ...]:
    """'closed[2]' -> ('closed', 2)."""
    name, _, index = field.partition("[")
    return (name, int(index.rstrip("]"))) if index else (name,)


def check_edition(edition: Exhibit, language: str, problems: Problems) -> None:
    """The checks whose outcome depends on the language: length of alt text and fit."""
    for p_index, panel in enumerate(edition.panels):
        for i_index, image in enumerate(panel.images):
            if len(image.alt) > MAX_ALT:
                problems.warn(
                    ("panels", p_index, "images", i_index, "alt"),
                    f"in {language!r}, the alt text has {len(image.alt)} characters; keep it "
                    f"to {MAX_ALT} and move detail to 'description'",
                )
    check_lengths(edition, language, problems)
    check_fit(edition, problems, language)


def _languages(exhibit: Exhibit, problems: Problems) -> None:
    info = exhibit.exhibit
    for index, code in enumerate(info.languages):
        if info.languages.index(code) != index:
            problems.add(("exhibit", "languages", index), f"{code!r} is listed twice")
    if info.default_language and info.default_language not in info.languages:
        listed = ", ".join(info.languages) or "none"
        problems.add(
            ("exhibit", "default_language"),
            f"{info.default_language!r} is not in 'languages' (listed: {listed}); "
            "add it there or correct the code",
        )


def _unique_ids(exhibit: Exhibit, problems: Problems) -> None:
    for section, ids in (
        ("panels", [p.id for p in exhibit.panels]),
        ("sources", [s.id for s in exhibit.sources]),
    ):
        for index, item_id in enumerate(ids):
            first = ids.index(item_id)
            if first != index:
                problems.add(
                    (section, index, "id"),
                    f"the id {item_id!r} is already used by {section}[{first}]; ids must be unique",
                )


def _citations(exhibit: Exhibit, problems: Problems) -> None:
    defined = [s.id for s in exhibit.sources]
    cited: set[str] = set()
    for p_index, panel in enumerate(exhibit.panels):
        for s_index, source_id in enumerate(panel.sources):
            cited.add(source_id)
            if source_id not in defined:
                close = difflib.get_close_matches(source_id, defined, n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                problems.add(
                    ("panels", p_index, "sources", s_index),
                    f"source {source_id!r} is not in the sources list; {hint}"
                    "add it under 'sources:' or correct the id",
                )
    if any(problems.is_unreadable(("panels", i, "sources")) for i in range(len(exhibit.panels))):
        return  # a citation that could not be read may be the missing one
    for index, source in enumerate(exhibit.sources):
        if source.id not in cited:
            problems.warn(
                ("sources", index, "id"),
                f"source {source.id!r} is cited by no panel; add it to a panel's 'sources:' "
                "or remove it",
            )


def _timeline(exhibit: Exhibit, problems: Problems) -> None:
    whole = exhibit.exhibit.timeline
    spans = [(("exhibit", "timeline"), whole)] + [
        (("panels", i, "timeline"), p.timeline) for i, p in enumerate(exhibit.panels)
    ]
    for path, span in spans:
        if span is None:
            continue
        if span.start > span.end:
            problems.add(path, f"start ({span.start}) is after end ({span.end})")
        elif (
            whole is not None
            and path[0] == "panels"
            and (span.start < whole.start or span.end > whole.end)
        ):
            problems.warn(
                path,
                f"{span.start}-{span.end} lies outside the exhibit's timeline "
                f"{whole.start}-{whole.end}; the marker is clipped",
            )


def _labels(exhibit: Exhibit, problems: Problems) -> None:
    for p_index, panel in enumerate(exhibit.panels):
        path = ("panels", p_index, "body")
        words = word_count(panel.body)
        if words > MAX_BODY_WORDS:
            problems.warn(
                path, f"the body has {words} words; museum labels keep to {MAX_BODY_WORDS}"
            )
        for sentence in sentences(panel.body):
            if word_count(sentence) > MAX_SENTENCE_WORDS:
                start = " ".join(sentence.split()[:6])
                problems.warn(
                    path,
                    f"the sentence starting {start!r}... has {word_count(sentence)} words; "
                    f"keep sentences to {MAX_SENTENCE_WORDS} words or fewer",
                )
        for i_index, image in enumerate(panel.images):
            alt_path = ("panels", p_index, "images", i_index, "alt")
            if not image.alt.strip():
                problems.add(alt_path, "the alt text is empty; describe the image in a sentence")
            elif len(image.alt) > MAX_ALT:
                problems.warn(
                    alt_path,
                    f"the alt text has {len(image.alt)} characters; keep it to {MAX_ALT} "
                    "and move detail to 'description'",
                )


def _media(exhibit: Exhibit, folder: Path, problems: Problems) -> None:
    """A picture that cannot be shown is a warning, never an error: missing, damaged or too
    large alike, the kiosk shows its description, at start-up and on live reload, and
    `--check` says OK. Each message names the file as the curator wrote it."""
    from . import media  # Pillow: not before the kiosk's title (check_advice)

    for p_index, panel in enumerate(exhibit.panels):
        for i_index, image in enumerate(panel.images):
            if image.file is None:
                continue
            path = ("panels", p_index, "images", i_index, "file")
            target = Path(image.file)
            try:
                target = media.resolve(folder, image.file)
                media.inspect(target)
            except FileNotFoundError:
                problems.warn(path, f"{missing(image.file)}. {MEANWHILE}")
            except media.MediaError as error:
                reason = str(error).replace(repr(target.name), repr(image.file))
                problems.warn(path, f"{reason}. {MEANWHILE}")

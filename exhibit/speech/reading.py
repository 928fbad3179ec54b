"""What audio description reads on a page, in the page's order, straight from the model.

Pure functions of the frozen model (no Textual, no engine): the UI asks for the parts of the
page the visitor sees and gives them to `Speaker.speak`; each part is one paragraph-sized piece
the screen can show while it is read.
"""

from __future__ import annotations

import re
from typing import Final

from ..drawings.spoken import sentences
from ..model import Exhibit, Panel
from ..text import cells

_LINK: Final = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS: Final = re.compile(r"[*_`#>]+")
_BULLET: Final = re.compile(r"^[ \t]*(?:[-+*]|\d+[.)])[ \t]+", re.MULTILINE)


def plain(markdown: str) -> tuple[str, ...]:
    """Markdown as the paragraphs a listener hears: no emphasis marks or bullets, links as
    their words, one part per paragraph."""
    text = _LINK.sub(r"\1", markdown)
    text = _BULLET.sub("", text)
    text = _MARKS.sub("", text)
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return tuple(p for p in paragraphs if p)


def panel_reading(panel: Panel, *, deeper_open: bool = False) -> tuple[str, ...]:
    """A panel read aloud: title, period, lead, the deeper layer (the body) when the visitor
    has opened it or when there is no lead, the facts, then each picture's words.

    `lead` is read with getattr: panels gain it when the exhibit grows a second layer.
    """
    lead: str = getattr(panel, "lead", "") or ""
    parts = [panel.title, panel.period, *plain(lead)]
    if deeper_open or not lead.strip():
        parts += plain(panel.body)
    parts += [_fact(fact.label, fact.text) for fact in panel.facts]
    for image in panel.images:
        # A chart's or timeline's every figure and date, and a map's names, as sentences.
        parts += [image.caption, image.description or image.alt, " ".join(sentences(image))]
    return _kept(parts)


def title_reading(exhibit: Exhibit) -> tuple[str, ...]:
    """The title page read aloud: title, subtitle, introduction."""
    info = exhibit.exhibit
    return _kept([info.title, info.subtitle, *plain(info.intro)])


def page_reading(
    exhibit: Exhibit, panel: Panel | None = None, *, deeper_open: bool = False
) -> tuple[str, ...]:
    """The parts of the page the visitor sees: a panel's, or the title page's (panel None)."""
    if panel is None:
        return title_reading(exhibit)
    return panel_reading(panel, deeper_open=deeper_open)


def _fact(label: str, text: str) -> str:
    """A fact as one sentence: its label, a pause, its text."""
    label, text = label.strip(), text.strip()
    if not label or not text:
        return label or text
    wide = cells(label + text) != len(label + text)  # Japanese (or Chinese): a 、 pause
    return f"{label}、{text}" if wide else f"{label}. {text}"


def _kept(parts: list[str]) -> tuple[str, ...]:
    return tuple(" ".join(part.split()) for part in parts if part.strip())

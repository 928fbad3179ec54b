"""Curator Markdown, shown as text: paragraphs, *italics* and **bold**; links as their words.

One widget per text, not Textual's Markdown widget: that builds a widget per paragraph and
parses on mount, which cost about a fifth of every page turn. Curators write label prose, not
documents; list lines ("- ", "* ", "1. ") keep their lines, with a bullet. Nothing here is
live: no link opens, no markup is interpreted beyond the emphasis marks."""

from __future__ import annotations

import re

from textual.content import Content
from textual.widgets import Static

_INLINE = re.compile(
    r"\*\*(?P<bold>[^*]+)\*\*"
    r"|\*(?P<italic>[^*\s][^*]*)\*"
    r"|(?<!\w)_(?P<underscored>[^_\s][^_]*)_(?!\w)"
    r"|\[(?P<link>[^\]]*)\]\([^)\s]*\)"
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _inline(text: str) -> list[str | tuple[str, str]]:
    parts: list[str | tuple[str, str]] = []
    end = 0
    for match in _INLINE.finditer(text):
        parts.append(text[end : match.start()])
        if match["bold"] is not None:
            parts.append((match["bold"], "bold"))
        elif match["italic"] is not None or match["underscored"] is not None:
            parts.append((match["italic"] or match["underscored"], "italic"))
        else:
            parts.append(match["link"])
        end = match.end()
    parts.append(text[end:])
    return parts


def markdown_content(markdown: str) -> Content:
    """The text as a visitor reads it: paragraphs a blank line apart, lines rewrapped."""
    parts: list[str | tuple[str, str]] = []
    for paragraph in re.split(r"\n\s*\n", markdown.strip()):
        lines = [line for line in paragraph.splitlines() if line.strip()]
        if not lines:
            continue
        if parts:
            parts.append("\n\n")
        if all(_LIST_ITEM.match(line) for line in lines):
            for number, line in enumerate(lines):
                parts += ["\n" if number else "", "• ", *_inline(_LIST_ITEM.sub("", line))]
        else:
            parts += _inline(" ".join(" ".join(lines).split()))
    return Content.assemble(*parts)


class MarkdownText(Static):
    """A curator's Markdown text (a panel body, the intro, the credits)."""

    def __init__(self, markdown: str, *, classes: str | None = None) -> None:
        super().__init__(markdown_content(markdown), classes=classes)
        self.source = markdown
        """The text as the curator wrote it."""

"""Curator Markdown as safe HTML for the website: raw HTML is shown as text, links keep their
words but lead nowhere (as on the kiosk, and no page asks another host for anything), pictures
written in Markdown become their alt text, and headings sit below the page's own."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from ..text import clean

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

HEADING_SHIFT = 2
"""A page has its h1 (the title) and h2 (its sections): the curator's # becomes h3."""


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # a dependency of Textual's Markdown too
    from markdown_it.renderer import RendererHTML

    # Rules are called as the renderer's methods: (renderer, tokens, index, options, env).
    parser = MarkdownIt("commonmark", {"html": False})

    def nothing(*_: Any) -> str:
        return ""

    def alt_text(_renderer: Any, tokens: Sequence[Token], index: int, *_: Any) -> str:
        inline = RendererHTML().renderInline
        return inline(tokens[index].children or [], parser.options, {})

    def heading(_renderer: Any, tokens: Sequence[Token], index: int, *_: Any) -> str:
        token = tokens[index]
        level = min(6, int(token.tag[1]) + HEADING_SHIFT)
        return f"<h{level}>" if token.nesting == 1 else f"</h{level}>\n"

    for rule in ("link_open", "link_close"):
        parser.add_render_rule(rule, nothing)
    parser.add_render_rule("image", alt_text)
    for rule in ("heading_open", "heading_close"):
        parser.add_render_rule(rule, heading)
    return parser


def markdown_html(text: str) -> str:
    """`text` (Markdown) as HTML; every character of the curator's is escaped or dropped."""
    return _parser().render(clean(text)) if text.strip() else ""

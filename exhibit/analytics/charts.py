"""Bar charts as inline SVG for the HTML report: no script, no network, any browser."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

WIDTH = 720
BAR = 22
"""Height of one horizontal bar and its gap, in pixels."""
LABEL = 220
"""Width given to the labels left of horizontal bars."""
COLOUR = "#2f5d8a"


def horizontal_bars(title: str, items: Sequence[tuple[str, float]], unit: str = "") -> str:
    """One bar per item, longest scale = the largest value, the value written after it."""
    if not items:
        return ""
    top = max(value for _, value in items) or 1
    room = WIDTH - LABEL - 70
    height = BAR * len(items) + 8
    parts = [_open(title, height)]
    for i, (label, value) in enumerate(items):
        y = 4 + i * BAR
        length = room * value / top
        shown = f"{value:.1f}" if unit == " %" else _number(value)
        parts.append(
            f'<text x="{LABEL - 8}" y="{y + 15}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{LABEL}" y="{y + 3}" width="{length:.1f}" height="{BAR - 6}" '
            f'fill="{COLOUR}"/>'
            f'<text x="{LABEL + length + 6:.1f}" y="{y + 15}">{shown}{unit}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def columns(title: str, items: Sequence[tuple[str, float]], every: int = 1) -> str:
    """Vertical columns left to right (days, hours); every `every`-th label is written."""
    if not items:
        return ""
    top = max(value for _, value in items) or 1
    plot_height, base = 160, 180
    step = min(40.0, (WIDTH - 60) / len(items))  # a few days: narrow columns, not slabs
    parts = [_open(title, base + 40)]
    parts.append(f'<text x="4" y="14">{_number(top)}</text>')
    parts.append(f'<line x1="40" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="#888"/>')
    for i, (label, value) in enumerate(items):
        x = 40 + i * step
        height = plot_height * value / top
        parts.append(
            f'<rect x="{x + step * 0.1:.1f}" y="{base - height:.1f}" width="{step * 0.8:.2f}" '
            f'height="{height:.1f}" fill="{COLOUR}"><title>{escape(label)}: '
            f"{_number(value)}</title></rect>"
        )
        if i % every == 0 or i == len(items) - 1:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{base + 16}" text-anchor="middle">'
                f"{escape(label)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def _open(title: str, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-size="13"><title>{escape(title)}</title>'
    )


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"

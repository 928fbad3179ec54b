"""A QR code drawn in half blocks: each cell is "▀", its foreground the upper module and its
background the lower one, black on white whatever the theme (a phone reads dark modules on a
light ground; high contrast changes nothing here). With no address it takes no room at all."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from ...qr import Matrix, qr_matrix

UPPER_HALF = "▀"
DARK = "#000000"
LIGHT = "#ffffff"
_STYLES = {
    (top, bottom): Style(color=DARK if top else LIGHT, bgcolor=DARK if bottom else LIGHT)
    for top in (False, True)
    for bottom in (False, True)
}


def qr_lines(matrix: Matrix) -> list[Strip]:
    """One strip per two rows of modules; a light row completes an odd last one."""
    rows = [*matrix, (False,) * len(matrix[0])] if len(matrix) % 2 else list(matrix)
    lines = []
    for top in range(0, len(rows), 2):
        segments: list[Segment] = []
        for pair in zip(rows[top], rows[top + 1], strict=True):
            style = _STYLES[pair]
            if segments and segments[-1].style is style:  # runs of one pair are one segment
                segments[-1] = Segment(segments[-1].text + UPPER_HALF, style)
            else:
                segments.append(Segment(UPPER_HALF, style))
        lines.append(Strip(segments, len(rows[top])))
    return lines


class QRCode(Widget):
    """The QR code of `address` (a panel's page, or the whole exhibit's), or nothing."""

    DEFAULT_CSS = """
    QRCode { width: auto; height: auto; }
    QRCode.-empty { display: none; }
    """

    address: reactive[str | None] = reactive(None, layout=True)

    def __init__(
        self, address: str | None = None, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: list[Strip] = []
        self.set_reactive(QRCode.address, address)
        self._draw(address)

    def watch_address(self, address: str | None) -> None:
        self._draw(address)
        self.refresh(layout=True)

    def _draw(self, address: str | None) -> None:
        self._lines = qr_lines(qr_matrix(address)) if address else []
        self.set_class(not address, "-empty")
        self.tooltip = address

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self._lines[0].cell_length if self._lines else 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines)

    def render_line(self, y: int) -> Strip:
        return self._lines[y] if 0 <= y < len(self._lines) else Strip.blank(self.size.width)

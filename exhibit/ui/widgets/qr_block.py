"""A QR code with its caption ("This panel on your phone"), shown only whole: where the column
it stands in is narrower than the code, a phone could not read it, so neither is shown."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from .qr_code import QRCode


class QRBlock(Vertical):
    def __init__(self, address: str, caption: str, *, classes: str = "") -> None:
        super().__init__(classes=f"qr-block {classes}".strip())
        self.address = address
        self.caption = caption

    def compose(self) -> ComposeResult:
        yield QRCode(self.address)
        yield Static(Content(self.caption), classes="qr-caption")

    def on_resize(self, event: events.Resize) -> None:
        code = self.query_one(QRCode)
        needed = code.get_content_width(event.size, event.size)
        self.set_class(event.size.width < needed, "-no-room")

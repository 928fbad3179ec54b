"""Messages that screens and widgets post up to the app: they never call it.

Attributes go down (words, settings, the exhibit); what a visitor asks for comes up as an
`Asked` carrying the same request a key would make (journey.Tap), and the app feeds it to the
journey."""

from __future__ import annotations

from textual.message import Message

from ..journey import Do, Tap


class Asked(Message):
    """A visitor touched or clicked a target that asks for `tap`."""

    def __init__(self, do: Do, number: int = 0) -> None:
        super().__init__()
        self.tap = Tap(do, number)


class PictureLaid(Message):
    """A picture was laid out at `box` pixels: the size to prepare the next pictures at."""

    def __init__(self, box: tuple[int, int]) -> None:
        super().__init__()
        self.box = box

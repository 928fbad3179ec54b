"""Screen care for months of the same exhibit: no bright element stays on the same cells for
hours. While nobody is at the kiosk the page is moved by a cell now and then around a small
circle, and after a long quiet spell it is dimmed. Pure arithmetic on elapsed seconds, handed in
by the caller's clock, so 24 hours can be checked in a loop."""

from __future__ import annotations

SHIFT_EVERY = 600.0
"""Seconds between moves of the page while unattended (ten minutes)."""
DIM_AFTER = 1800.0
"""Seconds without a visitor after which the unattended screen is dimmed (half an hour)."""

# One cell at a time around the centre, so a move is never a jump a passer-by notices; every
# cell of a line of text is covered by a different cell at least once per round.
SHIFTS: tuple[tuple[int, int], ...] = (
    (0, 0),
    (1, 0),
    (1, 1),
    (0, 1),
    (-1, 1),
    (-1, 0),
    (-1, -1),
    (0, -1),
    (1, -1),
)


def offset(unattended: float) -> tuple[int, int]:
    """(columns, rows) to move the page after `unattended` seconds without a visitor."""
    if unattended < 0:
        return SHIFTS[0]
    return SHIFTS[int(unattended // SHIFT_EVERY) % len(SHIFTS)]


def dimmed(unattended: float) -> bool:
    """Whether the unattended screen should be dimmed."""
    return unattended >= DIM_AFTER

"""QR codes of the exhibit's web addresses, as a matrix of dark and light modules.

The kiosk draws the matrix itself (ui/widgets/qr_code.py, in half blocks), so nothing here
knows about terminals; segno, a small pure-Python QR library, is imported only when a code is
made (never for an exhibit without `site_url`).
"""

from __future__ import annotations

from functools import lru_cache

QUIET_ZONE = 2
"""Light modules around the code. The standard asks for 4; phone cameras read 2 well, and a
kiosk screen has little room."""
ERROR_CORRECTION = "l"
"""Low (7 %) error correction, raised by segno wherever it costs no size: a screen is not a
printed label that gets scuffed, and every level saved is 4 modules less each way (a typical
panel address, about 50 characters, makes a code 33 columns wide and 17 lines high)."""

Matrix = tuple[tuple[bool, ...], ...]
"""Rows of modules, True for dark, quiet zone included."""


@lru_cache(maxsize=64)
def qr_matrix(address: str, border: int = QUIET_ZONE) -> Matrix:
    """The QR code of `address`: the smallest version that holds it, never a Micro QR
    (phones do not read those)."""
    import segno

    code = segno.make(address, error=ERROR_CORRECTION, micro=False, boost_error=True)
    return tuple(
        tuple(bool(module) for module in row) for row in code.matrix_iter(scale=1, border=border)
    )

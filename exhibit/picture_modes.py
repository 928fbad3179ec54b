"""How pictures can be drawn, as the command line names them (`--images`). Core: the command
line reads it without importing the UI, which chooses among them (ui/images.py)."""

from __future__ import annotations

MODES = ("auto", "kitty", "sixel", "halfcell", "none")
"""`--images` values: auto-detect, a graphics protocol, coloured half blocks, or words only."""

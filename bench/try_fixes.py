"""Try the proposed performance fixes without editing exhibit/ (run by hand).

    python3 bench/try_fixes.py FIXES [kiosk.py arguments ...]
    python3 bench/run.py --try FIXES          # the same, measured against the bare app

FIXES is a comma-separated list (or "all") of the changes proposed in bench/README.md, applied
here by monkeypatching before the kiosk starts, so that each can be measured in the real pty:

  sources  SourceList as one Static holding a Rich grid instead of 1 + 3 widgets per source
  facts    FactsBox likewise (one Static instead of 3 widgets per fact)

The other proposals of bench/README.md (keeping built pages, collecting garbage when nobody is
there, one layout width, cheaper loading, no Pillow init(), the two guards) are in the kiosk
itself now; this file keeps only those not applied.

These are sketches to measure, not the finished changes: the look of sources and facts is
close but not identical.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXES = ("sources", "facts")


def _grid(rows: list[tuple[str, str]], first: int, style: str):  # type: ignore[no-untyped-def]
    from rich.table import Table

    table = Table.grid(padding=(0, 0), expand=True)
    table.add_column(width=first, style=style, no_wrap=False)
    table.add_column(ratio=1)
    for left, right in rows:
        table.add_row(left, right)
    return table


def sources() -> None:
    from textual.content import Content
    from textual.widgets import Static

    from exhibit.ui.widgets.source_list import SourceList

    def compose(self: SourceList):  # type: ignore[no-untyped-def]
        yield Static(Content(self.title), classes="sources-title")
        yield Static(_grid([(s.id, s.text) for s in self.sources], 6, ""))

    SourceList.compose = compose  # type: ignore[method-assign]


def facts() -> None:
    from textual.widgets import Static

    from exhibit.layout import MAX_FACT_LABEL as MAX_LABEL
    from exhibit.text import cells
    from exhibit.ui.widgets.facts_box import FactsBox

    def compose(self: FactsBox):  # type: ignore[no-untyped-def]
        width = min(max(cells(f.label) for f in self.facts), MAX_LABEL) + 2
        accent = f"bold {self.app.current_theme.accent or ''}".strip()
        yield Static(_grid([(f.label, f.text) for f in self.facts], width, accent))

    FactsBox.compose = compose  # type: ignore[method-assign]


def apply(fixes: str) -> tuple[str, ...]:
    """Apply `fixes` ("all" or comma-separated names); the names applied."""
    chosen = FIXES if fixes == "all" else tuple(filter(None, fixes.split(",")))
    unknown = set(chosen) - set(FIXES)
    if unknown:
        raise SystemExit(f"unknown fixes {sorted(unknown)}; choose from {', '.join(FIXES)}")
    for fix in chosen:
        APPLY[fix]()
    return chosen


APPLY = {"sources": sources, "facts": facts}


def main() -> int:
    apply(sys.argv[1])
    from exhibit.cli import main as kiosk

    return kiosk(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())

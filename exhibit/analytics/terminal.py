"""The report in the terminal: one Rich table per figure table (Rich is imported here only)."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from .figures import Report
from .labels import cell_text, words


def print_report(report: Report, language: str, stream: TextIO | None = None) -> None:
    said = words(language)
    console = Console(file=stream, highlight=False)
    console.print(f"[bold]{said['report']}[/bold]")
    if not report.first_day:
        console.print(said["nothing"])
        return
    console.print(said["period"].format(first=report.first_day, last=report.last_day))
    for table in report.tables:
        if not table.rows:
            continue
        shown = RichTable(title=said[table.name], title_justify="left")
        for column in table.columns:
            numeric = isinstance(table.rows[0][table.columns.index(column)], (int, float))
            shown.add_column(said[column], justify="right" if numeric else "left")
        for row in table.rows:
            if table.name == "hours" and row[-1] == 0:
                continue  # 24 rows a kiosk: the empty hours only lengthen it
            cells = (
                Text(cell_text(c, v, language)) for c, v in zip(table.columns, row, strict=True)
            )
            shown.add_row(*cells)
        console.print(shown)
    console.print(said["notes"])

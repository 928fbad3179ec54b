"""The report's tables as CSV files, one per table (summary.csv, days.csv, ...), with the
machine names of columns and values, for a spreadsheet."""

from __future__ import annotations

import csv
from pathlib import Path

from .figures import Report


def write_csv(report: Report, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in report.tables:
        path = folder / f"{table.name}.csv"
        with path.open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(table.columns)
            writer.writerows(table.rows)
        written.append(path)
    return written

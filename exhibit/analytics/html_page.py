"""The report as one self-contained HTML page: tables and inline SVG charts, no script, no
network, in English or Japanese."""

from __future__ import annotations

from html import escape

from . import charts
from .figures import ALL, Report, Table
from .labels import cell_text, words

_STYLE = """
body { font-family: "Noto Sans", "Noto Sans CJK JP", "Hiragino Sans", sans-serif;
  margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border-bottom: 1px solid #ccc; padding: .25rem .6rem; text-align: left; }
td:first-child, th[scope=row] { white-space: nowrap; }
th[scope=row] { font-weight: normal; }
table.crossed th, table.crossed td { padding: .25rem .3rem; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
svg { display: block; max-width: 100%; height: auto; margin: .5rem 0; }
svg text { fill: #1a1a1a; }
.note { color: #444; font-size: .9rem; }
"""


def html_report(report: Report, language: str) -> str:
    said = words(language)
    body = [f"<h1>{escape(said['report'])}</h1>", f'<p class="note">{escape(said["privacy"])}</p>']
    if not report.first_day:
        body.append(f"<p>{escape(said['nothing'])}</p>")
    else:
        period = said["period"].format(first=report.first_day, last=report.last_day)
        body.append(f"<p>{escape(period)}</p>")
        for table in report.tables:
            if table.rows:
                body.append(f"<section><h2>{escape(said[table.name])}</h2>")
                body.append(_chart(report, table, language))
                body.append(
                    _crossed(table, language) if table.name in CROSSED else _table(table, language)
                )
                body.append("</section>")
        body.append(f'<p class="note">{escape(said["notes"])}</p>')
    return (
        f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(said['report'])}</title><style>{_STYLE}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


CROSSED = ("days", "hours")
"""Tables of (kiosk, day or hour, visits), shown with one column per kiosk (days) or per
hour (hours), which is shorter to read; the CSV files keep them one row per figure."""


def _crossed(table: Table, language: str) -> str:
    said = words(language)
    kiosks = list(dict.fromkeys(str(row[0]) for row in table.rows))
    keys = list(dict.fromkeys(str(row[1]) for row in table.rows))
    if table.name == "days":  # each kiosk's days are in order, but not the kiosks' together
        keys.sort()
    value = {(str(row[0]), str(row[1])): str(row[2]) for row in table.rows}
    if table.name == "hours":  # a row per kiosk, a column per hour
        corner, lines, across = said["kiosk"], kiosks, keys
        cells = [[value.get((line, key), "0") for key in across] for line in lines]
    else:  # a row per day, a column per kiosk
        corner, lines, across = said[table.columns[1]], keys, kiosks
        cells = [[value.get((key, line), "") for key in across] for line in lines]
    head = f'<th scope="col">{escape(corner)}</th>' + "".join(
        f'<th class="n" scope="col">{escape(cell_text("kiosk", key, language))}</th>'
        for key in across
    )
    rows = "".join(
        f'<tr><th scope="row">{escape(cell_text("kiosk", line, language))}</th>'
        + "".join(f'<td class="n">{escape(text)}</td>' for text in line_cells)
        + "</tr>"
        for line, line_cells in zip(lines, cells, strict=True)
    )
    return f'<table class="crossed"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _table(table: Table, language: str) -> str:
    said = words(language)
    numeric = [isinstance(v, (int, float)) for v in table.rows[0]]
    head = "".join(
        f'<th{_n(n)} scope="col">{escape(said[c])}</th>'
        for c, n in zip(table.columns, numeric, strict=True)
    )
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td{_n(n)}>{escape(cell_text(c, v, language))}</td>"
            for c, v, n in zip(table.columns, row, numeric, strict=True)
        )
        + "</tr>"
        for row in table.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _n(numeric: bool) -> str:
    return ' class="n"' if numeric else ""


def _chart(report: Report, table: Table, language: str) -> str:
    """The chart over a table: of all kiosks together (or of the only one)."""
    said = words(language)
    whole = ALL if ALL in report.kiosks else report.kiosks[0]
    rows = [row for row in table.rows if row[0] == whole]
    title = said[table.name]
    if table.name == "days":
        return charts.columns(title, [(str(r[1])[5:], float(r[2])) for r in rows], every=7)
    if table.name == "hours":
        return charts.columns(title, [(str(r[1]), float(r[2])) for r in rows], every=3)
    if table.name == "panels":
        items = [(str(r[1]), float(r[3] or 0)) for r in rows]
        return charts.horizontal_bars(title, items, said["seconds_unit"])
    if table.name in ("endings", "languages", "modes"):
        column = table.columns[1]
        items = [(cell_text(column, r[1], language), float(r[3])) for r in rows]
        return charts.horizontal_bars(title, items, " %")
    if table.name == "pictures":
        return charts.horizontal_bars(title, [(str(r[1]), float(r[2])) for r in rows[:15]])
    return ""

"""What the museum learns: anonymous visit records on the kiosk, and a report staff can read.

Plain Python (no Textual): `recorder.Recorder` takes the UI's calls and writes them off the UI
thread to SQLite (`store.py`); `sessions.py` turns the events back into visits, `totals.py`
into daily totals, `figures.py` into the report's figures, shown by `terminal.py`, `html.py`
and `csv_export.py`. `report_cli.py` is `kiosk report`.
"""

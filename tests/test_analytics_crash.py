"""A kiosk killed mid-visit (kill -9, as good as a power cut for the file): the record opens,
reports, and has lost at most about the last second."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from exhibit.analytics import store
from exhibit.analytics.report_cli import main as report_main
from exhibit.analytics.sessions import visits

ROOT = Path(__file__).resolve().parent.parent

WRITER = """
import sys, time
from pathlib import Path
from exhibit.analytics.recorder import Recorder

recorder = Recorder(Path(sys.argv[1]), panels=("a", "b", "c"), kiosk_id="killed")
n = 0
while True:  # a kiosk whose visitors never stop: a visit of 3 panels every 0.1 s or so
    recorder.visit_started("attract")
    for page in ("a", "b", "c"):
        recorder.page_shown(page)
        recorder.interaction()
        time.sleep(0.01)
        n += 1
        if n % 5 == 0:
            print(time.time(), flush=True)
    recorder.visit_ended("idle")
"""

SLACK = 2.0
"""Seconds allowed beyond the one-second commit for a busy machine's scheduling."""


def run_and_kill(path: Path, after: float) -> float:
    """Start a recording kiosk, kill -9 it `after` seconds into recording; returns the last
    time it said it had recorded."""
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    first = last = float(child.stdout.readline())
    while last - first < after:
        last = float(child.stdout.readline())
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    return last


@pytest.mark.parametrize("rounds", [3])
def test_killed_writer_leaves_a_readable_record(
    tmp_path: Path, rounds: int, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "visits.sqlite"
    left_open: list[bool] = []
    for round_ in range(rounds):
        said = run_and_kill(path, 1.3 + 0.4 * round_)
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        recorded = list(visits(store.events(db)))
        db.close()
        assert recorded, "nothing recorded"
        lost = said - recorded[-1].end
        assert lost <= 1.0 + SLACK, f"lost {lost:.2f} s of events"
        # The visit under way when the kiosk died ends at its last event; unless none of its
        # events had been committed yet (the kill fell just after a commit that ended with
        # the visit before): then the file ends with that one, complete.
        assert recorded[-1].reason in ("interrupted", "idle")
        left_open.append(recorded[-1].reason == "interrupted")
        assert report_main([str(path)]) == 0
        assert "Visits from" in capsys.readouterr().out
    assert any(left_open), "no kill left a visit under way"
    # each restart closed the visit its predecessor left open
    db = sqlite3.connect(path)
    interrupted = db.execute("SELECT count(*) FROM events WHERE name = 'interrupted'")
    assert interrupted.fetchone() == (sum(left_open[:-1]),)

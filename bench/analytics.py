"""Visit recording (run by hand): what it costs the kiosk, and what a year of it costs staff.

    python3 bench/analytics.py [--rounds 6] [--calls 20000] [--keys 40] [--sessions 200000]
        [--only calls,keys,year]

1. Per call: the recorder's calls (interaction, page_shown) timed against the same calls on
   NoRecorder (recording off), in interleaved rounds; the median difference per call.
2. Per key: the real kiosk, headless, taking keys (→, ←, 3, c ...) with the recorder wired in
   as the app calls it (exhibit/analytics/journey_events.py), against the same app with recording
   off; rounds interleaved, each key timed from press to idle, in wall time and in the
   process's CPU time (the writer thread's included). Paired by round and key.
3. A year: 200,000 simulated visits over 365 days written as the recorder writes them (the
   events, and each visit added to its day's totals), the events of visits older than 90 days
   forgotten day by day (as the kiosk does), then the file's size and `kiosk report`'s time
   over the whole year (terminal; terminal, HTML and CSV).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import random
import statistics
import sys
import tempfile
import time
from contextlib import redirect_stdout
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from exhibit.analytics import store  # noqa: E402
from exhibit.analytics.folding import forget_old_events  # noqa: E402
from exhibit.analytics.recorder import NoRecorder, Recorder  # noqa: E402
from exhibit.analytics.report_cli import main as report_main  # noqa: E402
from exhibit.analytics.totals import DayTotals, add_to_day  # noqa: E402
from exhibit.analytics.vocabulary import CLOSING, TITLE, Kind  # noqa: E402
from exhibit.analytics.writer import count_visits  # noqa: E402

PANELS = ("formation", "collapse", "surrender", "captivity", "return")


# 1. Per call -----------------------------------------------------------------------------


def time_calls(recorder: Recorder | NoRecorder, calls: int) -> float:
    """Seconds per call, over `calls` alternating interaction and page_shown calls."""
    pages = PANELS
    start = time.perf_counter()
    for i in range(calls // 2):
        recorder.interaction()
        recorder.page_shown(pages[i % 5])
    return (time.perf_counter() - start) / calls


def bench_calls(rounds: int, calls: int, folder: Path) -> None:
    on = Recorder(folder / "calls.sqlite", panels=PANELS)
    off = NoRecorder()
    pairs = []
    for _ in range(rounds):
        a, b = time_calls(on, calls), time_calls(off, calls)
        pairs.append((a, b))
    on.close(timeout=60)
    diff = statistics.median(a - b for a, b in pairs)
    print(
        f"per call: recording on {statistics.median(a for a, _ in pairs) * 1e6:.2f} µs, "
        f"off {statistics.median(b for _, b in pairs) * 1e6:.2f} µs; "
        f"difference {diff * 1e6:.2f} µs (median of {rounds} rounds of {calls} calls)"
    )


# 2. Per key ------------------------------------------------------------------------------

KEYS = ("right", "right", "right", "left", "c", "right", "3", "right", "c", "home")
"""Page turns and a mode, over pages already built: the kiosk's own work per key is then
small, so that the recorder's share would show."""


async def time_keys(recording: bool, keys: int, folder: Path) -> list[tuple[float, float]]:
    """(wall seconds, CPU seconds of the whole process, writer thread included) per key."""
    from exhibit.loader import load_exhibit
    from exhibit.ui.app import KioskApp

    loaded = load_exhibit(ROOT / "exhibit.yaml")
    assert loaded.exhibit is not None
    ids = [panel.id for panel in loaded.exhibit.panels]
    recorder = Recorder(folder / "keys.sqlite", panels=ids) if recording else NoRecorder()
    app = KioskApp(loaded.exhibit, editions=loaded.editions, idle_timeout=3600, recorder=recorder)
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        for key in KEYS * 2:  # every page built and kept once before timing
            await pilot.press(key)
        await pilot.pause()
        for i in range(keys):
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press(KEYS[i % len(KEYS)])
            await app.animator.wait_until_complete()
            times.append((time.perf_counter() - start, time.process_time() - cpu))
    recorder.close(timeout=60)
    return times


def bench_keys(rounds: int, keys: int, folder: Path) -> None:
    pairs: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for round_ in range(rounds):
        order = (True, False) if round_ % 2 == 0 else (False, True)
        result = {rec: asyncio.run(time_keys(rec, keys, folder)) for rec in order}
        pairs += zip(result[True], result[False], strict=True)
    for what, i in (("wall", 0), ("CPU", 1)):
        on = statistics.median(a[i] for a, _ in pairs)
        off = statistics.median(b[i] for _, b in pairs)
        differences = [a[i] - b[i] for a, b in pairs]
        low, _, high = statistics.quantiles(differences, n=4)
        print(
            f"per key, {what} time ({rounds} x {keys} keys, press to idle, bundled exhibit): "
            f"recording on {on * 1000:.2f} ms, off {off * 1000:.2f} ms; paired difference "
            f"median {statistics.median(differences) * 1000:+.3f} ms "
            f"(quartiles {low * 1000:+.2f} .. {high * 1000:+.2f} ms)"
        )


# 3. A year -------------------------------------------------------------------------------


def simulate(path: Path, sessions: int, days: int, keep_raw_days: int, seed: int = 1945) -> int:
    """`sessions` visits spread over `days` days from 1 Jan 2026 (local time), written as the
    recorder writes them, each day's old events forgotten as the kiosk forgets them; returns
    how many visits' events were forgotten."""
    rng = random.Random(seed)
    db = store.open_for_writing(path, "bench-kiosk")
    first = datetime(2026, 1, 1)
    session, forgotten = store.last_session(db), 0
    # Busier at weekends, quiet on Mondays, and some days busier than others
    weights = [
        rng.uniform(0.7, 1.3) * (1.6 if day % 7 in (2, 3) else 0.3 if day % 7 == 4 else 1.0)
        for day in range(days)  # 1 Jan 2026 is a Thursday
    ]
    counts = [int(sessions * w / sum(weights)) for w in weights]
    counts[0] += sessions - sum(counts)
    for day, count in enumerate(counts):
        opening = (first + timedelta(days=day, hours=9)).timestamp()
        starts = sorted(opening + rng.triangular(0, 9 * 3600, 5 * 3600) for _ in range(count))
        events: list[store.Event] = []
        t = opening
        for start in starts:  # one visitor at a time: a visit waits for the one before
            session += 1
            events += _visit(rng, session, max(start, t + rng.uniform(3, 10)))
            t = events[-1][0] / 1000
        totals: dict[str, DayTotals] = {}
        count_visits(events, totals, None)  # as the writer does when each visit ends
        with store.transaction(db):
            store.add_events(db, events)
            for name, day_totals in totals.items():
                add_to_day(db, name, day_totals)
        forgotten += forget_old_events(db, keep_raw_days, now=t)
    db.close()
    return forgotten


def _visit(rng: random.Random, session: int, t: float) -> list[store.Event]:
    ms = lambda: round(t * 1000)  # noqa: E731
    out: list[store.Event] = [(ms(), session, Kind.START, rng.choice(("attract", "title")), "5")]
    language = "ja" if rng.random() < 0.4 else "en"
    out.append((ms(), session, Kind.CHOICE, "language", language))
    page = rng.choice((TITLE, *PANELS))
    out.append((ms(), session, Kind.PAGE, page, ""))
    for _ in range(min(12, int(rng.expovariate(1 / 3)) + 1)):
        t += min(180.0, rng.expovariate(1 / 10))
        out.append((ms(), session, Kind.TOUCH, "", str(rng.randint(1, 3))))
        if rng.random() < 0.05:
            out.append((ms(), session, Kind.CHOICE, rng.choice(("describe", "contrast")), "on"))
        if page in PANELS and rng.random() < 0.2:
            out.append((ms(), session, Kind.IMAGE, page, str(rng.randint(0, 2))))
        page = rng.choice((*PANELS, CLOSING))
        if page == "captivity" and rng.random() < 0.1:
            out.append((ms(), session, Kind.SKIP, page, ""))
            page = "return"
        out.append((ms(), session, Kind.PAGE, page, ""))
    t += min(180.0, rng.expovariate(1 / 12))
    out.append((ms(), session, Kind.END, "idle", ""))
    return out


def size_of(path: Path) -> float:
    """Megabytes of the record with its WAL (checkpointed after the fold)."""
    files = [path, path.with_name(path.name + "-wal")]
    return sum(p.stat().st_size for p in files if p.exists()) / 1e6


def bench_year(sessions: int, folder: Path, keep_raw_days: int = 90) -> None:
    path = folder / "year.sqlite"
    start = time.perf_counter()
    forgotten = simulate(path, sessions, 365, keep_raw_days)
    made = time.perf_counter() - start
    print(
        f"a year: {sessions} visits simulated in {made:.0f} s; the events of {forgotten} "
        f"visits older than {keep_raw_days} days forgotten day by day; on disk "
        f"{size_of(path):.1f} MB (the file and its WAL, never vacuumed)"
    )
    for what, extra in (("terminal", []), ("terminal + HTML + CSV", ["--html", "--csv"])):
        args = [str(path)]
        if extra:
            args += ["--html", str(folder / "year.html"), "--csv", str(folder / "csv")]
        times = []
        for _ in range(3):
            start = time.perf_counter()
            with redirect_stdout(io.StringIO()):
                assert report_main(args) == 0
            times.append(time.perf_counter() - start)
        print(f"  kiosk report over the year ({what}): {min(times):.2f} s (best of 3)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--calls", type=int, default=20000)
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--sessions", type=int, default=200_000)
    parser.add_argument("--only", default="calls,keys,year")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if "calls" in args.only:
            bench_calls(args.rounds, args.calls, folder)
        if "keys" in args.only:
            bench_keys(args.rounds, args.keys, folder)
        if "year" in args.only:
            bench_year(args.sessions, folder)


if __name__ == "__main__":
    main()

"""Benchmark (run by hand): one browser session of `kiosk serve`, against a bare Textual app
served the same way.

    python3 bench/serve.py [--runs 3] [--turns 12]

For each run, interleaved (kiosk, then bare app): starts the server (exhibit/web, the same
code as `kiosk serve`) on a free local port with the bundled exhibit, opens one tab in headless
Debian chromium, and measures

1. start: page requested to the title drawn in the browser (its words seen in the WebSocket
   stream), and the CPU time the session's process used to get there;
2. memory: VmRSS of the session's process at the title, after --idle seconds left there (a
   reader at the first page: what the session builds ahead meanwhile), and after --turns page
   turns (every page of the bundled exhibit is built once, pictures as half blocks); the
   server's own VmRSS;
3. CPU per page turn (utime+stime of the session's process over the turns, divided).

Three kinds of session, interleaved: the kiosk as `kiosk serve` starts it (building ahead
only the pages next to the one shown), the same with --build-ahead all (every page, as the
hall's kiosk), and the bare app. Prints medians (and ranges) and the sessions a machine
holds: a 2 GB Raspberry Pi 4 keeping ~1.2 GB for sessions, and a 2-core server with a visitor
turning a page every 15 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT)]

from exhibit.loader import load_exhibit  # noqa: E402

EXHIBIT = ROOT / "exhibit.yaml"
TICK = os.sysconf("SC_CLK_TCK")
PI_MEMORY_FOR_SESSIONS_MB = 1200.0
"""Of a 2 GB Pi 4: less the OS, the server and a margin for the page cache."""
SECONDS_BETWEEN_TURNS = 15.0
"""A reading visitor: a page every 15 s at most (the bundled panels take a minute or more)."""
SERVER_CORES = 2.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def status(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024  # kB -> MB
    return 0.0


def cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


SERVER = """
import sys
from pathlib import Path
from exhibit.loader import load_exhibit
from exhibit.web.command import child_environment, kiosk_argv
from exhibit.web.server import KioskServer
exhibit_file, port, which = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
argv = kiosk_argv(exhibit_file) if which != "bare" else [sys.executable, sys.argv[4]]
if which == "kiosk-all":  # the last --build-ahead given counts
    argv += ["--build-ahead", "all"]
exhibit = load_exhibit(exhibit_file).exhibit
KioskServer(argv, child_environment(), exhibit, host="127.0.0.1", port=port,
            max_sessions=2).serve()
"""


def one_session(
    browser: object, which: str, turns: int, idle: float, marker: str
) -> dict[str, float]:
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            SERVER,
            str(EXHIBIT),
            str(port),
            which,
            str(HERE / "baseline_app.py"),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        return _measure(browser, server, port, turns, idle, marker)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _measure(
    browser: object,
    server: subprocess.Popen[bytes],
    port: int,
    turns: int,
    idle: float,
    marker: str,
) -> dict[str, float]:
    import urllib.request

    url = f"http://127.0.0.1:{port}/"
    for _ in range(300):
        try:
            with urllib.request.urlopen(url, timeout=2):
                break
        except OSError:
            time.sleep(0.1)
    context = browser.new_context(viewport={"width": 1100, "height": 700})  # type: ignore[attr-defined]
    page = context.new_page()
    received: list[bytes] = []
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived", lambda f: received.append(f if isinstance(f, bytes) else f.encode())
        ),
    )
    started = time.perf_counter()
    page.goto(url)
    while marker not in b"".join(received).decode("utf-8", "replace"):
        page.wait_for_timeout(5)
        if time.perf_counter() - started > 60:
            raise SystemExit(f"{marker!r} never appeared")
    start_ms = (time.perf_counter() - started) * 1000
    page.wait_for_timeout(500)
    (session,) = children(server.pid)
    result = {
        "start_ms": start_ms,
        "start_cpu_s": cpu(session),
        "rss_title_mb": status(session, "VmRSS"),
        "server_mb": status(server.pid, "VmRSS"),
    }
    page.wait_for_timeout(idle * 1000)
    result["rss_idle_mb"] = status(session, "VmRSS")
    page.focus(".xterm-helper-textarea")
    before = cpu(session)
    for _ in range(turns):
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(400)
    result["cpu_per_turn_ms"] = (cpu(session) - before) / turns * 1000
    result["rss_walked_mb"] = status(session, "VmRSS")
    context.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--turns", type=int, default=12)
    parser.add_argument("--idle", type=float, default=30.0, help="seconds left at the title")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    exhibit = load_exhibit(EXHIBIT).exhibit
    assert exhibit is not None
    kinds = ("kiosk", "kiosk-all", "bare")
    title = "press any key to begin"
    markers = {"kiosk": title, "kiosk-all": title, "bare": "Baseline title screen"}
    samples: dict[str, list[dict[str, float]]] = {which: [] for which in kinds}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=["--no-sandbox"]
        )
        for run in range(args.runs):
            for which in kinds:
                sample = one_session(browser, which, args.turns, args.idle, markers[which])
                samples[which].append(sample)
                print(
                    f"run {run + 1} {which}: "
                    + ", ".join(f"{k} {v:.1f}" for k, v in sample.items())
                )
        browser.close()
    print()
    print("| measure | kiosk (range) | kiosk, --build-ahead all | bare Textual | ratio |")
    print("| --- | --- | --- | --- | --- |")
    for key in samples["kiosk"][0]:
        kiosk = [s[key] for s in samples["kiosk"]]
        every = statistics.median(s[key] for s in samples["kiosk-all"])
        bare = statistics.median(s[key] for s in samples["bare"])
        median = statistics.median(kiosk)
        ratio = f"{median / bare:.2f}x" if bare else ""
        spread = f"{median:.1f} ({min(kiosk):.1f}–{max(kiosk):.1f})"
        print(f"| {key} | {spread} | {every:.1f} | {bare:.1f} | {ratio} |")
    walked = statistics.median(s["rss_walked_mb"] for s in samples["kiosk"])
    per_turn = statistics.median(s["cpu_per_turn_ms"] for s in samples["kiosk"])
    by_memory = PI_MEMORY_FOR_SESSIONS_MB / walked
    by_cpu = SERVER_CORES * SECONDS_BETWEEN_TURNS * 1000 / per_turn
    print()
    print(f"2 GB Raspberry Pi 4: {by_memory:.0f} sessions by memory ({walked:.0f} MB each)")
    print(
        f"2-core server: {by_cpu:.0f} sessions by CPU ({per_turn:.0f} ms a turn here, a turn "
        f"every {SECONDS_BETWEEN_TURNS:.0f} s), {1000 / walked:.1f} per GB of memory"
    )


if __name__ == "__main__":
    main()

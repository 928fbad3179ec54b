"""Import costs (run by hand): what `kiosk.py --check` and the UI load, and what it costs.

    python3 bench/imports.py [--top 10] [--runs 3]

Runs `python -X importtime kiosk.py --check` and `python -X importtime -c "import
exhibit.ui.app"` (each --runs times, keeping each module's fastest time, to damp the noise of
a busy machine) and prints the total and the --top modules by self time and by cumulative
time (a package's cumulative time includes everything it imports). Also prints the wall time
of a bare `python -c pass` and of `import textual.app` for scale.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "kiosk.py --check": [str(ROOT / "kiosk.py"), "--check"],
    "import exhibit.ui.app": ["-c", "import exhibit.ui.app"],
}


def importtime(args: list[str], runs: int) -> dict[str, tuple[int, int]]:
    """module -> (self us, cumulative us), the smallest of `runs` runs."""
    best: dict[str, tuple[int, int]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            own, total, name = line[len("import time:") :].split("|")
            module = name.strip()
            figures = (int(own), int(total))
            if module not in best or figures[1] < best[module][1]:
                best[module] = figures
    return best


def wall(args: list[str], runs: int) -> float:
    """The fastest wall time of `python args`, in ms."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"python -c pass: {wall(['-c', 'pass'], args.runs):.0f} ms wall")
    print(f"python -c 'import textual.app': {wall(['-c', 'import textual.app'], args.runs):.0f} ms")
    for title, case in CASES.items():
        modules = importtime(case, args.runs)
        roots = [m for m in modules if "." not in m]
        total = sum(modules[m][1] for m in roots) / 1000
        took = wall(case, args.runs)
        print(f"\n{title}: {len(modules)} modules, {total:.0f} ms of imports (wall {took:.0f} ms)")
        for label, index in (("self", 0), ("cumulative", 1)):
            print(f"  top {args.top} by {label} time:")
            ranked = sorted(modules.items(), key=lambda item: item[1][index], reverse=True)
            for module, figures in ranked[: args.top]:
                print(f"    {figures[index] / 1000:7.1f} ms  {module}")


if __name__ == "__main__":
    main()

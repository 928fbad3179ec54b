"""The table bench/run.py prints: median, range, baseline, ratio, goal and verdict per row."""

from __future__ import annotations

import statistics
from collections.abc import Callable

Samples = dict[str, list[float]]
Check = Callable[[float, float | None], bool]


def at_most(limit: float) -> Check:
    """Met when the ratio kiosk / baseline is at most `limit`."""
    return lambda value, ratio: ratio is not None and ratio <= limit


def below(limit: float) -> Check:
    """Met when the value itself is under `limit`."""
    return lambda value, ratio: value < limit


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


TITLE_BASE = "rss.title.static"
STATIC = "start.static"

# label, samples key, baseline key, number format, goal as written, check (None: for information)
ROWS: list[tuple[str, str, str, str, str, Check | None]] = [
    ("start-up, as deployed (ms)", "start.deployed", STATIC, ".0f", "≤1.3x", at_most(1.3)),
    ("start-up to title, text (ms)", "start.text", STATIC, ".0f", "≤1.3x", at_most(1.3)),
    ("start-up to title, halfcell (ms)", "start.images", STATIC, ".0f", "", None),
    ("start-up, ContentSwitcher app (ms)", "start.baseline", STATIC, ".0f", "", None),
    (
        "key→settled, first visits incl. (ms)",
        "settled.text",
        "settled.baseline",
        ".1f",
        "≤1.5x",
        at_most(1.5),
    ),
    (
        "key→settled, first visits incl., p95",
        "p95:settled.text",
        "p95:settled.baseline",
        ".1f",
        "≤1.5x",
        at_most(1.5),
    ),
    (
        "key→settled, images, first incl. (ms)",
        "settled.images",
        "settled.baseline",
        ".1f",
        "≤1.5x",
        at_most(1.5),
    ),
    (
        "key→settled, images, first incl., p95",
        "p95:settled.images",
        "p95:settled.baseline",
        ".1f",
        "≤1.5x",
        at_most(1.5),
    ),
    ("key→panel, text (ms)", "key.text", "key.baseline", ".1f", "≤1.5x", at_most(1.5)),
    ("key→panel, text, p95 (ms)", "p95:key.text", "key.baseline", ".1f", "<50 ms", below(50)),
    ("key→panel, cached images (ms)", "key.images", "key.baseline", ".1f", "≤1.5x", at_most(1.5)),
    ("key→panel, images, p95 (ms)", "p95:key.images", "key.baseline", ".1f", "<50 ms", below(50)),
    ("key→panel, first visit, text (ms)", "cold.text", "cold.baseline", ".1f", "", None),
    ("pages built while idle, text: title to all (ms)", "prebuilt.text", "", ".0f", "", None),
    ("key→first frame, text (ms)", "first.text", "first.baseline", ".1f", "", None),
    ("key→first frame, images (ms)", "first.images", "first.baseline", ".1f", "", None),
    ("RSS at title, text (MB)", "rss.title.text", TITLE_BASE, ".1f", "≤1.3x", at_most(1.3)),
    ("RSS at title, halfcell (MB)", "rss.title.images", TITLE_BASE, ".1f", "", None),
    ("RSS after all pages, text (MB)", "rss.walked.text", "rss.walked.baseline", ".1f", "", None),
    ("RSS after all pages, halfcell", "rss.walked.images", "rss.walked.baseline", ".1f", "", None),
    ("CPU at rest (% of a core)", "cpu.text", "cpu.baseline", ".2f", "<0.5%", below(0.5)),
    ("CPU in demo, interval 5 s (%)", "cpu.demo", "cpu.baseline", ".2f", "<1%", below(1.0)),
]


def _row(
    res: Samples, label: str, key: str, base: str, fmt: str, goal: str, check: Check | None
) -> tuple[str, ...] | None:
    percentile = key.startswith("p95:")
    values = res.get(key.removeprefix("p95:"), [])
    if not values:
        return None
    summary = p95 if percentile else statistics.median
    value = summary(values)
    spread = "" if percentile else f"{min(values):{fmt}}–{max(values):{fmt}}"
    base_summary = p95 if base.startswith("p95:") else summary
    base_values = res.get(base.removeprefix("p95:"), [])
    b = base_summary(base_values) if base_values else None
    ratio = value / b if b else None
    verdict = "" if check is None else ("yes" if check(value, ratio) else "NO")
    shown_base = f"{b:{fmt}}" if b is not None else ""
    shown_ratio = f"{ratio:.2f}x" if ratio else ""
    return label, f"{value:{fmt}}", spread, shown_base, shown_ratio, goal, verdict


def table(res: Samples, images: dict[str, float]) -> list[str]:
    rows: list[tuple[str, ...]] = [
        ("measure", "median", "range (min–max)", "baseline", "ratio", "goal", "met?")
    ]
    rows += [r for spec in ROWS if (r := _row(res, *spec))]
    if images:
        first, ratio, again = images["first"], images["first_ratio"], images["repaint"]
        verdict, fast = ("yes" if ratio < 1 else "NO"), ("yes" if again < 10 else "NO")
        rows.append(("12 MP JPEG, first paint (ms)", f"{first:.1f}", "", "", f"{ratio:.2f}x"))
        rows[-1] += ("<1x textual-image", verdict)
        rows.append(("12 MP JPEG, cached, CPU (ms)", f"{again:.1f}", "", "", "", "<10 ms", fast))
        wall = images.get("repaint_wall", float("nan"))
        rows.append(("12 MP JPEG, cached, wall (ms)", f"{wall:.1f}", "", "", "", "", ""))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(_cells(r, widths)) for r in rows]
    return [lines[0], "-" * len(lines[0]), *lines[1:]]


def _cells(row: tuple[str, ...], widths: list[int]) -> list[str]:
    """The first column left-aligned, the others right-aligned."""
    return [row[0].ljust(widths[0])] + [
        c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
    ]


def per_image(res: Samples, panels_with_images: int) -> str:
    """What the cached pictures cost: the walk's growth with pictures minus its growth without
    (the same walk, the same pages, words instead of pictures)."""
    keys = ("rss.walked.images", "rss.title.images", "rss.walked.text", "rss.title.text")
    if not all(res.get(k) for k in keys) or not panels_with_images:
        return ""
    m = [statistics.median(res[k]) for k in keys]
    extra = (m[0] - m[1]) - (m[2] - m[3])
    each = extra / panels_with_images
    return (
        f"cached pictures: {extra:+.1f} MB RSS for {panels_with_images} panels with images "
        f"(~{each:+.2f} MB a panel; RSS noise is about ±1 MB)"
    )


def parse_images(text: str) -> dict[str, float]:
    """bench/images.py's kiosk first paint (ms, and ratio to textual-image) and the cached
    repaint above the floor (ms)."""
    figures: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith("kiosk Picture, first paint"):
            figures["first"] = float(line.split("first paint")[1].split()[0])
            ratio = next(word for word in line.split() if word.endswith("x"))
            figures["first_ratio"] = float(ratio.rstrip("x"))
        if line.startswith("cached repaint above the floor, CPU"):
            figures["repaint"] = float(line.split(":")[1].split()[0])
        if line.startswith("cached repaint above the floor, wall"):
            figures["repaint_wall"] = float(line.split(":")[1].split()[0])
    return figures

"""--check for the pictures the terminal draws: every bar has a figure, every key it names is
in the legend, every period runs forwards, and words over a picture have a picture to go on."""

from __future__ import annotations

import difflib

from ..model import Chart, Exhibit, ImageRef, TimelineDrawing
from ..problems import KeyPath, Problems
from .timeline import year_of


def check_drawings(exhibit: Exhibit, problems: Problems) -> None:
    for p_index, panel in enumerate(exhibit.panels):
        for i_index, image in enumerate(panel.images):
            _image(image, ("panels", p_index, "images", i_index), problems)


def _image(image: ImageRef, path: KeyPath, problems: Problems) -> None:
    if image.chart is not None and image.timeline is not None:
        problems.add(
            path, "an image is either a chart or a timeline; move one to an image of its own"
        )
    if image.drawn and image.file:
        kind = "chart" if image.chart is not None else "timeline"
        problems.add(
            (*path, "file"),
            f"this image is a {kind} the kiosk draws itself; remove 'file:' or the '{kind}:'",
        )
    if image.labels and not image.file:
        problems.warn(
            (*path, "labels"),
            "labels are drawn over a picture, but this image has no 'file:'; add the picture",
        )
    ids = [key.id for key in image.legend if key.id]
    seen: set[str] = set()
    for index, key in enumerate(image.legend):
        if key.id and key.id in seen:
            problems.add((*path, "legend", index, "id"), f"the key {key.id!r} is listed twice")
        seen.add(key.id or "")
    if image.chart is not None:
        _chart(image.chart, (*path, "chart"), ids, problems)
    if image.timeline is not None:
        _timeline(image.timeline, (*path, "timeline"), ids, problems)


def _key(key: str | None, path: KeyPath, ids: list[str], problems: Problems) -> None:
    if key is None or key in ids:
        return
    close = difflib.get_close_matches(key, ids, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    problems.add(
        path,
        f"the key {key!r} is not in this image's 'legend:'; {hint}"
        f"add it there (- id: {key}, label: ...) or correct it",
    )


def _chart(chart: Chart, path: KeyPath, ids: list[str], problems: Problems) -> None:
    for g_index, group in enumerate(chart.groups):
        for b_index, bar in enumerate(group.bars):
            at = (*path, "groups", g_index, "bars", b_index)
            ranged = bar.low is not None or bar.high is not None
            if bar.value is None and not ranged:
                problems.add(at, "give the bar a 'value:', or a range with 'low:' and 'high:'")
            elif bar.value is not None and ranged:
                problems.add(at, "give either 'value:' or 'low:' and 'high:', not both")
            elif ranged and (bar.low is None or bar.high is None):
                missing = "low" if bar.low is None else "high"
                problems.add(at, f"a range needs both 'low:' and 'high:'; add '{missing}:'")
            elif bar.low is not None and bar.high is not None and bar.low > bar.high:
                problems.add(at, f"'low' ({bar.low:g}) is more than 'high' ({bar.high:g})")
            figures = [v for v in (bar.value, bar.low, bar.high) if v is not None]
            if any(v < 0 for v in figures):
                problems.add(at, "bars start at 0; a negative figure cannot be drawn")
            _key(bar.key, (*at, "key"), ids, problems)


def _timeline(timeline: TimelineDrawing, path: KeyPath, ids: list[str], problems: Problems) -> None:
    if not timeline.events and not timeline.periods:
        problems.add(path, "the timeline has nothing to show; add 'events:' or 'periods:'")
    for index, period in enumerate(timeline.periods):
        at = (*path, "periods", index)
        if year_of(period.start) > year_of(period.end):
            problems.add(at, f"start ({period.start}) is after end ({period.end})")
        _key(period.key, (*at, "key"), ids, problems)
